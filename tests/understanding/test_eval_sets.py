"""The understanding eval set: rebuilt byte for byte by its generator, every expected fact
found in the demo data (recomputed here, independently of the generator), dev and held-out
apart, and big enough. Nothing here runs Hard-E or looks at its accuracy."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import math
import re
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from tests.understanding.eval import build_eval

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "tests" / "understanding" / "eval"
FILES = [f"{split}/{kind}.jsonl" for split in ("dev", "heldout") for kind in ("questions", "conversations")]
SEED = json.loads((ROOT / "data" / "demo" / "crm" / "seed.json").read_text(encoding="utf-8"))
CALLS = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data" / "demo" / "knowledge" / "SALES_DIRECTOR_CALLS").glob("SDC-*.json"))]
with (ROOT / "data" / "demo" / "catalog" / "catalog.csv").open(encoding="utf-8", newline="") as _fh:
    CATALOG = {row["sku"]: row for row in csv.DictReader(_fh)}
CUSTOMERS = {c["id"]: c for c in SEED["customers"]}
JOBS = {j["id"]: j for j in SEED["jobs"]}
USERS = {u["id"]: u for u in SEED["users"]}
STAGES = {s["code"]: s["name"] for s in SEED["stages"]}
USER_NAMES = {f"{u['first_name']} {u['last_name']}": u["id"] for u in SEED["users"]}
NOW = "2026-11-23 09:00:00"
QUESTION_CATEGORIES = {
    "crm.contact", "crm.status", "crm.rep", "crm.money", "crm.dates", "crm.calendar", "crm.rep_jobs",
    "crm.stage_jobs", "crm.notes", "knowledge", "analysis", "pricing", "web_search", "scripting",
    "new_clients", "bad_input",
}
CONVERSATION_CATEGORIES = {"followup", "clarify", "topic_switch", "write", "called_off"}


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_understanding", ROOT / "bench" / "understanding.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


def load(name: str) -> list[dict[str, Any]]:
    with (EVAL / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


CASES = {name: load(name) for name in FILES}
ALL = [c for cases in CASES.values() for c in cases]


def split_of(name: str) -> str:
    return name.split("/")[0]


# --- (a) the generator is deterministic -----------------------------------------------------


def test_the_generator_rebuilds_the_committed_files(tmp_path: Path) -> None:
    build_eval.write(tmp_path, build_eval.build())
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (EVAL / name).read_bytes(), f"{name} differs from a fresh build"


# --- (b) every expected fact is in the data ---------------------------------------------------


def phones_of(cid: int) -> set[str]:
    return {p["number"] for p in CUSTOMERS[cid]["phones"]}


def money_of_job(jid: int) -> set[float]:
    """Every amount the CRM holds about a job: contract, invoices, payments, open balance, proposals."""
    job = JOBS[jid]
    invoices = [i for i in SEED["invoices"] if i["job_id"] == jid]
    payments = [p for p in SEED["payments"] if p["job_id"] == jid and not p["canceled"]]
    amounts = {float(job["contract_amount"])} if job["contract_amount"] else set()
    amounts |= {float(i["total_amount"]) for i in invoices}
    amounts.add(round(sum(p["payment"] for p in payments), 2))
    amounts.add(round(sum(i["open_balance"] for i in invoices), 2))
    amounts |= {float(p["total_amount"]) for p in SEED["proposals"] if p["job_id"] == jid}
    return amounts


def appointment_starts(*, cid: int | None = None, jid: int | None = None) -> set[tuple[str, str]]:
    out = set()
    for a in SEED["appointments"]:
        if cid is not None and a["customer_id"] != cid:
            continue
        if jid is not None and jid not in a["job_ids"]:
            continue
        out.add((a["start_date_time"][:10], a["start_date_time"][11:16]))
    return out


def customers_of(c: dict[str, Any]) -> set[int]:
    s = c["subject"]
    out = {s[k] for k in ("customer_id", "other_customer_id", "chosen") if isinstance(s.get(k), int)}
    out |= set(s.get("customer_ids") or [])
    for k in ("job_id", "other_job_id", "chosen_job"):
        if isinstance(s.get(k), int):
            out.add(JOBS[s[k]]["customer_id"])
    out |= {JOBS[j]["customer_id"] for j in s.get("job_ids") or []}
    return out


def jobs_of(c: dict[str, Any]) -> set[int]:
    s = c["subject"]
    out = {s[k] for k in ("job_id", "other_job_id", "chosen_job") if isinstance(s.get(k), int)}
    out |= set(s.get("job_ids") or [])
    for cid in customers_of(c):
        out |= {j for j, job in JOBS.items() if job["customer_id"] == cid}
    return out


def calls_where(where: dict[str, Any]) -> list[dict[str, Any]]:
    calls = CALLS
    if "trade" in where:
        calls = [x for x in calls if x["trade"] == where["trade"]]
    if "outcome" in where:
        calls = [x for x in calls if x["outcome"] in where["outcome"]]
    if "situation" in where:
        calls = [x for x in calls if where["situation"] in x["situations"]]
    if "rep" in where:
        calls = [x for x in calls if x["rep_on_call"] == where["rep"]]
    if "objection" in where:
        calls = [x for x in calls if any(o["category"] == where["objection"] for o in x["objections"])]
    return calls


def analysis_value(measure: str, where: dict[str, Any]) -> float:
    calls = calls_where(where)
    won = [x for x in calls if x["outcome"] in ("closed_first_visit", "closed_follow_up")]
    if measure == "count":
        return len(calls)
    if measure == "close_rate":
        return 100 * len(won) / len(calls)
    if measure == "first_visit_rate":
        return 100 * sum(x["outcome"] == "closed_first_visit" for x in calls) / len(calls)
    if measure == "avg_deal_closed":
        return sum(x["deal_value"] for x in won) / len(won)
    phase = measure.split(":")[1]
    return sum(x["phase_timings"][phase] for x in calls) / len(calls)


DOCS = {p.relative_to(ROOT / "data" / "demo" / "knowledge").as_posix(): p for p in (ROOT / "data" / "demo" / "knowledge").rglob("*") if p.is_file()}


def doc_text(rel: str) -> str:
    path = DOCS[rel]
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return path.read_text(encoding="utf-8")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


def _expects(c: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(turn, expect) for every expect in the case, the options of a choice included."""
    for t in c["turns"]:
        e = t.get("expect")
        if not e:
            continue
        yield t, e
        for option in (e.get("choice") or {}).get("options", []):
            yield t, option["expect"]


