"""The shipped nginx site and Streamlit app on loopback: certificates, prefixes, processes.

Everything lives under a test's own folder and high ports; nothing under /etc is touched.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEPLOY_DIR = PROJECT_ROOT / "deploy"
SITE_CONF = DEPLOY_DIR / "nginx" / "harde.conf"
UNITS_DIR = DEPLOY_DIR / "systemd"
# The names the shipped files use for the production instance.
DOMAIN = "harde.example.com"
APP_PORT = 8501


def require_tool(name: str) -> str:
    """The tool's path; skip with the reason when it is missing, except in CI, where it must exist."""
    found = shutil.which(name) or next(
        (str(p) for d in ("/usr/sbin", "/sbin") if (p := Path(d) / name).is_file()), None
    )
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is not installed, and CI=true requires it (.ci/run installs it)")
    pytest.skip(f"{name} is not installed (Debian: apt-get install nginx systemd apache2-utils shellcheck chromium)")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_certificate(folder: Path, hostname: str = DOMAIN) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for hostname and 127.0.0.1: (fullchain, privkey)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(hostname), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    fullchain, privkey = folder / "fullchain.pem", folder / "privkey.pem"
    fullchain.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    privkey.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return fullchain, privkey


def write_htpasswd(path: Path, user: str, password: str) -> None:
    """The password file the way the README makes it: `htpasswd -B` (bcrypt)."""
    htpasswd = require_tool("htpasswd")
    subprocess.run([htpasswd, "-c", "-B", "-b", str(path), user, password], check=True, capture_output=True)


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, f"deploy/nginx/harde.conf no longer contains {old!r}; update the deploy tests"
    return text.replace(old, new)


@dataclass(frozen=True)
class SitePaths:
    fullchain: Path
    privkey: Path
    htpasswd: Path
    webroot: Path


def render_site(
    paths: SitePaths,
    *,
    text: str | None = None,
    domain: str = DOMAIN,
    upstream_port: int | None = None,
    http_port: int | None = None,
    https_port: int | None = None,
) -> str:
    """The site (default: the shipped one) with its files moved under a temp folder and, if
    given, another upstream port and loopback ports."""
    text = SITE_CONF.read_text() if text is None else text
    text = _replace(text, f"/etc/letsencrypt/live/{domain}/fullchain.pem", str(paths.fullchain))
    text = _replace(text, f"/etc/letsencrypt/live/{domain}/privkey.pem", str(paths.privkey))
    text = _replace(text, "/etc/nginx/harde.htpasswd", str(paths.htpasswd))
    text = _replace(text, "root /var/www/html;", f"root {paths.webroot};")
    if upstream_port is not None:
        text = _replace(text, f"server 127.0.0.1:{APP_PORT};", f"server 127.0.0.1:{upstream_port};")
    if http_port is not None:
        text = _replace(text, "listen 80;", f"listen 127.0.0.1:{http_port};")
        text = _replace(text, "listen [::]:80;", "")
    if https_port is not None:
        text = _replace(text, "listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
        text = _replace(text, "listen [::]:443 ssl http2;", "")
    return text


def write_nginx_prefix(prefix: Path, *site_texts: str) -> Path:
    """An nginx prefix of its own (pid, logs, temp files) that includes the sites; returns nginx.conf."""
    prefix.mkdir(parents=True, exist_ok=True)
    (prefix / "sites").mkdir(exist_ok=True)
    for number, site_text in enumerate(site_texts):
        (prefix / "sites" / f"{number}.conf").write_text(site_text)
    temp = "\n".join(
        f"    {kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"""# One foreground process, so stopping it stops everything.
master_process off;
daemon off;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} info;
events {{
    worker_connections 64;
}}
http {{
    access_log {prefix / "access.log"};
{temp}
    include {prefix / "sites"}/*.conf;
}}
"""
    )
    return conf


def nginx_check(nginx: str, conf: Path) -> subprocess.CompletedProcess[str]:
    """`nginx -t` on a prefix written by write_nginx_prefix."""
    return subprocess.run(
        [nginx, "-t", "-p", str(conf.parent), "-c", str(conf), "-e", "stderr"],
        capture_output=True,
        text=True,
        timeout=30,
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_until_answering(url: str, process: subprocess.Popen[bytes], log: Path, *, verify: object = True) -> None:
    """Poll url until it answers; fail with the process log if the process dies or never answers."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{process.args!r} exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            httpx.get(url, timeout=2, verify=verify, trust_env=False)  # type: ignore[arg-type]
            return
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail(f"{url} did not answer within 60 s:\n{log.read_text()[-4000:]}")


@contextmanager
def running_streamlit(folder: Path, port: int) -> Iterator[Path]:
    """`streamlit run app.py` with the project's app.py and .streamlit/config.toml, offline.

    It runs from a folder of its own (copies of those two files and a static/ folder), so it
    reads no developer .env and the test can put a primer video where static serving finds it.
    Yields the static folder.
    """
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_ROOT / "app.py", folder / "app.py")
    (folder / ".streamlit").mkdir(exist_ok=True)
    shutil.copy(PROJECT_ROOT / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
    static = folder / "static"
    (static / "primers").mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HARDE_", "OPENAI_", "STREAMLIT_"))}
    env.update(
        HARDE_LLM="offline",
        HARDE_CRM="local",
        HARDE_DATA_DIR=str(folder / "var"),
        # As deployed (deploy/harde.env.example): the person is whoever nginx's basic auth let in.
        HARDE_AUTH="proxy",
        PYTHONPATH=os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")])),
    )
    # A WebSocket from a foreign origin makes Streamlit look up the machine's public address
    # (checkip.amazonaws.com): a dead proxy makes that fail at once, with no DNS wait.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        env[name] = "http://127.0.0.1:9"
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    log = folder / "streamlit.log"
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_until_answering(f"http://127.0.0.1:{port}/_stcore/health", process, log)
        yield static
    finally:
        _stop(process)


@contextmanager
def running_nginx(nginx: str, conf: Path, https_port: int) -> Iterator[None]:
    """nginx in the foreground on conf's prefix, until the block ends."""
    log = conf.parent / "nginx.out"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [nginx, "-p", str(conf.parent), "-c", str(conf), "-e", "stderr"], stdout=out, stderr=subprocess.STDOUT
        )
    try:
        _wait_until_answering(f"https://127.0.0.1:{https_port}/_stcore/health", process, log, verify=False)
        yield
    finally:
        _stop(process)
