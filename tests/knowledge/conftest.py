"""Fixtures for the knowledge tests: a demo knowledge base indexed once, and writable copies."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from harde.auth import Role, User
from harde.config import DEMO_DIR, Settings
from harde.knowledge import KnowledgeBase, make_knowledge_base

DEMO_KB = DEMO_DIR / "knowledge"


def kb_settings(data_dir: Path, kb_dir: Path = DEMO_KB, **extra: Any) -> Settings:
    values: dict[str, Any] = {"data_dir": data_dir, "kb_dir": kb_dir, "llm": "offline", "crm": "local", **extra}
    return Settings(_env_file=None, **values)


def uploader(name: str = "Dana Reyes", role: Role = "rep") -> User:
    """A signed-in person: a rep by default, as most uploads come from reps."""
    return User(username=name.split()[0].lower(), name=name, role=role)


def director(name: str = "Pat Quinn") -> User:
    return uploader(name, "director")


@pytest.fixture(scope="module")
def demo_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    """The demo knowledge base, indexed once per module; tests only read it."""
    kb = make_knowledge_base(kb_settings(tmp_path_factory.mktemp("demo-kb")))
    kb.refresh()
    yield kb


@pytest.fixture
def small_kb_dir(tmp_path: Path) -> Path:
    """A writable knowledge folder with a few demo documents."""
    root = tmp_path / "kb"
    for rel in (
        "OBJECTION_HANDLING/price_objection.md",
        "PRODUCT_KNOWLEDGE/warranties.md",
        "PRODUCT_KNOWLEDGE/vinyl_siding.md",
        "PROJECTS/Maple_Hollow_Estates/hoa_exterior_guidelines.md",
    ):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DEMO_KB / rel, root / rel)
    return root
