"""FfmpegRenderer: the voice over branded slides, with captions and the music bed ducked under it.

With a storyboard, each script section is a slide (drawn by `slides.py`, one still per caption
line), slides cross-fade into each other, and the video fades in and out. Without one it is the
single title card looped under the voice (the template is stream-copied, never re-encoded);
`naive=True` re-encodes that card, the old baseline of the benchmark.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path

from harde.integrations.video.branding import Branding, ensure_brand_assets
from harde.integrations.video.ffmpeg import audio_duration, run_ffmpeg
from harde.integrations.video.protocol import RenderResult
from harde.integrations.video.slides import Still, video_stills
from harde.integrations.video.storyboard import Slide, Storyboard

TAIL_S = 0.5  # the music rings on briefly after the last word


def mix_filter(music_volume: float = 0.6, voice: int = 1, music: int = 2) -> str:
    return (
        # Mono: a voice-over gains nothing from stereo, and the AAC encode is the render's main cost.
        f"[{voice}:a]aresample=44100,aformat=channel_layouts=mono,apad=pad_dur="
        f"{TAIL_S},asplit=2[voice][key];"
        f"[{music}:a]aresample=44100,aformat=channel_layouts=mono,volume={music_volume}[bed];"
        # Duck the bed whenever the voice speaks (the voice is the side-chain key).
        "[bed][key]sidechaincompress=threshold=0.02:ratio=12:attack=15:release=400[ducked];"
        "[voice][ducked]amix=inputs=2:duration=first:normalize=0[aout]"
    )


class FfmpegRenderer:
    name = "ffmpeg"

    def __init__(self, cache_dir: Path, branding: Branding, *, naive: bool = False) -> None:
        self.cache_dir = cache_dir
        self.branding = branding
        self.naive = naive
        self.last_render_s = 0.0

    async def render(
        self, voice: Path, out_path: Path, *, run_key: str, storyboard: Storyboard | None = None
    ) -> RenderResult:
        assets = await ensure_brand_assets(self.cache_dir, self.branding)
        total = await audio_duration(voice) + TAIL_S
        out_path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        if storyboard is not None and storyboard.slides:
            video = await self._slide_video(storyboard, total, out_path.parent / "stills")
        else:
            video = self._title_card(assets.template)
        await _mux(video, voice, assets.music, total, out_path)
        self.last_render_s = time.perf_counter() - started
        return RenderResult(path=out_path, duration_s=round(total, 3))

    def _title_card(self, template: Path) -> _VideoTrack:
        """The branded template looped under the voice: stream-copied, or re-encoded when naive."""
        codec = (
            ["-c:v", "libx264", "-preset", "medium", "-crf", "23", "-pix_fmt", "yuv420p"]
            if self.naive
            else ["-c:v", "copy"]
        )
        return _VideoTrack(["-stream_loop", "-1", "-i", str(template)], "", "0:v:0", codec)

    async def _slide_video(self, board: Storyboard, total: float, stills_dir: Path) -> _VideoTrack:
        """The slides as stills with durations, for ffmpeg's concat demuxer."""
        # The last slide holds to the end of the music's tail.
        slides = list(board.slides)
        last = slides[-1]
        slides[-1] = Slide(last.kind, last.title, last.subtitle, last.start_s, total)
        board = Storyboard(tuple(slides), board.captions, total)
        stills_dir.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240  (local, instant)
        stills = await asyncio.to_thread(video_stills, self.branding, board, stills_dir)
        listing = stills_dir / "frames.txt"
        listing.write_text(_concat_list(stills))
        # Variable frame rate: a held slide is one frame for as long as it holds, and only the
        # fades have frames of their own, so the encode costs a few hundred frames, not 24 a second.
        return _VideoTrack(
            ["-f", "concat", "-safe", "0", "-i", str(listing)],
            "[0:v]format=yuv420p[vout];",
            "[vout]",
            ["-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-crf", "24",
             "-pix_fmt", "yuv420p", "-fps_mode", "vfr", "-video_track_timescale", "12288"],
        )  # fmt: skip

    async def cleanup(self, run_key: str) -> int:
        return 0  # everything local lives in the run's temp folder

    async def sweep(self, older_than_s: float) -> int:
        return 0


@dataclass(frozen=True)
class _VideoTrack:
    """How one render's picture is made: its input (ffmpeg's input 0), the filter graph that
    prepares it (ending in the stream `map`, or "" to map the input as it is), its encoder."""

    inputs: list[str]
    video_filter: str
    map: str
    codec: list[str]


async def _mux(video: _VideoTrack, voice: Path, music: Path, total: float, out_path: Path) -> None:
    """The picture with the voice over the ducked music bed (inputs 1 and 2), cut to `total`, as
    an MP4 written beside `out_path` and moved into place only once complete."""
    part = out_path.with_name(out_path.stem + ".part.mp4")
    await run_ffmpeg([
        "-y", *video.inputs,
        "-i", str(voice),
        "-stream_loop", "-1", "-i", str(music),
        "-filter_complex", video.video_filter + mix_filter(voice=1, music=2),
        "-map", video.map, "-map", "[aout]",
        *video.codec,
        "-c:a", "aac", "-b:a", "96k",
        "-t", f"{total:.3f}",
        "-movflags", "+faststart",
        str(part),
    ])  # fmt: skip
    part.replace(out_path)


def _concat_list(stills: list[Still]) -> str:
    """ffmpeg's concat list of stills with their durations (the last named twice, as it needs)."""
    lines = ["ffconcat version 1.0"]
    for still in stills:
        lines += [f"file '{still.path}'", f"duration {still.duration_s:.3f}"]
    lines.append(f"file '{stills[-1].path}'")
    return "\n".join(lines) + "\n"
