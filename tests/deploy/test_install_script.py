"""deploy/install.sh: clean shell, and the nginx sites it writes for two instances side by side."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.deploy.loopback_site import (
    DEPLOY_DIR,
    SITE_CONF,
    SitePaths,
    free_port,
    make_certificate,
    nginx_check,
    render_site,
    require_tool,
    write_nginx_prefix,
)

pytestmark = pytest.mark.deploy

INSTALL = DEPLOY_DIR / "install.sh"
SCRIPTS = (INSTALL, DEPLOY_DIR / "check.sh")


def print_site(*args: str) -> str:
    result = subprocess.run(
        ["bash", str(INSTALL), "--print-site", *args], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_parses(script: Path) -> None:
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_is_shellcheck_clean(script: Path) -> None:
    shellcheck = require_tool("shellcheck")
    result = subprocess.run([shellcheck, str(script)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout


def test_production_site_is_the_shipped_file() -> None:
    assert print_site("--domain", "harde.example.com") == SITE_CONF.read_text()


def test_staging_gets_its_own_domain_port_and_upstream() -> None:
    site = print_site("--instance", "staging", "--domain", "staging.example.com")
    assert "server_name staging.example.com;" in site
    assert "server 127.0.0.1:8502;" in site
    assert "upstream harde_staging {" in site
    assert "harde.example.com" not in site and "harde_production" not in site


def test_another_instance_needs_a_port() -> None:
    result = subprocess.run(
        ["bash", str(INSTALL), "--print-site", "--instance", "demo", "--domain", "demo.example.com"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert "--port" in result.stderr


def test_production_and_staging_sites_pass_nginx_t_together(tmp_path: Path) -> None:
    nginx = require_tool("nginx")
    http_port, https_port = free_port(), free_port()
    sites = []
    for instance, domain in (("production", "harde.example.com"), ("staging", "staging.example.com")):
        fullchain, privkey = make_certificate(tmp_path / domain, domain)
        paths = SitePaths(fullchain, privkey, tmp_path / "harde.htpasswd", tmp_path / "www")
        text = print_site("--instance", instance, "--domain", domain)
        sites.append(render_site(paths, text=text, domain=domain, http_port=http_port, https_port=https_port))
    (tmp_path / "harde.htpasswd").write_text("")
    result = nginx_check(nginx, write_nginx_prefix(tmp_path / "prefix", *sites))
    assert result.returncode == 0, f"nginx -t failed:\n{result.stderr}"
    assert "[warn]" not in result.stderr, result.stderr


def fill_secrets(env_file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(INSTALL), "--fill-secrets", str(env_file)], capture_output=True, text=True, timeout=30
    )


def env_values(env_file: Path, name: str) -> list[str]:
    return [line.split("=", 1)[1] for line in env_file.read_text().splitlines() if line.startswith(f"{name}=")]


def test_a_new_env_file_gets_a_long_random_webhook_secret_that_is_never_printed(tmp_path: Path) -> None:
    env_file = tmp_path / "production.env"
    env_file.write_text((DEPLOY_DIR / "harde.env.example").read_text())
    env_file.chmod(0o640)
    result = fill_secrets(env_file)
    assert result.returncode == 0, result.stderr
    [secret] = env_values(env_file, "HARDE_WEBHOOK_SECRET")
    assert len(secret) >= 64 and secret.replace("-", "").replace("_", "").isalnum()
    assert secret not in result.stdout + result.stderr
    assert "generated HARDE_WEBHOOK_SECRET" in result.stdout
    assert env_file.stat().st_mode & 0o777 == 0o640
    # Everything else is the template, line for line.
    template = (DEPLOY_DIR / "harde.env.example").read_text().splitlines()
    def others(lines: list[str]) -> list[str]:
        return [line for line in lines if not line.startswith("HARDE_WEBHOOK_SECRET=")]

    assert others(env_file.read_text().splitlines()) == others(template)
    other = tmp_path / "staging.env"
    other.write_text((DEPLOY_DIR / "harde.env.example").read_text())
    assert fill_secrets(other).returncode == 0
    assert env_values(other, "HARDE_WEBHOOK_SECRET") != [secret]  # random, not a fixed value


def test_a_secret_already_set_is_kept_and_a_missing_line_is_added(tmp_path: Path) -> None:
    kept = tmp_path / "kept.env"
    kept.write_text("HARDE_PORT=8501\nHARDE_WEBHOOK_SECRET=chosen-by-the-operator-and-long-enough-to-pass\n")
    before = kept.read_text()
    result = fill_secrets(kept)
    assert result.returncode == 0 and kept.read_text() == before and result.stdout == ""
    missing = tmp_path / "old.env"
    missing.write_text("HARDE_PORT=8501")  # an env file from before webhooks, no final newline
    assert fill_secrets(missing).returncode == 0
    lines = missing.read_text().splitlines()
    assert lines[0] == "HARDE_PORT=8501" and len(env_values(missing, "HARDE_WEBHOOK_SECRET")[0]) >= 64
    again = missing.read_text()
    assert fill_secrets(missing).returncode == 0 and missing.read_text() == again  # idempotent
