"""Drawing the primer's slides as still images (Pillow): the brand's colours and logo, the
slide's title and line, and the caption of the moment in a band at the bottom.

Each slide becomes a run of stills, one per caption line it spans, with their durations: the
renderer turns those into video and fades from slide to slide, so the only per-frame work left
to ffmpeg is the encode.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from harde.integrations.video.branding import Branding, _font
from harde.integrations.video.storyboard import Caption, Slide, Storyboard

REGULAR_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
)


@dataclass(frozen=True)
class Still:
    path: Path
    duration_s: float


def _rgb(colour: str) -> tuple[int, int, int]:
    digits = colour.removeprefix("0x").lstrip("#")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


_fonts = threading.local()


def _typeface(size: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # One set of faces per thread: a FreeType face is not safe to render from two at once.
    cache: dict[tuple[int, bool], ImageFont.FreeTypeFont | ImageFont.ImageFont] = _fonts.__dict__.setdefault("faces", {})
    if (size, bold) not in cache:
        path = _font() if bold else next((p for p in REGULAR_FONTS if p.is_file()), _font())
        cache[(size, bold)] = ImageFont.load_default(size) if path is None else ImageFont.truetype(str(path), size)
    return cache[(size, bold)]


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: object, width: int, lines: int) -> list[str]:
    out: list[str] = []
    for word in text.split():
        trial = f"{out[-1]} {word}" if out else word
        if out and draw.textlength(trial, font=font) <= width:  # type: ignore[arg-type]
            out[-1] = trial
        else:
            out.append(word)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
    return out


@lru_cache(maxsize=8)
def _logo(path: str, height: int) -> Image.Image | None:
    if not path:
        return None
    with Image.open(path) as img:
        logo = img.convert("RGBA")
    scale = height / logo.height
    return logo.resize((max(1, int(logo.width * scale)), height))


@lru_cache(maxsize=8)
def _background(b: Branding) -> Image.Image:
    top, bottom = _rgb(b.colour_a), _rgb(b.colour_b)
    gradient = Image.linear_gradient("L").resize((b.width, b.height))
    return Image.composite(Image.new("RGB", gradient.size, bottom), Image.new("RGB", gradient.size, top), gradient)


def draw_backdrop(b: Branding) -> Image.Image:
    """What every slide has behind its words: the brand's gradient and its logo (or, without
    one, the company's name) at the top left. The Cloudinary render lays its text on this."""
    img = _background(b).copy()
    margin = b.width // 20
    logo = _logo(b.logo, b.height // 9)
    if logo is not None:
        img.paste(logo, (margin, margin // 2), logo)
    else:
        draw = ImageDraw.Draw(img, "RGBA")
        draw.text((margin, margin // 2 + 8), b.company_name, font=_typeface(b.height // 24, True), fill=_rgb(b.text_colour))
    return img


def draw_slide(b: Branding, slide: Slide, caption: str) -> Image.Image:
    """One frame of `slide` with `caption` in the band at the bottom ("" for none)."""
    img = draw_backdrop(b)
    draw = ImageDraw.Draw(img, "RGBA")
    w, h = b.width, b.height
    margin = w // 20
    text, accent = _rgb(b.text_colour), _rgb(b.accent)
    # An accent rule and the title block, centred a little above the middle.
    title_font, sub_font = _typeface(h // 11, True), _typeface(h // 22, False)
    titles = _wrap(draw, slide.title, title_font, w - 2 * margin, 2)
    subs = _wrap(draw, slide.subtitle, sub_font, w - 2 * margin, 2) if slide.subtitle else []
    line_h, sub_h = int(h / 11 * 1.2), int(h / 22 * 1.4)
    y = int(h * 0.42) - (len(titles) * line_h + len(subs) * sub_h) // 2
    draw.rectangle((margin, y - h // 30, margin + w // 10, y - h // 30 + 6), fill=accent)
    for line in titles:
        draw.text((margin, y), line, font=title_font, fill=text)
        y += line_h
    for line in subs:
        draw.text((margin, y + 6), line, font=sub_font, fill=(*text, 220))
        y += sub_h
    if caption:
        font = _typeface(h // 24, True)
        lines = _wrap(draw, caption, font, w - 4 * margin, 2)
        band_h = int(len(lines) * h / 24 * 1.35) + h // 30
        top = h - band_h - h // 18
        draw.rounded_rectangle((margin, top, w - margin, top + band_h), radius=h // 60, fill=(0, 0, 0, 165))
        ty = top + h // 60
        for line in lines:
            tw = draw.textlength(line, font=font)
            draw.text(((w - tw) / 2, ty), line, font=font, fill=(255, 255, 255))
            ty += int(h / 24 * 1.35)
    return img


def _caption_at(captions: tuple[Caption, ...], t: float) -> str:
    for c in captions:
        if c.start_s <= t < c.end_s:
            return c.text
    return ""


FADE_S = 0.5  # the cross-fade between two slides
FADE_IN_S, FADE_OUT_S = 0.4, 0.6
FADE_FPS = 12  # frames a second while something fades; a still holds otherwise
LONGEST_FRAME_S = 0.5  # a still is repeated at least this often, for players and seeking


def _slide_at(board: Storyboard, t: float) -> int:
    return max((i for i, s in enumerate(board.slides) if s.start_s <= t), default=0)


def timeline(board: Storyboard) -> list[tuple[float, float]]:
    """The frames' (start, end): a cut wherever a caption or slide changes, and FADE_FPS steps
    through every fade; long holds are split at LONGEST_FRAME_S."""
    total = board.duration_s
    cuts = {0.0, total}
    cuts |= {t for c in board.captions for t in (c.start_s, c.end_s) if 0 < t < total}
    fades = [(0.0, FADE_IN_S), (max(0.0, total - FADE_OUT_S), total)]
    fades += [(s.start_s - FADE_S / 2, s.start_s + FADE_S / 2) for s in board.slides[1:]]
    for lo, hi in fades:
        steps = max(1, round((hi - lo) * FADE_FPS))
        cuts |= {lo + (hi - lo) * k / steps for k in range(steps + 1) if 0 <= lo + (hi - lo) * k / steps <= total}
    ordered = sorted(cuts)
    frames: list[tuple[float, float]] = []
    for a, b in itertools.pairwise(ordered):
        if b - a < 0.01:
            continue
        pieces = max(1, int((b - a) // LONGEST_FRAME_S) + (1 if (b - a) % LONGEST_FRAME_S > 1e-6 else 0))
        step = (b - a) / pieces
        frames += [(a + k * step, a + (k + 1) * step) for k in range(pieces)]
    return frames


def frame_key(board: Storyboard, t: float) -> tuple[object, ...]:
    """What the picture at time `t` is: (slide, caption), a blend of two slides at some alpha,
    and how dark the fade in or out has it. Equal keys are equal pictures."""
    caption = _caption_at(board.captions, t)
    key: tuple[object, ...] = ("slide", _slide_at(board, t), caption)
    for n, slide in enumerate(board.slides[1:], start=1):
        lo = slide.start_s - FADE_S / 2
        if lo <= t < lo + FADE_S:
            key = ("blend", n - 1, n, caption, round((t - lo) / FADE_S, 3))
    total = board.duration_s
    level = min(1.0, t / FADE_IN_S if t < FADE_IN_S else 1.0, (total - t) / FADE_OUT_S if t > total - FADE_OUT_S else 1.0)
    return (*key, round(max(0.0, level), 3)) if level < 1.0 else (*key, 1.0)


def draw_frame(b: Branding, board: Storyboard, key: tuple[object, ...]) -> Image.Image:
    level = float(key[-1])  # type: ignore[arg-type]
    if key[0] == "blend":
        _, first, second, caption, alpha = key[:5]
        img = Image.blend(
            draw_slide(b, board.slides[int(first)], str(caption)),  # type: ignore[call-overload]
            draw_slide(b, board.slides[int(second)], str(caption)),  # type: ignore[call-overload]
            float(alpha),  # type: ignore[arg-type]
        )
    else:
        img = draw_slide(b, board.slides[int(key[1])], str(key[2]))  # type: ignore[call-overload]
    if level < 1.0:
        img = Image.blend(Image.new("RGB", img.size, (0, 0, 0)), img, level)
    return img


def video_stills(b: Branding, board: Storyboard, folder: Path, workers: int = 2) -> list[Still]:
    """Every frame of the video as stills with durations; equal pictures share one file, and the
    distinct ones are drawn and saved on `workers` threads (Pillow's drawing and PNG encoding
    release the GIL)."""
    from concurrent.futures import ThreadPoolExecutor

    spans = timeline(board)
    keys = [frame_key(board, start + min(0.005, (end - start) / 2)) for start, end in spans]
    files: dict[tuple[object, ...], Path] = {}
    for key in keys:
        files.setdefault(key, folder / f"frame{len(files):04d}.png")

    def save(item: tuple[tuple[object, ...], Path]) -> None:
        draw_frame(b, board, item[0]).save(item[1], compress_level=1)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        list(pool.map(save, files.items()))
    return [Still(files[key], end - start) for key, (start, end) in zip(keys, spans, strict=True)]
