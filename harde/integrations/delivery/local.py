"""LocalDelivery: copy the video into the folder the Streamlit app serves.

With `server.enableStaticServing = true`, Streamlit serves `./static/` (next to app.py) at
`/app/static/`, so a video in `static/primers/` plays at `{public_url}/app/static/primers/NAME`.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from harde.integrations.delivery.protocol import Delivered, PlayState
from harde.integrations.video.ffmpeg import FfmpegError, probe


class LocalDelivery:
    name = "local"

    def __init__(self, folder: Path, url_prefix: str) -> None:
        self.folder = folder
        self.url_prefix = url_prefix.rstrip("/")

    async def deliver(self, video: Path, *, name: str) -> Delivered:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / name
        part = self.folder / f".{name}.part"
        await asyncio.to_thread(shutil.copyfile, video, part)
        part.replace(target)  # atomic: a reader never sees half a file
        return Delivered(link=f"{self.url_prefix}/{name}", ref=str(target))

    async def status(self, delivered: Delivered) -> PlayState:
        path = Path(delivered.ref)
        if not path.is_file() or path.stat().st_size == 0:  # noqa: ASYNC240  (one local stat)
            return "processing"
        try:
            info = await probe(path)
        except FfmpegError:
            return "processing"
        return "ready" if info.playable and info.video_codec else "processing"
