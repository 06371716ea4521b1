"""Pointed at a Leap-compatible server (the emulator) by HARDE_CRM, LEAP_BASE_URL and
LEAP_API_TOKEN, the assistant answers a job-status question from that server's data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from agents import RunContextWrapper

from harde import Assistant
from harde.config import Settings
from harde.context import HardeContext
from harde.emulators.leap import LeapEmulator
from harde.integrations.crm.leap import LeapCRM
from harde.integrations.crm.local import LocalCRM
from harde.services import Services
from harde.tools.crm import crm_facts
from tests.crm.leap_backends import TOKEN, seeded_local_crm

JOHNSON_ROOF_JOB = 1012


@pytest.fixture
def served(tmp_path: Path) -> Iterator[LocalCRM]:
    """The data behind the emulator (tests change it there, so only Leap can know)."""
    crm = seeded_local_crm(tmp_path / "served")
    yield crm
    crm.close()


@pytest.fixture
def leap_settings(
    served: LocalCRM, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Settings]:
    with LeapEmulator(served, token=TOKEN) as emulator:
        monkeypatch.setenv("HARDE_CRM", "leap")
        monkeypatch.setenv("LEAP_BASE_URL", emulator.base_url)
        monkeypatch.setenv("LEAP_API_TOKEN", TOKEN)
        yield Settings(_env_file=None, data_dir=tmp_path / "var", llm="offline")


async def _move_johnson_job(served: LocalCRM) -> str:
    stages = await served.list_stages()
    signed = next(s for s in stages if "contract" in s.name.casefold())
    await served.change_stage(JOHNSON_ROOF_JOB, signed.code)
    return signed.name


async def test_crm_tool_answers_job_status_from_leap(
    leap_settings: Settings, served: LocalCRM
) -> None:
    stage = await _move_johnson_job(served)
    services = Services(leap_settings)
    ctx = HardeContext(settings=leap_settings, services=services, conversation_id="t")
    try:
        assert isinstance(services.crm, LeapCRM)
        answer = await crm_facts(RunContextWrapper(ctx), fields=["stage"], job_id=JOHNSON_ROOF_JOB)
    finally:
        await services.aclose()
    assert f"job {JOHNSON_ROOF_JOB}" in answer.casefold()
    assert stage in answer


async def test_assistant_answers_job_status_from_leap(
    leap_settings: Settings, served: LocalCRM
) -> None:
    stage = await _move_johnson_job(served)
    assistant = Assistant(leap_settings)
    try:
        turn = await assistant.ask("What's the status of the Johnson roof job?")
    finally:
        await assistant.aclose()
    assert turn.agent == "crm"
    assert f"job {JOHNSON_ROOF_JOB}" in turn.answer.casefold()
    assert stage in turn.answer
