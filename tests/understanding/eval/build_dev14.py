"""Builds dev14, a fourteenth development set for the understanding layer, written blind (from the
demo data and what the product is for) and weighted to writes: about 80 single questions and 110
conversations, more than half of them ending in a write, typed the way reps type on a phone.
Single questions: contact fields ("gimme ... number", "landline for ..."), money, dates, notes,
the rep of a job, a rep's open jobs, jobs in a stage, the calendar ("kevins schedule tmrw",
"inspections between 12/7 and 12/9"), playbook questions in reps' words, director-call figures,
catalog prices, scripts, web searches, new customers dictated, bad input. Conversations: writes
said as news more than as orders ("homeowner finally signed for ...", "crew wrapped up ...
friday", "... they ghosted us, call it dead"), notes with labels and dashes ("... notes: access
- side gate only ..."), bookings, a visit moved, the job named by its number in every form
(1042, #1042, 2609-1042, job no 1042, job no. 1042), by its customer and trade ("julie castillo
windows", "russos siding"), by its trade and town ("gutters over in natick"), "her roof" or
"that one" after a look-up; days typed "wed at 3", "12/9 @ 1pm", "day after tmrw 8am", "a week
from fri at 11", "mon after next at 2", "2 weeks from today at 10"; writes corrected before the
yes (time, day, job, note text, stage) and writes called off in new words with a later "yes"
that must change nothing; and, fewer, follow-ups, asides and clarifications. Every expected
fact and every expected CRM change is computed from data/demo (the CRM seed, the knowledge
base, the director's call transcripts, the catalog) by dev_generators, never from Hard-E's
answers.

    .venv/bin/python tests/understanding/eval/build_dev14.py [--out DIR]

Writes dev14/questions.jsonl and dev14/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev13 (see build_eval.py and
bench/understanding.py); the code that works out the cases is dev_generators' (the code dev10
to dev13 run), and every phrasing is dev14's own. The clock is pinned at Monday 2026-11-23
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
from tests.understanding.eval.build_dev5 import WORD, cid_of, possessive, trades_of  # noqa: E402
from tests.understanding.eval.dev_shared import (  # noqa: E402
    DISC,
    ELDERLY,
    HOA,
    ICE,
    SPOUSE,
    VENT,
    WAIT,
    WINDOWS,
)

SPLIT = "dev14"
SEED = f"{be.SEED}/dev14"
NOW = be.NOW
WRITE_CLAIMS = be.WRITE_CLAIMS  # what no answer may claim

# ------------------------------------------------------------------------------------------
# naming a job: build_dev9's names, and four more: "job no. 1042", "julie castillo windows",
# "russos siding", "gutters over in natick"
# ------------------------------------------------------------------------------------------

OWN_STYLES = ("jobno_dot", "full_trade", "last_s_trade", "trade_over_in")
REF_STYLES = (*d9.REF_STYLES, *OWN_STYLES)
NUMBER_STYLES = d9.NUMBER_STYLES
cust_ref = d9.cust_ref


def refs_of(d: be.Data, jid: int) -> dict[str, str]:
    """build_dev9's names for one job alone, and dev14's four: the number after "job no.", the
    customer's whole name and the trade (their one job of it), the last name's possessive and the
    trade (the one job of it for anyone of that name), the trade "over in" the town (the one job
    of it there)."""
    out = d9.refs_of(d, jid)
    cid = cid_of(d, jid)
    c = d.customers[cid]
    town = d8.town_of(d, jid)
    out["jobno_dot"] = f"job no. {jid}"
    for trade in trades_of(d, jid):
        if len(d.jobs_by_customer_trade(cid, trade)) == 1:
            out.setdefault("full_trade", f"{c['first_name']} {c['last_name']} {WORD[trade]}")
        if len(d.jobs_by_last_trade(c["last_name"], trade)) == 1:
            out.setdefault("last_s_trade", f"{possessive(c['last_name'])} {WORD[trade]}")
        if d8.town_alone(d, jid, trade):
            out.setdefault("trade_over_in", f"{WORD[trade]} over in {town}")
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
# how reps type, dev14's layer: shorthand, a word left out, and dictation
# ------------------------------------------------------------------------------------------

# (pattern, shorthand, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\bwith\b", "w", 0.5),
    (r"\bplease\b", "plz", 0.4),
    (r"\byour\b", "ur", 0.5),
    (r"\bhomeowner\b", "ho", 0.5),
    (r"\bappointment\b", "appt", 0.6),
    (r"\bweek\b", "wk", 0.6),
    (r"\bright now\b", "rn", 0.6),
    (r"\babout\b", "abt", 0.4),
    (r"\bschedule\b", "sched", 0.25),
    (r"\bgoing to\b", "gonna", 0.6),
    (r"\band\b", "n", 0.15),
    (r"\bnumber\b", "#", 0.2),
    (r"\bthe\b", "th", 0.03),
]
# one "the " left out of that share of the phrasings; that share comes out as dictated
DROP = (r"\bthe\s", 0.12)
DICTATED = 0.15
say = ds.typist(THUMBS, drop=DROP, dictated=DICTATED, no_digit_by_a_time=True)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn, named as dev14's."""

    split = SPLIT


# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "gimme the number for {name}",
        "callback # for {name}",
        "{name} cell?? pls",
        "need to call {name} whats their number",
    ]),
    "email": Turns("crm.contact.email", [
        "what email do we have for {name}",
        "{pname} email addr",
        "email on file 4 {name}",
    ]),
    "address": Turns("crm.contact.address", [
        "where exactly is {name}",
        "{pname} addy street n town",
        "headed to {name}, address?",
    ]),
    "home": Turns("crm.contact.home", ["landline for {name}?", "{pname} home line not the cell"]),
}
STAGE_ASK = Turns("crm.status", [
    "where are we at on {job}",
    "{job} status check",
    "is {job} signed or what",
    "stage of {job} pls",
    "{job} whats it sitting at",
])
REP_ASK = Turns("crm.rep", ["{job} owner? which rep", "{job} which rep is it", "salesperson on {job}?", "{job} who's the rep assigned"])
NOTE_ASK = Turns("crm.notes", ["most recent note on {job} pls", "whats the last note say on {job}", "last thing someone wrote on {job}"])
MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["{job} contract amt", "what did {job} end up signing for"]),
    "balance": Turns("crm.money.balance", ["{job} what do they still owe", "balance left on {job}?"]),
    "deposit": Turns("crm.money.deposit", ["how much did {job} put down", "{job} deposit collected?"]),
    "proposal": Turns("crm.money.proposal", ["{job} proposal came in at what"]),
}
INSTALL_ASK = Turns("crm.dates.install", ["{job} when's install", "when does the crew get going on {job}"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["next time we're out at {job}", "{job} upcoming appt"])
NEXT_ASK = Turns("crm.dates.next_customer", ["when will i see {name} again", "{name} next appt w us"])

# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-25", "2026-11-25", None, None, "wed whats on the calendar"),
    ("2026-12-01", "2026-12-04", None, None, "appts tues thru fri next wk"),
    ("2026-11-24", "2026-11-24", 13, None, "kevins schedule tmrw"),
    ("2026-12-15", "2026-12-15", 11, None, "does mike reed have anything 12/15"),
    ("2026-12-15", "2026-12-15", 12, None, "dana on the 15th, is she booked up"),
    ("2026-11-30", "2026-12-04", None, "install", "{kind}s going on next wk, how many"),
    ("2026-12-07", "2026-12-09", None, "inspection", "{kind}s between 12/7 and 12/9"),
]
REP_OPEN = [
    (12, "dana whitaker open jobs list"),
    (11, "mike reed how many jobs open rn"),
    (13, "what all does kevin shea have open"),
]
STAGE_LISTS = [
    ("Contract Signed", "whos signed but not on the schedule yet"),
    ("Lead", "list every new lead"),
    ("Scheduled", "jobs scheduled and waiting to start"),
]

# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (ICE, "how far in from the edge does code want ice n water", "at least 24 inches inside the exterior wall line"),
    (VENT, "ok to leave the box vents on w a new ridge vent", "Never mix exhaust types"),
    (WINDOWS, "measure to install how long on windows", "four to six weeks from the production measure"),
    (WINDOWS, "can i tell em a dollar amount theyll save on heat", "Never promise a specific dollar saving"),
    (SPOUSE, "wife not home but he wants the whole pitch anyway what do i leave", "leave the photos, the sample, the printed options"),
    (WAIT, "they wanna wait til spring how long is our price good", "Our proposals are valid for 30 days"),
    (DISC, "most i can knock off without the director signing off", "combine discounts up to a total of 7 percent"),
    (ELDERLY, "older ho, how long should the visit go max", "never let a visit run past two and a half"),
    (HOA, "maple hollow arc meets when", "first Tuesday of each month"),
]

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("ride alongs in warwick how many", "count", {"town": "Warwick"}),
    ("how many calls was mike reed on w rachel", "count", {"rep": "Mike Reed"}),
    ("close rate on window calls", "close_rate", {"trade": "windows"}),
    ("calls w an ice dam problem, how many", "count", {"situation": "ice_dams"}),
    ("how many times did she use spouse on facetime", "count", {"technique": "Spouse on FaceTime"}),
    ("how many ride alongs ended w no decision", "count", {"outcome": ("no_decision",)}),
]

# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-RC", "ridge cap bundle", "price", "{item} price to the ho"),
    ("WN-SL", "slider window", "cost", "what do we pay for one {item}"),
    ("GT-K6", "6in seamless", "supplier", "supplier for our {item}?"),
    ("SD-HW", "house wrap roll", "margin", "{item} margin %"),
    ("RF-SH-DUR", "oc duration", "markup", "markup we put on {item} bundles"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [("GT-EL34", "3x4 elbows", 18, "price out {qty} {item} for me")]
# (sku, squares, template): bundles for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [("RF-SH-LMK", 21, "{squares} sq of landmark, bundles?")]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [(2000, 6, 15, "footprint {area} sqft {rise}/12 roof {waste}% waste, squares?")]

WEB_ASKS = [
    "google the best ladder stabilizer brands",
    "search the web whats new w solar shingles",
    "look online for heated gutter cable reviews",
]
SCRIPT_ASKS = Turns("scripting", [
    "gimme a script for the {name} sit",
    "talking points for {name} pls, full script",
    "script me up for {name}",
])

# new customers dictated the way a rep types them at the curb
NEW_PEOPLE = [("Wilhelmina", "Oyelaran"), ("Thaddeus", "Kowalczyk"), ("Genevieve", "Brightwater")]
NEW_STREETS = ["63 Quarry Hill Rd", "118 Elmcrest Ave", "5 Tannery Brook Ln"]
NEW_TOWNS = ["Hudson", "Medway", "Grafton"]
NEW_TRADES = [("wants a roof estimate", "roof"), ("siding is falling off the back", "siding"), ("wants gutter guards put on", "gutter")]
NEW_CARDS = Turns("new_clients", [
    "new cust {first} {last} - {phone} - {email}",
    "add {first} {last} at {street} {town}, ph {phone}, {trade}",
    "new lead {first} {last} {street} in {town} cell {phone}",
])
# bad input: gibberish, a write with nothing in focus, a job that does not exist
GIBBERISH = "qwqw asdf ;; lkjh ppp"
FOCUSLESS = "make a note the gate sticks"
MISSING_JOB = (8834, "job 8834 mark it lost")

# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = ["pull {ref} up real fast", "{ref} whats going on w it", "check {ref} for me", "open {ref} for me", "{ref} lookup pls", "where we at w {ref}"]

SECOND = {
    "phone": ["{pos} number?", "cell for {obj}"],
    "email": ["{pos} email address", "got an email for {obj} on file"],
    "address": ["whats the address there", "{pos} street address?"],
    "rep": ["which rep has it", "whose job is it"],
    "contract": ["contract amt?", "what did it sell at"],
    "note": ["last note on it say what", "whats the newest note"],
    "paid": ["how much has come in", "paid to date?"],
    "balance": ["whats left owing", "balance left?"],
}
OTHER_JOB = ["how bout {pos} {trade} job", "and {pos} {trade}?", "the other one, status?", "ok now the {trade} job"]
ON_OTHER = ["whos the rep on that", "whose is that one"]

# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("fitzgerald", 135, "phone", "town"),
    ("castillo", 113, "email", "julie"),
    ("kaplan", 128, "rep", "trade"),
    ("megan", 132, "phone", "morrison"),
    ("thomas", 115, "email", "ordinal:1"),
    ("erica", 131, "address", "town"),
    ("quinn", 136, "rep", "melissa"),
    ("carter", 107, "address", "trade"),
]
WHICH_FIRST = {
    "phone": ["{said} number pls", "cell for {said} pls"],
    "email": ["{said} email plz", "email addy {said}"],
    "address": ["addy for {said}", "where does {said} live again"],
    "rep": ["whose customer is {said}", "{said} which rep has them"],
}
BY_TRADE = ["the one w {trade}", "{trade} one pls"]
BY_TOWN = ["one at the {town} address", "one up in {town}"]
ORDINAL_SAID = {1: "top one u listed"}
# a customer with two jobs asked about by name, the job then given by its number
WHICH_JOB = [(115, "{name} wheres it at")]

# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("random q whats the referral credit we give", DISC, "$250 off for a homeowner referred by a past customer"),
    ("side thing, ridge cap bundle price", "pricing:RF-RC", None),
    ("unrelated, can we still roof in the winter", WAIT, "We install roofs in winter"),
    ("quick q how many ride alongs were in braintree", "analysis:town:Braintree", None),
    ("btw is triple pane worth it up here", WINDOWS, "Triple-pane with krypton"),
]
BACK = {
    "phone": "anyway back to {obj}, number?",
    "email": "ok {pos} email again?",
    "rep": "back to that job, whos the rep",
    "note": "ok back to it, whats the latest note",
    "contract": "so whats {pos} contract amount",
    "address": "ok where does {subj} live",
}

# ------------------------------------------------------------------------------------------
# conversations: writes, in reps' own words
# ------------------------------------------------------------------------------------------

YESES = [
    "yep pls", "ya go", "yes send", "mhmm yes", "yes confirmed", "yup save", "okie do it", "ya yes",
    "yesir", "affirm go", "ye go", "yess do it", "yea save it", "yep yep go", "ya thats fine", "yes go ahead n save",
    "correct save it", "ya that's right", "yes pls go", "yea thats it", "ok save", "yes thats it", "right, save it", "ya put it in",
    "ok go for it", "yes looks good", "ya exactly", "yup go ahead", "yup that one", "mhm do it", "yea good", "yup correct save",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "wait dont save it", "nope leave it", "no dont bother saving", "cancel it", "skip that one", "forget that",
    "not yet, hold it", "disregard that one", "no leave it as is", "hang on dont change anything", "delete that request",
    "call it off", "nah my bad ignore", "no not now", "dont put it in", "pass on that", "leave it be", "rather not, cancel",
    "hold up no", "no dont touch it", "cancel cancel", "second thought no", "whoa no dont", "nah not yet", "scrap it",
    "dont save anything", "no thats wrong dont", "nope hold it",
]
STRAYS = ["kk thanks", "ok thx bud", "ty sir"]

