"""Conversation state: the workflow dataclasses in the run context, and where they are kept."""

from harde.state.conversation import ConversationState, PendingRun
from harde.state.drafts import NewClientState, ScriptDraftState, ScriptRevision

__all__ = ["ConversationState", "NewClientState", "PendingRun", "ScriptDraftState", "ScriptRevision"]
