"""The primer-video tool: a typed write that queues a run for the pipeline daemon after the
rep's yes (the SDK's approvals, harde.tools.approvals), like every other write."""

from __future__ import annotations

from typing import Any

from agents import RunContextWrapper

from harde.context import HardeContext
from harde.crm.changes import Plan, Problem
from harde.tools.approvals import apply_audited
from harde.tools.registry import tool
from harde.workflows.requests import plan_primer_video, start_primer_video


def _plan(ctx: HardeContext, a: dict[str, Any]) -> Any:
    return plan_primer_video(ctx.services.crm, ctx.settings, int(a["job_id"]))


@tool(status="Preparing the primer video…", writes=True, preview=_plan)
async def crm_make_primer_video(ctx: RunContextWrapper[HardeContext], job_id: int) -> str:
    """Make the homeowner's primer video for job `job_id`: a script for the job's stage, voice,
    slides with captions, a CRM note with the link and one email to the homeowner, run by the
    pipeline daemon. Waits for the rep's approval."""
    plan: Plan = await _plan(ctx.context, {"job_id": job_id})
    if isinstance(plan, Problem):
        return plan.text
    return await apply_audited(
        ctx.context, plan.kind, plan.summary, lambda: start_primer_video(ctx.context.settings, job_id)
    )
