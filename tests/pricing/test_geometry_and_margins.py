"""Take-off geometry and margin/markup maths: properties and hand-checked figures."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harde.errors import InputError
from harde.pricing.geometry import (
    bundles,
    downspouts_for,
    footprint_from_dimensions,
    openings_area,
    pitch_factor,
    roof_area_from_dimensions,
    roof_area_from_footprint,
    roof_lines,
    siding_wall_area,
    squares,
    waste_fraction,
    window_count,
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

rates = st.floats(min_value=0.0, max_value=0.95, allow_nan=False)
costs = st.floats(min_value=1.0, max_value=1_000_000.0, allow_nan=False)
rises = st.floats(min_value=0.0, max_value=24.0, allow_nan=False)
areas = st.floats(min_value=1.0, max_value=100_000.0, allow_nan=False)


@given(rates)
def test_margin_to_markup_and_back_is_the_identity(margin: float) -> None:
    assert markup_to_margin(margin_to_markup(margin)) == pytest.approx(margin, abs=1e-12)


@given(st.floats(min_value=0.0, max_value=20.0, allow_nan=False))
def test_markup_to_margin_and_back_is_the_identity(markup: float) -> None:
    assert margin_to_markup(markup_to_margin(markup)) == pytest.approx(markup, rel=1e-9, abs=1e-12)


@given(costs, rates)
def test_price_for_a_margin_has_that_margin_and_the_matching_markup(
    cost: float, margin: float
) -> None:
    price = price_for_margin(cost, margin)
    assert margin_of(cost, price) == pytest.approx(margin, abs=1e-9)
    assert markup_of(cost, price) == pytest.approx(margin_to_markup(margin), rel=1e-9, abs=1e-9)


@given(costs, st.floats(min_value=0.0, max_value=5.0, allow_nan=False))
def test_markup_is_never_smaller_than_the_margin_it_gives(cost: float, markup: float) -> None:
    price = price_for_markup(cost, markup)
    assert markup_of(cost, price) >= margin_of(cost, price) - 1e-12


@given(areas, rises, rises)
def test_roof_area_grows_with_pitch(footprint: float, rise_a: float, rise_b: float) -> None:
    low, high = sorted((rise_a, rise_b))
    assert roof_area_from_footprint(footprint, low) <= roof_area_from_footprint(footprint, high)
    assert roof_area_from_footprint(footprint, low) >= footprint


@given(areas)
def test_squares_are_area_over_one_hundred(area: float) -> None:
    assert squares(area) == pytest.approx(area / 100)


@given(st.floats(min_value=0.0, max_value=500.0, allow_nan=False))
def test_bundles_cover_the_squares_with_less_than_one_to_spare(sq: float) -> None:
    count = bundles(sq)
    assert count / 3 >= sq - 1e-9
    assert count / 3 - sq < 1 / 3 + 1e-9


def test_hand_checked_pitch_factors() -> None:
    assert pitch_factor(6) == pytest.approx(1.1180, abs=1e-4)
    assert pitch_factor(8) == pytest.approx(1.2019, abs=1e-4)
    assert pitch_factor(12) == pytest.approx(math.sqrt(2))
    assert pitch_factor(0) == 1.0


def test_the_2400_footprint_at_6_12_with_15_percent_waste_is_30_9_squares() -> None:
    area = roof_area_from_footprint(2400, 6)
    assert round(area) == 2683
    assert round(area * (1 + waste_fraction(percent=15))) == 3086
    assert round(squares(area * 1.15), 1) == 30.9
    assert bundles(squares(area * 1.15)) == 93


def test_roof_area_from_dimensions_includes_overhangs() -> None:
    assert footprint_from_dimensions(40, 30, overhang_ft=1) == 42 * 32
    assert roof_area_from_dimensions(40, 30, 8) == pytest.approx(1200 * pitch_factor(8))


def test_waste_defaults_by_roof_shape_and_a_given_percent_wins() -> None:
    assert waste_fraction("gable") == 0.10
    assert waste_fraction("hip") == 0.15
    assert waste_fraction("complex") == 0.20
    assert waste_fraction("hip", percent=12) == 0.12


def test_gable_and_hip_roof_lines() -> None:
    gable = roof_lines(40, 30, 6, "gable")
    assert gable.eaves_ft == 80
    assert gable.ridge_ft == 40
    assert gable.rakes_ft == pytest.approx(60 * pitch_factor(6))
    hip = roof_lines(40, 30, 6, "hip")
    assert hip.eaves_ft == 140
    assert hip.ridge_ft == 10
    assert hip.rakes_ft == 0


def test_siding_area_from_walls_and_stories_less_openings() -> None:
    openings = openings_area(windows=10, doors=2)
    assert openings == 10 * 15 + 2 * 21
    area = siding_wall_area(perimeter_ft=140, wall_height_ft=9, stories=2, openings_sqft=openings)
    assert area == 140 * 9 * 2 - 192


def test_downspouts_one_every_thirty_to_forty_feet() -> None:
    spouts = downspouts_for(160)
    assert (spouts.fewest, spouts.planned, spouts.most) == (4, 5, 6)
    assert downspouts_for(20).planned == 1


def test_window_counts_add_up_by_style() -> None:
    assert window_count({"double-hung": 8, "casement": 3, "picture": 1}) == 12


def test_what_markup_gives_a_40_percent_margin() -> None:
    assert round(margin_to_markup(0.40) * 100, 1) == 66.7
    assert round(markup_to_margin(0.50) * 100, 1) == 33.3
    assert Target("margin", 0.35).price(650) == pytest.approx(1000)
    assert Target("markup", 0.5).price(100) == pytest.approx(150)


@pytest.mark.parametrize("bad", [-0.1, 1.0, 1.5])
def test_impossible_margins_are_refused(bad: float) -> None:
    with pytest.raises(InputError):
        margin_to_markup(bad)


def test_impossible_geometry_is_refused() -> None:
    with pytest.raises(InputError):
        roof_area_from_footprint(-5, 6)
    with pytest.raises(InputError):
        siding_wall_area(perimeter_ft=10, wall_height_ft=8, openings_sqft=1000)
