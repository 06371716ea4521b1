"""The dev5 eval set: rebuilt byte for byte by its generator, every expected fact found in the
demo data (test_eval_sets', test_dev3_set's and test_dev4_set's grounding checks, plus dev5's
own for what they do not cover: bookings moved before the yes, the jobs Hard-E must offer when
a customer has two, the visit a follow-up asks about, answers in the middle of a conversation),
its bookings' times read back from what the rep typed, and no case text shared with dev, dev2,
dev3, dev4 or held-out. Nothing here runs Hard-E or looks at its accuracy.
(test_dev_sets.py runs, with this file's problems_of, the checks every set has.)"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

from tests.understanding import grounding
from tests.understanding import test_dev2_set as dev2
from tests.understanding import test_dev3_set as dev3
from tests.understanding import test_dev4_set as dev4
from tests.understanding import test_eval_sets as base
from tests.understanding.eval import build_dev5

FILES = ["dev5/questions.jsonl", "dev5/conversations.jsonl"]
CASES = {name: base.load(name) for name in FILES}
ALL = [c for cases in CASES.values() for c in cases]
MIDDLE_AGENTS = ("knowledge", "pricing", "analysis")
CLOSED = ("Completed", "Paid & Closed", "Lost")


# --- reading the times a rep types ------------------------------------------------------------

MONDAY = dt.date(2026, 11, 23)
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def _typed(text: str) -> str:
    # "thurs" is how reps shorten thursday; dev2's reader knows "thu", "thursday", "tues"
    return re.sub(r"\bthurs\b", "thursday", text.lower())


def days_named(text: str) -> set[dt.date]:
    """The days a turn names, read like test_dev2_set's reader: "tmrw", "12/3", "dec 4", "thu",
    "next tues"."""
    t = _typed(text)
    days: set[dt.date] = set()
    if re.search(r"\b(tmrw|tomorrow)\b", t):
        days.add(MONDAY + dt.timedelta(days=1))
    for m in re.finditer(r"(?<![\d-])(\d{1,2})/(\d{1,2})\b", t):
        days.add(dt.date(2026, int(m.group(1)), int(m.group(2))))
    for m in re.finditer(r"\b(nov|dec)\w*\s+(\d{1,2})(?:st|nd|rd|th)?\b", t):
        days.add(dt.date(2026, dev2.MONTHS[m.group(1)], int(m.group(2))))
    for m in re.finditer(r"\b(next\s+)?(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|rsday|nesday|urday)?\b", t):
        ahead = (WEEKDAYS.index(m.group(2)) - MONDAY.weekday()) % 7 or 7
        day = MONDAY + dt.timedelta(days=ahead)
        if m.group(1) and day < MONDAY + dt.timedelta(days=7):
            day += dt.timedelta(days=7)
        days.add(day)
    return days


def time_named(text: str) -> dt.time | None:
    """The time a turn names, or None: dev2's reader run on the turn with a day added."""
    when, _problems = dev2.booked_start("tmrw " + _typed(text))
    return when.time() if when else None


def booked_start(text: str) -> tuple[dt.datetime | None, list[str]]:
    """dev2's reader, with "thurs" read as thursday."""
    return dev2.booked_start(_typed(text))


def booking_problems(c: dict[str, Any], check: dict[str, Any]) -> list[str]:
    """The booking's start is what the rep typed (grounding.booking_problems, dev5's reading of
    days and times, moved by the subject's "corrected"); a booking not moved reads the same by
    dev2's reader."""

    def read_by_dev2(c: dict[str, Any], start: dt.datetime, named: list[grounding.Named], moved: bool) -> list[str]:
        if moved:
            return []
        request = named[0][0]
        read, problems = booked_start(request)
        if read != start:
            problems = [*problems, f"dev2's reader reads {request!r} as {read}"]
        return problems

    return grounding.booking_problems(c, check, days_named=days_named, time_named=time_named, moved_by="corrected", then=read_by_dev2)


def test_the_reader_reads_dev5s_booking_times() -> None:
    for when, start in build_dev5.WHEN_TYPED:
        got, problems = booked_start(f"put 1047 down for a measurement {when}")
        assert got == dt.datetime.fromisoformat(start) and not problems, (when, got, problems)
        assert days_named(when) == {got.date()} and time_named(when) == got.time(), when
    assert time_named(build_dev5.TIME_FIX) == dt.time(15, 0) and not days_named(build_dev5.TIME_FIX)
    assert days_named(build_dev5.DAY_FIX) == {dt.date(2026, 12, 9)} and time_named(build_dev5.DAY_FIX) is None
    assert not days_named("put a note on 2611-1047: measured 31 squares") and time_named("note on 1047: gave them all 3 package options") is None


