"""The records retrieval works with: a chunk of a document, a search hit that cites it, and who
uploaded a document and whether a director has reviewed it."""

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
class Upload:
    """Who uploaded a document and when, and which director approved it. The record covers
    exactly the bytes whose SHA-256 it names: a changed file is an unreviewed one."""

    username: str  # "" when not known (a file in the uploads folder with no record)
    name: str
    uploaded_at: str  # ISO 8601, UTC
    sha256: str
    reviewed_by: str = ""  # the approving director's username; "" while not yet reviewed
    reviewer_name: str = ""
    reviewed_at: str = ""

    @property
    def reviewed(self) -> bool:
        return bool(self.reviewed_by)

    def note(self) -> str:
        """How an answer marks text from this upload: "from an upload by Dana, not yet reviewed"."""
        who = f"from an upload by {self.name}" if self.name else "from an upload (uploader unknown)"
        if self.reviewed:
            return f"{who}, approved by {self.reviewer_name or self.reviewed_by}"
        return f"{who}, not yet reviewed"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Upload:
        fields = {f: str(data.get(f) or "") for f in cls.__dataclass_fields__}
        return cls(**fields)


@dataclass(frozen=True)
class DocumentInfo:
    """One indexed document as the Knowledge page lists it."""

    source: str
    title: str
    category: str
    passages: int
    upload: Upload | None  # None: a company document from the knowledge source

    @property
    def status(self) -> str:
        if self.upload is None:
            return "company document"
        if self.upload.reviewed:
            return f"approved by {self.upload.reviewer_name or self.upload.reviewed_by}"
        return "not yet reviewed"


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
    upload: Upload | None = None  # set when the document came from an upload

    @property
    def unreviewed(self) -> bool:
        return self.upload is not None and not self.upload.reviewed

    def citation(self) -> str:
        """How an answer names this passage: "Title (CATEGORY/file.md › Heading)", with
        "; from an upload by Dana, not yet reviewed" while a director has not approved it."""
        where = self.source + (f" › {self.heading}" if self.heading and self.heading != self.title else "")
        if self.upload is not None and self.unreviewed:
            where += f"; {self.upload.note()}"
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
