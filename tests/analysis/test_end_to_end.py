"""The issue's requests through the Assistant: transcript figures, and web search offline and online."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from harde.assistant import Assistant
from harde.config import DEMO_DIR, Settings
from harde.emulators.openai_server import OpenAITestServer
from harde.knowledge.transcripts import load_transcripts

SIDING_QUESTION = "Across the director's calls, which objections come up most on siding jobs?"
MASTIC_REQUEST = "Look up the Mastic siding warranty online"


def demo_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "_env_file": None,
        "data_dir": tmp_path / "var",
        "kb_dir": DEMO_DIR / "knowledge",
        "kb": "local",
        "llm": "offline",
        "openai_api_key": None,
        "perplexity_api_key": None,
        "crm": "local",
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
async def assistant(tmp_path: Path) -> AsyncIterator[Assistant]:
    running = Assistant(demo_settings(tmp_path))
    yield running
    await running.aclose()


async def test_siding_objections_are_answered_by_analysis_with_computed_counts(assistant: Assistant) -> None:
    turn = await assistant.ask(SIDING_QUESTION)
    assert turn.error is None
    assert turn.agent == "analysis" and turn.tools == ["analyze_transcripts"]
    siding = load_transcripts(assistant.settings).filter(trade="siding")
    top = siding.objection_frequency()[0]
    assert f"computed from {len(siding)} of the director's 90 calls (siding calls)" in turn.answer
    assert f"| {top.label} | {top.calls} | {top.share.percent:g}% |" in turn.answer
    assert "Homeowner: “" in turn.answer and "Director: “" in turn.answer


async def test_web_search_offline_explains_the_key_and_answers_from_the_knowledge_base(assistant: Assistant) -> None:
    turn = await assistant.ask(MASTIC_REQUEST)
    assert turn.error is None
    assert turn.agent == "web_search" and turn.tools == ["web_search"]
    assert "needs a Perplexity API key (set PERPLEXITY_API_KEY)" in turn.answer
    assert "knowledge base has on it" in turn.answer
    assert "PRODUCT_KNOWLEDGE/" in turn.answer  # the fallback names its sources


async def test_web_search_with_a_key_gives_a_cited_answer(tmp_path: Path) -> None:
    with OpenAITestServer(api_key="pplx-test") as server:
        server.citations = ["https://example.com/mastic-warranty"]
        server.enqueue_text("A lifetime limited warranty for the original owner [1].")
        assistant = Assistant(
            demo_settings(tmp_path, perplexity_api_key="pplx-test", perplexity_base_url=server.base_url)
        )
        try:
            turn = await assistant.ask(MASTIC_REQUEST)
        finally:
            await assistant.aclose()
            await assistant.services.web_search.aclose()
    assert turn.agent == "web_search" and turn.error is None
    assert "A lifetime limited warranty for the original owner [1]." in turn.answer
    assert "1. https://example.com/mastic-warranty" in turn.answer
    assert server.requests[-1].json["messages"][-1]["content"] == MASTIC_REQUEST


async def test_with_a_model_the_answer_is_grounded_on_the_computed_figures(tmp_path: Path) -> None:
    with OpenAITestServer(api_key="sk-test") as server:
        server.enqueue_text("Price comes up most on siding jobs.")
        assistant = Assistant(
            demo_settings(tmp_path, llm="openai", openai_api_key="sk-test", openai_base_url=server.base_url)
        )
        try:
            turn = await assistant.ask(SIDING_QUESTION)
        finally:
            await assistant.aclose()
    assert turn.agent == "analysis" and turn.flow == "fast" and turn.tools == ["analyze_transcripts"]
    assert turn.answer == "Price comes up most on siding jobs."
    messages = server.requests[-1].json["messages"]
    siding = load_transcripts(assistant.settings).filter(trade="siding")
    top = siding.objection_frequency()[0]
    # The figures travel as the tool's output, never inside the system message.
    tool_output = next(m["content"] for m in messages if m["role"] == "tool")
    assert f"| {top.label} | {top.calls} | {top.share.percent:g}% |" in tool_output
    assert f"| {top.label} |" not in messages[0]["content"]
