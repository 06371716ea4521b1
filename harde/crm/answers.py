"""Company-wide CRM reads answered as markdown (stages, trades, users, a stage's jobs) and the
parallel job overview. Per-customer and per-job facts are in harde.crm.facts."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from harde.crm.directory import CompanyDirectory, directory_for
from harde.crm.errors import CRMValidationError
from harde.crm.models import Appointment, FinancialSummary, Job, Note
from harde.crm.protocol import CRM
from harde.crm.render import (
    appointments_block,
    financial_block,
    job_details,
    job_line,
)
from harde.crm.search import TRADE_WORDS
from harde.crm.stages import resolve_stage


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
    """Company-wide read answers over one CRM. `now` is injectable so tests pin "today"."""

    def __init__(self, crm: CRM, *, now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.crm = crm
        self.directory: CompanyDirectory = directory_for(crm)
        self.now = now

    async def jobs_in_stage(self, stage: str, trade: str = "", rep: str = "") -> str:
        stages = await self.directory.stages()
        resolution = resolve_stage(stage, stages)
        if resolution.stage is None:
            return resolution.problem(stages)
        trade_ids = None
        if trade.strip():
            wanted = (TRADE_WORDS.get(trade.casefold(), trade.casefold()),)
            trade_ids = [
                t.id
                for t in await self.directory.trades()
                if any(w in t.name.casefold() for w in wanted)
            ]
        jobs = await self.crm.list_jobs(
            stage_codes=[resolution.stage.code], trade_ids=trade_ids, limit=100
        )
        whose = ""
        if rep.strip():
            wanted_rep = rep.strip().casefold()
            jobs = [j for j in jobs if any(u.full_name.casefold() == wanted_rep for u in (*j.reps, *j.estimators))]
            whose = f" for {rep.strip()}"
        if not jobs:
            return f"No jobs{whose} are in **{resolution.stage.name}** right now."
        lines = [f"**{len(jobs)} job{'s' if len(jobs) != 1 else ''}{whose} in {resolution.stage.name}:**"]
        lines.extend(f"- {job_line(j)}" for j in jobs)
        return "\n".join(lines)


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
