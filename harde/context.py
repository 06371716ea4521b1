"""The run context every tool receives: settings, services, and the conversation's state."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from harde.auth import User
from harde.config import Settings
from harde.events import Event, StateChanged, StatusNote
from harde.services import Services
from harde.state.conversation import ConversationState


@dataclass
class HardeContext:
    settings: Settings
    services: Services
    conversation_id: str
    state: ConversationState = field(default_factory=ConversationState)
    # Who is asking: audit lines and approvals are theirs.
    user: User = field(default_factory=lambda: User(username="sales-rep", name="sales rep"))
    # Set by the Assistant for the length of a turn; tools report progress through it.
    emit: Callable[[Event], None] | None = None
    # Files a tool produced this turn (audio, video) for the UI to offer: {"kind", "path", "label"}.
    attachments: list[dict[str, Any]] = field(default_factory=list)
    # The understanding layer's reading of this turn (harde.understanding.reader.Action).
    action: Any = None
    # Set when an approved write went through this turn.
    written: bool = False
    # Approved writes under way: each runs to its end even if the turn is stopped meanwhile.
    writes: set[asyncio.Task[str]] = field(default_factory=set)

    def note(self, text: str) -> None:
        """Show progress in the status line (never customer data or secrets)."""
        if self.emit is not None:
            self.emit(StatusNote(text))

    def state_changed(self) -> None:
        if self.emit is not None:
            self.emit(StateChanged(self.state.public_state()))
