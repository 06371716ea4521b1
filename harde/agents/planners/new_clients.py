"""Offline planner of the new_clients specialist: the understanding layer reads the rep's
message into the intake tool's typed fields (harde.understanding.dictation); "start over" drops
the record, "create anyway" overrides a duplicate. A complete record is created through
`intake_create_customer`, which waits for the rep's own yes (the SDK's approvals)."""

from __future__ import annotations

from harde.llm.planning import Plan, PlanRequest, Reply, ToolCall, planner
from harde.state.drafts import NewClientState
from harde.understanding.dictation.message import read_customer_message, read_intake_command


@planner("new_clients")
def plan(req: PlanRequest) -> Plan:
    state = req.context.state.new_client if req.context is not None else NewClientState()
    if req.results:
        last = req.results[-1]
        if last.name == "intake_collect_customer" and _ready(last.output):
            return ToolCall("intake_create_customer")
        return Reply(last.output)
    command = read_intake_command(req.text, state)
    if command == "start_over" and "intake_discard" in req.tools:
        return ToolCall("intake_discard")
    if command == "create_anyway":
        return ToolCall("intake_create_customer", {"allow_duplicate": True})
    return ToolCall("intake_collect_customer", read_customer_message(req.text, state).arguments())


def _ready(output: str) -> bool:
    return output.startswith("The record is complete")
