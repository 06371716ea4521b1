"""Gmail API inbox (history-based) and outbox, through google-api-python-client.

The inbox keeps a history cursor and the ids it has seen but not yet processed in a small
JSON file; the UNREAD label stays the truth about what is processed, so a lost cursor only
costs one full listing.
"""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path
from typing import Any

from googleapiclient.errors import HttpError

from harde.integrations.mail.message import OutgoingEmail, TriggerEmail, parse_email
from harde.integrations.mail.protocol import MailError

GMAIL_SCOPES = ["https://www.googleapis.com/auth/gmail.modify"]
NUM_RETRIES = 4  # googleapiclient retries 429/5xx/connection errors with exponential backoff


def build_gmail_service(service_account_file: Path, user: str, timeout_s: float = 30.0) -> Any:
    """A Gmail v1 service acting as `user` through a service account with domain-wide delegation."""
    import google_auth_httplib2
    import httplib2
    from google.oauth2 import service_account
    from googleapiclient.discovery import build

    creds = service_account.Credentials.from_service_account_file(
        str(service_account_file), scopes=GMAIL_SCOPES, subject=user
    )
    http = google_auth_httplib2.AuthorizedHttp(creds, http=httplib2.Http(timeout=timeout_s))
    return build("gmail", "v1", http=http, cache_discovery=False)


class GmailInbox:
    name = "gmail"

    def __init__(
        self, service: Any, state_path: Path, *, query: str = "in:inbox is:unread"
    ) -> None:
        self.service = service
        self.state_path = state_path
        self.query = query

    # --- cursor ----------------------------------------------------------------------------
    def _load(self) -> dict[str, Any]:
        try:
            state: dict[str, Any] = json.loads(self.state_path.read_text())
            return state
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    def _save(self, state: dict[str, Any]) -> None:
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state))
        tmp.replace(self.state_path)

    # --- TriggerInbox ----------------------------------------------------------------------
    async def fetch_new(self) -> list[TriggerEmail]:
        return await asyncio.to_thread(self._fetch_new)

    def _fetch_new(self) -> list[TriggerEmail]:
        users = self.service.users()
        state = self._load()
        pending: list[str] = list(state.get("pending", []))
        try:
            if state.get("history_id"):
                ids, history_id = self._history_since(str(state["history_id"]))
            else:
                ids, history_id = self._full_listing()
        except HttpError as exc:
            if exc.resp.status == 404:  # cursor too old: Gmail keeps about a week of history
                ids, history_id = self._full_listing()
            else:
                raise MailError("Gmail", f"history request failed ({exc.resp.status})") from exc
        for mid in ids:
            if mid not in pending:
                pending.append(mid)
        found: list[TriggerEmail] = []
        still_pending: list[str] = []
        for mid in pending:
            try:
                msg = (
                    users.messages()
                    .get(userId="me", id=mid, format="raw")
                    .execute(num_retries=NUM_RETRIES)
                )
            except HttpError as exc:
                if exc.resp.status == 404:
                    continue  # deleted since
                raise MailError("Gmail", f"message fetch failed ({exc.resp.status})") from exc
            if "UNREAD" not in msg.get("labelIds", []) or "INBOX" not in msg.get("labelIds", []):
                continue
            raw = base64.urlsafe_b64decode(msg["raw"] + "=" * (-len(msg["raw"]) % 4))
            found.append(parse_email(raw, source_ref=mid))
            still_pending.append(mid)
        self._save({"history_id": history_id, "pending": still_pending})
        return found

    def _history_since(self, start: str) -> tuple[list[str], str]:
        users = self.service.users()
        ids: list[str] = []
        latest = start
        token = None
        while True:
            resp = (
                users.history()
                .list(
                    userId="me",
                    startHistoryId=start,
                    historyTypes=["messageAdded"],
                    labelId="INBOX",
                    pageToken=token,
                )
                .execute(num_retries=NUM_RETRIES)
            )
            for record in resp.get("history", []):
                for added in record.get("messagesAdded", []):
                    mid = added["message"]["id"]
                    if mid not in ids:
                        ids.append(mid)
            latest = str(resp.get("historyId", latest))
            token = resp.get("nextPageToken")
            if not token:
                return ids, latest

    def _full_listing(self) -> tuple[list[str], str]:
        users = self.service.users()
        profile = users.getProfile(userId="me").execute(num_retries=NUM_RETRIES)
        ids: list[str] = []
        token = None
        while True:
            resp = (
                users.messages()
                .list(userId="me", q=self.query, pageToken=token)
                .execute(num_retries=NUM_RETRIES)
            )
            ids.extend(m["id"] for m in resp.get("messages", []))
            token = resp.get("nextPageToken")
            if not token:
                break
        ids.reverse()  # the API lists newest first
        return ids, str(profile["historyId"])

    async def mark_processed(self, email: TriggerEmail) -> None:
        await asyncio.to_thread(self._mark, email.source_ref)

    def _mark(self, mid: str) -> None:
        self.service.users().messages().modify(
            userId="me", id=mid, body={"removeLabelIds": ["UNREAD"]}
        ).execute(num_retries=NUM_RETRIES)
        self._forget(mid)

    async def set_aside(self, email: TriggerEmail) -> None:
        await asyncio.to_thread(self._forget, email.source_ref)

    def _forget(self, mid: str) -> None:
        state = self._load()
        state["pending"] = [p for p in state.get("pending", []) if p != mid]
        self._save(state)

    async def wait_for_mail(self, timeout_s: float) -> None:
        # Push (Pub/Sub watch) needs a public endpoint; polling history is cheap.
        await asyncio.sleep(timeout_s)

    async def aclose(self) -> None:
        return None


class GmailOutbox:
    name = "gmail"

    def __init__(self, service: Any) -> None:
        self.service = service

    async def send(self, email: OutgoingEmail) -> None:
        raw = base64.urlsafe_b64encode(email.to_bytes()).decode()
        try:
            await asyncio.to_thread(
                self.service.users().messages().send(userId="me", body={"raw": raw}).execute,
                num_retries=NUM_RETRIES,
            )
        except HttpError as exc:
            raise MailError("Gmail", f"send failed ({exc.resp.status})") from exc

    async def was_sent(self, message_id: str) -> bool | None:
        try:
            resp = await asyncio.to_thread(
                self.service.users()
                .messages()
                .list(userId="me", q=f"rfc822msgid:{message_id}", includeSpamTrash=True)
                .execute,
                num_retries=NUM_RETRIES,
            )
        except HttpError:
            return None  # cannot tell: the ledger fails closed
        return bool(resp.get("messages"))

    async def aclose(self) -> None:
        return None
