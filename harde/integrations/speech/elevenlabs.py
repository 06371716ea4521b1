"""ElevenLabsVoiceEnhancer: re-voices another synthesizer's audio with an ElevenLabs voice
(speech-to-speech), as the primer videos have always been finished."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
from tenacity import (
    AsyncRetrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)

from harde.integrations.speech.audio import pcm_from_answer, read_wav, write_audio
from harde.integrations.speech.protocol import (
    SpeechError,
    SpeechResult,
    SpeechSynthesizer,
    check_suffix,
)

ELEVENLABS_PCM_RATE = 24_000


class _Transient(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status


def _is_transient(exc: BaseException) -> bool:
    return isinstance(exc, _Transient | httpx.TransportError)


class ElevenLabsVoiceEnhancer:
    """Chained after another synthesizer: that one says the words, ElevenLabs gives the voice."""

    service = "ElevenLabs"

    def __init__(
        self,
        inner: SpeechSynthesizer,
        api_key: str,
        voice_id: str,
        *,
        base_url: str = "https://api.elevenlabs.io",
        model_id: str = "eleven_multilingual_sts_v2",
        timeout_s: float = 120.0,
        attempts: int = 4,
        retry_wait_s: float = 1.0,
    ) -> None:
        self.inner = inner
        self._api_key = api_key
        self.voice_id = voice_id
        self.base_url = base_url.rstrip("/")
        self.model_id = model_id
        self.timeout_s = timeout_s
        self.attempts = attempts
        self.retry_wait_s = retry_wait_s
        self.cache_key = f"{inner.cache_key}+elevenlabs:{voice_id}:{model_id}"

    async def synthesize(self, text: str, out_path: Path) -> SpeechResult:
        check_suffix(out_path)
        with TemporaryDirectory(prefix="harde-sts-") as tmp:
            plain = await self.inner.synthesize(text, Path(tmp) / "plain.wav")
            source = plain.path.read_bytes()
        audio = await pcm_from_answer(await self.convert(source), ELEVENLABS_PCM_RATE)
        await write_audio(audio, out_path)
        return SpeechResult(path=out_path, duration_s=round(audio.duration_s, 3))

    async def convert(self, wav: bytes) -> bytes:
        """The same speech in the ElevenLabs voice, as raw 24 kHz 16-bit PCM."""
        read_wav(wav)  # refuse to upload something that is not audio
        url = f"{self.base_url}/v1/speech-to-speech/{self.voice_id}"
        headers = {"xi-api-key": self._api_key, "accept": "audio/*"}
        try:
            async with httpx.AsyncClient(timeout=self.timeout_s) as client:
                async for attempt in AsyncRetrying(
                    retry=retry_if_exception(_is_transient),
                    stop=stop_after_attempt(self.attempts),
                    wait=wait_exponential(multiplier=self.retry_wait_s, max=30),
                    reraise=True,
                ):
                    with attempt:
                        response = await client.post(
                            url,
                            params={"output_format": f"pcm_{ELEVENLABS_PCM_RATE}"},
                            headers=headers,
                            data={"model_id": self.model_id, "remove_background_noise": "false"},
                            files={"audio": ("speech.wav", wav, "audio/wav")},
                        )
                        if response.status_code == 429 or response.status_code >= 500:
                            raise _Transient(response.status_code)
        except _Transient as exc:
            raise SpeechError(self.service, f"{exc} after {self.attempts} attempts") from exc
        except httpx.TransportError as exc:
            raise SpeechError(self.service, f"could not reach the server: {type(exc).__name__}") from exc
        if response.status_code in (401, 403):
            raise SpeechError(self.service, "the API key was rejected")
        if response.status_code != 200:
            raise SpeechError(self.service, f"HTTP {response.status_code}: {response.text[:200]}")
        return response.content

    async def aclose(self) -> None:
        close = getattr(self.inner, "aclose", None)
        if close is not None:
            await close()
