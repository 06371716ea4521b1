"""The chat page: history, streaming answers with tool activity, and the sidebar.

Everything shown as Markdown here may carry text from outside (answers quote CRM notes and
documents; titles are what someone typed), so it goes through `safe_markdown` first."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import streamlit as st

from harde.auth import User
from harde.events import (
    AgentChanged,
    Done,
    ErrorEvent,
    RouteChosen,
    StatusNote,
    TextDelta,
    ToolCalled,
    Turn,
)
from harde.ui.identity import sign_out
from harde.ui.runtime import Runtime
from harde.ui.safe_markdown import safe_markdown
from harde.ui.upload import render_upload
from harde.ui.voice import render_voice_input

AGENT_ICONS = {
    "triage": "🧭",
    "crm": "📇",
    "knowledge": "📚",
    "analysis": "📊",
    "web_search": "🌐",
    "scripting": "🎬",
    "new_clients": "📝",
    "pricing": "🧮",
}


@st.cache_resource(show_spinner="Starting Hard-E…")
def get_runtime() -> Runtime:
    return Runtime()


def _conversation_id(runtime: Runtime, user: User) -> str:
    cid = st.query_params.get("c")
    if cid and not runtime.run(runtime.assistant.can_open(str(cid), user)):
        # Someone else's conversation is not there for this person, not even its title.
        st.error("That conversation was not found. Here is a new one.")
        cid = None
    if not cid:
        cid = uuid.uuid4().hex[:12]
        st.query_params["c"] = cid
    return str(cid)


def _render_attachments(attachments: list[dict[str, Any]]) -> None:
    for n, item in enumerate(attachments):
        path = Path(str(item.get("path", "")))
        if not path.is_file():
            continue
        label = str(item.get("label") or path.name)
        kind = item.get("kind")
        data = path.read_bytes()
        if kind == "audio":
            st.audio(data, format="audio/mpeg" if path.suffix == ".mp3" else "audio/wav")
        elif kind == "video":
            st.video(data)
        st.download_button(safe_markdown(f"Download {label}"), data, file_name=path.name, key=f"dl-{path.name}-{n}")


def _sidebar(runtime: Runtime, cid: str, user: User) -> None:
    assistant = runtime.assistant
    with st.sidebar:
        st.markdown("### Hard-E")
        who, out = st.columns([3, 1])
        who.caption(f"Signed in as **{user.name}** ({user.role})")
        if out.button("Sign out", key="sign-out"):
            sign_out(assistant.settings)
            st.rerun()
        st.caption(f"Model: {assistant.model_label()}")
        if "model_problem" not in st.session_state:
            st.session_state["model_problem"] = runtime.run(assistant.check_model())
        if st.session_state["model_problem"]:
            st.error(safe_markdown(st.session_state["model_problem"]))
        state = runtime.run(assistant.state(cid, user))
        public = state.public_state()
        active = public.get("active_agent", "triage")
        st.caption(f"Specialist: {AGENT_ICONS.get(active, '')} {assistant.display_name(active)}")
        if "new_client" in public:
            progress = public["new_client"]
            with st.container(border=True):
                st.markdown("**New customer in progress**")
                for key, value in progress["collected"].items():
                    st.markdown(safe_markdown(f"- {key.replace('_', ' ')}: `{value}`"))
                if progress["missing"]:
                    st.markdown(safe_markdown("Still needed: " + ", ".join(progress["missing"])))
                if progress["invalid"]:
                    st.markdown(safe_markdown("To check: " + ", ".join(progress["invalid"])))
        if "script" in public:
            s = public["script"]
            with st.container(border=True):
                st.markdown(f"**{s['type'].title()} script in progress**")
                st.markdown(safe_markdown(f"Customer: {s['customer'] or '—'} · job {s['job'] or '—'}"))
                st.markdown(safe_markdown(f"Focus: {s['focus'] or '—'} · {s['words']} words · {s['revisions']} revisions"))
        if "pending" in public:
            st.warning(safe_markdown("Waiting for your yes:\n\n" + public["pending"]))
            approve, leave = st.columns(2)
            # The buttons send the rep's own answer, as if typed: only it can approve a write.
            if approve.button("✅ Approve", use_container_width=True, key="approve"):
                st.session_state["queued"] = "yes"
                st.rerun()
            if leave.button("Leave it", use_container_width=True, key="leave"):
                st.session_state["queued"] = "no"
                st.rerun()
        if st.button("New conversation", use_container_width=True, type="primary"):
            st.query_params["c"] = uuid.uuid4().hex[:12]
            st.rerun()
        with st.expander("🎙️ Dictate", expanded=False):
            st.session_state["spoken"] = render_voice_input(runtime.assistant.services.transcriber, run=runtime.run)
        with st.expander("📚 Add to the knowledge base"):
            render_upload(runtime.assistant.services.knowledge, user)
        past = runtime.run(assistant.conversations(user, limit=12))
        if past:
            st.markdown("**Conversations**" + (" (everyone's)" if user.is_director else ""))
            for summary in past:
                label = safe_markdown(summary.title or "(untitled)")
                if user.is_director and summary.owner and summary.owner != user.username:
                    label = f"{label} · {summary.owner}"
                if summary.id == cid:
                    st.markdown(f"▸ {label}")
                elif st.button(label, key=f"conv-{summary.id}", use_container_width=True):
                    st.query_params["c"] = summary.id
                    st.rerun()


def _stream_markdown(pieces: Iterator[str]) -> str:
    """Show text as it streams, as st.write_stream does, but made safe as a whole each time:
    an image's markdown arrives in several pieces."""
    placeholder = st.empty()
    shown = ""
    for piece in pieces:
        shown += piece
        placeholder.markdown(safe_markdown(shown))
    return shown


