"""Generators and helpers the later dev sets (build_dev3.py .. build_dev13.py) run alike: each set
passes its own phrasings (the tables it keeps in its own file), its `say` (how its reps type,
made by `typist`) and its name; its templates are taken in turn by a `Turns` of its own; what
the cases expect is worked out here, the same way for every set."""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import string
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from tests.understanding.eval.build_eval import (
    CRM,
    Data,
    _at,
    calendar_expect,
    case,
    open_jobs_of_rep,
    render,
    sku,
    turn,
)

Say = Callable[[str, dict[str, str], random.Random], str]
Cases = list[dict[str, Any]]

# the knowledge base's documents, by the short names the builders' tables use
AFTER = "CORE_KNOWLEDGE/after_the_contract_is_signed.md"
STORY = "CORE_KNOWLEDGE/company_story.md"
LEADS = "CORE_KNOWLEDGE/crm_and_lead_handling.txt"
FIRST5 = "CORE_KNOWLEDGE/first_five_minutes.md"
FOLLOW = "CORE_KNOWLEDGE/follow_up_process.md"
STEPS = "CORE_KNOWLEDGE/in_home_presentation_steps.md"
INSPECT = "CORE_KNOWLEDGE/roof_inspection_checklist.md"
METHOD = "CORE_KNOWLEDGE/sales_methodology.md"
TYPES = "CUSTOMER_PSYCHOLOGY/buyer_personality_types.md"
SIGNALS = "CUSTOMER_PSYCHOLOGY/buying_signals_and_body_language.md"
COUPLES = "CUSTOMER_PSYCHOLOGY/couples_and_shared_decisions.md"
ELDERLY = "CUSTOMER_PSYCHOLOGY/trust_with_elderly_homeowners.md"
FINQ = "OBJECTION_HANDLING/financing_questions.md"
QUOTES = "OBJECTION_HANDLING/getting_three_quotes.md"
DIY = "OBJECTION_HANDLING/handyman_or_diy.md"
THINK = "OBJECTION_HANDLING/need_to_think_about_it.md"
FRAME = "OBJECTION_HANDLING/objection_handling_framework.md"
PRICE = "OBJECTION_HANDLING/price_objection.md"
SPOUSE = "OBJECTION_HANDLING/spouse_not_present.md"
WAIT = "OBJECTION_HANDLING/waiting_until_next_season.md"
DISC = "PRICING_STRATEGIES/discounts_and_promotions_policy.md"
FINP = "PRICING_STRATEGIES/financing_programs.md"
GBB = "PRICING_STRATEGIES/good_better_best_packages.md"
TERMS = "PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf"
PRESENT = "PRICING_STRATEGIES/presenting_the_price.md"
SHINGLES = "PRODUCT_KNOWLEDGE/asphalt_shingles.md"
FIBER = "PRODUCT_KNOWLEDGE/fiber_cement_siding.md"
GUTTERS = "PRODUCT_KNOWLEDGE/gutters_and_gutter_guards.md"
ICE = "PRODUCT_KNOWLEDGE/ice_and_water_shield.md"
WINDOWS = "PRODUCT_KNOWLEDGE/replacement_windows.md"
VENT = "PRODUCT_KNOWLEDGE/roof_ventilation.md"
UNDER = "PRODUCT_KNOWLEDGE/underlayment_and_drip_edge.md"
VINYL = "PRODUCT_KNOWLEDGE/vinyl_siding.md"
WARRANTY = "PRODUCT_KNOWLEDGE/warranties.md"
BROOKSIDE = "PROJECTS/Brookside_Commons/condo_association_rules.md"
HOA = "PROJECTS/Maple_Hollow_Estates/hoa_exterior_guidelines.md"
MAPLE = "PROJECTS/Maple_Hollow_Estates/project_notes.md"
CONFIRM = "SCRIPT_TEMPLATES/appointment_confirmation_call.md"
TEMPLATES = "SCRIPT_TEMPLATES/follow_up_and_voicemail_templates.txt"
PRIMER = "SCRIPT_TEMPLATES/primer_video_script_template.md"
SCRIPT = "SCRIPT_TEMPLATES/standard_sales_script.md"


