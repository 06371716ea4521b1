"""The scheduled sweep removes temp folders that finished or crashed runs left behind, and only those."""

from __future__ import annotations

import os
import time

from dbos import DBOS

from harde.workflows import runtime
from harde.workflows.pipeline import PrimerPipeline
from harde.workflows.primer import SWEEP_WORKFLOW_NAME, sweep_orphans


async def test_sweep_removes_old_orphans_and_keeps_fresh_and_running_ones(
    pipeline: PrimerPipeline,
) -> None:
    old = time.time() - 3 * 3600
    orphan = pipeline.workdir("primer-job1-orphan")
    fresh = pipeline.workdir("primer-job2-fresh")
    for folder in (orphan, fresh):
        folder.mkdir(parents=True)
        (folder / "voice.wav").write_bytes(b"RIFF")
    os.utime(orphan, (old, old))
    pipeline.settings.delivery_dir.mkdir(parents=True, exist_ok=True)
    partial = pipeline.settings.delivery_dir / ".primer-x.mp4.part"
    partial.write_bytes(b"\x00")
    os.utime(partial, (old, old))

    removed = await sweep_orphans(pipeline, older_than_s=3600)

    assert removed == {"temp_folders": 1, "partials": 1, "assets": 0}
    assert not orphan.exists() and fresh.exists() and not partial.exists()


async def test_the_sweep_workflow_is_registered_for_the_daemon_schedule(
    pipeline: PrimerPipeline,
) -> None:
    await DBOS.apply_schedules_async([
        {"schedule_name": "harde-primer-sweep", "workflow_fn": runtime.primer_sweep_workflow, "schedule": runtime.SWEEP_SCHEDULE}
    ])  # fmt: skip
    schedule = await DBOS.get_schedule_async("harde-primer-sweep")
    assert schedule is not None and schedule["workflow_name"] == SWEEP_WORKFLOW_NAME
