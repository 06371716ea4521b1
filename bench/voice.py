"""Speech in with no keys: word error, customer fields parsed from transcripts, latency, memory;
and speech out: Piper against espeak.

The bench set is bench/voice_cases.jsonl (30 dictated customers with their expected records,
10 questions); `--set dev` takes bench/voice_dev_cases.jsonl instead (46 other dictations and 12
questions, the set the parser's handling of Whisper's forms is worked on, so that the bench set
stays unseen). Either is spoken by synthetic voices: espeak-ng at two rates and, when the piper extra is
installed, the Piper en_US-joe-medium voice (the natural one the targets are for). Each figure
is printed beside the baseline measured in the same run: faster-whisper with the same model and
decoding settings but no vocabulary prompt and no second listen to a phone number heard a digit
short, and the transcript parsed without the clean-up of Whisper's written forms ("0-2-1-6-9",
"sarahatgmail.com", "617-55-0123").

Targets on this machine, natural voice: p50 under 1.5 s from the end of a 10 s recording to
its text; at least 85% of fields, 95% of phone numbers and 60% of emails right.

Run: .venv/bin/python bench/voice.py [--set bench|dev] [--voices espeak150,espeak190,piper] [--limit N]
     [--dump FILE] [--accuracy-only]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz.distance import Levenshtein

import harde.understanding.dictation.phones as phones_module
import harde.understanding.dictation.spoken as spoken_module
from harde.config import Settings
from harde.integrations.recording import decode_recording
from harde.integrations.speech.audio import PcmAudio, join_pcm, silence
from harde.integrations.speech.espeak import EspeakSpeech
from harde.integrations.whisper import WhisperOptions, WhisperTranscriber, echoes_prompt
from harde.services import Services
from harde.understanding.dictation import parse_customer

HERE = Path(__file__).resolve().parent
CASE_SETS = {"bench": HERE / "voice_cases.jsonl", "dev": HERE / "voice_dev_cases.jsonl"}
FIELDS = ("first_name", "last_name", "phone", "email", "street", "city", "state", "zip", "trade")
LATENCY_RUNS = 10
SCRIPT_WORDS = 250


# --- the bench set, spoken -------------------------------------------------------------------
def load_cases(limit: int | None, which: str = "bench") -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows = [json.loads(line) for line in CASE_SETS[which].read_text().splitlines() if line.strip()]
    dictations = [r for r in rows if r["kind"] == "dictation"]
    questions = [r for r in rows if r["kind"] == "question"]
    if limit:
        dictations, questions = dictations[:limit], questions[: max(1, limit // 3)]
    return dictations, questions


def make_voice(name: str) -> Any:
    if name.startswith("espeak"):
        return EspeakSpeech(rate_wpm=int(name.removeprefix("espeak") or 150))
    if name == "piper":
        from harde.integrations.speech.piper import PiperSpeech

        return PiperSpeech()
    raise SystemExit(f"unknown voice {name!r}")


async def spoken(voice: Any, text: str, cache: Path) -> bytes:
    """The text voiced as a WAV, kept by content hash (Piper's voice varies run to run, so the
    same audio serves both the baseline and Hard-E within a run and across runs)."""
    key = hashlib.sha256(f"{voice.cache_key}|{text}".encode()).hexdigest()[:20]
    path = cache / f"{key}.wav"
    if not path.is_file():
        audio: PcmAudio = await voice.voice(text)
        # A recording starts and ends with a little room silence.
        padded = join_pcm([PcmAudio(silence(0.4, audio.sample_rate), audio.sample_rate), audio, PcmAudio(silence(0.6, audio.sample_rate), audio.sample_rate)])
        path.write_bytes(padded.to_wav_bytes())
    return path.read_bytes()


# --- scoring ---------------------------------------------------------------------------------
def words_for_wer(text: str) -> list[str]:
    """Lower case, number words as digits, digits one by one, no punctuation."""
    out = spoken_module.digits_for_number_words(text.lower().replace("-", " "))
    out = re.sub(r"(\d)", r" \1 ", out)
    return re.findall(r"[a-z0-9']+", out.replace("'", ""))


def wer(pairs: list[tuple[str, str]]) -> float:
    errors = sum(Levenshtein.distance(words_for_wer(ref), words_for_wer(hyp)) for ref, hyp in pairs)
    total = sum(len(words_for_wer(ref)) for ref, _ in pairs)
    return errors / max(1, total)


def _same(field: str, got: Any, want: str) -> bool:
    if got is None:
        return False
    a, b = str(got).casefold().strip(), want.casefold().strip()
    if field == "street":
        suffixes = {"st": "street", "ave": "avenue", "rd": "road", "ln": "lane", "dr": "drive"}
        a, b = (" ".join(suffixes.get(w.strip("."), w.strip(".")) for w in s.split()) for s in (a, b))
    return a == b


def score(records: list[tuple[dict[str, str], Any]]) -> dict[str, float]:
    right = dict.fromkeys(FIELDS, 0)
    whole = 0
    for expected, draft in records:
        ok = [f for f in FIELDS if _same(f, getattr(draft, f), expected[f])]
        for f in ok:
            right[f] += 1
        whole += len(ok) == len(FIELDS)
    n = max(1, len(records))
    out = {f: right[f] / n for f in FIELDS}
    out["fields"] = sum(right.values()) / (n * len(FIELDS))
    out["records"] = whole / n
    return out


@contextmanager
def without_transcript_cleanup() -> Iterator[None]:
    """The parser as it was before it knew Whisper's written forms."""
    forms, repair = spoken_module.transcript_forms, phones_module.REPAIR_COLLAPSED_DIGITS
    spoken_module.transcript_forms = lambda text: text
    phones_module.REPAIR_COLLAPSED_DIGITS = False
    try:
        yield
    finally:
        spoken_module.transcript_forms, phones_module.REPAIR_COLLAPSED_DIGITS = forms, repair


