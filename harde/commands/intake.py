"""`harde intake parse [--json] TEXT`: read a dictated new customer, offline, and show the record."""

from __future__ import annotations

import json
from pathlib import Path

import click

from harde.intake.validation import FIELD_LABELS, validate_customer
from harde.understanding.dictation import parse_customer


@click.group("intake")
def command() -> None:
    """Customer intake from dictation."""


@command.command("parse")
@click.option("--json", "as_json", is_flag=True, help="Print the parsed draft as JSON.")
@click.option(
    "--audio",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the customer from a recording instead of TEXT (transcribed first).",
)
@click.argument("text", nargs=-1)
def parse(as_json: bool, audio: Path | None, text: tuple[str, ...]) -> None:
    """Parse TEXT (a dictated or typed new customer), or the recording --audio, into a customer record."""
    if audio is not None and text:
        raise click.UsageError("give either TEXT or --audio, not both")
    heard = None
    if audio is not None:
        from harde.commands.transcribe import transcribe_or_exit

        heard = transcribe_or_exit(audio)
    elif not text:
        raise click.UsageError("nothing to parse: give TEXT or --audio FILE")
    draft = parse_customer(heard if heard is not None else " ".join(text))
    check = validate_customer(draft.model_dump(), draft.heard)
    if as_json:
        out = draft.model_dump()
        if heard is not None:
            out["transcript"] = heard
        out["missing"] = check.missing
        out["invalid"] = {k: {"heard": v, "why": check.reasons.get(k, "")} for k, v in check.invalid.items()}
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    if heard is not None:
        click.echo(f"{'heard':<16} {heard}")
    for name in ("first_name", "last_name", "phone", "email", "street", "unit", "city", "state", "state_id", "zip", "trade", "trade_detail", "referral_source", "notes"):
        value = getattr(draft, name)
        if value not in (None, ""):
            flag = "  (unsure)" if name in draft.unsure or (name in ("first_name", "last_name") and "name" in draft.unsure) else ""
            click.echo(f"{FIELD_LABELS.get(name, name.replace('_', ' ')):<16} {value}{flag}")
    for name in check.missing:
        click.echo(f"missing          {FIELD_LABELS.get(name, name)}")
    for name, heard in check.invalid.items():
        click.echo(f"invalid          {FIELD_LABELS.get(name, name)}: heard “{heard}” ({check.reasons.get(name, '')})")
