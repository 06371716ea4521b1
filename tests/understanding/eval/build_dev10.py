"""Builds dev10, a tenth development set for the understanding layer: about as many single
questions as conversations, half of the conversations writes said the way reps talk into a
phone: notes dictated as run-on speech ("ok so for the morrison job put down that ..."), stage
moves said as news ("went with the other guy", "is a go they signed", "were done at ..."),
bookings with a purpose and a time in forms dev9 does not type ("day after tomorrow at 3",
"fri at two in the afternoon", "two weeks from today at 10", "noon on the 9th", "thurs dec 10 at
eleven thirty"), writes corrected before the yes (time, day, job, wording), and writes called off
in varied words with a later "yes" that must not write anything. Around them: follow-ups that
point back ("the other job", "the gutters one"), clarifications answered by first name, trade,
town or position, and single questions of every kind. Every expected fact and every expected
CRM change is computed here from data/demo (the CRM seed, the knowledge base, the director's
call transcripts, the catalog), never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev10.py [--out DIR]

Writes dev10/questions.jsonl and dev10/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev9 (see build_eval.py and
bench/understanding.py); the code that works out the cases is dev_generators' (written for
dev10, and run by dev11 and dev12 too), the data loading, the fact helpers and the ways of naming
a job are build_eval's, build_dev3's, build_dev5's, build_dev8's and build_dev9's, and every
phrasing is dev10's own. The clock is pinned at Monday 2026-11-23 09:00 America/New_York.

Subjects are the dev customers (build_eval.split_customers(d, "dev")); held-out customers only
appear as the other options of a shared name in a clarification.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.understanding.eval import build_dev9 as d9  # noqa: E402
from tests.understanding.eval import build_eval as be  # noqa: E402
from tests.understanding.eval import dev_generators as dg  # noqa: E402
from tests.understanding.eval import dev_shared as ds  # noqa: E402
from tests.understanding.eval.dev_shared import (  # noqa: E402
    AFTER,
    BROOKSIDE,
    DISC,
    FIBER,
    FINP,
    FOLLOW,
    ICE,
    UNDER,
    VENT,
    VINYL,
    WINDOWS,
)

SPLIT = "dev10"
SEED = f"{be.SEED}/dev10"
NOW = be.NOW
WRITE_CLAIMS = be.WRITE_CLAIMS  # what no answer may claim
# the ways of naming a job are build_dev9's
REF_STYLES, NUMBER_STYLES = d9.REF_STYLES, d9.NUMBER_STYLES
refs_of, styled, job_ref, cust_ref = d9.refs_of, d9.styled, d9.job_ref, d9.cust_ref


# ------------------------------------------------------------------------------------------
# how reps type, dev10's layer: thumbs, and voice dictation without punctuation
# ------------------------------------------------------------------------------------------

# (pattern, shorthand, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\bcan you\b", "can u", 0.5),
    (r"\bfor\b", "4", 0.15),
    (r"\bto\b", "2", 0.08),
    (r"\bthat\b", "tht", 0.08),
    (r"\bjust\b", "jus", 0.15),
    (r"\bokay\b", "ok", 0.5),
    (r"\bwhat\b", "wat", 0.12),
    (r"\bknow\b", "kno", 0.3),
    (r"\bthe\b", "", 0.08),
]
# how often a phrasing comes out as dictated: no commas, dashes, colons or question marks
DICTATED = 0.35
say = ds.typist(THUMBS, dictated=DICTATED, no_digit_by_a_time=True)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn, named as dev10's."""

    split = SPLIT


# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "whats the best number for {name}",
        "i need to call {name} whats the number",
        "phone for {name} pls",
        "{pname} digits, gonna text her back",
        "got a cell on file for {name}",
    ]),
    "email": Turns("crm.contact.email", [
        "{pname} email address",
        "what email should i use for {name}",
        "shoot me {pname} email i gotta send the quote",
    ]),
    "address": Turns("crm.contact.address", [
        "where does {name} live at again",
        "address on file for {name}",
        "{name} house address i need it for the gps",
    ]),
    "home": Turns("crm.contact.home", ["{pname} house phone", "does {name} have a home line, what is it"]),
}


