"""The dev sets' checks that are the same for every set, one test a check run on each set that
has it (the test id names the set: `[dev10]`): the generator rebuilds the committed files byte
for byte, every expected fact is in the demo data (each set's own grounding checks), no case is
about a held-out customer, no case text is shared with an earlier set or with held-out, and no
phrasing is an earlier builder's. dev9 .. dev17 are well formed the same way; dev10 .. dev17
(built by dev_generators from their own phrasings) share every other check too, with their
own sizes, and the reader of the days and times their reps type. The checks a set has
alone stay in its own test_devN_set.py. Nothing here runs Hard-E or looks at its accuracy."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import importlib
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.understanding import grounding
from tests.understanding import test_dev2_set as dev2
from tests.understanding import test_dev3_set as dev3
from tests.understanding import test_dev4_set as dev4
from tests.understanding import test_dev5_set as dev5
from tests.understanding import test_dev6_set as dev6
from tests.understanding import test_dev7_set as dev7
from tests.understanding import test_dev8_set as dev8
from tests.understanding import test_dev9_set as dev9
from tests.understanding import test_eval_sets as base
from tests.understanding.eval import build_eval

Case = dict[str, Any]
# the sets in the order they were written; each shares no text with those before it
ORDER = ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19"]


# --- dev10 .. dev17: reading the days and times a rep types (test_dev9_set's reader, and more) ---

MONDAY = dev7.MONDAY
HOURS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
MINUTES = {"fifteen": 15, "thirty": 30, "forty five": 45}
_SPOKEN = r"\b(" + "|".join(HOURS) + r")(?:\s+(fifteen|thirty|forty five))?\b"
_DAY = r"\b(mon|tue|wed|thu|fri|sat|sun)\w*"


def _weekday_on(wd: int, weeks: int) -> dt.date:
    """The first such weekday after the pinned Monday, `weeks` weeks on."""
    return MONDAY + dt.timedelta(days=((wd - MONDAY.weekday()) % 7 or 7) + 7 * weeks)


def days_named(text: str) -> set[dt.date]:
    """test_dev9_set's days, and "day after tomorrow" (Wednesday), "two weeks from today",
    "monday after next" (the Monday after the next one), "thurs next wk" (the Thursday of next
    week)."""
    t = text.lower()
    after = re.search(r"\bday after (?:tmrw|tomorrow)\b", t)
    weeks = re.search(r"\b(two|2) weeks from today\b", t)
    if after:
        t = t.replace(after.group(), " ")
    if weeks:
        t = t.replace(weeks.group(), " ")
    later: set[dt.date] = set()
    for pattern, weeks_on in ((_DAY + r"\s+after\s+next\b", 1), (_DAY + r"\s+next\s+(?:wk|week)\b", 0)):
        for m in list(re.finditer(pattern, t)):
            wd = dev7.WEEKDAYS.index(m.group(1))
            later.add(_weekday_on(wd, weeks_on) if weeks_on else MONDAY + dt.timedelta(days=7 + wd))
            t = t.replace(m.group(), " ")
    days = dev9.days_named(t) | later
    if after:
        days.add(MONDAY + dt.timedelta(days=2))
    if weeks:
        days.add(MONDAY + dt.timedelta(days=14))
    return days


def time_named(text: str) -> dt.time | None:
    """test_dev9_set's times, and the hours said in words ("at ten", "ten am", "at eleven thirty",
    "two in the afternoon"), "at 9 in the morning", "2 o clock"."""
    t = text.lower()
    for m in re.finditer(_SPOKEN, t):
        before, after = t[: m.start()].rstrip(), t[m.end():].lstrip()
        said = re.match(r"(am|pm|a\.m\.|p\.m\.|in the morning|in the afternoon)\b", after)
        if not (said or re.search(r"(?:\bat|@)$", before)):
            continue
        hour, minute = HOURS.index(m.group(1)) + 1, MINUTES.get(m.group(2) or "", 0)
        ampm = None if not said else ("am" if said.group(1).startswith(("a", "in the m")) else "pm")
        return dt.time(dev7._hour(hour, ampm), minute)
    if m := re.search(r"(?<![\d:/-])(\d{1,2})\s+o\s?clock\b", t):
        return dt.time(dev7._hour(int(m.group(1)), None), 0)
    return dev9.time_named(t)


def booked_start(text: str) -> dt.datetime | None:
    when, days = time_named(text), days_named(text)
    return dt.datetime.combine(next(iter(days)), when) if when is not None and len(days) == 1 else None


def booking_problems(c: Case, check: dict[str, Any]) -> list[str]:
    """test_dev9_set's booking check, read with the reader above."""
    return grounding.booking_problems(c, check, days_named=days_named, time_named=time_named, moved_by="fixed", busy=dev7._busy, then=grounding.corrected_alone)


