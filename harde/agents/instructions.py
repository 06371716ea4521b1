"""The state part of each agent's instructions: what is already known, so it asks only for the rest."""

from __future__ import annotations

import json

from harde.context import HardeContext
from harde.state.progress import new_client_progress


def state_section(agent: str, ctx: HardeContext) -> str:
    state = ctx.state
    lines: list[str] = []
    if agent == "triage":
        workflow = state.workflow_in_progress
        if workflow:
            lines.append(
                f"Work is under way with the {workflow} specialist; hand answers that continue it to {workflow}."
            )
    if agent == "new_clients" and state.new_client.in_progress:
        progress = new_client_progress(state.new_client)
        lines.append("Customer being collected (ask only for what is missing or invalid):")
        lines.append(json.dumps(progress, ensure_ascii=False))
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
        lines.append(
            "Waiting for the rep's own yes to this change (the app carries it out; you cannot):\n"
            f"{state.pending_run.summary}"
        )
    return "\n".join(lines)
