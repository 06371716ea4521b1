"""What a script may draw on besides the CRM: knowledge-base lines and the director's own words."""

from __future__ import annotations

import asyncio
import inspect
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from harde.scripting.models import ScriptFacts, ScriptGrounding, ScriptOptions
from harde.scripting.wording import sentences_mentioning, speakable_lines

_GREETING = re.compile(r"^(hi|hello|hey|good (morning|afternoon|evening)|thanks|thank you|talk soon|bye)\b", re.IGNORECASE)
# Director quotes that only make sense in the room, on a date, or after the sale.
_NOT_FOR_A_PRIMER = re.compile(
    r"\$|\d|\.\.\.|tonight|tomorrow|today|thursday|friday|monday|tuesday|wednesday|saturday|sunday|"
    r"welcome to|calendar|schedule|sign|contract|deposit|cash|finance|monthly|their|competitor|quote|"
    r"phone|^let's|this is the spot|come look|right here|feel the",
    re.IGNORECASE,
)


async def search_lines(
    knowledge: Any, query: str, category: str | None, fill: dict[str, str], k: int = 4, **how: Any
) -> tuple[list[str], list[str]]:
    """Speakable sentences from the best hits of a knowledge-base search, and their sources.

    Uploads no director has approved yet are left out: a script reaches homeowners unread."""
    if knowledge is None:
        return [], []
    if inspect.iscoroutinefunction(knowledge.search):
        hits = await knowledge.search(query, k=k, category=category)
    else:
        # Retrieval is CPU work: off the event loop.
        hits = await asyncio.to_thread(knowledge.search, query, k=k, category=category)
        if inspect.isawaitable(hits):
            hits = await hits
    lines: list[str] = []
    sources: list[str] = []
    only = how.pop("only_titled", None)
    for hit in hits:
        if getattr(hit, "unreviewed", False):
            continue
        label = f"{getattr(hit, 'title', '')} {getattr(hit, 'heading', '')} {getattr(hit, 'source', '')}".lower()
        if only is not None and only(label) is False:
            continue
        found = [s for s in speakable_lines(hit.text, fill, **how) if not _GREETING.match(s)]
        if found:
            lines += [s for s in found if s not in lines]
            source = getattr(hit, "source", "") or getattr(hit, "title", "")
            if source and source not in sources:
                sources.append(source)
    return lines, sources


_TRADE_WORDS: dict[str, tuple[str, ...]] = {
    "Roofing": ("roof", "shingle", "layers", "decking", "soft wood", "attic", "flashing", "chimney", "ice dam"),
    "Siding": ("siding", "clapboard", "vinyl", "fiber cement"),
    "Gutters": ("gutter", "downspout", "fascia"),
    "Windows": ("window", "glass", "sash", "pane"),
}
# Money belongs in the proposal, never in a homeowner's video.
_MONEY = re.compile(r"\$|\b(payment|payments|deposit|financ\w*|monthly|apr|interest|invoice|balance|price|cost|discount)\b", re.IGNORECASE)
_NOT_A_PRIMER_SOURCE = ("PRICING_STRATEGIES", "OBJECTION_HANDLING", "CUSTOMER_PSYCHOLOGY", "SALES_DIRECTOR_CALLS")


def _other_trade_words(trade: str) -> tuple[str, ...]:
    return tuple(w for t, words in _TRADE_WORDS.items() if t != trade for w in words)


def _names_any(text: str, words: tuple[str, ...]) -> bool:
    return any(re.search(rf"\b{re.escape(w)}", text, re.IGNORECASE) for w in words)


def _subject_words(subject: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[a-z]+", subject.lower()) if len(w) > 3)


def on_subject(label: str, subject: str, trade: str) -> bool:
    """A hit may lend a line to a section about `subject` only when its own document or heading
    is about that subject or this trade, and names no other trade."""
    low = label.lower()
    mine = _subject_words(subject) + _TRADE_WORDS.get(trade, ())
    if not any(w in low for w in mine):
        return False
    return not any(w in low for w in _other_trade_words(trade) if w not in mine)


def _field(record: Any, name: str) -> Any:
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)


def transcript_records(transcripts: Any) -> list[Any]:
    """The records of a TranscriptSet (or any iterable of records)."""
    if transcripts is None:
        return []
    for attribute in ("records", "transcripts", "calls"):
        records = getattr(transcripts, attribute, None)
        if records is not None:
            return list(records.values() if isinstance(records, dict) else records)
    return list(transcripts) if isinstance(transcripts, Iterable) else []


