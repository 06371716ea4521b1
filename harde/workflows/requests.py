"""A primer video asked for in the chat: what it would do (or why it can't), and queueing it for
the pipeline daemon once the rep has said yes. No SDK here; the tool in harde/tools/primer.py
wraps these two."""

from __future__ import annotations

import asyncio

from harde.config import Settings
from harde.crm.changes import Plan, Problem, ProposedChange
from harde.crm.errors import CRMNotFound
from harde.crm.protocol import CRM
from harde.integrations.mail.message import single_address
from harde.scripting.stages import no_primer_reason, primer_phase

DAEMON_DOWN = (
    "The pipeline daemon is not running, so nothing can make the video right now. Start it with "
    "`.venv/bin/harde daemon` (on a server: `systemctl start harde-daemon@<instance>`), then ask again."
)


def daemon_running(settings: Settings) -> bool:
    from harde.workflows.runtime import daemon_pid

    return daemon_pid(settings) is not None


async def plan_primer_video(crm: CRM, settings: Settings, job_id: int) -> Plan:
    try:
        job = await crm.get_job(job_id)
    except CRMNotFound:
        return Problem(f"I don't have a job {job_id}; no video was started.")
    customer = job.customer or await crm.get_customer(job.customer_id)
    label = f"job {job.id} ({job.name or job.trade_names}, {customer.full_name})"
    stage = job.current_stage.name
    if primer_phase(stage) == "none":
        return Problem(f"No primer video for {label}: {no_primer_reason(stage)}")
    written = customer.email or (customer.additional_emails[0] if customer.additional_emails else "")
    address = single_address(written) if written.strip() else None
    if address is None:
        return Problem(
            f"{customer.full_name} has no single valid email in the CRM, so the video could not "
            f"be sent; add it to {label} first. No video was started."
        )
    if not daemon_running(settings):
        return Problem(DAEMON_DOWN)
    return ProposedChange(
        "primer_video",
        f"Make the primer video for {label}: a script for where the job is now ({stage}), "
        f"voice, slides with captions, a CRM note with the link, and one email to {address} "
        "once the video plays.",
        {"job_id": job.id},
    )


async def start_primer_video(settings: Settings, job_id: int) -> str:
    """Queue the run (after the rep's yes) and say where to follow it."""
    from harde.ui.pipeline_page import run_link
    from harde.workflows.runtime import WorkflowStore

    def enqueue() -> str:
        store = WorkflowStore(settings)
        try:
            return store.enqueue_primer(job_id, source="chat")
        finally:
            store.close()

    try:
        workflow_id = await asyncio.to_thread(enqueue)
    except Exception:  # the workflow store has no tables until the daemon's first start
        return DAEMON_DOWN
    return (
        f"Started: the primer video for job {job_id} is queued as run {workflow_id}. "
        f"Follow it on the Primer videos page: {run_link(settings, workflow_id)}"
    )
