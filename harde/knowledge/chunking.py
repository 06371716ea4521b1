"""Splitting documents into passages of about 1,500 characters at paragraph and sentence ends.

A passage never spans two headings, so its heading says what it is about; when a section is
longer than one passage, the next passage repeats the last sentence or two for context.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from harde.knowledge.models import Chunk, ParsedDocument

MAX_CHARS = 1_500
OVERLAP_CHARS = 200

# A sentence ends at . ! or ? followed by space and a capital, digit or quote; abbreviations
# common in the trade ("approx.", "sq. ft.", "Mr.") are not ends.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9\"'(\[•*-])")
_ABBREVIATIONS = ("mr.", "mrs.", "ms.", "dr.", "st.", "approx.", "sq.", "ft.", "e.g.", "i.e.", "vs.", "no.", "lin.")


def split_sentences(text: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start() + 1].strip()
        if candidate.lower().endswith(_ABBREVIATIONS):
            continue
        parts.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]


def _hard_split(text: str, limit: int) -> list[str]:
    """Last resort for a "sentence" longer than a passage: cut at whitespace."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        cut = cut if cut > limit // 2 else limit
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    if text:
        pieces.append(text)
    return pieces


def _units(section_text: str, limit: int) -> list[tuple[str, bool]]:
    """Paragraphs, or the sentences of paragraphs too long to keep whole. (text, starts_paragraph)."""
    units: list[tuple[str, bool]] = []
    for paragraph in re.split(r"\n\s*\n", section_text):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if len(paragraph) <= limit:
            units.append((paragraph, True))
            continue
        first = True
        for sentence in split_sentences(paragraph):
            for piece in _hard_split(sentence, limit):
                units.append((piece, first))
                first = False
    return units


def _tail_for_overlap(units: list[str], overlap: int) -> list[str]:
    """The last sentences of a passage, at most `overlap` characters, to open the next one."""
    last = units[-1]
    sentences = split_sentences(last)
    tail: list[str] = []
    size = 0
    for sentence in reversed(sentences):
        if size + len(sentence) > overlap:
            break
        tail.insert(0, sentence)
        size += len(sentence) + 1
    return [" ".join(tail)] if tail else []


def chunk_document(
    document: ParsedDocument,
    source: str,
    *,
    max_chars: int = MAX_CHARS,
    overlap: int = OVERLAP_CHARS,
) -> list[Chunk]:
    """The passages of a parsed document, each with its category, source, title and heading."""
    category, project = category_of(source)
    chunks: list[Chunk] = []

    def emit(parts: list[str], heading: str) -> None:
        text = "\n\n".join(parts).strip()
        if text:
            chunks.append(
                Chunk(
                    text=text,
                    source=source,
                    category=category,
                    title=document.title,
                    heading=heading,
                    project=project,
                    position=len(chunks),
                )
            )

    for section in document.sections:
        current: list[str] = []
        size = 0
        fresh = 0  # units in `current` that are not overlap from the previous passage
        for text, starts_paragraph in _units(section.text, max_chars):
            joiner = 2 if current else 0
            if current and size + joiner + len(text) > max_chars and fresh:
                emit(current, section.heading)
                current = _tail_for_overlap(current, overlap)
                size = sum(len(p) + 2 for p in current)
                fresh = 0
            if current and not starts_paragraph and fresh:
                current[-1] = f"{current[-1]} {text}"
                size += len(text) + 1
            else:
                current.append(text)
                size += len(text) + (2 if len(current) > 1 else 0)
            fresh += 1
        if fresh:
            emit(current, section.heading)
    return chunks


def category_of(source: str) -> tuple[str, str | None]:
    """("OBJECTION_HANDLING", None) or ("PROJECTS", "Maple_Hollow_Estates") from a relative path."""
    parts = PurePosixPath(source).parts
    if len(parts) >= 3 and parts[0].upper() == "PROJECTS":
        return "PROJECTS", parts[1]
    if len(parts) >= 2:
        return parts[0].upper(), None
    return "GENERAL", None
