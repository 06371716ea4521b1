"""Street lines, cities, states and ZIP codes in dictation, with street suffixes written out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from harde.intake.geography import STATE_CODE_RE, STATE_NAME_RE, Region, region_for

# Suffix as said or abbreviated -> as written in the CRM.
SUFFIXES = {
    "street": "Street", "st": "Street", "str": "Street", "avenue": "Avenue", "ave": "Avenue", "av": "Avenue",
    "road": "Road", "rd": "Road", "lane": "Lane", "ln": "Lane", "drive": "Drive", "dr": "Drive",
    "court": "Court", "ct": "Court", "circle": "Circle", "cir": "Circle", "boulevard": "Boulevard",
    "blvd": "Boulevard", "place": "Place", "pl": "Place", "terrace": "Terrace", "ter": "Terrace",
    "terr": "Terrace", "way": "Way", "parkway": "Parkway", "pkwy": "Parkway", "highway": "Highway",
    "hwy": "Highway", "square": "Square", "sq": "Square", "trail": "Trail", "trl": "Trail", "path": "Path",
    "row": "Row", "alley": "Alley", "loop": "Loop", "crossing": "Crossing", "xing": "Crossing",
    "pike": "Pike", "turnpike": "Turnpike", "tpke": "Turnpike", "heights": "Heights", "hts": "Heights",
    "ridge": "Ridge", "run": "Run", "walk": "Walk", "commons": "Commons", "green": "Green",
    "landing": "Landing", "extension": "Extension", "ext": "Extension", "hill": "Hill", "point": "Point",
    "pt": "Point", "cove": "Cove", "close": "Close", "park": "Park", "plaza": "Plaza", "causeway": "Causeway",
    "wharf": "Wharf", "mall": "Mall", "grove": "Grove", "glen": "Glen", "meadow": "Meadow",
    "meadows": "Meadows", "brook": "Brook", "farm": "Farm", "hollow": "Hollow", "bend": "Bend",
}
_SUFFIX_ALT = "|".join(sorted(SUFFIXES, key=len, reverse=True))
# Street types that end a street name, so "Pine Hill Road" is not cut at "Hill" (also a type).
_PRIMARY_SUFFIXES = (
    "street|avenue|ave|road|rd|lane|ln|drive|dr|court|ct|circle|cir|boulevard|blvd|place|terrace|way|"
    "parkway|pkwy|highway|hwy|trail|turnpike"
)
_UNIT_WORDS = r"apt|apartment|unit|suite|ste|#|number|no\."
_NAME_WORD = r"(?!(?:and|in|at|on|the|zip|city|state|cell|phone|email|apt|unit)\b)[A-Za-z0-9][A-Za-z0-9'.-]*"
STREET_RE = re.compile(
    r"(?<![\w.@-])(?P<number>\d{1,6}[A-Za-z]?(?:-\d{1,5})?)[ \t]+(?P<name>(?:" + _NAME_WORD + r"[ \t]+){1,4}?)"
    r"(?P<suffix>" + _SUFFIX_ALT + r")\b(?![ \t]+(?:" + _PRIMARY_SUFFIXES + r")\b)\.?"
    # A direction after the type ("Main Street North") only when the locality is set apart by a
    # mark: "Farmington Avenue West Hartford" is a street in West Hartford.
    r"(?P<direction>[ \t]+(?:north|south|east|west|N|S|E|W)\b\.?(?=[ \t]*(?:[,;:\n|]|$|(?:" + _UNIT_WORDS + r"))))?"
    r"(?P<unit>,?[ \t]*(?:apt|apartment|unit|suite|ste|#|number|no\.)\.?\s*#?\s*[A-Za-z0-9-]{1,6}\b)?",
    re.IGNORECASE,
)
# Streets with no suffix: "Route 9", "Broadway".
STREET_NO_SUFFIX_RE = re.compile(
    r"(?<![\w.@-])(?P<number>\d{1,6}[A-Za-z]?)\s+(?P<name>(?:(?:state\s+|us\s+|u\.s\.\s+)?(?:route|rte|rt|highway|hwy)\.?\s+\d{1,4}[A-Za-z]?)|broadway)\b",
    re.IGNORECASE,
)
ZIP_RE = re.compile(r"(?<![\d-])(\d{5})(?:-\d{4})?(?![\d])")
CA_POSTAL_RE = re.compile(r"\b([A-Za-z]\d[A-Za-z])\s?(\d[A-Za-z]\d)\b")
_DIRECTIONS = {"n": "N", "s": "S", "e": "E", "w": "W", "north": "North", "south": "South", "east": "East", "west": "West"}


@dataclass(frozen=True)
class StreetMatch:
    street: str
    unit: str
    start: int
    end: int


def _word_case(word: str) -> str:
    if word.isupper() and len(word) <= 3 and word.lower() in _DIRECTIONS:
        return word
    if word.islower() or word.isupper():
        if re.fullmatch(r"\d+(st|nd|rd|th)", word, re.IGNORECASE):
            return word.lower()
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
    return word


def tidy_street(number: str, name: str, suffix: str, direction: str = "") -> str:
    words = [_word_case(w) for w in name.split()]
    if words and words[0].lower().rstrip(".") == "st" and len(words) > 1:
        words[0] = "St."  # Saint, as in "12 St. James Avenue"
    suffix_word = SUFFIXES.get(suffix.lower().rstrip("."), _word_case(suffix)) if suffix else ""
    parts = [number.upper(), *words]
    if suffix_word:
        parts.append(suffix_word)
    if direction.strip():
        parts.append(_DIRECTIONS.get(direction.strip().lower(), direction.strip()))
    return " ".join(parts)


def normalise_street(raw: str | None) -> str | None:
    """"12 elm st" -> "12 Elm Street"; a street without a number is kept as said."""
    if raw is None or not raw.strip():
        return None
    text = raw.strip().rstrip(",.")
    m = STREET_RE.match(text)
    if m and m.end() >= len(text.rstrip(". ")) - 1:
        return tidy_street(m.group("number"), m.group("name"), m.group("suffix"), m.group("direction") or "")
    words = text.split()
    if len(words) >= 2 and words[-1].lower().rstrip(".") in SUFFIXES:
        first = words[0] if words[0][0].isdigit() else ""
        name = " ".join(words[1:-1] if first else words[:-1])
        return tidy_street(first, name, words[-1]).strip()
    return " ".join(_word_case(w) for w in words)


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
    return " ".join(_ROUTE_WORDS.get(w.lower().rstrip(".") if w.lower() != "u.s." else w.lower(), _word_case(w)) for w in name.split())


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


def normalise_zip(raw: str | None, region: Region | None = None) -> tuple[str | None, str | None]:
    """(ZIP, None) or (None, why not). ZIP+4 keeps its first five digits; Canada keeps "A1A 1A1"."""
    if raw is None or not str(raw).strip():
        return None, None
    text = str(raw).strip()
    if region is not None and region.country_id == 4:
        m = CA_POSTAL_RE.search(text)
        if m:
            return f"{m.group(1)} {m.group(2)}".upper(), None
    digits = re.sub(r"\D", "", text)
    if not digits:
        from harde.intake.spoken import clean_speech

        digits = re.sub(r"\D", "", clean_speech(text))
    if len(digits) == 9:
        digits = digits[:5]
    if len(digits) != 5:
        return None, f"a ZIP code has 5 digits; this has {len(digits)}"
    return digits, None


def tidy_city(raw: str | None) -> str | None:
    if raw is None:
        return None
    words = [w for w in re.split(r"\s+", raw.strip(" ,.;:-")) if w]
    if not words:
        return None
    return " ".join(_word_case(w) for w in words)
