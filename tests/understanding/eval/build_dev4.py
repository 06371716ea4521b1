"""Builds dev4, a fourth development set for the understanding layer: probes written from the
demo company's data alone, in phrasings of their own, to find what generalises badly from the
dev phrasings. Every expected fact is computed here from data/demo (the CRM seed, the knowledge
base, the director's call transcripts, the catalog), never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev4.py [--out DIR]

Writes dev4/questions.jsonl and dev4/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev, dev2 and dev3 (see
build_eval.py and bench/understanding.py); the data loading and the fact helpers are build_eval's
and build_dev3's, and every phrasing is dev4's own. The clock is pinned at Monday 2026-11-23
09:00 America/New_York.

dev4 is weighted to where held-out figures trail dev:
- new customers dictated or typed in many shapes: fields in any order, last name first, partial
  cards, phones spoken digit by digit ("six one seven", "oh" for zero), emails spoken ("at
  gmail dot com"), the lead source and a note; the drafted card must carry every field given,
  and nothing is written before the rep confirms;
- knowledge and playbook questions in reps' words ("how do i", "whats our policy on", "is it
  ok to", "what do we say when"), each with a key phrase copied from its document;
- director-call figures over new combinations of trade, town, state, year, rep, objection,
  situation, technique and outcome;
- web-search asks in new words;
- CRM writes asked and confirmed in varied words, and writes called off by "scratch that",
  "hold up", a new question or a dictated card dropped;
- follow-ups that lean on pronouns, "that one", "the roof one", "the one in salem", and intake
  corrections ("oh and her email is ...") that must not write.

Subjects are the dev customers (build_eval.split_customers(d, "dev")) and Sarah Johnson (147);
held-out customers only appear as the other options of a shared name in a clarification.
"""

from __future__ import annotations

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

SPLIT = "dev4"
SEED = f"{be.SEED}/dev4"
SARAH = 147  # added to the demo after dev was drawn; dev4 may ask about her

# ------------------------------------------------------------------------------------------
# how reps type, dev4's layer
# ------------------------------------------------------------------------------------------

CLIPPED = [
    (r"\byour\b", "ur"),
    (r"\bgoing to\b", "gonna"),
    (r"\bwhat is\b", "whats"),
    (r"\bbecause\b", "bc"),
    (r"\bprobably\b", "prob"),
    (r"\bthrough\b", "thru"),
    (r"\bneed to\b", "gotta"),
    (r"\bdo you\b", "u"),
]


# build_eval's render (shorthand, one typo, lower case) after dev4's own clipping and a
# dropped "the" or "a" on the template's words; slot values are left as they are.
say = ds.typist(CLIPPED, 0.3, drop=(r"\b(?:the|a) (?=\w)", 0.2))


class Turns(ds.Turns):
    """Templates of one kind, taken in turn from a random start, named as dev4's."""

    split = "dev4"


# ------------------------------------------------------------------------------------------
# the data, as dev4 reads it
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


def job_ref(d: Data, jid: int, rng: random.Random) -> str:
    refs = d3.name_refs(d, jid)
    if refs and rng.random() < 0.6:
        return rng.choice(refs)
    return rng.choice([f"{jid}", f"job {jid}", f"#{jid}", d.jobs[jid]["number"]])


def cust_ref(d: Data, cid: int, rng: random.Random) -> str:
    return rng.choice(be.customer_name_refs(d, cid))


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def name_slots(d: Data, cid: int, rng: random.Random) -> dict[str, str]:
    name = cust_ref(d, cid, rng)
    return {"name": name, "pname": possessive(name)}


# first names of women customers that build_eval's list (drawn before Sarah Johnson) lacks
MORE_WOMEN = frozenset({"Sarah"})


def pron(d: Data, cid: int) -> dict[str, str]:
    out = d3.pron(d, cid)
    if d.customers[cid]["first_name"] in MORE_WOMEN:
        out.update(subj="she", obj="her", pos="her")
    return out


def fact(d: Data, kind: str, cid: int, jid: int | None = None) -> dict[str, Any] | None:
    return d3.fact(d, kind, cid, jid)


NO_CLAIM: dict[str, Any] = {"not_contains": WRITE_CLAIMS}

# ------------------------------------------------------------------------------------------
# single questions: the CRM
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", [
        "hey can i get {pname} cell real quick",
        "{name} - phone?",
        "number for {name}, on my way there",
        "what's {pname} phone number again",
        "need to text {name}, whats their #",
    ]),
    "email": Turns("crm.contact.email", [
        "what email do we have on {name}",
        "{name} email addy",
        "sending {name} the quote, what's the email",
        "pls give me {pname} email",
    ]),
    "address": Turns("crm.contact.address", [
        "wheres {name} live",
        "{pname} house address pls",
        "whats the street for {name}, putting it in my gps",
        "can u send me {pname} address",
    ]),
    "home": Turns("crm.contact.home", ["{pname} house phone not the cell", "do we have a home number for {name}"]),
}


