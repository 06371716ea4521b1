"""Tools are plain typed async functions; this registry records them apart from the SDK.

A tool module decorates its functions with `@tool(...)`; `load_tools()` imports every module
in `harde.tools`, and `harde.agents.graph` wraps the ones an agent names in agent_config.yaml
as SDK function tools. The fast path calls the same functions directly.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

ToolFunc = Callable[..., Awaitable[str]]
# A write's dry run: what it would do (or why it can't), from its arguments, without writing.
Preview = Callable[[Any, dict[str, Any]], Awaitable[Any]]


@dataclass(frozen=True)
class ToolSpec:
    name: str
    func: ToolFunc
    writes: bool
    # Status-line text while the tool runs; formatted with the call's arguments.
    status: str
    preview: Preview | None = None

    def status_for(self, arguments: dict[str, Any]) -> str:
        if not self.status:
            return f"Running {self.name}…"
        try:
            return self.status.format_map(_Blank({k: _short(v) for k, v in arguments.items()}))
        except (ValueError, IndexError):
            return self.status

    def done_for(self, arguments: dict[str, Any]) -> str:
        """The status in the past tense, for the trail under an answer: "looked job 1052 up in the CRM"."""
        text = self.status_for(arguments).removesuffix("…").strip()
        verb, _, rest = text.partition(" ")
        text = f"{_PAST.get(verb, verb)} {rest}".strip()
        job = arguments.get("job_id")
        if isinstance(job, int) and str(job) not in text:
            text = text.replace(" that ", f" job {job} ", 1) if " that " in text else f"{text} (job {job})"
        elif arguments.get("customer_id") is not None:
            text = text.replace(" that ", " the customer ", 1)
        return text[:1].lower() + text[1:]


STATUS_VALUE_CHARS = 60
# The verbs the status lines start with, and their past tense.
_PAST = {
    "Looking": "Looked", "Searching": "Searched", "Listing": "Listed", "Checking": "Checked",
    "Preparing": "Prepared", "Taking": "Took", "Dropping": "Dropped", "Analysing": "Analysed",
    "Counting": "Counted", "Working": "Worked", "Finding": "Found", "Picking": "Picked",
    "Writing": "Wrote", "Revising": "Revised", "Finalising": "Finalised", "Recording": "Recorded",
    "Measuring": "Measured", "Converting": "Converted", "Running": "Ran", "Adding": "Added",
    "Changing": "Changed", "Creating": "Created", "Making": "Made", "Starting": "Started",
    "Booking": "Booked", "Reading": "Read", "Pricing": "Priced",
}  # fmt: skip


def _short(value: Any) -> Any:
    # A status line names what is looked up; a pasted page would fill the screen.
    if isinstance(value, str) and len(value) > STATUS_VALUE_CHARS:
        return value[: STATUS_VALUE_CHARS - 1].rstrip() + "…"
    return value


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"


TOOLS: dict[str, ToolSpec] = {}


def tool(*, status: str = "", writes: bool = False, preview: Preview | None = None) -> Callable[[ToolFunc], ToolFunc]:
    """Register a tool. Its docstring is what the model reads; its name is the tool's name.

    A tool that `writes` runs only after the rep approves it; its `preview` says what it will do."""

    def register(func: ToolFunc) -> ToolFunc:
        name = func.__name__
        if name in TOOLS and TOOLS[name].func is not func:
            raise ValueError(f"two tools are named {name!r}")
        TOOLS[name] = ToolSpec(name=name, func=func, writes=writes, status=status, preview=preview)
        return func

    return register


def load_tools() -> dict[str, ToolSpec]:
    """Import every tool module so that its tools register, and return the registry."""
    import harde.tools as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name != "registry":
            importlib.import_module(f"harde.tools.{info.name}")
    return TOOLS
