"""Slot filling for a new customer over several turns: merge the fields given, ask for the rest.

Works on `NewClientState` (JSON-friendly, saved between turns) with typed fields, never the
rep's words: the understanding layer (harde.understanding.dictation) or the model reads a bare
answer, a correction or a "skip" into fields first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from harde.intake.validation import (
    FIELD_LABELS,
    OPTIONAL_FIELDS,
    REQUIRED_FIELDS,
    validate_customer,
)
from harde.intake.values import TRADE_LABELS
from harde.state.drafts import NewClientState


@dataclass
class IntakeReply:
    text: str
    ready: bool  # every required field is valid and the rest answered or skipped


def start_over(state: NewClientState) -> None:
    fresh = NewClientState(active=True)
    for name in fresh.__dataclass_fields__:
        setattr(state, name, getattr(fresh, name))


def take_fields(
    state: NewClientState,
    fields: Mapping[str, Any],
    *,
    skip: Sequence[str] = (),
    unsure: Sequence[str] = (),
    new_customer: bool = False,
) -> IntakeReply:
    """Merge typed fields into the customer being collected, and say what comes next.

    `skip`: fields the rep declines (a required one is asked again); `unsure`: readings to flag
    for checking; `new_customer`: the rep moved on to someone else, so the record starts over.
    """
    given = {k: v for k, v in fields.items() if v not in (None, "")}
    if not state.active or state.created_customer_id is not None or new_customer:
        start_over(state)
    state.awaiting_confirmation = False
    state.duplicates = []
    state.allow_duplicate = False
    declined_required = _apply_skips(state, [f for f in skip if f not in given])
    for name in given:
        if name in state.skipped:
            state.skipped.remove(name)
        if name in state.unsure and name not in unsure:
            state.unsure.remove(name)
    for name in unsure:
        if name in given and name not in state.unsure:
            state.unsure.append(name)
    candidate: dict[str, Any] = {**state.fields, **state.invalid}
    for name in state.skipped:
        candidate.pop(name, None)
    candidate.update(given)
    if "state" in given and "state_id" not in given:
        candidate.pop("state_id", None)  # the state said now wins over the one the ZIP gave
    check = validate_customer(candidate)
    state.fields = check.values
    state.invalid = check.invalid
    state.reasons = check.reasons
    reply = _next_step(state)
    if declined_required and not given and state.asked in (*declined_required, "name"):
        label = " and ".join(FIELD_LABELS[f] for f in declined_required)
        return IntakeReply(f"Leap needs the {label} to create a customer.\n\n{reply.text}", ready=reply.ready)
    return reply


def _apply_skips(state: NewClientState, fields: Sequence[str]) -> list[str]:
    """Drop the optional fields declined; return the required ones, which cannot be."""
    for name in fields:
        if name in REQUIRED_FIELDS:
            continue
        if name not in state.skipped:
            state.skipped.append(name)
        state.invalid.pop(name, None)
        state.fields.pop(name, None)
        if name == "state":
            state.fields.pop("state_id", None)
    return [f for f in fields if f in REQUIRED_FIELDS]


def _optional_missing(state: NewClientState) -> list[str]:
    have = set(state.fields) | set(state.invalid)
    return [f for f in OPTIONAL_FIELDS if f not in have and f not in state.skipped]


def _next_step(state: NewClientState) -> IntakeReply:
    f = state.fields
    first = f.get("first_name")
    if "first_name" not in f and "last_name" not in f and not any(k in state.invalid for k in ("first_name", "last_name")):
        return _ask(state, "name", "What's the customer's first and last name?")
    if "first_name" not in f and "first_name" not in state.invalid:
        return _ask(state, "first_name", f"What's {f.get('last_name', 'the customer')}'s first name?")
    if "last_name" not in f and "last_name" not in state.invalid:
        return _ask(state, "last_name", f"And {first}'s last name?")
    if "phone" not in f and "phone" not in state.invalid:
        return _ask(state, "phone", f"What's the best phone number for {first}?")
    for name in (*REQUIRED_FIELDS, *OPTIONAL_FIELDS):
        if name in state.invalid:
            label = FIELD_LABELS.get(name, name)
            reason = state.reasons.get(name, "it does not look right")
            tail = "" if name in REQUIRED_FIELDS else " (or say **skip**)"
            return _ask(
                state, name, f"I heard the {label} as “{state.invalid[name]}”, but {reason}. What's the correct {label}?{tail}"
            )
    has_place = any(k in f for k in ("street", "city", "zip"))
    if has_place and "state" not in f and "state" not in state.skipped:
        where = f.get("city") or "that address"
        return _ask(state, "state", f"Which state is {where} in? (or say **skip**)")
    missing = _optional_missing(state)
    if missing and not state.asked_optional:
        state.asked_optional = True
        names = _describe_missing(missing)
        return _ask(state, "optional", f"I don't have {names} yet. Tell me what you have, or say **skip**.")
    # Asked once already: whatever is still missing stays empty.
    for name in missing:
        state.skipped.append(name)
    state.asked = None
    return IntakeReply(record_markdown(state), ready=True)


def _describe_missing(missing: list[str]) -> str:
    parts: list[str] = []
    if "email" in missing:
        parts.append("an email")
    place = [m for m in missing if m in ("street", "city", "state", "zip")]
    if place:
        parts.append("the address" if len(place) == 4 else "the " + " / ".join(FIELD_LABELS[m] for m in place))
    if "trade" in missing:
        parts.append("the trade (roofing, siding, gutters or windows)")
    return ", ".join(parts[:-1]) + (" or " if len(parts) > 1 else "") + parts[-1]


def _ask(state: NewClientState, field_name: str, question: str) -> IntakeReply:
    state.asked = field_name
    have = record_markdown(state) if state.fields else ""
    text = f"{have}\n\n{question}" if have else question
    return IntakeReply(text, ready=False)


def format_phone(digits: str) -> str:
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}" if len(digits) == 10 else digits


def record_markdown(state: NewClientState) -> str:
    """The customer as collected so far, one line per field; weak readings are flagged."""
    f = state.fields

    def flag(*names: str) -> str:
        return " _(please check)_" if any(n in state.unsure for n in names) else ""

    lines = ["**New customer**"]
    name = " ".join(p for p in (f.get("first_name"), f.get("last_name")) if p)
    if name:
        lines.append(f"- Name: {name}{flag('name')}")
    if f.get("phone"):
        lines.append(f"- Phone: {format_phone(f['phone'])} ({f.get('phone_label', 'cell')}){flag('phone')}")
    if f.get("email"):
        lines.append(f"- Email: {f['email']}{flag('email')}")
    street = ", ".join(p for p in (f.get("street"), f.get("unit")) if p)
    region = " ".join(p for p in (f.get("state"), f.get("zip")) if p)
    place = ", ".join(p for p in (street, f.get("city"), region) if p)
    if place:
        lines.append(f"- Address: {place}{flag('city', 'state')}")
    if f.get("trade"):
        detail_text = str(f.get("trade_detail") or "")
        detail = f" ({detail_text})" if detail_text and detail_text.lower() not in (f["trade"].lower(), TRADE_LABELS.get(f["trade"], "").lower()) else ""
        lines.append(f"- Trade: {TRADE_LABELS.get(f['trade'], f['trade'])}{detail}")
    if f.get("referral_source"):
        lines.append(f"- Referral: {f['referral_source']}")
    if f.get("notes"):
        lines.append(f"- Notes: {f['notes']}")
    return "\n".join(lines)
