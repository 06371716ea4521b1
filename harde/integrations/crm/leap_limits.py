"""One Leap request budget per account, shared by every process that uses the account (the
web app, the daemon, a command): Leap allows 60 requests a minute per account, not per process.

The algorithm is a sliding log: at most `per_period` send times in any `period_s` window,
which never exceeds Leap's fixed one-minute window. It is kept where every process sees it:
- Redis when configured (HARDE_RATE_LIMIT_URL, or HARDE_SESSION_URL when that is Redis): a
  sorted set per account, checked and taken in one Lua script against Redis's own clock;
- otherwise a SQLite file under the data folder, checked and taken in one write transaction.
A Retry-After from Leap pauses the account for everyone, in the same place.

The account is named by a hash of the base URL and token; the token itself is never stored.
"""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

from harde.config import Settings
from harde.state.sqlite_worker import SQLiteWorker

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]

# Send times are taken before the request leaves; Leap counts them when they arrive. The
# window is this much longer than Leap's, so that a request a little late to arrive cannot
# land in the previous window.
ARRIVAL_MARGIN_S = 0.5


class RateLimiter(Protocol):
    """What LeapHTTP needs of a limiter (the in-process RequestRateLimiter is one too)."""

    per_period: int

    async def acquire(self, on_wait: Callable[[float], None] | None = None) -> float:
        """Wait for a free slot and take it; returns the seconds waited."""
        ...

    def pause_for(self, seconds: float) -> None:
        """Hold every request back this long (the server said Retry-After)."""
        ...


def account_key(base_url: str, token: str) -> str:
    digest = hashlib.sha256(f"{base_url.rstrip('/')}\n{token}".encode()).hexdigest()[:24]
    return f"leap:{digest}"


async def _acquire(take: Callable[[], Awaitable[float]], sleep: Sleep, on_wait: Callable[[float], None] | None) -> float:
    waited = 0.0
    while True:
        wait = await take()
        if wait <= 0:
            return waited
        if on_wait is not None:
            on_wait(wait)
        await sleep(wait)
        waited += wait


_SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS rate_sends (account TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS rate_sends_account ON rate_sends (account, at);
CREATE TABLE IF NOT EXISTS rate_pauses (account TEXT PRIMARY KEY, until REAL NOT NULL);
"""


def _create_tables(db: sqlite3.Connection) -> None:
    db.executescript(_SQLITE_SCHEMA)


class SQLiteRequestLimiter:
    """The sliding log in a SQLite file that every process on this machine opens."""

    def __init__(
        self,
        path: Path,
        account: str,
        per_period: int,
        *,
        period_s: float = 60.0,
        clock: Clock = time.time,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.path = path
        self.account = account
        self.per_period = per_period
        self.period_s = period_s + ARRIVAL_MARGIN_S
        self._clock = clock
        self._sleep = sleep
        self._worker = SQLiteWorker(path, _create_tables, name="rate-limit")

    def _take(self, db: sqlite3.Connection) -> float:
        """Take a slot if there is one (0.0), or say how long until there is."""
        now = self._clock()
        # BEGIN IMMEDIATE: the check and the insert are one step for every process.
        db.execute("BEGIN IMMEDIATE")
        try:
            wait = self._take_in(db, now)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return wait

    def _take_in(self, db: sqlite3.Connection, now: float) -> float:
        paused = db.execute("SELECT until FROM rate_pauses WHERE account = ?", (self.account,)).fetchone()
        if paused is not None and paused[0] > now:
            return float(paused[0]) - now
        db.execute("DELETE FROM rate_sends WHERE account = ? AND at <= ?", (self.account, now - self.period_s))
        count, oldest = db.execute("SELECT COUNT(*), MIN(at) FROM rate_sends WHERE account = ?", (self.account,)).fetchone()
        if count < self.per_period:
            db.execute("INSERT INTO rate_sends (account, at) VALUES (?, ?)", (self.account, now))
            return 0.0
        return max(float(oldest) + self.period_s - now, 0.001)

    async def acquire(self, on_wait: Callable[[float], None] | None = None) -> float:
        if self.per_period <= 0:
            return 0.0
        return await _acquire(lambda: self._worker.run(self._take), self._sleep, on_wait)

    def pause_for(self, seconds: float) -> None:
        until = self._clock() + max(seconds, 0.0)

        def pause(db: sqlite3.Connection) -> None:
            with db:
                db.execute(
                    "INSERT INTO rate_pauses (account, until) VALUES (?, ?) "
                    "ON CONFLICT(account) DO UPDATE SET until = MAX(until, excluded.until)",
                    (self.account, until),
                )

        self._worker.submit(pause)  # written on the limiter's thread; the next take sees it

    async def aclose(self) -> None:
        await asyncio.to_thread(self._worker.close)


# KEYS: the account's send log, its pause. ARGV: limit, window (ms), a unique member.
# Returns 0 when a slot was taken, else the milliseconds until one may be free.
_REDIS_TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return paused - now end
local limit, window = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(tonumber(oldest[2]) + window - now, 1)
"""
# KEYS: the pause. ARGV: milliseconds. The pause only ever grows.
_REDIS_PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ms = now + tonumber(ARGV[1])
if until_ms > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], until_ms, 'PX', tonumber(ARGV[1]))
end
return until_ms
"""


class RedisRequestLimiter:
    """The sliding log in Redis, for processes on several machines."""

    def __init__(
        self, url: str, account: str, per_period: int, *, period_s: float = 60.0, prefix: str = "harde", sleep: Sleep = asyncio.sleep
    ) -> None:
        from redis.asyncio import Redis

        self.account = account
        self.per_period = per_period
        self.period_ms = int((period_s + ARRIVAL_MARGIN_S) * 1000)
        self._sleep = sleep
        self._keys = [f"{prefix}:rate:{account}:sends", f"{prefix}:rate:{account}:pause"]
        self._redis: Any = Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
        self._take_script = self._redis.register_script(_REDIS_TAKE)
        self._pause_script = self._redis.register_script(_REDIS_PAUSE)
        self._pauses: set[asyncio.Task[Any]] = set()

    async def _take(self) -> float:
        ms = await self._take_script(keys=self._keys, args=[self.per_period, self.period_ms, uuid.uuid4().hex])
        return int(ms) / 1000.0

    async def acquire(self, on_wait: Callable[[float], None] | None = None) -> float:
        if self.per_period <= 0:
            return 0.0
        return await _acquire(self._take, self._sleep, on_wait)

    def pause_for(self, seconds: float) -> None:
        ms = max(int(seconds * 1000), 1)
        task = asyncio.get_running_loop().create_task(self._pause_script(keys=self._keys[1:], args=[ms]))
        self._pauses.add(task)
        task.add_done_callback(self._pauses.discard)

    async def aclose(self) -> None:
        if self._pauses:
            await asyncio.gather(*self._pauses, return_exceptions=True)
        await self._redis.aclose()


def rate_limit_url(settings: Settings) -> str:
    """Where shared limits live: HARDE_RATE_LIMIT_URL, else the session store when it is Redis."""
    if settings.rate_limit_url:
        return settings.rate_limit_url
    if settings.session_url.startswith(("redis://", "rediss://", "unix://")):
        return settings.session_url
    return ""


def make_leap_limiter(settings: Settings, base_url: str, token: str) -> SQLiteRequestLimiter | RedisRequestLimiter:
    account = account_key(base_url, token)
    url = rate_limit_url(settings)
    if url:
        return RedisRequestLimiter(url, account, settings.leap_requests_per_minute)
    settings.ensure_dirs()
    return SQLiteRequestLimiter(settings.data_dir / "rate_limits.sqlite3", account, settings.leap_requests_per_minute)
