"""Analysis tools: exact figures over the sales director's call transcripts, with examples and quotes."""

from __future__ import annotations

import asyncio
from typing import Literal

from agents import RunContextWrapper

from harde.context import HardeContext
from harde.errors import HardeError
from harde.knowledge.transcript_questions import TranscriptQuestion, answer, example_lines
from harde.knowledge.transcripts import OBJECTION_CATEGORIES, OUTCOMES, TRADES, TranscriptSet
from harde.tools.registry import tool
from harde.understanding.transcripts import interpret


def _calls(ctx: RunContextWrapper[HardeContext]) -> TranscriptSet | str:
    try:
        calls: TranscriptSet = ctx.context.services.transcripts
    except HardeError as error:
        return f"The director's call transcripts could not be loaded: {error}"
    return calls


def _trade(value: str | None) -> str | None:
    if not value:
        return None
    word = value.strip().lower()
    for trade in TRADES:
        if word == trade or word.rstrip("s") == trade.rstrip("s") or (trade == "roofing" and word.startswith("roof")):
            return trade
    return word  # unknown: the answer says no calls match


def _outcomes(value: str | None) -> tuple[tuple[str, ...] | None, str]:
    if not value:
        return None, ""
    word = value.strip().lower().replace(" ", "_").replace("-", "_")
    if word in OUTCOMES:
        return (word,), OUTCOMES[word].lower()
    if word in ("closed", "won", "win", "wins", "signed"):
        return ("closed_first_visit", "closed_follow_up"), "closed"
    if word in ("lost", "loss", "losses"):
        return ("lost_competitor", "lost_price", "no_decision"), "lost"
    interpreted = interpret(value)
    return interpreted.outcomes, interpreted.outcome_label


@tool(status="Analysing the director's calls…")
async def analyze_transcripts(ctx: RunContextWrapper[HardeContext], question: TranscriptQuestion) -> str:
    """Answer a question about the sales director's 90 distilled sales calls with figures computed
    from the transcripts: objections (most common, by trade or outcome), close rates (first visit and
    overall), techniques and their association with closing, minutes per phase, deal values, outcomes,
    customer situations (spouse not home, storm damage, insurance claim, HOA, elderly homeowner...),
    with examples and the director's own words. `measure` is what is asked; the other fields
    filter the calls (a trade, outcomes, a situation, an objection, a technique, a rep on the
    call, one call such as SDC-014) or group the figures.
    """
    calls = await asyncio.to_thread(_calls, ctx)
    if isinstance(calls, str):
        return calls
    return await asyncio.to_thread(answer, calls, question)


@tool(status="Counting objections in the director's calls…")
async def objection_breakdown(
    ctx: RunContextWrapper[HardeContext],
    trade: str | None = None,
    outcome: str | None = None,
    situation: str | None = None,
) -> str:
    """Objections raised in the director's calls, most frequent first, with how often each was resolved
    and how many of those calls closed, plus examples. trade: roofing, siding, windows or gutters.
    outcome: closed, lost, closed_first_visit, closed_follow_up, lost_competitor, lost_price, pending,
    no_decision. situation: e.g. spouse_not_present, storm_damage, insurance_claim, hoa_rules.
    """
    calls = await asyncio.to_thread(_calls, ctx)
    if isinstance(calls, str):
        return calls
    outcomes, label = _outcomes(outcome)
    situation_key = interpret(situation).situation if situation else None
    question = TranscriptQuestion(
        measure="objections", trade=_trade(trade), outcomes=outcomes, outcome_label=label, situation=situation_key
    )
    return await asyncio.to_thread(answer, calls, question)


@tool(status="Working out close rates…")
async def close_rates(
    ctx: RunContextWrapper[HardeContext],
    by: Literal["trade", "outcome", "situation", "objection", "technique", "rep"] = "trade",
    trade: str | None = None,
) -> str:
    """First-visit and overall close rates of the director's calls, grouped by trade (default),
    situation, objection, technique or rep on the call; optionally for one trade only."""
    calls = await asyncio.to_thread(_calls, ctx)
    if isinstance(calls, str):
        return calls
    return await asyncio.to_thread(answer, calls, TranscriptQuestion(measure="close_rate", trade=_trade(trade), group_by=by))


@tool(status="Finding examples in the director's calls…")
async def transcript_examples(
    ctx: RunContextWrapper[HardeContext],
    topic: str,
    trade: str | None = None,
    limit: int = 3,
) -> str:
    """Examples from the director's calls on a topic (an objection such as price or "think it over",
    a situation such as spouse not present or an insurance claim, or a technique), with what the
    homeowner said, what the director answered, and how the call ended."""
    calls = await asyncio.to_thread(_calls, ctx)
    if isinstance(calls, str):
        return calls
    techniques = sorted({t for c in calls for t in c.techniques}, key=len, reverse=True)
    question = interpret(topic, techniques)
    objection = question.objection or next(
        (key for key, label in OBJECTION_CATEGORIES.items() if topic.strip().lower() in (key, label.lower())), None
    )
    limit = max(1, min(int(limit), 8))
    examples = calls.examples(
        objection=objection,
        trade=_trade(trade) or question.trade,
        situation=question.situation,
        technique=question.technique,
        limit=limit,
    )
    if not examples:
        return f"None of the director's {len(calls)} calls show “{topic}”" + (f" on {trade} jobs." if trade else ".")
    subject = OBJECTION_CATEGORIES.get(objection or "", "") or topic
    lines = [f"**Examples from the director's calls: {subject}** ({len(examples)} shown)", ""]
    lines += example_lines(examples, technique=question.technique if objection is None else None)
    return "\n".join(lines)
