"""Pipeline fixtures: offline settings under tmp_path, the demo CRM, cached brand assets, DBOS,
and trigger emails as the company's mail server hands them over (authenticated by its MX)."""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import dkim
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from harde.config import Settings
from harde.integrations.crm.local import load_demo
from harde.integrations.video.branding import Branding, ensure_brand_assets
from harde.workflows import runtime
from harde.workflows.pipeline import PrimerPipeline, build_pipeline

DIRECTOR = "director@summitridge.example"
COMPANY = "Summit Ridge Exteriors"
# The company's receiving server: the trusted authserv-id in these tests' settings.
MX = "mx.summitridge.example"
# Where the tests' app "runs": the links in notes and emails must come from here.
PUBLIC_URL = "http://hard-e.test:8600"


@pytest.fixture(scope="session")
def brand_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The branded template and music bed, generated once for the whole session."""
    folder = tmp_path_factory.mktemp("brand")
    asyncio.run(ensure_brand_assets(folder, Branding(company_name=COMPANY)))
    return folder


def pipeline_settings_for(root: Path, **extra: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": root / "var",
        "delivery_dir": root / "static" / "primers",
        "public_url": PUBLIC_URL,
        "llm": "offline",
        "crm": "local",
        "tts": "espeak",
        "company_name": COMPANY,
        "allowed_senders": DIRECTOR,
        "director_email": DIRECTOR,
        "trusted_authserv_ids": MX,
        "poll_interval_s": 0.2,
        "primer_target_words": 150,
        "playable_timeout_s": 60.0,
    }
    values.update(extra)
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


def seed_data_dir(settings: Settings, brand_cache: Path) -> None:
    settings.ensure_dirs()
    load_demo(settings)
    shutil.copytree(brand_cache, settings.data_dir / "cache" / "brand", dirs_exist_ok=True)


@pytest.fixture
def pipeline_settings(tmp_path: Path, brand_cache: Path) -> Settings:
    settings = pipeline_settings_for(tmp_path)
    seed_data_dir(settings, brand_cache)
    return settings


@pytest.fixture
async def pipeline(pipeline_settings: Settings) -> AsyncIterator[PrimerPipeline]:
    """A launched DBOS (SQLite under data_dir) with the default offline pipeline installed."""
    built = build_pipeline(pipeline_settings)
    await runtime.launch(pipeline_settings, built)
    try:
        yield built
    finally:
        await asyncio.to_thread(runtime.shutdown)
        await built.aclose()


def mx_verdict(sender: str = DIRECTOR) -> str:
    """What the company's MX writes above a message whose sender's domain passed DMARC."""
    domain = sender.rpartition("@")[2]
    return f"{MX}; spf=pass smtp.mailfrom={domain}; dkim=pass header.d={domain}; dmarc=pass header.from={domain}"


def trigger_email(
    subject: str = "Please produce Primer Video for Kathleen Murphy, job 1043",
    *,
    sender: str = DIRECTOR,
    message_id: str | None = None,
    body: str = "Thanks!",
    from_header: str | None = None,
    authentication_results: str | None = "",
    headers: dict[str, str] | None = None,
) -> bytes:
    """A trigger email. `authentication_results` "" is the MX's pass for the sender's domain,
    None leaves the header out; `from_header` replaces the From header as written."""
    msg = EmailMessage()
    if authentication_results == "":
        authentication_results = mx_verdict(sender)
    if authentication_results is not None:
        msg["Authentication-Results"] = authentication_results
    msg["From"] = "Director <from-placeholder@summitridge.example>"
    msg["To"] = "hard-e@summitridge.example"
    msg["Subject"] = subject
    if message_id != "":
        msg["Message-ID"] = f"<{message_id or uuid.uuid4().hex}@summitridge.example>"
    msg["Date"] = "Mon, 23 Nov 2026 09:00:00 -0500"
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    data = msg.as_bytes(policy=policy.SMTP)  # CRLF, as mail travels
    written = from_header if from_header is not None else f"Director <{sender}>"
    # Written into the bytes as given: the header classes would re-encode an attacker's From.
    return data.replace(b"Director <from-placeholder@summitridge.example>", written.encode())


@dataclass(frozen=True)
class DkimKey:
    """An RSA key made for the test session, and the DNS TXT record that publishes it."""

    private_pem: bytes
    txt: bytes
    selector: str = "hard-e"

    def sign(self, data: bytes, domain: str = "summitridge.example", **options: Any) -> bytes:
        options.setdefault("include_headers", [b"from", b"to", b"subject", b"date", b"message-id"])
        signature = dkim.sign(
            data, self.selector.encode(), domain.encode(), self.private_pem, **options
        )
        return signature + data

    def record_name(self, domain: str = "summitridge.example") -> str:
        return f"{self.selector}._domainkey.{domain}"


class StubDns:
    """dkimpy's DNS hook answered from a dict: no resolver, no network. Records what was asked."""

    def __init__(self, records: dict[str, bytes]) -> None:
        self.records = {name.rstrip(".").lower(): value for name, value in records.items()}
        self.asked: list[str] = []

    def __call__(self, name: bytes | str, timeout: float = 5.0) -> bytes | None:
        qname = (name.decode() if isinstance(name, bytes) else name).rstrip(".").lower()
        self.asked.append(qname)
        return self.records.get(qname)


@pytest.fixture(scope="session")
def dkim_key() -> DkimKey:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return DkimKey(private_pem=pem, txt=b"v=DKIM1; k=rsa; p=" + base64.b64encode(public))


# A trigger today's parser gives up on: it does not know the charset (LookupError).
UNPARSABLE = (
    b"From: Director <director@summitridge.example>\r\n"
    b"Subject: Please produce Primer Video for job 1043\r\n"
    b"Message-ID: <unparsable@summitridge.example>\r\n"
    b'Content-Type: text/plain; charset="x-no-such-charset"\r\n\r\nThanks!\r\n'
)


def drop_email(inbox: Path, data: bytes) -> Path:
    """Deliver into a Maildir the way an MTA does: write in tmp/, then rename into new/."""
    for sub in ("new", "cur", "tmp"):
        (inbox / sub).mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}.test"
    tmp = inbox / "tmp" / name
    tmp.write_bytes(data)
    target = inbox / "new" / name
    os.replace(tmp, target)
    return target


@pytest.fixture
def short_tmp() -> Iterator[Path]:
    """A short path (AF_UNIX socket paths are limited to ~100 bytes)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="hp", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
