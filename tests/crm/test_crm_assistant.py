"""The crm specialist end to end, offline: a read on the fast path, a write after yes."""

from __future__ import annotations

import pytest

from harde.assistant import Assistant
from harde.config import Settings


@pytest.fixture
def assistant(settings: Settings) -> Assistant:
    return Assistant(settings)


async def test_job_status_question_is_answered_from_the_demo_crm(assistant: Assistant) -> None:
    turn = await assistant.ask("What's the status of the Johnson roof job?")
    assert turn.agent == "crm" and turn.tools == ["crm_facts"]
    assert "job 1012" in turn.answer.lower() and "Follow Up" in turn.answer


async def test_open_balance_question(assistant: Assistant) -> None:
    turn = await assistant.ask("What's the open balance on job 1021?")
    assert turn.agent == "crm" and "$6,267.00" in turn.answer


async def test_stage_change_is_confirmed_then_done(assistant: Assistant) -> None:
    first = await assistant.ask("Move the Walsh siding job to Proposal Sent")
    assert first.agent == "crm" and first.tools == ["crm_change_stage"]
    assert (
        "from **Estimating** to **Proposal Sent**" in first.answer
        and "Shall I go ahead" in first.answer
    )
    crm = assistant.services.crm
    assert (await crm.get_job(1047)).current_stage.name == "Estimating"
    second = await assistant.ask("yes", first.conversation_id)
    assert second.tools == ["crm_change_stage"]
    assert (await crm.get_job(1047)).current_stage.name == "Proposal Sent"


async def test_note_with_mention_through_the_conversation(assistant: Assistant) -> None:
    first = await assistant.ask(
        "Add a note to job 1043: materials delivered, @Mike Reed please call her"
    )
    assert "Mentions: Mike Reed" in first.answer
    await assistant.ask("yes", first.conversation_id)
    notes = await assistant.services.crm.list_notes(1043)
    assert notes[0].note == "materials delivered, @Mike Reed please call her"


async def test_booking_with_the_nguyens_then_yes(assistant: Assistant) -> None:
    first = await assistant.ask("Book an inspection with the Nguyens Tuesday at 3pm")
    assert first.tools == ["crm_create_appointment"] and "3:00 pm" in first.answer
    await assistant.ask("yes", first.conversation_id)
    booked = await assistant.services.crm.list_appointments(job_id=1050)
    assert [a.title for a in booked] == ["Inspection"]
