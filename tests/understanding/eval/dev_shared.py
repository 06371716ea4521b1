"""Generators the later dev sets (build_dev4.py .. build_dev7.py) run alike: each set passes its
own phrasings (the tables it keeps in its own file), its `say` (how its reps type) and its name;
what the cases expect is worked out here, the same way for every set."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from typing import Any

from tests.understanding.eval.build_eval import (
    CRM,
    Data,
    _at,
    calendar_expect,
    case,
    open_jobs_of_rep,
    turn,
)

Say = Callable[[str, dict[str, str], random.Random], str]
Cases = list[dict[str, Any]]


def calendar_cases(d: Data, rng: random.Random, split: str, asks: Sequence[tuple[Any, ...]], say: Say) -> Cases:
    """One case an ask: (first day, last day, user or None, text), or (when, first, last, user,
    text) where the text has a {when}."""
    out = []
    for n, (*when, first, last, uid, template) in enumerate(asks):
        appts = d.appointments_between(dt.date.fromisoformat(first), dt.date.fromisoformat(last), user=uid)
        text = say(template, {"when": when[0]} if when else {}, rng)
        out.append(case("crm.calendar", f"{split}:crm.calendar/{n}", [turn(text, calendar_expect(d, appts))], {"from": first, "to": last, "user_id": uid}))
    return out


def rep_jobs_cases(d: Data, rng: random.Random, split: str, asks: Sequence[tuple[int, str]], say: Say, counting: Sequence[str] = ("how many", "count")) -> Cases:
    """One case an ask (rep, text): the count of the rep's open jobs, and the jobs unless the text
    has one of the `counting` words."""
    out = []
    for n, (uid, text) in enumerate(asks):
        ids = open_jobs_of_rep(d, uid)
        expect: dict[str, Any] = {**CRM, "count": len(ids)}
        if not any(word in text for word in counting):
            expect["contains"] = [str(j) for j in ids]
        out.append(case("crm.rep_jobs", f"{split}:crm.rep_jobs/{n}", [turn(say(text, {}, rng), expect)], {"user_id": uid, "job_ids": ids}))
    return out


def stage_jobs_cases(d: Data, rng: random.Random, split: str, asks: Sequence[tuple[str, str]], say: Say) -> Cases:
    """One case an ask (stage, text): every job at the stage, and how many."""
    out = []
    for n, (stage, text) in enumerate(asks):
        ids = sorted(j for j in d.jobs if d.stage(j) == stage)
        out.append(case("crm.stage_jobs", f"{split}:crm.stage_jobs/{n}", [turn(say(text, {}, rng), {**CRM, "count": len(ids), "contains": [str(j) for j in ids]})], {"stage": stage, "job_ids": ids}))
    return out


def analysis_cases(d: Data, rng: random.Random, split: str, asks: Sequence[tuple[str, str, dict[str, Any]]], say: Say) -> Cases:
    """One case an ask (question, measure, where): the call-analysis figure, as build_dev3 works it out."""
    from tests.understanding.eval import build_dev3 as d3

    out = []
    for n, (question, measure, where) in enumerate(asks):
        value = d3.analysis_figure(d, measure, where)
        subject = {"measure": measure, "where": {k: list(v) if isinstance(v, tuple) else v for k, v in where.items()}}
        out.append(case("analysis", f"{split}:analysis/{n}", [turn(say(question, {}, rng), d3.analysis_expect(measure, value))], subject))
    return out


def scripting_cases(d: Data, rng: random.Random, asks: Any, say: Say, people: list[int], name_of: Callable[[Data, int, random.Random], str], many: int = 6) -> Cases:
    """`many` customers of `people`, each asked a script for by `asks` (a Turns pool): the script names them."""
    out = []
    for cid in rng.sample(people, many):
        tid, template = asks.pick(rng)
        text = say(template, {"name": name_of(d, cid, rng)}, rng)
        out.append(case("scripting", tid, [turn(text, {"agent": "scripting", "contains": [d.customers[cid]["last_name"]]})], {"customer_id": cid}))
    return out


def job_cases(
    d: Data,
    rng: random.Random,
    category: str,
    asks: Any,
    say: Say,
    job_ref: Callable[[Data, int, random.Random], str],
    pool: list[int],
    many: int,
    ask: Callable[[int], tuple[dict[str, Any], dict[str, Any]]],
    keep: Callable[[int], bool] | None = None,
) -> Cases:
    """The first `many` jobs of `pool` (shuffled in place, then those `keep` keeps), each asked
    about by `asks` (a Turns pool) with the job said the set's way; `ask` gives the job's (expect,
    subject)."""
    rng.shuffle(pool)
    out = []
    for jid in [j for j in pool if keep is None or keep(j)][:many]:
        tid, template = asks.pick(rng)
        text = say(template, {"job": job_ref(d, jid, rng)}, rng)
        expect, subject = ask(jid)
        out.append(case(category, tid, [turn(text, expect)], subject))
    return out


def dates_cases(
    d: Data,
    rng: random.Random,
    asks: tuple[Any, Any, Any],
    say: Say,
    job_ref: Callable[[Data, int, random.Random], str],
    name_slots: Callable[[Data, int, random.Random], dict[str, str]],
    pools: tuple[list[int], list[int], list[int]],
    many: tuple[int, int, int],
) -> Cases:
    """Dates asked three ways (`asks`, Turns pools: a job's install start from the week on, a
    job's next visit other than an install, a customer's next appointment), of so `many` jobs,
    jobs and customers drawn from the `pools`."""
    from tests.understanding.eval import build_dev3 as d3

    install_ask, next_job_ask, next_ask = asks
    install_pool, next_pool, people_pool = pools
    out = []
    installs = [j for j in install_pool if d3.install_of(d, j) and d3.install_of(d, j)["start_date_time"] >= "2026-11-23"]  # type: ignore[index]
    for jid in rng.sample(installs, min(many[0], len(installs))):
        a = d3.install_of(d, jid)
        assert a is not None
        tid, template = install_ask.pick(rng)
        text = say(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": a["start_date_time"][:10]})], {"job_id": jid, "appointment_id": a["id"]}))
    nexts = [j for j in next_pool if d.next_appointment(jid=j) and d.next_appointment(jid=j)["title"] != "Install start"]  # type: ignore[index]
    for jid in rng.sample(nexts, many[1]):
        a = d.next_appointment(jid=jid)
        assert a is not None
        day, time = _at(a)
        tid, template = next_job_ask.pick(rng)
        text = say(template, {"job": job_ref(d, jid, rng)}, rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": day, "time": time})], {"job_id": jid, "appointment_id": a["id"]}))
    people = [c for c in people_pool if d.next_appointment(cid=c)]
    for cid in rng.sample(people, many[2]):
        a = d.next_appointment(cid=cid)
        assert a is not None
        day, time = _at(a)
        tid, template = next_ask.pick(rng)
        text = say(template, name_slots(d, cid, rng), rng)
        out.append(case("crm.dates", tid, [turn(text, {**CRM, "date": day, "time": time})], {"customer_id": cid, "appointment_id": a["id"]}))
    return out
