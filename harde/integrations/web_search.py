"""Web search: Perplexity's OpenAI-compatible chat API with its citations, or an offline stand-in.

`make_web_search(settings)` picks `PerplexitySearch` when a Perplexity key is set, else
`NoWebSearch`, which says plainly that web search needs PERPLEXITY_API_KEY and falls back to
what the company's knowledge base has on the question.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

import openai
from tenacity import RetryCallState

from harde.errors import AuthenticationError, IntegrationError, RateLimitedError
from harde.integrations.openai_retry import openai_retrying

if TYPE_CHECKING:
    from harde.config import Settings

NO_KEY_NOTE = (
    "Web search is not set up: it needs a Perplexity API key (set PERPLEXITY_API_KEY). "
    "Nothing was searched online."
)
SYSTEM_PROMPT = (
    "You research facts for a residential exterior contractor ({company}, New England: roofing, "
    "siding, gutters, windows). Answer concisely and factually for a sales rep, cite your sources "
    "with [n] markers, and say so when sources disagree or the answer is uncertain."
)


class WebSearchError(IntegrationError):
    """The web search service failed after its retries."""


class KnowledgeSearch(Protocol):
    """The part of harde.knowledge.KnowledgeBase the fallback uses; hits have text, title,
    source, heading, category and citation()."""

    def search(self, query: str, k: int = 5) -> list[Any]: ...


Notify = Callable[[str], None]


@dataclass
class WebAnswer:
    """One web search: the answer text, its sources, or the reason there is no web answer."""

    text: str
    citations: list[str] = field(default_factory=list)
    source: Literal["web", "knowledge base", "none"] = "web"
    note: str = ""  # why the answer is not from the web, shown before it
    knowledge_hits: list[Any] = field(default_factory=list)

    def to_markdown(self) -> str:
        parts: list[str] = []
        if self.note:
            parts.append(self.note)
        if self.source == "web":
            parts.append(self.text.strip())
            if self.citations:
                parts.append("Sources:\n" + "\n".join(f"{n}. {url}" for n, url in enumerate(self.citations, 1)))
            else:
                parts.append("(The search service returned no source links for this answer.)")
        elif self.source == "knowledge base":
            parts.append(self.text)
        return "\n\n".join(p for p in parts if p)


class WebSearch(Protocol):
    async def search(
        self, query: str, *, fallback: KnowledgeSearch | None = None, notify: Notify | None = None
    ) -> WebAnswer: ...


_WEB_WORDS = re.compile(
    r"\b(please|can you|could you|look (it |that )?up|search( for)?|find|google|online|on the (web|internet)|"
    r"the web|the internet|web search|for me)\b",
    re.IGNORECASE,
)


def knowledge_query(query: str) -> str:
    """The question without "look up ... online", for a knowledge-base search."""
    cleaned = " ".join(_WEB_WORDS.sub(" ", query).split()).strip(" ?.!,")
    return cleaned or query


def knowledge_fallback(query: str, knowledge: KnowledgeSearch | None, k: int = 3) -> tuple[str, list[Any]]:
    """What the knowledge base has on a question, as markdown with each passage's source."""
    if knowledge is None:
        return "The knowledge base is not available either, so I have nothing on this.", []
    hits = knowledge.search(knowledge_query(query), k=k)
    if not hits:
        return "The company knowledge base has nothing on this either.", []
    lines = ["Here is what the company knowledge base has on it:"]
    for hit in hits:
        snippet = " ".join(str(hit.text).split())
        if len(snippet) > 420:
            snippet = snippet[:420].rsplit(" ", 1)[0] + "…"
        where = hit.citation() if hasattr(hit, "citation") else f"{hit.title} ({hit.source})"
        lines.append(f"- **{where}**: {snippet}")
    return "\n".join(lines), hits


