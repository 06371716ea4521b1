"""Hands-free mode: after an answer is read aloud, the browser records the next question and
stops on silence, then the recording goes through the same transcriber as the chat's mic.

`st.chat_input`'s mic cannot be started from the server, so a small component (static
JavaScript, no build step) records with MediaRecorder and ends the recording with an energy
detector; the recording comes back as base64 WebM/Opus."""

from __future__ import annotations

import base64
import binascii
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

HANDS_FREE_KEY = "hands_free"
ARMED_KEY = "hands_free_armed"
COMPONENT_NAME = "harde_hands_free"
# The recording is base64 of compressed audio: two minutes of Opus is about 1 MB; anything
# far bigger than that is not what the page sends.
MAX_PAYLOAD_CHARS = 16 * 1024 * 1024
# How long a pause ends the question, and how long to wait for the rep to start talking.
SILENCE_S = 1.2
NO_SPEECH_S = 8.0
_MIME_NAMES = {"audio/webm": "recording.webm", "audio/ogg": "recording.ogg", "audio/mp4": "recording.m4a"}

_HTML = """
<div class="hands-free" data-state="idle">
  <span class="hands-free-text">Hands-free: I listen after each spoken answer.</span>
  <button class="hands-free-stop" type="button" hidden>Stop</button>
  <button class="hands-free-talk" type="button" hidden>🎙️ Talk</button>
</div>
"""
_CSS = """
.hands-free { display: flex; gap: .75rem; align-items: center; font-size: .9rem;
  color: var(--st-text-color); opacity: .85; padding: .25rem 0; }
.hands-free[data-state="listening"], .hands-free[data-state="hearing"] { opacity: 1; font-weight: 600; }
.hands-free[data-state="error"] { color: var(--st-red-color, #c33); }
.hands-free button { border: 1px solid var(--st-border-color, #ccc); border-radius: .5rem;
  background: transparent; color: inherit; padding: .15rem .6rem; cursor: pointer; }
"""


@dataclass(frozen=True)
class HandsFreeRecording:
    """One recording the page made on its own, as the transcriber takes it."""

    audio: bytes
    filename: str


def render_hands_free_toggle(speaker_on: bool) -> bool:
    """The sidebar switch, shown with the speaker on (hands-free follows a spoken answer)."""
    if not speaker_on:
        st.session_state.pop(ARMED_KEY, None)
        return False
    return bool(
        st.toggle(
            "🎙️ Hands-free",
            key=HANDS_FREE_KEY,
            help="After an answer is read aloud, I listen for your next question and send it when you pause.",
        )
    )


def arm(token: str) -> None:
    """Listen after the answer about to be shown; `token` is new for each answer, so the page
    listens after each one once."""
    st.session_state[ARMED_KEY] = token


@functools.cache
def _component() -> Any:
    js = Path(__file__).with_name("hands_free.js").read_text(encoding="utf-8")
    return st.components.v2.component(COMPONENT_NAME, html=_HTML, css=_CSS, js=js)


def hands_free_listener(max_seconds: float) -> HandsFreeRecording | None:
    """Mount the listener; the recording it sent on this run, if any.

    The armed answer is handed to the page once: a later rerun (the recording arriving, a
    click) must not start another listening for the same answer."""
    result = _component()(
        key="hands_free_listener",
        data={"armed": st.session_state.pop(ARMED_KEY, None), "silence_s": SILENCE_S, "no_speech_s": NO_SPEECH_S, "max_s": max_seconds},
        height="content",
        on_recording_change=lambda: None,
    )
    return recording_from_payload(getattr(result, "recording", None))


def recording_from_payload(payload: Any) -> HandsFreeRecording | None:
    """The audio in what the page sent, or None when it is not a recording (the page's data
    is checked like any input from outside)."""
    if not isinstance(payload, dict):
        return None
    text = payload.get("audio")
    if not isinstance(text, str) or not text or len(text) > MAX_PAYLOAD_CHARS:
        return None
    try:
        audio = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    mime = str(payload.get("mime") or "").split(";", 1)[0].strip().lower()
    return HandsFreeRecording(audio, _MIME_NAMES.get(mime, "recording.webm"))
