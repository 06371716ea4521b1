"""Phone numbers in dictation: "(518) 656-4662", "617 555 0123", "six one seven..." (already digits)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "617-55-0123": a recogniser that hears "five five five" often writes two fives.
REPAIR_COLLAPSED_DIGITS = True
_GROUP = re.compile(r"\d+")
# What may stand between the digit groups of one number.
_JOINER = re.compile(r"^[\s,.\-()/+]*(?:(?:dash|hyphen)[\s,.\-]*)?$", re.IGNORECASE)
_LABEL = re.compile(
    r"\b(cell(?:\s*phone)?|mobile|phone|tel|telephone|number|home|landline|land line|work|office|call(?: her| him| them)?(?: at)?|reach(?: her| him| them)?(?: at)?|text)\b[^\d\n]{0,16}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PhoneMatch:
    digits: str  # 10 digits when valid; what was heard otherwise
    start: int
    end: int
    heard: str
    label: str  # Leap phone label: cell, home, office, phone
    labelled: bool
    repaired: bool = False  # a digit the recogniser dropped was put back: to confirm


def _label_before(text: str, start: int) -> tuple[str, bool]:
    window = text[max(0, start - 40) : start]
    m = _LABEL.search(window)
    if not m:
        return "cell", False
    word = m.group(1).lower()
    if word.startswith(("home", "land")):
        return "home", True
    if word.startswith(("work", "office")):
        return "office", True
    return "cell", True


def find_phones(text: str) -> list[PhoneMatch]:
    """Every 10-digit (or 1 + 10-digit) number, in order; then labelled numbers of another length."""
    groups = [(m.group(), m.start(), m.end()) for m in _GROUP.finditer(text)]
    chains: list[list[tuple[str, int, int]]] = []
    for group in groups:
        if chains and _JOINER.match(text[chains[-1][-1][2] : group[1]]) and text[chains[-1][-1][2] : group[1]].count(",") <= 1:
            chains[-1].append(group)
        else:
            chains.append([group])
    repaired_at: set[int] = set()
    if REPAIR_COLLAPSED_DIGITS:
        chains = [_zero_after(text, _repair_collapsed(chain, repaired_at), repaired_at) for chain in chains]
    found: list[PhoneMatch] = []
    for chain in chains:
        i = 0
        while i < len(chain):
            digits = ""
            matched = None
            for j in range(i, len(chain)):
                digits += chain[j][0]
                if len(digits) == 11 and digits.startswith("1"):
                    matched = (j, digits[1:])
                    break
                if len(digits) == 10:
                    matched = (j, digits)
                    if not digits.startswith("1"):
                        break
                    # No area code starts with 1: it may be the leading one of 11 digits.
                    continue
                if len(digits) > 11:
                    break
            if matched is None:
                i += 1
                continue
            j, number = matched
            start, end = chain[i][1], chain[j][2]
            if start > 0 and text[start - 1] == "(":
                start -= 1
            label, labelled = _label_before(text, start)
            repaired = any(g[1] in repaired_at for g in chain[i : j + 1])
            found.append(PhoneMatch(number, start, end, text[start:end], label, labelled, repaired))
            i = j + 1
    if not found:
        for chain in chains:
            start = chain[0][1]
            label, labelled = _label_before(text, start)
            digits = "".join(g[0] for g in chain)
            if labelled and 7 <= len(digits) <= 13 and not re.search(r"\bzip", text[max(0, start - 15) : start], re.IGNORECASE):
                end = chain[-1][2]
                found.append(PhoneMatch(digits, start, end, text[start:end], label, True))
                break
    return found


def _repair_collapsed(chain: list[tuple[str, int, int]], repaired_at: set[int]) -> list[tuple[str, int, int]]:
    """A digit said three times is often heard twice, or a pair heard three times; the
    groups the recogniser wrote say where (the exchange has three digits, the line four):
    - "617-55-0123" (3, 2, 4) and "617-558802" or "617558802" (9 digits): the exchange starts
      with a pair, "five five five" heard as two fives;
    - "401, 555, 66634" (3, 3, 5): the line holds a run of three, one of them heard twice."""
    lengths = [len(g[0]) for g in chain]
    for k in range(len(chain) - 2):
        if lengths[k : k + 3] == [3, 2, 4] and chain[k + 1][0][0] == chain[k + 1][0][1]:
            return _put(chain, k + 1, chain[k + 1][0] + chain[k + 1][0][0], repaired_at)
    for k in range(len(chain)):
        if lengths[k:] == [3, 6]:
            rest = chain[k + 1][0]
            if rest[0] == rest[1] != rest[2]:
                return _put(chain, k + 1, rest[0] + rest, repaired_at)
        if lengths[k:] == [9]:
            digits = chain[k][0]
            if digits[3] == digits[4] != digits[5]:
                return _put(chain, k, digits[:3] + digits[3] + digits[3:], repaired_at)
        if lengths[k : k + 3] == [3, 3, 5]:
            line = chain[k + 2][0]
            run = re.search(r"(\d)\1\1", line)
            if run and len(re.findall(r"(\d)\1\1", line)) == 1:
                return _put(chain, k + 2, line[: run.start()] + line[run.start() + 1 :], repaired_at)
    return chain


# "781, 554, 183. Oh, her email is ...": the last digit, "oh", written as a word of the next sentence.
_OH_AFTER = re.compile(r"[\s,.]{0,3}(?:oh|o)\b(?![-'])", re.IGNORECASE)


def _zero_after(text: str, chain: list[tuple[str, int, int]], repaired_at: set[int]) -> list[tuple[str, int, int]]:
    """A number one digit short (3, 3, 3) followed by "Oh": the "oh" is its last digit (to confirm)."""
    if [len(g[0]) for g in chain[-3:]] != [3, 3, 3] or len("".join(g[0] for g in chain)) != 9:
        return chain
    oh = _OH_AFTER.match(text, chain[-1][2])
    if oh is None:
        return chain
    last = chain[-1]
    repaired_at.add(last[1])
    return [*chain[:-1], (last[0] + "0", last[1], oh.end())]


def _put(chain: list[tuple[str, int, int]], k: int, digits: str, repaired_at: set[int]) -> list[tuple[str, int, int]]:
    """The chain with group k's digits replaced, the group remembered as repaired (to confirm)."""
    group = chain[k]
    repaired_at.add(group[1])
    return [*chain[:k], (digits, group[1], group[2]), *chain[k + 1 :]]


