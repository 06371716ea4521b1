"""Where conversations are kept: message history (an SDK session) plus title and state.

SQLite under the data folder by default (one connection per store, off the event loop, and
no per-conversation object that lives longer than a turn); Redis (`HARDE_SESSION_URL=redis://…`) when several
app instances share conversations.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
import time
import weakref
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from agents.items import TResponseInputItem
from agents.memory import Session, SessionABC, SessionSettings

from harde.config import Settings
from harde.state.conversation import ConversationState
from harde.state.sqlite_worker import SQLiteWorker

# The longest a turn may hold its conversation's lock before another process may take it.
LOCK_TTL_S = 300.0


@dataclass(frozen=True)
class ConversationSummary:
    id: str
    title: str
    updated_at: float
    owner: str = ""
    # When it was deleted (its undo window runs from then); 0 when it was not.
    deleted_at: float = 0.0


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


_HISTORY_SCHEMA = """
CREATE TABLE IF NOT EXISTS agent_sessions (
    session_id TEXT PRIMARY KEY,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS agent_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL,
    message_data TEXT NOT NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (session_id) REFERENCES agent_sessions (session_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS idx_agent_messages_session_id ON agent_messages (session_id, id);
"""


def _setup_conversations(db: sqlite3.Connection) -> None:
    db.executescript(_HISTORY_SCHEMA)
    db.execute(_SCHEMA)
    db.execute(_CLAIMS)
    columns = {row[1] for row in db.execute("PRAGMA table_info(harde_conversations)")}
    if "owner" not in columns:  # a store from before conversations had owners
        db.execute("ALTER TABLE harde_conversations ADD COLUMN owner TEXT NOT NULL DEFAULT ''")
    if "deleted_at" not in columns:  # listed beside the title, so that listing reads no state
        db.execute("ALTER TABLE harde_conversations ADD COLUMN deleted_at REAL NOT NULL DEFAULT 0")
        db.execute("UPDATE harde_conversations SET deleted_at = COALESCE(json_extract(state, '$.deleted_at'), 0)")


def _decoded(rows: list[tuple[str]]) -> list[TResponseInputItem]:
    items: list[TResponseInputItem] = []
    for (data,) in rows:
        try:
            items.append(json.loads(data))
        except (json.JSONDecodeError, TypeError):
            continue  # a damaged row is skipped, as the SDK's own session does
    return items


class SQLiteHistory(SessionABC):
    """One conversation's message history in the SDK's session tables (the same rows
    `SQLiteSession` writes), over the store's one connection. It holds no resource of its
    own, so the store hands out a new one per turn and nothing accumulates."""

    def __init__(self, worker: SQLiteWorker, session_id: str) -> None:
        self.session_id = session_id
        self.session_settings = SessionSettings()
        self._worker = worker

    async def get_items(self, limit: int | None = None) -> list[TResponseInputItem]:
        sid = self.session_id

        def read(db: sqlite3.Connection) -> list[tuple[str]]:
            if limit is None:
                return db.execute(
                    "SELECT message_data FROM agent_messages WHERE session_id = ? ORDER BY id", (sid,)
                ).fetchall()
            rows = db.execute(
                "SELECT message_data FROM agent_messages WHERE session_id = ? ORDER BY id DESC LIMIT ?",
                (sid, limit),
            ).fetchall()
            return rows[::-1]

        return _decoded(await self._worker.run(read))

    async def add_items(self, items: list[TResponseInputItem]) -> None:
        if not items:
            return
        sid = self.session_id
        rows = [(sid, json.dumps(item)) for item in items]

        def write(db: sqlite3.Connection) -> None:
            with db:
                db.execute("INSERT OR IGNORE INTO agent_sessions (session_id) VALUES (?)", (sid,))
                db.executemany("INSERT INTO agent_messages (session_id, message_data) VALUES (?, ?)", rows)
                db.execute("UPDATE agent_sessions SET updated_at = CURRENT_TIMESTAMP WHERE session_id = ?", (sid,))

        await self._worker.run(write)

    async def pop_item(self) -> TResponseInputItem | None:
        sid = self.session_id

        def pop(db: sqlite3.Connection) -> list[tuple[str]]:
            with db:
                row = db.execute(
                    "SELECT id, message_data FROM agent_messages WHERE session_id = ? ORDER BY id DESC LIMIT 1", (sid,)
                ).fetchone()
                if row is None:
                    return []
                db.execute("DELETE FROM agent_messages WHERE id = ?", (row[0],))
                return [(row[1],)]

        items = _decoded(await self._worker.run(pop))
        return items[0] if items else None

    async def clear_session(self) -> None:
        sid = self.session_id

        def clear(db: sqlite3.Connection) -> None:
            with db:
                db.execute("DELETE FROM agent_messages WHERE session_id = ?", (sid,))
                db.execute("DELETE FROM agent_sessions WHERE session_id = ?", (sid,))

        await self._worker.run(clear)


class SQLiteConversationStore:
    """History in the SDK's session tables, state in a table of its own, one file and one
    connection, used from one thread of its own (see `SQLiteWorker`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._worker = SQLiteWorker(path, _setup_conversations, name="conversations")
        self._locks = _LocalLocks()

    def session(self, conversation_id: str) -> Session:
        return SQLiteHistory(self._worker, conversation_id)

    async def load_state(self, conversation_id: str) -> ConversationState | None:
        row = await self._worker.run(
            lambda db: db.execute("SELECT state FROM harde_conversations WHERE id = ?", (conversation_id,)).fetchone()
        )
        return ConversationState.from_json(row[0]) if row else None

    async def save_state(self, conversation_id: str, state: ConversationState) -> None:
        values = (conversation_id, state.title, state.to_json().decode(), time.time(), state.owner, state.deleted_at)

        def save(db: sqlite3.Connection) -> None:
            with db:
                db.execute(
                    "INSERT INTO harde_conversations (id, title, state, updated_at, owner, deleted_at) VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(id) DO UPDATE SET title = excluded.title, state = excluded.state, "
                    "updated_at = excluded.updated_at, owner = excluded.owner, deleted_at = excluded.deleted_at",
                    values,
                )

        await self._worker.run(save)

    async def list_conversations(self, limit: int = 50, owner: str | None = None) -> list[ConversationSummary]:
        query = "SELECT id, title, updated_at, owner, deleted_at FROM harde_conversations"
        params: tuple[Any, ...] = (limit,)
        if owner is not None:
            query += " WHERE owner = ?"
            params = (owner, limit)
        rows = await self._worker.run(lambda db: db.execute(query + " ORDER BY updated_at DESC LIMIT ?", params).fetchall())
        return [ConversationSummary(*row) for row in rows]

    def lock(self, conversation_id: str) -> contextlib.AbstractAsyncContextManager[None]:
        return self._locks.hold(conversation_id)

    async def claim_pending(self, conversation_id: str, token: str) -> bool:
        # A unique row per token: of any number of processes sharing the file, one insert wins.
        def claim(db: sqlite3.Connection) -> bool:
            try:
                with db:
                    db.execute("INSERT INTO harde_claims (token, at) VALUES (?, ?)", (token, time.time()))
            except sqlite3.IntegrityError:
                return False
            return True

        return await self._worker.run(claim)

    async def delete(self, conversation_id: str) -> None:
        await self.session(conversation_id).clear_session()

        def delete(db: sqlite3.Connection) -> None:
            with db:
                db.execute("DELETE FROM harde_conversations WHERE id = ?", (conversation_id,))

        await self._worker.run(delete)

    async def aclose(self) -> None:
        await asyncio.to_thread(self._worker.close)


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
            pipe.hset(
                self._key(conversation_id),
                mapping={"title": state.title, "state": state.to_json(), "owner": state.owner, "deleted_at": state.deleted_at},
            )
            pipe.zadd(f"{self.prefix}:conversations", {conversation_id: now})
            pipe.zadd(f"{self.prefix}:conversations:by:{state.owner}", {conversation_id: now})
            await pipe.execute()

    async def list_conversations(self, limit: int = 50, owner: str | None = None) -> list[ConversationSummary]:
        index = f"{self.prefix}:conversations" if owner is None else f"{self.prefix}:conversations:by:{owner}"
        ids = await self._redis.zrevrange(index, 0, limit - 1, withscores=True)
        out: list[ConversationSummary] = []
        for raw_id, score in ids:
            cid = raw_id.decode() if isinstance(raw_id, bytes) else str(raw_id)
            title, who, deleted = await self._redis.hmget(self._key(cid), ["title", "owner", "deleted_at"])
            if deleted is None:  # saved before the field existed: the state says
                raw = await self._redis.hget(self._key(cid), "state")
                deleted = ConversationState.from_json(raw).deleted_at if raw else 0.0
            out.append(ConversationSummary(cid, (title or b"").decode(), float(score), (who or b"").decode(), float(deleted)))
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

