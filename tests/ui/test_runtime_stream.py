"""The bridge from the Assistant's event loop to Streamlit's script thread: every event in
order, the answer's text merged into as few hops as a frame allows, and a stream the script
abandons cancelled on the loop, and a turn gone quiet said to be."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from harde.config import Settings
from harde.events import Done, Event, RouteChosen, TextDelta, Turn
from harde.ui.runtime import Quiet, Runtime

QUESTION = "what does our workmanship warranty cover?"


@pytest.fixture
def runtime(settings: Settings) -> Iterator[Runtime]:
    rt = Runtime(settings)
    yield rt
    rt.close()


def _runs_of_text(events: list[Event]) -> int:
    """How many stretches of consecutive text deltas a stream has."""
    runs, previous_was_text = 0, False
    for event in events:
        is_text = isinstance(event, TextDelta)
        runs += is_text and not previous_was_text
        previous_was_text = is_text
    return runs


async def _collect(runtime: Runtime, text: str, cid: str) -> list[Event]:
    return [e async for e in runtime.assistant.stream(text, cid)]


def test_text_deltas_cross_merged_and_nothing_is_lost(runtime: Runtime) -> None:
    direct = runtime.run(_collect(runtime, QUESTION, "direct"))
    # A frame longer than the turn: every stretch of deltas becomes one.
    merged = list(runtime.stream(QUESTION, "bridged", frame_s=30.0))
    deltas = [e for e in direct if isinstance(e, TextDelta)]
    assert len(deltas) > 3  # the answer streams in several pieces
    assert [type(e) for e in merged if not isinstance(e, TextDelta)] == [type(e) for e in direct if not isinstance(e, TextDelta)]
    assert sum(isinstance(e, TextDelta) for e in merged) == _runs_of_text(direct) < len(deltas)
    answer = "".join(e.text for e in merged if isinstance(e, TextDelta))
    done = merged[-1]
    assert isinstance(done, Done)
    assert answer == "".join(d.text for d in deltas)
    assert done.turn.answer.strip() in answer


def test_an_abandoned_stream_releases_its_conversation(runtime: Runtime) -> None:
    events = runtime.stream(QUESTION, "left")
    next(events)
    events.close()  # the rep clicked something else half-way
    # The turn on the loop was cancelled and let go of the conversation's lock.
    again = list(runtime.stream("hello there", "left"))
    assert isinstance(again[-1], Done)


def test_a_frame_of_zero_passes_every_delta_on_by_itself(runtime: Runtime) -> None:
    direct = runtime.run(_collect(runtime, QUESTION, "direct"))
    each = list(runtime.stream(QUESTION, "each", frame_s=0))
    assert [e.text for e in each if isinstance(e, TextDelta)] == [e.text for e in direct if isinstance(e, TextDelta)]


def test_a_quiet_turn_says_so_and_a_busy_one_never_does(runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    # Without `quiet_s` nothing is added to the turn's own events.
    assert not any(isinstance(e, Quiet) for e in runtime.stream(QUESTION, "plain"))
    opened = asyncio.Event()

    async def waits_for_the_gate(text: str, conversation_id: str, user: Any = None) -> AsyncIterator[Event]:
        yield RouteChosen("knowledge", "fast", "a policy question")
        await opened.wait()  # quiet until the test has seen the stream say so
        yield TextDelta("Ten years.")
        yield Done(Turn(answer="Ten years.", agent="knowledge"))

    monkeypatch.setattr(runtime.assistant, "stream", waits_for_the_gate)
    events = runtime.stream(QUESTION, "gated", quiet_s=0.01)
    assert isinstance(next(events), RouteChosen)
    assert isinstance(next(events), Quiet)
    runtime.loop.call_soon_threadsafe(opened.set)
    rest = [e for e in events if not isinstance(e, Quiet)]
    assert [type(e) for e in rest] == [TextDelta, Done]
