"""LeapCRM and the crm tools against a strict stand-in written from LEAP_API.md alone (not our
emulator): documented endpoints and shapes only, other ids, optional fields left out."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from agents import RunContextWrapper

from harde import Assistant
from harde.config import Settings
from harde.context import HardeContext
from harde.crm.errors import CRMNotFound, CRMUnsupported, CRMValidationError
from harde.crm.models import AppointmentCreate, CustomerCreate, CustomerQuery, JobCreate, PhoneInput
from harde.integrations.crm.leap import LeapCRM
from harde.services import Services
from harde.tools import crm as tools
from harde.tools.approvals import preview
from harde.tools.registry import load_tools
from harde.understanding.customer_query import read_customer_query
from tests.crm.leap_standin import STANDIN_TOKEN, LeapStandIn


@pytest.fixture
def standin() -> Iterator[LeapStandIn]:
    with LeapStandIn() as server:
        yield server


@pytest.fixture
def leap_settings(standin: LeapStandIn, tmp_path: Path) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        data_dir=tmp_path / "var",
        llm="offline",
        crm="leap",
        leap_base_url=standin.base_url,
        leap_api_token=STANDIN_TOKEN,
    )


@pytest.fixture
async def crm(standin: LeapStandIn) -> AsyncIterator[LeapCRM]:
    client = LeapCRM(standin.base_url, STANDIN_TOKEN, max_attempts=2)
    yield client
    await client.aclose()


@pytest.fixture
async def ctx(leap_settings: Settings) -> AsyncIterator[RunContextWrapper[HardeContext]]:
    services = Services(leap_settings)
    context = HardeContext(settings=leap_settings, services=services, conversation_id="t")
    assert isinstance(services.crm, LeapCRM)
    yield RunContextWrapper(context)
    await services.aclose()


# --- the client on its own -------------------------------------------------------------------


async def test_jobs_read_with_null_name_archived_and_unknown_stage(crm: LeapCRM) -> None:
    jobs = await crm.list_jobs(customer_id=5012)
    assert [j.id for j in jobs] == [5304, 5303, 5302]  # newest first, as Leap answers
    unknown = next(j for j in jobs if j.id == 5303)
    assert unknown.current_stage.name == "Unknown" and unknown.current_stage.code is None
    assert all(not j.archived for j in jobs)
    roof = await crm.get_job(5302)
    assert roof.number == "JB-23-0412" and roof.trade_names == "Roofing"


async def test_customer_with_null_address_no_phones_and_no_rep(crm: LeapCRM) -> None:
    smith = await crm.get_customer(5012)
    assert smith.full_name == "John Smith"
    assert smith.address is None and smith.phones == [] and smith.rep is None
    condo = await crm.get_customer(5014)
    assert condo.full_name == "Harbor View Condominiums"


async def test_missing_records_are_not_found(crm: LeapCRM) -> None:
    with pytest.raises(CRMNotFound):
        await crm.get_job(9999)
    with pytest.raises(CRMNotFound):
        await crm.get_customer(9999)


async def test_search_by_name_phone_email_and_job_number(crm: LeapCRM) -> None:
    assert [c.id for c in await crm.search_customers(CustomerQuery(name="Margaret Johnson"))] == [5011]
    assert [c.id for c in await crm.search_customers(read_customer_query("(508) 555-0142"))] == [5011]
    assert [c.id for c in await crm.search_customers(read_customer_query("js@example.org"))] == [5013]
    assert [c.id for c in await crm.search_customers(read_customer_query("JB-24-0911"))] == [5013]


async def test_notes_are_read_across_pages_newest_first(crm: LeapCRM) -> None:
    notes = await crm.list_notes(5301)
    assert len(notes) == 12
    assert notes[0].note.startswith("Sent the proposal")


async def test_note_added_and_edited(crm: LeapCRM, standin: LeapStandIn) -> None:
    note = await crm.add_note(5301, "Margaret asked for a copper drip edge")
    assert note.job_id == 5301 and note.note.endswith("drip edge")
    edited = await crm.update_note(note.id, "Margaret asked for an aluminium drip edge")
    assert edited.note.endswith("aluminium drip edge")


async def test_financials_from_invoices_when_the_summary_fields_are_unknown(
    crm: LeapCRM,
) -> None:
    money = await crm.financial_summary(5302)
    assert money.open_balance == 4250.50
    assert money.total_invoiced == 18400.0
    assert money.total_paid == 14149.5
    with pytest.raises(CRMValidationError):
        await crm.financial_summary(5301)  # not awarded: 412


async def test_company_lists(crm: LeapCRM) -> None:
    assert len(await crm.list_users()) == 13
    assert next(s.name for s in await crm.list_stages()) == "Lead"
    assert {t.id for t in await crm.list_trades()} == {41, 42, 43, 44, 24}
    assert {r.name for r in await crm.list_referrals()} == {"Neighbour", "Lawn sign"}
    states = await crm.list_states()
    assert next(s for s in states if s.code == "MA").id == 21


async def test_appointments_read_and_created(crm: LeapCRM) -> None:
    upcoming = await crm.list_appointments(customer_id=5011)
    assert [a.id for a in upcoming] == [5601]
    made = await crm.create_appointment(
        AppointmentCreate(
            title="Gutter measure", full_day=1, date=upcoming[0].starts.date(), customer_id=5012
        )  # type: ignore[union-attr]
    )
    assert made.title == "Gutter measure"


async def test_customer_and_job_created_with_documented_bodies(crm: LeapCRM) -> None:
    customer = await crm.create_customer(
        CustomerCreate(
            first_name="Ellen",
            last_name="Park",
            phones=[PhoneInput(label="cell", number="978-555-0177")],
        )
    )
    job = await crm.create_job(
        JobCreate(customer_id=customer.id, trades=[41], description="Reroof")
    )
    assert job.customer_id == customer.id and job.trade_names == "Roofing"


async def test_stage_change_is_reported_as_unsupported(crm: LeapCRM) -> None:
    with pytest.raises(CRMUnsupported, match="stage"):
        await crm.change_stage(5301, "sg7734")


async def test_proposals_endpoint_missing_is_unsupported(crm: LeapCRM) -> None:
    with pytest.raises(CRMUnsupported):
        await crm.list_proposals(5301)


async def test_writes_answered_with_a_message_only_are_read_back() -> None:
    with LeapStandIn(bare_writes=True) as server:
        crm = LeapCRM(server.base_url, STANDIN_TOKEN, max_attempts=2)
        try:
            customer = await crm.create_customer(
                CustomerCreate(
                    first_name="Ellen",
                    last_name="Park",
                    email="ellen.park@example.org",
                    phones=[PhoneInput(label="cell", number="978-555-0177")],
                )
            )
            job = await crm.create_job(
                JobCreate(customer_id=customer.id, trades=[43], description="Gutter guards")
            )
            edited = await crm.update_note(5811, "Proposal sent; decision next week")
            moved = await crm.create_appointment(
                AppointmentCreate(
                    title="Gutter measure",
                    start_date_time=dt.datetime(2031, 5, 6, 9, 0),
                    end_date_time=dt.datetime(2031, 5, 6, 10, 0),
                    customer_id=customer.id,
                )
            )
        finally:
            await crm.aclose()
    assert customer.full_name == "Ellen Park"
    assert job.customer_id == customer.id and job.description == "Gutter guards"
    assert edited.id == 5811 and edited.note.startswith("Proposal sent;")
    assert moved.title == "Gutter measure"


async def test_optional_nulls_are_left_out_of_write_bodies(
    crm: LeapCRM, standin: LeapStandIn
) -> None:
    customer = await crm.create_customer(
        CustomerCreate(first_name="Ravi", last_name="Das", phones=[PhoneInput(number="6175550123")])
    )
    await crm.create_job(JobCreate(customer_id=customer.id, trades=[41], description="Reroof"))
    sent = {path: body for method, path, body in standin.bodies if method == "POST"}
    posted = sent["/api/v3/customers"]
    assert {k for k, v in posted.items() if v is None} <= {"email"}
    assert posted["phones"] == [{"label": "cell", "number": "6175550123", "ext": ""}]
    assert None not in sent["/api/v3/jobs"].values()


# --- the tools -------------------------------------------------------------------------------


async def test_status_of_the_johnson_roof_job(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_facts(ctx, fields=["stage", "phone"], job_id=5301)
    assert "Job 5301" in out and "Proposal Out" in out
    assert "(508) 555-0142" in out  # the customer read apart: nested includes are undocumented


async def test_all_jobs_for_john_smith(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_facts(ctx, fields=["jobs"], customer_id=5012)
    assert "John Smith has 3 jobs" in out
    assert all(f"Job {n}" in out for n in (5302, 5303, 5304))
    assert "Unknown" in out


async def test_open_balance_on_a_job(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_facts(ctx, fields=["balance"], job_id=5302)
    assert "$4,250.50" in out


async def test_open_balance_before_award_says_so(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_facts(ctx, fields=["balance"], job_id=5301)
    assert "Traceback" not in out and "5301" in out


async def test_notes_and_overview(ctx: RunContextWrapper[HardeContext]) -> None:
    notes = await tools.crm_facts(ctx, fields=["notes"], job_id=5301)
    assert "Sent the proposal" in notes
    overview = await tools.crm_facts(ctx, fields=["appointments"], job_id=5301)
    assert "Roof walk with Margaret" in overview


async def test_find_customers_by_name(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_find_customers(ctx, name="Margaret Johnson")
    assert "Margaret Johnson" in out and "5301" in out


async def test_note_added_after_the_reps_yes(ctx: RunContextWrapper[HardeContext], standin: LeapStandIn) -> None:
    writes, summary = await preview(load_tools()["crm_add_note"], ctx.context, {"job_id": 5301, "note": "@Dana Kowalczyk call her Friday"})
    assert writes, summary
    assert not any(m == "POST" for m, _ in standin.requests)
    done = await tools.crm_add_note(ctx, job_id=5301, note="@Dana Kowalczyk call her Friday")
    assert "Traceback" not in done
    assert ("POST", "/api/v3/jobs/5301/notes") in standin.requests
    assert any("call her Friday" in n["note"] for n in standin.db["notes"])


async def test_stage_change_degrades_to_a_clear_message(ctx: RunContextWrapper[HardeContext]) -> None:
    done = await tools.crm_change_stage(ctx, job_id=5301, stage="Contract Signed")
    assert "stage changes" in done and "Traceback" not in done
    again = await tools.crm_change_stage(ctx, job_id=5302, stage="Completed")
    assert "does not expose stage changes" in again


async def test_proposals_degrade_to_a_clear_message(ctx: RunContextWrapper[HardeContext]) -> None:
    out = await tools.crm_facts(ctx, fields=["proposals"], job_id=5301)
    assert "proposal" in out.casefold() and "Traceback" not in out


async def test_company_list_tools(ctx: RunContextWrapper[HardeContext]) -> None:
    assert "Proposal Out" in await tools.crm_list_stages(ctx)
    assert "Roofing" in await tools.crm_list_trades(ctx)
    assert "Dana Kowalczyk" in await tools.crm_list_users(ctx)


async def test_assistant_answers_job_status_from_the_standin(leap_settings: Settings) -> None:
    assistant = Assistant(leap_settings)
    try:
        turn = await assistant.ask("What's the status of the Johnson roof job?")
    finally:
        await assistant.aclose()
    assert turn.agent == "crm"
    assert "job 5301" in turn.answer.casefold() and "Proposal Out" in turn.answer
