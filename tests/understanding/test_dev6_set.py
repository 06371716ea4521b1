"""The dev6 eval set: rebuilt byte for byte by its generator, every expected fact found in the
demo data (test_dev5_set's grounding checks, which gather test_eval_sets', test_dev3_set's and
test_dev4_set's, plus a markup check of its own), its bookings' times read back from what the
rep typed, and no case text shared with dev, dev2, dev3, dev4, dev5 or held-out. Nothing here
runs Hard-E or looks at its accuracy."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.understanding import grounding
from tests.understanding import test_dev3_set as dev3
from tests.understanding import test_dev5_set as dev5
from tests.understanding import test_eval_sets as base
from tests.understanding.eval import build_dev6

EVAL = base.EVAL
FILES = ["dev6/questions.jsonl", "dev6/conversations.jsonl"]
CASES = {name: base.load(name) for name in FILES}
ALL = [c for cases in CASES.values() for c in cases]
HELDOUT_CUSTOMERS = build_dev6.be.HELDOUT_CUSTOMERS


def test_the_generator_rebuilds_the_committed_files(tmp_path: Path) -> None:
    grounding.assert_rebuilt(build_dev6.build, build_dev6.write, FILES, tmp_path)


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


@pytest.mark.parametrize("name", FILES)
def test_every_expected_fact_is_in_the_data(name: str) -> None:
    grounding.assert_grounded(CASES[name], problems_of)


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


def test_subjects_are_dev_customers() -> None:
    """Held-out customers are never what a dev6 case is about; they only appear as the other
    people with a shared name in a clarification."""
    grounding.assert_about_dev_customers(ALL, HELDOUT_CUSTOMERS, writes=False)


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


def test_dev6_shares_no_case_text_with_an_earlier_set() -> None:
    """No turn of three words or more, and no first turn, is in dev, dev2, dev3, dev4 or dev5."""
    grounding.assert_shares_no_text(ALL, ["dev", "dev2", "dev3", "dev4", "dev5"])


def test_dev6_shares_no_case_text_with_heldout() -> None:
    """As above, with held-out: the texts are compared, never shown; only dev6's own case ids
    are reported."""
    grounding.assert_shares_no_text(ALL, ["heldout"])


def test_dev6_phrasings_are_its_own() -> None:
    """No phrasing of dev6 (template or question) is one of build_eval's or build_dev2's to
    build_dev5's; the key phrases copied from a document are not phrasings."""
    from tests.understanding.eval import build_dev2, build_dev3, build_dev4, build_dev5, build_eval

    ours = dev3._phrasings(build_dev6)
    assert len(ours) > 250
    key_phrases = {str(phrase).lower() for _doc, _q, phrase, *_ in build_dev6.PLAYBOOK if phrase}
    key_phrases |= {str(p).lower() for _t, _ref, p in build_dev6.DETOURS if p}
    key_phrases |= set(build_eval.WRITE_CLAIMS)
    # the values a call figure filters on are the transcripts' words ("Spouse on FaceTime"), not phrasings
    key_phrases |= {str(v).lower() for _q, _m, where in build_dev6.CALL_FIGURES for v in where.values()}
    earlier = dev3._phrasings(build_eval) | dev3._phrasings(build_dev2) | dev3._phrasings(build_dev3) | dev3._phrasings(build_dev4) | dev3._phrasings(build_dev5)
    shared = (ours - key_phrases) & earlier
    assert not shared, sorted(shared)
