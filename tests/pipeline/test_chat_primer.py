"""The chat starts a primer video like any other write: it proposes the run, waits for the rep's
own yes, queues it for the daemon and links to its row on the Primer videos page; without a
daemon it says so plainly and how to start it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from harde.assistant import Assistant
from harde.config import Settings
from harde.integrations.crm.local import load_demo
from harde.workflows import runtime
from harde.workflows.pipeline import build_pipeline
from tests.pipeline.conftest import PUBLIC_URL, pipeline_settings_for


@pytest.fixture
def chat_settings(tmp_path: Path) -> Settings:
    settings = pipeline_settings_for(tmp_path)
    settings.ensure_dirs()
    load_demo(settings)
    return settings


@pytest.fixture
def daemon(chat_settings: Settings) -> Iterator[None]:
    """A daemon as the app sees one: the workflow store made, the pipeline lock held by a live
    process (this one), nothing dequeuing, so a queued run stays queued for the test to read."""

    async def create_store() -> None:
        pipeline = build_pipeline(chat_settings)
        await runtime.launch(chat_settings, pipeline)
        await asyncio.to_thread(runtime.shutdown)
        await pipeline.aclose()

    asyncio.run(create_store())
    lock = runtime.PipelineLock(chat_settings)
    assert lock.acquire()
    yield
    lock.release()


def _runs(settings: Settings) -> list[runtime.RunView]:
    store = runtime.WorkflowStore(settings)
    try:
        return store.list_runs()
    finally:
        store.close()


def test_make_the_primer_video_for_the_murphy_job_waits_for_yes_then_queues_it(
    chat_settings: Settings, daemon: None
) -> None:
    async def talk() -> tuple[str, str]:
        assistant = Assistant(chat_settings)
        first = await assistant.ask("make the primer video for the Murphy job")
        assert first.tools == ["crm_make_primer_video"] and first.flow == "sdk"
        queued_before_yes = len(_runs(chat_settings))
        assert queued_before_yes == 0
        second = await assistant.ask("yes", first.conversation_id)
        return first.answer, second.answer

    proposal, done = asyncio.run(talk())
    assert "job 1043" in proposal and "kmurphy@example.com" in proposal and "Shall I go ahead" in proposal
    [run] = _runs(chat_settings)
    assert run.status == "ENQUEUED" and run.request["job_id"] == 1043 and run.request["source"] == "chat"
    assert f"{PUBLIC_URL}/primer?run={run.workflow_id}" in done


def test_ok_now_make_the_video_uses_the_job_in_focus_and_no_drops_it(
    chat_settings: Settings, daemon: None
) -> None:
    async def talk() -> list[str]:
        assistant = Assistant(chat_settings)
        looked = await assistant.ask("what's the status of job 1043")
        asked = await assistant.ask("ok now make the video", looked.conversation_id)
        assert asked.tools == ["crm_make_primer_video"]
        dropped = await assistant.ask("no, hold off", looked.conversation_id)
        late_yes = await assistant.ask("yes", looked.conversation_id)
        return [asked.answer, dropped.answer, late_yes.answer]

    asked, _, _ = asyncio.run(talk())
    assert "job 1043" in asked and "Shall I go ahead" in asked
    assert _runs(chat_settings) == []  # "no" dropped it; the later "yes" found nothing


def test_without_a_daemon_the_chat_says_so_and_how_to_start_it(chat_settings: Settings) -> None:
    async def talk() -> str:
        return (await Assistant(chat_settings).ask("make the primer video for the Murphy job")).answer

    answer = asyncio.run(talk())
    assert "daemon is not running" in answer and "harde daemon" in answer
    assert "Shall I go ahead" not in answer and "Traceback" not in answer and "sqlalchemy" not in answer


def test_a_lost_job_gets_no_video_and_the_reason(chat_settings: Settings, daemon: None) -> None:
    async def talk() -> str:
        return (await Assistant(chat_settings).ask("make the primer video for job 1010")).answer

    answer = asyncio.run(talk())
    assert "No primer video" in answer and "Lost" in answer
    assert _runs(chat_settings) == []
