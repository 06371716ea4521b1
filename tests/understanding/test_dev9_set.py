"""The dev9 eval set: rebuilt byte for byte by its generator, every expected fact found in the
demo data (test_dev8_set's grounding checks, which gather the earlier sets', with the bookings
read by dev9's own reader of the times reps type: "quarter past 9", "half past 2", "3 oclock",
"11/30 1400", "dec 1st 9", "the 8th at noon", "a week from friday at 3"; and the job numbers
typed "job 1042" and "job #1042"), writes called off with a later "yes" that writes nothing, and
no case text shared with dev, dev2 .. dev8 or held-out. Nothing here runs Hard-E or looks at its
accuracy.
(test_dev_sets.py runs, with this file's problems_of, the checks every set has.)"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from tests.understanding import grounding
from tests.understanding import test_dev7_set as dev7
from tests.understanding import test_dev8_set as dev8
from tests.understanding import test_eval_sets as base
from tests.understanding.eval import build_dev9

FILES = ["dev9/questions.jsonl", "dev9/conversations.jsonl"]
CASES = {name: base.load(name) for name in FILES}
QUESTIONS = CASES["dev9/questions.jsonl"]
CONVERSATIONS = CASES["dev9/conversations.jsonl"]
ALL = [*QUESTIONS, *CONVERSATIONS]
OWN_NUMBER_STYLES = {"jobword": "job {jid}", "job_hash": "job #{jid}"}


# --- reading the days and times a rep types (test_dev7_set's reader, and dev9's forms) ---------


def days_named(text: str) -> set[dt.date]:
    """test_dev7_set's days, and "a week from friday" (that weekday's date, a week on)."""
    t = text.lower()
    days = dev7.days_named(t)
    m = re.search(r"\ba week from (\w+)", t)
    if m:
        (day,) = dev7.days_named(m.group(1))
        days = (days - {day}) | {day + dt.timedelta(days=7)}
    return days


def _clock(h: int, minute: int = 0) -> dt.time:
    return dt.time(dev7._hour(h, None), minute)


def time_named(text: str) -> dt.time | None:
    """test_dev7_set's times, and "quarter past 9", "half past 2", "quarter to 4", "3 oclock",
    "11/30 1400" (a date, then the time on the 24-hour clock), "dec 1st 9" (a date, then the hour)."""
    t = text.lower()
    if m := re.search(r"\bquarter past (\d{1,2})\b", t):
        return _clock(int(m.group(1)), 15)
    if m := re.search(r"\bhalf past (\d{1,2})\b", t):
        return _clock(int(m.group(1)), 30)
    if m := re.search(r"\bquarter to (\d{1,2})\b", t):
        return _clock(int(m.group(1)) - 1, 45)
    if m := re.search(r"(?<![\d:/-])(\d{1,2})\s*o'?clock\b", t):
        return _clock(int(m.group(1)))
    if m := re.search(r"(?<![\d-])\d{1,2}/\d{1,2}\s+([01]\d|2[0-3])([0-5]\d)\b", t):
        return dt.time(int(m.group(1)), int(m.group(2)))
    if m := re.search(r"\b(?:nov|dec)\w*\s+\d{1,2}(?:st|nd|rd|th)?\s+(\d{1,2})\b(?![/\d:])", t):
        return _clock(int(m.group(1)))
    return dev7.time_named(t)


def booked_start(text: str) -> dt.datetime | None:
    when, days = time_named(text), days_named(text)
    return dt.datetime.combine(next(iter(days)), when) if when is not None and len(days) == 1 else None


def test_the_reader_reads_dev9s_booking_times() -> None:
    for when, start in build_dev9.WHEN_TYPED:
        assert booked_start(f"book 2611-1047 an inspection {when}") == dt.datetime.fromisoformat(start), when
    for fix, said, hhmm in build_dev9.TIME_FIXES:
        text = fix.format(t=said)
        assert time_named(text) == dt.time.fromisoformat(hhmm) and not days_named(text), text
    for fix, said, day in build_dev9.DAY_FIXES:
        text = fix.format(t=said)
        assert days_named(text) == {dt.date.fromisoformat(day)} and time_named(text) is None, text
    quiet = [*build_dev9.NOTE_LINES, *(t for t, _r, _p in build_dev9.DETOURS), *build_dev9.YESES, *build_dev9.CALL_OFFS, *build_dev9.STRAYS, *build_dev9.LOOKUP, *build_dev9.BACK_TO]
    quiet += [t for ts in build_dev9.SECOND.values() for t in ts]
    for text in quiet:
        assert not days_named(text) and time_named(text) is None, text


# --- every expected fact is in the data ---------------------------------------------------------


def booking_problems(c: dict[str, Any], check: dict[str, Any]) -> list[str]:
    """The booking's start is what the rep typed (grounding.booking_problems, read with dev9's
    reader, moved by the subject's "fixed"), the job and its rep free then; a correction moves the
    time or the day alone, and moves it."""

    return grounding.booking_problems(c, check, days_named=days_named, time_named=time_named, moved_by="fixed", busy=dev7._busy, then=grounding.corrected_alone)


def own_ref_problems(c: dict[str, Any]) -> list[str]:
    """A job named "job 1042" or "job #1042": the number is the job's and it is in the request."""
    s = c["subject"]
    ref = OWN_NUMBER_STYLES[s["ref_style"]].format(jid=s["job_id"])
    if s["ref"] != ref or dev8._lower(ref) not in dev8._lower(c["turns"][0]["text"]):
        return [f"{s['ref']!r} is not {ref!r} in the request"]
    return []


