"""The whole graph offline: routing, handoffs, tools, streaming, persistence, confirmation."""

from __future__ import annotations

import pytest

from harde.assistant import Assistant
from harde.config import Settings
from harde.events import Done, RouteChosen, StatusNote, TextDelta, ToolCalled
from harde.llm.planning import PLANNERS, load_planners
from tests.core.graph_fixtures import config_with_test_tools


@pytest.fixture
def assistant(settings: Settings) -> Assistant:
    return Assistant(settings, config=config_with_test_tools())


@pytest.fixture(autouse=True)
def _restore_planners() -> object:
    saved = dict(load_planners())
    # The default plan (call the tool with the user's words) drives the tests' own tools.
    PLANNERS.pop("knowledge", None)
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
    first = await assistant.ask("note on job 1043: materials delivered")
    assert first.agent == "crm" and first.flow == "sdk"
    assert first.agents == ["triage", "crm"]
    assert "Shall I go ahead" in first.answer and "materials delivered" in first.answer
    before = len(await assistant.services.crm.list_notes(1043))
    state = await assistant.state(first.conversation_id)
    assert state.pending_run is not None and state.pending_run.agent == "crm"
    second = await assistant.ask("yes", first.conversation_id)
    assert "added to job 1043" in second.answer
    third = await assistant.ask("yes", first.conversation_id)
    assert "nothing waiting" in third.answer
    notes = await assistant.services.crm.list_notes(1043)
    assert len(notes) == before + 1 and notes[0].note == "materials delivered"


@pytest.mark.parametrize("called_off", ["no", "wait, cancel that", "actually never mind", "nah hold off", "hold off", "whats the balance on 1042"])
async def test_anything_but_yes_drops_the_write_and_a_later_yes_writes_nothing(assistant: Assistant, called_off: str) -> None:
    first = await assistant.ask("put a note on job 1043: call the homeowner")
    assert "Shall I go ahead" in first.answer
    before = await assistant.services.crm.list_notes(1043)
    dropped = await assistant.ask(called_off, first.conversation_id)
    assert "Done" not in dropped.answer
    assert not any("Corrected" in n for n in dropped.notices)
    later = await assistant.ask("yes", first.conversation_id)
    assert "nothing waiting" in later.answer
    assert await assistant.services.crm.list_notes(1043) == before
    assert (await assistant.state(first.conversation_id)).pending_run is None


@pytest.mark.parametrize(
    ("correction", "start"),
    [("actually make it 3pm", "15:00"), ("sorry i meant friday, same time", "14:00"), ("no wait, 10am instead", "10:00")],
)
async def test_a_correction_before_the_yes_is_proposed_again_and_only_it_is_written(
    assistant: Assistant, correction: str, start: str
) -> None:
    first = await assistant.ask("book an inspection on job 1043 thursday at 2pm")
    assert "Shall I go ahead" in first.answer
    before = await assistant.services.crm.list_appointments(job_id=1043)
    again = await assistant.ask(correction, first.conversation_id)
    assert "Shall I go ahead" in again.answer
    # Said as a correction, not as the write being dropped.
    assert any("Corrected" in n for n in again.notices) and not any("dropped" in n for n in again.notices), again.notices
    assert await assistant.services.crm.list_appointments(job_id=1043) == before
    await assistant.ask("yes", first.conversation_id)
    added = [a for a in await assistant.services.crm.list_appointments(job_id=1043) if a not in before]
    assert len(added) == 1 and added[0].starts is not None and added[0].starts.strftime("%H:%M") == start
    assert (added[0].starts.weekday() == 4) == ("friday" in correction)


async def test_a_corrected_stage_replaces_the_one_taken_back(assistant: Assistant) -> None:
    first = await assistant.ask("mark 1043 lost")
    assert "Shall I go ahead" in first.answer and "Lost" in first.answer
    again = await assistant.ask("no sorry not lost, put it in follow up", first.conversation_id)
    assert "Follow Up" in again.answer and "Shall I go ahead" in again.answer
    await assistant.ask("yep", first.conversation_id)
    assert (await assistant.services.crm.get_job(1043)).current_stage.name == "Follow Up"


async def test_conversation_and_state_survive_a_new_assistant(settings: Settings) -> None:
    first = Assistant(settings, config=config_with_test_tools())
    turn = await first.ask("Add a note to job 1043: ladder left on site")
    await first.aclose()
    second = Assistant(settings, config=config_with_test_tools())
    history = await second.history(turn.conversation_id)
    assert [m["role"] for m in history] == ["user", "assistant"]
    state = await second.state(turn.conversation_id)
    assert state.pending_run is not None and "ladder left on site" in state.pending_run.summary
    listed = await second.store.list_conversations()
    assert listed[0].id == turn.conversation_id and listed[0].title.startswith("Add a note")
    done = await second.ask("yes", turn.conversation_id)
    assert "added to job 1043" in done.answer
    notes = await second.services.crm.list_notes(1043)
    assert notes[0].note == "ladder left on site"
    await second.aclose()


def test_asks_a_question_is_read_from_the_answer() -> None:
    from harde.assistant import asks_a_question
    from harde.events import Turn

    assert asks_a_question(Turn(answer="Which Johnson? 2 customers match:\n- Robert\n- Sarah", agent="crm"))
    assert asks_a_question(Turn(answer="Found the job.\nWhat should the primer focus on?", agent="scripting"))
    assert not asks_a_question(Turn(answer="Job 1012 is in Follow Up.", agent="crm"))
    assert not asks_a_question(Turn(answer="Which would help?", agent="triage"))


async def test_a_write_that_can_never_succeed_is_not_offered(assistant: Assistant) -> None:
    turn = await assistant.ask("move job 9999 to lost")
    assert "9999" in turn.answer and "Shall I go ahead" not in turn.answer
    assert (await assistant.state(turn.conversation_id)).pending_run is None


async def test_a_write_to_the_stage_the_job_is_in_is_refused_without_asking(assistant: Assistant) -> None:
    job = await assistant.services.crm.get_job(1043)
    turn = await assistant.ask(f"move job 1043 to {job.current_stage.name}")
    assert "already in" in turn.answer and "Shall I go ahead" not in turn.answer
    assert (await assistant.state(turn.conversation_id)).pending_run is None


