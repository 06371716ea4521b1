"""Workflow state carried in the run context: a customer being collected, a script being drafted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass
class NewClientState:
    """A customer being collected over several turns before it is created in the CRM."""

    active: bool = False
    # Field name -> value, using CustomerDraft's names (first_name, phone, state_id, ...).
    fields: dict[str, Any] = field(default_factory=dict)
    # Fields heard but not valid, with what was heard, so the question can quote it.
    invalid: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    asked: str | None = None
    awaiting_confirmation: bool = False
    created_customer_id: str | None = None
    # Why each invalid field failed ("it has 7 digits..."), for the question that re-asks it.
    reasons: dict[str, str] = field(default_factory=dict)
    # Fields read from weak cues, flagged in the record shown for confirmation.
    unsure: list[str] = field(default_factory=list)
    # Optional fields are asked about once; what is still missing after that is left empty.
    asked_optional: bool = False
    # Existing customers with the same email or phone, found when creation was confirmed.
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    allow_duplicate: bool = False

    @property
    def in_progress(self) -> bool:
        return self.active and self.created_customer_id is None


@dataclass
class ScriptRevision:
    instruction: str
    draft: str


@dataclass
class ScriptDraftState:
    """A primer or standard sales script being drafted and revised."""

    active: bool = False
    customer_id: str | None = None
    customer_name: str | None = None
    job_id: str | None = None
    job_name: str | None = None
    trade: str | None = None
    focus_material: str | None = None
    script_type: Literal["primer", "standard"] = "primer"
    tone: str = "warm"
    length_target_words: int = 220
    draft: str = ""
    revisions: list[ScriptRevision] = field(default_factory=list)
    audio_path: str | None = None
    finalised: bool = False
    # Candidate jobs offered when the customer has several; the rep picks one.
    job_choices: list[dict[str, Any]] = field(default_factory=list)
    # Things the rep asked the script to mention ("the 50-year warranty"), in order.
    mentions: list[str] = field(default_factory=list)
    # The CRM facts the draft is built from (ScriptFacts as a dict), so revisions need no lookup.
    facts: dict[str, Any] = field(default_factory=dict)
    # What the last question asked for: "job", "focus", or None.
    awaiting: str | None = None
    sources: list[str] = field(default_factory=list)

    @property
    def in_progress(self) -> bool:
        return self.active and not self.finalised
