"""Answers to pricing questions as markdown, with the working shown.

`answer_question` takes a typed `PricingQuestion` (read from a rep's words by
harde.understanding.pricing), runs the geometry and the estimate, and says plainly when the
catalog or the question does not give enough to answer.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from harde.errors import InputError
from harde.pricing.catalog import Catalog, CatalogItem
from harde.pricing.estimate import (
    Estimate,
    gutter_estimate,
    material_estimate,
    measure_in,
    roof_estimate,
    siding_estimate,
    window_estimate,
)
from harde.pricing.geometry import (
    WASTE_BY_COMPLEXITY,
    bundles,
    downspouts_for,
    footprint_from_dimensions,
    openings_area,
    pitch_factor,
    roof_lines,
    siding_wall_area,
    squares,
    waste_fraction,
)
from harde.pricing.margins import (
    Target,
    margin_of,
    margin_to_markup,
    markup_of,
    markup_to_margin,
    price_for_margin,
    price_for_markup,
)
from harde.pricing.query import PricingQuestion

CANNOT = (
    "I can't answer that from the catalog and the figures given. I price roofs (footprint or "
    "dimensions and pitch), siding (wall area or dimensions), gutters (feet), windows (counts), "
    "catalog items, and margin or markup; tell me the measurements."
)
# No residential job has a measure, count or price beyond this.
MAX_FIGURE = 1e9


@dataclass(frozen=True)
class PricingPolicy:
    tax_rate: float = 0.0625
    target_margin: float = 0.35


def units_word(unit: str, quantity: float) -> str:
    """'box' -> 'boxes', 'each' and 'ft' stay as they are."""
    if quantity == 1 or unit in ("each", "ft", "lf", "sq ft") or unit.endswith("s"):
        return unit
    return f"{unit}es" if unit.endswith(("x", "ch", "sh")) else f"{unit}s"


def money(value: float) -> str:
    return f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"


def pct(rate: float) -> str:
    return f"{rate * 100:.1f}%"


def num(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def render_estimate(estimate: Estimate) -> str:
    parts = [f"**{estimate.title}**"]
    if estimate.working:
        parts.append("\n".join(f"- {line}" for line in estimate.working))
    rows = [
        "| Item | Qty | Unit cost | Materials | Labour | Basis |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for line in estimate.lines:
        rows.append(
            f"| {line.description} ({line.sku}) | {line.quantity:,} {units_word(line.unit, line.quantity)} "
            f"| {money(line.unit_cost)} | {money(line.material_cost)} | {money(line.labour_cost)} | {line.basis} |"
        )
    parts.append("\n".join(rows))
    totals = [
        f"- Materials: {money(estimate.materials)}",
        f"- Sales tax on materials ({estimate.tax_rate * 100:g}%): {money(estimate.tax)}",
        f"- Labour: {money(estimate.labour)}",
        f"- **Total cost: {money(estimate.cost)}**",
        f"- **Price at a {estimate.target.describe()}: {money(estimate.price)}**",
        f"- Profit: {money(estimate.profit)}; margin {pct(estimate.margin)} (profit ÷ price), "
        f"markup {pct(estimate.markup)} (profit ÷ cost)",
    ]
    parts.append("\n".join(totals))
    if estimate.assumptions:
        parts.append("Assumptions: " + " ".join(estimate.assumptions))
    return "\n\n".join(parts)


def estimate_summary(estimate: Estimate) -> str:
    """A short plain-text version for a CRM note."""
    lines = [estimate.title]
    for line in estimate.lines:
        lines.append(
            f"- {line.quantity:,} {units_word(line.unit, line.quantity)} {line.description} ({line.sku}): materials {money(line.material_cost)}, labour {money(line.labour_cost)}"
        )
    lines.append(
        f"Materials {money(estimate.materials)}, tax {money(estimate.tax)}, labour {money(estimate.labour)}, "
        f"cost {money(estimate.cost)}; price {money(estimate.price)} at a {estimate.target.describe()} "
        f"(margin {pct(estimate.margin)}, markup {pct(estimate.markup)})."
    )
    return "\n".join(lines)


def target_for(question: PricingQuestion, policy: PricingPolicy) -> Target:
    if question.margin_pct is not None:
        return Target("margin", question.margin_pct / 100)
    if question.markup_pct is not None:
        return Target("markup", question.markup_pct / 100)
    return Target("margin", policy.target_margin)


def _policy_for(question: PricingQuestion, policy: PricingPolicy) -> PricingPolicy:
    if question.tax_pct is not None:
        return PricingPolicy(tax_rate=question.tax_pct / 100, target_margin=policy.target_margin)
    return policy


# --- margin and markup ---------------------------------------------------------------------
def answer_conversion(question: PricingQuestion) -> str:
    if question.margin_pct is not None and question.wants_target_from_other != "margin":
        margin = question.margin_pct / 100
        markup = margin_to_markup(margin)
        return (
            f"A **{question.margin_pct:g}% margin** needs a **{pct(markup)} markup**.\n\n"
            f"- markup = margin ÷ (1 − margin) = {margin:g} ÷ {1 - margin:g} = {markup:.4f}\n"
            f"- Check on $100 of cost: price = $100 × {1 + markup:.4f} = {money(100 * (1 + markup))}; "
            f"profit {money(100 * markup)} is {pct(margin)} of the price.\n\n"
            "Margin is profit ÷ price; markup is profit ÷ cost."
        )
    assert question.markup_pct is not None
    markup = question.markup_pct / 100
    margin = markup_to_margin(markup)
    return (
        f"A **{question.markup_pct:g}% markup** gives a **{pct(margin)} margin**.\n\n"
        f"- margin = markup ÷ (1 + markup) = {markup:g} ÷ {1 + markup:g} = {margin:.4f}\n"
        f"- Check on $100 of cost: price {money(100 * (1 + markup))}, profit {money(100 * markup)}, "
        f"which is {pct(margin)} of the price.\n\n"
        "Margin is profit ÷ price; markup is profit ÷ cost."
    )


def answer_margin_from_prices(cost: float, price: float) -> str:
    profit = price - cost
    return (
        f"Cost {money(cost)}, price {money(price)}: profit **{money(profit)}**, "
        f"**margin {pct(margin_of(cost, price))}** (profit ÷ price = {money(profit)} ÷ {money(price)}), "
        f"**markup {pct(markup_of(cost, price))}** (profit ÷ cost = {money(profit)} ÷ {money(cost)})."
    )


def answer_price_from_cost(cost: float, target: Target) -> str:
    price = (
        price_for_margin(cost, target.rate)
        if target.kind == "margin"
        else price_for_markup(cost, target.rate)
    )
    formula = (
        f"price = cost ÷ (1 − margin) = {money(cost)} ÷ {1 - target.rate:g}"
        if target.kind == "margin"
        else f"price = cost × (1 + markup) = {money(cost)} × {1 + target.rate:g}"
    )
    return (
        f"At a {target.describe()}, a cost of {money(cost)} sells for **{money(price)}**.\n\n"
        f"- {formula} = {money(price)}\n"
        f"- Profit {money(price - cost)}: margin {pct(margin_of(cost, price))}, markup {pct(markup_of(cost, price))}."
    )


# --- roofs ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class RoofTakeoff:
    footprint_sqft: float | None
    rise: float | None
    roof_area_sqft: float
    waste: float | None
    working: list[str]

    @property
    def squares_net(self) -> float:
        return squares(self.roof_area_sqft)

    @property
    def squares_with_waste(self) -> float:
        return squares(self.roof_area_sqft * (1 + (self.waste or 0)))


def roof_takeoff(
    *,
    footprint_sqft: float | None = None,
    length_ft: float | None = None,
    width_ft: float | None = None,
    overhang_ft: float | None = None,
    roof_area_sqft: float | None = None,
    rise: float | None = None,
    waste_pct: float | None = None,
    complexity: str | None = None,
) -> RoofTakeoff:
    """Roof area and squares with each step written out."""
    working: list[str] = []
    if length_ft is not None and width_ft is not None:
        footprint_sqft = footprint_from_dimensions(length_ft, width_ft, overhang_ft or 0)
        if overhang_ft:
            working.append(
                f"Footprint: ({num(length_ft, 1 if length_ft % 1 else 0)} + 2 × {overhang_ft:g}) × ({num(width_ft, 1 if width_ft % 1 else 0)} + 2 × {overhang_ft:g}) = {num(footprint_sqft)} sq ft"
            )
        else:
            working.append(
                f"Footprint: {num(length_ft, 1 if length_ft % 1 else 0)} × {num(width_ft, 1 if width_ft % 1 else 0)} = {num(footprint_sqft)} sq ft"
            )
    if footprint_sqft is not None and rise is not None:
        factor = pitch_factor(rise)
        area = footprint_sqft * factor
        working.append(f"Pitch factor for {rise:g}/12: √(1 + ({rise:g}/12)²) = {factor:.3f}")
        working.append(f"Roof area: {num(footprint_sqft)} sq ft × {factor:.3f} = {num(area)} sq ft")
    elif roof_area_sqft is not None:
        area = roof_area_sqft
        working.append(f"Roof area (sloped, as given): {num(area)} sq ft")
    elif footprint_sqft is not None:
        raise InputError("I need the roof pitch (like 6/12) to turn a footprint into roof area")
    else:
        raise InputError("I need the footprint (sq ft or length × width) and the pitch")
    waste: float | None = None
    if waste_pct is not None or complexity is not None:
        waste = waste_fraction(complexity if complexity in WASTE_BY_COMPLEXITY else None, waste_pct)  # type: ignore[arg-type]
        with_waste = area * (1 + waste)
        why = (
            f"{waste_pct:g}% waste"
            if waste_pct is not None
            else f"{waste * 100:g}% waste for a {complexity} roof"
        )
        working.append(f"With {why}: {num(area)} × {1 + waste:g} = {num(with_waste)} sq ft")
        working.append(f"Squares: {num(with_waste)} ÷ 100 = {with_waste / 100:.1f}")
    else:
        working.append(f"Squares: {num(area)} ÷ 100 = {area / 100:.1f} (before waste)")
    return RoofTakeoff(footprint_sqft, rise, area, waste, working)


def answer_roof_quantities(takeoff: RoofTakeoff, asked_area: bool) -> str:
    area = takeoff.roof_area_sqft
    if takeoff.waste is not None:
        sq = takeoff.squares_with_waste
        head = f"About **{sq:.1f} squares** ({num(area * (1 + takeoff.waste))} sq ft with waste; {num(area)} sq ft of roof before waste)."
    elif asked_area:
        head = f"The roof area is about **{num(area)} sq ft**, or **{squares(area):.1f} squares** before waste."
    else:
        head = f"About **{squares(area):.1f} squares** before waste ({num(area)} sq ft of roof)."
    lines = [head, "", *(f"- {step}" for step in takeoff.working)]
    sq_order = takeoff.squares_with_waste
    if takeoff.waste is None:
        options = ", ".join(
            f"{shape} {rate * 100:g}% → {squares(area * (1 + rate)):.1f} sq"
            for shape, rate in WASTE_BY_COMPLEXITY.items()
        )
        lines.append(f"- Typical waste: {options}.")
    else:
        lines.append(
            f"- Shingles to order: {sq_order:.1f} sq × 3 bundles = **{bundles(sq_order)} bundles** (3-bundle-a-square shingles)."
        )
    return "\n".join(lines)


# --- the dispatcher ------------------------------------------------------------------------
def _shingle_for(catalog: Catalog, question: PricingQuestion) -> CatalogItem | None:
    return mentioned_item(catalog, question.product_words, "shingle")


def mentioned_item(catalog: Catalog, said: list[str], kind: str) -> CatalogItem | None:
    """The item of this kind that the words said name by a word no other item of the kind shares."""
    items = catalog.of_kind(kind)
    if not items:
        return None
    words_of = {item.sku: set(re.findall(r"[a-z0-9]+", item.search_text)) for item in items}
    counts: dict[str, int] = {}
    for words in words_of.values():
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    text_words = {w.rstrip("s") if len(w) > 3 else w for w in said}
    best: tuple[int, bool, CatalogItem] | None = None
    for item in items:
        distinctive = {
            w
            for w in words_of[item.sku]
            if counts[w] <= max(1, len(items) // 2) and len(w) >= 3 and not w.isdigit()
        }
        hits = sum(1 for w in distinctive if w in text_words or w.rstrip("s") in text_words)
        if hits and (best is None or (hits, item.default) > (best[0], best[1])):
            best = (hits, item.default, item)
    return best[2] if best else catalog.default(kind)


def check_figures(question: PricingQuestion) -> None:
    """InputError when a figure is beyond any real job (a pasted run of digits reads as one number)."""
    figures = [v for v in vars(question).values() if isinstance(v, int | float) and not isinstance(v, bool)]
    figures += [count for _, count in question.windows]
    if any(not math.isfinite(v) or abs(v) > MAX_FIGURE for v in figures):
        raise InputError(f"one of the figures is larger than any real job (over {MAX_FIGURE:,.0f})")


def answer_question(question: PricingQuestion, catalog: Catalog, policy: PricingPolicy | None = None) -> str:
    """Answer a pricing question from the catalog, with the working; or say what is missing."""
    policy = policy or PricingPolicy()
    try:
        check_figures(question)
        return _answer(question, catalog, _policy_for(question, policy))
    except InputError as error:
        return f"I can't work that out yet: {error}."


def estimate_for_question(
    question: PricingQuestion, catalog: Catalog, policy: PricingPolicy | None = None
) -> Estimate | None:
    """The estimate a question asks for (roof, siding, gutters, windows, one item), if any."""
    check_figures(question)
    policy = policy or PricingPolicy()
    policy = _policy_for(question, policy)
    target = target_for(question, policy)
    if question.intent == "roof":
        return _roof_estimate(question, catalog, policy, target)
    if question.intent == "siding":
        return _siding_estimate(question, catalog, policy, target)
    if question.intent == "gutter":
        return _gutter_estimate(question, catalog, policy, target)
    if question.intent == "windows":
        return _window_estimate(question, catalog, policy, target)
    if question.intent == "material":
        return _material_estimate(question, catalog, policy, target)
    return None


def _answer(question: PricingQuestion, catalog: Catalog, policy: PricingPolicy) -> str:
    intent = question.intent
    if intent == "convert":
        return answer_conversion(question)
    if intent == "margin_from_prices":
        assert question.cost is not None and question.price is not None
        return answer_margin_from_prices(question.cost, question.price)
    if intent == "price_from_cost":
        assert question.cost is not None
        return answer_price_from_cost(question.cost, target_for(question, policy))
    if intent == "roof":
        if not question.wants_money:
            takeoff = _roof_takeoff(question)
            answer = answer_roof_quantities(takeoff, question.asks_area)
            if question.wants_bundles:
                shingle = _shingle_for(catalog, question) or catalog.default("shingle")
                if shingle is not None:
                    area_sq = takeoff.squares_with_waste if takeoff.waste is not None else squares(takeoff.roof_area_sqft)
                    count = shingle.units_for(area_sq)
                    answer = (
                        f"**{count} bundles** of {shingle.name} for {area_sq:.1f} squares "
                        f"({shingle.describe_coverage()}).\n\n{answer}"
                    )
            return answer
        return render_estimate(
            _roof_estimate(question, catalog, policy, target_for(question, policy))
        )
    if intent == "downspouts":
        return _answer_downspouts(question)
    if intent == "siding":
        return render_estimate(
            _siding_estimate(question, catalog, policy, target_for(question, policy))
        )
    if intent == "gutter":
        return render_estimate(
            _gutter_estimate(question, catalog, policy, target_for(question, policy))
        )
    if intent == "windows":
        return render_estimate(
            _window_estimate(question, catalog, policy, target_for(question, policy))
        )
    if intent == "material":
        return _answer_material(question, catalog, policy)
    if intent == "units":
        return _answer_units(question, catalog)
    if intent == "lookup":
        sized = f"{question.size_in:g} inch {question.item_query}" if question.size_in and question.item_query else question.item_query
        return answer_lookup(sized, catalog, one=question.asks_margin)
    return CANNOT


def _roof_takeoff(question: PricingQuestion) -> RoofTakeoff:
    if question.squares is not None and question.area_sqft is None and question.length_ft is None:
        area = question.squares * 100
        return roof_takeoff(
            roof_area_sqft=area, waste_pct=question.waste_pct, complexity=question.complexity
        )
    footprint = question.area_sqft if question.area_is_footprint else None
    return roof_takeoff(
        footprint_sqft=footprint,
        length_ft=question.length_ft,
        width_ft=question.width_ft,
        overhang_ft=question.overhang_ft,
        roof_area_sqft=None if question.area_is_footprint else question.area_sqft,
        rise=question.rise,
        waste_pct=question.waste_pct,
        complexity=question.complexity,
    )


def _roof_estimate(
    question: PricingQuestion, catalog: Catalog, policy: PricingPolicy, target: Target
) -> Estimate:
    takeoff = _roof_takeoff(question)
    complexity = question.complexity or "gable"
    waste = takeoff.waste if takeoff.waste is not None else waste_fraction(complexity)
    working = list(takeoff.working)
    if takeoff.waste is None:
        working.append(
            f"Waste: {waste * 100:g}% for a {complexity} roof (say another figure if you like)"
        )
    lines = None
    rise = question.rise if question.rise is not None else 6.0
    if question.length_ft is not None and question.width_ft is not None:
        overhang = question.overhang_ft or 0
        lines = roof_lines(
            question.length_ft + 2 * overhang, question.width_ft + 2 * overhang, rise, complexity
        )
    return roof_estimate(
        catalog,
        roof_area_sqft=takeoff.roof_area_sqft,
        waste=waste,
        target=target,
        tax_rate=policy.tax_rate,
        lines=lines,
        rise=rise,
        complexity=complexity,
        shingle=_shingle_for(catalog, question),
        tear_off=question.tear_off,
        working=working,
    )


def _siding_estimate(
    question: PricingQuestion, catalog: Catalog, policy: PricingPolicy, target: Target
) -> Estimate:
    working: list[str] = []
    perimeter = None
    corners = None
    trim = None
    openings = openings_area(
        len(question.windows) and sum(n for _, n in question.windows),
        question.doors,
        question.garage_doors,
    )
    if question.area_sqft is not None:
        wall = question.area_sqft - openings
        if openings:
            working.append(
                f"Wall: {num(question.area_sqft)} sq ft less {num(openings)} sq ft of openings = {num(wall)} sq ft"
            )
        else:
            working.append(f"Wall area: {num(wall)} sq ft (as given, openings already out)")
    elif question.squares is not None:
        wall = question.squares * 100 - openings
        working.append(
            f"Wall area: {question.squares:g} squares = {num(wall + openings)} sq ft"
            + (f", less {num(openings)} sq ft of openings" if openings else "")
        )
    else:
        stories = question.stories or 1
        height = 9.0 if question.stories else 8.0
        if question.length_ft is not None and question.width_ft is not None:
            perimeter = 2 * (question.length_ft + question.width_ft)
            working.append(
                f"Perimeter: 2 × ({question.length_ft:g} + {question.width_ft:g}) = {num(perimeter)} ft"
            )
        elif question.feet is not None:
            perimeter = question.feet
            working.append(f"Perimeter: {num(perimeter)} ft")
        else:
            raise InputError("I need the wall area (sq ft) or the house dimensions to price siding")
        gross = perimeter * height * stories
        wall = siding_wall_area(
            perimeter_ft=perimeter, wall_height_ft=height, stories=stories, openings_sqft=openings
        )
        working.append(
            f"Walls: {num(perimeter)} ft × {height:g} ft × {stories:g} stor{'y' if stories == 1 else 'ies'} = {num(gross)} sq ft"
        )
        if openings:
            working.append(f"Less openings: {num(openings)} sq ft → {num(wall)} sq ft")
        corners = 4 * height * stories
        windows = sum(n for _, n in question.windows)
        if windows or question.doors:
            trim = windows * 14 + question.doors * 17
    if wall <= 0:
        raise InputError("the openings are larger than the wall area")
    waste = (question.waste_pct or 10) / 100
    siding = mentioned_item(catalog, question.product_words, "siding")
    if question.fiber_cement:
        fc = [i for i in catalog.of_kind("siding") if "fiber cement" in i.search_text]
        if fc and (siding is None or siding not in fc):
            siding = next(
                (
                    i
                    for i in fc
                    if "colorplus" in i.search_text and question.colorplus
                ),
                fc[0],
            )
    return siding_estimate(
        catalog,
        wall_sqft=wall,
        target=target,
        tax_rate=policy.tax_rate,
        waste=waste,
        siding=siding,
        perimeter_ft=perimeter,
        corners_lf=corners,
        openings_trim_lf=trim,
        working=working,
    )


def _gutter_length(question: PricingQuestion) -> float:
    if question.feet is not None:
        return question.feet
    if question.length_ft is not None and question.width_ft is not None:
        # Gutters on the two long eaves of a gable house.
        return 2 * question.length_ft
    raise InputError("I need the length of gutter in feet")


def _gutter_estimate(
    question: PricingQuestion, catalog: Catalog, policy: PricingPolicy, target: Target
) -> Estimate:
    feet = _gutter_length(question)
    working = []
    if question.feet is None and question.length_ft is not None:
        working.append(
            f"Gutter along both long eaves: 2 × {question.length_ft:g} ft = {num(feet)} ft"
        )
    return gutter_estimate(
        catalog,
        gutter_ft=feet,
        target=target,
        tax_rate=policy.tax_rate,
        size_in=question.size_in,
        style=question.style,
        downspouts=question.downspouts,
        stories=question.stories or 1,
        guards=question.guards,
        working=working,
    )


def _answer_downspouts(question: PricingQuestion) -> str:
    feet = _gutter_length(question)
    spouts = downspouts_for(feet)
    return (
        f"For {num(feet)} ft of gutter, plan **{spouts.planned} downspouts** "
        f"(one every 30–40 ft: {num(feet)} ÷ 40 = {feet / 40:.1f} → {spouts.fewest}; "
        f"{num(feet)} ÷ 30 = {feet / 30:.1f} → {spouts.most}). Put one at each end of a long run "
        "and never drain more than about 40 ft of gutter into one downspout."
    )


def _window_estimate(
    question: PricingQuestion, catalog: Catalog, policy: PricingPolicy, target: Target
) -> Estimate:
    chosen: list[tuple[CatalogItem, int]] = []
    for descriptor, count in question.windows:
        item = mentioned_item(catalog, descriptor.casefold().split(), "window")
        if item is None:
            raise InputError("the catalog has no windows")
        chosen.append((item, count))
    return window_estimate(catalog, windows=chosen, target=target, tax_rate=policy.tax_rate)


def _material_item(question: PricingQuestion, catalog: Catalog) -> CatalogItem | None:
    query = question.item_query
    if not query:
        return None
    # "6 inch micro mesh guard": the size picks the item among its sizes, as in a look-up.
    sized = f"{question.size_in:g} inch {query}" if question.size_in else query
    hits = catalog.search(sized, limit=1)
    if not hits:
        # "starter for 260 lf of eaves & rakes": words no item has ("eaves", "rakes") say where
        # it goes, not what it is; the words the catalog knows name the item.
        known = " ".join(w for w in query.split() if catalog.knows_word(w))
        hits = catalog.search(known, limit=1) if known and known != query else []
    return hits[0].item if hits else None


def _material_measure(question: PricingQuestion, item: CatalogItem) -> tuple[float, str]:
    if question.squares is not None and item.coverage_unit in ("sq", "sqft"):
        if question.waste_pct:
            ordered = question.squares * (1 + question.waste_pct / 100)
            return measure_in(item, sqft=ordered * 100), f"{question.squares:g} squares + {question.waste_pct:g}% waste ({ordered:.1f} squares)"
        return measure_in(item, sqft=question.squares * 100), f"{question.squares:g} squares"
    if question.area_sqft is not None and item.coverage_unit in ("sq", "sqft"):
        return measure_in(item, sqft=question.area_sqft), f"{num(question.area_sqft)} sq ft"
    if question.feet is not None and item.coverage_unit == "lf":
        return question.feet, f"{num(question.feet)} ft"
    raise InputError(
        f"{item.name} is counted by {item.describe_coverage()}; give a quantity in those terms"
    )


def _material_estimate(
    question: PricingQuestion, catalog: Catalog, policy: PricingPolicy, target: Target
) -> Estimate:
    item = _material_item(question, catalog)
    if item is None:
        raise InputError(
            f"the catalog has nothing matching “{question.item_query or question.text}”"
        )
    measure, basis = _material_measure(question, item)
    return material_estimate(
        item, measure=measure, basis=basis, target=target, tax_rate=policy.tax_rate
    )


def _answer_material(question: PricingQuestion, catalog: Catalog, policy: PricingPolicy) -> str:
    item = _material_item(question, catalog)
    if item is None:
        return f"The catalog has nothing matching “{question.item_query or question.text}”, so I can't price it."
    measure, basis = _material_measure(question, item)
    units = item.units_for(measure)
    material = units * item.cost
    tax = material * policy.tax_rate
    labour = item.labour * measure
    lines = [
        f"**{basis} of {item.name}** ({item.sku}, {item.supplier}):",
        "",
        f"- Quantity: {basis} at {item.describe_coverage()} = **{units:,} {units_word(item.unit, units)}**",
        f"- Our material cost: {units:,} × {money(item.cost)} = **{money(material)}** (+ {policy.tax_rate * 100:g}% tax {money(tax)} = {money(material + tax)})",
        f"- At our catalog sell price: {units:,} × {money(item.price)} = {money(units * item.price)}",
    ]
    if labour:
        lines.append(
            f"- Install labour at {money(item.labour)} per {item.coverage_unit}: {money(labour)}; installed cost {money(material + tax + labour)}"
        )
    return "\n".join(lines)


def _answer_units(question: PricingQuestion, catalog: Catalog) -> str:
    """So many units of one item at its catalog price: the product alone, no labour or tax."""
    query = question.item_query or (question.windows[0][0] if question.windows else "")
    if query and question.size_in:
        query = f"{question.size_in} inch {query}"  # "6 inch k style gutter"
    hits = catalog.search(query, limit=1) if query else []
    if not hits:
        return f"The catalog has nothing matching “{query or question.text}”, so I can't price it."
    item = hits[0].item
    if question.units is not None:
        count: float = question.units
    elif question.windows:
        count = question.windows[0][1]
    else:
        count = item.units_for(float(question.feet or 0)) if item.coverage_unit == "lf" else float(question.feet or 0)
    each = "each" if item.unit == "each" else f"per {item.unit}"
    what = f"{count:,g} × {item.name}" if item.unit == "each" else f"{count:,g} {units_word(item.unit, count)} of {item.name}"
    return (
        f"**{what}** ({item.sku}) at our price of {money(item.price)} {each}: "
        f"**{money(count * item.price)}** for the product alone (our cost {count:,g} × {money(item.cost)} = "
        f"{money(count * item.cost)}; no labour or tax)."
    )


def answer_lookup(query: str, catalog: Catalog, limit: int = 5, *, one: bool = False) -> str:
    """Catalog items matching the words, with cost, price, coverage and supplier; `one`: the best
    match's margin and markup first ("markup on 6 inch k style gutter" asks about one item)."""
    if not query.strip():
        return "Tell me which product to look up (for example “ridge vent” or “6-inch gutter”)."
    hits = catalog.search(query, limit=limit)
    if not hits:
        return f"The catalog has nothing matching “{query}”. It covers roofing, siding, gutters and windows."
    top = hits[0].score
    # Only the close matches: "ice and water shield" should not list nails.
    hits = [hit for hit in hits if hit.score >= top - 12]
    rows = [
        "| Item | SKU | Unit | Our cost | Our price | Coverage | Labour | Supplier |",
        "|---|---|---|---:|---:|---|---:|---|",
    ]
    for hit in hits:
        item = hit.item
        labour = f"{money(item.labour)}/{item.coverage_unit}" if item.labour else "—"
        rows.append(
            f"| {item.name} | {item.sku} | {item.unit} | {money(item.cost)} | {money(item.price)} | {item.describe_coverage()} | {labour} | {item.supplier} |"
        )
    lead = (
        f"Catalog matches for “{query}”:"
        if len(hits) > 1 and not one
        else _one_item(hits[0].item)
    )
    return f"{lead}\n\n" + "\n".join(rows)


def _one_item(item: CatalogItem) -> str:
    """One item in a sentence: cost, price, the margin and markup between them, labour, supplier."""
    per = "each" if item.unit == "each" else f"per {item.unit}"
    parts = [f"**{item.name}**: our cost {money(item.cost)} {per}, price {money(item.price)}"]
    if item.price > 0 and item.cost > 0:
        margin = (item.price - item.cost) / item.price * 100
        markup = (item.price - item.cost) / item.cost * 100
        parts.append(f"a {margin:.1f}% margin ({markup:.1f}% markup)")
    if item.labour:
        parts.append(f"labour {money(item.labour)}/{item.coverage_unit}")
    if item.supplier:
        parts.append(f"from {item.supplier}")
    return ", ".join(parts) + "."


def whole(value: float) -> int:
    return math.ceil(value - 1e-9)
