"""Which job got a primer video, from which run, and when its homeowner was emailed: what keeps
it to one video per job in a window.

One row per (instance, job). A run takes the row before it makes anything; the row names the
run's key (the trigger it came from), so a retry of the same run keeps it. Taking is a
compare-and-swap on the row as it was read, so two runs racing for one job cannot both win.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

_metadata = sa.MetaData()
primer_jobs = sa.Table(
    "harde_primer_jobs",
    _metadata,
    sa.Column("instance", sa.String(120), primary_key=True),
    sa.Column("job_id", sa.Integer, primary_key=True),
    sa.Column("owner", sa.String(300), nullable=False),  # the run's key: its trigger
    sa.Column("run_id", sa.String(200), nullable=False),
    sa.Column("state", sa.String(20), nullable=False),  # making | sent
    sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),  # last homeowner email
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)  # SQLite drops the zone


@dataclass(frozen=True)
class JobRecord:
    owner: str
    run_id: str
    state: str
    sent_at: dt.datetime | None
    updated_at: dt.datetime


class JobHistory:
    """The table above, on the send ledger's database (SQLite or Postgres)."""

    def __init__(self, engine: sa.Engine, instance: str) -> None:
        self.engine = engine
        self.instance = instance
        _metadata.create_all(engine)

    def _where(self, job_id: int) -> sa.ColumnElement[bool]:
        return sa.and_(primer_jobs.c.instance == self.instance, primer_jobs.c.job_id == job_id)

    def get(self, job_id: int) -> JobRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(primer_jobs).where(self._where(job_id))).first()
        if row is None:
            return None
        return JobRecord(
            row.owner,
            row.run_id,
            row.state,
            _utc(row.sent_at),
            _utc(row.updated_at) or dt.datetime.now(dt.UTC),
        )

    def take(self, job_id: int, *, owner: str, run_id: str, seen: JobRecord | None) -> bool:
        """Make `owner` the job's current run, if the row is still as `seen`; False if it moved."""
        now = dt.datetime.now(dt.UTC)
        with self.engine.begin() as conn:
            if seen is None:
                try:
                    with conn.begin_nested():
                        conn.execute(
                            primer_jobs.insert().values(
                                instance=self.instance, job_id=job_id, owner=owner, run_id=run_id,
                                state="making", sent_at=None, updated_at=now,
                            )
                        )  # fmt: skip
                except IntegrityError:
                    return False  # another run inserted it first
                return True
            changed = conn.execute(
                primer_jobs.update()
                .where(
                    self._where(job_id),
                    primer_jobs.c.owner == seen.owner,
                    primer_jobs.c.run_id == seen.run_id,
                    primer_jobs.c.state == seen.state,
                )
                # The same owner is a retry of the same run: it keeps what the run already did.
                .values(
                    owner=owner,
                    run_id=run_id,
                    state=seen.state if seen.owner == owner else "making",
                    updated_at=now,
                )
            ).rowcount
        return bool(changed)

    def mark_sent(self, job_id: int, *, owner: str) -> None:
        now = dt.datetime.now(dt.UTC)
        with self.engine.begin() as conn:
            conn.execute(
                primer_jobs.update()
                # Once: a step that runs again after a crash keeps the first date.
                .where(
                    self._where(job_id),
                    primer_jobs.c.owner == owner,
                    primer_jobs.c.state == "making",
                )
                .values(state="sent", sent_at=now, updated_at=now)
            )
