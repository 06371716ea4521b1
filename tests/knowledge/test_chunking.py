"""Chunking: passages of about 1,500 characters, cut at paragraph and sentence ends, with overlap."""

from __future__ import annotations

from harde.knowledge.chunking import (
    MAX_CHARS,
    OVERLAP_CHARS,
    category_of,
    chunk_document,
    split_sentences,
)
from harde.knowledge.models import ParsedDocument, Section


def _sentences(n: int) -> str:
    return " ".join(f"Sentence number {i} explains one more detail about the roof system." for i in range(n))


def test_short_sections_stay_whole_with_their_heading() -> None:
    doc = ParsedDocument("Warranties", [Section("Workmanship", "Ten years."), Section("Materials", "Fifty years.")])
    chunks = chunk_document(doc, "PRODUCT_KNOWLEDGE/warranties.md")
    assert [(c.heading, c.text) for c in chunks] == [("Workmanship", "Ten years."), ("Materials", "Fifty years.")]
    assert all(c.category == "PRODUCT_KNOWLEDGE" and c.title == "Warranties" for c in chunks)
    assert all(c.source == "PRODUCT_KNOWLEDGE/warranties.md" for c in chunks)


def test_long_section_is_cut_at_sentence_ends_within_the_size() -> None:
    doc = ParsedDocument("T", [Section("H", _sentences(80))])
    chunks = chunk_document(doc, "CORE_KNOWLEDGE/t.md")
    assert len(chunks) > 2
    for chunk in chunks:
        assert len(chunk.text) <= MAX_CHARS + OVERLAP_CHARS
        assert chunk.text.endswith("system.")
        assert chunk.text.startswith("Sentence number")


def test_consecutive_passages_overlap_by_a_sentence() -> None:
    doc = ParsedDocument("T", [Section("H", _sentences(80))])
    first, second = chunk_document(doc, "CORE_KNOWLEDGE/t.md")[:2]
    last_sentence = split_sentences(first.text)[-1]
    assert last_sentence in second.text[: OVERLAP_CHARS + 10]
    assert second.text.index(last_sentence) < OVERLAP_CHARS


def test_paragraphs_are_kept_together_when_they_fit() -> None:
    paragraphs = [f"Paragraph {i}. " + "Words about gutters and guards. " * 8 for i in range(12)]
    doc = ParsedDocument("T", [Section("", "\n\n".join(paragraphs))])
    chunks = chunk_document(doc, "PRODUCT_KNOWLEDGE/g.md")
    for chunk in chunks:
        for part in chunk.text.split("\n\n"):
            assert part.strip().startswith("Paragraph") or part in chunks[0].text or part.startswith("Words")


def test_abbreviations_do_not_end_a_sentence() -> None:
    assert split_sentences("It covers approx. 30 sq. ft. of deck. Then it stops.") == [
        "It covers approx. 30 sq. ft. of deck.",
        "Then it stops.",
    ]


def test_project_folders_give_the_project_name() -> None:
    assert category_of("PROJECTS/Maple_Hollow_Estates/hoa.md") == ("PROJECTS", "Maple_Hollow_Estates")
    assert category_of("OBJECTION_HANDLING/price.md") == ("OBJECTION_HANDLING", None)
