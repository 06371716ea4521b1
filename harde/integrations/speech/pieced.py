"""The shared shape of a text-to-speech backend: split into sentence groups, voice each piece
(several at once where the backend allows), join with a short pause, write WAV or MP3."""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from pathlib import Path

from harde.integrations.speech.audio import (
    PcmAudio,
    join_pcm,
    split_for_speech,
    spoken_text,
    write_audio,
)
from harde.integrations.speech.protocol import SpeechError, SpeechResult, check_suffix


class PiecedSpeech(ABC):
    """Base of the text-to-speech backends; a subclass voices one piece with `voice_piece`."""

    cache_key: str = ""
    # Longest piece sent in one request; sentence groups are packed up to this length.
    max_piece_chars: int = 600
    # How many pieces may be voiced at the same time.
    concurrency: int = 1
    # Pause between joined pieces, on top of what the backend leaves at a sentence end.
    gap_s: float = 0.15
    service = "speech"

    @abstractmethod
    async def voice_piece(self, text: str) -> PcmAudio:
        """Voice one piece of text (at most `max_piece_chars` long)."""

    async def voice(self, text: str) -> PcmAudio:
        """The whole text voiced piece by piece and joined, in order."""
        pieces = split_for_speech(spoken_text(text), self.max_piece_chars)
        if not pieces:
            raise SpeechError(self.service, "there is no text to read")
        gate = asyncio.Semaphore(max(1, self.concurrency))

        async def one(piece: str) -> PcmAudio:
            async with gate:
                return await self.voice_piece(piece)

        clips = await asyncio.gather(*(one(p) for p in pieces))
        return join_pcm(list(clips), self.gap_s)

    async def synthesize(self, text: str, out_path: Path) -> SpeechResult:
        check_suffix(out_path)
        audio = await self.voice(text)
        await write_audio(audio, out_path)
        return SpeechResult(path=out_path, duration_s=round(audio.duration_s, 3))
