"""Finding the customer and job a script is for, from typed references, and CRM facts for it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from harde.brand import PhoneBook
from harde.crm.errors import CRMNotFound
from harde.crm.models import Customer, CustomerQuery, Job
from harde.crm.protocol import CRM
from harde.scripting.models import ScriptFacts

SCRIPT_TRADES = ("Roofing", "Siding", "Gutters", "Windows")


@dataclass(frozen=True)
class JobLookup:
    """What a search found: the job when it is clear, else the candidates to ask about."""

    customer: Customer | None = None
    job: Job | None = None
    choices: list[Job] = field(default_factory=list)
    problem: str = ""


def main_trade(job: Job) -> str:
    names = [t.name for t in job.trades]
    for name in names:
        if name in SCRIPT_TRADES:
            return name
    return names[0] if names else ""


async def find_job(
    crm: CRM, *, customer: str | None = None, job: str | None = None, trade: str | None = None
) -> JobLookup:
    """The job by id or number, or the customer's job in `trade` (one of SCRIPT_TRADES) when
    the customer has several."""
    if job:
        found = await job_by_reference(crm, job)
        if found is None:
            return JobLookup(problem=f"I couldn't find job {job} in the CRM.")
        return JobLookup(customer=found.customer, job=found)
    if not customer:
        return JobLookup(problem="Which customer is the script for?")
    customers = await crm.search_customers(CustomerQuery(name=customer), limit=5)
    if not customers:
        return JobLookup(problem=f"I couldn't find a customer matching “{customer}” in the CRM.")
    person = customers[0]
    jobs = [j for j in await crm.list_jobs(customer_id=person.id) if not j.archived]
    if not jobs:
        return JobLookup(customer=person, problem=f"{person.first_name} {person.last_name} has no open jobs in the CRM.")
    if len(jobs) == 1:
        return JobLookup(customer=person, job=jobs[0])
    matching = [j for j in jobs if trade and any(t.name == trade for t in j.trades)]
    if len(matching) == 1:
        return JobLookup(customer=person, job=matching[0])
    return JobLookup(customer=person, choices=sorted(matching or jobs, key=lambda j: j.id))


async def job_by_reference(crm: CRM, reference: str) -> Job | None:
    """A job from its id ("1043") or its number ("2609-1043")."""
    reference = reference.strip().lstrip("#")
    if reference.isdigit():
        try:
            return await crm.get_job(int(reference))
        except CRMNotFound:
            pass
    jobs = await crm.list_jobs(job_number=reference, limit=2)
    return jobs[0] if len(jobs) == 1 else None


def job_choice(job: Job) -> dict[str, Any]:
    """A job as offered to the rep (kept in ScriptDraftState.job_choices, so JSON-friendly)."""
    return {
        "job_id": str(job.id),
        "number": job.number,
        "name": job.name,
        "trade": main_trade(job),
        "stage": job.current_stage.name,
    }


def project_phrase(job: Job, customer: Customer | None) -> str:
    """The job in the homeowner's words: "Smith roof replacement + gutters" -> "roof replacement and gutters"."""
    name = job.name or main_trade(job).lower()
    if customer and customer.last_name:
        name = re.sub(rf"^\s*{re.escape(customer.last_name)}\b\s*", "", name, flags=re.IGNORECASE)
    name = re.sub(r"(?<!\s)\s*[+&]\s*", " and ", name).strip()
    return name.lower() if name else main_trade(job).lower()


def facts_from_job(
    job: Job, company_name: str, customer: Customer | None = None, phones: PhoneBook | None = None
) -> ScriptFacts:
    person = job.customer or customer
    if person is None:
        raise ValueError(f"job {job.id} came without its customer")
    rep = job.reps[0] if job.reps else person.rep
    address = job.address or person.address
    return ScriptFacts(
        job_id=str(job.id),
        customer_id=str(person.id),
        customer_first_name=person.first_name.strip(),
        customer_last_name=(person.last_name or "").strip(),
        company_name=company_name,
        trade=main_trade(job),
        trades=tuple(t.name for t in job.trades),
        job_name=job.name,
        job_number=job.number,
        project=project_phrase(job, person),
        description=(job.description or "").strip(),
        street=address.address if address else "",
        city=address.city if address else "",
        state=(address.state or "") if address else "",
        rep_first_name=rep.first_name if rep else "",
        rep_last_name=(rep.last_name or "") if rep else "",
        stage=job.current_stage.name,
        rep_phone=phones.rep_line(rep.full_name, rep.email or "") if phones and rep else "",
        company_phone=phones.main_line if phones else "",
    )
