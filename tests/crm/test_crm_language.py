"""How reps talk: @mentions, stage names, dates and times."""

from __future__ import annotations

import datetime as dt

import pytest

from harde.crm.mentions import encode_mentions, resolve_mentions
from harde.crm.models import Stage, User
from harde.crm.stages import resolve_stage
from harde.understanding.when import parse_range, parse_when

USERS = [
    User(id=11, first_name="Mike", last_name="Reed"),
    User(id=16, first_name="Mike", last_name="Sullivan"),
    User(id=18, first_name="Erin", last_name="Kowalski"),
]
NAMES = [
    "Lead",
    "Estimating",
    "Proposal Sent",
    "Follow Up",
    "Contract Signed",
    "Scheduled",
    "In Progress",
    "Completed",
    "Paid & Closed",
    "Lost",
]
STAGES = [Stage(id=i, code=str(1000 + i), name=n, position=i) for i, n in enumerate(NAMES, 1)]
MONDAY = dt.datetime(2026, 11, 23, 21, 0)


def test_full_name_mention_resolves_and_stops_before_the_next_word() -> None:
    text = "materials delivered, @Mike Reed please call her"
    resolution = resolve_mentions(text, USERS)
    assert [m.user.id for m in resolution.resolved if m.user] == [11]
    assert encode_mentions(text, resolution) == text


def test_first_name_shared_by_two_users_is_ambiguous_not_guessed() -> None:
    resolution = resolve_mentions("@Mike can you check", USERS)
    assert not resolution.complete
    assert "Mike Reed" in resolution.problems()[0] and "Mike Sullivan" in resolution.problems()[0]


def test_unknown_and_misspelt_mentions_are_reported_with_suggestions() -> None:
    problems = resolve_mentions("@Mike Reid and @Bob Jones", USERS).problems()
    assert any("Mike Reid" in p and "Did you mean Mike Reed" in p for p in problems)
    assert any("Bob Jones" in p for p in problems)


def test_lowercase_mention_is_written_with_the_users_name() -> None:
    text = "@erin send the invoice"
    assert encode_mentions(text, resolve_mentions(text, USERS)) == "@Erin Kowalski send the invoice"


@pytest.mark.parametrize(
    ("said", "stage"),
    [
        ("proposal sent", "Proposal Sent"),
        ("Proposal", "Proposal Sent"),
        ("signed", "Contract Signed"),
        ("done", "Completed"),
        ("follow-up", "Follow Up"),
        ("started", "In Progress"),
        ("paid", "Paid & Closed"),
        ("the scheduled stage", "Scheduled"),
    ],
)
def test_stage_names_as_people_say_them(said: str, stage: str) -> None:
    resolved = resolve_stage(said, STAGES).stage
    assert resolved is not None and resolved.name == stage


def test_unknown_stage_lists_the_real_stages() -> None:
    resolution = resolve_stage("purple", STAGES)
    assert resolution.stage is None and "Proposal Sent" in resolution.problem(STAGES)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Tuesday at 3pm", dt.datetime(2026, 11, 24, 15)),
        ("tomorrow morning", dt.datetime(2026, 11, 24, 9)),
        ("Dec 3 at 2:30 pm", dt.datetime(2026, 12, 3, 14, 30)),
        ("12/4 at 10", dt.datetime(2026, 12, 4, 10)),
        ("Monday 9am", dt.datetime(2026, 11, 30, 9)),
        ("Jan 5 at 1pm", dt.datetime(2027, 1, 5, 13)),
    ],
)
def test_dates_and_times_become_concrete(words: str, expected: dt.datetime) -> None:
    when = parse_when(words, MONDAY)
    assert when is not None and when.has_time and when.at == expected


def test_a_day_without_a_time_is_flagged_and_ranges_are_bounded() -> None:
    when = parse_when("on Friday", MONDAY)
    assert when is not None and not when.has_time
    start, end, _ = parse_range("next week", MONDAY)
    assert (start, end) == (dt.datetime(2026, 11, 30), dt.datetime(2026, 12, 7))


async def test_company_lists_are_fetched_once_per_ttl() -> None:
    from harde.crm.directory import CompanyDirectory

    class CountingCRM:
        calls = 0

        async def list_stages(self) -> list[Stage]:
            CountingCRM.calls += 1
            return STAGES

        async def list_users(self) -> list[User]:
            return USERS

        async def list_trades(self) -> list[object]:
            return []

    clock = [0.0]
    directory = CompanyDirectory(CountingCRM(), ttl_s=60, clock=lambda: clock[0])  # type: ignore[arg-type]
    await directory.resolve_stage("proposal sent")
    await directory.resolve_stage("scheduled")
    assert CountingCRM.calls == 1
    clock[0] = 61
    await directory.stages()
    assert CountingCRM.calls == 2


def test_company_now_reads_the_company_zone_and_survives_a_bad_name() -> None:
    from harde.crm.when import company_now

    boston = company_now("America/New_York")
    utc = company_now("UTC")
    assert abs((utc - boston) - dt.timedelta(hours=5)) <= dt.timedelta(hours=1, minutes=1)
    assert company_now("Not/AZone").tzinfo is None