def grounding_problems(c: dict[str, Any]) -> list[str]:
    """What in the case's expectations the demo data does not bear out."""
    problems: list[str] = []
    cat = c["category"]
    seed_text = _norm(json.dumps(SEED))
    customers = customers_of(c)
    jobs = jobs_of(c)
    texts = " ".join(t["text"] for t in c["turns"])
    for t, e in _expects(c):
        if "phone" in e:
            if cat == "new_clients":
                if e["phone"] not in re.sub(r"\D", "", t["text"]):
                    problems.append(f"phone {e['phone']} is not in the dictation")
            elif not any(e["phone"] in phones_of(cid) for cid in customers):
                problems.append(f"phone {e['phone']} belongs to none of {sorted(customers)}")
        for s in e.get("contains", []):
            if cat in ("new_clients", "bad_input"):
                if _norm(s) not in _norm(texts):
                    problems.append(f"{s!r} is not in what the rep typed")
            elif cat == "knowledge":
                if _norm(s) not in _norm(doc_text(c["subject"]["doc"])):
                    problems.append(f"{s!r} is not in {c['subject']['doc']}")
            elif s in USER_NAMES:
                uid = USER_NAMES[s]
                reps = {r for j in jobs for r in JOBS[j]["rep_ids"]} | {CUSTOMERS[cid]["rep_id"] for cid in customers}
                if uid not in reps:
                    problems.append(f"{s} is not the rep of {sorted(jobs)}")
            elif _norm(s) not in seed_text:
                problems.append(f"{s!r} is nowhere in the CRM seed")
            elif "@" in s and not any(CUSTOMERS[cid]["email"] == s for cid in customers):
                problems.append(f"email {s} belongs to none of {sorted(customers)}")
        if "money" in e:
            value = e["money"]["value"] if isinstance(e.get("money"), dict) else e.get("money")
            if value is not None:
                if cat == "pricing" or (cat == "topic_switch" and e.get("agent") == "pricing"):
                    if not any(value in (float(r["price"]), float(r["cost"])) for r in CATALOG.values()):
                        problems.append(f"{value} is no catalog price or cost")
                elif cat == "analysis":
                    pass  # recomputed below
                elif not any(value in money_of_job(j) for j in jobs):
                    problems.append(f"${value} is not an amount of jobs {sorted(jobs)}")
        if "date" in e and cat not in ("crm.calendar",):
            starts = appointment_starts(cid=None, jid=None) if not customers else set().union(*(appointment_starts(cid=cid) for cid in customers))
            days = {d for d, _ in starts}
            if e["date"] not in days:
                problems.append(f"no appointment of {sorted(customers)} on {e['date']}")
            if "time" in e and (e["date"], e["time"]) not in starts:
                problems.append(f"no appointment of {sorted(customers)} at {e['date']} {e['time']}")
            if e["date"] < NOW[:10]:
                problems.append(f"{e['date']} is in the past")
        if "count" in e and cat == "crm.calendar":
            s = c["subject"]
            first, last = s["from"], s["to"]
            n = sum(
                first <= a["start_date_time"][:10] <= last and (s["user_id"] is None or s["user_id"] in (a["user_id"], *a["attendees_ids"]))
                for a in SEED["appointments"]
            )
            if n != e["count"]:
                problems.append(f"{n} appointments from {first} to {last}, not {e['count']}")
        if "count" in e and cat == "crm.rep_jobs":
            uid = c["subject"]["user_id"]
            n = sum(uid in j["rep_ids"] and STAGES[j["stage_code"]] not in ("Completed", "Paid & Closed", "Lost") for j in JOBS.values())
            if n != e["count"]:
                problems.append(f"{USERS[uid]['last_name']} has {n} open jobs, not {e['count']}")
        if "count" in e and cat == "crm.stage_jobs":
            n = sum(STAGES[j["stage_code"]] == c["subject"]["stage"] for j in JOBS.values())
            if n != e["count"]:
                problems.append(f"{n} jobs in {c['subject']['stage']}, not {e['count']}")
        if "asks" in e and cat == "clarify" and "customer_ids" in c["subject"]:
            said = _norm(c["subject"]["said"])
            same = {cid for cid, cu in CUSTOMERS.items() if said in (_norm(cu["first_name"]), _norm(cu["last_name"]))}
            if same != set(c["subject"]["customer_ids"]) or len(same) < 2:
                problems.append(f"{said!r} is not shared by exactly {c['subject']['customer_ids']}")
    if cat == "crm.status":
        stage = STAGES[JOBS[c["subject"]["job_id"]]["stage_code"]]
        if c["turns"][0]["expect"]["contains"] != [stage]:
            problems.append(f"job {c['subject']['job_id']} is in {stage}")
    if cat == "crm.notes":
        notes = sorted((n for n in SEED["notes"] if n["job_id"] == c["subject"]["job_id"]), key=lambda n: (n["created_at"], n["id"]))
        if _norm(c["turns"][0]["expect"]["contains"][0]) not in _norm(notes[-1]["note"]):
            problems.append("not the latest note")
    if cat == "knowledge":
        e = c["turns"][0]["expect"]
        if c["subject"]["doc"] not in DOCS or Path(c["subject"]["doc"]).stem not in e["any_of"]:
            problems.append(f"{c['subject']['doc']} is not a document of the knowledge base")
    if cat == "analysis":
        e = c["turns"][0]["expect"]
        got = analysis_value(c["subject"]["measure"], c["subject"]["where"])
        want = e.get("count", e.get("percent"))
        if want is None:
            want = (e.get("money") or e.get("number"))["value"]
        if abs(got - want) > 0.01:
            problems.append(f"{c['subject']} is {got}, not {want}")
    if cat == "pricing" and "footprint" in c["subject"]:
        s = c["subject"]
        squares = s["footprint"] * math.sqrt(1 + (s["rise"] / 12) ** 2) / 100
        if abs(squares - c["turns"][0]["expect"]["number"]["value"]) > 0.01:
            problems.append(f"{s} is {squares:.2f} squares")
    if cat == "pricing" and "squares" in c["subject"]:
        per = 1 / Fraction(CATALOG[c["subject"]["sku"]]["coverage"])
        if c["turns"][0]["expect"]["count"] != c["subject"]["squares"] * per:
            problems.append("wrong bundle count")
    if cat == "bad_input" and "job" in c["subject"]:
        number = c["subject"]["job"]
        if number in JOBS or any(j["number"].endswith(f"-{number}") for j in JOBS.values()):
            problems.append(f"job {number} exists")
    if cat == "new_clients":
        s = c["subject"]
        if any(cu["first_name"] == s["first_name"] and cu["last_name"] == s["last_name"] for cu in CUSTOMERS.values()):
            problems.append("the new customer is already in the CRM")
    for check in c["crm_after"]:
        problems.extend(crm_after_problems(c, check))
    return problems


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def crm_after_problems(c: dict[str, Any], check: dict[str, Any]) -> list[str]:
    problems = []
    first = " ".join(t["text"] for t in c["turns"]).lower()  # the request is one of the turns
    job = check.get("note_on_job") or check.get("stage_of_job") or check.get("appointment_on_job")
    if job is not None:
        if job not in JOBS:
            return [f"job {job} does not exist"]
        if JOBS[job]["archived"]:
            problems.append(f"job {job} is archived: it cannot be written to")
    if "note_on_job" in check and _norm(check["contains"]) not in _norm(first):
        problems.append("the note text is not what the rep typed")
    if "stage_of_job" in check:
        if check["stage"] not in STAGES.values():
            problems.append(f"{check['stage']} is no stage")
        if STAGES[JOBS[job]["stage_code"]] == check["stage"]:
            problems.append("the job is already in that stage")
    if "appointment_on_job" in check:
        start = dt.datetime.fromisoformat(check["start"])
        if start <= dt.datetime.fromisoformat(NOW):
            problems.append(f"{start} is not after the pinned clock")
        named = [d for d in WEEKDAYS if re.search(rf"\b{d[:3]}\w*\b", first)]
        if named and WEEKDAYS[start.weekday()] not in named:
            problems.append(f"{start:%A} is not the day the rep named ({named})")
        if re.search(r"\b(tmrw|tomorrow)\b", first) and start.date() != dt.date(2026, 11, 24):
            problems.append("tomorrow is 2026-11-24")
        months = {"nov": 11, "dec": 12}
        for m in re.finditer(r"\b(nov|dec)\w*\s+(\d{1,2})\b", first):
            if (start.month, start.day) != (months[m.group(1)], int(m.group(2))):
                problems.append(f"{start:%b %d} is not {m.group()}")
        for m in re.finditer(r"(?<![\d-])(\d{1,2})/(\d{1,2})\b", first):
            if (start.month, start.day) != (int(m.group(1)), int(m.group(2))):
                problems.append(f"{start:%m/%d} is not {m.group()}")
        hour = re.search(r"\bat (\d{1,2})(?::(\d\d))?\s*(am|pm)?\b|\b(\d{1,2})\s*(am|pm)\b", first)
        if hour:
            h = int(hour.group(1) or hour.group(4))
            ampm = hour.group(3) or hour.group(5)
            h24 = h + 12 if (ampm == "pm" or (ampm is None and h < 7)) and h < 12 else h
            if start.hour != h24:
                problems.append(f"{start:%H:%M} is not the hour the rep named")
    return problems


