"""The chat page: history, streaming answers with tool activity, and the sidebar.

Everything shown as Markdown here may carry text from outside (answers quote CRM notes and
documents; titles are what someone typed), so it goes through `safe_markdown` first."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from harde.assistant import ChatMessage
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
from harde.ui.answer_extras import (
    WIDE_TABLES_CSS,
    notice_lines,
    render_attachments,
    render_feedback,
    render_offers,
    render_trail,
)
from harde.ui.conversation_list import render_conversation_list
from harde.ui.hands_free import HANDS_FREE_KEY, arm, hands_free_listener, render_hands_free_toggle
from harde.ui.identity import sign_out
from harde.ui.runtime import Quiet, Runtime
from harde.ui.safe_markdown import safe_markdown
from harde.ui.upload import render_upload
from harde.ui.voice import (
    DICTATED_MARK,
    RepMessage,
    play,
    read_chat_input,
    render_review,
    render_speaker_toggle,
    speak_answer,
    transcribe_audio,
)

if TYPE_CHECKING:
    from streamlit.elements.lib.mutable_status_container import StatusContainer

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


# The intake's field names as a rep says them.
FIELD_WORDS = {
    "first_name": "first name", "last_name": "last name", "phone": "phone number", "email": "email",
    "street": "street address", "city": "town", "state": "state", "zip": "ZIP code", "trade": "trade",
}  # fmt: skip


def _field_words(names: Any) -> str:
    return ", ".join(FIELD_WORDS.get(str(name), str(name).replace("_", " ")) for name in names)


def _send(text: str) -> None:
    """Send `text` as the rep's own message on the next run (chips, offers, approve buttons)."""
    st.session_state["queued"] = text


@dataclass(frozen=True)
class _SidebarSlots:
    """The sidebar's parts that a turn changes, drawn once the turn is over: the conversation's
    progress (specialist, cards, the approval) and the list of conversations. Until then the
    previous run's content stays in them."""

    progress: DeltaGenerator
    conversations: DeltaGenerator


def _sidebar(runtime: Runtime, user: User) -> _SidebarSlots:
    assistant = runtime.assistant
    with st.sidebar:
        st.markdown("### Hard-E")
        # The button on a row of its own: beside the name, a 300 px sidebar cut it to "Si…".
        st.caption(f"Signed in as **{user.name}** ({user.role})")
        if st.button("Sign out", key="sign-out"):
            sign_out(assistant.settings)
            st.rerun()
        st.caption(f"Model: {assistant.model_label()}")
        if "model_problem" not in st.session_state:
            st.session_state["model_problem"] = runtime.run(assistant.check_model())
        if st.session_state["model_problem"]:
            st.error(safe_markdown(st.session_state["model_problem"]))
        progress = st.container()
        if st.button("New conversation", use_container_width=True, type="primary"):
            st.query_params["c"] = uuid.uuid4().hex[:12]
            st.rerun()
        render_hands_free_toggle(render_speaker_toggle())
        with st.expander("📚 Add to the knowledge base"):
            render_upload(runtime.assistant.services.knowledge, user)
        conversations = st.container()
    return _SidebarSlots(progress, conversations)


def _progress(runtime: Runtime, cid: str, user: User) -> None:
    """The conversation's specialist, the customer or script in progress, and a write waiting
    for the rep's yes."""
    assistant = runtime.assistant
    public = runtime.run(assistant.state(cid, user)).public_state()
    active = public.get("active_agent", "triage")
    st.caption(f"Specialist: {AGENT_ICONS.get(active, '')} {assistant.display_name(active)}")
    if "new_client" in public:
        progress = public["new_client"]
        with st.container(border=True):
            st.markdown("**New customer in progress**")
            heard = st.session_state.get("heard", {}).get(cid)
            if heard:
                # What the mic heard beside what was understood, so a wrong field is easy to spot.
                st.caption(safe_markdown(f"🎙️ Heard: “{heard}”"))
            for key, value in progress["collected"].items():
                st.markdown(safe_markdown(f"- {_field_words([key])}: `{value}`"))
            if progress["missing"]:
                st.markdown(safe_markdown("Still needed: " + _field_words(progress["missing"])))
            if progress["invalid"]:
                st.markdown(safe_markdown("To check: " + _field_words(progress["invalid"])))
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
        approve.button("✅ Approve", use_container_width=True, key="approve", on_click=_send, args=("yes",))
        leave.button("Leave it", use_container_width=True, key="leave", on_click=_send, args=("no",))


def _stream_markdown(placeholder: DeltaGenerator, pieces: Iterator[str]) -> str:
    """Show text as it streams, as st.write_stream does, but made safe as a whole each time:
    an image's markdown arrives in several pieces."""
    shown = ""
    for piece in pieces:
        shown += piece
        placeholder.markdown(safe_markdown(shown))
    return shown


# A turn whose events keep coming faster than this shows no live status: it would be gone as
# soon as drawn (the answer's trail replaces it), and Streamlit pauses 50 ms on creating one.
QUIET_S = 0.15


