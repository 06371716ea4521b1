"""Progress notes from a CRM backend ("Leap is rate limiting; retrying in 4 s") to whoever listens.

A tool wraps its CRM calls in `with crm_progress(ctx.note):`; the backend calls
`report_progress(text)`. A context variable carries the listener, so concurrent turns (and the
tasks of one `asyncio.gather`) each reach their own status line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

ProgressListener = Callable[[str], None]

_listener: ContextVar[ProgressListener | None] = ContextVar("crm_progress_listener", default=None)


@contextmanager
def crm_progress(listener: ProgressListener | None) -> Iterator[None]:
    """Send the CRM's progress notes made inside this block to `listener`."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


def report_progress(text: str) -> None:
    """Tell the current listener, if any (never customer data or secrets in `text`)."""
    listener = _listener.get()
    if listener is not None:
        listener(text)
