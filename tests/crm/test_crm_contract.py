"""The CRM contract: LocalCRM directly and LeapCRM over the Leap emulator pass the same tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from harde.crm.errors import CRMNotFound, CRMValidationError
from harde.crm.models import (
    AppointmentCreate,
    AppointmentUpdate,
    CustomerCreate,
    CustomerQuery,
    CustomerUpdate,
    JobCreate,
    PhoneInput,
    ProspectCreate,
    ProspectJob,
)
from harde.crm.protocol import CRM
from harde.emulators.leap import LeapEmulator
from harde.integrations.crm.leap import LeapCRM
from harde.understanding.customer_query import read_customer_query
from tests.crm.leap_backends import TOKEN, seeded_local_crm

MISSING_ID = 987654


@pytest.fixture(params=["local", "leap"])
async def crm(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[CRM]:
    local = seeded_local_crm(tmp_path)
    if request.param == "local":
        yield local
        local.close()
        return
    with LeapEmulator(local, token=TOKEN, requests_per_minute=0) as emulator:
        leap = LeapCRM(emulator.base_url, TOKEN, requests_per_minute=0, max_attempts=2)
        try:
            yield leap
        finally:
            await leap.aclose()
    local.close()


def new_customer(**changes: object) -> CustomerCreate:
    base: dict[str, object] = {
        "first_name": "Harriet",
        "last_name": "Quimby",
        "email": "hquimby@example.org",
        "phones": [PhoneInput(label="cell", number="(781) 555-0199")],
        "address": {"address": "12 Elm St", "city": "Lexington", "state_id": 21, "zip": "02420"},
        "referred_by_type": "website",
    }
    base.update(changes)
    return CustomerCreate.model_validate(base)


async def test_crm_satisfies_the_protocol(crm: CRM) -> None:
    assert isinstance(crm, CRM)


# --- customers ---------------------------------------------------------------------------------


async def test_search_finds_the_family_named_the_way_people_say_it(crm: CRM) -> None:
    found = await crm.search_customers(read_customer_query("the Johnson roof job"))
    assert found
    assert {c.last_name for c in found} == {"Johnson"}


async def test_search_offers_closest_names_for_a_misspelling(crm: CRM) -> None:
    found = await crm.search_customers(CustomerQuery(name="Jonson"))
    assert found
    assert found[0].last_name == "Johnson"


async def test_search_finds_plural_family_names(crm: CRM) -> None:
    found = await crm.search_customers(read_customer_query("the Nguyens"))
    assert [c.last_name for c in found][:1] == ["Nguyen"]


async def test_search_by_phone_in_any_format(crm: CRM) -> None:
    target = (await crm.search_customers(CustomerQuery(name="Patrick Walsh")))[0]
    digits = target.phones[0].digits
    formatted = f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    assert [c.id for c in await crm.search_customers(read_customer_query(formatted))] == [target.id]


async def test_search_by_email_ignores_case(crm: CRM) -> None:
    target = (await crm.search_customers(CustomerQuery(name="Patrick Walsh")))[0]
    assert target.email
    found = await crm.search_customers(read_customer_query(target.email.upper()))
    assert [c.id for c in found] == [target.id]


async def test_search_by_job_number_finds_the_jobs_customer(crm: CRM) -> None:
    job = (await crm.list_jobs(limit=1))[0]
    found = await crm.search_customers(read_customer_query(f"job {job.id}"))
    assert job.customer_id in [c.id for c in found]


async def test_search_for_nobody_finds_nothing(crm: CRM) -> None:
    assert await crm.search_customers(CustomerQuery(name="Zebulon Xanthopoulos")) == []


async def test_get_customer_has_phones_address_and_rep(crm: CRM) -> None:
    found = (await crm.search_customers(CustomerQuery(name="Patrick Walsh")))[0]
    customer = await crm.get_customer(found.id)
    assert customer.full_name == "Patrick Walsh"
    assert customer.phones and customer.phones[0].digits
    assert customer.address is not None and customer.address.state == "MA"
    assert customer.address.state_id == 21


async def test_get_missing_customer_is_not_found(crm: CRM) -> None:
    with pytest.raises(CRMNotFound):
        await crm.get_customer(MISSING_ID)


async def test_created_customer_is_found_as_duplicate_by_email_and_phone(crm: CRM) -> None:
    created = await crm.create_customer(new_customer())
    assert created.id and created.full_name == "Harriet Quimby"
    assert created.address is not None and created.address.state == "MA"
    by_email = await crm.find_duplicate_customers(email="HQuimby@example.org")
    by_phone = await crm.find_duplicate_customers(phone="781.555.0199")
    assert [c.id for c in by_email] == [created.id]
    assert [c.id for c in by_phone] == [created.id]
    assert await crm.find_duplicate_customers(email="nobody@example.org") == []


async def test_invalid_phone_is_a_validation_error_naming_the_field(crm: CRM) -> None:
    with pytest.raises(CRMValidationError) as caught:
        await crm.create_customer(new_customer(phones=[PhoneInput(number="555-12")]))
    assert "phones.0.number" in caught.value.validation
    assert "Phone 1 number" in caught.value.plain()


async def test_missing_last_name_is_a_validation_error(crm: CRM) -> None:
    with pytest.raises(CRMValidationError) as caught:
        await crm.create_customer(new_customer(last_name=""))
    assert "last_name" in caught.value.validation


async def test_update_customer_changes_only_what_is_given(crm: CRM) -> None:
    created = await crm.create_customer(new_customer())
    updated = await crm.update_customer(created.id, CustomerUpdate(email="harriet@example.org"))
    assert updated.email == "harriet@example.org"
    assert updated.last_name == "Quimby"
    assert [p.digits for p in updated.phones] == ["7815550199"]


async def test_create_prospect_with_a_job_starts_at_the_first_stage(crm: CRM) -> None:
    roofing = next(t for t in await crm.list_trades() if t.name == "Roofing")
    result = await crm.create_prospect(
        ProspectCreate.model_validate(
            new_customer().model_dump()
            | {"job": ProspectJob(trades=[roofing.id], description="Ice dam damage").model_dump()}
        )
    )
    assert len(result.job_ids) == 1
    job = await crm.get_job(result.job_ids[0])
    first = (await crm.list_stages())[0]
    assert job.customer_id == result.customer.id
    assert job.current_stage.code == first.code == result.first_stage_code


# --- jobs --------------------------------------------------------------------------------------


async def test_jobs_of_a_customer_are_theirs_newest_first(crm: CRM) -> None:
    walsh = (await crm.search_customers(CustomerQuery(name="Patrick Walsh")))[0]
    jobs = await crm.list_jobs(customer_id=walsh.id)
    assert jobs and {j.customer_id for j in jobs} == {walsh.id}
    stamps = [j.created_at for j in jobs if j.created_at]
    assert stamps == sorted(stamps, reverse=True)


async def test_jobs_filter_by_stage_and_trade(crm: CRM) -> None:
    stage = (await crm.list_stages())[0]
    roofing = next(t for t in await crm.list_trades() if t.name == "Roofing")
    in_stage = await crm.list_jobs(stage_codes=[stage.code])
    roof_jobs = await crm.list_jobs(trade_ids=[roofing.id])
    assert in_stage and all(j.current_stage.code == stage.code for j in in_stage)
    assert roof_jobs and all(roofing.id in [t.id for t in j.trades] for j in roof_jobs)


async def test_job_list_honours_the_limit(crm: CRM) -> None:
    assert len(await crm.list_jobs(limit=3)) == 3
    assert len(await crm.list_jobs(limit=0)) >= 60


async def test_get_job_has_stage_trades_customer_and_address(crm: CRM) -> None:
    listed = (await crm.list_jobs(limit=1))[0]
    job = await crm.get_job(listed.id)
    assert job.current_stage.code and job.current_stage.name != "Unknown"
    assert job.trades and job.customer is not None and job.customer.id == job.customer_id
    assert job.address is not None and job.address.city
    assert job.reps


async def test_get_missing_job_is_not_found(crm: CRM) -> None:
    with pytest.raises(CRMNotFound):
        await crm.get_job(MISSING_ID)


async def test_create_job_for_a_customer(crm: CRM) -> None:
    walsh = (await crm.search_customers(CustomerQuery(name="Patrick Walsh")))[0]
    gutters = next(t for t in await crm.list_trades() if t.name == "Gutters")
    job = await crm.create_job(
        JobCreate(customer_id=walsh.id, trades=[gutters.id], description="Seamless gutters")
    )
    assert job.customer_id == walsh.id and [t.name for t in job.trades] == ["Gutters"]
    assert job.id in [j.id for j in await crm.list_jobs(customer_id=walsh.id)]


async def test_create_job_without_trades_is_a_validation_error(crm: CRM) -> None:
    walsh = (await crm.search_customers(CustomerQuery(name="Patrick Walsh")))[0]
    with pytest.raises(CRMValidationError) as caught:
        await crm.create_job(JobCreate(customer_id=walsh.id, trades=[], description="x"))
    assert "trades" in caught.value.validation


# --- notes and stages --------------------------------------------------------------------------


async def test_new_note_comes_first_and_can_be_edited(crm: CRM) -> None:
    job = (await crm.list_jobs(limit=1))[0]
    note = await crm.add_note(job.id, "Materials delivered; crew starts Monday.")
    notes = await crm.list_notes(job.id)
    assert notes[0].id == note.id and notes[0].note == "Materials delivered; crew starts Monday."
    assert note.job_id == job.id
    edited = await crm.update_note(note.id, "Materials delivered; crew starts Tuesday.")
    assert edited.note.endswith("Tuesday.")
    assert (await crm.list_notes(job.id))[0].note.endswith("Tuesday.")


async def test_empty_note_is_a_validation_error(crm: CRM) -> None:
    job = (await crm.list_jobs(limit=1))[0]
    with pytest.raises(CRMValidationError):
        await crm.add_note(job.id, "   ")


async def test_notes_of_missing_job_are_not_found(crm: CRM) -> None:
    with pytest.raises(CRMNotFound):
        await crm.list_notes(MISSING_ID)
    with pytest.raises(CRMNotFound):
        await crm.add_note(MISSING_ID, "hello")


async def test_change_stage_moves_the_job(crm: CRM) -> None:
    stages = await crm.list_stages()
    job = (await crm.list_jobs(stage_codes=[stages[0].code], limit=1))[0]
    moved = await crm.change_stage(job.id, stages[2].code)
    assert moved.current_stage.code == stages[2].code
    assert moved.current_stage.name == stages[2].name
    assert (await crm.get_job(job.id)).current_stage.code == stages[2].code


async def test_change_to_unknown_stage_is_a_validation_error(crm: CRM) -> None:
    job = (await crm.list_jobs(limit=1))[0]
    with pytest.raises(CRMValidationError):
        await crm.change_stage(job.id, "no-such-stage")


async def test_change_stage_of_missing_job_is_not_found(crm: CRM) -> None:
    stage = (await crm.list_stages())[0]
    with pytest.raises(CRMNotFound):
        await crm.change_stage(MISSING_ID, stage.code)


# --- company lists -------------------------------------------------------------------------------


async def test_stages_come_in_workflow_order(crm: CRM) -> None:
    stages = await crm.list_stages()
    assert len(stages) >= 5
    assert [s.position for s in stages] == sorted(s.position for s in stages)


async def test_company_lists(crm: CRM) -> None:
    trades = {t.name for t in await crm.list_trades()}
    assert {"Roofing", "Siding", "Gutters", "Windows"} <= trades
    users = await crm.list_users()
    assert "Mike Reed" in {u.full_name for u in users}
    assert await crm.list_referrals()


async def test_state_ids_are_leaps(crm: CRM) -> None:
    states = {s.code: s.id for s in await crm.list_states()}
    assert states["MA"] == 21 and states["MO"] == 25


# --- appointments --------------------------------------------------------------------------------


async def test_appointments_in_a_range_come_soonest_first(crm: CRM) -> None:
    everything = await crm.list_appointments()
    assert everything
    middle = everything[len(everything) // 2].starts
    assert middle is not None
    start, end = middle, middle + dt.timedelta(days=7)
    week = await crm.list_appointments(start=start, end=end)
    assert week
    assert all(a.starts is not None and start <= a.starts < end for a in week)
    assert [a.starts for a in week] == sorted(a.starts for a in week if a.starts)


async def test_appointments_of_a_job(crm: CRM) -> None:
    some = next(a for a in await crm.list_appointments() if a.job_ids)
    of_job = await crm.list_appointments(job_id=some.job_ids[0])
    assert some.id in [a.id for a in of_job]
    assert all(some.job_ids[0] in a.job_ids for a in of_job)


async def test_book_and_move_an_appointment(crm: CRM) -> None:
    job = (await crm.list_jobs(limit=1))[0]
    start = dt.datetime(2031, 3, 4, 15, 0)
    booked = await crm.create_appointment(
        AppointmentCreate(
            title="Roof inspection",
            start_date_time=start,
            end_date_time=start + dt.timedelta(hours=1),
            customer_id=job.customer_id,
            job_ids=[job.id],
        )
    )
    assert booked.starts == start and booked.job_ids == [job.id]
    moved = await crm.update_appointment(
        booked.id, AppointmentUpdate(start_date_time=start + dt.timedelta(days=1))
    )
    assert moved.starts == start + dt.timedelta(days=1)
    found = await crm.list_appointments(start=start, end=start + dt.timedelta(days=2))
    assert [a.id for a in found] == [booked.id]


async def test_appointment_without_title_is_a_validation_error(crm: CRM) -> None:
    with pytest.raises(CRMValidationError):
        await crm.create_appointment(
            AppointmentCreate(title="", start_date_time=dt.datetime(2031, 3, 4, 15, 0))
        )


# --- money ---------------------------------------------------------------------------------------


async def test_financial_summary_adds_up(crm: CRM) -> None:
    awarded = [j for j in await crm.list_jobs(limit=0) if j.awarded_date]
    with_invoices = [j for j in awarded if await crm.list_invoices(j.id)]
    job = with_invoices[0]
    summary = await crm.financial_summary(job.id)
    assert summary.job_id == job.id
    assert summary.invoices and summary.contract_amount > 0
    assert summary.open_balance == round(sum(i.open_balance for i in summary.invoices), 2)
    assert summary.total_paid == round(
        sum(p.payment for p in summary.payments if not p.canceled), 2
    )


async def test_financial_summary_of_an_unawarded_job_is_refused(crm: CRM) -> None:
    job = next(j for j in await crm.list_jobs(limit=0) if not j.awarded_date)
    with pytest.raises(CRMValidationError):
        await crm.financial_summary(job.id)


async def test_financial_summary_of_missing_job_is_not_found(crm: CRM) -> None:
    with pytest.raises(CRMNotFound):
        await crm.financial_summary(MISSING_ID)


async def test_proposals_of_a_job(crm: CRM) -> None:
    everything = await crm.list_proposals()
    assert everything
    job_id = next(p.job_id for p in everything if p.job_id)
    assert all(p.job_id == job_id for p in await crm.list_proposals(job_id))


# --- both backends agree ---------------------------------------------------------------------------


async def test_leap_over_the_emulator_answers_what_local_answers(tmp_path: Path) -> None:
    local = seeded_local_crm(tmp_path, "direct.sqlite3")
    served = seeded_local_crm(tmp_path, "served.sqlite3")
    with LeapEmulator(served, token=TOKEN, requests_per_minute=0) as emulator:
        leap = LeapCRM(emulator.base_url, TOKEN, requests_per_minute=0)
        try:
            for query in ("the Johnson roof job", "Jonson", "Linda", "Nguyens", "job 1043"):
                assert await leap.search_customers(read_customer_query(query)) == await local.search_customers(read_customer_query(query))
            jobs = await local.list_jobs(limit=0)
            assert await leap.list_jobs(limit=0) == jobs
            for job in jobs[:5]:
                assert await leap.get_job(job.id) == job
                assert await leap.list_notes(job.id) == await local.list_notes(job.id)
            awarded = next(j for j in jobs if j.awarded_date)
            assert await leap.financial_summary(awarded.id) == await local.financial_summary(
                awarded.id
            )
            assert await leap.list_appointments() == await local.list_appointments()
            assert await leap.list_users() == await local.list_users()
            assert await leap.list_stages() == await local.list_stages()
        finally:
            await leap.aclose()
    local.close()
    served.close()
