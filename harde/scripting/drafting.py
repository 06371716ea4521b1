"""Drafting with a language model on the same grounding, checked and revised until it carries
the facts it must; the offline writer is the fallback when the model keeps missing them."""

from __future__ import annotations

from typing import Protocol

import openai

from harde.config import Settings
from harde.errors import IntegrationError
from harde.integrations.openai_retry import openai_retrying
from harde.llm.untrusted import UNTRUSTED_RULE, data_block
from harde.scripting.checks import check_script, length_bounds
from harde.scripting.compose import compose_script
from harde.scripting.models import ScriptFacts, ScriptGrounding, ScriptOptions

SYSTEM = (
    "You write scripts for a residential exteriors company. Write only the script itself: no title, "
    "no notes, no markdown. Use only the facts given; never invent prices, dates, warranties or "
    "product names that are not in the facts or the reference lines. " + UNTRUSTED_RULE
)


class ScriptDrafter(Protocol):
    async def complete(self, system: str, prompt: str) -> str: ...


class OpenAIScriptDrafter:
    """Chat completions on any OpenAI-compatible server, with a timeout and backoff retries."""

    def __init__(
        self,
        api_key: str,
        model: str,
        *,
        base_url: str | None = None,
        timeout_s: float = 60.0,
        attempts: int = 4,
        retry_wait_s: float = 1.0,
    ) -> None:
        self._client = openai.AsyncOpenAI(api_key=api_key, base_url=base_url, timeout=timeout_s, max_retries=0)
        self.model = model
        self.attempts = attempts
        self.retry_wait_s = retry_wait_s

    async def complete(self, system: str, prompt: str) -> str:
        try:
            async for attempt in openai_retrying(self.attempts, self.retry_wait_s):
                with attempt:
                    response = await self._client.chat.completions.create(
                        model=self.model,
                        messages=[{"role": "system", "content": system}, {"role": "user", "content": prompt}],
                    )
        except openai.APIError as exc:
            raise IntegrationError("script model", type(exc).__name__) from exc
        return (response.choices[0].message.content or "").strip()


def drafting_prompt(facts: ScriptFacts, grounding: ScriptGrounding, options: ScriptOptions) -> str:
    """The request in our own words and the rep's; everything from the CRM, the knowledge base
    and the director's calls in labelled data blocks."""
    low, high = length_bounds(options)
    kind = (
        "a primer video script: the sales rep speaks to the homeowner on camera before the appointment, one to two minutes"
        if options.script_type == "primer"
        else "a standard sales script: the rep's talk track for the appointment, with short section labels in [brackets]"
    )
    lines = [
        f"Write {kind}.",
        f"Length: {low} to {high} words (aim for {options.target_words}). Tone: {options.tone}.",
    ]
    if options.focus:
        lines.append(f"Focus on: {options.focus}.")
    if options.mentions:
        lines.append("Mention: " + "; ".join(options.mentions) + ".")
    crm = [
        f"Homeowner: {facts.customer_name} (address them as {facts.customer_first_name}).",
        f"Company: {facts.company_name}. Rep: {facts.rep_name or 'the team'}.",
        f"Job: {facts.project} ({facts.trade}){f' in {facts.city}' if facts.city else ''}.",
    ]
    if options.script_type == "primer":
        whose = "the rep's own line" if facts.rep_phone else "the office's main line"
        crm.append(
            f"Number to call with questions ({whose}): {facts.callback_phone}; say it once, near the end."
            if facts.callback_phone
            else "No phone number is on file: give none."
        )
    if facts.description and options.script_type == "standard":
        crm.append(f"Job notes: {facts.description}")
    lines.append(data_block("facts from the CRM", "\n".join(crm)))
    reference = [*grounding.template_lines, *grounding.focus_lines, *(line for lines_ in grounding.mention_lines.values() for line in lines_)]
    if reference:
        lines.append("Reference lines from the company's knowledge base (use what fits):")
        lines.append(data_block("knowledge base lines", "\n".join(f"- {r}" for r in reference[:10])))
    if grounding.director_quotes:
        lines.append("The sales director's own words (quote at most one):")
        lines.append(data_block("director's quotes", "\n".join(f"- {q}" for q in grounding.director_quotes)))
    if grounding.objection_lines:
        lines.append("How the director answers common concerns:")
        lines.append(data_block("director's answers to concerns", "\n".join(f"- {o}" for o in grounding.objection_lines)))
    return "\n".join(lines)


async def draft_with_model(
    drafter: ScriptDrafter,
    facts: ScriptFacts,
    grounding: ScriptGrounding,
    options: ScriptOptions,
    *,
    previous: str | None = None,
    instruction: str | None = None,
    rounds: int = 2,
) -> tuple[str, bool]:
    """A model draft (or revision of `previous` per `instruction`) that passes `check_script`.

    Returns the text and whether the model's draft was kept; after `rounds` failed revisions the
    offline writer's script is returned instead, so the result always carries the facts.
    """
    prompt = drafting_prompt(facts, grounding, options)
    if previous and instruction:
        prompt += f"\n\nHere is the current script:\n{data_block('current script', previous)}\n\nRevise it: {instruction}"
    text = await drafter.complete(SYSTEM, prompt)
    for _ in range(rounds):
        problems = check_script(text, facts, options)
        if not problems:
            return text, True
        text = await drafter.complete(
            SYSTEM,
            f"{prompt}\n\nYour draft:\n{data_block('your draft', text)}\n\nFix these and return the whole script:\n"
            + "\n".join(f"- {p}" for p in problems),
        )
    if not check_script(text, facts, options):
        return text, True
    return compose_script(facts, grounding, options), False


def make_drafter(settings: Settings) -> ScriptDrafter | None:
    """A model drafter when the settings name an OpenAI-compatible model; None means offline."""
    if settings.llm_backend != "openai" or settings.openai_api_key is None:
        return None
    return OpenAIScriptDrafter(
        settings.openai_api_key.get_secret_value(),
        settings.model_for("scripting"),
        base_url=settings.openai_base_url,
        timeout_s=settings.llm_timeout_s,
        attempts=settings.llm_max_retries + 1,
    )
