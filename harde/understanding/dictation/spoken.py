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
    out = transcript_forms(out)
    out = _FILLERS.sub("", out)
    out = _CLAUSE_FILLERS.sub(r"\1", out)
    out = digits_for_number_words(out)
    # Once more: number words said between written digits ("Mass zero 2143") are digits now.
    out = transcript_forms(out)
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


# --- what a speech recogniser writes ---------------------------------------------------------
# Whisper writes dictated digits in its own ways: "0-2-1-6-9", "O-2-3-O-1", "7-8-1-5-5-5-3-3-8-1",
# "0 2 1 6 9", "02-169", "Massachusetts-02169", "0-2-1-6-ine", "free-3-8-1"; it fuses an
# address into one word ("mike.obrienatyahoo.com"), drops its "at" ("sarah gmail.com"), and
# mishears the big providers' names ("iclub.com") and "zip" ("tip 01852").
_DIGIT_HOMOPHONES = {"o": "0", "oh": "0", "to": "2", "too": "2", "for": "4", "free": "3", "tree": "3", "ate": "8", "won": "1", "ine": "9"}
_CHAIN_ITEM = r"(?:\d+|[Oo]|oh|Oh|to|too|for|free|Free|tree|ate|won|ine|" + "|".join(sorted(UNITS, key=len, reverse=True)) + ")"
# Items joined by hyphens with nothing between them: the recogniser's own way of writing digits.
_HYPHEN_CHAIN = re.compile(rf"(?<![\w-]){_CHAIN_ITEM}(?:-{_CHAIN_ITEM})+(?![\w-])", re.IGNORECASE)
_SPACED_DIGITS = re.compile(r"(?<![\w-])\d(?:[ ]\d){3,}(?![\w-])")
# "02 169", "0 2143", "021 69": a ZIP said in pieces, which in New England start with 0.
_SPLIT_ZIP = re.compile(r"(?<![\w-])0\d{0,3}(?:[ -](?:\d{1,4}|to|too|for|oh|o)){1,4}(?![\w-])", re.IGNORECASE)
# "Mass zero, 2184": the leading zero alone, then a breath.
_ZERO_THEN_ZIP = re.compile(r"(?<![\w-])0, (\d{4})(?![\w-])")
_DIGIT_FRAGMENT = re.compile(r"(?<=\d)(-?)ine\b", re.IGNORECASE)
# "449o", "0286O", "024-6o": the letter O said for a last zero, glued to the digits before it.
_TRAILING_O = re.compile(r"(?:(?<=\d\d)|(?<=\d-\d))[Oo]\b")
# "11-water street": the house number glued to the street's name.
_STREET_TYPES = r"(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|court|ct|place|pl|circle|terrace|boulevard|blvd|parkway|highway|hwy)"
_NUMBER_THEN_NAME = re.compile(rf"\b(\d{{1,5}})-([A-Za-z]{{2,}})(?=\s+{_STREET_TYPES}\b)", re.IGNORECASE)
# "address to Union Street", ", Fort Cherry Street": a house number heard as its homophone.
_HOUSE_HOMOPHONES = {"to": "2", "too": "2", "for": "4", "fore": "4", "fort": "4", "won": "1", "ate": "8", "tree": "3", "free": "3"}
_HOUSE_NUMBER_HEARD = re.compile(
    rf"(?:(?<=^)|(?<=[,.:;]\s)|(?<=\b(?:at|is)\s)|(?<=\baddress\s))({'|'.join(_HOUSE_HOMOPHONES)})\s+(?=[A-Z][a-z]+\s+{_STREET_TYPES}\b)",
    re.IGNORECASE,
)
# "address 1 15 State Street": "one fifteen", a house number said in two parts, written apart.
_HOUSE_NUMBER_SPLIT = re.compile(
    rf"(?:(?<=\baddress )|(?<=\bat )|(?<=\bis ))([1-9]) (\d\d) (?=[A-Za-z]+(?: [A-Za-z]+)? {_STREET_TYPES}\b)",
    re.IGNORECASE,
)
_WORD_THEN_DIGITS = re.compile(r"\b([A-Za-z]{3,})-(\d{3,})\b")
_ZIP_HEARD = re.compile(r"\b(?:tip|tipp|lip|lipp|flip|sip|zipp)\b(?=[\s,:]*(?:\d|zero\b|oh\b))", re.IGNORECASE)
_STATE_HEARD = [
    (re.compile(r"\broad island\b", re.IGNORECASE), "Rhode Island"),
    (re.compile(r"\b(?:m?assachusett?s?|massachusets|massachussetts)\b", re.IGNORECASE), "Massachusetts"),
]
# "Zippo2139", "Zippo 1-852" ("zip, oh one eight five two"), "O2446": the letter O for a zero.
_ZIPPO = re.compile(r"\bzippo[ ,-]*(\d(?:[ -]?\d){3})(?![\w-])", re.IGNORECASE)
# "Mass, a 1-821", "Massachusetts a 1 824": the "oh" that starts a New England ZIP heard as "a".
_STATE_NAMES = r"(?:Massachusetts|Mass|New Hampshire|Rhode Island|Connecticut|Vermont|Maine)"
_A_FOR_OH = re.compile(rf"\b({_STATE_NAMES}),?\s+a[ -]?(\d(?:[ -]?\d){{3}})(?![\w-])", re.IGNORECASE)
# "Mass-01-701": the ZIP glued to the state.
_STATE_THEN_DIGITS = re.compile(rf"\b({_STATE_NAMES})-(?=\d)", re.IGNORECASE)
_LETTER_O = re.compile(r"(?<![\w-])O(?=\d)")
_CELL_HEARD = re.compile(r"\b(?:sell|sel)\b(?=[\s,:]*(?:\d|zero\b|oh\b|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b))", re.IGNORECASE)
# "m-o-b-r-i-e-n": a word spelled out, as a rep corrects an address or a name.
_SPELLED = re.compile(r"(?<![\w-])[A-Za-z](?:-[A-Za-z]){2,}(?![\w-])")
_ADD_HEARD = re.compile(r"(^|[.!?]\s+)(?:at|and)\s+(a\s+(?:new\s+)?(?:customer|client)\b)", re.IGNORECASE)
_PROVIDER_NAMES = {
    "gmail": "gmail", "yahoo": "yahoo", "hotmail": "hotmail", "outlook": "outlook", "icloud": "icloud",
    "comcast": "comcast", "verizon": "verizon", "aol": "aol",
}
_TLD = r"(?:com|net|org|edu)"
_FUSED_EMAIL = re.compile(rf"(?<![\w@.])([a-z0-9][a-z0-9._]*?[a-z0-9])at([a-z]{{2,9}})\.({_TLD})\b", re.IGNORECASE)
_NO_AT = re.compile(rf"(?<![@\w])(?!(?:at|email|is)\s)([a-z][a-z0-9._]*),?\s+({'|'.join(_PROVIDER_NAMES)})(\s*\.\s*|\s+dot\s+)({_TLD})\b", re.IGNORECASE)
# "knewinityahoo dot com", "ColleenFitsitYahoo dot com", "www.bwashithotmail.com": the address
# run into one word ending in a big provider's name, its "at" heard as "it", "et", "ed" or lost.
_AT_HEARD = "at|it|et|ed|ad"
_FUSED_PROVIDER = re.compile(
    rf"(?<![\w@.])(?:www\.)?([a-z0-9][a-z0-9._]*?[a-z0-9])(?:{_AT_HEARD})?"
    rf"({'|'.join(p for p in _PROVIDER_NAMES if len(p) > 3)})(\s*\.\s*|\s+dot\s+)({_TLD})\b",
    re.IGNORECASE,
)
# "Sarahat email.com": the "at" run into the name before it, the domain a word apart.
_AT_GLUED = re.compile(rf"(?<![\w@.])([a-z][a-z0-9._]*?[a-z0-9])at(\s+)([a-z]{{2,9}})(\s*\.\s*|\s+dot\s+)({_TLD})\b", re.IGNORECASE)
# English words that end in "at" and may stand before a domain ("that gmail.com").
_AT_WORDS = {"that", "what", "chat", "flat", "great", "beat", "heat", "meat", "seat", "boat", "coat", "hat", "cat", "format", "combat", "repeat", "treat", "neat"}
_SPOKEN_DOMAIN = re.compile(rf"(\s(?:at|@)\s+)([a-z]{{2,9}})(\s*\.\s*|\s+dot\s+)({_TLD})\b", re.IGNORECASE)
# "Chris Hayes, a contest dot net": the "at" before a big provider heard as "a".
_A_FOR_AT = re.compile(rf"(?<=[\s,])(?:a|uh)\s+([a-z]{{3,9}})(\s*\.\s*|\s+dot\s+)({_TLD})\b", re.IGNORECASE)
# "978-469-025-E-mail-gen...": the label run into the phone number before it.
_EMAIL_IN_CHAIN = re.compile(r"(?<=\d)-(e-?mail)-", re.IGNORECASE)
# "Phone for 1 3 7 3 6 2 0 8 1": "four" heard as "for" before the rest of the number.
_FOUR_AFTER_LABEL = re.compile(r"\b(phone|cell|mobile|number)(\s+(?:is\s+)?)for(?=[\s-]+\d(?:[\s,.-]*\d){7,})", re.IGNORECASE)
# How the big providers' names are misheard: "AOL" said as letters.
_PROVIDER_HEARD = {"awell": "aol", "aoel": "aol"}
# The providers whose addresses end in .net, which a misheard label before "net" most likely is
# ("contest dot net", "concussed dot net": comcast).
_NET_PROVIDERS = ("comcast", "verizon", "charter", "sbcglobal")


