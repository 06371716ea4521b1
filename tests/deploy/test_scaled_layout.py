"""The scaled layout's files are the single-server ones with only the scaling put in."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from tests.deploy.loopback_site import DEPLOY_DIR

pytestmark = pytest.mark.deploy


def _derive_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("derive", DEPLOY_DIR / "scaled" / "derive.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_scaled_files_are_derived_from_the_current_single_server_ones() -> None:
    for target, expected in _derive_module().outputs().items():
        assert Path(target).read_text(encoding="utf-8") == expected, f"run python3 deploy/scaled/derive.py ({target.name})"


def test_the_scaled_site_keeps_each_browser_on_one_server_by_a_cookie() -> None:
    site = (DEPLOY_DIR / "nginx" / "harde-scaled.conf").read_text(encoding="utf-8")
    upstream = re.search(r"upstream harde_production \{(.*?)\n\}", site, re.DOTALL)
    assert upstream is not None
    assert "hash $harde_production_route consistent;" in upstream.group(1)
    assert len(re.findall(r"^\s*server 127\.0\.0\.1:\d+", upstream.group(1), re.MULTILINE)) == 2
    # The cookie is set in the TLS server block, beside the other headers (an add_header in a
    # location would drop those).
    tls = site[site.index("listen 443") :]
    assert 'add_header Set-Cookie "harde_route=$harde_production_route;' in tls.split("location /", 1)[0]


def test_the_replicas_differ_from_the_units_only_in_port_and_executor() -> None:
    web = (DEPLOY_DIR / "scaled" / "harde-web-replica@.service").read_text(encoding="utf-8")
    daemon = (DEPLOY_DIR / "scaled" / "harde-daemon-replica@.service").read_text(encoding="utf-8")
    assert "--server.port ${HARDE_REPLICA_PORT}" in web and "${HARDE_PORT}" not in web
    assert "harde daemon --executor replica" in daemon
