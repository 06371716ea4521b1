"""Company knowledge: document sources, ingest, chunking, the BM25 index and its search."""

from harde.knowledge.knowledge_base import KnowledgeBase, build_index, make_knowledge_base
from harde.knowledge.models import Chunk, Hit, IndexStats

__all__ = ["Chunk", "Hit", "IndexStats", "KnowledgeBase", "build_index", "make_knowledge_base"]
