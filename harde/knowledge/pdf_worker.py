"""The child process that reads one PDF for harde.knowledge.pdf; run as a script, never imported.

It imports nothing from harde (only pypdf), caps its own address space, reads the PDF from
stdin, writes one byte when ready to read, then one JSON outcome to stdout.
Arguments: the page limit and the memory limit in bytes.
"""

from __future__ import annotations

import io
import json
import resource
import sys
from typing import Any

_DETAIL_CHARS = 160


class _TooManyPages(Exception):
    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


class _Encrypted(Exception):
    pass


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split())
    text = text if len(text) <= _DETAIL_CHARS else text[: _DETAIL_CHARS - 1] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _read(data: bytes, max_pages: int) -> dict[str, Any]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise _Encrypted
    count = len(reader.pages)
    if count > max_pages:
        raise _TooManyPages(count)
    pages = [page.extract_text() or "" for page in reader.pages]
    title = (reader.metadata.title if reader.metadata else None) or ""
    return {"pages": pages, "title": str(title)}


def _outcome(data: bytes, max_pages: int) -> tuple[str, Any]:
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

    try:
        return ("ok", _read(data, max_pages))
    except MemoryError:
        return ("memory", "")
    except _TooManyPages as error:
        return ("pages", error.count)
    except (_Encrypted, FileNotDecryptedError):
        return ("encrypted", "")
    except LimitReachedError as error:
        return ("limit", _short(error))
    except RecursionError:
        return ("structure", "")
    except PyPdfError as error:
        return ("pdf", _short(error))
    except Exception as error:  # pypdf on a malformed file raises anything (KeyError, ValueError…)
        return ("pdf", _short(error))


def main(argv: list[str]) -> None:
    max_pages, memory_bytes = int(argv[1]), int(argv[2])
    import pypdf  # noqa: F401  (loaded before the cap: the cap is for reading the PDF)

    out = sys.stdout.buffer
    data = sys.stdin.buffer.read()
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (OSError, ValueError) as error:
        outcome: tuple[str, Any] = ("nolimit", _short(error))
    else:
        out.write(b"R")
        out.flush()
        outcome = _outcome(data, max_pages)
        del data
    try:
        payload = json.dumps(outcome).encode("utf-8")
    except MemoryError:
        payload = b'["memory", ""]'
    out.write(payload)
    out.flush()


if __name__ == "__main__":
    main(sys.argv)
