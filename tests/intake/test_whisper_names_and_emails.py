"""The name and the email of one dictation put right by each other, and more of Whisper's
written forms of emails, phones, places and trades (worked out on bench/voice_dev_cases.jsonl)."""

from __future__ import annotations

import pytest

from harde.understanding.dictation import parse_customer
from harde.understanding.dictation.reconcile import (
    reconcile_email,
    sound_key,
    sounds_alike,
    spelled_words,
)
from harde.understanding.dictation.spoken import clean_speech


# --- the email's local part written as the name it sounds like ------------------------------
@pytest.mark.parametrize(
    ("email", "first", "last", "meant"),
    [
        ("knewin@yahoo.com", "Kevin", "Nguyen", "knguyen@yahoo.com"),
        ("bwaltch@hotmail.com", "Brian", "Walsh", "bwalsh@hotmail.com"),
        ("clair.dubois@gmail.com", "Claire", "Dubois", "claire.dubois@gmail.com"),
        ("fadima.hadid@outlook.com", "Fatima", "Hadid", "fatima.hadid@outlook.com"),
        ("deniseoconnel@gmail.com", "Denise", "O'Connell", "deniseoconnell@gmail.com"),
    ],
)
def test_a_local_part_that_sounds_like_the_name_is_written_as_the_name(email: str, first: str, last: str, meant: str) -> None:
    assert reconcile_email(email, first, last, set()) == meant


@pytest.mark.parametrize(
    ("email", "first", "last"),
    [
        # Nicknames and shortenings sound otherwise: the rep said them.
        ("jess.moreau@gmail.com", "Jessica", "Moreau"),
        ("tony.marino@comcast.net", "Anthony", "Marino"),
        ("kate@yahoo.com", "Katie", "Moran"),
        ("steve.pierce@gmail.com", "Steven", "Pierce"),
        ("mike@sheehanplumbing.com", "Michael", "Sheehan"),
        # Another name, an initial, the name itself, digits: left alone.
        ("sarahjohnson@gmail.com", "Sarah", "Johnston"),
        ("kwalsh@gmail.com", "Karen", "Walsh"),
        ("karenw@gmail.com", "Karen", "Walsh"),
        ("walshe@verizon.net", "Emily", "Walsh"),
        ("hayess@gmail.com", "Sarah", "Hayes"),
        ("dwalsh77@gmail.com", "Dan", "Walsh"),
        ("info@walshroofing.com", "Dan", "Walsh"),
    ],
)
def test_a_local_part_that_only_looks_like_the_name_stays(email: str, first: str, last: str) -> None:
    assert reconcile_email(email, first, last, set()) is None


def test_spelled_letters_are_never_rewritten() -> None:
    assert reconcile_email("clair@gmail.com", "Claire", "Dubois", {"clair"}) is None


def test_sound_keys() -> None:
    assert sound_key("newin") == sound_key("nguyen")
    assert sound_key("claire") == sound_key("clair")
    assert sound_key("kate") != sound_key("katie")
    assert not sounds_alike("jess", "jessica")


def test_spelled_words_in_whispers_forms() -> None:
    assert [w for w, _, _ in spelled_words("Karen Cheymansky. S-Z-Y-M-A-N-S-K-I. Phone")] == ["szymanski"]
    assert [w for w, _, _ in spelled_words("Hannah Ken, K I M, cell")] == ["kim"]
    assert [w for w, _, _ in spelled_words("Hannah Ken, KIM, cell")] == ["kim"]


def test_the_dictation_gets_the_email_written_as_the_name_and_marked_to_check() -> None:
    draft = parse_customer("Ok, new client is Kevin Nguyen. Kevin lives at 42 Pleasant Street. Email is knewin at yahoo dot com, gutters")
    assert (draft.first_name, draft.last_name, draft.email) == ("Kevin", "Nguyen", "knguyen@yahoo.com")
    assert "email" in draft.unsure
    assert draft.heard["email"] == "knewin at yahoo dot com"  # what was heard, shown beside it


def test_a_last_name_spelled_after_it_wins_and_carries_into_the_email() -> None:
    draft = parse_customer("New customer, Hannah Ken, KIM, cell 617-255-8941. Email Hannah Ken at gmail dot com")
    assert (draft.last_name, draft.email) == ("Kim", "hannahkim@gmail.com")
    draft = parse_customer("New customer, Karen Shimansky, S-Z-Y-M-A-N-S-K-I, cell 413 592 3310, email karen shimansky at comcast dot net")
    assert (draft.last_name, draft.email) == ("Szymanski", "karenszymanski@comcast.net")
    # Letters of another word are not the name's spelling.
    assert parse_customer("New customer Hannah Kim, HVAC contractor, cell 617-255-8941").last_name == "Kim"


