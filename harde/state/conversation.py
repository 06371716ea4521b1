"""What one conversation carries between turns besides its message history."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter

from harde.state.drafts import NewClientState, ScriptDraftState
from harde.understanding.memory import Focus


@dataclass
class PendingRun:
    """An agent run paused by the SDK before a write, waiting for the rep's own yes.

    `run_state` is the SDK's serialised `RunState`; `user` is who asked, the only one who may approve."""

    agent: str
    summary: str
    run_state: str
    user: str = ""
    # Claimed atomically before the write runs: the same pending write executes at most once.
    token: str = ""
    # The writes asked about, {"tool", "arguments"} each: a correction ("actually make it 3pm")
    # is read against them into a new proposal, which waits for its own yes.
    calls: list[dict[str, Any]] = field(default_factory=list)


TITLE_CHARS = 60


def conversation_title(text: str) -> str:
    """The first line of the first message, cut to 60 characters at a word boundary."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    line = re.sub(r"\s+", " ", line[: TITLE_CHARS * 4]).strip()
    if len(line) <= TITLE_CHARS:
        return line
    cut = line[: TITLE_CHARS - 1]
    if " " in cut and line[TITLE_CHARS - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


@dataclass
class Offer:
    """Something Hard-E can do with what the rep pasted: a button that sends `request`."""

    label: str
    request: str


@dataclass
class TurnRecord:
    """What one turn did, kept with the conversation so the trail under its answer, its notices,
    files and feedback are still there after a reload or a restart.

    `turn` counts the conversation's user messages: the record belongs to the answer to the
    `turn`-th one (from 0)."""

    turn: int
    agent: str
    flow: str
    intent: str = ""
    route: str = ""
    # What the specialists did, in words ("looked up job 1052"), in order.
    steps: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    seconds: float = 0.0
    notices: list[str] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    # 1 thumbs up, 0 thumbs down, None not rated; who rated it and when (epoch seconds).
    feedback: int | None = None
    feedback_by: str = ""
    feedback_at: float = 0.0
    at: float = 0.0


@dataclass
class ConversationState:
    title: str = ""
    # The user name of whoever started it: only they (and directors) may open it.
    owner: str = ""
    active_agent: str = "triage"
    new_client: NewClientState = field(default_factory=NewClientState)
    script: ScriptDraftState = field(default_factory=ScriptDraftState)
    # The specialist whose last answer asked the user something ("Which Johnson?").
    awaiting_answer: str | None = None
    # Who and what is in focus, and an open "which one?" (the understanding layer's memory).
    focus: Focus = field(default_factory=Focus)
    pending_run: PendingRun | None = None
    # One record per answered turn: the trail, notices, attachments and feedback of each answer.
    turns: list[TurnRecord] = field(default_factory=list)
    # Deleted by its owner at this time (epoch seconds): hidden, and gone for good once the undo
    # window has passed; 0 when it is not deleted.
    deleted_at: float = 0.0

    def record(self, turn: int) -> TurnRecord | None:
        return next((r for r in reversed(self.turns) if r.turn == turn), None)

    @property
    def workflow_in_progress(self) -> str | None:
        """The agent whose multi-turn work is under way, if any."""
        if self.pending_run is not None:
            return self.pending_run.agent
        return self.drafting

    @property
    def drafting(self) -> str | None:
        """The agent whose stateful work (an intake, a script) is under way, if any."""
        if self.new_client.in_progress:
            return "new_clients"
        if self.script.in_progress:
            return "scripting"
        return None

    def to_json(self) -> bytes:
        return _ADAPTER.dump_json(self)

    @classmethod
    def from_json(cls, raw: bytes | str) -> ConversationState:
        return _ADAPTER.validate_json(raw)

    def public_state(self) -> dict[str, Any]:
        """What the UI may show: the workflow under way, what is known and what is missing."""
        out: dict[str, Any] = {"active_agent": self.active_agent}
        if self.new_client.in_progress:
            from harde.state.progress import new_client_progress

            out["new_client"] = new_client_progress(self.new_client)
        if self.script.in_progress:
            s = self.script
            out["script"] = {
                "customer": s.customer_name,
                "job": s.job_name or s.job_id,
                "type": s.script_type,
                "focus": s.focus_material,
                "words": len(s.draft.split()) if s.draft else 0,
                "revisions": len(s.revisions),
            }
        if self.pending_run is not None:
            out["pending"] = self.pending_run.summary
        return out


_ADAPTER: TypeAdapter[ConversationState] = TypeAdapter(ConversationState)
