"""The company's slow-changing lists (stages, users, trades) cached per CRM with a TTL."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar
from weakref import WeakKeyDictionary

from harde.crm.mentions import MentionResolution, resolve_mentions
from harde.crm.models import Stage, Trade, User
from harde.crm.protocol import CRM
from harde.crm.stages import StageResolution, resolve_stage

T = TypeVar("T")

DEFAULT_TTL_S = 300.0


class _Cached(Generic[T]):
    def __init__(
        self, fetch: Callable[[], Awaitable[list[T]]], ttl_s: float, clock: Callable[[], float]
    ) -> None:
        self._fetch = fetch
        self._ttl_s = ttl_s
        self._clock = clock
        self._value: list[T] | None = None
        self._at = 0.0

    async def get(self) -> list[T]:
        # No lock: two callers racing on an expired entry both fetch, which is harmless, and a
        # lock would tie the cache to one event loop (the UI and CLI each run their own).
        if self._value is None or self._clock() - self._at >= self._ttl_s:
            value = await self._fetch()
            self._value, self._at = value, self._clock()
        return self._value

    def invalidate(self) -> None:
        self._value = None


class CompanyDirectory:
    """Stages, users and trades of one CRM, fetched once per TTL."""

    def __init__(
        self, crm: CRM, ttl_s: float = DEFAULT_TTL_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.crm = crm
        self._stages = _Cached(crm.list_stages, ttl_s, clock)
        self._users = _Cached(crm.list_users, ttl_s, clock)
        self._trades = _Cached(crm.list_trades, ttl_s, clock)

    async def stages(self) -> list[Stage]:
        return await self._stages.get()

    async def users(self) -> list[User]:
        return await self._users.get()

    async def trades(self) -> list[Trade]:
        return await self._trades.get()

    async def resolve_stage(self, said: str) -> StageResolution:
        return resolve_stage(said, await self.stages())

    async def stage_name(self, code: str | None) -> str:
        for s in await self.stages():
            if s.code == code:
                return s.name
        return code or "Unknown"

    async def resolve_mentions(self, text: str) -> MentionResolution:
        return resolve_mentions(text, await self.users())

    def invalidate(self) -> None:
        for cached in (self._stages, self._users, self._trades):
            cached.invalidate()


_DIRECTORIES: WeakKeyDictionary[object, CompanyDirectory] = WeakKeyDictionary()


def directory_for(crm: CRM, ttl_s: float = DEFAULT_TTL_S) -> CompanyDirectory:
    """The one cached directory of this CRM instance."""
    directory = _DIRECTORIES.get(crm)
    if directory is None:
        directory = CompanyDirectory(crm, ttl_s)
        _DIRECTORIES[crm] = directory
    return directory
