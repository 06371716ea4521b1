"""CRM records as short markdown a sales rep can read as the answer itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from harde.crm.errors import (
    CRMAuthError,
    CRMError,
    CRMNotFound,
    CRMRateLimited,
    CRMUnsupported,
    CRMValidationError,
)
from harde.crm.models import Appointment, Customer, FinancialSummary, Job, Note, Proposal, User
from harde.crm.when import describe, describe_time


def money(amount: float) -> str:
    return f"${amount:,.2f}"


def customer_line(c: Customer) -> str:
    place = c.address.city if c.address and c.address.city else ""
    phone = c.phones[0].display if c.phones else ""
    bits = [f"**{c.full_name}**", place, phone]
    return " · ".join(b for b in bits if b) + f" (customer {c.id})"


def job_line(job: Job, *, with_customer: bool = True) -> str:
    bits = [
        f"**Job {job.id}** {job.name or job.trade_names}",
        f"*{job.current_stage.name}*",
        job.trade_names,
    ]
    if with_customer and job.customer is not None:
        bits.append(job.customer.full_name)
    if job.reps:
        bits.append("rep " + ", ".join(r.full_name for r in job.reps))
    return " · ".join(bits)


def customer_details(c: Customer, jobs: Sequence[Job] = ()) -> str:
    lines = [f"### {c.full_name} (customer {c.id})"]
    for p in c.phones:
        lines.append(f"- Phone ({p.label}): {p.display}")
    if c.email:
        lines.append(f"- Email: {c.email}")
    if c.address:
        lines.append(f"- Address: {c.address.one_line}")
    if c.rep:
        lines.append(f"- Sales rep: {c.rep.full_name}")
    if c.note:
        lines.append(f"- Note: {c.note}")
    if jobs:
        lines.append("")
        lines.append(f"**Jobs ({len(jobs)})**")
        lines.extend(f"- {job_line(j, with_customer=False)}" for j in jobs)
    elif jobs is not None:
        lines.append("- No jobs yet.")
    return "\n".join(lines)


def job_details(job: Job, notes: Sequence[Note] = (), *, note_limit: int = 3) -> str:
    lines = [f"### Job {job.id} · {job.name or job.trade_names}"]
    lines.append(f"- Stage: **{job.current_stage.name}**" + (" (archived)" if job.archived else ""))
    lines.append(f"- Job number: {job.number}")
    lines.append(f"- Trades: {job.trade_names}")
    if job.customer is not None:
        phone = f", {job.customer.phones[0].display}" if job.customer.phones else ""
        lines.append(f"- Customer: {job.customer.full_name} (customer {job.customer.id}){phone}")
    if job.address and job.address.one_line:
        lines.append(f"- Address: {job.address.one_line}")
    lines.append("- Sales rep: " + (", ".join(r.full_name for r in job.reps) or "none assigned"))
    if job.estimators:
        lines.append("- Estimator: " + ", ".join(u.full_name for u in job.estimators))
    if job.description:
        lines.append(f"- Scope: {job.description}")
    dates = [
        ("Opened", job.created_at.date() if job.created_at else None),
        ("Contract signed", job.contract_signed_date),
        ("Completed", job.completion_date),
    ]
    shown = [f"{label} {d:%b %-d, %Y}" for label, d in dates if d]
    if shown:
        lines.append("- " + "; ".join(shown))
    if notes:
        lines.append("")
        lines.append(
            notes_block(
                notes[:note_limit],
                title=f"Latest notes ({min(len(notes), note_limit)} of {len(notes)})",
            )
        )
    return "\n".join(lines)


def notes_block(notes: Sequence[Note], *, title: str = "Notes") -> str:
    if not notes:
        return f"**{title}**\n- No notes yet."
    lines = [f"**{title}**"]
    for n in notes:
        when = f"{n.created_at:%b %-d, %Y}" if n.created_at else ""
        author = f" — {n.created_by.full_name}" if n.created_by else ""
        lines.append(f"- {when}{author} (note {n.id}): {n.note}")
    return "\n".join(lines)


def appointment_line(
    a: Appointment,
    customers: dict[int, Customer] | None = None,
    users: dict[int, User] | None = None,
) -> str:
    start = a.starts
    if a.full_day or start is None:
        when = describe(start, with_time=False) + " (all day)" if start else "date not set"
    else:
        when = describe(start)
        if a.end_date_time and a.end_date_time.date() == start.date():
            when += f"–{describe_time(a.end_date_time.time())}"
    bits = [when, f"**{a.title}**"]
    if customers and a.customer_id in customers:
        bits.append(customers[a.customer_id].full_name)
    if a.job_ids:
        bits.append("job " + ", ".join(str(j) for j in a.job_ids))
    if users and a.user_id in users:
        bits.append(f"with {users[a.user_id].full_name}")
    if a.is_completed:
        bits.append("done")
    return " · ".join(bits) + f" (appointment {a.id})"


def appointments_block(
    appointments: Sequence[Appointment],
    *,
    title: str,
    customers: dict[int, Customer] | None = None,
    users: dict[int, User] | None = None,
) -> str:
    if not appointments:
        return f"**{title}**\n- None."
    lines = [f"**{title}**"]
    lines.extend(f"- {appointment_line(a, customers, users)}" for a in appointments)
    return "\n".join(lines)


def financial_block(summary: FinancialSummary) -> str:
    lines = [
        f"**Financials (job {summary.job_id})**",
        f"- Contract: {money(summary.contract_amount)}",
        f"- Invoiced: {money(summary.total_invoiced)}; paid: {money(summary.total_paid)}",
        f"- **Open balance: {money(summary.open_balance)}**",
    ]
    for inv in summary.invoices:
        due = f", due {inv.due_date:%b %-d, %Y}" if inv.due_date else ""
        lines.append(
            f"  - {inv.invoice_number} {inv.title}: {money(inv.total_amount)}, open {money(inv.open_balance)} ({inv.status}{due})"
        )
    return "\n".join(lines)


def proposals_block(proposals: Sequence[Proposal], *, title: str = "Proposals") -> str:
    if not proposals:
        return f"**{title}**\n- None."
    lines = [f"**{title}**"]
    for p in proposals:
        amount = f", {money(p.total_amount)}" if p.total_amount is not None else ""
        sent = f", sent {p.sent_at:%b %-d, %Y}" if p.sent_at else ""
        lines.append(f"- {p.title or 'Proposal'} (job {p.job_id}): {p.status}{amount}{sent}")
    return "\n".join(lines)


def failure(error: CRMError) -> str:
    """A CRM failure as a short message the rep (or the model) can act on."""
    if isinstance(error, CRMAuthError):
        return f"The CRM refused the request: {error.message}. Check the setting and try again."
    if isinstance(error, CRMRateLimited):
        return "The CRM is rate limiting requests right now; nothing was changed. Try again in a minute."
    if isinstance(error, CRMValidationError):
        return f"The CRM did not accept that: {error.plain()}"
    if isinstance(error, CRMUnsupported):
        return error.message
    if isinstance(error, CRMNotFound):
        return f"The CRM has no such record ({error.message})."
    return (
        f"The CRM could not be reached ({error.message}). Nothing was changed; try again shortly."
    )


def today_line(now: dt.datetime) -> str:
    return f"(today is {describe(now, with_time=False)})"
