"""Builds dev18, an eighteenth development set for the understanding layer, written blind (from
the demo data and what the product is for) the way ten different reps would type on a phone,
young and old, careful and sloppy: about 80 single questions and 110 conversations, 60 of them
ending in a write and some 25 writes called off with a later "yes" that must change nothing. Single
questions, a few of each: contact fields, money, dates, notes, the rep of a job, a rep's open
jobs, jobs in a stage, the calendar, playbook questions in reps' words, director-call figures,
catalog prices and margins, scripts, web searches, new customers dictated, bad input.
Conversations: notes ("throw a note on ...", "put in the notes for ...", "note for ..."), a deal
signed, lost, installed, paid or sent back to estimating told as news, bookings ("pencil me in
...", "book ... for ..."), visits moved, the job named by its number in the builders' forms, by
its customer and trade ("castillo window deal"), by its trade and town ("gutters down in
natick"), by a pronoun after a look-up; days and times typed "tmrw 2pm", "12/4 by 11am",
"thursday after next 10am", "the 9th at 2:45"; writes corrected before the yes and writes
called off in plain words ("nah lets hold off", "dont put that thru yet", "never mind"). Every expected fact
and every expected CRM change is computed from data/demo (the CRM seed, the knowledge base, the
director's call transcripts, the catalog) by dev_generators, never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev18.py [--out DIR]

Writes dev18/questions.jsonl and dev18/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev16 (see build_eval.py and
bench/understanding.py); the code that works out the cases is dev_generators' (the code dev10
to dev16 run), and every phrasing is dev18's own. The clock is pinned at Monday 2026-11-23
09:00 America/New_York. Booking times are typed in forms the reader of test_dev_sets reads.

Subjects are the dev customers (build_eval.split_customers(d, "dev")); held-out customers only
appear as the other options of a shared name in a clarification.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.understanding.eval import build_dev8 as d8  # noqa: E402
from tests.understanding.eval import build_dev9 as d9  # noqa: E402
from tests.understanding.eval import build_dev16 as d16  # noqa: E402
from tests.understanding.eval import build_eval as be  # noqa: E402
from tests.understanding.eval import dev_generators as dg  # noqa: E402
from tests.understanding.eval import dev_shared as ds  # noqa: E402
from tests.understanding.eval.build_dev5 import ONE, WORD, cid_of, trades_of  # noqa: E402
from tests.understanding.eval.dev_shared import (  # noqa: E402
    DISC,
    ELDERLY,
    FINP,
    ICE,
    SPOUSE,
    VENT,
    WARRANTY,
    WINDOWS,
)

SPLIT = "dev18"
SEED = f"{be.SEED}/dev18"
NOW = be.NOW
WRITE_CLAIMS = be.WRITE_CLAIMS  # what no answer may claim

# ------------------------------------------------------------------------------------------
# naming a job: build_dev16's names, and two more: "castillo window deal" (the last name, the
# trade and "deal") and "gutters down in natick" (the trade "down in" the town)
# ------------------------------------------------------------------------------------------

OWN_STYLES = ("last_trade_deal", "trade_down_in")
REF_STYLES = (*d16.REF_STYLES, *OWN_STYLES)
NUMBER_STYLES = d9.NUMBER_STYLES
cust_ref = d9.cust_ref


def refs_of(d: be.Data, jid: int) -> dict[str, str]:
    """build_dev16's names for one job alone, and dev18's two: the last name, the trade and
    "deal" (the one job of it for anyone of that name), the trade "down in" the town (the one
    job of it there)."""
    out = d16.refs_of(d, jid)
    cid = cid_of(d, jid)
    c = d.customers[cid]
    town = d8.town_of(d, jid)
    for trade in trades_of(d, jid):
        if len(d.jobs_by_last_trade(c["last_name"], trade)) == 1:
            out.setdefault("last_trade_deal", f"{c['last_name']} {ONE[trade]} deal")
        if d8.town_alone(d, jid, trade):
            out.setdefault("trade_down_in", f"{WORD[trade]} down in {town}")
    return out


def styled(d: be.Data, jid: int, style: str) -> tuple[str, str]:
    """(style used, text): the style asked for, or the job number when the job has no such name."""
    refs = refs_of(d, jid)
    if style in refs:
        return style, refs[style]
    fallback = NUMBER_STYLES[jid % len(NUMBER_STYLES)]
    return fallback, refs[fallback]


def job_ref(d: be.Data, jid: int, rng: random.Random) -> str:
    return rng.choice(list(refs_of(d, jid).values()))


# ------------------------------------------------------------------------------------------
# how reps type, dev18's layer: ten reps, some careful, most not: dropped apostrophes, thumbs
# off by a key, shorthand, a small word left out, and dictation without punctuation
# ------------------------------------------------------------------------------------------

# (pattern, what the phone made of it, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\bplease\b", "plz", 0.4),
    (r"\bwith\b", "w/", 0.3),
    (r"\bbecause\b", "cuz", 0.6),
    (r"\bthanks\b", "thx", 0.5),
    (r"\bsomething\b", "somethin", 0.4),
    (r"\bwant\b", "wnat", 0.1),
    (r"\bcustomer\b", "cust", 0.4),
    (r"\bhomeowner\b", "ho", 0.5),
    (r"\bappointment\b", "appt", 0.5),
    (r"\bestimate\b", "estimat", 0.1),
    (r"\bgoing to\b", "gonna", 0.5),
    (r"\byou\b", "u", 0.3),
    (r"\bthe\b", "th", 0.03),
    (r"\bwhere\b", "were", 0.15),
    (r"\bright\b", "rite", 0.15),
    (r"\bsigned\b", "singed", 0.12),
    (r"\binstall\b", "instal", 0.15),
    (r"\bokay\b", "ok", 0.6),
    (r"\babout\b", "bout", 0.3),
]
# one small word left out of that share of the phrasings; that share comes out as dictated
DROP = (r"\b(?:the|a|to)\s", 0.1)
DICTATED = 0.2
say = ds.typist(THUMBS, drop=DROP, dictated=DICTATED, no_digit_by_a_time=True)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn, named as dev18's."""

    split = SPLIT


# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "whats the best number to reach {name}",
        "i need {pname} phone please",
        "phone for {name}? she asked me to call back",
        "gimme {pname} cell real quick",
    ]),
    "email": Turns("crm.contact.email", [
        "do we have an email for {name}",
        "{pname} email address, want to send the brochure",
        "what email is {name} using these days",
    ]),
    "address": Turns("crm.contact.address", [
        "whats {pname} address, i forgot",
        "address on {name} please",
        "{name} what street are they on",
    ]),
    "home": Turns("crm.contact.home", ["is there a home phone for {name}", "{pname} home number not the cell"]),
}
STAGE_ASK = Turns("crm.status", [
    "whats the status on {job} right now",
    "{job} what stage is it in",
    "can you tell me where {job} stands",
    "status check {job}",
    "{job} did that move at all",
    "what stage did we leave {job} in",
])
REP_ASK = Turns("crm.rep", ["who sold {job} in the first place", "{job} whos the rep", "which one of us is on {job}", "who is rep for {job} again"])
NOTE_ASK = Turns("crm.notes", ["what was the last note put on {job}", "{job} whats the newest note say", "anything new get noted on {job}"])
MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["contract price on {job}?", "{job} what did it sell at"]),
    "balance": Turns("crm.money.balance", ["{job} whats their balance due at this point", "how much do we still have to collect on {job}"]),
    "deposit": Turns("crm.money.deposit", ["{job} how big a deposit did we take", "{job} did they put money down, how much"]),
    "proposal": Turns("crm.money.proposal", ["what was the proposal number on {job}, the total"]),
}
INSTALL_ASK = Turns("crm.dates.install", ["whats the install date on {job}", "when does the crew go to {job}"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} whats the next appointment", "anything coming up on {job} calendar wise"])
NEXT_ASK = Turns("crm.dates.next_customer", ["whens my next time seeing {name}", "{pname} next appointment?"])

# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-24", "2026-11-24", None, None, "whats on the schedule tmrw for everybody"),
    ("2026-12-07", "2026-12-11", None, None, "team calendar for the week of the 7th please"),
    ("2026-11-25", "2026-11-25", 12, None, "does dana have anything wednesday"),
    ("2026-11-30", "2026-11-30", 11, None, "mikes appointments monday the 30th"),
    ("2026-12-01", "2026-12-03", 13, None, "kevins calendar 12/1 to 12/3"),
    ("2026-11-23", "2026-12-04", None, "install", "every {kind} from today to 12/4"),
    ("2026-11-30", "2026-12-04", None, "inspection", "any {kind}s set up for next week"),
]
REP_OPEN = [
    (11, "mike reed open jobs, all of them"),
    (12, "list out danas open jobs"),
    (13, "what has kevin shea got open"),
]
STAGE_LISTS = [
    ("Contract Signed", "signed jobs that still need a start date"),
    ("Estimating", "which jobs are sitting in estimating"),
    ("Lead", "show me the leads we havent touched yet"),
]

# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (ICE, "how far up from the edge does ice and water have to go for code", "at least 24 inches inside the exterior wall line"),
    (VENT, "customer has box vents, can i just add ridge vent on top of those", "Never mix exhaust types"),
    (FINP, "ballpark monthly payment on a 20 thousand job over 84 months", "about 1.56 percent of the amount per month"),
    (DISC, "customer is military and over 65, do they get both discounts", "Do not combine with the military discount"),
    (SPOUSE, "wife cant be there for the appointment, what do i do", "offer FaceTime or a video call for the findings and the options"),
    (ELDERLY, "how long should i stay at an elderly customers house", "never let a visit run past two and a half"),
    (WINDOWS, "customer wants to know how many weeks til the windows go in", "allow four to six weeks from the production measure to installation"),
    (WINDOWS, "old house, lead paint probably, are we ok to pull the windows", "Our crews are EPA lead-safe certified"),
]

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("in rachels calls how many were in quincy", "count", {"town": "Quincy"}),
    ("director calls in rhode island, how many were there", "count", {"state": "RI"}),
    ("close rate on siding in the director calls?", "close_rate", {"trade": "siding"}),
    ("how many of rachels calls closed same day first visit", "count", {"outcome": ("closed_first_visit",)}),
    ("how many times did she use good better best", "count", {"technique": "Good-better-best options"}),
]

# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-IW", "ice n water membrane", "cost", "what does a roll of {item} run us"),
    ("GT-K6", "six inch k gutter", "price", "what do we charge for {item}"),
    ("SD-HW", "house wrap", "supplier", "who do we get our {item} from"),
    ("WN-DH", "double hung vinyl window", "margin", "margin on the {item}?"),
    ("RF-RV", "ridge vent", "markup", "what kind of markup do we have on {item}"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [("GT-EL23", "2x3 elbows", 18, "how much for {qty} {item}")]
# (sku, squares, template): bundles for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [("RF-SH-DUR", 26, "{squares} squares of duration, how many bundles is that")]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [(1800, 8, 10, "house is {area} sq ft footprint, {rise}/12 pitch, {waste} percent waste, how many squares")]

WEB_ASKS = [
    "can you look up what the mass save rebate is on windows right now",
    "search online for gaf timberline hdz reviews",
    "look up if there are any new siding tax credits this year",
]
SCRIPT_ASKS = Turns("scripting", [
    "write me a script for {name}",
    "help me with what to say at the {name} appointment",
    "can i get a sales script for {name} please",
])

# new customers dictated the way a rep types them in the truck
NEW_PEOPLE = [("Cornelius", "Abernathy"), ("Philippa", "Drummond"), ("Ignatius", "Villanueva")]
NEW_STREETS = ["19 Hickory Ridge Dr", "740 Old Colony Rd", "6 Juniper Ct"]
NEW_TOWNS = ["Hopkinton", "Grafton", "Upton"]
NEW_TRADES = [("gutters overflowing in the rain", "gutter"), ("roof is leaking in the bedroom", "roof"), ("windows fogged up between the glass", "window")]
NEW_CARDS = Turns("new_clients", [
    "new customer {first} {last} {street} {town} phone {phone} {trade}",
    "please add a new lead, {first} {last}, {email}, {phone}",
    "got a new one for you {first} {last} at {street} {town}, {phone}, {trade}",
])
# bad input: gibberish, a write with nothing in focus, a job that does not exist
GIBBERISH = "asdf jkl; zxcv ,,, mmmm"
FOCUSLESS = "put a note in that the dog is friendly"
MISSING_JOB = (8814, "job 8814 signed, move it to contract signed")

# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = [
    "pull {ref} up for me",
    "whats new on {ref} lately",
    "can you bring up {ref}",
    "lookup {ref} please",
    "i need the info on {ref}",
    "tell me whats up with {ref}",
]

