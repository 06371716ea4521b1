"""Which of the four trades a request is about: "roof leak repair" -> ROOFING."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

TradeName = Literal["ROOFING", "SIDING", "GUTTERS", "WINDOWS"]
TRADES: tuple[TradeName, ...] = ("ROOFING", "SIDING", "GUTTERS", "WINDOWS")
# Leap's trade names, for matching the CRM's own list.
TRADE_LABELS: dict[TradeName, str] = {"ROOFING": "Roofing", "SIDING": "Siding", "GUTTERS": "Gutters", "WINDOWS": "Windows"}

_PATTERNS: list[tuple[TradeName, re.Pattern[str]]] = [
    ("WINDOWS", re.compile(r"\b(?:windows?|sliders?|casements?|double[- ]hung|bay window|picture window|storm windows?)\b", re.IGNORECASE)),
    ("GUTTERS", re.compile(r"\b(?:gutters?|guttering|downspouts?|down spouts?|leaf ?guards?|gutter ?guards?|leaf filter)\b", re.IGNORECASE)),
    ("SIDING", re.compile(r"\b(?:siding|sided|clapboards?|hardie ?(?:plank|board)?|fiber ?cement|cedar shakes siding|vinyl(?! windows?)|soffits?|fascia)\b", re.IGNORECASE)),
    ("ROOFING", re.compile(r"\b(?:roofs?|roofing|roofer|re-?roof(?:ing)?|shingles?|asphalt|slate roof|flat roof|rubber roof|epdm|metal roof|flashing|ice dams?|roof leak|leaky roof)\b", re.IGNORECASE)),
]
# Phrases that name a trade in a wider sense: "window install", "roof leak repair".
_DETAIL = re.compile(
    r"\b(?:(?:new|full|complete|partial|emergency|free|seamless|vinyl|replacement|aluminum|copper|cedar|"
    r"fiber cement|asphalt|metal|slate|flat|storm|bay|double[- ]hung|casement|picture|leaky|leaking|damaged|"
    r"hail|wind|storm-damaged|k-style|half-round|energy[- ]efficient|insulated)\s+)*"
    r"(?:windows?|gutters?|siding|roof(?:ing)?|shingles?|downspouts?)(?:\s+(?:replacement|repairs?|install(?:ation)?|job|work|estimate|inspection|quote|leak(?:\s+repair)?|project|guards?|cleaning|on the \w+))*\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TradeMatch:
    trade: TradeName
    start: int
    end: int
    detail: str


def find_trades(text: str) -> list[TradeMatch]:
    """Trades mentioned, in the order they are first mentioned."""
    hits: list[TradeMatch] = []
    for trade, pattern in _PATTERNS:
        m = pattern.search(text)
        if m is None:
            continue
        # "vinyl" alone says siding only when no other trade is named.
        weak = trade == "SIDING" and m.group().lower() in ("vinyl", "soffit", "soffits", "fascia")
        if weak and any(p.search(text) for t, p in _PATTERNS if t != "SIDING") and not re.search(r"\bsiding\b", text, re.IGNORECASE):
            continue
        hits.append(TradeMatch(trade, m.start(), m.end(), _detail_around(text, m.start(), m.end())))
    hits.sort(key=lambda h: h.start)
    return hits


def _detail_around(text: str, start: int, end: int) -> str:
    for m in _DETAIL.finditer(text):
        if m.start() <= start and m.end() >= end:
            return m.group().strip()
    return text[start:end]


def trade_for(raw: str | None) -> TradeName | None:
    """A trade from a value ("roofing", "Roof replacement", "WINDOWS", "gutter guards")."""
    if raw is None or not str(raw).strip():
        return None
    value = str(raw).strip().upper()
    for trade in TRADES:
        if value == trade:
            return trade
    hits = find_trades(str(raw))
    return hits[0].trade if hits else None
