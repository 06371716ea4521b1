"""Reads a question about the director's calls from everyday wording: what to measure (objections,
close rates, techniques, phase timings...) and which calls (trade, outcome, situation), as a
typed `TranscriptQuestion` for harde.knowledge.transcript_questions to answer."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from harde.knowledge.tokens import is_english_word
from harde.knowledge.transcript_questions import Measure, TranscriptQuestion, answer
from harde.knowledge.transcripts import (
    CLOSED,
    LOST,
    GroupBy,
    TranscriptSet,
)

_TRADE_WORDS: list[tuple[str, str]] = [
    ("roofing", r"\b(roof\w*|re-?roof\w*|shingles?)\b"),
    ("siding", r"\b(siding|clapboards?|fiber[- ]cement)\b"),
    ("windows", r"\b(windows?|sash(es)?|glazing)\b"),
    ("gutters", r"\b(gutters?|downspouts?|leaf guards?)\b"),
]

# Checked in order; a matched span is blanked so "lost on price" is not also a price objection.
_OUTCOME_WORDS: list[tuple[tuple[str, ...], str, str]] = [
    (("lost_competitor",), "lost to a competitor",
     r"\b(lost|lose|losing|went|go|going)\b[\w\s']{0,20}\b(to|with) (a |the |another |other )?(competitor|other (guys?|company|contractor)|someone else|another (company|contractor))s?\b|\bcompetitors? (won|took|got)\b"),
    (("lost_price",), "lost on price",
     r"\b(lost|lose|losing|losses)\b[\w\s']{0,15}\b(on|over|because of|due to|to) (the )?(price|cost|money)\b|\bprice losses\b"),
    (("no_decision",), "with no decision",
     r"\b(went|go|gone) (quiet|dark|cold)\b|\bno[- ]decision\b|\bghost(ed|s)?\b"),
    (("pending",), "still pending", r"\b(pending|still open|undecided|haven'?t decided)\b"),
    (("closed_follow_up",), "closed on a follow-up",
     r"\bclos\w* (on|at|after) (a |the )?(follow[- ]?up|second (visit|appointment|meeting))|\bfollow[- ]?up (closes|wins|sales)\b"),
    (("closed_first_visit",), "closed on the first visit",
     r"\bclos\w* (on|at|during) (the )?first (visit|call|appointment)|\b(first[- ]visit|one[- ]call|same[- ]day) (closes|wins|sales|deals)\b|\bon the spot\b"),
    (LOST, "lost", r"\b(lost|losses|losing|lose|didn'?t close|did not close|fell through|no sale)\b"),
    (CLOSED, "closed (first visit or follow-up)", r"\b(won|wins?|winning|closed|signed|sold|successful|successes)\b"),
]

_SITUATION_WORDS: list[tuple[str, str]] = [
    ("spouse_not_present", r"\b(spouse|wife|husband|partner|other half|decision[- ]makers?|both (owners|spouses|of them|homeowners)|only one (of them|owner|homeowner))\b"),
    ("insurance_claim", r"\b(insurance claims?|claims?|adjusters?|supplements?)\b"),
    ("storm_damage", r"\b(storms?|hail|wind damage|nor'?easters?|tree (fell|came down)|limbs?)\b"),
    ("elderly_homeowner", r"\b(elderly|seniors?|older (homeowners?|couples?|people|customers?|folks)|retire(d|es?)|widow(ed|er)?|fixed income|in (her|his|their) (70s|80s|seventies|eighties))\b"),
    ("aging_system", r"\b(aging|ageing|old (roof|siding|windows|gutters)|original (roof|siding|windows|gutters)|end of (its|their) life|worn[- ]out)\b"),
    ("active_leak", r"\b(leak\w*|water (coming in|in the house|damage)|drips?|dripping|bucket)\b"),
    ("selling_home", r"\b(selling|sell(ing)? (the|their|his|her) (house|home|place)|list(ing)? (the|their) (house|home)|on the market|realtor|moving out|downsiz\w*)\b"),
    ("hoa_rules", r"\b(hoa|homeowners'? association|associations?|condo\w*)\b"),
    ("historic_district", r"\b(historic\w*|commission)\b"),
    ("budget_tight", r"\b(tight budget|budget is tight|money (is|was) tight|low budget|strapped|can'?t afford)\b"),
    ("has_other_quotes", r"\b(other quotes|multiple quotes|already had (quotes|bids)|shopping around|third (quote|bid|company)|several quotes|more quotes)\b"),
    ("bad_past_contractor", r"\b(burned|bad experience|previous contractor|last contractor|past contractor|scammed|ripped off|bad (?:contractor|roofer|installer|company)|(?:contractor|roofer) (?:before|b4|last time))\b"),
    ("new_homeowners", r"\b(new homeowners?|just bought|first[- ]time (buyers?|homeowners?)|recently bought|new owners?)\b"),
    ("energy_bills", r"\b(energy|heating) (bills?|costs?)|\b(drafts?|drafty|cold rooms?|oil bills?)\b"),
    ("ice_dams", r"\bice[- ]?dams?\b"),
    ("rental_property", r"\b(rentals?|landlords?|tenants?|two[- ]family|investment propert\w*)\b"),
]

_OBJECTION_WORDS: list[tuple[str, str]] = [
    ("think_it_over", r"\b(think (it over|about it)|sleep on it|need (more )?time to think|let me think|stall\w*)\b"),
    ("other_quotes", r"\b(competitors?|competing|other (bids?|quotes?|companies)|cheaper (quote|bid|guy)|lower (quote|bid)|lowball\w*)\b"),
    ("financing", r"\b(financ\w*|payment plans?|monthly payments?|budget|afford\w*|loan)\b"),
    ("insurance", r"\b(insurance|deductibles?)\b"),
    ("trust", r"\b(trust\w*|credib\w*|never heard of|reputation|fly[- ]by[- ]night|legit)\b"),
    ("timing", r"\b(timing|wait (until|till|for)|not (right )?now|next (year|spring)|bad time|put(ting)? it off)\b"),
    ("repair_vs_replace", r"\b(repairs?|patch\w*|just fix|fix (it|the))\b"),
    ("product", r"\b(products?|materials?|vinyl|fiber cement|triple[- ]pane|three[- ]tab|brand|quality)\b"),
    ("hoa_approval", r"\b(approvals?|approved|architectural review)\b"),
    ("disruption", r"\b(disruption|noise|mess|kids|dogs?|pets?|gardens?|logistics|work from home)\b"),
    ("selling_soon", r"\b(recoup|resale|worth it if (they|we|I)('re| are) selling)\b"),
    ("spouse", r"\b(talk to my (wife|husband|spouse|partner)|ask my (wife|husband|spouse|partner))\b"),
    ("price", r"\b(price|pricing objections?|too expensive|expensive|costs? too much|sticker shock|too high|cheaper|money)\b"),
]

# "avg days to the follow up": how long after the first visit the follow-up that closed came.
_FOLLOW_UP_DAYS = (
    r"days? (?:to|till|until|before|between) (?:the |a )?(?:first visit and (?:the )?)?follow[- ]?ups?"
    r"|how (?:long|many days) (?:until|till|before|to) (?:the |a )?follow[- ]?ups?|follow[- ]?up (?:gap|wait|lag)"
)

_MEASURE_WORDS: list[tuple[Measure, str]] = [
    ("call", r"\bSDC[- ]?\d{1,3}\b"),
    ("phase_timings", r"\b(how long|minutes?|time (spent|on|in|per)|spend(s|ing)? (on|in)|spent (on|in)|phases?|durations?|length of|how much time)\b"),
    ("close_rate", r"\b(close|closing|win|conversion|success|hit) rates?\b|\bhow often (does|did|do) (he|she|the director|we|rachel)\b[\w\s]{0,12}\b(close|win|sign)\b|\b(percent(age)?|share|how many|fraction) of (the |his |her )?(calls|visits|deals|jobs)\b[\w\s]{0,20}\b(close|closed|won|signed)\b|\bfirst[- ]visit (close|closing|rate)\b|%\s*(?:of (?:the |those |them |these )?(?:calls|visits|deals|ones)\b[\w\s']{0,40}?)?\b(?:clos\w*|won|signed|sold)\b"
     # "storm damage calls, what percent closed", "what % of roofing calls closed on the first visit"
     r"|(?:\b(?:percent(?:age)?|pct|share|fraction|proportion)\b|%)[\w\s',]{0,50}?\b(?:clos\w*|won|signed|sold|converted)\b"
     r"|\b(?:clos\w*|win|won|signed)\s*(?:%|percent(?:age)?|pct)"),
    ("count", r"\bhow many (?:of )?(?:the |our |his |her |rachel'?s? |(?:the )?director'?s? )*(?:[a-z]+ ){0,2}?(?:calls|visits|recordings|transcripts|appointments|ride[- ]?alongs)\b(?! (?:did|do|does) (?:we|he|she|the director|rachel) (?:close|win|sign|lose))|\bnumber of (?:the )?(?:director'?s? )?(?:calls|visits|recordings)\b|\bhow many times (?:did|does|has) (?:the director|rachel|she|he)\b"),
    ("techniques", r"\b(techniques?|tactics?|methods?|moves|approach(es)?|what works|what (does|did) (he|she|the director) do (differently|to close|that works))\b|\b(which|what) (closes|closing)\b|\bclosing (lines|techniques|styles?)\b"),
    ("objections", r"\b(objections?|push ?backs?|concerns|resistance|hesitations?|come[s]? up|came up|raised?)\b"),
    ("deal_values", r"\b(deal (values?|sizes?)|(?:average|avg|mean) (?:(?:closed|signed|won|sold) )?(?:(?:roof|roofing|siding|gutters?|windows?) )?(deal|ticket|job|contract)s?|tickets?|revenue|dollars?|how much (money|revenue|business)|contract values?|values?)\b"),
    ("outcomes", r"\b(" + _FOLLOW_UP_DAYS + r"|outcomes?|results?|win[/ -]loss|won and lost|how many (did we|were) (win|won|lose|lost)|why (do|did) (we|he|she) lose)\b"),
    ("situations", r"\b(situations|circumstances|scenarios|kinds of (customers|homeowners|jobs))\b"),
    ("examples", r"\b(examples?|(key )?quotes? (from|of|where|when|he|she|the director)|(give|show) me (some |a few )?quotes|exact words|word for word|verbatim|lines?|phrasing|what (did|does) (he|she|the director|rachel) say|how (does|did) (he|she|the director|rachel) (handle|respond|deal|answer|approach|reply|overcome)|handl(e|es|ed|ing)|respond(s|ed)?)\b"),
]

_GROUP_WORDS: list[tuple[GroupBy, str]] = [
    ("trade", r"\b(by|per|each|every|across|between) (the )?(trades?|trade lines?|job types?)\b|\bcompare (the )?trades\b|\btrade by trade\b"),
    ("outcome", r"\b(by|per|each) outcomes?\b|\bwon (vs\.?|versus|and) lost\b|\bwins (vs\.?|versus|and) losses\b"),
    ("situation", r"\b(by|per|each) situations?\b"),
    ("rep", r"\b(by|per|each) reps?\b"),
]


# Everyday names for the techniques the calls record; a technique's own name always matches too.
_TECHNIQUE_ALIASES: dict[str, tuple[str, ...]] = {
    "Good-better-best options": ("good better best", "three options", "tiered options"),
    "Spouse on FaceTime": ("facetime", "video call", "on the phone with the spouse"),
    "Silence after the price": ("silence", "stay quiet", "staying quiet", "shut up after"),
    "Homeowner walks the inspection": ("walks the inspection", "walk the inspection", "up the ladder", "into the attic"),
    "Feel-felt-found": ("feel felt found",),
    "Takeaway close": ("takeaway", "take away close"),
    "Assumptive close": ("assumptive", "assume the sale"),
    "Trial close": ("trial close",),
    "Summary close": ("summary close",),
    "Price anchoring": ("anchoring", "anchor"),
    "Monthly payment framing": ("monthly payment", "monthly figure", "per month"),
    "Third-party proof": ("third party", "social proof", "neighbor jobs", "references"),
    "Isolate the objection": ("isolate", "isolating"),
    "Photo-documented inspection": ("photo", "photos", "pictures"),
    "Insurance claim walk-through": ("claim walk through", "walk through the claim", "walking through the claim"),
    "Book the follow-up before leaving": ("book the follow up", "booking the follow up", "schedule the follow up", "scheduling the follow up"),
    "Written scope comparison": ("scope comparison", "compare scopes", "comparing scopes"),
    "Urgency from the damage, not the deal": ("urgency",),
    "Leave-behind photo report": ("leave behind", "leave-behind"),
}


def _normal(text: str) -> str:
    return " " + " ".join(re.sub(r"[^a-z0-9']+", " ", text.lower()).split()) + " "


def _find_technique(text: str, techniques: list[str]) -> str | None:
    normal = _normal(text)
    for name in techniques:
        for phrase in (name, *_TECHNIQUE_ALIASES.get(name, ())):
            if _normal(phrase) in normal:
                return name
    # Typed fast: "the insurance claim walk thorugh". Only names of three words or more, so a
    # short everyday phrase is never taken for one.
    for name in techniques:
        spelled = _normal(name).strip()
        # The whole name, nearly as written, somewhere in a question at least as long as it.
        if len(spelled.split()) >= 3 and len(normal) > len(spelled) and fuzz.partial_ratio(spelled, normal) >= 90:
            return name
    return None


def _span(patterns: list[tuple[str, str]], key: str | None, text: str) -> tuple[int, int] | None:
    pattern = next((p for k, p in patterns if k == key), None)
    found = re.search(pattern, text, re.IGNORECASE) if pattern else None
    return found.span() if found else None


def _find(patterns: list[tuple[str, str]], text: str) -> str | None:
    for key, pattern in patterns:
        if re.search(pattern, text, re.IGNORECASE):
            return key
    return None


# Everyday words of questions about the calls, never corrected into a keyword.
_PLAIN = set(
    ["what", "when", "where", "were", "with", "have", "many", "much", "does", "about", "from", "that", "this", "they", "them", "their", "there", "these", "those", "which", "would", "could", "should", "than", "then", "most", "more", "least", "show", "give", "tell", "list", "each", "every", "often", "over", "under", "into", "only", "ones", "same", "other", "some", "times", "time", "percent", "share", "rate", "rates", "average", "avg", "total", "along"]
)


def _keywords(patterns: list[tuple[str, str]]) -> set[str]:
    """The literal words of regular expressions ("\\bnumber" is "number"; "approvals?" gives both forms)."""
    words = {w for _, p in patterns for w in re.findall(r"[a-z]{4,}", re.sub(r"\\[a-zA-Z]", " ", p))}
    return words | {w[:-1] for w in words if w.endswith("s") and len(w) > 4}


_KEYWORDS = sorted(
    _keywords(_TRADE_WORDS) | _keywords(_SITUATION_WORDS) | _keywords(_OBJECTION_WORDS)
    | _keywords([(m, p) for m, p in _MEASURE_WORDS]) | _keywords([(label, p) for _, label, p in _OUTCOME_WORDS])
    | {"calls", "director", "objection", "objections", "through", "walk", "roofing", "siding", "windows", "gutters"}
)
_KNOWN = frozenset(_KEYWORDS) | _PLAIN


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def correct_typos(text: str, extra: list[str] | None = None) -> str:
    """Words typed a letter or two off a keyword of these questions, corrected: "pice" -> "price",
    "objction" -> "objection", "agnig" -> "aging". Words of four letters need a closer match."""
    vocabulary = _KEYWORDS + sorted({w for name in extra or [] for w in re.findall(r"[a-z]{4,}", name.lower())})
    known = _KNOWN | set(vocabulary)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if len(low) < 4 or low in known:
            return word
        ranked = process.extract(low, vocabulary, scorer=fuzz.ratio, score_cutoff=75 if len(low) <= 5 else 80, limit=4)
        if not ranked:
            return word
        top = ranked[0][1]
        # Of the closest, a word the typo drops or doubles letters of: "closd" is "closed", not "close".
        tied = [r for r in ranked if r[1] == top]
        best = next((r for r in tied if _subsequence(low, r[0]) or _subsequence(r[0], low)), tied[0])
        # Two letters swapped keep every letter: "widnow" is "window", not "widow".
        best = next((r for r in ranked if sorted(r[0]) == sorted(low)), best)
        if abs(len(best[0]) - len(low)) > 2:
            return word
        if len(low) <= 5 and best[1] < 88 and sorted(best[0]) != sorted(low):
            return word  # short words: only one edit off, or the same letters swapped
        return best[0]

    return re.sub(r"[A-Za-z]+", fix, text[:2000])


def _town_typed_off(low: str, towns: list[str]) -> str | None:
    """A one-word town typed a letter off after "in", "from" or "at" ("in concorrd")."""
    single = {t.casefold(): t for t in towns if " " not in t}
    for said in re.findall(r"\b(?:in|from|at|around|near)\s+([a-z]{5,20})\b", low[:600]):
        best = process.extractOne(said, list(single), scorer=OSA.distance, score_cutoff=1)
        if best is not None:
            return single[str(best[0])]
    return None


def interpret(
    query: str, techniques: list[str] | None = None, reps: list[str] | None = None, towns: list[str] | None = None
) -> TranscriptQuestion:
    """What a question asks about the calls: the measure and the filters, from everyday wording."""
    text = " " + correct_typos((query or "").strip(), [*(techniques or []), *(reps or [])]) + " "
    call = re.search(r"\bSDC[- ]?(\d{1,3})\b", text, re.IGNORECASE)
    if call:
        return TranscriptQuestion(measure="call", call_id=f"SDC-{int(call.group(1)):03d}")

    measure: Measure | None = None
    for key, pattern in _MEASURE_WORDS:
        if re.search(pattern, text, re.IGNORECASE):
            measure = key
            break
    # "first visit" in a close-rate question is the rate itself, not a filter.
    rate_question = measure == "close_rate"

    outcomes: tuple[str, ...] | None = None
    outcome_label = ""
    scrubbed = text
    # "what percent were lost on price": the outcome is what the share is of, not a filter.
    share_question = bool(re.search(r"\b(?:percent(?:age)?|pct|share|fraction|proportion|how often)\b|%", text, re.IGNORECASE))
    if share_question and measure in (None, "outcomes"):
        measure = "outcomes"
    elif not rate_question:
        for values, label, pattern in _OUTCOME_WORDS:
            found = re.search(pattern, scrubbed, re.IGNORECASE)
            if found:
                outcomes, outcome_label = values, label
                scrubbed = scrubbed[: found.start()] + " " + scrubbed[found.end():]
                break

    technique = _find_technique(text, techniques or [])
    if technique:
        # The technique's own words ("insurance claim walk-through") are not also a situation.
        for phrase in (technique, *_TECHNIQUE_ALIASES.get(technique, ())):
            scrubbed = re.sub(r"\b" + r"[\s-]+".join(map(re.escape, phrase.lower().split())) + r"\b", " ", scrubbed, flags=re.IGNORECASE)
    trade = _find(_TRADE_WORDS, scrubbed)
    situation = _find(_SITUATION_WORDS, scrubbed)
    objection = _find(_OBJECTION_WORDS, scrubbed)
    said_in = _span(_SITUATION_WORDS, situation, scrubbed) if situation and technique else None
    if said_in and scrubbed[said_in[0] : said_in[1]].strip().lower() in technique.lower():  # type: ignore[union-attr]
        situation = None  # "claim" of "insurance claim walk thorugh" is the technique's word
    if situation and objection and re.search(r"\bobjections?\b", scrubbed, re.IGNORECASE):
        # "where hoa approval was an objection": asked as an objection, the same words are not also a situation.
        said_as, said_in = _span(_OBJECTION_WORDS, objection, scrubbed), _span(_SITUATION_WORDS, situation, scrubbed)
        if said_as and said_in and said_in[0] < said_as[1] + 12 and said_as[0] < said_in[1] + 12:
            situation = None
    if situation == "spouse_not_present" and objection is None and re.search(r"\bobjections?\b", scrubbed, re.IGNORECASE):
        objection, situation = "spouse", None  # "a spouse objection": the objection the calls record
    elif objection == "spouse" or (situation == "spouse_not_present" and objection is None):
        objection = None
    # "the product" on a siding question is the siding itself, not a product doubt.
    if objection == "product" and measure not in ("objections", "examples"):
        objection = None
    if situation == "insurance_claim" and objection == "insurance":
        objection = None
    if situation == "budget_tight" and objection == "financing":
        objection = None
    group_by: GroupBy | None = None
    for group, pattern in _GROUP_WORDS:
        if re.search(pattern, scrubbed, re.IGNORECASE):
            group_by = group
            break

    if measure is None:
        if situation or (objection and objection != "price"):
            measure = "handling"
        elif objection:
            measure = "examples"
        elif technique:
            measure = "techniques"
        elif outcomes:
            measure = "outcomes"
        else:
            measure = "overview"
    elif measure == "examples" and situation and not objection:
        measure = "handling"
    elif measure == "objections" and objection and situation is None and re.search(r"\bhow (does|did|do|should)\b", text, re.IGNORECASE):
        measure = "examples"

    rep = _find_rep(text, reps or [])
    if rep is None and _NO_REP.search(text):
        rep = ""  # the calls the director ran alone
    low = " ".join(re.sub(r"[^a-z0-9 ]+", " ", text.casefold()).split())
    town = next((t for t in sorted(towns or [], key=len, reverse=True) if re.search(rf"\b{re.escape(t.casefold())}\b", low)), None)
    if town is None and towns:
        town = _town_typed_off(low, towns)
    state = next((code for name, code in _STATES.items() if re.search(rf"\b{name}\b", low)), None)
    if state is None:
        said = re.search(r"\b(?:in|from|up in|down in|out in)\s+(ma|nh|ri|ct|vt)\b", low)
        state = said.group(1).upper() if said else None
    year_said = re.search(r"\b(?:in|from|during|of)\s+(20[12]\d)\b|\b(20[12]\d)\s+calls?\b|\bare from\s+(20[12]\d)\b", low)
    year = int(next(g for g in year_said.groups() if g)) if year_said else None
    return TranscriptQuestion(
        follow_up_days=measure == "outcomes" and bool(re.search(_FOLLOW_UP_DAYS, text, re.IGNORECASE)),
        rep=rep,
        town=town,
        state=state,
        year=year,
        measure=measure,
        trade=trade,
        outcomes=outcomes,
        outcome_label=outcome_label,
        situation=situation,
        objection=objection,
        technique=technique,
        group_by=group_by,
    )


# --- answers ----------------------------------------------------------------------------------


_STATES = {
    "massachusetts": "MA", "mass": "MA", "new hampshire": "NH", "rhode island": "RI", "connecticut": "CT",
    "maine": "ME", "vermont": "VT",
}


# The director on her own: "w/ no rep along", "without a rep", "by herself", "solo".
_NO_REP = re.compile(
    r"\b(?:(?:no|without(?: a)?|w/o(?: a)?)\s+(?:reps?|sales ?reps?)(?:\s+(?:along|with (?:her|him)|there|present|on (?:the )?calls?))?"
    r"|by (?:her|him)self|on (?:her|his) own|solo|alone)\b",
    re.IGNORECASE,
)


def _find_rep(text: str, reps: list[str]) -> str | None:
    """The rep a question names by full name, or by a first or last name only one rep has."""
    low = " " + " ".join(re.sub(r"[^a-z' ]+", " ", text.casefold()).split()) + " "
    for name in reps:
        if f" {name.casefold()} " in low or f" {name.casefold()}s " in low or f" {name.casefold()}'s " in low:
            return name
    for part in (0, -1):
        hits = [n for n in reps if re.search(rf"\b{re.escape(n.split()[part].casefold())}('?s)?\b", low)]
        if len(hits) == 1:
            return hits[0]
    # A first name's possessive typed a letter off ("daas" for "dana's"), when no word is English.
    for word in re.findall(r"\b[a-z]{4,10}\b", low):
        if word in _KNOWN or is_english_word(word):
            continue
        hits = [n for n in reps if OSA.distance(word, n.split()[0].casefold() + "s") == 1]
        if len(hits) == 1:
            return hits[0]
    return None


def answer_in_words(calls: TranscriptSet, query: str) -> str:
    """A rep's question about the calls, read here and answered by the typed domain code."""
    techniques = sorted({t for c in calls for t in c.techniques}, key=len, reverse=True)
    reps = sorted({c.rep_on_call for c in calls if c.rep_on_call})
    return answer(calls, interpret(query, techniques, reps, sorted({c.town for c in calls if c.town})))
