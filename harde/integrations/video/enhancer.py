"""FfmpegVoiceEnhancer: a light broadcast polish (rumble cut, gentle compression, even loudness).

dynaudnorm lands speech near -16 LUFS at a tenth of loudnorm's cost (loudnorm resamples to
192 kHz internally); LOUDNORM_CHAIN is there when exact EBU R128 matters more than speed.
"""

from __future__ import annotations

from pathlib import Path

from harde.integrations.video.ffmpeg import run_ffmpeg

_CLEAN = "highpass=f=80,acompressor=threshold=0.125:ratio=3:attack=5:release=120:makeup=2,"
VOICE_CHAIN = _CLEAN + "dynaudnorm=f=150:g=15,alimiter=limit=0.89:level=false"
LOUDNORM_CHAIN = _CLEAN + "loudnorm=I=-16:TP=-1.5:LRA=11"


class FfmpegVoiceEnhancer:
    name = "ffmpeg"

    def __init__(self, chain: str = VOICE_CHAIN) -> None:
        self.chain = chain

    async def enhance(self, voice: Path, out_path: Path) -> Path:
        part = out_path.with_name(out_path.stem + ".part" + out_path.suffix)
        await run_ffmpeg(
            ["-y", "-i", str(voice), "-af", self.chain, "-ar", "44100", "-ac", "1", str(part)]
        )
        part.replace(out_path)
        return out_path
