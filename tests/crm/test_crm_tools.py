"""The crm specialist's typed tools over the demo LocalCRM: the asked field first, writes audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
from agents import RunContextWrapper

from harde.config import Settings
from harde.context import HardeContext
from harde.services import Services
from harde.state.audit import AuditLog
from harde.tools import crm as tools
from harde.tools.approvals import preview
from harde.tools.registry import load_tools


@pytest.fixture
async def ctx(settings: Settings) -> AsyncIterator[RunContextWrapper[HardeContext]]:
    pinned = settings.model_copy(update={"now": "2026-11-23T09:00"})
    services = Services(pinned)
    context = HardeContext(settings=pinned, services=services, conversation_id="t")
    yield RunContextWrapper(context)
    await services.aclose()


async def test_find_customers_lists_both_johnsons_with_their_jobs(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_find_customers(ctx, name="Johnson")
    for expected in ("Robert Johnson", "Linda Johnson", "Job 1012", "Job 1052", "Job 1027", "customer 101"):
        assert expected in out


async def test_the_asked_field_comes_first(ctx: RunContextWrapper[HardeContext]) -> None:
    phone = await tools.crm_facts(ctx, fields=["phone"], customer_id=102)
    assert phone.startswith("Linda Johnson's phone is **(508) 555-0101**")
    money = await tools.crm_facts(ctx, fields=["balance"], job_id=1021)
    assert money.startswith("The open balance on job 1021") and "$6,267.00" in money
    stage = await tools.crm_facts(ctx, fields=["stage"], job_id=1012)
    assert "**Follow Up**" in stage.splitlines()[0] and "Robert Johnson" in stage


async def test_the_balance_says_what_is_not_invoiced_yet(ctx: RunContextWrapper[HardeContext]) -> None:
    """Sarah Johnson's siding: the deposit paid, the materials invoice open, a third still to bill."""
    out = await tools.crm_facts(ctx, fields=["balance"], job_id=1067)
    assert out.startswith("The open balance on job 1067") and "**$9,200.00**" in out
    assert "A further $9,200.00 of the $27,600.00 contract is not invoiced yet." in out
    settled = await tools.crm_facts(ctx, fields=["balance"], job_id=1021)  # invoiced in full
    assert "not invoiced yet" not in settled


async def test_contract_deposit_and_install(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_facts(ctx, fields=["contract_amount", "install_date"], job_id=1042)
    assert "$25,550.00" in out and "The install on job 1042" in out


async def test_customer_jobs(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_facts(ctx, fields=["jobs"], customer_id=103)
    assert "John Smith has 3 jobs" in out
    assert all(f"Job {n}" in out for n in (1021, 1036, 1058))


async def test_a_reps_open_jobs_leave_out_closed_ones(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_rep_jobs(ctx, rep="Mike Reed")
    assert out.startswith("Mike Reed has **")
    assert "*Completed*" not in out and "*Lost*" not in out and "*Paid & Closed*" not in out
    assert "Which one" in await tools.crm_rep_jobs(ctx, rep="Mike")


async def test_appointments_on_a_day(ctx: RunContextWrapper[HardeContext]) -> None:
    crm = ctx.context.services.crm
    day = dt.date(2026, 11, 24)
    expected = await crm.list_appointments(start=dt.datetime(2026, 11, 24), end=dt.datetime(2026, 11, 25))
    out = await tools.crm_appointments(ctx, start=day)
    assert out.startswith(f"**{len(expected)} appointments**") and len(expected) > 0


async def test_overview_brings_notes_appointments_and_money(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_facts(ctx, fields=["overview"], job_id=1021)
    assert "Latest note" in out and "open balance $6,267.00" in out


async def test_missing_records_are_a_short_message(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_facts(ctx, fields=["stage"], job_id=99999)
    assert out.startswith("I don't have that record")


async def test_note_with_mention_previews_then_writes_once_audited(ctx: RunContextWrapper[HardeContext]) -> None:
    crm = ctx.context.services.crm
    before = len(await crm.list_notes(1043))
    spec = load_tools()["crm_add_note"]
    writes, summary = await preview(spec, ctx.context, {"job_id": 1043, "note": "materials delivered, @Mike Reed please call her"})
    assert writes and "job 1043" in summary and "Mentions: Mike Reed" in summary
    assert len(await crm.list_notes(1043)) == before  # a preview never writes
    done = await tools.crm_add_note(ctx, job_id=1043, note="materials delivered, @Mike Reed please call her")
    assert done.startswith("Done: note")
    assert (await crm.list_notes(1043))[0].note == "materials delivered, @Mike Reed please call her"
    entry = AuditLog.for_settings(ctx.context.settings).entries()[0]
    assert entry["kind"] == "crm_add_note" and entry["ok"] == 1


async def test_ambiguous_or_unknown_mention_is_reported_not_dropped(ctx: RunContextWrapper[HardeContext]) -> None:
    spec = load_tools()["crm_add_note"]
    writes, out = await preview(spec, ctx.context, {"job_id": 1043, "note": "@Mike call her, and @Zed Quill too"})
    assert not writes and "Mike Reed" in out and "Mike Sullivan" in out and "Zed Quill" in out


async def test_stage_change_preview_then_write(ctx: RunContextWrapper[HardeContext]) -> None:
    crm = ctx.context.services.crm
    writes, summary = await preview(load_tools()["crm_change_stage"], ctx.context, {"job_id": 1047, "stage": "Proposal Sent"})
    assert writes and "from **Estimating** to **Proposal Sent**" in summary
    assert (await crm.get_job(1047)).current_stage.name == "Estimating"
    assert "Proposal Sent" in await tools.crm_change_stage(ctx, job_id=1047, stage="Proposal Sent")
    assert (await crm.get_job(1047)).current_stage.name == "Proposal Sent"


async def test_booking_on_a_job_at_an_iso_time(ctx: RunContextWrapper[HardeContext]) -> None:
    start = dt.datetime(2026, 11, 24, 15, 0)
    writes, summary = await preview(
        load_tools()["crm_create_appointment"], ctx.context, {"job_id": 1050, "title": "Inspection", "start": start.isoformat()}
    )
    assert writes and "Tue 24 Nov 2026, 3:00 pm" in summary and "Tuan Nguyen" in summary
    await tools.crm_create_appointment(ctx, job_id=1050, title="Inspection", start=start)
    booked = await ctx.context.services.crm.list_appointments(job_id=1050)
    assert ("Inspection", start) in [(a.title, a.start_date_time) for a in booked]


async def test_booking_in_the_past_is_refused(ctx: RunContextWrapper[HardeContext]) -> None:
    writes, out = await preview(
        load_tools()["crm_create_appointment"], ctx.context, {"job_id": 1050, "title": "Inspection", "start": "2026-11-20T10:00"}
    )
    assert not writes and "in the past" in out
