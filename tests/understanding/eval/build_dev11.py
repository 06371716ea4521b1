"""Builds dev11, an eleventh development set for the understanding layer, written blind (from
the demo data and what the product is for): about 120 single questions and 80 conversations,
mixed like a day of real use. Single questions: contact fields ("best # for ...", "... home #",
"wheres ... live"), money, dates, notes ("what did we last say on ..."), the rep of a job, a
rep's open jobs, jobs in a stage, the calendar ("whos out tmrw", "dana thurs"), playbook
questions in reps' words (objections, process, products), director-call figures, catalog
prices, scripts, web searches, new customers dictated, bad input. Conversations: follow-ups
that point back ("and her cell", "whats left on it", "who sold it"), playbook asides then back
to the customer, clarifications answered by first name, last name, trade, town or position,
writes (notes, stage moves, bookings) in reps' words, writes corrected before the yes, and
writes called off with a later "yes" that must change nothing. Every expected fact and every
expected CRM change is computed here from data/demo (the CRM seed, the knowledge base, the
director's call transcripts, the catalog), never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev11.py [--out DIR]

Writes dev11/questions.jsonl and dev11/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev10 (see build_eval.py and
bench/understanding.py); the code that works out the cases is dev_generators' (build_dev10's,
with build_eval's, build_dev3's, build_dev5's, build_dev8's and build_dev9's helpers), and every
phrasing is dev11's own. The clock is pinned at Monday 2026-11-23 09:00 America/New_York.
Booking times are typed in forms the reader of test_dev_sets reads.

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
    DIY,
    GUTTERS,
    LEADS,
    PRICE,
    QUOTES,
    SHINGLES,
    SPOUSE,
    STEPS,
    THINK,
    WAIT,
)

SPLIT = "dev11"
SEED = f"{be.SEED}/dev11"
NOW = be.NOW
WRITE_CLAIMS = be.WRITE_CLAIMS  # what no answer may claim
# the ways of naming a job are build_dev9's
REF_STYLES, NUMBER_STYLES = d9.REF_STYLES, d9.NUMBER_STYLES
refs_of, styled, job_ref, cust_ref = d9.refs_of, d9.styled, d9.job_ref, d9.cust_ref


# ------------------------------------------------------------------------------------------
# how reps type, dev11's layer: thumbs, and voice dictation without punctuation
# ------------------------------------------------------------------------------------------

# (pattern, shorthand, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\byou\b", "u", 0.5),
    (r"\bare\b", "r", 0.3),
    (r"\bplease\b", "pls", 0.6),
    (r"\bwith\b", "w", 0.3),
    (r"\babout\b", "abt", 0.3),
    (r"\bgoing to\b", "gonna", 0.6),
    (r"\bbecause\b", "bc", 0.5),
    (r"\bright now\b", "rn", 0.4),
    (r"\bwhats\b", "wats", 0.1),
]
# how often a phrasing comes out as dictated: no commas, dashes, colons or question marks
DICTATED = 0.3
say = ds.typist(THUMBS, dictated=DICTATED, no_digit_by_a_time=True)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn, named as dev11's."""

    split = SPLIT


# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "best # for {name}",
        "{name} phone # pls",
        "whats {pname} cell again",
        "need to reach {name} what number do we have",
        "{name} number?? in the driveway",
    ]),
    "email": Turns("crm.contact.email", [
        "{name} email?",
        "wats {pname} email on file",
        "email for {name} i need to send over the proposal",
    ]),
    "address": Turns("crm.contact.address", [
        "wheres {name} live at these days",
        "{pname} street address pls",
        "{name} what street",
    ]),
    "home": Turns("crm.contact.home", ["{pname} home #", "home number for {name} not the cell"]),
}


