"""The index on disk: BM25 matrices equal to bm25s's own, a manifest read once per ingest,
generations swapped in whole while the previous one keeps serving."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import bm25s
import numpy as np

from harde.knowledge import KnowledgeBase, make_knowledge_base
from harde.knowledge.chunking import chunk_document
from harde.knowledge.index import Corpus, Matrices, chunk_terms
from harde.knowledge.ingest import parse_document
from harde.knowledge.scoring import column_matrix, top_rows, weighted_scores

from .conftest import DEMO_KB, kb_settings, uploader


def _demo_chunks() -> list:
    chunks = []
    for path in sorted(DEMO_KB.rglob("*.md")):
        rel = path.relative_to(DEMO_KB).as_posix()
        chunks.extend(chunk_document(parse_document(path.name, path.read_bytes()), rel))
    return chunks


def _assert_same_scores(ours: bm25s.BM25, theirs: bm25s.BM25) -> None:
    vocabulary = {t for t in theirs.vocab_dict if t}
    assert set(ours.vocab_dict) == vocabulary
    for term in sorted(vocabulary):
        assert np.array_equal(ours.get_scores([term]), theirs.get_scores([term])), term


def test_the_matrices_score_every_term_exactly_as_bm25s_index_does() -> None:
    chunks = _demo_chunks()
    corpus, ordered = Corpus.from_chunks(chunks)
    matrices = Matrices.build(corpus)
    passages = bm25s.BM25(k1=1.2, b=0.5, method="lucene")
    passages.index([chunk_terms(c) for c in ordered], show_progress=False)
    by_source: dict[str, list[str]] = {}
    for chunk in ordered:
        by_source.setdefault(chunk.source, []).extend(chunk_terms(chunk))
    documents = bm25s.BM25(k1=1.2, b=0.5, method="lucene")
    documents.index([by_source[s] for s in sorted(by_source)], show_progress=False)
    assert matrices.passages is not None and matrices.documents is not None
    _assert_same_scores(matrices.passages, passages)
    _assert_same_scores(matrices.documents, documents)
    assert sum(Counter(chunk_terms(c)).total() for c in ordered) == int(corpus.counts.sum())


def test_a_saved_index_is_loaded_memory_mapped(tmp_path: Path) -> None:
    kb = make_knowledge_base(kb_settings(tmp_path / "var"))
    kb.refresh()
    generation = make_knowledge_base(kb_settings(tmp_path / "var")).storage.open()
    assert generation is not None
    data = generation.index._retriever.scores["data"]  # type: ignore[union-attr]
    assert isinstance(data, np.memmap)


def test_a_search_does_not_look_at_the_files_and_an_ingest_does(tmp_path: Path, small_kb_dir: Path) -> None:
    kb = make_knowledge_base(kb_settings(tmp_path / "var", small_kb_dir))
    kb.recheck_s = 0.0
    kb.refresh()
    shutil.rmtree(small_kb_dir / "PRODUCT_KNOWLEDGE")
    for _ in range(3):
        assert kb.search("workmanship warranty", k=1)[0].source == "PRODUCT_KNOWLEDGE/warranties.md"
    assert kb.refresh().removed == 2
    assert all(h.source.startswith(("OBJECTION", "PROJECTS")) for h in kb.search("workmanship warranty", k=5))


def test_a_file_touched_without_a_change_is_not_read_again(tmp_path: Path, small_kb_dir: Path) -> None:
    settings = kb_settings(tmp_path / "var", small_kb_dir)
    kb = make_knowledge_base(settings)
    kb.refresh()
    before = kb.storage.current_name()
    path = small_kb_dir / "PRODUCT_KNOWLEDGE" / "warranties.md"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    assert kb.refresh().changed == 0
    assert kb.storage.current_name() == before  # no new generation for the same bytes
    record = kb.storage.open().file("PRODUCT_KNOWLEDGE/warranties.md")  # type: ignore[union-attr]
    assert record is not None and record.mtime_ns == path.stat().st_mtime_ns
    path.write_text(path.read_text(encoding="utf-8") + "\nThe Tern warranty is transferable once.\n", encoding="utf-8")
    assert kb.refresh().changed == 1
    assert kb.storage.current_name() != before


def test_another_process_keeps_its_index_until_the_new_one_is_swapped_in(tmp_path: Path, small_kb_dir: Path) -> None:
    settings = kb_settings(tmp_path / "var", small_kb_dir)
    reader = make_knowledge_base(settings)
    reader.refresh()
    first = reader.storage.current_name()
    assert reader.search("zorbix", k=1) == []
    writer = make_knowledge_base(settings)
    writer.add_document("storm.md", b"# Storm Policy\n\nAfter a hailstorm we offer free Zorbix roof inspections.\n", uploader())
    writer.add_document("gutter.md", b"# Gutter Policy\n\nSeamless gutters only, five-inch K-style.\n", uploader())
    assert not (tmp_path / "var" / "knowledge" / "index" / str(first)).exists()  # two generations on
    # The reader still answers from the generation it has open, files deleted or not.
    assert reader.search("zorbix", k=1) == []
    assert reader.search("workmanship warranty", k=1)[0].source == "PRODUCT_KNOWLEDGE/warranties.md"
    _swap(reader)
    assert reader.search("zorbix", k=1)[0].source == "UPLOADS/storm.md"


def test_an_index_in_the_old_single_file_format_is_rebuilt_and_removed(tmp_path: Path, small_kb_dir: Path) -> None:
    index_dir = tmp_path / "var" / "knowledge" / "index"
    (index_dir / "bm25").mkdir(parents=True)
    (index_dir / "passages.json").write_text('{"version": 5, "files": {}}', encoding="utf-8")
    kb = make_knowledge_base(kb_settings(tmp_path / "var", small_kb_dir))
    assert kb.search("workmanship warranty", k=1)[0].source == "PRODUCT_KNOWLEDGE/warranties.md"
    assert not (index_dir / "passages.json").exists() and not (index_dir / "bm25").exists()


def _swap(kb: KnowledgeBase) -> None:
    """Let a running knowledge base notice the swap, as it does on a search after recheck_s."""
    kb.recheck_s = 0.0
    kb.search("anything", k=1)
    assert kb._background is not None
    kb._background.join(timeout=30)


def test_the_top_rows_are_those_a_full_sort_gives_equal_scores_by_row() -> None:
    rng = np.random.default_rng(3)
    for n, want in ((50, 5), (100_000, 20), (100_003, 200), (70_000, 1)):
        scores = rng.choice(np.array([0, 0, 0.5, 1.25, 2.0, 7.5], dtype=np.float32), size=n)
        scores[rng.integers(0, n, 40)] = rng.random(40, dtype=np.float32) * 10
        positive = np.flatnonzero(scores > 0)
        expected = positive[np.lexsort((positive, -scores[positive]))][:want]
        assert np.array_equal(top_rows(scores, want), expected), (n, want)
    assert len(top_rows(np.zeros(10_000, dtype=np.float32), 5)) == 0


def test_a_query_scores_as_the_sum_of_bm25s_scores_term_by_term() -> None:
    corpus, _ = Corpus.from_chunks(_demo_chunks())
    matrices = Matrices.build(corpus)
    assert matrices.passages is not None
    retriever = matrices.passages
    terms = sorted(retriever.vocab_dict)[::97]
    weights = [1.0, 0.35, 0.5, 1.0, 0.25] * len(terms)
    expected = np.zeros(corpus.size, dtype=np.float32)
    for term, weight in zip(terms, weights, strict=False):
        expected += np.float32(weight) * retriever.get_scores([term])
    got = weighted_scores(column_matrix(retriever), [retriever.vocab_dict[t] for t in terms], weights[: len(terms)])
    assert np.array_equal(got, expected)