class Turns:
    """Templates of one kind, taken in turn from a random start; a set's own subclass names the
    set (`split`), which starts every template id."""

    split = ""

    def __init__(self, key: str, templates: list[str]) -> None:
        self.key = key
        self.templates = templates
        self._next = 0

    def pick(self, rng: random.Random) -> tuple[str, str]:
        if self._next == 0:
            self._next = rng.randrange(len(self.templates)) + 1
        n = (self._next - 1) % len(self.templates)
        self._next += 1
        return f"{self.split}:{self.key}/{n}", self.templates[n]


def typist(
    shorts: Sequence[tuple[Any, ...]],
    often: float = 0.0,
    *,
    drop: tuple[str, float] | None = None,
    dictated: float | None = None,
    no_digit_by_a_time: bool = False,
) -> Say:
    """A set's `say`: build_eval's render (shorthand, one typo, lower case) after the set's own
    typing of the template's words, slots kept as they are. `shorts` are (pattern, shorthand) or
    (pattern, shorthand, how often), each tried on every literal run (at `often` when it says
    none); `drop` (pattern, how often) then drops one match; with `dictated`, that share of the
    phrasings comes out as a phone's dictation does, without commas, dashes, colons or question
    marks; `no_digit_by_a_time` keeps a digit shorthand ("4" for "for") out of a phrasing with a
    day or a time in it, where it would read as an hour."""

    def say(template: str, slots: dict[str, str], rng: random.Random) -> str:
        spoken = dictated is not None and rng.random() < dictated
        timed = no_digit_by_a_time and ("when" in slots or "t" in slots)
        parts: list[str] = []
        for literal, name, _spec, _conv in string.Formatter().parse(template):
            text = literal
            for pattern, short, *chance in shorts:
                if rng.random() < (chance[0] if chance else often) and not (timed and short.isdigit()):
                    text = re.sub(pattern, short, text)
            if drop is not None and rng.random() < drop[1]:
                text = re.sub(drop[0], "", text, count=1)
            if spoken:
                text = re.sub(r"\s*[,:;?!]+|\s+-+(?=\s)", "", text)
            parts.append(text.replace("{", "{{").replace("}", "}}"))
            if name is not None:
                parts.append("{" + name + "}")
        return render("".join(parts), slots, rng)

    return say


def calendar_cases(d: Data, rng: random.Random, split: str, asks: Sequence[tuple[Any, ...]], say: Say) -> Cases:
    """One case an ask: (first day, last day, user or None, text), or (when, first, last, user,
    text) where the text has a {when}."""
    out = []
    for n, (*when, first, last, uid, template) in enumerate(asks):
        appts = d.appointments_between(dt.date.fromisoformat(first), dt.date.fromisoformat(last), user=uid)
        text = say(template, {"when": when[0]} if when else {}, rng)
        out.append(case("crm.calendar", f"{split}:crm.calendar/{n}", [turn(text, calendar_expect(d, appts))], {"from": first, "to": last, "user_id": uid}))
    return out


def rep_jobs_cases(d: Data, rng: random.Random, split: str, asks: Sequence[tuple[int, str]], say: Say, counting: Sequence[str] = ("how many", "count")) -> Cases:
    """One case an ask (rep, text): the count of the rep's open jobs, and the jobs unless the text
    has one of the `counting` words."""
    out = []
    for n, (uid, text) in enumerate(asks):
        ids = open_jobs_of_rep(d, uid)
        expect: dict[str, Any] = {**CRM, "count": len(ids)}
        if not any(word in text for word in counting):
            expect["contains"] = [str(j) for j in ids]
        out.append(case("crm.rep_jobs", f"{split}:crm.rep_jobs/{n}", [turn(say(text, {}, rng), expect)], {"user_id": uid, "job_ids": ids}))
    return out


def stage_jobs_cases(d: Data, rng: random.Random, split: str, asks: Sequence[tuple[str, str]], say: Say) -> Cases:
    """One case an ask (stage, text): every job at the stage, and how many."""
    out = []
    for n, (stage, text) in enumerate(asks):
        ids = sorted(j for j in d.jobs if d.stage(j) == stage)
        out.append(case("crm.stage_jobs", f"{split}:crm.stage_jobs/{n}", [turn(say(text, {}, rng), {**CRM, "count": len(ids), "contains": [str(j) for j in ids]})], {"stage": stage, "job_ids": ids}))
    return out


