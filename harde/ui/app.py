"""The app's pages and navigation."""

from __future__ import annotations

import streamlit as st


def main() -> None:
    st.set_page_config(page_title="Hard-E", page_icon="🦺", layout="wide")
    from harde.config import get_settings
    from harde.ui.chat import get_runtime, render_chat
    from harde.ui.identity import current_user
    from harde.ui.knowledge_page import render_knowledge_page
    from harde.ui.pipeline_page import render_pipeline_page

    def primer_videos() -> None:
        render_pipeline_page(get_settings())

    def knowledge() -> None:
        render_knowledge_page(get_runtime().assistant.services.knowledge, current_user())

    pages = [
        st.Page(render_chat, title="Chat", icon="💬", url_path="chat", default=True),
        st.Page(knowledge, title="Knowledge", icon="📚", url_path="knowledge"),
        st.Page(primer_videos, title="Primer videos", icon="🎬", url_path="primer"),
    ]
    st.navigation(pages).run()
