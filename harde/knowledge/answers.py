"""Search hits as an answer a rep can read: the best passage first, then the sources it came from."""

from __future__ import annotations

import re

from harde.knowledge.chunking import split_sentences
from harde.knowledge.index import normalize_category
from harde.knowledge.models import Hit

CATEGORY_ALIASES = {
    "CORE": "CORE_KNOWLEDGE",
    "METHODOLOGY": "CORE_KNOWLEDGE",
    "PROCESS": "CORE_KNOWLEDGE",
    "OBJECTIONS": "OBJECTION_HANDLING",
    "OBJECTION": "OBJECTION_HANDLING",
    "PRICING": "PRICING_STRATEGIES",
    "PRICING_STRATEGY": "PRICING_STRATEGIES",
    "PRODUCTS": "PRODUCT_KNOWLEDGE",
    "PRODUCT": "PRODUCT_KNOWLEDGE",
    "WARRANTIES": "PRODUCT_KNOWLEDGE",
    "SCRIPTS": "SCRIPT_TEMPLATES",
    "SCRIPT": "SCRIPT_TEMPLATES",
    "TEMPLATES": "SCRIPT_TEMPLATES",
    "PSYCHOLOGY": "CUSTOMER_PSYCHOLOGY",
    "CALLS": "SALES_DIRECTOR_CALLS",
    "TRANSCRIPTS": "SALES_DIRECTOR_CALLS",
    "PROJECT": "PROJECTS",
    "UPLOAD": "UPLOADS",
}

# A first passage this short with no heading of its own is a document's intro.
INTRO_CHARS = 400
# Passages after the first are shown only when they score close to it, and shortened.
RELATED_SCORE_RATIO = 0.6
RELATED_CHARS = 600
MAX_PASSAGES = 3


def resolve_category(name: str | None, known: list[str]) -> str | None:
    """The category a loosely written name means ("objections" -> OBJECTION_HANDLING), or None."""
    if not name or not name.strip():
        return None
    wanted = normalize_category(name)
    wanted = CATEGORY_ALIASES.get(wanted, wanted)
    if wanted in known:
        return wanted
    for category in known:
        if category.startswith(wanted) or wanted.startswith(category):
            return category
    raise ValueError(f"there is no knowledge category {name!r}; the categories are {', '.join(known)}")


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in split_sentences(text.replace("\n", " ")):
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or text[:limit].rsplit(" ", 1)[0] + "…"


def _is_intro(hit: Hit) -> bool:
    return not hit.heading or hit.heading.split(" › ")[-1].lower() == hit.title.lower()


def _label(hit: Hit) -> str:
    heading = hit.heading.split(" › ")[-1] if hit.heading else ""
    if heading and heading.lower() != hit.title.lower():
        return f"{hit.title} — {heading}"
    return hit.title


def _mark(hit: Hit) -> str:
    """The mark after a passage no director has approved: " (from an upload by Dana, not yet reviewed)"."""
    return f" ({hit.upload.note()})" if hit.upload is not None and hit.unreviewed else ""


_LIST_LINE = re.compile(r"^[ \t]*(?:[-*]|\d+\.)\s", re.M)


def _tidy(text: str) -> str:
    return _balanced(re.sub(r"\n{3,}", "\n\n", text.strip()))


def _balanced(text: str) -> str:
    """A passage cut from a document may hold one half of a bold pair: the half is dropped, so
    the rep never reads a stray `**`."""
    if text.count("**") % 2 == 0:
        return text
    at = text.rfind("**")
    return text[:at] + text[at + 2 :]


def format_hits(query: str, hits: list[Hit]) -> str:
    """Markdown that reads as an answer: the best passage, close runners-up, then "Sources: ..."."""
    if not hits:
        return (
            f"I found nothing in the company knowledge base about “{query.strip()}”. "
            "Try other words (for example the product or the objection by name), or ask for a web search."
        )
    best = hits[0]
    lead: Hit | None = None
    if _is_intro(best) and len(best.text) <= INTRO_CHARS:
        # A document's few opening lines say what it is about; the section that scored next
        # holds the specifics ("the script", "the four steps"): both are shown, in full.
        section = next(
            (h for h in hits[1:] if h.source == best.source and not _is_intro(h) and h.score >= best.score * RELATED_SCORE_RATIO),
            None,
        )
        if section is not None:
            lead, best = best, section
    shown = [lead, best] if lead is not None else [best]
    for hit in hits[1:]:
        if len(shown) == MAX_PASSAGES + (lead is not None):
            break
        if hit not in shown and hit.score >= hits[0].score * RELATED_SCORE_RATIO:
            shown.append(hit)
    if lead is not None:
        parts = [f"**{_label(lead)}**{_mark(lead)}", _tidy(lead.text), f"**{_label(best).split(' — ', 1)[-1]}**", _tidy(best.text)]
    else:
        parts = [f"**{_label(best)}**{_mark(best)}", _tidy(best.text)]
    for hit in shown[1 + (lead is not None):]:
        text = _tidy(hit.text)
        if _LIST_LINE.search(text):
            # A list keeps its lines, so each item renders as a bullet.
            kept: list[str] = []
            for line in text.splitlines():
                if kept and sum(len(k) for k in kept) + len(line) > RELATED_CHARS:
                    break
                kept.append(line)
            parts.append(f"**Also relevant — {_label(hit)}**{_mark(hit)}\n\n" + _balanced("\n".join(kept).strip()))
        else:
            parts.append(f"**Also relevant — {_label(hit)}:**{_mark(hit)} {_balanced(shorten(text, RELATED_CHARS))}")
    # One entry per document, naming the sections the passages came from.
    sections: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    marks: dict[str, str] = {}
    for hit in shown:
        titles[hit.source] = hit.title
        marks[hit.source] = f"; {hit.upload.note()}" if hit.upload is not None and hit.unreviewed else ""
        named = sections.setdefault(hit.source, [])
        if hit.heading and hit.heading not in named:
            named.append(hit.heading)
    sources = [
        f"{titles[source]} ({source}{' › ' + ', '.join(named) if named else ''}{marks[source]})"
        for source, named in sections.items()
    ]
    parts.append("Sources: " + "; ".join(sources))
    return "\n\n".join(parts)


