"""News of a job in words no pattern knows moves it; a question in the same words never does."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from harde.config import Settings
from harde.services import Services
from harde.understanding.directory import Directory, load_directory
from harde.understanding.memory import Focus
from harde.understanding.news import NEWS_EXAMPLES, default_news
from harde.understanding.reader import Reader
from harde.understanding.training.build_examples import HELDOUT_PATH, load, normalise

NOW = dt.datetime(2026, 11, 23, 9, 0)


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Directory:
    settings = Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("var"), llm="offline", crm="local")  # type: ignore[call-arg]
    return asyncio.run(load_directory(Services(settings).crm))


def test_news_is_never_a_held_out_line() -> None:
    held = {normalise(row["text"]) for row in load(HELDOUT_PATH)}
    news = {normalise(row["text"]) for row in load(NEWS_EXAMPLES)}
    assert news and not held & news


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("the ho put pen to paper on job 1043", "contract signed"),
        ("job 1043 they ghosted us", "lost"),
        ("crew packed up friday at 1043", "completed"),
        ("final check cleared on job 1043", "paid and closed"),
    ],
)
def test_the_classifier_reads_news_as_its_stage(text: str, stage: str) -> None:
    assert default_news().read(text).stage == stage


@pytest.mark.parametrize("text", ["paid so far", "deposit paid?", "what do they owe", "did they sign yet"])
def test_the_classifier_reads_no_news_in_a_question(text: str) -> None:
    assert default_news().read(text).stage is None


def test_news_in_unknown_words_proposes_the_stage(directory: Directory) -> None:
    reader = Reader()
    focus = reader.read("open job 1043 for me", Focus(), directory, NOW).focus
    action = reader.read("crew got started on it today", focus, directory, NOW)
    assert action.tool == "crm_change_stage" and action.arguments["stage"] == "In Progress"


@pytest.mark.parametrize("text", ["and the install date on that one", "back to that one, balance", "crew start date"])
def test_a_field_asked_in_news_words_is_a_look_up(directory: Directory, text: str) -> None:
    reader = Reader()
    focus = reader.read("open job 1043 for me", Focus(), directory, NOW).focus
    assert reader.read(text, focus, directory, NOW).tool == "crm_facts"
