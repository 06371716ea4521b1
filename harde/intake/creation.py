"""Turning a validated customer into CRM records: duplicate check, Leap body, customer or prospect."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from harde.crm.models import (
    AddressInput,
    Customer,
    CustomerCreate,
    PhoneInput,
    ProspectCreate,
    ProspectJob,
)
from harde.crm.protocol import CRM
from harde.intake.validation import validate_customer
from harde.intake.values import TRADE_LABELS

_WEBSITE_SOURCES = ("google", "website", "web site", "online", "internet", "facebook", "instagram", "yelp", "angi", "homeadvisor", "nextdoor", "thumbtack")


@dataclass
class CreationResult:
    customer: Customer | None = None
    job_ids: list[int] = field(default_factory=list)
    duplicates: list[Customer] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)


def customer_body(values: Mapping[str, Any], state_id: int | None = None) -> CustomerCreate:
    """The Leap customer body (country 1, phone labelled) for validated values."""
    address = None
    if any(values.get(k) for k in ("street", "city", "zip", "state")):
        address = AddressInput(
            address=values.get("street") or "",
            address_line_1=values.get("unit") or "",
            city=values.get("city") or "",
            state_id=state_id if state_id is not None else values.get("state_id"),
            country_id=int(values.get("country_id") or 1),
            zip=values.get("zip") or "",
        )
    referral = values.get("referral_source")
    referred_by_type = None
    referred_by_note = ""
    if referral:
        low = str(referral).lower()
        referred_by_type = "website" if any(w in low for w in _WEBSITE_SOURCES) else "other"
        referred_by_note = str(referral)
    return CustomerCreate(
        first_name=values["first_name"],
        last_name=values.get("last_name") or "",
        email=values.get("email"),
        phones=[PhoneInput(label=values.get("phone_label") or "cell", number=values["phone"])],
        address=address,
        referred_by_type=referred_by_type,
        referred_by_note=referred_by_note,
        note=values.get("notes") or "",
    )


async def _leap_state_id(crm: CRM, values: Mapping[str, Any]) -> int | None:
    """The CRM's own id for the state code (Leap: MA 21), else the built-in table's."""
    code = values.get("state")
    if not code:
        return None
    try:
        states = await crm.list_states(int(values.get("country_id") or 1))
    except Exception:  # an older CRM without the list: the built-in Leap ids stand
        states = []
    for state in states:
        if state.code.upper() == str(code).upper():
            return state.id
    sid = values.get("state_id")
    return int(sid) if sid is not None else None


def _trade_label(trade: str) -> str:
    return {str(k): v for k, v in TRADE_LABELS.items()}.get(trade, trade)


async def _trade_id(crm: CRM, trade: str) -> int | None:
    label = _trade_label(trade).lower()
    for item in await crm.list_trades():
        if item.name.strip().lower() == label:
            return item.id
    return None


async def create_customer_record(crm: CRM, fields: Mapping[str, Any], *, allow_duplicate: bool = False) -> CreationResult:
    """Validate again, check for duplicates by email and phone, then create (with a job for the trade)."""
    check = validate_customer(fields)
    if not check.ok:
        problems = dict(check.reasons)
        problems.update({name: "missing" for name in check.missing})
        return CreationResult(problems=problems)
    values = check.values
    if not allow_duplicate:
        seen: dict[int, Customer] = {}
        for kwargs in ({"email": values.get("email")}, {"phone": values.get("phone")}):
            if next(iter(kwargs.values())):
                for customer in await crm.find_duplicate_customers(**kwargs):
                    seen.setdefault(customer.id, customer)
        if seen:
            return CreationResult(duplicates=list(seen.values()))
    body = customer_body(values, await _leap_state_id(crm, values))
    trade = str(values.get("trade") or "")
    trade_id = await _trade_id(crm, trade) if trade else None
    if trade_id is not None:
        description = str(values.get("trade_detail") or _trade_label(trade))
        prospect = ProspectCreate(
            **body.model_dump(),
            job=ProspectJob(trades=[trade_id], description=description[:1].upper() + description[1:]),
        )
        result = await crm.create_prospect(prospect)
        return CreationResult(customer=result.customer, job_ids=list(result.job_ids))
    return CreationResult(customer=await crm.create_customer(body))
