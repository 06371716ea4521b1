"""Writes wait for the rep's own yes, through the Agents SDK's human-in-the-loop.

A tool registered with `writes=True` is wrapped with `needs_approval=True`: the SDK pauses the
run before the call, the Assistant saves the paused `RunState` with the conversation and shows
what the write will do (its `preview`). Only the rep's affirmative message or button resumes
it; anything else drops it. A preview that finds nothing to do (a job that does not exist, a
stage the job is already in) is rejected at once with its reason, so nothing is asked.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from harde.context import HardeContext
from harde.errors import HardeError
from harde.state.audit import AuditLog
from harde.tools.registry import ToolSpec

log = logging.getLogger(__name__)

CONFIRM_PROMPT = "Shall I go ahead? Reply **yes** to confirm, or anything else to leave it."


async def preview(spec: ToolSpec, context: HardeContext, arguments: dict[str, Any]) -> tuple[bool, str]:
    """(whether the call would write, what it would do or why it can't), without writing."""
    if spec.preview is None:
        return True, f"Run {spec.name} with {arguments}."
    try:
        plan = await spec.preview(context, arguments)
    except HardeError as error:
        return False, f"I can't do that right now: {error}. Nothing was changed."
    except (KeyError, ValueError, TypeError) as error:
        log.info("write preview failed: %s", type(error).__name__)
        return False, "I couldn't make sense of that change, so nothing was changed. Say it again with the job and what to do."
    summary = getattr(plan, "summary", None)
    if summary is None:
        return False, str(getattr(plan, "text", plan))
    return True, str(summary)


async def apply_audited(context: HardeContext, kind: str, summary: str, run: Callable[[], Awaitable[str]]) -> str:
    """Carry out an approved write once and record it, with the approving user, in the audit log.

    The write runs as a task of its own, shielded: a turn stopped half-way (out of time, or the
    rep left) does not stop a write half-done; it finishes and is recorded, and the Assistant
    waits for `context.writes` before it says how the turn ended."""
    audit = AuditLog.for_settings(context.settings)

    async def write() -> str:
        try:
            result = await run()
        except HardeError as exc:
            await audit.arecord(user=context.user.username, kind=kind, summary=summary, ok=False, answer=str(exc))
            return f"That did not go through: {exc}. Nothing was changed."
        await audit.arecord(user=context.user.username, kind=kind, summary=summary, ok=True, answer=result)
        context.written = True
        return result

    task = asyncio.ensure_future(write())
    context.writes.add(task)
    task.add_done_callback(context.writes.discard)
    return await asyncio.shield(task)
