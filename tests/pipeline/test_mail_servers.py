"""Mail backends against real servers on loopback: IMAP (pymap, dict backend) and SMTP (aiosmtpd)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from imapclient import IMAPClient
from pydantic import SecretStr

from harde.integrations.mail.imap import ImapInbox
from harde.integrations.mail.message import OutgoingEmail, message_id_of
from harde.integrations.mail.protocol import MailError
from harde.integrations.mail.smtp import SmtpOutbox
from tests.pipeline.conftest import trigger_email

IMAP_USER, IMAP_PASSWORD = "demouser", "demopass"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def imap_server() -> Iterator[int]:
    """pymap's in-memory (dict) backend with its demo user, listening on a loopback port."""
    port = free_port()
    pymap = Path(sys.executable).with_name("pymap")
    proc = subprocess.Popen(
        [str(pymap), "--host", "127.0.0.1", "--port", str(port), "--no-service", "admin", "dict", "--demo-data"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(
                    f"pymap did not start: {proc.stderr.read().decode() if proc.stderr else ''}"
                )
            time.sleep(0.05)
    try:
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _append(port: int, data: bytes) -> None:
    with IMAPClient("127.0.0.1", port=port, ssl=False, timeout=10) as client:
        client.login(IMAP_USER, IMAP_PASSWORD)
        client.append("INBOX", data)


async def test_imap_inbox_returns_unseen_triggers_once_marked(imap_server: int) -> None:
    inbox = ImapInbox(
        host="127.0.0.1", port=imap_server, user=IMAP_USER, password=IMAP_PASSWORD, ssl=False
    )
    try:
        before = {e.message_id for e in await inbox.fetch_new()}
        _append(imap_server, trigger_email(message_id="imap-1"))

        fresh = [e for e in await inbox.fetch_new() if e.message_id not in before]
        assert [e.message_id for e in fresh] == ["imap-1@summitridge.example"]
        assert fresh[0].subject.startswith("Please produce Primer Video")

        await inbox.mark_processed(fresh[0])
        await inbox.mark_processed(fresh[0])  # idempotent
        assert "imap-1@summitridge.example" not in {e.message_id for e in await inbox.fetch_new()}
    finally:
        await inbox.aclose()


async def test_imap_idle_wakes_early_when_mail_arrives_and_polling_still_finds_it(
    imap_server: int,
) -> None:
    import asyncio
    import threading

    inbox = ImapInbox(
        host="127.0.0.1", port=imap_server, user=IMAP_USER, password=IMAP_PASSWORD, ssl=False
    )
    try:
        await inbox.fetch_new()
        # Deliver shortly after IDLE starts; the wait returns on the server's push or its timeout.
        timer = threading.Timer(
            0.3, _append, args=(imap_server, trigger_email(message_id="idle-1"))
        )
        timer.start()
        await asyncio.wait_for(inbox.wait_for_mail(5.0), timeout=15)
        timer.join()
        assert "idle-1@summitridge.example" in {e.message_id for e in await inbox.fetch_new()}
    finally:
        await inbox.aclose()


async def test_imap_wrong_password_is_a_mail_error(imap_server: int) -> None:
    inbox = ImapInbox(
        host="127.0.0.1", port=imap_server, user=IMAP_USER, password="wrong", ssl=False
    )
    with pytest.raises(MailError):
        await inbox.fetch_new()


class _Collect(Message):
    def __init__(self) -> None:
        super().__init__()
        self.received: list[bytes] = []

    def handle_message(self, message: Any) -> None:
        self.received.append(message.as_bytes())


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, _Collect]]:
    handler = _Collect()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, handler
    finally:
        controller.stop()


def _email(message_id: str = "homeowner.1@summitridge.example") -> OutgoingEmail:
    return OutgoingEmail(
        message_id=message_id, to="kmurphy@example.com", subject="Your video",
        body="Watch it here: http://localhost/x.mp4", sender="hard-e@summitridge.example",
    )  # fmt: skip


async def test_smtp_outbox_delivers_with_the_chosen_message_id(
    smtp_server: tuple[int, _Collect],
) -> None:
    port, handler = smtp_server
    outbox = SmtpOutbox(host="127.0.0.1", port=port, starttls=False, timeout_s=5)

    await outbox.send(_email())

    assert [message_id_of(m) for m in handler.received] == ["homeowner.1@summitridge.example"]
    assert (
        await outbox.was_sent("homeowner.1@summitridge.example") is None
    )  # SMTP cannot tell: fail closed


async def test_smtp_outbox_gives_up_with_a_mail_error_when_nothing_listens() -> None:
    outbox = SmtpOutbox(host="127.0.0.1", port=free_port(), starttls=False, timeout_s=1, attempts=2)
    with pytest.raises(MailError) as caught:
        await outbox.send(_email())
    assert "could not reach" in str(caught.value)


async def test_daemon_with_the_imap_inbox_runs_the_trigger_and_marks_it_seen(
    imap_server: int, pipeline_settings: Any, pipeline: Any
) -> None:
    from dbos import DBOS

    from harde.integrations.mail import make_inbox
    from harde.workflows.daemon import InboxDaemon

    settings = pipeline_settings.model_copy(
        update={"mail_in": "imap", "imap_host": "127.0.0.1", "imap_port": imap_server, "imap_user": IMAP_USER,
                "imap_password": SecretStr(IMAP_PASSWORD), "imap_ssl": False}
    )  # fmt: skip
    inbox = make_inbox(settings)
    try:
        await inbox.fetch_new()  # the demo mailbox's own unread mail is not a trigger
        _append(
            imap_server,
            trigger_email("Please produce Primer Video for job 1043", message_id="imap-run"),
        )
        daemon = InboxDaemon(settings, inbox)
        await daemon.poll_once()
        assert len(daemon.started) == 1
        result: dict[str, Any] = await (
            await DBOS.retrieve_workflow_async(daemon.started[0])
        ).get_result()
        assert result["outcome"] == "done"
        assert "imap-run@summitridge.example" not in {e.message_id for e in await inbox.fetch_new()}
    finally:
        await inbox.aclose()
