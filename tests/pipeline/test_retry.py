"""A run that failed at a step can be retried from the store (as the app page does): the retry
continues the same run, so the homeowner still gets exactly one email, from one video and one
CRM note. An email that failed closed is sent again only when the director resends it."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from dbos import DBOS

from harde.config import Settings
from harde.errors import InputError
from harde.integrations.crm.local import LocalCRM
from harde.integrations.delivery import Delivered, LocalDelivery, PlayState
from harde.integrations.mail import outbox_dir
from harde.integrations.mail.smtp import SmtpOutbox
from harde.integrations.video import Branding
from harde.integrations.video.ffmpeg import FfmpegError
from harde.integrations.video.ffmpeg_renderer import FfmpegRenderer
from harde.integrations.video.protocol import RenderResult
from harde.integrations.video.storyboard import Storyboard
from harde.state.audit import AuditLog
from harde.workflows import runtime
from harde.workflows.pipeline import build_pipeline
from tests.pipeline.conftest import DIRECTOR
from tests.pipeline.outbox_reading import sent_to


class BreakableRenderer(FfmpegRenderer):
    """The real renderer, failing while `broken` is set (a codec crash, a full disk)."""

    broken = True

    async def render(
        self, voice: Path, out_path: Path, *, run_key: str, storyboard: Storyboard | None = None
    ) -> RenderResult:
        if self.broken:
            raise FfmpegError("exit 1: simulated encoder crash")
        return await super().render(voice, out_path, run_key=run_key, storyboard=storyboard)


async def test_failed_run_is_retried_from_the_store_and_emails_once(
    pipeline_settings: Settings,
) -> None:
    renderer = BreakableRenderer(
        pipeline_settings.data_dir / "cache" / "brand", Branding(pipeline_settings.company_name)
    )
    pipeline = build_pipeline(pipeline_settings, renderer=renderer)
    await runtime.launch(pipeline_settings, pipeline)
    store = runtime.WorkflowStore(pipeline_settings)
    try:
        workflow_id = runtime.new_workflow_id(1043)
        handle = await runtime.start_primer(
            runtime.request_for_job(1043, key=workflow_id, source="test"), workflow_id
        )
        with pytest.raises(Exception, match="render"):
            await handle.get_result()
        failed = await asyncio.to_thread(store.get_run, workflow_id)
        assert failed is not None and failed.status == "ERROR"
        assert [s.status for s in failed.steps if s.name == "render"] == ["failed"]
        assert not any(pipeline.work_root.iterdir())  # cleaned up even though it failed

        renderer.broken = False
        retry_id = await asyncio.to_thread(store.retry, workflow_id)
        result: dict = await (await DBOS.retrieve_workflow_async(retry_id)).get_result()
    finally:
        store.close()
        await asyncio.to_thread(runtime.shutdown)
        await pipeline.aclose()

    assert retry_id != workflow_id and result["outcome"] == "done"
    assert len(sent_to(outbox_dir(pipeline_settings), "kmurphy@example.com")) == 1


class BreakableDelivery(LocalDelivery):
    """The real local delivery, whose file reports "failed processing" while `broken` is set."""

    broken = True
    uploads = 0

    async def deliver(self, video: Path, *, name: str) -> Delivered:
        self.uploads += 1
        return await super().deliver(video, name=name)

    async def status(self, delivered: Delivered) -> PlayState:
        return "failed" if self.broken else await super().status(delivered)


async def test_a_retry_after_delivery_continues_the_same_video_note_and_email(
    pipeline_settings: Settings,
) -> None:
    delivery = BreakableDelivery(pipeline_settings.delivery_dir, "http://localhost/primers")
    pipeline = build_pipeline(pipeline_settings, delivery=delivery)
    await runtime.launch(pipeline_settings, pipeline)
    store = runtime.WorkflowStore(pipeline_settings)
    try:
        workflow_id = runtime.new_workflow_id(1043)
        handle = await runtime.start_primer(
            runtime.request_for_job(1043, key=workflow_id, source="test"), workflow_id
        )
        with pytest.raises(Exception, match="wait_playable"):
            await handle.get_result()
        failed = await asyncio.to_thread(store.get_run, workflow_id)
        assert failed is not None
        assert [s.name for s in failed.steps if s.status == "failed"] == ["wait_playable"]

        delivery.broken = False
        retry_id = await asyncio.to_thread(store.retry, workflow_id)
        result: dict = await (await DBOS.retrieve_workflow_async(retry_id)).get_result()
        retried = await asyncio.to_thread(store.get_run, retry_id)
    finally:
        store.close()
        await asyncio.to_thread(runtime.shutdown)
        await pipeline.aclose()

    assert result["outcome"] == "done"
    assert retried is not None and retried.link == failed.link
    assert delivery.uploads == 1  # the retry started at the failed step: nothing made twice
    assert len(list(pipeline_settings.delivery_dir.glob("*.mp4"))) == 1
    crm = LocalCRM(pipeline_settings.data_dir / "crm.sqlite3")
    try:
        notes = [n for n in await crm.list_notes(1043) if "Primer video ready" in n.note]
    finally:
        await crm.aclose()
    assert len(notes) == 1  # no second note
    assert len(sent_to(outbox_dir(pipeline_settings), "kmurphy@example.com")) == 1


class DropsTheHomeownerEmail(Message):
    """An SMTP server that hangs up while taking the homeowner email (once): the client cannot
    tell whether it was queued. Other messages (the director's alerts) are kept."""

    def __init__(self) -> None:
        super().__init__()
        self.drop_next_to = "kmurphy@example.com"
        self.received: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.drop_next_to in envelope.rcpt_tos:
            self.drop_next_to = ""
            server.transport.close()
            return "451 gone"
        return await super().handle_DATA(server, session, envelope)

    def handle_message(self, message: Any) -> None:
        self.received.append(message.as_bytes())

    def to(self, address: str) -> list[bytes]:
        return [m for m in self.received if f"To: {address}".encode() in m]


@pytest.fixture
def dropping_smtp() -> Iterator[tuple[int, DropsTheHomeownerEmail]]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    handler = DropsTheHomeownerEmail()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, handler
    finally:
        controller.stop()


async def test_an_smtp_send_that_failed_closed_is_resent_only_by_the_directors_audited_word(
    pipeline_settings: Settings, dropping_smtp: tuple[int, DropsTheHomeownerEmail]
) -> None:
    port, smtp = dropping_smtp
    outbox = SmtpOutbox(host="127.0.0.1", port=port, starttls=False, timeout_s=10)
    pipeline = build_pipeline(pipeline_settings, outbox=outbox)
    await runtime.launch(pipeline_settings, pipeline)
    store = runtime.WorkflowStore(pipeline_settings)
    try:
        workflow_id = runtime.new_workflow_id(1043)
        handle = await runtime.start_primer(
            runtime.request_for_job(1043, key=workflow_id, source="test"), workflow_id
        )
        with pytest.raises(Exception, match="may already have been sent"):
            await handle.get_result()
        # A plain Retry still fails closed: the email is not sent a second time by accident.
        retry_id = await asyncio.to_thread(store.retry, workflow_id)
        with pytest.raises(Exception, match="may already have been sent"):
            await (await DBOS.retrieve_workflow_async(retry_id)).get_result()
        assert smtp.to("kmurphy@example.com") == []

        resend_id = await asyncio.to_thread(store.resend, retry_id, user="director")
        result: dict = await (await DBOS.retrieve_workflow_async(resend_id)).get_result()
        with pytest.raises(InputError, match="not waiting for a resend"):
            await asyncio.to_thread(store.resend, resend_id, user="director")
    finally:
        store.close()
        await asyncio.to_thread(runtime.shutdown)
        await pipeline.aclose()

    assert result["outcome"] == "done" and result["email"]["status"] == "sent"
    assert len(smtp.to("kmurphy@example.com")) == 1
    assert len(smtp.to(DIRECTOR)) == 2  # one alert per failed-closed attempt
    assert len(list(pipeline_settings.delivery_dir.glob("*.mp4"))) == 1
    [audited] = [
        e
        for e in AuditLog.for_settings(pipeline_settings).entries()
        if e["kind"] == "primer_resend"
    ]
    assert audited["user"] == "director" and audited["ok"] == 1
    assert retry_id in audited["summary"] and resend_id in audited["answer"]
