"""Thumbs up and down on answers, as labelled examples: the rep's message, how it was read and
routed, the answer, and the verdict. `harde feedback export` writes them as JSONL, from which the
understanding layer's training set grows (a thumbs down marks a reading to look at)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

from agents.items import TResponseInputItem

from harde.state.store import ConversationStore

# Conversations looked through, most recent first.
EXPORTED_CONVERSATIONS = 100_000


def _turns(items: list[TResponseInputItem]) -> list[tuple[str, str]]:
    """(message, answer) per user message, in order; the answer is the turn's last one."""
    out: list[tuple[str, str]] = []
    for raw in items:
        item: dict[str, Any] = dict(raw) if isinstance(raw, dict) else {}
        role, content = item.get("role"), item.get("content")
        if role == "user" and isinstance(content, str):
            out.append((content, ""))
        elif role == "assistant" and out:
            text = content if isinstance(content, str) else "".join(
                str(part.get("text", "")) for part in content or [] if isinstance(part, dict)
            )
            if text.strip():
                out[-1] = (out[-1][0], text)
    return out


async def feedback_examples(store: ConversationStore) -> AsyncIterator[dict[str, Any]]:
    """Every rated answer, oldest conversation first, as one labelled example."""
    summaries = await store.list_conversations(limit=EXPORTED_CONVERSATIONS)
    for summary in reversed(summaries):
        state = await store.load_state(summary.id)
        if state is None or not any(r.feedback is not None for r in state.turns):
            continue
        turns = _turns(await store.session(summary.id).get_items())
        for record in state.turns:
            if record.feedback is None or record.turn >= len(turns):
                continue
            text, answer = turns[record.turn]
            yield {
                "text": text,
                "intent": record.intent,
                "label": "good" if record.feedback else "bad",
                "agent": record.agent,
                "flow": record.flow,
                "route": record.route,
                "tools": record.tools,
                "answer": answer,
                "conversation": summary.id,
                "turn": record.turn,
                "rated_by": record.feedback_by,
                "rated_at": dt.datetime.fromtimestamp(record.feedback_at, dt.UTC).isoformat(timespec="seconds"),
            }
