"""Dates and times as a rep reads them ("Tue 24 Nov 2026, 3:00 pm"), and the company's clock."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def describe(at: dt.datetime, *, with_time: bool = True) -> str:
    """ "Tue 24 Nov 2026, 3:00 pm"."""
    text = f"{at:%a} {at.day} {at:%b %Y}"
    if with_time:
        text += ", " + describe_time(at.time())
    return text


def describe_time(t: dt.time) -> str:
    hour = t.hour % 12 or 12
    return f"{hour}:{t.minute:02d} {'am' if t.hour < 12 else 'pm'}"


def company_now(timezone: str, fixed: str = "") -> dt.datetime:
    """The company's wall-clock time now, naive (as the CRM stores appointment times), to the minute.

    `fixed` (the `HARDE_NOW` setting, ISO) pins the clock for demos and evaluations."""
    if fixed:
        return dt.datetime.fromisoformat(fixed).replace(tzinfo=None, second=0, microsecond=0)
    try:
        zone: dt.tzinfo | None = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = None  # an unknown zone name falls back to the server's clock
    return dt.datetime.now(zone).replace(tzinfo=None, second=0, microsecond=0)
