"""One Leap budget per account across processes: two processes against the emulator's
60-a-minute limit use the whole budget between them and are never refused; a Retry-After
holds back every process; Redis keeps the same budget for processes on several machines."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from harde.config import Settings
from harde.emulators.leap import DEFAULT_TOKEN, LeapEmulator
from harde.integrations.crm.leap_limits import (
    RedisRequestLimiter,
    SQLiteRequestLimiter,
    account_key,
    make_leap_limiter,
)
from tests.conftest import require_service
from tests.crm.leap_backends import FakeClock, seeded_local_crm

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# A process that sends up to N requests through LeapHTTP with the shared limiter, and stops
# (instead of waiting for the next minute) once the limiter says the budget is spent.
CHILD = textwrap.dedent(
    """
    import asyncio, json, sys, time
    from pathlib import Path

    from harde.crm.errors import CRMRateLimited
    from harde.integrations.crm.leap_http import LeapHTTP
    from harde.integrations.crm.leap_limits import SQLiteRequestLimiter, account_key

    base_url, token, db, wanted, folder, name = sys.argv[1:7]


    class Spent(Exception):
        pass


    class StopsWhenSpent(SQLiteRequestLimiter):
        async def acquire(self, on_wait=None):
            def refuse(wait):
                if wait > 5:
                    raise Spent
            return await super().acquire(refuse)


    async def main():
        limiter = StopsWhenSpent(Path(db), account_key(base_url, token), 60)
        http = LeapHTTP(base_url, token, limiter=limiter, max_attempts=1)
        (Path(folder) / f"ready-{name}").touch()
        while not (Path(folder) / "go").exists():
            time.sleep(0.01)
        sent = refused = 0
        try:
            for _ in range(int(wanted)):
                try:
                    await http.get("/customers", {"limit": 1})
                    sent += 1
                except CRMRateLimited:
                    refused += 1
        except Spent:
            pass
        await http.aclose()
        print(json.dumps({"sent": sent, "refused": refused}))


    asyncio.run(main())
    """
)


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[LeapEmulator]:
    with LeapEmulator(seeded_local_crm(tmp_path / "crm"), requests_per_minute=60) as leap:
        yield leap


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_two_processes_share_the_accounts_budget_and_are_never_refused(emulator: LeapEmulator, tmp_path: Path) -> None:
    db = tmp_path / "var" / "rate_limits.sqlite3"
    db.parent.mkdir()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, emulator.base_url, DEFAULT_TOKEN, str(db), "45", str(tmp_path), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=PROJECT_ROOT,
        )
        for name in ("web", "daemon")
    ]
    # Starting two interpreters with the app's imports can take long on a busy 2-core machine.
    deadline = time.monotonic() + 180
    while not all((tmp_path / f"ready-{n}").exists() for n in ("web", "daemon")):
        if time.monotonic() >= deadline or any(c.poll() is not None for c in children):
            for c in children:
                c.kill()  # never wait on a child that is still running
            pytest.fail(f"the processes did not get ready: {[c.communicate(timeout=10) for c in children]}")
        time.sleep(0.05)
    (tmp_path / "go").touch()
    results = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err[-3000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    # 90 wanted between them: the minute's 60 were sent, shared, and none was refused.
    assert sum(r["sent"] for r in results) == 60
    assert all(r["sent"] > 0 for r in results)
    assert [r["refused"] for r in results] == [0, 0]
    assert emulator.refused_over_limit == 0
    assert len(emulator.requests) == 60


async def test_retry_after_holds_back_every_process_on_the_account(tmp_path: Path) -> None:
    db = tmp_path / "rate_limits.sqlite3"
    account = account_key("http://leap.test/api/v3", "token")
    web_clock, daemon_clock = FakeClock(), FakeClock()
    web = SQLiteRequestLimiter(db, account, 60, clock=web_clock, sleep=web_clock.sleep)
    daemon = SQLiteRequestLimiter(db, account, 60, clock=daemon_clock, sleep=daemon_clock.sleep)
    other_account = SQLiteRequestLimiter(db, account_key("http://leap.test/api/v3", "another"), 60, clock=daemon_clock, sleep=daemon_clock.sleep)
    web.pause_for(4)  # Leap answered the web app 429 with Retry-After: 4
    assert await web.acquire() == 4
    assert await daemon.acquire() == 4
    assert await other_account.acquire() == 0
    for limiter in (web, daemon, other_account):
        await limiter.aclose()


async def test_the_sliding_window_never_allows_more_than_the_budget(tmp_path: Path) -> None:
    clock = FakeClock()
    first = SQLiteRequestLimiter(tmp_path / "r.sqlite3", "leap:x", 3, clock=clock, sleep=clock.sleep)
    second = SQLiteRequestLimiter(tmp_path / "r.sqlite3", "leap:x", 3, clock=clock, sleep=clock.sleep)
    waits = [await first.acquire(), await second.acquire(), await first.acquire()]
    clock.now += 10
    waits.append(await second.acquire())
    assert waits[:3] == [0, 0, 0]
    # The fourth waits until the first send leaves the window (60 s and the arrival margin).
    assert waits[3] == pytest.approx(first.period_s - 10)
    await first.aclose()
    await second.aclose()


@pytest.mark.redis
async def test_redis_keeps_one_budget_and_one_pause_for_every_process() -> None:
    require_service("Redis", "127.0.0.1", 6379)
    account = f"leap:test-{uuid.uuid4().hex[:8]}"
    one = RedisRequestLimiter("redis://127.0.0.1:6379/0", account, 3)
    two = RedisRequestLimiter("redis://127.0.0.1:6379/0", account, 3)
    seen: list[float] = []

    class Waits(Exception):
        pass

    def stop(wait: float) -> None:
        seen.append(wait)
        raise Waits

    for limiter in (one, two, one):
        assert await limiter.acquire(stop) == 0
    with pytest.raises(Waits):
        await two.acquire(stop)
    assert 50 < seen[-1] <= one.period_ms / 1000
    other = RedisRequestLimiter("redis://127.0.0.1:6379/0", f"{account}-other", 3)
    other.pause_for(30)
    await other.aclose()  # the pause is written before it closes
    paused = RedisRequestLimiter("redis://127.0.0.1:6379/0", f"{account}-other", 3)
    with pytest.raises(Waits):
        await paused.acquire(stop)
    assert 25 < seen[-1] <= 30
    for limiter in (one, two, paused):
        await limiter.aclose()


async def test_the_budget_lives_in_redis_when_the_sessions_do(settings: Settings) -> None:
    local = make_leap_limiter(settings, "http://leap.test", "secret-token")
    assert isinstance(local, SQLiteRequestLimiter)
    assert local.path == settings.data_dir / "rate_limits.sqlite3"
    shared = make_leap_limiter(settings.model_copy(update={"session_url": "redis://127.0.0.1:6379/0"}), "http://leap.test", "secret-token")
    assert isinstance(shared, RedisRequestLimiter)
    assert shared.account == local.account == account_key("http://leap.test", "secret-token")
    assert "secret" not in shared.account  # named by a hash, never the token
    await local.aclose()
    await shared.aclose()
