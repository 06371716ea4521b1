"""LeapCRM against the Leap emulator with injected faults: rate limits, errors, timeouts, pages."""

from __future__ import annotations

import logging
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from harde.config import Settings
from harde.crm.errors import (
    CRMAuthError,
    CRMNotFound,
    CRMRateLimited,
    CRMUnavailable,
    CRMValidationError,
)
from harde.crm.models import CustomerCreate, CustomerQuery, PhoneInput
from harde.crm.progress import crm_progress
from harde.emulators.leap import LeapEmulator
from harde.errors import ConfigurationError
from harde.integrations.crm import make_crm
from harde.integrations.crm.leap import LeapCRM
from harde.integrations.crm.leap_http import RequestRateLimiter
from harde.integrations.crm.local import LocalCRM
from harde.understanding.customer_query import read_customer_query
from tests.crm.leap_backends import TOKEN, FakeClock, seeded_local_crm

JOB_ID = 1021


@pytest.fixture
def local(tmp_path: Path) -> Iterator[LocalCRM]:
    crm = seeded_local_crm(tmp_path)
    yield crm
    crm.close()


@pytest.fixture
def emulator(local: LocalCRM) -> Iterator[LeapEmulator]:
    with LeapEmulator(local, token=TOKEN, requests_per_minute=0) as server:
        yield server


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def leap(emulator: LeapEmulator, clock: FakeClock) -> AsyncIterator[LeapCRM]:
    """LeapCRM whose backoff and limiter waits are recorded by a fake clock, not slept."""
    crm = LeapCRM(emulator.base_url, TOKEN, requests_per_minute=0, sleep=clock.sleep, clock=clock)
    yield crm
    await crm.aclose()


def job_requests(emulator: LeapEmulator, path: str) -> int:
    return sum(1 for r in emulator.requests if r.path == f"/api/v3{path}")


# --- rate limiting -------------------------------------------------------------------------------


async def test_429_waits_retry_after_then_succeeds_and_says_so(
    leap: LeapCRM, emulator: LeapEmulator, clock: FakeClock
) -> None:
    emulator.inject_rate_limit(retry_after=7)
    notes: list[str] = []
    with crm_progress(notes.append):
        job = await leap.get_job(JOB_ID)
    assert job.id == JOB_ID
    assert clock.sleeps and clock.sleeps[0] >= 7
    assert job_requests(emulator, f"/jobs/{JOB_ID}") == 2
    assert notes == ["Leap is rate limiting; retrying in 7 s (attempt 2 of 5)"]


async def test_500_too_many_attempts_is_treated_as_rate_limiting(
    leap: LeapCRM, emulator: LeapEmulator, clock: FakeClock
) -> None:
    emulator.inject_too_many_attempts()
    notes: list[str] = []
    with crm_progress(notes.append):
        job = await leap.get_job(JOB_ID)
    assert job.id == JOB_ID
    assert len(clock.sleeps) == 1 and 0 < clock.sleeps[0] <= 1.0  # backoff: no Retry-After
    assert notes and notes[0].startswith("Leap is rate limiting; retrying in")


async def test_backoff_grows_between_attempts(
    leap: LeapCRM, emulator: LeapEmulator, clock: FakeClock
) -> None:
    emulator.inject_server_error(503, times=3)
    assert (await leap.get_job(JOB_ID)).id == JOB_ID
    assert len(clock.sleeps) == 3
    assert clock.sleeps[0] < clock.sleeps[2]


async def test_rate_limit_that_persists_raises_rate_limited(
    leap: LeapCRM, emulator: LeapEmulator
) -> None:
    emulator.inject_rate_limit(retry_after=2, times=10)
    with pytest.raises(CRMRateLimited) as caught:
        await leap.get_job(JOB_ID)
    assert caught.value.retry_after == 2
    assert job_requests(emulator, f"/jobs/{JOB_ID}") == 5


async def test_server_errors_are_retried_then_reported_as_unavailable(
    leap: LeapCRM, emulator: LeapEmulator
) -> None:
    emulator.inject_server_error(500, times=10)
    with pytest.raises(CRMUnavailable) as caught:
        await leap.list_stages()
    assert "500" in str(caught.value)
    assert job_requests(emulator, "/workflow/stages") == 5


async def test_client_limiter_keeps_to_the_budget_so_the_server_never_refuses(
    local: LocalCRM, clock: FakeClock
) -> None:
    with LeapEmulator(local, token=TOKEN, requests_per_minute=3, clock=clock) as emulator:
        crm = LeapCRM(
            emulator.base_url, TOKEN, requests_per_minute=3, sleep=clock.sleep, clock=clock
        )
        notes: list[str] = []
        try:
            with crm_progress(notes.append):
                for _ in range(5):
                    await crm.list_stages()
        finally:
            await crm.aclose()
    assert len(emulator.requests) == 5  # no 429, so no retry
    assert clock.sleeps == [60.0]
    assert notes == ["Waiting 60 s to stay under Leap's 3 requests a minute"]


