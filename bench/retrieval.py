"""Knowledge retrieval: quality and speed of our search against two baselines, in one run.

Quality on two labelled sets, each question naming the document that answers it:
bench/data/retrieval_questions.jsonl (the development set) and
bench/data/retrieval_questions_holdout.jsonl (questions phrased the way reps talk: paraphrases,
slang, typos, never the documents' wording), and bench/data/retrieval_questions_blind.jsonl
(more of the same, written before the search was tuned and never looked at question by question
while tuning). Printed as separate blocks:
recall@5, MRR and nDCG@5 over the ranking of documents (a document's rank is that of its best
passage). Speed: p50/p95 search latency at the demo size
and at 20,000 passages (the demo passages plus synthesised ones, collages of demo sentences
with words, numbers and towns varied). Methods, all over the same corpus:

- ours: harde.knowledge (bm25s, stems, stopwords, title/heading boost, trade synonyms, reps' phrases
  and shorthand, misspellings corrected against the index vocabulary, each passage scored in the
  context of its whole document)
- rank_bm25: BM25Okapi over the same passages, lowercase word tokens
- keyword count: how the first production system searched: ~1,500-character windows of each
  document, scored by how often the query's words occur in them

At the large size the index on disk is also compared with the format before generations
(commit BASELINE_COMMIT: all passages and their terms in one passages.json, loaded whole), each
in a fresh process: build time and peak memory, size on disk, load time, resident memory after
loading and after the searches (of it, how much is private rather than shared file pages), and
search p50/p95 over every question. For this tree also: the time to ingest one changed document
into the next generation, and search p95 in another process while it does. The generation's
rankings are compared question by question with this tree's index built in memory (they must
be identical); the old format's are shown too, scored by its own commit's code.

    .venv/bin/python bench/retrieval.py [--questions PATH] [--holdout PATH] [--blind PATH] [--synthetic 20000]
        [--misses] [--no-storage | --storage-only]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import pickle
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rank_bm25 import BM25Okapi

from harde.config import DEMO_DIR, Settings
from harde.knowledge.chunking import category_of, chunk_document, split_sentences
from harde.knowledge.index import BM25Index
from harde.knowledge.ingest import SUPPORTED_SUFFIXES, parse_document
from harde.knowledge.knowledge_base import KnowledgeBase
from harde.knowledge.models import Chunk
from harde.knowledge.sources import LocalFolderSource
from harde.knowledge.storage import FileRecord, IndexDirectory, IndexedFile

ROOT = Path(__file__).resolve().parents[1]
KB_DIR = DEMO_DIR / "knowledge"
QUESTIONS = Path(__file__).parent / "data" / "retrieval_questions.jsonl"
HOLDOUT = Path(__file__).parent / "data" / "retrieval_questions_holdout.jsonl"
BLIND = Path(__file__).parent / "data" / "retrieval_questions_blind.jsonl"
DEPTH = 50  # passages each method returns, turned into a document ranking
SLOW_METHODS_UP_TO = 50_000  # passages; beyond, the two slow baselines run at the demo size only
BASELINE_COMMIT = "305812d"  # the last commit whose index was one passages.json

Ranker = Callable[[str], list[str]]  # question -> sources, best first (may repeat)


@dataclass
class Quality:
    recall5: float
    mrr: float
    ndcg5: float


def load_questions(path: Path) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["question"], row["source"]) for row in rows]


def demo_documents() -> dict[str, str]:
    """Relative path -> plain text of every demo document (for the keyword-count baseline)."""
    docs: dict[str, str] = {}
    for path in sorted(KB_DIR.rglob("*")):
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            rel = path.relative_to(KB_DIR).as_posix()
            parsed = parse_document(path.name, path.read_bytes())
            docs[rel] = parsed.title + "\n\n" + "\n\n".join(s.text for s in parsed.sections)
    return docs


def demo_chunks() -> list[Chunk]:
    chunks: list[Chunk] = []
    for path in sorted(KB_DIR.rglob("*")):
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            rel = path.relative_to(KB_DIR).as_posix()
            chunks.extend(chunk_document(parse_document(path.name, path.read_bytes()), rel))
    return chunks


# --- synthetic passages ------------------------------------------------------------------
_SWAPS = {
    "roof": "roofing", "homeowner": "customer", "siding": "cladding", "price": "cost",
    "crew": "team", "warranty": "guarantee", "window": "unit", "gutters": "eavestroughs",
    "rep": "consultant", "house": "home", "estimate": "quote", "decision": "choice",
}
_TOWNS = ["Worcester", "Framingham", "Lowell", "Nashua", "Salem", "Quincy", "Andover", "Natick", "Milford", "Leominster"]


def synthesise(base: list[Chunk], total: int, seed: int = 7) -> list[Chunk]:
    """`total` passages: the demo ones plus collages of demo sentences, varied."""
    rng = random.Random(seed)
    sentences = [s for c in base for s in split_sentences(c.text.replace("\n", " ")) if len(s) > 40]
    out = list(base)
    n = 0
    while len(out) < total:
        picked: list[str] = []
        size = 0
        target = rng.randint(700, 1500)
        while size < target:
            sentence = rng.choice(sentences)
            words = sentence.split()
            for i, word in enumerate(words):
                key = word.lower().strip(".,:;")
                if key in _SWAPS and rng.random() < 0.5:
                    words[i] = _SWAPS[key]
                elif word.isdigit() and rng.random() < 0.7:
                    words[i] = str(int(word) + rng.randint(1, 9))
            sentence = " ".join(words)
            if rng.random() < 0.2:
                sentence = f"In {rng.choice(_TOWNS)}, {sentence[:1].lower()}{sentence[1:]}"
            picked.append(sentence)
            size += len(sentence) + 1
        doc = n // 6
        source = f"SYNTHETIC/field_notes_{doc:05d}.md"
        out.append(
            Chunk(
                text=" ".join(picked),
                source=source,
                category=category_of(source)[0],
                title=f"Field notes {doc}: {rng.choice(_TOWNS)} {rng.choice(['roofing', 'siding', 'windows', 'gutters'])}",
                heading=rng.choice(["", "Notes", "Visit summary", "What we found", "Follow-up"]),
                position=n % 6,
            )
        )
        n += 1
    return out


# --- methods -----------------------------------------------------------------------------
def ours(chunks: list[Chunk]) -> Ranker:
    index = BM25Index.from_chunks(chunks)
    return lambda q: [h.source for h in index.search(q, k=DEPTH)]


def _plain_tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def rank_bm25_baseline(chunks: list[Chunk]) -> Ranker:
    bm25 = BM25Okapi([_plain_tokens(f"{c.title} {c.heading} {c.text}") for c in chunks])
    sources = [c.source for c in chunks]

    def rank(q: str) -> list[str]:
        scores = bm25.get_scores(_plain_tokens(q))
        order = sorted(range(len(scores)), key=lambda i: -scores[i])[:DEPTH]
        return [sources[i] for i in order if scores[i] > 0]

    return rank


def keyword_windows(docs: dict[str, str], extra: list[Chunk], size: int = 1500) -> list[tuple[str, str]]:
    windows = [(src, text[i : i + size].lower()) for src, text in docs.items() for i in range(0, max(len(text), 1), size)]
    windows += [(c.source, c.text.lower()) for c in extra]
    return windows


def keyword_count_baseline(windows: list[tuple[str, str]]) -> Ranker:
    def rank(q: str) -> list[str]:
        terms = [w for w in re.findall(r"\w+", q.lower()) if len(w) > 2]
        scored = [(sum(text.count(t) for t in terms), src) for src, text in windows]
        scored = [s for s in scored if s[0] > 0]
        scored.sort(key=lambda s: -s[0])
        return [src for _, src in scored[:DEPTH]]

    return rank


# --- measuring ---------------------------------------------------------------------------
def document_ranking(sources: list[str]) -> list[str]:
    seen: list[str] = []
    for source in sources:
        if source not in seen:
            seen.append(source)
    return seen


def evaluate(rank: Ranker, questions: list[tuple[str, str]]) -> tuple[Quality, list[float]]:
    recall = mrr = ndcg = 0.0
    latencies: list[float] = []
    for question, answer in questions:
        started = time.perf_counter()
        sources = rank(question)
        latencies.append((time.perf_counter() - started) * 1000)
        docs = document_ranking(sources)
        if answer in docs:
            position = docs.index(answer) + 1
            mrr += 1 / position
            if position <= 5:
                recall += 1
                ndcg += 1 / math.log2(position + 1)
    n = len(questions)
    return Quality(recall / n, mrr / n, ndcg / n), latencies


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def timed(rank: Ranker, questions: list[tuple[str, str]], repeats: int) -> list[float]:
    latencies: list[float] = []
    for _ in range(repeats):
        for question, _answer in questions:
            started = time.perf_counter()
            rank(question)
            latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def build_time_demo() -> tuple[float, str]:
    """Wall time of a cold build of the demo index (parse, chunk, index, save), best of 3."""
    best = math.inf
    summary = ""
    for _ in range(3):
        with tempfile.TemporaryDirectory() as tmp:
            kb = KnowledgeBase(LocalFolderSource(KB_DIR), Path(tmp))
            started = time.perf_counter()
            stats = kb.refresh()
            best = min(best, time.perf_counter() - started)
            summary = stats.summary()
    return best, summary


# --- the index on disk at company size ------------------------------------------------------
def baseline_index_module(tmp: Path) -> ModuleType:
    """harde/knowledge/index.py as it was at BASELINE_COMMIT (its imports are unchanged)."""
    text = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{BASELINE_COMMIT}:harde/knowledge/index.py"],
        capture_output=True, text=True, check=True,
    ).stdout
    path = tmp / "baseline_index.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("baseline_index", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def memory() -> dict[str, float]:
    """This process's memory in MB: resident (and of it, anonymous i.e. private) and peak."""
    fields: dict[str, float] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields


