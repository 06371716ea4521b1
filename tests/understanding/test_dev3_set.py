"""The dev3 eval set: rebuilt byte for byte by its generator, every expected fact found in the
demo data (test_eval_sets' grounding checks, plus dev3's own for the figures they do not cover:
director-call figures by town, state, year and technique, catalog quantities, labour, suppliers
and margins, a rep's jobs in one stage, dictated phones spelled out), its bookings' times read
back from what the rep typed, and no case text shared with dev, dev2 or held-out. Nothing here
runs Hard-E or looks at its accuracy.
(test_dev_sets.py runs, with this file's problems_of, the checks every set has.)"""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

from tests.understanding import grounding
from tests.understanding import test_dev2_set as dev2
from tests.understanding import test_eval_sets as base
from tests.understanding.eval import build_dev3

FILES = ["dev3/questions.jsonl", "dev3/conversations.jsonl"]
CASES = {name: base.load(name) for name in FILES}
ALL = [c for cases in CASES.values() for c in cases]
OWN_AGENTS = ("pricing", "analysis")  # figures test_eval_sets cannot recompute outside their category


# --- every expected fact is in the data ---------------------------------------------------------


def calls_where(where: dict[str, Any]) -> list[dict[str, Any]]:
    calls = base.CALLS
    for key, field in (("trade", "trade"), ("town", "town"), ("state", "state")):
        if key in where:
            calls = [x for x in calls if x[field] == where[key]]
    if "rep" in where:
        calls = [x for x in calls if x["rep_on_call"] == where["rep"]]
    if "year" in where:
        calls = [x for x in calls if x["date"].startswith(where["year"])]
    if "outcome" in where:
        calls = [x for x in calls if x["outcome"] in where["outcome"]]
    if "situation" in where:
        calls = [x for x in calls if where["situation"] in x["situations"]]
    if "objection" in where:
        calls = [x for x in calls if where["objection"] in {o["category"] for o in x["objections"]}]
    if "technique" in where:
        calls = [x for x in calls if where["technique"] in x["techniques"]]
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
    if measure == "avg_minutes":
        return sum(x["total_minutes"] for x in calls) / len(calls)
    if measure == "avg_follow_up_days":
        days = [x["follow_up_days"] for x in calls if x["follow_up_days"] is not None]
        return sum(days) / len(days)
    phase = measure.split(":")[1]
    return sum(x["phase_timings"][phase] for x in calls) / len(calls)


def _figure(e: dict[str, Any]) -> float | None:
    for key in ("count", "percent", "money", "number"):
        if key in e:
            return float(e[key]["value"] if isinstance(e[key], dict) else e[key])
    return None


def analysis_problems(c: dict[str, Any]) -> list[str]:
    e = c["turns"][0]["expect"]
    got = analysis_value(c["subject"]["measure"], c["subject"]["where"])
    want = _figure(e)
    return [] if want is not None and abs(got - want) <= 0.01 else [f"{c['subject']} is {got}, not {want}"]


def pricing_problems(c: dict[str, Any]) -> list[str]:
    s, e = c["subject"], c["turns"][0]["expect"]
    row = base.CATALOG.get(s.get("sku", ""))
    if "footprint" in s:
        squares = s["footprint"] * math.sqrt(1 + (s["rise"] / 12) ** 2) / 100 * (1 + s.get("waste", 0) / 100)
        return [] if abs(squares - e["number"]["value"]) <= 0.01 else [f"{s} is {squares:.2f} squares"]
    if row is None:
        return [f"no sku {s.get('sku')}"]
    coverage = Fraction(row["coverage"])
    if "squares" in s:
        return [] if e["count"] == s["squares"] / coverage else ["wrong bundle count"]
    if "need" in s:
        units = math.ceil(s["need"] / coverage)
        return [] if e["count"] == units else [f"{s['need']} {row['coverage_unit']} takes {units}, not {e['count']}"]
    field = s["field"]
    if field == "supplier":
        return [] if e["contains"] == [row["supplier"]] else ["not the supplier"]
    if field == "margin":
        margin = 100 * (float(row["price"]) - float(row["cost"])) / float(row["price"])
        return [] if abs(margin - e["percent"]) <= 0.01 else [f"margin is {margin:.2f}"]
    if field == "total":
        total = s["quantity"] * float(row["price"])
        return [] if abs(total - e["money"]) <= 0.005 else [f"{s['quantity']} cost {total}"]
    return [] if abs(float(row[field]) - e["money"]) <= 0.005 else [f"{field} of {s['sku']} is {row[field]}"]


