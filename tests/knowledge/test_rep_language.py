"""Questions in reps' own words: shorthand, bare contractions, slang phrases and misspellings."""

from __future__ import annotations

import pytest

from harde.knowledge import KnowledgeBase
from harde.knowledge.index import BM25Index
from harde.knowledge.models import Chunk
from harde.knowledge.rep_language import normalize_query
from harde.knowledge.tokens import PHRASE_WEIGHT, query_terms


def _chunk(source: str, text: str) -> Chunk:
    return Chunk(text=text, source=source, category="PRODUCT_KNOWLEDGE", title=source, heading="")


def test_shorthand_is_spelled_out_and_bare_contractions_dropped() -> None:
    assert normalize_query("Whats the appt time w/ the HO").split() == ["the", "appointment", "time", "with", "the", "homeowner"]
    assert "wanna" not in normalize_query("they wanna wait")


def test_a_rep_phrase_adds_the_playbook_words_below_the_reps_own() -> None:
    terms = query_terms("they want to sleep on it")
    assert terms["sleep"] == 1.0
    assert terms["think"] == PHRASE_WEIGHT < 1.0


def test_phrase_words_never_lower_a_word_the_rep_typed() -> None:
    assert query_terms("is the price too much")["price"] == 1.0


def test_a_misspelled_long_word_is_read_as_the_indexed_word_it_misspells() -> None:
    index = BM25Index.from_chunks(
        [_chunk("a.md", "Our workmanship warranty covers labor for ten years."), _chunk("b.md", "Gutters and downspouts.")]
    )
    hits = index.search("how long is the warrenty", k=2)
    assert hits and hits[0].source == "a.md"


def test_a_typo_whose_stem_is_two_letters_from_the_indexed_stem_is_still_read() -> None:
    index = BM25Index.from_chunks([_chunk("p.md", "Our proposals are valid for 30 days."), _chunk("o.md", "Other things entirely.")])
    # "propsals" stems to "propsal", two edits from "propos" (the stem of "proposals"), but one
    # letter from the word "proposals" itself.
    assert index.correct("propsals") == "propos"
    hits = index.search("how long do propsals stay good", k=1)
    assert hits and hits[0].source == "p.md"
    # A real English word is never bent into another indexed stem.
    assert index.correct("expensive") is None


def test_a_short_unknown_word_is_not_taken_for_a_real_word_one_letter_away() -> None:
    index = BM25Index.from_chunks([_chunk("w.md", "Replacement window glass and sashes.")])
    assert index.search("widow", k=1) == []


@pytest.mark.parametrize("typed", ["prce", "pirce", "wniter", "rdge"])
def test_a_short_word_that_is_no_english_word_is_read_as_the_typo_it_is(typed: str) -> None:
    index = BM25Index.from_chunks([
        _chunk("p.md", "How to present the price, and the winter schedule on the ridge."),
        _chunk("o.md", "Other things entirely."),
    ])
    hits = index.search(f"what about the {typed}", k=1)
    assert hits and hits[0].source == "p.md"


@pytest.mark.parametrize(
    ("question", "document"),
    [
        ("she says she wants to chew on it over the weekend", "OBJECTION_HANDLING/need_to_think_about_it.md"),
        ("they're shopping around with other roofers", "OBJECTION_HANDLING/getting_three_quotes.md"),
        ("their buddy does roofs as a side job", "OBJECTION_HANDLING/handyman_or_diy.md"),
        ("how many yrs is the warrenty on labor", "PRODUCT_KNOWLEDGE/warranties.md"),
        ("is hardiplank better than vinyl", "PRODUCT_KNOWLEDGE/fiber_cement_siding.md"),
    ],
)
def test_reps_slang_finds_the_document_that_answers_it(demo_kb: KnowledgeBase, question: str, document: str) -> None:
    sources = [hit.source for hit in demo_kb.search(question, k=5)]
    assert document in sources, sources


def test_a_short_section_is_read_in_the_context_of_its_document() -> None:
    index = BM25Index.from_chunks(
        [
            _chunk("roof.md", "Roof leaks: check the flashing, the pipe boots and the valleys of the roof."),
            _chunk("roof.md", "At booking, ask who else will decide."),
            _chunk("calendar.md", "Booking a slot."),
        ]
    )
    hits = index.search("booking for a roof", k=3)
    assert [h.source for h in hits][:2] == ["roof.md", "roof.md"]
    assert "booking" in hits[0].text.lower() or "booking" in hits[1].text.lower()