def problems_of(c: Case) -> list[str]:
    """test_dev9_set's grounding checks without the bookings (read here with the reader above);
    a job named by the trade and the town in dev12's .. dev17's own words ("gutters in Natick",
    "Natick gutter job", "Natick gutters", "gutters over in Natick", "gutter job out in Natick",
    "gutters up in Natick", "Natick gutter project") is checked as test_dev8_set checks "the Natick gutters": the name is
    in the request, its town and its one trade pick out this job alone; dev13's "Russo siding
    job", dev14's "Russos siding" and dev16's "Russo siding project" as test_dev8_set checks
    "Russo siding"; dev14's "Julie Castillo windows", dev15's "Julie Castillos windows" and
    dev16's "Julie Castillo window replacement" as it checks "Julie Castillo window job", and
    "job no. 1042" as it checks "1042"."""
    if c["subject"].get("ref_style") in CHECKED_AS:
        c = copy.deepcopy(c)
        c["subject"]["ref_style"] = CHECKED_AS[c["subject"]["ref_style"]]
    rest = copy.deepcopy(c)
    bookings = [check for check in c["crm_after"] if "appointment_on_job" in check]
    # each booking stands in as an "unchanged" check, which the earlier sets' checks pass over
    rest["crm_after"] = [check if "appointment_on_job" not in check else {"unchanged": True} for check in c["crm_after"]]
    problems = dev9.problems_of(rest)
    for check in bookings:
        problems.extend(booking_problems(c, check))
    return problems


DEV12_TOWN_STYLES = ("trade_in_town", "town_trade_job")
DEV13_STYLES = ("town_bare", "last_trade_job")
DEV14_STYLES = ("jobno_dot", "full_trade", "last_s_trade", "trade_over_in")
DEV15_STYLES = ("full_s_trade", "trade_out_in")
DEV16_STYLES = ("last_trade_project", "full_trade_replacement", "trade_up_in")
DEV17_STYLES = ("town_trade_project",)
DEV18_STYLES = ("last_trade_deal", "trade_down_in")
DEV19_STYLES = ("last_trade_work", "trade_customer_in")
# the later sets' own ways of naming a job, and the test_dev8_set style each is checked as
CHECKED_AS = {
    "trade_in_town": "town", "town_trade_job": "town", "town_bare": "town", "last_trade_job": "last_trade",
    "jobno_dot": "num", "full_trade": "full", "last_s_trade": "last_trade", "trade_over_in": "town",
    "full_s_trade": "full", "trade_out_in": "town",
    "last_trade_project": "last_trade", "full_trade_replacement": "full", "trade_up_in": "town",
    "town_trade_project": "town",
    "last_trade_deal": "last_trade", "trade_down_in": "town",
    "last_trade_work": "last_trade", "trade_customer_in": "town",
}


