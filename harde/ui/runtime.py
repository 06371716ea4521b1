"""One background event loop for the Streamlit process, bridged to the script thread.

Streamlit reruns the script on every interaction; async work must not start a new loop each
time. The loop, and the Assistant living on it, are a cached resource. A stream abandoned
mid-way (the user clicked something) is closed on the loop, which cancels its run.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Awaitable, Iterator
from concurrent.futures import Future
from typing import Any, TypeVar

from harde.assistant import Assistant
from harde.auth import User
from harde.config import Settings
from harde.events import Event

T = TypeVar("T")


class Runtime:
    def __init__(self, settings: Settings | None = None) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="harde-loop", daemon=True)
        self._thread.start()
        self.assistant: Assistant = self.run(self._make_assistant(settings))

    @staticmethod
    async def _make_assistant(settings: Settings | None) -> Assistant:
        return Assistant(settings)

    def submit(self, coro: Awaitable[T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)  # type: ignore[arg-type]

    def run(self, coro: Awaitable[T], timeout: float | None = None) -> T:
        return self.submit(coro).result(timeout)

    def stream(self, text: str, conversation_id: str, user: User | None = None) -> Iterator[Event]:
        """The turn's events, one at a time, in the calling (script) thread."""
        agen: AsyncIterator[Event] = self.assistant.stream(text, conversation_id, user)
        try:
            while True:
                try:
                    event = self.run(agen.__anext__())
                except StopAsyncIteration:
                    return
                yield event
        finally:
            closer: Any = getattr(agen, "aclose", None)
            if closer is not None:
                # Cancels the run if the script stopped listening half-way.
                self.submit(closer())
