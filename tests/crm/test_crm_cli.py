"""`harde crm customers|jobs|job` through click's CliRunner, on the demo CRM."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from harde.cli import main
from harde.config import get_settings


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()  # the conftest points HARDE_DATA_DIR at this test's folder
    yield
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["crm", *args])
    return result.exit_code, result.output


def test_customers_query_prints_both_johnsons() -> None:
    code, out = run("customers", "Johnson")
    assert code == 0 and "Robert Johnson" in out and "Linda Johnson" in out


def test_customers_json_without_query_lists_everyone() -> None:
    code, out = run("customers", "--json")
    assert code == 0 and len(json.loads(out)) >= 40


def test_jobs_json_for_a_customer_has_the_promised_fields() -> None:
    code, out = run("jobs", "--json", "--customer", "John Smith")
    rows = json.loads(out)
    assert code == 0 and {r["id"] for r in rows} == {1021, 1036, 1058}
    assert {"id", "number", "name", "customer", "stage", "trade"} <= set(rows[0])
    assert {r["customer"] for r in rows} == {"John Smith"}


def test_jobs_by_stage_as_people_say_it() -> None:
    code, out = run("jobs", "--json", "--stage", "proposal sent")
    assert code == 0 and {r["stage"] for r in json.loads(out)} == {"Proposal Sent"}


def test_ambiguous_customer_is_an_error_that_lists_both() -> None:
    code, out = run("jobs", "--customer", "Johnson")
    assert code != 0 and "Robert Johnson" in out and "Linda Johnson" in out


def test_job_shows_the_overview_and_json() -> None:
    code, out = run("job", "1021")
    assert code == 0 and "Job 1021" in out and "$6,267.00" in out
    code, out = run("job", "--json", "1021")
    data = json.loads(out)
    assert code == 0 and data["id"] == 1021 and data["financials"]["open_balance"] == 6267.0


def test_missing_job_exits_with_a_message() -> None:
    code, out = run("job", "99999")
    assert code != 0 and "No records found" in out
