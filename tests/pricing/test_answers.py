"""Answers and estimates from the demo catalog, checked by hand."""

from __future__ import annotations

import pytest

from harde.config import Settings
from harde.pricing.answers import PricingPolicy
from harde.pricing.answers import answer_question as answer_typed
from harde.pricing.answers import estimate_for_question as estimate_typed
from harde.pricing.catalog import Catalog, load_catalog
from harde.pricing.margins import markup_of
from harde.understanding.pricing import parse_question


def answer_question(text: str, *args: object) -> str:
    """The rep's words read by the understanding layer, answered by the typed domain code."""
    return answer_typed(parse_question(text), *args)  # type: ignore[arg-type]


def estimate_for_question(text: str, *args: object) -> object:
    return estimate_typed(parse_question(text), *args)  # type: ignore[arg-type]


@pytest.fixture
def catalog(settings: Settings) -> Catalog:
    return load_catalog(settings)


POLICY = PricingPolicy(tax_rate=0.0625, target_margin=0.35)


def test_squares_answer_shows_the_working(catalog: Catalog) -> None:
    answer = answer_question(
        "How many squares is a 2,400 sq ft footprint at 6/12 with 15% waste?", catalog, POLICY
    )
    assert "**30.9 squares**" in answer
    for step in ("1.118", "2,683 sq ft", "× 1.15", "3,086", "÷ 100 = 30.9", "93 bundles"):
        assert step in answer, step


def test_squares_without_waste_offer_the_usual_waste(catalog: Catalog) -> None:
    answer = answer_question(
        "How many squares is a 2400 square foot footprint with a 6/12 pitch?", catalog, POLICY
    )
    assert "26.8 squares" in answer and "before waste" in answer
    assert "hip 15% → 30.9 sq" in answer


def test_gutter_estimate_line_items_from_the_catalog(catalog: Catalog) -> None:
    estimate = estimate_for_question("Price 180 feet of 6-inch seamless gutter", catalog, POLICY)
    assert estimate is not None
    quantities = {line.sku: line.quantity for line in estimate.lines}
    # 180 ft of 6" K-style, a hanger every 2 ft, 6 downspouts of one 10-ft length, 3 elbows each.
    assert quantities == {"GT-K6": 180, "GT-HG6": 90, "GT-DS34": 6, "GT-EL34": 18}
    assert estimate.materials == pytest.approx(180 * 3.05 + 90 * 1.10 + 6 * 21.00 + 18 * 3.90)
    assert estimate.labour == pytest.approx(180 * 3.75 + 6 * 10 * 2.75)
    assert estimate.cost == pytest.approx(estimate.materials * 1.0625 + estimate.labour, abs=0.01)
    assert estimate.margin == pytest.approx(0.35, abs=1e-4)


def test_siding_estimate_at_a_margin_reports_margin_and_markup(catalog: Catalog) -> None:
    text = "Siding estimate for 1,800 sq ft of wall at a 35% margin"
    estimate = estimate_for_question(text, catalog, POLICY)
    assert estimate is not None
    siding = estimate.lines[0]
    assert siding.sku == "SD-VN-MC"
    assert siding.quantity == 10  # 1,800 sq ft + 10% = 19.8 squares, in 2-square boxes
    assert siding.labour_cost == pytest.approx(18 * 225)
    assert estimate.price == pytest.approx(estimate.cost / 0.65, abs=0.01)
    assert estimate.markup == pytest.approx(markup_of(estimate.cost, estimate.price))
    answer = answer_question(text, catalog, POLICY)
    for part in (
        "Materials:",
        "Labour:",
        "Total cost:",
        "Price at a 35% margin",
        "margin 35.0%",
        "markup 53.8%",
    ):
        assert part in answer, part


def test_fiber_cement_siding_uses_trim_boards(catalog: Catalog) -> None:
    estimate = estimate_for_question(
        "hardie siding for a 40x30 two story house with 16 windows and 2 doors", catalog, POLICY
    )
    assert estimate is not None
    skus = [line.sku for line in estimate.lines]
    assert skus[0] == "SD-FC-PR" and "SD-FC-TR" in skus and "SD-JC" not in skus
    assert "140 ft × 9 ft × 2 stories = 2,520 sq ft" in "\n".join(estimate.working)


