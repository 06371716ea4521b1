"""The generators of build_dev10.py, which build_dev11.py .. build_dev13.py run too: each of
those sets keeps its own phrasings, and the sizes of its parts (SIZES, a `Sizes`), as constants
in its own module and passes the module (`generators(module)`); the cases, and every fact they
expect, are worked out here from data/demo the same way for every set.

What a set module holds: SPLIT, `say` (how its reps type), `Turns` (its templates taken in turn),
its ways of naming a job (REF_STYLES, NUMBER_STYLES, refs_of, styled, job_ref, cust_ref: build_dev9's
unless it has its own), the phrasing tables the generators below name (ASK, STAGE_ASK, ...,
WHEN_TYPED, MOVE_SAID), WHICH_JOB, GIBBERISH, FOCUSLESS, MISSING_JOB, DIRECT_TARGETS and SIZES.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import random
import string
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from tests.understanding.eval import build_dev3 as d3
from tests.understanding.eval import build_dev4 as d4
from tests.understanding.eval import build_dev5 as d5
from tests.understanding.eval import build_dev8 as d8
from tests.understanding.eval import build_dev9 as d9
from tests.understanding.eval import build_eval as be
from tests.understanding.eval import dev_shared as ds
from tests.understanding.eval import dev_writer as dw
from tests.understanding.eval.build_dev5 import (
    STAGE_FROM,
    WORD,
    busy,
    cid_of,
    done,
    fact,
    job_labels,
    live_jobs_of,
    possessive,
    pron,
    trades_of,
)
from tests.understanding.eval.build_dev8 import JOB_KINDS, VISIT_WORD, docs_with, second_kinds
from tests.understanding.eval.build_eval import CRM, NO_FORM, WRITE_CLAIMS, Data, case, turn

Cases = list[dict[str, Any]]
Generator = Callable[[Data, random.Random], Cases]

KINDS = d9.KINDS
NO_CLAIM: dict[str, Any] = {"not_contains": WRITE_CLAIMS}


@dataclass(frozen=True)
class Sizes:
    """How many cases of each part a set has (the defaults are dev10's and dev11's)."""

    # the field each contact question asks, in turn
    contact: tuple[str, ...]
    # a look-up then questions pointing back; the same customer's other job; a detour and back
    followups: int
    topic_switches: int
    # writes named in the request (the style of naming the k-th takes: `direct_style(k, styles)`)
    direct: int
    direct_style: Callable[[int, int], int]
    after_lookup: int
    after_two_lookups: int
    after_detour: int
    two_writes: int
    time_fixes: int
    # writes called off: then a yes; after a look-up; a word of thanks, then a yes; a move; left off
    off_yes: int
    off_after_lookup: int
    off_ok_yes: int
    moves: int
    off: int
    status: int = 10
    rep: int = 6
    notes: int = 5
    money: dict[str, int] = dataclasses.field(default_factory=lambda: {"balance": 3, "contract": 3, "deposit": 2, "proposal": 2})
    dates: tuple[int, int, int] = (3, 3, 2)
    scripts: int = 3
    other_jobs: int = 4
    new_requests: int = 4
    off_after_fix: int = 2


def subjects(m: ModuleType) -> str:
    """The split whose customers a set's cases are about: the module's SUBJECTS, "dev" unless it
    says otherwise (build_heldout2 says "heldout")."""
    return str(getattr(m, "SUBJECTS", "dev"))


def customers(d: Data, split: str = "dev") -> list[int]:
    return be.split_customers(d, split)


def jobs(d: Data, split: str = "dev") -> list[int]:
    people = set(customers(d, split))
    return sorted(j for j, job in d.jobs.items() if job["customer_id"] in people)


def live_jobs(d: Data, split: str = "dev") -> list[int]:
    return [j for j in jobs(d, split) if not d.jobs[j]["archived"]]


def open_jobs(d: Data, split: str = "dev") -> list[int]:
    return [j for j in live_jobs(d, split) if d.stage(j) not in be.CLOSED_STAGES]


def name_slots(m: ModuleType, d: Data, cid: int, rng: random.Random) -> dict[str, str]:
    name = m.cust_ref(d, cid, rng)
    return {"name": name, "pname": possessive(name)}


def gen_contact(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    out = []
    pool = customers(d, subjects(m))
    rng.shuffle(pool)
    kinds = m.SIZES.contact
    homes = [c for c in pool if d3.fact(d, "home", c) is not None][: kinds.count("home")]
    others = [c for c in pool if c not in homes]
    for kind in kinds:
        cid = homes.pop(0) if kind == "home" else others.pop(0)
        tid, template = m.ASK[kind].pick(rng)
        out.append(case("crm.contact", tid, [turn(m.say(template, name_slots(m, d, cid, rng), rng), fact(d, kind, cid))], {"customer_id": cid, "field": kind}))
    return out


def gen_status(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    return ds.job_cases(d, rng, "crm.status", m.STAGE_ASK, m.say, m.job_ref, jobs(d, subjects(m)), m.SIZES.status, lambda jid: ({**CRM, "contains": [d.stage(jid)]}, {"job_id": jid}), keep=lambda j: not d.jobs[j]["archived"])


def gen_rep(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    return ds.job_cases(d, rng, "crm.rep", m.REP_ASK, m.say, m.job_ref, live_jobs(d, subjects(m)), m.SIZES.rep, lambda jid: ({**CRM, "contains": [d.rep(jid)]}, {"job_id": jid}))


def gen_notes(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    def ask(jid: int) -> tuple[dict[str, Any], dict[str, Any]]:
        note = d.notes_of(jid)[0]
        return {**CRM, "contains": [be._note_phrase(note["note"])]}, {"job_id": jid, "note_id": note["id"]}

    return ds.job_cases(d, rng, "crm.notes", m.NOTE_ASK, m.say, m.job_ref, [j for j in live_jobs(d, subjects(m)) if d.notes_of(j)], m.SIZES.notes, ask)


def gen_money(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    out = []
    for kind, quota in m.SIZES.money.items():
        pool = [j for j in jobs(d, subjects(m)) if not d.jobs[j]["archived"] and kind in d.money_facts(j) and d3.fact(d, kind, cid_of(d, j), j)]
        for jid in rng.sample(pool, min(quota, len(pool))):
            tid, template = m.MONEY_ASK[kind].pick(rng)
            out.append(case("crm.money", tid, [turn(m.say(template, {"job": m.job_ref(d, jid, rng)}, rng), fact(d, kind, cid_of(d, jid), jid))], {"job_id": jid, "field": kind}))
    return out


def gen_dates(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    split = subjects(m)
    pools = (jobs(d, split), live_jobs(d, split), customers(d, split))
    return ds.dates_cases(d, rng, (m.INSTALL_ASK, m.NEXT_JOB_ASK, m.NEXT_ASK), m.say, m.job_ref, functools.partial(name_slots, m), pools, m.SIZES.dates)


def gen_calendar(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    out = []
    for n, (first, last, uid, kind, template) in enumerate(m.CALENDAR_ASKS):
        appts = d8.calendar_of(d, first, last, uid, kind)
        subject: dict[str, Any] = {"from": first, "to": last, "user_id": uid}
        if kind:
            subject["title_has"] = kind
        out.append(case("crm.calendar", f"{m.SPLIT}:crm.calendar/{n}", [turn(m.say(template, {"kind": kind or ""}, rng), be.calendar_expect(d, appts))], subject))
    return out


def gen_rep_jobs(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    return ds.rep_jobs_cases(d, rng, m.SPLIT, m.REP_OPEN, m.say, counting=("how many", "count"))


def gen_stage_jobs(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    return ds.stage_jobs_cases(d, rng, m.SPLIT, m.STAGE_LISTS, m.say)


def gen_knowledge(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    out = []
    for n, (doc, question, phrase) in enumerate(m.PLAYBOOK):
        where = docs_with(d, phrase)
        assert doc in where, (doc, phrase)
        also = [p for p in where if p != doc]
        subject: dict[str, Any] = {"doc": doc, "phrase": phrase}
        if also:
            subject["also"] = also
        out.append(case("knowledge", f"{m.SPLIT}:knowledge/{doc}#{n}", [turn(m.say(question, {}, rng), d3.knowledge_expect(d, doc, phrase, also))], subject))
    return out


def gen_analysis(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    return ds.analysis_cases(d, rng, m.SPLIT, m.CALL_FIGURES, m.say)


def gen_pricing(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    out = ds.catalog_cases(d, rng, m.SPLIT, m.CATALOG_ASKS, m.say)
    out += ds.total_cases(d, rng, m.SPLIT, m.CATALOG_TOTALS, m.say)
    out += ds.bundle_cases(d, rng, m.SPLIT, m.CATALOG_SQUARES, m.say)
    return out + ds.roof_cases(d, rng, m.SPLIT, m.ROOFS, m.say)


def gen_web(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    return [case("web_search", f"{m.SPLIT}:web_search/{n}", [turn(m.say(t, {}, rng), {"agent": "web_search", "not_contains": d4.INVENTED})], {}) for n, t in enumerate(m.WEB_ASKS)]


def gen_scripting(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    return ds.scripting_cases(d, rng, m.SCRIPT_ASKS, m.say, customers(d, subjects(m)), m.cust_ref, many=m.SIZES.scripts)


def gen_new_clients(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    out = []
    for n, (first, last) in enumerate(m.NEW_PEOPLE):
        assert not any(c["first_name"] == first or c["last_name"] == last for c in d.customers.values())
        digits = f"{['774', '508', '978'][n % 3]}555{8420 + n * 37:04d}"
        email = f"{first.lower()}.{last.lower()}@{['gmail', 'comcast', 'yahoo'][n % 3]}.{'net' if n % 3 == 1 else 'com'}"
        trade_said, trade_word = m.NEW_TRADES[n % len(m.NEW_TRADES)]
        street, town = m.NEW_STREETS[n], m.NEW_TOWNS[n]
        tid, template = m.NEW_CARDS.pick(rng)
        slots = {"first": first, "last": last, "phone": be._phone_text(digits, rng), "email": email, "street": street, "town": town, "trade": trade_said}
        used = {name for _lit, name, _s, _c in string.Formatter().parse(template) if name}
        text = m.say(template, slots, rng)
        carried = {"email": email, "street": street.rsplit(" ", 1)[0], "town": town, "trade": trade_word}
        expect = {"agent": "new_clients", "contains": [first, last, *(carried[k] for k in ("email", "street", "town", "trade") if k in used)], "phone": digits}
        out.append(case("new_clients", tid, [turn(text, expect)], {"first_name": first, "last_name": last, "phone": digits, "fields": sorted(used)}))
    return out


def gen_bad_input(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    out = [case("bad_input", f"{m.SPLIT}:bad_input.gibberish/0", [turn(m.GIBBERISH, dict(NO_FORM))], {"kind": "gibberish"})]
    out.append(case("bad_input", f"{m.SPLIT}:bad_input.focusless/0", [turn(m.FOCUSLESS, {**NO_FORM, **NO_CLAIM})], {"kind": "nothing in focus"}))
    job, text = m.MISSING_JOB
    assert job not in d.jobs and not any(j["number"].endswith(f"-{job}") for j in d.jobs.values())
    out.append(case("bad_input", f"{m.SPLIT}:bad_input.missing_job/0", [turn(text, {**NO_FORM, "contains": [str(job)], "not_contains": [*WRITE_CLAIMS, *be.JOB_NUMBER_PREFIXES]})], {"kind": "unknown job", "job": job}))
    return out


def lookup(m: ModuleType, d: Data, jid: int, rng: random.Random, ref: str | None = None) -> dict[str, Any]:
    """A look-up that puts the job in focus; the answer must carry its stage."""
    return turn(m.say(rng.choice(m.LOOKUP), {"ref": ref or m.job_ref(d, jid, rng)}, rng), {**CRM, "contains": [d.stage(jid)]})


def second(m: ModuleType, d: Data, jid: int, rng: random.Random, kind: str) -> dict[str, Any]:
    cid = cid_of(d, jid)
    return turn(m.say(rng.choice(m.SECOND[kind]), pron(d, cid), rng), fact(d, kind, cid, jid if kind in JOB_KINDS else None))


def gen_followup(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    out = []
    pool = [j for j in live_jobs(d, subjects(m)) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    # a look-up, then two or three questions that point back
    for n, jid in enumerate(pool[: m.SIZES.followups]):
        kinds = second_kinds(d, jid)
        picked = [kinds[(n + k) % len(kinds)] for k in range(2 + n % 2)]
        turns = [lookup(m, d, jid, rng), *(second(m, d, jid, rng, k) for k in picked)]
        out.append(case("followup", f"{m.SPLIT}:followup.{'_'.join(picked)}", turns, {"customer_id": cid_of(d, jid), "job_id": jid}))
    # one of a customer's two jobs, then "the other job" / "the gutters one", then who has it
    two = [c for c in customers(d, subjects(m)) if len(live_jobs_of(d, c)) == 2 and len(d.jobs_of(c)) == 2 and len({d.main_trade(j) for j in live_jobs_of(d, c)}) == 2]
    rng.shuffle(two)
    for n, cid in enumerate(two[: m.SIZES.other_jobs]):
        a, b = live_jobs_of(d, cid)
        if n % 2:
            a, b = b, a
        trade = d.main_trade(b)
        assert len(d.jobs_by_customer_trade(cid, trade)) == 1 and trade not in d.trades(a)
        other = turn(m.say(m.OTHER_JOB[n % len(m.OTHER_JOB)], {**pron(d, cid), "trade": WORD[trade]}, rng), {**CRM, "contains": [d.stage(b)]})
        rep = turn(m.say(m.ON_OTHER[n % len(m.ON_OTHER)], {}, rng), fact(d, "rep", cid, b))
        first = lookup(m, d, a, rng, m.refs_of(d, a)["num"] if n % 2 else m.refs_of(d, a)["hash"])
        out.append(case("followup", f"{m.SPLIT}:followup.other_job", [first, other, rep], {"customer_id": cid, "job_id": a, "other_job_id": b}))
    return out


def gen_clarify(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    by_last, by_first = be._customer_groups(d)
    lasts = {k.lower(): v for k, v in by_last.items()}
    firsts = {k.lower(): v for k, v in by_first.items()}
    out: list[dict[str, Any]] = []
    for n, (said, chosen, field, how) in enumerate(m.WHICH):
        group = lasts.get(said) or firsts[said]
        key = "first_name" if said in lasts else "last_name"
        text = m.say(m.WHICH_FIRST[field][n % len(m.WHICH_FIRST[field])], {"said": said}, rng)
        options = [d.customers[c][key] for c in group]
        expect = d8.clarify_fact(d, field, chosen)
        subject: dict[str, Any] = {"said": said, "customer_ids": group, "chosen": chosen, "field": field}
        if how == "trade":
            own = [t for t in {t for j in d.jobs_of(chosen) for t in trades_of(d, j["id"])} if not any(t in trades_of(d, j["id"]) for o in group if o != chosen for j in d.jobs_of(o))]
            assert len(own) == 1, (said, own)
            reply = m.say(m.BY_TRADE[n % len(m.BY_TRADE)], {"trade": WORD[own[0]]}, rng)
            subject["reply"] = {"trade": own[0]}
        elif how == "town":
            town = d.customers[chosen]["address"]["city"]
            assert sum(d.customers[o]["address"]["city"] == town for o in group) == 1, (said, town)
            reply = m.say(m.BY_TOWN[n % len(m.BY_TOWN)], {"town": town.lower()}, rng)
            subject["reply"] = {"town": town}
        elif how.startswith("ordinal:"):
            index = int(how.split(":")[1])
            # a choice checks every option: all of them the set's own customers
            ours = set(group) <= be.HELDOUT_CUSTOMERS if subjects(m) == "heldout" else not set(group) & be.HELDOUT_CUSTOMERS
            assert index <= len(group) and ours, said
            reply = m.ORDINAL_SAID[index]
            expect = {"choice": {"index": index, "options": [{"find": [d.customers[c][key]], "expect": d8.clarify_fact(d, field, c)} for c in group]}}
            subject["chosen"] = None
        else:
            assert d.customers[chosen][key].lower() == how, (said, how)
            reply = how
        out.append(case("clarify", f"{m.SPLIT}:clarify.{field}", [turn(text, {"asks": options}), turn(reply, expect)], subject))
    # one customer, two jobs: which one? answered by the job number
    for cid, template in m.WHICH_JOB:
        ids = live_jobs_of(d, cid)
        jid = ids[1]
        turns = [turn(m.say(template, name_slots(m, d, cid, rng), rng), {"asks": job_labels(d, cid)}), turn(f"#{jid}", {**CRM, "contains": [d.stage(jid)]})]
        out.append(case("clarify", f"{m.SPLIT}:clarify.job.number", turns, {"customer_id": cid, "job_ids": ids, "chosen_job": jid, "field": "stage"}))
    return out


def detour(m: ModuleType, d: Data, rng: random.Random, n: int) -> tuple[dict[str, Any], str, str | None]:
    text, ref, phrase = m.DETOURS[n % len(m.DETOURS)]
    return turn(m.say(text, {}, rng), d8.detour_expect(d, ref, phrase)), ref.removeprefix("pricing:"), phrase


def gen_topic_switch(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    out = []
    pool = [j for j in live_jobs(d, subjects(m)) if len(d.jobs_of(cid_of(d, j))) == 1]
    rng.shuffle(pool)
    for n, jid in enumerate(pool[: m.SIZES.topic_switches]):
        cid = cid_of(d, jid)
        kinds = second_kinds(d, jid)
        kind = kinds[n % len(kinds)]
        middle, ref, phrase = detour(m, d, rng, n)
        back = turn(m.say(m.BACK[kind], pron(d, cid), rng), fact(d, kind, cid, jid if kind in JOB_KINDS else None))
        out.append(case("topic_switch", f"{m.SPLIT}:topic_switch.{kind}", [lookup(m, d, jid, rng), middle, back], {"customer_id": cid, "job_id": jid, "middle": [ref], "phrase": [phrase]}))
    return out


class Writer(dw.Writer):
    """dev_writer's writer on the set's words and the dev customers' jobs (drawn, as build_dev9's
    writer drew them, after a shuffle of build_dev5's open jobs; the held-out customers' jobs for a
    set whose SUBJECTS are "heldout")."""

    def __init__(self, m: ModuleType, d: Data, rng: random.Random, offset: int = 0) -> None:
        super().__init__(m, d, rng, offset, d5.open_jobs(d))
        self.split = subjects(m)
        self.pool = open_jobs(d, self.split)
        rng.shuffle(self.pool)

    def live_jobs(self) -> list[int]:
        return live_jobs(self.d, self.split)


def stage_ok(m: ModuleType, d: Data, jid: int) -> bool:
    return any(d.stage(jid) in STAGE_FROM[s] for _t, s in m.STAGE_HERE)


def which_reply(m: ModuleType, d: Data, cid: int, jid: int, how: str) -> tuple[str, str]:
    """(how, reply) naming one of a customer's jobs: by its own trade, its number or its stage."""
    others = [j for j in live_jobs_of(d, cid) if j != jid]
    own = [t for t in trades_of(d, jid) if not any(t in trades_of(d, o) for o in others)]
    if how == "trade" and not own:
        how = "number"
    if how == "stage" and any(d.stage(o) == d.stage(jid) for o in others):
        how = "number"
    x = {"trade": WORD[own[0]] if own else "", "number": f"#{jid}", "stage": d.stage(jid).lower()}[how]
    return how, m.WHICH_REPLY[how].format(x=x)


