"""One factory per role picks the backend from Settings; a real backend without its settings
is a ConfigurationError that names what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from harde.errors import ConfigurationError
from harde.integrations.delivery import LocalDelivery, make_delivery
from harde.integrations.mail import MaildirInbox, MaildirOutbox, make_inbox, make_outbox
from harde.integrations.mail.imap import ImapInbox
from harde.integrations.mail.smtp import SmtpOutbox
from harde.integrations.video import FfmpegRenderer, make_renderer
from tests.pipeline.conftest import pipeline_settings_for


def test_defaults_are_all_offline(tmp_path: Path) -> None:
    settings = pipeline_settings_for(tmp_path)
    assert isinstance(make_inbox(settings), MaildirInbox)
    assert isinstance(make_outbox(settings), MaildirOutbox)
    assert isinstance(make_renderer(settings), FfmpegRenderer)
    delivery = make_delivery(settings)
    assert isinstance(delivery, LocalDelivery)
    assert delivery.url_prefix == "http://hard-e.test:8600/app/static/primers"


def test_real_backends_are_chosen_by_settings(tmp_path: Path) -> None:
    settings = pipeline_settings_for(
        tmp_path, mail_in="imap", imap_host="mail.example", imap_user="u", imap_password="p",
        mail_out="smtp", smtp_host="smtp.example",
    )  # fmt: skip
    assert isinstance(make_inbox(settings), ImapInbox)
    assert isinstance(make_outbox(settings), SmtpOutbox)


@pytest.mark.parametrize(
    ("overrides", "factory", "needs"),
    [
        ({"mail_in": "imap"}, make_inbox, "HARDE_IMAP_HOST"),
        ({"mail_in": "gmail"}, make_inbox, "HARDE_GMAIL_USER"),
        ({"mail_out": "smtp"}, make_outbox, "HARDE_SMTP_HOST"),
        ({"mail_out": "gmail"}, make_outbox, "HARDE_GOOGLE_SERVICE_ACCOUNT_FILE"),
        ({"renderer": "cloudinary"}, make_renderer, "CLOUDINARY_URL"),
        ({"delivery": "gdrive"}, make_delivery, "HARDE_GOOGLE_SERVICE_ACCOUNT_FILE"),
        # Local delivery links to the app: never a guessed localhost:8501.
        ({"public_url": ""}, make_delivery, "HARDE_PUBLIC_URL"),
        ({"public_url": "harde.example.com"}, make_delivery, "HARDE_PUBLIC_URL"),
    ],
)
def test_missing_settings_name_what_is_needed(
    tmp_path: Path, overrides: dict, factory: object, needs: str
) -> None:
    settings = pipeline_settings_for(tmp_path, **overrides)
    with pytest.raises(ConfigurationError, match=needs):
        factory(settings)  # type: ignore[operator]
