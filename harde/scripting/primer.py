"""The script writers the rest of Hard-E calls: the primer-video script and the standard sales script."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from harde.brand import PhoneBook
from harde.crm.protocol import CRM
from harde.errors import InputError, NotFoundError
from harde.scripting.compose import compose_script, compose_sections
from harde.scripting.drafting import ScriptDrafter, draft_with_model
from harde.scripting.grounding import gather_grounding
from harde.scripting.jobs import facts_from_job, job_by_reference
from harde.scripting.models import (
    DEFAULT_TARGETS,
    Script,
    ScriptFacts,
    ScriptGrounding,
    ScriptOptions,
    ScriptType,
    count_words,
)
from harde.scripting.stages import no_primer_reason, primer_phase


async def build_script(
    facts: ScriptFacts,
    grounding: ScriptGrounding,
    options: ScriptOptions,
    drafter: ScriptDrafter | None = None,
) -> Script:
    """The offline writer's script, or a model draft checked against the same facts."""
    if drafter is None:
        sections = compose_sections(facts, grounding, options)
        text = compose_script(facts, grounding, options)
        return replace(script_from(text, facts, options, grounding), sections=tuple(sections))
    text, _ = await draft_with_model(drafter, facts, grounding, options)
    return script_from(text, facts, options, grounding)


def script_from(text: str, facts: ScriptFacts, options: ScriptOptions, grounding: ScriptGrounding) -> Script:
    return Script(
        text=text,
        word_count=count_words(text),
        customer_first_name=facts.customer_first_name,
        customer_name=facts.customer_name,
        trade=facts.trade,
        job_id=facts.job_id,
        script_type=options.script_type,
        sources=grounding.sources,
    )


async def load_facts(
    crm: CRM, job_id: str | int, company_name: str, phones: PhoneBook | None = None
) -> ScriptFacts:
    job = await job_by_reference(crm, str(job_id))
    if job is None:
        raise NotFoundError(f"job {job_id} is not in the CRM")
    return facts_from_job(job, company_name, phones=phones)


async def write_script(
    crm: CRM,
    knowledge: Any,
    *,
    job_id: str | int,
    company_name: str,
    script_type: ScriptType = "primer",
    focus: str | None = None,
    target_words: int | None = None,
    transcripts: Any = None,
    drafter: ScriptDrafter | None = None,
    phones: PhoneBook | None = None,
) -> Script:
    """`phones`: the brand folder's numbers, for the primer's closing line (none: no number)."""
    facts = await load_facts(crm, job_id, company_name, phones)
    if script_type == "primer" and primer_phase(facts.stage) == "none":
        raise InputError(no_primer_reason(facts.stage))
    options = ScriptOptions(script_type=script_type, focus=focus or None).with_target(
        target_words or DEFAULT_TARGETS[script_type]
    )
    grounding = await gather_grounding(knowledge, transcripts, facts, options)
    return await build_script(facts, grounding, options, drafter)


async def write_primer_script(
    crm: CRM,
    knowledge: Any,
    *,
    job_id: str | int,
    company_name: str,
    focus: str | None = None,
    target_words: int = 220,
    transcripts: Any = None,
    drafter: ScriptDrafter | None = None,
    phones: PhoneBook | None = None,
) -> Script:
    """A personalised primer-video script (150 to 300 words) for one CRM job.

    `knowledge` may be None; `transcripts` (a TranscriptSet) adds a line of the director's;
    `drafter` has a language model write it, checked against the same facts; `phones` gives
    the closing line the number to call.
    """
    return await write_script(
        crm, knowledge, job_id=job_id, company_name=company_name, script_type="primer",
        focus=focus, target_words=target_words, transcripts=transcripts, drafter=drafter,
        phones=phones,
    )


async def write_sales_script(
    crm: CRM,
    knowledge: Any,
    *,
    job_id: str | int,
    company_name: str,
    focus: str | None = None,
    target_words: int = DEFAULT_TARGETS["standard"],
    transcripts: Any = None,
    drafter: ScriptDrafter | None = None,
) -> Script:
    """The rep's standard sales script for the appointment on one CRM job."""
    return await write_script(
        crm, knowledge, job_id=job_id, company_name=company_name, script_type="standard",
        focus=focus, target_words=target_words, transcripts=transcripts, drafter=drafter,
    )