def middle_problems(e: dict[str, Any], s: dict[str, Any]) -> list[str]:
    """A pricing or call-figure answer in the middle of a CRM conversation."""
    middles = s.get("middle")
    middles = middles if isinstance(middles, list) else [middles]
    if e.get("agent") == "pricing":
        if not any(e.get("money") == float(row["price"]) for code, row in base.CATALOG.items() if code in middles):
            return [f"{e.get('money')} is the price of none of {middles}"]
        return []
    counts = [analysis_value("count", {m.split(":")[1]: m.split(":")[2]}) for m in middles if str(m).startswith("analysis:")]
    return [] if e.get("count") in counts else [f"{e.get('count')} is no call count of {middles}"]


DIGITS = {w: str(n) for n, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])}


def dictated(text: str) -> str:
    """The text with spelled digits as digits ("five zero eight" -> "508")."""
    return re.sub(r"\b(" + "|".join(DIGITS) + r")\b", lambda m: DIGITS[m.group(1)], text.lower())


def problems_of(c: dict[str, Any]) -> list[str]:
    """test_eval_sets' grounding checks on what they can recompute, the bookings read with
    dev2's reader, and dev3's own checks for the rest."""
    cat, s = c["category"], c["subject"]
    if cat == "analysis":
        return analysis_problems(c)
    if cat == "pricing":
        return pricing_problems(c)
    problems: list[str] = []
    rest = copy.deepcopy(c)
    bookings = [check for check in c["crm_after"] if "appointment_on_job" in check]
    rest["crm_after"] = [check for check in c["crm_after"] if "appointment_on_job" not in check]
    for t in rest["turns"]:
        e = t.get("expect")
        if e and e.get("agent") in OWN_AGENTS:
            problems.extend(middle_problems(e, s))
            t["expect"] = {k: v for k, v in e.items() if k in ("agent", "not_contains")}
    if c["template"].startswith("dev3:write.note.readback"):
        # the last turn reads back the note the case writes, not one of the seed
        if c["turns"][-1]["expect"]["contains"] != [check["contains"] for check in c["crm_after"]]:
            problems.append("the read-back does not ask for the new note")
        rest["turns"][-1]["expect"] = {k: v for k, v in rest["turns"][-1]["expect"].items() if k != "contains"}
    if cat == "new_clients":
        rest["turns"] = [{**t, "text": dictated(t["text"])} for t in rest["turns"]]
    if cat == "crm.stage_jobs" and "user_id" in s:
        e = rest["turns"][0]["expect"]
        ids = sorted(j for j, job in base.JOBS.items() if s["user_id"] in job["rep_ids"] and base.STAGES[job["stage_code"]] == s["stage"])
        if e.pop("count") != len(ids) or any(x not in {str(j) for j in ids} for x in e.get("contains", [])):
            problems.append(f"{base.USERS[s['user_id']]['last_name']} has {ids} in {s['stage']}")
    if cat == "clarify" and "user_id" in s:
        e = c["turns"][-1]["expect"]
        n = sum(s["from"] <= a["start_date_time"][:10] <= s["to"] and s["user_id"] in (a["user_id"], *a["attendees_ids"]) for a in base.SEED["appointments"])
        if n != e["count"]:
            problems.append(f"{n} appointments of user {s['user_id']}, not {e['count']}")
        same = {u["id"] for u in base.USERS.values() if u["first_name"].lower() == s["said"]}
        if same != set(s["user_ids"]) or s["user_id"] not in same:
            problems.append(f"{s['said']!r} is not shared by exactly {s['user_ids']}")
    problems.extend(base.grounding_problems(rest))
    for check in bookings:
        problems.extend(dev2.appointment_problems(c, check))
    if cat == "knowledge":
        for doc in s.get("also", []):
            if Path(doc).stem not in c["turns"][0]["expect"]["any_of"]:
                problems.append(f"{doc} is not among the accepted documents")
    if cat == "write" and "said" in s:
        same = {cid for cid, cu in base.CUSTOMERS.items() if s["said"] in (cu["first_name"].lower(), cu["last_name"].lower())}
        if same != set(s["customer_ids"]) or s["chosen"] not in same:
            problems.append(f"{s['said']!r} is not shared by exactly {s['customer_ids']}")
        if base.JOBS[s["job_id"]]["customer_id"] != s["chosen"]:
            problems.append("the job is not the chosen customer's")
    return problems


