"""The primer page in Streamlit's AppTest: a run started from the page is queued for the daemon,
shows per-step status, and can be cancelled, all without launching DBOS in the page."""

from __future__ import annotations

import asyncio
from pathlib import Path

from streamlit.testing.v1 import AppTest

from harde.config import Settings
from harde.workflows import runtime
from harde.workflows.pipeline import build_pipeline
from tests.pipeline.conftest import pipeline_settings_for

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
