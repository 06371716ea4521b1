"""Slots read from a request: the fields asked for, dates and times, money, percentages, kinds.

Every parser here is linear in its input (bounded patterns, no nested repetition), so a
12,000-character paste costs the same as a sentence per character. The vocabulary lives here,
in the understanding layer, and nowhere below it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from harde.understanding.when import WEEKDAYS, parse_range, parse_when

# Reps' shorthand, expanded before anything else reads the text.
SHORTHAND = {
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow", "tomoro": "tomorrow", "tommorow": "tomorrow",
    "tomorow": "tomorrow", "2moro": "tomorrow", "2day": "today", "tdy": "today", "appt": "appointment",
    "appts": "appointments", "apt": "appointment", "apts": "appointments", "rn": "right now", "u": "you",
    "ur": "your", "pls": "please", "plz": "please", "w/": "with", "b4": "before", "thx": "thanks",
    "ty": "thanks", "num": "number", "ph": "phone", "addr": "address", "insp": "inspection",
    "nxt": "next", "wk": "week", "wks": "weeks", "mon": "monday", "tues": "tuesday", "tue": "tuesday",
    "wed": "wednesday", "weds": "wednesday", "thu": "thursday", "thur": "thursday", "thurs": "thursday", "turs": "thursday", "thrus": "thursday", "thrs": "thursday",
    "fri": "friday", "sat": "saturday", "info": "information", "bal": "balance", "amt": "amount",
    "msg": "message", "vm": "voicemail", "shes": "she is", "hes": "he is", "whats": "what is",
    "whens": "when is", "wheres": "where is", "whos": "who is", "hows": "how is", "thats": "that is",
    "cust": "customer", "est": "estimate", "addy": "address", "vid": "video", "vids": "videos",
    "wheer": "where", "whree": "where", "wehre": "where", "hwere": "where", "wher": "where", "whre": "where", "wat": "what", "waht": "what", "whta": "what",
    "wht": "what", "whts": "what is", "wahts": "what is", "whtas": "what is", "wats": "what is", "whatss": "what is", "hwo": "how", "hw": "how", "wen": "when", "wehn": "when", "whn": "when", "wich": "which", "whcih": "which",
}
_SHORTHAND_RE = re.compile(r"(?<![\w/])(" + "|".join(re.escape(k) for k in sorted(SHORTHAND, key=len, reverse=True)) + r")(?![\w/])")


_AT_TIME = re.compile(r"@\s?(?=\d)")
_AP = re.compile(r"\b(\d{1,2}(?::\d{2})?)\s?([ap])\.?(?:m\.?)?(?![a-z])")


# The trade's own words, corrected when typed a letter off ("pimer vid", "weathher", "instalation"):
# nobody's name and no everyday word is one slip from them.
_TRADE_WORDS = (
    "primer", "script", "video", "inspection", "appointment", "proposal", "contract", "deposit", "balance", "install",
    "installation", "estimate", "gutters", "siding", "windows", "roofing", "shingles", "warranty", "financing",
    "calendar", "schedule", "scheduled", "weather", "forecast", "address", "payments", "customer", "signed",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "supplier", "order",
    "price", "length", "squares", "clearance", "maple", "hollow", "brookside", "commons", "pricing",
    "phone", "email", "newest", "every", "notes", "rundown", "latest", "collect", "update",
)
# The words of an ask to correct or call off a write, typed a letter off ("the note sould say",
# "actuually", "siwtch it to tuesday"): fixed in the rep's own text too (fix_ask_typos), since the
# note's new words are taken from it.
ASK_WORDS = ("should", "actually", "switch", "change", "instead", "correction", "cancel")
DOMAIN_WORDS: tuple[str, ...] = _TRADE_WORDS + ASK_WORDS
_DOMAIN_SET = frozenset(DOMAIN_WORDS)
_ASK_SET = frozenset(ASK_WORDS)
_ANY_CASE_WORD = re.compile(r"[A-Za-z]{5,14}")
_LONG_WORD = re.compile(r"[a-z]{5,14}")
TYPO_CHARS = 600  # only the start of a long paste is read for the trade's words


def _slip_of(word: str, vocabulary: tuple[str, ...], known: frozenset[str]) -> str | None:
    """The word of `vocabulary` that lower-case `word` is one slip from, if it is no word of its
    own: not known, not an everyday word, not the known word with an ending ("walkthroughs")."""
    if word in known:
        return None
    from harde.knowledge.tokens import is_everyday_word  # the word list loads on first use

    if is_everyday_word(word):
        return None
    best = process.extractOne(word, vocabulary, scorer=OSA.distance, score_cutoff=1)
    return str(best[0]) if best is not None and not _inflected(word, str(best[0])) else None


def _domain_typo(m: re.Match[str]) -> str:
    return _slip_of(m.group(0), DOMAIN_WORDS, _DOMAIN_SET) or m.group(0)


def _inflected(word: str, known: str) -> bool:
    """Whether `word` is `known` with an ending, not a slip: "walkthroughs", "changed", "cancels"."""
    return word.startswith(known) and word[len(known):] in ("s", "d", "r", "n")


def fix_ask_typos(text: str) -> str:
    """`text` with the words of a correction typed a letter off spelled right, the rest as typed."""

    def fix(m: re.Match[str]) -> str:
        return _slip_of(m.group(0).casefold(), ASK_WORDS, _ASK_SET) or m.group(0)

    return _ANY_CASE_WORD.sub(fix, text[:TYPO_CHARS]) + text[TYPO_CHARS:]


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, shorthand expanded ("tmrw", "appt", "@ 10", "10a"), the
    trade's words typed a letter off corrected, spaces collapsed."""
    low = text.casefold().replace("’", "'").replace("‘", "'").replace("`", "'")
    low = _SHORTHAND_RE.sub(lambda m: SHORTHAND[m.group(1)], low)
    low = _AT_TIME.sub("at ", low)
    low = _AP.sub(lambda m: f"{m.group(1)}{m.group(2)}m", low)
    low = _LONG_WORD.sub(_domain_typo, low[:TYPO_CHARS]) + low[TYPO_CHARS:]
    low = _WERE_IS.sub(r"where \1", low)  # "were is job 1014": a question about where
    return " ".join(low.split())


