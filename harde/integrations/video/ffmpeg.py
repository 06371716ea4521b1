"""The ffmpeg binary from the imageio-ffmpeg wheel: running it with a timeout, and probing media."""

from __future__ import annotations

import asyncio
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from harde.errors import IntegrationError

DEFAULT_TIMEOUT_S = 300.0


class FfmpegError(IntegrationError):
    """ffmpeg failed or timed out."""

    def __init__(self, message: str) -> None:
        super().__init__("ffmpeg", message)


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


@lru_cache(maxsize=1)
def available_filters() -> frozenset[str]:
    out = subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-filters"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    ).stdout
    names = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and "->" in parts[2]:
            names.add(parts[1])
    return frozenset(names)


async def run_ffmpeg(args: list[str], *, timeout_s: float = DEFAULT_TIMEOUT_S) -> str:
    """Run ffmpeg with `args`; returns stderr (ffmpeg's report). Raises FfmpegError on failure."""
    proc = await asyncio.create_subprocess_exec(
        ffmpeg_exe(),
        "-hide_banner",
        "-nostdin",
        *args,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        _, err = await asyncio.wait_for(proc.communicate(), timeout=timeout_s)
    except TimeoutError as exc:
        proc.kill()
        await proc.wait()
        raise FfmpegError(f"timed out after {timeout_s:.0f} s") from exc
    text = err.decode(errors="replace")
    if proc.returncode != 0:
        tail = " | ".join(text.strip().splitlines()[-3:])
        raise FfmpegError(f"exit {proc.returncode}: {tail}")
    return text


@dataclass(frozen=True)
class MediaInfo:
    duration_s: float
    video_codec: str | None
    audio_codec: str | None
    width: int | None = None
    height: int | None = None

    @property
    def playable(self) -> bool:
        return self.duration_s > 0 and (
            self.video_codec is not None or self.audio_codec is not None
        )


_DURATION = re.compile(r"Duration:\s*(\d+):(\d+):(\d+(?:\.\d+)?)")
_STREAM = re.compile(r"Stream #\d+:\d+(?:\[[^\]]*\])?(?:\([^)]*\))?: (Video|Audio): (\w+)([^\n]*)")
_SIZE = re.compile(r",\s*(\d{2,5})x(\d{2,5})[\s,\[]")


async def probe(path: Path, *, timeout_s: float = 30.0) -> MediaInfo:
    """What ffmpeg reads from a file's headers (the binary has no ffprobe, so parse `ffmpeg -i`)."""
    proc = await asyncio.create_subprocess_exec(
        ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", str(path),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        _, err = await asyncio.wait_for(proc.communicate(), timeout=timeout_s)
    except TimeoutError as exc:
        proc.kill()
        await proc.wait()
        raise FfmpegError("probe timed out") from exc
    return parse_probe(err.decode(errors="replace"))


def parse_probe(report: str) -> MediaInfo:
    duration = 0.0
    m = _DURATION.search(report)
    if m:
        duration = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    video = audio = None
    width = height = None
    for kind, codec, rest in _STREAM.findall(report):
        if kind == "Video" and video is None:
            video = codec
            size = _SIZE.search(rest + " ")
            if size:
                width, height = int(size.group(1)), int(size.group(2))
        elif kind == "Audio" and audio is None:
            audio = codec
    return MediaInfo(duration, video, audio, width, height)


async def audio_duration(path: Path) -> float:
    """The decoded length of the first audio stream (exact, unlike container headers)."""
    report = await run_ffmpeg(["-i", str(path), "-map", "0:a:0", "-f", "null", "-"])
    times = re.findall(r"time=(\d+):(\d+):(\d+(?:\.\d+)?)", report)
    if not times:
        return 0.0
    h, m, s = times[-1]
    return int(h) * 3600 + int(m) * 60 + float(s)
