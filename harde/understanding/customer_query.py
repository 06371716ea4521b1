"""Reading a customer look-up out of free text: "the Johnson roof job", "Nguyens",
"(617) 555-0102", "pwalsh@example.org", "job 1043" → a typed `CustomerQuery`.

The CLI's `harde crm customers QUERY` and the people who type one search box use it; tools
and domain code take the typed query.
"""

from __future__ import annotations

import re

from harde.crm.models import CustomerQuery
from harde.crm.search import TRADE_WORDS, clean_name, phone_digits

# Words around a name that are not part of it.
_FILLER = frozenset(
    ["the", "a", "an", "job", "jobs", "customer", "customers", "client", "project", "family", "house", "home", "homeowner", "mr", "mrs", "ms", "miss", "dr", "for", "of", "at", "on", "with", "and", "&", "s", "replacement", "repair", "install", "status", "account", "folks", "place", "property", "residence", "show", "find", "look", "up", "me", "all", "please"]
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A job number: digits ("1043", "2609-1043"), or a letter prefix before dash-joined digit
# groups ("JB-24-0871"); Leap promises no format.
_NUMBER = re.compile(r"\b(?:[A-Za-z]{2,6}-\d{2,7}(?:-\d{2,7})*|\d{3,6}(?:-\d{2,6})*)\b")
_PHONE_RUN = re.compile(r"\d[\d\s().-]{8,}\d")
_SEVEN_DIGITS = re.compile(r"\D*\d{3}[-. ]\d{4}\D*")


def read_customer_query(text: str) -> CustomerQuery:
    """The email, phone, job number and name words that `text` gives (trade and filler words
    dropped). A phone is read only where its digits run together as a phone number."""
    raw = text.strip()
    email_match = _EMAIL.search(raw)
    email = email_match.group(0).lower() if email_match else ""
    rest = _EMAIL.sub(" ", raw)
    digits = phone_digits(rest)
    phone = job_number = ""
    if (len(digits) in (10, 11) and _PHONE_RUN.search(rest)) or _SEVEN_DIGITS.fullmatch(rest):
        phone = digits
    elif number := _NUMBER.search(rest):
        job_number = number.group(0)
        rest = rest[: number.start()] + " " + rest[number.end() :]
    words = []
    for word in clean_name(rest).split():
        key = word.casefold()
        if key not in _FILLER and key not in TRADE_WORDS:
            words.append(word)
    return CustomerQuery(name=" ".join(words), email=email, phone=phone, job_number=job_number)
