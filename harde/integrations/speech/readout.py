"""What of an answer is read aloud: its first two or three sentences, never a table (a table
is summed up in one line), never links, code or long lists."""

from __future__ import annotations

import re

from harde.integrations.speech.audio import spoken_text

MAX_SENTENCES = 3
MAX_CHARS = 400
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"https?://\S+")
_CODE = re.compile(r"```.*?```", re.DOTALL)
_INLINE_CODE = re.compile(r"`([^`]*)`")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
_HEADING = re.compile(r"^\s*#+\s*")


def readout(answer: str, max_sentences: int = MAX_SENTENCES) -> str:
    """The words to speak for an answer; empty when there is nothing worth saying."""
    text = _CODE.sub(" ", answer)
    lines = text.splitlines()
    prose: list[str] = []
    table_rows = 0
    for line in lines:
        if _TABLE_ROW.match(line):
            if not _TABLE_RULE.match(line):
                table_rows += 1
            continue
        prose.append(_HEADING.sub("", line))
    body = "\n".join(prose)
    body = _LINK.sub(r"\1", body)
    body = _URL.sub(" ", body)
    body = _INLINE_CODE.sub(r"\1", body)
    body = spoken_text(body)
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", body):
        paragraph = paragraph.strip()
        if paragraph:
            sentences.extend(s.strip() for s in _SENTENCE.split(paragraph) if s.strip())
    said = _first(sentences, max_sentences)
    if table_rows:
        rows = table_rows - 1 if table_rows > 1 else table_rows  # the header row
        said = (said + " " if said else "") + f"The table on screen has {rows} row{'s' if rows != 1 else ''}."
    return said.strip()


def _first(sentences: list[str], count: int) -> str:
    out: list[str] = []
    for sentence in sentences:
        if len(out) >= count:
            break
        if out and len(" ".join([*out, sentence])) > MAX_CHARS:
            break
        if not re.search(r"[.!?:]$", sentence):
            sentence += "."
        out.append(sentence[:MAX_CHARS])
    return " ".join(out)
