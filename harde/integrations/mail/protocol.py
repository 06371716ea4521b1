"""The two mail roles the pipeline needs: an inbox it watches and an outbox it sends through."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from harde.errors import IntegrationError
from harde.integrations.mail.message import OutgoingEmail, TriggerEmail


class MailError(IntegrationError):
    """A mail server or API failed after its retries."""


class AmbiguousSendError(MailError):
    """The send may or may not have gone out (the connection dropped mid-transfer)."""


@runtime_checkable
class TriggerInbox(Protocol):
    """Where trigger emails arrive. Polling `fetch_new` is the source of truth."""

    name: str

    async def fetch_new(self) -> list[TriggerEmail]:
        """Messages not yet marked processed, oldest first."""
        ...

    async def mark_processed(self, email: TriggerEmail) -> None:
        """Never return this message from `fetch_new` again (idempotent)."""
        ...

    async def set_aside(self, email: TriggerEmail) -> None:
        """Not a trigger: never return it from `fetch_new` again, and leave it unread for people
        (idempotent)."""
        ...

    async def wait_for_mail(self, timeout_s: float) -> None:
        """Return after `timeout_s`, or earlier when new mail may have arrived (a hint only)."""
        ...

    async def aclose(self) -> None: ...


@runtime_checkable
class MailOutbox(Protocol):
    """Sends composed messages; `was_sent` lets the send ledger check before a resend."""

    name: str

    async def send(self, email: OutgoingEmail) -> None: ...

    async def was_sent(self, message_id: str) -> bool | None:
        """True/False when the backend can tell; None when it cannot (SMTP)."""
        ...

    async def aclose(self) -> None: ...
