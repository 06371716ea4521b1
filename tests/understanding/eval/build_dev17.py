"""Builds dev17, a seventeenth development set for the understanding layer, written blind (from
the demo data and what the product is for): about 80 single questions and 110 conversations,
about 60 of them ending in a write and about 20 writes called off before a later "yes" that must
change nothing, typed the way reps type on a phone (lower case, a typo here and there, shorthand,
a small word missing, some dictation with no punctuation). The phrasing is plain and everyday,
in words earlier sets happen not to use: notes ("can you note that ...", "pls add to the notes
for ...: ...", "jot down on ... that ...", "stick a note on ..."), stage news ("... signed today",
"we closed ...", "... decided to go with someone else", "... is done, crew wrapped up", "...
wants to move forward, they signed"), bookings ("book ... for ...", "can you schedule ...", "set
up ... with ..."), call-offs ("no dont", "hold on dont do that", "forget that", "cancel", "wrong
one, never mind"). A job is named by its number (1042, #1042, 2609-1042, job 1042), by its
customer and trade, by its trade and town ("natick gutter project" is dev17's own), or "her",
"that one" after a look-up. Days and times are typed "tmrw at 2:45pm", "next tues at 10am", "12/4
at 11am", "tues after next at 9am", "12/1 0900", "friday the 11th at ten am". Single questions
cover contact fields, money, dates, notes, the rep of a job, a rep's open jobs, jobs in a stage,
the calendar, playbook questions, director-call figures, catalog prices and margins, scripts,
web searches, new customers dictated and bad input. Every expected fact and every expected CRM
change is computed from data/demo (the CRM seed, the knowledge base, the director's call
transcripts, the catalog) by dev_generators, never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev17.py [--out DIR]

Writes dev17/questions.jsonl and dev17/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev16 (see build_eval.py and
bench/understanding.py); the code that works out the cases is dev_generators' (the code dev10
to dev16 run), and every phrasing is dev17's own. The clock is pinned at Monday 2026-11-23
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
from tests.understanding.eval.build_dev5 import ONE, trades_of  # noqa: E402
from tests.understanding.eval.dev_shared import (  # noqa: E402
    AFTER,
    DISC,
    ELDERLY,
    GUTTERS,
    ICE,
    QUOTES,
    SPOUSE,
    VENT,
    VINYL,
    WARRANTY,
)

SPLIT = "dev17"
SEED = f"{be.SEED}/dev17"
NOW = be.NOW
WRITE_CLAIMS = be.WRITE_CLAIMS  # what no answer may claim

# ------------------------------------------------------------------------------------------
# naming a job: build_dev16's names, and one more: "natick gutter project" (the town, the trade
# and "project", the one job of that trade there)
# ------------------------------------------------------------------------------------------

OWN_STYLES = ("town_trade_project",)
REF_STYLES = (*d16.REF_STYLES, *OWN_STYLES)
NUMBER_STYLES = d9.NUMBER_STYLES
cust_ref = d9.cust_ref


def refs_of(d: be.Data, jid: int) -> dict[str, str]:
    """build_dev16's names for one job alone, and dev17's: the town, the trade and "project"
    (the one job of that trade in that town)."""
    out = d16.refs_of(d, jid)
    town = d8.town_of(d, jid)
    for trade in trades_of(d, jid):
        if d8.town_alone(d, jid, trade):
            out.setdefault("town_trade_project", f"{town} {ONE[trade]} project")
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
# how reps type, dev17's layer: ordinary phone typing (a letter slipped, shorthand, a small word
# left out) and some dictation with no punctuation
# ------------------------------------------------------------------------------------------

# (pattern, what the phone made of it, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\bwhats\b", "whta", 0.06),
    (r"\bthe\b", "teh", 0.03),
    (r"\bplease\b", "plz", 0.4),
    (r"\bappointment\b", "appt", 0.5),
    (r"\bcustomer\b", "cust", 0.4),
    (r"\bthrough\b", "thru", 0.5),
    (r"\byou\b", "u", 0.3),
    (r"\bwith\b", "w", 0.25),
    (r"\bgoing\b", "goin", 0.3),
    (r"\babout\b", "abt", 0.3),
    (r"\bschedule\b", "schedual", 0.12),
    (r"\bnotes\b", "ntoes", 0.08),
    (r"\bthey\b", "tehy", 0.05),
    (r"\bneeds\b", "neds", 0.06),
    (r"\bbecause\b", "bc", 0.5),
    (r"\breal quick\b", "rq", 0.3),
    (r"\bnumber\b", "#", 0.2),
    (r"\baddress\b", "adress", 0.15),
]
# one small word left out of that share of the phrasings; that share comes out as dictated
DROP = (r"\b(?:the|a|is|to)\s", 0.1)
DICTATED = 0.2
say = ds.typist(THUMBS, drop=DROP, dictated=DICTATED, no_digit_by_a_time=True)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn, named as dev17's."""

    split = SPLIT


# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "can you get me a good number for {name}",
        "whats {pname} cell phone",
        "i need to call {name}, number please",
        "{name} best contact number?",
    ]),
    "email": Turns("crm.contact.email", [
        "which email do we have for {name}",
        "{pname} email address please",
        "need an email to send {name} the proposal",
    ]),
    "address": Turns("crm.contact.address", [
        "what street does {name} live on again",
        "{pname} address, putting it in my gps",
        "whats the house address for {name}",
    ]),
    "home": Turns("crm.contact.home", ["do we have a home phone for {name}", "{pname} house phone number, not the cell"]),
}
STAGE_ASK = Turns("crm.status", [
    "what stage is {job} in right now",
    "wheres {job} at these days",
    "any update on {job}?",
    "is {job} signed or not yet",
    "{job} what stage is that in",
    "how is {job} looking stage wise",
])
REP_ASK = Turns("crm.rep", ["who is the sales rep for {job}", "which one of our guys has {job}", "{job} who sold that one", "whose name is on {job} for sales"])
NOTE_ASK = Turns("crm.notes", ["what was the last thing noted on {job}", "latest note for {job} please", "{job} can you read me the newest note"])
MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["{job} what did the contract come to", "whats the contract price on {job}"]),
    "balance": Turns("crm.money.balance", ["{job} how much is left to collect", "whats the balance due on {job} right now"]),
    "deposit": Turns("crm.money.deposit", ["did we get a deposit on {job}, how much", "{job} how big was the deposit"]),
    "proposal": Turns("crm.money.proposal", ["{job} what was the proposal total we sent"]),
}
INSTALL_ASK = Turns("crm.dates.install", ["when is {job} getting installed", "{job} install day, when is it"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["whens the next appointment on {job}", "{job} anything coming up on the calendar"])
NEXT_ASK = Turns("crm.dates.next_customer", ["when do i see {name} next, appt wise", "whens my next appointment with {name}"])

# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-24", "2026-11-24", None, None, "whats on the calendar tomorrow for everybody"),
    ("2026-12-07", "2026-12-11", None, None, "show me everyones schedule the week of 12/7"),
    ("2026-11-30", "2026-11-30", 12, None, "what does dana have on monday the 30th"),
    ("2026-12-01", "2026-12-03", 11, None, "mike reed appointments 12/1 thru 12/3"),
    ("2026-12-02", "2026-12-02", 13, None, "what does kevin shea have wednesday 12/2"),
    ("2026-12-01", "2026-12-04", None, "install", "any {kind}s between 12/1 and 12/4"),
    ("2026-11-30", "2026-12-11", None, "inspection", "{kind}s from 11/30 to 12/11, how many do we have"),
]
REP_OPEN = [
    (11, "list all of mike reeds open jobs"),
    (12, "what open jobs does dana whitaker have"),
    (13, "how many jobs has kevin got open right now"),
]
STAGE_LISTS = [
    ("Scheduled", "which jobs are on the schedule right now"),
    ("Proposal Sent", "what proposals are still out there waiting"),
    ("Follow Up", "which jobs do i need to follow up on"),
]

# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (QUOTES, "ho says shes getting two more quotes, what do i say to that", "Can I help you compare them?"),
    (VINYL, "whats the thinnest vinyl siding we will put on a house", "We do not install it"),
    (VINYL, "how much r value does insulated vinyl add", "roughly R-2.5 to R-4"),
    (ICE, "how far up from the edge does the ice and water have to go by code", "at least 24 inches inside the exterior wall line"),
    (VENT, "ho has gable vents and wants a ridge vent, can we keep both", "Never mix exhaust types"),
    (ELDERLY, "elderly ho by herself, whats the max time i should stay", "never let a visit run past two and a half"),
    (SPOUSE, "wife wasnt there for the sit, what should i leave with the husband", "leave the photos, the sample, the printed options"),
    (DISC, "whats the most discount i can give if i combine a few", "combine discounts up to a total of 7 percent"),
]

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("in the director calls how many were in holden", "count", {"town": "Holden"}),
    ("how many of rachels calls had kevin shea with her", "count", {"rep": "Kevin Shea"}),
    ("close rate on the roofing calls, what was it", "close_rate", {"trade": "roofing"}),
    ("how many of the calls ended with no decision", "count", {"outcome": ("no_decision",)}),
    ("how many calls did rachel use the takeaway close", "count", {"technique": "Takeaway close"}),
]

# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-ST", "starter strip", "price", "how much do we charge for a bundle of {item}"),
    ("SD-JC", "j channel", "cost", "what does a stick of {item} cost us"),
    ("GT-HR5", "5in half round gutter", "supplier", "who supplies us the {item}"),
    ("SD-OC", "vinyl corner post", "margin", "what kind of margin do we get on a {item}"),
    ("RF-UL-FELT", "30lb felt paper", "markup", "how much markup on a roll of {item}"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [("GT-DS23", "2x3 downspouts", 12, "ho needs {qty} {item}, what does that come to")]
# (sku, squares, template): bundles for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [("RF-SH-3TAB", 18, "for {squares} squares of 3 tab how many bundles do i order")]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [(1800, 7, 12, "house is {area} sqft on the ground, {rise}/12 roof, plus {waste}% waste, whats the square count")]

WEB_ASKS = [
    "can you look up the gaf timberline hdz warranty online",
    "check online what vinyl siding is going for in mass this year",
    "search the internet for any mass save rebates on windows",
]
SCRIPT_ASKS = Turns("scripting", [
    "write me a script for my visit with {name}",
    "can you make me a sales script for {name}",
    "help me with what to say at {name}s, full script please",
])

# new customers dictated the way a rep types them in the truck
NEW_PEOPLE = [("Ignatius", "Pemberton"), ("Rosalind", "Achebe"), ("Cornelius", "Vanderpool")]
NEW_STREETS = ["17 Birch Hollow Dr", "240 Mill Pond Rd", "6 Orchard Crest Way"]
NEW_TOWNS = ["Shrewsbury", "Grafton", "Auburn"]
NEW_TRADES = [("needs all the gutters redone", "gutter"), ("roof is leaking, wants an estimate", "roof"), ("old windows are fogged up, wants new ones", "window")]
NEW_CARDS = Turns("new_clients", [
    "new lead {first} {last}, {street} {town}, {phone}, {trade}",
    "can you add a new customer {first} {last} {email} {phone}",
    "new customer {first} {last} lives at {street} in {town} cell is {phone} {trade}",
])
# bad input: gibberish, a write with nothing in focus, a job that does not exist
GIBBERISH = "asdf jkl ;; zzxx pppp ??!"
FOCUSLESS = "can you note that the side door sticks"
MISSING_JOB = (8814, "8814 signed today, update it")

# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = [
    "can you pull up {ref} for me",
    "whats the story on {ref}",
    "look up {ref} real quick",
    "{ref} whats going on there",
    "bring up {ref} please",
    "find me {ref} please",
]

SECOND = {
    "phone": ["whats the best number for {obj}", "do we have a cell for {obj}"],
    "email": ["what email do they use", "do they have an email on file"],
    "address": ["what address is that one", "where is that house exactly, street"],
    "rep": ["who is the rep on it", "whose job is that, which rep"],
    "contract": ["how much was the contract for", "what did they sign for, dollar wise"],
    "note": ["whats the last note on it say", "any recent notes on that one"],
    "paid": ["how much have they paid us so far", "what payments have come in on it"],
    "balance": ["whats left for them to pay us", "what do they still owe on it"],
}
OTHER_JOB = ["what about {pos} {trade} then", "and the {trade} job they have?", "whats happening with the {trade} one", "and {pos} other job, the {trade}"]
ON_OTHER = ["who has that one then", "and who is the rep on that"]

# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("fitzgerald", 135, "email", "town"),
    ("kaplan", 143, "address", "steven"),
    ("carter", 107, "phone", "denise"),
    ("melissa", 137, "phone", "larkin"),
    ("reilly", 117, "address", "daniel"),
    ("karen", 120, "email", "trade"),
    ("mccarthy", 119, "rep", "ordinal:2"),
    ("johnson", 101, "rep", "town"),
]
WHICH_FIRST = {
    "phone": ["can you get me {said}s number", "i need {said}s cell please"],
    "email": ["need {said}s email real quick", "what email do we have for {said} again"],
    "address": ["whats the address for {said}, heading over", "i need {said}s street address"],
    "rep": ["who is the sales rep on {said}", "which one of our reps has {said}"],
}
BY_TRADE = ["its the {trade} job i mean", "the one with the {trade}"]
BY_TOWN = ["its the one in {town}", "the {town} house"]
ORDINAL_SAID = {1: "first one", 2: "2nd one on the list"}
# a customer with two jobs asked about by name, the job then given by its number
WHICH_JOB = [(123, "{name}, where do things stand with them")]

# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("quick question, do we register the manufacturer warranty for them", WARRANTY, "We register the warranty within 30 days of completion"),
    ("oh and how much is drip edge per piece", "pricing:RF-DE", None),
    ("side question, how many of the director calls were in beverly", "analysis:town:Beverly", None),
    ("btw whats our normal deposit on a job", AFTER, "Our standard deposit is 30 percent"),
    ("ho asked about ice in the gutters, is there anything we can add", GUTTERS, "Heat cable can be added in problem spots"),
]
BACK = {
    "phone": "ok anyway, {pos} number?",
    "email": "back to {obj}, whats the email",
    "address": "anyway whats the address there",
    "rep": "ok and who is the rep on it",
    "contract": "anyway, how much was the contract",
    "note": "ok so whats the last note say",
    "paid": "back to it, how much paid so far",
    "balance": "anyway whats still owed on it",
}

# ------------------------------------------------------------------------------------------
# conversations: writes, in reps' own words
# ------------------------------------------------------------------------------------------

YESES = [
    "yes", "yep", "ya", "do it", "yes please", "yes do it please", "save it", "yep save that", "sounds good", "correct",
    "thats right", "yes save it please", "ok", "yup go do it", "sure", "yeah", "confirm", "confirmed", "yes correct",
    "ok save", "yea go ahead and do it", "right, do it", "yes sir", "ok go", "thats it", "good, save",
    "ya do that", "ok save that", "alright do it", "yes go", "yeah thats right, save it", "yep thats correct",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "no dont", "hold on dont do that", "forget that", "cancel", "wrong one, never mind", "nah dont",
    "wait no", "never mind", "stop, dont save it", "dont do that just yet", "hold off on that one", "no cancel that please",
    "ok forget it for now", "actually dont", "nope not that one", "scratch it", "no no leave it", "dont bother",
    "hold that thought, no", "nvm dont", "not now", "cancel that last one", "eh dont", "no thanks",
    "hmm lets hold off", "dont change anything", "wait hold on, no", "skip that",
]
STRAYS = ["thank you", "cool thanks", "ok great thanks"]

