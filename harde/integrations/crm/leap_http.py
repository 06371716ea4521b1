"""The HTTP layer under `LeapCRM`: Bearer auth, a client-side request limiter, retries with
backoff (honouring Retry-After), pagination, and Leap's error shapes mapped to CRM errors.

Nothing here logs a token, a query string or a body: ids and paths only.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import math
import random
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt

from harde.crm.errors import (
    CRMAuthError,
    CRMError,
    CRMNotFound,
    CRMRateLimited,
    CRMUnavailable,
    CRMUnsupported,
    CRMValidationError,
)
from harde.crm.progress import report_progress
from harde.integrations.crm.leap_limits import RateLimiter

log = logging.getLogger(__name__)

JSON = dict[str, Any]
Params = Mapping[str, Any]
Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]

PAGE_SIZE_CAP = 100  # Leap silently caps `limit` at 100
AUTH_MESSAGE = "Leap rejected the API token: check the LEAP_API_TOKEN setting"
NO_RECORDS = "No records found!"


class _HideQueryStrings(logging.Filter):
    """httpx logs every request URL at INFO; Leap's filters put names, phones and emails in
    the query string, so the query is dropped from those lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(isinstance(a, httpx.URL) for a in record.args):
            record.args = tuple(
                a.copy_with(query=None) if isinstance(a, httpx.URL) and a.query else a
                for a in record.args
            )
        return True


def _hide_query_strings_in_httpx_logs() -> None:
    httpx_log = logging.getLogger("httpx")
    if not any(isinstance(f, _HideQueryStrings) for f in httpx_log.filters):
        httpx_log.addFilter(_HideQueryStrings())


class RequestRateLimiter:
    """At most `per_period` requests in any `period_s` window (a sliding log of send times).

    A sliding window never exceeds Leap's fixed one-minute window either. `pause_for` holds
    every request back when the server says so (Retry-After), so gathered requests do not all
    run into the same 429.
    """

    def __init__(
        self,
        per_period: int,
        *,
        period_s: float = 60.0,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.per_period = per_period
        self.period_s = period_s
        self._clock = clock
        self._sleep = sleep
        self._sent: deque[float] = deque()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self, on_wait: Callable[[float], None] | None = None) -> float:
        """Wait for a free slot and take it; returns the seconds waited."""
        waited = 0.0
        async with self._lock:  # waiting under the lock keeps requests in arrival order
            while True:
                now = self._clock()
                wait = self._paused_until - now
                if wait <= 0:
                    if self.per_period <= 0:
                        return waited
                    while self._sent and self._sent[0] <= now - self.period_s:
                        self._sent.popleft()
                    if len(self._sent) < self.per_period:
                        self._sent.append(now)
                        return waited
                    wait = self._sent[0] + self.period_s - now
                if on_wait is not None:
                    on_wait(wait)
                await self._sleep(wait)
                waited += wait

    def pause_for(self, seconds: float) -> None:
        self._paused_until = max(self._paused_until, self._clock() + max(seconds, 0.0))


class _Retryable(Exception):
    """A response worth trying again: rate limited (429, "Too Many Attempts") or a 5xx."""

    def __init__(
        self, status: int, message: str, *, rate_limited: bool, retry_after: float | None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.rate_limited = rate_limited
        self.retry_after = retry_after


def _is_retryable(exc: BaseException) -> bool:
    return isinstance(exc, _Retryable | httpx.TransportError)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - time.time(), 0.0)


def _error_body(response: httpx.Response) -> JSON:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _error_parts(body: JSON) -> tuple[str, str, dict[str, list[str]]]:
    """(message, error_details, validation) from either of Leap's error shapes."""
    error = body.get("error")
    if isinstance(error, dict):
        message = str(error.get("message") or "")
        details = str(error.get("error_details") or "")
        raw = error.get("validation") or {}
    else:
        message = str(body.get("message") or "")
        details = str(body.get("error_details") or "")
        raw = body.get("validation") or body.get("errors") or {}
    validation: dict[str, list[str]] = {}
    if isinstance(raw, dict):
        for field, messages in raw.items():
            if isinstance(messages, list):
                validation[str(field)] = [str(m) for m in messages]
            else:
                validation[str(field)] = [str(messages)]
    return message, details, validation


