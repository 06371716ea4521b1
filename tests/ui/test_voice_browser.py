"""Voice in a real browser, with no keys: Chromium's fake microphone plays a dictation that
espeak-ng made into the chat input's mic; the customer card fills in. Then, with the speaker
on, an answer comes back as audio that plays by itself."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from harde.integrations.speech.audio import PcmAudio, silence
from harde.integrations.speech.espeak import EspeakSpeech
from tests.deploy.loopback_site import free_port, require_tool, running_streamlit

DICTATION = (
    "new customer Sarah Johnson, six one seven, five five five, zero one two three, "
    "sarah at gmail dot com, twelve Elm Street, Quincy, Mass"
)
# The fake microphone plays its file in a loop: a long silence after the words keeps the
# recording to one reading of them.
TRAILING_SILENCE_S = 30.0


def _dictation_wav(path: Path) -> float:
    """The dictation as the fake microphone's WAV; returns how long the words take."""
    audio = asyncio.run(EspeakSpeech(rate_wpm=150).voice(DICTATION))
    lead = silence(0.5, audio.sample_rate)
    path.write_bytes(PcmAudio(lead + audio.samples + silence(TRAILING_SILENCE_S, audio.sample_rate), audio.sample_rate).to_wav_bytes())
    return 0.5 + audio.duration_s


@pytest.mark.slow
@pytest.mark.timeout(420)
def test_dictating_into_the_mic_fills_the_customer_card_and_the_answer_is_spoken(tmp_path: Path) -> None:
    chromium = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    wav = tmp_path / "dictation.wav"
    speaking_s = _dictation_wav(wav)
    port = free_port()
    with running_streamlit(tmp_path / "app", port), sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=[
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-audio-capture={wav}",
                "--autoplay-policy=no-user-gesture-required",
                "--no-proxy-server",
            ],
        )
        try:
            origin = f"http://127.0.0.1:{port}"
            # HARDE_AUTH=proxy, as deployed: the person is the header nginx would set.
            context = browser.new_context(extra_http_headers={"X-Remote-User": "dwhitaker"})
            context.grant_permissions(["microphone"], origin=origin)
            page = context.new_page()
            page.goto(origin + "/")
            page.get_by_text("Your sales director").wait_for(timeout=90_000)

            page.get_by_test_id("stChatInputMicButton").click()
            page.get_by_test_id("stChatInputApproveButton").wait_for(timeout=10_000)
            time.sleep(speaking_s + 1.0)  # the fake microphone speaks in real time
            page.get_by_test_id("stChatInputApproveButton").click()

            card = page.get_by_text("New customer in progress")
            card.wait_for(timeout=120_000)
            sidebar = page.get_by_test_id("stSidebar")
            sidebar.get_by_text("Heard:").wait_for(timeout=10_000)
            shown = sidebar.inner_text()
            # The street and town depend on how tiny.en hears "twelve Elm" through a fake
            # microphone whose start drifts; the name, phone and email must be there.
            for value in ("first name: Sarah", "last name: Johnson", "phone number: 6175550123", "email: sarah@gmail.com"):
                assert value in shown, f"{value!r} is not on the card:\n{shown}"
            assert "Quincy" in shown.split("Heard:", 1)[1]
            assert page.get_by_test_id("stChatMessage").first.get_by_text("dictated").count() == 1

            # The speaker on: the next answer comes back as audio that plays by itself.
            spoken = page.get_by_test_id("stChatMessage").locator("audio")
            assert spoken.count() == 0
            page.get_by_text("Read answers aloud").click()
            page.get_by_test_id("stChatInputTextArea").fill("skip")
            page.keyboard.press("Enter")
            spoken.first.wait_for(state="attached", timeout=120_000)
            assert spoken.first.get_attribute("autoplay") is not None
            # The browser loaded the voiced answer: it knows how long it is.
            page.wait_for_function(
                "() => [...document.querySelectorAll('[data-testid=stChatMessage] audio')].some(a => a.duration > 0.5)",
                timeout=30_000,
            )
        finally:
            browser.close()


@pytest.mark.slow
@pytest.mark.timeout(420)
def test_hands_free_listens_after_the_spoken_answer_and_sends_on_silence(tmp_path: Path) -> None:
    """No click on the mic: the answer is read aloud, then the page records the dictation
    from the fake microphone, stops when it goes quiet, and the customer card fills in."""
    chromium = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    wav = tmp_path / "dictation.wav"
    _dictation_wav(wav)
    port = free_port()
    with running_streamlit(tmp_path / "app", port), sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=[
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-audio-capture={wav}",
                "--autoplay-policy=no-user-gesture-required",
                "--no-proxy-server",
            ],
        )
        try:
            origin = f"http://127.0.0.1:{port}"
            context = browser.new_context(extra_http_headers={"X-Remote-User": "dwhitaker"})
            context.grant_permissions(["microphone"], origin=origin)
            page = context.new_page()
            page.goto(origin + "/")
            page.get_by_text("Your sales director").wait_for(timeout=90_000)

            sidebar = page.get_by_test_id("stSidebar")
            assert sidebar.get_by_text("Hands-free").count() == 0  # it follows the speaker
            sidebar.get_by_text("Read answers aloud").click()
            sidebar.get_by_text("Hands-free").click()
            page.get_by_test_id("stChatInputTextArea").fill("what can you do?")
            page.keyboard.press("Enter")

            # The answer plays to its end; then the page listens, hears the dictation, and
            # sends it by itself once the fake microphone falls silent.
            page.wait_for_function(
                "() => [...document.querySelectorAll('[data-testid=stChatMessage] audio')].some(a => a.ended)",
                timeout=120_000,
            )
            page.locator('.hands-free[data-state="hearing"]').wait_for(timeout=30_000)
            page.get_by_text("New customer in progress").wait_for(timeout=120_000)
            sidebar.get_by_text("Heard:").wait_for(timeout=10_000)
            shown = sidebar.inner_text()
            for value in ("first name: Sarah", "last name: Johnson", "phone number: 6175550123", "email: sarah@gmail.com"):
                assert value in shown, f"{value!r} is not on the card:\n{shown}"
            assert page.get_by_test_id("stChatInputMicButton").count() == 1
            dictated = page.get_by_test_id("stChatMessage").filter(has_text="Sarah").first
            assert dictated.get_by_text("dictated").count() == 1
        finally:
            browser.close()
