"""The Streamlit app: sign-in, two turns, then a reload that keeps the conversation; someone
else's conversation is not there."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from harde.auth.users import DEMO_PASSWORD, UsersFile

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def app_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HARDE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("HARDE_LLM", "offline")
    from harde.config import get_settings

    get_settings.cache_clear()
    import streamlit as st

    st.cache_resource.clear()  # each test gets its own Runtime over its own data folder
    UsersFile(tmp_path / "var" / "users.json").write_demo(
        [
            {"id": 12, "first_name": "Dana", "last_name": "Whitaker", "email": "dwhitaker@summitridge.example", "title": "Sales Rep"},
            {"id": 11, "first_name": "Mike", "last_name": "Reed", "email": "mreed@summitridge.example", "title": "Sales Rep"},
        ]
    )


def _signed_in(username: str, password: str = DEMO_PASSWORD, conversation: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if conversation:
        at.query_params["c"] = conversation
    at.run()
    assert not at.chat_input  # nothing but the sign-in until signed in
    at.text_input[0].set_value(username)
    at.text_input[1].set_value(password)
    at.button[0].click().run()
    assert not at.exception
    return at


def _messages(at: AppTest) -> list[tuple[str, str]]:
    return [(m.name, " ".join(x.value for x in m.markdown)) for m in at.chat_message]


@pytest.mark.slow
def test_two_turns_then_a_reload_keeps_the_conversation(app_env: None) -> None:
    at = _signed_in("dwhitaker")
    at.chat_input[0].set_value("What is our warranty on workmanship?").run()
    at.chat_input[0].set_value("hello there").run()
    assert not at.exception
    messages = _messages(at)
    assert [m[0] for m in messages] == ["user", "assistant", "user", "assistant"]
    assert messages[0][1] == "What is our warranty on workmanship?"
    assert "?" in messages[3][1]  # the clarifying question
    conversation = at.query_params["c"]

    reloaded = _signed_in("dwhitaker", conversation=conversation)
    assert _messages(reloaded) == messages
    sidebar = " ".join(m.value for m in reloaded.sidebar.markdown)
    assert "Conversations" in sidebar

    # Mike, with Dana's link, gets a new conversation of his own and none of hers.
    other = _signed_in("mreed", conversation=conversation)
    assert _messages(other) == []
    assert other.query_params["c"] != conversation
    assert any("not found" in e.value for e in other.error)
    assert "What is our warranty" not in " ".join(b.label for b in other.sidebar.button)


def test_a_wrong_password_signs_nobody_in(app_env: None) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.text_input[0].set_value("dwhitaker")
    at.text_input[1].set_value("not the password")
    at.button[0].click().run()
    assert not at.chat_input
    assert any("do not match" in e.value for e in at.error)


def test_empty_input_sends_nothing(app_env: None) -> None:
    at = _signed_in("dwhitaker")
    at.chat_input[0].set_value("   ").run()
    assert _messages(at) == []
