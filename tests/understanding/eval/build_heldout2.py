"""Builds heldout2, a second held-out set for the understanding layer: blind and frozen, only
ever counted, never used to tune the product. It is written from the demo data and what the
product is for, the way ten different reps would type on a phone (lower case, thumbs off by a
key, shorthand, small words left out, some dictated): about 80 single questions and 110
conversations, about 60 of them ending in a write and some 25 writes called off with a later
"yes" that must change nothing. The categories and the mix are dev18's: contact fields, money,
dates, notes, the rep of a job, a rep's open jobs, jobs in a stage, the calendar, playbook
questions, director-call figures, catalog prices and margins, scripts, web searches, new
customers dictated, bad input; and in conversations notes, stage changes told as news,
bookings, visits moved, corrections of a pending write and writes called off. Every expected
fact and every expected CRM change is computed from data/demo (the CRM seed, the knowledge
base, the director's call transcripts, the catalog) by dev_generators, never from Hard-E's
answers; every phrasing is heldout2's own.

    .venv/bin/python tests/understanding/eval/build_heldout2.py [--out DIR]

Writes heldout2/questions.jsonl and heldout2/conversations.jsonl next to this file (or under
--out). Deterministic: the same code and data write byte-for-byte the same files. The clock is
pinned at Monday 2026-11-23 09:00 America/New_York.

Subjects are the held-out customers (build_eval.split_customers(d, "heldout"), SUBJECTS below);
dev customers only appear as the other people of a shared name in a clarification. What the
held-out customers' jobs cannot give is left out: none of them is Completed, so no write moves
a job to Paid & Closed, and no two of one customer's open jobs can both move to one stage, so a
write naming only the customer is a note or a booking.
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
from tests.understanding.eval import build_eval as be  # noqa: E402
from tests.understanding.eval import dev_generators as dg  # noqa: E402
from tests.understanding.eval import dev_shared as ds  # noqa: E402
from tests.understanding.eval.build_dev5 import ONE, WORD, cid_of, trades_of  # noqa: E402
from tests.understanding.eval.dev_shared import (  # noqa: E402
    AFTER,
    FIBER,
    GUTTERS,
    SHINGLES,
    TERMS,
    UNDER,
    VINYL,
    WARRANTY,
)

SPLIT = "heldout2"
SUBJECTS = "heldout"  # the customers the cases are about (dev_generators.subjects)
SEED = f"{be.SEED}/heldout2"
NOW = be.NOW
WRITE_CLAIMS = be.WRITE_CLAIMS  # what no answer may claim

# ------------------------------------------------------------------------------------------
# naming a job: build_dev9's names, and two of heldout2's own: "duffy siding one" (the last
# name, the trade and "one") and "gutters over natick way" (the trade "over" the town "way")
# ------------------------------------------------------------------------------------------

OWN_STYLES = ("last_trade_one", "trade_town_way")
REF_STYLES = (*d9.REF_STYLES, *OWN_STYLES)
NUMBER_STYLES = d9.NUMBER_STYLES
cust_ref = d9.cust_ref


def refs_of(d: be.Data, jid: int) -> dict[str, str]:
    """build_dev9's names for one job alone, and heldout2's two: the last name, the trade and
    "one" (the one job of it for anyone of that name), the trade "over" the town "way" (the one
    job of it there)."""
    out = d9.refs_of(d, jid)
    c = d.customers[cid_of(d, jid)]
    town = d8.town_of(d, jid)
    for trade in trades_of(d, jid):
        if len(d.jobs_by_last_trade(c["last_name"], trade)) == 1:
            out.setdefault("last_trade_one", f"{c['last_name']} {ONE[trade]} one")
        if d8.town_alone(d, jid, trade):
            out.setdefault("trade_town_way", f"{WORD[trade]} over {town} way")
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
# how reps type, heldout2's layer
# ------------------------------------------------------------------------------------------

# (pattern, what the phone made of it, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\bplease\b", "pls", 0.4),
    (r"\bthanks\b", "ty", 0.4),
    (r"\bare\b", "r", 0.25),
    (r"\bwhat\b", "wat", 0.08),
    (r"\bjust\b", "jus", 0.15),
    (r"\bneed\b", "ned", 0.08),
    (r"\bknow\b", "kno", 0.2),
    (r"\bcustomer\b", "cx", 0.3),
    (r"\bhomeowner\b", "h/o", 0.4),
    (r"\bappointment\b", "appt", 0.6),
    (r"\bschedule\b", "sched", 0.3),
    (r"\bproposal\b", "propsal", 0.1),
    (r"\bbecause\b", "bc", 0.5),
    (r"\bpeople\b", "ppl", 0.5),
    (r"\bthrough\b", "thru", 0.6),
    (r"\breally\b", "rly", 0.4),
    (r"\bprobably\b", "prob", 0.5),
    (r"\bthe\b", "teh", 0.03),
    (r"\band\b", "n", 0.08),
    (r"\bwant to\b", "wanna", 0.5),
    (r"\bdo not\b", "dont", 0.7),
    (r"\bbefore\b", "b4", 0.2),
]
DROP = (r"\b(?:the|a|is|to)\s", 0.12)
DICTATED = 0.2
say = ds.typist(THUMBS, drop=DROP, dictated=DICTATED, no_digit_by_a_time=True)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn, named as heldout2's."""

    split = SPLIT


# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "need to call {name} back, whats the number",
        "{pname} phone # pls",
        "can u shoot me the cell for {name}",
        "what number do i dial for {name}",
    ]),
    "email": Turns("crm.contact.email", [
        "which email is on file for {name}",
        "gonna send {name} the quote, what email do they use",
        "whats the email addy for {name}",
    ]),
    "address": Turns("crm.contact.address", [
        "remind me where {name} lives",
        "need {pname} street address for the gps",
        "{name} house address?",
    ]),
    "home": Turns("crm.contact.home", ["landline for {name}, not the mobile", "does {name} have a house line on file"]),
}
STAGE_ASK = Turns("crm.status", [
    "where are things at with {job}",
    "{job} -- stage?",
    "quick one, what stage is {job} sitting in",
    "remind me where {job} is at in the pipeline",
    "{job} still where we left it or did it move",
    "has {job} changed stage at all",
])
REP_ASK = Turns("crm.rep", ["{job}, whose customer", "who do i talk to about {job}, which rep", "{job} belongs to which salesman", "rep assigned on {job}?"])
NOTE_ASK = Turns("crm.notes", ["read me whatever the latest note is on {job}", "{job} any recent notes, whats the last one", "last thing someone wrote on {job}?"])
MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["what price did {job} close at", "{job} contract amount?"]),
    "balance": Turns("crm.money.balance", ["{job} how much is left for them to pay", "whats still owed on {job}"]),
    "deposit": Turns("crm.money.deposit", ["what deposit came in on {job}", "{job} amount they put down?"]),
    "proposal": Turns("crm.money.proposal", ["{job} what did we quote them on the proposal"]),
}
INSTALL_ASK = Turns("crm.dates.install", ["{job} what day is the install", "when is {job} getting put in"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["whats the next thing on the books for {job}", "{job} when are we out there next"])
NEXT_ASK = Turns("crm.dates.next_customer", ["when am i supposed to see {name} again", "do i have {name} on the calendar, when"])

# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-23", "2026-11-23", None, None, "whats everyone got going on today"),
    ("2026-12-14", "2026-12-18", None, None, "show me all appts the week of dec 14"),
    ("2026-11-24", "2026-11-24", 11, None, "is mike reed booked up tomorrow"),
    ("2026-12-02", "2026-12-02", 12, None, "danas schedule for 12/2"),
    ("2026-11-30", "2026-12-04", 13, None, "kevin shea next week, whats he got"),
    ("2026-11-23", "2026-12-11", None, "install", "list every {kind} between now and dec 11"),
    ("2026-12-07", "2026-12-11", None, "walkthrough", "any {kind}s the week of the 7th"),
]
REP_OPEN = [
    (12, "dana whitaker, what jobs does she have open"),
    (13, "kevins open deals, list em"),
    (11, "pull up every open job mike has"),
]
STAGE_LISTS = [
    ("Proposal Sent", "who have we sent proposals to and not heard back"),
    ("Follow Up", "list whatever is in follow up right now"),
    ("Scheduled", "what jobs r on the schedule already"),
]

# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (GUTTERS, "is it worth upselling 6 inch gutters, how much more water do they take", "A 6-inch gutter carries about 40 percent more water"),
    (GUTTERS, "how far apart do we space the gutter hangers", "hidden hangers every 24 inches"),
    (UNDER, "ho asked if we can reuse the old drip edge to save money", "It is required by current code, and we always replace it"),
    (UNDER, "how long do pipe boots usually last before they crack", "the rubber collars crack within 10 to 15 years"),
    (VINYL, "how much does a vinyl panel actually move hot vs cold", "a 12-foot panel moves about half an inch"),
    (AFTER, "most deposit we're allowed to collect in mass?", "a deposit may not exceed one third of the contract price"),
    (FIBER, "hardie clearance off the ground, how much do we need", "at least 6 inches above the ground"),
    (SHINGLES, "guy wants 3 tab to save a few bucks on a full reroof, do we do that", "We no longer install three-tab on full replacements"),
]

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("out of the director calls how many were in worcester", "count", {"town": "Worcester"}),
    ("rachels close rate on roofing calls", "close_rate", {"trade": "roofing"}),
    ("number of calls where trust was the objection", "count", {"objection": "trust"}),
    ("on average how long do rachels calls run, minutes", "avg_minutes", {}),
    ("how many calls in connecticut did rachel do", "count", {"state": "CT"}),
]

# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("GT-K5", "5 inch k style gutter", "price", "whats the customer price per foot on {item}"),
    ("SD-VN-MC", "carvedwood siding", "cost", "what are we paying for a box of {item}"),
    ("WN-CS", "vinyl casement", "supplier", "which vendor supplies the {item}"),
    ("RF-SH-HDZ", "timberline hdz", "margin", "what kind of margin r we making on {item}"),
    ("GT-DS34", "3x4 downspout", "markup", "{item} markup %?"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [("WN-DH", "double hungs", 9, "price out {qty} vinyl {item} for me")]
# (sku, squares, template): bundles for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [("RF-SH-LMK", 31, "ordering landmark for {squares} squares, how many bundles")]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [(2200, 6, 12, "{area} sf footprint, {rise} over 12, add {waste}% waste, squares?")]

WEB_ASKS = [
    "google the current federal tax credit amount for energy star windows",
    "find me reviews online for hardie board vs lp smartside",
    "check the internet for what the worcester building permit costs for a reroof",
]
SCRIPT_ASKS = Turns("scripting", [
    "need a pitch script for {name}, going there later",
    "script for my {name} visit pls",
    "can u write up talking points for {name}",
])

# new customers dictated the way a rep types them in the truck
NEW_PEOPLE = [("Evangeline", "Rasmussen"), ("Desmond", "Okafor"), ("Griselda", "Pemberton")]
NEW_STREETS = ["88 Wachusett St", "2 Cider Mill Ln", "415 Boston Post Rd"]
NEW_TOWNS = ["Shrewsbury", "Westborough", "Sudbury"]
NEW_TRADES = [("siding is cracking on the north side", "siding"), ("wants a price on new gutters", "gutter"), ("roof shingles blowing off", "roof")]
NEW_CARDS = Turns("new_clients", [
    "add {first} {last} as a new lead, {street} in {town}, cell {phone}, {trade}",
    "new lead from the home show {first} {last} email {email} phone {phone}",
    "put a new customer in for me {first} {last} {street} {town} {phone} {trade}",
])
# bad input: gibberish, a write with nothing in focus, a job that does not exist
GIBBERISH = "qwpoe ;;; lkjh xxxx bnm"
FOCUSLESS = "add a note saying ring the side door bell"
MISSING_JOB = (7731, "move job 7731 to lost, they went with someone else")

# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = [
    "can u open {ref} up",
    "what do we got on {ref}",
    "give me a rundown of {ref}",
    "need to look at {ref} real quick",
    "hey whats the deal with {ref}",
    "info on {ref} pls",
]

SECOND = {
    "phone": ["best number for them?", "can i get {pos} phone off that"],
    "email": ["whats {pos} email on there", "email address for that one?"],
    "address": ["whats the street address on that", "where is that one located"],
    "rep": ["which salesman has it", "which rep is handling that"],
    "contract": ["what did we sell it at", "contract number on that one, the dollar amount"],
    "note": ["whats the most recent note", "read back the last note on that"],
    "paid": ["total collected from them so far?", "what have we gotten from them so far"],
    "balance": ["how much is still owed on that", "balance remaining?"],
}
OTHER_JOB = ["ok what about {pos} {trade}", "they have another job too right, where is that at", "and the {trade} for {obj}, where does that stand", "how about their {trade} job"]
ON_OTHER = ["and who sold that one", "and that ones whose"]

# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("johnson", 102, "email", "linda"),
    ("brooks", 121, "phone", "town"),
    ("thibodeau", 142, "address", "trade"),
    ("karen", 114, "email", "duffy"),
    ("lisa", 139, "phone", "hayes"),
    ("quinn", 146, "phone", "town"),
    ("melissa", 129, "address", "goldberg"),
    ("sean", 142, "rep", "ordinal:2"),
]
WHICH_FIRST = {
    "phone": ["what number do we have for {said}", "{said} phone number"],
    "email": ["{said} - email?", "whats {said} email address"],
    "address": ["what town does {said} live in, address", "address pls for {said}"],
    "rep": ["who is handling {said}", "whos got {said} as a customer"],
}
BY_TRADE = ["the one with {trade} work", "one with the {trade}"]
BY_TOWN = ["the house in {town}", "{town}, that one"]
ORDINAL_SAID = {2: "the second one on the list"}
# a customer with two jobs asked about by name, the job then given by its number
WHICH_JOB = [(124, "{name}, where are we at with them")]

# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("side question, how long is our workmanship warranty good for", WARRANTY, "on every roofing, siding, gutter and window installation"),
    ("whats the price on a 3x4 downspout", "pricing:GT-DS34", None),
    ("by the way how many director calls happened in worcester", "analysis:town:Worcester", None),
    ("do we take credit cards for the deposit", TERMS, "Credit cards are accepted"),
    ("can a ho cancel after signing, how many days do they get", AFTER, "Explain the three-day right to cancel"),
]
BACK = {
    "phone": "anyway back to that customer, whats the number",
    "email": "ok back to it, whats {pos} email",
    "address": "back to the job, what address is it",
    "rep": "ok so back to it, who is the rep",
    "contract": "ok back to the job, what did we sell it for",
    "note": "back to it, whats the last note say",
    "paid": "ok back to that job, how much has been paid",
    "balance": "ok back to it, hows much do they still owe",
}

# ------------------------------------------------------------------------------------------
# conversations: writes, in reps' own words
# ------------------------------------------------------------------------------------------

YESES = [
    "yes", "yep do that", "yeah thats it", "ok yep", "looks right", "yes pls", "sure thing go", "yup thats good", "yeah good",
    "all good go", "affirmative", "yes go ahead save it", "yeah put it thru", "correct go", "looks good save it",
    "yessir", "ya thats right save", "k go", "yes that works", "mhm yes", "sure go", "yeah that looks right to me", "ok save",
    "go ahead", "ok thats fine", "yup", "yes thats correct save it", "righto", "send it", "perfect thx", "thats perfect",
    "ok good",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "no dont do that", "actually hold off on it", "wait wait dont save that", "nope", "cancel it", "no leave it as is for now",
    "hold up dont save it yet", "dont do it just yet", "ugh no cancel that", "nah skip it", "skip that", "no scrap that", "not right this second",
    "hang on dont save", "no dont change anything yet", "lets not", "no im not sure yet, hold off", "erase that",
    "no wrong, cancel", "actually nvm", "no lets wait", "dont change it", "forget about that one", "never mind that one bud",
    "no not yet dont", "hold off for now pls", "cancel please", "nah just leave it be", "no dont bother", "abort",
]
STRAYS = ["ok ty", "cool appreciate ya", "alright thx"]

