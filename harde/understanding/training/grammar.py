"""A tiny template grammar: ``(a|b)`` alternatives, ``[x]`` optional parts, ``{slot}`` fillers.

A template is parsed once into a tree; :func:`expand` walks it with a seeded random
generator and returns segments ``(text, protected)``, so the noise step can leave names,
numbers and addresses unmangled.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

Segment = tuple[str, bool]
Filler = Callable[[str], tuple[str, bool]]


@dataclass(frozen=True)
class Text:
    value: str


@dataclass(frozen=True)
class Slot:
    name: str


@dataclass(frozen=True)
class Choice:
    options: tuple[Seq, ...]


@dataclass(frozen=True)
class Optional_:
    body: Seq


@dataclass(frozen=True)
class Seq:
    items: tuple[Text | Slot | Choice | Optional_, ...]


class TemplateError(ValueError):
    pass


def parse(template: str) -> Seq:
    seq, pos = _parse_seq(template, 0, stop="")
    if pos != len(template):
        raise TemplateError(f"unbalanced template: {template!r}")
    return seq


def _parse_seq(s: str, pos: int, stop: str) -> tuple[Seq, int]:
    items: list[Text | Slot | Choice | Optional_] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            items.append(Text("".join(buf)))
            buf.clear()

    while pos < len(s):
        ch = s[pos]
        if ch in stop:
            break
        if ch == "(":
            flush()
            options: list[Seq] = []
            pos += 1
            while True:
                opt, pos = _parse_seq(s, pos, stop="|)")
                options.append(opt)
                if pos >= len(s):
                    raise TemplateError(f"unclosed '(' in {s!r}")
                if s[pos] == ")":
                    pos += 1
                    break
                pos += 1  # '|'
            items.append(Choice(tuple(options)))
        elif ch == "[":
            flush()
            body, pos = _parse_seq(s, pos + 1, stop="]")
            if pos >= len(s) or s[pos] != "]":
                raise TemplateError(f"unclosed '[' in {s!r}")
            pos += 1
            items.append(Optional_(body))
        elif ch == "{":
            flush()
            end = s.find("}", pos)
            if end < 0:
                raise TemplateError(f"unclosed '{{' in {s!r}")
            items.append(Slot(s[pos + 1 : end]))
            pos = end + 1
        elif ch in ")]}|":
            raise TemplateError(f"stray {ch!r} in {s!r}")
        else:
            buf.append(ch)
            pos += 1
    flush()
    return Seq(tuple(items)), pos


def slots(node: Seq) -> set[str]:
    found: set[str] = set()
    for item in node.items:
        if isinstance(item, Slot):
            found.add(item.name)
        elif isinstance(item, Choice):
            for opt in item.options:
                found |= slots(opt)
        elif isinstance(item, Optional_):
            found |= slots(item.body)
    return found


def expand(node: Seq, rng: random.Random, fill: Filler) -> list[Segment]:
    out: list[Segment] = []
    for item in node.items:
        if isinstance(item, Text):
            out.append((item.value, False))
        elif isinstance(item, Slot):
            out.append(fill(item.name))
        elif isinstance(item, Choice):
            out.extend(expand(rng.choice(item.options), rng, fill))
        elif rng.random() < 0.5:
            out.extend(expand(item.body, rng, fill))
    return _tidy(out)


_SPACES = re.compile(r"\s+")


def _tidy(segments: list[Segment]) -> list[Segment]:
    """Collapse whitespace across segment borders and drop spaces before punctuation."""
    text = "".join(t for t, _ in segments)
    if not text.strip():
        return []
    tidy: list[Segment] = []
    for value, protected in segments:
        value = _SPACES.sub(" ", value)
        if not value:
            continue
        if tidy and tidy[-1][0].endswith(" ") and value.startswith(" "):
            value = value[1:]
        if not value:
            continue
        if tidy and value[0] in ",?!:." and tidy[-1][0].endswith(" "):
            prev, prot = tidy[-1]
            tidy[-1] = (prev.rstrip(), prot)
        tidy.append((value, protected))
    if tidy:
        tidy[0] = (tidy[0][0].lstrip(), tidy[0][1])
        tidy[-1] = (tidy[-1][0].rstrip(), tidy[-1][1])
    return [(t, p) for t, p in tidy if t]
