"""The values a script is built from: CRM facts, knowledge-base grounding, and the rep's options."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

ScriptType = Literal["primer", "standard"]
Tone = Literal["warm", "casual", "formal"]
Length = Literal["much_shorter", "shorter", "longer", "much_longer"]


@dataclass
class Revision:
    """A change to a draft: a length (relative, or a word target), a tone, things to mention or
    drop, a new focus. Empty when nothing is asked."""

    length: Length | None = None
    target_words: int | None = None
    tone: Tone | None = None
    mention: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    focus: str | None = None
TONES: tuple[Tone, ...] = ("warm", "casual", "formal")

# Words: a primer video runs one to two minutes at about 150 spoken words a minute.
LENGTH_LIMITS: dict[str, tuple[int, int]] = {"primer": (150, 300), "standard": (300, 800)}
DEFAULT_TARGETS: dict[str, int] = {"primer": 220, "standard": 450}
SPOKEN_WORDS_PER_MINUTE = 150


@dataclass(frozen=True)
class ScriptFacts:
    """What the CRM says about the customer and the job; nothing here is made up."""

    job_id: str
    customer_first_name: str
    customer_last_name: str
    company_name: str
    trade: str  # the main trade, as the CRM names it: "Roofing", "Siding", "Gutters", "Windows"
    trades: tuple[str, ...] = ()
    job_name: str = ""
    job_number: str = ""
    project: str = ""  # the job in the homeowner's words: "roof replacement and gutters"
    description: str = ""
    street: str = ""
    city: str = ""
    state: str = ""
    rep_first_name: str = ""
    rep_last_name: str = ""
    stage: str = ""
    customer_id: str = ""
    # From the brand folder, not the CRM (it has no phones for reps): the rep's own line and the
    # company's main line; "" when the company wrote none down.
    rep_phone: str = ""
    company_phone: str = ""

    @property
    def callback_phone(self) -> str:
        """The number the homeowner is given: the rep's own, else the main line, else ""."""
        return self.rep_phone or self.company_phone

    @property
    def customer_name(self) -> str:
        return f"{self.customer_first_name} {self.customer_last_name}".strip()

    @property
    def rep_name(self) -> str:
        return f"{self.rep_first_name} {self.rep_last_name}".strip()


@dataclass(frozen=True)
class ScriptGrounding:
    """Lines from the knowledge base and the director's calls that a script may draw on."""

    template_lines: tuple[str, ...] = ()  # SCRIPT_TEMPLATES
    focus_lines: tuple[str, ...] = ()  # product knowledge about the focus material
    mention_lines: dict[str, tuple[str, ...]] = field(default_factory=dict)  # per "mention X"
    objection_lines: tuple[str, ...] = ()  # for the standard script's objection section
    director_quotes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScriptOptions:
    script_type: ScriptType = "primer"
    tone: Tone = "warm"
    target_words: int = 220
    focus: str | None = None
    mentions: tuple[str, ...] = ()

    def with_target(self, words: int) -> ScriptOptions:
        low, high = LENGTH_LIMITS[self.script_type]
        return replace(self, target_words=max(low, min(high, words)))


@dataclass(frozen=True)
class Script:
    text: str
    word_count: int
    customer_first_name: str
    customer_name: str
    trade: str
    job_id: str
    script_type: ScriptType = "primer"
    sources: tuple[str, ...] = ()
    # (section, paragraph) of the offline writer's script, for the video's slides; empty for a
    # model's draft (its paragraphs are split evenly instead).
    sections: tuple[tuple[int, str], ...] = ()

    @property
    def spoken_minutes(self) -> float:
        return self.word_count / SPOKEN_WORDS_PER_MINUTE


def count_words(text: str) -> int:
    """Spoken words: bracketed section labels ([Opening]) are not read aloud, so not counted."""
    import re

    return len(re.sub(r"\[[^\]]*\]", " ", text).split())
