"""agent_config.yaml, validated: unknown tools, agents or prompt files stop start-up by name."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from harde.config import AGENT_KEYS, PROJECT_ROOT
from harde.errors import AgentConfigError

CONFIG_PATH = PROJECT_ROOT / "agent_config.yaml"
PROMPTS_DIR = Path(__file__).parent / "prompts"
SPECIALISTS = tuple(k for k in AGENT_KEYS if k != "triage")


class AgentSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str
    prompt: str
    model: str | None = None
    tools: list[str] = Field(default_factory=list)
    handoffs: list[str] = Field(default_factory=list)
    status: str = ""
    fast_path: str | None = None


class AgentGraphConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    triage: AgentSpec
    agents: dict[str, AgentSpec]

    def spec(self, key: str) -> AgentSpec:
        return self.triage if key == "triage" else self.agents[key]

    @property
    def all_agents(self) -> dict[str, AgentSpec]:
        return {"triage": self.triage, **self.agents}


def validate_graph(config: AgentGraphConfig, tool_names: set[str], prompts_dir: Path = PROMPTS_DIR) -> None:
    """Check every cross-reference; raise AgentConfigError naming the first bad entry."""
    missing = [k for k in SPECIALISTS if k not in config.agents]
    if missing:
        raise AgentConfigError(f"agent_config.yaml: specialists missing: {', '.join(missing)}")
    for key, spec in config.all_agents.items():
        where = f"agent_config.yaml: agent '{key}'"
        if key not in AGENT_KEYS:
            raise AgentConfigError(f"{where}: unknown agent (known: {', '.join(AGENT_KEYS)})")
        if not (prompts_dir / spec.prompt).is_file():
            raise AgentConfigError(f"{where}: prompt file '{spec.prompt}' not found in {prompts_dir}")
        for tool_name in spec.tools:
            if tool_name not in tool_names:
                raise AgentConfigError(f"{where}: unknown tool '{tool_name}'")
        if spec.fast_path is not None and spec.fast_path not in tool_names:
            raise AgentConfigError(f"{where}: fast_path names unknown tool '{spec.fast_path}'")
        for target in spec.handoffs:
            if target not in config.all_agents:
                raise AgentConfigError(f"{where}: hands off to unknown agent '{target}'")


def parse_config(raw: str, source: str = "agent_config.yaml") -> AgentGraphConfig:
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise AgentConfigError(f"{source} is not valid YAML: {exc}") from exc
    try:
        return AgentGraphConfig.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise AgentConfigError(f"{source}: entry '{where}': {first['msg']}") from exc


@lru_cache(maxsize=4)
def load_agent_config(path: Path = CONFIG_PATH) -> AgentGraphConfig:
    """Load, validate and cache the graph configuration."""
    from harde.tools.registry import load_tools

    config = parse_config(path.read_text(encoding="utf-8"), source=path.name)
    validate_graph(config, set(load_tools()))
    return config
