"""Builds dev11, an eleventh development set for the understanding layer, written blind (from
the demo data and what the product is for): about 120 single questions and 80 conversations,
mixed like a day of real use. Single questions: contact fields ("best # for ...", "... home #",
"wheres ... live"), money, dates, notes ("what did we last say on ..."), the rep of a job, a
rep's open jobs, jobs in a stage, the calendar ("whos out tmrw", "dana thurs"), playbook
questions in reps' words (objections, process, products), director-call figures, catalog
prices, scripts, web searches, new customers dictated, bad input. Conversations: follow-ups
that point back ("and her cell", "whats left on it", "who sold it"), playbook asides then back
to the customer, clarifications answered by first name, last name, trade, town or position,
writes (notes, stage moves, bookings) in reps' words, writes corrected before the yes, and
writes called off with a later "yes" that must change nothing. Every expected fact and every
expected CRM change is computed here from data/demo (the CRM seed, the knowledge base, the
director's call transcripts, the catalog), never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev11.py [--out DIR]

Writes dev11/questions.jsonl and dev11/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev10 (see build_eval.py and
bench/understanding.py); the code that works out the cases is build_dev10's (with build_eval's,
build_dev3's, build_dev5's, build_dev8's and build_dev9's helpers), and every phrasing is
dev11's own. The clock is pinned at Monday 2026-11-23 09:00 America/New_York. Booking times are
typed in forms test_dev10_set's reader reads.

Subjects are the dev customers (build_eval.split_customers(d, "dev")); held-out customers only
appear as the other options of a shared name in a clarification.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
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
from tests.understanding.eval import build_dev8 as d8  # noqa: E402
from tests.understanding.eval import build_dev9 as d9  # noqa: E402
from tests.understanding.eval import build_eval as be  # noqa: E402
from tests.understanding.eval import dev_shared as ds  # noqa: E402
from tests.understanding.eval.build_eval import (  # noqa: E402
    CRM,
    NO_FORM,
    WRITE_CLAIMS,
    Data,
    case,
    turn,
)

SPLIT = "dev11"
SEED = f"{be.SEED}/dev11"
NOW = be.NOW

pron = d5.pron
fact = d5.fact
possessive = d5.possessive
trades_of = d5.trades_of
busy = d5.busy
article = d5.article
job_labels = d5.job_labels
done = d5.done
cid_of = d5.cid_of
live_jobs_of = d5.live_jobs_of
docs_with = d8.docs_with
WORD, ONE = d5.WORD, d5.ONE
STAGE_FROM = d5.STAGE_FROM
REF_STYLES, NUMBER_STYLES = d9.REF_STYLES, d9.NUMBER_STYLES
refs_of, styled, job_ref, cust_ref = d9.refs_of, d9.styled, d9.job_ref, d9.cust_ref
NO_CLAIM: dict[str, Any] = {"not_contains": WRITE_CLAIMS}


def customers(d: Data) -> list[int]:
    return be.split_customers(d, "dev")


def jobs(d: Data) -> list[int]:
    people = set(customers(d))
    return sorted(j for j, job in d.jobs.items() if job["customer_id"] in people)


def live_jobs(d: Data) -> list[int]:
    return [j for j in jobs(d) if not d.jobs[j]["archived"]]


def open_jobs(d: Data) -> list[int]:
    return [j for j in live_jobs(d) if d.stage(j) not in be.CLOSED_STAGES]


def name_slots(d: Data, cid: int, rng: random.Random) -> dict[str, str]:
    name = cust_ref(d, cid, rng)
    return {"name": name, "pname": possessive(name)}


# ------------------------------------------------------------------------------------------
# how reps type, dev11's layer: thumbs, and voice dictation without punctuation
# ------------------------------------------------------------------------------------------

# (pattern, shorthand, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\byou\b", "u", 0.5),
    (r"\bare\b", "r", 0.3),
    (r"\bplease\b", "pls", 0.6),
    (r"\bwith\b", "w", 0.3),
    (r"\babout\b", "abt", 0.3),
    (r"\bgoing to\b", "gonna", 0.6),
    (r"\bbecause\b", "bc", 0.5),
    (r"\bright now\b", "rn", 0.4),
    (r"\bwhats\b", "wats", 0.1),
]
# how often a phrasing comes out as dictated: no commas, dashes, colons or question marks
DICTATED = 0.3


def say(template: str, slots: dict[str, str], rng: random.Random) -> str:
    """build_eval's render (shorthand, one typo, lower case) after dev11's own thumb-typing of
    the template's words ("u", "r", "pls", "w", "gonna", "rn"; no digit for a word next to
    a day and a time) and, some of the time, the template's punctuation dropped the way a phone's
    dictation drops it; slots are kept."""
    spoken = rng.random() < DICTATED
    # a "4" or a "2" for "for" or "to" would read as an hour next to a day and a time
    timed = "when" in slots or "t" in slots
    parts: list[str] = []
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        text = literal
        for pattern, short, often in THUMBS:
            if rng.random() < often and not (timed and short.isdigit()):
                text = re.sub(pattern, short, text)
        if spoken:
            text = re.sub(r"\s*[,:;?!]+|\s+-+(?=\s)", "", text)
        parts.append(text.replace("{", "{{").replace("}", "}}"))
        if name is not None:
            parts.append("{" + name + "}")
    return be.render("".join(parts), slots, rng)


class Turns(d9.Turns):
    """build_dev9's templates of one kind, taken in turn, named as dev11's."""

    def pick(self, rng: random.Random) -> tuple[str, str]:
        tid, template = super().pick(rng)
        return tid.replace(f"{d9.SPLIT}:", f"{SPLIT}:", 1), template


# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "best # for {name}",
        "{name} phone # pls",
        "whats {pname} cell again",
        "need to reach {name} what number do we have",
        "{name} number?? in the driveway",
    ]),
    "email": Turns("crm.contact.email", [
        "{name} email?",
        "wats {pname} email on file",
        "email for {name} i need to send over the proposal",
    ]),
    "address": Turns("crm.contact.address", [
        "wheres {name} live at these days",
        "{pname} street address pls",
        "{name} what street",
    ]),
    "home": Turns("crm.contact.home", ["{pname} home #", "home number for {name} not the cell"]),
}


def gen_contact(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = customers(d)
    rng.shuffle(pool)
    kinds = ["phone", "email", "address", "home", "phone", "email", "phone", "address", "home", "phone", "email", "address", "phone", "email"]
    homes = [c for c in pool if d3.fact(d, "home", c) is not None][: kinds.count("home")]
    others = [c for c in pool if c not in homes]
    for kind in kinds:
        cid = homes.pop(0) if kind == "home" else others.pop(0)
        tid, template = ASK[kind].pick(rng)
        out.append(case("crm.contact", tid, [turn(say(template, name_slots(d, cid, rng), rng), fact(d, kind, cid))], {"customer_id": cid, "field": kind}))
    return out


STAGE_ASK = Turns("crm.status", [
    "{job} where r we at",
    "status of {job}?",
    "{job} what stage now",
    "did {job} ever go anywhere",
    "where is {job} in the pipeline rn",
])
REP_ASK = Turns("crm.rep", ["who sold {job} originally", "{job} whose deal is that", "which one of us has {job}", "{job} salesman?"])
NOTE_ASK = Turns("crm.notes", ["what did we last say on {job}", "{job} most recent note in there", "last thing written on {job}"])


def gen_status(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.status", STAGE_ASK, say, job_ref, jobs(d), 10, lambda jid: ({**CRM, "contains": [d.stage(jid)]}, {"job_id": jid}), keep=lambda j: not d.jobs[j]["archived"])


def gen_rep(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.rep", REP_ASK, say, job_ref, live_jobs(d), 6, lambda jid: ({**CRM, "contains": [d.rep(jid)]}, {"job_id": jid}))


def gen_notes(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    def ask(jid: int) -> tuple[dict[str, Any], dict[str, Any]]:
        note = d.notes_of(jid)[0]
        return {**CRM, "contains": [be._note_phrase(note["note"])]}, {"job_id": jid, "note_id": note["id"]}

    return ds.job_cases(d, rng, "crm.notes", NOTE_ASK, say, job_ref, [j for j in live_jobs(d) if d.notes_of(j)], 5, ask)


MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["{job} contract amount", "what did {job} sign for", "{job} how much was the contract"]),
    "balance": Turns("crm.money.balance", ["whats left on {job}", "{job} whats the balance due", "how much do we still have coming on {job}"]),
    "deposit": Turns("crm.money.deposit", ["{job} how much was the deposit", "what deposit did we get on {job}"]),
    "proposal": Turns("crm.money.proposal", ["{job} what was the proposal for", "proposal amount on {job} pls"]),
}


def gen_money(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for kind, quota in {"balance": 3, "contract": 3, "deposit": 2, "proposal": 2}.items():
        pool = [j for j in jobs(d) if not d.jobs[j]["archived"] and kind in d.money_facts(j) and d3.fact(d, kind, cid_of(d, j), j)]
        for jid in rng.sample(pool, min(quota, len(pool))):
            tid, template = MONEY_ASK[kind].pick(rng)
            out.append(case("crm.money", tid, [turn(say(template, {"job": job_ref(d, jid, rng)}, rng), fact(d, kind, cid_of(d, jid), jid))], {"job_id": jid, "field": kind}))
    return out


INSTALL_ASK = Turns("crm.dates.install", ["{job} when does the crew start", "whens {job} getting installed", "{job} install date?"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} next visit?", "when are we back out at {job}", "whats the next thing booked for {job}"])
NEXT_ASK = Turns("crm.dates.next_customer", ["when am i back w {name}", "{name} next appt?"])


def gen_dates(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    pools = (jobs(d), live_jobs(d), customers(d))
    return ds.dates_cases(d, rng, (INSTALL_ASK, NEXT_JOB_ASK, NEXT_ASK), say, job_ref, name_slots, pools, (3, 3, 2))


# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-24", "2026-11-24", None, None, "whos out tmrw"),
    ("2026-11-26", "2026-11-26", 12, None, "dana thurs"),
    ("2026-11-23", "2026-11-23", None, None, "whats on the board today"),
    ("2026-11-25", "2026-11-25", None, None, "wed whats booked"),
    ("2026-11-24", "2026-11-25", None, None, "tmrw and wed how many appts total"),
    ("2026-12-01", "2026-12-02", None, None, "next tues and wed how full r we"),
    ("2026-11-27", "2026-11-27", 13, None, "kevin fri what does he have"),
    ("2026-12-07", "2026-12-07", 11, None, "mike reed monday the 7th schedule"),
    ("2026-12-09", "2026-12-09", None, None, "12/9 anything on the cal"),
    ("2026-11-30", "2026-12-04", None, "inspection", "{kind}s next week how many"),
    ("2026-12-03", "2026-12-04", None, "install", "any {kind}s thurs or fri 12/3 12/4"),
]


def gen_calendar(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (first, last, uid, kind, template) in enumerate(CALENDAR_ASKS):
        appts = d8.calendar_of(d, first, last, uid, kind)
        subject: dict[str, Any] = {"from": first, "to": last, "user_id": uid}
        if kind:
            subject["title_has"] = kind
        out.append(case("crm.calendar", f"{SPLIT}:crm.calendar/{n}", [turn(say(template, {"kind": kind or ""}, rng), be.calendar_expect(d, appts))], subject))
    return out


REP_OPEN = [
    (12, "what does dana have open rn"),
    (11, "mikes open jobs list them"),
    (13, "kevin shea open count"),
    (11, "how many deals is mike reed sitting on that r open"),
    (12, "whitaker whats still open for her"),
]


def gen_rep_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.rep_jobs_cases(d, rng, SPLIT, REP_OPEN, say, counting=("how many", "count"))


STAGE_LISTS = [
    ("Proposal Sent", "whos got a proposal out rn"),
    ("In Progress", "jobs the crews r working on right now"),
    ("Estimating", "whats sitting in estimating"),
    ("Lost", "list the lost ones"),
    ("Follow Up", "my follow up list pls"),
]


def gen_stage_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.stage_jobs_cases(d, rng, SPLIT, STAGE_LISTS, say)


# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------

AFTER = d8.AFTER
FOLLOW = d8.FOLLOW
INSPECT = d8.INSPECT
DISC, FINP, TERMS = d8.DISC, d8.FINP, d8.TERMS
ICE, VENT, FIBER, VINYL, WINDOWS, UNDER, WARRANTY = d8.ICE, d8.VENT, d8.FIBER, d8.VINYL, d8.WINDOWS, d8.UNDER, d8.WARRANTY
BROOKSIDE = d8.BROOKSIDE
SPOUSE, QUOTES, WAIT, DIY, THINK, PRICE = d8.SPOUSE, d8.QUOTES, d8.WAIT, d8.DIY, d8.THINK, d8.PRICE
GUTTERS, SHINGLES, LEADS, STEPS = d8.GUTTERS, d8.SHINGLES, d8.LEADS, d8.STEPS
CONFIRM = d8.CONFIRM

# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (SPOUSE, "wife isnt home for the appt what do i do", "offer FaceTime or a video call"),
    (QUOTES, "ho says theyre getting 3 quotes how do i handle it", "Can I help you compare them?"),
    (WAIT, "guy wants to wait til spring on the roof what do i tell him", "reserve a spot on the spring schedule"),
    (WAIT, "can we even do roofs in the winter, ho asked", "We install roofs in winter"),
    (DIY, "her brother in law says he can do it cheaper", "Never criticise the relative or the handyman"),
    (THINK, "they said they need to think about it, now what", "Agree with them first"),
    (PRICE, "price objection whats our response step by step", "Our standard response to a price concern has four parts"),
    (PRICE, "ho pulled out a cheaper quote from another outfit", "compare line by line, not company to company"),
    (GUTTERS, "gutter hanger spacing what do we use", "hidden hangers every 24 inches"),
    (GUTTERS, "ho thinks gutters are causing her ice dams", "Gutters do not cause ice dams"),
    (GUTTERS, "5 or 6 inch gutters which one do we push and why", "carries about 40 percent more water"),
    (SHINGLES, "do we still put on 3 tab", "We no longer install three-tab on full replacements"),
    (SHINGLES, "what does a square of architectural weigh", "about 230 to 250 pounds"),
    (LEADS, "web lead came in how fast do i gotta call", "called within 15 minutes during business hours"),
    (LEADS, "when do we reach back out to a lost job", "re-contacted after 90 days"),
    (STEPS, "how long should the whole in home pitch take", "90 to 120 minutes"),
    (STEPS, "ok to park in the ho driveway", "Park on the street, not in the driveway"),
]


def gen_knowledge(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (doc, question, phrase) in enumerate(PLAYBOOK):
        where = docs_with(d, phrase)
        assert doc in where, (doc, phrase)
        also = [p for p in where if p != doc]
        subject: dict[str, Any] = {"doc": doc, "phrase": phrase}
        if also:
            subject["also"] = also
        out.append(case("knowledge", f"{SPLIT}:knowledge/{doc}#{n}", [turn(say(question, {}, rng), d3.knowledge_expect(d, doc, phrase, also))], subject))
    return out


# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("how many director calls up in nh", "count", {"state": "NH"}),
    ("how many ride alongs did kevin have rachel on", "count", {"rep": "Kevin Shea"}),
    ("calls we lost to a competitor, how many", "count", {"outcome": ("lost_competitor",)}),
    ("storm damage calls how many did rachel do", "count", {"situation": "storm_damage"}),
    ("insurance came up as an objection how many times", "count", {"objection": "insurance"}),
    ("how many times did rachel pull the takeaway close", "count", {"technique": "Takeaway close"}),
    ("whats our close rate on siding director calls", "close_rate", {"trade": "siding"}),
    ("avg closed deal size on the roof calls", "avg_deal_closed", {"trade": "roofing"}),
    ("gutter calls avg minutes on the inspection", "phase:inspection", {"trade": "gutters"}),
    ("director calls in concord how many", "count", {"town": "Concord"}),
]


def gen_analysis(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.analysis_cases(d, rng, SPLIT, CALL_FIGURES, say)


# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-SH-HDZ", "hdz", "price", "what do we charge for a bundle of {item}"),
    ("RF-UL-SYN", "synthetic underlayment", "cost", "what r we paying per roll for {item}"),
    ("GT-GD5", "5in gutter guard", "supplier", "{item} who supplies it"),
    ("SD-FC-PR", "primed hardie", "labour", "install labor on {item}"),
    ("WN-DH", "standard vinyl dh", "margin", "margin we make on one {item}"),
    ("RF-RV", "ridge vent", "markup", "{item} whats our markup"),
    ("GT-DS34", "3x4 downspout", "price", "{item} sell price"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [
    ("WN-PIC", "picture windows", 3, "{qty} {item} whats that come to"),
    ("GT-HG6", "6in hangers", 40, "{qty} {item} total price"),
]
# (sku, squares, template): bundles for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [("RF-SH-DUR", 30, "{squares} squares of duration how many bundles do i order")]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [(1800, 6, 10, "house is {area} sq ft footprint {rise}/12 roof {waste}% waste how many squares")]


def gen_pricing(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (code, name, what, template) in enumerate(CATALOG_ASKS):
        row = be.sku(d, code)
        price, cost = float(row["price"]), float(row["cost"])
        if what == "supplier":
            expect: dict[str, Any] = {"agent": "pricing", "contains": [row["supplier"]]}
        elif what == "margin":
            expect = {"agent": "pricing", "percent": round(100 * (price - cost) / price, 2)}
        elif what == "markup":
            expect = {"agent": "pricing", "percent": round(100 * (price - cost) / cost, 2)}
        else:
            expect = {"agent": "pricing", "money": float(row[what])}
        out.append(case("pricing", f"{SPLIT}:pricing.{what}/{n}", [turn(say(template, {"item": name}, rng), expect)], {"sku": code, "field": what}))
    for n, (code, name, qty, template) in enumerate(CATALOG_TOTALS):
        row = be.sku(d, code)
        text = say(template, {"item": name, "qty": str(qty)}, rng)
        out.append(case("pricing", f"{SPLIT}:pricing.total/{n}", [turn(text, {"agent": "pricing", "money": round(qty * float(row["price"]), 2)})], {"sku": code, "field": "total", "quantity": qty}))
    for n, (code, squares_n, template) in enumerate(CATALOG_SQUARES):
        row = be.sku(d, code)
        units = squares_n / Fraction(row["coverage"])
        assert units.denominator == 1, (code, squares_n)
        out.append(case("pricing", f"{SPLIT}:pricing.bundles/{n}", [turn(say(template, {"squares": str(squares_n)}, rng), {"agent": "pricing", "count": int(units)})], {"sku": code, "squares": squares_n}))
    for n, (area, rise, waste, template) in enumerate(ROOFS):
        squares = round(area * math.sqrt(1 + (rise / 12) ** 2) / 100 * (1 + waste / 100), 2)
        text = say(template, {"area": str(area), "rise": str(rise), "waste": str(waste)}, rng)
        out.append(case("pricing", f"{SPLIT}:pricing.squares/{n}", [turn(text, {"agent": "pricing", "number": {"value": squares, "tol": 1.0, "unit": ["sq", "square"]}})], {"footprint": area, "rise": rise, "waste": waste}))
    return out


WEB_ASKS = [
    "google the permit fee for a reroof in framingham",
    "look online whats going on with asphalt shingle prices this winter",
    "search the web for any rebates on energy star windows in mass",
]


def gen_web(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return [case("web_search", f"{SPLIT}:web_search/{n}", [turn(say(t, {}, rng), {"agent": "web_search", "not_contains": d4.INVENTED})], {}) for n, t in enumerate(WEB_ASKS)]


SCRIPT_ASKS = Turns("scripting", ["sales script for {name} pls", "help me with a script for my sit down w {name}", "put together a pitch script i can use w {name}"])


def gen_scripting(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.scripting_cases(d, rng, SCRIPT_ASKS, say, customers(d), cust_ref, many=3)


# new customers dictated the way a rep types them in the truck
NEW_PEOPLE = [("Bartholomew", "Quackenbush"), ("Philippa", "Wetherell"), ("Ignatius", "Oyelaran")]
NEW_STREETS = ["42 Old Sudbury Rd", "9 Partridge Hill Ln", "310 Boston Post Rd"]
NEW_TOWNS = ["Wayland", "Harvard", "Marlborough"]
NEW_TRADES = [("looking at gutters and guards", "gutter"), ("roof is leaking wants someone out", "roof"), ("wants a window quote", "window")]
NEW_CARDS = Turns("new_clients", [
    "new customer {first} {last} cell {phone} lives at {street} in {town} {trade}",
    "pls add {first} {last} to the crm {phone} {email}",
    "referral from a neighbor {first} {last} {phone} {trade} put em in",
])


def gen_new_clients(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (first, last) in enumerate(NEW_PEOPLE):
        assert not any(c["first_name"] == first or c["last_name"] == last for c in d.customers.values())
        digits = f"{['774', '508', '978'][n % 3]}555{8420 + n * 37:04d}"
        email = f"{first.lower()}.{last.lower()}@{['gmail', 'comcast', 'yahoo'][n % 3]}.{'net' if n % 3 == 1 else 'com'}"
        trade_said, trade_word = NEW_TRADES[n % len(NEW_TRADES)]
        street, town = NEW_STREETS[n], NEW_TOWNS[n]
        tid, template = NEW_CARDS.pick(rng)
        slots = {"first": first, "last": last, "phone": be._phone_text(digits, rng), "email": email, "street": street, "town": town, "trade": trade_said}
        used = {name for _lit, name, _s, _c in string.Formatter().parse(template) if name}
        text = say(template, slots, rng)
        carried = {"email": email, "street": street.rsplit(" ", 1)[0], "town": town, "trade": trade_word}
        expect = {"agent": "new_clients", "contains": [first, last, *(carried[k] for k in ("email", "street", "town", "trade") if k in used)], "phone": digits}
        out.append(case("new_clients", tid, [turn(text, expect)], {"first_name": first, "last_name": last, "phone": digits, "fields": sorted(used)}))
    return out


def gen_bad_input(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = [case("bad_input", f"{SPLIT}:bad_input.gibberish/0", [turn("zxcv bnm ,,, qqq", dict(NO_FORM))], {"kind": "gibberish"})]
    out.append(case("bad_input", f"{SPLIT}:bad_input.focusless/0", [turn("add a note he texted me", {**NO_FORM, **NO_CLAIM})], {"kind": "nothing in focus"}))
    assert 6614 not in d.jobs and not any(j["number"].endswith("-6614") for j in d.jobs.values())
    out.append(case("bad_input", f"{SPLIT}:bad_input.missing_job/0", [turn("6614 they went with us mark it signed", {**NO_FORM, "contains": ["6614"], "not_contains": [*WRITE_CLAIMS, *be.JOB_NUMBER_PREFIXES]})], {"kind": "unknown job", "job": 6614}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = ["pull up {ref}", "{ref} whats the story there", "look up {ref} for me", "{ref} give me the rundown", "got {ref} handy", "check on {ref}"]


def lookup(d: Data, jid: int, rng: random.Random, ref: str | None = None) -> dict[str, Any]:
    """A look-up that puts the job in focus; the answer must carry its stage."""
    return turn(say(rng.choice(LOOKUP), {"ref": ref or job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.stage(jid)]})


SECOND = {
    "phone": ["best # for {obj}", "and {pos} cell phone"],
    "email": ["and {pos} email too pls", "any email for {obj} on there"],
    "address": ["wheres {subj} live", "and the address there"],
    "rep": ["who sold it", "whos the rep on it then"],
    "contract": ["how much did it sell for then", "contract total on it"],
    "note": ["whats the last note say", "anything in the notes"],
    "paid": ["paid so far?", "how much has come in on it"],
    "balance": ["whats left on it", "still a balance?"],
}
JOB_KINDS = d8.JOB_KINDS
second_kinds = d8.second_kinds


def second(d: Data, jid: int, rng: random.Random, kind: str) -> dict[str, Any]:
    cid = cid_of(d, jid)
    return turn(say(rng.choice(SECOND[kind]), pron(d, cid), rng), fact(d, kind, cid, jid if kind in JOB_KINDS else None))


OTHER_JOB = ["what about {pos} other job", "ok and the {trade} job status", "now the {trade}", "other one?"]
ON_OTHER = ["who sold that other one", "whose deal is that other one"]


def gen_followup(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = [j for j in live_jobs(d) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    # a look-up, then two or three questions that point back
    for n, jid in enumerate(pool[:5]):
        kinds = second_kinds(d, jid)
        picked = [kinds[(n + k) % len(kinds)] for k in range(2 + n % 2)]
        turns = [lookup(d, jid, rng), *(second(d, jid, rng, k) for k in picked)]
        out.append(case("followup", f"{SPLIT}:followup.{'_'.join(picked)}", turns, {"customer_id": cid_of(d, jid), "job_id": jid}))
    # one of a customer's two jobs, then "the other job" / "the gutters one", then who has it
    two = [c for c in customers(d) if len(live_jobs_of(d, c)) == 2 and len(d.jobs_of(c)) == 2 and len({d.main_trade(j) for j in live_jobs_of(d, c)}) == 2]
    rng.shuffle(two)
    for n, cid in enumerate(two[:4]):
        a, b = live_jobs_of(d, cid)
        if n % 2:
            a, b = b, a
        trade = d.main_trade(b)
        assert len(d.jobs_by_customer_trade(cid, trade)) == 1 and trade not in d.trades(a)
        other = turn(say(OTHER_JOB[n % len(OTHER_JOB)], {**pron(d, cid), "trade": WORD[trade]}, rng), {**CRM, "contains": [d.stage(b)]})
        rep = turn(say(ON_OTHER[n % len(ON_OTHER)], {}, rng), fact(d, "rep", cid, b))
        first = lookup(d, a, rng, refs_of(d, a)["num"] if n % 2 else refs_of(d, a)["hash"])
        out.append(case("followup", f"{SPLIT}:followup.other_job", [first, other, rep], {"customer_id": cid, "job_id": a, "other_job_id": b}))
    return out


# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("mccarthy", 127, "phone", "town"),
    ("mccarthy", 119, "email", "colleen"),
    ("carter", 107, "address", "denise"),
    ("lynch", 134, "phone", "james"),
    ("castillo", 138, "phone", "town"),
    ("fitzgerald", 112, "email", "trade"),
    ("erica", 131, "phone", "pereira"),
    ("nancy", 126, "address", "ordinal:2"),
    ("kaplan", 128, "rep", "trade"),
]
WHICH_FIRST = {
    "phone": ["{said} phone # real quick", "best number for {said}", "need {said} cell"],
    "email": ["{said} email pls i need it", "{said} email address?"],
    "address": ["{said} address?", "wheres {said} live at"],
    "rep": ["who has {said} as a customer"],
}
BY_TRADE = ["the {trade} customer i mean", "one with {trade}"]
BY_TOWN = ["{town} i think", "the {town} one"]
ORDINAL_SAID = {1: "1st", 2: "second one"}


def gen_clarify(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    by_last, by_first = be._customer_groups(d)
    lasts = {k.lower(): v for k, v in by_last.items()}
    firsts = {k.lower(): v for k, v in by_first.items()}
    out: list[dict[str, Any]] = []
    for n, (said, chosen, field, how) in enumerate(WHICH):
        group = lasts.get(said) or firsts[said]
        key = "first_name" if said in lasts else "last_name"
        text = say(WHICH_FIRST[field][n % len(WHICH_FIRST[field])], {"said": said}, rng)
        options = [d.customers[c][key] for c in group]
        expect = d8.clarify_fact(d, field, chosen)
        subject: dict[str, Any] = {"said": said, "customer_ids": group, "chosen": chosen, "field": field}
        if how == "trade":
            own = [t for t in {t for j in d.jobs_of(chosen) for t in trades_of(d, j["id"])} if not any(t in trades_of(d, j["id"]) for o in group if o != chosen for j in d.jobs_of(o))]
            assert len(own) == 1, (said, own)
            reply = say(BY_TRADE[n % len(BY_TRADE)], {"trade": WORD[own[0]]}, rng)
            subject["reply"] = {"trade": own[0]}
        elif how == "town":
            town = d.customers[chosen]["address"]["city"]
            assert sum(d.customers[o]["address"]["city"] == town for o in group) == 1, (said, town)
            reply = say(BY_TOWN[n % len(BY_TOWN)], {"town": town.lower()}, rng)
            subject["reply"] = {"town": town}
        elif how.startswith("ordinal:"):
            index = int(how.split(":")[1])
            assert index <= len(group) and not set(group) & be.HELDOUT_CUSTOMERS, said
            reply = ORDINAL_SAID[index]
            expect = {"choice": {"index": index, "options": [{"find": [d.customers[c][key]], "expect": d8.clarify_fact(d, field, c)} for c in group]}}
            subject["chosen"] = None
        else:
            assert d.customers[chosen][key].lower() == how, (said, how)
            reply = how
        out.append(case("clarify", f"{SPLIT}:clarify.{field}", [turn(text, {"asks": options}), turn(reply, expect)], subject))
    # one customer, two jobs: which one? answered by the job number
    for cid, template in [(123, "{name} what stage is it in")]:
        ids = live_jobs_of(d, cid)
        jid = ids[1]
        turns = [turn(say(template, name_slots(d, cid, rng), rng), {"asks": job_labels(d, cid)}), turn(f"#{jid}", {**CRM, "contains": [d.stage(jid)]})]
        out.append(case("clarify", f"{SPLIT}:clarify.job.number", turns, {"customer_id": cid, "job_ids": ids, "chosen_job": jid, "field": "stage"}))
    return out


# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("quick q what spacing do we do on gutter hangers", GUTTERS, "hidden hangers every 24 inches"),
    ("unrelated, how fast do we call back web leads", LEADS, "called within 15 minutes during business hours"),
    ("hey whats a bundle of hdz sell for", "pricing:RF-SH-HDZ", None),
    ("side q how many director calls were up in nh", "analysis:state:NH", None),
    ("other thing ho wants to wait til spring what do i say", WAIT, "reserve a spot on the spring schedule"),
    ("btw do we still install 3 tab", SHINGLES, "We no longer install three-tab on full replacements"),
]


def detour(d: Data, rng: random.Random, n: int) -> tuple[dict[str, Any], str, str | None]:
    text, ref, phrase = DETOURS[n % len(DETOURS)]
    return turn(say(text, {}, rng), d8.detour_expect(d, ref, phrase)), ref.removeprefix("pricing:"), phrase


BACK = {
    "phone": "ok anyway whats {pos} phone",
    "email": "ok {last} again, email on file?",
    "rep": "ok back to the customer who sold it",
    "note": "anyway back to it last note",
    "contract": "ok so what did {subj} end up signing for",
    "address": "back to {obj}, wheres the house",
}


def gen_topic_switch(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = [j for j in live_jobs(d) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    for n, jid in enumerate(pool[:6]):
        cid = cid_of(d, jid)
        kinds = second_kinds(d, jid)
        kind = kinds[n % len(kinds)]
        middle, ref, phrase = detour(d, rng, n)
        back = turn(say(BACK[kind], pron(d, cid), rng), fact(d, kind, cid, jid if kind in JOB_KINDS else None))
        out.append(case("topic_switch", f"{SPLIT}:topic_switch.{kind}", [lookup(d, jid, rng), middle, back], {"customer_id": cid, "job_id": jid, "middle": [ref], "phrase": [phrase]}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: writes, in reps' words
# ------------------------------------------------------------------------------------------

YESES = [
    "yep go do it", "yessir", "yea go for it", "ya", "yup exactly that", "perfect yes", "confirmed", "100%", "yes thanks",
    "thats right", "yep", "ok do it thx", "sounds right", "yeah send it", "yes please", "save it", "book it",
    "ya good to go", "yes correct", "yah", "fine yes", "yeah thats good go", "aye", "yes ma'am do it", "ok go ahead",
    "y", "yea do that", "sure thing", "absolutely", "yep yep", "right on", "ok yep",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "hang on dont", "nah forget that", "wait no", "stop dont do that", "never mind dont", "no cancel",
    "nope", "hold that", "no dont do that yet", "scrap that", "no thanks not yet", "wait hold on no", "ignore that",
    "skip it for now", "no dont change anything", "actually no", "lets hold off", "dont save that one pls",
    "nah leave it be for now", "never mind that one", "cancel that one", "no wrong idea",
]
STRAYS = ["thanks", "ok cool", "appreciate it"]

# no weekday or month stems, no times, no "at" before a number: the booking checks read every turn
NOTE_LINES = [
    "gate code is the last four of her cell",
    "dog is friendly but keep the gate closed",
    "he wants the dumpster on the street not the lawn",
    "they might add the garage roof later",
    "she hates the sound of nail guns early",
    "shingle color is still undecided between two",
    "ho is deaf in one ear speak up",
    "park in the side lot not the driveway",
    "neighbor already had us do their roof",
    "they asked about the military discount",
    "the son is handling everything for them",
    "ho wants the old gutters hauled away",
    "flower beds along the front be careful",
    "attic access is in the bedroom closet",
    "he is comparing us against two other outfits",
    "customer asked for a copy of the warranty",
    "front steps are loose watch the crew",
    "ho prefers texts over calls",
    "they are worried about the chimney flashing",
    "she wants to keep the satellite dish",
    "HOA letter still needs to be filed",
    "ho paid for the permit already",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [("wants a black drip edge", "wants a white drip edge"), ("he will pay by check", "he will pay by card")]
NOTE_SAID = [
    "{ref} new note: {note}",
    "{ref} add this as a note {note}",
    "pls note for {ref} that {note}",
    "put in {ref} notes {note}",
    "for {ref} jot down {note}",
    "{ref} quick note {note}",
    "can u add to {ref} that {note}",
    "on {ref} write {note}",
    "so for {ref} the note is {note}",
    "{ref} -- {note} -- add that",
    "log a note on {ref} {note}",
    "leave a note on {ref} that {note}",
]
NOTE_HERE = [
    "and note {note}",
    "add {note} to it",
    "also put down {note}",
    "write in there {note}",
    "throw a note on {note}",
    "stick a note on it {note}",
]
NOTE_FIX = ["no change that to {note}", "sorry i meant {note}"]

# (template, stage the job goes to): stage moves said as news; a reason said with it is not checked
STAGE_SAID = [
    ("{ref} lost it", "Lost"),
    ("{ref} signed today", "Contract Signed"),
    ("{ref} job is finished", "Completed"),
    ("{ref} paid off close it out", "Paid & Closed"),
    ("sent the proposal on {ref}", "Proposal Sent"),
    ("{ref} has an install date now", "Scheduled"),
    ("{ref} crew is on site", "In Progress"),
    ("{ref} put in follow up stage", "Follow Up"),
    ("{ref} back to estimating they want changes", "Estimating"),
    ("{ref} went with someone cheaper mark lost", "Lost"),
    ("{ref} sold! signed contract", "Contract Signed"),
    ("{ref} never called back lost", "Lost"),
]
STAGE_HERE = [
    ("they went another way", "Lost"),
    ("they signed mark it", "Contract Signed"),
    ("its on the schedule now", "Scheduled"),
    ("proposal went out to {obj}", "Proposal Sent"),
    ("crew started today", "In Progress"),
    ("job is done mark complete", "Completed"),
    ("{subj} needs time, move to follow up", "Follow Up"),
    ("lost that one", "Lost"),
]
# (said first, the correction with the stage as a slot, stage it goes to)
STAGE_FIXES = [
    ("{ref} lost, update it", "no wait not lost, {stage}", "Follow Up"),
    ("{ref} proposal is out", "no sorry they signed, {stage}", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev10_set's reader (test_dev11_set checks)
WHEN_TYPED = [
    ("wed 11/25 10:30am", "2026-11-25T10:30"),
    ("tomorrow 2pm", "2026-11-24T14:00"),
    ("fri 11/27 at 3", "2026-11-27T15:00"),
    ("next tues at 10", "2026-12-01T10:00"),
    ("dec 1 at 1:30", "2026-12-01T13:30"),
    ("the 4th at noon", "2026-12-04T12:00"),
    ("12/3 at 4:15", "2026-12-03T16:15"),
    ("mon the 7th at 11", "2026-12-07T11:00"),
    ("tue dec 8 2pm", "2026-12-08T14:00"),
    ("10 am on 12/9", "2026-12-09T10:00"),
    ("thursday 12/10 at 9:30", "2026-12-10T09:30"),
    ("fri dec 11 at 3 pm", "2026-12-11T15:00"),
    ("tmrw at 8:30", "2026-11-24T08:30"),
    ("day after tmrw 11am", "2026-11-25T11:00"),
    ("mon 11/30 at 2", "2026-11-30T14:00"),
    ("tues the 1st 9am", "2026-12-01T09:00"),
    ("12/2 at three in the afternoon", "2026-12-02T15:00"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [("can we do {t} instead", "11:30", "11:30"), ("bump it to {t}", "3 pm", "15:00"), ("she asked for {t}", "9am", "09:00"), ("make it {t} not that", "at 1", "13:00")]
DAY_FIXES = [("switch the day to {t}, same time", "wed the 9th", "2026-12-09"), ("{t} instead same time", "12/15", "2026-12-15")]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("inspection", "inspection"), ("estimate", "estimate")],
    "Estimating": [("measure", "measure"), ("inspection", "inspection")],
    "Proposal Sent": [("proposal review", "proposal"), ("follow up", "follow")],
    "Follow Up": [("follow up", "follow"), ("visit", "")],
    "Contract Signed": [("install", "install"), ("color selection", "color")],
    "Scheduled": [("install", "install"), ("walkthrough", "walkthrough")],
    "In Progress": [("final walkthrough", "walkthrough"), ("site visit", "")],
}
BOOK_SAID = [
    "pencil {ref} in for {akind} {when}",
    "{ref} {kind} {when} pls book",
    "pls put {ref} on for {akind} {when}",
    "schedule {ref} {when} {kind}",
    "{ref} wants {akind} {when} lock it in",
    "get {akind} on the books for {ref} {when}",
    "{when} {kind} for {ref}",
    "set up {akind} {when} with {ref}",
]
BOOK_HERE = [
    "book {akind} {when}",
    "{akind} {when} for {obj}",
    "get {obj} on the cal {when} for {akind}",
    "schedule {akind} there {when}",
]
BACK_TO = ["ok back to {last} ", "anyway on {pos} job ", "ok so that one "]
JOB_FIX = ["sorry the {right} job not that one", "wrong one, the {right} not {wrong}"]
# moving a visit on the calendar, called off before the yes
MOVE_SAID = ["slide {ref} {visit} over to {when}", "{ref} needs the {visit} pushed to {when}", "reschedule {pos} {visit} to {when}"]
VISIT_WORD = d8.VISIT_WORD
KINDS = d9.KINDS
STAGE_TARGETS = d9.STAGE_TARGETS
# the stages the direct stage writes go to, the ones the other writes reach less often first
DIRECT_TARGETS = ["Completed", "Paid & Closed", "Estimating", "Scheduled", "In Progress"]


class Writer(d9.Writer):
    """build_dev9's writer (the counters that keep the phrasings, the notes, the times and the
    ways of naming the job turning over) with dev11's words and dev11's jobs."""

    def __init__(self, d: Data, rng: random.Random, offset: int = 0) -> None:
        super().__init__(d, rng, offset)
        self.whens = WHEN_TYPED[offset % len(WHEN_TYPED):] + WHEN_TYPED[: offset % len(WHEN_TYPED)]
        self.pool = open_jobs(d)
        rng.shuffle(self.pool)

    def yes(self) -> str:
        return YESES[self.tick("yes") % len(YESES)]

    def off(self) -> str:
        return CALL_OFFS[self.tick("off") % len(CALL_OFFS)]

    def note(self, jid: int, *, here: bool = False, line: str | None = None, ref: str | None = None) -> tuple[str, str, dict[str, Any]]:
        line = line or NOTE_LINES[self.tick("note") % len(NOTE_LINES)]
        pool = NOTE_HERE if here else NOTE_SAID
        n = self.tick("note_t") % len(pool)
        text = say(pool[n], {**self.slots(jid), "ref": ref or self.ref(jid)[1], "note": line}, self.rng)
        return f"{SPLIT}:write.note{'.here' if here else ''}/{n}", text, {"note_on_job": jid, "contains": line}

    def stage_pick(self, *, here: bool = False, jid: int | None = None) -> tuple[int, int, str, str]:
        d = self.d
        pool = STAGE_HERE if here else STAGE_SAID
        for shift in range(len(pool)):
            k = (self.n["stage"] + shift) % len(pool)
            template, stage = pool[k]
            fits = [j for j in live_jobs(d) if d.stage(j) in STAGE_FROM[stage]] if jid is None else ([jid] if d.stage(jid) in STAGE_FROM[stage] else [])
            if not fits:
                continue
            self.n["stage"] += shift + 1
            return fits[self.n["stage"] % len(fits)], k, template, stage
        raise AssertionError(f"no stage request fits {jid}")

    def stage(self, *, here: bool = False, jid: int | None = None) -> tuple[int, str, str, dict[str, Any]]:
        chosen, k, template, stage = self.stage_pick(here=here, jid=jid)
        text = say(template, {**self.slots(chosen), "ref": self.ref(chosen)[1]}, self.rng)
        return chosen, f"{SPLIT}:write.stage{'.here' if here else ''}/{k}", text, {"stage_of_job": chosen, "stage": stage}

    def stage_to(self, jid: int, stage: str, ref: str) -> tuple[str, str, dict[str, Any]]:
        ks = [k for k, (_t, st) in enumerate(STAGE_SAID) if st == stage]
        self.said_to[stage] = self.said_to.get(stage, -1) + 1
        k = ks[self.said_to[stage] % len(ks)]
        text = say(STAGE_SAID[k][0], {**self.slots(jid), "ref": ref}, self.rng)
        return f"{SPLIT}:write.stage/{k}", text, {"stage_of_job": jid, "stage": stage}

    def book(self, jid: int, *, here: bool = False, when: tuple[str, str] | None = None, ref: str | None = None) -> tuple[str, str, dict[str, Any]]:
        k = self.tick("book")
        said, start = when or self.when(jid)
        kind, title = VISITS[self.d.stage(jid)][k % 2]
        pool = BOOK_HERE if here else BOOK_SAID
        n = k % len(pool)
        slots = {**self.slots(jid), "ref": ref or self.ref(jid)[1], "when": said, "kind": kind, "akind": article(kind)}
        text = say(pool[n], slots, self.rng)
        return f"{SPLIT}:write.book{'.here' if here else ''}/{n}", text, {"appointment_on_job": jid, "start": start, "title_contains": title}


def stage_ok(d: Data, jid: int) -> bool:
    return any(d.stage(jid) in STAGE_FROM[s] for _t, s in STAGE_HERE)


WHICH_ASKS = {"note": "{name} add note {note}", "stage": "{name} signed the contract", "book": "book {name} {akind} {when}"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "its for the {x} job", "number": "{x} that one", "stage": "its the one in {x}"}


def which_reply(d: Data, cid: int, jid: int, how: str) -> tuple[str, str]:
    """(how, reply) naming one of a customer's jobs: by its own trade, its number or its stage."""
    others = [j for j in live_jobs_of(d, cid) if j != jid]
    own = [t for t in trades_of(d, jid) if not any(t in trades_of(d, o) for o in others)]
    if how == "trade" and not own:
        how = "number"
    if how == "stage" and any(d.stage(o) == d.stage(jid) for o in others):
        how = "number"
    x = {"trade": WORD[own[0]] if own else "", "number": f"#{jid}", "stage": d.stage(jid).lower()}[how]
    return how, WHICH_REPLY[how].format(x=x)


