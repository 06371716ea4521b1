"""One place that normalises and checks a customer's fields, from the parser or from an LLM.

Leap's rules: first and last name required; at least one phone of 8-12 digits with a label
(we hold US numbers to 10); email valid or empty; ZIP 5 digits; state known.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from harde.intake.geography import Region, region_by_id, region_for
from harde.intake.values import (
    normalise_email,
    normalise_phone,
    normalise_street,
    normalise_zip,
    smart_case,
    tidy_city,
    trade_for,
)

REQUIRED_FIELDS = ("first_name", "last_name", "phone")
OPTIONAL_FIELDS = ("email", "street", "city", "state", "zip", "trade")
FIELD_LABELS = {
    "first_name": "first name", "last_name": "last name", "phone": "phone number", "email": "email",
    "street": "street address", "city": "city", "state": "state", "zip": "ZIP code", "trade": "trade",
    "referral_source": "referral source", "notes": "notes", "unit": "unit",
}
PHONE_LABELS = ("home", "cell", "phone", "office", "fax", "other")


@dataclass
class CustomerCheck:
    """Normalised values that passed, and for the rest what was heard and why it failed."""

    values: dict[str, Any] = field(default_factory=dict)
    invalid: dict[str, str] = field(default_factory=dict)  # field -> what was heard
    reasons: dict[str, str] = field(default_factory=dict)  # field -> why it is not valid
    missing: list[str] = field(default_factory=list)  # required fields with no value

    @property
    def ok(self) -> bool:
        return not self.invalid and not self.missing


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _check_name(value: str) -> tuple[str | None, str | None]:
    if re.search(r"[\d@]", value) or len(value) > 60:
        return None, "a name has no digits or @"
    cleaned = re.sub(r"\s+", " ", value.strip(" ,.;:"))
    if not re.search(r"[A-Za-z]", cleaned):
        return None, "it has no letters"
    return smart_case(cleaned), None


def validate_customer(fields: Mapping[str, Any], heard: Mapping[str, str] | None = None) -> CustomerCheck:
    """Normalise every field given and report the required ones missing and the invalid ones."""
    heard = heard or {}
    check = CustomerCheck()

    def bad(name: str, raw: str, reason: str) -> None:
        check.invalid[name] = heard.get(name, raw)
        check.reasons[name] = reason

    for name in ("first_name", "last_name"):
        raw = _text(fields.get(name))
        if raw is not None:
            value, why = _check_name(raw)
            if value is None:
                bad(name, raw, why or "invalid")
            else:
                check.values[name] = value

    raw_phone = _text(fields.get("phone"))
    if raw_phone is not None:
        phone, why = normalise_phone(raw_phone)
        if phone is None:
            bad("phone", raw_phone, why or "invalid")
        else:
            check.values["phone"] = phone
            label = _text(fields.get("phone_label")) or "cell"
            check.values["phone_label"] = label if label in PHONE_LABELS else "cell"

    raw_email = _text(fields.get("email"))
    if raw_email is not None:
        email, why = normalise_email(raw_email)
        if email is None:
            bad("email", raw_email, why or "invalid")
        else:
            check.values["email"] = email

    raw_street = _text(fields.get("street"))
    if raw_street is not None:
        check.values["street"] = normalise_street(raw_street)
    raw_unit = _text(fields.get("unit"))
    if raw_unit is not None:
        check.values["unit"] = raw_unit

    raw_city = _text(fields.get("city"))
    if raw_city is not None:
        if re.search(r"\d|@", raw_city):
            bad("city", raw_city, "a city name has no digits")
        else:
            check.values["city"] = tidy_city(raw_city)

    region: Region | None = None
    raw_state = _text(fields.get("state"))
    state_id = fields.get("state_id")
    if raw_state is not None:
        region = region_for(raw_state)
        if region is None:
            bad("state", raw_state, "it is not a US state or Canadian province I know")
    elif isinstance(state_id, int) or (isinstance(state_id, str) and state_id.isdigit()):
        region = region_by_id(int(state_id))
    if region is not None:
        check.values.update(state=region.code, state_id=region.leap_id, country_id=region.country_id)

    raw_zip = _text(fields.get("zip"))
    if raw_zip is not None:
        zip_code, why = normalise_zip(raw_zip, region)
        if zip_code is None:
            bad("zip", raw_zip, why or "invalid")
        else:
            check.values["zip"] = zip_code

    raw_trade = _text(fields.get("trade"))
    if raw_trade is not None:
        trade = trade_for(raw_trade)
        if trade is None:
            bad("trade", raw_trade, "we take roofing, siding, gutters and windows")
        else:
            check.values["trade"] = trade
    for name in ("trade_detail", "referral_source", "notes"):
        raw = _text(fields.get(name))
        if raw is not None:
            check.values[name] = raw[:500]

    check.missing = [f for f in REQUIRED_FIELDS if f not in check.values and f not in check.invalid]
    return check
