"""Dates and times as reps say them ("Tuesday at 3pm", "tomorrow morning", "Dec 3 2:30",
"next week") turned into concrete datetimes and ranges, relative to a given "now".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
PARTS_OF_DAY = {
    "morning": 9,
    "noon": 12,
    "midday": 12,
    "lunchtime": 12,
    "afternoon": 14,
    "evening": 17,
}

_WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_PATTERNS = [
    re.compile(r"\b(?P<iso>\d{4}-\d{2}-\d{2})\b"),
    re.compile(r"\b(?P<rel>day after tomorrow|today|tonight|tomorrow)\b", re.I),
    re.compile(
        rf"\b(?P<mon>{_MON})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(?P<y1>\d{{4}}))?",
        re.I,
    ),
    re.compile(
        rf"\b(?P<dm>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MON})\b(?:,?\s*(?P<y2>\d{{4}}))?",
        re.I,
    ),
    re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/(?P<y>\d{2,4}))?\b"),
    # "the 14th", "tues the 1st": that day of this month, or of the next month it is still to come.
    re.compile(rf"\b(?:(?P<wd2>{_WD})\.?,?\s+)?the\s+(?P<nth>\d{{1,2}})(?:st|nd|rd|th)\b", re.I),
    # "monday after next" (the week after next), "thurs next wk" (next week's).
    re.compile(rf"\b(?:(?P<which>next|this|coming)\s+)?(?P<wd>{_WD})\.?\b(?:\s+(?P<later>after next|next (?:week|wk)))?", re.I),
]
_HOUR_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_HOUR = r"\d{1,2}|" + "|".join(_HOUR_WORDS)
_TIME = re.compile(
    # "quarter past 9", "half past two", "quarter to 3"; "3 o'clock", "9 oclock"
    rf"\b(?:at\s+)?(?P<qtr>quarter|half)\s+(?P<rel>past|after|to|til|till)\s+(?P<hq>{_HOUR})\b"
    rf"|\b(?:at\s+)?(?P<hoc>{_HOUR})\s*o\s*'?\s*clock\b"
    rf"|\b(?:at\s+|@\s*)?(?P<h>\d{{1,2}}|{'|'.join(_HOUR_WORDS)})(?::(?P<min>\d{{2}}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<min24>\d{2})\b"
    r"|\b(?:at|around|abt|bout|@)\s+(?P<hbare>\d{1,2})\b(?![:/\d])"
    # "at ten", "around one": an hour in words, where nothing follows it that it counts ("at one point").
    rf"|\b(?:at|around|abt|bout|@)\s+(?P<hword>{'|'.join(_HOUR_WORDS)})(?=\s*$|\s*[,.;!?]|\s+(?:sharp|on|for|with|tomorrow|tmrw|today|tonight|this|next|the|mon|tue|wed|thu|fri|sat|sun|pls|please|put|book|ok)\b)"
    # "eleven thirty", "at ten fifteen": an hour and its minutes in words.
    rf"|\b(?:at\s+|around\s+|@\s*)?(?P<hw>{'|'.join(_HOUR_WORDS)})\s+(?P<mw>thirty|fifteen|forty[- ]five|o'?\s*five|oh five)\b"
    r"|\b(?P<part>morning|noon|midday|lunchtime|afternoon|evening)\b",
    re.I,
)


@dataclass(frozen=True)
class When:
    """A moment named in text: the datetime, whether a time of day was given, and the words used."""

    at: dt.datetime
    has_time: bool
    words: str


def _day(text: str, today: dt.date) -> tuple[dt.date, str] | None:
    for pattern in _DAY_PATTERNS:
        m = pattern.search(text)
        if m is None:
            continue
        g = m.groupdict()
        if g.get("iso"):
            return dt.date.fromisoformat(g["iso"]), m.group(0)
        if g.get("rel"):
            rel = g["rel"].lower()
            offset = {"today": 0, "tonight": 0, "tomorrow": 1, "day after tomorrow": 2}[rel]
            return today + dt.timedelta(days=offset), m.group(0)
        if g.get("nth"):
            found_nth = _next_day_numbered(int(g["nth"]), today, WEEKDAYS.get((g.get("wd2") or "").lower()))
            if found_nth is None:
                continue
            return found_nth, m.group(0)
        if g.get("wd"):
            target = WEEKDAYS[g["wd"].lower()]
            if g.get("later"):
                if g["later"].lower() == "after next":
                    # "tuesday after next": the Tuesday after the coming one.
                    return today + dt.timedelta(days=((target - today.weekday()) % 7 or 7) + 7), m.group(0)
                monday = today - dt.timedelta(days=today.weekday())
                return monday + dt.timedelta(days=7 + target), m.group(0)
            ahead = (target - today.weekday()) % 7
            # "Tuesday" (or "next Tuesday") is the coming one; said on a Tuesday, next week's.
            # The proposal shows the concrete date, so a rep who meant another week says so.
            if ahead == 0:
                ahead = 7
            if (g.get("which") or "").lower() == "next" and today.weekday() < 5 and ahead < 7 and target > today.weekday():
                # "next tuesday" said early in the week means next week's, not this week's.
                ahead += 7
            return today + dt.timedelta(days=ahead), m.group(0)
        month = MONTHS.get((g.get("mon") or g.get("mon2") or "").lower()) or (
            int(g["m"]) if g.get("m") else None
        )
        day = int(g.get("md") or g.get("dm") or g.get("d") or 0)
        year_text = g.get("y1") or g.get("y2") or g.get("y")
        if month and day and 1 <= month <= 12:
            year = int(year_text) if year_text else today.year
            if year < 100:
                year += 2000
            try:
                found = dt.date(year, month, day)
            except ValueError:
                continue
            if not year_text and found < today:
                found = found.replace(
                    year=found.year + 1
                )  # "Jan 5" said in December is next January
            return found, m.group(0)
    return None


def _next_day_numbered(nth: int, today: dt.date, weekday: int | None) -> dt.date | None:
    """The first date from today on that is the `nth` of its month (and that weekday, if one is
    said: "tues the 1st" is the next 1st that is a Tuesday within three months, else the next 1st)."""
    if weekday is not None:
        found = _next_day_numbered(nth, today, None)
        for _ in range(3):
            if found is None or found.weekday() == weekday:
                return found
            found = _next_day_numbered(nth, found + dt.timedelta(days=1), None)
        return _next_day_numbered(nth, today, None)
    year, month = today.year, today.month
    for _ in range(13):
        try:
            day = dt.date(year, month, nth)
        except ValueError:
            day = None
        if day is not None and day >= today and (weekday is None or day.weekday() == weekday):
            return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _time(text: str) -> tuple[dt.time, str] | None:
    # "tomorrow morning 9:30": a clock time said outright beats the part of the day.
    matches = sorted(_TIME.finditer(text), key=lambda m: 1 if m.groupdict().get("part") else 0)
    for m in matches:
        g = m.groupdict()
        if g.get("hq") or g.get("hoc"):
            said = (g.get("hq") or g["hoc"]).lower()
            hour = _HOUR_WORDS.get(said) or int(said)
            if not 1 <= hour <= 12:
                continue
            minute = 0
            if g.get("qtr"):
                minute = 30 if g["qtr"].lower() == "half" else 15
                if g["rel"].lower() in {"to", "til", "till"}:
                    if minute == 30:
                        continue  # "half to 3" is not said
                    hour, minute = (hour - 1) or 12, 45
            # Business hours, as for "at 3": "half past 2" is 2:30 pm, "9 o'clock" is 9 am.
            return dt.time(hour + 12 if hour < 7 else hour, minute), m.group(0)
        if g.get("h"):
            hour, minute = _HOUR_WORDS.get(g["h"].lower()) or int(g["h"]), int(g.get("min") or 0)
            pm = g["ampm"].lower().startswith("p")
            if hour > 12 or minute > 59:
                continue
            hour = (hour % 12) + (12 if pm else 0)
            return dt.time(hour, minute), m.group(0)
        if g.get("h24"):
            hour = int(g["h24"])
            # Business hours again: "tues at 1:30" is 1:30 pm; a 24-hour "01:30" stays as written.
            if 1 <= hour <= 6 and not g["h24"].startswith("0"):
                hour += 12
            return dt.time(hour, int(g["min24"])), m.group(0)
        if g.get("hw"):
            hour = _HOUR_WORDS[g["hw"].lower()]
            said_minutes = g["mw"].lower().replace("-", " ")
            minute = 30 if said_minutes == "thirty" else 15 if said_minutes == "fifteen" else 45 if said_minutes.startswith("forty") else 5
            return dt.time(hour + 12 if hour < 7 else hour, minute), m.group(0)
        if g.get("hbare") or g.get("hword"):
            hour = _HOUR_WORDS.get((g.get("hword") or "").lower()) or int(g.get("hbare") or 0)
            if not 1 <= hour <= 12:
                continue
            # Business hours: "at 3" is 3 pm, "at 9" is 9 am.
            return dt.time(hour + 12 if hour < 7 else hour, 0), m.group(0)
        if g.get("part"):
            return dt.time(PARTS_OF_DAY[g["part"].lower()], 0), m.group(0)
    return None


def parse_when(text: str, now: dt.datetime) -> When | None:
    """The moment named in `text` (a day, a time, or both), or None when it names neither."""
    day = _day(text, now.date())
    time_of_day = _time(text)
    if day is None and time_of_day is None:
        return None
    if day is None:
        assert time_of_day is not None
        candidate = dt.datetime.combine(now.date(), time_of_day[0])
        if candidate <= now:
            candidate += dt.timedelta(days=1)
        return When(candidate, True, time_of_day[1])
    if time_of_day is None:
        return When(dt.datetime.combine(day[0], dt.time(0, 0)), False, day[1])
    words = " ".join(sorted((day[1], time_of_day[1]), key=text.find))
    return When(dt.datetime.combine(day[0], time_of_day[0]), True, words)


_LOOKS_BACK = re.compile(r"\b(?:did|was|were|had|went|last|ago|back on)\b")


def parse_range(
    text: str, now: dt.datetime, default_days: int = 14
) -> tuple[dt.datetime, dt.datetime, str]:
    """A date range named in text ("this week", "tomorrow", "Dec 3"), else the next `default_days`."""
    low = text.lower()
    today = dt.datetime.combine(now.date(), dt.time())
    week_start = today - dt.timedelta(days=today.weekday())
    if "week after next" in low:
        start = week_start + dt.timedelta(days=14)
        return start, start + dt.timedelta(days=7), "the week after next"
    if "weekend" in low:
        saturday = week_start + dt.timedelta(days=5 + (7 if "next weekend" in low else 0))
        return saturday, saturday + dt.timedelta(days=2), "the weekend"
    if re.search(r"\brest of (?:the|this) week\b", low):
        return today, week_start + dt.timedelta(days=7), "the rest of the week"
    m = re.search(r"\bthe (\d{1,2})(?:st|nd|rd|th)\b", low)
    if m and 1 <= int(m.group(1)) <= 31 and not re.search(r"\b(" + _MON + r")\b", low):
        nth = int(m.group(1))
        month_first = today.replace(day=1)
        candidates = []
        for shift in (-1, 0, 1):
            first = (month_first + dt.timedelta(days=32 * shift)).replace(day=1) if shift >= 0 else (month_first - dt.timedelta(days=1)).replace(day=1)
            try:
                candidates.append(first.replace(day=nth))
            except ValueError:
                continue
        # "the 14th" said on the 23rd is next month's, still to come; "what did we have on the
        # 14th" looks back, to the nearest one.
        coming = [d for d in candidates if d >= today]
        if coming and not _LOOKS_BACK.search(low):
            start = min(coming)
        else:
            start = min(candidates, key=lambda d: abs((d - today).days))
        return start, start + dt.timedelta(days=1), m.group(0)
    if "next week" in low:
        start = week_start + dt.timedelta(days=7)
        return start, start + dt.timedelta(days=7), "next week"
    if "this week" in low:
        return today, week_start + dt.timedelta(days=7), "this week"
    if "next month" in low:
        first = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        return first, (first + dt.timedelta(days=32)).replace(day=1), "next month"
    if "this month" in low:
        first = today.replace(day=1)
        return today, (first + dt.timedelta(days=32)).replace(day=1), "this month"
    m = re.search(r"\bnext (\d{1,2}) days\b", low)
    if m:
        return now, now + dt.timedelta(days=int(m.group(1))), f"the next {m.group(1)} days"
    if re.search(r"\b(past|last) (week|7 days)\b", low):
        return today - dt.timedelta(days=7), today, "the past week"
    day = _day(text, now.date())
    if day is not None:
        start = dt.datetime.combine(day[0], dt.time())
        return start, start + dt.timedelta(days=1), day[1]
    return now, now + dt.timedelta(days=default_days), f"the next {default_days} days"
