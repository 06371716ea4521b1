"""Builds dev5, a fifth development set for the understanding layer: probes written from the
demo company's data alone, in phrasings of their own, weighted to where held-out figures trail
the dev sets: CRM writes asked in reps' words and confirmed, and conversations (follow-ups that
lean on pronouns, clarifications, topic switches and back). Every expected fact is computed
here from data/demo (the CRM seed, the knowledge base, the director's call transcripts, the
catalog), never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev5.py [--out DIR]

Writes dev5/questions.jsonl and dev5/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev4 (see build_eval.py and
bench/understanding.py); the data loading and the fact helpers are build_eval's, build_dev3's
and build_dev4's, and every phrasing is dev5's own. The clock is pinned at Monday 2026-11-23
09:00 America/New_York.

What dev5 leans on:
- writes: notes typed after a colon, a dash, a comma, "saying" or "that", or with no separator
  at all; stage changes said the way reps say them ("went with someone else", "got the
  signature", "crew wrapped"); bookings with the times reps type ("thurs 2pm", "next tues at
  8:30", "12/3 @ 10", "tomorrow morning 9"); the job named by the customer, by last name and
  trade, by its number in any form (1047, #1047, 2611-1047) or by a pronoun after a look-up;
  a customer with two jobs, so Hard-E must ask which; corrections before the yes (a new time,
  a new day, new note text, another stage, another job); two writes in one conversation; the
  yes in many words;
- writes called off ("scratch that", "no dont", "forget it", "hold on not yet", a new
  question), with a stray yes later that must not run them;
- follow-ups across two to four turns, switching between customers and back;
- clarifications of shared first and last names and of two jobs, answered with a first name,
  a town, a trade, a job number or a position;
- topic switches from the CRM to the playbook, pricing or the director's calls, and back with
  a pronoun;
- single questions of every category, with reps' noise: lower case, clipped words, typos and
  missing words.

Subjects are the dev customers (build_eval.split_customers(d, "dev")) and Sarah Johnson (147);
held-out customers only appear as the other options of a shared name in a clarification.
"""

from __future__ import annotations

import datetime as dt
import math
import random
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

SPLIT = "dev5"
SEED = f"{be.SEED}/dev5"
SARAH = 147  # added to the demo after dev was drawn; dev5 may ask about her
NOW = be.NOW
HOUR = dt.timedelta(hours=1)

# ------------------------------------------------------------------------------------------
# how reps type, dev5's layer
# ------------------------------------------------------------------------------------------

LAZY = [
    (r"\bokay\b", "k"),
    (r"\bthanks\b", "ty"),
    (r"\bsomething\b", "smth"),
    (r"\bbefore\b", "b4"),
    (r"\bpeople\b", "ppl"),
    (r"\btonight\b", "tonite"),
    (r"\bquestion\b", "q"),
    (r"\bknow\b", "kno"),
    (r"\bwhat is\b", "wats"),
    (r"\bhave\b", "hav"),
]


# build_eval's render (shorthand, one typo, lower case) after dev5's own clipping and one
# dropped "the", "a", "is" or "are" on the template's words; slot values are left as they
# are.
say = ds.typist(LAZY, 0.3, drop=(r"\b(?:the|a|is|are) (?=\w)", 0.2))


class Turns(ds.Turns):
    """Templates of one kind, taken in turn from a random start, named as dev5's."""

    split = "dev5"


# ------------------------------------------------------------------------------------------
# the data, as dev5 reads it
# ------------------------------------------------------------------------------------------


def customers(d: Data) -> list[int]:
    return [*be.split_customers(d, "dev"), SARAH]


def jobs(d: Data) -> list[int]:
    people = set(customers(d))
    return sorted(j for j, job in d.jobs.items() if job["customer_id"] in people)


def live_jobs(d: Data) -> list[int]:
    return [j for j in jobs(d) if not d.jobs[j]["archived"]]


def open_jobs(d: Data) -> list[int]:
    return [j for j in live_jobs(d) if d.stage(j) not in be.CLOSED_STAGES]


def live_jobs_of(d: Data, cid: int) -> list[int]:
    return [j["id"] for j in d.jobs_of(cid) if not j["archived"]]


def cid_of(d: Data, jid: int) -> int:
    return int(d.jobs[jid]["customer_id"])


def pron(d: Data, cid: int) -> dict[str, str]:
    return d4.pron(d, cid)


def fact(d: Data, kind: str, cid: int, jid: int | None = None) -> dict[str, Any]:
    out = d3.fact(d, kind, cid, jid)
    assert out is not None, (kind, cid, jid)
    return out


def future_appointments(d: Data, jid: int) -> list[dict[str, Any]]:
    now = NOW.strftime("%Y-%m-%d %H:%M:%S")
    return [a for a in d.appointments() if jid in a["job_ids"] and a["start_date_time"] >= now and not a["is_completed"]]


def possessive(name: str) -> str:
    """ "walsh" -> "walsh's", "santos" -> "santos'" (the noise drops the apostrophe)."""
    return name + ("'" if name.endswith("s") else "'s")


WORD = {"Roofing": "roof", "Siding": "siding", "Gutters": "gutters", "Windows": "windows"}
ONE = {"Roofing": "roof", "Siding": "siding", "Gutters": "gutter", "Windows": "window"}


def trades_of(d: Data, jid: int) -> list[str]:
    return [t for t in d.trades(jid) if t in WORD]


def number_refs(d: Data, jid: int) -> list[str]:
    return [f"{jid}", f"#{jid}", d.jobs[jid]["number"], f"job {jid}", f"job # {jid}"]


def name_refs(d: Data, jid: int) -> list[str]:
    """dev5's names for one job alone, without its number: "patrick walsh", "walsh siding",
    "julie castillo's window job", "sarahs siding"."""
    cid = cid_of(d, jid)
    c = d.customers[cid]
    first, last = c["first_name"], c["last_name"]
    out: list[str] = []
    if len(d.jobs_of(cid)) == 1:
        out.append(f"{first} {last}")
        if d.unique_last(cid):
            out.append(last)
    for trade in trades_of(d, jid):
        if len(d.jobs_by_last_trade(last, trade)) == 1:
            out.append(f"{last} {WORD[trade]}")
        if len(d.jobs_by_customer_trade(cid, trade)) == 1:
            out.append(f"{possessive(first + ' ' + last)} {ONE[trade]} job")
            if d.unique_first(cid):
                out.append(f"{possessive(first)} {WORD[trade]}")
    return out


def job_ref(d: Data, jid: int, rng: random.Random, names: float = 0.55) -> str:
    refs = name_refs(d, jid)
    if refs and rng.random() < names:
        return rng.choice(refs)
    return rng.choice(number_refs(d, jid))


STYLES = ("name", "last_trade", "num", "hash", "long", "job")


def styled_ref(d: Data, jid: int, style: str, rng: random.Random) -> str:
    """The job named one way: by the customer, by last name and trade, or its number as typed."""
    c = d.customers[cid_of(d, jid)]
    names = name_refs(d, jid)
    if style == "name":
        whole = [r for r in names if r.lower().startswith(c["first_name"].lower())]
        if whole:
            return rng.choice(whole)
    if style == "last_trade":
        lt = [r for r in names if r.lower().startswith(c["last_name"].lower() + " ")]
        if lt:
            return lt[0]
    numbers = dict(zip(("num", "hash", "long", "job"), number_refs(d, jid)[:4], strict=True))
    return numbers.get(style, numbers["num"])


def cust_ref(d: Data, cid: int, rng: random.Random) -> str:
    return rng.choice(be.customer_name_refs(d, cid))


def name_slots(d: Data, cid: int, rng: random.Random) -> dict[str, str]:
    name = cust_ref(d, cid, rng)
    return {"name": name, "pname": possessive(name)}


def job_labels(d: Data, cid: int) -> list[list[str]]:
    """What tells a customer's live jobs apart in a question back: the number, and a trade only
    that job has."""
    ids = live_jobs_of(d, cid)
    out = []
    for jid in ids:
        own = [ONE[t] for t in trades_of(d, jid) if sum(t in trades_of(d, other) for other in ids) == 1]
        out.append([str(jid), *own])
    return out


NO_CLAIM: dict[str, Any] = {"not_contains": WRITE_CLAIMS}

# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "cell # for {name}",
        "got a phone for {name}?",
        "gimme {pname} number",
        "how do i get ahold of {name}",
        "what number have we got for {name}",
        "{pname} digits pls",
    ]),
    "email": Turns("crm.contact.email", [
        "{pname} email?",
        "shoot me {pname} email",
        "{name} - email address",
        "which email is {name} using",
    ]),
    "address": Turns("crm.contact.address", [
        "what's {pname} street address",
        "{name} lives where?",
        "addy for {name}",
        "heading to {pname} place, address?",
    ]),
    "home": Turns("crm.contact.home", ["{pname} home line #", "landline number for {name}?"]),
}
BY_JOB = Turns("crm.contact.by_job", ["{job} - who do i call, number?", "customer phone on {job}"])


