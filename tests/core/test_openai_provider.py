"""The openai provider end to end: the real openai client and the SDK against the test server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from harde.assistant import Assistant
from harde.config import Settings
from harde.emulators.openai_server import OpenAITestServer
from harde.events import RouteChosen
from tests.core.graph_fixtures import WRITES, config_with_test_tools


@pytest.fixture
def server() -> Iterator[OpenAITestServer]:
    with OpenAITestServer(api_key="sk-test") as running:
        yield running


def _settings(base: Settings, server: OpenAITestServer, **changes: object) -> Settings:
    values: dict[str, object] = {
        "llm": "openai",
        "openai_api_key": "sk-test",
        "openai_base_url": server.base_url,
        "llm_max_retries": 2,
        "llm_timeout_s": 10.0,
    }
    values.update(changes)
    return base.model_copy(update={k: (v if k != "openai_api_key" else _secret(str(v))) for k, v in values.items()})


def _secret(value: str) -> object:
    from pydantic import SecretStr

    return SecretStr(value)


def _chat_calls(server: OpenAITestServer) -> list[dict[str, object]]:
    return [r.json for r in server.requests if r.path.endswith("/chat/completions")]


async def test_fast_path_streams_one_completion_grounded_on_the_tool(settings: Settings, server: OpenAITestServer) -> None:
    server.enqueue_text("Our workmanship warranty lasts ten years.")
    assistant = Assistant(_settings(settings, server), config=config_with_test_tools())
    turn = await assistant.ask("What is our warranty on workmanship?")
    assert (turn.agent, turn.flow, turn.tools) == ("knowledge", "fast", ["test_lookup"])
    assert turn.answer == "Our workmanship warranty lasts ten years."
    calls = _chat_calls(server)
    assert len(calls) == 1 and calls[0]["stream"] is True
    system = calls[0]["messages"][0]["content"]  # type: ignore[index]
    assert "test book" in system  # the tool output grounds the answer
    await assistant.aclose()


async def test_sdk_path_hands_off_and_calls_a_tool(settings: Settings, server: OpenAITestServer) -> None:
    WRITES.clear()
    server.enqueue_tool_call("transfer_to_crm", {})
    server.enqueue_tool_call("test_propose_note", {"query": "materials delivered"})
    server.enqueue_text("I'd add that note to job 1043. Shall I go ahead?")
    assistant = Assistant(_settings(settings, server), config=config_with_test_tools())
    turn = await assistant.ask("Add a note to job 1043: materials delivered")
    assert turn.flow == "sdk"
    assert turn.agents == ["triage", "crm"] and turn.agent == "crm"
    assert turn.tools == ["test_propose_note"]
    assert turn.answer.endswith("Shall I go ahead?")
    state = await assistant.state(turn.conversation_id)
    assert state.pending is not None and WRITES == []
    # The SDK sent the tools and the handoff to the model.
    first = _chat_calls(server)[0]
    assert any(t["function"]["name"] == "transfer_to_crm" for t in first["tools"])  # type: ignore[index,union-attr]
    await assistant.aclose()


async def test_rate_limit_is_retried_then_answers(settings: Settings, server: OpenAITestServer) -> None:
    server.enqueue_error(429, retry_after=0)
    server.enqueue_text("Ten years on workmanship.")
    assistant = Assistant(_settings(settings, server), config=config_with_test_tools())
    turn = await assistant.ask("What is our warranty on workmanship?")
    assert turn.error is None and turn.answer == "Ten years on workmanship."
    assert len(_chat_calls(server)) == 2
    await assistant.aclose()


async def test_timeout_gives_a_clear_message_and_keeps_the_conversation(settings: Settings, server: OpenAITestServer) -> None:
    server.enqueue_delay(3)
    assistant = Assistant(_settings(settings, server, llm_timeout_s=0.5, llm_max_retries=0), config=config_with_test_tools())
    turn = await assistant.ask("Add a note to job 1043: gate code 1234", "conv-t")
    assert turn.error is not None and "did not answer in time" in turn.error
    assert await assistant.history("conv-t") == []
    server.enqueue_tool_call("transfer_to_crm", {})
    server.enqueue_text("Which note?")
    again = await assistant.ask("Add a note to job 1043: gate code 1234", "conv-t")
    assert again.error is None and again.answer == "Which note?"
    assert len(await assistant.history("conv-t")) == 2
    await assistant.aclose()


async def test_rejected_key_says_which_setting(settings: Settings, server: OpenAITestServer) -> None:
    assistant = Assistant(_settings(settings, server, openai_api_key="sk-wrong"), config=config_with_test_tools())
    turn = await assistant.ask("Add a note to job 1043: hello")
    assert turn.error is not None and "OPENAI_API_KEY" in turn.error
    await assistant.aclose()


async def test_responses_api_runs_the_same_graph(settings: Settings, server: OpenAITestServer) -> None:
    server.enqueue_tool_call("transfer_to_crm", {})
    server.enqueue_tool_call("test_propose_note", {"query": "roof tarped"})
    server.enqueue_text("Proposed. Shall I go ahead?")
    assistant = Assistant(_settings(settings, server, openai_api="responses"), config=config_with_test_tools())
    turn = await assistant.ask("Add a note to job 1043: roof tarped")
    assert turn.agents == ["triage", "crm"] and turn.tools == ["test_propose_note"]
    assert any(r.path.endswith("/responses") for r in server.requests)
    await assistant.aclose()


async def test_stopping_a_stream_midway_cancels_the_run_and_saves_nothing(settings: Settings, server: OpenAITestServer) -> None:
    server.enqueue_delay(5)
    assistant = Assistant(_settings(settings, server), config=config_with_test_tools())
    stream = assistant.stream("Add a note to job 1043: stop me", "conv-c")
    first = await anext(stream)
    assert isinstance(first, RouteChosen)
    await stream.aclose()  # type: ignore[attr-defined]
    assert await assistant.history("conv-c") == []
    await assistant.aclose()
