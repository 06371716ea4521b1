"""The index is persisted, updated file by file, and takes uploads that are searchable at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from harde.errors import InputError
from harde.knowledge import make_knowledge_base

from .conftest import kb_settings, uploader


def test_index_is_persisted_and_not_rebuilt_when_nothing_changed(tmp_path: Path, small_kb_dir: Path) -> None:
    settings = kb_settings(tmp_path / "var", small_kb_dir)
    first = make_knowledge_base(settings).refresh()
    assert first.documents == 4 and first.changed == 4
    assert (tmp_path / "var" / "knowledge" / "index" / "CURRENT").is_file()
    again = make_knowledge_base(settings)
    stats = again.refresh()
    assert stats.changed == 0 and stats.removed == 0 and stats.chunks == first.chunks
    assert again.search("workmanship warranty", k=1)[0].source == "PRODUCT_KNOWLEDGE/warranties.md"


def test_changed_added_and_removed_files_update_the_index(tmp_path: Path, small_kb_dir: Path) -> None:
    kb = make_knowledge_base(kb_settings(tmp_path / "var", small_kb_dir))
    kb.refresh()
    (small_kb_dir / "PRODUCT_KNOWLEDGE" / "vinyl_siding.md").write_text(
        "# Vinyl Siding\n\nWe now sell the Cobblestone Tern profile in .052 thickness.\n", encoding="utf-8"
    )
    (small_kb_dir / "CORE_KNOWLEDGE").mkdir()
    (small_kb_dir / "CORE_KNOWLEDGE" / "parking.txt").write_text("Parking\n\nPark on the street, never in the driveway.\n")
    (small_kb_dir / "PRODUCT_KNOWLEDGE" / "warranties.md").unlink()
    stats = kb.refresh()
    assert (stats.changed, stats.removed, stats.documents) == (2, 1, 4)
    assert kb.search("Cobblestone Tern", k=1)[0].source == "PRODUCT_KNOWLEDGE/vinyl_siding.md"
    assert kb.search("where do I park", k=1)[0].source == "CORE_KNOWLEDGE/parking.txt"
    assert all(h.source != "PRODUCT_KNOWLEDGE/warranties.md" for h in kb.search("workmanship warranty", k=5))


def test_uploaded_document_is_searchable_at_once_and_survives_a_restart(tmp_path: Path, small_kb_dir: Path) -> None:
    settings = kb_settings(tmp_path / "var", small_kb_dir)
    kb = make_knowledge_base(settings)
    message = kb.add_document(
        "storm-policy.md",
        b"# Storm Response Policy\n\nAfter a hailstorm we offer free roof inspections within 48 hours to homes in the affected towns.\n",
        uploader(),
    )
    assert "Storm Response Policy" in message and "UPLOADS" in message
    hit = kb.search("free inspection after hail", k=1)[0]
    assert (hit.source, hit.category) == ("UPLOADS/storm-policy.md", "UPLOADS")
    restarted = make_knowledge_base(settings)
    assert restarted.search("free inspection after hail", k=1)[0].source == "UPLOADS/storm-policy.md"
    assert restarted.refresh().changed == 0


@pytest.mark.parametrize(
    ("filename", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "binary"),
        ("huge.md", b"a" * (10 * 1024 * 1024 + 1), "too large"),
        ("broken.pdf", b"%PDF-1.7 garbage", "PDF"),
        ("sheet.xlsx", b"PK\x03\x04", "only .txt, .md and .pdf"),
    ],
)
def test_bad_uploads_are_refused_with_the_reason(
    tmp_path: Path, small_kb_dir: Path, filename: str, data: bytes, reason: str
) -> None:
    kb = make_knowledge_base(kb_settings(tmp_path / "var", small_kb_dir))
    with pytest.raises(InputError, match=reason):
        kb.add_document(filename, data, uploader())
    assert not (tmp_path / "var" / "knowledge" / "uploads" / "UPLOADS" / filename).exists()


def test_upload_filename_cannot_escape_the_uploads_folder(tmp_path: Path, small_kb_dir: Path) -> None:
    kb = make_knowledge_base(kb_settings(tmp_path / "var", small_kb_dir))
    kb.add_document("../../etc/evil.md", b"# Evil\n\nNothing to see.\n", uploader())
    assert (tmp_path / "var" / "knowledge" / "uploads" / "UPLOADS" / "evil.md").is_file()
