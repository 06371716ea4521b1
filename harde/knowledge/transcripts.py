"""The sales director's distilled call transcripts as typed records, and exact figures over them.

Every number an answer quotes comes from a computation here (counts, rates, breakdowns,
averages); nothing is estimated. The JSON files live in SALES_DIRECTOR_CALLS/ of the knowledge base.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from harde.errors import ConfigurationError

if TYPE_CHECKING:
    from harde.config import Settings

CALLS_FOLDER = "SALES_DIRECTOR_CALLS"

Trade = Literal["roofing", "siding", "windows", "gutters"]
Outcome = Literal["closed_first_visit", "closed_follow_up", "lost_competitor", "lost_price", "pending", "no_decision"]
Phase = Literal["rapport", "inspection", "presentation", "pricing", "close"]

TRADES: tuple[Trade, ...] = ("roofing", "siding", "windows", "gutters")
PHASES: tuple[Phase, ...] = ("rapport", "inspection", "presentation", "pricing", "close")
OUTCOMES: dict[str, str] = {
    "closed_first_visit": "Closed on the first visit",
    "closed_follow_up": "Closed on a follow-up",
    "lost_competitor": "Lost to a competitor",
    "lost_price": "Lost on price",
    "pending": "Pending",
    "no_decision": "No decision (went quiet)",
}
CLOSED = ("closed_first_visit", "closed_follow_up")
LOST = ("lost_competitor", "lost_price", "no_decision")
OBJECTION_CATEGORIES: dict[str, str] = {
    "price": "Price / too expensive",
    "other_quotes": "Other quotes / competitor bid",
    "think_it_over": "Need to think about it",
    "spouse": "Spouse / decision-maker not present",
    "financing": "Budget / financing",
    "product": "Product doubts",
    "trust": "Trust / contractor credibility",
    "insurance": "Insurance / deductible",
    "timing": "Timing / not now",
    "repair_vs_replace": "Just repair it",
    "hoa_approval": "HOA / historic approval",
    "disruption": "Disruption / logistics",
    "selling_soon": "Selling soon / won't recoup it",
}
SITUATIONS: dict[str, str] = {
    "storm_damage": "storm damage",
    "insurance_claim": "insurance claim",
    "aging_system": "aging roof, siding, windows or gutters",
    "active_leak": "active leak",
    "selling_home": "selling the house",
    "elderly_homeowner": "elderly homeowner",
    "spouse_not_present": "spouse not present",
    "hoa_rules": "HOA rules",
    "historic_district": "historic district",
    "budget_tight": "tight budget",
    "has_other_quotes": "already had other quotes",
    "bad_past_contractor": "burned by a past contractor",
    "new_homeowners": "new homeowners",
    "energy_bills": "high energy bills",
    "ice_dams": "ice dams",
    "rental_property": "rental property",
}


class ObjectionHandled(BaseModel):
    model_config = ConfigDict(frozen=True)

    category: str
    objection: str  # what the homeowner said
    response: str  # what the director said back
    resolved: bool

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        if value not in OBJECTION_CATEGORIES:
            raise ValueError(f"unknown objection category {value!r}")
        return value

    @property
    def label(self) -> str:
        return OBJECTION_CATEGORIES[self.category]


class ScriptStep(BaseModel):
    model_config = ConfigDict(frozen=True)

    phase: Phase
    notes: str


class PhaseTimings(BaseModel):
    """Minutes spent in each phase of the visit."""

    model_config = ConfigDict(frozen=True)

    rapport: int = Field(ge=0)
    inspection: int = Field(ge=0)
    presentation: int = Field(ge=0)
    pricing: int = Field(ge=0)
    close: int = Field(ge=0)

    def minutes(self, phase: Phase) -> int:
        return int(getattr(self, phase))

    @property
    def total(self) -> int:
        return sum(self.minutes(phase) for phase in PHASES)


class Transcript(BaseModel):
    """One distilled call: who, what, how it went, and what the director said."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    title: str = ""
    date: date
    director: str = ""
    rep_on_call: str | None = None
    trade: Trade
    town: str = ""
    state: str = ""
    homeowners: str = ""
    home: str = ""
    situations: list[str]
    situation_summary: str = ""
    scope: str = ""
    product: str = ""
    outcome: Outcome
    outcome_detail: str = ""
    deal_value: int = Field(ge=0)
    follow_up_days: int | None = None
    objections: list[ObjectionHandled]
    techniques: list[str]
    script_structure: list[ScriptStep]
    phase_timings: PhaseTimings
    key_quotes: list[str]
    takeaway: str = ""

    @field_validator("situations")
    @classmethod
    def _known_situations(cls, value: list[str]) -> list[str]:
        unknown = [s for s in value if s not in SITUATIONS]
        if unknown:
            raise ValueError(f"unknown situations {unknown}")
        return value

    @property
    def closed(self) -> bool:
        return self.outcome in CLOSED

    @property
    def outcome_label(self) -> str:
        return OUTCOMES[self.outcome]

    @property
    def place(self) -> str:
        return f"{self.town}, {self.state}" if self.town and self.state else self.town

    def objection_categories(self) -> list[str]:
        return list(dict.fromkeys(o.category for o in self.objections))


