"""`harde kb search|ingest|stats` on the demo knowledge base."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harde.cli import main


@pytest.fixture(autouse=True)
def _fresh_settings() -> None:
    from harde.config import get_settings

    get_settings.cache_clear()


def test_search_json_lists_hits_with_their_sources() -> None:
    result = CliRunner().invoke(main, ["kb", "search", "--json", "--k", "3", "customer wants to wait until spring"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)["hits"]
    assert 0 < len(hits) <= 3
    assert set(hits[0]) >= {"text", "score", "category", "source", "heading"}
    assert hits[0]["source"] == "OBJECTION_HANDLING/waiting_until_next_season.md"


def test_search_category_filter() -> None:
    result = CliRunner().invoke(main, ["kb", "search", "--json", "--category", "PRODUCT_KNOWLEDGE", "warranty"])
    assert result.exit_code == 0, result.output
    assert {h["category"] for h in json.loads(result.output)["hits"]} == {"PRODUCT_KNOWLEDGE"}


def test_ingest_then_search_finds_the_new_document(tmp_path: Path) -> None:
    doc = tmp_path / "yard-signs.md"
    doc.write_text("# Yard Sign Policy\n\nAsk every customer for a yard sign during installation week.\n")
    runner = CliRunner()
    ingested = runner.invoke(main, ["kb", "ingest", str(doc)])
    assert ingested.exit_code == 0, ingested.output
    assert "Yard Sign Policy" in ingested.output
    found = json.loads(runner.invoke(main, ["kb", "search", "--json", "yard sign"]).output)["hits"]
    assert found[0]["source"] == "UPLOADS/yard-signs.md"


def test_ingest_refuses_an_empty_file_and_says_why(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(main, ["kb", "ingest", str(empty)])
    assert result.exit_code == 1
    assert "empty" in result.output


def test_stats_counts_documents_per_category() -> None:
    result = CliRunner().invoke(main, ["kb", "stats", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["categories"]["OBJECTION_HANDLING"] >= 5
    assert "Maple_Hollow_Estates" in figures["projects"]