class NoWebSearch:
    """The offline stand-in: no network; says what is needed and answers from the knowledge base."""

    async def search(
        self, query: str, *, fallback: KnowledgeSearch | None = None, notify: Notify | None = None
    ) -> WebAnswer:
        # Knowledge retrieval is CPU work: off the event loop.
        text, hits = await asyncio.to_thread(knowledge_fallback, query, fallback)
        return WebAnswer(text=text, source="knowledge base", note=NO_KEY_NOTE, knowledge_hits=hits)


class PerplexitySearch:
    """Web answers with citations from Perplexity's chat completions API (OpenAI-compatible)."""

    service = "Perplexity"

    def __init__(
        self,
        api_key: str,
        *,
        base_url: str = "https://api.perplexity.ai",
        model: str = "sonar",
        company: str = "Summit Ridge Exteriors",
        timeout_s: float = 30.0,
        attempts: int = 4,
        retry_wait_s: float = 1.0,
    ) -> None:
        # The client's own retries are off: tenacity below owns retrying, with its backoff.
        self._client = openai.AsyncOpenAI(api_key=api_key, base_url=base_url, timeout=timeout_s, max_retries=0)
        self.model = model
        self.company = company
        self.attempts = attempts
        self.retry_wait_s = retry_wait_s

    async def _complete(self, query: str, notify: Notify | None) -> Any:
        messages: list[Any] = [
            {"role": "system", "content": SYSTEM_PROMPT.format(company=self.company)},
            {"role": "user", "content": query},
        ]
        def on_retry(state: RetryCallState) -> None:
            if notify is not None:
                notify(f"Perplexity did not answer (attempt {state.attempt_number}); retrying…")

        async for attempt in openai_retrying(self.attempts, self.retry_wait_s, before_sleep=on_retry):
            with attempt:
                return await self._client.chat.completions.create(model=self.model, messages=messages)
        raise AssertionError("unreachable: tenacity reraises the last failure")

    async def search(
        self, query: str, *, fallback: KnowledgeSearch | None = None, notify: Notify | None = None
    ) -> WebAnswer:
        """The web answer; `fallback` is unused here (the caller falls back if this raises)."""
        try:
            completion = await self._complete(query, notify)
        except openai.AuthenticationError as error:
            raise AuthenticationError(self.service, "the API key (PERPLEXITY_API_KEY) was rejected") from error
        except openai.RateLimitError as error:
            raise RateLimitedError(self.service, f"still rate limited after {self.attempts} attempts") from error
        except openai.APITimeoutError as error:
            raise WebSearchError(self.service, f"no answer in time after {self.attempts} attempts") from error
        except openai.APIConnectionError as error:
            raise WebSearchError(self.service, f"could not be reached after {self.attempts} attempts") from error
        except openai.APIStatusError as error:
            raise WebSearchError(self.service, f"failed with HTTP {error.status_code}") from error
        text = (completion.choices[0].message.content or "") if completion.choices else ""
        return WebAnswer(text=text, citations=_citations(completion), source="web")

    async def aclose(self) -> None:
        await self._client.close()


def _citations(completion: Any) -> list[str]:
    """Source URLs: Perplexity's top-level `citations`, else the URLs in `search_results`."""
    extra: dict[str, Any] = dict(getattr(completion, "model_extra", None) or {})
    urls = [str(u) for u in extra.get("citations") or [] if u]
    if not urls:
        urls = [str(r.get("url")) for r in extra.get("search_results") or [] if isinstance(r, dict) and r.get("url")]
    return list(dict.fromkeys(urls))


def make_web_search(settings: Settings) -> WebSearch:
    """Perplexity when PERPLEXITY_API_KEY is set; otherwise the offline stand-in."""
    if settings.perplexity_api_key is not None and settings.perplexity_api_key.get_secret_value().strip():
        return PerplexitySearch(
            settings.perplexity_api_key.get_secret_value(),
            base_url=settings.perplexity_base_url,
            model=settings.perplexity_model,
            company=settings.company_name,
        )
    return NoWebSearch()
