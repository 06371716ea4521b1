"""Builds dev13, a thirteenth development set for the understanding layer, written blind (from the
demo data and what the product is for): about 125 single questions and 90 conversations, typed
the way reps type on a phone with one thumb. Single questions: contact fields ("whats the cell
on ...", "... house phone", "addy for ..."), money, dates, notes, the rep of a job, a rep's open
jobs, jobs in a stage, the calendar ("monday after next what do we have going", "the 2nd
anything on the books", "danas day tmrw"), playbook questions in reps' words, director-call
figures, catalog prices, scripts, web searches, new customers dictated, bad input.
Conversations: follow-ups that point back ("and his email too", "balance on that one still?"),
asides to the playbook, the catalog or the calls and back, clarifications answered by first
name, last name, trade, town, job number or position, and writes in reps' own words ("memo for
...", "lost ... to a cheaper guy", "... can do the 2nd at 10am, set up a proposal review"), the
job named by its number (1042, #1042, 2609-1042), its customer and trade, its trade and town
in two more ways ("wellesley roof", "the russo siding job"), "her roof" or "that one" after a
look-up; days typed "this tues", "the 2nd", "monday after next", "tmrw afternoon", "thurs
next wk"; writes corrected before the yes (time, day, job, note, stage), and writes called off
in new words with a later "yes" that must change nothing. Every expected fact and every
expected CRM change is computed from data/demo (the CRM seed, the knowledge base, the
director's call transcripts, the catalog) by dev_generators, never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev13.py [--out DIR]

Writes dev13/questions.jsonl and dev13/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev12 (see build_eval.py and
bench/understanding.py); the code that works out the cases is dev_generators' (the code dev10
to dev12 run), and every phrasing is dev13's own. The clock is pinned at Monday 2026-11-23
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
from tests.understanding.eval.build_dev5 import ONE, WORD, cid_of, trades_of  # noqa: E402
from tests.understanding.eval.dev_shared import (  # noqa: E402
    AFTER,
    BROOKSIDE,
    FIBER,
    FINP,
    FOLLOW,
    GUTTERS,
    INSPECT,
    MAPLE,
    METHOD,
    SHINGLES,
    SIGNALS,
    UNDER,
    WARRANTY,
)

SPLIT = "dev13"
SEED = f"{be.SEED}/dev13"
NOW = be.NOW
WRITE_CLAIMS = be.WRITE_CLAIMS  # what no answer may claim

# ------------------------------------------------------------------------------------------
# naming a job: build_dev9's names, the town and the trade bare, the last name and "... job"
# ------------------------------------------------------------------------------------------

# "wellesley roof": the one job of that trade in its town; "russo siding job": the one job of
# that trade for anyone of that last name
OWN_STYLES = ("town_bare", "last_trade_job")
REF_STYLES = (*d9.REF_STYLES, *OWN_STYLES)
NUMBER_STYLES = d9.NUMBER_STYLES
cust_ref = d9.cust_ref


def refs_of(d: be.Data, jid: int) -> dict[str, str]:
    """build_dev9's names for one job alone, and dev13's two."""
    out = d9.refs_of(d, jid)
    town = d8.town_of(d, jid)
    last = d.customers[cid_of(d, jid)]["last_name"]
    for trade in trades_of(d, jid):
        if d8.town_alone(d, jid, trade):
            out.setdefault("town_bare", f"{town} {WORD[trade]}")
        if len(d.jobs_by_last_trade(last, trade)) == 1:
            out.setdefault("last_trade_job", f"{last} {ONE[trade]} job")
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
# how reps type, dev13's layer: one thumb, dropped letters, and dictation
# ------------------------------------------------------------------------------------------

# (pattern, shorthand, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\byou\b", "u", 0.5),
    (r"\bare\b", "r", 0.4),
    (r"\bplease\b", "pls", 0.5),
    (r"\bknow\b", "kno", 0.3),
    (r"\bcustomer\b", "cust", 0.4),
    (r"\bappointment\b", "appt", 0.6),
    (r"\bbecause\b", "bc", 0.5),
    (r"\bnumber\b", "num", 0.3),
    (r"\bwhats\b", "whts", 0.12),
    (r"\bproposal\b", "prop", 0.25),
    (r"\bthat\b", "tht", 0.08),
    (r"\bthe\b", "teh", 0.04),
]
# how often a phrasing comes out as dictated: no commas, dashes, colons or question marks
DICTATED = 0.2
say = ds.typist(THUMBS, dictated=DICTATED, no_digit_by_a_time=True)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn, named as dev13's."""

    split = SPLIT


# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "{pname} # real quick",
        "whats the cell on {name}",
        "phone for {name} im at the door",
        "best number to ring {name} at",
        "{name} contact number",
    ]),
    "email": Turns("crm.contact.email", [
        "{pname} email pls",
        "email to reach {name} at",
        "need to send {name} the quote, email?",
    ]),
    "address": Turns("crm.contact.address", [
        "{pname} address, putting it in the gps",
        "{name} street + town",
        "addy on {name} pls",
    ]),
    "home": Turns("crm.contact.home", ["house phone on {name}", "does {name} have a landline, whats the #"]),
}
STAGE_ASK = Turns("crm.status", [
    "what stage is {job} in rn",
    "{job} how far along",
    "{job} sold yet?",
    "wheres {job} in the pipeline",
    "{job} update stage wise",
])
REP_ASK = Turns("crm.rep", ["who's handling {job} for us", "{job} rep name?", "which of our guys has {job}", "{job} belongs to which rep"])
NOTE_ASK = Turns("crm.notes", ["{job} most recent note", "read me the last note on {job}", "{job} what was the last thing noted"])
MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["{job} how much did the contract come to", "how much is {job} sold for", "{job} total sale $"]),
    "balance": Turns("crm.money.balance", ["{job} outstanding balance", "how much is still due on {job}", "{job} left to collect?"]),
    "deposit": Turns("crm.money.deposit", ["how much deposit came in on {job}", "{job} deposit $?"]),
    "proposal": Turns("crm.money.proposal", ["{job} what was the quote", "proposal $ on {job}"]),
}
INSTALL_ASK = Turns("crm.dates.install", ["{job} day the install starts", "crew start on {job} when", "{job} when do we start work"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} next appt on the calendar", "when are we back at {job}", "{job} whats the next visit"])
NEXT_ASK = Turns("crm.dates.next_customer", ["whens my next appt w {name}", "{name} next meeting?"])

# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-24", "2026-11-24", None, None, "tmrws schedule whats on it"),
    ("2026-12-07", "2026-12-07", None, None, "monday after next what do we have going"),
    ("2026-12-02", "2026-12-02", None, None, "the 2nd anything on the books"),
    ("2026-11-30", "2026-12-01", None, None, "mon n tues next wk how busy r we"),
    ("2026-12-14", "2026-12-18", None, None, "wk of the 14th how many appts total"),
    ("2026-11-24", "2026-11-24", 12, None, "danas day tmrw?"),
    ("2026-12-09", "2026-12-09", 13, None, "what does kevin have wed the 9th"),
    ("2026-11-27", "2026-11-27", 11, None, "mike reed this fri whats he up to"),
    ("2026-12-14", "2026-12-14", 12, None, "is dana free at all on the 14th"),
    ("2026-12-07", "2026-12-11", None, "walkthrough", "{kind}s how many the week of dec 7"),
    ("2026-12-14", "2026-12-15", None, "inspection", "any {kind}s on the 14th or 15th"),
    ("2026-11-30", "2026-12-03", None, "install", "{kind}s from mon thru thurs next week"),
]
REP_OPEN = [
    (11, "mike reed open jobs pls"),
    (13, "how many open jobs is kevin carrying"),
    (12, "list danas open deals"),
    (11, "open jobs for reed, how many"),
    (13, "kevin shea what does he have open"),
]
STAGE_LISTS = [
    ("Proposal Sent", "who has a proposal out rn"),
    ("Follow Up", "jobs sitting in follow up"),
    ("In Progress", "what jobs r under construction now"),
    ("Estimating", "which ones are still being estimated"),
    ("Lost", "show me the jobs we lost"),
]

# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (INSPECT, "whats the max pitch im allowed to walk on", "steeper than 8/12"),
    (INSPECT, "end of the inspection what do i tell the ho, how many things", "Summarise in three findings"),
    (METHOD, "whats the company close rate on completed presentations", "around 42 percent"),
    (METHOD, "can i make up a deadline to get em to sign", "We never invent urgency"),
    (SIGNALS, "ho keeps asking how soon we can start, what do i do w that", "answer briefly and then ask a closing question"),
    (SIGNALS, "signs the ho isnt into it what do i watch for", "Crossed arms, leaning back"),
    (FOLLOW, "what do i send the same night after the appt", "a short thank-you text or email"),
    (FOLLOW, "ok to lower the price on a followup call to get it done", "Never reduce the price in a follow-up call"),
    (FINP, "how long does the lender app take the ho to fill out", "about ten minutes"),
    (FINP, "ho got declined for financing, do i look for a cosigner", "do not push a co-signer"),
    (AFTER, "how long does a roof permit take in mass usually", "within one to two weeks"),
    (AFTER, "after signing who calls the ho to welcome them", "project coordinator calls to welcome"),
    (UNDER, "when is a cricket needed behind a chimney", "wider than 30 inches"),
    (SHINGLES, "architectural shingle wind rating out of the box", "Standard wind rating 110 mph"),
    (FIBER, "how much more is hardie vs vinyl installed", "about 40 to 60 percent more"),
    (BROOKSIDE, "brookside condo owner wants his roof redone can we sign him up", "only the association"),
    (MAPLE, "how many roofs have we done in maple hollow so far", "we have replaced 31 roofs"),
    (GUTTERS, "what gauge aluminum do our gutters use vs the other guys", ".032-inch aluminum"),
]

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("how many ride alongs did rachel do in beverly", "count", {"town": "Beverly"}),
    ("calls w kevin on them, how many", "count", {"rep": "Kevin Shea"}),
    ("what was the close % on gutter ride alongs", "close_rate", {"trade": "gutters"}),
    ("how many calls had a hoa issue going on", "count", {"situation": "hoa_rules"}),
    ("number of calls where the ho had an active leak", "count", {"situation": "active_leak"}),
    ("price anchoring, on how many calls did she use it", "count", {"technique": "Price anchoring"}),
    ("how many ride alongs did we lose on price", "count", {"outcome": ("lost_price",)}),
    ("avg length of a roofing call in minutes", "avg_minutes", {"trade": "roofing"}),
    ("first visit close rate when dana was on the call", "first_visit_rate", {"rep": "Dana Whitaker"}),
    ("disruption objection came up on how many calls", "count", {"objection": "disruption"}),
]

# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("GT-DS34", "3x4 downspout", "price", "{item} what do we sell it for"),
    ("RF-IW", "ice n water roll", "cost", "our cost on an {item}"),
    ("SD-FC-CP", "colorplus hardie plank", "supplier", "which supplier do we use for {item}"),
    ("WN-CS", "casement", "labour", "labor rate to put in a {item}"),
    ("GT-GD6", "6 inch micromesh", "margin", "margin we make on {item}"),
    ("RF-SH-LMK", "landmark", "markup", "whats the markup on {item} shingles"),
    ("WN-PIC", "picture window", "price", "retail on a {item}"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [
    ("GT-HG5", "5in hidden hangers", 40, "{qty} {item} how much all in"),
    ("RF-DE", "drip edge pieces", 24, "ho pays what for {qty} {item}"),
]
# (sku, squares, template): bundles for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [("RF-SH-HDZ", 27, "how many bundles of hdz for {squares} squares")]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [(1600, 9, 10, "{area} sq ft house {rise}/12 pitch add {waste}% how many squares")]

WEB_ASKS = [
    "search online for the best rated gutter guards this year",
    "look on the web for mass roofing permit fees",
    "whats the news on asphalt shingle prices, search it",
    "find me reviews of owens corning duration online",
]
SCRIPT_ASKS = Turns("scripting", [
    "need a script for {name} tonight",
    "what do i say when i sit down w {name}, script pls",
    "script up my pitch for {name} pls",
    "write me a script to use with {name}",
])

# new customers dictated the way a rep types them at the curb
NEW_PEOPLE = [("Bartholomew", "Quintanilla"), ("Ophelia", "Strzelecki"), ("Cornelius", "Abernathy")]
NEW_STREETS = ["41 Old Stage Rd", "9 Birchwood Dr", "322 Main St"]
NEW_TOWNS = ["Westborough", "Holliston", "Ashland"]
NEW_TRADES = [("wants the windows replaced", "window"), ("leaking gutters need redoing", "gutter"), ("roof is shot wants a quote", "roof")]
NEW_CARDS = Turns("new_clients", [
    "add a new customer {first} {last} {phone} {email}",
    "{first} {last}, {street} {town}, {phone}, {trade}",
    "new ho: {first} {last} cell {phone} lives at {street} in {town}",
])
# bad input: gibberish, a write with nothing in focus, a job that does not exist
GIBBERISH = "jjjj kkk ;;; zxcvb"
FOCUSLESS = "put a note that he wants a callback"
MISSING_JOB = (8812, "mark 8812 as paid in full")

# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = ["whats the deal w {ref}", "{ref} pull it up", "look up {ref}", "{ref} where does it stand", "bring up {ref} real quick", "{ref} rundown pls"]

SECOND = {
    "phone": ["and {pos} cell?", "number to reach {obj}"],
    "email": ["and {pos} email too", "whats {pos} email on file"],
    "address": ["wheres the house again", "address on that one"],
    "rep": ["who's the rep on that one", "whose deal is that"],
    "contract": ["what did that one sell for", "sold price on that one?"],
    "note": ["most recent note?", "anything new in the notes on it"],
    "paid": ["how much have they paid", "money in so far on it"],
    "balance": ["balance on that one still?", "still owed on it?"],
}
OTHER_JOB = ["now {pos} {trade} job, where is it", "and the {trade}?", "how about the other job", "the {trade} one, stage?"]
ON_OTHER = ["and who has that one", "rep for that job?"]

# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("johnson", 101, "phone", "town"),
    ("carter", 107, "email", "denise"),
    ("mccarthy", 127, "address", "town"),
    ("karen", 120, "phone", "wong"),
    ("wong", 111, "rep", "trade"),
    ("nancy", 112, "address", "ordinal:2"),
    ("melissa", 137, "email", "larkin"),
    ("kaplan", 143, "phone", "steven"),
    ("thibodeau", 144, "rep", "trade"),
]
WHICH_FIRST = {
    "phone": ["{said} best number", "ph for {said}", "need the cell for {said}"],
    "email": ["email for {said} pls", "{said} email addy"],
    "address": ["{said} street address", "wheres {said} located"],
    "rep": ["whos got {said}", "{said} whose account is that"],
}
BY_TRADE = ["the {trade} customer", "one w the {trade} job"]
BY_TOWN = ["the one over in {town}", "lives in {town}"]
ORDINAL_SAID = {1: "first on the list", 2: "second on the list"}
# a customer with two jobs asked about by name, the job then given by its number
WHICH_JOB = [(123, "{name} what stage is it at")]

# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("quick aside, whats the standard deposit we take", AFTER, "Our standard deposit is 30 percent"),
    ("btw whats a 3x4 downspout go for", "pricing:GT-DS34", None),
    ("side note how many director calls were in hopkinton", "analysis:town:Hopkinton", None),
    ("off topic do we ever reuse the old drip edge", UNDER, "we always replace it"),
    ("separate thing, how fast do we get back on warranty calls", WARRANTY, "answered within two business days"),
    ("one sec, how many nails per shingle for high wind", SHINGLES, "Six nails per shingle"),
]
BACK = {
    "phone": "ok back to {obj}, whats the number",
    "email": "k back to it, {pos} email?",
    "rep": "anyway who is the rep on the job",
    "note": "back to the customer, newest note",
    "contract": "ok and what was {pos} contract for",
    "address": "back to {obj} where do they live",
}

# ------------------------------------------------------------------------------------------
# conversations: writes, in reps' own words
# ------------------------------------------------------------------------------------------

YESES = [
    "yea do it", "yessir", "ya go for it", "sounds right", "thats correct", "bingo", "send it", "yep yep",
    "looks right", "ok do that", "ye", "yea", "perfect go", "uh huh", "right on", "yes pls", "10-4",
    "roger", "ok yup", "that works", "confirmed", "sure thing", "ya send it", "absolutely", "definitely",
    "yup bang on", "ya", "yes sir", "exactly", "yea thats accurate",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "nah leave it alone", "hold that thought", "scrap that", "dont do that one yet", "no thanks not now", "cancel that request",
    "forget i even said it", "nope not doing that", "actually no", "let me think first, dont save", "no skip it",
    "wait hold on dont", "drop it", "not right now thx", "ignore that", "undo that", "no dont write that", "nvm",
    "nevermind that", "belay that", "dont bother", "no stop",
]
STRAYS = ["got it thx", "k thanks", "appreciate ya"]

