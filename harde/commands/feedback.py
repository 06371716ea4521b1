"""`harde feedback`: the thumbs up and down reps gave answers in the chat."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import click

from harde.config import get_settings


@click.group("feedback")
def command() -> None:
    """Feedback on answers: export it as labelled examples."""


@command.command("export")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of to stdout.")
def export(out: Path | None) -> None:
    """Every rated answer as one JSON line: the message, its intent and route, the answer, and
    "label": "good" (thumbs up) or "bad" (thumbs down)."""
    from harde.state.feedback import feedback_examples
    from harde.state.store import make_store

    async def lines() -> list[str]:
        store = make_store(get_settings())
        try:
            return [json.dumps(example, ensure_ascii=False) async for example in feedback_examples(store)]
        finally:
            await store.aclose()

    written = asyncio.run(lines())
    if out is None:
        for line in written:
            sys.stdout.write(line + "\n")
    else:
        out.write_text("".join(line + "\n" for line in written), encoding="utf-8")
        click.echo(f"Wrote {len(written)} rated answers to {out}.", err=True)
