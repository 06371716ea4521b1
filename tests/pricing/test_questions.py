"""The question reader understands how reps write and say figures."""

from __future__ import annotations

import pytest

from harde.understanding.pricing import normalise, parse_question, words_to_digits


@pytest.mark.parametrize(
    ("spoken", "digits"),
    [
        ("two thousand four hundred square feet", "2400 square feet"),
        ("eighteen hundred square feet", "1800 square feet"),
        ("one hundred and eighty feet", "180 feet"),
        ("six twelve pitch", "6 12 pitch"),
        ("thirty-five percent margin", "35 percent margin"),
        ("someone said", "someone said"),
    ],
)
def test_spoken_numbers_become_digits(spoken: str, digits: str) -> None:
    assert words_to_digits(spoken) == digits


@pytest.mark.parametrize(
    "text",
    [
        "How many squares is a 2,400 sq ft footprint at 6/12 with 15% waste?",
        "how many squares for 2400 square feet at a 6 in 12 pitch, 15 percent waste",
        "2400 sqft footprint, six twelve pitch, fifteen percent waste - squares?",
        "squares on a two thousand four hundred square foot footprint, 6:12, waste 15%",
        "2.4k sf house, 6-12 roof, add 15% for waste. how many squares",
        "2400 sq. ft. footprint with a 6 on 12 slope and a 15 pct waste factor, how many squares",
    ],
)
def test_roof_question_phrasings_read_the_same(text: str) -> None:
    q = parse_question(text)
    assert q.intent == "roof"
    assert q.area_sqft == 2400
    assert q.rise == 6
    assert q.waste_pct == 15
    assert q.area_is_footprint


@pytest.mark.parametrize(
    ("text", "rise"),
    [
        ("a 7/12 roof", 7),
        ("pitch of 9", 9),
        ("8 pitch", 8),
        ("twelve twelve pitch", 12),
        ("4 over 12", 4),
        ("a 10:12 slope", 10),
    ],
)
def test_pitch_forms(text: str, rise: float) -> None:
    assert parse_question(f"roof area of a 30x40 house, {text}").rise == rise


def test_dimensions_and_overhang() -> None:
    q = parse_question(
        "What's the roof area of a 30 by 40 ranch with an 8/12 pitch and 1 ft overhangs?"
    )
    assert (q.length_ft, q.width_ft, q.rise, q.overhang_ft) == (40, 30, 8, 1)


def test_sloped_roof_area_is_not_a_footprint() -> None:
    assert not parse_question("the roof is 2,000 sq ft, price it with 3-tab").area_is_footprint
    assert not parse_question("price 2000 square feet of roof").area_is_footprint


def test_six_in_twelve_is_a_pitch_not_a_gutter_size() -> None:
    q = parse_question("gutters for a 6 in 12 roof, 120 feet")
    assert q.rise == 6 and q.size_in is None and q.feet == 120


@pytest.mark.parametrize(
    ("text", "feet", "size"),
    [
        ("Price 180 feet of 6-inch seamless gutter", 180, 6),
        ("what's the price for 180 ft of 6 inch seamless gutters?", 180, 6),
        ("quote 180' of 6\" k-style", 180, 6),
        ("180 lf five inch gutter with guards", 180, 5),
        ("one hundred eighty linear feet of six inch gutter", 180, 6),
    ],
)
def test_gutter_phrasings(text: str, feet: float, size: int) -> None:
    q = parse_question(text)
    assert q.intent == "gutter"
    assert (q.feet, q.size_in) == (feet, size)


def test_gutter_options() -> None:
    q = parse_question(
        "price 120 feet of half round gutter with leaf guards on a two-story colonial, 4 downspouts"
    )
    assert q.style == "half-round" and q.guards and q.stories == 2 and q.downspouts == 4


@pytest.mark.parametrize(
    "text",
    [
        "Siding estimate for 1,800 sq ft of wall at a 35% margin",
        "give me a siding estimate for 1800 square feet of wall at 35 percent margin",
        "vinyl siding, 1800 sf of walls, margin of 35%",
        "price siding on eighteen hundred square feet of wall, thirty five percent margin",
    ],
)
def test_siding_phrasings(text: str) -> None:
    q = parse_question(text)
    assert q.intent == "siding"
    assert q.area_sqft == 1800
    assert q.margin_pct == 35
    assert q.markup_pct is None


