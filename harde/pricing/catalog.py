"""The materials catalog: typed items loaded from CSV, with fuzzy search over names and tags.

The demo catalog lives in data/demo/catalog/catalog.csv; `Settings.catalog_path` points at a
company's own file with the same columns (described in data/demo/catalog/README.md).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rapidfuzz import fuzz, process

from harde.errors import ConfigurationError

if TYPE_CHECKING:
    from harde.config import Settings

CoverageUnit = Literal["sq", "sqft", "lf", "each"]
COVERAGE_UNITS: tuple[str, ...] = ("sq", "sqft", "lf", "each")
REQUIRED_COLUMNS = (
    "sku",
    "category",
    "kind",
    "name",
    "unit",
    "cost",
    "price",
    "coverage",
    "coverage_unit",
)
# Below this a fuzzy match is noise ("window" is not "windshield").
MIN_SEARCH_SCORE = 60.0
# A product is named in a few words; every query word is scored against every item's words, so a
# pasted page would cost seconds. The words past these are not searched.
MAX_QUERY_WORDS = 64


@dataclass(frozen=True)
class CatalogItem:
    sku: str
    category: str
    kind: str
    name: str
    unit: str
    cost: float
    price: float
    coverage: float
    coverage_unit: CoverageUnit
    labour: float = 0.0
    supplier: str = ""
    default: bool = False
    tags: str = ""

    @property
    def search_text(self) -> str:
        return f"{self.name} {self.kind.replace('_', ' ')} {self.category} {self.tags}".lower()

    def units_for(self, measure: float) -> int:
        """Purchase units needed to cover `measure` (in coverage_unit), rounded up."""
        # The epsilon keeps 22 squares at 3 bundles a square at 66, not 67.
        return max(0, math.ceil(measure / self.coverage - 1e-9))

    def describe_coverage(self) -> str:
        names = {
            "sq": ("square", "squares"),
            "sqft": ("sq ft", "sq ft"),
            "lf": ("linear ft", "linear ft"),
            "each": ("", ""),
        }
        one, many = names[self.coverage_unit]
        if self.coverage_unit == "each":
            return f"1 per {self.unit}" if self.coverage == 1 else f"covers {self.coverage:g}"
        if self.coverage == 1 and self.unit in ("ft", "square"):
            return f"sold by the {self.unit}"
        if self.coverage < 1:
            return f"{1 / self.coverage:g} {self.unit}s per {one}"
        return f"{self.coverage:g} {one if self.coverage == 1 else many} per {self.unit}"


@dataclass(frozen=True)
class SearchHit:
    item: CatalogItem
    score: float


class Catalog:
    """An in-memory catalog; small enough that every search scans it."""

    def __init__(self, items: Sequence[CatalogItem], source: str = "") -> None:
        self.items = list(items)
        self.source = source
        self._by_sku = {item.sku.upper(): item for item in self.items}
        self._words: frozenset[str] | None = None

    def __len__(self) -> int:
        return len(self.items)

    def get(self, sku: str) -> CatalogItem | None:
        return self._by_sku.get(sku.strip().upper())

    def of_kind(self, kind: str, category: str | None = None) -> list[CatalogItem]:
        return [
            i for i in self.items if i.kind == kind and (category is None or i.category == category)
        ]

    def default(self, kind: str) -> CatalogItem | None:
        candidates = self.of_kind(kind)
        for item in candidates:
            if item.default:
                return item
        return candidates[0] if candidates else None

    def search(
        self,
        query: str,
        *,
        limit: int = 5,
        kinds: Iterable[str] | None = None,
        category: str | None = None,
        min_score: float = MIN_SEARCH_SCORE,
    ) -> list[SearchHit]:
        """Items best matching free text ("englert gutter", "ridge vent"), best first."""
        wanted = set(kinds) if kinds is not None else None
        pool = [
            item
            for item in self.items
            if (wanted is None or item.kind in wanted)
            and (category is None or item.category == category)
        ]
        needle = " ".join(_normalise(query).split()[:MAX_QUERY_WORDS])
        if not needle or not pool:
            return []
        exact = self.get(query)
        if exact is not None and exact in pool:
            return [SearchHit(exact, 100.0)]
        choices = {index: item.search_text for index, item in enumerate(pool)}
        scored = process.extract(needle, choices, scorer=_score, limit=None)
        hits = [
            SearchHit(pool[index], float(score)) for _, score, index in scored if score >= min_score
        ]
        # Ties go to the item the company uses by default, then to catalog order.
        hits.sort(key=lambda hit: (-round(hit.score, 1), not hit.item.default))
        return hits[:limit]

    def knows_word(self, word: str) -> bool:
        """Whether any item's name or search words hold this word (plurals aside)."""
        if self._words is None:
            self._words = frozenset(_stem(w) for item in self.items for w in _normalise(item.search_text).split())
        return _stem(_normalise(word)) in self._words

    def best(
        self, query: str, *, kinds: Iterable[str] | None = None, category: str | None = None
    ) -> CatalogItem | None:
        hits = self.search(query, limit=1, kinds=kinds, category=category)
        return hits[0].item if hits else None


