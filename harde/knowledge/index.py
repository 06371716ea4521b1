"""The BM25 index over passages (bm25s), each read in the context of its document, with filters.

The index holds only what scoring needs: the two BM25 matrices (memory-mapped when loaded from
disk, see storage.py) and a few small arrays per passage. A passage's text is fetched only for
the hits, from wherever the passages live (a list in memory, or SQLite).
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import bm25s
import numpy as np
from rapidfuzz.distance import OSA

from harde.knowledge.models import Chunk, Hit, Upload
from harde.knowledge.scoring import (
    bm25_from_counts,
    column_matrix,
    rows_with_term,
    sum_pairs,
    top_rows,
    weighted_scores,
)
from harde.knowledge.tokens import CORRECTION_WEIGHT, analyze, is_english_word, query_terms, stems
from harde.knowledge.vectors import VectorsUnavailable, encoder

log = logging.getLogger(__name__)

# The title and heading say what a passage is about; counting their terms again ranks a passage
# titled "Price objection" above one that mentions price in passing.
TITLE_REPEAT = 2
HEADING_REPEAT = 3
MAX_PER_SOURCE = 2
# A passage is read in the context of its document: a short section ("Prevent it at booking")
# rarely repeats the words of the document's subject. Each passage's score adds this share of
# its whole document's BM25 score for the same query.
DOCUMENT_WEIGHT = 0.5
PROJECT_BOOST = 1.25
# The playbook is the company's answer; the director's call summaries are examples of it.
# Unless a question is about the calls, a call summary must score clearly higher to outrank
# a playbook passage.
CATEGORY_PRIOR = {"SALES_DIRECTOR_CALLS": 0.7}
# With sentence vectors, BM25's best RERANK_CANDIDATES passages are ordered again by
# LEXICAL_WEIGHT * (BM25 score / the best one's) + the rest * (cosine to the question).
# Chosen on the dev knowledge questions (0.5 / 0.65 / 0.8 / 1.0 and rank fusion tried), not on held-out.
RERANK_CANDIDATES = 30
LEXICAL_WEIGHT = 0.5
WITHIN_LEXICAL_WEIGHT = 0.4  # chosen on the dev knowledge questions (0.15 / 0.25 / 0.3 / 0.4 / 0.5), not on held-out
# "call my manager", "a check-in call" are not the director's calls; "calls", "rachel", "the director" are.
_CALLS_WORDS = re.compile(r"\b(calls|director|directors|transcripts?|recordings?|rachel|sdc-?\d*)\b", re.IGNORECASE)
# Words that do not identify a project by themselves ("estates", "village").
_GENERIC_PROJECT_TEXT = (
    "the at of estates estate village commons park heights condominiums condos condo development "
    "project homes place farms farm landing ridge hoa association phase"
)
_GENERIC_PROJECT_WORDS = frozenset(_GENERIC_PROJECT_TEXT.split())


def chunk_terms(chunk: Chunk) -> list[str]:
    title = analyze(chunk.title)
    heading = analyze(chunk.heading)
    return analyze(chunk.text) + title * TITLE_REPEAT + heading * HEADING_REPEAT


def normalize_category(category: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", category.strip().upper()).strip("_")


def project_words(name: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", name.lower()) if w]


class PassageLookup(Protocol):
    """Where the text of a passage, and the upload record of its document, are read from."""

    def chunk(self, row: int) -> Chunk: ...

    def upload(self, source: str) -> Upload | None: ...


class ChunkList:
    """Passages kept in memory, in matrix order: an index built from chunks (tests, benchmarks)."""

    def __init__(self, chunks: list[Chunk], uploads: dict[str, Upload] | None = None) -> None:
        self.chunks = chunks
        self.uploads = uploads or {}

    def chunk(self, row: int) -> Chunk:
        return self.chunks[row]

    def upload(self, source: str) -> Upload | None:
        return self.uploads.get(source)


def term_counts(chunk: Chunk, vocab: dict[str, int]) -> tuple[list[int], list[int]]:
    """A passage's term ids (new terms are added to `vocab`) and how often each occurs."""
    counted = Counter(chunk_terms(chunk))
    ids = [vocab.setdefault(term, len(vocab)) for term in counted]
    return ids, list(counted.values())


