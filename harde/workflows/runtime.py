"""Running the primer workflow: launching DBOS (daemon or a one-off run), starting runs, and the
workflow store that the app and CLI read through DBOSClient without launching DBOS.

One process at a time runs workflows (a lock file under data_dir), so a one-off `harde primer`
never recovers runs that a live daemon owns.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import fcntl
import hashlib
import logging
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dbos import DBOS, DBOSClient, DBOSConfig, SetWorkflowID

from harde.config import Settings
from harde.errors import InputError
from harde.integrations.mail.message import TriggerEmail
from harde.state.audit import AuditLog
from harde.understanding.trigger import asks_again
from harde.workflows.ledger import SendLedger
from harde.workflows.pipeline import (
    PrimerPipeline,
    install_pipeline,
    ledger_db_url,
    workflow_db_url,
)
from harde.workflows.primer import (
    STEP_ORDER,
    WORKFLOW_NAME,
    homeowner_message_id,
    primer_sweep_workflow,
    primer_video_workflow,
    short,
)

log = logging.getLogger("harde.pipeline")

# Fixed, so a run interrupted by a crash is recovered by the next start of a newer build too;
# changed only when the workflow's steps change, so an old run is never replayed into new steps.
WORKFLOW_VERSION = "primer-3"
SWEEP_SCHEDULE = "*/30 * * * *"
QUEUE_CONCURRENCY = 2


# Instances sharing one workflow database (production and staging) are separate DBOS
# applications: each sees, recovers and dequeues only its own runs. DBOS also wants each one's
# version, queue and schedule names to be its own.
def app_name(settings: Settings) -> str:
    return f"harde-{settings.instance_name}"


def app_version(settings: Settings) -> str:
    return f"{WORKFLOW_VERSION}-{settings.instance_name}"


def queue_name(settings: Settings) -> str:
    return f"{app_name(settings)}-primer"


def executor_id(settings: Settings) -> str:
    # Per instance (and per named executor), not per process: the next start of the same
    # daemon recovers the runs it had started; queued runs go to whichever daemon is free.
    suffix = f"-{settings.executor_name}" if settings.executor_name else ""
    return f"{app_name(settings)}-pipeline{suffix}"


def lock_path(settings: Settings) -> Path:
    """The single-runner lock of this daemon: one per executor when several share a data folder."""
    name = f"pipeline-{settings.executor_name}.lock" if settings.executor_name else "pipeline.lock"
    return settings.data_dir / name


def dbos_config(settings: Settings) -> DBOSConfig:
    return {
        "name": app_name(settings),
        "system_database_url": workflow_db_url(settings),
        "application_version": app_version(settings),
        "executor_id": executor_id(settings),
        "log_level": "WARNING",
    }


def workflow_id_for_message(message_id: str, *, instance: str) -> str:
    """The same trigger email always maps to the same workflow of an instance (a duplicate is the
    same run); another instance on the same workflow database gets a run of its own."""
    key = f"{instance}/{message_id.strip().strip('<>')}"
    return "primer-mail-" + hashlib.sha256(key.encode()).hexdigest()[:24]


def request_from_email(email: TriggerEmail) -> dict[str, Any]:
    return {
        "source": "email",
        "key": email.message_id,
        "trigger_message_id": email.message_id,
        "sender": email.sender,
        "reply_to": email.reply_address,
        "subject": email.subject,
        # Only what the sender wrote: a quoted list of jobs must not choose the job.
        "body": email.new_text[:4000],
        "again": asks_again(email.subject, email.new_text),
        "job_id": None,
    }


def request_for_job(
    job_id: int, *, key: str, source: str, focus: str | None = None, target_words: int | None = None
) -> dict[str, Any]:
    """A run for a known job. `key` (the first workflow id) names its homeowner email in the send
    ledger, so a retry of the run, which runs under a new id, still sends at most one."""
    return {
        "source": source,
        "key": key,
        "job_id": int(job_id),
        "focus": focus,
        "target_words": target_words,
    }


def new_workflow_id(job_id: int) -> str:
    return f"primer-job{job_id}-{uuid.uuid4().hex[:12]}"


# --- the single-runner lock ---------------------------------------------------------------------


class PipelineLock:
    """An exclusive flock on `<data_dir>/pipeline.lock` (`pipeline-<executor>.lock` for a named
    executor), held for as long as DBOS runs here."""

    def __init__(self, settings: Settings) -> None:
        self.path = lock_path(settings)
        self._fd: int | None = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)  # an empty file: nobody runs the pipeline here
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


# --- launching ----------------------------------------------------------------------------------


async def launch(
    settings: Settings, pipeline: PrimerPipeline, *, schedule_sweep: bool = False
) -> None:
    """Install the pipeline and launch DBOS on the running event loop (recovers pending runs)."""
    install_pipeline(pipeline)
    DBOS(config=dbos_config(settings))
    DBOS.launch()  # adopts this loop: recovered async runs execute here
    # Bounds how many renders share this machine; a burst of trigger emails waits its turn.
    await DBOS.register_queue_async(queue_name(settings), worker_concurrency=QUEUE_CONCURRENCY)
    if schedule_sweep:
        await DBOS.apply_schedules_async(
            [
                {
                    "schedule_name": f"{app_name(settings)}-sweep",
                    "workflow_fn": primer_sweep_workflow,
                    "schedule": SWEEP_SCHEDULE,
                }
            ]
        )


def shutdown() -> None:
    DBOS.destroy(workflow_completion_timeout_sec=0)
    install_pipeline(None)


async def start_primer(request: dict[str, Any], workflow_id: str) -> Any:
    """Start (or attach to) the run with this id now; a second start with the same id is the same run."""
    with SetWorkflowID(workflow_id):
        return await DBOS.start_workflow_async(primer_video_workflow, request)


async def enqueue_primer(settings: Settings, request: dict[str, Any], workflow_id: str) -> Any:
    """Queue the run with this id for this process's workers (same id, same run)."""
    queue = await DBOS.retrieve_queue_async(queue_name(settings))
    if queue is None:
        raise RuntimeError("the primer queue is not registered; call launch() first")
    with SetWorkflowID(workflow_id):
        return await queue.enqueue_async(primer_video_workflow, request)