# no weekday or month stems, no times, no digits: the booking checks read every turn
NOTE_LINES = [
    "homeowner wants a heads up call before anyone pulls in",
    "big dog inside, keep the gate closed",
    "park across the street, the driveway is shared",
    "ho is a retired contractor, knows his stuff",
    "wasps nest under the back eave",
    "wife is the decision maker on color",
    "baby naps in the afternoon, keep it quiet",
    "they want proof of our license and insurance",
    "side gate has a combination lock, ask for the code",
    "they have a quote from another company already",
    "ho has a hearing aid, knock loud",
    "long gravel driveway, watch the truck",
    "big oak hangs over the garage roof",
    "they want the dumpster on the lawn not the driveway",
    "ho wants to see shingle samples in person",
    "porch steps are loose, use the side entrance",
    "waiting on the bank to approve the loan",
    "they want it all wrapped up for the family visit",
    "garden beds along the front, protect the plants",
    "ho speaks portuguese, son translates",
    "attic has a bad leak over the closet",
    "ho uses a walker, keep the path clear",
    "cable line runs across the front of the house",
    "send all paperwork by email only",
    "back door is the one they use",
    "last company they hired never finished",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [
    ("ho wants the crew to use the upstairs bathroom", "ho does not want the crew using any bathroom inside"),
    ("the alarm code is on the fridge", "the alarm is off, no code needed"),
]
NOTE_SAID = [
    "in the notes on {ref} put {note}",
    "{ref} -- note it -- {note}",
    "can u put a note in {ref} that {note}",
    "put this on {ref} as a note, {note}",
    "{ref} note pls: {note}",
    "heads up for {ref}, {note}, add it to the notes",
    "note on {ref} that {note}",
    "record on {ref}: {note}",
    "just left {ref}, {note}, note that pls",
    "{ref} small note {note}",
    "save a note for {ref} {note}",
    "{ref} add the note {note}",
]
NOTE_HERE = [
    "put in a note on it that {note}",
    "stick this on there as a note {note}",
    "add to the {trade} notes for {obj} {note}",
    "note on this one, {note}",
    "{subj} told me {note}, put that in",
    "and note down that {note}",
]
NOTE_FIX = ["no change the note to {note}", "sorry make it say {note}"]

# (template, stage the job goes to): stage moves in reps' words, news more than orders
STAGE_SAID = [
    ("{ref} just signed!!", "Contract Signed"),
    ("{ref} went with someone else, we lost it", "Lost"),
    ("{ref} is all done, crew wrapped up", "Completed"),
    ("emailed the proposal on {ref}", "Proposal Sent"),
    ("{ref} is officially on the install schedule", "Scheduled"),
    ("{ref} crew is on site and working", "In Progress"),
    ("{ref} is still on the fence, set it to follow up", "Follow Up"),
    ("{ref} wants changes, back to estimating", "Estimating"),
    ("{ref} signed the agreement this morning", "Contract Signed"),
    ("{ref} passed on us, mark lost", "Lost"),
    ("{ref} finished up, mark it complete", "Completed"),
    ("{ref} has the proposal in hand now", "Proposal Sent"),
    ("{ref} has a start date now, its scheduled", "Scheduled"),
    ("we started {ref}, tear off is going", "In Progress"),
    ("{ref} said call back later, follow up", "Follow Up"),
    ("{ref} asked for a new quote, move it back to estimating", "Estimating"),
]
STAGE_HERE = [
    ("{subj} signed the deal", "Contract Signed"),
    ("crew got started on it", "In Progress"),
    ("{subj} went with another company, mark it lost", "Lost"),
    ("just sent {obj} the proposal", "Proposal Sent"),
    ("thats on the schedule now", "Scheduled"),
    ("all done there, crew finished", "Completed"),
    ("{subj} needs more time to decide, follow up", "Follow Up"),
    ("this one needs to go back to estimating", "Estimating"),
]
# (said first, the correction with the stage as a slot, stage it goes to): the first says Lost,
# the other Proposal Sent (dev_generators moves a job that can go to either)
STAGE_FIXES = [
    ("{ref} is dead, mark it lost", "scratch lost, put it in {stage}", "Follow Up"),
    ("proposal went out on {ref}", "my bad they signed already, {stage}", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev_sets' reader (which checks it)
WHEN_TYPED = [
    ("tomorrow at half past 2", "2026-11-24T14:30"),
    ("12/2 at 4:15pm", "2026-12-02T16:15"),
    ("dec 10 at 9:15am", "2026-12-10T09:15"),
    ("a week from friday at 1pm", "2026-12-04T13:00"),
    ("monday 11/30 at 3 oclock", "2026-11-30T15:00"),
    ("the 8th at 10am", "2026-12-08T10:00"),
    ("dec 15 at 10 in the morning", "2026-12-15T10:00"),
    ("thurs 12/3 at 2:30pm", "2026-12-03T14:30"),
    ("tue 12/1 at 11:45am", "2026-12-01T11:45"),
    ("dec 11th at 8:30am", "2026-12-11T08:30"),
    ("day after tomorrow at 3pm", "2026-11-25T15:00"),
    ("two weeks from today at 10:30am", "2026-12-07T10:30"),
    ("wed the 2nd at 1:30pm", "2026-12-02T13:30"),
    ("12/14 at quarter to 9", "2026-12-14T08:45"),
    ("mon 12/7 at 2pm", "2026-12-07T14:00"),
    ("december 3 at 8am", "2026-12-03T08:00"),
    ("tmrw at quarter past 11", "2026-11-24T11:15"),
    ("friday 12/11 at 1:45pm", "2026-12-11T13:45"),
    ("wednesday next week at 9am", "2026-12-02T09:00"),
    ("12/9 at 3:15pm", "2026-12-09T15:15"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [
    ("lets make it {t} instead", "11:30am", "11:30"),
    ("ho asked for {t}, change it", "3:30pm", "15:30"),
    ("switch the time to {t}", "8:45am", "08:45"),
    ("{t} would work better for them", "2pm", "14:00"),
    ("slide it to {t} pls", "4pm", "16:00"),
]
DAY_FIXES = [
    ("actually do {t}, same time", "the 11th", "2026-12-11"),
    ("they can only do {t}, keep the time", "wednesday the 9th", "2026-12-09"),
    ("change the day to {t}", "12/8", "2026-12-08"),
]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("roof inspection", "inspection"), ("site visit", "site")],
    "Estimating": [("measurement visit", "measure"), ("walk around", "walk")],
    "Proposal Sent": [("sit down to go over the proposal", "proposal"), ("price sit down", "price")],
    "Follow Up": [("second sit down", "sit"), ("check in at the house", "check")],
    "Contract Signed": [("color pick", "color"), ("remeasure", "measure")],
    "Scheduled": [("pre job walk thru", "walk"), ("delivery check", "delivery")],
    "In Progress": [("site check", "check"), ("punch list go over", "punch")],
}
BOOK_SAID = [
    "schedule {akind} at {ref} {when}",
    "put me down for {akind} with {ref} {when} pls",
    "{ref} {when}, {kind}, book it",
    "can we lock in {akind} for {ref} {when}",
    "add {akind} on the calendar for {ref} {when}",
    "{ref} wants {akind} {when}",
    "get {ref} booked {when} for {akind}",
    "i set up {akind} with {ref} for {when}, put it in",
]
BOOK_HERE = [
    "lets book {akind} at the house {when}",
    "put {akind} on for {obj} {when}",
    "{subj} is asking for {akind} {when}",
    "{when} is good for {akind}, put it in",
    "schedule {akind} on {pos} {trade} {when}",
]
BACK_TO = ["anyways for {pos} job, ", "ok so the {trade} for {obj}, ", "back to {pos} thing, "]
JOB_FIX = ["wrong job, its the {right} not the {wrong}", "no no the {right} one, not {wrong}"]
# moving a visit on the calendar (a reschedule), called off before the yes
MOVE_SAID = [
    "push the {visit} at {ref} to {when}",
    "{pos} {visit} needs to move to {when}",
    "can we move {ref} {visit} to {when}",
    "reschedule {ref} {visit}, make it {when}",
]
# the stages the direct stage writes go to (no held-out job is Completed: none goes to Paid & Closed)
DIRECT_TARGETS = ["Contract Signed", "Lost", "Completed", "Estimating", "Scheduled", "Follow Up", "In Progress", "Proposal Sent"]
WHICH_ASKS = {"note": "note on {name} real quick: {note}", "stage": "{name} signed, update it", "book": "set {name} up {when} for {akind}"}
WHICH_STAGE = "Contract Signed"
# no held-out customer has two open jobs that can both go to one stage: the writes naming the
# customer alone are notes and bookings (dev_generators.gen_write)
WHICH_WRITES = [("note", "trade"), ("book", "number"), ("book", "stage"), ("note", "number")]
WHICH_REPLY = {"trade": "its the {x} job they have", "number": "i mean {x}, that job", "stage": "whichever one is at {x}"}

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
