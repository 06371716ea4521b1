"""`harde daemon`: the long-running pipeline process, the only one that launches DBOS."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

import click

from harde.config import Settings, get_settings
from harde.errors import ConfigurationError


def configure_logging() -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    pipeline_log = logging.getLogger("harde.pipeline")
    pipeline_log.handlers[:] = [handler]
    pipeline_log.setLevel(logging.INFO)
    pipeline_log.propagate = False
    logging.getLogger("dbos").setLevel(logging.WARNING)


@click.command("daemon")
@click.option("--pause-after", default=None, hidden=True, help="Fault injection for crash tests.")
@click.option("--pause-marker", default=None, hidden=True)
@click.option(
    "--executor",
    default=None,
    help="This daemon's name among several sharing the instance's workflow queue (overrides HARDE_EXECUTOR).",
)
def command(pause_after: str | None, pause_marker: str | None, executor: str | None) -> None:
    """Watch the trigger inbox and run primer-video workflows until SIGTERM."""
    configure_logging()
    settings = get_settings()
    if executor is not None:
        settings = settings.model_copy(update={"executor": executor})
    settings.ensure_dirs()
    try:
        code = asyncio.run(_serve(settings, pause_after, pause_marker))
    except KeyboardInterrupt:
        code = 0
    except ConfigurationError as exc:
        click.echo(f"The daemon cannot start: {exc}", err=True)
        code = 2
    sys.exit(code)


async def _serve(settings: Settings, pause_after: str | None, pause_marker: str | None) -> int:
    from harde.integrations.mail import make_inbox
    from harde.workflows import primer, runtime
    from harde.workflows.daemon import InboxDaemon
    from harde.workflows.pipeline import build_pipeline
    from harde.workflows.webhooks import WebhookEventStore, WebhookPump

    log = logging.getLogger("harde.pipeline")
    lock = runtime.PipelineLock(settings)
    if not lock.acquire():
        click.echo(
            f"Another pipeline process holds {lock.path}; not starting a second one.", err=True
        )
        return 1
    if pause_after:
        primer.pause_after.update(
            step=pause_after, marker=pause_marker or str(settings.data_dir / "paused")
        )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        pipeline = build_pipeline(settings)
    except ConfigurationError:
        lock.release()
        raise
    inbox = make_inbox(settings)
    events = WebhookEventStore.for_settings(settings)
    try:
        await runtime.launch(settings, pipeline, schedule_sweep=True)
        log.info(
            "workflow store ready (%s, executor %s)",
            "postgres" if settings.workflow_db_url else "sqlite",
            runtime.executor_id(settings),
        )
        await InboxDaemon(settings, inbox, webhooks=WebhookPump(settings, events)).run(stop)
    finally:
        events.dispose()
        await inbox.aclose()
        await asyncio.to_thread(runtime.shutdown)
        await pipeline.aclose()
        lock.release()
    return 0
