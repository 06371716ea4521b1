"""Pipeline fixtures: offline settings under tmp_path, the demo CRM, cached brand assets, DBOS."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from harde.config import Settings
from harde.integrations.crm.local import load_demo
from harde.integrations.video.branding import Branding, ensure_brand_assets
from harde.workflows import runtime
from harde.workflows.pipeline import PrimerPipeline, build_pipeline

DIRECTOR = "director@summitridge.example"
COMPANY = "Summit Ridge Exteriors"


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
        "llm": "offline",
        "crm": "local",
        "tts": "espeak",
        "company_name": COMPANY,
        "allowed_senders": DIRECTOR,
        "director_email": DIRECTOR,
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


def trigger_email(
    subject: str = "Please produce Primer Video for Kathleen Murphy, job 1043",
    *,
    sender: str = DIRECTOR,
    message_id: str | None = None,
    body: str = "Thanks!",
) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Director <{sender}>"
    msg["To"] = "hard-e@summitridge.example"
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{message_id or uuid.uuid4().hex}@summitridge.example>"
    msg.set_content(body)
    return msg.as_bytes()


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
