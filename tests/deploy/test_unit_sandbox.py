"""The units' seccomp rules do not break the app: MemoryDenyWriteExecute=yes and
SystemCallFilter=~@privileged @resources (EPERM) around speech, video, search, a PDF and a turn.

The espeak-ng voice is a ctypes callback (libffi closures prefer W+X memory), the renderer runs
ffmpeg, numpy's OpenBLAS calls mbind() (in @resources), and the PDF reader's child caps its
own memory (setrlimit is in @resources; glibc makes it prlimit64): all run here under the same rules.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from tests.deploy.loopback_site import PROJECT_ROOT

pytestmark = [
    pytest.mark.deploy,
    pytest.mark.skipif(
        platform.machine() != "x86_64" or sys.platform != "linux",
        reason="the filter is written with x86-64 Linux syscall numbers",
    ),
]

FILTER = Path(__file__).with_name("unit_seccomp_filter.py")

PROBE = """
import asyncio, subprocess, sys
from pathlib import Path
import imageio_ffmpeg
import numpy
from harde import Assistant
from harde.config import Settings
from harde.integrations.speech.espeak import EspeakSpeech

out = Path(sys.argv[1])
voice = asyncio.run(EspeakSpeech().synthesize("Your new roof starts Monday.", out / "voice.wav"))
print("voice", voice.duration_s)
subprocess.run(
    [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10",
     "-i", str(out / "voice.wav"), "-t", "1", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac",
     str(out / "clip.mp4")],
    check=True,
)
print("blas", float((numpy.ones((300, 300)) @ numpy.ones((300, 300)))[0, 0]))
from harde.knowledge.pdf import read_pdf
pdf = Path("data/demo/knowledge/PRICING_STRATEGIES/payment_terms_and_deposit_policy.pdf")
print("pdf", read_pdf(pdf.name, pdf.read_bytes()).title)
settings = Settings(_env_file=None, data_dir=out / "var", llm="offline", crm="local")
turn = asyncio.run(Assistant(settings).ask("What's our standard objection response for price concerns?"))
(out / "answer.txt").write_text(turn.answer)
print("turn", turn.agent)
"""


def run_filtered(script: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(FILTER), str(script), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )


def test_speech_video_search_and_a_turn_work_under_the_units_seccomp_rules(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE)
    result = run_filtered(probe, str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "voice.wav").stat().st_size > 1000
    assert (tmp_path / "clip.mp4").stat().st_size > 1000
    assert "blas 300.0" in result.stdout
    assert "pdf Payment Terms and Deposit Policy" in result.stdout
    assert (tmp_path / "answer.txt").read_text().strip()


def test_the_filter_is_in_force(tmp_path: Path) -> None:
    """Without this, the test above would prove nothing."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        f"import sys\nsys.path.insert(0, {str(FILTER.parent)!r})\n"
        "from unit_seccomp_filter import resource_calls_refused, write_execute_refused\n"
        "print(write_execute_refused(), resource_calls_refused())\n"
    )
    result = run_filtered(probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]
