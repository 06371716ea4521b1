"""Who is asking: the users file, conversations that belong to their owner, approvals only from
the person who asked, one turn at a time per conversation, and a pending write claimed once."""

from __future__ import annotations

import asyncio
import os
import stat
from pathlib import Path

import pytest

from harde.assistant import NOT_FOUND, Assistant
from harde.auth import User
from harde.auth.users import DEMO_PASSWORD, UsersFile, UsersFileError
from harde.config import Settings
from harde.state.audit import AuditLog

DANA = User(username="dwhitaker", name="Dana Whitaker", email="dwhitaker@summitridge.example", role="rep")
MIKE = User(username="mreed", name="Mike Reed", email="mreed@summitridge.example", role="rep")
RACHEL = User(username="rames", name="Rachel Ames", email="rames@summitridge.example", role="director")


# --- the users file ---------------------------------------------------------------------------


def test_a_user_signs_in_with_their_password_only(tmp_path: Path) -> None:
    users = UsersFile(tmp_path / "users.json")
    users.add("Dana", name="Dana Whitaker", email="dwhitaker@summitridge.example", password="correct horse")
    assert users.verify("dana", "correct horse") == User("dana", "Dana Whitaker", "dwhitaker@summitridge.example", "rep")
    assert users.verify("dana", "wrong horse") is None
    assert users.verify("nobody", "correct horse") is None
    assert users.verify("../etc", "x") is None
    raw = (tmp_path / "users.json").read_text()
    assert "correct horse" not in raw and "$argon2id$" in raw
    assert stat.S_IMODE(os.stat(tmp_path / "users.json").st_mode) == 0o600


@pytest.mark.parametrize(
    ("username", "password", "problem"),
    [("dana", "short", "at least 8"), ("Dana Whitaker", "long enough", "lower-case"), ("", "long enough", "lower-case")],
)
def test_bad_users_are_refused_with_a_reason(tmp_path: Path, username: str, password: str, problem: str) -> None:
    with pytest.raises(UsersFileError, match=problem):
        UsersFile(tmp_path / "users.json").add(username, name="X", password=password)


def test_the_demo_users_are_the_fictional_company_and_a_real_user_ends_the_demo(tmp_path: Path) -> None:
    users = UsersFile(tmp_path / "users.json")
    people = [
        {"id": 12, "first_name": "Dana", "last_name": "Whitaker", "email": "dwhitaker@summitridge.example", "title": "Sales Rep"},
        {"id": 19, "first_name": "Rachel", "last_name": "Ames", "email": "rames@summitridge.example", "title": "Sales Director"},
    ]
    assert users.write_demo(people) == 2
    assert users.write_demo(people) == 0  # never over an existing file
    assert users.is_demo
    assert users.verify("rames", DEMO_PASSWORD) == RACHEL
    assert users.verify("dwhitaker", DEMO_PASSWORD) == DANA
    users.add("owner", name="The Owner", password="a real password", role="director")
    assert not users.is_demo
    assert users.find(email="DWHITAKER@summitridge.example") == DANA


