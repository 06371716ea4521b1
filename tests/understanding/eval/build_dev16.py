"""Builds dev16, a sixteenth development set for the understanding layer, written blind (from the
demo data and what the product is for) and weighted to writes on first contact and to mixed
conversations: about 80 single questions and 115 conversations, 65 of them ending in a write,
typed the way reps type on a phone. Single questions, a few of each: contact fields ("{name}
phone number when you get a sec", "does ... have a house line"), money, dates, notes, the rep of
a job, a rep's open jobs, jobs in a stage, the calendar ("give me the whole schedule for next
week", "installs on the board between 11/30 and 12/11"), playbook questions in reps' words,
director-call figures, catalog prices and margins, scripts, web searches, new customers
dictated, bad input. Conversations: writes told as news ("were a go on ..., ink is dry", "...
crew knocked it out", "... went dark", "got the final on ...", "... install got bumped onto the
schedule"), notes with other cues ("make a note on ... that ...", "log that ... on ...", "... add
to the file ...", "for whoevers next out at ...", "... crew should know ..."), bookings with other
verbs ("get me in front of ...", "set me up with ...", "grab a slot ..."), the job named by its
number in the builders' forms, by its customer and trade ("castillo window project", "julie
castillo window replacement") or by its trade and town ("gutters up in natick"), "her", "that one"
after a look-up; days and times typed "tomorrow at 3", "next wednesday 1:30pm", "12/3 1330",
"dec 2nd 10", "mon after next at 8am", "friday next week half past 10", "the 8th at one fifteen";
writes corrected before the yes (time, day, job, note text, stage) and 25 writes called off in new
words ("eh forget it", "scrap that", "not yet", "leave it for now") with a later "yes" that must
change nothing; and follow-ups, clarifications, a playbook or pricing question in the middle. The
typing has its own layer: autocorrect ("know" for "now", "ducking"), letters swapped and doubled,
dictation with no punctuation at all, polite wrappers ("hey hard-e could you ...", "when you get
a sec"). Every expected fact and every expected CRM change is computed from data/demo (the CRM
seed, the knowledge base, the director's call transcripts, the catalog) by dev_generators, never
from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev16.py [--out DIR]

Writes dev16/questions.jsonl and dev16/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev15 (see build_eval.py and
bench/understanding.py); the code that works out the cases is dev_generators' (the code dev10
to dev15 run), and every phrasing is dev16's own. The clock is pinned at Monday 2026-11-23
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
from tests.understanding.eval import build_dev15 as d15  # noqa: E402
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

SPLIT = "dev16"
SEED = f"{be.SEED}/dev16"
NOW = be.NOW
WRITE_CLAIMS = be.WRITE_CLAIMS  # what no answer may claim

# ------------------------------------------------------------------------------------------
# naming a job: build_dev15's names, and three more: "castillo window project" (the last name,
# the trade and "project"), "julie castillo window replacement" (the whole name, the trade and
# "replacement") and "gutters up in natick" (the trade "up in" the town)
# ------------------------------------------------------------------------------------------

OWN_STYLES = ("last_trade_project", "full_trade_replacement", "trade_up_in")
REF_STYLES = (*d15.REF_STYLES, *OWN_STYLES)
NUMBER_STYLES = d9.NUMBER_STYLES
cust_ref = d9.cust_ref


def refs_of(d: be.Data, jid: int) -> dict[str, str]:
    """build_dev15's names for one job alone, and dev16's three: the last name, the trade and
    "project" (the one job of it for anyone of that name), the whole name, the trade and
    "replacement" (their one job of it), the trade "up in" the town (the one job of it there)."""
    out = d15.refs_of(d, jid)
    cid = cid_of(d, jid)
    c = d.customers[cid]
    town = d8.town_of(d, jid)
    for trade in trades_of(d, jid):
        if len(d.jobs_by_last_trade(c["last_name"], trade)) == 1:
            out.setdefault("last_trade_project", f"{c['last_name']} {ONE[trade]} project")
        if len(d.jobs_by_customer_trade(cid, trade)) == 1:
            out.setdefault("full_trade_replacement", f"{c['first_name']} {c['last_name']} {ONE[trade]} replacement")
        if d8.town_alone(d, jid, trade):
            out.setdefault("trade_up_in", f"{WORD[trade]} up in {town}")
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
# how reps type, dev16's layer: autocorrect, letters swapped or doubled, shorthand, a small word
# left out, and more dictation than before
# ------------------------------------------------------------------------------------------

# (pattern, what the phone made of it, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\bnow\b", "know", 0.2),
    (r"\bjust\b", "jsut", 0.25),
    (r"\bwhat\b", "waht", 0.08),
    (r"\bthe\b", "teh", 0.04),
    (r"\bwill\b", "wil", 0.3),
    (r"\breally\b", "realy", 0.5),
    (r"\btheir\b", "there", 0.4),
    (r"\byour\b", "youre", 0.3),
    (r"\bhomeowner\b", "h/o", 0.4),
    (r"\bappointment\b", "apt", 0.5),
    (r"\bthrough\b", "thru", 0.6),
    (r"\btonight\b", "tonite", 0.5),
    (r"\bcan you\b", "can u", 0.5),
    (r"\bcould you\b", "cud u", 0.25),
    (r"\bare\b", "r", 0.25),
    (r"\bpeople\b", "ppl", 0.5),
    (r"\bfinished\b", "finshed", 0.3),
    (r"\bcontract\b", "contarct", 0.12),
    (r"\bschedule\b", "schedulle", 0.1),
    (r"\bnotes\b", "notse", 0.1),
    (r"\bokay\b", "k", 0.5),
]
# one small word left out of that share of the phrasings; that share comes out as dictated
DROP = (r"\b(?:the|a|is)\s", 0.12)
DICTATED = 0.22
say = ds.typist(THUMBS, drop=DROP, dictated=DICTATED, no_digit_by_a_time=True)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn, named as dev16's."""

    split = SPLIT


# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "hey hard-e could you grab me {pname} cell",
        "{name} phone number when you get a sec",
        "need to call {name} whats there number",
        "{pname} digits? running late to the sit",
    ]),
    "email": Turns("crm.contact.email", [
        "{pname} email pls, need to shoot over the quote",
        "whats the email we have on file for {name}",
        "email address for {name} when you get a chance",
    ]),
    "address": Turns("crm.contact.address", [
        "where does {name} live again",
        "{pname} street addy, heading over know",
        "can you pull {pname} address for the gps",
    ]),
    "home": Turns("crm.contact.home", ["does {name} have a house line", "{pname} landline # if we have one"]),
}
STAGE_ASK = Turns("crm.status", [
    "where we at with {job}",
    "hey hard-e whats the stage on {job}",
    "is {job} signed yet or still out there",
    "{job} whats the latest stage wise",
    "quick one, whats {job} sitting at",
    "{job} where did that land",
])
REP_ASK = Turns("crm.rep", ["who owns {job} on the sales side", "which rep has {job}", "{job} whos the salesperson on it", "{job} which salespersons name is on it"])
NOTE_ASK = Turns("crm.notes", ["what did the very last note on {job} say", "{job} most recent note when you get a sec", "read me the latest note for {job}"])
MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["{job} what was the contract amount", "how much did we sell {job} for"]),
    "balance": Turns("crm.money.balance", ["{job} whats still outstanding", "what do they still owe us on {job}"]),
    "deposit": Turns("crm.money.deposit", ["{job} deposit amount we got?", "what deposit did we collect on {job}"]),
    "proposal": Turns("crm.money.proposal", ["{job} how much did we propose, total"]),
}
INSTALL_ASK = Turns("crm.dates.install", ["{job} whens the install", "what day do we start {job}, install wise"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} next visit on the books?", "whens our next trip out to {job}"])
NEXT_ASK = Turns("crm.dates.next_customer", ["when am i due to see {name} again", "{pname} next apt, when is it"])

# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-25", "2026-11-25", None, None, "what do we have going on wednesday, whole team"),
    ("2026-11-30", "2026-12-04", None, None, "give me the whole schedule for next week"),
    ("2026-11-24", "2026-11-24", 11, None, "mike reeds day tomorrow, whats he got"),
    ("2026-12-07", "2026-12-07", 13, None, "kevin on monday the 7th, anything booked for him"),
    ("2026-12-14", "2026-12-16", 12, None, "danas calendar 12/14 to 12/16"),
    ("2026-11-30", "2026-12-11", None, "install", "{kind}s on the board between 11/30 and 12/11"),
    ("2026-12-07", "2026-12-11", None, "inspection", "how many {kind}s the week of the 7th"),
]
REP_OPEN = [
    (11, "what does mike reed have open right now, every job"),
    (12, "how many jobs does dana have open"),
    (13, "pull up everything kevin shea has open"),
]
STAGE_LISTS = [
    ("Contract Signed", "who signed but isnt on the schedule, list em"),
    ("Estimating", "what jobs are we still estimating"),
    ("Lead", "any brand new leads in the system"),
]

# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (ICE, "ice n water at the eaves, how far in past the wall does code want it", "at least 24 inches inside the exterior wall line"),
    (VENT, "can we leave the old box vents and add a ridge vent too", "Never mix exhaust types"),
    (FINP, "whats the monthly on 20k at the 84 month rate roughly", "about 1.56 percent of the amount per month"),
    (DISC, "ho is a vet and a senior, can i stack both discounts", "Do not combine with the military discount"),
    (SPOUSE, "husband is stuck at work during the sit, can we do a video call thing", "offer FaceTime or a video call for the findings and the options"),
    (ELDERLY, "older ho living alone, how long should the visit run max", "never let a visit run past two and a half"),
    (WINDOWS, "how long from measure to install on windows, ho is asking", "allow four to six weeks from the production measure to installation"),
    (WINDOWS, "house is from the sixties, anything special on tearing out the windows", "Our crews are EPA lead-safe certified"),
]

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("how many ride alongs did rachel do in quincy", "count", {"town": "Quincy"}),
    ("rhode island ride alongs, how many total", "count", {"state": "RI"}),
    ("what % of the siding calls closed", "close_rate", {"trade": "siding"}),
    ("how many calls did she close on the first visit", "count", {"outcome": ("closed_first_visit",)}),
    ("good better best, on how many calls did rachel lay that out", "count", {"technique": "Good-better-best options"}),
]

# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-IW", "ice and water roll", "price", "whats a {item} sell for to the ho"),
    ("GT-K6", "6 inch seamless k style", "cost", "what do we pay per foot for {item}"),
    ("SD-HW", "house wrap", "supplier", "where do we buy our {item} from"),
    ("WN-DH", "vinyl dh window", "margin", "whats the margin on a {item}"),
    ("RF-RV", "ridge vent", "markup", "markup on {item} pieces?"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [("GT-EL23", "2x3 elbows", 24, "price me out {qty} {item}")]
# (sku, squares, template): bundles for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [("RF-SH-DUR", 30, "how many bundles of duration do i need for {squares} squares")]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [(2200, 6, 15, "{area} sqft footprint at a {rise}/12 with {waste}% waste, how many squares is that")]

WEB_ASKS = [
    "google the new mass energy code rules for replacement windows",
    "look online for reviews on certainteed landmark shingles",
    "search the web for any owens corning rebates going on",
]
SCRIPT_ASKS = Turns("scripting", [
    "can you write up a pitch for {name}",
    "put together a sales script for my {name} apt",
    "i need a full script with talking points for {name}",
])

# new customers dictated the way a rep types them in the truck
NEW_PEOPLE = [("Thaddeus", "Okonkwo"), ("Wilhelmina", "Fairbanks"), ("Barnaby", "Castellanos")]
NEW_STREETS = ["52 Quarry Hill Rd", "8 Lantern Ln", "311 Bay Path Rd"]
NEW_TOWNS = ["Westborough", "Millbury", "Sutton"]
NEW_TRADES = [("gutters pulling off the fascia", "gutter"), ("wants a quote on a new roof", "roof"), ("drafty windows, wants them replaced", "window")]
NEW_CARDS = Turns("new_clients", [
    "hey hard-e new customer {first} {last} at {street} in {town}, cell {phone}, {trade}",
    "add {first} {last} {email} {phone} as a new lead pls",
    "new cust just called in {first} {last} {street} {town} {phone} {trade}",
])
# bad input: gibberish, a write with nothing in focus, a job that does not exist
GIBBERISH = "qqq wwww ;;; eeee rrr ???"
FOCUSLESS = "add to the file, side gate latch is broken"
MISSING_JOB = (7733, "#7733 were a go, mark it sold")

# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = [
    "hey hard-e pull up {ref}",
    "whats going on with {ref}",
    "open {ref} for me when you get a sec",
    "{ref}, rundown pls",
    "can i see {ref} real quick",
    "whats up w {ref} these days",
]

SECOND = {
    "phone": ["whats {pos} number again", "got a cell for {obj}"],
    "email": ["and {pos} email addy?", "email on file for {obj}?"],
    "address": ["whats the address for that house", "wheres the house exactly"],
    "rep": ["whos repping that one", "which rep is on that"],
    "contract": ["what did it sign for", "contract amount on it?"],
    "note": ["what does the newest note say", "notes say anything useful"],
    "paid": ["how much have they paid us", "whats come in so far payment wise"],
    "balance": ["balance still on it?", "how much do they have left to pay"],
}
OTHER_JOB = ["what about {pos} {trade} job tho", "and then the other job?", "how about the {trade}", "and {pos} {trade} one, wheres that"]
ON_OTHER = ["whos handling that one", "and the rep on it?"]

# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("brooks", 130, "phone", "richard"),
    ("thibodeau", 144, "address", "town"),
    ("castillo", 138, "email", "town"),
    ("lynch", 134, "address", "james"),
    ("megan", 132, "email", "morrison"),
    ("wong", 111, "phone", "trade"),
    ("erica", 131, "rep", "pereira"),
    ("thomas", 115, "phone", "ordinal:1"),
]
WHICH_FIRST = {
    "phone": ["hey hard-e whats {said}s number", "{said} phone # when u get a sec"],
    "email": ["email for {said}?", "whats the email we got for {said}"],
    "address": ["{said}s address pls, heading out", "where does {said} live at"],
    "rep": ["whos the rep on {said}", "{said} who has that one"],
}
BY_TRADE = ["the {trade} one i mean", "its for the {trade}"]
BY_TOWN = ["the one thats over in {town}", "{town} address i believe"]
ORDINAL_SAID = {1: "top one on the list"}
# a customer with two jobs asked about by name, the job then given by its number
WHICH_JOB = [(123, "{name} where are we at with them")]

# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("random q, whats our workmanship warranty on a regular job", WARRANTY, "on every roofing, siding, gutter and window installation"),
    ("oh btw what does a ridge vent piece go for", "pricing:RF-RV", None),
    ("before i forget, how many ride alongs were in natick", "analysis:town:Natick", None),
    ("side thing, does the deposit still apply if they finance", FINP, "The deposit applies even with financing"),
    ("unrelated but whats the referral credit we give", DISC, "$250 off for a homeowner referred by a past customer"),
]
BACK = {
    "phone": "ok back to it, whats {pos} cell",
    "email": "anyways, email for {obj}?",
    "address": "ok so where is {pos} place",
    "rep": "back to the job, who has it",
    "contract": "anyway what did that one sell for",
    "note": "ok back to that one, newest note?",
    "paid": "anyways how much have they paid so far",
    "balance": "back to it, balance left?",
}

