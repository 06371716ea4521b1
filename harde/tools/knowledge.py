"""Knowledge tools: search the company's own documents and answer with their sources."""

from __future__ import annotations

import asyncio

from agents import RunContextWrapper

from harde.context import HardeContext
from harde.errors import HardeError
from harde.knowledge.answers import format_hits, resolve_category
from harde.tools.registry import tool


@tool(status="Searching the knowledge base for “{query}”…")
async def search_knowledge(
    ctx: RunContextWrapper[HardeContext], query: str, category: str | None = None
) -> str:
    """Search the company's knowledge base and return the most relevant passages with their sources.

    The knowledge base holds the sales methodology and in-home presentation steps, objection
    handling (price, think about it, three quotes, spouse not present, financing, timing),
    pricing strategy and packages, product knowledge and warranties, script templates,
    customer psychology, project folders (HOA and association rules; name the project in the
    query), the director's call summaries, and documents users uploaded.

    Args:
        query: the question in plain words, e.g. "standard response to price concerns".
        category: optional filter: CORE_KNOWLEDGE, OBJECTION_HANDLING, PRICING_STRATEGIES,
            PRODUCT_KNOWLEDGE, SCRIPT_TEMPLATES, CUSTOMER_PSYCHOLOGY, SALES_DIRECTOR_CALLS,
            PROJECTS or UPLOADS. Leave empty to search everything.
    """
    knowledge = ctx.context.services.knowledge
    try:
        wanted = resolve_category(category, await asyncio.to_thread(knowledge.categories))
        hits = await asyncio.to_thread(knowledge.search, query, 5, wanted)
    except ValueError as exc:
        return f"I couldn't search that way: {exc}."
    except HardeError as exc:
        return f"The knowledge base is not available right now ({exc}). Nothing was looked up."
    return format_hits(query, hits)
