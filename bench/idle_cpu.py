"""CPU an idle server burns while a rep keeps the chat open: `make run`'s command line with the
shipped .streamlit/config.toml (file watcher off), against `make dev`'s file watcher as the
baseline, both measured in this run.

Each server runs from the project folder, as `make run` does, with its data under var/ (inside
the watched tree, where a real install keeps it). A headless Chromium opens the chat, signed in,
and stays on the page; the figure is the server's CPU time (user + system, from /proc) over the
window, as a percentage of one core. With --churn the tree is also written to while it idles, as
a test run leaves it (caches, databases, temporary files); that is what makes the watcher spin.

    .venv/bin/python bench/idle_cpu.py [--seconds 60] [--churn] [--shipped-only]

Target: the shipped server stays under 5% of a core.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
TARGET_PCT = 5.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU of the process and its waited-for children, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # After the command: state is fields[0]; utime, stime, cutime, cstime are fields 11 to 14.
    return sum(int(v) for v in fields[11:15]) / CLOCK_TICKS


def start(port: int, data_dir: Path, watcher: str, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HARDE_", "OPENAI_", "STREAMLIT_"))}
    env.update(HARDE_LLM="offline", HARDE_CRM="local", HARDE_DATA_DIR=str(data_dir), HARDE_AUTH="proxy")
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port)]
    if watcher != "shipped":
        command += ["--server.fileWatcherType", watcher]
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def wait_healthy(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/_stcore/health", timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise SystemExit("the server did not answer within 120 s")


def churn(folder: Path, stop: threading.Event) -> None:
    """Files written and removed under the project, at the pace of a test run's caches."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    while not stop.is_set():
        path = folder / f"f{n % 200}.tmp"
        path.write_bytes(b"x" * 512)
        if n % 3 == 0:
            path.unlink(missing_ok=True)
        n += 1
        stop.wait(0.002)


def settle(pid: int, quiet_pct: float = 2.0, window_s: float = 5.0, longest_s: float = 120.0) -> None:
    """Wait until the first run's work is over (imports, the intent model fitting in its thread):
    a window in which the server used under quiet_pct of a core, or longest_s at most."""
    deadline = time.monotonic() + longest_s
    while time.monotonic() < deadline:
        before = cpu_seconds(pid)
        time.sleep(window_s)
        if 100 * (cpu_seconds(pid) - before) / window_s < quiet_pct:
            return


def measure(label: str, watcher: str, seconds: float, with_churn: bool, chromium: str) -> float:
    from playwright.sync_api import sync_playwright

    scratch = Path(tempfile.mkdtemp(prefix="bench-idle-", dir=ROOT / "var"))
    port = free_port()
    log = scratch / "streamlit.log"
    subprocess.run(
        [str(Path(sys.executable).parent / "harde"), "demo", "load"],
        cwd=ROOT, env={**os.environ, "HARDE_DATA_DIR": str(scratch / "data")}, check=True, capture_output=True,
    )  # fmt: skip
    process = start(port, scratch / "data", watcher, log)
    stop = threading.Event()
    writer = threading.Thread(target=churn, args=(scratch / "churn", stop), daemon=True)
    try:
        wait_healthy(port, process, log)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-proxy-server"])
            try:
                context = browser.new_context(extra_http_headers={"X-Remote-User": "dwhitaker"})
                page = context.new_page()
                page.goto(f"http://127.0.0.1:{port}/")
                page.get_by_text("Your sales director", exact=False).wait_for(timeout=120_000)
                settle(process.pid)
                if with_churn:
                    writer.start()
                before, began = cpu_seconds(process.pid), time.monotonic()
                time.sleep(seconds)
                used, wall = cpu_seconds(process.pid) - before, time.monotonic() - began
            finally:
                browser.close()
        overflows = log.read_text(errors="replace").count("Inotify queue overflow")
    finally:
        stop.set()
        if writer.is_alive():
            writer.join(timeout=5)
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(scratch, ignore_errors=True)
    pct = 100 * used / wall
    print(f"{label:<40} {pct:6.1f}% of a core  ({used:.2f} s CPU in {wall:.0f} s; {overflows} inotify overflows logged)")
    return pct


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--churn", action="store_true", help="write files under the project while idle")
    parser.add_argument("--shipped-only", action="store_true", help="skip the file-watcher baseline")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    (ROOT / "var").mkdir(exist_ok=True)
    churned = " + churn" if args.churn else ""
    print(f"idle server, chat open in Chromium, {args.seconds:.0f} s each")
    shipped = measure(f"make run (shipped config){churned}", "shipped", args.seconds, args.churn, chromium)
    if not args.shipped_only:
        watched = measure(f"make dev (file watcher on){churned}", "auto", args.seconds, args.churn, chromium)
        print(f"baseline / shipped: {watched / max(shipped, 0.01):.1f}x")
    verdict = "ok" if shipped < TARGET_PCT else "OVER TARGET"
    print(f"target: shipped under {TARGET_PCT:.0f}% of a core: {verdict}")
    if shipped >= TARGET_PCT:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
