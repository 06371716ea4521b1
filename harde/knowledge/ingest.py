"""Reading documents: Markdown, plain text, PDF and JSON call transcripts into titled sections.

Uploads are checked here too, so a bad file is refused with a reason a person can act on.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any

from harde.errors import UnreadableDocumentError
from harde.knowledge.models import ParsedDocument, Section
from harde.knowledge.pdf import PdfLimits, read_pdf

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".pdf", ".json")
UPLOAD_SUFFIXES = (".md", ".markdown", ".txt", ".pdf")
MAX_UPLOAD_BYTES = 10 * 1024 * 1024

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


def title_from_filename(filename: str) -> str:
    stem = PurePath(filename).stem
    words = re.sub(r"[_\-]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else filename


def parse_document(filename: str, data: bytes, pdf_limits: PdfLimits | None = None) -> ParsedDocument:
    """Sections of a document, chosen by its suffix. Raises UnreadableDocumentError.

    A PDF is read in a separate process within `pdf_limits` (pages, seconds, memory)."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".md", ".markdown"):
        return parse_markdown(decode_text(filename, data), filename)
    if suffix == ".txt":
        return parse_plain_text(decode_text(filename, data), filename)
    if suffix == ".pdf":
        return parse_pdf(filename, data, pdf_limits)
    if suffix == ".json":
        return parse_json(filename, data)
    raise UnreadableDocumentError(
        f"{filename}: unsupported file type {suffix or '(none)'}; use {', '.join(SUPPORTED_SUFFIXES)}"
    )


