"""What every speech backend promises: text in, an audio file (.wav or .mp3 by suffix) out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from harde.errors import IntegrationError

AUDIO_SUFFIXES = (".wav", ".mp3")


@dataclass(frozen=True)
class SpeechResult:
    path: Path
    duration_s: float


@runtime_checkable
class SpeechSynthesizer(Protocol):
    """Voices text into `out_path`; the suffix (.wav or .mp3) chooses the format."""

    # Identifies backend, model and voice: two synthesizers with the same key sound the same,
    # which is what the speech cache relies on.
    cache_key: str

    async def synthesize(self, text: str, out_path: Path) -> SpeechResult: ...


class SpeechError(IntegrationError):
    """A speech backend failed to voice the text (after its retries, for remote ones)."""


def check_suffix(out_path: Path) -> str:
    suffix = out_path.suffix.lower()
    if suffix not in AUDIO_SUFFIXES:
        raise ValueError(f"speech output must end in .wav or .mp3, not {out_path.name!r}")
    return suffix
