"""Image markdown from outside never makes the browser fetch anything but our own static files."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harde.ui.safe_markdown import safe_markdown
from tests.ui.rendered import is_own_static, links, loaded_images

BEACON = "http://127.0.0.1:9/beacon.gif"


def test_without_the_sanitiser_a_note_would_load_the_beacon() -> None:
    # The attack as it stood: the renderer fetches the image.
    assert loaded_images(f"Called, left vm ![x]({BEACON})") == [BEACON]


@pytest.mark.parametrize(
    "text",
    [
        f"Called, left vm ![x]({BEACON})",
        f"![x]({BEACON} \"title\")",
        f"![x][beacon]\n\n[beacon]: {BEACON}",
        "![beacon]\n\n[beacon]: " + BEACON,
        f"!![x]({BEACON})",
        f"![x](<{BEACON}>)",
        f"![a\\](/app/static/x.png) ]({BEACON})",
        f"![a `](/app/static/x.png)` b]({BEACON})",
        f'![a <b title="](/app/static/x.png)"> c]({BEACON})',
        f"![outer ![inner](/app/static/ok.png)]({BEACON})",
        "![x](//127.0.0.1:9/beacon.gif)",
        "![x](/app/static/../../beacon.gif)",
        f"| a | b |\n|---|---|\n| ![x]({BEACON}) | 1 |",
        f"* item ![x]({BEACON})\n* two",
    ],
)
def test_an_outside_image_becomes_a_link(text: str) -> None:
    safe = safe_markdown(text)
    assert [src for src in loaded_images(safe) if not is_own_static(src)] == []


def test_the_image_is_shown_as_a_link_to_the_same_address() -> None:
    safe = safe_markdown(f"Called ![the beacon]({BEACON}) back")
    assert safe == f"Called [the beacon]({BEACON}) back"
    assert links(safe) == [BEACON]


def test_our_own_static_images_still_show() -> None:
    text = 'Here: ![chart](/app/static/primers/job-1043.png "Job 1043") and ![logo](app/static/logo.png)'
    assert safe_markdown(text) == text
    assert loaded_images(text) == ["/app/static/primers/job-1043.png", "app/static/logo.png"]


def test_text_without_images_is_unchanged() -> None:
    text = "**Price objection** — acknowledge it! [Source](https://example.com/a) `code` 50%!"
    assert safe_markdown(text) == text


_ALPHABET = st.sampled_from(
    ["!", "[", "]", "(", ")", "\\", "`", "<", ">", '"', " ", "\n", "x", ":", "/", "app/static/", "a.png",
     "http://127.0.0.1:9/b.gif", "//h/", "..", "*", "|", "-", "[r]: ", "&#33;", "&#91;"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_no_arrangement_of_markdown_loads_an_outside_image(text: str) -> None:
    safe = safe_markdown(text)
    assert [src for src in loaded_images(safe) if not is_own_static(src)] == []
