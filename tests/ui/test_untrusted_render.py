"""The app renders text from outside without loading its images: a CRM note in an answer and
a conversation title carrying a tracking image show it as a link, and nothing is fetched."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from harde.auth import User
from tests.ui.rendered import is_own_static, links, loaded_images, shown_markdown

APP = str(Path(__file__).resolve().parents[2] / "app.py")
BEACON = "http://127.0.0.1:9/beacon.gif"


@pytest.fixture
def app_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HARDE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("HARDE_LLM", "offline")
    from harde.config import get_settings

    get_settings.cache_clear()
    import streamlit as st

    st.cache_resource.clear()


def _signed_in(at: AppTest) -> AppTest:
    """Dana, signed in (the sign-in form itself is tested in tests/core/test_app.py)."""
    at.session_state["harde_user"] = User("dwhitaker", "Dana Whitaker", "dwhitaker@summitridge.example", "rep")
    return at


def _note_with_a_beacon() -> None:
    from harde.config import get_settings
    from harde.integrations.crm import make_crm

    async def add() -> None:
        crm = make_crm(get_settings())
        await crm.add_note(1043, f"Called, left vm ![x]({BEACON})")

    asyncio.run(add())


def _check_screen(at: AppTest) -> list[str]:
    """No outside image would load; returns the links on screen."""
    assert not at.exception
    shown = shown_markdown(at)
    assert shown, "nothing rendered"
    outside = [(text, src) for text in shown for src in loaded_images(text) if not is_own_static(src)]
    assert outside == []
    return [href for text in shown for href in links(text)]


@pytest.mark.slow
def test_a_crm_note_and_a_title_with_an_image_show_it_as_a_link(app_env: None) -> None:
    _note_with_a_beacon()
    at = _signed_in(AppTest.from_file(APP, default_timeout=90))
    at.run()
    at.chat_input[0].set_value("what are the notes on job 1043").run()
    assert BEACON in _check_screen(at)  # the streamed answer quotes the note, as a link
    notes_conversation = at.query_params["c"][0] if isinstance(at.query_params["c"], list) else at.query_params["c"]

    next(b for b in at.sidebar.button if b.label == "New conversation").click().run()
    at.chat_input[0].set_value(f"![x]({BEACON}) hello").run()
    shown_links = _check_screen(at)
    assert BEACON in shown_links  # the title (sidebar) and the message, as links
    assert any(BEACON in b.label for b in at.sidebar.button) or any(
        BEACON in m.value for m in at.sidebar.markdown
    )

    reloaded = _signed_in(AppTest.from_file(APP, default_timeout=90))
    reloaded.query_params["c"] = notes_conversation
    reloaded.run()
    assert BEACON in _check_screen(reloaded)  # the answer from history, and the poisoned title as a button
    assert any(BEACON in b.label for b in reloaded.sidebar.button)
