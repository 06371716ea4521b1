"""The offline model: the Agents SDK's Model interface answered by rules, with no network.

Triage hands off to the specialist the understanding layer chose for this turn (the Action
on the run context). A specialist plays the Action's typed tool call, or asks its planner
(harde/llm/planning.py); replies are composed from tool output, so nothing is invented.
Deterministic: the whole graph is tested through it.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from collections.abc import AsyncIterator, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from agents import Handoff, ModelResponse, ModelSettings, Tool, Usage
from agents.agent_output import AgentOutputSchemaBase
from agents.items import TResponseInputItem, TResponseOutputItem, TResponseStreamEvent
from agents.models.interface import Model, ModelTracing
from openai.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseCreatedEvent,
    ResponseFunctionToolCall,
    ResponseOutputMessage,
    ResponseOutputText,
    ResponseTextDeltaEvent,
)

from harde.context import HardeContext
from harde.llm.planning import (
    HandBack,
    Plan,
    PlanRequest,
    Reply,
    ToolCall,
    ToolResultRecord,
    plan_for,
)

# The Assistant sets this for the length of a turn so that planners can read the state.
CURRENT_CONTEXT: ContextVar[HardeContext | None] = ContextVar("harde_current_context", default=None)

CLARIFY = "I'm not sure who should take that. Is it about a customer or job, or a question for our playbook?"
MAX_TOOL_ROUNDS = 6


def _new_id(prefix: str) -> str:
    # Unique across processes: history from earlier runs holds ids too, and the SDK pairs by id.
    return f"{prefix}_{uuid.uuid4().hex[:24]}"


def split_words(text: str) -> list[str]:
    """Text in word-sized pieces that join back to the original exactly."""
    return re.findall(r"\S+\s*|\s+", text)


@dataclass
class TurnView:
    """What a model call needs from the input: the latest user text and this turn's tool work."""

    text: str
    previous_user_messages: list[str]
    results: list[ToolResultRecord]
    handed_back_from: list[str]


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    parts: list[str] = []
    for part in content or []:
        if isinstance(part, dict) and part.get("type") in ("input_text", "output_text", "text"):
            parts.append(str(part.get("text", "")))
    return "".join(parts)


def read_turn(items: str | list[TResponseInputItem], agent: str) -> TurnView:
    if isinstance(items, str):
        return TurnView(items, [], [], [])
    entries = [dict(i) if not isinstance(i, dict) else i for i in items]
    user_indexes = [n for n, i in enumerate(entries) if i.get("role") == "user"]
    if not user_indexes:
        return TurnView("", [], [], [])
    last = user_indexes[-1]
    text = _content_text(entries[last].get("content"))
    previous = [_content_text(entries[n].get("content")) for n in user_indexes[:-1]]
    calls: dict[str, tuple[str, dict[str, Any]]] = {}
    results: list[ToolResultRecord] = []
    handed_back: list[str] = []
    current_agent: str | None = None
    for item in entries[last + 1 :]:
        kind = item.get("type")
        if kind == "function_call":
            name = str(item.get("name", ""))
            if name.startswith("transfer_to_"):
                target = name.removeprefix("transfer_to_")
                if target == "triage" and current_agent:
                    handed_back.append(current_agent)
                current_agent = target
                if target == agent:
                    results = []  # this agent's work starts at the handoff to it
                continue
            try:
                arguments = json.loads(str(item.get("arguments") or "{}"))
            except json.JSONDecodeError:
                arguments = {}
            calls[str(item.get("call_id"))] = (name, arguments)
        elif kind == "function_call_output":
            call = calls.get(str(item.get("call_id")))
            if call is not None:
                output = item.get("output")
                results.append(ToolResultRecord(call[0], call[1], output if isinstance(output, str) else json.dumps(output)))
    return TurnView(text, previous, results, handed_back)


def _message(text: str) -> ResponseOutputMessage:
    return ResponseOutputMessage(
        id=_new_id("msg"),
        type="message",
        role="assistant",
        status="completed",
        content=[ResponseOutputText(text=text, type="output_text", annotations=[], logprobs=[])],
    )


def _function_call(name: str, arguments: dict[str, Any]) -> ResponseFunctionToolCall:
    call_id = _new_id("call")
    return ResponseFunctionToolCall(
        id=call_id, call_id=call_id, type="function_call", name=name, arguments=json.dumps(arguments)
    )


