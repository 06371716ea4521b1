"""A pricing question as typed fields: what is asked (roof, siding, gutters, windows, a catalog
item, margin and markup) and every measure given. The pricing answers take it; reading one from
a rep's words is the understanding layer's job (harde.understanding.pricing)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Intent = Literal[
    "convert",  # margin <-> markup
    "margin_from_prices",  # cost and price -> margin and markup
    "price_from_cost",  # cost and target -> price
    "roof",
    "siding",
    "gutter",
    "downspouts",
    "windows",
    "material",  # a quantity of one catalog item
    "units",  # a count of one catalog item at its unit price, the product alone
    "lookup",  # catalog look-up
    "unknown",
]


@dataclass
class PricingQuestion:
    intent: Intent = "unknown"
    trade: str | None = None
    rise: float | None = None
    length_ft: float | None = None
    width_ft: float | None = None
    area_sqft: float | None = None
    area_is_footprint: bool = True
    squares: float | None = None
    feet: float | None = None
    waste_pct: float | None = None
    complexity: Literal["gable", "hip", "complex"] | None = None
    margin_pct: float | None = None
    markup_pct: float | None = None
    tax_pct: float | None = None
    cost: float | None = None
    price: float | None = None
    size_in: int | None = None
    style: str = "k-style"
    guards: bool = False
    stories: float | None = None
    downspouts: int | None = None
    windows: list[tuple[str, int]] = field(default_factory=list)
    doors: int = 0
    garage_doors: int = 0
    wants_money: bool = False
    # The rep asked how many bundles (of the shingle named, or the default one).
    wants_bundles: bool = False
    wants_target_from_other: Literal["margin", "markup"] | None = None
    item_query: str = ""
    overhang_ft: float | None = None
    # The area itself was asked ("what's the roof area"), not squares.
    asks_area: bool = False
    # A re-roof strips the old layers; False for new construction or an overlay.
    tear_off: bool = True
    fiber_cement: bool = False
    colorplus: bool = False
    # Words that may name the product ("duration", "hdz", "cedar"), matched against the catalog.
    product_words: list[str] = field(default_factory=list)
    # A count of catalog units ("40 pieces of drip edge", "14 double hungs") and whether only the
    # product was asked ("x our price each", "just the windows"), not an installed estimate.
    units: int | None = None
    product_only: bool = False
    # The margin or markup of one item was asked ("markup % on 6 inch k style").
    asks_margin: bool = False
    # The rep's words, only to quote back in an answer ("nothing matching ...").
    text: str = ""
