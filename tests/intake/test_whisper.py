"""WhisperTranscriber: the bundled tiny.en on speech that espeak-ng generates, the vocabulary
prompt and its retry, and the recordings it refuses (silence, noise, too long, not audio)."""

from __future__ import annotations

import io
import math
import struct
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from harde.config import Settings
from harde.errors import ConfigurationError
from harde.integrations.recording import (
    NOTHING_HEARD,
    NothingHeard,
    RecordingTooLong,
    UnreadableRecording,
    decode_recording,
)
from harde.integrations.speech.espeak import EspeakSpeech
from harde.integrations.transcription import OpenAITranscriber, make_transcriber
from harde.integrations.whisper import (
    BUNDLED_MODEL_SHA256,
    WhisperError,
    WhisperOptions,
    WhisperTranscriber,
    _LoadedModel,
    bundled_model_dir,
    check_model_dir,
    echoes_prompt,
    file_sha256,
    short_phone_spans,
    stopped_early,
)
from harde.understanding.dictation import parse_customer

DICTATION = (
    "New customer Sarah Johnson, six one seven, five five five, zero one two three, "
    "sarah at gmail dot com, twelve Elm Street, Quincy, Mass"
)


def _wav(samples: np.ndarray, rate: int = 16_000, channels: int = 1) -> bytes:
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm)
    return buffer.getvalue()


async def _spoken(text: str, rate_wpm: int = 150) -> bytes:
    audio = await EspeakSpeech(rate_wpm=rate_wpm).voice(text)
    silence = b"\x00\x00" * int(0.4 * audio.sample_rate)
    with io.BytesIO() as buffer:
        with wave.open(buffer, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(audio.sample_rate)
            out.writeframes(silence + audio.samples + silence)
        return buffer.getvalue()


# --- the real model on generated speech ---------------------------------------------------------
async def test_a_spoken_dictation_becomes_a_customer_with_the_bundled_model() -> None:
    transcriber = WhisperTranscriber()
    text = await transcriber.transcribe(await _spoken(DICTATION))
    assert "Sarah" in text and "Johnson" in text
    draft = parse_customer(text)
    assert (draft.first_name, draft.last_name) == ("Sarah", "Johnson")
    assert draft.phone == "6175550123"
    assert draft.email == "sarah@gmail.com"


async def test_a_question_is_transcribed_with_the_crm_vocabulary_as_prompt() -> None:
    prompts: list[str] = []

    async def vocabulary() -> str:
        prompts.append("Names: Linda, Johnson. Trades: roofing, gutters.")
        return prompts[-1]

    transcriber = WhisperTranscriber(vocabulary=vocabulary)
    text = await transcriber.transcribe(await _spoken("What is the status of the Johnson roof job?", 160))
    assert prompts, "the vocabulary was not asked for"
    words = text.lower()
    assert "johnson" in words and "roof" in words and "status" in words


async def test_a_browser_recording_in_webm_opus_at_48k_stereo_is_decoded_to_16k_mono() -> None:
    import av

    wav = await _spoken("Add a note to the Johnson job.")
    speech = decode_recording(wav).samples
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="webm") as container:
        stream = container.add_stream("libopus", rate=48_000, layout="stereo")
        up = np.interp(np.arange(0, len(speech) * 3) / 3, np.arange(len(speech)), speech).astype(np.float32)
        frame_size = 960
        for start in range(0, len(up) - frame_size, frame_size):
            chunk = up[start : start + frame_size]
            frame = av.AudioFrame.from_ndarray(np.stack([chunk, chunk], axis=1).reshape(1, -1), format="flt", layout="stereo")
            frame.sample_rate = 48_000
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    recording = decode_recording(buffer.getvalue())
    assert abs(recording.duration_s - len(speech) / 16_000) < 0.2
    text = await WhisperTranscriber().transcribe(buffer.getvalue(), "recording.webm")
    assert "johnson" in text.lower() and "note" in text.lower()


# --- bad input -------------------------------------------------------------------------------
async def test_silence_is_refused_with_the_try_again_message_before_the_model_runs() -> None:
    class NoModel(WhisperTranscriber):
        def _model(self) -> _LoadedModel:
            raise AssertionError("the model must not run on silence")

    with pytest.raises(NothingHeard) as caught:
        await NoModel().transcribe(_wav(np.zeros(16_000 * 3)))
    assert str(caught.value) == NOTHING_HEARD == "I didn't catch anything; try again closer to the mic."


async def test_room_noise_without_speech_is_nothing_heard() -> None:
    rng = np.random.default_rng(7)
    hiss = rng.normal(0, 0.05, 16_000 * 4)
    with pytest.raises(NothingHeard):
        await WhisperTranscriber().transcribe(_wav(hiss))


