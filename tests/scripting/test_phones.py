"""The number a homeowner is given: a rep's own line from the brand folder, else the company's
main line, else none at all; in the primer's closing line and checked in a model's draft."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from harde.brand import PhoneBook, load_phone_book
from harde.config import Settings
from harde.errors import ConfigurationError
from harde.integrations.crm import make_crm
from harde.integrations.crm.local import load_demo
from harde.scripting.checks import check_script
from harde.scripting.compose import compose_sections
from harde.scripting.models import ScriptFacts, ScriptGrounding, ScriptOptions
from harde.scripting.primer import write_primer_script

FACTS = ScriptFacts(
    job_id="1021", customer_first_name="John", customer_last_name="Smith",
    company_name="Summit Ridge Exteriors", trade="Roofing", trades=("Roofing",),
    project="roof replacement", city="Natick", rep_first_name="Mike", rep_last_name="Reed",
)  # fmt: skip
DIGITS = re.compile(r"\d{3}\D{0,2}\d{4}")


def _closing(facts: ScriptFacts) -> str:
    """The spoken sign-off: the last section of the offline primer."""
    return compose_sections(facts, ScriptGrounding(), ScriptOptions())[-1][1]


def test_a_rep_is_found_by_name_or_email_and_anyone_else_gets_the_main_line(tmp_path: Path) -> None:
    (tmp_path / "brand.toml").write_text(
        'phone = "(555) 014-2200"\n[rep_phones]\n"Mike  Reed" = "555-014-2231"\n"dana@x.example" = "+1 555 014 2232"\n'
    )
    book = load_phone_book(tmp_path)
    assert book.main_line == "(555) 014-2200"
    assert book.rep_line("mike reed", "mreed@x.example") == "555-014-2231"
    assert book.rep_line("Dana Whitaker", "DANA@x.example") == "+1 555 014 2232"
    assert book.rep_line("Kevin Shea", "kshea@x.example") == ""


def test_no_brand_folder_means_no_number(tmp_path: Path) -> None:
    assert load_phone_book(None) == PhoneBook()
    assert load_phone_book(tmp_path) == PhoneBook()  # a folder without brand.toml


@pytest.mark.parametrize("toml", ['phone = "call the office"\n', '[rep_phones]\n"Mike Reed" = "12"\n', 'rep_phones = "x"\n'])
def test_a_number_that_is_not_one_is_refused(tmp_path: Path, toml: str) -> None:
    (tmp_path / "brand.toml").write_text(toml)
    with pytest.raises(ConfigurationError, match="phone"):
        load_phone_book(tmp_path)


@pytest.mark.parametrize(
    ("stage", "opening"),
    [
        ("Lead", "If anything comes up before we meet"),
        ("Proposal Sent", "If you have any questions about the proposal"),
        ("Scheduled", "If a question comes up before we start"),
        ("Completed", "If you ever need us"),
    ],
)
def test_the_closing_line_gives_the_reps_own_number_in_every_stage(stage: str, opening: str) -> None:
    facts = replace(FACTS, stage=stage, rep_phone="(617) 555-0111", company_phone="(617) 555-0100")
    closing = _closing(facts)
    assert closing.startswith(f"{opening}, call me at (617) 555-0111.")
    assert "555-0100" not in closing


def test_without_a_line_of_their_own_the_rep_gives_the_office_number() -> None:
    closing = _closing(replace(FACTS, stage="Lead", company_phone="(617) 555-0100"))
    assert "call our office at (617) 555-0100." in closing


def test_with_no_number_configured_the_script_gives_none() -> None:
    for stage in ("Lead", "Proposal Sent", "Scheduled", "Completed"):
        text = " ".join(t for _, t in compose_sections(replace(FACTS, stage=stage), ScriptGrounding(), ScriptOptions()))
        assert not DIGITS.search(text), (stage, text)


def test_a_draft_with_a_made_up_number_or_without_the_real_one_is_sent_back() -> None:
    facts = replace(FACTS, stage="Lead", rep_phone="(617) 555-0111")
    good = " ".join(t for _, t in compose_sections(facts, ScriptGrounding(), ScriptOptions()))
    assert check_script(good, facts, ScriptOptions()) == []
    invented = good.replace("(617) 555-0111", "(800) 555-1234")
    problems = check_script(invented, facts, ScriptOptions())
    assert any("Remove the phone number 8005551234" in p for p in problems)
    assert any("(617) 555-0111" in p for p in problems)
    assert any("Remove the phone number" in p for p in check_script(invented, FACTS, ScriptOptions()))


async def test_the_demo_company_gives_each_rep_their_line_or_the_main_one(settings: Settings) -> None:
    assert settings.brand_folder == settings.demo_dir / "brand"
    load_demo(settings)
    crm = make_crm(settings)
    phones = load_phone_book(settings.brand_folder)
    expected = {"Mike Reed": "(617) 555-0111", "Dana Whitaker": "(617) 555-0112", "Kevin Shea": "(617) 555-0100"}
    seen = set()
    for job in await crm.list_jobs(limit=500):
        if job.current_stage.name == "Lost" or not job.reps or job.reps[0].full_name in seen:
            continue
        rep = job.reps[0].full_name
        seen.add(rep)
        script = await write_primer_script(crm, None, job_id=job.id, company_name=settings.company_name, phones=phones)
        assert expected[rep] in script.text, (rep, script.text)
        assert 150 <= script.word_count <= 300
    assert seen == set(expected)


def test_the_demo_folder_is_not_used_for_a_real_crm(settings: Settings, tmp_path: Path) -> None:
    leap = settings.model_copy(update={"crm": "leap"})
    assert leap.brand_folder is None
    own = settings.model_copy(update={"crm": "leap", "brand_dir": tmp_path})
    assert own.brand_folder == tmp_path
