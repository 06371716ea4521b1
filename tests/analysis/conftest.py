"""A small, hand-made set of calls whose figures are known, and settings that point at it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from harde.config import Settings

PHASES = ("rapport", "inspection", "presentation", "pricing", "close")


def make_call(
    number: int,
    trade: str,
    outcome: str,
    situations: list[str],
    objections: list[tuple[str, bool]],
    techniques: list[str],
    timings: tuple[int, int, int, int, int],
    value: int,
) -> dict[str, Any]:
    return {
        "id": f"SDC-{number:03d}",
        "title": f"{trade} call {number}",
        "date": f"2025-05-{number:02d}",
        "director": "Rachel Ames",
        "trade": trade,
        "town": "Natick",
        "state": "MA",
        "homeowners": "Pat Q.",
        "situations": situations,
        "situation_summary": "Fixture call.",
        "scope": "Fixture scope.",
        "outcome": outcome,
        "outcome_detail": f"Outcome of call {number}.",
        "deal_value": value,
        "objections": [
            {
                "category": category,
                "objection": f"Homeowner line {category} {number}.",
                "response": f"Director answer {category} {number}.",
                "resolved": resolved,
            }
            for category, resolved in objections
        ],
        "techniques": techniques,
        "script_structure": [{"phase": p, "notes": f"{p} notes {number}"} for p in PHASES],
        "phase_timings": dict(zip(PHASES, timings, strict=True)),
        "key_quotes": [f"Opening line of call {number}.", f"A longer line the director said on call number {number}."],
        "takeaway": f"Lesson {number}.",
    }


GBB = "Good-better-best options"
SILENCE = "Silence after the price"
BOOK = "Book the follow-up before leaving"

FIXTURE_CALLS = [
    make_call(1, "roofing", "closed_first_visit", ["storm_damage", "insurance_claim"], [("insurance", True), ("price", True)], [GBB, SILENCE], (10, 30, 20, 10, 10), 20_000),
    make_call(2, "roofing", "lost_price", ["aging_system"], [("price", False)], [SILENCE], (5, 25, 15, 10, 5), 15_000),
    make_call(3, "siding", "closed_follow_up", ["spouse_not_present"], [("spouse", True), ("price", True), ("product", True)], [GBB, BOOK], (8, 20, 25, 12, 10), 40_000),
    make_call(4, "siding", "lost_competitor", ["has_other_quotes", "spouse_not_present"], [("other_quotes", False), ("price", False)], [BOOK], (6, 18, 20, 10, 6), 30_000),
    make_call(5, "siding", "closed_first_visit", ["aging_system"], [("product", True)], [GBB], (12, 22, 24, 14, 8), 36_000),
    make_call(6, "gutters", "pending", ["selling_home"], [("think_it_over", False)], [], (4, 10, 6, 4, 6), 3_000),
]


def write_calls(folder: Path, calls: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for call in calls:
        (folder / f"{call['id']}.json").write_text(json.dumps(call), encoding="utf-8")
    return folder


@pytest.fixture
def fixture_kb(tmp_path: Path) -> Path:
    kb = tmp_path / "kb"
    write_calls(kb / "SALES_DIRECTOR_CALLS", FIXTURE_CALLS)
    return kb


@pytest.fixture
def fixture_settings(tmp_path: Path, fixture_kb: Path) -> Settings:
    return Settings(
        _env_file=None,
        data_dir=tmp_path / "var",
        kb_dir=fixture_kb,
        kb="local",
        llm="offline",
        openai_api_key=None,
        perplexity_api_key=None,
    )
