"""The dev11 eval set: rebuilt byte for byte by its generator, every expected fact found in the
demo data (test_dev9_set's grounding checks, which gather the earlier sets', with the bookings
read by test_dev10_set's reader of the times reps type: "wed 11/25 10:30am", "day after tmrw
11am", "12/2 at three in the afternoon", "10 am on 12/9"), writes called off with a later "yes"
that writes nothing, and no case text shared with dev, dev2 .. dev10 or held-out. Nothing here
runs Hard-E or looks at its accuracy."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from tests.understanding import grounding
from tests.understanding import test_dev3_set as dev3
from tests.understanding import test_dev7_set as dev7
from tests.understanding import test_dev9_set as dev9
from tests.understanding import test_eval_sets as base
from tests.understanding.eval import build_dev11

FILES = ["dev11/questions.jsonl", "dev11/conversations.jsonl"]
CASES = {name: base.load(name) for name in FILES}
QUESTIONS = CASES["dev11/questions.jsonl"]
CONVERSATIONS = CASES["dev11/conversations.jsonl"]
ALL = [*QUESTIONS, *CONVERSATIONS]
HELDOUT_CUSTOMERS = build_dev11.be.HELDOUT_CUSTOMERS
EARLIER = ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10"]


def test_the_generator_rebuilds_the_committed_files(tmp_path: Path) -> None:
    grounding.assert_rebuilt(build_dev11.build, build_dev11.write, FILES, tmp_path)


# --- reading the days and times a rep types (test_dev10_set's reader, dev11's forms) --------

MONDAY = dev7.MONDAY
HOURS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
MINUTES = {"fifteen": 15, "thirty": 30, "forty five": 45}
_SPOKEN = r"\b(" + "|".join(HOURS) + r")(?:\s+(fifteen|thirty|forty five))?\b"


def days_named(text: str) -> set[dt.date]:
    """test_dev9_set's days, and "day after tomorrow" (Wednesday), "two weeks from today"."""
    t = text.lower()
    after = re.search(r"\bday after (?:tmrw|tomorrow)\b", t)
    weeks = re.search(r"\b(two|2) weeks from today\b", t)
    if after:
        t = t.replace(after.group(), " ")
    if weeks:
        t = t.replace(weeks.group(), " ")
    days = dev9.days_named(t)
    if after:
        days.add(MONDAY + dt.timedelta(days=2))
    if weeks:
        days.add(MONDAY + dt.timedelta(days=14))
    return days


def time_named(text: str) -> dt.time | None:
    """test_dev9_set's times, and the hours said in words ("at ten", "ten am", "at eleven thirty",
    "two in the afternoon"), "at 9 in the morning", "2 o clock"."""
    t = text.lower()
    for m in re.finditer(_SPOKEN, t):
        before, after = t[: m.start()].rstrip(), t[m.end():].lstrip()
        said = re.match(r"(am|pm|a\.m\.|p\.m\.|in the morning|in the afternoon)\b", after)
        if not (said or re.search(r"(?:\bat|@)$", before)):
            continue
        hour, minute = HOURS.index(m.group(1)) + 1, MINUTES.get(m.group(2) or "", 0)
        ampm = None if not said else ("am" if said.group(1).startswith(("a", "in the m")) else "pm")
        return dt.time(dev7._hour(hour, ampm), minute)
    if m := re.search(r"(?<![\d:/-])(\d{1,2})\s+o\s?clock\b", t):
        return dt.time(dev7._hour(int(m.group(1)), None), 0)
    return dev9.time_named(t)


def booked_start(text: str) -> dt.datetime | None:
    when, days = time_named(text), days_named(text)
    return dt.datetime.combine(next(iter(days)), when) if when is not None and len(days) == 1 else None


