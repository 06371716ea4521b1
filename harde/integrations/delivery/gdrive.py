"""GoogleDriveDelivery: upload to a Drive folder with a service account, share by link, and
report Drive's own processing state (a video plays once Drive has its video metadata)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from googleapiclient.errors import HttpError

from harde.integrations.delivery.protocol import Delivered, DeliveryError, PlayState

DRIVE_SCOPES = ["https://www.googleapis.com/auth/drive.file"]
NUM_RETRIES = 4  # googleapiclient retries 429/5xx/connection errors with exponential backoff


def build_drive_service(service_account_file: Path, timeout_s: float = 60.0) -> Any:
    import google_auth_httplib2
    import httplib2
    from google.oauth2 import service_account
    from googleapiclient.discovery import build

    creds = service_account.Credentials.from_service_account_file(
        str(service_account_file), scopes=DRIVE_SCOPES
    )
    http = google_auth_httplib2.AuthorizedHttp(creds, http=httplib2.Http(timeout=timeout_s))
    return build("drive", "v3", http=http, cache_discovery=False)


class GoogleDriveDelivery:
    name = "gdrive"

    def __init__(self, service: Any, folder_id: str) -> None:
        self.service = service
        self.folder_id = folder_id

    async def deliver(self, video: Path, *, name: str) -> Delivered:
        return await asyncio.to_thread(self._deliver, video, name)

    def _deliver(self, video: Path, name: str) -> Delivered:
        from googleapiclient.http import MediaFileUpload

        files = self.service.files()
        try:
            # Idempotent: a retried step finds the upload it already made.
            query = f"appProperties has {{ key='harde_name' and value='{name}' }} and trashed=false"
            found = files.list(q=query, fields="files(id,webViewLink)", spaces="drive").execute(
                num_retries=NUM_RETRIES
            )
            existing = found.get("files", [])
            if existing:
                file = existing[0]
            else:
                meta: dict[str, Any] = {"name": name, "appProperties": {"harde_name": name}}
                if self.folder_id:
                    meta["parents"] = [self.folder_id]
                media = MediaFileUpload(str(video), mimetype="video/mp4", resumable=True)
                file = files.create(body=meta, media_body=media, fields="id,webViewLink").execute(
                    num_retries=NUM_RETRIES
                )
            self.service.permissions().create(
                fileId=file["id"], body={"type": "anyone", "role": "reader"}, fields="id"
            ).execute(num_retries=NUM_RETRIES)
        except HttpError as exc:
            raise DeliveryError("Google Drive", f"upload failed ({exc.resp.status})") from exc
        return Delivered(link=file["webViewLink"], ref=file["id"])

    async def status(self, delivered: Delivered) -> PlayState:
        try:
            meta = await asyncio.to_thread(
                self.service.files()
                .get(fileId=delivered.ref, fields="id,trashed,videoMediaMetadata")
                .execute,
                num_retries=NUM_RETRIES,
            )
        except HttpError as exc:
            if exc.resp.status == 404:
                return "failed"
            raise DeliveryError("Google Drive", f"status check failed ({exc.resp.status})") from exc
        if meta.get("trashed"):
            return "failed"
        video = meta.get("videoMediaMetadata") or {}
        return "ready" if video.get("durationMillis") else "processing"
