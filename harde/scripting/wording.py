"""Sentence-level wording: tone changes, and picking speakable lines out of knowledge-base text."""

from __future__ import annotations

import re

from harde.scripting.models import Tone

# Formal scripts spell contractions out; the warm and casual templates keep them.
_CONTRACTIONS = {
    "I'm": "I am", "I'll": "I will", "I've": "I have", "I'd": "I would",
    "we're": "we are", "we'll": "we will", "we've": "we have", "we'd": "we would",
    "you're": "you are", "you'll": "you will", "you've": "you have", "you'd": "you would",
    "it's": "it is", "that's": "that is", "there's": "there is", "here's": "here is",
    "let's": "let us", "don't": "do not", "doesn't": "does not", "isn't": "is not",
    "aren't": "are not", "won't": "will not", "can't": "cannot", "didn't": "did not",
    "who'll": "who will", "what's": "what is", "anything's": "anything has",
}
_CONTRACTION_RE = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in sorted(_CONTRACTIONS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)

# Casual scripts trade a few stiff phrases for everyday ones.
_CASUAL_SWAPS = (
    ("Thank you", "Thanks"),
    ("We'll take the time to get it right", "We won't rush it"),
    ("we'll take the time to get it right", "we won't rush it"),
    ("we'll take the time to get them right", "we won't rush them"),
    ("answer your questions", "answer any questions"),
    ("make a good decision", "make the call that's right for you"),
)


def apply_tone(sentence: str, tone: Tone) -> str:
    if tone == "formal":
        return _CONTRACTION_RE.sub(_expand, sentence)
    if tone == "casual":
        for stiff, easy in _CASUAL_SWAPS:
            sentence = sentence.replace(stiff, easy)
    return sentence


def _expand(match: re.Match[str]) -> str:
    word = match.group(0)
    full = _CONTRACTIONS.get(word) or _CONTRACTIONS.get(word.lower()) or word
    if word[0].isupper() and not full.startswith("I "):
        full = full[0].upper() + full[1:]
    return full


_SENTENCE = re.compile(r"(?<=[.!?])[\"”']?\s+")
_PLACEHOLDER = re.compile(r"\[([^\]]+)\]|\{([^}]+)\}|<([^>]+)>")
_INTERNAL = re.compile(
    r"\b(commission|close rate|closing rate|rep|reps|objection|script|template|upsell|"
    r"director|quota|lead|leads|margin|markup|pitch|the homeowner|the customer|prospect)\b",
    re.IGNORECASE,
)


def speakable_lines(
    text: str,
    fill: dict[str, str] | None = None,
    *,
    min_words: int = 7,
    max_words: int = 35,
    homeowner_facing: bool = True,
    quoted_only: bool = False,
    avoid: tuple[str, ...] = (),
    known_names: tuple[str, ...] = (),
) -> list[str]:
    """Whole sentences from `text` that can be read to a homeowner as they are.

    Known placeholders ([first name], {company}, ...) are filled from `fill`; a sentence with any
    other placeholder, internal sales language, or markup is left out. `quoted_only` keeps only
    sentences inside quotation marks (the example lines of a template, not its instructions);
    `avoid` drops lines that name any of these words (another trade's variation);
    `known_names` switches on the name check: a capitalised word that is not one of them means
    the line is about someone else's example and is left out.
    """
    fill = {k.lower(): v for k, v in (fill or {}).items()}
    allowed = {w for name in known_names for w in re.findall(r"[A-Za-z]+", name)} | {"I"}
    out: list[str] = []
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        if avoid and any(re.search(rf"\b{re.escape(w)}", line, re.IGNORECASE) for w in avoid):
            continue
        if quoted_only:
            segments = re.findall(r'"([^"]+)"|“([^”]+)”', line)
            pieces = [a or b for a, b in segments]
        else:
            if len(line.split()) < 6 and line[-1] not in ".!?":
                continue  # a heading or label, not a sentence
            line = re.sub(r"^([-*•]|\d+[.)])\s*", "", line)
            line = re.sub(r"^\*\*[^*]{1,40}[:.]\*\*\s*", "", line)  # "**Label:** text"
            pieces = [re.sub(r"[*_`]+", "", line)]
        for piece in pieces:
            for raw in _SENTENCE.split(piece.strip()):
                sentence = _accept(raw, fill, quoted_only, homeowner_facing, allowed if known_names else None)
                if sentence and min_words <= len(sentence.split()) <= max_words and sentence not in out:
                    out.append(sentence)
    return out


_SOMEONE_ELSES = re.compile(r"\b(you mentioned|you told|you said|I know the|I know your|since the|the stain|that's where|what I found)\b", re.IGNORECASE)


def _accept(raw: str, fill: dict[str, str], quoted: bool, homeowner_facing: bool, allowed: set[str] | None) -> str | None:
    sentence = raw.strip().strip('"“”').strip()
    if not sentence or sentence[-1] not in ".!?":
        return None
    sentence = _PLACEHOLDER.sub(lambda m: _fill(m, fill), sentence)
    if "\x00" in sentence or "|" in sentence or (":" in sentence and not quoted):
        return None
    if homeowner_facing and (_INTERNAL.search(sentence) or _SOMEONE_ELSES.search(sentence)):
        return None
    if allowed is not None:
        words = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\b", sentence)
        if any(w not in allowed for w in words[0:] if not sentence.startswith(w)):
            return None
    return sentence


def _fill(match: re.Match[str], fill: dict[str, str]) -> str:
    name = next(g for g in match.groups() if g is not None).strip().lower().replace("_", " ")
    return fill.get(name, "\x00")


def sentences_mentioning(lines: list[str], phrase: str) -> list[str]:
    """Lines that share the phrase's distinctive words (numbers count: "50-year" must match)."""
    words = [w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", phrase.lower()) if len(w) > 2 or w.isdigit()]
    key = [w for w in words if w not in _STOP]
    if not key:
        return []
    numbers = [w for w in key if any(c.isdigit() for c in w)]
    found = []
    for line in lines:
        low = line.lower()
        if numbers and not all(n.split("-")[0] in low for n in numbers):
            continue
        hits = sum(1 for w in key if w in low)
        if hits >= (len(key) if len(key) <= 2 else (len(key) + 1) // 2):
            found.append(line)
    return found


_STOP = {"the", "and", "our", "your", "for", "with", "about", "that", "this", "mention", "also", "talk"}
