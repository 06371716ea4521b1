"""Conversation memory: who and what is in focus, and a clarifying question left open.

Saved with the conversation's state, so "her", "that one", "there" and a reply to "which
one?" resolve across turns, topic switches, reloads and restarts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Candidate:
    """One answer to an open "which one?": a customer, optionally one of their jobs."""

    label: str
    customer_id: int | None = None
    job_id: int | None = None
    user_id: int | None = None
    words: list[str] = field(default_factory=list)  # first name, trades, town, job number


@dataclass
class Clarification:
    question: str
    candidates: list[Candidate]
    # The action the question interrupted, answered once a candidate is picked.
    intent: str
    tool: str
    arguments: dict[str, Any] = field(default_factory=dict)
    # Which argument the chosen candidate fills: "customer" (customer_id/job_id) or "user".
    fills: str = "customer"


@dataclass
class Focus:
    customer_id: int | None = None
    job_id: int | None = None
    user_id: int | None = None
    intent: str = ""
    agent: str = ""
    fields: list[str] = field(default_factory=list)
    clarification: Clarification | None = None
    # Customers the conversation has been about, the latest first: "her" after a detour through
    # a man's details is the woman named before him.
    recent: list[int] = field(default_factory=list)