def _normalise(text: str) -> str:
    text = text.lower().replace('"', " in ").replace("”", " in ")
    text = re.sub(r"(\d)\s*-?\s*inch(es)?\b", r"\1 in", text)
    text = re.sub(r"[^\w./ -]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _stem(word: str) -> str:
    # Plurals should not cost a match: "shingles" is "shingle", "downspouts" is "downspout".
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _score(query: str, choice: str, **_: object) -> float:
    # Every query word should find itself in the item: the per-word ratio handles word order
    # and forgives a typo ("englrt"); token_set_ratio rewards covering the whole query.
    words = [_stem(w) for w in query.split() if len(w) > 1 or w.isdigit()]
    if not words:
        return 0.0
    choice_words = [_stem(w) for w in choice.split()]
    per_word = [
        max((fuzz.ratio(word, candidate) for candidate in choice_words), default=0.0)
        for word in words
    ]
    word_score = sum(per_word) / len(per_word)
    return 0.7 * word_score + 0.3 * fuzz.token_set_ratio(" ".join(words), " ".join(choice_words))


def _parse_number(raw: str, column: str, sku: str) -> float:
    text = raw.strip().replace("$", "").replace(",", "")
    try:
        return float(Fraction(text)) if "/" in text else float(text or 0)
    except (ValueError, ZeroDivisionError) as exc:
        raise ConfigurationError(f"catalog item {sku}: {column} {raw!r} is not a number") from exc


def parse_catalog(rows: Iterable[dict[str, str]], source: str = "") -> Catalog:
    """Typed items from CSV rows; a malformed row names its SKU and column."""
    items: list[CatalogItem] = []
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2):
        clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not any(clean.values()):
            continue
        missing = [c for c in REQUIRED_COLUMNS if not clean.get(c)]
        if missing:
            raise ConfigurationError(
                f"{source or 'catalog'} line {number}: missing {', '.join(missing)}"
            )
        sku = clean["sku"]
        if sku.upper() in seen:
            raise ConfigurationError(f"{source or 'catalog'}: SKU {sku} appears twice")
        seen.add(sku.upper())
        coverage_unit = clean["coverage_unit"].lower()
        if coverage_unit not in COVERAGE_UNITS:
            raise ConfigurationError(
                f"catalog item {sku}: coverage_unit must be one of {', '.join(COVERAGE_UNITS)}"
            )
        coverage = _parse_number(clean["coverage"], "coverage", sku)
        if coverage <= 0:
            raise ConfigurationError(f"catalog item {sku}: coverage must be positive")
        items.append(
            CatalogItem(
                sku=sku,
                category=clean["category"].lower(),
                kind=clean["kind"].lower(),
                name=clean["name"],
                unit=clean["unit"],
                cost=_parse_number(clean["cost"], "cost", sku),
                price=_parse_number(clean["price"], "price", sku),
                coverage=coverage,
                coverage_unit=coverage_unit,  # type: ignore[arg-type]
                labour=_parse_number(clean.get("labour", "0"), "labour", sku),
                supplier=clean.get("supplier", ""),
                default=clean.get("default", "").lower() in ("yes", "y", "true", "1"),
                tags=clean.get("tags", ""),
            )
        )
    return Catalog(items, source)


def read_catalog(path: Path) -> Catalog:
    if not path.is_file():
        raise ConfigurationError(f"the catalog file {path} does not exist")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return parse_catalog(csv.DictReader(handle), source=path.name)


def catalog_path(settings: Settings) -> Path:
    return settings.catalog_path or settings.demo_dir / "catalog" / "catalog.csv"


def load_catalog(settings: Settings) -> Catalog:
    """The company's catalog (`catalog_path`) or the demo catalog."""
    return read_catalog(catalog_path(settings))


__all__ = ["Catalog", "CatalogItem", "SearchHit", "load_catalog", "parse_catalog", "read_catalog"]
