"""US states and Canadian provinces with Leap's ids, and how people say them.

Leap numbers US states alphabetically by name (1-50), Washington D.C. 51, and Canadian
provinces 53-65. Massachusetts is 21 and Missouri 25: the two must never be confused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


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
