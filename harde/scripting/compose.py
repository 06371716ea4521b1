"""The offline script writer: template lines filled with CRM facts and knowledge-base lines,
chosen by priority until the length target is met. Deterministic: same inputs, same script."""

from __future__ import annotations

from dataclasses import dataclass, replace

from harde.scripting.models import (
    LENGTH_LIMITS,
    ScriptFacts,
    ScriptGrounding,
    ScriptOptions,
    Tone,
    count_words,
)
from harde.scripting.stages import PrimerPhase, primer_phase
from harde.scripting.wording import apply_tone

REQUIRED = 0
GROUNDED = 1  # knowledge-base lines about what the rep asked for (focus, mentions)
TEMPLATE = 2  # knowledge-base script-template lines
QUOTE = 3
GENERIC = 4  # the house template's own optional lines; later ones go first to go


@dataclass(frozen=True)
class Line:
    section: int
    text: str
    priority: int
    rank: int = 0  # among optional lines of one priority, lower ranks are kept first


@dataclass(frozen=True)
class _TradeWords:
    why: str
    checks: tuple[str, ...]


_TRADES: dict[str, _TradeWords] = {
    "Roofing": _TradeWords(
        "A roof is one of the biggest investments you'll make in your home, so we'll take the time to get it right.",
        (
            "When we look at a roof, we check the decking, the flashing around the chimney and vents, and the attic ventilation, because that's where most roofs fail first.",
            "If a repair is the right call instead of a full replacement, we'll tell you that too.",
            "We'll also talk about how the crew protects your landscaping and cleans up every nail before they leave.",
        ),
    ),
    "Siding": _TradeWords(
        "Siding protects your home from the weather and sets how it looks from the street, so we'll take the time to get it right.",
        (
            "We'll check for soft spots, gaps around the windows and doors, and any moisture trapped behind the old siding.",
            "We'll bring real samples, so you can see the colors and profiles against your house in daylight.",
            "We'll also look at the trim and the corners, because the details are what make a siding job look finished.",
        ),
    ),
    "Gutters": _TradeWords(
        "Gutters keep water away from your foundation, your siding and your landscaping, so we'll take the time to get them right.",
        (
            "We'll look at the pitch, where the downspouts drain, and the fascia boards behind the gutters, because a gutter is only as good as what it's attached to.",
            "We'll also talk about gutter guards, so you can decide whether you want to stop climbing ladders every fall.",
            "If water has been pooling near the house, show us where, because that tells us a lot.",
        ),
    ),
    "Windows": _TradeWords(
        "Windows change how your home feels every day, from winter drafts to noise and light, so we'll take the time to get them right.",
        (
            "We'll measure every opening and check the frames and sills for rot before we recommend anything.",
            "We'll walk you through the glass options and what they mean for comfort and for your heating bills.",
            "We'll also go over how the installation works room by room, so you know what a day with the crew looks like.",
        ),
    ),
}
_ANY_TRADE = _TradeWords(
    "This is a real investment in your home, so we'll take the time to get it right.",
    (
        "We'll look closely at what's there today before we recommend anything.",
        "If a smaller fix is the right call, we'll tell you that too.",
    ),
)


def trade_words(trade: str) -> _TradeWords:
    return _TRADES.get(trade, _ANY_TRADE)


def compose_script(facts: ScriptFacts, grounding: ScriptGrounding, options: ScriptOptions) -> str:
    return render(_chosen(facts, grounding, options))


def compose_sections(facts: ScriptFacts, grounding: ScriptGrounding, options: ScriptOptions) -> list[tuple[int, str]]:
    """The same script as (section, paragraph) pairs: what the video's slides follow."""
    chosen = _chosen(facts, grounding, options)
    return [(n, " ".join(line.text for line in chosen if line.section == n)) for n in sorted({line.section for line in chosen})]


