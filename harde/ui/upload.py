"""The knowledge-base upload panel: .txt, .md and .pdf files, indexed at once, bad files refused."""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

from harde.errors import HardeError

_DONE_KEY = "kb_uploaded_files"


def render_upload(services: Any) -> None:
    """Render the uploader; each new file goes into the knowledge base and is searchable at once."""
    st.subheader("Knowledge base")
    st.caption("Add a .txt, .md or .pdf document; Hard-E can answer from it a moment later.")
    files = st.file_uploader(
        "Add documents",
        type=["txt", "md", "pdf"],
        accept_multiple_files=True,
        key="kb_upload",
        label_visibility="collapsed",
    )
    # Streamlit reruns the script on every interaction; remember what was already indexed so a
    # file is added once, and its message stays on screen.
    done: dict[str, tuple[bool, str]] = st.session_state.setdefault(_DONE_KEY, {})
    for file in files or []:
        data = file.getvalue()
        key = f"{file.name}:{hashlib.sha256(data).hexdigest()[:16]}"
        if key not in done:
            try:
                with st.spinner(f"Indexing {file.name}…"):
                    done[key] = (True, services.knowledge.add_document(file.name, data))
            except HardeError as exc:
                done[key] = (False, f"{file.name} was not added: {exc}")
        ok, message = done[key]
        if ok:
            st.success(message, icon="✅")
        else:
            st.error(message, icon="⚠️")
