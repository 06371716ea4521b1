"""The understanding layer on the demo company: intents, entities, slots, memory, bad input."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
from pathlib import Path

import pytest

from harde.config import Settings
from harde.services import Services
from harde.understanding.directory import Directory, load_directory
from harde.understanding.genders import gender_of
from harde.understanding.intent import (
    AGENT_OF,
    EXAMPLES,
    HELDOUT,
    IntentScores,
    default_classifier,
    read_examples,
)
from harde.understanding.memory import Focus
from harde.understanding.reader import Action, Reader
from harde.understanding.slots import day_range, fields_asked, is_affirmative, moment, normalise

NOW = dt.datetime(2026, 11, 23, 9, 0)  # the demo company's "today", a Monday
ROUTING_SETS = sorted(Path(__file__).parents[1].joinpath("core").glob("routing_*.jsonl"))
DEV_SET = Path(__file__).resolve().parents[3] / "shared" / "eval" / "routing_dev.jsonl"


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Directory:
    settings = Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("var"), llm="offline", crm="local")  # type: ignore[call-arg]
    return asyncio.run(load_directory(Services(settings).crm))


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader()


def read(reader: Reader, directory: Directory, text: str, focus: Focus | None = None, **kwargs: object) -> Action:
    return reader.read(text, focus or Focus(), directory, NOW, **kwargs)  # type: ignore[arg-type]


def conversation(reader: Reader, directory: Directory, *texts: str) -> list[Action]:
    focus = Focus()
    actions = []
    for text in texts:
        action = read(reader, directory, text, focus)
        actions.append(action)
        focus = action.focus
    return actions


# --- intents ---------------------------------------------------------------------------------


def test_held_out_split_is_not_trained_on() -> None:
    trained = {text for text, _ in read_examples(EXAMPLES)}
    held = {text for text, _ in read_examples(HELDOUT)}
    assert held and not trained & held


def test_classifier_on_its_frozen_held_out_split() -> None:
    classifier = default_classifier()
    rows = read_examples(HELDOUT)
    right = sum(classifier.scores(text).intent == intent for text, intent in rows)
    assert right / len(rows) >= 0.75


@pytest.mark.parametrize("path", [DEV_SET, *ROUTING_SETS], ids=lambda p: p.name)
def test_requests_reach_the_right_specialist(reader: Reader, directory: Directory, path: Path) -> None:
    if not path.is_file():
        pytest.skip("the shared eval set is not beside the checkout")
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    misses = [f"{r['agent']} <- {r['text']}" for r in rows if read(reader, directory, r["text"]).agent != r["agent"]]
    assert 1 - len(misses) / len(rows) >= 0.85, misses


def test_every_intent_has_a_specialist() -> None:
    assert {intent for _, intent in read_examples(EXAMPLES)} <= set(AGENT_OF)


# --- entities and slots ------------------------------------------------------------------------


@pytest.mark.parametrize("said", ["1042", "#1042", "job 1042", "2611-1042", "job #1042"])
def test_job_numbers_in_every_form(reader: Reader, directory: Directory, said: str) -> None:
    number = directory.jobs[1042].number
    text = f"whats the status of {said.replace('2611-1042', number)}"
    action = read(reader, directory, text)
    assert action.tool == "crm_facts" and action.arguments["job_id"] == 1042


def test_a_job_number_beats_a_name(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "note on 1042 for the johnsons - called, left vm")
    assert action.tool == "crm_add_note" and action.arguments == {"job_id": 1042, "note": "called, left vm"}


@pytest.mark.parametrize("template", ["who is {phone}", "find customer {phone}", "look up {email}", "do we have {email} in the crm"])
def test_a_customer_asked_by_phone_or_email_is_looked_up(reader: Reader, directory: Directory, template: str) -> None:
    sarah = next(c for c in directory.customers.values() if c.full_name == "Sarah Johnson")
    phone = sarah.phones[0]
    text = template.format(phone=f"{phone[:3]}-{phone[3:6]}-{phone[6:]}", email=sarah.email)
    action = read(reader, directory, text)
    # Not a new-customer form, and not every Johnson the email's letters resemble.
    assert action.agent == "crm" and action.reply is None, (text, action)
    assert sarah.id in (action.arguments.get("customer_id"), directory.jobs.get(action.arguments.get("job_id", 0), None) and directory.jobs[action.arguments["job_id"]].customer_id)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("whats the status on the ferreira roof", "Ferreira"),
        ("phone for mrs ferreira", "Ferreira"),
        ("whats the balance for zebulon xanthopoulos", "Zebulon Xanthopoulos"),
        ("note on the ferreira roof: called", "Ferreira"),
    ],
)
def test_a_name_nobody_has_is_said_so(reader: Reader, directory: Directory, text: str, name: str) -> None:
    action = read(reader, directory, text)
    assert action.agent == "crm" and action.tool is None, action
    assert action.reply == f"I don't have a customer named {name}. Check the spelling, or give me the job number."


@pytest.mark.parametrize("text", ["whats kevins open jobs", "julie contat #", "cell # for daniel relily", "can we even put a roof on in the wniter", "whats the status on the soffit job", "find the walsh siding", "weather in framingham friday"])
def test_words_and_known_names_are_not_unknown_names(reader: Reader, directory: Directory, text: str) -> None:
    assert "don't have a customer named" not in (read(reader, directory, text).reply or "")


def test_who_is_a_number_asks_who_whatever_was_asked_before(reader: Reader, directory: Directory) -> None:
    first, then = conversation(reader, directory, "when is sarah johnsons install", "who is 508-555-0147")
    assert first.arguments["fields"] == ["install_date"] and then.arguments["fields"] == ["overview"]


def test_new_customer_details_with_a_phone_stay_an_intake(reader: Reader, directory: Directory) -> None:
    assert read(reader, directory, "new customer jane doe 508-555-0199").agent == "new_clients"


def test_a_job_that_does_not_exist_is_said_so(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "whats the balance on job 9999")
    assert action.tool is None and action.reply is not None and "9999" in action.reply


def test_asked_field_is_read(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "email address for Matthew Zielinski")
    assert action.tool == "crm_facts" and action.arguments["fields"] == ["email"]
    assert fields_asked("contract amount on the farrell windows") == ["contract_amount"]
    assert fields_asked("when is the install start") == ["install_date"]
    assert fields_asked("what does she owe") == ["balance"]


@pytest.mark.parametrize("said", ["who sold melissa quinn", "who closed the quinn gutters?", "how did we lose the russo job"])
def test_a_question_with_a_stage_word_is_never_read_as_a_stage_change(reader: Reader, directory: Directory, said: str) -> None:
    assert read(reader, directory, said).tool != "crm_change_stage"


def test_who_sold_asks_for_the_rep(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "who sold melissa quinn")
    assert action.tool == "crm_facts" and action.arguments["fields"] == ["rep"]


def test_a_job_done_and_marked_complete_moves_the_job_not_an_appointment(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "1059 is done, crew wrapped up, mark it complete")
    assert action.tool == "crm_change_stage" and action.arguments == {"job_id": 1059, "stage": "Completed"}


@pytest.mark.parametrize("said", ["thomas mccarthy roof job stage", "the mccarthy window job pls"])
def test_a_job_named_with_no_stage_to_move_to_is_a_look_up(reader: Reader, directory: Directory, said: str) -> None:
    assert read(reader, directory, said).tool == "crm_facts"


def test_he_after_a_jobs_rep_is_that_rep(reader: Reader, directory: Directory) -> None:
    _, action = conversation(reader, directory, "#1014 who's the salesman", "how many open jobs does he have rn")
    assert action.tool == "crm_rep_jobs" and action.arguments["rep"] == "Kevin Shea"


def test_and_a_field_after_a_job_is_about_that_job_not_a_stage_list(reader: Reader, directory: Directory) -> None:
    _, action = conversation(reader, directory, "can u pop open job 1021", "and whats been paid")
    assert action.tool == "crm_facts" and action.arguments.get("job_id") == 1021


def test_an_everyday_word_is_not_read_as_a_typo_of_a_name(directory: Directory) -> None:
    assert directory.name_token("orchard") is None  # not "richard"
    assert directory.name_token("thibodaeu") == "thibodeau"


def test_an_address_given_while_a_new_customer_is_taken_down_stays_with_them(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "forgot the address, its 9 old orchard ln maynard", workflow="new_clients")
    assert action.agent == "new_clients"


class _Unsure:
    """A classifier that reads every message as a CRM look-up it is not sure of."""

    vocabulary = frozenset()

    def scores(self, text: str) -> IntentScores:
        return IntentScores((("crm.facts", 0.45), ("new_clients", 0.4), ("knowledge", 0.15)))


def test_a_question_about_a_customer_we_have_leaves_a_new_customer_intake(directory: Directory) -> None:
    unsure = Reader(classifier=_Unsure())  # type: ignore[arg-type]
    asked = unsure.read("whats costas phone number again", Focus(), directory, NOW, workflow="new_clients")
    assert asked.agent == "crm" and asked.tool == "crm_facts" and asked.arguments["fields"] == ["phone"]
    detail = unsure.read("forgot the address, its 9 old orchard ln maynard", Focus(), directory, NOW, workflow="new_clients")
    assert detail.agent == "new_clients"


def test_mark_before_a_stage_is_the_verb_not_mark_mccarthy(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "castillo windows is dead, mark lost")
    assert action.tool == "crm_change_stage" and action.arguments == {"job_id": 1004, "stage": "Lost"}


def test_a_deal_we_closed_is_signed_and_a_job_closed_out_is_paid(reader: Reader, directory: Directory) -> None:
    assert read(reader, directory, "we closed the reilly windows today!!").arguments["stage"] == "Contract Signed"
    assert read(reader, directory, "1060 paid in full, close it out").arguments["stage"] == "Paid & Closed"


def test_a_trade_two_jobs_share_asks_between_those_two(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "karen wong gutters paid in full, close it out")
    assert action.tool is None and action.reply is not None and "1011" in action.reply and "1060" in action.reply


def test_a_trade_the_customer_has_no_job_in_is_said_not_guessed(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "log a note on the murphy roof: homeowner wants samples")
    assert action.tool is None and action.reply is not None and "no roofing job" in action.reply


@pytest.mark.parametrize(("said", "field"), [("contract amt?", "contract_amount"), ("is that paid", "payments"), ("whats left", "balance")])
def test_a_field_in_a_few_words_is_about_the_job_in_focus(reader: Reader, directory: Directory, said: str, field: str) -> None:
    _, action = conversation(reader, directory, "pull up the farrell windows", said)
    assert action.tool == "crm_facts" and action.arguments.get("job_id") == 1042 and field in action.arguments["fields"]


def test_which_ones_after_a_reps_jobs_are_that_reps(reader: Reader, directory: Directory) -> None:
    _, action = conversation(reader, directory, "how many jobs does dana have open", "which ones are in follow up")
    assert action.tool == "crm_jobs_in_stage" and action.arguments == {"stage": "Follow Up", "rep": "Dana Whitaker"}


def test_an_unsure_crm_reading_with_nobody_to_look_up_takes_the_next_specialist(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "who is the cheapest competitor in worcester")
    assert action.agent == "web_search"


def test_a_note_after_a_comma_is_written_even_when_it_names_a_field(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "stick a note on sean farrell's job, customer asked for earlier start")
    assert action.tool == "crm_add_note" and action.arguments == {"job_id": 1042, "note": "customer asked for earlier start"}


@pytest.mark.parametrize("text", ["side note, price on a 3x4 elbow", "side note - how much is a 3x4 elbow", "sidenote: how much for a 3x4 elbow?"])
def test_side_note_before_a_question_means_by_the_way(reader: Reader, directory: Directory, text: str) -> None:
    action = read(reader, directory, text)
    assert action.agent == "pricing" and action.tool != "crm_add_note"


def test_a_look_up_with_a_typo_is_not_a_script(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "cehck steven kaplan for me real quick")
    assert action.tool == "crm_facts" and action.arguments["job_id"] == 1040
    assert read(reader, directory, "primer for steven kaplan").agent == "scripting"


@pytest.mark.parametrize("text", ["search online for the best r value insulated vinyl", "look onilne for gaf rebate programs right now", "google the hdz wind rating"])
def test_asked_outright_to_search_the_web_is_a_web_search(reader: Reader, directory: Directory, text: str) -> None:
    assert read(reader, directory, text, kb=1.0).agent == "web_search"


@pytest.mark.parametrize("text", ["job 9999999", "whats the status of job 9999999"])
def test_a_long_job_number_nobody_has_is_said_plainly(reader: Reader, directory: Directory, text: str) -> None:
    action = read(reader, directory, text)
    assert action.tool is None and action.reply is not None and "I don't have a job 9999999" in action.reply


def test_how_to_reach_a_customer_named_is_their_phone(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "how do i reach santos")
    assert action.tool == "crm_facts" and action.arguments["fields"] == ["phone"]
    assert read(reader, directory, "how do i reach a decision maker").agent == "knowledge"


def test_a_side_question_is_not_about_the_one_in_focus_who_stays_in_focus(reader: Reader, directory: Directory) -> None:
    looked, aside, back = conversation(reader, directory, "deposit on megan castillos roof", "side question whats deposit % for us", "and whats left on it")
    assert looked.arguments["job_id"] == 1032
    assert aside.tool is None  # not job 1032's deposit; with the playbook's coverage the playbook answers it
    assert back.tool == "crm_facts" and back.arguments["job_id"] == 1032 and back.arguments["fields"] == ["balance"]


def test_a_side_question_drops_a_which_one(reader: Reader, directory: Directory) -> None:
    asked, aside = conversation(reader, directory, "pull up the castillo roof", "random q, whats the weather in salem tmrw")
    assert asked.focus.clarification is not None
    assert aside.agent != "crm" and aside.focus.clarification is None


def test_side_note_with_no_question_is_not_stripped(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "side note on 1042: dog in the yard")
    assert action.intent == "crm.add_note"


def test_rep_named_with_shorthand_is_the_rep_not_a_customer(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "what jobs does mike reed have open rn")
    assert action.tool == "crm_rep_jobs" and action.arguments == {"rep": "Mike Reed", "open_only": True}


def test_calendar_on_a_day_without_a_year(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "what appointments do we have on 11/24")
    assert action.tool == "crm_appointments"
    assert action.arguments["start"] == action.arguments["end"] == "2026-11-24"


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("thurs at 10", dt.datetime(2026, 11, 26, 10, 0)),
        ("tmrw 2pm", dt.datetime(2026, 11, 24, 14, 0)),
        ("12/11 9am", dt.datetime(2026, 12, 11, 9, 0)),
        ("a week from thursday at 3", dt.datetime(2026, 12, 3, 15, 0)),
        ("tomorrow at quarter past 9", dt.datetime(2026, 11, 24, 9, 15)),
        ("monday at half past 2", dt.datetime(2026, 11, 30, 14, 30)),
        ("fri quarter to 4", dt.datetime(2026, 11, 27, 15, 45)),
        ("next monday, 3 oclock", dt.datetime(2026, 11, 30, 15, 0)),
        ("wed at nine o'clock", dt.datetime(2026, 11, 25, 9, 0)),
        ("11/30 1400", dt.datetime(2026, 11, 30, 14, 0)),
        ("dec 1st 9", dt.datetime(2026, 12, 1, 9, 0)),
        ("the 8th 10", dt.datetime(2026, 12, 8, 10, 0)),
    ],
)
def test_dates_and_times_as_reps_type_them(said: str, expected: dt.datetime) -> None:
    found = moment(normalise(said), NOW)
    assert found is not None and found.has_time and found.at == expected


@pytest.mark.parametrize("text", ["3 rolls of #30 felt", "2 bundles of shingles", "a roll of ice and water"])
def test_so_many_of_a_product_is_priced_even_where_the_playbook_speaks_of_it(reader: Reader, directory: Directory, text: str) -> None:
    assert read(reader, directory, text, kb=1.0).agent == "pricing"


def test_a_first_name_typed_a_letter_off_picks_the_one_with_that_surname(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "kren wong phone")
    assert action.tool == "crm_facts" and directory.customers[action.arguments["customer_id"]].first == "Karen"
    # Several Wongs and a first name none of them is close to: still "which one?".
    assert read(reader, directory, "zxq wong phone").tool is None


@pytest.mark.parametrize("text", ["do we have anything booked with eric asantos coming up", "when do i see Thoma sMcCarthy aagin"])
def test_a_name_with_its_space_typed_a_letter_off_is_still_the_customer(reader: Reader, directory: Directory, text: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_facts" and action.arguments["fields"] == ["next_appointment"]
    assert directory.customers[action.arguments["customer_id"]].last in ("Santos", "McCarthy")


def test_a_write_with_nothing_to_write_on_not_said_as_an_order_is_a_question(reader: Reader, directory: Directory) -> None:
    assert read(reader, directory, "max length for a visit with an older couple", kb=0.38).agent == "knowledge"
    # Said as an order, it is a write that asks what it needs.
    assert read(reader, directory, "book an inspection", kb=0.57).agent == "crm"


@pytest.mark.parametrize(
    ("turns", "note"),
    [
        (["take a look at 1007 for me", "on that one note renting a dumpster is ok w them"], "renting a dumpster is ok w them"),
        (["lemmme see richards roof", "put in there has solar panels on the south side"], "has solar panels on the south side"),
        (["#1057 whats the deal", "add a note ho is hard of hearing, knock loud"], "ho is hard of hearing, knock loud"),
        (["lemme see theresa sweeney roof job", "also note wants the job photos emailed"], "wants the job photos emailed"),
        (["job no 1006 - gime the rundown", "anway for his job wirte that front steps are loose careful"], "front steps are loose careful"),
        (["whats happening on 1018", "put in there ho said money is tight, show the financing"], "ho said money is tight, show the financing"),
        (["just left job 1023, left a voicemail no call back yet, put that in nootes"], "left a voicemail no call back yet"),
        (["for job no 1015 write down old skylight leaks, quote it separate"], "old skylight leaks, quote it separate"),
        (["reilly siding fyi side gate code is 2208"], "side gate code is 2208"),
    ],
)
def test_a_note_asked_for_in_reps_words_keeps_all_its_words(reader: Reader, directory: Directory, turns: list[str], note: str) -> None:
    action = conversation(reader, directory, *turns)[-1]
    assert action.tool == "crm_add_note" and action.arguments["note"] == note


def test_a_trade_said_in_a_note_does_not_pick_the_job(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "add a note to sarah johnson wife wants to see shingle samples first")
    assert action.tool == "crm_add_note" and action.arguments == {"job_id": 1067, "note": "wife wants to see shingle samples first"}


def test_stage_news_about_the_job_in_focus(reader: Reader, directory: Directory) -> None:
    actions = conversation(reader, directory, "lemme see 1002", "sidebar - can we sill get three tab", "ok so on that one she signed today!")
    assert actions[-1].tool == "crm_change_stage" and actions[-1].arguments == {"job_id": 1002, "stage": "Contract Signed"}
    actions = conversation(reader, directory, "take a look at Lynch roof for me", "bump it to schedulde")
    assert actions[-1].tool == "crm_change_stage" and actions[-1].arguments["stage"] == "Scheduled"


@pytest.mark.parametrize(
    ("text", "job_id"),
    [
        ("take a look at the wellesley gutters for me", 1030),
        ("whats happening on the sudbury siding", 1035),
        ("whatts happening on carter in plymouth", 1055),
        ("whats happening on julies windows", 1004),
    ],
)
def test_a_look_at_a_job_however_it_is_typed(reader: Reader, directory: Directory, text: str, job_id: int) -> None:
    action = read(reader, directory, text, kb=1.0)
    assert action.tool == "crm_facts" and action.arguments.get("job_id") == job_id


def test_a_visit_booked_for_the_job_in_focus_is_titled_as_said(reader: Reader, directory: Directory) -> None:
    actions = conversation(reader, directory, "smith windows where r we on it", "get a first look booked this fri 8am")
    assert actions[-1].tool == "crm_create_appointment"
    assert actions[-1].arguments["start"] == "2026-11-27T08:00" and actions[-1].arguments["title"] == "First look"


def test_a_word_like_name_after_a_look_up_verb_is_the_customer(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "pull mark up")
    assert action.tool == "crm_facts" and directory.customers[directory.jobs[action.arguments["job_id"]].customer_id].first == "Mark"
    assert read(reader, directory, "mark it lost").tool != "crm_facts"  # a verb where it is one


@pytest.mark.parametrize(
    ("turns", "agent"),
    [
        (["greg - gime the rundown", "diff question, 84 mo financing rate"], "knowledge"),
        (["lemme see #1055", "also how long do propsals stay good"], "knowledge"),
    ],
)
def test_a_policy_question_after_a_look_up_is_the_playbooks(reader: Reader, directory: Directory, turns: list[str], agent: str) -> None:
    focus = conversation(reader, directory, *turns[:-1])[-1].focus
    assert read(reader, directory, turns[-1], focus, kb=0.9).agent == agent


def test_a_short_field_question_after_a_look_up_is_the_jobs(reader: Reader, directory: Directory) -> None:
    actions = conversation(reader, directory, "1029 - gimme the rundon", "sold for how much")
    assert actions[-1].tool == "crm_facts" and actions[-1].arguments == {"fields": ["contract_amount"], "job_id": 1029}


def test_a_reps_possessive_typed_a_letter_off(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "dannas day on 12/15 whats she got")
    assert action.tool == "crm_appointments" and action.arguments["rep"] == "Dana Whitaker"


@pytest.mark.parametrize(
    ("turns", "job_id", "stage"),
    [
        (["1002 went with the other guy"], 1002, "Lost"),
        (["the nashua roof install date is locked in"], 1056, "Scheduled"),
        (["were done at denises windows crew wrapped up"], 1055, "Completed"),
        (["just emailed the proposal for job #1023"], 1023, "Proposal Sent"),
        (["mccarthy in natick fnial check cleared, all paid up"], 1019, "Paid & Closed"),
        (["open up the 1011 job for me", "they picked somebody else"], 1011, "Lost"),
        (["#1041 where do we stnd", "we got it on the install schedule"], 1041, "Scheduled"),
    ],
)
def test_news_about_a_job_moves_its_stage(reader: Reader, directory: Directory, turns: list[str], job_id: int, stage: str) -> None:
    action = conversation(reader, directory, *turns)[-1]
    assert action.tool == "crm_change_stage" and action.arguments == {"job_id": job_id, "stage": stage}


def test_a_note_that_tells_news_is_still_a_note(reader: Reader, directory: Directory) -> None:
    assert read(reader, directory, "1042: pls add a note that she signed the change order").tool == "crm_add_note"
    assert read(reader, directory, "is the 1041 install locked in?").tool == "crm_facts"


@pytest.mark.parametrize(
    ("turns", "note"),
    [
        (["on lynch in needham just so we remember back porch is separate, price it out"], "back porch is separate, price it out"),
        (["heads up on job 1007 cat stays inside keep the door shut put that in"], "cat stays inside keep the door shut"),
        (["just got off the phone abut the roof job in salem, driveway gets plowed early, leave room, note it"], "driveway gets plowed early, leave room"),
        (["dictating a note for Erica Santos gutter job they have a baby so no loud music end of note"], "they have a baby so no loud music"),
        (["job 1055 where do we stand", "also skylight over the kitchen leaks a little note that"], "skylight over the kitchen leaks a little"),
        (["job #1015 catch me up", "add a note on thhere water shutoff is in the basement by the stairs"], "water shutoff is in the basement by the stairs"),
    ],
)
def test_notes_dictated_as_reps_talk(reader: Reader, directory: Directory, turns: list[str], note: str) -> None:
    action = conversation(reader, directory, *turns)[-1]
    assert action.tool == "crm_add_note" and action.arguments["note"] == note


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("thursday at ten", dt.datetime(2026, 11, 26, 10, 0)),
        ("tmrw around 1", dt.datetime(2026, 11, 24, 13, 0)),
        ("thurs dec 10 at eleven thirty", dt.datetime(2026, 12, 10, 11, 30)),
        ("friday the 4th ten am", dt.datetime(2026, 12, 4, 10, 0)),
        ("two weeks from today at 10", dt.datetime(2026, 12, 7, 10, 0)),
    ],
)
def test_times_said_in_words(said: str, expected: dt.datetime) -> None:
    found = moment(normalise(said), NOW)
    assert found is not None and found.has_time and found.at == expected


def test_a_number_word_after_at_that_counts_something_is_no_time() -> None:
    assert moment(normalise("look at one job"), NOW) is None
    assert moment(normalise("at one point he said"), NOW) is None


def test_a_look_at_a_job_after_open_up_or_whats_new(reader: Reader, directory: Directory) -> None:
    assert read(reader, directory, "open up russo in sudbury for me").arguments.get("job_id") == 1035
    action = read(reader, directory, "whas new on karen reilly siding job", kb=0.6)
    assert action.tool == "crm_facts" and action.arguments.get("job_id") == 1007


def test_a_job_number_after_a_date_is_not_a_time() -> None:
    found = moment(normalise("11/30 1042"), NOW)
    assert found is not None and not found.has_time


def test_booking_reads_job_kind_and_time(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "put an inspection on the calendar for the costa gutters thursday at 10")
    assert action.tool == "crm_create_appointment"
    assert action.arguments["start"] == "2026-11-26T10:00" and action.arguments["title"] == "Inspection"
    assert "gutters" in directory.jobs[action.arguments["job_id"]].trades


def test_mark_it_lost_is_a_stage_change_not_a_name(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "we lost the castillo windows, mark it lost")
    assert action.tool == "crm_change_stage" and action.arguments["stage"] == "Lost"
    assert "windows" in directory.jobs[action.arguments["job_id"]].trades


@pytest.mark.parametrize(
    ("text", "tool", "arguments"),
    [
        (
            "Add a note to job 1043: materials delivered, @Mike Reed please call her",
            "crm_add_note",
            {"job_id": 1043, "note": "materials delivered, @Mike Reed please call her"},
        ),
        ("Move the Walsh siding job to Proposal Sent", "crm_change_stage", {"job_id": 1047, "stage": "Proposal Sent"}),
        ("mark job 1033 as completed", "crm_change_stage", {"job_id": 1033, "stage": "Completed"}),
        ("update note 5117 to permit approved", "crm_update_note", {"note_id": 5117, "note": "permit approved"}),
        (
            "schedule an estimate for John Smith's gutters tomorrow at 10am for 2 hours",
            "crm_create_appointment",
            {"job_id": 1036, "title": "Estimate", "start": "2026-11-24T10:00", "duration_minutes": 120},
        ),
        ("What's the open balance on job 1021?", "crm_facts", {"fields": ["balance"], "job_id": 1021}),
    ],
)
def test_requests_become_typed_calls(reader: Reader, directory: Directory, text: str, tool: str, arguments: dict[str, object]) -> None:
    action = read(reader, directory, text)
    assert (action.tool, action.arguments) == (tool, arguments)


# --- memory ----------------------------------------------------------------------------------


def test_follow_ups_resolve_against_the_one_in_focus(reader: Reader, directory: Directory) -> None:
    first, email, owe, install = conversation(
        reader, directory, "whats matthew zielinskis number", "and his email?", "what does he owe", "whens the install"
    )
    customer = first.arguments["customer_id"]
    assert first.arguments["fields"] == ["phone"]
    assert email.tool == "crm_facts" and email.arguments == {"fields": ["email"], "customer_id": customer}
    assert owe.arguments["fields"] == ["balance"]
    assert install.arguments["fields"] == ["install_date"]


def test_a_clarification_is_answered_by_first_name_trade_or_town(reader: Reader, directory: Directory) -> None:
    for reply in ("linda", "the windows one", "the one in worcester", "the second one"):
        ask, picked, *rest = conversation(reader, directory, "whats the balance on the johnson job", reply, "the windows one")
        assert ask.reply is not None and "Linda" in ask.reply and "Robert" in ask.reply
        # Linda has two jobs and a balance is a job's: a reply naming only her asks which job next.
        final = picked if picked.tool else rest[0]
        assert final.tool == "crm_facts" and final.arguments == {"fields": ["balance"], "job_id": 1052}, reply


def test_a_first_name_nobody_has_is_not_swapped_for_another(reader: Reader, directory: Directory) -> None:
    ask, again = conversation(reader, directory, "whats barbara johnsons number", "and her email?")
    assert ask.tool is None and ask.reply is not None and ask.reply.startswith("I don't have a Barbara Johnson")
    assert "Linda" in ask.reply and "Robert" in ask.reply and "Sarah" in ask.reply
    assert again.tool is None and again.focus.clarification is not None
    assert again.focus.clarification.arguments["fields"] == ["email"]


def test_focus_survives_a_playbook_question(reader: Reader, directory: Directory) -> None:
    _first, playbook, back = conversation(
        reader, directory, "pull up the farrell windows", "how do i handle the price objection", "ok and whats her balance"
    )
    assert playbook.agent == "knowledge"
    assert back.tool == "crm_facts" and back.arguments["fields"] == ["balance"]
    assert back.arguments.get("job_id") == 1042 or back.arguments.get("customer_id") == directory.jobs[1042].customer_id


def test_an_empty_reference_asks_who(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "and hers?")
    assert action.tool is None and action.reply is not None and "?" in action.reply
    assert action.agent != "new_clients"


# --- approvals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["yes", "Yes please", "ok go ahead", "yep", "do it", "sounds good", "go ahead", "yes, add it", "yesss", "book it",
     "works for me", "all good", "mhm", "fine", "sure thing", "yes mark it", "yes sir", "yessir", "looks right", "10-4",
     "that works", "👍", "ya correct", "roger that", "all set", "of course", "bingo", "spot on", "10/4", "g2g", "righto", "yup lock it",
     # typed a letter off, or in shorthand
     "yse", "oaky", "confrim", "absolutley go", "defintely", "yep sounds gud", "okie dokie", "fo sho", "yes thank u", "yes go ahead n save"],
)
def test_affirmatives_approve(text: str) -> None:
    assert is_affirmative(text)


@pytest.mark.parametrize(
    "text",
    ["no", "wait, cancel that", "actually never mind", "nah hold off", "hold off", "not yet",
     "yes but change the time to 4", "yes, and add gutters too", "what's the balance on 1042", "ok so what now",
     "put it in tuesday instead", "mark it lost instead", "make it 3pm", "fine, but not thursday", "right?", "huh",
     "that works?", "looks right to you?", "the one in salem", "yes sir, but make it 4",
     # a typo of a word that refuses, or another English word one letter from a yes, is no yes
     "wiat", "cancle", "nver mind", "stpo", "yes lost", "sounds god", "mark it lost", "yas queen", "yes n", "n"],
)
def test_anything_else_never_approves(reader: Reader, directory: Directory, text: str) -> None:
    assert not is_affirmative(text)
    action = read(reader, directory, text, pending="crm")
    assert action.approves is False


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["7" * 12_000, "a" * 12_000, "job " + "1" * 12_000, "ab1-" * 3000], ids=["digits", "letters", "job-digits", "mixed"]
)
def test_long_pastes_are_read_in_bounded_time(reader: Reader, directory: Directory, text: str) -> None:
    started = time.process_time()
    action = read(reader, directory, text)
    assert action.agent != "new_clients"
    # Not a speed target: a guard against patterns that go quadratic on long runs.
    assert time.process_time() - started < 2.0


def test_gibberish_gets_a_short_question_not_a_guess(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "asdkjh qwe zzv")
    assert action.tool is None and action.reply is not None


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("add note to 1042 called left vm", "called left vm"),
        ("log a call on the walsh job homeowner wants a callback", "homeowner wants a callback"),
        ("note on 2609-1042 - called, left vm", "called, left vm"),
        ("farrell windows - add note customer approved color samples", "customer approved color samples"),
        ("1042: pls add a note that she signed the change order", "she signed the change order"),
    ],
)
def test_notes_typed_with_or_without_a_colon(reader: Reader, directory: Directory, text: str, note: str) -> None:
    action = read(reader, directory, text.replace("2609-1042", directory.jobs[1042].number))
    assert action.tool == "crm_add_note" and action.arguments["note"] == note


@pytest.mark.parametrize("reply", ["2", "the 2nd", "option 2", "number two"])
def test_a_choice_by_position(reader: Reader, directory: Directory, reply: str) -> None:
    ask, picked = conversation(reader, directory, "email for the johnsons", reply)
    second = ask.focus.clarification.candidates[1]  # type: ignore[union-attr]
    assert picked.tool == "crm_facts" and picked.arguments == {"fields": ["email"], "customer_id": second.customer_id}


def test_a_bad_clock_setting_is_named() -> None:
    with pytest.raises(ValueError, match="HARDE_NOW"):
        Settings(_env_file=None, now="tuesday")  # type: ignore[call-arg]


def test_a_write_before_the_which_one_is_answered_waits_for_it(reader: Reader, directory: Directory) -> None:
    _ask, note, linda, windows = conversation(
        reader, directory, "whats the johnson balance", "put a note on it: called, left vm", "linda", "the windows one"
    )
    assert note.tool is None and note.reply is not None and "Linda" in note.reply
    assert linda.tool is None  # Linda has two jobs: which one next
    assert windows.tool == "crm_add_note" and windows.arguments == {"note": "called, left vm", "job_id": 1052}


def test_a_bare_pronoun_after_another_topic_asks_whose(reader: Reader, directory: Directory) -> None:
    _rep, hers = conversation(reader, directory, "what jobs does mike reed have open rn", "and hers?")
    assert hers.tool is None and hers.reply is not None and hers.reply.startswith("Whose")


# --- reads that a write's words hide, reps' own calendars, the playbook's coverage -------------


@pytest.mark.parametrize(
    "text", ["job 1047 latest note pls", "did anyone leave a note on #1006 recently", "job# 1007 ltaest note pls", "read back the last note on 1043"]
)
def test_a_note_request_with_nothing_to_write_reads_the_notes(reader: Reader, directory: Directory, text: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_facts" and "notes" in action.arguments["fields"]


@pytest.mark.parametrize("text", ["note on 1039 called left vm", "add a note to 1043: sent pics", "note 1043 homeowner wants a call back friday"])
def test_a_note_with_words_to_write_still_writes(reader: Reader, directory: Directory, text: str) -> None:
    assert read(reader, directory, text).tool == "crm_add_note"


def test_my_calendar_is_the_askers_and_nobody_elses(reader: Reader, directory: Directory) -> None:
    dana = next(u.id for u in directory.users.values() if u.full_name == "Dana Whitaker")
    action = read(reader, directory, "whats on my calendar tmrw", me=dana)
    assert action.tool == "crm_appointments" and action.arguments["rep"] == "Dana Whitaker"
    assert action.arguments["start"] == action.arguments["end"] == "2026-11-24"
    # Without a signed-in rep, "my" names nobody: the whole company's calendar.
    assert "rep" not in read(reader, directory, "whats on my calendar tmrw").arguments


def test_a_rep_and_a_day_ask_for_the_reps_calendar(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "where was priya nov 4")
    assert action.tool == "crm_appointments" and action.arguments == {"start": "2026-11-04", "end": "2026-11-04", "rep": "Priya Raman"}


def test_one_reps_jobs_in_a_stage(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "how many of reeds jobs r scheduled")
    assert action.tool == "crm_jobs_in_stage" and action.arguments == {"stage": "Scheduled", "rep": "Mike Reed"}


@pytest.mark.parametrize(
    ("text", "usual"),
    [("how many words should a primer video script be", "scripting"), ("how cold is too cold to install shingles", "web_search")],
)
def test_a_question_the_playbook_covers_goes_to_the_playbook(reader: Reader, directory: Directory, text: str, usual: str) -> None:
    assert read(reader, directory, text, kb=0.2).agent == usual
    assert read(reader, directory, text, kb=0.95).agent == "knowledge"


def test_coverage_never_takes_work_that_names_someone(reader: Reader, directory: Directory) -> None:
    assert read(reader, directory, "write a primer script for john smiths roof", kb=1.0).agent == "scripting"
    assert read(reader, directory, "price 180 ft of 6 inch k style gutter", kb=1.0).agent == "pricing"
    assert read(reader, directory, "search online for the best r value insulated vinyl", kb=1.0).agent == "web_search"


def test_coverage_never_takes_a_field_of_the_customer_in_focus(reader: Reader, directory: Directory) -> None:
    smith = read(reader, directory, "show me all jobs for john smith")
    follow = read(reader, directory, "what's the open balance on the roof one?", smith.focus, kb=1.0)
    assert follow.agent == "crm" and follow.tool == "crm_facts"


@pytest.mark.parametrize(
    ("text", "tool", "arguments"),
    [
        ("stick a note on 1058 sent pics of a similar job", "crm_add_note", {"job_id": 1058, "note": "sent pics of a similar job"}),
        ("proposal went out on job# 1011 today update the stage", "crm_change_stage", {"job_id": 1011, "stage": "Proposal Sent"}),
        ("they signed on megan morrison siding", "crm_change_stage", {"job_id": 1025, "stage": "Contract Signed"}),
    ],
)
def test_writes_in_reps_words(reader: Reader, directory: Directory, text: str, tool: str, arguments: dict[str, object]) -> None:
    action = read(reader, directory, text)
    assert action.tool == tool
    assert {k: action.arguments.get(k) for k in arguments} == arguments


def test_a_notes_own_words_do_not_pick_the_customer(reader: Reader, directory: Directory) -> None:
    """Three Melissas, one with a gutter job: "gutter guard samples" is the note, not a hint."""
    action = read(reader, directory, "note for melissa: gutter guard samples dropped off")
    assert action.tool is None and action.reply is not None
    assert all(name in action.reply for name in ("Goldberg", "Quinn", "Larkin"))


def test_a_stage_typed_a_letter_off_is_still_the_stage(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "propossal went out on job# 1011 today update the stage")
    assert action.tool == "crm_change_stage" and action.arguments["stage"] == "Proposal Sent"


# --- writes in reps' words -------------------------------------------------------------------------


def test_a_trade_job_the_customer_has_is_looked_up_not_made(reader: Reader, directory: Directory) -> None:
    customer = next(c for c in directory.customers.values() if c.job_ids)
    trade = directory.jobs[customer.job_ids[0]].trades[0]
    looked = read(reader, directory, f"find {customer.full_name.lower()}s {trade} job for me")
    assert looked.tool == "crm_facts"
    made = read(reader, directory, f"add another {trade} job for {customer.full_name.lower()}")
    assert made.tool == "crm_create_job"


@pytest.mark.parametrize(("said", "stage"), [("move it to in progress", "In Progress"), ("mark it sgined", "Contract Signed")])
def test_stage_names_typed_as_reps_type_them(reader: Reader, directory: Directory, said: str, stage: str) -> None:
    action = read(reader, directory, f"job 1043 {said}")
    assert action.tool == "crm_change_stage" and action.arguments["stage"] == stage


def test_a_visit_named_by_its_purpose_keeps_that_name(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "lock in a progress check with job 1043 for tomorrow morning 9")
    assert action.tool == "crm_create_appointment" and action.arguments["title"] == "Progress check"


def test_a_correction_of_the_pending_write_is_a_new_proposal(reader: Reader, directory: Directory) -> None:
    calls = [{"tool": "crm_create_appointment", "arguments": {"job_id": 1043, "title": "Inspection", "start": "2026-11-26T14:00"}}]
    later = read(reader, directory, "actually make it 3pm", pending="crm", pending_calls=calls)
    assert later.approves is False and later.tool == "crm_create_appointment"
    assert later.arguments["start"] == "2026-11-26T15:00" and later.arguments["job_id"] == 1043
    moved = read(reader, directory, "sorry i meant 12/9, same time", pending="crm", pending_calls=calls)
    assert moved.arguments["start"] == "2026-12-09T14:00"
    note = [{"tool": "crm_add_note", "arguments": {"job_id": 1043, "note": "measured 31 squares"}}]
    other = read(reader, directory, "wrong job sorry, its 1042", pending="crm", pending_calls=note)
    assert other.arguments == {"job_id": 1042, "note": "measured 31 squares"}
    # Calling it off is not a correction: nothing is proposed again.
    off = read(reader, directory, "no wait, cancel that", pending="crm", pending_calls=calls)
    assert off.approves is False and off.tool is None


def test_her_after_a_man_is_the_woman_named_before_him(reader: Reader, directory: Directory) -> None:
    women = [c for c in directory.customers.values() if gender_of(c.first) == "f"]
    men = [c for c in directory.customers.values() if gender_of(c.first) == "m"]
    woman, man = women[0], men[0]
    actions = conversation(reader, directory, f"{woman.full_name.lower()} email?", f"whats {man.full_name.lower()}s address", "and her cell")
    assert actions[-1].arguments.get("customer_id") == woman.id and actions[-1].arguments.get("fields") == ["phone"]
    again = conversation(reader, directory, f"{woman.full_name.lower()} email?", f"whats {man.full_name.lower()}s address", "and his cell")
    assert again[-1].arguments.get("customer_id") == man.id


def test_first_names_read_as_a_womans_or_a_mans() -> None:
    assert (gender_of("Sarah"), gender_of("thomas"), gender_of("Mary Ann")) == ("f", "m", "f")
    assert gender_of("Taylor") is None and gender_of("") is None and gender_of("Zzyzx") is None


def test_a_name_typed_without_its_space_is_the_customer(reader: Reader, directory: Directory) -> None:
    customer = next(iter(directory.customers.values()))
    action = read(reader, directory, f"how do i get aohld of {customer.first.lower()}{customer.last.lower()}")
    assert action.tool == "crm_facts" and action.arguments == {"fields": ["phone"], "customer_id": customer.id}
    assert directory.split_fused("roofingjob") is None


def test_a_policy_question_with_a_job_in_focus_is_the_playbooks(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "bring up job 1043").focus
    action = read(reader, directory, "remind me the deposit rule on custom windows", focus, kb=0.8)
    assert action.agent == "knowledge"
    still = read(reader, directory, "and the deposit on it", focus, kb=0.8)
    assert still.tool == "crm_facts" and still.arguments.get("job_id") == 1043


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("whats going on with job 1043", ["stage"]),
        ("is job 1043 paid up", ["balance"]),
        ("what day am i back at 1043", ["next_appointment"]),
        ("addy for job 1043", ["address"]),
    ],
)
def test_fields_asked_in_reps_words(reader: Reader, directory: Directory, text: str, fields: list[str]) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_facts" and action.arguments["fields"] == fields


def test_the_trades_words_typed_a_letter_off_are_read() -> None:
    assert normalise("write me a pimer vid") == "write me a primer video"
    assert normalise("whats the instalation date") == "what is the installation date"
    # Everyday words and names stay as typed.
    assert normalise("lisa costa signs the doors") == "lisa costa signs the doors"


def test_a_stage_ruled_out_is_not_the_one_meant(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "anything completed but not paid and closed yet")
    assert action.tool == "crm_jobs_in_stage" and action.arguments["stage"] == "Completed"
    leads = read(reader, directory, "how many fresh leads do we have")
    assert leads.tool == "crm_jobs_in_stage" and leads.arguments["stage"] == "Lead"


@pytest.mark.parametrize("text", ["her husband cant make thursday, can he join by facetime", "payment schedule for a 45k siding job"])
def test_a_situation_with_nobody_to_act_on_is_the_playbooks(reader: Reader, directory: Directory, text: str) -> None:
    assert read(reader, directory, text, kb=0.7).agent == "knowledge"


@pytest.mark.parametrize("text", ["put a note on it: called, left vm", "mark it lost", "book an inspection thursday at 10"])
def test_a_write_with_its_content_but_no_job_asks_which_job(reader: Reader, directory: Directory, text: str) -> None:
    action = read(reader, directory, text, kb=0.7)
    assert action.agent == "crm" and action.reply is not None and "Which job" in action.reply


@pytest.mark.parametrize("text", ["avg deal size on the roofing deals we closed", "average deal value on the window jobs rachel closed"])
def test_an_average_deal_is_the_director_calls(reader: Reader, directory: Directory, text: str) -> None:
    assert read(reader, directory, text).agent == "analysis"


def test_money_asked_after_a_job_is_not_a_stage_change(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "how much is #1043 for, totl").focus
    asked = read(reader, directory, "paid so far", focus)
    assert asked.tool == "crm_facts" and asked.arguments["fields"] == ["payments"]
    moved = read(reader, directory, "final check cleared on job 1043, paid & clsoed")
    assert moved.tool == "crm_change_stage" and moved.arguments["stage"] == "Paid & Closed"


def test_a_word_like_surname_after_the_is_the_customer(reader: Reader, directory: Directory) -> None:
    brooks = [c for c in directory.customers.values() if c.last == "Brooks"]
    action = read(reader, directory, f"where we at on the brooks job in {brooks[-1].city.lower()}")
    assert action.tool == "crm_facts" and directory.jobs[action.arguments["job_id"]].customer_id == brooks[-1].id


def test_a_reps_open_stuff(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "open stuff for reed")
    assert action.tool == "crm_rep_jobs" and action.arguments["open_only"] is True


@pytest.mark.parametrize("text", ["job 1043 - newest note", "latest note on job no 1043"])
def test_asking_for_the_newest_note_reads_it(reader: Reader, directory: Directory, text: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_facts" and action.arguments["fields"] == ["notes"]


def test_a_reps_schedule_for_a_day_is_their_calendar(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "kevin shea schedule tomorrow")
    assert action.tool == "crm_appointments" and action.arguments["start"] == "2026-11-24"


@pytest.mark.parametrize("text", ["whats the rule on reaching back out to lost jobs", "how long is a proposal good for"])
def test_a_rule_about_a_stage_is_the_playbooks(reader: Reader, directory: Directory, text: str) -> None:
    assert read(reader, directory, text, kb=0.55).agent == "knowledge"


def test_a_rep_called_by_the_start_of_his_name(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "list kevs open jobs")
    assert action.tool == "crm_rep_jobs" and action.arguments == {"rep": "Kevin Shea", "open_only": True}
    still = read(reader, directory, "whats shea working on that isnt closed")
    assert still.arguments.get("open_only") is True


def test_two_days_said_with_and(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "whats on the books dec 14 and 15")
    assert action.tool == "crm_appointments" and (action.arguments["start"], action.arguments["end"]) == ("2026-12-14", "2026-12-15")


@pytest.mark.parametrize(("text", "agent"), [
    ("help me script my appt with julie", "scripting"),
    ("look up the lead paint rules for window jobs on the epa site", "web_search"),
    ("suppler for the picture window", "pricing"),
    ("whats our online rating and how many reviews", "knowledge"),
])
def test_the_specialist_a_request_is_for(reader: Reader, directory: Directory, text: str, agent: str) -> None:
    assert read(reader, directory, text, kb=0.8).agent == agent


def test_corrections_in_reps_words(reader: Reader, directory: Directory) -> None:
    booking = [{"tool": "crm_create_appointment", "arguments": {"job_id": 1043, "title": "Walkthrough", "start": "2026-11-26T10:00"}}]
    for said, start in [("actually make it 3", "2026-11-26T15:00"), ("can we do 10:30 isntead", "2026-11-26T10:30"), ("no, the 10th. same time", "2026-12-10T10:00")]:
        action = read(reader, directory, said, pending="crm", pending_calls=booking)
        assert action.tool == "crm_create_appointment" and action.arguments["start"] == start, (said, action)
    smith_windows = next(j for j in directory.jobs.values() if j.trades == ("windows",) and directory.customers[j.customer_id].full_name == "John Smith")
    smith_roof = [j for j in directory.jobs_of(smith_windows.customer_id) if "roofing" in j.trades]
    note = [{"tool": "crm_add_note", "arguments": {"job_id": smith_windows.id, "note": "deck felt soft"}}]
    moved = read(reader, directory, "no the roof not the windows", pending="crm", pending_calls=note)
    assert len(smith_roof) == 1 and moved.arguments == {"job_id": smith_roof[0].id, "note": "deck felt soft"}
    reworded = read(reader, directory, "wait chagne it to: wants wedgewood blue shutters", pending="crm", pending_calls=note)
    assert reworded.arguments == {"job_id": smith_windows.id, "note": "wants wedgewood blue shutters"}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("fyi on job 1003, parking is tight - use the street. put that in notes", "parking is tight - use the street"),
        ("fyi on #1011, gate code is 4471. put that in the notes", "gate code is 4471"),
        ("jot on 1047: son will be at the appointment", "son will be at the appointment"),
        ("ntoes for 1036 -- roof is 2 layers, plan a full tear off", "roof is 2 layers, plan a full tear off"),
    ],
)
def test_notes_in_reps_words(reader: Reader, directory: Directory, text: str, body: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_add_note" and action.arguments["note"] == body, action


def test_a_town_and_a_trade_name_our_one_job_there(reader: Reader, directory: Directory) -> None:
    quincy = [j for j in directory.jobs.values() if j.city.casefold() == "quincy" and "siding" in j.trades]
    action = read(reader, directory, "notes for the quincy siding job -- wants pricing on 6 inch gutters too")
    assert len(quincy) == 1 and action.arguments == {"job_id": quincy[0].id, "note": "wants pricing on 6 inch gutters too"}
    assert read(reader, directory, "can u check 1049").tool == "crm_facts"  # a greeting never names a job


@pytest.mark.parametrize("said", ["ya go ahead w it", "go for it then", "correcto"])
def test_more_ways_to_say_yes(said: str) -> None:
    assert is_affirmative(said)


def test_a_day_of_the_month_is_the_next_one_to_come() -> None:
    from harde.understanding.when import parse_when

    assert parse_when("the 14th at noon", dt.datetime(2026, 11, 23, 9)).at == dt.datetime(2026, 12, 14, 12, 0)
    assert parse_when("tues the 1st at 9:30", dt.datetime(2026, 11, 23, 9)).at == dt.datetime(2026, 12, 1, 9, 30)
    assert parse_when("the 3rd at 1:30", dt.datetime(2026, 11, 23, 9)).at == dt.datetime(2026, 12, 3, 13, 30)
    assert parse_when("the 24th", dt.datetime(2026, 11, 23, 9)).at.date() == dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("fyi #1063 skylight over the bath leaks, add it as a note", "skylight over the bath leaks"),
        ("anyway, on 1030: note on this one: two dogs, keep the gate shut", "two dogs, keep the gate shut"),
        ("anyway, on 1002: make a note on her siding that keep the crew off the garden beds", "keep the crew off the garden beds"),
    ],
)
def test_a_notes_own_words_after_its_instruction(reader: Reader, directory: Directory, text: str, body: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_add_note" and action.arguments["note"] == body, action


def test_a_field_asked_after_a_dash_is_not_a_note(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "need to call gary wong - number pls")
    assert action.tool == "crm_facts" and action.arguments["fields"] == ["phone"]


def test_a_town_and_trade_with_a_lost_job_there_mean_the_live_one(reader: Reader, directory: Directory) -> None:
    there = [j for j in directory.jobs.values() if j.city.casefold() == "braintree" and "windows" in j.trades]
    live = [j for j in there if j.stage not in ("Lost", "Paid & Closed")]
    action = read(reader, directory, "pull the braintree window job up")
    assert len(there) == 2 and len(live) == 1 and action.arguments.get("job_id") == live[0].id, action


def test_a_rule_about_primer_videos_is_the_playbooks(reader: Reader, directory: Directory) -> None:
    assert read(reader, directory, "btw how long should a primer video run", kb=0.6).agent == "knowledge"


def test_swapped_letters_a_quoted_number_and_a_script_for_someone(reader: Reader, directory: Directory) -> None:
    carlos = read(reader, directory, "cralos got anything monday the 30th")
    assert carlos.tool == "crm_appointments" and carlos.arguments["rep"] == "Carlos Mendes"
    quoted = read(reader, directory, "what number did we give them on melissa quinn gutters")
    assert quoted.tool == "crm_facts" and quoted.arguments["fields"] == ["contract_amount"]
    assert read(reader, directory, "whats melissa quinns number").arguments["fields"] == ["phone"]
    assert read(reader, directory, "draft what i should say to colleen at appt", kb=0.5).agent == "scripting"


@pytest.mark.parametrize(("text", "shift"), [("can we bump sarahs install a day", 1440), ("push sarah johnsons install back an hour", 60), ("move sarahs install up a day", -1440)])
def test_an_appointment_moved_by_so_much(reader: Reader, directory: Directory, text: str, shift: int) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_update_appointment" and action.arguments["shift_minutes"] == shift, action


def test_a_question_the_playbook_answers_whole_goes_there_when_the_other_reading_is_unsure(reader: Reader, directory: Directory) -> None:
    assert read(reader, directory, "whats the 144 month financing rate", kb=1.0).agent == "knowledge"
    # The director's calls keep questions about the calls, however much the playbook says.
    assert read(reader, directory, "how many calls mention financing", kb=1.0).agent == "analysis"
    assert read(reader, directory, "where is job 1014 in the pipeline").arguments["fields"] == ["stage"]


def test_a_pending_booking_corrected_by_a_time_alone(reader: Reader, directory: Directory) -> None:
    booking = [{"tool": "crm_create_appointment", "arguments": {"job_id": 1058, "title": "Inspection", "start": "2026-11-24T11:00"}}]
    for said, start in [("push it to 2pm", "2026-11-24T14:00"), ("9am would be better", "2026-11-24T09:00"), ("how about friday", "2026-11-27T11:00")]:
        action = read(reader, directory, said, pending="crm", pending_calls=booking)
        assert action.tool == "crm_create_appointment" and action.arguments["start"] == start, (said, action)
    # An appointment already booked keeps its day when only a time is said.
    moved = read(reader, directory, "push sarah johnsons install to 10am")
    assert moved.tool == "crm_update_appointment" and moved.arguments["time_of_day"] == "10:00" and "start" not in moved.arguments


@pytest.mark.parametrize(
    ("text", "title"),
    [("set an install prep visit on 1029 dec 10th 8:30am", "Install prep visit"), ("book 1056 for a pre-install visit tues 12/15 at 2", "Pre-install visit"),
     ("book an install on 1029 dec 10th 8:30am", "Install start")],
)
def test_a_visit_named_by_its_purpose_keeps_it(reader: Reader, directory: Directory, text: str, title: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_create_appointment" and action.arguments["title"] == title, action


def test_notes_quoted_read_back_or_asked_for_in_passing(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "check theresa sweeney roof job").focus
    quoted = read(reader, directory, 'log "chimney flashing looks rusted" on that one', focus)
    assert quoted.tool == "crm_add_note" and quoted.arguments["note"] == "chimney flashing looks rusted", quoted
    latest = read(reader, directory, "& the latet note on that job", focus)
    assert latest.tool == "crm_facts" and latest.arguments["fields"] == ["notes"], latest
    asked = read(reader, directory, "anyway on costa, add to the nottes cat stays inside, keep the garage closed", read(reader, directory, "check #1053").focus)
    assert asked.arguments.get("note") == "cat stays inside, keep the garage closed", asked


def test_a_field_asked_in_passing_is_of_the_one_in_focus(reader: Reader, directory: Directory) -> None:
    actions = conversation(reader, directory, "check 2603-1020", "email too pls", "back to the job: who is the rep", "wehre is her place again", "how much came in so far")
    assert [a.arguments.get("fields") for a in actions[1:]] == [["email"], ["rep"], ["address"], ["payments"]], actions
    assert all(a.arguments.get("job_id") == 1020 or a.arguments.get("customer_id") for a in actions[1:])


def test_days_pinned_by_their_week_or_weekday() -> None:
    from harde.understanding.slots import day_range

    assert day_range(normalise("tues thru fri next week, appts?"), NOW) == (dt.date(2026, 12, 1), dt.date(2026, 12, 4))
    assert day_range(normalise("wed the 9th - how many appts"), NOW) == (dt.date(2026, 12, 9), dt.date(2026, 12, 9))
    assert day_range(normalise("mon the 9th"), NOW) == (dt.date(2026, 11, 9), dt.date(2026, 11, 9))  # the nearest, two weeks back
    assert moment(normalise("tuesday next week at 10"), NOW).at == dt.datetime(2026, 12, 1, 10, 0)  # type: ignore[union-attr]


def test_without_web_search_the_playbook_answers_what_it_can(reader: Reader, directory: Directory) -> None:
    assert read(reader, directory, "whats our online rating these days", kb=0.77, web=False).agent == "knowledge"
    assert read(reader, directory, "search the web for gaf recalls", kb=0.6, web=False).agent == "web_search"


def test_how_much_of_something_else_is_not_a_price() -> None:
    from harde.understanding.pricing import parse_question

    for said in ["how much cleaance off the ground for hardie siding", "how much pitch on a gutter run", "how much does a tear off weigh"]:
        assert not parse_question(said).wants_money, said
    for said in ["how much for 30 squares", "how much is a 3x4 downspout", "how much does englert gutter cost"]:
        assert parse_question(said).wants_money, said


@pytest.mark.parametrize("said", ["fine by me", "fine with me", "fire away", "that'll work", "make it happen", "aight", "yes go ahead and book it"])
def test_yet_more_ways_to_say_yes(said: str) -> None:
    assert is_affirmative(said)


def test_entities_said_in_passing(reader: Reader, directory: Directory) -> None:
    site = read(reader, directory, "need a site visit at brooks in salem next fri at 9")
    brooks_salem = [j for j in directory.jobs.values() if directory.customers[j.customer_id].last == "Brooks" and j.city == "Salem"]
    assert len(brooks_salem) == 1 and site.tool == "crm_create_appointment" and site.arguments["job_id"] == brooks_salem[0].id, site
    assert read(reader, directory, "kvin 12/14 whats he doing").arguments.get("rep") == "Kevin Shea"
    assert "5312" in (read(reader, directory, "move 5312 to scheduled").reply or "")
    assert read(reader, directory, "whats sitting in esstimating rn").arguments == {"stage": "Estimating"}
    assert read(reader, directory, "sold price on the 1019 job").arguments == {"fields": ["contract_amount"], "job_id": 1019}
    assert read(reader, directory, "need something to say on camera to julie castillo before the visit").agent == "scripting"


def test_questions_with_nothing_for_another_specialist_go_to_the_playbook(reader: Reader, directory: Directory) -> None:
    for said in ["reverse curve hoods - worth it or no", "essential package - new step flashhing or reused", "hey quick, apr on the 84 month plan"]:
        assert read(reader, directory, said, kb=0.8).agent == "knowledge", said
    # A greeting stays a greeting, a dictation a new customer, a day the calendar's.
    assert read(reader, directory, "hey there", kb=0.8).agent == "triage"
    assert read(reader, directory, "978 five five five three seven two nine ottoline crane siding sherborn", kb=0.8).agent == "new_clients"
    assert read(reader, directory, "what do we got the 3rd").tool == "crm_appointments"


@pytest.mark.parametrize(
    ("said", "kind"),
    [("book an estimate review thurs", "Estimate review"), ("set a progress walk through fri", "Progress walkthrough"), ("color consult wed", "Color consultation"),
     ("book an estimate thurs", "Estimate")],
)
def test_the_companys_own_visit_names_are_kept_whole(said: str, kind: str) -> None:
    from harde.understanding.slots import appointment_kind

    assert appointment_kind(said) == kind


def test_a_question_after_an_aside_and_a_first_name_cut_short(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "#1028").focus
    assert read(reader, directory, "sorry one sec - how long is a proposal good for", focus, kb=0.51).agent == "knowledge"
    assert read(reader, directory, "whats the deposit on it", focus).arguments == {"fields": ["deposit"], "job_id": 1028}
    nancy = read(reader, directory, "can i get a callback number for nanc quinn")
    assert directory.customers[nancy.arguments["customer_id"]].full_name == "Nancy Quinn", nancy
    denise = read(reader, directory, "denises windows sold or still pending")
    assert denise.tool == "crm_facts" and directory.customers[directory.jobs[denise.arguments["job_id"]].customer_id].first == "Denise"


def test_a_town_the_one_in_focus_has_no_job_in_names_somebody_else(reader: Reader, directory: Directory) -> None:
    actions = conversation(reader, directory, "book a measure for 1039 thurs at 10", "pull up the sudbury windows pls")
    sudbury = [j for j in directory.jobs.values() if j.city == "Sudbury" and "windows" in j.trades]
    assert len(sudbury) == 1 and actions[1].arguments.get("job_id") == sudbury[0].id, actions[1]


@pytest.mark.parametrize("said", ["yes and change the time", "go and cancel it", "yes but make it 3", "ok wait", "sure?"])
def test_a_yes_with_more_in_it_is_not_a_yes(said: str) -> None:
    assert not is_affirmative(said)


def test_in_so_many_days() -> None:
    assert moment(normalise("in 2 days at 9"), NOW).at == dt.datetime(2026, 11, 25, 9, 0)  # type: ignore[union-attr]
    assert moment(normalise("in a couple days at 10"), NOW).at == dt.datetime(2026, 11, 25, 10, 0)  # type: ignore[union-attr]


def test_a_pending_booking_corrected_as_reps_say_it(reader: Reader, directory: Directory) -> None:
    booking = [{"tool": "crm_create_appointment", "arguments": {"job_id": 1058, "title": "Inspection", "start": "2026-11-24T11:00"}}]
    for said, start in [
        ("scratch the time make it 10 am", "2026-11-24T10:00"),
        ("earlier pls like 8:30am", "2026-11-24T08:30"),
        ("move the day to 12/16 keep the time", "2026-12-16T11:00"),
        ("oh she said two in the afternoon is better", "2026-11-24T14:00"),
    ]:
        action = read(reader, directory, said, pending="crm", pending_calls=booking)
        assert action.tool == "crm_create_appointment" and action.arguments["start"] == start, (said, action)


def test_questions_worded_like_writes_stay_questions(reader: Reader, directory: Directory) -> None:
    proposal = read(reader, directory, "job 1032 proposal came out to what")
    assert proposal.tool == "crm_facts" and proposal.arguments == {"fields": ["proposals"], "job_id": 1032}, proposal
    mark = read(reader, directory, "marks digits, gonna text her back")
    assert mark.tool == "crm_facts" and mark.arguments["fields"] == ["phone"], mark
    focus = read(reader, directory, "whats new on job 1043").focus
    latest = read(reader, directory, "back to it, wahts the latest note", focus)
    assert latest.tool == "crm_facts" and latest.arguments == {"fields": ["notes"], "job_id": 1043}, latest
    assert read(reader, directory, "is #1045 sold yet or still out there").arguments == {"fields": ["stage"], "job_id": 1045}
    concord = [j for j in directory.jobs.values() if j.city == "Concord" and "windows" in j.trades]
    deposit = read(reader, directory, "did the window job in concord put money down how much")
    assert len(concord) == 1 and deposit.arguments == {"fields": ["deposit"], "job_id": concord[0].id}, deposit
    email = read(reader, directory, "sarahs email - need to send the contract")
    assert email.arguments.get("fields") == ["email"], email


def test_lists_asked_in_reps_words(reader: Reader, directory: Directory) -> None:
    assert read(reader, directory, "what jobs r on schdule stage").arguments == {"stage": "Scheduled"}
    assert read(reader, directory, "signed contracts waiting to be scheduled list").arguments == {"stage": "Contract Signed"}
    reed = read(reader, directory, "everything mike reed has thats not closed")
    assert reed.tool == "crm_rep_jobs" and reed.arguments == {"open_only": True, "rep": "Mike Reed"}, reed
    walks = read(reader, directory, "walkthroughs on the 3rd, count")
    assert walks.tool == "crm_appointments" and walks.arguments["kind"] == "walkthrough" and walks.arguments["start"] == "2026-12-03", walks
    # Two days said with "or" are both asked when they follow each other; "mon or fri" is not a span.
    two = read(reader, directory, "any inspections mon 12/14 or tues 12/15")
    assert (two.arguments["start"], two.arguments["end"]) == ("2026-12-14", "2026-12-15"), two
    assert day_range(normalise("inspections mon 12/14 or fri 12/18"), NOW) != (dt.date(2026, 12, 14), dt.date(2026, 12, 18))


def test_a_job_number_that_opens_a_write_and_a_trade_said_after_a_look_up(reader: Reader, directory: Directory) -> None:
    missing = read(reader, directory, "5523 signed move it up")
    assert missing.tool is None and "5523" in (missing.reply or ""), missing
    reilly = directory.jobs[1056].customer_id
    gutters = [j for j in directory.jobs_of(reilly) if "gutters" in j.trades]
    actions = conversation(reader, directory, "tell me abouut 1056", "ok now gutters one")
    assert len(gutters) == 1 and actions[1].arguments.get("job_id") == gutters[0].id, actions[1]


def test_tell_me_about_a_customer_the_weather_and_a_town_job_moved_as_news(reader: Reader, directory: Directory) -> None:
    natick = read(reader, directory, "tell me aboout mccarthy in natick")
    job = directory.jobs[natick.arguments["job_id"]]
    assert natick.tool == "crm_facts" and job.city == "Natick" and directory.customers[job.customer_id].last == "McCarthy", natick
    assert read(reader, directory, "tell me about the 84 month plan", kb=0.6).agent == "knowledge"
    assert read(reader, directory, "find the noaa forecast for quincy tmrw, im on a roof all day").agent == "web_search"
    nashua = [j for j in directory.jobs.values() if j.city == "Nashua" and "roofing" in j.trades]
    moved = read(reader, directory, "the roof job in nashua install got put on the board, scheduled")
    assert len(nashua) == 1 and moved.tool == "crm_change_stage" and moved.arguments == {"job_id": nashua[0].id, "stage": "Scheduled"}, moved
    listed = read(reader, directory, "roof jobs in nashua, scheduled")
    assert listed.tool == "crm_jobs_in_stage", listed


def test_a_look_up_asks_for_the_whole_card_while_a_bare_name_keeps_the_field_asked(reader: Reader, directory: Directory) -> None:
    for said in ("tell me aboout mccarthy in natick", "pull up mccarthy in natick"):
        actions = conversation(reader, directory, "when's the install on 1067", said)
        assert actions[1].arguments.get("fields") == ["overview"], (said, actions[1])
    carried = conversation(reader, directory, "when's the install on 1067", "and the mccarthy one in natick")
    assert carried[1].arguments.get("fields") == ["install_date"], carried[1]


@pytest.mark.parametrize("said", ["100%", "💯", "yes 100%"])
def test_a_hundred_percent_is_a_yes(said: str) -> None:
    assert is_affirmative(said)
    assert not is_affirmative("not 100%") and not is_affirmative("100")


def test_stage_news_and_notes_in_more_of_reps_words(reader: Reader, directory: Directory) -> None:
    cranston = read(reader, directory, "the gutter job in Cranston has an install date now")
    assert cranston.tool == "crm_change_stage" and cranston.arguments["stage"] == "Scheduled", cranston
    gary = read(reader, directory, "gary wong crew is on site")
    assert gary.tool == "crm_change_stage" and gary.arguments["stage"] == "In Progress", gary
    out = read(reader, directory, "2611-1035 proposal is out")
    assert out.tool == "crm_change_stage" and out.arguments == {"job_id": 1035, "stage": "Proposal Sent"}, out
    focus = read(reader, directory, "pull up kaplan siding").focus
    lost = read(reader, directory, "they went another way", focus)
    assert lost.tool == "crm_change_stage" and lost.arguments["stage"] == "Lost", lost
    signed = read(reader, directory, "erica santos signed the contract")
    assert signed.intent == "crm.change_stage" and "1063" in (signed.reply or ""), signed
    focus = read(reader, directory, "pull up job 1002").focus
    written = read(reader, directory, "write in there they asked about the military discount", focus)
    assert written.tool == "crm_add_note" and written.arguments == {"job_id": 1002, "note": "they asked about the military discount"}, written
    dictated = read(reader, directory, "so for 2610-1017 the note is neighbor already had us do their roof")
    assert dictated.tool == "crm_add_note" and dictated.arguments["note"] == "neighbor already had us do their roof", dictated
    check = read(reader, directory, "#1059 add this as a note he will pay by check")
    assert check.arguments.get("note") == "he will pay by check", check
    # The note's own words ("the old gutters") do not pick the job: which one is asked.
    costa = read(reader, directory, "thomas costa add note ho wants the old gutters hauled away")
    assert costa.tool is None and "1006" in (costa.reply or "") and "1053" in (costa.reply or ""), costa
    read_back = read(reader, directory, "anyway back to it last note", read(reader, directory, "pull up 2611-1024").focus)
    assert read_back.tool == "crm_facts" and read_back.arguments == {"fields": ["notes"], "job_id": 1024}, read_back


def test_a_note_said_again_is_reworded_but_another_job_is_not_its_words(reader: Reader, directory: Directory) -> None:
    note = [{"tool": "crm_add_note", "arguments": {"job_id": 1059, "note": "he will pay by check"}}]
    again = read(reader, directory, "srory i meant he will pay by card", pending="crm", pending_calls=note)
    assert again.arguments == {"job_id": 1059, "note": "he will pay by card"}, again
    smith = [{"tool": "crm_add_note", "arguments": {"job_id": 1036, "note": "use the side driveway"}}]
    moved = read(reader, directory, "sorry i meant the roof job, not the gutters", pending="crm", pending_calls=smith)
    assert moved.arguments["note"] == "use the side driveway" and moved.arguments["job_id"] != 1036, moved


def test_who_sold_it_the_one_job_of_a_town_and_the_rep_who_has_jobs(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "#1012 whats the story there").focus
    assert read(reader, directory, "ok back to the customer who sold it", focus).arguments == {"fields": ["rep"], "job_id": 1012}
    wellesley = [j for j in directory.jobs.values() if j.city == "Wellesley" and "roofing" in j.trades]
    amount = read(reader, directory, "proposal amount on the wellesley roof pls")
    assert len(wellesley) == 1 and amount.arguments == {"fields": ["proposals"], "job_id": wellesley[0].id}, amount
    mikes = [u for u in directory.users.values() if u.first == "Mike"]
    holding = [u for u in mikes if any(u.id in j.rep_ids for j in directory.jobs.values())]
    mike = read(reader, directory, "mikes open jobs list them")
    assert len(mikes) > 1 and len(holding) == 1 and mike.arguments.get("rep") == holding[0].full_name, mike
    assert read(reader, directory, "jobs the crews r working on right now").arguments == {"stage": "In Progress"}
    assert read(reader, directory, "dana turs").arguments["start"] == "2026-11-26"


def test_a_job_named_by_trade_and_town_or_customer_is_looked_up_whatever_the_words(reader: Reader, directory: Directory) -> None:
    for said, job in [("grab the wellesley gutters for me", 1030), ("the nashua roof, pull it", 1056), ("anything new on russo siding", 1035)]:
        action = read(reader, directory, said)
        assert action.tool == "crm_facts" and action.arguments.get("job_id") == job, (said, action)
    status = read(reader, directory, "plymouth gutter job stats")
    assert status.tool == "crm_facts" and status.arguments.get("job_id") == 1063, status
    # A new job is still opened: "a new ... job for" a customer.
    new = read(reader, directory, "open a new gutter job for gary wong")
    assert new.tool == "crm_create_job", new
    phone = read(reader, directory, "whats the best line to get her on", read(reader, directory, "pull up job 1063").focus)
    assert phone.tool == "crm_facts" and phone.arguments["fields"] == ["phone"], phone


def test_reported_news_moves_the_stage_and_a_wanted_visit_is_booked(reader: Reader, directory: Directory) -> None:
    for said, stage in [
        ("we broke ground at gary wongs today", "In Progress"),
        ("crew startted the tear off on 1036", "In Progress"),
        ("santos gutters inked the deal", "Contract Signed"),
        ("1063 paperwork came back signed", "Contract Signed"),
    ]:
        action = read(reader, directory, said)
        assert action.tool == "crm_change_stage" and action.arguments["stage"] == stage, (said, action)
    sitdown = read(reader, directory, "2610-1014 wants a proposal sit down thurs at 2pm")
    assert sitdown.tool == "crm_create_appointment", sitdown
    assert sitdown.arguments["start"] == "2026-11-26T14:00" and "proposal" in sitdown.arguments["title"].casefold(), sitdown
    walk = read(reader, directory, "ho on job 1041 is good for a final walk fri 10am")
    assert walk.tool == "crm_create_appointment" and walk.arguments["title"] == "Final walk", walk
    # Said as a note, it stays a note.
    noted = read(reader, directory, "note on 1041: she wants a color pick fri at noon")
    assert noted.tool == "crm_add_note", noted
    # "go with #1063" answers "which one?"; it is not a yes with nothing waiting.
    which = read(reader, directory, "santos inked the deal")
    picked = read(reader, directory, "go with #1063", which.focus)
    assert picked.tool == "crm_change_stage" and picked.arguments == {"job_id": 1063, "stage": "Contract Signed"}, picked


def test_a_job_spoken_of_is_not_a_job_to_open_and_a_pull_shows_the_whole_card(reader: Reader, directory: Directory) -> None:
    sarah = read(reader, directory, "whats sarah johnsons number").focus
    policy = read(reader, directory, "payment schedule on a siding job over 40k", sarah)
    # Without the knowledge base's coverage (the assistant passes it) the reading is pricing's; never a new job.
    assert policy.agent in ("knowledge", "pricing") and policy.tool is None, policy
    opened = read(reader, directory, "set her up with a window job", sarah)
    assert opened.tool == "crm_create_job" and opened.arguments["trades"] == ["windows"], opened
    install = read(reader, directory, "when's the install", sarah).focus
    card = read(reader, directory, "pull the nashua roof for me", install)
    assert card.tool == "crm_facts" and card.arguments == {"fields": ["overview"], "job_id": 1056}, card


def test_notes_said_as_news_and_corrected_in_typed_words(reader: Reader, directory: Directory) -> None:
    for said, job, body in [
        ("for the file on job 1049 the gate sticks, lift it", 1049, "the gate sticks, lift it"),
        ("heads up on thomas costa window job ho works nights call after 4", 1006, "ho works nights call after 4"),
        ("1004 said she pays with a heloc can u save that", 1004, "said she pays with a heloc"),
        ("wite down for julie castillo window job dog in the yard", 1004, "dog in the yard"),
    ]:
        action = read(reader, directory, said)
        assert action.tool == "crm_add_note" and action.arguments == {"job_id": job, "note": body}, (said, action)
    pending = read(reader, directory, "pull the nashua roof for me").focus
    stuck = read(reader, directory, "stick this in the notes ho wants copper downspouts", pending)
    assert stuck.tool == "crm_add_note" and stuck.arguments == {"job_id": 1056, "note": "ho wants copper downspouts"}, stuck
    calls = [{"tool": "crm_add_note", "arguments": {"job_id": 1001, "note": "wants the brown shingles"}}]
    reworded = read(reader, directory, "oops i meeant wants the charcoal shingles", pending="crm", pending_calls=calls)
    assert reworded.tool == "crm_add_note" and reworded.arguments == {"job_id": 1001, "note": "wants the charcoal shingles"}, reworded
    changed = read(reader, directory, "chnage that, pays by card", pending="crm", pending_calls=calls)
    assert changed.arguments == {"job_id": 1001, "note": "pays by card"}, changed
    costa = [{"tool": "crm_add_note", "arguments": {"job_id": 1006, "note": "ho works nights"}}]
    moved = read(reader, directory, "other job, the gutters one not windows", pending="crm", pending_calls=costa)
    assert moved.tool == "crm_add_note" and moved.arguments == {"job_id": 1053, "note": "ho works nights"}, moved


def test_fields_asked_in_more_of_reps_words(reader: Reader, directory: Directory) -> None:
    for said, field in [
        ("best way to reach patrick walsh", "phone"),
        ("whats the unpaid amount on job 1009", "balance"),
        ("when do we meet with steven kaplan", "next_appointment"),
    ]:
        action = read(reader, directory, said)
        assert action.tool == "crm_facts" and action.arguments["fields"] == [field], (said, action)
    assert is_affirmative("affirm") and not is_affirmative("affirm? wait")


def test_a_day_of_the_month_already_past_is_next_months_unless_looked_back_on() -> None:
    # Said on Monday 23 November.
    assert day_range("appointments the 14th", NOW) == (dt.date(2026, 12, 14), dt.date(2026, 12, 14))
    assert day_range("how many appts the 2nd and the 3rd", NOW) == (dt.date(2026, 12, 2), dt.date(2026, 12, 3))
    assert day_range("what did we have on the 14th", NOW) == (dt.date(2026, 11, 14), dt.date(2026, 11, 14))
    assert day_range("whats on the 25th", NOW) == (dt.date(2026, 11, 25), dt.date(2026, 11, 25))


def test_visits_of_a_kind_on_a_day_are_the_calendars(reader: Reader, directory: Directory) -> None:
    booked = read(reader, directory, "walkthroughs on fri 12/4", kb=0.6)
    assert booked.tool == "crm_appointments" and booked.arguments["start"].startswith("2026-12-04"), booked
    how = read(reader, directory, "how long do inspections take on a ranch", kb=0.6)
    assert how.agent == "knowledge", how


def test_the_web_asked_by_name_and_contractions_without_their_apostrophe(reader: Reader, directory: Directory) -> None:
    # Without a web search key the playbook would do for most questions, but not when the web is asked for.
    asked = read(reader, directory, "search web for the vinyl siding tariff news", kb=0.6, web=False)
    assert asked.agent == "web_search", asked
    typo = read(reader, directory, "look oline if theres a shortage of gutter coil", kb=0.6, web=False)
    assert typo.agent == "web_search" and not typo.focus.customer_id, typo  # "theres a" is not Theresa
    assert read(reader, directory, "theresa sweeney email").arguments.get("customer_id") == 110


def test_a_short_field_question_after_a_look_up_is_that_jobs(reader: Reader, directory: Directory) -> None:
    quinn = read(reader, directory, "open the gutter job in wellesley").focus
    for said, field in [("contract price?", "contract_amount"), ("what do notes say", "notes"), ("deposit amt", "deposit")]:
        action = read(reader, directory, said, quinn, kb=1.0)
        assert action.tool == "crm_facts" and action.arguments == {"fields": [field], "job_id": 1030}, (said, action)
    general = read(reader, directory, "install process?", quinn, kb=1.0)
    assert general.tool != "crm_facts", general


def test_an_aside_whose_it_points_at_nothing_and_a_lead_time(reader: Reader, directory: Directory) -> None:
    kaplan = read(reader, directory, "whats up w Kaplan in Concord").focus
    aside = read(reader, directory, "quick side q is it worth running a ridge vent with a gable fan", kaplan, kb=0.6)
    assert aside.agent == "knowledge" and aside.focus.job_id == kaplan.job_id, aside
    lead = read(reader, directory, "btw what is the siding lead time these days", kaplan, kb=0.6)
    assert lead.tool != "crm_jobs_in_stage" and lead.agent == "knowledge", lead
    back = read(reader, directory, "anyway his email", lead.focus)
    assert back.tool == "crm_facts" and back.arguments.get("customer_id") == 143, back


def test_a_field_of_a_town_job_and_a_ballpark_with_nothing_to_write(reader: Reader, directory: Directory) -> None:
    owed = read(reader, directory, "unpaid amout on roof in marlborough?", kb=0.55)
    assert owed.tool == "crm_facts" and owed.arguments == {"fields": ["balance"], "job_id": 1009}, owed
    ballpark = read(reader, directory, "ballpark for vinyl on a normal two story", kb=0.73)
    assert ballpark.agent != "scripting", ballpark
    script = read(reader, directory, "write a primer for the larkin job", kb=0.73)
    assert script.agent == "scripting", script


def test_what_the_homeowner_said_reported_about_the_one_in_focus_is_a_note(reader: Reader, directory: Directory) -> None:
    brooks = read(reader, directory, "whats up w job no 1023").focus
    for said, body in [
        ("anyways for his job he also said basement floods when the gutters overflow", "he also said basement floods when the gutters overflow"),
        ("the wife mentioned they might add gutters in the spring", "the wife mentioned they might add gutters in the spring"),
        ("he told me the check is in the mail", "he told me the check is in the mail"),
    ]:
        action = read(reader, directory, said, brooks, kb=0.6)
        assert action.tool == "crm_add_note" and action.arguments == {"job_id": 1023, "note": body}, (said, action)
    # Asked, it stays a question.
    asked = read(reader, directory, "he said he wants to wait, what do i say?", brooks, kb=0.8)
    assert asked.tool != "crm_add_note", asked
    email = read(reader, directory, "whats his email, he said he sent photos?", brooks)
    assert email.tool == "crm_facts" and email.arguments["fields"] == ["email"], email


def test_more_stage_news_days_after_next_and_corrections_in_reps_words(reader: Reader, directory: Directory) -> None:
    for said, job, stage in [
        ("johns roof paid the final invoice", 1021, "Paid & Closed"),
        ("crew is ripping into job 1017 right now", 1017, "In Progress"),
        ("the reilly siding job is all done, crew cleaned up", 1007, "Completed"),
        ("2610-1041 got a start date locked", 1041, "Scheduled"),
        ("job 1024 asked for more time", 1024, "Follow Up"),
        ("1063 signed with the other guy", 1063, "Lost"),
    ]:
        action = read(reader, directory, said)
        assert action.tool == "crm_change_stage" and action.arguments == {"job_id": job, "stage": stage}, (said, action)
    asked = read(reader, directory, "does 1041 have a start date yet")
    assert asked.tool == "crm_facts", asked
    # Monday 23 November: "monday after next" is 7 December, "thurs next wk" 3 December.
    walk = read(reader, directory, "put a midway walkthru on the books for the 1028 job monday after next 9am")
    assert walk.arguments["start"] == "2026-12-07T09:00" and "walk" in walk.arguments["title"].casefold(), walk
    assert day_range(normalise("mon n tues next wk how busy"), NOW) == (dt.date(2026, 11, 30), dt.date(2026, 12, 1))
    assert day_range(normalise("thurs next wk"), NOW) == (dt.date(2026, 12, 3), dt.date(2026, 12, 3))
    booking = [{"tool": "crm_create_appointment", "arguments": {"job_id": 1028, "title": "Color consultation", "start": "2026-12-14T12:00"}}]
    slid = read(reader, directory, "can we slide it to 4:45pm", pending="crm", pending_calls=booking)
    assert slid.arguments["start"] == "2026-12-14T16:45" and slid.arguments["title"] == "Color consultation", slid
    note = [{"tool": "crm_add_note", "arguments": {"job_id": 1058, "note": "paying with a personal check"}}]
    for said, body in [
        ("no wait make it paying through the bank financing", "paying through the bank financing"),
        ("sorry correction: paying by credit card", "paying by credit card"),
    ]:
        reworded = read(reader, directory, said, pending="crm", pending_calls=note)
        assert reworded.arguments == {"job_id": 1058, "note": body}, (said, reworded)


def test_a_town_jobs_price_and_progress_and_jobs_under_construction(reader: Reader, directory: Directory) -> None:
    sold = read(reader, directory, "how much did the natick roof sell for")
    assert sold.tool == "crm_facts" and sold.arguments == {"fields": ["contract_amount"], "job_id": 1021}, sold
    along = read(reader, directory, "nashua siding, how far along is it")
    assert along.tool == "crm_facts" and along.arguments == {"fields": ["stage"], "job_id": 1007}, along
    building = read(reader, directory, "which jobs are under construction right now", kb=1.0)
    assert building.tool == "crm_jobs_in_stage" and building.arguments == {"stage": "In Progress"}, building


def test_notes_labelled_jotted_and_memoed_and_the_newest_read_back(reader: Reader, directory: Directory) -> None:
    labelled = read(reader, directory, "kathleen murphy file noes: husband does the money, call him about payments")
    assert labelled.tool == "crm_add_note" and labelled.arguments == {"job_id": 1043, "note": "husband does the money, call him about payments"}, labelled
    quinn = read(reader, directory, "whats the deal w 2609-1030").focus
    jotted = read(reader, directory, "also jot they want the magnet sweep done twice", quinn)
    assert jotted.tool == "crm_add_note" and jotted.arguments == {"job_id": 1030, "note": "they want the magnet sweep done twice"}, jotted
    memo = read(reader, directory, "memo for the castillo window job: ho has a bad knee, no moving furniture")
    assert memo.tool == "crm_add_note" and memo.arguments == {"job_id": 1004, "note": "ho has a bad knee, no moving furniture"}, memo
    newest = read(reader, directory, "back to the homeowner, newest note", quinn)
    assert newest.tool == "crm_facts" and newest.arguments == {"fields": ["notes"], "job_id": 1030}, newest


# --- from dev14's writes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("job 1015 a check in wed at 3 pls book", "Check-in"),
        ("walsh in quincy book me a remeasure 12/9 @ 1pm", "Remeasure"),
        ("set a prejob walkaround w #1056 a week from fri at 11", "Prejob walkaround"),
        ("job 1040 needs a follow up sitdown fri 12/11 @ 9:30am", "Follow-up sitdown"),
        ("put a punch list walk on 1030 the 15th @ 11am", "Punch list walk"),
        ("book an inspection for the costa gutters thursday at 10", "Inspection"),
    ],
)
def test_a_booking_is_titled_in_the_reps_words(reader: Reader, directory: Directory, text: str, title: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_create_appointment" and action.arguments["title"] == title


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("siding over in sudbury new note dog: big lab, friendly, keep the gate shut", "dog: big lab, friendly, keep the gate shut"),
        ("add a note job no. 1055, parking - street only, driveway just sealed", "parking - street only, driveway just sealed"),
        ("note on 2609-1042 - called left vm", "called left vm"),
        ("job no 1041 quick one for ntes - paying cash at signing", "paying cash at signing"),
    ],
)
def test_a_notes_own_label_stays_in_it(reader: Reader, directory: Directory, text: str, note: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_add_note" and action.arguments["note"] == note


@pytest.mark.parametrize("text", ["morrison in cranston whats going on w it", "pull wong in andover up real fast"])
def test_a_customer_in_their_town_is_ours_not_a_web_search(reader: Reader, directory: Directory, text: str) -> None:
    assert read(reader, directory, text).tool == "crm_facts"


@pytest.mark.parametrize(
    ("first", "second", "argument", "value"),
    [
        ("job #1063 book me a free estimate 12/14 half past 9", "ho said 9:15am wors better", "start", "2026-12-14T09:15"),
        ("ho on the nashua siding okd day after tmrw 8am for a progress check", "wrng day, its a week from fri", "start", "2026-12-04T08:00"),
        ("job no 1041 quick one for ntes - paying cash at signing", "oops, should say paying half at signing", "note", "paying half at signing"),
        ("note to file for 1036, gate key is under the mat", "no wait, note should be gate key is with the neighbor", "note", "gate key is with the neighbor"),
    ],
)
def test_a_correction_in_reps_words_changes_the_pending_write(
    reader: Reader, directory: Directory, first: str, second: str, argument: str, value: str
) -> None:
    proposed = read(reader, directory, first)
    calls = [{"tool": proposed.tool, "arguments": proposed.arguments}]
    corrected = read(reader, directory, second, proposed.focus, pending="crm", pending_calls=calls)
    assert corrected.tool == proposed.tool and corrected.arguments[argument] == value


@pytest.mark.parametrize("text", ["reillys gutters paid in full, clsoe it out", "the natick roof last chcek cleared, paid off"])
def test_paid_said_as_done_closes_the_job(reader: Reader, directory: Directory, text: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_change_stage" and action.arguments["stage"] == "Paid & Closed"


@pytest.mark.parametrize("text", ["is the reilly gutters paid in full", "reilly gutters paid off?", "has 1008 been paid off"])
def test_paid_asked_is_a_look_up(reader: Reader, directory: Directory, text: str) -> None:
    assert read(reader, directory, text).tool == "crm_facts"


# --- from dev15's writes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("the final draw landed on 1019, were all square", "Paid & Closed"),
        ("crew is over at gary wong rn", "In Progress"),
        ("1041 permits approved, material on order, start date is set", "Scheduled"),
        ("sent our pricing over to the walsh siding this am", "Proposal Sent"),
        ("santos gutters ho put pen paper tonight", "Contract Signed"),
    ],
)
def test_news_in_words_no_pattern_knows_moves_the_job(reader: Reader, directory: Directory, text: str, stage: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_change_stage" and action.arguments["stage"] == stage


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("remind whoever goes out to job 1047 that the side door sticks", "the side door sticks"),
        ("fyi cat gets out, keep doors shut, put it on there", "cat gets out, keep doors shut"),
        ("fyi on the 1039 job - dog is friendly", "dog is friendly"),
        ("the salem roof / ho wants the shingles left by the garage / add to notes", "ho wants the shingles left by the garage"),
    ],
)
def test_notes_dictated_in_more_shapes(reader: Reader, directory: Directory, text: str, note: str) -> None:
    focus = read(reader, directory, "pull up 1047").focus
    action = read(reader, directory, text, focus)
    assert action.tool == "crm_add_note" and action.arguments["note"] == note


def test_a_note_tacked_onto_the_job_in_focus(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "lemme peek at #1004").focus
    action = read(reader, directory, "tack onto that one - wasp nest by the back gutter", focus)
    assert action.tool == "crm_add_note" and action.arguments == {"job_id": 1004, "note": "wasp nest by the back gutter"}


@pytest.mark.parametrize(
    ("text", "title", "start"),
    [
        ("#1001 confirmed a first look inspection mon the 7th ten am", "First look inspection", "2026-12-07T10:00"),
        ("pencil me in with kaplan siding fri 12/11 at 2pm for a second sit", "Second sit", "2026-12-11T14:00"),
        # Monday 23 November: "tues after next" is the Tuesday after tomorrow's, 1 December.
        ("book a material drop check on 1043 tues after next 11am", "Material drop check", "2026-12-01T11:00"),
    ],
)
def test_visits_keep_their_whole_name_and_day(reader: Reader, directory: Directory, text: str, title: str, start: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_create_appointment"
    assert action.arguments["title"] == title and action.arguments["start"].startswith(start)


@pytest.mark.parametrize("text", ["ok pull the trigger", "go for it bud", "run it"])
def test_a_yes_in_slang_approves(text: str) -> None:
    assert is_affirmative(text)


@pytest.mark.parametrize("text", ["dont pull the trigger yet", "pull up 1042", "run the numbers again"])
def test_those_words_in_other_requests_do_not_approve(text: str) -> None:
    assert not is_affirmative(text)


@pytest.mark.parametrize(
    ("first", "second", "argument", "value"),
    [
        ("job no 1029 book a pre job meeting fri 12/11 at 2pm", "ho cant do that day, the 10th works", "start", "2026-12-10T14:00"),
        ("fyi on the 1039 job - dog is friendly", "correcion - dog bites, keep the gate closed", "note", "dog bites, keep the gate closed"),
    ],
)
def test_corrections_typed_loosely_change_the_pending_write(
    reader: Reader, directory: Directory, first: str, second: str, argument: str, value: str
) -> None:
    proposed = read(reader, directory, first)
    calls = [{"tool": proposed.tool, "arguments": proposed.arguments}]
    corrected = read(reader, directory, second, proposed.focus, pending="crm", pending_calls=calls)
    assert corrected.tool == proposed.tool and corrected.arguments[argument].startswith(value)


# --- from dev13's and dev14's writes, the second pass -------------------------------------------


@pytest.mark.parametrize(
    ("looked", "text", "job", "note"),
    [
        ("pull up diane russo", "for her siding, ho asked that the dog stays in, add a note", 1035, "ho asked that the dog stays in"),
        ("job 1014", "job no. 1014 quick one for notes side gate sticks, lift it", 1014, "side gate sticks, lift it"),
        ("job 1015 lookup pls", "log this on her windows screens are in the garage, tell the crew", 1015, "screens are in the garage, tell the crew"),
        ("job no. 1054", "note on there wants the lender link", 1054, "wants the lender link"),
        ("open the roof job in nashua", "for his roof job add side door is unlocked", 1056, "side door is unlocked"),
        ("job 1003", "2610-1003 update: spouse picks the trim color", 1003, "spouse picks the trim color"),
        ("job 1001", "jot on gutters over in cranston ho wants the downspouts painted", 1041, "ho wants the downspouts painted"),
    ],
)
def test_notes_said_after_the_job_they_are_for(reader: Reader, directory: Directory, looked: str, text: str, job: int, note: str) -> None:
    focus = read(reader, directory, looked).focus
    action = read(reader, directory, text, focus)
    assert action.tool == "crm_add_note" and action.arguments == {"job_id": job, "note": note}


def test_a_word_like_surname_in_its_town_names_the_customer(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "brooks in salem waants it requoted, back in estimating")
    assert action.tool == "crm_change_stage" and action.arguments == {"job_id": 1023, "stage": "Estimating"}


@pytest.mark.parametrize("text", ["yup bang on", "yea thats accurate"])
def test_a_yes_said_as_agreement_approves(text: str) -> None:
    assert is_affirmative(text)


def test_worth_it_asks_the_playbook_not_the_contract() -> None:
    assert "contract_amount" not in fields_asked("btw is triple pane worth it up here")
    assert "contract_amount" in fields_asked("what is the kaplan job worth")


# --- from dev16's writes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("were a go on the needham windows, ink is dry", "Contract Signed"),
        ("gutters up in cranston instal got bumped onto the schedule", "Scheduled"),
        ("got the final on job #1045 were paid up", "Paid & Closed"),
    ],
)
def test_news_in_dev16s_words_moves_the_job(reader: Reader, directory: Directory, text: str, stage: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_change_stage" and action.arguments["stage"] == stage


def test_a_job_opened_by_trade_and_town_then_its_news(reader: Reader, directory: Directory) -> None:
    looked = read(reader, directory, "open roof job out in wellesley for me when you get a sec")
    assert looked.tool == "crm_facts" and looked.arguments["job_id"] == 1018
    news = read(reader, directory, "crew knocked it out, its done", looked.focus)
    assert news.tool == "crm_change_stage" and news.arguments == {"job_id": 1018, "stage": "Completed"}


@pytest.mark.parametrize(
    ("text", "job", "note"),
    [
        ("for whoevers next out at 1028, neighbor is touchy about noise", 1028, "neighbor is touchy about noise"),
        ("when you get a sec add a note to denise carter windows - mother in law lives downstairs", 1055, "mother in law lives downstairs"),
    ],
)
def test_notes_for_whoever_goes_next_and_behind_a_courtesy(reader: Reader, directory: Directory, text: str, job: int, note: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_add_note" and action.arguments == {"job_id": job, "note": note}


def test_what_the_notes_say_is_read_not_written(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "#1028 runodwn pls").focus
    action = read(reader, directory, "notes say anything useful", focus)
    assert action.tool == "crm_facts" and action.arguments["fields"] == ["notes"]


@pytest.mark.parametrize(
    ("text", "title"),
    [("set up a pre install huddle for 1056 fri 12/4 at 10:30am", "Pre-install huddle"), ("1054 a check back visit wed 12/2 at 11am", "Check back visit")],
)
def test_a_visits_name_found_past_a_word_that_is_not_it(reader: Reader, directory: Directory, text: str, title: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_create_appointment" and action.arguments["title"] == title


@pytest.mark.parametrize("text", ["do er", "yea save er", "ten four", "yup, nailed it"])
def test_a_yes_in_dev16s_words_approves(text: str) -> None:
    assert is_affirmative(text)


def test_an_aside_with_a_generic_they_goes_to_the_playbook(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "can i see nancy quinn roof real quick").focus
    assert read(reader, directory, "side thing, does the deposit still apply if they finance", focus).agent == "knowledge"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("roof up in marlborough wehre did that land", "stage"),
        ("whens our next trip out to reilly siding", "next_appointment"),
        ("when am i due to see daniel reilly agan", "next_appointment"),
    ],
)
def test_fields_asked_in_dev16s_words(reader: Reader, directory: Directory, text: str, field: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_facts" and action.arguments["fields"][0] == field


def test_a_pitch_written_for_a_customer_is_a_script(reader: Reader, directory: Directory) -> None:
    assert read(reader, directory, "can you write up a pitch for james lynch").agent == "scripting"
    assert read(reader, directory, "whats the pitch on the lynch roof").agent != "scripting"


def test_brand_new_leads_are_the_jobs_in_lead_not_a_customer_called_any(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "any brnad new leads in the system")
    assert action.tool == "crm_jobs_in_stage" and action.arguments == {"stage": "Lead"}
    assert read(reader, directory, "new customer any smith 617 555 0100").agent == "new_clients"


@pytest.mark.parametrize(
    ("first", "second", "value"),
    [
        ("set me up w/ 2610-1003 wed 12/9 at 1:15pm for a numbers sit down", "can we slied that over to 11:45am", "2026-12-09T11:45"),
        ("grab a slot tomorrow at 3 for a color consult at 1056", "they asked for 9:15am, same day", "2026-11-24T09:15"),
        ("block off tomorrow at 3 for a quote review at job no 1025", "they cant do that one, try wed after next", "2026-12-02T15:00"),
    ],
)
def test_a_booking_moved_before_the_yes_in_dev16s_words(reader: Reader, directory: Directory, first: str, second: str, value: str) -> None:
    proposed = read(reader, directory, first)
    calls = [{"tool": proposed.tool, "arguments": proposed.arguments}]
    corrected = read(reader, directory, second, proposed.focus, pending="crm", pending_calls=calls)
    assert corrected.tool == "crm_create_appointment" and corrected.arguments["start"].startswith(value)


def test_a_changed_scope_puts_the_job_back_in_estimating(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "can i see job no. 1001 real quuick").focus
    action = read(reader, directory, "scope changed, nees a new estimate", focus)
    assert action.tool == "crm_change_stage" and action.arguments == {"job_id": 1001, "stage": "Estimating"}


def test_a_peek_at_another_job_shows_it_whole_not_the_field_asked_before(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "when's the install on sarah johnsons job").focus
    action = read(reader, directory, "lemme peek at #1004", focus)
    assert action.tool == "crm_facts" and action.arguments == {"fields": ["overview"], "job_id": 1004}


@pytest.mark.parametrize(("text", "stage"), [("which jobs are on the schedule rn", "Scheduled"), ("whos signed but not on the schedule yet", "Contract Signed")])
def test_a_stage_said_with_its_fillers_lists_its_jobs(reader: Reader, directory: Directory, text: str, stage: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_jobs_in_stage" and action.arguments["stage"] == stage


def test_news_said_with_a_stage_phrase_moves_the_job(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "the cranston gutters is on the schedlue now")
    assert action.tool == "crm_change_stage" and action.arguments == {"job_id": 1041, "stage": "Scheduled"}


def test_a_stage_asked_of_one_job_is_that_jobs_not_the_stages_list(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "is the roof job in quincy signed or not yet")
    assert action.tool == "crm_facts" and action.arguments["job_id"] == 1001
    assert read(reader, directory, "any roof jobs in quincy signed").tool == "crm_jobs_in_stage"


def test_the_ask_s_own_words_before_newest_note_read_it(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "daniel reillys gutters can you read me newest note")
    assert action.tool == "crm_facts" and action.arguments == {"fields": ["notes"], "job_id": 1008}
    added = read(reader, directory, "can you add a note on 1017 the gate code is 4411")
    assert added.tool == "crm_add_note" and added.arguments["note"] == "the gate code is 4411"


def test_how_much_the_contract_was_is_the_amount_of_the_job_in_focus(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "bring up job 1017 please").focus
    action = read(reader, directory, "how much was the contract for", focus)
    assert action.tool == "crm_facts" and action.arguments == {"fields": ["contract_amount"], "job_id": 1017}


def test_wanting_to_think_it_over_is_news_but_asking_what_to_say_is_the_playbook(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "find me the Cranston siding please").focus
    news = read(reader, directory, "she wants think it over", focus)
    assert news.tool == "crm_change_stage" and news.arguments == {"job_id": 1025, "stage": "Follow Up"}
    assert read(reader, directory, "they want to think about it, what do i say", focus).agent == "knowledge"


def test_pricing_a_job_again_puts_it_back_in_estimating(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "julie castillo roof gotta go back out and re-pricce it")
    assert action.tool == "crm_change_stage" and action.arguments == {"job_id": 1049, "stage": "Estimating"}
    assert read(reader, directory, "what is our policy to reprice a job").agent == "knowledge"


@pytest.mark.parametrize(
    ("first", "second", "key", "value"),
    [
        ("stick a note on #1002 saying ho wants us to park on the street", "sorry no, the note sould say park in the driveway", "note", "park in the driveway"),
        ("2609-1018 note for the crew the dog is nice", "actuually change it to the dog is not nice", "note", "the dog is not nice"),
        ("need an estimate walkthrough at #1024 12/4 at 11am, can u book it", "can we siwtch it to tuesday after next", "start", "2026-12-01T11:00"),
    ],
)
def test_a_correction_typed_a_letter_off_corrects_the_pending_write(
    reader: Reader, directory: Directory, first: str, second: str, key: str, value: str
) -> None:
    proposed = read(reader, directory, first)
    calls = [{"tool": proposed.tool, "arguments": proposed.arguments}]
    corrected = read(reader, directory, second, proposed.focus, pending="crm", pending_calls=calls)
    assert corrected.tool == proposed.tool and str(corrected.arguments[key]).startswith(value)


def test_an_inflected_word_is_not_a_slip_of_its_stem() -> None:
    from harde.understanding.slots import fix_ask_typos, normalise

    assert normalise("any walkthroughs this week") == "any walkthroughs this week"
    assert fix_ask_typos("It Sould say: Gate is Shut") == "It should say: Gate is Shut"
    assert fix_ask_typos("they changed it, cancels at 3") == "they changed it, cancels at 3"


def test_how_much_of_a_property_goes_to_the_playbook_not_the_catalog(reader: Reader, directory: Directory) -> None:
    assert read(reader, directory, "how much r value does insulateed vinyl add", kb=0.8).agent == "knowledge"


@pytest.mark.parametrize(("text", "job"), [("i need the info on fitzgeralds siding", 1029), ("i need the info on 1004", 1004)])
def test_the_info_on_a_job_is_its_overview_not_the_playbook(reader: Reader, directory: Directory, text: str, job: int) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_facts" and action.arguments == {"fields": ["overview"], "job_id": job}
    assert read(reader, directory, "how do i handle the price objection on 1004").agent == "knowledge"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("johnson in framingham second visit dec 1 at 3:30pm plesae thx", "Second visit"),
        ("book job 1006 tmrw 2pm for a material drop off", "Material drop off"),
    ],
)
def test_a_visit_named_by_its_order_or_a_delivery_keeps_its_name(reader: Reader, directory: Directory, text: str, title: str) -> None:
    action = read(reader, directory, text)
    assert action.tool == "crm_create_appointment" and action.arguments["title"] == title


def test_a_field_typed_a_letter_off_then_a_reason_is_asked_not_noted(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "phoen for thomas thibodeau? she asked me to call back")
    assert action.tool == "crm_facts" and action.arguments["fields"] == ["phone"]


def test_the_newest_note_asked_with_typos_reads_it(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "job #1007 whats th newet note say")
    assert action.tool == "crm_facts" and action.arguments == {"fields": ["notes"], "job_id": 1007}


def test_every_install_in_a_range_is_the_calendar_but_moving_one_is_not(reader: Reader, directory: Directory) -> None:
    action = read(reader, directory, "evvery install from today to 12/4")
    assert action.tool == "crm_appointments" and action.arguments == {"start": "2026-11-23", "end": "2026-12-04", "kind": "install"}
    assert read(reader, directory, "move the install from today to 12/4").intent == "crm.reschedule"


def test_a_question_opening_on_anyones_condition_is_the_policy_not_the_job_in_focus(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "whats new on 2609-1043 ltely").focus
    assert read(reader, directory, "if they finance do they stil pay deposit", focus).agent == "knowledge"
    assert read(reader, directory, "whats the deposit on it", focus).tool == "crm_facts"


def test_make_the_note_rewords_the_pending_note(reader: Reader, directory: Directory) -> None:
    proposed = read(reader, directory, "#1018 add this to the nootes the lockbox code is the old one")
    calls = [{"tool": proposed.tool, "arguments": proposed.arguments}]
    corrected = read(reader, directory, "no make the note the lockbox code changed", proposed.focus, pending="crm", pending_calls=calls)
    assert corrected.tool == "crm_add_note" and corrected.arguments["note"] == "the lockbox code changed"


def test_the_latest_asks_the_stage_then_the_notes_and_rundown_is_a_look_up(reader: Reader, directory: Directory) -> None:
    latest = read(reader, directory, "whats the laetst w/ 1056")
    assert latest.tool == "crm_facts" and latest.arguments == {"fields": ["stage", "notes"], "job_id": 1056}, latest
    assert read(reader, directory, "1056 latest note").arguments["fields"] == ["notes"]
    rundown = read(reader, directory, "rundown on 1056 please")
    assert rundown.tool == "crm_facts" and rundown.arguments["job_id"] == 1056, rundown
    assert read(reader, directory, "lynch roof work which rep sold it").arguments.get("fields") == ["rep"]


def test_a_note_after_whose_notes_and_a_crew_told_is_taken_and_a_look_is_not_a_note(reader: Reader, directory: Directory) -> None:
    focus = read(reader, directory, "rundown on theresa sweeney roof pls").focus
    note = read(reader, directory, "for her roof notes, grandkids play in the yard, keep it clean", focus)
    assert note.tool == "crm_add_note" and note.arguments == {"job_id": 1001, "note": "grandkids play in the yard, keep it clean"}, note
    crew = read(reader, directory, "sweeneys roof crew should know wasp nest in the soffit on the back side")
    assert crew.tool == "crm_add_note" and crew.arguments["note"] == "wasp nest in the soffit on the back side", crew
    look = read(reader, directory, "can i see job 1047 real quick")
    assert look.tool == "crm_facts" and look.arguments["job_id"] == 1047, look
    asked = read(reader, directory, "1004 notes?")
    assert asked.tool == "crm_facts" and asked.arguments == {"fields": ["notes"], "job_id": 1004}, asked


def test_a_pending_write_corrected_by_the_trade_or_the_homeowners_time(reader: Reader, directory: Directory) -> None:
    note = [{"tool": "crm_add_note", "arguments": {"job_id": 1006, "note": "no smoking on site"}}]
    moved = read(reader, directory, "not windows, its gutters", pending="crm", pending_calls=note)
    assert moved.tool == "crm_add_note" and moved.arguments == {"job_id": 1053, "note": "no smoking on site"}, moved
    visit = [{"tool": "crm_create_appointment", "arguments": {"job_id": 1041, "title": "Final measurement", "start": "2026-11-25T15:30"}}]
    later = read(reader, directory, "custy asked for 2:15pm, can we do that", pending="crm", pending_calls=visit)
    assert later.tool == "crm_create_appointment" and later.arguments["start"] == "2026-11-25T14:15", later


def test_who_is_in_a_stage_lists_it_and_shorthand_names_the_stage(reader: Reader, directory: Directory) -> None:
    listed = read(reader, directory, "whos in follow up right now")
    assert listed.tool == "crm_jobs_in_stage" and listed.arguments == {"stage": "Follow Up"}, listed
    focus = read(reader, directory, "check on lynchs roof real fast").focus
    sched = read(reader, directory, "back to his job, its on the sched", focus)
    assert sched.tool == "crm_change_stage" and sched.arguments == {"job_id": 1028, "stage": "Scheduled"}, sched