@pytest.mark.parametrize("name", FILES)
def test_every_expected_fact_is_in_the_data(name: str) -> None:
    problems = {c["id"]: p for c in CASES[name] if (p := grounding_problems(c))}
    assert not problems, json.dumps(problems, indent=1)[:3000]


def test_the_grounding_check_catches_a_wrong_fact() -> None:
    """A case with a phone, an amount, a date or a count that the data does not have is caught."""
    by_cat = {c["category"]: c for c in CASES["dev/questions.jsonl"]}
    tampered = []
    for cat, key, wrong in [
        ("crm.contact", "phone", "5085559999"),
        ("crm.money", "money", 1234.56),
        ("crm.dates", "date", "2026-11-25"),
        ("crm.calendar", "count", 99),
        ("crm.status", "contains", ["Lead Paint"]),
        ("analysis", "count", 1000),
    ]:
        c = json.loads(json.dumps(by_cat[cat]))
        e = c["turns"][0]["expect"]
        if key == "phone" and "phone" not in e:
            c = next(x for x in CASES["dev/questions.jsonl"] if "phone" in x["turns"][0]["expect"])
            c = json.loads(json.dumps(c))
            e = c["turns"][0]["expect"]
        if key == "count" and "count" not in e:
            e.pop("percent", None)
        e[key] = wrong
        tampered.append(c)
    note = json.loads(json.dumps(next(c for c in CASES["dev/conversations.jsonl"] if c["category"] == "write" and "note_on_job" in c["crm_after"][0])))
    note["crm_after"][0]["note_on_job"] = 9999
    tampered.append(note)
    for c in CASES["dev/conversations.jsonl"]:
        if c["category"] == "write" and "appointment_on_job" in c["crm_after"][0]:
            moved = json.loads(json.dumps(c))
            start = dt.datetime.fromisoformat(moved["crm_after"][0]["start"])
            moved["crm_after"][0]["start"] = (start + dt.timedelta(days=1)).isoformat(timespec="minutes")
            tampered.append(moved)
            later = json.loads(json.dumps(c))
            later["crm_after"][0]["start"] = (start + dt.timedelta(hours=1)).isoformat(timespec="minutes")
            tampered.append(later)
    for c in tampered:
        assert grounding_problems(c), f"a tampered {c['category']} case passed the grounding check"


