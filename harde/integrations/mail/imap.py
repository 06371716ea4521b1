"""IMAP inbox (imapclient): UNSEEN search is the source of truth; IDLE only wakes the poll early."""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import logging
import socket
import threading
from typing import Any

from imapclient import SEEN, IMAPClient
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from harde.integrations.mail.message import TriggerEmail, parse_email
from harde.integrations.mail.protocol import MailError

log = logging.getLogger(__name__)

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
    ) -> None:
        self.host, self.port, self.user, self._password = host, port, user, password
        self.ssl, self.folder, self.timeout_s = ssl, folder, timeout_s
        self._client: IMAPClient | None = None
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
        client.select_folder(self.folder)
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

    # --- TriggerInbox ----------------------------------------------------------------------
    async def fetch_new(self) -> list[TriggerEmail]:
        return await asyncio.to_thread(self._fetch_new)

    @_retry
    def _fetch_new(self) -> list[TriggerEmail]:
        def run(client: IMAPClient) -> list[TriggerEmail]:
            client.noop()  # some servers refresh the selected mailbox's view only on a command like NOOP
            uids = sorted(client.search(["UNSEEN"]))
            if not uids:
                return []
            fetched = client.fetch(uids, ["BODY.PEEK[]"])
            out = []
            for uid in uids:
                body = fetched.get(uid, {}).get(b"BODY[]")
                if body:
                    out.append(parse_email(bytes(body), source_ref=str(uid)))
            return out

        result: list[TriggerEmail] = self._with_client(run)
        return result

    async def mark_processed(self, email: TriggerEmail) -> None:
        await asyncio.to_thread(self._mark, int(email.source_ref))

    @_retry
    def _mark(self, uid: int) -> None:
        self._with_client(lambda client: client.add_flags([uid], [SEEN]))

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
