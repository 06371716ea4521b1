"""A tool and a write of the tests' own, so the core is tested apart from any specialist's tools."""

from __future__ import annotations

from typing import Any

from agents import RunContextWrapper

from harde.agents.config import AgentGraphConfig, load_agent_config
from harde.context import HardeContext
from harde.tools.confirm import action, propose
from harde.tools.registry import tool

WRITES: list[dict[str, Any]] = []


@tool(status="Looking up {query}…")
async def test_lookup(ctx: RunContextWrapper[HardeContext], query: str) -> str:
    """Look something up (test tool)."""
    return f"Found in the test book: an entry for '{query}'."


@tool(status="Proposing a note…", writes=True)
async def test_propose_note(ctx: RunContextWrapper[HardeContext], query: str) -> str:
    """Propose a note (test tool)."""
    return propose(ctx.context, kind="test_note", summary=f"Add the note '{query}' to job 1043.", payload={"note": query}, agent="crm")


@action("test_note")
async def _write_note(ctx: HardeContext, payload: dict[str, Any]) -> str:
    WRITES.append(payload)
    return "Note added to job 1043."


def config_with_test_tools() -> AgentGraphConfig:
    """The shipped graph, with the knowledge and crm specialists given the tests' tools."""
    config = load_agent_config().model_copy(deep=True)
    knowledge = config.agents["knowledge"]
    knowledge.tools = ["test_lookup"]
    knowledge.fast_path = "test_lookup"
    crm = config.agents["crm"]
    crm.tools = ["test_propose_note", "confirm_pending_action", "cancel_pending_action"]
    crm.fast_path = None
    return config
