"""Builds dev15, a fifteenth development set for the understanding layer, written blind (from the
demo data and what the product is for) and weighted harder still to writes on first contact:
about 80 single questions and 120 conversations, 72 of them ending in a write, typed the way
reps type on a phone. Single questions, a few of each: contact fields ("whats the # for ...",
"... house phone"), money, dates, notes, the rep of a job, a rep's open jobs, jobs in a stage, the
calendar ("whats on for tmrw", "any walkthroughs between 12/1 and 12/11"), playbook questions in
reps' words, director-call figures, catalog prices, scripts, web searches, new customers dictated,
bad input. Conversations: writes told as news ("ho finally put pen to paper on ...", "... install
crew is out there now", "check came in for the last draw on ..."), notes dictated in many shapes
("fyi on ... - ...", "... for the file: ...", "remind whoever goes out to ... that ...",
"... / ... / add to notes", run-ons that end in "thx"), bookings in new words ("lock in a measure
up for ...", "throw ... on my cal", "pencil me in w ..."), the job named by its number in the
builders' forms, by its customer and trade ("julie castillos windows") or by its trade and town
("gutter job out in natick"), "her", "that one" after a look-up; days and times typed "wed 10a",
"next tues 2:30p", "thurs next wk at 9", "tues after next 11am", "the 9th at eleven thirty", "fri
the 11th two in the afternoon", "tues 12/8 quarter to 4", "a week from wed at 9"; writes corrected
before the yes (time, day, job, note text, stage) and about 25 writes called off in new words
("nvm", "back that out", "kill that one") with a later "yes" that must change nothing; and,
fewer, follow-ups, asides and clarifications. Every expected fact and every expected CRM change is
computed from data/demo (the CRM seed, the knowledge base, the director's call transcripts, the
catalog) by dev_generators, never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev15.py [--out DIR]

Writes dev15/questions.jsonl and dev15/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev14 (see build_eval.py and
bench/understanding.py); the code that works out the cases is dev_generators' (the code dev10
to dev14 run), and every phrasing is dev15's own. The clock is pinned at Monday 2026-11-23
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
from tests.understanding.eval import build_dev14 as d14  # noqa: E402
from tests.understanding.eval import build_eval as be  # noqa: E402
from tests.understanding.eval import dev_generators as dg  # noqa: E402
from tests.understanding.eval import dev_shared as ds  # noqa: E402
from tests.understanding.eval.build_dev5 import ONE, WORD, cid_of, possessive, trades_of  # noqa: E402
from tests.understanding.eval.dev_shared import (  # noqa: E402
    AFTER,
    GUTTERS,
    INSPECT,
    TYPES,
    VINYL,
    WARRANTY,
)

SPLIT = "dev15"
SEED = f"{be.SEED}/dev15"
NOW = be.NOW
WRITE_CLAIMS = be.WRITE_CLAIMS  # what no answer may claim

# ------------------------------------------------------------------------------------------
# naming a job: build_dev14's names, and two more: "julie castillos windows" (the whole name's
# possessive and the trade) and "gutter job out in natick" (the trade and the town)
# ------------------------------------------------------------------------------------------

OWN_STYLES = ("full_s_trade", "trade_out_in")
REF_STYLES = (*d14.REF_STYLES, *OWN_STYLES)
NUMBER_STYLES = d9.NUMBER_STYLES
cust_ref = d9.cust_ref


def refs_of(d: be.Data, jid: int) -> dict[str, str]:
    """build_dev14's names for one job alone, and dev15's two: the customer's whole name's
    possessive and the trade (their one job of it), the trade's "job out in" the town (the one
    job of it there)."""
    out = d14.refs_of(d, jid)
    cid = cid_of(d, jid)
    c = d.customers[cid]
    town = d8.town_of(d, jid)
    for trade in trades_of(d, jid):
        if len(d.jobs_by_customer_trade(cid, trade)) == 1:
            out.setdefault("full_s_trade", f"{possessive(c['first_name'] + ' ' + c['last_name'])} {WORD[trade]}")
        if d8.town_alone(d, jid, trade):
            out.setdefault("trade_out_in", f"{ONE[trade]} job out in {town}")
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
# how reps type, dev15's layer: shorthand, a small word left out, and dictation
# ------------------------------------------------------------------------------------------

# (pattern, shorthand, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\bwith\b", "w/", 0.5),
    (r"\bplease\b", "pls", 0.5),
    (r"\bthanks\b", "thx", 0.6),
    (r"\bbefore\b", "b4", 0.6),
    (r"\bhomeowner\b", "ho", 0.6),
    (r"\bbecause\b", "bc", 0.5),
    (r"\bcustomer\b", "cust", 0.5),
    (r"\bappointment\b", "appt", 0.6),
    (r"\bcalendar\b", "cal", 0.4),
    (r"\bthough\b", "tho", 0.6),
    (r"\byou\b", "u", 0.4),
    (r"\bright now\b", "rn", 0.6),
    (r"\bsomething\b", "smth", 0.4),
    (r"\bforward\b", "fwd", 0.6),
    (r"\band\b", "&", 0.1),
]
# one small word left out of that share of the phrasings; that share comes out as dictated
DROP = (r"\b(?:the|a|to)\s", 0.15)
DICTATED = 0.15
say = ds.typist(THUMBS, drop=DROP, dictated=DICTATED, no_digit_by_a_time=True)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn, named as dev15's."""

    split = SPLIT


# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "whats the # for {name}",
        "{pname} cell pls, gotta call",
        "can i get a phone number on {name}",
        "{name} - best number to reach",
    ]),
    "email": Turns("crm.contact.email", [
        "{pname} email real quick",
        "what addy do i send {pname} proposal to, email",
        "email for {name}? need to send pics",
    ]),
    "address": Turns("crm.contact.address", [
        "{name} lives on what street",
        "gps address for {name} pls",
        "{pname} house, where is it",
    ]),
    "home": Turns("crm.contact.home", ["{name} house phone #", "home # for {name}, not mobile"]),
}
STAGE_ASK = Turns("crm.status", [
    "{job} wheres it stand",
    "{job} what stage rn",
    "did {job} close or no",
    "status on {job} real quick",
    "{job} - sold, lost, what",
])
REP_ASK = Turns("crm.rep", ["whos got {job} assigned", "{job} whose deal is it anyway", "rep for {job}??", "who's running point on {job}"])
NOTE_ASK = Turns("crm.notes", ["{job} last note pls", "last note on {job} said what", "newest note in {job}"])
MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["{job} whatd it sell at", "contract total on {job}"]),
    "balance": Turns("crm.money.balance", ["{job} how much left to collect", "{job} remaining balance"]),
    "deposit": Turns("crm.money.deposit", ["{job} how much deposit came in", "did {job} give us a deposit, how much"]),
    "proposal": Turns("crm.money.proposal", ["{job} what was our proposal number, $"]),
}
INSTALL_ASK = Turns("crm.dates.install", ["{job} install date on the books?", "when does {job} get started"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} when are we back out there", "whats the next appt on {job}"])
NEXT_ASK = Turns("crm.dates.next_customer", ["when do i see {name} again next", "{pname} next visit w us?"])

# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-24", "2026-11-24", None, None, "whats on for tmrw, everyone"),
    ("2026-12-07", "2026-12-11", None, None, "whole team sched the wk of 12/7"),
    ("2026-11-25", "2026-11-25", 12, None, "what does dana have wed"),
    ("2026-12-01", "2026-12-03", 13, None, "kevin shea 12/1 thru 12/3 what's he got"),
    ("2026-11-30", "2026-11-30", 11, None, "mike reed appts mon the 30th"),
    ("2026-12-01", "2026-12-11", None, "walkthrough", "any {kind}s between 12/1 and 12/11"),
    ("2026-11-23", "2026-11-27", None, "inspection", "how many {kind}s on the books this wk"),
]
REP_OPEN = [
    (13, "kevin shea open jobs, list em"),
    (11, "how many open deals does mike reed have"),
    (12, "dana whitakers open pipeline"),
]
STAGE_LISTS = [
    ("Proposal Sent", "which jobs have a proposal out rn"),
    ("In Progress", "what jobs have crews on them"),
    ("Follow Up", "everybody sitting in follow up"),
]

# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (WARRANTY, "ho is selling next yr, how long does the buyer have to transfer our warranty", "within 60 days of the sale"),
    (WARRANTY, "who registers the shingle mfr warranty n how fast after we finish", "We register the warranty within 30 days of completion"),
    (VINYL, "neighbors low e windows can warp vinyl?? is that a real thing", "can warp vinyl"),
    (INSPECT, "lifted the rake n found 2 layers, what does that change for the job", "two layers means a full tear-off and a heavier dumpster"),
    (GUTTERS, "downspout extensions, how far out from the foundation", "at least 4 feet from the foundation"),
    (GUTTERS, "ho wants those foam gutter inserts, do we do those", "we do not recommend them"),
    (AFTER, "when is final payment actually due", "The final payment is due on completion of the walk-through"),
    (TYPES, "ho is super nice agrees w everything but wont sign, what now", "ask gently what would make them feel sure"),
    (TYPES, "guy just wants the bottom line, how do i run the sit", "agree on the agenda and stick to it"),
]

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("ride alongs in holden, count?", "count", {"town": "Holden"}),
    ("how many sits did dana whitaker do w rachel", "count", {"rep": "Dana Whitaker"}),
    ("close rate on gutter calls", "close_rate", {"trade": "gutters"}),
    ("calls where the ho was selling the house, how many", "count", {"situation": "selling_home"}),
    ("takeaway close, how many calls did rachel use it on", "count", {"technique": "Takeaway close"}),
    ("how many of the calls did we lose on price", "count", {"outcome": ("lost_price",)}),
]

# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-DE", "drip edge", "price", "what do we charge for {item}, per piece"),
    ("GT-GD5", "micromesh guard 5 inch", "cost", "our cost on the {item}"),
    ("WN-CS", "casement window", "supplier", "who do we get the {item} from"),
    ("SD-VN-MC", "carvedwood siding box", "margin", "margin on a {item}?"),
    ("RF-UL-SYN", "synthetic underlayment roll", "markup", "whats our markup on {item}"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [("GT-HG6", "6in hidden hangers", 40, "{qty} {item} what does that run")]
# (sku, squares, template): bundles for so many squares
CATALOG_SQUARES: list[tuple[str, int, str]] = [("RF-SH-HDZ", 24, "bundles of hdz for a {squares} sq roof?")]
# (footprint sq ft, rise in 12, waste percent, template)
ROOFS: list[tuple[int, int, int, str]] = [(1600, 8, 10, "{area} sq ft footprint, {rise}/12 pitch, {waste}% waste, how many sq")]

WEB_ASKS = [
    "look up reviews on malarkey shingles online",
    "web search best caulk for vinyl windows in the cold",
    "search online whats the going rate for a chimney rebuild",
]
SCRIPT_ASKS = Turns("scripting", [
    "write me a sales script for {name}",
    "need a pitch for the {name} sit tonight, whole script",
    "script for the {name} appt pls",
])

# new customers dictated the way a rep types them at the curb
NEW_PEOPLE = [("Ignatius", "Pemberton"), ("Rosalind", "Achterberg"), ("Cornelius", "Vantassel")]
NEW_STREETS = ["27 Cider Mill Rd", "140 Old Stage Rd", "9 Birchwood Ter"]
NEW_TOWNS = ["Ashland", "Holliston", "Upton"]
NEW_TRADES = [("wants all the windows swapped out", "window"), ("roof leaking over the kitchen", "roof"), ("looking at new siding", "siding")]
NEW_CARDS = Turns("new_clients", [
    "new lead: {first} {last}, {street}, {town}. {phone}. {trade}",
    "{first} {last} {phone} {email} new cust pls add",
    "add a cust {first} {last} - {street} {town} - {phone} - {trade}",
])
# bad input: gibberish, a write with nothing in focus, a job that does not exist
GIBBERISH = "hjkl hjkl ,,, zzzt mmm"
FOCUSLESS = "put a note in, side door sticks"
MISSING_JOB = (7719, "#7719 they signed, update it")

# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = ["{ref} pull that up for me", "lemme peek at {ref}", "whats the word on {ref}", "bring up {ref} pls", "{ref}?? whats the story", "can u look {ref} up"]

SECOND = {
    "phone": ["{pos} cell #", "whats the best # for {obj}"],
    "email": ["{pos} email, got one?", "got an email on {obj}?"],
    "address": ["address on it?", "where is it exactly"],
    "rep": ["rep on this one is who", "rep assigned here?"],
    "contract": ["contract price?", "whatd it go for"],
    "note": ["any recent notes", "latest note?"],
    "paid": ["whats been paid in so far", "payments received to date?"],
    "balance": ["how much still owed on this one", "whats left for them to pay"],
}
OTHER_JOB = ["ok and {pos} {trade} job, wheres that at", "{pos} {trade} one?", "whats the other one at", "n the {trade}?"]
ON_OTHER = ["whos rep on that one", "rep on that one?"]

# (said, chosen customer, field, reply: a name, "trade", "town" or "ordinal:k")
WHICH: list[tuple[str, int, str, str]] = [
    ("johnson", 101, "phone", "town"),
    ("wong", 120, "address", "karen"),
    ("nancy", 126, "email", "quinn"),
    ("karen", 120, "rep", "trade"),
    ("mccarthy", 119, "phone", "ordinal:2"),
    ("reilly", 117, "email", "daniel"),
]
WHICH_FIRST = {
    "phone": ["whats {said}s cell", "number for {said} pls"],
    "email": ["{said} whats the email", "{said} email addy pls"],
    "address": ["{said} street address pls", "where is {said} located at"],
    "rep": ["{said} belongs to which rep", "{said}, whose lead is that"],
}
BY_TRADE = ["its the {trade} job", "umm {trade}"]
BY_TOWN = ["{town} house", "the {town} address"]
ORDINAL_SAID = {2: "2nd one on ur list"}
# a customer with two jobs asked about by name, the job then given by its number
WHICH_JOB = [(110, "{name} where does it stand")]

# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("off topic, do we put heat cable on gutters", GUTTERS, "Heat cable can be added in problem spots"),
    ("side q, whats a drip edge piece cost the ho", "pricing:RF-DE", None),
    ("random but does pressure washing void the shingle warranty", WARRANTY, "Pressure washing shingles"),
    ("totally separate, how many ride alongs were in hopkinton", "analysis:town:Hopkinton", None),
    ("unrelated, whats the most deposit we can take in mass", AFTER, "may not exceed one third of the contract price"),
]
BACK = {
    "phone": "ok anyway whats {pos} cell",
    "email": "back to {obj}, email?",
    "address": "anyway where is {pos} house",
    "rep": "ok back to the job, rep?",
    "contract": "back to it, what did it sell for",
    "note": "anyway whats the latest note on it",
    "paid": "ok back to it, how much have they paid",
    "balance": "anyway whats still owed there",
}

