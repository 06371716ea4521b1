"""Builds dev3, a third development set for the understanding layer, written from the demo
company's data alone: what reps type on a phone, with every expected fact computed here from
data/demo (the CRM seed, the knowledge base, the director's call transcripts, the catalog),
never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev3.py [--out DIR]

Writes dev3/questions.jsonl and dev3/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev and dev2 (see build_eval.py
and bench/understanding.py); the data loading, the typing noise and a few fact helpers are
build_eval's, and every phrasing is dev3's own. On top of build_eval's noise, dev3 types more
like a rep in a hurry: "ur", "#", "abt", "cust", "sched", "w", "r", dropped articles. The clock
is pinned at Monday 2026-11-23 09:00 America/New_York.

What dev3 adds beyond dev and dev2:
- jobs named by town ("the wong job in salem"), by first name and trade ("julies windows")
  and by the long job number;
- calendars of the estimators and the project manager ("whats on priyas calendar 12/3");
- look-ups of invoiced totals, and of a rep's jobs in one stage;
- director-call figures by town, state, year, technique, objection and rep on the call;
- pricing of quantities ("14 vinyl double hungs"), labour, suppliers, margins, rolls and
  pieces, and squares with waste;
- dictated new customers with the phone and email spelled out;
- conversations that read back what was just written, and clarifications answered with "the
  last one", a town or a trade.

Subjects are the dev customers (build_eval.split_customers(d, "dev")); the customers reserved
for held-out only appear as the other options of a shared name in a clarification.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.understanding.eval import build_eval as be  # noqa: E402
from tests.understanding.eval import dev_shared as ds  # noqa: E402
from tests.understanding.eval.build_eval import (  # noqa: E402
    CRM,
    MAIN_TRADES,
    NO_FORM,
    SEED_PHONE_PREFIX,
    WRITE_CLAIMS,
    Data,
    case,
    turn,
)

SPLIT = "dev3"
SEED = f"{be.SEED}/dev3"
NOW = be.NOW
MONDAY = NOW.date()
DAY = dt.timedelta(days=1)

# ------------------------------------------------------------------------------------------
# how reps type, dev3's extra layer
# ------------------------------------------------------------------------------------------

HURRY = [
    (r"\byour\b", "ur"),
    (r"\bnumber\b(?!\s*\d)", "#"),
    (r"\babout\b", "abt"),
    (r"\bcustomer\b", "cust"),
    (r"\bschedule\b", "sched"),
    (r"\bwith\b", "w"),
    (r"\bare\b", "r"),
    (r"\bminutes\b", "mins"),
]


# build_eval's render, after a hurried rep's shorthand and a dropped article on the
# template's own words (slot values are left alone).
say = ds.typist(HURRY, 0.25, drop=(r"\bthe (?=\w)", 0.25))


class Cycle(ds.Turns):
    """Templates of one kind, taken in turn from a random start, named as dev3's."""

    split = "dev3"


# ------------------------------------------------------------------------------------------
# the data, as dev3 reads it
# ------------------------------------------------------------------------------------------


def customers(d: Data) -> list[int]:
    return be.split_customers(d, "dev")


def jobs(d: Data) -> list[int]:
    return be.split_jobs(d, "dev")


def live_jobs(d: Data) -> list[int]:
    return [j for j in jobs(d) if not d.jobs[j]["archived"]]


def open_jobs(d: Data) -> list[int]:
    return [j for j in live_jobs(d) if d.stage(j) not in be.CLOSED_STAGES]


WORD = {"Roofing": "roof", "Siding": "siding", "Gutters": "gutters", "Windows": "windows"}
ONE = {"Roofing": "roof", "Siding": "siding", "Gutters": "gutter", "Windows": "window"}


def number_refs(d: Data, jid: int) -> list[str]:
    return [f"{jid}", f"#{jid}", f"job {jid}", f"job# {jid}", d.jobs[jid]["number"]]


def name_refs(d: Data, jid: int) -> list[str]:
    """Names that pick out this job alone, without its number: "the wong job in salem",
    "julies windows", "lombardi gutters"."""
    job = d.jobs[jid]
    cid = job["customer_id"]
    c = d.customers[cid]
    first, last, town = c["first_name"], c["last_name"], c["address"]["city"]
    out: list[str] = []
    for trade in d.trades(jid):
        if trade not in WORD:
            continue
        if len(d.jobs_by_last_trade(last, trade)) == 1:
            out += [f"{last} {WORD[trade]}", f"the {last} {ONE[trade]} job"]
        if len(d.jobs_by_customer_trade(cid, trade)) == 1:
            out.append(f"{first} {last} {WORD[trade]}")
            if d.unique_first(cid):
                out.append(f"{first}s {WORD[trade]}")
    same_town = [j for j in d.jobs.values() if d.customers[j["customer_id"]]["last_name"] == last and d.customers[j["customer_id"]]["address"]["city"] == town]
    if len(same_town) == 1 and not d.unique_last(cid):
        out.append(f"the {last} job in {town}")
    if len(d.jobs_of(cid)) == 1:
        out.append(f"{first} {last}")
        if d.unique_last(cid):
            out.append(f"the {last} job")
    return out


def job_ref(d: Data, jid: int, rng: random.Random, names: float = 0.5) -> str:
    refs = name_refs(d, jid)
    if refs and rng.random() < names:
        return rng.choice(refs)
    return rng.choice(number_refs(d, jid))


def possessive(name: str) -> str:
    """ "brooks" -> "brooks'", "johnson" -> "johnson's" (the noise drops the apostrophe)."""
    return name + ("'" if name.endswith("s") else "'s")


def cust_ref(d: Data, cid: int, rng: random.Random) -> str:
    return rng.choice(be.customer_name_refs(d, cid))


def pron(d: Data, cid: int) -> dict[str, str]:
    subj, obj, pos = d.pronouns(cid)
    c = d.customers[cid]
    # "back to reilly" only where no one else is a Reilly
    last = c["last_name"] if d.unique_last(cid) else d.full(cid)
    first = c["first_name"] if d.unique_first(cid) else d.full(cid)
    return {"subj": subj, "obj": obj, "pos": pos, "first": first.lower(), "last": last.lower()}


def install_of(d: Data, jid: int) -> dict[str, Any] | None:
    return next((a for a in d.appointments() if jid in a["job_ids"] and a["title"] == "Install start"), None)


def fact(d: Data, kind: str, cid: int, jid: int | None = None) -> dict[str, Any] | None:
    """The expect of one CRM fact about a customer (and a job), or None when the data has no
    single answer."""
    c = d.customers[cid]
    if kind == "address":
        return {**CRM, "contains": [c["address"]["address"], c["address"]["city"]]}
    if kind == "street":
        return {**CRM, "contains": [c["address"]["address"]]}
    if kind == "customer":
        return {**CRM, "contains": [d.full(cid)]}
    if kind == "home":
        home = next((p for p in c["phones"] if p["label"] == "home"), None)
        return {**CRM, "phone": home["number"]} if home else None
    if kind == "customer_rep":
        reps = {r for j in d.jobs_of(cid) for r in j["rep_ids"]} | {c["rep_id"]}
        return {**CRM, "contains": [d.user_full(c["rep_id"])]} if len(reps) == 1 else None
    if kind == "install":
        assert jid is not None
        a = install_of(d, jid)
        return {**CRM, "date": a["start_date_time"][:10]} if a else None
    if kind == "invoiced":
        assert jid is not None
        facts = d.money_facts(jid)
        return {**CRM, "money": facts["invoiced"]} if facts.get("invoiced") else None
    if kind == "balance":
        assert jid is not None
        return be.money_expect("balance", d.money_facts(jid)["balance"]) if d.fully_invoiced(jid) else None
    return be._fact_turn(d, kind, cid, jid)


def done(word: str) -> dict[str, Any]:
    return {"any_of": [word, "done", "added", "updated", "booked", "scheduled", "saved"], "not_agent": ["new_clients"]}


NO_CLAIM: dict[str, Any] = {"not_contains": WRITE_CLAIMS}

# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

CONTACT = {
    "phone": Cycle("crm.contact.phone", [
        "{name} cell #",
        "gotta call {name} whats the number",
        "{pname} # pls",
        "phone for {name} rn",
        "can u pull {pname} phone",
        "whats the best # to reach {name}",
        "calling {name} in 5 need the number",
        "what number do we have for {name}",
    ]),
    "home": Cycle("crm.contact.home", ["{pname} home line", "landline for {name}", "other number for {name}, the home one"]),
    "email": Cycle("crm.contact.email", [
        "{pname} email",
        "email on file for {name}?",
        "shoot me {pname} email address",
        "need {pname} email to send the proposal",
        "{name} email pls",
        "whats the email we have for {name}",
    ]),
    "address": Cycle("crm.contact.address", [
        "location for {name}?",
        "{pname} street address",
        "address for {name} pls",
        "heading to {pname} now, address?",
        "{name} addr",
        "what town and street is {name} on",
    ]),
    "by_job": Cycle("crm.contact.by_job", ["who do i call about {job}", "homeowner # on {job}", "cell for the homeowner on {job}"]),
}


