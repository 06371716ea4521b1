"""deploy/nginx/harde.conf: nginx -t, then live on loopback in front of `streamlit run app.py`."""

from __future__ import annotations

import base64
import socket
import ssl
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import ClientConnection, connect

from tests.deploy.loopback_site import (
    DOMAIN,
    SITE_CONF,
    SitePaths,
    free_port,
    make_certificate,
    nginx_check,
    render_site,
    require_tool,
    running_nginx,
    running_streamlit,
    write_htpasswd,
    write_nginx_prefix,
)

pytestmark = pytest.mark.deploy

USER, PASSWORD = "director", "correct horse battery staple"
VIDEO = b"\x00\x00\x00\x18ftypmp42 not really a video"


def _site_paths(folder: Path) -> SitePaths:
    fullchain, privkey = make_certificate(folder / "tls")
    webroot = folder / "www"
    webroot.mkdir(parents=True, exist_ok=True)
    return SitePaths(fullchain, privkey, folder / "harde.htpasswd", webroot)


def test_site_uses_the_http2_syntax_of_nginx_1_22() -> None:
    text = SITE_CONF.read_text()
    assert "listen 443 ssl http2;" in text
    assert "http2 on;" not in text


def test_shipped_site_passes_nginx_t_with_a_throwaway_certificate(tmp_path: Path) -> None:
    nginx = require_tool("nginx")
    paths = _site_paths(tmp_path)
    paths.htpasswd.write_text("")
    # Ports 80 and 443 need root to bind, and nginx -t binds: move them, change nothing else.
    site = render_site(paths, http_port=free_port(), https_port=free_port())
    result = nginx_check(nginx, write_nginx_prefix(tmp_path / "prefix", site))
    assert result.returncode == 0, f"nginx -t failed:\n{result.stderr}"
    assert "test is successful" in result.stderr
    assert "[warn]" not in result.stderr, result.stderr


@dataclass(frozen=True)
class LiveSite:
    https_port: int
    http_port: int
    tls: ssl.SSLContext

    @property
    def origin(self) -> str:
        return f"https://{DOMAIN}:{self.https_port}"

    def client(self, *, auth: bool) -> httpx.Client:
        return httpx.Client(
            base_url=f"https://127.0.0.1:{self.https_port}",
            verify=self.tls,
            headers={"Host": f"{DOMAIN}:{self.https_port}"},
            auth=(USER, PASSWORD) if auth else None,
            timeout=20,
            trust_env=False,
        )

    def websocket(self, *, origin: str, auth: bool = True) -> ClientConnection:
        headers = {}
        if auth:
            headers["Authorization"] = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        sock = socket.create_connection(("127.0.0.1", self.https_port), timeout=20)
        return connect(
            f"wss://{DOMAIN}:{self.https_port}/_stcore/stream",
            sock=sock,
            ssl=self.tls,
            server_hostname=DOMAIN,
            origin=origin,  # type: ignore[arg-type]
            subprotocols=["streamlit"],  # type: ignore[list-item]
            additional_headers=headers,
            proxy=None,
            open_timeout=20,
        )


@pytest.fixture(scope="module")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    """nginx with the shipped site on high loopback ports, in front of the real app, offline."""
    nginx = require_tool("nginx")
    folder = tmp_path_factory.mktemp("live_site")
    paths = _site_paths(folder)
    write_htpasswd(paths.htpasswd, USER, PASSWORD)
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    conf = write_nginx_prefix(
        folder / "prefix", render_site(paths, upstream_port=app_port, http_port=http_port, https_port=https_port)
    )
    tls = ssl.create_default_context(cafile=str(paths.fullchain))
    with ExitStack() as stack:
        static = stack.enter_context(running_streamlit(folder / "app", app_port))
        (static / "primers" / "primer-1043.mp4").write_bytes(VIDEO)
        stack.enter_context(running_nginx(nginx, conf, https_port))
        yield LiveSite(https_port=https_port, http_port=http_port, tls=tls)


def test_plain_http_is_redirected_to_https(live_site: LiveSite) -> None:
    response = httpx.get(
        f"http://127.0.0.1:{live_site.http_port}/chat?x=1", headers={"Host": DOMAIN}, timeout=20, trust_env=False
    )
    assert response.status_code == 301
    assert response.headers["location"] == f"https://{DOMAIN}/chat?x=1"


def test_the_app_needs_a_login(live_site: LiveSite) -> None:
    with live_site.client(auth=False) as client:
        response = client.get("/")
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Basic")


def test_the_app_answers_with_a_login(live_site: LiveSite) -> None:
    with live_site.client(auth=True) as client:
        response = client.get("/")
    assert response.status_code == 200
    assert "<title>" in response.text.lower() or "streamlit" in response.text.lower()
    assert response.headers["strict-transport-security"].startswith("max-age=")


def test_health_answers_without_a_login(live_site: LiveSite) -> None:
    with live_site.client(auth=False) as client:
        response = client.get("/_stcore/health")
    assert response.status_code == 200
    assert response.text == "ok"


def test_primer_videos_stay_behind_the_login(live_site: LiveSite) -> None:
    with live_site.client(auth=False) as anonymous, live_site.client(auth=True) as director:
        assert anonymous.get("/app/static/primers/primer-1043.mp4").status_code == 401
        response = director.get("/app/static/primers/primer-1043.mp4")
    assert response.status_code == 200
    assert response.content == VIDEO


def test_websocket_upgrade_succeeds_from_the_sites_own_origin(live_site: LiveSite) -> None:
    with live_site.websocket(origin=live_site.origin) as ws:
        assert ws.response is not None
        assert ws.response.status_code == 101
        assert ws.subprotocol == "streamlit"


def test_websocket_upgrade_is_refused_from_a_foreign_origin(live_site: LiveSite) -> None:
    with pytest.raises(InvalidStatus) as refused:
        live_site.websocket(origin="https://attacker.example").close()
    assert refused.value.response.status_code == 403


def test_websocket_upgrade_needs_the_login_too(live_site: LiveSite) -> None:
    with pytest.raises(InvalidStatus) as refused:
        live_site.websocket(origin=live_site.origin, auth=False).close()
    assert refused.value.response.status_code == 401