async def test_a_recording_over_the_limit_is_refused_with_the_reason() -> None:
    ten_minutes = _wav(np.zeros(16_000 * 600))
    with pytest.raises(RecordingTooLong) as caught:
        await WhisperTranscriber(max_seconds=120).transcribe(ten_minutes)
    assert "longer than 2 minutes" in str(caught.value) and "10 minutes" in str(caught.value)


def test_the_limit_holds_while_decoding_when_the_file_states_no_length() -> None:
    # 1.5 s declared, 1 s allowed: the declared length is within the slack, the decoded is not.
    tone = np.sin(2 * math.pi * 440 * np.arange(24_000) / 16_000) * 0.3
    with pytest.raises(RecordingTooLong):
        decode_recording(_wav(tone), max_seconds=1.0)


@pytest.mark.parametrize(
    "data",
    [b"", b"this is not audio at all, just text", b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 8],
    ids=["empty", "text", "broken-wav"],
)
async def test_what_ffmpeg_cannot_read_is_a_clear_message(data: bytes) -> None:
    with pytest.raises(UnreadableRecording) as caught:
        await WhisperTranscriber().transcribe(data)
    assert "could not be read as audio" in str(caught.value)


class _QueuedModel:
    """Answers transcribe() from a queue and records the prompt each call was given."""

    def __init__(self, answers: list[str | Exception]) -> None:
        self.answers = answers
        self.prompts: list[str | None] = []

    def transcribe(self, samples: np.ndarray, **options: Any) -> tuple[list[Any], None]:
        self.prompts.append(options.get("initial_prompt"))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer

        class Segment:
            text = answer

        return [Segment()], None


class _Fake(WhisperTranscriber):
    def __init__(self, model: _QueuedModel, prompt: str) -> None:
        async def vocabulary() -> str:
            return prompt

        super().__init__(vocabulary=vocabulary)
        self.loaded = _LoadedModel(model)

    def _model(self) -> _LoadedModel:
        return self.loaded


TONE = _wav(np.sin(2 * math.pi * 220 * np.arange(16_000) / 16_000) * 0.3)
PROMPT = "A sales rep dictates a new customer. Names: Linda, Johnson, Walsh. Towns: Quincy, Natick."


async def test_an_echo_of_the_prompt_is_transcribed_again_without_it() -> None:
    model = _QueuedModel(["Names: Linda, Johnson, Walsh. Towns: Quincy", "call linda back"])
    assert await _Fake(model, PROMPT).transcribe(TONE) == "call linda back"
    assert model.prompts == [PROMPT, None]


async def test_an_empty_output_is_tried_once_without_the_prompt_then_nothing_heard() -> None:
    model = _QueuedModel(["", ""])
    with pytest.raises(NothingHeard):
        await _Fake(model, PROMPT).transcribe(TONE)
    assert model.prompts == [PROMPT, None]


async def test_a_good_transcript_is_kept_with_one_call() -> None:
    model = _QueuedModel(["What's the status of the Walsh job?"])
    assert await _Fake(model, PROMPT).transcribe(TONE) == "What's the status of the Walsh job?"
    assert model.prompts == [PROMPT]


async def test_warming_up_runs_the_model_once_on_noise_before_any_recording() -> None:
    model = _QueuedModel(["", "", "What's the status of the Walsh job?"])
    transcriber = _Fake(model, PROMPT)
    await transcriber.warm_up()  # through the VAD, then without it
    assert model.prompts == [None, None] and len(model.answers) == 1
    assert await transcriber.transcribe(TONE) == "What's the status of the Walsh job?"


async def test_the_model_failing_is_an_integration_error_that_says_so() -> None:
    model = _QueuedModel([RuntimeError("ctranslate2 exploded")])
    with pytest.raises(WhisperError) as caught:
        await _Fake(model, PROMPT).transcribe(TONE)
    assert "speech model failed" in str(caught.value)


def test_echo_detection_needs_a_run_of_the_prompts_words() -> None:
    assert echoes_prompt("Names: Linda, Johnson, Walsh. Towns", PROMPT)
    assert echoes_prompt("linda johnson walsh", PROMPT)  # all of it inside the prompt
    assert not echoes_prompt("New customer Linda Walsh in Quincy, roof replacement", PROMPT)


# --- the model files -------------------------------------------------------------------------
def test_the_bundled_model_is_the_one_measured() -> None:
    folder = bundled_model_dir()
    assert file_sha256(folder / "model.bin") == BUNDLED_MODEL_SHA256
    check_model_dir(folder, BUNDLED_MODEL_SHA256)


