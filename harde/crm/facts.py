"""Typed read queries over the CRM and their answers: the asked field first, then only what helps.

Every function takes ids, field names, dates and returns markdown short enough to read on a
phone. Nothing here reads the user's words: the understanding layer (or a model) has already
said which customer or job and which fields.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence
from typing import Literal, get_args

from harde.crm.directory import directory_for
from harde.crm.errors import CRMNotFound, CRMValidationError
from harde.crm.models import Appointment, Customer, FinancialSummary, Job, Note, Proposal, User
from harde.crm.protocol import CRM
from harde.crm.render import appointment_line, job_line, money
from harde.crm.when import describe

Fact = Literal[
    "phone",
    "email",
    "address",
    "stage",
    "rep",
    "contract_amount",
    "deposit",
    "payments",
    "balance",
    "install_date",
    "next_appointment",
    "appointments",
    "notes",
    "proposals",
    "jobs",
    "overview",
]
FACTS: tuple[str, ...] = get_args(Fact)
CUSTOMER_FACTS = ("phone", "email", "address", "jobs")
# Stages after which a job is no longer open work for a rep.
CLOSED_STAGE_WORDS = ("completed", "paid", "closed", "lost")


def is_closed_stage(name: str) -> bool:
    low = name.casefold()
    return any(word in low for word in CLOSED_STAGE_WORDS)


def _label(job: Job) -> str:
    return job.name or job.trade_names or f"job {job.id}"


def _who(customer: Customer | None) -> str:
    return customer.full_name if customer is not None else "The customer"


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


async def _financials(crm: CRM, job_id: int) -> FinancialSummary | str:
    try:
        return await crm.financial_summary(job_id)
    except CRMValidationError as exc:  # Leap answers 412 before a job is awarded
        return exc.message


def _deposit(summary: FinancialSummary) -> str:
    deposits = [i for i in summary.invoices if "deposit" in (i.title or "").casefold()]
    if not deposits:
        return "no deposit invoice yet"
    inv = deposits[0]
    state = "paid" if inv.open_balance <= 0 else f"{money(inv.open_balance)} still open"
    return f"{money(inv.total_amount)} ({state})"


def _payments(summary: FinancialSummary) -> str:
    done = [p for p in summary.payments if p.status != "canceled"]
    if not done:
        return "no payments yet"
    items = ", ".join(
        f"{money(p.payment)}" + (f" on {p.date:%b %-d}" if p.date else "") + (f" by {p.method}" if p.method else "")
        for p in done
    )
    return f"{money(summary.total_paid)} paid in {len(done)} payment{'s' if len(done) != 1 else ''} ({items})"


def _appointments_of(appointments: Sequence[Appointment], now: dt.datetime, kind: str = "") -> list[Appointment]:
    wanted = [a for a in appointments if not kind or kind.casefold() in a.title.casefold()]
    return sorted((a for a in wanted if a.starts is not None), key=lambda a: a.starts or now)


def _next(appointments: Sequence[Appointment], now: dt.datetime, kind: str = "") -> Appointment | None:
    for a in _appointments_of(appointments, now, kind):
        if a.starts is not None and a.starts >= now and not a.is_completed:
            return a
    return None


async def job_facts(crm: CRM, job: Job, fields: Sequence[str], now: dt.datetime) -> str:
    """The asked facts of one job, each on its own line, the first one as a sentence."""
    customer = job.customer
    if customer is None:
        try:
            customer = await crm.get_customer(job.customer_id)
        except CRMNotFound:
            customer = None
    title = f"job {job.id} ({_label(job)}" + (f", {customer.full_name})" if customer else ")")
    wants = list(dict.fromkeys(fields)) or ["overview"]
    needs_money = any(f in wants for f in ("contract_amount", "deposit", "payments", "balance", "overview"))
    needs_appts = any(f in wants for f in ("install_date", "next_appointment", "appointments", "overview"))
    needs_notes = any(f in wants for f in ("notes", "overview"))
    summary_or_reason, appointments, notes, proposals = await asyncio.gather(
        _financials(crm, job.id) if needs_money else _no_money(),
        crm.list_appointments(job_id=job.id) if needs_appts else _no_appointments(),
        crm.list_notes(job.id) if needs_notes else _no_notes(),
        crm.list_proposals(job.id) if "proposals" in wants else _no_proposals(),
    )
    summary = summary_or_reason if isinstance(summary_or_reason, FinancialSummary) else None
    # Before a job is awarded there is no money on it yet (Leap refuses the summary): say so plainly.
    reason = f"it is in {job.current_stage.name} and has not been awarded yet"
    lines: list[str] = []
    for field in wants:
        if field in ("phone", "email", "address"):
            lines.append(customer_fact(customer, field) if customer else f"I have no customer on {title}.")
        elif field == "stage":
            lines.append(f"{title[:1].upper()}{title[1:]} is in **{job.current_stage.name}**.")
        elif field == "rep":
            reps = ", ".join(r.full_name for r in job.reps) or "nobody yet"
            line = f"The rep on {title} is **{reps}**."
            if job.estimators:
                line += " Estimator: " + ", ".join(u.full_name for u in job.estimators) + "."
            lines.append(line)
        elif field == "contract_amount":
            amount = summary.contract_amount if summary else 0.0
            lines.append(
                f"The contract on {title} is **{money(amount)}**."
                if amount
                else f"There is no contract amount on {title} yet: it is in {job.current_stage.name}."
            )
        elif field == "balance":
            lines.append(_balance(title, summary) if summary else f"Nothing is invoiced on {title}: {reason}.")
        elif field == "deposit":
            lines.append(f"Deposit on {title}: **{_deposit(summary)}**." if summary else f"No deposit on {title}: {reason}.")
        elif field == "payments":
            lines.append(f"Payments on {title}: **{_payments(summary)}**." if summary else f"No payments on {title}: {reason}.")
        elif field == "install_date":
            install = _next(appointments, now, "install") or next(iter(_appointments_of(appointments, now, "install")), None)
            lines.append(
                f"The install on {title} {'starts' if install.starts >= now else 'started'} **{describe(install.starts)}**."
                if install and install.starts
                else f"No install start is on the calendar for {title}, which is in {job.current_stage.name}."
            )
        elif field == "next_appointment":
            upcoming = _next(appointments, now)
            lines.append(
                f"The next appointment on {title} is **{upcoming.title}**, {describe(upcoming.starts)}."
                if upcoming and upcoming.starts
                else f"Nothing upcoming is booked on {title}."
            )
        elif field == "appointments":
            lines.append(_appointment_list(f"Appointments on {title}", _appointments_of(appointments, now)))
        elif field == "notes" and lines and wants[:2] == ["stage", "notes"]:
            # "whats the latest with 1056": where it stands, then what was last said, as one answer
            lines[-1] += "\n" + _notes(title, notes).replace(f"Latest note on {title}:", "Latest note:", 1)
        elif field == "notes":
            lines.append(_notes(title, notes))
        elif field == "proposals":
            lines.append(_proposals(title, proposals))
        elif field == "jobs" and customer is not None:
            jobs = await crm.list_jobs(customer_id=customer.id)
            lines.append(_jobs(customer, jobs))
        elif field == "overview":
            lines.append(_overview(job, customer, summary, reason, appointments, notes, now))
    return "\n\n".join(lines)


def _balance(title: str, summary: FinancialSummary) -> str:
    """What is owed now (the open invoices), and what of the contract is still to be invoiced."""
    line = (
        f"The open balance on {title} is **{money(summary.open_balance)}** "
        f"(invoiced {money(summary.total_invoiced)}, paid {money(summary.total_paid)})."
    )
    later = round(summary.contract_amount - summary.total_invoiced, 2)
    if later >= 0.01:
        line += f" A further {money(later)} of the {money(summary.contract_amount)} contract is not invoiced yet."
    return line


async def _no_money() -> FinancialSummary | str:
    return "not asked"


async def _no_appointments() -> list[Appointment]:
    return []


async def _no_notes() -> list[Note]:
    return []


async def _no_proposals() -> list[Proposal]:
    return []


def customer_fact(customer: Customer, field: str) -> str:
    name = customer.full_name
    if field == "phone":
        if not customer.phones:
            return f"I have no phone number for {name}."
        first, *rest = customer.phones
        line = f"{_possessive(name)} phone is **{first.display}** ({first.label})."
        if rest:
            line += " Also: " + ", ".join(f"{p.display} ({p.label})" for p in rest) + "."
        return line
    if field == "email":
        if not customer.email:
            return f"I have no email address for {name}."
        extra = f" Also: {', '.join(customer.additional_emails)}." if customer.additional_emails else ""
        return f"{_possessive(name)} email is **{customer.email}**.{extra}"
    if field == "address":
        if customer.address is None or not customer.address.one_line:
            return f"I have no address for {name}."
        return f"{_possessive(name)} address is **{customer.address.one_line}**."
    return ""


async def customer_facts(crm: CRM, customer: Customer, fields: Sequence[str], now: dt.datetime) -> str:
    """The asked facts of a customer; job facts of their one job, or of each job when several."""
    wants = list(dict.fromkeys(fields)) or ["overview"]
    jobs = await crm.list_jobs(customer_id=customer.id)
    lines: list[str] = []
    job_fields = [f for f in wants if f not in CUSTOMER_FACTS]
    for field in wants:
        if field in ("phone", "email", "address"):
            lines.append(customer_fact(customer, field))
        elif field == "jobs":
            lines.append(_jobs(customer, jobs))
    if "rep" in job_fields:
        reps = list(dict.fromkeys(r.full_name for j in jobs for r in j.reps))
        if len(reps) <= 1 and (reps or customer.rep is not None):
            lines.append(f"The rep for {customer.full_name} is **{reps[0] if reps else customer.rep.full_name}**.")  # type: ignore[union-attr]
            job_fields.remove("rep")
    if "next_appointment" in job_fields:
        upcoming = _next(await crm.list_appointments(customer_id=customer.id), now)
        lines.append(
            f"The next appointment with {customer.full_name} is **{upcoming.title}**, {describe(upcoming.starts)}"
            + (f" (job {', '.join(str(j) for j in upcoming.job_ids)})." if upcoming.job_ids else ".")
            if upcoming is not None and upcoming.starts is not None
            else f"Nothing upcoming is booked with {customer.full_name}."
        )
        job_fields.remove("next_appointment")
    if job_fields:
        if not jobs:
            lines.append(f"{customer.full_name} has no jobs yet.")
        for job in jobs[:4]:
            lines.append(await job_facts(crm, job, job_fields, now))
    return "\n\n".join(line for line in lines if line)


def _jobs(customer: Customer, jobs: Sequence[Job]) -> str:
    if not jobs:
        return f"{customer.full_name} has no jobs yet."
    head = f"{customer.full_name} has {len(jobs)} job{'s' if len(jobs) != 1 else ''}:"
    return "\n".join([head, *(f"- {job_line(j, with_customer=False)}" for j in jobs)])


def _notes(title: str, notes: Sequence[Note]) -> str:
    if not notes:
        return f"There are no notes on {title}."
    lines = [f"Latest note on {title}: **{notes[0].note}**" + _note_when(notes[0])]
    for n in notes[1:3]:
        lines.append(f"- {n.note}{_note_when(n)}")
    return "\n".join(lines)


def _note_when(note: Note) -> str:
    when = f"{note.created_at:%b %-d}" if note.created_at else ""
    author = note.created_by.full_name if note.created_by else ""
    bits = ", ".join(b for b in (when, author) if b)
    return f" ({bits})" if bits else ""


def _proposals(title: str, proposals: Sequence[Proposal]) -> str:
    if not proposals:
        return f"There is no proposal on {title}."
    lines = [f"Proposals on {title}:"]
    for p in proposals:
        amount = f", {money(p.total_amount)}" if p.total_amount is not None else ""
        lines.append(f"- {p.title or 'Proposal'}: {p.status}{amount}")
    return "\n".join(lines)


def _appointment_list(
    title: str,
    appointments: Sequence[Appointment],
    customers: dict[int, Customer] | None = None,
    users: dict[int, User] | None = None,
) -> str:
    if not appointments:
        return f"{title}: none."
    lines = [f"{title} ({len(appointments)}):"]
    lines.extend(f"- {appointment_line(a, customers, users)}" for a in appointments)
    return "\n".join(lines)


def _overview(
    job: Job,
    customer: Customer | None,
    summary: FinancialSummary | None,
    reason: str,
    appointments: Sequence[Appointment],
    notes: Sequence[Note],
    now: dt.datetime,
) -> str:
    lines = [f"**Job {job.id} · {_label(job)}** ({job.number}) is in **{job.current_stage.name}**."]
    if customer is not None:
        phone = customer.phones[0].display if customer.phones else ""
        lines.append(f"- Customer: {customer.full_name}" + (f", {phone}" if phone else ""))
    if job.address and job.address.one_line:
        lines.append(f"- Address: {job.address.one_line}")
    if job.reps:
        lines.append("- Rep: " + ", ".join(r.full_name for r in job.reps))
    upcoming = _next(appointments, now)
    if upcoming is not None and upcoming.starts is not None:
        lines.append(f"- Next: {upcoming.title}, {describe(upcoming.starts)}")
    if summary is not None and summary.contract_amount:
        lines.append(f"- Contract {money(summary.contract_amount)}, open balance {money(summary.open_balance)}")
    elif summary is None:
        lines.append(f"- Money: {reason}")
    if notes:
        lines.append(f"- Latest note: {notes[0].note}")
    return "\n".join(lines)


# --- lists across customers ----------------------------------------------------------------


async def rep_jobs(crm: CRM, rep: User, *, open_only: bool = True, stage_code: str | None = None) -> str:
    jobs = await crm.list_jobs(limit=1000, stage_codes=[stage_code] if stage_code else None)
    mine = [j for j in jobs if any(r.id == rep.id for r in j.reps) or any(e.id == rep.id for e in j.estimators)]
    if open_only:
        mine = [j for j in mine if not is_closed_stage(j.current_stage.name)]
    which = "open jobs" if open_only else "jobs"
    if not mine:
        return f"{rep.full_name} has no {which}."
    head = f"{rep.full_name} has **{len(mine)} {which}**:"
    return "\n".join([head, *(f"- {job_line(j)}" for j in mine)])


async def appointments_between(
    crm: CRM,
    start: dt.date,
    end: dt.date,
    *,
    rep: User | None = None,
    customer_id: int | None = None,
    job_id: int | None = None,
    kind: str = "",
) -> str:
    """Appointments starting on the days [start, end], optionally one rep's, one customer's or one kind."""
    begin = dt.datetime.combine(start, dt.time())
    stop = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    found = await crm.list_appointments(start=begin, end=stop, customer_id=customer_id, job_id=job_id)
    if rep is not None:
        found = [a for a in found if a.user_id == rep.id or rep.id in a.attendees_ids]
    if kind:
        found = [a for a in found if kind.casefold() in a.title.casefold()]
    users = {u.id: u for u in await directory_for(crm).users()}
    customers: dict[int, Customer] = {}
    for cid in {a.customer_id for a in found if a.customer_id is not None}:
        try:
            customers[cid] = await crm.get_customer(cid)
        except CRMNotFound:
            continue
    span = describe(begin, with_time=False) if start == end else (
        f"{describe(begin, with_time=False)} to {describe(dt.datetime.combine(end, dt.time()), with_time=False)}"
    )
    what = f"{kind.lower()} appointments" if kind else "appointments"
    whose = f" for {rep.full_name}" if rep is not None else ""
    if not found:
        return f"No {what}{whose} on {span}."
    noun = what if len(found) != 1 else what.removesuffix("s")
    head = f"**{len(found)} {noun}**{whose} on {span}:"
    return "\n".join([head, *(f"- {appointment_line(a, customers, users)}" for a in found)])
