"""Builds dev6, a sixth development set for the understanding layer: fresh probes written from
the demo company's data alone, in phrasings of their own, weighted to single questions (where
held-out figures trail the dev sets): the playbook asked the way a rep on a phone asks it
("what do i say when", "is it ok to", "whats the rule on", a situation and then "what do i
do"), often about a later section of a document, and CRM look-ups of every field with reps'
noise. Every expected fact is computed here from data/demo (the CRM seed, the knowledge base,
the director's call transcripts, the catalog), never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev6.py [--out DIR]

Writes dev6/questions.jsonl and dev6/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev5 (see build_eval.py and
bench/understanding.py); the data loading and the fact helpers are build_eval's, build_dev3's
and build_dev5's, and every phrasing is dev6's own. The clock is pinned at Monday 2026-11-23
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
from tests.understanding.eval.build_dev5 import (  # noqa: E402
    cid_of,
    customers,
    fact,
    jobs,
    live_jobs,
    name_refs,
    number_refs,
    open_jobs,
    possessive,
    pron,
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

SPLIT = "dev6"
SEED = f"{be.SEED}/dev6"
NOW = be.NOW


# ------------------------------------------------------------------------------------------
# how reps type, dev6's layer
# ------------------------------------------------------------------------------------------

CLIPS = [
    (r"\bwhat's\b", "whats"),
    (r"\bbecause\b", "bc"),
    (r"\bprobably\b", "prob"),
    (r"\bcustomer\b", "cust"),
    (r"\bappointment\b", "apt"),
    (r"\bdo you\b", "u"),
    (r"\bI'm\b", "im"),
    (r"\bgoing to\b", "gonna"),
]


# build_eval's render (shorthand, one typo, lower case) after dev6's own clipping of the
# template's words; slot values are left as they are.
say = ds.typist(CLIPS, 0.3)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn from a random start, named as dev6's."""

    split = "dev6"


def job_ref(d: Data, jid: int, rng: random.Random, names: float = 0.55) -> str:
    refs = name_refs(d, jid)
    if refs and rng.random() < names:
        return rng.choice(refs)
    return rng.choice([*number_refs(d, jid), f"job no {jid}", f"#{d.jobs[jid]['number']}"])


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
        "best # to get {name}",
        "need {pname} cell asap",
        "{name} - phone number on file?",
        "number to text {name}",
        "can i get a callback number for {name}",
        "ring {name}, whats the number",
    ]),
    "email": Turns("crm.contact.email", [
        "where do i email {name}",
        "{name} email on file?",
        "{pname} email addy",
        "sending the proposal to {name}, which email",
    ]),
    "address": Turns("crm.contact.address", [
        "home address {name}?",
        "{pname} address for the gps",
        "what street does {name} live on",
        "property address for {name}?",
    ]),
    "home": Turns("crm.contact.home", ["house phone for {name}", "does {name} have a landline, number?"]),
}
BY_JOB = Turns("crm.contact.by_job", ["homeowner number for {job}", "{job} customer cell?"])


