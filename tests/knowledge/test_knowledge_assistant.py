"""End to end through the Assistant, offline: knowledge questions answered with their sources."""

from __future__ import annotations

from pathlib import Path

from harde import Assistant

from .conftest import kb_settings, uploader


async def test_price_objection_question_is_answered_by_the_knowledge_specialist_naming_its_source(
    tmp_path: Path,
) -> None:
    assistant = Assistant(kb_settings(tmp_path / "var"))
    turn = await assistant.ask("What's our standard objection response for price concerns?")
    assert turn.agent == "knowledge"
    assert "search_knowledge" in turn.tools
    assert "Acknowledge it, calmly" in turn.answer
    assert "OBJECTION_HANDLING/price_objection.md" in turn.answer


async def test_an_uploaded_document_answers_a_question_right_after(tmp_path: Path) -> None:
    assistant = Assistant(kb_settings(tmp_path / "var"))
    added = assistant.services.knowledge.add_document(
        "chimney-policy.md",
        b"# Chimney Repointing Policy\n\n"
        b"We repoint chimney mortar only as part of a full roof replacement, "
        b"at $45 per square foot of chimney face, done by our masonry partner crew.\n",
        uploader(),
    )
    assert "searchable now" in added
    turn = await assistant.ask("What is our policy on chimney repointing?")
    assert turn.agent == "knowledge"
    assert "$45 per square foot" in turn.answer
    assert "UPLOADS/chimney-policy.md" in turn.answer
    assert "from an upload by Dana Reyes, not yet reviewed" in turn.answer


async def test_with_a_model_the_answer_is_grounded_on_the_passages_and_sources(tmp_path: Path) -> None:
    from pydantic import SecretStr

    from harde.emulators.openai_server import OpenAITestServer

    with OpenAITestServer(api_key="sk-test") as server:
        server.enqueue_text("Acknowledge, isolate, re-anchor to value, offer a way forward (price_objection.md).")
        settings = kb_settings(tmp_path / "var").model_copy(
            update={"llm": "openai", "openai_api_key": SecretStr("sk-test"), "openai_base_url": server.base_url}
        )
        assistant = Assistant(settings)
        turn = await assistant.ask("What's our standard objection response for price concerns?")
        await assistant.aclose()
        assert (turn.agent, turn.flow, turn.tools) == ("knowledge", "fast", ["search_knowledge"])
        calls = [r.json for r in server.requests if r.path.endswith("/chat/completions")]
        grounding = str(calls[0]["messages"])
        assert "Acknowledge it, calmly" in grounding
        assert "Sources: Handling the Price Objection (OBJECTION_HANDLING/price_objection.md" in grounding
