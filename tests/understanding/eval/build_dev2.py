"""Builds dev2, a second development set for the understanding layer: new phrasings and new
conversation shapes, none of them in dev, with every expected fact computed from the demo
company's own data (never from Hard-E's answers).

    .venv/bin/python tests/understanding/eval/build_dev2.py [--out DIR]

Writes dev2/questions.jsonl and dev2/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev (see build_eval.py and
bench/understanding.py); the data loading, the typing noise and the fact helpers are
build_eval's. The clock is pinned at Monday 2026-11-23 09:00 America/New_York.

What dev2 leans on, beyond dev:
- writes in reps' words: notes with no punctuation ("add note to 1039 called left vm"),
  stage changes said many ways ("they signed", "kill the russo job", "close out 1021",
  "mark 1017 as paid"), bookings with the times reps type ("thu @ 10", "fri 10a",
  "wed 2:30pm", "tmrw at noon", "next tues 3", "12/3 at 9");
- writes called off in many words ("hold up", "scratch that", "hmm no", a new unrelated
  question...) with a later "yes" that must not run them;
- clarifications answered many ways ("2", "the 2nd", "number two", "option 1", "the gutter
  one", a town, a first name, a job number);
- follow-ups with many pronoun forms ("their email", "same job, who's the rep", "what about
  the other job", "and the balance on that"), topic switches and back;
- reps' typing noise throughout.

Subjects are the dev customers (build_eval.split_customers(d, "dev")): the customers reserved
for held-out are never asked about here; they only appear as the other options of a shared
name in a clarification, as in dev.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
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
    TRADE_WORDS,
    WRITE_CLAIMS,
    Data,
    case,
    possessive,
    render,
    turn,
)

SPLIT = "dev2"
SEED = f"{be.SEED}/dev2"
NOW = be.NOW
MONDAY = NOW.date()

# ------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------


class Cycle(ds.Turns):
    """Templates of one kind, taken in turn from a random start, named as dev2's."""

    split = "dev2"


def customers(d: Data) -> list[int]:
    return be.split_customers(d, "dev")


def jobs(d: Data) -> list[int]:
    return be.split_jobs(d, "dev")


def open_jobs(d: Data) -> list[int]:
    return [j for j in jobs(d) if not d.jobs[j]["archived"] and d.stage(j) not in be.CLOSED_STAGES]


def live_jobs(d: Data) -> list[int]:
    return [j for j in jobs(d) if not d.jobs[j]["archived"]]


def trade_word(trade: str) -> str:
    return TRADE_WORDS[trade][0]


def number_refs(d: Data, jid: int) -> list[str]:
    return [f"{jid}", f"#{jid}", f"job {jid}", d.jobs[jid]["number"], f"job #{jid}"]


def name_refs(d: Data, jid: int) -> list[str]:
    """Ways to name this job alone without its number, as reps type them."""
    j = d.jobs[jid]
    cid = j["customer_id"]
    c = d.customers[cid]
    first, last = c["first_name"], c["last_name"]
    out = []
    for trade in d.trades(jid):
        if trade not in TRADE_WORDS:
            continue
        w = trade_word(trade)
        if len(d.jobs_by_last_trade(last, trade)) == 1:
            out += [f"the {last} {w}", f"{last} {w}"]
        if len(d.jobs_by_customer_trade(cid, trade)) == 1:
            out += [f"{first} {last}s {w}", f"the {w} job for {first} {last}"]
    if len(d.jobs_of(cid)) == 1:
        if d.unique_last(cid):
            out.append(f"the {last} job")
        out.append(f"{first} {last}")
    return out


def job_ref(d: Data, jid: int, rng: random.Random, *, names: float = 0.55) -> str:
    refs = name_refs(d, jid)
    if refs and rng.random() < names:
        return rng.choice(refs)
    return rng.choice(number_refs(d, jid))


def cust_ref(d: Data, cid: int, rng: random.Random) -> str:
    return rng.choice(be.customer_name_refs(d, cid))


def pron(d: Data, cid: int) -> dict[str, str]:
    subj, obj, pos = d.pronouns(cid)
    c = d.customers[cid]
    return {"subj": subj, "obj": obj, "pos": pos, "first": c["first_name"].lower(), "last": c["last_name"].lower()}


def fact(d: Data, kind: str, cid: int, jid: int | None = None) -> dict[str, Any] | None:
    """The expect of a CRM fact, from build_eval's helpers (and a few of dev2's own)."""
    c = d.customers[cid]
    if kind == "address_full":
        return {**CRM, "contains": [c["address"]["address"], c["address"]["city"]]}
    if kind == "customer":
        return {**CRM, "contains": [d.full(cid)]}
    if kind == "home":
        home = next((p for p in c["phones"] if p["label"] == "home"), None)
        return {**CRM, "phone": home["number"]} if home else None
    if kind == "customer_rep":
        return {**CRM, "contains": [d.user_full(c["rep_id"])]}
    if kind == "install":
        assert jid is not None
        a = install_of(d, jid)
        return {**CRM, "date": a["start_date_time"][:10]} if a else None
    return be._fact_turn(d, kind, cid, jid)


def install_of(d: Data, jid: int) -> dict[str, Any] | None:
    return next((a for a in d.appointments() if jid in a["job_ids"] and a["title"] == "Install start"), None)


def done(word: str) -> dict[str, Any]:
    return {"any_of": [word, "done", "added", "updated", "booked", "scheduled"], "not_agent": ["new_clients"]}


NO_CLAIM: dict[str, Any] = {"not_contains": WRITE_CLAIMS}

# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

CONTACT = {
    "phone": Cycle("crm.contact.phone", [
        "cell for {name}?",
        "{name} phone pls",
        "i need {pname} number asap",
        "how do i reach {name}",
        "best number to call {name} on",
        "gimme the cell on {name}",
        "{name} contact #",
    ]),
    "home": Cycle("crm.contact.home", ["{name} home number", "home # for {name}?"]),
    "email": Cycle("crm.contact.email", [
        "gimme {pname} email",
        "{pname} email addr?",
        "what email is on file for {name}",
        "need to email {name}, whats their email",
    ]),
    "address": Cycle("crm.contact.address", [
        "{pname} address pls",
        "house address for {name}",
        "wheres {name} located",
        "what's the street address on {name}",
    ]),
    "by_job": Cycle("crm.contact.by_job", [
        "number for the homeowner on {job}",
        "need to call about {job}, whats their cell",
    ]),
}


