"""CachedSpeech: a synthesizer's results kept by content hash (text, voice, backend, format),
so reading the same draft twice, or the pipeline re-running a step, costs nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from harde.integrations.speech.audio import write_atomically
from harde.integrations.speech.protocol import SpeechResult, SpeechSynthesizer, check_suffix


def speech_cache_key(text: str, backend_key: str, suffix: str) -> str:
    digest = hashlib.sha256()
    for part in (backend_key, suffix, text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


class CachedSpeech:
    def __init__(self, inner: SpeechSynthesizer, cache_dir: Path) -> None:
        self.inner = inner
        self.cache_dir = cache_dir
        self.cache_key = inner.cache_key
        self.hits = 0
        self.misses = 0

    def cached_path(self, text: str, suffix: str) -> Path:
        key = speech_cache_key(text.strip(), self.inner.cache_key, suffix)
        return self.cache_dir / key[:2] / f"{key}{suffix}"

    async def synthesize(self, text: str, out_path: Path) -> SpeechResult:
        suffix = check_suffix(out_path)
        stored = self.cached_path(text, suffix)
        hit = _copy_from_cache(stored, out_path)
        if hit is not None:
            self.hits += 1
            return hit
        self.misses += 1
        result = await self.inner.synthesize(text, out_path)
        _store_in_cache(stored, result)
        return result

    async def aclose(self) -> None:
        close = getattr(self.inner, "aclose", None)
        if close is not None:
            await close()


def _copy_from_cache(stored: Path, out_path: Path) -> SpeechResult | None:
    meta = stored.with_suffix(".json")
    if not (stored.is_file() and meta.is_file()):
        return None
    duration = float(json.loads(meta.read_text())["duration_s"])
    if stored.resolve() != out_path.resolve():
        out_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stored, out_path)
    return SpeechResult(path=out_path, duration_s=duration)


def _store_in_cache(stored: Path, result: SpeechResult) -> None:
    # The audio first, the duration last: a reader trusts an entry only once both exist.
    write_atomically(stored, result.path.read_bytes())
    write_atomically(stored.with_suffix(".json"), json.dumps({"duration_s": result.duration_s}).encode())
