"""Read questions about the CRM answered as markdown: the domain side of the crm tools.

`CRMAnswers` turns the user's words into CRM calls (through `find_job` / `find_customer`)
and the results into text that reads as the answer. `lookup` takes a whole question
("what's the open balance on job 1021?") and picks the read that answers it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from harde.crm.directory import CompanyDirectory, directory_for
from harde.crm.errors import CRMError, CRMValidationError
from harde.crm.lookup import find_customer, find_job
from harde.crm.models import Appointment, FinancialSummary, Job, Note
from harde.crm.protocol import CRM
from harde.crm.render import (
    appointments_block,
    customer_details,
    customer_line,
    failure,
    financial_block,
    job_details,
    job_line,
    money,
    notes_block,
    proposals_block,
)
from harde.crm.search import parse_customer_query
from harde.crm.stages import normalise_stage_words, resolve_stage
from harde.crm.when import parse_range

_PHONE = re.compile(r"\(?\b\d{3}\)?[-. ]?\d{3}[-. ]\d{4}\b")
# Words that carry the question, not the customer or job: removed before looking one up.
_QUESTION_WORDS = re.compile(
    r"\b(what'?s|what is|what are|whats|what|how|when|where|why|show( me)?|list|give me|tell me|find|look ?up|pull up|get|"
    r"who'?s|who is|who are|when'?s|when is|where'?s|where is|where are we|how'?s|how is|is there|are there|"
    r"do we have|does|did|has|have|the|status|stage|current|open|outstanding|balance|owe[sd]?|"
    r"invoices?|payments?|paid|financials?|money|notes?|latest|last|recent|rep|sales rep|salesman|"
    r"estimator|assigned|appointments?|next|upcoming|scheduled visit|visit|inspection|proposals?|quotes?|bids?|"
    r"overview|summary|details?|info|information|everything|about|all|any|for|on|of|with|at|in|is|are|"
    r"jobs?|customers?|please|me|us|i|we|our|to|by|number|phone|call(ed|ing)?|from|this|that|who|which|"
    r"their|his|her|and|or|there|right now|now|today|here)\b",
    re.I,
)


@dataclass
class JobOverview:
    job: Job
    notes: list[Note]
    appointments: list[Appointment]
    financials: FinancialSummary | None
    financials_note: str = ""


async def job_overview(crm: CRM, job_id: int) -> JobOverview:
    """Job, notes, appointments and financials of one job, fetched in parallel."""

    async def financials() -> FinancialSummary | str:
        try:
            return await crm.financial_summary(job_id)
        except CRMValidationError as exc:  # Leap answers 412 before a job is awarded
            return exc.message

    job, notes, appointments, money_or_reason = await asyncio.gather(
        crm.get_job(job_id),
        crm.list_notes(job_id),
        crm.list_appointments(job_id=job_id),
        financials(),
    )
    if isinstance(money_or_reason, str):
        return JobOverview(job, notes, appointments, None, money_or_reason)
    return JobOverview(job, notes, appointments, money_or_reason)


def render_overview(
    overview: JobOverview, now: dt.datetime, users: dict[int, object] | None = None
) -> str:
    parts = [job_details(overview.job, overview.notes)]
    upcoming = [
        a for a in overview.appointments if a.starts and a.starts >= now and not a.is_completed
    ]
    past = [a for a in overview.appointments if a not in upcoming]
    parts.append(appointments_block(upcoming, title="Upcoming appointments"))
    if past:
        parts.append(appointments_block(past[-2:], title="Recent appointments"))
    if overview.financials is not None:
        parts.append(financial_block(overview.financials))
    else:
        parts.append("**Financials**\n- None yet: the job has not been awarded.")
    return "\n\n".join(parts)


class CRMAnswers:
    """Read answers over one CRM. `now` is injectable so tests pin "today"."""

    def __init__(self, crm: CRM, *, now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.crm = crm
        self.directory: CompanyDirectory = directory_for(crm)
        self.now = now

    # --- customers -------------------------------------------------------------------------
    async def search_customers(self, query: str) -> str:
        lookup = await find_customer(self.crm, query)
        if lookup.customer is not None:
            jobs = await self.crm.list_jobs(customer_id=lookup.customer.id)
            return customer_details(lookup.customer, jobs)
        if lookup.matches:
            return await self._which_customer(query, lookup.matches)
        return lookup.problem()

    async def _which_customer(self, query: str, customers: list) -> str:
        job_lists = await asyncio.gather(*(self.crm.list_jobs(customer_id=c.id) for c in customers))
        surname = customers[0].last_name
        same = all(c.last_name == surname for c in customers)
        lines = [
            (f"Which {surname}? " if same else "Which one? ")
            + f"{len(customers)} customers match “{query}”:"
        ]
        for c, jobs in zip(customers, job_lists, strict=True):
            lines.append(f"- {customer_line(c)}")
            lines.extend(f"  - {job_line(j, with_customer=False)}" for j in jobs)
            if not jobs:
                lines.append("  - no jobs yet")
        return "\n".join(lines)

    async def customer_details(self, customer: str) -> str:
        return await self.search_customers(customer)

    async def customer_jobs(self, customer: str) -> str:
        lookup = await find_customer(self.crm, customer)
        if lookup.customer is None:
            if lookup.matches:
                return await self._which_customer(customer, lookup.matches)
            return lookup.problem()
        jobs = await self.crm.list_jobs(customer_id=lookup.customer.id)
        if not jobs:
            return f"{customer_line(lookup.customer)} has no jobs yet."
        lines = [
            f"**{lookup.customer.full_name}** has {len(jobs)} job{'s' if len(jobs) != 1 else ''}:"
        ]
        lines.extend(f"- {job_line(j, with_customer=False)}" for j in jobs)
        return "\n".join(lines)

    # --- jobs ------------------------------------------------------------------------------
    async def _job(self, words: str) -> Job | str:
        lookup = await find_job(self.crm, words)
        return lookup.job if lookup.job is not None else lookup.problem()

    async def job_details(self, job: str) -> str:
        found = await self._job(job)
        if isinstance(found, str):
            return found
        notes = await self.crm.list_notes(found.id)
        return job_details(found, notes)

    async def job_status(self, job: str) -> str:
        found = await self._job(job)
        if isinstance(found, str):
            return found
        notes = await self.crm.list_notes(found.id)
        head = f"**Job {found.id}** ({found.name or found.trade_names}) is in the **{found.current_stage.name}** stage."
        return head + "\n\n" + job_details(found, notes, note_limit=2)

    async def job_overview(self, job: str) -> str:
        found = await self._job(job)
        if isinstance(found, str):
            return found
        overview = await job_overview(self.crm, found.id)
        return render_overview(overview, self.now())

    async def job_notes(self, job: str) -> str:
        found = await self._job(job)
        if isinstance(found, str):
            return found
        notes = await self.crm.list_notes(found.id)
        return notes_block(
            notes[:10],
            title=f"Notes on job {found.id} ({found.name or found.trade_names}), newest first",
        )

    async def job_reps(self, job: str) -> str:
        found = await self._job(job)
        if isinstance(found, str):
            customers = await find_customer(self.crm, job)
            if customers.customer is not None and customers.customer.rep is not None:
                return f"The sales rep for **{customers.customer.full_name}** is **{customers.customer.rep.full_name}**."
            return found
        reps = ", ".join(r.full_name for r in found.reps) or "nobody yet"
        text = f"The sales rep on **job {found.id}** ({found.name or found.trade_names}) is **{reps}**."
        if found.estimators:
            text += " Estimator: " + ", ".join(u.full_name for u in found.estimators) + "."
        return text

    async def financials(self, job: str) -> str:
        found = await self._job(job)
        if isinstance(found, str):
            return found
        try:
            summary = await self.crm.financial_summary(found.id)
        except CRMValidationError as exc:
            return f"No financials for job {found.id} ({found.name or found.trade_names}) yet: {exc.message}"
        head = f"The open balance on **job {found.id}** ({found.name or found.trade_names}) is **{money(summary.open_balance)}**."
        return head + "\n\n" + financial_block(summary)

    async def proposals(self, job: str = "") -> str:
        if not job.strip():
            return proposals_block(await self.crm.list_proposals(), title="All proposals")
        found = await self._job(job)
        if isinstance(found, str):
            return found
        return proposals_block(
            await self.crm.list_proposals(job_id=found.id), title=f"Proposals for job {found.id}"
        )

    async def jobs_in_stage(self, stage: str, trade: str = "") -> str:
        stages = await self.directory.stages()
        resolution = resolve_stage(stage, stages)
        if resolution.stage is None:
            return resolution.problem(stages)
        trade_ids = None
        if trade.strip():
            wanted = parse_customer_query(trade).trade_words or (trade.casefold(),)
            trade_ids = [
                t.id
                for t in await self.directory.trades()
                if any(w in t.name.casefold() for w in wanted)
            ]
        jobs = await self.crm.list_jobs(
            stage_codes=[resolution.stage.code], trade_ids=trade_ids, limit=100
        )
        if not jobs:
            return f"No jobs are in **{resolution.stage.name}** right now."
        lines = [f"**{len(jobs)} job{'s' if len(jobs) != 1 else ''} in {resolution.stage.name}:**"]
        lines.extend(f"- {job_line(j)}" for j in jobs)
        return "\n".join(lines)

    # --- appointments ----------------------------------------------------------------------
    async def appointments(self, when: str = "", customer: str = "") -> str:
        now = self.now()
        users = {u.id: u for u in await self.directory.users()}
        if customer.strip():
            lookup = await find_customer(self.crm, customer)
            if lookup.customer is None:
                return lookup.problem()
            start, end, label = (
                parse_range(when, now, default_days=60) if when.strip() else (now, None, "upcoming")
            )
            items = await self.crm.list_appointments(
                start=start, end=end, customer_id=lookup.customer.id
            )
            title = f"Appointments with {lookup.customer.full_name} ({label})"
            return appointments_block(
                items, title=title, customers={lookup.customer.id: lookup.customer}, users=users
            )
        start, end, label = parse_range(when, now)
        items = await self.crm.list_appointments(start=start, end=end)
        customers = {}
        for cid in {a.customer_id for a in items if a.customer_id}:
            try:
                customers[cid] = await self.crm.get_customer(cid)
            except CRMError:
                continue
        return appointments_block(
            items, title=f"Appointments, {label}", customers=customers, users=users
        )

    async def next_appointment(self, words: str) -> str:
        now = self.now()
        lookup = await find_job(self.crm, words)
        users = {u.id: u for u in await self.directory.users()}
        if lookup.job is not None:
            items = await self.crm.list_appointments(start=now, job_id=lookup.job.id)
            who = f"job {lookup.job.id} ({lookup.job.name})"
        else:
            customers = await find_customer(self.crm, words)
            if customers.customer is None:
                return lookup.problem()
            items = await self.crm.list_appointments(start=now, customer_id=customers.customer.id)
            who = customers.customer.full_name
        if not items:
            return f"Nothing is booked for {who} from today on."
        first = items[0]
        text = appointments_block([first], title=f"Next appointment for {who}", users=users)
        if len(items) > 1:
            text += "\n\n" + appointments_block(items[1:], title="Later", users=users)
        return text

    # --- company lists ---------------------------------------------------------------------
    async def stages(self) -> str:
        stages = await self.directory.stages()
        return "**Workflow stages, in order:**\n" + "\n".join(
            f"{i}. {s.name}" for i, s in enumerate(stages, 1)
        )

    async def trades(self) -> str:
        trades = await self.directory.trades()
        return "**Trades:** " + ", ".join(f"{t.name} ({t.id})" for t in trades)

    async def users(self) -> str:
        users = await self.directory.users()
        lines = ["**Company users:**"]
        lines.extend(
            f"- {u.full_name}"
            + (f", {u.title}" if u.title else "")
            + ("" if u.active else " (inactive)")
            for u in users
        )
        return "\n".join(lines)

    async def referrals(self) -> str:
        referrals = await self.crm.list_referrals()
        return "**Referral sources:** " + ", ".join(r.name for r in referrals)

    # --- one question, whole ---------------------------------------------------------------
    async def lookup(self, question: str) -> str:
        """Answer a common read question from its words (status, jobs, rep, notes, balance,
        next appointment, jobs in a stage, find by phone)."""
        try:
            return await self._lookup(question)
        except CRMError as exc:
            return failure(exc)

    async def _lookup(self, question: str) -> str:
        text = question.strip()
        low = text.casefold()
        subject = _subject(text)
        phone = _PHONE.search(text)
        if phone:
            return await self.search_customers(phone.group(0))
        if re.search(r"\b(list|what are|show)\b.*\b(workflow )?stages\b|\bwhat stages\b", low):
            return await self.stages()
        if re.search(r"\b(list|what|which|show)\b.*\btrades\b", low):
            return await self.trades()
        if (
            re.search(
                r"\b(users|team members|who works|our reps|sales reps|list (the )?reps|estimators)\b",
                low,
            )
            and not subject
        ):
            return await self.users()
        if re.search(r"\breferral (sources?|types?)\b|\breferrals\b", low) and not subject:
            return await self.referrals()
        stage_question = await self._stage_in_question(low)
        if stage_question is not None:
            return stage_question
        if re.search(
            r"\b(balance|owe[sd]?|outstanding|invoice[sd]?|payments?|paid|financials?|money)\b", low
        ):
            return await self.financials(subject or text)
        if re.search(
            r"\b(who is|who'?s|which)\b.*\b(rep|salesman|sales ?person|estimator)\b|\b(rep|estimator) (on|for)\b",
            low,
        ):
            return await self.job_reps(subject or text)
        if re.search(r"\bnotes?\b", low):
            return await self.job_notes(subject or text)
        if re.search(r"\b(proposal|proposals|quote|quotes|bid|bids)\b", low):
            return await self.proposals(subject)
        if re.search(r"\b(appointments?|inspections?|visits?|schedule|calendar|booked)\b", low):
            if re.search(r"\bnext\b", low) and subject:
                return await self.next_appointment(subject)
            when_words = re.search(
                r"\b(today|tomorrow|this week|next week|this month|next month|next \d+ days|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}/\d{1,2})\b",
                low,
            )
            if subject and not when_words:
                return await self.appointments(customer=subject)
            return await self.appointments(when=text)
        if re.search(r"\b(overview|everything|full picture|summary)\b", low) and subject:
            return await self.job_overview(subject)
        if (
            re.search(r"\b(all )?jobs\b", low)
            and subject
            and not re.search(r"\bjob\s*#?\s*\d", low)
        ):
            return await self.customer_jobs(subject)
        if not subject:
            return (
                "Tell me which customer or job: a name (“the Johnson roof job”), a job number "
                "(“job 1043”) or a phone number."
            )
        lookup = await find_job(self.crm, subject)
        if lookup.job is not None:
            return await self.job_status(f"job {lookup.job.id}")
        if (
            lookup.candidates
            and len({j.customer_id for j in lookup.candidates}) == 1
            and not parse_customer_query(subject).trade_words
        ):
            return await self.customer_jobs(f"customer {lookup.candidates[0].customer_id}")
        return lookup.problem()

    async def _stage_in_question(self, low: str) -> str | None:
        """ "Which jobs are in Proposal Sent?", "jobs in the follow up stage", "show scheduled jobs"."""
        m = re.search(
            r"\b(?:jobs?|projects?)\b.*?\b(?:in|at|are|sitting in)\s+(?:the\s+)?(.+?)(?:\s+stage)?\s*\??$",
            low,
        )
        m2 = re.search(
            r"\b(?:show|list|which|what|all)\b.*?\b([a-z &/-]+?)\s+(?:jobs|projects)\b", low
        )
        stages = await self.directory.stages()
        for candidate in (m.group(1) if m else None, m2.group(1) if m2 else None):
            if not candidate:
                continue
            words = normalise_stage_words(candidate)
            words = re.sub(r"\b(all|the|my|our|show|list|which|what|me)\b", " ", words).strip()
            trade = ""
            for t in ("roofing", "roof", "siding", "gutter", "gutters", "windows", "window"):
                if re.search(rf"\b{t}\b", words):
                    trade = t
                    words = re.sub(rf"\b{t}\b", " ", words).strip()
            if not words:
                continue
            resolution = resolve_stage(words, stages)
            if resolution.stage is not None:
                return await self.jobs_in_stage(resolution.stage.name, trade)
        return None


def _subject(text: str) -> str:
    """The customer or job named in a question: "what's the status of the Johnson roof job" -> "Johnson roof job"."""
    job = re.search(r"\bjob\s*(?:#|no\.?|number)?\s*\d{3,7}(?:-\d{2,7})*", text, re.I)
    if job:
        return job.group(0)
    customer = re.search(r"\bcustomer\s*#?\s*\d{1,7}\b", text, re.I)
    if customer:
        return customer.group(0)
    phone = _PHONE.search(text)
    if phone:
        return phone.group(0)
    stripped = re.sub(r"[?!.,;:]", " ", text)
    stripped = re.sub(r"[’']s\b", "", stripped)
    stripped = _QUESTION_WORDS.sub(" ", stripped)
    words = [w for w in stripped.split() if w]
    trade_words = {"roof", "roofing", "siding", "gutter", "gutters", "window", "windows"}
    if all(w.casefold() in trade_words for w in words):
        return ""
    return " ".join(words)
