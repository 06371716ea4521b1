"""The send ledger: an email that must go out at most once (intent, send, mark sent).

A retry checks the ledger first. An intent without a "sent" mark means a crash mid-send: the
outbox is asked whether the Message-ID went out; when it cannot tell, the ledger fails closed
(no resend) and the director is alerted. Only the director can then allow one more send
(`approve_resend`, after checking the sent folder), and that is audited by the caller.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from harde.errors import HardeError
from harde.integrations.mail.message import OutgoingEmail
from harde.integrations.mail.protocol import AmbiguousSendError, MailOutbox

log = logging.getLogger("harde.pipeline")

SendOutcome = Literal["sent", "already_sent"]

_metadata = sa.MetaData()
send_ledger = sa.Table(
    "harde_send_ledger",
    _metadata,
    sa.Column("message_id", sa.String(300), primary_key=True),
    sa.Column("purpose", sa.String(40), nullable=False),
    sa.Column("run_id", sa.String(200), nullable=False),
    sa.Column("state", sa.String(20), nullable=False),  # intent | sent | unknown | resend
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)


class SendUncertainError(HardeError):
    """A previous attempt may have sent this email; not resending (the director was alerted)."""


@dataclass(frozen=True)
class LedgerEntry:
    message_id: str
    purpose: str
    run_id: str
    state: str


class SendLedger:
    def __init__(self, url: str) -> None:
        self.url = url
        kwargs: dict[str, object] = {"pool_pre_ping": True}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": 30}
        self.engine = sa.create_engine(url, **kwargs)
        _metadata.create_all(self.engine)

    def get(self, message_id: str) -> LedgerEntry | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(send_ledger).where(send_ledger.c.message_id == message_id)
            ).first()
        if row is None:
            return None
        return LedgerEntry(row.message_id, row.purpose, row.run_id, row.state)

    def record(self, message_id: str, *, purpose: str, run_id: str, state: str) -> None:
        now = dt.datetime.now(dt.UTC)
        with self.engine.begin() as conn:
            updated = conn.execute(
                send_ledger.update()
                .where(send_ledger.c.message_id == message_id)
                .values(state=state, updated_at=now)
            ).rowcount
            if not updated:
                conn.execute(
                    send_ledger.insert().values(
                        message_id=message_id, purpose=purpose, run_id=run_id, state=state,
                        created_at=now, updated_at=now,
                    )
                )  # fmt: skip

    def approve_resend(self, message_id: str) -> bool:
        """Allow one more send of an email that failed closed; False unless it is in that state."""
        with self.engine.begin() as conn:
            changed = conn.execute(
                send_ledger.update()
                .where(send_ledger.c.message_id == message_id, send_ledger.c.state == "unknown")
                .values(state="resend", updated_at=dt.datetime.now(dt.UTC))
            ).rowcount
        return bool(changed)

    def entries(self, run_id: str | None = None) -> list[LedgerEntry]:
        query = sa.select(send_ledger).order_by(send_ledger.c.created_at)
        if run_id is not None:
            query = query.where(send_ledger.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [
                LedgerEntry(r.message_id, r.purpose, r.run_id, r.state) for r in conn.execute(query)
            ]

    def dispose(self) -> None:
        self.engine.dispose()


Alert = Callable[[str], Awaitable[None]]


async def send_once(
    ledger: SendLedger,
    outbox: MailOutbox,
    email: OutgoingEmail,
    *,
    purpose: str,
    run_id: str,
    alert: Alert,
) -> SendOutcome:
    """Send `email` at most once, whatever crashed before. Raises SendUncertainError when unsure."""
    entry = await asyncio.to_thread(ledger.get, email.message_id)
    if entry is not None and entry.state == "sent":
        return "already_sent"
    if entry is not None:
        # An earlier attempt recorded its intent and never confirmed: did it go out?
        was_sent = await outbox.was_sent(email.message_id)
        if was_sent:
            await asyncio.to_thread(
                ledger.record, email.message_id, purpose=purpose, run_id=run_id, state="sent"
            )
            return "already_sent"
        if was_sent is None and entry.state == "resend":
            # The director checked the sent folder and found nothing: one more try, on their word.
            log.warning(
                "send ledger: resending the %s email of run %s as approved", purpose, run_id
            )
        elif was_sent is None:
            await _fail_closed(ledger, email, purpose=purpose, run_id=run_id, alert=alert)
    await asyncio.to_thread(
        ledger.record, email.message_id, purpose=purpose, run_id=run_id, state="intent"
    )
    try:
        await outbox.send(email)
    except AmbiguousSendError:
        await _fail_closed(ledger, email, purpose=purpose, run_id=run_id, alert=alert)
    await asyncio.to_thread(
        ledger.record, email.message_id, purpose=purpose, run_id=run_id, state="sent"
    )
    return "sent"


async def _fail_closed(
    ledger: SendLedger, email: OutgoingEmail, *, purpose: str, run_id: str, alert: Alert
) -> None:
    await asyncio.to_thread(
        ledger.record, email.message_id, purpose=purpose, run_id=run_id, state="unknown"
    )
    log.warning("send ledger: %s email of run %s may have gone out; not resending", purpose, run_id)
    await alert(
        f"The {purpose} email of pipeline run {run_id} may or may not have been sent "
        f"(Message-ID <{email.message_id}>). Hard-E did not resend it; please check the sent "
        "folder and follow up by hand."
    )
    raise SendUncertainError(f"the {purpose} email may already have been sent; not resending")
