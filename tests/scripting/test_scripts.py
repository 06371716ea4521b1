"""Script writing offline: every demo job, length targets, tones, revisions, the fact check,
and model drafting against the OpenAI-compatible test server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harde.config import Settings
from harde.crm.protocol import CRM
from harde.emulators.openai_server import OpenAITestServer
from harde.errors import InputError
from harde.integrations.crm import make_crm
from harde.integrations.crm.local import load_demo
from harde.knowledge import make_knowledge_base
from harde.knowledge.transcripts import load_transcripts
from harde.scripting.checks import check_script
from harde.scripting.compose import compose_script
from harde.scripting.drafting import OpenAIScriptDrafter
from harde.scripting.grounding import gather_grounding
from harde.scripting.models import ScriptFacts, ScriptGrounding, ScriptOptions, count_words
from harde.scripting.primer import load_facts, write_primer_script, write_sales_script
from harde.scripting.revisions import RevisionResult
from harde.scripting.revisions import revise_options as apply_revision
from harde.scripting.stages import primer_phase
from harde.understanding.scripting import read_revision


def revise_options(options: ScriptOptions, words: str) -> RevisionResult:
    """The rep's words read by the understanding layer, applied by the domain."""
    return apply_revision(options, read_revision(words))

FACTS = ScriptFacts(
    job_id="1021", customer_first_name="John", customer_last_name="Smith",
    company_name="Summit Ridge Exteriors", trade="Roofing", trades=("Roofing",),
    job_name="Smith roof replacement", job_number="2608-1021", project="roof replacement",
    city="Natick", rep_first_name="Mike", rep_last_name="Reed",
)


@pytest.fixture
async def crm(settings: Settings) -> CRM:
    load_demo(settings)
    return make_crm(settings)


async def test_every_demo_job_gets_a_primer_and_a_sales_script_within_limits(settings: Settings, crm: CRM) -> None:
    jobs = await crm.list_jobs(limit=500)
    assert len(jobs) >= 60
    for job in jobs:
        if primer_phase(job.current_stage.name) == "none":  # a lost job: no video, and why
            with pytest.raises(InputError, match="made no primer video"):
                await write_primer_script(crm, None, job_id=job.id, company_name=settings.company_name)
            continue
        primer = await write_primer_script(crm, None, job_id=job.id, company_name=settings.company_name)
        assert 150 <= primer.word_count <= 300, (job.id, primer.word_count)
        facts = await load_facts(crm, job.id, settings.company_name)
        assert check_script(primer.text, facts, ScriptOptions()) == [], job.id
        sales = await write_sales_script(crm, None, job_id=job.id, company_name=settings.company_name)
        assert 300 <= sales.word_count <= 800, (job.id, sales.word_count)


@pytest.mark.parametrize(
    ("job_id", "stage", "says", "never"),
    [
        (1049, "Lead", "before we sit down together", ("we found", "install day", "review")),
        (1014, "Proposal Sent", "what we found at your home", ("before we sit down", "install day")),
        (1043, "Scheduled", "Thank you for choosing us", ("before we sit down", "written price")),
        (1021, "Completed", "short online review", ("before we sit down", "When we meet", "proposal")),
    ],
)
async def test_the_jobs_stage_decides_the_primers_purpose(
    settings: Settings, crm: CRM, job_id: int, stage: str, says: str, never: tuple[str, ...]
) -> None:
    job = await crm.get_job(job_id)
    assert job.current_stage.name == stage
    script = await write_primer_script(crm, make_knowledge_base(settings), job_id=job_id, company_name=settings.company_name)
    assert says in script.text
    assert not [phrase for phrase in never if phrase in script.text]


@pytest.mark.parametrize("focus", ["financing", "payment options", "the warranty"])
async def test_knowledge_lines_keep_to_the_trade_and_never_talk_money(
    settings: Settings, crm: CRM, focus: str
) -> None:
    knowledge = make_knowledge_base(settings)
    transcripts = load_transcripts(settings)
    for job_id in (1002, 1016, 1047):  # siding jobs before, after signing
        script = await write_primer_script(crm, knowledge, job_id=job_id, company_name=settings.company_name,
                                           focus=focus, transcripts=transcripts)  # fmt: skip
        low = script.text.lower()
        assert not re.search(r"\broof|shingle|two layers|soft wood|attic", low), (job_id, script.text)
        assert not re.search(r"\$|\bdeposit|\bmonthly|\bapr\b|\binterest\b", low), (job_id, script.text)


async def test_primer_is_personal_grounded_and_deterministic(settings: Settings, crm: CRM) -> None:
    knowledge = make_knowledge_base(settings)
    transcripts = load_transcripts(settings)
    kwargs = {"job_id": 1021, "company_name": settings.company_name, "focus": "architectural shingles",
              "transcripts": transcripts}
    first = await write_primer_script(crm, knowledge, **kwargs)  # type: ignore[arg-type]
    again = await write_primer_script(crm, knowledge, **kwargs)  # type: ignore[arg-type]
    assert first.text == again.text
    assert (first.customer_first_name, first.customer_name, first.trade, first.job_id) == ("John", "John Smith", "Roofing", "1021")
    assert first.text.startswith("Hi John, this is Mike from Summit Ridge Exteriors.")
    assert "architectural shingles" in first.text and "Natick" in first.text
    assert "[" not in first.text and "{" not in first.text
    # A line from the director's calls, in a primer before the visit (a thank-you has none).
    before = await write_primer_script(crm, knowledge, job_id=1050, company_name=settings.company_name,
                                       transcripts=transcripts)  # fmt: skip
    assert "Our sales director puts it this way" in before.text


