"""The new_clients tools over several turns against the demo CRM: ask, re-ask, skip, correct, confirm.

The conversation state is saved to JSON and read back between turns, as a reload would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from agents import RunContextWrapper

from harde.config import Settings
from harde.context import HardeContext
from harde.crm.models import CustomerQuery
from harde.integrations.crm.local import load_demo
from harde.services import Services
from harde.state.conversation import ConversationState
from harde.tools.intake import intake_collect_customer, intake_create_customer, intake_discard
from harde.understanding.dictation import read_customer_message


class Conversation:
    def __init__(self, settings: Settings) -> None:
        self.ctx = HardeContext(settings=settings, services=Services(settings), conversation_id="t")

    def _reload(self) -> None:
        self.ctx.state = ConversationState.from_json(self.ctx.state.to_json())

    async def say(self, text: str, **fields: str) -> str:
        """The rep's message, read by the understanding layer into the tool's typed fields (as the
        offline model does), plus any fields given outright (as a model with a key does)."""
        self._reload()
        arguments = read_customer_message(text, self.ctx.state.new_client).arguments()
        return await intake_collect_customer(RunContextWrapper(self.ctx), **{**arguments, **fields})

    async def yes(self, *, allow_duplicate: bool = False) -> str:
        """The creation the rep approved (the SDK runs the write tool after the yes)."""
        self._reload()
        return await intake_create_customer(RunContextWrapper(self.ctx), allow_duplicate=allow_duplicate)

    async def customers_named(self, first: str, last: str) -> list[object]:
        found = await self.ctx.services.crm.search_customers(CustomerQuery(name=f"{first} {last}"))
        return [c for c in found if (c.first_name, c.last_name) == (first, last)]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings(_env_file=None, data_dir=tmp_path / "var", llm="offline", crm="local")  # type: ignore[call-arg]
    load_demo(settings)
    return settings


@pytest.fixture
async def talk(settings: Settings) -> Conversation:
    conversation = Conversation(settings)
    yield conversation  # type: ignore[misc]
    await conversation.ctx.services.aclose()


async def test_full_dictation_goes_straight_to_confirmation_and_creates_one_customer(talk: Conversation) -> None:
    answer = await talk.say(
        "Create a new customer: Sarah Johnson, six one seven, five five five, zero one two three, "
        "sarah at gmail dot com, 12 Elm Street, Quincy, Mass 02169, roof replacement"
    )
    assert answer.startswith("The record is complete") and "Sarah Johnson" in answer and "MA 02169" in answer
    # The demo has a Sarah Johnson of its own (Natick, another phone and email): a namesake, not a duplicate.
    assert [c.id for c in await talk.customers_named("Sarah", "Johnson")] == [147]  # type: ignore[attr-defined]
    done = await talk.yes()
    assert "Created customer **Sarah Johnson**" in done
    [customer] = [c for c in await talk.customers_named("Sarah", "Johnson") if c.id != 147]  # type: ignore[attr-defined]
    assert customer.address.state_id == 21 and customer.address.zip == "02169"  # type: ignore[attr-defined]
    assert customer.phones[0].number == "6175550123" and customer.phones[0].label == "cell"  # type: ignore[attr-defined]
    jobs = await talk.ctx.services.crm.list_jobs(customer_id=customer.id)  # type: ignore[attr-defined]
    assert [t.name for j in jobs for t in j.trades] == ["Roofing"]
    assert talk.ctx.state.workflow_in_progress is None


async def test_missing_fields_are_asked_one_at_a_time_and_bare_answers_fill_them(talk: Conversation) -> None:
    first = await talk.say("new customer Dana, email dana.k at gmail dot com")
    assert first.endswith("And Dana's last name?")
    second = await talk.say("Kowalski")
    assert second.endswith("What's the best phone number for Dana?")
    third = await talk.say("seven eight one, five five five, zero one nine nine")
    assert "(781) 555-0199" in third and "say **skip**" in third  # optional details asked once
    fourth = await talk.say("skip")
    assert fourth.startswith("The record is complete")
    state = talk.ctx.state.new_client
    assert state.fields["last_name"] == "Kowalski" and "street" in state.skipped


async def test_invalid_email_is_asked_again_quoting_what_was_heard(talk: Conversation) -> None:
    answer = await talk.say("new customer Omar Haddad, 617 555 0142, email omar at, 5 Elm St, Quincy MA 02169, windows")
    assert "“omar at”" in answer and "correct email" in answer
    assert not answer.startswith("The record is complete")  # nothing can be created with an invalid field
    fixed = await talk.say("it's omar.haddad at yahoo dot com")
    assert "omar.haddad@yahoo.com" in fixed and fixed.startswith("The record is complete")


async def test_short_phone_is_re_asked_and_required_fields_cannot_be_skipped(talk: Conversation) -> None:
    answer = await talk.say("add customer Lena Ortiz, cell 555 0177")
    assert "“555 0177”" in answer and "10" in answer
    still = await talk.say("skip")
    assert "phone" in still and not still.startswith("The record is complete")
    done = await talk.say("(978) 555-0177")
    assert "(978) 555-0177" in done


async def test_a_correction_replaces_the_field_even_after_the_record_was_shown(talk: Conversation) -> None:
    await talk.say("new customer Sarah Johnson, 617 555 0123, sarah at gmail dot com, 12 Elm Street, Quincy MA 02169, roofing")
    answer = await talk.say("actually the email is sarah.j at gmail")
    assert "sarah.j@gmail.com" in answer and "sarah@gmail.com" not in answer
    assert answer.startswith("The record is complete")
    assert talk.ctx.state.new_client.fields["email"] == "sarah.j@gmail.com"


async def test_unknown_state_is_asked(talk: Conversation) -> None:
    answer = await talk.say("new customer Ray Chu, 617 555 0111, 4 Oak Street, Springfield, state Narnia")
    assert "“Narnia”" in answer and "state" in answer
    fixed = await talk.say("Missouri")
    # The rep reads the state's name; Leap's number for it is kept for the record, never shown.
    assert "Springfield, MO" in fixed and "state id" not in fixed
    assert talk.ctx.state.new_client.fields["state_id"] == 25


async def test_fields_from_structured_output_go_through_the_same_validation(talk: Conversation) -> None:
    answer = await talk.say(
        "", first_name="zoe", last_name="o'neil", phone="+1 603-555-0101", email=" Zoe@Gmail.com",
        street="3 pine st", city="nashua", state="New Hampshire", zip="03060", trade="gutters",
    )
    fields = talk.ctx.state.new_client.fields
    assert (fields["first_name"], fields["last_name"], fields["phone"]) == ("Zoe", "O'Neil", "6035550101")
    assert (fields["email"], fields["street"], fields["state_id"], fields["trade"]) == ("zoe@gmail.com", "3 Pine Street", 29, "GUTTERS")
    assert answer.startswith("The record is complete")


async def test_duplicate_by_phone_is_reported_and_created_only_when_asked(talk: Conversation) -> None:
    # Robert Johnson (demo customer 101) has cell 508-555-0100.
    asked = await talk.say("new customer Rob Johnston, 508 555 0100, 9 Birch Road, Framingham MA 01701, siding")
    assert "an email" in asked
    await talk.say("no email")
    found = await talk.yes()
    assert "Nothing was created" in found and "Robert Johnson" in found and "create anyway" in found
    assert await talk.customers_named("Rob", "Johnston") == []
    created = await talk.yes(allow_duplicate=True)
    assert "Created customer **Rob Johnston**" in created
    assert len(await talk.customers_named("Rob", "Johnston")) == 1


async def test_start_over_drops_the_customer(talk: Conversation) -> None:
    await talk.say("new customer Ivy Park, 617 555 0133, ivy at gmail dot com, 1 Main St, Quincy MA 02169, roof")
    dropped = await intake_discard(RunContextWrapper(talk.ctx))
    assert "Dropped" in dropped and talk.ctx.state.workflow_in_progress is None
    assert await talk.customers_named("Ivy", "Park") == []


async def test_empty_message_asks_for_the_customer(talk: Conversation) -> None:
    assert "Tell me about the new customer" in await talk.say("  ")
