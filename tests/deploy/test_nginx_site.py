"""deploy/nginx/harde.conf: nginx -t, then live on loopback in front of `streamlit run app.py`."""

from __future__ import annotations

import base64
import hashlib
import re
import socket
import ssl
import tomllib
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import ClientConnection, connect

from harde.knowledge.ingest import MAX_UPLOAD_BYTES
from tests.deploy.loopback_site import (
    DOMAIN,
    PROJECT_ROOT,
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

    def client(
        self, *, auth: bool, password: str = PASSWORD, source: str = "127.0.0.1"
    ) -> httpx.Client:
        """A client of the site; `source` is the loopback address it comes from, which is what
        the rate limits count by."""
        return httpx.Client(
            base_url=f"https://127.0.0.1:{self.https_port}",
            transport=httpx.HTTPTransport(verify=self.tls, local_address=source),
            headers={"Host": f"{DOMAIN}:{self.https_port}"},
            auth=(USER, password) if auth else None,
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


def test_readiness_answers_without_a_login_once_a_page_can_render(live_site: LiveSite) -> None:
    from harde.readiness import READY_TIMEOUT_S

    with live_site.client(auth=False) as client:
        # A cold app builds the Assistant during this first check; the answer waits for it.
        response = client.get("/ready", timeout=READY_TIMEOUT_S)
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


# --- limits and headers -------------------------------------------------------------------
def _site_setting(name: str) -> str:
    """The one value the shipped site gives an nginx directive."""
    values = re.findall(rf"^\s*{name}\s+([^;]+);", SITE_CONF.read_text(), re.MULTILINE)
    assert len(set(values)) == 1, f"{name}: {values}"
    return str(values[0])


def _requests_until_refused(client: httpx.Client, path: str, cap: int) -> tuple[list[int], httpx.Response]:
    """Statuses of the answers before the first 429, and that 429; fails if `cap` requests pass."""
    statuses = []
    for _ in range(cap):
        response = client.get(path)
        if response.status_code == 429:
            return statuses, response
        statuses.append(response.status_code)
    pytest.fail(f"{cap} requests to {path} in a row and none was refused")


def _burst(zone: str, location: str) -> int:
    match = re.search(
        rf"location {re.escape(location)} {{[^}}]*?limit_req zone={zone} burst=(\d+)", SITE_CONF.read_text()
    )
    assert match, f"{location} has no limit_req on {zone}"
    return int(match.group(1))


def test_guessing_the_password_is_rate_limited_per_address(live_site: LiveSite) -> None:
    burst = _burst("harde_production_login", "/")
    with live_site.client(auth=True, password="wrong guess", source="127.0.0.2") as guesser:
        passed, refused = _requests_until_refused(guesser, "/", cap=20 * burst)
    # The burst always passes (a browser loading the app with an empty cache); past it, 429.
    assert len(passed) >= burst + 1 and set(passed) == {401}
    assert "429 Too Many Requests" in refused.text
    # Someone else, from another address, still logs in.
    with live_site.client(auth=True) as director:
        assert director.get("/").status_code == 200


@pytest.mark.parametrize(("path", "source"), [("/auth/login", "127.0.0.3"), ("/oauth2callback", "127.0.0.4")])
def test_streamlit_sign_in_paths_are_rate_limited(live_site: LiveSite, path: str, source: str) -> None:
    burst = _burst("harde_production_signin", f"= {path}")
    with live_site.client(auth=True, source=source) as client:
        passed, refused = _requests_until_refused(client, path, cap=20 * burst)
    assert len(passed) >= burst + 1 and 429 not in passed
    assert "429 Too Many Requests" in refused.text


def _header_directives(response: httpx.Response) -> dict[str, str]:
    policy = response.headers["content-security-policy"]
    return {d.split()[0]: " ".join(d.split()[1:]) for d in (p.strip() for p in policy.split(";")) if d}


def test_pages_and_refusals_forbid_framing_and_carry_the_content_security_policy(
    live_site: LiveSite,
) -> None:
    with live_site.client(auth=True) as director, live_site.client(auth=False) as anonymous:
        for response in (director.get("/"), anonymous.get("/")):
            policy = _header_directives(response)
            assert policy["frame-ancestors"] == "'none'"
            assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
            assert response.headers["x-frame-options"] == "DENY"


def test_every_inline_script_of_the_app_page_is_allowed_by_hash(live_site: LiveSite) -> None:
    # A Streamlit upgrade that changes its inline script shows up here, not as a blank page.
    with live_site.client(auth=True) as director:
        response = director.get("/")
    allowed = _header_directives(response)["script-src"].split()
    inline = re.findall(r"<script>(.*?)</script>", response.text, re.DOTALL)
    assert inline, "the page has no inline script any more: drop its hash from script-src"
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed, f"script-src lacks the hash of {script.strip()!r}"


def test_no_version_in_the_server_header_or_on_error_pages(live_site: LiveSite) -> None:
    plain = httpx.get(
        f"http://127.0.0.1:{live_site.http_port}/", headers={"Host": DOMAIN}, timeout=20, trust_env=False
    )
    with live_site.client(auth=False) as anonymous:
        refused = anonymous.get("/")
    for response in (plain, refused):
        assert response.headers["server"] == "nginx"
        assert not re.search(r"nginx/\d", response.text)


def test_upload_limits_agree_across_nginx_streamlit_and_the_knowledge_base() -> None:
    streamlit = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    megabytes = streamlit["server"]["maxUploadSize"]
    assert megabytes * 1024 * 1024 == MAX_UPLOAD_BYTES
    assert _site_setting("client_max_body_size") == f"{megabytes}m"


def test_a_body_over_the_upload_limit_is_refused_by_nginx_and_one_at_it_is_not(
    live_site: LiveSite,
) -> None:
    with live_site.client(auth=True) as director:
        over = director.put("/_stcore/upload_file/s/f", content=b"x" * (MAX_UPLOAD_BYTES + 1))
        at = director.put("/_stcore/upload_file/s/f", content=b"x" * MAX_UPLOAD_BYTES)
    assert over.status_code == 413 and "413 Request Entity Too Large" in over.text
    # nginx passes this one on; the app turns the made-up session away (or hangs up on it).
    assert at.status_code != 413, at.text


# --- the app in a browser ---------------------------------------------------------------
# Every Content-Security-Policy violation the page reports, recorded before any of its scripts run.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_the_app_works_in_a_browser_under_the_sites_content_security_policy(
    live_site: LiveSite, tmp_path: Path
) -> None:
    chromium = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    document = tmp_path / "warranty.md"
    document.write_text("# Warranty\n\nEvery gutter job carries a 20 year workmanship warranty.\n")
    idle = '[data-test-script-state="notRunning"]'
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=[f"--host-resolver-rules=MAP {DOMAIN} 127.0.0.1", "--no-proxy-server"],
        )
        try:
            # The TLS set-up has tests of its own; this one is about what the page may load.
            # A browser that claims to be someone else: nginx replaces the header with who it checked.
            context = browser.new_context(
                ignore_https_errors=True,
                http_credentials={"username": USER, "password": PASSWORD},
                extra_http_headers={"X-Remote-User": "rames"},
            )
            context.add_init_script(RECORD_VIOLATIONS)
            page = context.new_page()
            page.goto(live_site.origin + "/")
            page.wait_for_selector(idle, timeout=60_000)
            page.get_by_text("Your sales director").wait_for(timeout=60_000)
            # The app knows the person from the header nginx set after checking the password.
            page.get_by_text(f"Signed in as {USER}").wait_for(timeout=30_000)

            # A chat turn: the WebSocket carries the question and the streamed answer.
            page.get_by_test_id("stChatInputTextArea").fill("What can you do?")
            page.keyboard.press("Enter")
            page.get_by_test_id("stChatMessage").nth(1).wait_for(timeout=60_000)

            # An upload: the file goes through nginx to Streamlit's upload endpoint.
            page.get_by_text("Add to the knowledge base").click()
            page.locator("input[type=file]").first.set_input_files(str(document))
            page.get_by_text("1 passage indexed").wait_for(timeout=60_000)

            violations = page.evaluate("window.__cspViolations")
        finally:
            browser.close()
    assert violations == []