def test_a_model_folder_whose_model_bin_is_not_the_named_one_is_refused(tmp_path: Path) -> None:
    for name in ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt"):
        (tmp_path / name).write_bytes(b"x")
    with pytest.raises(ConfigurationError, match="not the one configured"):
        check_model_dir(tmp_path, "0" * 64)
    (tmp_path / "tokenizer.json").unlink()
    with pytest.raises(ConfigurationError, match=r"lacks tokenizer\.json"):
        check_model_dir(tmp_path, "0" * 64)


def test_the_local_transcriber_is_the_default_and_openai_needs_a_key(tmp_path: Path) -> None:
    bare = Settings(_env_file=None, data_dir=tmp_path, llm="offline")  # type: ignore[call-arg]
    assert isinstance(make_transcriber(bare), WhisperTranscriber)
    keyed = Settings(_env_file=None, data_dir=tmp_path, llm="offline", openai_api_key="sk-x", transcribe_model="whisper-1")  # type: ignore[call-arg]
    chosen = make_transcriber(keyed)
    assert isinstance(chosen, OpenAITranscriber) and chosen.model == "whisper-1"
    forced = Settings(_env_file=None, data_dir=tmp_path, llm="offline", openai_api_key="sk-x", transcriber="whisper")  # type: ignore[call-arg]
    assert isinstance(make_transcriber(forced), WhisperTranscriber)
    unchecked = Settings(_env_file=None, data_dir=tmp_path, llm="offline", whisper_model_dir=tmp_path)  # type: ignore[call-arg]
    with pytest.raises(ConfigurationError, match="SHA256"):
        make_transcriber(unchecked)


def test_a_stereo_wav_is_mixed_down_and_resampled() -> None:
    rate = 44_100
    left = np.sin(2 * math.pi * 300 * np.arange(rate) / rate) * 0.5
    frames = np.stack([left, left], axis=1).reshape(-1)
    data = struct.pack(f"<{len(frames)}h", *(int(v * 32767) for v in frames))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(data)
    recording = decode_recording(buffer.getvalue())
    assert abs(recording.duration_s - 1.0) < 0.02
    assert recording.samples.dtype == np.float32 and recording.samples.ndim == 1


async def test_the_vad_keeps_a_wider_margin_of_speech_so_short_words_at_its_edges_stay() -> None:
    seen: list[dict[str, Any]] = []

    class Recording(_QueuedModel):
        def transcribe(self, samples: np.ndarray, **options: Any) -> tuple[list[Any], None]:
            seen.append(options)
            return super().transcribe(samples, **options)

    await _Fake(Recording(["six one seven"]), PROMPT).transcribe(TONE)
    assert seen[0]["vad_filter"] is True
    assert seen[0]["vad_parameters"] == {"speech_pad_ms": 800}


# --- reading on after the model stops, and a phone number listened to again -----------------------
class _Word:
    def __init__(self, word: str, start: float, end: float) -> None:
        self.word, self.start, self.end = word, start, end


class _Segment:
    def __init__(self, text: str, *, logprob: float = -0.2, no_speech: float = 0.02, words: list[_Word] | None = None) -> None:
        self.text, self.avg_logprob, self.no_speech_prob = text, logprob, no_speech
        self.words = words or []


class _Scripted:
    """Answers transcribe() with scripted segments, recording each call's options and length."""

    def __init__(self, answers: list[list[_Segment]]) -> None:
        self.answers = answers
        self.calls: list[tuple[float, dict[str, Any]]] = []

    def transcribe(self, samples: np.ndarray, **options: Any) -> tuple[list[Any], None]:
        self.calls.append((len(samples) / 16_000, options))
        return list(self.answers.pop(0)), None


def _timed(text: str, start: float) -> list[_Word]:
    """The words of `text`, half a second each from `start`."""
    return [_Word(" " + word, start + k * 0.5, start + k * 0.5 + 0.4) for k, word in enumerate(text.split())]


TEN_SECONDS = _wav(np.sin(2 * math.pi * 220 * np.arange(160_000) / 16_000) * 0.3)


async def test_reading_on_after_the_model_stops_keeps_speech_not_what_it_writes_on_silence() -> None:
    model = _Scripted([[
        _Segment("New customer Aoife Gallagher, address 23 School Street, Dedham, Mass, 02026."),
        _Segment(" She's looking for new gutters.", logprob=-0.17, no_speech=0.04),
        _Segment(" Thank you.", logprob=-1.0, no_speech=0.65),
    ]])
    transcriber = _Fake(model, PROMPT)  # type: ignore[arg-type]
    transcriber.options = WhisperOptions(read_on=True)
    text = await transcriber.transcribe(TEN_SECONDS)
    assert text.endswith("02026. She's looking for new gutters.")
    assert model.calls[0][1]["word_timestamps"] is True