_WERE_IS = re.compile(r"^\W*were\s+(is|are|do|does|did|we at)\b")


# --- fields asked about a customer or job ------------------------------------------------------

FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "phone": ("phone", "number", "cell", "call her", "call him", "call them", "reach her", "reach him", "digits", "mobile",
              "need to call", "who do i call", "whats the #", "what is the #", "phone #", "the #", "home #", "cell #", "contact #", "#?", "contact", "how do i reach", "how do we reach",
              "reach them", "get ahold of", "get a hold of", "ahold", "home line", "land line", "landline", "house phone",
              "best line", "line to get", "line to reach", "get her on", "get him on", "get them on",
              "way to call", "way to reach", "way to contact", "way to get ahold", "way to get a hold"),
    "email": ("email", "e-mail", "mail address", "emial", "emal"),
    "address": ("address", "where does", "where do they live", "where is the house", "live", "located", "street", "gps", "directions",
                "where is her place", "where is his place", "where is their place", "where is the place", "where is the job",
                "where is that job", "where is it again", "where is her house", "where is his house", "where is their house",
                "where is the house", "wheres her house", "wheres his house", "wheres the house"),
    "stage": ("stage", "status", "where are we", "where we at", "where do we stand", "standing", "at with", "update on", "how is the", "how's the",
              "going on with", "happening with", "going on there", "happening there", "going on over there", "the story with", "stand", "in the pipeline", "sold yet", "signed yet",
              "ever sign", "ever signed", "still out there", "still pending", "how far along", "far along", "did that land", "did it land"),
    "rep": ("rep", "of our reps", "which reps", "what reps", "salesman", "sales person", "salesperson", "who has", "who's got", "who is on", "assigned", "handling", "working it", "who owns", "estimator",
            "who sold", "who closed", "who signed", "whose deal", "whose job", "whose lead", "whos lead", "whose customer", "whose account", "who's on", "whos on", "who is working", "covers",
            "covering", "in charge of", "running point", "point person", "point man", "point on", "quarterbacking", "whos running", "who's running", "who is running"),
    "contract_amount": ("contract", "sold for", "sell for", "sale price", "sold price", "sold amount", "sale amount", "selling price", "price of the job", "job price", "worth", "how much is the job", "signed for", "sign for", "contract total", "job total",
                        "total", "signed at", "sold at", "went for", "go for"),
    "deposit": ("deposit", "down payment", "put down", "downpayment", "money down", "put anything down", "down pmt"),
    "payments": ("payment", "payments", "paid", "collected", "received", "money in", "have we gotten", "how much have we got",
                 "have we got paid", "come in on", "came in on", "has come in", "have come in", "money come in", "gotten in",
                 "came in so far", "come in so far", "paid so far", "collected so far", "in so far"),
    "balance": ("owe", "owes", "owed", "owing", "balance", "outstanding", "left to pay", "still due", "open invoice", "due",
                "left to collect", "to collect", "still to collect", "invoiced", "billed", "invoice total", "total invoiced",
                "whats left", "what's left", "what is left", "remaining", "still owe", "left over", "paid up", "paid off",
                "paid in full", "all paid", "fully paid", "unpaid", "amount due", "amount owed", "how much left", "much left to"),
    "install_date": ("install", "installation", "start date", "starting", "start", "crew", "build date", "production date", "install day"),
    "next_appointment": ("next appointment", "appointment", "next visit", "visit", "inspection", "meeting", "when are we going",
                         "when do we see", "when do i see", "scheduled", "out there", "there next", "going out", "see them next",
                         "see her next", "see him next", "see them again", "see her again", "see him again", "back at",
                         "back out", "back over", "am i back", "are we back", "be back", "go back", "booked", "coming up",
                         "do i meet", "do we meet", "meet with", "meet w", "meeting with", "meeting w", "trip out", "due to see", "due out", "due back"),
    "notes": ("note", "notes", "last contact", "latest", "last touch", "heard from", "talked to", "spoke", "history", "log"),
    "proposals": ("proposal", "quote", "bid", "estimate sent"),
    "jobs": ("jobs", "projects", "what do they have", "how many jobs"),
}
# When several fields match, the more specific one comes first in the answer.
_FIELD_ORDER = ("balance", "deposit", "payments", "contract_amount", "install_date", "next_appointment", "proposals",
                "notes", "phone", "email", "address", "rep", "stage", "jobs")


