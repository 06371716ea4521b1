"""Reading what the pipeline sent: messages in the Maildir outbox, by recipient."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path


def sent_messages(outbox: Path) -> list[EmailMessage]:
    out = []
    for sub in ("new", "cur"):
        folder = outbox / sub
        if folder.is_dir():
            for entry in sorted(folder.iterdir()):
                out.append(BytesParser(policy=policy.default).parsebytes(entry.read_bytes()))
    return out


def sent_to(outbox: Path, address: str) -> list[EmailMessage]:
    return [m for m in sent_messages(outbox) if address.lower() in str(m["To"]).lower()]


def body_of(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    return str(part.get_content()) if part is not None else ""
