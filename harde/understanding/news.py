"""Which stage a job's news puts it in: "the ho put pen to paper" is Contract Signed, "crew
packed up friday" Completed, "they ghosted us" Lost.

A logistic regression (fitted by SGD) over word and character n-grams, like the intent
classifier, trained from ``training/news.jsonl`` (built from the templates of ``training/news.py``)
against every line of ``training/examples.jsonl`` but explicit stage commands as "no news":
notes, questions and bookings alike. The classes are left unweighted: news is rare, and a field
asked ("install date", "balance") must not read as the stage it sounds like.
It only says what the news means; the reader decides whether a turn is news of a job at all (a
job named or in focus, a verb of what happened, no question, no word of a note).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from harde.understanding.intent import EXAMPLES, TRAINING, mask

NEWS_EXAMPLES = TRAINING / "news.jsonl"

NO_NEWS = "none"
# The least probability at which news is read as a stage (chosen on the dev sets, not held-out).
SURE = 0.6


@dataclass(frozen=True)
class NewsReading:
    stage: str | None  # as normalise_stage_words spells it ("contract signed"), or None
    probability: float


class NewsClassifier:
    def __init__(self, examples: list[tuple[str, str]]) -> None:
        self.examples = examples

    @cached_property
    def pipeline(self) -> Any:  # scikit-learn ships no type hints
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier
        from sklearn.pipeline import FeatureUnion, Pipeline

        features = FeatureUnion(
            [
                ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b")),
                ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, max_features=60_000)),
            ]
        )
        classifier = SGDClassifier(loss="log_loss", alpha=2e-5, max_iter=30, tol=1e-4, random_state=0)
        model = Pipeline([("features", features), ("clf", classifier)])
        # Read as the reader reads a turn: shorthand spelled out ("rn" is "right now").
        from harde.understanding.slots import normalise

        model.fit([mask(normalise(t)) for t, _ in self.examples], [s for _, s in self.examples])
        return model

    def read(self, text: str) -> NewsReading:
        probabilities = self.pipeline.predict_proba([mask(text)])[0]
        classes = self.pipeline.classes_
        best = int(probabilities.argmax())
        stage = str(classes[best])
        p = float(probabilities[best])
        return NewsReading(None if stage == NO_NEWS or p < SURE else stage, p)


def read_news_examples() -> list[tuple[str, str]]:
    """News (``news.jsonl``, with its stage) and every other training line as no news, but for
    explicit stage commands ("move 1042 to lost"): the stage is named there, and read as named."""
    out = [(str(row["text"]), str(row["stage"])) for row in _rows(NEWS_EXAMPLES)]
    out += [(str(row["text"]), NO_NEWS) for row in _rows(EXAMPLES) if row["intent"] != "crm.change_stage"]
    return out


def _rows(path: Any) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


_LOCK = threading.Lock()
_DEFAULT: NewsClassifier | None = None


def default_news() -> NewsClassifier:
    """The process's one classifier of news, trained on first use."""
    global _DEFAULT
    with _LOCK:
        if _DEFAULT is None:
            classifier = NewsClassifier(read_news_examples())
            _ = classifier.pipeline
            _DEFAULT = classifier
        return _DEFAULT
