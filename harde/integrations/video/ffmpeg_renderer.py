"""FfmpegRenderer: the voice over the looped template with the music bed ducked under it.

The template is stream-copied (never re-encoded), so rendering costs one AAC encode and runs
far faster than real time; `naive=True` re-encodes the video, the baseline the benchmark uses.
"""

from __future__ import annotations

import time
from pathlib import Path

from harde.integrations.video.branding import Branding, ensure_brand_assets
from harde.integrations.video.ffmpeg import audio_duration, run_ffmpeg
from harde.integrations.video.protocol import RenderResult

TAIL_S = 0.5  # the music rings on briefly after the last word


def mix_filter(music_volume: float = 0.6) -> str:
    return (
        # Mono: a voice-over gains nothing from stereo, and the AAC encode is the render's main cost.
        "[1:a]aresample=44100,aformat=channel_layouts=mono,apad=pad_dur="
        f"{TAIL_S},asplit=2[voice][key];"
        f"[2:a]aresample=44100,aformat=channel_layouts=mono,volume={music_volume}[bed];"
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

    async def render(self, voice: Path, out_path: Path, *, run_key: str) -> RenderResult:
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

    async def cleanup(self, run_key: str) -> int:
        return 0  # everything local lives in the run's temp folder

    async def sweep(self, older_than_s: float) -> int:
        return 0
