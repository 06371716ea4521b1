"""The same workflow with Postgres as the workflow store and ledger (one URL setting)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from harde.integrations.mail import outbox_dir
from harde.workflows import runtime
from harde.workflows.pipeline import build_pipeline
from tests.conftest import require_service
from tests.pipeline.conftest import pipeline_settings_for, seed_data_dir
from tests.pipeline.outbox_reading import sent_to

pytestmark = pytest.mark.postgres

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"


async def test_workflow_runs_and_is_visible_through_the_store_on_postgres(
    tmp_path: Path, brand_cache: Path
) -> None:
    require_service("PostgreSQL", "127.0.0.1", 5432)
    settings = pipeline_settings_for(tmp_path, workflow_db_url=PG_URL)
    seed_data_dir(settings, brand_cache)
    pipeline = build_pipeline(settings)
    workflow_id = f"primer-pgtest-{uuid.uuid4().hex[:10]}"
    try:
        _, result = await runtime.run_one(settings, pipeline, 1043, workflow_id=workflow_id)
    finally:
        await pipeline.aclose()

    assert result["outcome"] == "done"
    assert len(sent_to(outbox_dir(settings), "kmurphy@example.com")) == 1
    store = runtime.WorkflowStore(settings)
    try:
        run = store.get_run(workflow_id)
    finally:
        store.close()
    assert run is not None and run.status == "SUCCESS" and run.link == result["link"]
    assert [s.name for s in run.steps][:3] == ["resolve_job", "claim_job", "fetch_context"]
    engine = sa.create_engine(settings.workflow_db_url)
    try:
        with engine.connect() as conn:
            states = (
                conn.execute(
                    sa.text("select state from harde_send_ledger where run_id = :r"),
                    {"r": workflow_id},
                )
                .scalars()
                .all()
            )
    finally:
        engine.dispose()
    assert states == ["sent"]
