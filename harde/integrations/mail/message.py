"""Emails as the pipeline sees them: a parsed trigger in, a composed message out.

Parsing and composing are pure functions so every mail backend (Maildir, IMAP, Gmail, SMTP)
shares them; no backend ever logs an address or a body.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, getaddresses, parseaddr


@dataclass(frozen=True)
class TriggerEmail:
    """One email from an inbox, with just what the pipeline needs."""

    message_id: str  # without angle brackets
    sender: str  # lower-cased address only
    subject: str
    body: str
    # Backend handle used to mark the message processed (Maildir key, IMAP UID, Gmail id).
    source_ref: str = ""
    reply_to: str = ""
    references: tuple[str, ...] = field(default_factory=tuple)

    @property
    def reply_address(self) -> str:
        return self.reply_to or self.sender


def normalise_message_id(raw: str) -> str:
    value = raw.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    return value.strip()


def parse_email(data: bytes, *, source_ref: str = "") -> TriggerEmail:
    """A TriggerEmail from raw RFC 822 bytes; a message without Message-ID gets one from its content."""
    msg = BytesParser(policy=policy.default).parsebytes(data)
    sender = parseaddr(str(msg.get("From", "")))[1].lower()
    reply_to = parseaddr(str(msg.get("Reply-To", "")))[1].lower()
    subject = str(msg.get("Subject", "")).strip()
    message_id = normalise_message_id(str(msg.get("Message-ID", "")))
    if not message_id:
        # A stable stand-in, so a re-delivered copy still maps to the same workflow.
        message_id = "sha256-" + hashlib.sha256(data).hexdigest()[:32] + "@harde.invalid"
    body = _plain_body(msg)
    refs = tuple(
        normalise_message_id(r) for r in str(msg.get("References", "")).split() if r.strip()
    )
    return TriggerEmail(
        message_id=message_id,
        sender=sender,
        subject=subject,
        body=body,
        source_ref=source_ref,
        reply_to=reply_to,
        references=refs,
    )


def _plain_body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = part.get_content()
    if part.get_content_type() == "text/html":
        text = re.sub(r"<[^>]+>", " ", text)
    return str(text)


@dataclass(frozen=True)
class OutgoingEmail:
    """A message to send. `message_id` is chosen by the caller so a retry can be recognised."""

    message_id: str  # without angle brackets
    to: str
    subject: str
    body: str
    sender: str
    in_reply_to: str = ""
    html: str = ""

    def to_message(self) -> EmailMessage:
        msg = EmailMessage()
        msg["Message-ID"] = f"<{self.message_id}>"
        msg["From"] = self.sender
        msg["To"] = self.to
        msg["Subject"] = self.subject
        msg["Date"] = format_datetime(dt.datetime.now(dt.UTC))
        if self.in_reply_to:
            msg["In-Reply-To"] = f"<{self.in_reply_to}>"
            msg["References"] = f"<{self.in_reply_to}>"
        msg.set_content(self.body)
        if self.html:
            msg.add_alternative(self.html, subtype="html")
        return msg

    def to_bytes(self) -> bytes:
        return self.to_message().as_bytes(policy=policy.SMTP)


def deterministic_message_id(purpose: str, key: str, domain: str) -> str:
    """The same (purpose, key) always gives the same Message-ID: what the send ledger checks."""
    digest = hashlib.sha256(f"{purpose}:{key}".encode()).hexdigest()[:24]
    return f"{purpose}.{digest}@{domain}"


def domain_of(address: str) -> str:
    _, addr = parseaddr(address)
    return addr.rpartition("@")[2] or "harde.invalid"


def addresses(header_value: str) -> list[str]:
    return [addr.lower() for _, addr in getaddresses([header_value]) if addr]


def message_id_of(data: bytes) -> str:
    """The Message-ID header of raw message bytes, without angle brackets ("" when absent)."""
    msg = BytesParser(policy=policy.default).parsebytes(data, headersonly=True)
    return normalise_message_id(str(msg.get("Message-ID", "")))
