"""The offline mail backends: a Maildir drop folder as the inbox and a Maildir outbox.

Drop an RFC 822 file into `<data_dir>/mail/inbox/new/` to trigger the pipeline; every email
Hard-E sends lands in `<data_dir>/mail/outbox/new/`.
"""

from __future__ import annotations

import asyncio
import contextlib
import mailbox
import os
from pathlib import Path

from harde.integrations.mail.message import OutgoingEmail, TriggerEmail, message_id_of, parse_email


def ensure_maildir(path: Path) -> Path:
    for sub in ("new", "cur", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    return path


class MaildirInbox:
    """Polls `new/`; a processed message moves to `cur/` with the Seen flag, as a mail reader would."""

    name = "maildir"

    def __init__(self, path: Path) -> None:
        self.path = ensure_maildir(path)

    async def fetch_new(self) -> list[TriggerEmail]:
        return await asyncio.to_thread(self._fetch_new)

    def _fetch_new(self) -> list[TriggerEmail]:
        new_dir = self.path / "new"
        entries = sorted(new_dir.iterdir(), key=lambda p: (p.stat().st_mtime, p.name))
        found = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                data = entry.read_bytes()
            except FileNotFoundError:  # moved by another reader between listing and reading
                continue
            found.append(parse_email(data, source_ref=entry.name))
        return found

    async def mark_processed(self, email: TriggerEmail) -> None:
        source = self.path / "new" / email.source_ref
        base = email.source_ref.split(":", 1)[0]
        target = self.path / "cur" / f"{base}:2,S"
        with contextlib.suppress(FileNotFoundError):  # already moved: marking is idempotent
            os.replace(source, target)

    async def wait_for_mail(self, timeout_s: float) -> None:
        # A local folder is cheap to poll; check `new/` often within the interval.
        deadline = asyncio.get_running_loop().time() + timeout_s
        new_dir = self.path / "new"
        while True:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0 or any(not p.name.startswith(".") for p in new_dir.iterdir()):
                return
            await asyncio.sleep(min(0.2, remaining))

    async def aclose(self) -> None:
        return None


class MaildirOutbox:
    """Delivers by writing into a Maildir (atomic: tmp/ then rename into new/)."""

    name = "maildir"

    def __init__(self, path: Path) -> None:
        self.path = ensure_maildir(path)

    async def send(self, email: OutgoingEmail) -> None:
        data = email.to_bytes()
        await asyncio.to_thread(mailbox.Maildir(self.path, create=True).add, data)

    async def was_sent(self, message_id: str) -> bool | None:
        return await asyncio.to_thread(self._contains, message_id)

    def _contains(self, message_id: str) -> bool:
        for sub in ("new", "cur"):
            for entry in (self.path / sub).iterdir():
                if message_id_of(entry.read_bytes()) == message_id:
                    return True
        return False

    def messages(self) -> list[bytes]:
        """Every message in the outbox (tests and the pipeline page read these)."""
        return [
            e.read_bytes() for sub in ("new", "cur") for e in sorted((self.path / sub).iterdir())
        ]

    async def aclose(self) -> None:
        return None