def analysis_cases(d: Data, rng: random.Random, split: str, asks: Sequence[tuple[str, str, dict[str, Any]]], say: Say) -> Cases:
    """One case an ask (question, measure, where): the call-analysis figure, as build_dev3 works it out."""
    from tests.understanding.eval import build_dev3 as d3

    out = []
    for n, (question, measure, where) in enumerate(asks):
        value = d3.analysis_figure(d, measure, where)
        subject = {"measure": measure, "where": {k: list(v) if isinstance(v, tuple) else v for k, v in where.items()}}
        out.append(case("analysis", f"{split}:analysis/{n}", [turn(say(question, {}, rng), d3.analysis_expect(measure, value))], subject))
    return out


def scripting_cases(d: Data, rng: random.Random, asks: Any, say: Say, people: list[int], name_of: Callable[[Data, int, random.Random], str], many: int = 6) -> Cases:
    """`many` customers of `people`, each asked a script for by `asks` (a Turns pool): the script names them."""
    out = []
    for cid in rng.sample(people, many):
        tid, template = asks.pick(rng)
        text = say(template, {"name": name_of(d, cid, rng)}, rng)
        out.append(case("scripting", tid, [turn(text, {"agent": "scripting", "contains": [d.customers[cid]["last_name"]]})], {"customer_id": cid}))
    return out


def job_cases(
    d: Data,
    rng: random.Random,
    category: str,
    asks: Any,
    say: Say,
    job_ref: Callable[[Data, int, random.Random], str],
    pool: list[int],
    many: int,
    ask: Callable[[int], tuple[dict[str, Any], dict[str, Any]]],
    keep: Callable[[int], bool] | None = None,
) -> Cases:
    """The first `many` jobs of `pool` (shuffled in place, then those `keep` keeps), each asked
    about by `asks` (a Turns pool) with the job said the set's way; `ask` gives the job's (expect,
    subject)."""
    rng.shuffle(pool)
    out = []
    for jid in [j for j in pool if keep is None or keep(j)][:many]:
        tid, template = asks.pick(rng)
        text = say(template, {"job": job_ref(d, jid, rng)}, rng)
        expect, subject = ask(jid)
        out.append(case(category, tid, [turn(text, expect)], subject))
    return out


