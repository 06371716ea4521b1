"""`harde primer --job ID [--json]`: run one primer-video workflow to the end and report it.

When the daemon is running, the run is queued for it through the workflow store; otherwise
this process runs the workflow itself (holding the same lock the daemon would).
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

import click

from harde.config import Settings, get_settings


@click.command("primer")
@click.option("--job", "job_id", type=int, required=True, help="CRM job id.")
@click.option("--focus", default=None, help="What the video should stress (e.g. financing).")
@click.option("--words", type=int, default=None, help="Target script length in words.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def command(job_id: int, focus: str | None, words: int | None, as_json: bool) -> None:
    """Make the primer video for one job: script, voice, video, delivery, CRM note, homeowner email."""
    from harde.commands.daemon import configure_logging

    settings = get_settings()
    settings.ensure_dirs()
    if not as_json:
        configure_logging()
    try:
        workflow_id, result = asyncio.run(_run(settings, job_id, focus, words))
    except Exception as exc:
        click.echo(f"The primer run failed: {exc}", err=True)
        sys.exit(1)
    report = build_report(settings, workflow_id, result)
    if as_json:
        click.echo(json.dumps(report, indent=2, default=str))
        return
    click.echo(f"Run {workflow_id}: {report['outcome']}")
    for key in ("link", "video", "duration_s", "note_id"):
        if report.get(key) is not None:
            click.echo(f"  {key}: {report[key]}")
    if report.get("email"):
        click.echo(f"  email: {report['email'].get('status')}")
    for step in report["steps"]:
        took = f"{step['seconds']:.2f} s" if step["seconds"] is not None else "—"
        click.echo(f"  {step['name']:<16} {step['status']:<8} {took}")


async def _run(
    settings: Settings, job_id: int, focus: str | None, words: int | None
) -> tuple[str, Any]:
    from harde.workflows import runtime
    from harde.workflows.pipeline import build_pipeline

    with runtime.single_runner(settings) as owns_runner:
        if owns_runner:
            pipeline = build_pipeline(settings)
            try:
                return await runtime.run_one(
                    settings, pipeline, job_id, focus=focus, target_words=words
                )
            finally:
                await pipeline.aclose()
    store = runtime.WorkflowStore(settings)
    try:
        workflow_id = store.enqueue_primer(job_id, focus=focus, source="cli")
        return workflow_id, await asyncio.to_thread(store.result, workflow_id)
    finally:
        store.close()


def build_report(settings: Settings, workflow_id: str, result: Any) -> dict[str, Any]:
    from harde.workflows.runtime import WorkflowStore

    store = WorkflowStore(settings)
    try:
        run = store.get_run(workflow_id)
    finally:
        store.close()
    result = result if isinstance(result, dict) else {}
    steps = [
        {"name": s.name, "status": s.status, "seconds": s.seconds, "error": s.error}
        for s in (run.steps if run else [])
    ]
    return {
        "workflow_id": workflow_id,
        "outcome": result.get("outcome", run.status if run else "unknown"),
        "video": result.get("video"),
        "duration_s": result.get("duration_s"),
        "link": result.get("link"),
        "email": result.get("email"),
        "note_id": result.get("note_id"),
        "steps": steps,
    }
