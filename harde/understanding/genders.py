"""Whether a first name is a woman's or a man's, for "her" and "his" after a conversation has
named both (first_name_genders.txt: common names, clear cases only; anything else is unknown)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

Gender = Literal["f", "m"]
_TABLE = Path(__file__).with_name("data") / "first_name_genders.txt"


@cache
def _genders() -> dict[str, Gender]:
    table: dict[str, Gender] = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith(("f ", "m ")):
            gender: Gender = "f" if line[0] == "f" else "m"
            table.update(dict.fromkeys(line[2:].split(), gender))
    return table


def gender_of(first_name: str) -> Gender | None:
    """"f", "m", or None when the name is rare, shared, or not one."""
    words = first_name.casefold().split()
    return _genders().get(words[0]) if words else None
