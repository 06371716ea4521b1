"""The pricing specialist end to end through the Assistant, offline."""

from __future__ import annotations

import pytest

from harde.assistant import Assistant
from harde.config import Settings


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many squares is a 2,400 sq ft footprint at 6/12 with 15% waste?", "30.9 squares"),
        ("Price 180 feet of 6-inch seamless gutter", "Englert 6 in K-style"),
        ("Siding estimate for 1,800 sq ft of wall at a 35% margin", "markup 53.8%"),
        ("What markup gives a 40% margin?", "66.7% markup"),
    ],
)
async def test_pricing_questions_are_answered_by_the_pricing_agent(
    settings: Settings, question: str, expected: str
) -> None:
    assistant = Assistant(settings)
    try:
        turn = await assistant.ask(question)
    finally:
        await assistant.aclose()
    assert turn.error is None
    assert turn.agent == "pricing"
    assert turn.tools == ["pricing_answer"]
    assert expected in turn.answer


async def test_an_estimate_goes_on_a_job_only_after_yes(settings: Settings) -> None:
    assistant = Assistant(settings)
    try:
        proposed = await assistant.ask(
            "Price 180 feet of 6-inch seamless gutter and attach it to job 1043"
        )
        assert proposed.agent == "pricing"
        assert "pricing_attach_estimate" in proposed.tools
        assert "Shall I go ahead?" in proposed.answer
        notes_before = await assistant.services.crm.list_notes(1043)
        done = await assistant.ask("yes", conversation_id=proposed.conversation_id)
        notes_after = await assistant.services.crm.list_notes(1043)
    finally:
        await assistant.aclose()
    assert done.tools == ["pricing_attach_estimate"]
    assert len(notes_after) == len(notes_before) + 1
    added = [n for n in notes_after if "Gutter estimate: 180 ft" in n.note]
    assert len(added) == 1
    assert "margin 35.0%" in added[0].note