# no weekday or month stems, no times, no digits: the booking checks read every turn
NOTE_LINES = [
    "ho has a bad back, dont ask them to move stuff",
    "driveway is steep, park on the street",
    "two dogs in the yard, call before opening the gate",
    "ho wants a copy of our insurance cert before we start",
    "power line runs close to the back corner of the roof",
    "ho asked us not to block the neighbors driveway",
    "koi pond under the back gutter, cover it up",
    "ho prefers texts over phone calls",
    "main water shutoff is in the basement by the stairs",
    "ho wants the old gutters kept for the scrap guy",
    "gravel driveway, no heavy trucks near the edge",
    "ho is hard of hearing so knock loud",
    "garden beds along the front walk, tarp them",
    "ho leaves the key in the lockbox by the garage",
    "skylight over the kitchen already leaks a little",
    "they have a new baby, keep the noise down",
    "ho wants pictures of any rot we find",
    "camera on the porch, ho watches everything",
    "bees in the attic vent, bring spray",
    "ho asked for the same crew as last time",
    "shared driveway with the neighbor, keep it open",
    "ho wants an extra downspout on the back corner",
    "porch roof is soft, nobody walks on it",
    "ho is getting a second opinion from another roofer",
    "pool in the backyard, no ladders on the pool deck",
    "ho is paying cash and wants a receipt for everything",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [
    ("ho wants us to park on the street", "ho wants us to park in the driveway, not on the street"),
    ("the dog is nice", "the dog is not nice, keep the gate shut"),
]
NOTE_SAID = [
    "can you note that {note} on {ref}",
    "pls add to the notes for {ref}: {note}",
    "jot down under {ref} that {note}",
    "stick a note on {ref}, {note}",
    "{ref} - can you note that {note}",
    "add this to the notes on {ref} {note}",
    "put in the notes for {ref} that {note}",
    "jot down for {ref} {note}",
    "stick a note on {ref} saying {note}",
    "{ref} note for the crew {note}",
    "leave a note on {ref}: {note}",
    "note on {ref} please, {note}",
]
NOTE_HERE = [
    "can you note that {note}",
    "pls add to the notes: {note}",
    "jot down that {note}",
    "stick a note on {pos} {trade} job, {note}",
    "{subj} mentioned {note}, add that to the notes",
    "add a note there that {note}",
]
NOTE_FIX = ["sorry no, the note should say {note}", "actually change it to {note}"]

# (template, stage the job goes to): stage news in reps' words
STAGE_SAID = [
    ("{ref} signed today, mark it", "Contract Signed"),
    ("{ref} decided to go with someone else", "Lost"),
    ("{ref} is done, crew wrapped up", "Completed"),
    ("{ref} paid us in full, close it out", "Paid & Closed"),
    ("sent the proposal to {ref}", "Proposal Sent"),
    ("{ref} is on the schedule now", "Scheduled"),
    ("crew started on {ref}", "In Progress"),
    ("{ref} wants to think it over, follow up with them", "Follow Up"),
    ("need to redo the numbers on {ref}", "Estimating"),
    ("we closed {ref}, they signed", "Contract Signed"),
    ("lost {ref}, they picked another company", "Lost"),
    ("{ref} finished up, crew is off the job", "Completed"),
    ("{ref} last payment came in, all paid", "Paid & Closed"),
    ("{ref} has the proposal now", "Proposal Sent"),
    ("{ref} got a start date", "Scheduled"),
    ("crew is working on {ref} now", "In Progress"),
    ("{ref} wants to move forward, they signed", "Contract Signed"),
    ("{ref} needs a couple weeks to decide, put it in follow up", "Follow Up"),
    ("{ref} needs a new estimate, the scope got bigger", "Estimating"),
]
STAGE_HERE = [
    ("{subj} signed today", "Contract Signed"),
    ("crew started there", "In Progress"),
    ("they paid in full, close it", "Paid & Closed"),
    ("{subj} decided to go with someone else", "Lost"),
    ("sent {obj} the proposal", "Proposal Sent"),
    ("its on the install schedule now", "Scheduled"),
    ("thats done, crew wrapped up", "Completed"),
    ("{subj} wants to think it over", "Follow Up"),
    ("gotta redo the estimate on it", "Estimating"),
]
# (said first, the correction with the stage as a slot, stage it goes to): the first says Lost,
# the other Proposal Sent (dev_generators moves a job that can go to either)
STAGE_FIXES = [
    ("{ref} is dead, they went elsewhere", "wait no, they might still come back, make it {stage}", "Follow Up"),
    ("{ref} got the proposal", "no scratch that they signed, {stage}", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev_sets' reader (which checks it)
WHEN_TYPED = [
    ("tmrw at 2:45pm", "2026-11-24T14:45"),
    ("next tues at 10am", "2026-12-01T10:00"),
    ("12/4 at 11am", "2026-12-04T11:00"),
    ("dec 8 at 2:30pm", "2026-12-08T14:30"),
    ("wednesday 12/9 at 4", "2026-12-09T16:00"),
    ("tues after next at 9am", "2026-12-01T09:00"),
    ("thurs next week at 1pm", "2026-12-03T13:00"),
    ("the 10th at 10am", "2026-12-10T10:00"),
    ("day after tmrw at 2pm", "2026-11-25T14:00"),
    ("two weeks from today 10am", "2026-12-07T10:00"),
    ("dec 3rd at noon", "2026-12-03T12:00"),
    ("12/1 0900", "2026-12-01T09:00"),
    ("a week from tues at 3pm", "2026-12-01T15:00"),
    ("mon 12/14 at 8:30am", "2026-12-14T08:30"),
    ("next fri half past 1", "2026-12-04T13:30"),
    ("tmrw morning 9:15", "2026-11-24T09:15"),
    ("wed the 2nd at 11am", "2026-12-02T11:00"),
    ("12/7 quarter to 3", "2026-12-07T14:45"),
    ("friday the 11th at ten am", "2026-12-11T10:00"),
    ("thursday 12/10 at 3:30", "2026-12-10T15:30"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [
    ("can they do {t} instead", "10:45am", "10:45"),
    ("{t} is better for them actually", "3pm", "15:00"),
    ("bump it to {t}, same day", "half past 11", "11:30"),
    ("actually make that {t}", "4 oclock", "16:00"),
    ("can we change the time to {t}", "8:15am", "08:15"),
]
DAY_FIXES = [
    ("keep the same time but do {t}", "next fri", "2026-12-04"),
    ("{t} works better for them, same time", "the 9th", "2026-12-09"),
    ("can we switch it to {t}", "tuesday after next", "2026-12-01"),
]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("first look", "look"), ("intro visit", "intro")],
    "Estimating": [("measure up", "measure"), ("estimate walkthrough", "estimate")],
    "Proposal Sent": [("proposal review", "proposal"), ("price review", "price")],
    "Follow Up": [("touch base sit", "touch"), ("second sit", "second")],
    "Contract Signed": [("color selection", "color"), ("pre start meeting", "meeting")],
    "Scheduled": [("pre install walk", "walk"), ("delivery walk", "delivery")],
    "In Progress": [("progress check", "progress"), ("final walkthrough", "walkthrough")],
}
BOOK_SAID = [
    "book {akind} for {ref} {when} please",
    "can you schedule {akind} with {ref} {when}",
    "set up {akind} with {ref}, {when}",
    "{ref} {kind} {when} please",
    "put {akind} on my calendar for {ref} {when}",
    "need {akind} at {ref} {when}, can you book it",
    "lets get {akind} on the books with {ref} {when}",
    "schedule {ref} in for {akind} {when}",
]
BOOK_HERE = [
    "go ahead and book {akind} with {obj} {when}",
    "can you schedule {akind} there {when}",
    "set up {akind} {when} on {pos} {trade}",
    "{subj} can do {when}, book {akind}",
    "put me down for {akind} {when} with {obj}",
]
BACK_TO = ["ok so back to {pos} job, ", "now for {pos} {trade}, ", "ok back to {obj} again, "]
JOB_FIX = ["no the {right}, not the {wrong}", "wrong job, i meant the {right} not the {wrong}"]
# moving a visit on the calendar (a reschedule), called off before the yes
MOVE_SAID = [
    "move the {visit} for {ref} to {when}",
    "{ref} needs their {visit} moved to {when}",
    "can you push {pos} {visit} to {when}",
    "{ref} wants to change the {visit} to {when}",
]
# the stages the direct stage writes go to
DIRECT_TARGETS = ["Contract Signed", "Scheduled", "Lost", "Completed", "Follow Up", "Paid & Closed", "In Progress", "Estimating", "Proposal Sent"]
WHICH_ASKS = {"note": "pls add to the notes for {name}: {note}", "stage": "{name} signed today, update it", "book": "book {akind} with {name} {when}"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "its the {x} job", "number": "its {x}, that number", "stage": "the one thats sitting in {x}"}

# ------------------------------------------------------------------------------------------
# the sizes of the parts, and the files (the generators are dev_generators')
# ------------------------------------------------------------------------------------------

SIZES = dg.Sizes(
    contact=("phone", "email", "address", "home", "email", "phone", "home", "address"),
    followups=5, topic_switches=4,
    direct=27, direct_style=lambda k, styles: (k * 7 + 3) % styles,
    after_lookup=10, after_two_lookups=3, after_detour=3, two_writes=3, time_fixes=3,
    off_yes=5, off_after_lookup=4, off_ok_yes=3, moves=4, off=1,
    status=6, rep=4, notes=3, money={"balance": 2, "contract": 2, "deposit": 2, "proposal": 1}, dates=(2, 2, 2),
    scripts=3, other_jobs=4, new_requests=4, off_after_fix=2,
)
DEV_SET = be.DevSet(SPLIT, SEED, {**globals(), **dg.generators(sys.modules[__name__])}, HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
