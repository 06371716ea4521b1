"""The real `harde daemon` as a subprocess: SIGKILL after every step, restart, and the run still
finishes with exactly one homeowner email and no finished step done twice; SIGTERM stops it
cleanly; systemd hears READY=1 and WATCHDOG=1."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from harde.config import Settings
from harde.integrations.mail import inbox_dir, outbox_dir
from harde.workflows.primer import STEP_ORDER
from harde.workflows.runtime import WorkflowStore, workflow_id_for_message
from tests.pipeline.conftest import drop_email, pipeline_settings_for, seed_data_dir, trigger_email
from tests.pipeline.outbox_reading import sent_to

pytestmark = pytest.mark.slow

HOMEOWNER = "kmurphy@example.com"
WAIT_S = 120.0


def daemon_env(settings: Settings, **extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("HARDE_") and k != "NOTIFY_SOCKET"
    }
    env.update(
        HARDE_DATA_DIR=str(settings.data_dir),
        HARDE_DELIVERY_DIR=str(settings.delivery_dir),
        HARDE_PUBLIC_URL=settings.public_url,
        HARDE_LLM="offline",
        HARDE_CRM="local",
        HARDE_TTS="espeak",
        HARDE_ALLOWED_SENDERS=settings.allowed_senders,
        HARDE_DIRECTOR_EMAIL=settings.director_email,
        HARDE_TRUSTED_AUTHSERV_IDS=settings.trusted_authserv_ids,
        HARDE_POLL_INTERVAL_S="0.2",
        HARDE_PRIMER_TARGET_WORDS=str(settings.primer_target_words),
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def start_daemon(
    settings: Settings, log: Path, env: dict[str, str], *args: str
) -> subprocess.Popen[bytes]:
    harde = Path(sys.executable).with_name("harde")
    out = log.open("ab")
    return subprocess.Popen(
        [str(harde), "daemon", *args],
        cwd=settings.data_dir.parent,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"the daemon exited ({proc.returncode}) while waiting for {what}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def run_status(settings: Settings, workflow_id: str) -> str:
    store = WorkflowStore(settings)
    try:
        run = store.get_run(workflow_id)
        return run.status if run else "MISSING"
    finally:
        store.close()


def test_killing_the_daemon_after_every_step_still_sends_exactly_one_email(
    tmp_path: Path, brand_cache: Path, short_tmp: Path
) -> None:
    settings = pipeline_settings_for(tmp_path)
    seed_data_dir(settings, brand_cache)
    log = tmp_path / "daemon.log"
    drop_email(inbox_dir(settings), trigger_email(message_id="crash-1043"))
    workflow_id = workflow_id_for_message(
        "crash-1043@summitridge.example", instance=settings.instance_name
    )

    for step in STEP_ORDER[:-1]:  # everything up to and including the homeowner email
        marker = tmp_path / f"paused-{step}"
        proc = start_daemon(
            settings,
            log,
            daemon_env(settings),
            "--pause-after",
            step,
            "--pause-marker",
            str(marker),
        )
        try:
            wait_for(marker.exists, proc, f"the pause after {step}")
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL

    notify_path = short_tmp / "notify.sock"
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(notify_path))
    notify.setblocking(False)
    proc = start_daemon(settings, log, daemon_env(settings, NOTIFY_SOCKET=str(notify_path)))
    try:
        wait_for(lambda: run_status(settings, workflow_id) == "SUCCESS", proc, "the run to finish")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0  # a clean stop
    finally:
        if proc.poll() is None:
            proc.kill()
    messages = []
    while True:
        try:
            messages.append(notify.recv(4096).decode())
        except BlockingIOError:
            break
    notify.close()

    assert len(sent_to(outbox_dir(settings), HOMEOWNER)) == 1
    output = log.read_text()
    finished = Counter(re.findall(r"step=(\w+) ok", output))
    assert {step: finished[step] for step in STEP_ORDER} == dict.fromkeys(STEP_ORDER, 1), output
    assert "READY=1" in messages and "WATCHDOG=1" in messages and "STOPPING=1" in messages
    assert not any((settings.data_dir / "tmp" / "primer").iterdir())
    assert "kmurphy" not in output and "Kathleen" not in output  # no personal data in the log
