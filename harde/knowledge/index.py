"""The BM25 index over passages (bm25s), each read in the context of its document, with filters,
persisted and updated file by file.

Parsing, chunking and term analysis are kept per file, so a change re-reads only the files that
changed; the BM25 matrix itself is rebuilt from the stored terms, which takes milliseconds
because IDF and length norms are corpus-wide anyway.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bm25s
import numpy as np

from harde.knowledge.models import Chunk, Hit, Upload
from harde.knowledge.tokens import CORRECTION_WEIGHT, analyze, query_terms

log = logging.getLogger(__name__)

FORMAT_VERSION = 7
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
_CALLS_WORDS = re.compile(r"\b(calls?|director|transcripts?|recordings?)\b", re.IGNORECASE)
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


@dataclass
class FileEntry:
    fingerprint: str
    chunks: list[Chunk]
    terms: list[list[str]]
    upload: Upload | None = None  # who uploaded it and its review; None for a source document


def normalize_category(category: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", category.strip().upper()).strip("_")


def project_words(name: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", name.lower()) if w]


class BM25Index:
    """Passages and their BM25 scores. Not thread-safe for writes; searches only read."""

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self.files: dict[str, FileEntry] = {}
        self.chunks: list[Chunk] = []
        self._retriever: bm25s.BM25 | None = None
        self._documents: bm25s.BM25 | None = None
        self._document_vocab: dict[str, int] = {}
        self._document_of = np.zeros(0, dtype=np.int64)  # passage -> its document's row
        self._vocab: dict[str, int] = {}
        self._category_masks: dict[str, np.ndarray] = {}
        self._project_masks: dict[str, np.ndarray] = {}
        self._general = np.zeros(0, dtype=bool)
        self._prior = np.zeros(0, dtype=np.float32)
        self._playbook: np.ndarray | None = None
        self._near: dict[str, list[str]] | None = None
        self._longest = 0  # the longest term in _near
        self._document_frequency: np.ndarray | None = None

    # --- building ------------------------------------------------------------------------
    def set_file(self, source: str, fingerprint: str, chunks: list[Chunk], upload: Upload | None = None) -> None:
        self.files[source] = FileEntry(fingerprint, chunks, [chunk_terms(c) for c in chunks], upload)

    def set_upload(self, source: str, upload: Upload | None) -> None:
        """Record who uploaded a file and its review; the passages and scores stay as they are."""
        self.files[source].upload = upload

    def remove_file(self, source: str) -> None:
        self.files.pop(source, None)

    def rebuild(self, retriever: bm25s.BM25 | None = None) -> None:
        """Recompute the BM25 matrix from the stored terms of every file (or adopt a loaded one)."""
        chunks: list[Chunk] = []
        corpus: list[list[str]] = []
        documents: list[list[str]] = []
        document_of: list[int] = []
        for source in sorted(self.files):
            entry = self.files[source]
            if not entry.chunks:
                continue
            chunks.extend(entry.chunks)
            corpus.extend(entry.terms)
            document_of.extend([len(documents)] * len(entry.chunks))
            documents.append([term for terms in entry.terms for term in terms])
        self.chunks = chunks
        if chunks and retriever is None:
            retriever = bm25s.BM25(k1=self.k1, b=self.b, method="lucene")
            retriever.index(corpus, show_progress=False)
        self._retriever = retriever if chunks else None
        self._vocab = dict(retriever.vocab_dict) if retriever is not None and chunks else {}
        self._near = None  # the misspelling lookup follows the vocabulary; rebuilt on demand
        # The document matrix is small (one row per file) and cheap to rebuild, so it is not saved.
        self._documents = None
        self._document_vocab = {}
        if documents:
            self._documents = bm25s.BM25(k1=self.k1, b=self.b, method="lucene")
            self._documents.index(documents, show_progress=False)
            self._document_vocab = dict(self._documents.vocab_dict)
        self._document_of = np.array(document_of, dtype=np.int64)
        # Filters and priors are fixed per corpus: computed once here, not per search.
        categories = np.array([c.category for c in chunks], dtype=object)
        projects = np.array([c.project or "" for c in chunks], dtype=object)
        self._category_masks = {str(name): categories == name for name in set(categories.tolist())}
        self._project_masks = {str(name): projects == name for name in set(projects.tolist()) if name}
        self._general = projects == ""
        self._prior = np.array([CATEGORY_PRIOR.get(c.category, 1.0) for c in chunks], dtype=np.float32)
        self._playbook = None

    @classmethod
    def from_chunks(cls, chunks: Iterable[Chunk]) -> BM25Index:
        index = cls()
        by_source: dict[str, list[Chunk]] = {}
        for chunk in chunks:
            by_source.setdefault(chunk.source, []).append(chunk)
        for source, items in by_source.items():
            index.set_file(source, "", items)
        index.rebuild()
        return index

    # --- searching -----------------------------------------------------------------------
    @property
    def project_names(self) -> list[str]:
        return sorted(self._project_masks)

    def projects_named_in(self, query: str) -> list[str]:
        """Projects whose distinctive name words all appear in the query."""
        words = set(project_words(query))
        named = []
        for name in self.project_names:
            distinctive = [w for w in project_words(name) if w not in _GENERIC_PROJECT_WORDS]
            if distinctive and all(w in words for w in distinctive):
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
        if len(term) > self._longest + 1:
            return None  # one edit from no index term; its deletions would cost len(term) squared
        candidates: set[str] = set()
        for key in {term, *_deletions(term)}:
            candidates.update(near.get(key, ()))
        candidates.discard(term)
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
        return int(np.count_nonzero(self._retriever.get_scores([term])))

    def scores(self, terms: dict[str, float]) -> np.ndarray:
        total = np.zeros(len(self.chunks), dtype=np.float32)
        if self._retriever is None:
            return total
        for term, weight in terms.items():
            if term in self._vocab:
                total += np.float32(weight) * self._retriever.get_scores([term])
        if self._documents is not None and DOCUMENT_WEIGHT:
            whole = np.zeros(self._documents.scores["num_docs"], dtype=np.float32)
            for term, weight in terms.items():
                if term in self._document_vocab:
                    whole += np.float32(weight) * self._documents.get_scores([term])
            total += np.float32(DOCUMENT_WEIGHT) * whole[self._document_of]
        return total

    def search(
        self,
        query: str,
        k: int = 5,
        category: str | None = None,
        project: str | None = None,
    ) -> list[Hit]:
        if not self.chunks or k <= 0:
            return []
        scores = self.scores(query_terms(query, correct=self.correct))
        if not _CALLS_WORDS.search(query):
            scores = scores * self._prior
        allowed = np.ones(len(self.chunks), dtype=bool)
        if category:
            wanted = normalize_category(category)
            allowed &= self._category_masks.get(wanted, np.zeros(len(self.chunks), dtype=bool))
        if project:
            wanted_words = project_words(project)
            matches = [p for p in self.project_names if project_words(p) == wanted_words]
            allowed &= self._any_project(matches)
        else:
            # Project documents (HOA rules of one development...) answer only questions that
            # name the project; elsewhere they would crowd out the general playbook.
            named = self.projects_named_in(query)
            in_named = self._any_project(named)
            allowed &= self._general | in_named
            if named:
                scores = np.where(in_named, scores * PROJECT_BOOST, scores)
        scores = np.where(allowed, scores, 0.0)
        return self._top(scores, k)

    def coverage(self, query: str) -> float:
        """How much of a question one playbook passage speaks to: the IDF-weighted share of the
        question's own terms (misspellings corrected) found together in the best passage, call
        summaries aside. 0 when fewer than two of its terms are in the index at all."""
        if self._retriever is None or not self.chunks:
            return 0.0
        terms = [t for t, w in query_terms(query[:2000], correct=self.correct).items() if w >= CORRECTION_WEIGHT and t in self._vocab]
        if len(terms) < 2:
            return 0.0
        if self._playbook is None:
            self._playbook = np.array([c.category != "SALES_DIRECTOR_CALLS" for c in self.chunks], dtype=bool)
        n = len(self.chunks)
        covered = np.zeros(n, dtype=np.float64)
        total = 0.0
        for term in terms:
            present = (self._retriever.get_scores([term]) > 0) & self._playbook
            df = int(np.count_nonzero(present))
            idf = float(np.log((n - df + 0.5) / (df + 0.5) + 1.0))
            covered += idf * present
            total += idf
        return float(covered.max() / total) if total > 0 else 0.0

    def _any_project(self, names: list[str]) -> np.ndarray:
        mask = np.zeros(len(self.chunks), dtype=bool)
        for name in names:
            if name in self._project_masks:
                mask |= self._project_masks[name]
        return mask

    def _top(self, scores: np.ndarray, k: int) -> list[Hit]:
        positive = int(np.count_nonzero(scores > 0))
        if positive == 0:
            return []
        want = min(positive, k * (MAX_PER_SOURCE + 2))
        top = np.argpartition(-scores, want - 1)[:want] if want < len(scores) else np.arange(len(scores))
        order = top[np.argsort(-scores[top], kind="stable")]
        hits: list[Hit] = []
        per_source: dict[str, int] = {}
        for i in order:
            score = float(scores[i])
            if score <= 0:
                break
            chunk = self.chunks[int(i)]
            if per_source.get(chunk.source, 0) >= MAX_PER_SOURCE:
                continue
            per_source[chunk.source] = per_source.get(chunk.source, 0) + 1
            hits.append(
                Hit(
                    text=chunk.text,
                    score=round(score, 4),
                    category=chunk.category,
                    source=chunk.source,
                    heading=chunk.heading,
                    title=chunk.title,
                    project=chunk.project,
                    upload=self.files[chunk.source].upload,
                )
            )
            if len(hits) == k:
                break
        return hits

    # --- persistence ---------------------------------------------------------------------
    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        generation = uuid.uuid4().hex
        payload: dict[str, Any] = {
            "version": FORMAT_VERSION,
            "generation": generation,
            "files": {
                source: {
                    "fingerprint": entry.fingerprint,
                    "chunks": [c.to_json() for c in entry.chunks],
                    "terms": entry.terms,
                    "upload": entry.upload.to_json() if entry.upload else None,
                }
                for source, entry in self.files.items()
            },
        }
        if self._retriever is not None:
            # The matrix is saved beside the passages, tagged with their generation, so that a
            # process loading both knows they belong together.
            target = directory / "bm25"
            with tempfile.TemporaryDirectory(dir=directory) as tmp:
                self._retriever.save(tmp, show_progress=False)
                (Path(tmp) / "generation").write_text(generation, encoding="utf-8")
                target.mkdir(exist_ok=True)
                (target / "generation").unlink(missing_ok=True)
                for item in Path(tmp).iterdir():
                    os.replace(item, target / item.name)
        write_atomic(directory / "passages.json", json.dumps(payload, ensure_ascii=False))

    @classmethod
    def load(cls, directory: Path) -> BM25Index | None:
        path = directory / "passages.json"
        if not path.is_file():
            return None
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            log.warning("knowledge index at %s is unreadable; rebuilding", directory)
            return None
        if payload.get("version") != FORMAT_VERSION:
            return None
        index = cls()
        for source, entry in payload["files"].items():
            upload = Upload.from_json(entry["upload"]) if entry.get("upload") else None
            index.files[source] = FileEntry(
                entry["fingerprint"], [Chunk.from_json(c) for c in entry["chunks"]], entry["terms"], upload
            )
        index.rebuild(_load_matrix(directory / "bm25", payload.get("generation")))
        return index


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _load_matrix(directory: Path, generation: object) -> bm25s.BM25 | None:
    marker = directory / "generation"
    try:
        if not generation or marker.read_text(encoding="utf-8") != generation:
            return None
        return bm25s.BM25.load(str(directory), show_progress=False)
    except (OSError, ValueError, KeyError):
        return None


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
