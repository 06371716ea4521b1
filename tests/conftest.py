"""Test isolation: nothing outside this machine is ever reached, and no developer setting leaks in.

For the whole session, inside the test process only (subprocesses are untouched):

* sockets may connect only to loopback (127.0.0.0/8, ::1) or Unix addresses; any other
  `connect`, `connect_ex`, `sendto`, `socket.create_connection` or asyncio `sock_connect`
  raises `NetworkBlocked`;
* names other than localhost and this machine's own name are not resolved (`getaddrinfo`,
  `gethostbyname`, `gethostbyname_ex`): the lookup fails at once instead of asking DNS;
* an OpenAI client request (sync or async, as the Agents SDK makes them) to a base URL that is
  not loopback fails before it is sent; our OpenAI-compatible emulator on 127.0.0.1 still works.

`NetworkBlocked` is a `pytest.fail.Exception`, so `except Exception` in the code under test does
not swallow it. Every blocked attempt is also recorded, and a test during which one happened fails
even if something caught it (say, in a background thread). A test that means to trip the guard
asks for the `network_guard` fixture, which hands it the exception type and the attempts.
"""

from __future__ import annotations

import asyncio.selector_events
import ipaddress
import os
import socket
import threading
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import openai._base_client
import pytest

from harde.config import Settings

ENV_TO_CLEAR = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "LEAP_API_TOKEN",
    "LEAP_BASE_URL",
    "PERPLEXITY_API_KEY",
    "ELEVENLABS_API_KEY",
    "CLOUDINARY_URL",
    "AWS_ENDPOINT_URL",
    # A proxy on loopback would carry requests past the socket guard to the real hosts.
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)

# Names resolved as usual (with this machine's own name, OWN_NAME below); no other name is resolved.
LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


if TYPE_CHECKING:
    from _pytest.outcomes import Failed as _Failed
else:
    _Failed = pytest.fail.Exception  # the public name of the same class


class NetworkBlocked(_Failed):
    """A test tried to reach something that is not on loopback."""


_attempts: list[str] = []
_attempts_lock = threading.Lock()


def _block(message: str) -> NetworkBlocked:
    with _attempts_lock:
        _attempts.append(message)
    return NetworkBlocked(f"network access blocked in tests: {message}", pytrace=True)


def _as_text(host: object) -> str:
    return host.decode("ascii", "replace") if isinstance(host, bytes | bytearray) else str(host)


