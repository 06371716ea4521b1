"""One SQLite connection owned by one thread, for the stores the web process keeps open.

Every call runs on that thread, so the event loop never waits on a disk sync or a busy lock,
and a store holds one connection (three descriptors: the file, its WAL and shared memory)
however many conversations it serves. WAL with `synchronous=NORMAL`: a commit appends to the
WAL without an fsync; the WAL is synced at checkpoints, so a power cut may lose the last
commits but never corrupts the file.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from tenacity import retry, retry_if_exception, stop_after_delay, wait_random_exponential

T = TypeVar("T")

BUSY_TIMEOUT_S = 10.0


def open_connection(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection in WAL mode with `synchronous=NORMAL` and a busy timeout."""
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=check_same_thread)
    try:
        enter_wal(db)
        db.execute("PRAGMA synchronous=NORMAL")
    except BaseException:
        db.close()
        raise
    return db


def _is_locked(error: BaseException) -> bool:
    return isinstance(error, sqlite3.OperationalError) and "locked" in str(error)


@retry(
    retry=retry_if_exception(_is_locked),
    stop=stop_after_delay(BUSY_TIMEOUT_S),
    wait=wait_random_exponential(multiplier=0.01, max=0.5),
    reraise=True,
)
def enter_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL. Two processes creating the same file at once can both ask for the lock that
    switch needs, and SQLite refuses one at once rather than through the busy timeout: try again."""
    db.execute("PRAGMA journal_mode=WAL")


class SQLiteWorker:
    """A connection and the single thread that uses it; `run` from a coroutine, `call` from a thread."""

    def __init__(self, path: Path, setup: Callable[[sqlite3.Connection], None] | None = None, *, name: str = "sqlite") -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._db: sqlite3.Connection | None = None
        self._closed = False

        def start() -> None:
            db = open_connection(path)
            if setup is not None:
                with db:
                    setup(db)
            self._db = db

        self._executor.submit(start).result()

    def _apply(self, work: Callable[[sqlite3.Connection], T]) -> T:
        if self._db is None:
            raise RuntimeError(f"the SQLite connection to {self.path.name} is closed")
        return work(self._db)

    async def run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work(connection)` on the connection's thread and wait for it without blocking the loop.

        A caller cancelled meanwhile does not stop the work: a write that started finishes."""
        return await asyncio.wrap_future(self._executor.submit(self._apply, work))

    def submit(self, work: Callable[[sqlite3.Connection], T]) -> Future[T]:
        """Queue `work` without waiting for it (a write nobody needs the answer of)."""
        return self._executor.submit(self._apply, work)

    def call(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """The same, from a plain thread (or a command): blocks until done."""
        return self._executor.submit(self._apply, work).result()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True

        def stop() -> None:
            if self._db is not None:
                self._db.close()
                self._db = None

        self._executor.submit(stop).result()
        self._executor.shutdown(wait=True)
