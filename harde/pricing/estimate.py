"""Estimates: catalog line items (quantity from coverage and waste, labour per unit), tax on
materials, and a price set by a target margin or markup.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from harde.errors import InputError
from harde.pricing.catalog import Catalog, CatalogItem
from harde.pricing.geometry import (
    STORY_HEIGHT_FT,
    RoofComplexity,
    RoofLines,
    downspouts_for,
    pitch_factor,
    roof_lines,
)
from harde.pricing.margins import Target, margin_of, markup_of

# Ice and water shield along the eaves: two 3-ft courses (Massachusetts code: 24 in inside the wall).
ICE_WATER_WIDTH_FT = 6.0
EDGE_WASTE = 0.05
UNDERLAYMENT_WASTE = 0.10
HOUSE_WRAP_WASTE = 0.10
ELBOWS_PER_DOWNSPOUT = 3
# Siding trim when only the wall area is known: allowances per 100 sq ft of wall.
J_CHANNEL_LF_PER_100_SQFT = 12.5
CORNER_LF_PER_100_SQFT = 4.5
STARTER_LF_PER_100_SQFT = 6.0


@dataclass(frozen=True)
class LineItem:
    sku: str
    description: str
    quantity: int
    unit: str
    unit_cost: float
    labour_cost: float
    basis: str  # how the quantity was worked out

    @property
    def material_cost(self) -> float:
        return round(self.quantity * self.unit_cost, 2)

    @property
    def total_cost(self) -> float:
        return round(self.material_cost + self.labour_cost, 2)


@dataclass
class Estimate:
    title: str
    lines: list[LineItem]
    tax_rate: float
    target: Target
    working: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    @property
    def materials(self) -> float:
        return round(sum(line.material_cost for line in self.lines), 2)

    @property
    def tax(self) -> float:
        return round(self.materials * self.tax_rate, 2)

    @property
    def labour(self) -> float:
        return round(sum(line.labour_cost for line in self.lines), 2)

    @property
    def cost(self) -> float:
        return round(self.materials + self.tax + self.labour, 2)

    @property
    def price(self) -> float:
        return round(self.target.price(self.cost), 2)

    @property
    def profit(self) -> float:
        return round(self.price - self.cost, 2)

    @property
    def margin(self) -> float:
        return margin_of(self.cost, self.price)

    @property
    def markup(self) -> float:
        return markup_of(self.cost, self.price)


def measure_in(
    item: CatalogItem,
    *,
    sqft: float | None = None,
    lf: float | None = None,
    count: float | None = None,
) -> float:
    """A take-off measure in the item's coverage unit."""
    if item.coverage_unit == "sq" and sqft is not None:
        return sqft / 100.0
    if item.coverage_unit == "sqft" and sqft is not None:
        return sqft
    if item.coverage_unit == "lf" and lf is not None:
        return lf
    if item.coverage_unit == "each" and count is not None:
        return count
    raise InputError(
        f"{item.name} is counted in {item.coverage_unit}, which this take-off does not measure"
    )


def line_for(
    item: CatalogItem,
    measure: float,
    basis: str,
    *,
    waste: float = 0.0,
    labour_measure: float | None = None,
) -> LineItem:
    """Units to buy for `measure` (+ waste) in the item's coverage unit; labour on the net measure."""
    quantity = item.units_for(measure * (1 + waste))
    labour = round(item.labour * (measure if labour_measure is None else labour_measure), 2)
    return LineItem(item.sku, item.name, quantity, item.unit, item.cost, labour, basis)


def _required(catalog: Catalog, kind: str) -> CatalogItem:
    item = catalog.default(kind)
    if item is None:
        raise InputError(f"the catalog has no {kind.replace('_', ' ')} item, so I can't price that")
    return item


