"""`harde transcribe FILE` and `harde intake parse --audio FILE` on recordings espeak-ng makes."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harde.cli import main
from harde.integrations.speech.espeak import EspeakSpeech


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from harde.config import get_settings

    monkeypatch.setenv("HARDE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("HARDE_LLM", "offline")
    get_settings.cache_clear()


def _recording(path: Path, text: str) -> Path:
    asyncio.run(EspeakSpeech(rate_wpm=150).synthesize(text, path))
    return path


def test_transcribe_prints_what_the_recording_says(tmp_path: Path) -> None:
    wav = _recording(tmp_path / "question.wav", "What is the status of the Johnson roof job?")
    result = CliRunner().invoke(main, ["transcribe", str(wav)])
    assert result.exit_code == 0, result.output
    assert "johnson" in result.output.lower() and "roof" in result.output.lower()


def test_intake_parse_reads_a_dictated_customer_from_audio(tmp_path: Path) -> None:
    wav = _recording(
        tmp_path / "dictation.wav",
        "New customer Sarah Johnson, six one seven, five five five, zero one two three, sarah at gmail dot com",
    )
    result = CliRunner().invoke(main, ["intake", "parse", "--json", "--audio", str(wav)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert "Sarah" in out["transcript"]
    assert (out["first_name"], out["last_name"], out["phone"], out["email"]) == ("Sarah", "Johnson", "6175550123", "sarah@gmail.com"), out["transcript"]


def test_a_silent_or_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    import wave

    silent = tmp_path / "silent.wav"
    with wave.open(str(silent), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes(b"\x00\x00" * 32_000)
    result = CliRunner().invoke(main, ["transcribe", str(silent)])
    assert result.exit_code == 1 and "I didn't catch anything" in result.output
    junk = tmp_path / "notes.wav"
    junk.write_text("not audio")
    result = CliRunner().invoke(main, ["intake", "parse", "--audio", str(junk)])
    assert result.exit_code == 1 and "could not be read as audio" in result.output


def test_text_and_audio_together_are_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["intake", "parse", "--audio", str(Path(__file__)), "some", "text"])
    assert result.exit_code == 2 and "either TEXT or --audio" in result.output