# Single field words, for typos: "emial", "numbr", "deposiit", "propoasl", "stagge".
_FIELD_TOKENS = {
    word: name for name in _FIELD_ORDER for word in FIELD_WORDS[name] if " " not in word.strip() and len(word) >= 4
}
_TOKEN = re.compile(r"[a-z]{4,14}")


def _close_field(word: str) -> str | None:
    if word in _FIELD_TOKENS:
        return _FIELD_TOKENS[word]
    best = process.extractOne(word, list(_FIELD_TOKENS), scorer=fuzz.ratio, score_cutoff=80)
    if best is None or abs(len(str(best[0])) - len(word)) > 2:
        return None
    return _FIELD_TOKENS[str(best[0])]


_PRICE_GIVEN = re.compile(r"\bnumber (?:did )?(?:we|i|you|they) (?:give|gave|quote|quoted|put|come in at)\b|\b(?:give|gave) (?:them|her|him) a number\b")


def fields_asked(low: str) -> list[str]:
    low = low[:600]
    padded = f" {low} "
    found = []
    for name in _FIELD_ORDER:
        for word in FIELD_WORDS[name]:
            if re.search(rf"(?<![a-z]){re.escape(word.strip())}(?![a-z0-9])", padded):
                found.append(name)
                break
    for word in _TOKEN.findall(low):
        if word in _NOT_FIELDS:
            continue
        close = _close_field(word)
        if close is not None and close not in found:
            found.append(close)
    if "phone" not in found and re.search(r"#(?!\s*\d)", low):
        found.append("phone")  # "julie contact #"
    if "stage" not in found and re.search(r"\bwhere(?:'s| is| are| r)\b.{1,60}\bat\b\s*\??$", low) and not re.search(r"\b(?:located|live|lives|living)\b", low):
        found.append("stage")  # "where is julie castillo at"
    found.sort(key=_FIELD_ORDER.index)
    if "address" in found and "stage" in found and re.search(r"\bwhere\b.{0,60}\bstand\b", low):
        found.remove("address")  # "where does the smith gutter job stand"
    for sent, words in (("proposals", "proposal|quote|bid"), ("contract_amount", "contract|agreement")):
        if sent in found and len(found) > 1 and re.search(rf"\b(?:to send|sending|send(?:ing)? (?:her|him|them|over)?)\b[^.?!]{{0,30}}\b(?:{words})", low):
            found.remove(sent)  # "need her email to send the proposal": the email is asked
    if "address" in found and re.search(r"\be-?mail address", low) and not re.search(r"\b(home|street|mailing|house) address|\baddress and\b|\band address\b", low):
        found.remove("address")
    # "when is the install" asks a date, "is the install paid" asks money: keep what the words say.
    if "next_appointment" in found and re.search(r"\bstill out there\b", low) and not re.search(r"\b(?:visit|appointment|appt|inspection)\b", low):
        found.remove("next_appointment")  # "sold yet or still out there": the proposal is, not a visit
    if "install_date" in found and "next_appointment" in found:
        found.remove("next_appointment")
    if "phone" in found and _PRICE_GIVEN.search(low):
        # "what number did we give them": the price quoted, not a phone number.
        found = [f for f in found if f != "phone"] + ([] if "contract_amount" in found else ["contract_amount"])
        found.sort(key=_FIELD_ORDER.index)
    if "contract_amount" in found and re.search(r"\bworth (?:it|the|doing|paying|upgrading)\b", low) and not re.search(r"\bcontract|\bsold\b", low):
        found.remove("contract_amount")  # "is triple pane worth it up here" asks the playbook
    if "balance" in found and re.search(r"\bdue (?:to (?:see|go|be|visit|meet)|out|back)\b", low) and not re.search(r"\b(?:owe|balance|paid|pay)\b", low):
        found.remove("balance")  # "when am i due to see daniel reilly": a visit, not money due
    if "balance" in found and "payments" in found and not re.search(r"\bpayments?\b", low):
        found.remove("payments")
    if "contract_amount" in found and "payments" in found and not re.search(r"\bpaid|\bpayments?\b", low):
        found.remove("payments")
    if found == ["notes"] and re.search(r"\blatest\b", low) and not re.search(r"\b(?:notes?|nootes|log|history)\b", low):
        found = ["stage", "notes"]  # "whats the latest with 1056": where it stands, then the latest note
    return found


