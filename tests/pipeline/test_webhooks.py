"""Leap webhooks: the receiver (secret path, bad input, duplicates), the emulator's subscriptions
and retries, and end to end on loopback: a stage change in the emulator becomes one run, one
slide video, one CRM note and one homeowner email, however often the event is delivered."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
from typing import Any

import httpx
import pytest
from dbos import DBOS
from starlette.testclient import TestClient

from harde.config import Settings
from harde.emulators.leap import LeapEmulator
from harde.integrations.crm.leap import LeapCRM
from harde.integrations.mail import outbox_dir
from harde.integrations.video.ffmpeg import probe
from harde.workflows import runtime
from harde.workflows.pipeline import build_pipeline
from harde.workflows.primer import WORKFLOW_NAME
from harde.workflows.webhook_app import WebhookReceiver, build_app
from harde.workflows.webhooks import (
    LeapEvent,
    StageActions,
    WebhookEventStore,
    WebhookPump,
    parse_delivery,
    workflow_id_for_event,
)
from tests.crm.leap_backends import TOKEN, seeded_local_crm
from tests.pipeline.conftest import DIRECTOR, PUBLIC_URL
from tests.pipeline.outbox_reading import body_of, sent_messages, sent_to
from tests.pipeline.webhook_peers import FlakySubscriber, UvicornThread

SECRET = "s3cret-path-0123456789-abcdefghijklmnop"
ESTIMATING = {"name": "Estimating", "code": "1002"}
HOMEOWNER = "jcastillo@example.net"  # Julie Castillo: job 1049, a roof, in Lead


def event(job_id: int = 1049, to: dict[str, str] | None = ESTIMATING, at: str = "2026-11-23 09:00:00", **extra: Any) -> dict[str, Any]:  # fmt: skip
    return {
        "action": "Job Stage Change", "operation": "update", "id": job_id,
        "details": {"id": job_id, "updated_at": at},
        "stage_moved_from": {"name": "Lead", "code": "1001"}, "stage_moved_to": to, **extra,
    }  # fmt: skip


@pytest.fixture
def store(pipeline_settings: Settings) -> Any:
    events = WebhookEventStore.for_settings(pipeline_settings)
    yield events
    events.dispose()


@pytest.fixture
def client(store: WebhookEventStore) -> Any:
    receiver = WebhookReceiver(SECRET, StageActions.parse("Estimating=primer,1010=none"), store)
    with TestClient(build_app(receiver)) as test_client:
        yield test_client


def test_a_wrong_secret_is_a_404_with_one_log_line_and_no_secret_in_it(
    client: TestClient, store: WebhookEventStore, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="harde.webhooks"):
        answer = client.post("/leap/not-the-secret-at-all", json=[event()])
        right_prefix = client.post(f"/leap/{SECRET[:-1]}", json=[event()])
    assert answer.status_code == 404 and right_prefix.status_code == 404
    lines = [r.getMessage() for r in caplog.records if r.name == "harde.webhooks"]
    assert len(lines) == 2 and all("wrong secret" in line for line in lines)
    assert not any("not-the-secret" in line or SECRET[:-1] in line for line in lines)
    assert store.pending() == []


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'"a string"',
        json.dumps([{"action": "Job Stage Change"}]).encode(),  # no id
        json.dumps([event(), {"id": "x", "action": 5}]).encode(),  # one bad event spoils the lot
        json.dumps([event(job_id=n) for n in range(101)]).encode(),  # over Leap's 100
    ],
)
def test_a_malformed_delivery_is_a_400_and_nothing_is_stored(
    client: TestClient, store: WebhookEventStore, body: bytes
) -> None:
    answer = client.post(
        f"/leap/{SECRET}", content=body, headers={"content-type": "application/json"}
    )
    assert answer.status_code == 400
    assert store.pending() == []


def test_an_unmapped_stage_or_another_event_is_acknowledged_and_not_stored(
    client: TestClient, store: WebhookEventStore
) -> None:
    delivery = [
        event(to={"name": "Proposal Sent", "code": "1003"}),
        {"action": "Customer Create", "operation": "create", "id": 150, "details": {}},
    ]
    answer = client.post(f"/leap/{SECRET}", json=delivery)
    assert answer.status_code == 200
    assert answer.json() == {"received": 2, "stored": 0, "duplicates": 0, "ignored": 2}
    assert store.pending() == []


def test_the_same_event_delivered_again_is_stored_once(
    client: TestClient, store: WebhookEventStore
) -> None:
    first = client.post(f"/leap/{SECRET}", json=[event(), event(job_id=1023)])
    again = client.post(f"/leap/{SECRET}", json=[event()])  # Leap's retry, hours later
    moved_later = client.post(f"/leap/{SECRET}", json=[event(at="2026-11-30 10:00:00")])
    assert first.json()["stored"] == 2
    assert again.json() == {"received": 1, "stored": 0, "duplicates": 1, "ignored": 0}
    assert moved_later.json()["stored"] == 1  # moved back and forward again: a new event
    pending = store.pending()
    assert sorted(e.job_id for e in pending) == [1023, 1049, 1049]
    assert store.deliveries(LeapEvent.model_validate(event()).key) == 2


def test_stage_actions_match_code_or_name_and_refuse_nonsense() -> None:
    actions = StageActions.parse("Appointment  Scheduled=primer, 1010=none")
    assert (
        actions.action_for(
            parse_delivery(
                json.dumps([event(to={"name": "appointment scheduled", "code": "77"})]).encode()
            )[0].stage_moved_to
        )
        == "primer"
    )
    assert (
        actions.action_for(
            LeapEvent.model_validate(event(to={"name": "Lost", "code": "1010"})).stage_moved_to
        )
        == "none"
    )
    assert actions.action_for(LeapEvent.model_validate(event()).stage_moved_to) is None
    for bad in ("Estimating", "Estimating=dance", "=primer"):
        with pytest.raises(ValueError, match="HARDE_WEBHOOK_STAGE_ACTIONS"):
            StageActions.parse(bad)


def test_the_emulator_retries_a_failed_delivery_on_its_schedule(tmp_path: Path) -> None:
    crm = seeded_local_crm(tmp_path)
    with (
        FlakySubscriber(failures=1) as subscriber,
        LeapEmulator(crm, token=TOKEN, webhook_retry_delays_s=(0.2, 0.4)) as leap,
    ):
        leap.subscribe(subscriber.url, ("Job Stage Change",))
        httpx.post(f"{leap.base_url}/jobs/stage", json={"job_id": 1049, "stage": "1002"},
                   headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10).raise_for_status()  # fmt: skip
        assert leap.wait_for_webhooks(10)
    assert [(d.attempt, d.status) for d in leap.webhook_deliveries] == [(1, 500), (2, 200)]
    [first, second] = [json.loads(b) for b in subscriber.bodies]
    assert first == second  # a retry is the same event, so the receiver can tell
    [sent] = first
    assert sent["action"] == "Job Stage Change" and sent["id"] == 1049
    assert sent["stage_moved_from"] == {"name": "Lead", "code": "1001"}
    assert sent["stage_moved_to"] == {"name": "Estimating", "code": "1002"}
    crm.close()


async def test_a_stage_change_in_leap_makes_one_video_note_and_email_despite_duplicates(
    pipeline_settings: Settings, store: WebhookEventStore, tmp_path: Path
) -> None:
    settings = pipeline_settings.model_copy(update={"webhook_stage_actions": "Estimating=primer"})
    leap_crm = seeded_local_crm(tmp_path / "leap")
    receiver = WebhookReceiver(SECRET, StageActions.parse(settings.webhook_stage_actions), store)
    with LeapEmulator(leap_crm, token=TOKEN, requests_per_minute=0,
                      webhook_retry_delays_s=(0.2,)) as leap, UvicornThread(build_app(receiver)) as hooks:  # fmt: skip
        leap.subscribe(f"{hooks.url}/leap/{SECRET}")
        leap.webhook_duplicates = 2  # every delivery arrives three times
        crm = LeapCRM(leap.base_url, TOKEN, requests_per_minute=0)
        pipeline = build_pipeline(settings, crm=crm)
        await runtime.launch(settings, pipeline)
        try:
            await crm.change_stage(1049, "1002")
            assert await asyncio.to_thread(leap.wait_for_webhooks, 20)
            pump = WebhookPump(settings, store)
            assert await pump.pump_once() == 1
            assert await pump.pump_once() == 0  # handed over once
            runs = await DBOS.list_workflows_async(name=WORKFLOW_NAME)
            assert len(runs) == 1
            handle: Any = await DBOS.retrieve_workflow_async(runs[0].workflow_id)
            result = await handle.get_result()
            notes = await crm.list_notes(1049)
        finally:
            await asyncio.to_thread(runtime.shutdown)
            await pipeline.aclose()
    assert len([d for d in leap.webhook_deliveries if d.status == 200]) == 3
    assert result["outcome"] == "done" and result["job_id"] == 1049
    assert result["slides"] == 5 and result["captions"] > 10  # a slide video with captions
    assert result["link"].startswith(f"{PUBLIC_URL}/app/static/primers/")
    info = await probe(Path(result["video"]))
    assert (info.video_codec, info.audio_codec) == ("h264", "aac")
    assert len([n for n in notes if result["link"] in n.note]) == 1
    [email] = sent_to(outbox_dir(settings), HOMEOWNER)
    assert result["link"] in body_of(email) and "Julie" in body_of(email)
    leap_crm.close()


async def test_a_job_without_a_homeowner_email_tells_the_director_and_makes_nothing(
    pipeline_settings: Settings, store: WebhookEventStore
) -> None:
    from harde.crm.models import CustomerUpdate
    from harde.integrations.crm.local import LocalCRM

    local = LocalCRM(pipeline_settings.data_dir / "crm.sqlite3")
    await local.update_customer(113, CustomerUpdate(email=None))
    await local.aclose()
    store.accept([(LeapEvent.model_validate(event()), "primer")])
    pipeline = build_pipeline(pipeline_settings)
    await runtime.launch(pipeline_settings, pipeline)
    try:
        await WebhookPump(pipeline_settings, store).pump_once()
        wid = workflow_id_for_event(
            LeapEvent.model_validate(event()).key, instance=pipeline_settings.instance_name
        )
        handle: Any = await DBOS.retrieve_workflow_async(wid)
        result = await handle.get_result()
    finally:
        await asyncio.to_thread(runtime.shutdown)
        await pipeline.aclose()
    assert result["outcome"] == "no_homeowner_email"
    [alert] = sent_to(outbox_dir(pipeline_settings), DIRECTOR)
    assert "1049" in body_of(alert) and "no homeowner email" in body_of(alert)
    assert len(sent_messages(outbox_dir(pipeline_settings))) == 1  # the alert, nothing else
    assert not list(pipeline_settings.delivery_dir.glob("*.mp4"))


async def test_an_unknown_job_is_acknowledged_and_runs_nothing(
    pipeline_settings: Settings, store: WebhookEventStore
) -> None:
    store.accept([(LeapEvent.model_validate(event(job_id=99999)), "primer")])
    pipeline = build_pipeline(pipeline_settings)
    await runtime.launch(pipeline_settings, pipeline)
    try:
        await WebhookPump(pipeline_settings, store).pump_once()
        [run] = await DBOS.list_workflows_async(name=WORKFLOW_NAME)
        handle: Any = await DBOS.retrieve_workflow_async(run.workflow_id)
        result = await handle.get_result()
    finally:
        await asyncio.to_thread(runtime.shutdown)
        await pipeline.aclose()
    assert result["outcome"] == "job_not_found"
    assert sent_messages(outbox_dir(pipeline_settings)) == []
    assert not list(pipeline_settings.delivery_dir.glob("*.mp4"))