FULL_READING = "New customer Aoife Gallagher, phone 781-347-8821, address 23 School Street, Dedham, Mass, 02026. Gutters."


async def test_by_default_one_pass_without_word_timings() -> None:
    model = _Scripted([[_Segment(FULL_READING)]])
    await _Fake(model, PROMPT).transcribe(TEN_SECONDS)  # type: ignore[arg-type]
    assert len(model.calls) == 1 and model.calls[0][1]["word_timestamps"] is False


async def test_a_reading_that_stops_early_is_read_on() -> None:
    # Ten seconds of speech read as four words: the model stopped; read on with word timings.
    model = _Scripted([[_Segment("Add a new lead.")], [_Segment("Add a new lead."), _Segment(" " + FULL_READING)]])
    text = await _Fake(model, PROMPT).transcribe(TEN_SECONDS)  # type: ignore[arg-type]
    assert text == "Add a new lead. " + FULL_READING
    assert [call[1]["word_timestamps"] for call in model.calls] == [False, True]


async def test_reading_on_that_hears_nothing_more_keeps_the_first_reading() -> None:
    model = _Scripted([[_Segment("Add a new lead.")], [_Segment("Add a new lead."), _Segment(" Thank you.", logprob=-1.2, no_speech=0.7)]])
    assert await _Fake(model, PROMPT).transcribe(TEN_SECONDS) == "Add a new lead."  # type: ignore[arg-type]


def test_only_a_reading_far_too_short_for_its_speech_stopped_early() -> None:
    assert stopped_early("Add a new lead, Karen Walsh.", 14.7)
    assert not stopped_early(FULL_READING, 10.0)
    assert not stopped_early("Yes.", 1.0)  # a short answer is short


HEARD_SHORT = "New lead Jamal Washington, phone 603-668-912. Email jamal at gmail dot com."


async def test_a_phone_number_heard_a_digit_short_is_listened_to_again_alone() -> None:
    model = _Scripted([
        [_Segment(HEARD_SHORT)],
        [_Segment(HEARD_SHORT, words=_timed(HEARD_SHORT, 1.0))],  # where its words were
        [_Segment(" Phone 603-668-9012.")],  # the few seconds around it, without the prompt
    ])
    text = await _Fake(model, PROMPT).transcribe(TEN_SECONDS)  # type: ignore[arg-type]
    assert "phone 603-668-9012. Email" in text
    assert model.calls[1][1]["word_timestamps"] is True
    seconds, options = model.calls[2]
    assert seconds < 3 and options["initial_prompt"] is None and options["vad_filter"] is False
    assert parse_customer(text).phone == "6036689012"


async def test_a_second_reading_that_does_not_hold_the_nine_digits_heard_is_not_taken() -> None:
    model = _Scripted([
        [_Segment(HEARD_SHORT)],
        [_Segment(HEARD_SHORT, words=_timed(HEARD_SHORT, 1.0))],
        [_Segment(" Phone 603-668-9021.")],  # ten digits, not the nine heard in their order
        [_Segment(" Phone 603-668-912.")],  # a little wider: nine again
    ])
    text = await _Fake(model, PROMPT).transcribe(TEN_SECONDS)  # type: ignore[arg-type]
    assert text == HEARD_SHORT  # kept as heard: the rep is asked for the number
    assert len(model.calls) == 4 and not model.answers
    assert model.calls[3][0] > model.calls[2][0]
    draft = parse_customer(text)
    assert draft.phone == "603668912" and "phone" in draft.unsure


@pytest.mark.parametrize(
    ("text", "nine"),
    [
        ("Phone 603-668-912. Email", ["603668912"]),
        ("phone 781, 347, 881, email", ["781347881"]),
        ("herself, 617-983402. Email", ["617983402"]),
        ("Phone 603-668-912, 03104", ["603668912"]),  # a ZIP after it is not its tenth digit
        ("Mobile 978-469-025-E-mail", ["978469025"]),
        ("Phone 603-668-9012. Email", []),
        ("Mass 02169-1234, roof", []),
        ("on 12/15 at 10, 3 squares", []),
    ],
)
def test_phone_numbers_heard_a_digit_short(text: str, nine: list[str]) -> None:
    assert [digits for _start, _end, digits in short_phone_spans(text)] == nine
