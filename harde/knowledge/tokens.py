"""Text to search terms: lowercase words, English stopwords out, Snowball stems, trade synonyms.

The same analysis runs on documents and on queries, so a rep's "financing" meets a document's
"finance", and a question about "too expensive" also looks for "price".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import Stemmer
from spellchecker import SpellChecker
from spellchecker.spellchecker import WordFrequency

from harde.knowledge.rep_language import normalize_query, rep_expansions

_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")

# Common English function words plus the filler of spoken questions ("what's our ... again?").
_STOPWORD_TEXT = """
    a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't
    doing don't down during each few for from further had hadn't has hasn't have haven't having he
    he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if
    in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on
    once only or other ought our ours ourselves out over own same shan't she she'd she'll she's
    should shouldn't so some such than that that's the their theirs them themselves then there
    there's these they they'd they'll they're they've this those through to too under until up
    very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's
    which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've
    your yours yourself yourselves s t just also get got gets us hey please tell know ok okay
    again really thing things say says said use used go going want wants like good way something
    anything remind let give quick guys one
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# The frame of a rep's question, not its subject: "how many", "should i", "what do we usually",
# "what kind of". Dropped from queries only; in a document these words can carry meaning.
_QUESTION_FRAME_TEXT = """
    many much should shall must usually normally typically generally kind sort type best need
    needs make take ever actually exactly supposed whats wat wht u ur im ive id dont doesnt
    cant wont isnt guy guys someone somebody anyone anybody right now around here
"""
QUESTION_FRAME = frozenset(_QUESTION_FRAME_TEXT.split())

# Words whose Snowball stem would collide with an unrelated everyday word.
_PROTECTED = {"siding": "siding", "sided": "siding", "news": "news", "gutter": "gutter", "gutters": "gutter"}

# Terms that mean the same thing in residential exteriors sales. A query term in a group also
# searches for the others, at a lower weight than the words the rep actually used.
TRADE_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("price", "cost", "expensive", "pricey", "afford", "budget", "money", "cheaper"),
    ("financing", "finance", "loan", "monthly", "payments", "apr", "credit"),
    ("spouse", "wife", "husband", "partner", "decision-maker", "decision-makers"),
    ("think", "sleep", "decide", "stall", "later"),
    ("quotes", "bids", "estimates", "competitor", "competitors", "compare", "comparison"),
    ("roof", "roofing", "reroof", "shingles", "tear-off"),
    ("ice", "dam", "dams", "membrane"),
    ("underlayment", "synthetic", "felt"),
    ("guard", "guards", "cover", "covers", "screen", "screens", "leaf", "leaves"),
    ("warranty", "warranties", "guarantee", "guaranteed", "coverage"),
    ("workmanship", "labor", "installation"),
    ("elderly", "senior", "seniors", "older", "retired", "retiree", "aging"),
    ("hoa", "association", "covenants", "architectural", "bylaws"),
    ("window", "windows", "glass", "glazing", "sash"),
    ("siding", "clapboard", "cladding"),
    ("fiber", "cement", "composite"),
    ("thickness", "gauge", "thick", "thicker"),
    ("appointment", "visit", "in-home", "consultation", "presentation", "demo"),
    ("close", "closing", "sign", "signed", "signing", "contract", "agreement"),
    ("deposit", "down", "upfront"),
    ("leak", "leaks", "leaking", "drip", "stain", "stains"),
    ("rapport", "trust", "relationship", "connection", "credibility"),
    ("objection", "objections", "pushback", "concern", "concerns", "hesitation", "resistance"),
    ("crew", "crews", "installers", "foreman", "production"),
    ("ventilation", "vent", "vents", "attic", "exhaust", "intake"),
    ("flashing", "chimney", "skylight"),
    ("rot", "rotten", "decking", "plywood", "sheathing", "osb"),
    ("opener", "introduction", "intro", "greeting", "first"),
    ("primer", "video", "pre-appointment"),
    ("referral", "referrals", "neighbor", "neighbors", "word-of-mouth"),
    ("discount", "promotion", "promo", "deal", "incentive"),
    ("follow-up", "followup", "callback", "recontact"),
    ("script", "scripts", "wording", "lines", "template"),
    ("insurance", "claim", "adjuster", "storm", "hail"),
    ("energy", "efficiency", "u-factor", "insulated", "heating"),
    ("downspout", "downspouts", "drainage", "runoff"),
    ("hoa", "homeowners"),
    ("present", "presenting", "show", "showing", "explain"),
    ("schedule", "cadence", "timeline"),
    ("never", "avoid", "mistake", "mistakes"),
)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    stemmer = Stemmer.Stemmer("english")
    stemmer.maxCacheSize = 50_000
    return stemmer


