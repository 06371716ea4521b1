"""What the offline model decides for a specialist: call tools, reply, or hand back to triage.

A planner is a plain function from a `PlanRequest` to a `Plan`. Each specialist may register
its own in `harde/agents/planners/<agent>.py` with `@planner("agent")`; the default calls the
agent's fast-path tool with the user's words and answers from what it returns.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from harde.context import HardeContext


@dataclass(frozen=True)
class ToolCall:
    name: str
    arguments: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Reply:
    text: str


@dataclass(frozen=True)
class HandBack:
    """The request belongs to another specialist: return it to triage."""

    reason: str = ""


@dataclass(frozen=True)
class ToolResultRecord:
    name: str
    arguments: dict[str, Any]
    output: str


@dataclass
class PlanRequest:
    agent: str
    text: str  # the user's latest message, as typed
    results: list[ToolResultRecord]  # tool results since this agent took over, this turn
    tools: list[str]  # tool names the agent may call
    fast_tool: str | None
    context: HardeContext | None
    previous_user_messages: list[str] = field(default_factory=list)

    def called(self, name: str) -> bool:
        return any(r.name == name for r in self.results)


Plan = ToolCall | list[ToolCall] | Reply | HandBack
Planner = Callable[[PlanRequest], Plan]

PLANNERS: dict[str, Planner] = {}


def planner(agent: str) -> Callable[[Planner], Planner]:
    """Register the offline planner of one specialist."""

    def register(func: Planner) -> Planner:
        PLANNERS[agent] = func
        return func

    return register


def compose_from_results(request: PlanRequest) -> Reply:
    """An answer made of what the tools returned, in order, without invention."""
    outputs = [r.output.strip() for r in request.results if r.output.strip()]
    if not outputs:
        return Reply("I found nothing to go on for that.")
    return Reply("\n\n".join(outputs))


def _takes_query(name: str) -> bool:
    from harde.tools.registry import TOOLS

    spec = TOOLS.get(name)
    return spec is not None and "query" in inspect.signature(spec.func).parameters


def default_plan(request: PlanRequest) -> Plan:
    """Call the fast-path tool (else the agent's first tool taking `query`) with the user's words."""
    if not request.results:
        candidates = [request.fast_tool] if request.fast_tool in request.tools else []
        candidates += [t for t in request.tools if t not in ("confirm_pending_action", "cancel_pending_action")]
        for name in candidates:
            if name and _takes_query(name):
                return ToolCall(name, {"query": request.text})
        return Reply(
            "I can't do that yet: this specialist has no tools for it. Nothing was looked up or changed."
        )
    return compose_from_results(request)


def load_planners() -> dict[str, Planner]:
    import harde.agents.planners as package

    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"harde.agents.planners.{info.name}")
    return PLANNERS


def plan_for(request: PlanRequest) -> Plan:
    return load_planners().get(request.agent, default_plan)(request)
