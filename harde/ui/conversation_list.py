"""The sidebar's conversations: a search over titles and text, each with its date, to open,
rename or delete (with an undo)."""

from __future__ import annotations

import datetime as dt
import uuid

import streamlit as st

from harde.auth import User
from harde.state.store import ConversationSummary
from harde.ui.runtime import Runtime
from harde.ui.safe_markdown import safe_markdown

LISTED = 30


def _when(summary: ConversationSummary, today: dt.date) -> str:
    day = dt.datetime.fromtimestamp(summary.updated_at).date()
    if day == today:
        return "today"
    if day == today - dt.timedelta(days=1):
        return "yesterday"
    return day.strftime("%b %-d") if day.year == today.year else day.strftime("%b %-d, %Y")


def _undo_line(runtime: Runtime, user: User) -> None:
    deleted = st.session_state.get("deleted")
    if not deleted:
        return
    cid, title = deleted
    line, undo = st.columns([3, 1])
    line.caption(safe_markdown(f"Deleted “{title}”."))
    if undo.button("Undo", key="undo-delete"):
        runtime.run(runtime.assistant.delete(cid, user, undo=True))
        st.session_state.pop("deleted", None)
        st.query_params["c"] = cid
        st.rerun()


def _row(runtime: Runtime, summary: ConversationSummary, cid: str, user: User, today: dt.date) -> None:
    label = safe_markdown(summary.title or "(untitled)")
    if user.is_director and summary.owner and summary.owner != user.username:
        label = f"{label} · {summary.owner}"
    label = f"{label} · {_when(summary, today)}"
    # One row is a few elements, sent on every run for up to LISTED rows: a flex row rather
    # than columns (one block instead of three), and the menu's fields drawn only while it is
    # open (opening it is a run of its own).
    row = st.container(horizontal=True, vertical_alignment="center", gap="small", wrap=False)
    if summary.id == cid:
        row.markdown(f"▸ {label}", width="stretch")
    elif row.button(label, key=f"conv-{summary.id}", width="stretch"):
        st.query_params["c"] = summary.id
        st.rerun()
    menu = row.popover("⋯", help="Rename or delete", key=f"menu-{summary.id}", on_change="rerun")
    if not menu.open:
        return
    with menu:
        title = st.text_input("Title", value=summary.title, key=f"title-{summary.id}", max_chars=120)
        if st.button("Rename", key=f"rename-{summary.id}") and runtime.run(runtime.assistant.rename(summary.id, title, user)):
            st.rerun()
        if st.button("Delete", key=f"delete-{summary.id}", type="primary"):
            if runtime.run(runtime.assistant.delete(summary.id, user)):
                st.session_state["deleted"] = (summary.id, summary.title or "(untitled)")
                if summary.id == cid:
                    st.query_params["c"] = uuid.uuid4().hex[:12]
            st.rerun()


def render_conversation_list(runtime: Runtime, cid: str, user: User) -> None:
    _undo_line(runtime, user)
    query = st.text_input("Search conversations", key="conversation-search", placeholder="Search titles and messages")
    past = runtime.run(runtime.assistant.conversations(user, limit=LISTED, query=query))
    if not past:
        if query.strip():
            st.caption("No conversation matches.")
        return
    st.markdown("**Conversations**" + (" (everyone's)" if user.is_director else ""))
    today = dt.date.today()
    for summary in past:
        _row(runtime, summary, cid, user, today)
