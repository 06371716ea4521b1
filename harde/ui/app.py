"""The app's pages and navigation."""

from __future__ import annotations

import streamlit as st


def main() -> None:
    from harde.config import get_settings

    st.set_page_config(page_title=f"{get_settings().company_name} · Hard-E", page_icon="🦺", layout="wide")
    from harde.ui.chat import get_runtime, render_chat
    from harde.ui.identity import current_user, render_sign_in
    from harde.ui.knowledge_page import render_knowledge_page
    from harde.ui.pipeline_page import render_pipeline_page

    settings = get_settings()
    # Before anything else, so the readiness check (a script run without a user) passes only
    # once the Assistant is built; every later run finds it cached.
    get_runtime()
    user = current_user(settings)
    if user is None:
        render_sign_in(settings)
        return

    def chat() -> None:
        render_chat(user)

    def primer_videos() -> None:
        render_pipeline_page(settings, user)

    def knowledge() -> None:
        render_knowledge_page(get_runtime().assistant.services.knowledge, user)

    pages = [
        st.Page(chat, title="Chat", icon="💬", url_path="chat", default=True),
        st.Page(knowledge, title="Knowledge", icon="📚", url_path="knowledge"),
        st.Page(primer_videos, title="Primer videos", icon="🎬", url_path="primer"),
    ]
    st.navigation(pages).run()