def director_quotes(records: Iterable[Any], trade: str, *, limit: int = 2) -> list[str]:
    """The director's most repeated homeowner-safe lines on calls of this trade; a line naming
    another trade's work (a roof on a siding call) is that trade's, not this one's."""
    counts: Counter[str] = Counter()
    others = _other_trade_words(trade)
    for record in records:
        if str(_field(record, "trade") or "").lower() not in (trade.lower(), trade.lower().rstrip("s")):
            continue
        for quote in _field(record, "key_quotes") or []:
            quote = str(quote).strip()
            if 5 <= len(quote.split()) <= 25 and not quote.endswith("?") and not _NOT_FOR_A_PRIMER.search(quote) \
                    and not _names_any(quote, others):
                counts[quote] += 1
    return [q for q, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]]


def objection_answers(records: Iterable[Any], trade: str, *, limit: int = 3) -> list[str]:
    """For the standard script: the director's resolved answers to this trade's commonest objections."""
    by_category: dict[str, Counter[tuple[str, str]]] = {}
    for record in records:
        if str(_field(record, "trade") or "").lower() not in (trade.lower(), trade.lower().rstrip("s")):
            continue
        for item in _field(record, "objections") or []:
            if _field(item, "resolved") is False:
                continue
            pair = (str(_field(item, "objection") or "").strip(), str(_field(item, "response") or "").strip())
            if all(pair) and len(pair[1].split()) <= 45:
                by_category.setdefault(str(_field(item, "category") or "other"), Counter())[pair] += 1
    ranked = sorted(by_category.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    lines = []
    for _category, pairs in ranked[:limit]:
        (objection, response), _ = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[0]
        lines.append(f"If they say “{objection}”, try: “{response}”")
    return lines


async def gather_grounding(
    knowledge: Any, transcripts: Any, facts: ScriptFacts, options: ScriptOptions
) -> ScriptGrounding:
    """Knowledge-base and transcript lines for this script; empty parts when a source has none."""
    fill = {
        "customer first name": facts.customer_first_name, "first name": facts.customer_first_name,
        "customer name": facts.customer_name, "homeowner": facts.customer_first_name,
        "company": facts.company_name, "company name": facts.company_name,
        "city": facts.city, "town": facts.city,
    }
    if facts.rep_first_name:
        fill |= {"rep": facts.rep_first_name, "rep name": facts.rep_name, "your name": facts.rep_first_name}
    kind = "primer video" if options.script_type == "primer" else "sales appointment"
    trade = facts.trade.lower()
    sources: list[str] = []
    other_trades = _other_trade_words(facts.trade)
    names = (facts.company_name, facts.customer_first_name, facts.city, facts.rep_first_name)
    template, found = await search_lines(
        knowledge, f"{kind} script {trade} {facts.project}", "SCRIPT_TEMPLATES", fill,
        quoted_only=True, avoid=other_trades, known_names=names,
        # The primer template's lines belong in a primer, the sales script's in a sales script.
        only_titled=(lambda label: "primer" in label) if options.script_type == "primer" else (lambda label: "primer" not in label),
    )
    sources += found
    primer = options.script_type == "primer"

    def subject_filter(subject: str) -> Any:
        if not primer:
            return None
        # The section's subject, from a document about it: no payments line in a product section.
        return lambda label: on_subject(label, subject, facts.trade) and not any(c.lower() in label for c in _NOT_A_PRIMER_SOURCE)

    def homeowner_safe(lines: list[str]) -> list[str]:
        return [line for line in lines if not (primer and _MONEY.search(line))]

    focus_lines: list[str] = []
    if options.focus:
        candidates, found = await search_lines(knowledge, f"{options.focus} {trade}", None, fill, k=6, avoid=other_trades, only_titled=subject_filter(options.focus))
        focus_lines = homeowner_safe(sentences_mentioning(candidates, options.focus))
        sources += found if focus_lines else []
    mention_lines: dict[str, tuple[str, ...]] = {}
    for mention in options.mentions:
        candidates, found = await search_lines(knowledge, f"{mention} {trade}", None, fill, k=6, avoid=other_trades, only_titled=subject_filter(mention))
        picked = homeowner_safe(sentences_mentioning(candidates, mention))
        if picked:
            mention_lines[mention] = tuple(picked)
            sources += found
    records = transcript_records(transcripts)
    return ScriptGrounding(
        template_lines=tuple(template),
        focus_lines=tuple(focus_lines),
        mention_lines=mention_lines,
        objection_lines=tuple(objection_answers(records, facts.trade)) if options.script_type == "standard" else (),
        director_quotes=tuple(director_quotes(records, facts.trade)),
        sources=tuple(dict.fromkeys(sources)),
    )
