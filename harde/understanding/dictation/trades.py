"""Which of the four trades a request is about: "roof leak repair" -> ROOFING."""

from __future__ import annotations

import re
from dataclasses import dataclass

from harde.intake.values import TradeName

_PATTERNS: list[tuple[TradeName, re.Pattern[str]]] = [
    ("WINDOWS", re.compile(
        r"\b(?:windows?|sliders?|casements?|double[- ]hung|single[- ]hung|bay window|bow window|picture window|"
        r"storm windows?|awning windows?|(?:single|double|triple)[- ]pane|window panes?)\b",
        re.IGNORECASE,
    )),
    ("GUTTERS", re.compile(
        r"\b(?:gutter ?guards?|leaf ?guards?|leaf ?filter|gutters?|guttering|downspouts?|down spouts?|"
        r"eaves? ?troughs?|seamless(?! siding)|guards)\b",
        re.IGNORECASE,
    )),
    ("SIDING", re.compile(
        r"\b(?:siding|sided|clapboards?|hardie ?(?:plank|board)?|hardiplank|james hardie|fiber ?cement|cement board|"
        r"board and batten|cedar shakes? siding|smart ?side|vinyl(?! (?:replacement )?windows?)|soffits?|fascia|shakes|sighting|citing|siting)\b",
        re.IGNORECASE,
    )),
    ("ROOFING", re.compile(
        r"\b(?:roofs?|roofing|roofer|roofline|re-?roof(?:ed|ing)?|re-?shingl\w*|shingles?|shingled|tear[- ]?offs?|"
        r"asphalt|slate roof|flat roof|rubber roof|epdm|metal roof|flashing|ice dams?|ridge vents?|skylights?|"
        r"roof leak|leaky roof|leak(?:s|ing|y)?|storm damage|hail damage|wind damage)\b",
        re.IGNORECASE,
    )),
]
# Words that point to a trade only when no other trade is named ("vinyl", "a leak", "storm damage").
_WEAK = {
    # "vinyl sighting", "she needs citing": "siding" as a recogniser hears it.
    "SIDING": re.compile(r"vinyl|soffits?|fascia|shakes|sighting|citing|siting", re.IGNORECASE),
    "ROOFING": re.compile(r"leak(?:s|ing|y)?|storm damage|hail damage|wind damage|flashing|asphalt", re.IGNORECASE),
    # "better guards", "got her guards": "gutter guards" as a recogniser hears it.
    "GUTTERS": re.compile(r"seamless|guards", re.IGNORECASE),
}
# Phrases that name a trade in a wider sense: "window install", "roof leak repair".
# At most five describing words: unbounded, a long run of them is rescanned from every word.
_DETAIL = re.compile(
    r"\b(?:(?:new|full|complete|partial|emergency|free|seamless|vinyl|replacement|aluminum|copper|cedar|"
    r"fiber cement|asphalt|metal|slate|flat|storm|bay|double[- ]hung|casement|picture|leaky|leaking|damaged|"
    r"hail|wind|storm-damaged|k-style|half-round|energy[- ]efficient|insulated)\s+){0,5}"
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
    strong: list[TradeMatch] = []
    weak: list[TradeMatch] = []
    for trade, pattern in _PATTERNS:
        first_weak: TradeMatch | None = None
        for m in pattern.finditer(text):
            hit = TradeMatch(trade, m.start(), m.end(), _detail_around(text, m.start(), m.end()))
            weak_word = _WEAK.get(trade)
            if weak_word is not None and weak_word.fullmatch(m.group()):
                first_weak = first_weak or hit
                continue
            strong.append(hit)
            break
        else:
            if first_weak is not None:
                weak.append(first_weak)
    # A weak word ("vinyl", "leaking") says a trade only when no trade is named outright.
    hits = strong or weak
    hits.sort(key=lambda h: h.start)
    return hits


def _detail_around(text: str, start: int, end: int) -> str:
    for m in _DETAIL.finditer(text):
        if m.start() <= start and m.end() >= end:
            return m.group().strip()
    return text[start:end]


