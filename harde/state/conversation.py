"""What one conversation carries between turns besides its message history."""

from __future__ import annotations

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
