"""Mail backends against real servers on loopback: IMAP (pymap, dict backend) and SMTP (aiosmtpd)."""

from __future__ import annotations

import base64
import json
import logging
import re
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from imapclient import IMAPClient
from pydantic import SecretStr

from harde.integrations.mail.imap import ImapInbox
from harde.integrations.mail.message import OutgoingEmail, message_id_of
from harde.integrations.mail.protocol import MailError
from harde.integrations.mail.smtp import SmtpOutbox
from tests.deploy.loopback_site import make_certificate
from tests.pipeline.conftest import UNPARSABLE, trigger_email
from tests.pipeline.wire_tap import WireTap

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


def _append(port: int, data: bytes, folder: str = "INBOX") -> None:
    with IMAPClient("127.0.0.1", port=port, ssl=False, timeout=10) as client:
        client.login(IMAP_USER, IMAP_PASSWORD)
        client.append(folder, data)


def _fetched_uids(wire: bytes) -> list[int]:
    """Every UID named by a UID FETCH command the client sent."""
    uids: list[int] = []
    for match in re.finditer(rb"UID FETCH ([0-9,:]+) ", wire):
        for part in match.group(1).split(b","):
            low, _, high = part.partition(b":")
            uids += range(int(low), int(high or low) + 1)
    return uids


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


async def test_a_second_imap_poll_does_not_fetch_the_uids_already_handled(
    imap_server: int, tmp_path: Path
) -> None:
    state = tmp_path / "imap_inbox_state.json"

    def inbox_through(tap: WireTap) -> ImapInbox:
        return ImapInbox(
            host="127.0.0.1", port=tap.port, user=IMAP_USER, password=IMAP_PASSWORD, ssl=False,
            state_path=state,
        )  # fmt: skip

    with WireTap(imap_server) as tap:
        inbox = inbox_through(tap)
        try:
            for email in await inbox.fetch_new():  # the demo mailbox's unread mail: no triggers
                await inbox.set_aside(email)
            _append(imap_server, trigger_email(message_id="uid-trigger"))
            _append(imap_server, trigger_email("Lunch on Friday?", message_id="uid-other"))

            start = len(tap.received())
            second = await inbox.fetch_new()
            assert [e.message_id for e in second] == [
                "uid-trigger@summitridge.example", "uid-other@summitridge.example",
            ]  # fmt: skip
            assert _fetched_uids(tap.received()[start:]) == [int(e.source_ref) for e in second]
            await inbox.mark_processed(second[0])
            await inbox.set_aside(second[1])

            start = len(tap.received())
            assert await inbox.fetch_new() == []
            assert _fetched_uids(tap.received()[start:]) == []
        finally:
            await inbox.aclose()

        # After a restart the cursor is read back: still nothing is fetched again.
        restarted = inbox_through(tap)
        start = len(tap.received())
        try:
            assert await restarted.fetch_new() == []
        finally:
            await restarted.aclose()
        assert b"UID FETCH" not in tap.received()[start:]

    with IMAPClient("127.0.0.1", port=imap_server, ssl=False, timeout=10) as client:
        client.login(IMAP_USER, IMAP_PASSWORD)
        client.select_folder("INBOX", readonly=True)
        unread = set(client.search(["UNSEEN"]))
    assert int(second[1].source_ref) in unread  # set aside, still unread for people
    assert int(second[0].source_ref) not in unread  # the processed trigger is marked Seen


async def test_an_imap_message_that_cannot_be_parsed_is_logged_once_and_not_fetched_again(
    imap_server: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="harde.pipeline")
    with WireTap(imap_server) as tap:
        inbox = ImapInbox(
            host="127.0.0.1", port=tap.port, user=IMAP_USER, password=IMAP_PASSWORD, ssl=False
        )
        try:
            for email in await inbox.fetch_new():
                await inbox.set_aside(email)
            _append(imap_server, UNPARSABLE)
            _append(imap_server, trigger_email(message_id="after-it"))

            found = await inbox.fetch_new()
            assert [e.message_id for e in found] == ["after-it@summitridge.example"]
            await inbox.mark_processed(found[0])
            start = len(tap.received())
            assert await inbox.fetch_new() == []
            assert b"UID FETCH" not in tap.received()[start:]
        finally:
            await inbox.aclose()
    lines = [r.getMessage() for r in caplog.records if r.name == "harde.pipeline"]
    assert len(lines) == 1 and "LookupError" in lines[0], lines


