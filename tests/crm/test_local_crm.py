"""LocalCRM: the demo company, fuzzy search, Leap-like validation, threads."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from harde.config import Settings
from harde.crm.errors import CRMNotFound, CRMValidationError
from harde.crm.models import (
    AppointmentCreate,
    AppointmentUpdate,
    CustomerCreate,
    CustomerQuery,
    CustomerUpdate,
    PhoneInput,
)
from harde.integrations.crm import make_crm
from harde.integrations.crm.local import LocalCRM, load_demo, run_sync
from harde.understanding.customer_query import read_customer_query
from tests.crm.leap_backends import seeded_local_crm


@pytest.fixture
def crm(tmp_path: Path) -> Iterator[LocalCRM]:
    local = seeded_local_crm(tmp_path)
    yield local
    local.close()


def test_load_demo_is_idempotent_and_reset_reloads(settings: Settings) -> None:
    first = load_demo(settings)
    assert "47 customers" in first and "65 jobs" in first
    assert load_demo(settings).startswith("already loaded")
    assert load_demo(settings, reset=True).startswith("loaded")


def test_make_crm_gives_a_loaded_local_crm_by_default(settings: Settings) -> None:
    crm = make_crm(settings)
    assert isinstance(crm, LocalCRM)
    assert crm.counts()["jobs"] >= 60
    crm.close()


async def test_demo_company_covers_every_stage_and_the_four_trades(crm: LocalCRM) -> None:
    jobs = await crm.list_jobs(limit=1000)
    customers = await crm.search_customers(read_customer_query(""), limit=1000)
    assert len(customers) >= 40 and len(jobs) >= 60
    stages = await crm.list_stages()
    per_stage = Counter(j.current_stage.code for j in jobs)
    assert all(per_stage[s.code] >= 1 for s in stages)
    trades = {t.name for j in jobs for t in j.trades}
    assert {"Roofing", "Siding", "Gutters", "Windows"} <= trades
    assert all(c.address and c.address.state in {"MA", "NH", "RI"} for c in customers)


async def test_search_by_name_is_fuzzy_and_lists_every_johnson(crm: LocalCRM) -> None:
    assert {c.full_name for c in await crm.search_customers(CustomerQuery(name="Johnson"))} == {
        "Robert Johnson",
        "Linda Johnson",
        "Sarah Johnson",
    }
    assert {c.full_name for c in await crm.search_customers(CustomerQuery(name="Jonhson"))} >= {
        "Robert Johnson",
        "Linda Johnson",
    }
    assert [c.full_name for c in await crm.search_customers(read_customer_query("the Nguyens"))] == ["Tuan Nguyen"]


async def test_search_by_phone_in_any_format_email_and_job_number(crm: LocalCRM) -> None:
    smith = (await crm.search_customers(CustomerQuery(name="John Smith")))[0]
    digits = smith.phones[0].digits
    for written in (
        digits,
        f"({digits[:3]}) {digits[3:6]}-{digits[6:]}",
        f"1-{digits[:3]}.{digits[3:6]}.{digits[6:]}",
    ):
        assert [c.id for c in await crm.search_customers(read_customer_query(written))] == [smith.id]
    assert [c.id for c in await crm.search_customers(read_customer_query(smith.email) or "")] == [smith.id]
    assert [c.full_name for c in await crm.search_customers(read_customer_query("job 1043"))] == ["Kathleen Murphy"]


async def test_list_jobs_filters_by_customer_stage_trade_and_number(crm: LocalCRM) -> None:
    smith = (await crm.search_customers(CustomerQuery(name="John Smith")))[0]
    assert {j.id for j in await crm.list_jobs(customer_id=smith.id)} == {1021, 1036, 1058}
    proposal = next(s for s in await crm.list_stages() if s.name == "Proposal Sent")
    in_proposal = await crm.list_jobs(stage_codes=[proposal.code])
    assert in_proposal and all(j.current_stage.name == "Proposal Sent" for j in in_proposal)
    gutters = await crm.list_jobs(trade_ids=[10])
    assert gutters and all(any(t.id == 10 for t in j.trades) for j in gutters)
    job = await crm.get_job(1043)
    assert [j.id for j in await crm.list_jobs(job_number=job.number)] == [1043]


async def test_missing_records_raise_not_found(crm: LocalCRM) -> None:
    with pytest.raises(CRMNotFound):
        await crm.get_job(99999)
    with pytest.raises(CRMNotFound):
        await crm.get_customer(99999)
    with pytest.raises(CRMNotFound):
        await crm.update_note(99999, "x")


async def test_invalid_customer_carries_leap_validation_fields(crm: LocalCRM) -> None:
    bad = CustomerCreate(first_name="Ann", last_name="", phones=[PhoneInput(number="555-12")])
    with pytest.raises(CRMValidationError) as caught:
        await crm.create_customer(bad)
    assert set(caught.value.validation) == {"last_name", "phones.0.number"}
    assert "Phone 1 number" in caught.value.plain()


async def test_financial_summary_of_job_1021_has_an_open_balance(crm: LocalCRM) -> None:
    summary = await crm.financial_summary(1021)
    assert summary.open_balance == pytest.approx(6267.0)
    assert summary.total_invoiced == pytest.approx(summary.total_paid + summary.open_balance)
    with pytest.raises(CRMValidationError):
        await crm.financial_summary(1050)  # a lead: not awarded yet


async def test_archived_job_refuses_a_stage_change(crm: LocalCRM) -> None:
    lost = next(j for j in await crm.list_jobs(limit=1000) if j.archived)
    stages = await crm.list_stages()
    with pytest.raises(CRMValidationError, match="archived"):
        await crm.change_stage(lost.id, stages[0].code)


async def test_moving_an_appointment_keeps_its_length(crm: LocalCRM) -> None:
    start = dt.datetime(2026, 12, 1, 10, 0)
    made = await crm.create_appointment(
        AppointmentCreate(
            title="Inspection",
            start_date_time=start,
            end_date_time=start + dt.timedelta(minutes=90),
            customer_id=105,
            job_ids=[1050],
        )
    )
    moved = await crm.update_appointment(
        made.id, AppointmentUpdate(start_date_time=start + dt.timedelta(days=1))
    )
    assert moved.end_date_time == start + dt.timedelta(days=1, minutes=90)
    assert [a.id for a in await crm.list_appointments(job_id=1050)] == [made.id]


async def test_threads_share_one_crm_without_losing_writes(crm: LocalCRM) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                run_sync(crm.add_note(1043, f"thread {n} note {i}"))
                run_sync(crm.search_customers(CustomerQuery(name="Murphy")))
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    before = len(await crm.list_notes(1043))
    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(await crm.list_notes(1043)) == before + 40


async def test_a_second_connection_sees_new_customers(crm: LocalCRM, tmp_path: Path) -> None:
    other = LocalCRM(crm.path)
    created = await other.create_customer(
        CustomerCreate(
            first_name="Harriet", last_name="Quimby", phones=[PhoneInput(number="7815550199")]
        )
    )
    assert [c.id for c in await crm.search_customers(CustomerQuery(name="Harriet Quimby"))] == [created.id]
    other.close()


def _full_reads(crm: LocalCRM) -> list[str]:
    """Every statement on the CRM's connection that reads the whole customer table."""
    seen: list[str] = []
    crm._db.set_trace_callback(lambda sql: seen.append(sql) if sql.strip() == "SELECT data FROM customers" else None)
    return seen


