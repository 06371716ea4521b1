"""Offline planner of the new_clients specialist: every message goes to the intake tool, which
merges it into the customer being collected; "start over" drops it, "create anyway" overrides
a duplicate. Yes/no to the creation proposal is handled before the planner is asked."""

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
    if req.results:
        return Reply(req.results[-1].output)
    state = req.context.state.new_client if req.context is not None else None
    if _START_OVER.match(req.text) and "intake_discard" in req.tools:
        return ToolCall("intake_discard")
    if state is not None and state.duplicates and _CREATE_ANYWAY.search(req.text):
        return ToolCall("intake_create_anyway")
    return ToolCall("intake_collect_customer", {"text": req.text})
