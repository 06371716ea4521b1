"""Where conversations are kept: message history (an SDK session) plus title and state.

SQLite under the data folder by default; Redis (`HARDE_SESSION_URL=redis://…`) when several
app instances share conversations.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from agents.memory import Session, SQLiteSession

from harde.config import Settings
from harde.state.conversation import ConversationState


@dataclass(frozen=True)
class ConversationSummary:
    id: str
    title: str
    updated_at: float


class ConversationStore(Protocol):
    def session(self, conversation_id: str) -> Session: ...

    async def load_state(self, conversation_id: str) -> ConversationState | None: ...

    async def save_state(self, conversation_id: str, state: ConversationState) -> None: ...

    async def list_conversations(self, limit: int = 50) -> list[ConversationSummary]: ...

    async def delete(self, conversation_id: str) -> None: ...

    async def aclose(self) -> None: ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS harde_conversations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    state TEXT NOT NULL,
    updated_at REAL NOT NULL
)
"""


class SQLiteConversationStore:
    """History in the SDK's SQLiteSession tables, state in a table of its own, one file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=10)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self._db.commit()
        self._sessions: dict[str, SQLiteSession] = {}

    def session(self, conversation_id: str) -> Session:
        if conversation_id not in self._sessions:
            self._sessions[conversation_id] = SQLiteSession(conversation_id, str(self.path))
        return self._sessions[conversation_id]

    async def load_state(self, conversation_id: str) -> ConversationState | None:
        with self._lock:
            row = self._db.execute(
                "SELECT state FROM harde_conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
        return ConversationState.from_json(row[0]) if row else None

    async def save_state(self, conversation_id: str, state: ConversationState) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO harde_conversations (id, title, state, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET title = excluded.title, state = excluded.state, "
                "updated_at = excluded.updated_at",
                (conversation_id, state.title, state.to_json().decode(), time.time()),
            )
            self._db.commit()

    async def list_conversations(self, limit: int = 50) -> list[ConversationSummary]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, title, updated_at FROM harde_conversations ORDER BY updated_at DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [ConversationSummary(*row) for row in rows]

    async def delete(self, conversation_id: str) -> None:
        await self.session(conversation_id).clear_session()
        with self._lock:
            self._db.execute("DELETE FROM harde_conversations WHERE id = ?", (conversation_id,))
            self._db.commit()

    async def aclose(self) -> None:
        for session in self._sessions.values():
            session.close()
        self._sessions.clear()
        with self._lock:
            self._db.close()


class RedisConversationStore:
    """History in the SDK's RedisSession, state in a hash, recency in a sorted set."""

    def __init__(self, url: str, prefix: str = "harde") -> None:
        from redis.asyncio import Redis

        self.url = url
        self.prefix = prefix
        self._redis: Any = Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)

    def session(self, conversation_id: str) -> Session:
        from agents.extensions.memory.redis_session import RedisSession

        return RedisSession(conversation_id, redis_client=self._redis, key_prefix=f"{self.prefix}:session")

    def _key(self, conversation_id: str) -> str:
        return f"{self.prefix}:conversation:{conversation_id}"

    async def load_state(self, conversation_id: str) -> ConversationState | None:
        raw = await self._redis.hget(self._key(conversation_id), "state")
        return ConversationState.from_json(raw) if raw else None

    async def save_state(self, conversation_id: str, state: ConversationState) -> None:
        now = time.time()
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(self._key(conversation_id), mapping={"title": state.title, "state": state.to_json()})
            pipe.zadd(f"{self.prefix}:conversations", {conversation_id: now})
            await pipe.execute()

    async def list_conversations(self, limit: int = 50) -> list[ConversationSummary]:
        ids = await self._redis.zrevrange(f"{self.prefix}:conversations", 0, limit - 1, withscores=True)
        out: list[ConversationSummary] = []
        for raw_id, score in ids:
            cid = raw_id.decode() if isinstance(raw_id, bytes) else str(raw_id)
            title = await self._redis.hget(self._key(cid), "title")
            out.append(ConversationSummary(cid, (title or b"").decode(), float(score)))
        return out

    async def delete(self, conversation_id: str) -> None:
        await self.session(conversation_id).clear_session()
        await self._redis.delete(self._key(conversation_id))
        await self._redis.zrem(f"{self.prefix}:conversations", conversation_id)

    async def aclose(self) -> None:
        await self._redis.aclose()


def make_store(settings: Settings) -> ConversationStore:
    if settings.session_url.startswith(("redis://", "rediss://", "unix://")):
        return RedisConversationStore(settings.session_url)
    settings.ensure_dirs()
    return SQLiteConversationStore(settings.data_dir / "conversations.sqlite3")

