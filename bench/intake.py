"""Intake parsing on the labelled dev set: per-field and record accuracy, misses, parse time.

Compares parse_customer with a naive baseline (literal emails and digit phones only) in the
same run. Run: .venv/bin/python bench/intake.py [path/to/intake_dev.jsonl]
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harde.intake.scoring import SCORED_FIELDS, compare  # noqa: E402
from harde.understanding.dictation import parse_customer  # noqa: E402

REPEATS = 5
DEFAULT_DEV = ROOT.parent / "shared" / "eval" / "intake_dev.jsonl"


def naive_parse(text: str) -> dict[str, Any]:
    """The baseline: what a few regexes find (literal email, digit phone, 5-digit zip, 2-letter state)."""
    email = re.search(r"[\w.+-]+@[\w-]+\.[\w.]+\w", text)
    phone = re.search(r"\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}", text)
    zip_code = re.search(r"\b\d{5}\b", text)
    state = re.search(r"\b([A-Z]{2})\b\s+\d{5}", text)
    name = re.search(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b", text)
    return {
        "first_name": name.group(1) if name else None,
        "last_name": name.group(2) if name else None,
        "email": email.group().lower() if email else None,
        "phone": re.sub(r"\D", "", phone.group()) if phone else None,
        "zip": zip_code.group() if zip_code else None,
        "state": state.group(1) if state else None,
    }


def evaluate(rows: list[dict[str, Any]], parse: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    per_field = dict.fromkeys(SCORED_FIELDS, 0)
    exact = 0
    misses: list[tuple[str, str, Any, Any]] = []
    times: list[float] = []
    for row in rows:
        # Median of a few runs per record: the machine is shared, single runs are noisy.
        runs = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            got = parse(row["text"])
            runs.append((time.perf_counter() - start) * 1000)
        times.append(statistics.median(runs))
        result = compare(got, row["expected"])
        for field, ok in result.items():
            per_field[field] += ok
            if not ok:
                misses.append((row["id"], field, got.get(field), row["expected"].get(field)))
        exact += all(result.values())
    n = len(rows)
    times.sort()
    return {
        "fields": {f: per_field[f] / n for f in SCORED_FIELDS},
        "exact": exact / n,
        "misses": misses,
        "p50_ms": statistics.median(times),
        "p95_ms": times[max(0, round(0.95 * n) - 1)],
    }


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DEV
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    for row in rows[:5]:  # warm up imports and regex caches before timing
        parse_customer(row["text"])
    ours = evaluate(rows, lambda t: parse_customer(t).model_dump())
    base = evaluate(rows, naive_parse)
    print(f"intake dev set: {path} ({len(rows)} records)")
    print(f"{'field':<12}{'parse_customer':>16}{'naive regex':>14}")
    for field in SCORED_FIELDS:
        print(f"{field:<12}{ours['fields'][field]:>16.1%}{base['fields'][field]:>14.1%}")
    print(f"{'record-exact':<12}{ours['exact']:>16.1%}{base['exact']:>14.1%}")
    print(f"parse time per record: median of {REPEATS} runs")
    print(f"{'p50 ms':<12}{ours['p50_ms']:>16.3f}{base['p50_ms']:>14.3f}")
    print(f"{'p95 ms':<12}{ours['p95_ms']:>16.3f}{base['p95_ms']:>14.3f}")
    print(f"misses ({len(ours['misses'])}):")
    for rid, field, got, expected in ours["misses"]:
        print(f"  {rid} {field}: got {got!r}, expected {expected!r}")


if __name__ == "__main__":
    main()
