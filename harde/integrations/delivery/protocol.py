"""Delivery: putting the finished video where the homeowner can play it, and saying when it plays."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

from harde.errors import IntegrationError

PlayState = Literal["processing", "ready", "failed"]


class DeliveryError(IntegrationError):
    """The delivery backend failed after its retries."""


@dataclass(frozen=True)
class Delivered:
    link: str  # what the homeowner clicks
    ref: str  # backend handle: a local path or a Drive file id


@runtime_checkable
class VideoDelivery(Protocol):
    name: str

    async def deliver(self, video: Path, *, name: str) -> Delivered:
        """Publish `video` as `name`; delivering the same name again returns the same file."""
        ...

    async def status(self, delivered: Delivered) -> PlayState: ...
