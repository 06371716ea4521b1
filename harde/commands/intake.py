"""`harde intake parse [--json] TEXT`: read a dictated new customer, offline, and show the record."""

from __future__ import annotations

import json

import click

from harde.intake import parse_customer
from harde.intake.validation import FIELD_LABELS, validate_customer


@click.group("intake")
def command() -> None:
    """Customer intake from dictation."""


@command.command("parse")
@click.option("--json", "as_json", is_flag=True, help="Print the parsed draft as JSON.")
@click.argument("text", nargs=-1, required=True)
def parse(as_json: bool, text: tuple[str, ...]) -> None:
    """Parse TEXT (a dictated or typed new customer) into a customer record."""
    draft = parse_customer(" ".join(text))
    check = validate_customer(draft.model_dump(), draft.heard)
    if as_json:
        out = draft.model_dump()
        out["missing"] = check.missing
        out["invalid"] = {k: {"heard": v, "why": check.reasons.get(k, "")} for k, v in check.invalid.items()}
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    for name in ("first_name", "last_name", "phone", "email", "street", "unit", "city", "state", "state_id", "zip", "trade", "trade_detail", "referral_source", "notes"):
        value = getattr(draft, name)
        if value not in (None, ""):
            flag = "  (unsure)" if name in draft.unsure or (name in ("first_name", "last_name") and "name" in draft.unsure) else ""
            click.echo(f"{FIELD_LABELS.get(name, name.replace('_', ' ')):<16} {value}{flag}")
    for name in check.missing:
        click.echo(f"missing          {FIELD_LABELS.get(name, name)}")
    for name, heard in check.invalid.items():
        click.echo(f"invalid          {FIELD_LABELS.get(name, name)}: heard “{heard}” ({check.reasons.get(name, '')})")
