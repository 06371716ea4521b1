"""EspeakSpeech: offline speech through libespeak-ng from the espeakng-loader wheel (ctypes).

The library keeps global state, so one process voices one piece at a time; it is fast enough
(a 250-word script in about a tenth of a second) that this never matters.
"""

from __future__ import annotations

import asyncio
import ctypes
import threading
from typing import Any

from harde.integrations.speech.audio import PcmAudio
from harde.integrations.speech.pieced import PiecedSpeech
from harde.integrations.speech.protocol import SpeechError

# From espeak-ng's speak_lib.h.
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_PARAM_RATE = 1
_PARAM_PITCH = 3

_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


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
        if count > 0 and wav:
            self._buffer.extend(ctypes.string_at(wav, count * 2))
        return 0  # keep going

    def speak(self, text: str, voice: str, rate_wpm: int, pitch: int) -> bytes:
        data = text.encode("utf-8") + b"\x00"
        with self.lock:
            self._buffer.clear()
            if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise SpeechError("espeak", f"unknown voice {voice!r}")
            self.lib.espeak_SetParameter(_PARAM_RATE, rate_wpm, 0)
            self.lib.espeak_SetParameter(_PARAM_PITCH, pitch, 0)
            status = self.lib.espeak_Synth(data, len(data), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
            self.lib.espeak_Synchronize()
            if status != 0:
                raise SpeechError("espeak", f"synthesis failed (code {status})")
            return bytes(self._buffer)


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
        self.cache_key = f"espeak:{voice}:{rate_wpm}:{pitch}"

    async def voice_piece(self, text: str) -> PcmAudio:
        return await asyncio.to_thread(self._voice_now, text)

    def _voice_now(self, text: str) -> PcmAudio:
        engine = _Espeak.get()
        return PcmAudio(engine.speak(text, self.voice_name, self.rate_wpm, self.pitch), engine.sample_rate)
