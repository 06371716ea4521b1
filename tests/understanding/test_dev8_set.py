"""The dev8 eval set: rebuilt byte for byte by its generator, every expected fact found in the
demo data (test_dev7_set's grounding checks, which gather test_eval_sets', test_dev3_set's,
test_dev4_set's and test_dev5_set's and read the bookings the way reps type them, plus dev8's
own: the calendar by kind of visit, what the director said on one call, the way a write names
its job, a visit moved and called off, a clarification answered by trade or town), and no case
text shared with dev, dev2 .. dev7 or held-out. Nothing here runs Hard-E or looks at its
accuracy.
(test_dev_sets.py runs, with this file's problems_of, the checks every set has.)"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from tests.understanding import grounding
from tests.understanding import test_dev5_set as dev5
from tests.understanding import test_dev7_set as dev7
from tests.understanding import test_eval_sets as base
from tests.understanding.eval import build_dev8

FILES = ["dev8/questions.jsonl", "dev8/conversations.jsonl"]
CASES = {name: base.load(name) for name in FILES}
QUESTIONS = CASES["dev8/questions.jsonl"]
CONVERSATIONS = CASES["dev8/conversations.jsonl"]
ALL = [*QUESTIONS, *CONVERSATIONS]
CLOSED = ("Completed", "Paid & Closed", "Lost")
TRADE_STEMS = dev5.TRADE_STEMS  # trade id: the stem a rep types


# --- reading the days and times a rep types (test_dev7_set's reader) ----------------------------


def test_the_reader_reads_dev8s_booking_times() -> None:
    for when, start in build_dev8.WHEN_TYPED:
        got, problems = dev7.booked_start(f"book 2611-1047 a site visit {when}")
        assert got == dt.datetime.fromisoformat(start) and not problems, (when, got, problems)
    for fix, hhmm in build_dev8.TIME_FIXES:
        assert dev7.time_named(fix) == dt.time.fromisoformat(hhmm) and not dev7.days_named(fix), fix
    for fix, day in build_dev8.DAY_FIXES:
        assert dev7.days_named(fix) == {dt.date.fromisoformat(day)} and dev7.time_named(fix) is None, fix
    quiet = [*build_dev8.NOTE_LINES, *(t for t, _r, _p in build_dev8.DETOURS), *build_dev8.YESES, *build_dev8.LOOKUP, *build_dev8.BACK_TO]
    quiet += [t for ts in build_dev8.SECOND.values() for t in ts]
    for text in quiet:
        assert not dev7.days_named(text) and dev7.time_named(text) is None, text


# --- every expected fact is in the data ---------------------------------------------------------


def _lower(text: str) -> str:
    return base._norm(text.replace("'", ""))


def calendar_kind_problems(c: dict[str, Any]) -> list[str]:
    """The calendar asked by a kind of visit: the count of appointments in the days (of the rep)
    whose title has the word, the kind said in the question, their customers when three or fewer."""
    s, e = c["subject"], c["turns"][0]["expect"]
    kind = s["title_has"]
    appts = [
        a for a in base.SEED["appointments"]
        if s["from"] <= a["start_date_time"][:10] <= s["to"] and kind in a["title"].lower()
        and (s["user_id"] is None or s["user_id"] in (a["user_id"], *a["attendees_ids"]))
    ]
    problems = []
    if e.get("count") != len(appts):
        problems.append(f"{len(appts)} {kind} visits from {s['from']} to {s['to']}, not {e.get('count')}")
    if kind[:7] not in _lower(c["turns"][0]["text"]):
        problems.append(f"the question does not ask for {kind} visits")
    names = sorted({base.CUSTOMERS[a["customer_id"]]["last_name"] for a in appts})
    if 0 < len(appts) <= 3 and e.get("contains") != names:
        problems.append(f"the customers are {names}")
    return problems


def the_call(town: str, trade: str) -> list[dict[str, Any]]:
    return [x for x in base.CALLS if x["town"] == town and x["trade"] == trade]


def said_problems(c: dict[str, Any]) -> list[str]:
    """What the director said on one call: the call is the one of its town and trade, the
    question names both, and the phrase is in the answer the call holds (the response to the
    one objection of that kind, the takeaway, the outcome) or the figure is its deal value."""
    s, e = c["subject"], c["turns"][0]["expect"]
    calls = the_call(s["where"]["town"], s["where"]["trade"])
    if [x["id"] for x in calls] != [s["call"]]:
        return [f"{s['where']} is not call {s['call']} alone"]
    call = calls[0]
    text = _lower(c["turns"][0]["text"])
    problems = []
    if s["where"]["town"].lower() not in text or s["where"]["trade"][:4] not in text:
        problems.append("the question does not name the call's town and trade")
    if s["what"] == "deal":
        value = e["money"]["value"] if isinstance(e.get("money"), dict) else e.get("money")
        return [*problems, *([] if value == call["deal_value"] else [f"the deal was {call['deal_value']}"])]
    if s["what"] == "takeaway":
        held = [call["takeaway"]]
    elif s["what"] == "outcome":
        held = [call["outcome_label"]]
    else:
        held = [o["response"] for o in call["objections"] if o["category"] == s["what"]]
    if len(held) != 1:
        return [*problems, f"{len(held)} answers of {s['what']} on {call['id']}"]
    if len(e.get("contains", [])) != 1 or base._norm(e["contains"][0]) not in base._norm(held[0]):
        problems.append(f"{e.get('contains')} is not what the call says")
    return problems


def _live(jid: int) -> bool:
    return not base.JOBS[jid]["archived"]


def _customer_jobs(cid: int) -> list[int]:
    return sorted(j for j, job in base.JOBS.items() if job["customer_id"] == cid)


def _stems(jid: int) -> set[str]:
    return {TRADE_STEMS[t] for t in base.JOBS[jid]["trades"] if t in TRADE_STEMS}


def ref_problems(c: dict[str, Any]) -> list[str]:
    """A write's job as the rep named it: the name is in the request, and it picks out this job
    alone (a number is the job's; a name has one job of that trade, town or customer, archived
    jobs counted)."""
    s = c["subject"]
    jid, ref, style = s["job_id"], s["ref"], s["ref_style"]
    said = _lower(c["turns"][0]["text"])
    if _lower(ref) not in said:
        return [f"{ref!r} is not in the request"]
    cu = base.CUSTOMERS[base.JOBS[jid]["customer_id"]]
    first, last, town = cu["first_name"].lower(), cu["last_name"].lower(), base.JOBS[jid]["address"]["city"].lower()
    r = _lower(ref)
    named_stems = {stem for stem in TRADE_STEMS.values() if stem in r}
    people = base.CUSTOMERS.values()
    users = {u["first_name"].lower() for u in base.USERS.values()}
    if style in build_dev8.NUMBER_STYLES:
        ok = str(jid) in re.findall(r"\d{4}", r)
    elif style == "first":
        ok = r == first and first not in users and sum(p["first_name"].lower() == first for p in people) == 1 and len(_customer_jobs(cu["id"])) == 1
    elif style == "full" and not named_stems:
        ok = r == f"{first} {last}" and len(_customer_jobs(cu["id"])) == 1
    elif style in ("full", "possessive"):
        who = first if style == "possessive" else f"{first} {last}"
        same = [j for j in _customer_jobs(cu["id"]) if named_stems <= _stems(j)]
        ok = r.startswith(who) and len(named_stems) == 1 and same == [jid] and (style == "full" or (first not in users and sum(p["first_name"].lower() == first for p in people) == 1))
    elif style == "last_trade":
        same = [j for j, job in base.JOBS.items() if base.CUSTOMERS[job["customer_id"]]["last_name"].lower() == last and named_stems <= _stems(j)]
        ok = r.startswith(last) and len(named_stems) == 1 and same == [jid]
    elif style in ("town", "trade_town"):
        same = [j for j, job in base.JOBS.items() if job["address"]["city"].lower() == town and named_stems <= _stems(j)]
        ok = town in r and len(named_stems) == 1 and same == [jid]
    elif style == "last_town":
        same = [j for j, job in base.JOBS.items() if job["address"]["city"].lower() == town and base.CUSTOMERS[job["customer_id"]]["last_name"].lower() == last]
        ok = r == f"{last} in {town}" and same == [jid]
    else:
        return [f"no style {style}"]
    return [] if ok else [f"{ref!r} ({style}) does not name job {jid} alone"]


def move_problems(c: dict[str, Any]) -> list[str]:
    """A visit moved, then called off: the visit is the job's, ahead of the clock and not done,
    and the request says which kind of visit."""
    s = c["subject"]
    a = next((x for x in base.SEED["appointments"] if x["id"] == s["appointment_id"]), None)
    if a is None or s["job_id"] not in a["job_ids"]:
        return [f"appointment {s['appointment_id']} is not on job {s['job_id']}"]
    problems = []
    if a["start_date_time"] < base.NOW or a["is_completed"]:
        problems.append("the visit is not ahead")
    request = next(t["text"] for t in c["turns"] if "expect" not in t)
    word = build_dev8.VISIT_WORD[a["title"]]
    if _lower(word) not in _lower(request):
        problems.append(f"{request!r} does not say {word!r}")
    if not any(_live(j) and base.STAGES[base.JOBS[j]["stage_code"]] not in CLOSED for j in a["job_ids"]):
        problems.append("the job is closed")
    return problems


def reply_problems(c: dict[str, Any]) -> list[str]:
    """A shared name answered by the trade or the town: it picks out the chosen customer alone."""
    s = c["subject"]
    reply = _lower(c["turns"][1]["text"])
    group, chosen = s["customer_ids"], s["chosen"]
    if "trade" in s["reply"]:
        stem = TRADE_STEMS[next(t["id"] for t in base.SEED["trades"] if t["name"] == s["reply"]["trade"])]
        have = [cid for cid in group if any(stem in _stems(j) for j in _customer_jobs(cid))]
        return [] if stem in reply and have == [chosen] else [f"{reply!r} does not pick customer {chosen} by the trade"]
    town = s["reply"]["town"]
    have = [cid for cid in group if base.CUSTOMERS[cid]["address"]["city"] == town]
    return [] if town.lower() in reply and have == [chosen] else [f"{reply!r} does not pick customer {chosen} by the town"]


def problems_of(c: dict[str, Any]) -> list[str]:
    """test_dev7_set's grounding checks (markups, bookings read as typed, writes corrected before
    the yes, and test_dev5_set's for the rest), and dev8's own for what they do not cover."""
    s = c["subject"]
    if c["category"] == "analysis" and s.get("measure") == "said":
        return said_problems(c)
    rest = copy.deepcopy(c)
    problems = []
    if c["category"] == "crm.calendar" and "title_has" in s:
        problems.extend(calendar_kind_problems(c))
        rest["turns"][0]["expect"].pop("count", None)
    if "ref_style" in s:
        problems.extend(ref_problems(c))
    if c["category"] == "called_off" and s.get("kind") == "move":
        problems.extend(move_problems(c))
    if c["category"] == "clarify" and "reply" in s:
        problems.extend(reply_problems(c))
    if c["category"] == "write" and "reply" in s:
        # test_dev5_set's check of a write on one of two jobs, on the whole case (test_dev7_set's
        # passes it the case without its bookings)
        problems.extend(dev5.which_problems(c))
        rest["subject"].pop("reply")
    return [*problems, *dev7.problems_of(rest)]


def _first(cat: str, where: Any) -> dict[str, Any]:
    return grounding.first_case(ALL, cat, where)


def test_the_checks_catch_a_wrong_fact() -> None:
    tampered = grounding.tampered_facts(ALL, grounding.FACT_TAMPERS)
    tampered.append(grounding.with_wrong_middle(next(x for x in CONVERSATIONS if x["category"] == "write" and x["subject"].get("middle") and x["subject"]["phrase"][0]), "knowledge", "contains", ["a phrase of no document"]))
    tampered.append(grounding.with_wrong_middle(next(x for x in CONVERSATIONS if x["category"] == "topic_switch" and x["subject"]["middle"][0] in base.CATALOG), "pricing", "money", 1.0))
    tampered.append(grounding.with_wrong_middle(next(x for x in CONVERSATIONS if x["category"] == "topic_switch" and str(x["subject"]["middle"][0]).startswith("analysis:")), "analysis", "count", 99))
    # the calendar by kind of visit
    kind = _first("crm.calendar", lambda x: "title_has" in x["subject"])
    kind["turns"][0]["expect"]["count"] += 1
    tampered.append(kind)
    # what the director said
    said = _first("analysis", lambda x: x["subject"].get("measure") == "said" and "contains" in x["turns"][0]["expect"])
    said["turns"][0]["expect"]["contains"] = ["a line no call has"]
    tampered.append(said)
    other = _first("analysis", lambda x: x["subject"].get("measure") == "said" and x["subject"]["what"] not in ("deal", "takeaway", "outcome"))
    other["subject"]["call"] = "SDC-002"
    tampered.append(other)
    deal = _first("analysis", lambda x: x["subject"].get("measure") == "said" and x["subject"]["what"] == "deal")
    deal["turns"][0]["expect"]["money"]["value"] += 100
    tampered.append(deal)
    # a job named by something that is not its own, writes, writes corrected before the yes
    tampered += grounding.tampered_writes(ALL, ("num", "town", "last_trade", "first"))
    # a visit moved: another job's appointment
    tampered += grounding.tampered_offs(ALL, new_request=False)
    # a clarification answered by the town, the chosen customer swapped
    town = _first("clarify", lambda x: "town" in x["subject"].get("reply", {}))
    town["subject"]["chosen"] = next(cid for cid in town["subject"]["customer_ids"] if cid != town["subject"]["chosen"])
    tampered.append(town)
    which = _first("write", lambda x: x["subject"].get("reply") == "number")
    which["crm_after"][0][next(k for k in which["crm_after"][0] if k.endswith("_job"))] = next(j for j in which["subject"]["job_ids"] if j != which["subject"]["job_id"])
    which["subject"]["job_id"] = next(j for j in which["subject"]["job_ids"] if j != which["subject"]["job_id"])
    tampered.append(which)
    bookings = [x for x in CONVERSATIONS if x["category"] == "write" and any("appointment_on_job" in k for k in x["crm_after"])]
    assert len(bookings) >= 15
    tampered += grounding.shifted_bookings(bookings, (dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=30)))
    grounding.assert_caught(tampered, problems_of)


# --- subjects, shape, weight, and apart from the other sets ------------------------------------------


def test_cases_are_well_formed() -> None:
    grounding.assert_well_formed("dev8", QUESTIONS, CONVERSATIONS, questions_write=False)
    for c in ALL:
        texts = [t["text"] for t in c["turns"]]
        if c["category"] == "called_off":
            assert c["crm_after"] == [{"unchanged": True}], c["id"]
            assert c["subject"]["call_off"] in build_dev8.CALL_OFFS and c["subject"]["call_off"] in texts, c["id"]
            after = c["turns"][texts.index(c["subject"]["call_off"]):]
            assert all(t["expect"].get("not_contains") == build_dev8.WRITE_CLAIMS for t in after), c["id"]
            assert not any(t in build_dev8.YESES for t in texts), c["id"]
        if c["category"] == "write":
            assert c["crm_after"] and c["turns"][-1]["text"] in build_dev8.YESES, c["id"]
            assert sum(t in build_dev8.YESES for t in texts) == len(c["crm_after"]), c["id"]
        if c["category"] in ("followup", "clarify", "topic_switch"):
            assert not c["crm_after"], c["id"]
    assert not set(build_dev8.YESES) & {*build_dev8.CALL_OFFS, *build_dev8.STRAYS}


def test_the_weight_is_where_it_was_asked() -> None:
    counts: dict[str, int] = {}
    for c in ALL:
        counts[c["category"]] = counts.get(c["category"], 0) + 1
    assert 240 <= len(QUESTIONS) <= 280 and 110 <= len(CONVERSATIONS) <= 140, (len(QUESTIONS), len(CONVERSATIONS))
    assert all(counts[cat] >= 4 for cat in (*base.QUESTION_CATEGORIES, *base.CONVERSATION_CATEGORIES)), counts
    # the playbook first, then the calls, pricing and the CRM's fields
    assert counts["knowledge"] >= 75 and counts["knowledge"] == max(counts[cat] for cat in base.QUESTION_CATEGORIES), counts
    assert counts["analysis"] >= 30 and sum(c["subject"].get("measure") == "said" for c in QUESTIONS) >= 8, counts
    assert counts["pricing"] >= 28 and {"footprint", "waste", "need", "squares"} <= {k for c in QUESTIONS if c["category"] == "pricing" for k in c["subject"]}
    assert {"margin", "markup", "total", "supplier", "labour", "price", "cost"} <= {c["subject"].get("field") for c in QUESTIONS if c["category"] == "pricing"}
    assert sum(counts[cat] for cat in base.QUESTION_CATEGORIES if cat.startswith("crm.")) >= 85, counts
    fields = {c["subject"].get("field") for c in QUESTIONS if c["category"] in ("crm.contact", "crm.money")}
    assert {"phone", "email", "address", "home", "balance", "deposit", "contract", "paid", "proposal"} <= fields, fields
    calendar = [c["subject"] for c in QUESTIONS if c["category"] == "crm.calendar"]
    assert sum(s["from"] != s["to"] for s in calendar) >= 3 and sum(s["user_id"] is not None for s in calendar) >= 4 and sum("title_has" in s for s in calendar) >= 3
    # writes in the middle of a conversation
    assert counts["write"] >= 55 and counts["called_off"] >= 24, counts
    writes = [c for c in CONVERSATIONS if c["category"] == "write"]
    assert sum(c["subject"].get("shape") != "direct" for c in writes) >= 35
    kinds = {k for c in writes for k in ("note_on_job", "stage_of_job", "appointment_on_job") if any(k in check for check in c["crm_after"])}
    assert kinds == {"note_on_job", "stage_of_job", "appointment_on_job"}
    shapes = {c["subject"].get("shape") or c["subject"].get("fixed") or "which" for c in writes}
    assert {"direct", "after_lookup", "after_two_lookups", "after_detour", "two_writes", "which", "time", "day", "job", "note", "stage"} <= shapes, shapes


def test_writes_cover_what_reps_say() -> None:
    writes = [c for c in CONVERSATIONS if c["category"] == "write"]
    offs = [c for c in CONVERSATIONS if c["category"] == "called_off"]
    # every way of naming the job, with every kind of write
    styles = {c["subject"]["ref_style"] for c in writes if c["subject"].get("shape") == "direct"}
    assert styles == set(build_dev8.REF_STYLES), set(build_dev8.REF_STYLES) - styles
    # every way of typing a day and a time, every stage reached, many ways of saying yes and no
    typed = " || ".join(t["text"] for c in [*writes, *offs] for t in c["turns"])
    assert all(when in typed for when, _start in build_dev8.WHEN_TYPED), [w for w, _s in build_dev8.WHEN_TYPED if w not in typed]
    stages = {k["stage"] for c in writes for k in c["crm_after"] if "stage_of_job" in k}
    assert stages >= {"Lost", "Contract Signed", "Proposal Sent", "Follow Up", "Scheduled", "In Progress", "Completed", "Paid & Closed", "Estimating"}, stages
    assert len({c["turns"][-1]["text"] for c in writes}) >= 25
    assert len({c["subject"]["call_off"] for c in offs}) >= 20
    assert {c["subject"]["kind"] for c in offs} == {"note", "stage", "book", "move"}
    assert sum(c["subject"]["kind"] == "move" for c in offs) >= 3
    assert {c["subject"]["reply"] for c in writes if "reply" in c["subject"]} == {"trade", "number", "stage"}
    notes = [c["turns"][0]["text"] for c in writes if c["subject"].get("shape") == "direct" and c["subject"]["kind"] == "note"]
    for mark in (":", " - ", '"', "fyi"):
        assert any(mark in n for n in notes), mark


def test_clarifications_are_answered_every_way() -> None:
    clarify = [c for c in CONVERSATIONS if c["category"] == "clarify"]
    ways = set()
    for c in clarify:
        s = c["subject"]
        if "choice" in c["turns"][-1]["expect"]:
            ways.add("position")
        elif "reply" in s:
            ways.update(s["reply"])
        elif "customer_ids" in s:
            ways.add("first" if c["turns"][1]["text"] == base.CUSTOMERS[s["chosen"]]["first_name"].lower() else "last")
    assert {"position", "trade", "town", "first", "last"} <= ways, ways
    follow = [c for c in CONVERSATIONS if c["category"] == "followup"]
    assert sum("other_job_id" in c["subject"] for c in follow) >= 4 and sum(len(c["turns"]) >= 4 for c in follow) >= 5


