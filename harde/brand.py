"""The company's brand folder (`HARDE_BRAND_DIR`): `brand.toml` read in one place, and the phone
numbers a homeowner is given.

The CRM has no phone numbers for reps, so they live here: a rep's own line under `[rep_phones]`
(by the rep's name or email in the CRM) and the company's main line as `phone`, the fallback for
everyone. A number is only ever one the company wrote down; with none, videos and scripts leave
the phone out.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harde.errors import ConfigurationError

BRAND_FILE = "brand.toml"


def read_brand_toml(brand_dir: Path | None) -> dict[str, Any]:
    """`brand.toml`'s values; empty without a folder or a file. A folder that is not one, or a
    file that is not TOML, is a configuration error (a typo should not silently drop the brand)."""
    if brand_dir is None:
        return {}
    if not brand_dir.is_dir():
        raise ConfigurationError(f"HARDE_BRAND_DIR {brand_dir} is not a folder")
    path = brand_dir / BRAND_FILE
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"{path} is not valid TOML: {exc}") from exc


def _phone(value: object, where: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    digits = re.sub(r"\D", "", text)
    if not 7 <= len(digits) <= 15 or re.search(r"[^\d\s().+\-]", text):
        raise ConfigurationError(f"{BRAND_FILE}: {where} must be a phone number such as \"(555) 014-2200\"")
    return text


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class PhoneBook:
    """The numbers the company gives homeowners: its main line and its reps' own lines."""

    main_line: str = ""
    # Keyed by a rep's name or email, folded (case and spacing do not matter).
    rep_lines: Mapping[str, str] = field(default_factory=dict)

    def rep_line(self, *names: str) -> str:
        """The rep's own line, looked up by any of `names` (full name, email); "" for none."""
        return next((self.rep_lines[_key(n)] for n in names if n and _key(n) in self.rep_lines), "")


def phone_book(data: Mapping[str, Any]) -> PhoneBook:
    """The phone book in `brand.toml`'s values: `phone` and the `[rep_phones]` table."""
    main = _phone(data["phone"], "phone") if data.get("phone") not in (None, "") else ""
    table = data.get("rep_phones", {})
    if not isinstance(table, Mapping):
        raise ConfigurationError(f"{BRAND_FILE}: rep_phones must be a table of rep name = \"phone\"")
    reps = {_key(str(name)): _phone(number, f"rep_phones.{name}") for name, number in table.items()}
    return PhoneBook(main_line=main, rep_lines=reps)


def load_phone_book(brand_dir: Path | None) -> PhoneBook:
    return phone_book(read_brand_toml(brand_dir))
