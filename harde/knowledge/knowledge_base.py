"""The company knowledge base: documents from a source, a persisted BM25 index, uploads.

`make_knowledge_base(settings)` picks the source (local folder or S3) and `build_index(settings)`
brings the index up to date; both are cheap to call again.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path, PurePath

from harde.config import Settings
from harde.errors import InputError
from harde.knowledge.chunking import chunk_document
from harde.knowledge.index import BM25Index, normalize_category
from harde.knowledge.ingest import SUPPORTED_SUFFIXES, check_upload, parse_document
from harde.knowledge.models import Hit, IndexStats
from harde.knowledge.sources import (
    KnowledgeSource,
    LocalFolderSource,
    S3Source,
    make_s3_client,
    parse_s3_locations,
)

log = logging.getLogger(__name__)

UPLOAD_CATEGORY = "UPLOADS"
# How stale the index may get before a search looks for changed files again. A local folder is
# cheap to check; S3 costs a listing per check.
LOCAL_RECHECK_S = 2.0
S3_RECHECK_S = 300.0


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}-{stat.st_mtime_ns}"


def _scan(root: Path) -> dict[str, Path]:
    """Supported files under root by their path relative to it; hidden files and notes skipped."""
    found: dict[str, Path] = {}
    if not root.is_dir():
        return found
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if any(part.startswith((".", "_")) for part in rel.parts) or len(rel.parts) < 2:
            continue
        if path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
            found[rel.as_posix()] = path
    return found


def _safe_filename(filename: str) -> str:
    name = PurePath(filename.replace("\\", "/")).name
    stem, suffix = PurePath(name).stem, PurePath(name).suffix.lower()
    stem = re.sub(r"[^A-Za-z0-9._ -]+", "_", stem).strip(" ._") or "document"
    return f"{stem[:120]}{suffix}"


class KnowledgeBase:
    """Search over the company's documents; add a document and it is searchable at once."""

    def __init__(self, source: KnowledgeSource, data_dir: Path, recheck_s: float = LOCAL_RECHECK_S) -> None:
        self.source = source
        self.index_dir = data_dir / "knowledge" / "index"
        self.uploads_dir = data_dir / "knowledge" / "uploads"
        self.recheck_s = recheck_s
        self._index: BM25Index | None = None
        self._checked_at: float | None = None
        self._lock = threading.RLock()
        self._last = IndexStats()

    # --- keeping the index current ---------------------------------------------------------
    def refresh(self) -> IndexStats:
        """Sync the source, re-read changed files, drop removed ones, save. Returns the stats."""
        with self._lock:
            started = time.perf_counter()
            index = self._index or BM25Index.load(self.index_dir) or BM25Index()
            files = _scan(self.source.sync())
            files.update(_scan(self.uploads_dir))  # an upload wins over a same-named source file
            changed = removed = 0
            for rel in [r for r in index.files if r not in files]:
                index.remove_file(rel)
                removed += 1
            for rel, path in sorted(files.items()):
                fingerprint = _fingerprint(path)
                entry = index.files.get(rel)
                if entry is not None and entry.fingerprint == fingerprint:
                    continue
                changed += 1
                try:
                    document = parse_document(path.name, path.read_bytes())
                    chunks = chunk_document(document, rel)
                except (InputError, OSError) as exc:
                    # Kept with no passages, so a broken file is not re-read on every search.
                    log.warning("knowledge: skipping %s: %s", rel, exc)
                    chunks = []
                index.set_file(rel, fingerprint, chunks)
            if changed or removed:
                index.rebuild()
            if changed or removed or not (self.index_dir / "passages.json").is_file():
                index.save(self.index_dir)
            self._index = index
            self._checked_at = time.monotonic()
            self._last = self._stats(index, changed, removed, time.perf_counter() - started)
            return self._last

    def _current(self) -> BM25Index:
        stale = self._checked_at is None or time.monotonic() - self._checked_at > self.recheck_s
        if self._index is None or stale:
            self.refresh()
        assert self._index is not None
        return self._index

    @staticmethod
    def _stats(index: BM25Index, changed: int, removed: int, seconds: float) -> IndexStats:
        categories: dict[str, int] = {}
        for entry in index.files.values():
            if entry.chunks:
                category = entry.chunks[0].category
                categories[category] = categories.get(category, 0) + 1
        return IndexStats(
            documents=sum(1 for e in index.files.values() if e.chunks),
            chunks=len(index.chunks),
            categories=dict(sorted(categories.items())),
            projects=index.project_names,
            changed=changed,
            removed=removed,
            seconds=seconds,
        )

    # --- the interface ---------------------------------------------------------------------
    def search(self, query: str, k: int = 5, category: str | None = None, project: str | None = None) -> list[Hit]:
        """The best passages for a question, at most two per document, best first."""
        if not query.strip():
            return []
        return self._current().search(query, k=k, category=category, project=project)

    def coverage(self, query: str) -> float:
        """How much of a question the best playbook passage speaks to (0 to 1); see BM25Index.coverage."""
        return self._current().coverage(query) if query.strip() else 0.0

    def add_document(self, filename: str, data: bytes, category: str = UPLOAD_CATEGORY) -> str:
        """Store and index one uploaded document. Raises InputError with the reason if refused."""
        document = check_upload(filename, data)
        wanted = normalize_category(category or UPLOAD_CATEGORY)
        if not wanted or wanted == "PROJECTS":
            raise InputError(f"{category!r} is not a category a document can be added to")
        name = _safe_filename(filename)
        rel = f"{wanted}/{name}"
        with self._lock:
            index = self._current()
            target = self.uploads_dir / wanted / name
            replaced = target.exists()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            chunks = chunk_document(document, rel)
            index.set_file(rel, _fingerprint(target), chunks)
            index.rebuild()
            index.save(self.index_dir)
            self._last = self._stats(index, 1, 0, 0.0)
        verb = "Replaced" if replaced else "Added"
        passages = "passage" if len(chunks) == 1 else "passages"
        return f"{verb} “{document.title}” ({name}) in {wanted}: {len(chunks)} {passages} indexed, searchable now."

    def stats(self) -> IndexStats:
        self._current()
        return self._last

    def categories(self) -> list[str]:
        return sorted({c.category for c in self._current().chunks})

    def projects(self) -> list[str]:
        return self._current().project_names


def make_knowledge_base(settings: Settings) -> KnowledgeBase:
    """The knowledge base the settings choose: the local folder (default) or S3."""
    if settings.kb == "s3":
        locations = parse_s3_locations(
            settings.kb_s3_bucket, settings.kb_s3_prefix, settings.kb_s3_locations
        )
        client = make_s3_client(settings.aws_endpoint_url)
        source: KnowledgeSource = S3Source(client, locations, settings.data_dir / "knowledge" / "s3_cache")
        return KnowledgeBase(source, settings.data_dir, recheck_s=S3_RECHECK_S)
    return KnowledgeBase(LocalFolderSource(settings.kb_dir), settings.data_dir)


def build_index(settings: Settings) -> str:
    """Bring the knowledge index up to date; a one-line summary. Safe to run again."""
    kb = make_knowledge_base(settings)
    stats = kb.refresh()
    return f"{stats.summary()} from {kb.source.describe()}"
