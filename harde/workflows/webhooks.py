"""Leap webhooks as a primer trigger: reading a delivery, choosing each event's action, and the
durable event table between the receiver and the daemon.

Leap POSTs a JSON list of up to 100 `{action, operation, id, details, stage_moved_from,
stage_moved_to}` events, retries a failed one after 3 h and 24 h, and counts 10 s without an
answer as a failure. The receiver (`harde.workflows.webhook_app`) therefore only checks, maps
and stores: one transaction for the whole delivery, keyed by (event id, stage moved to, time),
so a retried or duplicated event is one row. The daemon drains the table into the workflow
queue (`WebhookPump`), with a workflow id from the same key, so a row handed over twice is
still one run.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import logging
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy.exc import IntegrityError

from harde.config import Settings

log = logging.getLogger("harde.pipeline")

MAX_EVENTS = 100
Action = Literal["primer", "none"]
ACTIONS: tuple[str, ...] = ("primer", "none")

# When the event happened, from the fields a Leap job or customer carries; the first present wins.
_TIME_FIELDS = ("stage_changed_at", "stage_changed_date", "updated_at", "created_at")


class WebhookPayloadError(ValueError):
    """The delivery is not a list of Leap webhook events."""


class StageRef(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str = ""
    code: str = ""

    @field_validator("name", "code", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        return "" if value is None else str(value) if isinstance(value, int) else value


class LeapEvent(BaseModel):
    """One event of a delivery. Unknown fields are kept out; `details` is the record as sent."""

    model_config = ConfigDict(extra="ignore")

    action: str = Field(max_length=200)
    operation: str = Field("", max_length=200)
    id: int
    details: dict[str, Any] = Field(default_factory=dict)
    stage_moved_from: StageRef | None = None
    stage_moved_to: StageRef | None = None

    @property
    def is_stage_change(self) -> bool:
        return self.stage_moved_to is not None and bool(
            self.stage_moved_to.code or self.stage_moved_to.name
        )

    @property
    def happened_at(self) -> str:
        for name in _TIME_FIELDS:
            value = self.details.get(name)
            if value:
                return str(value)[:40]
        return ""

    @property
    def key(self) -> str:
        """What makes two deliveries the same event: Leap's id, the stage it moved to, and when."""
        to = self.stage_moved_to.code or self.stage_moved_to.name if self.stage_moved_to else ""
        return f"{self.action.casefold()}|{self.id}|{to}|{self.happened_at}"