# --- every expected fact is in the data ---------------------------------------------------------


def live_jobs_of(cid: int) -> list[int]:
    return sorted(j for j, job in base.JOBS.items() if job["customer_id"] == cid and not job["archived"])


TRADE_STEMS = {8: "roof", 9: "siding", 10: "gutter", 11: "window"}


def job_options_problems(cid: int, options: list[list[str]]) -> list[str]:
    """The jobs a question back must offer: every live job of the customer, each with its number
    and, as other ways to name it, only trades no other of those jobs has."""
    ids = live_jobs_of(cid)
    if [o[0] for o in options] != [str(j) for j in ids] or len(ids) < 2:
        return [f"the options {options} are not the live jobs {ids} of customer {cid}"]
    problems = []
    for jid, option in zip(ids, options, strict=True):
        own = {TRADE_STEMS[t] for t in base.JOBS[jid]["trades"] if t in TRADE_STEMS}
        others = {TRADE_STEMS[t] for o in ids if o != jid for t in base.JOBS[o]["trades"] if t in TRADE_STEMS}
        if not set(option[1:]) <= own - others:
            problems.append(f"{option[1:]} do not name job {jid} alone")
    return problems


def which_problems(c: dict[str, Any]) -> list[str]:
    """A write that names only a customer with two open jobs: the job is one of them, and the
    rep's reply names it alone (by number, trade or stage)."""
    s = c["subject"]
    jid, cid = s["job_id"], s["customer_id"]
    ids = live_jobs_of(cid)
    problems = []
    if base.JOBS[jid]["customer_id"] != cid or ids != s["job_ids"]:
        problems.append("the job is not one of the customer's")
    if any(base.STAGES[base.JOBS[j]["stage_code"]] in CLOSED for j in ids):
        problems.append("a closed job: the write would not need to ask")
    named = [base.CUSTOMERS[cid]["first_name"].lower(), base.CUSTOMERS[cid]["last_name"].lower()]
    if not any(n in c["turns"][0]["text"].lower() for n in named) or re.search(r"\d{4}", c["turns"][0]["text"]):
        problems.append("the request does not name the customer alone")
    reply = c["turns"][1]["text"].lower()
    own = [TRADE_STEMS[t] for t in base.JOBS[jid]["trades"] if t in TRADE_STEMS]
    stage = base.STAGES[base.JOBS[jid]["stage_code"]].lower()
    if s["reply"] == "number" and str(jid) not in reply:
        problems.append(f"{reply!r} is not job {jid}")
    if s["reply"] == "trade" and not any(t in reply for t in own):
        problems.append(f"{reply!r} is not the trade of job {jid}")
    if s["reply"] == "stage" and (stage not in reply or sum(base.STAGES[base.JOBS[j]["stage_code"]].lower() == stage for j in ids) != 1):
        problems.append(f"{reply!r} does not name job {jid} by its stage")
    if c["category"] == "write" and "stage_of_job" in c["crm_after"][0]:
        target = c["crm_after"][0]["stage"]
        if not all(base.STAGES[base.JOBS[j]["stage_code"]] in build_dev5.STAGE_FROM[target] for j in ids):
            problems.append(f"not every job of the customer could go to {target}: the write would not need to ask")
    return problems


def middle_problems(c: dict[str, Any]) -> list[str]:
    """The answers in the middle of a CRM conversation (a document, a catalog price, a call
    count), in the order the subject lists them."""
    s = c["subject"]
    middles = s.get("middle") or []
    phrases = s.get("phrase")
    phrases = phrases if isinstance(phrases, list) else [phrases] * len(middles)
    turns = [t for t in c["turns"] if (t.get("expect") or {}).get("agent") in MIDDLE_AGENTS]
    if len(turns) != len(middles):
        return [f"{len(turns)} answers in the middle, {len(middles)} subjects"]
    problems = []
    for t, ref, phrase in zip(turns, middles, phrases, strict=True):
        e = t["expect"]
        if e["agent"] == "knowledge":
            if ref not in base.DOCS or Path(ref).stem not in e["any_of"]:
                problems.append(f"{ref} is no document, or not accepted")
                continue
            # every document the answer may cite carries the key phrase
            for doc in (d for d in base.DOCS if Path(d).stem in e["any_of"]):
                if phrase and base._norm(phrase) not in base._norm(base.doc_text(doc)):
                    problems.append(f"{phrase!r} is not in {doc}")
            if e.get("contains", []) != ([phrase] if phrase else []):
                problems.append("the key phrase is not the subject's")
        elif e["agent"] == "pricing":
            if ref not in base.CATALOG or e.get("money") != float(base.CATALOG[ref]["price"]):
                problems.append(f"{e.get('money')} is not the price of {ref}")
        elif not str(ref).startswith("analysis:") or e.get("count") != dev3.analysis_value("count", {ref.split(":")[1]: ref.split(":")[2]}):
            problems.append(f"{e.get('count')} is no call count of {ref}")
    return problems


