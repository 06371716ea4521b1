"""The time Hard-E itself adds to a turn: submit to first text delta, and to done.

Fast path and SDK path, 200 turns each, with the offline model and with the OpenAI-compatible
test server answering at once. The tools are trivial here on purpose, so the figures are the
app's own overhead (routing, the agent graph, events, persistence). The baseline, measured in
the same run, is the bare model call: the openai client streaming one completion from the same
server, and the offline planner called directly.

    .venv/bin/python bench/turn_overhead.py [--turns 200]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agents import RunContextWrapper
from openai import AsyncOpenAI
from pydantic import SecretStr

from harde.agents.config import AgentGraphConfig, load_agent_config
from harde.assistant import Assistant
from harde.config import Settings
from harde.context import HardeContext
from harde.emulators.openai_server import OpenAITestServer
from harde.events import Done, TextDelta
from harde.llm.planning import PLANNERS, PlanRequest, plan_for
from harde.tools.registry import tool

FAST_QUESTION = "What is our warranty on workmanship?"
SDK_REQUEST = "Add a note to job 1043: materials delivered, call the homeowner"


@tool(status="Looking up {query}…")
async def bench_lookup(ctx: RunContextWrapper[HardeContext], query: str) -> str:
    """Look something up (benchmark tool: answers at once)."""
    return "Workmanship is covered for ten years on every job we install."


def bench_config() -> AgentGraphConfig:
    config = load_agent_config().model_copy(deep=True)
    config.agents["knowledge"].tools = ["bench_lookup"]
    config.agents["knowledge"].fast_path = "bench_lookup"
    return config


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def time_turns(assistant: Assistant, text: str, turns: int, before: Any = None) -> tuple[list[float], list[float], str]:
    first: list[float] = []
    done: list[float] = []
    flow = ""
    for n in range(turns):
        if before is not None:
            before()
        start = time.perf_counter()
        got_first = None
        async for event in assistant.stream(text, f"bench-{n}"):
            if isinstance(event, TextDelta) and got_first is None:
                got_first = time.perf_counter() - start
            elif isinstance(event, Done):
                done.append(time.perf_counter() - start)
                flow = event.turn.flow
                if event.turn.error:
                    raise RuntimeError(event.turn.error)
        first.append(got_first if got_first is not None else done[-1])
    return first, done, flow


async def baseline_client(server: OpenAITestServer, turns: int) -> tuple[list[float], list[float]]:
    client = AsyncOpenAI(api_key="sk-bench", base_url=server.base_url)
    first: list[float] = []
    done: list[float] = []
    for _ in range(turns):
        server.enqueue_text("Workmanship is covered for ten years on every job we install.")
        start = time.perf_counter()
        got_first = None
        stream = await client.chat.completions.create(
            model="bench", messages=[{"role": "user", "content": FAST_QUESTION}], stream=True
        )
        async for chunk in stream:
            if got_first is None and chunk.choices and chunk.choices[0].delta.content:
                got_first = time.perf_counter() - start
        done.append(time.perf_counter() - start)
        first.append(got_first or done[-1])
    await client.close()
    return first, done


def baseline_offline(settings: Settings, turns: int) -> list[float]:
    times = []
    for _ in range(turns):
        start = time.perf_counter()
        plan_for(PlanRequest("knowledge", FAST_QUESTION, [], ["bench_lookup"], "bench_lookup", None))
        times.append(time.perf_counter() - start)
    return times


def row(label: str, first: list[float], done: list[float]) -> str:
    ms = 1000
    return (
        f"{label:<44} {pct(first, .5) * ms:8.2f} {pct(first, .95) * ms:8.2f} "
        f"{pct(done, .5) * ms:8.2f} {pct(done, .95) * ms:8.2f}"
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=200)
    turns = parser.parse_args().turns
    PLANNERS.pop("knowledge", None)
    PLANNERS.pop("crm", None)
    config = bench_config()
    with tempfile.TemporaryDirectory() as tmp:
        base = Settings(_env_file=None, data_dir=Path(tmp) / "offline", llm="offline", crm="local")  # type: ignore[call-arg]
        offline = Assistant(base, config=config)
        await offline.ask(FAST_QUESTION)  # warm up imports and the database
        results = {
            "offline, fast path": await time_turns(offline, FAST_QUESTION, turns),
            "offline, SDK path (triage -> crm -> tool)": await time_turns(offline, SDK_REQUEST, turns),
        }
        await offline.aclose()

        with OpenAITestServer() as server:
            online_settings = base.model_copy(
                update={"llm": "openai", "openai_api_key": SecretStr("sk-bench"), "openai_base_url": server.base_url, "data_dir": Path(tmp) / "online"}
            )
            online = Assistant(online_settings, config=config)
            server.enqueue_text("warm")
            await online.ask(FAST_QUESTION)

            def script_sdk() -> None:
                server.enqueue_tool_call("transfer_to_crm", {})
                # The write pauses for the rep's approval: two model calls, then the preview.
                server.enqueue_tool_call("crm_add_note", {"job_id": 1043, "note": "materials delivered"})

            def script_fast() -> None:
                server.enqueue_text("Workmanship is covered for ten years on every job we install.")

            results["test server, fast path"] = await time_turns(online, FAST_QUESTION, turns, script_fast)
            results["test server, SDK path (2 model calls, write paused)"] = await time_turns(online, SDK_REQUEST, turns, script_sdk)
            base_first, base_done = await baseline_client(server, turns)
            await online.aclose()
    plan_times = baseline_offline(base, turns)

    print(f"turn overhead, {turns} turns each (ms)")
    print(f"{'':<44} {'1st p50':>8} {'1st p95':>8} {'done p50':>8} {'done p95':>8}")
    for label, (first, done, flow) in results.items():
        print(row(f"{label} [{flow}]", first, done))
    print(row("baseline: bare openai client, one stream", base_first, base_done))
    print(row("baseline: offline planner alone", plan_times, plan_times))
    fast_first = pct(results["test server, fast path"][0], .5)
    print()
    print(f"app overhead to first delta, fast path, test server: {(fast_first - pct(base_first, .5)) * 1000:.2f} ms over the bare client (p50)")
    print(f"targets: fast path first delta p50 < 30 ms: offline {pct(results['offline, fast path'][0], .5) * 1000:.1f} ms, "
          f"test server {fast_first * 1000:.1f} ms; SDK path first delta p50 < 100 ms: offline "
          f"{pct(results['offline, SDK path (triage -> crm -> tool)'][0], .5) * 1000:.1f} ms, test server "
          f"{pct(results['test server, SDK path (2 model calls, write paused)'][0], .5) * 1000:.1f} ms")
    print(f"median of all done times: {statistics.median(results['offline, fast path'][1]) * 1000:.2f} ms (offline fast)")


if __name__ == "__main__":
    asyncio.run(main())
