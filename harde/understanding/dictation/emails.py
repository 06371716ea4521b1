"""Email addresses as people dictate them: "megan dot hayes at gmail dot com" -> megan.hayes@gmail.com."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Providers people name without a top-level domain ("sarah.j at gmail").
PROVIDERS = {
    "gmail": "gmail.com", "googlemail": "googlemail.com", "yahoo": "yahoo.com", "hotmail": "hotmail.com",
    "outlook": "outlook.com", "aol": "aol.com", "icloud": "icloud.com", "comcast": "comcast.net",
    "verizon": "verizon.net", "msn": "msn.com", "live": "live.com", "att": "att.net",
    "sbcglobal": "sbcglobal.net", "charter": "charter.net", "cox": "cox.net", "protonmail": "protonmail.com",
    "proton": "proton.me", "me": "me.com", "mac": "mac.com", "ymail": "ymail.com", "optonline": "optonline.net",
    "earthlink": "earthlink.net", "rocketmail": "rocketmail.com", "gmx": "gmx.com", "mail": "mail.com",
}
TLDS = {
    "com", "net", "org", "edu", "gov", "us", "io", "co", "uk", "ca", "me", "info", "biz", "mil",
    "ai", "app", "dev", "tech", "online", "email", "ie", "de", "fr", "au", "nz", "in", "ly", "tv",
    "site", "xyz", "pro", "law", "realty", "cloud", "ma",
}
_SEPARATORS = {"dot": ".", "period": ".", "underscore": "_", "under": "_", "dash": "-", "hyphen": "-", "minus": "-", "plus": "+"}
# Words that end a spoken local part when reading backwards from "at".
_STOP = {
    "or", "is", "at", "and", "email", "e-mail", "mail", "address", "her", "his", "their", "reach", "contact",
    "the", "to", "by", "on", "for", "of", "me", "it", "was", "be", "use", "uses", "send", "via", "its",
    "are", "phone", "cell", "number", "name", "customer", "client", "with", "from", "in", "you", "can",
    "him", "them", "us", "new", "emails", "mailing", "also", "then", "plus", "she", "he", "they",
    "personal", "work", "primary", "home", "best", "an", "a", "it's", "that's", "thats", "one",
    "write", "instead", "actually", "correct", "correction", "change", "make", "should", "not", "no",
    "sorry", "wait", "mobile", "lives", "live", "called", "please", "add", "create", "as",
}
# "email as ...": a recogniser's "is" after the label.
_LABEL_WORDS = {"email", "e-mail", "mail", "is", "address", "emails", "at", "or", "as"}
_TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._%+'-]*[A-Za-z0-9])?|@|\S")

@dataclass(frozen=True)
class EmailMatch:
    value: str  # lower case, as assembled
    start: int  # span in the text it came from
    end: int
    heard: str
    unsure: bool = False


_WRITTEN_LOCAL = re.compile(r"(?<![\w.%+'-])[A-Za-z0-9][\w.%+'-]{0,63}$")


def find_email(text: str) -> EmailMatch | None:
    """The first email address in the text, written or spoken."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    for k, (tok, _start, _end) in enumerate(tokens):
        if tok != "@" and tok.lower() != "at":
            continue
        domain = _domain_after(text, tokens, k)
        if domain is None:
            continue
        domain_value, domain_end = domain
        written = _WRITTEN_LOCAL.search(text, 0, tokens[k][1]) if tok == "@" else None
        if written is not None:
            # "hlee@gmail.com" typed: the local part is what is glued to the "@", nothing before it.
            value = f"{written.group().strip('.')}@{domain_value}".lower()
            end = tokens[domain_end][2]
            return EmailMatch(value=value, start=written.start(), end=end, heard=text[written.start() : end])
        local = _local_before(text, tokens, k)
        if local is None:
            continue
        local_value, local_start, unsure = local
        start = tokens[local_start][1]
        end = tokens[domain_end][2]
        value = f"{local_value}@{domain_value}".lower()
        return EmailMatch(value=value, start=start, end=end, heard=text[start:end], unsure=unsure)
    return None


def _domain_after(text: str, tokens: list[tuple[str, int, int]], k: int) -> tuple[str, int] | None:
    labels: list[str] = []
    j = k + 1
    if j >= len(tokens):
        return None
    first = tokens[j][0]
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.-]*", first) or first.lower() in ("the", "a", "an", "her", "his", "their"):
        return None
    labels.extend(part for part in first.lower().split(".") if part)
    last = j
    j += 1
    while j + 1 < len(tokens):
        sep = tokens[j][0].lower()
        if re.fullmatch(r"[A-Za-z0-9]+", tokens[j][0]) and sep not in ("dot", "point", "period", "dash", "hyphen") and len(labels) == 1 and j - k <= 3:
            # "sullivan roofing dot com": a company domain said as two words
            ahead = [t[0].lower() for t in tokens[j + 1 : j + 3]]
            if ahead and ahead[0] in ("dot", "point", "period") and len(ahead) > 1 and ahead[1] in TLDS:
                labels[-1] += sep
                last = j
                j += 1
                continue
        nxt = tokens[j + 1][0]
        spaced = bool(text[tokens[j - 1][2] : tokens[j][1]].strip() == "" and text[tokens[j - 1][2] : tokens[j][1]])
        is_dot = sep in ("dot", "point", "period") or (sep == "." and not spaced and not text[tokens[j][2] : tokens[j + 1][1]])
        if is_dot and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.-]*", nxt):
            labels.extend(part for part in nxt.lower().split(".") if part)
            last = j + 1
            j += 2
            continue
        if sep in ("dash", "hyphen") and re.fullmatch(r"[A-Za-z0-9]+", nxt) and labels:
            labels[-1] += "-" + nxt.lower()
            last = j + 1
            j += 2
            continue
        break
    if len(labels) >= 2 and labels[-1] in TLDS and all(re.fullmatch(r"[a-z0-9-]+", lab) for lab in labels):
        return ".".join(labels), last
    if len(labels) == 1 and labels[0] in PROVIDERS:
        return PROVIDERS[labels[0]], last
    return None


