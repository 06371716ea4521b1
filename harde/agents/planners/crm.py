"""Offline planner of the crm specialist: picks the CRM tool and its arguments from how reps
talk ("Add a note to job 1043: …", "Move the Walsh siding job to Proposal Sent", "Book an
inspection with the Nguyens Tuesday at 3pm"); reads go to `crm_lookup`."""

from __future__ import annotations

import re

from harde.llm.planning import Plan, PlanRequest, Reply, ToolCall, planner

_JOB_REF = r"(?:job\s*#?\s*\d{3,7}(?:-\d{2,7})*|the\s+.+?\s+job|.+?\s+job|.+?)"

_ADD_NOTE = re.compile(
    rf"^\s*(?:please\s+)?(?:add|put|leave|drop|log|post)\s+(?:a\s+|this\s+|the\s+)?note\s+(?:to|on|for)\s+(?P<job>{_JOB_REF})\s*(?::|—|-|,|saying|that says|that)\s*(?P<note>.+)$",
    re.I | re.S,
)
_ADD_NOTE_AFTER = re.compile(
    r"^\s*(?:please\s+)?(?:note|add|log)\s+(?:on|to|for)\s+(?P<job>job\s*#?\s*\d{3,7})\s*[:,-]\s*(?P<note>.+)$",
    re.I | re.S,
)
_UPDATE_NOTE = re.compile(
    r"\b(?:update|change|edit|fix)\s+(?:the\s+)?note\s*#?\s*(?P<id>\d{3,})\s*(?:to|:|—|-|so it says|to say)\s*(?P<note>.+)$",
    re.I | re.S,
)
_STAGE = re.compile(
    r"^\s*(?:please\s+)?(?:move|change|set|update|put|mark|bump|push)\s+(?P<job>.+?)\s+(?:to|into|as|in)\s+(?:the\s+)?(?P<stage>[\w &/'-]+?)(?:\s+stage)?\s*[.!]?\s*$",
    re.I,
)
_BOOK = re.compile(
    r"\b(?:book|schedule|set up|setup|put in|add|arrange)\s+(?:an?\s+|the\s+)?(?P<title>[\w -]*?(?:inspection|estimate|appointment|visit|measure(?:ment)?s?|walkthrough|walk-through|meeting|consultation|consult|follow[- ]up|install(?:ation)?|review|call))\b(?P<rest>.*)$",
    re.I | re.S,
)
_RESCHEDULE = re.compile(
    r"\b(?:reschedule|move|push|change)\s+(?:the\s+)?(?P<what>.+?)(?:'s)?\s*(?:inspection|appointment|visit|estimate|meeting|walkthrough)?\s+(?:to|for)\s+(?P<when>.+)$",
    re.I,
)
_APPT_ID = re.compile(r"\bappointment\s*#?\s*(\d{3,})\b", re.I)
_CREATE_JOB = re.compile(
    r"\b(?:create|open|add|start|set up)\s+(?:a\s+|an\s+|the\s+)?(?:new\s+)?(?P<trades>[\w ,&+]*?)\s*job\s+(?:for|under)\s+(?P<customer>.+?)(?:\s*[:,-]\s*(?P<desc>.+))?$",
    re.I | re.S,
)
_LISTS = {
    "crm_list_stages": re.compile(r"\b(list|what are|show)\b.*\bstages\b|\bwhat stages\b", re.I),
    "crm_list_trades": re.compile(r"\b(list|what are|show|which)\b.*\btrades\b", re.I),
    "crm_list_users": re.compile(r"\b(list|show|who are)\b.*\b(users|team|reps)\b", re.I),
    "crm_list_referrals": re.compile(r"\breferral sources?\b|\b(list|show)\b.*\breferrals\b", re.I),
}
_WHEN_START = re.compile(
    r"\b(?:on\s+|next\s+|this\s+|coming\s+)?(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|\d{1,2}/\d{1,2}|\d{4}-\d{2}-\d{2}|at\s+\d)\b",
    re.I,
)
_ASSIGNEE = re.compile(
    r"\s*,?\s*(?:assign(?:ed)?\s+(?:it\s+)?to|for\s+rep|with\s+rep)\s+@?(?P<who>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)",
    re.I,
)
_DURATION = re.compile(
    r"\bfor\s+(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>hours?|hrs?|h|minutes?|mins?)\b", re.I
)


def _clean_job(words: str) -> str:
    return words.strip().strip(",.:;").strip()


