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
from agents.run_config import CallModelData, ModelInputData

from harde.agents.config import PROMPTS_DIR, AgentGraphConfig, AgentSpec
from harde.agents.instructions import state_section, with_state_data
from harde.context import HardeContext
from harde.llm.untrusted import UNTRUSTED_RULE
from harde.tools.registry import ToolSpec, load_tools

log = logging.getLogger(__name__)

ModelFactory = Callable[[str, AgentSpec], Model]


@lru_cache(maxsize=32)
def read_prompt(filename: str) -> str:
    return (PROMPTS_DIR / filename).read_text(encoding="utf-8").strip()


def make_instructions(key: str, spec: AgentSpec) -> Callable[[RunContextWrapper[HardeContext], Agent[HardeContext]], str]:
    """Instructions as a function of the state: the prompt says what is already known."""

    def instructions(ctx: RunContextWrapper[HardeContext], agent: Agent[HardeContext]) -> str:
        return system_message(key, spec, ctx.context)

    return instructions


def system_message(key: str, spec: AgentSpec, context: HardeContext) -> str:
    """The agent's prompt, the rule on outside text, and what the state adds, in our own words."""
    base = read_prompt(spec.prompt).replace("{company}", context.settings.company_name)
    parts = [base, UNTRUSTED_RULE, state_section(key, context)]
    return "\n\n".join(part for part in parts if part)


def model_input(call: CallModelData[HardeContext]) -> ModelInputData:
    """Before each model call of a run: the state's values go in as a labelled data block
    (a user message), never in the system message."""
    data = call.model_data
    if call.context is None:
        return data
    return ModelInputData(input=with_state_data(list(data.input), call.agent.name, call.context), instructions=data.instructions)


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
