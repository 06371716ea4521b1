"""Take-off geometry as pure functions: roof pitch and area, squares, waste, bundles, siding
wall area, gutter runs and downspouts, window counts. Lengths in feet, areas in square feet.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from harde.errors import InputError

RoofComplexity = Literal["gable", "hip", "complex"]

SQUARE_FT = 100.0
# Typical shingle waste by roof shape: cut-up roofs waste more at hips, valleys and dormers.
WASTE_BY_COMPLEXITY: dict[str, float] = {"gable": 0.10, "hip": 0.15, "complex": 0.20}
BUNDLES_PER_SQUARE = 3
# One downspout per 30 to 40 feet of gutter; plan at 35 unless told otherwise.
DOWNSPOUT_SPACING_FT = (30.0, 40.0)
DOWNSPOUT_PLAN_FT = 35.0
STORY_HEIGHT_FT = 10.0
# Average rough openings when only counts are known.
WINDOW_OPENING_SQFT = 15.0
DOOR_OPENING_SQFT = 21.0
GARAGE_DOOR_OPENING_SQFT = 112.0


def pitch_factor(rise: float, run: float = 12.0) -> float:
    """Slope length per foot of plan: √(1 + (rise/run)²). 6/12 -> 1.118."""
    if rise < 0 or run <= 0:
        raise InputError(f"a pitch of {rise:g}/{run:g} is not a roof pitch")
    return math.sqrt(1.0 + (rise / run) ** 2)


def roof_area_from_footprint(footprint_sqft: float, rise: float, run: float = 12.0) -> float:
    """Sloped roof area over a plan footprint (the footprint should include the overhangs)."""
    if footprint_sqft <= 0:
        raise InputError("the footprint must be a positive area")
    return footprint_sqft * pitch_factor(rise, run)


def footprint_from_dimensions(length_ft: float, width_ft: float, overhang_ft: float = 0.0) -> float:
    """Plan area of a rectangle, widened by the eave overhang on every side."""
    if length_ft <= 0 or width_ft <= 0 or overhang_ft < 0:
        raise InputError("length and width must be positive and the overhang not negative")
    return (length_ft + 2 * overhang_ft) * (width_ft + 2 * overhang_ft)


def roof_area_from_dimensions(
    length_ft: float, width_ft: float, rise: float, run: float = 12.0, overhang_ft: float = 0.0
) -> float:
    return roof_area_from_footprint(
        footprint_from_dimensions(length_ft, width_ft, overhang_ft), rise, run
    )


def squares(area_sqft: float) -> float:
    """Roofing squares: 100 sq ft each."""
    return area_sqft / SQUARE_FT


def waste_fraction(complexity: RoofComplexity | None = None, percent: float | None = None) -> float:
    """The waste allowance as a fraction: a given percent wins over the roof shape's default."""
    if percent is not None:
        if not 0 <= percent < 100:
            raise InputError(f"a waste of {percent:g}% is not plausible")
        return percent / 100.0
    return WASTE_BY_COMPLEXITY[complexity or "gable"]


def with_waste(quantity: float, waste: float) -> float:
    return quantity * (1.0 + waste)


def bundles(squares_needed: float, bundles_per_square: int = BUNDLES_PER_SQUARE) -> int:
    """Whole bundles to cover the squares (rounded up)."""
    return max(0, math.ceil(squares_needed * bundles_per_square - 1e-9))


@dataclass(frozen=True)
class RoofLines:
    """Linear measures of a rectangular roof, for the edge materials."""

    eaves_ft: float
    rakes_ft: float
    ridge_ft: float
    hips_ft: float

    @property
    def perimeter_ft(self) -> float:
        return self.eaves_ft + self.rakes_ft


def roof_lines(
    length_ft: float, width_ft: float, rise: float, complexity: RoofComplexity = "gable"
) -> RoofLines:
    """Eaves, rakes, ridge and hips of a rectangular gable or hip roof (complex counts as hip)."""
    long_side, short_side = max(length_ft, width_ft), min(length_ft, width_ft)
    factor = pitch_factor(rise)
    half = short_side / 2
    if complexity == "gable":
        return RoofLines(
            eaves_ft=2 * long_side,
            rakes_ft=2 * short_side * factor,
            ridge_ft=long_side,
            hips_ft=0.0,
        )
    hip_length = half * math.sqrt(1 + factor**2)
    return RoofLines(
        eaves_ft=2 * (long_side + short_side),
        rakes_ft=0.0,
        ridge_ft=long_side - short_side,
        hips_ft=4 * hip_length,
    )


def siding_wall_area(
    *,
    perimeter_ft: float | None = None,
    walls: Iterable[tuple[float, float]] | None = None,
    wall_height_ft: float = 8.0,
    stories: float = 1,
    gable_ends: int = 0,
    gable_width_ft: float = 0.0,
    gable_rise: float = 6.0,
    openings_sqft: float = 0.0,
) -> float:
    """Net wall area to side: perimeter x height x stories (or explicit walls), plus gable
    triangles, less openings."""
    if walls is not None:
        gross = sum(length * height for length, height in walls)
    elif perimeter_ft is not None:
        if perimeter_ft <= 0 or wall_height_ft <= 0 or stories <= 0:
            raise InputError("perimeter, wall height and stories must be positive")
        gross = perimeter_ft * wall_height_ft * stories
    else:
        raise InputError("give the wall perimeter or the walls")
    # A gable triangle: base x height / 2, its height set by the roof pitch.
    gable = gable_ends * (gable_width_ft * (gable_width_ft / 2 * gable_rise / 12) / 2)
    net = gross + gable - openings_sqft
    if net <= 0:
        raise InputError("the openings are larger than the walls")
    return net


def openings_area(windows: int = 0, doors: int = 0, garage_doors: int = 0) -> float:
    return (
        windows * WINDOW_OPENING_SQFT
        + doors * DOOR_OPENING_SQFT
        + garage_doors * GARAGE_DOOR_OPENING_SQFT
    )


@dataclass(frozen=True)
class Downspouts:
    fewest: int
    most: int
    planned: int


def downspouts_for(gutter_ft: float, runs: int = 1) -> Downspouts:
    """Downspouts for a length of gutter: one per 30-40 ft, at least one per run."""
    if gutter_ft <= 0:
        raise InputError("the gutter length must be positive")
    low_spacing, high_spacing = DOWNSPOUT_SPACING_FT
    fewest = max(runs, math.ceil(gutter_ft / high_spacing - 1e-9))
    most = max(runs, math.ceil(gutter_ft / low_spacing - 1e-9))
    planned = min(most, max(fewest, math.ceil(gutter_ft / DOWNSPOUT_PLAN_FT - 1e-9)))
    return Downspouts(fewest=fewest, most=most, planned=planned)


def gutter_length(eaves: Iterable[float]) -> float:
    """Total gutter along the eaves that get one."""
    total = sum(eaves)
    if total <= 0:
        raise InputError("the eave lengths must add up to a positive length")
    return total


def window_count(counts: Mapping[str, int]) -> int:
    """Total windows across styles ({"double-hung": 8, "casement": 2})."""
    if any(n < 0 for n in counts.values()):
        raise InputError("window counts cannot be negative")
    return sum(counts.values())