def dates_cases(
    d: Data,
    rng: random.Random,
    asks: tuple[Any, Any, Any],
    say: Say,
    job_ref: Callable[[Data, int, random.Random], str],
    name_slots: Callable[[Data, int, random.Random], dict[str, str]],
    pools: tuple[list[int], list[int], list[int]],
    many: tuple[int, int, int],
) -> Cases:
    """Dates asked three ways (`asks`, Turns pools: a job's install start from the week on, a
    job's next visit other than an install, a customer's next appointment), of so `many` jobs,
    jobs and customers drawn from the `pools`."""
    from tests.understanding.eval import build_dev3 as d3

    install_ask, next_job_ask, next_ask = asks
    install_pool, next_pool, people_pool = pools
    out = []
    installs = [j for j in install_pool if d3.install_of(d, j) and d3.install_of(d, j)["start_date_time"] >= "2026-11-23"]  # type: ignore[index]
    for jid in rng.sample(installs, min(many[0], len(installs))):
        a = d3.install_of(d, jid)
        assert a is not None
        tid, template = install_ask.pick(rng)
        text = say(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": a["start_date_time"][:10]})], {"job_id": jid, "appointment_id": a["id"]}))
    nexts = [j for j in next_pool if d.next_appointment(jid=j) and d.next_appointment(jid=j)["title"] != "Install start"]  # type: ignore[index]
    for jid in rng.sample(nexts, many[1]):
        a = d.next_appointment(jid=jid)
        assert a is not None
        day, time = _at(a)
        tid, template = next_job_ask.pick(rng)
        text = say(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": day, "time": time})], {"job_id": jid, "appointment_id": a["id"]}))
    people = [c for c in people_pool if d.next_appointment(cid=c)]
    for cid in rng.sample(people, many[2]):
        a = d.next_appointment(cid=cid)
        assert a is not None
        day, time = _at(a)
        tid, template = next_ask.pick(rng)
        text = say(template, name_slots(d, cid, rng), rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": day, "time": time})], {"customer_id": cid, "appointment_id": a["id"]}))
    return out


def catalog_expect(row: dict[str, Any], what: str) -> dict[str, Any]:
    """What a pricing answer carries about one catalog row: its supplier, its margin (over the
    price) or markup (over the cost) in percent, or the money of the field asked (price, cost,
    labour)."""
    price, cost = float(row["price"]), float(row["cost"])
    if what == "supplier":
        return {"agent": "pricing", "contains": [row["supplier"]]}
    if what == "margin":
        return {"agent": "pricing", "percent": round(100 * (price - cost) / price, 2)}
    if what == "markup":
        return {"agent": "pricing", "percent": round(100 * (price - cost) / cost, 2)}
    return {"agent": "pricing", "money": float(row[what])}


def catalog_cases(d: Data, rng: random.Random, split: str, asks: Sequence[tuple[str, str, str, str]], say: Say) -> Cases:
    """One case an ask (sku, how the rep says it, field, template with an {item})."""
    out = []
    for n, (code, name, what, template) in enumerate(asks):
        text = say(template, {"item": name}, rng)
        out.append(case("pricing", f"{split}:pricing.{what}/{n}", [turn(text, catalog_expect(sku(d, code), what))], {"sku": code, "field": what}))
    return out


def total_cases(d: Data, rng: random.Random, split: str, asks: Sequence[tuple[str, str, int, str]], say: Say) -> Cases:
    """One case an ask (sku, how the rep says it, how many, template with {qty} {item}): the total
    at the catalog price."""
    out = []
    for n, (code, name, qty, template) in enumerate(asks):
        text = say(template, {"item": name, "qty": str(qty)}, rng)
        out.append(case("pricing", f"{split}:pricing.total/{n}", [turn(text, {"agent": "pricing", "money": round(qty * float(sku(d, code)["price"]), 2)})], {"sku": code, "field": "total", "quantity": qty}))
    return out


def bundle_cases(d: Data, rng: random.Random, split: str, asks: Sequence[tuple[str, int, str]], say: Say) -> Cases:
    """One case an ask (sku, squares, template with {squares}): the bundles for so many squares,
    a whole number."""
    out = []
    for n, (code, squares_n, template) in enumerate(asks):
        units = squares_n / Fraction(sku(d, code)["coverage"])
        assert units.denominator == 1, (code, squares_n)
        text = say(template, {"squares": str(squares_n)}, rng)
        out.append(case("pricing", f"{split}:pricing.bundles/{n}", [turn(text, {"agent": "pricing", "count": int(units)})], {"sku": code, "squares": squares_n}))
    return out


def roof_cases(
    d: Data,
    rng: random.Random,
    split: str,
    asks: Sequence[tuple[int, int, int, str]],
    say: Say,
    *,
    waste_always: bool = True,
    area: Callable[[int, int], str] = lambda _n, area: str(area),
) -> Cases:
    """One case an ask (footprint in sq ft, rise in 12, waste percent, template with {area}
    {rise} {waste}): the squares of roof. The subject has the waste always, or (`waste_always`
    off) when there is some; `area` (n, footprint) is how the footprint is typed."""
    out = []
    for n, (footprint, rise, waste, template) in enumerate(asks):
        squares = round(footprint * math.sqrt(1 + (rise / 12) ** 2) / 100 * (1 + waste / 100), 2)
        text = say(template, {"area": area(n, footprint), "rise": str(rise), "waste": str(waste)}, rng)
        subject: dict[str, Any] = {"footprint": footprint, "rise": rise}
        if waste_always or waste:
            subject["waste"] = waste
        out.append(case("pricing", f"{split}:pricing.squares/{n}", [turn(text, {"agent": "pricing", "number": {"value": squares, "tol": 1.0, "unit": ["sq", "square"]}})], subject))
    return out