def _chosen(facts: ScriptFacts, grounding: ScriptGrounding, options: ScriptOptions) -> list[Line]:
    build = primer_lines if options.script_type == "primer" else sales_lines
    # Tone first: a formal script spells contractions out, which changes the word count.
    lines = [replace(line, text=apply_tone(line.text, options.tone)) for line in build(facts, grounding, options)]
    low, high = LENGTH_LIMITS[options.script_type]
    ceiling = min(options.target_words * 1.05, high)
    floor = max(low, options.target_words * 0.85)
    return choose_lines(lines, ceiling, floor)


def choose_lines(lines: list[Line], ceiling: float, floor: float = 0) -> list[Line]:
    """Every required line, then optional ones by priority while the total stays under `ceiling`;
    if that leaves it short of `floor`, the next optional lines in priority order after all."""
    # A line's place in the script is its place in `lines` (within its section).
    keep = {i for i, line in enumerate(lines) if line.priority == REQUIRED}
    total = sum(count_words(lines[i].text) for i in keep)
    optional = sorted(
        (i for i, line in enumerate(lines) if line.priority != REQUIRED),
        key=lambda i: (lines[i].priority, lines[i].rank, i),
    )
    for i in optional:
        words = count_words(lines[i].text)
        if total + words <= ceiling:
            keep.add(i)
            total += words
    for i in optional:
        if total >= floor:
            break
        if i not in keep:
            keep.add(i)
            total += count_words(lines[i].text)
    return [lines[i] for i in sorted(keep, key=lambda i: (lines[i].section, i))]


def render(lines: list[Line]) -> str:
    paragraphs: list[str] = []
    for section in sorted({line.section for line in lines}):
        texts = [line.text for line in lines if line.section == section]
        if texts and texts[0].startswith("[") and texts[0].endswith("]"):
            paragraphs.append(texts[0] + "\n" + " ".join(texts[1:]))
        else:
            paragraphs.append(" ".join(texts))
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


# --- primer video ------------------------------------------------------------------------------

def _greeting(facts: ScriptFacts, tone: Tone) -> str:
    first, company = facts.customer_first_name, facts.company_name
    if tone == "casual":
        who = f"{facts.rep_first_name} here" if facts.rep_first_name else "It's the team"
        return f"Hey {first}! {who} from {company}."
    if tone == "formal":
        if facts.rep_name:
            return f"Hello {first}. My name is {facts.rep_name}, and I am with {company}."
        return f"Hello {first}. This message is from the team at {company}."
    who = facts.rep_first_name or "the team"
    return f"Hi {first}, this is {who} from {company}." if facts.rep_first_name else f"Hi {first}, this is the team at {company}."


def _sign_off(facts: ScriptFacts, tone: Tone, phase: PrimerPhase = "before_appointment") -> str:
    first, company = facts.customer_first_name, facts.company_name
    if phase == "after_completion":
        return {"casual": f"Thanks again, {first}! Enjoy it.", "formal": f"Thank you for choosing {company}, {first}."}.get(
            tone, f"Thank you for choosing {company}, {first}. It was a pleasure working on your home."
        )
    if phase == "after_signing":
        return {"casual": f"Thanks, {first}! See you on install day.", "formal": f"Thank you for choosing {company}, {first}. We look forward to starting."}.get(
            tone, f"Thanks for choosing {company}, {first}. We're looking forward to getting started."
        )
    if phase == "after_inspection":
        return {"casual": f"Thanks, {first}! Talk soon.", "formal": f"Thank you for your time, {first}. We look forward to hearing from you."}.get(
            tone, f"Thanks again for having us out, {first}. We're here whenever you're ready."
        )
    if tone == "casual":
        return f"Thanks, {first}! Talk soon."
    if tone == "formal":
        return f"Thank you for your time, {first}. We look forward to meeting with you."
    return f"Thanks again for considering {company}, {first}. We're looking forward to seeing you soon."