def problems_of(c: dict[str, Any]) -> list[str]:
    """test_eval_sets' grounding checks on what they can recompute, dev3's for call figures and
    the catalog, dev4's for dictated cards, and dev5's own for the rest."""
    cat, s = c["category"], c["subject"]
    if cat == "analysis":
        return dev3.analysis_problems(c)
    if cat == "pricing":
        return dev3.pricing_problems(c)
    problems: list[str] = []
    rest = copy.deepcopy(c)
    bookings = [check for check in c["crm_after"] if "appointment_on_job" in check]
    rest["crm_after"] = [check for check in c["crm_after"] if "appointment_on_job" not in check]
    if cat not in ("knowledge",):
        problems.extend(middle_problems(c))
    for t in rest["turns"]:
        e = t.get("expect")
        if not e:
            continue
        if e.get("agent") == "new_clients":
            problems.extend(dev4.card_problems(c, e))
            t["expect"] = {k: v for k, v in e.items() if k in ("agent", "not_contains")}
        elif e.get("agent") in MIDDLE_AGENTS and cat != "knowledge":
            t["expect"] = {k: v for k, v in e.items() if k in ("agent", "not_contains")}
        if "asks" in e and "job_ids" in s:
            problems.extend(job_options_problems(s["customer_id"], e["asks"]))
            t["expect"].pop("asks")
    if cat in ("write", "called_off") and "reply" in s:
        problems.extend(which_problems(c))
    if cat == "clarify" and "job_ids" in s:
        choice = c["turns"][-1]["expect"].get("choice")
        labels = c["turns"][0]["expect"]["asks"]
        if choice and [o["find"] for o in choice["options"]] != labels:
            problems.append("the choice's options are not the jobs asked about")
        if choice is None and str(s["chosen_job"]) not in labels[[x[0] for x in labels].index(str(s["chosen_job"]))]:
            problems.append("the chosen job is not among the options")
    if cat == "clarify" and "user_ids" in s:
        e = rest["turns"][-1]["expect"]
        n = sum(s["from"] <= a["start_date_time"][:10] <= s["to"] and s["user_id"] in (a["user_id"], *a["attendees_ids"]) for a in base.SEED["appointments"])
        if n != e["count"]:
            problems.append(f"{n} appointments of user {s['user_id']}, not {e['count']}")
        same = {u["id"] for u in base.USERS.values() if u["first_name"].lower() == s["said"]}
        if same != set(s["user_ids"]) or s["user_id"] not in same:
            problems.append(f"{s['said']!r} is not shared by exactly {s['user_ids']}")
        e.pop("count")
    if cat == "followup" and "appointment_id" in s:
        ahead = [a for a in base.SEED["appointments"] if s["job_id"] in a["job_ids"] and a["start_date_time"] >= base.NOW and not a["is_completed"]]
        e = c["turns"][1]["expect"]
        if [a["id"] for a in ahead] != [s["appointment_id"]] or (e["date"], e["time"]) != (ahead[0]["start_date_time"][:10], ahead[0]["start_date_time"][11:16]):
            problems.append("not the job's one visit ahead")
    problems.extend(base.grounding_problems(rest))
    for check in bookings:
        problems.extend(booking_problems(c, check))
    if cat == "knowledge":
        e = c["turns"][0]["expect"]
        for doc in s.get("also", []):
            if doc not in base.DOCS or Path(doc).stem not in e["any_of"]:
                problems.append(f"{doc} is not among the accepted documents")
            elif base._norm(s["phrase"]) not in base._norm(base.doc_text(doc)):
                problems.append(f"{s['phrase']!r} is not in {doc}")
    if cat == "write" and s.get("corrected") == "job" and (c["crm_after"][0]["note_on_job"] == s["other_job_id"] or str(s["other_job_id"]) not in c["turns"][0]["text"]):
        problems.append("the note does not move to the job the rep corrected to")
    if cat == "write" and s.get("corrected") in ("note", "stage"):
        check = c["crm_after"][0]
        said = check.get("contains") or check.get("stage", "")
        if base._norm(said) in base._norm(c["turns"][0]["text"]) or base._norm(said.split()[0]) not in base._norm(c["turns"][1]["text"]):
            problems.append("the check is not what the correction says")
    return problems