def _answer(runtime: Runtime, text: str, cid: str, user: User) -> Turn | None:
    turn: Turn | None = None
    with st.chat_message("assistant", avatar="🦺"):
        status = st.status("Thinking…", expanded=False)
        errors: list[str] = []

        def deltas() -> Any:
            nonlocal turn
            for event in runtime.stream(text, cid, user):
                if isinstance(event, TextDelta):
                    yield event.text
                elif isinstance(event, RouteChosen):
                    status.write(safe_markdown(f"Route: {event.agent} ({event.flow} path): {event.reason}"))
                elif isinstance(event, AgentChanged):
                    if event.agent != "triage":
                        status.update(label=safe_markdown(f"{AGENT_ICONS.get(event.agent, '')} {event.display_name} is on it…"))
                elif isinstance(event, ToolCalled):
                    # The status line quotes the request ("Searching for “…”").
                    status.update(label=safe_markdown(event.status))
                    status.write(safe_markdown(f"🔧 {event.status}"))
                elif isinstance(event, StatusNote):
                    status.write(safe_markdown(f"⏳ {event.text}"))
                elif isinstance(event, ErrorEvent):
                    errors.append(event.message)
                elif isinstance(event, Done):
                    turn = event.turn

        _stream_markdown(deltas())
        if errors:
            status.update(label="Something went wrong", state="error")
            for message in errors:
                st.error(safe_markdown(message + " Your message is kept below; send it again when ready."))
        elif turn is not None:
            who = runtime.assistant.display_name(turn.agent)
            tools = f" · {', '.join(turn.tools)}" if turn.tools else ""
            status.update(label=safe_markdown(f"{AGENT_ICONS.get(turn.agent, '')} {who} · {turn.flow} path{tools}"), state="complete")
    return turn


def render_chat(user: User) -> None:
    runtime = get_runtime()
    cid = _conversation_id(runtime, user)
    _sidebar(runtime, cid, user)
    st.title("Hard-E")
    st.caption("Your sales director: CRM, playbook, call analysis, scripts, new customers, pricing.")
    history = runtime.run(runtime.assistant.history(cid, user))
    for n, message in enumerate(history):
        avatar = "🦺" if message["role"] == "assistant" else None
        with st.chat_message(message["role"], avatar=avatar):
            st.markdown(safe_markdown(message["text"]))
            if n == len(history) - 1 and message["role"] == "assistant":
                _render_attachments(st.session_state.get("attachments", {}).get(cid, []))
    spoken = st.session_state.pop("spoken", None)
    queued = st.session_state.pop("queued", None)
    typed = st.chat_input("Ask Hard-E, or dictate a new customer…")
    text = (typed or queued or spoken or "").strip()
    if not text:
        return
    with st.chat_message("user"):
        st.markdown(safe_markdown(text))
    turn = _answer(runtime, text, cid, user)
    if turn is None or turn.error:
        st.info(safe_markdown(f"Not sent: {text}"))
        return
    # Files from this turn stay on screen until the next message; then the sidebar catches up.
    st.session_state.setdefault("attachments", {})[cid] = turn.attachments
    st.rerun()