def _call_line(facts: ScriptFacts, phase: PrimerPhase) -> str:
    """Who to call and at what number, as said just before the thanks; "" when the company has
    given no number (one is never made up)."""
    phone = facts.callback_phone
    if not phone:
        return ""
    who = "me" if facts.rep_phone else "our office"
    when = {
        "before_appointment": "If anything comes up before we meet",
        "after_inspection": "If you have any questions about the proposal",
        "after_signing": "If a question comes up before we start",
        "after_completion": "If you ever need us",
    }.get(phase, "If you have any questions")
    return f"{when}, call {who} at {phone}."


def _project_phrase(facts: ScriptFacts) -> str:
    project = facts.project or facts.trade.lower() or "project"
    where = f" in {facts.city}" if facts.city else ""
    return f"your {project}{where}"


# Slide sections of a primer (Line.section): the renderer shows one slide per section.
GREETING, LOOK, PRODUCT, NEXT, SIGN_OFF = 0, 3, 4, 7, 9


def _purpose(facts: ScriptFacts, phase: PrimerPhase) -> str:
    project = _project_phrase(facts)
    return {
        "before_appointment": f"I made this short video so you know what to expect with {project}, before we sit down together.",
        "after_inspection": f"I made this short video to go over what we found at your home and what comes next with {project}.",
        "after_signing": f"Thank you for choosing us for {project}. I made this short video so you know exactly what happens from here to the day we finish.",
        "after_completion": f"The work on {project} is finished, and I wanted to say thank you personally.",
    }.get(phase, "")


def primer_lines(facts: ScriptFacts, grounding: ScriptGrounding, options: ScriptOptions) -> list[Line]:
    phase = primer_phase(facts.stage)
    if phase == "after_completion":
        return _thank_you_lines(facts, grounding, options)
    trade = trade_words(facts.trade)
    lines = [
        Line(GREETING, _greeting(facts, options.tone), REQUIRED),
        Line(1, _purpose(facts, phase), REQUIRED),
        Line(2, f"The people you meet from {facts.company_name} are the same people who stand behind the work after it's done.", GENERIC, 9),
        Line(PRODUCT, trade.why, REQUIRED, -1),
    ]
    if phase in ("before_appointment", "after_inspection"):
        lines.insert(2, Line(2, "Our job is to make this simple for you: clear options, a written price, and no pressure.", GENERIC, 2))
    if phase == "before_appointment":
        lines += [Line(LOOK, text, GENERIC, 3 + i * 3) for i, text in enumerate(trade.checks)]
        # The primer template's lines are for a visit still to come, about this trade only.
        lines += [Line(LOOK, text, TEMPLATE, i) for i, text in enumerate(grounding.template_lines[:3])]
        lines += [Line(LOOK, "We'll take photos of everything we find, so you see exactly what we see.", GENERIC, 7)]
    elif phase == "after_inspection":
        lines += [
            Line(LOOK, "When we were out, we went over everything we checked and took photos of what we found, so you can look at them again whenever you like.", REQUIRED),
            Line(LOOK, "The proposal lays out a few options side by side, each with a written price, so you can compare them at your own pace.", GENERIC, 2),
        ]
    else:  # after_signing
        lines += [
            Line(LOOK, "Before the crew arrives, we'll confirm the materials and colors you chose and order everything for your home.", REQUIRED),
            Line(LOOK, "We'll call ahead to confirm the start date, and your project lead will be your one point of contact the whole way through.", GENERIC, 2),
        ]
    lines += _asked_about(grounding, options, phase)
    if grounding.director_quotes:
        lines.append(Line(6, f"Our sales director puts it this way: “{grounding.director_quotes[0]}”", QUOTE))
    lines += _next_lines(phase, has_phone=bool(facts.callback_phone))
    lines += _closing(facts, options.tone, phase)
    return lines


def _closing(facts: ScriptFacts, tone: Tone, phase: PrimerPhase) -> list[Line]:
    call = _call_line(facts, phase)
    return [*([Line(SIGN_OFF, call, REQUIRED)] if call else []), Line(SIGN_OFF, _sign_off(facts, tone, phase), REQUIRED)]


