"""The typed events one turn streams out: the UI, CLI, API and tests all read these."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class RouteChosen:
    agent: str
    flow: Literal["fast", "sdk"]
    reason: str
    type: Literal["route"] = "route"


@dataclass(frozen=True)
class TextDelta:
    text: str
    type: Literal["text_delta"] = "text_delta"


@dataclass(frozen=True)
class AgentChanged:
    agent: str
    display_name: str
    type: Literal["agent_changed"] = "agent_changed"


@dataclass(frozen=True)
class ToolCalled:
    name: str
    arguments: dict[str, Any]
    status: str
    type: Literal["tool_called"] = "tool_called"


@dataclass(frozen=True)
class ToolResult:
    name: str
    output: str
    type: Literal["tool_result"] = "tool_result"


@dataclass(frozen=True)
class StatusNote:
    """Progress worth showing in the status line (a retry after a rate limit, say). A `notice`
    is something the rep must know about their message ("I used the first 12,000 characters"):
    it is shown as a line of the answer, and kept with it."""

    text: str
    notice: bool = False
    type: Literal["status"] = "status"


@dataclass(frozen=True)
class StateChanged:
    state: dict[str, Any]
    type: Literal["state_changed"] = "state_changed"


@dataclass(frozen=True)
class ErrorEvent:
    message: str
    retryable: bool = True
    type: Literal["error"] = "error"


@dataclass
class Turn:
    """The outcome of one turn, as `Assistant.ask` returns it."""

    answer: str
    agent: str
    agents: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    flow: Literal["fast", "sdk"] = "sdk"
    conversation_id: str = ""
    error: str | None = None
    attachments: list[dict[str, Any]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    # What can be done with a long paste: {"label", "request"} (the request is sent as the rep's message).
    offers: list[dict[str, str]] = field(default_factory=list)
    # What the turn did, in words, for the trail under the answer.
    steps: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass(frozen=True)
class Done:
    turn: Turn
    type: Literal["done"] = "done"


Event = RouteChosen | TextDelta | AgentChanged | ToolCalled | ToolResult | StatusNote | StateChanged | ErrorEvent | Done
