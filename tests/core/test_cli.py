"""The `harde` command: ask with --json, and the doctor."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from harde.cli import main


@pytest.fixture(autouse=True)
def _fresh_settings() -> None:
    from harde.config import get_settings

    get_settings.cache_clear()


def test_ask_json_names_the_specialist() -> None:
    result = CliRunner().invoke(main, ["ask", "--json", "What's our standard objection response for price concerns?"])
    assert result.exit_code == 0, result.output
    turn = json.loads(result.output)
    assert turn["agent"] == "knowledge"
    assert set(turn) >= {"answer", "agent", "agents", "tools", "flow", "conversation_id"}
    assert turn["answer"]


def test_ask_continues_a_conversation() -> None:
    runner = CliRunner()
    first = json.loads(runner.invoke(main, ["ask", "--json", "hello there"]).output)
    second = json.loads(runner.invoke(main, ["ask", "--json", "--conversation", first["conversation_id"], "What is our warranty on workmanship?"]).output)
    assert second["conversation_id"] == first["conversation_id"]


def test_sub_commands_are_listed() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in ("chat", "ask", "doctor", "demo"):
        assert name in result.output


def test_doctor_reports_a_rejected_model_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from harde.emulators.openai_server import OpenAITestServer

    with OpenAITestServer(api_key="sk-right") as server:
        monkeypatch.setenv("HARDE_LLM", "openai")
        monkeypatch.setenv("OPENAI_API_KEY", "sk-wrong")
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        result = CliRunner().invoke(main, ["doctor"])
    assert result.exit_code == 1
    model_line = next(line for line in result.output.splitlines() if " model " in f" {line} ")
    assert "FAIL" in model_line and "rejected the API key (OPENAI_API_KEY)" in model_line
