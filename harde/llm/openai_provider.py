"""The openai provider: any OpenAI-compatible server, Chat Completions or Responses by setting."""

from __future__ import annotations

from agents import OpenAIChatCompletionsModel, OpenAIResponsesModel
from agents.models.interface import Model
from openai import AsyncOpenAI

from harde.config import Settings
from harde.errors import ConfigurationError


def make_openai_client(settings: Settings) -> AsyncOpenAI:
    """The one client every agent shares; the openai library retries 429, 5xx and timeouts with backoff."""
    if settings.openai_api_key is None and not settings.openai_base_url:
        raise ConfigurationError("HARDE_LLM=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)")
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
    return AsyncOpenAI(
        api_key=key,
        base_url=settings.openai_base_url or None,
        timeout=settings.llm_timeout_s,
        max_retries=settings.llm_max_retries,
    )


def make_openai_model(settings: Settings, client: AsyncOpenAI, model_name: str) -> Model:
    if settings.openai_api == "responses":
        return OpenAIResponsesModel(model=model_name, openai_client=client)
    return OpenAIChatCompletionsModel(model=model_name, openai_client=client)