_PROHIBITION = re.compile(
    r"(^|[.!?:;]\s+|\n[ \t]*(?:[-*][ \t]*)?|\bi\s+|\bwe\s+|\byou\s+)(?:do not|don't|dont|should not|shouldn't|shouldnt)\b"
    r"|()\bnot to (?:do|say)\b"
)


def words(text: str) -> list[str]:
    """Lowercase words, stopwords kept; hyphenated terms yield the parts and the whole."""
    # "30%" and "30 percent" are the same figure, in a document or a question.
    lowered = text.lower().replace("’", "'").replace("%", " percent ")
    # A prohibition is "never", whether the playbook says "Do not ..." or "What not to do" and
    # the rep asks "what should i never do" or "what shouldn't i say".
    lowered = _PROHIBITION.sub(lambda m: (m.group(1) or "") + " never ", lowered)
    found: list[str] = []
    for token in _WORD.findall(lowered):
        token = token.strip(".'")
        if token.endswith("'s"):
            token = token[:-2]
        if token:
            found.append(token)
    for compound in re.findall(r"(?<![a-z0-9])[a-z0-9]+(?:-[a-z0-9]+)+", lowered):
        found.append(compound)
    return found


# Stems Snowball leaves apart although the words are one: "how do i respond" asks for "The
# response", "how much weight" for what a square "weighs".
_DERIVED = {
    "respons": "respond", "weight": "weigh", "decis": "decid", "explan": "explain",
    # The weather and the wear a roof is in, said as adjectives: "a frosty roof" is frost on it.
    "frosti": "frost", "ici": "ice", "snowi": "snow", "raini": "rain", "windi": "wind", "leaki": "leak",
    "moldi": "mold", "mossi": "moss", "rusti": "rust", "drafti": "draft", "stormi": "storm",
}


def stems(tokens: list[str]) -> list[str]:
    stemmer = _stemmer()
    kept = [t for t in tokens if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]
    out = stemmer.stemWords([_PROTECTED.get(t, t) for t in kept])
    return [_PROTECTED.get(k, s) if k in _PROTECTED else _DERIVED.get(s, s) for k, s in zip(kept, out, strict=True)]


def analyze(text: str) -> list[str]:
    """The index terms of a text."""
    return stems(words(text))


@lru_cache(maxsize=1)
def _synonym_groups() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for group in TRADE_SYNONYMS:
        group_stems = set(stems(list(group)))
        for stem in group_stems:
            groups.setdefault(stem, set()).update(group_stems)
    return {stem: frozenset(members) for stem, members in groups.items()}


SYNONYM_WEIGHT = 0.35
PHRASE_WEIGHT = 0.8
CORRECTION_WEIGHT = 0.8
# A misspelling is corrected in words this long; a shorter one only when it is no English word
# ("prce", "wniter"): a real one is too often another word one letter away ("widow", "window").
MIN_CORRECTED_LENGTH = 7
MIN_UNKNOWN_CORRECTED_LENGTH = 4


@lru_cache(maxsize=1)
def _english() -> WordFrequency:
    # pyspellchecker's English word list (160k words, shipped in its wheel), loaded once.
    return SpellChecker(language="en", distance=1).word_frequency


