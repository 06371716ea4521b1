"""The rendering roles of the pipeline: polishing the voice and putting it on a branded video."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from harde.integrations.video.storyboard import Storyboard


@dataclass(frozen=True)
class RenderResult:
    path: Path
    duration_s: float
    # Remote assets created for this render (Cloudinary public ids); removed by `cleanup`.
    assets: tuple[str, ...] = ()


@runtime_checkable
class VoiceEnhancer(Protocol):
    name: str

    async def enhance(self, voice: Path, out_path: Path) -> Path: ...


@runtime_checkable
class VideoRenderer(Protocol):
    """Voice over the branded template with the music bed ducked, as an H.264/AAC MP4."""

    name: str

    async def render(
        self, voice: Path, out_path: Path, *, run_key: str, storyboard: Storyboard | None = None
    ) -> RenderResult:
        """`storyboard`: the slides and captions timed to the voice; None is one title card."""
        ...

    async def cleanup(self, run_key: str) -> int:
        """Delete every asset of one run (idempotent); returns how many were removed."""
        ...

    async def sweep(self, older_than_s: float) -> int:
        """Delete orphaned assets older than `older_than_s`; returns how many."""
        ...
