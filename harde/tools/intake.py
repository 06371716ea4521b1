"""The new_clients specialist's tools: collect a customer over turns, then create it after a yes."""

from __future__ import annotations

import copy
from typing import Any, Literal

from agents import RunContextWrapper

from harde.context import HardeContext
from harde.crm.changes import Problem, ProposedChange
from harde.intake.creation import create_customer_record
from harde.intake.slots import format_phone, record_markdown, start_over, take_fields
from harde.tools.approvals import apply_audited
from harde.tools.registry import tool

AGENT = "new_clients"


KEPT_NOTE = "The details are kept: tell me what to change, or say **start over** to drop them."


def _ready_text(ctx: HardeContext, *, allow_duplicate: bool = False) -> str:
    state = ctx.state.new_client
    state.awaiting_confirmation = True
    state.allow_duplicate = allow_duplicate
    lead = "Create this customer in the CRM" + (" even though it matches an existing one" if allow_duplicate else "") + "?"
    return f"{lead}\n\n{record_markdown(state)}"


async def _creation_preview(ctx: HardeContext, arguments: dict[str, Any]) -> ProposedChange | Problem:
    state = ctx.state.new_client
    if not state.in_progress or not state.fields:
        return Problem("There is no new customer being collected.")
    return ProposedChange("create_customer", _ready_text(ctx, allow_duplicate=bool(arguments.get("allow_duplicate"))))


CustomerField = Literal[
    "first_name", "last_name", "phone", "email", "street", "city", "state", "zip", "trade", "referral_source", "notes",
]


@tool(status="Taking down the customer's details…")
async def intake_collect_customer(
    ctx: RunContextWrapper[HardeContext],
    first_name: str | None = None,
    last_name: str | None = None,
    phone: str | None = None,
    phone_label: Literal["cell", "home", "office"] | None = None,
    email: str | None = None,
    street: str | None = None,
    unit: str | None = None,
    city: str | None = None,
    state: str | None = None,
    zip: str | None = None,
    trade: Literal["roofing", "siding", "gutters", "windows"] | None = None,
    trade_detail: str | None = None,
    referral_source: str | None = None,
    notes: str | None = None,
    skip: list[CustomerField] | None = None,
    unsure: list[CustomerField | Literal["name"]] | None = None,
    new_customer: bool = False,
) -> str:
    """Add what the rep said about a new customer to the record being collected.

    Pass only the fields the rep's message gives; each replaces what was there. `phone` as
    written or as digits (a US number), `email` as a written address, `street` with its
    number ("12 Elm Street"), `state` as a name or two-letter code, `trade_detail` the work in
    the rep's words ("roof leak repair"), `notes` anything else worth keeping about the
    customer. `skip`: fields the rep has not got or declines ("skip", "no email").
    `unsure`: fields you read from a weak cue, to flag for the rep to check ("name" for the
    name). `new_customer`: the rep has moved on to a different customer; the one being
    collected is dropped first. Returns the next question, or the complete record with a
    request to confirm its creation.
    """
    context = ctx.context
    fields: dict[str, Any] = {
        "first_name": first_name, "last_name": last_name, "phone": phone, "phone_label": phone_label,
        "email": email, "street": street, "unit": unit, "city": city, "state": state, "zip": zip,
        "trade": trade, "trade_detail": trade_detail, "referral_source": referral_source, "notes": notes,
    }
    collecting = context.state.new_client.in_progress
    if not any(v not in (None, "") for v in fields.values()) and not skip and not collecting:
        return "Tell me about the new customer: name, phone, and whatever else you have (email, address, trade)."
    # Merged on a copy: a turn stopped meanwhile saves the record as it was, never half-updated.
    collected = copy.deepcopy(context.state.new_client)
    reply = take_fields(collected, fields, skip=skip or (), unsure=unsure or (), new_customer=new_customer)
    context.state.new_client = collected
    context.state_changed()
    if not reply.ready:
        return reply.text
    return "The record is complete: call intake_create_customer to create it.\n\n" + record_markdown(context.state.new_client)


@tool(status="Preparing the new customer…", writes=True, preview=_creation_preview)
async def intake_create_customer(ctx: RunContextWrapper[HardeContext], allow_duplicate: bool = False) -> str:
    """Create the new customer collected so far in the CRM, after the rep's approval.
    `allow_duplicate`: the rep said "create anyway" although a customer has the same email or phone."""
    context = ctx.context
    plan = await _creation_preview(context, {"allow_duplicate": allow_duplicate})
    if isinstance(plan, Problem):
        return plan.text
    payload = {"fields": dict(context.state.new_client.fields), "allow_duplicate": allow_duplicate}
    return await apply_audited(context, "create_customer", plan.summary, lambda: execute_create_customer(context, payload))


@tool(status="Dropping the customer being collected…")
async def intake_discard(ctx: RunContextWrapper[HardeContext]) -> str:
    """Drop the new customer being collected (the rep wants to start over or stop)."""
    state = ctx.context.state.new_client
    had = state.in_progress and bool(state.fields)
    start_over(state)
    state.active = False
    ctx.context.state_changed()
    return "Dropped the new customer; nothing was created." if had else "There was no new customer being collected."


async def execute_create_customer(ctx: HardeContext, payload: dict[str, Any]) -> str:
    state = ctx.state.new_client
    ctx.note("Checking the CRM for an existing customer with this email or phone…")
    # A CRM failure propagates: apply_audited reports it and nothing is created.
    result = await create_customer_record(
        ctx.services.crm, payload.get("fields", {}), allow_duplicate=bool(payload.get("allow_duplicate"))
    )
    state.awaiting_confirmation = False
    if result.problems:
        listed = ", ".join(f"{k} ({v})" for k, v in result.problems.items())
        return f"Nothing was created: {listed}. Give me the right values and I'll show the record again."
    if result.duplicates:
        state.duplicates = [
            {"id": c.id, "name": c.full_name, "email": c.email, "phones": [p.digits for p in c.phones]}
            for c in result.duplicates
        ]
        lines = [
            f"- {c.full_name} (customer {c.id})"
            + (f", {c.email}" if c.email else "")
            + (f", {format_phone(c.phones[0].digits)}" if c.phones else "")
            for c in result.duplicates[:5]
        ]
        return (
            "Nothing was created: the CRM already has a customer with this email or phone:\n"
            + "\n".join(lines)
            + "\n\nSay **create anyway** to add the new customer regardless, or **start over** to drop it."
        )
    customer = result.customer
    if customer is None:
        return "Nothing was created: the CRM returned no customer."
    state.created_customer_id = str(customer.id)
    state.duplicates = []
    jobs = f" and job {', '.join(str(j) for j in result.job_ids)}" if result.job_ids else ""
    ctx.state_changed()
    return f"Created customer **{customer.full_name}** (customer {customer.id}){jobs} in the CRM."
