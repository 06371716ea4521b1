"""Writes wait for the user's yes: a write tool proposes, these two tools carry out or drop it.

A write tool calls `propose(...)` with a concrete summary and the payload its executor needs;
the executor, registered with `@action(kind)`, runs only from `confirm_pending_action`, after
the user has confirmed in the conversation. Every executed write lands in the audit log.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from agents import RunContextWrapper

from harde.context import HardeContext
from harde.errors import HardeError
from harde.state.audit import AuditLog
from harde.state.conversation import PendingAction
from harde.tools.registry import tool

ActionExecutor = Callable[[HardeContext, dict[str, Any]], Awaitable[str]]
EXECUTORS: dict[str, ActionExecutor] = {}

CONFIRM_PROMPT = "Shall I go ahead? Reply **yes** to confirm or **no** to cancel."


def action(kind: str) -> Callable[[ActionExecutor], ActionExecutor]:
    """Register the executor that carries out a confirmed write of this kind."""

    def register(func: ActionExecutor) -> ActionExecutor:
        EXECUTORS[kind] = func
        return func

    return register


def propose(
    ctx: HardeContext, *, kind: str, summary: str, payload: dict[str, Any], agent: str, cancel_note: str = ""
) -> str:
    """Hold a write until the user confirms it; returns the text that asks them."""
    if kind not in EXECUTORS:
        raise KeyError(f"no executor is registered for {kind!r}")
    ctx.state.pending = PendingAction(kind=kind, summary=summary, payload=payload, agent=agent, cancel_note=cancel_note)
    ctx.state_changed()
    return f"{summary}\n\n{CONFIRM_PROMPT}"


async def execute_pending(ctx: HardeContext) -> str:
    pending = ctx.state.pending
    if pending is None:
        return "There is nothing waiting for confirmation."
    executor = EXECUTORS[pending.kind]
    audit = AuditLog.for_settings(ctx.settings)
    try:
        result = await executor(ctx, pending.payload)
    except HardeError as exc:
        audit.record(user=ctx.user, kind=pending.kind, summary=pending.summary, ok=False, answer=str(exc))
        if exc.retryable:
            # The proposal stays pending so the user can try again once the service is back.
            return f"That did not go through: {exc}. Nothing was changed. Say **yes** to try again or **no** to drop it."
        ctx.state.pending = None
        ctx.state_changed()
        return f"That did not go through: {exc}. Nothing was changed."
    audit.record(user=ctx.user, kind=pending.kind, summary=pending.summary, ok=True, answer=result)
    ctx.state.pending = None
    ctx.state_changed()
    return result


@tool(status="Carrying out the confirmed change…", writes=True)
async def confirm_pending_action(ctx: RunContextWrapper[HardeContext]) -> str:
    """Carry out the change the user has just confirmed (they said yes to the proposal shown)."""
    return await execute_pending(ctx.context)


@tool(status="Dropping the proposed change…")
async def cancel_pending_action(ctx: RunContextWrapper[HardeContext]) -> str:
    """Drop the change waiting for confirmation, because the user said no."""
    pending = ctx.context.state.pending
    if pending is None:
        return "There is nothing waiting for confirmation."
    ctx.context.state.pending = None
    ctx.context.state_changed()
    answer = f"Cancelled; nothing was changed. ({pending.summary.splitlines()[0]})"
    return f"{answer}\n\n{pending.cancel_note}" if pending.cancel_note else answer