def two_open_job_customers(d: Data, stage: str | None = None) -> list[int]:
    """build_dev8's customers with two or more open jobs, the dev customers alone."""
    people = set(customers(d))
    return [c for c in d8.two_open_job_customers(d, stage) if c in people]


def gen_write(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Writer(d, rng)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any], checks: list[dict[str, Any]]) -> None:
        out.append(case("write", tid, turns, subject, checks))

    # named in the request, then confirmed: every way of naming the job, every stage a job goes to
    for k in range(14):
        kind = KINDS[k % 3]
        style = REF_STYLES[(k + 1) % len(REF_STYLES)]
        if kind == "stage":
            target = DIRECT_TARGETS[(k // 3) % len(DIRECT_TARGETS)]
            fits = [j for j in live_jobs(d) if d.stage(j) in STAGE_FROM[target]]
            named = [j for j in fits if style in refs_of(d, j)] or fits
            jid = named[k % len(named)]
            ref = styled(d, jid, style)
            tid, text, check = w.stage_to(jid, target, ref[1])
        else:
            jid = w.next_job(style)
            ref = styled(d, jid, style)
            jid, tid, text, check = w.make(kind, jid=jid, ref=ref)
        add(tid, [turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "ref_style": ref[0], "ref": ref[1], "shape": "direct"}, [check])

    # a look-up first, then the write points back ("it", "that one", "him")
    for k in range(4):
        kind = KINDS[k % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "note"
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        add(tid, [lookup(d, jid, rng), turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "shape": "after_lookup"}, [check])

    # two look-ups, then the write
    for k in range(2):
        kind = KINDS[(k + 1) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "book"
        kinds = second_kinds(d, jid)
        asked = second(d, jid, rng, kinds[k % len(kinds)])
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        add(tid, [lookup(d, jid, rng), asked, turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "shape": "after_two_lookups"}, [check])

    # a detour to the playbook, the catalog or the calls, then back to the job to write
    for k in range(2):
        kind = KINDS[(k + 2) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "note"
        middle, ref, phrase = detour(d, rng, k)
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        back = say(BACK_TO[k % len(BACK_TO)], w.slots(jid), rng) + " " + text
        turns = [lookup(d, jid, rng), middle, turn(back), turn(w.yes(), done([check]))]
        add(tid.replace(".here/", ".back/"), turns, {"job_id": jid, "kind": kind, "shape": "after_detour", "middle": [ref], "phrase": [phrase]}, [check])

    # two writes in one conversation on the same job
    for k in range(2):
        jid = w.next_job()
        if k % 2 and stage_ok(d, jid):
            _j, _t1, text1, first = w.make("stage", here=True, jid=jid)
            _j, _t2, text2, then = w.make("note", here=True, jid=jid)
            shape = "stage+note"
        else:
            _j, _t1, text1, first = w.make("note", here=True, jid=jid)
            _j, _t2, text2, then = w.make("book", here=True, jid=jid)
            shape = "note+book"
        turns = [lookup(d, jid, rng), turn(text1), turn(w.yes(), done([first])), turn(text2), turn(w.yes(), done([then]))]
        add(f"{SPLIT}:write.two/{shape.replace('+', '_')}", turns, {"job_id": jid, "kind": shape, "shape": "two_writes"}, [first, then])

    # a customer with two open jobs named alone: Hard-E asks which, the rep says, then confirms
    for k, (kind, how) in enumerate([("note", "trade"), ("stage", "number"), ("book", "stage"), ("note", "number")]):
        people = two_open_job_customers(d, WHICH_STAGE if kind == "stage" else None)
        cid = people[(k + 2) % len(people)]
        options = live_jobs_of(d, cid)
        jid = options[k % len(options)]
        name = rng.choice(be.customer_name_refs(d, cid))
        slots = {"name": name, "pname": possessive(name), **pron(d, cid)}
        if kind == "stage":
            check: dict[str, Any] = {"stage_of_job": jid, "stage": WHICH_STAGE}
        elif kind == "note":
            slots["note"] = NOTE_LINES[w.tick("note") % len(NOTE_LINES)]
            check = {"note_on_job": jid, "contains": slots["note"]}
        else:
            said, start = w.when(jid)
            slots.update(akind="appt", when=said)
            check = {"appointment_on_job": jid, "start": start, "title_contains": ""}
        how, reply = which_reply(d, cid, jid, how)
        turns = [turn(say(WHICH_ASKS[kind], slots, rng), {"asks": job_labels(d, cid)}), turn(reply), turn(w.yes(), done([check]))]
        add(f"{SPLIT}:write.{kind}.which/{how}", turns, {"job_id": jid, "kind": kind, "customer_id": cid, "job_ids": options, "reply": how}, [check])

    # corrected before the yes: the crm_after is the corrected write only
    for fix, said_t, hhmm in TIME_FIXES[:2]:
        jid = w.next_job()
        said, start = w.when(jid)
        moved = f"{start[:10]}T{hhmm}"
        if moved == start or busy(d, jid, dt.datetime.fromisoformat(moved)):
            said, start = next((s, t) for s, t in WHEN_TYPED if t[11:] != hhmm and not busy(d, jid, dt.datetime.fromisoformat(t)) and not busy(d, jid, dt.datetime.fromisoformat(f"{t[:10]}T{hhmm}")))
            moved = f"{start[:10]}T{hhmm}"
        _t, text, check = w.book(jid, when=(said, start))
        check = {**check, "start": moved}
        add(f"{SPLIT}:write.fixed/time", [turn(text), turn(say(fix, {"t": said_t}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "book", "fixed": "time", "said_start": start}, [check])
    for fix, said_d, day in DAY_FIXES:
        jid = w.next_job()
        said, start = w.when(jid)
        if start[:10] == day or busy(d, jid, dt.datetime.fromisoformat(f"{day}T{start[11:]}")):
            said, start = next((s, t) for s, t in WHEN_TYPED if t[:10] != day and not busy(d, jid, dt.datetime.fromisoformat(t)) and not busy(d, jid, dt.datetime.fromisoformat(f"{day}T{t[11:]}")))
        _t, text, check = w.book(jid, when=(said, start))
        check = {**check, "start": f"{day}T{start[11:]}"}
        add(f"{SPLIT}:write.fixed/day", [turn(text), turn(say(fix, {"t": said_d}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "book", "fixed": "day", "said_start": start}, [check])
    lines = [n for n in NOTE_LINES if not any(stem in n for stem in d8.TRADE_STEMS)]
    people = set(customers(d))
    pairs = list({cid_of(d, p[0]): p for p in d8.two_trade_pairs(d) if cid_of(d, p[0]) in people}.values())
    for k, (meant, first, right, wrong) in enumerate(pairs[1:3]):
        line = lines[(k * 7 + 2) % len(lines)]
        ref = refs_of(d, first)["full"]
        _t, text, _wrong = w.note(first, line=line, ref=ref)
        check = {"note_on_job": meant, "contains": line}
        fix = say(JOB_FIX[k % len(JOB_FIX)], {"right": right, "wrong": wrong}, rng)
        add(f"{SPLIT}:write.fixed/job", [turn(text), turn(fix), turn(w.yes(), done([check]))], {"job_id": meant, "other_job_id": first, "kind": "note", "fixed": "job"}, [check])
    for k, (said_first, instead) in enumerate(NOTE_FIXES):
        jid = w.next_job()
        _t, text, _first = w.note(jid, line=said_first)
        check = {"note_on_job": jid, "contains": instead}
        add(f"{SPLIT}:write.fixed/note", [turn(text), turn(say(NOTE_FIX[k % len(NOTE_FIX)], {"note": instead}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "note", "fixed": "note", "said_first": said_first}, [check])
    for k, (first_said, fix, stage) in enumerate(STAGE_FIXES):
        said_stage = "Lost" if k == 0 else "Proposal Sent"
        fits = [j for j in live_jobs(d) if d.stage(j) in STAGE_FROM[stage] and d.stage(j) in STAGE_FROM[said_stage]]
        jid = fits[(k * 3 + 2) % len(fits)]
        check = {"stage_of_job": jid, "stage": stage}
        text = say(first_said, {"ref": w.ref(jid)[1]}, rng)
        add(f"{SPLIT}:write.fixed/stage", [turn(text), turn(say(fix, {"stage": stage.lower()}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "stage", "fixed": "stage"}, [check])
    return out


def future_visits(d: Data, jid: int) -> list[dict[str, Any]]:
    return [a for a in d5.future_appointments(d, jid) if a["title"] in VISIT_WORD]


def gen_called_off(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    """Writes called off, most of them with a "yes" said later that must write nothing."""
    out: list[dict[str, Any]] = []
    w = Writer(d, rng, offset=5)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any]) -> None:
        out.append(case("called_off", tid, turns, subject, [{"unchanged": True}]))

    def yes() -> dict[str, Any]:
        return turn(w.yes(), dict(NO_CLAIM))

    def short(tid: str) -> str:
        return tid.removeprefix(SPLIT + ":")

    # called off, then a yes
    for k in range(6):
        kind = KINDS[k % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        add(f"{SPLIT}:called_off.off_yes/{short(tid)}", [turn(text), turn(said, dict(NO_CLAIM)), yes()], {"job_id": jid, "kind": kind, "call_off": said, "shape": "off_yes"})
    # a look-up, the write on it, called off, then a yes
    for k in range(4):
        kind = KINDS[(k + 1) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "book"
        jid, tid, text, _check = w.make(kind, here=True, jid=jid)
        said = w.off()
        add(f"{SPLIT}:called_off.after_lookup/{short(tid)}", [lookup(d, jid, rng), turn(text), turn(said, dict(NO_CLAIM)), yes()], {"job_id": jid, "kind": kind, "call_off": said, "shape": "off_yes"})
    # dropped for a new request (a look-up of another job), then a yes
    for k in range(4):
        kind = KINDS[(k + 2) % 3]
        jid, tid, text, _check = w.make(kind)
        other = next(j for j in w.pool[k * 3:] + w.pool if j != jid and cid_of(d, j) != cid_of(d, jid))
        new = lookup(d, other, rng, refs_of(d, other)[NUMBER_STYLES[k % len(NUMBER_STYLES)]])
        add(f"{SPLIT}:called_off.new_request/{short(tid)}", [turn(text), new, yes()], {"job_id": jid, "other_job_id": other, "kind": kind, "call_off": new["text"], "shape": "new_request"})
    # called off, a word of thanks, then a yes
    for k in range(2):
        kind = KINDS[(k + 1) % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        turns = [turn(text), turn(said, dict(NO_CLAIM)), turn(STRAYS[k % len(STRAYS)], dict(NO_CLAIM)), yes()]
        add(f"{SPLIT}:called_off.off_ok_yes/{short(tid)}", turns, {"job_id": jid, "kind": kind, "call_off": said, "shape": "off_yes"})
    # a booking, its time corrected, called off, then a yes
    for k in range(2):
        jid = w.next_job()
        _t, text, _check = w.book(jid, when=w.when(jid))
        said = w.off()
        fix, said_t, _hhmm = TIME_FIXES[(k + 3) % len(TIME_FIXES)]
        turns = [turn(text), turn(say(fix, {"t": said_t}, rng)), turn(said, dict(NO_CLAIM)), yes()]
        add(f"{SPLIT}:called_off.after_fix/book", turns, {"job_id": jid, "kind": "book", "call_off": said, "shape": "off_yes"})
    # moving a visit on the calendar, called off, then a yes
    movable = [j for j in open_jobs(d) if future_visits(d, j)]
    rng.shuffle(movable)
    for k, jid in enumerate(movable[:3]):
        a = future_visits(d, jid)[0]
        said_when, _start = w.when(jid)
        slots = {**w.slots(jid), "ref": w.ref(jid)[1], "visit": VISIT_WORD[a["title"]], "when": said_when}
        template = MOVE_SAID[k % len(MOVE_SAID)]
        turns = [turn(say(template, slots, rng))]
        if k % 2 or "{pos}" in template:
            turns.insert(0, lookup(d, jid, rng))
        said = w.off()
        turns += [turn(said, dict(NO_CLAIM)), yes()]
        add(f"{SPLIT}:called_off.move/{k}", turns, {"job_id": jid, "kind": "move", "appointment_id": a["id"], "call_off": said, "shape": "off_yes"})
    # called off, nothing after
    for k in range(1):
        kind = KINDS[(k + 2) % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        add(f"{SPLIT}:called_off.off/{short(tid)}", [turn(text), turn(said, dict(NO_CLAIM))], {"job_id": jid, "kind": kind, "call_off": said, "shape": "off"})
    return out


# ------------------------------------------------------------------------------------------
# the files
# ------------------------------------------------------------------------------------------

DEV_SET = be.DevSet(SPLIT, SEED, globals(), HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
