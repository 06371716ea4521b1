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
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import format_datetime, getaddresses, parseaddr

from email_validator import EmailNotValidError, validate_email

# Auto-replies and bulk mail announce themselves (RFC 3834, RFC 2076); none is a trigger.
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})
# Where a reply's quoted part begins: "On <date>, <someone> wrote:" (possibly folded onto two
# lines) or Outlook's separator. Bounded repeats keep every line's match linear.
_WROTE = re.compile(r"^\s*On\s.{0,300}\bwrote:\s*$", re.IGNORECASE)
_ON_LINE = re.compile(r"^\s*On\s.{0,300}$", re.IGNORECASE)
_ORIGINAL = re.compile(r"^\s*-{2,}\s*Original Message\s*-{2,}\s*$", re.IGNORECASE)
# Outlook quotes with a header block instead: "From: …" then "Sent: …" (or "Date: …").
_QUOTED_FROM = re.compile(r"^\s*\*?From:\*?\s\S", re.IGNORECASE)
_QUOTED_SENT = re.compile(r"^\s*\*?(?:Sent|Date):\*?\s\S", re.IGNORECASE)
_MAX_BODY_CHARS = 50_000


@dataclass(frozen=True)
class TriggerEmail:
    """One email from an inbox, with just what the pipeline needs."""

    message_id: str  # without angle brackets
    sender: str  # the From header's one address, lower-cased; "" when it does not name one
    subject: str
    body: str
    # Backend handle used to mark the message processed (Maildir key, IMAP UID, Gmail id).
    source_ref: str = ""
    reply_to: str = ""
    references: tuple[str, ...] = field(default_factory=tuple)
    # Why the From header names no single sender ("" when it does); safe to log.
    sender_problem: str = ""
    # The header that marks it as an automatic reply or bulk mail ("" for a person's email).
    automated: str = ""
    # The message as received: what a DKIM signature covers.
    raw: bytes = field(default=b"", repr=False, compare=False)

    @property
    def reply_address(self) -> str:
        return self.reply_to or self.sender

    @property
    def new_text(self) -> str:
        """The body without the quoted email it replies to."""
        return reply_text(self.body)


def normalise_message_id(raw: str) -> str:
    value = raw.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    return value.strip()


def parse_email(data: bytes, *, source_ref: str = "") -> TriggerEmail:
    """A TriggerEmail from raw RFC 822 bytes; a message without Message-ID gets one from its content."""
    msg = BytesParser(policy=policy.default).parsebytes(data)
    spelled = BytesParser(policy=policy.compat32).parsebytes(data, headersonly=True)
    sender, sender_problem = single_sender(msg, spelled)
    reply_to = parseaddr(str(msg.get("Reply-To", "")))[1].lower()
    subject = str(msg.get("Subject", "")).strip()
    message_id = normalise_message_id(str(msg.get("Message-ID", "")))
    if not message_id:
        message_id = stand_in_message_id(spelled)
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
        sender_problem=sender_problem,
        automated=automated_header(spelled),
        raw=data,
    )


def _raw(value: object) -> str:
    """A header value as it was written (encoded words left encoded), unfolded."""
    return " ".join(str(value).split())


def single_sender(msg: EmailMessage, spelled: Message) -> tuple[str, str]:
    """(the one From address, "") or ("", why the From header cannot name the sender).

    The header is read twice, as written and decoded, and both readings must agree on one plain
    address. Refused: "a@x, b@y"; an address written as an RFC 2047 encoded word (mail servers
    and DKIM see no address there, only a decoder finds the director's); anything the parser
    had to guess at.
    """
    values = spelled.get_all("From") or []
    if len(values) != 1:
        return (
            "",
            "the email has no From header" if not values else "the email has several From headers",
        )
    written = [addr for name, addr in getaddresses([_raw(values[0])]) if name or addr]
    if len(written) != 1:
        return "", f"the From header holds {len(written) or 'no'} addresses"
    if "=?" in written[0]:
        return "", "the From address is an encoded word"
    header = msg["From"]
    try:
        decoded = [a.addr_spec for a in header.addresses]
    except (AttributeError, IndexError, ValueError):
        decoded = []
    if header.defects or [d.lower() for d in decoded] != [written[0].lower()]:
        return "", "the From header does not read the same decoded and as written"
    try:
        validate_email(written[0], check_deliverability=False)
    except EmailNotValidError:
        return "", "the From address is not a valid address"
    return written[0].lower(), ""


def single_address(value: str) -> str | None:
    """`value` as one valid address (domain normalised), or None: "a@x, b@y", "Name <a@x>",
    or anything else a recipient field could read as more than one person."""
    text = value.strip()
    if not text or any(ch in text for ch in ",;<>\r\n"):
        return None
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def stand_in_message_id(spelled: Message) -> str:
    """A Message-ID for an email without one, from its From, Date and Subject: every copy of the
    same email gets the same one (never from Received headers, which differ per delivery)."""
    key = "\n".join(_raw(spelled.get(name, "")) for name in ("From", "Date", "Subject"))
    return (
        "sha256-"
        + hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]
        + "@harde.invalid"
    )


def automated_header(spelled: Message) -> str:
    """The header naming this an automatic reply or bulk mail, or "" for a person's email."""
    auto = spelled.get_all("Auto-Submitted") or []
    if any(_raw(v).split(";", 1)[0].strip().lower() != "no" for v in auto):
        return "Auto-Submitted"
    if any(_raw(v).lower() in _BULK_PRECEDENCE for v in spelled.get_all("Precedence") or []):
        return "Precedence"
    if spelled.get_all("X-Autoreply"):
        return "X-Autoreply"
    return ""


def reply_text(body: str) -> str:
    """What the sender wrote themselves: lines quoted with ">" and everything from an
    "On ... wrote:" line (or Outlook's "Original Message" or "From:/Sent:" block) on are left out."""
    lines = body[:_MAX_BODY_CHARS].splitlines()
    kept: list[str] = []
    for i, line in enumerate(lines):
        if _WROTE.match(line) or _ORIGINAL.match(line):
            break
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if _ON_LINE.match(line) and following.lower().endswith("wrote:") and len(following) < 300:
            break
        if _QUOTED_FROM.match(line) and _QUOTED_SENT.match(following):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def _plain_body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = str(part.get_content())
    if part.get_content_type() == "text/html":
        # A reply's quote is a <blockquote>: only what comes before it is the sender's.
        text = re.split(r"<blockquote\b", text, maxsplit=1, flags=re.IGNORECASE)[0]
        text = re.sub(r"<(?:br|/p|/div|/li|/tr)\b[^>]*>", "\n", text, flags=re.IGNORECASE)
        text = re.sub(r"<[^>]+>", " ", text)
    return text


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