# Everyday words a typo check would otherwise read as a field ("phones" is fine, "honest" is not).
_NOT_FIELDS = {
    "note", "signed", "signing", "resigned", "nope", "none", "home", "hone", "down", "done", "dome", "date", "data", "dues", "doing", "owner", "going",
    "sending", "spending", "lending", "ending", "pending",
    "other", "there", "their", "these", "those", "where", "ready", "sales", "start", "stars", "state", "still",
    "store", "story", "total", "today", "visited", "watch", "staff", "stuff", "cheap", "price", "roofs", "roofing",
    "living", "liked", "over", "ovr", "email", "emails", "number", "numbers", "about", "after", "again", "phones", "notes",
}


# --- appointment kinds -------------------------------------------------------------------------

KINDS = {
    "inspection": "Inspection", "inspect": "Inspection", "measure": "Measure", "measurements": "Measure",
    "measurement": "Measure", "estimate": "Estimate", "walkthrough": "Walkthrough", "walk through": "Walkthrough",
    "walk-through": "Walkthrough", "install": "Install", "consult": "Consultation", "consultation": "Consultation",
    "follow up": "Follow-up visit", "follow-up": "Follow-up visit", "followup": "Follow-up visit",
    "meeting": "Meeting", "visit": "Visit", "review": "Estimate review", "appointment": "Appointment",
}


# A visit named by its purpose ("progress check", "site visit", "color review"): its own title.
_NAMED_VISIT = re.compile(r"\b([a-z][a-z-]{2,})\s+(check(?:-in)?|visit|walk|walkthrough|review|meeting)\b")
_NOT_A_PURPOSE = {
    "the", "and", "for", "quick", "short", "another", "new", "our", "his", "her", "their", "this", "that", "next", "first",
    "second", "final", "book", "set", "put", "schedule", "add", "make", "have", "get", "lock", "pencil", "with", "follow",
    "inspection", "estimate", "install", "appointment",
}


_PURPOSE_BEFORE = re.compile(r"\b([a-z][a-z-]{2,})\s+$")


def _named_visit(low: str) -> tuple[list[str], str] | None:
    """The purpose words and the noun of a visit named by its purpose: "site visit" (["site"],
    "visit"), "install prep visit" (["install", "prep"], "visit")."""
    for m in _NAMED_VISIT.finditer(low[:400]):
        if m.group(1) in _NOT_A_PURPOSE:
            continue
        words = [m.group(1)]
        before = _PURPOSE_BEFORE.search(low[max(0, m.start() - 30) : m.start()])
        if before is not None and before.group(1) in KINDS:
            words.insert(0, before.group(1))  # "install prep visit": the kind is part of the purpose
        return words, m.group(2)
    return None


# The company's own names for visits, said whole: the title is the phrase, not its first word.
_PHRASED_KIND = re.compile(
    r"\b(estimate review|progress walk[ -]?through|final walk[ -]?through|proposal walk[ -]?through|initial inspection|final inspection"
    r"|inspection and measurements?|install start|colou?r pick(?: visit| appointment)?|first look|(?:proposal |contract )?sit[ -]?down|final walk"
    r"|(?:color|colour|design|product|material|sample|siding|window|roof|gutter) (?:consult(?:ation)?|selection))\b"
)


# A visit in the rep's own words, from the word that brings it in to its noun: "a check in",
# "book me a remeasure", "set a prejob walkaround", "needs a follow up sitdown", "put a punch list
# walk in there". The title is what the rep called it.
_VISIT_NOUN = (
    r"(?:check[- ]?in|walk[- ]?around|walk[- ]?through|walkthrough|walk|sit[- ]?down|re-?measure|measure(?:ments?)?"
    r"|visit|review|selection|consult(?:ation)?|meeting|inspection|check|look|sit|huddle|drop[- ]?off|delivery|pick[- ]?up)"
)
_SAID_VISIT = re.compile(
    rf"(?:^|\b(?:an?|needs|need|wants|want|book|set|put|schedule|pencil)\s+|[,-]\s*|\b(?=(?:second|third|2nd|3rd|return)\s))"  # "... second visit dec 1"
    rf"((?:[a-z][a-z-]*\s+){{0,3}}?{_VISIT_NOUN})\b"
)
# Words that end a visit's own words: what comes before them is not its name.
_NOT_VISIT_WORDS = {
    "a", "an", "the", "for", "on", "at", "with", "w", "in", "to", "my", "his", "her", "their", "our", "me", "us",
    "quick", "short", "new", "another", "book", "set", "put", "schedule", "pencil", "needs", "need", "wants", "want",
    "pls", "please", "job", "and", "it", "them", "him",
}
# Said alone, these name a visit no general kind covers.
_OWN_VISITS = re.compile(r"^(?:check[- ]?in|walk[- ]?around|sit[- ]?down|re-?measure|delivery|drop[- ]?off)$")


