"""A customer's field values, normalised and checked one by one: the values the intake tool is
given (by the understanding layer offline, by the model with a key), never a message to read.

"(617) 555-0199" and "617.555.0199" are one phone; "12 elm st" is "12 Elm Street"; "Mass" is MA.
Spoken forms ("six one seven", "sarah at gmail dot com") are read by the understanding layer
(harde.understanding.dictation) before a value gets here.
"""

from __future__ import annotations

import re
from typing import Literal

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from harde.intake.geography import Region

TradeName = Literal["ROOFING", "SIDING", "GUTTERS", "WINDOWS"]
TRADES: tuple[TradeName, ...] = ("ROOFING", "SIDING", "GUTTERS", "WINDOWS")
# Leap's trade names, for matching the CRM's own list.
TRADE_LABELS: dict[TradeName, str] = {"ROOFING": "Roofing", "SIDING": "Siding", "GUTTERS": "Gutters", "WINDOWS": "Windows"}
# A trade as a value: its name, singular or plural, in any case.
_TRADE_WORDS: dict[str, TradeName] = {
    "roof": "ROOFING", "roofs": "ROOFING", "roofing": "ROOFING", "siding": "SIDING", "gutter": "GUTTERS",
    "gutters": "GUTTERS", "window": "WINDOWS", "windows": "WINDOWS",
}


def trade_for(raw: str | None) -> TradeName | None:
    """A trade from a value: "ROOFING", "roofing", "Roof", "gutter"."""
    if raw is None or not str(raw).strip():
        return None
    value = str(raw).strip().upper()
    for trade in TRADES:
        if value == trade:
            return trade
    return _TRADE_WORDS.get(re.sub(r"[^a-z]", "", value.lower()))


def smart_case(name: str) -> str:
    """"o'brien" -> "O'Brien", "MCCARTHY" -> "McCarthy", "smith-jones" -> "Smith-Jones"; "DeSouza" kept."""
    name = name.strip().rstrip(".,").replace("\u2019", "'")
    if not name:
        return name
    if not (name.islower() or name.isupper()) and name[0].isupper():
        return name
    out = []
    for word in name.split(" "):
        pieces = re.split(r"([-'])", word.lower())
        cased = []
        for piece in pieces:
            if piece in ("-", "'"):
                cased.append(piece)
            elif piece.startswith("mc") and len(piece) > 2:
                cased.append("Mc" + piece[2].upper() + piece[3:])
            else:
                cased.append(piece[:1].upper() + piece[1:])
        out.append("".join(cased))
    return " ".join(out)


def normalise_phone(raw: str | None) -> tuple[str | None, str | None]:
    """(10 digits, None) or (None, why not) for a US number in any written form."""
    if raw is None or not str(raw).strip():
        return None, None
    digits = re.sub(r"\D", "", str(raw))
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        return None, f"it has {len(digits)} digits; a US number has 10 (area code first)"
    try:
        number = phonenumbers.parse("+1" + digits, None)
    except phonenumbers.NumberParseException:
        return None, "it is not a phone number"
    if not phonenumbers.is_possible_number(number):
        return None, "it is not a possible US number"
    return digits, None


_EMAIL_LITERAL = re.compile(r"(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def normalise_email(raw: str | None) -> tuple[str | None, str | None]:
    """(valid address, None) or (None, why not) for written or spoken input."""
    if raw is None or not raw.strip():
        return None, None
    text = raw.strip()
    literal = _EMAIL_LITERAL.fullmatch(text.replace(" ", ""))
    candidate = literal.group().lower() if literal else None
    if candidate is None:
        return None, "it is not an email address"
    try:
        result = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError as exc:
        return None, str(exc)
    return result.normalized.lower(), None


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

# "State Street" is a street (Boston's, Springfield's): "state" is a label elsewhere.
_NAME_WORD = (
    r"(?!(?:and|in|at|on|the|zip|city|cell|phone|email|apt|unit)\b)(?!state\b(?![ \t]+(?:street|st|road|rd|avenue|ave)\b))"
    r"[A-Za-z0-9][A-Za-z0-9'.-]*"
)

STREET_RE = re.compile(
    r"(?<![\w.@-])(?P<number>\d{1,6}[A-Za-z]?(?:-\d{1,5})?)[ \t]+(?P<name>(?:" + _NAME_WORD + r"[ \t]+){1,4}?)"
    r"(?P<suffix>" + _SUFFIX_ALT + r")\b(?![ \t]+(?:" + _PRIMARY_SUFFIXES + r")\b)\.?"
    # A direction after the type ("Main Street North") only when the locality is set apart by a
    # mark: "Farmington Avenue West Hartford" is a street in West Hartford.
    r"(?P<direction>[ \t]+(?:north|south|east|west|N|S|E|W)\b\.?(?=[ \t]*(?:[,;:\n|]|$|(?:" + _UNIT_WORDS + r"))))?"
    r"(?P<unit>,?[ \t]*(?:apt|apartment|unit|suite|ste|#|number|no\.)\.?\s*#?\s*[A-Za-z0-9-]{1,6}\b)?",
    re.IGNORECASE,
)

CA_POSTAL_RE = re.compile(r"\b([A-Za-z]\d[A-Za-z])\s?(\d[A-Za-z]\d)\b")

_DIRECTIONS = {"n": "N", "s": "S", "e": "E", "w": "W", "north": "North", "south": "South", "east": "East", "west": "West"}


def word_case(word: str) -> str:
    if word.isupper() and len(word) <= 3 and word.lower() in _DIRECTIONS:
        return word
    if word.islower() or word.isupper():
        if re.fullmatch(r"\d+(st|nd|rd|th)", word, re.IGNORECASE):
            return word.lower()
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
    return word


def tidy_street(number: str, name: str, suffix: str, direction: str = "") -> str:
    words = [word_case(w) for w in name.split()]
    if words and words[0].lower().rstrip(".") == "st" and len(words) > 1:
        words[0] = "St."  # Saint, as in "12 St. James Avenue"
    suffix_word = SUFFIXES.get(suffix.lower().rstrip("."), word_case(suffix)) if suffix else ""
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
    return " ".join(word_case(w) for w in words)


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
    return " ".join(word_case(w) for w in words)
