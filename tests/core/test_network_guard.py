"""The test-isolation guards of tests/conftest.py: off-machine access fails, loopback still works."""

from __future__ import annotations

import asyncio
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest
from agents import Agent, OpenAIChatCompletionsModel, RunConfig, Runner

from harde.emulators.openai_server import OpenAITestServer

pytest_plugins = ["pytester"]

TEST_NET = "203.0.113.1"  # RFC 5737 documentation range: never routed
PROJECT_ROOT = Path(__file__).resolve().parents[2]
CONFTEST = PROJECT_ROOT / "tests" / "conftest.py"


@pytest.fixture
def loopback_server() -> Iterator[socket.socket]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server


def test_the_guards_exception_is_a_test_failure_not_an_ordinary_error(network_guard) -> None:
    # `except Exception` in the code under test must not be able to swallow it.
    assert issubclass(network_guard.Blocked, pytest.fail.Exception)
    assert not issubclass(network_guard.Blocked, Exception)


def test_a_socket_connect_to_a_public_address_fails(network_guard) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(network_guard.Blocked, match=rf"socket connect to {TEST_NET}:80"):
            sock.connect((TEST_NET, 80))
        with pytest.raises(network_guard.Blocked, match=rf"socket connect_ex to {TEST_NET}:443"):
            sock.connect_ex((TEST_NET, 443))
    assert len(network_guard.attempts) == 2


def test_create_connection_to_a_public_host_fails(network_guard) -> None:
    with pytest.raises(network_guard.Blocked, match=rf"create_connection to {TEST_NET}:80"):
        socket.create_connection((TEST_NET, 80), timeout=1)
    with pytest.raises(network_guard.Blocked, match=r"create_connection to api\.openai\.com:443"):
        socket.create_connection(("api.openai.com", 443), timeout=1)


def test_an_ipv6_connect_off_loopback_fails(network_guard) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 in this Python")
    with (
        socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock,
        pytest.raises(network_guard.Blocked, match="socket connect to 2001:db8::1:80"),
    ):
        sock.connect(("2001:db8::1", 80, 0, 0))


def test_a_udp_datagram_to_a_public_address_fails(network_guard) -> None:
    with (
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock,
        pytest.raises(network_guard.Blocked, match=rf"socket sendto to {TEST_NET}:53"),
    ):
        sock.sendto(b"x", (TEST_NET, 53))


async def test_an_asyncio_connection_to_a_public_address_fails(network_guard) -> None:
    with pytest.raises(network_guard.Blocked, match=rf"asyncio sock_connect to {TEST_NET}:80"):
        await asyncio.wait_for(asyncio.open_connection(TEST_NET, 80), timeout=5)


async def test_asyncio_sock_connect_itself_is_guarded(network_guard) -> None:
    loop = asyncio.get_running_loop()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setblocking(False)
        with pytest.raises(network_guard.Blocked, match=rf"asyncio sock_connect to {TEST_NET}:443"):
            await loop.sock_connect(sock, (TEST_NET, 443))


def test_a_dns_lookup_of_a_real_host_fails_at_once(network_guard) -> None:
    started = time.monotonic()
    with pytest.raises(network_guard.Blocked, match=r"name lookup of 'api\.openai\.com'"):
        socket.getaddrinfo("api.openai.com", 443)
    with pytest.raises(network_guard.Blocked, match=r"name lookup of 'api\.openai\.com'"):
        socket.gethostbyname("api.openai.com")
    assert time.monotonic() - started < 1


async def test_an_asyncio_dns_lookup_of_a_real_host_fails(network_guard) -> None:
    with pytest.raises(network_guard.Blocked, match=r"name lookup of 'api\.openai\.com'"):
        await asyncio.open_connection("api.openai.com", 443)


async def test_an_async_openai_call_to_the_real_api_fails(network_guard) -> None:
    client = openai.AsyncOpenAI(base_url="https://api.openai.com/v1", api_key="x")
    async with client:
        with pytest.raises(
            network_guard.Blocked,
            match=r"real model client call: POST https://api\.openai\.com/v1/chat/completions",
        ):
            await client.chat.completions.create(
                model="gpt-4.1-mini", messages=[{"role": "user", "content": "hi"}]
            )
    # Refused before anything was sent: no retries, no socket, no name lookup.
    assert len(network_guard.attempts) == 1


def test_a_sync_openai_call_to_the_real_api_fails(network_guard) -> None:
    with (
        openai.OpenAI(base_url="https://api.openai.com/v1", api_key="x") as client,
        pytest.raises(
            network_guard.Blocked,
            match=r"real model client call: GET https://api\.openai\.com/v1/models",
        ),
    ):
        client.models.list()


async def test_an_agents_sdk_run_against_the_real_api_fails(network_guard) -> None:
    client = openai.AsyncOpenAI(base_url="https://api.openai.com/v1", api_key="x")
    agent = Agent(
        name="probe", model=OpenAIChatCompletionsModel(model="gpt-4.1-mini", openai_client=client)
    )
    with pytest.raises(network_guard.Blocked, match="real model client call"):
        await Runner.run(agent, "hi", run_config=RunConfig(tracing_disabled=True))


def test_loopback_tcp_still_connects(loopback_server: socket.socket) -> None:
    host, port = loopback_server.getsockname()
    with socket.create_connection((host, port), timeout=2) as client:
        peer, _ = loopback_server.accept()
        with peer:
            client.sendall(b"ping")
            assert peer.recv(4) == b"ping"
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        assert other.connect_ex(("127.0.0.1", port)) == 0


async def test_loopback_asyncio_still_connects() -> None:
    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(await reader.readexactly(4))
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        for host in ("127.0.0.1", "localhost"):
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(b"ping")
            assert await reader.readexactly(4) == b"ping"
            writer.close()
            await writer.wait_closed()


def test_localhost_still_resolves() -> None:
    addresses = {
        info[4][0] for info in socket.getaddrinfo("localhost", 80, type=socket.SOCK_STREAM)
    }
    assert addresses
    assert addresses <= {"127.0.0.1", "::1"}
    assert socket.gethostbyname("localhost") == "127.0.0.1"


def test_unix_sockets_are_untouched(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("no AF_UNIX")
    path = str(tmp_path / "s")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(path)


async def test_the_openai_client_still_reaches_the_loopback_emulator() -> None:
    with OpenAITestServer() as server:
        server.enqueue_text("hello from loopback")
        async with openai.AsyncOpenAI(
            base_url=server.base_url, api_key="k", max_retries=0
        ) as client:
            completion = await client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": "hi"}]
            )
    assert completion.choices[0].message.content == "hello from loopback"


INNER_TESTS = f"""
import socket
import threading


def test_reaches_out_uncaught():
    socket.create_connection(("{TEST_NET}", 80), timeout=1)


def test_reaches_out_and_swallows_it_in_a_thread():
    def reach():
        try:
            socket.getaddrinfo("api.openai.com", 443)
        except BaseException:
            pass

    thread = threading.Thread(target=reach)
    thread.start()
    thread.join()


def test_stays_on_loopback():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        socket.create_connection(server.getsockname(), timeout=1).close()
"""


def test_a_test_that_reaches_out_fails_even_when_the_error_is_swallowed(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makepyfile(test_inner=INNER_TESTS)
    monkeypatch.setenv("PYTHONPATH", str(PROJECT_ROOT))
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(
        [
            f"*network access blocked in tests: create_connection to {TEST_NET}:80*",
            "*the error was caught: name lookup of 'api.openai.com'*",
        ],
        consecutive=False,
    )
