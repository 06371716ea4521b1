"""Answers a typed question about the director's calls (what to measure, which calls) in markdown.

`answer` computes the figures of a `TranscriptQuestion` with `TranscriptSet` and writes them up
with a few examples and quotes; reading one from a rep's words is the understanding layer's job
(harde.understanding.transcripts). Every number in the text is one that was computed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from harde.knowledge.transcripts import (
    CLOSED,
    LOST,
    OBJECTION_CATEGORIES,
    OUTCOMES,
    PHASES,
    SITUATIONS,
    TRADES,
    Example,
    GroupBy,
    ObjectionRow,
    Rate,
    TranscriptSet,
)

Measure = Literal[
    "objections", "close_rate", "techniques", "phase_timings", "outcomes", "deal_values",
    "situations", "examples", "handling", "call", "overview", "count",
]


@dataclass(frozen=True)
class TranscriptQuestion:
    measure: Measure = "overview"
    trade: str | None = None
    outcomes: tuple[str, ...] | None = None
    outcome_label: str = ""
    situation: str | None = None
    objection: str | None = None
    technique: str | None = None
    group_by: GroupBy | None = None
    call_id: str | None = None
    # Only the calls this rep was on with the director; "" the calls she ran with no rep.
    rep: str | None = None
    # Only the calls in this town, this state (two letters) or this year.
    town: str | None = None
    state: str | None = None
    year: int | None = None
    notes: list[str] = field(default_factory=list)
    # The days from the first visit to the follow-up that closed are what is asked: said first.
    follow_up_days: bool = False

    def describe_filters(self) -> str:
        parts: list[str] = []
        if self.rep:
            parts.append(f"with {self.rep} on the call")
        elif self.rep == "":
            parts.append("with no rep on the call")
        if self.town or self.state:
            parts.append("in " + ", ".join(p for p in (self.town, self.state) if p))
        if self.year:
            parts.append(f"from {self.year}")
        if self.trade:
            parts.append(f"{self.trade} calls")
        if self.situation:
            parts.append(f"where the situation was: {SITUATIONS[self.situation]}")
        if self.outcomes:
            parts.append(f"that ended {self.outcome_label}")
        if self.objection and self.measure not in ("objections", "examples", "handling"):
            parts.append(f"where “{OBJECTION_CATEGORIES[self.objection]}” came up")
        if self.technique and self.measure != "techniques":
            parts.append(f"using “{self.technique}”")
        return ", ".join(parts)


# --- vocabulary -------------------------------------------------------------------------------

def _low(label: str) -> str:
    """A label inside a sentence: "Price / too expensive" -> "price / too expensive", "HOA ..." kept."""
    if len(label) > 1 and label[:2].isupper():
        return label
    return label[:1].lower() + label[1:]


def _money(value: float) -> str:
    return f"${value:,.0f}"


def _label(group: str) -> str:
    return OUTCOMES.get(group) or SITUATIONS.get(group) or OBJECTION_CATEGORIES.get(group) or group.capitalize()


def example_lines(examples: list[Example], technique: str | None = None) -> list[str]:
    lines: list[str] = []
    for example in examples:
        call = example.call
        lines.append(
            f"- **{call.id}** · {call.trade} · {call.place} · {_low(call.outcome_label)} · {_money(call.deal_value)}"
        )
        if example.objection is not None:
            lines.append(f"  - Homeowner: “{example.objection.objection}”")
            lines.append(f"  - Director: “{example.objection.response}”")
        elif technique is not None:
            lines.append(f"  - {call.script_structure[-1].phase.capitalize()}: {call.script_structure[-1].notes}")
            if call.key_quotes:
                lines.append(f"  - Director: “{call.key_quotes[-1]}”")
        else:
            quote = next((q for q in call.key_quotes[1:] if len(q) > 40), call.key_quotes[0] if call.key_quotes else "")
            if quote:
                lines.append(f"  - Director: “{quote}”")
    return lines


def _objection_table(rows: list[ObjectionRow], limit: int = 8) -> list[str]:
    lines = [
        "| Objection | Calls it came up in | Share of calls | Resolved in the call | Calls that closed |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in rows[:limit]:
        lines.append(
            f"| {row.label} | {row.calls} | {row.share.percent:g}% | {row.resolved} of {row.calls} | {row.closed_calls} of {row.calls} |"
        )
    return lines


def _header(title: str, subset: TranscriptSet, everything: TranscriptSet, question: TranscriptQuestion) -> str:
    filters = question.describe_filters()
    scope = f"{len(subset)} of the director's {len(everything)} calls"
    return f"**{title}** — computed from {scope}" + (f" ({filters})." if filters else ".")


def _nothing(everything: TranscriptSet, question: TranscriptQuestion) -> str:
    return (
        f"None of the director's {len(everything)} calls match that ({question.describe_filters()}). "
        f"The calls cover {', '.join(TRADES)}; outcomes: "
        + ", ".join(f"{_low(_label(k))} {n}" for k, n in everything.outcome_counts().items() if n)
        + "."
    )


def answer(calls: TranscriptSet, question: TranscriptQuestion) -> str:
    """The figures a question asks for, as markdown with examples and quotes."""
    if question.measure == "call":
        return _single_call(calls, question.call_id or "")
    subset = calls.filter(
        trade=question.trade,
        outcome=question.outcomes,
        situation=question.situation,
        objection=question.objection if question.measure not in ("objections", "examples", "handling") else None,
        technique=question.technique if question.measure != "techniques" else None,
        rep=question.rep,
        town=question.town,
        state=question.state,
        year=question.year,
    )
    if not len(subset):
        return _nothing(calls, question)
    if len(subset) == 1 and question.measure in _ONE_CALL_SHOWN:
        # "the natick window call - how much was the deal", "lesson from the newton roofing call":
        # one call is named, and its own card answers (deal, objections and answers, takeaway).
        return _single_call(calls, subset.calls[0].id)
    writer = {
        "objections": _objections,
        "close_rate": _close_rates,
        "techniques": _techniques,
        "phase_timings": _phase_timings,
        "outcomes": _outcomes,
        "deal_values": _deal_values,
        "situations": _situations,
        "examples": _handling,
        "handling": _handling,
        "overview": _overview,
        "count": _count,
    }[question.measure]
    return writer(subset, calls, question)


def _objections(subset: TranscriptSet, everything: TranscriptSet, q: TranscriptQuestion) -> str:
    rows = subset.objection_frequency()
    if q.objection:
        return _handling(subset, everything, q)
    out = [_header("Objections that came up most", subset, everything, q), ""]
    out += _objection_table(rows)
    out.append("")
    out.append(
        f"On average {subset.objections_per_call():g} objections per call. “Resolved in the call” counts the times "
        "the director's answer settled it before she left."
    )
    if q.group_by == "outcome" or (q.group_by is None and not q.outcomes and len(subset) >= 10):
        won = subset.filter(outcome=CLOSED).objection_frequency()[:3]
        lost = subset.filter(outcome=LOST).objection_frequency()[:3]
        if won and lost:
            out.append("")
            out.append("In closed calls the top three were " + ", ".join(f"{_low(r.label)} ({r.calls})" for r in won)
                       + "; in lost calls " + ", ".join(f"{_low(r.label)} ({r.calls})" for r in lost) + ".")
    if q.group_by == "trade" or (q.trade is None and q.group_by is None):
        out.append("")
        out.append("By trade, the top three:")
        for trade, trade_rows in subset.objection_frequency_by("trade").items():
            n = len(subset.filter(trade=trade))
            out.append(f"- {trade.capitalize()} ({n} calls): " + ", ".join(f"{_low(r.label)} {r.calls}" for r in trade_rows[:3]))
    examples: list[Example] = []
    for row in rows[:2]:
        used = {e.call.id for e in examples}
        examples += [e for e in subset.examples(objection=row.category, limit=3) if e.call.id not in used][:1]
    if examples:
        out += ["", "How the director answered the top ones:"]
        out += example_lines(examples)
    return "\n".join(out)


def _close_rates(subset: TranscriptSet, everything: TranscriptSet, q: TranscriptQuestion) -> str:
    by: GroupBy = q.group_by or ("trade" if q.trade is None else "situation")
    out = [_header("Close rates", subset, everything, q), ""]
    out.append(f"- Closed on the first visit: {subset.first_visit_close_rate()}")
    out.append(f"- Closed in the end (first visit or follow-up): {subset.close_rate()}")
    counts = subset.outcome_counts()
    out.append("- Outcomes: " + ", ".join(f"{_low(_label(k))} {n}" for k, n in counts.items() if n))
    rows = subset.close_rates(by)
    if by == "situation":
        rows = [r for r in rows if r.calls >= 2]
    if len(rows) > 1:
        out += ["", f"By {by}:", "", f"| {by.capitalize()} | Calls | First-visit close | Closed in the end |", "|---|---:|---:|---:|"]
        for row in rows[:10]:
            out.append(f"| {_label(row.group)} | {row.calls} | {row.first_visit} | {row.overall} |")
    if subset is not everything and len(subset) != len(everything):
        out.append("")
        out.append(f"For comparison, across all {len(everything)} calls: first visit {everything.first_visit_close_rate()}, "
                   f"in the end {everything.close_rate()}.")
    return "\n".join(out)


def _techniques(subset: TranscriptSet, everything: TranscriptSet, q: TranscriptQuestion) -> str:
    rows = subset.technique_frequency()
    if q.technique:
        rows = [r for r in rows if r.technique == q.technique] or rows
    if q.outcomes:
        others = everything.filter(trade=q.trade, situation=q.situation, outcome=[o for o in OUTCOMES if o not in (q.outcomes or ())])
        other_counts = {r.technique: r.calls for r in others.technique_frequency()}
        out = [_header("Techniques used", subset, everything, q), ""]
        out += [f"| Technique | Used in these {len(subset)} calls | Used in the other {len(others)} |", "|---|---:|---:|"]
        for row in rows[:12]:
            other = Rate(other_counts.get(row.technique, 0), len(others))
            out.append(f"| {row.technique} | {row.share} | {other} |")
        return "\n".join(out)
    out = [_header("Techniques and how the calls ended", subset, everything, q), ""]
    out += ["| Technique | Used in | First-visit close with it | Without it | Difference |", "|---|---:|---:|---:|---:|"]
    for row in rows[:12]:
        out.append(
            f"| {row.technique} | {row.calls} ({row.share.percent:g}%) | {row.first_visit_with} | {row.first_visit_without} | {row.lift_points:+g} pts |"
        )
    out.append("")
    out.append("The difference is an association across these calls, not proof that the technique caused the close; small groups swing easily.")
    best = sorted((r for r in rows if r.calls >= 5), key=lambda r: -r.lift_points)[:1]
    if best:
        examples = subset.examples(technique=best[0].technique, outcome="closed_first_visit", limit=2)
        if examples:
            out += ["", f"Calls where “{best[0].technique}” was used and closed on the first visit:"]
            out += example_lines(examples, technique=best[0].technique)
    return "\n".join(out)


def _phase_timings(subset: TranscriptSet, everything: TranscriptSet, q: TranscriptQuestion) -> str:
    averages = subset.average_phase_timings()
    out = [_header("Average minutes per phase", subset, everything, q), ""]
    out += ["| Phase | Average minutes |", "|---|---:|"]
    out += [f"| {phase.capitalize()} | {averages[phase]:g} |" for phase in PHASES]
    out.append(f"| **Whole visit** | **{averages['total']:g}** |")
    first = subset.filter(outcome="closed_first_visit")
    rest = subset.filter(outcome=[o for o in OUTCOMES if o != "closed_first_visit"])
    if len(first) and len(rest):
        a, b = first.average_phase_timings(), rest.average_phase_timings()
        out.append("")
        out.append(
            f"Calls closed on the first visit ({len(first)}) averaged {a['total']:g} minutes "
            f"(rapport {a['rapport']:g}, close {a['close']:g}); the other {len(rest)} averaged {b['total']:g} "
            f"(rapport {b['rapport']:g}, close {b['close']:g})."
        )
    if q.trade is None:
        out += ["", "| Trade | Calls | Rapport | Inspection | Presentation | Pricing | Close | Total |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for trade in TRADES:
            part = subset.filter(trade=trade)
            if len(part):
                t = part.average_phase_timings()
                out.append(f"| {trade.capitalize()} | {len(part)} | " + " | ".join(f"{t[p]:g}" for p in PHASES) + f" | {t['total']:g} |")
    return "\n".join(out)


def _outcomes(subset: TranscriptSet, everything: TranscriptSet, q: TranscriptQuestion) -> str:
    waits = [c.follow_up_days for c in subset if c.outcome == "closed_follow_up" and c.follow_up_days is not None]
    wait_line = (
        f"Closed on a follow-up: the follow-up came **{sum(waits) / len(waits):.1f} days** after the first visit on average "
        f"({min(waits)} to {max(waits)} days, {len(waits)} calls)."
        if waits else ""
    )
    out = [_header("How the calls ended", subset, everything, q), ""]
    if wait_line and q.follow_up_days:
        out += [wait_line, ""]
    out += ["| Outcome | Calls | Share | Average deal value |", "|---|---:|---:|---:|"]
    for row in subset.breakdown("outcome"):
        out.append(f"| {_label(row.group)} | {row.calls} | {row.share.percent:g}% | {_money(row.average_value)} |")
    if wait_line and not q.follow_up_days:
        out += ["", wait_line]
    lost = subset.filter(outcome=LOST)
    if len(lost):
        rows = lost.objection_frequency()[:3]
        unresolved = Counter(o.category for c in lost for o in c.objections if not o.resolved).most_common(3)
        out.append("")
        out.append(
            f"In the {len(lost)} lost calls the objections heard most were "
            + ", ".join(f"{_low(r.label)} ({r.calls})" for r in rows)
            + "; left unresolved most often: "
            + ", ".join(f"{_low(OBJECTION_CATEGORIES[k])} ({n})" for k, n in unresolved)
            + "."
        )
        out += ["", "Lost calls, in the director's notes:"]
        for call in lost.calls[:3]:
            out.append(f"- **{call.id}** ({call.trade}, {call.place}): {call.outcome_detail}")
    return "\n".join(out)


def _count(subset: TranscriptSet, everything: TranscriptSet, q: TranscriptQuestion) -> str:
    """How many calls match, first; then how they ended and a few of them by id."""
    filters = q.describe_filters()
    out = [f"**{len(subset)} of the director's {len(everything)} calls**" + (f" ({filters})." if filters else ".")]
    counts = {k: n for k, n in subset.outcome_counts().items() if n}
    closed = sum(n for k, n in counts.items() if k in CLOSED)
    others = ", ".join(f"{_low(_label(k))} {n}" for k, n in counts.items() if k not in CLOSED)
    first = counts.get("closed_first_visit", 0)
    if others:
        out += ["", f"{closed} of them closed ({first} on the first visit); {others}."]
    elif closed:
        out += ["", f"All {closed} of them closed ({first} on the first visit)."]
    out += ["", "For example:"]
    for call in subset.calls[:4]:
        out.append(f"- **{call.id}** · {call.trade} · {call.place} · {_low(call.outcome_label)}")
    return "\n".join(out)


def _deal_values(subset: TranscriptSet, everything: TranscriptSet, q: TranscriptQuestion) -> str:
    closed = subset.filter(outcome=CLOSED)
    out = [_header("Deal values", subset, everything, q), ""]
    out.append(f"- Average proposal: {_money(subset.average_value())} over {len(subset)} calls; total proposed {_money(subset.total_value())}")
    out.append(f"- Closed: {len(closed)} calls, {_money(subset.total_value(closed_only=True))} signed, average {_money(subset.average_value(closed_only=True))}")
    by: GroupBy = q.group_by or ("trade" if q.trade is None else "outcome")
    out += ["", f"| {by.capitalize()} | Calls | Average proposal | Signed value |", "|---|---:|---:|---:|"]
    for row in subset.breakdown(by):
        out.append(f"| {_label(row.group)} | {row.calls} | {_money(row.average_value)} | {_money(row.closed_value)} |")
    return "\n".join(out)


def _situations(subset: TranscriptSet, everything: TranscriptSet, q: TranscriptQuestion) -> str:
    out = [_header("Customer situations and close rates", subset, everything, q), ""]
    out += ["| Situation | Calls | First-visit close | Closed in the end |", "|---|---:|---:|---:|"]
    for row in subset.close_rates("situation"):
        out.append(f"| {_label(row.group)} | {row.calls} | {row.first_visit} | {row.overall} |")
    out.append("")
    out.append("A call can have more than one situation, so the rows add up to more than the number of calls.")
    return "\n".join(out)


# The exchange that shows how a situation is handled.
_SITUATION_OBJECTION = {
    "spouse_not_present": "spouse",
    "insurance_claim": "insurance",
    "storm_damage": "insurance",
    "hoa_rules": "hoa_approval",
    "historic_district": "hoa_approval",
    "budget_tight": "financing",
    "has_other_quotes": "other_quotes",
    "bad_past_contractor": "trust",
    "selling_home": "selling_soon",
    "elderly_homeowner": "trust",
}


# Measures that, over a single call, are that call's card.
_ONE_CALL_SHOWN = frozenset({"overview", "handling", "examples", "deal_values", "techniques", "situations", "outcomes"})


def _handling(subset: TranscriptSet, everything: TranscriptSet, q: TranscriptQuestion) -> str:
    objection = q.objection or (_SITUATION_OBJECTION.get(q.situation or "") if q.situation else None)
    if q.objection:
        title = f"How the director handles “{OBJECTION_CATEGORIES[q.objection]}”"
    elif q.situation:
        title = f"How the director handles calls with {SITUATIONS[q.situation]}"
    else:
        title = "How the director handles it"
    out = [_header(title, subset, everything, q), ""]
    if q.objection:
        row = next((r for r in subset.objection_frequency() if r.category == q.objection), None)
        if row is None:
            return out[0] + f"\n\nThat objection did not come up in these {len(subset)} calls."
        raised = subset.filter(objection=q.objection)
        out.append(f"- It came up in {row.share} of these calls.")
        out.append(f"- She resolved it in the call {row.resolved} times of {row.calls}; {raised.close_rate().hits} of those calls closed "
                   f"({raised.first_visit_close_rate().hits} on the first visit).")
        subset_for_examples = raised
    else:
        out.append(f"- Closed on the first visit: {subset.first_visit_close_rate()}; closed in the end: {subset.close_rate()} "
                   f"(all {len(everything)} calls: {everything.first_visit_close_rate().percent:g}% and {everything.close_rate().percent:g}%).")
        top = subset.objection_frequency()[:3]
        if top:
            out.append("- Objections heard most: " + ", ".join(f"{_low(r.label)} ({r.calls})" for r in top) + ".")
        subset_for_examples = subset
    closed = subset_for_examples.filter(outcome=CLOSED)
    techniques = Counter(t for c in closed for t in dict.fromkeys(c.techniques)).most_common(3)
    if techniques:
        out.append(f"- Techniques used most in the {len(closed)} that closed: " + ", ".join(f"{_low(t)} ({n})" for t, n in techniques) + ".")
    examples = subset_for_examples.examples(objection=objection, limit=3) if objection else []
    if len(examples) < 2:
        examples += [e for e in subset_for_examples.examples(limit=3) if e.call.id not in {x.call.id for x in examples}][: 3 - len(examples)]
    if examples:
        out += ["", "Examples:"]
        out += example_lines(examples)
    # A call's takeaway is about its first objection, so only those calls speak to this topic.
    on_topic = [c for c in closed if c.takeaway and objection and c.objections and c.objections[0].category == objection]
    takeaways = Counter(c.takeaway for c in on_topic).most_common(1)
    if takeaways:
        out += ["", f"The lesson she repeats: {takeaways[0][0]}"]
    return "\n".join(out)


def _overview(subset: TranscriptSet, everything: TranscriptSet, q: TranscriptQuestion) -> str:
    out = [_header("The director's calls at a glance", subset, everything, q), ""]
    out.append(f"- Closed on the first visit: {subset.first_visit_close_rate()}; closed in the end: {subset.close_rate()}")
    out.append("- Outcomes: " + ", ".join(f"{_low(_label(k))} {n}" for k, n in subset.outcome_counts().items() if n))
    if q.trade is None:
        out.append("- Trades: " + ", ".join(f"{r.group} {r.calls}" for r in subset.breakdown("trade")))
    top = subset.objection_frequency()[:3]
    out.append("- Objections heard most: " + ", ".join(f"{_low(r.label)} ({r.share})" for r in top))
    lifts = sorted((r for r in subset.technique_frequency() if r.calls >= 5), key=lambda r: -r.lift_points)[:3]
    if lifts:
        out.append("- Techniques with the biggest first-visit lift: " + ", ".join(f"{_low(r.technique)} ({r.lift_points:+g} pts)" for r in lifts))
    t = subset.average_phase_timings()
    out.append(f"- Average visit: {t['total']:g} minutes (inspection {t['inspection']:g}, presentation {t['presentation']:g})")
    out += ["", "Ask about objections, close rates, techniques, time per phase or situations (for example a spouse who isn't home), by trade or outcome."]
    return "\n".join(out)


def _single_call(calls: TranscriptSet, call_id: str) -> str:
    call = calls.get(call_id)
    if call is None:
        return f"There is no call {call_id}; the calls run from {calls.calls[0].id} to {calls.calls[-1].id}." if len(calls) else "There are no calls loaded."
    out = [f"**{call.id}: {call.title}** ({call.date.isoformat()})", ""]
    out.append(f"- Homeowners: {call.homeowners}; home: {call.home}; {call.place}")
    out.append(f"- Situation: {call.situation_summary}")
    out.append(f"- Scope: {call.scope} ({_money(call.deal_value)})")
    out.append(f"- Outcome: {call.outcome_label}. {call.outcome_detail}")
    out.append("- Minutes: " + ", ".join(f"{p} {call.phase_timings.minutes(p)}" for p in PHASES) + f" (total {call.phase_timings.total})")
    out.append("- Techniques: " + ", ".join(call.techniques))
    out += ["", "Objections:"]
    for item in call.objections:
        state = "resolved" if item.resolved else "not resolved"
        out.append(f"- {item.label} ({state}): “{item.objection}” → “{item.response}”")
    out += ["", "Key quotes:"] + [f"- “{quote}”" for quote in call.key_quotes]
    if call.takeaway:
        out += ["", f"Takeaway: {call.takeaway}"]
    return "\n".join(out)


__all__ = ["Measure", "TranscriptQuestion", "answer", "example_lines"]
