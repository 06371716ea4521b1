"""Builds dev8, an eighth development set for the understanding layer, weighted to the playbook
(objections, financing, warranties, materials, the process, asked with the knowledge base's own
facts as the facts a right answer carries), the director's 90 calls (counts, close rates, what
Rachel said on one call), pricing (squares, waste, materials, margins, counts of pieces) and CRM
fields (phone, email, address, balance, deposit, contract, stage, rep, the calendar by day,
range, rep and kind of visit, a rep's open jobs); and conversations weighted to writes in the
middle of a conversation (notes, stage moves, bookings; the job named by pronoun, trade, town or
number in every form; confirmed in varied words or called off, a move of a visit called off too;
corrected before the yes), follow-ups, clarifications answered by first name, trade, town or
position, and detours to the playbook and back. Every expected fact is computed here from
data/demo (the CRM seed, the knowledge base, the director's call transcripts, the catalog),
never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev8.py [--out DIR]

Writes dev8/questions.jsonl and dev8/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev7 (see build_eval.py and
bench/understanding.py); the data loading and the fact helpers are build_eval's, build_dev3's
and build_dev5's, and every phrasing is dev8's own. The clock is pinned at Monday 2026-11-23
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
    SARAH,
    STAGE_FROM,
    WORD,
    article,
    busy,
    cid_of,
    customers,
    fact,
    job_labels,
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
    TERMS,
    THINK,
    UNDER,
    VENT,
    VINYL,
    WAIT,
    WARRANTY,
    WINDOWS,
)

SPLIT = "dev8"
SEED = f"{be.SEED}/dev8"
NOW = be.NOW


# ------------------------------------------------------------------------------------------
# how reps type, dev8's layer
# ------------------------------------------------------------------------------------------

# (pattern, shorthand, how often): applied to the template's own words, never to a slot
SHORT = [
    (r"\bare\b", "r", 0.3),
    (r"\byour\b", "ur", 0.3),
    (r"\bgoing to\b", "gonna", 0.4),
    (r"\bbecause\b", "bc", 0.4),
    (r"\bpeople\b", "ppl", 0.4),
    (r"\bbefore\b", "b4", 0.3),
    (r"\bcustomer\b", "cust", 0.25),
    (r"\bwhat is\b", "whats", 0.5),
    (r"\bokay\b", "ok", 0.5),
    (r"\bthe\b", "", 0.12),
    (r"\bis\b", "", 0.1),
]


# build_eval's render (shorthand, one typo, lower case) after dev8's own shortening of the
# template's words ("r", "ur", "b4", a dropped "the" or "is"); slot values are left as they are.
say = ds.typist(SHORT)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn from a random start, named as dev8's."""

    split = "dev8"


# ------------------------------------------------------------------------------------------
# naming a job, every way
# ------------------------------------------------------------------------------------------

# first names a rep would not write a command around: "mark paid in full" reads as the verb
VERB_NAMES = frozenset({"Mark"})
REF_STYLES = (
    "full", "num", "last_trade", "hash", "first", "long", "possessive", "town", "jobno",
    "last_town", "the_num", "trade_town",
)
NUMBER_STYLES = ("num", "hash", "long", "jobno", "the_num")


def town_of(d: Data, jid: int) -> str:
    return str(d.jobs[jid]["address"]["city"])


def town_alone(d: Data, jid: int, trade: str) -> bool:
    """Whether this job is the one job of this trade in its town (over every customer, archived
    jobs too: a name that also fits an old job is not the job's alone)."""
    town = town_of(d, jid)
    same = [j for j in d.jobs if town_of(d, j) == town and trade in d.trades(j)]
    return same == [jid]


def last_town_alone(d: Data, jid: int) -> bool:
    """Whether this job is the one job of anyone with this last name in its town (archived too)."""
    last, town = d.customers[cid_of(d, jid)]["last_name"], town_of(d, jid)
    same = [j for j, job in d.jobs.items() if town_of(d, j) == town and d.customers[job["customer_id"]]["last_name"] == last]
    return same == [jid]


def refs_of(d: Data, jid: int) -> dict[str, str]:
    """dev8's names for one job alone, by style: the customer's whole or first name (one job to
    their name), a possessive or the last name with the trade, the last name and the town, the
    trade and the town, and the number as reps type it."""
    cid = cid_of(d, jid)
    c = d.customers[cid]
    first, last = c["first_name"], c["last_name"]
    out: dict[str, str] = {}
    one_job = len(d.jobs_of(cid)) == 1
    by_first = d.unique_first(cid) and first not in VERB_NAMES
    if one_job:
        out["full"] = f"{first} {last}"
        if by_first:
            out["first"] = first
    for trade in trades_of(d, jid):
        if len(d.jobs_by_customer_trade(cid, trade)) == 1:
            if by_first:
                out.setdefault("possessive", f"{possessive(first)} {WORD[trade]}")
            out.setdefault("full", f"{first} {last} {ONE[trade]} job")
        if len(d.jobs_by_last_trade(last, trade)) == 1:
            out.setdefault("last_trade", f"{last} {WORD[trade]}")
        if town_alone(d, jid, trade):
            out.setdefault("town", f"the {town_of(d, jid)} {WORD[trade]}")
            out.setdefault("trade_town", f"the {ONE[trade]} job in {town_of(d, jid)}")
    if last_town_alone(d, jid):
        out["last_town"] = f"{last} in {town_of(d, jid)}"
    out["num"] = str(jid)
    out["hash"] = f"#{jid}"
    out["long"] = d.jobs[jid]["number"]
    out["jobno"] = f"job no {jid}"
    out["the_num"] = f"the {jid} job"
    return out


def styled(d: Data, jid: int, style: str) -> tuple[str, str]:
    """(style used, text): the style asked for, or the job number when the job has no such name."""
    refs = refs_of(d, jid)
    if style in refs:
        return style, refs[style]
    fallback = NUMBER_STYLES[jid % len(NUMBER_STYLES)]
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
        "need {pname} cell number asap",
        "{name} - phone number?",
        "best # to reach {name} at",
        "calling {name} back, what number",
        "do we have a phone for {name}",
        "{pname} mobile",
        "ph# {name}",
    ]),
    "email": Turns("crm.contact.email", [
        "{name} - email we have on file",
        "{name} email addy pls",
        "sending {name} the contract - email?",
        "email for {name}??",
    ]),
    "address": Turns("crm.contact.address", [
        "whats the street address for {name}",
        "{pname} house - where is it",
        "address on {name} for the gps",
        "where does {name} live exactly",
    ]),
    "home": Turns("crm.contact.home", ["home phone for {name}", "{pname} home # not the cell"]),
}
BY_JOB = Turns("crm.contact.by_job", ["homeowner number on {job}", "{job} - who do i call and whats the number"])


