"""The web app's readiness: 200 from Streamlit's script check only once the app's script,
which builds the Assistant first, has run without an error; `harde doctor` reports it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from harde.readiness import NotReady, check_ready
from tests.deploy.loopback_site import PROJECT_ROOT, _stop, _wait_until_answering, free_port


@contextmanager
def streamlit_app(folder: Path, **env_overrides: str) -> Iterator[str]:
    """The project's app.py and .streamlit/config.toml served on a free loopback port."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HARDE_", "OPENAI_", "STREAMLIT_"))}
    env.update({"HARDE_LLM": "offline", "HARDE_CRM": "local", "HARDE_DATA_DIR": str(folder / "var"), **env_overrides})
    log = folder / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "app.py"), "--server.port", str(port),
               "--server.headless", "true", "--server.fileWatcherType", "none"]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_until_answering(f"http://127.0.0.1:{port}/_stcore/health", process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(process)


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_ready_once_the_assistant_is_built(tmp_path: Path) -> None:
    with streamlit_app(tmp_path) as url:
        assert check_ready(url) == f"ready at {url}"


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_not_ready_when_the_script_fails(tmp_path: Path) -> None:
    # /_stcore/health answers (streamlit_app waited for it); the script stops at a bad setting.
    with streamlit_app(tmp_path, HARDE_LLM="no-such-model-backend") as url, pytest.raises(NotReady, match="not ready: 503"):
        check_ready(url)


def test_not_running_is_not_ready() -> None:
    with pytest.raises(NotReady, match="not running"):
        check_ready(f"http://127.0.0.1:{free_port()}", timeout_s=5)
