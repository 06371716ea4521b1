"""Assistant: one turn in, a stream of events out. The UI, CLI, tests and benchmarks all use it."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any

import openai
from agents import (
    Agent,
    AgentUpdatedStreamEvent,
    RawResponsesStreamEvent,
    RunConfig,
    RunContextWrapper,
    RunItemStreamEvent,
    Runner,
)
from agents.exceptions import AgentsException
from agents.items import TResponseInputItem
from agents.models.interface import Model
from openai import AsyncOpenAI
from openai.types.responses import ResponseTextDeltaEvent

from harde.agents.config import AgentGraphConfig, AgentSpec, load_agent_config
from harde.agents.graph import build_graph, read_prompt
from harde.agents.router import Route, Router
from harde.config import Settings, get_settings
from harde.context import HardeContext
from harde.errors import HardeError
from harde.events import (
    AgentChanged,
    Done,
    ErrorEvent,
    Event,
    RouteChosen,
    StateChanged,
    StatusNote,
    TextDelta,
    ToolCalled,
    ToolResult,
    Turn,
)
from harde.llm.offline import CURRENT_CONTEXT, OfflineModel, split_words
from harde.llm.openai_provider import make_openai_client, make_openai_model
from harde.llm.planning import PlanRequest, Reply, ToolCall, ToolResultRecord, plan_for
from harde.services import Services
from harde.state.conversation import ConversationState
from harde.state.store import ConversationStore, make_store
from harde.tools.registry import ToolSpec, load_tools

log = logging.getLogger(__name__)

HISTORY_ITEMS = 60
MAX_TURNS = 12
_DONE = object()


def _new_id() -> str:
    return uuid.uuid4().hex[:12]


def _user_item(text: str) -> TResponseInputItem:
    return {"role": "user", "content": text}


def _assistant_item(text: str) -> TResponseInputItem:
    return {"role": "assistant", "content": text}


def _trim_history(items: list[TResponseInputItem]) -> list[TResponseInputItem]:
    """The recent history, starting at a user message so no tool call loses its output."""
    recent = items[-HISTORY_ITEMS:]
    for n, item in enumerate(recent):
        if isinstance(item, dict) and item.get("role") == "user":
            return recent[n:]
    return []


def _user_texts(items: list[TResponseInputItem]) -> list[str]:
    texts: list[str] = []
    for raw in items:
        item: dict[str, Any] = dict(raw) if isinstance(raw, dict) else {}
        if item.get("role") == "user" and isinstance(item.get("content"), str):
            texts.append(item["content"])
    return texts


def describe_error(error: BaseException) -> str:
    """A message a sales rep can act on; the details stay out of the chat and the log."""
    if isinstance(error, openai.AuthenticationError):
        return "The model service rejected the API key (OPENAI_API_KEY). Check it, or run offline with HARDE_LLM=offline."
    if isinstance(error, openai.RateLimitError):
        return "The model service is rate limiting us and the retries ran out. Wait a moment and send again."
    if isinstance(error, openai.APITimeoutError):
        return "The model service did not answer in time, even after retrying. Send the message again in a moment."
    if isinstance(error, openai.APIConnectionError):
        return "The model service could not be reached. Check OPENAI_BASE_URL and the network, then send again."
    if isinstance(error, openai.APIStatusError):
        return f"The model service failed (HTTP {error.status_code}) after retrying. Send the message again in a moment."
    if isinstance(error, HardeError):
        return str(error)
    if isinstance(error, AgentsException):
        return "The specialists could not finish that request. Try rephrasing it or splitting it in two."
    return "Something went wrong on our side while answering. Your conversation is saved; send the message again."


def asks_a_question(turn: Turn) -> bool:
    """Whether a specialist's answer ends by asking the user something, so the reply goes back to it."""
    if turn.error or turn.agent == "triage" or not turn.answer.strip():
        return False
    lines = [line.strip() for line in turn.answer.strip().splitlines() if line.strip()]
    return "?" in lines[0] or lines[-1].endswith("?")


