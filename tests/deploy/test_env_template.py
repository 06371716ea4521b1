"""deploy/harde.env.example lists the same settings as .env.example, plus the instance's port."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.deploy.loopback_site import DEPLOY_DIR, PROJECT_ROOT

pytestmark = pytest.mark.deploy

SETTING = re.compile(r"^(#\s*)?([A-Z][A-Z0-9_]*)=", re.MULTILINE)
INSTANCE_ONLY = {"HARDE_PORT", "HARDE_REPLICA_PORT"}
# Set by the units; a value in the env file would override the unit's, so it is commented out.
SET_BY_THE_UNITS = {"HARDE_DATA_DIR"}


def settings(path: Path) -> dict[str, bool]:
    """Setting names, each with whether it is active (not commented out)."""
    return {m.group(2): m.group(1) is None for m in SETTING.finditer(path.read_text())}


def test_deploy_template_lists_the_same_settings_as_env_example() -> None:
    template = settings(DEPLOY_DIR / "harde.env.example")
    example = settings(PROJECT_ROOT / ".env.example")
    missing = sorted(example.keys() - template.keys())
    extra = sorted(template.keys() - example.keys() - INSTANCE_ONLY)
    assert not missing, f"deploy/harde.env.example lacks settings that .env.example has: {missing}"
    assert not extra, f"deploy/harde.env.example has settings that .env.example lacks: {extra}"
    assert template.keys() >= INSTANCE_ONLY


def test_deploy_template_leaves_the_units_settings_alone() -> None:
    template = settings(DEPLOY_DIR / "harde.env.example")
    assert not any(template[name] for name in SET_BY_THE_UNITS)
    assert all(active for name, active in template.items() if name not in SET_BY_THE_UNITS)
