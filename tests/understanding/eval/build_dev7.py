"""Builds dev7, a seventh development set for the understanding layer, weighted to writes (where
the held-out WRITE figure trails the dev sets): notes, stage moves and bookings as reps type them
on a phone (colons, dashes, quotes, "fyi", "log that", "jot down"; the company's stages in reps'
words; every kind of day and time), the job named every way (the customer's full, first or last
name, a possessive, the trade, the town, the job number in every form), in the middle of
conversations (a look-up or two first, a pronoun pointing back, a detour to the playbook and
back), corrected before the yes, confirmed in varied words or called off; and single questions
across every specialist in fresh phrasings. Every expected fact is computed here from data/demo
(the CRM seed, the knowledge base, the director's call transcripts, the catalog), never from
Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev7.py [--out DIR]

Writes dev7/questions.jsonl and dev7/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev6 (see build_eval.py and
bench/understanding.py); the data loading and the fact helpers are build_eval's, build_dev3's
and build_dev5's, and every phrasing is dev7's own. The clock is pinned at Monday 2026-11-23
09:00 America/New_York.

Subjects are the dev customers (build_eval.split_customers(d, "dev")) and Sarah Johnson (147);
held-out customers only appear as the other options of a shared name in a clarification.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import string
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.understanding.eval import build_dev3 as d3  # noqa: E402
from tests.understanding.eval import build_dev4 as d4  # noqa: E402
from tests.understanding.eval import build_dev5 as d5  # noqa: E402
from tests.understanding.eval import build_eval as be  # noqa: E402
from tests.understanding.eval import dev_shared as ds  # noqa: E402
from tests.understanding.eval import dev_writer as dw  # noqa: E402
from tests.understanding.eval.build_dev5 import (  # noqa: E402
    ONE,
    STAGE_FROM,
    WORD,
    busy,
    cid_of,
    customers,
    fact,
    jobs,
    live_jobs,
    live_jobs_of,
    open_jobs,
    possessive,
    pron,
    trades_of,
)
from tests.understanding.eval.build_eval import (  # noqa: E402
    CRM,
    NO_FORM,
    WRITE_CLAIMS,
    Data,
    case,
    turn,
)
from tests.understanding.eval.dev_shared import (  # noqa: E402
    AFTER,
    BROOKSIDE,
    CONFIRM,
    COUPLES,
    DISC,
    DIY,
    ELDERLY,
    FIBER,
    FINP,
    FINQ,
    FIRST5,
    FOLLOW,
    FRAME,
    GBB,
    GUTTERS,
    HOA,
    ICE,
    INSPECT,
    LEADS,
    MAPLE,
    METHOD,
    PRESENT,
    PRICE,
    PRIMER,
    QUOTES,
    SCRIPT,
    SHINGLES,
    SIGNALS,
    SPOUSE,
    STEPS,
    STORY,
    TEMPLATES,
    TERMS,
    THINK,
    TYPES,
    UNDER,
    VENT,
    VINYL,
    WAIT,
    WARRANTY,
    WINDOWS,
)

SPLIT = "dev7"
SEED = f"{be.SEED}/dev7"
NOW = be.NOW


# ------------------------------------------------------------------------------------------
# how reps type, dev7's layer
# ------------------------------------------------------------------------------------------

CLIPS = [
    (r"\bplease\b", "pls"),
    (r"\bthanks\b", "thx"),
    (r"\babout\b", "abt"),
    (r"\bwith\b", "w/"),
    (r"\bnumber\b", "#"),
    (r"\byou\b", "u"),
    (r"\bthe\b", ""),
    (r"\bfor me\b", "4 me"),
]


# build_eval's render (shorthand, one typo, lower case) after dev7's own clipping of the
# template's words (a dropped "the", "pls", "w/"); slot values are left as they are.
say = ds.typist(CLIPS, 0.25)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn from a random start, named as dev7's."""

    split = "dev7"


# ------------------------------------------------------------------------------------------
# naming a job, every way
# ------------------------------------------------------------------------------------------

REF_STYLES = ("full", "num", "last_trade", "hash", "first", "long", "possessive", "town", "jobword", "last", "trade_first")


def town_of(d: Data, jid: int) -> str:
    return str(d.jobs[jid]["address"]["city"])


def town_alone(d: Data, jid: int, trade: str) -> bool:
    """Whether this job is the one live job of this trade in its town (over every customer)."""
    town = town_of(d, jid)
    same = [j for j, job in d.jobs.items() if not job["archived"] and town_of(d, j) == town and trade in d.trades(j)]
    return same == [jid]


def refs_of(d: Data, jid: int) -> dict[str, str]:
    """dev7's names for one job alone, by style: the customer's whole name, first or last name
    (one job to their name), possessive with the trade, last name and trade, the town and the
    trade, and the number as reps type it."""
    cid = cid_of(d, jid)
    c = d.customers[cid]
    first, last = c["first_name"], c["last_name"]
    out: dict[str, str] = {}
    one_job = len(d.jobs_of(cid)) == 1
    if one_job:
        out["full"] = f"{first} {last}"
        if d.unique_first(cid):
            out["first"] = first
        if d.unique_last(cid):
            out["last"] = f"the {last} job"
    for trade in trades_of(d, jid):
        if len(d.jobs_by_customer_trade(cid, trade)) == 1:
            if d.unique_first(cid):
                out.setdefault("possessive", f"{possessive(first)} {WORD[trade]}")
            out.setdefault("full", f"{possessive(first + ' ' + last)} {WORD[trade]}")
        if len(d.jobs_by_last_trade(last, trade)) == 1:
            out.setdefault("last_trade", f"the {last} {WORD[trade]}")
            out.setdefault("trade_first", f"{WORD[trade]} job for {last}")
            if "last" not in out and d.unique_last(cid):
                out["last"] = f"{possessive(last)} {ONE[trade]} job"
        if town_alone(d, jid, trade):
            out.setdefault("town", f"the {town_of(d, jid)} {ONE[trade]} job")
    out["num"] = str(jid)
    out["hash"] = f"#{jid}"
    out["long"] = d.jobs[jid]["number"]
    out["jobword"] = f"job {jid}"
    return out


def styled(d: Data, jid: int, style: str) -> tuple[str, str]:
    """(style used, text): the style asked for, or the job number when the job has no such name."""
    refs = refs_of(d, jid)
    if style in refs:
        return style, refs[style]
    fallback = ["num", "hash", "long", "jobword"][jid % 4]
    return fallback, refs[fallback]