# --- running ---------------------------------------------------------------------------------
async def transcribe_all(transcriber: WhisperTranscriber, clips: list[bytes]) -> list[str]:
    out = []
    for wav in clips:
        try:
            out.append(await transcriber.transcribe(wav))
        except Exception as exc:  # counted as an empty transcript, and said
            print(f"    ! {type(exc).__name__}: {exc}")
            out.append("")
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def latency(transcriber: WhisperTranscriber, wav: bytes, label: str) -> tuple[float, float, float]:
    duration = decode_recording(wav).duration_s
    times = []
    for _ in range(LATENCY_RUNS):
        start = time.perf_counter()
        await transcriber.transcribe(wav)
        times.append(time.perf_counter() - start)
    p50, p95 = statistics.median(times), percentile(times, 0.95)
    print(f"  {label:<34} {duration:5.1f} s clip   p50 {p50:5.2f} s   p95 {p95:5.2f} s   real-time factor {p50 / duration:.3f}")
    return p50, p95, p50 / duration


async def breakdown(transcriber: WhisperTranscriber, wav: bytes) -> None:
    """Where one clip's time goes: decoding the file, the prompt, the model (with the VAD)."""
    runs: dict[str, list[float]] = {"decode": [], "prompt": [], "model": []}
    retries = 0
    loaded = transcriber._model()
    for _ in range(3):
        a = time.perf_counter()
        recording = decode_recording(wav)
        b = time.perf_counter()
        prompt = await transcriber._prompt()
        c = time.perf_counter()
        text = transcriber._decode(loaded.model, recording.samples, prompt)
        d = time.perf_counter()
        retries += bool(prompt and (not text or echoes_prompt(text, prompt)))
        runs["decode"].append(b - a)
        runs["prompt"].append(c - b)
        runs["model"].append(d - c)
    parts = "   ".join(f"{k} {statistics.median(v):.3f} s" for k, v in runs.items())
    print(f"    where it goes: {parts}   retried without the prompt: {retries} of 3")


