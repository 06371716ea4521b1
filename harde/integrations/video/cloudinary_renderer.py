"""CloudinaryRenderer: upload the voice, overlay it on the branded template in Cloudinary, fetch
the MP4, delete the voice afterwards.

With a storyboard the structure is the ffmpeg render's: the brand's backdrop (gradient and
logo, drawn by `slides.draw_backdrop`) under each slide's title and line and each caption line,
every layer shown from its start to its end offset, the whole video fading in and out. Without
one it is the title-card template. Either template (with the music bed mixed in, quieter, since
Cloudinary cannot side-chain duck) is uploaded once per branding and cut to the voice's length
with `du_`. Unlike the ffmpeg render, slides cut rather than cross-fade.
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
from harde.integrations.video.slides import FADE_IN_S, FADE_OUT_S, draw_backdrop
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


def backdrop_public_id(branding: Branding) -> str:
    return f"{FOLDER}/backdrop-{branding.key()}"


def _rgb(colour: str) -> str:
    return "rgb:" + colour.removeprefix("0x")


def _text_layer(
    text: str, size: int, *, colour: str, width: int, place: dict[str, Any], start_s: float, end_s: float,
    bold: bool = False, background: str = "",
) -> list[dict[str, Any]]:
    """A text layer wrapped to `width` (`c_fit`), placed and timed in its `fl_layer_apply`
    component, where Cloudinary reads a layer's position and its start and end offsets."""
    style: dict[str, Any] = {"font_family": "Arial", "font_size": size, "text": text}
    if bold:
        style["font_weight"] = "bold"
    layer: dict[str, Any] = {"overlay": style, "color": colour, "width": width, "crop": "fit"}
    if background:
        layer["background"] = background
    shown = {"start_offset": f"{start_s:.2f}", "end_offset": f"{end_s:.2f}"}
    return [layer, {"flags": "layer_apply", **place, **shown}]


def overlay_transformation(
    run_key: str, duration_s: float, branding: Branding, storyboard: Storyboard | None = None
) -> list[dict[str, Any]]:
    """The voice over the template; with a storyboard, the slides' words and the captions laid
    out as `slides.draw_slide` lays them (title above the middle, its line below, captions in a
    dark band at the bottom), then the cut to `duration_s` and the fades in and out."""
    layer = voice_public_id(run_key).replace("/", ":")
    steps: list[dict[str, Any]] = [{"overlay": f"audio:{layer}"}, {"flags": "layer_apply"}]
    w, h = branding.width, branding.height
    margin, text = w // 20, _rgb(branding.text_colour)
    for slide in storyboard.slides if storyboard else ():
        # The title grows up from just above the middle and its line down from below it, so a
        # title that wraps to two lines never runs into the line under it.
        steps += _text_layer(
            slide.title, h // 11, colour=text, width=w - 2 * margin, bold=True,
            place={"gravity": "south_west", "x": margin, "y": h - int(h * 0.46)},
            start_s=slide.start_s, end_s=slide.end_s,
        )  # fmt: skip
        if slide.subtitle:
            steps += _text_layer(
                slide.subtitle, h // 22, colour=text, width=w - 2 * margin,
                place={"gravity": "north_west", "x": margin, "y": int(h * 0.49)},
                start_s=slide.start_s, end_s=slide.end_s,
            )  # fmt: skip
    for caption in storyboard.captions if storyboard else ():
        steps += _text_layer(
            caption.text, h // 24, colour="white", width=w - 4 * margin, bold=True,
            background="rgb:000000a6", place={"gravity": "south", "y": h // 18},
            start_s=caption.start_s, end_s=caption.end_s,
        )  # fmt: skip
    steps.append({"duration": f"{duration_s:.2f}"})
    if storyboard:
        steps += [{"effect": f"fade:{round(FADE_IN_S * 1000)}"}, {"effect": f"fade:-{round(FADE_OUT_S * 1000)}"}]
    return [*steps, {"video_codec": "h264", "audio_codec": "aac"}]


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

    async def _ensure_template(self, slides: bool) -> str:
        """The template's public id, uploading it first if Cloudinary does not have it: the
        backdrop for a slide video, the title card otherwise, each looped to `template_s`."""
        import cloudinary.api

        public_id = backdrop_public_id(self.branding) if slides else template_public_id(self.branding)
        try:
            await asyncio.to_thread(cloudinary.api.resource, public_id, resource_type="video")
            return public_id
        except cloudinary.exceptions.NotFound:
            pass
        assets = await ensure_brand_assets(self.cache_dir, self.branding)
        kind = "backdrop" if slides else "template"
        local = self.cache_dir / f"cloud-{kind}-{self.branding.key()}-{self.template_s}.mp4"
        if not local.is_file():
            part = local.with_suffix(".part.mp4")
            if slides:
                still = self.cache_dir / f"backdrop-{self.branding.key()}.png"
                await asyncio.to_thread(lambda: draw_backdrop(self.branding).save(still))
                video = ["-loop", "1", "-framerate", str(self.branding.fps), "-i", str(still)]
                codec = ["-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-pix_fmt", "yuv420p"]
            else:
                video, codec = ["-stream_loop", "-1", "-i", str(assets.template)], ["-c:v", "copy"]
            await run_ffmpeg([
                "-y", *video, "-stream_loop", "-1", "-i", str(assets.music),
                "-map", "0:v", "-map", "1:a", *codec, "-af", "volume=0.25",
                "-c:a", "aac", "-t", str(self.template_s), str(part),
            ])  # fmt: skip
            part.replace(local)
        await self._upload(local, public_id)
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
        slides = storyboard is not None and bool(storyboard.slides)
        template = await self._ensure_template(slides)
        voice_s = await audio_duration(voice)
        await self._upload(voice, voice_public_id(run_key))
        total = voice_s + TAIL_S
        url, _ = self._cloudinary.utils.cloudinary_url(
            template, resource_type="video", format="mp4",
            transformation=overlay_transformation(run_key, total, self.branding, storyboard if slides else None),
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