STAGE_ASK = Turns("crm.status", [
    "hows {job} doing, what stage",
    "{job} did that ever sign",
    "remind me where {job} is at",
    "quick stage check for {job}",
    "is {job} sold yet or still out there",
])
REP_ASK = Turns("crm.rep", ["who was the one that sold {job}", "which rep is on {job}", "{job} whos handling it", "which salesperson owns {job}"])
NOTE_ASK = Turns("crm.notes", ["what was the last note on {job}", "{job} latest from the notes", "read me the newest note for {job}"])


MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["how much was {job} sold for", "{job} whats the signed contract total", "whats {job} worth, signed amount"]),
    "balance": Turns("crm.money.balance", ["how much is left to collect from {job}", "{job} any balance open", "does {job} still owe us"]),
    "deposit": Turns("crm.money.deposit", ["did {job} put money down, how much", "{job} deposit amount"]),
    "proposal": Turns("crm.money.proposal", ["what number did we quote {job}", "{job} proposal came out to what"]),
}


INSTALL_ASK = Turns("crm.dates.install", ["what day do we start {job}", "{job} install is when again", "crew date for {job}"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} anything on the calendar", "whens somebody out at {job} next", "next appt on {job}"])
NEXT_ASK = Turns("crm.dates.next_customer", ["am i seeing {name} soon, when", "whens my next time w {name}"])


# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-24", "2026-11-24", None, None, "what all do we have going tmrw"),
    ("2026-11-25", "2026-11-25", None, None, "wednesday the 25th calendar, how busy"),
    ("2026-12-02", "2026-12-02", None, None, "how many things booked on 12/2"),
    ("2026-11-30", "2026-12-04", None, None, "count up the appts mon 11/30 thru fri 12/4"),
    ("2026-12-08", "2026-12-10", None, None, "dec 8 to dec 10 how many on the schedule"),
    ("2026-11-24", "2026-11-24", 13, None, "kevins day tomorrow what does he have"),
    ("2026-12-01", "2026-12-01", 11, None, "mike reed on 12/1 whats he got going"),
    ("2026-11-30", "2026-12-06", 12, None, "dana next week how many appts"),
    ("2026-12-07", "2026-12-11", None, "install", "{kind}s the week of dec 7 how many"),
    ("2026-12-14", "2026-12-15", None, "inspection", "any {kind}s mon 12/14 or tues 12/15"),
    ("2026-12-03", "2026-12-03", None, "walkthrough", "{kind}s on the 3rd, count"),
]


REP_OPEN = [
    (12, "danas open deals list em"),
    (13, "how many open ones does kevin shea have"),
    (11, "everything mike reed has thats not closed"),
    (13, "kevins still open jobs which ones"),
    (12, "count of whitakers open jobs"),
]


STAGE_LISTS = [
    ("Lead", "all the leads we havent touched yet"),
    ("Completed", "which jobs are done but not paid off, the completed ones"),
    ("Follow Up", "who do i need to follow up with, jobs in follow up"),
    ("Scheduled", "what jobs r on the schedule stage"),
    ("Contract Signed", "signed contracts waiting to be scheduled, list"),
]


# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------


# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (AFTER, "whats the most deposit mass lets us take", "may not exceed one third of the contract price"),
    (AFTER, "punch list after install how long do we get to close it", "closed within ten business days"),
    (AFTER, "when do we call the ho back after the job for referrals", "A check-in call at 12 months"),
    (AFTER, "how soon do we register the manufacturer warranty", "within 30 days"),
    (FOLLOW, "what do i say on the day 14 call", "Have you decided to go ahead"),
    (ICE, "how far in past the wall does ice and water need to go by code", "at least 24 inches inside the exterior wall line"),
    (VENT, "attic venting rule of thumb how much vent per sq ft", "1 square foot for every 300 square feet of attic floor"),
    (FIBER, "hardie how high off the ground does it have to be", "at least 6 inches above the ground"),
    (FIBER, "finish warranty on prefinished fiber cement how many yrs", "15-year finish warranty"),
    (BROOKSIDE, "what hours can the crew work at brookside commons", "8 a.m. to 5 p.m. weekdays only"),
    (BROOKSIDE, "brookside window request how long til the board answers", "the board replies within 30 days"),
    (DISC, "ho is a vet and a senior, can i give both discounts", "Do not combine with the military discount"),
    (DISC, "whats the max i can knock off myself without the director", "up to a total of 7 percent"),
    (VINYL, "ho asked why the vinyl panels r hung loose, how much do they move", "moves about half an inch"),
    (WINDOWS, "ho asking if new windows will cut the heating bill how much can i say", "roughly 10 to 15 percent"),
    (UNDER, "how often do pipe boots go bad", "crack within 10 to 15 years"),
]


# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("how many ride alongs did rachel do in braintree", "count", {"town": "Braintree"}),
    ("director calls in rhode island total", "count", {"state": "RI"}),
    ("how many of rachels calls did dana sit in on", "count", {"rep": "Dana Whitaker"}),
    ("gutter calls that were lost on price how many", "count", {"trade": "gutters", "outcome": ("lost_price",)}),
    ("calls where the spouse wasnt there, how many", "count", {"situation": "spouse_not_present"}),
    ("hoa approval came up as an objection on how many of the calls", "count", {"objection": "hoa_approval"}),
    ("how many times did she use the feel felt found thing", "count", {"technique": "Feel-felt-found"}),
    ("close rate on roofing ride alongs", "close_rate", {"trade": "roofing"}),
    ("whats the avg deal when a window call closes", "avg_deal_closed", {"trade": "windows"}),
    ("avg minutes rachel spends on the price part", "phase:pricing", {}),
]


# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-SH-DUR", "duration", "price", "sell price for one bundle of {item}"),
    ("RF-IW", "ice and water membrane", "cost", "our cost on a roll of {item}"),
    ("SD-VN-MC", "mastic vinyl", "supplier", "who do we get {item} from"),
    ("GT-K6", "k6 gutter", "labour", "labor rate on {item} per foot"),
    ("WN-CS", "casement", "margin", "margin on a {item} window"),
    ("GT-GD6", "6in gutter guard", "markup", "{item} markup over cost"),
    ("RF-DE", "drip edge", "price", "price per piece of {item}"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [
    ("WN-DH-FG", "fiberglass double hungs", 6, "{qty} {item} what would that run sell price"),
    ("GT-EL34", "3x4 elbows", 12, "price out {qty} {item}"),
]
# (sku, squares, template): bundles for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [("RF-SH-LMK", 24, "landmark for {squares} squares how many bundles")]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [(2100, 9, 15, "{area} ft footprint {rise} 12 pitch add {waste} percent waste what is that in squares")]


WEB_ASKS = [
    "can you look up online what a roofing permit costs in natick",
    "search the internet for vinyl siding price increases next year",
    "check the web for the forecast this week in wellesley so i know if we can tear off",
]


SCRIPT_ASKS = Turns("scripting", ["write me a little intro video script for {name}", "need a primer video script for {name} before the appt", "short video script to send {name} ahead of time"])


# new customers dictated the way a rep types them in the truck
NEW_PEOPLE = [("Cornelius", "Vandermeer"), ("Perpetua", "Ashworth"), ("Leopold", "Gustafsson")]
NEW_STREETS = ["27 Tinker Hill Rd", "118 Forest Ave", "6 Bluebird Ln"]
NEW_TOWNS = ["Boylston", "Berlin", "Clinton"]
NEW_TRADES = [("needs a roof estimate", "roof"), ("asking about new windows", "window"), ("wants siding pricing", "siding")]
NEW_CARDS = Turns("new_clients", [
    "new lead for you {first} {last} phone {phone} address {street} {town} {trade}",
    "add a new customer named {first} {last} number is {phone} email {email}",
    "just met {first} {last} at the home show {phone} {trade} can you put them in",
])
# bad input: gibberish, a write with nothing in focus, a job that does not exist
GIBBERISH = "jjjj kkk ;;; lll"
FOCUSLESS = "put down that she called back"
MISSING_JOB = (5523, "5523 signed move it up")


# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = ["bring {ref} up on screen", "whats new on {ref}", "{ref} catch me up", "open up {ref} for me", "{ref} where do we stand", "tell me about {ref}"]


SECOND = {
    "phone": ["whats {pos} number on file", "number for {obj}"],
    "email": ["{pos} email address pls", "got an email for {obj} too"],
    "address": ["wheres {pos} house", "whats the address on that"],
    "rep": ["whos the salesman on that", "whose job is that one"],
    "contract": ["what did that one sell at", "and the contract price"],
    "note": ["any new notes on there lately", "read me the last note on that"],
    "paid": ["whats been paid on it", "how much have they given us"],
    "balance": ["anything still owed on that", "whats the balance then"],
}


OTHER_JOB = ["and the other job", "ok now the {trade} one", "what about {pos} {trade} job", "how about the other one"]
ON_OTHER = ["whos the rep on that job then", "and whose is that"]


# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("kaplan", 143, "phone", "steven"),
    ("reilly", 117, "email", "daniel"),
    ("quinn", 136, "phone", "melissa"),
    ("brooks", 130, "address", "richard"),
    ("thibodeau", 144, "email", "town"),
    ("fitzgerald", 135, "phone", "town"),
    ("carter", 106, "rep", "trade"),
    ("castillo", 113, "email", "trade"),
    ("wong", 120, "phone", "ordinal:2"),
    ("steven", 122, "address", "ordinal:1"),
    ("megan", 132, "phone", "morrison"),
]
WHICH_FIRST = {
    "phone": ["gotta call {said} whats the number", "{said} cell real quick"],
    "email": ["email addy for {said}", "{said} email so i can send the contract"],
    "address": ["{said} where do they live"],
    "rep": ["which of our guys has {said}"],
}
BY_TRADE = ["the one w the {trade}", "{trade} customer"]
BY_TOWN = ["the one out in {town}", "{town} one"]
ORDINAL_SAID = {1: "first one", 2: "the 2nd"}
# a customer with two jobs asked about by name, the job then given by its number
WHICH_JOB = [(115, "{name} whats the stage on it")]


# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("btw whats the most i can discount on my own", DISC, "up to a total of 7 percent"),
    ("side thing whats the rate on the 144 month plan", FINP, "9.99% APR"),
    ("oh real quick whats a roll of ice and water sell for", "pricing:RF-IW", None),
    ("while i have you how many director calls were in braintree", "analysis:town:Braintree", None),
    ("off topic how long do they have to cancel after signing", AFTER, "three-day right to cancel"),
    ("random one, whats the finish warranty on prefinished hardie", FIBER, "15-year finish warranty"),
]


BACK = {
    "phone": "ok back to {last} whats the number there",
    "email": "anyway can i get {pos} email",
    "rep": "ok so back to the job who is on it",
    "note": "back to it, whats the latest note",
    "contract": "anyway how much did {subj} sign at",
    "address": "ok and where is {pos} house at",
}


# ------------------------------------------------------------------------------------------
# conversations: writes, in reps' words
# ------------------------------------------------------------------------------------------

YESES = [
    "yes sir", "sounds good", "yep exactly", "go", "yea", "yes maam", "affirmative", "looks good",
    "right yeah", "ya ya", "yup go", "mhm", "yes pls do", "correct go ahead", "all good",
    "ok yes", "ship it", "sure go", "totally", "roger", "yesss", "thats correct", "do it thx",
    "please do", "yup lock it", "ok sure", "yeah yeah go", "g2g", "righto", "k go",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "actually hold off", "nah dont do that", "wait scratch it", "no no", "leave it", "lets not",
    "dont put that in", "hmm hold up dont", "nope never mind", "forget i said that", "cancel pls",
    "no dont save it", "changed my mind dont", "not rn", "wait dont", "kill that", "eh skip it",
    "pls dont do that one", "no leave it alone", "nvm", "belay that", "hold off on it for now", "nah im good",
    "dont bother with it",
]
STRAYS = ["ok thx man", "got it", "cool cool", "k"]

