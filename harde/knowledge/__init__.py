"""Company knowledge: document sources, ingest, chunking, the BM25 index and its search."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from harde.knowledge.knowledge_base import KnowledgeBase, build_index, make_knowledge_base
    from harde.knowledge.models import Chunk, Hit, IndexStats

__all__ = ["Chunk", "Hit", "IndexStats", "KnowledgeBase", "build_index", "make_knowledge_base"]


def __getattr__(name: str) -> Any:
    # The index pulls in bm25s and numpy; the PDF reader's child process imports
    # harde.knowledge.pdf and must not pay for them.
    if name in ("KnowledgeBase", "build_index", "make_knowledge_base"):
        from harde.knowledge import knowledge_base

        return getattr(knowledge_base, name)
    if name in ("Chunk", "Hit", "IndexStats"):
        from harde.knowledge import models

        return getattr(models, name)
    raise AttributeError(name)
