"""Planned appointment changes: a shift by so much keeps the appointment's length."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from harde.crm import changes
from harde.crm.changes import ProposedChange
from tests.crm.leap_backends import seeded_local_crm

NOW = dt.datetime(2026, 11, 23, 9, 0)


async def test_an_appointment_moved_by_a_day_or_an_hour_earlier(tmp_path: Path) -> None:
    crm = seeded_local_crm(tmp_path, "shift.sqlite3")
    upcoming = [a for a in await crm.list_appointments(job_id=1067) if a.starts and a.starts >= NOW and not a.is_completed]
    assert len(upcoming) == 1
    start = upcoming[0].starts
    assert start is not None
    later = await changes.plan_update_appointment(crm, now=NOW, job_id=1067, shift_minutes=1440)
    assert isinstance(later, ProposedChange)
    moved = dt.datetime.fromisoformat(later.payload["changes"]["start_date_time"]).replace(tzinfo=None)
    assert moved == start + dt.timedelta(days=1)
    earlier = await changes.plan_update_appointment(crm, now=NOW, job_id=1067, shift_minutes=-60)
    assert isinstance(earlier, ProposedChange)
    assert dt.datetime.fromisoformat(earlier.payload["changes"]["start_date_time"]).replace(tzinfo=None) == start - dt.timedelta(hours=1)