def gen_contact(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = customers(d)
    rng.shuffle(pool)
    kinds = ["phone", "email", "address", "home", "phone", "address", "email", "phone", "home", "email", "address", "phone"]
    for cid, kind in zip(pool, kinds, strict=False):
        if kind == "home" and d3.fact(d, "home", cid) is None:
            kind = "phone"
        tid, template = ASK[kind].pick(rng)
        text = say(template, name_slots(d, cid, rng), rng)
        out.append(case("crm.contact", tid, [turn(text, fact(d, kind, cid))], {"customer_id": cid, "field": kind}))
    for jid in rng.sample(live_jobs(d), 2):
        tid, template = BY_JOB.pick(rng)
        text = say(template, {"job": rng.choice(number_refs(d, jid)[1:4])}, rng)
        out.append(case("crm.contact", tid, [turn(text, fact(d, "phone", cid_of(d, jid)))], {"customer_id": cid_of(d, jid), "job_id": jid, "field": "phone"}))
    return out


STAGE_ASK = Turns("crm.status", [
    "what's going on with {job}",
    "{job} what stage are we",
    "is {job} still open? stage?",
    "stage check on {job}",
    "{job} coming along ok? what stage",
    "{job}, status",
])
REP_ASK = Turns("crm.rep", ["whos the sales guy on {job}", "rep name for {job}", "{job} - who's it assigned to", "which of the reps has {job}"])
CUSTOMER_REP_ASK = Turns("crm.rep.customer", ["who takes care of {name}", "who's {pname} salesperson"])
NOTE_ASK = Turns("crm.notes", ["what's the last thing in the notes for {job}", "{job} most recent note pls", "{job} anything new in the notes", "what was the last note left on {job}"])


def gen_status(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.status", STAGE_ASK, say, job_ref, jobs(d), 12, lambda jid: ({**CRM, "contains": [d.stage(jid)]}, {"job_id": jid}))


def gen_rep(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = ds.job_cases(d, rng, "crm.rep", REP_ASK, say, job_ref, live_jobs(d), 6, lambda jid: ({**CRM, "contains": [d.rep(jid)]}, {"job_id": jid}))
    single = [c for c in customers(d) if d3.fact(d, "customer_rep", c) is not None]
    for cid in rng.sample(single, 2):
        tid, template = CUSTOMER_REP_ASK.pick(rng)
        text = say(template, name_slots(d, cid, rng), rng)
        out.append(case("crm.rep", tid, [turn(text, fact(d, "customer_rep", cid))], {"customer_id": cid}))
    return out


def gen_notes(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    def ask(jid: int) -> tuple[dict[str, Any], dict[str, Any]]:
        note = d.notes_of(jid)[0]
        return {**CRM, "contains": [be._note_phrase(note["note"])]}, {"job_id": jid, "note_id": note["id"]}

    return ds.job_cases(d, rng, "crm.notes", NOTE_ASK, say, job_ref, [j for j in jobs(d) if d.notes_of(j)], 8, ask)


MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["how much is {job} for", "{job} contract value?", "whats {job} worth, contract"]),
    "balance": Turns("crm.money.balance", ["what do they still owe on {job}", "{job} balance?", "is {job} paid up"]),
    "paid": Turns("crm.money.paid", ["how much has {job} paid us", "payments in on {job}?"]),
    "proposal": Turns("crm.money.proposal", ["what did we quote {job} at", "{job} proposal $"]),
    "deposit": Turns("crm.money.deposit", ["deposit collected on {job}?"]),
}


def gen_money(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for kind, quota in {"balance": 4, "contract": 2, "proposal": 3, "paid": 2, "deposit": 1}.items():
        pool = [j for j in jobs(d) if kind in d.money_facts(j) and d3.fact(d, kind, cid_of(d, j), j)]
        for jid in rng.sample(pool, quota):
            tid, template = MONEY_ASK[kind].pick(rng)
            text = say(template, {"job": job_ref(d, jid, rng)}, rng)
            out.append(case("crm.money", tid, [turn(text, fact(d, kind, cid_of(d, jid), jid))], {"job_id": jid, "field": kind}))
    return out


INSTALL_ASK = Turns("crm.dates.install", ["when's install day for {job}", "{job} install - what day"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["whats the next thing on the calendar for {job}", "{job} - when are we out there next"])
NEXT_ASK = Turns("crm.dates.next_customer", ["next time we're at {pname} house?", "{name} - anything on the calendar coming up?", "what day am i back at {pname}"])


def gen_dates(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    pools = (jobs(d), jobs(d), customers(d))
    return ds.dates_cases(d, rng, (INSTALL_ASK, NEXT_JOB_ASK, NEXT_ASK), say, job_ref, name_slots, pools, (3, 2, 3))


# (words, first day, last day, user or None, template)
CALENDAR_ASKS: list[tuple[str, str, str, int | None, str]] = [
    ("wednesday", "2026-11-25", "2026-11-25", None, "anything booked for {when} at all"),
    ("12/9", "2026-12-09", "2026-12-09", None, "who's going out {when}"),
    ("mon the 30th", "2026-11-30", "2026-11-30", None, "calendar for {when}?"),
    ("dec 15", "2026-12-15", "2026-12-15", None, "how many visits on the books {when}"),
    ("tomorrow", "2026-11-24", "2026-11-24", 12, "what has dana got going {when}"),
    ("dec 14", "2026-12-14", "2026-12-14", 13, "kevins appts {when}?"),
    ("friday", "2026-11-27", "2026-11-27", 16, "where's sullivan {when}"),
    ("12/15", "2026-12-15", "2026-12-15", 11, "does reed have anything {when}"),
]


def gen_calendar(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.calendar_cases(d, rng, SPLIT, CALENDAR_ASKS, say)


REP_OPEN = [(13, "whats in kevins pipeline thats still open"), (11, "mike reed open deals, how many"), (12, "jobs still open under dana"), (13, "how many jobs is shea carrying")]


def gen_rep_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.rep_jobs_cases(d, rng, SPLIT, REP_OPEN, say, counting=("how many",))


STAGE_LISTS = [
    ("Lead", "how many fresh leads do we have, list them"),
    ("Scheduled", "whats on the schedule board, jobs in scheduled"),
    ("In Progress", "which jobs have crews on them rn, in progress"),
    ("Proposal Sent", "jobs waiting on a proposal answer? proposal sent ones"),
    ("Completed", "anything completed but not paid and closed yet"),
]


def gen_stage_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.stage_jobs_cases(d, rng, SPLIT, STAGE_LISTS, say)


# ------------------------------------------------------------------------------------------
# single questions: knowledge and the playbook
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the document[, other documents that answer it
# and carry the same phrase])
PLAYBOOK: list[tuple[Any, ...]] = [
    ("OBJECTION_HANDLING/price_objection.md", "homeowner says the other guy came in way cheaper, how do i handle it", "line by line", ["OBJECTION_HANDLING/getting_three_quotes.md"]),
    ("OBJECTION_HANDLING/price_objection.md", "how do i re-anchor on value when they push back on price", "cost of waiting"),
    ("OBJECTION_HANDLING/objection_handling_framework.md", "why do i ask questions before answering an objection", "first objection is often not the real one"),
    ("OBJECTION_HANDLING/spouse_not_present.md", "husbands at work, can i get him in on facetime or something", "video call"),
    ("OBJECTION_HANDLING/getting_three_quotes.md", "we're the last of 3 companies theyve seen, what do i say to close", "which one do you feel best about"),
    ("OBJECTION_HANDLING/financing_questions.md", "do i only bring up financing when they look like they cant afford it", "never as a sign"),
    ("OBJECTION_HANDLING/need_to_think_about_it.md", "they still want time to think after all that, whats the next step", "put a time on the calendar"),
    ("OBJECTION_HANDLING/handyman_or_diy.md", "how do i talk about the brother in law w/o insulting him", "at Thanksgiving"),
    ("OBJECTION_HANDLING/waiting_until_next_season.md", "if they wait til spring is the price on the proposal still good", "valid for 30 days", ["PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf"]),
    ("CUSTOMER_PSYCHOLOGY/buyer_personality_types.md", "tips for an amiable buyer who's scared of picking wrong", "who will be at the house"),
    ("CUSTOMER_PSYCHOLOGY/trust_with_elderly_homeowners.md", "older lady seems confused about the contract, what should i do", "stop the sales process"),
    ("CUSTOMER_PSYCHOLOGY/couples_and_shared_decisions.md", "couple is going back and forth, should i give them a minute alone", "step outside"),
    ("CUSTOMER_PSYCHOLOGY/buying_signals_and_body_language.md", "homeowner asked if we haul everything away, does that mean anything", "closing question"),
    ("SCRIPT_TEMPLATES/appointment_confirmation_call.md", "they want to move the appt on the confirm call, what do i offer", "two specific alternatives"),
    ("SCRIPT_TEMPLATES/standard_sales_script.md", "what do i say going from discovery into the inspection", "give me about thirty minutes"),
    ("SCRIPT_TEMPLATES/follow_up_and_voicemail_templates.txt", "whats the text i send the same night after the appt", "thanks for having me tonight"),
    ("SCRIPT_TEMPLATES/primer_video_script_template.md", "primer video for a gutter customer, what do i mention", "oak tassels"),
    ("CORE_KNOWLEDGE/crm_and_lead_handling.txt", "what reasons do i put in when a job is lost", "financing declined"),
    ("CORE_KNOWLEDGE/in_home_presentation_steps.md", "where am i supposed to park at an appointment", "park on the street"),
    ("CORE_KNOWLEDGE/first_five_minutes.md", "where do i sit once im inside the house", "head of the table"),
    ("CORE_KNOWLEDGE/roof_inspection_checklist.md", "how can i tell if the roof has two layers", "lift an edge at the rake"),
    ("CORE_KNOWLEDGE/company_story.md", "how many install crews does the company run", "eleven installation crews"),
    # the day 7 step is in the cadence and, as a text, in the templates; both speak of a similar house
    ("CORE_KNOWLEDGE/follow_up_process.md", "what do i send on the day 7 touch", "similar", ["SCRIPT_TEMPLATES/follow_up_and_voicemail_templates.txt"]),
    ("CORE_KNOWLEDGE/after_the_contract_is_signed.md", "after they sign who calls them first and when", "welcome call", ["CORE_KNOWLEDGE/in_home_presentation_steps.md"]),
    ("CORE_KNOWLEDGE/sales_methodology.md", "which numbers do the directors coach us on", "average job size"),
    ("PRODUCT_KNOWLEDGE/gutters_and_gutter_guards.md", "are foam gutter inserts any good", "grow seedlings"),
    ("PRODUCT_KNOWLEDGE/roof_ventilation.md", "bath fan vents into the attic, is that ok", "never into the attic"),
    ("PRODUCT_KNOWLEDGE/replacement_windows.md", "u factor on triple pane vs our standard glass", "0.20 to 0.22"),
    ("PRODUCT_KNOWLEDGE/underlayment_and_drip_edge.md", "do i need a cricket behind this chimney, when is it required", "wider than 30 inches"),
    ("PRODUCT_KNOWLEDGE/asphalt_shingles.md", "how heavy is a square of architectural shingles", "230 to 250 pounds"),
    ("PRODUCT_KNOWLEDGE/warranties.md", "customer has a leak, how fast does service come out", "within 24 hours"),
    ("PRODUCT_KNOWLEDGE/ice_and_water_shield.md", "does ice and water shield stop ice dams from forming", "does not stop ice dams forming"),
    ("PRODUCT_KNOWLEDGE/vinyl_siding.md", "why do we hang vinyl loose, how much does it move", "half an inch"),
    ("PRICING_STRATEGIES/discounts_and_promotions_policy.md", "can i stack the senior discount with the military one", "do not combine"),
    ("PRICING_STRATEGIES/financing_programs.md", "rough monthly on 20k at 144 months", "$252 a month"),
    ("PRICING_STRATEGIES/good_better_best_packages.md", "whats included with a summit signature roof", "class 4 impact rating", ["PRODUCT_KNOWLEDGE/asphalt_shingles.md"]),
    ("PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf", "is a credit card ok for the deposit", "5,000 dollars"),
    ("PRICING_STRATEGIES/presenting_the_price.md", "homeowner wants a per foot ballpark on seamless gutters", "$14 to $22 per linear foot"),
    ("PROJECTS/Maple_Hollow_Estates/hoa_exterior_guidelines.md", "are we allowed to work saturdays in maple hollow", "8 a.m. to 4 p.m. Saturday"),
    ("PROJECTS/Maple_Hollow_Estates/project_notes.md", "what siding is usually on the maple hollow houses", "builder vinyl"),
    ("PROJECTS/Brookside_Commons/condo_association_rules.md", "brookside owner wants full frame windows, is that allowed", "may not be disturbed"),
]


def gen_knowledge(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (doc, question, phrase, *more) in enumerate(PLAYBOOK):
        also: list[str] = more[0] if more else []
        subject: dict[str, Any] = {"doc": doc, "phrase": phrase}
        if also:
            subject["also"] = also
        expect = d3.knowledge_expect(d, doc, phrase, also)
        out.append(case("knowledge", f"dev5:knowledge/{doc}#{n}", [turn(say(question, {}, rng), expect)], subject))
    return out


# ------------------------------------------------------------------------------------------
# single questions: the director's calls, pricing, web, scripting
# ------------------------------------------------------------------------------------------

CLOSED = ("closed_first_visit", "closed_follow_up")

# (question, measure, where); the figures are build_dev3's (analysis_figure)
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("rachels ride alongs in hopkinton, how many", "count", {"town": "Hopkinton"}),
    ("how many of the director calls were up in beverly", "count", {"town": "Beverly"}),
    ("number of roofing calls rachel did in 2024", "count", {"trade": "roofing", "year": "2024"}),
    ("how many calls did dana lose on price with rachel there", "count", {"rep": "Dana Whitaker", "outcome": ("lost_price",)}),
    ("homeowner selling the house, how many of those calls closed", "count", {"situation": "selling_home", "outcome": CLOSED}),
    ("how many calls used a trial close", "count", {"technique": "Trial close"}),
    ("hoa approval objections came up on how many calls", "count", {"objection": "hoa_approval"}),
    ("how many calls were about high energy bills", "count", {"situation": "energy_bills"}),
    ("close rate on the ice dam calls", "close_rate", {"situation": "ice_dams"}),
    ("whats the close rate on rhode island calls", "close_rate", {"state": "RI"}),
    ("first visit close % for the 2025 director calls", "first_visit_rate", {"year": "2025"}),
    ("avg deal on the window jobs rachel closed", "avg_deal_closed", {"trade": "windows"}),
    ("on avg how many minutes does rachel spend presenting", "phase:presentation", {}),
    ("how long r the roofing calls on average in minutes", "avg_minutes", {"trade": "roofing"}),
]


def gen_analysis(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.analysis_cases(d, rng, SPLIT, CALL_FIGURES, say)


# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-UL-FELT", "#30 felt", "price", "roll of {item}, our price?"),
    ("RF-ST", "starter strip", "price", "how much for a bundle of {item}"),
    ("SD-VN-STD", "builder grade vinyl", "price", "{item} per box what do we charge"),
    ("GT-HR5", "5 inch half round", "cost", "whats our cost on {item} gutter"),
    ("GT-ELR3", "3 inch round elbow", "price", "price for a {item}"),
    ("WN-KIT", "install kit for a window", "price", "{item}, how much do we sell it for"),
    ("SD-VN-MC", "carvedwood", "labour", "labor per square to hang {item}"),
    ("GT-K6", "6 inch seamless", "labour", "install labor per foot on {item}"),
    ("GT-GD5", "5 inch micro mesh guard", "supplier", "who supplies the {item}"),
    ("RF-IW", "ice and water", "margin", "margin on a roll of {item}?"),
]
# (sku, how it is said, quantity, template)
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [
    ("GT-K5", "5 inch k style", 160, "{qty} ft of {item} at sell price, total?"),
    ("WN-PIC", "picture windows", 3, "what do {qty} {item} come to at our price, product only"),
]


def gen_pricing(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = ds.catalog_cases(d, rng, SPLIT, CATALOG_ASKS, say)
    out += ds.total_cases(d, rng, SPLIT, CATALOG_TOTALS, say)
    out += ds.roof_cases(d, rng, SPLIT, [(2200, 5, 0, "{area} sq ft footprint at {rise}/12, how many squares is that"), (1750, 8, 10, "footprint {area}, pitch {rise}/12, add {waste}% waste - squares?")], say, waste_always=False)
    for n, (code, name, squares_n, template) in enumerate([("RF-SH-DUR", "duration", 33, "{squares} sq roof in {item}, bundle count"), ("RF-SH-DES", "designer shake", 15, "{item} for {squares} squares - how many bundles")]):
        row = be.sku(d, code)
        text = say(template, {"item": name, "squares": str(squares_n)}, rng)
        out.append(case("pricing", f"dev5:pricing.bundles/{n}", [turn(text, {"agent": "pricing", "count": int(squares_n / Fraction(row["coverage"]))})], {"sku": code, "squares": squares_n}))
    for n, (code, need, template) in enumerate([("RF-DE", 185, "{need} ft of eaves and rakes, how many pieces of drip edge"), ("GT-GD6", 96, "96 feet of 6 inch gutter, how many micro mesh guard pieces")]):
        row = be.sku(d, code)
        text = say(template, {"need": str(need)}, rng)
        out.append(case("pricing", f"dev5:pricing.pieces/{n}", [turn(text, {"agent": "pricing", "count": math.ceil(need / float(Fraction(row["coverage"])))})], {"sku": code, "need": need, "need_unit": row["coverage_unit"]}))
    return out


WEB_ASKS = [
    "search online, is there a recall on hardieplank",
    "look up the weather for worcester this weekend",
    "can u google what shrewsbury charges for a siding permit",
    "check the web for reviews of granite state building supply",
    "find online whether mass changed the hic registration rules",
    "search the internet for which ridge vent brands roofers like",
    "look online for news on asphalt shingle prices for 2027",
    "google nashua nh building permit fees for reroofing",
]


def gen_web(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return [case("web_search", f"dev5:web_search/{n}", [turn(say(t, {}, rng), {"agent": "web_search", "not_contains": d4.INVENTED})], {}) for n, t in enumerate(WEB_ASKS)]


SCRIPT_ASKS = Turns("scripting", [
    "write me a primer video for {name}",
    "script for my visit with {name} pls",
    "need a sales talk track for {name}",
    "can u do the primer vid for {name}, going there next week",
])


def gen_scripting(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.scripting_cases(d, rng, SCRIPT_ASKS, say, customers(d), cust_ref)


# ------------------------------------------------------------------------------------------
# new customers, bad input
# ------------------------------------------------------------------------------------------

NEW_PEOPLE = [
    ("Wendell", "Ostrowski"), ("Marguerite", "Oyelowo"), ("Ulysses", "Karlsson"), ("Ophelia", "Szymanski"),
    ("Augustin", "Mwangi"), ("Rosamund", "Petrov"), ("Fabian", "Archambault"), ("Guinevere", "Halloran"),
    ("Ezekiel", "Thornbury"), ("Lavinia", "Costigan"),
]
NEW_STREETS = ["27 Quarry Rd", "410 Boston Post Rd", "6 Sunset Ridge Dr", "93 Elm Ct", "15 Pondview Ave"]
NEW_TOWNS = ["Bellingham", "Franklin", "Lancaster", "Sterling", "Clinton"]
# (how the rep says it, the word the card must carry)
NEW_TRADES = [("a roof replacement", "roof"), ("new siding", "siding"), ("seamless gutters", "gutter"), ("2 windows", "window"), ("gutter guards", "gutter")]
NEW_CARDS = Turns("new_clients", [
    "new lead just came in, {first} {last} at {phone}, wants {trade}, {street} {town}",
    "{first} {last} called the office about {trade}, lives at {street} {town}, # is {phone}",
    "customer card pls: {last}, {first} / {phone} / {email}",
    "met {first} {last} knocking doors on {street} in {town}, {phone}, interested in {trade}",
    "enter a new client named {first} {last}, phone {phone}, email {email}",
    "{first} {last} {email} {phone} - {trade}",
])


def gen_new_clients(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n in range(8):
        first, last = NEW_PEOPLE[n]
        assert not any(c["first_name"] == first or c["last_name"] == last for c in d.customers.values())
        digits = f"{['508', '978', '617', '781'][n % 4]}555{4400 + n * 29:04d}"
        email = f"{first[0].lower()}{last.lower()}@{['gmail', 'verizon', 'icloud', 'hotmail'][n % 4]}.{'net' if n % 4 == 1 else 'com'}"
        trade_said, trade_word = NEW_TRADES[n % len(NEW_TRADES)]
        street, town = NEW_STREETS[n % len(NEW_STREETS)], NEW_TOWNS[(n * 2) % len(NEW_TOWNS)]
        tid, template = NEW_CARDS.pick(rng)
        slots = {"first": first, "last": last, "phone": be._phone_text(digits, rng), "email": email, "street": street, "town": town, "trade": trade_said}
        used = {name for _lit, name, _s, _c in string.Formatter().parse(template) if name}
        text = say(template, slots, rng)
        carried = {"email": email, "street": street.rsplit(" ", 1)[0], "town": town, "trade": trade_word}
        expect = {"agent": "new_clients", "contains": [first, last, *(carried[k] for k in ("email", "street", "town", "trade") if k in used)], "phone": digits}
        out.append(case("new_clients", tid, [turn(text, expect)], {"first_name": first, "last_name": last, "phone": digits, "fields": sorted(used)}))
    return out


def gen_bad_input(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, text in enumerate(["xkcd qwpz", "!!!!", "mmmmmmm ok"]):
        out.append(case("bad_input", f"dev5:bad_input.gibberish/{n}", [turn(text, dict(NO_FORM))], {"kind": "gibberish"}))
    for n, text in enumerate(["whats her balance then", "and the email for that one"]):
        out.append(case("bad_input", f"dev5:bad_input.focusless/{n}", [turn(text, {**NO_FORM, "not_contains": [be.SEED_PHONE_PREFIX]})], {"kind": "nothing in focus"}))
    out.append(case("bad_input", "dev5:bad_input.nobody/0", [turn("phone number for horatio blackmoor", {**NO_FORM, "not_contains": [be.SEED_PHONE_PREFIX]})], {"kind": "unknown name"}))
    assert 4870 not in d.jobs and not any(j["number"].endswith("-4870") for j in d.jobs.values())
    out.append(case("bad_input", "dev5:bad_input.missing_job/0", [turn("pull up job 4870", {**NO_FORM, "contains": ["4870"], "not_contains": be.JOB_NUMBER_PREFIXES})], {"kind": "unknown job", "job": 4870}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: the look-ups they start from
# ------------------------------------------------------------------------------------------

LOOKUP = ["bring up {ref}", "{ref} whats the story", "check on {ref} for me", "open up {ref}", "find {ref} for me"]


def lookup(d: Data, jid: int, rng: random.Random, ref: str | None = None) -> dict[str, Any]:
    """A look-up that puts the job in focus; the answer must carry its stage."""
    return turn(say(rng.choice(LOOKUP), {"ref": ref or job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.stage(jid)]})


def ask(d: Data, rng: random.Random, templates: list[str], kind: str, cid: int, jid: int | None = None, **slots: str) -> dict[str, Any]:
    return turn(say(rng.choice(templates), {**pron(d, cid), **slots}, rng), fact(d, kind, cid, jid))


# ------------------------------------------------------------------------------------------
# conversations: writes
# ------------------------------------------------------------------------------------------

YESES = [
    "yes", "yep go", "do it", "correct", "yes sir", "ok yes", "looks right", "all good go ahead", "yessir",
    "yup thats it", "perfect save it", "sure thing", "affirmative", "ya correct", "10-4", "mhm", "y",
    "please do", "that works", "yea", "confirmed", "👍", "yes correct", "save it",
]

# no weekday or month stems and no times in the notes: the booking checks read every turn
NOTE_LINES = [
    "homeowner wants a callback after work", "asked for a second set of shingle samples",
    "side door is the main entrance", "wants the old gutters hauled away",
    "spoke to the son, he handles the paperwork", "gave them all 3 package options",
    "comparing us with two other companies", "needs the hoa form signed first",
    "left the brochure in the mailbox", "price is fine, waiting on the bank",
    "wants the same color as the neighbors", "driveway gets blocked by a boat",
    "mentioned a leak over the kitchen", "customer lost the first proposal, resent it",
    "measured 31 squares with the drone", "tenant lives there, owner is out of state",
    "asked about the senior discount", "prefers email for the paperwork",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [("call the wife not the husband", "call the husband not the wife"), ("wants white trim", "wants almond trim")]
NOTE_SAID = [
    "put a note on {ref}: {note}",
    "note for {ref} - {note}",
    "throw a note on {ref}, {note}",
    "leave a note on {ref} saying {note}",
    "add to the notes on {ref} that {note}",
    "{ref} add a note {note}",
    "can you note on {ref} - {note}",
]
NOTE_HERE = ["stick this on it as a note: {note}", "that one, add note saying {note}", "log on {pos} job that {note}", "put in the notes there - {note}", "note it, {note}"]

# (template, stage the job goes to)
STAGE_SAID = [
    ("{ref} went with someone else, mark it lost", "Lost"),
    ("they signed {ref} last night, move it to contract signed", "Contract Signed"),
    ("{ref} stage follow up pls", "Follow Up"),
    ("crew wrapped {ref} yesterday, mark it completed", "Completed"),
    ("final check cleared on {ref}, paid and closed", "Paid & Closed"),
    ("{ref} is on the board now, change it to scheduled", "Scheduled"),
    ("crew started {ref} this morning, move to in progress", "In Progress"),
    ("sent the proposal for {ref}, update the stage to proposal sent", "Proposal Sent"),
    ("homeowner ghosted us on {ref}, close it out as lost", "Lost"),
    ("got the signed contract back on {ref}", "Contract Signed"),
]
STAGE_HERE = [
    ("ok that ones lost, mark it", "Lost"),
    ("just got the signature, mark it signed", "Contract Signed"),
    ("bump that to follow up", "Follow Up"),
    ("thats finished now, set it to completed", "Completed"),
    ("kill it, they went elsewhere", "Lost"),
    ("crew's on it now, in progress", "In Progress"),
]
STAGE_FROM = d3.STAGE_FROM  # the stages a job is in when a rep would say it moved to this one

# (when as typed, start); each reads back with test_dev5_set's reader
WHEN_TYPED = [
    ("thurs 2pm", "2026-11-26T14:00"),
    ("next tues at 8:30", "2026-12-01T08:30"),
    ("12/3 @ 10", "2026-12-03T10:00"),
    ("tomorrow morning 9", "2026-11-24T09:00"),
    ("wednesday at 1", "2026-11-25T13:00"),
    ("dec 10 at 9:30am", "2026-12-10T09:30"),
    ("mon 11/30 at 3pm", "2026-11-30T15:00"),
    ("12/8 at 8am", "2026-12-08T08:00"),
    ("tmrw @ 4:30pm", "2026-11-24T16:30"),
    ("this fri at noon", "2026-11-27T12:00"),
]
# (how the rep says it, the word the title must carry; "" when the rep names no kind of visit)
VISITS = {
    "Lead": [("inspection", "inspection"), ("measurement", "measure")],
    "Estimating": [("measurement", "measure"), ("inspection", "inspection")],
    "Proposal Sent": [("appointment", ""), ("estimate review", "estimate")],
    "Follow Up": [("follow up appt", "follow"), ("appointment", "")],
    "Contract Signed": [("install start", "install"), ("install", "install")],
    "Scheduled": [("site visit", "visit")],
    "In Progress": [("walkthrough", "walkthrough"), ("progress check", "progress")],
}
BOOK_SAID = [
    "{ref} {kind} {when} pls book it",
    "need {akind} on the calendar at {ref} {when}",
    "put {ref} down for {akind} {when}",
    "lock in {akind} with {ref} for {when}",
    "set {ref} up {when} for {akind}",
    "can we do {akind} at {ref} {when}",
]
BOOK_HERE = ["get {obj} on the calendar {when} for {akind}", "set up {akind} for that one {when}", "{when} works for {akind} there, book it"]
# (said to move a booking, what it changes: the time "HH:MM" or the day "YYYY-MM-DD")
WHEN_FIXES = {"time": ("actually make it 3pm", "15:00"), "day": ("sorry i meant 12/9, same time", "2026-12-09")}
# (said for a second stage change after a note, the stage), by the stage the job is in
TWO_STAGE = {
    "Estimating": ("also set it to proposal sent, we emailed it", "Proposal Sent"),
    "Proposal Sent": ("and move it to follow up too", "Follow Up"),
    "Follow Up": ("oh and they signed, mark it contract signed", "Contract Signed"),
}


def article(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def busy(d: Data, jid: int, start: dt.datetime) -> bool:
    """Whether the job or its rep has an appointment in the hour from `start`."""
    rep = d.jobs[jid]["rep_ids"][0]
    for a in d.seed["appointments"]:
        s = dt.datetime.fromisoformat(a["start_date_time"])
        e = dt.datetime.fromisoformat(a["end_date_time"])
        if (jid in a["job_ids"] or rep in (a["user_id"], *a["attendees_ids"])) and s < start + HOUR and start < e:
            return True
    return False


def done(checks: list[dict[str, Any]]) -> dict[str, Any]:
    words = ["done", "added", "updated", "saved", "booked", "scheduled", "changed", "moved", "created"]
    for check in checks:
        if "note_on_job" in check:
            words.append("note")
        elif "stage_of_job" in check:
            words.append(check["stage"])
        elif check["title_contains"]:
            words.append(check["title_contains"])
    return {"any_of": list(dict.fromkeys(words)), "not_agent": ["new_clients"]}


class Writer:
    """Write requests in dev5's words, each with the crm_after check it makes. The counters keep
    the phrasings, notes and times turning over from one case to the next."""

    def __init__(self, d: Data, rng: random.Random, offset: int = 0) -> None:
        self.d, self.rng = d, rng
        self.n = {"note": offset, "stage": offset, "book": offset, "when": offset, "yes": offset, "style": offset}
        self.used: set[int] = set()

    def tick(self, key: str) -> int:
        self.n[key] += 1
        return self.n[key] - 1

    def yes(self) -> str:
        return YESES[self.tick("yes") % len(YESES)]

    def ref(self, jid: int) -> str:
        return styled_ref(self.d, jid, STYLES[self.tick("style") % len(STYLES)], self.rng)

    def note_line(self) -> str:
        return NOTE_LINES[self.tick("note") % len(NOTE_LINES)]

    def note(self, jid: int, *, here: bool = False, ref: str | None = None, line: str | None = None) -> tuple[str, str, dict[str, Any]]:
        k = self.n["note"]
        line = line or self.note_line()
        pool = NOTE_HERE if here else NOTE_SAID
        template = pool[k % len(pool)]
        slots = {"ref": ref or self.ref(jid), "note": line, **pron(self.d, cid_of(self.d, jid))}
        text = say(template, slots, self.rng)
        return f"dev5:write.note{'.here' if here else ''}/{pool.index(template)}", text, {"note_on_job": jid, "contains": line}

    def stage_pick(self, *, here: bool = False, jid: int | None = None) -> tuple[int, str, str]:
        """(job, template, stage): the next phrasing, on a job it fits (on `jid` if given)."""
        d = self.d
        pool = STAGE_HERE if here else STAGE_SAID
        for shift in range(len(pool)):
            template, stage = pool[(self.n["stage"] + shift) % len(pool)]
            fits = [j for j in live_jobs(d) if d.stage(j) in STAGE_FROM[stage]] if jid is None else ([jid] if d.stage(jid) in STAGE_FROM[stage] else [])
            if not fits:
                continue
            self.n["stage"] += shift + 1
            chosen = self.rng.choice([j for j in fits if j not in self.used] or fits)
            self.used.add(chosen)
            return chosen, template, stage
        raise AssertionError(f"no stage request fits {jid}")

    def stage(self, *, here: bool = False, jid: int | None = None, ref: str | None = None) -> tuple[int, str, str, dict[str, Any]]:
        chosen, template, stage = self.stage_pick(here=here, jid=jid)
        text = say(template, {"ref": ref or self.ref(chosen)}, self.rng)
        return chosen, f"dev5:write.stage{'.here' if here else ''}/{stage}", text, {"stage_of_job": chosen, "stage": stage}

    def when(self, jid: int) -> tuple[str, str]:
        for _ in range(len(WHEN_TYPED)):
            said, start = WHEN_TYPED[self.tick("when") % len(WHEN_TYPED)]
            if not busy(self.d, jid, dt.datetime.fromisoformat(start)):
                return said, start
        raise AssertionError(f"no free time for {jid}")

    def book(self, jid: int, *, here: bool = False, ref: str | None = None, when: tuple[str, str] | None = None) -> tuple[str, str, dict[str, Any]]:
        d = self.d
        k = self.tick("book")
        said, start = when or self.when(jid)
        visits = VISITS[d.stage(jid)]
        kind, title = visits[k % len(visits)]
        pool = BOOK_HERE if here else BOOK_SAID
        template = pool[k % len(pool)]
        slots = {"ref": ref or self.ref(jid), "when": said, "kind": kind, "akind": article(kind), "obj": pron(d, cid_of(d, jid))["obj"]}
        text = say(template, slots, self.rng)
        return f"dev5:write.book{'.here' if here else ''}/{pool.index(template)}", text, {"appointment_on_job": jid, "start": start, "title_contains": title}

    def make(self, kind: str, jid: int, *, here: bool = False) -> tuple[int, str, str, dict[str, Any]]:
        if kind == "stage":
            return self.stage(here=here)
        if kind == "note":
            return (jid, *self.note(jid, here=here))
        return (jid, *self.book(jid, here=here))


LOOK_FIRST = {
    "phone": ["{pname} number real quick", "{name} phone?"],
    "rep": ["who's the rep on {ref}", "{ref} who has it"],
}


def focus_turn(d: Data, jid: int, rng: random.Random, way: str) -> tuple[str, dict[str, Any]]:
    """(how, turn): the look-up before a write that names the job by a pronoun: the job itself
    ("job"), its rep ("rep"), or the phone of a customer with one job ("phone")."""
    cid = cid_of(d, jid)
    if way == "phone" and len(d.jobs_of(cid)) == 1:
        return way, turn(say(rng.choice(LOOK_FIRST["phone"]), name_slots(d, cid, rng), rng), fact(d, "phone", cid))
    if way == "rep":
        return way, turn(say(rng.choice(LOOK_FIRST["rep"]), {"ref": job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.rep(jid)]})
    return "job", lookup(d, jid, rng)


WHICH_REPLY = {"trade": ["the {x} pls", "its the {x} one", "{x} one"], "number": ["its {x}", "#{x} pls", "that would be {x}"], "stage": ["the one thats in {x}"]}


def which_reply(d: Data, cid: int, jid: int, n: int, rng: random.Random) -> tuple[str, str]:
    """(how, reply) naming one of a customer's jobs: by its own trade, its number or its stage."""
    others = [j for j in live_jobs_of(d, cid) if j != jid]
    own = [t for t in trades_of(d, jid) if not any(t in trades_of(d, o) for o in others)]
    stage_alone = all(d.stage(o) != d.stage(jid) for o in others)
    ways = ["trade", "number", "trade", "stage" if stage_alone else "number"]
    how = ways[n % len(ways)]
    if how == "trade" and not own:
        how = "number"
    x = {"trade": WORD[own[0]] if own else "", "number": str(jid), "stage": d.stage(jid).lower()}[how]
    return how, rng.choice(WHICH_REPLY[how]).format(x=x)


def open_jobs_of(d: Data, cid: int) -> list[int]:
    return [j for j in live_jobs_of(d, cid) if d.stage(j) not in be.CLOSED_STAGES]


def two_job_customers(d: Data, stage: str | None = None) -> list[int]:
    """Customers with two or more jobs, every one of them open (and, for a stage change to
    `stage`, every one of them in a stage it can come from): a write that names only the
    customer has no single job, so Hard-E must ask."""
    out = []
    for c in customers(d):
        ids = live_jobs_of(d, c)
        if len(ids) >= 2 and ids == open_jobs_of(d, c) and (stage is None or all(d.stage(j) in STAGE_FROM[stage] for j in ids)):
            out.append(c)
    return out


WHICH_ASKS = {
    "note": ["note for {name}: {note}", "put a note on {pname} job - {note}"],
    "stage": ["{name} went with another company, mark {obj} lost", "{name} signed! update {pos} job"],
    "book": ["book {akind} w {name} {when}", "{name} wants {akind} {when}, put it in"],
}
WHICH_STAGE = {"{name} went with another company, mark {obj} lost": "Lost", "{name} signed! update {pos} job": "Contract Signed"}
WHICH_VISIT = ("appointment", "")  # a kind of visit either job could take
TIME_FIX = "actually make it 3pm"
DAY_FIX = "sorry i meant 12/9, same time"
NOTE_FIX = "wait no, change the note to: {note}"
STAGE_FIX = ("{ref} went with someone else, mark it lost", "no sorry not lost, put it in follow up", "Follow Up")
JOB_FIX = "wrong job sorry, its {ref}"


def gen_write(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Writer(d, rng)
    pool = open_jobs(d)
    rng.shuffle(pool)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any], checks: list[dict[str, Any]]) -> None:
        out.append(case("write", tid, turns, subject, checks))

    # named in the request, then confirmed
    for n in range(20):
        kind = ["note", "stage", "book"][n % 3]
        jid, tid, text, check = w.make(kind, pool[n % len(pool)])
        add(tid, [turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind}, [check])
    # named by a pronoun after a look-up
    for n in range(10):
        kind = ["note", "stage", "book", "note", "book"][n % 5]
        way = ["job", "rep", "phone"][n % 3] if kind != "stage" else ["job", "rep"][n % 2]
        jid, tid, text, check = w.make(kind, pool[(n * 3 + 1) % len(pool)], here=True)
        way, first = focus_turn(d, jid, rng, way)
        add(tid, [first, turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "look_up": way}, [check])
    # a customer with two open jobs: Hard-E must ask which, the rep says, then confirms
    for n in range(7):
        kind = ["note", "stage", "book"][n % 3]
        template = WHICH_ASKS[kind][(n // 3) % len(WHICH_ASKS[kind])]
        stage = WHICH_STAGE.get(template)
        people = two_job_customers(d, stage)
        cid = people[n % len(people)]
        options = live_jobs_of(d, cid)
        jid = options[(n // 2) % len(options)]
        name = rng.choice(be.customer_name_refs(d, cid))
        slots = {"name": name, "pname": possessive(name), **pron(d, cid)}
        if stage:
            check: dict[str, Any] = {"stage_of_job": jid, "stage": stage}
        elif kind == "note":
            slots["note"] = w.note_line()
            check = {"note_on_job": jid, "contains": slots["note"]}
        else:
            said, start = w.when(jid)
            slots.update(akind=article(WHICH_VISIT[0]), when=said)
            check = {"appointment_on_job": jid, "start": start, "title_contains": WHICH_VISIT[1]}
        how, reply = which_reply(d, cid, jid, n, rng)
        turns = [turn(say(template, slots, rng), {"asks": job_labels(d, cid)}), turn(reply), turn(w.yes(), done([check]))]
        add(f"dev5:write.{kind}.which/{how}", turns, {"job_id": jid, "kind": kind, "customer_id": cid, "job_ids": options, "reply": how}, [check])
    # corrected before the yes: the corrected write only
    for n, fix in enumerate(["time", "day", "note", "stage", "job"]):
        jid = pool[(n * 5 + 2) % len(pool)]
        subject: dict[str, Any] = {"job_id": jid, "kind": {"time": "book", "day": "book", "stage": "stage"}.get(fix, "note"), "corrected": fix}
        if fix in ("time", "day"):
            for k in range(len(WHEN_TYPED)):
                said, start = WHEN_TYPED[(n * 3 + k) % len(WHEN_TYPED)]
                first = dt.datetime.fromisoformat(start)
                if fix == "time":
                    fixed = dt.datetime.combine(first.date(), dt.time(15, 0))
                else:
                    fixed = dt.datetime.combine(dt.date(2026, 12, 9), first.time())
                if fixed != first and not busy(d, jid, first) and not busy(d, jid, fixed):
                    break
            else:
                raise AssertionError(f"no time to move for {jid}")
            _tid, text, check = w.book(jid, when=(said, start))
            check = {**check, "start": fixed.isoformat(timespec="minutes")}
            turns = [turn(text), turn(say(TIME_FIX if fix == "time" else DAY_FIX, {}, rng)), turn(w.yes(), done([check]))]
        elif fix == "note":
            wrong, right = NOTE_FIXES[0]
            _tid, text, _check = w.note(jid, line=wrong)
            check = {"note_on_job": jid, "contains": right}
            turns = [turn(text), turn(say(NOTE_FIX, {"note": right}, rng)), turn(w.yes(), done([check]))]
        elif fix == "stage":
            ask_lost, instead, stage = STAGE_FIX
            jid = next(j for j in pool if d.stage(j) in STAGE_FROM["Lost"] & STAGE_FROM[stage] and j not in w.used)
            w.used.add(jid)
            subject["job_id"] = jid
            check = {"stage_of_job": jid, "stage": stage}
            turns = [turn(say(ask_lost, {"ref": w.ref(jid)}, rng)), turn(say(instead, {}, rng)), turn(w.yes(), done([check]))]
        else:
            wrong = next(j for j in pool if cid_of(d, j) != cid_of(d, jid))
            subject["other_job_id"] = wrong
            _tid, text, check = w.note(wrong, ref=str(wrong))
            check = {**check, "note_on_job": jid}
            turns = [turn(text), turn(say(JOB_FIX, {"ref": w.ref(jid)}, rng)), turn(w.yes(), done([check]))]
        add(f"dev5:write.corrected.{fix}", turns, subject, [check])
    # two writes on one job: a note, then a new stage or a booking, each confirmed
    twos = [*[j for j in pool if d.stage(j) in TWO_STAGE][:3], next(j for j in pool if d.stage(j) == "Contract Signed")]
    for jid in twos:
        _tid, text, first = w.note(jid)
        if d.stage(jid) == "Contract Signed":
            _t, more, second = w.book(jid, here=True)
            kind = "book"
        else:
            said, stage = TWO_STAGE[d.stage(jid)]
            more, second = say(said, {}, rng), {"stage_of_job": jid, "stage": stage}
            kind = "stage"
        turns = [turn(text), turn(w.yes(), done([first])), turn(more), turn(w.yes(), done([second]))]
        add(f"dev5:write.two.note+{kind}", turns, {"job_id": jid, "kind": f"note+{kind}"}, [first, second])
    return out


# ------------------------------------------------------------------------------------------
# conversations: writes called off
# ------------------------------------------------------------------------------------------

# typed as they are: the probe is the words, not a typo in them
CALL_OFFS = [
    "scratch that", "no dont", "forget it", "hold on not yet", "nope cancel", "dont save that",
    "nah scrap it", "never mind dont bother", "not now", "leave it alone", "no, dont touch it",
    "ignore that", "let me check w the homeowner first", "on second thought no", "abort",
]
# what a rep types after calling a write off: an acknowledgement or a reflex yes, never a new request
STRAYS = ["ok", "k thx", "yes", "yep", "ok cool", "sure", "mhm", "yea", "👍", "ok yes"]
OFF_QUESTIONS = [
    ("actually whats our deposit policy in nh", "PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf", "same 30 percent deposit"),
]


def gen_called_off(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Writer(d, rng, offset=7)
    pool = open_jobs(d)
    rng.shuffle(pool)
    people = customers(d)
    n_off = 0

    def off(subject: dict[str, Any]) -> dict[str, Any]:
        nonlocal n_off
        said = CALL_OFFS[n_off % len(CALL_OFFS)]
        n_off += 1
        subject["call_off"] = said
        return turn(said, dict(NO_CLAIM))

    n_stray = 0

    def stray() -> str:
        nonlocal n_stray
        n_stray += 1
        return STRAYS[(n_stray - 1) % len(STRAYS)]

    hows = ["off", "off_then_yes", "off", "question_then_yes", "off_then_yes", "off", "here_off", "off_then_yes", "playbook_then_yes", "off", "here_off_then_yes", "question_then_yes"]
    for n in range(18):
        kind = ["note", "stage", "book"][n % 3]
        how = hows[n % len(hows)]
        here = how.startswith("here")
        jid, tid, text, _check = w.make(kind, pool[(n * 7) % len(pool)], here=here)
        turns = [focus_turn(d, jid, rng, "rep" if n % 4 == 2 else "job")[1], turn(text)] if here else [turn(text)]
        subject: dict[str, Any] = {"job_id": jid, "kind": kind}
        if "off" in how:
            turns.append(off(subject))
        if how == "question_then_yes":
            other = rng.choice([c for c in people if c != cid_of(d, jid)])
            subject["other_customer_id"] = other
            field = ["phone", "email"][n % 2]
            _t, template = ASK[field].pick(rng)
            turns.append(turn(say(template, name_slots(d, other, rng), rng), {**fact(d, field, other), **NO_CLAIM}))
        if how == "playbook_then_yes":
            question, doc, phrase = OFF_QUESTIONS[0]
            subject["middle"] = [doc]
            subject["phrase"] = phrase
            turns.append(turn(say(question, {}, rng), {**d3.knowledge_expect(d, doc, phrase), **NO_CLAIM}))
        if how.endswith("yes"):
            turns.append(turn(stray(), dict(NO_CLAIM)))
        out.append(case("called_off", f"dev5:called_off.{how}/{tid.removeprefix('dev5:')}", turns, subject, [{"unchanged": True}]))
    # two jobs: Hard-E asks which, and the rep drops it
    for n, cid in enumerate(two_job_customers(d)[-2:]):
        name = rng.choice(be.customer_name_refs(d, cid))
        text = say(WHICH_ASKS["note"][n % 2], {"name": name, "pname": possessive(name), "note": w.note_line()}, rng)
        subject = {"customer_id": cid, "job_ids": live_jobs_of(d, cid), "kind": "note"}
        turns = [turn(text, {"asks": job_labels(d, cid)}), off(subject)]
        if n:
            turns.append(turn(stray(), dict(NO_CLAIM)))
        out.append(case("called_off", f"dev5:called_off.which_off{'_then_yes' if n else ''}/write.note.which", turns, subject, [{"unchanged": True}]))
    # a booking, then a question about price before any yes, then "no not yet"
    jid = next(j for j in pool if d.stage(j) == "Contract Signed")
    _tid, text, _check = w.book(jid)
    middle = turn(say("whats a bundle of ridge cap go for", {}, rng), {"agent": "pricing", "money": float(be.sku(d, "RF-RC")["price"]), **NO_CLAIM})
    subject = {"job_id": jid, "kind": "book", "middle": ["RF-RC"]}
    turns = [turn(text), middle, off(subject), turn(stray(), dict(NO_CLAIM))]
    out.append(case("called_off", "dev5:called_off.pricing_off_then_yes/write.book", turns, subject, [{"unchanged": True}]))
    return out


# ------------------------------------------------------------------------------------------
# conversations: follow-ups
# ------------------------------------------------------------------------------------------

THEN = {
    "email": ["ok now {pos} email", "{pos} email too pls", "and an email for {obj}?"],
    "address": ["and where's the house", "and {pos} address?", "whats the house address"],
    "phone": ["k whats {pos} cell", "and a number for {obj}"],
    "balance": ["whats the balance on that one", "and what do they owe on it"],
    "rep": ["and whos the rep", "who's handling that one"],
    "scheduled": ["when's that scheduled for", "when are we out there"],
    "stage": ["what stage is that at", "where is {pos} job at"],
    "next": ["when do i see {obj} next", "anything on the calendar with {obj}"],
    "contract": ["what did it go for", "contract amount on that?"],
    "paid": ["how much have they paid so far", "and what's come in on it"],
    "deposit": ["was there a deposit, how much"],
    "other": ["and {pos} {x} job?", "what about the {x} one"],
}


def gen_followup(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    people = customers(d)
    used: set[int] = set()

    def fresh(cids: list[int]) -> int:
        cid = rng.choice([c for c in cids if c not in used] or cids)
        used.add(cid)
        return cid

    def add(shape: str, turns: list[dict[str, Any]], subject: dict[str, Any]) -> None:
        out.append(case("followup", f"dev5:followup.{shape}", turns, subject))

    def first_phone(cid: int) -> dict[str, Any]:
        _t, template = ASK["phone"].pick(rng)
        return turn(say(template, name_slots(d, cid, rng), rng), fact(d, "phone", cid))

    # phone, then the email, then the house
    for _ in range(5):
        cid = fresh(people)
        add("contact_chain", [first_phone(cid), ask(d, rng, THEN["email"], "email", cid), ask(d, rng, THEN["address"], "address", cid)], {"customer_id": cid})
    # a finished job: the balance on it, then the rep
    for _ in range(4):
        jid = rng.choice([j for j in live_jobs(d) if d.fully_invoiced(j) and cid_of(d, j) not in used])
        cid = cid_of(d, jid)
        used.add(cid)
        add("balance_rep", [lookup(d, jid, rng), ask(d, rng, THEN["balance"], "balance", cid, jid), ask(d, rng, THEN["rep"], "rep", cid, jid)], {"customer_id": cid, "job_id": jid})
    # a job with one visit ahead: when is it, then where
    for _ in range(4):
        jid = rng.choice([j for j in live_jobs(d) if len(future_appointments(d, j)) == 1 and cid_of(d, j) not in used])
        cid = cid_of(d, jid)
        used.add(cid)
        a = future_appointments(d, jid)[0]
        day, time = be._at(a)
        scheduled = turn(say(rng.choice(THEN["scheduled"]), {}, rng), {**CRM, "date": day, "time": time})
        add("scheduled_address", [lookup(d, jid, rng), scheduled, ask(d, rng, THEN["address"], "address", cid)], {"customer_id": cid, "job_id": jid, "appointment_id": a["id"]})
    # a customer with one job: the phone, then the stage, then the next visit
    for _ in range(3):
        cid = fresh([c for c in people if len(d.jobs_of(c)) == 1 and d.next_appointment(cid=c)])
        jid = d.jobs_of(cid)[0]["id"]
        add("phone_stage_next", [first_phone(cid), ask(d, rng, THEN["stage"], "stage", cid, jid), ask(d, rng, THEN["next"], "next", cid)], {"customer_id": cid, "job_id": jid})
    # two customers, and back to the first: by name, or by a pronoun only one of them fits
    for n in range(5):
        a_cid = fresh([c for c in people if d.pronouns(c)[0] == "he"])
        b_cid = fresh([c for c in people if d.pronouns(c)[0] == "she"])
        if n % 2:
            a_cid, b_cid = b_cid, a_cid
        a_p = pron(d, a_cid)
        back_name = d3.pron(d, a_cid)["last"]
        _t, template = ASK["email"].pick(rng)
        turns = [first_phone(a_cid), turn(say(template, name_slots(d, b_cid, rng), rng), fact(d, "email", b_cid))]
        if n < 3:
            turns.append(turn(say("ok back to {who} - whats {pos} address", {"who": back_name, "pos": a_p["pos"]}, rng), fact(d, "address", a_cid)))
            turns.append(ask(d, rng, ["and {pos} cell?"], "phone", b_cid))
            shape = "switch_back_by_name"
        else:
            turns.append(ask(d, rng, ["whats {pos} address"], "address", a_cid))
            shape = "switch_back_by_pronoun"
        add(shape, turns, {"customer_id": a_cid, "other_customer_id": b_cid})
    # one of two jobs, then "the other one" by its trade, then the rep on that one
    two = [c for c in people if len(live_jobs_of(d, c)) == 2 and len({d.main_trade(j) for j in live_jobs_of(d, c)}) == 2]
    for n in range(3):
        cid = fresh(two)
        a, b = live_jobs_of(d, cid)
        if n % 2:
            a, b = b, a
        other = ask(d, rng, THEN["other"], "stage", cid, b, x=ONE[d.main_trade(b)])
        add("other_job", [lookup(d, a, rng, styled_ref(d, a, "name", rng)), other, ask(d, rng, ["whos got that one", "and the rep on it"], "rep", cid, b)], {"customer_id": cid, "job_id": a, "other_job_id": b})
    # a sold job: what it went for, what came in, the deposit
    for _ in range(2):
        jid = rng.choice([j for j in live_jobs(d) if "deposit" in d.money_facts(j) and d.money_facts(j)["paid"] > 0 and cid_of(d, j) not in used and d.stage(j) != "Paid & Closed"])
        cid = cid_of(d, jid)
        used.add(cid)
        add("money_chain", [lookup(d, jid, rng), ask(d, rng, THEN["contract"], "contract", cid, jid), ask(d, rng, THEN["paid"], "paid", cid, jid), ask(d, rng, THEN["deposit"], "deposit", cid, jid)], {"customer_id": cid, "job_id": jid})
    return out


# ------------------------------------------------------------------------------------------
# conversations: clarifications
# ------------------------------------------------------------------------------------------

# (said, chosen customer, field, reply; "ordinal:k" picks the k-th option as the answer lists them)
WHICH: list[tuple[str, int, str, str]] = [
    ("brooks", 130, "email", "richard"),
    ("lynch", 134, "phone", "the needham one"),
    ("thibodeau", 144, "stage", "the gutter job"),
    ("fitzgerald", 135, "next", "lisa"),
    ("quinn", 136, "rep", "melissa"),
    ("karen", 120, "address", "wong"),
    ("thomas", 115, "phone", "ordinal:3"),
    ("erica", 131, "email", "pereira"),
    ("megan", 132, "stage", "morrison"),
    ("nancy", 126, "phone", "the one in wellesley"),
    ("steven", 143, "stage", "1040"),
    ("wong", 125, "install", "gary"),
    ("kaplan", 128, "rep", "joseph"),
    ("johnson", SARAH, "phone", "the natick one"),
    ("reilly", 117, "email", "ordinal:1"),
]
WHICH_FIRST = {
    "email": ["{said} email address pls", "what email do we use for {said}"],
    "phone": ["{psaid} number", "need to call {said}"],
    "stage": ["where's {said} at", "{said} job status"],
    "next": ["when am i seeing {said}"],
    "rep": ["who has {said}"],
    "address": ["{psaid} address?"],
    "install": ["when's the {said} install"],
}
ORDINAL_SAID = {1: "first one", 2: "2nd one", 3: "the third one"}


def clarify_fact(d: Data, field: str, cid: int) -> dict[str, Any]:
    if field in ("stage", "install"):
        jid = d.jobs_of(cid)[0]["id"]
        return fact(d, field, cid, jid)
    if field == "rep":
        return {**CRM, "contains": [d.user_full(d.customers[cid]["rep_id"])]}
    return fact(d, field, cid)


def gen_clarify(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    by_last, by_first = be._customer_groups(d)
    lasts = {k.lower(): v for k, v in by_last.items()}
    firsts = {k.lower(): v for k, v in by_first.items()}
    out: list[dict[str, Any]] = []
    for said, chosen, field, reply in WHICH:
        group = lasts.get(said) or firsts[said]
        key = "first_name" if said in lasts else "last_name"
        text = say(rng.choice(WHICH_FIRST[field]), {"said": said, "psaid": possessive(said)}, rng)
        options = [d.customers[c][key] for c in group]
        if field in ("stage", "install"):
            assert len(d.jobs_of(chosen)) == 1, chosen
        expect = clarify_fact(d, field, chosen)
        subject_chosen: int | None = chosen
        if reply.startswith("ordinal:"):
            index = int(reply.split(":")[1])
            reply = ORDINAL_SAID[index]
            expect = {"choice": {"index": index, "options": [{"find": [d.customers[c][key]], "expect": clarify_fact(d, field, c)} for c in group]}}
            subject_chosen = None
        turns = [turn(text, {"asks": options}), turn(reply, expect)]
        out.append(case("clarify", f"dev5:clarify.{field}", turns, {"said": said, "customer_ids": group, "chosen": subject_chosen, "field": field}))
    # one customer, two jobs: which one?
    for n, (cid, how) in enumerate([(113, "trade"), (115, "ordinal:2")]):
        ids = live_jobs_of(d, cid)
        labels = job_labels(d, cid)
        text = say(["hows {name} doing, what stage", "where are we with {pname} stuff"][n], name_slots(d, cid, rng), rng)
        if how == "trade":
            jid = ids[0]
            reply, expect, chosen_job = f"the {WORD[d.main_trade(jid)]}", {**CRM, "contains": [d.stage(jid)]}, jid
        else:
            index = int(how.split(":")[1])
            reply = ORDINAL_SAID[index]
            expect = {"choice": {"index": index, "options": [{"find": label, "expect": {**CRM, "contains": [d.stage(j)]}} for j, label in zip(ids, labels, strict=True)]}}
            chosen_job = None
        turns = [turn(text, {"asks": labels}), turn(reply, expect)]
        out.append(case("clarify", f"dev5:clarify.job.{how.split(':')[0]}", turns, {"customer_id": cid, "job_ids": ids, "chosen_job": chosen_job, "field": "stage"}))
    # two people called Mike: which one's day?
    when, first = "12/9", dt.date(2026, 12, 9)
    appts = d.appointments_between(first, first, user=16)
    text = say("whats mike doing {when}", {"when": when}, rng)
    turns = [turn(text, {"asks": ["Reed", "Sullivan"]}), turn("sullivan", be.calendar_expect(d, appts))]
    out.append(case("clarify", "dev5:clarify.user", turns, {"said": "mike", "user_ids": [11, 16], "user_id": 16, "from": first.isoformat(), "to": first.isoformat()}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: topic switches
# ------------------------------------------------------------------------------------------

# (the question in the middle, what it is about: a document, "pricing:SKU" or "analysis:key:value",
# a key phrase copied from the document or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("side q - are we allowed to walk a frosty roof", "CORE_KNOWLEDGE/roof_inspection_checklist.md", "wet or frosted"),
    ("quick one, apr on the 144 month plan?", "PRICING_STRATEGIES/financing_programs.md", "9.99%"),
    ("how much do we get for a 3x4 downspout", "pricing:GT-DS34", None),
    ("btw can they add a skylight on the front of a maple hollow house", "PROJECTS/Maple_Hollow_Estates/hoa_exterior_guidelines.md", "street-facing"),
    ("what's the fee to transfer our workmanship warranty", "PRODUCT_KNOWLEDGE/warranties.md", "$100"),
    ("how many calls did rachel do in concord", "analysis:town:Concord", None),
    ("what do we sell a vinyl slider window for", "pricing:WN-SL", None),
    ("how long does a siding install usually take", "CORE_KNOWLEDGE/after_the_contract_is_signed.md", "siding one to two weeks"),
    ("quick - how much is the neighborhood credit", "PRICING_STRATEGIES/discounts_and_promotions_policy.md", "3 percent"),
    ("how many of rachels calls were rental properties", "analysis:situation:rental_property", None),
    ("whats our online rating again, for the pitch", "CORE_KNOWLEDGE/company_story.md", "4.8 out of 5"),
    ("how much fall do gutters need", "PRODUCT_KNOWLEDGE/gutters_and_gutter_guards.md", "quarter inch"),
    ("ridge cap, price per bundle?", "pricing:RF-RC", None),
    ("remind me the deposit rule on custom windows", "PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf", "special-order materials"),
]
DETOUR_ALSO = {
    "PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf": ["CORE_KNOWLEDGE/after_the_contract_is_signed.md"],
}
BACK = {
    "email": "ok so {pos} email",
    "phone": "k whats {pos} cell",
    "address": "and where is {pos} house",
    "stage": "so what stage is {pos} job in",
    "rep": "back to that job - whos the rep",
    "balance": "whats the balance on it",
    "next": "when am i out at {pos} place next",
    "install": "and the install date on that one?",
    "contract": "and what did that one sell for",
}


def detour_expect(d: Data, ref: str, phrase: str | None) -> dict[str, Any]:
    if ref.startswith("pricing:"):
        return {"agent": "pricing", "money": float(be.sku(d, ref.split(":")[1])["price"])}
    if ref.startswith("analysis:"):
        _, key, value = ref.split(":")
        return d3.analysis_expect("count", d3.analysis_figure(d, "count", {key: value}))
    return d3.knowledge_expect(d, ref, phrase, DETOUR_ALSO.get(ref))


def gen_topic_switch(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    used: set[int] = set()
    by_job = ("rep", "balance", "install", "contract")  # the look-up names the job; "stage" starts from the customer
    plan = ["email", "rep", "stage", "balance", "phone", "install", "next", "address", "contract", "rep", "email", "balance", "phone", "install", "next"]
    for n, kind in enumerate(plan):

        def fits(j: int, kind: str = kind) -> bool:
            cid_ = cid_of(d, j)
            if kind == "stage":
                return len(d.jobs_of(cid_)) == 1
            if kind == "next":
                return d.next_appointment(cid=cid_) is not None
            if kind == "install":
                a = d3.install_of(d, j)
                return a is not None and a["start_date_time"] >= "2026-11-23"
            return d3.fact(d, kind, cid_, j if kind in by_job else None) is not None

        pool = [j for j in live_jobs(d) if fits(j)]
        jid = rng.choice([j for j in pool if cid_of(d, j) not in used] or pool)
        cid = cid_of(d, jid)
        used.add(cid)
        if kind in by_job:
            first = lookup(d, jid, rng)
        else:
            first_kind = "address" if kind == "phone" else "phone"
            _t, template = ASK[first_kind].pick(rng)
            first = turn(say(template, name_slots(d, cid, rng), rng), fact(d, first_kind, cid))
        turns = [first]
        middles = [DETOURS[n % len(DETOURS)]]
        if n % 5 == 3:  # a second detour before coming back
            middles.append(DETOURS[(n + 6) % len(DETOURS)])
        for text, ref, _phrase in middles:
            turns.append(turn(say(text, {}, rng), detour_expect(d, ref, _phrase)))
        turns.append(turn(say(BACK[kind], pron(d, cid), rng), fact(d, kind, cid, jid if kind in (*by_job, "stage") else None)))
        refs = [ref.split(":", 1)[1] if ref.startswith("pricing:") else ref for _t, ref, _p in middles]
        out.append(case("topic_switch", f"dev5:topic_switch.{kind}", turns, {"customer_id": cid, "job_id": jid, "middle": refs, "phrase": [p for _t, _r, p in middles]}))
    return out


# ------------------------------------------------------------------------------------------
# the files
# ------------------------------------------------------------------------------------------

DEV_SET = be.DevSet(SPLIT, SEED, globals(), HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
