"""Builds the understanding evaluation set: what sales reps type on a phone, with the facts a
right answer must contain computed from the demo company's own data, never from Hard-E.

    .venv/bin/python tests/understanding/eval/build_eval.py [--out DIR]

Writes dev/questions.jsonl, dev/conversations.jsonl, heldout/questions.jsonl and
heldout/conversations.jsonl next to this file (or under --out). Deterministic: the same code
and data write byte-for-byte the same files.

Sources of truth:
- data/demo/crm/seed.json: customers, jobs, stages, users, notes, appointments, invoices,
  payments, proposals (as of 2026-11-23);
- data/demo/knowledge/: the knowledge base (one document per file, category folders);
- data/demo/knowledge/SALES_DIRECTOR_CALLS/*.json: the 90 call transcripts
  (written by data/demo/tools/make_transcripts.py);
- data/demo/catalog/catalog.csv: the pricing catalog.

The clock is pinned: relative dates ("tmrw", "thursday", "this week") are read from
Monday 2026-11-23 09:00 America/New_York.

Each line is one case: {"id", "category", "template", "subject", "turns", "crm_after"}.
"template" names the phrasing pool the text came from and "subject" the records the facts were
computed from (the harness ignores both; the tests use them to check grounding and that dev
and held-out use different phrasings). The check names inside "expect" are documented in
bench/understanding.py.

Held-out cases are drawn from phrasing pools of their own (no template is shared with dev)
and, where the data allows, about other customers: a fixed set of customers is reserved for
held-out single questions. The held-out files are for measuring, not for reading.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import random
import re
import string
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DEMO = ROOT / "data" / "demo"
SEED_FILE = DEMO / "crm" / "seed.json"
KNOWLEDGE = DEMO / "knowledge"
CALLS = KNOWLEDGE / "SALES_DIRECTOR_CALLS"
CATALOG = DEMO / "catalog" / "catalog.csv"

SEED = 20261123
NOW = dt.datetime(2026, 11, 23, 9, 0)  # Monday
SPLITS = ("dev", "heldout")

# Stages that mean a job is no longer open. From the stage names: "Completed" (the work is
# done), "Paid & Closed" (done and paid) and "Lost" are closed; Lead, Estimating, Proposal
# Sent, Follow Up, Contract Signed, Scheduled and In Progress are open (the job still needs
# the rep or the crew).
CLOSED_STAGES = frozenset({"Completed", "Paid & Closed", "Lost"})

# First names of the seed's customers who are women; the others are men. Only used to pick
# the pronoun a rep would use in a follow-up ("and her email?").
WOMEN = frozenset({
    "Linda", "Denise", "Kathleen", "Theresa", "Maria", "Nancy", "Julie", "Karen", "Colleen",
    "Rosa", "Erica", "Melissa", "Megan", "Lisa", "Diane", "Susan",
})

TRADE_WORDS = {
    "Roofing": ["roof", "roof job", "roofing", "reroof"],
    "Siding": ["siding", "siding job"],
    "Gutters": ["gutters", "gutter job"],
    "Windows": ["windows", "window job"],
}
MAIN_TRADES = tuple(TRADE_WORDS)

# Customers reserved for held-out single questions (chosen once, by id; never asked about in
# dev single questions).
HELDOUT_CUSTOMERS = frozenset({102, 105, 108, 114, 121, 124, 129, 133, 139, 141, 142, 145, 146})


# ------------------------------------------------------------------------------------------
# the data
# ------------------------------------------------------------------------------------------


def _norm_ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Doc:
    path: str  # relative to data/demo/knowledge
    title: str
    stem: str
    text: str


@dataclass
class Data:
    seed: dict[str, Any]
    calls: list[dict[str, Any]]
    catalog: list[dict[str, str]]
    docs: dict[str, Doc]
    customers: dict[int, dict[str, Any]] = field(default_factory=dict)
    jobs: dict[int, dict[str, Any]] = field(default_factory=dict)
    users: dict[int, dict[str, Any]] = field(default_factory=dict)
    stage_name: dict[str, str] = field(default_factory=dict)
    trade_name: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        s = self.seed
        self.customers = {c["id"]: c for c in s["customers"]}
        self.jobs = {j["id"]: j for j in s["jobs"]}
        self.users = {u["id"]: u for u in s["users"]}
        self.stage_name = {st["code"]: st["name"] for st in s["stages"]}
        self.trade_name = {t["id"]: t["name"] for t in s["trades"]}

    # --- people ---------------------------------------------------------------------------
    def full(self, cid: int) -> str:
        c = self.customers[cid]
        return f"{c['first_name']} {c['last_name']}"

    def user_full(self, uid: int) -> str:
        u = self.users[uid]
        return f"{u['first_name']} {u['last_name']}"

    def pronouns(self, cid: int) -> tuple[str, str, str]:
        """(subject, object, possessive)."""
        if self.customers[cid]["first_name"] in WOMEN:
            return "she", "her", "her"
        return "he", "him", "his"

    def unique_last(self, cid: int) -> bool:
        last = self.customers[cid]["last_name"]
        return sum(c["last_name"] == last for c in self.customers.values()) == 1

    def unique_first(self, cid: int) -> bool:
        first = self.customers[cid]["first_name"]
        users = {u["first_name"] for u in self.users.values()}
        return first not in users and sum(c["first_name"] == first for c in self.customers.values()) == 1

    # --- jobs -----------------------------------------------------------------------------
    def jobs_of(self, cid: int) -> list[dict[str, Any]]:
        return sorted((j for j in self.jobs.values() if j["customer_id"] == cid), key=lambda j: j["id"])

    def trades(self, jid: int) -> list[str]:
        return [self.trade_name[t] for t in self.jobs[jid]["trades"]]

    def main_trade(self, jid: int) -> str:
        return next(t for t in self.trades(jid) if t in MAIN_TRADES)

    def stage(self, jid: int) -> str:
        return self.stage_name[self.jobs[jid]["stage_code"]]

    def jobs_by_last_trade(self, last: str, trade: str) -> list[int]:
        return [
            j["id"]
            for j in self.jobs.values()
            if self.customers[j["customer_id"]]["last_name"] == last and trade in self.trades(j["id"])
        ]

    def jobs_by_customer_trade(self, cid: int, trade: str) -> list[int]:
        return [j["id"] for j in self.jobs_of(cid) if trade in self.trades(j["id"])]

    def rep(self, jid: int) -> str:
        return self.user_full(self.jobs[jid]["rep_ids"][0])

    def notes_of(self, jid: int) -> list[dict[str, Any]]:
        notes = [n for n in self.seed["notes"] if n["job_id"] == jid]
        return sorted(notes, key=lambda n: (n["created_at"], n["id"]), reverse=True)

    def invoices_of(self, jid: int) -> list[dict[str, Any]]:
        return [i for i in self.seed["invoices"] if i["job_id"] == jid]

    def payments_of(self, jid: int) -> list[dict[str, Any]]:
        return [p for p in self.seed["payments"] if p["job_id"] == jid]

    def proposals_of(self, jid: int) -> list[dict[str, Any]]:
        return [p for p in self.seed["proposals"] if p["job_id"] == jid]

    def money_facts(self, jid: int) -> dict[str, float]:
        """contract, deposit, paid, balance (open invoices), invoiced, proposal; only those known."""
        j = self.jobs[jid]
        out: dict[str, float] = {}
        invoices = self.invoices_of(jid)
        if j["awarded_date"]:
            out["contract"] = float(j["contract_amount"])
            out["paid"] = round(sum(p["payment"] for p in self.payments_of(jid) if not p["canceled"]), 2)
            out["invoiced"] = round(sum(i["total_amount"] for i in invoices), 2)
            out["balance"] = round(sum(i["open_balance"] for i in invoices), 2)
            deposits = [i for i in invoices if i["title"].lower().startswith("deposit")]
            if deposits:
                out["deposit"] = float(deposits[0]["total_amount"])
        proposals = self.proposals_of(jid)
        if proposals:
            out["proposal"] = float(proposals[-1]["total_amount"])
        return out

    def fully_invoiced(self, jid: int) -> bool:
        """Invoiced in full, so "what does she owe" has one answer: the open invoices."""
        m = self.money_facts(jid)
        return "contract" in m and abs(m["invoiced"] - m["contract"]) < 0.01

    # --- calendar -------------------------------------------------------------------------
    def appointments(self) -> list[dict[str, Any]]:
        return sorted(self.seed["appointments"], key=lambda a: (a["start_date_time"], a["id"]))

    def next_appointment(self, *, jid: int | None = None, cid: int | None = None) -> dict[str, Any] | None:
        now = NOW.strftime("%Y-%m-%d %H:%M:%S")
        for a in self.appointments():
            if a["start_date_time"] < now or a["is_completed"]:
                continue
            if jid is not None and jid not in a["job_ids"]:
                continue
            if cid is not None and a["customer_id"] != cid:
                continue
            return a
        return None

    def appointments_between(self, first: dt.date, last: dt.date, user: int | None = None) -> list[dict[str, Any]]:
        """Appointments starting on any day from `first` to `last` inclusive (for `user`: theirs)."""
        out = []
        for a in self.appointments():
            day = dt.date.fromisoformat(a["start_date_time"][:10])
            if not first <= day <= last:
                continue
            if user is not None and user != a["user_id"] and user not in a["attendees_ids"]:
                continue
            out.append(a)
        return out


def _doc_title(path: Path) -> str:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return str(PdfReader(path).metadata.get("/Title") or path.stem)
    first = path.read_text(encoding="utf-8").strip().splitlines()[0]
    return first.lstrip("#").strip()


def _doc_text(path: Path) -> str:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return path.read_text(encoding="utf-8")


def load_data() -> Data:
    seed = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    calls = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CALLS.glob("SDC-*.json"))]
    with CATALOG.open(encoding="utf-8", newline="") as fh:
        catalog = list(csv.DictReader(fh))
    docs = {}
    for path in sorted(KNOWLEDGE.rglob("*")):
        if not path.is_file() or path.suffix not in (".md", ".txt", ".pdf") or CALLS in path.parents:
            continue
        rel = path.relative_to(KNOWLEDGE).as_posix()
        docs[rel] = Doc(rel, _doc_title(path), path.stem, _doc_text(path))
    return Data(seed, calls, catalog, docs)


# ------------------------------------------------------------------------------------------
# how reps type
# ------------------------------------------------------------------------------------------

SHORTHAND = [
    (r"\byou\b", "u"),
    (r"\bplease\b", "pls"),
    (r"\btomorrow\b", "tmrw"),
    (r"\bappointments\b", "appts"),
    (r"\bappointment\b", "appt"),
    (r"\bwith\b", "w/"),
    (r"\bright now\b", "rn"),
    (r"\band\b", "&"),
    (r"\bthanks\b", "thx"),
]


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "double"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def _noise_literal(text: str, rng: random.Random, typo_budget: list[int]) -> str:
    for pattern, short in SHORTHAND:
        if rng.random() < 0.35:
            text = re.sub(pattern, short, text)
    if typo_budget[0] > 0:
        words = [(m.start(), m.group()) for m in re.finditer(r"[A-Za-z]{5,}", text)]
        if words and rng.random() < 0.3:
            start, word = rng.choice(words)
            text = text[:start] + _typo(word, rng) + text[start + len(word) :]
            typo_budget[0] -= 1
    return text


def render(template: str, slots: dict[str, str], rng: random.Random, *, noise: bool = True) -> str:
    """The template filled in, typed the way reps type: the template's words get shorthand and
    typos; slot values (names, numbers) are kept, but lower-cased with the rest, and long names
    are sometimes misspelled by one letter."""
    if not noise:
        return template.format(**slots)
    budget = [1]
    parts: list[str] = []
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        parts.append(_noise_literal(literal, rng, budget))
        if name is not None:
            value = slots[name]
            if name == "name" and len(value) >= 7 and rng.random() < 0.08:
                value = _typo(value, rng)
            parts.append(value)
    text = "".join(parts)
    if rng.random() < 0.85:
        text = text.lower()
        if rng.random() < 0.9:
            text = text.replace("'", "")
    if text.endswith("?") and rng.random() < 0.5:
        text = text[:-1]
    return _norm_ws(text)


def possessive(name: str) -> str:
    return name + "'s"


def job_number_ref(d: Data, jid: int, rng: random.Random) -> str:
    number = d.jobs[jid]["number"]
    return rng.choice([f"{jid}", f"#{jid}", f"job {jid}", f"{number}", f"job #{jid}", f"job {number}"])


def customer_name_refs(d: Data, cid: int) -> list[str]:
    """Names that pick out this customer alone: the full name, the last or first name when no
    one else has it."""
    c = d.customers[cid]
    refs = [f"{c['first_name']} {c['last_name']}"]
    if d.unique_last(cid):
        refs.append(c["last_name"])
    if d.unique_first(cid):
        refs.append(c["first_name"])
    return refs


def job_name_refs(d: Data, jid: int) -> list[str]:
    """Ways to name this job alone without its number: "the castillo windows"."""
    j = d.jobs[jid]
    c = d.customers[j["customer_id"]]
    out = []
    for trade in d.trades(jid):
        if trade not in TRADE_WORDS:
            continue
        word = TRADE_WORDS[trade][0]
        if len(d.jobs_by_last_trade(c["last_name"], trade)) == 1:
            out.append(f"the {c['last_name']} {word}")
        if len(d.jobs_by_customer_trade(c["id"], trade)) == 1:
            out.append(f"{c['first_name']} {c['last_name']}'s {word} job")
    if len(d.jobs_of(c["id"])) == 1:
        out.extend(customer_name_refs(d, c["id"]))
    return out


def job_ref(d: Data, jid: int, rng: random.Random) -> str:
    names = job_name_refs(d, jid)
    if names and rng.random() < 0.55:
        return rng.choice(names)
    return job_number_ref(d, jid, rng)


# ------------------------------------------------------------------------------------------
# cases
# ------------------------------------------------------------------------------------------


def turn(text: str, expect: dict[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"text": text}
    if expect is not None:
        out["expect"] = expect
    return out


def case(category: str, template: str, turns: list[dict[str, Any]], subject: dict[str, Any], crm_after: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"id": "", "category": category, "template": template, "subject": subject, "turns": turns, "crm_after": crm_after or []}


class Pool:
    """Phrasing templates for one kind of question, split between dev and held-out: a held-out
    case never uses a dev template."""

    def __init__(self, key: str, dev: Sequence[str], heldout: Sequence[str]) -> None:
        self.key = key
        self.templates = {"dev": list(dev), "heldout": list(heldout)}
        self._next = {"dev": 0, "heldout": 0}

    def pick(self, split: str, rng: random.Random) -> tuple[str, str]:
        """(template id, template), cycling through the split's templates from a random start."""
        options = self.templates[split]
        if self._next[split] == 0:
            self._next[split] = rng.randrange(len(options)) + 1
        n = self._next[split] - 1
        self._next[split] += 1
        index = n % len(options)
        return f"{self.key}/{split}/{index}", options[index]


