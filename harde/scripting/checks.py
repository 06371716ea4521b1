"""The check every drafted script passes, whoever wrote it: length and the facts it must carry."""

from __future__ import annotations

import re

from harde.scripting.models import LENGTH_LIMITS, ScriptFacts, ScriptOptions, count_words

# How a script shows it is about the trade: any one of these words.
TRADE_WORDS: dict[str, tuple[str, ...]] = {
    "Roofing": ("roof", "shingle"),
    "Siding": ("siding",),
    "Gutters": ("gutter",),
    "Windows": ("window",),
}
LENGTH_TOLERANCE = 0.2


def length_bounds(options: ScriptOptions) -> tuple[int, int]:
    """The word counts a draft may land on: the target give or take 20%, within the type's limits."""
    low, high = LENGTH_LIMITS[options.script_type]
    target = options.target_words
    return max(low, int(target * (1 - LENGTH_TOLERANCE))), min(high, int(target * (1 + LENGTH_TOLERANCE)))


def check_script(text: str, facts: ScriptFacts, options: ScriptOptions) -> list[str]:
    """What the draft misses, as instructions a writer can act on; empty when it is fine."""
    problems: list[str] = []
    words = count_words(text)
    low, high = length_bounds(options)
    if words < low:
        problems.append(f"It has {words} words; make it {low} to {high} words (aim for {options.target_words}).")
    elif words > high:
        problems.append(f"It has {words} words; cut it to {low} to {high} words (aim for {options.target_words}).")
    lowered = text.lower()
    if not re.search(rf"\b{re.escape(facts.customer_first_name.lower())}\b", lowered):
        problems.append(f"Address the homeowner by first name, {facts.customer_first_name}.")
    if facts.company_name.lower() not in lowered:
        problems.append(f"Say the company name, {facts.company_name}, at least once.")
    trade_words = TRADE_WORDS.get(facts.trade, (facts.trade.lower(),))
    if facts.trade and not any(w in lowered for w in trade_words):
        problems.append(f"Make clear the job is {facts.trade.lower()} (mention the {trade_words[0]}).")
    if options.focus and options.focus.lower() not in lowered:
        problems.append(f"Talk about {options.focus}, which the rep asked to cover.")
    for mention in options.mentions:
        if mention.lower() not in lowered:
            problems.append(f"Mention {mention}.")
    problems += _phone_problems(text, facts, options)
    placeholder = re.search(r"\{[^}]*\}|<[^>]*>|\[(?:customer|name|rep|company|first)[^\]]*\]", text, re.IGNORECASE)
    if placeholder:
        problems.append(f"Replace the placeholder {placeholder.group(0)} with the real value.")
    return problems


_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.\-]*\d{3}[\s.\-]*\d{4}\b")


def _digits(text: str) -> str:
    # The last ten digits: "+1 (555) 014-2200" and "555-014-2200" are the same line.
    return re.sub(r"\D", "", text)[-10:]


def _phone_problems(text: str, facts: ScriptFacts, options: ScriptOptions) -> list[str]:
    """A primer gives the number on file, and no other: a made-up number would reach a stranger."""
    said = {_digits(m.group(0)) for m in _PHONE.finditer(text)}
    wanted = _digits(facts.callback_phone)
    problems = [f"Remove the phone number {n}: give only the one on file." for n in sorted(said - {wanted})]
    if options.script_type == "primer" and wanted and wanted not in said:
        problems.append(f"Give the number to call with questions, {facts.callback_phone}, near the end.")
    return problems
