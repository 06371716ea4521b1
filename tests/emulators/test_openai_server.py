"""The OpenAI test server, driven through the real `openai` client and the Agents SDK."""

from __future__ import annotations

import io
import json
import wave
from collections.abc import Iterator

import openai
import pytest
from openai import AsyncOpenAI

from harde.emulators.openai_server import OpenAITestServer, ToolCall


@pytest.fixture
def server() -> Iterator[OpenAITestServer]:
    with OpenAITestServer() as running:
        yield running


def client_for(
    server: OpenAITestServer, *, api_key: str = "test-key", **options: object
) -> AsyncOpenAI:
    options.setdefault("max_retries", 0)
    options.setdefault("timeout", 10.0)
    return AsyncOpenAI(base_url=server.base_url, api_key=api_key, **options)  # type: ignore[arg-type]


async def test_chat_completion_returns_the_queued_text(server: OpenAITestServer) -> None:
    server.enqueue_text("hello there")
    async with client_for(server) as client:
        completion = await client.chat.completions.create(
            model="gpt-4.1-mini", messages=[{"role": "user", "content": "hi"}]
        )
    assert completion.choices[0].message.content == "hello there"
    assert completion.choices[0].finish_reason == "stop"
    recorded = server.requests[-1]
    assert recorded.path == "/v1/chat/completions"
    assert recorded.json["messages"] == [{"role": "user", "content": "hi"}]
    assert "authorization" not in recorded.headers


async def test_chat_completion_answers_default_text_when_the_queue_is_empty(
    server: OpenAITestServer,
) -> None:
    server.default_text = "nothing queued"
    async with client_for(server) as client:
        completion = await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "x"}]
        )
    assert completion.choices[0].message.content == "nothing queued"


async def test_chat_completion_returns_several_tool_calls(server: OpenAITestServer) -> None:
    server.enqueue_tool_calls([("lookup", {"q": "smith"}), ToolCall("price", {"feet": 180})])
    async with client_for(server) as client:
        completion = await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "x"}]
        )
    choice = completion.choices[0]
    assert choice.finish_reason == "tool_calls"
    calls = choice.message.tool_calls or []
    assert [call.function.name for call in calls] == ["lookup", "price"]  # type: ignore[union-attr]
    assert json.loads(calls[1].function.arguments) == {"feet": 180}  # type: ignore[union-attr]


async def test_streamed_chat_text_arrives_word_by_word_with_usage(server: OpenAITestServer) -> None:
    server.enqueue_text("three little words")
    async with client_for(server) as client:
        stream = await client.chat.completions.create(
            model="m",
            messages=[{"role": "user", "content": "x"}],
            stream=True,
            stream_options={"include_usage": True},
        )
        chunks = [chunk async for chunk in stream]
    deltas = [
        c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content
    ]
    assert deltas == ["three ", "little ", "words"]
    assert chunks[0].choices[0].delta.role == "assistant"
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert chunks[-1].usage is not None and chunks[-1].usage.total_tokens > 0


async def test_streamed_chat_tool_call_arguments_reassemble(server: OpenAITestServer) -> None:
    server.enqueue_tool_call("get_job", {"job_id": 1043, "note": "call back on Tuesday"})
    async with client_for(server) as client:
        stream = await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "x"}], stream=True
        )
        chunks = [chunk async for chunk in stream]
    name = ""
    arguments = ""
    for chunk in chunks:
        for call in chunk.choices[0].delta.tool_calls or []:
            assert call.index == 0
            name += (call.function.name or "") if call.function else ""
            arguments += (call.function.arguments or "") if call.function else ""
    assert name == "get_job"
    assert json.loads(arguments) == {"job_id": 1043, "note": "call back on Tuesday"}
    assert chunks[-1].choices[0].finish_reason == "tool_calls"


async def test_citations_are_added_and_the_v1_prefix_is_optional(server: OpenAITestServer) -> None:
    server.citations = ["https://example.com/shingles"]
    server.enqueue_text("answer with sources")
    base = server.base_url.removesuffix("/v1")
    async with AsyncOpenAI(base_url=base, api_key="k", max_retries=0) as client:
        completion = await client.chat.completions.create(
            model="sonar", messages=[{"role": "user", "content": "x"}]
        )
    assert completion.choices[0].message.content == "answer with sources"
    assert completion.model_extra is not None
    assert completion.model_extra["citations"] == ["https://example.com/shingles"]
    assert server.requests[-1].path == "/chat/completions"