def _recreate_folder(port: int, folder: str, old_validity: int) -> int:
    """Delete and create the folder again until the server gives it another UIDVALIDITY."""
    with IMAPClient("127.0.0.1", port=port, ssl=False, timeout=10) as client:
        client.login(IMAP_USER, IMAP_PASSWORD)
        while True:
            client.delete_folder(folder)
            client.create_folder(folder)
            validity = int(client.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"])
            if validity != old_validity:
                return validity


async def test_imap_inbox_reads_unread_mail_again_when_uidvalidity_changes(
    imap_server: int, tmp_path: Path
) -> None:
    folder, state = "Triggers", tmp_path / "imap_inbox_state.json"

    def open_inbox() -> ImapInbox:
        return ImapInbox(
            host="127.0.0.1", port=imap_server, user=IMAP_USER, password=IMAP_PASSWORD, ssl=False,
            folder=folder, state_path=state,
        )  # fmt: skip

    with IMAPClient("127.0.0.1", port=imap_server, ssl=False, timeout=10) as client:
        client.login(IMAP_USER, IMAP_PASSWORD)
        client.create_folder(folder)
    for number in (1, 2):
        _append(imap_server, trigger_email(message_id=f"old-{number}"), folder)
    inbox = open_inbox()
    try:
        handled = await inbox.fetch_new()
        for email in handled:
            await inbox.mark_processed(email)
    finally:
        await inbox.aclose()
    saved = json.loads(state.read_text())
    assert len(handled) == 2 and saved["pending"] == []
    assert saved["next_uid"] == max(int(e.source_ref) for e in handled) + 1

    # The folder is made anew: its UIDs start over, below the saved cursor, under a new UIDVALIDITY.
    _recreate_folder(imap_server, folder, saved["uidvalidity"])
    _append(imap_server, trigger_email(message_id="new-1"), folder)

    inbox = open_inbox()
    try:
        found = await inbox.fetch_new()
    finally:
        await inbox.aclose()
    assert [e.message_id for e in found] == ["new-1@summitridge.example"]
    assert int(found[0].source_ref) < saved["next_uid"]  # a cursor alone would have missed it


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


SMTP_USER, SMTP_PASSWORD = "hard-e", "relay password 1043"


class _Logins:
    """An aiosmtpd authenticator for one account that remembers every login it was offered."""

    def __init__(self) -> None:
        self.offered: list[tuple[str, bytes, bool]] = []  # (login, password, over TLS)

    def __call__(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        self.offered.append((auth_data.login.decode(), auth_data.password, session.ssl is not None))
        ok = (auth_data.login, auth_data.password) == (SMTP_USER.encode(), SMTP_PASSWORD.encode())
        return AuthResult(success=ok)


def _secret_forms() -> list[bytes]:
    """The password as it would cross the wire in clear: raw, AUTH PLAIN and AUTH LOGIN."""
    plain = f"\0{SMTP_USER}\0{SMTP_PASSWORD}".encode()
    return [SMTP_PASSWORD.encode(), base64.b64encode(plain), base64.b64encode(SMTP_PASSWORD.encode())]


async def test_smtp_server_without_starttls_is_an_error_and_the_password_is_never_sent() -> None:
    # The server would happily take AUTH in clear text: only the client can refuse.
    handler, logins = _Collect(), _Logins()
    controller = Controller(
        handler, hostname="127.0.0.1", port=free_port(), authenticator=logins, auth_require_tls=False
    )
    controller.start()
    try:
        with WireTap(controller.port) as tap:
            outbox = SmtpOutbox(
                host="127.0.0.1", port=tap.port, user=SMTP_USER, password=SMTP_PASSWORD, timeout_s=5
            )
            with pytest.raises(MailError) as caught:
                await outbox.send(_email())
            wire = tap.received()
    finally:
        controller.stop()

    assert "STARTTLS" in str(caught.value)
    assert wire.upper().startswith(b"EHLO")  # the tap saw the session
    assert b"AUTH" not in wire.upper() and b"MAIL FROM" not in wire.upper()
    assert not [form for form in _secret_forms() if form in wire]
    assert logins.offered == [] and handler.received == []


async def test_smtp_outbox_logs_in_only_after_starttls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fullchain, privkey = make_certificate(tmp_path / "tls", "localhost")
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(fullchain, privkey)
    monkeypatch.setenv("SSL_CERT_FILE", str(fullchain))  # the client trusts only this certificate
    handler, logins = _Collect(), _Logins()
    controller = Controller(
        handler, hostname="127.0.0.1", port=free_port(), authenticator=logins,
        tls_context=server_tls, require_starttls=True, auth_required=True,
    )  # fmt: skip
    controller.start()
    try:
        with WireTap(controller.port) as tap:
            outbox = SmtpOutbox(
                host="127.0.0.1", port=tap.port, user=SMTP_USER, password=SMTP_PASSWORD, timeout_s=5
            )
            await outbox.send(_email())
            wire = tap.received()
    finally:
        controller.stop()

    assert [message_id_of(m) for m in handler.received] == ["homeowner.1@summitridge.example"]
    assert logins.offered == [(SMTP_USER, SMTP_PASSWORD.encode(), True)]
    assert b"STARTTLS" in wire.upper()
    assert not [form for form in _secret_forms() if form in wire]


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
