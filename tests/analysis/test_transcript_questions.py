"""Reading what a question about the director's calls asks, and answering it with computed figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from harde.config import Settings
from harde.knowledge.transcripts import CLOSED, LOST, load_transcripts
from harde.understanding.transcripts import answer_in_words as answer_question
from harde.understanding.transcripts import interpret

TECHNIQUES = [
    "Homeowner walks the inspection", "Good-better-best options", "Silence after the price",
    "Spouse on FaceTime", "Book the follow-up before leaving", "Monthly payment framing",
]


@pytest.mark.parametrize(
    ("question", "measure", "filters"),
    [
        ("Across the director's calls, which objections come up most on siding jobs?", "objections", {"trade": "siding"}),
        ("what pushback do we hear most on window installs", "objections", {"trade": "windows"}),
        ("Top concerns homeowners raise about gutters?", "objections", {"trade": "gutters"}),
        ("In the deals he lost, what objections came up?", "objections", {"outcomes": LOST}),
        ("objections in calls we lost to a competitor", "objections", {"outcomes": ("lost_competitor",)}),
        ("which objections came up in deals lost on price", "objections", {"outcomes": ("lost_price",), "objection": None}),
        ("what's the first-visit close rate by trade?", "close_rate", {"group_by": "trade", "outcomes": None}),
        ("How often does Rachel close on the first visit with roofing?", "close_rate", {"trade": "roofing"}),
        ("win rate for insurance claims", "close_rate", {"situation": "insurance_claim"}),
        ("what's the close rate when there's an HOA", "close_rate", {"situation": "hoa_rules"}),
        ("What percentage of calls closed?", "close_rate", {}),
        ("How does the director handle price objections on roofs?", "examples", {"trade": "roofing", "objection": "price"}),
        ("what does the director say when they want to think it over", "examples", {"objection": "think_it_over"}),
        ("How does the director handle it when the spouse isn't present?", "handling", {"situation": "spouse_not_present"}),
        ("what happens when the wife isn't home", "handling", {"situation": "spouse_not_present"}),
        ("how does he deal with elderly homeowners", "handling", {"situation": "elderly_homeowner"}),
        ("How do we do with customers who already have other quotes?", "handling", {"situation": "has_other_quotes"}),
        ("give me quotes from calls with ice dams", "handling", {"situation": "ice_dams"}),
        ("how long does she spend on rapport?", "phase_timings", {}),
        ("how many minutes on inspection for gutter jobs", "phase_timings", {"trade": "gutters"}),
        ("Which techniques work best?", "techniques", {}),
        ("does good-better-best help close?", "techniques", {"technique": "Good-better-best options"}),
        ("what closes did she use on siding jobs that closed on the first visit", "techniques", {"trade": "siding", "outcomes": ("closed_first_visit",)}),
        ("average deal size by trade", "deal_values", {"group_by": "trade"}),
        ("why do we lose deals", "outcomes", {"outcomes": LOST}),
        ("breakdown of outcomes for siding", "outcomes", {"trade": "siding"}),
        ("what did we win", "outcomes", {"outcomes": CLOSED}),
        ("show me the director's calls", "overview", {}),
        ("walk me through SDC-14", "call", {"call_id": "SDC-014"}),
        ("how many widnow calls did rachel sit in on", "count", {"trade": "windows", "situation": None}),
        ("how many calls were with a widow", "count", {"situation": "elderly_homeowner"}),
        ("close rate when they had a bad contractoor b4", "close_rate", {"situation": "bad_past_contractor"}),
        ("avg closed gutter deal on rachels calls", "deal_values", {"trade": "gutters", "outcomes": CLOSED}),
        ("how many calls did rachhel run w/ no rep along", "count", {"rep": ""}),
        ("how many calls did she do by herself", "count", {"rep": ""}),
        ("avg days to the follow up on the director calls", "outcomes", {"follow_up_days": True, "outcomes": None}),
        ("breakdown of outcomes for siding", "outcomes", {"follow_up_days": False}),
    ],
)
def test_questions_are_read_for_measure_and_filters(question: str, measure: str, filters: dict[str, object]) -> None:
    read = interpret(question, TECHNIQUES)
    assert read.measure == measure, read
    for key, value in filters.items():
        assert getattr(read, key) == value, (key, read)


def test_a_technique_name_in_a_timing_question_does_not_become_the_measure() -> None:
    read = interpret("how long is the inspection when the homeowner goes up the ladder", TECHNIQUES)
    assert read.measure == "phase_timings"


def test_siding_objections_answer_names_its_counts_and_examples(fixture_settings: Settings) -> None:
    calls = load_transcripts(fixture_settings)
    text = answer_question(calls, "Across the director's calls, which objections come up most on siding jobs?")
    assert "computed from 3 of the director's 6 calls (siding calls)" in text
    assert "| Price / too expensive | 2 | 66.7% | 1 of 2 | 1 of 2 |" in text
    assert "| Product doubts | 2 | 66.7% | 2 of 2 | 2 of 2 |" in text
    assert "Director answer price 3." in text  # the resolved price exchange of the closed call
    assert "SDC-003" in text


def test_close_rate_answer_by_trade(fixture_settings: Settings) -> None:
    text = answer_question(load_transcripts(fixture_settings), "first visit close rate by trade")
    assert "Closed on the first visit: 33.3% (2 of 6)" in text
    assert "| Siding | 3 | 33.3% (1 of 3) | 66.7% (2 of 3) |" in text
    assert "| Gutters | 1 | 0% (0 of 1) | 0% (0 of 1) |" in text


def test_spouse_answer_shows_the_situation_figures_and_the_spouse_exchange(fixture_settings: Settings) -> None:
    text = answer_question(load_transcripts(fixture_settings), "How does the director handle it when the spouse isn't present?")
    assert "computed from 2 of the director's 6 calls" in text
    assert "Closed on the first visit: 0% (0 of 2); closed in the end: 50% (1 of 2)" in text
    assert "Homeowner line spouse 3." in text and "Director answer spouse 3." in text


def test_phase_timing_answer(fixture_settings: Settings) -> None:
    text = answer_question(load_transcripts(fixture_settings), "how many minutes per phase?")
    assert "| Rapport | 7.5 |" in text and "| **Whole visit** | **64.2** |" in text


def test_technique_answer_shows_the_association(fixture_settings: Settings) -> None:
    text = answer_question(load_transcripts(fixture_settings), "does good better best help close?")
    assert "| Good-better-best options | 3 (50%) | 66.7% (2 of 3) | 0% (0 of 3) | +66.7 pts |" in text
    assert "not proof" in text


def test_a_question_no_call_matches_says_so(fixture_settings: Settings) -> None:
    text = answer_question(load_transcripts(fixture_settings), "which objections come up on window jobs?")
    assert text.startswith("None of the director's 6 calls match")


def test_a_single_call_is_summarised(fixture_settings: Settings) -> None:
    text = answer_question(load_transcripts(fixture_settings), "show me SDC-004")
    assert "SDC-004" in text and "Other quotes / competitor bid (not resolved)" in text
    assert "There is no call SDC-099" in answer_question(load_transcripts(fixture_settings), "SDC-99")


def test_a_rep_named_filters_to_the_calls_they_were_on(settings: Settings) -> None:
    calls = load_transcripts(settings)
    with_mike = [c for c in calls if c.rep_on_call == "Mike Reed"]
    answer = answer_question(calls, "how many of the director calls was mike reed on")
    assert answer.startswith(f"**{len(with_mike)} of the director's {len(calls)} calls** (with Mike Reed on the call)")
    assert interpret("close rate on the calls kevin was on", reps=["Kevin Shea", "Mike Reed"]).rep == "Kevin Shea"
    assert interpret("close rate overall", reps=["Kevin Shea", "Mike Reed"]).rep is None


def test_calls_are_counted_by_town_state_and_year() -> None:
    from harde.config import Settings
    from harde.services import Services
    from harde.understanding.transcripts import interpret

    calls = Services(Settings(_env_file=None)).transcripts  # type: ignore[call-arg]
    towns = sorted({c.town for c in calls if c.town})
    concord = interpret("how many of director calls were in concord", towns=towns)
    assert concord.town == "Concord"
    assert interpret("how many calls did rachel do up in new hampshire").state == "NH"
    assert interpret("how many of the director calls are from 2025").year == 2025
    expected = sum(c.town == "Concord" for c in calls)
    assert f"**{expected} of the director's {len(calls)} calls** (in Concord)" in answer_question(calls, "how many of director calls were in concord")


@pytest.mark.parametrize(
    ("question", "keep"),
    [
        ("how many calls used the insurance claim walk thorugh", lambda c: "Insurance claim walk-through" in c.techniques),
        ("number of director calls where hoa approval was an objection", lambda c: "hoa_approval" in c.objection_categories()),
        ("how many siding calls had a pice objection", lambda c: c.trade == "siding" and "price" in c.objection_categories()),
        ("how many calls had a spouse objction", lambda c: "spouse" in c.objection_categories()),
        ("how many of the calls were about an agnig system", lambda c: "aging_system" in c.situations),
    ],
)
def test_how_many_calls_counts_them_first_typos_and_all(settings: Settings, question: str, keep: object) -> None:
    calls = load_transcripts(settings)
    expected = sum(bool(keep(c)) for c in calls)  # type: ignore[operator]
    assert answer_question(calls, question).startswith(f"**{expected} of the director's {len(calls)} calls**")


def test_a_short_topic_is_not_read_as_a_long_technique_it_is_part_of() -> None:
    assert interpret("price", ["Silence after the price"]).technique is None
    assert interpret("of rachels window calls what % closd", []).measure == "close_rate"


@pytest.mark.parametrize(
    ("question", "trade"),
    [("fire damage calls, what percentage closed", None), ("% of siding calls that closed on the 1st visit", "siding"), ("window calls close %", "windows")],
)
def test_a_share_that_closed_is_the_close_rate_not_a_filter(question: str, trade: str | None) -> None:
    asked = interpret(question)
    assert asked.measure == "close_rate" and asked.outcomes is None and asked.trade == trade


def test_a_share_of_an_outcome_is_over_every_call_not_only_that_outcome() -> None:
    asked = interpret("what percent of the calls did we lose to a competitor")
    assert asked.measure == "outcomes" and asked.outcomes is None


def test_an_average_closed_deal_is_a_deal_value() -> None:
    assert interpret("kevins avg signed deal").measure == "deal_values"


def test_a_question_that_names_one_call_gets_that_calls_card(fixture_settings: Settings) -> None:
    calls = load_transcripts(fixture_settings)
    alone = [c for c in calls if len(calls.filter(trade=c.trade, town=c.town)) == 1]
    assert alone, "the fixture has a call alone in its town and trade"
    one = alone[0]
    text = answer_question(calls, f"lesson from the {one.town.lower()} {one.trade} call")
    assert text.startswith(f"**{one.id}:") and f"({one.date.isoformat()})" in text, text


def test_how_the_calls_ended_says_how_long_the_follow_ups_took(tmp_path: Path) -> None:
    calls = load_transcripts(Settings(_env_file=None, data_dir=tmp_path, llm="offline", crm="local"))  # type: ignore[call-arg]  # the demo's 90 calls
    waits = [c.follow_up_days for c in calls if c.outcome == "closed_follow_up" and c.follow_up_days is not None]
    assert waits, "the fixture has a call closed on a follow-up"
    text = answer_question(calls, "calls that closed on a follow up, avg days to the follow up")
    assert f"**{sum(waits) / len(waits):.1f} days**" in text, text


def test_a_reps_possessive_typed_a_letter_off_is_that_rep() -> None:
    reps = ["Dana Whitaker", "Kevin Shea", "Mike Reed"]
    assert interpret("daas avg closed deal size on director calls", TECHNIQUES, reps).rep == "Dana Whitaker"
    assert interpret("avg closed deal size on director calls", TECHNIQUES, reps).rep is None


def test_the_follow_up_wait_asked_for_comes_first(tmp_path: Path) -> None:
    calls = load_transcripts(Settings(_env_file=None, data_dir=tmp_path, llm="offline", crm="local"))  # type: ignore[call-arg]
    text = answer_question(calls, "avg days to the follow up on the director calls")
    assert text.index("days** after the first visit") < text.index("| Outcome |"), text
    no_rep = answer_question(calls, "how many calls did rachel run with no rep along")
    solo = sum(1 for c in calls if not c.rep_on_call)
    assert f"**{solo} of the director's {len(calls)} calls** (with no rep on the call)" in no_rep, no_rep


def test_a_count_where_every_call_closed_says_so_in_a_whole_sentence() -> None:
    from harde.services import Services

    calls = Services(Settings(_env_file=None)).transcripts  # type: ignore[call-arg]
    # a town whose calls all closed, some on the first visit and some later: two kinds of closed, nothing else
    town = next(
        t for t in sorted({c.town for c in calls if c.town})
        if all(c.outcome in CLOSED for c in calls if c.town == t) and len({c.outcome for c in calls if c.town == t}) > 1
    )
    text = answer_question(calls, f"how many calls were in {town.lower()}")
    closed = sum(c.town == town for c in calls)
    assert f"All {closed} of them closed" in text and "; ." not in text, text
