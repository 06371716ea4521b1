"""The primer as slides: captions on espeak-ng's word times, slides on the script's sections,
the brand folder's logo and colours in the frames, and the pipeline's run making all of it."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PIL import Image

from harde.errors import ConfigurationError
from harde.integrations.speech.audio import spoken_text
from harde.integrations.speech.espeak import EspeakSpeech, _Espeak, say_phone_numbers
from harde.integrations.video.branding import load_branding
from harde.integrations.video.ffmpeg import probe, run_ffmpeg
from harde.integrations.video.ffmpeg_renderer import TAIL_S, FfmpegRenderer
from harde.integrations.video.storyboard import (
    build_storyboard,
    caption_lines,
    even_split,
    section_starts,
)
from harde.workflows.primer_slides import primer_slides

SECTIONS = [
    (0, "Hi Julie, this is Kevin from Summit Ridge Exteriors."),
    (1, "I made this short video so you know what to expect with your roof replacement in Needham."),
    (3, "When we look at a roof, we check the decking, the flashing and the attic ventilation."),
    (4, "A roof is one of the biggest investments you'll make in your home."),
    (7, "When we meet, we'll walk around the house together and answer your questions."),
    (9, "Thanks again for considering Summit Ridge Exteriors, Julie."),
]
TEXT = "\n\n".join(t for _, t in SECTIONS)
CONTEXT = {"first_name": "Julie", "city": "Needham", "project": "roof replacement",
           "rep_name": "Kevin Shea", "stage_name": "Lead", "phone": "(617) 555-0113"}  # fmt: skip


async def test_captions_follow_espeaks_word_times_to_the_end_of_the_voice(tmp_path: Path) -> None:
    speech = EspeakSpeech()
    voiced = await speech.synthesize(TEXT, tmp_path / "voice.wav")
    words = await speech.word_timings(TEXT)
    assert [w for w, _, _ in words] == spoken_text(TEXT).split()
    starts = [s for _, s, _ in words]
    assert starts == sorted(starts) and starts[0] == 0.0
    assert abs(words[-1][2] - voiced.duration_s) < 0.05  # the last word ends with the audio
    # A long word takes longer than a short one: these are measured, not an even split.
    length = {w.strip(",."): e - s for w, s, e in words}
    assert length["ventilation"] > length["the"] * 2
    captions = caption_lines(words)
    assert " ".join(c.text for c in captions) == " ".join(spoken_text(TEXT).split())
    assert all(a.end_s <= b.start_s + 1e-6 for a, b in itertools.pairwise(captions))


def test_espeak_says_a_phone_number_digit_by_digit() -> None:
    text = "Call me at (617) 555-0111, or 617-555-0100. Job 1043 is 12,500 dollars."
    said, source = say_phone_numbers(text)
    assert said == "Call me at 6 1 7, 5 5 5, 0 1 1 1, or 6 1 7, 5 5 5, 0 1 0 0. Job 1043 is 12,500 dollars."
    assert len(source) == len(said) and source == sorted(source)
    assert all(text[source[i]] == ch for i, ch in enumerate(said) if ch.isdigit())  # each digit is its own
    # The voice is the digits' (the same length to a few samples), not espeak's own reading of
    # the written number ("six hundred seventeen, five hundred fifty-five, dash"), much longer.
    speech = EspeakSpeech()
    voiced = len(speech._voice_now(text).samples)
    assert abs(voiced - len(speech._voice_now(said).samples)) < voiced * 0.01
    assert len(_Espeak.get().speak(text, speech.voice_name, speech.rate_wpm, speech.pitch)) > voiced * 1.1


async def test_captions_show_the_written_number_timed_to_its_spoken_digits() -> None:
    text = "If you ever need us, call me at (617) 555-0111. Thanks, John."
    words = await EspeakSpeech().word_timings(text)
    assert [w for w, _, _ in words] == text.split()
    starts = [s for _, s, _ in words]
    assert all(a < b for a, b in itertools.pairwise(starts))  # every word, the number's too, has its own time
    timed = {w: e - s for w, s, e in words}
    assert timed["555-0111."] > timed["(617)"] > timed["me"]  # seven digits take longer than three


def test_a_sentence_too_long_for_one_caption_is_split_evenly_not_with_an_orphan() -> None:
    text = "Thanks again for considering Summit Ridge Exteriors, Julie. If a question comes up before we start, call me at (617) 555-0111."
    lines = [c.text for c in caption_lines(even_split(text, 12.0))]
    assert lines == [
        "Thanks again for considering", "Summit Ridge Exteriors, Julie.",
        "If a question comes up before we", "start, call me at (617) 555-0111.",
    ]  # fmt: skip
    long_one = caption_lines(even_split("word " * 5000 + "end.", 2000.0))  # bounded on any input
    assert all(len(c.text.split()) <= 7 for c in long_one)


def test_an_even_split_covers_the_voice_when_the_backend_reports_no_words() -> None:
    words = even_split(TEXT, 30.0)
    assert len(words) == len(spoken_text(TEXT).split())
    assert words[0][1] == 0.0 and abs(words[-1][2] - 30.0) < 0.01


def test_slides_start_when_their_section_is_spoken() -> None:
    words = even_split(TEXT, 40.0)
    slides = primer_slides(TEXT, SECTIONS, CONTEXT, "Summit Ridge Exteriors")
    assert [s.kind for s in slides] == ["greeting", "look", "product", "next", "sign_off"]
    assert (slides[0].title, slides[0].subtitle) == ("Hi Julie", "Your roof replacement in Needham")
    assert slides[1].title == "What we'll look at"
    assert (slides[-1].title, slides[-1].subtitle) == ("Kevin Shea", "Summit Ridge Exteriors · (617) 555-0113")
    board = build_storyboard(slides, words, 40.0)
    starts = section_starts([s.spoken for s in slides], words)
    assert [s.start_s for s in board.slides] == [0.0, *starts[1:]]
    assert all(a.end_s == b.start_s for a, b in zip(board.slides, board.slides[1:], strict=False))
    first_of_look = next(w for w in words if w[0] == "When")
    assert board.slides[1].start_s == first_of_look[1]


def test_the_last_slide_shows_no_number_when_the_company_gave_none() -> None:
    slides = primer_slides(TEXT, SECTIONS, {**CONTEXT, "phone": ""}, "Summit Ridge Exteriors")
    assert (slides[-1].title, slides[-1].subtitle) == ("Kevin Shea", "Summit Ridge Exteriors")


def test_a_model_draft_without_sections_still_gets_every_slide() -> None:
    slides = primer_slides(TEXT, [], CONTEXT, "Summit Ridge Exteriors")
    assert [s.kind for s in slides] == ["greeting", "look", "product", "next", "sign_off"]


def test_a_brand_folder_with_a_bad_colour_is_refused(tmp_path: Path) -> None:
    (tmp_path / "brand.toml").write_text('colour_a = "blue-ish"\n')
    with pytest.raises(ConfigurationError, match="colour_a"):
        load_branding("Summit Ridge Exteriors", tmp_path)


async def _frame(video: Path, at: float, out: Path) -> Image.Image:
    await run_ffmpeg(["-y", "-ss", f"{at:.2f}", "-i", str(video), "-frames:v", "1", str(out)])
    return Image.open(out).convert("RGB")


async def test_the_video_shows_each_slide_in_the_brands_look_with_captions(tmp_path: Path) -> None:
    brand = tmp_path / "brand"
    brand.mkdir()
    Image.new("RGB", (240, 80), (255, 0, 255)).save(brand / "logo.png")
    (brand / "brand.toml").write_text('colour_a = "#204020"\ncolour_b = "#204020"\n')
    branding = load_branding("Summit Ridge Exteriors", brand)
    speech = EspeakSpeech()
    voiced = await speech.synthesize(TEXT, tmp_path / "voice.wav")
    words = await speech.word_timings(TEXT)
    slides = primer_slides(TEXT, SECTIONS, CONTEXT, branding.company_name)
    board = build_storyboard(slides, words, voiced.duration_s)
    renderer = FfmpegRenderer(tmp_path / "cache", branding)
    result = await renderer.render(voiced.path, tmp_path / "out" / "primer.mp4", run_key="t", storyboard=board)

    info = await probe(result.path)
    assert (info.video_codec, info.audio_codec, info.width, info.height) == ("h264", "aac", 1280, 720)
    assert abs(result.duration_s - (voiced.duration_s + TAIL_S)) < 0.05
    frames = []
    for i, slide in enumerate(board.slides):
        middle = (slide.start_s + min(slide.end_s, result.duration_s)) / 2
        frames.append(await _frame(result.path, middle, tmp_path / f"f{i}.png"))
    assert len({f.tobytes() for f in frames}) == len(frames)  # every slide looks different
    for frame in frames:
        assert frame.getpixel((64 + 100, 36 + 40)) == pytest.approx((255, 0, 255), abs=40)  # the logo
        r, g, b = frame.getpixel((1200, 300))  # the brand's colour behind the title
        assert abs(r - 0x20) < 25 and abs(g - 0x40) < 25 and abs(b - 0x20) < 25
        band = frame.crop((200, 620, 1080, 680)).convert("L").getextrema()
        assert band[0] < 40 and band[1] > 200  # dark caption band with white words on it