# --- the sets -----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Weights:
    """What dev10 .. dev17 were asked to weigh: (fewest, most) questions and conversations, the
    share of conversations that are writes, and the fewest of the rest."""

    questions: tuple[int, int]
    conversations: tuple[int, int]
    writes: tuple[float, float]
    called_off: int
    each_write_kind: int
    offs_with_a_yes: int
    bookings: int
    call_offs_said: int
    note_marks: tuple[str, ...]
    # the set's own ways of naming a job (by the trade and the town, the last name), tampered too
    own_styles: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class DevSet:
    """A dev set: its builder (`tests.understanding.eval.build_<name>`), its grounding checks,
    the tables whose key phrases (copied from a document, a call or a filter) are not phrasings,
    how many phrasings it has at least (None: no phrasing check), how its subjects are checked
    (grounding.assert_about_dev_customers' keywords, customers it may not be about besides the
    held-out ones, and whether a choice's options may hold a held-out customer), and for dev10
    .. dev17 their weights."""

    name: str
    problems_of: Callable[[Case], list[str]]
    key_tables: tuple[str, ...] = ("PLAYBOOK", "DETOURS", "CALL_FIGURES")
    phrasings_over: int | None = 200
    about: dict[str, Any] = dataclasses.field(default_factory=dict)
    not_about: frozenset[int] = frozenset()
    options_dev_only: bool = False
    weights: Weights | None = None

    @property
    def build(self) -> ModuleType:
        return builder(self.name)

    @property
    def files(self) -> list[str]:
        return [f"{self.name}/questions.jsonl", f"{self.name}/conversations.jsonl"]

    @property
    def questions(self) -> list[Case]:
        return _cases(self.files[0])

    @property
    def conversations(self) -> list[Case]:
        return _cases(self.files[1])

    @property
    def all(self) -> list[Case]:
        return [*self.questions, *self.conversations]

    @property
    def earlier(self) -> list[str]:
        return ORDER[: ORDER.index(self.name)]

    def __str__(self) -> str:
        return self.name


def builder(split: str) -> ModuleType:
    """The module that builds a set: build_eval for dev, build_<split> for the others."""
    return importlib.import_module(f"tests.understanding.eval.build_{'eval' if split == 'dev' else split}")


@functools.cache
def _cases(name: str) -> list[Case]:
    return base.load(name)


def key_phrases(module: ModuleType, tables: tuple[str, ...]) -> set[str]:
    """The phrases a builder copied from a document or a call (the third item of a row of
    KNOWLEDGE, PLAYBOOK, DETOURS or OFF_QUESTIONS, the last of CALL_SAID) and the values a call
    figure filters on (CALL_FIGURES): the transcripts' and documents' words, not phrasings."""
    out: set[str] = set()
    for table in tables:
        for row in getattr(module, table):
            if table == "CALL_FIGURES":
                out |= {str(v).lower() for v in row[2].values()}
            elif phrase := (row[-1] if table == "CALL_SAID" else row[2]):
                out.add(str(phrase).lower())
    return out