def gen_contact(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = customers(d)
    rng.shuffle(pool)
    kinds = ["phone", "address", "email", "phone", "home", "address", "email", "phone", "address", "email"]
    for n, cid in enumerate(pool[:10]):
        kind = kinds[n]
        if kind == "home" and fact(d, "home", cid) is None:
            kind = "phone"
        tid, template = ASK[kind].pick(rng)
        text = say(template, name_slots(d, cid, rng), rng)
        out.append(case("crm.contact", tid, [turn(text, fact(d, kind, cid))], {"customer_id": cid, "field": kind}))
    return out


STAGE_ASK = Turns("crm.status", [
        "where we at on {job}",
        "{job} status pls",
        "did {job} move at all, what stage",
        "hows {job} looking, stage wise",
        "remind me what stage {job} is in",
        "quick one - {job} where is it in the pipeline",
])
REP_ASK = Turns("crm.rep", ["who's handling {job}", "{job} who's the salesman", "which rep has {job} again", "who owns {job}"])
NOTE_ASK = Turns("crm.notes", ["most recent note on {job}?", "{job} any new notes, whats the latest one", "last update in the notes for {job}"])


def gen_status(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.status", STAGE_ASK, say, job_ref, jobs(d), 7, lambda jid: ({**CRM, "contains": [d.stage(jid)]}, {"job_id": jid}))


def gen_rep(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.rep", REP_ASK, say, job_ref, live_jobs(d), 5, lambda jid: ({**CRM, "contains": [d.rep(jid)]}, {"job_id": jid}))


def gen_notes(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    def ask(jid: int) -> tuple[dict[str, Any], dict[str, Any]]:
        note = d.notes_of(jid)[0]
        return {**CRM, "contains": [be._note_phrase(note["note"])]}, {"job_id": jid, "note_id": note["id"]}

    return ds.job_cases(d, rng, "crm.notes", NOTE_ASK, say, job_ref, [j for j in jobs(d) if d.notes_of(j)], 4, ask)


MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["what did {job} close at", "total contract on {job}?"]),
    "balance": Turns("crm.money.balance", ["does {job} still owe us anything", "open balance {job}", "how much outstanding on {job}"]),
    "paid": Turns("crm.money.paid", ["how much money have we gotten in on {job}"]),
    "proposal": Turns("crm.money.proposal", ["what number did we give them on {job}", "{job} quoted at?"]),
    "deposit": Turns("crm.money.deposit", ["did {job} put a deposit down, how much"]),
}


def gen_money(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for kind, quota in {"balance": 3, "contract": 2, "proposal": 2, "paid": 1, "deposit": 1}.items():
        pool = [j for j in jobs(d) if kind in d.money_facts(j) and fact(d, kind, d.jobs[j]["customer_id"], j)]
        for jid in rng.sample(pool, quota):
            tid, template = MONEY_ASK[kind].pick(rng)
            text = say(template, {"job": job_ref(d, jid, rng)}, rng)
            out.append(case("crm.money", tid, [turn(text, fact(d, kind, d.jobs[jid]["customer_id"], jid))], {"job_id": jid, "field": kind}))
    return out


INSTALL_ASK = Turns("crm.dates.install", ["when do we start the install on {job}", "{job} crew start date?"])
NEXT_ASK = Turns("crm.dates.next_customer", ["when's my next visit w {name}", "do we have anything booked with {name} coming up", "next time we see {name}?"])


def gen_dates(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    installs = [j for j in jobs(d) if d3.install_of(d, j)]
    for jid in rng.sample(installs, 2):
        a = d3.install_of(d, jid)
        assert a is not None
        tid, template = INSTALL_ASK.pick(rng)
        text = say(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": a["start_date_time"][:10]})], {"job_id": jid, "appointment_id": a["id"]}))
    people = [c for c in customers(d) if d.next_appointment(cid=c)]
    for cid in rng.sample(people, 3):
        a = d.next_appointment(cid=cid)
        assert a is not None
        day, time = be._at(a)
        tid, template = NEXT_ASK.pick(rng)
        text = say(template, name_slots(d, cid, rng), rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": day, "time": time})], {"customer_id": cid, "appointment_id": a["id"]}))
    return out


# (words, first day, last day, user or None, template)
CALENDAR_ASKS: list[tuple[str, str, str, int | None, str]] = [
    ("tmrw", "2026-11-24", "2026-11-24", None, "hows the calendar look {when}"),
    ("12/14", "2026-12-14", "2026-12-14", None, "any appts on the books for {when}"),
    ("this fri", "2026-11-27", "2026-11-27", None, "who's out where {when}"),
    ("next tuesday", "2026-12-01", "2026-12-01", 15, "is priya busy {when}"),
    ("dec 9", "2026-12-09", "2026-12-09", 16, "what does sullivan have going {when}"),
    ("11/30", "2026-11-30", "2026-11-30", 16, "sullivans schedule {when}?"),
]


def gen_calendar(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.calendar_cases(d, rng, SPLIT, CALENDAR_ASKS, say)


REP_OPEN = [(12, "whats on danas plate rn, open jobs"), (13, "kevin's open deals list"), (11, "everything reed has thats still open")]


def gen_rep_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.rep_jobs_cases(d, rng, SPLIT, REP_OPEN, say, counting=())


STAGE_LISTS = [("Contract Signed", "what jobs got signed but arent scheduled yet"), ("Follow Up", "who's sitting in follow up rn"), ("Estimating", "show me all the jobs still in estimating")]


def gen_stage_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.stage_jobs_cases(d, rng, SPLIT, STAGE_LISTS, say)


# ------------------------------------------------------------------------------------------
# single questions: knowledge and the playbook
# ------------------------------------------------------------------------------------------

# (document, question, key phrase copied from the document[, other documents that answer it])
PLAYBOOK: list[tuple[Any, ...]] = [
    ("OBJECTION_HANDLING/price_objection.md", "customer goes whoa thats way more than i thought. whats our 4 step answer", "isolate it"),
    ("OBJECTION_HANDLING/price_objection.md", "is it ok to knock a grand off on the spot to get them to sign", "first number was not real", ["PRICING_STRATEGIES/discounts_and_promotions_policy.md", "OBJECTION_HANDLING/objection_handling_framework.md"]),
    ("OBJECTION_HANDLING/price_objection.md", "what package do i step down to when the price is too high for them", "$14,900"),
    ("OBJECTION_HANDLING/objection_handling_framework.md", "how does feel felt found go, exact words", "felt the same way"),
    ("OBJECTION_HANDLING/objection_handling_framework.md", "what are the 4 steps for any objection", "acknowledge"),
    ("OBJECTION_HANDLING/spouse_not_present.md", "i show up and the wife isnt there, do i just pitch the husband anyway", "second-hand", ["CORE_KNOWLEDGE/first_five_minutes.md"]),
    ("OBJECTION_HANDLING/spouse_not_present.md", "what should i never say to the spouse whos there alone", "just decide"),
    ("OBJECTION_HANDLING/getting_three_quotes.md", "what do we say when they tell us theyre getting 3 bids", "comparison checklist", ["OBJECTION_HANDLING/price_objection.md"]),
    ("OBJECTION_HANDLING/getting_three_quotes.md", "we're the first of 3 estimates, how do i close out the visit", "before they sign"),
    ("OBJECTION_HANDLING/financing_questions.md", "homeowner thinks same as cash is a scam, how do i explain it", "deferred interest", ["PRICING_STRATEGIES/financing_programs.md"]),
    ("OBJECTION_HANDLING/financing_questions.md", "can i fill in their social on the finance app for them", "social security number", ["PRICING_STRATEGIES/financing_programs.md"]),
    ("OBJECTION_HANDLING/financing_questions.md", "guy says he got turned down for financing last time what do i offer", "smaller first phase", ["PRICING_STRATEGIES/financing_programs.md"]),
    ("OBJECTION_HANDLING/need_to_think_about_it.md", "they said we wanna sleep on it, how do i respond", "the roof itself"),
    ("OBJECTION_HANDLING/need_to_think_about_it.md", "whats that scale of one to ten line", "make it a ten"),
    ("OBJECTION_HANDLING/handyman_or_diy.md", "her brother in law says he can do the roof cheaper, what questions do i ask", "insured if someone falls"),
    ("OBJECTION_HANDLING/handyman_or_diy.md", "it's honestly a tiny repair, do i still sell them a whole roof", "service department"),
    ("OBJECTION_HANDLING/waiting_until_next_season.md", "what do we say when they wanna hold off till spring cuz of money", "timing of the work"),
    ("CUSTOMER_PSYCHOLOGY/buyer_personality_types.md", "how do i handle a driver personality who just wants the bottom line", "be brief"),
    ("CUSTOMER_PSYCHOLOGY/buyer_personality_types.md", "engineer type homeowner w a spreadsheet of quotes, how do i present", "data sheets"),
    ("CUSTOMER_PSYCHOLOGY/buying_signals_and_body_language.md", "how can i tell theyre ready to buy", "how soon could you start"),
    ("CUSTOMER_PSYCHOLOGY/buying_signals_and_body_language.md", "husband crossed his arms and leaned back mid pitch, now what", "on your mind so far"),
    ("CUSTOMER_PSYCHOLOGY/couples_and_shared_decisions.md", "couple cant agree, he wants to wait and she wants it done now", "phased scope"),
    ("CUSTOMER_PSYCHOLOGY/trust_with_elderly_homeowners.md", "max length for a visit with an older couple", "two and a half", ["CORE_KNOWLEDGE/sales_methodology.md"]),
    ("CUSTOMER_PSYCHOLOGY/trust_with_elderly_homeowners.md", "is it ok to take a cash deposit from an 80 yr old", "ask for cash"),
    ("PRICING_STRATEGIES/discounts_and_promotions_policy.md", "whats our policy on referral discounts", "$250 off"),
    ("PRICING_STRATEGIES/discounts_and_promotions_policy.md", "when can i give the neighborhood credit", "within a mile"),
    ("PRICING_STRATEGIES/discounts_and_promotions_policy.md", "most i can discount without asking rachel", "7 percent"),
    ("PRICING_STRATEGIES/discounts_and_promotions_policy.md", "is it ok to take money off if they let us put a yard sign up", "yard sign or review"),
    ("PRICING_STRATEGIES/financing_programs.md", "rate on the 84 mo plan?", "7.99%"),
    ("PRICING_STRATEGIES/financing_programs.md", "who is our finance company", "Bay Colony Home Credit", ["PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf"]),
    ("PRICING_STRATEGIES/good_better_best_packages.md", "diff between preferred and essential on a roof?", "counter flashing"),
    ("PRICING_STRATEGIES/good_better_best_packages.md", "which package do i walk them thru first", "top package"),
    ("PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf", "payment schedule for a 45k siding job", "40 percent when materials"),
    ("PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf", "whats our policy on cash payments", "1,000 dollars"),
    ("PRICING_STRATEGIES/presenting_the_price.md", "homeowner insists on a ballpark for windows before i measure", "$850 to $1,400"),
    ("PRICING_STRATEGIES/presenting_the_price.md", "how do i make an 18k roof sound smaller", "$600 a year"),
    ("SCRIPT_TEMPLATES/appointment_confirmation_call.md", "besides the time what do i ask on the confirm call", "gate code"),
    ("SCRIPT_TEMPLATES/follow_up_and_voicemail_templates.txt", "text to send two weeks after the visit if i havent heard back", "want to be a pest"),
    ("SCRIPT_TEMPLATES/standard_sales_script.md", "what are the discovery questions in our script", "what made you call us now"),
    ("SCRIPT_TEMPLATES/primer_video_script_template.md", "can i mention price in the primer video", "no prices"),
    ("CORE_KNOWLEDGE/crm_and_lead_handling.txt", "lead came in at 8 at night, when do i gotta call them", "9 am"),
    ("CORE_KNOWLEDGE/crm_and_lead_handling.txt", "after we lose a job when do we reach back out", "90 days"),
    ("CORE_KNOWLEDGE/in_home_presentation_steps.md", "how long should a full in home presentation run", "90 to 120 minutes"),
    ("CORE_KNOWLEDGE/first_five_minutes.md", "they ask for a ballpark at the front door what do i say", "guess with your money"),
    ("CORE_KNOWLEDGE/roof_inspection_checklist.md", "how steep is too steep for me to get up on a roof", "8/12"),
    ("CORE_KNOWLEDGE/company_story.md", "how many jobs has summit ridge done total", "9,000"),
    ("CORE_KNOWLEDGE/company_story.md", "where r our showrooms", "Nashua"),
    ("CORE_KNOWLEDGE/follow_up_process.md", "they went with another company, do we ever contact them again", "next trade"),
    ("CORE_KNOWLEDGE/after_the_contract_is_signed.md", "how many days before the start does the foreman call", "two to three days"),
    ("CORE_KNOWLEDGE/sales_methodology.md", "whats the company wide close rate", "42 percent"),
    ("PRODUCT_KNOWLEDGE/gutters_and_gutter_guards.md", "how thick is the aluminum on our gutters", ".032"),
    ("PRODUCT_KNOWLEDGE/gutters_and_gutter_guards.md", "how many downspouts do i need on a long run", "30 to 35 feet"),
    ("PRODUCT_KNOWLEDGE/roof_ventilation.md", "is it ok to leave the box vents and add a ridge vent", "short-circuit"),
    ("PRODUCT_KNOWLEDGE/replacement_windows.md", "pocket insert or full frame on old windows, how do i decide", "rough opening"),
    ("PRODUCT_KNOWLEDGE/replacement_windows.md", "windows lead time once we measure?", "four to six weeks", ["PROJECTS/Maple_Hollow_Estates/hoa_exterior_guidelines.md"]),
    ("PRODUCT_KNOWLEDGE/underlayment_and_drip_edge.md", "why do we use synthetic and not felt paper", "does not wrinkle"),
    ("PRODUCT_KNOWLEDGE/asphalt_shingles.md", "do we still do 3 tab shingles on a full reroof", "phased out"),
    ("PRODUCT_KNOWLEDGE/warranties.md", "homeowner is selling, does our workmanship warranty transfer", "$100 transfer fee"),
    ("PRODUCT_KNOWLEDGE/warranties.md", "what would void the shingle warranty", "pressure washing"),
    ("PRODUCT_KNOWLEDGE/fiber_cement_siding.md", "how much clearance does hardie need off the ground", "6 inches"),
    ("PRODUCT_KNOWLEDGE/vinyl_siding.md", "do we install .040 vinyl", "builder grade"),
    ("PRODUCT_KNOWLEDGE/ice_and_water_shield.md", "how do i explain ice and water shield in plain english", "rubber raincoat"),
    ("PROJECTS/Brookside_Commons/condo_association_rules.md", "owner at brookside commons wants us to redo their roof, can we sign them", "property manager"),
    ("PROJECTS/Brookside_Commons/condo_association_rules.md", "what hours can we work at brookside", "8 a.m. to 5 p.m."),
    ("PROJECTS/Maple_Hollow_Estates/hoa_exterior_guidelines.md", "when does the maple hollow ARC meet", "first Tuesday"),
    ("PROJECTS/Maple_Hollow_Estates/project_notes.md", "maple hollow, how many roofs have we put on there", "31 roofs"),
]


def knowledge_expect(d: Data, doc: str, phrase: str | None, also: list[str] | None = None) -> dict[str, Any]:
    return d3.knowledge_expect(d, doc, phrase, also)


def gen_knowledge(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (doc, question, phrase, *more) in enumerate(PLAYBOOK):
        also: list[str] = more[0] if more else []
        subject: dict[str, Any] = {"doc": doc, "phrase": phrase}
        if also:
            subject["also"] = also
        out.append(case("knowledge", f"dev4:knowledge/{doc}#{n}", [turn(say(question, {}, rng), knowledge_expect(d, doc, phrase, also))], subject))
    return out


# ------------------------------------------------------------------------------------------
# single questions: the director's calls
# ------------------------------------------------------------------------------------------

CLOSED = ("closed_first_visit", "closed_follow_up")

# (question, measure, where); the figures are build_dev3's (analysis_figure), the filters its own
CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("siding calls in holden, how many did rachel do", "count", {"trade": "siding", "town": "Holden"}),
    ("how many roof ride alongs were in braintree", "count", {"trade": "roofing", "town": "Braintree"}),
    ("how many director calls was mike reed on", "count", {"rep": "Mike Reed"}),
    ("of kevins calls w rachel how many closed the same night", "count", {"rep": "Kevin Shea", "outcome": ("closed_first_visit",)}),
    ("how many of rachels calls went to a competitor", "count", {"outcome": ("lost_competitor",)}),
    ("director calls still pending, how many", "count", {"outcome": ("pending",)}),
    ("how many gutter calls did we win", "count", {"trade": "gutters", "outcome": CLOSED}),
    ("on how many calls did price come up as an objection", "count", {"objection": "price"}),
    ("insurance objections on roofing calls, count?", "count", {"trade": "roofing", "objection": "insurance"}),
    ("how many calls were rental properties", "count", {"situation": "rental_property"}),
    ("active leak calls that closed, how many", "count", {"situation": "active_leak", "outcome": CLOSED}),
    ("how many of the 2025 calls lost on price", "count", {"year": "2025", "outcome": ("lost_price",)}),
    ("count of calls where the homeowner worried about disruption", "count", {"objection": "disruption"}),
    ("how many times did rachel use price anchoring", "count", {"technique": "Price anchoring"}),
    ("how many of the calls were in mass", "count", {"state": "MA"}),
    ("how many historic district calls were siding", "count", {"situation": "historic_district", "trade": "siding"}),
    ("whats the close rate on window calls", "close_rate", {"trade": "windows"}),
    ("gutter calls close %", "close_rate", {"trade": "gutters"}),
    ("mike reeds close rate when rachel rode with him", "close_rate", {"rep": "Mike Reed"}),
    ("close rate on the calls rachel ran by herself", "close_rate", {"rep": None}),
    ("storm damage calls, what percent closed", "close_rate", {"situation": "storm_damage"}),
    ("what % of roofing calls closed on the first visit", "first_visit_rate", {"trade": "roofing"}),
    ("first visit close rate for the 2024 calls", "first_visit_rate", {"year": "2024"}),
    ("avg deal size on the siding calls that closed", "avg_deal_closed", {"trade": "siding"}),
    ("danas average closed deal on the director calls", "avg_deal_closed", {"rep": "Dana Whitaker"}),
    ("how long r the window calls on average, minutes", "avg_minutes", {"trade": "windows"}),
    ("average minutes rachel spends on pricing", "phase:pricing", {}),
    ("how long on avg is the rapport part", "phase:rapport", {}),
    ("siding deals that closed later, avg days to the follow up", "avg_follow_up_days", {"trade": "siding", "outcome": ("closed_follow_up",)}),
]


def gen_analysis(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.analysis_cases(d, rng, SPLIT, CALL_FIGURES, say)


# ------------------------------------------------------------------------------------------
# single questions: pricing, web, scripting
# ------------------------------------------------------------------------------------------

# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-SH-LMK", "landmark shingles", "price", "how much a bundle for {item}"),
    ("RF-RC", "ridge cap", "price", "{item} bundle price?"),
    ("SD-HW", "house wrap", "price", "roll of {item} what do we sell it for"),
    ("SD-JC", "j channel", "cost", "what does a piece of {item} cost us"),
    ("GT-DS34", "3x4 downspout", "price", "price per piece {item}"),
    ("GT-GD6", "6in micro mesh guard", "price", "{item} how much"),
    ("WN-CS", "vinyl casement", "price", "what do we charge for a {item} window"),
    ("WN-PIC", "picture window", "labour", "install labor for a vinyl {item}?"),
    ("RF-TO", "tear off", "labour", "{item} labor per square"),
    ("RF-SH-HDZ", "timberline hdz", "supplier", "where do we get {item} from"),
    ("WN-SL", "2 lite slider", "margin", "margin on the {item}"),
]


def gen_pricing(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = ds.catalog_cases(d, rng, SPLIT, CATALOG_ASKS, say)
    row = be.sku(d, "WN-CS")
    out.append(case("pricing", "dev4:pricing.total", [turn(say("9 vinyl casements at our price, total for just the windows", {}, rng), {"agent": "pricing", "money": round(9 * float(row["price"]), 2)})], {"sku": "WN-CS", "field": "total", "quantity": 9}))
    out.append(case("pricing", "dev4:pricing.squares", [turn(say("roof is 1900 sq ft footprint at a 6/12, squares?", {}, rng), {"agent": "pricing", "number": {"value": be.roof_squares(1900, 6), "tol": 1.0, "unit": ["sq", "square"]}})], {"footprint": 1900, "rise": 6}))
    row = be.sku(d, "RF-SH-LMK")
    out.append(case("pricing", "dev4:pricing.bundles", [turn(say("27 sq of landmark, how many bundles do i order", {}, rng), {"agent": "pricing", "count": 27 * be.per_square(row)})], {"sku": "RF-SH-LMK", "squares": 27}))
    row = be.sku(d, "RF-RV")
    out.append(case("pricing", "dev4:pricing.pieces", [turn(say("44 ft of ridge, how many pieces of ridge vent", {}, rng), {"agent": "pricing", "count": math.ceil(44 / float(Fraction(row["coverage"])))})], {"sku": "RF-RV", "need": 44, "need_unit": row["coverage_unit"]}))
    return out


WEB_ASKS = [
    "can u look online whats happening with lumber prices this month",
    "find the noaa forecast for quincy tmrw, i'm on a roof all day",
    "check online for the energy star window requirements for 2027",
    "google mass save rebates for insulated siding",
    "is there a recall on certainteed landmark, search it",
    "web search dumpster rental prices in worcester",
    "look up whether there was hail in nashua nh yesterday",
    "search the internet for what mortgage rates did this week",
    "does framingham need a permit for a roof overlay? check the town website",
    "look online if james hardie raised prices for 2027",
    "search google for top rated gutter guard brands this year",
    "find me the phone number for the natick building dept online",
]
INVENTED = ["i searched the web", "according to the web", "i found online"]


def gen_web(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return [case("web_search", f"dev4:web_search/{n}", [turn(say(t, {}, rng), {"agent": "web_search", "not_contains": INVENTED})], {}) for n, t in enumerate(WEB_ASKS)]


SCRIPT_ASKS = Turns("scripting", [
    "need a talk track for {name} tmrw can u write one",
    "draft me the primer video script for {name} pls",
    "write the sales pitch for my meeting w {name}",
    "put together a primer vid script, customer is {name}",
])


def gen_scripting(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.scripting_cases(d, rng, SCRIPT_ASKS, say, customers(d), cust_ref)


# ------------------------------------------------------------------------------------------
# new customers, dictated
# ------------------------------------------------------------------------------------------

FRESH_PEOPLE = [
    ("Cornelius", "Ashdown"), ("Magnolia", "Ferreira"), ("Benedikt", "Oyelaran"), ("Seraphina", "Whitcombe"),
    ("Lazlo", "Petrakis"), ("Honora", "Delacroix"), ("Evander", "Nakamura"), ("Clementine", "Rourke"),
    ("Ambrose", "Tillinghast"), ("Perpetua", "Okonkwo"), ("Gideon", "Marchetti"), ("Delphine", "Haverford"),
    ("Casimir", "Lindgren"), ("Wren", "Galloway"), ("Lorcan", "Sedgwick"), ("Tamsin", "Beaumont"),
    ("Fitzroy", "Adeyemi"), ("Ottoline", "Crane"), ("Rafferty", "Solberg"), ("Isolde", "Kincaid"),
    ("Barnabas", "Yilmaz"), ("Philomena", "Drury"), ("Leander", "Mackay"), ("Zinnia", "Holloway"),
    ("Hollis", "Vantongeren"), ("Marisela", "Okwuosa"), ("Ignatius", "Pemberton"), ("Rosalind", "Achterberg"),
    ("Alaric", "Fennimore"), ("Junia", "Castellanos"), ("Cosmo", "Brightwater"), ("Henrike", "Dalgaard"),
]
FRESH_STREETS = ["41 Cedar Hill Rd", "9 Old Orchard Ln", "276 Main St", "12 Birch Knoll Dr", "88 Powder Mill Rd", "3 Fairview Ter", "150 Sudbury Rd", "67 Whitney St"]
FRESH_TOWNS = ["Acton", "Maynard", "Bolton", "Sherborn", "Wayland", "Northbridge", "Boxborough", "Dover"]
# (how the rep says it, the word the card must carry)
FRESH_TRADES = [("a new roof", "roof"), ("siding", "siding"), ("new gutters", "gutter"), ("3 windows", "window"), ("a reroof", "roof"), ("gutter guards", "gutter"), ("replacement windows", "window"), ("vinyl siding", "siding")]
FRESH_SOURCES = [("saw our yard sign", "yard sign"), ("met us at the home show", "home show"), ("got our door hanger", "door hanger"), ("neighbor referral", "neighbor"), ("repeat customer", "repeat"), ("sent by the insurance adjuster", "adjuster")]
FRESH_NOTES = [("has a big dog", "dog"), ("gate code 4412", "4412"), ("only call after 5pm", "after 5"), ("works nights, text first", "works nights"), ("elderly mom lives w them", "elderly mom")]
SPOKEN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
MAIL_HOSTS = ["gmail", "yahoo", "comcast", "outlook"]

# the fields each shape carries, in the order the rep says them
DICTATIONS = Turns("new_clients", [
    "new cust {first} {last} {phone} {street} {town} wants {trade}",
    "just left a door knock, {first} {last} on {street} in {town}, cell {phone}, they want {trade}, {note}",
    "{last} {first} is the name, last name first sorry. {phone}. {email}",
    "can u start a new customer for me. name {first} {last}. email {email}. no phone yet",
    "add lead {first} {last} - {source} - {phone} - interested in {trade}",
    "got a new one {first} {last} from {town}, {source}, number is {phone}, {note}",
    "{phone} {first} {last} {trade} {town}",
    "new homeowner over in {town} {street}, names {first} {last}, {email} or {phone}",
    "create a lead for {first} {last} pls they called about {trade}, {phone}, {source}",
    "um new customer first name {first} last name {last} phone number {phone} email {email} address {street} {town}",
    "put {first} {last} in the system, {street}, {town} ma, {phone}, {trade}, notes: {note}",
    "new client {first} {last} reachable at {email}, wants {trade} at {street} {town}",
    "{first} {last} / {trade} / {phone} / {source}",
    "just got off the phone w a new one, {first} {last}, {town}, wants someone out for {trade}, best # is {phone}",
    "add a customer named {first} {last}, email {email}, {note}",
    "last name {last}, first {first}, phone {phone}, lives at {street} {town}",
])


def spoken_digits(digits: str, rng: random.Random) -> str:
    """A phone read out digit by digit, grouped 3-3-4, zero sometimes said "oh"."""
    words = [("oh" if ch == "0" and rng.random() < 0.5 else SPOKEN[int(ch)]) for ch in digits]
    return f"{' '.join(words[:3])} {' '.join(words[3:6])} {' '.join(words[6:])}"


def phone_said(digits: str, n: int, rng: random.Random) -> str:
    if n % 3 == 1:
        return spoken_digits(digits, rng)
    if n % 3 == 2:  # the area code typed, the rest spoken
        return f"{digits[:3]} {spoken_digits(digits, rng).split(' ', 3)[3]}"
    return be._phone_text(digits, rng)


def email_said(first: str, last: str, n: int) -> tuple[str, str]:
    """(as said, as the card must carry it)."""
    host = MAIL_HOSTS[n % len(MAIL_HOSTS)]
    tld = "net" if host == "comcast" else "com"
    shapes = [
        (f"{first}.{last}@{host}.{tld}", f"{first}.{last}@{host}.{tld}"),
        (f"{first} dot {last} at {host} dot {tld}", f"{first}.{last}@{host}.{tld}"),
        (f"{first[0]}{last} at {host} dot {tld}", f"{first[0]}{last}@{host}.{tld}"),
        (f"{first}{last}{n} at {host} dot {tld}", f"{first}{last}{n}@{host}.{tld}"),
    ]
    return shapes[n % len(shapes)]


def fresh_card(n: int, rng: random.Random) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(text, expect, subject) for the n-th dictated customer."""
    first, last = FRESH_PEOPLE[n]
    tid, template = DICTATIONS.pick(rng)
    digits = f"{['617', '508', '978', '781', '774'][n % 5]}555{3100 + n * 37:04d}"
    said_mail, mail = email_said(first.lower(), last.lower(), n)
    trade_said, trade_word = FRESH_TRADES[n % len(FRESH_TRADES)]
    source_said, source_word = FRESH_SOURCES[n % len(FRESH_SOURCES)]
    note_said, note_word = FRESH_NOTES[n % len(FRESH_NOTES)]
    street, town = FRESH_STREETS[n % len(FRESH_STREETS)], FRESH_TOWNS[(n * 3) % len(FRESH_TOWNS)]
    slots = {
        "first": first, "last": last, "phone": phone_said(digits, n, rng), "email": said_mail, "street": street,
        "town": town, "trade": trade_said, "source": source_said, "note": note_said,
    }
    used = {name for _lit, name, _s, _c in string.Formatter().parse(template) if name}
    text = say(template, slots, rng)
    contains = [first, last]
    expect: dict[str, Any] = {"agent": "new_clients"}
    # the street without its suffix: a card may write "Rd" out as "Road"
    carried = {"email": mail, "street": street.rsplit(" ", 1)[0], "town": town, "trade": trade_word, "source": source_word, "note": note_word}
    contains += [carried[k] for k in ("email", "street", "town", "trade", "source", "note") if k in used]
    expect["contains"] = contains
    if "phone" in used:
        expect["phone"] = digits
    subject = {"first_name": first, "last_name": last, "fields": sorted(used), "template": tid}
    if "phone" in used:
        subject["phone"] = digits
    return text, expect, subject


def gen_new_clients(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n in range(24):
        text, expect, subject = fresh_card(n, rng)
        tid = subject.pop("template")
        out.append(case("new_clients", tid, [turn(text, expect)], subject))
    return out


def gen_bad_input(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, text in enumerate(["zzzz xx", "..??..", "qpqp zmzm"]):
        out.append(case("bad_input", f"dev4:bad_input.gibberish/{n}", [turn(text, dict(NO_FORM))], {"kind": "gibberish"}))
    for n, text in enumerate(["ok what about his balance", "whats the addy on that one"]):
        out.append(case("bad_input", f"dev4:bad_input.focusless/{n}", [turn(text, {**NO_FORM, "not_contains": [be.SEED_PHONE_PREFIX]})], {"kind": "nothing in focus"}))
    text = "number for bartholomew quisling"
    out.append(case("bad_input", "dev4:bad_input.nobody/0", [turn(text, {**NO_FORM, "not_contains": [be.SEED_PHONE_PREFIX]})], {"kind": "unknown name"}))
    assert 3091 not in d.jobs and not any(j["number"].endswith("-3091") for j in d.jobs.values())
    out.append(case("bad_input", "dev4:bad_input.missing_job/0", [turn("job 3091 where is it at", {**NO_FORM, "contains": ["3091"], "not_contains": be.JOB_NUMBER_PREFIXES})], {"kind": "unknown job", "job": 3091}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: follow-ups
# ------------------------------------------------------------------------------------------

LEAD_IN = ["can u pop open {job}", "show me {job}", "{job} pls", "look at {job} for me"]


def lead_in(d: Data, jid: int, rng: random.Random) -> dict[str, Any]:
    return turn(say(rng.choice(LEAD_IN), {"job": job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.stage(jid)]})


def gen_followup(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    people = customers(d)
    used: set[int] = set()

    def fresh(cids: list[int]) -> int:
        cid = rng.choice([c for c in cids if c not in used] or cids)
        used.add(cid)
        return cid

    def ask(templates: list[str], kind: str, cid: int, jid: int | None = None) -> dict[str, Any]:
        expect = fact(d, kind, cid, jid)
        assert expect is not None, (kind, cid, jid)
        return turn(say(rng.choice(templates), pron(d, cid), rng), expect)

    def add(shape: str, turns: list[dict[str, Any]], subject: dict[str, Any], crm_after: list[dict[str, Any]] | None = None) -> None:
        out.append(case("followup", f"dev4:followup.{shape}", turns, subject, crm_after))

    # phone, then "her email", then "where's the house"
    for _ in range(2):
        cid = fresh(people)
        _tid, template = ASK["phone"].pick(rng)
        add("contact_chain", [
            turn(say(template, name_slots(d, cid, rng), rng), fact(d, "phone", cid)),
            ask(["whats {pos} email then", "k and {pos} email"], "email", cid),
            ask(["and where's the house", "where does {subj} live again"], "address", cid),
        ], {"customer_id": cid})
    # one trade, then "the roof one" / "the other one", then the rep on that one
    two = [c for c in people if len({d.main_trade(j["id"]) for j in d.jobs_of(c) if not j["archived"]}) == 2 and len([j for j in d.jobs_of(c) if not j["archived"]]) == 2]
    for n in range(3):
        cid = fresh(two)
        a, b = (j["id"] for j in d.jobs_of(cid) if not j["archived"])
        if n % 2:
            a, b = b, a
        c = d.customers[cid]
        other = d3.ONE[d.main_trade(b)]
        add("trade_switch", [
            turn(say("{name} {trade} job stage", {"name": f"{c['first_name']} {c['last_name']}".lower(), "trade": d3.WORD[d.main_trade(a)]}, rng), {**CRM, "contains": [d.stage(a)]}),
            turn(say(rng.choice(["ok and the {x} one?", "what about {pos} {x} job", "the {x} one where's that at"]), {**pron(d, cid), "x": other}, rng), {**CRM, "contains": [d.stage(b)]}),
            ask(["who has that one", "whos the rep on that one then"], "rep", cid, b),
        ], {"customer_id": cid, "job_id": a, "other_job_id": b})
    # next appointment, where is it, the cell there
    for _ in range(2):
        cid = fresh([c for c in people if d.next_appointment(cid=c)])
        _tid, template = NEXT_ASK.pick(rng)
        add("next_address_cell", [
            turn(say(template, name_slots(d, cid, rng), rng), fact(d, "next", cid)),
            ask(["what's the address on that one", "address for that?"], "address", cid),
            ask(["and a number to call if im late", "{pos} cell in case"], "phone", cid),
        ], {"customer_id": cid})
    # the job, what it sold for, what they paid
    for _ in range(2):
        fits = [j for j in live_jobs(d) if d.fully_invoiced(j) and d.money_facts(j)["paid"] > 0 and d.jobs[j]["customer_id"] not in used]
        jid = rng.choice(fits)
        cid = d.jobs[jid]["customer_id"]
        used.add(cid)
        add("money_chain", [
            lead_in(d, jid, rng),
            ask(["what did that one sell for", "contract on it?"], "contract", cid, jid),
            ask(["how much they paid so far", "and whats been paid"], "paid", cid, jid),
        ], {"customer_id": cid, "job_id": jid})
    # who's on the job, then how many open jobs that rep has
    for uid in (13, 11):
        fits = [j for j in open_jobs(d) if d.jobs[j]["rep_ids"][0] == uid and d.jobs[j]["customer_id"] not in used]
        jid = rng.choice(fits)
        used.add(d.jobs[jid]["customer_id"])
        ids = be.open_jobs_of_rep(d, uid)
        add("rep_then_load", [
            turn(say(rng.choice(REP_ASK.templates), {"job": job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.rep(jid)]}),
            turn(say(rng.choice(["how many open jobs does he have rn", "what else does he have open"]), {}, rng), {**CRM, "count": len(ids)}),
        ], {"job_id": jid, "user_id": uid, "job_ids": ids})
    # a dictated card, corrected and added to: nothing is written before a yes
    for n, (more, word) in enumerate([("email", "oh and {pos} email is {email}"), ("street", "forgot the address, its {street} {town}"), ("phone", "wait the number is actually {phone}")]):
        k = 24 + n
        first, last = FRESH_PEOPLE[k]
        digits = f"{['617', '508', '978'][n]}555{3100 + k * 37:04d}"
        said_mail, mail = email_said(first.lower(), last.lower(), k + 1)
        start = say("new customer {first} {last} cell {phone} wants a roof estimate", {"first": first, "last": last, "phone": be._phone_text(f"{digits[:-1]}9", rng)}, rng)
        woman = n != 1
        slots = {"pos": "her" if woman else "his", "email": said_mail, "street": FRESH_STREETS[k % 8], "town": FRESH_TOWNS[k % 8], "phone": spoken_digits(digits, rng)}
        second: dict[str, Any] = {"agent": "new_clients", "contains": [first, last]}
        if more == "email":
            second["contains"].append(mail)
        elif more == "street":
            second["contains"] += [slots["street"].rsplit(" ", 1)[0], slots["town"]]
        else:
            second["phone"] = digits
        add(f"intake.{more}", [
            turn(start, {"agent": "new_clients", "contains": [first, last]}),
            turn(say(word, slots, rng), {**second, **NO_CLAIM}),
        ], {"first_name": first, "last_name": last, "intake": True, "phone": digits}, [{"unchanged": True}])
    return out


# ------------------------------------------------------------------------------------------
# conversations: clarifications
# ------------------------------------------------------------------------------------------

# (said, chosen, field, reply; "ordinal:k" picks the k-th option as the answer lists them)
WHICH: list[tuple[str, int, str, str]] = [
    ("wong", 120, "email", "the one in salem"),
    ("reilly", 117, "stage", "roof one"),
    ("castillo", 138, "phone", "framingham"),
    ("kaplan", 143, "address", "steven"),
    ("carter", 107, "rep", "plymouth one"),
    ("steven", 122, "email", "lombardi"),
    ("megan", 132, "phone", "the cranston one"),
    ("mccarthy", 127, "email", "ordinal:2"),
    ("johnson", SARAH, "phone", "sarah"),
]
WHICH_ASK = {
    "email": ["{said} email?", "whats the email for {said}"],
    "phone": ["call {said} - number?", "{psaid} cell"],
    "address": ["{said} address pls"],
    "rep": ["who's {psaid} rep"],
    "stage": ["{said} job - where's it at"],
}
ORDINAL_WORDS = {2: "the 2nd one", 1: "first", 3: "last one"}


def gen_clarify(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    by_last, by_first = be._customer_groups(d)
    out: list[dict[str, Any]] = []
    for said, chosen, field, reply in WHICH:
        lasts = {k.lower(): v for k, v in by_last.items()}
        firsts = {k.lower(): v for k, v in by_first.items()}
        group = lasts.get(said) or firsts[said]
        key = "first_name" if said in lasts else "last_name"
        text = say(rng.choice(WHICH_ASK[field]), {"said": said, "psaid": possessive(said)}, rng)
        options = [d.customers[c][key] for c in group]
        expect: dict[str, Any]
        if field == "stage":
            jid = next(j["id"] for j in d.jobs_of(chosen) if d.main_trade(j["id"]) == "Roofing")
            expect = {**CRM, "contains": [d.stage(jid)]}
        elif field == "rep":
            expect = {**CRM, "contains": [d.user_full(d.customers[chosen]["rep_id"])]}
        else:
            expect = fact(d, field, chosen) or {}
        if reply.startswith("ordinal:"):
            index = int(reply.split(":")[1])
            reply = ORDINAL_WORDS[index]
            expect = {"choice": {"index": index, "options": [{"find": [d.customers[c][key]], "expect": fact(d, field, c)} for c in group]}}
            subject_chosen = None
        else:
            subject_chosen = chosen
        turns = [turn(text, {"asks": options}), turn(reply, expect)]
        out.append(case("clarify", f"dev4:clarify.{field}", turns, {"said": said, "customer_ids": group, "chosen": subject_chosen, "field": field}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: topic switches
# ------------------------------------------------------------------------------------------

# (a question in the middle, the document or call figure it is about, a key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("btw how do i explain the 3 day cancel thing", "CORE_KNOWLEDGE/after_the_contract_is_signed.md", None),
    ("random q, how many calls did rachel do in warwick", "analysis:town:Warwick", None),
    ("whats the micro mesh guard we use, quick", "PRODUCT_KNOWLEDGE/gutters_and_gutter_guards.md", "micro-mesh"),
    ("side question whats the deposit %", "PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf", "30 percent"),
    ("how many director calls had an insurance objection", "analysis:objection:insurance", None),
    ("real quick whats the senior discount", "PRICING_STRATEGIES/discounts_and_promotions_policy.md", "5 percent"),
    ("how many of rachels calls were in new hampshire again", "analysis:state:NH", None),
    ("oh whats the voicemail script for the confirm call", "SCRIPT_TEMPLATES/appointment_confirmation_call.md", "no need to call back"),
]
DETOUR_ALSO = {
    "CORE_KNOWLEDGE/after_the_contract_is_signed.md": ["CORE_KNOWLEDGE/in_home_presentation_steps.md", "SCRIPT_TEMPLATES/standard_sales_script.md", "CUSTOMER_PSYCHOLOGY/trust_with_elderly_homeowners.md", "PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf"],
    "PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf": ["CORE_KNOWLEDGE/after_the_contract_is_signed.md", "SCRIPT_TEMPLATES/standard_sales_script.md"],
}
RETURN = {
    "phone": "ok back to {first}, whats {pos} number",
    "email": "anyway, {pos} email?",
    "stage": "ok so back to that job, what stage",
    "rep": "going back to {last}, who sold it",
    "address": "k what was {pos} address",
    "balance": "back to it, whats still owed there",
    "next": "so when am i seeing {obj} next",
    "install": "and the install on that one, when",
}


def detour_expect(d: Data, ref: str, phrase: str | None) -> dict[str, Any]:
    if ref.startswith("analysis:"):
        _, key, value = ref.split(":")
        return d3.analysis_expect("count", d3.analysis_figure(d, "count", {key: value}))
    return knowledge_expect(d, ref, phrase, DETOUR_ALSO.get(ref))


def gen_topic_switch(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    used: set[int] = set()
    by_job = ("stage", "rep", "balance", "install")
    for n, kind in enumerate(["phone", "stage", "email", "rep", "address", "balance", "next", "install"]):

        def fits(j: int, kind: str = kind) -> bool:
            cid_ = d.jobs[j]["customer_id"]
            if kind == "stage":
                return len(d.jobs_of(cid_)) == 1
            if kind == "next":
                return d.next_appointment(cid=cid_) is not None
            return fact(d, kind, cid_, j if kind in by_job else None) is not None

        pool = [j for j in live_jobs(d) if fits(j)]
        jid = rng.choice([j for j in pool if d.jobs[j]["customer_id"] not in used] or pool)
        cid = d.jobs[jid]["customer_id"]
        used.add(cid)
        if kind in by_job:
            first = lead_in(d, jid, rng)
        else:
            _tid, template = ASK["address" if kind == "phone" else "phone"].pick(rng)
            first = turn(say(template, name_slots(d, cid, rng), rng), fact(d, "address" if kind == "phone" else "phone", cid))
        text, ref, phrase = DETOURS[n % len(DETOURS)]
        back = fact(d, kind, cid, jid if kind in by_job else None)
        assert back is not None
        turns = [first, turn(say(text, {}, rng), detour_expect(d, ref, phrase)), turn(say(RETURN[kind], pron(d, cid), rng), back)]
        out.append(case("topic_switch", f"dev4:topic_switch.{kind}", turns, {"customer_id": cid, "job_id": jid, "middle": [ref], "phrase": phrase}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: writes, and writes called off
# ------------------------------------------------------------------------------------------

YESES = ["yes go for it", "yup", "confirm", "thats right save it", "ya", "correct, do it", "yeah thats good", "ok send it", "approved", "sounds good yes", "yes pls save", "go"]

# no weekday or month stems in the notes: the booking checks read the whole conversation
NOTE_LINES = [
    "homeowner asked for a copy of the warranty", "left a voicemail, no answer", "wants to see the charcoal samples",
    "neighbor also interested in gutters", "roof has 2 layers, needs full tear off", "gate code is 2291",
    "prefers texts over calls", "asked about the 12 month same as cash", "hoa approval still pending",
    "measured 28 squares", "sent the photo report by email", "husband is the decision maker on color",
]
NOTE_REQUESTS = [
    "add to {ref} notes: {note}",
    "can u put a note on {ref}, {note}",
    "{ref} note pls - {note}",
    "jot down on {ref} that {note}",
    "log a note for {ref}: {note}",
    "write on {ref} {note}",
]
NOTE_HERE = ["add a note there: {note}", "put down that {note}"]

# (template, stage the job goes to)
STAGE_REQUESTS = [
    ("{ref} signed the contract last nite, update it", "Contract Signed"),
    ("mark {ref} as lost, they went w another co", "Lost"),
    ("{ref} we sent the proposal, change the stage pls", "Proposal Sent"),
    ("bump {ref} to scheduled", "Scheduled"),
    ("{ref} is done, crew wrapped up, mark it complete", "Completed"),
    ("switch {ref} over to follow up", "Follow Up"),
    ("{ref} got paid in full, move it to paid and closed", "Paid & Closed"),
    ("crew is on site at {ref}, change it to in progress", "In Progress"),
    ("put {ref} back in estimating we need to remeasure", "Estimating"),
]
STAGE_HERE = [("ok they signed, change it", "Contract Signed"), ("mark this one lost", "Lost")]

# (when as typed, start); each reads back with test_dev2_set's reader
WHEN_TYPED = [
    ("wed at 9:30am", "2026-11-25T09:30"),
    ("next tues at 2pm", "2026-12-01T14:00"),
    ("12/3 noon", "2026-12-03T12:00"),
    ("dec 4 at 8am", "2026-12-04T08:00"),
    ("tomorrow 11am", "2026-11-24T11:00"),
    ("dec 9 at 3:30pm", "2026-12-09T15:30"),
    ("12/2 at 4pm", "2026-12-02T16:00"),
]
# (how the rep says it, the word the title must carry)
VISIT_KINDS = [("roof inspection", "inspection"), ("measure", "measure"), ("estimate review", "estimate"), ("site visit", "visit"), ("walkthrough", "walkthrough")]
BOOK_REQUESTS = [
    "set up a {kind} at {ref} {when}",
    "can u get {ref} on the calendar {when} for a {kind}",
    "{ref} - {kind} {when}, book it",
    "schedule {ref} {kind} {when} pls",
]
BOOK_HERE = ["book a {kind} there {when}"]


class Requests:
    """Write requests in reps' words, each with the crm_after check it makes."""

    def __init__(self, d: Data, rng: random.Random, offset: int = 0) -> None:
        self.d, self.rng = d, rng
        self.n = {"note": offset, "stage": offset, "book": offset, "yes": offset}
        self.used: set[int] = set()

    def yes(self) -> str:
        self.n["yes"] += 1
        return YESES[(self.n["yes"] - 1) % len(YESES)]

    def note(self, jid: int, here: bool) -> tuple[int, str, str, dict[str, Any]]:
        k = self.n["note"]
        self.n["note"] += 1
        line = NOTE_LINES[k % len(NOTE_LINES)]
        pool = NOTE_HERE if here else NOTE_REQUESTS
        template = pool[k % len(pool)]
        text = say(template, {"ref": job_ref(self.d, jid, self.rng), "note": line}, self.rng)
        return jid, f"dev4:write.note{'.here' if here else ''}/{pool.index(template)}", text, {"note_on_job": jid, "contains": line}

    def stage(self, here: bool) -> tuple[int, str, str, dict[str, Any]]:
        d, rng = self.d, self.rng
        pool = STAGE_HERE if here else STAGE_REQUESTS
        for shift in range(len(pool)):
            template, stage = pool[(self.n["stage"] + shift) % len(pool)]
            fits = [j for j in live_jobs(d) if d.stage(j) in d3.STAGE_FROM[stage]]
            if not fits:
                continue
            self.n["stage"] += shift + 1
            jid = rng.choice([j for j in fits if j not in self.used] or fits)
            self.used.add(jid)
            text = say(template, {"ref": job_ref(d, jid, rng)}, rng)
            return jid, f"dev4:write.stage{'.here' if here else ''}/{stage}", text, {"stage_of_job": jid, "stage": stage}
        raise AssertionError("no job fits any stage request")

    def book(self, jid: int, here: bool) -> tuple[int, str, str, dict[str, Any]]:
        k = self.n["book"]
        self.n["book"] += 1
        when, start = WHEN_TYPED[k % len(WHEN_TYPED)]
        said, title = VISIT_KINDS[k % len(VISIT_KINDS)]
        pool = BOOK_HERE if here else BOOK_REQUESTS
        template = pool[k % len(pool)]
        text = say(template, {"ref": job_ref(self.d, jid, self.rng), "when": when, "kind": said}, self.rng)
        return jid, f"dev4:write.book{'.here' if here else ''}/{pool.index(template)}", text, {"appointment_on_job": jid, "start": start, "title_contains": title}

    def make(self, kind: str, jid: int, here: bool) -> tuple[int, str, str, dict[str, Any]]:
        if kind == "stage":
            return self.stage(here)
        return self.note(jid, here) if kind == "note" else self.book(jid, here)


def done(check: dict[str, Any]) -> dict[str, Any]:
    word = "note" if "note_on_job" in check else check.get("stage") or check["title_contains"]
    return {"any_of": [word, "done", "added", "updated", "booked", "scheduled", "saved"], "not_agent": ["new_clients"]}


def gen_write(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Requests(d, rng)
    pool = open_jobs(d)
    rng.shuffle(pool)
    for n in range(18):
        kind = ["note", "stage", "book"][n % 3]
        here = n % 4 == 3
        jid, tid, text, check = w.make(kind, pool[n % len(pool)], here)
        turns = [turn(text), turn(w.yes(), done(check))]
        if here:
            turns.insert(0, lead_in(d, jid, rng))
        out.append(case("write", tid, turns, {"job_id": jid, "kind": kind}, [check]))
    return out


CALL_OFFS = ["scratch that", "dont", "hold up", "nvm that one", "no wait dont save it", "nah leave it", "cancel that pls", "forget it for now", "actually no not yet", "stop", "no no no", "dont do it"]


def gen_called_off(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Requests(d, rng, offset=5)
    pool = open_jobs(d)
    rng.shuffle(pool)
    people = customers(d)
    hows = ["off", "off_then_yes", "question_then_yes", "off", "playbook_then_yes", "off_then_yes"]
    n_off = 0
    for n in range(12):
        kind = ["note", "stage", "book"][n % 3]
        jid, tid, text, _check = w.make(kind, pool[(n * 5) % len(pool)], False)
        how = hows[n % len(hows)]
        turns = [turn(text)]
        subject: dict[str, Any] = {"job_id": jid, "kind": kind}
        if how.startswith("off"):
            subject["call_off"] = CALL_OFFS[n_off % len(CALL_OFFS)]
            turns.append(turn(say(subject["call_off"], {}, rng), dict(NO_CLAIM)))
            n_off += 1
        if how == "question_then_yes":
            other = rng.choice([c for c in people if c != d.jobs[jid]["customer_id"]])
            subject["other_customer_id"] = other
            _tid, template = ASK["email"].pick(rng)
            turns.append(turn(say(template, name_slots(d, other, rng), rng), {**(fact(d, "email", other) or {}), **NO_CLAIM}))
        if how == "playbook_then_yes":
            doc, question, phrase, *more = PLAYBOOK[(n * 7) % len(PLAYBOOK)]
            subject["middle"] = [doc]
            subject["phrase"] = phrase
            expect = knowledge_expect(d, doc, phrase, more[0] if more else None)
            turns.append(turn(say("also " + question, {}, rng), {**expect, **NO_CLAIM}))
        if how.endswith("yes"):
            turns.append(turn(w.yes(), dict(NO_CLAIM)))
        out.append(case("called_off", f"dev4:called_off.{how}/{tid.removeprefix('dev4:')}", turns, subject, [{"unchanged": True}]))
    # a dictated card dropped: called off, or left behind by another question and a late yes
    for n, how in enumerate(["card_off", "card_off", "card_question_then_yes", "card_off"]):
        k = 27 + n
        first, last = FRESH_PEOPLE[k]
        digits = f"{['781', '774', '617', '508'][n]}555{3100 + k * 37:04d}"
        text = say("new customer {first} {last} {phone} {town}, wants {trade}", {"first": first, "last": last, "phone": be._phone_text(digits, rng), "town": FRESH_TOWNS[k % 8], "trade": FRESH_TRADES[k % 8][0]}, rng)
        turns = [turn(text, {"agent": "new_clients", "contains": [first, last], "phone": digits})]
        subject = {"kind": "customer", "first_name": first, "last_name": last, "phone": digits, "intake": True}
        if how == "card_off":
            subject["call_off"] = CALL_OFFS[n_off % len(CALL_OFFS)]
            turns.append(turn(say(subject["call_off"], {}, rng), dict(NO_CLAIM)))
            n_off += 1
        else:
            other = rng.choice(people)
            subject["other_customer_id"] = other
            _tid_q, template = ASK["phone"].pick(rng)
            turns.append(turn(say(template, name_slots(d, other, rng), rng), {**(fact(d, "phone", other) or {}), **NO_CLAIM}))
            turns.append(turn(w.yes(), dict(NO_CLAIM)))
        out.append(case("called_off", f"dev4:called_off.{how}", turns, subject, [{"unchanged": True}]))
    return out


# ------------------------------------------------------------------------------------------
# the files
# ------------------------------------------------------------------------------------------

DEV_SET = be.DevSet(SPLIT, SEED, globals(), HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