# --- (c) dev and held-out are apart ------------------------------------------------------------


def _texts(split: str) -> list[str]:
    return [t["text"] for name in FILES if split_of(name) == split for c in CASES[name] for t in c["turns"]]


def test_dev_and_heldout_share_no_case_text() -> None:
    dev = {_norm(t) for t in _texts("dev") if len(t.split()) >= 3}
    shared = [t for t in _texts("heldout") if len(t.split()) >= 3 and _norm(t) in dev]
    assert not shared, shared[:5]
    first_dev = {_norm(c["turns"][0]["text"]) for name in FILES if split_of(name) == "dev" for c in CASES[name]}
    first_held = [c["id"] for name in FILES if split_of(name) == "heldout" for c in CASES[name] if _norm(c["turns"][0]["text"]) in first_dev]
    assert not first_held, first_held[:5]


def test_dev_and_heldout_use_different_templates() -> None:
    dev = {c["template"] for name in FILES if split_of(name) == "dev" for c in CASES[name]}
    held = {c["template"] for name in FILES if split_of(name) == "heldout" for c in CASES[name]}
    assert not dev & held, sorted(dev & held)[:5]
    pools = [p for p in vars(build_eval).values() if isinstance(p, build_eval.Pool)]
    pools += [p for d in (build_eval.CONTACT_POOLS, build_eval.MONEY_POOLS) for p in d.values()]
    for pool in pools:
        overlap = set(pool.templates["dev"]) & set(pool.templates["heldout"])
        assert not overlap, (pool.key, overlap)


