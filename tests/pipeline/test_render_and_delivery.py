"""FfmpegRenderer, FfmpegVoiceEnhancer, LocalDelivery and CloudinaryRenderer's transformation."""

from __future__ import annotations

import shutil
from pathlib import Path

from harde.integrations.delivery.local import LocalDelivery
from harde.integrations.video.branding import Branding
from harde.integrations.video.cloudinary_renderer import overlay_transformation, voice_public_id
from harde.integrations.video.enhancer import FfmpegVoiceEnhancer
from harde.integrations.video.ffmpeg import audio_duration, parse_probe, probe, run_ffmpeg
from harde.integrations.video.ffmpeg_renderer import TAIL_S, FfmpegRenderer
from tests.pipeline.conftest import COMPANY


async def _voice(path: Path, seconds: float) -> Path:
    await run_ffmpeg(
        [
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"sine=f=300:d={seconds}",
            "-ar",
            "22050",
            "-ac",
            "1",
            str(path),
        ]
    )
    return path


async def test_render_is_h264_aac_as_long_as_the_voice_plus_tail(
    tmp_path: Path, brand_cache: Path
) -> None:
    cache = tmp_path / "brand"
    shutil.copytree(brand_cache, cache)
    voice = await _voice(tmp_path / "voice.wav", 7.3)
    enhanced = await FfmpegVoiceEnhancer().enhance(voice, tmp_path / "voice-enhanced.wav")

    result = await FfmpegRenderer(cache, Branding(company_name=COMPANY)).render(
        enhanced, tmp_path / "out.mp4", run_key="t1"
    )

    info = await probe(result.path)
    assert (info.video_codec, info.audio_codec, info.width, info.height) == (
        "h264",
        "aac",
        1280,
        720,
    )
    assert abs(await audio_duration(result.path) - (7.3 + TAIL_S)) < 0.15
    assert not list(tmp_path.glob("*.part*"))  # noqa: ASYNC240


async def test_local_delivery_link_is_under_the_served_static_folder_and_becomes_ready(
    tmp_path: Path, brand_cache: Path
) -> None:
    video = next(brand_cache.glob("template-*.mp4"))  # noqa: ASYNC240
    delivery = LocalDelivery(
        tmp_path / "static" / "primers", "http://localhost:8501/app/static/primers"
    )

    delivered = await delivery.deliver(video, name="primer-1043-x.mp4")
    again = await delivery.deliver(video, name="primer-1043-x.mp4")

    assert delivered == again
    assert delivered.link == "http://localhost:8501/app/static/primers/primer-1043-x.mp4"
    assert await delivery.status(delivered) == "ready"
    (tmp_path / "static" / "primers" / "primer-1043-x.mp4").write_bytes(b"")
    assert await delivery.status(delivered) == "processing"


def test_probe_report_parsing() -> None:
    report = (
        "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'x.mp4':\n  Duration: 00:01:02.50, start: 0.000000, bitrate: 300 kb/s\n"
        "  Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(progressive), 1280x720, 200 kb/s, 24 fps\n"
        "  Stream #0:1[0x2](und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp, 128 kb/s\n"
    )
    info = parse_probe(report)
    assert (info.duration_s, info.video_codec, info.audio_codec, info.width, info.height) == (
        62.5,
        "h264",
        "aac",
        1280,
        720,
    )


def test_cloudinary_overlays_the_run_voice_and_cuts_to_its_length() -> None:
    steps = overlay_transformation("abc123", 61.25, Branding(company_name=COMPANY))
    assert steps[0] == {"overlay": "audio:harde-primer:runs:abc123:voice"}
    assert {"flags": "layer_apply"} in steps and {"duration": "61.25"} in steps
    assert voice_public_id("abc123") == "harde-primer/runs/abc123/voice"
