"""Checks the dev sets' tests (test_dev_sets.py and test_dev2_set.py .. test_dev9_set.py) share:
the generator rebuilds the committed files, every case is well formed, every expected fact is
grounded (and a tampered fact is caught), a booking's start is what the rep typed, no text is
shared with another set, and a set's phrasings are its own. Each set keeps its own cases,
tampers and readers and calls these with them."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.understanding import test_eval_sets as base

Case = dict[str, Any]
Problems = Callable[[Case], list[str]]
# (category, expect key, wrong value, which case of the category: None for the first)
Tamper = tuple[str, str, Any, Callable[[Case], bool] | None]

# The first-turn facts the later sets (dev6, dev7) tamper with.
FACT_TAMPERS: list[Tamper] = [
    ("crm.contact", "phone", "5085559999", None),
    ("crm.money", "money", 1234.56, None),
    ("crm.dates", "date", "2026-11-25", None),
    ("crm.calendar", "count", 99, None),
    ("crm.status", "contains", ["Lost"], lambda x: "Lost" not in x["turns"][0]["expect"]["contains"]),
    ("crm.rep_jobs", "count", 99, None),
    ("crm.stage_jobs", "count", 99, None),
    ("analysis", "count", 99, lambda x: "town" in x["subject"]["where"]),
    ("analysis", "percent", 12.5, None),
    ("pricing", "money", 1.23, lambda x: x["subject"].get("field") == "total"),
    ("pricing", "percent", 1.0, lambda x: x["subject"].get("field") == "markup"),
    ("pricing", "count", 7, lambda x: "need" in x["subject"]),
    ("new_clients", "phone", "6175550000", None),
    ("knowledge", "contains", ["a phrase of no document"], None),
]


def assert_rebuilt(build: Callable[[], Any], write: Callable[[Path, Any], Any], files: Iterable[str], tmp_path: Path) -> None:
    """A fresh build writes the committed files byte for byte."""
    write(tmp_path, build())
    for name in files:
        assert (tmp_path / name).read_bytes() == (base.EVAL / name).read_bytes(), f"{name} differs from a fresh build"


def assert_well_formed(split: str, questions: Sequence[Case], conversations: Sequence[Case], *, questions_write: bool = True) -> None:
    """Unique ids, every category and no other, the case and turn keys the bench knows, one
    turn a question (writing nothing unless `questions_write`), two or more a conversation."""
    cases = [*questions, *conversations]
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))
    asked = {c["category"] for c in questions}
    talked = {c["category"] for c in conversations}
    assert asked == base.QUESTION_CATEGORIES, base.QUESTION_CATEGORIES ^ asked
    assert talked == base.CONVERSATION_CATEGORIES, base.CONVERSATION_CATEGORIES ^ talked
    for c in cases:
        assert set(c) == {"id", "category", "template", "subject", "turns", "crm_after"}, c["id"]
        assert c["id"].startswith(f"{split}/") and c["template"].startswith(f"{split}:"), c["id"]
        assert c["turns"] and "expect" in c["turns"][-1], c["id"]
        for t in c["turns"]:
            assert t["text"].strip(), c["id"]
            assert set(t.get("expect", {})) <= base.BENCH.CHECKS, (c["id"], set(t["expect"]) - base.BENCH.CHECKS)
        for check in c["crm_after"]:
            assert set(check) & base.BENCH.CRM_CHECKS, (c["id"], check)
        if c["category"] in base.QUESTION_CATEGORIES:
            assert len(c["turns"]) == 1 and (questions_write or not c["crm_after"]), c["id"]
        else:
            assert len(c["turns"]) >= 2, c["id"]


def assert_grounded(cases: Iterable[Case], problems_of: Problems) -> None:
    problems = {c["id"]: p for c in cases if (p := problems_of(c))}
    assert not problems, json.dumps(problems, indent=1)[:3000]


def assert_caught(tampered: Iterable[Case], problems_of: Problems) -> None:
    for c in tampered:
        assert problems_of(c), f"a tampered {c['id']} passed"


def first(cases: Iterable[Case], cat: str, key: str, where: Callable[[Case], bool] | None = None) -> Case:
    """A copy of the first case of `cat` whose first turn expects `key` (and that `where` picks)."""
    return copy.deepcopy(next(x for x in cases if x["category"] == cat and key in x["turns"][0]["expect"] and (where is None or where(x))))


def tampered_facts(cases: Sequence[Case], tampers: Iterable[Tamper]) -> list[Case]:
    """One copy a tamper, its first turn's expected `key` made `wrong`."""
    out = []
    for cat, key, wrong, where in tampers:
        c = first(cases, cat, key, where)
        c["turns"][0]["expect"][key] = wrong
        out.append(c)
    return out


def first_case(cases: Iterable[Case], cat: str, where: Callable[[Case], bool]) -> Case:
    """A copy of the first case of `cat` that `where` picks."""
    return copy.deepcopy(next(x for x in cases if x["category"] == cat and where(x)))