@dataclass
class Corpus:
    """Every passage's term counts in matrix order, and what the filters need of each passage.

    Rows are ordered by source, then by position within the document; `document_of` maps a
    passage to its document's row (documents with passages, by source)."""

    rows: np.ndarray  # flat (row, term id, count) triples, one per distinct term of a passage
    terms: np.ndarray
    counts: np.ndarray
    vocab: dict[str, int]
    document_of: np.ndarray  # int32 per passage
    category_code: np.ndarray  # int16 per passage, into category_names
    category_names: list[str]
    project_code: np.ndarray  # int32 per passage, into project_names; -1: not a project document
    project_names: list[str]

    @property
    def size(self) -> int:
        return len(self.document_of)

    @property
    def documents(self) -> int:
        return int(self.document_of[-1]) + 1 if len(self.document_of) else 0

    @classmethod
    def from_chunks(cls, chunks: Iterable[Chunk]) -> tuple[Corpus, list[Chunk]]:
        """The corpus of chunks grouped by source (sources sorted, each source's chunks in the
        order given), and the chunks in that order."""
        by_source: dict[str, list[Chunk]] = {}
        for chunk in chunks:
            by_source.setdefault(chunk.source, []).append(chunk)
        ordered = [chunk for source in sorted(by_source) for chunk in by_source[source]]
        vocab: dict[str, int] = {}
        rows: list[int] = []
        terms: list[int] = []
        counts: list[int] = []
        for row, chunk in enumerate(ordered):
            ids, tf = term_counts(chunk, vocab)
            rows.extend([row] * len(ids))
            terms.extend(ids)
            counts.extend(tf)
        builder = CorpusBuilder()
        for chunk in ordered:
            builder.add(chunk.source, chunk.category, chunk.project)
        corpus = builder.finish(np.array(rows, dtype=np.int32), np.array(terms, dtype=np.int32), np.array(counts, dtype=np.int32), vocab)
        return corpus, ordered


class CorpusBuilder:
    """Collects the per-passage filter codes while passages are added in matrix order."""

    def __init__(self) -> None:
        self._document_of: list[int] = []
        self._categories: dict[str, int] = {}
        self._category_code: list[int] = []
        self._projects: dict[str, int] = {}
        self._project_code: list[int] = []
        self._last_source: str | None = None
        self._documents = 0

    def add(self, source: str, category: str, project: str | None) -> None:
        if source != self._last_source:
            self._documents += 1 if self._last_source is not None else 0
            self._last_source = source
        self._document_of.append(self._documents)
        self._category_code.append(self._categories.setdefault(category, len(self._categories)))
        self._project_code.append(self._projects.setdefault(project, len(self._projects)) if project else -1)

    def finish(self, rows: np.ndarray, terms: np.ndarray, counts: np.ndarray, vocab: dict[str, int]) -> Corpus:
        # Project codes follow sorted names, so `project_names` lists them as they always have.
        project_names = sorted(self._projects)
        remap = np.array([project_names.index(p) for p in self._projects] + [-1], dtype=np.int32)
        return Corpus(
            rows=rows,
            terms=terms,
            counts=counts,
            vocab=vocab,
            document_of=np.array(self._document_of, dtype=np.int32),
            category_code=np.array(self._category_code, dtype=np.int16),
            category_names=list(self._categories),
            project_code=remap[np.array(self._project_code, dtype=np.int64)].astype(np.int32),
            project_names=project_names,
        )


@dataclass
class Matrices:
    """The two BM25 matrices of a corpus: passages, and whole documents."""

    passages: bm25s.BM25 | None
    documents: bm25s.BM25 | None

    @classmethod
    def build(cls, corpus: Corpus, k1: float = 1.2, b: float = 0.5) -> Matrices:
        """`b` below BM25's usual 0.75: a document's intro is a few lines and its sections are long,
        and the section that holds the answer should not lose to the intro for its length."""
        if corpus.size == 0:
            return cls(None, None)
        passages = bm25_from_counts(corpus.rows, corpus.terms, corpus.counts, corpus.size, corpus.vocab, k1, b)
        n_terms = max(corpus.vocab.values(), default=-1) + 1
        rows, terms, counts = sum_pairs(corpus.document_of[corpus.rows], corpus.terms, corpus.counts, corpus.documents, n_terms)
        documents = bm25_from_counts(rows, terms, counts, corpus.documents, corpus.vocab, k1, b)
        return cls(passages, documents)