def two_open_job_customers(d: Data, stage: str | None = None, split: str = "dev") -> list[int]:
    """build_dev8's customers with two or more open jobs (every live job open, each in a stage
    that can move to `stage`, if given), the split's customers alone."""
    out = []
    for c in customers(d, split):
        ids = live_jobs_of(d, c)
        if len(ids) >= 2 and all(d.stage(j) not in be.CLOSED_STAGES for j in ids) and (stage is None or all(d.stage(j) in STAGE_FROM[stage] for j in ids)):
            out.append(c)
    return out


def two_trade_pairs(d: Data, split: str = "dev") -> list[tuple[int, int, str, str]]:
    """build_dev8's pairs (job meant, job said first, its trade word, the other's) of a customer's
    two live jobs of trades only each of them has, the split's customers alone."""
    out = []
    for cid in customers(d, split):
        ids = live_jobs_of(d, cid)
        for a in ids:
            for b in ids:
                ta, tb = trades_of(d, a), trades_of(d, b)
                if a != b and len(ta) == 1 and len(tb) == 1 and ta != tb and len(d.jobs_by_customer_trade(cid, ta[0])) == 1 and len(d.jobs_by_customer_trade(cid, tb[0])) == 1:
                    out.append((a, b, WORD[ta[0]], WORD[tb[0]]))
    return out