def _asked_about(grounding: ScriptGrounding, options: ScriptOptions, phase: PrimerPhase) -> list[Line]:
    """The product slide: what the rep asked the video to stress, with the knowledge base's lines
    about that very subject."""
    lines: list[Line] = []
    if options.focus:
        lines.append(Line(PRODUCT, f"You asked about {options.focus}, so I want to spend a moment on that.", REQUIRED))
        lines += [Line(PRODUCT, text, GROUNDED, i) for i, text in enumerate(grounding.focus_lines[:2], start=1)]
        when = "when we sit down" if phase == "before_appointment" else "whenever you want"
        lines.append(Line(PRODUCT, f"We'll cover {options.focus} in detail {when}, and answer every question you have about it.", GENERIC, 1))
    for n, mention in enumerate(options.mentions):
        lines.append(Line(5, f"I also want to mention {mention}.", REQUIRED, n * 10))
        known = grounding.mention_lines.get(mention, ())[:1]
        lines += [Line(5, text, GROUNDED, n * 10 + 1) for text in known]
        if not known:
            lines.append(Line(5, "I'll go over exactly what that means for you when we talk next.", GROUNDED, n * 10 + 1))
    return lines


def _next_lines(phase: PrimerPhase, has_phone: bool = False) -> list[Line]:
    if phase == "after_inspection":
        return [
            Line(NEXT, "Take your time with the proposal, and if anything in it isn't clear, call me and I'll walk you through it.", REQUIRED),
            Line(NEXT, "If you'd like to change an option or compare materials, tell me and I'll update the price for you.", GENERIC, 3),
            Line(NEXT, "There's no pressure and no obligation; our job is to give you what you need to make a good decision.", GENERIC, 1),
        ]
    if phase == "after_signing":
        return [
            Line(NEXT, "On install day the crew protects your landscaping, works carefully around the house, and cleans up before they leave every day.", REQUIRED),
            Line(NEXT, "When the work is done, we'll walk it with you, so you see every detail and nothing is left open.", GENERIC, 2),
            # With a number, the closing line says this with it.
            *([] if has_phone else [Line(8, "If a question comes up before we start, call me any time.", GENERIC, 4)]),
        ]
    return [
        Line(NEXT, "When we meet, we'll walk around the house together, answer your questions, and then go over your options and a written price.", REQUIRED),
        Line(NEXT, "You'll get a clear proposal with a few options side by side, so you can choose what fits your home and your budget.", GENERIC, 4),
        Line(NEXT, "There's no pressure and no obligation; our job is to give you what you need to make a good decision.", GENERIC, 1),
        Line(NEXT, "It helps if everyone who'll be part of the decision can be there, so nobody has to hear it second hand.", GENERIC, 6),
        Line(8, "If anything's been on your mind, write it down before we meet, and we'll go through every question together.", GENERIC, 5),
        Line(8, "If you've noticed leaks, drafts or stains anywhere, make a note of where, because it helps us find the cause.", GENERIC, 8),
    ]


def _thank_you_lines(facts: ScriptFacts, grounding: ScriptGrounding, options: ScriptOptions) -> list[Line]:
    """After completion: a thank-you and a review request, nothing about a visit to come."""
    trade = trade_words(facts.trade)
    return [
        Line(GREETING, _greeting(facts, options.tone), REQUIRED),
        Line(1, _purpose(facts, "after_completion"), REQUIRED),
        Line(LOOK, f"Thank you for trusting {facts.company_name} with your home. {trade.why.split(',')[0]}, and we're proud of how it turned out.", REQUIRED),
        Line(LOOK, "Our crew worked hard to leave everything as clean as they found it, and your warranty paperwork covers the work for years to come.", GENERIC, 2),
        *_asked_about(grounding, options, "after_completion"),
        Line(NEXT, "If you were happy with the work, a short online review would mean a lot to us, because most of our neighbors find us through people like you.", REQUIRED),
        Line(NEXT, "And if anything ever doesn't look right, call us, and we'll come out and take care of it.", GENERIC, 1),
        Line(NEXT, "Keep the warranty papers and the photos we took somewhere safe, so they're easy to find if you ever need them.", GENERIC, 2),
        Line(8, "If friends or family need work on their home, we'd be glad to help them too.", GENERIC, 3),
        Line(8, "And if there's anything else on the house you've been meaning to take care of, we're always glad to take a look.", GENERIC, 4),
        *_closing(facts, options.tone, "after_completion"),
    ]