# Contractions typed without their apostrophe ("theres a", "theyre"), which the list holds only
# with it: everyday words, never a misspelt name ("theres" is not "Theresa").
_UNAPOSTROPHED = frozenset(
    ["theres", "thats", "theyre", "youre", "weve", "ive", "isnt", "arent", "wasnt", "werent", "doesnt", "didnt", "dont", "hasnt", "havent", "hadnt", "wouldnt", "shouldnt", "couldnt", "theyll", "youll", "itll", "thatll", "whos", "lets", "im", "youd", "theyd", "hed", "shed", "theyve", "youve", "wholl", "whatre", "howd", "hows"]
)


def is_english_word(word: str) -> bool:
    return word in _english() or word in _UNAPOSTROPHED


@lru_cache(maxsize=64)
def _words_starting(letter: str) -> tuple[str, ...]:
    return tuple(w for w in _english().keys() if w[:1] == letter and w.isalpha())  # noqa: SIM118 (a WordFrequency, not a dict)


def is_near_english_word(word: str, limit: int | None = None) -> bool:
    """A word in the list, or one typed `limit` letters off one ("wniter", "huose"); by default
    one letter, two in a long word ("preefrred")."""
    if is_english_word(word):
        return True
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extractOne

    limit = limit if limit is not None else (1 if len(word) <= 8 else 2)
    pool = [w for w in _words_starting(word[:1]) if abs(len(w) - len(word)) <= limit]
    return extractOne(word, pool, scorer=OSA.distance, score_cutoff=limit) is not None


def is_everyday_word(word: str) -> bool:
    """An English word in common use ("orchard", "garden"); rare ones in the list are mostly
    proper names ("jonson", "johnston")."""
    return word in _UNAPOSTROPHED or int(_english()[word]) > EVERYDAY_COUNT


EVERYDAY_COUNT = 100  # pyspellchecker's list gives its rarest words, proper names among them, a count of 50


def _may_be_misspelt(word: str) -> bool:
    return len(word) >= MIN_CORRECTED_LENGTH or (len(word) >= MIN_UNKNOWN_CORRECTED_LENGTH and not is_english_word(word))

Corrector = Callable[[str], str | None]  # an unknown index term -> the known term it misspells


def query_terms(
    query: str,
    synonym_weight: float = SYNONYM_WEIGHT,
    phrase_weight: float = PHRASE_WEIGHT,
    correct: Corrector | None = None,
) -> dict[str, float]:
    """Weighted terms of a query.

    The rep's own words (shorthand spelled out, misspellings corrected when `correct` knows the
    index) weigh 1.0; trade synonyms of them `synonym_weight`; the playbook's words for the rep's
    phrases ("sleep on it", "the other guy is cheaper") `phrase_weight`.
    """
    normalized = normalize_query(query)
    weights: dict[str, float] = {}
    for word in words(normalized):
        if word in QUESTION_FRAME:
            continue
        for term in stems([word]):
            fixed = None
            if correct is not None and _may_be_misspelt(word):
                # The stem of a typo can be further from the right stem than the word is ("pirce"
                # stems to "pirc"): the word itself is tried too.
                fixed = correct(term) or (correct(word) if word != term else None)
            if fixed is not None and fixed != term:
                weights[fixed] = max(weights.get(fixed, 0.0), CORRECTION_WEIGHT)
            else:
                weights[term] = 1.0
    own = list(weights)
    groups = _synonym_groups()
    for term in own:
        for other in groups.get(term, ()):
            if other not in weights:
                weights[other] = synonym_weight
    # Phrases are looked for in the words as typed too: normalising drops "cant" from "cant agree".
    for expansion in dict.fromkeys(rep_expansions(normalized) + rep_expansions(query.lower())):
        for term in analyze(expansion):
            if weights.get(term, 0.0) < phrase_weight:
                weights[term] = phrase_weight
    return weights
