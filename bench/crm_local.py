"""Local CRM read latency: the crm specialist's answers over LocalCRM (demo company, and the
same company padded to N customers), against a plain `get_job` by id as the baseline.

    .venv/bin/python bench/crm_local.py [--customers 5000] [--runs 30]

Prints the median per call in milliseconds and each figure as a multiple of the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
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
from harde.crm.answers import CRMAnswers  # noqa: E402
from harde.crm.facts import customer_facts, job_facts  # noqa: E402
from harde.integrations.crm.local import LocalCRM  # noqa: E402

SEED = DEMO_DIR / "crm" / "seed.json"
NOW = dt.datetime(2026, 11, 23, 9, 0)
# The typed reads the crm tools make for common questions (job 1012: the Johnson roof; 103: John Smith).
QUESTIONS: list[tuple[str, str, int, list[str]]] = [
    ("status of the Johnson roof job", "job", 1012, ["stage"]),
    ("all jobs for John Smith", "customer", 103, ["jobs"]),
    ("open balance on job 1021", "job", 1021, ["balance"]),
    ("rep on the Walsh siding job", "job", 1047, ["rep"]),
    ("overview of job 1021", "job", 1021, ["overview"]),
]


def padded_seed(target: Path, customers: int) -> Path:
    """The demo seed plus made-up customers (and one job each) up to `customers`."""
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    rng = random.Random(7)
    first = [
        "Alex",
        "Sam",
        "Jordan",
        "Casey",
        "Morgan",
        "Riley",
        "Taylor",
        "Jamie",
        "Drew",
        "Quinn",
    ]
    last = [
        "Abbott",
        "Bishop",
        "Chandler",
        "Dalton",
        "Ellis",
        "Fowler",
        "Grant",
        "Holt",
        "Ingram",
        "Jensen",
    ]
    base = seed["customers"][0]
    job_base = seed["jobs"][0]
    next_job = 20000
    for n in range(len(seed["customers"]), customers):
        cid = 10000 + n
        c = json.loads(json.dumps(base))
        c.update(
            id=cid,
            first_name=rng.choice(first),
            last_name=f"{rng.choice(last)}{n}",
            email=f"p{n}@example.com",
        )
        c["phones"] = [{"label": "cell", "number": f"978{n:07d}", "ext": ""}]
        seed["customers"].append(c)
        j = json.loads(json.dumps(job_base))
        j.update(
            id=next_job, number=f"2601-{next_job}", customer_id=cid, name=f"{c['last_name']} roof"
        )
        seed["jobs"].append(j)
        next_job += 1
    target.write_text(json.dumps(seed), encoding="utf-8")
    return target


async def median_ms(call: Callable[[], Awaitable[Any]], runs: int) -> float:
    await call()  # warm caches, as a running app would have them
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        await call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _job_read(crm: LocalCRM, job_id: int, fields: list[str]) -> Callable[[], Awaitable[Any]]:
    async def read() -> str:
        return await job_facts(crm, await crm.get_job(job_id), fields, NOW)

    return read


def _customer_read(crm: LocalCRM, customer_id: int, fields: list[str]) -> Callable[[], Awaitable[Any]]:
    async def read() -> str:
        return await customer_facts(crm, await crm.get_customer(customer_id), fields, NOW)

    return read


async def measure(crm: LocalCRM, label: str, runs: int) -> None:
    answers = CRMAnswers(crm)
    baseline = await median_ms(lambda: crm.get_job(1021), runs)
    print(
        f"\n{label}: {crm.counts()['customers']} customers, {crm.counts()['jobs']} jobs; median of {runs}"
    )
    print(f"  {'get_job(1021) (baseline)':<52}{baseline:8.2f} ms   1.0x")
    rows: list[tuple[str, Callable[[], Awaitable[Any]]]] = [
        ("search_customers('Johnson')", lambda: crm.search_customers("Johnson")),
        ("search_customers('(508) 555-0101')", lambda: crm.search_customers("(508) 555-0101")),
        ("list_jobs() (50 newest)", lambda: crm.list_jobs()),
    ]
    for label, kind, record, fields in QUESTIONS:
        if kind == "job":
            rows.append((f"crm_facts: {label}", _job_read(crm, record, fields)))
        else:
            rows.append((f"crm_facts: {label}", _customer_read(crm, record, fields)))
    rows.append(("crm_jobs_in_stage('Proposal Sent')", lambda: answers.jobs_in_stage("Proposal Sent")))
    for name, call in rows:
        ms = await median_ms(call, runs)
        print(f"  {name[:52]:<52}{ms:8.2f} ms {ms / baseline:6.1f}x")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        demo = LocalCRM(Path(folder) / "demo.sqlite3", SEED)
        demo.load_seed()
        await measure(demo, "Demo company", args.runs)
        demo.close()
        big = LocalCRM(Path(folder) / "big.sqlite3")
        big.load_seed(padded_seed(Path(folder) / "big.json", args.customers))
        await measure(big, "Padded company", max(5, args.runs // 3))
        big.close()


if __name__ == "__main__":
    asyncio.run(main())
