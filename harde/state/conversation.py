"""What one conversation carries between turns besides its message history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter

from harde.state.drafts import NewClientState, ScriptDraftState


@dataclass
class PendingAction:
    """A write shown to the user and waiting for their yes.

    `kind` names an executor registered with `harde.tools.confirm.action`; `payload` is what
    it needs, JSON-serialisable so the wait survives a reload.
    """

    kind: str
    summary: str
    payload: dict[str, Any]
    agent: str
    # Said after a "no", when the work behind the proposal goes on (an intake keeps its fields).
    cancel_note: str = ""


@dataclass
class ConversationState:
    title: str = ""
    active_agent: str = "triage"
    new_client: NewClientState = field(default_factory=NewClientState)
    script: ScriptDraftState = field(default_factory=ScriptDraftState)
    pending: PendingAction | None = None
    # The specialist whose last answer asked the user something ("Which Johnson?").
    awaiting_answer: str | None = None

    @property
    def workflow_in_progress(self) -> str | None:
        """The agent whose multi-turn work is under way, if any."""
        if self.pending is not None:
            return self.pending.agent
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
        if self.pending is not None:
            out["pending"] = self.pending.summary
        return out


_ADAPTER: TypeAdapter[ConversationState] = TypeAdapter(ConversationState)