# Customers added to the demo after these sets were drawn (Sarah Johnson). They are never a
# case's subject, so the cases stay as drawn; facts that count or list them (a rep's open jobs,
# "which Johnson?") are still computed from all of the data.
ADDED_LATER = frozenset({147})


def split_customers(d: Data, split: str) -> list[int]:
    ids = sorted(c for c in d.customers if c not in ADDED_LATER)
    return [c for c in ids if (c in HELDOUT_CUSTOMERS) == (split == "heldout")]


def split_jobs(d: Data, split: str) -> list[int]:
    customers = set(split_customers(d, split))
    return sorted(j for j, job in d.jobs.items() if job["customer_id"] in customers)


CRM = {"agent": "crm"}


# --- crm.contact --------------------------------------------------------------------------

CONTACT_POOLS = {
    "phone": Pool(
        "crm.contact.phone",
        dev=[
            "whats {pname} phone number",
            "number for {name}?",
            "can you give me {pname} cell",
            "need to call {name}, whats the #",
            "phone # for {name} please",
        ],
        heldout=[
            "how do i reach {name} by phone",
            "got a number on file for {name}",
            "{name} - best number to call?",
        ],
    ),
    "home": Pool(
        "crm.contact.home",
        dev=["whats the home phone for {name}", "{pname} landline?"],
        heldout=["do we have a house phone for {name}"],
    ),
    "email": Pool(
        "crm.contact.email",
        dev=["whats {pname} email", "email address for {name}?", "send me {pname} email pls"],
        heldout=["what email do we have on file for {name}", "{name} email addy?"],
    ),
    "address": Pool(
        "crm.contact.address",
        dev=["whats the address for {name}", "where does {name} live", "address on {name} rn?"],
        heldout=["what street is {name} on", "{name} - property address?"],
    ),
    "by_job": Pool(
        "crm.contact.by_job",
        dev=["whats the phone number for {jobname}", "who do i call on {jobname}, need the number"],
        heldout=["contact number for {jobname}?"],
    ),
}


