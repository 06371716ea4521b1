"""A tool and a write of the tests' own, so the core is tested apart from any specialist's tools."""

from __future__ import annotations

from agents import RunContextWrapper

from harde.agents.config import AgentGraphConfig, load_agent_config
from harde.context import HardeContext
from harde.tools.registry import tool


@tool(status="Looking up {query}…")
async def test_lookup(ctx: RunContextWrapper[HardeContext], query: str) -> str:
    """Look something up (test tool)."""
    return f"Found in the test book: an entry for '{query}'."


def config_with_test_tools() -> AgentGraphConfig:
    """The shipped graph, with the knowledge specialist given the tests' own lookup."""
    config = load_agent_config().model_copy(deep=True)
    knowledge = config.agents["knowledge"]
    knowledge.tools = ["test_lookup"]
    knowledge.fast_path = "test_lookup"
    return config