def gen_contact(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = customers(d)
    rng.shuffle(pool)
    kinds = ["phone", "email", "address", "phone", "home", "address", "email", "phone", "address", "phone", "email", "home", "phone", "address", "email", "phone"]
    homes = [c for c in pool if d3.fact(d, "home", c) is not None][: kinds.count("home")]
    others = [c for c in pool if c not in homes]
    for kind in kinds:
        cid = homes.pop(0) if kind == "home" else others.pop(0)
        tid, template = ASK[kind].pick(rng)
        text = say(template, name_slots(d, cid, rng), rng)
        out.append(case("crm.contact", tid, [turn(text, fact(d, kind, cid))], {"customer_id": cid, "field": kind}))
    for jid in rng.sample(live_jobs(d), 2):
        tid, template = BY_JOB.pick(rng)
        text = say(template, {"job": refs_of(d, jid)[rng.choice(NUMBER_STYLES)]}, rng)
        out.append(case("crm.contact", tid, [turn(text, fact(d, "phone", cid_of(d, jid)))], {"customer_id": cid_of(d, jid), "job_id": jid, "field": "phone"}))
    return out


STAGE_ASK = Turns("crm.status", [
    "whats the stage on {job}",
    "{job} - where is it at",
    "where we at w {job}",
    "{job} what stage pls",
    "is {job} sold or still open",
    "what column is {job} sitting in",
    "quick status {job}",
    "update me on {job}, what stage",
])
REP_ASK = Turns("crm.rep", ["who is the rep for {job}", "{job} whose deal is it", "who sold {job} again", "{job} - which rep has it"])
CUSTOMER_REP_ASK = Turns("crm.rep.customer", ["who is {pname} rep", "{name} - whose customer"])
NOTE_ASK = Turns("crm.notes", ["newest note for {job}?", "{job} newest note pls", "what does the newest note say on {job}", "{job} - whats the most recent note"])


def gen_status(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    pool = [j for j in jobs(d) if not d.jobs[j]["archived"]]
    rng.shuffle(pool)
    out = []
    for jid in pool[:12]:
        tid, template = STAGE_ASK.pick(rng)
        out.append(case("crm.status", tid, [turn(say(template, {"job": job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.stage(jid)]})], {"job_id": jid}))
    return out


def gen_rep(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    pool = live_jobs(d)
    rng.shuffle(pool)
    out = []
    for jid in pool[:5]:
        tid, template = REP_ASK.pick(rng)
        out.append(case("crm.rep", tid, [turn(say(template, {"job": job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.rep(jid)]})], {"job_id": jid}))
    single = [c for c in customers(d) if d3.fact(d, "customer_rep", c) is not None]
    for cid in rng.sample(single, 2):
        tid, template = CUSTOMER_REP_ASK.pick(rng)
        out.append(case("crm.rep", tid, [turn(say(template, name_slots(d, cid, rng), rng), fact(d, "customer_rep", cid))], {"customer_id": cid}))
    return out


def gen_notes(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    pool = [j for j in live_jobs(d) if d.notes_of(j)]
    rng.shuffle(pool)
    out = []
    for jid in pool[:6]:
        note = d.notes_of(jid)[0]
        tid, template = NOTE_ASK.pick(rng)
        text = say(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.notes", tid, [turn(text, {**CRM, "contains": [be._note_phrase(note["note"])]})], {"job_id": jid, "note_id": note["id"]}))
    return out


MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["sold price on {job}?", "{job} contract total?", "contract value on {job}"]),
    "balance": Turns("crm.money.balance", ["balance left on {job}", "{job} - anything outstanding", "how much is still open on {job}"]),
    "paid": Turns("crm.money.paid", ["{job} - how much have we collected", "payments in so far on {job}"]),
    "proposal": Turns("crm.money.proposal", ["what was the proposal total on {job}", "{job} quote amount"]),
    "deposit": Turns("crm.money.deposit", ["how big was the deposit on {job}", "{job} deposit amount taken"]),
}


def gen_money(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for kind, quota in {"balance": 4, "deposit": 3, "contract": 4, "paid": 2, "proposal": 3}.items():
        pool = [j for j in jobs(d) if not d.jobs[j]["archived"] and kind in d.money_facts(j) and d3.fact(d, kind, cid_of(d, j), j)]
        for jid in rng.sample(pool, min(quota, len(pool))):
            tid, template = MONEY_ASK[kind].pick(rng)
            text = say(template, {"job": job_ref(d, jid, rng)}, rng)
            out.append(case("crm.money", tid, [turn(text, fact(d, kind, cid_of(d, jid), jid))], {"job_id": jid, "field": kind}))
    return out


INSTALL_ASK = Turns("crm.dates.install", ["when does {job} get installed", "{job} install day, when"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} - whats the next appt", "when are we back out on {job}", "next visit for {job}?"])
NEXT_ASK = Turns("crm.dates.next_customer", ["when is my next appt w {name}", "{name} next visit when", "do i have anything coming up with {name}"])


def gen_dates(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    pools = (jobs(d), live_jobs(d), customers(d))
    return ds.dates_cases(d, rng, (INSTALL_ASK, NEXT_JOB_ASK, NEXT_ASK), say, job_ref, name_slots, pools, (2, 3, 3))


# (first day, last day, user or None, kind of visit or None, text); a kind is a word of the title
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-24", "2026-11-24", None, None, "tmrws calendar - everything thats booked"),
    ("2026-11-30", "2026-11-30", None, None, "whats on for mon 11/30"),
    ("2026-12-09", "2026-12-09", None, None, "wed the 9th - how many appts"),
    ("2026-12-14", "2026-12-15", None, None, "appts 12/14 and 12/15 total"),
    ("2026-11-23", "2026-11-29", None, None, "from today thru sunday whats on the books"),
    ("2026-12-01", "2026-12-04", None, None, "tues thru fri next week, appts?"),
    ("2026-12-09", "2026-12-09", 12, None, "dana 12/9 - her schedule"),
    ("2026-12-07", "2026-12-07", 16, None, "what does sullivan have monday the 7th"),
    ("2026-11-23", "2026-11-29", 11, None, "mike reeds appts this wk"),
    ("2026-12-14", "2026-12-14", 13, None, "kevin 12/14 whats he doing"),
    ("2026-11-30", "2026-12-06", None, "install", "how many installs are on the board next week"),
    ("2026-12-07", "2026-12-07", None, "walkthrough", "walkthroughs on 12/7, how many"),
    ("2026-12-14", "2026-12-14", None, "inspection", "inspections booked dec 14?"),
    ("2026-12-03", "2026-12-03", None, "install", "any installs starting thurs dec 3"),
]


def calendar_of(d: Data, first: str, last: str, uid: int | None, kind: str | None) -> list[dict[str, Any]]:
    appts = d.appointments_between(dt.date.fromisoformat(first), dt.date.fromisoformat(last), user=uid)
    return [a for a in appts if kind is None or kind in a["title"].lower()]


def gen_calendar(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (first, last, uid, kind, template) in enumerate(CALENDAR_ASKS):
        appts = calendar_of(d, first, last, uid, kind)
        subject: dict[str, Any] = {"from": first, "to": last, "user_id": uid}
        if kind:
            subject["title_has"] = kind
        out.append(case("crm.calendar", f"{SPLIT}:crm.calendar/{n}", [turn(say(template, {}, rng), be.calendar_expect(d, appts))], subject))
    return out


REP_OPEN = [
    (11, "mike reeds open jobs rn"),
    (12, "what does dana have open - list them"),
    (13, "kevin shea open job count"),
    (12, "# of open jobs for whitaker"),
    (11, "reed - whats still open for him"),
]


def gen_rep_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.rep_jobs_cases(d, rng, SPLIT, REP_OPEN, say, counting=("how many", "count", "# of"))


STAGE_LISTS = [
    ("Estimating", "whats sitting in estimating rn"),
    ("Scheduled", "list every job thats scheduled"),
    ("In Progress", "jobs w crews on them now - the in progress list"),
    ("Paid & Closed", "paid n closed jobs, which ones"),
    ("Lead", "which jobs are still just leads"),
    ("Follow Up", "give me the follow up stage jobs"),
]


def gen_stage_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.stage_jobs_cases(d, rng, SPLIT, STAGE_LISTS, say)


# ------------------------------------------------------------------------------------------
# single questions: knowledge and the playbook
# ------------------------------------------------------------------------------------------


# (document, question, key phrase copied from the section that answers it); every other document
# that carries the same phrase is accepted too (found, not listed by hand)
PLAYBOOK: list[tuple[str, str, str]] = [
    # objections
    (PRICE, "whats the per month breakdown line for a 16800 roof", "$47 a month"),
    (PRICE, "ho waves a cheaper quote at me, how do i compare", "compare line by line, not company to company"),
    (PRICE, "ok if i tell them let me call my manager?", "theatre move"),
    (PRICE, "price pushback - whats step 2 of our response", "Isolate it"),
    (THINK, "they said we need to think - whats the 1 to 10 line", "On a scale of one to ten"),
    (THINK, "homeowner stalling w think it over, what should i NOT do", "Do not pressure with a disappearing discount"),
    (THINK, "why do people really say they want to think it over", "an unanswered question"),
    (FRAME, "whats our 4 step thing for objections called", "Listen, Acknowledge, Ask, Answer"),
    (FRAME, "if i acknowledge the concern does that mean i agree", "Acknowledging is not agreeing"),
    (FRAME, "give me the feel felt found line", "I understand how you feel"),
    (SPOUSE, "wife cant make it at all tonight, what now", "ask to come back to present options and price"),
    (SPOUSE, "husband can get on facetime, is that ok to do", "offer FaceTime or a video call"),
    (WAIT, "can we actually do roofs in the winter", "We install roofs in winter"),
    (WAIT, "they want a spring start - can they lock todays price", "reserve a spot on the spring schedule"),
    (QUOTES, "theyre getting 3 quotes and we went first, what do i ask for", "call us before they sign elsewhere"),
    (DIY, "her brother in law will do it - what do i ask about insurance", "Without workers' compensation"),
    (DIY, "its honestly a small repair job, what do i tell them", "offer our service department"),
    (FINQ, "ho says same as cash is a trap, what do i say", "Be honest about deferred interest"),
    (FINQ, "they dont want to take on debt - response", "12-month same-as-cash plan as a convenience"),
    (FINQ, "can i type their social in for the financing app", "Reps never enter a Social Security number"),
    (FINQ, "customer got declined for financing before, what do i say", "programs for a range of credit histories"),
    # financing, discounts, terms, price
    (FINP, "how does the 12 mo same as cash work", "0% if paid in full in 12 months"),
    (FINP, "whats the rate on our 84 month program", "7.99% APR"),
    (FINP, "how long does the financing application take the homeowner", "about ten minutes"),
    (DISC, "how much is the referral credit", "$250 off"),
    (DISC, "whats the most i can knock off w/o approval", "up to a total of 7 percent"),
    (DISC, "when can we price match a competitor", "only when the scope is the same"),
    (TERMS, "payment schedule for a siding job over 40k", "40 percent when materials are delivered"),
    (TERMS, "can they put the deposit on a credit card, limit?", "deposits up to 5,000 dollars"),
    (TERMS, "customer cancels inside 3 days, do they get the deposit back", "refunded in full"),
    (TERMS, "found rotten decking mid job, how do we bill it", "unit prices written in the agreement"),
    (PRESENT, "gutter guards ballpark per foot", "$12 to $20 per foot"),
    (PRESENT, "ballpark for a typical roof replacement", "$14,000 to $24,000"),
    (PRESENT, "i just showed the price, now what", "After showing the price, wait"),
    # warranties
    (WARRANTY, "how fast do we answer a warranty call", "answered within two business days"),
    (WARRANTY, "active leak on a warranty job, how quick do we get there", "tarped within 24 hours"),
    (WARRANTY, "solar guy put panels through the roof, warranty still good?", "satellite dishes or solar panels"),
    (WARRANTY, "how many yrs on the enhanced manufacturer warranty, materials", "50-year non-prorated coverage"),
    (GBB, "which package comes w year 1 and year 5 visits", "Gutter cleaning and roof inspection at year 1 and year 5"),
    # materials
    (GBB, "essential package shingle, wind rating?", "110 mph wind rating"),
    (GBB, "preferred package shingles what wind rating", "130 mph wind rating"),
    (SHINGLES, "do we still do 3 tab roofs", "no longer install three-tab"),
    (SHINGLES, "how much does a square of designer shingles weigh", "300 to 400"),
    (SHINGLES, "what causes most blow offs", "high nails are the main cause of blow-offs"),
    (SHINGLES, "why pay for algae resistant shingles", "copper-coated granules"),
    (FIBER, "how high off the ground does fiber cement need to sit", "at least 6 inches above the ground"),
    (FIBER, "finish warranty on prefinished fiber cement", "15-year finish warranty"),
    (GUTTERS, "how many downspouts on a long gutter run", "one for every 30 to 35 feet"),
    (GUTTERS, "6 inch vs 5 inch gutter, how much more water", "about 40 percent more water"),
    (GUTTERS, "reverse curve hoods - worth it or no", "do not stop pine needles"),
    (ICE, "biggest cause of winter roof leaks around here", "the single most common cause of winter roof leaks"),
    (ICE, "ice barrier at the eaves - how many feet on a normal overhang", "about six feet"),
    (WINDOWS, "u factor on triple pane", "0.20 to 0.22"),
    (WINDOWS, "old house, lead paint on the windows - what do i tell them", "EPA lead-safe certified"),
    (WINDOWS, "when do we go full frame instead of insert", "Needed when the frame or sill is rotted"),
    (VENT, "ridge vent plus box vents together ok?", "Never mix exhaust types"),
    (UNDER, "why synthetic instead of felt", "does not wrinkle when wet"),
    (UNDER, "essential package - new step flashing or reused", "reuses sound step flashing"),
    (VINYL, "how is vinyl supposed to be nailed", "nailed in the center of the slot"),
    # process and the appointment
    (AFTER, "when does the foreman call before the job starts", "Two to three days before the start"),
    (AFTER, "how fast do we close out punch list items", "within ten business days"),
    (AFTER, "small punch list left, do we still collect the final", "under 2 percent of the job value"),
    (AFTER, "how long from signing to start in peak season", "three to six weeks after signing"),
    (AFTER, "how long does a window install take", "windows one to three days"),
    (LEADS, "lead came in at 8pm, when do i have to call", "by 9 am the next morning"),
    (LEADS, "whats in the note after an appt", "the main objection and the agreed next step"),
    (FOLLOW, "what do i say on the day 14 follow up", "Have you decided to go ahead"),
    (FOLLOW, "same night after the appt, what goes out", "a short thank-you text or email"),
    (FIRST5, "where do i stand after knocking", "Step back from the door"),
    (INSPECT, "slate roof - do i walk it", "slate and tile"),
    (INSPECT, "main cause of small leaks i should look for up top", "Cracked rubber pipe boots"),
    (METHOD, "whats a legit reason to ask them to decide tonight", "the production calendar"),
    (COUPLES, "husband and wife disagree, how do i give them a minute", "step outside and take a couple more photos"),
    (SIGNALS, "body language that means theyre not buying", "Crossed arms, leaning back"),
    # the projects and the scripts
    (BROOKSIDE, "brookside condo owner wants us to do her roof", "Individual owners cannot"),
    (BROOKSIDE, "approved window spec at brookside", "Summit Series double-hung"),
    (HOA, "min vinyl thickness maple hollow", "at least .044 thick"),
    (HOA, "shutter colors allowed at maple hollow", "black, Wedgewood Blue or Colonial Red"),
    (MAPLE, "what siding do we usually find on maple hollow houses", "Original .040 builder vinyl siding"),
    (CONFIRM, "on the confirm call what do i ask about the house", "a gate code, a dog, or where to park"),
    (SCRIPT, "what do i tell them before i go up on the roof", "Give me about thirty minutes"),
    (SCRIPT, "whats the line for the cancel period when we do the paperwork", "three business days to change your mind"),
]


def docs_with(d: Data, phrase: str) -> list[str]:
    want = be._norm_ws(phrase).lower()
    return sorted(p for p, doc in d.docs.items() if want in be._norm_ws(doc.text).lower())


def gen_knowledge(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (doc, question, phrase) in enumerate(PLAYBOOK):
        where = docs_with(d, phrase)
        assert doc in where, (doc, phrase)
        also = [p for p in where if p != doc]
        subject: dict[str, Any] = {"doc": doc, "phrase": phrase}
        if also:
            subject["also"] = also
        expect = d3.knowledge_expect(d, doc, phrase, also)
        out.append(case("knowledge", f"dev8:knowledge/{doc}#{n}", [turn(say(question, {}, rng), expect)], subject))
    return out


# ------------------------------------------------------------------------------------------
# single questions: the director's calls
# ------------------------------------------------------------------------------------------

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("how many of rachels calls were in holden", "count", {"town": "Holden"}),
    ("director calls up in nh, how many", "count", {"state": "NH"}),
    ("siding calls kevin was on, how many", "count", {"rep": "Kevin Shea", "trade": "siding"}),
    ("how many director calls r still pending", "count", {"outcome": ("pending",)}),
    ("calls that ended with no decision - how many", "count", {"outcome": ("no_decision",)}),
    ("how many of the calls were rental properties", "count", {"situation": "rental_property"}),
    ("active leak calls, how many did rachel do", "count", {"situation": "active_leak"}),
    ("how many calls in a historic district", "count", {"situation": "historic_district"}),
    ("calls where the house had ice dams - count", "count", {"situation": "ice_dams"}),
    ("on how many calls did disruption come up as an objection", "count", {"objection": "disruption"}),
    ("insurance objections came up on how many calls", "count", {"objection": "insurance"}),
    ("trial close - how many of the calls used it", "count", {"technique": "Trial close"}),
    ("roofing calls that closed on the first visit, how many", "count", {"trade": "roofing", "outcome": ("closed_first_visit",)}),
    ("of the quincy calls how many were roofing", "count", {"town": "Quincy", "trade": "roofing"}),
    ("close rate on the siding director calls", "close_rate", {"trade": "siding"}),
    ("mike reeds close % on the calls rachel rode on", "close_rate", {"rep": "Mike Reed"}),
    ("close rate when they had a bad contractor before", "close_rate", {"situation": "bad_past_contractor"}),
    ("overall close rate across all the director calls", "close_rate", {}),
    ("first visit close rate on gutter calls", "first_visit_rate", {"trade": "gutters"}),
    ("2025 calls - first visit close %", "first_visit_rate", {"year": "2025"}),
    ("avg closed deal on the siding calls", "avg_deal_closed", {"trade": "siding"}),
    ("danas avg closed deal size on director calls", "avg_deal_closed", {"rep": "Dana Whitaker"}),
    ("avg length of a gutter call, minutes", "avg_minutes", {"trade": "gutters"}),
    ("calls that closed on a follow up, avg days to the follow up", "avg_follow_up_days", {"outcome": ("closed_follow_up",)}),
    ("on avg how long does rachel spend on rapport, minutes", "phase:rapport", {}),
]


def gen_analysis(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.analysis_cases(d, rng, SPLIT, CALL_FIGURES, say) + gen_said(d, rng, len(CALL_FIGURES))


# (question, town, trade, what: an objection category, "takeaway", "outcome" or "deal", key phrase
# copied from the call; None for the deal's value): one call named by its town and trade
CALL_SAID: list[tuple[str, str, str, str, str | None]] = [
    ("plymouth siding call - what did rachel say when they didnt want another monthly bill", "Plymouth", "siding", "financing", "no pressure to finance"),
    ("on the holden roof call how did rachel answer we only need the one section fixed", "Holden", "roofing", "repair_vs_replace", "a repair buys you a season, maybe two"),
    ("hopkinton windows call, what did she say when they couldnt spend that kind of money", "Hopkinton", "windows", "price", "price the eight windows that are failing now"),
    ("concord window call - how did rachel sell fiberglass over vinyl", "Concord", "windows", "product", "expands and contracts about as much as the glass"),
    ("waltham gutter call, what did rachel say about repair vs replace", "Waltham", "gutters", "repair_vs_replace", "If this were my mother's house"),
    ("milford siding call - what did she tell them about the dog and the kids", "Milford", "siding", "disruption", "magnet sweep twice a day"),
    ("whats the takeaway rachel wrote on the wellesley siding call", "Wellesley", "siding", "takeaway", "Put the sample in their hands"),
    ("lesson from the newton roofing call?", "Newton", "roofing", "takeaway", "Show the monthly figure next to what the problem costs them now"),
    ("how did the andover roofing call end up", "Andover", "roofing", "outcome", "Lost to a competitor"),
    ("natick window call rachel did - how much was the deal", "Natick", "windows", "deal", None),
]


def the_call(d: Data, town: str, trade: str) -> dict[str, Any]:
    calls = [c for c in d.calls if c["town"] == town and c["trade"] == trade]
    assert len(calls) == 1, (town, trade)
    return calls[0]


def said_on(call: dict[str, Any], what: str) -> str:
    """The text of the call that answers: the director's response to the one objection of that
    category, the takeaway, or the outcome."""
    if what == "takeaway":
        return str(call["takeaway"])
    if what == "outcome":
        return str(call["outcome_label"])
    answers = [o["response"] for o in call["objections"] if o["category"] == what]
    assert len(answers) == 1, (call["id"], what)
    return str(answers[0])


def gen_said(d: Data, rng: random.Random, start: int) -> list[dict[str, Any]]:
    out = []
    for n, (question, town, trade, what, phrase) in enumerate(CALL_SAID, start):
        call = the_call(d, town, trade)
        assert town.lower() in question and (trade[:4] in question or trade.rstrip("s") in question), question
        if what == "deal":
            expect: dict[str, Any] = {"agent": ["analysis", "knowledge"], "money": {"value": float(call["deal_value"]), "tol": 1.0}}
        else:
            assert phrase is not None and be._norm_ws(phrase).lower() in be._norm_ws(said_on(call, what)).lower(), (call["id"], phrase)
            expect = {"agent": ["analysis", "knowledge"], "contains": [phrase]}
        subject = {"measure": "said", "call": call["id"], "what": what, "where": {"town": town, "trade": trade}}
        out.append(case("analysis", f"{SPLIT}:analysis/{n}", [turn(say(question, {}, rng), expect)], subject))
    return out


# ------------------------------------------------------------------------------------------
# single questions: pricing, web, scripting
# ------------------------------------------------------------------------------------------

# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-SH-HDZ", "timberline hdz", "cost", "{item} bundle - our cost"),
    ("RF-SH-DES", "designer shake", "price", "whats a bundle of {item} go for"),
    ("RF-SH-LMK", "landmark", "labour", "install labor per bundle on {item}"),
    ("RF-UL-SYN", "synthetic underlayment", "cost", "what are we paying for a roll of {item}"),
    ("RF-RV", "ridge vent", "price", "{item} 4 ft piece sell price"),
    ("RF-RC", "hip/ridge cap", "cost", "cost to us per bundle of {item}"),
    ("SD-HW", "house wrap", "price", "roll of {item} what do we charge"),
    ("SD-FC-CP", "hardieplank colorplus", "price", "{item} per plank price"),
    ("SD-JC", "j channel", "supplier", "who supplies our {item}"),
    ("GT-K6", "6in k-style", "price", "{item} gutter per foot, what do we charge"),
    ("GT-DS34", "3x4 downspout", "labour", "labour on a {item} piece"),
    ("WN-DH-FG", "fiberglass dh", "price", "sell price {item} window"),
    ("WN-PIC", "picture window", "margin", "whats our margin on a {item}"),
    ("GT-GD5", "5in micro mesh guard", "markup", "markup on {item}"),
    ("RF-SH-3TAB", "3 tab", "margin", "{item} bundle margin %"),
    ("WN-CS", "casement", "supplier", "which supplier do we buy {item} windows from"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [
    ("WN-DH", "vinyl dh windows", 9, "sell price on {qty} {item}, total"),
    ("GT-GD6", "6in guards", 25, "{qty} pcs of {item}, total?"),
    ("SD-OC", "outside corner posts", 6, "sell total for {qty} {item}"),
]
# (sku, squares, template): bundles or rolls for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [
    ("RF-SH-HDZ", 27, "hdz for a {squares} square roof - bundles?"),
    ("RF-SH-DES", 19, "{squares} sq in designer shake, how many bundles"),
    ("RF-UL-SYN", 30, "rolls of synthetic for {squares} squares"),
]
# (sku, how much is needed, template): pieces to cover it
CATALOG_PIECES: list[tuple[str, int, str]] = [
    ("GT-HG5", 142, "hidden hangers for 142 ft of 5 inch gutter, how many"),
    ("RF-ST", 260, "starter for 260 lf of eaves and rakes - how many bundles"),
    ("RF-RC", 64, "64 ft of hips and ridge, bundles of cap?"),
    ("SD-JC", 150, "j channel for 150 lf, how many pieces"),
    ("RF-IW", 9, "9 squares of ice and water - rolls needed"),
]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [
    (1700, 7, 0, "{area} sqft footprint at {rise}/12 - how many squares"),
    (2300, 6, 12, "footprint {area} sq ft, {rise} pitch, {waste}% waste - squares?"),
    (1450, 10, 10, "how many squares: {area} sf footprint {rise}/12 plus {waste} pct waste"),
]


def gen_pricing(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = ds.catalog_cases(d, rng, SPLIT, CATALOG_ASKS, say)
    out += ds.total_cases(d, rng, SPLIT, CATALOG_TOTALS, say)
    out += ds.bundle_cases(d, rng, SPLIT, CATALOG_SQUARES, say)
    for n, (code, need, template) in enumerate(CATALOG_PIECES):
        row = be.sku(d, code)
        text = say(template, {}, rng)
        out.append(case("pricing", f"dev8:pricing.pieces/{n}", [turn(text, {"agent": "pricing", "count": math.ceil(need / Fraction(row["coverage"]))})], {"sku": code, "need": need, "need_unit": row["coverage_unit"]}))
    out += ds.roof_cases(d, rng, SPLIT, ROOFS, say, waste_always=False, area=lambda n, area: f"{area:,}" if n % 2 else str(area))
    return out


WEB_ASKS = [
    "search online for changes to the ma ice barrier code",
    "look up the weather in quincy for the crew, on the web",
    "google copper kettle roofing reviews",
    "web search: current osb sheet prices",
    "find out online if framingham wants a permit for gutters",
]


def gen_web(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return [case("web_search", f"dev8:web_search/{n}", [turn(say(t, {}, rng), {"agent": "web_search", "not_contains": d4.INVENTED})], {}) for n, t in enumerate(WEB_ASKS)]


SCRIPT_ASKS = Turns("scripting", [
    "write up a primer vid script for {name}",
    "talk track for {name} pls, seeing them soon",
    "can u do a video script i can send {name}",
    "need something to say on camera to {name} before the visit",
])


def gen_scripting(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.scripting_cases(d, rng, SCRIPT_ASKS, say, customers(d), cust_ref, many=5)


# ------------------------------------------------------------------------------------------
# new customers, bad input
# ------------------------------------------------------------------------------------------

NEW_PEOPLE = [
    ("Bartholomew", "Quimby"), ("Ottoline", "Fairweather"), ("Cornelius", "Ashdown"), ("Henrietta", "Vasquez"),
    ("Leopold", "Marchetti"), ("Georgiana", "Whitlock"),
]
NEW_STREETS = ["8 Cranberry Cir", "311 Pleasant St", "47 Old Farm Rd", "16 Wren Ct", "902 Main St", "5 Birch Hill Rd"]
NEW_TOWNS = ["Hopedale", "Mendon", "Littleton", "Harvard", "Bolton", "Boxborough"]
NEW_TRADES = [("a new roof before winter", "roof"), ("vinyl siding quote", "siding"), ("replacement windows", "window"), ("seamless gutters w guards", "gutter")]
NEW_CARDS = Turns("new_clients", [
    "add a new customer - {first} {last}, {phone}, {street} {town}, looking for {trade}",
    "new lead to enter: {first} {last} cell {phone} email {email}",
    "pls create {first} {last}, {phone}, wants {trade}",
])


def gen_new_clients(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n in range(len(NEW_PEOPLE)):
        first, last = NEW_PEOPLE[n]
        assert not any(c["first_name"] == first or c["last_name"] == last for c in d.customers.values())
        digits = f"{['978', '508', '617', '774'][n % 4]}555{6200 + n * 37:04d}"
        email = f"{first.lower()}.{last.lower()}@{['yahoo', 'comcast', 'gmail'][n % 3]}.{'net' if n % 3 == 1 else 'com'}"
        trade_said, trade_word = NEW_TRADES[n % len(NEW_TRADES)]
        street, town = NEW_STREETS[n], NEW_TOWNS[(n * 5) % len(NEW_TOWNS)]
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
    for n, text in enumerate(["ghghgh jkjk", ";;;''"]):
        out.append(case("bad_input", f"dev8:bad_input.gibberish/{n}", [turn(text, dict(NO_FORM))], {"kind": "gibberish"}))
    out.append(case("bad_input", "dev8:bad_input.focusless/0", [turn("mark that one completed", {**NO_FORM, **NO_CLAIM})], {"kind": "nothing in focus"}))
    out.append(case("bad_input", "dev8:bad_input.nobody/0", [turn("whats the email for cordelia pemberton-hale", {**NO_FORM, "not_contains": [be.SEED_PHONE_PREFIX, "@example"]})], {"kind": "unknown name"}))
    assert 5312 not in d.jobs and not any(j["number"].endswith("-5312") for j in d.jobs.values())
    out.append(case("bad_input", "dev8:bad_input.missing_job/0", [turn("move 5312 to scheduled", {**NO_FORM, "contains": ["5312"], "not_contains": [*WRITE_CLAIMS, *be.JOB_NUMBER_PREFIXES]})], {"kind": "unknown job", "job": 5312}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = ["{ref} - where are we", "pull up {ref} pls", "whats going on w {ref}", "{ref} status please", "check {ref} for me real quick", "hows {ref} looking"]


def lookup(d: Data, jid: int, rng: random.Random, ref: str | None = None) -> dict[str, Any]:
    """A look-up that puts the job in focus; the answer must carry its stage."""
    return turn(say(rng.choice(LOOKUP), {"ref": ref or job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.stage(jid)]})


SECOND = {
    "phone": ["and {pos} phone?", "{pos} cell number?"],
    "email": ["email too pls", "{pos} email?"],
    "address": ["and the address", "where is that house"],
    "rep": ["rep on that one pls", "rep on it?"],
    "contract": ["what did that go for", "contract amount?"],
    "note": ["latest note on it", "any recent notes there"],
    "paid": ["how much came in so far", "what have they paid"],
    "balance": ["and whats left to collect", "balance?"],
}
JOB_KINDS = ("rep", "contract", "note", "paid", "balance")


def second(d: Data, jid: int, rng: random.Random, kind: str) -> dict[str, Any]:
    cid = cid_of(d, jid)
    return turn(say(rng.choice(SECOND[kind]), pron(d, cid), rng), fact(d, kind, cid, jid if kind in JOB_KINDS else None))


def second_kinds(d: Data, jid: int) -> list[str]:
    kinds = ["phone", "email", "rep", "address"]
    if d.notes_of(jid):
        kinds.append("note")
    if "contract" in d.money_facts(jid):
        kinds.append("contract")
    return kinds


OTHER_TRADE = ["what about the {trade} one", "and {pos} {trade} job?", "ok now the {trade}"]
ON_OTHER = ["who handles that one", "and that ones rep"]


def gen_followup(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = [j for j in live_jobs(d) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    # a look-up, then two or three questions on the same job or customer
    for n, jid in enumerate(pool[:8]):
        kinds = second_kinds(d, jid)
        picked = [kinds[(n + k) % len(kinds)] for k in range(2 + n % 2)]
        turns = [lookup(d, jid, rng), *(second(d, jid, rng, k) for k in picked)]
        out.append(case("followup", f"dev8:followup.{'_'.join(picked)}", turns, {"customer_id": cid_of(d, jid), "job_id": jid}))
    # one of a customer's two jobs, then the other one by its trade, then who has it
    two = [c for c in customers(d) if len(live_jobs_of(d, c)) == 2 and len({d.main_trade(j) for j in live_jobs_of(d, c)}) == 2]
    for n, cid in enumerate(sorted(two)[:5]):
        a, b = live_jobs_of(d, cid)
        if n % 2:
            a, b = b, a
        trade = d.main_trade(b)
        assert len(d.jobs_by_customer_trade(cid, trade)) == 1 and trade not in d.trades(a)
        other = turn(say(OTHER_TRADE[n % len(OTHER_TRADE)], {**pron(d, cid), "trade": WORD[trade]}, rng), {**CRM, "contains": [d.stage(b)]})
        rep = turn(say(ON_OTHER[n % len(ON_OTHER)], {}, rng), fact(d, "rep", cid, b))
        first = lookup(d, a, rng, refs_of(d, a).get("full") or refs_of(d, a)["num"])
        out.append(case("followup", "dev8:followup.other_job", [first, other, rep], {"customer_id": cid, "job_id": a, "other_job_id": b}))
    # a sold job: what it sold for, what came in, what is left
    sold = [j for j in pool[8:] if "contract" in d.money_facts(j) and d.fully_invoiced(j) and d.money_facts(j)["paid"] > 0]
    for jid in sold[:3]:
        cid = cid_of(d, jid)
        turns = [lookup(d, jid, rng), second(d, jid, rng, "contract"), second(d, jid, rng, "paid"), second(d, jid, rng, "balance")]
        out.append(case("followup", "dev8:followup.money", turns, {"customer_id": cid, "job_id": jid}))
    return out


# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("carter", 107, "phone", "denise"),
    ("wong", 120, "email", "town"),
    ("mccarthy", 127, "address", "mark"),
    ("kaplan", 143, "phone", "trade"),
    ("fitzgerald", 112, "email", "nancy"),
    ("castillo", 138, "rep", "megan"),
    ("reilly", 116, "phone", "ordinal:2"),
    ("nancy", 126, "address", "quinn"),
    ("megan", 132, "phone", "town"),
    ("steven", 122, "email", "lombardi"),
    ("thomas", 118, "rep", "ordinal:3"),
    ("lynch", 134, "phone", "james"),
    ("johnson", SARAH, "email", "sarah"),
]
WHICH_FIRST = {
    "phone": ["{said} phone pls", "number for {said}?"],
    "email": ["{said} email", "whats the email on {said}"],
    "address": ["{said} home address pls"],
    "rep": ["who is the rep for {said}"],
}
BY_TRADE = ["the {trade} job pls", "{trade} job"]
BY_TOWN = ["the one in {town}", "{town}"]
ORDINAL_SAID = {1: "the 1st one", 2: "second one", 3: "last one on the list"}


def clarify_fact(d: Data, field: str, cid: int) -> dict[str, Any]:
    return d5.clarify_fact(d, field, cid)


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
        expect = clarify_fact(d, field, chosen)
        subject: dict[str, Any] = {"said": said, "customer_ids": group, "chosen": chosen, "field": field}
        if how == "trade":
            own = [t for t in {t for j in d.jobs_of(chosen) for t in trades_of(d, j["id"])} if not any(t in trades_of(d, j["id"]) for o in group if o != chosen for j in d.jobs_of(o))]
            assert len(own) == 1, (said, own)
            reply = say(BY_TRADE[n % len(BY_TRADE)], {"trade": ONE[own[0]]}, rng)
            subject["reply"] = {"trade": own[0]}
        elif how == "town":
            town = d.customers[chosen]["address"]["city"]
            assert sum(d.customers[o]["address"]["city"] == town for o in group) == 1, (said, town)
            reply = say(BY_TOWN[n % len(BY_TOWN)], {"town": town.lower()}, rng)
            subject["reply"] = {"town": town}
        elif how.startswith("ordinal:"):
            index = int(how.split(":")[1])
            assert index <= len(group) and (index < 3 or index == len(group))
            assert not set(group) & be.HELDOUT_CUSTOMERS, said
            reply = ORDINAL_SAID[index]
            expect = {"choice": {"index": index, "options": [{"find": [d.customers[c][key]], "expect": clarify_fact(d, field, c)} for c in group]}}
            subject["chosen"] = None
        else:
            assert d.customers[chosen][key].lower() == how, (said, how)
            reply = how
        turns = [turn(text, {"asks": options}), turn(reply, expect)]
        out.append(case("clarify", f"dev8:clarify.{field}", turns, subject))
    # one customer, two jobs: which one? answered by the trade
    for cid, template in [(123, "where are we on {pname} stuff"), (116, "{name} - what stage")]:
        ids = live_jobs_of(d, cid)
        labels = job_labels(d, cid)
        jid = ids[1]
        reply = f"the {WORD[d.main_trade(jid)]} job pls"
        turns = [turn(say(template, name_slots(d, cid, rng), rng), {"asks": labels}), turn(reply, {**CRM, "contains": [d.stage(jid)]})]
        out.append(case("clarify", "dev8:clarify.job.trade", turns, {"customer_id": cid, "job_ids": ids, "chosen_job": jid, "field": "stage"}))
    # two reps called Mike
    first = dt.date(2026, 12, 3)
    appts = d.appointments_between(first, first, user=16)
    turns = [turn(say("how many visits does mike have thurs 12/3", {}, rng), {"asks": ["Reed", "Sullivan"]}), turn("mike sullivan", be.calendar_expect(d, appts))]
    out.append(case("clarify", "dev8:clarify.user", turns, {"said": "mike", "user_ids": [11, 16], "user_id": 16, "from": first.isoformat(), "to": first.isoformat()}))
    return out


# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("side question - whats the referral credit", DISC, "$250 off"),
    ("random but how long is a proposal good for", TERMS, "Proposals are valid for 30 days"),
    ("hey quick, apr on the 84 month plan", FINP, "7.99% APR"),
    ("btw how far apart do our gutter hangers go", GUTTERS, "every 24 inches"),
    ("oh whats the fee to transfer our warranty to a buyer", WARRANTY, "$100 transfer fee"),
    ("unrelated: min vinyl gauge at maple hollow", HOA, "at least .044 thick"),
    ("one thing - do we still install three tab", SHINGLES, "no longer install three-tab"),
    ("quick q, what does a ridge vent piece sell for", "pricing:RF-RV", None),
    ("how many director calls were in warwick btw", "analysis:town:Warwick", None),
    ("side note, price on a 3x4 elbow", "pricing:GT-EL34", None),
    ("remind me how long a primer video should run", PRIMER, "60 to 90 seconds"),
    ("whats the rule on cash payments again", TERMS, "cash payments over 1,000 dollars"),
]


def detour_expect(d: Data, ref: str, phrase: str | None) -> dict[str, Any]:
    if ref.startswith("pricing:"):
        return {"agent": "pricing", "money": float(be.sku(d, ref.split(":")[1])["price"])}
    if ref.startswith("analysis:"):
        _a, key, value = ref.split(":")
        return {"agent": "analysis", "count": int(d3.analysis_figure(d, "count", {key: value}))}
    where = docs_with(d, phrase or "")
    assert ref in where, (ref, phrase)
    return d3.knowledge_expect(d, ref, phrase, [p for p in where if p != ref])


def detour(d: Data, rng: random.Random, n: int) -> tuple[dict[str, Any], str, str | None]:
    text, ref, phrase = DETOURS[n % len(DETOURS)]
    return turn(say(text, {}, rng), detour_expect(d, ref, phrase)), ref.removeprefix("pricing:"), phrase


BACK = {
    "phone": "ok back to {last} - phone #?",
    "email": "anyway whats {pos} email",
    "rep": "back to the job: who is the rep",
    "note": "and the latest note on that job",
    "contract": "ok so what did {subj} sign for",
    "address": "where is {pos} place again",
}


def gen_topic_switch(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = [j for j in live_jobs(d) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    for n, jid in enumerate(pool[:12]):
        cid = cid_of(d, jid)
        kinds = second_kinds(d, jid)
        kind = kinds[n % len(kinds)]
        middle, ref, phrase = detour(d, rng, n)
        back = turn(say(BACK[kind], pron(d, cid), rng), fact(d, kind, cid, jid if kind in JOB_KINDS else None))
        out.append(case("topic_switch", f"dev8:topic_switch.{kind}", [lookup(d, jid, rng), middle, back], {"customer_id": cid, "job_id": jid, "middle": [ref], "phrase": [phrase]}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: writes
# ------------------------------------------------------------------------------------------

YESES = [
    "yes go", "yeah go ahead", "yep, go for it", "yup thats the one", "sure thing", "ok go", "confirmed", "yes please",
    "do it", "thats right go", "go ahead", "yes sir", "sounds good", "all good, go", "yea thats right", "ok yes",
    "yep save it", "please do", "fine by me", "affirmative", "go on then", "10-4", "yep looks right", "ya do it",
    "save it", "mhm yes", "correct, go", "looks good", "👍 go", "yes, do that",
]
CALL_OFFS = [
    "no stop", "no, dont do that one", "nvm", "hold off on that", "scratch it", "no dont save", "scrap that", "not yet, hold on",
    "leave it", "nope", "no wait dont", "actually no", "kill that", "back out of that", "stop, wrong job",
    "dont, i changed my mind", "forget that one", "nah", "not right now", "let me check first, dont save", "whoa no",
    "no thank you", "belay that", "undo, dont do it", "nix it", "negative",
]
STRAYS = ["ok thanks", "alright", "cool thx", "ty"]

# no weekday or month stems, no times, no apostrophes in the notes: the booking checks read every
# turn, and reps' phones drop apostrophes
NOTE_LINES = [
    "customer wants the crew to use the side driveway", "neighbor complained about the dumpster last time",
    "prefers email over phone calls", "asked if the senior discount applies", "mailbox post is loose, dont hit it",
    "they have a newborn, keep the noise down early", "there is a satellite dish to take down",
    "wants a copy of our insurance certificate", "asked for references nearby", "comparing us with a cheaper quote",
    "chimney flashing looks rusted", "plans to sell the house in two years", "water stain in the upstairs closet",
    "cat stays inside, keep the garage closed", "waiting on the hoa letter", "asked about financing the full amount",
    "prefers the darker color sample", "electric meter on the back wall, careful", "called back, ready to move forward",
    "needs the contract emailed to both owners", "garage side has rotted fascia", "brother in law is a contractor",
    "interested in the same as cash plan", "wants the old gutters taken away",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [
    ("wants the almond trim", "wants the white trim"),
    ("paying with financing", "paying with a check"),
]
NOTE_SAID = [
    "new note on {ref}: {note}",
    "{ref} note - {note}",
    "add note {ref} {note}",
    "put in the {ref} notes that {note}",
    "log this for {ref}: {note}",
    'note to {ref} file "{note}"',
    "fyi {ref} - {note}, log it",
    "can u put a note on {ref} that {note}",
    "write down for {ref}: {note}",
    "{ref} -- add a note: {note}",
    "jot a note on {ref} - {note}",
    "{ref}: {note}. note it pls",
]
NOTE_HERE = [
    "note it: {note}",
    "add a note there - {note}",
    "put on {pos} job: {note}",
    'log "{note}" on that one',
    "note on {pos} {trade}: {note}",
    "and note that {note}",
    "add to the notes {note}",
]
NOTE_FIX = ["no change that note to {note}", "oops - the note should say {note}"]

# (template, stage the job goes to), in the words reps use for the company's stages
STAGE_SAID = [
    ("{ref} - customer went with the other guy, set lost", "Lost"),
    ("{ref} just signed!! contract signed pls", "Contract Signed"),
    ("sent the proposal on {ref}, update to proposal sent", "Proposal Sent"),
    ("{ref} move to follow up", "Follow Up"),
    ("{ref}: install date is set, change to scheduled", "Scheduled"),
    ("crew started {ref} today - in progress", "In Progress"),
    ("{ref} wrapped up, completed", "Completed"),
    ("{ref} paid the final, close it out paid & closed", "Paid & Closed"),
    ("{ref} - back to estimating, need to remeasure", "Estimating"),
    ("lost {ref}, theyre not doing it", "Lost"),
    ("{ref} signed today, bump it to contract signed", "Contract Signed"),
    ("change {ref} to follow-up", "Follow Up"),
    ("{ref} got the proposal, mark proposal sent", "Proposal Sent"),
    ("{ref} paid in full - paid and closed", "Paid & Closed"),
    ("{ref} crew is on site, in progress now", "In Progress"),
    ("{ref} done and walked, mark it completed", "Completed"),
]
STAGE_HERE = [
    ("ok set it to lost", "Lost"),
    ("{subj} signed, set contract signed", "Contract Signed"),
    ("move {pos} {trade} to follow up", "Follow Up"),
    ("change that to proposal sent", "Proposal Sent"),
    ("thats scheduled now, update it", "Scheduled"),
    ("crew is on it, in progress", "In Progress"),
    ("that one is done, completed", "Completed"),
    ("final check cleared - paid and closed", "Paid & Closed"),
    ("put it back in estimating", "Estimating"),
    ("{subj} passed on it, lost", "Lost"),
]
# (said first, said instead, stage it goes to) for stage moves corrected before the yes; the stage
# said instead is a slot, kept as typed
STAGE_FIXES = [
    ("move {ref} into proposal sent", "sorry no - {stage}, not proposal sent", "Follow Up"),
    ("mark {ref} as lost", "actually no, {stage} - they went for it", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev8_set's reader
WHEN_TYPED = [
    ("tmrw at 11", "2026-11-24T11:00"),
    ("wed 2pm", "2026-11-25T14:00"),
    ("mon 11/30 at 10", "2026-11-30T10:00"),
    ("tues dec 1 @ 3", "2026-12-01T15:00"),
    ("12/2 1:30pm", "2026-12-02T13:30"),
    ("thursday dec 3rd 10am", "2026-12-03T10:00"),
    ("next fri at 9", "2026-12-04T09:00"),
    ("sat 12/5 11am", "2026-12-05T11:00"),
    ("monday the 7th 2pm", "2026-12-07T14:00"),
    ("12/8 @ noon", "2026-12-08T12:00"),
    ("wed 12/9 at 4", "2026-12-09T16:00"),
    ("dec 10th 8:30am", "2026-12-10T08:30"),
    ("fri the 11th at 1", "2026-12-11T13:00"),
    ("12/14 9:30a", "2026-12-14T09:30"),
    ("tomorrow 2:30pm", "2026-11-24T14:30"),
    ("tues 12/15 at 2", "2026-12-15T14:00"),
    ("wednesday at 9am", "2026-11-25T09:00"),
    ("dec 16 at 10", "2026-12-16T10:00"),
]
# (said to move a booking, the new time "HH:MM") and (said, the new day "YYYY-MM-DD")
TIME_FIXES = [("push it to 2pm", "14:00"), ("make it 4 instead", "16:00"), ("9am would be better", "09:00")]
DAY_FIXES = [("wrong day - 12/10, same time", "2026-12-10"), ("can we do tues 12/15 instead, same time", "2026-12-15")]
# (how the rep says it, the word the title must carry)
VISITS = {
    "Lead": [("site visit", "visit"), ("inspection", "inspection")],
    "Estimating": [("measurement", "measure"), ("estimate review", "estimate")],
    "Proposal Sent": [("price review", "review"), ("follow-up visit", "follow")],
    "Follow Up": [("follow-up meeting", "follow"), ("second visit", "visit")],
    "Contract Signed": [("color consult", "consult"), ("pre-install visit", "visit")],
    "Scheduled": [("site check", "check"), ("install prep visit", "visit")],
    "In Progress": [("progress walkthrough", "walkthrough"), ("final inspection", "inspection")],
}
BOOK_SAID = [
    "{ref}: book {akind} {when}",
    "{ref} - set up {akind} {when}",
    "put {akind} on the calendar for {ref} {when}",
    "{when} {kind} at {ref}, pls book",
    "schedule {akind} w/ {ref} for {when}",
    "can you book {ref} in for {akind} {when}",
    "need {akind} at {ref} {when}",
    "{ref} {kind} {when} - put it in",
    "add {ref} to the schedule for {akind}, {when}",
    "lock in {akind} {when} for {ref}",
]
BOOK_HERE = [
    "book {obj} for {akind} {when}",
    "set {akind} there {when}",
    "put {akind} on the calendar for {pos} {trade} {when}",
    "{when} works for {akind}, book it",
    "get {akind} on the books for that one {when}",
]
BACK_TO = ["ok so back to {pos} job - ", "anyway on {last}, ", "back to that one: "]
JOB_FIX = ["sorry i meant the {right} job, not the {wrong}", "wrong one - {right} not {wrong}"]
# (template, the kind of visit in the appointment's title, as the rep says it): moving a visit,
# called off before the yes
MOVE_SAID = [
    "push the {visit} on {ref} back an hour",
    "move {ref} {visit} to {when}",
    "can u slide the {visit} for {ref} to {when}",
    "bump {pos} {visit} a day later",
]
VISIT_WORD = {"Install start": "install", "Estimate review": "estimate review", "Follow-up visit": "follow-up visit", "Progress walkthrough": "walkthrough", "Final walkthrough": "final walkthrough", "Initial inspection": "inspection"}


def done(checks: list[dict[str, Any]]) -> dict[str, Any]:
    return d5.done(checks)


class Writer(dw.Writer):
    """Write requests in dev8's words (dev_writer's writer on this module's tables), each with the
    crm_after check it makes; a stage move keeps the name the request gave its job, and the
    phrasings that move a job to one stage turn over on the stage counter."""

    def __init__(self, d: Data, rng: random.Random, offset: int = 0) -> None:
        super().__init__(sys.modules[__name__], d, rng, offset, open_jobs(d))

    def stage(self, *, here: bool = False, jid: int | None = None, ref: tuple[str, str] | None = None) -> tuple[int, str, str, dict[str, Any]]:
        chosen, k, template, stage = self.stage_pick(here=here, jid=jid)
        said = ref[1] if ref and chosen == jid else self.ref(chosen)[1]
        text = say(template, {**self.slots(chosen), "ref": said}, self.rng)
        return chosen, f"dev8:write.stage{'.here' if here else ''}/{k}", text, {"stage_of_job": chosen, "stage": stage}

    def stage_to(self, jid: int, stage: str, ref: str) -> tuple[str, str, dict[str, Any]]:
        """The next phrasing that moves a job to `stage`, on this job named so."""
        ks = [k for k, (_t, st) in enumerate(STAGE_SAID) if st == stage]
        k = ks[self.tick("stage") % len(ks)]
        text = say(STAGE_SAID[k][0], {**self.slots(jid), "ref": ref}, self.rng)
        return f"dev8:write.stage/{k}", text, {"stage_of_job": jid, "stage": stage}

    def make(self, kind: str, *, here: bool = False, jid: int | None = None, ref: tuple[str, str] | None = None) -> tuple[int, str, str, dict[str, Any]]:
        if kind == "stage":
            return self.stage(here=here, jid=jid, ref=ref)
        return super().make(kind, here=here, jid=jid, ref=ref)


KINDS = ["note", "stage", "book"]
STAGE_TARGETS = ["Proposal Sent", "Paid & Closed", "Lost", "Contract Signed", "Follow Up", "Scheduled", "In Progress", "Completed"]


def stage_ok(d: Data, jid: int) -> bool:
    return any(d.stage(jid) in STAGE_FROM[s] for _t, s in STAGE_HERE)


def two_trade_pairs(d: Data) -> list[tuple[int, int, str, str]]:
    """(job meant, job said first, its trade word, the other's): a customer's two live jobs of
    trades only each of them has, for "sorry i meant the gutters job, not the windows"."""
    out = []
    for cid in customers(d):
        ids = live_jobs_of(d, cid)
        for a in ids:
            for b in ids:
                ta, tb = trades_of(d, a), trades_of(d, b)
                if a != b and len(ta) == 1 and len(tb) == 1 and ta != tb and len(d.jobs_by_customer_trade(cid, ta[0])) == 1 and len(d.jobs_by_customer_trade(cid, tb[0])) == 1:
                    out.append((a, b, WORD[ta[0]], WORD[tb[0]]))
    return out


TRADE_STEMS = ("roof", "siding", "gutter", "window")


def plain_notes() -> list[str]:
    """The note lines that name no trade (for a note moved to the customer's other job by its trade)."""
    return [n for n in NOTE_LINES if not any(stem in n for stem in TRADE_STEMS)]


def two_open_job_customers(d: Data, stage: str | None = None) -> list[int]:
    """Customers whose every live job is open, two or more of them (each in a stage that can
    move to `stage`, if given): a write naming only the customer leaves Hard-E to ask which."""
    out = []
    for c in customers(d):
        ids = live_jobs_of(d, c)
        if len(ids) >= 2 and all(d.stage(j) not in be.CLOSED_STAGES for j in ids) and (stage is None or all(d.stage(j) in STAGE_FROM[stage] for j in ids)):
            out.append(c)
    return out


WHICH_ASKS = {
    "note": "add a note for {name} - {note}",
    "stage": "{name} signed!! update {pos} job",
    "book": "set {akind} with {name} {when}",
}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "the {x} job i mean", "number": "i mean {x}", "stage": "the {x} one i mean"}


def which_reply(d: Data, cid: int, jid: int, how: str) -> tuple[str, str]:
    """(how, reply) naming one of a customer's jobs: by its own trade, its number or its stage."""
    others = [j for j in live_jobs_of(d, cid) if j != jid]
    own = [t for t in trades_of(d, jid) if not any(t in trades_of(d, o) for o in others)]
    if how == "trade" and not own:
        how = "number"
    if how == "stage" and any(d.stage(o) == d.stage(jid) for o in others):
        how = "number"
    x = {"trade": WORD[own[0]] if own else "", "number": str(jid), "stage": d.stage(jid).lower()}[how]
    return how, WHICH_REPLY[how].format(x=x)


def gen_write(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Writer(d, rng)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any], checks: list[dict[str, Any]]) -> None:
        out.append(case("write", tid, turns, subject, checks))

    # named in the request, then confirmed: every way of naming the job, every stage a job goes to
    for k in range(24):
        kind = KINDS[k % 3]
        style = REF_STYLES[(k + k // len(REF_STYLES)) % len(REF_STYLES)]
        if kind == "stage":
            target = STAGE_TARGETS[(k // 3) % len(STAGE_TARGETS)]
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

    # a look-up first, then the write points back ("it", "that one", "her gutters")
    for k in range(8):
        kind = KINDS[k % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "note"
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        add(tid, [lookup(d, jid, rng), turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "shape": "after_lookup"}, [check])

    # two look-ups, then the write
    for k in range(5):
        kind = KINDS[(k + 1) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "book"
        kinds = second_kinds(d, jid)
        asked = second(d, jid, rng, kinds[k % len(kinds)])
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        add(tid, [lookup(d, jid, rng), asked, turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "shape": "after_two_lookups"}, [check])

    # a detour to the playbook (or the catalog, or the calls), then back to the job to write
    for k in range(6):
        kind = KINDS[(k + 2) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "note"
        middle, ref, phrase = detour(d, rng, k * 2 + 1)
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        back = say(BACK_TO[k % len(BACK_TO)], w.slots(jid), rng) + " " + text
        turns = [lookup(d, jid, rng), middle, turn(back), turn(w.yes(), done([check]))]
        add(tid.replace(".here/", ".back/"), turns, {"job_id": jid, "kind": kind, "shape": "after_detour", "middle": [ref], "phrase": [phrase]}, [check])

    # two writes in one conversation on the same job: a note then a booking, or a stage move then a note
    for k in range(5):
        jid = w.next_job()
        if k % 2 and stage_ok(d, jid):
            _j, _tid1, text1, first = w.make("stage", here=True, jid=jid)
            _j, _tid2, text2, then = w.make("note", here=True, jid=jid)
            shape = "stage+note"
        else:
            _j, _tid1, text1, first = w.make("note", here=True, jid=jid)
            _j, _tid2, text2, then = w.make("book", here=True, jid=jid)
            shape = "note+book"
        turns = [lookup(d, jid, rng), turn(text1), turn(w.yes(), done([first])), turn(text2), turn(w.yes(), done([then]))]
        add(f"dev8:write.two/{shape.replace('+', '_')}", turns, {"job_id": jid, "kind": shape, "shape": "two_writes"}, [first, then])

    # a customer with two open jobs named alone: Hard-E asks which, the rep says, then confirms
    for k, (kind, how) in enumerate([("note", "trade"), ("stage", "number"), ("book", "stage"), ("note", "number")]):
        people = two_open_job_customers(d, WHICH_STAGE if kind == "stage" else None)
        cid = people[k % len(people)]
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
            slots.update(akind=article("appointment"), when=said)
            check = {"appointment_on_job": jid, "start": start, "title_contains": ""}
        how, reply = which_reply(d, cid, jid, how)
        turns = [turn(say(WHICH_ASKS[kind], slots, rng), {"asks": job_labels(d, cid)}), turn(reply), turn(w.yes(), done([check]))]
        add(f"dev8:write.{kind}.which/{how}", turns, {"job_id": jid, "kind": kind, "customer_id": cid, "job_ids": options, "reply": how}, [check])

    # corrected before the yes: the crm_after is the corrected write only
    for fix, hhmm in TIME_FIXES:
        jid = w.next_job()
        said, start = w.when(jid)
        moved = f"{start[:10]}T{hhmm}"
        if moved == start or busy(d, jid, dt.datetime.fromisoformat(moved)):
            said, start = next((s, t) for s, t in WHEN_TYPED if t[11:] != hhmm and not busy(d, jid, dt.datetime.fromisoformat(t)) and not busy(d, jid, dt.datetime.fromisoformat(f"{t[:10]}T{hhmm}")))
            moved = f"{start[:10]}T{hhmm}"
        _t, text, check = w.book(jid, when=(said, start))
        check = {**check, "start": moved}
        add("dev8:write.fixed/time", [turn(text), turn(say(fix, {}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "book", "fixed": "time", "said_start": start}, [check])
    for fix, day in DAY_FIXES:
        jid = w.next_job()
        said, start = w.when(jid)
        if start[:10] == day or busy(d, jid, dt.datetime.fromisoformat(f"{day}T{start[11:]}")):
            said, start = next((s, t) for s, t in WHEN_TYPED if t[:10] != day and not busy(d, jid, dt.datetime.fromisoformat(t)) and not busy(d, jid, dt.datetime.fromisoformat(f"{day}T{t[11:]}")))
        _t, text, check = w.book(jid, when=(said, start))
        check = {**check, "start": f"{day}T{start[11:]}"}
        add("dev8:write.fixed/day", [turn(text), turn(say(fix, {}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "book", "fixed": "day", "said_start": start}, [check])
    lines = plain_notes()
    pairs = list({cid_of(d, p[0]): p for p in reversed(two_trade_pairs(d))}.values())[::-1]
    for k, (meant, first, right, wrong) in enumerate(pairs[:2]):
        line = lines[(k * 7) % len(lines)]
        ref = refs_of(d, first)["full"]
        _t, text, _wrong = w.note(first, line=line, ref=ref)
        check = {"note_on_job": meant, "contains": line}
        fix = say(JOB_FIX[k % len(JOB_FIX)], {"right": right, "wrong": wrong}, rng)
        add("dev8:write.fixed/job", [turn(text), turn(fix), turn(w.yes(), done([check]))], {"job_id": meant, "other_job_id": first, "kind": "note", "fixed": "job"}, [check])
    for k, (said_first, instead) in enumerate(NOTE_FIXES):
        jid = w.next_job()
        _t, text, _first = w.note(jid, line=said_first)
        check = {"note_on_job": jid, "contains": instead}
        add("dev8:write.fixed/note", [turn(text), turn(say(NOTE_FIX[k % len(NOTE_FIX)], {"note": instead}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "note", "fixed": "note", "said_first": said_first}, [check])
    for k, (first_said, fix, stage) in enumerate(STAGE_FIXES):
        said_stage = "Proposal Sent" if k == 0 else "Lost"
        fits = [j for j in live_jobs(d) if d.stage(j) in STAGE_FROM[stage] and d.stage(j) in STAGE_FROM[said_stage]]
        jid = fits[(k * 3) % len(fits)]
        check = {"stage_of_job": jid, "stage": stage}
        text = say(first_said, {"ref": w.ref(jid)[1]}, rng)
        add("dev8:write.fixed/stage", [turn(text), turn(say(fix, {"stage": stage.lower()}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "stage", "fixed": "stage"}, [check])
    return out


def future_visits(d: Data, jid: int) -> list[dict[str, Any]]:
    return [a for a in d5.future_appointments(d, jid) if a["title"] in VISIT_WORD]


def gen_called_off(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Writer(d, rng, offset=7)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any]) -> None:
        out.append(case("called_off", tid, turns, subject, [{"unchanged": True}]))

    for k in range(10):
        kind = KINDS[k % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        add(f"dev8:called_off.off/{tid.removeprefix('dev8:')}", [turn(text), turn(said, dict(NO_CLAIM))], {"job_id": jid, "kind": kind, "call_off": said})
    for k in range(6):
        kind = KINDS[(k + 1) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "book"
        jid, tid, text, _check = w.make(kind, here=True, jid=jid)
        said = w.off()
        add(f"dev8:called_off.after_lookup/{tid.removeprefix('dev8:')}", [lookup(d, jid, rng), turn(text), turn(said, dict(NO_CLAIM))], {"job_id": jid, "kind": kind, "call_off": said})
    for k in range(4):
        kind = KINDS[(k + 2) % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        turns = [turn(text), turn(said, dict(NO_CLAIM)), turn(STRAYS[k % len(STRAYS)], dict(NO_CLAIM))]
        add(f"dev8:called_off.off_then_ok/{tid.removeprefix('dev8:')}", turns, {"job_id": jid, "kind": kind, "call_off": said})
    for k in range(2):
        jid = w.next_job()
        _t, text, _check = w.book(jid, when=w.when(jid))
        said = w.off()
        turns = [turn(text), turn(say(TIME_FIXES[k % len(TIME_FIXES)][0], {}, rng)), turn(said, dict(NO_CLAIM))]
        add("dev8:called_off.after_fix/book", turns, {"job_id": jid, "kind": "book", "call_off": said})
    # moving a visit on the calendar, called off
    movable = [j for j in open_jobs(d) if future_visits(d, j)]
    rng.shuffle(movable)
    for k, jid in enumerate(movable[:4]):
        a = future_visits(d, jid)[0]
        template = MOVE_SAID[k % len(MOVE_SAID)]
        said_when, _start = w.when(jid)
        slots = {**w.slots(jid), "ref": w.ref(jid)[1], "visit": VISIT_WORD[a["title"]], "when": said_when}
        turns = [turn(say(template, slots, rng))]
        if k % 2:
            turns.insert(0, lookup(d, jid, rng))
        said = w.off()
        turns.append(turn(said, dict(NO_CLAIM)))
        add(f"dev8:called_off.move/{k}", turns, {"job_id": jid, "kind": "move", "appointment_id": a["id"], "call_off": said})
    return out


# ------------------------------------------------------------------------------------------
# the files
# ------------------------------------------------------------------------------------------

DEV_SET = be.DevSet(SPLIT, SEED, globals(), HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