def tampered_writes(cases: Sequence[Case], styles: Iterable[str], fixes: Iterable[str] = ("job", "note", "stage")) -> list[Case]:
    """Writes with a wrong check: the job named in each of `styles` swapped for another live job,
    a note nobody typed, the stage the job is in already, and a write corrected before the yes
    (each of `fixes`: "job", "note", "stage", "time", "day") written as it was first said."""
    out = []
    for style in styles:
        named = first_case(cases, "write", lambda x, style=style: x["subject"].get("ref_style") == style)
        wrong = next(j for j in sorted(base.JOBS) if not base.JOBS[j]["archived"] and j != named["subject"]["job_id"])
        key = next(k for k in named["crm_after"][0] if k.endswith("_job"))
        named["crm_after"][0][key] = wrong
        named["subject"]["job_id"] = wrong
        out.append(named)
    note = first_case(cases, "write", lambda x: "note_on_job" in x["crm_after"][0])
    note["crm_after"][0]["contains"] = "a note nobody typed"
    stage = first_case(cases, "write", lambda x: "stage_of_job" in x["crm_after"][0])
    stage["crm_after"][0]["stage"] = base.STAGES[base.JOBS[stage["crm_after"][0]["stage_of_job"]]["stage_code"]]
    out += [note, stage]
    for fixed in fixes:
        c = first_case(cases, "write", lambda x, fixed=fixed: x["subject"].get("fixed") == fixed)
        check = c["crm_after"][0]
        if fixed == "job":
            check["note_on_job"] = c["subject"]["other_job_id"]
        elif fixed == "note":
            check["contains"] = c["subject"]["said_first"]
        elif fixed == "stage":
            check["stage"] = "Lost" if check["stage"] != "Lost" else "Proposal Sent"
        else:
            check["start"] = c["subject"]["said_start"]
        out.append(c)
    return out


def tampered_offs(cases: Sequence[Case], *, new_request: bool = True) -> list[Case]:
    """Writes called off with a wrong subject: a visit moved that is another job's, and (with
    `new_request`) the new request that dropped the write about the same job."""
    moved = first_case(cases, "called_off", lambda x: x["subject"].get("kind") == "move")
    moved["subject"]["appointment_id"] = next(a["id"] for a in base.SEED["appointments"] if moved["subject"]["job_id"] not in a["job_ids"])
    if not new_request:
        return [moved]
    new = first_case(cases, "called_off", lambda x: x["subject"].get("shape") == "new_request")
    new["subject"]["other_job_id"] = new["subject"]["job_id"]
    return [moved, new]


def with_wrong_middle(c: Case, agent: str, key: str, wrong: Any) -> Case:
    """A copy of the conversation, the first turn `agent` answers expecting `wrong` for `key`."""
    c = copy.deepcopy(c)
    next(t for t in c["turns"] if (t.get("expect") or {}).get("agent") == agent)["expect"][key] = wrong
    return c


def shifted_bookings(bookings: Iterable[Case], shifts: Iterable[dt.timedelta]) -> list[Case]:
    """Copies of each booking, the start of its first booking check moved by each shift."""
    out = []
    shifts = list(shifts)
    for c in bookings:
        i = next(n for n, k in enumerate(c["crm_after"]) if "appointment_on_job" in k)
        for shift in shifts:
            moved = copy.deepcopy(c)
            start = dt.datetime.fromisoformat(moved["crm_after"][i]["start"])
            moved["crm_after"][i]["start"] = (start + shift).isoformat(timespec="minutes")
            out.append(moved)
    return out


def markup_problems(c: Case) -> list[str] | None:
    """A markup (over cost, where dev3's check knows margin over price only), recomputed; None
    for any other case."""
    s = c["subject"]
    if c["category"] != "pricing" or s.get("field") != "markup":
        return None
    row = base.CATALOG[s["sku"]]
    markup = 100 * (float(row["price"]) - float(row["cost"])) / float(row["cost"])
    return [] if abs(markup - c["turns"][0]["expect"]["percent"]) <= 0.01 else [f"markup is {markup:.2f}"]


Named = tuple[str, set[dt.date], dt.time | None]


def booking_problems(
    c: Case,
    check: dict[str, Any],
    *,
    days_named: Callable[[str], set[dt.date]],
    time_named: Callable[[str], dt.time | None],
    moved_by: str,
    busy: Callable[[int, dt.datetime], bool] | None = None,
    then: Callable[[Case, dt.datetime, list[Named], bool], list[str]] | None = None,
) -> list[str]:
    """The booking's start is what the rep typed, read by the set's `days_named` and
    `time_named`: one turn names the day and time, or (a booking moved before the yes, the
    subject's `moved_by` being "time" or "day") a later turn names a new time or a new day, the
    rest staying. `busy` (job, start) is a clash; `then` adds the set's own checks."""
    job = check["appointment_on_job"]
    if job not in base.JOBS:
        return [f"job {job} does not exist"]
    problems = []
    if base.JOBS[job]["archived"]:
        problems.append(f"job {job} is archived")
    start = dt.datetime.fromisoformat(check["start"])
    if start <= dt.datetime.fromisoformat(base.NOW):
        problems.append(f"{start} is not after the pinned clock")
    if busy is not None and busy(job, start):
        problems.append(f"job {job} or its rep is busy at {start}")
    named = [(t["text"], days_named(t["text"]), time_named(t["text"])) for t in c["turns"]]
    named = [n for n in named if n[1] or n[2]]
    if not named:
        return [*problems, "no turn names a time"]
    request = named[0][0]
    if check["title_contains"] not in request.lower():
        problems.append(f"{request!r} does not ask for a {check['title_contains']}")
    moved = c["subject"].get(moved_by) in ("time", "day")
    if len(named) != (2 if moved else 1):
        return [*problems, f"{len(named)} turns name a time or a day"]
    day, time = None, None
    for text, days, when in named:
        if len(days) > 1:
            problems.append(f"{text!r} names several days")
        day = next(iter(days)) if days else day
        time = when or time
    if day is None or time is None:
        return [*problems, "no day or no time named"]
    if dt.datetime.combine(day, time) != start:
        problems.append(f"what the rep typed reads as {dt.datetime.combine(day, time)}, not {start}")
    if then is not None:
        problems.extend(then(c, start, named, moved))
    return problems