def test_the_reader_reads_dev11s_booking_times() -> None:
    for when, start in build_dev11.WHEN_TYPED:
        assert booked_start(f"book 2611-1047 an inspection {when}") == dt.datetime.fromisoformat(start), when
    for fix, said, hhmm in build_dev11.TIME_FIXES:
        text = fix.format(t=said)
        assert time_named(text) == dt.time.fromisoformat(hhmm) and not days_named(text), text
    for fix, said, day in build_dev11.DAY_FIXES:
        text = fix.format(t=said)
        assert days_named(text) == {dt.date.fromisoformat(day)} and time_named(text) is None, text
    quiet = [*build_dev11.NOTE_LINES, *(t for t, _r, _p in build_dev11.DETOURS), *build_dev11.YESES, *build_dev11.CALL_OFFS, *build_dev11.STRAYS, *build_dev11.LOOKUP, *build_dev11.BACK_TO]
    quiet += [t for ts in build_dev11.SECOND.values() for t in ts]
    for text in quiet:
        assert not days_named(text) and time_named(text) is None, text


# --- every expected fact is in the data ---------------------------------------------------------


def booking_problems(c: dict[str, Any], check: dict[str, Any]) -> list[str]:
    """test_dev9_set's booking check, read with the dev10 reader."""

    def correction_problems(c: dict[str, Any], start: dt.datetime, named: list[grounding.Named], moved: bool) -> list[str]:
        if not moved:
            return []
        kind = c["subject"]["fixed"]
        fix_days, fix_time = named[1][1], named[1][2]
        problems = []
        if (kind == "time") != (fix_time is not None) or (kind == "day") != bool(fix_days):
            problems.append(f"the correction {named[1][0]!r} does not move the {kind} alone")
        if dt.datetime.fromisoformat(c["subject"]["said_start"]) == start:
            problems.append("the correction moves nothing")
        return problems

    return grounding.booking_problems(c, check, days_named=days_named, time_named=time_named, moved_by="fixed", busy=dev7._busy, then=correction_problems)


def problems_of(c: dict[str, Any]) -> list[str]:
    """test_dev9_set's grounding checks without the bookings (read here with the dev10 reader)."""
    rest = copy.deepcopy(c)
    bookings = [check for check in c["crm_after"] if "appointment_on_job" in check]
    # each booking stands in as an "unchanged" check, which the earlier sets' checks pass over
    rest["crm_after"] = [check if "appointment_on_job" not in check else {"unchanged": True} for check in c["crm_after"]]
    problems = dev9.problems_of(rest)
    for check in bookings:
        problems.extend(booking_problems(c, check))
    return problems


@pytest.mark.parametrize("name", FILES)
def test_every_expected_fact_is_in_the_data(name: str) -> None:
    grounding.assert_grounded(CASES[name], problems_of)


def _first(cat: str, where: Any) -> dict[str, Any]:
    return copy.deepcopy(next(x for x in ALL if x["category"] == cat and where(x)))


