"""The dev2 eval set: rebuilt byte for byte by its generator, every expected fact found in the
demo data (with the grounding checks of test_eval_sets, recomputed from the seed, not from the
generator), its bookings' times read back from what the rep typed, and no case text shared
with dev or held-out. Nothing here runs Hard-E or looks at its accuracy.
(test_dev_sets.py runs, with this file's problems_of, the checks every set has.)"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

from tests.understanding import grounding
from tests.understanding import test_eval_sets as base
from tests.understanding.eval import build_dev2

FILES = ["dev2/questions.jsonl", "dev2/conversations.jsonl"]
CASES = {name: base.load(name) for name in FILES}
ALL = [c for cases in CASES.values() for c in cases]


# --- every expected fact is in the data ---------------------------------------------------------

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
MONDAY = dt.date(2026, 11, 23)
MONTHS = {"nov": 11, "dec": 12}


def _hour(h: int, ampm: str | None) -> int:
    if ampm and ampm.startswith("p") and h < 12:
        return h + 12
    if ampm and ampm.startswith("a") and h == 12:
        return 0
    if ampm is None and h < 7:
        return h + 12  # "at 3" for a visit means the afternoon
    return h


def booked_start(text: str) -> tuple[dt.datetime | None, list[str]]:
    """The start a booking request names, read the way a person reads it: "tmrw", "thu",
    "next tues", "12/3", "dec 4"; "noon", "10a", "2:30pm", "@ 10", "at 9", "next tues 3".
    (None, []) when the text names no time."""
    t = text.lower()
    problems: list[str] = []
    days: list[dt.date] = []
    if re.search(r"\b(tmrw|tomorrow)\b", t):
        days.append(MONDAY + dt.timedelta(days=1))
    for m in re.finditer(r"(?<![\d-])(\d{1,2})/(\d{1,2})\b", t):
        days.append(dt.date(2026, int(m.group(1)), int(m.group(2))))
    for m in re.finditer(r"\b(nov|dec)\w*\s+(\d{1,2})(?:st|nd|rd|th)?\b", t):
        days.append(dt.date(2026, MONTHS[m.group(1)], int(m.group(2))))
    for m in re.finditer(r"\b(next\s+)?(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|rsday|nesday|urday)?\b", t):
        ahead = (WEEKDAYS.index(m.group(2)) - MONDAY.weekday()) % 7 or 7
        day = MONDAY + dt.timedelta(days=ahead)
        if m.group(1) and day < MONDAY + dt.timedelta(days=7):
            day += dt.timedelta(days=7)
        days.append(day)
    time: tuple[int, int] | None = None
    if re.search(r"\bnoon\b", t):
        time = (12, 0)
    patterns = [
        r"\b(\d{1,2})(?::(\d\d))?\s*(am|pm|a|p)\b",
        r"(?:@|\bat)\s*(\d{1,2})(?::(\d\d))?\s*(am|pm|a|p)?\b",
        r"\bmorning\s+(\d{1,2})(?::(\d\d))?()\b",
        r"\b(?:mon|tue|wed|thu|fri|sat|sun)\w*\s+(\d{1,2})(?::(\d\d))?()\b(?!/)",
    ]
    for pattern in patterns:
        if time is not None:
            break
        m = re.search(pattern, t)
        if m:
            ampm = m.group(3) or None
            if pattern.startswith(r"\bmorning"):
                ampm = "am"
            time = (_hour(int(m.group(1)), ampm), int(m.group(2) or 0))
    if time is None:
        return None, []
    if not days:
        return None, [f"{text!r} names a time but no day"]
    if len(set(days)) > 1:
        problems.append(f"{text!r} names several days: {sorted(set(days))}")
    return dt.datetime.combine(days[0], dt.time(*time)), problems


def appointment_problems(c: dict[str, Any], check: dict[str, Any]) -> list[str]:
    job = check["appointment_on_job"]
    if job not in base.JOBS:
        return [f"job {job} does not exist"]
    problems = []
    if base.JOBS[job]["archived"]:
        problems.append(f"job {job} is archived")
    start = dt.datetime.fromisoformat(check["start"])
    if start <= dt.datetime.fromisoformat(base.NOW):
        problems.append(f"{start} is not after the pinned clock")
    read = [(t["text"], *booked_start(t["text"])) for t in c["turns"]]
    named = [(text, when, p) for text, when, p in read if when is not None or p]
    if len(named) != 1:
        return [*problems, f"{len(named)} turns name a time, not one"]
    text, when, found = named[0]
    problems.extend(found)
    if when != start:
        problems.append(f"{text!r} reads as {when}, not {start}")
    if check["title_contains"] not in text.lower():
        problems.append(f"{text!r} does not ask for a {check['title_contains']}")
    return problems


def problems_of(c: dict[str, Any]) -> list[str]:
    """test_eval_sets' grounding checks, the bookings read with this file's reader, and the
    ambiguous name of a write request checked like a clarification's."""
    bookings = [check for check in c["crm_after"] if "appointment_on_job" in check]
    rest = copy.deepcopy(c)
    rest["crm_after"] = [check for check in c["crm_after"] if "appointment_on_job" not in check]
    problems = base.grounding_problems(rest)
    for check in bookings:
        problems.extend(appointment_problems(c, check))
    s = c["subject"]
    if c["category"] == "knowledge":
        for doc in s.get("also", []):
            if Path(doc).stem not in c["turns"][0]["expect"]["any_of"]:
                problems.append(f"{doc} is not among the accepted documents")
            if s["phrase"] and base._norm(s["phrase"]) not in base._norm(base.doc_text(doc)):
                problems.append(f"{s['phrase']!r} is not in {doc}")
    if c["category"] == "write" and "said" in s:
        same = {cid for cid, cu in base.CUSTOMERS.items() if s["said"] in (cu["first_name"].lower(), cu["last_name"].lower())}
        if same != set(s["customer_ids"]) or s["chosen"] not in same:
            problems.append(f"{s['said']!r} is not shared by exactly {s['customer_ids']}")
        if base.JOBS[s["job_id"]]["customer_id"] != s["chosen"]:
            problems.append("the job is not the chosen customer's")
    return problems


