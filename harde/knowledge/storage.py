"""The knowledge index on disk: generations, one of them current, swapped in atomically.

    index/CURRENT                   the name of the current generation (replaced atomically)
    index/.lock                     held by whoever writes (an ingest, an upload, an approval)
    index/gen-…/passages.sqlite     the manifest (size, mtime, SHA-256 and upload record of every
                                    file), every passage's text and term counts
    index/gen-…/bm25/, documents/   the BM25 matrices of passages and of whole documents, saved
                                    by bm25s and loaded memory-mapped (processes share the pages)
    index/gen-…/*.npy               per-passage document, category and project codes
    index/gen-…/vectors.npy         per-passage sentence vectors (float16, memory-mapped; absent
                                    when they are off or the corpus is over their limit)
    index/vectors.sqlite            those vectors by the hash of their text, kept across generations

A generation's passages and matrices never change once it is current, so a search needs no
lock and several processes can read it at once. Only its manifest rows change in place (a new
mtime for the same bytes, an upload's review), and readers notice through SQLite's
data_version. An ingest writes the next generation beside the current one, from the current
one's stored term counts plus the files that changed, and then points CURRENT at it; until
then every process keeps searching the previous one.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

from harde.knowledge.index import (
    BM25Index,
    Corpus,
    CorpusBuilder,
    Matrices,
    term_counts,
    write_atomic,
)
from harde.knowledge.models import Chunk, Upload
from harde.knowledge.vectors import VectorCache, VectorsUnavailable, passage_text, passage_vectors

log = logging.getLogger(__name__)

# Also changes when the analysis of text into terms does (tokens.py, the title and heading
# weights): the stored term counts are then read again from the files.
INDEX_FORMAT = 11  # 11: sentence vectors beside the BM25 matrices
CURRENT = "CURRENT"
_DATABASE = "passages.sqlite"
_VECTORS = "vectors.npy"
_VECTOR_CACHE = "vectors.sqlite"
# Above this many passages the index is BM25 alone: embedding them all would take hours on a CPU.
MAX_VECTORS = 50_000
_ARRAYS = ("document_of", "category_code", "project_code")
_LEGACY = ("passages.json", "bm25")  # the format before generations: one JSON and one matrix

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(
    source TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL,
    upload TEXT, passages INTEGER NOT NULL, title TEXT NOT NULL, category TEXT NOT NULL
);
CREATE TABLE terms(id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE);
CREATE TABLE passages(
    row INTEGER PRIMARY KEY, source TEXT NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL,
    title TEXT NOT NULL, heading TEXT NOT NULL, category TEXT NOT NULL, project TEXT,
    position INTEGER NOT NULL, counts BLOB NOT NULL
);
CREATE INDEX passages_source ON passages(source, seq);
"""
_PASSAGE_COLUMNS = "source, seq, text, title, heading, category, project, position, counts"


@dataclass(frozen=True)
class FileRecord:
    """One file in the manifest: what it was when last read, and its upload record if any."""

    source: str
    size: int
    mtime_ns: int
    sha256: str
    upload: Upload | None = None


@dataclass(frozen=True)
class IndexedFile:
    """A file read again: its manifest entry and its passages (none if it could not be read)."""

    record: FileRecord
    chunks: list[Chunk]


@dataclass(frozen=True)
class DocumentRow:
    source: str
    title: str
    category: str
    passages: int
    upload: Upload | None


def _upload_json(upload: Upload | None) -> str | None:
    return json.dumps(upload.to_json(), ensure_ascii=False) if upload else None


def _upload_of(text: str | None) -> Upload | None:
    return Upload.from_json(json.loads(text)) if text else None


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False, timeout=10)
    else:
        conn = sqlite3.connect(path, check_same_thread=False, timeout=10)
        conn.execute("PRAGMA synchronous=NORMAL")
    return conn


