"""`harde transcribe FILE`: print what a recording says, with the configured transcriber
(offline: faster-whisper with the bundled tiny.en, biased toward the CRM's names)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import click

from harde.config import Settings, get_settings
from harde.errors import HardeError


async def transcribe_file(settings: Settings, path: Path) -> str:
    """The text of one audio file, through the same transcriber and prompt as the app."""
    from harde.services import Services

    services = Services(settings)
    try:
        audio = await asyncio.to_thread(path.read_bytes)
        return str(await services.transcriber.transcribe(audio, path.name))
    finally:
        await services.aclose()


def transcribe_or_exit(path: Path) -> str:
    """transcribe_file for a command: a refused recording or a failing transcriber is a clean error."""
    try:
        return asyncio.run(transcribe_file(get_settings(), path))
    except HardeError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command("transcribe")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def command(file: Path) -> None:
    """Print the text spoken in FILE (WAV, MP3, M4A, WebM, Ogg...)."""
    click.echo(transcribe_or_exit(file))
