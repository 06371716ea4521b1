"""An OpenAI-compatible HTTP server on loopback, scripted per test.

Chat Completions, Responses, models, transcription and speech, streaming and not, so the real
`openai` client and the Agents SDK can be exercised without a network or an account.

Outcomes live in ONE shared queue, consumed in order by the requests that arrive:

- `enqueue_error` and `enqueue_delay` apply to the next request on any scripted endpoint
  (chat, responses, transcriptions, speech). A delay holds that request, which then takes the
  next outcome as usual: `enqueue_delay(5); enqueue_text("late")` is one slow answer "late".
- `enqueue_text` / `enqueue_tool_call(s)` are answers for chat and responses only. An audio
  request finding one at the head of the queue leaves it there and answers from
  `transcription_text` / `speech_audio`.
- GET /v1/models never consumes the queue (clients call it incidentally).

With the queue empty, chat and responses answer from `responder(request_json)` if set (a str,
a `ToolCall`, a list of them, or None to fall through), else `default_text`.
"""

from __future__ import annotations

import io
import json
import math
import re
import socket
import threading
import time
import uuid
import wave
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

DEFAULT_MODEL = "gpt-4.1-mini"
DEFAULT_TEXT = "This is a test answer."


@dataclass(frozen=True)
class ToolCall:
    """One function call the server answers with."""

    name: str
    arguments: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordedRequest:
    """A request as the server saw it; the Authorization header is never kept."""

    method: str
    path: str
    json: Any
    headers: dict[str, str]
    form: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class _Text:
    text: str


@dataclass(frozen=True)
class _ToolCalls:
    calls: tuple[ToolCall, ...]


@dataclass(frozen=True)
class _Error:
    status: int
    retry_after: float | None
    message: str | None


@dataclass(frozen=True)
class _Delay:
    seconds: float


_Answer = _Text | _ToolCalls
_Outcome = _Text | _ToolCalls | _Error | _Delay
ResponderResult = str | ToolCall | Sequence[ToolCall] | None
ToolCallSpec = ToolCall | tuple[str, Mapping[str, Any]] | Mapping[str, Any]

_ERROR_TYPES = {
    400: ("invalid_request_error", None),
    401: ("invalid_request_error", "invalid_api_key"),
    403: ("invalid_request_error", "forbidden"),
    404: ("invalid_request_error", "not_found"),
    429: ("rate_limit_exceeded", "rate_limit_exceeded"),
    500: ("server_error", "server_error"),
    502: ("server_error", "bad_gateway"),
    503: ("server_error", "service_unavailable"),
}