class _LiveStatus:
    """The status box over a streaming answer (who is on it, each step inside), drawn once the
    turn goes quiet for a moment: a quick turn goes straight to its answer."""

    def __init__(self, slot: DeltaGenerator) -> None:
        self.slot = slot
        self.label = "Thinking…"
        self.lines: list[str] = []
        self.box: StatusContainer | None = None

    def show(self) -> StatusContainer:
        if self.box is None:
            self.box = self.slot.status(self.label, expanded=False)
            for line in self.lines:
                self.box.write(line)
        return self.box

    def relabel(self, label: str) -> None:
        self.label = label
        if self.box is not None:
            self.box.update(label=label)

    def write(self, line: str) -> None:
        self.lines.append(line)
        if self.box is not None:
            self.box.write(line)

    def clear(self) -> None:
        if self.box is not None:
            self.slot.empty()


@dataclass(frozen=True)
class _Streamed:
    """An answer as it streamed, laid out as the conversation draws it on a reload (notices,
    text, the voice, then the rest), so a finished turn is completed where it is instead of
    the whole page being drawn again."""

    bubble: DeltaGenerator
    status: _LiveStatus  # cleared once the answer is complete
    body: DeltaGenerator
    voice: DeltaGenerator
    shown: str
    notices: list[str]


def _answer(runtime: Runtime, text: str, cid: str, user: User) -> tuple[Turn | None, _Streamed]:
    turn: Turn | None = None
    bubble = st.chat_message("assistant", avatar="🦺")
    with bubble:
        status = _LiveStatus(st.empty())
        notices = st.container()
        body = st.empty()
        voice = st.empty()
        errors: list[str] = []
        noticed: list[str] = []

        def deltas() -> Any:
            nonlocal turn
            for event in runtime.stream(text, cid, user, quiet_s=QUIET_S):
                if isinstance(event, TextDelta):
                    yield event.text
                elif isinstance(event, Quiet):
                    status.show()
                elif isinstance(event, RouteChosen):
                    status.write(safe_markdown(f"Route: {event.agent} ({event.flow} path): {event.reason}"))
                elif isinstance(event, AgentChanged):
                    if event.agent != "triage":
                        status.relabel(safe_markdown(f"{AGENT_ICONS.get(event.agent, '')} {event.display_name} is on it…"))
                elif isinstance(event, ToolCalled):
                    # The status line quotes the request ("Searching for “…”").
                    status.relabel(safe_markdown(event.status))
                    status.write(safe_markdown(f"🔧 {event.status}"))
                elif isinstance(event, StatusNote):
                    status.write(safe_markdown(f"⏳ {event.text}"))
                    if event.notice:
                        noticed.append(event.text)
                        with notices:
                            notice_lines([event.text])
                elif isinstance(event, ErrorEvent):
                    errors.append(event.message)
                elif isinstance(event, Done):
                    turn = event.turn

        shown = _stream_markdown(body, deltas())
        if errors:
            status.show().update(label="Something went wrong", state="error")
            for message in errors:
                st.error(safe_markdown(message + " Your message is kept below; send it again when ready."))
    return turn, _Streamed(bubble, status, body, voice, shown, noticed)


def _render_message(runtime: Runtime, message: ChatMessage, cid: str, user: User, voiced: Path | None = None) -> None:
    avatar = "🦺" if message.role == "assistant" else None
    with st.chat_message(message.role, avatar=avatar):
        record = message.record
        if record is not None:
            notice_lines(record.notices)
        if message.role == "user" and message.text in st.session_state.get("dictated", {}).get(cid, ()):
            st.caption(DICTATED_MARK)
        st.markdown(safe_markdown(message.text))
        if voiced is not None:
            play(voiced)  # the answer read aloud, once, as it first appears
        _render_record(runtime, message, cid, user)


def _render_record(runtime: Runtime, message: ChatMessage, cid: str, user: User) -> None:
    """What is drawn under an answer's text from its turn's record: files, offers, trail, thumbs."""
    record = message.record
    if record is None:
        return
    key = f"{cid}-{message.turn}"
    render_attachments(record.attachments, key)
    render_offers(record, key, _send)
    assistant = runtime.assistant
    render_trail(record, assistant.display_name, AGENT_ICONS.get(record.agent, ""))

    def rate(score: int | None) -> None:
        runtime.run(assistant.rate(cid, message.turn, score, user))

    render_feedback(record, key, rate)


def _complete(runtime: Runtime, streamed: _Streamed, sent: str, shown: int, cid: str, user: User) -> bool:
    """Complete the streamed answer from the conversation as saved, so it looks as it will on a
    reload. False when the saved conversation is not the `shown` messages plus this turn's
    question and one answer (a turn that wrote several answers): then the page is drawn again."""
    history = runtime.run(runtime.assistant.messages(cid, user))
    if len(history) != shown + 2 or [m.role for m in history[-2:]] != ["user", "assistant"]:
        return False
    question, answer = history[-2:]
    record = answer.record
    if question.text != sent or (record is not None and record.notices != streamed.notices):
        return False
    streamed.status.clear()
    if answer.text != streamed.shown:
        streamed.body.markdown(safe_markdown(answer.text))
    with streamed.bubble:
        _render_record(runtime, answer, cid, user)
    return True


