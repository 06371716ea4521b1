"""OpenAITranscriber against the OpenAI-compatible test server on loopback, with a generated WAV."""

from __future__ import annotations

import io
import math
import struct
import wave

import pytest

from harde.emulators.openai_server import OpenAITestServer
from harde.integrations.transcription import OpenAITranscriber, TranscriptionError


def _tone_wav(seconds: float = 0.3, rate: int = 16_000) -> bytes:
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate))) for i in range(int(seconds * rate))
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return buffer.getvalue()


async def test_transcribes_a_recording_through_the_audio_endpoint() -> None:
    wav = _tone_wav()
    with OpenAITestServer(api_key="sk-test") as server:
        server.transcription_text = "Create a new customer: Sarah Johnson, six one seven..."
        transcriber = OpenAITranscriber("sk-test", model="gpt-4o-mini-transcribe", base_url=server.base_url)
        text = await transcriber.transcribe(wav, "note.wav")
        await transcriber.aclose()
        request = server.requests[-1]
    assert text == "Create a new customer: Sarah Johnson, six one seven..."
    assert request.path.endswith("/audio/transcriptions")
    assert request.form.get("model") == "gpt-4o-mini-transcribe"
    assert wav in request.files.values()


async def test_retries_rate_limits_and_server_errors_then_succeeds() -> None:
    with OpenAITestServer() as server:
        server.transcription_text = "okay"
        server.enqueue_error(429, retry_after=0)
        server.enqueue_error(503)
        transcriber = OpenAITranscriber("k", base_url=server.base_url, retry_wait_s=0.01)
        assert await transcriber.transcribe(_tone_wav()) == "okay"
        await transcriber.aclose()
        assert len([r for r in server.requests if r.path.endswith("/audio/transcriptions")]) == 3


async def test_a_refused_key_is_a_clear_error_without_retries() -> None:
    with OpenAITestServer(api_key="right") as server:
        transcriber = OpenAITranscriber("wrong", base_url=server.base_url, retry_wait_s=0.01)
        with pytest.raises(TranscriptionError, match="key"):
            await transcriber.transcribe(_tone_wav())
        await transcriber.aclose()
        assert len(server.requests) == 1


async def test_empty_recording_is_refused_before_any_request() -> None:
    transcriber = OpenAITranscriber("k", base_url="http://127.0.0.1:9/v1")
    with pytest.raises(TranscriptionError, match="empty"):
        await transcriber.transcribe(b"")
    await transcriber.aclose()
