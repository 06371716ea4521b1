"""@mentions in CRM notes: find "@First Last", resolve against the company's users, encode.

Leap's own mention encoding is unconfirmed, so `encode_mentions` is the one place that
decides how a resolved mention is written into the note text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from harde.crm.models import User

_AT = re.compile(r"(?<![\w@])@([A-Za-z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,2})")
_TRAILING = ".,;:!?)'’"


@dataclass(frozen=True)
class Mention:
    """One "@name" as written in the text and what it resolved to."""

    written: str
    start: int
    end: int
    user: User | None = None
    candidates: tuple[User, ...] = ()
    suggestions: tuple[User, ...] = ()


@dataclass
class MentionResolution:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def resolved(self) -> list[Mention]:
        return [m for m in self.mentions if m.user is not None]

    @property
    def ambiguous(self) -> list[Mention]:
        return [m for m in self.mentions if m.user is None and m.candidates]

    @property
    def unknown(self) -> list[Mention]:
        return [m for m in self.mentions if m.user is None and not m.candidates]

    @property
    def complete(self) -> bool:
        return all(m.user is not None for m in self.mentions)

    def problems(self) -> list[str]:
        """Plain sentences about every mention that did not resolve to exactly one user."""
        lines: list[str] = []
        for m in self.ambiguous:
            names = ", ".join(u.full_name for u in m.candidates)
            lines.append(f"@{m.written} could be several people: {names}. Which one?")
        for m in self.unknown:
            hint = ""
            if m.suggestions:
                hint = " Did you mean " + " or ".join(u.full_name for u in m.suggestions) + "?"
            lines.append(f"@{m.written} is not a user in the CRM.{hint}")
        return lines


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


def _clean(word: str) -> str:
    return word.rstrip(_TRAILING)


def resolve_mentions(text: str, users: Sequence[User]) -> MentionResolution:
    """Find every "@name" in `text` and match it to the users (full name first, then one name)."""
    active = [u for u in users if u.active] or list(users)
    by_full: dict[str, list[User]] = {}
    for u in active:
        by_full.setdefault(_key(u.full_name), []).append(u)
    mentions: list[Mention] = []
    for match in _AT.finditer(text):
        words = match.group(1).split()
        start = match.start()
        found: Mention | None = None
        # Longest run of words first: "@Mike Reed please call" is Mike Reed, not Mike.
        for n in range(len(words), 0, -1):
            written = " ".join(words[:n])
            cleaned = " ".join(_clean(w) for w in words[:n])
            end = _span_end(text, start + 1, words[:n])
            if _clean(written) != written and n < len(words):
                continue  # a run ending in punctuation cannot continue into the next word
            hits = by_full.get(_key(cleaned), [])
            if n == 1:
                run = _unknown_run(words)
                near = _suggest(run, active) if " " in run else []
                if near:
                    # "@Mike Reid" is a misspelt full name: ask, rather than guess from "Mike".
                    run_end = _span_end(text, start + 1, run.split())
                    found = Mention(run, start, run_end, suggestions=tuple(near))
                    break
                hits = hits or [
                    u for u in active if _key(cleaned) in (_key(u.first_name), _key(u.last_name))
                ]
            if len(hits) == 1:
                found = Mention(cleaned, start, end - (len(written) - len(cleaned)), user=hits[0])
                break
            if len(hits) > 1:
                found = Mention(
                    cleaned, start, end - (len(written) - len(cleaned)), candidates=tuple(hits)
                )
                break
        if found is None:
            written = _unknown_run(words)
            end = _span_end(text, start + 1, written.split())
            found = Mention(written, start, end, suggestions=tuple(_suggest(written, active)))
        mentions.append(found)
    return MentionResolution(mentions)


def _span_end(text: str, begin: int, words: Sequence[str]) -> int:
    pos = begin
    for i, word in enumerate(words):
        if i:
            while pos < len(text) and text[pos].isspace():
                pos += 1
        pos += len(word)
    return pos


def _unknown_run(words: Sequence[str]) -> str:
    """What an unknown mention most likely names: the capitalised words after "@"."""
    run = [_clean(words[0])]
    for w in words[1:]:
        if not w[:1].isupper():
            break
        run.append(_clean(w))
        if _clean(w) != w:
            break
    return " ".join(run)


def _suggest(written: str, users: Sequence[User]) -> list[User]:
    choices = {u.id: u.full_name for u in users}
    hits = process.extract(written, choices, scorer=fuzz.WRatio, limit=2, score_cutoff=75)
    by_id = {u.id: u for u in users}
    return [by_id[key] for _, _, key in hits]


def encode_mentions(text: str, resolution: MentionResolution) -> str:
    """The note text with each resolved mention written as "@First Last" (Leap reads notes as text)."""
    out: list[str] = []
    pos = 0
    for m in sorted(resolution.mentions, key=lambda m: m.start):
        out.append(text[pos : m.start])
        out.append(f"@{m.user.full_name}" if m.user is not None else text[m.start : m.end])
        pos = m.end
    out.append(text[pos:])
    return "".join(out)
