"""EspeakSpeech: offline speech through libespeak-ng from the espeakng-loader wheel (ctypes).

The library keeps global state, so one process voices one piece at a time; it is fast enough
(a 250-word script in about a tenth of a second) that this never matters.
"""

from __future__ import annotations

import asyncio
import ctypes
import re
import threading
from typing import Any

from harde.integrations.speech.audio import PcmAudio, split_for_speech, spoken_text
from harde.integrations.speech.pieced import PiecedSpeech
from harde.integrations.speech.protocol import SpeechError

# From espeak-ng's speak_lib.h.
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_PARAM_RATE = 1
_PARAM_PITCH = 3

_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)
_EVENT_LIST_TERMINATED = 0
_EVENT_WORD = 1


class _Event(ctypes.Structure):
    """espeak_EVENT from speak_lib.h (the `id` union is 8 bytes)."""

    _fields_ = [
        ("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint), ("text_position", ctypes.c_int),
        ("length", ctypes.c_int), ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p), ("id", ctypes.c_char * 8),
    ]  # fmt: skip


class _Espeak:
    """The loaded library, initialised once per process; every call holds `lock`."""

    lock = threading.Lock()
    _instance: _Espeak | None = None

    def __init__(self) -> None:
        import espeakng_loader

        lib: Any = ctypes.CDLL(espeakng_loader.get_library_path())
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_Synth.argtypes = [
            ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
            ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]
        rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, espeakng_loader.get_data_path().encode(), 0)
        if rate <= 0:
            raise SpeechError("espeak", "libespeak-ng failed to initialise")
        self.lib = lib
        self.sample_rate = int(rate)
        self._buffer = bytearray()
        # (text position, length, sample offset) of each word, when the caller asks for them.
        self._words: list[tuple[int, int, int]] | None = None
        # Kept on the instance: ctypes would free a callback that nothing references.
        self._callback = _CALLBACK(self._collect)
        lib.espeak_SetSynthCallback(self._callback)

    @classmethod
    def get(cls) -> _Espeak:
        with cls.lock:
            if cls._instance is None:
                cls._instance = _Espeak()
            return cls._instance

    def _collect(self, wav: Any, count: int, events: Any) -> int:
        if self._words is not None and events:
            event = ctypes.cast(events, ctypes.POINTER(_Event))
            i = 0
            while event[i].type != _EVENT_LIST_TERMINATED:
                if event[i].type == _EVENT_WORD:
                    self._words.append((event[i].text_position, event[i].length, event[i].sample))
                i += 1
        if count > 0 and wav:
            self._buffer.extend(ctypes.string_at(wav, count * 2))
        return 0  # keep going

    def speak(self, text: str, voice: str, rate_wpm: int, pitch: int) -> bytes:
        return self.speak_timed(text, voice, rate_wpm, pitch, words=False)[0]

    def speak_timed(
        self, text: str, voice: str, rate_wpm: int, pitch: int, *, words: bool = True
    ) -> tuple[bytes, list[tuple[int, int, int]]]:
        """The samples, and espeak's word events: (1-based character position, length, sample)."""
        data = text.encode("utf-8") + b"\x00"
        with self.lock:
            self._buffer.clear()
            self._words = [] if words else None
            if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise SpeechError("espeak", f"unknown voice {voice!r}")
            self.lib.espeak_SetParameter(_PARAM_RATE, rate_wpm, 0)
            self.lib.espeak_SetParameter(_PARAM_PITCH, pitch, 0)
            status = self.lib.espeak_Synth(data, len(data), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
            self.lib.espeak_Synchronize()
            found, self._words = self._words or [], None
            if status != 0:
                raise SpeechError("espeak", f"synthesis failed (code {status})")
            return bytes(self._buffer), found


class EspeakSpeech(PiecedSpeech):
    """The default voice: offline, no account, no system packages."""

    service = "espeak"
    max_piece_chars = 2000
    concurrency = 1
    gap_s = 0.1

    # espeak's rate 140 comes out at about 150 spoken words a minute.
    def __init__(self, voice: str = "en-us", rate_wpm: int = 140, pitch: int = 45) -> None:
        self.voice_name = voice
        self.rate_wpm = rate_wpm
        self.pitch = pitch
        # "digits": phone numbers are said digit by digit (audio cached before that differs).
        self.cache_key = f"espeak:{voice}:{rate_wpm}:{pitch}:digits"

    async def voice_piece(self, text: str) -> PcmAudio:
        return await asyncio.to_thread(self._voice_now, text)

    def _voice_now(self, text: str) -> PcmAudio:
        engine = _Espeak.get()
        said, _ = say_phone_numbers(text)
        return PcmAudio(engine.speak(said, self.voice_name, self.rate_wpm, self.pitch), engine.sample_rate)

    async def word_timings(self, text: str) -> list[tuple[str, float, float]]:
        """When each word is spoken in what `synthesize(text)` writes: (word, start s, end s).

        Voiced again piece by piece exactly as `voice` does (espeak repeats itself to within a
        few samples), so the times hold for the cached audio too."""
        return await asyncio.to_thread(self._timings_now, text)

    def _timings_now(self, text: str) -> list[tuple[str, float, float]]:
        engine = _Espeak.get()
        rate = engine.sample_rate
        out: list[tuple[str, float, float]] = []
        offset = 0.0
        for piece in split_for_speech(spoken_text(text), self.max_piece_chars):
            said, source = say_phone_numbers(piece)
            samples, events = engine.speak_timed(said, self.voice_name, self.rate_wpm, self.pitch)
            # espeak's positions are in what it said; the captions' words are the piece's own.
            words = [(source[min(pos - 1, len(source) - 1)] + 1, n, at) for pos, n, at in events]
            length = len(samples) / 2 / rate
            out += _timed_tokens(piece, words, rate, offset, offset + length)
            offset += length + self.gap_s
        return out


# A North American phone number, "(617) 555-0112", "617-555-0112", "+1 617 555 0112".
_PHONE = re.compile(r"(?:\+?1[\s.\-]?)?(?:\(\d{3}\)|\b\d{3})[\s.\-]?\d{3}[\s.\-]\d{4}\b")


def say_phone_numbers(piece: str) -> tuple[str, list[int]]:
    """`piece` with each phone number as people say one, digit by digit in its groups ("6 1 7,
    5 5 5, 0 1 1 2"): espeak reads "(617) 555-0112" as "six hundred seventeen, five hundred
    fifty-five, dash, ...". Also, for each character said, the index in `piece` it stands for,
    so espeak's word positions map back to the written words the captions show."""
    said: list[str] = []
    source: list[int] = []

    def emit(text: str, index: int) -> None:
        said.extend(text)
        source.extend([index] * len(text))

    last = 0
    for match in _PHONE.finditer(piece):
        for i in range(last, match.start()):
            emit(piece[i], i)
        groups = list(re.finditer(r"\d+", match.group(0)))
        for n, group in enumerate(groups):
            for k, digit in enumerate(group.group(0)):
                at = match.start() + group.start() + k
                emit(digit + (" " if k + 1 < len(group.group(0)) else ""), at)
            if n + 1 < len(groups):
                emit(", ", match.start() + group.end() - 1)
        last = match.end()
    for i in range(last, len(piece)):
        emit(piece[i], i)
    return "".join(said), source


def _timed_tokens(
    piece: str, words: list[tuple[str | int, int, int]] | list[tuple[int, int, int]], rate: int,
    start: float, end: float,
) -> list[tuple[str, float, float]]:
    """The piece's own words (with their punctuation), each starting when espeak first spoke a
    word inside it ("1043" is several spoken words; a token espeak skipped starts with the next)."""
    tokens = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"\S+", piece)]
    events = sorted((int(pos) - 1, sample / rate + start) for pos, _, sample in words)
    starts: list[float | None] = []
    k = 0
    for _, lo, hi in tokens:
        while k < len(events) and events[k][0] < lo:
            k += 1
        starts.append(events[k][1] if k < len(events) and events[k][0] < hi else None)
    for i in range(len(starts) - 1, -1, -1):  # unspoken tokens borrow the next one's start
        if starts[i] is None:
            starts[i] = starts[i + 1] if i + 1 < len(starts) else end
    timed = []
    for i, (token, _, _) in enumerate(tokens):
        begin = float(starts[i] or start)
        finish = float(starts[i + 1] or end) if i + 1 < len(tokens) else end
        timed.append((token, round(begin, 3), round(max(begin, finish), 3)))
    return timed