def test_markup_for_a_40_percent_margin(catalog: Catalog) -> None:
    answer = answer_question("What markup gives a 40% margin?", catalog, POLICY)
    assert "**66.7% markup**" in answer


def test_material_quantity_from_squares(catalog: Catalog) -> None:
    answer = answer_question(
        "How much would 22 squares of architectural shingles cost us?", catalog, POLICY
    )
    assert "**66 bundles**" in answer
    assert "$2,805.00" in answer  # 66 x $42.50


def test_windows_by_style(catalog: Catalog) -> None:
    estimate = estimate_for_question(
        "price out 4 casement and 8 double-hung windows", catalog, POLICY
    )
    assert estimate is not None
    assert [(line.sku, line.quantity) for line in estimate.lines] == [
        ("WN-CS", 4),
        ("WN-DH", 8),
        ("WN-KIT", 12),
    ]


def test_roof_estimate_uses_the_named_shingle_and_a_given_markup(catalog: Catalog) -> None:
    estimate = estimate_for_question(
        "roof estimate for a 36x28 hip roof, 9 on 12, Owens Corning Duration, 50% markup",
        catalog,
        POLICY,
    )
    assert estimate is not None
    assert any(line.sku == "RF-SH-DUR" for line in estimate.lines)
    assert estimate.target.kind == "markup"
    assert estimate.price == pytest.approx(estimate.cost * 1.5, abs=0.01)


def test_lookup_shows_cost_and_supplier(catalog: Catalog) -> None:
    answer = answer_question("What's our cost on ice and water shield per roll?", catalog, POLICY)
    assert "$118.00 per roll" in answer and "Bay Colony Roofing Supply" in answer


@pytest.mark.parametrize(
    "text",
    [
        "How much is a hot tub cover?",
        "Price 40 squares of slate",
        "what's the weather tomorrow",
    ],
)
def test_what_the_catalog_cannot_answer_is_said_plainly(catalog: Catalog, text: str) -> None:
    answer = answer_question(text, catalog, POLICY)
    assert "$" not in answer.split("\n")[0] or "nothing matching" in answer
    assert any(phrase in answer for phrase in ("nothing matching", "can't"))


def test_missing_pitch_is_asked_for(catalog: Catalog) -> None:
    answer = answer_question("how many squares is a 2400 sq ft footprint?", catalog, POLICY)
    assert "pitch" in answer and "can't" in answer


def test_bundles_follow_the_shingle_named(catalog: Catalog) -> None:
    hdz = answer_question("how many bundles of hdz for 28 squares", catalog, POLICY)
    assert hdz.startswith("**84 bundles** of GAF Timberline HDZ")
    shake = answer_question("bundles needed for a 22 sq roof in designer shake", catalog, POLICY)
    assert shake.startswith("**88 bundles** of Designer shake-look shingle")


@pytest.mark.parametrize(
    ("text", "sku", "count"),
    [
        ("8 vinyl casements at our price, just the windows", "WN-CS", 8),
        ("25 pieces of drip edge x our price each", "RF-DE", 25),
        ("120 ft of 6 inch k style gutter at our sell price, product only", "GT-K6", 120),
    ],
)
def test_a_count_at_our_price_is_the_product_alone(catalog: Catalog, text: str, sku: str, count: int) -> None:
    item = next(i for i in catalog.items if i.sku == sku)
    question = parse_question(text)
    assert question.intent == "units"
    answer = answer_typed(question, catalog, POLICY)
    assert sku in answer and f"${count * item.price:,.2f}" in answer


def test_a_number_in_a_product_name_is_not_a_count() -> None:
    question = parse_question("margin on the 2 lite slider")
    assert question.intent == "lookup" and question.windows == []


def test_a_real_word_is_not_corrected_into_another() -> None:
    assert parse_question("40 pieces of drip edge, just the product").units == 40


def test_a_count_of_one_item_is_priced_for_that_many() -> None:
    question = parse_question("cost for 6 3x4 downspouts")
    assert (question.intent, question.units) == ("units", 6)
    assert parse_question("whats 2 rolls of ice and water cost").intent == "units"
    assert parse_question("margin on the 2 lite slider").intent == "lookup"


