"""CloudinaryRenderer with the real SDK against a Cloudinary emulator on loopback."""

from __future__ import annotations

import shutil
from pathlib import Path

from harde.integrations.video.branding import Branding
from harde.integrations.video.cloudinary_renderer import (
    CloudinaryRenderer,
    cloudinary_options,
    template_public_id,
)
from harde.integrations.video.ffmpeg import audio_duration, probe, run_ffmpeg
from harde.integrations.video.ffmpeg_renderer import TAIL_S
from tests.pipeline.cloudinary_emulator import CloudinaryEmulator
from tests.pipeline.conftest import COMPANY


def test_cloudinary_url_becomes_sdk_options() -> None:
    options = cloudinary_options(
        "cloudinary://123:s%40cret@summit-ridge?secure=false&cname=cdn.example"
    )
    assert options == {
        "cloud_name": "summit-ridge",
        "api_key": "123",
        "api_secret": "s@cret",
        "secure": False,
        "cname": "cdn.example",
    }


async def test_render_uploads_overlays_fetches_and_cleans_up(
    tmp_path: Path, brand_cache: Path
) -> None:
    cache = tmp_path / "brand"
    shutil.copytree(brand_cache, cache)
    voice = tmp_path / "voice.wav"
    await run_ffmpeg(
        ["-y", "-f", "lavfi", "-i", "sine=f=300:d=6", "-ar", "22050", "-ac", "1", str(voice)]
    )
    store = tmp_path / "cloud"
    store.mkdir()
    branding = Branding(company_name=COMPANY)
    with CloudinaryEmulator(store) as cloud:
        renderer = CloudinaryRenderer(cloud.url, cache, branding, template_s=20)

        result = await renderer.render(voice, tmp_path / "out.mp4", run_key="run1")

        info = await probe(result.path)
        assert (info.video_codec, info.audio_codec) == ("h264", "aac")
        assert abs(await audio_duration(result.path) - (6 + TAIL_S)) < 0.2
        assert result.assets == ("harde-primer/runs/run1/voice",)
        assert "l_audio:harde-primer:runs:run1:voice" in cloud.deliveries[0]
        assert set(cloud.resources) == {
            template_public_id(branding),
            "harde-primer/runs/run1/voice",
        }

        assert await renderer.cleanup("run1") == 1
        assert set(cloud.resources) == {template_public_id(branding)}  # the shared template stays

        await renderer.render(voice, tmp_path / "again.mp4", run_key="run2")
        assert (
            cloud.uploads.count(template_public_id(branding)) == 1
        )  # the template is uploaded once
        assert await renderer.sweep(older_than_s=-60) == 1  # an orphaned voice from a crashed run
        assert set(cloud.resources) == {template_public_id(branding)}
