"""The send ledger: at most one homeowner email whatever crashed, and fail closed when unsure."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from harde.integrations.mail.maildir import MaildirOutbox
from harde.integrations.mail.message import OutgoingEmail
from harde.integrations.mail.protocol import AmbiguousSendError
from harde.workflows.ledger import SendLedger, SendUncertainError, send_once

EMAIL = OutgoingEmail(
    "primer.1@summitridge.example",
    "kmurphy@example.com",
    "Your video",
    "Watch: http://x",
    "hard-e@summitridge.example",
)


class CannotTellOutbox(MaildirOutbox):
    """Like SMTP: it sends, but cannot say afterwards what it already sent."""

    async def was_sent(self, message_id: str) -> bool | None:
        return None


class DropsMidSendOutbox(MaildirOutbox):
    async def send(self, email: OutgoingEmail) -> None:
        raise AmbiguousSendError("SMTP", "the connection dropped while sending")


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[SendLedger]:
    made = SendLedger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    yield made
    made.dispose()


class Alerts:
    def __init__(self) -> None:
        self.texts: list[str] = []

    async def __call__(self, text: str) -> None:
        self.texts.append(text)


async def test_a_retry_after_a_confirmed_send_does_not_send_again(
    tmp_path: Path, ledger: SendLedger
) -> None:
    outbox, alerts = MaildirOutbox(tmp_path / "out"), Alerts()
    first = await send_once(ledger, outbox, EMAIL, purpose="homeowner", run_id="r1", alert=alerts)
    second = await send_once(ledger, outbox, EMAIL, purpose="homeowner", run_id="r1", alert=alerts)
    assert (first, second) == ("sent", "already_sent")
    assert len(outbox.messages()) == 1 and alerts.texts == []


async def test_crash_between_send_and_mark_is_recognised_from_the_outbox(
    tmp_path: Path, ledger: SendLedger
) -> None:
    outbox = MaildirOutbox(tmp_path / "out")
    ledger.record(EMAIL.message_id, purpose="homeowner", run_id="r1", state="intent")
    await outbox.send(EMAIL)  # went out, then the process died before marking it sent

    outcome = await send_once(
        ledger, outbox, EMAIL, purpose="homeowner", run_id="r1", alert=Alerts()
    )

    assert outcome == "already_sent" and len(outbox.messages()) == 1
    assert ledger.get(EMAIL.message_id).state == "sent"  # type: ignore[union-attr]


async def test_crash_between_intent_and_send_sends_exactly_once(
    tmp_path: Path, ledger: SendLedger
) -> None:
    outbox = MaildirOutbox(tmp_path / "out")
    ledger.record(EMAIL.message_id, purpose="homeowner", run_id="r1", state="intent")

    assert (
        await send_once(ledger, outbox, EMAIL, purpose="homeowner", run_id="r1", alert=Alerts())
        == "sent"
    )
    assert len(outbox.messages()) == 1


async def test_when_the_outbox_cannot_tell_it_fails_closed_and_alerts_the_director(
    tmp_path: Path, ledger: SendLedger
) -> None:
    outbox, alerts = CannotTellOutbox(tmp_path / "out"), Alerts()
    ledger.record(EMAIL.message_id, purpose="homeowner", run_id="r1", state="intent")

    for _ in range(2):  # and keeps failing closed on every later retry
        with pytest.raises(SendUncertainError):
            await send_once(ledger, outbox, EMAIL, purpose="homeowner", run_id="r1", alert=alerts)

    assert outbox.messages() == []
    assert len(alerts.texts) == 2 and EMAIL.message_id in alerts.texts[0]
    assert ledger.get(EMAIL.message_id).state == "unknown"  # type: ignore[union-attr]


async def test_a_connection_dropped_mid_send_is_not_retried(
    tmp_path: Path, ledger: SendLedger
) -> None:
    alerts = Alerts()
    with pytest.raises(SendUncertainError):
        await send_once(
            ledger,
            DropsMidSendOutbox(tmp_path / "out"),
            EMAIL,
            purpose="homeowner",
            run_id="r1",
            alert=alerts,
        )
    assert ledger.get(EMAIL.message_id).state == "unknown"  # type: ignore[union-attr]
    assert len(alerts.texts) == 1
