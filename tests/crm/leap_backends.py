"""Both CRM backends for the tests: a seeded LocalCRM, and LeapCRM over the Leap emulator."""

from __future__ import annotations

import asyncio
import atexit
import shutil
import tempfile
from pathlib import Path

from harde.config import DEMO_DIR
from harde.integrations.crm.local import LocalCRM

SEED = DEMO_DIR / "crm" / "seed.json"
TOKEN = "test-leap-token"

_template: Path | None = None


def seeded_local_crm(folder: Path, name: str = "crm.sqlite3") -> LocalCRM:
    """A LocalCRM holding the demo company, copied from one seeded file per test process."""
    global _template
    if _template is None:
        folder_of_template = Path(tempfile.mkdtemp(prefix="harde-crm-seed-"))
        atexit.register(shutil.rmtree, folder_of_template, ignore_errors=True)
        template = folder_of_template / "seed.sqlite3"
        crm = LocalCRM(template, SEED)
        crm.load_seed()
        crm.close()  # closing checkpoints the WAL, so the file alone is the whole database
        _template = template
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(_template, target)
    return LocalCRM(target, SEED)


class FakeClock:
    """Time that moves only when someone sleeps: limiter and backoff waits without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(seconds, 0.0)
        await asyncio.sleep(0)
