"""One message in the middle of taking down a new customer, read into the intake tool's typed
arguments: a whole dictation, a bare answer to the last question ("Johnson", "02169"), a
correction ("actually the email is sarah.j at gmail"), or a field declined ("skip", "no email").

What was asked last and what is collected so far come from the customer being collected
(NewClientState), the way a model sees the record it is filling in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from harde.intake.geography import region_for
from harde.intake.validation import OPTIONAL_FIELDS
from harde.intake.values import normalise_email, normalise_phone, normalise_zip
from harde.state.drafts import NewClientState
from harde.understanding.dictation.names import read_name_at
from harde.understanding.dictation.parser import parse_customer
from harde.understanding.dictation.spoken import clean_speech

_SKIP = re.compile(
    r"^\s*(?:(?:please|just|ok|okay|um|uh)[\s,]+)*(?:skip(?: it| that| this| that one| for now| them| those| all(?: of them)?)?|pass|none|n/?a|no(?:pe)?|"
    r"(?:i |we |they )?(?:don't|do not|doesn't|does not) (?:have|know)(?: (?:it|that|one|any|an? \w+))?|"
    r"leave (?:it|them|that) (?:blank|empty|out)|not (?:sure|given|now)|unknown|move on|next|no thanks|nothing else|that's (?:it|all))\s*[.!]*\s*$",
    re.IGNORECASE,
)
_SKIP_FIELD = re.compile(r"\b(?:no|skip(?: the)?|without(?: an?)?)\s+(email|e-mail|address|street|zip|trade|city|state)\b", re.IGNORECASE)
_SKIP_ALIASES = {"e-mail": "email", "address": "street"}
_ADDRESS = ("street", "city", "state", "zip")
_NEW_RECORD = re.compile(
    r"\b(?:new|another|add|create|enter)\b(?:\s+(?:a|an|the|another))*(?:\s+new)?\s+(?:customer|client|lead|homeowner|prospect)\b",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^\s*(?:(?:it's|it is|that's|that is|sure|yes|yeah|yep|ok|okay|try|use|actually|sorry|oh|"
    r"(?:her|his|their|the)(?:\s+\w+){1,2}\s+(?:is|'s)|is)\b[\s,:.]*)*",
    re.IGNORECASE,
)
_NAME_FIELDS = ("name", "first_name", "last_name")
# Heard but not understood: passed on as said, so that the question can quote it back.
_KEPT_AS_HEARD = ("email", "zip", "state", "phone")
# "start over", "scratch that", "forget the customer": drop the record being collected.
_START_OVER = re.compile(
    r"^\s*(?:(?:ok|okay|no|actually|please)[\s,]+)*(?:start over|start again|scratch that|forget (?:it|that|this|this one|the customer)|"
    r"never ?mind|drop (?:it|this|that|the customer)|cancel(?: (?:it|this|that|the customer|the new customer))?|discard(?: it)?|stop)\s*[.!]*\s*$",
    re.IGNORECASE,
)
# "create it anyway" after a duplicate warning. Read on a short reply only: the .* would rescan
# a long one from every verb.
_CREATE_ANYWAY = re.compile(r"\b(?:create|add|make|save)\b.*\banyway\b|\banyway\b.*\b(?:create|add)\b|^\s*(?:yes,?\s*)?(?:do it )?anyway\s*[.!]*\s*$", re.IGNORECASE)

IntakeCommand = Literal["start_over", "create_anyway"]


@dataclass(frozen=True)
class CustomerMessage:
    """The intake tool's arguments for one message."""

    fields: dict[str, Any] = field(default_factory=dict)  # as read; the tool normalises and checks them
    skip: tuple[str, ...] = ()  # fields the rep declines
    unsure: tuple[str, ...] = ()  # readings from weak cues, flagged for the rep to check
    new_customer: bool = False  # a different customer: the one being collected is dropped first

    def arguments(self) -> dict[str, Any]:
        arguments: dict[str, Any] = {k: v for k, v in self.fields.items() if k != "state_id"}
        if isinstance(arguments.get("trade"), str):
            arguments["trade"] = arguments["trade"].lower()
        if self.skip:
            arguments["skip"] = list(self.skip)
        if self.unsure:
            arguments["unsure"] = list(self.unsure)
        if self.new_customer:
            arguments["new_customer"] = True
        return arguments