def test_the_checks_catch_a_wrong_fact() -> None:
    tampered = grounding.tampered_facts(ALL, [
        ("crm.contact", "phone", "5085559999", None),
        ("crm.money", "money", 1234.56, None),
        ("crm.dates", "date", "2026-11-25", None),
        ("crm.calendar", "count", 99, None),
        ("crm.status", "contains", ["Lost"], lambda x: "Lost" not in x["turns"][0]["expect"]["contains"]),
        ("analysis", "count", 99, lambda x: "town" in x["subject"]["where"]),
        ("analysis", "percent", 12.5, None),
        ("pricing", "money", 1.23, lambda x: x["subject"].get("field") == "total"),
        ("pricing", "count", 7, lambda x: "need" in x["subject"]),
        ("new_clients", "phone", "6175550000", None),
        ("knowledge", "contains", ["a phrase of no document"], None),
    ])
    convs = CASES["dev5/conversations.jsonl"]
    which = copy.deepcopy(next(x for x in convs if x["category"] == "write" and "reply" in x["subject"]))
    which["turns"][0]["expect"]["asks"] = [*which["turns"][0]["expect"]["asks"][:1], ["1040"]]
    tampered.append(which)
    elsewhere = copy.deepcopy(next(x for x in convs if x["category"] == "write" and "reply" in x["subject"] and x["subject"]["reply"] == "number"))
    elsewhere["crm_after"][0][next(k for k in elsewhere["crm_after"][0] if k.endswith("_job"))] = next(j for j in elsewhere["subject"]["job_ids"] if j != elsewhere["subject"]["job_id"])
    elsewhere["subject"]["job_id"] = elsewhere["crm_after"][0].get("note_on_job") or elsewhere["crm_after"][0].get("stage_of_job") or elsewhere["crm_after"][0].get("appointment_on_job")
    tampered.append(elsewhere)
    scheduled = copy.deepcopy(next(x for x in convs if x["category"] == "followup" and "appointment_id" in x["subject"]))
    scheduled["turns"][1]["expect"]["time"] = "07:00"
    tampered.append(scheduled)
    middle = grounding.with_wrong_middle(next(x for x in convs if x["category"] == "topic_switch" and any((t.get("expect") or {}).get("agent") == "pricing" for t in x["turns"])), "pricing", "money", 1.0)
    tampered.append(middle)
    phrase = grounding.with_wrong_middle(next(x for x in convs if x["category"] == "topic_switch" and any(x["subject"]["phrase"])), "knowledge", "contains", ["a phrase of no document"])
    tampered.append(phrase)
    mike = copy.deepcopy(next(x for x in convs if x["category"] == "clarify" and "user_ids" in x["subject"]))
    mike["turns"][-1]["expect"]["count"] += 1
    tampered.append(mike)
    note = copy.deepcopy(next(x for x in convs if x["category"] == "write" and "note_on_job" in x["crm_after"][0]))
    note["crm_after"][0]["contains"] = "a note nobody typed"
    tampered.append(note)
    fixed = copy.deepcopy(next(x for x in convs if x["subject"].get("corrected") == "stage"))
    fixed["crm_after"][0]["stage"] = "Lost"
    tampered.append(fixed)
    bookings = [c for c in convs if c["category"] == "write" and any("appointment_on_job" in k for k in c["crm_after"])]
    assert len(bookings) >= 12
    tampered += grounding.shifted_bookings(bookings, (dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=30)))
    grounding.assert_caught(tampered, problems_of)


# --- subjects, shape, weight, and apart from the other sets ------------------------------------------


def _request_index(c: dict[str, Any]) -> int:
    """The turn that asks for the write: the first one with nothing to check, or a question back."""
    return next(n for n, t in enumerate(c["turns"]) if "expect" not in t or "asks" in t["expect"])


