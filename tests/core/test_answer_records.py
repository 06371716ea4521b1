"""What a turn did stays with its answer across a restart: the trail, the notices, the files, the
offers for a long paste; and the first screen's examples are ones the company's data answers."""

from __future__ import annotations

from harde.assistant import Assistant
from harde.config import Settings
from harde.integrations.crm.local import load_demo
from harde.knowledge import build_index

EMAIL = (
    "From: Linda Johnson <linda@example.com>\nTo: Dana Whitaker <dwhitaker@summitridge.example>\n"
    "Subject: Re: the roof on Maple Street, job 1012\n\nHi Dana,\n\n"
    "Thank you for coming out on Tuesday with the samples. Rob and I went through the brochure at the kitchen "
    "table and we would like the darker grey for the shingles, the one you called Charcoal. We are also thinking "
    "about the seamless gutters you mentioned, since the ones over the porch have been sagging since the storm. "
    "Could you send a price for those separately so we can compare? Please make sure the crew uses the magnet "
    "sweep at the end of each day. We have a dog, so the side gate has to stay closed. Rob works from home on "
    "Mondays and would prefer the noisy work happen on the other days if that is possible. The financing option "
    "with twelve months same as cash sounds good to us, and we can sign whenever the paperwork is ready.\n\n"
    "Thanks,\nLinda\n"
)


async def test_the_trail_notices_and_files_of_each_answer_survive_a_restart(settings: Settings) -> None:
    load_demo(settings)
    first = Assistant(settings)
    await first.ask("What's the status of the Johnson roof job?", "c")
    await first.ask("whats linda johnsons number " + "x " * 7000, "c")
    for text in ("Generate a primer script for John Smith's roof replacement", "focus on the shingles", "read it aloud"):
        spoken = await first.ask(text, "c")
    assert spoken.attachments and "Play it below" in spoken.answer
    await first.aclose()

    second = Assistant(settings)
    messages = await second.messages("c")
    answers = [m for m in messages if m.role == "assistant"]
    assert [m.turn for m in answers] == [0, 1, 2, 3, 4]
    assert all(m.record is not None for m in answers)
    status = answers[0].record
    assert status is not None
    assert (status.agent, status.flow, status.intent) == ("crm", "fast", "crm.facts")
    assert status.steps == ["looked job 1012 up in the CRM"]
    long = answers[1].record
    assert long is not None and long.notices == ["Your message was 14,027 characters; I used the first 12,000."]
    audio = answers[4].record
    assert audio is not None and audio.steps == ["recorded the script"]
    assert [a["kind"] for a in audio.attachments] == ["audio"]
    await second.aclose()


async def test_a_pasted_email_is_said_and_offers_a_note_on_its_job(settings: Settings) -> None:
    load_demo(settings)
    assistant = Assistant(settings)
    turn = await assistant.ask(EMAIL, "p")
    assert turn.notices == [f"That reads as an email ({len(EMAIL.strip()):,} characters)."]
    assert [o["label"] for o in turn.offers] == ["Add this email as a note to job 1012 (Johnson roof replacement)?"]
    note = await assistant.ask(turn.offers[0]["request"], "p")
    assert note.tools == ["crm_add_note"] and "Charcoal" in note.answer and "1012" in note.answer
    # A paste the reading already acts on is still said to be one, with nothing more offered.
    acted = await assistant.ask("Add a note to job 1043: " + EMAIL, "q")
    assert acted.tools == ["crm_add_note"] and acted.offers == [] and acted.notices[0].startswith("That reads as an email")
    short = await assistant.ask("What's the status of the Johnson roof job?", "s")
    assert short.offers == [] and short.notices == []
    await assistant.aclose()


async def test_every_example_on_the_first_screen_is_answered_at_once(settings: Settings) -> None:
    load_demo(settings)
    build_index(settings)
    assistant = Assistant(settings)
    examples = await assistant.examples()
    assert 4 <= len(examples) <= 6
    for example in examples:
        turn = await assistant.ask(example)
        assert turn.error is None and turn.agent != "triage" and turn.tools, (example, turn.answer[:200])
        assert "Which" not in turn.answer and "didn't follow" not in turn.answer, (example, turn.answer[:200])
    await assistant.aclose()
