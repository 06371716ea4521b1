"""Conversation state: the workflow dataclasses in the run context, and where they are kept."""

from harde.state.conversation import ConversationState, PendingAction
from harde.state.drafts import NewClientState, ScriptDraftState, ScriptRevision

__all__ = ["ConversationState", "NewClientState", "PendingAction", "ScriptDraftState", "ScriptRevision"]
