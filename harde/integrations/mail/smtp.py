"""SMTP outbox (smtplib): connection failures are retried; a failure mid-transfer is ambiguous.

With `starttls` (the default) the session must be encrypted before anything else is said: a
server that does not offer STARTTLS is an error, so the login and the message never travel in
clear text.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl

from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from harde.integrations.mail.message import OutgoingEmail
from harde.integrations.mail.protocol import AmbiguousSendError, MailError


class _NotSentYet(Exception):
    """Failed before the server accepted any of the message: safe to retry."""


class SmtpOutbox:
    name = "smtp"

    def __init__(
        self,
        *,
        host: str,
        port: int,
        user: str = "",
        password: str = "",
        starttls: bool = True,
        timeout_s: float = 30.0,
        attempts: int = 4,
    ) -> None:
        self.host, self.port, self.user, self._password = host, port, user, password
        self.starttls, self.timeout_s, self.attempts = starttls, timeout_s, attempts

    async def send(self, email: OutgoingEmail) -> None:
        await asyncio.to_thread(self._send_with_retries, email)

    def _send_with_retries(self, email: OutgoingEmail) -> None:
        sender = retry(
            retry=retry_if_exception_type(_NotSentYet),
            wait=wait_exponential(multiplier=0.2, max=5),
            stop=stop_after_attempt(self.attempts),
            reraise=True,
        )(self._send_once)
        try:
            sender(email)
        except _NotSentYet as exc:
            raise MailError("SMTP", f"could not reach the mail server: {exc.__cause__!s}") from exc

    def _send_once(self, email: OutgoingEmail) -> None:
        try:
            client = smtplib.SMTP(self.host, self.port, timeout=self.timeout_s)
        except (OSError, smtplib.SMTPException) as exc:
            raise _NotSentYet() from exc
        try:
            try:
                client.ehlo()
                if self.starttls:
                    if not client.has_extn("starttls"):
                        raise MailError(
                            "SMTP",
                            "the server does not offer STARTTLS, which HARDE_SMTP_STARTTLS "
                            "requires; nothing was sent",
                        )
                    client.starttls(context=ssl.create_default_context())
                    client.ehlo()
                if self.user:
                    client.login(self.user, self._password)
            except smtplib.SMTPAuthenticationError as exc:
                raise MailError("SMTP", "the server refused the login") from exc
            except smtplib.SMTPNotSupportedError as exc:
                raise MailError("SMTP", "the server offers no login (AUTH)") from exc
            except (OSError, smtplib.SMTPException) as exc:
                raise _NotSentYet() from exc
            try:
                refused = client.send_message(email.to_message())
            except smtplib.SMTPRecipientsRefused as exc:
                raise MailError("SMTP", "the server refused the recipient") from exc
            except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
                # A clear rejection: nothing was accepted.
                raise MailError(
                    "SMTP", f"the server rejected the message ({exc.smtp_code})"
                ) from exc
            except (TimeoutError, OSError, smtplib.SMTPException) as exc:
                # The connection broke during the transfer: the server may have queued it.
                raise AmbiguousSendError("SMTP", "the connection dropped while sending") from exc
            if refused:
                raise MailError("SMTP", "the server refused the recipient")
        finally:
            try:
                client.quit()
            except (OSError, smtplib.SMTPException):
                client.close()

    async def was_sent(self, message_id: str) -> bool | None:
        return None  # SMTP cannot be asked what it already accepted

    async def aclose(self) -> None:
        return None
