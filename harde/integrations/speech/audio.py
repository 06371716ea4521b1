"""Raw audio for the speech backends: mono 16-bit PCM clips, WAV and MP3 files, sentence pieces.

Every backend hands back PCM so that pieces join by concatenation; ffmpeg (from the
imageio-ffmpeg wheel) is needed only to encode MP3 and to decode MP3 input.
"""

from __future__ import annotations

import array
import asyncio
import io
import os
import re
import wave
from dataclasses import dataclass
from pathlib import Path

from harde.integrations.speech.protocol import SpeechError, check_suffix

FFMPEG_TIMEOUT_S = 120.0
# Mono speech: 64 kb/s is transparent, and the faster encoder setting halves the encode time.
MP3_BITRATE = "64k"
MP3_COMPRESSION_LEVEL = "7"


@dataclass(frozen=True)
class PcmAudio:
    """Mono signed 16-bit little-endian samples at `sample_rate`."""

    samples: bytes
    sample_rate: int

    @property
    def duration_s(self) -> float:
        return len(self.samples) / 2 / self.sample_rate

    def to_wav_bytes(self) -> bytes:
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.sample_rate)
            out.writeframes(self.samples)
        return buffer.getvalue()


def silence(seconds: float, sample_rate: int) -> bytes:
    return b"\x00\x00" * int(seconds * sample_rate)


def join_pcm(clips: list[PcmAudio], gap_s: float = 0.0) -> PcmAudio:
    """One clip from several at the same rate, with `gap_s` of silence between them."""
    if not clips:
        raise ValueError("nothing to join")
    rate = clips[0].sample_rate
    if any(c.sample_rate != rate for c in clips):
        raise ValueError("clips to join must share a sample rate")
    gap = silence(gap_s, rate)
    return PcmAudio(gap.join(c.samples for c in clips), rate)


def read_wav(data: bytes) -> PcmAudio:
    """PCM from a mono or stereo 16-bit WAV (stereo is mixed down by taking the left channel)."""
    try:
        with wave.open(io.BytesIO(data), "rb") as src:
            channels, width, rate = src.getnchannels(), src.getsampwidth(), src.getframerate()
            frames = src.readframes(src.getnframes())
    except (wave.Error, EOFError) as exc:
        raise SpeechError("audio", f"not a readable WAV file: {exc}") from exc
    if width != 2:
        raise SpeechError("audio", f"expected 16-bit WAV, got {8 * width}-bit")
    if channels == 2:
        frames = array.array("h", frames)[::2].tobytes()
    return PcmAudio(frames, rate)


def wav_duration(path: Path) -> float:
    with wave.open(str(path), "rb") as src:
        return src.getnframes() / src.getframerate()


def ffmpeg_exe() -> str:
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


async def _run_ffmpeg(args: list[str], stdin: bytes) -> bytes:
    process = await asyncio.create_subprocess_exec(
        ffmpeg_exe(),
        "-hide_banner",
        "-loglevel",
        "error",
        *args,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(stdin), FFMPEG_TIMEOUT_S)
    except TimeoutError as exc:
        process.kill()
        await process.wait()
        raise SpeechError("ffmpeg", f"timed out after {FFMPEG_TIMEOUT_S:.0f} s") from exc
    if process.returncode != 0:
        raise SpeechError("ffmpeg", err.decode("utf-8", "replace").strip()[-300:] or "failed")
    return out


async def encode_mp3(audio: PcmAudio) -> bytes:
    return await _run_ffmpeg(
        ["-f", "s16le", "-ar", str(audio.sample_rate), "-ac", "1", "-i", "pipe:0",
         "-codec:a", "libmp3lame", "-b:a", MP3_BITRATE, "-compression_level", MP3_COMPRESSION_LEVEL,
         "-f", "mp3", "pipe:1"],
        audio.samples,
    )


async def decode_to_pcm(data: bytes, sample_rate: int = 24_000) -> PcmAudio:
    """PCM from any audio ffmpeg reads (MP3, WAV, ...), resampled to mono at `sample_rate`."""
    samples = await _run_ffmpeg(
        ["-i", "pipe:0", "-f", "s16le", "-ac", "1", "-ar", str(sample_rate), "pipe:1"], data
    )
    return PcmAudio(samples, sample_rate)


async def pcm_from_answer(data: bytes, raw_rate: int) -> PcmAudio:
    """PCM from a speech service's answer: raw samples at `raw_rate` as asked, or WAV or MP3
    from servers that ignore the requested format."""
    if data[:4] == b"RIFF":
        return read_wav(data)
    if data[:3] == b"ID3" or data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return await decode_to_pcm(data, raw_rate)
    return PcmAudio(data[: len(data) // 2 * 2], raw_rate)


async def write_audio(audio: PcmAudio, out_path: Path) -> None:
    """Write `audio` as WAV or MP3 (by suffix), atomically: a reader never sees half a file."""
    suffix = check_suffix(out_path)
    data = audio.to_wav_bytes() if suffix == ".wav" else await encode_mp3(audio)
    write_atomically(out_path, data)


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


_MARKUP = re.compile(r"[*_#`>]+|^[ \t]*[-•]\s+", re.MULTILINE)
_STAGE_DIRECTIONS = re.compile(r"\[[^\]]*\]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+")


def spoken_text(text: str) -> str:
    """The words to say: markdown emphasis, bullets and [stage directions] removed."""
    text = _STAGE_DIRECTIONS.sub(" ", text)
    text = _MARKUP.sub(" ", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def split_for_speech(text: str, max_chars: int) -> list[str]:
    """Sentence groups of at most `max_chars` (a longer sentence is cut at a comma or space)."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        sentences.extend(s.strip() for s in _SENTENCE_END.split(paragraph.strip()) if s.strip())
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        for part in _cut_long(sentence, max_chars):
            if current and len(current) + 1 + len(part) > max_chars:
                pieces.append(current)
                current = part
            else:
                current = f"{current} {part}".strip()
    if current:
        pieces.append(current)
    return pieces


def _cut_long(sentence: str, max_chars: int) -> list[str]:
    parts: list[str] = []
    while len(sentence) > max_chars:
        cut = sentence.rfind(", ", 0, max_chars)
        if cut <= 0:
            cut = sentence.rfind(" ", 0, max_chars)
        if cut <= 0:
            cut = max_chars
        parts.append(sentence[: cut + 1].strip())
        sentence = sentence[cut + 1 :].strip()
    if sentence:
        parts.append(sentence)
    return parts
