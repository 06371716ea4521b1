"""Turns through the real Streamlit server: N browser sessions over Streamlit's WebSocket,
offline, each sending chat messages one after the other (at once, or after a rep's pause to read
the answer, `--think`); the shipped settings against
today's defaults (Streamlit's full garbage collection after every script run, every text
delta handed to the page on its own), and optionally against another checkout's code, in
the same run.

    .venv/bin/python bench/web_load.py [--sessions 1 20 50] [--turns 5] [--rounds 3] [--think S] [--against DIR]

The servers run side by side, each on its own copy of the demo data, and are loaded one at a
time, alternating in each round, so a busy machine slows them alike; the figures are the
median over the rounds with the lowest and highest in brackets. A session is what a browser
tab does: it opens /_stcore/stream, asks for a script run, finds the chat input's widget id in
what comes back, then sets it for each message and waits for the run that answers it (a run
ended early by st.rerun() is part of the same turn). Sign-in is HARDE_AUTH=proxy with the user
name in a header, as behind nginx. Prints p50/p95 per turn, turns a second and errors for each
server and session count.

With `--think 0` (the default) every session sends its next message the moment the answer
ends, so the server is saturated and p50 is about sessions / turns a second whatever the
server does: that figure measures throughput. `--think S` makes each session pause between
0.5 S and 1.5 S (seeded, so every server gets the same pauses) before its next message, as a
rep reading the answer does; the p50 is then the latency a rep feels at that offered load.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

ROOT = Path(__file__).resolve().parents[1]
READY_PATH = "/_stcore/script-health-check"
QUESTIONS = [
    "what stage is the Johnson roof job in?",
    "whats the balance on 1042",
    "who is the rep on the Walsh siding job?",
    "what is our warranty on workmanship?",
    "list the jobs for John Smith",
]
TURN_TIMEOUT_S = 120.0
REPS = ("dwhitaker", "mreed", "kshea")


@dataclass(frozen=True)
class Server:
    name: str
    flags: list[str]  # extra streamlit flags
    env: dict[str, str]  # extra environment
    root: Path = ROOT  # the checkout whose app.py, config and harde package run


SERVERS = [
    Server("defaults (GC after each run, a hop per delta)", ["--runner.postScriptGC", "true"], {"HARDE_STREAM_FRAME_MS": "0"}),
    Server("shipped (.streamlit/config.toml)", [], {}),
]


class Roll:
    """Counts sessions in (opened, or failed before opening); `all_in` is set at the last."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.count = 0
        self.all_in = asyncio.Event()

    def arrive(self) -> None:
        self.count += 1
        if self.count >= self.expected:
            self.all_in.set()


@dataclass
class Figures:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def streamlit_server(data_dir: Path, flags: list[str], env_extra: dict[str, str], root: Path = ROOT) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HARDE_", "OPENAI_", "STREAMLIT_"))}
    env.update(HARDE_LLM="offline", HARDE_CRM="local", HARDE_DATA_DIR=str(data_dir), HARDE_AUTH="proxy", **env_extra)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.headless", "true", "--server.fileWatcherType", "none", *flags]  # fmt: skip
    log = data_dir.parent / f"streamlit-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise SystemExit(f"streamlit exited:\n{log.read_text()[-3000:]}")
            try:
                if httpx.get(url + READY_PATH, timeout=90).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"streamlit never became ready:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


class Tab:
    """One browser session on the chat page."""

    def __init__(self, ws: ClientConnection, conversation: str) -> None:
        self.ws = ws
        self.query = f"c={conversation}"
        self.chat_input_id = ""
        self.page_hash = ""

    async def _rerun(self, text: str | None = None) -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        if text is not None:
            widget = state.widget_states.widgets.add()
            widget.id = self.chat_input_id
            widget.chat_input_value.data = text
        await self.ws.send(msg.SerializeToString())

    async def _until_finished(self) -> list[str]:
        """Read messages until a script run finishes for good; the errors it showed."""
        errors: list[str] = []
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), TURN_TIMEOUT_S)
            msg = ForwardMsg()
            msg.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = msg.new_session.page_script_hash or self.page_hash
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                which = element.WhichOneof("type")
                if which == "chat_input":
                    self.chat_input_id = element.chat_input.id
                elif which == "exception":
                    errors.append(element.exception.message[:200])
            elif kind == "script_finished":
                if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # st.rerun(): the run that follows is part of the same turn
                return errors

    async def open(self) -> None:
        await self._rerun()
        errors = await self._until_finished()
        if errors or not self.chat_input_id:
            raise RuntimeError(f"the chat page did not render: {errors or 'no chat input'}")

    async def say(self, text: str) -> list[str]:
        await self._rerun(text)
        return await self._until_finished()


