"""CustomerDraft: what one dictation says about a new customer, before validation."""

from __future__ import annotations

from pydantic import BaseModel, Field

from harde.intake.values import TradeName

# The fields a rep fills in, in the order they are shown and asked.
DRAFT_FIELDS = (
    "first_name", "last_name", "phone", "email", "street", "city", "state", "zip", "trade",
    "referral_source", "notes",
)


class CustomerDraft(BaseModel):
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None  # 10 digits when valid
    phone_label: str = "cell"
    other_phones: list[str] = Field(default_factory=list)
    street: str | None = None
    unit: str | None = None
    city: str | None = None
    state: str | None = None  # two letters
    state_id: int | None = None  # Leap's id: MA is 21
    country_id: int = 1
    zip: str | None = None
    trade: TradeName | None = None
    trade_detail: str | None = None  # "roof leak repair": the job description
    other_trades: list[TradeName] = Field(default_factory=list)
    referral_source: str | None = None
    notes: str | None = None
    # Fields read from weak cues (a state guessed from the ZIP, a name with no label...).
    unsure: list[str] = Field(default_factory=list)
    # What was heard for each field, as said: quoted back when a value does not validate.
    heard: dict[str, str] = Field(default_factory=dict)

    def found(self) -> dict[str, object]:
        """The fields that have a value, for merging into a conversation's draft."""
        out: dict[str, object] = {}
        for name in (*DRAFT_FIELDS, "state_id", "unit", "trade_detail", "phone_label"):
            value = getattr(self, name)
            if value not in (None, "", []):
                out[name] = value
        if "phone" not in out:
            out.pop("phone_label", None)
        return out