# --- the workflow store (read and control without launching DBOS) ------------------------------


@dataclass
class StepView:
    name: str
    status: str  # done | failed | running | pending
    seconds: float | None = None
    error: str = ""
    output: Any = None


@dataclass
class RunView:
    workflow_id: str
    status: str
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    request: dict[str, Any]
    output: Any = None
    error: str = ""
    steps: list[StepView] = field(default_factory=list)

    @property
    def link(self) -> str:
        if isinstance(self.output, dict) and self.output.get("link"):
            return str(self.output["link"])
        for step in self.steps:
            if step.name == "deliver" and isinstance(step.output, dict):
                return str(step.output.get("link", ""))
        return ""


# Steps that read files an earlier step left in the run's temporary folder, which the failed
# run's clean-up removed: a retry that would start at one of them starts where the files are made.
_NEEDS_FILES_FROM = {"enhance": "speech", "render": "speech", "deliver": "speech"}


def _name(step: Any) -> str:
    return str(step["function_name"]).rsplit(".", 1)[-1]


def restart_step(raw_steps: list[Any]) -> int:
    """The step a retry of a failed run starts at (DBOS function id; 1 is the start)."""
    steps = sorted(
        (s for s in raw_steps if _name(s) in STEP_ORDER and _name(s) != "cleanup"),
        key=lambda s: int(s["function_id"]),
    )
    ids = {_name(s): int(s["function_id"]) for s in steps}
    failed = next((s for s in steps if s.get("error") is not None), None)
    if failed is None:  # the run died between steps (a crash it never recovered from)
        done = [s for s in steps if s.get("completed_at_epoch_ms")]
        start = int(done[-1]["function_id"]) + 1 if done else 1
        name = STEP_ORDER[STEP_ORDER.index(_name(done[-1])) + 1] if done else ""
    else:
        start, name = int(failed["function_id"]), _name(failed)
    if name in _NEEDS_FILES_FROM:
        return ids.get(_NEEDS_FILES_FROM[name], 1)
    return start


