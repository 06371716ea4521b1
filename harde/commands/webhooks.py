"""`harde webhooks`: the Leap webhook receiver (Starlette under uvicorn), its own service.

It only stores events; `harde daemon` queues them as primer runs. Run it behind the same nginx
as the app (deploy/nginx/harde.conf sends /hooks/ here).
"""

from __future__ import annotations

import logging
import sys

import click

from harde.config import get_settings


def configure_logging() -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log = logging.getLogger("harde.webhooks")
    log.handlers[:] = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False


@click.command("webhooks")
@click.option("--host", default=None, help="Address to listen on [default: HARDE_WEBHOOK_HOST].")
@click.option("--port", type=int, default=None, help="Port [default: HARDE_WEBHOOK_PORT].")
def command(host: str | None, port: int | None) -> None:
    """Receive Leap webhooks at /leap/<HARDE_WEBHOOK_SECRET> and store them for the daemon."""
    import uvicorn

    from harde.workflows.webhook_app import MIN_SECRET_CHARS, WebhookReceiver, build_app
    from harde.workflows.webhooks import StageActions, WebhookEventStore

    configure_logging()
    settings = get_settings()
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    if len(secret) < MIN_SECRET_CHARS:
        click.echo(
            f"HARDE_WEBHOOK_SECRET must be set to at least {MIN_SECRET_CHARS} random characters "
            '(python3 -c "import secrets; print(secrets.token_urlsafe(32))").',
            err=True,
        )
        sys.exit(2)
    try:
        actions = StageActions.parse(settings.webhook_stage_actions)
    except ValueError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    store = WebhookEventStore.for_settings(settings)
    app = build_app(WebhookReceiver(secret, actions, store))
    try:
        uvicorn.run(
            app,
            host=host or settings.webhook_host,
            port=port or settings.webhook_port,
            # The access log would print the secret path of every request.
            access_log=False,
            log_level="warning",
            proxy_headers=True,
            forwarded_allow_ips="127.0.0.1",
            timeout_keep_alive=15,
        )
    finally:
        store.dispose()
