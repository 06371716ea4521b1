"""The dev7 eval set: rebuilt byte for byte by its generator, every expected fact found in the
demo data (test_dev5_set's grounding checks, which gather test_eval_sets', test_dev3_set's and
test_dev4_set's, plus a markup check of its own, and dev7's own reading of the bookings: the day
and the time the rep typed, in every form dev7 types them, and a booking or a note corrected
before the yes), and no case text shared with dev, dev2, dev3, dev4, dev5, dev6 or held-out.
Nothing here runs Hard-E or looks at its accuracy.
(test_dev_sets.py runs, with this file's problems_of, the checks every set has.)"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from tests.understanding import grounding
from tests.understanding import test_dev5_set as dev5
from tests.understanding import test_eval_sets as base
from tests.understanding.eval import build_dev7

FILES = ["dev7/questions.jsonl", "dev7/conversations.jsonl"]
CASES = {name: base.load(name) for name in FILES}
ALL = [c for cases in CASES.values() for c in cases]
CONVERSATIONS = CASES["dev7/conversations.jsonl"]


# --- reading the days and times a rep types ----------------------------------------------------

MONDAY = dt.date(2026, 11, 23)
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
MONTHS = {"nov": 11, "dec": 12}
_WEEKDAY = r"\b(next\s+)?(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|rsday|rs|nesday|urday)?\b"


def _dated(t: str) -> list[dt.date]:
    """The calendar dates a turn names: "12/9", "dec 8th", "the 14th" (this month if it is still
    ahead, else next month)."""
    days = []
    for m in re.finditer(r"(?<![\d-])(\d{1,2})/(\d{1,2})\b", t):
        days.append(dt.date(2026, int(m.group(1)), int(m.group(2))))
    for m in re.finditer(r"\b(nov|dec)\w*\s+(\d{1,2})(?:st|nd|rd|th)?\b", t):
        days.append(dt.date(2026, MONTHS[m.group(1)], int(m.group(2))))
    for m in re.finditer(r"\bthe (\d{1,2})(?:st|nd|rd|th)\b", t):
        n = int(m.group(1))
        days.append(dt.date(2026, 11, n) if n > MONDAY.day else dt.date(2026, 12, n))
    return days


def days_named(text: str) -> set[dt.date]:
    """The days a turn names: "tmrw", a date (above), a weekday ("thurs", "next tues", "this
    wed"); a weekday said with a date ("wed 12/2", "tues the 1st") is that date when they agree."""
    t = text.lower()
    days = set(_dated(t))
    if re.search(r"\b(tmrw|tomorrow)\b", t):
        days.add(MONDAY + dt.timedelta(days=1))
    for m in re.finditer(_WEEKDAY, t):
        wd = WEEKDAYS.index(m.group(2))
        if any(day.weekday() == wd for day in days):
            continue
        ahead = (wd - MONDAY.weekday()) % 7 or 7
        day = MONDAY + dt.timedelta(days=ahead)
        if m.group(1) and day < MONDAY + dt.timedelta(days=7):
            day += dt.timedelta(days=7)
        days.add(day)
    return days


def _hour(h: int, ampm: str | None) -> int:
    if ampm and ampm.startswith("p") and h < 12:
        return h + 12
    if ampm and ampm.startswith("a") and h == 12:
        return 0
    if ampm is None and h < 7:
        return h + 12  # "at 3" for a visit means the afternoon
    return h


TIME_PATTERNS = [
    r"(?<![\d/:-])(\d{1,2})(?::(\d\d))?\s*(am|pm|a|p)\b",
    r"(?:@|\bat|\baround|\bmake it|\bdo)\s*(\d{1,2})(?::(\d\d))?\s*(am|pm|a|p)?\b(?![/\d-])",
    r"\bmorning\s+(\d{1,2})(?::(\d\d))?()\b",
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)\w*\s+(\d{1,2})(?::(\d\d))?()\b(?![/\d])",
]


def time_named(text: str) -> dt.time | None:
    """The time a turn names: "noon", "9am", "9a", "2:30p", "@ 4", "at 3", "around 3pm",
    "morning 8:30", "make it 3", "do 10:30"."""
    t = text.lower()
    if re.search(r"\bnoon\b", t):
        return dt.time(12, 0)
    for pattern in TIME_PATTERNS:
        m = re.search(pattern, t)
        if m:
            ampm = m.group(3) or ("am" if pattern.startswith(r"\bmorning") else None)
            return dt.time(_hour(int(m.group(1)), ampm), int(m.group(2) or 0))
    return None


def booked_start(text: str) -> tuple[dt.datetime | None, list[str]]:
    when = time_named(text)
    if when is None:
        return None, []
    days = days_named(text)
    if len(days) != 1:
        return None, [f"{text!r} names {len(days)} days"]
    return dt.datetime.combine(next(iter(days)), when), []