def test_the_checks_catch_a_wrong_fact() -> None:
    tampered = grounding.tampered_facts(ALL, [
        ("crm.contact", "phone", "5085559999", None),
        ("crm.money", "money", 1234.56, None),
        ("crm.dates", "date", "2026-11-25", None),
        ("crm.calendar", "count", 99, None),
        ("analysis", "count", 99, lambda x: "town" in x["subject"]["where"]),
        ("analysis", "count", 44, lambda x: "technique" in x["subject"]["where"]),
        ("analysis", "number", {"value": 99.0, "tol": 0.5}, None),
        ("pricing", "money", 1.23, lambda x: x["subject"].get("field") == "total"),
        ("pricing", "money", 1.23, lambda x: x["subject"].get("field") == "labour"),
        ("pricing", "percent", 50.0, None),
        ("pricing", "contains", ["Bay Colony Roofing Supply"], lambda x: "Granite" in x["turns"][0]["expect"].get("contains", [""])[0]),
        ("pricing", "count", 7, lambda x: "need" in x["subject"]),
        ("pricing", "number", {"value": 26.0, "tol": 1.0, "unit": ["sq"]}, lambda x: "waste" in x["subject"]),
        ("new_clients", "phone", "5085550000", lambda x: x["subject"]["phone_spelled"]),
        ("crm.stage_jobs", "count", 9, lambda x: "user_id" in x["subject"]),
    ])
    middle = grounding.with_wrong_middle(next(x for x in ALL if x["category"] == "called_off" and any((t.get("expect") or {}).get("agent") == "pricing" for t in x["turns"])), "pricing", "money", 1.0)
    tampered.append(middle)
    mike = copy.deepcopy(next(x for x in ALL if x["category"] == "clarify" and "user_id" in x["subject"]))
    mike["turns"][-1]["expect"]["count"] += 1
    tampered.append(mike)
    bookings = [c for c in ALL if c["category"] == "write" and "appointment_on_job" in c["crm_after"][0]]
    assert len(bookings) >= 6
    tampered += grounding.shifted_bookings(bookings, (dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=15)))
    grounding.assert_caught(tampered, problems_of)


def test_the_reader_reads_dev3s_booking_times() -> None:
    for when, start in build_dev3.BOOK_WHEN:
        got, problems = dev2.booked_start(f"book an inspection for 1040 {when}")
        assert got == dt.datetime.fromisoformat(start) and not problems, (when, got, problems)


def test_spelled_phones_read_as_digits() -> None:
    assert re.sub(r"\D", "", dictated("phone five zero eight, five five five, four two zero zero")) == "5085554200"
    assert build_dev3.spelled("7745554261") == "seven seven four, five five five, four two six one"


# --- subjects, shape, and apart from dev, dev2 and held-out -----------------------------------------


def test_cases_are_well_formed() -> None:
    grounding.assert_well_formed("dev3", CASES["dev3/questions.jsonl"], CASES["dev3/conversations.jsonl"], questions_write=True)
    assert 280 <= len(CASES["dev3/questions.jsonl"]) <= 360
    assert 90 <= len(CASES["dev3/conversations.jsonl"]) <= 120
    for c in ALL:
        if c["category"] == "called_off":
            assert c["crm_after"] == [{"unchanged": True}], c["id"]
            request = [n for n, t in enumerate(c["turns"]) if "expect" not in t]
            assert len(request) == 1, c["id"]
            assert all(t["expect"].get("not_contains") == build_dev3.WRITE_CLAIMS for t in c["turns"][request[0] + 1 :]), c["id"]
            how = c["template"].split("/")[0].removeprefix("dev3:called_off.")
            assert (c["turns"][-1]["text"] in build_dev3.YES) == how.endswith("yes"), c["id"]
        if c["category"] == "write":
            assert len(c["crm_after"]) == 1 and not c["crm_after"][0].get("unchanged"), c["id"]
            yes = [t["text"] for t in c["turns"] if t["text"] in build_dev3.YES]
            assert len(yes) == 1, c["id"]


def test_every_specialist_is_asked() -> None:
    agents = {e["agent"] for c in ALL for _t, e in base._expects(c) if isinstance(e.get("agent"), str)}
    assert {"crm", "knowledge", "analysis", "pricing", "scripting", "new_clients", "web_search"} <= agents, agents


def test_writes_and_called_off_cover_every_kind() -> None:
    for cat in ("write", "called_off"):
        kinds = {c["subject"]["kind"] for c in ALL if c["category"] == cat}
        assert kinds == {"note", "stage", "book"}, (cat, kinds)
    stages = {c["crm_after"][0]["stage"] for c in ALL if c["category"] == "write" and "stage_of_job" in c["crm_after"][0]}
    assert {"Contract Signed", "Lost", "Paid & Closed", "Estimating", "Proposal Sent"} <= stages, stages
    yeses = {t["text"] for c in ALL if c["category"] in ("write", "called_off") for t in c["turns"] if t["text"] in build_dev3.YES}
    assert len(yeses) >= 8, yeses
    offs = {c["turns"][i]["text"] for c in ALL if c["category"] == "called_off" for i in range(1, len(c["turns"])) if c["template"].startswith("dev3:called_off.cancel")}
    assert len(offs) >= 8, offs