async def test_responder_answers_from_the_request(server: OpenAITestServer) -> None:
    server.responder = lambda request: f"you said {request['messages'][-1]['content']}"
    async with client_for(server) as client:
        completion = await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "ping"}]
        )
    assert completion.choices[0].message.content == "you said ping"


async def test_responses_api_non_streaming_text(server: OpenAITestServer) -> None:
    server.enqueue_text("a plain response")
    async with client_for(server) as client:
        response = await client.responses.create(model="m", input="hi")
    assert response.output_text == "a plain response"
    assert response.status == "completed"


async def test_responses_api_streams_text_events_in_order(server: OpenAITestServer) -> None:
    server.enqueue_text("streamed response text")
    async with client_for(server) as client:
        stream = await client.responses.create(model="m", input="hi", stream=True)
        events = [event async for event in stream]
    types = [event.type for event in events]
    assert types[:5] == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.content_part.added",
        "response.output_text.delta",
    ]
    assert types[-4:] == [
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.completed",
    ]
    deltas = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert deltas == "streamed response text"
    assert [e.sequence_number for e in events] == list(range(len(events)))
    completed = events[-1]
    assert completed.type == "response.completed"
    assert completed.response.output_text == "streamed response text"


async def test_responses_api_streams_a_function_call(server: OpenAITestServer) -> None:
    server.enqueue_tool_call("price_gutters", {"feet": 180, "size_in": 6})
    async with client_for(server) as client:
        stream = await client.responses.create(model="m", input="price gutters", stream=True)
        events = [event async for event in stream]
    types = [event.type for event in events]
    assert "response.function_call_arguments.delta" in types
    done = next(e for e in events if e.type == "response.function_call_arguments.done")
    assert json.loads(done.arguments) == {"feet": 180, "size_in": 6}
    completed = events[-1]
    assert completed.type == "response.completed"
    item = completed.response.output[0]
    assert item.type == "function_call"
    assert item.name == "price_gutters"


async def test_rate_limit_is_retried_by_the_client_then_succeeds(server: OpenAITestServer) -> None:
    server.enqueue_error(429, retry_after=0.01)
    server.enqueue_text("after the retry")
    async with client_for(server, max_retries=2) as client:
        completion = await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "x"}]
        )
    assert completion.choices[0].message.content == "after the retry"
    assert len(server.requests) == 2


async def test_server_errors_carry_openai_error_json(server: OpenAITestServer) -> None:
    server.enqueue_error(503)
    async with client_for(server) as client:
        with pytest.raises(openai.InternalServerError) as raised:
            await client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": "x"}]
            )
    assert raised.value.status_code == 503
    assert isinstance(raised.value.body, dict) and raised.value.body["type"] == "server_error"


async def test_client_timeout_fires_on_a_delayed_answer(server: OpenAITestServer) -> None:
    server.enqueue_delay(30)
    async with client_for(server, timeout=0.3) as client:
        with pytest.raises(openai.APITimeoutError):
            await client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": "x"}]
            )


async def test_delay_applies_to_the_next_answer_in_the_queue(server: OpenAITestServer) -> None:
    server.enqueue_delay(0.01)
    server.enqueue_text("late but here")
    async with client_for(server) as client:
        completion = await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "x"}]
        )
    assert completion.choices[0].message.content == "late but here"
    assert server.pending == 0


async def test_transcription_returns_json_and_text_formats(server: OpenAITestServer) -> None:
    server.transcription_text = "new customer Dana Whitfield in Lowell"
    async with client_for(server) as client:
        as_json = await client.audio.transcriptions.create(
            model="whisper-1", file=("memo.wav", b"RIFF....", "audio/wav")
        )
        as_text = await client.audio.transcriptions.create(
            model="whisper-1", file=("memo.wav", b"RIFF....", "audio/wav"), response_format="text"
        )
    assert as_json.text == "new customer Dana Whitfield in Lowell"
    assert str(as_text).strip() == "new customer Dana Whitfield in Lowell"
    recorded = server.requests[0]
    assert recorded.form["model"] == "whisper-1"
    assert recorded.files["file"] == b"RIFF...."