# --- results ----------------------------------------------------------------------------------


def percent(part: int, whole: int) -> float:
    """part / whole as a percentage, rounded half up to one decimal; 0 when there is nothing to divide."""
    if not whole:
        return 0.0
    exact = Decimal(100 * part) / Decimal(whole)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Rate:
    hits: int
    total: int

    @property
    def percent(self) -> float:
        return percent(self.hits, self.total)

    def __str__(self) -> str:
        return f"{self.percent:g}% ({self.hits} of {self.total})"


@dataclass(frozen=True)
class CloseRateRow:
    group: str
    calls: int
    closed_first_visit: int
    closed_follow_up: int
    lost: int
    pending: int

    @property
    def first_visit(self) -> Rate:
        return Rate(self.closed_first_visit, self.calls)

    @property
    def overall(self) -> Rate:
        return Rate(self.closed_first_visit + self.closed_follow_up, self.calls)


@dataclass(frozen=True)
class ObjectionRow:
    category: str
    calls: int  # calls in which it came up
    of_calls: int  # calls considered
    resolved: int  # times the director resolved it in the call
    closed_calls: int  # calls where it came up that closed (first visit or follow-up)

    @property
    def label(self) -> str:
        return OBJECTION_CATEGORIES.get(self.category, self.category)

    @property
    def share(self) -> Rate:
        return Rate(self.calls, self.of_calls)

    @property
    def resolved_rate(self) -> Rate:
        return Rate(self.resolved, self.calls)

    @property
    def close_rate(self) -> Rate:
        return Rate(self.closed_calls, self.calls)


@dataclass(frozen=True)
class TechniqueRow:
    technique: str
    calls: int
    of_calls: int
    first_visit_with: Rate
    first_visit_without: Rate
    closed_with: Rate

    @property
    def share(self) -> Rate:
        return Rate(self.calls, self.of_calls)

    @property
    def lift_points(self) -> float:
        """First-visit close rate with the technique minus without, in percentage points."""
        return round(self.first_visit_with.percent - self.first_visit_without.percent, 1)


@dataclass(frozen=True)
class GroupRow:
    group: str
    calls: int
    of_calls: int
    total_value: int
    closed_value: int

    @property
    def share(self) -> Rate:
        return Rate(self.calls, self.of_calls)

    @property
    def average_value(self) -> float:
        return round(self.total_value / self.calls, 2) if self.calls else 0.0


@dataclass(frozen=True)
class Example:
    call: Transcript
    objection: ObjectionHandled | None  # the exchange the example was chosen for, if any


GroupBy = Literal["trade", "outcome", "situation", "objection", "technique", "rep"]


