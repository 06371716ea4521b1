"""A run that failed at a step can be retried from the store (as the app page does): the retry
finishes the job and the homeowner still gets exactly one email."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from dbos import DBOS

from harde.config import Settings
from harde.integrations.mail import outbox_dir
from harde.integrations.video import Branding
from harde.integrations.video.ffmpeg import FfmpegError
from harde.integrations.video.ffmpeg_renderer import FfmpegRenderer
from harde.integrations.video.protocol import RenderResult
from harde.workflows import runtime
from harde.workflows.pipeline import build_pipeline
from tests.pipeline.outbox_reading import sent_to


class BreakableRenderer(FfmpegRenderer):
    """The real renderer, failing while `broken` is set (a codec crash, a full disk)."""

    broken = True

    async def render(self, voice: Path, out_path: Path, *, run_key: str) -> RenderResult:
        if self.broken:
            raise FfmpegError("exit 1: simulated encoder crash")
        return await super().render(voice, out_path, run_key=run_key)


async def test_failed_run_is_retried_from_the_store_and_emails_once(
    pipeline_settings: Settings,
) -> None:
    renderer = BreakableRenderer(
        pipeline_settings.data_dir / "cache" / "brand", Branding(pipeline_settings.company_name)
    )
    pipeline = build_pipeline(pipeline_settings, renderer=renderer)
    await runtime.launch(pipeline_settings, pipeline)
    store = runtime.WorkflowStore(pipeline_settings)
    try:
        workflow_id = runtime.new_workflow_id(1043)
        handle = await runtime.start_primer(
            runtime.request_for_job(1043, key=workflow_id, source="test"), workflow_id
        )
        with pytest.raises(Exception, match="render"):
            await handle.get_result()
        failed = await asyncio.to_thread(store.get_run, workflow_id)
        assert failed is not None and failed.status == "ERROR"
        assert [s.status for s in failed.steps if s.name == "render"] == ["failed"]
        assert not any(pipeline.work_root.iterdir())  # cleaned up even though it failed

        renderer.broken = False
        retry_id = await asyncio.to_thread(store.retry, workflow_id)
        result: dict = await (await DBOS.retrieve_workflow_async(retry_id)).get_result()
    finally:
        store.close()
        await asyncio.to_thread(runtime.shutdown)
        await pipeline.aclose()

    assert retry_id != workflow_id and result["outcome"] == "done"
    assert len(sent_to(outbox_dir(pipeline_settings), "kmurphy@example.com")) == 1
