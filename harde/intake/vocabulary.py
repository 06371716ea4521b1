"""The words a dictation is likely to hold, as a Whisper initial prompt.

Only vocabulary: names, towns, street names, trades, product lines and the words of a spoken
email address. Never an example value (a phone number, a whole address, an email): Whisper
copies those into transcripts of recordings that never said them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Whisper reads at most 223 prompt tokens and keeps the last ones; a name is one to three
# tokens, so this many words stays well inside that, with the fixed words last.
MAX_WORDS = 110
TRADES = ("roofing", "roof replacement", "siding", "gutters", "gutter guards", "windows")
STREET_WORDS = ("Street", "Avenue", "Road", "Lane", "Drive", "Court")
EMAIL_WORDS = "email at gmail dot com, yahoo dot com, hotmail, outlook, comcast dot net"
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _words(values: Iterable[str], limit: int) -> list[str]:
    """Distinct values (names as said: "Dana Whitaker"), in first-seen order, while they fit in
    `limit` words."""
    seen: dict[str, str] = {}
    used = 0
    for value in values:
        words = [w[:1].upper() + w[1:] for w in _WORD.findall(value or "")]
        key = " ".join(words).casefold()
        if not words or key in seen:
            continue
        if used + len(words) > limit:
            break
        seen[key] = " ".join(words)
        used += len(words)
    return list(seen.values())


def vocabulary_prompt(
    *,
    people: Iterable[str] = (),
    towns: Iterable[str] = (),
    streets: Iterable[str] = (),
    products: Iterable[str] = (),
    max_words: int = MAX_WORDS,
) -> str:
    """The prompt: the directory's words in plain sentences, then the fixed words.

    `people` are reps' and customers' full names, most important first (cut from the end when
    there are too many). Commas stand between whole names, never inside one: Whisper copies a
    prompt's punctuation, and "Sarah, Johnson" would come back as a surname first.
    """
    fixed = len(TRADES) * 2 + len(STREET_WORDS) + len(EMAIL_WORDS.split()) + 12
    room = max(0, max_words - fixed)
    towns_list = _words(towns, max(4, room // 5))
    streets_list = _words(streets, max(4, room // 6))
    products_list = _words(products, max(3, room // 8))
    names = _words(people, max(0, room - sum(len(x.split()) for x in towns_list + streets_list + products_list)))
    parts = ["New customer, or a question for the CRM."]
    if names:
        parts.append("Reps and customers: " + ", ".join(names) + ".")
    if towns_list:
        parts.append("Towns: " + ", ".join(towns_list) + ".")
    parts.append("Streets: " + " ".join(streets_list) + ", " + ", ".join(STREET_WORDS) + ".")
    if products_list:
        parts.append("Products: " + " ".join(products_list) + ".")
    parts.append("Trades: " + ", ".join(TRADES) + ".")
    parts.append(EMAIL_WORDS[:1].upper() + EMAIL_WORDS[1:] + ".")
    return " ".join(parts)