_MORE_NOUN = re.compile(rf"\s+{_VISIT_NOUN}\b")


_SAID_VISIT_LONGEST = re.compile(rf"((?:[a-z][a-z-]*\s+){{0,3}}{_VISIT_NOUN})\b")


def _said_visits(low: str) -> Iterator[re.Match[str]]:
    """Each place a visit's words may start, tried from every intro word: a phrase passed over
    ("set up a pre-install huddle" read from "set") leaves the next intro ("a") to try."""
    pos = 0
    while (m := _SAID_VISIT.search(low, pos)) is not None:
        yield m
        # "a check back visit": the shortest phrase is "check"; the longest from there is the name.
        longest = _SAID_VISIT_LONGEST.match(low, m.start(1))
        if longest is not None and longest.end() > m.end():
            yield longest
        pos = m.start(1) + 1


def _said_visit(low: str) -> str | None:
    low = re.sub(r"\bpre[ -](job|install)\b", r"pre-\1", low)
    for m in _said_visits(low):
        words = m.group(1).split()
        more = _MORE_NOUN.match(low, m.end())
        if more is not None:
            words.append(more.group(0).strip())  # "a first look inspection": the whole name
        while len(words) > 1 and (words[0] in _NOT_VISIT_WORDS or any(ch.isdigit() for ch in words[0])):
            words = words[1:]
        if any(w in _NOT_VISIT_WORDS for w in words[:-1]):
            continue
        phrase = " ".join(words)
        if len(words) >= 2 or _OWN_VISITS.match(phrase):
            phrase = re.sub(r"\bcheck[ ]in\b", "check-in", phrase)
            phrase = re.sub(r"\bfollow up\b", "follow-up", phrase)
            return phrase
    return None


def appointment_kind(low: str) -> str:
    low = re.sub(r"\bwalk[ -]?thru\b", "walkthrough", low[:400])  # "a midway walkthru"
    phrased = _PHRASED_KIND.search(low)
    said = _said_visit(low)
    if said is not None and (phrased is None or (phrased.group(1) in said and len(said) > len(phrased.group(1)))):
        return said.capitalize()
    if phrased is not None:
        title = re.sub(r"walk[ -]?through", "walkthrough", phrased.group(1))
        title = re.sub(r"\bconsult$", "consultation", title)
        return "Install" if title == "install start" else title.capitalize()
    general, said = "", ""
    for word, title in KINDS.items():
        if re.search(rf"\b{re.escape(word)}", low):
            general, said = title, word
            break
    named = _named_visit(low)
    if named is not None:
        words, noun = named
        phrase = " ".join([*words, noun]).capitalize()
        if general in ("", "Visit", "Meeting", "Appointment", "Estimate review"):
            return phrase
        # "an install prep visit", "a pre-install visit": a visit of its own, not the install.
        if (len(words) > 1 and said in words) or any(w != said and said in w for w in words):
            return phrase
    return general


# --- dates, times, ranges ----------------------------------------------------------------------

_WEEK_FROM = re.compile(r"\b(?P<n>a|one|two|three|2|3) weeks? from (monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|now)\b")
_WEEKS = {"a": 1, "one": 1, "two": 2, "2": 2, "three": 3, "3": 3}
_YEARLESS = re.compile(r"\b(\d{1,2})/(\d{1,2})\b(?!/)")


@dataclass(frozen=True)
class Moment:
    at: dt.datetime
    has_time: bool


_MONTH_DAY = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?|the\s+\d{1,2}(?:st|nd|rd|th)"
_DAY_THEN_HOUR = re.compile(
    rf"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|\d{{1,2}}/\d{{1,2}}|{_MONTH_DAY})"
    r"\s+(\d{1,2}(?::\d{2})?)\b(?!\s*(?:/|sq|ft|feet|%|squares|am|pm|a\.m|p\.m|o\s*'?\s*clock))"
)
# "11/30 1400", "dec 3 0930": a 24-hour time written without its colon, on the quarter hour (a
# four-digit number after a date that is not on one is more likely a job number than a time).
_DAY_THEN_HHMM = re.compile(
    rf"\b(\d{{1,2}}/\d{{1,2}}|{_MONTH_DAY}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow)"
    r"\s+(?:at\s+|@\s*)?(0[6-9]|1\d|2[0-1])(00|15|30|45)\b(?:\s*(?:hrs|hours|h)\b)?"
)


_COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a couple": 2, "a couple of": 2}
_IN_DAYS = re.compile(r"\bin (\d{1,2}|a couple(?: of)?|one|two|three|four|five|six|seven) days?\b")


