"""The dev6 eval set: rebuilt byte for byte by its generator, every expected fact found in the
demo data (test_dev5_set's grounding checks, which gather test_eval_sets', test_dev3_set's and
test_dev4_set's, plus a markup check of its own), its bookings' times read back from what the
rep typed, and no case text shared with dev, dev2, dev3, dev4, dev5 or held-out. Nothing here
runs Hard-E or looks at its accuracy.
(test_dev_sets.py runs, with this file's problems_of, the checks every set has.)"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from tests.understanding import grounding
from tests.understanding import test_dev5_set as dev5
from tests.understanding import test_eval_sets as base
from tests.understanding.eval import build_dev6

FILES = ["dev6/questions.jsonl", "dev6/conversations.jsonl"]
CASES = {name: base.load(name) for name in FILES}
ALL = [c for cases in CASES.values() for c in cases]


def test_the_reader_reads_dev6s_booking_times() -> None:
    for when, start in build_dev6.WHEN_TYPED:
        got, problems = dev5.booked_start(f"book 1047 an inspection {when}")
        assert got == dt.datetime.fromisoformat(start) and not problems, (when, got, problems)
        assert dev5.days_named(when) == {got.date()} and dev5.time_named(when) == got.time(), when


def problems_of(c: dict[str, Any]) -> list[str]:
    """test_dev5_set's grounding checks; a markup (over cost, where dev3's check knows margin
    over price only) is recomputed here."""
    if (markup := grounding.markup_problems(c)) is not None:
        return markup
    return dev5.problems_of(c)


def test_the_checks_catch_a_wrong_fact() -> None:
    tampered = grounding.tampered_facts(ALL, grounding.FACT_TAMPERS)
    convs = CASES["dev6/conversations.jsonl"]
    middle = grounding.with_wrong_middle(next(x for x in convs if x["category"] == "topic_switch" and any((t.get("expect") or {}).get("agent") == "pricing" for t in x["turns"])), "pricing", "money", 1.0)
    tampered.append(middle)
    note = copy.deepcopy(next(x for x in convs if x["category"] == "write" and "note_on_job" in x["crm_after"][0]))
    note["crm_after"][0]["contains"] = "a note nobody typed"
    tampered.append(note)
    tampered += grounding.shifted_bookings((x for x in convs if x["category"] == "write" and "appointment_on_job" in x["crm_after"][0]), (dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=30)))
    grounding.assert_caught(tampered, problems_of)


def test_cases_are_well_formed() -> None:
    grounding.assert_well_formed("dev6", CASES["dev6/questions.jsonl"], CASES["dev6/conversations.jsonl"], questions_write=False)
    for c in ALL:
        if c["category"] == "called_off":
            assert c["crm_after"] == [{"unchanged": True}], c["id"]
            assert all(t["expect"].get("not_contains") == build_dev6.WRITE_CLAIMS for t in c["turns"][1:]), c["id"]
            assert c["subject"]["call_off"] in build_dev6.CALL_OFFS, c["id"]
        if c["category"] == "write":
            assert c["crm_after"] and c["turns"][-1]["text"] in build_dev6.YESES, c["id"]
        if c["category"] in ("followup", "clarify", "topic_switch"):
            assert not c["crm_after"], c["id"]


def test_single_questions_carry_the_weight() -> None:
    counts: dict[str, int] = {}
    for c in ALL:
        counts[c["category"]] = counts.get(c["category"], 0) + 1
    assert len(CASES["dev6/questions.jsonl"]) >= 260
    assert len(CASES["dev6/conversations.jsonl"]) >= 50
    assert counts["knowledge"] >= 80 and sum(v for k, v in counts.items() if k.startswith("crm.")) >= 90
    assert counts["analysis"] >= 25 and counts["pricing"] >= 25
    assert all(counts[cat] >= 5 for cat in (*base.QUESTION_CATEGORIES, *base.CONVERSATION_CATEGORIES)), counts
    # every document of the knowledge base is asked about, most of them more than once
    docs = {c["subject"]["doc"] for c in ALL if c["category"] == "knowledge"}
    assert docs == set(build_dev6.be.load_data().docs), set(build_dev6.be.load_data().docs) ^ docs


