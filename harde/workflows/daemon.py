"""InboxDaemon: polls the trigger inbox and starts one primer workflow per trigger email.

Polling is the source of truth (IDLE only wakes it early). It tells systemd READY=1 once DBOS
is up and WATCHDOG=1 after every poll that read the inbox, so a stuck loop, or an inbox that
cannot be read for longer than the watchdog allows, gets the service restarted.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import re
import socket
from collections.abc import Coroutine
from typing import Any

from dbos import DBOS

from harde.config import Settings
from harde.integrations.mail.message import TriggerEmail
from harde.integrations.mail.protocol import TriggerInbox
from harde.workflows.runtime import enqueue_primer, request_from_email, workflow_id_for_message

log = logging.getLogger("harde.pipeline")


class SystemdNotifier:
    """sd_notify over the NOTIFY_SOCKET datagram socket; a no-op when not run by systemd."""

    def __init__(self, socket_path: str) -> None:
        self.address = socket_path
        if socket_path.startswith("@"):  # abstract namespace
            self.address = "\0" + socket_path[1:]

    def notify(self, message: str) -> bool:
        if not self.address:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.connect(self.address)
                sock.sendall(message.encode())
            return True
        except OSError:
            return False


def _anon(value: str) -> str:
    """A short stable token for an address: lets logs correlate without holding personal data."""
    return hashlib.sha256(value.lower().encode()).hexdigest()[:10]


class InboxDaemon:
    def __init__(
        self, settings: Settings, inbox: TriggerInbox, notifier: SystemdNotifier | None = None
    ) -> None:
        self.settings = settings
        self.inbox = inbox
        self.notifier = notifier or SystemdNotifier(settings.notify_socket)
        self.subject_pattern = re.compile(settings.trigger_subject)
        self.allowed = set(settings.allowed_sender_list)
        self.started: list[str] = []

    def is_trigger(self, email: TriggerEmail) -> bool:
        return bool(self.subject_pattern.search(email.subject))

    async def handle(self, email: TriggerEmail) -> str | None:
        """Start (or re-attach to) the run for one email; returns its workflow id, None if ignored."""
        if not self.is_trigger(email):
            # Not ours: leave it unread for people, and out of the next polls.
            await self.inbox.set_aside(email)
            return None
        if email.sender not in self.allowed:
            log.warning(
                "ignored a trigger email from a sender outside the allow-list (sender=%s)",
                _anon(email.sender),
            )
            await self.inbox.mark_processed(email)
            return None
        workflow_id = workflow_id_for_message(email.message_id)
        known = await DBOS.get_workflow_status_async(workflow_id)
        await enqueue_primer(request_from_email(email), workflow_id)
        # Marked only after DBOS holds the run: a crash in between re-reads the email and
        # re-attaches to the same workflow id, so nothing runs twice.
        await self.inbox.mark_processed(email)
        if known is None:
            log.info("run=%s queued from a trigger email", workflow_id[-12:])
        else:
            log.info("run=%s already exists (the same trigger email again): nothing new to do", workflow_id[-12:])
        self.started.append(workflow_id)
        return workflow_id

    async def poll_once(self) -> int | None:
        """Read the inbox and start a run per trigger: how many, or None when the inbox failed."""
        try:
            emails = await self.inbox.fetch_new()
        except Exception as exc:  # a mail outage must not stop the daemon; next poll retries
            log.warning("inbox poll failed: %s", type(exc).__name__)
            return None
        count = 0
        for email in emails:
            try:
                if await self.handle(email):
                    count += 1
            except Exception as exc:
                log.error("could not start a run for a trigger email: %s", type(exc).__name__)
        # Only a poll that read the inbox tells systemd the daemon is alive.
        self.notifier.notify("WATCHDOG=1")
        return count

    async def run(self, stop: asyncio.Event) -> None:
        self.notifier.notify("READY=1")
        self.notifier.notify(f"STATUS=watching the {self.inbox.name} inbox")
        log.info(
            "daemon ready: watching the %s inbox every %.1f s",
            self.inbox.name,
            self.settings.poll_interval_s,
        )
        interval = self.settings.poll_interval_s
        while not stop.is_set():
            if await self.poll_once() is None:
                # The inbox is failing: its wake-up hint may fail at once too, so just wait.
                await self._until_stopped(asyncio.sleep(interval), stop)
            else:
                await self._until_stopped(self.inbox.wait_for_mail(interval), stop)
        self.notifier.notify("STOPPING=1")
        log.info("daemon stopping")

    async def _until_stopped(self, waiting: Coroutine[Any, Any, None], stop: asyncio.Event) -> None:
        """Wait for `waiting` or for the stop, whichever comes first; a failed wait is logged and
        sat out for one interval, so it cannot turn the loop into a spin."""
        waiter = asyncio.ensure_future(waiting)
        stopper = asyncio.ensure_future(stop.wait())
        await asyncio.wait({waiter, stopper}, return_when=asyncio.FIRST_COMPLETED)
        for task in (waiter, stopper):
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        if waiter.done() and not waiter.cancelled() and waiter.exception() is not None:
            log.warning("waiting for mail failed: %s", type(waiter.exception()).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.settings.poll_interval_s)
