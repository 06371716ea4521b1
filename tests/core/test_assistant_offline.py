"""The whole graph offline: routing, handoffs, tools, streaming, persistence, confirmation."""

from __future__ import annotations

import pytest

from harde.assistant import Assistant
from harde.config import Settings
from harde.events import Done, RouteChosen, StatusNote, TextDelta, ToolCalled
from harde.llm.planning import PLANNERS
from tests.core.graph_fixtures import WRITES, config_with_test_tools


@pytest.fixture
def assistant(settings: Settings) -> Assistant:
    return Assistant(settings, config=config_with_test_tools())


@pytest.fixture(autouse=True)
def _restore_planners() -> object:
    saved = dict(PLANNERS)
    # The default plan (call the tool with the user's words) drives the tests' own tools.
    PLANNERS.pop("knowledge", None)
    PLANNERS.pop("crm", None)
    yield
    PLANNERS.clear()
    PLANNERS.update(saved)


async def test_read_question_takes_fast_path_and_answers_from_the_tool(assistant: Assistant) -> None:
    turn = await assistant.ask("What's our standard objection response for price concerns?")
    assert turn.agent == "knowledge"
    assert turn.flow == "fast"
    assert turn.tools == ["test_lookup"]
    assert "test book" in turn.answer


async def test_stream_starts_with_route_and_ends_with_done(assistant: Assistant) -> None:
    events = [e async for e in assistant.stream("What is our warranty on workmanship?")]
    assert isinstance(events[0], RouteChosen) and events[0].agent == "knowledge"
    assert isinstance(events[-1], Done)
    deltas = "".join(e.text for e in events if isinstance(e, TextDelta))
    assert deltas == events[-1].turn.answer
    assert len([e for e in events if isinstance(e, TextDelta)]) > 3  # word by word
    assert any(isinstance(e, ToolCalled) and e.status.startswith("Looking up") for e in events)


async def test_unfitting_request_gets_one_clarifying_question(assistant: Assistant) -> None:
    turn = await assistant.ask("hello there")
    assert turn.agent == "triage"
    assert turn.answer.count("?") == 1
    assert turn.tools == []


async def test_empty_message_sends_nothing(assistant: Assistant) -> None:
    turn = await assistant.ask("   \n ")
    assert turn.error and turn.answer == ""
    assert await assistant.store.list_conversations() == []


async def test_long_paste_is_trimmed_with_a_notice(assistant: Assistant) -> None:
    text = "What is our warranty on workmanship? " + "x" * 20_000
    events = [e async for e in assistant.stream(text)]
    notes = [e.text for e in events if isinstance(e, StatusNote)]
    assert any("first 12,000" in n for n in notes)
    assert isinstance(events[-1], Done) and events[-1].turn.error is None


async def test_write_waits_for_yes_then_runs_once(assistant: Assistant) -> None:
    WRITES.clear()
    first = await assistant.ask("Add a note to job 1043: materials delivered")
    assert first.agent == "crm" and first.flow == "sdk"
    assert first.agents == ["triage", "crm"]
    assert "Shall I go ahead" in first.answer
    assert WRITES == []
    second = await assistant.ask("yes", first.conversation_id)
    assert second.tools == ["confirm_pending_action"]
    assert second.answer == "Note added to job 1043."
    assert len(WRITES) == 1
    third = await assistant.ask("yes", first.conversation_id)
    assert len(WRITES) == 1, third.answer


async def test_no_drops_the_write(assistant: Assistant) -> None:
    WRITES.clear()
    first = await assistant.ask("Add a note to job 1043: call the homeowner")
    turn = await assistant.ask("no", first.conversation_id)
    assert turn.tools == ["cancel_pending_action"] and "nothing was changed" in turn.answer
    assert WRITES == []


async def test_conversation_and_state_survive_a_new_assistant(settings: Settings) -> None:
    first = Assistant(settings, config=config_with_test_tools())
    turn = await first.ask("Add a note to job 1043: ladder left on site")
    await first.aclose()
    second = Assistant(settings, config=config_with_test_tools())
    history = await second.history(turn.conversation_id)
    assert [m["role"] for m in history] == ["user", "assistant"]
    state = await second.state(turn.conversation_id)
    assert state.pending is not None and state.pending.kind == "test_note"
    listed = await second.store.list_conversations()
    assert listed[0].id == turn.conversation_id and listed[0].title.startswith("Add a note")
    await second.aclose()


def test_asks_a_question_is_read_from_the_answer() -> None:
    from harde.assistant import asks_a_question
    from harde.events import Turn

    assert asks_a_question(Turn(answer="Which Johnson? 2 customers match:\n- Robert\n- Sarah", agent="crm"))
    assert asks_a_question(Turn(answer="Found the job.\nWhat should the primer focus on?", agent="scripting"))
    assert not asks_a_question(Turn(answer="Job 1012 is in Follow Up.", agent="crm"))
    assert not asks_a_question(Turn(answer="Which would help?", agent="triage"))


async def test_a_write_that_can_never_succeed_is_dropped_not_offered_again(settings: Settings) -> None:
    from harde.context import HardeContext
    from harde.errors import NotFoundError
    from harde.services import Services
    from harde.tools.confirm import action, execute_pending, propose

    @action("test_never")
    async def never(ctx: HardeContext, payload: dict[str, object]) -> str:
        raise NotFoundError("job 9999 does not exist")

    ctx = HardeContext(settings=settings, services=Services(settings), conversation_id="n")
    propose(ctx, kind="test_never", summary="Add a note to job 9999.", payload={}, agent="crm")
    answer = await execute_pending(ctx)
    assert "does not exist" in answer and "try again" not in answer
    assert ctx.state.pending is None