SETS = [
    DevSet("dev2", dev2.problems_of, phrasings_over=None, about={"skip_choices": True}),
    DevSet("dev3", dev3.problems_of, key_tables=("KNOWLEDGE",), phrasings_over=300, about={"skip_choices": True}),
    DevSet("dev4", dev4.problems_of, key_tables=("PLAYBOOK", "DETOURS"), phrasings_over=250, about={"listing": ("crm.rep_jobs", "crm.stage_jobs", "followup")}),
    DevSet("dev5", dev5.problems_of, key_tables=("PLAYBOOK", "DETOURS", "OFF_QUESTIONS"), phrasings_over=250),
    DevSet("dev6", dev6.problems_of, phrasings_over=250, about={"writes": False}),
    DevSet("dev7", dev7.problems_of, phrasings_over=250),
    DevSet("dev8", dev8.problems_of, key_tables=("PLAYBOOK", "DETOURS", "CALL_SAID", "CALL_FIGURES"), phrasings_over=300, options_dev_only=True),
    DevSet("dev9", dev9.problems_of),
    DevSet(
        "dev10", problems_of, not_about=build_eval.ADDED_LATER, options_dev_only=True,
        weights=Weights((110, 130), (110, 130), (0.45, 0.6), 25, 15, 25, 18, 20, ("ok so", "put down", "jot", "dictating", "end of note")),
    ),
    DevSet(
        "dev11", problems_of, not_about=build_eval.ADDED_LATER, options_dev_only=True,
        weights=Weights((110, 130), (75, 90), (0.4, 0.55), 20, 10, 20, 12, 16, ("new note", "as a note", "pls note", "jot down")),
    ),
    DevSet(
        "dev12", problems_of, not_about=build_eval.ADDED_LATER, options_dev_only=True,
        weights=Weights((120, 140), (80, 95), (0.4, 0.55), 20, 10, 20, 12, 16, ("heads up", "for the file", "spoke w", "note plz"), DEV12_TOWN_STYLES),
    ),
    DevSet(
        "dev13", problems_of, not_about=build_eval.ADDED_LATER, options_dev_only=True,
        weights=Weights((120, 140), (80, 95), (0.4, 0.55), 20, 10, 20, 12, 16, ("memo", "fyi", "jot", "log on"), DEV13_STYLES),
    ),
    # weighted to writes: fewer questions, more conversations, more than half of them writes
    DevSet(
        "dev14", problems_of, not_about=build_eval.ADDED_LATER, options_dev_only=True,
        weights=Weights((75, 90), (105, 120), (0.5, 0.6), 28, 15, 28, 15, 24, ("notes:", "new note", "update:", "add to notes"), DEV14_STYLES),
    ),
    # weighted harder to writes on first contact: at least 65 conversations end in a write
    DevSet(
        "dev15", problems_of, not_about=build_eval.ADDED_LATER, options_dev_only=True,
        weights=Weights((70, 90), (110, 120), (0.55, 0.65), 28, 18, 28, 18, 26, ("fyi", "for the file", "remind whoever", "note:"), DEV15_STYLES),
    ),
    # writes on first contact and mixed conversations: at least 60 conversations end in a write
    DevSet(
        "dev16", problems_of, not_about=build_eval.ADDED_LATER, options_dev_only=True,
        weights=Weights((75, 90), (110, 120), (0.52, 0.62), 28, 18, 28, 18, 26, ("log", "add to the file", "whoevers next out", "note this down"), DEV16_STYLES),
    ),
    # plain everyday phrasing: about 60 conversations end in a write, about 20 call-offs then a yes
    DevSet(
        "dev17", problems_of, not_about=build_eval.ADDED_LATER, options_dev_only=True,
        weights=Weights((75, 90), (105, 120), (0.52, 0.62), 20, 15, 20, 15, 16, ("note that", "add to the notes", "jot down", "stick a note"), DEV17_STYLES),
    ),
    # ten reps' own phone phrasing: about 60 conversations end in a write, about 20 call-offs then a yes
    DevSet(
        "dev18", problems_of, not_about=build_eval.ADDED_LATER, options_dev_only=True,
        weights=Weights((75, 90), (100, 120), (0.5, 0.62), 20, 15, 20, 15, 24, ("note on", "put in the notes", "note for", "add a note"), DEV18_STYLES),
    ),
    # ten more reps between appointments: about 60 conversations end in a write, about 25 call-offs then a yes
    DevSet(
        "dev19", problems_of, not_about=build_eval.ADDED_LATER, options_dev_only=True,
        weights=Weights((75, 90), (100, 120), (0.5, 0.62), 20, 15, 20, 15, 24, ("jot this on", "log a note", "add that to the notes", "put a note on"), DEV19_STYLES),
    ),
]
BY_NAME = {s.name: s for s in SETS}
# dev9's cases are well formed the way the sets built after it are
WELL_FORMED = [s for s in SETS if ORDER.index(s.name) >= ORDER.index("dev9")]
# built by dev_generators: every check below is theirs
GENERATED = [s for s in SETS if s.weights is not None]
PHRASED = [s for s in SETS if s.phrasings_over is not None]
EVERY_FILE = [pytest.param(s, name, id=name.removesuffix(".jsonl")) for s in SETS for name in s.files]


def sets(chosen: list[DevSet]) -> Any:
    return pytest.mark.parametrize("s", chosen, ids=str)


# --- every set ----------------------------------------------------------------------------------


@sets(SETS)
def test_the_generator_rebuilds_the_committed_files(s: DevSet, tmp_path: Path) -> None:
    grounding.assert_rebuilt(s.build.build, s.build.write, s.files, tmp_path)