def test_the_checks_catch_a_wrong_fact() -> None:
    tampers = [t for t in grounding.FACT_TAMPERS if t[0] != "pricing" or t[1] in ("money", "percent")]
    tampered = grounding.tampered_facts(ALL, tampers)
    tampered.append(grounding.with_wrong_middle(next(x for x in CONVERSATIONS if x["category"] == "write" and x["subject"].get("middle") and x["subject"]["phrase"][0]), "knowledge", "contains", ["a phrase of no document"]))
    tampered.append(grounding.with_wrong_middle(next(x for x in CONVERSATIONS if x["category"] == "topic_switch" and x["subject"]["middle"][0] in base.CATALOG), "pricing", "money", 1.0))
    # a job named by something that is not its own
    for style in ("num", "town", "last_trade", "jobword", "job_hash"):
        named = _first("write", lambda x, style=style: x["subject"].get("ref_style") == style)
        wrong = next(j for j in sorted(base.JOBS) if not base.JOBS[j]["archived"] and j != named["subject"]["job_id"])
        key = next(k for k in named["crm_after"][0] if k.endswith("_job"))
        named["crm_after"][0][key] = wrong
        named["subject"]["job_id"] = wrong
        tampered.append(named)
    # writes
    note = _first("write", lambda x: "note_on_job" in x["crm_after"][0])
    note["crm_after"][0]["contains"] = "a note nobody typed"
    tampered.append(note)
    stage = _first("write", lambda x: "stage_of_job" in x["crm_after"][0])
    stage["crm_after"][0]["stage"] = base.STAGES[base.JOBS[stage["crm_after"][0]["stage_of_job"]]["stage_code"]]
    tampered.append(stage)
    for fixed in ("job", "note", "stage"):
        c = _first("write", lambda x, fixed=fixed: x["subject"].get("fixed") == fixed)
        if fixed == "job":
            c["crm_after"][0]["note_on_job"] = c["subject"]["other_job_id"]
        elif fixed == "note":
            c["crm_after"][0]["contains"] = c["subject"]["said_first"]
        else:
            c["crm_after"][0]["stage"] = "Lost" if c["crm_after"][0]["stage"] != "Lost" else "Proposal Sent"
        tampered.append(c)
    for fixed in ("time", "day"):
        c = _first("write", lambda x, fixed=fixed: x["subject"].get("fixed") == fixed)
        c["crm_after"][0]["start"] = c["subject"]["said_start"]
        tampered.append(c)
    # a clarification by town, the chosen customer swapped; a visit moved: another job's appointment
    town = _first("clarify", lambda x: "town" in x["subject"].get("reply", {}))
    town["subject"]["chosen"] = next(cid for cid in town["subject"]["customer_ids"] if cid != town["subject"]["chosen"])
    tampered.append(town)
    moved = _first("called_off", lambda x: x["subject"].get("kind") == "move")
    moved["subject"]["appointment_id"] = next(a["id"] for a in base.SEED["appointments"] if moved["subject"]["job_id"] not in a["job_ids"])
    tampered.append(moved)
    new = _first("called_off", lambda x: x["subject"].get("shape") == "new_request")
    new["subject"]["other_job_id"] = new["subject"]["job_id"]
    tampered.append(new)
    bookings = [x for x in CONVERSATIONS if x["category"] == "write" and any("appointment_on_job" in k for k in x["crm_after"])]
    assert len(bookings) >= 12
    tampered += grounding.shifted_bookings(bookings, (dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=15)))
    grounding.assert_caught(tampered, problems_of)


# --- subjects, shape, weight, and apart from the other sets ------------------------------------------


def test_subjects_are_dev_customers() -> None:
    """Held-out customers are never what a dev11 case is about; they only appear as the other
    people with a shared name in a clarification (never as an option a choice checks), and Sarah
    Johnson, added after the split, is no subject either."""
    grounding.assert_about_dev_customers(ALL, HELDOUT_CUSTOMERS | build_dev11.be.ADDED_LATER)
    for c in ALL:
        if c["category"] == "clarify" and "customer_ids" in c["subject"] and c["subject"]["chosen"] is None:
            assert not set(c["subject"]["customer_ids"]) & HELDOUT_CUSTOMERS, c["id"]


def test_cases_are_well_formed() -> None:
    grounding.assert_well_formed("dev11", QUESTIONS, CONVERSATIONS, questions_write=False)
    yeses = set(build_dev11.YESES)
    assert not yeses & {*build_dev11.CALL_OFFS, *build_dev11.STRAYS}
    for c in ALL:
        texts = [t["text"] for t in c["turns"]]
        if c["category"] == "called_off":
            s = c["subject"]
            assert c["crm_after"] == [{"unchanged": True}], c["id"]
            assert s["call_off"] in texts, c["id"]
            at = texts.index(s["call_off"])
            if s["shape"] == "new_request":
                assert at == 1 and c["turns"][1]["expect"].get("agent") == "crm", c["id"]
                after = c["turns"][2:]
            else:
                assert s["call_off"] in build_dev11.CALL_OFFS and not any(t in yeses for t in texts[:at]), c["id"]
                after = c["turns"][at:]
            assert all(t["expect"].get("not_contains") == build_dev11.WRITE_CLAIMS for t in after), c["id"]
            # a yes after the write was called off, and only there
            assert (texts[-1] in yeses) == (s["shape"] != "off") and sum(t in yeses for t in texts) == (s["shape"] != "off"), c["id"]
        if c["category"] == "write":
            assert c["crm_after"] and texts[-1] in yeses, c["id"]
            assert sum(t in yeses for t in texts) == len(c["crm_after"]), c["id"]
        if c["category"] in ("followup", "clarify", "topic_switch"):
            assert not c["crm_after"], c["id"]


