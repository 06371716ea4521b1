"""Checks of heldout2, the second held-out set (tests/understanding/eval/build_heldout2.py): the
generator rebuilds the committed files byte for byte, every expected fact is in the demo data,
every case is about held-out customers (dev customers only as the other people of a shared
name in a clarification), no case text is shared with a dev set or with heldout, no phrasing is
an earlier builder's, the cases are well formed, and the booking times read back with
test_dev_sets' reader. The checks are test_dev_sets', run on heldout2 with its own weights.
Nothing here runs Hard-E or looks at its accuracy, and nothing prints a case's text: only ids
are reported."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from tests.understanding import grounding
from tests.understanding import test_dev_sets as tds
from tests.understanding import test_eval_sets as base
from tests.understanding.eval import build_eval
from tests.understanding.eval import build_heldout2 as b

Case = dict[str, Any]
NAME = "heldout2"
# heldout2's own ways of naming a job, and the test_dev8_set style each is checked as
CHECKED_AS = {"last_trade_one": "last_trade", "trade_town_way": "town"}
# every dev set's directory, whichever sets there are
DEV_SPLITS = sorted(p.name for p in base.EVAL.iterdir() if p.is_dir() and p.name.startswith("dev"))
EARLIER_BUILDERS = ["dev", *(s for s in DEV_SPLITS if s != "dev")]
# no held-out job is Completed, so none moves to Paid & Closed
STAGES = {"Lost", "Contract Signed", "Proposal Sent", "Follow Up", "Scheduled", "In Progress", "Completed", "Estimating"}


def problems_of(c: Case) -> list[str]:
    """test_dev_sets' grounding checks; heldout2's own job names checked as the test_dev8_set
    styles they are made like."""
    if c["subject"].get("ref_style") in CHECKED_AS:
        c = copy.deepcopy(c)
        c["subject"]["ref_style"] = CHECKED_AS[c["subject"]["ref_style"]]
    return tds.problems_of(c)


S = tds.DevSet(
    NAME, problems_of, not_about=build_eval.ADDED_LATER,
    weights=tds.Weights((75, 90), (100, 120), (0.5, 0.62), 20, 15, 20, 15, 24, ("in the notes", "note it", "as a note", "note pls"), b.OWN_STYLES),
)
HELDOUT = build_eval.HELDOUT_CUSTOMERS
DEV = frozenset(base.CUSTOMERS) - HELDOUT


def _about(c: Case) -> set[int]:
    """The customers a case is about: its subject's customers and jobs' customers, and those of
    the jobs its checks write on."""
    s = c["subject"]
    about = {s[k] for k in ("customer_id", "other_customer_id", "chosen") if isinstance(s.get(k), int)}
    about |= {base.JOBS[s[k]]["customer_id"] for k in ("job_id", "other_job_id", "chosen_job") if isinstance(s.get(k), int)}
    about |= {base.JOBS[j]["customer_id"] for j in s.get("job_ids") or [] if c["category"] not in ("crm.rep_jobs", "crm.stage_jobs")}
    about |= {base.JOBS[k[n]]["customer_id"] for k in c["crm_after"] for n in ("note_on_job", "stage_of_job", "appointment_on_job") if n in k}
    if c["category"] == "clarify" and "customer_ids" in s and s.get("chosen") is None:
        about |= set(s["customer_ids"])  # a choice by position: every option is checked
    return about


def test_the_generator_rebuilds_the_committed_files(tmp_path: Path) -> None:
    grounding.assert_rebuilt(b.build, b.write, S.files, tmp_path)


def test_every_expected_fact_is_in_the_data() -> None:
    for name in S.files:
        grounding.assert_grounded(base.load(name), problems_of)


def test_subjects_are_heldout_customers() -> None:
    """No dev customer (nor one added after the split) is what a case is about, nor whose phone
    or email a turn expects; every case about a customer is about a held-out one; a choice by
    position checks held-out customers alone."""
    grounding.assert_about_dev_customers(S.all, DEV | build_eval.ADDED_LATER)
    people = [c for c in S.all if c["category"] not in ("crm.calendar", "crm.rep_jobs", "crm.stage_jobs", "knowledge", "analysis", "pricing", "web_search", "new_clients", "bad_input")]
    assert people
    for c in people:
        assert _about(c) and _about(c) <= HELDOUT, c["id"]
    for c in S.all:
        if c["category"] == "clarify" and "customer_ids" in c["subject"]:
            assert set(c["subject"]["customer_ids"]) & HELDOUT, c["id"]
            if c["subject"]["chosen"] is None:
                assert set(c["subject"]["customer_ids"]) <= HELDOUT, c["id"]


def test_shares_no_case_text_with_a_dev_set() -> None:
    """No turn of three words or more, and no first turn, is in a dev set: compared, never shown."""
    assert len(DEV_SPLITS) >= 18
    grounding.assert_shares_no_text(S.all, DEV_SPLITS)


def test_shares_no_case_text_with_heldout() -> None:
    grounding.assert_shares_no_text(S.all, ["heldout"])


def test_phrasings_are_its_own() -> None:
    """No phrasing of heldout2 (template or question) is one of build_eval's or a dev builder's;
    the key phrases copied from a document or a call, and what an answer must not say, are not
    phrasings."""
    ours = grounding.phrasings(b)
    assert len(ours) > 200
    key = tds.key_phrases(b, S.key_tables) | set(build_eval.WRITE_CLAIMS)
    earlier = set().union(*(grounding.phrasings(tds.builder(n)) for n in EARLIER_BUILDERS))
    shared = (ours - key) & earlier
    assert not shared, len(shared)


def test_cases_are_well_formed() -> None:
    tds.test_cases_are_well_formed(S)


def test_the_reader_reads_the_booking_times() -> None:
    tds.test_the_reader_reads_the_booking_times(S)
    for when, start in b.WHEN_TYPED:
        assert tds.booked_start(f"book job 1042 for a visit {when}") == dt.datetime.fromisoformat(start), when


def test_no_stray_hour_next_to_a_booking_time() -> None:
    tds.test_no_stray_hour_next_to_a_booking_time(S)


def test_the_checks_catch_a_wrong_fact() -> None:
    tds.test_the_checks_catch_a_wrong_fact(S)


def test_the_weight_is_where_it_was_asked() -> None:
    tds.test_the_weight_is_where_it_was_asked(S)


def test_clarifications_are_answered_every_way() -> None:
    tds.test_clarifications_are_answered_every_way(S)


def test_writes_cover_what_reps_say() -> None:
    """test_dev_sets' check, but for the stages: every stage a held-out job can reach."""
    w = S.weights
    assert w is not None
    writes = [c for c in S.conversations if c["category"] == "write"]
    offs = [c for c in S.conversations if c["category"] == "called_off"]
    styles = {c["subject"]["ref_style"] for c in writes if c["subject"].get("shape") == "direct"}
    assert styles == set(b.REF_STYLES), set(b.REF_STYLES) - styles
    typed = " || ".join(t["text"] for c in [*writes, *offs] for t in c["turns"])
    assert all(when in typed for when, _start in b.WHEN_TYPED), sum(when not in typed for when, _start in b.WHEN_TYPED)
    stages = {k["stage"] for c in writes for k in c["crm_after"] if "stage_of_job" in k}
    assert stages == STAGES, STAGES ^ stages
    assert len({c["turns"][-1]["text"] for c in writes}) >= 25
    assert len({c["subject"]["call_off"] for c in offs if c["subject"]["shape"] != "new_request"}) >= w.call_offs_said
    assert {c["subject"]["kind"] for c in offs} == {"note", "stage", "book", "move"}
    assert {c["subject"]["reply"] for c in writes if "reply" in c["subject"]} == {"trade", "number", "stage"}
    notes = [c["turns"][0]["text"] for c in writes if c["subject"].get("shape") == "direct" and c["subject"]["kind"] == "note"]
    for mark in w.note_marks:
        assert any(mark in n for n in notes), mark
