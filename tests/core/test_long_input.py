"""Every parser on long input: 12,000-character runs of digits, letters, spaces and mixtures,
alone or inside a real question, never raise and never take long.

Each example has its own time limit (hypothesis's deadline): a linear parser reads 12,000
characters in tens of milliseconds, a quadratic one took seconds to minutes. The limit is
generous so that a loaded machine does not trip it; bench/long_input.py has the figures.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import string
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from harde.agents.planners.pricing import attach_request
from harde.config import Settings
from harde.crm.mentions import resolve_mentions
from harde.crm.models import Customer, User
from harde.crm.search import rank_by_name
from harde.errors import HardeError
from harde.intake.slots import take_fields
from harde.knowledge.rep_language import normalize_query, rep_expansions
from harde.knowledge.tokens import query_terms
from harde.knowledge.transcripts import TranscriptSet
from harde.pricing.answers import answer_lookup, answer_question
from harde.pricing.catalog import Catalog
from harde.scripting.models import ScriptOptions
from harde.scripting.revisions import revise_options
from harde.services import Services
from harde.state.drafts import NewClientState
from harde.tools.registry import load_tools
from harde.understanding import slots, when
from harde.understanding.customer_query import read_customer_query
from harde.understanding.dictation import read_customer_message
from harde.understanding.dictation.parser import read_customer
from harde.understanding.directory import Directory, load_directory
from harde.understanding.memory import Focus
from harde.understanding.news import default_news
from harde.understanding.pricing import parse_question
from harde.understanding.reader import _STAGE_CLAUSE, ENTITY_CHARS, Reader, _note_body
from harde.understanding.scripting import pick_job, read_focus, read_revision
from harde.understanding.transcripts import answer_in_words, interpret

LONG = 12_000
JOB_CHOICES = [{"job_id": 1043, "number": "2609-1043", "trade": "windows"}, {"job_id": 1042, "number": "2609-1042", "trade": "roofing"}]
NOW = dt.datetime(2026, 11, 23, 9, 0)
PER_INPUT = timedelta(seconds=2)

# The questions each specialist gets, with a long run where a rep's words would be.
QUESTIONS = [
    "whats the balance on job {} for the johnsons",
    "how should I handle a homeowner who says {} about the price",
    "in the director's calls which objections come up most when {}",
    "how much for a roof with a {} sq ft footprint at 6/12 with 15% waste",
    "new customer Dana Reyes, phone 617-555-0142, {} 12 Elm St Newton MA, roofing",
    "book an inspection for {} tomorrow at 3pm with @Mike Reed",
    "attach the estimate {} to job 1043",
    "make the script {} minutes and mention {}",
    "{} sq ft {} squares {}x{} {}% ${} dollars {} feet {} windows",
    # One measure with all the room: one number of some 12,000 digits.
    "a {} sq ft footprint at 6/12",
    "{} windows and {} downspouts",
    "{} feet of 6 inch gutter",
    "cost ${} price {}",
    "the next {} days",
    # News that ends on a stage, and a note's words before "put that in notes".
    "got the deposit on job 1042, its {}",
    "fyi on job 1042, {} put that in notes",
]
_ALPHABET = string.ascii_letters + string.digits + "    \n\t.,;:-/$%@'\"()x#&*_+=?!"
_PIECES = st.text(alphabet=_ALPHABET, min_size=1, max_size=8)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _fill(template: str, run: str) -> str:
    holes = template.count("{}")
    return template.format(*([run[: max(1, (LONG - len(template)) // holes)]] * holes))


PLAIN_RUNS = st.sampled_from([_repeat(unit, LONG) for unit in ("7", "a", " ", "\n", "1 ", "1.", "a-", "ab1 ", "A", "1,", "$1", "1%", "a@")])
MIXED_RUNS = st.builds(lambda units, size: _repeat("".join(units), size), st.lists(_PIECES, min_size=1, max_size=6), st.integers(LONG // 2, LONG))
IN_A_QUESTION = st.builds(_fill, st.sampled_from(QUESTIONS), st.one_of(PLAIN_RUNS, MIXED_RUNS))
LONG_TEXT = st.one_of(PLAIN_RUNS, MIXED_RUNS, IN_A_QUESTION)
# Tried first, every time: the bare runs, and every question with a run of digits inside.
ALWAYS = [_repeat(unit, LONG) for unit in ("7", "a", " ")] + [_fill(q, "7" * LONG) for q in QUESTIONS]
# The news and note templates with runs of letters and of spaces, where a word-by-word pattern could backtrack.
ALWAYS += [_fill(q, run * LONG) for q in QUESTIONS[-2:] for run in ("a", " ", "a ")]

FUZZ = settings(
    max_examples=25,
    deadline=PER_INPUT,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)


@dataclass
class World:
    directory: Directory
    catalog: Catalog
    knowledge: Any
    transcripts: TranscriptSet
    customers: list[Customer]
    users: list[User]
    reader: Reader


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    data = Path(tmp_path_factory.mktemp("long-input"))
    services = Services(Settings(_env_file=None, data_dir=data / "var", llm="offline", crm="local"))  # type: ignore[call-arg]

    async def load() -> tuple[Directory, list[Customer], list[User]]:
        return await load_directory(services.crm), await services.crm.list_customers(), await services.crm.list_users()

    directory, customers, users = asyncio.run(load())
    knowledge = services.knowledge
    knowledge.search("warm up the index", 5, None)
    reader = Reader()
    reader.classifier.scores("warm up the model")
    default_news().read("warm up the model of news")  # trained once per process, as the app does at start
    return World(directory, services.catalog, knowledge, services.transcripts, customers, users, reader)


def _intake_turn(text: str) -> Any:
    state = NewClientState()
    return take_fields(state, read_customer_message(text, state).fields)


PARSERS: dict[str, Callable[[World, str], Any]] = {
    "reader": lambda w, t: w.reader.read(t, Focus(), w.directory, NOW),
    "reader, a yes awaited": lambda w, t: w.reader.read(t, Focus(), w.directory, NOW, pending="crm"),
    "slots": lambda w, t: (
        slots.fields_asked(slots.normalise(t)),
        slots.appointment_kind(slots.normalise(t)),
        slots.moment(slots.normalise(t), NOW),
        slots.day_range(slots.normalise(t), NOW),
        slots.duration_minutes(t),
        slots.money_amounts(t),
        slots.percentages(t),
        slots.is_affirmative(t),
    ),
    "when": lambda w, t: (when.parse_when(t, NOW), when.parse_range(t, NOW)),
    "pricing question": lambda w, t: parse_question(t),
    "transcript question": lambda w, t: interpret(t),
    "intake": lambda w, t: read_customer(t),
    "intake conversation": lambda w, t: _intake_turn(t),
    "knowledge query": lambda w, t: (query_terms(t), rep_expansions(normalize_query(t))),
    "crm search": lambda w, t: rank_by_name(read_customer_query(t).name, w.customers),
    "note words and stage news": lambda w, t: (_note_body(t), _STAGE_CLAUSE.search(slots.normalise(t)[:ENTITY_CHARS])),
    "crm mentions": lambda w, t: resolve_mentions(t, w.users),
    "script revision": lambda w, t: revise_options(ScriptOptions(), read_revision(t)),
    "script focus": lambda w, t: read_focus(t),
    "script job picked": lambda w, t: pick_job(JOB_CHOICES, t),
    "estimate note request": lambda w, t: attach_request(t, []),
}

# The answers built on the parsers: a message they cannot use is told so (a HardeError at most).
ANSWERS: dict[str, Callable[[World, str], str]] = {
    "pricing answer": lambda w, t: answer_question(parse_question(t), w.catalog),
    "catalog lookup": lambda w, t: answer_lookup(t, w.catalog),
    "knowledge search": lambda w, t: str(w.knowledge.search(t, 5, None)),
    "transcript answer": lambda w, t: answer_in_words(w.transcripts, t),
}


def fuzzed(check: Callable[[str], None]) -> Callable[[], None]:
    """`check` over the ALWAYS inputs, then over generated ones, each within its time limit."""
    test = given(LONG_TEXT)(check)
    for text in ALWAYS:
        test = example(text)(test)
    return FUZZ(test)


@pytest.mark.parametrize("name", list(PARSERS))
def test_every_parser_reads_long_input_without_failing(world: World, name: str) -> None:
    parse = PARSERS[name]

    def check(text: str) -> None:
        parse(world, text)

    fuzzed(check)()


@pytest.mark.parametrize("name", list(ANSWERS))
def test_every_answer_to_long_input_is_words(world: World, name: str) -> None:
    respond = ANSWERS[name]

    def check(text: str) -> None:
        try:
            answer = respond(world, text)
        except HardeError:
            return
        assert isinstance(answer, str) and answer.strip()

    fuzzed(check)()


@pytest.mark.parametrize("template", QUESTIONS[:6])
def test_a_run_of_spaces_reads_as_one_space(world: World, template: str) -> None:
    """Long whitespace loses no meaning: the question reads as it would with one space."""
    long, short = _fill(template, " " * LONG), template.replace("{}", " ")
    read_long, read_short = (world.reader.read(t, Focus(), world.directory, NOW) for t in (long, short))
    assert (read_long.intent, read_long.agent, read_long.tool, read_long.arguments, read_long.reply) == (
        read_short.intent, read_short.agent, read_short.tool, read_short.arguments, read_short.reply
    )
    assert replace(parse_question(long), text="") == replace(parse_question(short), text="")
    assert read_customer_query(long).name == read_customer_query(short).name
    assert read_customer(long) == read_customer(short)


def test_a_status_line_names_a_long_query_in_short() -> None:
    spec = load_tools()["search_knowledge"]
    status = spec.status_for({"query": "how do I handle " + "a" * 12_000})
    assert status.startswith("Searching the knowledge base for “how do I handle a")
    assert len(status) < 120
    assert spec.status_for({"query": "spouse not home"}) == "Searching the knowledge base for “spouse not home”…"
