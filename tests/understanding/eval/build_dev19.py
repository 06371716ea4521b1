"""Builds dev19, a nineteenth development set for the understanding layer, written blind (from
the demo data and what the product is for) the way ten different reps would type on a phone
between appointments: about 80 single questions and 110 conversations, about 60 of them ending
in a write and some 25 writes called off with a later "yes" that must change nothing. Single
questions, a few of each: contact fields, money, dates, notes, the rep of a job, a rep's open
jobs, jobs in a stage, the calendar, playbook questions in reps' words, director-call figures,
catalog prices and margins, scripts, web searches, new customers dictated, bad input.
Conversations: notes ("jot this on ...", "log a note on ...", "update the notes on ..."), a deal
signed, lost, finished, paid or sent back to estimating told as news ("... went with us, signed
today", "... is dead, they went another way"), bookings ("lock in ... with ...", "get ... on the
books for ..."), visits moved ("bump the ... at ... to ..."), the job named by its number in
the builders' forms, by its customer and trade ("castillo window work"), by its trade and town
("window customer in natick"), by a pronoun after a look-up; days and times typed "tomorrow at
8:45am", "wed 11/25 @ 10", "friday after next at 2:30", "noon on the 15th"; writes corrected
before the yes and writes called off in plain words ("no leave it for now", "hang on dont save
that", "actually no skip it"). Every expected fact and every expected CRM change is computed
from data/demo (the CRM seed, the knowledge base, the director's call transcripts, the catalog)
by dev_generators, never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev19.py [--out DIR]

Writes dev19/questions.jsonl and dev19/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev18 (see build_eval.py and
bench/understanding.py); the code that works out the cases is dev_generators' (the code dev10
to dev18 run), and every phrasing is dev19's own. The clock is pinned at Monday 2026-11-23
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
from tests.understanding.eval.build_dev5 import ONE, cid_of, trades_of  # noqa: E402
from tests.understanding.eval.dev_shared import (  # noqa: E402
    FINQ,
    GUTTERS,
    LEADS,
    METHOD,
    PRESENT,
    SHINGLES,
    STEPS,
    THINK,
    WAIT,
    WARRANTY,
)

SPLIT = "dev19"
SEED = f"{be.SEED}/dev19"
NOW = be.NOW
WRITE_CLAIMS = be.WRITE_CLAIMS  # what no answer may claim

# ------------------------------------------------------------------------------------------
# naming a job: build_dev16's names, and two more: "castillo window work" (the last name, the
# trade and "work") and "window customer in natick" (the trade's customer "in" the town)
# ------------------------------------------------------------------------------------------

OWN_STYLES = ("last_trade_work", "trade_customer_in")
REF_STYLES = (*d16.REF_STYLES, *OWN_STYLES)
NUMBER_STYLES = d9.NUMBER_STYLES
cust_ref = d9.cust_ref


def refs_of(d: be.Data, jid: int) -> dict[str, str]:
    """build_dev16's names for one job alone, and dev19's two: the last name, the trade and
    "work" (the one job of it for anyone of that name), the trade's "customer in" the town (the
    one job of it there)."""
    out = d16.refs_of(d, jid)
    cid = cid_of(d, jid)
    c = d.customers[cid]
    town = d8.town_of(d, jid)
    for trade in trades_of(d, jid):
        if len(d.jobs_by_last_trade(c["last_name"], trade)) == 1:
            out.setdefault("last_trade_work", f"{c['last_name']} {ONE[trade]} work")
        if d8.town_alone(d, jid, trade):
            out.setdefault("trade_customer_in", f"{ONE[trade]} customer in {town}")
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
# how reps type, dev19's layer: ten reps between appointments, thumbs on a cracked screen:
# texting shorthand, a letter off here and there, a small word lost, and some dictation
# ------------------------------------------------------------------------------------------

# (pattern, what the phone made of it, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\bplease\b", "pls", 0.45),
    (r"\byou\b", "ya", 0.2),
    (r"\bare\b", "r", 0.25),
    (r"\byour\b", "ur", 0.3),
    (r"\bthem\b", "em", 0.25),
    (r"\bschedule\b", "sched", 0.25),
    (r"\bcalendar\b", "cal", 0.2),
    (r"\bpeople\b", "ppl", 0.5),
    (r"\bprobably\b", "prob", 0.5),
    (r"\bwant to\b", "wanna", 0.4),
    (r"\bgot to\b", "gotta", 0.5),
    (r"\breally\b", "rly", 0.4),
    (r"\bappointment\b", "apt", 0.3),
    (r"\bnumber\b", "num", 0.2),
    (r"\bwhat\b", "wat", 0.06),
    (r"\bjust\b", "jst", 0.08),
    (r"\bthat\b", "tht", 0.04),
    (r"\bcustomer\b", "custy", 0.08),
    (r"\bneighbor\b", "neighbour", 0.1),
    (r"\btheir\b", "there", 0.12),
]
# one small word left out of that share of the phrasings; that share comes out as dictated
DROP = (r"\b(?:the|a|an|of)\s", 0.08)
DICTATED = 0.18
say = ds.typist(THUMBS, drop=DROP, dictated=DICTATED, no_digit_by_a_time=True)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn, named as dev19's."""

    split = SPLIT


# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "got a good phone # for {name}",
        "{pname} number, gotta call them back",
        "can ya text me {pname} cell",
        "what number do we have on file for {name}",
    ]),
    "email": Turns("crm.contact.email", [
        "{pname} email addy on file",
        "whats the email on file for {name}",
        "need an email for {name} to send the proposal over",
    ]),
    "address": Turns("crm.contact.address", [
        "{name} lives where again",
        "{pname} street address, headed there now",
        "send me the address for {name}",
    ]),
    "home": Turns("crm.contact.home", ["{name} got a landline?", "{pname} house phone if we have one"]),
}
STAGE_ASK = Turns("crm.status", [
    "{job} where is it at",
    "is {job} still open or what",
    "hows {job} looking stage wise",
    "{job} current stage?",
    "what stage is {job} sitting at",
    "any movement on {job}",
])
REP_ASK = Turns("crm.rep", ["{job} who has it", "whose customer is {job}", "{job} which rep sold it", "who do i talk to about {job}, whos the salesman"])
NOTE_ASK = Turns("crm.notes", ["{job} read me the latest note", "{job} most recent note, what does it say", "what did the last person write on {job}"])
MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["{job} how much was the contract for", "total contract on {job}"]),
    "balance": Turns("crm.money.balance", ["{job} how much is left owing", "{job} remaining balance they got"]),
    "deposit": Turns("crm.money.deposit", ["what deposit did {job} give us", "{job} deposit amount?"]),
    "proposal": Turns("crm.money.proposal", ["{job} proposal came to how much"]),
}
INSTALL_ASK = Turns("crm.dates.install", ["{job} when is install", "{job} is the crew starting soon, what date"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} when are we back out there next", "next visit on the books for {job}?"])
NEXT_ASK = Turns("crm.dates.next_customer", ["whens my next visit w {name} set for", "{name} next appt on the calendar?"])

# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-25", "2026-11-25", None, None, "whos got what on wednesday"),
    ("2026-11-30", "2026-12-04", None, None, "whole teams schedule next week mon thru fri"),
    ("2026-11-24", "2026-11-24", 13, None, "kevin tmrw, what does his day look like"),
    ("2026-12-01", "2026-12-01", 12, None, "danas appts on 12/1"),
    ("2026-12-07", "2026-12-09", 11, None, "mike reeds calendar from the 7th to the 9th"),
    ("2026-11-23", "2026-11-30", None, "walkthrough", "any {kind}s between now and next monday"),
    ("2026-12-01", "2026-12-11", None, "inspection", "{kind}s booked from 12/1 to 12/11"),
]
REP_OPEN = [
    (11, "whats still open for mike reed"),
    (12, "how many open jobs does dana have right now"),
    (13, "kevin shea, all his open deals"),
]
STAGE_LISTS = [
    ("Proposal Sent", "every job where the proposal is out"),
    ("Follow Up", "whos in follow up right now"),
    ("Scheduled", "list the scheduled jobs for me"),
]

# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (GUTTERS, "how far out should the downspout extensions go", "at least 4 feet from the foundation"),
    (SHINGLES, "customer asking for 3 tab to save money, do we still do that", "We no longer install three-tab on full replacements"),
    (LEADS, "got a website lead, how quick do i have to call them", "called within 15 minutes during business hours"),
    (PRESENT, "what do i do right after i give them the price", "After showing the price, wait"),
    (FINQ, "can i fill in the finance application for the customer if they are not good with computers", "The homeowner completes the application themselves"),
    (WARRANTY, "if they sell the house does our warranty go to the new owner, how long do they have", "within 60 days of the sale"),
    (METHOD, "is it ok to tell them the sale ends soon so they sign on the spot", "We never invent urgency"),
    (THINK, "customer keeps saying let me think it over, how do i handle that", "Agree with them first"),
]

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("how many ride alongs did rachel do in natick", "count", {"town": "Natick"}),
    ("new hampshire director calls, whats the total", "count", {"state": "NH"}),
    ("whats the close rate on window jobs in the director calls", "close_rate", {"trade": "windows"}),
    ("rachel lost how many to a competitor", "count", {"outcome": ("lost_competitor",)}),
    ("how many calls did she pull the takeaway close on", "count", {"technique": "Takeaway close"}),
]

# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("GT-K5", "5in k style gutter", "price", "price per foot on {item}?"),
    ("RF-UL-SYN", "synthetic underlayment", "cost", "what do we pay per roll of {item}"),
    ("SD-VN-MC", "carvedwood siding", "supplier", "where do we buy {item} from"),
    ("GT-GD5", "the 5in mesh gutter guard", "margin", "whats our margin on {item}"),
    ("RF-RC", "hip n ridge shingles", "markup", "markup on {item} bundles?"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [("GT-HG5", "5 inch hidden hangers", 60, "{qty} {item}, what would that cost the customer")]
# (sku, squares, template): bundles for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [("RF-SH-LMK", 32, "how many bundles of landmark do i need for {squares} squares")]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [(2200, 6, 12, "{area} square foot footprint, {rise} 12 pitch, add {waste} percent for waste, how many squares is that")]

WEB_ASKS = [
    "google the current federal tax credit for energy star windows",
    "check online what the owens corning duration warranty covers",
    "search the web for what people are paying for vinyl siding in massachusetts",
]
SCRIPT_ASKS = Turns("scripting", [
    "need a script for my sit with {name}",
    "put together a pitch for {name} for me",
    "what should i say to {name}, write it out for me",
])

# new customers dictated the way a rep types them in the truck
NEW_PEOPLE = [("Thaddeus", "Okonkwo"), ("Marguerite", "Lindqvist"), ("Bartholomew", "Szymanski")]
NEW_STREETS = ["88 Quarry Hill Rd", "15 Birchwood Ln", "302 Mill Pond Way"]
NEW_TOWNS = ["Sutton", "Millbury", "Holliston"]
NEW_TRADES = [("gutters pulling away from the fascia", "gutter"), ("siding cracked and warped on the north side", "siding"), ("needs a full roof, shingles curling", "roof")]
NEW_CARDS = Turns("new_clients", [
    "add a customer {first} {last}, {street} in {town}, cell {phone}, {trade}",
    "new lead {first} {last} email {email} number {phone}",
    "enter {first} {last} into the crm {phone} {street} {town} {trade}",
])
# bad input: gibberish, a write with nothing in focus, a job that does not exist
GIBBERISH = "qwerty uiop lkjh ;;; ggg ..."
FOCUSLESS = "note it that they want the crew to call first"
MISSING_JOB = (7731, "job 7731 is paid, close it out")

# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = [
    "what do we have on {ref}",
    "open the file on {ref}",
    "rundown on {ref} please",
    "check on {ref} real fast",
    "whats the latest with {ref}",
    "can i see {ref} please",
]

SECOND = {
    "phone": ["whats {pos} cell on there", "and {pos} phone number there"],
    "email": ["got an email for {obj} on there", "what email do they have listed"],
    "address": ["whats the street address on it", "where is the house at"],
    "rep": ["whos the salesman on that one", "which rep is it under"],
    "contract": ["what did they sign for", "what was the contract amount there"],
    "note": ["what does the most recent note say", "read me the last note on it"],
    "paid": ["how much have we collected so far", "payments to date on it?"],
    "balance": ["how much is left to collect", "they still owe anything?"],
}
OTHER_JOB = ["and how about {pos} {trade} job", "and the other job of theirs, where is it", "{pos} {trade} where does that stand", "ok now the {trade} for {obj}"]
ON_OTHER = ["who is handling that one", "whos the rep on the other one"]

# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("brooks", 130, "phone", "richard"),
    ("thibodeau", 144, "email", "town"),
    ("castillo", 138, "rep", "town"),
    ("lynch", 134, "address", "james"),
    ("megan", 132, "phone", "morrison"),
    ("wong", 111, "address", "trade"),
    ("erica", 131, "email", "pereira"),
    ("thomas", 115, "phone", "ordinal:1"),
]
WHICH_FIRST = {
    "phone": ["{said} cell #", "can i get {said}s number"],
    "email": ["email address for {said}?", "{said} email on file?"],
    "address": ["{said} address please", "{said} lives where"],
    "rep": ["{said}, whos their rep", "{said} which salesman"],
}
BY_TRADE = ["the {trade} house", "their {trade} job"]
BY_TOWN = ["{town} i believe", "{town} i wanna say"]
ORDINAL_SAID = {1: "first one on the list"}
# a customer with two jobs asked about by name, the job then given by its number
WHICH_JOB = [(123, "{name} whats going on there")]

# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("hey side question what gauge are our gutters", GUTTERS, ".032-inch aluminum"),
    ("real quick what do we get for a 2x3 downspout", "pricing:GT-DS23", None),
    ("how many of rachels calls were in natick btw", "analysis:town:Natick", None),
    ("they might hold off til spring, how long is our price good for", WAIT, "Our proposals are valid for 30 days"),
    ("unrelated but can i park in their driveway", STEPS, "Park on the street, not in the driveway"),
]
BACK = {
    "phone": "ok anyway, {pos} cell number?",
    "email": "ok what email do we have for {obj}",
    "address": "ok so whats the address there",
    "rep": "ok who sold that one",
    "contract": "ok what was the contract on it",
    "note": "ok and the most recent note",
    "paid": "ok how much have they paid us",
    "balance": "ok whats left on the balance",
}

# ------------------------------------------------------------------------------------------
# conversations: writes, in reps' own words
# ------------------------------------------------------------------------------------------

YESES = [
    "yes", "yep", "yup", "yeah", "ya", "ok", "okay", "sure", "correct", "right", "go ahead", "save it",
    "looks good", "all good", "yeah looks right to me", "yes thats it exactly", "yeah do that one", "yup put it in", "send it",
    "yes pls save that", "alright then do it", "thats correct yes", "ok save", "yes go on and save it", "k", "sounds right",
    "do that", "yeah go", "ok good", "ye", "yessir", "yea save",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "no leave it for now", "hang on, dont save that yet", "actually no skip it", "lets not do that yet", "nah", "nope",
    "cancel it", "wait dont", "no hold off for now", "dont change a thing", "leave it how it was", "actually dont bother with it",
    "nvm", "skip it", "hold up, dont", "dont do it yet", "no dont save that one", "kill that", "no undo that", "erase that",
    "no dont, thats not right", "nah not today", "hmm no dont", "no leave that one", "ignore that", "negative",
    "no wait, dont do anything", "cancel cancel", "scrap it", "nah skip that for now",
]
STRAYS = ["thx", "cool thank you", "ok got it"]

