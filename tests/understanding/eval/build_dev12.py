"""Builds dev12, a twelfth development set for the understanding layer, written blind (from the
demo data and what the product is for): about 125 single questions and 90 conversations, typed
the way reps type on a phone between driveways. Single questions: contact fields ("got a # for
...", "... cell pls", "house phone for ..."), money, dates, notes, the rep of a job, a rep's open
jobs, jobs in a stage, the calendar ("fri after thanksgiving anything booked", "is kevin slammed
tmrw"), playbook questions in reps' words, director-call figures, catalog prices, scripts, web
searches, new customers dictated, bad input. Conversations: follow-ups that point back ("and her
phone # then?", "what do they owe still"), asides to the playbook, the catalog or the calls and back,
clarifications answered by first name, last name, trade, town, job number or position, and
writes said as reported news more than as orders ("got the signed contract back from ...",
"spoke w ... today, ..., put that in the notes", "... wants us out next tues 9am for a
remeasure"), the job often named by its trade and town ("gutters in natick", "the natick
gutter job"), days typed "next tues", "the 9th", "a week from fri"; writes corrected before the
yes, and writes called off in varied words with a later "yes" that must change nothing. Every
expected fact and every expected CRM change is computed here from data/demo (the CRM seed, the
knowledge base, the director's call transcripts, the catalog), never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev12.py [--out DIR]

Writes dev12/questions.jsonl and dev12/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev11 (see build_eval.py and
bench/understanding.py); the code that works out the cases is dev_generators' (the code dev10
and dev11 run), and every phrasing is dev12's own. The clock is pinned at Monday 2026-11-23
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
from tests.understanding.eval import build_eval as be  # noqa: E402
from tests.understanding.eval import dev_generators as dg  # noqa: E402
from tests.understanding.eval import dev_shared as ds  # noqa: E402
from tests.understanding.eval.build_dev5 import ONE, WORD, trades_of  # noqa: E402
from tests.understanding.eval.dev_shared import (  # noqa: E402
    COUPLES,
    ELDERLY,
    FINQ,
    FIRST5,
    FRAME,
    GBB,
    HOA,
    PRESENT,
    STORY,
    TYPES,
    VENT,
    VINYL,
    WINDOWS,
)

SPLIT = "dev12"
SEED = f"{be.SEED}/dev12"
NOW = be.NOW
WRITE_CLAIMS = be.WRITE_CLAIMS  # what no answer may claim

# ------------------------------------------------------------------------------------------
# naming a job: build_dev9's names, and the trade and the town said two more ways
# ------------------------------------------------------------------------------------------

# "gutters in Natick", "Natick gutter job": the job is the one job of that trade in its town
TOWN_STYLES = ("trade_in_town", "town_trade_job")
REF_STYLES = (*d9.REF_STYLES, *TOWN_STYLES)
NUMBER_STYLES = d9.NUMBER_STYLES
cust_ref = d9.cust_ref


def refs_of(d: be.Data, jid: int) -> dict[str, str]:
    """build_dev9's names for one job alone, and the trade and the town said without "the"."""
    out = d9.refs_of(d, jid)
    town = d8.town_of(d, jid)
    for trade in trades_of(d, jid):
        if d8.town_alone(d, jid, trade):
            out.setdefault("trade_in_town", f"{WORD[trade]} in {town}")
            out.setdefault("town_trade_job", f"{town} {ONE[trade]} job")
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
# how reps type, dev12's layer: thumbs between driveways, and run-on dictation
# ------------------------------------------------------------------------------------------

# (pattern, shorthand, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\bappointment\b", "appt", 0.6),
    (r"\bnumber\b", "#", 0.4),
    (r"\bthanks\b", "ty", 0.4),
    (r"\bplease\b", "plz", 0.3),
    (r"\bbecause\b", "cuz", 0.5),
    (r"\bsomething\b", "smth", 0.5),
    (r"\bpeople\b", "ppl", 0.5),
    (r"\byour\b", "ur", 0.4),
    (r"\bokay\b", "k", 0.5),
    (r"\bthough\b", "tho", 0.6),
    (r"\bthe\b", "", 0.06),
]
# how often a phrasing comes out as dictated: no commas, dashes, colons or question marks
DICTATED = 0.25
say = ds.typist(THUMBS, dictated=DICTATED, no_digit_by_a_time=True)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn, named as dev12's."""

    split = SPLIT


# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "got a number for {name}",
        "{pname} cell plz",
        "need {pname} number asap",
        "whats the best way to call {name}",
        "{name} phone?? im sitting outside",
    ]),
    "email": Turns("crm.contact.email", [
        "{pname} email addy real quick",
        "what email is on {pname} file",
        "text me {pname} email",
    ]),
    "address": Turns("crm.contact.address", [
        "{pname} address i'm heading there now",
        "where is {name} exactly, address",
        "{name} street and house number",
    ]),
    "home": Turns("crm.contact.home", ["{name} home line", "{pname} landline number, not mobile"]),
}
STAGE_ASK = Turns("crm.status", [
    "{job} where we at on it",
    "whats the stage on {job} these days",
    "{job} status plz",
    "is {job} signed yet or what",
    "{job} still going or dead",
])
REP_ASK = Turns("crm.rep", ["whose name is on {job} as rep", "{job} whose customer is that", "{job} who is our rep on it", "who is the salesperson for {job}"])
NOTE_ASK = Turns("crm.notes", ["{job} last note plz", "{job} any fresh notes", "what does the latest note on {job} say"])
MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["what did {job} go for", "contract total for {job}?", "whats {job} worth contract wise"]),
    "balance": Turns("crm.money.balance", ["{job} balance owed?", "unpaid amount on {job}?", "{job} what do they owe us yet"]),
    "deposit": Turns("crm.money.deposit", ["deposit on {job}?", "{job} deposit amount plz"]),
    "proposal": Turns("crm.money.proposal", ["how much did we bid {job} at", "{job} proposal came to what"]),
}
INSTALL_ASK = Turns("crm.dates.install", ["when is the install on {job}", "{job} crew start date", "what day do the guys go to {job}"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} whens the next appt", "next time were out at {job}?", "anything coming up for {job} on the cal"])
NEXT_ASK = Turns("crm.dates.next_customer", ["next time i see {name}?", "when do i meet w {name} next"])

# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-27", "2026-11-27", None, None, "fri after thanksgiving anything booked"),
    ("2026-11-30", "2026-11-30", None, None, "monday the 30th how stacked is it"),
    ("2026-12-03", "2026-12-03", None, None, "thurs 12/3 lineup"),
    ("2026-12-09", "2026-12-09", None, None, "whats goin on wed the 9th"),
    ("2026-12-14", "2026-12-15", None, None, "the 14th and 15th how many appointments between em"),
    ("2026-11-24", "2026-11-24", 13, None, "is kevin slammed tmrw"),
    ("2026-11-24", "2026-11-25", 12, None, "dana tmrw n wed whats she doing"),
    ("2026-12-15", "2026-12-15", 11, None, "mike reed on the 15th whats he got"),
    ("2026-11-30", "2026-12-04", None, "install", "how many {kind}s go in the wk of 11/30"),
    ("2026-12-07", "2026-12-09", None, "walkthrough", "{kind}s from 12/7 to 12/9 count plz"),
    ("2026-12-14", "2026-12-14", None, "inspection", "{kind}s on mon 12/14?"),
]
REP_OPEN = [
    (13, "kevins open jobs, list em out"),
    (12, "how many open does dana whitaker have going"),
    (11, "mike reeds open stuff"),
    (12, "danas open pipeline plz"),
    (13, "count up what kevin shea has open"),
]
STAGE_LISTS = [
    ("Scheduled", "which jobs r scheduled but not started"),
    ("Contract Signed", "everybody whos signed and waiting on a date"),
    ("Completed", "jobs done but not paid off yet which ones"),
    ("Lead", "fresh leads nobody has touched"),
    ("Paid & Closed", "paid n closed jobs list"),
]

# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (STORY, "how long has summit ridge been around, ho asked me", "started in 2008"),
    (STORY, "what % of our work is referrals i wanna brag a little", "About 38 percent of our jobs come from referrals"),
    (FIRST5, "where do i sit at the kitchen table does it even matter", "Never take the head of the table"),
    (FIRST5, "ho wants a ballpark at the front door what do i say back", "I'd be guessing until I've seen it"),
    (TYPES, "guy has a spreadsheet of every quote how do i play that", "Bring data sheets"),
    (TYPES, "super busy ho just wants the bottom line, tips", "Give the recommendation and the price early"),
    (COUPLES, "husband n wife cant agree on the roof what now", "Offer them a minute alone"),
    (ELDERLY, "older lady living alone how long should my visit go", "never let a visit run past two and a half"),
    (FINQ, "ho says same as cash is a scam how do i answer that", "Be honest about deferred interest"),
    (FINQ, "am i allowed to fill out the finance app for them", "The homeowner completes the application themselves"),
    (GBB, "whats in preferred that essential doesnt have on a roof", "New step and counter flashing throughout"),
    (GBB, "what do we charge to swap a sheet of rotted decking", "$95 per sheet"),
    (PRESENT, "after i show the price what do i do, just sit there?", "After showing the price, wait"),
    (PRESENT, "ballpark for vinyl on a normal two story", "$19,000 to $32,000"),
    (FRAME, "whats the four step thing we do for objections", "Listen, Acknowledge, Ask, Answer"),
    (WINDOWS, "ho wants to know how much new windows save on heat", "roughly 10 to 15 percent"),
    (HOA, "maple hollow what roof colors will the board ok", "charcoal, weathered wood, driftwood and slate gray"),
    (VINYL, "what thickness vinyl do we refuse to put up", ".040 and below"),
]

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("ride alongs in holden how many", "count", {"town": "Holden"}),
    ("ri calls w rachel, number of em", "count", {"state": "RI"}),
    ("first visit close rate on window calls", "first_visit_rate", {"trade": "windows"}),
    ("ice dam calls how many were there", "count", {"situation": "ice_dams"}),
    ("how often did financing come up as the objection on the calls", "count", {"objection": "financing"}),
    ("how many times did she go for the summary close", "count", {"technique": "Summary close"}),
    ("avg length of a gutter ride along start to finish", "avg_minutes", {"trade": "gutters"}),
    ("on siding calls how many days til the follow up on avg", "avg_follow_up_days", {"trade": "siding"}),
    ("calls from 2024 how many total", "count", {"year": "2024"}),
    ("close rate when mike reed had rachel along", "close_rate", {"rep": "Mike Reed"}),
]

# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("GT-HR5", "5in half round", "price", "{item} 10ft piece price"),
    ("RF-ST", "starter strip", "cost", "{item} bundle what do we pay"),
    ("WN-SL", "slider window", "supplier", "who do we buy the {item}s thru"),
    ("SD-VN-MC", "carvedwood", "labour", "labor per box to hang {item}"),
    ("RF-SH-DES", "designer shake", "margin", "whats the margin look like on {item}"),
    ("WN-DH-FG", "fiberglass dh", "markup", "markup on a {item} over cost"),
    ("RF-RC", "ridge cap", "price", "{item} per bundle retail"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [
    ("WN-SL", "sliders", 5, "{qty} {item} at retail, total?"),
    ("GT-EL23", "2x3 elbows", 16, "ring up {qty} of the {item}"),
]
# (sku, squares, template): bundles for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [("RF-SH-DES", 20, "designer shake for a {squares} sq roof, bundle count")]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [(2000, 7, 12, "footprint {area} sqft {rise}/12 pitch {waste}% waste squares?")]

WEB_ASKS = [
    "check online if theres a shingle shortage right now",
    "google what osb sheets are going for lately",
    "search the web for new hampshire permit rules on a reroof",
    "look up online reviews on leaf guard gutters",
]
SCRIPT_ASKS = Turns("scripting", [
    "script for my sit down w {name}",
    "can u draft what i should say to {name}",
    "talking points script for {name} plz",
    "write up a sales script i can use on {name}",
])

# new customers dictated the way a rep types them in the truck
NEW_PEOPLE = [("Thaddeus", "Okonkwo"), ("Marguerite", "Vandersloot"), ("Ezekiel", "Pomeroy")]
NEW_STREETS = ["17 Cedar Swamp Rd", "204 Pleasant St", "8 Juniper Ln"]
NEW_TOWNS = ["Hudson", "Grafton", "Northborough"]
NEW_TRADES = [("wants gutter guards quoted", "gutter"), ("needs a new roof before winter", "roof"), ("asking about siding colors", "siding")]
NEW_CARDS = Turns("new_clients", [
    "new lead plz {first} {last} {phone} {street} {town} {trade}",
    "make a card for {first} {last}, email {email}, cell {phone}",
    "{first} {last} called the office {phone} {trade} put them in",
])
# bad input: gibberish, a write with nothing in focus, a job that does not exist
GIBBERISH = "asdf ;lkj qwe rty"
FOCUSLESS = "note it down that she called twice"
MISSING_JOB = (7731, "7731 just signed update it plz")

# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = ["whats up w {ref}", "{ref} status check", "pull {ref} for me", "{ref}?? what do we have on it", "open {ref}", "any news on {ref}"]

SECOND = {
    "phone": ["and {pos} phone # then?", "best line to get {obj} on"],
    "email": ["{pos} email addy?", "got an email for {obj}"],
    "address": ["and the house address", "where is {subj} located"],
    "rep": ["whos the salesperson on it", "who has it on our side"],
    "contract": ["whats it sold for", "contract price?"],
    "note": ["latest note?", "what do the notes say"],
    "paid": ["what have they paid us to date", "payments in so far?"],
    "balance": ["balance left?", "what do they owe still"],
}
OTHER_JOB = ["and {pos} other one", "the {trade} job where is it at", "what about the {trade} side", "other job status?"]
ON_OTHER = ["whos selling that one", "rep on that job?"]

# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("wong", 125, "phone", "town"),
    ("reilly", 117, "email", "daniel"),
    ("quinn", 136, "phone", "melissa"),
    ("thomas", 118, "phone", "mccarthy"),
    ("brooks", 130, "email", "town"),
    ("castillo", 113, "rep", "trade"),
    ("megan", 132, "address", "ordinal:1"),
    ("steven", 122, "phone", "lombardi"),
    ("fitzgerald", 135, "address", "town"),
]
WHICH_FIRST = {
    "phone": ["gimme the number for {said}", "{said} cell #?", "call # for {said}"],
    "email": ["{said} email real quick", "email on file for {said}"],
    "address": ["{said} house address", "what street is {said} on"],
    "rep": ["{said} is whose customer"],
}
BY_TRADE = ["its the {trade} customer", "{trade} one"]
BY_TOWN = ["the one up in {town}", "{town} is the one"]
ORDINAL_SAID = {1: "the first of those", 2: "2nd one"}
# a customer with two jobs asked about by name, the job then given by its number
WHICH_JOB = [(117, "{name} where is it at stage wise")]

# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("quick one, can i punch in the ho social on the finance app", FINQ, "Reps never enter a Social Security number"),
    ("side q is it ok running a ridge vent and a gable fan together", VENT, "Never mix exhaust types"),
    ("real quick what do we sell a 5in half round piece for", "pricing:GT-HR5", None),
    ("off topic how many ride alongs were in warwick", "analysis:town:Warwick", None),
    ("totally diff q how long can a visit go w an older ho", ELDERLY, "never let a visit run past two and a half"),
    ("btw whats the window lead time lately", WINDOWS, "four to six weeks from the production measure"),
]
BACK = {
    "phone": "back to {obj}, best phone?",
    "email": "anyway {pos} email",
    "rep": "ok so whose customer is that again",
    "note": "back to the job, last note on it?",
    "contract": "ok what did {subj} sign for in the end",
    "address": "anyways wheres {pos} house",
}

# ------------------------------------------------------------------------------------------
# conversations: writes, as reps report them
# ------------------------------------------------------------------------------------------

YESES = [
    "yup go on", "ya thats it", "yeah go", "sure do it", "yes yes", "yep all good", "yeah perfect", "alright go",
    "k save it", "yes save it", "ok ya", "yeah correct", "yep looks good", "ya save it", "sure save it", "ok perfect",
    "yes that one", "yep that works", "all set go", "go ahead thx", "ok good", "yup send", "correct thx", "yep perfect",
    "ok thats right", "go ahead and save it", "yes go ahead and save", "correct save", "do it yes", "affirm",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "nah dont bother w that", "hmm not yet plz", "nope hold off", "ugh no dont", "stop stop", "never mind on that",
    "erase it", "dont log that", "kill it", "no cancel it", "hold up not yet", "wait no not that", "forget about it",
    "nah pass", "dont touch it yet", "pause that", "i take it back", "no dont change it", "scratch that idea",
    "leave it how it is", "wait dont save", "no no dont do that",
]
STRAYS = ["ok ty", "k cool thx", "cool appreciate it"]