def moment(low: str, now: dt.datetime) -> Moment | None:
    """A future moment named in the text ("thursday at 10", "12/11 9am", "tomorrow", "next tues 3",
    "a week from thursday")."""
    low = _DAY_THEN_HHMM.sub(lambda m: f"{m.group(1)} at {m.group(2)}:{m.group(3)}", low[:400])
    low = _DAY_THEN_HOUR.sub(lambda m: f"{m.group(1)} at {m.group(2)}", low)
    # "in 2 days at 9": that day, written as a date.
    low = _IN_DAYS.sub(lambda m: f"{(now + dt.timedelta(days=_COUNT_WORDS.get(m.group(1), 0) or int(m.group(1) if m.group(1).isdigit() else 0))):%m/%d}", low)
    extra = dt.timedelta()
    m = _WEEK_FROM.search(low)
    if m:
        low = low[: m.start()] + m.group(2).replace("now", "today") + low[m.end() :]
        extra = dt.timedelta(days=7 * _WEEKS[m.group("n")])
    found = parse_when(low, now)
    if found is None:
        return None
    at = found.at + extra
    week = _DAY_OF_WEEK.search(low)
    if week is not None:
        named = _weekday_named(week.group(0), now)  # "tuesday next week at 10"
        if named is not None:
            at = dt.datetime.combine(named, at.time())
    return Moment(at, found.has_time)


