"""Hand-built PDFs that attack a reader: a decompression bomb, a slow parse, too many pages, a
page tree nested past any sane depth, a stream that needs far more memory than its size."""

from __future__ import annotations

import io
import zlib

_PAGE = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 12 Tf 72 720 Td (Every customer gets the written warranty at signing.) Tj ET\n"


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A well-formed PDF file: objects numbered from 1 (the first is the catalog), an xref, a trailer."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def flate_stream(data: bytes) -> bytes:
    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed)


def pages_sharing(content: bytes, pages: int) -> bytes:
    """`pages` pages that all draw the same content stream (object 3)."""
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        flate_stream(content),
        _FONT,
    ]
    objects += [_PAGE % (2, 3, 4)] * pages
    return pdf_from_objects(objects)


def decompression_bomb() -> bytes:
    """About 80 KB on disk; its one content stream inflates to 80 MB, past pypdf's safety limit."""
    return pages_sharing(_TEXT + b" " * (80 * 1024 * 1024), 1)


def slow_to_read(pages: int = 40, operators: int = 100_000) -> bytes:
    """A few KB; every page draws 100,000 path operators, which pypdf walks one by one."""
    return pages_sharing(_TEXT + b"0 0 m\n" * operators, pages)


def many_pages(pages: int) -> bytes:
    return pages_sharing(_TEXT, pages)


def memory_hog() -> bytes:
    """A content stream of 60 MB (under pypdf's limits) that a reader holds several times over."""
    return pages_sharing(_TEXT + b"1 " * (30 * 1024 * 1024), 1)


def deep_page_tree(depth: int = 500) -> bytes:
    """A page tree nested `depth` levels deep with one page at the bottom."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        parent = b" /Parent %d 0 R" % (number - 1) if level else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (number + 1, parent))
    page, content, font = 2 + depth, 3 + depth, 4 + depth
    objects.append(_PAGE % (page - 1, content, font))
    objects.append(flate_stream(_TEXT))
    objects.append(_FONT)
    return pdf_from_objects(objects)
