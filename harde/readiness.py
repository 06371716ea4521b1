"""Whether a running web app is ready to serve a page: the Assistant is built and the app's
script runs without an error. Streamlit's own /_stcore/health answers as soon as the server
listens, seconds before that.

The check is Streamlit's script health check (`server.scriptHealthCheckEnabled` in
.streamlit/config.toml): it runs the script once, and the script builds the Assistant first.
"""

from __future__ import annotations

import httpx

READY_PATH = "/_stcore/script-health-check"
# A cold process builds the SDK graph, the CRM and the knowledge index before it answers.
READY_TIMEOUT_S = 90.0


class NotReady(RuntimeError):
    """The web app is not running, or is running but cannot render a page yet."""


def check_ready(base_url: str, timeout_s: float = READY_TIMEOUT_S) -> str:
    """One look at the app's readiness; raises NotReady with the reason when it is not."""
    url = base_url.rstrip("/") + READY_PATH
    try:
        response = httpx.get(url, timeout=httpx.Timeout(timeout_s, connect=5.0))
    except httpx.ConnectError as exc:
        raise NotReady(f"not running at {base_url}") from exc
    except httpx.TimeoutException as exc:
        raise NotReady(f"no readiness answer from {base_url} within {timeout_s:.0f} s") from exc
    if response.status_code == 404:
        raise NotReady(f"{base_url} has no readiness check (server.scriptHealthCheckEnabled is off)")
    if response.status_code != 200:
        raise NotReady(f"not ready: {response.status_code} {response.text.strip()[:80]}")
    return f"ready at {base_url}"
