"""The scripting specialist over several turns, offline, through `Assistant.ask`; and `harde script`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harde.assistant import Assistant
from harde.cli import main
from harde.config import Settings
from harde.integrations.crm.local import load_demo
from harde.integrations.speech.audio import wav_duration
from harde.scripting.models import count_words
from harde.state.conversation import ConversationState


@pytest.fixture
def assistant(settings: Settings) -> Assistant:
    load_demo(settings)
    return Assistant(settings)


async def state_of(assistant: Assistant, conversation_id: str) -> ConversationState:
    state = await assistant.store.load_state(conversation_id)
    assert state is not None
    return state


def words_in(answer: str) -> int:
    draft = answer.split("read aloud.\n\n", 1)[1].split("\n\nSay **shorter**", 1)[0].split("\n\nSources:")[0]
    return count_words(draft)


async def test_primer_conversation_asks_only_for_what_is_missing_and_takes_revisions(assistant: Assistant) -> None:
    turn = await assistant.ask("Generate a primer script for John Smith")
    cid = turn.conversation_id
    assert turn.agent == "scripting" and turn.tools == ["start_script"]
    assert "3 jobs" in turn.answer and "Which one" in turn.answer
    assert "Smith roof replacement" in turn.answer and "Smith gutters" in turn.answer

    turn = await assistant.ask("the first one", conversation_id=cid)
    assert turn.tools == ["choose_script_job"]
    assert "What should the primer focus on?" in turn.answer
    assert (await state_of(assistant, cid)).script.job_id == "1021"

    turn = await assistant.ask("architectural shingles", conversation_id=cid)
    assert turn.tools == ["set_script_focus"]
    assert "Hi John, this is Mike from Summit Ridge Exteriors." in turn.answer
    assert "architectural shingles" in turn.answer
    first_length = words_in(turn.answer)
    assert 150 <= first_length <= 300

    turn = await assistant.ask("shorter", conversation_id=cid)
    assert turn.tools == ["revise_script"]
    assert 150 <= words_in(turn.answer) < first_length

    turn = await assistant.ask("mention the 50-year warranty", conversation_id=cid)
    assert "I also want to mention the 50-year warranty." in turn.answer

    turn = await assistant.ask("more casual", conversation_id=cid)
    assert "Hey John!" in turn.answer and "50-year warranty" in turn.answer
    state = await state_of(assistant, cid)
    assert [r.instruction for r in state.script.revisions] == ["shorter", "mention the 50-year warranty", "more casual"]
    assert state.script.tone == "casual" and state.script.mentions == ["the 50-year warranty"]

    turn = await assistant.ask("read it to me", conversation_id=cid)
    assert turn.tools == ["read_script_aloud"]
    (attachment,) = turn.attachments
    assert attachment["kind"] == "audio" and attachment["label"].startswith("Script for John Smith")
    spoken = wav_duration(Path(attachment["path"]))
    words = count_words(state.script.draft)
    assert words / 220 * 60 < spoken < words / 100 * 60


async def test_naming_the_job_skips_the_which_job_question(assistant: Assistant) -> None:
    turn = await assistant.ask("Generate a primer script for John Smith's roof replacement")
    assert "Which one" not in turn.answer
    assert "Smith roof replacement" in turn.answer and "focus on" in turn.answer
    turn = await assistant.ask("no focus, just write it", conversation_id=turn.conversation_id)
    assert "Hi John" in turn.answer and "You asked about" not in turn.answer


async def test_job_number_answer_and_sales_script(assistant: Assistant) -> None:
    turn = await assistant.ask("Write a sales script for job 1043")
    assert turn.tools == ["start_script"]
    assert "[Opening]" in turn.answer and "Hi Kathleen" in turn.answer
    assert "window" in turn.answer.lower()


async def test_unknown_customer_is_said_plainly(assistant: Assistant) -> None:
    turn = await assistant.ask("Generate a primer script for Zebulon Quartermaine")
    assert "couldn't find" in turn.answer
    assert turn.attachments == []


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from harde.config import get_settings

    monkeypatch.setenv("HARDE_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("HARDE_LLM", "offline")
    monkeypatch.setenv("HARDE_CRM", "local")
    get_settings.cache_clear()
    load_demo(settings)


@pytest.mark.usefixtures("cli_env")
@pytest.mark.parametrize("job", ["1021", "2609-1043", "1064"])
def test_cli_writes_and_voices_a_script_for_a_demo_job(job: str, tmp_path: Path) -> None:
    out = tmp_path / "primer.mp3"
    result = CliRunner().invoke(main, ["script", "--job", job, "--type", "primer", "--audio", str(out), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"script", "word_count", "audio", "duration_s"}
    assert 150 <= data["word_count"] <= 300
    assert data["audio"] == str(out.resolve()) and out.stat().st_size > 10_000
    assert data["word_count"] / 220 * 60 < data["duration_s"] < data["word_count"] / 100 * 60


@pytest.mark.usefixtures("cli_env")
def test_cli_by_customer_standard_script_as_text() -> None:
    result = CliRunner().invoke(main, ["script", "--customer", "Kathleen Murphy", "--type", "standard"])
    assert result.exit_code == 0, result.output
    assert "[Opening]" in result.output and "Kathleen" in result.output


@pytest.mark.usefixtures("cli_env")
def test_cli_unknown_job_fails_with_a_message() -> None:
    result = CliRunner().invoke(main, ["script", "--job", "999999"])
    assert result.exit_code != 0
    assert "couldn't find job 999999" in result.output
