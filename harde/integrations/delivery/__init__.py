"""Where finished primer videos go: `make_delivery` chooses LocalDelivery or GoogleDriveDelivery."""

from __future__ import annotations

from harde.config import Settings
from harde.errors import ConfigurationError
from harde.integrations.delivery.local import LocalDelivery
from harde.integrations.delivery.protocol import Delivered, DeliveryError, PlayState, VideoDelivery

__all__ = [
    "Delivered",
    "DeliveryError",
    "LocalDelivery",
    "PlayState",
    "VideoDelivery",
    "make_delivery",
    "public_url",
]


def make_delivery(settings: Settings) -> VideoDelivery:
    if settings.delivery == "gdrive":
        from harde.integrations.delivery.gdrive import GoogleDriveDelivery, build_drive_service

        if settings.google_service_account_file is None:
            raise ConfigurationError(
                "Google Drive delivery needs HARDE_GOOGLE_SERVICE_ACCOUNT_FILE"
            )
        return GoogleDriveDelivery(
            build_drive_service(settings.google_service_account_file), settings.gdrive_folder_id
        )
    return LocalDelivery(settings.delivery_dir, f"{public_url(settings)}/app/static/primers")


def public_url(settings: Settings) -> str:
    """`HARDE_PUBLIC_URL` without its trailing slash: links to the app are made only from it, never
    guessed (a guessed localhost:8501 reaches nobody when the app runs elsewhere)."""
    url = settings.public_url.strip().rstrip("/")
    if not url:
        raise ConfigurationError(
            "HARDE_PUBLIC_URL is not set: local delivery links videos to the app, so set it to the "
            "address people open the app at (for example HARDE_PUBLIC_URL=http://localhost:8501)"
        )
    if not url.startswith(("http://", "https://")):
        raise ConfigurationError(f"HARDE_PUBLIC_URL must start with http:// or https://, not {url!r}")
    return url
