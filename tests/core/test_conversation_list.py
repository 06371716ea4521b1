"""The sidebar's conversations: search over titles and text, rename, delete with an undo, and
titles that are the first line cut at a word."""

from __future__ import annotations

import time

import pytest

from harde.assistant import UNDO_WINDOW_S, Assistant
from harde.auth import User
from harde.config import Settings
from harde.integrations.crm.local import load_demo
from harde.state.conversation import conversation_title

DANA = User(username="dwhitaker", name="Dana Whitaker", email="dwhitaker@summitridge.example", role="rep")
MIKE = User(username="mreed", name="Mike Reed", email="mreed@summitridge.example", role="rep")


@pytest.fixture
async def assistant(settings: Settings) -> Assistant:
    load_demo(settings)
    made = Assistant(settings)
    yield made  # type: ignore[misc]
    await made.aclose()


def test_a_title_is_the_first_line_cut_to_60_characters_at_a_word() -> None:
    paste = "Notes from the Maple Street walkthrough with the homeowners and their son\n" + "x " * 10_000
    title = conversation_title(paste)
    assert title == "Notes from the Maple Street walkthrough with the homeowners…"
    assert len(title) <= 60
    assert conversation_title("\n\n  whats linda johnsons number  \nand more") == "whats linda johnsons number"
    assert conversation_title("x" * 100) == "x" * 59 + "…"  # one long word is cut where it must be


async def test_search_finds_conversations_by_title_and_by_what_was_said(assistant: Assistant) -> None:
    await assistant.ask("What's the status of the Johnson roof job?", "johnson", DANA)
    await assistant.ask("whats the balance on 1043", "balance", DANA)
    await assistant.ask("and the install date?", "balance", DANA)
    await assistant.ask("What's the status of the Johnson roof job?", "mikes", MIKE)
    assert [c.id for c in await assistant.conversations(DANA, query="johnson ROOF")] == ["johnson"]
    # "install" is only in the second message of the other conversation, not in its title.
    assert [c.id for c in await assistant.conversations(DANA, query="install date")] == ["balance"]
    assert await assistant.conversations(DANA, query="gazebo") == []
    assert {c.id for c in await assistant.conversations(DANA)} == {"johnson", "balance"}  # never Mike's


async def test_a_deleted_conversation_is_gone_until_undone_and_for_good_after_the_window(assistant: Assistant) -> None:
    await assistant.ask("What's the status of the Johnson roof job?", "johnson", DANA)
    await assistant.ask("whats the balance on 1043", "balance", DANA)
    assert not await assistant.delete("johnson", MIKE)  # not his to delete
    assert await assistant.delete("johnson", DANA)
    assert [c.id for c in await assistant.conversations(DANA)] == ["balance"]
    assert await assistant.messages("johnson", DANA) == []
    assert not await assistant.can_open("johnson", DANA)
    refused = await assistant.ask("and her email?", "johnson", DANA)
    assert refused.error is not None  # no turn runs on a deleted conversation

    assert await assistant.delete("johnson", DANA, undo=True)
    assert {c.id for c in await assistant.conversations(DANA)} == {"johnson", "balance"}
    assert [m.role for m in await assistant.messages("johnson", DANA)] == ["user", "assistant"]

    assert await assistant.delete("johnson", DANA)
    state = await assistant.store.load_state("johnson")
    assert state is not None
    state.deleted_at = time.time() - UNDO_WINDOW_S - 1
    await assistant.store.save_state("johnson", state)
    assert [c.id for c in await assistant.conversations(DANA)] == ["balance"]
    assert await assistant.store.load_state("johnson") is None  # purged, history and all
    assert await assistant.store.session("johnson").get_items() == []
    assert not await assistant.delete("johnson", DANA, undo=True)


async def test_a_conversation_can_be_renamed_by_whoever_may_open_it(assistant: Assistant) -> None:
    await assistant.ask("What's the status of the Johnson roof job?", "johnson", DANA)
    assert not await assistant.rename("johnson", "Mine now", MIKE)
    assert await assistant.rename("johnson", "Johnson roof, follow up", DANA)
    assert [c.title for c in await assistant.conversations(DANA)] == ["Johnson roof, follow up"]
    assert [c.id for c in await assistant.conversations(DANA, query="follow up")] == ["johnson"]
