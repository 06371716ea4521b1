"""Exact figures over a hand-made set of calls, and the real 90-call set loading cleanly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harde.config import DEMO_DIR, Settings
from harde.errors import ConfigurationError
from harde.knowledge.transcripts import (
    OBJECTION_CATEGORIES,
    OUTCOMES,
    SITUATIONS,
    TRADES,
    TranscriptSet,
    load_transcripts,
    percent,
    read_transcripts,
)

from .conftest import BOOK, FIXTURE_CALLS, GBB, SILENCE, make_call, write_calls


@pytest.fixture
def calls(fixture_settings: Settings) -> TranscriptSet:
    return load_transcripts(fixture_settings)


def test_close_rates_count_first_visit_and_follow_up_closes(calls: TranscriptSet) -> None:
    assert len(calls) == 6
    assert (calls.first_visit_close_rate().hits, calls.first_visit_close_rate().total) == (2, 6)
    assert calls.first_visit_close_rate().percent == 33.3
    assert calls.close_rate().percent == 50.0
    assert str(calls.close_rate()) == "50% (3 of 6)"
    rows = {r.group: r for r in calls.close_rates("trade")}
    assert [r.group for r in calls.close_rates("trade")] == ["siding", "roofing", "gutters"]
    assert (rows["siding"].calls, rows["siding"].closed_first_visit, rows["siding"].closed_follow_up) == (3, 1, 1)
    assert rows["siding"].overall.percent == 66.7
    assert (rows["roofing"].lost, rows["gutters"].pending) == (1, 1)


def test_close_rates_by_situation_count_each_situation_of_a_call(calls: TranscriptSet) -> None:
    rows = {r.group: r for r in calls.close_rates("situation")}
    assert rows["spouse_not_present"].calls == 2
    assert rows["spouse_not_present"].first_visit.hits == 0
    assert rows["spouse_not_present"].overall.hits == 1


def test_objection_frequency_counts_calls_resolutions_and_closes(calls: TranscriptSet) -> None:
    rows = calls.objection_frequency()
    price = rows[0]
    assert (price.category, price.calls, price.resolved, price.closed_calls) == ("price", 4, 2, 2)
    assert price.share.percent == 66.7
    product = next(r for r in rows if r.category == "product")
    assert (product.calls, product.resolved, product.closed_calls) == (2, 2, 2)
    assert sum(r.calls for r in rows) == 4 + 2 + 1 + 1 + 1 + 1


def test_objection_frequency_by_trade_and_outcome(calls: TranscriptSet) -> None:
    siding = calls.objection_frequency_by("trade")["siding"]
    assert [(r.category, r.calls) for r in siding] == [("price", 2), ("product", 2), ("other_quotes", 1), ("spouse", 1)]
    assert siding[0].share.percent == 66.7
    by_outcome = calls.objection_frequency_by("outcome")
    assert [(r.category, r.calls) for r in by_outcome["lost_price"]] == [("price", 1)]
    lost = calls.filter(outcome=("lost_competitor", "lost_price", "no_decision")).objection_frequency()
    assert (lost[0].category, lost[0].calls, lost[0].resolved) == ("price", 2, 0)


def test_technique_frequency_compares_close_rates_with_and_without(calls: TranscriptSet) -> None:
    rows = {r.technique: r for r in calls.technique_frequency()}
    gbb = rows[GBB]
    assert (gbb.calls, gbb.first_visit_with.hits, gbb.first_visit_with.total) == (3, 2, 3)
    assert (gbb.first_visit_without.hits, gbb.first_visit_without.total) == (0, 3)
    assert gbb.lift_points == 66.7
    assert rows[SILENCE].lift_points == 25.0
    assert rows[BOOK].closed_with.hits == 1


def test_average_phase_timings_are_exact_means(calls: TranscriptSet) -> None:
    assert calls.average_phase_timings() == {
        "rapport": 7.5, "inspection": 20.8, "presentation": 18.3, "pricing": 10.0, "close": 7.5, "total": 64.2,
    }
    assert calls.filter(trade="gutters").average_phase_timings()["total"] == 30.0


def test_breakdowns_and_deal_values(calls: TranscriptSet) -> None:
    assert calls.total_value() == 144_000
    assert calls.total_value(closed_only=True) == 96_000
    assert calls.average_value(closed_only=True) == 32_000
    trades = {r.group: r for r in calls.breakdown("trade")}
    assert (trades["siding"].calls, trades["siding"].total_value, trades["siding"].closed_value) == (3, 106_000, 76_000)
    assert calls.outcome_counts()["pending"] == 1


def test_filters_combine(calls: TranscriptSet) -> None:
    assert [c.id for c in calls.filter(trade="siding", objection="price")] == ["SDC-003", "SDC-004"]
    assert [c.id for c in calls.filter(situation="spouse_not_present", outcome="closed_follow_up")] == ["SDC-003"]
    assert [c.id for c in calls.filter(technique=GBB.lower())] == ["SDC-001", "SDC-003", "SDC-005"]
    assert len(calls.filter(trade="windows")) == 0


def test_examples_prefer_closed_calls_with_the_objection_resolved(calls: TranscriptSet) -> None:
    examples = calls.examples(objection="price", trade="siding", limit=2)
    assert [e.call.id for e in examples] == ["SDC-003", "SDC-004"]
    assert examples[0].objection is not None and examples[0].objection.resolved
    assert examples[0].objection.response == "Director answer price 3."


def test_percent_rounds_half_up_and_survives_zero() -> None:
    assert percent(9, 16) == 56.3
    assert percent(1, 3) == 33.3
    assert percent(0, 0) == 0.0


def test_a_malformed_call_file_is_named_in_the_error(tmp_path: Path) -> None:
    bad = make_call(7, "roofing", "closed_first_visit", ["storm_damage"], [("price", True)], [], (1, 1, 1, 1, 1), 1)
    bad["outcome"] = "won big"
    folder = write_calls(tmp_path / "calls", [*FIXTURE_CALLS, bad])
    with pytest.raises(ConfigurationError, match=r"SDC-007\.json"):
        read_transcripts(folder)


def test_a_missing_folder_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="does not exist"):
        read_transcripts(tmp_path / "nowhere")


def test_the_demo_set_has_90_valid_varied_calls() -> None:
    calls = load_transcripts(Settings(_env_file=None, kb_dir=DEMO_DIR / "knowledge", kb="local"))
    assert len(calls) == 90
    assert len({c.id for c in calls}) == 90
    assert {c.trade for c in calls} == set(TRADES)
    assert {c.outcome for c in calls} == set(OUTCOMES)
    assert len({s for c in calls for s in c.situations}) >= 12
    assert len({o.category for c in calls for o in c.objections}) == len(OBJECTION_CATEGORIES)
    assert all(c.objections and c.techniques and len(c.key_quotes) >= 3 for c in calls)
    assert all(c.phase_timings.total > 0 and [s.phase for s in c.script_structure] == list(("rapport", "inspection", "presentation", "pricing", "close")) for c in calls)
    assert all(set(c.situations) <= set(SITUATIONS) for c in calls)
    # Lost calls carry the objection that decided them, left unresolved.
    for call in calls.filter(outcome="lost_competitor"):
        assert any(o.category == "other_quotes" and not o.resolved for o in call.objections)
    # Varied: most director answers are not a single repeated line.
    responses = [o.response for c in calls for o in c.objections]
    assert len(set(responses)) > 60


def test_the_demo_files_use_the_documented_fields() -> None:
    folder = DEMO_DIR / "knowledge" / "SALES_DIRECTOR_CALLS"
    first = json.loads((folder / "SDC-001.json").read_text(encoding="utf-8"))
    assert set(first) >= {"id", "date", "trade", "situations", "outcome", "deal_value", "objections", "techniques", "script_structure", "phase_timings", "key_quotes"}
    assert set(first["objections"][0]) == {"category", "objection", "response", "resolved"}
