"""The crm specialist's tools: typed, thin wrappers over harde.crm. Reads answer at once; writes
run only after the rep's own yes (the SDK's approvals, harde.tools.approvals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

from agents import RunContextWrapper

from harde.context import HardeContext
from harde.crm import changes
from harde.crm.answers import CRMAnswers
from harde.crm.directory import directory_for
from harde.crm.errors import CRMError, CRMNotFound
from harde.crm.facts import Fact, appointments_between, customer_facts, job_facts, rep_jobs
from harde.crm.models import CustomerQuery, User
from harde.crm.progress import crm_progress
from harde.crm.protocol import CRM
from harde.crm.render import customer_line, failure, job_line
from harde.crm.when import company_now
from harde.tools.approvals import apply_audited
from harde.tools.registry import tool


def _crm(ctx: HardeContext) -> CRM:
    crm: CRM = ctx.services.crm
    return crm


def _now(ctx: HardeContext) -> dt.datetime:
    return company_now(ctx.settings.timezone, ctx.settings.now)


async def _read(
    ctx: RunContextWrapper[HardeContext], ask: Callable[[CRMAnswers], Awaitable[str]]
) -> str:
    with crm_progress(ctx.context.note):
        try:
            return await ask(CRMAnswers(_crm(ctx.context), now=lambda: _now(ctx.context)))
        except CRMError as exc:
            return failure(exc)


# --- reads -----------------------------------------------------------------------------------


async def _answer(ctx: RunContextWrapper[HardeContext], ask: Callable[[CRM], Awaitable[str]]) -> str:
    with crm_progress(ctx.context.note):
        try:
            return await ask(_crm(ctx.context))
        except CRMNotFound as exc:
            return f"I don't have that record in the CRM ({exc.message})."
        except CRMError as exc:
            return failure(exc)


def _rep(users: list[User], name: str) -> User | str:
    key = " ".join(name.casefold().lstrip("@").split())
    exact = [u for u in users if u.full_name.casefold() == key]
    partial = exact or [u for u in users if key in (u.first_name.casefold(), u.last_name.casefold())]
    if len(partial) == 1:
        return partial[0]
    if partial:
        return "Which one: " + " or ".join(u.full_name for u in partial) + "?"
    return f"{name} is not a user in the CRM. The team: " + ", ".join(u.full_name for u in users) + "."


@tool(status="Looking that up in the CRM…")
async def crm_facts(
    ctx: RunContextWrapper[HardeContext],
    fields: list[Fact],
    customer_id: int | None = None,
    job_id: int | None = None,
) -> str:
    """The asked facts of one job (give `job_id`) or one customer (give `customer_id`; job facts
    then cover each of their jobs). `fields`: any of phone, email, address, stage, rep,
    contract_amount, deposit, payments, balance, install_date, next_appointment, appointments,
    notes, proposals, jobs, overview. Find ids first with `crm_find_customers`."""

    async def ask(crm: CRM) -> str:
        now = _now(ctx.context)
        if job_id is not None:
            return await job_facts(crm, await crm.get_job(job_id), fields, now)
        if customer_id is not None:
            return await customer_facts(crm, await crm.get_customer(customer_id), fields, now)
        return "Which customer or job? Give me a name or a job number."

    return await _answer(ctx, ask)


@tool(status="Searching customers…")
async def crm_find_customers(
    ctx: RunContextWrapper[HardeContext],
    name: str = "",
    phone: str = "",
    email: str = "",
    job_number: str = "",
) -> str:
    """Customers matching a name (full, first or last; typos tolerated), a phone number (any
    format), an email, or a job number, with their ids and jobs. Give at least one."""

    async def ask(crm: CRM) -> str:
        query = CustomerQuery(name=name, phone=phone, email=email, job_number=job_number)
        said = query.describe()
        if not said:
            return "Give me a name, phone, email or job number to search for."
        found = await crm.search_customers(query, limit=8)
        if not found:
            return f"No customer matches “{said}”."
        lines = [f"{len(found)} customer{'s' if len(found) != 1 else ''} match “{said}”:"]
        for c in found:
            jobs = await crm.list_jobs(customer_id=c.id)
            lines.append(f"- {customer_line(c)}")
            lines.extend(f"  - {job_line(j, with_customer=False)}" for j in jobs)
        return "\n".join(lines)

    return await _answer(ctx, ask)


@tool(status="Listing {rep}'s jobs…")
async def crm_rep_jobs(ctx: RunContextWrapper[HardeContext], rep: str, open_only: bool = True) -> str:
    """One rep's jobs (as sales rep or estimator), open ones only unless `open_only` is false.
    `rep`: the user's name as in `crm_list_users`."""

    async def ask(crm: CRM) -> str:
        user = _rep(await directory_for(crm).users(), rep)
        return user if isinstance(user, str) else await rep_jobs(crm, user, open_only=open_only)

    return await _answer(ctx, ask)


