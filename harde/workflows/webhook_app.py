"""The Leap webhook receiver: a small Starlette app that `harde webhooks` serves.

POST /leap/<secret> with a JSON list of events. It answers at once after one durable write:
a wrong secret is a 404 (and one log line), a malformed delivery a 400 (nothing stored), an
event whose stage no rule names is logged and acknowledged, every other event is stored for
the daemon (`harde.workflows.webhooks`). Nothing here calls the CRM or runs a workflow, so an
answer never waits on anything but the database.
"""

from __future__ import annotations

import hmac
import logging
import time
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

from harde.workflows.webhooks import (
    Action,
    LeapEvent,
    StageActions,
    WebhookEventStore,
    WebhookPayloadError,
    accept_with_retry,
    parse_delivery,
)

log = logging.getLogger("harde.webhooks")

MAX_BODY_BYTES = 1_000_000  # 100 events with their records fit many times over
MIN_SECRET_CHARS = 32


class WebhookReceiver:
    def __init__(self, secret: str, actions: StageActions, store: WebhookEventStore) -> None:
        if len(secret) < MIN_SECRET_CHARS:
            raise ValueError(f"the webhook secret must be at least {MIN_SECRET_CHARS} characters")
        self._secret = secret.encode()
        self.actions = actions
        self.store = store

    async def leap(self, request: Request) -> Any:
        started = time.perf_counter()
        given = str(request.path_params.get("secret", "")).encode()
        if not hmac.compare_digest(given, self._secret):
            # The path is the secret: neither it nor the caller's guess goes in the log.
            log.warning("webhook refused: wrong secret in the path (from %s)", _client(request))
            return PlainTextResponse("Not Found", status_code=404)
        body = await _read_limited(request)
        if body is None:
            log.warning("webhook refused: body over %d bytes", MAX_BODY_BYTES)
            return JSONResponse({"error": "payload too large"}, status_code=413)
        try:
            events = parse_delivery(body)
        except WebhookPayloadError as exc:
            log.warning("webhook refused: %s", exc)
            return JSONResponse({"error": str(exc)}, status_code=400)
        chosen, ignored = self._choose(events)
        accepted = (
            await run_in_threadpool(accept_with_retry, self.store, chosen) if chosen else None
        )
        new = accepted.new if accepted else 0
        duplicates = accepted.duplicates if accepted else 0
        log.info(
            "webhook: %d events, %d stored, %d already stored, %d ignored in %.3f s",
            len(events), new, duplicates, ignored, time.perf_counter() - started,
        )  # fmt: skip
        return JSONResponse(
            {"received": len(events), "stored": new, "duplicates": duplicates, "ignored": ignored}
        )

    def _choose(self, events: list[LeapEvent]) -> tuple[list[tuple[LeapEvent, Action]], int]:
        chosen: list[tuple[LeapEvent, Action]] = []
        ignored = 0
        for event in events:
            if not event.is_stage_change:
                ignored += 1  # Customer Create, Job Create: nothing to do yet
                continue
            action = self.actions.action_for(event.stage_moved_to)
            if action is None:
                log.info("webhook: job stage change to a stage with no action; acknowledged")
                ignored += 1
                continue
            chosen.append((event, action))
        return chosen, ignored


async def _read_limited(request: Request) -> bytes | None:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_BODY_BYTES:
            return None
    return bytes(body)


def _client(request: Request) -> str:
    # Behind nginx every peer is 127.0.0.1; X-Real-IP is the caller nginx saw.
    return request.headers.get("x-real-ip") or (request.client.host if request.client else "-")


async def _health(request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


def build_app(receiver: WebhookReceiver) -> Starlette:
    return Starlette(
        routes=[
            Route("/leap/{secret}", receiver.leap, methods=["POST"]),
            Route("/healthz", _health, methods=["GET"]),
        ]
    )
