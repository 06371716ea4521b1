"""The microphone in the chat: record with st.audio_input, transcribe, hand back the text."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import streamlit as st

from harde.errors import HardeError
from harde.integrations.transcription import DEFAULT_FILENAME, Transcriber

T = TypeVar("T")
NOT_CONFIGURED = (
    "Voice input needs a transcription service: set `OPENAI_API_KEY` (or `OPENAI_BASE_URL` for an "
    "OpenAI-compatible server) and, if you like, `HARDE_TRANSCRIBE_MODEL`."
)


def _run(coro: Awaitable[T]) -> T:
    async def wrap() -> T:
        return await coro

    return asyncio.run(wrap())


def render_voice_input(
    transcriber: Transcriber | None,
    *,
    key: str = "voice_input",
    run: Callable[[Awaitable[str]], str] | None = None,
) -> str | None:
    """Show the recorder; return the transcribed text once per new recording, else None.

    `run` executes the coroutine (the app passes its background loop's runner); by default a
    fresh event loop is used.
    """
    if transcriber is None:
        st.caption(NOT_CONFIGURED)
        return None
    recording: Any = st.audio_input("Dictate", key=key)
    if recording is None:
        return None
    audio = recording.getvalue()
    digest = hashlib.sha256(audio).hexdigest()
    seen = f"{key}_last_digest"
    if st.session_state.get(seen) == digest:
        return None  # the same recording on a rerun: already sent
    st.session_state[seen] = digest
    with st.spinner("Transcribing…"):
        try:
            coro = transcriber.transcribe(audio, getattr(recording, "name", None) or DEFAULT_FILENAME)
            text = (run or _run)(coro)
        except HardeError as exc:
            st.error(f"Could not transcribe the recording: {exc}")
            return None
    return text.strip() or None