# no weekday or month stems, no times, no digits: the booking checks read every turn
NOTE_LINES = [
    "homeowner wants a call before anyone shows up",
    "big dogs inside, friendly but loud",
    "ring the side door, front bell is broken",
    "customer is a retired teacher, very detail oriented",
    "wants the crew to stay out of the flower beds",
    "there is a shared driveway with the neighbor",
    "customer wants to hear about monthly payment plans",
    "they want paper copies of everything",
    "cat gets out easy, keep the doors shut",
    "customer is allergic to smoke, no smoking on site",
    "husband is the one to call, not the wife",
    "they have solar panels, be careful up top",
    "customer wants photos of the damage texted over",
    "attic access is in the hall closet",
    "customer wants a written copy of the warranty",
    "mailbox sits right by the driveway, watch it",
    "grandkids play in the yard, keep it clean",
    "they are comparing us with a big box store",
    "customer mentioned a leak over the kitchen",
    "neighbor complained about noise last time",
    "elderly mother lives with them, be respectful",
    "customer wants to meet the crew lead first",
    "water shutoff is in the basement",
    "they plan to sell the house soon",
    "customer wants leftover material hauled off",
    "no one home most days, use the lockbox",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [
    ("gate code is the same as before", "gate code changed, call the homeowner for it"),
    ("wife wants to be called first", "husband wants to be called first, not the wife"),
]
NOTE_SAID = [
    "jot this on {ref}: {note}",
    "{ref} - for the notes, {note}",
    "log a note under {ref}: {note}",
    "note on {ref} pls, {note}",
    "{ref}: {note}. add that to the notes",
    "can ya put a note on {ref} that {note}",
    "{ref} notes need this: {note}",
    "quick note for {ref} - {note}",
    "update the notes on {ref}, {note}",
    "{ref} notes, {note}",
    "heads up on {ref} {note}, note it please",
    "write down on {ref} that {note}",
]
NOTE_HERE = [
    "one more for the notes on this: {note}",
    "add that {note}",
    "put in {pos} file {note}",
    "{subj} told me {note}, put it in the notes",
    "for {pos} {trade} notes, {note}",
    "also log that {note}",
]
NOTE_FIX = ["sorry change the note to {note}", "wait make it say {note}"]

# (template, stage the job goes to): stage moves in reps' words, news more than orders
STAGE_SAID = [
    ("{ref} went with us, signed today", "Contract Signed"),
    ("{ref} is dead, they went another way", "Lost"),
    ("{ref} crew wrapped it up, job complete", "Completed"),
    ("{ref} paid the balance, close it out", "Paid & Closed"),
    ("emailed the proposal for {ref}", "Proposal Sent"),
    ("{ref} is on the install schedule now", "Scheduled"),
    ("{ref} is underway, crew started", "In Progress"),
    ("{ref} not ready yet, follow up stage", "Follow Up"),
    ("{ref} back to estimating, scope changed", "Estimating"),
    ("{ref} signed, contract in hand", "Contract Signed"),
    ("lost {ref} to a competitor", "Lost"),
    ("{ref} all done, install is finished", "Completed"),
    ("{ref} check cleared, paid and closed", "Paid & Closed"),
    ("{ref} has our proposal in hand now", "Proposal Sent"),
    ("{ref} got scheduled with the crew", "Scheduled"),
    ("{ref} crew is out there working", "In Progress"),
    ("{ref} wants more time, put them in follow up", "Follow Up"),
    ("{ref} needs new numbers, send it back to estimating", "Estimating"),
]
STAGE_HERE = [
    ("{subj} went ahead and signed", "Contract Signed"),
    ("crew is on it now", "In Progress"),
    ("paid up, close it", "Paid & Closed"),
    ("{subj} went with someone else", "Lost"),
    ("proposal is in {pos} inbox", "Proposal Sent"),
    ("its on the schedule", "Scheduled"),
    ("job is done, all wrapped", "Completed"),
    ("{subj} needs more time, follow up", "Follow Up"),
    ("needs to go back to estimating", "Estimating"),
]
# (said first, the correction with the stage as a slot, stage it goes to): the first says Lost,
# the other Proposal Sent (dev_generators moves a job that can go to either)
STAGE_FIXES = [
    ("{ref} is lost, mark it", "my bad not lost, {stage}", "Follow Up"),
    ("proposal went out to {ref}", "no wait they signed it, {stage}", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev_sets' reader (which checks it)
WHEN_TYPED = [
    ("tomorrow at 8:45am", "2026-11-24T08:45"),
    ("wed 11/25 @ 10", "2026-11-25T10:00"),
    ("mon 11/30 around 4pm", "2026-11-30T16:00"),
    ("next tuesday 11am", "2026-12-01T11:00"),
    ("dec 2 around 1pm", "2026-12-02T13:00"),
    ("thu 12/3 at 9:20", "2026-12-03T09:20"),
    ("friday after next at 2:30", "2026-12-04T14:30"),
    ("the 7th at 10:30am", "2026-12-07T10:30"),
    ("tues the 8th 3:15pm", "2026-12-08T15:15"),
    ("wednesday the 9th at 11", "2026-12-09T11:00"),
    ("dec 10th at 1:45pm", "2026-12-10T13:45"),
    ("fri 12/11 8am", "2026-12-11T08:00"),
    ("monday after next at 9:15", "2026-12-07T09:15"),
    ("two weeks from today at 2", "2026-12-07T14:00"),
    ("day after tomorrow 10am", "2026-11-25T10:00"),
    ("thurs next week at 3", "2026-12-03T15:00"),
    ("noon on the 15th", "2026-12-15T12:00"),
    ("tue dec 1 at 4:30", "2026-12-01T16:30"),
    ("this wed at 3:30pm", "2026-11-25T15:30"),
    ("mon dec 14 at 10", "2026-12-14T10:00"),
    ("tmrw at 3:45pm", "2026-11-24T15:45"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [
    ("make that {t} instead", "11:30am", "11:30"),
    ("customer asked for {t}, can we do that", "2:15pm", "14:15"),
    ("earlier is better for them, {t}", "8:30am", "08:30"),
    ("{t} works better on their end", "4pm", "16:00"),
    ("slide the time to {t}", "1:30pm", "13:30"),
]
DAY_FIXES = [
    ("they want {t} now, same time", "the 11th", "2026-12-11"),
    ("can we slide it to {t}, same time as before", "wed the 2nd", "2026-12-02"),
    ("switch the day to {t}, time stays", "monday dec 7th", "2026-12-07"),
]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("first meeting", "meeting"), ("home visit", "visit")],
    "Estimating": [("measurement", "measure"), ("site visit", "site")],
    "Proposal Sent": [("proposal meeting", "proposal"), ("numbers review", "numbers")],
    "Follow Up": [("check in", "check"), ("followup", "follow")],
    "Contract Signed": [("colors meeting", "color"), ("final measurement", "measure")],
    "Scheduled": [("site prep check", "prep"), ("delivery", "delivery")],
    "In Progress": [("site check", "check"), ("walkthrough", "walkthrough")],
}
BOOK_SAID = [
    "can you book {akind} at {ref} {when}",
    "{ref} {akind} {when}, put it on my calendar",
    "lock in {akind} with {ref} {when}",
    "throw {akind} on the books for {ref} {when}",
    "{when} {akind} at {ref} please",
    "{ref} wants {akind} {when}, schedule it",
    "add {akind} for {ref}, {when}",
    "schedule me at {ref} {when} for the {kind}",
]
BOOK_HERE = [
    "go ahead, {akind} with {obj} {when}",
    "{subj} is good with {akind} {when}, lock it in",
    "put {akind} on the calendar {when}",
    "{when} works for {obj}, book {akind}",
    "get {akind} set for the {trade} {when}",
]
BACK_TO = ["alright so for {obj}, ", "ok on {pos} {trade} again, ", "back to {pos} job, "]
JOB_FIX = ["sorry meant the {right} job, not the {wrong}", "not {wrong}, its {right}"]
# moving a visit on the calendar (a reschedule), called off before the yes
MOVE_SAID = [
    "{ref} called, they want the {visit} pushed out to {when}",
    "gotta shift {pos} {visit} over to {when}",
    "bump the {visit} at {ref} to {when}",
    "reschedule {ref} {visit} for {when}",
]
# the stages the direct stage writes go to
DIRECT_TARGETS = ["Lost", "Contract Signed", "Proposal Sent", "Completed", "Follow Up", "Paid & Closed", "Scheduled", "Estimating", "In Progress"]
WHICH_ASKS = {"note": "{name} note please, {note}", "stage": "{name} signed today, move it", "book": "{name} {akind} {when}, set it up"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "the {x} job", "number": "number is {x}", "stage": "whichever one is in {x}"}

# ------------------------------------------------------------------------------------------
# the sizes of the parts, and the files (the generators are dev_generators')
# ------------------------------------------------------------------------------------------

SIZES = dg.Sizes(
    contact=("email", "phone", "address", "home", "phone", "address", "email", "home"),
    followups=4, topic_switches=4,
    direct=28, direct_style=lambda k, styles: (k * 7 + 3) % styles,
    after_lookup=9, after_two_lookups=3, after_detour=3, two_writes=3, time_fixes=3,
    off_yes=10, off_after_lookup=4, off_ok_yes=3, moves=3, off=1,
    status=6, rep=4, notes=3, money={"balance": 2, "contract": 2, "deposit": 2, "proposal": 1}, dates=(2, 2, 2),
    scripts=3, other_jobs=4, new_requests=4, off_after_fix=3,
)
DEV_SET = be.DevSet(SPLIT, SEED, {**globals(), **dg.generators(sys.modules[__name__])}, HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
