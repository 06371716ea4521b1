"""Understanding benchmark: every case of tests/understanding/eval/ through the public API,
`harde.assistant.Assistant(settings).ask(text, conversation_id)`, offline, with the clock
pinned to Monday 2026-11-23 09:00 (HARDE_NOW). The same harness runs, in the same run, on the
baseline commit (today's router and planners, checked out in a temporary git worktree) and on
the code in this tree; the figures are printed side by side, for dev, dev2, dev3, dev4, dev5, dev6, dev7, dev8, dev9, dev10, dev11, dev12, dev13, dev14, dev15, dev16, dev17, dev18, dev19, held-out and held-out 2 separately.

    .venv/bin/python bench/understanding.py [--only dev|dev2|dev3|dev4|dev5|dev6|dev7|dev8|dev9|dev10|dev11|dev12|dev13|dev14|dev15|dev16|dev17|dev18|dev19|heldout|heldout2 ...] [--no-baseline] [--misses] [--json out.json]

--misses prints the failed dev, dev2, dev3, dev4, dev5, dev6, dev7, dev8, dev9, dev10, dev11, dev12, dev13, dev14, dev15, dev16, dev17, dev18 and dev19 cases with the answers; held-out cases are only ever counted.

Each side runs in its own process with PYTHONPATH at its code (its own data/demo too). Each
conversation gets its own conversation id. Conversations that may write (a `crm_after`
check) each run on a fresh copy of a data folder seeded once; the others share one data
folder, which is checked after every case: a case that changed the CRM fails and the folder
is reset.

A case passes when every turn that carries `expect` passes and every `crm_after` check
holds. Every checked turn must also have a non-empty answer and no error. The checks:

  contains      [str]  each string appears in the answer (case-insensitive; whitespace,
                       quotes and dashes normalised; markdown * and ` ignored)
  any_of        [str]  at least one of them appears
  not_contains  [str]  none of them appears
  phone         "5085550100"  a phone-like token of the answer has these 10 digits
                       ((508) 555-0100, 508-555-0100, 508.555.0100, +1 508 555 0100...)
  money         4900.0 or {"value", "tol"}  a number of the answer ($4,900, $4,900.00, 4900)
                       is within tol of it (default: to the cent)
  number        {"value", "tol", "unit"?}  a number within tol, followed by one of the unit
                       words when given ("28.8 squares", "10.1 min")
  percent       37.5   a percentage ("37.5%", "38 percent") within half a point
  date          "2026-11-24"  rendered as Nov 24 / November 24th / 24 Nov / 11/24 /
                       11/24/2026 / 2026-11-24 (the weekday may be there or not)
  time          "13:00"  rendered as 1:00 PM / 1 pm / 1pm / 13:00 / 1:00-2:00 pm ("noon" for 12:00)
  count         6      the integer appears as a number of its own (or spelled, up to twelve);
                       0 also matches "no ..." / "none" / "nothing"
  agent         "crm" or [..]  the specialist that answered (turn.agent)
  not_agent     [..]   turn.agent is none of these
  asks          [opt]  the answer asks a question ("?") naming every option; an option is a
                       string or a list of alternatives
  max_seconds   5.0    the turn took at most this long
  choice        {"index": 2, "options": [{"find": [..], "expect": {..}}]}  for "the second
                       one": the options are ordered by where they first appear in the
                       previous answer, and the index-th option's expect is checked

crm_after checks on the local CRM after the conversation, against a snapshot taken before:
  {"note_on_job": 1042, "contains": "called, left vm"}   a new note on the job with the text
  {"stage_of_job": 1042, "stage": "Lost"}                the job is in that stage
  {"appointment_on_job": 1042, "start": "2026-11-26T10:00", "title_contains": "inspection"}
  {"unchanged": true}    no customer, job, note, appointment, invoice, payment or proposal
                         was added, removed or changed
"Writes left the CRM exactly right" also requires that nothing but the expected row changed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT / "tests" / "understanding" / "eval"
SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "heldout", "heldout2")
SHOWN_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19")  # the splits whose cases and answers may be printed
BASELINE_COMMIT = "0fc6925"
PINNED_NOW = "2026-11-23T09:00"
TURN_TIMEOUT_S = 30.0
CRM_TABLES = ("customers", "jobs", "notes", "appointments", "invoices", "payments", "proposals")
ENV_TO_CLEAR = (
    "OPENAI_API_KEY", "OPENAI_BASE_URL", "LEAP_API_TOKEN", "LEAP_BASE_URL", "PERPLEXITY_API_KEY",
    "ELEVENLABS_API_KEY", "CLOUDINARY_URL", "AWS_ENDPOINT_URL",
)

# ------------------------------------------------------------------------------------------
# checks
# ------------------------------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " ", "*": None, "`": None})
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_NUM = re.compile(r"(?<![\w.])\$?\s?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\d])")
_PHONE = re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().lower()


def _numbers(text: str) -> list[tuple[float, int]]:
    """(value, end offset) of every number in the text."""
    out = []
    for m in _NUM.finditer(text):
        try:
            out.append((float(m.group(1).replace(",", "")), m.end()))
        except ValueError:
            continue
    return out


def _has_phone(answer: str, digits: str) -> bool:
    for m in _PHONE.finditer(answer):
        found = re.sub(r"\D", "", m.group())
        if len(found) == 11 and found.startswith("1"):
            found = found[1:]
        if found == digits:
            return True
    return False


def _has_money(text: str, spec: Any) -> bool:
    value, tol = (spec["value"], spec.get("tol", 0.005)) if isinstance(spec, dict) else (spec, 0.005)
    return any(abs(v - value) <= tol + 1e-9 for v, _ in _numbers(text))


def _has_number(text: str, spec: dict[str, Any]) -> bool:
    units = [normalise(u) for u in spec.get("unit", [])]
    for v, end in _numbers(text):
        if abs(v - spec["value"]) > spec.get("tol", 0.0) + 1e-9:
            continue
        if not units or any(re.match(r"\s*-?\s*" + re.escape(u), text[end:]) for u in units):
            return True
    return False


def _has_percent(text: str, value: float, tol: float = 0.5) -> bool:
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s*(?:%|percent)", text):
        if abs(float(m.group(1)) - value) <= tol + 1e-9:
            return True
    return False


def date_patterns(iso: str) -> list[str]:
    year, month, day = (int(x) for x in iso.split("-"))
    mon = f"(?:{MONTHS[month - 1]}|{MONTH_NAMES[month - 1]}{'|sept' if month == 9 else ''})"
    d = rf"0?{day}(?:st|nd|rd|th)?"
    return [
        rf"\b{mon}\.?\s+{d}\b",
        rf"\b{d}\s+(?:of\s+)?{mon}\b",
        rf"(?<![\d/]){month:02d}/{day:02d}(?:/(?:{year}|{year % 100}))?(?![\d/])",
        rf"(?<![\d/]){month}/{day}(?:/(?:{year}|{year % 100}))?(?![\d/])",
        rf"\b{year}-{month:02d}-{day:02d}\b",
    ]


def _has_date(text: str, iso: str) -> bool:
    return any(re.search(p, text) for p in date_patterns(iso))


def time_patterns(hhmm: str) -> list[str]:
    hour, minute = (int(x) for x in hhmm.split(":"))
    h12 = hour % 12 or 12
    ampm = r"a\.?\s?m\.?" if hour < 12 else r"p\.?\s?m\.?"
    mins = f":{minute:02d}" if minute else "(?::00)?"
    pats = [
        rf"(?<![\d:]){hour:02d}:{minute:02d}(?![\d])",
        rf"(?<![\d:]){h12}{mins}\s*{ampm}",
        rf"(?<![\d:]){h12}{mins}\s*(?:-|to)\s*\d{{1,2}}(?::\d{{2}})?\s*{ampm}",
    ]
    if hour >= 10 or hour == 0:
        pats.append(rf"(?<![\d:]){hour}:{minute:02d}(?![\d])")
    elif hour < 10:
        pats.append(rf"(?<![\d:]){hour}:{minute:02d}(?![\d])(?!\s*p\.?\s?m)")
    if hour == 12 and minute == 0:
        pats.append(r"\bnoon\b|\bmidday\b")
    return pats


def _has_time(text: str, hhmm: str) -> bool:
    return any(re.search(p, text) for p in time_patterns(hhmm))


def _has_count(text: str, n: int) -> bool:
    if re.search(rf"(?<![\d.,$/:-]){n}(?![\d/:]|[.,]\d)", text):
        return True
    if n < len(NUMBER_WORDS) and re.search(rf"\b{NUMBER_WORDS[n]}\b", text):
        return True
    return n == 0 and bool(re.search(r"\bno (?:\w+ )?(?:appointments?|appts?|jobs?|visits?|calls?)\b|\bnone\b|\bnothing\b", text))


def _alternatives(option: Any) -> list[str]:
    return [option] if isinstance(option, str) else list(option)


def check_turn(expect: dict[str, Any], result: dict[str, Any], previous: str) -> list[str]:
    """The failed checks of one turn (empty: it passed)."""
    answer = result.get("answer") or ""
    text = normalise(answer)
    fails: list[str] = []
    if result.get("error"):
        fails.append(f"error: {result['error']}")
    if not text:
        fails.append("no answer")
    for key, want in expect.items():
        ok = True
        if key == "contains":
            missing = [s for s in want if normalise(s) not in text]
            ok = not missing
            key = f"contains {missing}"
        elif key == "any_of":
            ok = any(normalise(s) in text for s in want)
        elif key == "not_contains":
            present = [s for s in want if normalise(s) in text]
            ok = not present
            key = f"not_contains {present}"
        elif key == "phone":
            ok = _has_phone(answer, want)
        elif key == "money":
            ok = _has_money(text, want)
        elif key == "number":
            ok = _has_number(text, want)
        elif key == "percent":
            ok = _has_percent(text, want)
        elif key == "date":
            ok = _has_date(text, want)
        elif key == "time":
            ok = _has_time(text, want)
        elif key == "count":
            ok = _has_count(text, want)
        elif key == "agent":
            ok = result.get("agent") in ([want] if isinstance(want, str) else want)
            key = f"agent {want} (got {result.get('agent')})"
        elif key == "not_agent":
            ok = result.get("agent") not in want
            key = f"not_agent {want} (got {result.get('agent')})"
        elif key == "asks":
            ok = "?" in text and all(any(normalise(a) in text for a in _alternatives(o)) for o in want)
        elif key == "max_seconds":
            ok = float(result.get("seconds") or 0.0) <= want
            key = f"max_seconds {want} (took {float(result.get('seconds') or 0):.2f})"
        elif key == "choice":
            before = normalise(previous)
            places = []
            for option in want["options"]:
                spots = [before.find(normalise(f)) for f in option["find"] if normalise(f) in before]
                places.append((min(spots) if spots else -1, option))
            if any(p < 0 for p, _ in places):
                fails.append("choice: the previous answer did not list every option")
                continue
            places.sort(key=lambda p: p[0])
            index = want["index"] - 1
            if index >= len(places):
                fails.append("choice: fewer options than the index")
                continue
            fails.extend(f"choice {index + 1}: {f}" for f in check_turn(places[index][1]["expect"], result, ""))
            continue
        else:
            ok = False
            key = f"unknown check {key}"
        if not ok:
            fails.append(str(key) if key.startswith(("contains", "not_contains", "agent", "not_agent", "max_seconds", "unknown")) else f"{key} {want}")
    return list(dict.fromkeys(fails))


CHECKS = {
    "contains", "any_of", "not_contains", "phone", "money", "number", "percent", "date", "time",
    "count", "agent", "not_agent", "asks", "max_seconds", "choice",
}
CRM_CHECKS = {"note_on_job", "stage_of_job", "appointment_on_job", "unchanged"}

# ------------------------------------------------------------------------------------------
# the CRM before and after
# ------------------------------------------------------------------------------------------


def crm_snapshot(data_dir: Path) -> dict[str, Any]:
    """Every row of the local CRM's record tables, as stored, and the stage names."""
    path = data_dir / "crm.sqlite3"
    out: dict[str, Any] = {}
    con = sqlite3.connect(path, timeout=30)
    try:
        for table in CRM_TABLES:
            try:
                rows = con.execute(f"SELECT id, data FROM {table}").fetchall()
            except sqlite3.Error:
                rows = []
            out[table] = {int(i): d for i, d in rows}
        try:
            stages = con.execute("SELECT data FROM stages").fetchall()
        except sqlite3.Error:
            stages = []
        out["stage_names"] = {json.loads(d)["code"]: json.loads(d)["name"] for (d,) in stages}
    finally:
        con.close()
    return out


