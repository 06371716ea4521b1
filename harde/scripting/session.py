"""A script drafted over several turns: find the job, ask only for what is missing, draft, revise,
finalise. Works on ScriptDraftState and answers in markdown the rep can read as it is."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from harde.brand import PhoneBook
from harde.crm.protocol import CRM
from harde.scripting.compose import compose_script
from harde.scripting.drafting import ScriptDrafter, draft_with_model
from harde.scripting.grounding import gather_grounding
from harde.scripting.jobs import facts_from_job, find_job, job_by_reference, job_choice
from harde.scripting.models import (
    DEFAULT_TARGETS,
    SPOKEN_WORDS_PER_MINUTE,
    TONES,
    Revision,
    ScriptFacts,
    ScriptOptions,
    ScriptType,
    count_words,
)
from harde.scripting.revisions import revise_options
from harde.state.drafts import ScriptDraftState, ScriptRevision

REVISION_HINT = (
    "Say **shorter**, **longer**, **more casual**, **more formal**, or **mention …** to change it, "
    "**read it to me** to hear it, or **finalise** when it's right."
)


@dataclass
class ScriptSession:
    state: ScriptDraftState
    crm: CRM
    knowledge: Any
    transcripts: Any
    company_name: str
    drafter: ScriptDrafter | None = None
    phones: PhoneBook | None = None

    # --- finding the job --------------------------------------------------------------------
    async def start(
        self, *, customer: str = "", job: str = "", script_type: ScriptType = "primer", focus: str = "", trade: str | None = None
    ) -> str:
        # A new request starts a new draft: nothing of the previous script carries over.
        fresh = ScriptDraftState(active=True, script_type=script_type, length_target_words=DEFAULT_TARGETS[script_type])
        for item in fields(ScriptDraftState):
            setattr(self.state, item.name, getattr(fresh, item.name))
        self.state.focus_material = focus.strip() or None
        lookup = await find_job(self.crm, customer=customer or None, job=job or None, trade=trade)
        if lookup.job is not None:
            return await self._job_found(facts_from_job(lookup.job, self.company_name, lookup.customer, self.phones))
        if lookup.choices and lookup.customer is not None:
            self.state.customer_id = str(lookup.customer.id)
            self.state.customer_name = f"{lookup.customer.first_name} {lookup.customer.last_name}".strip()
            self.state.job_choices = [job_choice(j) for j in lookup.choices]
            self.state.awaiting = "job"
            rows = "\n".join(
                f"{n}. **{c['name']}** (job {c['number'] or c['job_id']}, {c['trade'] or 'no trade'}, {c['stage']})"
                for n, c in enumerate(self.state.job_choices, start=1)
            )
            return f"{self.state.customer_name} has {len(self.state.job_choices)} jobs. Which one is the script for?\n\n{rows}"
        self.state.active = False
        return lookup.problem

    async def choose(self, job_id: int) -> str:
        """The job the script is for, from the ones offered (or any job, by its id)."""
        job = await job_by_reference(self.crm, str(job_id))
        if job is None:
            options = ", ".join(f"{n}. {c['name']}" for n, c in enumerate(self.state.job_choices, start=1))
            return f"I don't have a job {job_id}. The choices are: {options}. Say the number or the job."
        return await self._job_found(facts_from_job(job, self.company_name, phones=self.phones))

    async def _job_found(self, facts: ScriptFacts) -> str:
        s = self.state
        s.facts = asdict(facts)
        s.customer_id, s.customer_name = facts.customer_id, facts.customer_name
        s.job_id, s.job_name, s.trade = facts.job_id, facts.job_name, facts.trade
        s.job_choices = []
        if s.script_type == "primer" and not s.focus_material:
            s.awaiting = "focus"
            return (
                f"Found **{facts.job_name or facts.project}** for {facts.customer_name} "
                f"(job {facts.job_number or facts.job_id}, {facts.stage}). What should the primer focus on? "
                f"For example a product (architectural shingles), the warranty, or financing. "
                f"Say **no focus** for a general one."
            )
        return await self.draft()

    async def set_focus(self, focus: str | None) -> str:
        """The primer's focus material; None for a general one. Then the draft."""
        if not self.state.facts:
            return "Tell me whose script this is first (the customer or the job number)."
        self.state.focus_material = (focus or "").strip() or None
        return await self.draft()

    # --- drafting and revising ------------------------------------------------------------------
    def options(self) -> ScriptOptions:
        s = self.state
        tone = s.tone if s.tone in TONES else "warm"
        return ScriptOptions(
            script_type=s.script_type, tone=tone, target_words=s.length_target_words,
            focus=s.focus_material, mentions=tuple(s.mentions),
        ).with_target(s.length_target_words)

    def facts(self) -> ScriptFacts:
        values: dict[str, Any] = dict(self.state.facts)
        values["trades"] = tuple(values.get("trades", ()))
        return ScriptFacts(**values)

    async def draft(self, *, instruction: str | None = None) -> str:
        s = self.state
        facts, options = self.facts(), self.options()
        grounding = await gather_grounding(self.knowledge, self.transcripts, facts, options)
        previous = s.draft
        if self.drafter is None:
            text = compose_script(facts, grounding, options)
        else:
            text, _ = await draft_with_model(self.drafter, facts, grounding, options, previous=previous or None, instruction=instruction)
        s.draft, s.awaiting, s.audio_path = text, None, None
        s.sources = list(grounding.sources)
        if instruction is not None:
            s.revisions.append(ScriptRevision(instruction=instruction, draft=text))
        return self.present()

    async def revise(self, revision: Revision, instruction: str = "") -> str:
        """Apply a revision; `instruction` (the rep's words) goes to a model writer, when there is one."""
        s = self.state
        if not s.draft:
            return "There is no draft to revise yet. Which customer or job is the script for?"
        result = revise_options(self.options(), revision)
        if not result.understood and self.drafter is None:
            return (
                f"I can't make that change offline. {REVISION_HINT}"
            )
        o = result.options
        s.tone, s.length_target_words, s.focus_material, s.mentions = o.tone, o.target_words, o.focus, list(o.mentions)
        s.finalised = False
        answer = await self.draft(instruction=instruction or None)
        changed = "; ".join(result.changes) if result.changes else (instruction or "as asked")
        return f"Revised ({changed}).\n\n{answer}"

    def finalise(self) -> str:
        s = self.state
        if not s.draft:
            return "There is no draft to finalise yet."
        s.finalised = True
        return f"Final script for {s.customer_name}, {count_words(s.draft)} words:\n\n{s.draft}"

    def present(self) -> str:
        s = self.state
        words = count_words(s.draft)
        minutes = words / SPOKEN_WORDS_PER_MINUTE
        kind = "Primer video script" if s.script_type == "primer" else "Sales script"
        facts = self.facts()
        header = (
            f"**{kind}** for {facts.customer_name}, {facts.project} (job {facts.job_number or facts.job_id}): "
            f"{words} words, about {minutes:.1f} minutes read aloud."
        )
        sources = f"\n\nSources: {', '.join(s.sources)}" if s.sources else ""
        return f"{header}\n\n{s.draft}{sources}\n\n{REVISION_HINT}"
