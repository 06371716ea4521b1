"""Speech in: the Transcriber protocol, OpenAITranscriber (OpenAI's audio.transcriptions, or any
OpenAI-compatible server), and the factory that picks it or the local WhisperTranscriber."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol, runtime_checkable

import openai

from harde.config import Settings
from harde.errors import ConfigurationError, IntegrationError
from harde.integrations.openai_retry import openai_retrying

SERVICE = "OpenAI transcription"
# What a browser recording is called when the recorder gives it no name.
DEFAULT_FILENAME = "recording.wav"


class TranscriptionError(IntegrationError):
    """The transcription service failed or refused the audio."""

    def __init__(self, message: str) -> None:
        super().__init__(SERVICE, message)


@runtime_checkable
class Transcriber(Protocol):
    async def transcribe(self, audio: bytes, filename: str = DEFAULT_FILENAME) -> str:
        """The text spoken in the audio (wav, mp3, m4a, webm...)."""
        ...


class OpenAITranscriber:
    """Transcribes with settings.transcribe_model; retries 429, 5xx and connection errors with backoff."""

    def __init__(
        self,
        api_key: str,
        *,
        model: str = "gpt-4o-mini-transcribe",
        base_url: str | None = None,
        timeout_s: float = 60.0,
        attempts: int = 4,
        retry_wait_s: float = 1.0,
        language: str | None = "en",
    ) -> None:
        # The client's own retries are off: tenacity owns retrying, with exponential backoff.
        self._client = openai.AsyncOpenAI(api_key=api_key, base_url=base_url, timeout=timeout_s, max_retries=0)
        self.model = model
        self.attempts = attempts
        self.retry_wait_s = retry_wait_s
        self.language = language

    async def transcribe(self, audio: bytes, filename: str = DEFAULT_FILENAME) -> str:
        if not audio:
            raise TranscriptionError("the recording is empty")
        try:
            async for attempt in openai_retrying(self.attempts, self.retry_wait_s):
                with attempt:
                    result = await self._client.audio.transcriptions.create(
                        model=self.model,
                        file=(filename or DEFAULT_FILENAME, audio),
                        language=self.language or openai.omit,
                    )
        except openai.AuthenticationError as exc:
            raise TranscriptionError("the API key was refused (check OPENAI_API_KEY)") from exc
        except openai.APIStatusError as exc:
            raise TranscriptionError(f"the service answered {exc.status_code}") from exc
        except openai.APIConnectionError as exc:
            raise TranscriptionError("the service could not be reached") from exc
        text = result if isinstance(result, str) else getattr(result, "text", "")
        return str(text or "").strip()

    async def aclose(self) -> None:
        await self._client.close()


def make_transcriber(settings: Settings, vocabulary: Callable[[], Awaitable[str]] | None = None) -> Transcriber:
    """OpenAITranscriber with an OpenAI key (or HARDE_TRANSCRIBER=openai), else the local
    WhisperTranscriber; `vocabulary` gives Whisper its current prompt."""
    if settings.transcriber_backend == "openai":
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return OpenAITranscriber(
            key or "not-needed",  # a local OpenAI-compatible server may take no key
            model=settings.transcribe_model,
            base_url=settings.openai_base_url,
            timeout_s=settings.llm_timeout_s,
            attempts=max(1, settings.llm_max_retries + 1),
        )
    from harde.integrations.whisper import WhisperOptions, WhisperTranscriber

    if settings.whisper_model_dir is not None and not settings.whisper_model_sha256:
        raise ConfigurationError("HARDE_WHISPER_MODEL_DIR needs HARDE_WHISPER_MODEL_SHA256 (the sha256 of its model.bin)")
    return WhisperTranscriber(
        settings.whisper_model_dir,
        model_sha256=settings.whisper_model_sha256,
        options=WhisperOptions(
            beam_size=settings.whisper_beam_size,
            compute_type=settings.whisper_compute_type,
            cpu_threads=settings.whisper_threads,
        ),
        max_seconds=settings.voice_max_seconds,
        vocabulary=vocabulary,
    )
