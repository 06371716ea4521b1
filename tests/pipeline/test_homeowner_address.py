"""The homeowner's address comes from the CRM, where anyone with access can type anything: unless
it is exactly one valid address the run stops before making a video and alerts the director."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest

from harde.config import Settings
from harde.integrations.mail import outbox_dir
from harde.workflows import runtime
from harde.workflows.pipeline import build_pipeline
from tests.pipeline.conftest import DIRECTOR
from tests.pipeline.outbox_reading import body_of, sent_messages, sent_to

KATHLEEN = 109  # the customer of job 1043 in the demo CRM


def set_crm_email(settings: Settings, customer_id: int, email: str) -> None:
    """Written straight into the CRM's store, as a Leap record could hold it."""
    db = sqlite3.connect(Path(settings.data_dir) / "crm.sqlite3")
    try:
        (data,) = db.execute("SELECT data FROM customers WHERE id = ?", (customer_id,)).fetchone()
        record = json.loads(data)
        record["email"] = email
        db.execute("UPDATE customers SET data = ? WHERE id = ?", (json.dumps(record), customer_id))
        db.commit()
    finally:
        db.close()


async def test_two_addresses_in_the_crm_stop_the_run_and_alert_the_director(
    pipeline_settings: Settings,
) -> None:
    set_crm_email(pipeline_settings, KATHLEEN, "kmurphy@example.com, attacker@evil.example")
    pipeline = build_pipeline(pipeline_settings)
    await runtime.launch(pipeline_settings, pipeline)
    store = runtime.WorkflowStore(pipeline_settings)
    try:
        workflow_id = runtime.new_workflow_id(1043)
        handle = await runtime.start_primer(
            runtime.request_for_job(1043, key=workflow_id, source="test"), workflow_id
        )
        with pytest.raises(Exception, match="not one valid address"):
            await handle.get_result()
        run = await asyncio.to_thread(store.get_run, workflow_id)
    finally:
        store.close()
        await asyncio.to_thread(runtime.shutdown)
        await pipeline.aclose()

    assert run is not None and run.status == "ERROR"
    assert [s.status for s in run.steps if s.name == "fetch_context"] == ["failed"]
    assert not [
        s for s in run.steps if s.name in ("speech", "render", "deliver") and s.status == "done"
    ]
    outbox = outbox_dir(pipeline_settings)
    assert sent_to(outbox, "kmurphy@example.com") == []
    assert sent_to(outbox, "attacker@evil.example") == []
    [alert] = sent_to(outbox, DIRECTOR)
    assert "not one valid address" in body_of(alert)
    assert "attacker" not in body_of(alert)  # the alert names the job, not what was typed
    assert len(sent_messages(outbox)) == 1
    assert not pipeline_settings.delivery_dir.exists() or not list(
        pipeline_settings.delivery_dir.glob("*.mp4")
    )
