"""Script tools: find the job, ask for what is missing, draft, revise, finalise, read aloud."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable
from typing import Literal

from agents import RunContextWrapper

from harde.context import HardeContext
from harde.errors import HardeError
from harde.scripting.drafting import make_drafter
from harde.scripting.models import Length, Revision, Tone
from harde.scripting.session import ScriptSession
from harde.tools.registry import tool


def _session(ctx: HardeContext) -> ScriptSession:
    services = ctx.services
    try:
        transcripts = services.transcripts
    except (HardeError, OSError):
        transcripts = None  # the director's quotes are a nicety; scripts are written without them
    return ScriptSession(
        state=ctx.state.script,
        crm=services.crm,
        knowledge=services.knowledge,
        transcripts=transcripts,
        company_name=ctx.settings.company_name,
        drafter=make_drafter(ctx.settings),
        phones=services.phone_book,
    )


async def _run(ctx: HardeContext, step: str, work: Awaitable[str]) -> str:
    try:
        answer = await work
    except HardeError as exc:
        return f"I couldn't {step}: {exc}"
    ctx.state_changed()
    return answer


@tool(status="Finding the customer and job in the CRM…", writes=False)
async def start_script(
    ctx: RunContextWrapper[HardeContext],
    customer: str = "",
    job: str = "",
    script_type: Literal["primer", "standard"] = "primer",
    focus: str = "",
    trade: Literal["Roofing", "Siding", "Gutters", "Windows"] | None = None,
) -> str:
    """Start a new script: a primer-video script ("primer") or the rep's standard sales script
    ("standard"). `customer`: the customer's full name or id; `job`: the job id (1043) or
    number (2609-1043), which wins over the customer. `focus`: the material the primer should
    focus on, if the rep said it. `trade`: which of the customer's jobs, when the rep named its
    trade ("the roof one"). Asks which job when the customer has several, and for the focus of
    a primer when missing."""
    session = _session(ctx.context)
    return await _run(ctx.context, "start the script", session.start(
        customer=customer, job=job, script_type=script_type, focus=focus, trade=trade
    ))


@tool(status="Picking the job…")
async def choose_script_job(ctx: RunContextWrapper[HardeContext], job_id: int) -> str:
    """The job the script is for, after "which job?": the id of one of the jobs offered."""
    return await _run(ctx.context, "pick the job", _session(ctx.context).choose(job_id))


@tool(status="Writing the script…")
async def set_script_focus(ctx: RunContextWrapper[HardeContext], focus: str | None = None) -> str:
    """The focus material for the primer ("architectural shingles", "the 50-year warranty");
    none for a general one. Drafts it."""
    return await _run(ctx.context, "write the script", _session(ctx.context).set_focus(focus))


@tool(status="Revising the script…")
async def revise_script(
    ctx: RunContextWrapper[HardeContext],
    length: Length | None = None,
    target_words: int | None = None,
    tone: Tone | None = None,
    mention: list[str] | None = None,
    remove: list[str] | None = None,
    focus: str | None = None,
    instruction: str = "",
) -> str:
    """Revise the current draft: a relative `length` or a `target_words` ("about 200 words"; a
    minute is about 150), a `tone`, phrases to `mention` or `remove`, a new `focus`.
    `instruction` is the rep's request in their words, for the writer's wording."""
    revision = Revision(length=length, target_words=target_words, tone=tone, mention=list(mention or []), remove=list(remove or []), focus=focus)
    return await _run(ctx.context, "revise the script", _session(ctx.context).revise(revision, instruction))


@tool(status="Finalising the script…")
async def finalise_script(ctx: RunContextWrapper[HardeContext]) -> str:
    """Mark the current draft as final and show it."""
    answer = _session(ctx.context).finalise()
    ctx.context.state_changed()
    return answer


@tool(status="Recording the script…")
async def read_script_aloud(ctx: RunContextWrapper[HardeContext]) -> str:
    """Voice the current draft so the rep can play it in the chat and download it."""
    c = ctx.context
    draft = c.state.script.draft
    if not draft:
        return "There is no script to read yet. Which customer or job is it for?"
    digest = hashlib.sha256(draft.encode("utf-8")).hexdigest()[:10]
    out = c.settings.data_dir / "audio" / f"script-{c.state.script.job_id or 'draft'}-{digest}.wav"
    c.note("Recording the script…")
    try:
        result = await c.services.speech.synthesize(draft, out)
    except HardeError as exc:
        return f"I couldn't record the script: {exc}. The text is unchanged."
    c.state.script.audio_path = str(result.path)
    label = f"Script for {c.state.script.customer_name or 'the customer'} ({result.duration_s:.0f} s)"
    c.attachments.append({"kind": "audio", "path": str(result.path), "label": label})
    c.state_changed()
    return f"Here it is read aloud: {result.duration_s:.0f} seconds. Play it below, or download it."