async def session(url: str, n: int, turns: int, figures: Figures, roll: Roll, start: asyncio.Event, think: float = 0.0) -> None:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    arrived = False
    try:
        async with connect(ws_url, subprotocols=["streamlit"], additional_headers={"X-Remote-User": REPS[n % len(REPS)]},  # type: ignore[list-item]
                           max_size=None, open_timeout=60, ping_interval=None) as ws:  # fmt: skip
            tab = Tab(ws, uuid.uuid4().hex[:12])
            await tab.open()
            arrived = True
            roll.arrive()
            await start.wait()
            pauses = random.Random(n)
            for t in range(turns):
                if think and t:
                    await asyncio.sleep(think * pauses.uniform(0.5, 1.5))
                began = time.perf_counter()
                errors = await tab.say(QUESTIONS[(n + t) % len(QUESTIONS)])
                figures.latencies.append(time.perf_counter() - began)
                figures.errors.extend(errors)
    except Exception as exc:  # counted, not raised: the figure is how many sessions failed
        figures.errors.append(f"{type(exc).__name__}: {exc}"[:200])
    finally:
        if not arrived:
            roll.arrive()


async def load(url: str, sessions: int, turns: int, think: float = 0.0) -> tuple[Figures, float]:
    figures = Figures()
    start = asyncio.Event()
    roll = Roll(sessions)
    tasks = [asyncio.create_task(session(url, n, turns, figures, roll, start, think)) for n in range(sessions)]
    # Every tab open before the clock starts, as a sales floor with the app already loaded.
    await roll.all_in.wait()
    began = time.perf_counter()
    start.set()
    await asyncio.gather(*tasks)
    return figures, time.perf_counter() - began


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _spread(values: list[float], fmt: str) -> str:
    """The median, with the lowest and highest in brackets."""
    if not values:
        return "n/a"
    if len(values) == 1:
        return format(values[0], fmt)
    return f"{format(statistics.median(values), fmt)} [{format(min(values), fmt)}-{format(max(values), fmt)}]"


@dataclass
class Rounds:
    """One server's figures at one session count, a round at a time."""

    p50: list[float] = field(default_factory=list)
    p95: list[float] = field(default_factory=list)
    rate: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, figures: Figures, wall: float) -> None:
        ms = [x * 1000 for x in figures.latencies]
        if ms:
            self.p50.append(statistics.median(ms))
            self.p95.append(_percentile(ms, 0.95))
        self.rate.append(len(ms) / wall if wall > 0 else 0.0)
        self.errors.extend(figures.errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 20, 50])
    parser.add_argument("--turns", type=int, default=5, help="messages per session")
    parser.add_argument("--rounds", type=int, default=3, help="loads per server and session count, alternated")
    parser.add_argument("--think", type=float, default=0.0, help="seconds a session pauses between messages, on average (0: none)")
    parser.add_argument("--against", type=Path, help="another checkout (its shipped config) to compare with, e.g. `git worktree add`")
    args = parser.parse_args()
    servers = list(SERVERS)
    if args.against:
        servers.insert(1, Server(f"{args.against.name} (its shipped config)", [], {}, args.against.resolve()))
    with tempfile.TemporaryDirectory(prefix="harde-web-load-") as folder, contextlib.ExitStack() as running:
        seeded = Path(folder) / "seed"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("HARDE_", "OPENAI_"))}
        env.update(HARDE_DATA_DIR=str(seeded), HARDE_LLM="offline")
        subprocess.run([str(Path(sys.executable).with_name("harde")), "demo", "load"], env=env, check=True, capture_output=True)
        urls: dict[str, str] = {}
        for n, server in enumerate(servers):
            data_dir = Path(folder) / f"var-{n}"
            shutil.copytree(seeded, data_dir)
            urls[server.name] = url = running.enter_context(streamlit_server(data_dir, server.flags, server.env, server.root))
            # Warm-up, not counted: every question once (the first of each loads its part).
            warm, _ = asyncio.run(load(url, 1, len(QUESTIONS)))
            if warm.errors:
                raise SystemExit(f"warm-up failed on {server.name}: {warm.errors[:3]}")
        results = {(s.name, n): Rounds() for s in servers for n in args.sessions}
        for round_ in range(args.rounds):
            for sessions in args.sessions:
                # Alternated, and in the other order every other round.
                for server in servers if round_ % 2 == 0 else reversed(servers):
                    results[(server.name, sessions)].add(*asyncio.run(load(urls[server.name], sessions, args.turns, args.think)))
    paced = f"a pause of {args.think:g} s on average between them" if args.think else "each sent as the last is answered"
    print(f"\nTurns through the Streamlit server, offline, {args.turns} messages per session, {paced}, "
          f"median [lowest-highest] of {args.rounds} alternated rounds")  # fmt: skip
    print(f"  {'server':<48}{'sessions':>9}  {'p50 ms':<18}{'p95 ms':<18}{'turns/s':<20}{'errors':>6}")
    for (name, sessions), r in results.items():
        print(f"  {name:<48}{sessions:>9}  {_spread(r.p50, '.0f'):<18}{_spread(r.p95, '.0f'):<18}{_spread(r.rate, '.1f'):<20}{len(r.errors):>6}")
        for error in r.errors[:3]:
            print(f"      error: {error}")
    last = servers[-1].name
    for other in servers[:-1]:
        print(f"\n  shipped vs {other.name} (ratio of the medians):")
        for count in args.sessions:
            base, shipped = results[(other.name, count)], results[(last, count)]
            if base.p50 and shipped.p50:
                speed = statistics.median(base.p50) / statistics.median(shipped.p50)
                more = statistics.median(shipped.rate) / statistics.median(base.rate)
                print(f"    {count:>3} sessions: p50 {speed:4.1f}x faster, {more:4.1f}x the turns a second")


if __name__ == "__main__":
    main()
