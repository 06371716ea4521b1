"""OpenAITTS: speech from OpenAI's audio.speech endpoint (or any OpenAI-compatible server).

Pieces are requested as raw 24 kHz PCM, several at once, so that they join without re-encoding.
"""

from __future__ import annotations

from typing import Any

import openai

from harde.integrations.openai_retry import openai_retrying
from harde.integrations.speech.audio import PcmAudio, pcm_from_answer
from harde.integrations.speech.pieced import PiecedSpeech
from harde.integrations.speech.protocol import SpeechError

OPENAI_PCM_RATE = 24_000


class OpenAITTS(PiecedSpeech):
    """Voices text with an OpenAI TTS model; `instructions` steers gpt-4o-mini-tts's delivery."""

    service = "OpenAI TTS"
    max_piece_chars = 700
    concurrency = 4
    gap_s = 0.2

    def __init__(
        self,
        api_key: str,
        *,
        model: str = "gpt-4o-mini-tts",
        voice: str = "alloy",
        base_url: str | None = None,
        instructions: str | None = "Warm, friendly and unhurried, like a trusted local contractor.",
        timeout_s: float = 60.0,
        attempts: int = 4,
        retry_wait_s: float = 1.0,
    ) -> None:
        # The client's own retries are off: tenacity below owns retrying, with its backoff.
        self._client = openai.AsyncOpenAI(api_key=api_key, base_url=base_url, timeout=timeout_s, max_retries=0)
        self.model = model
        self.voice_name = voice
        self.instructions = instructions
        self.attempts = attempts
        self.retry_wait_s = retry_wait_s
        self.cache_key = f"openai:{base_url or 'api.openai.com'}:{model}:{voice}:{instructions or ''}"

    async def voice_piece(self, text: str) -> PcmAudio:
        extra: dict[str, Any] = {"instructions": self.instructions} if self.instructions else {}
        try:
            async for attempt in openai_retrying(self.attempts, self.retry_wait_s):
                with attempt:
                    response = await self._client.audio.speech.create(
                        model=self.model,
                        voice=self.voice_name,
                        input=text,
                        response_format="pcm",
                        **extra,
                    )
                    samples = response.content
        except openai.AuthenticationError as exc:
            raise SpeechError(self.service, "the API key was rejected") from exc
        except openai.APIStatusError as exc:
            raise SpeechError(self.service, f"HTTP {exc.status_code} after {self.attempts} attempts") from exc
        except openai.APIConnectionError as exc:
            raise SpeechError(self.service, f"could not reach the server: {type(exc).__name__}") from exc
        return await pcm_from_answer(samples, OPENAI_PCM_RATE)

    async def aclose(self) -> None:
        await self._client.close()
