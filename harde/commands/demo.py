"""`harde demo load`: load the fictional demo company into the local CRM and index its knowledge."""

from __future__ import annotations

import click

from harde.auth.users import DEMO_PASSWORD
from harde.config import Settings, get_settings


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
    added = _demo_users(settings)
    if added:
        click.echo(f"Sign-in: {added} demo users in {settings.users_path} (password {DEMO_PASSWORD!r}; e.g. dwhitaker, rames)")


def _demo_users(settings: Settings) -> int:
    """The fictional company's people as users of the local sign-in, when there is no users file."""
    import json

    from harde.auth.users import UsersFile

    seed = json.loads((settings.demo_dir / "crm" / "seed.json").read_text(encoding="utf-8"))
    return UsersFile(settings.users_path).write_demo(seed.get("users", []))
