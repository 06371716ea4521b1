"""One process runs the pipeline per data_dir; others can see which without disturbing it."""

from __future__ import annotations

import os
from pathlib import Path

from harde.workflows.runtime import PipelineLock, daemon_pid, single_runner, workflow_id_for_message
from tests.pipeline.conftest import pipeline_settings_for


def test_a_second_runner_is_refused_and_the_pid_is_visible_until_release(tmp_path: Path) -> None:
    settings = pipeline_settings_for(tmp_path)
    assert daemon_pid(settings) is None
    first = PipelineLock(settings)
    assert first.acquire()
    try:
        assert daemon_pid(settings) == os.getpid()
        with single_runner(settings) as second_got_it:
            assert second_got_it is False
        assert daemon_pid(settings) == os.getpid()  # looking did not take the lock away
    finally:
        first.release()
    assert daemon_pid(settings) is None
    with single_runner(settings) as got_it:
        assert got_it


def test_a_stale_pid_from_a_crashed_run_does_not_count(tmp_path: Path) -> None:
    settings = pipeline_settings_for(tmp_path)
    settings.ensure_dirs()
    (settings.data_dir / "pipeline.lock").write_text("999999999")
    assert daemon_pid(settings) is None


def test_workflow_id_depends_only_on_the_message_id_and_the_instance() -> None:
    one = workflow_id_for_message("<abc@x>", instance="production")
    assert one == workflow_id_for_message("abc@x", instance="production")
    assert one != workflow_id_for_message("abd@x", instance="production")
    assert one != workflow_id_for_message("abc@x", instance="staging")
