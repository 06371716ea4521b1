"""Two processes opening a new SQLite store at the same moment (the web process and the
daemon at start) both switch it to WAL; SQLite refuses one of them at once instead of waiting
out the busy timeout, and that open must be retried, not fail."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from harde.state.sqlite_worker import open_connection


def _open(path: str, barrier: multiprocessing.synchronize.Barrier) -> None:
    barrier.wait()
    open_connection(Path(path)).close()


@pytest.mark.slow
def test_processes_creating_the_same_store_at_once_all_open_it(tmp_path: Path) -> None:
    spawn = multiprocessing.get_context("fork")
    failures = 0
    for attempt in range(25):
        path = tmp_path / f"store-{attempt}.sqlite3"
        barrier = spawn.Barrier(4)
        children = [spawn.Process(target=_open, args=(str(path), barrier)) for _ in range(4)]
        for child in children:
            child.start()
        for child in children:
            child.join(timeout=60)
        failures += sum(child.exitcode != 0 for child in children)
        assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert failures == 0
