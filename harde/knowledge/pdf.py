"""PDF text read in a separate process with a page limit, a time limit and a memory limit.

A PDF from outside can be built to stall or exhaust a reader (a deep page tree, a content
stream that decompresses to gigabytes, millions of drawing operators). pypdf runs in a child
process (harde/knowledge/pdf_worker.py) that caps its own address space; the parent stops it
when the time is up. Every failure becomes an `UnreadableDocumentError` with a message a person
can act on.

The child is a fresh interpreter running that one script, not a multiprocessing child:
multiprocessing's spawn re-imports the parent's `__main__` in the child, and under Streamlit
`__main__` is the app script itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from harde.errors import UnreadableDocumentError

_WORKER = Path(__file__).with_name("pdf_worker.py")
# How long a fresh child may take to start (import pypdf, take the file) before the time limit
# starts; on a loaded machine this takes seconds, and none of it is the PDF's doing.
STARTUP_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class PdfLimits:
    """What reading one PDF may cost (settings `kb_pdf_max_pages`, `kb_pdf_timeout_s`, `kb_pdf_memory_mb`)."""

    max_pages: int = 200
    timeout_s: float = 20.0
    memory_mb: int = 1024


@dataclass(frozen=True)
class PdfText:
    """The text of each page, and the title the PDF's metadata gives (may be empty)."""

    pages: list[str]
    title: str


def read_pdf(filename: str, data: bytes, limits: PdfLimits | None = None) -> PdfText:
    """The text of a PDF, read within `limits`. Raises UnreadableDocumentError saying why not."""
    limits = limits or PdfLimits()
    command = [sys.executable, "-I", str(_WORKER), str(limits.max_pages), str(limits.memory_mb * 1024 * 1024)]
    child = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, close_fds=True
    )
    assert child.stdin is not None and child.stdout is not None
    # Fed from a thread: a large file fills the pipe before the child starts reading it.
    feeder = threading.Thread(target=_feed, args=(child.stdin, data), name="pdf-feed", daemon=True)
    feeder.start()
    try:
        outcome = _receive(child.stdout, limits)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        feeder.join()
        child.stdout.close()
    if outcome == ("crashed", None):
        outcome = ("crashed", child.returncode)
    return _result(filename, outcome, limits)


def _feed(pipe: IO[bytes], data: bytes) -> None:
    with contextlib.suppress(OSError):  # the child was stopped before it read everything
        pipe.write(data)
    with contextlib.suppress(OSError):
        pipe.close()


def _read_until(fd: int, deadline: float, want: int | None) -> bytes | None:
    """Bytes from fd until `want` of them (None: until end of file); None when time runs out."""
    chunks: list[bytes] = []
    size = 0
    while want is None or size < want:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            return None
        chunk = os.read(fd, 1 if want is not None else 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _receive(stdout: IO[bytes], limits: PdfLimits) -> tuple[str, Any]:
    fd = stdout.fileno()
    ready = _read_until(fd, time.monotonic() + STARTUP_TIMEOUT_S, want=1)
    if ready is None:
        return ("startup", "")
    if ready != b"R":
        rest = _read_until(fd, time.monotonic() + STARTUP_TIMEOUT_S, want=None) or b""
        return _decode(ready + rest)
    body = _read_until(fd, time.monotonic() + limits.timeout_s, want=None)
    if body is None:
        return ("timeout", "")
    return _decode(body)


def _decode(body: bytes) -> tuple[str, Any]:
    try:
        kind, detail = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, TypeError):
        return ("crashed", None)  # killed (out of memory while writing) or died before answering
    return (str(kind), detail)


def _result(filename: str, outcome: tuple[str, Any], limits: PdfLimits) -> PdfText:
    kind, detail = outcome
    if kind == "ok":
        return PdfText(pages=[str(p) for p in detail["pages"]], title=str(detail["title"]))
    messages = {
        "pages": (
            f"{filename} has {detail} pages; the limit is {limits.max_pages} "
            "(setting HARDE_KB_PDF_MAX_PAGES). Split it, or upload the part that matters"
        ),
        "timeout": (
            f"{filename} took longer than {limits.timeout_s:g} s to read and was stopped "
            "(setting HARDE_KB_PDF_TIMEOUT_S). It may be damaged or built to stall readers; "
            "save it again as PDF from the program that made it, or upload its text as .txt"
        ),
        "memory": (
            f"{filename} needs more than {limits.memory_mb} MB of memory to read and was stopped "
            "(setting HARDE_KB_PDF_MEMORY_MB). It may be damaged or a decompression bomb"
        ),
        "limit": (
            f"{filename} goes past a safety limit of the PDF reader ({detail}); it may be "
            "damaged or built to attack readers (a decompression bomb), and was not read"
        ),
        "encrypted": f"{filename} is password-protected; upload an unlocked copy",
        "structure": f"{filename} is nested too deeply to read (a damaged or hostile PDF); it was not read",
        "pdf": f"{filename} could not be read as a PDF ({detail})",
        "nolimit": f"{filename} was not read: the PDF reader could not limit its memory on this machine ({detail})",
        "crashed": f"{filename}: the PDF reader stopped unexpectedly (exit code {detail}); the file was not read",
        "startup": f"{filename}: the PDF reader did not start in time; try again in a moment",
    }
    raise UnreadableDocumentError(messages.get(kind, f"{filename} could not be read as a PDF ({kind})"))
