"""Recordings for speech in: audio from the browser or a file (WAV, webm/Opus, MP3, m4a, ...)
decoded with PyAV (FFmpeg's libraries, shipped in the av wheel) to 16 kHz mono, and the checks
made before a transcriber sees it: empty, unreadable, too long, silent."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import numpy as np

from harde.errors import InputError

SAMPLE_RATE = 16_000
DEFAULT_MAX_SECONDS = 120.0
# Below this level (dBFS, over the loudest half second) a recording holds nothing to hear:
# a muted or far-away microphone. Quiet speech close to a laptop mic sits around -35 dBFS.
SILENCE_DBFS = -50.0
NOTHING_HEARD = "I didn't catch anything; try again closer to the mic."


class RecordingRefused(InputError):
    """A recording that cannot be transcribed as it is; the message is for the person who made it."""


class NothingHeard(RecordingRefused):
    """The recording is silent, or holds no speech."""

    def __init__(self) -> None:
        super().__init__(NOTHING_HEARD)


class RecordingTooLong(RecordingRefused):
    """The recording is longer than the configured limit."""

    def __init__(self, seconds: float, limit_s: float) -> None:
        super().__init__(
            f"That recording is longer than {_duration(limit_s)} (it runs {_duration(seconds)} or more), "
            f"the most one message may be; say it in shorter pieces."
        )
        self.seconds = seconds
        self.limit_s = limit_s


class UnreadableRecording(RecordingRefused):
    """The bytes are not audio that FFmpeg can decode."""

    def __init__(self, why: str) -> None:
        super().__init__(f"That recording could not be read as audio ({why}); record it again, or send a WAV, MP3, M4A or WebM file.")


def _duration(seconds: float) -> str:
    if seconds >= 90:
        return f"{seconds / 60:.0f} minutes" if seconds % 60 < 1 else f"{seconds / 60:.1f} minutes"
    return f"{seconds:.0f} seconds"


@dataclass(frozen=True)
class Recording:
    """Mono float32 samples in [-1, 1] at 16 kHz, what Whisper takes."""

    samples: np.ndarray

    @property
    def duration_s(self) -> float:
        return len(self.samples) / SAMPLE_RATE

    def loudest_dbfs(self, window_s: float = 0.5) -> float:
        """The RMS level of the loudest window, in dB below full scale (-inf for digital silence)."""
        if len(self.samples) == 0:
            return float("-inf")
        size = max(1, int(window_s * SAMPLE_RATE))
        count = len(self.samples) // size
        windows = self.samples[: count * size].reshape(count, size) if count else self.samples[None, :]
        rms = float(np.sqrt(np.max(np.mean(np.square(windows, dtype=np.float64), axis=1))))
        return 20 * float(np.log10(rms)) if rms > 0 else float("-inf")


def decode_recording(audio: bytes, *, max_seconds: float = DEFAULT_MAX_SECONDS) -> Recording:
    """16 kHz mono samples from any container FFmpeg reads; refuses what is empty, unreadable
    or longer than `max_seconds` (decoding stops as soon as it is over, so a long file costs
    no more than the limit)."""
    if not audio:
        raise UnreadableRecording("the recording is empty")
    import av

    pieces: list[np.ndarray] = []
    total = 0
    limit = int(max_seconds * SAMPLE_RATE)
    try:
        with av.open(io.BytesIO(audio), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise UnreadableRecording("there is no sound in it")
            declared = _declared_seconds(container)
            if declared is not None and declared > max_seconds + 1:
                raise RecordingTooLong(declared, max_seconds)
            resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            for frame in container.decode(audio=0):
                for out in resampler.resample(frame):
                    total += _take(out, pieces)
                if total > limit:
                    raise RecordingTooLong(total / SAMPLE_RATE, max_seconds)
            for out in resampler.resample(None):
                total += _take(out, pieces)
    except RecordingRefused:
        raise
    except (av.error.FFmpegError, ValueError, OSError) as exc:
        raise UnreadableRecording(_why(exc)) from exc
    if total > limit:
        raise RecordingTooLong(total / SAMPLE_RATE, max_seconds)
    if total == 0:
        raise UnreadableRecording("it holds no audio")
    samples = np.concatenate(pieces).astype(np.float32) / 32768.0
    return Recording(samples)


def check_audible(recording: Recording) -> None:
    """Refuse a recording too quiet to hold speech before any model time is spent on it."""
    if recording.duration_s < 0.2 or recording.loudest_dbfs() < SILENCE_DBFS:
        raise NothingHeard()


def _take(frame: Any, pieces: list[np.ndarray]) -> int:
    array = frame.to_ndarray().reshape(-1)
    pieces.append(array)
    return int(array.shape[0])


def _declared_seconds(container: Any) -> float | None:
    """The length the file says it has, when it says one (WebM from a browser often does not)."""
    stream = container.streams.audio[0]
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None and container.duration > 0:
        return float(container.duration) / 1_000_000
    return None


def _why(exc: Exception) -> str:
    text = str(getattr(exc, "strerror", None) or exc).strip().rstrip(".")
    return text[:120] or type(exc).__name__