def job_ref(d: Data, jid: int, rng: random.Random) -> str:
    return rng.choice(list(refs_of(d, jid).values()))


def cust_ref(d: Data, cid: int, rng: random.Random) -> str:
    return rng.choice(be.customer_name_refs(d, cid))


def name_slots(d: Data, cid: int, rng: random.Random) -> dict[str, str]:
    name = cust_ref(d, cid, rng)
    return {"name": name, "pname": possessive(name)}


NO_CLAIM: dict[str, Any] = {"not_contains": WRITE_CLAIMS}

# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "{name} cell # pls",
        "gimme {pname} number real fast",
        "whats the digits for {name}",
        "need to call {name} - number please",
        "{pname} phone pls ty",
        "got a good number on {name}?",
    ]),
    "email": Turns("crm.contact.email", [
        "{pname} email?? need to send the quote",
        "email address we have for {name}",
        "what email is {name} using",
        "{name} e-mail pls",
    ]),
    "address": Turns("crm.contact.address", [
        "{pname} street addy",
        "where is {name} located, full address",
        "addr for {name}",
        "headed to {pname}, address?",
    ]),
    "home": Turns("crm.contact.home", ["{pname} house line #", "landline # on {name}"]),
}
BY_JOB = Turns("crm.contact.by_job", ["who do i ring about {job}, number", "{job} homeowners cell"])


