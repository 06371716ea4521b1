"""Local CRM read latency: the crm specialist's answers over LocalCRM (demo company, and the
same company padded to N customers), against a plain `get_job` by id as the baseline; then a
read right after a write (update a customer, then look them up), against the same read after
reading every customer again, as the CRM did after any write before its lookups were
updated in place.

    .venv/bin/python bench/crm_local.py [--customers 5000] [--runs 30]
    .venv/bin/python bench/crm_local.py --scale 1000     # the demo company 1000 times over

Prints the median per call in milliseconds and each figure as a multiple of the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib.util
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
from harde.crm.models import CustomerQuery, CustomerUpdate  # noqa: E402
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


def scaled_seed(target: Path, copies: int) -> Path:
    """The demo generator's company `copies` times over (data/demo/crm/build_seed.py --scale)."""
    spec = importlib.util.spec_from_file_location("build_seed", DEMO_DIR / "crm" / "build_seed.py")
    assert spec is not None and spec.loader is not None
    build_seed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_seed)
    target.write_text(json.dumps(build_seed.scaled(build_seed.build(), copies)), encoding="utf-8")
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
        ("search_customers(name='Johnson')", lambda: crm.search_customers(CustomerQuery(name="Johnson"))),
        ("search_customers(phone='(508) 555-0101')", lambda: crm.search_customers(CustomerQuery(phone="(508) 555-0101"))),
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


async def read_after_write(crm: LocalCRM, label: str, runs: int) -> None:
    """A rep's edit, then the lookups that follow it: the customer, and a search by the new name."""
    customer_id = 103
    counter = iter(range(1_000_000))

    def surname(n: int) -> str:  # letters only: digits in a search read as a job number
        letters = ""
        while True:
            n, r = divmod(n, 26)
            letters += chr(ord("a") + r)
            if n == 0:
                return "Smith" + letters

    async def write_then_read(rebuild: bool) -> None:
        name = surname(next(counter))
        await crm.update_customer(customer_id, CustomerUpdate(last_name=name))
        if rebuild:
            crm.rebuild()
        await crm.get_customer(customer_id)
        found = await crm.search_customers(CustomerQuery(name=f"John {name}"))
        assert [c.id for c in found] == [customer_id], found

    incremental = await median_ms(lambda: write_then_read(False), runs)
    rebuilt = await median_ms(lambda: write_then_read(True), max(3, runs // 3))
    start = time.perf_counter()
    await crm.update_customer(customer_id, CustomerUpdate(last_name="Smith"))
    write_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    await crm.get_customer(customer_id)
    read_ms = (time.perf_counter() - start) * 1000
    print(f"\n{label}: read after write ({crm.counts()['customers']} customers)")
    print(f"  {'write + reads, everyone read again (before)':<52}{rebuilt:8.2f} ms   1.0x")
    print(f"  {'write + reads, lookups updated in place':<52}{incremental:8.2f} ms   1/{rebuilt / incremental:,.0f}")
    print(f"  {'  of which one get_customer right after the write':<52}{read_ms:8.3f} ms   (write {write_ms:.2f} ms)")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=5000)
    parser.add_argument("--scale", type=int, default=0, help="the demo company N times over instead of padding")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        demo = LocalCRM(Path(folder) / "demo.sqlite3", SEED)
        demo.load_seed()
        await measure(demo, "Demo company", args.runs)
        await read_after_write(demo, "Demo company", args.runs)
        demo.close()
        big = LocalCRM(Path(folder) / "big.sqlite3")
        if args.scale > 1:
            start = time.perf_counter()
            big.load_seed(scaled_seed(Path(folder) / "big.json", args.scale))
            label = f"Demo company x{args.scale}"
            print(f"\n(generated and loaded {label} in {time.perf_counter() - start:.1f} s)")
        else:
            big.load_seed(padded_seed(Path(folder) / "big.json", args.customers))
            label = "Padded company"
        await measure(big, label, max(5, args.runs // 3))
        await read_after_write(big, label, max(5, args.runs // 3))
        big.close()


if __name__ == "__main__":
    asyncio.run(main())
