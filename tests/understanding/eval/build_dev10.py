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
bench/understanding.py); the data loading, the fact helpers and the ways of naming a job are
build_eval's, build_dev3's, build_dev5's, build_dev8's and build_dev9's, and every phrasing is
dev10's own. The clock is pinned at Monday 2026-11-23 09:00 America/New_York.

Subjects are the dev customers (build_eval.split_customers(d, "dev")); held-out customers only
appear as the other options of a shared name in a clarification.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import string
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.understanding.eval import build_dev3 as d3  # noqa: E402
from tests.understanding.eval import build_dev4 as d4  # noqa: E402
from tests.understanding.eval import build_dev5 as d5  # noqa: E402
from tests.understanding.eval import build_dev8 as d8  # noqa: E402
from tests.understanding.eval import build_dev9 as d9  # noqa: E402
from tests.understanding.eval import build_eval as be  # noqa: E402
from tests.understanding.eval import dev_shared as ds  # noqa: E402
from tests.understanding.eval.build_eval import (  # noqa: E402
    CRM,
    NO_FORM,
    WRITE_CLAIMS,
    Data,
    case,
    turn,
)

SPLIT = "dev10"
SEED = f"{be.SEED}/dev10"
NOW = be.NOW

pron = d5.pron
fact = d5.fact
possessive = d5.possessive
trades_of = d5.trades_of
busy = d5.busy
article = d5.article
job_labels = d5.job_labels
done = d5.done
cid_of = d5.cid_of
live_jobs_of = d5.live_jobs_of
docs_with = d8.docs_with
WORD, ONE = d5.WORD, d5.ONE
STAGE_FROM = d5.STAGE_FROM
REF_STYLES, NUMBER_STYLES = d9.REF_STYLES, d9.NUMBER_STYLES
refs_of, styled, job_ref, cust_ref = d9.refs_of, d9.styled, d9.job_ref, d9.cust_ref
NO_CLAIM: dict[str, Any] = {"not_contains": WRITE_CLAIMS}


def customers(d: Data) -> list[int]:
    return be.split_customers(d, "dev")


def jobs(d: Data) -> list[int]:
    people = set(customers(d))
    return sorted(j for j, job in d.jobs.items() if job["customer_id"] in people)


def live_jobs(d: Data) -> list[int]:
    return [j for j in jobs(d) if not d.jobs[j]["archived"]]


def open_jobs(d: Data) -> list[int]:
    return [j for j in live_jobs(d) if d.stage(j) not in be.CLOSED_STAGES]


def name_slots(d: Data, cid: int, rng: random.Random) -> dict[str, str]:
    name = cust_ref(d, cid, rng)
    return {"name": name, "pname": possessive(name)}


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


def say(template: str, slots: dict[str, str], rng: random.Random) -> str:
    """build_eval's render (shorthand, one typo, lower case) after dev10's own thumb-typing of
    the template's words ("can u", "4", "jus", a dropped "the"; no digit for a word next to a
    day and a time) and, some of the time, the template's punctuation dropped the way a phone's
    dictation drops it; slots are kept."""
    spoken = rng.random() < DICTATED
    # a "4" or a "2" for "for" or "to" would read as an hour next to a day and a time
    timed = "when" in slots or "t" in slots
    parts: list[str] = []
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        text = literal
        for pattern, short, often in THUMBS:
            if rng.random() < often and not (timed and short.isdigit()):
                text = re.sub(pattern, short, text)
        if spoken:
            text = re.sub(r"\s*[,:;?!]+|\s+-+(?=\s)", "", text)
        parts.append(text.replace("{", "{{").replace("}", "}}"))
        if name is not None:
            parts.append("{" + name + "}")
    return be.render("".join(parts), slots, rng)


class Turns(d9.Turns):
    """build_dev9's templates of one kind, taken in turn, named as dev10's."""

    def pick(self, rng: random.Random) -> tuple[str, str]:
        tid, template = super().pick(rng)
        return tid.replace(f"{d9.SPLIT}:", f"{SPLIT}:", 1), template


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


