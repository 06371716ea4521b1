"""The company knowledge base: documents from a source, a persisted BM25 index, uploads.

`make_knowledge_base(settings)` picks the source (local folder or S3) and `build_index(settings)`
brings the index up to date (an ingest); both are cheap to call again.

An ingest reads the index's manifest (size, mtime, SHA-256 of every file) once and re-reads only
the files that changed; a search never looks at the files. Searches go on against the current
generation of the index while an ingest writes the next one (see storage.py).

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
from typing import Any

from harde.auth import User
from harde.config import Settings
from harde.errors import InputError, NotAllowedError
from harde.knowledge.chunking import chunk_document
from harde.knowledge.index import BM25Index, normalize_category, write_atomic
from harde.knowledge.ingest import SUPPORTED_SUFFIXES, check_upload, parse_document
from harde.knowledge.models import Chunk, DocumentInfo, Hit, IndexStats, Upload
from harde.knowledge.pdf import PdfLimits
from harde.knowledge.sources import (
    KnowledgeSource,
    LocalFolderSource,
    S3Source,
    make_s3_client,
    parse_s3_locations,
)
from harde.knowledge.storage import MAX_VECTORS, FileRecord, Generation, IndexDirectory, IndexedFile

log = logging.getLogger(__name__)

UPLOAD_CATEGORY = "UPLOADS"
# How often a search looks whether another process swapped in a new index or changed an upload's
# record: a read of one small file and one SQLite pragma.
LOCAL_RECHECK_S = 2.0
# How often a background ingest looks for changed files in the source. It runs beside the
# searches, never in their way. S3 costs a listing per look.
LOCAL_INGEST_S = 60.0
S3_INGEST_S = 300.0

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
        ingest_every_s: float = LOCAL_INGEST_S,
        vectors: bool = True,
        max_vectors: int = MAX_VECTORS,
    ) -> None:
        self.source = source
        self.pdf_limits = pdf_limits or PdfLimits()
        self.index_dir = data_dir / "knowledge" / "index"
        self.uploads_dir = data_dir / "knowledge" / "uploads"
        self.recheck_s = recheck_s
        self.ingest_every_s = ingest_every_s
        self.storage = IndexDirectory(self.index_dir, vectors=vectors, max_vectors=max_vectors)
        self._generation: Generation | None = None
        self._checked_at = 0.0
        self._ingested_at = 0.0
        self._lock = threading.RLock()  # writers in this process; searches never take it
        self._background: threading.Thread | None = None
        self._last = IndexStats()

    # --- keeping the index current ---------------------------------------------------------
    def refresh(self) -> IndexStats:
        """Ingest: sync the source, re-read the files whose size, mtime and then bytes differ
        from the manifest, drop removed ones, and swap in the new index. Returns the stats."""
        with self._lock, self.storage.writing():
            return self._ingest()

    def _ingest(self) -> IndexStats:
        started = time.perf_counter()
        base = self._latest()
        manifest = base.manifest() if base is not None else {}
        files = _scan(self.source.sync())
        uploads = _scan(self.uploads_dir)
        files.update(uploads)  # an upload wins over a same-named source file
        removed = {rel for rel in manifest if rel not in files}
        added: dict[str, IndexedFile] = {}
        touched: list[FileRecord] = []
        for rel, path in sorted(files.items()):
            known = manifest.get(rel)
            try:
                stat = path.stat()
            except OSError:  # gone between the listing and now
                if known is not None:
                    removed.add(rel)
                continue
            if known is not None and (known.size, known.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
                # Unchanged passages; an upload's record may still have changed (approved by
                # another process), and it is cheap to read.
                if rel in uploads:
                    upload = _read_record(path, known.sha256)
                    if upload != known.upload:
                        touched.append(replace(known, upload=upload))
                continue
            item = self._read_file(rel, path, stat.st_size, stat.st_mtime_ns, rel in uploads)
            if known is not None and known.sha256 == item.record.sha256 and known.upload == item.record.upload:
                touched.append(item.record)  # the same bytes with a new mtime: nothing to re-read
                continue
            added[rel] = item
        if base is not None and touched:
            base.update_records(touched)
        if base is None or added or removed:
            generation = self.storage.write(base, added, removed)
        else:
            generation = base
            generation.refresh_uploads()
        self._adopt(generation)
        self._ingested_at = time.monotonic()
        self._last = self._stats(generation, len(added), len(removed), time.perf_counter() - started)
        return self._last

    def _read_file(self, rel: str, path: Path, size: int, mtime_ns: int, is_upload: bool) -> IndexedFile:
        data = b""
        chunks: list[Chunk] = []
        try:
            data = path.read_bytes()
            chunks = chunk_document(parse_document(path.name, data, self.pdf_limits), rel)
        except (InputError, OSError) as exc:
            # Kept with no passages, so a broken file is not read again until it changes.
            log.warning("knowledge: skipping %s: %s", rel, exc)
        sha = _sha256(data)
        upload = _read_record(path, sha) if is_upload else None
        return IndexedFile(FileRecord(rel, size, mtime_ns, sha, upload), chunks)

    def _latest(self) -> Generation | None:
        """The current generation on disk: ours, or a newer one another process swapped in."""
        name = self.storage.current_name()
        if self._generation is not None and self._generation.name == name:
            return self._generation
        return self.storage.open(name) if name else None

    def _adopt(self, generation: Generation) -> None:
        # Searches under way keep the generation they started with; the old one is closed when
        # the last of them lets go of it.
        self._generation = generation
        self._checked_at = time.monotonic()

    def _current(self) -> BM25Index:
        generation = self._generation
        if generation is None:
            with self._lock:
                if self._generation is None:
                    opened = self.storage.open()
                    if opened is None:
                        self.refresh()
                    else:
                        self._adopt(opened)
                        self._last = self._stats(opened, 0, 0, 0.0)
                        self._ingested_at = time.monotonic()
                generation = self._generation
            assert generation is not None
        elif time.monotonic() - self._checked_at > self.recheck_s:
            self._checked_at = time.monotonic()
            generation.refresh_uploads()
            self._look_for_changes(generation)
        return generation.index

    def _look_for_changes(self, generation: Generation) -> None:
        """Start, in the background, loading a generation another process swapped in, or an
        ingest once `ingest_every_s` has passed; the search goes on with the index it has."""
        if self._background is not None and self._background.is_alive():
            return
        swapped = self.storage.current_name() not in (None, generation.name)
        due = time.monotonic() - self._ingested_at > self.ingest_every_s
        if swapped or due:
            self._background = threading.Thread(
                target=self._background_update, name="knowledge-ingest", daemon=True
            )
            self._background.start()

    def _background_update(self) -> None:
        try:
            with self._lock, self.storage.writing(wait=False) as mine:
                if mine:
                    self._ingest()
                    return
            # Another process is ingesting; take what is current now, and look again later.
            latest = self._latest()
            if latest is not None and latest is not self._generation:
                self._adopt(latest)
                self._last = self._stats(latest, 0, 0, 0.0)
            self._ingested_at = time.monotonic()
        except Exception:  # a background refresh must never take the process down
            log.exception("knowledge: background ingest failed; searching the index as it was")

    @staticmethod
    def _stats(generation: Generation, changed: int, removed: int, seconds: float) -> IndexStats:
        index = generation.index
        return IndexStats(
            documents=index.documents,
            chunks=index.size,
            categories=generation.category_counts(),
            projects=index.project_names,
            changed=changed,
            removed=removed,
            seconds=seconds,
        )

    def _served(self) -> Generation:
        self._current()
        assert self._generation is not None
        return self._generation

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
        with self._lock, self.storage.writing():
            self._current()
            base = self._latest()
            target = self.uploads_dir / wanted / name
            exists = target.exists() or (base is not None and base.file(rel) is not None)
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
            stat = target.stat()
            record = FileRecord(rel, stat.st_size, stat.st_mtime_ns, upload.sha256, upload)
            generation = self.storage.write(base, {rel: IndexedFile(record, chunks)}, set())
            self._adopt(generation)
            self._last = self._stats(generation, 1, 0, 0.0)
        verb = "Replaced" if exists else "Added"
        passages = "passage" if len(chunks) == 1 else "passages"
        return (
            f"{verb} “{document.title}” ({name}) in {wanted}: {len(chunks)} {passages} indexed, searchable now. "
            "Answers mark it as not yet reviewed until a director approves it on the Knowledge page."
        )

    def documents(self) -> list[DocumentInfo]:
        """Every indexed document with who uploaded it and its review (uploads), by source."""
        rows = self._served().documents()
        # A company file that could not be read has no passages and no upload record: not listed.
        return [DocumentInfo(r.source, r.title, r.category, r.passages, r.upload) for r in rows if r.passages or r.upload]

    def document_text(self, source: str) -> str:
        """The indexed text of one document, passage by passage, for a reviewer to read."""
        texts = self._served().texts(source)
        if texts is None:
            raise InputError(f"{source} is not in the knowledge base")
        return "\n\n".join(texts)

    def approve(self, source: str, reviewer: User, sha256: str | None = None) -> str:
        """Mark an uploaded document as reviewed by `reviewer`, a director.

        `sha256`, when given, is the version the reviewer read; a document changed since is not
        approved. Raises NotAllowedError for a rep, InputError for anything but an upload."""
        if not reviewer.is_director:
            raise NotAllowedError(f"Only a director can approve an upload; {reviewer.name} is signed in as a rep.")
        with self._lock, self.storage.writing():
            self._current()
            generation = self._latest()
            entry = generation.file(source) if generation is not None else None
            if generation is None or entry is None or entry.upload is None:
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
            title = next((d.title for d in generation.documents() if d.source == source and d.passages), source)
            if upload.reviewed:
                return f"“{title}” ({source}) was already approved by {upload.reviewer_name or upload.reviewed_by}."
            approved = replace(upload, reviewed_by=reviewer.username, reviewer_name=reviewer.name, reviewed_at=_now())
            _write_record(self.uploads_dir / source, approved)
            generation.update_records([replace(entry, upload=approved)])
            if generation is not self._generation:
                self._adopt(generation)
        return f"Approved “{title}” ({source}): answers no longer mark it as unreviewed."

    def stats(self) -> IndexStats:
        self._current()
        return self._last

    def categories(self) -> list[str]:
        return sorted(set(self._current().category_names))

    def projects(self) -> list[str]:
        return self._current().project_names


def make_knowledge_base(settings: Settings) -> KnowledgeBase:
    """The knowledge base the settings choose: the local folder (default) or S3."""
    limits = PdfLimits(settings.kb_pdf_max_pages, settings.kb_pdf_timeout_s, settings.kb_pdf_memory_mb)
    vectors: dict[str, Any] = {"vectors": settings.kb_vectors, "max_vectors": settings.kb_vectors_max_passages}
    if settings.kb == "s3":
        locations = parse_s3_locations(
            settings.kb_s3_bucket, settings.kb_s3_prefix, settings.kb_s3_locations
        )
        client = make_s3_client(settings.aws_endpoint_url)
        source: KnowledgeSource = S3Source(client, locations, settings.data_dir / "knowledge" / "s3_cache")
        return KnowledgeBase(source, settings.data_dir, pdf_limits=limits, ingest_every_s=S3_INGEST_S, **vectors)
    return KnowledgeBase(LocalFolderSource(settings.kb_dir), settings.data_dir, pdf_limits=limits, **vectors)


def build_index(settings: Settings) -> str:
    """Bring the knowledge index up to date; a one-line summary. Safe to run again."""
    kb = make_knowledge_base(settings)
    stats = kb.refresh()
    return f"{stats.summary()} from {kb.source.describe()}"
