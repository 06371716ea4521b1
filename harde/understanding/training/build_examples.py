"""Build the labelled intent corpus: ``examples.jsonl`` (train) and ``heldout.jsonl`` (frozen).

    .venv/bin/python -m harde.understanding.training.build_examples

Lines are made from templates x paraphrases x slot fillers x reps' noise, with a fixed seed,
so a rebuild gives byte-identical files. The held-out split uses its own templates and its
own filler names (see ``templates.py`` and ``fillers.py``) and is built first. The training
split also gets the extra train-only templates and targets of ``templates_more.py``; a training
line that happens to equal a held-out line is not kept, and a text produced under two
intents within a split is dropped from it.

The held-out file is frozen: a normal run rewrites ``examples.jsonl`` only and keeps
``heldout.jsonl`` as it is on disk (it is written when missing, or with
``--rebuild-heldout``). ``--check`` rebuilds both in memory and exits non-zero if either
file on disk differs.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from . import fillers, grammar, noise
from .news import NEWS, NEWS_TARGET
from .templates import HELDOUT_TARGETS, QUESTION_INTENTS, SHORT_INTENTS, TEMPLATES
from .templates import TARGETS as CORE_TARGETS
from .templates_more import EXTRA_TARGETS, MORE_TEMPLATES

SEED = 20261123
MAX_TRIES_PER_LINE = 40

HERE = Path(__file__).resolve().parent
TRAIN_PATH = HERE / "examples.jsonl"
HELDOUT_PATH = HERE / "heldout.jsonl"
NEWS_PATH = HERE / "news.jsonl"

INTENTS = tuple(CORE_TARGETS)

# Training lines per intent: the core targets plus the lines the extra templates bring.
TARGETS: dict[str, int] = {i: n + EXTRA_TARGETS.get(i, 0) for i, n in CORE_TARGETS.items()}

Example = dict[str, str]


def normalise(text: str) -> str:
    """The key two lines are "the same" by: case, punctuation and spacing ignored."""
    text = re.sub(r"[^a-z0-9 ]+", "", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def _kind(intent: str) -> str:
    if intent in SHORT_INTENTS:
        return "short"
    if intent in QUESTION_INTENTS:
        return "question"
    return "command"


def all_templates() -> dict[str, dict[str, list[str]]]:
    """Each intent's templates per split: ``templates.py``, with the train-only templates of
    ``templates_more.py`` appended to ``train`` (the held-out lists are untouched)."""
    unknown = (set(MORE_TEMPLATES) | set(EXTRA_TARGETS)) - set(TEMPLATES)
    if unknown:
        raise SystemExit(f"templates_more.py names unknown intent(s): {sorted(unknown)}")
    out: dict[str, dict[str, list[str]]] = {}
    for intent, splits in TEMPLATES.items():
        more = MORE_TEMPLATES.get(intent, [])
        repeated = (set(more) & set(splits["train"])) | {t for t in more if more.count(t) > 1}
        if repeated:
            raise SystemExit(f"{intent}: template(s) repeated in templates_more.py: {repeated}")
        out[intent] = {"train": splits["train"] + more, "heldout": splits["heldout"]}
    return out


def parsed_templates() -> dict[str, dict[str, list[grammar.Seq]]]:
    known = _known_slots()
    out: dict[str, dict[str, list[grammar.Seq]]] = {}
    if not set(TEMPLATES) == set(TARGETS) == set(HELDOUT_TARGETS):
        raise SystemExit(f"templates and targets disagree: {set(TEMPLATES) ^ set(TARGETS)}")
    for intent, splits in all_templates().items():
        out[intent] = {}
        for split in ("train", "heldout"):
            trees = [grammar.parse(t) for t in splits[split]]
            for tree, text in zip(trees, splits[split], strict=True):
                unknown = grammar.slots(tree) - known
                if unknown:
                    raise SystemExit(f"{intent}: unknown slot(s) {unknown} in {text!r}")
            out[intent][split] = trees
        overlap = set(splits["train"]) & set(splits["heldout"])
        if overlap:
            raise SystemExit(f"{intent}: template(s) in both splits: {overlap}")
    return out


def _known_slots() -> set[str]:
    """Every slot the filler answers, found by asking it (an unknown slot raises KeyError)."""
    names: set[str] = set()
    pools = fillers.build_pools(fillers.load_seed())
    rng = random.Random(0)
    candidates = set()
    for splits in all_templates().values():
        for split in splits.values():
            for t in split:
                candidates |= grammar.slots(grammar.parse(t))
    for name in candidates:
        try:
            fillers.LineContext(pools["train"], rng).fill(name)
            names.add(name)
        except KeyError:
            pass
    return names


def generate_split(
    split: str,
    trees: dict[str, dict[str, list[grammar.Seq]]],
    pool: fillers.Pool,
    rng: random.Random,
    exclude: set[str],
) -> list[Example]:
    """Lines for one split, unique per intent, none equal (normalised) to ``exclude``."""
    lines: list[Example] = []
    for intent in INTENTS:
        target = TARGETS[intent] if split == "train" else HELDOUT_TARGETS[intent]
        kind = _kind(intent)
        seen: set[str] = set()
        tries = 0
        templates = trees[intent][split]
        while len(seen) < target and tries < target * MAX_TRIES_PER_LINE:
            tries += 1
            tree = rng.choice(templates)
            ctx = fillers.LineContext(pool, rng)
            segments = grammar.expand(tree, rng, ctx.fill)
            text = noise.apply_noise(segments, rng, kind)
            key = normalise(text)
            if not key or key in seen or key in exclude:
                continue
            seen.add(key)
            lines.append({"text": text, "intent": intent})
    return lines


def generate_news(pool: fillers.Pool, rng: random.Random, exclude: set[str]) -> list[Example]:
    """News of a job that puts it in a stage (``news.py``), each line with the ``stage`` the news
    means ("none" for the questions in news's words), for the classifier of news."""
    known = _known_slots()
    lines: list[Example] = []
    for stage, templates in NEWS.items():
        trees = [grammar.parse(t) for t in templates]
        for tree, text in zip(trees, templates, strict=True):
            if grammar.slots(tree) - known:
                raise SystemExit(f"news {stage}: unknown slot(s) {grammar.slots(tree) - known} in {text!r}")
        seen: set[str] = set()
        tries = 0
        while len(seen) < NEWS_TARGET and tries < NEWS_TARGET * MAX_TRIES_PER_LINE:
            tries += 1
            ctx = fillers.LineContext(pool, rng)
            segments = grammar.expand(rng.choice(trees), rng, ctx.fill)
            text = noise.apply_noise(segments, rng, "question" if stage == "none" else "command")
            if stage == "none" and _lost_question_word(segments, text):
                continue  # "did the wongs start" noised to "the wongs started" is news
            key = normalise(text)
            if not key or key in seen or key in exclude:
                continue
            seen.add(key)
            lines.append({"text": text, "stage": stage})
    return lines


_QUESTION_WORDS = {"did", "do", "does", "has", "have", "is", "was", "when", "how", "what", "who", "why"}


def _lost_question_word(segments: list[tuple[str, bool]], noised: str) -> bool:
    words = "".join(t for t, _ in segments).lower().split()
    first = words[0] if words else ""
    return first in _QUESTION_WORDS and first not in noised.lower().split()


def drop_conflicts(lines: list[Example]) -> tuple[list[Example], int]:
    """A text produced under two intents is ambiguous by construction: drop it everywhere."""
    labels: dict[str, set[str]] = {}
    for ex in lines:
        labels.setdefault(normalise(ex["text"]), set()).add(ex["intent"])
    bad = {k for k, v in labels.items() if len(v) > 1}
    kept = [ex for ex in lines if normalise(ex["text"]) not in bad]
    return kept, len(lines) - len(kept)


def check_name_split(pools: dict[str, fillers.Pool]) -> None:
    """No person, place or product-line name may be shared between the two splits."""

    def names(pool: fillers.Pool) -> set[str]:
        out = {n.lower() for n in pool.firsts + pool.lasts + pool.towns + pool.streets}
        for rep in pool.reps:
            out |= {part.lower() for part in rep.split()}
        out |= {c.lower() for c in pool.competitors + pool.mfrs + pool.notes + pool.facts}
        out |= {j.number for j in pool.jobs}
        return out

    shared = names(pools["train"]) & names(pools["heldout"])
    if shared:
        raise SystemExit(f"names shared between train and held out: {sorted(shared)}")


def build_heldout() -> tuple[list[Example], int]:
    """The held-out split: its own templates, its own names, its own seed; built first."""
    pools = fillers.build_pools(fillers.load_seed())
    check_name_split(pools)
    trees = parsed_templates()
    heldout = generate_split("heldout", trees, pools["heldout"], random.Random(SEED + 1),
                             exclude=set())
    heldout, conflicts = drop_conflicts(heldout)
    random.Random(SEED + 3).shuffle(heldout)
    return heldout, conflicts


def build_train(heldout: list[Example]) -> tuple[list[Example], int]:
    """The training split; a line equal (normalised) to a held-out line is never kept."""
    pools = fillers.build_pools(fillers.load_seed())
    trees = parsed_templates()
    held_keys = {normalise(ex["text"]) for ex in heldout}
    train = generate_split("train", trees, pools["train"], random.Random(SEED), exclude=held_keys)
    train, conflicts = drop_conflicts(train)
    random.Random(SEED + 2).shuffle(train)
    return train, conflicts


def build_news(heldout: list[Example], train: list[Example]) -> list[Example]:
    """News of a job for the classifier of news; a line equal to a held-out or training line
    is never kept (a text is news or not, never both)."""
    pools = fillers.build_pools(fillers.load_seed())
    taken = {normalise(ex["text"]) for ex in heldout} | {normalise(ex["text"]) for ex in train}
    return generate_news(pools["train"], random.Random(SEED + 4), exclude=taken)


def load(path: Path) -> list[Example]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def dump(lines: list[Example]) -> str:
    return "".join(json.dumps(ex, ensure_ascii=False) + "\n" for ex in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if either file on disk differs from a fresh build")
    parser.add_argument("--rebuild-heldout", action="store_true",
                        help="regenerate heldout.jsonl too (only when its templates or fillers "
                             "were deliberately changed); by default the file on disk is kept")
    args = parser.parse_args(argv)

    fresh_heldout, held_conflicts = build_heldout()
    if args.check:
        train, _ = build_train(fresh_heldout)
        news = build_news(fresh_heldout, train)
        stale = [p.name for p, lines in ((TRAIN_PATH, train), (HELDOUT_PATH, fresh_heldout), (NEWS_PATH, news))
                 if not p.exists() or p.read_text(encoding="utf-8") != dump(lines)]
        if stale:
            print(f"out of date: {', '.join(stale)}", file=sys.stderr)
            return 1
        print("examples.jsonl, heldout.jsonl and news.jsonl are up to date")
        return 0

    if args.rebuild_heldout or not HELDOUT_PATH.exists():
        heldout = fresh_heldout
        HELDOUT_PATH.write_text(dump(heldout), encoding="utf-8")
        print(f"wrote {HELDOUT_PATH.name}")
    else:
        heldout = load(HELDOUT_PATH)
        if dump(heldout) != dump(fresh_heldout):
            print(f"note: {HELDOUT_PATH.name} on disk differs from what the generator now makes; "
                  "kept the file on disk (frozen); see --rebuild-heldout", file=sys.stderr)
    train, train_conflicts = build_train(heldout)
    TRAIN_PATH.write_text(dump(train), encoding="utf-8")
    news = build_news(heldout, train)
    NEWS_PATH.write_text(dump(news), encoding="utf-8")

    tc, hc = Counter(ex["intent"] for ex in train), Counter(ex["intent"] for ex in heldout)
    print(f"{'intent':18} {'train':>6} {'heldout':>8}")
    for intent in INTENTS:
        print(f"{intent:18} {tc[intent]:6d} {hc[intent]:8d}")
    print(f"{'total':18} {len(train):6d} {len(heldout):8d}")
    print(f"dropped as ambiguous (same text, two intents): train {train_conflicts}, "
          f"held out {held_conflicts}")
    print(f"news of a job: {len(news)} lines in {len(NEWS)} stages")
    print(f"wrote {TRAIN_PATH.name} and {NEWS_PATH.name} in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
