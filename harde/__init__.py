"""Hard-E, the AI sales director for residential contracting companies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from harde.assistant import Assistant
    from harde.events import Turn

__all__ = ["Assistant", "Turn"]


def __getattr__(name: str) -> Any:
    # Importing the SDK takes a moment; only those who use the Assistant pay for it.
    if name == "Assistant":
        from harde.assistant import Assistant

        return Assistant
    if name == "Turn":
        from harde.events import Turn

        return Turn
    raise AttributeError(name)
