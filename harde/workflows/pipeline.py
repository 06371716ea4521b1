"""The primer pipeline's dependencies, each behind a small Protocol, built in one place from Settings.

The DBOS workflow reaches them through `current_pipeline()`; the daemon, `harde primer` and the
tests install a `PrimerPipeline` before DBOS launches (tests may pass real local siblings).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from harde.brand import load_phone_book
from harde.config import Settings
from harde.crm.protocol import CRM
from harde.errors import ConfigurationError
from harde.integrations.delivery.protocol import VideoDelivery
from harde.integrations.mail.protocol import MailOutbox
from harde.integrations.video.protocol import VideoRenderer, VoiceEnhancer
from harde.workflows.history import JobHistory
from harde.workflows.ledger import SendLedger


@dataclass(frozen=True)
class WrittenScript:
    text: str
    word_count: int
    # (section, paragraph) pairs from the offline writer: what the slides follow.
    sections: tuple[tuple[int, str], ...] = ()


@runtime_checkable
class ScriptWriter(Protocol):
    async def write(
        self, *, job_id: int, focus: str | None, target_words: int
    ) -> WrittenScript: ...


@runtime_checkable
class Speech(Protocol):
    async def synthesize(self, text: str, out_path: Path) -> Any: ...


class KnowledgePrimerWriter:
    """The scripting area's primer writer, grounded on the CRM and the knowledge base."""

    def __init__(self, crm: CRM, settings: Settings) -> None:
        self.crm = crm
        self.settings = settings
        self.phones = load_phone_book(settings.brand_folder)
        self._knowledge: Any = None
        self._lock = asyncio.Lock()

    async def _kb(self) -> Any:
        async with self._lock:
            if self._knowledge is None:
                from harde.knowledge import make_knowledge_base

                self._knowledge = await asyncio.to_thread(make_knowledge_base, self.settings)
        return self._knowledge

    async def write(self, *, job_id: int, focus: str | None, target_words: int) -> WrittenScript:
        from harde.scripting.primer import write_primer_script

        script = await write_primer_script(
            self.crm, await self._kb(), job_id=job_id, company_name=self.settings.company_name,
            focus=focus, target_words=target_words, phones=self.phones,
        )  # fmt: skip
        return WrittenScript(text=script.text, word_count=script.word_count, sections=script.sections)


def workflow_db_url(settings: Settings) -> str:
    """The workflow store: Postgres when `workflow_db_url` is set, else SQLite under data_dir."""
    if settings.workflow_db_url:
        return settings.workflow_db_url
    return f"sqlite:///{(settings.data_dir / 'workflows.sqlite3').resolve()}"


def ledger_db_url(settings: Settings) -> str:
    if settings.workflow_db_url:
        return settings.workflow_db_url
    return f"sqlite:///{(settings.data_dir / 'pipeline.sqlite3').resolve()}"


@dataclass
class PrimerPipeline:
    settings: Settings
    crm: CRM
    script_writer: ScriptWriter
    speech: Speech
    enhancer: VoiceEnhancer
    renderer: VideoRenderer
    delivery: VideoDelivery
    outbox: MailOutbox
    ledger: SendLedger
    history: JobHistory
    # Seconds between "is it playable yet?" polls start here and double (capped).
    poll_first_s: float = 0.05
    poll_max_s: float = 15.0
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def work_root(self) -> Path:
        return self.settings.data_dir / "tmp" / "primer"

    def workdir(self, run_id: str) -> Path:
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in run_id)
        return self.work_root / safe

    async def aclose(self) -> None:
        for part in (self.crm, self.outbox):
            closer = getattr(part, "aclose", None)
            if closer is not None:
                await closer()
        self.ledger.dispose()


def build_pipeline(settings: Settings, **overrides: Any) -> PrimerPipeline:
    """Every dependency from its family's factory; `overrides` replace any of them by name."""
    from harde.integrations.crm import make_crm
    from harde.integrations.delivery import make_delivery
    from harde.integrations.mail import make_outbox
    from harde.integrations.speech import make_speech
    from harde.integrations.video import make_enhancer, make_renderer

    settings.ensure_dirs()
    crm = overrides.pop("crm", None) or make_crm(settings)
    ledger = overrides.pop("ledger", None) or SendLedger(ledger_db_url(settings))
    parts: dict[str, Any] = {
        "settings": settings,
        "crm": crm,
        "script_writer": overrides.pop("script_writer", None)
        or KnowledgePrimerWriter(crm, settings),
        "speech": overrides.pop("speech", None) or make_speech(settings),
        "enhancer": overrides.pop("enhancer", None) or make_enhancer(settings),
        "renderer": overrides.pop("renderer", None) or make_renderer(settings),
        "delivery": overrides.pop("delivery", None) or make_delivery(settings),
        "outbox": overrides.pop("outbox", None) or make_outbox(settings),
        "ledger": ledger,
        "history": overrides.pop("history", None)
        or JobHistory(ledger.engine, settings.instance_name),
    }
    parts.update(overrides)
    return PrimerPipeline(**parts)


_current: PrimerPipeline | None = None


def install_pipeline(pipeline: PrimerPipeline | None) -> None:
    global _current
    _current = pipeline


def current_pipeline() -> PrimerPipeline:
    if _current is None:
        raise ConfigurationError(
            "no primer pipeline installed in this process (only the daemon runs workflows)"
        )
    return _current
