"""Assistant: one turn in, a stream of events out. The UI, CLI, tests and benchmarks all use it."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import threading
import time
import typing
import uuid
from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass
from typing import Any, TypeVar

import openai
from agents import (
    Agent,
    AgentUpdatedStreamEvent,
    RawResponsesStreamEvent,
    RunConfig,
    RunContextWrapper,
    RunItemStreamEvent,
    Runner,
    RunState,
)
from agents.exceptions import AgentsException
from agents.items import TResponseInputItem
from agents.models.interface import Model
from openai import AsyncOpenAI
from openai.types.responses import ResponseTextDeltaEvent
from pydantic import TypeAdapter

from harde.agents.config import AgentGraphConfig, AgentSpec, load_agent_config
from harde.agents.graph import build_graph, model_input, system_message
from harde.agents.instructions import with_state_data
from harde.auth import User, slugify
from harde.config import Settings, get_settings
from harde.context import HardeContext
from harde.crm.when import company_now
from harde.errors import HardeError, TurnTooLong
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
from harde.starters import example_requests
from harde.state.conversation import (
    ConversationState,
    Offer,
    PendingRun,
    TurnRecord,
    conversation_title,
)
from harde.state.store import ConversationStore, ConversationSummary, make_store
from harde.tools.approvals import CONFIRM_PROMPT, preview
from harde.tools.intake import KEPT_NOTE
from harde.tools.registry import ToolSpec, load_tools
from harde.understanding.directory import DIRECTORIES, Directory
from harde.understanding.intent import default_classifier
from harde.understanding.news import default_news
from harde.understanding.paste import LONG_PASTE_CHARS, PASTE_HANDLED, read_paste
from harde.understanding.reader import Action, Reader, product_words

log = logging.getLogger(__name__)

HISTORY_ITEMS = 60
# How many of the most recent conversations the list and its search look through.
SEARCHED_CONVERSATIONS = 500
# Seconds a deleted conversation can still be brought back.
UNDO_WINDOW_S = 600.0
NOT_FOUND = "That conversation was not found. Start a new one from the sidebar."
MAX_TURNS = 12
TOO_LONG = "That took too long; try a shorter question."
_DONE = object()
T = TypeVar("T")


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


class _TurnQueue(asyncio.Queue[Any]):
    """The turn's event queue, which also writes down what the turn did, as it is put in (the
    trail under the answer outlives the stream)."""

    def __init__(self, tools: dict[str, ToolSpec], display_name: Any) -> None:
        super().__init__()
        self.tools = tools
        self.display_name = display_name
        self.steps: list[str] = []
        self.notices: list[str] = []
        self.route = ""

    def put_nowait(self, item: Any) -> None:
        if isinstance(item, ToolCalled):
            spec = self.tools.get(item.name)
            step = spec.done_for(item.arguments) if spec else item.status.removesuffix("…")
            if step not in self.steps:
                self.steps.append(step)
        elif isinstance(item, StatusNote) and item.notice:
            self.notices.append(item.text)
        elif isinstance(item, RouteChosen):
            self.route = f"{item.agent} ({item.flow}): {item.reason}"
        super().put_nowait(item)


def _messages(items: list[TResponseInputItem]) -> list[dict[str, str]]:
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


@dataclass
class ChatMessage:
    """One message as the chat shows it; `turn` counts the user messages (from 0)."""

    role: str
    text: str
    turn: int
    record: TurnRecord | None = None


def may_open(state: ConversationState, user: User) -> bool:
    """A conversation is its owner's; directors may open any. One from before owners is everyone's."""
    return not state.owner or state.owner == user.username or user.is_director


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


def _finish(result: Any, turn: Turn) -> str:
    """The finished run's answer, recorded on the turn with the agent that gave it."""
    answer = result.final_output if isinstance(result.final_output, str) else str(result.final_output or "")
    turn.answer = answer
    turn.agent = result.last_agent.name
    return answer


def _typed(spec: ToolSpec, arguments: dict[str, Any]) -> dict[str, Any]:
    """Arguments validated to the tool's own types (ISO strings to dates, lists, ints), as the SDK does."""
    out: dict[str, Any] = {}
    for name, value in arguments.items():
        adapter = _argument_adapter(spec.func, name)
        out[name] = adapter.validate_python(value) if adapter is not None else value
    return out