def transcript_forms(text: str) -> str:
    """The written forms a speech recogniser (Whisper) gives dictated details, as a person means them."""
    out = _ADD_HEARD.sub(lambda m: m.group(1) + "add " + m.group(2), text)
    for pattern, state in _STATE_HEARD:
        out = pattern.sub(state, out)
    out = _ZIPPO.sub(lambda m: "zip 0" + re.sub(r"\D", "", m.group(1)), out)
    out = _A_FOR_OH.sub(lambda m: f"{m.group(1)} 0" + re.sub(r"\D", "", m.group(2)), out)
    out = _STATE_THEN_DIGITS.sub(r"\1 ", out)
    out = _LETTER_O.sub("0", out)
    out = _CELL_HEARD.sub("cell", out)
    out = _EMAIL_IN_CHAIN.sub(r", \1 ", out)
    out = _FOUR_AFTER_LABEL.sub(r"\1\g<2>4", out)
    out = _SPELLED.sub(lambda m: m.group().replace("-", ""), out)
    out = _DIGIT_FRAGMENT.sub(lambda m: "-9" if m.group(1) else " 9", out)
    out = _TRAILING_O.sub("0", out)
    out = _NUMBER_THEN_NAME.sub(r"\1 \2", out)
    out = _HOUSE_NUMBER_HEARD.sub(lambda m: _HOUSE_HOMOPHONES[m.group(1).lower()] + " ", out)
    out = _WORD_THEN_DIGITS.sub(r"\1 \2", out)
    out = _HOUSE_NUMBER_SPLIT.sub(r"\1\2 ", out)
    out = _HYPHEN_CHAIN.sub(_join_chain, out)
    out = _SPACED_DIGITS.sub(lambda m: m.group().replace(" ", ""), out)
    out = _SPLIT_ZIP.sub(_join_split_zip, out)
    out = _ZERO_THEN_ZIP.sub(r"0\1", out)
    out = _ZIP_HEARD.sub("zip", out)
    out = _FUSED_EMAIL.sub(_split_fused_email, out)
    out = _FUSED_PROVIDER.sub(lambda m: f"{m.group(1)} at {m.group(2)}{m.group(3)}{m.group(4)}", out)
    out = _AT_GLUED.sub(_split_glued_at, out)
    out = _NO_AT.sub(lambda m: f"{m.group(1)} at {m.group(2)}{m.group(3)}{m.group(4)}", out)
    out = _A_FOR_AT.sub(_at_heard_as_a, out)
    return _SPOKEN_DOMAIN.sub(lambda m: m.group(1) + _provider(m.group(2), m.group(4)) + m.group(3) + m.group(4), out)


