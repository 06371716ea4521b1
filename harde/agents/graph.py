"""Builds the SDK agent graph from agent_config.yaml, in one place.

Every agent exists first; handoffs are wired afterwards, once, from the configuration.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from agents import Agent, FunctionTool, RunContextWrapper, function_tool
from agents.models.interface import Model

from harde.agents.config import PROMPTS_DIR, AgentGraphConfig, AgentSpec
from harde.agents.instructions import state_section
from harde.context import HardeContext
from harde.tools.registry import ToolSpec, load_tools

log = logging.getLogger(__name__)

ModelFactory = Callable[[str, AgentSpec], Model]


@lru_cache(maxsize=32)
def read_prompt(filename: str) -> str:
    return (PROMPTS_DIR / filename).read_text(encoding="utf-8").strip()


def make_instructions(key: str, spec: AgentSpec) -> Callable[[RunContextWrapper[HardeContext], Agent[HardeContext]], str]:
    """Instructions as a function of the state: the prompt says what is already known."""

    def instructions(ctx: RunContextWrapper[HardeContext], agent: Agent[HardeContext]) -> str:
        company = ctx.context.settings.company_name
        base = read_prompt(spec.prompt).replace("{company}", company)
        extra = state_section(key, ctx.context)
        return f"{base}\n\n{extra}" if extra else base

    return instructions


def _tool_failure(ctx: RunContextWrapper[Any], error: Exception) -> str:
    # The model gets a short message it can act on; the log gets the type, never the data.
    log.warning("tool failed: %s", type(error).__name__)
    return f"That did not work ({type(error).__name__}). Nothing was changed; tell the user and offer to try again."


def as_function_tool(spec: ToolSpec) -> FunctionTool:
    # Writes pause the run for the rep's own approval (harde.tools.approvals).
    return function_tool(
        spec.func, name_override=spec.name, failure_error_function=_tool_failure, needs_approval=spec.writes
    )


def build_graph(config: AgentGraphConfig, model_factory: ModelFactory) -> dict[str, Agent[HardeContext]]:
    tools = load_tools()
    wrapped: dict[str, FunctionTool] = {}
    agents: dict[str, Agent[HardeContext]] = {}
    for key, spec in config.all_agents.items():
        agent_tools: list[Any] = []
        for name in spec.tools:
            if name not in wrapped:
                wrapped[name] = as_function_tool(tools[name])
            agent_tools.append(wrapped[name])
        agents[key] = Agent[HardeContext](
            name=key,
            handoff_description=spec.description,
            instructions=make_instructions(key, spec),
            model=model_factory(key, spec),
            tools=agent_tools,
        )
    for key, spec in config.all_agents.items():
        agents[key].handoffs = [agents[target] for target in spec.handoffs]
    return agents