def _local_before(text: str, tokens: list[tuple[str, int, int]], k: int) -> tuple[str, int, bool] | None:
    """Read the local part backwards from "at": words, digits, spelled letters, spoken separators."""
    parts: list[tuple[str, int, str]] = []  # (kind, index, text); kind: word, digits, letter, sep
    j = k - 1
    if j > 0 and tokens[j][0] == "," and re.fullmatch(r"[A-Za-z][A-Za-z'-]+", tokens[j - 1][0]):
        j -= 1  # "Email Chris Hayes, at comcast dot net": a breath before the "at"
    words_since_sep = 0
    unsure = False
    while j >= 0:
        tok = tokens[j][0]
        low = tok.lower()
        gap = text[tokens[j][2] : tokens[j + 1][1]]
        if "\n" in gap:
            break
        if low in _SEPARATORS and (low != "under" or (j + 1 < k and tokens[j + 1][0].lower() == "score")):
            parts.append(("sep", j, _SEPARATORS[low]))
            words_since_sep = 0
            j -= 1
            continue
        if low == "score" and j - 1 >= 0 and tokens[j - 1][0].lower() == "under":
            parts.append(("skip", j, ""))
            j -= 1
            continue
        if tok in ("_", "-", "+") and not gap.strip():
            parts.append(("sep", j, tok))
            words_since_sep = 0
            j -= 1
            continue
        spelled = len(tok) == 1 and tok.isalpha() and (low != "a" or bool(parts and parts[-1][0] == "letter"))
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._%+'-]*", tok) or (low in _STOP and not spelled):
            break
        if tok.isdigit():
            if any(p[0] == "word" for p in parts):
                break  # digits before the words: the end of a phone number
            parts.append(("digits", j, tok))
        elif len(tok) == 1:
            parts.append(("letter", j, tok))
        else:
            if words_since_sep >= 3:
                unsure = True
                break
            words_since_sep += 1
            parts.append(("word", j, tok))
        j -= 1
    parts.reverse()
    parts = [p for p in parts if p[0] != "skip"]
    # Several bare words ("jen walsh at gmail") join only when nothing but a label or a
    # comma comes before them; otherwise the first of them is likely the customer's name.
    words = [p for p in parts if p[0] == "word"]
    # A sentence end or the last group of a phone number bounds them as well as a label does.
    bounded = (
        j < 0
        or tokens[j][0] in (",", ":", ";", "-", "(", '"', ".", "|", "?", "!", "@")
        or tokens[j][0].lower() in _LABEL_WORDS
        or (tokens[j][0].isdigit() and len(tokens[j][0]) >= 4)
        # "email the susan foley at ...": a word the recogniser put after the label.
        or (tokens[j][0].lower() in ("the", "a") and j > 0 and tokens[j - 1][0].lower() in _LABEL_WORDS)
    )
    # "Tom Reed tom reed at gmail": the name said, then the same words as the address.
    if unsure and len(words) == 3 and j >= 0 and parts[0] is words[0]:
        said_before = [tokens[j][0].lower(), words[0][2].lower()]
        if said_before == [words[1][2].lower(), words[2][2].lower()]:
            parts = parts[parts.index(words[1]) :]
            words = words[1:]
            unsure = False
            bounded = True
    # "enough rachel duffy at gmail" after "Rachel Duffy lives at...": the address is the name
    # said earlier, and the word before it is a misheard label.
    if len(words) >= 3 and not unsure:
        tail = [w[2].lower() for w in words[-2:]]
        before = [t[0].lower() for t in tokens[: words[0][1]]]
        if any(before[i : i + 2] == tail for i in range(len(before) - 1)):
            parts = parts[parts.index(words[-2]) :]
            words = words[-2:]
    if len(words) > 1 and (unsure or not bounded):
        unsure = True
        parts = parts[parts.index(words[-1]) :]
    # Digits right before the local part are the end of a phone number, not the address.
    while parts and parts[0][0] in ("digits", "sep"):
        if all(p[0] in ("digits", "sep") for p in parts):
            break
        parts.pop(0)
    while parts and parts[0][0] == "sep":
        parts.pop(0)
    if not parts or all(p[0] == "sep" for p in parts):
        return None
    if parts[-1][0] == "sep":
        return None
    local = "".join(p[2] for p in parts)
    if parts[0][0] == "digits" and len(local) >= 7:
        return None  # a phone number followed by "at", not an address
    return local.strip("."), parts[0][1], unsure