class Generation:
    """One generation opened for reading: its BM25Index, and the passages and manifest behind it."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self.path = path
        self._conn = _connect(path / _DATABASE, readonly=True)
        self._lock = threading.Lock()  # one connection, shared by the threads that search
        meta = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        if int(meta.get("format", 0)) != INDEX_FORMAT:
            raise ValueError(f"index format {meta.get('format')} is not {INDEX_FORMAT}")
        arrays = {name: np.load(path / f"{name}.npy") for name in _ARRAYS}
        size = len(arrays["document_of"])
        matrices = Matrices(None, None)
        if size:
            matrices = Matrices(
                bm25s.BM25.load(str(path / "bm25"), mmap=True, show_progress=False),
                bm25s.BM25.load(str(path / "documents"), mmap=True, show_progress=False),
            )
        vectors = np.load(path / _VECTORS, mmap_mode="r") if (path / _VECTORS).is_file() else None
        self.index = BM25Index(
            matrices,
            self,
            arrays["document_of"],
            arrays["category_code"],
            json.loads(meta["category_names"]),
            arrays["project_code"],
            json.loads(meta["project_names"]),
            vectors=vectors if vectors is not None and len(vectors) == size else None,
        )
        self._data_version = -1
        self._uploads: dict[str, Upload] = {}
        self.refresh_uploads()

    # --- what a search reads -------------------------------------------------------------
    def chunk(self, row: int) -> Chunk:
        with self._lock:
            found = self._conn.execute(
                "SELECT text, source, category, title, heading, project, position FROM passages WHERE row = ?", (row,)
            ).fetchone()
        if found is None:
            raise LookupError(f"passage {row} is not in {self.name}")
        return Chunk(*found)

    def upload(self, source: str) -> Upload | None:
        return self._uploads.get(source)

    def passage_texts(self) -> list[str]:
        """Every passage as its sentence vector reads it, in row order."""
        with self._lock:
            rows = self._conn.execute("SELECT title, heading, text FROM passages ORDER BY row").fetchall()
        return [passage_text(*row) for row in rows]

    def refresh_uploads(self) -> bool:
        """Read the upload records again if another connection changed them; True if it did."""
        with self._lock:
            version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            if version == self._data_version:
                return False
            rows = self._conn.execute("SELECT source, upload FROM files WHERE upload IS NOT NULL").fetchall()
            self._data_version = version
        uploads = {source: upload for source, text in rows if (upload := _upload_of(text)) is not None}
        changed = uploads != self._uploads
        self._uploads = uploads
        return changed

    # --- what the knowledge base lists ----------------------------------------------------
    def manifest(self) -> dict[str, FileRecord]:
        with self._lock:
            rows = self._conn.execute("SELECT source, size, mtime_ns, sha256, upload FROM files").fetchall()
        return {row[0]: FileRecord(row[0], row[1], row[2], row[3], _upload_of(row[4])) for row in rows}

    def file(self, source: str) -> FileRecord | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT source, size, mtime_ns, sha256, upload FROM files WHERE source = ?", (source,)
            ).fetchone()
        return FileRecord(row[0], row[1], row[2], row[3], _upload_of(row[4])) if row else None

    def documents(self) -> list[DocumentRow]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT source, title, category, passages, upload FROM files ORDER BY source"
            ).fetchall()
        return [DocumentRow(r[0], r[1], r[2], r[3], _upload_of(r[4])) for r in rows]

    def texts(self, source: str) -> list[str] | None:
        """The passages' text of one document, in order; None if the file is not indexed."""
        with self._lock:
            if self._conn.execute("SELECT 1 FROM files WHERE source = ?", (source,)).fetchone() is None:
                return None
            return [r[0] for r in self._conn.execute("SELECT text FROM passages WHERE source = ? ORDER BY seq", (source,))]

    def category_counts(self) -> dict[str, int]:
        """Documents with passages, per category (that of their first passage)."""
        with self._lock:
            rows = self._conn.execute("SELECT category, COUNT(*) FROM files WHERE passages > 0 GROUP BY category").fetchall()
        return dict(sorted((str(c), int(n)) for c, n in rows))

    # --- the only changes made in place ---------------------------------------------------
    def update_records(self, records: list[FileRecord]) -> None:
        """Store new manifest entries (same bytes, new mtime; a changed upload record)."""
        conn = _connect(self.path / _DATABASE, readonly=False)
        try:
            with conn:
                conn.executemany(
                    "UPDATE files SET size = ?, mtime_ns = ?, sha256 = ?, upload = ? WHERE source = ?",
                    [(r.size, r.mtime_ns, r.sha256, _upload_json(r.upload), r.source) for r in records],
                )
        finally:
            conn.close()
        self.refresh_uploads()