# ------------------------------------------------------------------------------------------
# conversations: writes, in reps' own words
# ------------------------------------------------------------------------------------------

YESES = [
    "yup", "yes pls", "ya go", "do er", "yea save er", "go", "yessir", "ok do the thing", "affirmative", "yep go ahead",
    "yah", "sure thing", "ten four", "yes thats the one", "looks good", "thats good to go", "ya thats good", "yep yep",
    "yeah save", "go ahead and save", "sure go", "absolutely", "yea lock it", "yes do that", "uh huh yes",
    "mhm go", "ok sounds right", "perfect go", "yup, nailed it", "kk go for it bro", "all good fire away", "ya ya do it",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "eh forget it", "scrap that", "not yet", "leave it be for now", "hold up dont", "nah, not just yet", "mmm never mind on that",
    "wait dont save that", "cancel it", "nope", "no dont", "skip it", "hang on, no", "ill pass on that one", "no leave it",
    "lets not", "actually no", "dont go thru with that", "hmm no, drop it", "drop it", "belay that", "yank that one",
    "nahh scrap it", "dont log it", "forget i brought it up", "no wait", "not right know", "ugh no cancel",
    "lemme think, dont save", "second thought, nah",
]
STRAYS = ["thanks man", "ok cool", "got it, appreciate ya"]