class TranscriptSet:
    """A list of calls with exact computations over it; `filter` narrows it to a subset."""

    def __init__(self, calls: Iterable[Transcript]) -> None:
        self.calls: list[Transcript] = sorted(calls, key=lambda c: c.id)

    def __len__(self) -> int:
        return len(self.calls)

    def __iter__(self) -> Iterator[Transcript]:
        return iter(self.calls)

    def get(self, call_id: str) -> Transcript | None:
        return next((c for c in self.calls if c.id.lower() == call_id.lower()), None)

    # --- subsets ---------------------------------------------------------------------------
    def filter(
        self,
        *,
        trade: str | None = None,
        outcome: str | Iterable[str] | None = None,
        situation: str | None = None,
        objection: str | None = None,
        technique: str | None = None,
        rep: str | None = None,
        town: str | None = None,
        state: str | None = None,
        year: int | None = None,
    ) -> TranscriptSet:
        outcomes = {outcome} if isinstance(outcome, str) else set(outcome) if outcome is not None else None
        technique_key = technique.lower() if technique else None

        def keep(call: Transcript) -> bool:
            return (
                (trade is None or call.trade == trade)
                and (outcomes is None or call.outcome in outcomes)
                and (situation is None or situation in call.situations)
                and (objection is None or objection in call.objection_categories())
                and (technique_key is None or any(t.lower() == technique_key for t in call.techniques))
                and (rep is None or (call.rep_on_call or "").casefold() == rep.casefold())
                and (town is None or call.town.casefold() == town.casefold())
                and (state is None or call.state.casefold() == state.casefold())
                and (year is None or call.date.year == year)
            )

        return TranscriptSet(c for c in self.calls if keep(c))

    # --- counts and rates ------------------------------------------------------------------
    def first_visit_close_rate(self) -> Rate:
        return Rate(sum(c.outcome == "closed_first_visit" for c in self.calls), len(self.calls))

    def close_rate(self) -> Rate:
        return Rate(sum(c.closed for c in self.calls), len(self.calls))

    def outcome_counts(self) -> dict[str, int]:
        counts: Counter[str] = Counter(c.outcome for c in self.calls)
        return {key: counts.get(key, 0) for key in OUTCOMES}

    def _groups(self, by: GroupBy) -> dict[str, list[Transcript]]:
        keys: Callable[[Transcript], list[str]] = {
            "trade": lambda c: [c.trade],
            "outcome": lambda c: [c.outcome],
            "situation": lambda c: list(c.situations),
            "objection": lambda c: c.objection_categories(),
            "technique": lambda c: list(dict.fromkeys(c.techniques)),
            "rep": lambda c: [c.rep_on_call or "director alone"],
        }[by]
        groups: dict[str, list[Transcript]] = {}
        for call in self.calls:
            for key in keys(call):
                groups.setdefault(key, []).append(call)
        return groups

    def close_rates(self, by: GroupBy = "trade") -> list[CloseRateRow]:
        """Close rates per group, largest group first (ties by name)."""
        rows = []
        for group, calls in self._groups(by).items():
            outcomes: Counter[str] = Counter(c.outcome for c in calls)
            rows.append(
                CloseRateRow(
                    group=group,
                    calls=len(calls),
                    closed_first_visit=outcomes["closed_first_visit"],
                    closed_follow_up=outcomes["closed_follow_up"],
                    lost=sum(outcomes[o] for o in LOST),
                    pending=outcomes["pending"],
                )
            )
        return sorted(rows, key=lambda r: (-r.calls, r.group))

    def breakdown(self, by: GroupBy = "trade") -> list[GroupRow]:
        """Calls and deal value per group, largest group first."""
        rows = [
            GroupRow(
                group=group,
                calls=len(calls),
                of_calls=len(self.calls),
                total_value=sum(c.deal_value for c in calls),
                closed_value=sum(c.deal_value for c in calls if c.closed),
            )
            for group, calls in self._groups(by).items()
        ]
        return sorted(rows, key=lambda r: (-r.calls, r.group))

    # --- objections ------------------------------------------------------------------------
    def objection_frequency(self) -> list[ObjectionRow]:
        """Each objection category: in how many calls it came up, how often resolved; most frequent first."""
        calls_with: Counter[str] = Counter()
        resolved: Counter[str] = Counter()
        closed: Counter[str] = Counter()
        for call in self.calls:
            for category in call.objection_categories():
                calls_with[category] += 1
                closed[category] += call.closed
            for item in call.objections:
                resolved[item.category] += item.resolved
        rows = [
            ObjectionRow(category=k, calls=n, of_calls=len(self.calls), resolved=resolved[k], closed_calls=closed[k])
            for k, n in calls_with.items()
        ]
        return sorted(rows, key=lambda r: (-r.calls, r.category))

    def objection_frequency_by(self, by: Literal["trade", "outcome"]) -> dict[str, list[ObjectionRow]]:
        return {group: TranscriptSet(calls).objection_frequency() for group, calls in sorted(self._groups(by).items())}

    def objections_per_call(self) -> float:
        return round(sum(len(c.objections) for c in self.calls) / len(self.calls), 2) if self.calls else 0.0

    # --- techniques ------------------------------------------------------------------------
    def technique_frequency(self) -> list[TechniqueRow]:
        """Each technique: how often used and the first-visit close rate with and without it."""
        rows = []
        for technique, calls in self._groups("technique").items():
            ids = {c.id for c in calls}
            without = [c for c in self.calls if c.id not in ids]
            rows.append(
                TechniqueRow(
                    technique=technique,
                    calls=len(calls),
                    of_calls=len(self.calls),
                    first_visit_with=Rate(sum(c.outcome == "closed_first_visit" for c in calls), len(calls)),
                    first_visit_without=Rate(sum(c.outcome == "closed_first_visit" for c in without), len(without)),
                    closed_with=Rate(sum(c.closed for c in calls), len(calls)),
                )
            )
        return sorted(rows, key=lambda r: (-r.calls, r.technique))

    # --- time ------------------------------------------------------------------------------
    def average_phase_timings(self) -> dict[str, float]:
        """Mean minutes per phase, plus "total"; empty set gives zeros."""
        n = len(self.calls)
        out: dict[str, float] = {phase: round(sum(c.phase_timings.minutes(phase) for c in self.calls) / n, 1) if n else 0.0 for phase in PHASES}
        out["total"] = round(sum(c.phase_timings.total for c in self.calls) / n, 1) if n else 0.0
        return out

    # --- money -----------------------------------------------------------------------------
    def total_value(self, *, closed_only: bool = False) -> int:
        return sum(c.deal_value for c in self.calls if c.closed or not closed_only)

    def average_value(self, *, closed_only: bool = False) -> float:
        values = [c.deal_value for c in self.calls if c.closed or not closed_only]
        return round(sum(values) / len(values), 2) if values else 0.0

    # --- examples --------------------------------------------------------------------------
    def examples(
        self,
        *,
        objection: str | None = None,
        trade: str | None = None,
        situation: str | None = None,
        outcome: str | Iterable[str] | None = None,
        technique: str | None = None,
        limit: int = 3,
    ) -> list[Example]:
        """Calls that show a topic, closed ones and resolved exchanges first, each trade in turn."""
        subset = self.filter(trade=trade, situation=situation, objection=objection, outcome=outcome, technique=technique)

        def exchange(call: Transcript) -> ObjectionHandled | None:
            if objection is None:
                return None
            return next((o for o in call.objections if o.category == objection and o.resolved), None) or next(
                (o for o in call.objections if o.category == objection), None
            )

        ranked = sorted(
            subset.calls,
            key=lambda c: (not c.closed, not (exchange(c) and exchange(c).resolved), c.outcome != "closed_first_visit", c.id),  # type: ignore[union-attr]
        )
        # Spread the examples over trades and responses so they are not all the same line.
        picked: list[Example] = []
        seen_lines: set[str] = set()
        for call in ranked:
            item = exchange(call)
            line = item.response if item else call.key_quotes[0] if call.key_quotes else call.id
            if line in seen_lines:
                continue
            seen_lines.add(line)
            picked.append(Example(call, item))
            if len(picked) >= limit:
                break
        return picked