class IndexDirectory:
    """The folder of generations: which one is current, writing the next, and the writer's lock."""

    def __init__(self, root: Path, vectors: bool = True, max_vectors: int = MAX_VECTORS) -> None:
        self.root = root
        self.vectors = vectors
        self.max_vectors = max_vectors
        self._local = threading.local()

    def current_name(self) -> str | None:
        try:
            name = (self.root / CURRENT).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return name if name.startswith("gen-") and (self.root / name).is_dir() else None

    def open(self, name: str | None = None) -> Generation | None:
        """The named (default: current) generation, or None if there is none or it cannot be read."""
        name = name or self.current_name()
        if name is None:
            return None
        try:
            return Generation(self.root / name)
        except (OSError, ValueError, KeyError, sqlite3.Error) as exc:
            log.warning("knowledge index %s is unreadable (%s); it will be rebuilt", name, exc)
            return None

    @contextmanager
    def writing(self, wait: bool = True) -> Iterator[bool]:
        """Hold the writer's lock (across processes); yields False if `wait` is off and it is taken.
        Re-entrant within a thread."""
        depth = getattr(self._local, "depth", 0)
        if depth:
            self._local.depth = depth + 1
            try:
                yield True
            finally:
                self._local.depth -= 1
            return
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a+b") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                yield False
                return
            self._local.depth = 1
            try:
                yield True
            finally:
                self._local.depth = 0
                fcntl.flock(handle, fcntl.LOCK_UN)

    def write(self, base: Generation | None, added: dict[str, IndexedFile], removed: set[str]) -> Generation:
        """Write the next generation (base's files, minus `removed`, with `added` read again) and
        make it current. The caller holds the writer's lock."""
        name = f"gen-{time.time_ns():x}-{uuid.uuid4().hex[:8]}"
        path = self.root / name
        path.mkdir(parents=True)
        try:
            corpus = _write_database(path / _DATABASE, base, added, removed)
            _write_matrices(path, corpus)
            self._write_vectors(path, corpus.size)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        generation = Generation(path)
        write_atomic(self.root / CURRENT, name)
        self._remove_old(keep={name, base.name if base else ""})
        return generation

    def _write_vectors(self, path: Path, size: int) -> None:
        if not self.vectors or not size:
            return
        if size > self.max_vectors:
            log.info("knowledge index: %d passages, over the %d with sentence vectors; searching by words alone", size, self.max_vectors)
            return
        conn = _connect(path / _DATABASE, readonly=True)
        try:
            texts = [passage_text(*row) for row in conn.execute("SELECT title, heading, text FROM passages ORDER BY row")]
        finally:
            conn.close()
        try:
            vectors = passage_vectors(texts, VectorCache(self.root / _VECTOR_CACHE))
        except (VectorsUnavailable, OSError, RuntimeError) as exc:  # onnxruntime raises RuntimeError subclasses
            log.warning("knowledge index without sentence vectors (%s); searching by words alone", exc)
            return
        np.save(path / _VECTORS, vectors)
        _fsync(path / _VECTORS)

    def _remove_old(self, keep: set[str]) -> None:
        # The previous generation stays: a process that has not yet seen the swap still reads it.
        # Older ones go; a process still holding one open keeps its pages until it lets go.
        for item in self.root.iterdir():
            if item.name.startswith("gen-") and item.name not in keep:
                shutil.rmtree(item, ignore_errors=True)
        for legacy in _LEGACY:
            target = self.root / legacy
            if target.is_dir():
                shutil.rmtree(target, ignore_errors=True)
            else:
                target.unlink(missing_ok=True)


