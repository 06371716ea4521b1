"""IMAP inbox (imapclient): UID tracking is the source of truth; IDLE only wakes the poll early.

A poll fetches only what it has not handed out before: the messages whose UID is at or past a
cursor, plus those handed out and not yet marked. The cursor is kept with the mailbox's
UIDVALIDITY (in a small JSON file when given one); when the server says UIDVALIDITY changed, or
there is no cursor yet, the unread messages are the starting point, as a mail reader would have it.
"""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import json
import logging
import socket
import threading
from pathlib import Path
from typing import Any

from imapclient import SEEN, IMAPClient
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from harde.integrations.mail.message import TriggerEmail, parse_email
from harde.integrations.mail.protocol import MailError

log = logging.getLogger("harde.pipeline")

_TRANSIENT = (OSError, socket.timeout, imaplib.IMAP4.abort, ConnectionError)
_retry = retry(
    retry=retry_if_exception_type(_TRANSIENT),
    wait=wait_exponential(multiplier=0.2, max=5),
    stop=stop_after_attempt(4),
    reraise=True,
)


class ImapInbox:
    name = "imap"

    def __init__(
        self,
        *,
        host: str,
        port: int,
        user: str,
        password: str,
        ssl: bool = True,
        folder: str = "INBOX",
        timeout_s: float = 30.0,
        state_path: Path | None = None,
    ) -> None:
        self.host, self.port, self.user, self._password = host, port, user, password
        self.ssl, self.folder, self.timeout_s = ssl, folder, timeout_s
        # Without a file the cursor lives as long as the object.
        self.state_path = state_path
        self._state: dict[str, Any] = {}
        self._client: IMAPClient | None = None
        self._uidvalidity = 0
        self._lock = threading.Lock()

    # --- connection ------------------------------------------------------------------------
    def _connect(self) -> IMAPClient:
        if self._client is not None:
            return self._client
        client = IMAPClient(self.host, port=self.port, ssl=self.ssl, timeout=self.timeout_s)
        try:
            client.login(self.user, self._password)
        except IMAPClient.Error as exc:
            client.shutdown()
            raise MailError("IMAP", "the server refused the login") from exc
        selected = client.select_folder(self.folder)
        self._uidvalidity = int(selected.get(b"UIDVALIDITY", 0))
        self._client = client
        return client

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(Exception):  # the socket may already be gone
                client.shutdown()

    def _with_client(self, fn: Any) -> Any:
        with self._lock:
            try:
                return fn(self._connect())
            except _TRANSIENT:
                self._drop()
                raise

    # --- cursor ----------------------------------------------------------------------------
    @property
    def mailbox(self) -> str:
        """Which mailbox a saved cursor belongs to: another one starts afresh."""
        return f"{self.user}@{self.host}:{self.port}/{self.folder}"

    def _load(self) -> dict[str, Any]:
        if self.state_path is None:
            return dict(self._state)
        try:
            state: dict[str, Any] = json.loads(self.state_path.read_text())
            return state
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    def _save(self, state: dict[str, Any]) -> None:
        self._state = dict(state)
        if self.state_path is None:
            return
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state))
        tmp.replace(self.state_path)

    def _pending_and_cursor(self, client: IMAPClient, state: dict[str, Any]) -> tuple[set[int], int]:
        """The UIDs to fetch now, and the cursor (the first UID no poll has looked at) after them."""
        if state.get("mailbox") == self.mailbox and state.get("uidvalidity") == self._uidvalidity:
            cursor = int(state["next_uid"])
            # "n:*" also matches the highest UID when it is below n: keep only the new ones.
            arrived = [
                uid for uid in client.search(["UID", f"{cursor}:*", "NOT", "DELETED"]) if uid >= cursor
            ]
            pending = {int(uid) for uid in state.get("pending", [])} | set(arrived)
            return pending, max([cursor, *(uid + 1 for uid in arrived)])
        if state:
            log.warning(
                "IMAP: the mailbox's UIDVALIDITY changed (or it is another mailbox): "
                "its unread messages are read again"
            )
        # The highest UID first, then the unread: mail arriving in between is unread, so found.
        highest = client.search(["UID", "*"])
        unseen = set(client.search(["UNSEEN"]))
        return unseen, max([1, *(uid + 1 for uid in highest), *(uid + 1 for uid in unseen)])

    def _forget(self, uid: int) -> None:
        state = self._load()
        if state.get("pending") is not None:
            state["pending"] = [p for p in state["pending"] if p != uid]
            self._save(state)

    # --- TriggerInbox ----------------------------------------------------------------------
    async def fetch_new(self) -> list[TriggerEmail]:
        return await asyncio.to_thread(self._fetch_new)

    @_retry
    def _fetch_new(self) -> list[TriggerEmail]:
        def run(client: IMAPClient) -> list[TriggerEmail]:
            client.noop()  # some servers refresh the selected mailbox's view only on a command like NOOP
            state = self._load()
            pending, cursor = self._pending_and_cursor(client, state)
            uids = sorted(pending)
            fetched = client.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
            out, still_pending = [], []
            for uid in uids:
                body = fetched.get(uid, {}).get(b"BODY[]")
                if body is None:
                    continue  # expunged since
                try:
                    out.append(parse_email(bytes(body), source_ref=str(uid)))
                except Exception as exc:  # one bad message must not stop the inbox
                    log.warning(
                        "IMAP: message UID %s is not a parsable message (%s); left in the"
                        " mailbox and not read again", uid, type(exc).__name__,
                    )  # fmt: skip
                    continue
                still_pending.append(uid)
            after = {"mailbox": self.mailbox, "uidvalidity": self._uidvalidity,
                     "next_uid": cursor, "pending": still_pending}  # fmt: skip
            if after != state:
                self._save(after)
            return out

        result: list[TriggerEmail] = self._with_client(run)
        return result

    async def mark_processed(self, email: TriggerEmail) -> None:
        await asyncio.to_thread(self._mark, int(email.source_ref))

    @_retry
    def _mark(self, uid: int) -> None:
        def run(client: IMAPClient) -> None:
            client.add_flags([uid], [SEEN])
            self._forget(uid)

        self._with_client(run)

    async def set_aside(self, email: TriggerEmail) -> None:
        await asyncio.to_thread(self._set_aside, int(email.source_ref))

    def _set_aside(self, uid: int) -> None:
        with self._lock:
            self._forget(uid)

    async def wait_for_mail(self, timeout_s: float) -> None:
        await asyncio.to_thread(self._idle, timeout_s)

    def _idle(self, timeout_s: float) -> None:
        try:
            with self._lock:
                client = self._connect()
                if b"IDLE" not in client.capabilities():
                    raise _NoIdle
                client.idle()
                try:
                    client.idle_check(timeout=max(0.1, timeout_s))
                finally:
                    client.idle_done()
        except _NoIdle:
            threading.Event().wait(timeout_s)
        except (*_TRANSIENT, IMAPClient.Error):
            # IDLE is only a hint: drop the connection, the next poll reconnects.
            log.info("IMAP IDLE interrupted; polling continues")
            self._drop()

    async def aclose(self) -> None:
        await asyncio.to_thread(self._close)

    def _close(self) -> None:
        with self._lock:
            if self._client is not None:
                with contextlib.suppress(Exception):
                    self._client.logout()
                self._client = None


class _NoIdle(Exception):
    """The server does not offer IDLE."""
