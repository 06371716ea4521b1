"""Revision requests in the rep's words ("shorter", "more casual", "mention the 50-year warranty")
turned into changes of the script's options, so the offline writer applies them exactly."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from harde.scripting.models import SPOKEN_WORDS_PER_MINUTE, ScriptOptions, Tone

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "half a": 0.5, "a": 1}


@dataclass(frozen=True)
class RevisionResult:
    options: ScriptOptions
    changes: list[str]  # what was changed, in words, for the reply

    @property
    def understood(self) -> bool:
        return bool(self.changes)


def revise_options(options: ScriptOptions, instruction: str) -> RevisionResult:
    """Apply every change the instruction asks for; `changes` is empty when none was recognised."""
    text = " ".join(instruction.strip().split())
    lowered = text.lower()
    changes: list[str] = []

    target = _length_target(lowered, options.target_words)
    if target is not None and target != options.target_words:
        new = options.with_target(target)
        if new.target_words != options.target_words:
            changes.append(f"length target {options.target_words} → {new.target_words} words")
        else:
            changes.append(f"already at the {options.script_type} limit of {options.target_words} words")
        options = new

    tone = _tone(lowered)
    if tone is not None:
        changes.append(f"tone {options.tone} → {tone}" if tone != options.tone else f"tone already {tone}")
        options = replace(options, tone=tone)

    for phrase in _removals(text):
        kept = tuple(m for m in options.mentions if phrase.lower() not in m.lower())
        if kept != options.mentions:
            options = replace(options, mentions=kept)
            changes.append(f"no longer mentions {phrase}")
        elif options.focus and phrase.lower() in options.focus.lower():
            options = replace(options, focus=None)
            changes.append(f"dropped the focus on {phrase}")
        else:
            changes.append(f"{phrase} was not in the script")

    focus = _focus(text)
    if focus:
        options = replace(options, focus=focus)
        changes.append(f"focus: {focus}")

    for phrase in _mentions(text):
        if phrase.lower() not in (m.lower() for m in options.mentions):
            options = replace(options, mentions=(*options.mentions, phrase))
            changes.append(f"mentions {phrase}")
    return RevisionResult(options, changes)


def _length_target(text: str, current: int) -> int | None:
    words = re.search(r"\b(\d{2,4})\s*words?\b", text)
    if words:
        return int(words.group(1))
    minutes = re.search(r"\b(\d{1,4}(?:\.\d{1,2})?|one|two|three|half a|a)\s*(?:-\s*)?minutes?\b", text)
    if minutes:
        value = minutes.group(1)
        return round(float(_NUMBER_WORDS.get(value, value)) * SPOKEN_WORDS_PER_MINUTE)
    seconds = re.search(r"\b(\d{2,3})\s*(?:-\s*)?seconds?\b", text)
    if seconds:
        return round(int(seconds.group(1)) / 60 * SPOKEN_WORDS_PER_MINUTE)
    if re.search(r"\b(much|way|a lot) (shorter|tighter)\b|\bhalf as long\b", text):
        return round(current * 0.6)
    if re.search(r"\b(shorter|tighter|trim|cut it|cut (it )?down|too long|shorten|condense|less wordy)\b", text):
        return round(current * 0.75)
    if re.search(r"\b(much|way|a lot) longer\b", text):
        return round(current * 1.5)
    if re.search(r"\b(longer|expand|lengthen|more detail|too short|flesh (it )?out)\b", text):
        return round(current * 1.3)
    return None


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