def gen_contact(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    kinds = ["phone", "email", "address", "phone", "home", "email", "address"]
    pool = customers(d)
    rng.shuffle(pool)
    for n, cid in enumerate(pool[:22]):
        kind = kinds[n % len(kinds)]
        if kind == "home" and fact(d, "home", cid) is None:
            kind = "phone"
        name = cust_ref(d, cid, rng)
        tid, template = CONTACT[kind].pick(rng)
        text = say(template, {"name": name, "pname": possessive(name)}, rng)
        out.append(case("crm.contact", tid, [turn(text, fact(d, kind, cid))], {"customer_id": cid, "field": kind}))
    named = [j for j in live_jobs(d) if name_refs(d, j)]
    rng.shuffle(named)
    seen: set[int] = set()
    for jid in named:
        cid = d.jobs[jid]["customer_id"]
        if cid in seen or len(seen) >= 4:
            continue
        seen.add(cid)
        tid, template = CONTACT["by_job"].pick(rng)
        text = say(template, {"job": rng.choice(name_refs(d, jid))}, rng)
        out.append(case("crm.contact", tid, [turn(text, fact(d, "phone", cid))], {"customer_id": cid, "job_id": jid, "field": "phone"}))
    return out


STATUS = Cycle("crm.status", [
    "{job} stage?",
    "wheres {job} at rn",
    "what stage r we at with {job}",
    "is {job} sold yet or what stage",
    "quick status on {job} pls",
    "{job} - status",
    "whats going on w {job}",
    "check the stage on {job} for me",
    "{job} what stage is it",
])
REP = Cycle("crm.rep", ["whos on {job}", "which rep sold {job}", "{job} whose deal", "rep on {job} pls", "who's the salesperson for {job}", "who on our team has {job}"])
CUSTOMER_REP = Cycle("crm.rep.customer", ["who covers {name}", "{pname} rep?", "which of our reps has {name}"])
NOTES = Cycle("crm.notes", [
    "whats the last thing someone wrote on {job}",
    "{job} latest note pls",
    "what was noted last on {job}",
    "notes on {job}, whats the most recent",
    "did anyone leave a note on {job} recently",
])


def gen_status(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.status", STATUS, say, job_ref, jobs(d), 16, lambda jid: ({**CRM, "contains": [d.stage(jid)]}, {"job_id": jid}))


def gen_rep(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = ds.job_cases(d, rng, "crm.rep", REP, say, job_ref, live_jobs(d), 10, lambda jid: ({**CRM, "contains": [d.rep(jid)]}, {"job_id": jid}))
    people = [c for c in customers(d) if fact(d, "customer_rep", c)]
    rng.shuffle(people)
    for cid in people[:5]:
        name = cust_ref(d, cid, rng)
        tid, template = CUSTOMER_REP.pick(rng)
        text = say(template, {"name": name, "pname": possessive(name)}, rng)
        out.append(case("crm.rep", tid, [turn(text, fact(d, "customer_rep", cid))], {"customer_id": cid}))
    return out


def gen_notes(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    def ask(jid: int) -> tuple[dict[str, Any], dict[str, Any]]:
        note = d.notes_of(jid)[0]
        return {**CRM, "contains": [be._note_phrase(note["note"])]}, {"job_id": jid, "note_id": note["id"]}

    return ds.job_cases(d, rng, "crm.notes", NOTES, say, job_ref, [j for j in jobs(d) if d.notes_of(j)], 12, ask)


MONEY = {
    "contract": Cycle("crm.money.contract", ["{job} sold for how much", "whats the {job} contract worth", "contract value {job}", "how much is {job} for, total"]),
    "deposit": Cycle("crm.money.deposit", ["how much deposit on {job}", "{job} deposit?", "what was the deposit for {job}"]),
    "paid": Cycle("crm.money.paid", ["how much have they paid on {job}", "{job} paid to date?", "payments received on {job} so far"]),
    "balance": Cycle("crm.money.balance", ["{job} balance", "whats owed on {job}", "anything left to collect on {job}", "{job} still owes how much"]),
    "proposal": Cycle("crm.money.proposal", ["{job} proposal amount", "what was the quote on {job}", "how much did we bid {job}"]),
    "invoiced": Cycle("crm.money.invoiced", ["how much have we invoiced on {job}", "total invoiced {job}?"]),
}


def gen_money(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    quotas = {"balance": 6, "contract": 4, "proposal": 4, "paid": 4, "deposit": 4, "invoiced": 3}
    for kind, quota in quotas.items():
        pool = [j for j in jobs(d) if fact(d, kind, d.jobs[j]["customer_id"], j) and kind in d.money_facts(j)]
        if kind == "balance":  # some owing, some paid in full
            owing = [j for j in pool if d.money_facts(j)["balance"] > 0]
            paid = [j for j in pool if j not in owing]
            chosen = rng.sample(owing, quota - 2) + rng.sample(paid, 2)
        elif kind == "invoiced":  # invoiced only in part, so the figure is not the contract's
            chosen = rng.sample([j for j in pool if not d.fully_invoiced(j)], quota)
        else:
            chosen = rng.sample(pool, quota)
        for jid in chosen:
            tid, template = MONEY[kind].pick(rng)
            text = say(template, {"job": job_ref(d, jid, rng)}, rng)
            expect = fact(d, kind, d.jobs[jid]["customer_id"], jid)
            out.append(case("crm.money", tid, [turn(text, expect)], {"job_id": jid, "field": kind}))
    return out


INSTALL = Cycle("crm.dates.install", ["{job} install date", "when does the crew start {job}", "install on {job} when", "what day is the {job} install"])
NEXT_JOB = Cycle("crm.dates.next", ["{job} next appt when", "anything coming up on the calendar for {job}", "when r we back out at {job}", "next thing booked on {job}?"])
NEXT_CUSTOMER = Cycle("crm.dates.next_customer", ["when am i meeting {name}", "{pname} next visit", "whats the next appt for {name}"])


def gen_dates(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for jid in jobs(d):
        a = install_of(d, jid)
        if a is None:
            continue
        tid, template = INSTALL.pick(rng)
        text = say(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": a["start_date_time"][:10]})], {"job_id": jid, "appointment_id": a["id"]}))
    pool = [j for j in jobs(d) if (a := d.next_appointment(jid=j)) and a["title"] != "Install start"]
    rng.shuffle(pool)
    for jid in pool[:6]:
        a = d.next_appointment(jid=jid)
        assert a is not None
        day, time = be._at(a)
        tid, template = NEXT_JOB.pick(rng)
        text = say(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": day, "time": time})], {"job_id": jid, "appointment_id": a["id"]}))
    people = [c for c in customers(d) if d.next_appointment(cid=c)]
    rng.shuffle(people)
    for cid in people[:5]:
        a = d.next_appointment(cid=cid)
        assert a is not None
        day, time = be._at(a)
        name = cust_ref(d, cid, rng)
        tid, template = NEXT_CUSTOMER.pick(rng)
        text = say(template, {"name": name, "pname": possessive(name)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": day, "time": time})], {"customer_id": cid, "appointment_id": a["id"]}))
    return out


WHEN = {
    # words -> (first day, last day), read from Monday 2026-11-23
    "tues": (MONDAY + DAY,) * 2,
    "next monday": (MONDAY + 7 * DAY,) * 2,
    "dec 9th": (dt.date(2026, 12, 9),) * 2,
    "12/14 thru 12/15": (dt.date(2026, 12, 14), dt.date(2026, 12, 15)),
    "friday the 27th": (dt.date(2026, 11, 27),) * 2,
    "dec 1 - dec 4": (dt.date(2026, 12, 1), dt.date(2026, 12, 4)),
    "the 3rd": (dt.date(2026, 12, 3),) * 2,
    "the week of 11/30": (dt.date(2026, 11, 30), dt.date(2026, 12, 6)),
    "sat": (MONDAY + 5 * DAY,) * 2,
    "dec 15th": (dt.date(2026, 12, 15),) * 2,
    "monday the 7th": (dt.date(2026, 12, 7),) * 2,
}
CALENDAR = Cycle("crm.calendar.all", ["what do we got {when}", "appts {when}", "whats on the schedule {when}", "how many visits are booked {when}", "anything booked {when}?", "whos going where {when}"])
CALENDAR_REP = Cycle("crm.calendar.rep", ["whats on {pname} calendar {when}", "{rep} appts {when}", "is {rep} out anywhere {when}", "where is {rep} {when}"])
CALENDAR_PAST = Cycle("crm.calendar.rep_past", ["what did {rep} have {when}", "where was {rep} {when}"])
# the estimators and the project manager keep most of the calendar
CAL_PEOPLE = {14: ["carlos", "carlos mendes"], 15: ["priya", "priya raman"], 16: ["sullivan", "mike sullivan"], 12: ["dana whitaker", "dana"], 13: ["kevin shea"], 11: ["reed"]}
PAST_WHEN = {"nov 1 - nov 10": (dt.date(2026, 11, 1), dt.date(2026, 11, 10)), "nov 4": (dt.date(2026, 11, 4),) * 2}
CAL_PLAN = [
    (12, "tues"), (16, "the 3rd"), (16, "friday the 27th"), (12, "dec 15th"), (15, "tues"), (14, "nov 1 - nov 10"),
    (16, "monday the 7th"), (13, "12/14 thru 12/15"), (11, "dec 15th"), (13, "tues"), (15, "nov 4"),
]


def gen_calendar(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for when, (first, last) in WHEN.items():
        appts = d.appointments_between(first, last)
        tid, template = CALENDAR.pick(rng)
        text = say(template, {"when": when}, rng)
        out.append(case("crm.calendar", tid, [turn(text, be.calendar_expect(d, appts))], {"from": first.isoformat(), "to": last.isoformat(), "user_id": None}))
    for n, (uid, when) in enumerate(CAL_PLAN):
        first, last = {**WHEN, **PAST_WHEN}[when]
        appts = d.appointments_between(first, last, user=uid)
        rep = CAL_PEOPLE[uid][n % len(CAL_PEOPLE[uid])]
        tid, template = (CALENDAR_PAST if when in PAST_WHEN else CALENDAR_REP).pick(rng)
        text = say(template, {"when": when, "rep": rep, "pname": possessive(rep)}, rng)
        out.append(case("crm.calendar", tid, [turn(text, be.calendar_expect(d, appts))], {"from": first.isoformat(), "to": last.isoformat(), "user_id": uid}))
    return out


REP_JOBS = Cycle("crm.rep_jobs", ["what does {rep} have open", "{pname} open jobs rn", "list everything {rep} has going", "how many open deals does {rep} have", "{pname} active pipeline", "open stuff for {rep}"])
REP_SAY = {11: ["mike reed", "reed", "mike r"], 12: ["dana", "whitaker", "dana whitaker"], 13: ["shea", "kevin shea", "kevin"]}
REP_STAGE = Cycle("crm.rep_jobs.stage", ["how many of {pname} jobs are {stage}", "which of {pname} jobs are in {stage}"])


def gen_rep_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n in range(3):
        for uid in sorted(REP_SAY):
            ids = be.open_jobs_of_rep(d, uid)
            rep = REP_SAY[uid][(n + uid + 1) % 3]
            tid, template = REP_JOBS.pick(rng)
            text = say(template, {"rep": rep, "pname": possessive(rep)}, rng)
            expect: dict[str, Any] = {**CRM, "count": len(ids)}
            if "how many" not in template:
                expect["contains"] = [str(j) for j in ids]
            out.append(case("crm.rep_jobs", tid, [turn(text, expect)], {"user_id": uid, "job_ids": ids}))
    return out


STAGE_LIST = Cycle("crm.stage_jobs", ["how many {stage} jobs do we have, which ones", "list {stage} jobs", "which jobs are {stage} rn", "any jobs in {stage}", "{stage} - which jobs"])
STAGE_SAY = {
    "Lead": "new lead",
    "Estimating": "estimating",
    "Proposal Sent": "proposal sent",
    "Follow Up": "followup",
    "Contract Signed": "signed",
    "Scheduled": "scheduled",
    "In Progress": "in progress",
    "Completed": "completed",
    "Paid & Closed": "paid n closed",
    "Lost": "lost",
}


def gen_stage_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for stage, word in STAGE_SAY.items():
        ids = sorted(j for j in d.jobs if d.stage(j) == stage)
        tid, template = STAGE_LIST.pick(rng)
        text = say(template, {"stage": word}, rng)
        out.append(case("crm.stage_jobs", tid, [turn(text, {**CRM, "count": len(ids), "contains": [str(j) for j in ids]})], {"stage": stage, "job_ids": ids}))
    # one rep's jobs in one stage
    for uid, stage in [(11, "Scheduled"), (12, "Estimating"), (13, "In Progress"), (11, "Follow Up")]:
        ids = sorted(j for j, job in d.jobs.items() if uid in job["rep_ids"] and d.stage(j) == stage)
        rep = REP_SAY[uid][1]
        tid, template = REP_STAGE.pick(rng)
        text = say(template, {"pname": possessive(rep), "stage": STAGE_SAY[stage]}, rng)
        expect: dict[str, Any] = {**CRM, "count": len(ids)}
        if "which" in template:
            expect["contains"] = [str(j) for j in ids]
        out.append(case("crm.stage_jobs", tid, [turn(text, expect)], {"stage": stage, "user_id": uid, "job_ids": ids}))
    return out


# ------------------------------------------------------------------------------------------
# single questions: knowledge, analysis, pricing, the other specialists
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the document[, other documents that answer it
# as well])
KNOWLEDGE: list[tuple[Any, ...]] = [
    ("OBJECTION_HANDLING/price_objection.md", "how do i break down a 16,800 roof into a monthly number for them", "$47 a month"),
    ("OBJECTION_HANDLING/price_objection.md", "is it ok to do the let me call my manager thing when they balk at the price", "theatre move", ["PRICING_STRATEGIES/discounts_and_promotions_policy.md"]),
    ("OBJECTION_HANDLING/objection_handling_framework.md", "in the objection framework what kind of question do i ask in the ask step", "what were you expecting"),
    ("OBJECTION_HANDLING/spouse_not_present.md", "at booking how do i make sure both spouses are at the appt", "both be there", ["CORE_KNOWLEDGE/sales_methodology.md"]),
    ("OBJECTION_HANDLING/getting_three_quotes.md", "we're the 3rd company they've seen, what do i ask for", "which one do you feel best about"),
    ("OBJECTION_HANDLING/financing_questions.md", "homeowner asks whats the interest rate on financing what do i tell them", "lender's approval"),
    ("OBJECTION_HANDLING/need_to_think_about_it.md", "what should i never do when they stall and say they need to think", "disappearing discount"),
    ("OBJECTION_HANDLING/handyman_or_diy.md", "guy says his nephew will do the reroof, how much weight is a tear off", "four to six tons"),
    ("OBJECTION_HANDLING/handyman_or_diy.md", "should i bash the handyman they mentioned", "thanksgiving"),
    ("OBJECTION_HANDLING/waiting_until_next_season.md", "they want to wait, whats the first question i should ask", "timing of the money"),
    ("OBJECTION_HANDLING/waiting_until_next_season.md", "can a customer lock in this years price for a spring start", "reserve a spot"),
    ("CUSTOMER_PSYCHOLOGY/buyer_personality_types.md", "husband is a numbers guy and the wife is all about feelings how do i present to both", "the data for one", ["CUSTOMER_PSYCHOLOGY/couples_and_shared_decisions.md"]),
    ("CUSTOMER_PSYCHOLOGY/trust_with_elderly_homeowners.md", "what if an older homeowner seems confused about the contract", "stop the sales process"),
    ("CUSTOMER_PSYCHOLOGY/trust_with_elderly_homeowners.md", "should i leave printed stuff for older customers or just show the tablet", "readable print"),
    ("CUSTOMER_PSYCHOLOGY/couples_and_shared_decisions.md", "how do i give a couple room to talk it over without me there", "step outside"),
    ("CUSTOMER_PSYCHOLOGY/buying_signals_and_body_language.md", "whats the biggest mistake after they show a buying signal", "keep presenting"),
    ("SCRIPT_TEMPLATES/appointment_confirmation_call.md", "on the confirmation call they need to reschedule, what do i offer", "two specific alternatives"),
    ("SCRIPT_TEMPLATES/appointment_confirmation_call.md", "voicemail for the confirmation call the day before", "no need to call back"),
    ("SCRIPT_TEMPLATES/standard_sales_script.md", "whats the line in the script where i recommend one of the options", "if it were my house"),
    ("SCRIPT_TEMPLATES/follow_up_and_voicemail_templates.txt", "text template to ask a happy customer for referrals", "grateful for the introduction"),
    ("SCRIPT_TEMPLATES/follow_up_and_voicemail_templates.txt", "whats the opener for the day 2 follow up call", "i promised i'd call", ["CORE_KNOWLEDGE/follow_up_process.md"]),
    ("SCRIPT_TEMPLATES/primer_video_script_template.md", "how many words should a primer video script be", "180 to 240"),
    ("CORE_KNOWLEDGE/crm_and_lead_handling.txt", "what goes in the note after every appt", "main objection"),
    ("CORE_KNOWLEDGE/crm_and_lead_handling.txt", "can i text a customers cell number to my personal phone", "group chats"),
    ("CORE_KNOWLEDGE/in_home_presentation_steps.md", "how many photos should i take on an inspection", "twenty to forty"),
    ("CORE_KNOWLEDGE/in_home_presentation_steps.md", "is it ok to park in the driveway at an appt", "park on the street"),
    ("CORE_KNOWLEDGE/first_five_minutes.md", "where should i sit when they bring me to the kitchen", "head of the table"),
    ("CORE_KNOWLEDGE/roof_inspection_checklist.md", "how do i tell if the roof has two layers of shingles", "lift an edge at the rake"),
    ("CORE_KNOWLEDGE/roof_inspection_checklist.md", "from the ground what shows me theres been ice dams", "staining on fascia"),
    ("CORE_KNOWLEDGE/company_story.md", "how many install crews do we run", "eleven"),
    ("CORE_KNOWLEDGE/company_story.md", "who founded summit ridge", "dellarosa"),
    ("CORE_KNOWLEDGE/company_story.md", "what share of our jobs come from referrals and repeat customers", "38 percent"),
    ("CORE_KNOWLEDGE/follow_up_process.md", "when do i stop following up and what do i mark the job", "follow-up later"),
    ("CORE_KNOWLEDGE/after_the_contract_is_signed.md", "how long does it take to get a roofing permit usually", "one to two weeks"),
    ("CORE_KNOWLEDGE/sales_methodology.md", "what 4 numbers do directors coach to", "appointments run"),
    ("CORE_KNOWLEDGE/sales_methodology.md", "whats a strong reps closing rate", "above 50 percent"),
    ("PRODUCT_KNOWLEDGE/gutters_and_gutter_guards.md", "how far apart do we space gutter hangers", "24 inches"),
    ("PRODUCT_KNOWLEDGE/gutters_and_gutter_guards.md", "do we put in foam gutter inserts", "do not recommend"),
    ("PRODUCT_KNOWLEDGE/roof_ventilation.md", "what do i look for in the attic that says bad ventilation", "rusty nail tips"),
    ("PRODUCT_KNOWLEDGE/replacement_windows.md", "house was built in 1965 anything special about doing the windows", "lead-safe"),
    ("PRODUCT_KNOWLEDGE/replacement_windows.md", "how much will new windows cut their heating bill", "10 to 15 percent"),
    ("PRODUCT_KNOWLEDGE/underlayment_and_drip_edge.md", "when does a chimney need a cricket", "30 inches"),
    ("PRODUCT_KNOWLEDGE/asphalt_shingles.md", "what are the most popular shingle colors around here", "charcoal"),
    ("PRODUCT_KNOWLEDGE/warranties.md", "how fast do we get out on a warranty call", "two business days"),
    ("PRODUCT_KNOWLEDGE/fiber_cement_siding.md", "hardie dust when cutting, what do we tell the homeowner", "silica"),
    ("PRODUCT_KNOWLEDGE/ice_and_water_shield.md", "how many rows of ice and water at the eaves on a normal house", "two courses"),
    ("PRODUCT_KNOWLEDGE/vinyl_siding.md", "why do we hang vinyl loose, how much does a panel move", "half an inch"),
    ("PRICING_STRATEGIES/discounts_and_promotions_policy.md", "can i stack the senior and military discounts", "do not combine"),
    ("PRICING_STRATEGIES/discounts_and_promotions_policy.md", "customer has a lower quote, do we price match", "written quote"),
    ("PRICING_STRATEGIES/financing_programs.md", "ballpark monthly on 20k over 144 months", "$252"),
    ("PRICING_STRATEGIES/good_better_best_packages.md", "whats in the essential siding package", ".044"),
    ("PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf", "can they put the deposit on a credit card", "5,000"),
    ("PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf", "they cancel inside the 3 days do they get the deposit back", "refunded in full"),
    ("PRICING_STRATEGIES/presenting_the_price.md", "what do i do right after i show the price", "first person to speak"),
    ("PRICING_STRATEGIES/presenting_the_price.md", "ballpark per foot for seamless gutters if they push", "$14 to $22"),
    ("PROJECTS/Maple_Hollow_Estates/hoa_exterior_guidelines.md", "what siding colors can i show in maple hollow", "harbor gray"),
    ("PROJECTS/Maple_Hollow_Estates/hoa_exterior_guidelines.md", "where does the dumpster go on a maple hollow job", "plywood"),
    ("PROJECTS/Maple_Hollow_Estates/project_notes.md", "what do we usually find on the maple hollow houses", "box vents"),
    ("PROJECTS/Brookside_Commons/condo_association_rules.md", "how many units are in brookside commons", "64-unit"),
]


def knowledge_expect(d: Data, doc: str, phrase: str | None, also: list[str] | None = None) -> dict[str, Any]:
    expect = be.knowledge_expect(d, doc, phrase)
    for other in also or []:
        expect["any_of"] += be.knowledge_expect(d, other, None)["any_of"]
    return expect


def gen_knowledge(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (doc, question, phrase, *more) in enumerate(KNOWLEDGE):
        also: list[str] = more[0] if more else []
        expect = knowledge_expect(d, doc, phrase, also)
        subject: dict[str, Any] = {"doc": doc, "phrase": phrase}
        if also:
            subject["also"] = also
        out.append(case("knowledge", f"dev3:knowledge/{doc}#{n}", [turn(say(question, {}, rng), expect)], subject))
    return out


CLOSED = ("closed_first_visit", "closed_follow_up")


def calls_where(d: Data, where: dict[str, Any]) -> list[dict[str, Any]]:
    """The director's calls that match every filter: trade, outcome (any of), situation, rep on
    the call (None: Rachel alone), town, state, year, objection category, technique."""
    out = []
    for call in d.calls:
        if "trade" in where and call["trade"] != where["trade"]:
            continue
        if "outcome" in where and call["outcome"] not in where["outcome"]:
            continue
        if "situation" in where and where["situation"] not in call["situations"]:
            continue
        if "rep" in where and call["rep_on_call"] != where["rep"]:
            continue
        if "town" in where and call["town"] != where["town"]:
            continue
        if "state" in where and call["state"] != where["state"]:
            continue
        if "year" in where and call["date"][:4] != where["year"]:
            continue
        if "objection" in where and not any(o["category"] == where["objection"] for o in call["objections"]):
            continue
        if "technique" in where and where["technique"] not in call["techniques"]:
            continue
        out.append(call)
    return out


def analysis_figure(d: Data, measure: str, where: dict[str, Any]) -> float:
    """The figure a question asks for. Close rate: closed (first visit or follow-up) over every
    call of the group; averages over the group's calls (closed ones for deal size, the ones
    with a follow-up for the days to it)."""
    calls = calls_where(d, where)
    if measure == "count":
        return len(calls)
    if measure == "close_rate":
        return round(100 * sum(c["outcome"] in CLOSED for c in calls) / len(calls), 2)
    if measure == "first_visit_rate":
        return round(100 * sum(c["outcome"] == "closed_first_visit" for c in calls) / len(calls), 2)
    if measure == "avg_deal_closed":
        won = [c for c in calls if c["outcome"] in CLOSED]
        return round(sum(c["deal_value"] for c in won) / len(won), 2)
    if measure == "avg_minutes":
        return round(sum(c["total_minutes"] for c in calls) / len(calls), 2)
    if measure == "avg_follow_up_days":
        days = [c["follow_up_days"] for c in calls if c["follow_up_days"] is not None]
        return round(sum(days) / len(days), 2)
    if measure.startswith("phase:"):
        phase = measure.split(":", 1)[1]
        return round(sum(c["phase_timings"][phase] for c in calls) / len(calls), 2)
    raise ValueError(measure)


def analysis_expect(measure: str, value: float) -> dict[str, Any]:
    if measure == "count":
        return {"agent": "analysis", "count": int(value)}
    if measure in ("close_rate", "first_visit_rate"):
        return {"agent": "analysis", "percent": value}
    if measure == "avg_deal_closed":
        return {"agent": "analysis", "money": {"value": value, "tol": 1.0}}
    return {"agent": "analysis", "number": {"value": value, "tol": 0.5}}


# (question, measure, where)
ANALYSIS: list[tuple[str, str, dict[str, Any]]] = [
    ("how many of rachels ride alongs were in quincy", "count", {"town": "Quincy"}),
    ("director calls in natick, how many", "count", {"town": "Natick"}),
    ("how many of the director calls were in rhode island", "count", {"state": "RI"}),
    ("how many calls did rachel do up in new hampshire", "count", {"state": "NH"}),
    ("how many of the director calls are from 2025", "count", {"year": "2025"}),
    ("on how many calls did she get the spouse on facetime", "count", {"technique": "Spouse on FaceTime"}),
    ("how many calls used the insurance claim walk through", "count", {"technique": "Insurance claim walk-through"}),
    ("takeaway close, how many of the calls used it", "count", {"technique": "Takeaway close"}),
    ("how many calls did rachel run with no rep along", "count", {"rep": None}),
    ("how many roofing calls was dana on", "count", {"rep": "Dana Whitaker", "trade": "roofing"}),
    ("how many calls had a trust objection", "count", {"objection": "trust"}),
    ("timing objections came up on how many of the director calls", "count", {"objection": "timing"}),
    ("repair vs replace objection, on how many calls", "count", {"objection": "repair_vs_replace"}),
    ("how many calls had a homeowner planning to sell soon as an objection", "count", {"objection": "selling_soon"}),
    ("how many of the calls were about an aging system", "count", {"situation": "aging_system"}),
    ("how many calls had a bad past contractor", "count", {"situation": "bad_past_contractor"}),
    ("how many director calls were with new homeowners", "count", {"situation": "new_homeowners"}),
    ("how many calls had a tight budget", "count", {"situation": "budget_tight"}),
    ("how many roofing calls ended with no decision", "count", {"trade": "roofing", "outcome": ("no_decision",)}),
    ("how many of the director calls did we lose, price or competitor", "count", {"outcome": ("lost_price", "lost_competitor")}),
    ("how many window calls closed on the first visit", "count", {"trade": "windows", "outcome": ("closed_first_visit",)}),
    ("storm damage roofing calls how many", "count", {"trade": "roofing", "situation": "storm_damage"}),
    ("whats danas close rate on the calls rachel rode along on", "close_rate", {"rep": "Dana Whitaker"}),
    ("close rate on the calls with an elderly homeowner", "close_rate", {"situation": "elderly_homeowner"}),
    ("when financing came up as an objection what % closed", "close_rate", {"objection": "financing"}),
    ("close rate when there was a spouse objection", "close_rate", {"objection": "spouse"}),
    ("kevins first visit close rate on the director calls", "first_visit_rate", {"rep": "Kevin Shea"}),
    ("what % of calls with the spouse not there closed on the first visit", "first_visit_rate", {"situation": "spouse_not_present"}),
    ("avg minutes on the inspection for siding calls", "phase:inspection", {"trade": "siding"}),
    ("how long is the average director call in minutes", "avg_minutes", {}),
    ("average closed deal size across all of rachels calls", "avg_deal_closed", {}),
    ("avg deal value on the deals kevin closed with rachel", "avg_deal_closed", {"rep": "Kevin Shea"}),
    ("on the ones that closed on a follow up how many days later on average", "avg_follow_up_days", {"outcome": ("closed_follow_up",)}),
]


def gen_analysis(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (question, measure, where) in enumerate(ANALYSIS):
        value = analysis_figure(d, measure, where)
        subject = {"measure": measure, "where": {k: list(v) if isinstance(v, tuple) else v for k, v in where.items()}}
        out.append(case("analysis", f"dev3:analysis/{n}", [turn(say(question, {}, rng), analysis_expect(measure, value))], subject))
    return out


# (sku, how the rep says it, what is asked)
PRICE_ASKS: list[tuple[str, str, str]] = [
    ("RF-SH-DES", "designer shake shingles", "price"),
    ("RF-NL", "coil roofing nails", "price"),
    ("SD-OC", "vinyl outside corner post", "price"),
    ("SD-SS", "vinyl starter strip", "cost"),
    ("SD-FC-TR", "hardie trim board", "price"),
    ("SD-NL", "box of siding nails", "cost"),
    ("GT-HR6", "6 inch half round gutter", "price"),
    ("GT-DS23", "2x3 downspout", "price"),
    ("GT-DSR3", "3 inch round downspout", "cost"),
    ("GT-EL34", "3x4 elbow", "price"),
    ("GT-HG6", "6 inch hidden hanger", "price"),
    ("GT-HGR", "half round bracket", "cost"),
    ("RF-SH-DES", "designer shake", "labour"),
    ("WN-DH-FG", "fiberglass dh window", "labour"),
    ("GT-K5", "5 inch k-style gutter", "labour"),
    ("SD-FC-PR", "hardieplank", "supplier"),
    ("WN-DH", "vinyl double hungs", "supplier"),
    ("GT-K6", "6 inch k style", "supplier"),
    ("WN-DH-FG", "fiberglass dh window", "margin"),
    ("SD-VN-MC", "carvedwood siding", "margin"),
]
PRICE = Cycle("pricing.price", ["{item} price?", "what do we charge per {item}", "sell price on {item}", "how much r {item}"])
COST = Cycle("pricing.cost", ["what r we paying for {item}", "our cost on {item}", "{item} cost to us"])
LABOUR = Cycle("pricing.labour", ["whats the install labor on {item}", "labor rate for {item}?"])
SUPPLIER = Cycle("pricing.supplier", ["who do we buy {item} from", "which supplier for {item}"])
MARGIN = Cycle("pricing.margin", ["gross margin on {item}?", "whats our margin % on {item}"])
# (sku, how it is said, quantity, unit word)
TOTALS = [("WN-DH", "vinyl double hungs", 14, ""), ("GT-K6", "6 inch k style gutter", 180, "ft of "), ("RF-DE", "drip edge", 40, "pieces of "), ("RF-RV", "ridge vent", 12, "pieces of ")]
# the catalog's sell price times the quantity, not an installed estimate
TOTAL = Cycle("pricing.total", ["{qty} {unit}{item} at our sell price each, what does that come to", "what would {qty} {unit}{item} run at list price, just the product", "{qty} {unit}{item} x our price each, total?"])
SQUARES = Cycle("pricing.squares", ["{area} sqft footprint {rise}/12 how many sq", "squares for a {rise}/12 roof on a {area} sq ft house", "{area} sq ft, {rise} pitch, squares?"])
WASTE = Cycle("pricing.waste", ["{area} sq ft footprint at {rise}/12 plus {waste}% waste, how many squares", "squares w {waste}% waste: {area} sqft footprint {rise}/12"])
BUNDLES = Cycle("pricing.bundles", ["how many bundles of {item} for {squares} sq", "{squares} squares in {item}, bundles?"])
ROLLS = Cycle("pricing.rolls", ["how many {unit}s of {item} for {need}", "{item} for {need}, how many {unit}s"])


def gen_pricing(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    cycles = {"price": PRICE, "cost": COST, "labour": LABOUR, "supplier": SUPPLIER, "margin": MARGIN}
    for code, name, what in PRICE_ASKS:
        row = be.sku(d, code)
        tid, template = cycles[what].pick(rng)
        text = say(template, {"item": name}, rng)
        out.append(case("pricing", tid, [turn(text, ds.catalog_expect(row, what))], {"sku": code, "field": what}))
    for code, name, qty, unit in TOTALS:
        row = be.sku(d, code)
        tid, template = TOTAL.pick(rng)
        text = say(template, {"qty": str(qty), "unit": unit, "item": name}, rng)
        out.append(case("pricing", tid, [turn(text, {"agent": "pricing", "money": round(qty * float(row["price"]), 2)})], {"sku": code, "field": "total", "quantity": qty}))
    for area, rise in [(2300, 7), (1350, 9), (2800, 4)]:
        tid, template = SQUARES.pick(rng)
        text = say(template, {"area": f"{area:,}" if area > 2000 else str(area), "rise": str(rise)}, rng)
        out.append(case("pricing", tid, [turn(text, {"agent": "pricing", "number": {"value": be.roof_squares(area, rise), "tol": 1.0, "unit": ["sq", "square"]}})], {"footprint": area, "rise": rise}))
    for area, rise, waste in [(2200, 7, 10), (1600, 8, 12)]:
        tid, template = WASTE.pick(rng)
        text = say(template, {"area": str(area), "rise": str(rise), "waste": str(waste)}, rng)
        value = round(be.roof_squares(area, rise) * (1 + waste / 100), 2)
        out.append(case("pricing", tid, [turn(text, {"agent": "pricing", "number": {"value": value, "tol": 1.0, "unit": ["sq", "square"]}})], {"footprint": area, "rise": rise, "waste": waste}))
    for code, name, squares in [("RF-SH-DUR", "oc duration", 19), ("RF-SH-HDZ", "timberline", 42), ("RF-SH-DES", "designer shakes", 15)]:
        row = be.sku(d, code)
        tid, template = BUNDLES.pick(rng)
        text = say(template, {"item": name, "squares": str(squares)}, rng)
        out.append(case("pricing", tid, [turn(text, {"agent": "pricing", "count": squares * be.per_square(row)})], {"sku": code, "squares": squares}))
    # purchase units for a need: rolls of underlayment, pieces of drip edge or guard
    for code, name, need, amount, unit in [("RF-UL-SYN", "synthetic underlayment", "34 squares", 34, "roll"), ("RF-IW", "ice and water", "9 squares", 9, "roll"), ("RF-DE", "drip edge", "230 ft", 230, "piece"), ("GT-GD5", "5 inch gutter guard", "120 ft", 120, "piece")]:
        row = be.sku(d, code)
        tid, template = ROLLS.pick(rng)
        text = say(template, {"item": name, "need": need, "unit": unit}, rng)
        count = math.ceil(amount / float(Fraction(row["coverage"])))
        out.append(case("pricing", tid, [turn(text, {"agent": "pricing", "count": count})], {"sku": code, "need": amount, "need_unit": row["coverage_unit"]}))
    return out


WEB = [
    "search online for gaf shingle price increases coming in 2027",
    "look up the mass hic registration lookup website",
    "whats the snow forecast for worcester this weekend, look it up",
    "google if insurance companies in ma give discounts for class 4 shingles",
    "search the web for dumpster permit rules in quincy",
    "find online reviews for bay state roofing co",
    "check online if englert changed their gutter guard warranty",
    "what are home equity loan rates right now, search online",
    "look up online which insulated vinyl siding brands have the best r value",
    "web search best time of year to replace windows in new england",
    "google whether natick needs a permit for new gutters",
    "search the internet for storm damage reports in plymouth ma last night",
]


def gen_web(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return [case("web_search", f"dev3:web_search/{n}", [turn(say(t, {}, rng), {"agent": "web_search"})], {}) for n, t in enumerate(WEB)]


SCRIPT_NAME = Cycle("scripting.name", [
    "write me a sales script for my appt w {name}",
    "primer video script for {name} pls",
    "can u draft the primer vid for {name}",
    "i need a talk track for {name} tmrw, sales script",
])
SCRIPT_JOB = Cycle("scripting.job", ["primer script for {job}", "make a sales script for {job}", "draft the primer video for {job}"])


def gen_scripting(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for cid in rng.sample(customers(d), 8):
        tid, template = SCRIPT_NAME.pick(rng)
        text = say(template, {"name": cust_ref(d, cid, rng)}, rng)
        out.append(case("scripting", tid, [turn(text, {"agent": "scripting", "contains": [d.customers[cid]["last_name"]]})], {"customer_id": cid}))
    for jid in rng.sample(open_jobs(d), 6):
        cid = d.jobs[jid]["customer_id"]
        tid, template = SCRIPT_JOB.pick(rng)
        text = say(template, {"job": rng.choice(number_refs(d, jid))}, rng)
        out.append(case("scripting", tid, [turn(text, {"agent": "scripting", "contains": [d.customers[cid]["last_name"]]})], {"customer_id": cid, "job_id": jid}))
    return out


NEW_PEOPLE = [
    ("Leopold", "Strand"), ("Octavia", "Merriweather"), ("Barnaby", "Kwan"), ("Henrietta", "Osei"),
    ("Rufus", "Calloway"), ("Priscilla", "Dunleavy"), ("Cyrus", "Halvorsen"), ("Ottilie", "Brandt"),
    ("Jasper", "Quintero"), ("Esme", "Radcliffe"), ("Florian", "Mbeki"), ("Wilhelmina", "Sato"),
]
NEW_STREETS = ["18 Larch Rd", "302 Wachusett St", "7 Heron Cove", "54 Stagecoach Rd", "129 Pleasant St"]
NEW_TOWNS = ["Westborough", "Holden", "Hopkinton", "Millis", "Stow"]
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
NEW = Cycle("new_clients", [
    "new customer {first} {last} {phone} {street} {town} needs {trade}",
    "add a new lead pls {first} {last} cell is {phone} lives at {street} {town}",
    "just met {first} {last} at the home show, {phone}, {email}, wants {trade}",
    "create customer {first} {last}, phone {phone}, email {email}, {street}, {town} MA",
    "new homeowner {first} {last} number {phone} interested in {trade}",
    "put in a new customer: {first} {last} {phone} {trade} at {street}",
])


def spelled(digits: str) -> str:
    words = [DIGIT_WORDS[int(ch)] for ch in digits]
    return f"{' '.join(words[:3])}, {' '.join(words[3:6])}, {' '.join(words[6:])}"


def gen_new_clients(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (first, last) in enumerate(NEW_PEOPLE):
        assert not any(c["first_name"] == first or c["last_name"] == last for c in d.customers.values())
        digits = f"{['508', '774', '978', '617'][n % 4]}555{4200 + n * 61:04d}"
        phone = spelled(digits) if n % 3 == 1 else be._phone_text(digits, rng)
        email = f"{first.lower()}.{last.lower()}@gmail.com"
        email_said = email if n % 2 == 0 else f"{first.lower()} dot {last.lower()} at gmail dot com"
        trade = rng.choice(["a new roof", "vinyl siding", "gutters and guards", "5 windows", "a roof estimate", "fiber cement siding"])
        slots = {"first": first, "last": last, "phone": phone, "email": email_said, "street": rng.choice(NEW_STREETS), "town": rng.choice(NEW_TOWNS), "trade": trade}
        tid, template = NEW.pick(rng)
        text = say(template, slots, rng)
        expect: dict[str, Any] = {"agent": "new_clients", "contains": [first, last], "phone": digits}
        if "{email}" in template and email_said == email:
            expect["contains"].append(email)
        out.append(case("new_clients", tid, [turn(text, expect)], {"first_name": first, "last_name": last, "phone": digits, "phone_spelled": n % 3 == 1}))
    return out


def gen_bad_input(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, text in enumerate(["jjjjjjjj", "qwe rty uio", "??? ???", "asdf;lkj", ".,.,.,"]):
        out.append(case("bad_input", f"dev3:bad_input.gibberish/{n}", [turn(text, dict(NO_FORM))], {"kind": "gibberish"}))
    for n, text in enumerate(["whats her number", "and the balance on it?", "who's the rep on that one"]):
        out.append(case("bad_input", f"dev3:bad_input.focusless/{n}", [turn(text, {**NO_FORM, "not_contains": [SEED_PHONE_PREFIX]})], {"kind": "nothing in focus"}))
    for n, text in enumerate(["cell for wilbur featherstonehaugh", "whats the status on the zabrowski roof"]):
        out.append(case("bad_input", f"dev3:bad_input.nobody/{n}", [turn(text, {**NO_FORM, "not_contains": [SEED_PHONE_PREFIX]})], {"kind": "unknown name"}))
    for n, (text, number) in enumerate([("notes on 2044", 2044), ("what stage is job 1065", 1065), ("#8080 balance?", 8080)]):
        assert number not in d.jobs and not any(j["number"].endswith(f"-{number}") for j in d.jobs.values())
        expect = {**NO_FORM, "contains": [str(number)], "not_contains": be.JOB_NUMBER_PREFIXES}
        out.append(case("bad_input", f"dev3:bad_input.missing_job/{n}", [turn(text, expect)], {"kind": "unknown job", "job": number}))
    paste = " ".join(rng.choice(["customer", "wants", "the", "roof", "done", "before", "winter", "call", "back", "pls"]) for _ in range(1800))
    out.append(case("bad_input", "dev3:bad_input.paste/words", [turn(paste, {**NO_FORM, "max_seconds": 5.0})], {"kind": f"{len(paste):,} characters of words"}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: follow-ups
# ------------------------------------------------------------------------------------------

OPEN = ["pull {job} up", "open {job} for me", "lookup {job}", "get me {job}"]


def open_turn(d: Data, jid: int, rng: random.Random) -> dict[str, Any]:
    text = say(rng.choice(OPEN), {"job": job_ref(d, jid, rng)}, rng)
    return turn(text, {**CRM, "contains": [d.stage(jid)]})


def status_turn(d: Data, jid: int, rng: random.Random, ref: str | None = None) -> dict[str, Any]:
    text = say(rng.choice(STATUS.templates), {"job": ref or job_ref(d, jid, rng)}, rng)
    return turn(text, {**CRM, "contains": [d.stage(jid)]})


def ask_turn(d: Data, templates: list[str], kind: str, cid: int, jid: int | None, rng: random.Random, **slots: str) -> dict[str, Any]:
    expect = fact(d, kind, cid, jid)
    assert expect is not None, (kind, cid, jid)
    return turn(say(rng.choice(templates), {**pron(d, cid), **slots}, rng), expect)


def gen_followup(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    people = customers(d)
    live = live_jobs(d)
    used: set[int] = set()

    def fresh(cids: list[int]) -> int:
        cid = rng.choice([c for c in cids if c not in used] or cids)
        used.add(cid)
        return cid

    def pick_job(cond: Any) -> int:
        fits = [j for j in live if cond(j)]
        cid = fresh(sorted({d.jobs[j]["customer_id"] for j in fits}))
        return rng.choice([j for j in fits if d.jobs[j]["customer_id"] == cid])

    def add(shape: str, turns: list[dict[str, Any]], subject: dict[str, Any]) -> None:
        assert all(t.get("expect") for t in turns), shape
        out.append(case("followup", f"dev3:followup.{shape}", turns, subject))

    def name_slots(cid: int) -> dict[str, str]:
        name = cust_ref(d, cid, rng)
        return {"name": name, "pname": possessive(name)}

    for n in range(28):
        shape = n % 14
        if shape == 0:  # phone, her email, where she lives
            cid = fresh(people)
            add("contact_chain", [
                turn(say(rng.choice(CONTACT["phone"].templates), name_slots(cid), rng), fact(d, "phone", cid)),
                ask_turn(d, ["and {pos} email?", "email for {obj} too"], "email", cid, None, rng),
                ask_turn(d, ["where does {subj} live", "{pos} address too"], "address", cid, None, rng),
            ], {"customer_id": cid})
        elif shape == 1:  # the job, who's the rep on that, what they owe
            jid = pick_job(lambda j: d.fully_invoiced(j))
            cid = d.jobs[jid]["customer_id"]
            add("rep_then_owe", [
                status_turn(d, jid, rng),
                ask_turn(d, ["who's the rep on that", "whos the rep there"], "rep", cid, jid, rng),
                ask_turn(d, ["what do they owe", "hows the balance on it"], "balance", cid, jid, rng),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 2:  # what about the other job, and its rep
            two = [c for c in people if len(d.jobs_of(c)) == 2 and not any(j["archived"] for j in d.jobs_of(c))]
            cid = fresh(two)
            a, b = (j["id"] for j in d.jobs_of(cid))
            if rng.random() < 0.5:
                a, b = b, a
            add("other_job", [
                status_turn(d, a, rng, rng.choice(number_refs(d, a))),
                turn(say(rng.choice(["what about the other job", "and {pos} other one?", "the other job?"]), pron(d, cid), rng), fact(d, "stage", cid, b)),
                ask_turn(d, ["whos the rep on it", "and who has that one"], "rep", cid, b, rng),
            ], {"customer_id": cid, "job_id": a, "other_job_id": b})
        elif shape == 3:  # pull up the customer, when's the install
            jid = pick_job(lambda j: install_of(d, j) is not None and len(d.jobs_of(d.jobs[j]["customer_id"])) == 1)
            cid = d.jobs[jid]["customer_id"]
            add("install", [
                turn(say(rng.choice(["pull up {name}", "bring up {name}"]), name_slots(cid), rng), {**CRM, "contains": [d.stage(jid)]}),
                ask_turn(d, ["when's the install", "install date?"], "install", cid, jid, rng),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 4:  # the job, and the last note
            jid = pick_job(lambda j: bool(d.notes_of(j)))
            cid = d.jobs[jid]["customer_id"]
            add("status_then_note", [
                status_turn(d, jid, rng),
                ask_turn(d, ["and the last note", "latest note?", "any notes on it"], "note", cid, jid, rng),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 5:  # contract, paid, what's left
            jid = pick_job(lambda j: d.fully_invoiced(j) and d.money_facts(j)["balance"] > 0)
            cid = d.jobs[jid]["customer_id"]
            add("money_chain", [
                turn(say(rng.choice(MONEY["contract"].templates), {"job": job_ref(d, jid, rng)}, rng), fact(d, "contract", cid, jid)),
                ask_turn(d, ["how much have they paid", "paid so far?"], "paid", cid, jid, rng),
                ask_turn(d, ["so whats left", "and the balance"], "balance", cid, jid, rng),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 6:  # email, then the phone said bare
            cid = fresh(people)
            add("email_then_phone", [
                turn(say(rng.choice(CONTACT["email"].templates), name_slots(cid), rng), fact(d, "email", cid)),
                ask_turn(d, ["phone too", "and the cell"], "phone", cid, None, rng),
            ], {"customer_id": cid})
        elif shape == 7:  # next appointment, then the address there
            cid = fresh([c for c in people if d.next_appointment(cid=c)])
            a = d.next_appointment(cid=cid)
            assert a is not None
            add("next_then_address", [
                turn(say(rng.choice(NEXT_CUSTOMER.templates), name_slots(cid), rng), fact(d, "next", cid)),
                ask_turn(d, ["whats the address there", "where is that"], "address", cid, None, rng),
            ], {"customer_id": cid, "appointment_id": a["id"]})
        elif shape == 8:  # the job, who's the homeowner, their cell
            jid = pick_job(lambda j: True)
            cid = d.jobs[jid]["customer_id"]
            add("homeowner_cell", [
                open_turn(d, jid, rng),
                ask_turn(d, ["whos the homeowner on that", "who's the customer"], "customer", cid, jid, rng),
                ask_turn(d, ["their cell", "number for them"], "phone", cid, None, rng),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 9:  # the same field for another customer
            cid = fresh([c for c in people if d.unique_last(c)])
            other = fresh([c for c in people if d.unique_last(c) and c != cid])
            field = rng.choice(["phone", "address"])
            first = CONTACT[field].templates
            add("same_for_other", [
                turn(say(rng.choice(first), name_slots(cid), rng), fact(d, field, cid)),
                turn(say(rng.choice(["and {other}?", "same for {other}", "what about {other}"]), {"other": d.full(other).lower()}, rng), fact(d, field, other)),
            ], {"customer_id": cid, "other_customer_id": other, "field": field})
        elif shape == 10:  # one trade, then the other trade, then its rep
            def two_trades(j: int) -> bool:
                cid_ = d.jobs[j]["customer_id"]
                mine = set(d.trades(j)) & set(MAIN_TRADES)
                others = [k["id"] for k in d.jobs_of(cid_) if k["id"] != j and not k["archived"] and not (set(d.trades(k["id"])) & mine)]
                return len(mine) == 1 and len(others) == 1 and len(d.jobs_by_customer_trade(cid_, next(iter(mine)))) == 1
            jid = pick_job(two_trades)
            cid = d.jobs[jid]["customer_id"]
            trade = next(iter(set(d.trades(jid)) & set(MAIN_TRADES)))
            other_job = next(k["id"] for k in d.jobs_of(cid) if k["id"] != jid and not k["archived"] and not (set(d.trades(k["id"])) & {trade}))
            other_trade = next(t for t in d.trades(other_job) if t in MAIN_TRADES and t != trade)
            c = d.customers[cid]
            add("trade_switch", [
                status_turn(d, jid, rng, f"{c['first_name']} {c['last_name']} {WORD[trade]}"),
                turn(say(rng.choice(["what about the {trade}", "and the {trade} job?"]), {"trade": WORD[other_trade]}, rng), fact(d, "stage", cid, other_job)),
                ask_turn(d, ["and the rep on that one", "who sold that one"], "rep", cid, other_job, rng),
            ], {"customer_id": cid, "job_id": jid, "other_job_id": other_job})
        elif shape == 11:  # the deposit, then the proposal
            jid = pick_job(lambda j: "deposit" in d.money_facts(j) and "proposal" in d.money_facts(j) and d.money_facts(j)["deposit"] != d.money_facts(j)["proposal"])
            cid = d.jobs[jid]["customer_id"]
            add("deposit_then_proposal", [
                turn(say(rng.choice(MONEY["deposit"].templates), {"job": job_ref(d, jid, rng)}, rng), fact(d, "deposit", cid, jid)),
                ask_turn(d, ["and what was the proposal", "what did we quote them"], "proposal", cid, jid, rng),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 12:  # the customer's rep, then the next appointment
            cid = fresh([c for c in people if d.next_appointment(cid=c) and fact(d, "customer_rep", c)])
            add("rep_then_next", [
                turn(say(rng.choice(CUSTOMER_REP.templates), name_slots(cid), rng), fact(d, "customer_rep", cid)),
                ask_turn(d, ["{pos} next appt when", "when r we seeing {obj} next"], "next", cid, None, rng),
            ], {"customer_id": cid})
        else:  # fields said bare: "email?", "phone?"
            cid = fresh(people)
            add("bare_fields", [
                turn(say(rng.choice(CONTACT["address"].templates), name_slots(cid), rng), fact(d, "address", cid)),
                ask_turn(d, ["email?", "email"], "email", cid, None, rng),
                ask_turn(d, ["phone?", "cell?"], "phone", cid, None, rng),
            ], {"customer_id": cid})
    return out


# ------------------------------------------------------------------------------------------
# conversations: topic switches
# ------------------------------------------------------------------------------------------

# (text, document, sku or analysis key) in the middle of a CRM conversation
MIDDLES: list[tuple[str, str]] = [
    ("what do i say when they want to wait till after the holidays", "OBJECTION_HANDLING/waiting_until_next_season.md"),
    ("price on a 2x3 elbow", "GT-EL23"),
    ("how far apart do the gutter hangers go again", "PRODUCT_KNOWLEDGE/gutters_and_gutter_guards.md"),
    ("how many of the director calls were in concord", "analysis:town:Concord"),
    ("what comes in the essential roof package", "PRICING_STRATEGIES/good_better_best_packages.md"),
    ("how much for a half round gutter bracket", "GT-HGR"),
    ("how do i explain our workmanship warranty", "PRODUCT_KNOWLEDGE/warranties.md"),
    ("whats a good way to set the agenda at the start", "CORE_KNOWLEDGE/first_five_minutes.md"),
    ("how many director calls had an hoa approval objection", "analysis:objection:hoa_approval"),
    ("sell price on a bundle of starter shingles", "RF-ST"),
    ("what goes in the maple hollow arc application", "PROJECTS/Maple_Hollow_Estates/hoa_exterior_guidelines.md"),
    ("whats the cancel window after they sign", "CORE_KNOWLEDGE/after_the_contract_is_signed.md"),
]
MIDDLE_ALSO = {"CORE_KNOWLEDGE/after_the_contract_is_signed.md": ["CORE_KNOWLEDGE/in_home_presentation_steps.md", "PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf", "SCRIPT_TEMPLATES/standard_sales_script.md", "CUSTOMER_PSYCHOLOGY/trust_with_elderly_homeowners.md"]}


def middle_expect(d: Data, ref: str) -> dict[str, Any]:
    if ref in d.docs:
        return knowledge_expect(d, ref, None, MIDDLE_ALSO.get(ref))
    if ref.startswith("analysis:"):
        _, key, value = ref.split(":")
        return analysis_expect("count", analysis_figure(d, "count", {key: value}))
    return {"agent": "pricing", "money": float(be.sku(d, ref)["price"])}


BACK = {
    "phone": ["ok back to {obj}, whats {pos} cell", "anyway {pos} number again"],
    "email": ["ok and {pos} email was", "back to {first} - email"],
    "rep": ["ok who had that job again, the rep", "back to {last} - who's the rep"],
    "balance": ["ok so what do they still owe on that", "back to that one, balance?"],
    "install": ["ok and whens the install on that", "back to {first} - install date"],
    "next": ["and when r we seeing {obj} next", "back to {last}, next appt?"],
    "stage": ["ok back to {last} what stage", "so wheres that job at"],
    "address": ["and {pos} address again", "back to {obj} - address"],
    "contract": ["back to the {last} job - contract amount", "so what did that one sell for"],
    "note": ["ok whats the last note on that job", "back to {last} - latest note"],
}


SWITCH_BY_JOB = ("rep", "install", "balance", "contract", "note")  # the first turn names the job
SWITCH_JOB_FACTS = (*SWITCH_BY_JOB, "stage")  # the fact coming back is the job's


def gen_topic_switch(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    plan = ["phone", "rep", "install", "balance", "email", "next", "stage", "address", "contract", "note", "install", "rep", "phone", "balance"]
    used: set[int] = set()
    for n, kind in enumerate(plan):

        def fits(j: int, kind: str = kind) -> bool:
            cid_ = d.jobs[j]["customer_id"]
            if kind == "stage":
                return len(d.jobs_of(cid_)) == 1
            if kind == "next":
                return d.next_appointment(cid=cid_) is not None
            return fact(d, kind, cid_, j if kind in SWITCH_JOB_FACTS else None) is not None

        pool = [j for j in live_jobs(d) if fits(j)]
        jid = rng.choice([j for j in pool if d.jobs[j]["customer_id"] not in used] or pool)
        cid = d.jobs[jid]["customer_id"]
        used.add(cid)
        if kind in SWITCH_BY_JOB:
            first = status_turn(d, jid, rng)
        else:
            name = cust_ref(d, cid, rng)
            first = turn(say(rng.choice(CONTACT["phone"].templates), {"name": name, "pname": possessive(name)}, rng), fact(d, "phone", cid))
        text, ref = MIDDLES[n % len(MIDDLES)]
        turns = [first, turn(say(text, {}, rng), middle_expect(d, ref))]
        refs = [ref]
        if n % 4 == 2:  # a second detour before coming back
            more_text, more = MIDDLES[(n + 5) % len(MIDDLES)]
            turns.append(turn(say(more_text, {}, rng), middle_expect(d, more)))
            refs.append(more)
        back = fact(d, kind, cid, jid if kind in SWITCH_JOB_FACTS else None)
        assert back is not None, (kind, jid)
        turns.append(turn(say(rng.choice(BACK[kind]), pron(d, cid), rng), back))
        out.append(case("topic_switch", f"dev3:topic_switch.{kind}", turns, {"customer_id": cid, "job_id": jid, "middle": refs}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: clarifications
# ------------------------------------------------------------------------------------------

ASK_FIELD = {
    "phone": ["{said} phone #", "need to call {said} whats the cell"],
    "email": ["{said} email pls", "email for {said}"],
    "address": ["{psaid} address pls", "where is {said} located"],
    "rep": ["who covers {said}", "{psaid} rep"],
    "next": ["next appt w {said}?", "when r we seeing {said}"],
}
# (reply, position it names, or None for the last)
ORDINALS = [("the last one", None), ("2nd", 2), ("first one pls", 1), ("the bottom one", None), ("#2", 2), ("1st", 1), ("second one", 2)]


def clarify_fact(d: Data, kind: str, cid: int) -> dict[str, Any] | None:
    if kind == "rep":
        return {**CRM, "contains": [d.user_full(d.customers[cid]["rep_id"])]}
    return fact(d, kind, cid)


def gen_clarify(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    by_last, by_first = be._customer_groups(d)
    lasts, firsts = sorted(by_last), sorted(by_first)
    # the name groups dev uses (build_eval.gen_clarify), so held-out's names stay new
    groups = [("last", k, by_last[k]) for k in lasts[::3] + lasts[1::3]] + [("first", k, by_first[k]) for k in firsts[::2]]
    groups = [g for g in groups if any(c not in be.HELDOUT_CUSTOMERS for c in g[2])]
    out: list[dict[str, Any]] = []
    fields = ["email", "phone", "next", "address", "rep", "phone", "email"]
    ways = ["town", "other", "trade", "job", "ordinal"]
    n_ord = 0
    for n, (axis, said, group) in enumerate(groups + groups[:6]):
        dev_group = [c for c in group if c not in be.HELDOUT_CUSTOMERS]
        key = "first_name" if axis == "last" else "last_name"
        kind = fields[n % len(fields)]
        chosen = dev_group[(n // len(groups) + n) % len(dev_group)]
        if kind == "rep" and len({d.customers[c]["rep_id"] for c in group}) == 1:
            kind = "phone"
        ordinal_ok = len(dev_group) == len(group)
        targets = group if ordinal_ok else [chosen]
        if kind == "next" and any(clarify_fact(d, "next", c) is None for c in targets):
            kind = "email"
        towns = [d.customers[c]["address"]["city"] for c in group]
        own = {t for j in d.jobs_of(chosen) for t in d.trades(j["id"]) if t in MAIN_TRADES}
        others = {t for c in group if c != chosen for j in d.jobs_of(c) for t in d.trades(j["id"])}
        possible = ["other", "job"]
        if towns.count(d.customers[chosen]["address"]["city"]) == 1:
            possible.append("town")
        if own - others:
            possible.append("trade")
        if ordinal_ok:
            possible.append("ordinal")
        way = next(w for w in ways[n % len(ways):] + ways if w in possible)
        template = rng.choice(ASK_FIELD[kind])
        first_text = say(template, {"said": said.lower(), "psaid": possessive(said.lower())}, rng)
        options = [d.customers[c][key] for c in group]
        if way == "ordinal":
            reply, index = ORDINALS[n_ord % len(ORDINALS)]
            n_ord += 1
            index = index or len(group)
            expect: dict[str, Any] = {"choice": {"index": index, "options": [{"find": [d.customers[c][key]], "expect": clarify_fact(d, kind, c)} for c in group]}}
            subject_chosen = None
        else:
            if way == "other":
                reply = rng.choice(["{x}", "{x} i mean", "the {x} one"]).format(x=d.customers[chosen][key].lower())
            elif way == "town":
                reply = rng.choice(["{x} one", "one in {x}", "in {x}"]).format(x=d.customers[chosen]["address"]["city"].lower())
            elif way == "trade":
                reply = rng.choice(["{x} one", "{x} customer", "w the {x} job"]).format(x=ONE[sorted(own - others)[0]])
            else:
                reply = rng.choice(["{x}", "the one w job {x}", "job# {x}"]).format(x=d.jobs_of(chosen)[0]["id"])
            expect = clarify_fact(d, kind, chosen) or {}
            subject_chosen = chosen
        turns = [turn(first_text, {"asks": options}), turn(reply, expect)]
        out.append(case("clarify", f"dev3:clarify.{axis}.{way}", turns, {"said": said, "customer_ids": group, "chosen": subject_chosen, "field": kind}))
    # one customer, several jobs: which job?
    many = [c for c in customers(d) if len(d.jobs_of(c)) >= 2 and not any(j["archived"] for j in d.jobs_of(c))]
    rng.shuffle(many)
    job_kinds = ["stage", "rep", "note", "stage", "rep", "note"]
    replies = ["trade", "number", "ordinal", "trade", "number", "ordinal"]
    for n, cid in enumerate(many[:6]):
        js = d.jobs_of(cid)
        trades = [set(d.trades(j["id"])) & set(MAIN_TRADES) for j in js]
        labels = [[str(j["id"]), *sorted(ONE[t] for t in ts if sum(t in o for o in trades) == 1)] for j, ts in zip(js, trades, strict=True)]
        kind = job_kinds[n]
        if kind == "rep" and len({d.rep(j["id"]) for j in js}) == 1:
            kind = "note"
        name = cust_ref(d, cid, rng)
        asks = {
            "stage": ["what stage is {name} at", "{pname} job status?"],
            "rep": ["who sold {pname} job"],
            "note": ["last note on {name}", "whats the latest note for {pname} job"],
        }[kind]
        first_text = say(rng.choice(asks), {"name": name, "pname": possessive(name)}, rng)
        index = rng.randrange(len(js))
        own = trades[index] - set().union(*(t for i, t in enumerate(trades) if i != index))
        how = replies[n]
        if how == "trade" and not own:
            how = "number"
        chosen_job: int | None = js[index]["id"]
        if how == "trade":
            reply = rng.choice(["{x}", "{x} pls", "{x} job"]).format(x=WORD[sorted(own)[0]])
            expect = fact(d, kind, cid, chosen_job) or {}
        elif how == "number":
            reply = rng.choice(["{x}", "job# {x}", "{x} pls"]).format(x=chosen_job)
            expect = fact(d, kind, cid, chosen_job) or {}
        else:
            reply, k = ORDINALS[(n + 1) % len(ORDINALS)]
            k = k or len(js)
            expect = {"choice": {"index": k, "options": [{"find": label, "expect": fact(d, kind, cid, j["id"])} for j, label in zip(js, labels, strict=True)]}}
            chosen_job = None
        turns = [turn(first_text, {"asks": labels}), turn(reply, expect)]
        out.append(case("clarify", f"dev3:clarify.job.{how}", turns, {"customer_id": cid, "job_ids": [j["id"] for j in js], "chosen_job": chosen_job, "field": kind}))
    # two people called Mike: which one's calendar?
    for said, uid, reply, when in [("mike", 16, "sullivan", "friday the 27th"), ("mike", 11, "reed", "dec 15th")]:
        first, last = WHEN[when]
        appts = d.appointments_between(first, last, user=uid)
        text = say("whats {said} got {when}", {"said": said, "when": when}, rng)
        turns = [turn(text, {"asks": ["Reed", "Sullivan"]}), turn(reply, be.calendar_expect(d, appts))]
        out.append(case("clarify", "dev3:clarify.user.last", turns, {"said": said, "user_ids": [11, 16], "user_id": uid, "from": first.isoformat(), "to": last.isoformat()}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: writes, and writes called off
# ------------------------------------------------------------------------------------------

YES = ["yep do it", "go ahead", "ok", "yes please", "yeah do it", "ya go ahead", "sure", "do it pls", "yes thats right", "looks good, yes", "k go", "perfect yes"]

NOTE_TEXTS = [
    "homeowner wants to see samples first", "roofer from last year left a mess", "call back after 4pm",
    "customer prefers email", "driveway is shared with the neighbor", "sent pics of a similar job",
    "asked for the 84 month financing numbers", "dog is friendly but loud", "wants charcoal not weathered wood",
    "second opinion from her brother", "park on the street not the driveway", "insurance check arrived",
]
NOTE_ASKS = [
    "note on {ref}: {note}",
    "add a note to {ref} saying {note}",
    "{ref} add note - {note}",
    "pls note on {ref} {note}",
    "make a note on {ref} that {note}",
    "stick a note on {ref} {note}",
]
NOTE_FOCUS = ["note that {note}", "add to that one: {note}", "put a note in there {note}"]

# (template, stage, kind of reference: "name", "num" or "any")
STAGE_ASKS = [
    ("they signed on {ref}", "Contract Signed", "any"),
    ("{ref} is a no go, mark lost", "Lost", "any"),
    ("move {ref} back to estimating", "Estimating", "any"),
    ("proposal went out on {ref} today update the stage", "Proposal Sent", "any"),
    ("crew finished {ref}, set it completed", "Completed", "any"),
    ("{ref} paid in full, close it", "Paid & Closed", "num"),
    ("{ref} to scheduled pls", "Scheduled", "any"),
    ("{ref} crew started, in progress now", "In Progress", "name"),
    ("put {ref} in follow up", "Follow Up", "any"),
]
STAGE_FOCUS = [("mark that one lost", "Lost"), ("they signed, update it", "Contract Signed"), ("set it to completed", "Completed"), ("move that to scheduled", "Scheduled")]
STAGE_FROM = {
    # the stages a job is in when a rep would say it moved to this one
    "Contract Signed": {"Lead", "Estimating", "Proposal Sent", "Follow Up"},
    "Paid & Closed": {"Completed"},
    "Lost": {"Lead", "Estimating", "Proposal Sent", "Follow Up"},
    "Scheduled": {"Contract Signed"},
    "Proposal Sent": {"Lead", "Estimating"},
    "In Progress": {"Scheduled"},
    "Completed": {"In Progress"},
    "Estimating": {"Lead", "Proposal Sent"},
    "Follow Up": {"Proposal Sent", "Estimating"},
}

# (when as typed, start)
BOOK_WHEN = [
    ("tues at 1:30", "2026-11-24T13:30"),
    ("dec 8 @ 10am", "2026-12-08T10:00"),
    ("12/10 2pm", "2026-12-10T14:00"),
    ("monday the 30th at 10", "2026-11-30T10:00"),
    ("fri morning 8:30", "2026-11-27T08:30"),
    ("wed afternoon at 3", "2026-11-25T15:00"),
    ("tmrw 4pm", "2026-11-24T16:00"),
    ("dec 2 10:30am", "2026-12-02T10:30"),
    ("12/1 at 2:15pm", "2026-12-01T14:15"),
]
# (how the rep says it, word the title carries)
BOOK_KINDS = [("inspection", "inspection"), ("estimate review", "estimate"), ("follow up", "follow"), ("final walkthrough", "walkthrough"), ("site visit", "visit")]
BOOK_ASKS = [
    "book {ref} for {akind} {when}",
    "{ref} needs {akind} {when}, put it on the calendar",
    "can u schedule {akind} at {ref} {when}",
    "set {akind} w {ref} for {when}",
    "calendar {ref} {when} for {akind}",
]
BOOK_FOCUS = ["get {akind} booked there {when}", "put {obj} down for {akind} {when}"]


def article(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


class Writes:
    """Write requests in reps' words, each with the crm_after check it makes."""

    def __init__(self, d: Data, rng: random.Random, *, offset: int = 0) -> None:
        self.d, self.rng = d, rng
        self.n_note = self.n_stage = self.n_focus = self.n_book = self.n_yes = offset
        self.used: set[int] = set()

    def yes(self) -> str:
        self.n_yes += 1
        return YES[(self.n_yes - 1) % len(YES)]

    def note(self, jid: int, *, focus: bool = False) -> tuple[str, str, dict[str, Any]]:
        d, rng = self.d, self.rng
        k = self.n_note
        self.n_note += 1
        note = NOTE_TEXTS[k % len(NOTE_TEXTS)]
        templates = NOTE_FOCUS if focus else NOTE_ASKS
        template = templates[k % len(templates)]
        tid = f"dev3:write.note{'.focus' if focus else ''}/{templates.index(template)}"
        return tid, say(template, {"ref": job_ref(d, jid, rng), "note": note}, rng), {"note_on_job": jid, "contains": note}

    def stage(self, *, focus: bool = False) -> tuple[int, str, str, dict[str, Any]]:
        """(job, template id, text, check): the next phrasing, on a job it fits."""
        d, rng = self.d, self.rng
        live = live_jobs(d)
        asks: list[tuple[str, str, str]] = [(t, s, "any") for t, s in STAGE_FOCUS] if focus else STAGE_ASKS
        start = self.n_focus if focus else self.n_stage
        for shift in range(len(asks)):
            template, stage, how = asks[(start + shift) % len(asks)]
            fits = [j for j in live if d.stage(j) in STAGE_FROM[stage] and (how != "name" or name_refs(d, j))]
            if not fits:
                continue
            if focus:
                self.n_focus += shift + 1
            else:
                self.n_stage += shift + 1
            jid = rng.choice([j for j in fits if j not in self.used] or fits)
            self.used.add(jid)
            refs = {"name": name_refs(d, jid), "num": number_refs(d, jid)}.get(how) or name_refs(d, jid) + number_refs(d, jid)
            text = say(template, {"ref": rng.choice(refs)}, rng)
            return jid, f"dev3:write.stage{'.focus' if focus else ''}/{stage}", text, {"stage_of_job": jid, "stage": stage}
        raise AssertionError("no job fits any stage request")

    def book(self, jid: int, *, focus: bool = False) -> tuple[str, str, dict[str, Any]]:
        d, rng = self.d, self.rng
        k = self.n_book
        self.n_book += 1
        when, start = BOOK_WHEN[k % len(BOOK_WHEN)]
        said, title = BOOK_KINDS[k % len(BOOK_KINDS)]
        templates = BOOK_FOCUS if focus else BOOK_ASKS
        template = templates[k % len(templates)]
        slots = {"ref": job_ref(d, jid, rng), "when": when, "akind": article(said), "obj": d.pronouns(d.jobs[jid]["customer_id"])[1]}
        tid = f"dev3:write.book{'.focus' if focus else ''}/{templates.index(template)}"
        return tid, say(template, slots, rng), {"appointment_on_job": jid, "start": start, "title_contains": title}

    def request(self, kind: str, jid: int, *, focus: bool) -> tuple[int, str, str, dict[str, Any]]:
        if kind == "stage":
            return self.stage(focus=focus)
        if kind == "note":
            return (jid, *self.note(jid, focus=focus))
        return (jid, *self.book(jid, focus=focus))


def word_of(check: dict[str, Any]) -> str:
    if "note_on_job" in check:
        return "note"
    if "stage_of_job" in check:
        return check["stage"]
    return check["title_contains"]


def gen_write(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Writes(d, rng)
    pool = open_jobs(d)
    rng.shuffle(pool)
    for n in range(18):
        kind = ["note", "stage", "book"][n % 3]
        focus = n % 4 == 1
        jid, tid, text, check = w.request(kind, pool[n % len(pool)], focus=focus)
        turns = [turn(text), turn(w.yes(), done(word_of(check)))]
        if focus:
            turns.insert(0, open_turn(d, jid, rng))
        out.append(case("write", tid, turns, {"job_id": jid, "kind": kind}, [check]))
    # a note, then the rep reads it back
    for jid in [pool[-1], pool[-2]]:
        cid = d.jobs[jid]["customer_id"]
        tid, text, check = w.note(jid)
        back = turn(say(rng.choice(["whats the latest note on it now", "read back the last note"]), {}, rng), {**CRM, "contains": [check["contains"]]})
        out.append(case("write", tid.replace("write.note", "write.note.readback"), [turn(text), turn(w.yes(), done("note")), back], {"job_id": jid, "customer_id": cid, "kind": "note"}, [check]))
    # a shared name in the request: Hard-E asks which, the rep says, then confirms
    by_last, by_first = be._customer_groups(d)
    for said, group, chosen, reply, kind in [
        ("mccarthy", by_last["McCarthy"], 127, "mark", "stage"),
        ("fitzgerald", by_last["Fitzgerald"], 135, "lisa", "book"),
        ("melissa", by_first["Melissa"], 136, "quinn", "note"),
    ]:
        jid = d.jobs_of(chosen)[0]["id"]
        key = "first_name" if said == d.customers[chosen]["last_name"].lower() else "last_name"
        if kind == "note":
            note = "gutter guard samples dropped off"
            text = say("note for {said}: {note}", {"said": said, "note": note}, rng)
            check = {"note_on_job": jid, "contains": note}
        elif kind == "book":
            text = say("book a final walkthrough w {said} {when}", {"said": said, "when": "dec 8 @ 10am"}, rng)
            check = {"appointment_on_job": jid, "start": "2026-12-08T10:00", "title_contains": "walkthrough"}
        else:
            text = say("{said} job is paid up, close it out", {"said": said}, rng)
            check = {"stage_of_job": jid, "stage": "Paid & Closed"}
        assert be.HELDOUT_CUSTOMERS.isdisjoint({chosen})
        turns = [turn(text, {"asks": [d.customers[c][key] for c in group]}), turn(reply), turn(w.yes(), done(word_of(check)))]
        out.append(case("write", f"dev3:write.{kind}.which", turns, {"job_id": jid, "kind": kind, "said": said, "customer_ids": group, "chosen": chosen}, [check]))
    return out


CANCELS = ["hmm no", "nah forget it", "not yet", "nope", "dont do that", "hang on no", "cancel", "leave it for now", "actually dont", "wait no", "skip it", "never mind that"]


def gen_called_off(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Writes(d, rng, offset=4)  # other phrasings first than the writes
    pool = open_jobs(d)
    rng.shuffle(pool)
    people = customers(d)
    hows = ["cancel_then_yes", "unrelated_then_yes", "cancel", "knowledge_then_yes", "cancel_crm_yes", "pricing_then_yes"]
    knowledge = [(t, ref) for t, ref in MIDDLES if ref in d.docs]
    prices = [(t, ref) for t, ref in MIDDLES if not ref.startswith("analysis:") and ref not in d.docs]
    n_cancel = 0
    for n in range(18):
        kind = ["note", "stage", "book"][n % 3]
        focus = n % 5 == 3
        jid, tid, text, _check = w.request(kind, pool[(n * 7) % len(pool)], focus=focus)
        how = hows[n % len(hows)]
        turns = [open_turn(d, jid, rng), turn(text)] if focus else [turn(text)]
        subject: dict[str, Any] = {"job_id": jid, "kind": kind}
        if how.startswith("cancel"):
            turns.append(turn(say(CANCELS[n_cancel % len(CANCELS)], {}, rng), dict(NO_CLAIM)))
            n_cancel += 1
        if how in ("unrelated_then_yes", "cancel_crm_yes"):
            other = rng.choice([c for c in people if c != d.jobs[jid]["customer_id"]])
            subject["other_customer_id"] = other
            field = "email" if how == "cancel_crm_yes" else "phone"
            name = cust_ref(d, other, rng)
            question = say(rng.choice(CONTACT[field].templates), {"name": name, "pname": possessive(name)}, rng)
            turns.append(turn(question, {**(fact(d, field, other) or {}), **NO_CLAIM}))
        if how == "knowledge_then_yes":
            question, ref = knowledge[(n // len(hows)) % len(knowledge)]
            subject["middle"] = ref
            turns.append(turn(say(question, {}, rng), {**middle_expect(d, ref), **NO_CLAIM}))
        if how == "pricing_then_yes":
            question, ref = prices[(n // len(hows)) % len(prices)]
            subject["middle"] = ref
            turns.append(turn(say(question, {}, rng), {**middle_expect(d, ref), **NO_CLAIM}))
        if how.endswith("yes"):
            turns.append(turn(w.yes(), dict(NO_CLAIM)))
        out.append(case("called_off", f"dev3:called_off.{how}/{tid.removeprefix('dev3:')}", turns, subject, [{"unchanged": True}]))
    return out


# ------------------------------------------------------------------------------------------
# the files
# ------------------------------------------------------------------------------------------

DEV_SET = be.DevSet(SPLIT, SEED, globals(), HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