def _at_heard_as_a(m: re.Match[str]) -> str:
    provider = _provider(m.group(1), m.group(3))
    if provider.lower() not in _PROVIDER_NAMES:
        return m.group()
    return f"at {provider}{m.group(2)}{m.group(3)}"


def _join_chain(m: re.Match[str]) -> str:
    """One number from a hyphen chain when it reads as one (a ZIP, a phone, a run of single digits)."""
    items = m.group().split("-")
    digits = [_chain_digits(item) for item in items]
    if any(d is None for d in digits):
        return m.group()
    joined = "".join(d for d in digits if d)
    words = [item for item in items if not item.isdigit()]
    singles = all(len(d or "") == 1 for d in digits)
    if words and not any(item.isdigit() for item in items):
        return m.group()  # "one-to-one", "for-to": words alone are not a number
    if len(joined) in (5, 10) or (singles and len(items) >= 3):
        return joined
    # "6-0-3-55-3-3-4-5": single digits with a pair among them is a phone number said digit by
    # digit, one repeat heard as a pair; the phone reader puts a lost digit back.
    if len(items) >= 6 and all(len(d or "") <= 2 for d in digits) and 9 <= len(joined) <= 11:
        return joined
    return m.group()


def _chain_digits(item: str) -> str | None:
    low = item.lower()
    if low.isdigit():
        return low
    if low in _DIGIT_HOMOPHONES:
        return _DIGIT_HOMOPHONES[low]
    if low in UNITS:
        return str(UNITS[low])
    return None


