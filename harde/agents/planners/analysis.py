"""Offline planner of the analysis specialist: the rep's question about the director's calls,
read by the understanding layer into a typed `analyze_transcripts` call."""

from __future__ import annotations

from dataclasses import asdict

from harde.errors import HardeError
from harde.llm.planning import Plan, PlanRequest, Reply, ToolCall, compose_from_results, planner
from harde.understanding.transcripts import interpret


@planner("analysis")
def plan(req: PlanRequest) -> Plan:
    if req.results:
        return compose_from_results(req)
    if req.context is None:
        return Reply("The director's call transcripts are not available here.")
    try:
        calls = req.context.services.transcripts
    except HardeError as error:
        return Reply(f"The director's call transcripts could not be loaded: {error}")
    techniques = sorted({t for c in calls for t in c.techniques}, key=len, reverse=True)
    reps = sorted({c.rep_on_call for c in calls if c.rep_on_call})
    towns = sorted({c.town for c in calls if c.town})
    return ToolCall("analyze_transcripts", {"question": asdict(interpret(req.text, techniques, reps, towns))})