SECOND = {
    "phone": ["whats the phone on that", "got a number for {obj} on there"],
    "email": ["do we have {pos} email", "and the email for {obj}"],
    "address": ["what is the address there", "and where is that house"],
    "rep": ["who is the rep on that", "whose deal is that one"],
    "contract": ["how much did that one sell for", "what was the contract"],
    "note": ["what did the last note on there say", "anything good in the notes on there"],
    "paid": ["how much has come in on that", "what have they paid to date"],
    "balance": ["whats the balance", "what do they owe us still"],
}
OTHER_JOB = ["and {pos} {trade} how is that one", "what about the other one they have", "whats happening on the {trade} for {obj}", "the {trade} one too, status"]
ON_OTHER = ["ok so who has that one then", "and whos the rep over there"]

# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("brooks", 130, "email", "richard"),
    ("thibodeau", 144, "phone", "town"),
    ("castillo", 138, "address", "town"),
    ("lynch", 134, "phone", "james"),
    ("megan", 132, "address", "morrison"),
    ("wong", 111, "email", "trade"),
    ("erica", 131, "phone", "pereira"),
    ("thomas", 115, "rep", "ordinal:1"),
]
WHICH_FIRST = {
    "phone": ["number for {said}", "whats {said} phone"],
    "email": ["{said} email pls?", "i need the email for {said}"],
    "address": ["address for {said}", "whats the address on {said}"],
    "rep": ["which rep has {said} as a customer", "rep on {said}?"],
}
BY_TRADE = ["the one thats {trade}", "{trade} job i mean"]
BY_TOWN = ["the house over by {town}", "its {town} that one"]
ORDINAL_SAID = {1: "the first one"}
# a customer with two jobs asked about by name, the job then given by its number
WHICH_JOB = [(123, "hows {name} doing, where are we")]

# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("quick question whats the warranty on our labor", WARRANTY, "on every roofing, siding, gutter and window installation"),
    ("how much do we sell ridge vent for", "pricing:RF-RV", None),
    ("also how many of the director calls were in quincy", "analysis:town:Quincy", None),
    ("if they finance do they still pay a deposit", FINP, "The deposit applies even with financing"),
    ("whats the referral deal we give customers", DISC, "$250 off for a homeowner referred by a past customer"),
]
BACK = {
    "phone": "ok and whats {pos} number",
    "email": "ok now the email for {obj}",
    "address": "ok and where do they live",
    "rep": "ok and whos the rep on it",
    "contract": "ok and what did it sell for",
    "note": "ok whats the latest note on it",
    "paid": "ok and how much have they paid",
    "balance": "ok what do they still owe",
}

# ------------------------------------------------------------------------------------------
# conversations: writes, in reps' own words
# ------------------------------------------------------------------------------------------

YESES = [
    "yes", "yeah", "yep", "yea do that pls", "yes please", "ok", "ok yes", "yeah thats correct", "correct", "yes save",
    "thats right", "yup go", "yes sir", "right", "sounds good", "yeah go on", "do it", "ok do it then", "confirm",
    "confirmed", "yes correct", "yea", "yeah save it", "ya go for it bud", "ya", "yes go", "thats it", "perfect",
    "yeah perfect", "good", "ok go", "sure",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "no", "nah lets hold off", "dont put that thru yet", "never mind", "no thanks", "cancel", "stop", "no dont save it please",
    "not now", "hold off on that one for me", "forget it", "no no cancel that", "nevermind", "wait no", "dont", "no not yet",
    "nah", "hold on hold on dont", "cancel that", "no just leave it alone", "dont save it yet", "no forget it", "scratch that",
    "nope dont", "hold that", "leave it", "no stop", "not yet, hold on a bit", "disregard", "dont bother",
]
STRAYS = ["thanks", "ok thank you", "appreciate it"]

