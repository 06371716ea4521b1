"""deploy/systemd: `systemd-analyze verify` without a warning, and exposure at most 3.0."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.deploy.loopback_site import UNITS_DIR, require_tool

pytestmark = pytest.mark.deploy

TEMPLATES = ("harde-web@.service", "harde-daemon@.service", "harde-webhooks@.service")
INSTANCES = ("production", "staging")
MAX_EXPOSURE = 3.0
EXPOSURE = re.compile(r"Overall exposure level for (\S+): (\d+(?:\.\d+)?)")


@pytest.fixture
def unit_root(tmp_path: Path) -> Path:
    """A root for --root: the distribution's units, ours, and the programs ExecStart names."""
    root = tmp_path / "root"
    system_units = next(p for p in (Path("/usr/lib/systemd/system"), Path("/lib/systemd/system")) if p.is_dir())
    shutil.copytree(system_units, root / "usr/lib/systemd/system", symlinks=True)
    ours = root / "etc/systemd/system"
    ours.mkdir(parents=True)
    for template in TEMPLATES:
        shutil.copy(UNITS_DIR / template, ours / template)
    for instance in INSTANCES:
        bin_dir = root / "opt/harde" / instance / ".venv/bin"
        bin_dir.mkdir(parents=True)
        for program in ("streamlit", "harde"):
            (bin_dir / program).write_text("#!/bin/sh\n")
            (bin_dir / program).chmod(0o755)
    return root


def _instance(template: str, instance: str) -> str:
    return template.replace("@.", f"@{instance}.")


def exposure(analyze: str, root: Path, unit: str) -> tuple[float, str]:
    result = subprocess.run(
        [analyze, "security", "--offline=yes", f"--root={root}", "--no-pager", unit],
        capture_output=True,
        text=True,
        timeout=60,
    )
    found = EXPOSURE.search(result.stdout)
    assert found, f"no exposure level in systemd-analyze security output:\n{result.stdout}\n{result.stderr}"
    return float(found.group(2)), result.stdout


@pytest.mark.parametrize("instance", INSTANCES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_unit_verifies_without_a_warning(unit_root: Path, template: str, instance: str) -> None:
    analyze = require_tool("systemd-analyze")
    unit = _instance(template, instance)
    result = subprocess.run(
        [analyze, "verify", f"--root={unit_root}", "--man=no", unit], capture_output=True, text=True, timeout=60
    )
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and not output, f"systemd-analyze verify {unit}:\n{output}"


def test_verify_notices_a_missing_program(unit_root: Path) -> None:
    """The check above is worth something: a unit whose ExecStart is missing fails it."""
    analyze = require_tool("systemd-analyze")
    (unit_root / "opt/harde/production/.venv/bin/harde").unlink()
    result = subprocess.run(
        [analyze, "verify", f"--root={unit_root}", "--man=no", "harde-daemon@production.service"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "not executable" in result.stderr


@pytest.mark.parametrize("template", TEMPLATES)
def test_unit_exposure_is_at_most_3(unit_root: Path, template: str) -> None:
    analyze = require_tool("systemd-analyze")
    unit = _instance(template, "production")
    score, report = exposure(analyze, unit_root, unit)
    print(f"{unit}: exposure {score}")
    flagged = "\n".join(line for line in report.splitlines() if line.startswith("✗"))
    assert score <= MAX_EXPOSURE, f"{unit}: exposure {score} > {MAX_EXPOSURE}; flagged:\n{flagged}"


def _settings(template: str) -> dict[str, list[str]]:
    settings: dict[str, list[str]] = {}
    for line in (UNITS_DIR / template).read_text().replace("\\\n", " ").splitlines():
        if "=" in line and not line.lstrip().startswith(("#", ";", "[")):
            key, _, value = line.partition("=")
            settings.setdefault(key.strip(), []).append(value.strip())
    return settings


@pytest.mark.parametrize("template", TEMPLATES)
def test_units_are_per_instance_and_read_secrets_from_their_env_file(template: str) -> None:
    settings = _settings(template)
    assert settings["EnvironmentFile"] == ["/etc/harde/%i.env"]
    assert settings["StateDirectory"] == ["harde/%i"]
    assert "HARDE_DATA_DIR=/var/lib/harde/%i" in settings["Environment"]
    assert settings["User"] == ["harde"]
    assert settings["Restart"] == ["on-failure"]
    assert {"StartLimitIntervalSec", "StartLimitBurst"} <= settings.keys()


def test_web_unit_listens_on_loopback_at_the_instance_port() -> None:
    command = _settings("harde-web@.service")["ExecStart"][0].split()
    assert command[:3] == ["/opt/harde/%i/.venv/bin/streamlit", "run", "app.py"]
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    assert command[command.index("--server.port") + 1] == "${HARDE_PORT}"


def test_daemon_unit_is_notify_with_a_watchdog() -> None:
    settings = _settings("harde-daemon@.service")
    assert settings["Type"] == ["notify"]
    assert settings["NotifyAccess"] == ["main"]
    assert int(settings["WatchdogSec"][0]) > 0
    assert settings["ExecStart"] == ["/opt/harde/%i/.venv/bin/harde daemon"]


def test_webhooks_unit_serves_the_receiver_and_writes_only_its_state() -> None:
    settings = _settings("harde-webhooks@.service")
    assert settings["ExecStart"] == ["/opt/harde/%i/.venv/bin/harde webhooks"]
    assert "ReadWritePaths" not in settings  # no video folder: it stores events, nothing else
    assert settings["ProtectSystem"] == ["strict"]


def test_check_script_prints_every_score() -> None:
    require_tool("systemd-analyze")
    result = subprocess.run(
        ["bash", str(UNITS_DIR.parent / "check.sh")], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for template in TEMPLATES:
        assert re.search(rf"{re.escape(_instance(template, 'production'))}\s+exposure \d", result.stdout), result.stdout


@pytest.mark.parametrize("template", TEMPLATES)
def test_unit_raises_the_open_file_limit(template: str) -> None:
    # Debian's default soft limit (1024) is what a leak of a few descriptors per conversation hit.
    text = (UNITS_DIR / template).read_text(encoding="utf-8")
    found = re.search(r"^LimitNOFILE=(\d+)(?::(\d+))?$", text, re.MULTILINE)
    assert found, f"{template} sets no LimitNOFILE"
    assert int(found.group(1)) >= 8192
