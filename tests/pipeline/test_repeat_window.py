"""One video per job in a window: a second trigger email for a job whose homeowner was emailed
recently gets a reply saying when, and no video; a trigger that says "again" makes one. A job
being made is not made twice at once, and a run that failed does not hold its job."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from dbos import DBOS

from harde.config import Settings
from harde.integrations.mail import MaildirInbox, inbox_dir, outbox_dir
from harde.integrations.video import Branding
from harde.workflows import runtime
from harde.workflows.daemon import InboxDaemon
from harde.workflows.pipeline import PrimerPipeline, build_pipeline
from tests.pipeline.conftest import DIRECTOR, drop_email, trigger_email
from tests.pipeline.outbox_reading import body_of, sent_to
from tests.pipeline.test_retry import BreakableRenderer

HOMEOWNER = "kmurphy@example.com"
TRIGGER = "Please produce Primer Video for job 1043"


async def run_inbox(settings: Settings) -> list[dict[str, Any]]:
    daemon = InboxDaemon(settings, MaildirInbox(inbox_dir(settings)))
    await daemon.poll_once()
    results = []
    for workflow_id in daemon.started:
        handle: Any = await DBOS.retrieve_workflow_async(workflow_id)
        results.append(await handle.get_result())
    return results


async def test_a_second_trigger_in_the_window_is_answered_and_again_resends(
    pipeline_settings: Settings, pipeline: PrimerPipeline
) -> None:
    outbox = outbox_dir(pipeline_settings)
    drop_email(inbox_dir(pipeline_settings), trigger_email(TRIGGER, message_id="first"))
    [first] = await run_inbox(pipeline_settings)
    assert first["outcome"] == "done"

    drop_email(inbox_dir(pipeline_settings), trigger_email(TRIGGER, message_id="second"))
    [second] = await run_inbox(pipeline_settings)

    assert second["outcome"] == "job_recently_sent"
    [reply] = sent_to(outbox, DIRECTOR)
    text = body_of(reply)
    assert "already sent on" in text and "'again'" in text
    assert len(sent_to(outbox, HOMEOWNER)) == 1
    assert len(list(pipeline_settings.delivery_dir.glob("*.mp4"))) == 1

    # The director answers the reply with "again" (above the quoted reply, which says it too).
    again = trigger_email(
        f"Re: {TRIGGER}",
        message_id="third",
        body="again please\n\nOn Mon, Nov 23, 2026, Hard-E wrote:\n> " + text.replace("\n", "\n> "),
    )
    drop_email(inbox_dir(pipeline_settings), again)
    [third] = await run_inbox(pipeline_settings)

    assert third["outcome"] == "done" and third["job_id"] == 1043
    assert len(sent_to(outbox, HOMEOWNER)) == 2
    assert len(list(pipeline_settings.delivery_dir.glob("*.mp4"))) == 2


async def test_quoting_the_word_again_is_not_asking_again(
    pipeline_settings: Settings, pipeline: PrimerPipeline
) -> None:
    drop_email(inbox_dir(pipeline_settings), trigger_email(TRIGGER, message_id="one"))
    await run_inbox(pipeline_settings)
    quoted_only = trigger_email(
        f"Re: {TRIGGER}",
        message_id="two",
        body="Thanks!\n\nOn Mon, Hard-E wrote:\n> Reply 'again' to resend it.",
    )
    drop_email(inbox_dir(pipeline_settings), quoted_only)

    [result] = await run_inbox(pipeline_settings)

    assert result["outcome"] == "job_recently_sent"
    assert len(sent_to(outbox_dir(pipeline_settings), HOMEOWNER)) == 1


async def test_outside_the_window_a_new_trigger_makes_a_new_video(
    pipeline_settings: Settings, pipeline: PrimerPipeline
) -> None:
    # A window of zero days: the first email is already outside it when the second comes.
    settings = pipeline_settings.model_copy(update={"primer_repeat_window_days": 0.0})
    pipeline.settings = settings
    drop_email(inbox_dir(settings), trigger_email(TRIGGER, message_id="a"))
    await run_inbox(settings)
    drop_email(inbox_dir(settings), trigger_email(TRIGGER, message_id="b"))

    [result] = await run_inbox(settings)

    assert result["outcome"] == "done"
    assert len(sent_to(outbox_dir(settings), HOMEOWNER)) == 2


async def test_two_triggers_for_one_job_at_once_make_one_video(
    pipeline_settings: Settings, pipeline: PrimerPipeline
) -> None:
    # Both are queued in the same poll and may run side by side: one takes the job.
    drop_email(inbox_dir(pipeline_settings), trigger_email(TRIGGER, message_id="x"))
    drop_email(inbox_dir(pipeline_settings), trigger_email(TRIGGER, message_id="y"))

    results = await run_inbox(pipeline_settings)

    assert sorted(r["outcome"] for r in results) == ["done", "job_in_progress"]
    assert len(sent_to(outbox_dir(pipeline_settings), HOMEOWNER)) == 1
    [reply] = sent_to(outbox_dir(pipeline_settings), DIRECTOR)
    assert "being made right now" in body_of(reply)


async def test_a_run_that_failed_does_not_hold_the_job(pipeline_settings: Settings) -> None:
    renderer = BreakableRenderer(
        pipeline_settings.data_dir / "cache" / "brand", Branding(pipeline_settings.company_name)
    )
    pipeline = build_pipeline(pipeline_settings, renderer=renderer)
    await runtime.launch(pipeline_settings, pipeline)
    try:
        drop_email(inbox_dir(pipeline_settings), trigger_email(TRIGGER, message_id="breaks"))
        with pytest.raises(Exception, match="render"):
            await run_inbox(pipeline_settings)
        renderer.broken = False
        drop_email(inbox_dir(pipeline_settings), trigger_email(TRIGGER, message_id="works"))
        [result] = await run_inbox(pipeline_settings)
    finally:
        await asyncio.to_thread(runtime.shutdown)
        await pipeline.aclose()

    assert result["outcome"] == "done"
    assert len(sent_to(outbox_dir(pipeline_settings), HOMEOWNER)) == 1
