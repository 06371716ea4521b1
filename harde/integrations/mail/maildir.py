"""The offline mail backends: a Maildir drop folder as the inbox and a Maildir outbox.

Drop an RFC 822 file into `<data_dir>/mail/inbox/new/` to trigger the pipeline; every email
Hard-E sends lands in `<data_dir>/mail/outbox/new/`. An entry of `new/` that cannot be read as
a message (a folder, a pipe, a link, a file without read permission) is moved to
`<data_dir>/mail/inbox/quarantine/`.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import mailbox
import os
import stat
from pathlib import Path

from harde.integrations.mail.message import OutgoingEmail, TriggerEmail, message_id_of, parse_email

log = logging.getLogger("harde.pipeline")


def ensure_maildir(path: Path) -> Path:
    for sub in ("new", "cur", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    return path


class MaildirInbox:
    """Polls `new/`; a handled message moves to `cur/`, as a mail reader would: Seen when it was a
    processed trigger, unflagged (still unread) when it was set aside."""

    name = "maildir"

    def __init__(self, path: Path) -> None:
        self.path = ensure_maildir(path)
        self.quarantine = path / "quarantine"
        # What the last fetch saw in new/: waiting wakes only for something else.
        self._listed: set[str] = set()
        # Unreadable entries that could not be moved away either: logged once, then left alone.
        self._stuck: set[str] = set()

    async def fetch_new(self) -> list[TriggerEmail]:
        return await asyncio.to_thread(self._fetch_new)

    def _fetch_new(self) -> list[TriggerEmail]:
        entries = []
        for entry in (self.path / "new").iterdir():
            if entry.name.startswith("."):
                continue
            try:
                entries.append((entry.lstat().st_mtime, entry.name, entry))
            except FileNotFoundError:  # moved by another reader since the listing
                continue
        self._listed = {name for _, name, _ in entries}
        self._stuck &= self._listed
        found = []
        for _, name, entry in sorted(entries):
            if name in self._stuck:
                continue
            try:
                data = _read_message_file(entry)
            except FileNotFoundError:
                continue
            except _Unreadable as exc:
                self._set_apart(entry, str(exc))
                continue
            try:
                found.append(parse_email(data, source_ref=name))
            except Exception as exc:  # one bad file must not stop the inbox
                self._set_apart(entry, f"not a parsable message: {type(exc).__name__}")
        return found

    def _set_apart(self, entry: Path, reason: str) -> None:
        """Move an entry that is no message out of new/, so it neither fails nor wakes every poll."""
        try:
            self.quarantine.mkdir(exist_ok=True)
            os.replace(entry, self.quarantine / entry.name)
        except FileNotFoundError:
            return
        except OSError as move_exc:
            self._stuck.add(entry.name)
            log.error(
                "inbox: %s in new/ is not a readable message (%s) and could not be moved to %s"
                " (%s); it is skipped until it is removed",
                entry.name, reason, self.quarantine, move_exc.strerror or type(move_exc).__name__,
            )  # fmt: skip
            return
        log.warning(
            "inbox: %s in new/ is not a readable message (%s); moved to %s",
            entry.name, reason, self.quarantine,
        )  # fmt: skip

    async def mark_processed(self, email: TriggerEmail) -> None:
        await asyncio.to_thread(self._move_to_cur, email.source_ref, "S")

    async def set_aside(self, email: TriggerEmail) -> None:
        await asyncio.to_thread(self._move_to_cur, email.source_ref, "")

    def _move_to_cur(self, source_ref: str, flags: str) -> None:
        base = source_ref.split(":", 1)[0]
        with contextlib.suppress(FileNotFoundError):  # already moved: marking is idempotent
            os.replace(self.path / "new" / source_ref, self.path / "cur" / f"{base}:2,{flags}")

    async def wait_for_mail(self, timeout_s: float) -> None:
        # A local folder is cheap to poll; look in new/ often within the interval, for entries
        # the last fetch did not see (one that is still waiting is retried at the next poll).
        deadline = asyncio.get_running_loop().time() + timeout_s
        new_dir = self.path / "new"
        while True:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0 or any(
                not name.startswith(".") and name not in self._listed for name in os.listdir(new_dir)
            ):
                return
            await asyncio.sleep(min(0.2, remaining))

    async def aclose(self) -> None:
        return None


class _Unreadable(Exception):
    """An entry of new/ that is not a message file the inbox may read; the text says why."""


def _read_message_file(path: Path) -> bytes:
    """The bytes of a regular file. Anything else raises _Unreadable, without blocking on a pipe
    or following a link out of the folder; FileNotFoundError means it has gone."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as exc:
        reason = "a symbolic link" if exc.errno == errno.ELOOP else exc.strerror
        raise _Unreadable(reason or type(exc).__name__) from exc
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise _Unreadable("a folder")
        if not stat.S_ISREG(mode):
            raise _Unreadable("not a regular file")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise _Unreadable(exc.strerror or type(exc).__name__) from exc
    finally:
        os.close(fd)


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