def crm_diff(before: dict[str, Any], after: dict[str, Any]) -> set[tuple[str, int]]:
    changed = set()
    for table in CRM_TABLES:
        a, b = before.get(table, {}), after.get(table, {})
        for key in set(a) | set(b):
            if a.get(key) != b.get(key):
                changed.add((table, key))
    return changed


def check_crm(checks: list[dict[str, Any]], before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """{"passed": [bool per check], "exact": bool, "changed": [[table, id]...]}."""
    diff = crm_diff(before, after)
    expected: set[tuple[str, int]] = set()
    passed = []
    for check in checks:
        ok = False
        if "note_on_job" in check:
            for table, key in diff:
                if table != "notes" or key in before["notes"]:
                    continue
                row = json.loads(after["notes"][key])
                if row.get("job_id") == check["note_on_job"] and normalise(check["contains"]) in normalise(str(row.get("note", ""))):
                    ok = True
                    expected.add((table, key))
        elif "stage_of_job" in check:
            row = after["jobs"].get(check["stage_of_job"])
            if row is not None:
                code = json.loads(row).get("stage_code")
                ok = normalise(after["stage_names"].get(code, "")) == normalise(check["stage"])
                expected.add(("jobs", check["stage_of_job"]))
        elif "appointment_on_job" in check:
            for table, key in diff:
                if table != "appointments" or key in before["appointments"] or key not in after["appointments"]:
                    continue
                row = json.loads(after["appointments"][key])
                start = str(row.get("start_date_time") or "").replace(" ", "T")[:16]
                title = normalise(str(row.get("title") or ""))
                if check["appointment_on_job"] in (row.get("job_ids") or []) and start == check["start"] and normalise(check["title_contains"]) in title:
                    ok = True
                    expected.add((table, key))
        elif check.get("unchanged"):
            ok = not diff
        passed.append(ok)
    return {"passed": passed, "exact": all(passed) and diff == expected, "changed": sorted([t, k] for t, k in diff)}


# ------------------------------------------------------------------------------------------
# the worker: one side's code, every case
# ------------------------------------------------------------------------------------------


def load_cases(paths: list[Path]) -> list[dict[str, Any]]:
    cases = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            cases.extend(json.loads(line) for line in fh if line.strip())
    return cases


def code_root_of(package_file: str) -> Path:
    return Path(package_file).resolve().parents[1]


async def run_worker(case_paths: list[Path], out_path: Path) -> None:
    import harde
    from harde.assistant import Assistant
    from harde.config import Settings

    code_root = code_root_of(harde.__file__)
    demo = code_root / "data" / "demo"

    def settings_for(data_dir: Path) -> Any:
        kwargs: dict[str, Any] = {"_env_file": None, "data_dir": data_dir, "llm": "offline", "crm": "local"}
        fields = getattr(Settings, "model_fields", {})
        if "demo_dir" in fields:
            kwargs["demo_dir"] = demo
        if "kb_dir" in fields:
            kwargs["kb_dir"] = demo / "knowledge"
        return Settings(**kwargs)

    work = Path(tempfile.mkdtemp(prefix="harde-understanding-"))
    try:
        template = work / "template"
        warm = Assistant(settings_for(template))
        _ = warm.services.crm  # loads the demo seed into the data folder
        await warm.ask("how do i handle a price objection", "warm-up")  # builds the knowledge index
        await warm.ask("whats the status on job 1001", "warm-up-crm")
        await warm.aclose()
        pristine = crm_snapshot(template)

        copies = [0]

        def fresh_dir() -> Path:
            copies[0] += 1
            target = work / f"run{copies[0]}"
            shutil.copytree(template, target)
            return target

        async def run_turns(assistant: Any, c: dict[str, Any]) -> list[dict[str, Any]]:
            records = []
            for t in c["turns"]:
                started = time.perf_counter()
                record: dict[str, Any] = {}
                try:
                    result = await asyncio.wait_for(assistant.ask(t["text"], c["id"]), TURN_TIMEOUT_S)
                    record = {"answer": result.answer, "agent": result.agent, "tools": list(result.tools), "flow": result.flow, "error": result.error}
                except TimeoutError:
                    record = {"answer": "", "agent": None, "error": f"no answer in {TURN_TIMEOUT_S:.0f} s"}
                except Exception as error:  # a crash is a failed turn, not a failed run
                    record = {"answer": "", "agent": None, "error": f"{type(error).__name__}: {error}"[:300]}
                record["seconds"] = round(time.perf_counter() - started, 4)
                records.append(record)
            return records

        results: dict[str, Any] = {}
        shared_dir = fresh_dir()
        shared = Assistant(settings_for(shared_dir))
        for c in load_cases(case_paths):
            if c.get("crm_after"):
                data_dir = fresh_dir()
                assistant = Assistant(settings_for(data_dir))
                before = crm_snapshot(data_dir)
                turns = await run_turns(assistant, c)
                await assistant.aclose()
                crm = check_crm(c["crm_after"], before, crm_snapshot(data_dir))
                shutil.rmtree(data_dir, ignore_errors=True)
            else:
                turns = await run_turns(shared, c)
                crm = None
                if crm_diff(pristine, crm_snapshot(shared_dir)):
                    crm = {"passed": [False], "exact": False, "changed": ["a read-only conversation changed the CRM"]}
                    await shared.aclose()
                    shared_dir = fresh_dir()
                    shared = Assistant(settings_for(shared_dir))
            results[c["id"]] = {"turns": turns, "crm": crm}
        await shared.aclose()
        await asyncio.to_thread(out_path.write_text, json.dumps({"code_root": str(code_root), "results": results}), "utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ------------------------------------------------------------------------------------------
# scoring and the report
# ------------------------------------------------------------------------------------------


def score_case(c: dict[str, Any], result: dict[str, Any] | None) -> dict[str, Any]:
    """{"passed", "last_passed", "turn_fails": {index: [..]}, "crm"}."""
    if result is None:
        return {"passed": False, "last_passed": False, "turn_fails": {-1: ["not run"]}, "crm": None}
    fails: dict[int, list[str]] = {}
    previous = ""
    for n, (t, r) in enumerate(zip(c["turns"], result["turns"], strict=False)):
        if "expect" in t:
            failed = check_turn(t["expect"], r, previous)
            if failed:
                fails[n] = failed
        previous = r.get("answer") or ""
    if len(result["turns"]) < len(c["turns"]):
        fails[len(result["turns"])] = ["turn not run"]
    crm = result.get("crm")
    crm_ok = crm is None or all(crm["passed"])
    if crm is not None and not crm_ok:
        fails[-1] = [f"crm_after failed: changed {crm['changed']}"]
    last = len(c["turns"]) - 1
    return {"passed": not fails, "last_passed": last not in fails, "turn_fails": fails, "crm": crm}


def _pct(values: list[bool]) -> float | None:
    return 100.0 * sum(values) / len(values) if values else None


def metrics(cases: list[dict[str, Any]], results: dict[str, Any]) -> dict[str, Any]:
    by_cat: dict[str, list[bool]] = defaultdict(list)
    questions, last, every, exact, called_off = [], [], [], [], []
    seconds: list[float] = []
    scored = {}
    for c in cases:
        r = results.get(c["id"])
        s = score_case(c, r)
        scored[c["id"]] = s
        by_cat[c["category"]].append(s["passed"])
        if len(c["turns"]) == 1 and c["category"] not in CONVERSATION_CATEGORIES:
            questions.append(s["passed"])
        else:
            last.append(s["last_passed"])
            every.append(s["passed"])
        if c["category"] == "write":
            exact.append(bool(s["crm"] and s["crm"]["exact"]))
        if c["category"] == "called_off":
            called_off.append(bool(s["crm"] and all(s["crm"]["passed"])))
        if r:
            seconds.extend(t["seconds"] for t in r["turns"])
    seconds.sort()
    return {
        "categories": {k: {"n": len(v), "accuracy": _pct(v)} for k, v in sorted(by_cat.items())},
        "questions": {"n": len(questions), "accuracy": _pct(questions)},
        "conversations_last": {"n": len(last), "accuracy": _pct(last)},
        "conversations_all": {"n": len(every), "accuracy": _pct(every)},
        "writes_exact": {"n": len(exact), "accuracy": _pct(exact)},
        "called_off_clean": {"n": len(called_off), "accuracy": _pct(called_off)},
        "turn_ms_p50": 1000 * statistics.median(seconds) if seconds else None,
        "turn_ms_p95": 1000 * seconds[min(len(seconds) - 1, int(0.95 * len(seconds)))] if seconds else None,
        "turns": len(seconds),
        "_scored": scored,
    }


CONVERSATION_CATEGORIES = {"followup", "clarify", "topic_switch", "write", "called_off"}


def _fmt(value: float | None, unit: str = "%") -> str:
    if value is None:
        return "-"
    return f"{value:.1f}{unit}" if unit == "%" else f"{value:.0f}"


def report(split: str, cases: list[dict[str, Any]], sides: dict[str, dict[str, Any]]) -> str:
    names = list(sides)
    n_q = sum(1 for c in cases if c["category"] not in CONVERSATION_CATEGORIES)
    lines = [f"== {split}: {n_q} questions, {len(cases) - n_q} conversations ==", f"{'':38}" + "".join(f"{n:>12}" for n in names)]
    first = sides[names[0]]

    def row(label: str, key: str) -> None:
        title = f"{label} ({first[key]['n']})"
        lines.append(f"{title:38}" + "".join(f"{_fmt(sides[s][key]['accuracy']):>12}" for s in names))

    for cat, info in first["categories"].items():
        label = f"  {cat} ({info['n']})"
        lines.append(f"{label:38}" + "".join(f"{_fmt(sides[s]['categories'][cat]['accuracy']):>12}" for s in names))
    row("single questions", "questions")
    row("conversations, last answer", "conversations_last")
    row("conversations, every check", "conversations_all")
    row("writes left the CRM exactly right", "writes_exact")
    row("called off, never executed", "called_off_clean")
    lines.append(f"{'ask per turn p50 / p95 (ms)':38}" + "".join(f"{_fmt(sides[s]['turn_ms_p50'], 'ms') + ' / ' + _fmt(sides[s]['turn_ms_p95'], 'ms'):>12}" for s in names))
    return "\n".join(lines)


def print_misses(cases: list[dict[str, Any]], results: dict[str, Any], scored: dict[str, Any]) -> None:
    for c in cases:
        s = scored[c["id"]]
        if s["passed"]:
            continue
        print(f"\n--- {c['id']} [{c['category']}]")
        r = results.get(c["id"]) or {"turns": []}
        for n, t in enumerate(c["turns"]):
            said = t["text"] if len(t["text"]) <= 300 else t["text"][:60] + f"... ({len(t['text']):,} characters)"
            print(f"  > {said}")
            if n < len(r["turns"]):
                got = r["turns"][n]
                answer = (got.get("answer") or "").strip().replace("\n", "\n    ")
                print(f"    [{got.get('agent')}, {got.get('seconds', 0):.2f}s] {answer[:700]}")
            if n in s["turn_fails"]:
                print(f"    FAILED: {'; '.join(s['turn_fails'][n])}")
        if -1 in s["turn_fails"]:
            print(f"  FAILED: {'; '.join(s['turn_fails'][-1])}")


# ------------------------------------------------------------------------------------------
# running both sides
# ------------------------------------------------------------------------------------------


def worker_env(code_root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HARDE_") and k not in ENV_TO_CLEAR}
    env["HARDE_NOW"] = PINNED_NOW
    env["PYTHONPATH"] = str(code_root)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def start_worker(code_root: Path, case_paths: list[Path], out: Path, log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--out", str(out), "--cases", *map(str, case_paths)]
    return subprocess.Popen(command, cwd=code_root, env=worker_env(code_root), stdout=log.open("wb"), stderr=subprocess.STDOUT)


def add_worktree(target: Path) -> None:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(target), BASELINE_COMMIT], check=True, capture_output=True)


def remove_worktree(target: Path) -> None:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(target)], check=False, capture_output=True)
    subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False, capture_output=True)


