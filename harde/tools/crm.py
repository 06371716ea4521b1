"""The crm specialist's tools: thin wrappers over harde.crm (reads answer at once; writes are
proposed and run only after the user's yes, through harde.tools.confirm)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

from agents import RunContextWrapper

from harde.context import HardeContext
from harde.crm import changes
from harde.crm.answers import CRMAnswers
from harde.crm.errors import CRMError
from harde.crm.progress import crm_progress
from harde.crm.protocol import CRM
from harde.crm.render import failure
from harde.crm.when import company_now
from harde.tools.confirm import action, propose
from harde.tools.registry import tool


def _crm(ctx: HardeContext) -> CRM:
    crm: CRM = ctx.services.crm
    return crm


def _now(ctx: HardeContext) -> dt.datetime:
    return company_now(ctx.settings.timezone)


async def _read(
    ctx: RunContextWrapper[HardeContext], ask: Callable[[CRMAnswers], Awaitable[str]]
) -> str:
    with crm_progress(ctx.context.note):
        try:
            return await ask(CRMAnswers(_crm(ctx.context), now=lambda: _now(ctx.context)))
        except CRMError as exc:
            return failure(exc)


async def _propose(
    ctx: RunContextWrapper[HardeContext], make: Callable[[CRM], Awaitable[changes.Plan]]
) -> str:
    with crm_progress(ctx.context.note):
        try:
            plan = await make(_crm(ctx.context))
        except CRMError as exc:
            return failure(exc)
    if isinstance(plan, changes.Problem):
        return plan.text
    return propose(
        ctx.context, kind=plan.kind, summary=plan.summary, payload=plan.payload, agent="crm"
    )


# --- reads -----------------------------------------------------------------------------------


@tool(status="Looking that up in the CRM…")
async def crm_lookup(ctx: RunContextWrapper[HardeContext], query: str) -> str:
    """Answer a read question about the CRM from the user's own words: a job's status or stage,
    a customer's jobs, who the rep is, notes, open balance, next appointment, jobs in a stage,
    find a customer by phone. Pass the question as asked."""
    return await _read(ctx, lambda a: a.lookup(query))


@tool(status="Searching customers for {query}…")
async def crm_search_customers(ctx: RunContextWrapper[HardeContext], query: str) -> str:
    """Find customers by name, phone (any format), email or job number. Fuzzy: an unknown name
    gives the closest matches; several matches are listed with their jobs so the user can pick."""
    return await _read(ctx, lambda a: a.search_customers(query))


@tool(status="Opening the customer record…")
async def crm_customer_details(ctx: RunContextWrapper[HardeContext], customer: str) -> str:
    """A customer's contact details, address, rep and jobs. `customer`: a name, phone, email or "customer 101"."""
    return await _read(ctx, lambda a: a.customer_details(customer))


@tool(status="Listing the customer's jobs…")
async def crm_customer_jobs(ctx: RunContextWrapper[HardeContext], customer: str) -> str:
    """Every job of one customer with stage, trade and rep. `customer`: a name, phone or email."""
    return await _read(ctx, lambda a: a.customer_jobs(customer))


@tool(status="Opening job {job}…")
async def crm_job_details(ctx: RunContextWrapper[HardeContext], job: str) -> str:
    """One job: stage, trades, customer, address, reps, scope and latest notes.
    `job`: "job 1043", a job number, or words like "the Johnson roof job"."""
    return await _read(ctx, lambda a: a.job_details(job))


@tool(status="Pulling the full picture of {job}…")
async def crm_job_overview(ctx: RunContextWrapper[HardeContext], job: str) -> str:
    """Everything about one job at once (details, notes, appointments, financials), fetched in parallel."""
    return await _read(ctx, lambda a: a.job_overview(job))


@tool(status="Reading the notes on {job}…")
async def crm_job_notes(ctx: RunContextWrapper[HardeContext], job: str) -> str:
    """A job's notes, newest first, with their note ids (needed to edit one)."""
    return await _read(ctx, lambda a: a.job_notes(job))


@tool(status="Listing jobs in {stage}…")
async def crm_jobs_in_stage(
    ctx: RunContextWrapper[HardeContext], stage: str, trade: str = ""
) -> str:
    """Jobs currently in a workflow stage ("proposal sent", "scheduled"...), optionally one trade."""
    return await _read(ctx, lambda a: a.jobs_in_stage(stage, trade))


@tool(status="Checking the money on {job}…")
async def crm_financial_summary(ctx: RunContextWrapper[HardeContext], job: str) -> str:
    """A job's contract amount, invoices, payments and open balance."""
    return await _read(ctx, lambda a: a.financials(job))


@tool(status="Looking up proposals…")
async def crm_proposals(ctx: RunContextWrapper[HardeContext], job: str = "") -> str:
    """Proposals of one job (or all proposals when `job` is empty), with status and amount."""
    return await _read(ctx, lambda a: a.proposals(job))


