"""PDF text read in a separate process with a page limit, a time limit and a memory limit.

A PDF from outside can be built to stall or exhaust a reader (a deep page tree, a content
stream that decompresses to gigabytes, millions of drawing operators). pypdf runs in a spawned
child whose address space is capped; the parent stops it when the time is up. Every failure
becomes an `UnreadableDocumentError` with a message a person can act on.
"""

from __future__ import annotations

import io
import multiprocessing
import resource
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from harde.errors import UnreadableDocumentError

# How long a fresh child may take to start (import pypdf) before the time limit starts; on a
# loaded machine this takes seconds, and none of it is the PDF's doing.
STARTUP_TIMEOUT_S = 60.0
_DETAIL_CHARS = 160


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
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_read_in_child,
        args=(data, limits.max_pages, limits.memory_mb * 1024 * 1024, sender),
        name="pdf-reader",
        daemon=True,
    )
    child.start()
    sender.close()  # the child holds the only sending end: its exit means end of file here
    try:
        outcome = _receive(receiver, child, limits)
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    return _result(filename, outcome, limits)


def _receive(receiver: Connection, child: Any, limits: PdfLimits) -> tuple[str, Any]:
    try:
        if not receiver.poll(STARTUP_TIMEOUT_S):
            return ("startup", "")
        ready = receiver.recv()
        if ready != ("ready", None):
            return ready
        if not receiver.poll(limits.timeout_s):
            return ("timeout", "")
        return receiver.recv()
    except EOFError:
        child.join(5)
        return ("crashed", child.exitcode)


def _result(filename: str, outcome: tuple[str, Any], limits: PdfLimits) -> PdfText:
    kind, detail = outcome
    if kind == "ok":
        pages, title = detail
        return PdfText(pages=list(pages), title=str(title))
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
        "crashed": f"{filename}: the PDF reader stopped unexpectedly (exit code {detail}); the file was not read",
        "startup": f"{filename}: the PDF reader did not start in time; try again in a moment",
    }
    raise UnreadableDocumentError(messages.get(kind, f"{filename} could not be read as a PDF ({kind})"))


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split())
    text = text if len(text) <= _DETAIL_CHARS else text[: _DETAIL_CHARS - 1] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class _TooManyPages(Exception):
    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


class _Encrypted(Exception):
    pass


def _read(data: bytes, max_pages: int) -> tuple[list[str], str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise _Encrypted
    count = len(reader.pages)
    if count > max_pages:
        raise _TooManyPages(count)
    pages = [page.extract_text() or "" for page in reader.pages]
    title = (reader.metadata.title if reader.metadata else None) or ""
    return pages, str(title)


def _read_in_child(data: bytes, max_pages: int, memory_bytes: int, out: Connection) -> None:
    """The child's whole life: cap the address space, say it is ready, read, send the outcome."""
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    out.send(("ready", None))
    outcome: tuple[str, Any]
    try:
        outcome = ("ok", _read(data, max_pages))
    except MemoryError:
        outcome = ("memory", "")
    except _TooManyPages as error:
        outcome = ("pages", error.count)
    except (_Encrypted, FileNotDecryptedError):
        outcome = ("encrypted", "")
    except LimitReachedError as error:
        outcome = ("limit", _short(error))
    except RecursionError:
        outcome = ("structure", "")
    except PyPdfError as error:
        outcome = ("pdf", _short(error))
    except Exception as error:  # pypdf on a malformed file raises anything (KeyError, ValueError…)
        outcome = ("pdf", _short(error))
    try:
        out.send(outcome)
    except MemoryError:
        out.send(("memory", ""))
    finally:
        out.close()
