"""agent_config.yaml is validated on load, and errors name the bad entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from harde.agents.config import (
    CONFIG_PATH,
    PROMPTS_DIR,
    load_agent_config,
    parse_config,
    validate_graph,
)
from harde.errors import AgentConfigError
from harde.tools.registry import load_tools


def _config_text() -> str:
    return CONFIG_PATH.read_text(encoding="utf-8")


def test_shipped_config_loads_with_every_specialist() -> None:
    config = load_agent_config()
    assert set(config.agents) == {"crm", "knowledge", "analysis", "web_search", "scripting", "new_clients", "pricing"}
    assert set(config.triage.handoffs) == set(config.agents)


def test_unknown_tool_stops_start_up_naming_the_entry() -> None:
    config = parse_config(_config_text())
    config.agents["crm"].tools.append("no_such_tool")
    with pytest.raises(AgentConfigError, match=r"agent 'crm'.*unknown tool 'no_such_tool'"):
        validate_graph(config, set(load_tools()))


def test_unknown_handoff_target_is_named() -> None:
    text = _config_text().replace("handoffs: [triage]", "handoffs: [triage, sales_wizard]", 1)
    with pytest.raises(AgentConfigError, match="unknown agent 'sales_wizard'"):
        validate_graph(parse_config(text), set(load_tools()))


def test_missing_prompt_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(AgentConfigError, match=r"prompt file 'triage.md' not found"):
        validate_graph(parse_config(_config_text()), set(load_tools()), prompts_dir=tmp_path)


def test_unknown_field_is_named() -> None:
    text = _config_text().replace("  prompt: triage.md", "  prompt: triage.md\n  temperature: 2", 1)
    with pytest.raises(AgentConfigError, match=r"triage\.temperature"):
        parse_config(text)


def test_every_prompt_file_exists() -> None:
    for spec in load_agent_config().all_agents.values():
        assert (PROMPTS_DIR / spec.prompt).is_file()