def test_the_weight_is_where_it_was_asked() -> None:
    counts: dict[str, int] = {}
    for c in ALL:
        counts[c["category"]] = counts.get(c["category"], 0) + 1
    assert 110 <= len(QUESTIONS) <= 130 and 75 <= len(CONVERSATIONS) <= 90, (len(QUESTIONS), len(CONVERSATIONS))
    assert all(counts[cat] >= 3 for cat in (*base.QUESTION_CATEGORIES, *base.CONVERSATION_CATEGORIES)), counts
    assert 0.4 * len(CONVERSATIONS) <= counts["write"] <= 0.55 * len(CONVERSATIONS) and counts["called_off"] >= 20, counts
    writes = [c for c in CONVERSATIONS if c["category"] == "write"]
    kinds = {k: sum(any(k in check for check in c["crm_after"]) for c in writes) for k in ("note_on_job", "stage_of_job", "appointment_on_job")}
    assert min(kinds.values()) >= 10, kinds
    shapes = {c["subject"].get("shape") or c["subject"].get("fixed") or "which" for c in writes}
    assert {"direct", "after_lookup", "after_two_lookups", "after_detour", "two_writes", "which", "time", "day", "job", "note", "stage"} <= shapes, shapes
    offs = [c for c in CONVERSATIONS if c["category"] == "called_off"]
    assert sum(c["subject"]["shape"] != "off" for c in offs) >= 20 and sum(c["subject"]["shape"] == "new_request" for c in offs) >= 4
    # the single questions: every field, the calendar every way
    fields = {c["subject"].get("field") for c in QUESTIONS if c["category"] in ("crm.contact", "crm.money")}
    assert {"phone", "email", "address", "home", "balance", "deposit", "contract", "proposal"} <= fields, fields
    calendar = [c["subject"] for c in QUESTIONS if c["category"] == "crm.calendar"]
    assert sum(s["from"] != s["to"] for s in calendar) >= 3 and sum(s["user_id"] is not None for s in calendar) >= 3 and sum("title_has" in s for s in calendar) >= 2


def test_writes_cover_what_reps_say() -> None:
    writes = [c for c in CONVERSATIONS if c["category"] == "write"]
    offs = [c for c in CONVERSATIONS if c["category"] == "called_off"]
    # every way of naming the job
    styles = {c["subject"]["ref_style"] for c in writes if c["subject"].get("shape") == "direct"}
    assert styles == set(build_dev11.REF_STYLES), set(build_dev11.REF_STYLES) - styles
    # every way of typing a day and a time, in a write that is saved or called off
    typed = " || ".join(t["text"] for c in [*writes, *offs] for t in c["turns"])
    assert all(when in typed for when, _start in build_dev11.WHEN_TYPED), [w for w, _s in build_dev11.WHEN_TYPED if w not in typed]
    # every stage reached, many ways of saying yes and no
    stages = {k["stage"] for c in writes for k in c["crm_after"] if "stage_of_job" in k}
    assert stages >= {"Lost", "Contract Signed", "Proposal Sent", "Follow Up", "Scheduled", "In Progress", "Completed", "Paid & Closed", "Estimating"}, stages
    assert len({c["turns"][-1]["text"] for c in writes}) >= 25
    assert len({c["subject"]["call_off"] for c in offs if c["subject"]["shape"] != "new_request"}) >= 16
    assert {c["subject"]["kind"] for c in offs} == {"note", "stage", "book", "move"}
    assert {c["subject"]["reply"] for c in writes if "reply" in c["subject"]} == {"trade", "number", "stage"}
    notes = [c["turns"][0]["text"] for c in writes if c["subject"].get("shape") == "direct" and c["subject"]["kind"] == "note"]
    for mark in ("new note", "as a note", "pls note", "jot down"):
        assert any(mark in n for n in notes), mark