class BM25Index:
    """Passages and their BM25 scores. Read-only once built: searches may run in many threads."""

    def __init__(
        self,
        matrices: Matrices,
        passages: PassageLookup,
        document_of: np.ndarray,
        category_code: np.ndarray,
        category_names: list[str],
        project_code: np.ndarray,
        project_names: list[str],
        vectors: np.ndarray | None = None,
    ) -> None:
        self.size = len(document_of)
        self.passages = passages
        self._vectors = vectors  # (size, DIMENSION) unit vectors, or None: BM25 alone
        self._retriever = matrices.passages if self.size else None
        self._documents = matrices.documents if self.size else None
        self._vocab: dict[str, int] = dict(self._retriever.vocab_dict) if self._retriever is not None else {}
        self._document_vocab: dict[str, int] = dict(self._documents.vocab_dict) if self._documents is not None else {}
        self._passage_columns = column_matrix(self._retriever) if self._retriever is not None else None
        self._document_columns = column_matrix(self._documents) if self._documents is not None else None
        self._document_of = document_of
        self._category_code = category_code
        self.category_names = category_names
        self._project_code = project_code
        self._project_names = project_names
        # Filters and priors are fixed per corpus: computed once here, not per search.
        self._general = project_code < 0
        priors = np.array([CATEGORY_PRIOR.get(name, 1.0) for name in category_names] or [1.0], dtype=np.float32)
        self._prior = priors[category_code.astype(np.int64)] if self.size else np.zeros(0, dtype=np.float32)
        calls = [i for i, name in enumerate(category_names) if name == "SALES_DIRECTOR_CALLS"]
        self._playbook = ~np.isin(category_code, calls)
        self._near: dict[str, list[str]] | None = None
        self._longest = 0  # the longest term in _near

    @classmethod
    def from_chunks(cls, chunks: Iterable[Chunk], uploads: dict[str, Upload] | None = None) -> BM25Index:
        corpus, ordered = Corpus.from_chunks(chunks)
        return cls.from_corpus(corpus, ChunkList(ordered, uploads))

    @classmethod
    def from_corpus(cls, corpus: Corpus, passages: PassageLookup, matrices: Matrices | None = None) -> BM25Index:
        return cls(
            matrices or Matrices.build(corpus),
            passages,
            corpus.document_of,
            corpus.category_code,
            corpus.category_names,
            corpus.project_code,
            corpus.project_names,
        )

    @property
    def documents(self) -> int:
        """How many documents have passages."""
        return int(self._document_of[-1]) + 1 if self.size else 0

    # --- searching -----------------------------------------------------------------------
    @property
    def project_names(self) -> list[str]:
        return list(self._project_names)

    def projects_named_in(self, query: str) -> list[str]:
        """Projects whose distinctive name words all appear in the query, each as written or one
        slip away ("maaple holow", "brookisde commons")."""
        words = set(project_words(query[:2000]))
        named = []
        for name in self._project_names:
            distinctive = [w for w in project_words(name) if w not in _GENERIC_PROJECT_WORDS]
            if distinctive and all(w in words or _slip_of(w, words) for w in distinctive):
                named.append(name)
        return named

    def correct(self, term: str) -> str | None:
        """The index term an unknown query term most likely misspells (one edit away), if any.

        Deletion neighbourhoods: two words are one insertion, deletion or substitution apart
        exactly when one of them, or both with one letter removed, coincide. Among candidates
        the term in most passages wins.
        """
        if term in self._vocab or term.isdigit() or len(term) < 4 or self._retriever is None:
            return None
        near = self._near_terms()
        candidates: set[str] = set()
        # Longer than every index term and one more: one edit from none of them (and its
        # deletions would cost len(term) squared).
        for key in {term, *_deletions(term)} if len(term) <= self._longest + 1 else ():
            candidates.update(near.get(key, ()))
        candidates.discard(term)
        if not candidates and term.isalpha() and not is_english_word(term) and stems([term]) != [term]:
            # The index holds stems: "propsals" is one letter from "proposals", whose stem
            # "propos" is two from "propsal". For a typed word (no stem, no English word), a word
            # one edit away whose stem is indexed counts.
            candidates = {t for t in stems(_edits(term)) if t in self._vocab}
        if not candidates and term.isalpha() and not is_english_word(term):
            # "guttres", "warrnaty": two letters swapped are one slip, though two edits apart.
            swapped = [term[:i] + term[i + 1] + term[i] + term[i + 2 :] for i in range(len(term) - 1) if term[i] != term[i + 1]]
            candidates = {t for t in [*swapped, *stems(swapped)] if t in self._vocab}
        if not candidates:
            return None
        return max(sorted(candidates), key=self._frequency)

    def _near_terms(self) -> dict[str, list[str]]:
        if self._near is None:
            near: dict[str, list[str]] = {}
            longest = 0
            for known in self._vocab:
                if len(known) < 3 or not known.isalpha():
                    continue
                longest = max(longest, len(known))
                for key in {known, *_deletions(known)}:
                    near.setdefault(key, []).append(known)
            self._near, self._longest = near, longest
        return self._near

    def _frequency(self, term: str) -> int:
        assert self._retriever is not None
        return len(rows_with_term(self._retriever, self._vocab[term]))

    def scores(self, terms: dict[str, float]) -> np.ndarray:
        if self._passage_columns is None:
            return np.zeros(self.size, dtype=np.float32)
        known = [(self._vocab[t], w) for t, w in terms.items() if t in self._vocab]
        total = weighted_scores(self._passage_columns, [i for i, _ in known], [w for _, w in known])
        if self._document_columns is not None and DOCUMENT_WEIGHT:
            known = [(self._document_vocab[t], w) for t, w in terms.items() if t in self._document_vocab]
            whole = weighted_scores(self._document_columns, [i for i, _ in known], [w for _, w in known])
            total += np.float32(DOCUMENT_WEIGHT) * whole[self._document_of]
        return total

    def search(
        self,
        query: str,
        k: int = 5,
        category: str | None = None,
        project: str | None = None,
    ) -> list[Hit]:
        if not self.size or k <= 0:
            return []
        scores = self.scores(query_terms(query, correct=self.correct))
        # In place: `scores` is this search's own array, and each step computes in float32 what
        # `scores * prior`, `np.where(...)` would, without another pass over a new array.
        if not _CALLS_WORDS.search(query):
            scores *= self._prior
        allowed: np.ndarray | None = None
        if category:
            wanted = normalize_category(category)
            allowed = np.isin(self._category_code, [i for i, name in enumerate(self.category_names) if name == wanted])
        if project:
            wanted_words = project_words(project)
            matches = [p for p in self._project_names if project_words(p) == wanted_words]
            allowed = self._any_project(matches) if allowed is None else allowed & self._any_project(matches)
        else:
            # Project documents (HOA rules of one development...) answer only questions that
            # name the project; elsewhere they would crowd out the general playbook.
            named = self.projects_named_in(query)
            if named:
                in_named = self._any_project(named)
                general = self._general | in_named
                allowed = general if allowed is None else allowed & general
                np.multiply(scores, np.float32(PROJECT_BOOST), out=scores, where=in_named)
            else:
                allowed = self._general if allowed is None else allowed & self._general
        np.multiply(scores, allowed, out=scores)
        if self._vectors is not None:
            scores = self._rerank(query, scores)
        return self._top(scores, k)

    def _rerank(self, query: str, scores: np.ndarray) -> np.ndarray:
        """BM25's best candidates ordered again by meaning as well as words; the others drop."""
        assert self._vectors is not None
        candidates = top_rows(scores, RERANK_CANDIDATES)
        if len(candidates) < 2:
            return scores
        try:
            question = encoder().query(query)
        except (VectorsUnavailable, OSError, RuntimeError) as exc:
            log.warning("sentence vectors unavailable (%s); searching by words alone", exc)
            self._vectors = None
            return scores
        lexical = scores[candidates] / scores[candidates].max()
        closeness = np.clip(np.asarray(self._vectors[candidates], dtype=np.float32) @ question, 0.0, None)
        ranked = np.zeros_like(scores)
        combined = LEXICAL_WEIGHT * lexical + (1.0 - LEXICAL_WEIGHT) * closeness + np.float32(1e-6)
        # Within one document, which passage answers is told more by meaning: the words shared by
        # every section (the title's, the subject's) lift the introduction over the section asked.
        within = WITHIN_LEXICAL_WEIGHT * lexical + (1.0 - WITHIN_LEXICAL_WEIGHT) * closeness
        documents = self._document_of[candidates]
        for document in np.unique(documents):
            mine = np.flatnonzero(documents == document)
            if len(mine) > 1:
                combined[mine[np.argsort(-within[mine], kind="stable")]] = np.sort(combined[mine])[::-1]
        ranked[candidates] = combined
        return ranked

    def coverage(self, query: str) -> float:
        """How much of a question one playbook passage speaks to: the IDF-weighted share of the
        question's own terms (misspellings corrected) found together in the best passage, call
        summaries aside. 0 when fewer than two of its terms are in the index at all."""
        if self._retriever is None or not self.size:
            return 0.0
        terms = [t for t, w in query_terms(query[:2000], correct=self.correct).items() if w >= CORRECTION_WEIGHT and t in self._vocab]
        if len(terms) < 2:
            return 0.0
        n = self.size
        covered = np.zeros(n, dtype=np.float64)
        total = 0.0
        for term in terms:
            present = np.zeros(n, dtype=bool)
            present[rows_with_term(self._retriever, self._vocab[term])] = True
            present &= self._playbook
            df = int(np.count_nonzero(present))
            idf = float(np.log((n - df + 0.5) / (df + 0.5) + 1.0))
            covered += idf * present
            total += idf
        return float(covered.max() / total) if total > 0 else 0.0

    def _any_project(self, names: list[str]) -> np.ndarray:
        codes = [self._project_names.index(name) for name in names if name in self._project_names]
        if not codes:
            return np.zeros(self.size, dtype=bool)
        return np.isin(self._project_code, codes)

    def _top(self, scores: np.ndarray, k: int) -> list[Hit]:
        # The best k * (MAX_PER_SOURCE + 2) passages are enough to find k from different documents.
        order = top_rows(scores, k * (MAX_PER_SOURCE + 2))
        hits: list[Hit] = []
        per_document: dict[int, int] = {}
        for i in order:
            score = float(scores[i])
            if score <= 0:
                break
            document = int(self._document_of[i])
            if per_document.get(document, 0) >= MAX_PER_SOURCE:
                continue
            per_document[document] = per_document.get(document, 0) + 1
            chunk = self.passages.chunk(int(i))
            hits.append(
                Hit(
                    text=chunk.text,
                    score=round(score, 4),
                    category=chunk.category,
                    source=chunk.source,
                    heading=chunk.heading,
                    title=chunk.title,
                    project=chunk.project,
                    upload=self.passages.upload(chunk.source),
                )
            )
            if len(hits) == k:
                break
        return hits


def _slip_of(word: str, words: set[str]) -> bool:
    """Whether one of `words` is `word` typed with one letter added, dropped, changed or two
    swapped; only for words long enough that one slip does not make another word."""
    if len(word) < 5:
        return False
    return any(abs(len(w) - len(word)) <= 1 and w[0] == word[0] and OSA.distance(w, word, score_cutoff=1) <= 1 for w in words)


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _edits(word: str) -> list[str]:
    """The words one insertion, substitution or transposition from `word`."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + c + b for a, b in splits for c in letters}
    out.update(a + c + b[1:] for a, b in splits if b for c in letters)
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.discard(word)
    return sorted(out)


def write_atomic(path: Path, text: str) -> None:
    """Write a file whole or not at all: a reader never sees half of it."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
