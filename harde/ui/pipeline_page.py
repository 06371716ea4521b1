"""The primer-video page: every run with per-step status, timings, links and errors; retry,
cancel, resend a homeowner email that failed closed, and a button to start a primer for a job.

It talks to the workflow store through DBOSClient only; the daemon is the one process that runs
workflows, so a run started here is queued for it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import streamlit as st

from harde.auth import User
from harde.config import Settings
from harde.ui.safe_markdown import safe_markdown

STATUS_ICON = {
    "SUCCESS": "✅", "ERROR": "❌", "PENDING": "⏳", "ENQUEUED": "🕒", "CANCELLED": "⛔",
    "MAX_RECOVERY_ATTEMPTS_EXCEEDED": "❌", "done": "✅", "failed": "❌", "running": "⏳", "pending": "·",
}  # fmt: skip


DAEMON_NOT_RUNNING = (
    "The pipeline daemon is not running, so no primer video is being made. Start it with "
    "`.venv/bin/harde daemon` (on a server: `systemctl start harde-daemon@<instance>`); runs "
    "started here wait in the queue until it does."
)
NO_STORE = (
    "The pipeline daemon has never run here, so there is no queue yet. Start it with "
    "`.venv/bin/harde daemon` (on a server: `systemctl start harde-daemon@<instance>`), then "
    "start the run again."
)


def run_link(settings: Settings, workflow_id: str) -> str:
    """The Primer videos page with this run selected (the chat links to it)."""
    from urllib.parse import quote

    base = settings.public_url.strip().rstrip("/")
    return f"{base}/primer?run={quote(workflow_id)}" if base else f"/primer?run={quote(workflow_id)}"


def _store(settings: Settings) -> Any:
    from harde.workflows.runtime import WorkflowStore

    key = f"pipeline_store:{settings.workflow_db_url or settings.data_dir}"
    if key not in st.session_state:
        st.session_state[key] = WorkflowStore(settings)
    return st.session_state[key]


def _when(value: dt.datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S") if value else ""


def _job_of(request: dict[str, Any]) -> str:
    if request.get("job_id") is not None:
        return str(request["job_id"])
    return "from email"


def render_pipeline_page(settings: Settings, user: User | None = None) -> None:
    """`user` is the signed-in person: only a director may resend a homeowner email, and the
    audit log names them (without one, the command line's configured user, as a director)."""
    from harde.workflows.runtime import daemon_pid

    st.title("Primer videos")
    pid = daemon_pid(settings)
    if pid:
        st.caption(
            f"The pipeline daemon is running (pid {pid}); it watches the {settings.mail_in} inbox."
        )
    else:
        st.warning(DAEMON_NOT_RUNNING)

    try:
        store = _store(settings)
    except Exception:  # no workflow store yet (the daemon creates it on first start)
        st.info(NO_STORE)
        return

    with st.form("start_primer", clear_on_submit=False):
        cols = st.columns([1, 2, 1])
        job_id = cols[0].number_input("Job id", min_value=1, step=1, value=None, placeholder="1043")
        focus = cols[1].text_input("Focus (optional)", placeholder="e.g. financing, timeline")
        submitted = cols[2].form_submit_button("Make primer video", use_container_width=True)
    if submitted:
        if job_id is None:
            st.error("Enter the CRM job id first.")
        else:
            try:
                workflow_id = store.enqueue_primer(int(job_id), focus=focus or None)
            except Exception:  # the store has no tables until the daemon's first start
                st.error(f"Nothing was queued. {NO_STORE}")
            else:
                st.session_state["pipeline_selected"] = workflow_id
                st.success(f"Queued run {workflow_id} for job {int(job_id)}.")

    if st.button("Refresh", key="pipeline_refresh"):
        st.rerun()

    try:
        runs = store.list_runs(limit=50)
    except Exception:  # the store exists but DBOS has not created its tables yet
        st.info(NO_STORE)
        return
    if not runs:
        st.info("No runs yet. Send a trigger email or start one above.")
        return
    st.dataframe(
        [
            {
                "": STATUS_ICON.get(r.status, ""),
                "run": r.workflow_id,
                "status": r.status,
                "job": _job_of(r.request),
                "source": r.request.get("source", ""),
                "started": _when(r.created_at),
                "link": r.link,
            }
            for r in runs
        ],
        hide_index=True,
        use_container_width=True,
        column_config={"link": st.column_config.LinkColumn("link")},
    )

    ids = [r.workflow_id for r in runs]
    selected = st.session_state.get("pipeline_selected") or st.query_params.get("run")
    index = ids.index(selected) if selected in ids else 0
    chosen = st.selectbox("Run", ids, index=index, key="pipeline_run")
    run = store.get_run(chosen)
    if run is None:
        return
    _render_run(store, run, user or User(username=settings.user_name, name=settings.user_name, role="director"))


def _render_run(store: Any, run: Any, user: User) -> None:
    # A run's id comes from the trigger email's Message-ID: text from outside.
    st.subheader(safe_markdown(f"{STATUS_ICON.get(run.status, '')} {run.workflow_id}"))
    st.dataframe(
        [
            {
                "": STATUS_ICON.get(s.status, ""),
                "step": s.name,
                "status": s.status,
                "seconds": round(s.seconds, 2) if s.seconds is not None else None,
                "error": s.error,
            }
            for s in run.steps
        ],
        hide_index=True,
        use_container_width=True,
    )
    if run.error:
        st.error(safe_markdown(run.error))  # may quote the trigger email or the CRM
    if run.link:
        st.markdown(safe_markdown(f"**Video:** [{run.link}]({run.link})"))
        output = run.output if isinstance(run.output, dict) else {}
        video = Path(str(output.get("video", "")))
        if output.get("video") and video.is_file():
            st.video(str(video))
    left, right = st.columns(2)
    if run.status in ("ERROR", "CANCELLED", "MAX_RECOVERY_ATTEMPTS_EXCEEDED") and left.button(
        "Retry", key=f"retry-{run.workflow_id}"
    ):
        new_id = store.retry(run.workflow_id)
        st.session_state["pipeline_selected"] = new_id
        st.success(safe_markdown(f"Retrying as {new_id}.") if new_id != run.workflow_id else "Resumed.")
    if run.status in ("PENDING", "ENQUEUED") and right.button(
        "Cancel", key=f"cancel-{run.workflow_id}"
    ):
        store.cancel(run.workflow_id)
        st.success("Cancelled.")
    if any(
        s.name == "email_homeowner" and s.error.startswith("SendUncertainError") for s in run.steps
    ):
        _render_resend(store, run, user)


def _render_resend(store: Any, run: Any, user: User) -> None:
    """The homeowner email may or may not have gone out; Retry never resends it. After checking
    the sent folder, the director can allow one more send: a deliberate, audited action."""
    st.warning(
        "The homeowner email of this run may or may not have gone out (the mail server could "
        "not confirm it), so Hard-E did not send it again; Retry will not either."
    )
    if not user.is_director:
        st.caption("Only a director can resend it, after checking the sent folder.")
        return
    checked = st.checkbox(
        "I checked the sent folder: this email did not go out",
        key=f"resend-checked-{run.workflow_id}",
    )
    if st.button("Resend homeowner email", key=f"resend-{run.workflow_id}", disabled=not checked):
        try:
            new_id = store.resend(run.workflow_id, user=user.username)
        except Exception as exc:  # InputError says why; anything else must not crash the page
            st.error(f"Not resent: {exc}")
            return
        st.session_state["pipeline_selected"] = new_id
        st.success(f"Resending as {new_id} (recorded in the audit log).")
