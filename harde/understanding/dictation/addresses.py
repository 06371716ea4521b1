"""Street lines, cities, states and ZIP codes in dictation, with street suffixes written out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from harde.intake.geography import STATE_CODE_RE, STATE_NAME_RE, Region, region_for
from harde.intake.values import STREET_RE, tidy_street, word_case

# Streets with no suffix: "Route 9", "Broadway".
STREET_NO_SUFFIX_RE = re.compile(
    r"(?<![\w.@-])(?P<number>\d{1,6}[A-Za-z]?)\s+(?P<name>(?:(?:state\s+|us\s+|u\.s\.\s+)?(?:route|rte|rt|highway|hwy)\.?\s+\d{1,4}[A-Za-z]?)|broadway)\b",
    re.IGNORECASE,
)
ZIP_RE = re.compile(r"(?<![\d-])(\d{5})(?:-\d{4})?(?![\d])")

@dataclass(frozen=True)
class StreetMatch:
    street: str
    unit: str
    start: int
    end: int


_ADDRESS_LABEL = re.compile(r"\b(?:street|address|lives at|located at|house is(?: at)?|property is(?: at)?|home is(?: at)?)\b[\s:,-]*(?:is\b)?[\s:,-]*", re.IGNORECASE)
_ZIP_BEFORE = re.compile(r"\b(?:zip|postal)(?:\s*code)?(?:\s+is)?[\s:#-]*$", re.IGNORECASE)


def find_street(text: str) -> StreetMatch | None:
    """The street line: after an address label when there is one, else the first one said."""
    starts = [m.end() for m in _ADDRESS_LABEL.finditer(text)]
    for start in starts:
        found = _street_from(text, start, anchored=True)
        if found is not None:
            return found
    return _street_from(text, 0, anchored=False)


def _street_from(text: str, pos: int, *, anchored: bool) -> StreetMatch | None:
    for pattern in (STREET_RE, STREET_NO_SUFFIX_RE):
        for m in pattern.finditer(text, pos):
            if anchored and m.start() != pos:
                break
            number = m.group("number")
            if len(number) > 5 and number.isdigit():
                continue
            if _ZIP_BEFORE.search(text[max(0, m.start() - 14) : m.start()]):
                continue
            if pattern is STREET_RE:
                street = tidy_street(number, m.group("name"), m.group("suffix"), m.group("direction") or "")
                unit = (m.group("unit") or "").strip(" ,")
            else:
                street = f"{number} {_tidy_route(m.group('name'))}"
                unit = ""
            return StreetMatch(street, _tidy_unit(unit), m.start(), m.end())
    return None


_ROUTE_WORDS = {"rt": "Route", "rte": "Route", "route": "Route", "hwy": "Highway", "highway": "Highway", "us": "US", "u.s.": "US"}


def _tidy_route(name: str) -> str:
    """"rt. 9" -> "Route 9", "state hwy 28" -> "State Highway 28", "broadway" -> "Broadway"."""
    return " ".join(_ROUTE_WORDS.get(w.lower().rstrip(".") if w.lower() != "u.s." else w.lower(), word_case(w)) for w in name.split())


def _tidy_unit(unit: str) -> str:
    if not unit:
        return ""
    m = re.match(r"(apt|apartment|unit|suite|ste|#|number|no\.)\.?\s*#?\s*(.+)", unit, re.IGNORECASE)
    if not m:
        return unit
    kind = m.group(1).lower()
    label = {"apt": "Apt", "apartment": "Apt", "unit": "Unit", "suite": "Suite", "ste": "Suite"}.get(kind, "#")
    return f"{label} {m.group(2).upper()}" if label != "#" else f"#{m.group(2).upper()}"


@dataclass(frozen=True)
class StateMatch:
    region: Region
    start: int
    end: int


def find_states(text: str, *, loose: bool = False) -> list[StateMatch]:
    """State mentions in order: names ("New York", "Mass"), codes ("NY", "N.Y.", "M A").

    `loose` also accepts a lower-case two-letter code ("ma 02169"), for text that is known
    to be a place.
    """
    found: list[StateMatch] = []
    taken: list[tuple[int, int]] = []
    for m in STATE_NAME_RE.finditer(text):
        region = region_for(m.group(1))
        if region:
            found.append(StateMatch(region, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in STATE_CODE_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        region = region_for(m.group(0).strip())
        if region:
            found.append(StateMatch(region, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    if loose:
        for m in re.finditer(r"(?<![\w'])([A-Za-z][a-z]|[a-z] [a-z])\b\.?(?=[\s,]*(?:\d{5}|$))", text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            region = region_for(m.group(1))
            if region:
                found.append(StateMatch(region, m.start(), m.end()))
    found.sort(key=lambda s: s.start)
    return found


