"""Speech out: the SpeechSynthesizer Protocol, its backends, and the one factory that picks them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from harde.integrations.speech.cache import CachedSpeech
from harde.integrations.speech.protocol import SpeechError, SpeechResult, SpeechSynthesizer

if TYPE_CHECKING:
    from harde.config import Settings

__all__ = ["CachedSpeech", "SpeechError", "SpeechResult", "SpeechSynthesizer", "make_speech"]


def make_speech(settings: Settings) -> CachedSpeech:
    """The synthesizer the settings ask for (`tts_backend`), then the ElevenLabs voice when its
    key and voice id are set, behind a cache under `data_dir`."""
    from harde.errors import ConfigurationError

    voice: SpeechSynthesizer
    if settings.tts_backend == "openai":
        from harde.integrations.speech.openai_tts import OpenAITTS

        if settings.openai_api_key is None:
            raise ConfigurationError("HARDE_TTS=openai needs OPENAI_API_KEY")
        voice = OpenAITTS(
            settings.openai_api_key.get_secret_value(),
            model=settings.openai_tts_model,
            voice=settings.openai_tts_voice,
            base_url=settings.openai_base_url,
        )
    elif settings.tts_backend == "piper":
        from harde.integrations.speech.piper import PiperSpeech

        voice = PiperSpeech()
    else:
        from harde.integrations.speech.espeak import EspeakSpeech

        voice = EspeakSpeech()
    if settings.elevenlabs_api_key is not None and settings.elevenlabs_voice_id:
        from harde.integrations.speech.elevenlabs import ElevenLabsVoiceEnhancer

        voice = ElevenLabsVoiceEnhancer(
            voice,
            settings.elevenlabs_api_key.get_secret_value(),
            settings.elevenlabs_voice_id,
            base_url=settings.elevenlabs_base_url,
        )
    return CachedSpeech(voice, settings.data_dir / "speech_cache")