def test_heldout_single_questions_are_about_other_customers() -> None:
    dev_people = {cid for c in CASES["dev/questions.jsonl"] if c["category"].startswith("crm.") for cid in customers_of(c) if "customer_id" in c["subject"] or "job_id" in c["subject"]}
    held_people = {cid for c in CASES["heldout/questions.jsonl"] if c["category"].startswith("crm.") for cid in customers_of(c) if "customer_id" in c["subject"] or "job_id" in c["subject"]}
    assert held_people and not dev_people & held_people, sorted(dev_people & held_people)


# --- (d) sizes and shape -----------------------------------------------------------------------


def test_sizes_are_at_least_the_minima() -> None:
    questions = len(CASES["dev/questions.jsonl"]) + len(CASES["heldout/questions.jsonl"])
    conversations = len(CASES["dev/conversations.jsonl"]) + len(CASES["heldout/conversations.jsonl"])
    assert questions >= 400
    assert conversations >= 100
    held = len(CASES["heldout/questions.jsonl"]) + len(CASES["heldout/conversations.jsonl"])
    assert 0.18 <= held / (questions + conversations) <= 0.35
    for split in ("dev", "heldout"):
        q = {c["category"] for c in CASES[f"{split}/questions.jsonl"]}
        v = {c["category"] for c in CASES[f"{split}/conversations.jsonl"]}
        assert q == QUESTION_CATEGORIES, (split, QUESTION_CATEGORIES ^ q)
        assert v == CONVERSATION_CATEGORIES, (split, CONVERSATION_CATEGORIES ^ v)


