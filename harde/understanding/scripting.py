"""Script requests in the rep's words, read into typed values: a revision ("shorter", "more
casual", "mention the 50-year warranty", "about 200 words") and the job picked from a "which
job?" list ("the first one", "job 1043", "2", "the gutters one")."""

from __future__ import annotations

import re
from typing import Any

from harde.scripting.models import SPOKEN_WORDS_PER_MINUTE, Length, Revision, Tone

NO_FOCUS = re.compile(r"^\s*(no|none|nothing( in particular)?|skip|no focus|general|just write it|anything|up to you)\b", re.IGNORECASE)
_TRADE_HINTS: dict[str, tuple[str, ...]] = {
    "Roofing": ("roof", "roofing", "shingle", "shingles", "reroof"),
    "Siding": ("siding", "clapboard", "vinyl siding"),
    "Gutters": ("gutter", "gutters", "downspout", "downspouts"),
    "Windows": ("window", "windows"),
}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "half a": 0.5, "a": 1}
_TEXT_CHARS = 2_000


def trades_in(text: str) -> list[str]:
    """Trades named in free text ("the roof replacement" -> ["Roofing"])."""
    lowered = text[:_TEXT_CHARS].lower()
    return [t for t, words in _TRADE_HINTS.items() if any(re.search(rf"\b{w}\b", lowered) for w in words)]


def read_trade(text: str) -> str | None:
    """The one trade the text names, or None when it names none or several."""
    trades = trades_in(text)
    return trades[0] if len(trades) == 1 else None


def read_focus(answer: str) -> str | None:
    """The focus material the rep's answer names ("let's focus on the 50-year warranty"); None
    for a general primer ("no focus", "up to you")."""
    focus = re.sub(r"^\s*(let'?s\s+)?(focus on|go with|about|the focus is|focus is|focus:)\s+", "", answer[:_TEXT_CHARS], flags=re.IGNORECASE)
    return None if NO_FOCUS.match(focus) else focus.strip(" .!\"'") or None


def read_revision(instruction: str) -> Revision:
    """Every change the instruction asks for; an empty Revision when none is recognised."""
    text = " ".join(instruction[:_TEXT_CHARS].strip().split())
    lowered = text.lower()
    length, target = _length(lowered)
    return Revision(
        length=length,
        target_words=target,
        tone=_tone(lowered),
        remove=_removals(text),
        focus=_focus(text),
        mention=_mentions(text),
    )


def _length(text: str) -> tuple[Length | None, int | None]:
    words = re.search(r"\b(\d{2,4})\s*words?\b", text)
    if words:
        return None, int(words.group(1))
    minutes = re.search(r"\b(\d{1,4}(?:\.\d{1,2})?|one|two|three|half a|a)\s*(?:-\s*)?minutes?\b", text)
    if minutes:
        value = minutes.group(1)
        return None, round(float(_NUMBER_WORDS.get(value, value)) * SPOKEN_WORDS_PER_MINUTE)
    seconds = re.search(r"\b(\d{2,3})\s*(?:-\s*)?seconds?\b", text)
    if seconds:
        return None, round(int(seconds.group(1)) / 60 * SPOKEN_WORDS_PER_MINUTE)
    if re.search(r"\b(much|way|a lot) (shorter|tighter)\b|\bhalf as long\b", text):
        return "much_shorter", None
    if re.search(r"\b(shorter|tighter|trim|cut it|cut (it )?down|too long|shorten|condense|less wordy)\b", text):
        return "shorter", None
    if re.search(r"\b(much|way|a lot) longer\b", text):
        return "much_longer", None
    if re.search(r"\b(longer|expand|lengthen|more detail|too short|flesh (it )?out)\b", text):
        return "longer", None
    return None, None


def _tone(text: str) -> Tone | None:
    if re.search(r"\b(more formal|formal|professional|less casual|businesslike|polished)\b", text):
        return "formal"
    if re.search(r"\b(casual|relaxed|friendlier|more friendly|less formal|laid.back|conversational|chattier)\b", text):
        return "casual"
    if re.search(r"\b(warmer|warm|normal tone|default tone)\b", text):
        return "warm"
    return None


_PHRASE_END = r"(?=\s*(?:,|;|\.|!|\band make\b|\band (?:make )?it\b|\bplease\b|\btoo\b|\bas well\b|$))"


def _clean(phrase: str) -> str:
    return phrase.strip(" .,!;:\"'“”").removesuffix(" too").removesuffix(" as well").strip()


def _mentions(text: str) -> list[str]:
    found = []
    pattern = rf"(?<!n't )(?<!not )\b(?:mention|add|include|talk about|bring up|say something about|work in)\s+(.+?){_PHRASE_END}"
    for match in re.finditer(pattern, text, re.IGNORECASE):
        phrase = _clean(match.group(1))
        if phrase and not re.match(r"(it|that|this|more|less|a bit|some)\b", phrase, re.IGNORECASE):
            found.append(phrase)
    return found


def _removals(text: str) -> list[str]:
    pattern = rf"\b(?:don't mention|do not mention|remove|drop|take out|leave out|without|no more)\s+(?:the part about\s+|the bit about\s+)?(.+?){_PHRASE_END}"
    return [p for p in (_clean(m.group(1)) for m in re.finditer(pattern, text, re.IGNORECASE)) if p]


def _focus(text: str) -> str | None:
    match = re.search(rf"\bfocus(?:ing)?\s+(?:it\s+)?(?:on|is)\s+(.+?){_PHRASE_END}", text, re.IGNORECASE)
    return _clean(match.group(1)) if match else None


_ORDINALS = {
    "first": 0, "1st": 0, "one": 0, "second": 1, "2nd": 1, "two": 1, "third": 2, "3rd": 2,
    "three": 2, "fourth": 3, "4th": 3, "four": 3, "fifth": 4, "5th": 4, "five": 4,
    "last": -1, "latest": -1,
}


def pick_job(choices: list[dict[str, Any]], answer: str) -> int | None:
    """The job id of the offered job the rep's answer names, else a job id or number said outright
    (None when neither)."""
    text = answer[:_TEXT_CHARS].lower()
    for choice in choices:
        number = str(choice.get("number", ""))
        if re.search(rf"\b{re.escape(str(choice['job_id']))}\b", text) or (number and number.lower() in text):
            return int(choice["job_id"])
    wanted = trades_in(text)
    by_trade = [c for c in choices if wanted and c.get("trade") in wanted]
    if len(by_trade) == 1:
        return int(by_trade[0]["job_id"])
    bare = re.fullmatch(r"\s*(?:number\s+|#)?(\d)\s*[.!]?\s*", text)
    if bare and 1 <= int(bare.group(1)) <= len(choices):
        return int(choices[int(bare.group(1)) - 1]["job_id"])
    for word, index in _ORDINALS.items():
        if re.search(rf"\b{word}\b", text) and (index == -1 or index < len(choices)) and choices:
            return int(choices[index]["job_id"])
    said = re.search(r"\b(\d{4}-\d{3,5}|\d{3,6})\b", text)
    if said:
        job = said.group(1)
        return int(job.rsplit("-", 1)[-1]) if "-" in job else int(job)
    return None
