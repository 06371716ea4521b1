"""Builds dev9, a ninth development set for the understanding layer, weighted to writes typed in
reps' own words on a phone: notes added to a job (named by its number in every form, by the
customer, the trade, the town, or a pronoun after a look-up), stage moves the way reps say them
("mark it lost", "they signed", "we lost the ___ job, went with a cheaper guy"), bookings with
the times reps type ("quarter past 9", "half past 2", "3 oclock", "11/30 1400", "dec 1st 9",
"the 8th at noon", "a week from friday at 3"), writes corrected before the yes, and writes
called off in varied words (or dropped for a new request) with a later "yes" that must not
write anything; and a few single questions of every kind for contrast. Every expected fact and
every expected CRM change is computed here from data/demo (the CRM seed, the knowledge base,
the director's call transcripts, the catalog), never from Hard-E's answers.

    .venv/bin/python tests/understanding/eval/build_dev9.py [--out DIR]

Writes dev9/questions.jsonl and dev9/conversations.jsonl next to this file (or under --out).
Deterministic: the same code and data write byte-for-byte the same files.

The format, the categories and the check names are those of dev..dev8 (see build_eval.py and
bench/understanding.py); the data loading and the fact helpers are build_eval's, build_dev3's,
build_dev5's and build_dev8's (the ways of naming a job), and every phrasing is dev9's own. The
clock is pinned at Monday 2026-11-23 09:00 America/New_York.

Subjects are the dev customers (build_eval.split_customers(d, "dev")) and Sarah Johnson (147);
held-out customers only appear as the other options of a shared name in a clarification.
"""

from __future__ import annotations

import datetime as dt
import random
import string
import sys
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
from tests.understanding.eval import build_eval as be  # noqa: E402
from tests.understanding.eval import dev_shared as ds  # noqa: E402
from tests.understanding.eval import dev_writer as dw  # noqa: E402
from tests.understanding.eval.build_dev5 import (  # noqa: E402
    STAGE_FROM,
    WORD,
    busy,
    cid_of,
    customers,
    done,
    fact,
    job_labels,
    jobs,
    live_jobs,
    live_jobs_of,
    open_jobs,
    possessive,
    pron,
    trades_of,
)
from tests.understanding.eval.build_dev8 import (  # noqa: E402
    docs_with,
)
from tests.understanding.eval.build_eval import (  # noqa: E402
    CRM,
    NO_FORM,
    WRITE_CLAIMS,
    Data,
    case,
    turn,
)
from tests.understanding.eval.dev_shared import (  # noqa: E402
    DISC,
    FINP,
    GUTTERS,
    HOA,
    PRIMER,
    SHINGLES,
    TERMS,
    WARRANTY,
)

SPLIT = "dev9"
SEED = f"{be.SEED}/dev9"
NOW = be.NOW


# ------------------------------------------------------------------------------------------
# how reps type, dev9's layer
# ------------------------------------------------------------------------------------------

# (pattern, shorthand, how often): applied to the template's own words, never to a slot
THUMBS = [
    (r"\byou\b", "u", 0.4),
    (r"\bare\b", "r", 0.3),
    (r"\bwith\b", "w", 0.35),
    (r"\bplease\b", "pls", 0.4),
    (r"\babout\b", "abt", 0.4),
    (r"\bwant to\b", "wanna", 0.5),
    (r"\bgoing to\b", "gonna", 0.5),
    (r"\bthanks\b", "thx", 0.5),
    (r"\bthe\b", "", 0.1),
    (r"\bthey are\b", "theyre", 0.5),
]


# build_eval's render (shorthand, one typo, lower case) after dev9's own thumb-typing of the
# template's words ("u", "w", "wanna", a dropped "the"); slot values are left as they are.
say = ds.typist(THUMBS)


class Turns(ds.Turns):
    """Templates of one kind, taken in turn from a random start, named as dev9's."""

    split = SPLIT


# ------------------------------------------------------------------------------------------
# naming a job: build_dev8's names, and two more ways of typing the number
# ------------------------------------------------------------------------------------------

REF_STYLES = (*d8.REF_STYLES, "jobword", "job_hash")
NUMBER_STYLES = (*d8.NUMBER_STYLES, "jobword", "job_hash")


def refs_of(d: Data, jid: int) -> dict[str, str]:
    """build_dev8's names for one job alone, and "job 1042", "job #1042"."""
    return {**d8.refs_of(d, jid), "jobword": f"job {jid}", "job_hash": f"job #{jid}"}


