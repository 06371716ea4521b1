"""CloudinaryRenderer: upload the voice, overlay it on the branded template in Cloudinary, fetch
the MP4, delete the voice afterwards.

The template (with the music bed mixed in, quieter, since Cloudinary cannot side-chain duck)
is uploaded once per branding and cut to the voice's length with `du_`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlparse

import httpx
from tenacity import retry, retry_if_exception, stop_after_attempt, wait_exponential

from harde.errors import ConfigurationError, IntegrationError
from harde.integrations.video.branding import Branding, ensure_brand_assets
from harde.integrations.video.ffmpeg import audio_duration, run_ffmpeg
from harde.integrations.video.ffmpeg_renderer import TAIL_S
from harde.integrations.video.protocol import RenderResult
from harde.integrations.video.storyboard import Storyboard

FOLDER = "harde-primer"
CLOUD_TEMPLATE_S = 300  # longest primer the cloud template covers
TIMEOUT_S = 60.0


class CloudinaryError(IntegrationError):
    def __init__(self, message: str) -> None:
        super().__init__("Cloudinary", message)


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, httpx.HTTPStatusError):
        # 423: the derived video is still being generated.
        return exc.response.status_code in (423, 429) or exc.response.status_code >= 500
    return isinstance(exc, httpx.TransportError) or "timed out" in str(exc).lower()


def voice_public_id(run_key: str) -> str:
    return f"{FOLDER}/runs/{run_key}/voice"


def template_public_id(branding: Branding) -> str:
    return f"{FOLDER}/template-{branding.key()}"


def overlay_transformation(
    run_key: str, duration_s: float, storyboard: Storyboard | None = None
) -> list[dict[str, Any]]:
    """The voice over the template; with a storyboard, each slide's title and line and each
    caption as text layers shown from their start to their end offset, as the ffmpeg render."""
    layer = voice_public_id(run_key).replace("/", ":")
    steps: list[dict[str, Any]] = [{"overlay": f"audio:{layer}"}, {"flags": "layer_apply"}]
    for slide in storyboard.slides if storyboard else ():
        shown = {"start_offset": f"{slide.start_s:.2f}", "end_offset": f"{slide.end_s:.2f}"}
        steps += [
            {"overlay": {"font_family": "Arial", "font_size": 64, "font_weight": "bold", "text": slide.title},
             "color": "white", "gravity": "west", "x": 64, "y": -40, **shown},
            {"flags": "layer_apply"},
        ]  # fmt: skip
        if slide.subtitle:
            steps += [
                {"overlay": {"font_family": "Arial", "font_size": 32, "text": slide.subtitle},
                 "color": "white", "gravity": "west", "x": 64, "y": 40, **shown},
                {"flags": "layer_apply"},
            ]  # fmt: skip
    for caption in storyboard.captions if storyboard else ():
        steps += [
            {"overlay": {"font_family": "Arial", "font_size": 30, "font_weight": "bold", "text": caption.text},
             "color": "white", "background": "rgb:00000099", "gravity": "south", "y": 40,
             "start_offset": f"{caption.start_s:.2f}", "end_offset": f"{caption.end_s:.2f}"},
            {"flags": "layer_apply"},
        ]  # fmt: skip
    return [*steps, {"duration": f"{duration_s:.2f}"}, {"video_codec": "h264", "audio_codec": "aac"}]


def cloudinary_options(url: str) -> dict[str, Any]:
    """SDK options from `cloudinary://KEY:SECRET@CLOUD?opt=value` (query options override)."""
    parsed = urlparse(url)
    if parsed.scheme != "cloudinary" or "@" not in parsed.netloc:
        raise ConfigurationError("CLOUDINARY_URL must look like cloudinary://KEY:SECRET@CLOUD_NAME")
    credentials, _, cloud = parsed.netloc.rpartition("@")
    key, _, secret = credentials.partition(":")
    options: dict[str, Any] = {
        "cloud_name": cloud,
        "api_key": unquote(key),
        "api_secret": unquote(secret),
        "secure": True,
    }
    for name, value in parse_qsl(parsed.query):
        options[name] = {"true": True, "false": False}.get(value.lower(), value)
    return options


class CloudinaryRenderer:
    name = "cloudinary"

    def __init__(
        self,
        cloudinary_url: str,
        cache_dir: Path,
        branding: Branding,
        *,
        template_s: int = CLOUD_TEMPLATE_S,
    ) -> None:
        import cloudinary

        self._cloudinary = cloudinary
        cloudinary.config(**cloudinary_options(cloudinary_url))
        self.cache_dir = cache_dir
        self.branding = branding
        self.template_s = template_s

    async def _ensure_template(self) -> str:
        import cloudinary.api
        import cloudinary.uploader

        public_id = template_public_id(self.branding)
        try:
            await asyncio.to_thread(cloudinary.api.resource, public_id, resource_type="video")
            return public_id
        except cloudinary.exceptions.NotFound:
            pass
        assets = await ensure_brand_assets(self.cache_dir, self.branding)
        long_template = (
            self.cache_dir / f"cloud-template-{self.branding.key()}-{self.template_s}.mp4"
        )
        if not long_template.is_file():
            await run_ffmpeg([
                "-y", "-stream_loop", "-1", "-i", str(assets.template),
                "-stream_loop", "-1", "-i", str(assets.music),
                "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-af", "volume=0.25",
                "-c:a", "aac", "-t", str(self.template_s), str(long_template),
            ])  # fmt: skip
        await self._upload(long_template, public_id)
        return public_id

    @retry(retry=retry_if_exception(_transient), wait=wait_exponential(multiplier=0.5, max=10),
           stop=stop_after_attempt(5), reraise=True)  # fmt: skip
    async def _upload(self, path: Path, public_id: str) -> None:
        import cloudinary.uploader

        await asyncio.to_thread(
            cloudinary.uploader.upload, str(path), public_id=public_id, resource_type="video",
            overwrite=True, timeout=TIMEOUT_S,
        )  # fmt: skip

    @retry(retry=retry_if_exception(_transient), wait=wait_exponential(multiplier=1, max=15),
           stop=stop_after_attempt(8), reraise=True)  # fmt: skip
    async def _fetch(self, url: str, out_path: Path) -> None:
        async with httpx.AsyncClient(timeout=TIMEOUT_S) as client:
            resp = await client.get(url)
            resp.raise_for_status()
            await asyncio.to_thread(out_path.write_bytes, resp.content)

    async def render(
        self, voice: Path, out_path: Path, *, run_key: str, storyboard: Storyboard | None = None
    ) -> RenderResult:
        template = await self._ensure_template()
        voice_s = await audio_duration(voice)
        await self._upload(voice, voice_public_id(run_key))
        total = voice_s + TAIL_S
        url, _ = self._cloudinary.utils.cloudinary_url(
            template, resource_type="video", format="mp4",
            transformation=overlay_transformation(run_key, total, storyboard),
        )  # fmt: skip
        try:
            await self._fetch(url, out_path)
        except httpx.HTTPError as exc:
            raise CloudinaryError(f"could not fetch the rendered video: {exc}") from exc
        return RenderResult(
            path=out_path, duration_s=round(total, 3), assets=(voice_public_id(run_key),)
        )

    async def cleanup(self, run_key: str) -> int:
        import cloudinary.api

        result = await asyncio.to_thread(
            cloudinary.api.delete_resources_by_prefix,
            f"{FOLDER}/runs/{run_key}/",
            resource_type="video",
        )
        return len(result.get("deleted", {}))

    async def sweep(self, older_than_s: float) -> int:
        import cloudinary.api

        cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=older_than_s)
        listing = await asyncio.to_thread(
            cloudinary.api.resources, type="upload", resource_type="video",
            prefix=f"{FOLDER}/runs/", max_results=500,
        )  # fmt: skip
        stale = [
            r["public_id"] for r in listing.get("resources", [])
            if dt.datetime.fromisoformat(r["created_at"].replace("Z", "+00:00")) < cutoff
        ]  # fmt: skip
        if stale:
            await asyncio.to_thread(cloudinary.api.delete_resources, stale, resource_type="video")
        return len(stale)