class OfflineModel(Model):
    """One instance per agent; `agent` is the key it acts as."""

    def __init__(self, agent: str, fast_tool: str | None) -> None:
        self.agent = agent
        self.fast_tool = fast_tool

    # --- decisions -----------------------------------------------------------------------
    def decide(self, items: str | list[TResponseInputItem], tools: list[Tool], handoffs: list[Handoff]) -> list[TResponseOutputItem]:
        turn = read_turn(items, self.agent)
        handoff_names = {h.agent_name: h.tool_name for h in handoffs}
        if self.agent == "triage":
            return [self._triage(turn, handoff_names)]
        tool_names = [t.name for t in tools]
        plan = self._plan(turn, tool_names)
        return self._render(plan, tool_names, handoff_names)

    def _triage(self, turn: TurnView, handoff_names: dict[str, str]) -> TResponseOutputItem:
        context = CURRENT_CONTEXT.get()
        action = context.action if context else None
        target = getattr(action, "agent", None)
        if target in turn.handed_back_from:
            target = None  # the specialist sent it back: do not loop
        if target and target in handoff_names:
            return _function_call(handoff_names[target], {})
        return _message(CLARIFY)

    def _plan(self, turn: TurnView, tool_names: list[str]) -> Plan:
        context = CURRENT_CONTEXT.get()
        if len(turn.results) >= MAX_TOOL_ROUNDS:
            return Reply("\n\n".join(r.output for r in turn.results[-2:]))
        request = PlanRequest(
            agent=self.agent,
            text=turn.text,
            results=turn.results,
            tools=tool_names,
            fast_tool=self.fast_tool,
            context=context,
            previous_user_messages=turn.previous_user_messages,
        )
        return plan_for(request)

    def _render(self, plan: Plan, tool_names: list[str], handoff_names: dict[str, str]) -> list[TResponseOutputItem]:
        if isinstance(plan, HandBack):
            if "triage" in handoff_names:
                return [_function_call(handoff_names["triage"], {})]
            return [_message(CLARIFY)]
        if isinstance(plan, Reply):
            return [_message(plan.text)]
        calls = [plan] if isinstance(plan, ToolCall) else list(plan)
        unknown = [c.name for c in calls if c.name not in tool_names]
        if unknown:
            return [_message(f"I can't do that here: the tool {', '.join(unknown)} is not available to me.")]
        return [_function_call(c.name, c.arguments) for c in calls]

    # --- the Model interface ---------------------------------------------------------------
    async def get_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Handoff],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        prompt: Any = None,
    ) -> ModelResponse:
        # Reading the words into a typed call is CPU work: off the event loop (the context var goes along).
        output = await asyncio.to_thread(self.decide, input, tools, handoffs)
        return ModelResponse(output=output, usage=Usage(), response_id=None)

    async def stream_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Handoff],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        prompt: Any = None,
    ) -> AsyncIterator[TResponseStreamEvent]:
        output = await asyncio.to_thread(self.decide, input, tools, handoffs)
        for event in stream_events(output):
            yield event


def stream_events(output: Iterable[TResponseOutputItem]) -> list[TResponseStreamEvent]:
    """Events for a finished output: text deltas word by word, then the completed response."""
    items = list(output)
    response = Response(
        id=_new_id("resp"),
        created_at=time.time(),
        model="offline",
        object="response",
        output=items,
        tool_choice="auto",
        tools=[],
        top_p=None,
        parallel_tool_calls=True,
        status="completed",
    )
    events: list[TResponseStreamEvent] = [
        ResponseCreatedEvent(
            type="response.created",
            response=response.model_copy(update={"output": [], "status": "in_progress"}),
            sequence_number=0,
        )
    ]
    sequence = 1
    for index, item in enumerate(items):
        if isinstance(item, ResponseOutputMessage):
            for part in item.content:
                if isinstance(part, ResponseOutputText):
                    for word in split_words(part.text):
                        events.append(
                            ResponseTextDeltaEvent(
                                type="response.output_text.delta",
                                content_index=0,
                                delta=word,
                                item_id=item.id,
                                logprobs=[],
                                output_index=index,
                                sequence_number=sequence,
                            )
                        )
                        sequence += 1
    events.append(ResponseCompletedEvent(type="response.completed", response=response, sequence_number=sequence))
    return events