def plain_validation(validation: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Leap's validation messages with dotted keys in plain words.

    "The phones.0.number must be between 8 and 12 digits." -> "The phone 1 number must be
    between 8 and 12 digits."; the keys themselves stay as Leap wrote them.
    """
    from harde.crm.errors import field_label

    out: dict[str, list[str]] = {}
    for field, messages in validation.items():
        label = field_label(field)
        lower = label[:1].lower() + label[1:]
        spoken = field.replace("_", " ")
        cleaned = []
        for message in messages:
            text = message.replace(field, lower)
            if spoken != field:
                text = text.replace(spoken, lower)
            cleaned.append(text)
        out[field] = cleaned
    return out


def is_too_many_attempts(status: int, message: str, details: str) -> bool:
    text = f"{message} {details}".casefold()
    return status >= 500 and "too many attempts" in text


class LeapHTTP:
    """One Leap account over HTTP. Methods return Leap's JSON; errors are `CRMError`s."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout_s: float = 20.0,
        requests_per_minute: int = 60,
        max_attempts: int = 5,
        backoff_initial_s: float = 0.5,
        backoff_max_s: float = 10.0,
        max_retry_after_s: float = 90.0,
        on_progress: Callable[[str], None] | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
        transport: httpx.AsyncBaseTransport | None = None,
        limiter: RateLimiter | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._token = token
        self.max_attempts = max(1, max_attempts)
        self._backoff_initial_s = backoff_initial_s
        self._backoff_max_s = backoff_max_s
        self._max_retry_after_s = max_retry_after_s
        self._on_progress = on_progress
        self._sleep = sleep
        # Shared by every process on the account when given (leap_limits); this process's own otherwise.
        self.limiter: RateLimiter = limiter or RequestRateLimiter(requests_per_minute, clock=clock, sleep=sleep)
        self._client = httpx.AsyncClient(
            base_url=self.base_url + "/",
            headers={"Accept": "application/json", "User-Agent": "Hard-E/0.1"},
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 10.0)),
            transport=transport,
        )
        self.requests_sent = 0
        _hide_query_strings_in_httpx_logs()
        self.page_size = PAGE_SIZE_CAP

    async def aclose(self) -> None:
        await self._client.aclose()
        closer = getattr(self.limiter, "aclose", None)
        if closer is not None:
            await closer()

    # --- progress --------------------------------------------------------------------------
    def _note(self, text: str) -> None:
        if self._on_progress is not None:
            self._on_progress(text)
        report_progress(text)

    def _limiter_wait(self, seconds: float) -> None:
        if seconds >= 1.0:
            self._note(
                f"Waiting {math.ceil(seconds)} s to stay under Leap's "
                f"{self.limiter.per_period} requests a minute"
            )

    # --- one request, with retries -----------------------------------------------------------
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Any = None,
        recover: Callable[[], Awaitable[bool]] | None = None,
    ) -> JSON | None:
        """Send one request, retrying rate limits, 5xx and connection errors with backoff.

        `recover` runs before each retry of a write: when it finds that an earlier attempt
        did land (the answer was lost, not the write), it returns True and this returns None
        instead of writing twice.
        """
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.max_attempts),
            wait=self._wait,
            retry=retry_if_exception(_is_retryable),
            sleep=self._sleep,
            before_sleep=self._before_sleep,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    retried = attempt.retry_state.attempt_number > 1
                    if retried and recover is not None and await recover():
                        return None
                    return await self._send_once(method, path, params=params, json=json)
        except _Retryable as exc:
            if exc.rate_limited:
                raise CRMRateLimited(
                    f"Leap is still rate limiting after {self.max_attempts} attempts; "
                    "try again in a minute",
                    retry_after=exc.retry_after,
                ) from None
            raise CRMUnavailable(
                f"Leap answered {exc.status} after {self.max_attempts} attempts: {exc.message}",
                service="Leap",
                status_code=exc.status,
            ) from None
        except httpx.TimeoutException:
            raise CRMUnavailable(
                f"Leap did not answer in time after {self.max_attempts} attempts", service="Leap"
            ) from None
        except httpx.TransportError as exc:
            raise CRMUnavailable(
                f"Could not reach Leap at {self.base_url} ({type(exc).__name__}) "
                f"after {self.max_attempts} attempts",
                service="Leap",
            ) from None
        raise AssertionError("unreachable: tenacity either returns or raises")

    async def _send_once(self, method: str, path: str, *, params: Params | None, json: Any) -> JSON:
        await self.limiter.acquire(self._limiter_wait)
        self.requests_sent += 1
        response = await self._client.request(
            method,
            path.lstrip("/"),
            params=_query(params),
            json=json,
            headers={"Authorization": f"Bearer {self._token}"},
        )
        log.debug("leap %s %s -> %s", method, path, response.status_code)
        if response.status_code < 300:
            if not response.content:
                return {}
            body = response.json()
            return body if isinstance(body, dict) else {"data": body}
        self._raise_for(response, method, path)
        raise AssertionError("unreachable")

    def _raise_for(self, response: httpx.Response, method: str, path: str) -> None:
        status = response.status_code
        body = _error_body(response)
        message, details, validation = _error_parts(body)
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if status == 429 or is_too_many_attempts(status, message, details):
            if retry_after is not None:
                self.limiter.pause_for(retry_after)
            raise _Retryable(
                status, message or "Too Many Attempts.", rate_limited=True, retry_after=retry_after
            )
        if status >= 500:
            raise _Retryable(
                status,
                message or response.reason_phrase,
                rate_limited=False,
                retry_after=retry_after,
            )
        if status == 401:
            said = f" (Leap said “{message}”)" if message else ""
            raise CRMAuthError(AUTH_MESSAGE + said)
        if (status == 404 and not isinstance(body.get("error"), dict)) or status == 405:
            # Leap's unknown-route answer is a bare {"message": "Not found"}; a missing record
            # comes inside an `error` object. A route this account lacks is not a missing record.
            raise CRMUnsupported(
                f"Leap's API has no {method} {path} for this account (Not found)",
                service="Leap",
                status_code=status,
            )
        if status == 404:
            what = message if message and message.casefold() != "not found" else "Not found"
            raise CRMNotFound(f"{what} ({method} {path})", service="Leap", status_code=404)
        if status == 412:
            if validation:
                raise CRMValidationError(
                    message or "Validation Failed",
                    plain_validation(validation),
                    service="Leap",
                )
            if message.strip().casefold() == NO_RECORDS.casefold():
                raise CRMNotFound(
                    f"{NO_RECORDS} ({method} {path})", service="Leap", status_code=412
                )
            raise CRMValidationError(message or "Leap refused the request", service="Leap")
        if status == 403:
            raise CRMError(
                f"Leap refused access ({status}): {message or 'forbidden'}",
                service="Leap",
                status_code=status,
            )
        raise CRMError(
            f"Leap answered {status}: {message or response.reason_phrase}",
            service="Leap",
            status_code=status,
        )

    # --- tenacity hooks ---------------------------------------------------------------------
    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome is not None else None
        if isinstance(exc, _Retryable) and exc.retry_after is not None:
            return min(exc.retry_after, self._max_retry_after_s)
        # Exponential backoff with full jitter on top: 0.5 s, 1 s, 2 s ... plus up to 0.5 s.
        exponent = max(state.attempt_number - 1, 0)
        base = min(self._backoff_initial_s * (2**exponent), self._backoff_max_s)
        return base + random.uniform(0, self._backoff_initial_s)

    def _before_sleep(self, state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome is not None else None
        seconds = state.next_action.sleep if state.next_action is not None else 0.0
        wait = max(1, math.ceil(seconds))
        attempt = f"attempt {state.attempt_number + 1} of {self.max_attempts}"
        if isinstance(exc, _Retryable) and exc.rate_limited:
            text = f"Leap is rate limiting; retrying in {wait} s ({attempt})"
        elif isinstance(exc, _Retryable):
            text = f"Leap answered {exc.status}; retrying in {wait} s ({attempt})"
        elif isinstance(exc, httpx.TimeoutException):
            text = f"Leap is slow to answer; retrying in {wait} s ({attempt})"
        else:
            text = f"Could not reach Leap; retrying in {wait} s ({attempt})"
        log.info("%s", text)
        self._note(text)

    # --- conveniences -----------------------------------------------------------------------
    async def get(self, path: str, params: Params | None = None) -> JSON:
        return await self.request("GET", path, params=params) or {}

    async def paginate(
        self, path: str, params: Params | None = None, *, max_items: int | None = None
    ) -> list[JSON]:
        """Every record of a list endpoint (or the first `max_items`), following meta.pagination."""
        wanted = max_items if max_items is not None and max_items > 0 else None
        per_page = min(self.page_size, PAGE_SIZE_CAP, wanted or PAGE_SIZE_CAP)
        records: list[JSON] = []
        page = 1
        while True:
            body = await self.get(path, {**(params or {}), "page": page, "limit": per_page})
            data = body.get("data") or []
            if not isinstance(data, list):
                data = [data]
            records.extend(d for d in data if isinstance(d, dict))
            if wanted is not None and len(records) >= wanted:
                return records[:wanted]
            pagination = (body.get("meta") or {}).get("pagination") or {}
            current = int(pagination.get("current_page") or page)
            total_pages = int(pagination.get("total_pages") or current)
            if not data or current >= total_pages:
                return records
            page = current + 1


def _query(params: Params | None) -> httpx.QueryParams | None:
    """Leap's query style: lists as `key[]=a&key[]=b`, booleans as 1/0, None left out."""
    if not params:
        return None
    pairs: list[tuple[str, str | int | float | bool | None]] = []
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, list | tuple | set):
            name = key if key.endswith("[]") else f"{key}[]"
            pairs.extend((name, _scalar(v)) for v in value)
        else:
            pairs.append((key, _scalar(value)))
    return httpx.QueryParams(pairs)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)