def parse_delivery(body: bytes) -> list[LeapEvent]:
    """The events of one POST body; raises WebhookPayloadError for anything else."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise WebhookPayloadError("the body is not JSON") from exc
    if isinstance(data, dict):  # a single event sent on its own
        data = [data]
    if not isinstance(data, list) or not data:
        raise WebhookPayloadError("the body is not a list of events")
    if len(data) > MAX_EVENTS:
        raise WebhookPayloadError(f"more than {MAX_EVENTS} events in one delivery")
    try:
        return [LeapEvent.model_validate(item) for item in data]
    except ValidationError as exc:
        raise WebhookPayloadError(f"an event is malformed ({exc.error_count()} problems)") from exc


@dataclass(frozen=True)
class StageActions:
    """Which stage (by code or name, either case) starts which action; parsed from
    `HARDE_WEBHOOK_STAGE_ACTIONS`, e.g. "Appointment Scheduled=primer,1002=primer"."""

    rules: dict[str, Action]

    @classmethod
    def parse(cls, text: str) -> StageActions:
        rules: dict[str, Action] = {}
        for pair in text.split(","):
            stage, sep, action = pair.partition("=")
            if not pair.strip():
                continue
            action = action.strip().casefold()
            if not sep or not stage.strip() or action not in ACTIONS:
                raise ValueError(
                    f"HARDE_WEBHOOK_STAGE_ACTIONS: {pair.strip()!r} is not STAGE=primer or STAGE=none"
                )
            rules[" ".join(stage.split()).casefold()] = action  # type: ignore[assignment]
        return cls(rules)

    def action_for(self, stage: StageRef | None) -> Action | None:
        if stage is None:
            return None
        for said in (stage.code, stage.name):
            found = self.rules.get(" ".join(said.split()).casefold()) if said else None
            if found is not None:
                return found
        return None


def workflow_id_for_event(key: str, *, instance: str) -> str:
    """The same event always maps to the same workflow of an instance."""
    return "primer-hook-" + hashlib.sha256(f"{instance}/{key}".encode()).hexdigest()[:24]


# --- the durable table between the receiver and the daemon ---------------------------------------

_metadata = sa.MetaData()
webhook_events = sa.Table(
    "harde_webhook_events",
    _metadata,
    sa.Column("instance", sa.String(120), primary_key=True),
    sa.Column("event_key", sa.String(400), primary_key=True),
    sa.Column("job_id", sa.Integer, nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("stage_code", sa.String(100), nullable=False),
    sa.Column("stage_name", sa.String(200), nullable=False),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("deliveries", sa.Integer, nullable=False),
    sa.Column("workflow_id", sa.String(200), nullable=True),  # set once the daemon queued it
)


@dataclass(frozen=True)
class StoredEvent:
    event_key: str
    job_id: int
    action: str
    stage_code: str
    stage_name: str


@dataclass(frozen=True)
class Accepted:
    new: int
    duplicates: int


class WebhookEventStore:
    """The events table, on the send ledger's database (SQLite or Postgres)."""

    def __init__(self, url: str, instance: str) -> None:
        kwargs: dict[str, object] = {"pool_pre_ping": True}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": 30}
        self.engine = sa.create_engine(url, **kwargs)
        self.instance = instance
        _metadata.create_all(self.engine)

    @classmethod
    def for_settings(cls, settings: Settings) -> WebhookEventStore:
        from harde.workflows.pipeline import ledger_db_url

        settings.ensure_dirs()
        return cls(ledger_db_url(settings), settings.instance_name)

    def dispose(self) -> None:
        self.engine.dispose()

    def accept(self, events: list[tuple[LeapEvent, Action]]) -> Accepted:
        """Store the events in one transaction; one already stored counts as a duplicate."""
        now = dt.datetime.now(dt.UTC)
        new = duplicates = 0
        with self.engine.begin() as conn:
            for event, action in events:
                stage = event.stage_moved_to or StageRef()
                where = sa.and_(
                    webhook_events.c.instance == self.instance,
                    webhook_events.c.event_key == event.key,
                )
                seen = conn.execute(
                    webhook_events.update()
                    .where(where)
                    .values(deliveries=webhook_events.c.deliveries + 1)
                ).rowcount
                if seen:
                    duplicates += 1
                    continue
                row = {
                    "instance": self.instance, "event_key": event.key, "job_id": event.id,
                    "action": action, "stage_code": stage.code[:100], "stage_name": stage.name[:200],
                    "received_at": now, "deliveries": 1, "workflow_id": None,
                }  # fmt: skip
                conn.execute(webhook_events.insert().values(**row))
                new += 1
        return Accepted(new, duplicates)

    def pending(self, limit: int = 200) -> list[StoredEvent]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(webhook_events)
                .where(webhook_events.c.instance == self.instance)
                .where(webhook_events.c.workflow_id.is_(None))
                .order_by(webhook_events.c.received_at)
                .limit(limit)
            ).all()
        return [
            StoredEvent(r.event_key, r.job_id, r.action, r.stage_code, r.stage_name) for r in rows
        ]

    def mark_queued(self, event_key: str, workflow_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                webhook_events.update()
                .where(webhook_events.c.instance == self.instance)
                .where(webhook_events.c.event_key == event_key)
                .values(workflow_id=workflow_id)
            )

    def deliveries(self, event_key: str) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(
                sa.select(webhook_events.c.deliveries)
                .where(webhook_events.c.instance == self.instance)
                .where(webhook_events.c.event_key == event_key)
            ).scalar()
        return int(value or 0)


def _is_race(exc: IntegrityError) -> bool:
    return "unique" in str(exc).lower() or "duplicate" in str(exc).lower()


def accept_with_retry(store: WebhookEventStore, events: list[tuple[LeapEvent, Action]]) -> Accepted:
    """`accept`, once more if two deliveries of one event raced to insert it."""
    try:
        return store.accept(events)
    except IntegrityError as exc:
        if not _is_race(exc):
            raise
        return store.accept(events)


# --- the daemon's side ---------------------------------------------------------------------------


class WebhookPump:
    """Moves stored events onto the primer queue: one workflow per event, its id from the event."""

    def __init__(self, settings: Settings, store: WebhookEventStore) -> None:
        self.settings = settings
        self.store = store

    async def pump_once(self) -> int:
        """Queue every stored event not queued yet; returns how many were handed over."""
        from harde.workflows.runtime import enqueue_primer, request_for_job

        pending = await asyncio.to_thread(self.store.pending)
        queued = 0
        for event in pending:
            workflow_id = workflow_id_for_event(
                event.event_key, instance=self.settings.instance_name
            )
            if event.action == "primer":
                request = request_for_job(event.job_id, key=workflow_id, source="webhook")
                request["stage"] = {"code": event.stage_code, "name": event.stage_name}
                await enqueue_primer(self.settings, request, workflow_id)
                log.info("run=%s queued from a Leap stage change", workflow_id[-12:])
                queued += 1
            # Marked after DBOS holds the run: a crash in between queues the same id again.
            await asyncio.to_thread(self.store.mark_queued, event.event_key, workflow_id)
        return queued