async def test_audio_requests_honour_queued_errors_but_leave_text_answers(
    server: OpenAITestServer,
) -> None:
    server.enqueue_error(500)
    server.enqueue_text("for the chat")
    async with client_for(server) as client:
        with pytest.raises(openai.InternalServerError):
            await client.audio.transcriptions.create(
                model="whisper-1", file=("a.wav", b"x", "audio/wav")
            )
        transcription = await client.audio.transcriptions.create(
            model="whisper-1", file=("a.wav", b"x", "audio/wav")
        )
        completion = await client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": "x"}]
        )
    assert transcription.text == server.transcription_text
    assert completion.choices[0].message.content == "for the chat"


async def test_speech_returns_a_valid_wav_by_default(server: OpenAITestServer) -> None:
    async with client_for(server) as client:
        speech = await client.audio.speech.create(
            model="tts-1", voice="alloy", input="Hello", response_format="wav"
        )
        audio = speech.content
    with wave.open(io.BytesIO(audio)) as wav:
        assert wav.getnframes() > 0
    assert server.requests[-1].json["input"] == "Hello"


async def test_speech_returns_the_configured_audio(server: OpenAITestServer) -> None:
    server.speech_audio = b"ID3fake-mp3"
    async with client_for(server) as client:
        speech = await client.audio.speech.create(model="tts-1", voice="alloy", input="Hi")
    assert speech.content == b"ID3fake-mp3"


async def test_models_are_listed(server: OpenAITestServer) -> None:
    async with client_for(server) as client:
        models = await client.models.list()
    assert [model.id for model in models.data] == ["gpt-4.1-mini"]


async def test_wrong_api_key_gets_401_and_the_queue_is_kept() -> None:
    with OpenAITestServer(api_key="sk-right") as server:
        server.enqueue_text("only for the right key")
        async with client_for(server, api_key="sk-wrong") as client:
            with pytest.raises(openai.AuthenticationError) as raised:
                await client.chat.completions.create(
                    model="m", messages=[{"role": "user", "content": "x"}]
                )
        assert (
            isinstance(raised.value.body, dict) and raised.value.body["code"] == "invalid_api_key"
        )
        async with client_for(server, api_key="sk-right") as client:
            completion = await client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": "x"}]
            )
        assert completion.choices[0].message.content == "only for the right key"
        assert all("authorization" not in r.headers for r in server.requests)


async def test_agents_sdk_runs_a_tool_then_answers_against_the_server(
    server: OpenAITestServer,
) -> None:
    from agents import Agent, OpenAIChatCompletionsModel, RunConfig, Runner, function_tool

    looked_up: list[str] = []

    @function_tool
    def roof_pitch_factor(pitch: str) -> str:
        """Return the pitch factor of a roof pitch such as 6/12."""
        looked_up.append(pitch)
        return "1.118"

    server.enqueue_tool_call("roof_pitch_factor", {"pitch": "6/12"})
    server.enqueue_text("A 6/12 roof has a pitch factor of 1.118.")
    async with client_for(server) as client:
        agent = Agent(
            name="pricing",
            instructions="Answer roofing maths.",
            tools=[roof_pitch_factor],
            model=OpenAIChatCompletionsModel(model="gpt-4.1-mini", openai_client=client),
        )
        result = Runner.run_streamed(
            agent, "pitch factor of 6/12?", run_config=RunConfig(tracing_disabled=True)
        )
        event_types = [event.type async for event in result.stream_events()]
    assert looked_up == ["6/12"]
    assert result.final_output == "A 6/12 roof has a pitch factor of 1.118."
    assert "run_item_stream_event" in event_types
    second = server.requests[-1].json
    assert second["stream"] is True
    assert any(
        message.get("role") == "tool" and message.get("content") == "1.118"
        for message in second["messages"]
    )