def gen_contact(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = customers(d)
    rng.shuffle(pool)
    kinds = ["phone", "email", "address", "home", "phone", "address", "email", "phone", "email", "address", "phone", "home", "email", "phone"]
    for cid, kind in zip(pool, kinds, strict=False):
        if kind == "home" and d3.fact(d, "home", cid) is None:
            kind = "phone"
        tid, template = ASK[kind].pick(rng)
        text = say(template, name_slots(d, cid, rng), rng)
        out.append(case("crm.contact", tid, [turn(text, fact(d, kind, cid))], {"customer_id": cid, "field": kind}))
    for jid in rng.sample(live_jobs(d), 2):
        tid, template = BY_JOB.pick(rng)
        text = say(template, {"job": rng.choice(number_refs(d, jid))}, rng)
        out.append(case("crm.contact", tid, [turn(text, fact(d, "phone", cid_of(d, jid)))], {"customer_id": cid_of(d, jid), "job_id": jid, "field": "phone"}))
    return out


STAGE_ASK = Turns("crm.status", [
    "where does {job} stand",
    "{job} - where we at with it",
    "hows {job} looking stagewise",
    "remind me what stage {job} is",
    "did {job} move yet? what stage",
    "gimme a quick status on {job}",
    "{job} sold or still pending?",
])
REP_ASK = Turns("crm.rep", ["who owns the {job} account", "{job} whose account is it", "which salesman has {job}", "who sold {job}"])
CUSTOMER_REP_ASK = Turns("crm.rep.customer", ["whos {pname} guy on our side", "who is {name} working with here"])
NOTE_ASK = Turns("crm.notes", ["latest note on {job}?", "what does the last note on {job} say", "{job} - newest note", "read me the last note for {job}"])


def gen_status(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.status", STAGE_ASK, say, job_ref, jobs(d), 14, lambda jid: ({**CRM, "contains": [d.stage(jid)]}, {"job_id": jid}))


def gen_rep(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = ds.job_cases(d, rng, "crm.rep", REP_ASK, say, job_ref, live_jobs(d), 6, lambda jid: ({**CRM, "contains": [d.rep(jid)]}, {"job_id": jid}))
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

    return ds.job_cases(d, rng, "crm.notes", NOTE_ASK, say, job_ref, [j for j in jobs(d) if d.notes_of(j)], 8, ask)


MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["what did {job} sell for", "{job} signed at how much", "total on the {job} contract?"]),
    "balance": Turns("crm.money.balance", ["{job} paid up?", "anything outstanding on {job}", "how much is left to collect on {job}", "open balance for {job}"]),
    "paid": Turns("crm.money.paid", ["{job} how much have we collected", "total payments received {job}"]),
    "proposal": Turns("crm.money.proposal", ["how much was the proposal on {job}", "{job} quote amount?"]),
    "deposit": Turns("crm.money.deposit", ["how much was the deposit for {job}", "{job} deposit amt"]),
}


def gen_money(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for kind, quota in {"balance": 4, "contract": 3, "proposal": 3, "paid": 2, "deposit": 2}.items():
        pool = [j for j in jobs(d) if kind in d.money_facts(j) and d3.fact(d, kind, cid_of(d, j), j)]
        for jid in rng.sample(pool, min(quota, len(pool))):
            tid, template = MONEY_ASK[kind].pick(rng)
            text = say(template, {"job": job_ref(d, jid, rng)}, rng)
            out.append(case("crm.money", tid, [turn(text, fact(d, kind, cid_of(d, jid), jid))], {"job_id": jid, "field": kind}))
    return out


INSTALL_ASK = Turns("crm.dates.install", ["when do we start the {job} install", "crew start date {job}?", "{job} - install scheduled for when"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} next appointment?", "when is somebody out at {job} again"])
NEXT_ASK = Turns("crm.dates.next_customer", ["next time i see {name}, when", "{pname} next appt day and time", "am i meeting {name} soon? when"])


def gen_dates(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    pools = (jobs(d), jobs(d), customers(d))
    return ds.dates_cases(d, rng, (INSTALL_ASK, NEXT_JOB_ASK, NEXT_ASK), say, job_ref, name_slots, pools, (3, 3, 4))


# (first day, last day, user or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str]] = [
    ("2026-11-24", "2026-11-24", None, "whats happening on the calendar tmrw"),
    ("2026-11-27", "2026-11-27", None, "this friday, how many appts total"),
    ("2026-12-03", "2026-12-03", None, "thursday dec 3 - whats booked"),
    ("2026-12-07", "2026-12-07", None, "appts on 12/7?"),
    ("2026-11-30", "2026-12-04", None, "how many visits nov 30 thru dec 4"),
    ("2026-12-14", "2026-12-15", None, "whats on the books dec 14 and 15"),
    ("2026-12-09", "2026-12-09", 12, "is dana busy wed 12/9"),
    ("2026-11-24", "2026-11-24", 13, "kevin shea schedule tomorrow?"),
    ("2026-12-07", "2026-12-07", 11, "mike reed appts dec 7"),
    ("2026-11-30", "2026-11-30", 14, "carlos got anything monday the 30th"),
    ("2026-12-03", "2026-12-03", 15, "priyas day on dec 3"),
]


def gen_calendar(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.calendar_cases(d, rng, SPLIT, CALENDAR_ASKS, say)


REP_OPEN = [
    (13, "list kevs open jobs"),
    (12, "everything dana has open right now, list"),
    (11, "mike reed, how many jobs open"),
    (12, "whitaker open deals count"),
    (13, "what's shea working on that isnt closed"),
]


def gen_rep_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.rep_jobs_cases(d, rng, SPLIT, REP_OPEN, say)


STAGE_LISTS = [
    ("Estimating", "which jobs are still being estimated"),
    ("Contract Signed", "signed contracts not scheduled yet, which jobs"),
    ("Follow Up", "show me all the follow ups"),
    ("Lead", "list every lead we got"),
    ("Paid & Closed", "jobs that are paid and closed, how many"),
    ("Scheduled", "scheduled jobs - not the in progress ones"),
    ("In Progress", "whats in progress rn"),
    ("Proposal Sent", "proposals out waiting on an answer, which jobs"),
]


def gen_stage_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.stage_jobs_cases(d, rng, SPLIT, STAGE_LISTS, say)


# ------------------------------------------------------------------------------------------
# single questions: knowledge and the playbook
# ------------------------------------------------------------------------------------------


# (document, question, key phrase copied from the section that answers it[, other documents
# that answer it and carry the same phrase])
PLAYBOOK: list[tuple[Any, ...]] = [
    (AFTER, "she signed tonight, who calls her next from our side", "project coordinator"),
    (AFTER, "how many days before the start does the foreman call the homeowner", "Two to three days before the start"),
    (AFTER, "is it ok to order shingles off my own measurements", "never used to order material"),
    (AFTER, "hows the 12 month check in call work", "best moment to ask for referrals"),
    (AFTER, "typical wait on a roofing permit in mass?", "within one to two weeks"),
    (STORY, "what percent of our jobs come from referrals and repeat", "38 percent"),
    (STORY, "where are the summit ridge showrooms", "Marlborough and Nashua"),
    (STORY, "how many projects has the company done since it started in 2008", "9,000 projects"),
    (STORY, "how long should i spend on the company story at the table", "about ninety seconds"),
    (LEADS, "a web lead came in at 8 tonight, when do i need to call it by", "by 9 am the next morning"),
    (LEADS, "just finished an appt, what has to go in the crm and when", "Update the job stage the same day"),
    (LEADS, "is it ok to text a customers phone # to my personal cell", "never texted to personal phones"),
    (LEADS, "whats the rule on reaching back out to lost jobs", "re-contacted after 90 days"),
    (FIRST5, "should i shake an older homeowners hand or not", "follow their lead"),
    (FIRST5, "they asked for a ballpark right at the door, what do i say", "I'd be guessing until I've seen it"),
    (FIRST5, "why do we say fair enough at the end of the agenda", "permission to say no"),
    (FIRST5, "topics to stay away from during rapport?", "politics, religion"),
    (FOLLOW, "whats the day 14 follow up supposed to sound like", "Either answer is fine", [TEMPLATES]),
    (FOLLOW, "project is on hold after the day 14 call, what do i mark it as", "Follow-up later"),
    (FOLLOW, "is it ok to knock the price down on a follow up call", "Never reduce the price in a follow-up call"),
    (FOLLOW, "homeowner went with another company, do we ever contact them again", "after the project would have been finished"),
    (STEPS, "how many photos am i supposed to take on the inspection", "twenty to forty photos"),
    (STEPS, "gonna be a couple minutes late to my appt, do i need to call", "even two minutes late"),
    (STEPS, "hows our step 7, product presentation, supposed to go", "Present the system, not a single product"),
    (INSPECT, "roof looks like a 10/12, am i ok to walk it", "steeper than 8/12"),
    (INSPECT, "what do i check in the attic besides staining", "Insulation depth"),
    (INSPECT, "how do i sum up the inspection for the homeowner", "three findings"),
    (INSPECT, "where do i look for granule loss from the ground", "downspout outlets"),
    (METHOD, "whats our close rate on completed presentations, company wide", "42 percent"),
    (METHOD, "is it ok to tell them the price is only good tonight", "never invent urgency"),
    (METHOD, "whats the first of our four commitments", "Diagnose before you prescribe"),
    (TYPES, "homeowner just wants the bottom line, how do i handle him", "Be brief"),
    (TYPES, "the husband has a spreadsheet of every quote, how do i deal with that type", "data sheets"),
    (TYPES, "how do i sell to an expressive buyer", "Paint the picture"),
    (SIGNALS, "she keeps checking her phone and has her arms crossed, what do i do", "I've been talking a lot"),
    (SIGNALS, "they asked how soon we could start, how do i respond", "reserve that week"),
    (SIGNALS, "whats the most common mistake after a buying signal", "keep presenting"),
    (COUPLES, "the couple disagrees on the roof, how do i play it", "Summarise both views fairly"),
    (COUPLES, "wife hasnt said a word all night, can i take that as a yes", "Treat a quiet partner as agreement"),
    (COUPLES, "her son is helping her decide, how do i treat him", "treat them as a decision-maker"),
    (ELDERLY, "elderly homeowner tomorrow, how long should i plan for", "plan for two hours"),
    (ELDERLY, "older guy wants references before he signs, what do i give him", "three customers in Shrewsbury"),
    (ELDERLY, "she seems tired halfway thru the presentation, do i push on", "offer to come back"),
    (FINQ, "he says same as cash sounds like a trap, what do i tell him", "Honesty here builds more trust"),
    (FINQ, "homeowner got declined for financing before, what do i say", "smaller first phase", [FINP]),
    (FINQ, "can i type in the homeowners ssn on the finance app for them", "Reps never enter a Social Security number"),
    (QUOTES, "we're the first of three companies theyre seeing, what do i ask for", "call us before they sign elsewhere"),
    (QUOTES, "where is the quote comparison checklist", "back of our proposal"),
    (DIY, "how much does a tear off weigh, for the handyman talk", "four to six tons"),
    (DIY, "honestly its just a tiny repair, what do i do", "offer our service department"),
    (THINK, "got any good lines for the think about it stall", "scale of one to ten"),
    # the think-it-over guide and the discount policy both rule it out, each in its own words
    (THINK, "is it ok to give a discount that expires to push them", "discount", [DISC]),
    (FRAME, "whats the feel felt found thing", "I understand how you feel"),
    (FRAME, "acknowledging an objection - does that mean i agree with them", "Acknowledging is not agreeing"),
    (PRICE, "how do i isolate the price objection, exact words", "Setting the price aside for a second"),
    (PRICE, "is it ok to say let me call my manager", "theatre move"),
    (PRICE, "whats the per month way to put a 16,800 roof", "$47 a month"),
    (SPOUSE, "wife cant make it at all this week, what do i do", "come back to present options and price"),
    (SPOUSE, "the husband isnt home but she wants the whole presentation anyway", "equip them"),
    (SPOUSE, "single homeowner wants her sister in on it, how do i handle", "an adult child, a sibling or a friend"),
    (WAIT, "can we even do roofs in the winter", "hand-sealed"),
    (WAIT, "customer wants to wait til spring, how do i find out why", "timing of the work, or the timing of the money"),
    (WAIT, "homeowner wants a spring install, can she lock todays price", "reserve a spot on the spring schedule"),
    (DISC, "hows our referral credit work", "$250 off"),
    (DISC, "whats the most i can discount without asking anyone", "7 percent"),
    (DISC, "do teachers get a discount", "first responder and teacher"),
    (DISC, "guy wants us to match a quote from some unlicensed crew, can i", "licensed and insured contractor"),
    (FINP, "what lender do we finance through", "Bay Colony Home Credit", [TERMS]),
    (FINP, "rate on the 84 month program?", "7.99%"),
    (GBB, "wind rating on the essential package shingle", "110 mph wind rating"),
    (GBB, "whats in the preferred siding package", ".046 premium vinyl"),
    (GBB, "which package do i explain first when presenting", "Start the explanation at the top package"),
    (TERMS, "siding job over 40k, how does the payment schedule go", "40 percent when materials are delivered"),
    (TERMS, "homeowner wants to pay me cash, is that ok", "reps never collect cash"),
    (TERMS, "crew found rotted decking mid job, how do we bill it", "95 dollars per sheet"),
    (TERMS, "if they cancel inside 3 days do they get the deposit back", "refunded in full"),
    (PRESENT, "i just showed the price, what now", "The first person to speak"),
    (PRESENT, "ballpark on replacement windows per window installed", "$850 to $1,400"),
    (SHINGLES, "do we still put on 3 tab shingles", "no longer install three-tab"),
    (SHINGLES, "whats the main cause of shingle blow offs", "high nails"),
    (SHINGLES, "most popular shingle colors in mass?", "Charcoal and weathered wood"),
    (FIBER, "how much clearance off the ground for hardie siding", "at least 6 inches above the ground"),
    (FIBER, "how much longer is a fiber cement job than vinyl", "30 to 50 percent longer"),
    (GUTTERS, "what thickness aluminum do we use for gutters", ".032-inch aluminum"),
    (GUTTERS, "how far apart do the gutter hangers go", "every 24 inches"),
    (GUTTERS, "are reverse curve gutter hoods any good", "overshoot in a downpour"),
    (ICE, "how far in does code want ice and water at the eaves", "24 inches inside the exterior wall line", [GBB]),
    (ICE, "hows the best way to explain ice and water shield to a homeowner", "rubber raincoat"),
    (WINDOWS, "house was built in 1965, anything i need to tell them about windows", "lead-safe certified"),
    (WINDOWS, "sill is rotted, insert or full frame?", "Needed when the frame or sill is rotted"),
    (WINDOWS, "how much will she save on heating with new windows", "10 to 15 percent"),
    (VENT, "can we keep the box vents and add a ridge vent", "short-circuit each other"),
    (VENT, "rule of thumb on how much vent area an attic needs", "1 square foot for every 300 square feet"),
    (UNDER, "felt or synthetic under the shingles, which do we use", "instead of traditional #15 or #30 felt"),
    (UNDER, "do we ever reuse the old drip edge", "we always replace it"),
    (VINYL, "do we install builder grade vinyl", ".040 and below"),
    (VINYL, "what r value does insulated vinyl add", "R-2.5 to R-4", [GBB]),
    (WARRANTY, "what can void the warranty on a roof", "Pressure washing shingles"),
    (WARRANTY, "how long is the workmanship warranty on a summit signature roof", "25 years, transferable once"),
    (BROOKSIDE, "brookside owner called about her roof leaking, can i quote it", "refer them to the property manager"),
    (BROOKSIDE, "what hours can we work at brookside commons", "8 a.m. to 5 p.m. weekdays only"),
    (BROOKSIDE, "do we need a dumpster for a brookside window job", "no dumpsters for window-only jobs"),
    (HOA, "what day does the maple hollow arc board meet", "first Tuesday of each month"),
    (HOA, "is a brown shingle ok in maple hollow", "Brown and red blends are not approved"),
    (HOA, "where does the dumpster go at a maple hollow job", "on plywood"),
    (MAPLE, "maple hollow - how many roofs have we replaced there", "31 roofs"),
    (MAPLE, "which roof package should i pitch in maple hollow", "Present the Preferred roof package"),
    (CONFIRM, "leaving a voicemail on the confirm call, what do i say", "no need to call back"),
    (CONFIRM, "on the confirmation call what else do i ask besides the time", "a gate code, a dog"),
    (TEMPLATES, "whats the referral text after a finished job", "$250 thank-you card", [DISC]),
    (TEMPLATES, "voicemail template when they dont pick up on follow up", "No rush, I just wanted to see"),
    (PRIMER, "how long should my primer video be", "60 to 90 seconds"),
    (PRIMER, "is it ok to mention price in a primer video", "No prices, no discounts, no pressure"),
    (PRIMER, "doing a primer for a siding job, what do i add", "color samples"),
    (SCRIPT, "what are the discovery questions i should ask", "What made you call us now?"),
    (SCRIPT, "whats the line when i ask for the decision", "Which of these feels right for your home?"),
    (SCRIPT, "which package do i say i'd pick if it were my house", "I'd do the Preferred"),
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
        out.append(case("knowledge", f"dev6:knowledge/{doc}#{n}", [turn(say(question, {}, rng), expect)], subject))
    return out


# ------------------------------------------------------------------------------------------
# single questions: the director's calls, pricing, web, scripting
# ------------------------------------------------------------------------------------------

CLOSED = ("closed_first_visit", "closed_follow_up")

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("how many of rachels calls were in quincy", "count", {"town": "Quincy"}),
    ("director calls in warwick, how many", "count", {"town": "Warwick"}),
    ("how many ride alongs did rachel do in holden", "count", {"town": "Holden"}),
    ("how many of the director calls were in new hampshire", "count", {"state": "NH"}),
    ("number of gutter calls in the director transcripts", "count", {"trade": "gutters"}),
    ("how many siding calls did rachel run in 2025", "count", {"trade": "siding", "year": "2025"}),
    ("how many calls did kevin shea do with rachel", "count", {"rep": "Kevin Shea"}),
    ("how many director calls were lost to a competitor", "count", {"outcome": ("lost_competitor",)}),
    ("how many calls ended with no decision", "count", {"outcome": ("no_decision",)}),
    ("storm damage calls, how many", "count", {"situation": "storm_damage"}),
    ("elderly homeowner calls - how many", "count", {"situation": "elderly_homeowner"}),
    ("on how many calls did financing come up as an objection", "count", {"objection": "financing"}),
    ("how many calls had the spouse on facetime", "count", {"technique": "Spouse on FaceTime"}),
    ("how many times did rachel use the takeaway close", "count", {"technique": "Takeaway close"}),
    ("close rate on the storm damage calls?", "close_rate", {"situation": "storm_damage"}),
    ("window calls - close rate?", "close_rate", {"trade": "windows"}),
    ("close % on calls where the spouse wasnt there", "close_rate", {"situation": "spouse_not_present"}),
    ("close rate for dana on the director calls", "close_rate", {"rep": "Dana Whitaker"}),
    ("first visit close rate on roofing calls", "first_visit_rate", {"trade": "roofing"}),
    ("avg deal size on closed siding calls", "avg_deal_closed", {"trade": "siding"}),
    ("average closed deal on the 2024 calls", "avg_deal_closed", {"year": "2024"}),
    ("how long is the average gutter call in minutes", "avg_minutes", {"trade": "gutters"}),
    ("avg days to the follow up on the director calls", "avg_follow_up_days", {}),
    ("average minutes rachel spends on rapport", "phase:rapport", {}),
    ("on average how long is the inspection part of the calls, minutes", "phase:inspection", {}),
]


def gen_analysis(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.analysis_cases(d, rng, SPLIT, CALL_FIGURES, say)


# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-SH-HDZ", "timberline hdz", "price", "what do we sell a bundle of {item} for"),
    ("RF-SH-LMK", "landmark shingles", "cost", "our cost per bundle on {item}"),
    ("RF-UL-SYN", "synthetic underlayment", "price", "{item} roll, sell price"),
    ("RF-RV", "ridge vent", "price", "price on a 4 ft piece of {item}"),
    ("RF-NL", "coil nails", "price", "box of {item} - what do we charge"),
    ("SD-FC-CP", "hardie colorplus", "price", "how much per plank for {item}"),
    ("SD-HW", "house wrap", "cost", "what does a roll of {item} cost us"),
    ("SD-OC", "outside corner post", "price", "{item} price each"),
    ("GT-HR6", "6 inch half round", "price", "10 ft length of {item} gutter, our price"),
    ("GT-EL34", "3x4 elbow", "price", "how much is a {item}"),
    ("WN-CS", "casement window", "price", "what does a vinyl {item} sell for"),
    ("WN-DH-FG", "fiberglass double-hung unit", "labour", "install labor on a {item}"),
    ("RF-TO", "tear off", "labour", "whats the {item} labor per square"),
    ("SD-FC-PR", "primed hardieplank", "supplier", "who do we order {item} through"),
    ("WN-PIC", "picture window", "supplier", "supplier for the {item}"),
    ("RF-SH-DES", "designer shake", "margin", "whats our margin on {item} shingles"),
    ("GT-K6", "k style 6 inch", "markup", "markup % on {item} gutter"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [
    ("WN-DH", "vinyl double hung windows", 9, "{qty} {item} at sell price, product only, total"),
    ("GT-DS34", "3x4 downspouts", 6, "price out {qty} {item}, 10 ft each"),
]


def gen_pricing(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = ds.catalog_cases(d, rng, SPLIT, CATALOG_ASKS, say)
    out += ds.total_cases(d, rng, SPLIT, CATALOG_TOTALS, say)
    out += ds.roof_cases(d, rng, SPLIT, [(1900, 6, 0, "house footprint {area} sqft, {rise}/12 pitch, how many squares"), (2400, 9, 15, "{area} footprint {rise}/12 with {waste} percent waste, squares pls")], say, waste_always=False)
    for n, (code, name, squares_n, template) in enumerate([("RF-SH-HDZ", "hdz", 27, "bundles of {item} for a {squares} square roof"), ("RF-SH-3TAB", "3 tab", 12, "{squares} squares of {item}, how many bundles do i order")]):
        row = be.sku(d, code)
        text = say(template, {"item": name, "squares": str(squares_n)}, rng)
        out.append(case("pricing", f"dev6:pricing.bundles/{n}", [turn(text, {"agent": "pricing", "count": int(squares_n / Fraction(row["coverage"]))})], {"sku": code, "squares": squares_n}))
    for n, (code, need, template) in enumerate([("RF-RV", 42, "42 ft of ridge, how many ridge vent pieces"), ("RF-IW", 9, "need 9 squares of ice and water, how many rolls"), ("SD-JC", 140, "140 lf of j channel, how many sticks")]):
        row = be.sku(d, code)
        text = say(template, {}, rng)
        out.append(case("pricing", f"dev6:pricing.pieces/{n}", [turn(text, {"agent": "pricing", "count": math.ceil(need / float(Fraction(row["coverage"])))})], {"sku": code, "need": need, "need_unit": row["coverage_unit"]}))
    return out


WEB_ASKS = [
    "search the web for the current mass building code on ice barriers",
    "google whether framingham needs a permit for gutters",
    "look up online if owens corning raised prices this winter",
    "whats the forecast in quincy tomorrow, check online",
    "search online for the nh contractor registration rules",
    "find me reviews of copper kettle roofing online",
    "look up the lead paint rules for window jobs on the epa site",
    "google the marlborough permit office hours",
    "search for news on a hardie colorplus shortage",
    "check online what a dumpster rental costs in worcester",
]


def gen_web(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return [case("web_search", f"dev6:web_search/{n}", [turn(say(t, {}, rng), {"agent": "web_search", "not_contains": d4.INVENTED})], {}) for n, t in enumerate(WEB_ASKS)]


SCRIPT_ASKS = Turns("scripting", [
    "make me a primer video script for {name}",
    "i need a pitch script for {name}",
    "write up a talk track before i meet {name}",
    "primer vid script - {name}",
    "help me script my appt with {name}",
])


def gen_scripting(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.scripting_cases(d, rng, SCRIPT_ASKS, say, customers(d), cust_ref, many=10)


# ------------------------------------------------------------------------------------------
# new customers, bad input
# ------------------------------------------------------------------------------------------

NEW_PEOPLE = [
    ("Cornelius", "Vandermeer"), ("Henrietta", "Oduya"), ("Leopold", "Strickland"), ("Octavia", "Bramwell"),
    ("Barnaby", "Quist"), ("Clementine", "Achterberg"), ("Ignatius", "Pellerin"), ("Philomena", "Dunleavy"),
    ("Roderick", "Tamura"), ("Seraphina", "Whitcombe"),
]
NEW_STREETS = ["12 Fox Run", "88 Cedar Hill Rd", "301 Main St", "7 Whitney Ave", "45 Lakeshore Dr"]
NEW_TOWNS = ["Auburn", "Sutton", "Leominster", "Uxbridge", "Hudson"]
NEW_TRADES = [("a full reroof", "roof"), ("vinyl siding", "siding"), ("gutters", "gutter"), ("replacement windows", "window"), ("a roof leak looked at", "roof")]
NEW_CARDS = Turns("new_clients", [
    "add a new customer {first} {last}, cell {phone}, {street} {town}, looking at {trade}",
    "new homeowner: {first} {last} / {email} / {phone}",
    "got a referral, {first} {last}, {phone}, wants {trade}",
    "create a customer for {first} {last} at {street} in {town}, phone {phone}",
    "walk-in lead {first} {last} {phone} email {email}",
])


def gen_new_clients(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n in range(10):
        first, last = NEW_PEOPLE[n]
        assert not any(c["first_name"] == first or c["last_name"] == last for c in d.customers.values())
        digits = f"{['774', '508', '978', '781'][n % 4]}555{6200 + n * 37:04d}"
        email = f"{first.lower()}.{last.lower()}@{['yahoo', 'comcast', 'gmail', 'aol'][n % 4]}.{'net' if n % 4 == 1 else 'com'}"
        trade_said, trade_word = NEW_TRADES[n % len(NEW_TRADES)]
        street, town = NEW_STREETS[n % len(NEW_STREETS)], NEW_TOWNS[(n * 3) % len(NEW_TOWNS)]
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
    for n, text in enumerate(["asdfgh jkl", "????", "lol k", "zzzz qqq bbb"]):
        out.append(case("bad_input", f"dev6:bad_input.gibberish/{n}", [turn(text, dict(NO_FORM))], {"kind": "gibberish"}))
    for n, text in enumerate(["whats his number again", "when is her install", "and whos the rep on it"]):
        out.append(case("bad_input", f"dev6:bad_input.focusless/{n}", [turn(text, {**NO_FORM, "not_contains": [be.SEED_PHONE_PREFIX]})], {"kind": "nothing in focus"}))
    for n, name in enumerate(["bartholomew fenwick", "gwendolyn ashcroft"]):
        out.append(case("bad_input", f"dev6:bad_input.nobody/{n}", [turn(f"email for {name}?", {**NO_FORM, "not_contains": [be.SEED_PHONE_PREFIX, "@example"]})], {"kind": "unknown name"}))
    assert 3391 not in d.jobs and not any(j["number"].endswith("-3391") for j in d.jobs.values())
    out.append(case("bad_input", "dev6:bad_input.missing_job/0", [turn("whats the stage on 3391", {**NO_FORM, "contains": ["3391"], "not_contains": be.JOB_NUMBER_PREFIXES})], {"kind": "unknown job", "job": 3391}))
    return out


# ------------------------------------------------------------------------------------------
# conversations
# ------------------------------------------------------------------------------------------

LOOKUP = ["pull up {ref} real quick", "whats up with {ref}", "look at {ref} for me", "{ref} - open it up"]


def lookup(d: Data, jid: int, rng: random.Random, ref: str | None = None) -> dict[str, Any]:
    return turn(say(rng.choice(LOOKUP), {"ref": ref or job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.stage(jid)]})


def ask(d: Data, rng: random.Random, templates: list[str], kind: str, cid: int, jid: int | None = None, **slots: str) -> dict[str, Any]:
    return turn(say(rng.choice(templates), {**pron(d, cid), **slots}, rng), fact(d, kind, cid, jid))


THEN = {
    "email": ["got an email for {obj} too?", "{pos} email pls"],
    "address": ["where is {pos} place", "and the house address on that"],
    "phone": ["whats the number to reach {obj}", "{pos} cell?"],
    "balance": ["are they paid up on it", "anything still owed there"],
    "rep": ["whos the salesman on it", "which rep is that"],
    "stage": ["what stage is {subj} in", "where is that one at stage wise"],
    "next": ["when am i back out there", "next appt with {obj}?"],
    "contract": ["what did that sell for", "contract price there?"],
    "note": ["whats the latest note on that", "last note?"],
}


def gen_followup(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    people = customers(d)
    rng.shuffle(people)

    def add(shape: str, turns: list[dict[str, Any]], subject: dict[str, Any]) -> None:
        out.append(case("followup", f"dev6:followup.{shape}", turns, subject))

    def first_phone(cid: int) -> dict[str, Any]:
        _t, template = ASK["phone"].pick(rng)
        return turn(say(template, name_slots(d, cid, rng), rng), fact(d, "phone", cid))

    for cid in people[:4]:
        add("contact_chain", [first_phone(cid), ask(d, rng, THEN["email"], "email", cid), ask(d, rng, THEN["address"], "address", cid)], {"customer_id": cid})
    used = set(people[:4])
    singles = [c for c in people if len(d.jobs_of(c)) == 1 and c not in used]
    for cid in singles[:4]:
        jid = d.jobs_of(cid)[0]["id"]
        turns = [first_phone(cid), ask(d, rng, THEN["stage"], "stage", cid, jid), ask(d, rng, THEN["rep"], "rep", cid, jid)]
        add("phone_stage_rep", turns, {"customer_id": cid, "job_id": jid})
        used.add(cid)
    sold = [j for j in live_jobs(d) if d.fully_invoiced(j) and cid_of(d, j) not in used]
    for jid in sold[:3]:
        cid = cid_of(d, jid)
        used.add(cid)
        add("money", [lookup(d, jid, rng), ask(d, rng, THEN["contract"], "contract", cid, jid), ask(d, rng, THEN["balance"], "balance", cid, jid)], {"customer_id": cid, "job_id": jid})
    noted = [j for j in live_jobs(d) if d.notes_of(j) and d.next_appointment(cid=cid_of(d, j)) and cid_of(d, j) not in used and len(d.jobs_of(cid_of(d, j))) == 1]
    for jid in noted[:3]:
        cid = cid_of(d, jid)
        used.add(cid)
        add("note_next", [lookup(d, jid, rng), ask(d, rng, THEN["note"], "note", cid, jid), ask(d, rng, THEN["next"], "next", cid)], {"customer_id": cid, "job_id": jid})
    return out


# (said, chosen customer, field, reply)
WHICH: list[tuple[str, int, str, str]] = [
    ("carter", 107, "phone", "denise"),
    ("mccarthy", 127, "stage", "mark"),
    ("fitzgerald", 112, "email", "nancy in worcester"),
    ("castillo", 138, "rep", "megan"),
    ("reilly", 116, "address", "karen"),
    ("kaplan", 143, "phone", "steven"),
    ("nancy", 126, "stage", "quinn"),
    ("megan", 132, "email", "the morrison one"),
    ("steven", 122, "phone", "lombardi"),
    ("melissa", 137, "address", "larkin"),
    ("wong", 111, "email", "maria"),
]
WHICH_FIRST = {
    "phone": ["whats the {said} number", "call {said} for me, number?"],
    "stage": ["{said} - stage?"],
    "email": ["email {said}?", "shoot me the {said} email"],
    "rep": ["whos the rep for {said}"],
    "address": ["{said} address"],
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
        if field == "stage":
            assert len(d.jobs_of(chosen)) == 1, chosen
        expect = d5.clarify_fact(d, field, chosen)
        turns = [turn(text, {"asks": options}), turn(reply, expect)]
        out.append(case("clarify", f"dev6:clarify.{field}", turns, {"said": said, "customer_ids": group, "chosen": chosen, "field": field}))
    return out


DETOURS: list[tuple[str, str, str | None]] = [
    ("sorry one sec - how long is a proposal good for", TERMS, "valid for 30 days"),
    ("whats a box of siding nails cost", "pricing:SD-NL", None),
    ("how many director calls were in braintree", "analysis:town:Braintree", None),
    ("btw whats the senior discount", DISC, "Senior (65+)"),
    ("quick q, do we tarp active leaks fast", WARRANTY, "tarped within 24 hours"),
    ("price on a 5 inch hidden hanger", "pricing:GT-HG5", None),
    ("whats the dumpster rule at maple hollow, how many days", HOA, "no more than 10 days"),
    ("how many rachel calls were historic district houses", "analysis:situation:historic_district", None),
    ("what size downspouts do we put up", GUTTERS, "3x4-inch oversized downspouts"),
    ("how much do we charge for ridge cap, per bundle", "pricing:RF-RC", None),
]
# other documents that answer a detour and carry its key phrase
DETOUR_ALSO = {TERMS: [WAIT]}


def detour_expect(d: Data, ref: str, phrase: str | None) -> dict[str, Any]:
    if ref.startswith("pricing:"):
        return {"agent": "pricing", "money": float(be.sku(d, ref.split(":")[1])["price"])}
    if ref.startswith("analysis:"):
        _, key, value = ref.split(":")
        return d3.analysis_expect("count", d3.analysis_figure(d, "count", {key: value}))
    return d3.knowledge_expect(d, ref, phrase, DETOUR_ALSO.get(ref))


BACK = {
    "phone": "ok back to it, whats {pos} number",
    "email": "anyway whats {pos} email address",
    "stage": "back to that job - what stage",
    "rep": "and who is the rep on that one",
    "contract": "ok and what did that job go for",
}


def gen_topic_switch(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = [j for j in live_jobs(d) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    plan = ["phone", "stage", "rep", "email", "contract", "phone", "rep", "stage", "email", "contract"]
    for n, kind in enumerate(plan):
        cands = [j for j in pool if kind != "contract" or "contract" in d.money_facts(j)]
        jid = cands[n % len(cands)]
        cid = cid_of(d, jid)
        text, ref, phrase = DETOURS[n]
        middle = detour_expect(d, ref, phrase)
        back = turn(say(BACK[kind], pron(d, cid), rng), fact(d, kind, cid, jid if kind in ("stage", "rep", "contract") else None))
        turns = [lookup(d, jid, rng), turn(say(text, {}, rng), middle), back]
        refs = [ref.split(":", 1)[1] if ref.startswith("pricing:") else ref]
        out.append(case("topic_switch", f"dev6:topic_switch.{kind}", turns, {"customer_id": cid, "job_id": jid, "middle": refs, "phrase": [phrase]}))
    return out


YESES = ["yes do it", "yep thats right", "yep go for it", "yes save", "ok go", "correct, yes", "yup", "sounds good, do it", "thats right", "yes please do"]
NOTES = [
    "wants a price on gutter guards too", "dog in the yard, use the side gate", "asked us to call after 4",
    "roof has two layers, budget for tear off", "neighbor referred them", "wants to see the charcoal sample",
]
STAGE_SAID = [
    ("{ref} - they picked another contractor, set it to lost", "Lost"),
    ("{ref} signed today, change stage to contract signed", "Contract Signed"),
    ("move {ref} to follow up, they need more time", "Follow Up"),
    ("{ref} the crew started, set in progress", "In Progress"),
]
NOTE_SAID = ["add note to {ref}: {note}", "note on {ref} - {note}", "{ref} note: {note}"]
# (when as typed, start)
WHEN_TYPED = [
    ("fri at 10am", "2026-11-27T10:00"),
    ("12/4 at 1:30pm", "2026-12-04T13:30"),
    ("dec 11 at 2:30pm", "2026-12-11T14:30"),
    ("next wed at 9am", "2026-12-02T09:00"),
    ("tomorrow at 11am", "2026-11-24T11:00"),
]
BOOK_SAID = ["schedule {akind} for {ref} {when}", "book {ref} {akind} {when}"]
BOOK_KIND = {"Lead": ("inspection", "inspection"), "Estimating": ("inspection", "inspection"), "Proposal Sent": ("estimate review", "estimate"), "Follow Up": ("follow-up meeting", "follow"), "Contract Signed": ("install", "install"), "Scheduled": ("site visit", "visit"), "In Progress": ("walkthrough", "walkthrough")}
CALL_OFFS = ["wait no dont", "cancel that", "hold off", "nvm dont save it", "stop, not yet", "nah just leave it"]
STRAYS = ["ok", "k", "yes", "cool"]


def book_check(d: Data, jid: int, k: int) -> tuple[str, str, str]:
    for shift in range(len(WHEN_TYPED)):
        said, start = WHEN_TYPED[(k + shift) % len(WHEN_TYPED)]
        if not d5.busy(d, jid, dt.datetime.fromisoformat(start)):
            return said, start, ""
    raise AssertionError(f"no free time for {jid}")


def make_write(d: Data, rng: random.Random, kind: str, jid: int, k: int) -> tuple[str, str, dict[str, Any]]:
    ref = d5.styled_ref(d, jid, d5.STYLES[k % len(d5.STYLES)], rng)
    if kind == "note":
        note = NOTES[k % len(NOTES)]
        template = NOTE_SAID[k % len(NOTE_SAID)]
        return f"dev6:write.note/{NOTE_SAID.index(template)}", say(template, {"ref": ref, "note": note}, rng), {"note_on_job": jid, "contains": note}
    if kind == "stage":
        template, stage = STAGE_SAID[k % len(STAGE_SAID)]
        return f"dev6:write.stage/{stage}", say(template, {"ref": ref}, rng), {"stage_of_job": jid, "stage": stage}
    said, start, _ = book_check(d, jid, k)
    visit, title = BOOK_KIND[d.stage(jid)]
    template = BOOK_SAID[k % len(BOOK_SAID)]
    text = say(template, {"ref": ref, "when": said, "akind": d5.article(visit)}, rng)
    return f"dev6:write.book/{BOOK_SAID.index(template)}", text, {"appointment_on_job": jid, "start": start, "title_contains": title}


def pick_job(d: Data, kind: str, k: int, pool: list[int], used: set[int]) -> int:
    if kind == "stage":
        stage = STAGE_SAID[k % len(STAGE_SAID)][1]
        fits = [j for j in pool if d.stage(j) in d5.STAGE_FROM[stage] and j not in used]
    else:
        fits = [j for j in pool if j not in used]
    jid = fits[0]
    used.add(jid)
    return jid


def gen_write(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    pool = open_jobs(d)
    rng.shuffle(pool)
    used: set[int] = set()
    for k in range(12):
        kind = ["note", "stage", "book"][k % 3]
        jid = pick_job(d, kind, k, pool, used)
        tid, text, check = make_write(d, rng, kind, jid, k)
        out.append(case("write", tid, [turn(text), turn(YESES[k % len(YESES)], d5.done([check]))], {"job_id": jid, "kind": kind}, [check]))
    return out


def gen_called_off(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    pool = open_jobs(d)
    rng.shuffle(pool)
    used: set[int] = set()
    for k in range(6):
        kind = ["book", "note", "stage"][k % 3]
        jid = pick_job(d, kind, k + 1, pool, used)
        tid, text, _check = make_write(d, rng, kind, jid, k + 1)
        said = CALL_OFFS[k]
        turns = [turn(text), turn(said, dict(NO_CLAIM))]
        how = "off"
        if k % 2:
            turns.append(turn(STRAYS[k // 2], dict(NO_CLAIM)))
            how = "off_then_yes"
        out.append(case("called_off", f"dev6:called_off.{how}/{tid.removeprefix('dev6:')}", turns, {"job_id": jid, "kind": kind, "call_off": said}, [{"unchanged": True}]))
    return out


# ------------------------------------------------------------------------------------------
# the files
# ------------------------------------------------------------------------------------------

DEV_SET = be.DevSet(SPLIT, SEED, globals(), HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
