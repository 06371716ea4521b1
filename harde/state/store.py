"""Where conversations are kept: message history (an SDK session) plus title and state.

SQLite under the data folder by default; Redis (`HARDE_SESSION_URL=redis://…`) when several
app instances share conversations.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
import time
import weakref
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from agents.memory import Session, SQLiteSession

from harde.config import Settings
from harde.state.conversation import ConversationState

# The longest a turn may hold its conversation's lock before another process may take it.
LOCK_TTL_S = 300.0


@dataclass(frozen=True)
class ConversationSummary:
    id: str
    title: str
    updated_at: float
    owner: str = ""


class ConversationStore(Protocol):
    def session(self, conversation_id: str) -> Session: ...

    async def load_state(self, conversation_id: str) -> ConversationState | None: ...

    async def save_state(self, conversation_id: str, state: ConversationState) -> None: ...

    async def list_conversations(self, limit: int = 50, owner: str | None = None) -> list[ConversationSummary]:
        """The most recent first; only `owner`'s when given."""
        ...

    def lock(self, conversation_id: str) -> contextlib.AbstractAsyncContextManager[None]:
        """Held for a whole turn: turns on one conversation run one after the other."""
        ...

    async def claim_pending(self, conversation_id: str, token: str) -> bool:
        """Atomically take the pending write with this token; False when someone already has."""
        ...

    async def delete(self, conversation_id: str) -> None: ...

    async def aclose(self) -> None: ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS harde_conversations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    state TEXT NOT NULL,
    updated_at REAL NOT NULL,
    owner TEXT NOT NULL DEFAULT ''
)
"""
_CLAIMS = "CREATE TABLE IF NOT EXISTS harde_claims (token TEXT PRIMARY KEY, at REAL NOT NULL)"


class _LocalLocks:
    """One asyncio lock per conversation, dropped when no turn holds or waits for it."""

    def __init__(self) -> None:
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()

    @contextlib.asynccontextmanager
    async def hold(self, conversation_id: str) -> AsyncIterator[None]:
        lock = self._locks.get(conversation_id)
        if lock is None:
            lock = self._locks[conversation_id] = asyncio.Lock()
        async with lock:
            yield


class SQLiteConversationStore:
    """History in the SDK's SQLiteSession tables, state in a table of its own, one file."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=10)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self._db.execute(_CLAIMS)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(harde_conversations)")}
        if "owner" not in columns:  # a store from before conversations had owners
            self._db.execute("ALTER TABLE harde_conversations ADD COLUMN owner TEXT NOT NULL DEFAULT ''")
        self._db.commit()
        self._sessions: dict[str, SQLiteSession] = {}
        self._locks = _LocalLocks()

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
                "INSERT INTO harde_conversations (id, title, state, updated_at, owner) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET title = excluded.title, state = excluded.state, "
                "updated_at = excluded.updated_at, owner = excluded.owner",
                (conversation_id, state.title, state.to_json().decode(), time.time(), state.owner),
            )
            self._db.commit()

    async def list_conversations(self, limit: int = 50, owner: str | None = None) -> list[ConversationSummary]:
        query = "SELECT id, title, updated_at, owner FROM harde_conversations"
        params: tuple[Any, ...] = (limit,)
        if owner is not None:
            query += " WHERE owner = ?"
            params = (owner, limit)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY updated_at DESC LIMIT ?", params).fetchall()
        return [ConversationSummary(*row) for row in rows]

    def lock(self, conversation_id: str) -> contextlib.AbstractAsyncContextManager[None]:
        return self._locks.hold(conversation_id)

    async def claim_pending(self, conversation_id: str, token: str) -> bool:
        # A unique row per token: of any number of processes sharing the file, one insert wins.
        with self._lock:
            try:
                self._db.execute("INSERT INTO harde_claims (token, at) VALUES (?, ?)", (token, time.time()))
                self._db.commit()
            except sqlite3.IntegrityError:
                return False
        return True

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
        # Commands time out after 5 s; a lock waiter blocks longer, on its own timeout.
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
            pipe.hset(self._key(conversation_id), mapping={"title": state.title, "state": state.to_json(), "owner": state.owner})
            pipe.zadd(f"{self.prefix}:conversations", {conversation_id: now})
            pipe.zadd(f"{self.prefix}:conversations:by:{state.owner}", {conversation_id: now})
            await pipe.execute()

    async def list_conversations(self, limit: int = 50, owner: str | None = None) -> list[ConversationSummary]:
        index = f"{self.prefix}:conversations" if owner is None else f"{self.prefix}:conversations:by:{owner}"
        ids = await self._redis.zrevrange(index, 0, limit - 1, withscores=True)
        out: list[ConversationSummary] = []
        for raw_id, score in ids:
            cid = raw_id.decode() if isinstance(raw_id, bytes) else str(raw_id)
            title, who = await self._redis.hmget(self._key(cid), ["title", "owner"])
            out.append(ConversationSummary(cid, (title or b"").decode(), float(score), (who or b"").decode()))
        return out

    @contextlib.asynccontextmanager
    async def _hold(self, conversation_id: str) -> AsyncIterator[None]:
        # Across processes: Redis's own lock (a token in a key with a TTL, released only by its holder).
        lock = self._redis.lock(f"{self.prefix}:lock:{conversation_id}", timeout=LOCK_TTL_S, blocking_timeout=LOCK_TTL_S, sleep=0.05)
        async with lock:
            yield

    def lock(self, conversation_id: str) -> contextlib.AbstractAsyncContextManager[None]:
        return self._hold(conversation_id)

    async def claim_pending(self, conversation_id: str, token: str) -> bool:
        claimed = await self._redis.set(f"{self.prefix}:claim:{token}", conversation_id, nx=True, ex=7 * 86400)
        return bool(claimed)

    async def delete(self, conversation_id: str) -> None:
        await self.session(conversation_id).clear_session()
        owner = await self._redis.hget(self._key(conversation_id), "owner")
        await self._redis.delete(self._key(conversation_id))
        await self._redis.zrem(f"{self.prefix}:conversations", conversation_id)
        await self._redis.zrem(f"{self.prefix}:conversations:by:{(owner or b'').decode()}", conversation_id)

    async def aclose(self) -> None:
        await self._redis.aclose()


def make_store(settings: Settings) -> ConversationStore:
    if settings.session_url.startswith(("redis://", "rediss://", "unix://")):
        return RedisConversationStore(settings.session_url)
    settings.ensure_dirs()
    return SQLiteConversationStore(settings.data_dir / "conversations.sqlite3")

