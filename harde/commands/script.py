"""`harde script`: write a primer or standard sales script for one CRM job, optionally voiced."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import click

from harde.config import Settings, get_settings


@click.command("script")
@click.option("--job", "job", help="Job id or number (1021 or 2608-1021).")
@click.option("--customer", help="Customer name; with several jobs, --trade or the first job is used.")
@click.option(
    "--trade",
    type=click.Choice(["roofing", "siding", "gutters", "windows"], case_sensitive=False),
    help="Which of the customer's jobs, when they have several.",
)
@click.option("--type", "script_type", type=click.Choice(["primer", "standard"]), default="primer", show_default=True)
@click.option("--focus", help="Focus material, e.g. 'architectural shingles'.")
@click.option("--words", type=int, help="Length target in words (primer 150-300, standard 300-800).")
@click.option("--audio", "audio", type=click.Path(dir_okay=False, path_type=Path), help="Also voice it: a .wav or .mp3 path.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: script, word_count, audio, duration_s.")
def command(
    job: str | None,
    customer: str | None,
    trade: str | None,
    script_type: str,
    focus: str | None,
    words: int | None,
    audio: Path | None,
    as_json: bool,
) -> None:
    """Write a script for one job, non-interactively (no questions asked)."""
    if not job and not customer:
        raise click.UsageError("give --job ID or --customer NAME")
    if audio is not None and audio.suffix.lower() not in (".wav", ".mp3"):
        raise click.UsageError("--audio must end in .wav or .mp3")
    settings = get_settings()
    try:
        target = audio.resolve() if audio is not None else None
        out = asyncio.run(_write(settings, job, customer, trade, script_type, focus, words, target))
    except LookupError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(out, indent=2))
        return
    click.echo(out["script"])
    click.echo(f"\n({out['word_count']} words)", err=True)
    if out["audio"]:
        click.echo(f"Audio: {out['audio']} ({out['duration_s']:.1f} s)", err=True)


async def _write(
    settings: Settings,
    job: str | None,
    customer: str | None,
    trade: str | None,
    script_type: str,
    focus: str | None,
    words: int | None,
    audio: Path | None,
) -> dict[str, Any]:
    from harde.scripting.drafting import make_drafter
    from harde.scripting.jobs import find_job
    from harde.scripting.primer import write_script
    from harde.services import Services

    services = Services(settings)
    try:
        lookup = await find_job(services.crm, customer=customer, job=job, trade=trade.capitalize() if trade else None)
        chosen = lookup.job or (lookup.choices[0] if lookup.choices else None)
        if chosen is None:
            raise LookupError(lookup.problem or "no job found")
        try:
            transcripts = services.transcripts
        except OSError:
            transcripts = None
        script = await write_script(
            services.crm,
            services.knowledge,
            job_id=chosen.id,
            company_name=settings.company_name,
            script_type="standard" if script_type == "standard" else "primer",
            focus=focus,
            target_words=words,
            transcripts=transcripts,
            drafter=make_drafter(settings),
            phones=services.phone_book,
        )
        result: dict[str, Any] = {
            "script": script.text,
            "word_count": script.word_count,
            "job_id": script.job_id,
            "customer": script.customer_name,
            "trade": script.trade,
            "audio": None,
            "duration_s": None,
        }
        if audio is not None:
            voiced = await services.speech.synthesize(script.text, audio)
            result["audio"], result["duration_s"] = str(voiced.path), voiced.duration_s
        return result
    finally:
        await services.aclose()
