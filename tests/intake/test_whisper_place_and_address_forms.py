"""More of what Whisper writes for dictated details: a ZIP's leading "oh" heard as "a" or run
into "zippo", the ZIP glued to the state, an address run into one word with its "at" heard as
"it", a ZIP one digit short, a town misheard; the ZIP and the town then put each other right."""

from __future__ import annotations

import pytest

from harde.understanding.dictation import parse_customer
from harde.understanding.dictation.spoken import clean_speech
from harde.understanding.dictation.trades import find_trades


@pytest.mark.parametrize(
    ("heard", "meant"),
    [
        ("Lynn, Mass, Zippo 1-904, roof", "Lynn, Mass, zip 01904, roof"),
        ("Lynn, Mass, zippo 1904.", "Lynn, Mass, zip 01904."),
        ("Woburn, Mass, a 1-801, siding", "Woburn, Mass 01801, siding"),
        ("Woburn, Massachusetts a 1 8 0 1.", "Woburn, Massachusetts 01801."),
        ("Keene, New Hampshire, a 3-431.", "Keene, New Hampshire 03431."),
        ("Woburn, Mass-01-801, windows", "Woburn, Mass 01801, windows"),
        ("Email is pdunneityahoo dot com, gutters", "Email is pdunne at yahoo dot com, gutters"),
        ("email is www.rosa.vegaithotmail.com.", "email is rosa.vega at hotmail.com."),
        ("email TomasReyesetgmail.com, roof", "email TomasReyes at gmail.com, roof"),
        ("email lkimedoutlook dot com", "email lkim at outlook dot com"),
        ("e-mail Rosa Vega, yahoo dot com, address", "e-mail Rosa Vega at yahoo dot com, address"),
        ("Rosaat email.com, 9 Oak", "Rosa at gmail.com, 9 Oak"),
        ("email rvegaat yahoo dot com", "email rvega at yahoo dot com"),
    ],
)
def test_whispers_written_forms_are_read_as_meant(heard: str, meant: str) -> None:
    assert clean_speech(heard) == meant


@pytest.mark.parametrize(
    "text",
    [
        "email rosa@gmail.com today",
        "rosa at gmail.com",
        "she has a 2 car garage in Mass",
        "write to info@mygutters.com",
        "the 1-800 number",
        "go to the flat beat.com",
        "a great deal.com",
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert clean_speech(text) == text


def test_an_address_run_into_one_word_is_read() -> None:
    draft = parse_customer("New customer Rosa Vega, cell 617 555 0142, email rosavegaithotmail dot com, 9 Oak Street, Lynn, Mass 01904")
    assert draft.email == "rosavega@hotmail.com"


def test_a_zip_one_digit_short_is_the_heard_towns_zip_and_is_marked_to_confirm() -> None:
    # "oh one nine oh four" heard as "0194": Lynn's only ZIP it can be.
    draft = parse_customer("New customer Rosa Vega, cell 617 555 0142, 9 Oak Street, Lynn, Mass 0194, roof")
    assert (draft.city, draft.state, draft.zip) == ("Lynn", "MA", "01904")
    assert "zip" in draft.unsure


def test_a_short_zip_that_fits_two_of_the_towns_zips_is_left_unfilled() -> None:
    # Newton has ZIPs 02459 and 02495: "0249" may be either.
    draft = parse_customer("New customer Rosa Vega, cell 617 555 0142, 9 Oak Street, Newton, Mass 0249, roof")
    assert draft.zip is None


def test_a_short_zip_keeps_to_the_state_said() -> None:
    # "0248" fits ZIPs in Connecticut too; a town heard as no town of the area must not pull the
    # record out of the state that was said.
    draft = parse_customer("New customer Rosa Vega, cell 617 555 0142, 9 Oak Street, Hebrun, Mass 0248, roof")
    assert draft.state == "MA"


def test_a_misheard_town_is_the_zips_town_it_sounds_like_and_is_marked_to_confirm() -> None:
    draft = parse_customer("New customer Rosa Vega, cell 617 555 0142, 9 Oak Street, Billurica, Mass 01821, roof")
    assert draft.city == "Billerica"
    assert "city" in draft.unsure


def test_a_town_the_state_was_misheard_after_is_found_before_the_zip() -> None:
    # "Norwood, Mass 02062" with "Mass" heard as "pass": the town is still before the ZIP.
    draft = parse_customer("New customer Rosa Vega, cell 617 555 0142, 9 Oak Street, Norwood, pass 02062, roof")
    assert draft.city == "Norwood"


def test_a_known_town_is_never_replaced_by_the_zips() -> None:
    # Said Salem with a Beverly ZIP: the rep said a real town; the mismatch is left to confirm.
    draft = parse_customer("New customer Rosa Vega, cell 617 555 0142, 9 Oak Street, Salem, Mass 01915, roof")
    assert draft.city == "Salem"


def test_a_town_unlike_the_zips_is_left_as_heard() -> None:
    draft = parse_customer("New customer Rosa Vega, cell 617 555 0142, 9 Oak Street, Zanzibar, Mass 01821, roof")
    assert draft.city == "Zanzibar"


@pytest.mark.parametrize("said", ["better guards", "she wants new guards", "got her guards"])
def test_gutter_guards_misheard_still_say_gutters(said: str) -> None:
    assert [t.trade for t in find_trades(said)] == ["GUTTERS"]


def test_guards_do_not_outweigh_a_trade_named_outright() -> None:
    assert [t.trade for t in find_trades("new roof, and the guards too")] == ["ROOFING"]


def test_state_street_is_a_street() -> None:
    draft = parse_customer("New client Maria Gonzalez, address one fifteen State Street, Springfield, Mass, oh one one oh three.")
    assert (draft.street, draft.city, draft.state, draft.zip) == ("115 State Street", "Springfield", "MA", "01103")
    assert parse_customer("12 Elm Street, Quincy, state MA, 02169").street == "12 Elm Street"