# --- standard sales script (the rep's talk track at the appointment) ----------------------------

_DISCOVERY: dict[str, tuple[str, ...]] = {
    "Roofing": (
        "Have you noticed any leaks, ceiling stains, or shingles in the yard after a storm?",
        "How old is the roof, as far as you know, and has it ever been repaired?",
        "Is the attic hot in summer, or do you get ice dams along the edge in winter?",
    ),
    "Siding": (
        "What bothers you most about the siding today: the look, the upkeep, or drafts?",
        "Have you seen any soft spots, peeling paint, or moisture inside the walls?",
        "Do you have colors in mind, or would you like to see what works with the roof and trim?",
    ),
    "Gutters": (
        "Where does water overflow or pool when it rains hard?",
        "How often do you clean the gutters now, and who does it?",
        "Have you had any water in the basement or damage to the fascia boards?",
    ),
    "Windows": (
        "Which rooms feel drafty, noisy, or too hot in the afternoon?",
        "Are any windows hard to open, fogged between the panes, or soft at the sill?",
        "Are you thinking about the whole house, or the worst windows first?",
    ),
}
_ANY_DISCOVERY = (
    "What made you reach out to us now?",
    "What would a great result look like for you?",
)


def sales_lines(facts: ScriptFacts, grounding: ScriptGrounding, options: ScriptOptions) -> list[Line]:
    project = _project_phrase(facts)
    rep = facts.rep_first_name or "I"
    intro = f"I'm {facts.rep_first_name} with {facts.company_name}" if facts.rep_first_name else f"I'm with {facts.company_name}"
    greeting = {
        "casual": f"Hey {facts.customer_first_name}! {intro}. Thanks for having me out.",
        "formal": f"Good to meet you, {facts.customer_first_name}. {intro}, and thank you for having me out to look at {project}.",
    }.get(options.tone, f"Hi {facts.customer_first_name}, {intro}. Thanks for having me out to look at {project}.")
    del rep
    lines = [
        Line(0, "[Before you knock]", REQUIRED),
        Line(0, _job_summary(facts), REQUIRED, 1),
        Line(1, "[Opening]", REQUIRED),
        Line(1, greeting, REQUIRED, 1),
        Line(1, "Before I look at anything, I'd like to hear from you, so I know what matters most.", GENERIC, 2),
        Line(2, "[Discovery]", REQUIRED),
        Line(2, "What made you reach out to us now?", REQUIRED, 1),
    ]
    questions = _DISCOVERY.get(facts.trade, ())
    lines += [Line(2, q, GENERIC, 1 + i) for i, q in enumerate(questions)]
    lines += [
        Line(2, "How long are you planning to stay in the house?", GENERIC, 4),
        Line(2, "Who else will be part of the decision?", GENERIC, 3),
        Line(3, "[Inspection]", REQUIRED),
        Line(3, "Let me walk around and take photos, and then I'll sit down with you and show you exactly what I found.", REQUIRED, 1),
        Line(3, trade_words(facts.trade).why, GENERIC, 3),
    ]
    lines += [Line(3, t, GENERIC, 5) for i, t in enumerate(trade_words(facts.trade).checks[:2])]
    lines += [Line(4, "[Presentation]", REQUIRED)]
    if options.focus:
        lines.append(Line(4, f"You asked about {options.focus}, so let me start there.", REQUIRED, 1))
        lines += [Line(4, t, GROUNDED, 2 + i) for i, t in enumerate(grounding.focus_lines[:3])]
        lines.append(Line(4, f"Bring samples of {options.focus}, and let them see and hold it before you talk about price.", GENERIC, 1))
    else:
        lines.append(Line(4, "Start with what you found and what you would recommend, in plain words.", REQUIRED, 1))
    lines += [
        Line(4, "Show the photos, starting with the biggest problem you found, and let them ask questions.", GENERIC, 1),
        Line(4, "Tie every recommendation back to something they told you in discovery.", GENERIC, 2),
        Line(4, f"Explain how {facts.company_name} runs the job: who they will meet, how the site is protected, and how it is cleaned up.", GENERIC, 4),
    ]
    for n, mention in enumerate(options.mentions):
        lines.append(Line(4, f"I also want to mention {mention}.", REQUIRED, 10 + n * 10))
        lines += [Line(4, t, GROUNDED, 11 + n * 10 + i) for i, t in enumerate(grounding.mention_lines.get(mention, ())[:2])]
    lines += [Line(4, t, TEMPLATE, 30 + i) for i, t in enumerate(grounding.template_lines[:4])]
    if grounding.director_quotes:
        lines += [Line(4, f"A line of the director's that works here: “{q}”", QUOTE, 40 + i) for i, q in enumerate(grounding.director_quotes[:2])]
    lines += [
        Line(5, "[Options]", REQUIRED),
        Line(5, "I'll show you a few options side by side, with a written price for each, so you can choose what fits your home and your budget.", REQUIRED, 1),
        Line(5, "Walk through what each option includes, what the warranty covers, and how long the crew will be on site.", GENERIC, 2),
        Line(5, "Ask which option feels closest to what they had in mind, then stop talking and listen.", GENERIC, 3),
        Line(6, "[Concerns]", REQUIRED),
        Line(6, "If something gives them pause, ask what it is before answering it.", REQUIRED, 1),
    ]
    lines += [Line(6, t, TEMPLATE, 2 + i) for i, t in enumerate(grounding.objection_lines[:4])]
    lines += [
        Line(6, "If they need to think about it, agree, and ask what they will be thinking over, so you can answer it now.", GENERIC, 2),
        Line(6, "If price comes up, go back to what they told you matters most and show how each option answers it.", GENERIC, 2),
        Line(6, "If they want other quotes, welcome it, and tell them what to compare line by line.", GENERIC, 4),
        Line(7, "[Close]", REQUIRED),
        Line(7, "Based on everything we talked about, which option feels right for your home?", REQUIRED, 1),
        Line(7, "If they are ready, walk them through the agreement and the next steps: the deposit, the schedule, and who they will hear from.", GENERIC, 3),
        Line(7, _sales_sign_off(facts, options.tone), REQUIRED, 3),
    ]
    return lines


def _job_summary(facts: ScriptFacts) -> str:
    parts = [f"{facts.customer_name}"]
    if facts.street or facts.city:
        parts.append(", ".join(p for p in (facts.street, facts.city) if p))
    job = f"Job {facts.job_number or facts.job_id}: {facts.job_name or facts.project}"
    if facts.stage:
        job += f" ({facts.stage})"
    parts.append(job)
    summary = ". ".join(parts) + "."
    if facts.description:
        summary += f" Notes: {facts.description.rstrip('.')}."
    return summary


def _sales_sign_off(facts: ScriptFacts, tone: Tone) -> str:
    if tone == "casual":
        return f"Thanks again, {facts.customer_first_name}. I'll follow up in writing today."
    if tone == "formal":
        return f"Thank you for your time, {facts.customer_first_name}. I will send everything we discussed in writing today."
    return f"Thanks for your time, {facts.customer_first_name}. I'll send everything we talked about in writing today."
