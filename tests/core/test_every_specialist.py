"""Every specialist, offline, on the demo company: routed, handed to, calls its tools, answers."""

from __future__ import annotations

import pytest

from harde.assistant import Assistant
from harde.config import Settings
from harde.integrations.crm.local import load_demo
from harde.knowledge import build_index

CASES = [
    ("crm", "What's the status of the Johnson roof job?", "Job 1012"),
    ("crm", "Add a note to job 1043: materials delivered, @Mike Reed please call her", "Shall I go ahead"),
    ("knowledge", "What's our standard objection response for price concerns?", "Sources:"),
    ("analysis", "Across the director's calls, which objections come up most on siding jobs?", "siding"),
    ("web_search", "Look up the Mastic siding warranty online", "PERPLEXITY_API_KEY"),
    ("scripting", "Generate a primer script for John Smith's roof replacement", "focus"),
    ("new_clients", "Create a new customer: Sarah Johnson, six one seven, five five five, zero one two three, sarah at gmail dot com, 12 Elm Street, Quincy, Mass 02169, roof replacement", "Quincy, MA 02169"),
    ("pricing", "What markup gives a 40% margin?", "66.7%"),
]


@pytest.fixture(scope="module")
def demo_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("demo") / "var", llm="offline", crm="local")  # type: ignore[call-arg]
    settings.ensure_dirs()
    load_demo(settings)
    build_index(settings)
    return settings


@pytest.mark.parametrize(("agent", "text", "expected"), CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
async def test_specialist_routes_calls_its_tools_and_answers(demo_settings: Settings, agent: str, text: str, expected: str) -> None:
    assistant = Assistant(demo_settings)
    turn = await assistant.ask(text)
    await assistant.aclose()
    assert turn.error is None
    assert turn.agent == agent, (turn.agents, turn.answer[:200])
    assert turn.tools, "answered without calling a tool"
    assert expected in turn.answer, turn.answer[:500]
    if turn.flow == "sdk":
        assert turn.agents[-1] == agent


async def test_a_follow_up_that_points_back_uses_the_earlier_request(demo_settings: Settings) -> None:
    assistant = Assistant(demo_settings)
    first = await assistant.ask("Show me all jobs for John Smith")
    balance = await assistant.ask("what's the open balance on the roof one?", first.conversation_id)
    rep = await assistant.ask("who is the rep on the gutter one?", first.conversation_id)
    await assistant.aclose()
    assert "job 1021" in balance.answer and "$6,267.00" in balance.answer
    assert "job 1036" in rep.answer and "Mike Reed" in rep.answer
