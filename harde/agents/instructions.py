"""What each agent is told besides its prompt: the state of the conversation, so it asks only for
what is missing, and the rule that text from outside is data.

The system message carries only our own words (`state_section`). Values that came from outside
or from earlier turns (a draft built from CRM notes and documents, a customer's details, the
change waiting for a yes) travel as one labelled, delimited user-role block (`state_data`),
placed just before the rep's latest message by `with_state_data`.
"""

from __future__ import annotations

import json
from typing import Any

from harde.context import HardeContext
from harde.llm.untrusted import data_block
from harde.state.progress import new_client_progress

STATE_LABEL = "conversation state (values from the CRM, documents and earlier turns)"


def state_section(agent: str, ctx: HardeContext) -> str:
    """The part of the system message that follows from the state: our own words only."""
    state = ctx.state
    lines: list[str] = []
    if agent == "triage":
        workflow = state.workflow_in_progress
        if workflow:
            lines.append(
                f"Work is under way with the {workflow} specialist; hand answers that continue it to {workflow}."
            )
    if state_data(agent, ctx):
        lines.append(f'What is known so far is in the <data label="{STATE_LABEL}"> block before the rep\'s latest message.')
    if agent == "new_clients" and state.new_client.in_progress:
        lines.append("A customer is being collected: ask only for what is missing or invalid.")
    if agent == "scripting" and state.script.in_progress:
        lines.append("A script is being drafted; its current draft is in that block.")
    if state.pending_run is not None and state.pending_run.agent == agent:
        lines.append("A change is waiting for the rep's own yes (the app carries it out; you cannot).")
    return "\n".join(lines)


def state_data(agent: str, ctx: HardeContext) -> str:
    """The values the agent needs from the state, as one data block ("" when there are none)."""
    state = ctx.state
    lines: list[str] = []
    if agent == "new_clients" and state.new_client.in_progress:
        lines.append("Customer being collected:")
        lines.append(json.dumps(new_client_progress(state.new_client), ensure_ascii=False))
    if agent == "scripting" and state.script.in_progress:
        s = state.script
        known = {
            "customer": s.customer_name,
            "job_id": s.job_id,
            "trade": s.trade,
            "focus_material": s.focus_material,
            "script_type": s.script_type,
            "tone": s.tone,
            "length_target_words": s.length_target_words,
            "revisions": len(s.revisions),
        }
        lines.append("Script being drafted: " + json.dumps(known, ensure_ascii=False))
        if s.draft:
            lines.append("Current draft:\n" + s.draft)
    if state.pending_run is not None and state.pending_run.agent == agent:
        lines.append("Change waiting for the rep's yes:\n" + state.pending_run.summary)
    return data_block(STATE_LABEL, "\n".join(lines)) if lines else ""


def with_state_data(items: list[Any], agent: str, ctx: HardeContext) -> list[Any]:
    """`items` with the state's data block as a user message just before the latest user
    message (so every tool call keeps its output right after it); unchanged when there is none."""
    block = state_data(agent, ctx)
    if not block:
        return items
    latest = max((n for n, item in enumerate(items) if isinstance(item, dict) and item.get("role") == "user"), default=len(items))
    return [*items[:latest], {"role": "user", "content": block}, *items[latest:]]
