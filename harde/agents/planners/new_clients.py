"""Offline planner of the new_clients specialist: every message goes to the intake tool, which
merges it into the customer being collected; "start over" drops it, "create anyway" overrides
a duplicate. A complete record is created through `intake_create_customer`, which waits for
the rep's own yes (the SDK's approvals)."""

from __future__ import annotations

import re

from harde.llm.planning import Plan, PlanRequest, Reply, ToolCall, planner

_START_OVER = re.compile(
    r"^\s*(?:(?:ok|okay|no|actually|please)[\s,]+)*(?:start over|start again|scratch that|forget (?:it|that|this|this one|the customer)|"
    r"never ?mind|drop (?:it|this|that|the customer)|cancel(?: (?:it|this|that|the customer|the new customer))?|discard(?: it)?|stop)\s*[.!]*\s*$",
    re.IGNORECASE,
)
_CREATE_ANYWAY = re.compile(r"\b(?:create|add|make|save)\b.*\banyway\b|\banyway\b.*\b(?:create|add)\b|^\s*(?:yes,?\s*)?(?:do it )?anyway\s*[.!]*\s*$", re.IGNORECASE)


@planner("new_clients")
def plan(req: PlanRequest) -> Plan:
    state = req.context.state.new_client if req.context is not None else None
    if req.results:
        last = req.results[-1]
        if last.name == "intake_collect_customer" and _ready(last.output):
            return ToolCall("intake_create_customer")
        return Reply(last.output)
    if _START_OVER.match(req.text) and "intake_discard" in req.tools:
        return ToolCall("intake_discard")
    # "create it anyway" is a short reply; the pattern's .* would rescan a long one from every verb.
    if state is not None and state.duplicates and _CREATE_ANYWAY.search(req.text[:500]):
        return ToolCall("intake_create_customer", {"allow_duplicate": True})
    return ToolCall("intake_collect_customer", {"text": req.text})


def _ready(output: str) -> bool:
    return output.startswith("The record is complete")