def silent_wav(seconds: float = 0.25, rate: int = 24_000) -> bytes:
    """A valid mono 16-bit WAV of silence."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(rate * seconds))
    return buffer.getvalue()


def _words(text: str) -> list[str]:
    # Each piece is a word with its trailing whitespace, so the pieces join back to the text.
    return [piece for piece in re.findall(r"\S*\s*", text) if piece] or [""]


def _chunks(text: str, size: int = 8) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def _tool_call_spec(spec: ToolCallSpec) -> ToolCall:
    if isinstance(spec, ToolCall):
        return spec
    if isinstance(spec, tuple):
        name, arguments = spec
        return ToolCall(name, dict(arguments))
    return ToolCall(str(spec["name"]), dict(spec.get("arguments", {})))


def _answer_from(result: ResponderResult) -> _Answer | None:
    if result is None:
        return None
    if isinstance(result, str):
        return _Text(result)
    if isinstance(result, ToolCall):
        return _ToolCalls((result,))
    return _ToolCalls(tuple(result))


def _error_body(status: int, message: str | None) -> dict[str, Any]:
    error_type, code = _ERROR_TYPES.get(
        status, ("server_error" if status >= 500 else "invalid_request_error", None)
    )
    return {
        "error": {
            "message": message or f"Scripted error {status} from the OpenAI test server.",
            "type": error_type,
            "param": None,
            "code": code,
        }
    }


class OpenAITestServer:
    """OpenAI-compatible server on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, api_key: str | None = None, *, model: str = DEFAULT_MODEL) -> None:
        self.api_key = api_key
        self.model = model
        self.default_text = DEFAULT_TEXT
        self.responder: Callable[[dict[str, Any]], ResponderResult] | None = None
        self.transcription_text = "This is a test transcription."
        self.speech_audio = silent_wav()
        self.citations: list[str] | None = None
        self._queue: deque[_Outcome] = deque()
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._counter = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ---------------------------------------------------------------------------
    def start(self) -> OpenAITestServer:
        handler = type("_BoundHandler", (_Handler,), {"server_state": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._closing.clear()
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), name="openai-test-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        # Wake delayed handlers first so shutdown never waits for a scripted delay.
        self._closing.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> OpenAITestServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the OpenAI test server is not running")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    # --- scripting ---------------------------------------------------------------------------
    def enqueue_text(self, text: str) -> None:
        self._push(_Text(text))

    def enqueue_tool_call(self, name: str, arguments: Mapping[str, Any] | None = None) -> None:
        self._push(_ToolCalls((ToolCall(name, dict(arguments or {})),)))

    def enqueue_tool_calls(self, calls: Sequence[ToolCallSpec]) -> None:
        """One answer made of several calls: ToolCall, (name, args) or {"name", "arguments"}."""
        self._push(_ToolCalls(tuple(_tool_call_spec(call) for call in calls)))

    def enqueue_error(
        self, status: int, retry_after: float | None = None, message: str | None = None
    ) -> None:
        self._push(_Error(status, retry_after, message))

    def enqueue_delay(self, seconds: float) -> None:
        self._push(_Delay(seconds))

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()
            self._requests.clear()

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def pending(self) -> int:
        """Outcomes still queued."""
        with self._lock:
            return len(self._queue)

    def _push(self, outcome: _Outcome) -> None:
        with self._lock:
            self._queue.append(outcome)

    # --- used by the handler -----------------------------------------------------------------
    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _next_id(self, prefix: str) -> str:
        with self._lock:
            self._counter += 1
            return f"{prefix}_{self._counter:04d}{uuid.uuid4().hex[:8]}"

    def _take_modifiers(self) -> tuple[float, _Error | None]:
        """Pop the delays and the error at the head of the queue (they apply to any endpoint)."""
        delay = 0.0
        with self._lock:
            while self._queue and isinstance(self._queue[0], _Delay):
                head = self._queue.popleft()
                assert isinstance(head, _Delay)
                delay += head.seconds
            if self._queue and isinstance(self._queue[0], _Error):
                head = self._queue.popleft()
                assert isinstance(head, _Error)
                return delay, head
        return delay, None

    def _take_answer(self, request_json: dict[str, Any]) -> _Answer:
        with self._lock:
            if self._queue and isinstance(self._queue[0], _Text | _ToolCalls):
                head = self._queue.popleft()
                assert isinstance(head, _Text | _ToolCalls)
                return head
        if self.responder is not None:
            answer = _answer_from(self.responder(request_json))
            if answer is not None:
                return answer
        return _Text(self.default_text)

    def _wait(self, seconds: float) -> bool:
        """Hold a request; False when the server is closing meanwhile."""
        return not self._closing.wait(seconds) if seconds > 0 else True


class _Handler(BaseHTTPRequestHandler):
    server_state: OpenAITestServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        # Test output stays quiet; requests are inspectable through `server.requests`.
        return

    def setup(self) -> None:
        super().setup()
        # Small SSE frames would otherwise wait on Nagle's algorithm and delayed ACKs (~40 ms).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    # --- dispatch ----------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        state = self.server_state
        path = urlsplit(self.path).path.rstrip("/")
        route = path[3:] if path.startswith("/v1/") else path
        body = self._read_body()
        headers = {
            key.lower(): value
            for key, value in self.headers.items()
            if key.lower() != "authorization"
        }
        request_json: Any = None
        form: dict[str, str] = {}
        files: dict[str, bytes] = {}
        content_type = self.headers.get("Content-Type", "")
        if content_type.startswith("multipart/form-data"):
            form, files = _parse_multipart(content_type, body)
        elif body:
            try:
                request_json = json.loads(body)
            except ValueError:
                request_json = None
        state._record(RecordedRequest(method, path, request_json, headers, form, files))

        if (
            state.api_key is not None
            and self.headers.get("Authorization") != f"Bearer {state.api_key}"
        ):
            self._send_json(
                401,
                _error_body(
                    401,
                    "Incorrect API key provided. You can find your API key in your account settings.",
                ),
            )
            return

        if method == "GET" and route == "/models":
            self._send_json(200, {"object": "list", "data": [self._model_entry(state.model)]})
            return
        if method == "GET" and route.startswith("/models/"):
            self._send_json(200, self._model_entry(route.removeprefix("/models/")))
            return
        handlers: dict[str, Callable[[Any, dict[str, str], dict[str, bytes]], None]] = {
            "/chat/completions": self._chat,
            "/responses": self._responses,
            "/audio/transcriptions": self._transcription,
            "/audio/speech": self._speech,
        }
        handler = handlers.get(route) if method == "POST" else None
        if handler is None:
            self._send_json(404, _error_body(404, f"Unknown endpoint {method} {path}."))
            return
        if request_json is None and not content_type.startswith("multipart/form-data"):
            request_json = {}
        delay, error = state._take_modifiers()
        if not state._wait(delay):
            return
        if error is not None:
            extra: dict[str, str] = {}
            if error.retry_after is not None:
                seconds = error.retry_after
                extra["Retry-After"] = (
                    str(int(seconds)) if float(seconds).is_integer() else str(seconds)
                )
                extra["retry-after-ms"] = str(math.ceil(seconds * 1000))
            self._send_json(error.status, _error_body(error.status, error.message), extra)
            return
        try:
            handler(request_json, form, files)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up (a timeout test); nothing left to answer.
            return

    @staticmethod
    def _model_entry(model_id: str) -> dict[str, Any]:
        return {
            "id": model_id,
            "object": "model",
            "created": 1_700_000_000,
            "owned_by": "harde-test",
        }

    # --- chat completions --------------------------------------------------------------------
    def _chat(self, request: dict[str, Any], form: dict[str, str], files: dict[str, bytes]) -> None:
        state = self.server_state
        answer = state._take_answer(request)
        completion_id = state._next_id("chatcmpl")
        model = str(request.get("model") or state.model)
        created = int(time.time())
        prompt_tokens = _estimate_tokens(json.dumps(request.get("messages", [])))
        completion_tokens = _answer_tokens(answer)
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0},
        }
        calls = (
            [(state._next_id("call"), call) for call in answer.calls]
            if isinstance(answer, _ToolCalls)
            else []
        )
        finish_reason = "tool_calls" if calls else "stop"
        base: dict[str, Any] = {"id": completion_id, "created": created, "model": model}
        if state.citations is not None:
            base["citations"] = list(state.citations)

        if not request.get("stream"):
            message: dict[str, Any] = {"role": "assistant", "content": None, "refusal": None}
            if isinstance(answer, _Text):
                message["content"] = answer.text
            else:
                message["tool_calls"] = [
                    {
                        "id": call_id,
                        "type": "function",
                        "function": {
                            "name": call.name,
                            "arguments": json.dumps(dict(call.arguments)),
                        },
                    }
                    for call_id, call in calls
                ]
            self._send_json(
                200,
                {
                    **base,
                    "object": "chat.completion",
                    "choices": [
                        {
                            "index": 0,
                            "message": message,
                            "finish_reason": finish_reason,
                            "logprobs": None,
                        }
                    ],
                    "usage": usage,
                },
            )
            return

        def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
            return {
                **base,
                "object": "chat.completion.chunk",
                "choices": [
                    {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
                ],
            }

        def events() -> Iterator[dict[str, Any]]:
            if isinstance(answer, _Text):
                yield chunk({"role": "assistant", "content": ""})
                for word in _words(answer.text):
                    yield chunk({"content": word})
            else:
                yield chunk({"role": "assistant", "content": None})
                for index, (call_id, call) in enumerate(calls):
                    yield chunk(
                        {
                            "tool_calls": [
                                {
                                    "index": index,
                                    "id": call_id,
                                    "type": "function",
                                    "function": {"name": call.name, "arguments": ""},
                                }
                            ]
                        }
                    )
                    for piece in _chunks(json.dumps(dict(call.arguments))):
                        yield chunk(
                            {"tool_calls": [{"index": index, "function": {"arguments": piece}}]}
                        )
            yield chunk({}, finish_reason)
            if (request.get("stream_options") or {}).get("include_usage"):
                yield {**base, "object": "chat.completion.chunk", "choices": [], "usage": usage}

        self._stream((f"data: {json.dumps(event)}\n\n" for event in events()), done=True)

    # --- responses ---------------------------------------------------------------------------
    def _responses(
        self, request: dict[str, Any], form: dict[str, str], files: dict[str, bytes]
    ) -> None:
        state = self.server_state
        answer = state._take_answer(request)
        response_id = state._next_id("resp")
        model = str(request.get("model") or state.model)
        input_tokens = _estimate_tokens(json.dumps(request.get("input", "")))
        output_tokens = _answer_tokens(answer)
        items: list[dict[str, Any]] = []
        if isinstance(answer, _Text):
            items.append(
                {
                    "type": "message",
                    "id": state._next_id("msg"),
                    "status": "completed",
                    "role": "assistant",
                    "content": [
                        {
                            "type": "output_text",
                            "text": answer.text,
                            "annotations": [],
                            "logprobs": [],
                        }
                    ],
                }
            )
        else:
            for call in answer.calls:
                items.append(
                    {
                        "type": "function_call",
                        "id": state._next_id("fc"),
                        "call_id": state._next_id("call"),
                        "name": call.name,
                        "arguments": json.dumps(dict(call.arguments)),
                        "status": "completed",
                    }
                )

        def response(status: str, output: list[dict[str, Any]]) -> dict[str, Any]:
            done = status == "completed"
            return {
                "id": response_id,
                "object": "response",
                "created_at": int(time.time()),
                "completed_at": int(time.time()) if done else None,
                "status": status,
                "model": model,
                "output": output,
                "error": None,
                "incomplete_details": None,
                "instructions": request.get("instructions"),
                "metadata": request.get("metadata") or {},
                "parallel_tool_calls": bool(request.get("parallel_tool_calls", True)),
                "temperature": request.get("temperature"),
                "top_p": request.get("top_p"),
                "tool_choice": request.get("tool_choice") or "auto",
                "tools": request.get("tools") or [],
                "previous_response_id": request.get("previous_response_id"),
                "text": {"format": {"type": "text"}},
                "usage": {
                    "input_tokens": input_tokens,
                    "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                    "output_tokens": output_tokens,
                    "output_tokens_details": {"reasoning_tokens": 0},
                    "total_tokens": input_tokens + output_tokens,
                }
                if done
                else None,
            }

        if not request.get("stream"):
            self._send_json(200, response("completed", items))
            return

        def events() -> Iterator[dict[str, Any]]:
            yield {"type": "response.created", "response": response("in_progress", [])}
            yield {"type": "response.in_progress", "response": response("in_progress", [])}
            for index, item in enumerate(items):
                if item["type"] == "message":
                    text = item["content"][0]["text"]
                    empty_part = {
                        "type": "output_text",
                        "text": "",
                        "annotations": [],
                        "logprobs": [],
                    }
                    yield {
                        "type": "response.output_item.added",
                        "output_index": index,
                        "item": {**item, "status": "in_progress", "content": []},
                    }
                    where = {"item_id": item["id"], "output_index": index, "content_index": 0}
                    yield {"type": "response.content_part.added", **where, "part": empty_part}
                    for word in _words(text):
                        yield {
                            "type": "response.output_text.delta",
                            **where,
                            "delta": word,
                            "logprobs": [],
                        }
                    yield {
                        "type": "response.output_text.done",
                        **where,
                        "text": text,
                        "logprobs": [],
                    }
                    yield {
                        "type": "response.content_part.done",
                        **where,
                        "part": item["content"][0],
                    }
                else:
                    yield {
                        "type": "response.output_item.added",
                        "output_index": index,
                        "item": {**item, "status": "in_progress", "arguments": ""},
                    }
                    for piece in _chunks(item["arguments"]):
                        yield {
                            "type": "response.function_call_arguments.delta",
                            "item_id": item["id"],
                            "output_index": index,
                            "delta": piece,
                        }
                    yield {
                        "type": "response.function_call_arguments.done",
                        "item_id": item["id"],
                        "output_index": index,
                        "name": item["name"],
                        "arguments": item["arguments"],
                    }
                yield {"type": "response.output_item.done", "output_index": index, "item": item}
            yield {"type": "response.completed", "response": response("completed", items)}

        def numbered() -> Iterator[str]:
            for number, event in enumerate(events()):
                event["sequence_number"] = number
                yield f"event: {event['type']}\ndata: {json.dumps(event)}\n\n"

        self._stream(numbered(), done=False)

    # --- audio -------------------------------------------------------------------------------
    def _transcription(self, request: Any, form: dict[str, str], files: dict[str, bytes]) -> None:
        state = self.server_state
        text = state.transcription_text
        response_format = form.get("response_format", "json")
        if response_format in ("text", "srt", "vtt"):
            self._send_bytes(200, text.encode(), "text/plain; charset=utf-8")
        elif response_format == "verbose_json":
            self._send_json(
                200,
                {
                    "task": "transcribe",
                    "language": "english",
                    "duration": 1.0,
                    "text": text,
                    "segments": [],
                },
            )
        else:
            self._send_json(200, {"text": text, "usage": {"type": "duration", "seconds": 1}})

    def _speech(
        self, request: dict[str, Any], form: dict[str, str], files: dict[str, bytes]
    ) -> None:
        audio_format = str(request.get("response_format") or "mp3")
        content_types = {
            "wav": "audio/wav",
            "mp3": "audio/mpeg",
            "opus": "audio/opus",
            "aac": "audio/aac",
            "flac": "audio/flac",
            "pcm": "audio/pcm",
        }
        self._send_bytes(
            200,
            self.server_state.speech_audio,
            content_types.get(audio_format, "application/octet-stream"),
        )

    # --- wire --------------------------------------------------------------------------------
    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send_json(
        self, status: int, payload: Any, extra_headers: Mapping[str, str] | None = None
    ) -> None:
        self._send_bytes(status, json.dumps(payload).encode(), "application/json", extra_headers)

    def _send_bytes(
        self,
        status: int,
        data: bytes,
        content_type: str,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("x-request-id", self.server_state._next_id("req"))
            for key, value in (extra_headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _stream(self, frames: Iterator[str], *, done: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("x-request-id", self.server_state._next_id("req"))
        self.end_headers()
        for frame in frames:
            self._write_chunk(frame.encode())
        if done:
            self._write_chunk(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _write_chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()


def _parse_multipart(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, bytes]]:
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    form: dict[str, str] = {}
    files: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        if part.get_filename() is not None:
            files[name] = data
        else:
            form[name] = data.decode("utf-8", errors="replace")
    return form, files


def _estimate_tokens(text: str) -> int:
    return max(1, len(text) // 4)


def _answer_tokens(answer: _Answer) -> int:
    if isinstance(answer, _Text):
        return _estimate_tokens(answer.text)
    return sum(
        _estimate_tokens(call.name + json.dumps(dict(call.arguments))) for call in answer.calls
    )