def test_cases_are_well_formed() -> None:
    ids = [c["id"] for c in ALL]
    assert len(ids) == len(set(ids))
    for c in ALL:
        assert set(c) == {"id", "category", "template", "subject", "turns", "crm_after"}, c["id"]
        assert c["turns"] and "expect" in c["turns"][-1], c["id"]
        for t in c["turns"]:
            assert t["text"].strip(), c["id"]
            assert set(t.get("expect", {})) <= BENCH.CHECKS, (c["id"], set(t["expect"]) - BENCH.CHECKS)
        for check in c["crm_after"]:
            assert set(check) & BENCH.CRM_CHECKS, (c["id"], check)
        if c["category"] in QUESTION_CATEGORIES:
            assert len(c["turns"]) == 1, c["id"]
        if c["category"] == "called_off":
            assert c["crm_after"] == [{"unchanged": True}], c["id"]
        if c["category"] == "write":
            assert c["crm_after"] and not c["crm_after"][0].get("unchanged"), c["id"]


def test_long_pastes_are_twelve_thousand_characters() -> None:
    pastes = [c for c in ALL if c["category"] == "bad_input" and c["template"].startswith("bad_input.paste")]
    assert len(pastes) == 4
    for c in pastes:
        text = c["turns"][0]["text"]
        assert len(text) == 12_000 and (text.isdigit() or text.isalpha())


# --- the harness's checks read answers the way they are written ---------------------------------


def test_the_checks_read_renderings() -> None:
    ok = BENCH.check_turn
    r = lambda answer, agent="crm": {"answer": answer, "agent": agent, "seconds": 0.1}  # noqa: E731
    assert not ok({"phone": "5085550100"}, r("Call **(508) 555-0100** (cell)"), "")
    assert ok({"phone": "5085550100"}, r("Call (508) 555-0101"), "")
    assert not ok({"money": 4900.0}, r("Deposit: $4,900.00"), "")
    assert not ok({"money": 4900.0}, r("deposit 4900"), "")
    assert ok({"money": 4900.0}, r("deposit $49,000"), "")
    assert not ok({"date": "2026-11-24", "time": "13:00"}, r("Initial inspection, Tue 24 Nov 2026, 1:00 pm"), "")
    assert not ok({"date": "2026-11-24", "time": "13:00"}, r("November 24th at 1 PM"), "")
    assert ok({"date": "2026-11-24"}, r("Nov 2, 2026"), "")
    assert ok({"time": "13:00"}, r("at 1:00 am"), "")
    assert not ok({"time": "12:00"}, r("12:00 pm–8:00 pm"), "")
    assert not ok({"count": 6}, r("**6 appointments** tomorrow"), "")
    assert ok({"count": 6}, r("2026-11-06"), "")
    assert not ok({"count": 0}, r("No appointments for Dana on Mon 7 Dec"), "")
    assert not ok({"percent": 37.5}, r("37.5% (12 of 32)"), "")
    assert not ok({"number": {"value": 28.84, "tol": 1.0, "unit": ["sq"]}}, r("About **28.8 squares**"), "")
    assert ok({"number": {"value": 28.84, "tol": 1.0, "unit": ["sq"]}}, r("28 bundles"), "")
    assert not ok({"asks": ["Greg", "Denise"]}, r("Which one: Greg Carter or Denise Carter?"), "")
    assert ok({"asks": ["Greg", "Denise"]}, r("Greg Carter: (978) 555-0105"), "")
    assert ok({"agent": "crm"}, r("hello", agent="knowledge"), "")
    assert ok({"contains": ["x"]}, r(""), "")  # an empty answer never passes
    choice = {"choice": {"index": 2, "options": [{"find": ["Greg"], "expect": {"contains": ["gcarter"]}}, {"find": ["Denise"], "expect": {"contains": ["dcarter"]}}]}}
    assert not ok(choice, r("dcarter@example.org"), "Greg Carter or Denise Carter?")
    assert ok(choice, r("dcarter@example.org"), "Denise Carter or Greg Carter?")
