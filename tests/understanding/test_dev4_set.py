"""The dev4 eval set: rebuilt byte for byte by its generator, every expected fact found in the
demo data (test_eval_sets' and test_dev3_set's grounding checks, plus dev4's own for dictated
cards, key phrases in the middle of a conversation and a rep's open jobs after a follow-up),
its bookings' times read back from what the rep typed, and no case text shared with dev, dev2,
dev3 or held-out. Nothing here runs Hard-E or looks at its accuracy.
(test_dev_sets.py runs, with this file's problems_of, the checks every set has.)"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from tests.understanding import grounding
from tests.understanding import test_dev2_set as dev2
from tests.understanding import test_dev3_set as dev3
from tests.understanding import test_eval_sets as base
from tests.understanding.eval import build_dev4

FILES = ["dev4/questions.jsonl", "dev4/conversations.jsonl"]
CASES = {name: base.load(name) for name in FILES}
ALL = [c for cases in CASES.values() for c in cases]
OWN_AGENTS = ("pricing", "analysis")


# --- every expected fact is in the data ---------------------------------------------------------

SPOKEN = {w: str(n) for n, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])} | {"oh": "0"}


def typed(text: str) -> str:
    """A dictation as it would be typed: spoken digits as digits, "x dot y at z dot com" as
    x.y@z.com."""
    out = re.sub(r"\b(" + "|".join(SPOKEN) + r")\b", lambda m: SPOKEN[m.group(1)], text.lower())
    out = re.sub(r"(?<=\d) (?=\d)", "", out)
    out = re.sub(r"\s+dot\s+", ".", out)
    return re.sub(r"(\S+)\s+at\s+(\w+\.(?:com|net|org))\b", r"\1@\2", out)


def card_problems(c: dict[str, Any], e: dict[str, Any]) -> list[str]:
    """A drafted card's fields are all in what the rep said, and the customer is new."""
    said = base._norm(typed(" ".join(t["text"] for t in c["turns"])))
    problems = [f"{s!r} is not in what the rep said" for s in e.get("contains", []) if base._norm(s) not in said]
    if "phone" in e and e["phone"] not in re.sub(r"\D", "", said):
        problems.append(f"phone {e['phone']} is not in the dictation")
    s = c["subject"]
    if any(cu["first_name"] == s["first_name"] or cu["last_name"] == s["last_name"] for cu in base.CUSTOMERS.values()):
        problems.append("the new customer shares a name with the CRM")
    return problems


def middle_knowledge_problems(e: dict[str, Any], s: dict[str, Any]) -> list[str]:
    """A knowledge answer in the middle of a conversation: its documents exist, and its key
    phrase is in the first of them."""
    docs = [m for m in s.get("middle", []) if not str(m).startswith("analysis:")]
    problems = [f"{doc} is no document" for doc in docs if doc not in base.DOCS]
    for phrase in e.get("contains", []):
        if not docs or base._norm(phrase) not in base._norm(base.doc_text(docs[0])):
            problems.append(f"{phrase!r} is not in {docs}")
    return problems


def problems_of(c: dict[str, Any]) -> list[str]:
    cat, s = c["category"], c["subject"]
    if cat == "analysis":
        return dev3.analysis_problems(c)
    if cat == "pricing":
        return dev3.pricing_problems(c)
    problems: list[str] = []
    rest = copy.deepcopy(c)
    bookings = [check for check in c["crm_after"] if "appointment_on_job" in check]
    rest["crm_after"] = [check for check in c["crm_after"] if "appointment_on_job" not in check]
    for t in rest["turns"]:
        e = t.get("expect")
        if not e:
            continue
        if e.get("agent") == "new_clients":
            problems.extend(card_problems(c, e))
            t["expect"] = {k: v for k, v in e.items() if k in ("agent", "not_contains")}
        elif e.get("agent") in OWN_AGENTS:
            problems.extend(dev3.middle_problems(e, s))
            t["expect"] = {k: v for k, v in e.items() if k in ("agent", "not_contains")}
        elif e.get("agent") == "knowledge" and cat != "knowledge":
            problems.extend(middle_knowledge_problems(e, s))
            t["expect"] = {k: v for k, v in e.items() if k != "contains"}
    if cat == "followup" and "user_id" in s:
        ids = sorted(j for j, job in base.JOBS.items() if s["user_id"] in job["rep_ids"] and base.STAGES[job["stage_code"]] not in ("Completed", "Paid & Closed", "Lost"))
        e = rest["turns"][-1]["expect"]
        if e.pop("count") != len(ids) or ids != s["job_ids"]:
            problems.append(f"user {s['user_id']} has {len(ids)} open jobs")
        if base.USERS[s["user_id"]]["first_name"] not in ("Mike", "Kevin"):
            problems.append("the follow-up says 'he' of this rep")
    if cat == "new_clients":
        rest["turns"] = [{**t, "text": typed(t["text"])} for t in rest["turns"]]
    problems.extend(base.grounding_problems(rest))
    for check in bookings:
        problems.extend(dev2.appointment_problems(c, check))
    if cat == "knowledge":
        for doc in s.get("also", []):
            if doc not in base.DOCS or dev3.Path(doc).stem not in c["turns"][0]["expect"]["any_of"]:
                problems.append(f"{doc} is not among the accepted documents")
    if cat == "clarify" and s.get("field") == "stage":
        chosen = s["chosen"]
        roofs = [j for j, job in base.JOBS.items() if job["customer_id"] in s["customer_ids"] and 8 in job["trades"]]
        if [base.JOBS[j]["customer_id"] for j in roofs] != [chosen]:
            problems.append("'the roof one' does not pick one job of one of them")
        elif c["turns"][-1]["expect"]["contains"] != [base.STAGES[base.JOBS[roofs[0]]["stage_code"]]]:
            problems.append("not the roof job's stage")
    return problems