_SPAN = re.compile(r"^(.*?\S)\s+(to|through|thru|until|till|and|n|or|&|-)\s+(\S.*)$")  # "mon n tues": and
_BARE_DAY = re.compile(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b")


def day_range(low: str, now: dt.datetime) -> tuple[dt.date, dt.date] | None:
    """The days a question is about ("on 11/24", "tomorrow", "this week", "dec 7 to dec 9"), or
    None when it names none. A day without a year is the nearest one: questions look back as
    often as ahead."""
    low = low[:400]
    span = _SPAN.match(low)
    if span:
        left, right = span.group(1), span.group(3)
        week = _WEEK_PHRASE.search(right)
        if week is not None and not _WEEK_PHRASE.search(left):
            left = f"{left} {week.group(0)}"  # "tues thru fri next week": both days in next week
        first, second = _one_day(left, now), _one_day(right, now)
        bare = _BARE_DAY.match(right)
        if first is not None and second is None and bare is not None:
            # "dec 14 and 15": the second day in the first one's month.
            with contextlib.suppress(ValueError):
                day = first[0].replace(day=int(bare.group(1)))
                second = (day, day) if day >= first[0] else None
        if first is not None and second is not None:
            if second[0] < first[0] and (first[0] - second[0]).days < 7 and re.search(_WD_NAMES, right):
                second = (second[0] + dt.timedelta(days=7), second[1])  # "monday to wednesday": the days after
            elif second[0] < first[0]:
                second = (second[0].replace(year=second[0].year + 1), second[1])
            if span.group(2) != "or" or (second[0] - first[0]).days == 1:
                return first[0], second[0]  # "mon 12/14 or tues 12/15": both days; "mon or fri" is not a span
    return _one_range(low, now)


def _one_day(low: str, now: dt.datetime) -> tuple[dt.date, dt.date] | None:
    found = _one_range(low, now)
    return found if found is not None and found[0] == found[1] else None


_WD_NAMES = "|".join(sorted((w for w in WEEKDAYS if len(w) > 3), key=len, reverse=True))
_WEEK_PHRASE = re.compile(r"\b(?:(?:of|in)\s+)?(?:next|this|the following|the coming|coming) week\b")
_DAY_OF_WEEK = re.compile(
    rf"\b(?P<wd>{_WD_NAMES})\s+(?:(?:of|in)\s+)?(?P<which>next|this|the following|the coming|coming) week\b"
    rf"|\b(?P<which2>next|this|the following|the coming|coming) week\s+(?:on\s+)?(?P<wd2>{_WD_NAMES})\b"
)
_DAY_NTH = re.compile(rf"\b(?P<wd>{_WD_NAMES}),?\s+(?:the\s+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)\b")


def _weekday_named(low: str, now: dt.datetime) -> dt.date | None:
    """A weekday pinned by its week ("tuesday next week") or by its date ("wed the 9th": the
    nearest 9th that is a Wednesday, ahead first)."""
    m = _DAY_OF_WEEK.search(low)
    if m is not None:
        weekday = WEEKDAYS[m.group("wd") or m.group("wd2")]
        which = m.group("which") or m.group("which2")
        monday = now.date() - dt.timedelta(days=now.weekday())
        if which != "this":
            monday += dt.timedelta(days=7)
        return monday + dt.timedelta(days=weekday)
    m = _DAY_NTH.search(low)
    if m is not None:
        weekday, n = WEEKDAYS[m.group("wd")], int(m.group("n"))
        found: list[dt.date] = []
        for shift in range(-6, 13):
            month, year = (now.month - 1 + shift) % 12 + 1, now.year + (now.month - 1 + shift) // 12
            with contextlib.suppress(ValueError):
                day = dt.date(year, month, n)
                if day.weekday() == weekday:
                    found.append(day)
        if found:
            # The nearest such day; questions look back as often as ahead.
            return min(found, key=lambda d: (abs((d - now.date()).days), d < now.date()))
    return None


def _one_range(low: str, now: dt.datetime) -> tuple[dt.date, dt.date] | None:
    named = _weekday_named(low, now)
    if named is not None:
        return named, named
    m = _YEARLESS.search(low)
    if m and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
        candidates = []
        for year in (now.year - 1, now.year, now.year + 1):
            try:
                candidates.append(dt.date(year, int(m.group(1)), int(m.group(2))))
            except ValueError:
                continue
        if candidates:
            day = min(candidates, key=lambda d: abs((d - now.date()).days))
            if _WEEK_OF.search(low):
                monday = day - dt.timedelta(days=day.weekday())
                return monday, monday + dt.timedelta(days=6)
            return day, day
    start, end, words = parse_range(low, now, default_days=0)
    if words == "the next 0 days":
        return None
    first, last = start.date(), max(start.date(), (end - dt.timedelta(seconds=1)).date())
    if not re.search(r"\b(19|20)\d{2}\b", words) and (first - now.date()).days > 183:
        # "nov 1" said on Nov 23 is three weeks ago, not next year: the nearest one.
        with contextlib.suppress(ValueError):  # Feb 29
            first, last = first.replace(year=first.year - 1), last.replace(year=last.year - 1)
    if _WEEK_OF.search(low) and first == last:
        # "the week of 11/30": that day's week, Monday to Sunday.
        first = first - dt.timedelta(days=first.weekday())
        last = first + dt.timedelta(days=6)
    return first, last


_WEEK_OF = re.compile(r"\bweek of\b")


_DURATION = re.compile(r"\bfor\s+(?:an?\s+)?(\d{1,2}(?:\.\d)?|half an?|an?)\s*(hours?|hrs?|h|minutes?|mins?)\b")


def duration_minutes(low: str) -> int | None:
    """ "for 2 hours", "for 90 min", "for an hour" -> minutes."""
    hit = _DURATION.search(low[:400])
    if hit is None:
        return None
    amount = {"a": 1.0, "an": 1.0, "half a": 0.5, "half an": 0.5}.get(hit.group(1))
    value = amount if amount is not None else float(hit.group(1))
    return int(value * 60) if hit.group(2).startswith("h") else int(value)


# --- money, percentages ------------------------------------------------------------------------

_MONEY = re.compile(r"\$\s?(\d{1,3}(?:,\d{3})+|\d{1,9})(\.\d{1,2})?\s?(k|m)?\b|\b(\d{1,6}(?:\.\d{1,2})?)\s?(k)\b")
_PERCENT = re.compile(r"\b(\d{1,3}(?:\.\d{1,2})?)\s?(?:%|percent|pct)")


def money_amounts(low: str) -> list[float]:
    out = []
    for m in _MONEY.finditer(low[:2000]):
        if m.group(1):
            value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
            scale = m.group(3)
        else:
            value = float(m.group(4))
            scale = m.group(5)
        out.append(value * (1000 if scale == "k" else 1_000_000 if scale == "m" else 1))
    return out


def percentages(low: str) -> list[float]:
    return [float(m.group(1)) for m in _PERCENT.finditer(low[:2000])]


# --- approvals -------------------------------------------------------------------------------

# A yes is a short message made only of approving words, with at least one that approves by
# itself; any other word ("but", "wait", "change", a name) makes it something else.
_APPROVING = {
    "y", "ya", "yah", "yes", "yess", "yeah", "yea", "yep", "yup", "sure", "ok", "okay", "k", "kk", "confirm", "confirmed",
    "correct", "approve", "approved", "go", "ahead", "do", "it", "please", "pls", "plz", "thanks", "thank", "you", "thx", "ty",
    "sounds", "looks", "good", "great", "perfect", "lgtm", "send", "ship", "book", "add", "save", "move", "create", "lets",
    "let's", "absolutely", "definitely", "right", "that's", "thats", "affirmative", "for", "yes,", "cool", "👍", "✅", "👌",
    "ye", "yas", "yupp", "yepp", "mhm", "uh", "huh", "fine", "all", "works", "me", "thing", "make", "so", "proceed", "mark", "log", "post",
    "put", "in", "sí", "si", "that", "one", "now", "sir", "maam", "ma'am", "boss", "man", "buddy", "yessir", "yesir", "yessum",
    "roger", "10-4", "exactly", "bet", "aye", "indeed", "certainly", "course", "of", "set", "legit", "on", "to", "with", "is",
    "the", "just", "alright", "alrighty", "sweet", "nice", "awesome", "solid", "deal", "done", "got", "this", "yeh", "yeppers",
    "w", "then", "by", "fire", "away", "bingo", "spot", "10/4", "lock", "g2g", "righto", "rightio", "happen", "aight", "ight", "and", "green", "light", "work", "thatll", "that'll", "submit", "correcto", "correctamundo", "dude", "bro", "chief", "friend", "ahh", "oh", "hell", "heck", "totally", "def",
    "100%", "💯", "yesh", "yee", "affirm", "affirmed", "u", "okie", "dokie", "dokey", "okey", "yeap", "yuh", "yuppers",
    "fo", "sho", "gud", "gd", "thang", "4", "much", "very", "really", "please,", "yes'm", "kay", "mmhm", "mhmm", "ofc",
    "bud", "pal", "mate", "homie", "pull", "trigger", "hit", "roll", "run", "official", "about", "execute", "bang", "accurate", "er", "ten", "four", "nailed",
}
_APPROVES_ALONE = {
    "y", "ya", "yah", "yes", "yess", "yeah", "yea", "yep", "yup", "sure", "ok", "okay", "k", "kk", "confirm", "confirmed",
    "correct", "approve", "approved", "go", "lgtm", "perfect", "absolutely", "definitely", "affirmative", "👍", "✅", "👌",
    "ye", "yas", "yupp", "yepp", "mhm", "fine", "proceed", "sí", "si", "yessir", "yesir", "yessum", "roger", "10-4", "exactly",
    "bet", "aye", "bingo", "10/4", "g2g", "righto", "rightio", "certainly", "alright", "alrighty", "aight", "ight", "deal", "yeh", "yeppers", "correcto", "correctamundo", "totally", "def",
    "100%", "💯", "yesh", "yee", "affirm", "affirmed", "okie", "okey", "yeap", "yuh", "yuppers", "kay", "mmhm", "mhmm", "ofc",
}
# Approving only together: "looks right", "that works", "of course", "all set".
_APPROVING_PHRASES = (
    "sounds good", "looks good", "do it", "go ahead", "go for it", "please do", "that's right", "thats right", "ship it",
    "send it", "save it", "book it", "mark it", "log it", "post it", "put it in", "works for me", "all good", "sure thing",
    "make it so", "uh huh", "looks right", "sounds right", "that works", "works", "of course", "all set", "you bet",
    "do that", "save that", "that's it", "thats it", "good to go", "right on", "yes sir", "sounds great",
    "looks great", "great", "good", "nice", "fine by me", "fine with me", "fire away", "make it happen", "green light", "that'll work", "thatll work",
    "submit it", "sweet", "awesome", "solid", "cool", "done deal", "got it", "right", "spot on", "lock it", "lock it in",
    "fo sho", "for sure", "go 4 it", "sounds gud", "looks gd", "you got it", "u got it",
    "pull the trigger", "hit it", "lets roll", "let's roll", "run it", "execute", "make it official", "bang on", "accurate", "do er", "save er", "send er", "ten four", "nailed it",
)
_NOT_A_YES = {"no", "not", "don't", "dont", "wait", "hold", "cancel", "stop", "never", "nah", "nope"}


# Typed a letter off ("yse", "confrim", "absolutley"), a word still approves, unless it is another
# English word ("post" is not "lost") or it is as near a word that says no ("wiat", "cancle").
_TYPO_APPROVES = sorted(w for w in _APPROVES_ALONE | {"sounds", "looks", "thanks", "please", "ahead", "great", "perfect"} if len(w) >= 3 and w.isalpha())
_TYPO_REFUSES = ("wait", "hold", "cancel", "stop", "never", "nope", "dont", "don't", "not")


def _approving_word(word: str) -> str | None:
    if word in _APPROVING:
        return word
    if len(word) < 3 or not word.isalpha():
        return None
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extractOne

    from harde.knowledge.tokens import is_english_word

    if is_english_word(word) or extractOne(word, _TYPO_REFUSES, scorer=OSA.distance, score_cutoff=1) is not None:
        return None
    limit = 1 if len(word) <= 7 else 2
    found = extractOne(word, _TYPO_APPROVES, scorer=OSA.distance, score_cutoff=limit)
    return str(found[0]) if found is not None else None


def is_affirmative(text: str) -> bool:
    """The whole message says yes, and nothing else: the only words that approve a write."""
    low = text.casefold().replace("’", "'")[:80]
    if low.rstrip(" !.").endswith("?"):
        return False  # "right?", "that works?": a question, not a yes
    # "yesss", "yupp": a letter held down is the same word.
    typed = [re.sub(r"(.)\1{2,}", r"\1\1", w) for w in re.findall(r"10[-/]4|g2g|100%|💯|[a-zí']+|👍|✅|👌", low)]
    if not typed or len(typed) > 6 or _NOT_A_YES.intersection(typed):
        return False
    # "yes go ahead n save": an "n" between words is "and" (alone or last, it may be a no).
    typed = ["and" if w == "n" and 0 < k < len(typed) - 1 else w for k, w in enumerate(typed)]
    read = [_approving_word(w) for w in typed]
    if None in read:
        return False
    words = [w for w in read if w is not None]
    said = " " + " ".join(words) + " "
    return bool(_APPROVES_ALONE.intersection(words)) or any(f" {p} " in said for p in _APPROVING_PHRASES)