# no weekday or month stems, no times, no digits: the booking checks read every turn
NOTE_LINES = [
    "ho wants the crew to use the side door",
    "they asked us to save the old slate for the garden",
    "no smoking on site the ho is allergic",
    "the driveway gets plowed early keep it clear",
    "neighbor on the left complains about noise",
    "new baby in the house keep it quiet by the nursery",
    "ho wants copper downspouts on the front",
    "ho works nights knock softly",
    "basement floods when the gutters overflow",
    "ho is a retired teacher and loves details",
    "ho wants pics of any rotted boards we replace",
    "cat gets out easy keep the porch door shut",
    "ho prefers email over texts",
    "the wife already started the financing app",
    "they want the old shutters put back up",
    "wasp nest under the eave by the garage",
    "ho asked for a printed copy of the contract",
    "water shutoff is in the crawl space",
    "they want the dumpster gone before the party",
    "ho has a cousin who does drywall if we need it",
    "fence gate sticks lift it to open",
    "they are selling the house in the spring",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [("wants the brown shingles", "wants the charcoal shingles"), ("paying with a heloc", "paying with the credit union loan")]
NOTE_SAID = [
    "heads up on {ref} {note}",
    "spoke w {ref} today, {note}, put that in the notes",
    "{ref} mentioned {note} can u save that",
    "for the file on {ref}: {note}",
    "update on {ref} - {note}",
    "{ref} note plz: {note}",
    "add to the notes for {ref} that {note}",
    "remember for {ref} {note}",
    "{ref} told me {note}, log it",
    "pin a note on {ref} saying {note}",
    "so on {ref} {note} make a note",
    "write down for {ref} {note}",
]
NOTE_HERE = [
    "stick this in the notes {note}",
    "oh and {note}, note it",
    "{subj} also said {note}",
    "in the notes put {note}",
    "slap a note on it {note}",
    "one more thing for the notes {note}",
]
NOTE_FIX = ["oops i meant {note}", "change that, {note}"]

# (template, stage the job goes to): stage moves reported as news; a reason said with it is not checked
STAGE_SAID = [
    ("got the signed contract back from {ref}", "Contract Signed"),
    ("{ref} picked another company, we lost it", "Lost"),
    ("{ref} crew wrapped today all done", "Completed"),
    ("final payment cleared on {ref}", "Paid & Closed"),
    ("proposal just went out to {ref}", "Proposal Sent"),
    ("{ref} is on the install calendar now", "Scheduled"),
    ("we broke ground on {ref} this morning", "In Progress"),
    ("{ref} wants a few weeks to decide, follow up stage", "Follow Up"),
    ("{ref} asked for a new number, back to estimating", "Estimating"),
    ("{ref} stopped answering, mark it lost", "Lost"),
    ("{ref} said yes!! contract signed", "Contract Signed"),
    ("{ref} passed, went w their brother in law", "Lost"),
]
STAGE_HERE = [
    ("they chose someone else", "Lost"),
    ("contract came back signed", "Contract Signed"),
    ("install date is set", "Scheduled"),
    ("i emailed {obj} the proposal", "Proposal Sent"),
    ("crews started tearing off", "In Progress"),
    ("punch list done, its complete", "Completed"),
    ("{subj} wants to think, put it in follow up", "Follow Up"),
    ("{subj} backed out so thats lost", "Lost"),
]
# (said first, the correction with the stage as a slot, stage it goes to): the first says Lost,
# the second Proposal Sent (dev_generators moves a job that can go to either)
STAGE_FIXES = [
    ("{ref} is dead, lost", "wait not lost, move it to {stage}", "Follow Up"),
    ("{ref} proposal went out today", "my mistake they signed, make it {stage}", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev_sets' reader (which checks it)
WHEN_TYPED = [
    ("next tues 9am", "2026-12-01T09:00"),
    ("the 9th around 10", "2026-12-09T10:00"),
    ("a week from fri at 1", "2026-12-04T13:00"),
    ("tmrw first thing 8am", "2026-11-24T08:00"),
    ("this wed around 1:30", "2026-11-25T13:30"),
    ("12/7 @ 2:45", "2026-12-07T14:45"),
    ("dec 10 3pm", "2026-12-10T15:00"),
    ("next mon at noon", "2026-11-30T12:00"),
    ("the 11th quarter past 11", "2026-12-11T11:15"),
    ("tues the 8th half past 9", "2026-12-08T09:30"),
    ("wed 12/2 2 oclock", "2026-12-02T14:00"),
    ("dec 14 at 11am", "2026-12-14T11:00"),
    ("day after tmrw at noon", "2026-11-25T12:00"),
    ("12/15 at ten thirty", "2026-12-15T10:30"),
    ("mon 11/30 eleven am", "2026-11-30T11:00"),
    ("thurs 12/3 at 4", "2026-12-03T16:00"),
    ("a week from tmrw 10am", "2026-12-01T10:00"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [("push it later to {t}", "3:30pm", "15:30"), ("{t} works better for her", "11am", "11:00"), ("can it be {t} instead of that", "at 9:15", "09:15"), ("same day but {t}", "noon", "12:00")]
DAY_FIXES = [("she cant do that day, {t} works same time", "next fri", "2026-12-04"), ("keep the time but do {t}", "tues the 15th", "2026-12-15")]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("inspection", "inspection"), ("free estimate", "estimate")],
    "Estimating": [("remeasure", "measure"), ("estimate walk", "estimate")],
    "Proposal Sent": [("proposal sitdown", "proposal"), ("followup sitdown", "follow")],
    "Follow Up": [("follow up", "follow"), ("check in", "")],
    "Contract Signed": [("color pick", "color"), ("pre install meeting", "install")],
    "Scheduled": [("install", "install"), ("pre job walk", "walk")],
    "In Progress": [("progress check", "progress"), ("final walk", "walk")],
}
BOOK_SAID = [
    "{ref} wants us out {when} for {akind}",
    "{ref} asked for {akind} {when}, put it on",
    "on {ref} the ho wants {akind} {when}",
    "{ref} is good w {when} for the {kind}",
    "lock in {akind} w {ref} {when}",
    "{ref} {kind} {when} plz",
    "set {ref} up {when}, {kind}",
    "{when} works for {ref}, {kind}",
]
BOOK_HERE = [
    "{subj} wants {akind} {when}",
    "{subj} needs {akind} {when}, add it",
    "{akind} w {obj} {when}",
    "book the {kind} {when} there",
]
BACK_TO = ["ok so back on {last} ", "anyways for {pos} job ", "k that one again "]
JOB_FIX = ["oops meant the {right} job", "other job, the {right} one not {wrong}"]
# moving a visit on the calendar (a reschedule), called off before the yes
MOVE_SAID = ["{ref} called, they need the {visit} moved to {when}", "shift the {visit} for {ref} to {when}", "move {pos} {visit} out to {when}"]
# the stages the direct stage writes go to, the ones the other writes reach less often first
DIRECT_TARGETS = ["Estimating", "Completed", "Scheduled", "Paid & Closed", "In Progress", "Proposal Sent"]
WHICH_ASKS = {"note": "{name} wants me to note {note}", "stage": "{name} inked the deal", "book": "{name} needs {akind} {when}"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "the {x} job obviously", "number": "go with {x}", "stage": "the one sitting in {x}"}

# ------------------------------------------------------------------------------------------
# the sizes of the parts, and the files (the generators are dev_generators')
# ------------------------------------------------------------------------------------------

SIZES = dg.Sizes(
    contact=("email", "phone", "home", "address", "phone", "email", "address", "phone", "home", "email", "phone", "address", "phone", "email"),
    followups=5, topic_switches=6,
    direct=18, direct_style=lambda k, styles: (k + 3) % styles,
    after_lookup=4, after_two_lookups=2, after_detour=2, two_writes=2, time_fixes=2,
    off_yes=6, off_after_lookup=4, off_ok_yes=2, moves=3, off=1,
    notes=6, scripts=4,
)
DEV_SET = be.DevSet(SPLIT, SEED, {**globals(), **dg.generators(sys.modules[__name__])}, HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