def test_the_reader_reads_dev7s_booking_times() -> None:
    for when, start in build_dev7.WHEN_TYPED:
        got, problems = booked_start(f"book 2611-1047 an inspection {when}")
        assert got == dt.datetime.fromisoformat(start) and not problems, (when, got, problems)
    for fix, hhmm in build_dev7.TIME_FIXES:
        assert time_named(fix) == dt.time.fromisoformat(hhmm) and not days_named(fix), fix
    for fix, day in build_dev7.DAY_FIXES:
        assert days_named(fix) == {dt.date.fromisoformat(day)} and time_named(fix) is None, fix
    for line in build_dev7.NOTE_LINES:
        assert not days_named(line) and time_named(line) is None, line
    for text, _doc, _phrase in build_dev7.DETOURS:
        assert not days_named(text) and time_named(text) is None, text


def _busy(job: int, start: dt.datetime) -> bool:
    rep = base.JOBS[job]["rep_ids"][0]
    for a in base.SEED["appointments"]:
        s, e = dt.datetime.fromisoformat(a["start_date_time"]), dt.datetime.fromisoformat(a["end_date_time"])
        if (job in a["job_ids"] or rep in (a["user_id"], *a["attendees_ids"])) and s < start + dt.timedelta(hours=1) and start < e:
            return True
    return False


def booking_problems(c: dict[str, Any], check: dict[str, Any]) -> list[str]:
    """The booking's start is what the rep typed (grounding.booking_problems, read with dev7's
    forms, moved by the subject's "fixed"), the job and its rep free then; a correction moves the
    time or the day alone, and moves it."""

    return grounding.booking_problems(c, check, days_named=days_named, time_named=time_named, moved_by="fixed", busy=_busy, then=grounding.corrected_alone)


# --- every expected fact is in the data ---------------------------------------------------------


def fixed_problems(c: dict[str, Any]) -> list[str]:
    """A write corrected before the yes: the check is what the correction says, not the request."""
    s = c["subject"]
    check = c["crm_after"][0]
    request, fix = c["turns"][0]["text"].lower(), c["turns"][1]["text"].lower()
    problems = []
    if s["fixed"] == "job":
        meant, other = check["note_on_job"], s["other_job_id"]
        stems = {jid: {dev5.TRADE_STEMS[t] for t in base.JOBS[jid]["trades"] if t in dev5.TRADE_STEMS} for jid in (meant, other)}
        if base.JOBS[meant]["customer_id"] != base.JOBS[other]["customer_id"] or meant == other:
            problems.append("the corrected job is not the same customer's other job")
        if not any(stem in request for stem in stems[other]) or any(stem in request for stem in stems[meant]):
            problems.append("the request does not name the other job by its trade")
        if not any(stem in fix.split(" not ")[0] for stem in stems[meant]):
            problems.append("the correction does not name the job meant first")
    if s["fixed"] == "note":
        if base._norm(check["contains"]) in base._norm(request) or base._norm(check["contains"]) not in base._norm(fix):
            problems.append("the note is not the corrected one")
        if base._norm(s["said_first"]) not in base._norm(request):
            problems.append("the first note is not in the request")
    if s["fixed"] == "stage":
        stage = check["stage"].lower()
        if stage in request or stage not in fix:
            problems.append("the stage is not the corrected one")
    return problems


def problems_of(c: dict[str, Any]) -> list[str]:
    """test_dev5_set's grounding checks (without its bookings, read here with dev7's reader); a
    markup (over cost, where dev3's check knows margin over price only) is recomputed here."""
    s = c["subject"]
    if (markup := grounding.markup_problems(c)) is not None:
        return markup
    rest = copy.deepcopy(c)
    bookings = [check for check in c["crm_after"] if "appointment_on_job" in check]
    rest["crm_after"] = [check for check in c["crm_after"] if "appointment_on_job" not in check]
    problems = dev5.problems_of(rest)
    for check in bookings:
        problems.extend(booking_problems(c, check))
    if c["category"] == "write" and "fixed" in s:
        problems.extend(fixed_problems(c))
    return problems


