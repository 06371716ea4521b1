"""Time to draft and to voice a 250-word primer offline (target: audio in under 2 s).

Baselines in the same run: voicing in one piece vs in sentence groups, WAV vs MP3, and a cold
synthesis vs the content-hash cache. Run: .venv/bin/python bench/script_audio.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from harde.config import Settings
from harde.integrations.crm import make_crm
from harde.integrations.crm.local import load_demo
from harde.integrations.speech.audio import wav_duration
from harde.integrations.speech.cache import CachedSpeech
from harde.integrations.speech.espeak import EspeakSpeech
from harde.knowledge import make_knowledge_base
from harde.knowledge.transcripts import load_transcripts
from harde.scripting.primer import write_primer_script

RUNS = 5


async def timed(label: str, make: Callable[[int], Awaitable[object]], runs: int = RUNS) -> float:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        await make(i)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"  {label:<46} median {median * 1000:8.1f} ms   (min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}, n={runs})")
    return median


async def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-script-"))
    settings = Settings(_env_file=None, data_dir=work / "var", llm="offline", crm="local", tts="espeak")  # type: ignore[call-arg]
    load_demo(settings)
    crm = make_crm(settings)
    knowledge = make_knowledge_base(settings)
    transcripts = load_transcripts(settings)

    async def draft(_: int) -> object:
        return await write_primer_script(
            crm, knowledge, job_id=1021, company_name=settings.company_name,
            focus="architectural shingles", target_words=250, transcripts=transcripts,
        )

    await draft(0)  # warm the index and imports once
    script = await write_primer_script(
        crm, knowledge, job_id=1021, company_name=settings.company_name,
        focus="architectural shingles", target_words=250, transcripts=transcripts,
    )
    print(f"Primer for job 1021: {script.word_count} words")
    print("Drafting (offline, CRM + knowledge base + transcripts):")
    t_draft = await timed("write_primer_script", draft)

    one_piece = EspeakSpeech()
    one_piece.max_piece_chars = 100_000
    pieced = EspeakSpeech()
    pieced.max_piece_chars = 400
    await one_piece.synthesize("Warm up.", work / "warm.wav")

    print("Voicing with espeak-ng (cold: every run synthesises):")
    t_one = await timed("one piece -> WAV (baseline)", lambda i: one_piece.synthesize(script.text, work / f"one{i}.wav"))
    t_pieced = await timed("sentence groups of <=400 chars -> WAV", lambda i: pieced.synthesize(script.text, work / f"p{i}.wav"))
    t_default = await timed("default EspeakSpeech -> WAV", lambda i: EspeakSpeech().synthesize(script.text, work / f"d{i}.wav"))
    t_mp3 = await timed("default EspeakSpeech -> MP3 (ffmpeg encode)", lambda i: EspeakSpeech().synthesize(script.text, work / f"d{i}.mp3"))

    cache = CachedSpeech(EspeakSpeech(), work / "cache")
    await cache.synthesize(script.text, work / "c0.mp3")
    print("Cache (same text, voice and format):")
    t_cached = await timed("cached MP3 (hash + copy)", lambda i: cache.synthesize(script.text, work / f"c{i}.mp3"))

    duration = wav_duration(work / "d0.wav")
    print("\nSummary")
    print(f"  audio length: {duration:.1f} s for {script.word_count} words ({script.word_count / duration * 60:.0f} words a minute)")
    print(f"  draft: {t_draft * 1000:.1f} ms; voice WAV: {t_default * 1000:.0f} ms; voice MP3: {t_mp3 * 1000:.0f} ms; "
          f"draft + MP3: {(t_draft + t_mp3):.2f} s (target: audio < 2 s -> {'met' if t_mp3 < 2 else 'MISSED'})")
    print(f"  pieced vs one piece: {t_pieced / t_one:.2f}x the time (espeak is in-process and serial: pieces cost a little, never help)")
    print(f"  cached vs cold MP3: {t_mp3 / t_cached:.0f}x faster")
    await natural_voice(script.text, work, t_draft, t_mp3)
    await crm.aclose()


async def natural_voice(text: str, work: Path, t_draft: float, t_espeak_mp3: float) -> None:
    """Piper (the optional, GPL-3.0 extra) against espeak on the same primer: seconds of
    audio per second of CPU, and draft + voice end to end."""
    try:
        from harde.integrations.speech.piper import PiperSpeech

        piper = PiperSpeech()
        await piper.synthesize("Warm up.", work / "piper-warm.wav")
    except Exception as exc:
        print(f"\nPiper: not measured ({exc})")
        return
    print("\nA natural voice: Piper en_US-joe-medium vs espeak-ng (speech seconds per CPU second; higher is cheaper)")
    for label, voice in (("espeak-ng (default)", EspeakSpeech()), ("piper (pip install -e '.[piper]')", piper)):
        cpu, wall = time.process_time(), time.perf_counter()
        result = await voice.synthesize(text, work / f"nat-{voice.service}.mp3")
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        print(f"  {label:<36} {result.duration_s:6.1f} s of audio, {wall:5.2f} s wall, {cpu:5.2f} s CPU: {result.duration_s / max(cpu, 1e-6):7.1f} audio s per CPU s")
        if voice is piper:
            print(f"  primer end to end with piper (draft + MP3): {t_draft + wall:.2f} s, against {t_draft + t_espeak_mp3:.2f} s with espeak")


if __name__ == "__main__":
    asyncio.run(main())