def is_loopback_host(host: object) -> bool:
    """True for 127.0.0.0/8, ::1 (also IPv4-mapped) and the names of localhost."""
    text = _as_text(host).strip("[]").lower()
    if text in LOCAL_NAMES or text.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(text.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped.is_loopback
    return ip.is_loopback


def _is_ip_literal(host: object) -> bool:
    try:
        ipaddress.ip_address(_as_text(host).strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


def _check_address(family: int, address: Any, action: str) -> None:
    """Raise unless `address` is a Unix address or on loopback."""
    if family not in (socket.AF_INET, socket.AF_INET6):
        return  # AF_UNIX paths, AF_NETLINK and the like never leave the machine
    if not isinstance(address, tuple) or not address:
        return  # malformed: the real call raises its own error
    host, port = address[0], address[1] if len(address) > 1 else "?"
    if not is_loopback_host(host):
        raise _block(f"{action} to {_as_text(host) or '<any>'}:{port}")


# This machine's own name: smtplib, for one, resolves it to greet a server (HELO). What it resolves
# to is still held to loopback when something connects to it.
OWN_NAME = socket.gethostname().lower()


def _check_name(host: object, action: str) -> None:
    """Raise unless `host` is None, an IP literal, localhost, or this machine's own name."""
    if host is None or _is_ip_literal(host) or is_loopback_host(host):
        return
    if _as_text(host).lower() == OWN_NAME:
        return
    raise _block(f"{action} of {_as_text(host)!r} (only localhost is resolved)")


def _install_network_guard(patch: pytest.MonkeyPatch) -> None:
    sock_cls = socket.socket
    real_connect = sock_cls.connect
    real_connect_ex = sock_cls.connect_ex
    real_sendto = sock_cls.sendto
    real_create_connection = socket.create_connection
    real_getaddrinfo = socket.getaddrinfo
    real_gethostbyname = socket.gethostbyname
    real_gethostbyname_ex = socket.gethostbyname_ex
    real_sock_connect = asyncio.selector_events.BaseSelectorEventLoop.sock_connect

    def connect(self: socket.socket, address: Any) -> None:
        _check_address(self.family, address, "socket connect")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        _check_address(self.family, address, "socket connect_ex")
        return real_connect_ex(self, address)

    def sendto(self: socket.socket, data: Any, *args: Any) -> int:
        if args:  # sendto(data, address) or sendto(data, flags, address)
            _check_address(self.family, args[-1], "socket sendto")
        return real_sendto(self, data, *args)

    def create_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        host, port = address[0], address[1]
        if not is_loopback_host(host):
            raise _block(f"create_connection to {host}:{port}")
        return real_create_connection(address, *args, **kwargs)

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        _check_name(host, "name lookup")
        return real_getaddrinfo(host, port, *args, **kwargs)

    def gethostbyname(host: str) -> str:
        _check_name(host, "name lookup")
        return real_gethostbyname(host)

    def gethostbyname_ex(host: str) -> tuple[str, list[str], list[str]]:
        _check_name(host, "name lookup")
        return real_gethostbyname_ex(host)

    async def sock_connect(
        self: asyncio.AbstractEventLoop, sock: socket.socket, address: Any
    ) -> None:
        _check_address(sock.family, address, "asyncio sock_connect")
        return await real_sock_connect(self, sock, address)  # type: ignore[arg-type]

    patch.setattr(sock_cls, "connect", connect)
    patch.setattr(sock_cls, "connect_ex", connect_ex)
    patch.setattr(sock_cls, "sendto", sendto)
    patch.setattr(socket, "create_connection", create_connection)
    patch.setattr(socket, "getaddrinfo", getaddrinfo)
    patch.setattr(socket, "gethostbyname", gethostbyname)
    patch.setattr(socket, "gethostbyname_ex", gethostbyname_ex)
    patch.setattr(asyncio.selector_events.BaseSelectorEventLoop, "sock_connect", sock_connect)


def _install_model_client_guard(patch: pytest.MonkeyPatch) -> None:
    """Fail an OpenAI client request, sync or async, whose URL is not on loopback."""
    sync_client = openai._base_client.SyncAPIClient
    async_client = openai._base_client.AsyncAPIClient
    real_sync_request: Callable[..., Any] = sync_client.request
    real_async_request: Callable[..., Any] = async_client.request

    def check(client: openai._base_client.BaseClient[Any, Any], options: Any) -> None:
        url = client._prepare_url(options.url)
        if not is_loopback_host(url.host):
            raise _block(f"real model client call: {options.method.upper()} {url}")

    def request(self: Any, cast_to: Any, options: Any, **kwargs: Any) -> Any:
        check(self, options)
        return real_sync_request(self, cast_to, options, **kwargs)

    async def async_request(self: Any, cast_to: Any, options: Any, **kwargs: Any) -> Any:
        check(self, options)
        return await real_async_request(self, cast_to, options, **kwargs)

    patch.setattr(sync_client, "request", request)
    patch.setattr(async_client, "request", async_request)


_session_patch = pytest.MonkeyPatch()


def pytest_configure(config: pytest.Config) -> None:
    _install_network_guard(_session_patch)
    _install_model_client_guard(_session_patch)


def pytest_unconfigure(config: pytest.Config) -> None:
    _session_patch.undo()


def _fail_on_swallowed_attempts(item: pytest.Item) -> Generator[None, None, None]:
    """Wrap a test phase: blocked attempts that something caught still fail the test."""
    start = len(_attempts)
    yield  # re-raises whatever the phase raised, the guard's own exception included
    if "network_guard" in getattr(item, "fixturenames", ()):
        return
    caught = _attempts[start:]
    if caught:
        raise NetworkBlocked(
            "network access blocked in tests, and the error was caught: " + "; ".join(caught),
            pytrace=False,
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    return (yield from _fail_on_swallowed_attempts(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    return (yield from _fail_on_swallowed_attempts(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    return (yield from _fail_on_swallowed_attempts(item))


@dataclass
class NetworkGuard:
    """What a test that trips the guard on purpose gets: the exception, and what was blocked."""

    Blocked: ClassVar[type[NetworkBlocked]] = NetworkBlocked
    start: int = field(default_factory=lambda: len(_attempts))

    @property
    def attempts(self) -> list[str]:
        return _attempts[self.start :]


@pytest.fixture
def network_guard() -> NetworkGuard:
    """Ask for this to trip the network guard on purpose (its attempts then do not fail the test)."""
    return NetworkGuard()


@pytest.fixture(autouse=True)
def no_real_services(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in list(os.environ):
        if name.startswith("HARDE_") or name in ENV_TO_CLEAR:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HARDE_DATA_DIR", str(tmp_path / "var"))
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