async def test_limiter_allows_a_burst_then_spaces_requests(clock: FakeClock) -> None:
    limiter = RequestRateLimiter(3, clock=clock, sleep=clock.sleep)
    for _ in range(7):
        await limiter.acquire()
    assert sum(clock.sleeps) == 120.0


async def test_retry_after_pauses_every_request_in_the_limiter(clock: FakeClock) -> None:
    limiter = RequestRateLimiter(100, clock=clock, sleep=clock.sleep)
    limiter.pause_for(4)
    assert await limiter.acquire() == 4
    assert await limiter.acquire() == 0


# --- errors --------------------------------------------------------------------------------------


async def test_bad_token_says_leap_rejected_it_and_names_the_setting(
    emulator: LeapEmulator,
) -> None:
    crm = LeapCRM(emulator.base_url, "not-the-token", requests_per_minute=0)
    try:
        with pytest.raises(CRMAuthError) as caught:
            await crm.list_stages()
    finally:
        await crm.aclose()
    assert "Leap rejected the API token" in str(caught.value)
    assert "LEAP_API_TOKEN" in str(caught.value)
    assert "not-the-token" not in str(caught.value)
    assert len(emulator.requests) == 1  # a refused token is not retried


async def test_validation_412_carries_fields_in_plain_words(leap: LeapCRM) -> None:
    body = CustomerCreate(first_name="Ada", last_name="Byron", phones=[PhoneInput(number="12-34")])
    with pytest.raises(CRMValidationError) as caught:
        await leap.create_customer(body)
    error = caught.value
    assert error.message == "Validation Failed"
    assert "phones.0.number" in error.validation
    assert "phones.0" not in error.plain()
    assert "Phone 1 number" in error.plain()


async def test_412_no_records_and_both_404_shapes_are_not_found(leap: LeapCRM) -> None:
    with pytest.raises(CRMNotFound, match="No records found!"):
        await leap.get_job(987654)  # Leap answers 412 "No records found!"
    with pytest.raises(CRMNotFound, match="Customer Not Found"):
        await leap.get_customer(987654)  # 404 {"error": {...}}
    with pytest.raises(CRMNotFound, match="Not found"):
        await leap.http.get("/no/such/route")  # 404 {"message": "Not found"}


async def test_412_business_rule_keeps_leaps_message(leap: LeapCRM) -> None:
    job = next(j for j in await leap.list_jobs(limit=0) if not j.awarded_date)
    with pytest.raises(CRMValidationError, match="awarded"):
        await leap.financial_summary(job.id)


async def test_slow_answer_times_out_and_is_retried(emulator: LeapEmulator) -> None:
    crm = LeapCRM(emulator.base_url, TOKEN, requests_per_minute=0, timeout_s=0.3)
    emulator.inject_delay(3.0, path=r"^/workflow/stages$")
    notes: list[str] = []
    try:
        with crm_progress(notes.append):
            stages = await crm.list_stages()
    finally:
        await crm.aclose()
    assert stages
    assert job_requests(emulator, "/workflow/stages") == 2
    assert notes and notes[0].startswith("Leap is slow to answer; retrying")


async def test_dropped_connection_is_retried(leap: LeapCRM, emulator: LeapEmulator) -> None:
    emulator.inject_disconnect()
    assert await leap.list_trades()
    assert job_requests(emulator, "/company/trades") == 2


async def test_unreachable_leap_is_unavailable_after_retries(clock: FakeClock) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    crm = LeapCRM(
        f"http://127.0.0.1:{port}/api/v3", TOKEN, max_attempts=3, sleep=clock.sleep, clock=clock
    )
    try:
        with pytest.raises(CRMUnavailable, match="Could not reach Leap"):
            await crm.list_stages()
    finally:
        await crm.aclose()
    assert len(clock.sleeps) == 2


# --- writes are never doubled --------------------------------------------------------------------


def customer(phone: str = "9785550123") -> CustomerCreate:
    return CustomerCreate(
        first_name="Ada",
        last_name="Byron",
        email="ada.byron@example.org",
        phones=[PhoneInput(number=phone)],
    )


async def test_create_whose_answer_was_lost_is_not_duplicated(
    leap: LeapCRM, emulator: LeapEmulator, local: LocalCRM
) -> None:
    emulator.inject_server_error(502, method="POST", path=r"^/customers$", after_handling=True)
    created = await leap.create_customer(customer())
    matches = await local.find_duplicate_customers(email="ada.byron@example.org")
    assert [c.id for c in matches] == [created.id]
    posts = [r for r in emulator.requests if r.method == "POST"]
    assert len(posts) == 1


async def test_create_after_a_dropped_connection_is_not_duplicated(
    leap: LeapCRM, emulator: LeapEmulator, local: LocalCRM
) -> None:
    emulator.inject_disconnect(method="POST", path=r"^/customers$", after_handling=True)
    created = await leap.create_customer(customer())
    assert [c.id for c in await local.find_duplicate_customers(phone="978-555-0123")] == [
        created.id
    ]


