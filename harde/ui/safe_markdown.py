"""Markdown from outside (answers, CRM notes, titles, file names) made safe to render: the
browser loads images only from our own static files; any other image markdown shows as a link.

An image in a note or a title (`![x](http://host/beacon.gif)`) would otherwise make every
browser that shows it fetch that address, telling its owner who read what and when.
"""

from __future__ import annotations

import re

# An image whose address is a file under our static folder (Streamlit serves ./static at
# /app/static/). The alt text may hold no brackets, backticks or "<": each of those can make a
# Markdown reader end the alt text somewhere else than this pattern does, so such images are
# turned into links too. Addresses have no "..", no scheme and no host.
_OWN_IMAGE = re.compile(
    r"""!\[(?:[^\[\]\\`<]|\\[^\n])*\]
        \(/?app/static/(?:(?!\.\.)[A-Za-z0-9._~/-])*(?:[ ]+"[^"\\\n]*")?\)""",
    re.VERBOSE,
)
_IMAGE_START = re.compile(r"!\[")


def _once(text: str) -> str:
    pieces: list[str] = []
    kept_from = 0
    for match in _IMAGE_START.finditer(text):
        start = match.start()
        if _OWN_IMAGE.match(text, start):
            continue
        pieces.append(text[kept_from:start])
        kept_from = start + 1  # drop the "!": "![x](url)" becomes the link "[x](url)"
    pieces.append(text[kept_from:])
    return "".join(pieces)


def safe_markdown(text: str) -> str:
    """`text` with every image that is not one of our own static files turned into a link."""
    # Dropping a "!" can make the one before it start an image ("!![x](u)"): repeat until stable.
    while True:
        safer = _once(text)
        if safer == text:
            return text
        text = safer