def styled(d: Data, jid: int, style: str) -> tuple[str, str]:
    """(style used, text): the style asked for, or the job number when the job has no such name."""
    refs = refs_of(d, jid)
    if style in refs:
        return style, refs[style]
    fallback = NUMBER_STYLES[jid % len(NUMBER_STYLES)]
    return fallback, refs[fallback]


def job_ref(d: Data, jid: int, rng: random.Random) -> str:
    return rng.choice(list(refs_of(d, jid).values()))


def cust_ref(d: Data, cid: int, rng: random.Random) -> str:
    return rng.choice(be.customer_name_refs(d, cid))


def name_slots(d: Data, cid: int, rng: random.Random) -> dict[str, str]:
    name = cust_ref(d, cid, rng)
    return {"name": name, "pname": possessive(name)}


NO_CLAIM: dict[str, Any] = {"not_contains": WRITE_CLAIMS}

# ------------------------------------------------------------------------------------------
# single questions, a few of each for contrast
# ------------------------------------------------------------------------------------------

ASK = {
    "phone": Turns("crm.contact.phone", ["yo whats {pname} cell", "{name} number i can text", "number 4 {name} real quick"]),
    "email": Turns("crm.contact.email", ["what email do we got for {name}", "{name} email so i can send the pics"]),
    "address": Turns("crm.contact.address", ["{name} address im driving over", "whats {pname} address again"]),
    "home": Turns("crm.contact.home", ["{pname} landline not the cell"]),
}


