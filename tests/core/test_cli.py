"""The `harde` command: ask with --json, and the doctor."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from harde.cli import main
from harde.config import get_settings


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


def _public_url_line(output: str) -> str:
    return next(line for line in output.splitlines() if line.split()[1:3] == ["public", "url"])


def test_doctor_warns_when_the_public_url_is_unset_or_does_not_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socket

    monkeypatch.delenv("HARDE_PUBLIC_URL", raising=False)
    unset = _public_url_line(CliRunner().invoke(main, ["doctor"]).output)
    assert "warn" in unset and "HARDE_PUBLIC_URL is unset" in unset

    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("HARDE_PUBLIC_URL", f"http://127.0.0.1:{port}")
    get_settings.cache_clear()
    silent = _public_url_line(CliRunner().invoke(main, ["doctor"]).output)
    assert "warn" in silent and "does not answer" in silent


def test_doctor_is_content_when_the_public_url_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Health(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200 if self.path == "/_stcore/health" else 404)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("HARDE_PUBLIC_URL", f"http://127.0.0.1:{server.server_address[1]}/")
        line = _public_url_line(CliRunner().invoke(main, ["doctor"]).output)
    finally:
        server.shutdown()
        server.server_close()
    assert "ok" in line and "answers" in line and "warn" not in line
