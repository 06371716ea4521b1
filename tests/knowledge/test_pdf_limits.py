"""Hostile PDFs are read in a bounded child process and refused with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from harde.errors import InputError, UnreadableDocumentError
from harde.knowledge import make_knowledge_base
from harde.knowledge.ingest import check_upload
from harde.knowledge.pdf import PdfLimits, read_pdf

from .conftest import kb_settings, uploader
from .hostile_pdfs import decompression_bomb, deep_page_tree, many_pages, memory_hog, slow_to_read


def test_a_decompression_bomb_is_refused_not_raised() -> None:
    data = decompression_bomb()
    assert len(data) < 100_000  # small on disk, 80 MB inflated
    with pytest.raises(UnreadableDocumentError, match=r"bomb.pdf goes past a safety limit of the PDF reader \(LimitReachedError"):
        check_upload("bomb.pdf", data)


def test_a_slow_pdf_is_stopped_at_the_time_limit() -> None:
    with pytest.raises(UnreadableDocumentError, match=r"slow.pdf took longer than 1 s to read and was stopped"):
        read_pdf("slow.pdf", slow_to_read(), PdfLimits(timeout_s=1))


def test_a_pdf_past_the_page_limit_is_refused_and_one_at_it_is_read() -> None:
    assert len(read_pdf("five.pdf", many_pages(5), PdfLimits(max_pages=5)).pages) == 5
    with pytest.raises(UnreadableDocumentError, match=r"six.pdf has 6 pages; the limit is 5 \(setting HARDE_KB_PDF_MAX_PAGES\)"):
        read_pdf("six.pdf", many_pages(6), PdfLimits(max_pages=5))


def test_a_pdf_that_needs_too_much_memory_is_stopped() -> None:
    limits = PdfLimits(memory_mb=128, timeout_s=600)
    assert "written warranty" in read_pdf("fine.pdf", many_pages(2), limits).pages[0]
    with pytest.raises(UnreadableDocumentError, match=r"hog.pdf needs more than 128 MB of memory to read"):
        read_pdf("hog.pdf", memory_hog(), limits)


def test_a_page_tree_nested_too_deep_is_refused() -> None:
    with pytest.raises(UnreadableDocumentError, match=r"deep.pdf goes past a safety limit.*page tree depth"):
        read_pdf("deep.pdf", deep_page_tree())


def test_an_uploaded_bomb_is_refused_and_nothing_is_kept(tmp_path: Path, small_kb_dir: Path) -> None:
    kb = make_knowledge_base(kb_settings(tmp_path / "var", small_kb_dir))
    with pytest.raises(InputError, match="safety limit"):
        kb.add_document("price-sheet.pdf", decompression_bomb(), uploader())
    assert not list((tmp_path / "var" / "knowledge" / "uploads").rglob("*price-sheet*"))
    assert all(d.source != "UPLOADS/price-sheet.pdf" for d in kb.documents())


def test_a_hostile_pdf_in_the_source_folder_is_skipped_and_the_rest_indexed(tmp_path: Path, small_kb_dir: Path) -> None:
    (small_kb_dir / "PRICING_STRATEGIES").mkdir()
    (small_kb_dir / "PRICING_STRATEGIES" / "bomb.pdf").write_bytes(decompression_bomb())
    kb = make_knowledge_base(kb_settings(tmp_path / "var", small_kb_dir))
    stats = kb.refresh()
    assert stats.documents == 4  # the four good documents; the bomb has no passages
    assert kb.search("workmanship warranty", k=1)[0].source == "PRODUCT_KNOWLEDGE/warranties.md"


def test_the_limits_are_settings(tmp_path: Path) -> None:
    settings = kb_settings(tmp_path / "var", kb_pdf_max_pages=3, kb_pdf_timeout_s=5, kb_pdf_memory_mb=256)
    assert make_knowledge_base(settings).pdf_limits == PdfLimits(max_pages=3, timeout_s=5, memory_mb=256)
    assert make_knowledge_base(kb_settings(tmp_path / "var")).pdf_limits == PdfLimits(200, 20.0, 1024)
