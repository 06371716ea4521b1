"""The crm specialist's tools over the demo LocalCRM: reads answer, writes wait for a yes."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
from agents import RunContextWrapper

from harde.config import Settings
from harde.context import HardeContext
from harde.crm.when import WEEKDAYS, company_now
from harde.services import Services
from harde.state.audit import AuditLog
from harde.tools import crm as tools
from harde.tools.confirm import cancel_pending_action, confirm_pending_action


@pytest.fixture
async def ctx(settings: Settings) -> AsyncIterator[RunContextWrapper[HardeContext]]:
    services = Services(settings)
    context = HardeContext(settings=settings, services=services, conversation_id="t")
    yield RunContextWrapper(context)
    await services.aclose()


async def test_two_johnsons_ask_which_and_list_their_jobs(
    ctx: RunContextWrapper[HardeContext],
) -> None:
    out = await tools.crm_search_customers(ctx, query="Johnson")
    assert out.startswith("Which Johnson?")
    for expected in ("Robert Johnson", "Linda Johnson", "Job 1012", "Job 1052", "Job 1027"):
        assert expected in out


async def test_unknown_customer_offers_the_closest_matches(
    ctx: RunContextWrapper[HardeContext],
) -> None:
    out = await tools.crm_search_customers(ctx, query="Jonsen")
    assert "Closest matches" in out and "Johnson" in out


async def test_status_of_the_johnson_roof_job(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_lookup(ctx, query="What's the status of the Johnson roof job?")
    assert out.startswith("**Job 1012**") and "**Follow Up**" in out and "Robert Johnson" in out


async def test_all_jobs_for_john_smith(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_lookup(ctx, query="Show me all jobs for John Smith")
    assert "John Smith** has 3 jobs" in out
    assert all(f"Job {n}" in out for n in (1021, 1036, 1058))


async def test_open_balance_on_job_1021(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_lookup(ctx, query="What's the open balance on job 1021?")
    assert "open balance on **job 1021**" in out and "$6,267.00" in out


async def test_lookup_answers_rep_notes_stage_and_phone_questions(
    ctx: RunContextWrapper[HardeContext],
) -> None:
    assert "Kevin Shea" in await tools.crm_lookup(
        ctx, query="Who is the rep on the Walsh siding job?"
    )
    assert "Notes on job 1043" in await tools.crm_lookup(ctx, query="notes on job 1043")
    in_stage = await tools.crm_lookup(ctx, query="Which jobs are in Proposal Sent?")
    assert "in Proposal Sent" in in_stage and "Job 1039" in in_stage
    assert "Linda Johnson" in await tools.crm_lookup(ctx, query="who is (508) 555-0101?")


async def test_job_overview_brings_notes_appointments_and_money(
    ctx: RunContextWrapper[HardeContext],
) -> None:
    out = await tools.crm_job_overview(ctx, job="job 1021")
    assert "Latest notes" in out and "appointments" in out and "Open balance: $6,267.00" in out


async def test_note_with_mention_is_added_only_after_yes(
    ctx: RunContextWrapper[HardeContext],
) -> None:
    crm = ctx.context.services.crm
    before = len(await crm.list_notes(1043))
    proposal = await tools.crm_add_note(
        ctx, job="job 1043", note="materials delivered, @Mike Reed please call her"
    )
    assert (
        "job 1043" in proposal
        and "Mentions: Mike Reed" in proposal
        and "Shall I go ahead" in proposal
    )
    assert len(await crm.list_notes(1043)) == before
    done = await confirm_pending_action(ctx)
    assert done.startswith("Done: note")
    newest = (await crm.list_notes(1043))[0]
    assert newest.note == "materials delivered, @Mike Reed please call her"
    assert ctx.context.state.pending is None


async def test_ambiguous_or_unknown_mention_is_reported_not_dropped(
    ctx: RunContextWrapper[HardeContext],
) -> None:
    out = await tools.crm_add_note(ctx, job="job 1043", note="@Mike call her, and @Zed Quill too")
    assert "Mike Reed" in out and "Mike Sullivan" in out and "Zed Quill" in out
    assert ctx.context.state.pending is None


async def test_stage_change_runs_after_confirmation_and_is_audited(
    ctx: RunContextWrapper[HardeContext],
) -> None:
    crm = ctx.context.services.crm
    proposal = await tools.crm_change_stage(ctx, job="the Walsh siding job", stage="proposal sent")
    assert "from **Estimating** to **Proposal Sent**" in proposal
    assert (await crm.get_job(1047)).current_stage.name == "Estimating"
    out = await confirm_pending_action(ctx)
    assert "Proposal Sent" in out
    assert (await crm.get_job(1047)).current_stage.name == "Proposal Sent"
    entry = AuditLog.for_settings(ctx.context.settings).entries()[0]
    assert entry["kind"] == "crm_change_stage" and entry["ok"] == 1


async def test_cancel_leaves_the_job_as_it_was(ctx: RunContextWrapper[HardeContext]) -> None:
    await tools.crm_change_stage(ctx, job="job 1033", stage="completed")
    await cancel_pending_action(ctx)
    assert (await ctx.context.services.crm.get_job(1033)).current_stage.name == "In Progress"


async def test_booking_with_the_nguyens_proposes_a_concrete_tuesday(
    ctx: RunContextWrapper[HardeContext],
) -> None:
    today = company_now(ctx.context.settings.timezone).date()
    ahead = (WEEKDAYS["tuesday"] - today.weekday()) % 7 or 7
    tuesday = today + dt.timedelta(days=ahead)
    proposal = await tools.crm_create_appointment(
        ctx, title="inspection", who="the Nguyens", when="Tuesday at 3pm"
    )
    assert f"Tue {tuesday.day} {tuesday:%b %Y}, 3:00 pm" in proposal and "Tuan Nguyen" in proposal
    await confirm_pending_action(ctx)
    booked = await ctx.context.services.crm.list_appointments(job_id=1050)
    assert [(a.title, a.start_date_time) for a in booked] == [
        ("Inspection", dt.datetime.combine(tuesday, dt.time(15)))
    ]


async def test_booking_without_a_time_asks_for_it(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_create_appointment(
        ctx, title="inspection", who="the Nguyens", when="Friday"
    )
    assert out.startswith("What time on") and ctx.context.state.pending is None


async def test_missing_job_is_a_short_message(ctx: RunContextWrapper[HardeContext]) -> None:
    assert await tools.crm_job_details(ctx, job="job 99999") == "There is no job 99999 in the CRM."