@tool(status="Checking the calendar…")
async def crm_appointments(
    ctx: RunContextWrapper[HardeContext],
    start: dt.date,
    end: dt.date | None = None,
    rep: str = "",
    customer_id: int | None = None,
    job_id: int | None = None,
    kind: str = "",
) -> str:
    """Appointments starting on the days from `start` to `end` (ISO dates, inclusive; `end`
    defaults to `start`), optionally one rep's, one customer's, one job's, or one kind
    ("install", "inspection", "walkthrough")."""

    async def ask(crm: CRM) -> str:
        user = _rep(await directory_for(crm).users(), rep) if rep.strip() else None
        if isinstance(user, str):
            return user
        return await appointments_between(
            crm, start, end or start, rep=user, customer_id=customer_id, job_id=job_id, kind=kind
        )

    return await _answer(ctx, ask)


@tool(status="Listing jobs in {stage}…")
async def crm_jobs_in_stage(ctx: RunContextWrapper[HardeContext], stage: str, trade: str = "", rep: str = "") -> str:
    """Jobs currently in one workflow stage (its name, e.g. "Proposal Sent"), optionally of one
    trade and one rep (their full name)."""
    return await _read(ctx, lambda a: a.jobs_in_stage(stage, trade, rep))


@tool(status="Listing the workflow stages…")
async def crm_list_stages(ctx: RunContextWrapper[HardeContext]) -> str:
    """The company's workflow stages, in order."""
    return await _read(ctx, lambda a: a.stages())


@tool(status="Listing trades…")
async def crm_list_trades(ctx: RunContextWrapper[HardeContext]) -> str:
    """The company's trades with their ids."""
    return await _read(ctx, lambda a: a.trades())


@tool(status="Listing company users…")
async def crm_list_users(ctx: RunContextWrapper[HardeContext]) -> str:
    """The company's users (reps, estimators, managers): the names @mentions resolve against."""
    return await _read(ctx, lambda a: a.users())


@tool(status="Listing referral sources…")
async def crm_list_referrals(ctx: RunContextWrapper[HardeContext]) -> str:
    """The company's referral sources."""
    return await _read(ctx, lambda a: a.referrals())


# --- writes: run only after the rep's own yes (the SDK's approvals) -----------------------------


@tool(status="Preparing the note…", writes=True, preview=lambda ctx, a: changes.plan_add_note(_crm(ctx), a["job_id"], a["note"]))
async def crm_add_note(ctx: RunContextWrapper[HardeContext], job_id: int, note: str) -> str:
    """Add a note to a job. `note` may @mention users ("@Mike Reed please call her"); unknown or
    ambiguous names are reported back, not dropped. Waits for the rep's approval."""
    return await _write(ctx, lambda crm: changes.plan_add_note(crm, job_id, note))


@tool(status="Preparing the note change…", writes=True, preview=lambda ctx, a: changes.plan_update_note(_crm(ctx), a["note_id"], a["note"]))
async def crm_update_note(ctx: RunContextWrapper[HardeContext], note_id: int, note: str) -> str:
    """Replace the text of note `note_id`. Waits for the rep's approval."""
    return await _write(ctx, lambda crm: changes.plan_update_note(crm, note_id, note))


def _stage_preview(ctx: HardeContext, a: dict[str, Any]) -> Awaitable[changes.Plan]:
    return changes.plan_change_stage(_crm(ctx), a["job_id"], a["stage"])


@tool(status="Preparing the stage change…", writes=True, preview=_stage_preview)
async def crm_change_stage(ctx: RunContextWrapper[HardeContext], job_id: int, stage: str) -> str:
    """Move a job to another workflow stage, by the stage's name ("Proposal Sent", "Lost",
    "Contract Signed"). Waits for the rep's approval."""
    if getattr(_crm(ctx.context), "stage_changes_supported", None) is False:
        # The account already refused the (unconfirmed) endpoint: say so before trying.
        return (
            "Leap's API does not expose stage changes for this account, so I can't move the "
            "job from here: change its stage in Leap itself."
        )
    return await _write(ctx, lambda crm: changes.plan_change_stage(crm, job_id, stage))


def _appointment_plan(ctx: HardeContext, a: dict[str, Any]) -> Awaitable[changes.Plan]:
    start = a["start"] if isinstance(a["start"], dt.datetime) else dt.datetime.fromisoformat(str(a["start"]))
    return changes.plan_create_appointment(
        _crm(ctx),
        job_id=a["job_id"],
        title=a.get("title", ""),
        start=start.replace(tzinfo=None),
        now=_now(ctx),
        duration_minutes=int(a.get("duration_minutes", 60)),
        assignee=a.get("assignee", ""),
    )


