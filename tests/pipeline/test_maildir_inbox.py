"""The Maildir drop folder under the daemon: what leaves new/, what is quarantined, when the
watchdog is fed. None of these start a run, so no DBOS is needed."""

from __future__ import annotations

import asyncio
import ctypes
import logging
import os
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from harde.config import Settings
from harde.integrations.mail import MaildirInbox, TriggerEmail, inbox_dir
from harde.workflows.daemon import InboxDaemon, SystemdNotifier
from tests.pipeline.conftest import UNPARSABLE, drop_email, pipeline_settings_for, trigger_email

NOBODY = 65534


@pytest.fixture
def settings(short_tmp: Path) -> Settings:
    return pipeline_settings_for(short_tmp)


@pytest.fixture
def notify_socket(short_tmp: Path) -> Iterator[tuple[str, Callable[[], list[str]]]]:
    """A datagram socket standing in for systemd's NOTIFY_SOCKET: (path, read what arrived)."""
    path = short_tmp / "notify.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.setblocking(False)

    def received() -> list[str]:
        messages = []
        while True:
            try:
                messages.append(sock.recv(4096).decode())
            except BlockingIOError:
                return messages

    try:
        yield str(path), received
    finally:
        sock.close()


def _pipeline_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "harde.pipeline"]


async def test_a_non_trigger_email_is_moved_to_cur_and_left_unread(settings: Settings) -> None:
    inbox = MaildirInbox(inbox_dir(settings))
    dropped = drop_email(inbox.path, trigger_email("Lunch on Friday?", message_id="not-ours"))
    daemon = InboxDaemon(settings, inbox, SystemdNotifier(""))

    assert await daemon.poll_once() == 0

    assert list((inbox.path / "new").iterdir()) == []
    # In cur/ without the Seen flag: a mail reader still shows it as unread.
    assert [p.name for p in (inbox.path / "cur").iterdir()] == [f"{dropped.name}:2,"]
    assert await inbox.fetch_new() == []


async def test_waiting_wakes_for_new_mail_not_for_a_message_the_last_poll_saw(
    settings: Settings,
) -> None:
    inbox = MaildirInbox(inbox_dir(settings))
    drop_email(inbox.path, trigger_email(message_id="still-waiting"))  # say its run failed to start
    assert len(await inbox.fetch_new()) == 1

    waiting = asyncio.ensure_future(inbox.wait_for_mail(60))
    await asyncio.sleep(0.6)  # three looks at new/
    assert not waiting.done()
    drop_email(inbox.path, trigger_email(message_id="fresh"))
    await asyncio.wait_for(waiting, timeout=30)


def _fetch_with_the_file_rights_of(uid: int, inbox: MaildirInbox) -> list[TriggerEmail]:
    """Poll in a thread whose file-system uid is `uid` (Linux setfsuid, this thread only), the way
    the daemon reads the folder as the service user. Root would read any file."""
    result: list[list[TriggerEmail]] = []
    failure: list[BaseException] = []

    def poll() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.setfsuid(uid)
        try:
            assert libc.setfsuid(uid) == uid, "setfsuid did not take"
            result.append(asyncio.run(inbox.fetch_new()))
        except BaseException as exc:
            failure.append(exc)
        finally:
            libc.setfsuid(0)

    thread = threading.Thread(target=poll)
    thread.start()
    thread.join(timeout=60)
    if failure:
        raise failure[0]
    return result[0]


def _make_folder(path: Path) -> None:
    path.mkdir()
    path.chmod(0o777)  # moving a folder to another parent rewrites its "..": the user needs write
    (path / "1.eml").write_bytes(trigger_email())


def _make_pipe(path: Path) -> None:
    os.mkfifo(path)  # reading it would block the poll for ever


def _make_link(path: Path) -> None:
    path.symlink_to("/etc/hostname")  # never followed out of the folder


