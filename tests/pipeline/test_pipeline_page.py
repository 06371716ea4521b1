"""The primer page in Streamlit's AppTest: a run started from the page is queued for the daemon,
shows per-step status, and can be cancelled, and a homeowner email that failed closed is resent
only after the director says they checked, all without launching DBOS in the page."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from streamlit.testing.v1 import AppTest

from harde.config import Settings
from harde.integrations.mail import MaildirOutbox, OutgoingEmail, outbox_dir
from harde.integrations.mail.protocol import AmbiguousSendError
from harde.state.audit import AuditLog
from harde.workflows import runtime
from harde.workflows.pipeline import build_pipeline
from tests.pipeline.conftest import pipeline_settings_for, seed_data_dir

SCRIPT = """
from pathlib import Path
from harde.config import Settings
from harde.ui.pipeline_page import render_pipeline_page
render_pipeline_page(Settings(_env_file=None, data_dir=Path({data_dir!r})))
"""


def _create_store(settings: Settings) -> None:
    """A daemon's first start creates the workflow store; launch and stop DBOS once."""

    async def once() -> None:
        pipeline = build_pipeline(settings)
        await runtime.launch(settings, pipeline)
        await asyncio.to_thread(runtime.shutdown)
        await pipeline.aclose()

    asyncio.run(once())


def test_start_button_queues_a_run_that_shows_its_steps_and_can_be_cancelled(
    tmp_path: Path,
) -> None:
    settings = pipeline_settings_for(tmp_path)
    settings.ensure_dirs()
    _create_store(settings)
    app = AppTest.from_string(SCRIPT.format(data_dir=str(settings.data_dir)), default_timeout=30)

    app.run()
    assert any("not running" in w.value for w in app.warning)
    assert any("No runs yet" in i.value for i in app.info)

    app.number_input[0].set_value(1043)
    app.button[0].click()  # the form's submit button
    app.run()
    assert any("Queued run primer-job1043-" in s.value for s in app.success)
    store = runtime.WorkflowStore(settings)
    try:
        [run] = store.list_runs()
        assert run.status == "ENQUEUED" and run.request["job_id"] == 1043

        cancel = [b for b in app.button if b.label == "Cancel"]
        cancel[0].click()
        app.run()
        assert store.get_run(run.workflow_id).status == "CANCELLED"  # type: ignore[union-attr]
    finally:
        store.close()
    assert not app.exception


def test_page_without_a_workflow_store_says_how_to_create_one(tmp_path: Path) -> None:
    settings = pipeline_settings_for(tmp_path)
    settings.ensure_dirs()
    app = AppTest.from_string(SCRIPT.format(data_dir=str(settings.data_dir)), default_timeout=30)
    app.run()
    assert not app.exception
    assert any("harde daemon" in i.value for i in app.info)


def test_make_primer_video_without_a_daemon_ever_run_says_how_to_start_it(tmp_path: Path) -> None:
    settings = pipeline_settings_for(tmp_path)
    settings.ensure_dirs()  # no daemon has run: the workflow store has no tables
    app = AppTest.from_string(SCRIPT.format(data_dir=str(settings.data_dir)), default_timeout=30)
    app.run()
    assert any("daemon is not running" in w.value and "harde daemon" in w.value for w in app.warning)

    app.number_input[0].set_value(1043)
    app.button[0].click()
    app.run()
    assert not app.exception
    [error] = app.error
    assert "Nothing was queued" in error.value and "harde daemon" in error.value
    shown = " ".join(e.value for e in [*app.error, *app.info, *app.warning, *app.markdown])
    assert "sqlalchemy" not in shown.lower() and "OperationalError" not in shown


class DropsMidSendOutbox(MaildirOutbox):
    """Sends like SMTP whose connection breaks during the transfer: nobody knows if it went out."""

    async def send(self, email: OutgoingEmail) -> None:
        if email.to == "kmurphy@example.com":
            raise AmbiguousSendError("SMTP", "the connection dropped while sending")
        await super().send(email)

    async def was_sent(self, message_id: str) -> bool | None:
        return None


def _failed_closed_run(settings: Settings) -> str:
    """A run whose homeowner email failed closed, left in the store as the daemon would."""

    async def once() -> str:
        pipeline = build_pipeline(settings, outbox=DropsMidSendOutbox(outbox_dir(settings)))
        await runtime.launch(settings, pipeline)
        try:
            workflow_id = runtime.new_workflow_id(1043)
            handle = await runtime.start_primer(
                runtime.request_for_job(1043, key=workflow_id, source="test"), workflow_id
            )
            with contextlib.suppress(Exception):
                await handle.get_result()
            return workflow_id
        finally:
            await asyncio.to_thread(runtime.shutdown)
            await pipeline.aclose()

    return asyncio.run(once())


def test_resend_needs_the_directors_check_and_is_audited(tmp_path: Path, brand_cache: Path) -> None:
    settings = pipeline_settings_for(tmp_path)
    seed_data_dir(settings, brand_cache)
    workflow_id = _failed_closed_run(settings)
    app = AppTest.from_string(SCRIPT.format(data_dir=str(settings.data_dir)), default_timeout=30)

    app.run()
    assert any("may or may not have gone out" in w.value for w in app.warning)
    [resend] = [b for b in app.button if b.label == "Resend homeowner email"]
    assert resend.disabled  # not until the sent folder has been checked
    app.checkbox[0].check()
    app.run()
    [resend] = [b for b in app.button if b.label == "Resend homeowner email"]
    resend.click()
    app.run()

    assert not app.exception
    [resent] = [s.value for s in app.success if s.value.startswith("Resending as ")]
    [audited] = [
        e for e in AuditLog.for_settings(settings).entries() if e["kind"] == "primer_resend"
    ]
    assert workflow_id in audited["summary"] and audited["user"] == settings.user_name
    new_id = resent.removeprefix("Resending as ").split(" ", 1)[0]
    store = runtime.WorkflowStore(settings)
    try:
        statuses = {r.workflow_id: r.status for r in store.list_runs()}
    finally:
        store.close()
    assert statuses[workflow_id] == "ERROR" and statuses[new_id] == "ENQUEUED"  # for the daemon