def test_the_checks_catch_a_wrong_fact() -> None:
    tampered = grounding.tampered_facts(ALL, grounding.FACT_TAMPERS)
    middle = grounding.with_wrong_middle(next(x for x in CONVERSATIONS if x["category"] == "write" and x["subject"].get("middle")), "knowledge", "contains", ["a phrase of no document"])
    tampered.append(middle)
    note = copy.deepcopy(next(x for x in CONVERSATIONS if x["category"] == "write" and "note_on_job" in x["crm_after"][0]))
    note["crm_after"][0]["contains"] = "a note nobody typed"
    tampered.append(note)
    stage = copy.deepcopy(next(x for x in CONVERSATIONS if x["category"] == "write" and "stage_of_job" in x["crm_after"][0]))
    stage["crm_after"][0]["stage"] = base.STAGES[base.JOBS[stage["crm_after"][0]["stage_of_job"]]["stage_code"]]
    tampered.append(stage)
    for fixed in ("job", "note", "stage"):
        c = copy.deepcopy(next(x for x in CONVERSATIONS if x["subject"].get("fixed") == fixed))
        if fixed == "job":
            c["crm_after"][0]["note_on_job"] = c["subject"]["other_job_id"]
        elif fixed == "note":
            c["crm_after"][0]["contains"] = c["subject"]["said_first"]
        else:
            c["crm_after"][0]["stage"] = "Lost" if c["crm_after"][0]["stage"] != "Lost" else "Proposal Sent"
        tampered.append(c)
    tampered += grounding.shifted_bookings((x for x in CONVERSATIONS if x["category"] == "write" and any("appointment_on_job" in k for k in x["crm_after"])), (dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=30)))
    grounding.assert_caught(tampered, problems_of)


def test_cases_are_well_formed() -> None:
    grounding.assert_well_formed("dev7", CASES["dev7/questions.jsonl"], CONVERSATIONS, questions_write=False)
    for c in ALL:
        if c["category"] == "called_off":
            assert c["crm_after"] == [{"unchanged": True}], c["id"]
            texts = [t["text"] for t in c["turns"]]
            assert c["subject"]["call_off"] in build_dev7.CALL_OFFS and c["subject"]["call_off"] in texts, c["id"]
            after = c["turns"][texts.index(c["subject"]["call_off"]):]
            assert all(t["expect"].get("not_contains") == build_dev7.WRITE_CLAIMS for t in after), c["id"]
        if c["category"] == "write":
            assert c["crm_after"] and c["turns"][-1]["text"] in build_dev7.YESES, c["id"]
            assert sum(t["text"] in build_dev7.YESES for t in c["turns"]) == len(c["crm_after"]), c["id"]
        if c["category"] in ("followup", "clarify", "topic_switch"):
            assert not c["crm_after"], c["id"]


def test_writes_carry_the_weight() -> None:
    counts: dict[str, int] = {}
    for c in ALL:
        counts[c["category"]] = counts.get(c["category"], 0) + 1
    assert counts["write"] >= 150 and counts["called_off"] >= 40, counts
    assert len(CASES["dev7/questions.jsonl"]) >= 150
    assert all(counts[cat] >= 4 for cat in (*base.QUESTION_CATEGORIES, *base.CONVERSATION_CATEGORIES)), counts
    writes = [c for c in CONVERSATIONS if c["category"] == "write"]
    kinds = {k for c in writes for k in ("note_on_job", "stage_of_job", "appointment_on_job") if any(k in check for check in c["crm_after"])}
    assert kinds == {"note_on_job", "stage_of_job", "appointment_on_job"}
    shapes = {c["subject"].get("shape") or c["subject"].get("fixed") for c in writes}
    assert {"direct", "after_lookup", "after_two_lookups", "after_detour", "two_writes", "time", "day", "job", "note", "stage"} <= shapes, shapes


def test_writes_cover_what_reps_say() -> None:
    writes = [c for c in CONVERSATIONS if c["category"] == "write"]
    # every way of naming the job, with every kind of write
    styles = {(c["subject"]["ref_style"], c["subject"]["kind"]) for c in writes if c["subject"].get("shape") == "direct"}
    assert {s for s, _k in styles} == set(build_dev7.REF_STYLES), set(build_dev7.REF_STYLES) - {s for s, _k in styles}
    # every way of typing a day and a time, every stage reached, many ways of saying yes and no
    typed = " || ".join(t["text"] for c in writes for t in c["turns"])
    assert all(when in typed for when, _start in build_dev7.WHEN_TYPED), [w for w, _s in build_dev7.WHEN_TYPED if w not in typed]
    stages = {k["stage"] for c in writes for k in c["crm_after"] if "stage_of_job" in k}
    assert stages >= {"Lost", "Contract Signed", "Proposal Sent", "Follow Up", "Scheduled", "In Progress", "Completed", "Paid & Closed", "Estimating"}, stages
    assert len({c["turns"][-1]["text"] for c in writes}) >= 25
    assert len({c["subject"]["call_off"] for c in CONVERSATIONS if c["category"] == "called_off"}) >= 20
    notes = [c["turns"][0]["text"] for c in writes if c["subject"].get("shape") == "direct" and c["subject"]["kind"] == "note"]
    for mark in (":", " - ", '"', "fyi", "log that", "jot down", "make a note that"):
        assert any(mark in n for n in notes), mark


