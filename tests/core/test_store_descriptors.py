"""The conversation store keeps its open descriptors flat however many conversations it has
served: a web process under a low open-file limit outlives thousands of them.

The work runs in a subprocess with `RLIMIT_NOFILE` at 256 (`ulimit -n 256`), so a leak of a
descriptor or two per conversation fails there (a store that cached one SDK session per
conversation ran out at the 80th or so) instead of exhausting the test process."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CHILD = textwrap.dedent(
    """
    import asyncio, json, os, resource, sys
    from pathlib import Path

    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))

    from harde.assistant import Assistant
    from harde.auth import User
    from harde.config import Settings
    from harde.state import ConversationState
    from harde.state.audit import AuditLog

    CONVERSATIONS = int(sys.argv[2])
    TURNS = int(sys.argv[3])


    def open_fds() -> int:
        return len(os.listdir("/proc/self/fd"))


    async def main() -> None:
        settings = Settings(_env_file=None, data_dir=Path(sys.argv[1]), llm="offline", crm="local")
        assistant = Assistant(settings)
        store = assistant.store
        audit = AuditLog.for_settings(settings)
        rep = User(username="dwhitaker", name="Dana Whitaker", role="rep")
        # A few whole turns first: the SDK, the CRM and the knowledge index are open after them.
        for n in range(TURNS):
            async for _ in assistant.stream("what stage is the Johnson roof job in?", f"turn-{n}", rep):
                pass
        samples = [open_fds()]
        for n in range(CONVERSATIONS):
            cid = f"conv-{n}"
            # What a turn does with its conversation: read the history and the state, add to
            # both, list the rep's conversations; and a write audited now and then.
            session = store.session(cid)
            await session.get_items(limit=40)
            state = await store.load_state(cid) or ConversationState(title=f"conversation {n}", owner=rep.username)
            await session.add_items([{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}])
            await store.save_state(cid, state)
            await assistant.history(cid, rep)
            if n % 10 == 0:
                await store.list_conversations(limit=12, owner=rep.username)
                await audit.arecord(user=rep.username, kind="note", summary=f"note {n}", ok=True, answer="ok")
            if n % 500 == 499:
                samples.append(open_fds())
        listed = await store.list_conversations(limit=CONVERSATIONS + TURNS + 10)
        await assistant.aclose()
        print(json.dumps({"samples": samples, "listed": len(listed), "audited": len(audit.entries(limit=10_000))}))


    asyncio.run(main())
    """
)


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_three_thousand_conversations_keep_descriptors_flat(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "var"), "3000", "3"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    samples = figures["samples"]
    # Every conversation and every audited write is there...
    assert figures["listed"] == 3000 + 3
    assert figures["audited"] == 300
    # ...and not one descriptor more after 3,000 conversations than after the first turns.
    assert max(samples) <= samples[0], samples
