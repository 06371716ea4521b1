"""Which customer fields are collected and which are still missing, for prompts and the sidebar."""

from __future__ import annotations

from typing import Any

from harde.state.drafts import NewClientState

REQUIRED_CUSTOMER_FIELDS = ("first_name", "last_name", "phone")
OPTIONAL_CUSTOMER_FIELDS = ("email", "street", "city", "state", "zip", "trade")


def new_client_progress(state: NewClientState) -> dict[str, Any]:
    have = {k: v for k, v in state.fields.items() if v not in (None, "")}
    missing = [f for f in REQUIRED_CUSTOMER_FIELDS if f not in have]
    optional_missing = [
        f for f in OPTIONAL_CUSTOMER_FIELDS if f not in have and f not in state.skipped
    ]
    return {
        "collected": have,
        "missing": missing,
        "optional_missing": optional_missing,
        "invalid": dict(state.invalid),
        "awaiting_confirmation": state.awaiting_confirmation,
    }