STAGE_ASK = Turns("crm.status", [
    "{job} where r we at",
    "status of {job}?",
    "{job} what stage now",
    "did {job} ever go anywhere",
    "where is {job} in the pipeline rn",
])
REP_ASK = Turns("crm.rep", ["who sold {job} originally", "{job} whose deal is that", "which one of us has {job}", "{job} salesman?"])
NOTE_ASK = Turns("crm.notes", ["what did we last say on {job}", "{job} most recent note in there", "last thing written on {job}"])


MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["{job} contract amount", "what did {job} sign for", "{job} how much was the contract"]),
    "balance": Turns("crm.money.balance", ["whats left on {job}", "{job} whats the balance due", "how much do we still have coming on {job}"]),
    "deposit": Turns("crm.money.deposit", ["{job} how much was the deposit", "what deposit did we get on {job}"]),
    "proposal": Turns("crm.money.proposal", ["{job} what was the proposal for", "proposal amount on {job} pls"]),
}


INSTALL_ASK = Turns("crm.dates.install", ["{job} when does the crew start", "whens {job} getting installed", "{job} install date?"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} next visit?", "when are we back out at {job}", "whats the next thing booked for {job}"])
NEXT_ASK = Turns("crm.dates.next_customer", ["when am i back w {name}", "{name} next appt?"])


# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-24", "2026-11-24", None, None, "whos out tmrw"),
    ("2026-11-26", "2026-11-26", 12, None, "dana thurs"),
    ("2026-11-23", "2026-11-23", None, None, "whats on the board today"),
    ("2026-11-25", "2026-11-25", None, None, "wed whats booked"),
    ("2026-11-24", "2026-11-25", None, None, "tmrw and wed how many appts total"),
    ("2026-12-01", "2026-12-02", None, None, "next tues and wed how full r we"),
    ("2026-11-27", "2026-11-27", 13, None, "kevin fri what does he have"),
    ("2026-12-07", "2026-12-07", 11, None, "mike reed monday the 7th schedule"),
    ("2026-12-09", "2026-12-09", None, None, "12/9 anything on the cal"),
    ("2026-11-30", "2026-12-04", None, "inspection", "{kind}s next week how many"),
    ("2026-12-03", "2026-12-04", None, "install", "any {kind}s thurs or fri 12/3 12/4"),
]


REP_OPEN = [
    (12, "what does dana have open rn"),
    (11, "mikes open jobs list them"),
    (13, "kevin shea open count"),
    (11, "how many deals is mike reed sitting on that r open"),
    (12, "whitaker whats still open for her"),
]


STAGE_LISTS = [
    ("Proposal Sent", "whos got a proposal out rn"),
    ("In Progress", "jobs the crews r working on right now"),
    ("Estimating", "whats sitting in estimating"),
    ("Lost", "list the lost ones"),
    ("Follow Up", "my follow up list pls"),
]


# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------


# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (SPOUSE, "wife isnt home for the appt what do i do", "offer FaceTime or a video call"),
    (QUOTES, "ho says theyre getting 3 quotes how do i handle it", "Can I help you compare them?"),
    (WAIT, "guy wants to wait til spring on the roof what do i tell him", "reserve a spot on the spring schedule"),
    (WAIT, "can we even do roofs in the winter, ho asked", "We install roofs in winter"),
    (DIY, "her brother in law says he can do it cheaper", "Never criticise the relative or the handyman"),
    (THINK, "they said they need to think about it, now what", "Agree with them first"),
    (PRICE, "price objection whats our response step by step", "Our standard response to a price concern has four parts"),
    (PRICE, "ho pulled out a cheaper quote from another outfit", "compare line by line, not company to company"),
    (GUTTERS, "gutter hanger spacing what do we use", "hidden hangers every 24 inches"),
    (GUTTERS, "ho thinks gutters are causing her ice dams", "Gutters do not cause ice dams"),
    (GUTTERS, "5 or 6 inch gutters which one do we push and why", "carries about 40 percent more water"),
    (SHINGLES, "do we still put on 3 tab", "We no longer install three-tab on full replacements"),
    (SHINGLES, "what does a square of architectural weigh", "about 230 to 250 pounds"),
    (LEADS, "web lead came in how fast do i gotta call", "called within 15 minutes during business hours"),
    (LEADS, "when do we reach back out to a lost job", "re-contacted after 90 days"),
    (STEPS, "how long should the whole in home pitch take", "90 to 120 minutes"),
    (STEPS, "ok to park in the ho driveway", "Park on the street, not in the driveway"),
]


# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("how many director calls up in nh", "count", {"state": "NH"}),
    ("how many ride alongs did kevin have rachel on", "count", {"rep": "Kevin Shea"}),
    ("calls we lost to a competitor, how many", "count", {"outcome": ("lost_competitor",)}),
    ("storm damage calls how many did rachel do", "count", {"situation": "storm_damage"}),
    ("insurance came up as an objection how many times", "count", {"objection": "insurance"}),
    ("how many times did rachel pull the takeaway close", "count", {"technique": "Takeaway close"}),
    ("whats our close rate on siding director calls", "close_rate", {"trade": "siding"}),
    ("avg closed deal size on the roof calls", "avg_deal_closed", {"trade": "roofing"}),
    ("gutter calls avg minutes on the inspection", "phase:inspection", {"trade": "gutters"}),
    ("director calls in concord how many", "count", {"town": "Concord"}),
]


# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-SH-HDZ", "hdz", "price", "what do we charge for a bundle of {item}"),
    ("RF-UL-SYN", "synthetic underlayment", "cost", "what r we paying per roll for {item}"),
    ("GT-GD5", "5in gutter guard", "supplier", "{item} who supplies it"),
    ("SD-FC-PR", "primed hardie", "labour", "install labor on {item}"),
    ("WN-DH", "standard vinyl dh", "margin", "margin we make on one {item}"),
    ("RF-RV", "ridge vent", "markup", "{item} whats our markup"),
    ("GT-DS34", "3x4 downspout", "price", "{item} sell price"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [
    ("WN-PIC", "picture windows", 3, "{qty} {item} whats that come to"),
    ("GT-HG6", "6in hangers", 40, "{qty} {item} total price"),
]
# (sku, squares, template): bundles for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [("RF-SH-DUR", 30, "{squares} squares of duration how many bundles do i order")]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [(1800, 6, 10, "house is {area} sq ft footprint {rise}/12 roof {waste}% waste how many squares")]


WEB_ASKS = [
    "google the permit fee for a reroof in framingham",
    "look online whats going on with asphalt shingle prices this winter",
    "search the web for any rebates on energy star windows in mass",
]


SCRIPT_ASKS = Turns("scripting", ["sales script for {name} pls", "help me with a script for my sit down w {name}", "put together a pitch script i can use w {name}"])


# new customers dictated the way a rep types them in the truck
NEW_PEOPLE = [("Bartholomew", "Quackenbush"), ("Philippa", "Wetherell"), ("Ignatius", "Oyelaran")]
NEW_STREETS = ["42 Old Sudbury Rd", "9 Partridge Hill Ln", "310 Boston Post Rd"]
NEW_TOWNS = ["Wayland", "Harvard", "Marlborough"]
NEW_TRADES = [("looking at gutters and guards", "gutter"), ("roof is leaking wants someone out", "roof"), ("wants a window quote", "window")]
NEW_CARDS = Turns("new_clients", [
    "new customer {first} {last} cell {phone} lives at {street} in {town} {trade}",
    "pls add {first} {last} to the crm {phone} {email}",
    "referral from a neighbor {first} {last} {phone} {trade} put em in",
])
# bad input: gibberish, a write with nothing in focus, a job that does not exist
GIBBERISH = "zxcv bnm ,,, qqq"
FOCUSLESS = "add a note he texted me"
MISSING_JOB = (6614, "6614 they went with us mark it signed")


# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = ["pull up {ref}", "{ref} whats the story there", "look up {ref} for me", "{ref} give me the rundown", "got {ref} handy", "check on {ref}"]


SECOND = {
    "phone": ["best # for {obj}", "and {pos} cell phone"],
    "email": ["and {pos} email too pls", "any email for {obj} on there"],
    "address": ["wheres {subj} live", "and the address there"],
    "rep": ["who sold it", "whos the rep on it then"],
    "contract": ["how much did it sell for then", "contract total on it"],
    "note": ["whats the last note say", "anything in the notes"],
    "paid": ["paid so far?", "how much has come in on it"],
    "balance": ["whats left on it", "still a balance?"],
}


OTHER_JOB = ["what about {pos} other job", "ok and the {trade} job status", "now the {trade}", "other one?"]
ON_OTHER = ["who sold that other one", "whose deal is that other one"]


# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("mccarthy", 127, "phone", "town"),
    ("mccarthy", 119, "email", "colleen"),
    ("carter", 107, "address", "denise"),
    ("lynch", 134, "phone", "james"),
    ("castillo", 138, "phone", "town"),
    ("fitzgerald", 112, "email", "trade"),
    ("erica", 131, "phone", "pereira"),
    ("nancy", 126, "address", "ordinal:2"),
    ("kaplan", 128, "rep", "trade"),
]
WHICH_FIRST = {
    "phone": ["{said} phone # real quick", "best number for {said}", "need {said} cell"],
    "email": ["{said} email pls i need it", "{said} email address?"],
    "address": ["{said} address?", "wheres {said} live at"],
    "rep": ["who has {said} as a customer"],
}
BY_TRADE = ["the {trade} customer i mean", "one with {trade}"]
BY_TOWN = ["{town} i think", "the {town} one"]
ORDINAL_SAID = {1: "1st", 2: "second one"}
# a customer with two jobs asked about by name, the job then given by its number
WHICH_JOB = [(123, "{name} what stage is it in")]


# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("quick q what spacing do we do on gutter hangers", GUTTERS, "hidden hangers every 24 inches"),
    ("unrelated, how fast do we call back web leads", LEADS, "called within 15 minutes during business hours"),
    ("hey whats a bundle of hdz sell for", "pricing:RF-SH-HDZ", None),
    ("side q how many director calls were up in nh", "analysis:state:NH", None),
    ("other thing ho wants to wait til spring what do i say", WAIT, "reserve a spot on the spring schedule"),
    ("btw do we still install 3 tab", SHINGLES, "We no longer install three-tab on full replacements"),
]


BACK = {
    "phone": "ok anyway whats {pos} phone",
    "email": "ok {last} again, email on file?",
    "rep": "ok back to the customer who sold it",
    "note": "anyway back to it last note",
    "contract": "ok so what did {subj} end up signing for",
    "address": "back to {obj}, wheres the house",
}


# ------------------------------------------------------------------------------------------
# conversations: writes, in reps' words
# ------------------------------------------------------------------------------------------

YESES = [
    "yep go do it", "yessir", "yea go for it", "ya", "yup exactly that", "perfect yes", "confirmed", "100%", "yes thanks",
    "thats right", "yep", "ok do it thx", "sounds right", "yeah send it", "yes please", "save it", "book it",
    "ya good to go", "yes correct", "yah", "fine yes", "yeah thats good go", "aye", "yes ma'am do it", "ok go ahead",
    "y", "yea do that", "sure thing", "absolutely", "yep yep", "right on", "ok yep",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "hang on dont", "nah forget that", "wait no", "stop dont do that", "never mind dont", "no cancel",
    "nope", "hold that", "no dont do that yet", "scrap that", "no thanks not yet", "wait hold on no", "ignore that",
    "skip it for now", "no dont change anything", "actually no", "lets hold off", "dont save that one pls",
    "nah leave it be for now", "never mind that one", "cancel that one", "no wrong idea",
]
STRAYS = ["thanks", "ok cool", "appreciate it"]

