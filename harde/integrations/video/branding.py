"""The company's branded template video and music bed, generated once with ffmpeg and cached.

Both are keyed by their parameters, so a new company name or size makes new ones. The template
is short and encoded with one keyframe a second, so a render can loop it without re-encoding.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from harde.brand import BRAND_FILE, read_brand_toml
from harde.errors import ConfigurationError
from harde.integrations.video.ffmpeg import available_filters, run_ffmpeg

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
    Path("/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
)

_locks: dict[Path, asyncio.Lock] = {}


@dataclass(frozen=True)
class Branding:
    company_name: str
    tagline: str = "A personal video for you"
    width: int = 1280
    height: int = 720
    fps: int = 24
    loop_s: int = 4
    music_s: int = 16
    colour_a: str = "0x12324f"
    colour_b: str = "0x2f6f9f"
    text_colour: str = "0xffffff"
    accent: str = "0xf2a541"
    # Files from the brand folder ("" when it has none): the slides' logo and the music bed.
    logo: str = ""
    music: str = ""

    def key(self) -> str:
        return _digest(asdict(self))

    def template_key(self) -> str:
        """What the title-card template depends on: the logo and music files do not change it,
        so a brand folder with the house colours reuses the house template."""
        look = asdict(self)
        for name in ("logo", "music", "music_s", "accent", "text_colour"):
            look.pop(name)
        return _digest(look)

    def music_key(self) -> str:
        return _digest({"music_s": self.music_s})


def _digest(values: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class BrandAssets:
    template: Path
    music: Path


def load_branding(company_name: str, brand_dir: Path | None) -> Branding:
    """The company's look from its brand folder: `brand.toml` (company_name, tagline, colour_a,
    colour_b, text_colour, accent as "#rrggbb") beside `logo.png` and `music.m4a`; the house
    look for anything missing."""
    data = read_brand_toml(brand_dir)
    if brand_dir is None:
        return Branding(company_name=company_name)
    toml = brand_dir / BRAND_FILE
    values: dict[str, str] = {}
    if isinstance(data.get("tagline"), str):
        values["tagline"] = data["tagline"].strip()
    for name in ("colour_a", "colour_b", "text_colour", "accent"):
        if name in data:
            values[name] = _colour(str(data[name]), name, toml)
    logo = brand_dir / "logo.png"
    music = brand_dir / "music.m4a"
    return Branding(
        company_name=str(data.get("company_name") or company_name),
        logo=str(logo.resolve()) if logo.is_file() else "",
        music=str(music.resolve()) if music.is_file() else "",
        **values,  # type: ignore[arg-type]
    )


def _colour(value: str, name: str, where: Path) -> str:
    digits = value.strip().lstrip("#").removeprefix("0x")
    if not re.fullmatch(r"[0-9a-fA-F]{6}", digits):
        raise ConfigurationError(f"{where}: {name} must be a colour like \"#12324f\", not {value!r}")
    return f"0x{digits.lower()}"


def _font() -> Path | None:
    return next((p for p in FONT_CANDIDATES if p.is_file()), None)


def _escape_drawtext(text: str) -> str:
    return text.replace("\\", "\\\\").replace(":", r"\:").replace("'", r"\'").replace("%", r"\%")


def template_filter(b: Branding) -> str:
    size = f"{b.width}x{b.height}"
    if "gradients" in available_filters():
        source = (
            f"gradients=s={size}:r={b.fps}:d={b.loop_s}:c0={b.colour_a}:c1={b.colour_b}"
            f":x0=0:y0=0:x1={b.width}:y1={b.height}:speed=0.02"
        )
    else:
        source = f"color=c={b.colour_a}:s={size}:r={b.fps}:d={b.loop_s}"
    font = _font()
    if font is None or "drawtext" not in available_filters():
        return source
    name = _escape_drawtext(b.company_name)
    tagline = _escape_drawtext(b.tagline)
    return (
        f"{source},"
        f"drawtext=fontfile='{font}':text='{name}':fontcolor=white:fontsize={b.height // 11}"
        f":x=(w-text_w)/2:y=(h-text_h)/2-{b.height // 14},"
        f"drawtext=fontfile='{font}':text='{tagline}':fontcolor=0xdde8f2:fontsize={b.height // 26}"
        f":x=(w-text_w)/2:y=(h/2)+{b.height // 18}"
    )


def music_filter(b: Branding) -> str:
    # A soft major chord with a slow swell: unobtrusive under a voice and seamless when looped.
    d = b.music_s
    return (
        f"sine=f=220:d={d}[a];sine=f=277.18:d={d}[b];sine=f=329.63:d={d}[c];sine=f=110:d={d}[d];"
        f"[a][b][c][d]amix=inputs=4:normalize=0,volume=0.08,"
        f"tremolo=f={1 / 4}:d=0.4,aformat=sample_rates=44100:channel_layouts=stereo"
    )


async def ensure_brand_assets(cache_dir: Path, branding: Branding) -> BrandAssets:
    """The cached template and music bed, generating whichever is missing."""
    cache_dir.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240  (local, instant)
    template = cache_dir / f"template-{branding.template_key()}.mp4"
    music = cache_dir / f"music-{branding.music_key()}.m4a"
    lock = _locks.setdefault(cache_dir.resolve(), asyncio.Lock())  # noqa: ASYNC240
    async with lock:
        if not template.is_file():
            part = template.with_suffix(".part.mp4")
            await run_ffmpeg([
                "-y", "-f", "lavfi", "-i", template_filter(branding),
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-pix_fmt", "yuv420p",
                "-g", str(branding.fps), "-keyint_min", str(branding.fps), "-sc_threshold", "0",
                "-movflags", "+faststart", "-an", str(part),
            ])  # fmt: skip
            part.replace(template)
        if branding.music:
            music = Path(branding.music)  # the company's own music bed
        elif not music.is_file():
            part = music.with_suffix(".part.m4a")
            await run_ffmpeg([
                "-y", "-f", "lavfi", "-i", music_filter(branding),
                "-c:a", "aac", "-b:a", "96k", str(part),
            ])  # fmt: skip
            part.replace(music)
    return BrandAssets(template=template, music=music)