def _appointment_call(text: str) -> ToolCall | None:
    m = _BOOK.search(text)
    if not m:
        return None
    title = " ".join(m.group("title").split())
    rest = m.group("rest")
    assignee = ""
    a = _ASSIGNEE.search(rest)
    if a:
        assignee = a.group("who")
        rest = rest[: a.start()] + rest[a.end() :]
    duration = 60
    d = _DURATION.search(rest)
    if d:
        n = float(d.group("n"))
        duration = int(n * 60) if d.group("unit").lower().startswith("h") else int(n)
        rest = rest[: d.start()] + rest[d.end() :]
    when_at = _WHEN_START.search(rest)
    who_part = rest[: when_at.start()] if when_at else rest
    when = rest[when_at.start() :] if when_at else ""
    who = re.sub(r"^\s*(?:with|for|at|on)\s+", "", who_part.strip(), flags=re.I).strip(" ,.")
    return ToolCall(
        "crm_create_appointment",
        {
            "title": title,
            "who": who,
            "when": when.strip(" .") or "",
            "duration_minutes": duration,
            "assignee": assignee,
        },
    )


def plan_crm(text: str) -> ToolCall:
    """The tool call for one request, from its words alone."""
    m = _ADD_NOTE.match(text) or _ADD_NOTE_AFTER.match(text)
    if m:
        return ToolCall(
            "crm_add_note", {"job": _clean_job(m.group("job")), "note": m.group("note").strip()}
        )
    m = _UPDATE_NOTE.search(text)
    if m:
        return ToolCall(
            "crm_update_note", {"note_id": int(m.group("id")), "note": m.group("note").strip()}
        )
    call = _appointment_call(text)
    if call is not None:
        return call
    if re.search(r"\breschedul", text, re.I) or (
        _APPT_ID.search(text) and re.search(r"\b(move|change|push)\b", text, re.I)
    ):
        m = _RESCHEDULE.search(text)
        appt = _APPT_ID.search(text)
        if m:
            what = appt.group(0) if appt else m.group("what")
            return ToolCall(
                "crm_update_appointment",
                {"appointment": what.strip(), "when": m.group("when").strip(" .")},
            )
    m = _STAGE.match(text)
    if m and not re.search(r"\bappointment|inspection|visit\b", text, re.I):
        return ToolCall(
            "crm_change_stage",
            {"job": _clean_job(m.group("job")), "stage": m.group("stage").strip()},
        )
    m = _CREATE_JOB.search(text)
    if m and (m.group("trades").strip() or m.group("desc")):
        trades = m.group("trades").strip() or "roofing"
        desc = (m.group("desc") or f"{trades.capitalize()} job").strip()
        return ToolCall(
            "crm_create_job",
            {"customer": m.group("customer").strip(" ."), "trades": trades, "description": desc},
        )
    for name, pattern in _LISTS.items():
        if pattern.search(text):
            return ToolCall(name, {})
    return ToolCall("crm_lookup", {"query": text})


# "the roof one", "that job", "her": the request leans on the previous one for who or what.
_LEANS_BACK = re.compile(
    r"\b(?:the\s+(?:\w+\s+)?one|that\s+(?:one|job)|this\s+(?:one|job)|the\s+same\s+(?:job|customer)|"
    r"it|its|them|their|they|her|his|him|theirs)\b",
    re.I,
)
_JOB_NUMBER = re.compile(r"\bjob\s*#?\s*\d{3,}", re.I)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:['’]s)?\b(?:\s+[A-Z][a-z]+)?")
_NOT_NAMES = {"I", "Show", "What", "Which", "Who", "When", "Where", "How", "Find", "List", "Add", "The", "CRM", "Leap", "Proposal", "Sent", "Estimating", "Scheduled", "Completed"}


def _references(text: str) -> list[str]:
    found = [m.group(0) for m in _JOB_NUMBER.finditer(text)]
    for m in _NAME.finditer(text):
        words = [w for w in m.group(0).split() if w not in _NOT_NAMES]
        if words:
            found.append(" ".join(words))
    return found


def with_context(text: str, previous: list[str]) -> str:
    """The request, plus who or what the previous one named when this one only points back."""
    if not previous or not _LEANS_BACK.search(text) or _references(text):
        return text
    for earlier in reversed(previous[-3:]):
        refs = _references(earlier)
        if refs:
            return f"{text} ({', '.join(refs)})"
    return text


@planner("crm")
def plan(req: PlanRequest) -> Plan:
    if req.results:
        # Every crm tool answers in full, so its output is the reply.
        return Reply(req.results[-1].output)
    call = plan_crm(with_context(req.text, req.previous_user_messages))
    if call.name not in req.tools:
        return (
            ToolCall("crm_lookup", {"query": with_context(req.text, req.previous_user_messages)})
            if "crm_lookup" in req.tools
            else Reply("I can't do that here: the CRM tools are not available.")
        )
    return call
