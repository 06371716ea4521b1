"""Conversation stores: SQLite by default, Redis for several app instances."""

from __future__ import annotations

import uuid

import pytest

from harde.state import ConversationState, PendingRun
from harde.state.store import ConversationStore, RedisConversationStore, SQLiteConversationStore
from harde.understanding.memory import Candidate, Clarification, Focus
from tests.conftest import require_service


async def _round_trip(store: ConversationStore) -> None:
    cid = f"t-{uuid.uuid4().hex[:8]}"
    assert await store.load_state(cid) is None
    state = ConversationState(title="Sarah Johnson intake")
    state.new_client.active = True
    state.new_client.fields = {"first_name": "Sarah", "state_id": 21}
    state.pending_run = PendingRun(agent="new_clients", summary="Create Sarah", run_state='{"a": 1}', user="rep")
    state.focus = Focus(customer_id=101, job_id=1012, fields=["phone"], clarification=Clarification(
        question="Linda or Robert?", candidates=[Candidate(label="Linda Johnson", customer_id=102, words=["linda"])],
        intent="crm.facts", tool="crm_facts", arguments={"fields": ["phone"]}))
    await store.save_state(cid, state)
    await store.session(cid).add_items([{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}])
    loaded = await store.load_state(cid)
    assert loaded == state
    assert [i["role"] for i in await store.session(cid).get_items()] == ["user", "assistant"]  # type: ignore[index]
    assert cid in [c.id for c in await store.list_conversations()]
    await store.delete(cid)
    assert await store.load_state(cid) is None
    assert await store.session(cid).get_items() == []


async def test_sqlite_store_round_trips_state_and_history(tmp_path: object) -> None:
    from pathlib import Path

    store = SQLiteConversationStore(Path(str(tmp_path)) / "c.sqlite3")
    await _round_trip(store)
    await store.aclose()


@pytest.mark.redis
async def test_redis_store_round_trips_state_and_history() -> None:
    require_service("Redis", "127.0.0.1", 6379)
    store = RedisConversationStore("redis://127.0.0.1:6379/0", prefix=f"harde-test-{uuid.uuid4().hex[:6]}")
    await _round_trip(store)
    await store.aclose()


@pytest.mark.redis
async def test_two_assistants_share_a_conversation_through_redis(settings: object) -> None:
    require_service("Redis", "127.0.0.1", 6379)
    from harde.assistant import Assistant
    from harde.config import Settings
    from tests.core.graph_fixtures import config_with_test_tools

    assert isinstance(settings, Settings)
    shared = settings.model_copy(update={"session_url": "redis://127.0.0.1:6379/0"})
    first = Assistant(shared, config=config_with_test_tools())
    turn = await first.ask("What is our warranty on workmanship?")
    second = Assistant(shared, config=config_with_test_tools())
    history = await second.history(turn.conversation_id)
    assert [m["role"] for m in history] == ["user", "assistant"]
    await second.store.delete(turn.conversation_id)
    await first.aclose()
    await second.aclose()


async def test_a_store_from_before_the_deleted_column_lists_its_deletions(tmp_path: object) -> None:
    import sqlite3
    from pathlib import Path

    path = Path(str(tmp_path)) / "old.sqlite3"
    store = SQLiteConversationStore(path)
    await store.save_state("gone", ConversationState(title="gone", owner="rep", deleted_at=1234.5))
    await store.save_state("kept", ConversationState(title="kept", owner="rep"))
    await store.aclose()
    with sqlite3.connect(path) as db:  # as the file was before the column existed
        db.execute("ALTER TABLE harde_conversations DROP COLUMN deleted_at")
    reopened = SQLiteConversationStore(path)
    listed = {c.id: c.deleted_at for c in await reopened.list_conversations(owner="rep")}
    assert listed == {"gone": 1234.5, "kept": 0.0}
    await reopened.aclose()
