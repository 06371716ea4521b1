"""US states and Canadian provinces with Leap's ids, and how people say them.

Leap numbers US states alphabetically by name (1-50), Washington D.C. 51, and Canadian
provinces 53-65. Massachusetts is 21 and Missouri 25: the two must never be confused.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    leap_id: int
    country_id: int = 1


_US = [
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"),
    ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"),
    ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"),
    ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"),
    ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"),
    ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"),
    ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"),
    ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"),
    ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"),
    ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"), ("WV", "West Virginia"),
    ("WI", "Wisconsin"), ("WY", "Wyoming"),
]
_CA = [
    ("AB", "Alberta"), ("BC", "British Columbia"), ("MB", "Manitoba"), ("NB", "New Brunswick"),
    ("NL", "Newfoundland and Labrador"), ("NT", "Northwest Territories"), ("NS", "Nova Scotia"),
    ("NU", "Nunavut"), ("ON", "Ontario"), ("PE", "Prince Edward Island"), ("QC", "Quebec"),
    ("SK", "Saskatchewan"), ("YT", "Yukon"),
]

REGIONS: dict[str, Region] = {}
for _i, (_code, _name) in enumerate(_US, start=1):
    REGIONS[_code] = Region(_code, _name, _i)
REGIONS["DC"] = Region("DC", "District of Columbia", 51)
for _i, (_code, _name) in enumerate(_CA, start=53):
    REGIONS[_code] = Region(_code, _name, _i, country_id=4)

# Spoken and written names beyond the official one, lower case, mapped to the code.
_ALIASES: dict[str, str] = {r.name.lower(): r.code for r in REGIONS.values()}
_ALIASES.update({
    "mass": "MA", "mass.": "MA", "massachusets": "MA", "massachussetts": "MA",
    "conn": "CT", "conn.": "CT", "penn": "PA", "penna": "PA", "penn.": "PA", "penna.": "PA",
    "calif": "CA", "calif.": "CA", "cali": "CA", "fla": "FL", "fla.": "FL", "ariz": "AZ",
    "ariz.": "AZ", "colo": "CO", "colo.": "CO", "minn": "MN", "minn.": "MN", "mich": "MI",
    "mich.": "MI", "wisc": "WI", "wis.": "WI", "tenn": "TN", "tenn.": "TN", "okla": "OK",
    "okla.": "OK", "wash.": "WA", "washington state": "WA", "ill.": "IL", "ind.": "IN",
    "vt.": "VT", "va.": "VA", "ga.": "GA", "md.": "MD", "mo.": "MO", "me.": "ME",
    "n.h.": "NH", "n.j.": "NJ", "n.y.": "NY", "r.i.": "RI", "n.c.": "NC", "s.c.": "SC",
    "d.c.": "DC", "washington dc": "DC", "washington d.c.": "DC", "wdc": "DC",
    "newfoundland": "NL", "pei": "PE", "québec": "QC", "yukon territory": "YT",
})

_NAME_ALTERNATIVES = sorted(
    (alias for alias in _ALIASES if len(alias) > 2 and alias not in ("me.", "mo.", "va.", "ga.", "md.", "vt.")),
    key=len,
    reverse=True,
)
# Full names and long abbreviations, matched case-insensitively on word boundaries.
STATE_NAME_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in _NAME_ALTERNATIVES) + r")(?![\w])",
    re.IGNORECASE,
)
# Two-letter codes: upper case ("MA"), dotted ("M.A.", "Mo."), or spoken letters ("M A").
STATE_CODE_RE = re.compile(r"(?<![\w.'])([A-Z])\.?\s?([A-Z])\b\.?|(?<![\w.])(Me|Mo|Va|Ga|Md|Vt|Pa|Ct|Ma|Nh|Ny|Nj|Ri)\.(?!\w)")


def region_for(text: str | None) -> Region | None:
    """The region a name, code or abbreviation stands for ("Mass", "m a", "N.H.", "21" no)."""
    if not text:
        return None
    raw = text.strip().rstrip(",;:")
    key = re.sub(r"\s+", " ", raw.lower())
    if key in _ALIASES:
        return REGIONS[_ALIASES[key]]
    letters = re.sub(r"[\s.]", "", key).upper()
    if len(letters) == 2 and letters in REGIONS:
        return REGIONS[letters]
    if key.rstrip(".") in _ALIASES:
        return REGIONS[_ALIASES[key.rstrip(".")]]
    return None


def region_by_id(leap_id: int) -> Region | None:
    for region in REGIONS.values():
        if region.leap_id == leap_id:
            return region
    return None


# First three digits of a ZIP code -> state, for filling a state nobody said.
_ZIP3: list[tuple[int, int, str]] = [
    (5, 5, "NY"), (10, 27, "MA"), (28, 29, "RI"), (30, 38, "NH"), (39, 49, "ME"), (50, 54, "VT"),
    (55, 55, "MA"), (56, 59, "VT"), (60, 69, "CT"), (70, 89, "NJ"), (100, 149, "NY"),
    (150, 196, "PA"), (197, 199, "DE"), (200, 205, "DC"), (206, 219, "MD"), (220, 246, "VA"),
    (247, 268, "WV"), (270, 289, "NC"), (290, 299, "SC"), (300, 319, "GA"), (320, 349, "FL"),
    (350, 369, "AL"), (370, 385, "TN"), (386, 397, "MS"), (398, 399, "GA"), (400, 427, "KY"),
    (430, 459, "OH"), (460, 479, "IN"), (480, 499, "MI"), (500, 528, "IA"), (530, 549, "WI"),
    (550, 567, "MN"), (570, 577, "SD"), (580, 588, "ND"), (590, 599, "MT"), (600, 629, "IL"),
    (630, 658, "MO"), (660, 679, "KS"), (680, 693, "NE"), (700, 714, "LA"), (716, 729, "AR"),
    (730, 749, "OK"), (750, 799, "TX"), (800, 816, "CO"), (820, 831, "WY"), (832, 838, "ID"),
    (840, 847, "UT"), (850, 865, "AZ"), (870, 884, "NM"), (885, 885, "TX"), (889, 898, "NV"),
    (900, 961, "CA"), (967, 968, "HI"), (970, 979, "OR"), (980, 994, "WA"), (995, 999, "AK"),
]


def region_for_zip(zip_code: str) -> Region | None:
    if not re.fullmatch(r"\d{5}", zip_code or ""):
        return None
    prefix = int(zip_code[:3])
    for low, high, code in _ZIP3:
        if low <= prefix <= high:
            return REGIONS[code]
    return None


# --- towns ------------------------------------------------------------------------------------
# US places from the `zipcodes` package (USPS city names per ZIP code, shipped in the wheel).
_TOWNS_LOCK = threading.Lock()


def service_area() -> tuple[str, ...]:
    """The company's states, home state first (setting `HARDE_SERVICE_AREA`)."""
    from harde.config import get_settings

    codes = [c.strip().upper() for c in get_settings().service_area.split(",") if c.strip()]
    return tuple(c for c in codes if c in REGIONS)


