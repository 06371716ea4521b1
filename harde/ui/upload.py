"""The knowledge-base upload panel: .txt, .md and .pdf files, indexed at once, bad files refused.

Each upload is recorded as the signed-in person's, and answers mark it as not yet reviewed
until a director approves it on the Knowledge page. Only a director may replace a document.
"""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

from harde.auth import User
from harde.errors import HardeError
from harde.ui.safe_markdown import safe_markdown

_DONE_KEY = "kb_uploaded_files"


def render_upload(knowledge: Any, user: User, *, key: str = "kb_upload") -> None:
    """Render the uploader; each new file goes into the knowledge base and is searchable at once."""
    st.caption(
        "Add a .txt, .md or .pdf document; Hard-E can answer from it a moment later, marked as "
        "not yet reviewed until a director approves it."
    )
    files = st.file_uploader(
        "Add documents",
        type=["txt", "md", "pdf"],
        accept_multiple_files=True,
        key=key,
        label_visibility="collapsed",
    )
    replace = user.is_director and st.checkbox(
        "Replace a document of the same name", key=f"{key}_replace", help="Only a director can replace a document."
    )
    # Streamlit reruns the script on every interaction; remember what was already indexed so a
    # file is added once, and its message stays on screen.
    done: dict[str, tuple[bool, str]] = st.session_state.setdefault(_DONE_KEY, {})
    for file in files or []:
        data = file.getvalue()
        done_key = f"{file.name}:{hashlib.sha256(data).hexdigest()[:16]}:{replace}"
        if done_key not in done:
            try:
                with st.spinner(f"Indexing {safe_markdown(file.name)}…"):
                    done[done_key] = (True, knowledge.add_document(file.name, data, user, replace=replace))
            except HardeError as exc:
                done[done_key] = (False, f"{file.name} was not added: {exc}")
        ok, message = done[done_key]
        if ok:
            st.success(safe_markdown(message), icon="✅")
        else:
            st.error(safe_markdown(message), icon="⚠️")