@pytest.mark.parametrize(("s", "name"), EVERY_FILE)
def test_every_expected_fact_is_in_the_data(s: DevSet, name: str) -> None:
    grounding.assert_grounded(_cases(name), s.problems_of)


@sets(SETS)
def test_subjects_are_dev_customers(s: DevSet) -> None:
    """Held-out customers (and those added after the split, where the set says so) are never
    what a case is about; they only appear as the other people with a shared name in a
    clarification (with `options_dev_only`, never as an option a choice checks)."""
    heldout = s.build.be.HELDOUT_CUSTOMERS
    grounding.assert_about_dev_customers(s.all, heldout | s.not_about, **s.about)
    if s.options_dev_only:
        for c in s.all:
            if c["category"] == "clarify" and "customer_ids" in c["subject"] and c["subject"]["chosen"] is None:
                assert not set(c["subject"]["customer_ids"]) & heldout, c["id"]


@sets(SETS)
def test_shares_no_case_text_with_an_earlier_set(s: DevSet) -> None:
    """No turn of three words or more, and no first turn, is in a set written before it."""
    grounding.assert_shares_no_text(s.all, s.earlier)


@sets(SETS)
def test_shares_no_case_text_with_heldout(s: DevSet) -> None:
    """As above, with held-out: the texts are compared, never shown; only the set's own case ids
    are reported."""
    grounding.assert_shares_no_text(s.all, ["heldout", "heldout2"])


@sets(PHRASED)
def test_phrasings_are_its_own(s: DevSet) -> None:
    """No phrasing of the set (template or question) is one of build_eval's or an earlier
    builder's; the key phrases copied from a document or a call, and what an answer must not
    say, are not phrasings."""
    ours = grounding.phrasings(s.build)
    assert len(ours) > (s.phrasings_over or 0)
    key = key_phrases(s.build, s.key_tables) | set(build_eval.WRITE_CLAIMS)
    earlier = set().union(*(grounding.phrasings(builder(n)) for n in s.earlier))
    shared = (ours - key) & earlier
    assert not shared, sorted(shared)


# --- dev9 .. dev17 ------------------------------------------------------------------------------


@sets(WELL_FORMED)
def test_cases_are_well_formed(s: DevSet) -> None:
    b = s.build
    grounding.assert_well_formed(s.name, s.questions, s.conversations, questions_write=False)
    yeses = set(b.YESES)
    assert not yeses & {*b.CALL_OFFS, *b.STRAYS}
    for c in s.all:
        texts = [t["text"] for t in c["turns"]]
        if c["category"] == "called_off":
            sub = c["subject"]
            assert c["crm_after"] == [{"unchanged": True}], c["id"]
            assert sub["call_off"] in texts, c["id"]
            at = texts.index(sub["call_off"])
            if sub["shape"] == "new_request":
                assert at == 1 and c["turns"][1]["expect"].get("agent") == "crm", c["id"]
                after = c["turns"][2:]
            else:
                assert sub["call_off"] in b.CALL_OFFS and not any(t in yeses for t in texts[:at]), c["id"]
                after = c["turns"][at:]
            assert all(t["expect"].get("not_contains") == b.WRITE_CLAIMS for t in after), c["id"]
            # a yes after the write was called off, and only there
            assert (texts[-1] in yeses) == (sub["shape"] != "off") and sum(t in yeses for t in texts) == (sub["shape"] != "off"), c["id"]
        if c["category"] == "write":
            assert c["crm_after"] and texts[-1] in yeses, c["id"]
            assert sum(t in yeses for t in texts) == len(c["crm_after"]), c["id"]
        if c["category"] in ("followup", "clarify", "topic_switch"):
            assert not c["crm_after"], c["id"]


# --- dev10 .. dev17 -----------------------------------------------------------------------------


def _weights(s: DevSet) -> Weights:
    assert s.weights is not None
    return s.weights