# no weekday or month stems, no times, no "at" before a number: the booking checks read every turn
NOTE_LINES = [
    "gate code is the last four of her cell",
    "dog is friendly but keep the gate closed",
    "he wants the dumpster on the street not the lawn",
    "they might add the garage roof later",
    "she hates the sound of nail guns early",
    "shingle color is still undecided between two",
    "ho is deaf in one ear speak up",
    "park in the side lot not the driveway",
    "neighbor already had us do their roof",
    "they asked about the military discount",
    "the son is handling everything for them",
    "ho wants the old gutters hauled away",
    "flower beds along the front be careful",
    "attic access is in the bedroom closet",
    "he is comparing us against two other outfits",
    "customer asked for a copy of the warranty",
    "front steps are loose watch the crew",
    "ho prefers texts over calls",
    "they are worried about the chimney flashing",
    "she wants to keep the satellite dish",
    "HOA letter still needs to be filed",
    "ho paid for the permit already",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [("wants a black drip edge", "wants a white drip edge"), ("he will pay by check", "he will pay by card")]
NOTE_SAID = [
    "{ref} new note: {note}",
    "{ref} add this as a note {note}",
    "pls note for {ref} that {note}",
    "put in {ref} notes {note}",
    "for {ref} jot down {note}",
    "{ref} quick note {note}",
    "can u add to {ref} that {note}",
    "on {ref} write {note}",
    "so for {ref} the note is {note}",
    "{ref} -- {note} -- add that",
    "log a note on {ref} {note}",
    "leave a note on {ref} that {note}",
]
NOTE_HERE = [
    "and note {note}",
    "add {note} to it",
    "also put down {note}",
    "write in there {note}",
    "throw a note on {note}",
    "stick a note on it {note}",
]
NOTE_FIX = ["no change that to {note}", "sorry i meant {note}"]

# (template, stage the job goes to): stage moves said as news; a reason said with it is not checked
STAGE_SAID = [
    ("{ref} lost it", "Lost"),
    ("{ref} signed today", "Contract Signed"),
    ("{ref} job is finished", "Completed"),
    ("{ref} paid off close it out", "Paid & Closed"),
    ("sent the proposal on {ref}", "Proposal Sent"),
    ("{ref} has an install date now", "Scheduled"),
    ("{ref} crew is on site", "In Progress"),
    ("{ref} put in follow up stage", "Follow Up"),
    ("{ref} back to estimating they want changes", "Estimating"),
    ("{ref} went with someone cheaper mark lost", "Lost"),
    ("{ref} sold! signed contract", "Contract Signed"),
    ("{ref} never called back lost", "Lost"),
]
STAGE_HERE = [
    ("they went another way", "Lost"),
    ("they signed mark it", "Contract Signed"),
    ("its on the schedule now", "Scheduled"),
    ("proposal went out to {obj}", "Proposal Sent"),
    ("crew started today", "In Progress"),
    ("job is done mark complete", "Completed"),
    ("{subj} needs time, move to follow up", "Follow Up"),
    ("lost that one", "Lost"),
]
# (said first, the correction with the stage as a slot, stage it goes to)
STAGE_FIXES = [
    ("{ref} lost, update it", "no wait not lost, {stage}", "Follow Up"),
    ("{ref} proposal is out", "no sorry they signed, {stage}", "Contract Signed"),
]

# (when as typed, start); each reads back with test_dev_sets' reader (which checks it)
WHEN_TYPED = [
    ("wed 11/25 10:30am", "2026-11-25T10:30"),
    ("tomorrow 2pm", "2026-11-24T14:00"),
    ("fri 11/27 at 3", "2026-11-27T15:00"),
    ("next tues at 10", "2026-12-01T10:00"),
    ("dec 1 at 1:30", "2026-12-01T13:30"),
    ("the 4th at noon", "2026-12-04T12:00"),
    ("12/3 at 4:15", "2026-12-03T16:15"),
    ("mon the 7th at 11", "2026-12-07T11:00"),
    ("tue dec 8 2pm", "2026-12-08T14:00"),
    ("10 am on 12/9", "2026-12-09T10:00"),
    ("thursday 12/10 at 9:30", "2026-12-10T09:30"),
    ("fri dec 11 at 3 pm", "2026-12-11T15:00"),
    ("tmrw at 8:30", "2026-11-24T08:30"),
    ("day after tmrw 11am", "2026-11-25T11:00"),
    ("mon 11/30 at 2", "2026-11-30T14:00"),
    ("tues the 1st 9am", "2026-12-01T09:00"),
    ("12/2 at three in the afternoon", "2026-12-02T15:00"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [("can we do {t} instead", "11:30", "11:30"), ("bump it to {t}", "3 pm", "15:00"), ("she asked for {t}", "9am", "09:00"), ("make it {t} not that", "at 1", "13:00")]
DAY_FIXES = [("switch the day to {t}, same time", "wed the 9th", "2026-12-09"), ("{t} instead same time", "12/15", "2026-12-15")]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("inspection", "inspection"), ("estimate", "estimate")],
    "Estimating": [("measure", "measure"), ("inspection", "inspection")],
    "Proposal Sent": [("proposal review", "proposal"), ("follow up", "follow")],
    "Follow Up": [("follow up", "follow"), ("visit", "")],
    "Contract Signed": [("install", "install"), ("color selection", "color")],
    "Scheduled": [("install", "install"), ("walkthrough", "walkthrough")],
    "In Progress": [("final walkthrough", "walkthrough"), ("site visit", "")],
}
BOOK_SAID = [
    "pencil {ref} in for {akind} {when}",
    "{ref} {kind} {when} pls book",
    "pls put {ref} on for {akind} {when}",
    "schedule {ref} {when} {kind}",
    "{ref} wants {akind} {when} lock it in",
    "get {akind} on the books for {ref} {when}",
    "{when} {kind} for {ref}",
    "set up {akind} {when} with {ref}",
]
BOOK_HERE = [
    "book {akind} {when}",
    "{akind} {when} for {obj}",
    "get {obj} on the cal {when} for {akind}",
    "schedule {akind} there {when}",
]
BACK_TO = ["ok back to {last} ", "anyway on {pos} job ", "ok so that one "]
JOB_FIX = ["sorry the {right} job not that one", "wrong one, the {right} not {wrong}"]
# moving a visit on the calendar, called off before the yes
MOVE_SAID = ["slide {ref} {visit} over to {when}", "{ref} needs the {visit} pushed to {when}", "reschedule {pos} {visit} to {when}"]
# the stages the direct stage writes go to, the ones the other writes reach less often first
DIRECT_TARGETS = ["Completed", "Paid & Closed", "Estimating", "Scheduled", "In Progress"]


WHICH_ASKS = {"note": "{name} add note {note}", "stage": "{name} signed the contract", "book": "book {name} {akind} {when}"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "its for the {x} job", "number": "{x} that one", "stage": "its the one in {x}"}


# ------------------------------------------------------------------------------------------
# the sizes of the parts, and the files (the generators are dev_generators')
# ------------------------------------------------------------------------------------------

SIZES = dg.Sizes(
    contact=("phone", "email", "address", "home", "phone", "email", "phone", "address", "home", "phone", "email", "address", "phone", "email"),
    followups=5, topic_switches=6,
    direct=14, direct_style=lambda k, styles: (k + 1) % styles,
    after_lookup=4, after_two_lookups=2, after_detour=2, two_writes=2, time_fixes=2,
    off_yes=6, off_after_lookup=4, off_ok_yes=2, moves=3, off=1,
)
DEV_SET = be.DevSet(SPLIT, SEED, {**globals(), **dg.generators(sys.modules[__name__])}, HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
