"""Which job a trigger email means, resolved through the real local CRM with the demo company."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from harde.config import Settings
from harde.integrations.crm.local import LocalCRM, load_demo
from harde.understanding.trigger import customer_name, job_reference, read_trigger
from harde.workflows.resolve import resolve_job


@pytest.fixture
async def crm(settings: Settings) -> AsyncIterator[LocalCRM]:
    load_demo(settings)
    local = LocalCRM(settings.data_dir / "crm.sqlite3")
    yield local
    await local.aclose()


@pytest.mark.parametrize(
    ("text", "ref", "name"),
    [
        ("Please produce Primer Video for Sarah Johnson, job 1043", "1043", "Sarah Johnson"),
        (
            "please produce primer video for Kathleen Murphy (job #2609-1043)",
            "2609-1043",
            "Kathleen Murphy",
        ),
        ("Please produce Primer Video for job 1043", "1043", None),
        ("Please produce Primer Video for Theresa Sweeney", None, "Theresa Sweeney"),
        ("PLEASE PRODUCE PRIMER VIDEO FOR the Wong job", None, "Wong"),
    ],
)
def test_reference_and_name_are_read_the_way_people_write_them(
    text: str, ref: str | None, name: str | None
) -> None:
    assert job_reference(text) == ref
    assert customer_name(text) == name


async def test_job_number_alone_resolves(crm: LocalCRM) -> None:
    res = await resolve_job(crm, read_trigger("Please produce Primer Video for job 2609-1043"))
    assert (res.status, res.job_id) == ("ok", 1043)


async def test_name_with_one_job_resolves(crm: LocalCRM) -> None:
    res = await resolve_job(crm, read_trigger("Please produce Primer Video for Kathleen Murphy"))
    assert (res.status, res.job_id) == ("ok", 1043)


async def test_name_with_two_jobs_is_ambiguous_and_lists_both(crm: LocalCRM) -> None:
    res = await resolve_job(crm, read_trigger("Please produce Primer Video for Theresa Sweeney"))
    assert res.status == "ambiguous" and res.job_id is None
    assert len(res.candidates) == 2


async def test_number_and_name_that_disagree_are_ambiguous(crm: LocalCRM) -> None:
    res = await resolve_job(crm, read_trigger("Please produce Primer Video for Theresa Sweeney, job 1043"))
    assert res.status == "ambiguous"


async def test_unknown_customer_is_not_found(crm: LocalCRM) -> None:
    res = await resolve_job(crm, read_trigger("Please produce Primer Video for Zebulon Quackenbush"))
    assert res.status == "not_found"
