"""The chat page: history, streaming answers with tool activity, and the sidebar."""

from __future__ import annotations

import uuid
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
        st.download_button(f"Download {label}", data, file_name=path.name, key=f"dl-{path.name}-{n}")


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
            st.error(st.session_state["model_problem"])
        state = runtime.run(assistant.state(cid, user))
        public = state.public_state()
        active = public.get("active_agent", "triage")
        st.caption(f"Specialist: {AGENT_ICONS.get(active, '')} {assistant.display_name(active)}")
        if "new_client" in public:
            progress = public["new_client"]
            with st.container(border=True):
                st.markdown("**New customer in progress**")
                for key, value in progress["collected"].items():
                    st.markdown(f"- {key.replace('_', ' ')}: `{value}`")
                if progress["missing"]:
                    st.markdown("Still needed: " + ", ".join(progress["missing"]))
                if progress["invalid"]:
                    st.markdown("To check: " + ", ".join(progress["invalid"]))
        if "script" in public:
            s = public["script"]
            with st.container(border=True):
                st.markdown(f"**{s['type'].title()} script in progress**")
                st.markdown(f"Customer: {s['customer'] or '—'} · job {s['job'] or '—'}")
                st.markdown(f"Focus: {s['focus'] or '—'} · {s['words']} words · {s['revisions']} revisions")
        if "pending" in public:
            st.warning("Waiting for your yes:\n\n" + public["pending"])
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
            render_upload(runtime.assistant.services)
        past = runtime.run(assistant.conversations(user, limit=12))
        if past:
            st.markdown("**Conversations**" + (" (everyone's)" if user.is_director else ""))
            for summary in past:
                label = summary.title or "(untitled)"
                if user.is_director and summary.owner and summary.owner != user.username:
                    label = f"{label} · {summary.owner}"
                if summary.id == cid:
                    st.markdown(f"▸ {label}")
                elif st.button(label, key=f"conv-{summary.id}", use_container_width=True):
                    st.query_params["c"] = summary.id
                    st.rerun()


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
                    status.write(f"Route: {event.agent} ({event.flow} path): {event.reason}")
                elif isinstance(event, AgentChanged):
                    if event.agent != "triage":
                        status.update(label=f"{AGENT_ICONS.get(event.agent, '')} {event.display_name} is on it…")
                elif isinstance(event, ToolCalled):
                    status.update(label=event.status)
                    status.write(f"🔧 {event.status}")
                elif isinstance(event, StatusNote):
                    status.write(f"⏳ {event.text}")
                elif isinstance(event, ErrorEvent):
                    errors.append(event.message)
                elif isinstance(event, Done):
                    turn = event.turn

        st.write_stream(deltas())
        if errors:
            status.update(label="Something went wrong", state="error")
            for message in errors:
                st.error(message + " Your message is kept below; send it again when ready.")
        elif turn is not None:
            who = runtime.assistant.display_name(turn.agent)
            tools = f" · {', '.join(turn.tools)}" if turn.tools else ""
            status.update(label=f"{AGENT_ICONS.get(turn.agent, '')} {who} · {turn.flow} path{tools}", state="complete")
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
            st.markdown(message["text"])
            if n == len(history) - 1 and message["role"] == "assistant":
                _render_attachments(st.session_state.get("attachments", {}).get(cid, []))
    spoken = st.session_state.pop("spoken", None)
    queued = st.session_state.pop("queued", None)
    typed = st.chat_input("Ask Hard-E, or dictate a new customer…")
    text = (typed or queued or spoken or "").strip()
    if not text:
        return
    with st.chat_message("user"):
        st.markdown(text)
    turn = _answer(runtime, text, cid, user)
    if turn is None or turn.error:
        st.info(f"Not sent: {text}")
        return
    # Files from this turn stay on screen until the next message; then the sidebar catches up.
    st.session_state.setdefault("attachments", {})[cid] = turn.attachments
    st.rerun()