def test_clarifications_are_answered_every_way() -> None:
    ways = set()
    for c in (x for x in CONVERSATIONS if x["category"] == "clarify"):
        s = c["subject"]
        if "choice" in c["turns"][-1]["expect"]:
            ways.add("position")
        elif "reply" in s:
            ways.update(s["reply"])
        elif "chosen_job" in s:
            ways.add("number")
        elif "customer_ids" in s:
            chosen = base.CUSTOMERS[s["chosen"]]
            ways.add("first" if c["turns"][1]["text"] == chosen["first_name"].lower() else "last")
    assert {"position", "trade", "town", "first", "last", "number"} <= ways, ways
    follow = [c for c in CONVERSATIONS if c["category"] == "followup"]
    assert sum("other_job_id" in c["subject"] for c in follow) >= 4


def test_no_stray_hour_next_to_a_booking_time() -> None:
    """A turn that says a day and a time (or moves one) has no other bare number a reader could
    take for the hour ("in 4 a walkthrough" for "in for a walkthrough")."""
    said = sorted([w for w, _s in build_dev11.WHEN_TYPED] + [t for _f, t, _h in build_dev11.TIME_FIXES] + [t for _f, t, _d in build_dev11.DAY_FIXES], key=len, reverse=True)
    for c in CONVERSATIONS:
        for t in c["turns"]:
            text = t["text"].lower()
            if not any(w in text for w in said):
                continue
            for w in said:
                text = text.replace(w, " ")
            text = re.sub(r"#?\d{4}|\d{4}-\d{4}", " ", text)
            assert not re.search(r"(?<![\w/:@#-])\d{1,2}(?![\w/:])", text), (c["id"], t["text"])


def test_dev11_shares_no_case_text_with_an_earlier_set() -> None:
    """No turn of three words or more, and no first turn, is in dev, dev2 .. dev10."""
    grounding.assert_shares_no_text(ALL, EARLIER)


def test_dev11_shares_no_case_text_with_heldout() -> None:
    """As above, with held-out: the texts are compared, never shown; only dev11's own case ids
    are reported."""
    grounding.assert_shares_no_text(ALL, ["heldout"])


def test_dev11_phrasings_are_its_own() -> None:
    """No phrasing of dev11 (template or question) is one of build_eval's or build_dev2's to
    build_dev10's; the key phrases copied from a document are not phrasings."""
    from tests.understanding.eval import (
        build_dev2,
        build_dev3,
        build_dev4,
        build_dev5,
        build_dev6,
        build_dev7,
        build_dev8,
        build_dev9,
        build_dev10,
        build_eval,
    )

    ours = dev3._phrasings(build_dev11)
    assert len(ours) > 200
    key_phrases = {str(phrase).lower() for _doc, _q, phrase in build_dev11.PLAYBOOK}
    key_phrases |= {str(p).lower() for _t, _ref, p in build_dev11.DETOURS if p}
    key_phrases |= set(build_eval.WRITE_CLAIMS)
    key_phrases |= {str(v).lower() for _q, _m, where in build_dev11.CALL_FIGURES for v in where.values()}
    earlier = set().union(*(dev3._phrasings(m) for m in (build_eval, build_dev2, build_dev3, build_dev4, build_dev5, build_dev6, build_dev7, build_dev8, build_dev9, build_dev10)))
    shared = (ours - key_phrases) & earlier
    assert not shared, sorted(shared)