def _join_split_zip(m: re.Match[str]) -> str:
    digits = [_chain_digits(item) for item in re.split(r"[ -]", m.group())]
    joined = "".join(d or "" for d in digits)
    return joined if len(joined) == 5 and None not in digits else m.group()


def _split_glued_at(m: re.Match[str]) -> str:
    if f"{m.group(1)}at".lower() in _AT_WORDS or _provider(m.group(3)).lower() not in _PROVIDER_NAMES:
        return m.group()
    return f"{m.group(1)} at{m.group(2)}{m.group(3)}{m.group(4)}{m.group(5)}"


def _provider(label: str, tld: str = "") -> str:
    """The big provider a misheard domain label most likely is ("iclub" -> "icloud"; before
    "net", "contest" -> "comcast"), else the label."""
    low = label.lower()
    if low in _PROVIDER_NAMES or len(low) < 3:
        return label
    if low in _PROVIDER_HEARD:
        return _PROVIDER_HEARD[low]
    from rapidfuzz import fuzz, process

    best = process.extractOne(low, list(_PROVIDER_NAMES), scorer=fuzz.ratio, score_cutoff=70)
    if best is None and tld.lower() == "net":
        # Fewer providers end in .net, and their names are long: a looser likeness will do.
        best = process.extractOne(low, _NET_PROVIDERS, scorer=fuzz.ratio, score_cutoff=50)
    return str(best[0]) if best else label


def _split_fused_email(m: re.Match[str]) -> str:
    local, label, tld = m.group(1), m.group(2), m.group(3)
    provider = _provider(label)
    if provider == label and not (label[:2].lower() in {p[:2] for p in _PROVIDER_NAMES} and abs(len(label) - min((len(p) for p in _PROVIDER_NAMES if p[:2] == label[:2].lower()), default=99)) <= 2):
        return m.group()  # not a provider's name: leave a real domain ("beatty.com") alone
    if provider == label:
        provider = next(p for p in _PROVIDER_NAMES if p[:2] == label[:2].lower())
    return f"{local} at {provider}.{tld}"