# no weekday or month stems, no times, no digits: the booking checks read every turn
NOTE_LINES = [
    "dog is friendly but barks a lot at trucks",
    "park on the left side of the driveway only",
    "ho has a bad back so no help with ladders",
    "they want to keep the old weathervane",
    "a solar company is coming later so leave room for panels",
    "husband handles the money, talk to him about payment",
    "the school bus stops at the end of the drive, watch for it",
    "ho asked that nobody use the downstairs bathroom",
    "neighbor shares the driveway, warn him before deliveries",
    "gate code is taped inside the mailbox",
    "they want the nails swept up twice",
    "ho is hard of hearing, text instead of calling",
    "chimney cap is loose, mention it to the crew",
    "she wants a copy of the warranty mailed to her",
    "the attic access is in the hall closet",
    "ho keeps bees in the backyard, be careful",
    "trash pickup blocks the street early so plan around it",
    "ho wants the same color as the house next door",
    "septic tank under the side yard, no heavy trucks there",
    "ho wants to be home when the crew shows up",
    "they are getting married here in the spring",
    "ho offered the garage for material storage",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [("paying with a personal check", "paying through the bank financing"), ("dumpster goes on the side lawn", "dumpster goes at the bottom of the driveway")]
NOTE_SAID = [
    "memo for {ref}: {note}",
    "fyi on {ref} {note}, save it to the notes",
    "{ref}: {note}, jot this down",
    "can u add a note to {ref}: {note}",
    "log on {ref} that {note}",
    "{ref} file notes: {note}",
    "quick note {ref} {note}",
    "for {ref} make a note {note}",
    "{ref} add this to the file {note}",
    "just talked to {ref}, {note}, note that",
    "{ref} worth noting {note}",
    "note on {ref} pls - {note}",
]
NOTE_HERE = [
    "put a note on there {note}",
    "for {pos} {trade}, {note}, add a note",
    "{subj} mentioned {note}, add it",
    "tack onto {pos} notes {note}",
    "also jot {note}",
    "note for that one: {note}",
]
NOTE_FIX = ["no wait make it {note}", "sorry correction: {note}"]

# (template, stage the job goes to): stage moves in reps' words; a reason said with it is not checked
STAGE_SAID = [
    ("{ref} signed on the dotted line today", "Contract Signed"),
    ("lost {ref} to a cheaper guy", "Lost"),
    ("{ref} is finished, crew packed up", "Completed"),
    ("{ref} paid the last invoice in full", "Paid & Closed"),
    ("sent the quote over to {ref} just now", "Proposal Sent"),
    ("{ref} has a start date locked in", "Scheduled"),
    ("crew is tearing into {ref} as we speak", "In Progress"),
    ("{ref} needs more time, circle back later", "Follow Up"),
    ("{ref} wants it requoted, back in estimating", "Estimating"),
    ("{ref} went dark on us, call it lost", "Lost"),
    ("{ref} is a go, they signed", "Contract Signed"),
    ("{ref} got finished up yesterday", "Completed"),
]
STAGE_HERE = [
    ("they went with the other bid", "Lost"),
    ("{subj} signed it this morning", "Contract Signed"),
    ("crew has it on the calendar now", "Scheduled"),
    ("just sent {obj} the numbers", "Proposal Sent"),
    ("work started over there today", "In Progress"),
    ("everything is wrapped up there", "Completed"),
    ("{subj} asked for a few weeks, mark follow up", "Follow Up"),
    ("{subj} said no thanks, mark it lost", "Lost"),
]
# (said first, the correction with the stage as a slot, stage it goes to): the first says Lost,
# the second Proposal Sent (dev_generators moves a job that can go to either)
STAGE_FIXES = [
    ("{ref} fell through, lost", "no sorry not lost, {stage} instead", "Follow Up"),
    ("{ref} got the proposal today", "actually scratch that they signed, {stage}", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev_sets' reader (which checks it)
WHEN_TYPED = [
    ("this tues at 3:15", "2026-11-24T15:15"),
    ("the 2nd at 10am", "2026-12-02T10:00"),
    ("monday after next 9am", "2026-12-07T09:00"),
    ("tmrw afternoon at 2", "2026-11-24T14:00"),
    ("wed 12/9 at 11", "2026-12-09T11:00"),
    ("fri 12/4 8:30am", "2026-12-04T08:30"),
    ("12/10 1:15pm", "2026-12-10T13:15"),
    ("dec 3rd @ 9", "2026-12-03T09:00"),
    ("the 1st at 2:30", "2026-12-01T14:30"),
    ("tues 12/8 around 9", "2026-12-08T09:00"),
    ("dec 11 at 8am", "2026-12-11T08:00"),
    ("mon the 14th at noon", "2026-12-14T12:00"),
    ("thurs the 10th 3pm", "2026-12-10T15:00"),
    ("tmrw at 11:30am", "2026-11-24T11:30"),
    ("thurs next wk at 10", "2026-12-03T10:00"),
    ("12/1 quarter to 11", "2026-12-01T10:45"),
    ("fri after next at 1pm", "2026-12-04T13:00"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [("can we slide it to {t}", "4:45pm", "16:45"), ("{t} is better for them", "8am", "08:00"), ("they asked for {t} same day", "noon", "12:00"), ("earlier if possible, say {t}", "10:15am", "10:15")]
DAY_FIXES = [("same time but {t} instead", "monday after next", "2026-12-07"), ("she cant that day, {t} at the same time", "the 3rd", "2026-12-03")]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("inspection visit", "inspection"), ("estimate appt", "estimate")],
    "Estimating": [("re-measure", "measure"), ("measure visit", "measure")],
    "Proposal Sent": [("proposal review", "proposal"), ("followup visit", "follow")],
    "Follow Up": [("followup chat", "follow"), ("touch base visit", "")],
    "Contract Signed": [("color consult", "color"), ("preinstall walk", "install")],
    "Scheduled": [("install day", "install"), ("pre start walk", "walk")],
    "In Progress": [("midway walkthru", "walk"), ("final inspection", "inspection")],
}
BOOK_SAID = [
    "{ref} can do {when}, set up {akind}",
    "put {akind} on the books for {ref} {when}",
    "{ref} booked {akind} w me {when}",
    "{when} for {ref}, its {akind}",
    "{ref} ho said {when} works for the {kind}",
    "schedule the {kind} for {ref} {when}",
    "{ref} {kind} {when} lock it in",
    "get me out to {ref} {when} for {akind}",
]
BOOK_HERE = [
    "{subj} can meet {when} for {akind}",
    "book {pos} {trade} {kind} {when}",
    "{akind} {when} there, pencil it in",
    "put me down w {obj} for the {kind} {when}",
]
BACK_TO = ["alright back to {last}, ", "ok re {pos} job ", "so on that one "]
JOB_FIX = ["wrong one, i meant the {right} job", "no its the {right} not the {wrong} job"]
# moving a visit on the calendar (a reschedule), called off before the yes
MOVE_SAID = ["{ref} wants the {visit} bumped to {when}", "can we move the {visit} on {ref} to {when}", "reschedule {pos} {visit} for {when}"]
# the stages the direct stage writes go to, the ones the other writes reach less often first
DIRECT_TARGETS = ["Paid & Closed", "Estimating", "In Progress", "Completed", "Proposal Sent", "Scheduled", "Follow Up"]
WHICH_ASKS = {"note": "{name} asked me to note {note}", "stage": "{name} signed today", "book": "{name} is asking for {akind} {when}"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "the {x} not the other", "number": "{x} is the one", "stage": "the job in {x}"}

# ------------------------------------------------------------------------------------------
# the sizes of the parts, and the files (the generators are dev_generators')
# ------------------------------------------------------------------------------------------

SIZES = dg.Sizes(
    contact=("phone", "address", "email", "home", "phone", "email", "phone", "address", "home", "phone", "email", "address", "phone", "email"),
    followups=5, topic_switches=6,
    direct=20, direct_style=lambda k, styles: (k + 5) % styles,
    after_lookup=5, after_two_lookups=2, after_detour=2, two_writes=2, time_fixes=2,
    off_yes=6, off_after_lookup=4, off_ok_yes=2, moves=3, off=1,
    notes=6, scripts=4,
)
DEV_SET = be.DevSet(SPLIT, SEED, {**globals(), **dg.generators(sys.modules[__name__])}, HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
