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
    url_prefix = f"{settings.public_url.rstrip('/')}/app/static/primers"
    return LocalDelivery(settings.delivery_dir, url_prefix)
