"""Which customer or job do the user's words name? Works on any CRM backend.

"job 1043", "2609-1043", "the Johnson roof job", "Walsh siding", "(617) 555-0102", "the
Nguyens": exact ids first, then customers by name and their jobs, narrowed by trade words.
When the words fit several records, the lookup says so and lists them; it never guesses.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field

from harde.crm.errors import CRMNotFound
from harde.crm.models import Customer, Job
from harde.crm.protocol import CRM
from harde.crm.render import customer_line, job_line
from harde.crm.search import CustomerQuery, is_close_name_match, parse_customer_query

_CUSTOMER_ID = re.compile(r"\bcustomer\s*#?\s*(\d{1,7})\b", re.I)
_JOB_ID = re.compile(
    r"\bjob\s*(?:#|no\.?|number)?\s*((?:[A-Z]{2,6}-\d{2,7}|\d{3,7})(?:-\d{2,7})*)\b", re.I
)


@dataclass
class CustomerLookup:
    query: str
    customer: Customer | None = None
    matches: list[Customer] = field(default_factory=list)  # several sure matches: ask which
    suggestions: list[Customer] = field(default_factory=list)  # nothing sure: closest names

    def problem(self) -> str:
        if self.matches:
            lines = [f"More than one customer matches “{self.query}”. Which one?"]
            lines.extend(f"- {customer_line(c)}" for c in self.matches)
            return "\n".join(lines)
        if self.suggestions:
            lines = [f"No customer matches “{self.query}” exactly. Closest matches:"]
            lines.extend(f"- {customer_line(c)}" for c in self.suggestions)
            return "\n".join(lines)
        return f"No customer in the CRM matches “{self.query}”."


@dataclass
class JobLookup:
    query: str
    job: Job | None = None
    candidates: list[Job] = field(default_factory=list)  # several jobs fit: ask which
    customers: list[Customer] = field(default_factory=list)  # the customers those jobs belong to
    suggestions: list[Customer] = field(default_factory=list)
    missing_number: str | None = None

    def problem(self) -> str:
        if self.missing_number:
            return f"There is no job {self.missing_number} in the CRM."
        if self.candidates:
            many_customers = len({j.customer_id for j in self.candidates}) > 1
            if many_customers:
                surname = self.customers[0].last_name if self.customers else ""
                same = surname and all(c.last_name == surname for c in self.customers)
                head = f"Which {surname}? " if same else "Which one? "
                lines = [head + f"{len(self.customers)} customers match “{self.query}”:"]
                for c in self.customers:
                    lines.append(f"- {customer_line(c)}")
                    lines.extend(
                        f"  - {job_line(j, with_customer=False)}"
                        for j in self.candidates
                        if j.customer_id == c.id
                    )
            else:
                name = self.customers[0].full_name if self.customers else "this customer"
                lines = [f"{name} has {len(self.candidates)} jobs. Which one?"]
                lines.extend(f"- {job_line(j, with_customer=False)}" for j in self.candidates)
            return "\n".join(lines)
        if self.customers:
            names = ", ".join(c.full_name for c in self.customers)
            return f"{names} has no job matching “{self.query}”."
        return CustomerLookup(self.query, suggestions=self.suggestions).problem()


def customer_words(text: str) -> CustomerQuery:
    return parse_customer_query(text)


async def find_customer(crm: CRM, text: str) -> CustomerLookup:
    lookup = CustomerLookup(query=text.strip())
    by_id = _CUSTOMER_ID.search(text)
    if by_id:
        try:
            lookup.customer = await crm.get_customer(int(by_id.group(1)))
            return lookup
        except CRMNotFound:
            return lookup
    q = parse_customer_query(text)
    found = await crm.search_customers(
        text if (q.email or q.phone_digits or q.job_number) else q.name or text
    )
    if q.email or q.phone_digits or q.job_number:
        sure = found
    else:
        sure = [c for c in found if is_close_name_match(q.name or text, c)]
        if not sure and len(q.name.split()) > 1:
            # A stray word ("the Doyle job going?") hides the name: try each word alone.
            for word in q.name.split():
                hits = [c for c in await crm.search_customers(word) if is_close_name_match(word, c)]
                if hits:
                    sure = hits
                    break
    if len(sure) == 1:
        lookup.customer = sure[0]
    elif sure:
        lookup.matches = sure
    else:
        lookup.suggestions = found[:5]
    return lookup


def _trade_fits(job: Job, trade_words: tuple[str, ...]) -> bool:
    names = " ".join(t.name.casefold() for t in job.trades) + " " + (job.name or "").casefold()
    return all(word in names for word in trade_words)


async def find_job(crm: CRM, text: str) -> JobLookup:
    """The one job the words name, or the candidates to choose from."""
    lookup = JobLookup(query=text.strip())
    q = parse_customer_query(text)
    number = _JOB_ID.search(text)
    job_number = number.group(1) if number else (q.job_number if not q.name else None)
    if job_number:
        if job_number.isdigit():
            try:
                lookup.job = await crm.get_job(int(job_number))
                return lookup
            except CRMNotFound:
                pass
        jobs = await crm.list_jobs(job_number=job_number, limit=5)
        if len(jobs) == 1:
            lookup.job = jobs[0]
        elif jobs:
            lookup.candidates = jobs
        else:
            lookup.missing_number = job_number
        return lookup
    customers = await find_customer(crm, text)
    if customers.customer is None and not customers.matches:
        lookup.suggestions = customers.suggestions
        return lookup
    people = [customers.customer] if customers.customer else customers.matches
    job_lists = await asyncio.gather(*(crm.list_jobs(customer_id=c.id) for c in people))
    jobs = [j for js in job_lists for j in js]
    if q.trade_words:
        jobs = [j for j in jobs if _trade_fits(j, q.trade_words)]
    owners = {j.customer_id for j in jobs}
    lookup.customers = [c for c in people if c.id in owners] or people
    if len(jobs) == 1:
        lookup.job = jobs[0]
    else:
        lookup.candidates = jobs
    return lookup
