"""Speech-to-text clean-up: filler words, spoken punctuation, and numbers said in words.

"six one seven, double five five" -> "617, 555"; "twelve thirty-four" -> "1234";
"one twenty-three" -> "123"; "oh two one six nine" -> "02169".
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_REPEAT = {"double": 2, "triple": 3}
_SCALE = {"hundred", "thousand"}
NUMBER_WORDS = set(UNITS) | set(TEENS) | set(TENS) | set(_REPEAT) | _SCALE

_FILLERS = re.compile(r"\b(?:u+m+|u+h+m*|erm|er|hmm+|mm+|ah+|you know|i mean)\b[,.]?\s*", re.IGNORECASE)
_CLAUSE_FILLERS = re.compile(
    r"(^|[,.;:!?\n][^\S\n]*)(?:(?:okay|ok|alright|all right|so|well|right|yeah|hey|hi|hello)\b[,.!]?\s*)+",
    re.IGNORECASE,
)
_SPOKEN_PUNCTUATION = [
    (re.compile(r"(?<!\s)\s*\b(?:comma)\b", re.IGNORECASE), ","),
    # "kate period walsh at gmail period com": inside an email, "period" is its dot.
    (
        re.compile(
            r"(?<!\s)\s*\b(?:period|full stop)\b(?!\s+(?:of|when))(?!\s+(?:com|net|org|edu|gov|us|io|co)\b)"
            r"(?!(?:\s+[A-Za-z0-9]+){1,2}\s+(?:at|@)\s)",
            re.IGNORECASE,
        ),
        ".",
    ),
    (re.compile(r"(?<!\s)\s*\b(?:semicolon|semi colon)\b", re.IGNORECASE), ";"),
    (re.compile(r"(?<!\s)\s*\b(?:colon)\b", re.IGNORECASE), ":"),
    (re.compile(r"(?<!\s)\s*\b(?:new line|newline|next line|new paragraph)\b", re.IGNORECASE), "\n"),
    (re.compile(r"\b(?:at sign|at symbol|at the rate of|at the rate|at-sign)\b", re.IGNORECASE), " @ "),
    (re.compile(r"\bopen (?:paren|parenthesis|bracket)\b|\bclose (?:paren|parenthesis|bracket)\b", re.IGNORECASE), " "),
]
_TOKEN = re.compile(r"[A-Za-z]+|\S")


def clean_speech(text: str) -> str:
    """Drop fillers, turn spoken punctuation into marks, and say numbers in digits."""
    out = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    out = out.replace("\r", "")
    for pattern, mark in _SPOKEN_PUNCTUATION:
        out = pattern.sub(mark, out)
    out = _FILLERS.sub("", out)
    out = _CLAUSE_FILLERS.sub(r"\1", out)
    out = digits_for_number_words(out)
    return re.sub(r"[ \t]+", " ", out).strip()


def digits_for_number_words(text: str) -> str:
    """Replace every run of number words with the digits a person reading it out means."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    pieces: list[str] = []
    last = 0
    i = 0
    while i < len(tokens):
        word = tokens[i][0].lower()
        if word not in NUMBER_WORDS or word in _SCALE:
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            gap = text[tokens[j - 1][2] : tokens[j][1]]
            candidate = tokens[j][0].lower()
            if candidate == "-" and j + 1 < len(tokens) and tokens[j + 1][0].lower() in NUMBER_WORDS and not text[tokens[j][2] : tokens[j + 1][1]].strip():
                j += 1
                continue
            if gap.strip() or (candidate not in NUMBER_WORDS and candidate != "and"):
                break
            if candidate == "and" and tokens[j - 1][0].lower() not in _SCALE:
                break
            j += 1
        run = [t[0].lower() for t in tokens[i:j] if t[0] != "-"]
        while run and run[-1] == "and":
            run.pop()
            j -= 1
        digits = _run_digits(run)
        if digits is None:
            i = j
            continue
        pieces.append(text[last : tokens[i][1]])
        pieces.append(digits)
        last = tokens[j - 1][2]
        i = j
    pieces.append(text[last:])
    return "".join(pieces)


def _run_digits(run: list[str]) -> str | None:
    """Digits for one run of number words, or None when it is not a number ("o", "oh" alone)."""
    meaningful = [w for w in run if w not in ("oh", "o", "double", "triple", "and")]
    if not meaningful:
        return None
    if len(run) == 1 and run[0] in ("one",):
        # "a new one", "that one": a lone "one" is rarely a number in dictation.
        return None
    out: list[str] = []
    i = 0
    n = len(run)
    while i < n:
        word = run[i]
        nxt = run[i + 1] if i + 1 < n else ""
        if word in _REPEAT:
            if nxt in UNITS:
                out.append(str(UNITS[nxt]) * _REPEAT[word])
                i += 2
            else:
                i += 1
            continue
        if word == "and":
            i += 1
            continue
        if word in UNITS or word in TEENS:
            base = UNITS.get(word, TEENS.get(word, 0))
            if nxt == "thousand":
                value = base * 1000
                i += 2
                if i + 1 < n and run[i] in UNITS and run[i + 1] == "hundred":
                    value += UNITS[run[i]] * 100
                    i += 2
                value, i = _add_tail(run, i, value)
                out.append(str(value))
                continue
            if nxt == "hundred":
                value = base * 100
                i += 2
                value, i = _add_tail(run, i, value)
                out.append(str(value))
                continue
            out.append(str(base))
            i += 1
            continue
        if word in TENS:
            value = TENS[word]
            if nxt in UNITS and UNITS[nxt] > 0 and nxt not in ("oh", "o"):
                value += UNITS[nxt]
                i += 1
            out.append(str(value))
            i += 1
            continue
        i += 1  # a scale word without a number before it
    return "".join(out) or None


def _add_tail(run: list[str], i: int, value: int) -> tuple[int, int]:
    """Add the "and twenty-three" after "one hundred" or "two thousand"."""
    n = len(run)
    if i < n and run[i] == "and":
        i += 1
    if i < n and run[i] in TENS:
        value += TENS[run[i]]
        i += 1
        if i < n and run[i] in UNITS and UNITS[run[i]] > 0 and run[i] not in ("oh", "o"):
            value += UNITS[run[i]]
            i += 1
    elif i < n and run[i] in TEENS:
        value += TEENS[run[i]]
        i += 1
    elif i < n and run[i] in UNITS and UNITS[run[i]] > 0 and run[i] not in ("oh", "o") and (i + 1 >= n or run[i + 1] not in UNITS):
        # "one hundred five" is 105, but "eight hundred five five five" is 800 then digits.
        value += UNITS[run[i]]
        i += 1
    return value, i