def understanding_times(case_paths: list[Path], scale: int = 10) -> str:
    """Reader.read per turn (entities, slots, memory and the classifier) on the eval's texts, with
    the demo CRM and with one `scale` times its size; the classifier's scoring alone is the baseline."""
    import datetime as dt

    sys.path.insert(0, str(ROOT))
    from harde.config import Settings
    from harde.crm.models import Customer, Job
    from harde.services import Services
    from harde.understanding.directory import Directory, load_directory
    from harde.understanding.memory import Focus
    from harde.understanding.reader import Reader

    settings = Settings(_env_file=None, data_dir=Path(tempfile.mkdtemp(prefix="harde-time-")), llm="offline", crm="local")  # type: ignore[call-arg]
    crm = Services(settings).crm
    demo = asyncio.run(load_directory(crm))
    customers: list[Customer] = asyncio.run(crm.list_customers())
    jobs: list[Job] = asyncio.run(crm.list_jobs(limit=100_000))
    firsts = sorted({c.first_name for c in customers})
    lasts = sorted({c.last_name for c in customers})
    big_customers, big_jobs = list(customers), list(jobs)
    for k in range(1, scale):
        for n, c in enumerate(customers):
            first, last = firsts[(n * 7 + k) % len(firsts)], lasts[(n * 3 + k * 5) % len(lasts)] + ("" if k % 2 else "son")
            big_customers.append(c.model_copy(update={"id": c.id + k * 10_000, "first_name": first, "last_name": last, "phones": [], "email": None}))
        for j in jobs:
            big_jobs.append(j.model_copy(update={"id": j.id + k * 10_000, "customer_id": j.customer_id + k * 10_000, "number": f"{k:02d}{j.number}", "customer": None}))
    big = Directory.build(big_customers, big_jobs, asyncio.run(crm.list_users()), asyncio.run(crm.list_stages()))
    conversations = [[t["text"] for t in c["turns"]] for c in load_cases(case_paths)]
    reader = Reader()
    now = dt.datetime.fromisoformat(PINNED_NOW)
    reader.classifier.scores("warm up")

    def timed(directory: Directory | None) -> list[float]:
        out: list[float] = []
        for texts in conversations:
            focus = Focus()
            for text in texts:
                start = time.perf_counter()
                if directory is None:
                    reader.classifier.scores(text)
                else:
                    focus = reader.read(text, focus, directory, now).focus
                out.append((time.perf_counter() - start) * 1000)
        return out

    rows = [
        ("baseline: intent classifier alone", timed(None)),
        (f"reader, demo CRM ({len(demo.customers)} customers, {len(demo.jobs)} jobs)", timed(demo)),
        (f"reader, {scale}x CRM ({len(big.customers)} customers, {len(big.jobs)} jobs)", timed(big)),
    ]
    lines = [f"understanding time per turn, {len(rows[0][1])} turns (ms)", f"{'':<56}{'p50':>7}{'p95':>7}"]
    for label, values in rows:
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        lines.append(f"{label:<56}{statistics.median(values):7.2f}{p95:7.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Understanding benchmark (dev and held-out, baseline and current).")
    parser.add_argument("--only", choices=SPLITS, action="append", help="run only this split: dev, dev2, dev3, dev4, dev5, dev6, dev7, dev8, dev9, dev10, dev11, dev12, dev13, dev14, dev15, dev16, dev17, dev18, dev19, heldout or heldout2 (repeatable)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--misses", action="store_true", help="print the failed dev, dev2, dev3, dev4, dev5, dev6, dev7, dev8, dev9, dev10, dev11, dev12, dev13, dev14, dev15, dev16, dev17, dev18 and dev19 cases with the answers")
    parser.add_argument("--json", type=Path, help="write the figures (and dev case results) here")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cases", type=Path, nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        asyncio.run(run_worker(args.cases, args.out))
        return 0

    splits = [s for s in SPLITS if s in args.only] if args.only else list(SPLITS)
    files = {s: [EVAL_DIR / s / "questions.jsonl", EVAL_DIR / s / "conversations.jsonl"] for s in splits}
    all_paths = [p for s in splits for p in files[s]]
    cases = {s: load_cases(files[s]) for s in splits}

    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="harde-bench-"))
    sides: dict[str, Path] = {}
    try:
        if not args.no_baseline:
            tree = tmp / "baseline"
            add_worktree(tree)
            sides["baseline"] = tree
        sides["current"] = ROOT
        procs = {name: start_worker(root, all_paths, tmp / f"{name}.json", tmp / f"{name}.log") for name, root in sides.items()}
        outputs: dict[str, dict[str, Any]] = {}
        for name, proc in procs.items():
            code = proc.wait()
            out = tmp / f"{name}.json"
            if code != 0 or not out.exists():
                tail = (tmp / f"{name}.log").read_text(encoding="utf-8", errors="replace")[-3000:]
                print(f"!! the {name} run failed (exit {code}):\n{tail}", file=sys.stderr)
                outputs[name] = {"results": {}}
            else:
                outputs[name] = json.loads(out.read_text(encoding="utf-8"))
                if outputs[name].get("code_root") != str(sides[name].resolve()):
                    print(f"!! the {name} run imported harde from {outputs[name].get('code_root')}, not {sides[name]}", file=sys.stderr)
    finally:
        if "baseline" in sides:
            remove_worktree(sides["baseline"])
        shutil.rmtree(tmp, ignore_errors=True)

    names = list(outputs)
    print(f"Understanding eval, offline, clock pinned at {PINNED_NOW}; " + ", ".join(
        f"{n} = {'commit ' + BASELINE_COMMIT if n == 'baseline' else 'this tree'}" for n in names))
    dump: dict[str, Any] = {}
    for split in splits:
        measured = {n: metrics(cases[split], outputs[n]["results"]) for n in names}
        print()
        print(report(split, cases[split], measured))
        entry: dict[str, Any] = {n: {k: v for k, v in m.items() if k != "_scored"} for n, m in measured.items()}
        if split in SHOWN_SPLITS:
            entry["cases"] = [
                {
                    "id": c["id"],
                    "category": c["category"],
                    **{f"passed_{n}": measured[n]["_scored"][c["id"]]["passed"] for n in names},
                    "turns": [
                        {"text": t["text"][:500], "answer": ((outputs["current"]["results"].get(c["id"]) or {"turns": []})["turns"][i:i + 1] or [{}])[0].get("answer", "")}
                        for i, t in enumerate(c["turns"])
                    ],
                    "fails": {str(k): v for k, v in measured["current"]["_scored"][c["id"]]["turn_fails"].items()},
                }
                for c in cases[split]
            ]
        else:
            entry["misses_current"] = sum(not s["passed"] for s in measured["current"]["_scored"].values())
        dump[split] = entry
        if split in ("heldout", "heldout2"):
            print(f"held-out misses (current): {dump[split]['misses_current']} of {len(cases[split])} (not shown)")
    for split in (s for s in SHOWN_SPLITS if args.misses and s in splits):
        print(f"\n{split.capitalize()} misses of the current code:")
        print_misses(cases[split], outputs["current"]["results"], metrics(cases[split], outputs["current"]["results"])["_scored"])
    print()
    print(understanding_times(all_paths))
    if args.json:
        args.json.write_text(json.dumps(dump, indent=1), encoding="utf-8")
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    if "--worker" in sys.argv:
        # run this side's code, not whatever sits next to this file
        here = Path(__file__).resolve().parent
        sys.path[:] = [p for p in sys.path if p and Path(p).resolve() != here]
    sys.exit(main())
