"""Web search: Perplexity against the OpenAI-compatible test server, and the offline stand-in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from agents import RunContextWrapper

from harde.config import Settings
from harde.context import HardeContext
from harde.emulators.openai_server import OpenAITestServer
from harde.errors import AuthenticationError, RateLimitedError
from harde.integrations.web_search import (
    NoWebSearch,
    PerplexitySearch,
    WebSearchError,
    knowledge_query,
    make_web_search,
)
from harde.services import Services
from harde.tools.web_search import web_search

CITATIONS = ["https://example.com/siding-warranty.pdf", "https://example.org/warranty-faq"]


@pytest.fixture
def server() -> Iterator[OpenAITestServer]:
    with OpenAITestServer(api_key="pplx-test") as running:
        yield running


_OPEN: list[PerplexitySearch] = []


@pytest.fixture(autouse=True)
async def close_clients() -> Any:
    yield
    while _OPEN:
        await _OPEN.pop().aclose()


def perplexity(server: OpenAITestServer, key: str = "pplx-test", **options: Any) -> PerplexitySearch:
    options.setdefault("retry_wait_s", 0.0)
    options.setdefault("timeout_s", 10.0)
    searcher = PerplexitySearch(key, base_url=server.base_url, model="sonar-pro", **options)
    _OPEN.append(searcher)
    return searcher


def context(settings: Settings) -> RunContextWrapper[HardeContext]:
    ctx = HardeContext(settings=settings, services=Services(settings), conversation_id="t")
    if isinstance(ctx.services.web_search, PerplexitySearch):
        _OPEN.append(ctx.services.web_search)
    return RunContextWrapper(ctx)


class FakeKnowledge:
    """Stands in for the knowledge base: records queries, answers with fixed hits."""

    def __init__(self, hits: list[Any]) -> None:
        self.hits = hits
        self.queries: list[str] = []

    def search(self, query: str, k: int = 5) -> list[Any]:
        self.queries.append(query)
        return self.hits[:k]


class FakeHit:
    def __init__(self, text: str) -> None:
        self.text, self.title, self.source, self.heading, self.category, self.score = (
            text, "Vinyl Siding", "PRODUCT_KNOWLEDGE/vinyl.md", "Warranty", "PRODUCT_KNOWLEDGE", 1.0,
        )

    def citation(self) -> str:
        return f"{self.title} ({self.source} › {self.heading})"


async def test_perplexity_answer_keeps_its_citations(server: OpenAITestServer) -> None:
    server.citations = CITATIONS
    server.enqueue_text("The siding carries a lifetime limited warranty [1], prorated after year 10 [2].")
    result = await perplexity(server).search("Mastic siding warranty")
    assert result.source == "web" and result.citations == CITATIONS
    text = result.to_markdown()
    assert "lifetime limited warranty [1]" in text
    assert "1. https://example.com/siding-warranty.pdf" in text and "2. https://example.org/warranty-faq" in text
    sent = server.requests[-1]
    assert sent.path == "/v1/chat/completions" and sent.json["model"] == "sonar-pro"
    assert sent.json["messages"][-1] == {"role": "user", "content": "Mastic siding warranty"}


async def test_perplexity_retries_after_429_then_answers(server: OpenAITestServer) -> None:
    server.enqueue_error(429, retry_after=0)
    server.enqueue_error(503)
    server.enqueue_text("Answer after retries.")
    notes: list[str] = []
    result = await perplexity(server).search("gutter code in Massachusetts", notify=notes.append)
    assert result.text == "Answer after retries."
    assert len(server.requests) == 3
    assert len(notes) == 2 and "retrying" in notes[0]


async def test_perplexity_rate_limit_that_never_ends_raises_rate_limited(server: OpenAITestServer) -> None:
    for _ in range(2):
        server.enqueue_error(429, retry_after=0)
    with pytest.raises(RateLimitedError, match="Perplexity"):
        await perplexity(server, attempts=2).search("q")


async def test_perplexity_timeout_is_retried_then_answers(server: OpenAITestServer) -> None:
    server.enqueue_delay(5)
    server.enqueue_text("On time the second time.")
    result = await perplexity(server, timeout_s=0.3, attempts=3).search("q")
    assert result.text == "On time the second time."


async def test_perplexity_that_never_answers_in_time_raises(server: OpenAITestServer) -> None:
    # Each request takes the delays and the error at the head of the queue, so each one is held.
    for _ in range(2):
        server.enqueue_delay(5)
        server.enqueue_error(500)
    with pytest.raises(WebSearchError, match="no answer in time after 2 attempts"):
        await perplexity(server, timeout_s=0.3, attempts=2).search("q")


async def test_a_rejected_key_is_not_retried(server: OpenAITestServer) -> None:
    bad = perplexity(server, key="wrong-key")
    with pytest.raises(AuthenticationError, match="PERPLEXITY_API_KEY"):
        await bad.search("q")
    assert len(server.requests) == 1


async def test_offline_search_says_it_needs_a_key_and_falls_back_to_the_knowledge_base() -> None:
    kb = FakeKnowledge([FakeHit("Our vinyl lines carry a lifetime limited warranty for the original owner.")])
    result = await NoWebSearch().search("Look up the Mastic siding warranty online", fallback=kb)
    text = result.to_markdown()
    assert text.startswith("Web search is not set up: it needs a Perplexity API key (set PERPLEXITY_API_KEY).")
    assert "Vinyl Siding (PRODUCT_KNOWLEDGE/vinyl.md › Warranty)" in text and "lifetime limited warranty" in text
    assert kb.queries == ["the Mastic siding warranty"]


async def test_offline_search_without_a_knowledge_base_still_explains() -> None:
    text = (await NoWebSearch().search("roof tax credit")).to_markdown()
    assert "PERPLEXITY_API_KEY" in text and "nothing on this" in text


def test_the_factory_chooses_by_key(tmp_path: Path) -> None:
    offline = Settings(_env_file=None, data_dir=tmp_path, perplexity_api_key=None)
    online = Settings(_env_file=None, data_dir=tmp_path, perplexity_api_key="k", perplexity_model="sonar-pro")
    assert isinstance(make_web_search(offline), NoWebSearch)
    searcher = make_web_search(online)
    assert isinstance(searcher, PerplexitySearch) and searcher.model == "sonar-pro"
    _OPEN.append(searcher)


def test_knowledge_query_drops_the_web_wording() -> None:
    assert knowledge_query("Can you look up the Mastic siding warranty online?") == "the Mastic siding warranty"
    assert knowledge_query("search the web") == "search the web"


def _kb_with_a_warranty_page(root: Path) -> Path:
    page = root / "PRODUCT_KNOWLEDGE" / "vinyl_siding.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "# Vinyl Siding\n\n## Warranty\n\nOur vinyl siding lines carry a lifetime limited warranty for the "
        "original owner, with a limited transfer to the next owner.\n",
        encoding="utf-8",
    )
    return root


async def test_the_tool_offline_falls_back_to_the_real_knowledge_base(tmp_path: Path) -> None:
    settings = Settings(
        _env_file=None, data_dir=tmp_path / "var", kb_dir=_kb_with_a_warranty_page(tmp_path / "kb"), perplexity_api_key=None
    )
    ctx = context(settings)
    out = await web_search(ctx, query="Look up the Mastic siding warranty online")
    assert "needs a Perplexity API key (set PERPLEXITY_API_KEY)" in out
    assert "vinyl_siding.md" in out and "lifetime limited warranty" in out


async def test_the_tool_with_a_key_answers_from_perplexity_with_sources(server: OpenAITestServer, tmp_path: Path) -> None:
    server.citations = CITATIONS
    server.enqueue_text("Lifetime limited warranty [1].")
    settings = Settings(
        _env_file=None, data_dir=tmp_path / "var", kb_dir=tmp_path / "kb",
        perplexity_api_key="pplx-test", perplexity_base_url=server.base_url,
    )
    ctx = context(settings)
    out = await web_search(ctx, query="Mastic siding warranty")
    assert out.startswith("Lifetime limited warranty [1].")
    assert "Sources:\n1. https://example.com/siding-warranty.pdf" in out


async def test_the_tool_reports_a_failed_search_and_falls_back(server: OpenAITestServer, tmp_path: Path) -> None:
    server.enqueue_error(400, message="bad request")
    settings = Settings(
        _env_file=None, data_dir=tmp_path / "var", kb_dir=_kb_with_a_warranty_page(tmp_path / "kb"),
        perplexity_api_key="pplx-test", perplexity_base_url=server.base_url,
    )
    ctx = context(settings)
    out = await web_search(ctx, query="siding warranty")
    assert out.startswith("Web search failed: Perplexity: failed with HTTP 400.")
    assert "vinyl_siding.md" in out