def _write_database(target: Path, base: Generation | None, added: dict[str, IndexedFile], removed: set[str]) -> Corpus:
    conn = _connect(target, readonly=False)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(_SCHEMA)
        conn.execute("CREATE TEMP TABLE gone(source TEXT PRIMARY KEY)")
        conn.execute(f"CREATE TEMP TABLE fresh({_PASSAGE_COLUMNS})")
        if base is not None:
            # ATTACH cannot run inside a transaction; the copy below is one.
            conn.execute("ATTACH DATABASE ? AS old", (str(base.path / _DATABASE),))
        vocab: dict[str, int] = {}
        with conn:
            conn.executemany("INSERT INTO gone VALUES (?)", [(s,) for s in set(added) | removed])
            if base is not None:
                conn.execute("INSERT INTO terms SELECT id, term FROM old.terms")
                vocab = dict(conn.execute("SELECT term, id FROM terms").fetchall())
            known_terms = len(vocab)
            for source, item in added.items():
                first = item.chunks[0] if item.chunks else None
                conn.execute(
                    "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        source, item.record.size, item.record.mtime_ns, item.record.sha256,
                        _upload_json(item.record.upload), len(item.chunks),
                        first.title if first else Path(source).name,
                        first.category if first else source.split("/", 1)[0],
                    ),
                )
                rows = []
                for seq, chunk in enumerate(item.chunks):
                    ids, counts = term_counts(chunk, vocab)
                    blob = np.array(ids + counts, dtype=np.int32).tobytes()
                    rows.append((source, seq, chunk.text, chunk.title, chunk.heading, chunk.category, chunk.project, chunk.position, blob))
                conn.executemany(f"INSERT INTO fresh VALUES ({', '.join('?' * 9)})", rows)
            conn.executemany(
                "INSERT INTO terms VALUES (?, ?)", [(i, t) for t, i in vocab.items() if i >= known_terms]
            )
            kept = ""
            if base is not None:
                conn.execute("INSERT INTO files SELECT * FROM old.files WHERE source NOT IN (SELECT source FROM gone)")
                kept = f"SELECT {_PASSAGE_COLUMNS} FROM old.passages WHERE source NOT IN (SELECT source FROM gone) UNION ALL "
            # Rows in (source, order within the file): the order a fresh build gives, so ties
            # between equal scores fall the same way however the index got here.
            conn.execute(
                f"INSERT INTO passages SELECT row_number() OVER (ORDER BY source, seq) - 1, {_PASSAGE_COLUMNS} "
                f"FROM ({kept}SELECT {_PASSAGE_COLUMNS} FROM fresh)"
            )
        if base is not None:
            conn.execute("DETACH DATABASE old")
        corpus = _read_corpus(conn, vocab)
        with conn:
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("format", str(INDEX_FORMAT)),
                    ("category_names", json.dumps(corpus.category_names)),
                    ("project_names", json.dumps(corpus.project_names)),
                ],
            )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return corpus
    finally:
        conn.close()


def _read_corpus(conn: sqlite3.Connection, vocab: dict[str, int]) -> Corpus:
    builder = CorpusBuilder()
    blobs: list[np.ndarray] = []
    for source, category, project, blob in conn.execute("SELECT source, category, project, counts FROM passages ORDER BY row"):
        builder.add(source, category, project)
        blobs.append(np.frombuffer(blob, dtype=np.int32))
    sizes = np.array([len(b) // 2 for b in blobs], dtype=np.int64)
    flat = np.concatenate(blobs) if blobs else np.zeros(0, dtype=np.int32)
    del blobs
    # Each blob is [term ids..., counts...]: split them with one mask over the whole array.
    starts = np.repeat(np.cumsum(2 * sizes) - 2 * sizes, 2 * sizes)
    is_id = (np.arange(len(flat)) - starts) < np.repeat(sizes, 2 * sizes)
    rows = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)
    return builder.finish(rows, flat[is_id], flat[~is_id], vocab)


def _write_matrices(path: Path, corpus: Corpus) -> None:
    matrices = Matrices.build(corpus)
    if matrices.passages is not None and matrices.documents is not None:
        matrices.passages.save(str(path / "bm25"), show_progress=False)
        matrices.documents.save(str(path / "documents"), show_progress=False)
    for name in _ARRAYS:
        np.save(path / f"{name}.npy", getattr(corpus, name))
    for item in path.rglob("*"):
        if item.is_file():
            _fsync(item)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