def gen_contact(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    kinds = ["phone", "email", "address", "phone", "home", "email"]
    pool = customers(d)
    rng.shuffle(pool)
    for n, cid in enumerate(pool[:16]):
        kind = kinds[n % len(kinds)]
        if kind == "home" and fact(d, "home", cid) is None:
            kind = "phone"
        name = cust_ref(d, cid, rng)
        tid, template = CONTACT[kind].pick(rng)
        text = render(template, {"name": name, "pname": possessive(name)}, rng)
        expect = fact(d, "address_full" if kind == "address" else kind, cid)
        out.append(case("crm.contact", tid, [turn(text, expect)], {"customer_id": cid, "field": kind}))
    named = [j for j in jobs(d) if any(r.startswith("the ") for r in name_refs(d, j))]
    rng.shuffle(named)
    named = [j for n, j in enumerate(named) if all(d.jobs[k]["customer_id"] != d.jobs[j]["customer_id"] for k in named[:n])]
    for jid in named[:4]:
        cid = d.jobs[jid]["customer_id"]
        ref = rng.choice([r for r in name_refs(d, jid) if r.startswith("the ")])
        tid, template = CONTACT["by_job"].pick(rng)
        text = render(template, {"job": ref}, rng)
        out.append(case("crm.contact", tid, [turn(text, fact(d, "phone", cid))], {"customer_id": cid, "job_id": jid, "field": "phone"}))
    return out


STATUS = Cycle("crm.status", [
    "what stage is {job} at",
    "{job} where are we",
    "update on {job}?",
    "whats happening w/ {job}",
    "{job} status rn",
    "give me a status on {job}",
    "what column is {job} in",
    "hows {job} coming along",
])
REP = Cycle("crm.rep", ["who has {job}", "whose deal is {job}", "{job} - which rep", "salesman on {job}?", "who's running {job}"])
CUSTOMER_REP = Cycle("crm.rep.customer", ["{pname} salesperson?", "who's assigned to {name}", "which rep is on {name}"])
NOTES = Cycle("crm.notes", [
    "what was the last thing logged on {job}",
    "{job} notes?",
    "anything new in the notes on {job}",
    "latest on {job}, notes wise",
    "most recent entry on {job}",
    "what did the last note on {job} say",
])


def gen_status(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.status", STATUS, render, job_ref, jobs(d), 16, lambda jid: ({**CRM, "contains": [d.stage(jid)]}, {"job_id": jid}))


def gen_rep(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = ds.job_cases(d, rng, "crm.rep", REP, render, job_ref, jobs(d), 10, lambda jid: ({**CRM, "contains": [d.rep(jid)]}, {"job_id": jid}))
    people = [c for c in customers(d) if len({r for j in d.jobs_of(c) for r in j["rep_ids"]} | {d.customers[c]["rep_id"]}) == 1]
    rng.shuffle(people)
    for cid in people[:5]:
        name = cust_ref(d, cid, rng)
        tid, template = CUSTOMER_REP.pick(rng)
        text = render(template, {"name": name, "pname": possessive(name)}, rng)
        out.append(case("crm.rep", tid, [turn(text, fact(d, "customer_rep", cid))], {"customer_id": cid}))
    return out


def gen_notes(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    def ask(jid: int) -> tuple[dict[str, Any], dict[str, Any]]:
        note = d.notes_of(jid)[0]
        return {**CRM, "contains": [be._note_phrase(note["note"])]}, {"job_id": jid, "note_id": note["id"]}

    return ds.job_cases(d, rng, "crm.notes", NOTES, render, job_ref, [j for j in jobs(d) if d.notes_of(j)], 14, ask)


MONEY = {
    "contract": Cycle("crm.money.contract", ["sale price on {job}?", "what did we sign {job} for", "{job} contract total", "how much is the {job} contract"]),
    "deposit": Cycle("crm.money.deposit", ["deposit on {job} was how much", "did {job} pay a deposit, how much", "{job} deposit amt?"]),
    "paid": Cycle("crm.money.paid", ["amount paid to date on {job}", "how much money have we received for {job}", "{job} - how much is paid"]),
    "balance": Cycle("crm.money.balance", ["how much is left on {job}", "remaining balance {job}?", "{job} - what do they still owe", "whats left to collect on {job}"]),
    "proposal": Cycle("crm.money.proposal", ["proposal total on {job}?", "what was our bid on {job}", "how much did we propose for {job}"]),
}


def gen_money(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    quotas = {"balance": 6, "contract": 4, "proposal": 4, "paid": 4, "deposit": 4}
    for kind, quota in quotas.items():
        pool = [j for j in jobs(d) if kind in d.money_facts(j) and (kind != "balance" or d.fully_invoiced(j))]
        if kind == "balance":  # some owing, some paid in full
            owing = [j for j in pool if d.money_facts(j)["balance"] > 0]
            paid = [j for j in pool if j not in owing]
            chosen = rng.sample(owing, quota - 2) + rng.sample(paid, 2)
        else:
            chosen = rng.sample(pool, quota)
        for jid in chosen:
            tid, template = MONEY[kind].pick(rng)
            text = render(template, {"job": job_ref(d, jid, rng)}, rng)
            out.append(case("crm.money", tid, [turn(text, be.money_expect(kind, d.money_facts(jid)[kind]))], {"job_id": jid, "field": kind}))
    return out


INSTALL = Cycle("crm.dates.install", ["when do we install {job}", "whats the start date for {job}", "{job} install day?", "when is the crew scheduled on {job}"])
NEXT_JOB = Cycle("crm.dates.next", ["next visit for {job}", "whens our next time out at {job}", "whats on the books for {job}", "upcoming appt on {job}?"])
NEXT_CUSTOMER = Cycle("crm.dates.next_customer", ["when do i see {name} again", "next time im meeting {name}?", "{name} - next appt?"])


def gen_dates(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for jid in jobs(d):
        a = install_of(d, jid)
        if a is None:
            continue
        tid, template = INSTALL.pick(rng)
        text = render(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": a["start_date_time"][:10]})], {"job_id": jid, "appointment_id": a["id"]}))
    pool = [j for j in jobs(d) if (a := d.next_appointment(jid=j)) and a["title"] != "Install start"]
    rng.shuffle(pool)
    for jid in pool[:8]:
        a = d.next_appointment(jid=jid)
        assert a is not None
        day, time = be._at(a)
        tid, template = NEXT_JOB.pick(rng)
        text = render(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": day, "time": time})], {"job_id": jid, "appointment_id": a["id"]}))
    people = [c for c in customers(d) if d.next_appointment(cid=c)]
    rng.shuffle(people)
    for cid in people[:6]:
        a = d.next_appointment(cid=cid)
        assert a is not None
        day, time = be._at(a)
        name = cust_ref(d, cid, rng)
        tid, template = NEXT_CUSTOMER.pick(rng)
        text = render(template, {"name": name, "pname": possessive(name)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": day, "time": time})], {"customer_id": cid, "appointment_id": a["id"]}))
    return out


DAY = dt.timedelta(days=1)
WHEN = {
    # words -> (first day, last day), read from Monday 2026-11-23
    "today": (MONDAY, MONDAY),
    "wed": (MONDAY + 2 * DAY,) * 2,
    "the 27th": (dt.date(2026, 11, 27),) * 2,
    "this weekend": (MONDAY + 5 * DAY, MONDAY + 6 * DAY),
    "the rest of the week": (MONDAY, MONDAY + 6 * DAY),
    "11/30": (dt.date(2026, 11, 30),) * 2,
    "the week after next": (MONDAY + 14 * DAY, MONDAY + 20 * DAY),
    "monday dec 7": (dt.date(2026, 12, 7),) * 2,
    "12/3 - 12/7": (dt.date(2026, 12, 3), dt.date(2026, 12, 7)),
}
CALENDAR = Cycle("crm.calendar.all", ["whats booked {when}", "anything on the schedule {when}", "how busy are we {when}", "appts for {when}?", "what are we doing {when}"])
CALENDAR_REP = Cycle("crm.calendar.rep", ["{pname} schedule {when}", "does {rep} have anything {when}", "what's {rep} got {when}"])
CAL_REPS = {11: ["mike reed", "Reed"], 12: ["dana whitaker", "Dana"], 13: ["kevin", "Kevin Shea"], 16: ["sullivan", "Mike Sullivan"]}


def gen_calendar(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for when, (first, last) in WHEN.items():
        appts = d.appointments_between(first, last)
        tid, template = CALENDAR.pick(rng)
        text = render(template, {"when": when}, rng)
        out.append(case("crm.calendar", tid, [turn(text, be.calendar_expect(d, appts))], {"from": first.isoformat(), "to": last.isoformat(), "user_id": None}))
    reps = sorted(CAL_REPS)
    for n, when in enumerate(["the 27th", "11/30", "the week after next", "monday dec 7", "12/3 - 12/7"]):
        uid = reps[n % len(reps)]
        first, last = WHEN[when]
        appts = d.appointments_between(first, last, user=uid)
        rep = CAL_REPS[uid][n % 2]
        tid, template = CALENDAR_REP.pick(rng)
        text = render(template, {"when": when, "rep": rep, "pname": possessive(rep)}, rng)
        out.append(case("crm.calendar", tid, [turn(text, be.calendar_expect(d, appts))], {"from": first.isoformat(), "to": last.isoformat(), "user_id": uid}))
    return out


REP_JOBS = Cycle("crm.rep_jobs", ["{pname} pipeline", "what's open for {rep}", "{rep} open deals?", "how many jobs is {rep} carrying right now"])
REP_SAY = {11: ["reed", "mike reed", "Mike R"], 12: ["dana w", "whitaker", "Dana"], 13: ["kevin", "shea", "Kevin S"]}


def gen_rep_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n in range(3):
        for uid in sorted(REP_SAY):
            ids = be.open_jobs_of_rep(d, uid)
            rep = REP_SAY[uid][(n + uid) % 3]
            tid, template = REP_JOBS.pick(rng)
            text = render(template, {"rep": rep, "pname": possessive(rep)}, rng)
            expect: dict[str, Any] = {**CRM, "count": len(ids)}
            if "how many" not in template:
                expect["contains"] = [str(j) for j in ids]
            out.append(case("crm.rep_jobs", tid, [turn(text, expect)], {"user_id": uid, "job_ids": ids}))
    return out


STAGE_LIST = Cycle("crm.stage_jobs", ["anything in {stage}?", "show me {stage} jobs", "how many jobs are {stage} and which", "whats sitting in {stage}", "pull the {stage} list"])
STAGE_SAY = {
    "Lead": "lead",
    "Estimating": "estimating",
    "Proposal Sent": "proposal sent",
    "Follow Up": "follow-up",
    "Contract Signed": "contract signed",
    "Scheduled": "scheduled",
    "In Progress": "in progress",
    "Completed": "completed",
    "Paid & Closed": "paid and closed",
    "Lost": "lost",
}


def gen_stage_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for stage in STAGE_SAY:
        ids = sorted(j for j in d.jobs if d.stage(j) == stage)
        tid, template = STAGE_LIST.pick(rng)
        text = render(template, {"stage": STAGE_SAY[stage]}, rng)
        out.append(case("crm.stage_jobs", tid, [turn(text, {**CRM, "count": len(ids), "contains": [str(j) for j in ids]})], {"stage": stage, "job_ids": ids}))
    return out


# ------------------------------------------------------------------------------------------
# single questions: knowledge, analysis, pricing, the other specialists
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the document or None[, other documents that
# answer it as well, the key phrase in each])
KNOWLEDGE: list[tuple[Any, ...]] = [
    ("OBJECTION_HANDLING/price_objection.md", "homeowner says the price is nuts, walk me thru our response", "a way forward"),
    ("OBJECTION_HANDLING/objection_handling_framework.md", "can i discount to get past an objection", None, ["PRICING_STRATEGIES/discounts_and_promotions_policy.md", "OBJECTION_HANDLING/price_objection.md"]),
    ("OBJECTION_HANDLING/spouse_not_present.md", "her husband cant make thursday, can he join by facetime", "video call"),
    ("OBJECTION_HANDLING/getting_three_quotes.md", "whats on the checklist we give people who are shopping other companies", "tear-off"),
    ("OBJECTION_HANDLING/financing_questions.md", "customer asks if same as cash is a trap, what do i tell them", "deferred interest"),
    ("OBJECTION_HANDLING/need_to_think_about_it.md", "good lines for when they say we need to think", "scale of one to ten"),
    ("OBJECTION_HANDLING/handyman_or_diy.md", "homeowners cousin does roofs on the side for cash, how do i compete", None),
    ("OBJECTION_HANDLING/waiting_until_next_season.md", "can we even put a roof on in the winter", "hand-sealed"),
    ("CUSTOMER_PSYCHOLOGY/buyer_personality_types.md", "how should i work with an amiable buyer", None),
    ("CUSTOMER_PSYCHOLOGY/trust_with_elderly_homeowners.md", "how long can a visit with a retired couple run", "two and a half", ["CORE_KNOWLEDGE/sales_methodology.md"]),
    ("CUSTOMER_PSYCHOLOGY/couples_and_shared_decisions.md", "one spouse wants it done now and the other wants to wait, ideas?", "phased scope"),
    ("CUSTOMER_PSYCHOLOGY/buying_signals_and_body_language.md", "signs theyre not into it while im presenting", "crossed arms"),
    ("SCRIPT_TEMPLATES/appointment_confirmation_call.md", "what do i say on the call the day before an appt", "does that still work for you"),
    ("SCRIPT_TEMPLATES/standard_sales_script.md", "in the sales script how do i transition to the inspection", "thirty minutes"),
    ("SCRIPT_TEMPLATES/follow_up_and_voicemail_templates.txt", "text to send the same night after the appointment", None, ["CORE_KNOWLEDGE/follow_up_process.md"]),
    ("CORE_KNOWLEDGE/crm_and_lead_handling.txt", "a lead comes in at 8pm, when do i have to call", "9 am"),
    ("CORE_KNOWLEDGE/in_home_presentation_steps.md", "what's step 8 of the in home presentation", "options and price"),
    ("CORE_KNOWLEDGE/first_five_minutes.md", "how do i set the agenda when i first sit down", "fair enough"),
    ("CORE_KNOWLEDGE/roof_inspection_checklist.md", "what am i checking from the ground on an inspection", "granule loss"),
    ("CORE_KNOWLEDGE/company_story.md", "whats our online rating and how many reviews", "4.8"),
    ("CORE_KNOWLEDGE/follow_up_process.md", "what do i send on day 7 of the follow up", "something useful"),
    ("CORE_KNOWLEDGE/after_the_contract_is_signed.md", "how many days do they have to cancel after signing", "three-day", ["CORE_KNOWLEDGE/in_home_presentation_steps.md", "PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf"]),
    ("CORE_KNOWLEDGE/sales_methodology.md", "are we allowed to do a today only price", "today only", ["PRICING_STRATEGIES/discounts_and_promotions_policy.md", "PRICING_STRATEGIES/presenting_the_price.md"]),
    ("PRODUCT_KNOWLEDGE/gutters_and_gutter_guards.md", "what gauge aluminum are our gutters", ".032"),
    ("PRODUCT_KNOWLEDGE/roof_ventilation.md", "ok to keep the box vents and add a ridge vent?", "short-circuit"),
    ("PRODUCT_KNOWLEDGE/replacement_windows.md", "triple pane vs double pane u factor", "0.20"),
    ("PRODUCT_KNOWLEDGE/asphalt_shingles.md", "how much does a square of architectural shingles weigh", "230 to 250"),
    ("PRODUCT_KNOWLEDGE/warranties.md", "does our workmanship warranty transfer when they sell the house", "$100"),
    ("PRODUCT_KNOWLEDGE/fiber_cement_siding.md", "how far off the ground does hardie have to be", "6 inches"),
    ("PRODUCT_KNOWLEDGE/ice_and_water_shield.md", "why do ice dams form in the first place", None),
    ("PRICING_STRATEGIES/discounts_and_promotions_policy.md", "whats the neighborhood credit", "3 percent"),
    ("PRICING_STRATEGIES/good_better_best_packages.md", "what do they get in the summit signature roof", "class 4"),
    ("PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf", "payment schedule on a siding job over 40k", "40 percent"),
    ("PRICING_STRATEGIES/presenting_the_price.md", "ballpark per window installed if they push me for a number", "$850 to $1,400"),
    ("PROJECTS/Maple_Hollow_Estates/hoa_exterior_guidelines.md", "when does the maple hollow review committee meet", "first tuesday"),
    ("PROJECTS/Brookside_Commons/condo_association_rules.md", "can my crew leave a trailer overnight at brookside commons", "no trailers overnight"),
]


def gen_knowledge(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (doc, question, phrase, *more) in enumerate(KNOWLEDGE):
        also: list[str] = more[0] if more else []
        text = render(question, {}, rng)
        expect = be.knowledge_expect(d, doc, phrase)
        for other in also:
            expect["any_of"] += be.knowledge_expect(d, other, None)["any_of"]
        subject: dict[str, Any] = {"doc": doc, "phrase": phrase}
        if also:
            subject["also"] = also
        out.append(case("knowledge", f"dev2:knowledge/{doc}#{n}", [turn(text, expect)], subject))
    return out


# (question, measure, where)
ANALYSIS: list[tuple[str, str, dict[str, Any]]] = [
    ("of rachels window calls what % closed", "close_rate", {"trade": "windows"}),
    ("gutter close rate on the director ride alongs", "close_rate", {"trade": "gutters"}),
    ("how many calls had a spouse objection", "count", {"objection": "spouse"}),
    ("financing came up as an objection on how many of the calls", "count", {"objection": "financing"}),
    ("number of director calls where hoa approval was an objection", "count", {"objection": "hoa_approval"}),
    ("how many of rachels calls are still pending", "count", {"outcome": ("pending",)}),
    ("how many director calls involved ice dams", "count", {"situation": "ice_dams"}),
    ("calls in a historic district - how many were there", "count", {"situation": "historic_district"}),
    ("how many of the director calls were rental properties", "count", {"situation": "rental_property"}),
    ("how many calls were with homeowners selling their house", "count", {"situation": "selling_home"}),
    ("whats mike reeds close rate on the calls rachel joined", "close_rate", {"rep": "Mike Reed"}),
    ("kevin sheas close rate on the director calls", "close_rate", {"rep": "Kevin Shea"}),
    ("average minutes on the presentation part of the director calls", "phase:presentation", {}),
    ("average deal value on the window jobs we closed on the director calls", "avg_deal_closed", {"trade": "windows"}),
    ("avg closed gutter deal on rachels calls", "avg_deal_closed", {"trade": "gutters"}),
    ("first visit close percentage across all of rachels calls", "first_visit_rate", {}),
    ("close rate on the storm damage calls", "close_rate", {"situation": "storm_damage"}),
    ("how many roofing calls did we lose on price", "count", {"trade": "roofing", "outcome": ("lost_price",)}),
    ("how many siding calls had an other quotes objection", "count", {"trade": "siding", "objection": "other_quotes"}),
]


def gen_analysis(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (question, measure, where) in enumerate(ANALYSIS):
        value = be.analysis_figure(d, measure, where)
        subject = {"measure": measure, "where": {k: list(v) if isinstance(v, tuple) else v for k, v in where.items()}}
        out.append(case("analysis", f"dev2:analysis/{n}", [turn(render(question, {}, rng), be._analysis_expect(measure, value))], subject))
    return out


PRICE_ITEMS = [
    ("RF-SH-3TAB", "3 tab shingles"), ("RF-UL-FELT", "30 lb felt"), ("RF-ST", "starter strip shingles"),
    ("RF-RC", "hip and ridge cap"), ("SD-VN-STD", "builder grade vinyl siding"),
    ("SD-FC-PR", "primed hardieplank"), ("SD-FC-CP", "hardie colorplus lap"), ("SD-JC", "j channel"),
    ("GT-HR5", "5 inch half round gutter"), ("GT-DS34", "3x4 downspout"),
    ("GT-GD6", "6 inch gutter guard"), ("WN-DH-FG", "fiberglass double hung"), ("WN-KIT", "window install kit"),
]
PRICE = Cycle("pricing.price", ["price per {item}?", "what do we sell {item} for", "{item} - our price", "how much is {item}"])
COST = Cycle("pricing.cost", ["what does {item} cost us", "{item} cost to us?", "whats our cost on {item}"])
SQUARES = Cycle("pricing.squares", [
    "{area} sq ft house {rise}/12, how many squares of roof",
    "squares on a {rise}/12 roof over {area} sqft",
    "footprint {area}, pitch {rise}/12, squares?",
])
BUNDLES = Cycle("pricing.bundles", ["{squares} squares of {item}, how many bundles", "bundle count for {squares} sq of {item}"])


def gen_pricing(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (code, name) in enumerate(PRICE_ITEMS):
        row = be.sku(d, code)
        if n % 3 == 2:
            tid, template = COST.pick(rng)
            field, amount = "cost", float(row["cost"])
        else:
            tid, template = PRICE.pick(rng)
            field, amount = "price", float(row["price"])
        text = render(template, {"item": name}, rng)
        out.append(case("pricing", tid, [turn(text, {"agent": "pricing", "money": amount})], {"sku": code, "field": field}))
    for area, rise in [(1700, 6), (2600, 5), (1950, 8), (1200, 12)]:
        tid, template = SQUARES.pick(rng)
        text = render(template, {"area": f"{area:,}" if area % 200 else str(area), "rise": str(rise)}, rng)
        expect = {"agent": "pricing", "number": {"value": be.roof_squares(area, rise), "tol": 1.0, "unit": ["sq", "square"]}}
        out.append(case("pricing", tid, [turn(text, expect)], {"footprint": area, "rise": rise}))
    for code, name, squares in [("RF-SH-3TAB", "3-tab", 24), ("RF-SH-HDZ", "timberline hdz", 35), ("RF-SH-DES", "designer shakes", 27)]:
        row = be.sku(d, code)
        tid, template = BUNDLES.pick(rng)
        text = render(template, {"item": name, "squares": str(squares)}, rng)
        out.append(case("pricing", tid, [turn(text, {"agent": "pricing", "count": squares * be.per_square(row)})], {"sku": code, "squares": squares}))
    return out


WEB = [
    "look online for any hail reports in worcester county this week",
    "google the massachusetts building code changes coming in 2027",
    "search the web for reviews of granite state building products",
    "whats the going rate for gutter cleaning in framingham, check online",
    "look up on the internet whether james hardie raised prices this year",
    "web search for the top rated roofers in nashua nh",
    "can you search online for energy star tax credits on windows",
    "check online what the forecast looks like for boston saturday",
    "search the internet to see if plywood prices are going up",
]


def gen_web(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return [case("web_search", f"dev2:web_search/{n}", [turn(render(t, {}, rng), {"agent": "web_search"})], {}) for n, t in enumerate(WEB)]


SCRIPT = Cycle("scripting", [
    "put together a primer vid script for {name}",
    "write up a sales script i can use with {name}",
    "i need a script for my visit with {name}",
    "primer video for {name} pls, short one",
])


def gen_scripting(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for cid in rng.sample(customers(d), 8):
        tid, template = SCRIPT.pick(rng)
        text = render(template, {"name": cust_ref(d, cid, rng)}, rng)
        out.append(case("scripting", tid, [turn(text, {"agent": "scripting", "contains": [d.customers[cid]["last_name"]]})], {"customer_id": cid}))
    return out


NEW_FIRST = ["Archibald", "Beatrix", "Cornelius", "Delphine", "Evander", "Fenella", "Gideon", "Honoria", "Ignatz", "Juniper"]
NEW_LAST = ["Ashcroft", "Blackwood", "Carrington", "Delacroix", "Fenwick", "Grimsby", "Harrowgate", "Kettering", "Lockhart", "Pemberton"]
NEW_STREETS = ["61 Partridge Ln", "8 Cobblestone Way", "415 Wheeler Rd", "23 Foxglove Ct", "97 Meetinghouse Rd"]
NEW_TOWNS = ["Bolton", "Hopedale", "Sherborn", "Boxborough", "Mendon"]
NEW = Cycle("new_clients", [
    "new lead {first} {last} {phone} {street} {town}, looking at {trade}",
    "enter a new homeowner: {first} {last}, {phone}, {trade}",
    "got a new one - {first} {last} at {street} {town}, {phone}, wants {trade}",
    "add {first} {last} as a customer, cell {phone}, {street} {town}",
    "set up a new customer pls {first} {last} / {phone} / {trade}",
])


def gen_new_clients(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n in range(10):
        first, last = NEW_FIRST[n], NEW_LAST[(n * 7) % len(NEW_LAST)]
        assert not any(c["first_name"] == first and c["last_name"] == last for c in d.customers.values())
        digits = f"{rng.choice(['508', '774', '978', '781'])}555{3100 + n * 53:04d}"
        trade = rng.choice(["a roof", "vinyl siding", "new gutters", "replacement windows", "gutter guards", "a reroof"])
        slots = {"first": first, "last": last, "phone": be._phone_text(digits, rng), "street": rng.choice(NEW_STREETS), "town": rng.choice(NEW_TOWNS), "trade": trade}
        tid, template = NEW.pick(rng)
        text = render(template, slots, rng)
        out.append(case("new_clients", tid, [turn(text, {"agent": "new_clients", "contains": [first, last], "phone": digits})], {"first_name": first, "last_name": last, "phone": digits}))
    return out


def gen_bad_input(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, text in enumerate(["mnbvcxz", ";;;;", "xyzzy plugh", "??!!", "ok ok ok ok"]):
        out.append(case("bad_input", f"dev2:bad_input.gibberish/{n}", [turn(text, dict(NO_FORM))], {"kind": "gibberish"}))
    for n, text in enumerate(["whats his cell", "their email?", "what about the other job"]):
        out.append(case("bad_input", f"dev2:bad_input.focusless/{n}", [turn(text, {**NO_FORM, "not_contains": [SEED_PHONE_PREFIX]})], {"kind": "nothing in focus"}))
    for n, text in enumerate(["number for ezekiel throckmorton", "wheres prudence hawthorne live"]):
        out.append(case("bad_input", f"dev2:bad_input.nobody/{n}", [turn(text, {**NO_FORM, "not_contains": [SEED_PHONE_PREFIX]})], {"kind": "unknown name"}))
    for n, (text, number) in enumerate([("who sold 5555", 5555), ("balance on job 1100", 1100), ("#3141 status?", 3141)]):
        assert number not in d.jobs and not any(j["number"].endswith(f"-{number}") for j in d.jobs.values())
        expect = {**NO_FORM, "contains": [str(number)], "not_contains": be.JOB_NUMBER_PREFIXES}
        out.append(case("bad_input", f"dev2:bad_input.missing_job/{n}", [turn(text, expect)], {"kind": "unknown job", "job": number}))
    pastes = {
        "job numbers": "1039 " * 2000,
        "words": " ".join(rng.choice(["roof", "call", "the", "note", "job", "yes", "siding", "book"]) for _ in range(2500)),
    }
    for kind, text in pastes.items():
        out.append(case("bad_input", f"dev2:bad_input.paste/{kind}", [turn(text.strip(), {**NO_FORM, "max_seconds": 5.0})], {"kind": f"{len(text.strip()):,} characters of {kind}"}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: follow-ups and topic switches
# ------------------------------------------------------------------------------------------

OPEN = ["open up {job}", "lemme see {job}", "bring up {job}", "find {job} for me"]


def open_turn(d: Data, jid: int, rng: random.Random) -> dict[str, Any]:
    text = render(rng.choice(OPEN), {"job": job_ref(d, jid, rng)}, rng)
    return turn(text, {**CRM, "contains": [d.stage(jid)]})


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
        out.append(case("followup", f"dev2:followup.{shape}", turns, subject))

    for n in range(12):
        shape = n
        if shape == 0:  # the job, then its customer, then their email
            jid = pick_job(lambda j: True)
            cid = d.jobs[jid]["customer_id"]
            add("customer_email", [
                open_turn(d, jid, rng),
                turn(render(rng.choice(["whos the customer on that", "who's the homeowner there"]), {}, rng), fact(d, "customer", cid)),
                turn(render(rng.choice(["their email", "their email?"]), {}, rng), fact(d, "email", cid)),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 1:  # cell, their email, the address
            cid = fresh(people)
            name = cust_ref(d, cid, rng)
            add("contact_chain", [
                turn(render(rng.choice(["{name} cell?", "cell # for {name}"]), {"name": name}, rng), fact(d, "phone", cid)),
                turn(render("and their email", {}, rng), fact(d, "email", cid)),
                turn(render(rng.choice(["the address too", "address?"]), {}, rng), fact(d, "address", cid)),
            ], {"customer_id": cid})
        elif shape == 2:  # same job, who's the rep
            jid = pick_job(lambda j: True)
            cid = d.jobs[jid]["customer_id"]
            add("same_job_rep", [
                turn(render(rng.choice(["{job} where are we at", "stage on {job}?"]), {"job": job_ref(d, jid, rng)}, rng), fact(d, "stage", cid, jid)),
                turn(render(rng.choice(["same job, who's the rep", "same job - rep?"]), {}, rng), fact(d, "rep", cid, jid)),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 3:  # what about the other job
            two = [c for c in people if len([j for j in d.jobs_of(c) if not j["archived"]]) == 2 and len(d.jobs_of(c)) == 2]
            cid = fresh(two)
            a, b = (j["id"] for j in d.jobs_of(cid))
            if rng.random() < 0.5:
                a, b = b, a
            add("other_job", [
                turn(render(rng.choice(["stage on {job}", "where is {job} at"]), {"job": rng.choice(number_refs(d, a))}, rng), fact(d, "stage", cid, a)),
                turn(render(rng.choice(["what about the other job", "and {pos} other job?"]), pron(d, cid), rng), fact(d, "stage", cid, b)),
            ], {"customer_id": cid, "job_id": a, "other_job_id": b})
        elif shape == 4:  # the rep, then the customer's address
            jid = pick_job(lambda j: True)
            cid = d.jobs[jid]["customer_id"]
            add("rep_then_address", [
                turn(render(rng.choice(REP.templates), {"job": job_ref(d, jid, rng)}, rng), fact(d, "rep", cid, jid)),
                turn(render(rng.choice(["the customer's address?", "whats the customers address"]), {}, rng), fact(d, "address", cid)),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 5:  # next visit, then the balance on that
            jid = pick_job(lambda j: d.fully_invoiced(j) and d.next_appointment(jid=j) is not None)
            cid = d.jobs[jid]["customer_id"]
            add("next_then_balance", [
                turn(render(rng.choice(NEXT_JOB.templates), {"job": job_ref(d, jid, rng)}, rng), fact(d, "next", cid, jid)),
                turn(render(rng.choice(["and the balance on that", "balance on that one?"]), {}, rng), fact(d, "balance", cid, jid)),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 6:  # and him?
            jid = pick_job(lambda j: True)
            cid = d.jobs[jid]["customer_id"]
            obj = d.pronouns(cid)[1]
            add("and_him", [
                open_turn(d, jid, rng),
                turn(render(rng.choice(["and {obj}? best number", "and {obj} - cell?"]), {"obj": obj}, rng), fact(d, "phone", cid)),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 7:  # the same field for someone else
            cid = fresh([c for c in people if d.unique_last(c)])
            other = fresh([c for c in people if d.unique_last(c) and c != cid])
            add("same_for_other", [
                turn(render(rng.choice(CONTACT["email"].templates), {"name": d.full(cid), "pname": possessive(d.full(cid))}, rng), fact(d, "email", cid)),
                turn(render(rng.choice(["and {other}?", "how about {other}"]), {"other": d.full(other).lower()}, rng), fact(d, "email", other)),
            ], {"customer_id": cid, "other_customer_id": other})
        elif shape == 8:  # what they owe, the deposit, the rep
            jid = pick_job(lambda j: d.fully_invoiced(j) and "deposit" in d.money_facts(j))
            cid = d.jobs[jid]["customer_id"]
            add("money_chain", [
                turn(render("what do they owe on {job}", {"job": job_ref(d, jid, rng)}, rng), fact(d, "balance", cid, jid)),
                turn(render(rng.choice(["and the deposit", "deposit?"]), {}, rng), fact(d, "deposit", cid, jid)),
                turn(render("whos the rep on that one", {}, rng), fact(d, "rep", cid, jid)),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 9:  # the last note, then the next visit
            jid = pick_job(lambda j: d.notes_of(j) and d.next_appointment(jid=j) is not None)
            cid = d.jobs[jid]["customer_id"]
            add("note_then_next", [
                turn(render(rng.choice(NOTES.templates), {"job": job_ref(d, jid, rng)}, rng), fact(d, "note", cid, jid)),
                turn(render(rng.choice(["when are we back out there", "ok and when's the next visit"]), {}, rng), fact(d, "next", cid, jid)),
            ], {"customer_id": cid, "job_id": jid})
        elif shape == 10:  # email, phone, when am i seeing him next
            cid = fresh([c for c in people if d.next_appointment(cid=c)])
            p = pron(d, cid)
            add("email_phone_next", [
                turn(render("email for {name}", {"name": cust_ref(d, cid, rng)}, rng), fact(d, "email", cid)),
                turn(render("and {pos} phone", p, rng), fact(d, "phone", cid)),
                turn(render(rng.choice(["when am i seeing {obj} next", "when do we see {obj} next"]), p, rng), fact(d, "next", cid)),
            ], {"customer_id": cid})
        else:  # the contract, then what has been paid
            jid = pick_job(lambda j: "contract" in d.money_facts(j))
            cid = d.jobs[jid]["customer_id"]
            add("contract_then_paid", [
                turn(render(rng.choice(MONEY["contract"].templates), {"job": job_ref(d, jid, rng)}, rng), fact(d, "contract", cid, jid)),
                turn(render(rng.choice(["how much have they paid on it", "and paid so far?"]), {}, rng), fact(d, "paid", cid, jid)),
            ], {"customer_id": cid, "job_id": jid})
    return out


# (text, document or sku) in the middle of a CRM conversation
MIDDLES = [
    ("what do i say if they wanna wait till spring", "OBJECTION_HANDLING/waiting_until_next_season.md"),
    ("price on a box of mastic carvedwood", "SD-VN-MC"),
    ("whats the referral credit again", "PRICING_STRATEGIES/discounts_and_promotions_policy.md"),
    ("why do we always replace the drip edge", "PRODUCT_KNOWLEDGE/underlayment_and_drip_edge.md"),
    ("what do we charge for a 3x4 downspout", "GT-DS34"),
    ("how should i handle an expressive buyer", "CUSTOMER_PSYCHOLOGY/buyer_personality_types.md"),
    ("whats a roll of ice and water go for", "RF-IW"),
    ("what happens on the welcome call after they sign", "CORE_KNOWLEDGE/after_the_contract_is_signed.md"),
    ("how much for a picture window", "WN-PIC"),
    ("best way to handle we need to think about it", "OBJECTION_HANDLING/need_to_think_about_it.md"),
]


def middle_expect(d: Data, ref: str) -> dict[str, Any]:
    if ref in d.docs:
        return be.knowledge_expect(d, ref, None)
    return {"agent": "pricing", "money": float(be.sku(d, ref)["price"])}


BACK = {
    "install": ["back to {obj} - whats the install date", "ok so when does the install start on that one"],
    "rep": ["anyway, who's the rep on {pos} job", "back to the {last} job, who's the rep"],
    "phone": ["ok back to {first}, number again?", "what was {pos} cell again"],
    "email": ["back to {obj} - email?", "ok and {pos} email"],
    "next": ["back to {obj}: when are we out there next", "ok where were we, whens {pos} next appt"],
    "balance": ["ok back to {last}, whats left to pay", "back to that job - balance?"],
    "stage": ["back to the {last} job - what stage is it", "ok and that job, where is it at"],
}


def gen_topic_switch(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    installs = [j for j in jobs(d) if install_of(d, j)]
    balances = [j for j in live_jobs(d) if d.fully_invoiced(j)]
    single = [j for j in live_jobs(d) if len(d.jobs_of(d.jobs[j]["customer_id"])) == 1]
    plan = ["install", "rep", "phone", "install", "next", "balance", "email", "stage", "install"]
    used: set[int] = set()

    def choose(pool: list[int]) -> int:
        fresh = [j for j in pool if d.jobs[j]["customer_id"] not in used]
        return rng.choice(fresh or pool)

    for n, kind in enumerate(plan):
        if kind == "install":
            jid = installs[(plan[:n].count("install") * 2 + 1) % len(installs)]
        elif kind == "balance":
            jid = choose(balances)
        elif kind == "next":
            jid = choose([j for j in live_jobs(d) if d.next_appointment(cid=d.jobs[j]["customer_id"])])
        elif kind == "stage":
            jid = choose(single)
        else:
            jid = choose(live_jobs(d))
        cid = d.jobs[jid]["customer_id"]
        used.add(cid)
        p = pron(d, cid)
        if kind in ("phone", "email", "next", "stage") or (kind == "rep" and len(d.jobs_of(cid)) == 1):
            name = cust_ref(d, cid, rng)
            first = turn(render(rng.choice(["{name} cell?", "{pname} number pls"]), {"name": name, "pname": possessive(name)}, rng), fact(d, "phone", cid))
        else:
            first = turn(render(rng.choice(STATUS.templates), {"job": job_ref(d, jid, rng)}, rng), fact(d, "stage", cid, jid))
        middle_text, ref = MIDDLES[n % len(MIDDLES)]
        turns = [first, turn(render(middle_text, {}, rng), middle_expect(d, ref))]
        if n % 4 == 3:  # a second detour before coming back
            more_text, more = MIDDLES[(n + 5) % len(MIDDLES)]
            turns.append(turn(render(more_text, {}, rng), middle_expect(d, more)))
        back = fact(d, kind, cid, jid if kind in ("install", "rep", "balance", "stage") else None)
        assert back is not None, (kind, jid)
        turns.append(turn(render(rng.choice(BACK[kind]), p, rng), back))
        if kind == "install" and n == 3:
            turns.append(turn(render("and {pos} email", p, rng), fact(d, "email", cid)))
        out.append(case("topic_switch", f"dev2:topic_switch.{kind}", turns, {"customer_id": cid, "job_id": jid, "middle": ref}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: clarifications
# ------------------------------------------------------------------------------------------

ASK_FIELD = {
    "phone": ["{said} cell?", "need {psaid} number"],
    "email": ["{psaid} email?", "email on {said}"],
    "address": ["where does {said} live", "{psaid} address"],
    "rep": ["who's got {said}", "rep for {said}?"],
    "next": ["when am i seeing {said} next", "{psaid} next appt"],
}
ORDINALS = [("2", 2), ("the 2nd", 2), ("number two", 2), ("option 1", 1), ("the first", 1), ("first one", 1), ("second", 2)]


def clarify_fact(d: Data, kind: str, cid: int) -> dict[str, Any] | None:
    if kind == "rep":
        return fact(d, "customer_rep", cid)
    if kind == "address":
        return fact(d, "address", cid)
    return fact(d, kind, cid)


def gen_clarify(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    by_last, by_first = be._customer_groups(d)
    lasts, firsts = sorted(by_last), sorted(by_first)
    # the name groups dev uses (build_eval.gen_clarify), so the held-out names stay new
    groups = [("last", k, by_last[k]) for k in lasts[::3] + lasts[1::3]] + [("first", k, by_first[k]) for k in firsts[::2]]
    out: list[dict[str, Any]] = []
    ways = ["other", "town", "job", "trade"]
    fields = ["phone", "email", "address", "rep", "next", "email", "phone"]
    n_ord = n_way = 0
    for n, (axis, said, group) in enumerate(groups):
        dev_group = [c for c in group if c not in be.HELDOUT_CUSTOMERS]
        if not dev_group:
            continue  # only held-out customers have the name
        key = "first_name" if axis == "last" else "last_name"
        kind = fields[n % len(fields)]
        chosen = dev_group[n % len(dev_group)]
        if kind == "rep" and len({d.customers[c]["rep_id"] for c in group}) == 1:
            kind = "email"
        # "the second one" reads a fact of whichever customer Hard-E lists second: only
        # where every customer with the name is a dev customer
        ordinal = len(dev_group) == len(group)
        targets = group if ordinal else [chosen]
        if kind == "next" and any(clarify_fact(d, "next", c) is None for c in targets):
            kind = "phone"
        towns = [d.customers[c]["address"]["city"] for c in group]
        own_trades = {t for j in d.jobs_of(chosen) for t in d.trades(j["id"]) if t in MAIN_TRADES}
        others = {t for c in group if c != chosen for j in d.jobs_of(c) for t in d.trades(j["id"])}
        possible = {"other", "job"}
        if towns.count(d.customers[chosen]["address"]["city"]) == 1:
            possible.add("town")
        if own_trades - others:
            possible.add("trade")
        template = rng.choice(ASK_FIELD[kind])
        first_text = render(template, {"said": said.lower(), "psaid": possessive(said.lower())}, rng)
        options = [d.customers[c][key] for c in group]
        if ordinal:
            way = "ordinal"
            reply, index = ORDINALS[n_ord % len(ORDINALS)]
            n_ord += 1
            expect: dict[str, Any] = {"choice": {"index": index, "options": [{"find": [d.customers[c][key]], "expect": clarify_fact(d, kind, c)} for c in group]}}
            subject_chosen = None
        else:
            way = next(w for w in ways[n_way % len(ways):] + ways if w in possible)
            n_way += 1
            if way == "other":
                reply = rng.choice(["{x}", "{x} pls", "i meant {x}"]).format(x=d.customers[chosen][key].lower())
            elif way == "town":
                reply = rng.choice(["{x}", "the one in {x}", "the {x} one"]).format(x=d.customers[chosen]["address"]["city"].lower())
            elif way == "trade":
                word = {"Gutters": "gutter", "Windows": "window", "Roofing": "roof", "Siding": "siding"}[sorted(own_trades - others)[0]]
                reply = f"the {word} one"
            else:
                reply = rng.choice(["{x}", "#{x}", "the {x} job"]).format(x=d.jobs_of(chosen)[0]["id"])
            expect = clarify_fact(d, kind, chosen) or {}
            subject_chosen = chosen
        turns = [turn(first_text, {"asks": options}), turn(reply, expect)]
        out.append(case("clarify", f"dev2:clarify.{axis}.{way}", turns, {"said": said, "customer_ids": group, "chosen": subject_chosen, "field": kind}))
    # one customer, several jobs: which job?
    many = [c for c in customers(d) if len(d.jobs_of(c)) >= 2 and not any(j["archived"] for j in d.jobs_of(c))]
    rng.shuffle(many)
    job_replies = ["trade", "number", "ordinal", "trade", "number", "ordinal"]
    for n, cid in enumerate(many[:4]):
        js = d.jobs_of(cid)
        trades = [set(d.trades(j["id"])) & set(MAIN_TRADES) for j in js]
        labels = [[str(j["id"]), *sorted(trade_word(t) for t in ts if sum(t in o for o in trades) == 1)] for j, ts in zip(js, trades, strict=True)]
        kind = "stage" if n % 2 == 0 else "note"
        name = cust_ref(d, cid, rng)
        template = rng.choice(["where is {name} at", "{pname} job status"] if kind == "stage" else ["last note on {pname} job", "whats the latest note for {name}"])
        first_text = render(template, {"name": name, "pname": possessive(name)}, rng)
        index = rng.randrange(len(js))
        own = trades[index] - set().union(*(t for i, t in enumerate(trades) if i != index))
        how = job_replies[n]
        if how == "trade" and not own:
            how = "number"
        chosen_job: int | None = js[index]["id"]
        if how == "trade":
            word = {"Gutters": "gutter", "Windows": "window", "Roofing": "roof", "Siding": "siding"}[sorted(own)[0]]
            reply = rng.choice([f"the {word} one", f"{word} job"])
            expect = fact(d, kind, cid, chosen_job) or {}
        elif how == "number":
            reply = rng.choice(["{x}", "#{x}", "job {x} pls"]).format(x=chosen_job)
            expect = fact(d, kind, cid, chosen_job) or {}
        else:
            reply, k = ORDINALS[(n + 3) % len(ORDINALS)]
            expect = {"choice": {"index": k, "options": [{"find": label, "expect": fact(d, kind, cid, j["id"])} for j, label in zip(js, labels, strict=True)]}}
            chosen_job = None
        turns = [turn(first_text, {"asks": labels}), turn(reply, expect)]
        out.append(case("clarify", f"dev2:clarify.job.{how}", turns, {"customer_id": cid, "job_ids": [j["id"] for j in js], "chosen_job": chosen_job, "field": kind}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: writes, and writes called off
# ------------------------------------------------------------------------------------------

YES = ["yes", "do it", "yep go", "go for it", "ya", "sounds good", "ok yes", "please do", "yes thx", "k do it"]

NOTE_TEXTS = [
    "called left vm", "sent the brochure", "left a card in the door", "wife prefers texts not calls",
    "gate code 4471", "measured 32 squares", "customer picked charcoal", "waiting on the insurance adjuster",
    "needs permit before we start", "dropped off samples", "hoa approval came in", "husband wants 3 bids",
]
NOTE_ASKS = [
    "add note to {num} {note}",
    "note for {name} - {note}",
    "{num} note {note}",
    "put a note on {ref} {note}",
    "jot down on {ref} {note}",
    "can u note on {ref} that {note}",
    "add to the notes on {ref} {note}",
]
NOTE_FOCUS = ["add a note saying {note}", "note it {note}", "put in the notes {note}", "log that {note}"]
CALL_ASK = "log a call on {ref} {note}"
CALL_TEXTS = ["homeowner wants a callback", "no answer will try again later", "spoke to her she is still deciding"]

# (template, stage, the kind of reference); "name" takes a job name, "num" a job number
STAGE_ASKS = [
    ("we won {name}", "Contract Signed", "name"),
    ("close out {num}", "Paid & Closed", "num"),
    ("kill {name}", "Lost", "lastjob"),
    ("mark {num} as paid", "Paid & Closed", "num"),
    ("move {name} to scheduled", "Scheduled", "name"),
    ("{ref} went w/ another company, mark it lost", "Lost", "any"),
    ("bump {ref} to proposal sent", "Proposal Sent", "any"),
    ("crew started on {ref} today, set it to in progress", "In Progress", "any"),
    ("{ref} is all done mark it completed", "Completed", "any"),
    ("put {ref} back in estimating", "Estimating", "any"),
    ("homeowner signed on {ref}!!", "Contract Signed", "any"),
    ("we lost {name} to a cheaper bid", "Lost", "name"),
    ("{num} - move to follow up", "Follow Up", "num"),
]
STAGE_FOCUS = [
    ("they signed", "Contract Signed"),
    ("mark it paid", "Paid & Closed"),
    ("kill it", "Lost"),
    ("move it to scheduled", "Scheduled"),
    ("they went with someone else", "Lost"),
    ("push it to follow up", "Follow Up"),
]

# (when as typed, start)
BOOK_WHEN = [
    ("thu @ 10", "2026-11-26T10:00"),
    ("fri 10a", "2026-11-27T10:00"),
    ("wed 2:30pm", "2026-11-25T14:30"),
    ("tmrw at noon", "2026-11-24T12:00"),
    ("tmrw morning 9:30", "2026-11-24T09:30"),
    ("next tues 3", "2026-12-01T15:00"),
    ("12/3 at 9", "2026-12-03T09:00"),
    ("dec 4 at 1", "2026-12-04T13:00"),
    ("mon 11/30 at 4pm", "2026-11-30T16:00"),
]
# (how the rep says it, word the title carries)
BOOK_KINDS = [("inspection", "inspection"), ("estimate review", "estimate"), ("follow up visit", "follow"), ("walkthrough", "walkthrough")]
BOOK_ASKS = [
    "book {akind} for {ref} {when}",
    "set up {akind} w/ {ref} {when}",
    "{ref} - {kind} {when}",
    "put {ref} on the calendar {when} for {akind}",
    "can u book {akind} at {ref} {when}",
]
BOOK_FOCUS = ["book {akind} there {when}", "set {akind} w/ {obj} {when}", "pencil in {akind} {when}"]


def article(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


STAGE_FROM = {
    # the stages a job is in when a rep would say it moved to this one
    "Contract Signed": {"Lead", "Estimating", "Proposal Sent", "Follow Up"},
    "Paid & Closed": {"Completed", "In Progress", "Scheduled"},
    "Lost": {"Lead", "Estimating", "Proposal Sent", "Follow Up"},
    "Scheduled": {"Contract Signed"},
    "Proposal Sent": {"Lead", "Estimating"},
    "In Progress": {"Scheduled", "Contract Signed"},
    "Completed": {"In Progress"},
    "Estimating": {"Lead", "Proposal Sent"},
    "Follow Up": {"Proposal Sent", "Estimating"},
}


def stage_refs(d: Data, jid: int, how: str) -> list[str]:
    """The references a stage request of this kind can use for the job."""
    names = name_refs(d, jid)
    if how == "num":
        return [*number_refs(d, jid)[:2], d.jobs[jid]["number"]]
    if how == "name":
        return [r for r in names if r.startswith("the ") and not r.endswith(" job")]
    if how == "lastjob":
        return [r for r in names if r.startswith("the ") and r.endswith(" job")]
    return names + number_refs(d, jid)


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
        if not focus and k % 4 == 3:
            note = CALL_TEXTS[(k // 4) % len(CALL_TEXTS)]
            text = render(CALL_ASK, {"ref": job_ref(d, jid, rng), "note": note}, rng)
            return "dev2:write.call", text, {"note_on_job": jid, "contains": note}
        note = NOTE_TEXTS[k % len(NOTE_TEXTS)]
        people = [r for r in name_refs(d, jid) if not r.startswith("the ")]
        if focus:
            template = NOTE_FOCUS[k % len(NOTE_FOCUS)]
        else:
            template = NOTE_ASKS[k % len(NOTE_ASKS)]
            if "{name}" in template and not people:
                template = NOTE_ASKS[0]
        slots = {"num": rng.choice(number_refs(d, jid)), "ref": job_ref(d, jid, rng), "note": note}
        if "{name}" in template:
            slots["name"] = rng.choice(people)
        tid = f"dev2:write.note.focus/{NOTE_FOCUS.index(template)}" if focus else f"dev2:write.note/{NOTE_ASKS.index(template)}"
        return tid, render(template, slots, rng), {"note_on_job": jid, "contains": note}

    def stage(self, *, focus: bool = False) -> tuple[int, str, str, dict[str, Any]]:
        """(job, template id, text, check): the next phrasing, on a job it fits."""
        d, rng = self.d, self.rng
        live = live_jobs(d)
        asks: list[tuple[str, str, str]] = [(t, s, "") for t, s in STAGE_FOCUS] if focus else STAGE_ASKS
        start = self.n_focus if focus else self.n_stage
        for shift in range(len(asks)):
            template, stage, how = asks[(start + shift) % len(asks)]
            allowed = {"Completed"} if template.startswith("close out") else STAGE_FROM[stage]
            fits = [j for j in live if d.stage(j) in allowed and (focus or stage_refs(d, j, how))]
            if not fits:
                continue
            if focus:
                self.n_focus += shift + 1
            else:
                self.n_stage += shift + 1
            jid = rng.choice([j for j in fits if j not in self.used] or fits)
            self.used.add(jid)
            if focus:
                return jid, f"dev2:write.stage.focus/{stage}", render(template, {}, rng), {"stage_of_job": jid, "stage": stage}
            ref = rng.choice(stage_refs(d, jid, how))
            text = render(template, {"name": ref, "num": ref, "ref": ref}, rng)
            return jid, f"dev2:write.stage/{stage}", text, {"stage_of_job": jid, "stage": stage}
        raise AssertionError("no job fits any stage request")

    def book(self, jid: int, *, focus: bool = False) -> tuple[str, str, dict[str, Any]]:
        d, rng = self.d, self.rng
        k = self.n_book
        self.n_book += 1
        when, start = BOOK_WHEN[k % len(BOOK_WHEN)]
        said, title = BOOK_KINDS[k % len(BOOK_KINDS)]
        templates = BOOK_FOCUS if focus else BOOK_ASKS
        template = templates[k % len(templates)]
        slots = {"ref": job_ref(d, jid, rng), "when": when, "kind": said, "akind": article(said), "obj": d.pronouns(d.jobs[jid]["customer_id"])[1]}
        tid = f"dev2:write.book{'.focus' if focus else ''}/{templates.index(template)}"
        return tid, render(template, slots, rng), {"appointment_on_job": jid, "start": start, "title_contains": title}

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
    for n in range(27):
        kind = ["note", "stage", "book"][n % 3]
        focus = n % 5 == 1
        jid, tid, text, check = w.request(kind, pool[n % len(pool)], focus=focus)
        turns = [turn(text), turn(w.yes(), done(word_of(check)))]
        if focus:
            turns.insert(0, open_turn(d, jid, rng))
        out.append(case("write", tid, turns, {"job_id": jid, "kind": kind}, [check]))
    # a shared name in the request: Hard-E asks which, the rep says, then confirms
    by_last, by_first = be._customer_groups(d)
    for said, group, chosen, reply, kind in [
        ("carter", by_last["Carter"], 107, "denise", "note"),
        ("thomas", by_first["Thomas"], 144, "thibodeau", "book"),
        ("fitzgerald", by_last["Fitzgerald"], 135, "the marlborough one", "stage"),
    ]:
        jid = d.jobs_of(chosen)[0]["id"]
        key = "first_name" if said == d.customers[chosen]["last_name"].lower() else "last_name"
        if kind == "note":
            note = "homeowner asked for a call after 5"
            text = render("note on the {said} job - {note}", {"said": said, "note": note}, rng)
            check: dict[str, Any] = {"note_on_job": jid, "contains": note}
        elif kind == "book":
            text = render("book an inspection for {said} {when}", {"said": said, "when": "wed 2:30pm"}, rng)
            check = {"appointment_on_job": jid, "start": "2026-11-25T14:30", "title_contains": "inspection"}
        else:
            text = render("mark the {said} job lost", {"said": said}, rng)
            check = {"stage_of_job": jid, "stage": "Lost"}
        turns = [turn(text, {"asks": [d.customers[c][key] for c in group]}), turn(reply), turn(w.yes(), done(word_of(check)))]
        out.append(case("write", f"dev2:write.{kind}.which", turns, {"job_id": jid, "kind": kind, "said": said, "customer_ids": group, "chosen": chosen}, [check]))
    return out


CANCELS = ["hold up", "no wait", "don't", "scratch that", "forget it", "not now", "hmm no", "stop", "nvm dont do that", "no cancel"]


def gen_called_off(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Writes(d, rng, offset=2)  # other phrasings first than the writes
    pool = open_jobs(d)
    rng.shuffle(pool)
    people = customers(d)
    hows = ["cancel_then_yes", "unrelated_then_yes", "cancel", "knowledge_then_yes", "cancel_unrelated_yes"]
    knowledge = [(t, ref) for t, ref in MIDDLES if ref in d.docs]
    n_cancel = 0
    for n in range(18):
        kind = ["note", "stage", "book"][n % 3]
        focus = n % 4 == 2
        jid, tid, text, _check = w.request(kind, pool[(n * 5) % len(pool)], focus=focus)
        how = hows[n % len(hows)]
        turns = [open_turn(d, jid, rng), turn(text)] if focus else [turn(text)]
        subject: dict[str, Any] = {"job_id": jid, "kind": kind}
        if how.startswith("cancel"):
            turns.append(turn(render(CANCELS[n_cancel % len(CANCELS)], {}, rng), dict(NO_CLAIM)))
            n_cancel += 1
        if how in ("unrelated_then_yes", "cancel_unrelated_yes"):
            other = rng.choice([c for c in people if c != d.jobs[jid]["customer_id"]])
            subject["other_customer_id"] = other
            name = cust_ref(d, other, rng)
            question = render(rng.choice(CONTACT["phone"].templates), {"name": name, "pname": possessive(name)}, rng)
            turns.append(turn(question, {**(fact(d, "phone", other) or {}), **NO_CLAIM}))
        if how == "knowledge_then_yes":
            question, ref = knowledge[n % len(knowledge)]
            subject["middle"] = ref
            turns.append(turn(render(question, {}, rng), {**be.knowledge_expect(d, ref, None), **NO_CLAIM}))
        if how.endswith("yes"):
            turns.append(turn(w.yes(), dict(NO_CLAIM)))
        out.append(case("called_off", f"dev2:called_off.{how}/{tid.removeprefix('dev2:')}", turns, subject, [{"unchanged": True}]))
    return out


# ------------------------------------------------------------------------------------------
# the files
# ------------------------------------------------------------------------------------------

DEV_SET = be.DevSet(SPLIT, SEED, globals(), HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
