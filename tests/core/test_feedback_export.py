"""Thumbs on answers are kept with the conversation and the route taken; `harde feedback export`
writes them as labelled JSONL."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harde.assistant import Assistant
from harde.auth import User
from harde.cli import main
from harde.config import Settings, get_settings
from harde.integrations.crm.local import load_demo

DANA = User(username="dwhitaker", name="Dana Whitaker", email="dwhitaker@summitridge.example", role="rep")
MIKE = User(username="mreed", name="Mike Reed", email="mreed@summitridge.example", role="rep")


async def _rate_some(settings: Settings) -> None:
    load_demo(settings)
    assistant = Assistant(settings)
    await assistant.ask("What's the status of the Johnson roof job?", "c1", DANA)
    await assistant.ask("whats linda johnsons number", "c1", DANA)
    await assistant.ask("whats the balance on 1043", "c2", DANA)
    assert await assistant.rate("c1", 0, 1, DANA)
    assert await assistant.rate("c1", 1, 0, DANA)
    assert await assistant.rate("c2", 0, 1, DANA)
    assert await assistant.rate("c2", 0, None, DANA)  # taken back
    assert not await assistant.rate("c1", 0, 0, MIKE)  # not his conversation
    assert not await assistant.rate("c1", 7, 1, DANA)  # no such answer
    await assistant.aclose()


def test_rated_answers_export_as_labelled_jsonl(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asyncio.run(_rate_some(settings))
    monkeypatch.setenv("HARDE_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("HARDE_LLM", "offline")
    get_settings.cache_clear()
    out = tmp_path / "feedback.jsonl"
    try:
        result = CliRunner().invoke(main, ["feedback", "export", "--out", str(out)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["text"], r["label"]) for r in rows] == [
        ("What's the status of the Johnson roof job?", "good"),
        ("whats linda johnsons number", "bad"),
    ]
    first = rows[0]
    assert first["intent"] == "crm.facts" and first["agent"] == "crm" and first["flow"] == "fast"
    assert first["route"].startswith("crm (fast): understood as crm.facts")
    assert first["tools"] == ["crm_facts"] and "Job 1012" in first["answer"]
    assert first["conversation"] == "c1" and first["turn"] == 0 and first["rated_by"] == "dwhitaker"
