"""One slow turn never holds up another conversation, and no turn runs past its time budget.

A step is made slow by a gate: it waits (blocking whichever thread runs it) until the test
opens the gate. On the event loop that wait would freeze every conversation; off the loop the
other conversation answers meanwhile. The tests check the order things finish in, never how
long they took; the gate's own timeout only keeps a failing test from hanging.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import harde.tools.analysis
import harde.tools.intake
import harde.tools.pricing
from harde.assistant import TOO_LONG, Assistant
from harde.config import Settings
from harde.state.audit import AuditLog
from harde.state.store import SQLiteHistory
from harde.tools.approvals import CONFIRM_PROMPT
from harde.understanding.reader import Reader

GATE_TIMEOUT_S = 20.0
NORMAL = "whats the balance on 1042"


class Gate:
    """A step that waits until opened; says when something has reached it, and logs when it went on."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self.opened = threading.Event()
        self.log: list[str] = []

    def wait(self) -> None:
        self.reached.set()
        self.opened.wait(GATE_TIMEOUT_S)
        self.log.append("slow step")

    def slowed(self, func: Callable[..., Any]) -> Callable[..., Any]:
        def slow(*args: Any, **kwargs: Any) -> Any:
            self.wait()
            return func(*args, **kwargs)

        return slow


@pytest.fixture
def gate() -> Iterator[Gate]:
    opened = Gate()
    yield opened
    opened.opened.set()  # a thread still waiting ends with the test


@pytest.fixture
async def assistant(settings: Settings) -> Any:
    made = Assistant(settings)
    await made.ask("warm up the intent model and the indexes: what is our warranty")
    yield made
    await made.aclose()


def _slow_pricing(monkeypatch: pytest.MonkeyPatch, gate: Gate, assistant: Assistant) -> None:
    monkeypatch.setattr(harde.tools.pricing, "answer_question", gate.slowed(harde.tools.pricing.answer_question))


def _slow_analysis(monkeypatch: pytest.MonkeyPatch, gate: Gate, assistant: Assistant) -> None:
    monkeypatch.setattr(harde.tools.analysis, "answer", gate.slowed(harde.tools.analysis.answer))


def _slow_intake(monkeypatch: pytest.MonkeyPatch, gate: Gate, assistant: Assistant) -> None:
    monkeypatch.setattr(harde.agents.planners.new_clients, "read_customer_message", gate.slowed(harde.agents.planners.new_clients.read_customer_message))


def _slow_knowledge(monkeypatch: pytest.MonkeyPatch, gate: Gate, assistant: Assistant) -> None:
    knowledge = assistant.services.knowledge
    monkeypatch.setattr(knowledge, "search", gate.slowed(knowledge.search))


def _slow_understanding(monkeypatch: pytest.MonkeyPatch, gate: Gate, assistant: Assistant) -> None:
    read = Reader.read

    def slow_read(self: Reader, text: str, *args: Any, **kwargs: Any) -> Any:
        if text != NORMAL:
            gate.wait()
        return read(self, text, *args, **kwargs)

    monkeypatch.setattr(Reader, "read", slow_read)


SLOW_TURNS = {
    "pricing": ("how much for a 2,400 sq ft footprint at 6/12 with 15% waste", _slow_pricing, "squares"),
    "call analysis": ("what objections come up most in the director's calls", _slow_analysis, "Objections"),
    "intake": ("new customer Dana Reyes, phone 617-555-0142, 12 Elm St Newton MA, roofing", _slow_intake, "Dana Reyes"),
    "knowledge": ("how do I handle a spouse who is not home", _slow_knowledge, "Spouse"),
    "understanding": ("how do I handle a spouse who is not home", _slow_understanding, "Spouse"),
    "web search without a key": ("search the web for GAF shingle recalls", _slow_knowledge, "Web search is not set up"),
}