def _examples(runtime: Runtime) -> None:
    """The first screen's example requests, from this company's data; a click sends one."""
    if "examples" not in st.session_state:
        st.session_state["examples"] = runtime.run(runtime.assistant.examples())
    examples: list[str] = st.session_state["examples"]
    if not examples:
        return
    st.caption("Try one of these:")
    for n, example in enumerate(examples):
        st.button(safe_markdown(example), key=f"example-{n}", on_click=_send, args=(example,))


def render_chat(user: User) -> None:
    runtime = get_runtime()
    cid = _conversation_id(runtime, user)
    slots = _sidebar(runtime, user)
    _conversation(runtime, cid, user)
    # After the turn, if there was one, so the sidebar shows what it changed: the new title,
    # the customer card filled in, a write waiting for a yes.
    with slots.progress:
        _progress(runtime, cid, user)
    with slots.conversations:
        render_conversation_list(runtime, cid, user)


def _conversation(runtime: Runtime, cid: str, user: User) -> None:
    """The conversation, and the turn the rep's message starts, answered on the same run."""
    st.html(WIDE_TABLES_CSS)
    st.title(safe_markdown(runtime.assistant.settings.company_name))
    st.caption("Hard-E, your sales director: CRM, playbook, call analysis, scripts, new customers, pricing.")
    history = runtime.run(runtime.assistant.messages(cid, user))
    voiced = st.session_state.get("voiced", {}).pop(cid, None)
    for n, message in enumerate(history):
        last_answer = n == len(history) - 1 and message.role == "assistant"
        _render_message(runtime, message, cid, user, voiced=voiced if last_answer else None)
    examples = st.empty() if not history else None
    queued = st.session_state.pop("queued", None)
    reviewed = render_review()
    heard = _hands_free(runtime)
    value = st.chat_input("Ask Hard-E, or press the mic and dictate a new customer…", accept_audio=True, audio_sample_rate=16_000)
    sent = reviewed or heard or read_chat_input(value, runtime.assistant.services.transcriber, runtime.run)
    if sent is None and queued:
        sent = RepMessage(queued)
    if sent is None:
        if examples is not None:
            with examples.container():
                _examples(runtime)
        return
    if sent.dictated and runtime.assistant.settings.voice_review and reviewed is None:
        st.session_state["voice_review"] = sent.text
        st.rerun()
    text = sent.text
    if sent.dictated:
        st.session_state.setdefault("dictated", {}).setdefault(cid, set()).add(text)
        st.session_state.setdefault("heard", {})[cid] = text
    _render_message(runtime, ChatMessage("user", text, sum(m.role == "user" for m in history)), cid, user)
    turn, streamed = _answer(runtime, text, cid, user)
    if turn is None or turn.error:
        st.info(safe_markdown(f"Not sent: {text}"))
        return
    hands_free = bool(st.session_state.get("speak_answers") and st.session_state.get(HANDS_FREE_KEY))
    if _complete(runtime, streamed, text, len(history), cid, user) and not hands_free:
        if st.session_state.get("speak_answers"):
            with streamed.voice:
                voiced = _voice(runtime, turn)
                if voiced is not None:
                    play(voiced)  # the answer read aloud, once, as it first appears
        return
    # Hands-free: the page is drawn again with the spoken answer and the listener armed after it.
    # The saved conversation is not the page plus one answer: it is drawn again, the voice with it.
    if st.session_state.get("speak_answers"):
        voiced = _voice(runtime, turn)
        if voiced is not None:
            st.session_state.setdefault("voiced", {})[cid] = voiced
            if st.session_state.get(HANDS_FREE_KEY):
                arm(uuid.uuid4().hex)  # each answer listened after once, even a repeated one
    st.rerun()


def _hands_free(runtime: Runtime) -> RepMessage | None:
    """With hands-free on, the listener under the last answer; the question it recorded, as heard."""
    if not (st.session_state.get("speak_answers") and st.session_state.get(HANDS_FREE_KEY)):
        return None
    settings = runtime.assistant.settings
    recording = hands_free_listener(settings.voice_max_seconds)
    if recording is None:
        return None
    heard = transcribe_audio(recording.audio, recording.filename, runtime.assistant.services.transcriber, runtime.run)
    return RepMessage(heard, dictated=True) if heard else None


def _voice(runtime: Runtime, turn: Turn) -> Path | None:
    assistant = runtime.assistant
    return speak_answer(turn.answer, assistant.services.speech, assistant.settings.data_dir / "answers_voiced", runtime.run)