# ------------------------------------------------------------------------------------------
# conversations: writes, in reps' own words
# ------------------------------------------------------------------------------------------

YESES = [
    "yea go", "yup send it", "yes sir", "ok yes", "go ahead", "do it", "yeah thats right", "correct",
    "yes please", "yep", "ya just do it", "sounds good go", "perfect yes", "yes make it happen", "go for it bud", "ya lock it in",
    "that works, yes", "confirmed", "yep thats good", "ok pull the trigger", "send it", "yea yea go", "roger that", "yessir go",
    "ya looks right", "all good save it", "ok cool yes", "yep all set", "k go", "yes lets do it", "approved", "\U0001f44d go",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "nvm", "nevermind, dont", "hold off on that for now pls", "scratch that", "eh dont do it", "nah leave it off", "wait no",
    "stop dont save", "no no cancel", "ignore that", "kill that one", "abort", "nope, skip that", "actually dont",
    "dont bother logging that", "no cancel that pls", "lemme double check first, no save", "hold that, dont save", "not now, skip",
    "forget it", "disregard", "no thx", "nah cancel", "ehh dont", "back that out", "undo, dont save",
    "second thoughts, dont", "leave it alone for now", "dont do anything yet",
]
STRAYS = ["ok thx", "cool ty", "appreciate it"]

