"""`harde leap-emulator`: a Leap v3 API on this machine, answering from a copy of the demo CRM."""

from __future__ import annotations

import click

from harde.config import get_settings


@click.command("leap-emulator")
@click.option("--port", default=8765, show_default=True, help="Port on 127.0.0.1 (0: any free).")
@click.option(
    "--token", default=None, help="The API token it accepts [default: leap-emulator-token]."
)
@click.option("--latency-ms", default=0.0, show_default=True, help="Added to every request.")
@click.option(
    "--requests-per-minute",
    default=60,
    show_default=True,
    help="Leap's rate limit per token (0: none).",
)
@click.option(
    "--reset", is_flag=True, help="Reload the emulator's copy of the demo CRM from the seed."
)
@click.option(
    "--webhook",
    "webhooks",
    multiple=True,
    help="Send Leap's webhooks (stage changes, new customers and jobs) to this URL; repeatable.",
)
def command(
    port: int,
    token: str | None,
    latency_ms: float,
    requests_per_minute: int,
    reset: bool,
    webhooks: tuple[str, ...],
) -> None:
    """Serve the Leap v3 API from the demo company, so HARDE_CRM=leap works without an account.

    Writes land in a separate copy of the demo CRM under the data directory
    (leap_emulator/crm.sqlite3), never in the local CRM.
    """
    from harde.emulators.leap import DEFAULT_TOKEN, LeapEmulator
    from harde.integrations.crm.local import LocalCRM

    settings = get_settings()
    settings.ensure_dirs()
    crm = LocalCRM(
        settings.data_dir / "leap_emulator" / "crm.sqlite3",
        settings.demo_dir / "crm" / "seed.json",
    )
    if reset or crm.is_empty():
        crm.load_seed(reset=True)
    emulator = LeapEmulator(
        crm,
        token=token or DEFAULT_TOKEN,
        port=port,
        latency_ms=latency_ms,
        requests_per_minute=requests_per_minute,
    )
    for url in webhooks:
        emulator.subscribe(url)
    emulator.start()
    click.echo(f"Leap emulator on {emulator.base_url} (Ctrl-C to stop)")
    click.echo(f"  HARDE_CRM=leap LEAP_BASE_URL={emulator.base_url} LEAP_API_TOKEN=<token>")
    if token is None:
        click.echo(f"  token: {DEFAULT_TOKEN}")
    if webhooks:
        click.echo(f"  webhooks to {len(webhooks)} subscriber(s), retried after 3 h and 24 h")
    if latency_ms:
        click.echo(f"  latency: {latency_ms:g} ms per request")
    try:
        emulator.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        emulator.stop()
        crm.close()