def problems_of(c: dict[str, Any]) -> list[str]:
    """test_dev8_set's grounding checks without the bookings (read here with dev9's reader), and
    the two ways of typing a job number dev8 does not have."""
    rest = copy.deepcopy(c)
    bookings = [check for check in c["crm_after"] if "appointment_on_job" in check]
    # each booking stands in as an "unchanged" check, which the earlier sets' checks pass over
    rest["crm_after"] = [check if "appointment_on_job" not in check else {"unchanged": True} for check in c["crm_after"]]
    problems = []
    if rest["subject"].get("ref_style") in OWN_NUMBER_STYLES:
        problems.extend(own_ref_problems(c))
        rest["subject"].pop("ref_style")
    problems.extend(dev8.problems_of(rest))
    for check in bookings:
        problems.extend(booking_problems(c, check))
    if c["category"] == "called_off" and c["subject"].get("shape") == "new_request":
        other = c["subject"]["other_job_id"]
        if other == c["subject"]["job_id"] or base.JOBS[other]["customer_id"] == base.JOBS[c["subject"]["job_id"]]["customer_id"]:
            problems.append("the new request is about the same customer")
        if str(other) not in c["subject"]["call_off"]:
            problems.append("the new request does not name the other job")
    return problems


def test_the_checks_catch_a_wrong_fact() -> None:
    tampered = grounding.tampered_facts(ALL, [t for t in grounding.FACT_TAMPERS if t[0] != "pricing" or t[1] == "money"])
    tampered.append(grounding.with_wrong_middle(next(x for x in CONVERSATIONS if x["category"] == "write" and x["subject"].get("middle") and x["subject"]["phrase"][0]), "knowledge", "contains", ["a phrase of no document"]))
    # a job named by something that is not its own, writes, writes corrected before the yes
    tampered += grounding.tampered_writes(ALL, ("num", "town", "last_trade", "jobword", "job_hash"), ("job", "note", "stage", "time", "day"))
    # a visit moved: another job's appointment; a new request about the same job
    tampered += grounding.tampered_offs(ALL)
    bookings = [x for x in CONVERSATIONS if x["category"] == "write" and any("appointment_on_job" in k for k in x["crm_after"])]
    assert len(bookings) >= 25
    tampered += grounding.shifted_bookings(bookings, (dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=15)))
    grounding.assert_caught(tampered, problems_of)


# --- subjects, shape, weight, and apart from the other sets ------------------------------------------


def test_the_weight_is_on_writes() -> None:
    counts: dict[str, int] = {}
    for c in ALL:
        counts[c["category"]] = counts.get(c["category"], 0) + 1
    assert 55 <= len(QUESTIONS) <= 70 and 140 <= len(CONVERSATIONS) <= 160, (len(QUESTIONS), len(CONVERSATIONS))
    assert all(counts[cat] >= 2 for cat in (*base.QUESTION_CATEGORIES, *base.CONVERSATION_CATEGORIES)), counts
    assert counts["write"] >= 80 and counts["called_off"] >= 36, counts
    assert counts["write"] + counts["called_off"] >= 0.8 * len(CONVERSATIONS), counts
    writes = [c for c in CONVERSATIONS if c["category"] == "write"]
    kinds = {k: sum(any(k in check for check in c["crm_after"]) for c in writes) for k in ("note_on_job", "stage_of_job", "appointment_on_job")}
    assert min(kinds.values()) >= 20, kinds
    shapes = {c["subject"].get("shape") or c["subject"].get("fixed") or "which" for c in writes}
    assert {"direct", "after_lookup", "after_two_lookups", "after_detour", "two_writes", "which", "time", "day", "job", "note", "stage"} <= shapes, shapes
    offs = [c for c in CONVERSATIONS if c["category"] == "called_off"]
    assert sum(c["subject"]["shape"] != "off" for c in offs) >= 30 and sum(c["subject"]["shape"] == "new_request" for c in offs) >= 4


def test_writes_cover_what_reps_say() -> None:
    writes = [c for c in CONVERSATIONS if c["category"] == "write"]
    offs = [c for c in CONVERSATIONS if c["category"] == "called_off"]
    # every way of naming the job
    styles = {c["subject"]["ref_style"] for c in writes if c["subject"].get("shape") == "direct"}
    assert styles == set(build_dev9.REF_STYLES), set(build_dev9.REF_STYLES) - styles
    # every way of typing a day and a time, in a write that is saved
    typed = " || ".join(t["text"] for c in writes for t in c["turns"])
    assert all(when in typed for when, _start in build_dev9.WHEN_TYPED), [w for w, _s in build_dev9.WHEN_TYPED if w not in typed]
    # every stage reached, many ways of saying yes and no
    stages = {k["stage"] for c in writes for k in c["crm_after"] if "stage_of_job" in k}
    assert stages >= {"Lost", "Contract Signed", "Proposal Sent", "Follow Up", "Scheduled", "In Progress", "Completed", "Paid & Closed", "Estimating"}, stages
    assert len({c["turns"][-1]["text"] for c in writes}) >= 25
    assert len({c["subject"]["call_off"] for c in offs if c["subject"]["shape"] != "new_request"}) >= 20
    assert {c["subject"]["kind"] for c in offs} == {"note", "stage", "book", "move"}
    assert {c["subject"]["reply"] for c in writes if "reply" in c["subject"]} == {"trade", "number", "stage"}
    notes = [c["turns"][0]["text"] for c in writes if c["subject"].get("shape") == "direct" and c["subject"]["kind"] == "note"]
    for mark in (":", " - ", '"', "fyi", "just left", "--"):
        assert any(mark in n for n in notes), mark


