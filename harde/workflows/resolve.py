"""Which job a trigger email means, through the CRM: the job its number or id names, else the
customer's only open job (the words are read by harde.understanding.trigger)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from harde.crm.errors import CRMNotFound
from harde.crm.models import CustomerQuery, Job
from harde.crm.protocol import CRM
from harde.understanding.trigger import JobAsk


@dataclass(frozen=True)
class JobResolution:
    status: Literal["ok", "ambiguous", "not_found"]
    job_id: int | None = None
    candidates: list[str] = field(default_factory=list)  # job titles to offer the sender
    asked_for: str = ""


def _name_matches(asked: str, full_name: str) -> bool:
    wanted = [t for t in re.split(r"[\s.]+", asked.lower()) if t]
    have = full_name.lower().split()
    return bool(wanted) and all(
        any(h == w or (len(w) == 1 and h.startswith(w)) for h in have) for w in wanted
    )


async def _job_by_reference(crm: CRM, ref: str) -> Job | None:
    jobs = await crm.list_jobs(job_number=ref, limit=5)
    exact = [j for j in jobs if j.number == ref]
    if len(exact) == 1:
        return exact[0]
    if ref.isdigit():
        try:
            return await crm.get_job(int(ref))
        except CRMNotFound:
            pass
        suffix = [j for j in jobs if j.number.endswith(f"-{ref}")]
        if len(suffix) == 1:
            return suffix[0]
    return None


async def resolve_job(crm: CRM, ask: JobAsk) -> JobResolution:
    """The job `ask` names; ambiguous when its number and name disagree or the name has several."""
    ref, name = ask.job_ref, ask.customer_name
    if ref is not None:
        job = await _job_by_reference(crm, ref)
        if job is not None:
            if (
                name
                and job.customer is not None
                and not _name_matches(name, job.customer.full_name)
            ):
                # The number and the name disagree: ask rather than guess.
                return JobResolution(
                    "ambiguous", candidates=[job.title], asked_for=f"{name}, job {ref}"
                )
            return JobResolution("ok", job_id=job.id, asked_for=ref)
        if not name:
            return JobResolution("not_found", asked_for=f"job {ref}")
    if not name:
        return JobResolution("not_found", asked_for="")
    customers = [
        c for c in await crm.search_customers(CustomerQuery(name=name), limit=10) if _name_matches(name, c.full_name)
    ]
    jobs: list[Job] = []
    for customer in customers:
        jobs.extend(
            j for j in await crm.list_jobs(customer_id=customer.id, limit=20) if not j.archived
        )
    if len(jobs) == 1:
        return JobResolution("ok", job_id=jobs[0].id, asked_for=name)
    if not jobs:
        return JobResolution("not_found", asked_for=name)
    return JobResolution("ambiguous", candidates=[_describe(j) for j in jobs], asked_for=name)


def _describe(job: Job) -> str:
    who = job.customer.full_name if job.customer else ""
    where = job.address.city if job.address and job.address.city else ""
    extra = ", ".join(p for p in (who, where) if p)
    return f"{job.title} ({extra})" if extra else job.title
