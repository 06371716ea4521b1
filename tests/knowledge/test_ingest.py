"""Ingest of each format: Markdown, plain text, PDF and JSON transcripts."""

from __future__ import annotations

import json

import pytest
from fpdf import FPDF

from harde.knowledge.ingest import UnreadableDocumentError, check_upload, parse_document


def make_pdf(paragraphs: list[str], title: str = "") -> bytes:
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())


def test_markdown_title_and_heading_path() -> None:
    text = "# Gutters\n\nIntro line.\n\n## Sizes\n\nFive inch.\n\n### Six inch\n\nBigger roofs.\n\n## Guards\n\nMesh."
    doc = parse_document("gutters.md", text.encode())
    assert doc.title == "Gutters"
    assert [(s.heading, s.text) for s in doc.sections] == [
        ("", "Intro line."),
        ("Sizes", "Five inch."),
        ("Sizes › Six inch", "Bigger roofs."),
        ("Guards", "Mesh."),
    ]


def test_plain_text_first_line_is_the_title_and_caps_lines_are_headings() -> None:
    text = "Lead Rules\n\nCall fast.\n\nAFTER THE VISIT\nUpdate the stage."
    doc = parse_document("rules.txt", text.encode())
    assert doc.title == "Lead Rules"
    assert [(s.heading, s.text) for s in doc.sections] == [("", "Call fast."), ("After The Visit", "Update the stage.")]


def test_pdf_text_is_extracted_with_its_title() -> None:
    data = make_pdf(["The deposit is thirty percent of the contract price."], title="Deposit Policy")
    doc = parse_document("deposit.pdf", data)
    assert doc.title == "Deposit Policy"
    assert "thirty percent" in " ".join(s.text for s in doc.sections)


def test_json_transcript_renders_as_readable_text() -> None:
    record = {
        "id": "SDC-900",
        "title": "Roofing: leak over the kitchen",
        "trade": "roofing",
        "objections": [{"objection": "Too expensive", "response": "Broke it down per month", "resolved": True}],
        "key_quotes": ["It's about forty dollars a month."],
    }
    doc = parse_document("SDC-900.json", json.dumps(record).encode())
    assert doc.title == "Roofing: leak over the kitchen"
    text = doc.sections[0].text
    assert "Trade: roofing" in text
    assert "Objection: Too expensive — Response: Broke it down per month" in text
    assert "- It's about forty dollars a month." in text


def test_upload_refuses_an_empty_file() -> None:
    with pytest.raises(UnreadableDocumentError, match="empty"):
        check_upload("notes.txt", b"   \n")


def test_upload_refuses_a_binary_file() -> None:
    with pytest.raises(UnreadableDocumentError, match="binary"):
        check_upload("notes.txt", bytes(range(256)) * 10)


def test_upload_refuses_a_file_too_large() -> None:
    with pytest.raises(UnreadableDocumentError, match="too large"):
        check_upload("big.md", b"roof " * (3 * 1024 * 1024))


def test_upload_refuses_an_unreadable_pdf() -> None:
    with pytest.raises(UnreadableDocumentError, match="PDF"):
        check_upload("broken.pdf", b"%PDF-1.4\nthis is not really a pdf\n%%EOF")


def test_upload_refuses_a_pdf_without_text() -> None:
    pdf = FPDF()
    pdf.add_page()
    with pytest.raises(UnreadableDocumentError, match="no extractable text"):
        check_upload("scan.pdf", bytes(pdf.output()))


def test_upload_refuses_other_file_types() -> None:
    with pytest.raises(UnreadableDocumentError, match=r"\.txt, \.md and \.pdf"):
        check_upload("photo.jpg", b"\xff\xd8\xff")