@sets(GENERATED)
def test_the_reader_reads_the_booking_times(s: DevSet) -> None:
    b = s.build
    for when, start in b.WHEN_TYPED:
        assert booked_start(f"book 2611-1047 an inspection {when}") == dt.datetime.fromisoformat(start), when
    for fix, said, hhmm in b.TIME_FIXES:
        text = fix.format(t=said)
        assert time_named(text) == dt.time.fromisoformat(hhmm) and not days_named(text), text
    for fix, said, day in b.DAY_FIXES:
        text = fix.format(t=said)
        assert days_named(text) == {dt.date.fromisoformat(day)} and time_named(text) is None, text
    quiet = [*b.NOTE_LINES, *(t for t, _r, _p in b.DETOURS), *b.YESES, *b.CALL_OFFS, *b.STRAYS, *b.LOOKUP, *b.BACK_TO]
    quiet += [t for ts in b.SECOND.values() for t in ts]
    for text in quiet:
        assert not days_named(text) and time_named(text) is None, text


@sets(GENERATED)
def test_the_checks_catch_a_wrong_fact(s: DevSet) -> None:
    convs = s.conversations
    tampers = [t for t in grounding.FACT_TAMPERS if t[0] != "pricing" or t[1] in ("money", "percent")]
    tampered = grounding.tampered_facts(s.all, tampers)
    tampered.append(grounding.with_wrong_middle(next(x for x in convs if x["category"] == "write" and x["subject"].get("middle") and x["subject"]["phrase"][0]), "knowledge", "contains", ["a phrase of no document"]))
    tampered.append(grounding.with_wrong_middle(next(x for x in convs if x["category"] == "topic_switch" and x["subject"]["middle"][0] in base.CATALOG), "pricing", "money", 1.0))
    styles = ("num", "town", "last_trade", "jobword", "job_hash", *_weights(s).own_styles)
    tampered += grounding.tampered_writes(s.all, styles, ("job", "note", "stage", "time", "day"))
    # a clarification by town, the chosen customer swapped; a visit moved: another job's appointment
    town = grounding.first_case(s.all, "clarify", lambda x: "town" in x["subject"].get("reply", {}))
    town["subject"]["chosen"] = next(cid for cid in town["subject"]["customer_ids"] if cid != town["subject"]["chosen"])
    tampered.append(town)
    tampered += grounding.tampered_offs(s.all)
    bookings = [x for x in convs if x["category"] == "write" and any("appointment_on_job" in k for k in x["crm_after"])]
    assert len(bookings) >= _weights(s).bookings
    tampered += grounding.shifted_bookings(bookings, (dt.timedelta(days=1), dt.timedelta(hours=1), dt.timedelta(minutes=15)))
    grounding.assert_caught(tampered, s.problems_of)


@sets(GENERATED)
def test_the_weight_is_where_it_was_asked(s: DevSet) -> None:
    w = _weights(s)
    questions, convs = s.questions, s.conversations
    counts: dict[str, int] = {}
    for c in s.all:
        counts[c["category"]] = counts.get(c["category"], 0) + 1
    assert w.questions[0] <= len(questions) <= w.questions[1] and w.conversations[0] <= len(convs) <= w.conversations[1], (len(questions), len(convs))
    assert all(counts[cat] >= 3 for cat in (*base.QUESTION_CATEGORIES, *base.CONVERSATION_CATEGORIES)), counts
    assert w.writes[0] * len(convs) <= counts["write"] <= w.writes[1] * len(convs) and counts["called_off"] >= w.called_off, counts
    writes = [c for c in convs if c["category"] == "write"]
    kinds = {k: sum(any(k in check for check in c["crm_after"]) for c in writes) for k in ("note_on_job", "stage_of_job", "appointment_on_job")}
    assert min(kinds.values()) >= w.each_write_kind, kinds
    shapes = {c["subject"].get("shape") or c["subject"].get("fixed") or "which" for c in writes}
    assert {"direct", "after_lookup", "after_two_lookups", "after_detour", "two_writes", "which", "time", "day", "job", "note", "stage"} <= shapes, shapes
    offs = [c for c in convs if c["category"] == "called_off"]
    assert sum(c["subject"]["shape"] != "off" for c in offs) >= w.offs_with_a_yes and sum(c["subject"]["shape"] == "new_request" for c in offs) >= 4
    # the single questions: every field, the calendar every way
    fields = {c["subject"].get("field") for c in questions if c["category"] in ("crm.contact", "crm.money")}
    assert {"phone", "email", "address", "home", "balance", "deposit", "contract", "proposal"} <= fields, fields
    calendar = [c["subject"] for c in questions if c["category"] == "crm.calendar"]
    assert sum(c["from"] != c["to"] for c in calendar) >= 3 and sum(c["user_id"] is not None for c in calendar) >= 3 and sum("title_has" in c for c in calendar) >= 2