async def test_create_refused_before_landing_is_sent_again(
    leap: LeapCRM, emulator: LeapEmulator, local: LocalCRM
) -> None:
    emulator.inject_rate_limit(retry_after=1, method="POST", path=r"^/customers$")
    created = await leap.create_customer(customer())
    assert [c.id for c in await local.find_duplicate_customers(email="ada.byron@example.org")] == [
        created.id
    ]
    assert len([r for r in emulator.requests if r.method == "POST"]) == 2


async def test_note_whose_answer_was_lost_is_written_once(
    leap: LeapCRM, emulator: LeapEmulator
) -> None:
    emulator.inject_server_error(500, method="POST", path=r"/notes$", after_handling=True)
    note = await leap.add_note(JOB_ID, "Dumpster arrives Thursday.")
    same = [n for n in await leap.list_notes(JOB_ID) if n.note == "Dumpster arrives Thursday."]
    assert [n.id for n in same] == [note.id]


# --- pagination and shapes -------------------------------------------------------------------------


async def test_lists_follow_every_page(
    leap: LeapCRM, emulator: LeapEmulator, local: LocalCRM
) -> None:
    leap.http.page_size = 10
    jobs = await leap.list_jobs(limit=0)
    everything = await local.list_jobs(limit=0)
    assert [j.id for j in jobs] == [j.id for j in everything]
    pages = [r.query["page"][0] for r in emulator.requests if r.path == "/api/v3/jobs"]
    assert pages == [str(n) for n in range(1, len(everything) // 10 + 2)]


async def test_a_limit_stops_at_the_page_that_fills_it(
    leap: LeapCRM, emulator: LeapEmulator
) -> None:
    leap.http.page_size = 10
    assert len(await leap.list_jobs(limit=15)) == 15
    assert job_requests(emulator, "/jobs") == 2


async def test_emulator_caps_page_size_at_100(emulator: LeapEmulator) -> None:
    async with httpx.AsyncClient() as client:
        answer = await client.get(
            f"{emulator.base_url}/appointments",
            params={"limit": 500},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
    pagination = answer.json()["meta"]["pagination"]
    assert pagination["per_page"] == 100
    assert pagination["count"] == min(pagination["total"], 100)


async def test_emulator_answers_leaps_error_and_rate_limit_shapes(local: LocalCRM) -> None:
    with LeapEmulator(local, token=TOKEN, requests_per_minute=2) as emulator:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        async with httpx.AsyncClient(base_url=emulator.base_url + "/") as client:
            refused = await client.get("workflow/stages")
            first = await client.get("workflow/stages", headers=auth)
            unknown = await client.get("nothing/here", headers=auth)
            over = await client.get("workflow/stages", headers=auth)
            missing = await client.get("jobs/987654", headers=auth)
    assert refused.status_code == 401
    assert refused.json() == {"error": {"status_code": 401, "message": "Unauthenticated."}}
    assert first.headers["X-RateLimit-Limit"] == "2"
    assert first.headers["X-RateLimit-Remaining"] == "1"
    assert unknown.status_code == 404 and unknown.json() == {"message": "Not found"}
    assert over.status_code == 429 and int(over.headers["Retry-After"]) >= 1
    assert over.headers["X-RateLimit-Remaining"] == "0"
    assert missing.status_code == 429  # still over the limit


async def test_emulator_nests_included_collections(emulator: LeapEmulator) -> None:
    async with httpx.AsyncClient() as client:
        answer = await client.get(
            f"{emulator.base_url}/jobs/{JOB_ID}",
            params=[("includes[]", "trades"), ("includes[]", "customer")],
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
    job = answer.json()["data"]
    assert isinstance(job["trades"]["data"], list)
    assert job["customer"]["id"] == job["customer_id"]
    assert "reps" not in job  # not asked for


# --- choosing the backend ----------------------------------------------------------------------------


async def test_make_crm_builds_leap_from_settings(tmp_path: Path, emulator: LeapEmulator) -> None:
    settings = Settings(
        _env_file=None,
        data_dir=tmp_path / "var",
        crm="leap",
        leap_base_url=emulator.base_url,
        leap_api_token=TOKEN,
    )
    crm = make_crm(settings)
    try:
        assert isinstance(crm, LeapCRM)
        assert (await crm.get_job(JOB_ID)).id == JOB_ID
    finally:
        await crm.aclose()


def test_leap_without_a_token_is_a_configuration_error(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path / "var", crm="leap")
    with pytest.raises(ConfigurationError, match="LEAP_API_TOKEN"):
        make_crm(settings)


async def test_logs_carry_neither_token_nor_customer_details(
    leap: LeapCRM, emulator: LeapEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    emulator.inject_rate_limit(retry_after=1)
    with caplog.at_level(logging.DEBUG):
        await leap.search_customers(CustomerQuery(name="Patrick Walsh"))
        await leap.search_customers(read_customer_query("pwalsh@example.org"))
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "/customers" in text  # the requests were logged ...
    for secret in (TOKEN, "Walsh", "pwalsh", "example.org"):
        assert secret not in text  # ... without what they were about