def test_the_checks_catch_a_wrong_fact() -> None:
    by_cat: dict[str, dict[str, Any]] = {}
    for c in ALL:
        by_cat.setdefault(c["category"], c)
    tampered = []
    for cat, key, wrong in [("crm.contact", "phone", "5085559999"), ("crm.money", "money", 1234.56), ("crm.dates", "date", "2026-11-25"), ("crm.calendar", "count", 99)]:
        c = next(x for x in ALL if x["category"] == cat and key in x["turns"][0]["expect"])
        c = copy.deepcopy(c)
        c["turns"][0]["expect"][key] = wrong
        tampered.append(c)
    bookings = [c for c in ALL if c["category"] == "write" and "appointment_on_job" in c["crm_after"][0]]
    assert len(bookings) >= 8
    tampered += grounding.shifted_bookings(bookings, (dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=30)))
    grounding.assert_caught(tampered, problems_of)


def test_the_reader_reads_the_times_reps_type() -> None:
    cases = {
        "book an inspection for 1040 thu @ 10": "2026-11-26T10:00",
        "set up an estimate w/ 1053 fri 10a": "2026-11-27T10:00",
        "follow up visit wed 2:30pm": "2026-11-25T14:30",
        "tmrw at noon": "2026-11-24T12:00",
        "inspection at 2611-1011 tmrw morning 9:30": "2026-11-24T09:30",
        "follow up next tues 3": "2026-12-01T15:00",
        "estimate review 12/3 at 9": "2026-12-03T09:00",
        "walkthrough dec 4 at 1": "2026-12-04T13:00",
        "mon 11/30 at 4pm": "2026-11-30T16:00",
    }
    for text, start in cases.items():
        when, problems = booked_start(text)
        assert when == dt.datetime.fromisoformat(start) and not problems, (text, when, problems)
    assert booked_start("pull up job 2611-1011")[0] is None
    assert booked_start("wed 12/3 at 9")[1]  # two different days


# --- subjects, shape, and apart from dev and held-out ----------------------------------------------


def test_cases_are_well_formed() -> None:
    grounding.assert_well_formed("dev2", CASES["dev2/questions.jsonl"], CASES["dev2/conversations.jsonl"], questions_write=True)
    assert 230 <= len(CASES["dev2/questions.jsonl"]) <= 290
    assert 75 <= len(CASES["dev2/conversations.jsonl"]) <= 100
    for c in ALL:
        if c["category"] == "called_off":
            assert c["crm_after"] == [{"unchanged": True}], c["id"]
            request = [n for n, t in enumerate(c["turns"]) if "expect" not in t]
            assert len(request) == 1, c["id"]
            assert all(t["expect"].get("not_contains") == build_dev2.WRITE_CLAIMS for t in c["turns"][request[0] + 1 :]), c["id"]
            called_off_how = c["template"].split("/")[0].removeprefix("dev2:called_off.")
            assert (c["turns"][-1]["text"] in build_dev2.YES) == called_off_how.endswith("yes"), c["id"]
        if c["category"] == "write":
            assert len(c["crm_after"]) == 1 and not c["crm_after"][0].get("unchanged"), c["id"]
            assert c["turns"][-1]["text"] in build_dev2.YES, c["id"]


def test_writes_and_called_off_cover_every_kind() -> None:
    for cat in ("write", "called_off"):
        kinds = {c["subject"]["kind"] for c in ALL if c["category"] == cat}
        assert kinds == {"note", "stage", "book"}, (cat, kinds)
    stages = {c["crm_after"][0]["stage"] for c in ALL if c["category"] == "write" and "stage_of_job" in c["crm_after"][0]}
    assert {"Contract Signed", "Lost", "Paid & Closed", "Scheduled"} <= stages, stages
    offs = {c["turns"][i]["text"] for c in ALL if c["category"] == "called_off" for i in range(1, len(c["turns"])) if c["template"].startswith("dev2:called_off.cancel")}
    assert len(offs) >= 8, offs


