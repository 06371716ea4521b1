"""InboxDaemon: polls the trigger inbox and starts one primer workflow per trigger email.

A trigger is obeyed only when a person sent it (no auto-reply or bulk mail) from one allow-listed
address that DKIM or a trusted receiver authenticates; any other gets one log line saying why.
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
from harde.integrations.mail.authentication import TriggerAuthenticator
from harde.integrations.mail.message import TriggerEmail
from harde.integrations.mail.protocol import TriggerInbox
from harde.workflows.runtime import enqueue_primer, request_from_email, workflow_id_for_message
from harde.workflows.webhooks import WebhookPump

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
        self,
        settings: Settings,
        inbox: TriggerInbox,
        notifier: SystemdNotifier | None = None,
        authenticator: TriggerAuthenticator | None = None,
        webhooks: WebhookPump | None = None,
    ) -> None:
        self.settings = settings
        self.inbox = inbox
        self.notifier = notifier or SystemdNotifier(settings.notify_socket)
        self.authenticator = authenticator or TriggerAuthenticator(
            trusted_authserv_ids=settings.trusted_authserv_id_list
        )
        self.subject_pattern = re.compile(settings.trigger_subject)
        self.allowed = set(settings.allowed_sender_list)
        # Emails whose sender could not be checked yet (DNS did not answer): logged once.
        self._deferred: set[str] = set()
        self.started: list[str] = []
        # Leap stage changes the webhook receiver stored: queued on every poll, beside the inbox.
        self.webhooks = webhooks

    def is_trigger(self, email: TriggerEmail) -> bool:
        return bool(self.subject_pattern.search(email.subject))

    async def _refuse(self, email: TriggerEmail, why: str) -> None:
        """The one log line for a trigger not obeyed; the email is marked so it is not read again."""
        log.warning("ignored a trigger email: %s (sender=%s)", why, _anon(email.sender or "-"))
        await self.inbox.mark_processed(email)

    async def handle(self, email: TriggerEmail) -> str | None:
        """Start (or re-attach to) the run for one email; returns its workflow id, None if ignored."""
        if not self.is_trigger(email):
            # Not ours: leave it unread for people, and out of the next polls.
            await self.inbox.set_aside(email)
            return None
        if email.automated:
            await self._refuse(email, f"an automatic reply or bulk mail ({email.automated})")
            return None
        if email.sender_problem:
            await self._refuse(email, email.sender_problem)
            return None
        # Before authenticating: a stranger's email costs no DNS lookups.
        if email.sender not in self.allowed:
            await self._refuse(email, "the sender is outside the allow-list")
            return None
        checked = await asyncio.to_thread(self.authenticator.check, email.raw, email.sender)
        if checked.status != "pass":
            if self.settings.unsafe_obey_unauthenticated_triggers:
                log.warning(
                    "UNSAFE: obeying an unauthenticated trigger email because "
                    "HARDE_UNSAFE_OBEY_UNAUTHENTICATED_TRIGGERS is on (%s)",
                    checked.detail,
                )
            elif checked.status == "unknown":
                # DNS did not answer: leave the email unread and look again on a later poll.
                if email.message_id not in self._deferred:
                    self._deferred.add(email.message_id)
                    log.warning("could not check a trigger email yet: %s", checked.detail)
                return None
            else:
                await self._refuse(email, f"not authenticated ({checked.detail})")
                return None
        workflow_id = workflow_id_for_message(
            email.message_id, instance=self.settings.instance_name
        )
        known = await DBOS.get_workflow_status_async(workflow_id)
        await enqueue_primer(self.settings, request_from_email(email), workflow_id)
        # Marked only after DBOS holds the run: a crash in between re-reads the email and
        # re-attaches to the same workflow id, so nothing runs twice.
        await self.inbox.mark_processed(email)
        if known is None:
            log.info("run=%s queued from a trigger email (%s)", workflow_id[-12:], checked.detail)
        else:
            log.info("run=%s already exists (the same trigger email again): nothing new to do", workflow_id[-12:])
        self.started.append(workflow_id)
        return workflow_id

    async def poll_once(self) -> int | None:
        """Read the inbox and start a run per trigger: how many, or None when the inbox failed."""
        if self.webhooks is not None:
            try:
                await self.webhooks.pump_once()
            except Exception as exc:  # the events stay stored; the next poll hands them over
                log.warning("could not queue stored webhook events: %s", type(exc).__name__)
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
        if self.settings.unsafe_obey_unauthenticated_triggers:
            log.warning(
                "UNSAFE: HARDE_UNSAFE_OBEY_UNAUTHENTICATED_TRIGGERS is on: trigger emails are "
                "obeyed without DKIM or a trusted receiver's verdict, so anyone can forge the "
                "director's address"
            )
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
