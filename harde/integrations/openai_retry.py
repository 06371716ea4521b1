"""Retrying calls to OpenAI-compatible services: which failures are worth another try, and how."""

from __future__ import annotations

from collections.abc import Callable

import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)


def is_transient(exc: BaseException) -> bool:
    """429s, 5xx and connection failures (timeouts included) pass; a rejected key or bad request does not."""
    if isinstance(exc, openai.APIConnectionError):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 429 or exc.status_code >= 500
    return False


def openai_retrying(
    attempts: int, wait_s: float, *, before_sleep: Callable[[RetryCallState], None] | None = None
) -> AsyncRetrying:
    """Exponential backoff over transient failures; the last failure is raised as it was."""
    return AsyncRetrying(
        retry=retry_if_exception(is_transient),
        stop=stop_after_attempt(attempts),
        wait=wait_exponential(multiplier=wait_s, max=20),
        reraise=True,
        before_sleep=before_sleep,
    )
