"""The web search tool: a cited web answer, or a clear note and the knowledge base when offline."""

from __future__ import annotations

import asyncio
from typing import Any

from agents import RunContextWrapper

from harde.context import HardeContext
from harde.errors import HardeError, IntegrationError
from harde.integrations.web_search import knowledge_fallback
from harde.tools.registry import tool


def _knowledge(ctx: RunContextWrapper[HardeContext]) -> Any | None:
    # The fallback is a courtesy: a knowledge base that cannot load must not break web search.
    try:
        return ctx.context.services.knowledge
    except (HardeError, ImportError, OSError):
        return None


@tool(status="Searching the web for {query}…")
async def web_search(ctx: RunContextWrapper[HardeContext], query: str) -> str:
    """Search the web for facts outside the company (manufacturer warranties and specs, building
    codes, rebates, news, competitors) and answer with numbered source links. Pass the user's
    question as it was asked. Without a Perplexity key it says so and shows what the company
    knowledge base has on the question instead.
    """
    knowledge = _knowledge(ctx)
    searcher = ctx.context.services.web_search
    try:
        result = await searcher.search(query, fallback=knowledge, notify=ctx.context.note)
    except IntegrationError as error:
        text, _ = await asyncio.to_thread(knowledge_fallback, query, knowledge)
        return f"Web search failed: {error}. Nothing from the web this time.\n\n{text}"
    return str(result.to_markdown())
