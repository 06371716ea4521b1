"""The flow router: which specialist a request is for, and whether it takes the fast path.

Keywords and patterns per specialist come from agent_config.yaml; each match adds its weight,
and the best score wins. A turn while a workflow is under way stays with that workflow unless
the request clearly belongs elsewhere. Nothing here calls a model, so routing costs microseconds.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Literal

from harde.agents.config import AgentGraphConfig
from harde.agents.intent_model import IntentModel, default_model
from harde.state.conversation import ConversationState

# Ties go to the specialist whose work is more specific (a new customer over a CRM lookup).
PRIORITY = ("new_clients", "scripting", "pricing", "analysis", "crm", "web_search", "knowledge")
MIN_SCORE = 1.0
# How clearly a request must belong elsewhere to leave a workflow under way.
SWITCH_SCORE = 4.0
# Added to the previous specialist when a request points back at its answer ("that", "it").
CONTINUITY_BONUS = 3.0
_POINTS_BACK = re.compile(r"\b(that|this|it|those|these|the same|again)\b", re.IGNORECASE)
# How the rules and the phrasing model are blended (chosen on requests neither was built from).
RULE_TEMPERATURE = 1.5
MODEL_WEIGHT = 0.5
# With no rule matching at all, the phrasing model alone must be this sure.
MODEL_ALONE = 0.9
# The model's probabilities are overconfident (naive Bayes); this floor caps how hard it can
# overrule a clear rule match.
MODEL_FLOOR = 0.01
# A model-only choice needs this many words the model has seen.
MODEL_ALONE_WORDS = 3

_YES = re.compile(
    r"^\s*(y|yes|yep|yeah|yup|sure|ok|okay|confirm(ed)?|correct|do it|go ahead|go for it|please do|"
    r"sounds good|looks good|that'?s right|right|affirmative|absolutely|approved?)\b[\s.!,]*"
    r"(please|go ahead|do it|create it|add it|thanks?|thank you)?[\s.!]*$",
    re.IGNORECASE,
)
_NO = re.compile(
    r"^\s*(n|no|nope|nah|cancel( it| that)?|stop|don'?t|do not|never ?mind|scratch that|abort)\b[\s.!,]*"
    r"(thanks?|thank you|cancel( it)?|don'?t)?[\s.!]*$",
    re.IGNORECASE,
)


def is_affirmative(text: str) -> bool:
    return bool(_YES.match(text))


def is_negative(text: str) -> bool:
    return bool(_NO.match(text))


@dataclass(frozen=True)
class Route:
    agent: str  # "triage" when no specialist fits
    flow: Literal["fast", "sdk"]
    reason: str
    writes: bool = False
    scores: dict[str, float] = field(default_factory=dict)


@dataclass
class _Rules:
    terms: list[tuple[re.Pattern[str], float, str]]
    writes: list[re.Pattern[str]]
    fast_tool: str | None


class Router:
    def __init__(self, config: AgentGraphConfig, model: IntentModel | None = None, *, learnt: bool = True) -> None:
        self.model = model if model is not None or not learnt else default_model()
        self._rules: dict[str, _Rules] = {}
        for key, spec in config.agents.items():
            terms: list[tuple[re.Pattern[str], float, str]] = []
            for keyword, weight in spec.routing.keywords.items():
                regex = r"(?<![\w'])" + re.escape(keyword).replace(r"\ ", r"\s+") + r"(?![\w'])"
                terms.append((re.compile(regex, re.IGNORECASE), weight, keyword))
            for pattern, weight in spec.routing.patterns.items():
                terms.append((re.compile(pattern, re.IGNORECASE), weight, f"/{pattern}/"))
            writes = [re.compile(p, re.IGNORECASE) for p in spec.routing.writes]
            self._rules[key] = _Rules(terms=terms, writes=writes, fast_tool=spec.fast_path)

    def scores(self, text: str) -> dict[str, tuple[float, list[str]]]:
        out: dict[str, tuple[float, list[str]]] = {}
        for key, rules in self._rules.items():
            total = 0.0
            matched: list[str] = []
            for regex, weight, label in rules.terms:
                if regex.search(text):
                    total += weight
                    matched.append(label)
            out[key] = (total, matched)
        return out

    def best(self, text: str, exclude: tuple[str, ...] = ()) -> tuple[str | None, float, list[str], dict[str, float]]:
        scored = self.scores(text)
        flat = {k: v[0] for k, v in scored.items()}
        ranked = sorted(
            (k for k in scored if k not in exclude),
            key=lambda k: (-scored[k][0], PRIORITY.index(k) if k in PRIORITY else len(PRIORITY)),
        )
        if not ranked or scored[ranked[0]][0] < MIN_SCORE:
            return None, 0.0, [], flat
        top = ranked[0]
        return top, scored[top][0], scored[top][1], flat

    def writes(self, agent: str, text: str) -> bool:
        rules = self._rules.get(agent)
        return bool(rules and any(p.search(text) for p in rules.writes))

    def route(self, text: str, state: ConversationState | None = None) -> Route:
        state = state or ConversationState()
        workflow = state.workflow_in_progress
        top, score, matched, flat = self.best(text)
        if state.pending is not None and (is_affirmative(text) or is_negative(text)):
            answer = "yes" if is_affirmative(text) else "no"
            return Route(state.pending.agent, "sdk", f"answer '{answer}' to the change waiting for confirmation", True, flat)
        if workflow is not None:
            if top is not None and top != workflow and score >= SWITCH_SCORE and flat.get(workflow, 0.0) < MIN_SCORE:
                return Route(top, "sdk", f"leaves the {workflow} work under way: matched {', '.join(matched[:4])}", self.writes(top, text), flat)
            return Route(workflow, "sdk", f"continues the {workflow} work under way", True, flat)
        active = state.active_agent
        if active in self._rules and flat.get(active, 0.0) > 0 and _POINTS_BACK.search(text):
            # "attach that estimate to job 1043" right after an estimate: the same specialist.
            flat = {**flat, active: flat[active] + CONTINUITY_BONUS}
            if flat[active] >= max(flat.values()) and flat[active] >= MIN_SCORE:
                # The phrasing model knows no context, so it does not get a say here.
                writes = self.writes(active, text)
                kind: Literal["fast", "sdk"] = "fast" if self._rules[active].fast_tool and not writes else "sdk"
                return Route(active, kind, "points back to the answer just given", writes, flat)
        asked = state.awaiting_answer
        if asked and asked in self._rules and (top is None or (top != asked and score < SWITCH_SCORE)):
            return Route(asked, "sdk", f"answers the question {asked} just asked", self.writes(asked, text), flat)
        top, why_top = self._blend(text, flat, top, matched)
        if top is None:
            return Route("triage", "sdk", "no specialist fits; ask what they need", False, flat)
        writes = self.writes(top, text)
        fast_tool = self._rules[top].fast_tool
        flow: Literal["fast", "sdk"] = "fast" if fast_tool and not writes else "sdk"
        why = "changes something" if writes else ("read-only" if fast_tool else "multi-step work")
        return Route(top, flow, f"{why}; {why_top}", writes, flat)

    def _blend(self, text: str, flat: dict[str, float], top: str | None, matched: list[str]) -> tuple[str | None, str]:
        """The rules' scores (as a softmax) times the phrasing model's probabilities, weighted."""
        if self.model is None:
            return top, f"matched {', '.join(matched[:4])}"
        learnt = self.model.probabilities(text)
        if top is None and (max(learnt.values()) < MODEL_ALONE or self.model.known_words(text) < MODEL_ALONE_WORDS):
            return None, "no rule matched and the phrasing is unclear"
        peak = max(flat.values())
        rules = {k: math.exp((v - peak) / RULE_TEMPERATURE) for k, v in flat.items()}
        norm = sum(rules.values())
        blended = {
            k: math.log(rules[k] / norm) + MODEL_WEIGHT * math.log(max(learnt.get(k, 0.0), MODEL_FLOOR))
            for k in rules
        }
        choice = max(blended, key=lambda k: (blended[k], -PRIORITY.index(k) if k in PRIORITY else 0))
        if choice == top:
            return choice, f"matched {', '.join(matched[:4])}"
        return choice, f"phrasing reads as {choice} ({learnt.get(choice, 0):.0%}); rules scored {', '.join(f'{k} {v:g}' for k, v in flat.items() if v)}"
