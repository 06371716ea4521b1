"""Long-input benchmark: every parser, and a whole offline `Assistant.ask` for each specialist's
kind of question, on 12,000-character messages made of digits, letters, spaces, or a mixture.

A parser that goes superlinear on such input (a regex that backtracks over a run of digits, a
fuzzy match against thousands of words) takes seconds or minutes where normal messages take
milliseconds, and a turn that waits on it holds up everyone else's. The same harness runs, in
the same run, on the baseline commit (checked out in a temporary git worktree) and on the code
in this tree; the figures are printed side by side, in milliseconds.

    .venv/bin/python bench/long_input.py [--no-baseline] [--chars 12000] [--limit 20] [--only NAME]

Each side runs in its own process with PYTHONPATH at its code. Every measurement runs in a
forked child, after a warm-up call on a short input of the same kind (indexes and models load
on first use), and is stopped after --limit seconds (shown as ">20 s"); an exception is shown
as "error: Name". `--only` keeps the rows whose name contains the text.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BASELINE_COMMIT = "bc0e184"
PINNED_NOW = "2026-11-23T09:00"
KINDS = ("digits", "letters", "spaces", "mixed")
ENV_TO_CLEAR = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LEAP_API_TOKEN", "PERPLEXITY_API_KEY", "ELEVENLABS_API_KEY")

# Each specialist's kind of question, the long run in the middle ("{}"), as a rep might paste it.
QUESTIONS = {
    "crm": "what's the balance on job {} for the johnsons",
    "knowledge": "how should I handle a homeowner who says {} about the price",
    "analysis": "in the director's calls, which objections come up most when {}",
    "pricing": "how much for a roof with a {} sq ft footprint at 6/12 with 15% waste",
    "new_clients": "new customer Dana Reyes, phone 617-555-0142, {} 12 Elm St Newton MA, roofing",
    "scripting": "write a primer script for job 1043 that mentions {}",
    "web_search": "search the web for {} shingle recalls",
    "triage": "{}",
}


def run_of(kind: str, n: int) -> str:
    if kind == "digits":
        return "7" * n
    if kind == "letters":
        return "a" * n
    if kind == "spaces":
        return " " * n
    pick = random.Random(n)
    alphabet = "abcdefghijklmnopqrstuvwxyz" "0123456789" "      " ".,-/$%@'x:"
    return "".join(pick.choice(alphabet) for _ in range(n))


def message(template: str, kind: str, chars: int) -> str:
    return template.format(run_of(kind, max(0, chars - len(template) + 2)))


# ------------------------------------------------------------------------------------------
# one side: the worker, running this side's code
# ------------------------------------------------------------------------------------------


class Fixtures:
    """What the parsers read, built once per measurement inside the forked child."""

    def __init__(self, data_dir: Path) -> None:
        import asyncio
        import datetime as dt

        from harde.config import Settings
        from harde.services import Services
        from harde.understanding.directory import load_directory

        self.settings = Settings(_env_file=None, data_dir=data_dir, llm="offline", crm="local")  # type: ignore[call-arg]
        self.services = Services(self.settings)
        self.directory = asyncio.run(load_directory(self.services.crm))
        self.now = dt.datetime.fromisoformat(PINNED_NOW)


def parsers() -> dict[str, Callable[[Fixtures, str], Any]]:
    import asyncio

    from harde.crm.mentions import resolve_mentions
    from harde.crm.search import rank_by_name
    from harde.intake.slots import take_fields
    from harde.knowledge.tokens import query_terms
    from harde.pricing.answers import answer_lookup, answer_question
    from harde.state.drafts import NewClientState
    from harde.understanding import slots, when
    from harde.understanding.customer_query import read_customer_query
    from harde.understanding.dictation import read_customer_message
    from harde.understanding.dictation.parser import read_customer
    from harde.understanding.intent import default_classifier
    from harde.understanding.memory import Focus
    from harde.understanding.pricing import parse_question
    from harde.understanding.reader import Reader
    from harde.understanding.transcripts import answer_in_words, interpret

    def customers(f: Fixtures) -> Any:
        return asyncio.run(f.services.crm.list_customers())

    def _intake_turn(text: str) -> Any:
        state = NewClientState()
        return take_fields(state, read_customer_message(text, state).fields)

    return {
        "understanding  Reader.read": lambda f, t: Reader().read(t, Focus(), f.directory, f.now),
        "understanding  intent scores": lambda f, t: default_classifier().scores(t),
        "understanding  slots.fields_asked": lambda f, t: slots.fields_asked(slots.normalise(t)),
        "understanding  slots.moment": lambda f, t: slots.moment(slots.normalise(t), f.now),
        "understanding  slots.day_range": lambda f, t: slots.day_range(slots.normalise(t), f.now),
        "understanding  slots amounts": lambda f, t: (slots.money_amounts(t), slots.percentages(t), slots.duration_minutes(t)),
        "understanding  slots.is_affirmative": lambda f, t: slots.is_affirmative(t),
        "understanding  when.parse_when": lambda f, t: when.parse_when(t, f.now),
        "understanding  when.parse_range": lambda f, t: when.parse_range(t, f.now),
        "understanding  pricing.parse_question": lambda f, t: parse_question(t),
        "understanding  transcripts.interpret": lambda f, t: interpret(t),
        "pricing        answer_question": lambda f, t: answer_question(parse_question(t), f.services.catalog),
        "pricing        answer_lookup (catalog)": lambda f, t: answer_lookup(t, f.services.catalog),
        "knowledge      query_terms": lambda f, t: query_terms(t),
        "knowledge      search": lambda f, t: f.services.knowledge.search(t, 5, None),
        "analysis       answer_in_words": lambda f, t: answer_in_words(f.services.transcripts, t),
        "intake         read_customer": lambda f, t: read_customer(t),
        "intake         read_customer_message": lambda f, t: _intake_turn(t),
        "understanding  read_customer_query": lambda f, t: read_customer_query(t),
        "crm            rank_by_name": lambda f, t: rank_by_name(read_customer_query(t).name, customers(f)),
        "crm            search_customers": lambda f, t: asyncio.run(f.services.crm.search_customers(read_customer_query(t))),
        "crm            resolve_mentions": lambda f, t: resolve_mentions("@" + t, asyncio.run(f.services.crm.list_users())),
    }


def ask(f: Fixtures, text: str, warm_up: str, started: Callable[[], None]) -> Any:
    import asyncio

    from harde.assistant import Assistant

    async def one() -> Any:
        assistant = Assistant(f.settings)
        try:
            await assistant.ask(warm_up)  # indexes and models load on first use: not the long input's cost
            started()
            start = time.perf_counter()
            await assistant.ask(text)
            return time.perf_counter() - start
        finally:
            await assistant.aclose()

    return asyncio.run(one())


def _child(conn: Any, name: str, kind: str, chars: int, data_dir: Path) -> None:
    try:
        fixtures = Fixtures(data_dir)
        if name.startswith("ask "):
            template = QUESTIONS[name.split()[1]]
            text = message(template, kind, chars)
            seconds = ask(fixtures, text, message(template, kind, 20), lambda: conn.send("started"))
        else:
            text = run_of(kind, chars)
            func = parsers()[name]
            func(fixtures, run_of(kind, 10))  # the same warm-up
            conn.send("started")
            start = time.perf_counter()
            func(fixtures, text)
            seconds = time.perf_counter() - start
        conn.send({"seconds": seconds})
    except BaseException as error:  # the figure says what failed; the run goes on
        conn.send({"error": type(error).__name__})


def measure(name: str, kind: str, chars: int, limit: float, data_dir: Path) -> dict[str, Any]:
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, name, kind, chars, data_dir))
    child.start()
    try:
        # The child's own set-up is not timed: the clock starts when it says so.
        if not receive.poll(300):
            return {"error": "set-up hung"}
        first = receive.recv()
        if first != "started":
            return dict(first)
        if receive.poll(limit):
            return dict(receive.recv())
        return {"timeout": True}
    except EOFError:
        return {"error": "crashed"}
    finally:
        if child.is_alive():
            child.kill()
        child.join()


def run_worker(out: Path, chars: int, limit: float, only: str | None) -> None:
    import harde
    from harde.understanding.intent import default_classifier

    default_classifier()  # fitted once, inherited by every forked child
    data_dir = Path(tempfile.mkdtemp(prefix="harde-long-"))
    names = [*parsers(), *(f"ask {key}" for key in QUESTIONS)]
    results: dict[str, dict[str, Any]] = {}
    try:
        Fixtures(data_dir)  # seeds the demo CRM once
        for name in names:
            if only and only not in name:
                continue
            results[name] = {}
            for kind in KINDS:
                results[name][kind] = measure(name, kind, chars, limit, data_dir)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    code_root = Path(harde.__file__).resolve().parents[1]
    out.write_text(json.dumps({"code_root": str(code_root), "results": results}), encoding="utf-8")


# ------------------------------------------------------------------------------------------
# both sides and the report
# ------------------------------------------------------------------------------------------


def worker_env(code_root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HARDE_") and k not in ENV_TO_CLEAR}
    env["HARDE_NOW"] = PINNED_NOW
    env["PYTHONPATH"] = str(code_root)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def start_worker(code_root: Path, out: Path, log: Path, args: argparse.Namespace) -> subprocess.Popen[bytes]:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--out", str(out), "--chars", str(args.chars), "--limit", str(args.limit)]
    if args.only:
        command += ["--only", args.only]
    return subprocess.Popen(command, cwd=code_root, env=worker_env(code_root), stdout=log.open("wb"), stderr=subprocess.STDOUT)


def cell(got: dict[str, Any] | None, limit: float) -> str:
    if not got:
        return "-"
    if got.get("timeout"):
        return f">{limit:g} s"
    if "error" in got:
        return f"error: {got['error']}"
    ms = got["seconds"] * 1000
    return "<1" if ms < 1 else f"{ms:,.0f}"


def report(sides: dict[str, dict[str, Any]], chars: int, limit: float) -> str:
    names = list(sides)
    rows = list(next(iter(sides.values())))
    width = 12 * len(names)
    lines = [
        f"{'':42}" + "".join(f"{kind:^{width}}" for kind in KINDS),
        f"{'(ms)':42}" + "".join(f"{n:>12}" for _ in KINDS for n in names),
    ]
    for row in rows:
        label = row if not row.startswith("ask ") else f"Assistant.ask  {row[4:]} question"
        lines.append(f"{label:42}" + "".join(f"{cell(sides[n].get(row, {}).get(kind), limit):>12}" for kind in KINDS for n in names))
    return "\n".join(lines)


def add_worktree(target: Path) -> None:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(target), BASELINE_COMMIT], check=True, capture_output=True)


def remove_worktree(target: Path) -> None:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(target)], check=False, capture_output=True)
    subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Long-input benchmark (baseline and current, side by side).")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--chars", type=int, default=12_000)
    parser.add_argument("--limit", type=float, default=20.0, help="seconds before a measurement is stopped")
    parser.add_argument("--only", help="only the rows whose name contains this")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        run_worker(args.out, args.chars, args.limit, args.only)
        return 0

    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="harde-bench-"))
    roots: dict[str, Path] = {}
    outputs: dict[str, dict[str, Any]] = {}
    try:
        if not args.no_baseline:
            tree = tmp / "baseline"
            add_worktree(tree)
            roots["baseline"] = tree
        roots["current"] = ROOT
        procs = {name: start_worker(root, tmp / f"{name}.json", tmp / f"{name}.log", args) for name, root in roots.items()}
        for name, proc in procs.items():
            code = proc.wait()
            out = tmp / f"{name}.json"
            if code != 0 or not out.exists():
                tail = (tmp / f"{name}.log").read_text(encoding="utf-8", errors="replace")[-3000:]
                print(f"!! the {name} run failed (exit {code}):\n{tail}", file=sys.stderr)
                outputs[name] = {}
                continue
            data = json.loads(out.read_text(encoding="utf-8"))
            if data.get("code_root") != str(roots[name].resolve()):
                print(f"!! the {name} run imported harde from {data.get('code_root')}, not {roots[name]}", file=sys.stderr)
            outputs[name] = data["results"]
    finally:
        if "baseline" in roots:
            remove_worktree(roots["baseline"])
        shutil.rmtree(tmp, ignore_errors=True)

    print(
        f"Long inputs: {args.chars:,}-character messages, offline; "
        + ", ".join(f"{n} = {'commit ' + BASELINE_COMMIT if n == 'baseline' else 'this tree'}" for n in outputs)
    )
    print("Parsers get the bare run; Assistant.ask gets the specialist's question with the run inside it.\n")
    print(report(outputs, args.chars, args.limit))
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    if "--worker" in sys.argv:
        # run this side's code, not whatever sits next to this file
        here = Path(__file__).resolve().parent
        sys.path[:] = [p for p in sys.path if p and Path(p).resolve() != here]
    sys.exit(main())