def _fmt(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def roof_estimate(
    catalog: Catalog,
    *,
    roof_area_sqft: float,
    waste: float,
    target: Target,
    tax_rate: float,
    lines: RoofLines | None = None,
    rise: float = 6.0,
    complexity: RoofComplexity = "gable",
    shingle: CatalogItem | None = None,
    tear_off: bool = True,
    working: list[str] | None = None,
) -> Estimate:
    """A reroof: tear-off, shingles, underlayment, ice and water, edges, ridge vent, cap, nails."""
    shingle = shingle or _required(catalog, "shingle")
    assumptions: list[str] = []
    if lines is None:
        # Only the area is known: treat the plan as a square to size the edges.
        side = math.sqrt(roof_area_sqft / pitch_factor(rise))
        lines = roof_lines(side, side, rise, complexity)
        assumptions.append(
            f"Edges sized as if the plan were square ({_fmt(side)} ft a side); measure eaves and rakes for a firm figure."
        )
    area_with_waste = roof_area_sqft * (1 + waste)
    net_squares = roof_area_sqft / 100
    out: list[LineItem] = []
    if tear_off:
        tear = catalog.default("tearoff")
        if tear is not None:
            out.append(line_for(tear, net_squares, f"{net_squares:.1f} squares, one layer"))
            assumptions.append("Tear-off of one existing layer included.")
    out.append(
        line_for(
            shingle,
            net_squares,
            f"{net_squares:.1f} sq + {waste * 100:g}% waste = {area_with_waste / 100:.1f} sq",
            waste=waste,
        )
    )
    underlayment = _required(catalog, "underlayment")
    out.append(
        line_for(
            underlayment,
            measure_in(underlayment, sqft=roof_area_sqft),
            f"{_fmt(roof_area_sqft)} sq ft + 10% laps",
            waste=UNDERLAYMENT_WASTE,
        )
    )
    ice = catalog.default("ice_water")
    if ice is not None and lines.eaves_ft > 0:
        ice_sqft = lines.eaves_ft * ICE_WATER_WIDTH_FT
        out.append(
            line_for(
                ice,
                measure_in(ice, sqft=ice_sqft),
                f"{_fmt(lines.eaves_ft)} ft of eaves x {ICE_WATER_WIDTH_FT:g} ft",
            )
        )
    edge_lf = lines.eaves_ft + lines.rakes_ft
    for kind, basis in (("drip_edge", "eaves and rakes"), ("starter", "eaves and rakes")):
        item = catalog.default(kind)
        if item is not None:
            out.append(
                line_for(item, edge_lf, f"{_fmt(edge_lf)} ft of {basis} + 5%", waste=EDGE_WASTE)
            )
    vent = catalog.default("ridge_vent")
    if vent is not None and lines.ridge_ft > 0:
        out.append(line_for(vent, lines.ridge_ft, f"{_fmt(lines.ridge_ft)} ft of ridge"))
    cap = catalog.default("ridge_cap")
    cap_lf = lines.ridge_ft + lines.hips_ft
    if cap is not None and cap_lf > 0:
        out.append(
            line_for(cap, cap_lf, f"{_fmt(cap_lf)} ft of ridge and hips + 5%", waste=EDGE_WASTE)
        )
    nails = catalog.default("nails")
    if nails is not None:
        out.append(
            line_for(
                nails, measure_in(nails, sqft=area_with_waste), f"{area_with_waste / 100:.1f} sq"
            )
        )
    assumptions.append("Valleys, step flashing, pipe boots and decking repairs are not included.")
    return Estimate(
        title=f"Roof estimate: {net_squares:.1f} squares, {shingle.name}",
        lines=out,
        tax_rate=tax_rate,
        target=target,
        working=list(working or []),
        assumptions=assumptions,
    )


def siding_estimate(
    catalog: Catalog,
    *,
    wall_sqft: float,
    target: Target,
    tax_rate: float,
    waste: float = 0.10,
    siding: CatalogItem | None = None,
    perimeter_ft: float | None = None,
    corners_lf: float | None = None,
    openings_trim_lf: float | None = None,
    working: list[str] | None = None,
) -> Estimate:
    """Siding, house wrap, starter, trim around openings and corners, nails."""
    siding = siding or _required(catalog, "siding")
    fiber_cement = "fiber cement" in siding.search_text
    assumptions: list[str] = []
    net = measure_in(siding, sqft=wall_sqft)
    out = [line_for(siding, net, f"{_fmt(wall_sqft)} sq ft + {waste * 100:g}% waste", waste=waste)]
    wrap = catalog.default("house_wrap")
    if wrap is not None:
        out.append(
            line_for(
                wrap,
                measure_in(wrap, sqft=wall_sqft),
                f"{_fmt(wall_sqft)} sq ft + 10% laps",
                waste=HOUSE_WRAP_WASTE,
            )
        )
    if perimeter_ft is None:
        starter_lf = wall_sqft / 100 * STARTER_LF_PER_100_SQFT
        assumptions.append(
            "Starter, corners and opening trim are allowances from the wall area; measure them for a firm figure."
        )
    else:
        starter_lf = perimeter_ft
    corner_lf = corners_lf if corners_lf is not None else wall_sqft / 100 * CORNER_LF_PER_100_SQFT
    trim_lf = (
        openings_trim_lf
        if openings_trim_lf is not None
        else wall_sqft / 100 * J_CHANNEL_LF_PER_100_SQFT
    )
    if fiber_cement:
        trim = catalog.default("trim")
        if trim is not None:
            # Each outside corner takes two boards; openings take one run of trim.
            total = 2 * corner_lf + trim_lf
            out.append(
                line_for(
                    trim,
                    total,
                    f"{_fmt(corner_lf)} ft of corners x 2 + {_fmt(trim_lf)} ft around openings",
                    waste=EDGE_WASTE,
                )
            )
    else:
        for kind, lf, basis in (
            ("siding_starter", starter_lf, "of starter along the base"),
            ("j_channel", trim_lf, "of J-channel around openings and eaves"),
            ("corner", corner_lf, "of outside corners"),
        ):
            item = catalog.default(kind)
            if item is not None:
                out.append(line_for(item, lf, f"{_fmt(lf)} ft {basis} + 5%", waste=EDGE_WASTE))
    nails = catalog.default("siding_nails")
    if nails is not None:
        out.append(line_for(nails, measure_in(nails, sqft=wall_sqft), f"{_fmt(wall_sqft)} sq ft"))
    return Estimate(
        title=f"Siding estimate: {_fmt(wall_sqft)} sq ft of wall, {siding.name}",
        lines=out,
        tax_rate=tax_rate,
        target=target,
        working=list(working or []),
        assumptions=assumptions,
    )


def gutter_items(
    catalog: Catalog, size_in: int | None, style: str
) -> dict[str, CatalogItem | None]:
    """The gutter, downspout, elbow, hanger and guard that go together for a size and style."""
    half_round = style == "half-round"
    size = size_in or 5

    def pick(kind: str, *words: str) -> CatalogItem | None:
        items = catalog.of_kind(kind)
        for item in items:
            text = item.search_text
            if all(word in text for word in words):
                return item
        return catalog.default(kind)

    size_word = f"{size} in"
    if half_round:
        return {
            "gutter": pick("gutter", size_word, "half-round"),
            "downspout": pick("downspout", "round"),
            "elbow": pick("elbow", "round"),
            "hanger": pick("hanger", "half-round"),
            "guard": pick("guard", size_word),
        }
    pipe = "3x4" if size >= 6 else "2x3"
    return {
        "gutter": pick("gutter", size_word, "k-style"),
        "downspout": pick("downspout", pipe),
        "elbow": pick("elbow", pipe),
        "hanger": pick("hanger", size_word),
        "guard": pick("guard", size_word),
    }


def gutter_estimate(
    catalog: Catalog,
    *,
    gutter_ft: float,
    target: Target,
    tax_rate: float,
    size_in: int | None = None,
    style: str = "k-style",
    downspouts: int | None = None,
    stories: float = 1,
    guards: bool = False,
    working: list[str] | None = None,
) -> Estimate:
    items = gutter_items(catalog, size_in, style)
    gutter = items["gutter"]
    if gutter is None:
        raise InputError("the catalog has no gutter, so I can't price that")
    assumptions: list[str] = []
    spouts = downspouts_for(gutter_ft)
    count = downspouts if downspouts is not None else spouts.planned
    if downspouts is None:
        assumptions.append(
            f"{count} downspouts: one per 30–40 ft of gutter ({spouts.fewest}–{spouts.most} for {_fmt(gutter_ft)} ft)."
        )
    drop_ft = STORY_HEIGHT_FT * stories
    assumptions.append(
        f"Each downspout drops {drop_ft:g} ft ({stories:g} stor{'y' if stories == 1 else 'ies'} at {STORY_HEIGHT_FT:g} ft)."
    )
    out = [line_for(gutter, gutter_ft, f"{_fmt(gutter_ft)} ft")]
    hanger = items["hanger"]
    if hanger is not None:
        out.append(line_for(hanger, gutter_ft, f"one every 2 ft along {_fmt(gutter_ft)} ft"))
    downspout = items["downspout"]
    if downspout is not None and count > 0:
        # Whole lengths per downspout: offcuts of one drop rarely make another.
        pieces = count * downspout.units_for(drop_ft)
        labour = round(downspout.labour * count * drop_ft, 2)
        out.append(
            LineItem(
                downspout.sku,
                downspout.name,
                pieces,
                downspout.unit,
                downspout.cost,
                labour,
                f"{count} downspouts x {drop_ft:g} ft",
            )
        )
    elbow = items["elbow"]
    if elbow is not None and count > 0:
        out.append(
            line_for(elbow, count * ELBOWS_PER_DOWNSPOUT, f"{ELBOWS_PER_DOWNSPOUT} per downspout")
        )
    guard = items["guard"]
    if guards and guard is not None:
        out.append(line_for(guard, gutter_ft, f"{_fmt(gutter_ft)} ft"))
    return Estimate(
        title=f"Gutter estimate: {_fmt(gutter_ft)} ft of {gutter.name}",
        lines=out,
        tax_rate=tax_rate,
        target=target,
        working=list(working or []),
        assumptions=assumptions,
    )


def window_estimate(
    catalog: Catalog,
    *,
    windows: list[tuple[CatalogItem, int]],
    target: Target,
    tax_rate: float,
    working: list[str] | None = None,
) -> Estimate:
    if not windows or sum(n for _, n in windows) <= 0:
        raise InputError("say how many windows, and which kind")
    out = [line_for(item, n, f"{n} window{'s' if n != 1 else ''}") for item, n in windows]
    total = sum(n for _, n in windows)
    kit = catalog.default("window_kit")
    if kit is not None:
        out.append(line_for(kit, total, f"one per window ({total})"))
    names = ", ".join(f"{n} x {item.name}" for item, n in windows)
    return Estimate(
        title=f"Window estimate: {names}",
        lines=out,
        tax_rate=tax_rate,
        target=target,
        working=list(working or []),
        assumptions=[
            "Standard sizes (up to 101 united inches); no structural or interior trim work."
        ],
    )


def material_estimate(
    item: CatalogItem,
    *,
    measure: float,
    basis: str,
    target: Target,
    tax_rate: float,
    with_labour: bool = True,
) -> Estimate:
    line = line_for(item, measure, basis)
    if not with_labour:
        line = LineItem(
            line.sku, line.description, line.quantity, line.unit, line.unit_cost, 0.0, line.basis
        )
    return Estimate(title=f"{item.name}: {basis}", lines=[line], tax_rate=tax_rate, target=target)