def test_cases_are_well_formed() -> None:
    grounding.assert_well_formed("dev5", CASES["dev5/questions.jsonl"], CASES["dev5/conversations.jsonl"], questions_write=False)
    for c in ALL:
        if c["category"] == "called_off":
            assert c["crm_after"] == [{"unchanged": True}], c["id"]
            later = c["turns"][_request_index(c) + 1 :]
            assert later and all(t["expect"].get("not_contains") == build_dev5.WRITE_CLAIMS for t in later), c["id"]
            assert c["subject"].get("call_off") in build_dev5.CALL_OFFS or "question" in c["template"] or "playbook" in c["template"], c["id"]
            assert (c["turns"][-1]["text"] in build_dev5.STRAYS) == c["template"].split("/")[0].endswith("yes"), c["id"]
            assert not any(t["text"] in build_dev5.YESES and t["text"] not in build_dev5.STRAYS for t in c["turns"]), c["id"]
        if c["category"] == "write":
            assert c["crm_after"] and not any(k.get("unchanged") for k in c["crm_after"]), c["id"]
            yeses = [n for n, t in enumerate(c["turns"]) if t["text"] in build_dev5.YESES]
            assert len(yeses) == len(c["crm_after"]) and yeses[-1] == len(c["turns"]) - 1, c["id"]
        if c["category"] in ("followup", "clarify", "topic_switch"):
            assert not c["crm_after"], c["id"]


def test_the_weak_areas_carry_the_weight() -> None:
    counts: dict[str, int] = {}
    for c in ALL:
        counts[c["category"]] = counts.get(c["category"], 0) + 1
    assert len(CASES["dev5/questions.jsonl"]) >= 150
    assert len(CASES["dev5/conversations.jsonl"]) >= 120
    assert counts["write"] >= 40 and counts["called_off"] >= 18 and counts["followup"] >= 24
    assert counts["clarify"] >= 15 and counts["topic_switch"] >= 15
    assert all(counts[cat] >= 4 for cat in base.QUESTION_CATEGORIES), counts
    follow = [c for c in ALL if c["category"] == "followup"]
    assert sum(len(c["turns"]) >= 3 for c in follow) >= 20 and sum(len(c["turns"]) == 4 for c in follow) >= 5


def test_writes_cover_what_reps_say() -> None:
    writes = [c for c in ALL if c["category"] == "write"]
    requests = [c["turns"][_request_index(c)]["text"] for c in writes]
    kinds = {k for c in writes for k in c["subject"]["kind"].split("+")}
    assert kinds == {"note", "stage", "book"}, kinds
    stages = {k["stage"] for c in writes for k in c["crm_after"] if "stage_of_job" in k}
    assert len(stages) >= 7, stages
    assert sum(bool(re.search(r"\b\d{4}-\d{4}\b", t)) for t in requests) >= 3, "long job numbers"
    assert sum(bool(re.search(r"#\s?\d{4}\b", t)) for t in requests) >= 4, "job numbers with #"
    assert sum(not re.search(r"\d{4}", t) for t in requests) >= 12, "jobs named by customer or pronoun"
    assert sum("look_up" in c["subject"] for c in writes) >= 8, "pronouns after a look-up"
    assert sum("reply" in c["subject"] for c in writes) >= 6, "Hard-E must ask which job"
    assert {c["subject"]["corrected"] for c in writes if "corrected" in c["subject"]} == {"time", "day", "note", "stage", "job"}
    assert sum(len(c["crm_after"]) == 2 for c in writes) >= 3, "two writes in one conversation"
    notes = [t["text"] for c in writes for t in c["turns"] if any(k.get("contains", "") and k["contains"] in t["text"] for k in c["crm_after"] if "note_on_job" in k)]
    for separator in (r": ", r" - ", r", ", r" saying ", r" that ", r"\d add (?:a )?note \w"):
        assert any(re.search(separator, t) for t in notes), separator
    typed = " ".join(c["turns"][n]["text"] for c in writes for n in range(len(c["turns"])))
    for when in ("thurs 2pm", "next tues at 8:30", "12/3 @ 10", "tomorrow morning 9"):
        assert when in typed, when
    assert len({t["text"] for c in writes for t in c["turns"] if t["text"] in build_dev5.YESES}) >= 18


def test_called_off_cover_what_reps_say() -> None:
    offs = [c for c in ALL if c["category"] == "called_off"]
    assert {c["subject"]["kind"] for c in offs} == {"note", "stage", "book"}
    said = {c["subject"].get("call_off") for c in offs}
    assert {"scratch that", "no dont", "forget it", "hold on not yet"} <= said and len(said - {None}) >= 12, said
    assert sum(c["turns"][-1]["text"] in build_dev5.STRAYS for c in offs) >= 8, "a stray yes later"
    assert any("question" in c["template"] for c in offs) and any(c["subject"].get("middle") for c in offs)