def test_the_checks_catch_a_wrong_fact() -> None:
    tampered = grounding.tampered_facts(ALL, [
        ("crm.contact", "phone", "5085559999", None),
        ("crm.money", "money", 1234.56, None),
        ("crm.calendar", "count", 99, None),
        ("analysis", "count", 99, lambda x: "town" in x["subject"]["where"]),
        ("analysis", "percent", 12.5, None),
        ("pricing", "money", 1.23, None),
        ("new_clients", "phone", "6175550000", lambda x: "phone" in x["subject"]),
        ("new_clients", "contains", ["Cornelius", "Ashdown", "ashdown@aol.com"], None),
        ("knowledge", "contains", ["a phrase of no document"], None),
    ])
    spelled = copy.deepcopy(next(x for x in ALL if x["category"] == "new_clients" and "@" in "".join(x["turns"][0]["expect"]["contains"]) and " at " in x["turns"][0]["text"]))
    spelled["turns"][0]["expect"]["contains"] = [s.replace("@", "@mail.") if "@" in s else s for s in spelled["turns"][0]["expect"]["contains"]]
    tampered.append(spelled)
    load = copy.deepcopy(next(x for x in ALL if x["category"] == "followup" and "user_id" in x["subject"]))
    load["turns"][-1]["expect"]["count"] += 1
    tampered.append(load)
    detour = copy.deepcopy(next(x for x in ALL if x["category"] == "topic_switch" and x["subject"]["phrase"]))
    detour["turns"][1]["expect"]["contains"] = ["a phrase of no document"]
    tampered.append(detour)
    bookings = [c for c in ALL if c["category"] == "write" and "appointment_on_job" in c["crm_after"][0]]
    assert len(bookings) >= 5
    tampered += grounding.shifted_bookings(bookings, (dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=30)))
    grounding.assert_caught(tampered, problems_of)


def test_the_reader_reads_dev4s_booking_times() -> None:
    for when, start in build_dev4.WHEN_TYPED:
        got, problems = dev2.booked_start(f"set up a measure at 1040 {when}")
        assert got == dt.datetime.fromisoformat(start) and not problems, (when, got, problems)


def test_dictations_read_as_typed() -> None:
    assert typed("six one seven five five five oh one four two") == "6175550142"
    assert typed("wren dot galloway at yahoo dot com") == "wren.galloway@yahoo.com"
    assert typed("lsedgwick at comcast dot net, wants a roof") == "lsedgwick@comcast.net, wants a roof"


# --- subjects, shape, and apart from the other sets -------------------------------------------------


def test_cases_are_well_formed() -> None:
    grounding.assert_well_formed("dev4", CASES["dev4/questions.jsonl"], CASES["dev4/conversations.jsonl"], questions_write=True)
    assert len(CASES["dev4/questions.jsonl"]) >= 150
    assert len(CASES["dev4/conversations.jsonl"]) >= 50
    for c in ALL:
        if c["category"] == "called_off" or c["subject"].get("intake"):
            assert c["crm_after"] == [{"unchanged": True}], c["id"]
            later = [t for t in c["turns"][1:] if "expect" in t]
            assert later and all(t["expect"].get("not_contains") == build_dev4.WRITE_CLAIMS for t in later), c["id"]
        if c["category"] == "write":
            assert len(c["crm_after"]) == 1 and not c["crm_after"][0].get("unchanged"), c["id"]
            assert sum(t["text"] in build_dev4.YESES for t in c["turns"]) == 1, c["id"]


def test_the_weak_areas_carry_the_weight() -> None:
    counts: dict[str, int] = {}
    for c in ALL:
        counts[c["category"]] = counts.get(c["category"], 0) + 1
    assert counts["new_clients"] >= 20 and counts["knowledge"] >= 40 and counts["analysis"] >= 20
    assert counts["web_search"] >= 10 and counts["write"] + counts["called_off"] >= 25
    cards = [c for c in ALL if c["category"] == "new_clients"]
    assert sum(bool(re.search(r"\b(five|seven|oh)\b", c["turns"][0]["text"])) for c in cards) >= 8, "phones spoken"
    assert sum(" dot " in c["turns"][0]["text"] for c in cards) >= 6, "emails spoken"
    assert sum("phone" not in c["subject"] for c in cards) >= 3, "cards without a phone"
    for field in ("email", "street", "town", "trade", "source", "note"):
        assert sum(field in c["subject"]["fields"] for c in cards) >= 4, field


def test_writes_and_called_off_cover_every_kind() -> None:
    for cat in ("write", "called_off"):
        kinds = {c["subject"]["kind"] for c in ALL if c["category"] == cat}
        assert {"note", "stage", "book"} <= kinds, (cat, kinds)
    stages = {c["crm_after"][0]["stage"] for c in ALL if c["category"] == "write" and "stage_of_job" in c["crm_after"][0]}
    assert len(stages) >= 5, stages
    yeses = {t["text"] for c in ALL if c["category"] in ("write", "called_off") for t in c["turns"] if t["text"] in build_dev4.YESES}
    assert len(yeses) >= 10, yeses
    offs = {c["subject"]["call_off"] for c in ALL if c["category"] == "called_off" and "call_off" in c["subject"]}
    assert len(offs) >= 10, offs


