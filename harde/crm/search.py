"""Customer search rules shared by both backends: how well a customer matches the name of a
typed `CustomerQuery` ("Jonson" → Johnson, "Nguyens" → Nguyen), and phone digits. Reading a
query out of free text is the understanding layer's (harde.understanding.customer_query).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from harde.crm.models import Customer

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


def phone_digits(text: str) -> str:
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def _singular(word: str) -> str:
    # "the Nguyens", "the Johnsons'": families are named in the plural.
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def clean_name(name: str) -> str:
    """Name words as a search compares them: possessives and stray punctuation dropped
    ("Walsh's" → "Walsh"), at most MAX_NAME_WORDS words."""
    words = re.findall(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’.-]*", name)[:MAX_NAME_WORDS]
    kept = (w.strip(".'’").removesuffix("'s").removesuffix("’s") for w in words)
    return " ".join(w for w in kept if w)


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