@sets(GENERATED)
def test_writes_cover_what_reps_say(s: DevSet) -> None:
    b, w = s.build, _weights(s)
    writes = [c for c in s.conversations if c["category"] == "write"]
    offs = [c for c in s.conversations if c["category"] == "called_off"]
    # every way of naming the job
    styles = {c["subject"]["ref_style"] for c in writes if c["subject"].get("shape") == "direct"}
    assert styles == set(b.REF_STYLES), set(b.REF_STYLES) - styles
    # every way of typing a day and a time, in a write that is saved or called off
    typed = " || ".join(t["text"] for c in [*writes, *offs] for t in c["turns"])
    assert all(when in typed for when, _start in b.WHEN_TYPED), [w for w, _s in b.WHEN_TYPED if w not in typed]
    # every stage reached, many ways of saying yes and no
    stages = {k["stage"] for c in writes for k in c["crm_after"] if "stage_of_job" in k}
    assert stages >= {"Lost", "Contract Signed", "Proposal Sent", "Follow Up", "Scheduled", "In Progress", "Completed", "Paid & Closed", "Estimating"}, stages
    assert len({c["turns"][-1]["text"] for c in writes}) >= 25
    assert len({c["subject"]["call_off"] for c in offs if c["subject"]["shape"] != "new_request"}) >= w.call_offs_said
    assert {c["subject"]["kind"] for c in offs} == {"note", "stage", "book", "move"}
    assert {c["subject"]["reply"] for c in writes if "reply" in c["subject"]} == {"trade", "number", "stage"}
    notes = [c["turns"][0]["text"] for c in writes if c["subject"].get("shape") == "direct" and c["subject"]["kind"] == "note"]
    for mark in w.note_marks:
        assert any(mark in n for n in notes), mark


@sets(GENERATED)
def test_clarifications_are_answered_every_way(s: DevSet) -> None:
    ways = set()
    for c in (x for x in s.conversations if x["category"] == "clarify"):
        sub = c["subject"]
        if "choice" in c["turns"][-1]["expect"]:
            ways.add("position")
        elif "reply" in sub:
            ways.update(sub["reply"])
        elif "chosen_job" in sub:
            ways.add("number")
        elif "customer_ids" in sub:
            chosen = base.CUSTOMERS[sub["chosen"]]
            ways.add("first" if c["turns"][1]["text"] == chosen["first_name"].lower() else "last")
    assert {"position", "trade", "town", "first", "last", "number"} <= ways, ways
    follow = [c for c in s.conversations if c["category"] == "followup"]
    assert sum("other_job_id" in c["subject"] for c in follow) >= 4


@sets(GENERATED)
def test_no_stray_hour_next_to_a_booking_time(s: DevSet) -> None:
    """A turn that says a day and a time (or moves one) has no other bare number a reader could
    take for the hour ("in 4 a walkthrough" for "in for a walkthrough")."""
    b = s.build
    said = sorted([w for w, _s in b.WHEN_TYPED] + [t for _f, t, _h in b.TIME_FIXES] + [t for _f, t, _d in b.DAY_FIXES], key=len, reverse=True)
    for c in s.conversations:
        for t in c["turns"]:
            text = t["text"].lower()
            if not any(w in text for w in said):
                continue
            for w in said:
                text = text.replace(w, " ")
            text = re.sub(r"#?\d{4}|\d{4}-\d{4}", " ", text)
            assert not re.search(r"(?<![\w/:@#-])\d{1,2}(?![\w/:])", text), (c["id"], t["text"])
