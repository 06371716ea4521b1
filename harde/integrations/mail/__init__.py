"""Mail in and out for the primer pipeline: `make_inbox` and `make_outbox` choose from Settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from harde.config import Settings
from harde.errors import ConfigurationError
from harde.integrations.mail.maildir import MaildirInbox, MaildirOutbox
from harde.integrations.mail.message import OutgoingEmail, TriggerEmail, parse_email
from harde.integrations.mail.protocol import AmbiguousSendError, MailError, MailOutbox, TriggerInbox

__all__ = [
    "AmbiguousSendError",
    "MailError",
    "MailOutbox",
    "MaildirInbox",
    "MaildirOutbox",
    "OutgoingEmail",
    "TriggerEmail",
    "TriggerInbox",
    "inbox_dir",
    "make_inbox",
    "make_outbox",
    "outbox_dir",
    "parse_email",
]


def inbox_dir(settings: Settings) -> Path:
    return settings.data_dir / "mail" / "inbox"


def outbox_dir(settings: Settings) -> Path:
    return settings.data_dir / "mail" / "outbox"


def _gmail_service(settings: Settings) -> Any:
    from harde.integrations.mail.gmail import build_gmail_service

    if not settings.google_service_account_file or not settings.gmail_user:
        raise ConfigurationError(
            "Gmail needs HARDE_GOOGLE_SERVICE_ACCOUNT_FILE and HARDE_GMAIL_USER (domain-wide delegation)"
        )
    return build_gmail_service(settings.google_service_account_file, settings.gmail_user)


def make_inbox(settings: Settings) -> TriggerInbox:
    if settings.mail_in == "imap":
        from harde.integrations.mail.imap import ImapInbox

        if not settings.imap_host or not settings.imap_user or settings.imap_password is None:
            raise ConfigurationError(
                "IMAP needs HARDE_IMAP_HOST, HARDE_IMAP_USER and HARDE_IMAP_PASSWORD"
            )
        return ImapInbox(
            host=settings.imap_host,
            port=settings.imap_port,
            user=settings.imap_user,
            password=settings.imap_password.get_secret_value(),
            ssl=settings.imap_ssl,
            state_path=settings.data_dir / "imap_inbox_state.json",
        )
    if settings.mail_in == "gmail":
        from harde.integrations.mail.gmail import GmailInbox

        return GmailInbox(_gmail_service(settings), settings.data_dir / "gmail_inbox_state.json")
    return MaildirInbox(inbox_dir(settings))


def make_outbox(settings: Settings) -> MailOutbox:
    if settings.mail_out == "smtp":
        from harde.integrations.mail.smtp import SmtpOutbox

        if not settings.smtp_host:
            raise ConfigurationError("SMTP needs HARDE_SMTP_HOST")
        return SmtpOutbox(
            host=settings.smtp_host,
            port=settings.smtp_port,
            user=settings.smtp_user,
            password=settings.smtp_password.get_secret_value() if settings.smtp_password else "",
            starttls=settings.smtp_starttls,
        )
    if settings.mail_out == "gmail":
        from harde.integrations.mail.gmail import GmailOutbox

        return GmailOutbox(_gmail_service(settings))
    return MaildirOutbox(outbox_dir(settings))