def gen_contact(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    kinds = ["phone", "email", "address", "phone"]
    for n, cid in enumerate(split_customers(d, split)):
        c = d.customers[cid]
        kind = kinds[n % len(kinds)]
        if kind == "phone" and len(c["phones"]) > 1 and rng.random() < 0.4:
            kind = "home"
        name = rng.choice(customer_name_refs(d, cid))
        tid, template = CONTACT_POOLS[kind].pick(split, rng)
        text = render(template, {"name": name, "pname": possessive(name)}, rng)
        if kind == "phone":
            expect = {**CRM, "phone": c["phones"][0]["number"]}
        elif kind == "home":
            home = next(p for p in c["phones"] if p["label"] == "home")
            expect = {**CRM, "phone": home["number"]}
        elif kind == "email":
            expect = {**CRM, "contains": [c["email"]]}
        else:
            expect = {**CRM, "contains": [c["address"]["address"], c["address"]["city"]]}
        out.append(case("crm.contact", tid, [turn(text, expect)], {"customer_id": cid, "field": kind}))
    # the phone asked for through a job's name ("the castillo windows")
    for jid in split_jobs(d, split):
        names = [r for r in job_name_refs(d, jid) if r.startswith("the ")]
        if not names or rng.random() < (0.6 if split == "dev" else 0.8):
            continue
        cid = d.jobs[jid]["customer_id"]
        tid, template = CONTACT_POOLS["by_job"].pick(split, rng)
        text = render(template, {"jobname": rng.choice(names)}, rng)
        expect = {**CRM, "phone": d.customers[cid]["phones"][0]["number"]}
        out.append(case("crm.contact", tid, [turn(text, expect)], {"customer_id": cid, "job_id": jid, "field": "phone"}))
    return out


# --- crm.status / crm.rep / crm.notes -------------------------------------------------------

STATUS_POOL = Pool(
    "crm.status",
    dev=[
        "whats the status on {job}",
        "what stage is {job} in",
        "where are we w/ {job}",
        "status {job}?",
        "hows {job} looking, what stage",
        "{job} stage pls",
    ],
    heldout=[
        "is {job} signed yet or where is it at",
        "which column is {job} sitting in",
        "update me on {job} - stage?",
    ],
)

REP_POOL = Pool(
    "crm.rep",
    dev=["who's the rep on {job}", "whos handling {job}", "who sold {job}?", "rep for {job}?"],
    heldout=["which salesperson has {job}", "who owns {job} on our side"],
)
CUSTOMER_REP_POOL = Pool(
    "crm.rep.customer",
    dev=["whos {pname} rep", "who is the sales rep for {name}"],
    heldout=["which of our guys is working with {name}"],
)

NOTES_POOL = Pool(
    "crm.notes",
    dev=[
        "whats the latest note on {job}",
        "last note on {job}?",
        "any recent notes on {job}",
        "what did we last write on {job}",
    ],
    heldout=["most recent note for {job} pls", "read me the newest note on {job}"],
)


def gen_status(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for jid in split_jobs(d, split):
        if rng.random() < 0.35:
            continue
        tid, template = STATUS_POOL.pick(split, rng)
        text = render(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.status", tid, [turn(text, {**CRM, "contains": [d.stage(jid)]})], {"job_id": jid}))
    return out


def gen_rep(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for jid in split_jobs(d, split):
        if rng.random() < 0.55:
            continue
        tid, template = REP_POOL.pick(split, rng)
        text = render(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.rep", tid, [turn(text, {**CRM, "contains": [d.rep(jid)]})], {"job_id": jid}))
    for cid in split_customers(d, split):
        if rng.random() < 0.75:
            continue
        rep_ids = {r for j in d.jobs_of(cid) for r in j["rep_ids"]} | {d.customers[cid]["rep_id"]}
        if len(rep_ids) != 1:
            continue  # the customer's rep and the jobs' reps differ: no single answer
        name = rng.choice(customer_name_refs(d, cid))
        tid, template = CUSTOMER_REP_POOL.pick(split, rng)
        text = render(template, {"name": name, "pname": possessive(name)}, rng)
        expect = {**CRM, "contains": [d.user_full(next(iter(rep_ids)))]}
        out.append(case("crm.rep", tid, [turn(text, expect)], {"customer_id": cid}))
    return out


def _note_phrase(note: str) -> str:
    return note.rstrip(".").strip()


def gen_notes(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for jid in split_jobs(d, split):
        notes = d.notes_of(jid)
        if not notes or rng.random() < (0.55 if split == "dev" else 0.4):
            continue
        tid, template = NOTES_POOL.pick(split, rng)
        text = render(template, {"job": job_ref(d, jid, rng)}, rng)
        expect = {**CRM, "contains": [_note_phrase(notes[0]["note"])]}
        out.append(case("crm.notes", tid, [turn(text, expect)], {"job_id": jid, "note_id": notes[0]["id"]}))
    return out


# --- crm.money ------------------------------------------------------------------------------

MONEY_POOLS = {
    "contract": Pool(
        "crm.money.contract",
        dev=["whats the contract amount on {job}", "how much did {job} sell for", "contract $ on {job}?"],
        heldout=["what was {job} sold at", "total contract value for {job}"],
    ),
    "deposit": Pool(
        "crm.money.deposit",
        dev=["how much was the deposit on {job}", "deposit amount {job}?"],
        heldout=["what did they put down on {job}"],
    ),
    "paid": Pool(
        "crm.money.paid",
        dev=["how much has been paid on {job} so far", "total payments on {job}?"],
        heldout=["what have we collected on {job}"],
    ),
    "balance": Pool(
        "crm.money.balance",
        dev=["whats the open balance on {job}", "how much is still owed on {job}", "balance due {job}?"],
        heldout=["whats outstanding on {job}", "does {job} still owe us anything, how much"],
    ),
    "proposal": Pool(
        "crm.money.proposal",
        dev=["how much was the proposal for {job}", "what did we quote on {job}"],
        heldout=["what number did we propose on {job}"],
    ),
}
PAID_IN_FULL = ["$0", "paid in full", "fully paid", "no open balance", "nothing owed", "no balance", "nothing outstanding"]


def money_expect(kind: str, amount: float) -> dict[str, Any]:
    if kind == "balance" and amount == 0:
        return {**CRM, "any_of": PAID_IN_FULL}
    return {**CRM, "money": amount}


def gen_money(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for jid in split_jobs(d, split):
        facts = d.money_facts(jid)
        kinds = [k for k in ("contract", "deposit", "paid", "proposal") if k in facts]
        if d.fully_invoiced(jid):
            kinds += ["balance", "balance"]
        if not kinds:
            continue
        count = 2 if "balance" in kinds else 1
        for kind in rng.sample(sorted(set(kinds)), min(count, len(set(kinds)))):
            tid, template = MONEY_POOLS[kind].pick(split, rng)
            text = render(template, {"job": job_ref(d, jid, rng)}, rng)
            out.append(case("crm.money", tid, [turn(text, money_expect(kind, facts[kind]))], {"job_id": jid, "field": kind}))
    return out


# --- crm.dates ------------------------------------------------------------------------------

INSTALL_POOL = Pool(
    "crm.dates.install",
    dev=["when does the install start on {job}", "install date for {job}?", "when are we starting {job}"],
    heldout=["whens the crew going out for {job}", "what day does {job} kick off"],
)
NEXT_APPT_POOL = Pool(
    "crm.dates.next",
    dev=["whens the next appointment for {job}", "next appt on {job}?", "when are we next out at {job}"],
    heldout=["what's coming up next on the calendar for {job}", "when do we see {job} next"],
)
NEXT_APPT_CUSTOMER_POOL = Pool(
    "crm.dates.next_customer",
    dev=["when is my next appointment with {name}", "whens {pname} next appt"],
    heldout=["when am i seeing {name} next"],
)


def _at(a: dict[str, Any]) -> tuple[str, str]:
    start = a["start_date_time"]
    return start[:10], start[11:16]


def gen_dates(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    jobs = split_jobs(d, split)
    for jid in jobs:
        installs = [a for a in d.appointments() if jid in a["job_ids"] and a["title"] == "Install start"]
        if installs:
            day, _time = _at(installs[0])
            tid, template = INSTALL_POOL.pick(split, rng)
            text = render(template, {"job": job_ref(d, jid, rng)}, rng)
            out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": day})], {"job_id": jid, "appointment_id": installs[0]["id"]}))
    for jid in jobs:
        a = d.next_appointment(jid=jid)
        if a is None or a["title"] == "Install start" or rng.random() < 0.45:
            continue
        day, time = _at(a)
        tid, template = NEXT_APPT_POOL.pick(split, rng)
        text = render(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": day, "time": time})], {"job_id": jid, "appointment_id": a["id"]}))
    for cid in split_customers(d, split):
        a = d.next_appointment(cid=cid)
        if a is None or rng.random() < 0.6:
            continue
        day, time = _at(a)
        name = rng.choice(customer_name_refs(d, cid))
        tid, template = NEXT_APPT_CUSTOMER_POOL.pick(split, rng)
        text = render(template, {"name": name, "pname": possessive(name)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": day, "time": time})], {"customer_id": cid, "appointment_id": a["id"]}))
    return out


# --- crm.calendar ---------------------------------------------------------------------------

MONDAY = NOW.date()
WINDOWS = {
    # words -> (first day, last day) relative to Monday 2026-11-23
    "tomorrow": (MONDAY + dt.timedelta(days=1),) * 2,
    "tmrw": (MONDAY + dt.timedelta(days=1),) * 2,
    "friday": (MONDAY + dt.timedelta(days=4),) * 2,
    "this friday": (MONDAY + dt.timedelta(days=4),) * 2,
    "this week": (MONDAY, MONDAY + dt.timedelta(days=6)),
    "next week": (MONDAY + dt.timedelta(days=7), MONDAY + dt.timedelta(days=13)),
    "dec 3": (dt.date(2026, 12, 3),) * 2,
    "12/7": (dt.date(2026, 12, 7),) * 2,
    "december 9": (dt.date(2026, 12, 9),) * 2,
    "monday the 30th": (dt.date(2026, 11, 30),) * 2,
    "dec 14": (dt.date(2026, 12, 14),) * 2,
    "the 15th of december": (dt.date(2026, 12, 15),) * 2,
    "dec 7 to dec 9": (dt.date(2026, 12, 7), dt.date(2026, 12, 9)),
    "between dec 14 and dec 15": (dt.date(2026, 12, 14), dt.date(2026, 12, 15)),
    "the week of dec 14": (dt.date(2026, 12, 14), dt.date(2026, 12, 20)),
    "nov 30 thru dec 3": (dt.date(2026, 11, 30), dt.date(2026, 12, 3)),
}
CALENDAR_DEV_WHEN = ["tmrw", "friday", "this week", "next week", "dec 3", "12/7", "dec 7 to dec 9", "monday the 30th"]
CALENDAR_HELDOUT_WHEN = ["tomorrow", "this friday", "december 9", "dec 14", "the 15th of december", "between dec 14 and dec 15", "the week of dec 14", "nov 30 thru dec 3"]
CALENDAR_POOL = Pool(
    "crm.calendar.all",
    dev=["whats on the calendar {when}", "how many appts do we have {when}", "appointments {when}?", "what do we have booked {when}"],
    heldout=["give me the schedule for {when}", "whats the schedule look like {when}, how many visits"],
)
CALENDAR_REP_POOL = Pool(
    "crm.calendar.rep",
    dev=["what does {rep} have {when}", "{pname} appointments {when}", "hows {pname} calendar {when}"],
    heldout=["is {rep} busy {when}, what's booked", "list {pname} visits {when}"],
)
CALENDAR_REPS = {11: ["mike reed", "Mike Reed"], 12: ["dana", "Dana Whitaker", "dana whitaker"], 13: ["kevin", "Kevin Shea", "kevin shea"], 16: ["mike sullivan", "Mike Sullivan"]}


def calendar_expect(d: Data, appts: list[dict[str, Any]]) -> dict[str, Any]:
    expect: dict[str, Any] = {**CRM, "count": len(appts)}
    if 0 < len(appts) <= 3:
        expect["contains"] = sorted({d.customers[a["customer_id"]]["last_name"] for a in appts})
    return expect


def gen_calendar(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    whens = CALENDAR_DEV_WHEN if split == "dev" else CALENDAR_HELDOUT_WHEN
    for when in whens:
        first, last = WINDOWS[when]
        appts = d.appointments_between(first, last)
        tid, template = CALENDAR_POOL.pick(split, rng)
        text = render(template, {"when": when}, rng)
        out.append(case("crm.calendar", tid, [turn(text, calendar_expect(d, appts))], {"from": first.isoformat(), "to": last.isoformat(), "user_id": None}))
    for n, when in enumerate(whens * 2 if split == "dev" else whens):
        uid = sorted(CALENDAR_REPS)[(n + (split == "heldout")) % len(CALENDAR_REPS)]
        first, last = WINDOWS[when]
        appts = d.appointments_between(first, last, user=uid)
        if not appts and rng.random() < 0.7:
            continue
        rep = rng.choice(CALENDAR_REPS[uid])
        tid, template = CALENDAR_REP_POOL.pick(split, rng)
        text = render(template, {"when": when, "rep": rep, "pname": possessive(rep)}, rng)
        out.append(case("crm.calendar", tid, [turn(text, calendar_expect(d, appts))], {"from": first.isoformat(), "to": last.isoformat(), "user_id": uid}))
    return out


# --- crm.rep_jobs / crm.stage_jobs ----------------------------------------------------------

REP_JOBS_POOL = Pool(
    "crm.rep_jobs",
    dev=[
        "what jobs does {rep} have open rn",
        "list {pname} open jobs",
        "whats {rep} working on right now",
        "how many open jobs does {rep} have",
    ],
    heldout=["show me everything still open for {rep}", "{rep} - active jobs?"],
)
REP_NAMES = {11: ["mike reed", "Mike Reed", "reed"], 12: ["dana", "Dana Whitaker", "whitaker"], 13: ["kevin shea", "Kevin", "shea"]}

STAGE_POOL = Pool(
    "crm.stage_jobs",
    dev=["which jobs are in {stage}", "what do we have in {stage} rn", "list jobs in {stage}"],
    heldout=["show me the {stage} column", "anything sitting in {stage}? which ones"],
)
STAGE_WORDS = {
    "Lead": ["lead", "new leads"],
    "Estimating": ["estimating"],
    "Proposal Sent": ["proposal sent", "proposals sent"],
    "Follow Up": ["follow up", "follow-up"],
    "Contract Signed": ["contract signed", "signed"],
    "Scheduled": ["scheduled"],
    "In Progress": ["in progress", "in production"],
    "Completed": ["completed"],
    "Paid & Closed": ["paid & closed", "paid and closed"],
    "Lost": ["lost"],
}


def open_jobs_of_rep(d: Data, uid: int) -> list[int]:
    return sorted(j for j, job in d.jobs.items() if uid in job["rep_ids"] and d.stage(j) not in CLOSED_STAGES)


def gen_rep_jobs(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    rounds = 4 if split == "dev" else 2
    for n in range(rounds):
        for uid in sorted(REP_NAMES):
            jobs = open_jobs_of_rep(d, uid)
            rep = REP_NAMES[uid][(n + uid) % len(REP_NAMES[uid])]
            tid, template = REP_JOBS_POOL.pick(split, rng)
            text = render(template, {"rep": rep, "pname": possessive(rep)}, rng)
            expect = {**CRM, "count": len(jobs)}
            if "how many" not in template:
                expect["contains"] = [str(j) for j in jobs]
            out.append(case("crm.rep_jobs", tid, [turn(text, expect)], {"user_id": uid, "job_ids": jobs}))
    return out


def gen_stage_jobs(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    stages = list(STAGE_WORDS)
    chosen = stages + stages[:4] if split == "dev" else stages[::2] + stages[1::3]
    for n, stage in enumerate(chosen):
        jobs = sorted(j for j in d.jobs if d.stage(j) == stage)
        words = STAGE_WORDS[stage]
        word = words[(n + (split == "heldout")) % len(words)]
        tid, template = STAGE_POOL.pick(split, rng)
        text = render(template, {"stage": word}, rng)
        expect = {**CRM, "count": len(jobs), "contains": [str(j) for j in jobs]}
        out.append(case("crm.stage_jobs", tid, [turn(text, expect)], {"stage": stage, "job_ids": jobs}))
    return out


# --- knowledge ------------------------------------------------------------------------------

# (document, [(dev question, key phrase or None)], [(held-out question, key phrase or None)]).
# Key phrases are copied from the document's text.
KNOWLEDGE_BANK: list[tuple[str, list[tuple[str, str | None]], list[tuple[str, str | None]]]] = [
    ("OBJECTION_HANDLING/price_objection.md",
     [("homeowner says its way more than they expected, whats our standard response", "isolate it"),
      ("customer thinks we're too expensive compared to the other guy what do i do", None)],
     [("how do i respond when the price is too high for them", None)]),
    ("OBJECTION_HANDLING/objection_handling_framework.md",
     [("whats our 4 step framework for objections", "listen, acknowledge, ask, answer")],
     [("explain the feel felt found thing to me", "felt")]),
    ("OBJECTION_HANDLING/spouse_not_present.md",
     [("wife isnt home for the appt, do i still present?", None)],
     [("husband is at work during the visit, should i run the whole presentation", None)]),
    ("OBJECTION_HANDLING/getting_three_quotes.md",
     [("they said theyre getting 3 quotes how do i handle that", "comparison checklist")],
     []),
    ("OBJECTION_HANDLING/financing_questions.md",
     [("customer doesnt want to take on debt, what do i say", "same-as-cash")],
     [("what if they got declined for financing before", "declined before")]),
    ("OBJECTION_HANDLING/need_to_think_about_it.md",
     [("they want to think it over, how do i respond", None)],
     [("homeowner says let us sleep on it and get back to you", None)]),
    ("OBJECTION_HANDLING/handyman_or_diy.md",
     [("he says his brother in law can do it cheaper", None)],
     []),
    ("OBJECTION_HANDLING/waiting_until_next_season.md",
     [("they wanna wait till spring to do the roof", None)],
     [("homeowner wants to hold off until the weather warms up, any tips", None)]),
    ("CUSTOMER_PSYCHOLOGY/buyer_personality_types.md",
     [("how do i sell to an analytical buyer", "data sheets")],
     [("tips for dealing w a driver personality", "bottom line")]),
    ("CUSTOMER_PSYCHOLOGY/trust_with_elderly_homeowners.md",
     [("any advice for elderly homeowners", None)],
     []),
    ("CUSTOMER_PSYCHOLOGY/couples_and_shared_decisions.md",
     [("husband and wife disagree on the roof, what now", None)],
     [("the couple cant agree on the siding color how do i handle it", None)]),
    ("CUSTOMER_PSYCHOLOGY/buying_signals_and_body_language.md",
     [("what are the buying signals i should watch for", "how soon could you start")],
     []),
    ("SCRIPT_TEMPLATES/appointment_confirmation_call.md",
     [("whats the script for the confirmation call the day before the appt", "gate code")],
     []),
    ("SCRIPT_TEMPLATES/standard_sales_script.md",
     [("give me the discovery questions from our sales script", "what made you call us now")],
     []),
    ("SCRIPT_TEMPLATES/follow_up_and_voicemail_templates.txt",
     [("whats our voicemail template when they dont pick up", "following up on the proposal")],
     [("template for the day 14 check in text", "pest")]),
    ("SCRIPT_TEMPLATES/primer_video_script_template.md",
     [("how long should a primer video be", "60 to 90 seconds")],
     []),
    ("CORE_KNOWLEDGE/crm_and_lead_handling.txt",
     [("how fast do we need to call a new web lead", "15 minutes")],
     [("when do we reach back out on a lost job", "90 days")]),
    ("CORE_KNOWLEDGE/in_home_presentation_steps.md",
     [("what are the 10 steps of the in home presentation", "arrive prepared")],
     []),
    ("CORE_KNOWLEDGE/first_five_minutes.md",
     [("tips for the first 5 minutes at the door", None)],
     [("they asked for a ballpark on the doorstep, what do i say", "guessing")]),
    ("CORE_KNOWLEDGE/roof_inspection_checklist.md",
     [("whats on the roof inspection checklist", None),
      ("whats the steepest roof i'm allowed to walk", "8/12")],
     [("what should i look at in the attic during an inspection", "bath fans")]),
    ("CORE_KNOWLEDGE/company_story.md",
     [("when was summit ridge founded", "2008")],
     [("how many projects have we done? need numbers for the pitch", "9,000")]),
    ("CORE_KNOWLEDGE/follow_up_process.md",
     [("whats our follow up cadence after an appt", "day 14")],
     []),
    ("CORE_KNOWLEDGE/after_the_contract_is_signed.md",
     [("what happens after the contract is signed", None)],
     [("how long till the crew shows up after they sign", "three to six weeks")]),
    ("CORE_KNOWLEDGE/sales_methodology.md",
     [("what are the four commitments in our sales methodology", "diagnose before you prescribe")],
     [("whats the company closing rate on completed presentations", "42 percent")]),
    ("PRODUCT_KNOWLEDGE/gutters_and_gutter_guards.md",
     [("5 inch or 6 inch gutters, which do we recommend", "6-inch")],
     [("what kind of gutter guards do we put on", "micro-mesh")]),
    ("PRODUCT_KNOWLEDGE/roof_ventilation.md",
     [("whats the rule of thumb for attic ventilation", "300 square feet")],
     []),
    ("PRODUCT_KNOWLEDGE/replacement_windows.md",
     [("insert vs full frame windows whats the difference", "full-frame")],
     [("whats the lead time on new windows", "four to six weeks")]),
    ("PRODUCT_KNOWLEDGE/underlayment_and_drip_edge.md",
     [("do we use felt or synthetic underlayment", "synthetic underlayment")],
     []),
    ("PRODUCT_KNOWLEDGE/asphalt_shingles.md",
     [("do we still install 3 tab shingles", "phased out")],
     []),
    ("PRODUCT_KNOWLEDGE/warranties.md",
     [("hows our workmanship warranty work", "10 years")],
     [("what voids a shingle warranty", None)]),
    ("PRODUCT_KNOWLEDGE/fiber_cement_siding.md",
     [("fiber cement vs vinyl, whats the cost difference", "40 to 60 percent")],
     []),
    ("PRODUCT_KNOWLEDGE/ice_and_water_shield.md",
     [("what does code say about ice and water shield at the eaves", "24 inches")],
     [("how do i explain ice & water shield to a homeowner", "raincoat")]),
    ("PRODUCT_KNOWLEDGE/vinyl_siding.md",
     [("whats the difference between .044 and .046 vinyl", ".046")],
     []),
    ("PRICING_STRATEGIES/discounts_and_promotions_policy.md",
     [("whats the max discount i can give without approval", "7 percent"),
      ("do we have a referral credit", "$250")],
     [("do we do a senior discount", "5 percent")]),
    ("PRICING_STRATEGIES/financing_programs.md",
     [("what financing programs do we offer", "bay colony home credit")],
     [("whats the apr on the 84 month plan", "7.99%")]),
    ("PRICING_STRATEGIES/good_better_best_packages.md",
     [("whats included in the preferred roofing package", "ridge vent")],
     []),
    ("PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf",
     [("how much deposit do we collect at signing", "30 percent")],
     [("what payment methods do we take", None)]),
    ("PRICING_STRATEGIES/presenting_the_price.md",
     [("ballpark range for a vinyl siding job", "$19,000 to $32,000")],
     []),
    ("PROJECTS/Maple_Hollow_Estates/hoa_exterior_guidelines.md",
     [("what shingle colors does the maple hollow hoa allow", "weathered wood")],
     [("work hours for jobs in maple hollow estates", "7:30")]),
    ("PROJECTS/Maple_Hollow_Estates/project_notes.md",
     [("how many roofs have we done in maple hollow", "31 roofs")],
     []),
    ("PROJECTS/Brookside_Commons/condo_association_rules.md",
     [("can a brookside commons owner hire us for a new roof", "property manager")],
     [("window rules at the brookside commons condos", None)]),
]


def knowledge_expect(d: Data, doc: str, phrase: str | None) -> dict[str, Any]:
    info = d.docs[doc]
    expect: dict[str, Any] = {"agent": "knowledge", "any_of": [info.title, info.stem]}
    if phrase:
        expect["contains"] = [phrase]
    return expect


def gen_knowledge(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for doc, dev, heldout in KNOWLEDGE_BANK:
        for n, (question, phrase) in enumerate(dev if split == "dev" else heldout):
            text = render(question, {}, rng)
            tid = f"knowledge/{split}/{doc}#{n}"
            out.append(case("knowledge", tid, [turn(text, knowledge_expect(d, doc, phrase))], {"doc": doc, "phrase": phrase}))
    return out


# --- analysis -------------------------------------------------------------------------------

CLOSED_OUTCOMES = ("closed_first_visit", "closed_follow_up")


def calls_where(d: Data, **where: Any) -> list[dict[str, Any]]:
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
        if "objection" in where and not any(o["category"] == where["objection"] for o in call["objections"]):
            continue
        out.append(call)
    return out


def analysis_figure(d: Data, measure: str, where: dict[str, Any]) -> float:
    """The figure a question asks for, from the transcripts. Close rate: calls that closed (on
    the first visit or on a follow-up) over all calls in the group, pending ones included;
    first-visit rate: closed on the first visit over all calls in the group."""
    calls = calls_where(d, **where)
    if measure == "count":
        return len(calls)
    if measure == "close_rate":
        return round(100 * sum(c["outcome"] in CLOSED_OUTCOMES for c in calls) / len(calls), 2)
    if measure == "first_visit_rate":
        return round(100 * sum(c["outcome"] == "closed_first_visit" for c in calls) / len(calls), 2)
    if measure.startswith("phase:"):
        phase = measure.split(":", 1)[1]
        return round(sum(c["phase_timings"][phase] for c in calls) / len(calls), 2)
    if measure == "avg_deal_closed":
        won = [c for c in calls if c["outcome"] in CLOSED_OUTCOMES]
        return round(sum(c["deal_value"] for c in won) / len(won), 2)
    raise ValueError(measure)


def _analysis_expect(measure: str, value: float) -> dict[str, Any]:
    if measure == "count":
        return {"agent": "analysis", "count": int(value)}
    if measure in ("close_rate", "first_visit_rate"):
        return {"agent": "analysis", "percent": value}
    if measure == "avg_deal_closed":
        return {"agent": "analysis", "money": {"value": value, "tol": 1.0}}
    return {"agent": "analysis", "number": {"value": value, "tol": 0.5}}


TRADE_SAY = {"roofing": "roofing", "siding": "siding", "windows": "window", "gutters": "gutter"}
SITUATION_SAY = {
    "insurance_claim": "an insurance claim", "spouse_not_present": "the spouse not there",
    "storm_damage": "storm damage", "elderly_homeowner": "an elderly homeowner", "hoa_rules": "hoa rules",
    "active_leak": "an active leak", "historic_district": "a historic district", "ice_dams": "ice dams",
    "rental_property": "a rental property", "selling_home": "the owner selling the house",
}
REP_SAY = {"Mike Reed": "mike reed", "Dana Whitaker": "dana", "Kevin Shea": "kevin shea"}

def gen_analysis(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    """Questions about the 90 director calls; each figure computed by `analysis_figure`."""
    items: list[tuple[str, str, str, dict[str, Any]]] = []  # (template id, text template, measure, where)
    trades = ["roofing", "siding", "windows", "gutters"]
    if split == "dev":
        for t in trades:
            items.append(("analysis.count_trade/dev/0", f"how many {TRADE_SAY[t]} calls did rachel do", "count", {"trade": t}))
            items.append(("analysis.fv_trade/dev/0", f"whats the first visit close rate on {TRADE_SAY[t]} jobs", "first_visit_rate", {"trade": t}))
            items.append(("analysis.objection_trade/dev/0", f"how many {TRADE_SAY[t]} calls had a price objection", "count", {"trade": t, "objection": "price"}))
        for t in ("roofing", "siding"):
            items.append(("analysis.close_trade/dev/0", f"overall close rate on {TRADE_SAY[t]} in the director calls", "close_rate", {"trade": t}))
        items.append(("analysis.outcome/dev/0", "how many calls did we lose on price", "count", {"outcome": ("lost_price",)}))
        items.append(("analysis.outcome/dev/1", "how many deals did we lose to a competitor", "count", {"outcome": ("lost_competitor",)}))
        items.append(("analysis.outcome/dev/2", "how many of the directors calls closed on a follow up", "count", {"outcome": ("closed_follow_up",)}))
        items.append(("analysis.outcome/dev/3", "how many calls closed on the first visit", "count", {"outcome": ("closed_first_visit",)}))
        items.append(("analysis.close_all/dev/0", "whats the overall close rate across the director's calls", "close_rate", {}))
        for s in ("insurance_claim", "spouse_not_present", "storm_damage", "elderly_homeowner"):
            items.append(("analysis.situation_count/dev/0", f"how many calls had {SITUATION_SAY[s]}", "count", {"situation": s}))
        for rep in ("Mike Reed", "Kevin Shea"):
            items.append(("analysis.rep_count/dev/0", f"how many of the director calls was {REP_SAY[rep]} on", "count", {"rep": rep}))
        for phase in ("rapport", "inspection", "close"):
            items.append(("analysis.phase/dev/0", f"on average how many minutes does the director spend on {phase}", f"phase:{phase}", {}))
        items.append(("analysis.deal/dev/0", "avg deal size on the roofing deals we closed", "avg_deal_closed", {"trade": "roofing"}))
    else:
        for t in trades:
            items.append(("analysis.count_trade/heldout/0", f"out of rachels calls, how many were {TRADE_SAY[t]}", "count", {"trade": t}))
        for t in ("windows", "gutters"):
            items.append(("analysis.fv_trade/heldout/0", f"what percent of {TRADE_SAY[t]} calls closed same day on the first visit", "first_visit_rate", {"trade": t}))
        items.append(("analysis.outcome/heldout/0", "number of calls that ended with no decision", "count", {"outcome": ("no_decision",)}))
        for s in ("hoa_rules", "active_leak"):
            items.append(("analysis.situation_rate/heldout/0", f"close rate on calls with {SITUATION_SAY[s]}", "close_rate", {"situation": s}))
        items.append(("analysis.rep_count/heldout/0", "dana was on how many of the director's calls", "count", {"rep": "Dana Whitaker"}))
        items.append(("analysis.phase/heldout/0", "typical minutes spent on the pricing part of the director calls", "phase:pricing", {}))
        items.append(("analysis.deal/heldout/0", "average value of the siding deals that closed", "avg_deal_closed", {"trade": "siding"}))
    out = []
    for tid, template, measure, where in items:
        value = analysis_figure(d, measure, where)
        text = render(template, {}, rng)
        subject = {"measure": measure, "where": {k: list(v) if isinstance(v, tuple) else v for k, v in where.items()}}
        out.append(case("analysis", tid, [turn(text, _analysis_expect(measure, value))], subject))
    return out


# --- pricing --------------------------------------------------------------------------------


def sku(d: Data, code: str) -> dict[str, str]:
    return next(r for r in d.catalog if r["sku"] == code)


def per_square(row: dict[str, str]) -> int:
    """Purchase units per square for a shingle ("1/3" square a bundle: 3 bundles)."""
    return int(1 / Fraction(row["coverage"]))


def roof_squares(footprint: float, rise: int) -> float:
    """Squares of roof over a footprint (plan area) at rise/12: area x sqrt(1+(rise/12)^2) / 100."""
    return round(footprint * math.sqrt(1 + (rise / 12) ** 2) / 100, 2)


PRICE_ITEMS = {
    # sku: (dev names, held-out names)
    "RF-SH-HDZ": (["gaf timberline hdz", "hdz shingles"], []),
    "RF-SH-DUR": (["oc duration shingles"], ["owens corning duration"]),
    "RF-SH-LMK": ([], ["certainteed landmark"]),
    "RF-IW": (["ice and water shield"], []),
    "RF-UL-SYN": (["synthetic underlayment"], []),
    "RF-DE": (["drip edge"], []),
    "RF-RV": ([], ["ridge vent"]),
    "SD-VN-MC": (["mastic carvedwood vinyl siding"], []),
    "SD-HW": ([], ["house wrap"]),
    "GT-K6": (["6 inch k-style gutter"], []),
    "GT-K5": ([], ["5 in seamless gutter"]),
    "GT-GD5": (["5 inch gutter guard"], []),
    "WN-DH": (["vinyl double hung window"], []),
    "WN-CS": ([], ["casement window"]),
    "WN-PIC": (["picture window"], []),
    "WN-SL": ([], ["slider window"]),
}
PRICE_POOL = Pool(
    "pricing.price",
    dev=["whats the price on {item}", "how much do we charge for {item}", "sell price for {item}?"],
    heldout=["what do we list {item} at", "customer price on {item}?"],
)
COST_POOL = Pool(
    "pricing.cost",
    dev=["what do we pay for {item}", "our cost on {item}?"],
    heldout=["what does {item} cost us from the supplier"],
)
SQUARES_POOL = Pool(
    "pricing.squares",
    dev=[
        "how many squares on a {area} sq ft footprint at {rise}/12 pitch",
        "{area} sqft footprint, {rise}/12 pitch - how many squares",
        "roof squares for a {area} square foot house footprint {rise}/12",
    ],
    heldout=["plan area {area} sq ft and a {rise} in 12 pitch, squares?", "figure squares: footprint {area} sf, pitch {rise}/12"],
)
BUNDLES_POOL = Pool(
    "pricing.bundles",
    dev=["how many bundles of {item} for {squares} squares", "bundles needed for a {squares} sq roof in {item}"],
    heldout=["{squares} squares of {item}, how many bundles do i order"],
)


def gen_pricing(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    pick = 0 if split == "dev" else 1
    for code, names in PRICE_ITEMS.items():
        row = sku(d, code)
        for name in names[pick]:
            tid, template = PRICE_POOL.pick(split, rng)
            text = render(template, {"item": name}, rng)
            out.append(case("pricing", tid, [turn(text, {"agent": "pricing", "money": float(row["price"])})], {"sku": code, "field": "price"}))
            if rng.random() < 0.45:
                tid, template = COST_POOL.pick(split, rng)
                text = render(template, {"item": name}, rng)
                out.append(case("pricing", tid, [turn(text, {"agent": "pricing", "money": float(row["cost"])})], {"sku": code, "field": "cost"}))
    roofs = [(1800, 6), (2400, 8), (1500, 4), (2100, 7), (1650, 10), (2000, 9)] if split == "dev" else [(1900, 5), (2250, 12), (1400, 8)]
    for area, rise in roofs:
        tid, template = SQUARES_POOL.pick(split, rng)
        text = render(template, {"area": f"{area:,}" if rng.random() < 0.5 else str(area), "rise": str(rise)}, rng)
        expect = {"agent": "pricing", "number": {"value": roof_squares(area, rise), "tol": 1.0, "unit": ["sq", "square"]}}
        out.append(case("pricing", tid, [turn(text, expect)], {"footprint": area, "rise": rise}))
    bundles = [("RF-SH-HDZ", "hdz", 28), ("RF-SH-DES", "designer shake", 22), ("RF-SH-DUR", "duration", 31)] if split == "dev" else [("RF-SH-LMK", "landmark", 26), ("RF-SH-DES", "designer shake shingles", 18)]
    for code, name, squares in bundles:
        row = sku(d, code)
        tid, template = BUNDLES_POOL.pick(split, rng)
        text = render(template, {"item": name, "squares": str(squares)}, rng)
        out.append(case("pricing", tid, [turn(text, {"agent": "pricing", "count": squares * per_square(row)})], {"sku": code, "squares": squares}))
    return out


# --- web_search / scripting / new_clients -------------------------------------------------------

WEB_DEV = [
    "search the web for gaf timberline hdz recall news",
    "google the current price of asphalt shingles",
    "look up online what worcester charges for a roofing permit",
    "whats the weather in natick tmrw, check online",
    "find reviews of ledgeview exteriors online",
    "search online for the newest mass save window rebates",
    "look up the latest owens corning duration colors on the web",
    "can u google whether certainteed changed its warranty this year",
    "web search: lead paint rules for window replacement in massachusetts 2026",
    "check the internet for copper kettle roofing reviews",
    "search the web for current interest rates on home improvement loans",
    "google james hardie colorplus price increase",
]
WEB_HELDOUT = [
    "browse the internet and tell me if englert makes a 7 inch gutter",
    "any news online about shingle shortages this winter",
    "pull up something from the web on heat pump tax credits for 2027",
    "online search pls - is three rivers home pros licensed",
    "what are people saying on the web about micro mesh gutter guards",
]

SCRIPT_POOL = Pool(
    "scripting",
    dev=[
        "write a sales script for {name}",
        "draft a primer video script for {name}",
        "can u make me a script for my appt w/ {name}",
        "need a primer video script for {name} pls",
    ],
    heldout=["put together a pitch script for {name}", "script me a primer vid for {name}"],
)


def gen_web(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    texts = WEB_DEV if split == "dev" else WEB_HELDOUT
    out = []
    for n, text in enumerate(texts):
        out.append(case("web_search", f"web_search/{split}/{n}", [turn(render(text, {}, rng), {"agent": "web_search"})], {}))
    return out


def gen_scripting(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    customers = split_customers(d, split)
    chosen = rng.sample(customers, 12 if split == "dev" else 5)
    for cid in chosen:
        c = d.customers[cid]
        name = rng.choice(customer_name_refs(d, cid))
        tid, template = SCRIPT_POOL.pick(split, rng)
        text = render(template, {"name": name}, rng)
        out.append(case("scripting", tid, [turn(text, {"agent": "scripting", "contains": [c["last_name"]]})], {"customer_id": cid}))
    return out


NEW_FIRST = ["Harold", "Bethany", "Vikram", "Colette", "Desmond", "Imogen", "Percy", "Rowena", "Anselm", "Greta", "Lucian", "Marisol", "Oskar", "Philippa", "Quentin", "Saoirse", "Thaddeus", "Winifred", "Xavier", "Yolanda"]
NEW_LAST = ["Abernathy", "Bellweather", "Castellano", "Dunmore", "Everly", "Fairbanks", "Gallagher", "Hollister", "Ingersoll", "Jablonski", "Kowalczyk", "Lindqvist", "Montague", "Northcott", "Okafor", "Prendergast", "Ravenscroft", "Stanhope", "Tremblay", "Underhill"]
NEW_STREETS = ["14 Juniper Ln", "220 Bridle Path", "9 Saddle Ridge Rd", "77 Greenleaf St", "310 Old Bay Rd", "48 Orchard Hill Dr", "5 Tanager Way", "126 Millbrook Ave"]
NEW_TOWNS = ["Hudson", "Ashland", "Medway", "Grafton", "Northborough", "Holliston", "Southborough", "Upton"]
NEW_POOL = Pool(
    "new_clients",
    dev=[
        "new customer {first} {last} {phone} {street} {town} ma {trade}",
        "add a new lead: {first} {last}, cell {phone}, {street} in {town}, wants {trade}",
        "create a customer for {first} {last} - {phone} - {trade} - {street} {town} MA",
        "new client {first} {last} phone {phone} needs {trade}",
    ],
    heldout=["just got a call from {first} {last} at {phone}, {trade} quote, {street} {town}, put them in", "intake: {last}, {first}; {phone}; {trade}; {street}, {town} MA"],
)


def _phone_text(digits: str, rng: random.Random) -> str:
    a, b, c = digits[:3], digits[3:6], digits[6:]
    return rng.choice([f"{a}-{b}-{c}", f"({a}) {b}-{c}", f"{a} {b} {c}", f"{a}.{b}.{c}", digits])


def gen_new_clients(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    n_cases = 14 if split == "dev" else 6
    offset = 0 if split == "dev" else 14
    for n in range(n_cases):
        first = NEW_FIRST[(n + offset) % len(NEW_FIRST)]
        last = NEW_LAST[(n * 3 + offset) % len(NEW_LAST)]
        digits = f"{rng.choice(['508', '781', '978', '617'])}555{2000 + (n + offset) * 37:04d}"
        trade = rng.choice(["roofing", "siding", "gutters", "windows", "a new roof", "gutter guards"])
        tid, template = NEW_POOL.pick(split, rng)
        slots = {"first": first, "last": last, "phone": _phone_text(digits, rng), "street": rng.choice(NEW_STREETS), "town": rng.choice(NEW_TOWNS), "trade": trade}
        text = render(template, slots, rng)
        expect = {"agent": "new_clients", "contains": [first, last], "phone": digits}
        out.append(case("new_clients", tid, [turn(text, expect)], {"first_name": first, "last_name": last, "phone": digits}))
    return out


# --- bad_input ------------------------------------------------------------------------------

NO_FORM: dict[str, Any] = {"not_agent": ["new_clients"]}
SEED_PHONE_PREFIX = "555-01"  # every seed phone is NXX-555-01XX
JOB_NUMBER_PREFIXES = ["2602-", "2603-", "2605-", "2607-", "2608-", "2609-", "2610-", "2611-"]


def long_paste(kind: str, rng: random.Random) -> str:
    if kind == "digits":
        return "".join(rng.choice("0123456789") for _ in range(12_000))
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(12_000))


def gen_bad_input(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    if split == "dev":
        gibberish = ["asdfgh qwerty", "lkjhg fdsa;", "zzzzzz", "?", "jfjfjf kdkd"]
        focusless = ["and hers?", "what about him", "and the other one?"]
        nobody = ["whats the phone for gertrude vandersloot", "address for bartholomew quince?"]
        missing_jobs = ["status of job 9999", "whats the balance on #9999", "who's the rep on 1099"]
        pastes = ["digits", "letters"]
    else:
        gibberish = ["hjkl hjkl", "...", "qpwoeiruty"]
        focusless = ["and his email?", "same for her"]
        nobody = ["when is my next appt with ignatius fairweather"]
        missing_jobs = ["latest note on job 4321", "stage for 7777?"]
        pastes = ["digits", "letters"]
    out = []
    for n, text in enumerate(gibberish):
        out.append(case("bad_input", f"bad_input.gibberish/{split}/{n}", [turn(text, dict(NO_FORM))], {"kind": "gibberish"}))
    for n, text in enumerate(focusless):
        expect = {**NO_FORM, "not_contains": [SEED_PHONE_PREFIX]}
        out.append(case("bad_input", f"bad_input.focusless/{split}/{n}", [turn(render(text, {}, rng), expect)], {"kind": "nothing in focus"}))
    for n, text in enumerate(nobody):
        expect = {**NO_FORM, "not_contains": [SEED_PHONE_PREFIX]}
        out.append(case("bad_input", f"bad_input.nobody/{split}/{n}", [turn(render(text, {}, rng), expect)], {"kind": "unknown name"}))
    for n, text in enumerate(missing_jobs):
        number = re.search(r"\d{4}", text).group()  # type: ignore[union-attr]
        assert int(number) not in d.jobs
        expect = {**NO_FORM, "contains": [number], "not_contains": JOB_NUMBER_PREFIXES}
        out.append(case("bad_input", f"bad_input.missing_job/{split}/{n}", [turn(text, expect)], {"kind": "unknown job", "job": int(number)}))
    for kind in pastes:
        expect = {**NO_FORM, "max_seconds": 5.0}
        out.append(case("bad_input", f"bad_input.paste/{split}/{kind}", [turn(long_paste(kind, rng), expect)], {"kind": f"12,000 {kind}"}))
    return out


# ------------------------------------------------------------------------------------------
# conversations
# ------------------------------------------------------------------------------------------

YES = {"dev": ["yes", "yes", "yep", "go ahead", "yes pls", "ok do it"], "heldout": ["yes", "yeah", "sure go ahead", "confirm", "yup do it"]}
CANCEL = {
    "dev": ["wait, cancel that", "actually never mind", "nah hold off", "no"],
    "heldout": ["scratch that", "no dont", "hold on, dont do that", "forget it"],
}
WRITE_CLAIMS = ["done:", "added to job", "has been added", "moved to", "booked for", "now in"]


def _customer_groups(d: Data) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    by_last: dict[str, list[int]] = defaultdict(list)
    by_first: dict[str, list[int]] = defaultdict(list)
    for cid, c in sorted(d.customers.items()):
        by_last[c["last_name"]].append(cid)
        by_first[c["first_name"]].append(cid)
    return ({k: v for k, v in by_last.items() if len(v) > 1}, {k: v for k, v in by_first.items() if len(v) > 1})


def _conversation_customers(d: Data, split: str) -> list[int]:
    """Customers for follow-up, topic-switch and write conversations of a split: dev uses the
    dev customers, held-out its own."""
    return split_customers(d, split)


def _fact_turn(d: Data, kind: str, cid: int, jid: int | None) -> dict[str, Any] | None:
    c = d.customers[cid]
    if kind == "phone":
        return {**CRM, "phone": c["phones"][0]["number"]}
    if kind == "email":
        return {**CRM, "contains": [c["email"]]}
    if kind == "address":
        return {**CRM, "contains": [c["address"]["address"]]}
    if kind == "next":
        a = d.next_appointment(jid=jid) if jid else d.next_appointment(cid=cid)
        if a is None:
            return None
        day, time = _at(a)
        return {**CRM, "date": day, "time": time}
    assert jid is not None
    if kind == "stage":
        return {**CRM, "contains": [d.stage(jid)]}
    if kind == "rep":
        return {**CRM, "contains": [d.rep(jid)]}
    if kind == "note":
        notes = d.notes_of(jid)
        return {**CRM, "contains": [_note_phrase(notes[0]["note"])]} if notes else None
    facts = d.money_facts(jid)
    if kind == "balance":
        return money_expect("balance", facts["balance"]) if d.fully_invoiced(jid) else None
    if kind in facts:
        return money_expect(kind, facts[kind])
    return None


FOLLOW_FIRST = {
    "dev": {
        "phone": ["whats {pname} number", "pull up {name}, need the phone"],
        "stage": ["whats the status on {job}", "where are we with {job}"],
        "job": ["pull up {job}", "look up {job} for me"],
    },
    "heldout": {
        "phone": ["get me {name} on the phone, whats the number"],
        "stage": ["what stage did {job} get to"],
        "job": ["open {job}"],
    },
}
FOLLOW_NEXT = {
    "dev": {
        "email": ["and {pos} email?", "email too"],
        "address": ["where do they live", "and {pos} address"],
        "rep": ["who's the rep there", "whos the rep on it"],
        "balance": ["what does {subj} owe", "hows {pos} balance look"],
        "paid": ["how much has {subj} paid so far"],
        "contract": ["what did it sell for"],
        "next": ["whens {pos} next appt", "when are we out there next"],
        "note": ["whats the latest note", "last note on it?"],
        "stage": ["what stage is it in"],
        "phone": ["whats {pos} number"],
    },
    "heldout": {
        "email": ["got an email for {obj}?"],
        "address": ["whats the street address there"],
        "rep": ["and which rep has it"],
        "balance": ["anything still outstanding"],
        "paid": ["collected anything yet?"],
        "contract": ["contract amount on that one?"],
        "next": ["next visit with {obj}?"],
        "note": ["newest note there?"],
        "stage": ["and where is that one at"],
        "phone": ["number for {obj}?"],
    },
}
OTHER_JOB = {"dev": ["and the {trade} job?", "what about the {trade}"], "heldout": ["how about {pos} {trade} one"]}


def _pron_slots(d: Data, cid: int) -> dict[str, str]:
    subj, obj, pos = d.pronouns(cid)
    return {"subj": subj, "obj": obj, "pos": pos}


def gen_followup(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    customers = _conversation_customers(d, split)
    rng.shuffle(customers)
    target = 24 if split == "dev" else 8
    n = 0
    for cid in customers * 3:
        if len(out) >= target:
            break
        n += 1
        jobs = d.jobs_of(cid)
        jid = rng.choice(jobs)["id"]
        pron = _pron_slots(d, cid)
        pattern = ["contact", "job", "job", "other_job"][n % 4]
        turns: list[dict[str, Any]] = []
        if pattern == "contact":
            name = rng.choice(customer_name_refs(d, cid))
            template = rng.choice(FOLLOW_FIRST[split]["phone"])
            turns.append(turn(render(template, {"name": name, "pname": possessive(name)}, rng), _fact_turn(d, "phone", cid, None)))
            kinds = ["email", "address"] + (["next"] if d.next_appointment(cid=cid) else [])
            kind = rng.choice(kinds)
            expect = _fact_turn(d, kind, cid, None)
            turns.append(turn(render(rng.choice(FOLLOW_NEXT[split][kind]), pron, rng), expect))
            subject = {"customer_id": cid}
        elif pattern == "job":
            first = rng.choice(["stage", "job"])
            template = rng.choice(FOLLOW_FIRST[split][first])
            turns.append(turn(render(template, {"job": job_ref(d, jid, rng)}, rng), _fact_turn(d, "stage", cid, jid)))
            kinds = [k for k in ("rep", "balance", "paid", "contract", "next", "note") if _fact_turn(d, k, cid, jid)]
            for kind in rng.sample(kinds, min(len(kinds), 2 if rng.random() < 0.5 else 1)):
                turns.append(turn(render(rng.choice(FOLLOW_NEXT[split][kind]), pron, rng), _fact_turn(d, kind, cid, jid)))
            subject = {"customer_id": cid, "job_id": jid}
        else:
            if len(jobs) < 2:
                continue
            a, b = rng.sample(jobs, 2)
            trade_b = d.main_trade(b["id"])
            if len(d.jobs_by_customer_trade(cid, trade_b)) != 1 or trade_b in d.trades(a["id"]):
                continue
            turns.append(turn(render(rng.choice(FOLLOW_FIRST[split]["stage"]), {"job": job_ref(d, a["id"], rng)}, rng), _fact_turn(d, "stage", cid, a["id"])))
            slots = {**pron, "trade": TRADE_WORDS[trade_b][0]}
            turns.append(turn(render(rng.choice(OTHER_JOB[split]), slots, rng), _fact_turn(d, "stage", cid, b["id"])))
            subject = {"customer_id": cid, "job_id": a["id"], "other_job_id": b["id"]}
        if any(t.get("expect") is None for t in turns):
            continue
        out.append(case("followup", f"followup.{pattern}/{split}", turns, subject))
    return out


CLARIFY_FIRST = {
    "dev": {
        "phone": ["whats {pname} phone", "number for {name}"],
        "email": ["email for {name}?"],
        "rep": ["who's {pname} rep"],
        "stage": ["whats the status on {pname} job", "where is {name} at"],
    },
    "heldout": {
        "phone": ["can i get a phone # for {name}"],
        "email": ["need {pname} email"],
        "rep": ["which rep has {name}"],
        "stage": ["hows {pname} project going, what stage"],
    },
}
REPLY = {
    "dev": {"first": "{x}", "last": "{x}", "town": "the one in {x}", "trade": "the {x} one", "job": "job {x}", "ordinal": "the second one"},
    "heldout": {"first": "i meant {x}", "last": "{x} i think", "town": "{x}", "trade": "the {x}", "job": "#{x}", "ordinal": "2nd one"},
}


def gen_clarify(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    """An ambiguous name, Hard-E asks which, the rep answers, the first question is answered."""
    by_last, by_first = _customer_groups(d)
    lasts = sorted(by_last)
    firsts = sorted(by_first)
    # groups split between dev and held-out so the held-out names are new
    dev_lasts, held_lasts = lasts[::3] + lasts[1::3], lasts[2::3]
    dev_firsts, held_firsts = firsts[::2], firsts[1::2]
    use_lasts = dev_lasts if split == "dev" else held_lasts
    use_firsts = dev_firsts if split == "dev" else held_firsts
    out: list[dict[str, Any]] = []
    groups: list[tuple[str, str, list[int]]] = [("last", k, by_last[k]) for k in use_lasts] + [("first", k, by_first[k]) for k in use_firsts]
    for n, (axis, said, group) in enumerate(groups * 2):
        kind = ["phone", "email", "rep", "phone"][n % 4]
        if kind == "rep" and len({d.customers[c]["rep_id"] for c in group}) == 1:
            kind = "email"  # the same rep for all: the question would not need a choice
        template = rng.choice(CLARIFY_FIRST[split][kind])
        first_text = render(template, {"name": said, "pname": possessive(said)}, rng)
        key = "first_name" if axis == "last" else "last_name"
        options = [d.customers[c][key] for c in group]
        # how to say which: by the other half of the name, the town, a trade, a job number, or "the second one"
        chosen = group[n % len(group)]
        ways = ["other", "job", "ordinal"]
        towns = [d.customers[c]["address"]["city"] for c in group]
        if towns.count(d.customers[chosen]["address"]["city"]) == 1:
            ways.append("town")
        own_trades = {t for j in d.jobs_of(chosen) for t in d.trades(j["id"]) if t in MAIN_TRADES}
        others = {t for c in group if c != chosen for j in d.jobs_of(c) for t in d.trades(j["id"])}
        unique_trades = sorted(own_trades - others)
        if unique_trades:
            ways.append("trade")
        way = ways[n % len(ways)]

        def fact(cid: int, kind: str = kind) -> dict[str, Any]:
            if kind == "rep":
                return {**CRM, "contains": [d.user_full(d.customers[cid]["rep_id"])]}
            return _fact_turn(d, kind, cid, None) or {}

        if way == "ordinal":
            reply = REPLY[split]["ordinal"]
            expect: dict[str, Any] = {"choice": {"index": 2, "options": [{"find": [d.customers[c][key]], "expect": fact(c)} for c in group]}}
        else:
            if way == "other":
                value = d.customers[chosen][key]
                reply = REPLY[split]["first" if key == "first_name" else "last"].format(x=value)
            elif way == "town":
                reply = REPLY[split]["town"].format(x=d.customers[chosen]["address"]["city"])
            elif way == "trade":
                reply = REPLY[split]["trade"].format(x=TRADE_WORDS[unique_trades[0]][0])
            else:
                reply = REPLY[split]["job"].format(x=d.jobs_of(chosen)[0]["id"])
            reply = render(reply, {}, rng, noise=False).lower()
            expect = fact(chosen)
        turns = [turn(first_text, {"asks": options}), turn(reply, expect)]
        out.append(case("clarify", f"clarify.{axis}.{way}/{split}", turns, {"said": said, "customer_ids": group, "chosen": chosen if way != "ordinal" else None, "field": kind}))
    # one customer, several jobs: which job?
    customers = _conversation_customers(d, split)
    for cid in customers:
        jobs = d.jobs_of(cid)
        if len(jobs) < 2:
            continue
        trades = [set(d.trades(j["id"])) & set(MAIN_TRADES) for j in jobs]
        # what tells the options apart: the job number, and a trade only this job has
        labels = [
            [str(j["id"]), *sorted(TRADE_WORDS[t][0] for t in ts if sum(t in other for other in trades) == 1)]
            for j, ts in zip(jobs, trades, strict=True)
        ]
        name = rng.choice(customer_name_refs(d, cid))
        template = rng.choice(CLARIFY_FIRST[split]["stage"])
        first_text = render(template, {"name": name, "pname": possessive(name)}, rng)
        asks = labels
        index = rng.randrange(len(jobs))
        chosen_job = jobs[index]
        own = trades[index] - set().union(*(t for i, t in enumerate(trades) if i != index))
        if own and rng.random() < 0.6:
            reply = REPLY[split]["trade"].format(x=TRADE_WORDS[sorted(own)[0]][0])
            expect = {**CRM, "contains": [d.stage(chosen_job["id"])]}
        elif rng.random() < 0.5:
            reply = REPLY[split]["job"].format(x=chosen_job["id"])
            expect = {**CRM, "contains": [d.stage(chosen_job["id"])]}
        else:
            reply = REPLY[split]["ordinal"]
            expect = {"choice": {"index": 2, "options": [{"find": label, "expect": {**CRM, "contains": [d.stage(j["id"])]}} for j, label in zip(jobs, labels, strict=True)]}}
        turns = [turn(first_text, {"asks": asks}), turn(reply, expect)]
        out.append(case("clarify", f"clarify.job/{split}", turns, {"customer_id": cid, "job_ids": [j["id"] for j in jobs], "chosen_job": chosen_job["id"] if "choice" not in expect else None, "field": "stage"}))
    rng.shuffle(out)
    return out[: (20 if split == "dev" else 7)]


SWITCH_BACK = {
    "dev": {
        "balance": ["ok and whats {pos} balance", "ok back to {obj}, what does {subj} owe"],
        "rep": ["back to {obj} - who's the rep", "ok who's the rep on that job again"],
        "phone": ["ok what was {pos} number again"],
        "next": ["and whens {pos} next appt"],
    },
    "heldout": {
        "balance": ["right, and how much is {subj} still owing"],
        "rep": ["anyway, which rep is on {pos} job"],
        "phone": ["anyway whats {pos} cell"],
        "next": ["ok so when do we see {obj} next"],
    },
}
SWITCH_MIDDLE_DEV = [
    ("how do i handle a price objection", "OBJECTION_HANDLING/price_objection.md"),
    ("whats our deposit policy", "PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf"),
    ("whats in the preferred roof package", "PRICING_STRATEGIES/good_better_best_packages.md"),
    ("how do i handle the spouse not being there", "OBJECTION_HANDLING/spouse_not_present.md"),
    ("price of a bundle of hdz", "RF-SH-HDZ"),
    ("what financing do we offer", "PRICING_STRATEGIES/financing_programs.md"),
]
SWITCH_MIDDLE_HELDOUT = [
    ("quick one - what warranty do we give on workmanship", "PRODUCT_KNOWLEDGE/warranties.md"),
    ("how much is a vinyl double hung window", "WN-DH"),
    ("what do i say if they want to wait till spring", "OBJECTION_HANDLING/waiting_until_next_season.md"),
]


def gen_topic_switch(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    middles = SWITCH_MIDDLE_DEV if split == "dev" else SWITCH_MIDDLE_HELDOUT
    customers = _conversation_customers(d, split)
    rng.shuffle(customers)
    target = 12 if split == "dev" else 4
    for n, cid in enumerate(customers):
        if len(out) >= target:
            break
        jobs = [j["id"] for j in d.jobs_of(cid)]
        kind = ["balance", "rep", "phone", "next"][n % 4]
        jid = next((j for j in jobs if d.fully_invoiced(j)), None) if kind == "balance" else jobs[0]
        if kind == "balance" and jid is None:
            kind, jid = "rep", jobs[0]
        if kind == "next" and d.next_appointment(cid=cid) is None:
            kind = "phone"
        assert jid is not None
        if len(jobs) > 1 and kind in ("balance", "rep"):
            first = render(rng.choice(FOLLOW_FIRST[split]["stage"]), {"job": job_ref(d, jid, rng)}, rng)
            first_expect = _fact_turn(d, "stage", cid, jid)
        else:
            name = rng.choice(customer_name_refs(d, cid))
            first = render(rng.choice(FOLLOW_FIRST[split]["phone"]), {"name": name, "pname": possessive(name)}, rng)
            first_expect = _fact_turn(d, "phone", cid, None)
        middle_text, middle_ref = middles[n % len(middles)]
        if middle_ref in d.docs:
            middle_expect = knowledge_expect(d, middle_ref, None)
        else:
            middle_expect = {"agent": "pricing", "money": float(sku(d, middle_ref)["price"])}
        back = render(rng.choice(SWITCH_BACK[split][kind]), _pron_slots(d, cid), rng)
        back_expect = _fact_turn(d, kind, cid, jid if kind in ("balance", "rep") else None)
        turns = [turn(first, first_expect), turn(render(middle_text, {}, rng), middle_expect), turn(back, back_expect)]
        out.append(case("topic_switch", f"topic_switch.{kind}/{split}", turns, {"customer_id": cid, "job_id": jid, "middle": middle_ref}))
    return out


NOTE_TEXTS = {
    "dev": ["called, left vm", "homeowner wants to wait til spring", "sent revised quote w/ gutter guards", "customer asked about financing options", "spoke w/ wife, decision by friday", "dog in the yard, use side gate"],
    "heldout": ["texted the homeowner photos of the flashing", "neighbor referral, mention the smiths", "needs hoa approval before signing"],
}
NOTE_POOL = Pool(
    "write.note",
    dev=["add a note to {job}: {note}", "note on {job} - {note}", "log a note for {job}: {note}"],
    heldout=["put this on {job} as a note: {note}", "jot down on {job} that {note}"],
)
STAGE_CHANGE = {
    "dev": [("mark {job} lost", "Lost"), ("{job} signed, update it", "Contract Signed"), ("move {job} to follow up", "Follow Up"), ("set {job} to proposal sent", "Proposal Sent")],
    "heldout": [("{job} is dead, we lost it", "Lost"), ("change {job} to scheduled", "Scheduled"), ("they signed! update {job}", "Contract Signed")],
}
BOOK_WHEN = {
    "dev": [("thursday at 10", "2026-11-26T10:00"), ("tmrw at 2pm", "2026-11-24T14:00"), ("friday 9am", "2026-11-27T09:00"), ("dec 2 at 3pm", "2026-12-02T15:00"), ("wed at 11am", "2026-11-25T11:00")],
    "heldout": [("tomorrow at 10am", "2026-11-24T10:00"), ("12/4 at 1pm", "2026-12-04T13:00"), ("this friday at 3", "2026-11-27T15:00")],
}
BOOK_POOL = Pool(
    "write.book",
    dev=["put {akind} on the calendar for {job} {when}", "book {akind} for {job} {when}", "schedule {akind} w/ {job} {when} pls"],
    heldout=["can u set up {akind} for {job} {when}", "{when} {kind} for {job}, add it to the calendar"],
)
BOOK_KINDS = {"dev": [("inspection", "inspection"), ("estimate review", "estimate"), ("follow up visit", "follow")], "heldout": [("measure appt", "measure"), ("inspection", "inspection")]}


# The same writes with the job already in focus from an earlier turn ("mark it lost").
NOTE_FOCUS_POOL = Pool(
    "write.note.focus",
    dev=["add a note to it: {note}", "put a note on that one - {note}"],
    heldout=["log on that job: {note}"],
)
STAGE_CHANGE_FOCUS = {
    "dev": [("mark it lost", "Lost"), ("its signed, update it", "Contract Signed"), ("move it to follow up", "Follow Up")],
    "heldout": [("that one's dead, mark it lost", "Lost"), ("change it to scheduled", "Scheduled")],
}
BOOK_FOCUS_POOL = Pool(
    "write.book.focus",
    dev=["put {akind} on the calendar for {obj} {when}", "book {akind} there {when}"],
    heldout=["set up {akind} w/ {obj} {when}"],
)


def _open_jobs(d: Data, split: str) -> list[int]:
    return [j for j in split_jobs(d, split) if not d.jobs[j]["archived"] and d.stage(j) not in CLOSED_STAGES]


def _write_request(d: Data, split: str, rng: random.Random, kind: str, jid: int, *, in_focus: bool = False) -> tuple[str, str, dict[str, Any], str]:
    """(template id, text, crm_after check, word the confirmation answer should carry). With
    `in_focus` the job is not named: an earlier turn put it in focus."""
    ref = job_ref(d, jid, rng)
    focus = ".focus" if in_focus else ""
    if kind == "note":
        note = rng.choice(NOTE_TEXTS[split])
        tid, template = (NOTE_FOCUS_POOL if in_focus else NOTE_POOL).pick(split, rng)
        text = render(template, {"job": ref, "note": note}, rng)
        return tid, text, {"note_on_job": jid, "contains": note}, "note"
    if kind == "stage":
        options = [(t, s) for t, s in (STAGE_CHANGE_FOCUS if in_focus else STAGE_CHANGE)[split] if s != d.stage(jid)]
        template, stage = rng.choice(options)
        text = render(template, {"job": ref}, rng)
        return f"write.stage{focus}/{split}/{stage}", text, {"stage_of_job": jid, "stage": stage}, stage
    when, start = rng.choice(BOOK_WHEN[split])
    said, title = rng.choice(BOOK_KINDS[split])
    tid, template = (BOOK_FOCUS_POOL if in_focus else BOOK_POOL).pick(split, rng)
    article = "an" if said[0] in "aeiou" else "a"
    slots = {"job": ref, "when": when, "kind": said, "akind": f"{article} {said}", "obj": d.pronouns(d.jobs[jid]["customer_id"])[1]}
    text = render(template, slots, rng)
    return tid, text, {"appointment_on_job": jid, "start": start, "title_contains": title}, title


def _focus_turn(d: Data, split: str, rng: random.Random, jid: int) -> dict[str, Any]:
    """A look-up that puts the job in focus ("pull up 1042")."""
    text = render(rng.choice(FOLLOW_FIRST[split]["job"]), {"job": job_ref(d, jid, rng)}, rng)
    return turn(text, {**CRM, "contains": [d.stage(jid)]})


def gen_write(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    jobs = _open_jobs(d, split)
    rng.shuffle(jobs)
    target = 18 if split == "dev" else 6
    for n, jid in enumerate(jobs[:target]):
        kind = ["note", "stage", "book"][n % 3]
        in_focus = n % 2 == 1
        tid, text, check, word = _write_request(d, split, rng, kind, jid, in_focus=in_focus)
        yes = rng.choice(YES[split])
        turns = [turn(text), turn(yes, {"any_of": [word, "done", "added", "updated", "booked", "scheduled"], "not_agent": ["new_clients"]})]
        if in_focus:
            turns.insert(0, _focus_turn(d, split, rng, jid))
        out.append(case("write", tid, turns, {"job_id": jid, "kind": kind}, [check]))
    return out


def gen_called_off(d: Data, split: str, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    jobs = _open_jobs(d, split)
    rng.shuffle(jobs)
    target = 18 if split == "dev" else 6
    customers = _conversation_customers(d, split)
    for n, jid in enumerate(jobs[:target]):
        kind = ["note", "stage", "book"][n % 3]
        in_focus = n % 3 == 1
        tid, text, _check, _word = _write_request(d, split, rng, kind, jid, in_focus=in_focus)
        how = ["cancel", "cancel_then_yes", "unrelated_then_yes", "unrelated"][n % 4]
        turns = [_focus_turn(d, split, rng, jid), turn(text)] if in_focus else [turn(text)]
        subject: dict[str, Any] = {"job_id": jid, "kind": kind}
        no_claim = {"not_contains": WRITE_CLAIMS}
        if how.startswith("cancel"):
            turns.append(turn(rng.choice(CANCEL[split]), dict(no_claim)))
        else:
            other = rng.choice([c for c in customers if c != d.jobs[jid]["customer_id"]])
            subject["other_customer_id"] = other
            name = rng.choice(customer_name_refs(d, other))
            question = render(rng.choice(FOLLOW_FIRST[split]["phone"]), {"name": name, "pname": possessive(name)}, rng)
            turns.append(turn(question, {**_fact_turn(d, "phone", other, None), "not_contains": WRITE_CLAIMS}))  # type: ignore[dict-item]
        if how.endswith("yes"):
            turns.append(turn(rng.choice(YES[split]), dict(no_claim)))
        out.append(case("called_off", f"called_off.{how}/{tid}", turns, subject, [{"unchanged": True}]))
    return out


# ------------------------------------------------------------------------------------------
# the files
# ------------------------------------------------------------------------------------------

QUESTION_GENERATORS = [
    ("crm.contact", gen_contact),
    ("crm.status", gen_status),
    ("crm.rep", gen_rep),
    ("crm.money", gen_money),
    ("crm.dates", gen_dates),
    ("crm.calendar", gen_calendar),
    ("crm.rep_jobs", gen_rep_jobs),
    ("crm.stage_jobs", gen_stage_jobs),
    ("crm.notes", gen_notes),
    ("knowledge", gen_knowledge),
    ("analysis", gen_analysis),
    ("pricing", gen_pricing),
    ("web_search", gen_web),
    ("scripting", gen_scripting),
    ("new_clients", gen_new_clients),
    ("bad_input", gen_bad_input),
]
CONVERSATION_GENERATORS = [
    ("followup", gen_followup),
    ("clarify", gen_clarify),
    ("topic_switch", gen_topic_switch),
    ("write", gen_write),
    ("called_off", gen_called_off),
]


def build(d: Data | None = None) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """{split: {"questions": [...], "conversations": [...]}}."""
    d = d or load_data()
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for split in SPLITS:
        files: dict[str, list[dict[str, Any]]] = {"questions": [], "conversations": []}
        for kind, generators in (("questions", QUESTION_GENERATORS), ("conversations", CONVERSATION_GENERATORS)):
            for category, generate in generators:
                rng = random.Random(f"{SEED}/{split}/{category}")
                cases = generate(d, split, rng)
                for n, c in enumerate(cases, 1):
                    c["id"] = f"{split}/{category}/{n:03d}"
                files[kind].extend(cases)
        out[split] = files
    return out


def write(out_dir: Path, built: dict[str, dict[str, list[dict[str, Any]]]]) -> list[Path]:
    paths = []
    for split, files in built.items():
        for kind, cases in files.items():
            path = out_dir / split / f"{kind}.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8", newline="\n") as fh:
                for c in cases:
                    fh.write(json.dumps(c, ensure_ascii=False, sort_keys=False) + "\n")
            paths.append(path)
    return paths


def summary(built: dict[str, dict[str, list[dict[str, Any]]]]) -> str:
    lines = []
    for split, files in built.items():
        counts = Counter(c["category"] for cases in files.values() for c in cases)
        lines.append(f"{split}: {len(files['questions'])} questions, {len(files['conversations'])} conversations")
        lines.extend(f"  {cat:<16} {n}" for cat, n in sorted(counts.items()))
    return "\n".join(lines)



def write_split(out_dir: Path, split: str, built: dict[str, list[dict[str, Any]]]) -> list[Path]:
    """One dev set's files, `<out_dir>/<split>/<kind>.jsonl` (the later dev sets' builders write through this)."""
    paths = []
    for kind, cases in built.items():
        path = out_dir / split / f"{kind}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            for c in cases:
                fh.write(json.dumps(c, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def split_summary(split: str, built: dict[str, list[dict[str, Any]]]) -> str:
    counts = Counter(c["category"] for cases in built.values() for c in cases)
    lines = [f"{split}: {len(built['questions'])} questions, {len(built['conversations'])} conversations"]
    lines.extend(f"  {cat:<16} {n}" for cat, n in sorted(counts.items()))
    return "\n".join(lines)


# The later dev sets (build_dev2.py .. build_dev7.py) each write their own `gen_<name>`
# generators, one a category, run in this order; the rest of their builder is DevSet's.
DEV_SET_GENERATORS: dict[str, tuple[tuple[str, str], ...]] = {
    "questions": (
        ("crm.contact", "gen_contact"), ("crm.status", "gen_status"), ("crm.rep", "gen_rep"), ("crm.notes", "gen_notes"),
        ("crm.money", "gen_money"), ("crm.dates", "gen_dates"), ("crm.calendar", "gen_calendar"),
        ("crm.rep_jobs", "gen_rep_jobs"), ("crm.stage_jobs", "gen_stage_jobs"), ("knowledge", "gen_knowledge"),
        ("analysis", "gen_analysis"), ("pricing", "gen_pricing"), ("web_search", "gen_web"),
        ("scripting", "gen_scripting"), ("new_clients", "gen_new_clients"), ("bad_input", "gen_bad_input"),
    ),
    "conversations": (
        ("followup", "gen_followup"), ("clarify", "gen_clarify"), ("topic_switch", "gen_topic_switch"),
        ("write", "gen_write"), ("called_off", "gen_called_off"),
    ),
}


class DevSet:
    """One later dev set's builder: `build()` runs the module's generators (DEV_SET_GENERATORS,
    looked up in `namespace`, the module's globals) each with its own seeded random and numbers
    the cases; `write()` puts `<out>/<split>/<kind>.jsonl`; `main()` is the command line."""

    def __init__(self, split: str, seed: str, namespace: dict[str, Any], default_out: Path, doc: str | None) -> None:
        self.split, self.seed, self.namespace, self.default_out, self.doc = split, seed, namespace, default_out, doc

    def build(self, d: Data | None = None) -> dict[str, list[dict[str, Any]]]:
        """{"questions": [...], "conversations": [...]}."""
        d = d or load_data()
        files: dict[str, list[dict[str, Any]]] = {"questions": [], "conversations": []}
        for kind, generators in DEV_SET_GENERATORS.items():
            for category, name in generators:
                rng = random.Random(f"{self.seed}/{category}")
                cases = self.namespace[name](d, rng)
                for n, c in enumerate(cases, 1):
                    c["id"] = f"{self.split}/{category}/{n:03d}"
                files[kind].extend(cases)
        return files

    def write(self, out_dir: Path, built: dict[str, list[dict[str, Any]]]) -> list[Path]:
        return write_split(out_dir, self.split, built)

    def summary(self, built: dict[str, list[dict[str, Any]]]) -> str:
        return split_summary(self.split, built)

    def main(self, argv: list[str] | None = None) -> None:
        parser = argparse.ArgumentParser(description=(self.doc or "").splitlines()[0])
        parser.add_argument("--out", type=Path, default=self.default_out)
        args = parser.parse_args(argv)
        built = self.build()
        self.write(args.out, built)
        print(self.summary(built))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    built = build()
    write(args.out, built)
    print(summary(built))


if __name__ == "__main__":
    main()
