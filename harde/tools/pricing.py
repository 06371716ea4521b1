"""Pricing tools: answers from the catalog and the take-off maths, and estimates noted on a job."""

from __future__ import annotations

import asyncio

from agents import RunContextWrapper
from pydantic import TypeAdapter

from harde.context import HardeContext
from harde.crm.changes import Problem, ProposedChange
from harde.errors import HardeError, InputError
from harde.pricing.answers import (
    PricingPolicy,
    answer_conversion,
    answer_lookup,
    answer_margin_from_prices,
    answer_question,
    answer_roof_quantities,
    estimate_for_question,
    estimate_summary,
    render_estimate,
    roof_takeoff,
)
from harde.pricing.catalog import Catalog
from harde.pricing.query import PricingQuestion
from harde.tools.approvals import apply_audited
from harde.tools.registry import tool

ESTIMATE_NOTE_KIND = "pricing_estimate_note"
_QUESTION: TypeAdapter[PricingQuestion] = TypeAdapter(PricingQuestion)


def _catalog(ctx: HardeContext) -> Catalog:
    catalog: Catalog = ctx.services.catalog
    return catalog


def _policy(ctx: HardeContext) -> PricingPolicy:
    settings = ctx.settings
    return PricingPolicy(
        tax_rate=settings.pricing_tax_rate, target_margin=settings.pricing_target_margin
    )


@tool(status="Working out the numbers…")
async def pricing_answer(ctx: RunContextWrapper[HardeContext], question: PricingQuestion) -> str:
    """Answer a pricing question, with the working shown: roof squares from a footprint or
    dimensions and pitch, waste and bundles; estimates for roofs, siding, gutters and windows from
    the catalog (materials, labour, tax, cost, price, margin, markup); catalog look-ups; margin <->
    markup. Fill what the rep asked (`intent`) and every figure they gave, in the fields' units
    (`rise` is the pitch's rise per 12; percentages as numbers, 15 for 15%); `product_words` are
    the words that may name a product ("duration", "hardie"); `text` is the rep's words."""
    try:
        # Pricing is CPU work (and the catalog's first load a file read): off the event loop.
        return await asyncio.to_thread(lambda: answer_question(question, _catalog(ctx.context), _policy(ctx.context)))
    except HardeError as error:
        return f"I couldn't price that: {error}"


@tool(status="Looking up {query} in the catalog…")
async def pricing_catalog_search(ctx: RunContextWrapper[HardeContext], query: str) -> str:
    """Find catalog items by product words ("englert gutter", "ridge vent", "ice and water"):
    our cost, our price, coverage, labour and supplier."""
    return await asyncio.to_thread(lambda: answer_lookup(query, _catalog(ctx.context)))


@tool(status="Measuring the roof…")
async def pricing_roof_squares(
    ctx: RunContextWrapper[HardeContext],
    pitch_rise: float,
    footprint_sqft: float | None = None,
    length_ft: float | None = None,
    width_ft: float | None = None,
    waste_percent: float | None = None,
    roof_shape: str | None = None,
) -> str:
    """Roof area, squares and bundles from a plan footprint (sq ft) or length and width (ft) and
    the pitch rise per 12 (6 for 6/12). waste_percent, or roof_shape gable / hip / complex for the
    usual waste."""
    try:
        takeoff = roof_takeoff(
            footprint_sqft=footprint_sqft,
            length_ft=length_ft,
            width_ft=width_ft,
            rise=pitch_rise,
            waste_pct=waste_percent,
            complexity=roof_shape,
        )
    except InputError as error:
        return f"I can't work that out yet: {error}."
    return answer_roof_quantities(takeoff, asked_area=False)


@tool(status="Converting margin and markup…")
async def pricing_margin_markup(
    ctx: RunContextWrapper[HardeContext],
    margin_percent: float | None = None,
    markup_percent: float | None = None,
    cost: float | None = None,
    price: float | None = None,
) -> str:
    """Convert a margin to a markup or back (percent), or give both for a cost and a price.
    Margin is profit / price; markup is profit / cost."""
    try:
        if cost is not None and price is not None:
            return answer_margin_from_prices(cost, price)
        if margin_percent is None and markup_percent is None:
            return "Give a margin or a markup (percent), or a cost and a price."
        question = PricingQuestion(
            margin_pct=margin_percent, markup_pct=markup_percent
        )
        if margin_percent is None:
            question.wants_target_from_other = "margin"
        return answer_conversion(question)
    except InputError as error:
        return f"I can't work that out: {error}."


async def _estimate_note(context: HardeContext, job_id: int, question: PricingQuestion) -> ProposedChange | Problem:
    estimate = await asyncio.to_thread(lambda: estimate_for_question(question, _catalog(context), _policy(context)))
    if estimate is None:
        return Problem(
            "That isn't an estimate I can attach: ask for a roof, siding, gutter, window or "
            "material estimate with its measurements first."
        )
    try:
        job = await context.services.crm.get_job(job_id)
    except HardeError as error:
        return Problem(f"I couldn't find job {job_id} in the CRM: {error}")
    note = f"Estimate prepared by Hard-E\n{estimate_summary(estimate)}"
    summary = f"Add this estimate to {job.title} as a note:\n\n{render_estimate(estimate)}"
    return ProposedChange(ESTIMATE_NOTE_KIND, summary, {"job_id": job_id, "text": note})


@tool(
    status="Preparing the estimate note for job {job_id}…",
    writes=True,
    preview=lambda ctx, a: _estimate_note(ctx, int(a["job_id"]), _QUESTION.validate_python(a.get("question") or {})),
)
async def pricing_attach_estimate(
    ctx: RunContextWrapper[HardeContext], job_id: int, question: PricingQuestion
) -> str:
    """Add an estimate to a CRM job as a note, after the rep's approval. `question` is the
    estimate asked for, as for pricing_answer (a roof, siding, gutter, window or material
    estimate with its figures)."""
    context = ctx.context
    plan = await _estimate_note(context, job_id, question)
    if isinstance(plan, Problem):
        return plan.text

    async def add() -> str:
        note = await context.services.crm.add_note(job_id, str(plan.payload["text"]))
        note_id = getattr(note, "id", None)
        return (
            f"Done: the estimate is on job {job_id} as note {note_id}."
            if note_id
            else f"Done: the estimate is on job {job_id}."
        )

    return await apply_audited(context, plan.kind, plan.summary, add)
