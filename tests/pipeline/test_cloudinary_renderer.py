"""CloudinaryRenderer with the real SDK: the transformation URL it builds for a slide video (no
network), and a render against a Cloudinary emulator on loopback."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote

import cloudinary
import cloudinary.utils

from harde.integrations.video.branding import Branding
from harde.integrations.video.cloudinary_renderer import (
    CloudinaryRenderer,
    backdrop_public_id,
    cloudinary_options,
    overlay_transformation,
    template_public_id,
)
from harde.integrations.video.ffmpeg import audio_duration, probe, run_ffmpeg
from harde.integrations.video.ffmpeg_renderer import TAIL_S
from harde.integrations.video.storyboard import Storyboard, build_storyboard, even_split
from harde.workflows.primer_slides import primer_slides
from tests.pipeline.cloudinary_emulator import CloudinaryEmulator
from tests.pipeline.conftest import COMPANY

SECTIONS = [
    (0, "Hi Julie, this is Dana from Summit Ridge Exteriors."),
    (1, "I made this short video so you know what to expect with your siding and trim in Needham."),
    (3, "We'll check for soft spots, gaps around the windows and doors, and trapped moisture."),
    (4, "Siding protects your home from the weather, so we'll take the time to get it right."),
    (7, "When we meet, we'll walk around the house together, 100% at your pace."),
    (9, "If anything comes up before we meet, call me at (617) 555-0112. Thanks, Julie."),
]
TEXT = "\n\n".join(t for _, t in SECTIONS)
CONTEXT = {"first_name": "Julie", "city": "Needham", "project": "siding/trim", "rep_name": "Dana Whitaker",
           "stage_name": "Lead", "phone": "(617) 555-0112"}  # fmt: skip


def _board(duration_s: float = 40.0) -> Storyboard:
    slides = primer_slides(TEXT, SECTIONS, CONTEXT, COMPANY)
    return build_storyboard(slides, even_split(TEXT, duration_s), duration_s)


def _components(board: Storyboard | None, total: float = 40.5) -> tuple[str, list[dict[str, str]]]:
    """The delivery URL the SDK builds, as its public id and its components' parameters."""
    cloudinary.config(cloud_name="demo", api_key="key", api_secret="secret", secure=True)
    branding = Branding(company_name=COMPANY)
    public_id = backdrop_public_id(branding) if board else template_public_id(branding)
    url, _ = cloudinary.utils.cloudinary_url(
        public_id, resource_type="video", format="mp4",
        transformation=overlay_transformation("run1", total, branding, board),
    )  # fmt: skip
    path = url.split("/video/upload/", 1)[1]
    transformation, _, base = path.partition("/v1/")
    components = [dict(part.split("_", 1) for part in c.split(",")) for c in transformation.split("/")]
    return base.removesuffix(".mp4"), components


def _text_layers(components: list[dict[str, str]]) -> list[tuple[str, dict[str, str], dict[str, str]]]:
    """(text, the layer's own parameters, its fl_layer_apply's) for every text layer, in order."""
    out = []
    for i, comp in enumerate(components):
        if comp.get("l", "").startswith("text:"):
            _, _style, text = comp["l"].split(":", 2)
            out.append((unquote(unquote(text)), comp, components[i + 1]))
    return out


def test_the_slide_video_url_has_each_slide_and_caption_timed_as_the_ffmpeg_render() -> None:
    board = _board()
    base, components = _components(board)
    assert base == backdrop_public_id(Branding(company_name=COMPANY))  # gradient and logo, no words
    assert components[0] == {"l": "audio:harde-primer:runs:run1:voice"}
    assert components[1] == {"fl": "layer_apply"}
    layers = _text_layers(components)
    titles = [(t, a["so"], a["eo"]) for t, _, a in layers if a.get("g") == "south_west"]
    lines = [(t, a["so"], a["eo"]) for t, _, a in layers if a.get("g") == "north_west"]
    captions = [(t, a["so"], a["eo"]) for t, _, a in layers if a.get("g") == "south"]
    # One title per slide of the storyboard the ffmpeg renderer draws, shown for that slide.
    assert titles == [(s.title, f"{s.start_s:.2f}", f"{s.end_s:.2f}") for s in board.slides]
    assert lines == [(s.subtitle, f"{s.start_s:.2f}", f"{s.end_s:.2f}") for s in board.slides if s.subtitle]
    assert captions == [(c.text, f"{c.start_s:.2f}", f"{c.end_s:.2f}") for c in board.captions]
    assert [s.kind for s in board.slides] == ["greeting", "look", "product", "next", "sign_off"]
    # Commas, slashes and the phone's brackets survive the URL's escaping.
    assert lines[0][:2] == ("Your siding/trim in Needham", "0.00")
    assert titles[-1][0] == "Dana Whitaker" and lines[-1][0] == "Summit Ridge Exteriors · (617) 555-0112"
    assert any("(617) 555-0112." in c[0] for c in captions)
    for _, layer, apply in layers:
        assert layer["c"] == "fit" and int(layer["w"]) <= 1280  # wrapped inside the frame
        assert "so" not in layer and "eo" not in layer  # timing belongs to the layer's placement
        assert apply["fl"] == "layer_apply"
    assert all(layer.get("b") == "rgb:000000a6" for _, layer, a in layers if a.get("g") == "south")
    assert components[-4:] == [{"du": "40.50"}, {"e": "fade:400"}, {"e": "fade:-600"}, {"ac": "aac", "vc": "h264"}]


def test_without_a_storyboard_the_url_is_the_title_card_with_the_voice() -> None:
    base, components = _components(None)
    assert base == template_public_id(Branding(company_name=COMPANY))
    assert not _text_layers(components)
    assert components == [
        {"l": "audio:harde-primer:runs:run1:voice"}, {"fl": "layer_apply"}, {"du": "40.50"},
        {"ac": "aac", "vc": "h264"},
    ]  # fmt: skip


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

        # A slide video: the backdrop template (uploaded once, beside the title card) under
        # text layers, cut to the voice.
        board = _board(6.0)
        slides = await renderer.render(voice, tmp_path / "slides.mp4", run_key="run3", storyboard=board)
        assert abs(await audio_duration(slides.path) - (6 + TAIL_S)) < 0.2
        assert cloud.uploads.count(backdrop_public_id(branding)) == 1
        layers = len(board.slides) + sum(1 for s in board.slides if s.subtitle) + len(board.captions)
        assert cloud.deliveries[-1].count("l_text:") == layers
        assert f"/v1/{backdrop_public_id(branding)}.mp4" in cloud.deliveries[-1]