def disk_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1_048_576


def _by_source(chunks: list[Chunk]) -> dict[str, list[Chunk]]:
    grouped: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        grouped.setdefault(chunk.source, []).append(chunk)
    return grouped


def child(argv: list[str]) -> None:
    """One measurement in a fresh process; prints one JSON line."""
    action, fmt, target = argv[0], argv[1], Path(argv[2])
    out: dict[str, Any] = {}
    if action == "build":
        chunks: list[Chunk] = pickle.loads(Path(argv[3]).read_bytes())
        out["rss_before_mb"] = memory()["VmRSS"]
        started = time.perf_counter()
        if fmt == "baseline":
            old = baseline_index_module(target.parent)
            old.BM25Index.from_chunks(chunks).save(target)
        else:
            added = {s: IndexedFile(FileRecord(s, 0, 0, ""), c) for s, c in _by_source(chunks).items()}
            IndexDirectory(target).write(None, added, set())
        out["build_s"] = time.perf_counter() - started
        out["peak_mb"] = memory()["VmHWM"]
    elif action == "serve":
        questions = [q for q, _ in json.loads(Path(argv[3]).read_text(encoding="utf-8"))]
        repeats = int(argv[4])
        started = time.perf_counter()
        if fmt == "baseline":
            old = baseline_index_module(Path(tempfile.mkdtemp()))
            index = old.BM25Index.load(target)
        else:
            generation = IndexDirectory(target).open()
            assert generation is not None
            index = generation.index
        out["load_s"] = time.perf_counter() - started
        out["after_load"] = memory()
        latencies: list[float] = []
        rankings: list[list[str]] = []
        for r in range(repeats):
            for q in questions:
                t = time.perf_counter()
                hits = index.search(q, k=DEPTH)
                latencies.append((time.perf_counter() - t) * 1000)
                if r == 0:
                    rankings.append([f"{h.source}|{h.heading}|{h.score}" for h in hits])
        out["p50_ms"], out["p95_ms"] = percentile(latencies, 50), percentile(latencies, 95)
        out["after_search"] = memory()
        out["rankings"] = rankings
        if fmt == "current" and len(argv) > 5:
            out.update(search_during_ingest(target, index, questions, Path(argv[5])))
    elif action == "in-memory":
        # This tree's scoring over an index built in memory, never saved: what the on-disk
        # generation must rank exactly alike.
        passages: list[Chunk] = pickle.loads(target.read_bytes())
        questions = [q for q, _ in json.loads(Path(argv[3]).read_text(encoding="utf-8"))]
        built = BM25Index.from_chunks(passages)
        out["rankings"] = [[f"{h.source}|{h.heading}|{h.score}" for h in built.search(q, k=DEPTH)] for q in questions]
    elif action == "ingest":
        changed: Chunk = pickle.loads(Path(argv[3]).read_bytes())
        directory = IndexDirectory(target)
        started = time.perf_counter()
        with directory.writing():
            base = directory.open()
            directory.write(base, {changed.source: IndexedFile(FileRecord(changed.source, 1, 1, "x"), [changed])}, set())
        out["ingest_s"] = time.perf_counter() - started
        out["peak_mb"] = memory()["VmHWM"]
    print(json.dumps(out))