def gen_write(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    out: list[dict[str, Any]] = []
    w = Writer(m, d, rng)
    split = subjects(m)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any], checks: list[dict[str, Any]]) -> None:
        out.append(case("write", tid, turns, subject, checks))

    # named in the request, then confirmed: every way of naming the job, every stage a job goes to
    for k in range(m.SIZES.direct):
        kind = KINDS[k % 3]
        style = m.REF_STYLES[m.SIZES.direct_style(k, len(m.REF_STYLES))]
        if kind == "stage":
            target = m.DIRECT_TARGETS[(k // 3) % len(m.DIRECT_TARGETS)]
            fits = [j for j in live_jobs(d, split) if d.stage(j) in STAGE_FROM[target]]
            named = [j for j in fits if style in m.refs_of(d, j)] or fits
            jid = named[k % len(named)]
            ref = m.styled(d, jid, style)
            tid, text, check = w.stage_to(jid, target, ref[1])
        else:
            jid = w.next_job(style)
            ref = m.styled(d, jid, style)
            jid, tid, text, check = w.make(kind, jid=jid, ref=ref)
        add(tid, [turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "ref_style": ref[0], "ref": ref[1], "shape": "direct"}, [check])

    # a look-up first, then the write points back ("it", "that one", "him")
    for k in range(m.SIZES.after_lookup):
        kind = KINDS[k % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(m, d, jid):
            kind = "note"
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        add(tid, [lookup(m, d, jid, rng), turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "shape": "after_lookup"}, [check])

    # two look-ups, then the write
    for k in range(m.SIZES.after_two_lookups):
        kind = KINDS[(k + 1) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(m, d, jid):
            kind = "book"
        kinds = second_kinds(d, jid)
        asked = second(m, d, jid, rng, kinds[k % len(kinds)])
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        add(tid, [lookup(m, d, jid, rng), asked, turn(text), turn(w.yes(), done([check]))], {"job_id": jid, "kind": kind, "shape": "after_two_lookups"}, [check])

    # a detour to the playbook, the catalog or the calls, then back to the job to write
    for k in range(m.SIZES.after_detour):
        kind = KINDS[(k + 2) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(m, d, jid):
            kind = "note"
        middle, ref, phrase = detour(m, d, rng, k)
        jid, tid, text, check = w.make(kind, here=True, jid=jid)
        back = m.say(m.BACK_TO[k % len(m.BACK_TO)], w.slots(jid), rng) + " " + text
        turns = [lookup(m, d, jid, rng), middle, turn(back), turn(w.yes(), done([check]))]
        add(tid.replace(".here/", ".back/"), turns, {"job_id": jid, "kind": kind, "shape": "after_detour", "middle": [ref], "phrase": [phrase]}, [check])

    # two writes in one conversation on the same job
    for k in range(m.SIZES.two_writes):
        jid = w.next_job()
        if k % 2 and stage_ok(m, d, jid):
            _j, _t1, text1, first = w.make("stage", here=True, jid=jid)
            _j, _t2, text2, then = w.make("note", here=True, jid=jid)
            shape = "stage+note"
        else:
            _j, _t1, text1, first = w.make("note", here=True, jid=jid)
            _j, _t2, text2, then = w.make("book", here=True, jid=jid)
            shape = "note+book"
        turns = [lookup(m, d, jid, rng), turn(text1), turn(w.yes(), done([first])), turn(text2), turn(w.yes(), done([then]))]
        add(f"{m.SPLIT}:write.two/{shape.replace('+', '_')}", turns, {"job_id": jid, "kind": shape, "shape": "two_writes"}, [first, then])

    # a customer with two open jobs named alone: Hard-E asks which, the rep says, then confirms
    # (kind of write, how the rep says which job): the module's WHICH_WRITES, these unless it has its own
    which_writes = getattr(m, "WHICH_WRITES", [("note", "trade"), ("stage", "number"), ("book", "stage"), ("note", "number")])
    for k, (kind, how) in enumerate(which_writes):
        people = two_open_job_customers(d, m.WHICH_STAGE if kind == "stage" else None, split)
        cid = people[(k + 2) % len(people)]
        options = live_jobs_of(d, cid)
        jid = options[k % len(options)]
        name = rng.choice(be.customer_name_refs(d, cid))
        slots = {"name": name, "pname": possessive(name), **pron(d, cid)}
        if kind == "stage":
            check: dict[str, Any] = {"stage_of_job": jid, "stage": m.WHICH_STAGE}
        elif kind == "note":
            slots["note"] = m.NOTE_LINES[w.tick("note") % len(m.NOTE_LINES)]
            check = {"note_on_job": jid, "contains": slots["note"]}
        else:
            said, start = w.when(jid)
            slots.update(akind="appt", when=said)
            check = {"appointment_on_job": jid, "start": start, "title_contains": ""}
        how, reply = which_reply(m, d, cid, jid, how)
        turns = [turn(m.say(m.WHICH_ASKS[kind], slots, rng), {"asks": job_labels(d, cid)}), turn(reply), turn(w.yes(), done([check]))]
        add(f"{m.SPLIT}:write.{kind}.which/{how}", turns, {"job_id": jid, "kind": kind, "customer_id": cid, "job_ids": options, "reply": how}, [check])

    # corrected before the yes: the crm_after is the corrected write only
    for fix, said_t, hhmm in m.TIME_FIXES[: m.SIZES.time_fixes]:
        jid = w.next_job()
        said, start = w.when(jid)
        moved = f"{start[:10]}T{hhmm}"
        if moved == start or busy(d, jid, dt.datetime.fromisoformat(moved)):
            said, start = next((s, t) for s, t in m.WHEN_TYPED if t[11:] != hhmm and not busy(d, jid, dt.datetime.fromisoformat(t)) and not busy(d, jid, dt.datetime.fromisoformat(f"{t[:10]}T{hhmm}")))
            moved = f"{start[:10]}T{hhmm}"
        _t, text, check = w.book(jid, when=(said, start))
        check = {**check, "start": moved}
        add(f"{m.SPLIT}:write.fixed/time", [turn(text), turn(m.say(fix, {"t": said_t}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "book", "fixed": "time", "said_start": start}, [check])
    for fix, said_d, day in m.DAY_FIXES:
        jid = w.next_job()
        said, start = w.when(jid)
        if start[:10] == day or busy(d, jid, dt.datetime.fromisoformat(f"{day}T{start[11:]}")):
            said, start = next((s, t) for s, t in m.WHEN_TYPED if t[:10] != day and not busy(d, jid, dt.datetime.fromisoformat(t)) and not busy(d, jid, dt.datetime.fromisoformat(f"{day}T{t[11:]}")))
        _t, text, check = w.book(jid, when=(said, start))
        check = {**check, "start": f"{day}T{start[11:]}"}
        add(f"{m.SPLIT}:write.fixed/day", [turn(text), turn(m.say(fix, {"t": said_d}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "book", "fixed": "day", "said_start": start}, [check])
    lines = [n for n in m.NOTE_LINES if not any(stem in n for stem in d8.TRADE_STEMS)]
    pairs = list({cid_of(d, p[0]): p for p in two_trade_pairs(d, split)}.values())
    for k, (meant, first, right, wrong) in enumerate(pairs[1:3]):
        line = lines[(k * 7 + 2) % len(lines)]
        ref = m.refs_of(d, first)["full"]
        _t, text, _wrong = w.note(first, line=line, ref=ref)
        check = {"note_on_job": meant, "contains": line}
        fix = m.say(m.JOB_FIX[k % len(m.JOB_FIX)], {"right": right, "wrong": wrong}, rng)
        add(f"{m.SPLIT}:write.fixed/job", [turn(text), turn(fix), turn(w.yes(), done([check]))], {"job_id": meant, "other_job_id": first, "kind": "note", "fixed": "job"}, [check])
    for k, (said_first, instead) in enumerate(m.NOTE_FIXES):
        jid = w.next_job()
        _t, text, _first = w.note(jid, line=said_first)
        check = {"note_on_job": jid, "contains": instead}
        add(f"{m.SPLIT}:write.fixed/note", [turn(text), turn(m.say(m.NOTE_FIX[k % len(m.NOTE_FIX)], {"note": instead}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "note", "fixed": "note", "said_first": said_first}, [check])
    for k, (first_said, fix, stage) in enumerate(m.STAGE_FIXES):
        said_stage = "Lost" if k == 0 else "Proposal Sent"
        fits = [j for j in live_jobs(d, split) if d.stage(j) in STAGE_FROM[stage] and d.stage(j) in STAGE_FROM[said_stage]]
        jid = fits[(k * 3 + 2) % len(fits)]
        check = {"stage_of_job": jid, "stage": stage}
        text = m.say(first_said, {"ref": w.ref(jid)[1]}, rng)
        add(f"{m.SPLIT}:write.fixed/stage", [turn(text), turn(m.say(fix, {"stage": stage.lower()}, rng)), turn(w.yes(), done([check]))], {"job_id": jid, "kind": "stage", "fixed": "stage"}, [check])
    return out


def future_visits(d: Data, jid: int) -> list[dict[str, Any]]:
    return [a for a in d5.future_appointments(d, jid) if a["title"] in VISIT_WORD]


def gen_called_off(m: ModuleType, d: Data, rng: random.Random) -> Cases:
    """Writes called off, most of them with a "yes" said later that must write nothing."""
    out: list[dict[str, Any]] = []
    w = Writer(m, d, rng, offset=5)

    def add(tid: str, turns: list[dict[str, Any]], subject: dict[str, Any]) -> None:
        out.append(case("called_off", tid, turns, subject, [{"unchanged": True}]))

    def yes() -> dict[str, Any]:
        return turn(w.yes(), dict(NO_CLAIM))

    def short(tid: str) -> str:
        return tid.removeprefix(m.SPLIT + ":")

    # called off, then a yes
    for k in range(m.SIZES.off_yes):
        kind = KINDS[k % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        add(f"{m.SPLIT}:called_off.off_yes/{short(tid)}", [turn(text), turn(said, dict(NO_CLAIM)), yes()], {"job_id": jid, "kind": kind, "call_off": said, "shape": "off_yes"})
    # a look-up, the write on it, called off, then a yes
    for k in range(m.SIZES.off_after_lookup):
        kind = KINDS[(k + 1) % 3]
        jid = w.next_job()
        if kind == "stage" and not stage_ok(m, d, jid):
            kind = "book"
        jid, tid, text, _check = w.make(kind, here=True, jid=jid)
        said = w.off()
        add(f"{m.SPLIT}:called_off.after_lookup/{short(tid)}", [lookup(m, d, jid, rng), turn(text), turn(said, dict(NO_CLAIM)), yes()], {"job_id": jid, "kind": kind, "call_off": said, "shape": "off_yes"})
    # dropped for a new request (a look-up of another job), then a yes
    for k in range(m.SIZES.new_requests):
        kind = KINDS[(k + 2) % 3]
        jid, tid, text, _check = w.make(kind)
        other = next(j for j in w.pool[k * 3:] + w.pool if j != jid and cid_of(d, j) != cid_of(d, jid))
        new = lookup(m, d, other, rng, m.refs_of(d, other)[m.NUMBER_STYLES[k % len(m.NUMBER_STYLES)]])
        add(f"{m.SPLIT}:called_off.new_request/{short(tid)}", [turn(text), new, yes()], {"job_id": jid, "other_job_id": other, "kind": kind, "call_off": new["text"], "shape": "new_request"})
    # called off, a word of thanks, then a yes
    for k in range(m.SIZES.off_ok_yes):
        kind = KINDS[(k + 1) % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        turns = [turn(text), turn(said, dict(NO_CLAIM)), turn(m.STRAYS[k % len(m.STRAYS)], dict(NO_CLAIM)), yes()]
        add(f"{m.SPLIT}:called_off.off_ok_yes/{short(tid)}", turns, {"job_id": jid, "kind": kind, "call_off": said, "shape": "off_yes"})
    # a booking, its time corrected, called off, then a yes
    for k in range(m.SIZES.off_after_fix):
        jid = w.next_job()
        _t, text, _check = w.book(jid, when=w.when(jid))
        said = w.off()
        fix, said_t, _hhmm = m.TIME_FIXES[(k + 3) % len(m.TIME_FIXES)]
        turns = [turn(text), turn(m.say(fix, {"t": said_t}, rng)), turn(said, dict(NO_CLAIM)), yes()]
        add(f"{m.SPLIT}:called_off.after_fix/book", turns, {"job_id": jid, "kind": "book", "call_off": said, "shape": "off_yes"})
    # moving a visit on the calendar, called off, then a yes
    movable = [j for j in open_jobs(d, subjects(m)) if future_visits(d, j)]
    rng.shuffle(movable)
    for k, jid in enumerate(movable[: m.SIZES.moves]):
        a = future_visits(d, jid)[0]
        said_when, _start = w.when(jid)
        slots = {**w.slots(jid), "ref": w.ref(jid)[1], "visit": VISIT_WORD[a["title"]], "when": said_when}
        template = m.MOVE_SAID[k % len(m.MOVE_SAID)]
        turns = [turn(m.say(template, slots, rng))]
        if k % 2 or "{pos}" in template:
            turns.insert(0, lookup(m, d, jid, rng))
        said = w.off()
        turns += [turn(said, dict(NO_CLAIM)), yes()]
        add(f"{m.SPLIT}:called_off.move/{k}", turns, {"job_id": jid, "kind": "move", "appointment_id": a["id"], "call_off": said, "shape": "off_yes"})
    # called off, nothing after
    for k in range(m.SIZES.off):
        kind = KINDS[(k + 2) % 3]
        jid, tid, text, _check = w.make(kind)
        said = w.off()
        add(f"{m.SPLIT}:called_off.off/{short(tid)}", [turn(text), turn(said, dict(NO_CLAIM))], {"job_id": jid, "kind": kind, "call_off": said, "shape": "off"})
    return out

GENERATORS: dict[str, Callable[..., Cases]] = {name: fn for name, fn in list(globals().items()) if name.startswith("gen_")}


def generators(m: ModuleType) -> dict[str, Generator]:
    """The generators build_eval.DevSet runs (by name), each on the set module `m`."""
    return {name: functools.partial(fn, m) for name, fn in GENERATORS.items()}
