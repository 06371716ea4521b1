"""Builds first_name_genders.txt, the first names the reader takes as a woman's or a man's when
a rep says "her" or "his": from nomquamgender 0.1.4's name_data.json (MIT, Ian Van Buskirk,
2022; each name's share of women among its bearers, over 36 sources), kept where the name is
common (500 bearers or more) and clear (85% one way or the other).

    pip download --no-deps nomquamgender==0.1.4 && unzip nomquamgender-0.1.4-py3-none-any.whl
    .venv/bin/python harde/understanding/data/build_first_name_genders.py nomquamgender/name_data.json

Deterministic: the same source writes the same file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).with_name("first_name_genders.txt")
MIN_BEARERS = 500
CLEAR = 0.85
HEADER = """\
# First names read as a woman's (f) or a man's (m), for "her" and "his".
# Derived from nomquamgender 0.1.4, name_data.json: Copyright (c) 2022 Ian Van Buskirk, MIT License.
# Kept: ASCII names with at least {bearers} bearers and at least {clear:.0%} of them one gender.
# Rebuilt by build_first_name_genders.py beside this file.
"""


def build(source: Path) -> str:
    data: dict[str, list[object]] = json.loads(source.read_text(encoding="utf-8"))
    women, men = [], []
    for name, (_sources, bearers, share, *_rest) in sorted(data.items()):
        if not (name.isascii() and name.isalpha()) or not isinstance(bearers, int) or bearers < MIN_BEARERS:
            continue
        if not isinstance(share, float | int):
            continue
        if share >= CLEAR:
            women.append(name)
        elif share <= 1 - CLEAR:
            men.append(name)
    return HEADER.format(bearers=MIN_BEARERS, clear=CLEAR) + f"f {' '.join(women)}\nm {' '.join(men)}\n"


if __name__ == "__main__":
    OUT.write_text(build(Path(sys.argv[1])), encoding="utf-8")
    print(f"wrote {OUT}")