@functools.cache
def _argument_adapter(func: Any, name: str) -> TypeAdapter[Any] | None:
    """A tool argument's validator, built once: resolving the tool's hints and building a
    pydantic schema on every call took longer than the fast path's own tool call."""
    hint = typing.get_type_hints(func).get(name)
    return TypeAdapter(hint) if hint is not None else None


async def _within(deadline: float, step: Awaitable[T]) -> T:
    """The step's result, or TurnTooLong once the turn's deadline (loop time) passes; the step is cancelled."""
    try:
        async with asyncio.timeout_at(deadline) as budget:
            return await step
    except TimeoutError as error:
        if budget.expired():
            raise TurnTooLong(TOO_LONG) from error
        raise


def _catalog_words(services: Services) -> frozenset[str]:
    try:
        return product_words([item.name for item in services.catalog.items])
    except (HardeError, OSError, ValueError) as error:
        log.warning("catalog unavailable for understanding: %s", type(error).__name__)
        return frozenset()


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
        self.services = Services(self.settings)
        self.reader = Reader(products=_catalog_words(self.services))
        # The intent model fits on first use (a second or two): start it now, off the event loop,
        # so the rep's first message does not wait for it.
        threading.Thread(target=default_classifier, name="intent-model", daemon=True).start()
        threading.Thread(target=default_news, name="news-model", daemon=True).start()
        self.store = store or make_store(self.settings)
        self.tools: dict[str, ToolSpec] = load_tools()
        self.backend = self.settings.llm_backend
        self.client: AsyncOpenAI | None = make_openai_client(self.settings) if self.backend == "openai" else None
        self.agents: dict[str, Agent[HardeContext]] = build_graph(self.config, self._model_for)
        # The command line's speaker; the web app passes the signed-in person with every turn.
        self.default_user = User(username=slugify(self.settings.user_name), name=self.settings.user_name, role="director")

    # --- models --------------------------------------------------------------------------
    def _model_for(self, key: str, spec: AgentSpec) -> Model:
        if self.client is None:
            return OfflineModel(key, spec.fast_path)
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
    async def history(self, conversation_id: str, user: User | None = None) -> list[dict[str, str]]:
        """The conversation as chat messages (role, text), for the UI to redraw; nothing when it
        is someone else's."""
        if not await self.can_open(conversation_id, user or self.default_user):
            return []
        return _messages(await self.store.session(conversation_id).get_items())

    async def messages(self, conversation_id: str, user: User | None = None) -> list[ChatMessage]:
        """The chat messages with, on the answer closing each turn, that turn's record (trail,
        notices, files, offers, feedback): what the UI redraws after a reload or a restart."""
        user = user or self.default_user
        state = await self.store.load_state(conversation_id)
        if state is not None and (not may_open(state, user) or state.deleted_at):
            return []
        items = await self.store.session(conversation_id).get_items()
        out: list[ChatMessage] = []
        users = -1
        for message in _messages(items):
            if message["role"] == "user":
                users += 1
                out.append(ChatMessage("user", message["text"], users))
            else:
                if out and out[-1].role == "assistant" and out[-1].turn == users:
                    out[-1].record = None  # only the last answer of a turn carries its record
                out.append(ChatMessage("assistant", message["text"], users, state.record(users) if state else None))
        return out

    async def state(self, conversation_id: str, user: User | None = None) -> ConversationState:
        """The conversation's state; a fresh one when it is new or belongs to someone else."""
        state = await self.store.load_state(conversation_id)
        if state is None or not may_open(state, user or self.default_user):
            return ConversationState(owner=(user or self.default_user).username)
        return state

    async def can_open(self, conversation_id: str, user: User) -> bool:
        """Whether this person may see the conversation: theirs, new, or they are a director."""
        state = await self.store.load_state(conversation_id)
        return state is None or (may_open(state, user) and not state.deleted_at)

    async def conversations(self, user: User, limit: int = 50, query: str = "") -> list[ConversationSummary]:
        """The person's own conversations, most recent first; a director sees everyone's.

        With a `query`, only those whose title or messages contain all its words (any case).
        Deleted ones are left out, and gone for good once their undo window has passed."""
        listed = await self.store.list_conversations(limit=SEARCHED_CONVERSATIONS, owner=None if user.is_director else user.username)
        words = query.casefold().split()
        out: list[ConversationSummary] = []
        now = time.time()
        for summary in listed:
            # The summary carries the deletion: listing reads no conversation's state.
            if summary.deleted_at:
                if now - summary.deleted_at > UNDO_WINDOW_S:
                    await self.store.delete(summary.id)
                continue
            if words and not await self._matches(summary, words):
                continue
            out.append(summary)
            if len(out) >= limit:
                break
        return out

    async def _matches(self, summary: ConversationSummary, words: list[str]) -> bool:
        found = summary.title.casefold()
        if all(w in found for w in words):
            return True
        items = await self.store.session(summary.id).get_items()
        found += "\n" + "\n".join(m["text"].casefold() for m in _messages(items))
        return all(w in found for w in words)

    async def _own_state(self, conversation_id: str, user: User) -> ConversationState | None:
        state = await self.store.load_state(conversation_id)
        return state if state is not None and may_open(state, user) else None

    async def rename(self, conversation_id: str, title: str, user: User) -> bool:
        """Give the conversation a title of the person's own (cut as first-line titles are)."""
        state = await self._own_state(conversation_id, user)
        title = conversation_title(title)
        if state is None or not title:
            return False
        async with self.store.lock(conversation_id):
            state = await self._own_state(conversation_id, user) or state
            state.title = title
            await self.store.save_state(conversation_id, state)
        return True

    async def delete(self, conversation_id: str, user: User, *, undo: bool = False) -> bool:
        """Delete the conversation, or (`undo`) bring it back within UNDO_WINDOW_S seconds."""
        async with self.store.lock(conversation_id):
            state = await self._own_state(conversation_id, user)
            if state is None or (undo and not state.deleted_at):
                return False
            state.deleted_at = 0.0 if undo else time.time()
            await self.store.save_state(conversation_id, state)
        return True

    async def rate(self, conversation_id: str, turn: int, score: int | None, user: User) -> bool:
        """Keep the person's thumbs up (1) or down (0) on the answer to the `turn`-th message."""
        async with self.store.lock(conversation_id):
            state = await self._own_state(conversation_id, user)
            record = state.record(turn) if state is not None else None
            if state is None or record is None:
                return False
            record.feedback, record.feedback_by, record.feedback_at = score, user.username, time.time()
            await self.store.save_state(conversation_id, state)
        return True

    async def examples(self) -> list[str]:
        """Four to six requests for the first screen, drawn from this company's own data."""
        try:
            directory = await DIRECTORIES.get(self.services.crm)
        except HardeError as error:
            log.warning("CRM directory unavailable for examples: %s", type(error).__name__)
            directory = Directory()

        def read() -> tuple[list[str], list[str]]:
            try:
                catalog = [item.name for item in self.services.catalog.items if item.default]
            except (HardeError, OSError, ValueError):
                catalog = []
            try:
                objections = [d.title for d in self.services.knowledge.documents() if d.category == "OBJECTION_HANDLING" and d.upload is None]
            except (HardeError, OSError, ValueError):
                objections = []
            price = [t for t in objections if "price" in t.casefold()]
            return catalog, price or objections

        catalog, objections = await asyncio.to_thread(read)
        return example_requests(directory, catalog=catalog, objections=objections)

    # --- turns ---------------------------------------------------------------------------
    async def ask(self, text: str, conversation_id: str | None = None, user: User | None = None) -> Turn:
        """One turn, blocking: the Turn with the whole answer."""
        turn: Turn | None = None
        async for event in self.stream(text, conversation_id, user):
            if isinstance(event, Done):
                turn = event.turn
        assert turn is not None
        return turn

    async def stream(self, text: str, conversation_id: str | None = None, user: User | None = None) -> AsyncIterator[Event]:
        """One turn as events: route, agent changes, tool calls and results, text deltas, done.

        `user` is who is asking (the web app's signed-in person; the command line's
        HARDE_USER_NAME otherwise). Turns on one conversation run one at a time, across processes
        when conversations live in Redis."""
        text = (text or "").strip()
        conversation_id = conversation_id or _new_id()
        user = user or self.default_user
        if not text:
            yield Done(Turn(answer="", agent="triage", flow="fast", conversation_id=conversation_id, error="empty message: nothing was sent"))
            return
        notices: list[str] = []
        pasted = len(text)
        limit = self.settings.max_input_chars
        if len(text) > limit:
            notices.append(f"Your message was {len(text):,} characters; I used the first {limit:,}.")
            text = text[:limit]
        async with self.store.lock(conversation_id):
            async for event in self._turn(text, conversation_id, user, notices, pasted):
                yield event

    async def _turn(self, text: str, conversation_id: str, user: User, notices: list[str], pasted: int) -> AsyncIterator[Event]:
        deadline = asyncio.get_running_loop().time() + self.settings.turn_budget_s
        state = await self.store.load_state(conversation_id)
        if state is not None and (not may_open(state, user) or state.deleted_at):
            yield Done(Turn(answer="", agent="triage", flow="fast", conversation_id=conversation_id, error=NOT_FOUND))
            return
        state = state or ConversationState(owner=user.username)
        if not state.title:
            state.title = conversation_title(text)
        started = asyncio.get_running_loop().time()
        queue = _TurnQueue(self.tools, self.display_name)
        context = HardeContext(
            settings=self.settings,
            services=self.services,
            conversation_id=conversation_id,
            state=state,
            user=user,
            emit=queue.put_nowait,
        )
        try:
            action = await _within(deadline, self._understand(text, state, user))
        except TurnTooLong:
            turn = Turn(answer="", agent="triage", flow="fast", conversation_id=conversation_id)
            turn.error = await self._out_of_time(context, turn)
            await self.store.save_state(conversation_id, state)
            yield ErrorEvent(turn.error)
            yield Done(turn)
            return
        context.action = action
        turn = Turn(answer="", agent=action.agent, flow="fast", conversation_id=conversation_id)
        offers = await self._paste_offers(text, pasted, action, state, notices)

        async def produce() -> None:
            CURRENT_CONTEXT.set(context)
            try:
                for notice in notices:
                    queue.put_nowait(StatusNote(notice, notice=True))
                await _within(deadline, self._play(text, action, context, turn, queue))
            except (Exception, asyncio.CancelledError) as error:
                if isinstance(error, asyncio.CancelledError):
                    turn.error = "stopped"
                else:
                    log.warning("turn failed: %s", type(error).__name__)
                    turn.error = await self._out_of_time(context, turn) if isinstance(error, TurnTooLong) else describe_error(error)
                    queue.put_nowait(ErrorEvent(turn.error))
                if isinstance(error, asyncio.CancelledError):
                    raise
            finally:
                # State is saved even after a failure: a write that went through must not be proposed again.
                if context.writes:  # the turn was stopped during an approved write: it finishes first
                    await asyncio.gather(*context.writes, return_exceptions=True)
                context.state.focus = action.focus
                context.state.active_agent = turn.agent if turn.agent != "triage" else context.state.active_agent
                context.state.awaiting_answer = turn.agent if asks_a_question(turn) else None
                turn.notices, turn.steps = list(queue.notices), list(queue.steps)
                turn.seconds = round(asyncio.get_running_loop().time() - started, 2)
                turn.attachments = list(context.attachments)
                turn.offers = [{"label": o.label, "request": o.request} for o in offers]
                await self._keep_record(text, action, turn, queue.route, context)
                await self.store.save_state(conversation_id, context.state)
                if context.written:
                    DIRECTORIES.invalidate(self.services.crm)
                queue.put_nowait(_DONE)

        task = asyncio.create_task(produce())
        try:
            while True:
                event = await queue.get()
                if event is _DONE:
                    break
                yield event
            await task
            yield Done(turn)
        finally:
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task

    async def _keep_record(self, text: str, action: Action, turn: Turn, route: str, context: HardeContext) -> None:
        """The turn's record, kept with the conversation, when the turn added its messages."""
        if turn.error:
            return
        items = await self.store.session(context.conversation_id).get_items()
        users = _user_texts(items)
        if not users or users[-1] != text:
            return
        context.state.turns.append(
            TurnRecord(
                turn=len(users) - 1, agent=turn.agent, flow=turn.flow, intent=action.intent, route=route,
                steps=turn.steps, agents=list(turn.agents), tools=list(turn.tools), seconds=turn.seconds,
                notices=turn.notices, attachments=turn.attachments,
                offers=[Offer(o["label"], o["request"]) for o in turn.offers], at=time.time(),
            )
        )

    async def _paste_offers(self, text: str, pasted: int, action: Action, state: ConversationState, notices: list[str]) -> list[Offer]:
        """What can be done with a long paste that reads as an email or notes (the understanding
        layer's reading), which is also said in the answer; nothing is offered for a short message
        or one the reading already acts on (a note, a new customer)."""
        if pasted < LONG_PASTE_CHARS:
            return []
        try:
            directory = await DIRECTORIES.get(self.services.crm)
        except HardeError:
            directory = Directory()
        reading = await asyncio.to_thread(read_paste, text, self.reader, directory, state.focus)
        if reading.kind is not None and pasted <= self.settings.max_input_chars:
            # Said in the answer itself (a longer one is already told it was cut).
            notices.append(f"That reads as {'an email' if reading.kind == 'email' else 'notes'} ({pasted:,} characters).")
        if action.intent in PASTE_HANDLED:
            return []
        return [Offer(o.label, o.request) for o in reading.offers]

    # --- understanding and the flow that follows from it --------------------------------------
    async def _understand(self, text: str, state: ConversationState, user: User) -> Action:
        try:
            directory = await DIRECTORIES.get(self.services.crm)
        except HardeError as error:
            log.warning("CRM directory unavailable: %s", type(error).__name__)
            directory = Directory()
        now = company_now(self.settings.timezone, self.settings.now)
        pending = state.pending_run.agent if state.pending_run else None
        pending_calls = state.pending_run.calls if state.pending_run else []
        me = directory.user_for(email=user.email, name=user.name)

        def read() -> Action:
            return self.reader.read(
                text, state.focus, directory, now, pending=pending, pending_calls=pending_calls, workflow=state.drafting,
                me=me.id if me else None, kb=self._playbook_coverage(text), web=self._web_search_set_up,
            )

        return await asyncio.to_thread(read)

    @property
    def _web_search_set_up(self) -> bool:
        key = self.settings.perplexity_api_key
        return key is not None and bool(key.get_secret_value().strip())

    def _playbook_coverage(self, text: str) -> float:
        """How much of the question the knowledge base speaks to; 0 when it is unavailable."""
        try:
            return float(self.services.knowledge.coverage(text))
        except (HardeError, OSError, ValueError) as error:
            log.warning("knowledge coverage unavailable: %s", type(error).__name__)
            return 0.0

    async def _play(self, text: str, action: Action, context: HardeContext, turn: Turn, queue: asyncio.Queue[Any]) -> None:
        if action.approves is True:
            queue.put_nowait(RouteChosen(action.agent, "sdk", "the rep approved the change waiting for a yes"))
            turn.flow = "sdk"
            await self._approve(text, context, turn, queue)
            return
        if action.approves is False:
            dropped = self._drop_pending(context)
            if action.reply is not None:
                await self._say(text, action.reply + dropped, action.agent, context, turn, queue)
                return
            if action.corrects:
                queue.put_nowait(StatusNote("Corrected the change that was waiting for a yes; nothing is written until you say yes.", notice=True))
            else:
                queue.put_nowait(StatusNote("The change that was waiting for a yes was dropped: nothing was written.", notice=True))
        # Offline the reading's own answer (a "which one?", "I don't have a job 9999") is the reply;
        # with a model, the model decides whatever the reading did not settle with a tool call.
        if action.reply is not None and (self.client is None or action.intent in ("confirm", "cancel")):
            queue.put_nowait(RouteChosen(action.agent, "fast", f"understood as {action.intent}"))
            await self._say(text, action.reply, action.agent, context, turn, queue)
            return
        call = await self._fast_call(text, action, context)
        queue.put_nowait(RouteChosen(action.agent, "fast" if call else "sdk", f"understood as {action.intent} ({action.confidence:.2f})"))
        if call is not None:
            turn.flow = "fast"
            await self._fast(text, action, call, context, turn, queue)
            return
        turn.flow = "sdk"
        await self._sdk(text, action, context, turn, queue)

    async def _fast_call(self, text: str, action: Action, context: HardeContext) -> ToolCall | None:
        """The one read call that answers this turn directly, when the reading is sure of it."""
        spec = self.config.agents.get(action.agent)
        if spec is None or spec.fast_path is None or not action.confident or context.state.workflow_in_progress:
            return None
        if action.tool is not None:
            call = ToolCall(action.tool, action.arguments)
        else:
            # The specialist's reading of the words (the same typed call offline and with a model).
            earlier = _user_texts(await self.store.session(context.conversation_id).get_items(limit=HISTORY_ITEMS))
            plan = await asyncio.to_thread(plan_for, PlanRequest(action.agent, text, [], spec.tools, spec.fast_path, context, earlier))
            if not isinstance(plan, ToolCall):
                return None
            call = plan
        tool = self.tools.get(call.name)
        if tool is None or tool.writes or call.name not in spec.tools:
            return None
        return call

    async def _out_of_time(self, context: HardeContext, turn: Turn) -> str:
        """The turn ran past its budget: an approved write under way finishes first (never half
        done); a write waiting for a yes is dropped, so no later yes runs what the rep never saw."""
        if context.writes:
            await asyncio.gather(*context.writes, return_exceptions=True)
        if context.state.pending_run is not None:
            self._drop_pending(context)
        turn.answer = TOO_LONG + (" The change you approved was made." if context.written else "")
        return turn.answer

    def _drop_pending(self, context: HardeContext) -> str:
        """Forget the write waiting for a yes; what to add to the answer (an intake keeps its fields)."""
        state = context.state
        note = ""
        if state.pending_run is not None and state.pending_run.agent == "new_clients":
            state.new_client.awaiting_confirmation = False
            note = "\n\n" + KEPT_NOTE
        state.pending_run = None
        context.state_changed()
        return note

    async def _say(self, text: str, answer: str, agent: str, context: HardeContext, turn: Turn, queue: asyncio.Queue[Any]) -> None:
        for word in split_words(answer):
            queue.put_nowait(TextDelta(word))
        turn.answer = answer
        turn.agent = agent
        turn.agents.append(agent)
        await self.store.session(context.conversation_id).add_items([_user_item(text), _assistant_item(answer)])

    # --- the fast path: one read tool, one streamed completion -----------------------------
    async def _fast(self, text: str, action: Action, call: ToolCall, context: HardeContext, turn: Turn, queue: asyncio.Queue[Any]) -> None:
        spec = self.config.agents[action.agent]
        session = self.store.session(context.conversation_id)
        history = _trim_history(await session.get_items(limit=HISTORY_ITEMS))
        turn.agents.append(action.agent)
        queue.put_nowait(AgentChanged(action.agent, spec.name))
        output = await self._run_tool(call, context, turn, queue)
        if self.client is None:
            record = ToolResultRecord(call.name, call.arguments, output)
            reply = await asyncio.to_thread(plan_for, PlanRequest(action.agent, text, [record], spec.tools, spec.fast_path, context, _user_texts(history)))
            answer = reply.text if isinstance(reply, Reply) else output
            for word in split_words(answer):
                queue.put_nowait(TextDelta(word))
        else:
            answer = await self._stream_completion(action.agent, spec, text, call, output, history, context, queue)
        turn.answer = answer
        turn.agent = action.agent
        await session.add_items([_user_item(text), _assistant_item(answer)])

    async def _run_tool(self, call: ToolCall, context: HardeContext, turn: Turn, queue: asyncio.Queue[Any]) -> str:
        spec = self.tools[call.name]
        queue.put_nowait(ToolCalled(call.name, call.arguments, spec.status_for(call.arguments)))
        try:
            output = await spec.func(RunContextWrapper(context=context), **_typed(spec, call.arguments))
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
        call: ToolCall,
        tool_output: str,
        history: list[TResponseInputItem],
        context: HardeContext,
        queue: asyncio.Queue[Any],
    ) -> str:
        """One streamed completion grounded on the tool's output, which travels as tool content."""
        assert self.client is not None
        system = system_message(agent, spec, context)
        system += "\n\nAnswer the rep's latest message from the tool output only; if it does not cover the question, say so."
        earlier: list[dict[str, Any]] = []
        for raw in history[-12:]:
            item: dict[str, Any] = dict(raw) if isinstance(raw, dict) else {}
            if item.get("role") in ("user", "assistant") and isinstance(item.get("content"), str):
                earlier.append({"role": item["role"], "content": item["content"]})
        # The state's values (a draft, a customer's details) as a labelled user-role block.
        asked = with_state_data([*earlier, {"role": "user", "content": text}], agent, context)
        call_id = f"call_{uuid.uuid4().hex[:16]}"
        arguments = json.dumps(call.arguments)
        model = self.settings.model_for(agent, spec.model)
        parts: list[str] = []
        if self.settings.openai_api == "responses":
            items: list[Any] = [
                *asked,
                {"type": "function_call", "call_id": call_id, "name": call.name, "arguments": arguments},
                {"type": "function_call_output", "call_id": call_id, "output": tool_output},
            ]
            stream = await self.client.responses.create(model=model, instructions=system, input=items, stream=True)
            async for event in stream:
                if getattr(event, "type", "") == "response.output_text.delta":
                    delta = str(getattr(event, "delta", ""))
                    parts.append(delta)
                    queue.put_nowait(TextDelta(delta))
            return "".join(parts)
        messages: list[Any] = [
            {"role": "system", "content": system},
            *asked,
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [{"id": call_id, "type": "function", "function": {"name": call.name, "arguments": arguments}}],
            },
            {"role": "tool", "tool_call_id": call_id, "content": tool_output},
        ]
        chat = await self.client.chat.completions.create(model=model, messages=messages, stream=True)
        async for chunk in chat:
            if chunk.choices and chunk.choices[0].delta.content:
                delta = chunk.choices[0].delta.content
                parts.append(delta)
                queue.put_nowait(TextDelta(delta))
        return "".join(parts)

    # --- the SDK path: triage and specialists with handoffs ---------------------------------
    async def _sdk(self, text: str, action: Action, context: HardeContext, turn: Turn, queue: asyncio.Queue[Any]) -> None:
        session = self.store.session(context.conversation_id)
        history = _trim_history(await session.get_items(limit=HISTORY_ITEMS))
        workflow = context.state.workflow_in_progress
        # A workflow under way continues with its specialist; anything else starts at triage.
        start_key = action.agent if workflow is not None and action.agent == workflow else "triage"
        run_input: list[TResponseInputItem] | RunState[Any] = [*history, _user_item(text)]
        turn.agents.append(start_key)
        queue.put_nowait(AgentChanged(start_key, self.display_name(start_key)))
        result = await self._run(self.agents[start_key], run_input, context, turn, queue, start_key)
        if result.interruptions:
            await self._pause(text, result, context, turn, queue)
            return
        _finish(result, turn)
        new_items = result.to_input_list()[len(history) :]
        await session.add_items(new_items)
        queue.put_nowait(StateChanged(context.state.public_state()))

    async def _run(
        self,
        starting: Agent[HardeContext],
        run_input: list[TResponseInputItem] | RunState[Any],
        context: HardeContext,
        turn: Turn,
        queue: asyncio.Queue[Any],
        current: str,
    ) -> Any:
        """One streamed SDK run (fresh or resumed); events go to the queue as they come."""
        result = Runner.run_streamed(
            starting,
            run_input,
            context=context,
            max_turns=MAX_TURNS,
            run_config=RunConfig(
                tracing_disabled=True,
                workflow_name="hard-e turn",
                # The offline model reads the state from the context; a model gets it as data.
                call_model_input_filter=model_input if self.client is not None else None,
            ),
        )
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
        return result

    async def _pause(self, text: str, result: Any, context: HardeContext, turn: Turn, queue: asyncio.Queue[Any]) -> None:
        """A write is waiting: preview it, keep the paused run with the conversation, ask for a yes.

        A write that would do nothing (a job that does not exist, the stage it is already in) is
        rejected at once with its reason, and the run finishes without asking."""
        for _ in range(MAX_TURNS):
            state = result.to_state()
            summaries: list[str] = []
            calls: list[dict[str, Any]] = []
            refused = False
            for item in state.get_interruptions():
                name = str(item.tool_name or getattr(item.raw_item, "name", ""))
                raw_arguments = getattr(item.raw_item, "arguments", None) or "{}"
                try:
                    arguments = json.loads(raw_arguments) if isinstance(raw_arguments, str) else dict(raw_arguments)
                except (json.JSONDecodeError, TypeError, ValueError):
                    arguments = {}
                spec = self.tools.get(name)
                writes, summary = (False, f"I can't run {name}.") if spec is None else await preview(spec, context, arguments)
                if writes:
                    summaries.append(summary)
                    calls.append({"tool": name, "arguments": arguments})
                else:
                    state.reject(item, rejection_message=summary)
                    refused = True
            if not refused:
                break
            if summaries:
                # Some calls would write, some not: ask about none of them, say why.
                for item in state.get_interruptions():
                    state.reject(item, rejection_message="Not done: another part of the request could not be done.")
            result = await self._run(self.agents[result.last_agent.name], state, context, turn, queue, result.last_agent.name)
            if not result.interruptions:
                answer = _finish(result, turn)
                await self.store.session(context.conversation_id).add_items([_user_item(text), _assistant_item(answer)])
                return
        agent = result.last_agent.name
        summary = "\n\n".join(summaries)
        context.state.pending_run = PendingRun(
            agent=agent,
            summary=summary,
            run_state=result.to_state().to_string(context_serializer=lambda _: {}),
            user=context.user.username,
            token=uuid.uuid4().hex,
            calls=calls,
        )
        context.state_changed()
        answer = f"{summary}\n\n{CONFIRM_PROMPT}"
        for word in split_words(answer):
            queue.put_nowait(TextDelta(word))
        turn.answer = answer
        turn.agent = agent
        await self.store.session(context.conversation_id).add_items([_user_item(text), _assistant_item(answer)])

    async def _approve(self, text: str, context: HardeContext, turn: Turn, queue: asyncio.Queue[Any]) -> None:
        """The rep said yes: resume the paused run with its writes approved, exactly once."""
        state = context.state
        pending = state.pending_run
        if pending is not None and pending.user and pending.user != context.user.username:
            # Only the rep who asked for the change may approve it.
            await self._say(text, "That change is waiting for the yes of the person who asked for it, not yours; nothing was changed.", "triage", context, turn, queue)
            return
        # Claimed before the write, atomically: a second yes, here or in another process, finds nothing.
        state.pending_run = None
        await self.store.save_state(context.conversation_id, state)
        if pending is None or (pending.token and not await self.store.claim_pending(context.conversation_id, pending.token)):
            await self._say(text, "There is nothing waiting for a yes right now; nothing was changed.", "triage", context, turn, queue)
            return
        run_state = await RunState.from_string(
            self.agents["triage"], pending.run_state, context_override=RunContextWrapper(context=context)
        )
        for item in run_state.get_interruptions():
            run_state.approve(item)
            name = str(item.tool_name or getattr(item.raw_item, "name", ""))
            spec = self.tools.get(name)
            turn.tools.append(name)
            queue.put_nowait(ToolCalled(name, {}, spec.status_for({}) if spec else f"Running {name}…"))
        turn.agents.append(pending.agent)
        queue.put_nowait(AgentChanged(pending.agent, self.display_name(pending.agent)))
        result = await self._run(self.agents[pending.agent], run_state, context, turn, queue, pending.agent)
        if result.interruptions:
            await self._pause(text, result, context, turn, queue)
            return
        answer = _finish(result, turn)
        await self.store.session(context.conversation_id).add_items([_user_item(text), _assistant_item(answer)])
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