def gen_contact(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = customers(d)
    rng.shuffle(pool)
    kinds = ["phone", "email", "address", "home", "phone", "email", "phone", "address", "home", "phone", "email", "address", "phone", "email"]
    homes = [c for c in pool if d3.fact(d, "home", c) is not None][: kinds.count("home")]
    others = [c for c in pool if c not in homes]
    for kind in kinds:
        cid = homes.pop(0) if kind == "home" else others.pop(0)
        tid, template = ASK[kind].pick(rng)
        out.append(case("crm.contact", tid, [turn(say(template, name_slots(d, cid, rng), rng), fact(d, kind, cid))], {"customer_id": cid, "field": kind}))
    return out


STAGE_ASK = Turns("crm.status", [
    "hows {job} doing, what stage",
    "{job} did that ever sign",
    "remind me where {job} is at",
    "quick stage check for {job}",
    "is {job} sold yet or still out there",
])
REP_ASK = Turns("crm.rep", ["who was the one that sold {job}", "which rep is on {job}", "{job} whos handling it", "which salesperson owns {job}"])
NOTE_ASK = Turns("crm.notes", ["what was the last note on {job}", "{job} latest from the notes", "read me the newest note for {job}"])


def gen_status(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.status", STAGE_ASK, say, job_ref, jobs(d), 10, lambda jid: ({**CRM, "contains": [d.stage(jid)]}, {"job_id": jid}), keep=lambda j: not d.jobs[j]["archived"])


def gen_rep(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.rep", REP_ASK, say, job_ref, live_jobs(d), 6, lambda jid: ({**CRM, "contains": [d.rep(jid)]}, {"job_id": jid}))


def gen_notes(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    def ask(jid: int) -> tuple[dict[str, Any], dict[str, Any]]:
        note = d.notes_of(jid)[0]
        return {**CRM, "contains": [be._note_phrase(note["note"])]}, {"job_id": jid, "note_id": note["id"]}

    return ds.job_cases(d, rng, "crm.notes", NOTE_ASK, say, job_ref, [j for j in live_jobs(d) if d.notes_of(j)], 5, ask)


MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["how much was {job} sold for", "{job} whats the signed contract total", "whats {job} worth, signed amount"]),
    "balance": Turns("crm.money.balance", ["how much is left to collect from {job}", "{job} any balance open", "does {job} still owe us"]),
    "deposit": Turns("crm.money.deposit", ["did {job} put money down, how much", "{job} deposit amount"]),
    "proposal": Turns("crm.money.proposal", ["what number did we quote {job}", "{job} proposal came out to what"]),
}


def gen_money(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for kind, quota in {"balance": 3, "contract": 3, "deposit": 2, "proposal": 2}.items():
        pool = [j for j in jobs(d) if not d.jobs[j]["archived"] and kind in d.money_facts(j) and d3.fact(d, kind, cid_of(d, j), j)]
        for jid in rng.sample(pool, min(quota, len(pool))):
            tid, template = MONEY_ASK[kind].pick(rng)
            out.append(case("crm.money", tid, [turn(say(template, {"job": job_ref(d, jid, rng)}, rng), fact(d, kind, cid_of(d, jid), jid))], {"job_id": jid, "field": kind}))
    return out


INSTALL_ASK = Turns("crm.dates.install", ["what day do we start {job}", "{job} install is when again", "crew date for {job}"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} anything on the calendar", "whens somebody out at {job} next", "next appt on {job}"])
NEXT_ASK = Turns("crm.dates.next_customer", ["am i seeing {name} soon, when", "whens my next time w {name}"])


def gen_dates(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    pools = (jobs(d), live_jobs(d), customers(d))
    return ds.dates_cases(d, rng, (INSTALL_ASK, NEXT_JOB_ASK, NEXT_ASK), say, job_ref, name_slots, pools, (3, 3, 2))


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


def gen_calendar(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (first, last, uid, kind, template) in enumerate(CALENDAR_ASKS):
        appts = d8.calendar_of(d, first, last, uid, kind)
        subject: dict[str, Any] = {"from": first, "to": last, "user_id": uid}
        if kind:
            subject["title_has"] = kind
        out.append(case("crm.calendar", f"{SPLIT}:crm.calendar/{n}", [turn(say(template, {"kind": kind or ""}, rng), be.calendar_expect(d, appts))], subject))
    return out


REP_OPEN = [
    (12, "danas open deals list em"),
    (13, "how many open ones does kevin shea have"),
    (11, "everything mike reed has thats not closed"),
    (13, "kevins still open jobs which ones"),
    (12, "count of whitakers open jobs"),
]


def gen_rep_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.rep_jobs_cases(d, rng, SPLIT, REP_OPEN, say, counting=("how many", "count"))


STAGE_LISTS = [
    ("Lead", "all the leads we havent touched yet"),
    ("Completed", "which jobs are done but not paid off, the completed ones"),
    ("Follow Up", "who do i need to follow up with, jobs in follow up"),
    ("Scheduled", "what jobs r on the schedule stage"),
    ("Contract Signed", "signed contracts waiting to be scheduled, list"),
]


def gen_stage_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.stage_jobs_cases(d, rng, SPLIT, STAGE_LISTS, say)


# ------------------------------------------------------------------------------------------
# single questions: the playbook, the calls, the catalog, the web, scripts, new customers
# ------------------------------------------------------------------------------------------

AFTER = d8.AFTER
FOLLOW = d8.FOLLOW
INSPECT = d8.INSPECT
DISC, FINP, TERMS = d8.DISC, d8.FINP, d8.TERMS
ICE, VENT, FIBER, VINYL, WINDOWS, UNDER, WARRANTY = d8.ICE, d8.VENT, d8.FIBER, d8.VINYL, d8.WINDOWS, d8.UNDER, d8.WARRANTY
BROOKSIDE = d8.BROOKSIDE
CONFIRM = d8.CONFIRM

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


def gen_knowledge(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (doc, question, phrase) in enumerate(PLAYBOOK):
        where = docs_with(d, phrase)
        assert doc in where, (doc, phrase)
        also = [p for p in where if p != doc]
        subject: dict[str, Any] = {"doc": doc, "phrase": phrase}
        if also:
            subject["also"] = also
        out.append(case("knowledge", f"{SPLIT}:knowledge/{doc}#{n}", [turn(say(question, {}, rng), d3.knowledge_expect(d, doc, phrase, also))], subject))
    return out


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


def gen_analysis(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.analysis_cases(d, rng, SPLIT, CALL_FIGURES, say)


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


def gen_pricing(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (code, name, what, template) in enumerate(CATALOG_ASKS):
        row = be.sku(d, code)
        price, cost = float(row["price"]), float(row["cost"])
        if what == "supplier":
            expect: dict[str, Any] = {"agent": "pricing", "contains": [row["supplier"]]}
        elif what == "margin":
            expect = {"agent": "pricing", "percent": round(100 * (price - cost) / price, 2)}
        elif what == "markup":
            expect = {"agent": "pricing", "percent": round(100 * (price - cost) / cost, 2)}
        else:
            expect = {"agent": "pricing", "money": float(row[what])}
        out.append(case("pricing", f"{SPLIT}:pricing.{what}/{n}", [turn(say(template, {"item": name}, rng), expect)], {"sku": code, "field": what}))
    for n, (code, name, qty, template) in enumerate(CATALOG_TOTALS):
        row = be.sku(d, code)
        text = say(template, {"item": name, "qty": str(qty)}, rng)
        out.append(case("pricing", f"{SPLIT}:pricing.total/{n}", [turn(text, {"agent": "pricing", "money": round(qty * float(row["price"]), 2)})], {"sku": code, "field": "total", "quantity": qty}))
    for n, (code, squares_n, template) in enumerate(CATALOG_SQUARES):
        row = be.sku(d, code)
        units = squares_n / Fraction(row["coverage"])
        assert units.denominator == 1, (code, squares_n)
        out.append(case("pricing", f"{SPLIT}:pricing.bundles/{n}", [turn(say(template, {"squares": str(squares_n)}, rng), {"agent": "pricing", "count": int(units)})], {"sku": code, "squares": squares_n}))
    for n, (area, rise, waste, template) in enumerate(ROOFS):
        squares = round(area * math.sqrt(1 + (rise / 12) ** 2) / 100 * (1 + waste / 100), 2)
        text = say(template, {"area": str(area), "rise": str(rise), "waste": str(waste)}, rng)
        out.append(case("pricing", f"{SPLIT}:pricing.squares/{n}", [turn(text, {"agent": "pricing", "number": {"value": squares, "tol": 1.0, "unit": ["sq", "square"]}})], {"footprint": area, "rise": rise, "waste": waste}))
    return out


WEB_ASKS = [
    "can you look up online what a roofing permit costs in natick",
    "search the internet for vinyl siding price increases next year",
    "check the web for the forecast this week in wellesley so i know if we can tear off",
]


def gen_web(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return [case("web_search", f"{SPLIT}:web_search/{n}", [turn(say(t, {}, rng), {"agent": "web_search", "not_contains": d4.INVENTED})], {}) for n, t in enumerate(WEB_ASKS)]


SCRIPT_ASKS = Turns("scripting", ["write me a little intro video script for {name}", "need a primer video script for {name} before the appt", "short video script to send {name} ahead of time"])


def gen_scripting(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.scripting_cases(d, rng, SCRIPT_ASKS, say, customers(d), cust_ref, many=3)


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


def gen_new_clients(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (first, last) in enumerate(NEW_PEOPLE):
        assert not any(c["first_name"] == first or c["last_name"] == last for c in d.customers.values())
        digits = f"{['774', '508', '978'][n % 3]}555{8420 + n * 37:04d}"
        email = f"{first.lower()}.{last.lower()}@{['gmail', 'comcast', 'yahoo'][n % 3]}.{'net' if n % 3 == 1 else 'com'}"
        trade_said, trade_word = NEW_TRADES[n % len(NEW_TRADES)]
        street, town = NEW_STREETS[n], NEW_TOWNS[n]
        tid, template = NEW_CARDS.pick(rng)
        slots = {"first": first, "last": last, "phone": be._phone_text(digits, rng), "email": email, "street": street, "town": town, "trade": trade_said}
        used = {name for _lit, name, _s, _c in string.Formatter().parse(template) if name}
        text = say(template, slots, rng)
        carried = {"email": email, "street": street.rsplit(" ", 1)[0], "town": town, "trade": trade_word}
        expect = {"agent": "new_clients", "contains": [first, last, *(carried[k] for k in ("email", "street", "town", "trade") if k in used)], "phone": digits}
        out.append(case("new_clients", tid, [turn(text, expect)], {"first_name": first, "last_name": last, "phone": digits, "fields": sorted(used)}))
    return out


def gen_bad_input(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = [case("bad_input", f"{SPLIT}:bad_input.gibberish/0", [turn("jjjj kkk ;;; lll", dict(NO_FORM))], {"kind": "gibberish"})]
    out.append(case("bad_input", f"{SPLIT}:bad_input.focusless/0", [turn("put down that she called back", {**NO_FORM, **NO_CLAIM})], {"kind": "nothing in focus"}))
    assert 5523 not in d.jobs and not any(j["number"].endswith("-5523") for j in d.jobs.values())
    out.append(case("bad_input", f"{SPLIT}:bad_input.missing_job/0", [turn("5523 signed move it up", {**NO_FORM, "contains": ["5523"], "not_contains": [*WRITE_CLAIMS, *be.JOB_NUMBER_PREFIXES]})], {"kind": "unknown job", "job": 5523}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = ["bring {ref} up on screen", "whats new on {ref}", "{ref} catch me up", "open up {ref} for me", "{ref} where do we stand", "tell me about {ref}"]


def lookup(d: Data, jid: int, rng: random.Random, ref: str | None = None) -> dict[str, Any]:
    """A look-up that puts the job in focus; the answer must carry its stage."""
    return turn(say(rng.choice(LOOKUP), {"ref": ref or job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.stage(jid)]})


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
JOB_KINDS = d8.JOB_KINDS
second_kinds = d8.second_kinds


def second(d: Data, jid: int, rng: random.Random, kind: str) -> dict[str, Any]:
    cid = cid_of(d, jid)
    return turn(say(rng.choice(SECOND[kind]), pron(d, cid), rng), fact(d, kind, cid, jid if kind in JOB_KINDS else None))


OTHER_JOB = ["and the other job", "ok now the {trade} one", "what about {pos} {trade} job", "how about the other one"]
ON_OTHER = ["whos the rep on that job then", "and whose is that"]


def gen_followup(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = [j for j in live_jobs(d) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    # a look-up, then two or three questions that point back
    for n, jid in enumerate(pool[:6]):
        kinds = second_kinds(d, jid)
        picked = [kinds[(n + k) % len(kinds)] for k in range(2 + n % 2)]
        turns = [lookup(d, jid, rng), *(second(d, jid, rng, k) for k in picked)]
        out.append(case("followup", f"{SPLIT}:followup.{'_'.join(picked)}", turns, {"customer_id": cid_of(d, jid), "job_id": jid}))
    # one of a customer's two jobs, then "the other job" / "the gutters one", then who has it
    two = [c for c in customers(d) if len(live_jobs_of(d, c)) == 2 and len(d.jobs_of(c)) == 2 and len({d.main_trade(j) for j in live_jobs_of(d, c)}) == 2]
    rng.shuffle(two)
    for n, cid in enumerate(two[:4]):
        a, b = live_jobs_of(d, cid)
        if n % 2:
            a, b = b, a
        trade = d.main_trade(b)
        assert len(d.jobs_by_customer_trade(cid, trade)) == 1 and trade not in d.trades(a)
        other = turn(say(OTHER_JOB[n % len(OTHER_JOB)], {**pron(d, cid), "trade": WORD[trade]}, rng), {**CRM, "contains": [d.stage(b)]})
        rep = turn(say(ON_OTHER[n % len(ON_OTHER)], {}, rng), fact(d, "rep", cid, b))
        first = lookup(d, a, rng, refs_of(d, a)["num"] if n % 2 else refs_of(d, a)["hash"])
        out.append(case("followup", f"{SPLIT}:followup.other_job", [first, other, rep], {"customer_id": cid, "job_id": a, "other_job_id": b}))
    return out


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


def gen_clarify(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    by_last, by_first = be._customer_groups(d)
    lasts = {k.lower(): v for k, v in by_last.items()}
    firsts = {k.lower(): v for k, v in by_first.items()}
    out: list[dict[str, Any]] = []
    for n, (said, chosen, field, how) in enumerate(WHICH):
        group = lasts.get(said) or firsts[said]
        key = "first_name" if said in lasts else "last_name"
        text = say(WHICH_FIRST[field][n % len(WHICH_FIRST[field])], {"said": said}, rng)
        options = [d.customers[c][key] for c in group]
        expect = d8.clarify_fact(d, field, chosen)
        subject: dict[str, Any] = {"said": said, "customer_ids": group, "chosen": chosen, "field": field}
        if how == "trade":
            own = [t for t in {t for j in d.jobs_of(chosen) for t in trades_of(d, j["id"])} if not any(t in trades_of(d, j["id"]) for o in group if o != chosen for j in d.jobs_of(o))]
            assert len(own) == 1, (said, own)
            reply = say(BY_TRADE[n % len(BY_TRADE)], {"trade": WORD[own[0]]}, rng)
            subject["reply"] = {"trade": own[0]}
        elif how == "town":
            town = d.customers[chosen]["address"]["city"]
            assert sum(d.customers[o]["address"]["city"] == town for o in group) == 1, (said, town)
            reply = say(BY_TOWN[n % len(BY_TOWN)], {"town": town.lower()}, rng)
            subject["reply"] = {"town": town}
        elif how.startswith("ordinal:"):
            index = int(how.split(":")[1])
            assert index <= len(group) and not set(group) & be.HELDOUT_CUSTOMERS, said
            reply = ORDINAL_SAID[index]
            expect = {"choice": {"index": index, "options": [{"find": [d.customers[c][key]], "expect": d8.clarify_fact(d, field, c)} for c in group]}}
            subject["chosen"] = None
        else:
            assert d.customers[chosen][key].lower() == how, (said, how)
            reply = how
        out.append(case("clarify", f"{SPLIT}:clarify.{field}", [turn(text, {"asks": options}), turn(reply, expect)], subject))
    # one customer, two jobs: which one? answered by the job number
    for cid, template in [(115, "{name} whats the stage on it")]:
        ids = live_jobs_of(d, cid)
        jid = ids[1]
        turns = [turn(say(template, name_slots(d, cid, rng), rng), {"asks": job_labels(d, cid)}), turn(f"#{jid}", {**CRM, "contains": [d.stage(jid)]})]
        out.append(case("clarify", f"{SPLIT}:clarify.job.number", turns, {"customer_id": cid, "job_ids": ids, "chosen_job": jid, "field": "stage"}))
    return out


# (question, what it is about: a document, "pricing:SKU" or "analysis:key:value", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("btw whats the most i can discount on my own", DISC, "up to a total of 7 percent"),
    ("side thing whats the rate on the 144 month plan", FINP, "9.99% APR"),
    ("oh real quick whats a roll of ice and water sell for", "pricing:RF-IW", None),
    ("while i have you how many director calls were in braintree", "analysis:town:Braintree", None),
    ("off topic how long do they have to cancel after signing", AFTER, "three-day right to cancel"),
    ("random one, whats the finish warranty on prefinished hardie", FIBER, "15-year finish warranty"),
]


def detour(d: Data, rng: random.Random, n: int) -> tuple[dict[str, Any], str, str | None]:
    text, ref, phrase = DETOURS[n % len(DETOURS)]
    return turn(say(text, {}, rng), d8.detour_expect(d, ref, phrase)), ref.removeprefix("pricing:"), phrase


BACK = {
    "phone": "ok back to {last} whats the number there",
    "email": "anyway can i get {pos} email",
    "rep": "ok so back to the job who is on it",
    "note": "back to it, whats the latest note",
    "contract": "anyway how much did {subj} sign at",
    "address": "ok and where is {pos} house at",
}


def gen_topic_switch(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = [j for j in live_jobs(d) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    for n, jid in enumerate(pool[:8]):
        cid = cid_of(d, jid)
        kinds = second_kinds(d, jid)
        kind = kinds[n % len(kinds)]
        middle, ref, phrase = detour(d, rng, n)
        back = turn(say(BACK[kind], pron(d, cid), rng), fact(d, kind, cid, jid if kind in JOB_KINDS else None))
        out.append(case("topic_switch", f"{SPLIT}:topic_switch.{kind}", [lookup(d, jid, rng), middle, back], {"customer_id": cid, "job_id": jid, "middle": [ref], "phrase": [phrase]}))
    return out


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

# (when as typed, start); each reads back with test_dev10_set's reader
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
VISIT_WORD = d8.VISIT_WORD
KINDS = d9.KINDS
STAGE_TARGETS = d9.STAGE_TARGETS


class Writer(d9.Writer):
    """build_dev9's writer (the counters that keep the phrasings, the notes, the times and the
    ways of naming the job turning over) with dev10's words and dev10's jobs."""

    def __init__(self, d: Data, rng: random.Random, offset: int = 0) -> None:
        super().__init__(d, rng, offset)
        self.whens = WHEN_TYPED[offset % len(WHEN_TYPED):] + WHEN_TYPED[: offset % len(WHEN_TYPED)]
        self.pool = open_jobs(d)
        rng.shuffle(self.pool)

    def yes(self) -> str:
        return YESES[self.tick("yes") % len(YESES)]

    def off(self) -> str:
        return CALL_OFFS[self.tick("off") % len(CALL_OFFS)]

    def note(self, jid: int, *, here: bool = False, line: str | None = None, ref: str | None = None) -> tuple[str, str, dict[str, Any]]:
        line = line or NOTE_LINES[self.tick("note") % len(NOTE_LINES)]
        pool = NOTE_HERE if here else NOTE_SAID
        n = self.tick("note_t") % len(pool)
        text = say(pool[n], {**self.slots(jid), "ref": ref or self.ref(jid)[1], "note": line}, self.rng)
        return f"{SPLIT}:write.note{'.here' if here else ''}/{n}", text, {"note_on_job": jid, "contains": line}

    def stage_pick(self, *, here: bool = False, jid: int | None = None) -> tuple[int, int, str, str]:
        d = self.d
        pool = STAGE_HERE if here else STAGE_SAID
        for shift in range(len(pool)):
            k = (self.n["stage"] + shift) % len(pool)
            template, stage = pool[k]
            fits = [j for j in live_jobs(d) if d.stage(j) in STAGE_FROM[stage]] if jid is None else ([jid] if d.stage(jid) in STAGE_FROM[stage] else [])
            if not fits:
                continue
            self.n["stage"] += shift + 1
            return fits[self.n["stage"] % len(fits)], k, template, stage
        raise AssertionError(f"no stage request fits {jid}")

    def stage(self, *, here: bool = False, jid: int | None = None) -> tuple[int, str, str, dict[str, Any]]:
        chosen, k, template, stage = self.stage_pick(here=here, jid=jid)
        text = say(template, {**self.slots(chosen), "ref": self.ref(chosen)[1]}, self.rng)
        return chosen, f"{SPLIT}:write.stage{'.here' if here else ''}/{k}", text, {"stage_of_job": chosen, "stage": stage}

    def stage_to(self, jid: int, stage: str, ref: str) -> tuple[str, str, dict[str, Any]]:
        ks = [k for k, (_t, st) in enumerate(STAGE_SAID) if st == stage]
        self.said_to[stage] = self.said_to.get(stage, -1) + 1
        k = ks[self.said_to[stage] % len(ks)]
        text = say(STAGE_SAID[k][0], {**self.slots(jid), "ref": ref}, self.rng)
        return f"{SPLIT}:write.stage/{k}", text, {"stage_of_job": jid, "stage": stage}

    def book(self, jid: int, *, here: bool = False, when: tuple[str, str] | None = None, ref: str | None = None) -> tuple[str, str, dict[str, Any]]:
        k = self.tick("book")
        said, start = when or self.when(jid)
        kind, title = VISITS[self.d.stage(jid)][k % 2]
        pool = BOOK_HERE if here else BOOK_SAID
        n = k % len(pool)
        slots = {**self.slots(jid), "ref": ref or self.ref(jid)[1], "when": said, "kind": kind, "akind": article(kind)}
        text = say(pool[n], slots, self.rng)
        return f"{SPLIT}:write.book{'.here' if here else ''}/{n}", text, {"appointment_on_job": jid, "start": start, "title_contains": title}


def stage_ok(d: Data, jid: int) -> bool:
    return any(d.stage(jid) in STAGE_FROM[s] for _t, s in STAGE_HERE)


WHICH_ASKS = {"note": "for {name} put down {note}", "stage": "{name} finally signed", "book": "{name} wants {akind} {when}"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "i mean the {x} job", "number": "number {x}", "stage": "whichever is in {x}"}


def which_reply(d: Data, cid: int, jid: int, how: str) -> tuple[str, str]:
    """(how, reply) naming one of a customer's jobs: by its own trade, its number or its stage."""
    others = [j for j in live_jobs_of(d, cid) if j != jid]
    own = [t for t in trades_of(d, jid) if not any(t in trades_of(d, o) for o in others)]
    if how == "trade" and not own:
        how = "number"
    if how == "stage" and any(d.stage(o) == d.stage(jid) for o in others):
        how = "number"
    x = {"trade": WORD[own[0]] if own else "", "number": f"#{jid}", "stage": d.stage(jid).lower()}[how]
    return how, WHICH_REPLY[how].format(x=x)


def two_open_job_customers(d: Data, stage: str | None = None) -> list[int]:
    """build_dev8's customers with two or more open jobs, the dev customers alone."""
    people = set(customers(d))
    return [c for c in d8.two_open_job_customers(d, stage) if c in people]


def gen_write(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Writer(d, rng)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any], checks: list[dict[str, Any]]) -> None:
        out.append(case("write", tid, turns, subject, checks))

    # named in the request, then confirmed: every way of naming the job, every stage a job goes to
    for k in range(30):
        kind = KINDS[k % 3]
        style = REF_STYLES[(k + k // len(REF_STYLES)) % len(REF_STYLES)]
        if kind == "stage":
            target = STAGE_TARGETS[(k // 3) % len(STAGE_TARGETS)]
            fits = [j for j in live_jobs(d) if d.stage(j) in STAGE_FROM[target]]
            named = [j for j in fits if style in refs_of(d, j)] or fits
            jid = named[k % len(named)]
            ref = styled(d, jid, style)
            tid, text, check = w.stage_to(jid, target, ref[1])
        else:
            jid = w.next_job(style)
            ref = styled(d, jid, style)
            jid, tid, text, check = w.make(kind, jid=jid, ref=ref)
        add(tid, [turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "ref_style": ref[0], "ref": ref[1], "shape": "direct"}, [check])

    # a look-up first, then the write points back ("it", "that one", "him")
    for k in range(9):
        kind = KINDS[k % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "note"
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        add(tid, [lookup(d, jid, rng), turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "shape": "after_lookup"}, [check])

    # two look-ups, then the write
    for k in range(3):
        kind = KINDS[(k + 1) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "book"
        kinds = second_kinds(d, jid)
        asked = second(d, jid, rng, kinds[k % len(kinds)])
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        add(tid, [lookup(d, jid, rng), asked, turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "shape": "after_two_lookups"}, [check])

    # a detour to the playbook, the catalog or the calls, then back to the job to write
    for k in range(3):
        kind = KINDS[(k + 2) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "note"
        middle, ref, phrase = detour(d, rng, k)
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        back = say(BACK_TO[k % len(BACK_TO)], w.slots(jid), rng) + " " + text
        turns = [lookup(d, jid, rng), middle, turn(back), turn(w.yes(), done([check]))]
        add(tid.replace(".here/", ".back/"), turns, {"job_id": jid, "kind": kind, "shape": "after_detour", "middle": [ref], "phrase": [phrase]}, [check])

    # two writes in one conversation on the same job
    for k in range(3):
        jid = w.next_job()
        if k % 2 and stage_ok(d, jid):
            _j, _t1, text1, first = w.make("stage", here=True, jid=jid)
            _j, _t2, text2, then = w.make("note", here=True, jid=jid)
            shape = "stage+note"
        else:
            _j, _t1, text1, first = w.make("note", here=True, jid=jid)
            _j, _t2, text2, then = w.make("book", here=True, jid=jid)
            shape = "note+book"
        turns = [lookup(d, jid, rng), turn(text1), turn(w.yes(), done([first])), turn(text2), turn(w.yes(), done([then]))]
        add(f"{SPLIT}:write.two/{shape.replace('+', '_')}", turns, {"job_id": jid, "kind": shape, "shape": "two_writes"}, [first, then])

    # a customer with two open jobs named alone: Hard-E asks which, the rep says, then confirms
    for k, (kind, how) in enumerate([("note", "trade"), ("stage", "number"), ("book", "stage"), ("note", "number")]):
        people = two_open_job_customers(d, WHICH_STAGE if kind == "stage" else None)
        cid = people[(k + 2) % len(people)]
        options = live_jobs_of(d, cid)
        jid = options[k % len(options)]
        name = rng.choice(be.customer_name_refs(d, cid))
        slots = {"name": name, "pname": possessive(name), **pron(d, cid)}
        if kind == "stage":
            check: dict[str, Any] = {"stage_of_job": jid, "stage": WHICH_STAGE}
        elif kind == "note":
            slots["note"] = NOTE_LINES[w.tick("note") % len(NOTE_LINES)]
            check = {"note_on_job": jid, "contains": slots["note"]}
        else:
            said, start = w.when(jid)
            slots.update(akind="appt", when=said)
            check = {"appointment_on_job": jid, "start": start, "title_contains": ""}
        how, reply = which_reply(d, cid, jid, how)
        turns = [turn(say(WHICH_ASKS[kind], slots, rng), {"asks": job_labels(d, cid)}), turn(reply), turn(w.yes(), done([check]))]
        add(f"{SPLIT}:write.{kind}.which/{how}", turns, {"job_id": jid, "kind": kind, "customer_id": cid, "job_ids": options, "reply": how}, [check])

    # corrected before the yes: the crm_after is the corrected write only
    for fix, said_t, hhmm in TIME_FIXES[:3]:
        jid = w.next_job()
        said, start = w.when(jid)
        moved = f"{start[:10]}T{hhmm}"
        if moved == start or busy(d, jid, dt.datetime.fromisoformat(moved)):
            said, start = next((s, t) for s, t in WHEN_TYPED if t[11:] != hhmm and not busy(d, jid, dt.datetime.fromisoformat(t)) and not busy(d, jid, dt.datetime.fromisoformat(f"{t[:10]}T{hhmm}")))
            moved = f"{start[:10]}T{hhmm}"
        _t, text, check = w.book(jid, when=(said, start))
        check = {**check, "start": moved}
        add(f"{SPLIT}:write.fixed/time", [turn(text), turn(say(fix, {"t": said_t}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "book", "fixed": "time", "said_start": start}, [check])
    for fix, said_d, day in DAY_FIXES:
        jid = w.next_job()
        said, start = w.when(jid)
        if start[:10] == day or busy(d, jid, dt.datetime.fromisoformat(f"{day}T{start[11:]}")):
            said, start = next((s, t) for s, t in WHEN_TYPED if t[:10] != day and not busy(d, jid, dt.datetime.fromisoformat(t)) and not busy(d, jid, dt.datetime.fromisoformat(f"{day}T{t[11:]}")))
        _t, text, check = w.book(jid, when=(said, start))
        check = {**check, "start": f"{day}T{start[11:]}"}
        add(f"{SPLIT}:write.fixed/day", [turn(text), turn(say(fix, {"t": said_d}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "book", "fixed": "day", "said_start": start}, [check])
    lines = [n for n in NOTE_LINES if not any(stem in n for stem in d8.TRADE_STEMS)]
    people = set(customers(d))
    pairs = list({cid_of(d, p[0]): p for p in d8.two_trade_pairs(d) if cid_of(d, p[0]) in people}.values())
    for k, (meant, first, right, wrong) in enumerate(pairs[1:3]):
        line = lines[(k * 7 + 2) % len(lines)]
        ref = refs_of(d, first)["full"]
        _t, text, _wrong = w.note(first, line=line, ref=ref)
        check = {"note_on_job": meant, "contains": line}
        fix = say(JOB_FIX[k % len(JOB_FIX)], {"right": right, "wrong": wrong}, rng)
        add(f"{SPLIT}:write.fixed/job", [turn(text), turn(fix), turn(w.yes(), done([check]))], {"job_id": meant, "other_job_id": first, "kind": "note", "fixed": "job"}, [check])
    for k, (said_first, instead) in enumerate(NOTE_FIXES):
        jid = w.next_job()
        _t, text, _first = w.note(jid, line=said_first)
        check = {"note_on_job": jid, "contains": instead}
        add(f"{SPLIT}:write.fixed/note", [turn(text), turn(say(NOTE_FIX[k % len(NOTE_FIX)], {"note": instead}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "note", "fixed": "note", "said_first": said_first}, [check])
    for k, (first_said, fix, stage) in enumerate(STAGE_FIXES):
        said_stage = "Lost" if k == 0 else "Proposal Sent"
        fits = [j for j in live_jobs(d) if d.stage(j) in STAGE_FROM[stage] and d.stage(j) in STAGE_FROM[said_stage]]
        jid = fits[(k * 3 + 2) % len(fits)]
        check = {"stage_of_job": jid, "stage": stage}
        text = say(first_said, {"ref": w.ref(jid)[1]}, rng)
        add(f"{SPLIT}:write.fixed/stage", [turn(text), turn(say(fix, {"stage": stage.lower()}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "stage", "fixed": "stage"}, [check])
    return out


def future_visits(d: Data, jid: int) -> list[dict[str, Any]]:
    return [a for a in d5.future_appointments(d, jid) if a["title"] in VISIT_WORD]


def gen_called_off(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    """Writes called off, most of them with a "yes" said later that must write nothing."""
    out: list[dict[str, Any]] = []
    w = Writer(d, rng, offset=5)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any]) -> None:
        out.append(case("called_off", tid, turns, subject, [{"unchanged": True}]))

    def yes() -> dict[str, Any]:
        return turn(w.yes(), dict(NO_CLAIM))

    def short(tid: str) -> str:
        return tid.removeprefix(SPLIT + ":")

    # called off, then a yes
    for k in range(10):
        kind = KINDS[k % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        add(f"{SPLIT}:called_off.off_yes/{short(tid)}", [turn(text), turn(said, dict(NO_CLAIM)), yes()], {"job_id": jid, "kind": kind, "call_off": said, "shape": "off_yes"})
    # a look-up, the write on it, called off, then a yes
    for k in range(5):
        kind = KINDS[(k + 1) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "book"
        jid, tid, text, _check = w.make(kind, here=True, jid=jid)
        said = w.off()
        add(f"{SPLIT}:called_off.after_lookup/{short(tid)}", [lookup(d, jid, rng), turn(text), turn(said, dict(NO_CLAIM)), yes()], {"job_id": jid, "kind": kind, "call_off": said, "shape": "off_yes"})
    # dropped for a new request (a look-up of another job), then a yes
    for k in range(4):
        kind = KINDS[(k + 2) % 3]
        jid, tid, text, _check = w.make(kind)
        other = next(j for j in w.pool[k * 3:] + w.pool if j != jid and cid_of(d, j) != cid_of(d, jid))
        new = lookup(d, other, rng, refs_of(d, other)[NUMBER_STYLES[k % len(NUMBER_STYLES)]])
        add(f"{SPLIT}:called_off.new_request/{short(tid)}", [turn(text), new, yes()], {"job_id": jid, "other_job_id": other, "kind": kind, "call_off": new["text"], "shape": "new_request"})
    # called off, a word of thanks, then a yes
    for k in range(3):
        kind = KINDS[(k + 1) % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        turns = [turn(text), turn(said, dict(NO_CLAIM)), turn(STRAYS[k % len(STRAYS)], dict(NO_CLAIM)), yes()]
        add(f"{SPLIT}:called_off.off_ok_yes/{short(tid)}", turns, {"job_id": jid, "kind": kind, "call_off": said, "shape": "off_yes"})
    # a booking, its time corrected, called off, then a yes
    for k in range(2):
        jid = w.next_job()
        _t, text, _check = w.book(jid, when=w.when(jid))
        said = w.off()
        fix, said_t, _hhmm = TIME_FIXES[(k + 3) % len(TIME_FIXES)]
        turns = [turn(text), turn(say(fix, {"t": said_t}, rng)), turn(said, dict(NO_CLAIM)), yes()]
        add(f"{SPLIT}:called_off.after_fix/book", turns, {"job_id": jid, "kind": "book", "call_off": said, "shape": "off_yes"})
    # moving a visit on the calendar, called off, then a yes
    movable = [j for j in open_jobs(d) if future_visits(d, j)]
    rng.shuffle(movable)
    for k, jid in enumerate(movable[:4]):
        a = future_visits(d, jid)[0]
        said_when, _start = w.when(jid)
        slots = {**w.slots(jid), "ref": w.ref(jid)[1], "visit": VISIT_WORD[a["title"]], "when": said_when}
        template = MOVE_SAID[k % len(MOVE_SAID)]
        turns = [turn(say(template, slots, rng))]
        if k % 2 or "{pos}" in template:
            turns.insert(0, lookup(d, jid, rng))
        said = w.off()
        turns += [turn(said, dict(NO_CLAIM)), yes()]
        add(f"{SPLIT}:called_off.move/{k}", turns, {"job_id": jid, "kind": "move", "appointment_id": a["id"], "call_off": said, "shape": "off_yes"})
    # called off, nothing after
    for k in range(2):
        kind = KINDS[(k + 2) % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        add(f"{SPLIT}:called_off.off/{short(tid)}", [turn(text), turn(said, dict(NO_CLAIM))], {"job_id": jid, "kind": kind, "call_off": said, "shape": "off"})
    return out


# ------------------------------------------------------------------------------------------
# the files
# ------------------------------------------------------------------------------------------

DEV_SET = be.DevSet(SPLIT, SEED, globals(), HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
