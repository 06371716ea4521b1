"""Two instances (production and staging) on one workflow database never run each other's runs:
B starting up does not recover A's run that was killed mid-way, B's queue workers leave A's
queued run alone, and A, started again, finishes both with one homeowner email each."""

from __future__ import annotations

import asyncio
import signal
import uuid
from pathlib import Path
from typing import Any

import pytest
from dbos import DBOS

from harde.config import Settings
from harde.integrations.mail import MaildirInbox, inbox_dir, outbox_dir
from harde.workflows import runtime
from harde.workflows.daemon import InboxDaemon
from harde.workflows.pipeline import build_pipeline
from tests.conftest import require_service
from tests.pipeline.conftest import (
    DIRECTOR,
    drop_email,
    pipeline_settings_for,
    seed_data_dir,
    trigger_email,
)
from tests.pipeline.outbox_reading import sent_to
from tests.pipeline.test_daemon_crash import daemon_env, start_daemon, wait_for

pytestmark = pytest.mark.slow

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"


def statuses(settings: Settings, *workflow_ids: str) -> dict[str, tuple[str, str]]:
    """(status, executor) of runs, read through the instance's own store."""
    store = runtime.WorkflowStore(settings)
    try:
        found = store.client.list_workflows(
            workflow_ids=list(workflow_ids), application_name=store.app
        )
        return {s.workflow_id: (s.status, s.executor_id) for s in found}
    finally:
        store.close()


@pytest.mark.parametrize(
    "database", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
async def test_two_instances_on_one_workflow_database_run_only_their_own(
    database: str, tmp_path: Path, brand_cache: Path
) -> None:
    if database == "postgres":
        require_service("PostgreSQL", "127.0.0.1", 5432)
        url = PG_URL
    else:
        url = f"sqlite:///{tmp_path / 'shared-workflows.sqlite3'}"
    a = pipeline_settings_for(tmp_path / "production", workflow_db_url=url)
    b = pipeline_settings_for(tmp_path / "staging", workflow_db_url=url)
    for settings in (a, b):
        seed_data_dir(settings, brand_cache)
    assert runtime.app_name(a) != runtime.app_name(b)

    # A's daemon takes a trigger, gets as far as the voice, and is killed.
    marker = tmp_path / "paused"
    message_id = f"a-1043-{uuid.uuid4().hex[:8]}"  # the Postgres database outlives the test
    drop_email(
        inbox_dir(a),
        trigger_email("Please produce Primer Video for job 1043", message_id=message_id),
    )
    killed = runtime.workflow_id_for_message(
        f"{message_id}@summitridge.example", instance=a.instance_name
    )
    proc = start_daemon(
        a, tmp_path / "a.log", daemon_env(a, HARDE_WORKFLOW_DB_URL=url),
        "--pause-after", "speech", "--pause-marker", str(marker),
    )  # fmt: skip
    try:
        await asyncio.to_thread(wait_for, marker.exists, proc, "A to pause after speech")
    finally:
        proc.send_signal(signal.SIGKILL)
        await asyncio.to_thread(proc.wait, 30)
    # ...and A's page queues a run while A's daemon is down.
    store_a = runtime.WorkflowStore(a)
    try:
        queued = store_a.enqueue_primer(1045)
    finally:
        store_a.close()

    # B starts on the same database and runs a trigger of its own through its queue.
    pipeline_b = build_pipeline(b)
    await runtime.launch(b, pipeline_b)
    try:
        drop_email(inbox_dir(b), trigger_email("Please produce Primer Video for Theresa Sweeney"))
        daemon_b = InboxDaemon(b, MaildirInbox(inbox_dir(b)))
        await daemon_b.poll_once()
        [own] = daemon_b.started
        handle: Any = await DBOS.retrieve_workflow_async(own)
        assert (await handle.get_result())["outcome"] == "job_ambiguous"
    finally:
        await asyncio.to_thread(runtime.shutdown)
        await pipeline_b.aclose()

    seen = statuses(a, killed, queued)
    assert seen[killed] == ("PENDING", runtime.executor_id(a))  # B did not recover it
    assert seen[queued][0] == "ENQUEUED"  # B's workers did not take it
    assert statuses(b, killed, queued) == {}  # B's store does not even list A's runs
    assert sent_to(outbox_dir(b), "kmurphy@example.com") == []
    assert sent_to(outbox_dir(b), "tsweeney@example.com") == []
    assert len(sent_to(outbox_dir(b), DIRECTOR)) == 1  # B's own "which job?" reply

    # A starts again: it recovers its killed run and works through its queue.
    pipeline_a = build_pipeline(a)
    await runtime.launch(a, pipeline_a)
    try:
        for workflow_id in (killed, queued):
            handle = await DBOS.retrieve_workflow_async(workflow_id)
            assert (await handle.get_result())["outcome"] == "done"
    finally:
        await asyncio.to_thread(runtime.shutdown)
        await pipeline_a.aclose()
    assert len(sent_to(outbox_dir(a), "kmurphy@example.com")) == 1
    assert len(sent_to(outbox_dir(a), "tsweeney@example.com")) == 1
