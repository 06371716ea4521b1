"""One background event loop for the Streamlit process, bridged to the script thread.

Streamlit reruns the script on every interaction; async work must not start a new loop each
time. The loop, and the Assistant living on it, are a cached resource. A turn's events cross
to the script thread through a queue, the answer's text merged per frame (about 30 ms)
rather than one hop per word. A stream abandoned mid-way (the user clicked something) is
cancelled on the loop, which cancels its run. A stream can also say when it has gone quiet,
so the page shows what is under way only for a turn that takes a while.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Generator, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TypeVar

from harde.assistant import Assistant
from harde.auth import User
from harde.config import Settings
from harde.events import Event, TextDelta

T = TypeVar("T")
logger = logging.getLogger(__name__)

def _log_warm_up(done: Future[None]) -> None:
    error = None if done.cancelled() else done.exception()
    if error is not None:
        # The mic says why when it is used; typing never depended on it.
        logger.warning("the speech model could not be warmed up: %s", type(error).__name__)


def _log_knowledge_warm_up(done: Future[None]) -> None:
    error = None if done.cancelled() else done.exception()
    if error is not None:
        logger.warning("the knowledge index could not be warmed up: %s", type(error).__name__)


@dataclass(frozen=True)
class Quiet:
    """Nothing came for a while (the `quiet_s` given to `Runtime.stream`); the turn goes on."""


@dataclass(frozen=True)
class _Ended:
    """The turn's stream is over; `error` is what ended it, if it did not end by itself."""

    error: BaseException | None = None


class Runtime:
    def __init__(self, settings: Settings | None = None) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="harde-loop", daemon=True)
        self._thread.start()
        self.assistant: Assistant = self.run(self._make_assistant(settings))
        # In the background: the page is usable at once, and the first dictation does not
        # wait for the speech model to load.
        if self.assistant.services.settings.voice_warm_up:
            self.submit(self.assistant.services.warm_up_voice()).add_done_callback(_log_warm_up)
        # Likewise the knowledge index and its sentence model, before the first playbook question.
        self.submit(self.assistant.services.warm_up_knowledge()).add_done_callback(_log_knowledge_warm_up)

    @staticmethod
    async def _make_assistant(settings: Settings | None) -> Assistant:
        return Assistant(settings)

    def submit(self, coro: Awaitable[T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)  # type: ignore[arg-type]

    def run(self, coro: Awaitable[T], timeout: float | None = None) -> T:
        return self.submit(coro).result(timeout)

    def close(self) -> None:
        """Close the Assistant and stop the loop (tests, and a process shutting down)."""
        self.run(self.assistant.aclose(), timeout=30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)

    def stream(
        self, text: str, conversation_id: str, user: User | None = None, *, frame_s: float | None = None, quiet_s: float | None = None
    ) -> Generator[Event | Quiet, None, None]:
        """The turn's events in the calling (script) thread, in order; consecutive text deltas
        arriving within `frame_s` of the first come as one (HARDE_STREAM_FRAME_MS by default;
        0 passes every delta on by itself). With `quiet_s`, a `Quiet` comes each time nothing
        has for that long."""
        if frame_s is None:
            frame_s = self.assistant.settings.stream_frame_ms / 1000
        inbox: queue.Queue[Event | _Ended] = queue.Queue()
        agen: AsyncIterator[Event] = self.assistant.stream(text, conversation_id, user)

        async def pump() -> None:
            ended = _Ended()
            try:
                async for event in agen:
                    inbox.put(event)
            except BaseException as exc:  # handed to the script thread, which raises it
                ended = _Ended(exc)
                raise
            finally:
                inbox.put(ended)
                closer = getattr(agen, "aclose", None)
                if closer is not None:
                    await closer()

        pumping = self.submit(pump())
        try:
            yield from _merged(inbox, frame_s, quiet_s)
        finally:
            # Cancels the run if the script stopped listening half-way; a no-op once it ended.
            pumping.cancel()


def _merged(inbox: queue.Queue[Event | _Ended], frame_s: float, quiet_s: float | None = None) -> Iterator[Event | Quiet]:
    held: Event | _Ended | None = None
    while True:
        if held is None:
            try:
                item = inbox.get(timeout=quiet_s)
            except queue.Empty:
                yield Quiet()
                continue
        else:
            item = held
        held = None
        if isinstance(item, _Ended):
            if item.error is not None and not isinstance(item.error, asyncio.CancelledError):
                raise item.error
            return
        if not isinstance(item, TextDelta) or frame_s <= 0:
            yield item
            continue
        pieces = [item.text]
        deadline = time.monotonic() + frame_s
        while held is None:
            remaining = deadline - time.monotonic()
            try:
                # Within the frame, wait for more; after it, take only what is already there.
                following = inbox.get(timeout=remaining) if remaining > 0 else inbox.get_nowait()
            except queue.Empty:
                break
            if isinstance(following, TextDelta):
                pieces.append(following.text)
            else:
                held = following
        yield TextDelta("".join(pieces))
