"""The Knowledge page: every document Hard-E answers from; uploads with who added them and
when, and their review. A director reads an upload here and approves it; until then answers
mark it "from an upload by …, not yet reviewed"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from harde.auth import User
from harde.errors import HardeError
from harde.ui.safe_markdown import safe_markdown
from harde.ui.upload import render_upload

_NOTICE_KEY = "knowledge_notice"
_PREVIEW_CHARS = 20_000


def _when(value: str) -> str:
    try:
        return dt.datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return value or "unknown"


def render_knowledge_page(knowledge: Any, user: User) -> None:
    st.title("Knowledge")
    st.caption(
        "The documents Hard-E answers from. Answers mark an upload as not yet reviewed until a "
        "director approves it here; replacing a document needs a director too."
    )
    notice = st.session_state.pop(_NOTICE_KEY, None)
    if notice:
        ok, message = notice
        (st.success if ok else st.error)(safe_markdown(message))

    # Above the list, so that a document added here is listed in the same run.
    with st.expander("Add documents"):
        render_upload(knowledge, user, key="kb_upload_page")

    try:
        documents = knowledge.documents()
    except HardeError as exc:
        st.error(safe_markdown(f"The knowledge base is not available: {exc}"))
        return
    uploads = [d for d in documents if d.upload is not None]
    waiting = [d for d in uploads if not d.upload.reviewed]

    st.subheader(f"Uploads · {len(waiting)} waiting for review" if uploads else "Uploads")
    if not uploads:
        st.info("No uploads yet.")
    else:
        # Table cells are plain text: no Markdown is rendered in them.
        st.dataframe(
            [
                {
                    "document": d.title,
                    "file": d.source,
                    "uploaded by": d.upload.name or "unknown",
                    "uploaded": _when(d.upload.uploaded_at),
                    "status": d.status,
                    "passages": d.passages,
                }
                for d in uploads
            ],
            hide_index=True,
            use_container_width=True,
        )
    if waiting and not user.is_director:
        st.caption("Only a director can approve an upload.")
    for document in waiting:
        upload = document.upload
        label = f"Review “{document.title}” ({document.source}), uploaded by {upload.name or 'unknown'} on {_when(upload.uploaded_at)}"
        with st.expander(safe_markdown(label)):
            text = knowledge.document_text(document.source)
            st.text(text[:_PREVIEW_CHARS] + ("\n…" if len(text) > _PREVIEW_CHARS else ""))
            if user.is_director and st.button("Approve", key=f"approve-{document.source}", type="primary"):
                try:
                    st.session_state[_NOTICE_KEY] = (True, knowledge.approve(document.source, user, sha256=upload.sha256))
                except HardeError as exc:
                    st.session_state[_NOTICE_KEY] = (False, f"Not approved: {exc}")
                st.rerun()

    company = [d for d in documents if d.upload is None]
    with st.expander(f"Company documents ({len(company)})"):
        st.dataframe(
            [{"document": d.title, "file": d.source, "category": d.category, "passages": d.passages} for d in company],
            hide_index=True,
            use_container_width=True,
        )