def test_an_email_spelled_out_puts_the_name_right() -> None:
    draft = parse_customer("New customer Mike O'Brian, 617 555 0123, the email is m-o-b-r-i-e-n at yahoo dot com")
    assert (draft.last_name, draft.email) == ("O'Brien", "mobrien@yahoo.com")
    assert "name" in draft.unsure


# --- emails as Whisper writes them ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("heard", "meant"),
    [
        ("Email Chris Hayes, a contest dot net, roof", "Email Chris Hayes, at comcast dot net, roof"),
        ("Email P Doherty at contest dot net.", "Email P Doherty at comcast dot net."),
        ("Bridget Flaherty, a concussed dot net, 8 Winter", "Bridget Flaherty, at comcast dot net, 8 Winter"),
        ("Email beckystone at awell dot com.", "Email beckystone at aol dot com."),
        ("Mobile 978-469-0255-E-mail-jen lyons at yahoo", "Mobile 9784690255, E-mail jen lyons at yahoo"),
    ],
)
def test_whispers_forms_of_emails(heard: str, meant: str) -> None:
    assert clean_speech(heard) == meant


@pytest.mark.parametrize(
    "text",
    [
        "Email tom at contest dot com",  # a .com of that name may be real
        "she has a cat dot com mug",
    ],
)
def test_what_only_looks_like_an_email_form_is_left_alone(text: str) -> None:
    assert clean_speech(text) == text


def test_the_at_after_a_comma_still_ends_the_local_part() -> None:
    draft = parse_customer("New customer Chris Hayes, 603 598 3317, Email Chris Hayes, at comcast dot net, roof leak.")
    assert draft.email == "chrishayes@comcast.net"


# --- phones as Whisper writes them ---------------------------------------------------------------
def test_four_heard_as_for_before_the_rest_of_the_number() -> None:
    assert clean_speech("phone for 1 3 7 3 6 2 0 8 1, address") == "phone 4137362081, address"
    assert clean_speech("cell for 2 years now") == "cell for 2 years now"


def test_a_last_oh_heard_as_the_next_sentence_is_the_last_digit_to_confirm() -> None:
    draft = parse_customer("New lead Karen Walsh. Her phone is 781, 554, 183. Oh, her email is Karen Walsh at hotmail dot com.")
    assert draft.phone == "7815541830" and "phone" in draft.unsure
    assert draft.email == "karenwalsh@hotmail.com"
    assert parse_customer("New lead Karen Walsh. Her phone is 781, 554, 1830. Oh, and she wants gutters.").phone == "7815541830"


# --- places as Whisper writes them ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("heard", "meant"),
    [
        ("Newton, Mass, 024-6o, siding", "Newton, Mass, 02460, siding"),
        ("address 1 15 state street, Springfield", "address 115 state street, Springfield"),
        ("he has 2 12 foot ladders on Elm Street", "he has 2 12 foot ladders on Elm Street"),
    ],
)
def test_whispers_forms_of_zips_and_house_numbers(heard: str, meant: str) -> None:
    assert clean_speech(heard) == meant


@pytest.mark.parametrize(
    ("heard", "town"),
    [
        ("address 4 Chestnut Street, Obero, Mass, 02703, gutters", "Attleboro"),
        ("address 23 school street, didn't, mass, 02026.", "Dedham"),
        ("address 70 Lincoln Road, True Spirit, Mass, 01545, gutters", "Shrewsbury"),
    ],
)
def test_a_town_heard_as_no_town_is_the_zips_town_it_sounds_like(heard: str, town: str) -> None:
    draft = parse_customer(heard)
    assert draft.city == town and "city" in draft.unsure


def test_a_zip_one_digit_short_after_its_state_is_the_town_it_sounds_like() -> None:
    draft = parse_customer("Kevin lives at 42 Pleasant Street in Melbourne. Mass 0248, best number 781-624-9910.")
    assert (draft.city, draft.state, draft.zip) == ("Malden", "MA", "02148")


# --- names and trades as Whisper writes them ------------------------------------------------------
def test_a_first_name_written_in_lower_case_is_still_the_name() -> None:
    draft = parse_customer("Add a new customer, ingrid Olsen, phone 781, 746, 2013, address 99 Lowell Street, Reading, Mass")
    assert (draft.first_name, draft.last_name) == ("Ingrid", "Olsen")


def test_siding_as_a_recogniser_hears_it() -> None:
    assert parse_customer("Ravi Patel, 412 Church Street, Taunton, one spinal sighting on the garage").trade == "SIDING"
    assert parse_customer("Ravi Patel, 412 Church Street, Taunton, new roof, no sighting of leaks").trade == "ROOFING"
