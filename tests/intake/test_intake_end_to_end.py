"""The issue's example through the whole offline assistant: dictation, one yes, one new customer."""

from __future__ import annotations

from pathlib import Path

from harde.assistant import Assistant
from harde.config import Settings
from harde.crm.models import CustomerQuery
from harde.integrations.crm.local import load_demo

DICTATION = (
    "Create a new customer: Sarah Johnson, six one seven, five five five, zero one two three, "
    "sarah at gmail dot com, 12 Elm Street, Quincy, Mass 02169, roof replacement"
)


async def test_dictated_customer_is_created_after_one_yes_with_massachusetts_21(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path / "var", llm="offline", crm="local")  # type: ignore[call-arg]
    load_demo(settings)
    assistant = Assistant(settings)
    try:
        before = await assistant.services.crm.search_customers(CustomerQuery(name="Sarah Johnson"))
        first = await assistant.ask(DICTATION)
        assert first.agent == "new_clients"
        assert "Reply **yes**" in first.answer and "Quincy, MA 02169" in first.answer and "state id" not in first.answer
        second = await assistant.ask("yes", conversation_id=first.conversation_id)
        assert "Created customer **Sarah Johnson**" in second.answer
        after = await assistant.services.crm.search_customers(CustomerQuery(name="Sarah Johnson"))
        new = [c for c in after if c.id not in {b.id for b in before}]
        assert len(new) == 1
        [customer] = new
        assert customer.address is not None and customer.address.state_id == 21
        assert customer.email == "sarah@gmail.com" and customer.phones[0].number == "6175550123"
        # A third message starts nothing new: the intake is finished.
        state = await assistant.store.load_state(first.conversation_id)
        assert state is not None and state.workflow_in_progress is None
    finally:
        await assistant.aclose()


async def test_follow_up_answers_continue_the_intake_across_turns(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path / "var", llm="offline", crm="local")  # type: ignore[call-arg]
    load_demo(settings)
    assistant = Assistant(settings)
    try:
        first = await assistant.ask("Add a new customer: Nora Quinn, her email is nora.q at gmail dot com")
        assert first.agent == "new_clients" and first.answer.endswith("What's the best phone number for Nora?")
        second = await assistant.ask("six one seven five five five zero one eight eight", conversation_id=first.conversation_id)
        assert second.agent == "new_clients" and "(617) 555-0188" in second.answer
        third = await assistant.ask("skip", conversation_id=first.conversation_id)
        assert "Reply **yes**" in third.answer
        done = await assistant.ask("yes", conversation_id=first.conversation_id)
        assert "Created customer **Nora Quinn**" in done.answer
    finally:
        await assistant.aclose()