def corrected_alone(c: Case, start: dt.datetime, named: list[Named], moved: bool) -> list[str]:
    """A `then` for booking_problems: a booking moved before the yes (the subject's "fixed"),
    the correction moves the time or the day alone, and moves it."""
    if not moved:
        return []
    kind = c["subject"]["fixed"]
    fix_days, fix_time = named[1][1], named[1][2]
    problems = []
    if (kind == "time") != (fix_time is not None) or (kind == "day") != bool(fix_days):
        problems.append(f"the correction {named[1][0]!r} does not move the {kind} alone")
    if dt.datetime.fromisoformat(c["subject"]["said_start"]) == start:
        problems.append("the correction moves nothing")
    return problems


def norm(text: str) -> str:
    return base._norm(text).strip()


def split_cases(split: str) -> list[Case]:
    return [c for kind in ("questions", "conversations") for c in base.load(f"{split}/{kind}.jsonl")]


def assert_shares_no_text(cases: Sequence[Case], splits: Iterable[str]) -> None:
    """No turn of three words or more, and no first turn, of `cases` is in one of `splits`: the
    texts are compared, never shown; only the ids of `cases` are reported."""
    other = [c for split in splits for c in split_cases(split)]
    theirs = {norm(t["text"]) for c in other for t in c["turns"] if len(t["text"].split()) >= 3}
    first = {norm(c["turns"][0]["text"]) for c in other}
    shared = [c["id"] for c in cases if any(len(t["text"].split()) >= 3 and norm(t["text"]) in theirs for t in c["turns"])]
    shared += [c["id"] for c in cases if norm(c["turns"][0]["text"]) in first]
    assert not shared, sorted(set(shared))


def assert_about_dev_customers(
    cases: Iterable[Case],
    heldout: set[int] | frozenset[int],
    *,
    listing: Sequence[str] = ("crm.rep_jobs", "crm.stage_jobs"),
    skip_choices: bool = False,
    writes: bool = True,
) -> None:
    """No held-out customer is what a case is about (its subject's customers and jobs, the jobs
    a `listing` category lists excepted; with `writes`, the jobs its checks write on), nor whose
    phone or email a turn expects (a choice's expects passed over with `skip_choices`)."""
    for c in cases:
        s = c["subject"]
        about = {s[k] for k in ("customer_id", "other_customer_id", "chosen") if isinstance(s.get(k), int)}
        about |= {base.JOBS[s[k]]["customer_id"] for k in ("job_id", "other_job_id", "chosen_job") if isinstance(s.get(k), int)}
        about |= {base.JOBS[j]["customer_id"] for j in s.get("job_ids") or [] if c["category"] not in listing}
        if writes:
            about |= {base.JOBS[k[n]]["customer_id"] for k in c["crm_after"] for n in ("note_on_job", "stage_of_job", "appointment_on_job") if n in k}
        assert not about & heldout, (c["id"], sorted(about & heldout))
        for _turn, e in base._expects(c):
            if skip_choices and "choice" in e:
                continue
            if "phone" in e:
                assert not any(e["phone"] in base.phones_of(cid) for cid in heldout), c["id"]
            assert not any(base.CUSTOMERS[cid]["email"] in e.get("contains", []) for cid in heldout), c["id"]


def phrasings(module: ModuleType) -> set[str]:
    """Every template ("whos on {job}") and every phrase of three words or more held in a
    builder's constants and phrasing pools, however nested."""
    out: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            if "{" in value or len(value.split()) >= 3:
                out.add(value.lower())
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for v in value:
                walk(v)
        elif hasattr(value, "templates"):
            walk(value.templates)

    from tests.understanding.eval import build_eval

    for name, value in vars(module).items():
        if value is getattr(build_eval, name, None) and module is not build_eval:
            continue  # imported from build_eval: shared data, not the module's phrasing
        if name.isupper() or hasattr(value, "templates"):
            walk(value)
    names = {s.lower() for s in base.STAGES.values()} | {t["name"].lower() for t in base.SEED["trades"]}
    return out - names