def cold_first_clip(wav: bytes) -> None:
    """The first clip in a fresh process, with and without the warm-up the app does at start."""
    code = (
        "import asyncio, sys, time\n"
        "from harde.integrations.whisper import WhisperTranscriber\n"
        "t = WhisperTranscriber(); wav = open(sys.argv[1], 'rb').read()\n"
        "if sys.argv[2] == 'warm': asyncio.run(t.warm_up())\n"
        "s = time.perf_counter(); asyncio.run(t.transcribe(wav)); print(time.perf_counter() - s)\n"
    )
    with tempfile.NamedTemporaryFile(suffix=".wav") as clip:
        clip.write(wav)
        clip.flush()
        for how in ("cold", "warm"):
            out = subprocess.run([sys.executable, "-c", code, clip.name, how], capture_output=True, text=True, timeout=300, cwd=HERE.parent, check=True)
            print(f"    first clip in a new process, {'no warm-up' if how == 'cold' else 'after the warm-up'}: {float(out.stdout.split()[-1]):.2f} s")


def clip_of(wavs: list[bytes], seconds: float) -> bytes:
    """A clip of about `seconds`: dictations joined, then cut."""
    samples = b""
    for wav in wavs:
        recording = decode_recording(wav)
        pcm = (recording.samples * 32767).astype("<i2").tobytes()
        samples += pcm
        if len(samples) >= seconds * 16_000 * 2:
            break
    return PcmAudio(samples[: int(seconds * 16_000) * 2], 16_000).to_wav_bytes()


def rss_mb() -> tuple[float, float]:
    status = Path("/proc/self/status").read_text()
    now = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]
    peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]
    return now, peak