def gen_contact(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = customers(d)
    rng.shuffle(pool)
    kinds = ["phone", "email", "address", "home", "phone", "email", "address", "phone"]
    homes = [c for c in pool if d3.fact(d, "home", c) is not None][: kinds.count("home")]
    others = [c for c in pool if c not in homes]
    for kind in kinds:
        cid = homes.pop(0) if kind == "home" else others.pop(0)
        tid, template = ASK[kind].pick(rng)
        out.append(case("crm.contact", tid, [turn(say(template, name_slots(d, cid, rng), rng), fact(d, kind, cid))], {"customer_id": cid, "field": kind}))
    return out


STAGE_ASK = Turns("crm.status", ["{job} where does it stand", "{job} stage?? signed or not", "what stage is {job} at rn", "is {job} still open, stage"])
REP_ASK = Turns("crm.rep", ["whos got {job}", "{job} whose is it"])
NOTE_ASK = Turns("crm.notes", ["last thing noted on {job}", "{job} whats the last note say"])


def gen_status(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.status", STAGE_ASK, say, job_ref, jobs(d), 5, lambda jid: ({**CRM, "contains": [d.stage(jid)]}, {"job_id": jid}), keep=lambda j: not d.jobs[j]["archived"])


def gen_rep(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.job_cases(d, rng, "crm.rep", REP_ASK, say, job_ref, live_jobs(d), 3, lambda jid: ({**CRM, "contains": [d.rep(jid)]}, {"job_id": jid}))


def gen_notes(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    def ask(jid: int) -> tuple[dict[str, Any], dict[str, Any]]:
        note = d.notes_of(jid)[0]
        return {**CRM, "contains": [be._note_phrase(note["note"])]}, {"job_id": jid, "note_id": note["id"]}

    return ds.job_cases(d, rng, "crm.notes", NOTE_ASK, say, job_ref, [j for j in live_jobs(d) if d.notes_of(j)], 3, ask)


MONEY_ASK = {
    "contract": Turns("crm.money.contract", ["{job} what did it sell for"]),
    "balance": Turns("crm.money.balance", ["{job} how much do they still owe", "still owed on {job}?"]),
    "deposit": Turns("crm.money.deposit", ["{job} deposit - how much did we get"]),
    "proposal": Turns("crm.money.proposal", ["{job} what did we propose, total"]),
}


def gen_money(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for kind, quota in {"balance": 2, "contract": 1, "deposit": 1, "proposal": 1}.items():
        pool = [j for j in jobs(d) if not d.jobs[j]["archived"] and kind in d.money_facts(j) and d3.fact(d, kind, cid_of(d, j), j)]
        for jid in rng.sample(pool, min(quota, len(pool))):
            tid, template = MONEY_ASK[kind].pick(rng)
            out.append(case("crm.money", tid, [turn(say(template, {"job": job_ref(d, jid, rng)}, rng), fact(d, kind, cid_of(d, jid), jid))], {"job_id": jid, "field": kind}))
    return out


INSTALL_ASK = Turns("crm.dates.install", ["{job} when do the guys start"])
NEXT_JOB_ASK = Turns("crm.dates.next", ["{job} when r we out there again"])
NEXT_ASK = Turns("crm.dates.next_customer", ["when am i seeing {name} again"])


def gen_dates(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    pools = (jobs(d), live_jobs(d), customers(d))
    return ds.dates_cases(d, rng, (INSTALL_ASK, NEXT_JOB_ASK, NEXT_ASK), say, job_ref, name_slots, pools, (1, 2, 1))


# (first day, last day, user or None, kind of visit or None, text)
CALENDAR_ASKS: list[tuple[str, str, int | None, str | None, str]] = [
    ("2026-11-27", "2026-11-27", None, None, "how booked r we fri"),
    ("2026-12-15", "2026-12-15", 12, None, "danas day on 12/15 whats she got"),
    ("2026-12-07", "2026-12-11", None, None, "whole week of dec 7 how many appts"),
    ("2026-11-30", "2026-11-30", None, "install", "{kind}s going on mon 11/30?"),
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


REP_OPEN = [(13, "kevins open stuff, list it"), (11, "how many r still open for mike reed")]


def gen_rep_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.rep_jobs_cases(d, rng, SPLIT, REP_OPEN, say)


STAGE_LISTS = [("Contract Signed", "who all is at contract signed"), ("Proposal Sent", "every job w a proposal out")]


def gen_stage_jobs(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.stage_jobs_cases(d, rng, SPLIT, STAGE_LISTS, say)


# (document, question, key phrase copied from the section that answers it)
PLAYBOOK: list[tuple[str, str, str]] = [
    (TERMS, "ho wants to sit on the proposal a couple months, how long is it good", "Proposals are valid for 30 days"),
    (GUTTERS, "hanger spacing we use on new gutters", "every 24 inches"),
    (WARRANTY, "they sell the house - can the warranty go w it, any fee", "$100 transfer fee"),
    (PRIMER, "how long should my intro video be", "60 to 90 seconds"),
    (TERMS, "ho wants to pay the whole thing in cash is that ok", "cash payments over 1,000 dollars"),
    (DISC, "neighbor sent us a lead, what do they get", "$250 off"),
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


CALL_FIGURES: list[tuple[str, str, dict[str, Any]]] = [
    ("rachel ride alongs in quincy, how many", "count", {"town": "Quincy"}),
    ("window calls she was on - count", "count", {"trade": "windows"}),
    ("kevins close rate when rachel rode w him", "close_rate", {"rep": "Kevin Shea"}),
    ("roof calls avg length in min", "avg_minutes", {"trade": "roofing"}),
]


def gen_analysis(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.analysis_cases(d, rng, SPLIT, CALL_FIGURES, say)


# (sku, how the rep says it, field, template)
CATALOG_ASKS: list[tuple[str, str, str, str]] = [
    ("RF-SH-HDZ", "hdz", "price", "what r we selling a bundle of {item} at"),
    ("GT-K5", "k style 5in", "cost", "our cost per ft {item}"),
    ("WN-DH-FG", "double hung fiberglass", "margin", "{item} margin"),
]
CATALOG_TOTALS: list[tuple[str, str, int, str]] = [("GT-DS34", "3x4 downspouts", 8, "{qty} {item} what does that come to")]
ROOFS: list[tuple[int, int, int, str]] = [(1900, 8, 10, "{area} sf house {rise}/12 pitch {waste}% waste how many sq")]


def gen_pricing(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = ds.catalog_cases(d, rng, SPLIT, CATALOG_ASKS, say)
    out += ds.total_cases(d, rng, SPLIT, CATALOG_TOTALS, say)
    out += ds.roof_cases(d, rng, SPLIT, ROOFS, say)
    return out


WEB_ASKS = ["look online whats the going rate for a dumpster rental in worcester", "search the web for any shingle recalls this yr"]


def gen_web(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return [case("web_search", f"{SPLIT}:web_search/{n}", [turn(say(t, {}, rng), {"agent": "web_search", "not_contains": d4.INVENTED})], {}) for n, t in enumerate(WEB_ASKS)]


SCRIPT_ASKS = Turns("scripting", ["make me a quick video script for {name} b4 i go", "script so i can film an intro for {name}"])


def gen_scripting(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    return ds.scripting_cases(d, rng, SCRIPT_ASKS, say, customers(d), cust_ref, many=2)


# new customers dictated the way a rep types them in the truck
NEW_PEOPLE = [("Evangeline", "Throckmorton"), ("Barnaby", "Castellanos"), ("Wilhelmina", "Ostrowski"), ("Ignatius", "Mcallister"), ("Rosalind", "Pennington")]
NEW_STREETS = ["19 Tadpole Ln", "233 Lakeview Ave", "4 Chestnut Knoll", "71 Depot Rd", "560 Central St"]
NEW_TOWNS = ["Sudbury", "Maynard", "Stow", "Acton", "Hopkinton"]
NEW_TRADES = [("roof leaking over the garage", "roof"), ("wants new siding on the back", "siding"), ("4 windows in the front", "window"), ("gutters falling off", "gutter")]
NEW_CARDS = Turns("new_clients", [
    "new cust {first} {last} {phone} lives at {street} {town} {trade}",
    "put in a new lead pls {first} {last} cell {phone} email is {email}",
    "got a new one for u {first} {last} # {phone}, {trade}",
])


def gen_new_clients(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, (first, last) in enumerate(NEW_PEOPLE):
        assert not any(c["first_name"] == first or c["last_name"] == last for c in d.customers.values())
        digits = f"{['508', '978', '774', '617'][n % 4]}555{7300 + n * 41:04d}"
        email = f"{first[0].lower()}{last.lower()}@{['gmail', 'verizon', 'outlook'][n % 3]}.{'net' if n % 3 == 1 else 'com'}"
        trade_said, trade_word = NEW_TRADES[n % len(NEW_TRADES)]
        street, town = NEW_STREETS[n], NEW_TOWNS[(n * 3) % len(NEW_TOWNS)]
        tid, template = NEW_CARDS.pick(rng)
        slots = {"first": first, "last": last, "phone": be._phone_text(digits, rng), "email": email, "street": street, "town": town, "trade": trade_said}
        used = {name for _lit, name, _s, _c in string.Formatter().parse(template) if name}
        text = say(template, slots, rng)
        carried = {"email": email, "street": street.rsplit(" ", 1)[0], "town": town, "trade": trade_word}
        expect = {"agent": "new_clients", "contains": [first, last, *(carried[k] for k in ("email", "street", "town", "trade") if k in used)], "phone": digits}
        out.append(case("new_clients", tid, [turn(text, expect)], {"first_name": first, "last_name": last, "phone": digits, "fields": sorted(used)}))
    return out


def gen_bad_input(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = [case("bad_input", f"{SPLIT}:bad_input.gibberish/0", [turn("asdfjkl;;", dict(NO_FORM))], {"kind": "gibberish"})]
    out.append(case("bad_input", f"{SPLIT}:bad_input.focusless/0", [turn("ok add a note on it saying call back", {**NO_FORM, **NO_CLAIM})], {"kind": "nothing in focus"}))
    assert 4417 not in d.jobs and not any(j["number"].endswith("-4417") for j in d.jobs.values())
    out.append(case("bad_input", f"{SPLIT}:bad_input.missing_job/0", [turn("mark 4417 lost", {**NO_FORM, "contains": ["4417"], "not_contains": [*WRITE_CLAIMS, *be.JOB_NUMBER_PREFIXES]})], {"kind": "unknown job", "job": 4417}))
    return out


# ------------------------------------------------------------------------------------------
# conversations: look-ups, follow-ups, clarifications, detours
# ------------------------------------------------------------------------------------------

# no day, time or month words in any turn before or around a booking: the booking checks read every turn
LOOKUP = ["lemme see {ref}", "{ref} whats the deal", "{ref} - gimme the rundown", "take a look at {ref} for me", "{ref} where r we on it", "whats happening on {ref}"]


def lookup(d: Data, jid: int, rng: random.Random, ref: str | None = None) -> dict[str, Any]:
    """A look-up that puts the job in focus; the answer must carry its stage."""
    return turn(say(rng.choice(LOOKUP), {"ref": ref or job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.stage(jid)]})


SECOND = {
    "phone": ["whats {pos} # again", "gimme {pos} cell"],
    "email": ["and {pos} email addy", "email for {obj}?"],
    "address": ["{pos} address?", "where they live at"],
    "rep": ["whos the rep", "who has it"],
    "contract": ["how much did it sell for", "sold for how much"],
    "note": ["whats the last note", "last note on there?"],
    "paid": ["how much they paid us so far", "what came in already"],
    "balance": ["what do they still owe", "still owed?"],
}
JOB_KINDS = d8.JOB_KINDS


def second(d: Data, jid: int, rng: random.Random, kind: str) -> dict[str, Any]:
    cid = cid_of(d, jid)
    return turn(say(rng.choice(SECOND[kind]), pron(d, cid), rng), fact(d, kind, cid, jid if kind in JOB_KINDS else None))


second_kinds = d8.second_kinds


def gen_followup(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = [j for j in live_jobs(d) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    for n, jid in enumerate(pool[:6]):
        kinds = second_kinds(d, jid)
        picked = [kinds[(n + k) % len(kinds)] for k in range(2 + n % 2)]
        turns = [lookup(d, jid, rng), *(second(d, jid, rng, k) for k in picked)]
        out.append(case("followup", f"{SPLIT}:followup.{'_'.join(picked)}", turns, {"customer_id": cid_of(d, jid), "job_id": jid}))
    return out


# (said, chosen customer, field, reply: a name or "town")
WHICH: list[tuple[str, int, str, str]] = [
    ("carter", 107, "email", "denise"),
    ("fitzgerald", 112, "phone", "nancy"),
    ("lynch", 134, "email", "james"),
    ("wong", 120, "phone", "town"),
    ("castillo", 138, "phone", "megan"),
    ("mccarthy", 127, "email", "mark"),
]
WHICH_FIRST = {"phone": "need {said}s cell", "email": "gimme the email for {said}"}


def gen_clarify(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    by_last, _by_first = be._customer_groups(d)
    lasts = {k.lower(): v for k, v in by_last.items()}
    out: list[dict[str, Any]] = []
    for said, chosen, field, how in WHICH:
        group = lasts[said]
        text = say(WHICH_FIRST[field], {"said": said}, rng)
        subject: dict[str, Any] = {"said": said, "customer_ids": group, "chosen": chosen, "field": field}
        if how == "town":
            town = d.customers[chosen]["address"]["city"]
            assert sum(d.customers[o]["address"]["city"] == town for o in group) == 1, (said, town)
            reply = f"the {town.lower()} one"
            subject["reply"] = {"town": town}
        else:
            assert d.customers[chosen]["first_name"].lower() == how, (said, how)
            reply = how
        turns = [turn(text, {"asks": [d.customers[c]["first_name"] for c in group]}), turn(reply, d8.clarify_fact(d, field, chosen))]
        out.append(case("clarify", f"{SPLIT}:clarify.{field}", turns, subject))
    return out


# (question, what it is about: a document or "pricing:SKU", key phrase or None)
DETOURS: list[tuple[str, str, str | None]] = [
    ("oh also whats the referral thing we give", DISC, "$250 off"),
    ("diff question, 84 mo financing rate", FINP, "7.99% APR"),
    ("sidebar - can we still get three tab", SHINGLES, "no longer install three-tab"),
    ("quick one, what do we charge for a ridge vent", "pricing:RF-RV", None),
    ("unrelated but whats the thinnest vinyl maple hollow allows", HOA, "at least .044 thick"),
    ("also how long do proposals stay good", TERMS, "Proposals are valid for 30 days"),
]


def detour(d: Data, rng: random.Random, n: int) -> tuple[dict[str, Any], str, str | None]:
    text, ref, phrase = DETOURS[n % len(DETOURS)]
    return turn(say(text, {}, rng), d8.detour_expect(d, ref, phrase)), ref.removeprefix("pricing:"), phrase


BACK = {
    "phone": "ok anyway {pos} number?",
    "email": "back to {last}, email?",
    "rep": "ok back to the job whos the rep",
    "note": "anyway last note on that one",
    "contract": "ok and what did {subj} sign for",
    "address": "ok and {pos} address",
}


def gen_topic_switch(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pool = [j for j in live_jobs(d) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    for n, jid in enumerate(pool[:6]):
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
    "yep", "go for it man", "do it", "ya", "sure thing", "yes", "yea go", "yup", "kk do it", "yessir", "ok", "perfect go",
    "thats it yes", "ya thats right", "go ahead pls", "sure", "yep yep", "correct", "right on, go", "bingo",
    "uh huh", "yes thats good", "send it", "looks right do it", "yeah", "ok cool go", "ye", "absolutely",
    "ok put it in", "yep thx",
]
# said to call a write off; a "yes" said after one of them must write nothing
CALL_OFFS = [
    "nah scratch that one", "hold on dont", "never mind", "wait no", "forget it", "not yet", "nah leave it for now",
    "hang on dont save that", "nooo dont", "cancel", "ignore that", "skip it", "wait dont do that yet",
    "nope not that", "hmm no forget it", "dont bother", "on 2nd thought no", "no cancel that",
    "actually dont", "disregard", "nevermind lol", "hold that thought, dont", "nah", "stop dont",
]
STRAYS = ["cool", "k thx", "alright thanks", "gotcha"]

# no weekday or month stems, no times, no apostrophes: the booking checks read every turn
NOTE_LINES = [
    "wife wants to see shingle samples first", "dog in the yard, text before you go in the gate",
    "they want a second quote from us on the garage", "ho asked abt the warranty in writing",
    "left a voicemail no call back yet", "side gate code is 2208", "prefers texts, works nights",
    "old skylight leaks, quote it separate", "husband is the decision maker", "paid the deposit by check",
    "neighbor might want a quote too", "needs the permit copy for the bank", "driveway is tight, no big trucks",
    "they asked for the crew to park on the street", "ho is hard of hearing, knock loud",
    "wants the job photos emailed", "has solar panels on the south side", "renting a dumpster is ok w them",
    "asked if we can match the color to the trim", "tenant lives on the first floor, give notice",
    "front steps are loose careful", "mentioned a roof leak in the kitchen", "insurance adjuster coming out",
    "ho said money is tight, show the financing",
]
# (said first, said instead) for notes corrected before the yes
NOTE_FIXES = [("wants the charcoal color", "wants the weathered wood color"), ("deposit paid in cash", "deposit paid by card")]
NOTE_SAID = [
    "add a note to {ref} {note}",
    "{ref} quick note - {note}",
    "{ref} notes: {note}",
    "put a note in {ref} that {note}",
    "just left {ref}, {note}, put that in the notes",
    "{ref} fyi {note}",
    "can u note on {ref} {note}",
    "for {ref} write down {note}",
    "{ref} add note {note}",
    "note for {ref} pls: {note}",
    'stick a note on {ref} "{note}"',
    "leaving {ref} now {note} note it",
    "{ref} -- {note} -- add that as a note",
    "log on {ref} {note}",
]
NOTE_HERE = [
    "add a note {note}",
    "also note {note}",
    "put in there {note}",
    "on that one note {note}",
    "add to {pos} notes {note}",
    "ok note it - {note}",
    "write that {note}",
]
NOTE_FIX = ["no wait make the note say {note}", "change it to {note} sorry"]

# (template, stage the job goes to), in reps' words; a reason said with the move is not checked
STAGE_SAID = [
    ("mark {ref} as lost pls", "Lost"),
    ("{ref} they signed!", "Contract Signed"),
    ("we lost {ref}, went with a cheaper guy", "Lost"),
    ("move {ref} to scheduled", "Scheduled"),
    ("{ref} proposal went out, mark it sent", "Proposal Sent"),
    ("{ref} crew started, in progress", "In Progress"),
    ("{ref} is done done, mark completed", "Completed"),
    ("{ref} paid up, paid and closed", "Paid & Closed"),
    ("{ref} needs follow up, move it", "Follow Up"),
    ("{ref} back to estimating, measurements were off", "Estimating"),
    ("{ref} signed the contract today", "Contract Signed"),
    ("{ref} is a no, they went w someone else. lost", "Lost"),
    ("{ref} install got put on the board, scheduled", "Scheduled"),
    ("{ref} follow up stage pls", "Follow Up"),
]
STAGE_HERE = [
    ("ok mark it as lost", "Lost"),
    ("they signed, update it pls", "Contract Signed"),
    ("bump it to scheduled", "Scheduled"),
    ("ok mark that one proposal sent", "Proposal Sent"),
    ("crews on it now, in progress", "In Progress"),
    ("thats finished, completed", "Completed"),
    ("put it in follow up", "Follow Up"),
    ("{subj} went with a cheaper guy, mark it lost", "Lost"),
    ("{subj} signed today!", "Contract Signed"),
]
# (said first, the correction with the stage as a slot, stage it goes to)
STAGE_FIXES = [
    ("{ref} lost, they passed", "wait no not lost, {stage}", "Contract Signed"),
    ("put {ref} in proposal sent", "sorry i meant {stage}", "Follow Up"),
]

# (when as typed, start); each reads back with test_dev9_set's reader
WHEN_TYPED = [
    ("thurs at 10", "2026-11-26T10:00"),
    ("tmrw 2pm", "2026-11-24T14:00"),
    ("wed quarter past 9", "2026-11-25T09:15"),
    ("fri 12/4 half past 2", "2026-12-04T14:30"),
    ("mon the 30th 3 oclock", "2026-11-30T15:00"),
    ("11/30 1400", "2026-11-30T14:00"),
    ("dec 1st 9", "2026-12-01T09:00"),
    ("the 8th at noon", "2026-12-08T12:00"),
    ("next tues morning 8:30", "2026-12-01T08:30"),
    ("a week from friday at 3", "2026-12-04T15:00"),
    ("wed the 2nd 11am", "2026-12-02T11:00"),
    ("thurs 12/10 @ 1", "2026-12-10T13:00"),
    ("fri dec 11 at 10:30", "2026-12-11T10:30"),
    ("mon 12/7 quarter to 4", "2026-12-07T15:45"),
    ("tomorrow at 4:15", "2026-11-24T16:15"),
    ("wednesday 12/16 9 am", "2026-12-16T09:00"),
    ("sat morning at 9", "2026-11-28T09:00"),
    ("12/14 at 1pm", "2026-12-14T13:00"),
    ("dec 15 half past 10", "2026-12-15T10:30"),
    ("this fri 8am", "2026-11-27T08:00"),
]
# (correction with the new time as a slot, the time said, "HH:MM"); (correction, the day said, "YYYY-MM-DD")
TIME_FIXES = [("actually make it {t}", "11", "11:00"), ("no {t} works better", "3pm", "15:00"), ("can u do {t} instead", "half past 1", "13:30"), ("push it to {t}", "4 oclock", "16:00")]
DAY_FIXES = [("wrong day, {t} same time", "12/9", "2026-12-09"), ("make it {t} instead same time", "dec 3rd", "2026-12-03"), ("no {t}, keep the time", "the 17th", "2026-12-17")]
# (how the rep says it, the word the title must carry), by the job's stage
VISITS = {
    "Lead": [("inspection", "inspection"), ("first look", "")],
    "Estimating": [("inspection", "inspection"), ("measure", "measure")],
    "Proposal Sent": [("follow-up visit", "follow"), ("proposal walkthrough", "proposal")],
    "Follow Up": [("follow-up visit", "follow"), ("sit down", "")],
    "Contract Signed": [("install start", "install"), ("color pick", "color")],
    "Scheduled": [("install start", "install"), ("pre install walkthrough", "walkthrough")],
    "In Progress": [("follow-up visit", "follow"), ("final inspection", "inspection")],
}
BOOK_SAID = [
    "book in {ref} {akind} {when}",
    "{ref} {kind} {when} pls",
    "set up {akind} at {ref} {when}",
    "put {ref} down {when} for {akind}",
    "{kind} for {ref} {when}, book it",
    "can u book {akind} {when} for {ref}",
    "schedule {ref} {when} for {akind}",
    "{ref} wants {akind}, {when} works",
    "get {ref} on the calendar {when} {kind}",
    "{when} {kind} {ref} put it in",
]
BOOK_HERE = [
    "book {obj} {akind} {when}",
    "set {akind} {when}",
    "{when} for {akind} there",
    "put {obj} on the calendar {when}, {kind}",
    "get {akind} booked {when}",
]
BACK_TO = ["ok back to {last}. ", "anyway for {pos} job ", "ok so on that one "]
JOB_FIX = ["no the {right} one", "wait i meant the {right} not {wrong}"]
# moving a visit on the calendar, called off before the yes
MOVE_SAID = ["move the {visit} on {ref} to {when}", "{ref} {visit} needs to be {when} instead", "can we push {pos} {visit} to {when}"]
VISIT_WORD = d8.VISIT_WORD


class Writer(dw.Writer):
    """Write requests in dev9's words (dev_writer's writer on this module's tables), each with the
    crm_after check it makes."""

    def __init__(self, d: Data, rng: random.Random, offset: int = 0) -> None:
        super().__init__(sys.modules[__name__], d, rng, offset, open_jobs(d))


KINDS = ["note", "stage", "book"]
STAGE_TARGETS = ["Lost", "Contract Signed", "Scheduled", "Lost", "Proposal Sent", "In Progress", "Completed", "Paid & Closed", "Follow Up", "Estimating"]


def stage_ok(d: Data, jid: int) -> bool:
    return any(d.stage(jid) in STAGE_FROM[s] for _t, s in STAGE_HERE)


WHICH_ASKS = {"note": "{name} note - {note}", "stage": "{name} signed!!", "book": "{name} {akind} {when}"}
WHICH_STAGE = "Contract Signed"
WHICH_REPLY = {"trade": "uh the {x}", "number": "that ones {x}", "stage": "one in {x} stage"}


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


def gen_write(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    w = Writer(d, rng)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any], checks: list[dict[str, Any]]) -> None:
        out.append(case("write", tid, turns, subject, checks))

    # named in the request, then confirmed: every way of naming the job, every stage a job goes to
    for k in range(42):
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
    for k in range(15):
        kind = KINDS[k % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "note"
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        add(tid, [lookup(d, jid, rng), turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "shape": "after_lookup"}, [check])

    # two look-ups, then the write
    for k in range(5):
        kind = KINDS[(k + 1) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "book"
        kinds = second_kinds(d, jid)
        asked = second(d, jid, rng, kinds[k % len(kinds)])
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        add(tid, [lookup(d, jid, rng), asked, turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "shape": "after_two_lookups"}, [check])

    # a detour to the playbook or the catalog, then back to the job to write
    for k in range(5):
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
    for k in range(5):
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
    for k, (kind, how) in enumerate([("note", "number"), ("stage", "trade"), ("book", "stage"), ("note", "trade")]):
        people = d8.two_open_job_customers(d, WHICH_STAGE if kind == "stage" else None)
        cid = people[(k + 1) % len(people)]
        options = live_jobs_of(d, cid)
        jid = options[(k + 1) % len(options)]
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
    for fix, said_t, hhmm in TIME_FIXES:
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
    pairs = list({cid_of(d, p[0]): p for p in d8.two_trade_pairs(d)}.values())
    for k, (meant, first, right, wrong) in enumerate(pairs[:3]):
        line = lines[(k * 5 + 3) % len(lines)]
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
        jid = fits[(k * 2 + 1) % len(fits)]
        check = {"stage_of_job": jid, "stage": stage}
        text = say(first_said, {"ref": w.ref(jid)[1]}, rng)
        add(f"{SPLIT}:write.fixed/stage", [turn(text), turn(say(fix, {"stage": stage.lower()}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "stage", "fixed": "stage"}, [check])
    return out


def future_visits(d: Data, jid: int) -> list[dict[str, Any]]:
    return [a for a in d5.future_appointments(d, jid) if a["title"] in VISIT_WORD]


def gen_called_off(d: Data, rng: random.Random) -> list[dict[str, Any]]:
    """Writes called off, most of them with a "yes" said later that must write nothing."""
    out: list[dict[str, Any]] = []
    w = Writer(d, rng, offset=7)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any]) -> None:
        out.append(case("called_off", tid, turns, subject, [{"unchanged": True}]))

    def yes() -> dict[str, Any]:
        return turn(w.yes(), dict(NO_CLAIM))

    # called off, then a yes
    for k in range(14):
        kind = KINDS[k % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        add(f"{SPLIT}:called_off.off_yes/{tid.removeprefix(SPLIT + ':')}", [turn(text), turn(said, dict(NO_CLAIM)), yes()], {"job_id": jid, "kind": kind, "call_off": said, "shape": "off_yes"})
    # a look-up, the write on it, called off, then a yes
    for k in range(6):
        kind = KINDS[(k + 1) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(d, jid):
            kind = "book"
        jid, tid, text, _check = w.make(kind, here=True, jid=jid)
        said = w.off()
        add(f"{SPLIT}:called_off.after_lookup/{tid.removeprefix(SPLIT + ':')}", [lookup(d, jid, rng), turn(text), turn(said, dict(NO_CLAIM)), yes()], {"job_id": jid, "kind": kind, "call_off": said, "shape": "off_yes"})
    # dropped for a new request (a look-up of another job), then a yes
    for k in range(6):
        kind = KINDS[(k + 2) % 3]
        jid, tid, text, _check = w.make(kind)
        other = next(j for j in w.pool[k * 3:] + w.pool if j != jid and cid_of(d, j) != cid_of(d, jid))
        new = lookup(d, other, rng, refs_of(d, other)[NUMBER_STYLES[k % len(NUMBER_STYLES)]])
        add(f"{SPLIT}:called_off.new_request/{tid.removeprefix(SPLIT + ':')}", [turn(text), new, yes()], {"job_id": jid, "other_job_id": other, "kind": kind, "call_off": new["text"], "shape": "new_request"})
    # called off, a word of thanks, then a yes
    for k in range(4):
        kind = KINDS[k % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        turns = [turn(text), turn(said, dict(NO_CLAIM)), turn(STRAYS[k % len(STRAYS)], dict(NO_CLAIM)), yes()]
        add(f"{SPLIT}:called_off.off_ok_yes/{tid.removeprefix(SPLIT + ':')}", turns, {"job_id": jid, "kind": kind, "call_off": said, "shape": "off_yes"})
    # a booking, its time corrected, called off, then a yes
    for k in range(3):
        jid = w.next_job()
        _t, text, _check = w.book(jid, when=w.when(jid))
        said = w.off()
        fix, said_t, _hhmm = TIME_FIXES[k % len(TIME_FIXES)]
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
    for k in range(5):
        kind = KINDS[(k + 1) % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        add(f"{SPLIT}:called_off.off/{tid.removeprefix(SPLIT + ':')}", [turn(text), turn(said, dict(NO_CLAIM))], {"job_id": jid, "kind": kind, "call_off": said, "shape": "off"})
    return out


# ------------------------------------------------------------------------------------------
# the files
# ------------------------------------------------------------------------------------------

DEV_SET = be.DevSet(SPLIT, SEED, globals(), HERE, __doc__)
build, write, summary, main = DEV_SET.build, DEV_SET.write, DEV_SET.summary, DEV_SET.main


if __name__ == "__main__":
    main()
