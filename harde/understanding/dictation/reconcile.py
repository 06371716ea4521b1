"""The name and the email address of one dictation, put right by each other.

A rep says the customer's name, then an address made of it ("Kevin Nguyen ... k nguyen at
yahoo dot com"). A recogniser spells the name well where it is a name and mangles it in the
address, where it has no idea it is one ("knewin", "bwaltch", "clair.dubois"). A part of the
address that *sounds* like the name said in the same dictation is written as the name is;
a part that only looks like it ("jess" for Jessica, "tony" for Anthony, "kate" for Katie)
is a nickname and stays. Letters spelled out ("s-z-y-m-a-n-s-k-i", "K I M") are what the rep
means and win over both.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from harde.intake.values import smart_case

# Spelled letters: "m-o-b-r-i-e-n", "S Z Y M A N S K I", and "KIM" written as one capitalised
# word (Whisper's way with letters said one by one).
_SPELLED_HYPHENS = re.compile(r"(?<![\w-])[A-Za-z](?:-[A-Za-z]){2,}(?![\w-])")
_SPELLED_SPACES = re.compile(r"(?<![\w'-])[A-Za-z](?: [A-Za-z]){2,}(?![\w'-])")
_SPELLED_CAPS = re.compile(r"(?<![\w'-])[A-Z]{3,}(?![\w'-])")
# How alike, in letters, a heard part and the name it is taken for must be as well.
LIKENESS = 50


def sound_key(word: str) -> str:
    """A rough key of how an English-spoken name sounds: consonants kept (voiced and unvoiced
    t/d, c/k/q, s/z alike), every run of vowels one vowel, silent letters dropped. "clair" and
    "claire", "walsh" and "waltch", "newin" and "nguyen" share one; "kate" and "katie",
    "jess" and "jessica" do not."""
    w = re.sub(r"[^a-z]", "", word.lower())
    for start, said in (("kn", "n"), ("gn", "n"), ("wr", "r"), ("ps", "s"), ("ng", "n"), ("x", "s")):
        if w.startswith(start):
            w = said + w[len(start) :]
            break
    for spelled, said in (("tch", "X"), ("sch", "sk"), ("sh", "X"), ("ch", "X"), ("ph", "f"), ("gh", "g"), ("ck", "k"), ("th", "t"), ("dg", "j")):
        w = w.replace(spelled, said)
    w = re.sub(r"c(?=[eiy])", "s", w)
    w = w.replace("c", "k").replace("q", "k").replace("x", "ks").replace("z", "s").replace("d", "t")
    w = w[:1] + w[1:].replace("h", "")
    if len(w) > 2 and w.endswith("e") and w[-2] not in "aeiouyw":
        w = w[:-1]
    # y and w are vowels inside a word ("nguyen", "newin"), consonants at its start.
    w = w[:1] + re.sub(r"[aeiouyw]", "a", w[1:])
    if w[:1] in "aeiou":
        w = "a" + w[1:]
    return re.sub(r"(.)\1+", r"\1", w)


def sounds_alike(heard: str, name: str) -> bool:
    """Whether a heard word is the name as a recogniser mangled it: the same sound, nearly the same letters."""
    if not heard or not name or heard == name:
        return heard == name
    return sound_key(heard) == sound_key(name) and fuzz.ratio(heard, name) >= LIKENESS


def spelled_words(text: str) -> list[tuple[str, int, int]]:
    """Words spelled out letter by letter in the text, joined: [("szymanski", start, end)]."""
    found = []
    for pattern in (_SPELLED_HYPHENS, _SPELLED_SPACES, _SPELLED_CAPS):
        for m in pattern.finditer(text):
            letters = re.sub(r"[^A-Za-z]", "", m.group()).lower()
            if pattern is _SPELLED_SPACES and len(letters) < 3:
                continue
            found.append((letters, m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


def _letters(name: str | None) -> str:
    return re.sub(r"[^a-z]", "", (name or "").lower())


def spelled_last_name(text: str, name_end: int, last: str | None) -> str | None:
    """A last name spelled right after the name ("Karen Cheymansky. S-Z-Y-M-A-N-S-K-I", "Hannah
    Ken, KIM"): the spelling, cased as a name, when it can be that name (its first letter, or
    alike in letters). Only the few characters after the name are looked at."""
    if not last:
        return None
    ahead = text[name_end : name_end + 40]
    lead = re.match(r"[\s,.:;-]*", ahead)
    start = lead.end() if lead else 0
    for letters, at, _end in spelled_words(ahead):
        if at != start:
            break
        heard = _letters(last)
        if letters == heard:
            return None
        if letters[:1] == heard[:1] or fuzz.ratio(letters, heard) >= 60:
            return smart_case(letters)
        return None
    return None


def reconcile_email(email: str | None, first: str | None, last: str | None, spelled: set[str]) -> str | None:
    """The email with each part of its local part that sounds like the name written as the name
    ("knewin@yahoo.com" after "Kevin Nguyen" -> "knguyen@yahoo.com"); None when nothing changes.
    A part the rep spelled out is kept as spelled."""
    if not email or "@" not in email:
        return None
    local, domain = email.split("@", 1)
    f, lname = _letters(first), _letters(last)
    if not f and not lname:
        return None
    pieces = re.split(r"([._+-])", local)
    changed = False
    for k, piece in enumerate(pieces):
        if len(piece) < 3 or not piece.isalpha() or piece in spelled:
            continue
        better = _as_name(piece, f, lname)
        if better is not None and better != piece:
            pieces[k] = better
            changed = True
    return "".join(pieces) + "@" + domain if changed else None


def _as_name(piece: str, f: str, lname: str) -> str | None:
    """`piece` written as the name it sounds like: the whole name (either way round), an initial
    and the last name, the last or the first name alone, the first name and an initial."""
    if piece in {f, lname, f + lname, lname + f, f[:1] + lname, f + lname[:1], lname + f[:1], lname[:1] + f}:
        return None  # the name as it is, or with an initial ("walshe" for Emily Walsh)
    whole = [f + lname, lname + f] if f and lname else []
    for name in whole:
        if sounds_alike(piece, name):
            return name
    if f and lname and piece[0] == f[0] and sounds_alike(piece[1:], lname):
        return f[0] + lname
    for name in (lname, f):
        if name and sounds_alike(piece, name):
            return name
    if f and lname and piece[-1] == lname[0] and sounds_alike(piece[:-1], f):
        return f + lname[0]
    return None


def name_from_spelled_email(local: str, spelled: set[str], first: str | None, last: str | None) -> str | None:
    """The last name as the rep spelled it in the address ("m-o-b-r-i-e-n" after "Mike
    O'Brian" -> "O'Brien"), when a spelled part is the last name, or an initial and the last
    name, and sounds like the one heard; None when nothing changes."""
    heard = _letters(last)
    if not heard:
        return None
    for piece in re.split(r"[._+-]", local):
        if piece not in spelled:
            continue
        f = _letters(first)
        for letters in (piece, piece[1:] if f and piece[:1] == f[:1] else ""):
            if letters and letters != heard and sounds_alike(letters, heard):
                return _cased_like(letters, last or "")
    return None


def _cased_like(letters: str, heard: str) -> str:
    """Spelled letters cased as the heard name was: "obrien" after "O'Brian" is "O'Brien"."""
    if re.match(r"O'?[A-Z]", heard) and letters[:1] == "o" and len(letters) > 2:
        return "O'" + letters[1:].capitalize()
    return smart_case(letters)