async def test_writes_update_the_lookups_without_reading_every_customer(crm: LocalCRM, tmp_path: Path) -> None:
    await crm.search_customers(CustomerQuery(name="Murphy"))  # the first look reads everyone
    full = _full_reads(crm)
    created = await crm.create_customer(
        CustomerCreate(first_name="Harriet", last_name="Quimby", email="hq@example.com", phones=[PhoneInput(number="7815550199")])
    )
    other = LocalCRM(crm.path)
    await other.update_customer(created.id, CustomerUpdate(last_name="Earhart", phones=[PhoneInput(label="cell", number="6175550123")]))
    other.close()
    assert [c.id for c in await crm.search_customers(CustomerQuery(name="Harriet Earhart"))] == [created.id]
    assert [c.id for c in await crm.search_customers(read_customer_query("(617) 555-0123"))] == [created.id]
    assert await crm.search_customers(read_customer_query("781-555-0199")) == []
    assert [c.id for c in await crm.find_duplicate_customers(email="HQ@example.com")] == [created.id]
    assert [c.id for c in await crm.find_duplicate_customers(phone="+1 617 555 0123")] == [created.id]
    assert full == []


async def test_a_reader_behind_the_pruned_change_log_reads_everything_again(
    crm: LocalCRM, monkeypatch: pytest.MonkeyPatch
) -> None:
    import harde.integrations.crm.local as local

    await crm.search_customers(CustomerQuery(name="Murphy"))
    monkeypatch.setattr(local, "CHANGES_KEPT", 5)
    other = LocalCRM(crm.path)
    for n in range(12):
        await other.update_customer(101, CustomerUpdate(first_name=f"Robert{n}"))
    other.close()
    full = _full_reads(crm)
    assert (await crm.get_customer(101)).first_name == "Robert11"
    assert len(full) == 1


async def test_a_jobs_appointments_follow_the_appointments_jobs(crm: LocalCRM) -> None:
    start = dt.datetime(2026, 12, 2, 9, 0)
    made = await crm.create_appointment(
        AppointmentCreate(title="Measure", start_date_time=start, end_date_time=start + dt.timedelta(hours=1), customer_id=105, job_ids=[1050])
    )
    await crm.update_appointment(made.id, AppointmentUpdate(job_ids=[1043]))
    assert made.id not in [a.id for a in await crm.list_appointments(job_id=1050)]
    assert made.id in [a.id for a in await crm.list_appointments(job_id=1043)]


async def test_a_file_from_before_the_appointment_lookup_gets_it_on_opening(crm: LocalCRM) -> None:
    expected = [a.id for a in await crm.list_appointments(job_id=1012)]
    assert expected
    crm._db.execute("DROP TABLE appointment_jobs")  # as the file was before the lookup existed
    crm.close()
    reopened = LocalCRM(crm.path)
    assert [a.id for a in await reopened.list_appointments(job_id=1012)] == expected
    reopened.close()