# no weekday or month stems, no times, no digits: the booking checks read every turn
NOTE_LINES = [
    "access - side gate only, front walk is being redone",
    "dog: big lab, friendly, keep the gate shut",
    "parking - street only, driveway just sealed",
    "ho works nights, text before calling",
    "wants samples left on the porch",
    "spouse picks the color, bring the board back",
    "neighbor complained about noise last time, keep it down early",
    "ho asked for an extra magnetic sweep of the lawn",
    "elderly mom lives there, be patient and go slow",
    "pays by check, no card",
    "kids play in the yard after school, watch the ladders",
    "skylight drips a little, flag it to the crew",
    "asked about financing, send the lender link",
    "ho wants to keep the old shutters",
    "hoa approval letter still pending",
    "outlet on the back of the garage is ok to use",
    "ho very price sensitive, lead with the good option",
    "cat stays inside, dont leave doors open",
    "wife is the decision maker",
    "mailbox is by the side door not the street",
    "garden beds along the front, tarp them",
    "ho prefers email over phone",
    "hose bib in back is fine for cleanup",
    "wants everything in writing before signing",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [("paying cash at signing", "paying half at signing and half at completion"), ("gate key is under the mat", "gate key is with the neighbor")]
NOTE_SAID = [
    "{ref} add notes: {note}",
    "{ref} new note - {note}",
    "add a note {ref}, {note}",
    "{ref} - {note} - pls add to notes",
    "for {ref} put in the notes {note}",
    "{ref} update: {note}",
    "pls add to {ref} notes: {note}",
    "jot on {ref} {note}",
    "{ref} quick one for notes - {note}",
    "note to file for {ref}, {note}",
    "{ref}: {note} (add to notes)",
    "remember for {ref} that {note}, add it",
]
NOTE_HERE = [
    "note on there {note}",
    "add to {pos} notes - {note}",
    "{subj} said {note}, put that in",
    "for {pos} {trade} job add {note}",
    "put in the notes for that one: {note}",
    "log this on {pos} {trade}: {note}",
]
NOTE_FIX = ["oops, should say {note}", "no wait, note should be {note}"]

# (template, stage the job goes to): stage moves in reps' words, news more than orders
STAGE_SAID = [
    ("homeowner finally signed for {ref}", "Contract Signed"),
    ("{ref} they ghosted us, call it dead", "Lost"),
    ("crew wrapped up {ref} friday", "Completed"),
    ("{ref} last check cleared, paid off", "Paid & Closed"),
    ("{ref} quote went out this morning", "Proposal Sent"),
    ("{ref} crew dates are locked, its on the schedule", "Scheduled"),
    ("{ref} crew started today, its underway", "In Progress"),
    ("{ref} ho wants to sit on it, put in follow up", "Follow Up"),
    ("{ref} scope changed, needs a new estimate", "Estimating"),
    ("{ref} signed the contract, deposit cleared", "Contract Signed"),
    ("{ref} went w a competitor, mark lost", "Lost"),
    ("{ref} all done, crew is off site", "Completed"),
    ("{ref} paid in full, close it out", "Paid & Closed"),
    ("proposal emailed to {ref}", "Proposal Sent"),
]
STAGE_HERE = [
    ("{subj} finally signed", "Contract Signed"),
    ("they ghosted us, mark it dead", "Lost"),
    ("crew wrapped up there friday", "Completed"),
    ("production put it on the schedule", "Scheduled"),
    ("emailed {obj} the quote", "Proposal Sent"),
    ("crew got started on it today", "In Progress"),
    ("{subj} wants to wait a bit, follow up stage", "Follow Up"),
    ("{subj} went w someone else", "Lost"),
    ("last payment came in, close it", "Paid & Closed"),
]
# (said first, the correction with the stage as a slot, stage it goes to): the first says Lost,
# the second Proposal Sent (dev_generators moves a job that can go to either)
STAGE_FIXES = [
    ("{ref} went elsewhere, mark lost", "wait no not lost, put {stage}", "Follow Up"),
    ("{ref} quote is out to them", "my bad they actually signed, so {stage}", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev_sets' reader (which checks it)
WHEN_TYPED = [
    ("wed at 3", "2026-11-25T15:00"),
    ("12/9 @ 1pm", "2026-12-09T13:00"),
    ("day after tmrw 8am", "2026-11-25T08:00"),
    ("a week from fri at 11", "2026-12-04T11:00"),
    ("thurs 12/3 at 2:30", "2026-12-03T14:30"),
    ("tues the 8th 9am", "2026-12-08T09:00"),
    ("mon 11/30 @ 10", "2026-11-30T10:00"),
    ("tmrw @ 3:30", "2026-11-24T15:30"),
    ("dec 10th at 10am", "2026-12-10T10:00"),
    ("fri 12/11 @ 9:30am", "2026-12-11T09:30"),
    ("fri the 4th at 1:30", "2026-12-04T13:30"),
    ("the 15th @ 11am", "2026-12-15T11:00"),
    ("mon after next at 2", "2026-12-07T14:00"),
    ("weds 12/16 noon", "2026-12-16T12:00"),
    ("tues at 8:45", "2026-11-24T08:45"),
    ("2 weeks from today at 10", "2026-12-07T10:00"),
    ("dec 2 at 4pm", "2026-12-02T16:00"),
    ("thurs the 10th quarter past 1", "2026-12-10T13:15"),
    ("12/14 half past 9", "2026-12-14T09:30"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [
    ("make it {t} instead", "3:30pm", "15:30"),
    ("ho said {t} works better", "9:15am", "09:15"),
    ("slide it to {t}", "1pm", "13:00"),
    ("can we do {t}, same day", "11am", "11:00"),
    ("{t} is better, same day", "2:30pm", "14:30"),
]
DAY_FIXES = [("same time but {t}", "day after tmrw", "2026-11-25"), ("wrong day, its {t}", "a week from fri", "2026-12-04")]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("site visit", "visit"), ("free estimate", "estimate")],
    "Estimating": [("measure appt", "measure"), ("remeasure", "measure")],
    "Proposal Sent": [("price review", "review"), ("proposal sitdown", "proposal")],
    "Follow Up": [("check in", "check"), ("follow up sitdown", "follow")],
    "Contract Signed": [("color selection", "color"), ("prejob walkaround", "walk")],
    "Scheduled": [("pre install sitdown", "install"), ("start day check", "start")],
    "In Progress": [("progress check", "progress"), ("punch list walk", "punch")],
}
BOOK_SAID = [
    "{ref} {akind} {when} pls book",
    "{ref} book me {akind} {when}",
    "{ref} wants {akind} {when}, put it on my calendar",
    "set {akind} w {ref} {when}",
    "ho on {ref} ok'd {when} for {akind}",
    "{ref} {kind} {when} - book it",
    "need {akind} on the calendar for {ref} {when}",
    "could u set {akind} for {ref}, {when}",
]
BOOK_HERE = [
    "{subj} asked for {akind} {when}",
    "put {akind} in there {when}",
    "get {obj} down for {akind} {when}",
    "{pos} {trade}, {kind} {when} pls",
    "that one needs {akind} {when}",
]
BACK_TO = ["ok back to {last} - ", "anyway on {pos} job, ", "back to that one, "]
JOB_FIX = ["sorry, {right} not {wrong}", "wrong job - its the {right} one"]
# moving a visit on the calendar (a reschedule), called off before the yes
MOVE_SAID = [
    "{ref} move their {visit} to {when}",
    "{ref} asked to push the {visit} to {when}",
    "resched {pos} {visit} to {when}",
    "can the {visit} for {ref} be {when} instead",
]
# the stages the direct stage writes go to
DIRECT_TARGETS = ["Paid & Closed", "Estimating", "In Progress", "Completed", "Proposal Sent", "Scheduled", "Follow Up", "Lost", "Contract Signed"]
WHICH_ASKS = {"note": "{name} wants it noted {note}", "stage": "{name} signed the paperwork", "book": "{name} wants me out for {akind} {when}"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "{x} job", "number": "{x} is it", "stage": "one thats in {x}"}

# ------------------------------------------------------------------------------------------
# the sizes of the parts, and the files (the generators are dev_generators')
# ------------------------------------------------------------------------------------------

SIZES = dg.Sizes(
    contact=("phone", "email", "address", "home", "phone", "address", "email", "home"),
    followups=4, topic_switches=5,
    direct=29, direct_style=lambda k, styles: (k * 5 + 2) % styles,
    after_lookup=9, after_two_lookups=3, after_detour=3, two_writes=3, time_fixes=3,
    off_yes=10, off_after_lookup=6, off_ok_yes=3, moves=4, off=1,
    status=6, rep=4, notes=4, money={"balance": 2, "contract": 2, "deposit": 2, "proposal": 1}, dates=(2, 2, 2),
    scripts=3, other_jobs=4, new_requests=4, off_after_fix=2,
)
DEV_SET = be.DevSet(SPLIT, SEED, {**globals(), **dg.generators(sys.modules[__name__])}, HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