def gen_contact(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = customers(d)
    rng.shuffle(pool)
    kinds = ["phone", "email", "address", "phone", "home", "email", "address", "phone", "email", "address", "phone", "home", "email", "phone"]
    for cid, kind in zip(pool, kinds, strict=False):
        if kind == "home" and d3.fact(d, "home", cid) is None:
            kind = "phone"
        tid, template = ASK[kind].pick(rng)
        text = say(template, name_slots(d, cid, rng), rng)
        out.append(case("crm.contact", tid, [turn(text, fact(d, kind, cid))], {"customer_id": cid, "field": kind}))
    for jid in rng.sample(live_jobs(d), 2):
        tid, template = BY_JOB.pick(rng)
        text = say(template, {"job": refs_of(d, jid)[rng.choice(["num", "hash", "long", "jobword"])]}, rng)
        out.append(case("crm.contact", tid, [turn(text, fact(d, "phone", cid_of(d, jid)))], {"customer_id": cid_of(d, jid), "job_id": jid, "field": "phone"}))
    return out


STAGE_ASK = Turns("crm.status", [
    "status on {job}??",
    "status on {job} - whats up",
    "{job} what stage we in",
    "is {job} signed yet or what stage",
    "stage check {job}",
    "where is {job} in the pipeline",
    "{job} - still open? what stage",
])
REP_ASK = Turns("crm.rep", ["whos running {job}", "{job} rep?", "salesperson assigned to {job}"])
CUSTOMER_REP_ASK = Turns("crm.rep.customer", ["which of our guys handles {name}", "{pname} sales rep is who"])
NOTE_ASK = Turns("crm.notes", ["any notes on {job}? the latest", "most recent note {job} pls", "what did we last write in the notes on {job}"])


def gen_status(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.status", STAGE_ASK, say, job_ref, jobs(d), 12, lambda jid: ({**CRM, "contains": [d.stage(jid)]}, {"job_id": jid}), keep=lambda j: not d.jobs[j]["archived"])


def gen_rep(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = ds.job_cases(d, rng, "crm.rep", REP_ASK, say, job_ref, live_jobs(d), 5, lambda jid: ({**CRM, "contains": [d.rep(jid)]}, {"job_id": jid}))
    single = [c for c in customers(d) if d3.fact(d, "customer_rep", c) is not None]
    for cid in rng.sample(single, 2):
        tid, template = CUSTOMER_REP_ASK.pick(rng)
        text = say(template, name_slots(d, cid, rng), rng)
        out.append(case("crm.rep", tid, [turn(text, fact(d, "customer_rep", cid))], {"customer_id": cid}))
    return out


def gen_notes(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    def ask(jid: int) -> tuple[dict[str, Any], dict[str, Any]]:
        note = d.notes_of(jid)[0]
        return {**CRM, "contains": [be._note_phrase(note["note"])]}, {"job_id": jid, "note_id": note["id"]}

    return ds.job_cases(d, rng, "crm.notes", NOTE_ASK, say, job_ref, [j for j in live_jobs(d) if d.notes_of(j)], 6, ask)


MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["contract amt {job}", "how much is the {job} contract worth"]),
    "balance": Turns("crm.money.balance", ["{job} balance due?", "{job} do they still owe us anything", "whats left owing on {job}"]),
    "paid": Turns("crm.money.paid", ["how much has {job} paid so far"]),
    "proposal": Turns("crm.money.proposal", ["{job} proposal total", "how much did we quote {job} at"]),
    "deposit": Turns("crm.money.deposit", ["deposit on {job}? how much"]),
}


def gen_money(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for kind, quota in {"balance": 3, "contract": 2, "proposal": 2, "paid": 2, "deposit": 1}.items():
        pool = [j for j in jobs(d) if not d.jobs[j]["archived"] and kind in d.money_facts(j) and d3.fact(d, kind, cid_of(d, j), j)]
        for jid in rng.sample(pool, min(quota, len(pool))):
            tid, template = MONEY_ASK[kind].pick(rng)
            text = say(template, {"job": job_ref(d, jid, rng)}, rng)
            out.append(case("crm.money", tid, [turn(text, fact(d, kind, cid_of(d, jid), jid))], {"job_id": jid, "field": kind}))
    return out


INSTALL_ASK = Turns("crm.dates.install", ["{job} - install date", "what day does the crew start {job}"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["whens the next visit on {job}", "{job} next on the calendar?"])
NEXT_ASK = Turns("crm.dates.next_customer", ["when do i see {name} next", "{pname} next appointment"])


def gen_dates(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    pools = (jobs(d), live_jobs(d), customers(d))
    return ds.dates_cases(d, rng, (INSTALL_ASK, NEXT_JOB_ASK, NEXT_ASK), say, job_ref, name_slots, pools, (2, 3, 3))


# (first day, last day, user or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str]] = [
    ("2026-11-25", "2026-11-25", None, "wed whats on the schedule"),
    ("2026-12-01", "2026-12-01", None, "appts tues dec 1, how many"),
    ("2026-12-08", "2026-12-08", None, "what have we got 12/8"),
    ("2026-11-24", "2026-11-24", 12, "dana tmrw - whats she got"),
    ("2026-12-02", "2026-12-02", 13, "kevins appointments 12/2"),
    ("2026-11-30", "2026-11-30", 11, "mike reed monday nov 30 schedule"),
]


def gen_calendar(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.calendar_cases(d, rng, SPLIT, CALENDAR_ASKS, say)


REP_OPEN = [
    (12, "dana whitakers open jobs pls"),
    (13, "how many open deals does kevin shea have"),
    (11, "open jobs for mike reed - list em"),
    (12, "count of dana's open jobs"),
]


def gen_rep_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.rep_jobs_cases(d, rng, SPLIT, REP_OPEN, say)


STAGE_LISTS = [
    ("Lead", "every job sitting in lead, list them"),
    ("Follow Up", "which jobs r in follow up"),
    ("Contract Signed", "jobs at contract signed right now"),
    ("Completed", "list the completed jobs that arent paid and closed yet"),
    ("Proposal Sent", "how many jobs in proposal sent"),
]


def gen_stage_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.stage_jobs_cases(d, rng, SPLIT, STAGE_LISTS, say)


# ------------------------------------------------------------------------------------------
# single questions: knowledge and the playbook
# ------------------------------------------------------------------------------------------


# (document, question, key phrase copied from the section that answers it[, other documents
# that answer it and carry the same phrase])
PLAYBOOK: list[tuple[Any, ...]] = [
    (AFTER, "max deposit we can take in mass, whats the rule", "one third of the contract price", [TERMS]),
    (AFTER, "how soon do we register the warranty w the manufacturer", "within 30 days"),
    (STORY, "whats our online rating these days", "4.8 out of 5"),
    (LEADS, "lost a job, what reasons do i log for it", "went with a competitor"),
    (FIRST5, "where do i sit at the kitchen table, any rule", "Never take the head of the table"),
    (FOLLOW, "day 7 follow up - what am i sending them", "a photo of a similar finished house nearby"),
    (STEPS, "roughly how long does a full in home presentation run", "90 to 120 minutes"),
    (INSPECT, "roofs wet this morning, do i still go up", "a wet or frosted roof"),
    (METHOD, "whats show dont tell mean for us", "Homeowners believe what they see"),
    (TYPES, "analytical guy, what words lose him", "Best in the industry"),
    (ELDERLY, "max time i should stay at an elderly customers house", "never let a visit run past two and a half"),
    (ELDERLY, "older lady seemed confused about the contract, what now", "suggest involving a family member"),
    (FINQ, "can i tell them their monthly payment is approved", "Never state a monthly payment as approved"),
    (DIY, "her brother in law is handy and wants to do it, how do i handle that", "Never criticise the relative"),
    (THINK, "first step when they say they need to think it over", "Agree with them first"),
    (FRAME, "what are we never supposed to do when handling objections", "never run down a competitor"),
    (PRICE, "can i drop the price if they balk", "Never drop the price without a change in scope"),
    (SPOUSE, "husbands on the way home, do i start", "do discovery and the inspection, and wait to present"),
    (WAIT, "homeowner wants to wait, hows the decking line go", "decking is $95 a sheet"),
    (DISC, "neighborhood discount - how much and when", "3 percent when we have a crew working within a mile"),
    (DISC, "can i stack the senior and the military discount", "Do not combine with the military discount"),
    (FINP, "whats the 144 month financing rate", "9.99% APR"),
    (FINP, "monthly on 20k at 84 months roughly", "$312 a month"),
    (GBB, "what shingle comes in the top package, impact rating", "class 4 impact rating"),
    (TERMS, "biggest cash payment we accept", "cash payments over 1,000 dollars"),
    (TERMS, "how long is a quote good for before it expires", "Proposals are valid for 30 days"),
    (PRESENT, "cost per year thing, how do i say it", "$600 a year"),
    (PRESENT, "typical price range on a vinyl siding job, 2 story", "$19,000 to $32,000"),
    (SHINGLES, "what does a square of architectural shingles weigh, roughly", "230 to 250 pounds"),
    (FIBER, "how often does fiber cement need repainting", "repaint every 12 to 15 years"),
    (GUTTERS, "how much pitch on a gutter run", "a quarter inch of fall for every 10 feet"),
    (GUTTERS, "why not .027 gutters like the other guys", "dents under a ladder"),
    (ICE, "signature package ice and water coverage, where", "full coverage on low-slope sections"),
    (WINDOWS, "u factor on our standard window", "0.27 to 0.29"),
    (VENT, "intake vs exhaust split, whats right", "50/50 between intake and exhaust"),
    (UNDER, "do we swap pipe boots on every roof", "replaced on every roof"),
    (UNDER, "when do we need a chimney cricket", "chimneys wider than 30 inches"),
    (VINYL, "what does a 12 ft vinyl panel move in the cold", "about half an inch"),
    (WARRANTY, "house sold, can the 10 yr warranty go to the new owner", "$100 transfer fee"),
    (BROOKSIDE, "brookside window job - insurance cert, who gets it", "naming the association as additional insured"),
    (HOA, "maple hollow trim colors allowed?", "white or almond"),
    (HOA, "gutter guards ok at maple hollow", "must not be visible from the street"),
    (MAPLE, "what did we find on the maple hollow roofs ice shield wise", "Only one course of ice and water shield"),
    (CONFIRM, "customer wants to reschedule on the confirm call, what do i offer", "Offer two specific alternatives"),
    (TEMPLATES, "text to send after the appt when no decision, template", "Thanks for having me tonight"),
    (PRIMER, "primer video - what goes in the warm close part", "Date and time of the appointment"),
    (SCRIPT, "trial close line about the crew opening", "The next opening for a crew"),
    (SIGNALS, "after a buying signal, what do i say back", "answer briefly and then ask a closing question"),
    (COUPLES, "couple at the table, who do i give the price to", "Direct the price only to the partner"),
    (QUOTES, "were the last of 3 quotes theyre getting, what do i do", "ask for the decision today"),
]


def gen_knowledge(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (doc, question, phrase, *more) in enumerate(PLAYBOOK):
        also: list[str] = more[0] if more else []
        for where in (doc, *also):
            assert be._norm_ws(phrase).lower() in be._norm_ws(d.docs[where].text).lower(), (where, phrase)
        subject: dict[str, Any] = {"doc": doc, "phrase": phrase}
        if also:
            subject["also"] = also
        expect = d3.knowledge_expect(d, doc, phrase, also)
        out.append(case("knowledge", f"dev7:knowledge/{doc}#{n}", [turn(say(question, {}, rng), expect)], subject))
    return out


# ------------------------------------------------------------------------------------------
# single questions: the director's calls, pricing, web, scripting
# ------------------------------------------------------------------------------------------

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("rachel ride alongs in natick - how many", "count", {"town": "Natick"}),
    ("how many director calls in concord", "count", {"town": "Concord"}),
    ("director calls in rhode island, count", "count", {"state": "RI"}),
    ("how many window calls did rachel sit in on", "count", {"trade": "windows"}),
    ("number of director calls dana was on", "count", {"rep": "Dana Whitaker"}),
    ("how many calls lost on price", "count", {"outcome": ("lost_price",)}),
    ("insurance claim calls in the transcripts, how many", "count", {"situation": "insurance_claim"}),
    ("how many calls had an hoa approval objection", "count", {"objection": "hoa_approval"}),
    ("how many times did rachel use feel felt found on calls", "count", {"technique": "Feel-felt-found"}),
    ("close rate on the gutter calls", "close_rate", {"trade": "gutters"}),
    ("kevin sheas close rate on director calls", "close_rate", {"rep": "Kevin Shea"}),
    ("first visit close % for siding calls", "first_visit_rate", {"trade": "siding"}),
    ("avg closed deal size on roofing calls", "avg_deal_closed", {"trade": "roofing"}),
    ("average call length on window appts, minutes", "avg_minutes", {"trade": "windows"}),
    ("on avg how many minutes go to pricing on rachels calls", "phase:pricing", {}),
]


def gen_analysis(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.analysis_cases(d, rng, SPLIT, CALL_FIGURES, say)


# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-SH-DUR", "duration shingles", "price", "price per bundle {item}"),
    ("RF-SH-3TAB", "3-tab", "cost", "what do we pay for a bundle of {item}"),
    ("RF-UL-FELT", "30# felt", "price", "{item} roll what do we charge"),
    ("RF-IW", "ice & water", "price", "roll of {item} sell price?"),
    ("RF-DE", "drip edge", "price", "{item} per 10 ft piece, price"),
    ("RF-ST", "starter strip", "cost", "our cost {item} bundle"),
    ("SD-VN-MC", "mastic carvedwood", "price", "box of {item} siding how much"),
    ("SD-SS", "vinyl starter", "price", "{item} strip 12 ft price"),
    ("SD-FC-TR", "5/4 hardie trim", "price", "price on {item} boards"),
    ("GT-GD6", "6 inch micro mesh guard", "price", "{item} 4ft piece, how much"),
    ("GT-DSR3", "round 3 in downspout", "cost", "what does a {item} cost us"),
    ("WN-SL", "slider window", "labour", "labor to install a {item}"),
    ("WN-KIT", "install kit for windows", "price", "how much do we charge for the {item}"),
    ("GT-K5", "5in k-style", "supplier", "where do we get {item} gutter from"),
    ("WN-DH", "vinyl double hung", "margin", "margin on a {item}"),
    ("SD-OC", "outside corner", "markup", "{item} markup percent"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [
    ("WN-CS", "casement windows", 4, "{qty} {item}, sell price total"),
    ("GT-EL34", "3x4 elbows", 12, "total for {qty} {item}"),
]


def gen_pricing(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = ds.catalog_cases(d, rng, SPLIT, CATALOG_ASKS, say)
    out += ds.total_cases(d, rng, SPLIT, CATALOG_TOTALS, say)
    for n, (code, name, squares_n, template) in enumerate([("RF-SH-LMK", "landmark", 33, "{squares} sq roof, {item} bundles needed?")]):
        row = be.sku(d, code)
        text = say(template, {"item": name, "squares": str(squares_n)}, rng)
        out.append(case("pricing", f"dev7:pricing.bundles/{n}", [turn(text, {"agent": "pricing", "count": int(squares_n / Fraction(row["coverage"]))})], {"sku": code, "squares": squares_n}))
    for n, (code, need, template) in enumerate([("RF-DE", 180, "how many pieces of drip edge for 180 ft"), ("SD-OC", 38, "38 ft of corners, how many corner posts")]):
        row = be.sku(d, code)
        text = say(template, {}, rng)
        out.append(case("pricing", f"dev7:pricing.pieces/{n}", [turn(text, {"agent": "pricing", "count": math.ceil(need / float(Fraction(row["coverage"])))})], {"sku": code, "need": need, "need_unit": row["coverage_unit"]}))
    return out


WEB_ASKS = [
    "google the worcester building permit fee for a reroof",
    "look online for gaf rebate programs right now",
    "search the web - is there a ct home improvement license lookup",
    "check the web for nashua wind forecast this week",
    "look up online whats new with energy star window tax credits",
    "web search: reviews for northeast seamless supply",
]


def gen_web(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return [case("web_search", f"dev7:web_search/{n}", [turn(say(t, {}, rng), {"agent": "web_search", "not_contains": d4.INVENTED})], {}) for n, t in enumerate(WEB_ASKS)]


SCRIPT_ASKS = Turns("scripting", [
    "script me a primer video for {name}",
    "need a quick video script to send {name}",
    "draft what i should say to {name} at the appt",
    "put together a primer for {name} pls",
])


def gen_scripting(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.scripting_cases(d, rng, SCRIPT_ASKS, say, customers(d), cust_ref)


# ------------------------------------------------------------------------------------------
# new customers, bad input
# ------------------------------------------------------------------------------------------

NEW_PEOPLE = [
    ("Thaddeus", "Grimsby"), ("Wilhelmina", "Okonkwo"), ("Ambrose", "Pettigrew"), ("Rosalind", "Varga"),
    ("Evander", "Lindqvist"), ("Marguerite", "Sokolov"),
]
NEW_STREETS = ["19 Birchwood Ter", "240 Mill St", "5 Harvest Ln"]
NEW_TOWNS = ["Grafton", "Millbury", "Westford"]
NEW_TRADES = [("a whole new roof", "roof"), ("siding redone", "siding"), ("gutters and guards", "gutter")]
NEW_CARDS = Turns("new_clients", [
    "new cust pls: {first} {last}, {phone}, {street}, {town} - wants {trade}",
    "set up {first} {last} as a customer, ph {phone}, email {email}",
    "just met {first} {last} at the home show, {phone}, interested in {trade}",
])


def gen_new_clients(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n in range(len(NEW_PEOPLE)):
        first, last = NEW_PEOPLE[n]
        assert not any(c["first_name"] == first or c["last_name"] == last for c in d.customers.values())
        digits = f"{['508', '978', '774', '617'][n % 4]}555{7300 + n * 41:04d}"
        email = f"{first[0].lower()}{last.lower()}@{['gmail', 'verizon', 'outlook'][n % 3]}.{'net' if n % 3 == 1 else 'com'}"
        trade_said, trade_word = NEW_TRADES[n % len(NEW_TRADES)]
        street, town = NEW_STREETS[n % len(NEW_STREETS)], NEW_TOWNS[(n * 2) % len(NEW_TOWNS)]
        tid, template = NEW_CARDS.pick(rng)
        slots = {"first": first, "last": last, "phone": be._phone_text(digits, rng), "email": email, "street": street, "town": town, "trade": trade_said}
        used = {name for _lit, name, _s, _c in string.Formatter().parse(template) if name}
        text = say(template, slots, rng)
        carried = {"email": email, "street": street.rsplit(" ", 1)[0], "town": town, "trade": trade_word}
        expect = {"agent": "new_clients", "contains": [first, last, *(carried[k] for k in ("email", "street", "town", "trade") if k in used)], "phone": digits}
        out.append(case("new_clients", tid, [turn(text, expect)], {"first_name": first, "last_name": last, "phone": digits, "fields": sorted(used)}))
    return out


def gen_bad_input(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, text in enumerate(["hjkl;;", ".. .."]):
        out.append(case("bad_input", f"dev7:bad_input.gibberish/{n}", [turn(text, dict(NO_FORM))], {"kind": "gibberish"}))
    for n, text in enumerate(["put a note on it: called back"]):
        out.append(case("bad_input", f"dev7:bad_input.focusless/{n}", [turn(text, {**NO_FORM, **NO_CLAIM})], {"kind": "nothing in focus"}))
    out.append(case("bad_input", "dev7:bad_input.nobody/0", [turn("mark the fenwick-ashby job lost", {**NO_FORM, **NO_CLAIM})], {"kind": "unknown name"}))
    assert 4417 not in d.jobs and not any(j["number"].endswith("-4417") for j in d.jobs.values())
    out.append(case("bad_input", "dev7:bad_input.missing_job/0", [turn("note on 4417: left a voicemail", {**NO_FORM, "contains": ["4417"], "not_contains": [*WRITE_CLAIMS, *be.JOB_NUMBER_PREFIXES]})], {"kind": "unknown job", "job": 4417}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = ["whats the status on {ref} rn", "pull {ref} up", "hows {ref} coming along", "{ref}?? where are we", "can u check {ref}"]


def lookup(d: Data, jid: int, rng: random.Random, ref: str | None = None) -> dict[str, Any]:
    """A look-up that puts the job in focus; the answer must carry its stage."""
    return turn(say(rng.choice(LOOKUP), {"ref": ref or job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.stage(jid)]})


SECOND = {
    "phone": ["and {pos} cell #", "got a number for {obj}?"],
    "email": ["{pos} email as well pls", "got an email on {obj}"],
    "rep": ["whos the rep on that job", "and the salesman on it is"],
    "contract": ["what was it sold for", "contract $ on that one"],
    "note": ["whats the newest note there", "anything in the notes lately"],
}


def second(d: Data, jid: int, rng: random.Random, kind: str) -> dict[str, Any]:
    cid = cid_of(d, jid)
    return turn(say(rng.choice(SECOND[kind]), pron(d, cid), rng), fact(d, kind, cid, jid if kind in ("rep", "contract", "note") else None))


def second_kinds(d: Data, jid: int) -> list[str]:
    kinds = ["phone", "rep", "email"]
    if d.notes_of(jid):
        kinds.append("note")
    if "contract" in d.money_facts(jid):
        kinds.append("contract")
    return kinds


def gen_followup(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = [j for j in live_jobs(d) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    for n, jid in enumerate(pool[:6]):
        kinds = second_kinds(d, jid)
        a, b = kinds[n % len(kinds)], kinds[(n + 1) % len(kinds)]
        turns = [lookup(d, jid, rng), second(d, jid, rng, a), second(d, jid, rng, b)]
        out.append(case("followup", f"dev7:followup.{a}_{b}", turns, {"customer_id": cid_of(d, jid), "job_id": jid}))
    return out


# (said, chosen customer, field, reply)
WHICH: list[tuple[str, int, str, str]] = [
    ("carter", 106, "phone", "greg"),
    ("reilly", 117, "email", "daniel"),
    ("wong", 125, "address", "gary wong"),
    ("thomas", 144, "phone", "thibodeau"),
    ("erica", 131, "email", "pereira"),
    ("fitzgerald", 135, "rep", "lisa"),
]
WHICH_FIRST = {
    "phone": ["{said} phone # pls"],
    "email": ["need the {said} email"],
    "address": ["{said} house address?"],
    "rep": ["{said}, whose customer is that"],
}


def gen_clarify(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    by_last, by_first = be._customer_groups(d)
    lasts = {k.lower(): v for k, v in by_last.items()}
    firsts = {k.lower(): v for k, v in by_first.items()}
    out: list[dict[str, Any]] = []
    for said, chosen, field, reply in WHICH:
        group = lasts.get(said) or firsts[said]
        key = "first_name" if said in lasts else "last_name"
        text = say(rng.choice(WHICH_FIRST[field]), {"said": said}, rng)
        options = [d.customers[c][key] for c in group]
        expect = d5.clarify_fact(d, field, chosen)
        turns = [turn(text, {"asks": options}), turn(reply, expect)]
        out.append(case("clarify", f"dev7:clarify.{field}", turns, {"said": said, "customer_ids": group, "chosen": chosen, "field": field}))
    return out


# (question, document, key phrase): the playbook asked in the middle of a job's conversation
DETOURS: list[tuple[str, str, str]] = [
    ("side q - whats our deposit percent", TERMS, "30 percent"),
    ("unrelated but how long is the workmanship warranty on essential", WARRANTY, "10 years"),
    ("quick one: how far apart are gutter hangers supposed to be", GUTTERS, "every 24 inches"),
    ("random q, what discount do teachers get", DISC, "5 percent"),
    ("hey whats the steepest pitch i can walk", INSPECT, "steeper than 8/12"),
    ("btw how long should a primer video run", PRIMER, "60 to 90 seconds"),
    ("oh also - which lender do we use for financing", FINP, "Bay Colony Home Credit"),
    ("one sec, whats the rule on texting customer info to my phone", LEADS, "never texted to personal phones"),
]


def detour(d: Data, rng: random.Random, n: int) -> tuple[dict[str, Any], str, str]:
    text, doc, phrase = DETOURS[n % len(DETOURS)]
    assert be._norm_ws(phrase).lower() in be._norm_ws(d.docs[doc].text).lower(), (doc, phrase)
    return turn(say(text, {}, rng), d3.knowledge_expect(d, doc, phrase)), doc, phrase


BACK = {
    "phone": "ok back to {last}, number?",
    "email": "anyway - {pos} email",
    "rep": "back to the job, who is the rep",
    "note": "ok and the last note on {pos} job",
    "contract": "back to it: contract amount?",
}


def gen_topic_switch(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = [j for j in live_jobs(d) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    for n, jid in enumerate(pool[:6]):
        cid = cid_of(d, jid)
        kinds = second_kinds(d, jid)
        kind = kinds[n % len(kinds)]
        middle, doc, phrase = detour(d, rng, n)
        back = turn(say(BACK[kind], pron(d, cid), rng), fact(d, kind, cid, jid if kind in ("rep", "contract", "note") else None))
        out.append(case("topic_switch", f"dev7:topic_switch.{kind}", [lookup(d, jid, rng), middle, back], {"customer_id": cid, "job_id": jid, "middle": [doc], "phrase": [phrase]}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: writes
# ------------------------------------------------------------------------------------------

YESES = [
    "yep send it", "ya go ahead w it", "yes pls", "go for it then", "yup, save", "yeah do that", "sure", "ok confirm",
    "right on", "yep", "ok do it now", "lgtm", "k go", "absolutely", "roger that", "ye", "good to go", "send it",
    "yes thats correct", "correcto", "you got it", "👌", "yes - go", "do that", "perfect yes", "yea go",
    "confirm", "yessss", "thats it, yes", "go",
]
CALL_OFFS = [
    "nah scratch that", "no dont, wrong one", "forget it", "hold up dont save", "never mind", "cancel",
    "nope leave it for now", "dont do that yet", "wait, not yet", "no thx", "skip it", "abort",
    "leave it as is", "no no no dont", "lets not", "actually dont bother", "not now", "erase that",
    "ignore that, dont", "no, my bad", "dont save that one", "x that",
]
STRAYS = ["ok", "k thx", "cool", "👍"]

# no weekday or month stems, no times, no apostrophes in the notes: the booking checks read every
# turn, and reps' phones drop apostrophes
NOTE_LINES = [
    "homeowner prefers texts over calls", "gate code is 4471", "wife wants to see the slate gray sample",
    "beehive by the back downspout, warn the crew", "asked for the warranty paperwork by email",
    "deck felt soft near the chimney", "wants pricing on 6 inch gutters too", "hoa approval letter is in hand",
    "husband makes the final call", "going with the bay colony financing", "left a vm, no answer yet",
    "sent the revised proposal by email", "skylight over the bath leaks", "picked the charcoal color",
    "parking is tight - use the street", "keep the crew off the garden beds", "wants a third option priced",
    "two dogs, keep the gate shut", "elderly mom lives there, be patient", "roof is 2 layers, plan a full tear off",
    "they got another quote from a handyman", "need the permit copy for their insurance",
    "asked if we can match the trim to the shutters", "son will be at the appointment",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [
    ("wants black shutters", "wants wedgewood blue shutters"),
    ("paying by check", "paying by card"),
    ("call the cell only", "call the home line only"),
]
NOTE_SAID = [
    "{ref}: note - {note}",
    "fyi on {ref}, {note}. put that in the notes",
    "log that {note} on {ref}",
    "jot down on {ref}: {note}",
    "make a note that {note} on {ref}",
    "make a note on {ref} saying that {note}",
    "notes for {ref} -- {note}",
    'add this to the {ref} notes: "{note}"',
    "pls note {ref} - {note}",
    "{ref} - jot this down: {note}",
    'can u add a note to {ref} saying "{note}"',
    "for {ref} put down {note}",
    "fyi {ref} {note}, add it as a note",
]
NOTE_HERE = [
    "ok put a note on it: {note}",
    "add to that one - {note}",
    "jot on {pos} file: {note}",
    'log that on there: "{note}"',
    "make a note on {pos} {trade} that {note}",
    "fyi for that job, {note}. note it",
    "note on this one: {note}",
]
NOTE_FIX = ["wait change it to: {note}", "scratch that, make the note say {note}"]

# (template, stage the job goes to), in the words reps use for the company's stages
STAGE_SAID = [
    ("{ref} - they went another way, we lost it", "Lost"),
    ("{ref} signed the contract!! update it", "Contract Signed"),
    ("bump {ref} up to proposal sent", "Proposal Sent"),
    ("put {ref} into follow up", "Follow Up"),
    ("{ref} is on the schedule now, move to scheduled", "Scheduled"),
    ("crew is out at {ref}, stage in progress", "In Progress"),
    ("{ref} job is done done, mark completed", "Completed"),
    ("final payment came in on {ref} - paid and closed", "Paid & Closed"),
    ("mark {ref} lost, too pricey for them", "Lost"),
    ("got the deposit on {ref}, its signed", "Contract Signed"),
    ("{ref} - back to estimating, they changed the scope", "Estimating"),
    ("proposal went out on {ref}, flip it to proposal sent", "Proposal Sent"),
    ("{ref} needs a follow up, set the stage", "Follow Up"),
    ("{ref} paid in full, set it paid & closed", "Paid & Closed"),
    ("{ref} is a no, close it as lost", "Lost"),
    ("{ref} sold! contract signed", "Contract Signed"),
]
STAGE_HERE = [
    ("ok mark that one lost", "Lost"),
    ("cool, {subj} signed - contract signed", "Contract Signed"),
    ("flip {pos} {trade} to follow up", "Follow Up"),
    ("put that in proposal sent", "Proposal Sent"),
    ("move it into scheduled", "Scheduled"),
    ("that ones in progress now, update it", "In Progress"),
    ("set it to completed, crew wrapped", "Completed"),
    ("ok thats paid and closed now", "Paid & Closed"),
    ("back to estimating on that one", "Estimating"),
    ("{subj} went with someone else. lost", "Lost"),
]
# (said first, said instead, stage it goes to) for stage moves corrected before the yes
STAGE_FIXES = [
    ("mark {ref} lost", "no sorry, not lost - follow up", "Follow Up"),
    ("move {ref} to proposal sent", "wait no, contract signed, they signed", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev7_set's reader
WHEN_TYPED = [
    ("thurs @ 10", "2026-11-26T10:00"),
    ("12/9 at 3", "2026-12-09T15:00"),
    ("tmrw 9am", "2026-11-24T09:00"),
    ("next tues 1pm", "2026-12-01T13:00"),
    ("the 14th at noon", "2026-12-14T12:00"),
    ("monday morning 8:30", "2026-11-30T08:30"),
    ("fri at 2", "2026-11-27T14:00"),
    ("wed 12/2 at 11", "2026-12-02T11:00"),
    ("dec 8th 10:30am", "2026-12-08T10:30"),
    ("tomorrow around 3pm", "2026-11-24T15:00"),
    ("sat 9a", "2026-11-28T09:00"),
    ("12/10 @ 4", "2026-12-10T16:00"),
    ("next thursday 11am", "2026-12-03T11:00"),
    ("tues the 1st at 9:30", "2026-12-01T09:30"),
    ("the 3rd at 1:30", "2026-12-03T13:30"),
    ("this wed 4pm", "2026-11-25T16:00"),
    ("12/7 8 am", "2026-12-07T08:00"),
    ("friday dec 4 at 10", "2026-12-04T10:00"),
    ("dec 11 2:30p", "2026-12-11T14:30"),
    ("12/15 at 9", "2026-12-15T09:00"),
]
# (said to move a booking, the new time "HH:MM") and (said, the new day "YYYY-MM-DD")
TIME_FIXES = [("actually make it 3", "15:00"), ("can we do 10:30 instead", "10:30"), ("make that 1pm", "13:00"), ("no wait, 11am", "11:00")]
DAY_FIXES = [("wait make it thursday instead, same time", "2026-11-26"), ("sorry - 12/11 same time", "2026-12-11"), ("no, the 10th. same time", "2026-12-10")]
# (how the rep says it, the word the title must carry; "" when the rep names no kind of visit)
VISITS = {
    "Lead": [("inspection", "inspection"), ("measure appt", "measure")],
    "Estimating": [("measure appt", "measure"), ("inspection", "inspection")],
    "Proposal Sent": [("proposal review", "proposal"), ("sit down", "")],
    "Follow Up": [("follow up chat", "follow"), ("meeting", "")],
    "Contract Signed": [("install day", "install"), ("color pick visit", "visit")],
    "Scheduled": [("pre start visit", "visit"), ("install", "install")],
    "In Progress": [("final walkthrough", "walkthrough"), ("progress check", "progress")],
}
BOOK_SAID = [
    "book {akind} at {ref} {when}",
    "{ref} - {kind} {when}, put it on the calendar",
    "get me {akind} with {ref} {when}",
    "schedule {ref} for {akind} {when}",
    "{when} - {kind} at {ref}. book it",
    "can you set {akind} for {ref} {when}",
    "pencil in {akind} for {ref} {when}",
    "add {akind} to the calendar for {ref}, {when}",
    "{ref} wants {akind} {when}, lock it in",
    "calendar {ref} {kind} {when}",
]
BOOK_HERE = [
    "and book {obj} {akind} {when}",
    "set up {akind} there {when}",
    "put {akind} on {pos} {trade} {when}",
    "{when} for {akind} on that one pls",
    "get {obj} in for {akind} {when}",
]
BACK_TO = ["ok back to {pos} job - ", "anyway, on {last}: ", "back to that one. "]
JOB_FIX = "no the {right} not the {wrong}"


def done(checks: list[dict[str, Any]]) -> dict[str, Any]:
    return d5.done(checks)


class Writer(dw.Writer):
    """Write requests in dev7's words (dev_writer's writer on this module's tables), each with the
    crm_after check it makes; the times turn over on a counter of their own."""

    def __init__(self, d: Data, rng: random.Random, offset: int = 0) -> None:
        super().__init__(sys.modules[__name__], d, rng, offset, open_jobs(d))

    def when(self, jid: int) -> tuple[str, str]:
        for _ in range(len(WHEN_TYPED)):
            said, start = WHEN_TYPED[self.tick("when") % len(WHEN_TYPED)]
            if not busy(self.d, jid, dt.datetime.fromisoformat(start)):
                return said, start
        raise AssertionError(f"no free time for {jid}")


KINDS = ["note", "stage", "book"]


def stage_ok(d: Data, jid: int) -> bool:
    return any(d.stage(jid) in STAGE_FROM[s] for _t, s in STAGE_HERE)


def two_trade_pairs(d: Data) -> list[tuple[int, int, str, str]]:
    """(job meant, job said first, its trade word, the other's): a customer's two live jobs of
    trades only each of them has, for "no the gutters not the roof"."""
    out = []
    for cid in customers(d):
        ids = live_jobs_of(d, cid)
        for a in ids:
            for b in ids:
                ta, tb = trades_of(d, a), trades_of(d, b)
                if a != b and len(ta) == 1 and len(tb) == 1 and ta != tb and len(d.jobs_by_customer_trade(cid, ta[0])) == 1 and len(d.jobs_by_customer_trade(cid, tb[0])) == 1:
                    out.append((a, b, WORD[ta[0]], WORD[tb[0]]))
    return out


def gen_write(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Writer(d, rng)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any], checks: list[dict[str, Any]]) -> None:
        out.append(case("write", tid, turns, subject, checks))

    # named in the request, then confirmed: every kind with every way of naming the job
    for k in range(66):
        kind = KINDS[k % 3]
        style = REF_STYLES[w.n["style"] % len(REF_STYLES)]
        jid, tid, text, check = w.make(kind)
        add(tid, [turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "ref_style": styled(d, jid, style)[0], "shape": "direct"}, [check])

    # a look-up first, then the write points back ("it", "that one", "her gutters")
    for k in range(30):
        kind = KINDS[k % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "note"
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        add(tid, [lookup(d, jid, rng), turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "shape": "after_lookup"}, [check])

    # two look-ups, then the write
    for k in range(15):
        kind = KINDS[(k + 1) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "book"
        kinds = second_kinds(d, jid)
        asked = second(d, jid, rng, kinds[k % len(kinds)])
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        add(tid, [lookup(d, jid, rng), asked, turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "shape": "after_two_lookups"}, [check])

    # a detour to the playbook, then back to the job to write
    for k in range(15):
        kind = KINDS[(k + 2) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "note"
        middle, doc, phrase = detour(d, rng, k)
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        back = say(BACK_TO[k % len(BACK_TO)], w.slots(jid), rng) + " " + text
        turns = [lookup(d, jid, rng), middle, turn(back), turn(w.yes(), done([check]))]
        add(tid.replace(".here/", ".back/"), turns, {"job_id": jid, "kind": kind, "shape": "after_detour", "middle": [doc], "phrase": [phrase]}, [check])

    # two writes in one conversation: a note, then a booking on the same job
    for _k in range(10):
        jid = w.next_job()
        _j, _tid1, text1, note = w.make("note", here=True, jid=jid)
        _j, _tid2, text2, book = w.make("book", here=True, jid=jid)
        turns = [lookup(d, jid, rng), turn(text1), turn(w.yes(), done([note])), turn(text2), turn(w.yes(), done([book]))]
        add("dev7:write.two/note_book", turns, {"job_id": jid, "kind": "note+book", "shape": "two_writes"}, [note, book])

    # corrected before the yes: the crm_after is the corrected write only
    for k in range(4):
        jid = w.next_job()
        fix, hhmm = TIME_FIXES[k]
        said, start = w.when(jid)
        moved = f"{start[:10]}T{hhmm}"
        if moved == start or busy(d, jid, dt.datetime.fromisoformat(moved)):
            said, start = next((s, t) for s, t in WHEN_TYPED if t[11:] != hhmm and not busy(d, jid, dt.datetime.fromisoformat(t)) and not busy(d, jid, dt.datetime.fromisoformat(f"{t[:10]}T{hhmm}")))
            moved = f"{start[:10]}T{hhmm}"
        _t, text, check = w.book(jid, when=(said, start))
        check = {**check, "start": moved}
        add("dev7:write.fixed/time", [turn(text), turn(say(fix, {}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "book", "fixed": "time", "said_start": start}, [check])
    for k in range(3):
        jid = w.next_job()
        fix, day = DAY_FIXES[k]
        said, start = w.when(jid)
        if start[:10] == day or busy(d, jid, dt.datetime.fromisoformat(f"{day}T{start[11:]}")):
            said, start = next((s, t) for s, t in WHEN_TYPED if t[:10] != day and not busy(d, jid, dt.datetime.fromisoformat(t)) and not busy(d, jid, dt.datetime.fromisoformat(f"{day}T{t[11:]}")))
        _t, text, check = w.book(jid, when=(said, start))
        check = {**check, "start": f"{day}T{start[11:]}"}
        add("dev7:write.fixed/day", [turn(text), turn(say(fix, {}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "book", "fixed": "day", "said_start": start}, [check])
    for k, (meant, first, right, wrong) in enumerate(two_trade_pairs(d)[:4]):
        line = NOTE_LINES[(k * 5) % len(NOTE_LINES)]
        ref = refs_of(d, first)["full"]
        _t, text, _wrong = w.note(first, line=line, ref=ref)
        check = {"note_on_job": meant, "contains": line}
        add("dev7:write.fixed/job", [turn(text), turn(say(JOB_FIX, {"right": right, "wrong": wrong}, rng)), turn(w.yes(), done([check]))], {"job_id": meant, "other_job_id": first, "kind": "note", "fixed": "job"}, [check])
    for k, (said_first, instead) in enumerate(NOTE_FIXES):
        jid = w.next_job()
        _t, text, _first = w.note(jid, line=said_first)
        check = {"note_on_job": jid, "contains": instead}
        add("dev7:write.fixed/note", [turn(text), turn(say(NOTE_FIX[k % len(NOTE_FIX)], {"note": instead}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "note", "fixed": "note", "said_first": said_first}, [check])
    for k, (first_said, fix, stage) in enumerate(STAGE_FIXES):
        fits = [j for j in live_jobs(d) if d.stage(j) in STAGE_FROM[stage] and d.stage(j) in STAGE_FROM["Lost" if k == 0 else "Proposal Sent"]]
        jid = fits[k % len(fits)]
        check = {"stage_of_job": jid, "stage": stage}
        text = say(first_said, {"ref": w.ref(jid)[1]}, rng)
        add("dev7:write.fixed/stage", [turn(text), turn(say(fix, {}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "stage", "fixed": "stage"}, [check])
    return out


def gen_called_off(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Writer(d, rng, offset=5)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any]) -> None:
        out.append(case("called_off", tid, turns, subject, [{"unchanged": True}]))

    for k in range(22):
        kind = KINDS[k % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        add(f"dev7:called_off.off/{tid.removeprefix('dev7:')}", [turn(text), turn(said, dict(NO_CLAIM))], {"job_id": jid, "kind": kind, "call_off": said})
    for k in range(10):
        kind = KINDS[(k + 1) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "book"
        jid, tid, text, _check = w.make(kind, here=True, jid=jid)
        said = w.off()
        add(f"dev7:called_off.after_lookup/{tid.removeprefix('dev7:')}", [lookup(d, jid, rng), turn(text), turn(said, dict(NO_CLAIM))], {"job_id": jid, "kind": kind, "call_off": said})
    for k in range(6):
        kind = KINDS[(k + 2) % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        turns = [turn(text), turn(said, dict(NO_CLAIM)), turn(STRAYS[k % len(STRAYS)], dict(NO_CLAIM))]
        add(f"dev7:called_off.off_then_ok/{tid.removeprefix('dev7:')}", turns, {"job_id": jid, "kind": kind, "call_off": said})
    for k in range(4):
        jid = w.next_job()
        said_when = w.when(jid)
        _t, text, _check = w.book(jid, when=said_when)
        said = w.off()
        fix = TIME_FIXES[k % len(TIME_FIXES)][0]
        turns = [turn(text), turn(say(fix, {}, rng)), turn(said, dict(NO_CLAIM))]
        add("dev7:called_off.after_fix/book", turns, {"job_id": jid, "kind": "book", "call_off": said})
    return out


# ------------------------------------------------------------------------------------------
# the files
# ------------------------------------------------------------------------------------------

DEV_SET = be.DevSet(SPLIT, SEED, globals(), HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
