"""FfmpegVoiceEnhancer: a light broadcast polish (rumble cut, gentle compression, loudness -16 LUFS)."""

from __future__ import annotations

from pathlib import Path

from harde.integrations.video.ffmpeg import run_ffmpeg

VOICE_CHAIN = (
    "highpass=f=80,"
    "acompressor=threshold=0.125:ratio=3:attack=5:release=120:makeup=2,"
    "loudnorm=I=-16:TP=-1.5:LRA=11"
)


class FfmpegVoiceEnhancer:
    name = "ffmpeg"

    async def enhance(self, voice: Path, out_path: Path) -> Path:
        part = out_path.with_name(out_path.stem + ".part" + out_path.suffix)
        await run_ffmpeg(["-y", "-i", str(voice), "-af", VOICE_CHAIN, "-ar", "44100", "-ac", "1", str(part)])
        part.replace(out_path)
        return out_path