@pytest.mark.parametrize("name", list(SLOW_TURNS))
async def test_a_slow_turn_does_not_hold_up_another_conversation(
    assistant: Assistant, gate: Gate, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    text, make_slow, expected = SLOW_TURNS[name]
    make_slow(monkeypatch, gate, assistant)

    async def turn(message: str, conversation_id: str) -> str:
        answer = (await assistant.ask(message, conversation_id)).answer
        gate.log.append(conversation_id)
        return answer

    slow = asyncio.create_task(turn(text, "slow"))
    assert await asyncio.to_thread(gate.reached.wait, GATE_TIMEOUT_S), "the slow step was never reached"
    normal = await turn(NORMAL, "normal")
    gate.opened.set()
    assert expected in await slow
    assert "$0.00" in normal
    # The other conversation was answered while the slow step was still waiting.
    assert gate.log == ["normal", "slow step", "slow"]


def _with_budget(assistant: Assistant, seconds: float) -> None:
    assistant.settings = assistant.settings.model_copy(update={"turn_budget_s": seconds})


async def test_a_turn_past_its_budget_ends_with_too_long_and_keeps_nothing(
    assistant: Assistant, gate: Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    _slow_pricing(monkeypatch, gate, assistant)
    _with_budget(assistant, 0.5)
    turn = await assistant.ask("how much for a 2,400 sq ft footprint at 6/12 with 15% waste", "late")
    assert turn.answer == TOO_LONG
    assert turn.error == TOO_LONG
    assert await assistant.history("late") == []


async def test_understanding_past_the_budget_ends_the_turn_too(
    assistant: Assistant, gate: Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    _slow_understanding(monkeypatch, gate, assistant)
    _with_budget(assistant, 0.5)
    turn = await assistant.ask("how do I handle a spouse who is not home", "late")
    assert turn.answer == TOO_LONG


async def test_a_write_proposed_in_a_turn_past_its_budget_is_never_run(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = asyncio.Event()  # never set: the answer asking for a yes is never saved
    add_items = SQLiteHistory.add_items

    async def slow_add_items(self: SQLiteHistory, items: Any) -> None:
        if any(CONFIRM_PROMPT in str(item.get("content", "")) for item in items if isinstance(item, dict)):
            await stuck.wait()
        await add_items(self, items)

    monkeypatch.setattr(SQLiteHistory, "add_items", slow_add_items)
    _with_budget(assistant, 1.0)
    stage_before = (await assistant.services.crm.get_job(1043)).current_stage.name
    turn = await assistant.ask("move job 1043 to lost", "write")
    assert turn.answer == TOO_LONG
    assert (await assistant.state("write")).pending_run is None

    _with_budget(assistant, 60.0)
    after = await assistant.ask("yes", "write")
    assert "nothing was changed" in after.answer.lower()
    assert (await assistant.services.crm.get_job(1043)).current_stage.name == stage_before
    assert AuditLog.for_settings(assistant.settings).entries() == []


async def test_an_approved_write_under_way_finishes_when_the_turn_runs_out(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposed = await assistant.ask("move job 1043 to lost", "write")
    assert CONFIRM_PROMPT in proposed.answer

    out_of_time = asyncio.Event()  # the write waits until the budget has run out
    crm = assistant.services.crm
    change_stage = crm.change_stage

    async def slow_change_stage(*args: Any, **kwargs: Any) -> Any:
        await out_of_time.wait()
        return await change_stage(*args, **kwargs)

    monkeypatch.setattr(crm, "change_stage", slow_change_stage)
    give_up = assistant._out_of_time

    async def spy(context: Any, turn: Any) -> str:
        out_of_time.set()
        return await give_up(context, turn)

    monkeypatch.setattr(assistant, "_out_of_time", spy)
    _with_budget(assistant, 2.0)  # time enough to reach the write, which then outlasts it
    turn = await assistant.ask("yes", "write")
    assert turn.answer == TOO_LONG + " The change you approved was made."
    assert (await crm.get_job(1043)).current_stage.name == "Lost"
    entries = AuditLog.for_settings(assistant.settings).entries()
    assert [(e["kind"], e["ok"]) for e in entries] == [("crm_change_stage", True)]
    assert (await assistant.state("write")).pending_run is None


def test_the_budget_is_a_setting() -> None:
    assert Settings(_env_file=None).turn_budget_s == 60.0  # type: ignore[call-arg]
    assert Settings(_env_file=None, turn_budget_s=5).turn_budget_s == 5.0  # type: ignore[call-arg]
    with pytest.raises(ValueError):
        Settings(_env_file=None, turn_budget_s=0)  # type: ignore[call-arg]
