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

    .venv/bin/python bench/retrieval.py [--questions PATH] [--holdout PATH] [--blind PATH] [--synthetic 20000] [--misses]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rank_bm25 import BM25Okapi

from harde.config import DEMO_DIR, Settings
from harde.knowledge.chunking import category_of, chunk_document, split_sentences
from harde.knowledge.index import BM25Index
from harde.knowledge.ingest import SUPPORTED_SUFFIXES, parse_document
from harde.knowledge.knowledge_base import KnowledgeBase
from harde.knowledge.models import Chunk
from harde.knowledge.sources import LocalFolderSource

KB_DIR = DEMO_DIR / "knowledge"
QUESTIONS = Path(__file__).parent / "data" / "retrieval_questions.jsonl"
HOLDOUT = Path(__file__).parent / "data" / "retrieval_questions_holdout.jsonl"
BLIND = Path(__file__).parent / "data" / "retrieval_questions_blind.jsonl"
DEPTH = 50  # passages each method returns, turned into a document ranking

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--holdout", type=Path, default=HOLDOUT)
    parser.add_argument("--blind", type=Path, default=BLIND)
    parser.add_argument("--synthetic", type=int, default=20_000, help="passages in the large corpus")
    parser.add_argument("--repeats", type=int, default=3, help="latency repeats over the question set (ours)")
    parser.add_argument("--misses", action="store_true", help="list the questions ours ranks below 5 (demo)")
    args = parser.parse_args()
    Settings()  # fail early on a broken environment, as the app would

    sets = {"labelled": load_questions(args.questions)}
    for name, path in (("holdout", args.holdout), ("blind", args.blind)):
        if path.is_file():
            sets[name] = load_questions(path)
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

    # (set, corpus, method) -> quality, p50, p95
    rows: list[tuple[str, str, str, Quality, float, float]] = []
    for size_label, chunks, extra in (("demo", base, []), (f"{len(big)}", big, big[len(base) :])):
        methods: list[tuple[str, Ranker, int]] = [
            ("ours (bm25s+)", big_ours if chunks is big else ours(chunks), args.repeats),
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
    main()