@lru_cache(maxsize=4)
def _towns(area: tuple[str, ...]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Lower-case town name -> (the name as the USPS writes it, the states of `area` it is in, in
    `area`'s order). Neighbourhood names the USPS accepts for a ZIP count too ("North Natick").

    Reading the package's table takes seconds, so the service area's part is kept under
    data_dir/cache and read from there by every later process."""
    import json
    from importlib.metadata import version

    from harde.config import get_settings

    cache = get_settings().data_dir / "cache" / f"towns-{'-'.join(area)}-zipcodes-{version('zipcodes')}.json"
    try:
        table = json.loads(cache.read_text(encoding="utf-8"))
        return {key: (spelled, tuple(states)) for key, (spelled, states) in table.items()}
    except (OSError, ValueError):
        pass
    with _TOWNS_LOCK:
        import zipcodes

        rows = [z for z in zipcodes.list_all() if z.get("state") in area]
    found: dict[str, tuple[str, set[str]]] = {}
    for row in rows:
        for name in (row["city"], *row.get("acceptable_cities", [])):
            spelled = " ".join(w.capitalize() for w in name.split())
            entry = found.setdefault(name.lower(), (spelled, set()))
            entry[1].add(row["state"])
    towns = {key: (spelled, tuple(c for c in area if c in states)) for key, (spelled, states) in found.items()}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(towns, sort_keys=True), encoding="utf-8")
        os.replace(partial, cache)
    except OSError:
        pass  # a read-only data folder: the next process reads the package again
    return towns


@dataclass(frozen=True)
class Town:
    name: str
    region: Region  # the home state's when the town is in several states of the service area
    words: int  # how many words of the text it took


def town_at_start(text: str, area: tuple[str, ...] | None = None) -> Town | None:
    """The longest known town the text starts with (one to three words, any case): "natick ma",
    "north andover, mass". None when the first words name no town of the service area."""
    area = area if area is not None else service_area()
    if not area:
        return None
    towns = _towns(area)
    words = re.findall(r"[A-Za-z][A-Za-z.'-]*", text[:60])
    spans = list(re.finditer(r"[A-Za-z][A-Za-z.'-]*", text[:60]))
    if not spans or text[: spans[0].start()].strip(" ,"):
        return None
    for n in (3, 2, 1):
        if len(words) < n or any(text[spans[i].end() : spans[i + 1].start()].strip(" ") for i in range(n - 1)):
            continue
        key = " ".join(w.lower().rstrip(".") for w in words[:n])
        if key in towns:
            spelled, states = towns[key]
            return Town(spelled, REGIONS[states[0]], n)
    return None


def town_region(name: str, area: tuple[str, ...] | None = None) -> Region | None:
    """The state of a town named in full, in the service area (home state first)."""
    area = area if area is not None else service_area()
    hit = _towns(area).get(" ".join(name.lower().split())) if area else None
    return REGIONS[hit[1][0]] if hit else None


# --- ZIP codes and their towns ----------------------------------------------------------------
@lru_cache(maxsize=4)
def _zip_towns(area: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """ZIP code -> the town names the USPS accepts for it (its own first), for the active ZIPs of
    `area`."""
    import zipcodes

    with _TOWNS_LOCK:
        rows = [z for z in zipcodes.list_all() if z.get("state") in area and z.get("active", True)]
    return {
        row["zip_code"]: tuple(" ".join(w.capitalize() for w in name.split()) for name in (row["city"], *row.get("acceptable_cities", [])))
        for row in rows
    }


def towns_for_zip(zip_code: str, area: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The towns a ZIP of the service area is for ("02189" -> East Weymouth, Weymouth); () when
    it is not one."""
    area = area if area is not None else service_area()
    return _zip_towns(area).get(zip_code, ()) if area else ()


def zips_one_digit_short(digits: str, area: tuple[str, ...] | None = None) -> list[str]:
    """The service area's ZIPs that `digits` (four of them) is with one digit left out: a
    recogniser drops one of five digits said one by one ("oh two one four eight" -> "0248")."""
    area = area if area is not None else service_area()
    if not area or not re.fullmatch(r"\d{4}", digits):
        return []
    table = _zip_towns(area)
    found = {digits[:i] + d + digits[i:] for i in range(5) for d in "0123456789"}
    return sorted(z for z in found if z in table)
