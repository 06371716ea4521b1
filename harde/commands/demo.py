"""`harde demo load`: load the fictional demo company into the local CRM and index its knowledge."""

from __future__ import annotations

import click

from harde.config import get_settings


@click.group("demo")
def command() -> None:
    """The fictional demo company (Summit Ridge Exteriors)."""


@command.command("load")
@click.option("--reset", is_flag=True, help="Drop the local demo CRM and load it afresh.")
def load(reset: bool) -> None:
    """Load the demo CRM and build the knowledge index; safe to run again."""
    from harde.integrations.crm.local import load_demo
    from harde.knowledge import build_index

    settings = get_settings()
    settings.ensure_dirs()
    crm_summary = load_demo(settings, reset=reset)
    click.echo(f"Demo CRM: {crm_summary}")
    kb_summary = build_index(settings)
    click.echo(f"Knowledge index: {kb_summary}")
