"""How a parsed customer is compared with a labelled one (the rules of shared/eval/README.md)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from harde.intake.values import SUFFIXES

SCORED_FIELDS = ("first_name", "last_name", "email", "phone", "street", "city", "state", "state_id", "zip", "trade")


def _loose_place(value: Any) -> str:
    """Street and city compare case-insensitively, suffixes and "Saint"/"St." treated as equal."""
    words = re.sub(r"[.,]", " ", str(value or "")).lower().split()
    out = []
    for k, word in enumerate(words):
        if word in ("saint", "st") and k < len(words) - 1:
            out.append("saint")
        else:
            out.append(SUFFIXES.get(word, word).lower())
    return " ".join(out)


def field_matches(field: str, got: Any, expected: Any) -> bool:
    if field in ("street", "city"):
        return _loose_place(got) == _loose_place(expected)
    return got == expected


def compare(got: Mapping[str, Any], expected: Mapping[str, Any]) -> dict[str, bool]:
    return {f: field_matches(f, got.get(f), expected.get(f)) for f in SCORED_FIELDS if f in expected}
