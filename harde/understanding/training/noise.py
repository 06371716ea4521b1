"""Reps' typing noise, applied at random, several kinds per line.

Word-level noise (dropped filler words, shorthand, typos) touches only the template's own
words, never a protected slot value (names, numbers, addresses). Line-level noise (dropped
apostrophes, lower case, trailing punctuation, "hey" / "quick q" prefixes) touches the whole
line, as a rep's phone keyboard would.
"""

from __future__ import annotations

import random
import re

from .grammar import Segment

SHORTHAND: list[tuple[re.Pattern[str], list[str], float]] = [
    (re.compile(p, re.IGNORECASE), subs, prob)
    for p, subs, prob in [
        (r"\bright now\b", ["rn"], 0.7),
        (r"\btomorrow\b", ["tmrw", "tmr", "tomorow", "2morrow"], 0.6),
        (r"\byou're\b", ["ur", "youre"], 0.5),
        (r"\byou\b", ["u"], 0.5),
        (r"\byour\b", ["ur"], 0.5),
        (r"\bplease\b", ["pls", "plz"], 0.6),
        (r"\bwith\b", ["w/", "w"], 0.5),
        (r"\bwithout\b", ["w/o"], 0.6),
        (r"\bappointments\b", ["appts"], 0.6),
        (r"\bappointment\b", ["appt"], 0.6),
        (r"\bbefore\b", ["b4"], 0.5),
        (r"\bthanks\b", ["thx", "thnx", "tx"], 0.5),
        (r"\bnumber\b", ["#", "num", "no."], 0.4),
        (r"\bbecause\b", ["bc", "cuz"], 0.6),
        (r"\babout\b", ["abt"], 0.4),
        (r"\bwhat\b", ["wat", "wht"], 0.15),
        (r"\bpeople\b", ["ppl"], 0.5),
        (r"\bvoicemail\b", ["vm"], 0.5),
        (r"\bmessage\b", ["msg"], 0.5),
        (r"\binformation\b", ["info"], 0.6),
        (r"\bestimate\b", ["est"], 0.25),
        (r"\bthrough\b", ["thru"], 0.5),
        (r"\btonight\b", ["tonite"], 0.4),
        (r"\bokay\b", ["ok", "k"], 0.5),
        (r"\bare\b", ["r"], 0.15),
        (r"\band\b", ["&", "n"], 0.15),
        (r"\bfor\b", ["4"], 0.06),
        (r"\bto\b", ["2"], 0.04),
        (r"\bsquare feet\b|\bsquare foot\b|\bsq ft\b", ["sqft", "sf"], 0.5),
        (r"\bsquares\b", ["sq", "sqs"], 0.3),
        (r"\bschedule\b", ["sched"], 0.3),
        (r"\bcustomer\b", ["cust"], 0.25),
        (r"\bgoing to\b", ["gonna"], 0.6),
        (r"\bwant to\b", ["wanna"], 0.5),
        (r"\bdon't know\b", ["dunno", "idk"], 0.6),
        (r"\bi don't\b", ["i dont", "idont"], 0.3),
        (r"\bsomeone\b", ["some1"], 0.2),
        (r"\bthe\b", ["teh", "th"], 0.03),
        (r"\bwednesday\b", ["wed", "weds"], 0.4),
        (r"\bthursday\b", ["thurs", "thu"], 0.4),
        (r"\bfriday\b", ["fri"], 0.4),
        (r"\bmonday\b", ["mon"], 0.3),
        (r"\bweek\b", ["wk"], 0.2),
        (r"\bmonth\b", ["mo"], 0.1),
        (r"\bquestion\b", ["q"], 0.5),
        (r"\bfollow up\b", ["f/u", "followup"], 0.2),
    ]
]

FILLER_WORDS = ["the", "a", "an", "please", "just", "do", "is", "are", "of", "to", "for",
                "that", "me", "can you", "real quick", "we", "on", "does", "have", "it"]
FILLER_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in FILLER_WORDS) + r")\b ?",
                       re.IGNORECASE)

PREFIXES = ["hey", "hey ", "hey hard-e", "quick q", "quick question", "ok", "ok so", "so", "yo",
            "hi", "hard-e", "um", "hey quick q", "ok quick one", "real quick", "question",
            "hey so", "alright"]
SUFFIXES = ["thx", "pls", "asap", "real quick", "thanks", "please", "for me", "when u get a sec"]

KEYBOARD = {
    "q": "wa", "w": "qes", "e": "wrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij", "i": "uok",
    "o": "ipl", "p": "ol", "a": "qsz", "s": "adwx", "d": "sfe", "f": "dgr", "g": "fht",
    "h": "gjy", "j": "hku", "k": "jli", "l": "kop", "z": "xa", "x": "zcs", "c": "xvd",
    "v": "cbf", "b": "vng", "n": "bmh", "m": "nj",
}
WORD_RE = re.compile(r"[A-Za-z]{4,}")


