"""Offline planner of the crm specialist: it plays the understanding layer's typed call.

The Action on the run context (harde.understanding.reader) already says which CRM tool and
with which ids, fields, stage names and ISO dates; every crm tool answers in full, so its
output is the reply.
"""

from __future__ import annotations

from harde.llm.planning import Plan, PlanRequest, Reply, ToolCall, planner


@planner("crm")
def plan(req: PlanRequest) -> Plan:
    if req.results:
        return Reply(req.results[-1].output)
    action = req.context.action if req.context is not None else None
    if action is not None and action.tool and action.tool in req.tools:
        return ToolCall(action.tool, dict(action.arguments))
    reply = getattr(action, "reply", None)
    return Reply(reply or "Which customer or job? Give me a name or a job number.")
