"""The scaled layout on loopback: two web processes share conversations through Redis, two
daemons share one Postgres workflow queue, and every trigger is run exactly once.

Each conversation starts on one web process and goes on, after a reload that lands on the
other one (what happens when a web server is restarted or removed behind nginx), with its
history there. Ten trigger emails for ten jobs reach both daemons' inbox; each job gets one
run, one video and one homeowner email, and both daemons take part.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from harde.config import PROJECT_ROOT, Settings
from harde.integrations.mail import inbox_dir, outbox_dir
from harde.workflows import runtime
from tests.conftest import require_service
from tests.deploy.streamlit_session import streamlit_session
from tests.pipeline.conftest import drop_email, pipeline_settings_for, seed_data_dir, trigger_email
from tests.pipeline.outbox_reading import sent_messages
from tests.pipeline.test_daemon_crash import daemon_env

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
REDIS_URL = "redis://127.0.0.1:6379/14"
CONVERSATIONS = 50
# Ten jobs a primer is made for: 1034 is Lost, and a lost job gets a note to the director instead.
JOBS = [j for j in range(1031, 1042) if j != 1034]
USER = "dwhitaker"
QUESTIONS = [
    ("whats linda johnsons number", "(508) 555-0101"),
    ("What's our standard objection response for price concerns?", "Price"),
    ("How many squares is a 2,400 sq ft footprint at 6/12 with 15% waste?", "squares"),
]
FOLLOW_UP = ("and her email?", "@")
WAIT_S = 600.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(condition: object, what: str, procs: list[subprocess.Popen[bytes]], timeout_s: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():  # type: ignore[operator]
        for proc in procs:
            if proc.poll() is not None:
                pytest.fail(f"{proc.args!r} exited ({proc.returncode}) while waiting for {what}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.2)


def _healthy(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"GET /_stcore/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            return b" 200 " in sock.recv(200)
    except OSError:
        return False


def _shared_env(settings: Settings, instance: str) -> dict[str, str]:
    return daemon_env(
        settings,
        HARDE_INSTANCE=instance,
        HARDE_WORKFLOW_DB_URL=PG_URL,
        HARDE_SESSION_URL=REDIS_URL,
        HARDE_AUTH="proxy",
    )


@pytest.fixture
def layout(tmp_path: Path, brand_cache: Path) -> Iterator[tuple[Settings, list[int], list[str], list[subprocess.Popen[bytes]]]]:
    require_service("Redis", "127.0.0.1", 6379)
    require_service("PostgreSQL", "127.0.0.1", 5432)
    instance = f"scaled-{uuid.uuid4().hex[:8]}"  # the database outlives the test
    settings = pipeline_settings_for(tmp_path, instance=instance, workflow_db_url=PG_URL)
    seed_data_dir(settings, brand_cache)
    env = _shared_env(settings, instance)
    procs: list[subprocess.Popen[bytes]] = []
    ports = [_free_port(), _free_port()]
    executors = ["a", "b"]
    harde = Path(sys.executable).with_name("harde")
    streamlit = Path(sys.executable).with_name("streamlit")
    try:
        for name in executors:
            log = (tmp_path / f"daemon-{name}.log").open("ab")
            procs.append(subprocess.Popen(
                [str(harde), "daemon"], cwd=tmp_path, env={**env, "HARDE_EXECUTOR": name},
                stdout=log, stderr=subprocess.STDOUT,
            ))  # fmt: skip
        for port in ports:
            log = (tmp_path / f"web-{port}.log").open("ab")
            procs.append(subprocess.Popen(
                [str(streamlit), "run", "app.py", "--server.headless", "true", "--server.port", str(port),
                 "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
                 "--browser.gatherUsageStats", "false"],
                cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            ))  # fmt: skip
        for port in ports:
            _wait(lambda port=port: _healthy(port), f"the web process on {port}", procs, 120)
        for name in executors:
            log_file = tmp_path / f"daemon-{name}.log"
            _wait(lambda f=log_file: "workflow store ready" in f.read_text(errors="replace"), f"daemon {name}", procs, 120)
        yield settings, ports, executors, procs
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def _conversation(n: int, ports: list[int]) -> tuple[str, list[str]]:
    """One conversation: a question on one web process, then a reload and a follow-up on the other."""
    headers = {"X-Remote-User": USER}
    question, expected = QUESTIONS[n % len(QUESTIONS)]
    first, second = ports[n % 2], ports[(n + 1) % 2]
    problems: list[str] = []
    with streamlit_session(first, headers) as browser:
        browser.load()
        page = browser.ask(question)
        cid = browser.conversation
        if expected not in page.text or page.errors:
            problems.append(f"{first}: {question!r} -> {page.text[-300:]!r} {page.errors}")
    with streamlit_session(second, headers, query_string=f"c={cid}") as browser:
        page = browser.load()
        if question[:12] not in page.text or expected not in page.text:
            problems.append(f"{second}: conversation {cid} reopened without its history: {page.text[-300:]!r}")
        if n % len(QUESTIONS) == 0:
            page = browser.ask(FOLLOW_UP[0])  # "her" is Linda Johnson, from the memory saved on the other process
            if FOLLOW_UP[1] not in page.text.rsplit(FOLLOW_UP[0], 1)[-1]:
                problems.append(f"{second}: follow-up in {cid} -> {page.text[-300:]!r}")
    return cid, problems


@pytest.mark.timeout(1200)
def test_two_web_and_two_daemon_processes_share_conversations_and_run_each_trigger_once(
    layout: tuple[Settings, list[int], list[str], list[subprocess.Popen[bytes]]],
) -> None:
    settings, ports, executors, procs = layout
    message_ids = [f"scaled-{job}-{uuid.uuid4().hex[:8]}" for job in JOBS]
    for job, message_id in zip(JOBS, message_ids, strict=True):
        drop_email(inbox_dir(settings), trigger_email(f"Please produce Primer Video for job {job}", message_id=message_id))
    workflow_ids = [
        runtime.workflow_id_for_message(f"{m}@summitridge.example", instance=settings.instance_name) for m in message_ids
    ]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda n: _conversation(n, ports), range(CONVERSATIONS)))
    problems = [p for _, found in results for p in found]
    assert not problems, "\n".join(problems[:5])
    assert len({cid for cid, _ in results}) == CONVERSATIONS

    def finished() -> bool:
        return all(status in ("SUCCESS", "ERROR") for status, _ in _statuses(settings, workflow_ids).values())

    _wait(lambda: len(_statuses(settings, workflow_ids)) == len(JOBS) and finished(), "the ten runs", procs)
    statuses = _statuses(settings, workflow_ids)
    assert {status for status, _ in statuses.values()} == {"SUCCESS"}, statuses
    ran_on = {executor for _, executor in statuses.values()}
    assert ran_on == {runtime.executor_id(settings.model_copy(update={"executor": e})) for e in executors}
    homeowner_emails = [m for m in sent_messages(outbox_dir(settings)) if "a short video about your project" in str(m["Subject"])]
    assert len(homeowner_emails) == len(JOBS), [str(m["Subject"]) for m in homeowner_emails]
    assert len({str(m["To"]) for m in homeowner_emails}) == len(JOBS)
    videos = list(settings.delivery_dir.rglob("*.mp4"))
    assert len(videos) == len(JOBS)


def _statuses(settings: Settings, workflow_ids: list[str]) -> dict[str, tuple[str, str]]:
    store = runtime.WorkflowStore(settings)
    try:
        found = store.client.list_workflows(workflow_ids=workflow_ids, application_name=store.app)
        return {s.workflow_id: (s.status, s.executor_id or "") for s in found}
    finally:
        store.close()

