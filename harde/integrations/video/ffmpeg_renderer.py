"""FfmpegRenderer: the voice over branded slides, with captions and the music bed ducked under it.

With a storyboard, each script section is a slide (drawn by `slides.py`, one still per caption
line), slides cross-fade into each other, and the video fades in and out. Without one it is the
single title card looped under the voice (the template is stream-copied, never re-encoded);
`naive=True` re-encodes that card, the old baseline of the benchmark.
"""

from __future__ import annotations

import asyncio
import time
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
        if storyboard is not None and storyboard.slides:
            return await self._render_slides(voice, out_path, storyboard)
        assets = await ensure_brand_assets(self.cache_dir, self.branding)
        voice_s = await audio_duration(voice)
        total = voice_s + TAIL_S
        out_path.parent.mkdir(parents=True, exist_ok=True)
        part = out_path.with_name(out_path.stem + ".part.mp4")
        video_codec = (
            ["-c:v", "libx264", "-preset", "medium", "-crf", "23", "-pix_fmt", "yuv420p"]
            if self.naive
            else ["-c:v", "copy"]
        )
        started = time.perf_counter()
        await run_ffmpeg([
            "-y",
            "-stream_loop", "-1", "-i", str(assets.template),
            "-i", str(voice),
            "-stream_loop", "-1", "-i", str(assets.music),
            "-filter_complex", mix_filter(),
            "-map", "0:v:0", "-map", "[aout]",
            *video_codec,
            "-c:a", "aac", "-b:a", "96k",
            "-t", f"{total:.3f}",
            "-movflags", "+faststart",
            str(part),
        ])  # fmt: skip
        self.last_render_s = time.perf_counter() - started
        part.replace(out_path)
        return RenderResult(path=out_path, duration_s=round(total, 3))

    async def _render_slides(self, voice: Path, out_path: Path, board: Storyboard) -> RenderResult:
        assets = await ensure_brand_assets(self.cache_dir, self.branding)
        voice_s = await audio_duration(voice)
        total = voice_s + TAIL_S
        # The last slide holds to the end of the music's tail.
        slides = list(board.slides)
        last = slides[-1]
        slides[-1] = Slide(last.kind, last.title, last.subtitle, last.start_s, total)
        board = Storyboard(tuple(slides), board.captions, total)
        stills_dir = out_path.parent / "stills"
        stills_dir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        stills = await asyncio.to_thread(video_stills, self.branding, board, stills_dir)
        listing = stills_dir / "frames.txt"
        listing.write_text(_concat_list(stills))
        part = out_path.with_name(out_path.stem + ".part.mp4")
        # Variable frame rate: a held slide is one frame for as long as it holds, and only the
        # fades have frames of their own, so the encode costs a few hundred frames, not 24 a second.
        await run_ffmpeg([
            "-y", "-f", "concat", "-safe", "0", "-i", str(listing),
            "-i", str(voice),
            "-stream_loop", "-1", "-i", str(assets.music),
            "-filter_complex", f"[0:v]format=yuv420p[vout];{mix_filter(voice=1, music=2)}",
            "-map", "[vout]", "-map", "[aout]",
            "-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-crf", "24",
            "-pix_fmt", "yuv420p", "-fps_mode", "vfr", "-video_track_timescale", "12288",
            "-c:a", "aac", "-b:a", "96k",
            "-t", f"{total:.3f}",
            "-movflags", "+faststart",
            str(part),
        ])  # fmt: skip
        self.last_render_s = time.perf_counter() - started
        part.replace(out_path)
        return RenderResult(path=out_path, duration_s=round(total, 3))

    async def cleanup(self, run_key: str) -> int:
        return 0  # everything local lives in the run's temp folder

    async def sweep(self, older_than_s: float) -> int:
        return 0


def _concat_list(stills: list[Still]) -> str:
    """ffmpeg's concat list of stills with their durations (the last named twice, as it needs)."""
    lines = ["ffconcat version 1.0"]
    for still in stills:
        lines += [f"file '{still.path}'", f"duration {still.duration_s:.3f}"]
    lines.append(f"file '{stills[-1].path}'")
    return "\n".join(lines) + "\n"
