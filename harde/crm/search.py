"""Free-text customer search rules shared by both backends: what a query names and how well
a customer matches it ("the Johnson roof job", "Nguyens", "(617) 555-0102", "job 1043").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from harde.crm.models import Customer

# Words around a name that are not part of it.
_FILLER = {
    "the",
    "a",
    "an",
    "job",
    "jobs",
    "customer",
    "customers",
    "client",
    "project",
    "family",
    "house",
    "home",
    "homeowner",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "for",
    "of",
    "at",
    "on",
    "with",
    "and",
    "&",
    "s",
    "roof",
    "roofing",
    "reroof",
    "siding",
    "gutter",
    "gutters",
    "window",
    "windows",
    "replacement",
    "repair",
    "install",
    "status",
    "account",
    "folks",
    "place",
    "property",
    "residence",
    "show",
    "find",
    "look",
    "up",
    "me",
    "all",
    "please",
}
# Trade words as people say them -> words that appear in trade names.
TRADE_WORDS = {
    "roof": "roofing",
    "roofs": "roofing",
    "roofing": "roofing",
    "reroof": "roofing",
    "shingle": "roofing",
    "shingles": "roofing",
    "siding": "siding",
    "clapboard": "siding",
    "gutter": "gutters",
    "gutters": "gutters",
    "downspout": "gutters",
    "downspouts": "gutters",
    "window": "windows",
    "windows": "windows",
}

# A name is a few words; fuzzy scoring against every customer grows with its length.
MAX_NAME_WORDS = 30
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A job number: digits ("1043", "2609-1043"), or a letter prefix before dash-joined digit
# groups ("JB-24-0871"); Leap promises no format.
_NUMBER = re.compile(r"\b(?:[A-Za-z]{2,6}-\d{2,7}(?:-\d{2,7})*|\d{3,6}(?:-\d{2,6})*)\b")


@dataclass(frozen=True)
class CustomerQuery:
    """What a free-text query names: an email, phone digits, a job number, or name words."""

    text: str
    email: str | None
    phone_digits: str | None
    job_number: str | None
    name: str
    trade_words: tuple[str, ...]


def phone_digits(text: str) -> str:
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def _singular(word: str) -> str:
    # "the Nguyens", "the Johnsons'": families are named in the plural.
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def parse_customer_query(text: str) -> CustomerQuery:
    raw = text.strip()
    email_match = _EMAIL.search(raw)
    email = email_match.group(0).lower() if email_match else None
    rest = _EMAIL.sub(" ", raw)
    digits = phone_digits(rest)
    phone = None
    job_number = None
    if (len(digits) in (10, 11) and re.search(r"\d[\d\s().-]{8,}\d", rest)) or re.fullmatch(
        r"\D*\d{3}[-. ]\d{4}\D*", rest
    ):
        phone = digits
    else:
        number = _NUMBER.search(rest)
        job_number = number.group(0) if number else None
        if number:
            rest = rest[: number.start()] + " " + rest[number.end() :]
    words = re.findall(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’.-]*", rest)
    trades = tuple(
        dict.fromkeys(TRADE_WORDS[w.casefold()] for w in words if w.casefold() in TRADE_WORDS)
    )
    name_words = []
    for w in words:
        key = w.casefold().replace("’", "'").strip(".'")
        if key.endswith("'s"):
            key = key[:-2]
        if key in _FILLER or key in TRADE_WORDS:
            continue
        name_words.append(w.strip(".'’").removesuffix("'s").removesuffix("’s"))
    return CustomerQuery(
        text=raw,
        email=email,
        phone_digits=phone,
        job_number=job_number,
        name=" ".join(name_words[:MAX_NAME_WORDS]),
        trade_words=trades,
    )


def name_score(name: str, customer: Customer) -> float:
    """0–100: how well name words match this customer (exact full or last name scores highest)."""
    if not name:
        return 0.0
    q = " ".join(_singular(w) for w in name.casefold().split())
    q_plain = name.casefold()
    first = customer.first_name.casefold()
    last = (customer.last_name or "").casefold()
    full = f"{first} {last}".strip()
    company = (customer.company_name or "").casefold()
    if q_plain in (full, f"{last} {first}", company) or q in (full, company):
        return 100.0
    if q in (last,) or q_plain in (last,):
        return 96.0
    if q in (first,) or q_plain == first:
        return 88.0
    words = q.split()
    # "Robert Johnson" partly typed as "Rob Johnson": the last name carries it.
    if len(words) >= 2 and words[-1] == last and first.startswith(words[0]):
        return 97.0
    scores = [
        fuzz.WRatio(q, full),
        fuzz.ratio(q, last) if last else 0.0,
        fuzz.ratio(q, first) * 0.9,
    ]
    if company:
        scores.append(fuzz.WRatio(q, company))
    return float(max(scores)) * 0.9


def is_close_name_match(name: str, customer: Customer) -> bool:
    """True when the words surely name this customer (not merely resemble the name)."""
    return name_score(name, customer) >= 88.0


def rank_by_name(
    name: str, customers: Iterable[Customer], *, cutoff: float = 60.0, limit: int = 10
) -> list[tuple[float, Customer]]:
    scored = [(name_score(name, c), c) for c in customers]
    scored = [pair for pair in scored if pair[0] >= cutoff]
    scored.sort(key=lambda pair: (-pair[0], pair[1].last_name, pair[1].first_name, pair[1].id))
    return scored[:limit]


def best_matches(scored: Sequence[tuple[float, Customer]]) -> list[Customer]:
    """The customers sharing the top score band (two Johnsons both match "Johnson")."""
    if not scored:
        return []
    top = scored[0][0]
    return [c for s, c in scored if s >= top - 1.0]
