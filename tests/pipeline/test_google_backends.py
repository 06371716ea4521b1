"""Gmail inbox/outbox and Drive delivery through the real google-api-python-client, answered by
its own HTTP test double (HttpMockSequence): request shapes and our handling, without Google."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from googleapiclient.discovery import build
from googleapiclient.http import HttpMockSequence

from harde.integrations.delivery.gdrive import GoogleDriveDelivery
from harde.integrations.delivery.protocol import Delivered
from harde.integrations.mail.gmail import GmailInbox, GmailOutbox
from harde.integrations.mail.message import OutgoingEmail
from tests.pipeline.conftest import trigger_email

OK = {"status": "200"}


def service(
    api: str, version: str, answers: list[tuple[dict[str, str], Any]]
) -> tuple[Any, HttpMockSequence]:
    http = HttpMockSequence(
        [(head, json.dumps(body) if not isinstance(body, str) else body) for head, body in answers]
    )
    return build(api, version, http=http, static_discovery=True, cache_discovery=False), http


def raw(message_id: str) -> str:
    return base64.urlsafe_b64encode(trigger_email(message_id=message_id)).decode().rstrip("=")


async def test_gmail_inbox_first_lists_unread_then_follows_history(tmp_path: Path) -> None:
    state = tmp_path / "gmail.json"
    gmail, _ = service("gmail", "v1", [
        (OK, {"historyId": "100"}),                                       # getProfile
        (OK, {"messages": [{"id": "m1"}]}),                               # messages.list
        (OK, {"id": "m1", "labelIds": ["INBOX", "UNREAD"], "raw": raw("g-1")}),
        (OK, {"id": "m1"}),                                               # modify (mark read)
        (OK, {"history": [{"messagesAdded": [{"message": {"id": "m2"}}]}], "historyId": "120"}),
        (OK, {"id": "m2", "labelIds": ["INBOX", "UNREAD"], "raw": raw("g-2")}),
    ])  # fmt: skip
    inbox = GmailInbox(gmail, state)

    first = await inbox.fetch_new()
    assert [e.message_id for e in first] == ["g-1@summitridge.example"]
    await inbox.mark_processed(first[0])
    second = await inbox.fetch_new()

    assert [e.message_id for e in second] == ["g-2@summitridge.example"]
    saved = json.loads(state.read_text())
    assert saved == {"history_id": "120", "pending": ["m2"]}


async def test_gmail_inbox_set_aside_stops_fetching_a_message_and_leaves_it_unread(
    tmp_path: Path,
) -> None:
    state = tmp_path / "gmail.json"
    gmail, http = service("gmail", "v1", [
        (OK, {"historyId": "100"}),                                       # getProfile
        (OK, {"messages": [{"id": "m1"}]}),                               # messages.list
        (OK, {"id": "m1", "labelIds": ["INBOX", "UNREAD"], "raw": raw("g-1")}),
        (OK, {"history": [], "historyId": "101"}),                        # the next poll
    ])  # fmt: skip
    inbox = GmailInbox(gmail, state)

    first = await inbox.fetch_new()
    await inbox.set_aside(first[0])
    second = await inbox.fetch_new()

    assert [e.message_id for e in first] == ["g-1@summitridge.example"] and second == []
    assert json.loads(state.read_text()) == {"history_id": "101", "pending": []}
    requested = [uri for uri, *_ in http.request_sequence]
    assert len(requested) == 4 and not [u for u in requested if "modify" in u]  # UNREAD stays
    assert len([u for u in requested if "/messages/m1" in u]) == 1  # m1 is not fetched again


async def test_gmail_inbox_falls_back_to_a_full_listing_when_history_has_expired(
    tmp_path: Path,
) -> None:
    state = tmp_path / "gmail.json"
    state.write_text(json.dumps({"history_id": "5", "pending": []}))
    gmail, _ = service("gmail", "v1", [
        ({"status": "404"}, {"error": {"code": 404, "message": "Requested entity was not found."}}),
        (OK, {"historyId": "900"}),
        (OK, {"messages": [{"id": "m9"}]}),
        (OK, {"id": "m9", "labelIds": ["INBOX", "UNREAD"], "raw": raw("g-9")}),
    ])  # fmt: skip

    found = await GmailInbox(gmail, state).fetch_new()

    assert [e.message_id for e in found] == ["g-9@summitridge.example"]
    assert json.loads(state.read_text())["history_id"] == "900"


async def test_gmail_outbox_sends_raw_and_checks_by_message_id() -> None:
    gmail, _ = service("gmail", "v1", [
        (OK, {"id": "s1", "labelIds": ["SENT"]}),
        (OK, {"messages": [{"id": "s1"}]}),
        (OK, {}),
    ])  # fmt: skip
    outbox = GmailOutbox(gmail)
    await outbox.send(
        OutgoingEmail(
            "primer.abc@summitridge.example",
            "kmurphy@example.com",
            "Video",
            "Hi",
            "hard-e@summitridge.example",
        )
    )

    assert await outbox.was_sent("primer.abc@summitridge.example") is True
    assert await outbox.was_sent("primer.other@summitridge.example") is False


async def test_drive_delivery_reuses_an_existing_upload_and_reports_processing_then_ready(
    tmp_path: Path,
) -> None:
    video = tmp_path / "v.mp4"
    video.write_bytes(b"\x00" * 100)
    drive, _ = service("drive", "v3", [
        (OK, {"files": [{"id": "f1", "webViewLink": "https://drive.example/f1"}]}),  # already uploaded
        (OK, {"id": "p1"}),                                                         # share by link
        (OK, {"id": "f1", "trashed": False}),                                       # no metadata yet
        (OK, {"id": "f1", "trashed": False, "videoMediaMetadata": {"durationMillis": "12000"}}),
    ])  # fmt: skip
    delivery = GoogleDriveDelivery(drive, "folder-1")

    delivered = await delivery.deliver(video, name="primer-1043.mp4")

    assert delivered == Delivered(link="https://drive.example/f1", ref="f1")
    assert await delivery.status(delivered) == "processing"
    assert await delivery.status(delivered) == "ready"
