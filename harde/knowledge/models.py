"""The records retrieval works with: a chunk of a document, and a search hit that cites it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Section:
    """A run of text under one heading of a parsed document."""

    heading: str
    text: str


@dataclass(frozen=True)
class ParsedDocument:
    title: str
    sections: list[Section]


@dataclass(frozen=True)
class Chunk:
    """One passage of about 1,500 characters, with what is needed to cite it."""

    text: str
    source: str  # path relative to the knowledge root, "OBJECTION_HANDLING/price.md"
    category: str  # "OBJECTION_HANDLING"; project documents are "PROJECTS"
    title: str
    heading: str
    project: str | None = None  # the folder name under PROJECTS/, else None
    position: int = 0  # order of the chunk within its document

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Chunk:
        return cls(**data)


@dataclass(frozen=True)
class Hit:
    """A passage found by a search: its text, its score and where it comes from."""

    text: str
    score: float
    category: str
    source: str
    heading: str
    title: str
    project: str | None = None

    def citation(self) -> str:
        """How an answer names this passage: "Title (CATEGORY/file.md › Heading)"."""
        where = self.source + (f" › {self.heading}" if self.heading and self.heading != self.title else "")
        return f"{self.title} ({where})"


@dataclass
class IndexStats:
    documents: int = 0
    chunks: int = 0
    categories: dict[str, int] = field(default_factory=dict)  # documents per category
    projects: list[str] = field(default_factory=list)
    changed: int = 0
    removed: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        cats = len(self.categories)
        line = f"{self.documents} documents, {self.chunks} passages in {cats} categories"
        if self.projects:
            line += f" and {len(self.projects)} project(s)"
        line += f"; {self.changed} new or changed, {self.removed} removed ({self.seconds:.2f} s)"
        return line