@tool(status="Checking the calendar…")
async def crm_appointments(
    ctx: RunContextWrapper[HardeContext], when: str = "", customer: str = ""
) -> str:
    """Appointments in a date range said in words ("today", "this week", "next week", "Tuesday",
    "Dec 3"; default the next 14 days), or a customer's upcoming appointments."""
    return await _read(ctx, lambda a: a.appointments(when, customer))


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


# --- writes: proposed here, carried out by the executors below after the user's yes ----------


@tool(status="Preparing the note…", writes=True)
async def crm_add_note(ctx: RunContextWrapper[HardeContext], job: str, note: str) -> str:
    """Propose adding a note to a job. `note` may @mention users ("@Mike Reed please call her");
    unknown or ambiguous names are reported back, not dropped. Runs after the user confirms."""
    return await _propose(ctx, lambda crm: changes.plan_add_note(crm, job, note))


@tool(status="Preparing the note change…", writes=True)
async def crm_update_note(ctx: RunContextWrapper[HardeContext], note_id: int, note: str) -> str:
    """Propose replacing the text of note `note_id`. Runs after the user confirms."""
    return await _propose(ctx, lambda crm: changes.plan_update_note(crm, note_id, note))


@tool(status="Preparing the stage change…", writes=True)
async def crm_change_stage(ctx: RunContextWrapper[HardeContext], job: str, stage: str) -> str:
    """Propose moving a job to another workflow stage, named as people say it ("proposal sent",
    "scheduled", "signed"). Runs after the user confirms."""
    if getattr(_crm(ctx.context), "stage_changes_supported", None) is False:
        # The account already refused the (unconfirmed) endpoint: say so before proposing.
        return (
            "Leap's API does not expose stage changes for this account, so I can't move the "
            "job from here: change its stage in Leap itself."
        )
    return await _propose(ctx, lambda crm: changes.plan_change_stage(crm, job, stage))


@tool(status="Preparing the appointment…", writes=True)
async def crm_create_appointment(
    ctx: RunContextWrapper[HardeContext],
    title: str,
    who: str,
    when: str,
    duration_minutes: int = 60,
    assignee: str = "",
) -> str:
    """Propose booking an appointment. `who`: the customer or job ("the Nguyens", "job 1043");
    `when`: words like "Tuesday at 3pm"; `assignee`: a user (default: the job's rep). Runs after
    the user confirms."""
    return await _propose(
        ctx,
        lambda crm: changes.plan_create_appointment(
            crm,
            title=title,
            who=who,
            when=when,
            now=_now(ctx.context),
            duration_minutes=duration_minutes,
            assignee=assignee,
        ),
    )


@tool(status="Preparing the appointment change…", writes=True)
async def crm_update_appointment(
    ctx: RunContextWrapper[HardeContext],
    appointment: str,
    when: str = "",
    title: str = "",
    completed: bool | None = None,
) -> str:
    """Propose changing an appointment (by id, or the customer's one upcoming appointment):
    a new time in words, a new title, or marking it done. Runs after the user confirms."""
    return await _propose(
        ctx,
        lambda crm: changes.plan_update_appointment(
            crm,
            appointment=appointment,
            now=_now(ctx.context),
            when=when,
            title=title,
            completed=completed,
        ),
    )


@tool(status="Preparing the new job…", writes=True)
async def crm_create_job(
    ctx: RunContextWrapper[HardeContext], customer: str, trades: str, description: str
) -> str:
    """Propose a new job for an existing customer. `trades`: e.g. "roofing" or "roofing, gutters".
    Runs after the user confirms."""
    return await _propose(
        ctx,
        lambda crm: changes.plan_create_job(
            crm, customer=customer, trades=trades, description=description
        ),
    )


@tool(status="Preparing the new prospect…", writes=True)
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
    """Propose a new prospect (customer, optionally with a first job). Refuses a phone or email
    that already belongs to a customer. Runs after the user confirms."""
    return await _propose(
        ctx,
        lambda crm: changes.plan_create_prospect(
            crm,
            first_name=first_name,
            last_name=last_name,
            phone=phone,
            email=email,
            street=street,
            city=city,
            state=state,
            zip_code=zip_code,
            trades=trades,
            description=description,
        ),
    )


def _executor(kind: str) -> Callable[[HardeContext, dict[str, Any]], Awaitable[str]]:
    async def execute(ctx: HardeContext, payload: dict[str, Any]) -> str:
        with crm_progress(ctx.note):
            return await changes.apply_change(_crm(ctx), kind, payload)

    execute.__name__ = f"execute_{kind}"
    return execute


for _kind in changes.CHANGE_KINDS:
    action(_kind)(_executor(_kind))
