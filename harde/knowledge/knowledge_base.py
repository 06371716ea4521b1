"""The company knowledge base: documents from a source, a persisted BM25 index, uploads.

`make_knowledge_base(settings)` picks the source (local folder or S3) and `build_index(settings)`
brings the index up to date; both are cheap to call again.

Every upload keeps a record beside it (who, when, the SHA-256 of its bytes, and the director
who approved it), copied into the index so that search hits carry it. The record beside the
file is the one that lasts: the index can be rebuilt from the files at any time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import threading
import time
from dataclasses import replace
from pathlib import Path, PurePath

from harde.auth import User
from harde.config import Settings
from harde.errors import InputError, NotAllowedError
from harde.knowledge.chunking import chunk_document
from harde.knowledge.index import BM25Index, normalize_category, write_atomic
from harde.knowledge.ingest import SUPPORTED_SUFFIXES, check_upload, parse_document
from harde.knowledge.models import DocumentInfo, Hit, IndexStats, Upload
from harde.knowledge.pdf import PdfLimits
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


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _record_path(upload: Path) -> Path:
    # Hidden, so the folder scan never takes it for a document.
    return upload.with_name(f".{upload.name}.upload.json")


def _read_record(path: Path, sha256: str) -> Upload:
    """The record beside an uploaded file. A missing or unreadable record, or one for other
    bytes (the file was changed behind our back), is an upload of unknown origin, unreviewed."""
    try:
        record: Upload | None = Upload.from_json(json.loads(_record_path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, AttributeError):
        record = None
    if record is not None and record.sha256 == sha256:
        return record
    try:
        when = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).isoformat(timespec="seconds")
    except OSError:
        when = ""
    return Upload(username="", name="", uploaded_at=when, sha256=sha256)


def _write_record(path: Path, upload: Upload) -> None:
    write_atomic(_record_path(path), json.dumps(upload.to_json(), ensure_ascii=False, indent=2))


def _safe_filename(filename: str) -> str:
    name = PurePath(filename.replace("\\", "/")).name
    stem, suffix = PurePath(name).stem, PurePath(name).suffix.lower()
    stem = re.sub(r"[^A-Za-z0-9._ -]+", "_", stem).strip(" ._") or "document"
    return f"{stem[:120]}{suffix}"


class KnowledgeBase:
    """Search over the company's documents; add a document and it is searchable at once."""

    def __init__(
        self,
        source: KnowledgeSource,
        data_dir: Path,
        recheck_s: float = LOCAL_RECHECK_S,
        pdf_limits: PdfLimits | None = None,
    ) -> None:
        self.source = source
        self.pdf_limits = pdf_limits or PdfLimits()
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
            uploads = _scan(self.uploads_dir)
            files.update(uploads)  # an upload wins over a same-named source file
            changed = removed = 0
            records_changed = False
            for rel in [r for r in index.files if r not in files]:
                index.remove_file(rel)
                removed += 1
            for rel, path in sorted(files.items()):
                fingerprint = _fingerprint(path)
                entry = index.files.get(rel)
                if entry is not None and entry.fingerprint == fingerprint:
                    # Unchanged passages; an upload's record may still have changed (approved
                    # by another process), and it is cheap to read.
                    if rel in uploads:
                        sha = entry.upload.sha256 if entry.upload else _sha256(path.read_bytes())
                        upload = _read_record(path, sha)
                        if upload != entry.upload:
                            index.set_upload(rel, upload)
                            records_changed = True
                    continue
                changed += 1
                data = b""
                try:
                    data = path.read_bytes()
                    document = parse_document(path.name, data, self.pdf_limits)
                    chunks = chunk_document(document, rel)
                except (InputError, OSError) as exc:
                    # Kept with no passages, so a broken file is not re-read on every search.
                    log.warning("knowledge: skipping %s: %s", rel, exc)
                    chunks = []
                index.set_file(rel, fingerprint, chunks, _read_record(path, _sha256(data)) if rel in uploads else None)
            if changed or removed:
                index.rebuild()
            if changed or removed or records_changed or not (self.index_dir / "passages.json").is_file():
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

    def add_document(
        self,
        filename: str,
        data: bytes,
        uploader: User,
        category: str = UPLOAD_CATEGORY,
        *,
        replace: bool = False,
    ) -> str:
        """Store and index one uploaded document, recorded as `uploader`'s and not yet reviewed.

        A document of the same name in the same category (an earlier upload or a company
        document) is replaced only by a director who asks for it (`replace=True`).
        Raises InputError with the reason if refused, NotAllowedError for a rep's replacement."""
        document = check_upload(filename, data, self.pdf_limits)
        wanted = normalize_category(category or UPLOAD_CATEGORY)
        if not wanted or wanted == "PROJECTS":
            raise InputError(f"{category!r} is not a category a document can be added to")
        name = _safe_filename(filename)
        rel = f"{wanted}/{name}"
        with self._lock:
            index = self._current()
            target = self.uploads_dir / wanted / name
            exists = target.exists() or rel in index.files
            if exists and not uploader.is_director:
                raise NotAllowedError(
                    f"{rel} is already in the knowledge base, and only a director can replace a "
                    "document. Rename the file to add it as a new one."
                )
            if exists and not replace:
                raise InputError(f"{rel} is already in the knowledge base; choose to replace it, or rename the file")
            upload = Upload(username=uploader.username, name=uploader.name, uploaded_at=_now(), sha256=_sha256(data))
            target.parent.mkdir(parents=True, exist_ok=True)
            # The bytes first: a crash before the record leaves an upload of unknown origin,
            # unreviewed, never a new file under an old approval (the record names its bytes).
            target.write_bytes(data)
            _write_record(target, upload)
            chunks = chunk_document(document, rel)
            index.set_file(rel, _fingerprint(target), chunks, upload)
            index.rebuild()
            index.save(self.index_dir)
            self._last = self._stats(index, 1, 0, 0.0)
        verb = "Replaced" if exists else "Added"
        passages = "passage" if len(chunks) == 1 else "passages"
        return (
            f"{verb} “{document.title}” ({name}) in {wanted}: {len(chunks)} {passages} indexed, searchable now. "
            "Answers mark it as not yet reviewed until a director approves it on the Knowledge page."
        )

    def documents(self) -> list[DocumentInfo]:
        """Every indexed document with who uploaded it and its review (uploads), by source."""
        index = self._current()
        out: list[DocumentInfo] = []
        for source, entry in sorted(index.files.items()):
            if not entry.chunks and entry.upload is None:
                continue  # a company file that could not be read
            title = entry.chunks[0].title if entry.chunks else PurePath(source).name
            category = entry.chunks[0].category if entry.chunks else source.split("/", 1)[0]
            out.append(DocumentInfo(source, title, category, len(entry.chunks), entry.upload))
        return out

    def document_text(self, source: str) -> str:
        """The indexed text of one document, passage by passage, for a reviewer to read."""
        entry = self._current().files.get(source)
        if entry is None:
            raise InputError(f"{source} is not in the knowledge base")
        return "\n\n".join(chunk.text for chunk in entry.chunks)

    def approve(self, source: str, reviewer: User, sha256: str | None = None) -> str:
        """Mark an uploaded document as reviewed by `reviewer`, a director.

        `sha256`, when given, is the version the reviewer read; a document changed since is not
        approved. Raises NotAllowedError for a rep, InputError for anything but an upload."""
        if not reviewer.is_director:
            raise NotAllowedError(f"Only a director can approve an upload; {reviewer.name} is signed in as a rep.")
        with self._lock:
            index = self._current()
            entry = index.files.get(source)
            if entry is None or entry.upload is None:
                raise InputError(f"{source} is not an uploaded document, so there is nothing to approve")
            path = self.uploads_dir / source
            try:
                current = _sha256(path.read_bytes())
            except OSError as exc:
                raise InputError(f"{source} is no longer in the uploads folder") from exc
            if sha256 is not None and sha256 != current:
                raise InputError(f"{source} was replaced after you opened it; read the new version, then approve it")
            if current != entry.upload.sha256:
                raise InputError(f"{source} changed since it was indexed; reload the list and read it again")
            upload = _read_record(path, current)  # the latest record, whichever process wrote it
            title = entry.chunks[0].title if entry.chunks else source
            if upload.reviewed:
                return f"“{title}” ({source}) was already approved by {upload.reviewer_name or upload.reviewed_by}."
            approved = replace(upload, reviewed_by=reviewer.username, reviewer_name=reviewer.name, reviewed_at=_now())
            _write_record(self.uploads_dir / source, approved)
            index.set_upload(source, approved)
            index.save(self.index_dir)
        return f"Approved “{title}” ({source}): answers no longer mark it as unreviewed."

    def stats(self) -> IndexStats:
        self._current()
        return self._last

    def categories(self) -> list[str]:
        return sorted({c.category for c in self._current().chunks})

    def projects(self) -> list[str]:
        return self._current().project_names


def make_knowledge_base(settings: Settings) -> KnowledgeBase:
    """The knowledge base the settings choose: the local folder (default) or S3."""
    limits = PdfLimits(settings.kb_pdf_max_pages, settings.kb_pdf_timeout_s, settings.kb_pdf_memory_mb)
    if settings.kb == "s3":
        locations = parse_s3_locations(
            settings.kb_s3_bucket, settings.kb_s3_prefix, settings.kb_s3_locations
        )
        client = make_s3_client(settings.aws_endpoint_url)
        source: KnowledgeSource = S3Source(client, locations, settings.data_dir / "knowledge" / "s3_cache")
        return KnowledgeBase(source, settings.data_dir, recheck_s=S3_RECHECK_S, pdf_limits=limits)
    return KnowledgeBase(LocalFolderSource(settings.kb_dir), settings.data_dir, pdf_limits=limits)


def build_index(settings: Settings) -> str:
    """Bring the knowledge index up to date; a one-line summary. Safe to run again."""
    kb = make_knowledge_base(settings)
    stats = kb.refresh()
    return f"{stats.summary()} from {kb.source.describe()}"