@tool(status="Preparing the appointment…", writes=True, preview=_appointment_plan)
async def crm_create_appointment(
    ctx: RunContextWrapper[HardeContext],
    job_id: int,
    title: str,
    start: dt.datetime,
    duration_minutes: int = 60,
    assignee: str = "",
) -> str:
    """Book an appointment on a job. `start`: ISO datetime in the company's time zone;
    `assignee`: a user (default: the job's rep). Waits for the rep's approval."""
    arguments = {"job_id": job_id, "title": title, "start": start, "duration_minutes": duration_minutes, "assignee": assignee}
    return await _write(ctx, lambda crm: _appointment_plan(ctx.context, arguments))


def _update_plan(ctx: HardeContext, a: dict[str, Any]) -> Awaitable[changes.Plan]:
    start = a.get("start")
    day = a.get("day")
    return changes.plan_update_appointment(
        _crm(ctx),
        now=_now(ctx),
        appointment_id=a.get("appointment_id"),
        job_id=a.get("job_id"),
        kind=a.get("kind", ""),
        start=dt.datetime.fromisoformat(str(start)).replace(tzinfo=None) if start else None,
        day=dt.date.fromisoformat(str(day)) if day else None,
        title=a.get("title", ""),
        completed=a.get("completed"),
        shift_minutes=int(a.get("shift_minutes") or 0),
        time_of_day=dt.time.fromisoformat(str(a["time_of_day"])) if a.get("time_of_day") else None,
    )


@tool(status="Preparing the appointment change…", writes=True, preview=_update_plan)
async def crm_update_appointment(
    ctx: RunContextWrapper[HardeContext],
    appointment_id: int | None = None,
    job_id: int | None = None,
    kind: str = "",
    start: dt.datetime | None = None,
    day: dt.date | None = None,
    title: str = "",
    completed: bool | None = None,
    shift_minutes: int = 0,
    time_of_day: dt.time | None = None,
) -> str:
    """Change one appointment, by `appointment_id` or the job's next one (of `kind`): a new
    `start` (ISO datetime), `day` (keeps the time) or `time_of_day` (ISO time, keeps the day),
    or moved by `shift_minutes` (1440 = a day later, -60 = an hour earlier), a new title, or
    mark it completed. Waits for the rep's approval."""
    arguments = {
        "appointment_id": appointment_id, "job_id": job_id, "kind": kind, "start": start,
        "day": day, "title": title, "completed": completed, "shift_minutes": shift_minutes,
        "time_of_day": time_of_day,
    }
    return await _write(ctx, lambda crm: _update_plan(ctx.context, arguments))


def _job_plan(ctx: HardeContext, a: dict[str, Any]) -> Awaitable[changes.Plan]:
    return changes.plan_create_job(_crm(ctx), customer_id=a["customer_id"], trades=list(a["trades"]), description=a["description"])


@tool(status="Preparing the new job…", writes=True, preview=_job_plan)
async def crm_create_job(
    ctx: RunContextWrapper[HardeContext], customer_id: int, trades: list[str], description: str
) -> str:
    """Open a new job for an existing customer. `trades`: e.g. ["roofing"] or ["roofing", "gutters"].
    Waits for the rep's approval."""
    arguments = {"customer_id": customer_id, "trades": trades, "description": description}
    return await _write(ctx, lambda crm: _job_plan(ctx.context, arguments))


def _prospect_plan(ctx: HardeContext, a: dict[str, Any]) -> Awaitable[changes.Plan]:
    return changes.plan_create_prospect(_crm(ctx), **a)


@tool(status="Preparing the new prospect…", writes=True, preview=_prospect_plan)
async def crm_create_prospect(
    ctx: RunContextWrapper[HardeContext],
    first_name: str,
    last_name: str,
    phone: str,
    email: str = "",
    street: str = "",
    city: str = "",
    state: str = "MA",
    zip_code: str = "",
    trades: str = "",
    description: str = "",
) -> str:
    """Add a new prospect (customer, optionally with a first job). Refuses a phone or email that
    already belongs to a customer. Waits for the rep's approval."""
    arguments = {
        "first_name": first_name, "last_name": last_name, "phone": phone, "email": email,
        "street": street, "city": city, "state": state, "zip_code": zip_code, "trades": trades,
        "description": description,
    }
    return await _write(ctx, lambda crm: _prospect_plan(ctx.context, arguments))


async def _write(ctx: RunContextWrapper[HardeContext], make: Callable[[CRM], Awaitable[changes.Plan]]) -> str:
    """Carry out an approved write: plan it again on fresh data, apply it, audit it."""
    with crm_progress(ctx.context.note):
        try:
            plan = await make(_crm(ctx.context))
        except CRMError as exc:
            return failure(exc)
        if isinstance(plan, changes.Problem):
            return plan.text
        return await apply_audited(ctx.context, plan.kind, plan.summary, lambda: changes.apply_change(_crm(ctx.context), plan.kind, plan.payload))
