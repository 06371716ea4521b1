"""Two app processes sharing conversations in Redis: two yeses at once write once, and the
intake state survives them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from harde.assistant import Assistant
from harde.auth import User
from harde.config import Settings
from tests.conftest import require_service

DANA = User(username="dwhitaker", name="Dana Whitaker", email="dwhitaker@summitridge.example")

CHILD = """
import asyncio, json, sys, time
from harde.assistant import Assistant
from harde.auth import User
from harde.config import get_settings

async def main() -> None:
    assistant = Assistant(get_settings())
    start = float(sys.argv[2])
    while time.time() < start:
        await asyncio.sleep(0.005)
    turn = await assistant.ask("yes", sys.argv[1], user=User("dwhitaker", "Dana Whitaker", "dwhitaker@summitridge.example"))
    print(json.dumps({"answer": turn.answer, "error": turn.error}))
    await assistant.aclose()

asyncio.run(main())
"""


def _env(settings: Settings, url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "LEAP_"))}
    env.update({"HARDE_DATA_DIR": str(settings.data_dir), "HARDE_SESSION_URL": url, "HARDE_LLM": "offline"})
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    return env


@pytest.mark.redis
async def test_two_yeses_from_two_processes_write_once(settings: Settings) -> None:
    require_service("Redis", "127.0.0.1", 6379)
    url = "redis://127.0.0.1:6379/0"
    shared = settings.model_copy(update={"session_url": url})
    cid = f"redis-two-yes-{uuid.uuid4().hex[:8]}"
    assistant = Assistant(shared)
    crm = assistant.services.crm
    asked = await assistant.ask("note on job 1043: from two processes", cid, user=DANA)
    assert "Shall I go ahead" in asked.answer
    before = len(await crm.list_notes(1043))
    start = time.time() + 4.0  # both children are up by then, then go at once
    command = [sys.executable, "-c", CHILD, cid, str(start)]
    children = [subprocess.Popen(command, env=_env(settings, url), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]  # noqa: ASYNC220
    outputs = [child.communicate(timeout=120) for child in children]
    answers = [json.loads(out.strip().splitlines()[-1])["answer"] for out, _ in outputs]
    assert len(await crm.list_notes(1043)) == before + 1, answers
    assert sum("nothing waiting" in a for a in answers) == 1
    state = await assistant.store.load_state(cid)
    assert state is not None and state.owner == "dwhitaker" and state.pending_run is None
    await assistant.store.delete(cid)
    await assistant.aclose()
