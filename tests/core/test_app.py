"""The Streamlit app: two turns, then a reload that keeps the conversation."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def app_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HARDE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("HARDE_LLM", "offline")
    from harde.config import get_settings

    get_settings.cache_clear()
    import streamlit as st

    st.cache_resource.clear()  # each test gets its own Runtime over its own data folder


def _messages(at: AppTest) -> list[tuple[str, str]]:
    return [(m.name, " ".join(x.value for x in m.markdown)) for m in at.chat_message]


@pytest.mark.slow
def test_two_turns_then_a_reload_keeps_the_conversation(app_env: None) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    at.chat_input[0].set_value("What is our warranty on workmanship?").run()
    at.chat_input[0].set_value("hello there").run()
    assert not at.exception
    messages = _messages(at)
    assert [m[0] for m in messages] == ["user", "assistant", "user", "assistant"]
    assert messages[0][1] == "What is our warranty on workmanship?"
    assert "?" in messages[3][1]  # the clarifying question
    conversation = at.query_params["c"]

    reloaded = AppTest.from_file(APP, default_timeout=60)
    reloaded.query_params["c"] = conversation
    reloaded.run()
    assert _messages(reloaded) == messages
    sidebar = " ".join(m.value for m in reloaded.sidebar.markdown)
    assert "Conversations" in sidebar


def test_empty_input_sends_nothing(app_env: None) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.chat_input[0].set_value("   ").run()
    assert _messages(at) == []