def _ts(ms: int | None) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC) if ms else None


def steps_of(raw_steps: list[Any], run_status: str) -> list[StepView]:
    seen: dict[str, StepView] = {}
    for s in raw_steps:
        name = str(s["function_name"]).rsplit(".", 1)[-1]
        started, done = s.get("started_at_epoch_ms"), s.get("completed_at_epoch_ms")
        seconds = (done - started) / 1000 if started and done else None
        error = s.get("error")
        status = "failed" if error is not None else ("done" if done else "running")
        seen[name] = StepView(
            name,
            status,
            seconds,
            f"{type(error).__name__}: {error}" if error else "",
            s.get("output"),
        )
    ordered = [seen.pop(n) for n in STEP_ORDER if n in seen]
    ordered.extend(v for k, v in seen.items() if not k.startswith("DBOS"))
    if run_status in ("PENDING", "ENQUEUED"):
        names = {v.name for v in ordered}
        ordered.extend(StepView(n, "pending") for n in STEP_ORDER if n not in names)
    return ordered


class WorkflowStore:
    """Runs of the primer workflow, through DBOSClient: what the app page and `harde primer` use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.app = app_name(settings)  # another instance's runs are not listed, nor touched
        self.client = DBOSClient(
            system_database_url=workflow_db_url(settings), application_name=self.app
        )

    def close(self) -> None:
        self.client.destroy()

    def enqueue_primer(self, job_id: int, *, focus: str | None = None, source: str = "app") -> str:
        workflow_id = new_workflow_id(job_id)
        self.client.enqueue(
            {
                "workflow_name": WORKFLOW_NAME,
                "queue_name": queue_name(self.settings),
                "workflow_id": workflow_id,
                "app_version": app_version(self.settings),
            },
            request_for_job(job_id, key=workflow_id, source=source, focus=focus),
        )
        return workflow_id

    def result(self, workflow_id: str) -> Any:
        """Wait for the run to finish and return its output (raises the run's error)."""
        return self.client.retrieve_workflow(workflow_id).get_result(polling_interval_sec=0.5)

    def list_runs(self, limit: int = 50) -> list[RunView]:
        statuses = self.client.list_workflows(
            name=WORKFLOW_NAME, limit=limit, sort_desc=True, application_name=self.app
        )
        return [self._view(s, with_steps=False) for s in statuses]

    def get_run(self, workflow_id: str) -> RunView | None:
        found = self.client.list_workflows(workflow_ids=[workflow_id], application_name=self.app)
        return self._view(found[0], with_steps=True) if found else None

    def _view(self, status: Any, *, with_steps: bool) -> RunView:
        inputs = status.input or {}
        args = inputs.get("args", ()) if isinstance(inputs, dict) else ()
        request = args[0] if args and isinstance(args[0], dict) else {}
        steps = (
            steps_of(self.client.list_workflow_steps(status.workflow_id), status.status)
            if with_steps
            else []
        )
        return RunView(
            workflow_id=status.workflow_id,
            status=status.status,
            created_at=_ts(status.created_at),
            updated_at=_ts(status.updated_at),
            request=request,
            output=status.output,
            error=f"{type(status.error).__name__}: {status.error}" if status.error else "",
            steps=steps,
        )

    def cancel(self, workflow_id: str) -> None:
        self.client.cancel_workflow(workflow_id)

    def retry(self, workflow_id: str) -> str:
        """Resume a cancelled run; continue a failed one as a fork (new id, same request) from the
        step that failed, reusing what the steps before it did.

        The fork keeps the request, so its key names the same delivered file, CRM note and
        send-ledger entry: a retry never makes a second video, note or homeowner email.
        """
        run = self.get_run(workflow_id)
        if run is None:
            raise InputError(f"no run {workflow_id} in this instance")
        if run.status == "CANCELLED":
            self.client.resume_workflow(workflow_id, queue_name=queue_name(self.settings))
            return workflow_id
        return self._fork(workflow_id, restart_step(self.client.list_workflow_steps(workflow_id)))

    def _fork(self, workflow_id: str, start_step: int) -> str:
        handle = self.client.fork_workflow(
            workflow_id,
            start_step,
            application_version=app_version(self.settings),
            queue_name=queue_name(self.settings),
        )
        return str(handle.get_workflow_id())

    def resend(self, workflow_id: str, *, user: str) -> str:
        """The homeowner email of this run failed closed (it may or may not have gone out) and
        `user` checked the sent folder: it did not. Allow one more send, audit who said so, and
        continue the run from its email step. Returns the new run's id."""
        steps = self.client.list_workflow_steps(workflow_id)
        run = self.get_run(workflow_id)
        resolved = next((s.get("output") for s in steps if _name(s) == "resolve_job"), None)
        email_step = next((s for s in steps if _name(s) == "email_homeowner"), None)
        if run is None or not isinstance(resolved, dict) or email_step is None:
            raise InputError("this run has no homeowner email to resend")
        key = str(run.request.get("key") or workflow_id)
        message_id = homeowner_message_id(key, int(resolved["job_id"]), self.settings.mail_from)
        ledger = SendLedger(ledger_db_url(self.settings))
        try:
            if not ledger.approve_resend(message_id):
                raise InputError(
                    "the homeowner email of this run is not waiting for a resend (it was sent, "
                    "or was never tried)"
                )
        finally:
            ledger.dispose()
        audit = AuditLog.for_settings(self.settings)
        summary = f"resend the homeowner email of primer run {workflow_id} <{message_id}>"
        try:
            new_id = self._fork(workflow_id, int(email_step["function_id"]))
        except Exception as exc:
            audit.record(
                user=user,
                kind="primer_resend",
                summary=summary,
                ok=False,
                answer=type(exc).__name__,
            )
            raise
        audit.record(
            user=user, kind="primer_resend", summary=summary, ok=True, answer=f"queued as {new_id}"
        )
        log.warning(
            "run=%s: homeowner email resend approved; continuing as %s",
            short(workflow_id),
            short(new_id),
        )
        return new_id


def daemon_pid(settings: Settings) -> int | None:
    """The pid of the process running the pipeline here (daemon or one-off run), or None.

    Reads the lock file without taking the lock, so asking never stops a daemon from starting.
    """
    try:
        pid = int(lock_path(settings).read_text().strip() or 0)
    except (OSError, ValueError):
        return None
    if pid <= 0:
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # a crashed run left its pid behind
    except PermissionError:
        pass  # alive, owned by another user (the service account)
    return pid


@contextlib.contextmanager
def single_runner(settings: Settings) -> Iterator[bool]:
    lock = PipelineLock(settings)
    got = lock.acquire()
    try:
        yield got
    finally:
        if got:
            lock.release()


async def run_one(settings: Settings, pipeline: PrimerPipeline, job_id: int, *, focus: str | None = None,
                  target_words: int | None = None, workflow_id: str | None = None) -> tuple[str, Any]:  # fmt: skip
    """Launch DBOS here, run one primer for `job_id` to the end, shut down. Caller holds the lock."""
    await launch(settings, pipeline)
    try:
        wid = workflow_id or new_workflow_id(job_id)
        request = request_for_job(
            job_id, key=wid, source="cli", focus=focus, target_words=target_words
        )
        handle = await start_primer(request, wid)
        result = await handle.get_result()
        return wid, result
    finally:
        await asyncio.to_thread(shutdown)