def test_a_role_changed_in_the_users_file_is_seen_at_the_next_lookup(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    UsersFile(path).add("dana", name="Dana Whitaker", email="dana@example.com", password="correct horse")
    assert UsersFile(path).find(username="dana") == User("dana", "Dana Whitaker", "dana@example.com", "rep")
    # Edited in place by hand, keeping its inode and size ("rep" and "dir" are as long):
    # the lookups are answered from what was last read only while the file is the same.
    edited = path.read_text().replace('"role": "rep"', '"role": "dir"')
    with path.open("r+", encoding="utf-8") as handle:
        handle.write(edited)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    with pytest.raises(UsersFileError, match="malformed"):
        UsersFile(path).find(username="dana")
    path.write_text(edited.replace('"role": "dir"', '"role": "director"'))
    assert UsersFile(path).find(username="dana") == User("dana", "Dana Whitaker", "dana@example.com", "director")
    path.unlink()
    assert UsersFile(path).find(username="dana") is None


# --- conversations belong to their owner ---------------------------------------------------------


async def test_someone_elses_conversation_is_not_found(settings: Settings) -> None:
    assistant = Assistant(settings)
    mine = await assistant.ask("whats the phone for the nguyen job", "dana-1", user=DANA)
    assert mine.error is None
    theirs = await assistant.ask("and the email?", "dana-1", user=MIKE)
    assert theirs.error == NOT_FOUND and theirs.answer == ""
    assert await assistant.history("dana-1", MIKE) == []
    assert not await assistant.can_open("dana-1", MIKE)
    assert [c.id for c in await assistant.conversations(MIKE)] == []
    assert [c.id for c in await assistant.conversations(DANA)] == ["dana-1"]
    # A director sees everyone's, with whose it is.
    assert [(c.id, c.owner) for c in await assistant.conversations(RACHEL)] == [("dana-1", "dwhitaker")]
    assert len(await assistant.history("dana-1", RACHEL)) == 2
    await assistant.aclose()


async def test_my_calendar_and_my_open_jobs_are_the_signed_in_reps(settings: Settings) -> None:
    assistant = Assistant(settings)
    crm = assistant.services.crm
    dana_jobs = [j for j in await crm.list_jobs(limit=1000) if any(r.id == 12 for r in j.reps)]
    mine = await assistant.ask("what jobs do i have open rn", "d-2", user=DANA)
    assert mine.tools == ["crm_rep_jobs"] and "Dana Whitaker" in mine.answer
    assert any(str(j.id) in mine.answer for j in dana_jobs)
    theirs = await assistant.ask("my open jobs", "m-2", user=MIKE)
    assert "Mike Reed" in theirs.answer and "Dana Whitaker" not in theirs.answer
    calendar = await assistant.ask("whats on my calendar this week", "d-3", user=DANA)
    assert calendar.tools == ["crm_appointments"] and "Dana Whitaker" in calendar.answer
    await assistant.aclose()


# --- approvals -----------------------------------------------------------------------------------


async def test_only_the_person_who_asked_can_approve_and_the_audit_names_them(settings: Settings) -> None:
    assistant = Assistant(settings)
    crm = assistant.services.crm
    first = await assistant.ask("note on job 1043: dumpster arrives friday", "c-1", user=DANA)
    assert "Shall I go ahead" in first.answer
    before = len(await crm.list_notes(1043))
    # A director may open the conversation, but the yes is Dana's to give.
    refused = await assistant.ask("yes", "c-1", user=RACHEL)
    assert "nothing was changed" in refused.answer and len(await crm.list_notes(1043)) == before
    done = await assistant.ask("yes", "c-1", user=DANA)
    assert "job 1043" in done.answer and len(await crm.list_notes(1043)) == before + 1
    assert AuditLog.for_settings(settings).entries()[0]["user"] == "dwhitaker"
    await assistant.aclose()


async def test_two_yeses_at_once_write_once(settings: Settings) -> None:
    assistant = Assistant(settings)
    crm = assistant.services.crm
    await assistant.ask("note on job 1043: two yeses", "c-2", user=DANA)
    before = len(await crm.list_notes(1043))
    first, second = await asyncio.gather(assistant.ask("yes", "c-2", user=DANA), assistant.ask("yes", "c-2", user=DANA))
    assert len(await crm.list_notes(1043)) == before + 1
    answers = sorted([first.answer, second.answer], key=lambda a: "nothing waiting" in a)
    assert "job 1043" in answers[0] and "nothing waiting" in answers[1]
    await assistant.aclose()


async def test_a_yes_turns_after_an_unrelated_request_writes_nothing(settings: Settings) -> None:
    assistant = Assistant(settings)
    crm = assistant.services.crm
    before = len(await crm.list_notes(1043))
    await assistant.ask("note on job 1043: later yes", "c-3", user=DANA)
    await assistant.ask("whats our warranty on workmanship", "c-3", user=DANA)
    await assistant.ask("who's the rep on 1043", "c-3", user=DANA)
    late = await assistant.ask("yes", "c-3", user=DANA)
    assert "nothing" in late.answer.lower() and len(await crm.list_notes(1043)) == before
    await assistant.aclose()


async def test_a_pending_write_is_claimed_once_even_when_its_state_is_replayed(settings: Settings) -> None:
    # A second process that loaded the state before the first one cleared it still cannot run it.
    assistant = Assistant(settings)
    await assistant.ask("note on job 1043: replayed", "c-4", user=DANA)
    stale = await assistant.store.load_state("c-4")
    assert stale is not None and stale.pending_run is not None and stale.pending_run.token
    before = len(await assistant.services.crm.list_notes(1043))
    await assistant.ask("yes", "c-4", user=DANA)
    await assistant.store.save_state("c-4", stale)  # the stale copy written back
    again = await assistant.ask("yes", "c-4", user=DANA)
    assert "nothing waiting" in again.answer
    assert len(await assistant.services.crm.list_notes(1043)) == before + 1
    await assistant.aclose()


async def test_turns_on_one_conversation_run_one_after_the_other(settings: Settings) -> None:
    assistant = Assistant(settings)
    order: list[str] = []
    real = assistant._understand

    async def slow_understand(text: str, *args: object) -> object:
        order.append(f"start {text}")
        await asyncio.sleep(0.2)
        result = await real(text, *args)  # type: ignore[arg-type]
        order.append(f"end {text}")
        return result

    assistant._understand = slow_understand  # type: ignore[method-assign]
    await asyncio.gather(assistant.ask("who is the rep on 1043", "c-5", user=DANA), assistant.ask("and the phone", "c-5", user=DANA))
    assert order in (
        ["start who is the rep on 1043", "end who is the rep on 1043", "start and the phone", "end and the phone"],
        ["start and the phone", "end and the phone", "start who is the rep on 1043", "end who is the rep on 1043"],
    )
    await assistant.aclose()
