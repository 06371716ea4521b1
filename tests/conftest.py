"""Test isolation: no real model endpoint is ever reached, and no developer setting leaks in."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from harde.config import Settings

# Hosts of the real services: a test that reaches one of them fails at once.
REAL_HOSTS = {
    "api.openai.com",
    "api.perplexity.ai",
    "api.elevenlabs.io",
    "api.jobprogress.com",
    "api.cloudinary.com",
    "www.googleapis.com",
    "gmail.googleapis.com",
}
ENV_TO_CLEAR = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "LEAP_API_TOKEN",
    "LEAP_BASE_URL",
    "PERPLEXITY_API_KEY",
    "ELEVENLABS_API_KEY",
    "CLOUDINARY_URL",
    "AWS_ENDPOINT_URL",
)


@pytest.fixture(autouse=True)
def no_real_services(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in list(os.environ):
        if name.startswith("HARDE_") or name in ENV_TO_CLEAR:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HARDE_DATA_DIR", str(tmp_path / "var"))

    sync_send = httpx.HTTPTransport.handle_request
    async_send = httpx.AsyncHTTPTransport.handle_async_request

    def guard(request: httpx.Request) -> None:
        if request.url.host in REAL_HOSTS:
            pytest.fail(f"test reached a real service: {request.url.host}")

    def checked_sync(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        guard(request)
        return sync_send(self, request)

    async def checked_async(self: httpx.AsyncHTTPTransport, request: httpx.Request) -> httpx.Response:
        guard(request)
        return await async_send(self, request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", checked_sync)
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", checked_async)
    yield


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Offline settings with every file under the test's own folder."""
    return Settings(_env_file=None, data_dir=tmp_path / "var", llm="offline", crm="local")  # type: ignore[call-arg]


def service_reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def require_service(name: str, host: str, port: int) -> None:
    """Skip with a visible reason when a local service is down, except in CI, where it must run."""
    if service_reachable(host, port):
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} at {host}:{port} is unreachable, and CI=true requires it")
    pytest.skip(f"{name} at {host}:{port} is unreachable")
