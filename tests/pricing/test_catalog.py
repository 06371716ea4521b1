"""The demo catalog loads, searches fuzzily, and can be replaced by a company's own file."""

from __future__ import annotations

from pathlib import Path

import pytest

from harde.config import Settings
from harde.errors import ConfigurationError
from harde.pricing.catalog import Catalog, load_catalog, read_catalog


@pytest.fixture
def catalog(settings: Settings) -> Catalog:
    return load_catalog(settings)


def test_demo_catalog_covers_every_trade_and_kind(catalog: Catalog) -> None:
    categories = {item.category for item in catalog.items}
    assert categories == {"roofing", "siding", "gutters", "windows"}
    for kind in ("shingle", "underlayment", "ice_water", "drip_edge", "ridge_vent", "starter", "nails",
                 "siding", "trim", "gutter", "downspout", "guard", "hanger", "window"):  # fmt: skip
        assert catalog.default(kind) is not None, kind
    for item in catalog.items:
        assert item.price >= item.cost >= 0
        assert item.coverage > 0


@pytest.mark.parametrize(
    ("query", "expected_sku"),
    [
        ("ridge vent", "RF-RV"),
        ("ice and water shield", "RF-IW"),
        ("6 inch seamless gutter", "GT-K6"),
        ("englrt guter", "GT-K5"),
        ("shingles", "RF-SH-HDZ"),
        ("hardie plank", "SD-FC-PR"),
        ("casement windows", "WN-CS"),
        ("RF-DE", "RF-DE"),
    ],
)
def test_fuzzy_search_finds_the_item(catalog: Catalog, query: str, expected_sku: str) -> None:
    hits = catalog.search(query)
    assert hits and hits[0].item.sku == expected_sku


def test_englert_gutter_search_returns_englert_items_only(catalog: Catalog) -> None:
    hits = catalog.search("englert gutter", limit=10)
    top = [hit for hit in hits if hit.score >= hits[0].score - 1]
    assert top and all("Englert" in hit.item.name for hit in top)


def test_search_for_something_not_sold_finds_nothing(catalog: Catalog) -> None:
    assert catalog.search("hot tub cover") == []


def test_bundles_per_square_come_from_fractional_coverage(catalog: Catalog) -> None:
    shingle = catalog.get("RF-SH-HDZ")
    assert shingle is not None
    assert shingle.units_for(22) == 66
    assert shingle.describe_coverage() == "3 bundles per square"


def test_a_company_catalog_replaces_the_demo(tmp_path: Path) -> None:
    path = tmp_path / "ours.csv"
    path.write_text(
        "sku,category,kind,name,unit,cost,price,coverage,coverage_unit,labour,supplier,default,tags\n"
        "X-1,gutters,gutter,Copper half-round gutter,piece,120,180,10,lf,9,Local Metals,yes,copper\n"
    )
    settings = Settings(_env_file=None, data_dir=tmp_path, catalog_path=path)  # type: ignore[call-arg,unused-ignore]
    catalog = load_catalog(settings)
    assert [item.sku for item in catalog.items] == ["X-1"]
    assert catalog.search("copper gutter")[0].item.sku == "X-1"


def test_a_malformed_catalog_names_the_item_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "sku,category,kind,name,unit,cost,price,coverage,coverage_unit\n"
        "B-1,roofing,shingle,Bad shingle,bundle,cheap,10,1/3,sq\n"
    )
    with pytest.raises(ConfigurationError, match="B-1: cost"):
        read_catalog(path)