def read_intake_command(text: str, state: NewClientState) -> IntakeCommand | None:
    """A message about the record as a whole rather than its fields."""
    if _START_OVER.match(text):
        return "start_over"
    if state.duplicates and _CREATE_ANYWAY.search(text[:500]):
        return "create_anyway"
    return None


def read_customer_message(text: str, state: NewClientState) -> CustomerMessage:
    """What `text` says about the customer being collected in `state` (or a new one)."""
    if not text.strip():
        return CustomerMessage()
    collecting = state.active and state.created_customer_id is None
    so_far: dict[str, Any] = {**state.fields, **state.invalid} if collecting else {}
    asked = (state.asked or "") if collecting else ""
    draft = parse_customer(text)
    new_customer = bool(
        so_far
        and _NEW_RECORD.search(text)
        and draft.first_name
        and draft.last_name
        and (draft.first_name, draft.last_name) != (so_far.get("first_name"), so_far.get("last_name"))
    )
    if new_customer:
        so_far, asked = {}, ""
    declined = _declined(text, asked, state if so_far else NewClientState())
    if declined and _SKIP.match(text):
        return CustomerMessage(skip=tuple(declined), new_customer=new_customer)
    # "no email, cell is 617...": the fields named as missing are skipped, the rest is read.
    found = {k: v for k, v in draft.found().items() if k not in declined}
    if so_far and "name" in draft.unsure and asked not in _NAME_FIELDS:
        # A name read from weak cues in the middle of an intake is a word of the answer, not a name.
        found.pop("first_name", None)
        found.pop("last_name", None)
    if asked and not found:
        found.update(_bare_answer(asked, text))
    for name in _KEPT_AS_HEARD:
        if name in draft.heard and name not in declined and not (name in found and _valid(name, found[name])):
            found[name] = draft.heard[name]
    unsure = tuple(name for name in draft.unsure if name in found)
    return CustomerMessage(found, skip=tuple(declined), unsure=unsure, new_customer=new_customer)


def _valid(name: str, value: Any) -> bool:
    if name == "phone":
        return normalise_phone(str(value))[0] is not None
    if name == "email":
        return normalise_email(str(value))[0] is not None
    if name == "zip":
        return normalise_zip(str(value))[0] is not None
    return region_for(str(value)) is not None


def _declined(text: str, asked: str, state: NewClientState) -> list[str]:
    """Fields the rep declines: "skip" answers the last question; "no email" names one."""
    named = [_SKIP_ALIASES.get(m.group(1).lower(), m.group(1).lower()) for m in _SKIP_FIELD.finditer(text)]
    if named:
        fields: list[str] = []
        for name in named:
            fields += list(_ADDRESS) if name == "street" else [name]
        return list(dict.fromkeys(fields))
    if not _SKIP.match(text):
        return []
    if asked == "optional":
        have = set(state.fields) | set(state.invalid)
        return [f for f in OPTIONAL_FIELDS if f not in have and f not in state.skipped]
    if asked == "address":
        return list(_ADDRESS)
    return [asked] if asked and asked != "name" else (["first_name", "last_name"] if asked == "name" else [])


def _bare_answer(asked: str, text: str) -> dict[str, Any]:
    """A short reply read as the answer to the question asked ("Johnson", "02169", "Mass")."""
    value = _LEAD_IN.sub("", clean_speech(text)).strip(" .,!")
    if not value:
        return {}
    if asked in _NAME_FIELDS:
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
    if asked in ("email", "zip", "state", "city", "street", "trade"):
        return {asked: value}
    return {}
