"""Offline planner of the pricing specialist: answers through `pricing_answer`, and turns
"attach it to job 1043" into a proposed estimate note (the estimate from this message or the
last one that asked for one)."""

from __future__ import annotations

import re
from dataclasses import asdict

from harde.llm.planning import Plan, PlanRequest, Reply, ToolCall, compose_from_results, planner
from harde.understanding.pricing import parse_question

ESTIMATE_INTENTS = ("roof", "siding", "gutter", "windows", "material")
# The estimate sits between the verb and the job, within a few hundred characters: unbounded, a
# message full of verbs is rescanned to its end from each one.
_ATTACH = re.compile(
    r"\b(?:attach|add|put|save|log|post|note|drop|record|stick)\b[^.?!]{0,400}?\b(?:to|on|onto|in|into|under|for)\s+"
    r"(?:the\s+)?job\s*(?:number\s*|no\.?\s*|#\s*)?(?P<job>\d{3,7})\b",
    re.IGNORECASE,
)


def _is_estimate(text: str) -> bool:
    return parse_question(text).intent in ESTIMATE_INTENTS


def attach_request(text: str, previous: list[str]) -> ToolCall | Reply | None:
    """The estimate-note proposal a message asks for, if it asks for one."""
    match = _ATTACH.search(text)
    if match is None:
        return None
    job_id = int(match.group("job"))
    own = (text[: match.start()] + " " + text[match.end() :]).strip(" ,.;:-")
    if _is_estimate(own):
        return ToolCall("pricing_attach_estimate", {"job_id": job_id, "question": asdict(parse_question(own))})
    for earlier in reversed(previous):
        if _is_estimate(earlier):
            return ToolCall("pricing_attach_estimate", {"job_id": job_id, "question": asdict(parse_question(earlier))})
    return Reply(
        f"Which estimate should go on job {job_id}? Ask for it first (for example “price 180 feet "
        "of 6-inch gutter”), then say “attach it to job " + str(job_id) + "”."
    )


@planner("pricing")
def plan(req: PlanRequest) -> Plan:
    if req.results:
        return compose_from_results(req)
    if "pricing_attach_estimate" in req.tools:
        attach = attach_request(req.text, req.previous_user_messages)
        if attach is not None:
            return attach
    return ToolCall("pricing_answer", {"question": asdict(parse_question(req.text))})