@pytest.mark.parametrize("target", [150, 180, 220, 260, 300])
def test_primer_lands_near_its_length_target(target: int) -> None:
    text = compose_script(FACTS, ScriptGrounding(), ScriptOptions(target_words=target, focus="ice and water shield"))
    assert 150 <= count_words(text) <= 300
    assert abs(count_words(text) - target) <= target * 0.2


def test_formal_tone_spells_out_contractions_and_casual_greets_loosely() -> None:
    formal = compose_script(FACTS, ScriptGrounding(), ScriptOptions(tone="formal"))
    casual = compose_script(FACTS, ScriptGrounding(), ScriptOptions(tone="casual"))
    assert "we'll" not in formal.lower() and "we will" in formal.lower()
    assert formal.startswith("Hello John. My name is Mike Reed")
    assert casual.startswith("Hey John!")
    assert count_words(formal) <= 300


def test_revisions_in_the_reps_words_change_the_options() -> None:
    options = ScriptOptions(focus="architectural shingles")
    shorter = revise_options(options, "make it shorter")
    assert shorter.options.target_words == 165
    assert revise_options(shorter.options, "shorter").options.target_words == 150  # the primer floor
    both = revise_options(options, "Make it more casual and mention the 50-year warranty too, please.")
    assert both.options.tone == "casual" and both.options.mentions == ("the 50-year warranty",)
    assert revise_options(options, "90 seconds").options.target_words == 225
    assert revise_options(both.options, "don't mention the 50-year warranty").options.mentions == ()
    assert not revise_options(options, "hmm, I'm not sure").understood


def test_mentioned_warranty_is_in_the_revised_script_with_the_knowledge_base_line() -> None:
    line = "Preferred roofs carry the manufacturer's 50-year non-prorated warranty on materials."
    grounding = ScriptGrounding(mention_lines={"the 50-year warranty": (line,)})
    text = compose_script(FACTS, grounding, ScriptOptions(mentions=("the 50-year warranty",)))
    assert "I also want to mention the 50-year warranty. " + line in text


def test_check_script_names_what_a_draft_misses() -> None:
    options = ScriptOptions(focus="architectural shingles")
    problems = check_script("Hello there, [Customer Name]. Thanks for your time.", FACTS, options)
    assert any("words" in p for p in problems)
    assert any("John" in p for p in problems)
    assert any("Summit Ridge Exteriors" in p for p in problems)
    assert any("roof" in p for p in problems)
    assert any("architectural shingles" in p for p in problems)
    assert any("placeholder" in p for p in problems)
    good = compose_script(FACTS, ScriptGrounding(), options)
    assert check_script(good, FACTS, options) == []


async def test_model_draft_that_misses_the_facts_is_revised(settings: Settings, tmp_path: Path) -> None:
    options = ScriptOptions(focus="architectural shingles")
    good = compose_script(FACTS, ScriptGrounding(), options)
    with OpenAITestServer(api_key="sk-test") as server:
        server.enqueue_error(429, retry_after=0)
        server.enqueue_text("Hello! We fix roofs.")  # misses the name, company, focus, length
        server.enqueue_text(good)
        drafter = OpenAIScriptDrafter("sk-test", "gpt-test", base_url=server.base_url, retry_wait_s=0)
        from harde.scripting.drafting import draft_with_model

        text, kept = await draft_with_model(drafter, FACTS, ScriptGrounding(), options)
        chats = [r for r in server.requests if r.path.endswith("/chat/completions")]
    assert kept and text == good
    assert len(chats) == 3  # the 429, the weak draft, the revision
    assert "Address the homeowner by first name, John." in chats[-1].json["messages"][1]["content"]


async def test_model_that_keeps_missing_falls_back_to_the_offline_script() -> None:
    options = ScriptOptions()
    with OpenAITestServer() as server:
        server.default_text = "A short note without any of the facts."
        drafter = OpenAIScriptDrafter("sk-test", "gpt-test", base_url=server.base_url, retry_wait_s=0)
        from harde.scripting.drafting import draft_with_model

        text, kept = await draft_with_model(drafter, FACTS, ScriptGrounding(), options)
    assert not kept
    assert text == compose_script(FACTS, ScriptGrounding(), options)


async def test_knowledge_grounding_keeps_template_instructions_out(settings: Settings, crm: CRM) -> None:
    knowledge = make_knowledge_base(settings)
    facts = await load_facts(crm, 1021, settings.company_name)
    options = ScriptOptions(focus="architectural shingles", mentions=("the 50-year warranty",))
    grounding = await gather_grounding(knowledge, None, facts, options)
    for line in grounding.template_lines:
        assert "Never" not in line and "CRM" not in line
    text = compose_script(facts, grounding, options)
    assert "Linda" not in text and "Jordan" not in text  # names from the template's examples