def decode_text(filename: str, data: bytes) -> str:
    """Text of a .md/.txt file; refuses files that are really binary."""
    if b"\x00" in data[:8192]:
        raise UnreadableDocumentError(f"{filename} looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:8192]
    if sample:
        control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
        if control / len(sample) > 0.05 or sample.count("\ufffd") / len(sample) > 0.05:
            raise UnreadableDocumentError(f"{filename} looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_markdown(text: str, filename: str) -> ParsedDocument:
    title = ""
    sections: list[Section] = []
    path: list[str] = []  # heading path below the title: ["Price", "The response"]
    lines: list[str] = []
    in_code = False

    def flush() -> None:
        body = "\n".join(lines).strip()
        if body:
            sections.append(Section(" › ".join(path), body))
        lines.clear()

    for line in text.split("\n"):
        if line.strip().startswith("```"):
            in_code = not in_code
        match = None if in_code else _MD_HEADING.match(line)
        if match is None:
            lines.append(line)
            continue
        level, heading = len(match.group(1)), match.group(2).strip()
        flush()
        if level == 1 and not title:
            title = heading
            path = []
            continue
        depth = max(level - 2, 0)
        path = [*path[:depth], heading]
    flush()
    return ParsedDocument(title or title_from_filename(filename), sections)


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 80:
        return False
    letters = [c for c in stripped if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) >= 3


def parse_plain_text(text: str, filename: str) -> ParsedDocument:
    """Plain text: a short first line is the title; short ALL-CAPS lines are headings."""
    lines = text.strip("\n").split("\n")
    title = title_from_filename(filename)
    if len(lines) > 2 and 0 < len(lines[0].strip()) <= 100 and not lines[1].strip():
        title = lines[0].strip().strip("#").strip()
        lines = lines[1:]
    sections: list[Section] = []
    heading = ""
    body: list[str] = []
    for line in lines:
        if _looks_like_heading(line):
            if "\n".join(body).strip():
                sections.append(Section(heading, "\n".join(body).strip()))
            heading, body = line.strip().title(), []
        else:
            body.append(line)
    if "\n".join(body).strip():
        sections.append(Section(heading, "\n".join(body).strip()))
    return ParsedDocument(title, sections)


def parse_pdf(filename: str, data: bytes, limits: PdfLimits | None = None) -> ParsedDocument:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableDocumentError(f"{filename} is not a PDF file (no PDF header)")
    read = read_pdf(filename, data, limits)
    pages, meta_title = read.pages, read.title
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if len(text.strip()) < 20:
        raise UnreadableDocumentError(
            f"{filename} has no extractable text (a scanned image?); upload a text PDF or a .txt"
        )
    document = parse_plain_text(_join_pdf_lines(text), filename)
    title = str(meta_title).strip() or document.title
    return ParsedDocument(title, document.sections)


def _join_pdf_lines(text: str) -> str:
    """PDF text breaks lines at the page width; rejoin them into paragraphs."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        merged: list[str] = []
        for line in lines:
            starts_item = bool(re.match(r"^([-•*]|\d+[.)])\s", line)) or _looks_like_heading(line)
            if merged and not starts_item and not _looks_like_heading(merged[-1]) and not merged[-1].endswith(":"):
                merged[-1] = f"{merged[-1]} {line}"
            else:
                merged.append(line)
        out.append("\n".join(merged))
    return "\n\n".join(out)


def parse_json(filename: str, data: bytes) -> ParsedDocument:
    """A JSON record (a call transcript) rendered as readable text."""
    try:
        record = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableDocumentError(f"{filename} is not valid JSON ({exc})") from exc
    if isinstance(record, dict):
        title = _json_title(record, filename)
        body = render_json(record, skip=("title",))
    else:
        title = title_from_filename(filename)
        body = render_json(record)
    return ParsedDocument(title, [Section("", body)] if body.strip() else [])


def _json_title(record: dict[str, Any], filename: str) -> str:
    if isinstance(record.get("title"), str) and record["title"].strip():
        return str(record["title"]).strip()
    parts = []
    for key in ("call_id", "id"):
        if record.get(key) not in (None, ""):
            parts.append(f"Call {record[key]}")
            break
    for key in ("trade", "situation", "customer_situation"):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            parts.append(value.strip() if len(value) < 90 else value.strip()[:87] + "…")
    return " · ".join(parts) if parts else title_from_filename(filename)


def _label(key: str) -> str:
    words = key.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def render_json(value: Any, *, skip: tuple[str, ...] = (), depth: int = 0) -> str:
    """Readable text for a JSON value: "Key: value" lines, lists as bullets, nested indented."""
    indent = "  " * depth
    if isinstance(value, dict):
        lines: list[str] = []
        for key, item in value.items():
            if key in skip or item in (None, "", [], {}):
                continue
            if isinstance(item, dict | list):
                lines.append(f"{indent}{_label(str(key))}:")
                lines.append(render_json(item, depth=depth + 1))
                if depth == 0:
                    lines.append("")
            else:
                lines.append(f"{indent}{_label(str(key))}: {item}")
        return "\n".join(lines).rstrip()
    if isinstance(value, list):
        lines = []
        for item in value:
            if isinstance(item, dict):
                fields = [f"{_label(str(k))}: {v}" for k, v in item.items() if not isinstance(v, dict | list)]
                nested = [render_json({k: v}, depth=depth + 1) for k, v in item.items() if isinstance(v, dict | list)]
                lines.append(f"{indent}- " + " — ".join(fields))
                lines.extend(n for n in nested if n)
            else:
                lines.append(f"{indent}- {item}")
        return "\n".join(lines)
    return f"{indent}{value}"


def check_upload(filename: str, data: bytes, pdf_limits: PdfLimits | None = None) -> ParsedDocument:
    """Parse an uploaded file, refusing it with a clear reason when it cannot be used."""
    name = PurePath(filename).name
    suffix = PurePath(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise UnreadableDocumentError(
            f"{name}: only .txt, .md and .pdf files can be added to the knowledge base"
        )
    if not data or not data.strip():
        raise UnreadableDocumentError(f"{name} is empty")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UnreadableDocumentError(
            f"{name} is too large ({len(data) / 1_048_576:.1f} MB; the limit is {MAX_UPLOAD_BYTES // 1_048_576} MB)"
        )
    document = parse_document(name, data, pdf_limits)
    if not any(s.text.strip() for s in document.sections):
        raise UnreadableDocumentError(f"{name} has no text to index")
    return document
