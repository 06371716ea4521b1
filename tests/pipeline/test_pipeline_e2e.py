"""End to end, offline: a trigger email in the Maildir inbox becomes a video, a note and one email."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from dbos import DBOS

from harde.config import Settings
from harde.integrations.crm.local import LocalCRM
from harde.integrations.mail import MaildirInbox, inbox_dir, outbox_dir
from harde.integrations.video.ffmpeg import audio_duration, probe
from harde.integrations.video.ffmpeg_renderer import TAIL_S
from harde.workflows.daemon import InboxDaemon
from harde.workflows.pipeline import PrimerPipeline
from harde.workflows.primer import WORKFLOW_NAME, spoken_duration
from harde.workflows.runtime import WorkflowStore
from tests.pipeline.conftest import DIRECTOR, drop_email, trigger_email
from tests.pipeline.outbox_reading import body_of, sent_messages, sent_to

EXAMPLE_TRIGGER = Path(__file__).resolve().parents[2] / "examples" / "trigger.eml"
HOMEOWNER = "kmurphy@example.com"  # Kathleen Murphy, job 1043 in the demo CRM


async def _run_inbox_once(settings: Settings) -> tuple[InboxDaemon, list[dict]]:
    daemon = InboxDaemon(settings, MaildirInbox(inbox_dir(settings)))
    await daemon.poll_once()
    results = []
    for workflow_id in daemon.started:
        handle: Any = await DBOS.retrieve_workflow_async(workflow_id)
        results.append(await handle.get_result())
    return daemon, results


def _step_outputs(settings: Settings, workflow_id: str) -> dict[str, Any]:
    store = WorkflowStore(settings)
    try:
        return {
            s["function_name"]: s["output"] for s in store.client.list_workflow_steps(workflow_id)
        }
    finally:
        store.close()


async def test_dropped_email_makes_video_note_and_exactly_one_homeowner_email(
    pipeline_settings: Settings, pipeline: PrimerPipeline
) -> None:
    drop_email(inbox_dir(pipeline_settings), trigger_email())

    daemon, results = await _run_inbox_once(pipeline_settings)

    assert len(results) == 1
    result = results[0]
    assert result["outcome"] == "done" and result["job_id"] == 1043
    video = Path(result["video"])
    info = await probe(video)
    assert (info.video_codec, info.audio_codec) == ("h264", "aac")
    steps = _step_outputs(pipeline_settings, daemon.started[0])
    voice_s = steps["speech"]["duration_s"]
    assert voice_s > 20  # a real spoken script, not a stub
    # The demo brand folder's number for the job's rep: on the last slide and in the closing line.
    assert steps["fetch_context"]["phone"] == "(617) 555-0111"
    assert "call me at (617) 555-0111." in steps["write_script"]["text"]
    assert abs(await audio_duration(video) - (voice_s + TAIL_S)) < 0.25

    crm = LocalCRM(pipeline_settings.data_dir / "crm.sqlite3")
    try:
        notes = [n for n in await crm.list_notes(1043) if result["link"] in n.note]
    finally:
        await crm.aclose()
    assert len(notes) == 1 and notes[0].id == result["note_id"]

    to_homeowner = sent_to(outbox_dir(pipeline_settings), HOMEOWNER)
    assert len(to_homeowner) == 1
    assert result["link"] in body_of(to_homeowner[0])
    assert "Kathleen" in body_of(to_homeowner[0])

    assert not any(pipeline.work_root.iterdir())  # temp files gone
    assert not list((inbox_dir(pipeline_settings) / "new").iterdir())  # trigger marked processed


async def test_the_readmes_example_trigger_is_obeyed(
    pipeline_settings: Settings, pipeline: PrimerPipeline
) -> None:
    drop_email(inbox_dir(pipeline_settings), EXAMPLE_TRIGGER.read_bytes())

    _, results = await _run_inbox_once(pipeline_settings)

    assert [r["outcome"] for r in results] == ["done"] and results[0]["job_id"] == 1043
    [email] = sent_to(outbox_dir(pipeline_settings), HOMEOWNER)
    assert results[0]["link"] in body_of(email)
    # The video's real length, not a guess ("about two minutes" for a 90 s video).
    assert f"It is {spoken_duration(results[0]['duration_s'])} long" in body_of(email)


async def test_duplicate_trigger_is_the_same_run_and_sends_one_email(
    pipeline_settings: Settings, pipeline: PrimerPipeline
) -> None:
    email = trigger_email(message_id="dup-1043")
    drop_email(inbox_dir(pipeline_settings), email)
    drop_email(inbox_dir(pipeline_settings), email)  # the same message delivered twice

    daemon, _ = await _run_inbox_once(pipeline_settings)
    # ...and once more after the first run has finished.
    drop_email(inbox_dir(pipeline_settings), email)
    again, _ = await _run_inbox_once(pipeline_settings)

    assert len(set(daemon.started + again.started)) == 1
    runs = await DBOS.list_workflows_async(name=WORKFLOW_NAME)
    assert len(runs) == 1
    assert len(sent_to(outbox_dir(pipeline_settings), HOMEOWNER)) == 1
    assert len(list(pipeline_settings.delivery_dir.glob("*.mp4"))) == 1


async def test_sender_outside_the_allow_list_is_ignored_and_logged_without_the_address(
    pipeline_settings: Settings, pipeline: PrimerPipeline, caplog: pytest.LogCaptureFixture
) -> None:
    stranger = "someone@elsewhere.example"
    drop_email(inbox_dir(pipeline_settings), trigger_email(sender=stranger))

    with caplog.at_level(logging.INFO, logger="harde.pipeline"):
        daemon, results = await _run_inbox_once(pipeline_settings)

    assert results == [] and daemon.started == []
    assert await DBOS.list_workflows_async(name=WORKFLOW_NAME) == []
    assert sent_messages(outbox_dir(pipeline_settings)) == []
    ignored = [r.getMessage() for r in caplog.records if "allow-list" in r.getMessage()]
    assert len(ignored) == 1
    assert "someone" not in ignored[0] and "elsewhere" not in ignored[0]


async def test_ambiguous_customer_gets_a_reply_listing_the_jobs_and_no_video(
    pipeline_settings: Settings, pipeline: PrimerPipeline
) -> None:
    # Theresa Sweeney has two jobs in the demo CRM.
    drop_email(
        inbox_dir(pipeline_settings),
        trigger_email("Please produce Primer Video for Theresa Sweeney"),
    )

    _, results = await _run_inbox_once(pipeline_settings)

    assert results[0]["outcome"] == "job_ambiguous"
    replies = sent_to(outbox_dir(pipeline_settings), DIRECTOR)
    assert len(replies) == 1
    text = body_of(replies[0])
    assert "1001" in text and "1045" in text and "job number" in text
    assert str(replies[0]["Subject"]).startswith("Re: ")
    assert not pipeline_settings.delivery_dir.exists() or not list(
        pipeline_settings.delivery_dir.glob("*.mp4")
    )


async def test_email_that_is_not_a_trigger_starts_nothing_and_is_left_unread(
    pipeline_settings: Settings, pipeline: PrimerPipeline
) -> None:
    dropped = drop_email(inbox_dir(pipeline_settings), trigger_email("Lunch on Friday?"))

    daemon, _ = await _run_inbox_once(pipeline_settings)

    assert daemon.started == [] and not dropped.exists()
    # Out of new/, so no poll sees it again; in cur/ without the Seen flag, so still unread.
    assert (dropped.parent.parent / "cur" / f"{dropped.name}:2,").exists()
