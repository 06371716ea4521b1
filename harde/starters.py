"""Example requests for the chat's first screen, drawn from what this company's own data can
answer: its open jobs, customers, reps, catalog and playbook. Each names exactly one record, so
it is answered at once, never with "which one?"."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from harde.understanding.directory import CustomerEntry, Directory, JobEntry

MAX_EXAMPLES = 6
# Stages a job is still being sold or built in: its status is worth asking about.
_CLOSED = ("lost", "cancel", "complete", "closed", "paid")


def _open(job: JobEntry) -> bool:
    return bool(job.stage) and not any(word in job.stage.casefold() for word in _CLOSED)


def _unique_customers(directory: Directory) -> list[CustomerEntry]:
    """Customers nobody else shares a surname or a full name with, in id order."""
    lasts = Counter(c.last.casefold() for c in directory.customers.values())
    return [c for _, c in sorted(directory.customers.items()) if c.first and c.last and lasts[c.last.casefold()] == 1]


def _job_status(directory: Directory, customers: list[CustomerEntry]) -> tuple[str, int] | None:
    for customer in customers:
        jobs = [j for j in directory.jobs_of(customer.id) if _open(j) and j.trades]
        trades = Counter(t for j in directory.jobs_of(customer.id) for t in j.trades)
        for job in jobs:
            trade = job.trades[0]
            if trades[trade] == 1:
                word = {"roofing": "roof", "gutters": "gutter", "siding": "siding", "windows": "windows"}.get(trade, trade)
                return f"What's the status of the {customer.last} {word} job?", customer.id
    return None


def _rep_with_open_jobs(directory: Directory) -> str | None:
    counts = Counter(rep for j in directory.jobs.values() if _open(j) for rep in j.rep_ids)
    for rep_id, _ in counts.most_common():
        user = directory.users.get(rep_id)
        if user is not None and user.first and user.last:
            return user.full_name
    return None


def example_requests(
    directory: Directory,
    *,
    catalog: Sequence[str] = (),
    objections: Sequence[str] = (),
) -> list[str]:
    """Four to six requests a rep could send first. `catalog` is the catalog's item names;
    `objections` the titles of the playbook's objection documents ("Price Objection")."""
    out: list[str] = []
    customers = _unique_customers(directory)
    status = _job_status(directory, customers)
    if status is not None:
        out.append(status[0])
    other = next((c for c in customers if status is None or c.id != status[1]), None)
    if other is not None and other.phones:
        out.append(f"What's {other.full_name}'s phone number?")
    rep = _rep_with_open_jobs(directory)
    if rep is not None:
        out.append(f"What jobs does {rep} have open?")
    if objections:
        said = re.search(r"([a-z]+)\s+objections?\b", objections[0].casefold())
        if said is not None:
            out.append(f"What's our standard objection response for {said.group(1)} concerns?")
    if catalog:
        out.append(f"How much is the {catalog[0]}?")
    out.append("How many squares is a 2,400 sq ft footprint at 6/12 with 15% waste?")
    return out[:MAX_EXAMPLES]