async def speech_out_rtf() -> None:
    words = ("Hi, this is Dana from Summit Ridge Exteriors. Before we start on your roof, here is what the day looks like. " * 20).split()
    script = " ".join(words[:SCRIPT_WORDS])
    print(f"\nspeech out, a {SCRIPT_WORDS}-word script (seconds of audio per second of CPU; higher is faster)")
    backends: list[tuple[str, Callable[[], Any]]] = [("espeak-ng (default)", EspeakSpeech)]
    try:
        from harde.integrations.speech.piper import PiperSpeech, joe_voice_path

        joe_voice_path()
        backends.append(("piper en_US-joe-medium", PiperSpeech))
    except Exception as exc:
        print(f"  piper: not installed ({exc})")
    for label, make in backends:
        voice = make()
        await voice.voice("Warm up.")
        cpu, wall = time.process_time(), time.perf_counter()
        audio = await voice.voice(script)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        print(f"  {label:<26} {audio.duration_s:6.1f} s of audio in {wall:5.2f} s ({cpu:5.2f} s CPU): {audio.duration_s / max(cpu, 1e-6):6.1f} audio s per CPU s")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="case_set", choices=sorted(CASE_SETS), default="bench", help="the reported bench set, or the dev set")
    parser.add_argument("--voices", default="espeak150,espeak190,piper")
    parser.add_argument("--limit", type=int, default=None, help="only the first N dictations")
    parser.add_argument("--dump", type=Path, default=None, help="write every transcript to this JSON file")
    parser.add_argument("--accuracy-only", action="store_true", help="skip the latency, memory and speech-out runs")
    args = parser.parse_args()
    dictations, questions = load_cases(args.limit, args.case_set)
    print(f"set {args.case_set}: {CASE_SETS[args.case_set].name}")

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, data_dir=Path(tmp) / "var", llm="offline", crm="local")  # type: ignore[call-arg]
        from harde.integrations.crm.local import load_demo

        load_demo(settings)
        services = Services(settings)
        prompt = await services.vocabulary_prompt()
        hard_e = WhisperTranscriber(vocabulary=services.vocabulary_prompt)
        # No prompt, no second listen to a phone number heard short (a digit clean-up), and no
        # reading on after the model stops early.
        baseline = WhisperTranscriber(options=WhisperOptions(relisten_short_phones=False, read_on_early_stops=False))
        start = time.perf_counter()
        await hard_e.warm_up()
        load_s = time.perf_counter() - start
        rss, peak = rss_mb()
        print(f"model tiny.en int8 (bundled): loaded in {load_s:.2f} s; resident {rss:.0f} MB, peak {peak:.0f} MB")
        print(f"vocabulary prompt: {len(prompt.split())} words, no digits: {not re.search(r'[0-9]', prompt)}")

        cache = HERE.parent / "var" / "bench_voice_audio"
        cache.mkdir(parents=True, exist_ok=True)
        dump: dict[str, Any] = {}
        voices = [v for v in args.voices.split(",") if v]
        all_wavs: dict[str, list[bytes]] = {}
        for name in voices:
            try:
                voice = make_voice(name)
                d_wavs = [await spoken(voice, c["text"], cache) for c in dictations]
                q_wavs = [await spoken(voice, q["text"], cache) for q in questions]
            except Exception as exc:
                print(f"\n== {name}: skipped ({type(exc).__name__}: {exc})")
                continue
            all_wavs[name] = d_wavs
            print(f"\n== voice {name}: {len(dictations)} dictations, {len(questions)} questions")
            results: dict[str, dict[str, Any]] = {}
            for label, transcriber in (("baseline", baseline), ("hard-e", hard_e)):
                d_text = await transcribe_all(transcriber, d_wavs)
                q_text = await transcribe_all(transcriber, q_wavs)
                if label == "baseline":
                    with without_transcript_cleanup():
                        drafts = [parse_customer(t) for t in d_text]
                else:
                    drafts = [parse_customer(t) for t in d_text]
                results[label] = {
                    "wer_d": wer([(c["text"], t) for c, t in zip(dictations, d_text, strict=True)]),
                    "wer_q": wer([(q["text"], t) for q, t in zip(questions, q_text, strict=True)]),
                    "score": score([(c["expected"], d) for c, d in zip(dictations, drafts, strict=True)]),
                }
                dump[f"{name}/{label}"] = {"dictations": d_text, "questions": q_text}
            reference = score([(c["expected"], parse_customer(c["text"])) for c in dictations])
            b, h = results["baseline"], results["hard-e"]
            print(f"  {'':<22} {'baseline':>9} {'hard-e':>9} {'reference text':>15}")
            print(f"  {'word error, dictations':<22} {b['wer_d']:9.1%} {h['wer_d']:9.1%}")
            print(f"  {'word error, questions':<22} {b['wer_q']:9.1%} {h['wer_q']:9.1%}")
            for key in (*FIELDS, "fields", "records"):
                print(f"  {key:<22} {b['score'][key]:9.1%} {h['score'][key]:9.1%} {reference[key]:15.1%}")
            if name == "piper":
                s = h["score"]
                print(
                    "  targets (natural voice): fields >= 85%: {} ({:.0%}), phones >= 95%: {} ({:.0%}), emails >= 60%: {} ({:.0%})".format(
                        "met" if s["fields"] >= 0.85 else "NOT met", s["fields"],
                        "met" if s["phone"] >= 0.95 else "NOT met", s["phone"],
                        "met" if s["email"] >= 0.60 else "NOT met", s["email"],
                    )
                )  # fmt: skip
        if args.dump:
            args.dump.write_text(json.dumps(dump, indent=1))

        if all_wavs and not args.accuracy_only:
            wavs = all_wavs.get("piper") or next(iter(all_wavs.values()))
            print("\nlatency, end of recording to text (decode + prompt + model), n =", LATENCY_RUNS)
            for seconds in (10.0, 30.0):
                clip = clip_of(wavs, seconds)
                await latency(baseline, clip, f"baseline, {seconds:.0f} s")
                p50, _, _ = await latency(hard_e, clip, f"hard-e, {seconds:.0f} s")
                await breakdown(hard_e, clip)
                if seconds == 10.0:
                    cold_first_clip(clip)
                    print(f"  target p50 < 1.5 s for 10 s: {'met' if p50 < 1.5 else 'NOT met'}")
            rss, peak = rss_mb()
            print(f"resident memory after the runs: {rss:.0f} MB (peak {peak:.0f} MB)")
        await services.aclose()
    if not args.accuracy_only:
        await speech_out_rtf()


if __name__ == "__main__":
    asyncio.run(main())
