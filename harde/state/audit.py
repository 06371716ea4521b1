"""The audit log of CRM writes and other deliberate actions (a homeowner email resent): who,
when, what, and what came of it. A SQLite table."""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from harde.config import Settings
from harde.state.sqlite_worker import SQLiteWorker

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    ok INTEGER NOT NULL,
    answer TEXT NOT NULL
)
"""


def _create_table(db: sqlite3.Connection) -> None:
    db.execute(_SCHEMA)


class AuditLog:
    """One log per file in a process, on one connection used from its own thread (WAL,
    `synchronous=NORMAL`, as the conversation store): `arecord` from a coroutine never
    waits on the disk, and a record opens no connection of its own."""

    # A process uses one data folder; tests use many, so the least recently opened is closed.
    _open: ClassVar[OrderedDict[Path, AuditLog]] = OrderedDict()
    _kept: ClassVar[int] = 8
    _open_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: Path) -> None:
        self.path = path
        self._worker = SQLiteWorker(path, _create_table, name="audit")

    @classmethod
    def for_settings(cls, settings: Settings) -> AuditLog:
        """The process's log for these settings' data folder, opened on first use."""
        path = (settings.data_dir / "audit.sqlite3").resolve()
        with cls._open_lock:
            log = cls._open.get(path)
            if log is None:
                log = cls._open[path] = cls(path)
                while len(cls._open) > cls._kept:
                    _, evicted = cls._open.popitem(last=False)
                    evicted._worker.close()
            cls._open.move_to_end(path)
            return log

    @staticmethod
    def _insert(*, user: str, kind: str, summary: str, ok: bool, answer: str) -> Callable[[sqlite3.Connection], None]:
        row = (datetime.now(UTC).isoformat(timespec="seconds"), user, kind, summary, int(ok), answer)

        def insert(db: sqlite3.Connection) -> None:
            with db:
                db.execute("INSERT INTO audit (at, user, kind, summary, ok, answer) VALUES (?, ?, ?, ?, ?, ?)", row)

        return insert

    async def arecord(self, *, user: str, kind: str, summary: str, ok: bool, answer: str) -> None:
        await self._worker.run(self._insert(user=user, kind=kind, summary=summary, ok=ok, answer=answer))

    def record(self, *, user: str, kind: str, summary: str, ok: bool, answer: str) -> None:
        """The same as `arecord`, from a thread without an event loop."""
        self._worker.call(self._insert(user=user, kind=kind, summary=summary, ok=ok, answer=answer))

    def entries(self, limit: int = 100) -> list[dict[str, Any]]:
        def read(db: sqlite3.Connection) -> list[dict[str, Any]]:
            cursor = db.execute("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,))
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

        return self._worker.call(read)

    def close(self) -> None:
        with self._open_lock:
            if self._open.get(self.path) is self:
                del self._open[self.path]
        self._worker.close()