# no weekday or month stems, no times, no "at" before a number: the booking checks read every turn
NOTE_LINES = [
    "she wants the charcoal trim to match the shutters",
    "husband works from home so keep the noise down early",
    "theyre getting a quote from a guy in town too",
    "back porch is separate, price it out",
    "cat stays inside keep the door shut",
    "asked for references from the street",
    "mother in law lives with them and uses a walker",
    "ho wants copies of the insurance cert",
    "driveway gets plowed early, leave room",
    "they have a baby so no loud music",
    "skylight over the kitchen leaks a little",
    "would rather get emails than phone calls",
    "bank wants the lien waiver when were done",
    "there is a wasp nest by the back door",
    "ho is a retired contractor and will ask a lot of questions",
    "they want to see the material on site before we start",
    "water shutoff is in the basement by the stairs",
    "electric meter is on the left side crew watch out",
    "neighbors tree hangs over the property line",
    "he wants the old shutters saved and put back",
    "ok to use the outside outlet for power",
    "paid the deposit with a credit card",
    "interested in the financing send the numbers",
    "wife handles the money talk to her",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [("wants the trim in bright white", "wants the trim in almond"), ("check came in for the deposit", "deposit came in by card")]
NOTE_SAID = [
    "ok so for {ref} put down that {note}",
    "can you jot on {ref} that {note}",
    "make a note for {ref} {note} thanks",
    "on {ref} just so we remember {note}",
    "heads up on {ref} {note}, put that in",
    "{ref} add this to the notes: {note}",
    "note on {ref} saying {note}",
    "hey for {ref} put in the notes that {note}",
    "just got off the phone about {ref}, {note}, note it",
    "dictating a note for {ref} {note} end of note",
    "for {ref} write that {note}",
    "{ref} - {note} - stick that in the notes",
    'on {ref} note "{note}"',
    "so {ref} um {note} can you put that down",
]
NOTE_HERE = [
    "put down there that {note}",
    "jot that {note}",
    "add a note on there {note}",
    "also {note}, note that",
    "note for {obj}: {note}",
    "ok and make a note {note}",
    "put it in the notes that {note}",
]
NOTE_FIX = ["wait change the note to {note}", "no make it say {note} instead"]

# (template, stage the job goes to): stage moves said as news; a reason said with it is not checked
STAGE_SAID = [
    ("{ref} went with the other guy", "Lost"),
    ("{ref} is a go they signed", "Contract Signed"),
    ("were done at {ref}, crew wrapped up", "Completed"),
    ("{ref} final check cleared, all paid up", "Paid & Closed"),
    ("just emailed the proposal for {ref}", "Proposal Sent"),
    ("{ref} install date is locked in", "Scheduled"),
    ("crew started tearing into {ref} today", "In Progress"),
    ("{ref} wants to think it over put it in follow up", "Follow Up"),
    ("{ref} needs a remeasure, kick it back to estimating", "Estimating"),
    ("{ref} ghosted us, call it lost", "Lost"),
    ("{ref} signed on the dotted line", "Contract Signed"),
    ("lost {ref} on price unfortunately", "Lost"),
    ("{ref} is on the install board now", "Scheduled"),
    ("{ref} paid in full we can close it out", "Paid & Closed"),
]
STAGE_HERE = [
    ("they picked somebody else", "Lost"),
    ("good news they signed it", "Contract Signed"),
    ("we got it on the install schedule", "Scheduled"),
    ("i sent {obj} the proposal last night update that", "Proposal Sent"),
    ("crews out there now so its in progress", "In Progress"),
    ("thats all wrapped up, mark it complete", "Completed"),
    ("{subj} wants more time, follow up", "Follow Up"),
    ("{subj} said no thanks so its lost", "Lost"),
    ("{subj} signed the paperwork this morning", "Contract Signed"),
]
# (said first, the correction with the stage as a slot, stage it goes to)
STAGE_FIXES = [
    ("{ref} went elsewhere mark it lost", "no sorry they didnt, put it in {stage}", "Follow Up"),
    ("{ref} just went to proposal sent", "wait my bad its {stage} they signed", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev_sets' reader (which checks it)
WHEN_TYPED = [
    ("thursday at ten", "2026-11-26T10:00"),
    ("tmrw around 1", "2026-11-24T13:00"),
    ("day after tomorrow at 3", "2026-11-25T15:00"),
    ("fri at two in the afternoon", "2026-11-27T14:00"),
    ("next wed at 11", "2026-12-02T11:00"),
    ("dec 9th at 2", "2026-12-09T14:00"),
    ("the 3rd at 10 am", "2026-12-03T10:00"),
    ("12/2 at 9 in the morning", "2026-12-02T09:00"),
    ("friday the 4th ten am", "2026-12-04T10:00"),
    ("mon dec 7 @ 9:45", "2026-12-07T09:45"),
    ("two weeks from today at 10", "2026-12-07T10:00"),
    ("noon on the 9th", "2026-12-09T12:00"),
    ("wednesday at 2 o clock", "2026-11-25T14:00"),
    ("december 3rd at 10 a.m.", "2026-12-03T10:00"),
    ("monday the 14th at 4 pm", "2026-12-14T16:00"),
    ("1 pm friday", "2026-11-27T13:00"),
    ("tues 12/8 at 8 sharp", "2026-12-08T08:00"),
    ("thurs dec 10 at eleven thirty", "2026-12-10T11:30"),
    ("this wed 3:30", "2026-11-25T15:30"),
    ("the 11th at 1:15", "2026-12-11T13:15"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [("scratch the time make it {t}", "10 am", "10:00"), ("earlier pls like {t}", "8:30am", "08:30"), ("oh she said {t} is better", "two in the afternoon", "14:00"), ("later, {t}", "at 4", "16:00")]
DAY_FIXES = [("not that day, {t} same time", "thursday the 10th", "2026-12-10"), ("move the day to {t} keep the time", "12/16", "2026-12-16")]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("inspection", "inspection"), ("estimate appt", "estimate")],
    "Estimating": [("measure", "measure"), ("inspection", "inspection")],
    "Proposal Sent": [("proposal review", "proposal"), ("follow up", "follow")],
    "Follow Up": [("follow up", "follow"), ("check in visit", "")],
    "Contract Signed": [("install", "install"), ("color selection", "color")],
    "Scheduled": [("install", "install"), ("walkthrough", "walkthrough")],
    "In Progress": [("final walkthrough", "walkthrough"), ("progress check", "")],
}
BOOK_SAID = [
    "can we get {ref} in for {akind} {when}",
    "{ref} {kind} {when} put it on the books",
    "lets do {akind} on {ref} {when}",
    "{when} works for {ref}, {kind}, go ahead and book",
    "book me {akind} for {ref} {when}",
    "ok so {ref} wants {akind} {when} can you set that up",
    "throw {ref} on the calendar for {akind} {when}",
    "{ref} needs {akind} {when}",
    "schedule {akind} {when} for {ref}",
    "set {ref} up with {akind} {when}",
]
BOOK_HERE = [
    "get {obj} in {when} for {akind}",
    "book {akind} with {obj} {when}",
    "{akind} {when} on that one",
    "lets set {akind} {when}",
    "put {akind} on the calendar for {when}",
]
BACK_TO = ["ok anyway back to {last} ", "so on {pos} job ", "back to that one then "]
JOB_FIX = ["oops wrong job its the {right} one", "no the {right} not the {wrong} my bad"]
# moving a visit on the calendar, called off before the yes
MOVE_SAID = ["can you slide the {visit} on {ref} to {when}", "{ref} asked to move the {visit} to {when}", "bump {pos} {visit} to {when}"]
# the stages the direct stage writes go to
DIRECT_TARGETS = d9.STAGE_TARGETS


WHICH_ASKS = {"note": "for {name} put down {note}", "stage": "{name} finally signed", "book": "{name} wants {akind} {when}"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "i mean the {x} job", "number": "number {x}", "stage": "whichever is in {x}"}


# ------------------------------------------------------------------------------------------
# the sizes of the parts, and the files (the generators are dev_generators')
# ------------------------------------------------------------------------------------------

SIZES = dg.Sizes(
    contact=("phone", "email", "address", "home", "phone", "email", "phone", "address", "home", "phone", "email", "address", "phone", "email"),
    followups=6, topic_switches=8,
    direct=30, direct_style=lambda k, styles: (k + k // styles) % styles,
    after_lookup=9, after_two_lookups=3, after_detour=3, two_writes=3, time_fixes=3,
    off_yes=10, off_after_lookup=5, off_ok_yes=3, moves=4, off=2,
)
DEV_SET = be.DevSet(SPLIT, SEED, {**globals(), **dg.generators(sys.modules[__name__])}, HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