def search_during_ingest(target: Path, index: Any, questions: list[str], changed: Path) -> dict[str, Any]:
    """Search without pause while another process ingests one changed document; then load the
    generation it swapped in."""
    writer = subprocess.Popen(
        [sys.executable, __file__, "_child", "ingest", "current", str(target), str(changed)],
        stdout=subprocess.PIPE, text=True,
    )
    latencies: list[float] = []
    while writer.poll() is None:
        for q in questions:
            t = time.perf_counter()
            index.search(q, k=5)
            latencies.append((time.perf_counter() - t) * 1000)
            if writer.poll() is not None:
                break
    assert writer.stdout is not None
    result = json.loads(writer.stdout.read().strip().splitlines()[-1])
    started = time.perf_counter()
    swapped = IndexDirectory(target).open()
    assert swapped is not None
    return {
        "ingest_s": result["ingest_s"],
        "ingest_peak_mb": result["peak_mb"],
        "during_ingest_p95_ms": percentile(latencies, 95) if latencies else float("nan"),
        "during_ingest_searches": len(latencies),
        "reload_s": time.perf_counter() - started,
    }


def run_child(*args: str) -> dict[str, Any]:
    # One hash seed for both formats, so sets iterate alike and scores sum in the same order.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run([sys.executable, __file__, "_child", *args], capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"bench child {args[:2]} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def storage_comparison(big: list[Chunk], questions: list[tuple[str, str]], repeats: int) -> list[tuple[str, bool]]:
    """Build, size, load, memory and search of both on-disk formats at the large size."""
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp_name:
        tmp = Path(tmp_name)
        chunks_file = tmp / "chunks.pickle"
        chunks_file.write_bytes(pickle.dumps(big))
        questions_file = tmp / "questions.json"
        questions_file.write_text(json.dumps(questions), encoding="utf-8")
        changed = replace(big[-1], text=big[-1].text + " Zorbix shingles now come with a transferable warranty.")
        changed_file = tmp / "changed.pickle"
        changed_file.write_bytes(pickle.dumps(changed))
        figures: dict[str, dict[str, Any]] = {}
        for fmt in ("baseline", "current"):
            target = tmp / fmt / "index"
            target.parent.mkdir()
            figures[fmt] = run_child("build", fmt, str(target), str(chunks_file))
            figures[fmt]["disk_mb"] = disk_mb(target)
            extra = [str(changed_file)] if fmt == "current" else []
            figures[fmt].update(run_child("serve", fmt, str(target), str(questions_file), str(repeats), *extra))
        in_memory = run_child("in-memory", "current", str(chunks_file), str(questions_file))["rankings"]
    base, cur = figures["baseline"], figures["current"]
    n = len(big)
    print(f"[index on disk at {n} passages; each figure from a fresh process]")
    print(f"{'':<34}{'one JSON (' + BASELINE_COMMIT + ')':>22}{'generations (this tree)':>26}")
    rows = [
        ("build (index + save), s", "build_s", "{:.1f}"),
        ("build peak memory, MB", "peak_mb", "{:.0f}"),
        ("size on disk, MB", "disk_mb", "{:.0f}"),
        ("load, s", "load_s", "{:.2f}"),
        ("search p50, ms", "p50_ms", "{:.2f}"),
        ("search p95, ms", "p95_ms", "{:.2f}"),
    ]
    for label, key, fmt_ in rows:
        print(f"{label:<34}{fmt_.format(base[key]):>22}{fmt_.format(cur[key]):>26}")
    for when in ("after_load", "after_search"):
        for key, label in (("VmRSS", f"RSS {when.replace('_', ' ')}"), ("RssAnon", "  of it private (anonymous)")):
            line = f"{label + ', MB':<34}"
            print(f"{line}{base[when][key]:>22.0f}{cur[when][key]:>26.0f}")
    print(f"{'ingest of one changed document, s':<34}{'':>22}{cur['ingest_s']:>26.1f}")
    print(f"{'  its peak memory, MB':<34}{'':>22}{cur['ingest_peak_mb']:>26.0f}")
    print(f"{'search p95 during that ingest, ms':<34}{'':>22}{cur['during_ingest_p95_ms']:>26.2f}"
          f"  ({cur['during_ingest_searches']} searches)")
    print(f"{'load of the swapped-in index, s':<34}{'':>22}{cur['reload_s']:>26.2f}")
    same = sum(a == b for a, b in zip(in_memory, cur["rankings"], strict=True))
    print(f"identical rankings (top {DEPTH}: source, heading, score), on disk vs built in memory: {same}/{len(questions)} questions")
    # The one-JSON format is read by its own commit's code, whose scoring has changed since
    # (headings weighted, question frame words dropped): its rankings are not expected to match.
    alike = sum(a == b for a, b in zip(base["rankings"], cur["rankings"], strict=True))
    print(f"  (the one-JSON format's own rankings, scored by {BASELINE_COMMIT}'s code: {alike}/{len(questions)} identical)\n")
    rss = max(cur["after_load"]["VmRSS"], cur["after_search"]["VmRSS"])
    return [
        (f"load < 3 s at {n} passages (generations)", cur["load_s"] < 3),
        (f"RSS < 600 MB at {n} passages (generations)", rss < 600),
        (f"search p95 < 20 ms at {n} passages (generations, from disk)", cur["p95_ms"] < 20),
        (f"search p95 < 20 ms during an ingest at {n} passages", cur["during_ingest_p95_ms"] < 20),
        ("rankings identical on disk and in memory (this tree's scoring)", same == len(questions)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--holdout", type=Path, default=HOLDOUT)
    parser.add_argument("--blind", type=Path, default=BLIND)
    parser.add_argument("--synthetic", type=int, default=20_000, help="passages in the large corpus")
    parser.add_argument("--repeats", type=int, default=3, help="latency repeats over the question set (ours)")
    parser.add_argument("--misses", action="store_true", help="list the questions ours ranks below 5 (demo)")
    parser.add_argument("--no-storage", action="store_true", help="skip the on-disk comparison at the large size")
    parser.add_argument("--storage-only", action="store_true", help="only the on-disk comparison at the large size")
    args = parser.parse_args()
    Settings()  # fail early on a broken environment, as the app would

    sets = {"labelled": load_questions(args.questions)}
    for name, path in (("holdout", args.holdout), ("blind", args.blind)):
        if path.is_file():
            sets[name] = load_questions(path)
    if args.storage_only:
        questions = [pair for qs in sets.values() for pair in qs]
        for label, ok in storage_comparison(synthesise(demo_chunks(), args.synthetic), questions, args.repeats):
            print(f"  {'PASS' if ok else 'FAIL'}  {label}")
        return
    build_s, build_summary = build_time_demo()
    print(f"Demo index build (cold: parse, chunk, index, save): {build_s:.2f} s  [{build_summary}]")

    base = demo_chunks()
    docs = demo_documents()
    counts = ", ".join(f"{len(qs)} {name}" for name, qs in sets.items())
    print(f"Questions: {counts}; demo corpus {len(docs)} documents, {len(base)} passages\n")

    big = synthesise(base, args.synthetic)
    started = time.perf_counter()
    big_ours = ours(big)
    big_build = time.perf_counter() - started
    print(f"Index build at {len(big)} passages (terms + bm25s): {big_build:.2f} s\n")
    all_questions = [pair for questions in sets.values() for pair in questions]
    storage_checks = [] if args.no_storage else storage_comparison(big, all_questions, args.repeats)

    # (set, corpus, method) -> quality, p50, p95
    rows: list[tuple[str, str, str, Quality, float, float]] = []
    if len(big) > SLOW_METHODS_UP_TO:
        print(f"(rank_bm25 and keyword count take seconds per question at {len(big)} passages: demo size only)\n")
    for size_label, chunks, extra in (("demo", base, []), (f"{len(big)}", big, big[len(base) :])):
        methods: list[tuple[str, Ranker, int]] = [
            ("ours (bm25s+)", big_ours if chunks is big else ours(chunks), args.repeats),
        ]
        if len(chunks) <= SLOW_METHODS_UP_TO:
            methods += [
                ("rank_bm25", rank_bm25_baseline(chunks), 1),
                ("keyword count", keyword_count_baseline(keyword_windows(docs, extra)), 1),
            ]
        for name, rank, repeats in methods:
            for set_name, questions in sets.items():
                quality, first = evaluate(rank, questions)
                latencies = first + (timed(rank, questions, repeats - 1) if repeats > 1 else [])
                rows.append((set_name, size_label, name, quality, percentile(latencies, 50), percentile(latencies, 95)))
                if args.misses and size_label == "demo" and name.startswith("ours"):
                    print_misses(set_name, rank, questions)

    for set_name, questions in sets.items():
        print(f"[{set_name}: {len(questions)} questions]")
        print(f"{'corpus':>7}  {'method':<15} {'recall@5':>8} {'MRR':>6} {'nDCG@5':>7} {'p50 ms':>8} {'p95 ms':>8}")
        for row_set, size_label, name, q, p50, p95 in rows:
            if row_set == set_name:
                print(f"{size_label:>7}  {name:<15} {q.recall5:>8.3f} {q.mrr:>6.3f} {q.ndcg5:>7.3f} {p50:>8.2f} {p95:>8.2f}")
        print()

    checks: list[tuple[str, bool]] = []
    for set_name in sets:
        demo = {name: q for row_set, label, name, q, _, _ in rows if row_set == set_name and label == "demo"}
        ours_demo = demo["ours (bm25s+)"]
        checks += [
            (f"recall@5 >= 0.9 (demo, {set_name})", ours_demo.recall5 >= 0.9),
            (f"nDCG@5 above rank_bm25 (demo, {set_name})", ours_demo.ndcg5 > demo["rank_bm25"].ndcg5),
            (f"nDCG@5 above keyword count (demo, {set_name})", ours_demo.ndcg5 > demo["keyword count"].ndcg5),
        ]
    p95_big = max(p95 for _, label, name, _, _, p95 in rows if label != "demo" and name.startswith("ours"))
    checks += [
        (f"p95 < 20 ms at {len(big)} passages", p95_big < 20),
        ("demo index build < 5 s", build_s < 5),
        *storage_checks,
    ]
    for label, ok in checks:
        print(f"  {'PASS' if ok else 'FAIL'}  {label}")


def print_misses(set_name: str, rank: Ranker, questions: list[tuple[str, str]]) -> None:
    for question, answer in questions:
        docs = document_ranking(rank(question))
        position = docs.index(answer) + 1 if answer in docs else None
        if position is None or position > 5:
            print(f"  miss [{set_name}] rank {position}: {question!r} -> {answer}; got {docs[:3]}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        child(sys.argv[2:])
    else:
        main()
