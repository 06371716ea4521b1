"""Draws Summit Ridge Exteriors' logo (data/demo/brand/logo.png): a ridge line over the name.

Deterministic: running it again writes the same picture. The company is made up.
    .venv/bin/python data/demo/tools/make_logo.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parents[1] / "brand" / "logo.png"
FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
)
ACCENT = (242, 165, 65, 255)
WHITE = (255, 255, 255, 255)


def main() -> None:
    font_path = next((p for p in FONTS if p.is_file()), None)
    big = ImageFont.truetype(str(font_path), 56) if font_path else ImageFont.load_default(56)
    small = ImageFont.truetype(str(font_path), 24) if font_path else ImageFont.load_default(24)
    width = 168 + int(ImageDraw.Draw(Image.new("RGBA", (1, 1))).textlength("SUMMIT RIDGE", font=big)) + 12
    img = Image.new("RGBA", (width, 150), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    # Two roof lines, the second a step behind: a ridge, and the company's initial shape.
    draw.line([(8, 120), (64, 40), (120, 120)], fill=ACCENT, width=12, joint="curve")
    draw.line([(70, 120), (108, 66), (146, 120)], fill=WHITE, width=9, joint="curve")
    draw.text((168, 30), "SUMMIT RIDGE", font=big, fill=WHITE)
    draw.text((172, 96), "E X T E R I O R S", font=small, fill=ACCENT)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    img.save(OUT, optimize=True)


if __name__ == "__main__":
    main()
