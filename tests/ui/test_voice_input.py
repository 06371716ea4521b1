"""The chat's voice helpers: what a chat-input value becomes, each refusal said and nothing
sent, and what of an answer is read aloud."""

from __future__ import annotations

import io
import math
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from harde.errors import IntegrationError
from harde.integrations.recording import NothingHeard, RecordingTooLong
from harde.integrations.speech.espeak import EspeakSpeech
from harde.integrations.speech.readout import readout
from harde.ui.voice import RepMessage, read_chat_input, speak_answer


@dataclass
class Recording:
    """What st.chat_input hands back for a recording: an UploadedFile-like object."""

    data: bytes
    name: str = "recording.wav"

    def getvalue(self) -> bytes:
        return self.data


@dataclass
class Value:
    text: str
    audio: Recording | None


class QueuedTranscriber:
    """Answers from a queue: text, or an exception to raise."""

    def __init__(self, *answers: str | Exception) -> None:
        self.answers = list(answers)
        self.heard: list[bytes] = []

    async def transcribe(self, audio: bytes, filename: str = "recording.wav") -> str:
        self.heard.append(audio)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def _run(coro: Any) -> Any:
    import asyncio

    return asyncio.run(coro)


def _tone() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes((np.sin(2 * math.pi * 220 * np.arange(8000) / 16_000) * 9000).astype("<i2").tobytes())
    return buffer.getvalue()


def test_typed_text_is_sent_as_it_is_and_blank_is_nothing() -> None:
    assert read_chat_input("  hello ", QueuedTranscriber(), _run) == RepMessage("hello")
    assert read_chat_input(Value("   ", None), QueuedTranscriber(), _run) is None
    assert read_chat_input(None, QueuedTranscriber(), _run) is None


def test_a_recording_is_transcribed_and_marked_as_dictated() -> None:
    transcriber = QueuedTranscriber("New customer Sarah Johnson")
    sent = read_chat_input(Value("", Recording(_tone())), transcriber, _run)
    assert sent == RepMessage("New customer Sarah Johnson", dictated=True)
    assert transcriber.heard == [_tone()]


def test_refused_or_failed_recordings_send_nothing() -> None:
    for failure in (NothingHeard(), RecordingTooLong(600, 120), IntegrationError("local speech recognition", "down"), RuntimeError("boom")):
        assert read_chat_input(Value("", Recording(_tone())), QueuedTranscriber(failure), _run) is None
    assert read_chat_input(Value("", Recording(_tone())), QueuedTranscriber("  "), _run) is None


def test_typed_words_survive_a_recording_that_failed() -> None:
    sent = read_chat_input(Value("what's the status", Recording(_tone())), QueuedTranscriber(NothingHeard()), _run)
    assert sent == RepMessage("what's the status")


def test_only_the_first_sentences_are_read_and_a_table_is_summed_up() -> None:
    assert readout("One. Two! Three? Four. Five.") == "One. Two! Three?"
    answer = "Mike Reed has 3 open jobs:\n\n| Job | Customer |\n|---|---|\n| 1042 | Linda |\n| 1043 | John |\n| 1044 | Pat |\n\nSee [the CRM](http://x.example/y)."
    said = readout(answer)
    assert "1042" not in said and "http" not in said and "|" not in said
    assert said.endswith("The table on screen has 3 rows.")
    assert readout("```\ncode\n```") == ""


def test_an_answer_is_voiced_once_by_content(tmp_path: Path) -> None:
    speech = EspeakSpeech()
    first = speak_answer("Linda's number is on file. She prefers texts.", speech, tmp_path, _run)
    assert first is not None and first.stat().st_size > 10_000
    again = speak_answer("Linda's number is on file. She prefers texts.", speech, tmp_path, _run)
    assert again == first
    assert speak_answer("| a | b |\n|---|---|", speech, tmp_path, _run) is not None  # a table is summed up
    assert speak_answer("", speech, tmp_path, _run) is None


def test_a_hands_free_recording_comes_back_as_the_audio_the_page_sent() -> None:
    import base64

    from harde.ui.hands_free import recording_from_payload

    sent = recording_from_payload({"audio": base64.b64encode(b"webm bytes").decode(), "mime": "audio/webm;codecs=opus"})
    assert sent is not None and sent.audio == b"webm bytes" and sent.filename == "recording.webm"
    ogg = recording_from_payload({"audio": base64.b64encode(b"x").decode(), "mime": "audio/ogg"})
    assert ogg is not None and ogg.filename == "recording.ogg"


def test_what_the_page_sends_that_is_not_a_recording_is_dropped() -> None:
    from harde.ui.hands_free import MAX_PAYLOAD_CHARS, recording_from_payload

    for payload in (None, "audio", {"audio": ""}, {"audio": 12}, {"audio": "not base64!"}, {"audio": "A" * (MAX_PAYLOAD_CHARS + 4)}):
        assert recording_from_payload(payload) is None, payload