# no weekday or month stems, no times, no digits: the booking checks read every turn
NOTE_LINES = [
    "ho works nights, knock soft and text first",
    "cat gets out if the door is left open",
    "ho wants the crew to use the side gate only",
    "neighbor complained about the last contractor, keep it tidy",
    "wasp nest in the soffit on the back side",
    "ho wants all the old shingles hauled off in one trip",
    "ho wants a paper copy of the contract mailed to them",
    "mother in law lives on the first floor, be respectful",
    "ho is a nurse and sleeps during the day",
    "no smoking anywhere on the property",
    "electric fence for the dog along the back line",
    "satellite dish has to be reset after we finish",
    "ho wants to approve the color before anything gets ordered",
    "handicap ramp out front, keep it clear",
    "kids bus stop is at the end of the driveway",
    "ho is on a fixed income, financing matters to them",
    "big oak over the garage drops limbs, watch the truck",
    "they plan to list the house in the spring",
    "ho wants the leftover materials left in the garage",
    "historic district, any change needs town approval",
    "ho speaks mostly portuguese, son translates",
    "chimney cap is loose, point it out to them",
    "car in the driveway is broken down and cant be moved",
    "ho is allergic to dogs, no shop dogs on site",
    "would rather get emails than a phone call, hates voicemail",
    "septic cover is right by the back steps, dont drive over it",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [
    ("ho wants the dumpster on the street", "ho wants the dumpster in the driveway, not the street"),
    ("gate code still works", "gate code changed, ask ho for the new one"),
]
NOTE_SAID = [
    "make a quick note on {ref} that {note}",
    "log this for {ref}, {note}",
    "{ref} add to the file {note}",
    "for whoevers next out at {ref}, {note}",
    "{ref} crew should know {note}",
    "hey hard-e could you put a note on {ref}: {note}",
    "{ref} note this down, {note}",
    "when you get a sec add a note to {ref} - {note}",
    "just walked {ref}, {note}, log it",
    "{ref} for the record {note}",
    "stick this in the {ref} notes {note}",
    "{ref}. {note}. make a note of that",
]
NOTE_HERE = [
    "log this one, {note}",
    "make a note on it, {note}",
    "add to the file for {pos} {trade}: {note}",
    "crew should know {note}, put it in there",
    "{subj} told me {note}, note it",
    "for whoevers next out there, {note}",
]
NOTE_FIX = ["no wait, make it say {note}", "change that note to {note}"]

# (template, stage the job goes to): stage moves in reps' words, news more than orders
STAGE_SAID = [
    ("were a go on {ref}, ink is dry", "Contract Signed"),
    ("{ref} went dark on us, call it dead", "Lost"),
    ("{ref} crew knocked it out, all done", "Completed"),
    ("got the final on {ref}, were paid up", "Paid & Closed"),
    ("emailed the quote over to {ref}", "Proposal Sent"),
    ("{ref} install got bumped onto the schedule", "Scheduled"),
    ("{ref} crew started, theyre on site", "In Progress"),
    ("{ref} wants to sleep on it, ill check back with them", "Follow Up"),
    ("{ref} scope changed, gotta rework the estimate", "Estimating"),
    ("{ref} signed the ducking contract finally", "Contract Signed"),
    ("{ref} not happening, they went with somebody else", "Lost"),
    ("{ref} is done done, punch list cleared", "Completed"),
    ("final check cleared for {ref}", "Paid & Closed"),
    ("{ref} proposal is in their hands", "Proposal Sent"),
    ("{ref} has a start date, materials are ordered", "Scheduled"),
    ("production kicked off on {ref}", "In Progress"),
    ("{ref} is on the fence, gonna keep chasing", "Follow Up"),
    ("{ref} needs a fresh set of numbers, back to estimating", "Estimating"),
]
STAGE_HERE = [
    ("{subj} signed, were a go", "Contract Signed"),
    ("crew is on site there know", "In Progress"),
    ("got the final payment, close it out", "Paid & Closed"),
    ("{subj} went dark, mark it lost", "Lost"),
    ("emailed {obj} the proposal", "Proposal Sent"),
    ("install got bumped onto the schedule", "Scheduled"),
    ("crew knocked it out, its done", "Completed"),
    ("{subj} needs more time, put it in follow up", "Follow Up"),
    ("scope changed, needs a new estimate", "Estimating"),
]
# (said first, the correction with the stage as a slot, stage it goes to): the first says Lost,
# the other Proposal Sent (dev_generators moves a job that can go to either)
STAGE_FIXES = [
    ("{ref} is lost, went with the other company", "no my bad, they still might sign, put it in {stage}", "Follow Up"),
    ("emailed the proposal to {ref}", "wait no they signed on the spot, {stage}", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev_sets' reader (which checks it)
WHEN_TYPED = [
    ("tomorrow at 3", "2026-11-24T15:00"),
    ("next wednesday 1:30pm", "2026-12-02T13:30"),
    ("12/3 1330", "2026-12-03T13:30"),
    ("dec 2nd 10", "2026-12-02T10:00"),
    ("mon after next at 8am", "2026-12-07T08:00"),
    ("friday next week half past 10", "2026-12-04T10:30"),
    ("the 8th at one fifteen", "2026-12-08T13:15"),
    ("tomorrow morning 8:30", "2026-11-24T08:30"),
    ("a week from thurs at 10am", "2026-12-03T10:00"),
    ("12/2 @ 3:15", "2026-12-02T15:15"),
    ("this wed at 11", "2026-11-25T11:00"),
    ("dec 10th around 2pm", "2026-12-10T14:00"),
    ("next mon 7:45am", "2026-11-30T07:45"),
    ("2 weeks from today at 1pm", "2026-12-07T13:00"),
    ("tuesday the 1st at 4", "2026-12-01T16:00"),
    ("thurs 12/10 9 oclock", "2026-12-10T09:00"),
    ("day after tomorrow at 10:30am", "2026-11-25T10:30"),
    ("fri 12/11 noon", "2026-12-11T12:00"),
    ("wed the 9th quarter past 1", "2026-12-09T13:15"),
    ("tues the 15th at 8am", "2026-12-15T08:00"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [
    ("can we slide that over to {t}", "11:45am", "11:45"),
    ("they asked for {t}, same day", "9:15am", "09:15"),
    ("move that to {t} instead", "quarter past 2", "14:15"),
    ("{t} suits them better", "1:30pm", "13:30"),
    ("shift it to {t} pls", "2 oclock", "14:00"),
]
DAY_FIXES = [
    ("same time slot but {t}", "next thurs", "2026-12-03"),
    ("{t} instead, keep the time", "the 11th", "2026-12-11"),
    ("they cant do that one, try {t}", "wed after next", "2026-12-02"),
]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("first visit", "visit"), ("initial walk around", "walk")],
    "Estimating": [("site measure", "measure"), ("estimate visit", "estimate")],
    "Proposal Sent": [("quote review", "quote"), ("numbers sit down", "numbers")],
    "Follow Up": [("check back visit", "check"), ("follow up sit", "follow")],
    "Contract Signed": [("color consult", "color"), ("pre install huddle", "huddle")],
    "Scheduled": [("crew handoff walk", "walk"), ("delivery check", "delivery")],
    "In Progress": [("halfway check", "halfway"), ("wrap up walk", "walk")],
}
BOOK_SAID = [
    "get me in front of {ref} {when} for {akind}",
    "set me up with {ref} {when}, {kind}",
    "grab a slot {when} for {akind} at {ref}",
    "hey hard-e can you book {akind} with {ref} {when}",
    "{ref} wants {akind}, put me down for {when}",
    "{when} works for {ref}, set up {akind}",
    "block off {when} for {akind} at {ref}",
    "schedule me {akind} w {ref} {when} when you get a sec",
]
BOOK_HERE = [
    "get me in front of {obj} {when} for {akind}",
    "set me up there {when} for {akind}",
    "grab a slot {when}, {kind}",
    "{subj} said {when} is good for {akind}, book it",
    "put {akind} on the books {when} for {pos} {trade}",
]
BACK_TO = ["ok back to {pos} job, ", "anyway on {pos} {trade}, ", "alright back to {obj}, "]
JOB_FIX = ["sorry meant the {right} not the {wrong}", "oops wrong job, its the {right} one not {wrong}"]
# moving a visit on the calendar (a reschedule), called off before the yes
MOVE_SAID = [
    "{ref} wants to push the {visit} to {when}",
    "can we move {pos} {visit} to {when}",
    "{ref} asked to bump the {visit} to {when}",
    "reschedule the {visit} on {ref} for {when}",
]
# the stages the direct stage writes go to
DIRECT_TARGETS = ["Contract Signed", "Scheduled", "Lost", "Completed", "Follow Up", "Paid & Closed", "In Progress", "Estimating", "Proposal Sent"]
WHICH_ASKS = {"note": "{name} add to the file that {note}", "stage": "{name} were a go, they signed", "book": "set me up with {name} {when} for {akind}"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "the {x}, not the other", "number": "{x} is the right one", "stage": "the {x} one, that one"}

# ------------------------------------------------------------------------------------------
# the sizes of the parts, and the files (the generators are dev_generators')
# ------------------------------------------------------------------------------------------

SIZES = dg.Sizes(
    contact=("email", "phone", "home", "address", "phone", "email", "address", "home"),
    followups=4, topic_switches=4,
    direct=30, direct_style=lambda k, styles: (k * 5 + 2) % styles,
    after_lookup=10, after_two_lookups=3, after_detour=3, two_writes=3, time_fixes=3,
    off_yes=10, off_after_lookup=5, off_ok_yes=3, moves=4, off=1,
    status=6, rep=4, notes=3, money={"balance": 2, "contract": 2, "deposit": 2, "proposal": 1}, dates=(2, 2, 2),
    scripts=3, other_jobs=4, new_requests=4, off_after_fix=3,
)
DEV_SET = be.DevSet(SPLIT, SEED, {**globals(), **dg.generators(sys.modules[__name__])}, HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