@pytest.mark.parametrize(
    ("text", "margin", "markup", "wanted"),
    [
        ("What markup gives a 40% margin?", 40, None, "markup"),
        ("What markup do I need to get a 40% margin?", 40, None, "markup"),
        ("convert a forty percent margin to markup", 40, None, "markup"),
        ("what margin is a 50% markup", None, 50, "margin"),
        ("if I mark up 50% what margin do I make", None, 50, "margin"),
    ],
)
def test_margin_and_markup_are_never_confused(
    text: str, margin: float | None, markup: float | None, wanted: str
) -> None:
    q = parse_question(text)
    assert q.intent == "convert"
    assert (q.margin_pct, q.markup_pct) == (margin, markup)
    assert q.wants_target_from_other == wanted


def test_cost_and_price_give_margin() -> None:
    q = parse_question("If a job costs $8,000 and we sell it for $12,000 what's our margin?")
    assert q.intent == "margin_from_prices" and (q.cost, q.price) == (8000, 12000)


def test_cost_and_target_give_price() -> None:
    q = parse_question("what do I charge on a 9.5k cost at a 40% margin")
    assert q.intent == "price_from_cost" and q.cost == 9500 and q.margin_pct == 40


def test_window_counts_by_style() -> None:
    q = parse_question("price out 4 casement and 8 double-hung windows")
    assert q.intent == "windows"
    assert q.windows == [("casement", 4), ("double-hung", 8)]
    assert parse_question("a dozen vinyl windows").windows == [("vinyl windows", 12)]


def test_material_quantities_and_lookups() -> None:
    q = parse_question("How much would 22 squares of architectural shingles cost us?")
    assert q.intent == "material" and q.squares == 22 and "architectural shingles" in q.item_query
    lookup = parse_question("What's our cost on ice and water shield per roll?")
    assert lookup.intent == "lookup" and lookup.item_query == "ice and water shield"


def test_normalise_keeps_numbers_plain() -> None:
    assert normalise("2,400 Sq Ft at 15 percent") == "2400 sq ft at 15%"


@pytest.mark.parametrize(
    ("text", "check"),
    [
        ("35 squaers of timberline hdz, how many bundles", lambda q: q.squares == 35 and q.wants_bundles),
        ("footprint 1,700, pitch 6/12, squarees", lambda q: q.area_sqft == 1700 and q.rise == 6),
        ("what do we sell 3x4 downspout for", lambda q: q.length_ft is None and q.width_ft is None),
        ("pice on 5/4 hardie trim boards", lambda q: q.intent == "lookup" and q.wants_money),
        ("pieces of starter", lambda q: "piece" in q.product_words and "price" not in q.product_words),
    ],
)
def test_questions_typed_with_typos_and_sizes(text: str, check: object) -> None:
    assert check(parse_question(text))  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "product_only"),
    [
        ("sell price on 9 vinyl dh windows, total", True),
        ("4 casement windows, sell price total", True),
        ("list price for 3 windows", True),
        ("list price for a 3 window job installed", False),
        ("sell price on 6 windows at a 35% margin", False),
        ("price on 6 windows", False),
    ],
)
def test_a_sell_price_of_so_many_is_the_catalogs_not_an_installed_job(text: str, product_only: bool) -> None:
    assert parse_question(text).product_only is product_only


@pytest.mark.parametrize(
    ("text", "units"),
    [("3 rolls of #30 felt", 3), ("2 bundles of shingles", 2), ("a roll of ice and water", 1)],
)
def test_so_many_of_a_product_asks_what_they_come_to(text: str, units: int) -> None:
    q = parse_question(text)
    assert q.intent == "units" and q.units == units and q.wants_money


def test_so_many_of_a_product_with_more_said_is_not_a_bare_count() -> None:
    q = parse_question("3 rolls of felt went missing off the truck, who do i tell")
    assert not q.wants_money


@pytest.mark.parametrize(
    ("said", "item"),
    [("hey wats a budnle of hdz sell for", "hdz"), ("yo whats ice and water go for these days", "ice and water")],
)
def test_greetings_and_shorthand_around_a_product_are_not_its_name(said: str, item: str) -> None:
    assert parse_question(said).item_query == item


def test_dh_is_a_double_hung_window() -> None:
    assert "double hung" in normalise("9 vinyl dh windows") and "double hungs" in normalise("14 dhs")