def test_squares_of_a_material_with_waste_order_the_waste_too() -> None:
    question = parse_question("price 28 squares of architectural shingles with 10% waste")
    assert question.intent == "material" and question.waste_pct == 10
    assert parse_question("synthetic underlayment for 34 squares, how many rolls").intent == "material"


def test_a_footprint_said_before_its_word_is_read() -> None:
    question = parse_question("2400 footprint 9/12 w/ 15 percent waste")
    assert (question.intent, question.area_sqft, question.rise, question.waste_pct) == ("roof", 2400, 9, 15)


def test_priced_counts_waste_and_one_items_markup(catalog: Catalog) -> None:
    downspouts = next(i for i in catalog.items if "3x4" in i.name and "downspout" in i.name.lower())
    assert f"**${6 * downspouts.price:,.2f}**" in answer_question("cost for 6 3x4 downspouts", catalog, POLICY)
    # 28 squares + 10% = 30.8 squares, at 3 bundles a square: 93 bundles, not 84.
    assert "**93 bundles**" in answer_question("price 28 squares of architectural shingles with 10% waste", catalog, POLICY)
    gutter = next(i for i in catalog.items if "6 in K-style" in i.name)
    markup = f"{(gutter.price / gutter.cost - 1) * 100:.1f}% markup"
    assert markup in answer_question("markup % on k style 6 inch gutter", catalog, POLICY).split("\n")[0]


def test_pieces_of_a_length_each_and_a_story_count() -> None:
    question = parse_question("prcie out 6 3x4 downspouts, 10 ft each")
    assert (question.intent, question.units) == ("units", 6)
    assert parse_question("typical price range on a vinyl siding job, 2 story").units is None


def test_words_no_item_has_do_not_hide_the_item_named(catalog: Catalog) -> None:
    starter = next(i for i in catalog.items if i.kind == "starter")
    text = answer_question("starter for 260 lf of eaves & rakes - how many bundles", catalog)
    bundles = -(-260 // int(starter.coverage))
    assert starter.name in text and f"**{bundles} bundles**" in text, text
    assert "nothing matching" in answer_question("zorblax for 100 lf", catalog)


def test_a_size_said_picks_that_size_of_a_material(catalog: Catalog) -> None:
    text = answer_question("6 inch micro mesh guard 4ft piece, how much", catalog, POLICY)
    assert "GT-GD6" in text and "GT-GD5" not in text


def test_a_number_after_a_hash_is_part_of_the_products_name(catalog: Catalog) -> None:
    text = answer_question("roll of #30 felt, our price?", catalog, POLICY)
    assert text.startswith("**#30 felt underlayment") and "$42.00" in text and "30 rolls" not in text


def test_so_many_of_the_item_rung_up_at_retail_and_one_piece(catalog: Catalog) -> None:
    elbow = next(i for i in catalog.items if i.sku == "GT-EL23")
    assert f"**${16 * elbow.price:,.2f}**" in answer_question("ring up 16 of the 2x3 elbows", catalog, POLICY)
    slider = next(i for i in catalog.items if i.sku == "WN-SL")
    assert f"**${5 * slider.price:,.2f}**" in answer_question("5 sliders at retail total", catalog, POLICY)
    assert parse_question("installed price for 5 sliders").intent == "windows"
    piece = next(i for i in catalog.items if i.sku == "GT-HR5")
    one = answer_question("5in half round 10ft piece priice", catalog, POLICY)
    assert one.startswith(f"**{piece.name}**") and f"${piece.price:,.2f}" in one.split("\n")[0], one
    assert parse_question("price on 40 ft of 5in half round").intent == "gutter"


def test_retail_all_in_and_what_the_homeowner_pays(catalog: Catalog) -> None:
    window = next(i for i in catalog.items if i.sku == "WN-PIC")
    assert f"${window.price:,.2f}" in answer_question("reetail on a picture window", catalog, POLICY).split("\n")[0]
    hanger = next(i for i in catalog.items if i.sku == "GT-HG5")
    assert f"**${40 * hanger.price:,.2f}**" in answer_question("40 5in hidden hangers how much all in", catalog, POLICY)
    drip = next(i for i in catalog.items if i.sku == "RF-DE")
    assert f"**${24 * drip.price:,.2f}**" in answer_question("ho pays what for 24 drip edge pieces", catalog, POLICY)
