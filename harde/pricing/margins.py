"""Margin and markup, never confused: margin = profit / price, markup = profit / cost.

Rates are fractions (0.35 is 35%). A 40% margin is a 66.7% markup: the same profit measured
against a different base.
"""

from __future__ import annotations

from dataclasses import dataclass

from harde.errors import InputError


def margin_to_markup(margin: float) -> float:
    """markup = margin / (1 - margin)."""
    if not 0 <= margin < 1:
        raise InputError(
            f"a margin of {margin * 100:g}% is impossible: it must be at least 0% and under 100%"
        )
    return margin / (1 - margin)


def markup_to_margin(markup: float) -> float:
    """margin = markup / (1 + markup)."""
    if markup < 0:
        raise InputError(f"a markup of {markup * 100:g}% would sell below cost")
    return markup / (1 + markup)


def price_for_margin(cost: float, margin: float) -> float:
    """The price that leaves `margin` of it as profit: cost / (1 - margin)."""
    margin_to_markup(margin)  # validates
    return cost / (1 - margin)


def price_for_markup(cost: float, markup: float) -> float:
    """cost x (1 + markup)."""
    markup_to_margin(markup)  # validates
    return cost * (1 + markup)


def margin_of(cost: float, price: float) -> float:
    if price <= 0:
        raise InputError("the price must be positive to have a margin")
    return (price - cost) / price


def markup_of(cost: float, price: float) -> float:
    if cost <= 0:
        raise InputError("the cost must be positive to have a markup")
    return (price - cost) / cost


@dataclass(frozen=True)
class Target:
    """What the price aims at: a margin or a markup, as a fraction."""

    kind: str  # "margin" | "markup"
    rate: float

    def price(self, cost: float) -> float:
        return (
            price_for_margin(cost, self.rate)
            if self.kind == "margin"
            else price_for_markup(cost, self.rate)
        )

    def describe(self) -> str:
        return f"{self.rate * 100:g}% {self.kind}"
