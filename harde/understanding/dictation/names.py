"""People's names in dictation: labelled, after "new customer", at the start, or last name first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from harde.intake.values import smart_case

_HONORIFICS = {"mr", "mrs", "ms", "miss", "mister", "missus", "dr", "doctor"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "junior", "senior"}
_PARTICLES = {"van", "von", "de", "del", "della", "da", "di", "du", "la", "le", "st", "ter", "ten", "dos", "das", "bin"}
# Words that are never part of a name (checked in lower case).
NAME_STOP = set(
    ["a", "an", "the", "and", "or", "but", "of", "for", "to", "in", "on", "at", "by", "with", "from", "as", "is", "are", "was", "were", "be", "been", "am", "it", "its", "it's", "this", "that", "these", "those", "he", "she", "they", "him", "her", "his", "them", "their", "there", "here", "we", "us", "our", "you", "your", "i", "me", "my", "mine", "new", "add", "added", "adding", "create", "created", "creating", "enter", "put", "set", "up", "make", "open", "start", "please", "can", "could", "would", "will", "should", "customer", "customers", "client", "clients", "homeowner", "homeowners", "lead", "leads", "prospect", "prospects", "contact", "account", "record", "profile", "name", "named", "first", "last", "surname", "full", "phone", "cell", "mobile", "number", "tel", "telephone", "email", "e-mail", "mail", "address", "street", "city", "town", "state", "zip", "code", "postal", "trade", "project", "job", "work", "service", "interested", "looking", "wants", "want", "wanted", "needs", "need", "needed", "called", "calling", "call", "lives", "living", "live", "reach", "reached", "text", "texted", "says", "said", "has", "have", "had", "got", "get", "just", "also", "about", "regarding", "re", "roof", "roofing", "siding", "gutters", "gutter", "windows", "window", "replacement", "repair", "install", "installation", "estimate", "quote", "inspection", "okay", "ok", "yes", "no", "not", "hi", "hey", "hello", "thanks", "thank", "so", "well", "um", "uh", "like", "know", "note", "notes", "referral", "referred", "source", "who", "which", "what", "when", "where", "why", "how", "into", "over", "under", "near", "off", "via", "per", "today", "tomorrow", "yesterday", "morning", "afternoon", "evening", "house", "home", "property", "place", "residence", "unit", "apt", "apartment", "suite", "new-customer", "mister", "missus", "sir", "madam", "ma'am", "sorry", "actually", "wait", "correction", "pls", "plz", "cust", "one", "guy", "lady", "person", "couple", "family", "asap", "rn", "u", "ur", "card", "info", "details", "entry"]
)
_NAME_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*\.?|,|\S")
_INTRO = [
    # "first name Gideon", and "last name Marchetti, first Gideon".
    re.compile(r"\bfirst\s+name(?:\s+is|'s|\s*:|\s*-|\s*=)?\s*|(?:^|(?<=[,;]))\s*first(?:\s+is|\s*:)?\s+(?!name\b)(?=[A-Za-z])", re.IGNORECASE),
    re.compile(
        r"\b(?:(?:customer|client|homeowner|lead|prospect|contact)(?:'s)?\s+)?(?:full\s+)?name(?:\s+is|'s|\s*:|\s*-|\s*=)?\s+|\bnamed\s+|\bby the name of\s+|\bnames\s+(?:are\s+|is\s+)?(?=[A-Za-z])",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:new|add(?:ing)?|cr+e+a+t+e+|creating|enter|entering|set\s+up|setting\s+up|put\s+in|make|open|start|log|register)\b"
        r"(?:\s+(?:a|an|the|me|up|in|another))*(?:\s+(?:new|brand\s+new))?\s+"
        # "customeer", "custmer", "cust": reps type fast; "a new one", "new guy" name one too.
        r"(?:cust\w{0,6}|client|lead|homeowner|prospect|contact|account|record|profile|one|guy|lady|person|couple|family)s?\b"
        r"(?:\s+(?:record|entry|profile|account))?(?:\s*(?:for|named|called|name\s+is|name|:|-|,|–|pls|plz|please))*\s*",
        re.IGNORECASE,
    ),
    re.compile(r"(?:^|[\n.;])[^\S\n]*(?:customer|client|homeowner|lead|prospect|contact)(?:\s*(?::|-|=|\bis\b)\s*|\s+)", re.IGNORECASE),
    re.compile(r"\b(?i:add|create|enter|put)\s+(?=(?:[A-Z][A-Za-z'-]+\s+){1,3}(?:as|to|into|in)\b)"),
    # "can u add marisol vega as a customer": typed in lower case, the role said after the name.
    re.compile(
        r"\b(?:add|create|enter|put|make)\s+(?=(?:[a-z][a-z'-]+\s+){1,3}(?:as|to|into)\s+(?:a\s+|the\s+|an\s+)?(?:new\s+)?"
        r"(?:customer|client|lead|contact|prospect|homeowner)s?\b)",
        re.IGNORECASE,
    ),
    # "put honora delacroix in the system": the name before where it goes.
    re.compile(
        r"\b(?:add|put|enter|get|throw|load)\s+(?=(?:[a-z][a-z'-]+\s+){1,3}(?:in|into|on)\s+(?:the\s+)?(?:system|crm|leap|computer|books|file)\b)",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:this is|it's|it is|homeowner is|customer is|client is|her name's|his name's|their name's)\s+(?=[A-Z])", re.IGNORECASE),
    # "customer card pls: oyelowo, marguerite": a label, a few words about it, a colon, the name.
    re.compile(
        r"\b(?:new\s+)?(?:customer|client|homeowner|lead|prospect|contact)\b(?:\s+(?:card|info|information|details|record|entry|pls|please|plz|for|is|name)){1,3}\s*:\s*",
        re.IGNORECASE,
    ),
]
# A name said again as a correction wins over the first one: "Greg and Linda Harmon, actually
# just put Greg Harmon", "Jon Smith, sorry, I mean John Smyth".
_CORRECTION = re.compile(
    r"\b(?:actually|sorry|correction|scratch that|no wait|wait)\b[\s,:-]*(?:(?:just|only)\s+)?"
    r"(?:put|use|make (?:it|that)|it's|it is|enter|(?:the\s+)?name(?:'s|\s+is)?|i mean)\s+(?:(?:it|them|him|her)\s+)?(?:(?:down\s+)?as\s+)?"
    r"|\bi mean\s+|\b(?:sorry|correction)[\s,:-]+(?=(?-i:[A-Z][a-z]))",
    re.IGNORECASE,
)
_COUPLE = re.compile(r"(?<![\w'-])([A-Za-z][a-z'-]+)\s+(?:and|&)\s+([A-Za-z][a-z'-]+)\s+([A-Za-z][A-Za-z'-]+)\b(?!\s+(?:and|&)\b)")
# Two or three words right after a cue and right before a masked phone number ("|").
_BEFORE_PHONE = re.compile(
    r"(?:\b(?:for|add|named|is|customer|client|lead|homeowner|prospect|contact|me|up|in)\s+|^|[:,-]\s*)"
    r"((?:[A-Za-z][A-Za-z'-]+\s+){1,2}[A-Za-z][A-Za-z'-]+)\s*[,-]?\s*\|",
    re.IGNORECASE,
)
_LOWER_THEN_CAPITALISED = re.compile(r"[a-z][a-z'-]+ [A-Z][a-z'-]+(?=[\s,.;]|$)")
_LAST_LABEL = re.compile(r"\b(?:last\s+name|surname|family\s+name)(?:\s+is|'s|\s*:|\s*-|\s*=)?\s*", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"^\s*(?:(?:please|hey|hi|ok|okay|so|alright|hard-?e|can you|could you|go ahead and|add|create|enter|put in|new)\b[\s,:]*)*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NameMatch:
    first: str | None
    last: str | None
    start: int
    end: int
    unsure: bool = False


def _is_name_word(tok: str, mixed_case: bool, first: bool) -> bool:
    if not re.fullmatch(r"[A-Za-z][A-Za-z'-]*\.?", tok):
        return False
    low = tok.lower().rstrip(".")
    if low in NAME_STOP and not (mixed_case and tok[0].isupper() and low not in _COMMON_CAPITALISED):
        return False
    if not mixed_case and len(low) >= 5 and _misspelt_stop_word(low):
        return False  # "wannts vinyl siding": a typo of a word, not a name
    if mixed_case and not tok[0].isupper() and low not in _PARTICLES:
        return False
    return not (first and low in _PARTICLES and not tok[0].isupper())


_LONG_STOPS = sorted(w for w in NAME_STOP if len(w) >= 5)


def _misspelt_stop_word(low: str) -> bool:
    """A doubled or swapped letter away from a word that is never a name ("wannts", "intrested")."""
    if low in NAME_STOP:
        return True
    best = process.extractOne(low, _LONG_STOPS, scorer=fuzz.ratio, score_cutoff=88)
    return best is not None


# Words that appear capitalised at the start of a sentence but are never names.
_COMMON_CAPITALISED = {
    "the", "a", "an", "and", "or", "but", "she", "he", "they", "her", "his", "their", "it", "this", "that", "please",
    "customer", "client", "new", "add", "create", "phone", "cell", "email", "e-mail", "address", "city", "state", "zip",
    "trade", "name", "first", "last", "interested", "looking", "wants", "needs", "called", "reach", "lives", "project",
    "okay", "ok", "yes", "no", "hi", "hey", "hello", "thanks", "so", "also", "note", "notes", "referral", "referred",
    "street", "mobile", "number", "is", "at", "in", "for", "from", "with", "on", "to", "of", "can", "could", "would",
    "just", "we", "i", "you", "my", "our", "your", "homeowner", "lead", "prospect", "contact", "roof", "roofing",
    "siding", "gutters", "windows", "window", "gutter", "mr", "mrs", "ms", "dr", "hard-e", "house", "home", "job",
}


def read_name_at(text: str, pos: int, *, mixed_case: bool, allow_single: bool = True) -> NameMatch | None:
    """Read a name starting at `pos`: "Sarah Johnson", "Doyle, Rachel", "O Brien", "Sarah J. Johnson"."""
    tokens = [(m.group(), m.start() + pos, m.end() + pos) for m in _NAME_TOKEN.finditer(text[pos : pos + 120])]
    words: list[tuple[str, int, int]] = []
    i = 0
    while i < len(tokens) and tokens[i][0].lower().rstrip(".") in _HONORIFICS:
        i += 1
    last_first = False
    while i < len(tokens) and len(words) < 4:
        tok, start, end = tokens[i]
        if words and "\n" in text[words[-1][2] : start]:
            break
        if tok == ",":
            # "Doyle, Rachel": one word, a comma, one word, then the end of the name.
            if len(words) == 1 and i + 1 < len(tokens) and _is_name_word(tokens[i + 1][0], mixed_case, True):
                after = tokens[i + 2][0] if i + 2 < len(tokens) else ""
                if (after in ("", ",", ".", ";", ":", "|", "-", "(", "?", "!", "/") or after.lower() in NAME_STOP) and tokens[i + 1][0].lower() not in NAME_STOP:
                    words.append(tokens[i + 1])
                    last_first = True
            break
        if not _is_name_word(tok, mixed_case, not words):
            break
        if tok.lower().rstrip(".") in _SUFFIXES and words:
            i += 1
            continue
        words.append((tok, start, end))
        i += 1
        # "Pelletier." ends a sentence; "J." and "St." do not.
        if tok.endswith(".") and len(tok) > 3 and tok.lower().rstrip(".") not in _PARTICLES:
            break
    if not words:
        return None
    start, end = words[0][1], words[-1][2]
    names = [w[0].rstrip(".") if not re.fullmatch(r"[A-Za-z]\.", w[0]) else w[0] for w in words]
    if last_first:
        return NameMatch(smart_case(names[1]), smart_case(names[0]), start, end)
    joined: list[str] = []
    for word in names:
        # Speech-to-text splits "O'Brien" and "McCarthy": "O Brien", "Mc Carthy".
        if joined and joined[-1] in ("O", "o") and len(joined) >= 1:
            joined[-1] = "O'" + smart_case(word)
            continue
        if joined and joined[-1].lower() in ("mc", "mac") and len(joined) >= 1:
            joined[-1] = joined[-1].capitalize() + word.capitalize()
            continue
        joined.append(word)
    core = [w for w in joined if not re.fullmatch(r"[A-Za-z]\.?", w)] or joined
    if len(core) == 1:
        if not allow_single:
            return None
        return NameMatch(smart_case(core[0]), None, start, end)
    particle_at = next((k for k, w in enumerate(core[1:], start=1) if w.lower() in _PARTICLES), None)
    if particle_at is not None:
        first, last = core[:particle_at], core[particle_at:]
    else:
        first, last = core[:-1], core[-1:]
    unsure = len(first) > 1
    return NameMatch(smart_case(" ".join(first)), " ".join(smart_case(w) for w in last), start, end, unsure)


def find_name(text: str) -> NameMatch | None:
    """The customer's name, from the clearest cue the text offers."""
    mixed_case = not (text.islower() or text.isupper())
    last_label = _LAST_LABEL.search(text)
    last_value = read_name_at(text, last_label.end(), mixed_case=mixed_case) if last_label else None
    for m in _CORRECTION.finditer(text):
        corrected = read_name_at(text, m.end(), mixed_case=mixed_case, allow_single=False)
        if corrected is not None and corrected.last is not None:
            return corrected
    single: NameMatch | None = None
    for pattern in _INTRO:
        for m in pattern.finditer(text):
            found = read_name_at(text, m.end(), mixed_case=mixed_case)
            if found is None and mixed_case and _LOWER_THEN_CAPITALISED.match(text, m.end()):
                # "new customer, ingrid Olsen": a recogniser writes a first name in lower case.
                found = read_name_at(text, m.end(), mixed_case=False, allow_single=False)
            if found is None:
                continue
            if last_value is not None and pattern is _INTRO[0]:
                return NameMatch(found.first, last_value.first, found.start, found.end)
            if found.last is None and last_value is not None:
                return NameMatch(found.first, last_value.first, found.start, found.end)
            if found.last is None and pattern is not _INTRO[0]:
                single = single or found
                continue
            return found
    if last_value is not None:
        return NameMatch(None, last_value.first, last_value.start, last_value.end)
    lead = _LEAD_IN.match(text)
    start = lead.end() if lead else 0
    found = read_name_at(text, start, mixed_case=mixed_case, allow_single=False)
    if found is not None and found.last is not None:
        return found
    couple = _COUPLE.search(text)
    if couple is not None and all(_is_name_word(w, False, True) for w in couple.groups()):
        # "bill and sue tanaka": the first named goes on the record, under the shared surname.
        return NameMatch(smart_case(couple.group(1)), smart_case(couple.group(3)), couple.start(), couple.end())
    for chunk in re.finditer(r"[^,.;:\n|–—]+", text):
        for part in re.finditer(r"(?:(?<=\s-\s)|(?<=^)|(?<=\s--\s))[^-]+?(?=\s-+\s|$)", chunk.group()):
            piece = part.group()
            words = piece.split()
            # A part typed all in lower case is read as such even when the rest has capitals
            # ("home show - tom becker, (781) ...").
            case = mixed_case and not piece.islower()
            if 2 <= len(words) <= 3 and all(_is_name_word(w, case, k == 0) for k, w in enumerate(words)):
                at = chunk.start() + part.start() + len(piece) - len(piece.lstrip())
                found = read_name_at(text, at, mixed_case=case, allow_single=False)
                if found is not None and found.last is not None:
                    return NameMatch(found.first, found.last, found.start, found.end, unsure=True)
    for m in _BEFORE_PHONE.finditer(text):
        # "need a customer made for gwen o'hara 781.555.2303": the words just before the number.
        at = m.start(1)
        case = mixed_case and not m.group(1).islower()
        found = read_name_at(text, at, mixed_case=case, allow_single=False)
        if found is not None and found.last is not None and found.end <= m.end(1) + 1:
            return NameMatch(found.first, found.last, found.start, found.end, unsure=True)
    if mixed_case:
        for m in re.finditer(r"(?<![A-Za-z'-])[A-Z][a-z'A-Z-]+", text):
            found = read_name_at(text, m.start(), mixed_case=True, allow_single=False)
            if found is not None and found.last is not None:
                return NameMatch(found.first, found.last, found.start, found.end, unsure=True)
    return single
