"""What is shown with an answer besides its text, from the turn's record: its notices as lines
of their own, its files, what can be done with a long paste, the collapsed trail of what was
done, and the thumbs. The record is kept with the conversation, so all of it is redrawn after a
reload or a restart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from harde.state.conversation import TurnRecord
from harde.ui.safe_markdown import safe_markdown

# Wide Markdown tables (the price list) scroll inside their own box instead of running past the
# right edge of a phone's screen; the page itself never scrolls sideways.
WIDE_TABLES_CSS = """
<style>
[data-testid="stChatMessage"] [data-testid="stMarkdownContainer"] table {
  display: block; max-width: 100%; overflow-x: auto; -webkit-overflow-scrolling: touch;
}
[data-testid="stChatMessage"] [data-testid="stMarkdownContainer"] { min-width: 0; }
[data-testid="stChatMessageContent"] { min-width: 0; overflow-wrap: anywhere; }
</style>
"""


def notice_lines(notices: list[str]) -> None:
    for notice in notices:
        st.markdown(safe_markdown(f"ℹ️ {notice}"))


def trail_label(record: TurnRecord, display_name: Callable[[str], str], icon: str = "") -> str:
    """ "📇 CRM specialist · looked job 1052 up in the CRM · 0.2 s" """
    parts = [f"{icon} {display_name(record.agent)}".strip(), *record.steps[:2]]
    if len(record.steps) > 2:
        parts.append(f"{len(record.steps) - 2} more")
    parts.append(f"{record.seconds:.1f} s")
    return " · ".join(parts)


def render_trail(record: TurnRecord, display_name: Callable[[str], str], icon: str = "") -> None:
    with st.expander(safe_markdown(trail_label(record, display_name, icon)), expanded=False):
        who = " → ".join(dict.fromkeys(display_name(a) for a in record.agents)) or display_name(record.agent)
        lines = [f"- Specialists: {who}", *(f"- {step[:1].upper()}{step[1:]}" for step in record.steps)]
        lines.append(f"- Answered in {record.seconds:.1f} s")
        st.markdown(safe_markdown("\n".join(lines)))


def render_attachments(attachments: list[dict[str, Any]], key: str) -> None:
    for n, item in enumerate(attachments):
        path = Path(str(item.get("path", "")))
        label = str(item.get("label") or path.name)
        if not path.is_file():
            st.caption(safe_markdown(f"{label}: the file is no longer there."))
            continue
        kind = item.get("kind")
        data = path.read_bytes()
        if kind == "audio":
            st.audio(data, format="audio/mpeg" if path.suffix == ".mp3" else "audio/wav")
        elif kind == "video":
            st.video(data)
        st.download_button(safe_markdown(f"Download {label}"), data, file_name=path.name, key=f"dl-{key}-{n}")


def render_offers(record: TurnRecord, key: str, send: Callable[[str], None]) -> None:
    for n, offer in enumerate(record.offers):
        st.button(safe_markdown(offer.label), key=f"offer-{key}-{n}", on_click=send, args=(offer.request,))


def render_feedback(record: TurnRecord, key: str, rate: Callable[[int | None], None]) -> None:
    widget = f"fb-{key}"
    if widget not in st.session_state and record.feedback is not None:
        st.session_state[widget] = record.feedback

    def changed() -> None:
        rate(st.session_state.get(widget))

    st.feedback("thumbs", key=widget, on_change=changed)
