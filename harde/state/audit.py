"""The audit log of CRM writes and other deliberate actions (a homeowner email resent): who,
when, what, and what came of it. A SQLite table."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from harde.config import Settings

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


class AuditLog:
    _lock = threading.Lock()

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        with self._connect() as db:
            db.execute(_SCHEMA)

    @classmethod
    def for_settings(cls, settings: Settings) -> AuditLog:
        return cls(settings.data_dir / "audit.sqlite3")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def record(self, *, user: str, kind: str, summary: str, ok: bool, answer: str) -> None:
        with self._lock, self._connect() as db:
            db.execute(
                "INSERT INTO audit (at, user, kind, summary, ok, answer) VALUES (?, ?, ?, ?, ?, ?)",
                (datetime.now(UTC).isoformat(timespec="seconds"), user, kind, summary, int(ok), answer),
            )

    def entries(self, limit: int = 100) -> list[dict[str, Any]]:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            rows = db.execute("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [dict(r) for r in rows]