def _make_unreadable_file(path: Path) -> None:
    path.write_bytes(trigger_email(message_id="mode-000"))
    path.chmod(0)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_make_folder, "a folder"),
        (_make_pipe, "not a regular file"),
        (_make_link, "a symbolic link"),
        (_make_unreadable_file, "Permission denied"),
    ],
    ids=["folder", "pipe", "symlink", "unreadable-file"],
)
async def test_an_unreadable_entry_is_quarantined_with_one_log_line_and_later_polls_work(
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
    make: Callable[[Path], None],
    reason: str,
) -> None:
    inbox = MaildirInbox(inbox_dir(settings))
    as_root = os.geteuid() == 0
    if as_root:  # let the service user's rights apply to the folder, as in production
        for folder in (settings.data_dir.parent, *reversed(inbox.path.parents[:3])):
            folder.chmod(0o755)
        for folder in (inbox.path, inbox.path / "new", inbox.path / "cur"):
            folder.chmod(0o777)
    make(inbox.path / "new" / "bad-entry")
    drop_email(inbox.path, trigger_email(message_id="good-1"))
    caplog.set_level(logging.INFO, logger="harde.pipeline")

    def poll() -> list[TriggerEmail]:
        return _fetch_with_the_file_rights_of(NOBODY, inbox) if as_root else asyncio.run(inbox.fetch_new())

    found = await asyncio.to_thread(poll)

    assert [e.message_id for e in found] == ["good-1@summitridge.example"]
    assert "bad-entry" not in {p.name for p in (inbox.path / "new").iterdir()}
    assert [p.name for p in inbox.quarantine.iterdir()] == ["bad-entry"]
    lines = _pipeline_lines(caplog)
    assert len(lines) == 1 and "bad-entry" in lines[0] and reason in lines[0], lines

    drop_email(inbox.path, trigger_email(message_id="good-2"))
    for _ in range(3):
        found = await asyncio.to_thread(poll)
        assert [e.message_id for e in found] == [
            "good-1@summitridge.example", "good-2@summitridge.example",
        ]  # fmt: skip
    assert len(_pipeline_lines(caplog)) == 1


async def test_an_unreadable_entry_that_cannot_be_moved_is_logged_once_and_skipped(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = MaildirInbox(inbox_dir(settings))
    inbox.quarantine.write_text("")  # a file where the quarantine folder should be
    (inbox.path / "new" / "bad-entry").mkdir()
    drop_email(inbox.path, trigger_email(message_id="good-1"))
    caplog.set_level(logging.INFO, logger="harde.pipeline")

    for _ in range(3):
        assert [e.message_id for e in await inbox.fetch_new()] == ["good-1@summitridge.example"]

    assert (inbox.path / "new" / "bad-entry").is_dir()
    lines = _pipeline_lines(caplog)
    assert len(lines) == 1 and "bad-entry" in lines[0] and "could not be moved" in lines[0], lines
    # Nor does it wake the daemon: only new mail does.
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(inbox.wait_for_mail(60), timeout=0.6)


async def test_a_message_that_cannot_be_parsed_is_quarantined_and_kept(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = MaildirInbox(inbox_dir(settings))
    bad = drop_email(inbox.path, UNPARSABLE)
    drop_email(inbox.path, trigger_email(message_id="good-1"))
    caplog.set_level(logging.INFO, logger="harde.pipeline")

    assert [e.message_id for e in await inbox.fetch_new()] == ["good-1@summitridge.example"]
    assert [e.message_id for e in await inbox.fetch_new()] == ["good-1@summitridge.example"]

    assert (inbox.path / "quarantine" / bad.name).read_bytes() == UNPARSABLE
    lines = _pipeline_lines(caplog)
    assert len(lines) == 1 and "LookupError" in lines[0], lines


async def test_the_watchdog_is_fed_only_after_a_poll_that_read_the_inbox(
    settings: Settings, notify_socket: tuple[str, Callable[[], list[str]]]
) -> None:
    path, received = notify_socket
    inbox = MaildirInbox(inbox_dir(settings))
    daemon = InboxDaemon(settings, inbox, SystemdNotifier(path))

    (inbox.path / "new").rmdir()  # the inbox cannot be read
    assert await daemon.poll_once() is None
    assert await daemon.poll_once() is None
    assert received() == []

    (inbox.path / "new").mkdir()
    assert await daemon.poll_once() == 0
    assert received() == ["WATCHDOG=1"]


async def test_a_failing_inbox_is_polled_once_an_interval_not_in_a_spin(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    inbox = MaildirInbox(inbox_dir(settings))
    (inbox.path / "new").rmdir()  # every poll and every wait for mail fails
    daemon = InboxDaemon(settings, inbox, SystemdNotifier(""))
    caplog.set_level(logging.INFO, logger="harde.pipeline")
    stop = asyncio.Event()

    running = asyncio.ensure_future(daemon.run(stop))
    await asyncio.sleep(1.0)
    stop.set()
    await asyncio.wait_for(running, timeout=30)

    failures = [line for line in _pipeline_lines(caplog) if "poll failed" in line]
    # One a poll interval (0.2 s) at most; a loop that spun wrote thousands.
    assert 1 <= len(failures) <= 1.0 / settings.poll_interval_s + 2, len(failures)