# no weekday or month stems, no times, no digits: the booking checks read every turn
NOTE_LINES = [
    "customer prefers texts over calls",
    "dog in the backyard, ring the bell first",
    "crew should park on the street, not in the driveway",
    "customer wants to be there when the crew shows up",
    "theres a beehive by the garage",
    "husband makes the decisions, wife handles the money",
    "they have a newborn, keep noise down early",
    "customer asked for a copy of our insurance",
    "gate is locked, call when you get there",
    "they are getting two other quotes",
    "customer is hard of hearing, speak up",
    "driveway is steep, watch the trailer",
    "neighbors tree hangs over the roof",
    "they want the old gutters hauled away",
    "customer wants to pick the color in person",
    "back deck is rotted, dont step on it",
    "customer is waiting on the insurance check",
    "they want the work done before the holidays",
    "pool in the back yard, cover it before tear off",
    "customer only speaks spanish, daughter helps",
    "skylight leaks, customer wants it looked at",
    "customer has a wheelchair ramp, keep it clear",
    "power line runs close to the roof edge",
    "customer wants all receipts emailed",
    "basement door sticks, use the front",
    "they had a bad experience with another roofer",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [
    ("customer wants the dumpster in the back", "customer wants the dumpster out front by the mailbox"),
    ("the lockbox code is the old one", "the lockbox code changed, text the customer for it"),
]
NOTE_SAID = [
    "throw a note on {ref}: {note}",
    "put in the notes for {ref} {note}",
    "note for {ref} -- {note}",
    "{ref} please add a note {note}",
    "can you add a note to {ref} saying {note}",
    "add note to {ref} {note} thx",
    "{ref} notes -> {note}",
    "i was just at {ref}, {note}, put that in the notes",
    "please note on {ref} that {note}",
    "{ref} add this to the notes {note}",
    "need a note on {ref}, {note}",
    "{ref} new info {note} please note it",
]
NOTE_HERE = [
    "add a note on this {note}",
    "put this in the notes: {note}",
    "add to {pos} {trade} notes {note}",
    "make note that {note}",
    "{subj} mentioned {note}, add that",
    "also put down that {note}",
]
NOTE_FIX = ["actually have it say {note} instead", "no make the note {note}"]

# (template, stage the job goes to): stage moves in reps' words, news more than orders
STAGE_SAID = [
    ("{ref} signed with us today", "Contract Signed"),
    ("we lost {ref}, mark it lost", "Lost"),
    ("{ref} is installed, all finished", "Completed"),
    ("{ref} paid in full", "Paid & Closed"),
    ("i sent the proposal out on {ref}", "Proposal Sent"),
    ("{ref} made it on the schedule now", "Scheduled"),
    ("{ref} job started today", "In Progress"),
    ("{ref} needs a follow up, they arent ready", "Follow Up"),
    ("{ref} needs to be re estimated", "Estimating"),
    ("good news {ref} signed the contract", "Contract Signed"),
    ("{ref} is a no, they picked another company", "Lost"),
    ("{ref} crew finished, its complete", "Completed"),
    ("{ref} final payment came in", "Paid & Closed"),
    ("{ref} got the proposal, move it to proposal sent", "Proposal Sent"),
    ("{ref} got an install date now", "Scheduled"),
    ("crew is working on {ref}", "In Progress"),
    ("{ref} put it in follow up", "Follow Up"),
    ("{ref} needs a re estimate, they changed the scope", "Estimating"),
]
STAGE_HERE = [
    ("{subj} signed it", "Contract Signed"),
    ("the crew started on it", "In Progress"),
    ("they paid the balance, close it", "Paid & Closed"),
    ("{subj} said no, mark lost", "Lost"),
    ("i sent {obj} the proposal", "Proposal Sent"),
    ("its scheduled now", "Scheduled"),
    ("its installed and done", "Completed"),
    ("{subj} wants to think, follow up", "Follow Up"),
    ("it needs a re estimate", "Estimating"),
]
# (said first, the correction with the stage as a slot, stage it goes to): the first says Lost,
# the other Proposal Sent (dev_generators moves a job that can go to either)
STAGE_FIXES = [
    ("go ahead mark {ref} as lost", "wait no not lost, {stage} instead", "Follow Up"),
    ("sent the numbers to {ref}", "sorry no they actually signed, make it {stage}", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev_sets' reader (which checks it)
WHEN_TYPED = [
    ("tmrw 2pm", "2026-11-24T14:00"),
    ("wednesday at 9:30", "2026-11-25T09:30"),
    ("12/4 by 11am", "2026-12-04T11:00"),
    ("dec 1 at 3:30pm", "2026-12-01T15:30"),
    ("thursday after next 10am", "2026-12-03T10:00"),
    ("tues next week at 1pm", "2026-12-01T13:00"),
    ("the 9th at 2:45", "2026-12-09T14:45"),
    ("friday 12/4 at 8:30am", "2026-12-04T08:30"),
    ("mon the 30th at 10:15", "2026-11-30T10:15"),
    ("wed 12/9 at 1", "2026-12-09T13:00"),
    ("next thursday at noon", "2026-12-03T12:00"),
    ("dec 8 at 9 in the morning", "2026-12-08T09:00"),
    ("the 14th at 11:30am", "2026-12-14T11:30"),
    ("tmrw at eleven thirty", "2026-11-24T11:30"),
    ("12/7 3pm", "2026-12-07T15:00"),
    ("two weeks from today 9am", "2026-12-07T09:00"),
    ("day after tmrw 1:15pm", "2026-11-25T13:15"),
    ("dec 3rd @ 10:45", "2026-12-03T10:45"),
    ("tuesday 12/15 at 2pm", "2026-12-15T14:00"),
    ("thurs the 10th at 8am", "2026-12-10T08:00"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [
    ("actually lets go {t}", "10:15am", "10:15"),
    ("{t} is better for the customer", "3pm", "15:00"),
    ("can you do {t} instead", "9:45am", "09:45"),
    ("bump it up to {t}, same day still", "4:30pm", "16:30"),
    ("push it back to {t}", "1pm", "13:00"),
]
DAY_FIXES = [
    ("{t} works better, keep the time", "the 10th", "2026-12-10"),
    ("customer cant do it, move it to {t} same time", "friday next week", "2026-12-04"),
    ("try {t} instead", "tues the 8th", "2026-12-08"),
]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("intro visit", "intro"), ("first look", "look")],
    "Estimating": [("measure", "measure"), ("estimate", "estimate")],
    "Proposal Sent": [("proposal review", "proposal"), ("price review", "price")],
    "Follow Up": [("follow up meeting", "follow"), ("second visit", "second")],
    "Contract Signed": [("color selection", "color"), ("final measure", "measure")],
    "Scheduled": [("pre install check", "check"), ("material drop off", "material")],
    "In Progress": [("progress check", "progress"), ("final walkthrough", "walkthrough")],
}
BOOK_SAID = [
    "pencil me in at {ref} {when} for {akind} please",
    "book {ref} {when} for {akind}",
    "can you schedule {akind} for {ref} {when}",
    "{ref} {kind} {when} please thx",
    "set up {akind} over at {ref} {when}",
    "i need {akind} on the calendar for {ref} {when}",
    "{ref} is good for {when}, book {akind}",
    "put {akind} in for {ref} {when}",
]
BOOK_HERE = [
    "go ahead and book {obj} for {akind} {when}",
    "schedule {akind} out there {when}",
    "{when} for {akind}",
    "{subj} can do {when}, put in {akind}",
    "set {akind} for {pos} {trade} {when}",
]
BACK_TO = ["ok on {pos} job, ", "ok for {pos} {trade}, ", "ok back to {obj}, "]
JOB_FIX = ["no its the {right}, not {wrong}", "wrong one, i meant the {right} job not the {wrong}"]
# moving a visit on the calendar (a reschedule), called off before the yes
MOVE_SAID = [
    "move the {visit} with {ref} to {when}",
    "need to reschedule {pos} {visit} to {when}",
    "{ref} wants the {visit} moved to {when}",
    "change the {visit} at {ref} to {when}",
]
# the stages the direct stage writes go to
DIRECT_TARGETS = ["Contract Signed", "Lost", "Completed", "Paid & Closed", "Estimating", "Scheduled", "Follow Up", "In Progress", "Proposal Sent"]
WHICH_ASKS = {"note": "add a note on {name}, {note}", "stage": "{name} signed the paperwork today", "book": "book {name} {when} for {akind}"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "its the {x}", "number": "its job {x} i meant", "stage": "the one still sitting in {x}"}

# ------------------------------------------------------------------------------------------
# the sizes of the parts, and the files (the generators are dev_generators')
# ------------------------------------------------------------------------------------------

SIZES = dg.Sizes(
    contact=("phone", "email", "address", "home", "email", "phone", "home", "address"),
    followups=4, topic_switches=4,
    direct=28, direct_style=lambda k, styles: (k * 3 + 1) % styles,
    after_lookup=9, after_two_lookups=3, after_detour=3, two_writes=3, time_fixes=3,
    off_yes=10, off_after_lookup=4, off_ok_yes=3, moves=3, off=1,
    status=6, rep=4, notes=3, money={"balance": 2, "contract": 2, "deposit": 2, "proposal": 1}, dates=(2, 2, 2),
    scripts=3, other_jobs=4, new_requests=4, off_after_fix=3,
)
DEV_SET = be.DevSet(SPLIT, SEED, {**globals(), **dg.generators(sys.modules[__name__])}, HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