# --- loading ----------------------------------------------------------------------------------


def calls_dir(settings: Settings) -> Path:
    """The calls folder: the S3 mirror's copy when the knowledge base lives in S3 and has synced,
    else the local knowledge folder."""
    local = Path(settings.kb_dir) / CALLS_FOLDER
    if settings.kb == "s3":
        mirrored = Path(settings.data_dir) / "knowledge" / "s3_cache" / CALLS_FOLDER
        if mirrored.is_dir() and any(mirrored.glob("*.json")):
            return mirrored
    return local


def read_transcripts(folder: Path) -> TranscriptSet:
    """Every SDC-*.json (or any *.json) in a folder, validated; a bad file names itself."""
    if not folder.is_dir():
        raise ConfigurationError(f"the sales-director calls folder {folder} does not exist")
    calls: list[Transcript] = []
    for path in sorted(folder.glob("*.json")):
        try:
            calls.append(Transcript.model_validate(json.loads(path.read_text(encoding="utf-8"))))
        except (ValueError, ValidationError) as error:
            raise ConfigurationError(f"{path.name} is not a valid call transcript: {error}") from error
    ids = Counter(c.id for c in calls)
    duplicates = [i for i, n in ids.items() if n > 1]
    if duplicates:
        raise ConfigurationError(f"call ids appear twice in {folder}: {', '.join(sorted(duplicates))}")
    return TranscriptSet(calls)


def load_transcripts(settings: Settings) -> TranscriptSet:
    """The calls in the knowledge base's SALES_DIRECTOR_CALLS folder (settings.kb_dir)."""
    return read_transcripts(calls_dir(settings))
