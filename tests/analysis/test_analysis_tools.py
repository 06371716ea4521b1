"""The analysis tools, called as the agents call them, over the hand-made call set."""

from __future__ import annotations

from pathlib import Path

from agents import RunContextWrapper

from harde.config import Settings
from harde.context import HardeContext
from harde.knowledge.transcript_questions import TranscriptQuestion
from harde.services import Services
from harde.tools.analysis import (
    analyze_transcripts,
    close_rates,
    objection_breakdown,
    transcript_examples,
)


def wrap(settings: Settings) -> RunContextWrapper[HardeContext]:
    return RunContextWrapper(HardeContext(settings=settings, services=Services(settings), conversation_id="t"))


async def test_analyze_transcripts_answers_the_siding_question_with_counts(fixture_settings: Settings) -> None:
    out = await analyze_transcripts(wrap(fixture_settings), TranscriptQuestion(measure="objections", trade="siding"))
    assert "3 of the director's 6 calls" in out
    assert "| Price / too expensive | 2 | 66.7% |" in out


async def test_objection_breakdown_filters_by_trade_and_outcome(fixture_settings: Settings) -> None:
    ctx = wrap(fixture_settings)
    siding = await objection_breakdown(ctx, trade="Siding")
    assert "3 of the director's 6 calls (siding calls)" in siding
    lost = await objection_breakdown(ctx, outcome="lost")
    assert "2 of the director's 6 calls (that ended lost)" in lost
    assert "| Price / too expensive | 2 | 100% | 0 of 2 | 0 of 2 |" in lost
    roofs = await objection_breakdown(ctx, trade="roof", situation="storm damage")
    assert "1 of the director's 6 calls" in roofs


async def test_close_rates_by_trade(fixture_settings: Settings) -> None:
    out = await close_rates(wrap(fixture_settings), by="trade")
    assert "| Roofing | 2 | 50% (1 of 2) | 50% (1 of 2) |" in out


async def test_transcript_examples_quote_the_exchange(fixture_settings: Settings) -> None:
    out = await transcript_examples(wrap(fixture_settings), topic="price", trade="siding", limit=1)
    assert "SDC-003" in out and "Director answer price 3." in out and "SDC-004" not in out
    none = await transcript_examples(wrap(fixture_settings), topic="price", trade="windows")
    assert none.startswith("None of the director's 6 calls")


async def test_a_missing_calls_folder_becomes_a_short_message(fixture_settings: Settings, tmp_path: Path) -> None:
    settings = fixture_settings.model_copy(update={"kb_dir": tmp_path / "empty"})
    out = await analyze_transcripts(wrap(settings), TranscriptQuestion(measure="close_rate"))
    assert out.startswith("The director's call transcripts could not be loaded")
