"""Workflow stages as people say them ("proposal sent", "signed", "done") resolved against
the company's own stages, which are fetched from the CRM and never hard-coded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from harde.crm.models import Stage

# How reps talk about a stage -> words likely to appear in the company's stage name. These
# widen the match; the stage itself always comes from the CRM's list.
_SPOKEN = {
    "new": "lead",
    "new lead": "lead",
    "prospect": "lead",
    "estimate": "estimating",
    "estimation": "estimating",
    "measure": "estimating",
    "inspection": "estimating",
    "quoted": "proposal sent",
    "quote sent": "proposal sent",
    "bid sent": "proposal sent",
    "sent proposal": "proposal sent",
    "proposal went out": "proposal sent",
    "proposal out": "proposal sent",
    "sent the proposal": "proposal sent",
    "quote went out": "proposal sent",
    "proposal": "proposal sent",
    "followup": "follow up",
    "follow-up": "follow up",
    "following up": "follow up",
    "signed": "contract signed awarded",
    "sold": "contract signed awarded",
    "won": "contract signed awarded",
    "closed won": "contract signed awarded",
    "contract": "contract signed awarded",
    "awarded": "contract signed awarded",
    "booked": "scheduled",
    "on the schedule": "scheduled",
    # shorthand: "its on the sched", "move it to sched", "in prog"
    "sched": "scheduled",
    "on the sched": "scheduled",
    "sked": "scheduled",
    "on the sked": "scheduled",
    "in prog": "in progress",
    "started": "in progress",
    "underway": "in progress",
    "in production": "in progress",
    "production": "in progress",
    "work in progress": "in progress",
    "wip": "in progress",
    "under construction": "in progress",
    "being built": "in progress",
    "done": "completed",
    "finished": "completed",
    "complete": "completed",
    "paid": "paid closed",
    "paid in full": "paid closed",
    "closed": "paid closed",
    "lost": "lost",
    "dead": "lost",
    "killed": "lost",
    "kill": "lost",
    "close out": "paid closed",
    "closed out": "paid closed",
    "close it out": "paid closed",
    # A rep who "closed" a deal sold it: the job is signed, not paid.
    "we closed": "contract signed awarded",
    "i closed": "contract signed awarded",
    "just closed": "contract signed awarded",
    "closed the deal": "contract signed awarded",
    "closed the sale": "contract signed awarded",
}

_FILLER = re.compile(r"\b(the|a|an|stage|status|column|to|into|step)\b")


@dataclass
class StageResolution:
    """The stage meant, or the closest candidates when it is not clear."""

    said: str
    stage: Stage | None = None
    candidates: list[Stage] = field(default_factory=list)

    def problem(self, stages: Sequence[Stage]) -> str:
        if self.candidates:
            names = ", ".join(f"**{s.name}**" for s in self.candidates)
            return f"“{self.said}” could be {names}. Which stage?"
        names = ", ".join(s.name for s in stages)
        return f"There is no stage called “{self.said}”. The stages are: {names}."


def normalise_stage_words(text: str) -> str:
    text = text.casefold().replace("&", " and ").replace("/", " ")
    text = re.sub(r"[^\w\s-]", " ", text)
    text = _FILLER.sub(" ", text)
    return " ".join(text.replace("-", " ").split())


def resolve_stage(said: str, stages: Sequence[Stage]) -> StageResolution:
    """Match what someone said to one of `stages` (exact, then spoken forms, then fuzzy)."""
    result = StageResolution(said=said.strip())
    if not stages or not said.strip():
        return result
    key = normalise_stage_words(said)
    for s in stages:
        if key in (normalise_stage_words(s.name), s.code.casefold()):
            result.stage = s
            return result
    spoken = _SPOKEN.get(key) or _SPOKEN.get(said.strip().casefold())
    queries = [key] + ([spoken] if spoken else [])
    scored: list[tuple[float, Stage]] = []
    for s in stages:
        name = normalise_stage_words(s.name)
        best = 0.0
        for q in queries:
            best = max(
                best,
                fuzz.token_set_ratio(q, name) if q in name or name in q else 0.0,
                fuzz.WRatio(q, name) * 0.95,
            )
        scored.append((best, s))
    scored.sort(key=lambda pair: (-pair[0], pair[1].position))
    top_score, top = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if top_score >= 80 and top_score - runner_up >= 6:
        result.stage = top
    else:
        result.candidates = [s for score, s in scored[:3] if score >= 70]
    return result
