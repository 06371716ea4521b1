"""What a primer video shows and when: one slide per script section, timed to the voice, and
caption lines timed to the words.

Word times come from the speech backend when it reports them (espeak-ng does); otherwise each
sentence gets a share of the voice's length by its letters and its words an even split of that
(the right shape for OpenAI or ElevenLabs audio, which report no word positions).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from harde.integrations.speech.audio import spoken_text

TimedWord = tuple[str, float, float]
CAPTION_WORDS = 7
CAPTION_CHARS = 44


@dataclass(frozen=True)
class Slide:
    kind: str  # greeting | look | product | next | sign_off
    title: str
    subtitle: str
    start_s: float
    end_s: float


@dataclass(frozen=True)
class Caption:
    text: str
    start_s: float
    end_s: float


@dataclass(frozen=True)
class SlideText:
    """A slide before it is timed: its words on screen, and the script section it covers."""

    kind: str
    title: str
    subtitle: str
    spoken: str


@dataclass(frozen=True)
class Storyboard:
    slides: tuple[Slide, ...]
    captions: tuple[Caption, ...]
    duration_s: float

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Storyboard:
        return cls(
            slides=tuple(Slide(**s) for s in data["slides"]),
            captions=tuple(Caption(**c) for c in data["captions"]),
            duration_s=float(data["duration_s"]),
        )


def words_of(text: str) -> list[str]:
    return re.findall(r"\S+", spoken_text(text))


def even_split(text: str, duration_s: float, gap_s: float = 0.1) -> list[TimedWord]:
    """Word times without a backend's help: sentences share the length by letters, words evenly."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", spoken_text(text).replace("\n", " ")) if s.strip()]
    if not sentences or duration_s <= 0:
        return []
    letters = sum(len(s) for s in sentences)
    speaking = max(0.1, duration_s - gap_s * (len(sentences) - 1))
    out: list[TimedWord] = []
    t = 0.0
    for sentence in sentences:
        share = speaking * len(sentence) / letters
        words = sentence.split()
        step = share / len(words)
        for i, word in enumerate(words):
            out.append((word, round(t + i * step, 3), round(t + (i + 1) * step, 3)))
        t += share + gap_s
    return out


def _text(line: list[TimedWord]) -> str:
    return " ".join(w for w, _, _ in line)


def _fits(line: list[TimedWord]) -> bool:
    return len(line) <= CAPTION_WORDS and len(_text(line)) <= CAPTION_CHARS


def _balanced(sentence: list[TimedWord]) -> list[list[TimedWord]]:
    """The sentence in as few caption lines as fit, and among those the split whose longest line
    is shortest: two lines of four words read better than seven words and an orphaned "Julie."
    (a word longer than a line is a line of its own). Linear in the sentence's length."""
    n = len(sentence)
    # best[i]: (lines, longest line, where the last line starts) for the first i words.
    best: list[tuple[int, int, int]] = [(0, 0, 0)]
    for i in range(1, n + 1):
        options = [
            (best[j][0] + 1, max(best[j][1], len(_text(sentence[j:i]))), j)
            for j in range(max(0, i - CAPTION_WORDS), i)
            if _fits(sentence[j:i]) or i - j == 1
        ]
        best.append(min(options))
    lines, i = [], n
    while i > 0:
        j = best[i][2]
        lines.append(sentence[j:i])
        i = j
    return lines[::-1]


def caption_lines(words: list[TimedWord]) -> list[Caption]:
    """Short caption lines: each sentence in the fewest lines of at most 7 words and 44 letters,
    balanced in length."""
    sentences: list[list[TimedWord]] = [[]]
    for word in words:
        sentences[-1].append(word)
        if word[0].endswith((".", "!", "?")):
            sentences.append([])
    captions = [
        Caption(_text(line), line[0][1], line[-1][2])
        for sentence in sentences if sentence
        for line in _balanced(sentence)
    ]  # fmt: skip
    # Each line stays up until the next one starts: no flicker in the pauses between sentences.
    return [
        Caption(c.text, c.start_s, captions[i + 1].start_s if i + 1 < len(captions) else c.end_s)
        for i, c in enumerate(captions)
    ]


def _key(word: str) -> str:
    return re.sub(r"\W+", "", word).casefold()


def section_starts(sections: list[str], words: list[TimedWord]) -> list[float]:
    """When each section's first word is spoken: matched in order near its expected index, so a
    word the speech backend split or merged does not shift the slides after it."""
    starts: list[float] = []
    index = 0
    for section in sections:
        tokens = words_of(section)
        if not tokens or not words:
            starts.append(starts[-1] if starts else 0.0)
            continue
        first = _key(tokens[0])
        window = range(max(0, index - 3), min(len(words), index + 8))
        found = next((i for i in window if _key(words[i][0]) == first), min(index, len(words) - 1))
        starts.append(words[found][1])
        index = found + len(tokens)
    return starts


def build_storyboard(slides: list[SlideText], words: list[TimedWord], duration_s: float) -> Storyboard:
    starts = section_starts([s.spoken for s in slides], words)
    starts[0] = 0.0
    timed = []
    for i, slide in enumerate(slides):
        end = starts[i + 1] if i + 1 < len(slides) else duration_s
        timed.append(Slide(slide.kind, slide.title, slide.subtitle, round(starts[i], 3), round(max(end, starts[i]), 3)))
    # A slide too short to read is merged into the one before it.
    merged: list[Slide] = []
    for piece in timed:
        if merged and piece.end_s - piece.start_s < 1.0:
            last = merged.pop()
            merged.append(Slide(last.kind, last.title, last.subtitle, last.start_s, piece.end_s))
        else:
            merged.append(piece)
    return Storyboard(tuple(merged), tuple(caption_lines(words)), round(duration_s, 3))
