"""Voice in the chat: the mic in the chat input (a recording is transcribed and sent as the
rep's message, marked as dictated), and answers read aloud when the speaker is on."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from harde.errors import HardeError
from harde.integrations.recording import RecordingRefused
from harde.integrations.speech.readout import readout
from harde.integrations.transcription import DEFAULT_FILENAME, Transcriber
from harde.ui.safe_markdown import safe_markdown

T = TypeVar("T")
Run = Callable[[Awaitable[Any]], Any]
SPEAKER_KEY = "speak_answers"
DICTATED_MARK = "🎙️ dictated"


@dataclass(frozen=True)
class RepMessage:
    """What the rep sent: typed, or heard from a recording."""

    text: str
    dictated: bool = False


def read_chat_input(value: Any, transcriber: Transcriber, run: Run) -> RepMessage | None:
    """The rep's message from `st.chat_input(accept_audio=True)`: typed text as it is, a
    recording transcribed. None, with the reason on screen, when a recording gives nothing:
    then nothing is sent."""
    if value is None:
        return None
    if isinstance(value, str):
        return RepMessage(value.strip()) if value.strip() else None
    typed = str(getattr(value, "text", "") or "").strip()
    recording = getattr(value, "audio", None)
    if recording is None:
        return RepMessage(typed) if typed else None
    heard = transcribe_recording(recording, transcriber, run)
    if heard is None:
        return RepMessage(typed) if typed else None
    return RepMessage(f"{typed} {heard}".strip(), dictated=True)


def transcribe_recording(recording: Any, transcriber: Transcriber, run: Run) -> str | None:
    """The text of one recording from the chat input's mic (see `transcribe_audio`)."""
    return transcribe_audio(recording.getvalue(), getattr(recording, "name", None) or DEFAULT_FILENAME, transcriber, run)


def transcribe_audio(audio: bytes, filename: str, transcriber: Transcriber, run: Run) -> str | None:
    """The text of one recording, or None after saying why (nothing heard, too long, not
    audio, the transcriber down: typing keeps working in every case)."""
    with st.spinner("Listening…"):
        try:
            text = run(transcriber.transcribe(audio, filename))
        except RecordingRefused as exc:
            st.warning(str(exc), icon="🎙️")
            return None
        except HardeError as exc:
            st.error(f"The microphone can't be used right now ({exc}). Typing still works.", icon="🎙️")
            return None
        except Exception as exc:  # an unexpected transcriber failure must not end the page
            st.error(f"The microphone can't be used right now ({type(exc).__name__}). Typing still works.", icon="🎙️")
            return None
    text = str(text or "").strip()
    if not text:
        st.warning("I didn't catch anything; try again closer to the mic.", icon="🎙️")
        return None
    return text


def render_review(key: str = "voice_review") -> RepMessage | None:
    """A dictated message held for editing (HARDE_VOICE_REVIEW): Send returns it as edited."""
    held = st.session_state.get(key)
    if not held:
        return None
    with st.container(border=True):
        st.caption(f"{DICTATED_MARK}: check it, then send")
        edited = st.text_area("What I heard", value=held, key=f"{key}_text", label_visibility="collapsed")
        send, drop = st.columns(2)
        if send.button("Send", type="primary", use_container_width=True, key=f"{key}_send"):
            st.session_state.pop(key, None)
            return RepMessage(edited.strip(), dictated=True) if edited.strip() else None
        if drop.button("Discard", use_container_width=True, key=f"{key}_drop"):
            st.session_state.pop(key, None)
            st.rerun()
    return None


def render_speaker_toggle() -> bool:
    return bool(
        st.toggle(
            "🔊 Read answers aloud",
            key=SPEAKER_KEY,
            help="Each answer's first sentences are spoken (a table is summed up, never read out).",
        )
    )


def speak_answer(answer: str, speech: Any, folder: Path, run: Run) -> Path | None:
    """The answer's first sentences voiced into `folder` (named by content, so a repeat costs
    nothing); None when there is nothing to say or the voice fails."""
    words = readout(answer)
    if not words:
        return None
    path = folder / f"{hashlib.sha256(f'{speech.cache_key}|{words}'.encode()).hexdigest()[:24]}.wav"
    if path.is_file():
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        run(speech.synthesize(words, path))
    except Exception as exc:  # the answer is on screen either way
        st.caption(safe_markdown(f"🔇 Could not read the answer aloud ({type(exc).__name__})."))
        return None
    return path


def play(path: Path) -> None:
    """Play a voiced answer once, automatically."""
    if path.is_file():
        st.audio(path.read_bytes(), format="audio/wav", autoplay=True)
