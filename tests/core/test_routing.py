"""The router on the labelled dev set, on requests written apart from it, and in workflows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harde.agents.config import load_agent_config
from harde.agents.router import Router, is_affirmative, is_negative
from harde.state import ConversationState, PendingAction

DEV_SET = Path(__file__).resolve().parents[3] / "shared" / "eval" / "routing_dev.jsonl"
EXTRA_SET = Path(__file__).parent / "routing_extra.jsonl"
# Written as reps type and dictate, before the routing rules were read (0.887 before tuning); the
# second set was written after the first round (0.650 untouched), then tuned on; the third was never
# tuned on (0.743 when written), so its floor guards against regressions, not a goal.
BLIND_SET = Path(__file__).parent / "routing_blind.jsonl"
SECOND_BLIND_SET = Path(__file__).parent / "routing_blind2.jsonl"
UNTUNED_BLIND_SET = Path(__file__).parent / "routing_blind3.jsonl"


def _accuracy(path: Path) -> tuple[float, list[str]]:
    router = Router(load_agent_config())
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    misses = [f"{r['agent']} <- {r['text']}" for r in rows if router.route(r["text"]).agent != r["agent"]]
    return 1 - len(misses) / len(rows), misses


@pytest.mark.skipif(not DEV_SET.is_file(), reason="the shared eval set is not beside the checkout")
def test_routing_dev_set_is_at_least_95_percent() -> None:
    accuracy, misses = _accuracy(DEV_SET)
    assert accuracy >= 0.95, misses


def test_routing_generalises_to_requests_outside_the_dev_set() -> None:
    accuracy, misses = _accuracy(EXTRA_SET)
    assert accuracy >= 0.95, misses


def test_routing_holds_on_requests_written_before_the_rules_were_read() -> None:
    accuracy, misses = _accuracy(BLIND_SET)
    assert accuracy >= 0.95, misses


def test_routing_holds_on_the_second_set_of_rep_requests() -> None:
    accuracy, misses = _accuracy(SECOND_BLIND_SET)
    assert accuracy >= 0.95, misses


def test_routing_does_not_regress_on_requests_never_tuned_on() -> None:
    accuracy, misses = _accuracy(UNTUNED_BLIND_SET)
    assert accuracy >= 0.70, misses


def test_request_no_specialist_fits_goes_to_triage() -> None:
    route = Router(load_agent_config()).route("hello there, how was your weekend")
    assert route.agent == "triage"


def test_read_only_request_takes_fast_path_and_write_takes_sdk() -> None:
    router = Router(load_agent_config())
    config = load_agent_config()
    read = router.route("What's the status of the Johnson roof job?")
    write = router.route("Add a note to job 1043: materials delivered")
    assert read.agent == write.agent == "crm"
    assert write.flow == "sdk" and write.writes
    assert read.flow == ("fast" if config.agents["crm"].fast_path else "sdk")


def test_yes_goes_to_the_agent_whose_change_waits_for_confirmation() -> None:
    state = ConversationState(pending=PendingAction(kind="add_note", summary="Add a note", payload={}, agent="crm"))
    route = Router(load_agent_config()).route("yes, go ahead", state)
    assert route.agent == "crm" and route.flow == "sdk"


def test_workflow_under_way_keeps_short_answers_with_its_specialist() -> None:
    state = ConversationState()
    state.new_client.active = True
    router = Router(load_agent_config())
    assert router.route("skip", state).agent == "new_clients"
    assert router.route("her email is sarah at gmail dot com", state).agent == "new_clients"
    # A clear change of subject leaves the workflow.
    assert router.route("How many squares is a 2,400 sq ft footprint at 6/12 with 15% waste?", state).agent == "pricing"


@pytest.mark.parametrize("text", ["yes", "Yes please", "ok go ahead", "confirm", "sure, do it", "yep"])
def test_affirmatives(text: str) -> None:
    assert is_affirmative(text) and not is_negative(text)


@pytest.mark.parametrize("text", ["no", "No thanks", "cancel", "don't", "never mind"])
def test_negatives(text: str) -> None:
    assert is_negative(text) and not is_affirmative(text)


def test_a_sentence_starting_with_yes_is_not_a_bare_confirmation() -> None:
    assert not is_affirmative("yes but change the email to sarah at gmail dot com first")


def test_reply_to_a_specialists_question_goes_back_to_it() -> None:
    router = Router(load_agent_config())
    state = ConversationState(awaiting_answer="crm")
    assert router.route("Robert", state).agent == "crm"
    assert router.route("the second one", state).agent == "crm"
    # A new, clearly different request is not mistaken for the answer.
    assert router.route("How many squares is a 2,400 sq ft footprint at 6/12 with 15% waste?", state).agent == "pricing"


def test_phone_number_with_brackets_is_a_crm_lookup() -> None:
    assert Router(load_agent_config()).route("who is (508) 555-0101?").agent == "crm"


HELDOUT_SET = Path(__file__).parent / "routing_heldout.jsonl"


def test_held_out_requests_never_seen_by_rules_or_model() -> None:
    # routing_heldout.jsonl is kept out of harde/agents/routing_examples.jsonl on purpose.
    accuracy, misses = _accuracy(HELDOUT_SET)
    assert accuracy >= 0.9, misses


def test_blending_in_the_phrasing_model_beats_rules_alone_on_held_out_requests() -> None:
    rows = [json.loads(line) for line in HELDOUT_SET.read_text().splitlines() if line.strip()]
    config = load_agent_config()
    blended, rules = Router(config), Router(config, learnt=False)
    right = lambda router: sum(router.route(r["text"]).agent == r["agent"] for r in rows)  # noqa: E731
    assert right(blended) > right(rules)


def test_phrasing_model_gives_probabilities_and_learns_from_examples() -> None:
    from harde.agents.intent_model import IntentModel

    model = IntentModel([("price this roof", "pricing"), ("status of the Smith job", "crm")] * 3)
    probs = model.probabilities("what's the status of job 1043")
    assert abs(sum(probs.values()) - 1) < 1e-9
    assert max(probs, key=probs.__getitem__) == "crm"


def test_held_out_set_is_not_in_the_training_examples() -> None:
    from harde.agents.intent_model import read_examples

    trained = {text for text, _ in read_examples()}
    held = [json.loads(line)["text"] for line in HELDOUT_SET.read_text().splitlines() if line.strip()]
    assert not trained.intersection(held)


def test_request_pointing_back_at_the_last_answer_stays_with_its_specialist() -> None:
    router = Router(load_agent_config())
    after_estimate = ConversationState(active_agent="pricing")
    assert router.route("attach that estimate to job 1043", after_estimate).agent == "pricing"
    # Without the estimate just given, a job number means the CRM.
    assert router.route("attach that estimate to job 1043").agent == "crm"