# no weekday or month stems, no times, no digits: the booking checks read every turn
NOTE_LINES = [
    "gate code is on the sticky in the truck, ask ho for it",
    "ho has a bad back, dont ask her to go in the attic",
    "driveway is shared w the neighbor, dont block it",
    "two dogs, one bites, call b4 pulling in",
    "ho wants the old gutters hauled away not left by the shed",
    "husband travels for work, wife signs off on everything",
    "septic tank in the back yard, no dumpster on the lawn",
    "ho is hard of hearing, knock loud or text",
    "pool cover in back, keep debris off it",
    "wants a copy of our insurance cert b4 work starts",
    "ho prefers texts, no voicemails",
    "low hanging power line on the left side, careful w ladders",
    "asked for the crew to park on the street",
    "bees nest under the eave by the garage",
    "ho is a retired contractor, will ask a lot of tech questions",
    "renters live there, owner wants to be copied on everything",
    "do not use the front door, new floors inside",
    "ho asked us to save the old copper flashing",
    "baby naps midday, keep it quiet around then",
    "ring camera on the porch, ho watches it",
    "wants photos of any rot we find b4 we fix it",
    "insurance adjuster already came out, claim is open",
    "ho is shopping us against two other companies",
    "main water shutoff is behind the furnace",
    "trash cans go back behind the fence when done",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [
    ("ho pays w card", "ho pays by check only"),
    ("dog is friendly", "dog is not friendly, keep the gate closed"),
    ("park in the driveway", "park on the street, driveway is off limits"),
]
NOTE_SAID = [
    "fyi on {ref} - {note}",
    "{ref} for the file: {note}",
    "remind whoever goes out to {ref} that {note}",
    "{ref} crew note: {note}",
    "{ref} / {note} / add to notes",
    "slap a note on {ref} {note}",
    "just left {ref}, {note}, pls add that to the notes thanks",
    "can you note on {ref} that {note}",
    "{ref} file note - {note}",
    "note for {ref} going forward, {note}",
    "put on {ref} notes: {note} thx",
    "heads up for the crew on {ref}, {note}. note it pls",
]
NOTE_HERE = [
    "fyi {note}, put it on there",
    "tack onto that one - {note}",
    "{subj} mentioned {note}, note it please",
    "for the file on {pos} {trade}: {note}",
    "remind whoever goes out there that {note}",
    "note on {pos} job: {note}",
]
NOTE_FIX = ["scratch that, note should read {note}", "correction - {note}"]

# (template, stage the job goes to): stage moves in reps' words, news more than orders
STAGE_SAID = [
    ("ho finally put pen to paper on {ref}", "Contract Signed"),
    ("{ref} is a no go, they picked the cheaper guy", "Lost"),
    ("{ref} crew pulled off today, jobs finished", "Completed"),
    ("check came in for the last draw on {ref}, were square", "Paid & Closed"),
    ("sent the numbers over to {ref} last nite", "Proposal Sent"),
    ("{ref} permits in and materials ordered, crew date is set", "Scheduled"),
    ("{ref} install crew is out there now", "In Progress"),
    ("{ref} wants to think it over, ill circle back", "Follow Up"),
    ("{ref} gotta go back out and re-price it", "Estimating"),
    ("got the signed agreement back on {ref}", "Contract Signed"),
    ("{ref} dead deal, ho stopped answering", "Lost"),
    ("{ref} is wrapped, dumpster is gone", "Completed"),
    ("{ref} final payment posted, close er out", "Paid & Closed"),
    ("{ref} has the proposal in their inbox", "Proposal Sent"),
    ("{ref} is on the production board now", "Scheduled"),
    ("crew is on {ref} as we speak", "In Progress"),
]
STAGE_HERE = [
    ("{subj} put pen to paper", "Contract Signed"),
    ("crew is out there now", "In Progress"),
    ("last draw check came in, close it", "Paid & Closed"),
    ("{subj} picked the other guy", "Lost"),
    ("sent {obj} the numbers", "Proposal Sent"),
    ("crew date is set on that one", "Scheduled"),
    ("crew finished up there, all wrapped", "Completed"),
    ("{subj} wants to mull it over, move to follow up", "Follow Up"),
    ("gotta re-measure and re-price, back to estimating", "Estimating"),
]
# (said first, the correction with the stage as a slot, stage it goes to): the first says Lost,
# the others Proposal Sent (dev_generators moves a job that can go to either)
STAGE_FIXES = [
    ("{ref} lost it to the other guy", "scratch that, not lost, its {stage}", "Follow Up"),
    ("sent the proposal over to {ref}", "no sorry they signed it, {stage}", "Contract Signed"),
    ("{ref} numbers went out", "wait they want to think on it, make it {stage}", "Follow Up"),
]

# (when as typed, start); each reads back with test_dev_sets' reader (which checks it)
WHEN_TYPED = [
    ("wed 10a", "2026-11-25T10:00"),
    ("next tues 2:30p", "2026-12-01T14:30"),
    ("thurs next wk at 9", "2026-12-03T09:00"),
    ("tues after next 11am", "2026-12-01T11:00"),
    ("the 9th at eleven thirty", "2026-12-09T11:30"),
    ("fri the 11th two in the afternoon", "2026-12-11T14:00"),
    ("mon the 7th ten am", "2026-12-07T10:00"),
    ("tues 12/8 quarter to 4", "2026-12-08T15:45"),
    ("weds 12/9 around 3pm", "2026-12-09T15:00"),
    ("tmrw around 2", "2026-11-24T14:00"),
    ("12/4 at 8:15am", "2026-12-04T08:15"),
    ("dec 3rd @ 1:45", "2026-12-03T13:45"),
    ("two weeks from today at noon", "2026-12-07T12:00"),
    ("a week from wed at 9", "2026-12-02T09:00"),
    ("the 14th 8am", "2026-12-14T08:00"),
    ("day after tmrw around 1", "2026-11-25T13:00"),
    ("fri 12/4 at ten", "2026-12-04T10:00"),
    ("12/10 at 4 oclock", "2026-12-10T16:00"),
    ("dec 15 @ 9:45am", "2026-12-15T09:45"),
    ("mon 11/30 around 11", "2026-11-30T11:00"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [
    ("push it to {t} same day", "4:15pm", "16:15"),
    ("{t} works better for them", "10:30am", "10:30"),
    ("earlier pls, {t}", "8am", "08:00"),
    ("change the time to {t}", "noon", "12:00"),
    ("bump it back to {t}", "half past 3", "15:30"),
]
DAY_FIXES = [
    ("same time, {t} tho", "thurs next wk", "2026-12-03"),
    ("can we do {t} instead, same time", "tues after next", "2026-12-01"),
    ("ho cant do that day, {t} works", "the 10th", "2026-12-10"),
]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("first look inspection", "inspection"), ("intro visit", "visit")],
    "Estimating": [("measure up", "measure"), ("estimate walkthrough", "estimate")],
    "Proposal Sent": [("proposal review", "review"), ("price walkthrough", "price")],
    "Follow Up": [("follow up stop by", "follow"), ("second sit", "sit")],
    "Contract Signed": [("color pick meeting", "color"), ("pre start walkthrough", "walkthrough")],
    "Scheduled": [("pre job meeting", "meeting"), ("material drop check", "material")],
    "In Progress": [("mid job check", "check"), ("final walkthrough", "walkthrough")],
}
BOOK_SAID = [
    "{ref} ho wants {akind} {when}, can you book",
    "lock in {akind} for {ref} {when}",
    "{ref} - {kind} - {when}",
    "throw {akind} on my calendar for {ref} {when}",
    "{ref} said {when} works for {akind}, book it please",
    "pencil me in with {ref} {when} for {akind}",
    "{ref} confirmed {akind} {when}",
    "{ref} needs {akind}, {when} if its open",
]
BOOK_HERE = [
    "{subj} can do {when} for {akind}",
    "lock {obj} in for {akind} {when}",
    "{akind} there {when} please",
    "get {pos} {trade} {kind} booked {when}",
    "{subj} wants {akind} {when}, set it up",
]
BACK_TO = ["anyway back to {pos} job - ", "ok so on that one, ", "back to {obj} - "]
JOB_FIX = ["my bad its the {right} job, not {wrong}", "wrong one, {right} not {wrong}"]
# moving a visit on the calendar (a reschedule), called off before the yes
MOVE_SAID = [
    "{ref} needs the {visit} moved to {when}",
    "slide {pos} {visit} out to {when}",
    "ho on {ref} asked if we can do the {visit} {when} instead",
    "reschedule the {visit} for {ref} to {when}",
]
# the stages the direct stage writes go to
DIRECT_TARGETS = ["Contract Signed", "In Progress", "Paid & Closed", "Lost", "Scheduled", "Estimating", "Completed", "Proposal Sent", "Follow Up"]
WHICH_ASKS = {"note": "{name} wants on record that {note}", "stage": "{name} put pen to paper today", "book": "{name} can see me {when} for {akind}"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "the {x} job pls", "number": "uhh {x}", "stage": "whichever ones in {x}"}

# ------------------------------------------------------------------------------------------
# the sizes of the parts, and the files (the generators are dev_generators')
# ------------------------------------------------------------------------------------------

SIZES = dg.Sizes(
    contact=("phone", "email", "address", "home", "email", "phone", "address", "home"),
    followups=3, topic_switches=3,
    direct=34, direct_style=lambda k, styles: (k * 7 + 3) % styles,
    after_lookup=10, after_two_lookups=3, after_detour=3, two_writes=3, time_fixes=4,
    off_yes=10, off_after_lookup=5, off_ok_yes=3, moves=4, off=1,
    status=6, rep=4, notes=4, money={"balance": 2, "contract": 2, "deposit": 2, "proposal": 1}, dates=(2, 2, 2),
    scripts=3, other_jobs=4, new_requests=4, off_after_fix=3,
)
DEV_SET = be.DevSet(SPLIT, SEED, {**globals(), **dg.generators(sys.modules[__name__])}, HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