def typo(word: str, rng: random.Random) -> str:
    """One keyboard slip: swapped neighbours, a dropped letter, a doubled letter or a near key."""
    kind = rng.random()
    i = rng.randrange(1, len(word) - 1)
    if kind < 0.3:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.55:
        return word[:i] + word[i + 1 :]
    if kind < 0.8:
        return word[:i] + word[i] + word[i:]
    near = KEYBOARD.get(word[i].lower())
    if not near:
        return word
    return word[:i] + rng.choice(near) + word[i + 1 :]


def _drop_filler(segments: list[Segment], rng: random.Random) -> list[Segment]:
    def has_word_after(k: int, end: int) -> bool:
        rest = segments[k][0][end:] + "".join(t for t, _ in segments[k + 1 :])
        return re.search(r"[A-Za-z0-9]", rest) is not None

    spots = [
        (k, m)
        for k, (t, p) in enumerate(segments)
        if not p
        for m in FILLER_RE.finditer(t)
        if has_word_after(k, m.end())  # never the line's last word
    ]
    if not spots:
        return segments
    words = sum(len(t.split()) for t, _ in segments)
    if words < 4:
        return segments
    k, m = rng.choice(spots)
    text = segments[k][0]
    out = list(segments)
    out[k] = (text[: m.start()] + text[m.end() :], False)
    return out


def _shorthand(segments: list[Segment], rng: random.Random) -> list[Segment]:
    out: list[Segment] = []
    for text, protected in segments:
        if not protected:
            for pattern, subs, prob in SHORTHAND:

                def swap(m: re.Match[str], subs: list[str] = subs, prob: float = prob) -> str:
                    return rng.choice(subs) if rng.random() < prob else m.group(0)

                text = pattern.sub(swap, text)
        out.append((text, protected))
    return out


def _typos(segments: list[Segment], rng: random.Random, count: int) -> list[Segment]:
    spots = [(k, m) for k, (t, p) in enumerate(segments) if not p for m in WORD_RE.finditer(t)]
    if not spots:
        return segments
    out = list(segments)
    for k, m in sorted(rng.sample(spots, min(count, len(spots))), key=lambda s: -s[1].start()):
        text = out[k][0]
        out[k] = (text[: m.start()] + typo(m.group(0), rng) + text[m.end() :], False)
    return out


def apply_noise(segments: list[Segment], rng: random.Random, intent_kind: str) -> str:
    """Noise one expanded line. ``intent_kind``: "question", "command" or "short"."""
    short = intent_kind == "short"
    if not short and rng.random() < 0.3:
        segments = _drop_filler(segments, rng)
    if rng.random() < 0.45:
        segments = _shorthand(segments, rng)
    p_typo = 0.12 if short else 0.3
    if rng.random() < p_typo:
        segments = _typos(segments, rng, 1 if rng.random() < 0.8 else 2)
    text = "".join(t for t, _ in segments)
    text = re.sub(r"\s+", " ", text).strip()
    # possessive of a name ending in s: "the Lombardis's" -> "the Lombardis'"
    text = re.sub(r"(?<=s)'s\b", "'", text)

    if rng.random() < 0.5:
        text = text.replace("'", "").replace("’", "")
    if rng.random() < 0.65:
        text = text.lower()
    elif rng.random() < 0.5:
        text = text[:1].upper() + text[1:]

    # trailing punctuation
    stripped = text.rstrip("?.! ")
    if intent_kind == "question":
        r = rng.random()
        if r < 0.45:
            text = stripped
        elif r < 0.55:
            text = stripped + "??"
        elif r < 0.9:
            text = stripped + "?"
    elif intent_kind == "command":
        r = rng.random()
        if r < 0.2:
            text = stripped + "."
        elif r < 0.25:
            text = stripped + "!"
        elif r < 0.75:
            text = stripped
    else:
        r = rng.random()
        if r < 0.15:
            text = stripped + "!"
        elif r < 0.25:
            text = stripped + "."
        elif r < 0.3 and text.endswith("?"):
            pass
        else:
            text = stripped if stripped else text

    if not short:
        if rng.random() < 0.16:
            prefix = rng.choice(PREFIXES).strip()
            sep = rng.choice([" ", ", ", " - ", "... "])
            text = f"{prefix}{sep}{text}"
        if rng.random() < 0.05:
            text = f"{text} {rng.choice(SUFFIXES)}"
    return text.strip()
