"""Compound CRM read latency: `job_overview` (job, notes, appointments and financials gathered
in parallel) against the same four calls made one after another, over the Leap emulator with
150 ms added to every request.

    .venv/bin/python bench/crm_compound.py [--latency-ms 150] [--runs 7] [--job 1021]

Targets: the overview at least 2.5x faster than sequential, and at most 1.3x the slowest
single dependent chain (the slowest of the four calls made alone).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harde.config import DEMO_DIR  # noqa: E402
from harde.crm.answers import job_overview  # noqa: E402
from harde.crm.protocol import CRM  # noqa: E402
from harde.emulators.leap import LeapEmulator  # noqa: E402
from harde.integrations.crm.leap import LeapCRM  # noqa: E402
from harde.integrations.crm.local import LocalCRM  # noqa: E402

TOKEN = "bench-token"


def _calls(crm: CRM, job_id: int) -> dict[str, Callable[[], Awaitable[Any]]]:
    """The four reads of a job overview, as one dependent chain each."""
    return {
        "get_job": lambda: crm.get_job(job_id),
        "list_notes": lambda: crm.list_notes(job_id),
        "list_appointments": lambda: crm.list_appointments(job_id=job_id),
        "financial_summary": lambda: crm.financial_summary(job_id),
    }


async def _timed(make: Callable[[], Awaitable[Any]], runs: int) -> float:
    """Median seconds of `runs` runs (after one warm-up that opens the connections)."""
    await make()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        await make()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


async def _tool_latency(base_url: str, folder: Path, job_id: int, runs: int) -> float:
    """The same overview through the crm tool, built from Settings as the app builds it."""
    from agents import RunContextWrapper

    from harde.config import Settings
    from harde.context import HardeContext
    from harde.services import Services
    from harde.tools.crm import crm_job_overview

    settings = Settings(
        _env_file=None,
        data_dir=folder / "var",
        llm="offline",
        crm="leap",
        leap_base_url=base_url,
        leap_api_token=TOKEN,
        leap_requests_per_minute=0,
    )
    services = Services(settings)
    ctx = RunContextWrapper(HardeContext(settings=settings, services=services, conversation_id="b"))
    try:
        return await _timed(lambda: crm_job_overview(ctx, job=f"job {job_id}"), runs)
    finally:
        await services.aclose()


async def main(latency_ms: float, runs: int, job_id: int) -> int:
    with tempfile.TemporaryDirectory(prefix="harde-bench-crm-") as scratch:
        return await _measure(Path(scratch), latency_ms, runs, job_id)


async def _measure(folder: Path, latency_ms: float, runs: int, job_id: int) -> int:
    local = LocalCRM(folder / "crm.sqlite3", DEMO_DIR / "crm" / "seed.json")
    local.load_seed()
    # Both rate limits are off: this measures latency, and 60 requests a minute would cap it.
    with LeapEmulator(local, token=TOKEN, latency_ms=latency_ms, requests_per_minute=0) as emulator:
        crm = LeapCRM(emulator.base_url, TOKEN, requests_per_minute=0)
        try:
            calls = _calls(crm, job_id)

            async def sequential() -> None:
                for call in calls.values():
                    await call()

            async def overview() -> None:
                await job_overview(crm, job_id)

            before = len(emulator.requests)
            await overview()
            requests_per_overview = len(emulator.requests) - before

            singles = {name: await _timed(call, runs) for name, call in calls.items()}
            seq = await _timed(sequential, runs)
            par = await _timed(overview, runs)
        finally:
            await crm.aclose()
        tool = await _tool_latency(emulator.base_url, folder, job_id, runs)
    local.close()

    slowest_name, slowest = max(singles.items(), key=lambda item: item[1])
    speedup = seq / par
    vs_chain = par / slowest
    print(f"CRM compound read over the Leap emulator: {latency_ms:g} ms per request, job {job_id}")
    print(f"  median of {runs} runs each; {requests_per_overview} HTTP requests per overview")
    rows = [(f"{name} alone", seconds) for name, seconds in singles.items()]
    rows += [
        ("sequential: the 4 calls one after another (baseline)", seq),
        ("job_overview: the 4 calls gathered", par),
        (f"slowest single chain ({slowest_name})", slowest),
        ("crm_job_overview tool (finds the job first)", tool),
    ]
    for label, seconds in rows:
        print(f"  {label:<56}{seconds * 1000:8.1f} ms")
    print(f"  speed-up vs sequential:   {speedup:.2f}x  (target >= 2.5x)")
    print(f"  overview / slowest chain: {vs_chain:.2f}x  (target <= 1.3x)")
    ok = speedup >= 2.5 and vs_chain <= 1.3
    print("  PASS" if ok else "  MISSED TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency-ms", type=float, default=150.0)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--job", type=int, default=1021, help="an awarded demo job")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.latency_ms, args.runs, args.job)))
