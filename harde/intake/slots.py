"""Slot filling for a new customer over several turns: merge what the rep says, ask for the rest.

Works on `NewClientState` (JSON-friendly, saved between turns). A follow-up can be a bare
answer to the last question ("Johnson"), a correction ("actually the email is sarah.j at
gmail"), "skip" for an optional field, or a whole new dictation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from harde.intake.names import read_name_at
from harde.intake.parser import parse_customer
from harde.intake.phones import normalise_phone
from harde.intake.spoken import clean_speech
from harde.intake.trades import TRADE_LABELS
from harde.intake.validation import (
    FIELD_LABELS,
    OPTIONAL_FIELDS,
    REQUIRED_FIELDS,
    validate_customer,
)
from harde.state.drafts import NewClientState

_SKIP = re.compile(
    r"^\s*(?:(?:please|just|ok|okay|um|uh)[\s,]+)*(?:skip(?: it| that| this| that one| for now| them| those| all(?: of them)?)?|pass|none|n/?a|no(?:pe)?|"
    r"(?:i |we |they )?(?:don't|do not|doesn't|does not) (?:have|know)(?: (?:it|that|one|any|an? \w+))?|"
    r"leave (?:it|them|that) (?:blank|empty|out)|not (?:sure|given|now)|unknown|move on|next|no thanks|nothing else|that's (?:it|all))\s*[.!]*\s*$",
    re.IGNORECASE,
)
_SKIP_FIELD = re.compile(r"\b(?:no|skip(?: the)?|without(?: an?)?)\s+(email|e-mail|address|street|zip|trade|city|state)\b", re.IGNORECASE)
_NEW_RECORD = re.compile(
    r"\b(?:new|another|add|create|enter)\b(?:\s+(?:a|an|the|another))*(?:\s+new)?\s+(?:customer|client|lead|homeowner|prospect)\b",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^\s*(?:(?:it's|it is|that's|that is|sure|yes|yeah|yep|ok|okay|try|use|actually|sorry|oh|"
    r"(?:her|his|their|the)(?:\s+\w+){1,2}\s+(?:is|'s)|is)\b[\s,:.]*)*",
    re.IGNORECASE,
)
_SKIP_ALIASES = {"e-mail": "email", "address": "street"}


@dataclass
class IntakeReply:
    text: str
    ready: bool  # every required field is valid and the rest answered or skipped


def start_over(state: NewClientState) -> None:
    fresh = NewClientState(active=True)
    for name in fresh.__dataclass_fields__:
        setattr(state, name, getattr(fresh, name))


def take_input(state: NewClientState, text: str, typed: Mapping[str, Any] | None = None) -> IntakeReply:
    """Merge a message (and fields an LLM extracted, if any) into the customer being collected."""
    text = text or ""
    typed = {k: v for k, v in (typed or {}).items() if v not in (None, "")}
    if not state.active or state.created_customer_id is not None:
        start_over(state)
    draft = parse_customer(text) if text.strip() else None
    if (
        draft is not None
        and state.fields
        and _NEW_RECORD.search(text)
        and draft.first_name
        and draft.last_name
        and (draft.first_name, draft.last_name) != (state.fields.get("first_name"), state.fields.get("last_name"))
    ):
        start_over(state)  # a different customer: begin a new record
    state.awaiting_confirmation = False
    state.duplicates = []
    state.allow_duplicate = False

    skipped_now = _skips(state, text) if not typed else []
    found: dict[str, Any] = {}
    heard: dict[str, str] = {}
    if draft is not None and not skipped_now:
        found = dict(draft.found())
        heard = dict(draft.heard)
        follow_up = bool(state.fields or state.invalid)
        asked = state.asked or ""
        if follow_up and "name" in draft.unsure and asked not in ("name", "first_name", "last_name"):
            found.pop("first_name", None)
            found.pop("last_name", None)
        if asked and not typed and not found:
            for name, value in _bare_answer(asked, text, found).items():
                found.setdefault(name, value)
        # Heard but not understood: kept as said so that the question can quote it.
        for name in ("email", "zip", "state", "phone"):
            if name in heard and name not in found:
                found[name] = heard[name]
        if "state" in found and "state_id" not in found:
            state.fields.pop("state_id", None)
        for name in draft.unsure:
            if name in found and name not in state.unsure:
                state.unsure.append(name)
    found.update(typed)
    for name in found:
        if name in state.skipped:
            state.skipped.remove(name)
        if name in state.unsure and name not in (draft.unsure if draft else []):
            state.unsure.remove(name)
    candidate: dict[str, Any] = {**state.fields, **state.invalid}
    for name in skipped_now:
        candidate.pop(name, None)
    candidate.update(found)
    if "state" in found and "state_id" in found and "state_id" not in typed and found["state"] != state.fields.get("state"):
        candidate["state_id"] = found["state_id"]
    check = validate_customer(candidate, heard={k: v for k, v in heard.items() if k in found})
    state.fields = check.values
    state.invalid = check.invalid
    state.reasons = check.reasons
    return _next_step(state)


def _skips(state: NewClientState, text: str) -> list[str]:
    """Fields the rep declines: "skip" answers the last question; "no email" names one."""
    named = [_SKIP_ALIASES.get(m.group(1).lower(), m.group(1).lower()) for m in _SKIP_FIELD.finditer(text)]
    fields: list[str]
    if named:
        fields = []
        for name in named:
            fields += ["street", "city", "state", "zip"] if name == "street" else [name]
    elif _SKIP.match(text):
        asked = state.asked or ""
        if asked == "optional":
            fields = _optional_missing(state)
        elif asked == "address":
            fields = ["street", "city", "state", "zip"]
        else:
            fields = [asked] if asked else []
    else:
        return []
    skipped = [f for f in fields if f and f not in REQUIRED_FIELDS]
    for name in skipped:
        if name not in state.skipped:
            state.skipped.append(name)
        state.invalid.pop(name, None)
        state.fields.pop(name, None)
        if name == "state":
            state.fields.pop("state_id", None)
    if not skipped and fields:
        state.asked = fields[0]
    return skipped


def _bare_answer(asked: str, text: str, found: Mapping[str, Any]) -> dict[str, Any]:
    """Read a short reply as the answer to the question asked ("Johnson", "02169", "Mass")."""
    value = _LEAD_IN.sub("", clean_speech(text)).strip(" .,!")
    if not value:
        return {}
    if asked in ("name", "first_name", "last_name"):
        if any(k in found for k in ("first_name", "last_name")):
            return {}
        person = read_name_at(value, 0, mixed_case=False)
        if person is None:
            return {}
        if asked == "last_name" and person.last is None:
            return {"last_name": person.first}
        out: dict[str, Any] = {}
        if person.first:
            out["first_name"] = person.first
        if person.last:
            out["last_name"] = person.last
        return out
    if asked == "phone":
        digits, _ = normalise_phone(value)
        return {"phone": digits or value}
    if asked in ("email", "zip", "state", "city", "street", "trade") and asked not in found:
        return {asked: value}
    return {}


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
