"""Offline planner of the scripting specialist: which script tool the rep's words call for."""

from __future__ import annotations

import re
from dataclasses import asdict

from harde.llm.planning import (
    HandBack,
    Plan,
    PlanRequest,
    Reply,
    ToolCall,
    compose_from_results,
    planner,
)
from harde.understanding.scripting import pick_job, read_focus, read_revision, read_trade

_READ = re.compile(r"\b(read|play|say|voice|record)\b.{0,20}\b(it|this|that|script|draft|aloud|out loud)\b|\bread it\b|\bhear it\b|\blisten\b", re.IGNORECASE)
_FINAL = re.compile(r"\b(finali[sz]e|final|looks good|that'?s (good|great|perfect)|perfect|lock it in|we'?re done|approve[d]?)\b", re.IGNORECASE)
_NEW = re.compile(
    r"\b(write|draft|generate|create|make|prepare|build|need|want)\b.{0,40}\b(primer|script|talk track|pitch)\b"
    r"|\b(primer|script|talk track)\b.{0,12}\bfor\b",
    re.IGNORECASE,
)
_STANDARD = re.compile(r"\b(sales s\w{0,2}ript|standard|talk track|appointment script|pitch)\b", re.IGNORECASE)
_JOB = re.compile(r"\bjob\s*(?:number|no\.?|#)?\s*#?\s*(\d{4}-\d{3,5}|\d{3,6})\b", re.IGNORECASE)
_FOCUS = re.compile(r"\b(?:focus(?:ing|ed)?\s+on|about|highlighting|featuring)\s+(.+?)(?=[.!?]|$)", re.IGNORECASE)
_CUSTOMER = re.compile(
    r"\bfor\s+(?:mr\.?\s+|mrs\.?\s+|ms\.?\s+|the\s+)?(.+?)(?:'s\b|’s\b|\s+(?:about|focus|focusing|on|regarding|with)\b|[,.!?]|$)",
    re.IGNORECASE,
)
_REVISION = re.compile(
    r"\b(shorter|longer|casual|formal|professional|friendlier|warmer|relaxed|mention|add|include|"
    r"remove|drop|leave out|don'?t mention|words|minutes?|seconds|trim|cut|expand|focus on|tone|rewrite|change)\b",
    re.IGNORECASE,
)


def _start_arguments(text: str) -> dict[str, str]:
    arguments: dict[str, str] = {"script_type": "standard" if _STANDARD.search(text) else "primer"}
    trade = read_trade(text)
    if trade:
        arguments["trade"] = trade
    job = _JOB.search(text)
    if job:
        arguments["job"] = job.group(1)
    else:
        customer = _CUSTOMER.search(text)
        if customer:
            name = re.sub(r"\s+(job|house|home|project)$", "", customer.group(1).strip(), flags=re.IGNORECASE)
            arguments["customer"] = name
    focus = _FOCUS.search(text)
    if focus:
        arguments["focus"] = focus.group(1).strip()
    return arguments


@planner("scripting")
def plan(request: PlanRequest) -> Plan:
    if request.results:
        return compose_from_results(request)
    text = request.text.strip()
    state = request.context.state.script if request.context is not None else None
    linked = getattr(request.context.action, "arguments", {}) if request.context is not None else {}
    starts = _NEW.search(text) or (linked and not (state and state.in_progress))
    if starts and not (state and state.draft and _REVISION.search(text) and not _JOB.search(text) and " for " not in text.lower()):
        arguments = _start_arguments(text)
        if linked.get("job") or linked.get("customer"):
            # The understanding layer linked the customer or job: its ids beat the words.
            arguments.pop("job", None)
            arguments.pop("customer", None)
            arguments.update({k: v for k, v in linked.items() if k in ("job", "customer")})
        if "job" not in arguments and "customer" not in arguments:
            return Reply("Which customer or job is the script for?")
        return ToolCall("start_script", arguments)
    if state is None or not state.active:
        return Reply("Which customer or job should I write the script for? Say, for example, “a primer script for John Smith's roof replacement”.")
    if state.awaiting == "job":
        job_id = pick_job(state.job_choices, text)
        if job_id is None:
            options = ", ".join(f"{n}. {c['name']}" for n, c in enumerate(state.job_choices, start=1))
            return Reply(f"I couldn't tell which job you meant. The choices are: {options}. Say the number or the job.")
        return ToolCall("choose_script_job", {"job_id": job_id})
    if state.awaiting == "focus":
        return ToolCall("set_script_focus", {"focus": read_focus(text)})
    if _READ.search(text):
        return ToolCall("read_script_aloud")
    if state.draft and _FINAL.search(text) and not _REVISION.search(text):
        return ToolCall("finalise_script")
    if state.draft and _REVISION.search(text):
        revision = {k: v for k, v in asdict(read_revision(text)).items() if v not in (None, [])}
        return ToolCall("revise_script", {**revision, "instruction": text})
    return HandBack("not a script request")