class Assistant:
    """The one facade over routing, the agent graph, tools, and persistence."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        store: ConversationStore | None = None,
        config: AgentGraphConfig | None = None,
    ) -> None:
        self.settings = settings or get_settings()
        self.config = config or load_agent_config()
        self.router = Router(self.config)
        self.services = Services(self.settings)
        self.store = store or make_store(self.settings)
        self.tools: dict[str, ToolSpec] = load_tools()
        self.backend = self.settings.llm_backend
        self.client: AsyncOpenAI | None = make_openai_client(self.settings) if self.backend == "openai" else None
        self.agents: dict[str, Agent[HardeContext]] = build_graph(self.config, self._model_for)

    # --- models --------------------------------------------------------------------------
    def _model_for(self, key: str, spec: AgentSpec) -> Model:
        if self.client is None:
            return OfflineModel(key, self.router, spec.fast_path)
        return make_openai_model(self.settings, self.client, self.settings.model_for(key, spec.model))

    def model_label(self) -> str:
        if self.backend == "offline":
            return "offline (rule-based, no network)"
        base = self.settings.openai_base_url or "api.openai.com"
        return f"{self.settings.model} via {base} ({self.settings.openai_api})"

    async def check_model(self) -> str | None:
        """None when the model answers; otherwise what is wrong, in words (missing or rejected key...)."""
        if self.client is None:
            return None
        try:
            await self.client.with_options(max_retries=1, timeout=10).models.list()
        except Exception as error:  # any failure is reported, not raised
            return describe_error(error)
        return None

    def display_name(self, key: str) -> str:
        return self.config.spec(key).name if key in self.config.all_agents else key

    # --- conversations -------------------------------------------------------------------
    async def history(self, conversation_id: str) -> list[dict[str, str]]:
        """The conversation as chat messages (role, text), for the UI to redraw."""
        items = await self.store.session(conversation_id).get_items()
        out: list[dict[str, str]] = []
        for raw in items:
            if not isinstance(raw, dict):
                continue
            item: dict[str, Any] = dict(raw)
            role = item.get("role")
            if role not in ("user", "assistant"):
                continue
            content = item.get("content")
            text = content if isinstance(content, str) else "".join(
                str(part.get("text", "")) for part in content or [] if isinstance(part, dict)
            )
            if text.strip():
                out.append({"role": str(role), "text": text})
        return out

    async def state(self, conversation_id: str) -> ConversationState:
        return await self.store.load_state(conversation_id) or ConversationState()

    # --- turns ---------------------------------------------------------------------------
    async def ask(self, text: str, conversation_id: str | None = None) -> Turn:
        """One turn, blocking: the Turn with the whole answer."""
        turn: Turn | None = None
        async for event in self.stream(text, conversation_id):
            if isinstance(event, Done):
                turn = event.turn
        assert turn is not None
        return turn

    async def stream(self, text: str, conversation_id: str | None = None) -> AsyncIterator[Event]:
        """One turn as events: route, agent changes, tool calls and results, text deltas, done."""
        text = (text or "").strip()
        conversation_id = conversation_id or _new_id()
        if not text:
            yield Done(Turn(answer="", agent="triage", flow="fast", conversation_id=conversation_id, error="empty message: nothing was sent"))
            return
        notices: list[str] = []
        limit = self.settings.max_input_chars
        if len(text) > limit:
            notices.append(f"Your message was {len(text):,} characters; I used the first {limit:,}.")
            text = text[:limit]

        state = await self.state(conversation_id)
        if not state.title:
            state.title = text.splitlines()[0][:60]
        queue: asyncio.Queue[Any] = asyncio.Queue()
        context = HardeContext(
            settings=self.settings,
            services=self.services,
            conversation_id=conversation_id,
            state=state,
            user=self.settings.user_name,
            emit=queue.put_nowait,
        )
        route = self.router.route(text, state)
        turn = Turn(answer="", agent=route.agent, flow=route.flow, conversation_id=conversation_id)

        async def produce() -> None:
            CURRENT_CONTEXT.set(context)
            try:
                for notice in notices:
                    queue.put_nowait(StatusNote(notice))
                queue.put_nowait(RouteChosen(route.agent, route.flow, route.reason))
                handled = False
                if route.flow == "fast":
                    handled = await self._fast(text, route, context, turn, queue)
                if not handled:
                    turn.flow = "sdk"
                    await self._sdk(text, route, context, turn, queue)
            except (Exception, asyncio.CancelledError) as error:
                if isinstance(error, asyncio.CancelledError):
                    turn.error = "stopped"
                else:
                    log.warning("turn failed: %s", type(error).__name__)
                    turn.error = describe_error(error)
                    queue.put_nowait(ErrorEvent(turn.error))
                if isinstance(error, asyncio.CancelledError):
                    raise
            finally:
                # State is saved even after a failure: a write that went through must not be proposed again.
                context.state.active_agent = turn.agent if turn.agent != "triage" else context.state.active_agent
                context.state.awaiting_answer = turn.agent if asks_a_question(turn) else None
                await self.store.save_state(conversation_id, context.state)
                queue.put_nowait(_DONE)

        task = asyncio.create_task(produce())
        try:
            while True:
                event = await queue.get()
                if event is _DONE:
                    break
                yield event
            await task
            turn.attachments = list(context.attachments)
            yield Done(turn)
        finally:
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task

    # --- the fast path: one read tool, one streamed completion -----------------------------
    async def _fast(self, text: str, route: Route, context: HardeContext, turn: Turn, queue: asyncio.Queue[Any]) -> bool:
        spec = self.config.agents[route.agent]
        fast_tool = spec.fast_path
        if fast_tool is None:
            return False
        session = self.store.session(context.conversation_id)
        history = _trim_history(await session.get_items(limit=HISTORY_ITEMS))
        earlier = _user_texts(history)
        if self.client is None:
            plan = plan_for(PlanRequest(route.agent, text, [], spec.tools, fast_tool, context, earlier))
            if not isinstance(plan, ToolCall) or plan.name not in spec.tools or self.tools[plan.name].writes:
                return False  # more than one read: the SDK path does it properly
            call = plan
        else:
            call = ToolCall(fast_tool, {"query": text})
        turn.agents.append(route.agent)
        queue.put_nowait(AgentChanged(route.agent, spec.name))
        output = await self._run_tool(call, context, turn, queue)
        if self.client is None:
            record = ToolResultRecord(call.name, call.arguments, output)
            reply = plan_for(PlanRequest(route.agent, text, [record], spec.tools, fast_tool, context, earlier))
            answer = reply.text if isinstance(reply, Reply) else output
            for word in split_words(answer):
                queue.put_nowait(TextDelta(word))
        else:
            answer = await self._stream_completion(route.agent, spec, text, output, history, context, queue)
        turn.answer = answer
        turn.agent = route.agent
        await session.add_items([_user_item(text), _assistant_item(answer)])
        return True

    async def _run_tool(self, call: ToolCall, context: HardeContext, turn: Turn, queue: asyncio.Queue[Any]) -> str:
        spec = self.tools[call.name]
        queue.put_nowait(ToolCalled(call.name, call.arguments, spec.status_for(call.arguments)))
        try:
            output = await spec.func(RunContextWrapper(context=context), **call.arguments)
        except HardeError as error:
            output = f"That lookup failed: {error}"
        turn.tools.append(call.name)
        queue.put_nowait(ToolResult(call.name, output))
        return output

    async def _stream_completion(
        self,
        agent: str,
        spec: AgentSpec,
        text: str,
        tool_output: str,
        history: list[TResponseInputItem],
        context: HardeContext,
        queue: asyncio.Queue[Any],
    ) -> str:
        assert self.client is not None
        system = read_prompt(spec.prompt).replace("{company}", self.settings.company_name)
        messages: list[Any] = [
            {
                "role": "system",
                "content": f"{system}\n\nAnswer the user's latest message from this tool output only; "
                f"if it does not cover the question, say so.\n\n<tool_output>\n{tool_output}\n</tool_output>",
            }
        ]
        for raw in history[-12:]:
            item: dict[str, Any] = dict(raw) if isinstance(raw, dict) else {}
            if item.get("role") in ("user", "assistant") and isinstance(item.get("content"), str):
                messages.append({"role": item["role"], "content": item["content"]})
        messages.append({"role": "user", "content": text})
        stream = await self.client.chat.completions.create(
            model=self.settings.model_for(agent, spec.model), messages=messages, stream=True
        )
        parts: list[str] = []
        async for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                delta = chunk.choices[0].delta.content
                parts.append(delta)
                queue.put_nowait(TextDelta(delta))
        return "".join(parts)

    # --- the SDK path: triage and specialists with handoffs ---------------------------------
    async def _sdk(self, text: str, route: Route, context: HardeContext, turn: Turn, queue: asyncio.Queue[Any]) -> None:
        session = self.store.session(context.conversation_id)
        history = _trim_history(await session.get_items(limit=HISTORY_ITEMS))
        workflow = context.state.workflow_in_progress
        # A workflow under way continues with its specialist; anything else starts at triage.
        start_key = route.agent if workflow is not None and route.agent == workflow else "triage"
        starting = self.agents[start_key]
        run_input = [*history, _user_item(text)]
        result = Runner.run_streamed(
            starting,
            run_input,
            context=context,
            max_turns=MAX_TURNS,
            run_config=RunConfig(tracing_disabled=True, workflow_name="hard-e turn"),
        )
        current = start_key
        turn.agents.append(start_key)
        queue.put_nowait(AgentChanged(start_key, self.display_name(start_key)))
        try:
            async for event in result.stream_events():
                if isinstance(event, RawResponsesStreamEvent):
                    if isinstance(event.data, ResponseTextDeltaEvent) and event.data.delta:
                        queue.put_nowait(TextDelta(event.data.delta))
                elif isinstance(event, AgentUpdatedStreamEvent):
                    key = event.new_agent.name
                    if key != current:
                        current = key
                        turn.agents.append(key)
                        queue.put_nowait(AgentChanged(key, self.display_name(key)))
                elif isinstance(event, RunItemStreamEvent):
                    self._item_event(event, turn, queue)
        except BaseException:
            result.cancel()
            raise
        answer = result.final_output if isinstance(result.final_output, str) else str(result.final_output or "")
        turn.answer = answer
        turn.agent = result.last_agent.name
        new_items = result.to_input_list()[len(history) :]
        await session.add_items(new_items)
        queue.put_nowait(StateChanged(context.state.public_state()))

    def _item_event(self, event: RunItemStreamEvent, turn: Turn, queue: asyncio.Queue[Any]) -> None:
        raw: Any = getattr(event.item, "raw_item", None)
        if event.name == "tool_called":
            name = str(getattr(raw, "name", "") or (raw.get("name") if isinstance(raw, dict) else ""))
            if not name or name.startswith("transfer_to_"):
                return
            arguments = getattr(raw, "arguments", None) or (raw.get("arguments") if isinstance(raw, dict) else None)
            try:
                args = json.loads(arguments) if isinstance(arguments, str) else {}
            except json.JSONDecodeError:
                args = {}
            spec = self.tools.get(name)
            status = spec.status_for(args) if spec else f"Running {name}…"
            turn.tools.append(name)
            queue.put_nowait(ToolCalled(name, args, status))
        elif event.name == "tool_output":
            output = getattr(event.item, "output", "")
            name = turn.tools[-1] if turn.tools else ""
            queue.put_nowait(ToolResult(name, output if isinstance(output, str) else str(output)))

    # --- lifecycle -----------------------------------------------------------------------
    async def aclose(self) -> None:
        await self.services.aclose()
        await self.store.aclose()
        if self.client is not None:
            await self.client.close()


__all__ = ["Assistant", "describe_error"]
