"""parse_customer: a dictated or typed new-customer description -> CustomerDraft, offline and fast.

Fields are taken in order of how reliably they can be recognised (email, phone, street,
place, trade, name), and each one found is masked so that the next reader does not see it.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from harde.intake.geography import (
    Region,
    region_for,
    region_for_zip,
    town_at_start,
    town_region,
    towns_for_zip,
    zips_one_digit_short,
)
from harde.intake.values import normalise_zip, smart_case, tidy_city
from harde.understanding.dictation.addresses import ZIP_RE, find_states, find_street
from harde.understanding.dictation.draft import CustomerDraft
from harde.understanding.dictation.emails import find_email
from harde.understanding.dictation.names import find_name
from harde.understanding.dictation.phones import find_phones
from harde.understanding.dictation.reconcile import (
    name_from_spelled_email,
    reconcile_email,
    sound_key,
    spelled_last_name,
    spelled_words,
)
from harde.understanding.dictation.spoken import clean_speech
from harde.understanding.dictation.trades import find_trades

MAX_CHARS = 4000
MASK = "|"

# Labels of single-valued fields, at the start of a clause or followed by ":".
_CLAUSE = r"(?:^|(?<=[\n,.;|])|(?<=\band)|(?<=\bthe))\s*"
_LABELS = {
    "city": re.compile(_CLAUSE + r"(?:city|town)(?:\s+(?:is|of))?\s*[:=-]?\s*|\b(?:city|town)\s*:\s*", re.IGNORECASE),
    "state": re.compile(_CLAUSE + r"(?:state|province)(?:\s+is)?\s*[:=-]?\s*|\b(?:state|province)\s*:\s*", re.IGNORECASE),
    "zip": re.compile(r"\b(?:zip(?:\s*code)?|postal\s*code|postcode)(?:\s+is)?\s*[:=#-]?\s*", re.IGNORECASE),
    "referral_source": re.compile(
        r"\b(?:referred\s+(?:to us\s+)?by|referral\s+(?:from|source(?:\s+is)?|is)|lead\s+source(?:\s+is)?|source\s*:|"
        r"heard\s+about\s+us\s+(?:from|through|on|via)|found\s+us\s+(?:on|through|via|from)|came\s+(?:to us\s+)?(?:from|through|via))\s*:?\s*",
        re.IGNORECASE,
    ),
    "notes": re.compile(r"(?:^|(?<=[\n,.;|]))\s*(?:notes?|noes|ntoes|nots|comments?|remarks?)(?:\s+(?:is|are))?\s*[:=-]\s*|\b(?:add\s+a\s+)?note\s*(?::|that|saying)\s*", re.IGNORECASE),
}
_VALUE_END = re.compile(r"[\n,;|]|\.(?:\s|$)|\b(?:and|phone|cell|mobile|e-?mail|state|zip|city|street|address|trade|project|interested|looking|wants?|she|he|they)\b", re.IGNORECASE)
_NOTE_END = re.compile(r"[\n|]|\.(?:\s|$)")
# A referral is a few words: "from the costas: Nadia Haddad ..." ends at the colon or comma.
_REFERRAL_END = re.compile(r"[\n|:;,]|\.(?:\s|$)")
# Where an address's locality ends when nothing else marks it.
_PLACE_END = re.compile(
    r"[\n;|]|(?<!\bSt)(?<!\bMt)(?<!\bFt)\.\s+(?=[A-Z])|\b(?:phone|cell|mobile|tel|e-?mail|interested|looking|wants?|needs?|they|she|he|his|her|"
    r"project|trade|job|referr\w*|note|notes|and\s+(?:she|he|they|wants?|needs?)|for\s+(?:a|an|the|new)|about|called)\b",
    re.IGNORECASE,
)
_PLACE_PREFIX = re.compile(r"^[\s,.:-]*(?:(?:in|at|of|and|city(?:\s+(?:of|is))?|town(?:\s+(?:of|is))?)\b[\s,:-]*)*", re.IGNORECASE)
_NOT_CITY = re.compile(r"\b(?:zip|code|phone|cell|email|state|street|road|avenue|apt|unit)\b", re.IGNORECASE)
# Where a lead came from, said without a label: the words a rep uses for the usual sources.
_LEAD_SOURCES: tuple[tuple[str, str], ...] = (
    (r"yard\s*sign|(?:saw|seen)\s+(?:our|the)\s+sign", "yard sign"),
    (r"home\s*show|trade\s*show|expo", "home show"),
    (r"neighbou?rs?(?:'s)?\s+referr\w*|referr\w*\s+(?:from|by)\s+(?:a\s+|the\s+|their\s+)?neighbou?r|neighbou?r\s+sent\s+(?:them|her|him)", "neighbor referral"),
    (r"repeat\s+(?:customer|client)|past\s+(?:customer|client)|(?:customer|client)\s+before|used\s+us\s+before", "repeat customer"),
    (r"door\s*knock\w*|knocked\s+(?:on\s+)?(?:their|her|his)\s+door|canvass\w*", "door knock"),
    (r"google|online\s+ad", "Google"),
    (r"(?:our\s+)?web\s*site|web\s+form|online\s+form|contact\s+form", "website"),
    (r"facebook|instagram|social\s+media", "social media"),
    (r"home\s*advisor|angi(?:'s)?(?:\s+list)?|thumbtack|yelp", "lead service"),
    (r"mailer|postcard|flyer|door\s*hanger", "mailer"),
    (r"radio(?:\s+ad)?|tv\s+ad", "radio or TV ad"),
    (r"(?:saw|seen)\s+(?:our|the)\s+truck", "saw our truck"),
    (r"(?:word\s+of\s+mouth|a\s+friend\s+(?:told|sent)|friend\s+referr\w*)", "word of mouth"),
)
_LEAD_SOURCE = re.compile(r"\b(?:" + "|".join(f"(?P<s{n}>{pattern})" for n, (pattern, _) in enumerate(_LEAD_SOURCES)) + r")\b", re.IGNORECASE)
# Cues before a town said on its own ("from acton", ", sherborn,"), and what may follow it.
_TOWN_CUE = re.compile(r"\b(?:roofing|roof|siding|gutters?|windows?|from|in|over\s+in|out\s+in|up\s+in|down\s+in|lives\s+in|located\s+in|near|out\s+of)\s+|(?:^|[,;|/\n-])\s*", re.IGNORECASE)
_AFTER_TOWN = re.compile(r"\s*(?:$|[,;|/\n.!-]|\b(?:ma|mass|massachusetts|nh|ri|ct|and|area)\b)", re.IGNORECASE)
# The rep's framing of a dictation, never a note about the customer ("got a new one", "best #
# is", "they called about"); typos of these words are framing too.
_FRAMING_TEXT = """
    got get just have has had there theres new add added create created enter put make log set up please pls plz hey hi ok okay
    so also and a an the one lead leads customer customers cust client homeowner prospect record for named name names is are
    at or to in on into system crm leap they she he her his them their called calling call about abt wants want needs need
    interested looking someone out best number num cell phone email mail reachable reach contact info details off left from
    over lives live living w with s it its new one guy lady person couple family me my i we us our you can could would
    will go ahead quick real today yesterday tomorrow asap rn thanks thank u ur forgot forget missed oh actually sorry
    correction address street town zip state
"""
_FRAMING_WORDS = frozenset(_FRAMING_TEXT.split())


def _framing(word: str) -> bool:
    word = word.lower().strip("'#.:!?")
    if not word or word in _FRAMING_WORDS or not re.search(r"[a-z]", word):
        return True
    if len(word) >= 4:
        best = process.extractOne(word, _LONG_FRAMING, scorer=fuzz.ratio, score_cutoff=80)
        return best is not None
    return False


_LONG_FRAMING = sorted(w for w in _FRAMING_WORDS if len(w) >= 4)
_EXTRA_NOTES = re.compile(
    r"\b(?:best time|call (?:her|him|them) (?:after|before|in the)|prefers? (?:text|email|call)|gate code|"
    r"dog|insurance|claim|hail|storm damage|asap|urgent|as soon as possible|budget|financing)\b",
    re.IGNORECASE,
)


def parse_customer(text: str) -> CustomerDraft:
    """Read a new customer from dictation. Never raises; an unreadable text gives an empty draft."""
    try:
        return read_customer(text)
    except Exception:  # a parser bug must not end the conversation; the fields get asked instead
        return CustomerDraft(unsure=["all"])


def _squeeze(text: str) -> str:
    """Runs of blanks as one, and blank lines as one: padding must not push the details past MAX_CHARS."""
    return re.sub(r"\n\s*\n", "\n\n", re.sub(r"[ \t]+", " ", text))


def _mask(work: str, start: int, end: int) -> str:
    if end <= start:
        return work
    return work[:start] + MASK + " " * (end - start - 1) + work[end:]


def _labelled(label: str, work: str) -> tuple[str, int, int] | None:
    m = _LABELS[label].search(work)
    if m is None:
        return None
    rest = work[m.end() :]
    end = (_REFERRAL_END if label == "referral_source" else _NOTE_END if label == "notes" else _VALUE_END).search(rest)
    value = rest[: end.start()] if end else rest
    value = value.strip(" :-=")
    if not value:
        return None
    return value, m.start(), m.end() + len(rest[: end.start()] if end else rest)


def read_customer(text: str) -> CustomerDraft:
    """The parser proper; `parse_customer` is the same without its safety net."""
    draft = CustomerDraft()
    if not isinstance(text, str) or not text.strip():
        return draft
    work = clean_speech(_squeeze(text)[:MAX_CHARS])
    cleaned = work

    email = find_email(work)
    if email is not None:
        draft.email = email.value
        draft.heard["email"] = email.heard
        if email.unsure:
            draft.unsure.append("email")
        work = _mask(work, email.start, email.end)
    elif re.search(r"\b(?:e-?mail|email address)\b", work, re.IGNORECASE):
        heard = re.search(r"\be-?mail(?:\s+address)?(?:\s+is)?\s*[:=-]?\s*([^\n,;|]{1,60}?)(?=\s*(?:[\n,;|]|\.\s|$))", work, re.IGNORECASE)
        if heard and heard.group(1).strip() and not re.fullmatch(r"(?:none|n/?a|no|not given|unknown)", heard.group(1).strip(), re.IGNORECASE):
            draft.heard["email"] = heard.group(1).strip()

    phones = find_phones(work)
    if phones:
        preferred = next((p for p in phones if p.labelled and p.label == "cell"), phones[0])
        draft.phone = preferred.digits
        draft.phone_label = preferred.label
        draft.heard["phone"] = preferred.heard
        if len(preferred.digits) != 10 or preferred.repaired:
            draft.unsure.append("phone")
        draft.other_phones = [p.digits for p in phones if p is not preferred and len(p.digits) == 10]
        for p in phones:
            work = _mask(work, p.start, p.end)

    labelled = {name: _labelled(name, work) for name in ("city", "state", "zip", "referral_source", "notes")}
    for name in ("referral_source", "notes"):
        found = labelled[name]
        if found is not None:
            setattr(draft, name, found[0].strip())
            work = _mask(work, found[1], found[2])
    if draft.referral_source is None:
        source = _LEAD_SOURCE.search(work)
        if source is not None:
            draft.referral_source = next(label for n, (_, label) in enumerate(_LEAD_SOURCES) if source.group(f"s{n}"))
            draft.heard["referral_source"] = source.group()
            work = _mask(work, source.start(), source.end())

    region: Region | None = None
    street = find_street(work)
    if street is not None:
        draft.street = street.street
        draft.unit = street.unit or None
        draft.heard["street"] = work[street.start : street.end]
        region, place_end = _read_place(draft, work, street.end)
        work = _mask(work, street.start, place_end)

    # Labelled values fill what the street's locality did not say.
    if labelled["city"] is not None and draft.city is None:
        value = labelled["city"][0]
        states = find_states(value, loose=True)
        if states:
            region = region or states[-1].region
            value = value[: states[-1].start]
        zip_in = ZIP_RE.search(value)
        if zip_in:
            draft.zip = draft.zip or zip_in.group(1)
            value = value[: zip_in.start()]
        city = tidy_city(value)
        if city and not _NOT_CITY.search(city) and len(city.split()) <= 4:
            draft.city = city
            draft.heard["city"] = labelled["city"][0]
    if labelled["state"] is not None and region is None:
        value = labelled["state"][0]
        found_region = region_for(value) or next(iter(s.region for s in find_states(value, loose=True)), None)
        draft.heard["state"] = value
        if found_region is not None:
            region = found_region
    if labelled["zip"] is not None and draft.zip is None:
        value = labelled["zip"][0]
        draft.heard["zip"] = value
        zip_code, _ = normalise_zip(value)
        draft.zip = zip_code

    if draft.city is None or region is None:
        region = _place_without_street(draft, work, region)
    if draft.city is None:
        town = _lone_town(work)
        if town is not None:
            draft.city, start, end = town
            draft.heard["city"] = work[start:end]
            work = _mask(work, start, end)
    if region is None and draft.city is not None and draft.zip is None and "state" not in draft.heard:
        region = town_region(draft.city)  # "Newton" alone: the home state's Newton
        if region is not None and "city" in draft.unsure:
            draft.unsure.remove("city")
    if draft.zip is None:
        for m in ZIP_RE.finditer(work):
            before = work[max(0, m.start() - 12) : m.start()].lower()
            if "zip" in before or region is not None or draft.city is not None:
                draft.zip = m.group(1)
                draft.heard.setdefault("zip", m.group())
                break
    _reconcile_place(draft, work, cleaned, region)
    if region is None and draft.zip is not None:
        region = region_for_zip(draft.zip)
        if region is not None:
            draft.unsure.append("state")
    if region is not None:
        draft.state = region.code
        draft.state_id = region.leap_id
        draft.country_id = region.country_id
    elif "state" in draft.heard:
        draft.unsure.append("state")

    trades = find_trades(work)
    if trades:
        draft.trade = trades[0].trade
        draft.trade_detail = trades[0].detail
        draft.other_trades = [t.trade for t in trades[1:]]
        for t in trades:
            work = _mask(work, t.start, t.end)

    person = find_name(work)
    other_fields = any((draft.phone, draft.email, draft.street, draft.city, draft.zip, draft.trade))
    if person is not None and (other_fields or not person.unsure):
        draft.first_name = person.first
        draft.last_name = person.last
        draft.heard["name"] = work[person.start : person.end]
        if person.unsure:
            draft.unsure.append("name")

    if draft.heard.get("name"):
        work = _mask(work, person.start, person.end) if person is not None else work
        if person is not None:
            work = _reconcile_name_and_email(draft, text, cleaned, work, person.start, person.end)
    extra = [_sentence_around(work, m.start(), m.end()) for m in _EXTRA_NOTES.finditer(work)]
    extra += _leftover_clauses(work)
    extra = [e for e in extra if e and (not draft.notes or e not in draft.notes)]
    if extra:
        joined = "; ".join(dict.fromkeys(extra))
        draft.notes = f"{draft.notes}; {joined}" if draft.notes else joined
    return draft


def _reconcile_name_and_email(draft: CustomerDraft, text: str, cleaned: str, work: str, name_start: int, name_end: int) -> str:
    """Spelled letters win: spelled after the name they are its last name; spelled as the
    email they are the address, and the name takes their spelling where it sounds the same.
    Else the email's local part is written as the name where it sounds like it. What changes
    is marked to check; `work` comes back with the spelling masked."""
    heard_last = draft.last_name
    spelled_after = spelled_last_name(cleaned, name_end, heard_last)
    if spelled_after is not None:
        draft.last_name = spelled_after
        at = cleaned.find(spelled_after.upper(), name_end)
        if at >= 0:
            draft.heard["name"] = cleaned[name_start : at + len(spelled_after)]
            work = _mask(work, at, at + len(spelled_after))
    if draft.email is None:
        return work
    spelled = {letters for letters, _start, _end in spelled_words(text)}
    local, _, domain = draft.email.partition("@")
    if spelled_after is not None and heard_last:
        # The address made of the name as first heard takes the spelling too.
        old = re.sub(r"[^a-z]", "", heard_last.lower())
        if old and old in local:
            local = local.replace(old, spelled_after.lower())
    email = reconcile_email(f"{local}@{domain}", draft.first_name, draft.last_name, spelled) or f"{local}@{domain}"
    if email != draft.email:
        draft.email = email
        if "email" not in draft.unsure:
            draft.unsure.append("email")
    if spelled_after is None:
        last = name_from_spelled_email(local, spelled, draft.first_name, draft.last_name)
        if last is not None:
            draft.last_name = last
            if "name" not in draft.unsure:
                draft.unsure.append("name")
    return work


# "Mass 0248": a ZIP said digit by digit, one of its five digits not heard.
_SHORT_ZIP = re.compile(r"(?<![\d|-])0(?:-?\d){3}(?![\d-])")
_STATE_WORDS = re.compile(r"^(?:mass|massachusetts|new|hampshire|ma|nh|zip|code|and|in|the)$", re.IGNORECASE)
# How alike a heard town and a ZIP's town must be (town_likeness) for the ZIP to correct it.
TOWN_LIKENESS = 50
NEARBY_TOWN_LIKENESS = 75


def town_likeness(heard: str, town: str) -> float:
    """How alike a heard town and a town are, in letters or in sound ("Obero" and "Attleboro",
    "Melbourne" and "Malden" sound nearer than they are spelled)."""
    heard, town = heard.casefold(), town.casefold()
    return max(fuzz.ratio(heard, town), fuzz.ratio(sound_key(heard), sound_key(town)))


def _known_town(name: str) -> bool:
    """A town of the service area, however its abbreviations are written ("St. Johnsbury")."""
    return town_region(name) is not None or town_region(re.sub(r"[.']", "", name)) is not None


def _reconcile_place(draft: CustomerDraft, work: str, cleaned: str, region: Region | None) -> None:
    """The ZIP and the town each say something of the other; a recogniser garbles one of them
    more often than both:
    - a ZIP heard one digit short ("0248") is the one ZIP of the heard town it can be;
    - a town heard as no town of the service area ("Waymouth", "Chelmsert", "keen.") is the
      ZIP's town it sounds most like.
    A state said keeps its ZIPs. What is put right is marked to confirm. `work` is the text with
    the fields read so far masked, `cleaned` the same before masking."""
    if draft.zip is None:
        short = _SHORT_ZIP.search(work)
        if short is None:
            return
        candidates = zips_one_digit_short(short.group().replace("-", ""))
        said = find_states(work[max(0, short.start() - 24) : short.start()])
        if region is None and said and not work[max(0, short.start() - 24) : short.start()][said[-1].end :].strip(" ,"):
            region = said[-1].region  # "Melbourne. Mass 0248": the state said just before the ZIP
        if region is not None:
            candidates = [z for z in candidates if region_for_zip(z) == region]
        if draft.city is None or not candidates:
            return
        city = draft.city.casefold()
        known = _known_town(draft.city)
        exact = [z for z in candidates if city in (t.casefold() for t in towns_for_zip(z))]
        if exact:
            if len(exact) == 1:
                draft.zip = exact[0]
                draft.heard.setdefault("zip", short.group())
                draft.unsure.append("zip")
            return
        if known:
            return
        scored = sorted(((town_likeness(city, t), z, t) for z in candidates for t in towns_for_zip(z)), reverse=True)
        if scored and scored[0][0] >= TOWN_LIKENESS and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            _, draft.zip, draft.city = scored[0]
            draft.heard.setdefault("zip", short.group())
            draft.unsure += ["zip", "city"]
        return
    towns = towns_for_zip(draft.zip)
    if not towns or (draft.city is not None and _known_town(draft.city)):
        return
    heard = [(draft.city, TOWN_LIKENESS)] if draft.city else []
    at = cleaned.find(draft.zip)
    if at > 0:
        # The words before the ZIP: the town may be there unread ("keen. New Hampshire, 03431"),
        # taken only when nearer alike, as they may be any words.
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", cleaned[max(0, at - 40) : at]) if not _STATE_WORDS.match(w)][-3:]
        heard += [(h, NEARBY_TOWN_LIKENESS) for h in words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]]
    best = max(((town_likeness(h, t) - cutoff, t) for h, cutoff in heard for t in towns), default=None)
    if best is not None and best[0] >= 0:
        draft.city = best[1]
        draft.unsure.append("city")


def _lone_town(work: str) -> tuple[str, int, int] | None:
    """A town of the service area said on its own, after a cue ("from acton", "over in
    boxborough", ", sherborn") and followed by the end of the clause or its state: a town
    that runs into more words ("sharon smith") is a name, not a place."""
    for cue in _TOWN_CUE.finditer(work):
        ahead = work[cue.end() : cue.end() + 80]  # a town is at most three words: never the whole rest
        town = town_at_start(ahead)
        if town is None:
            continue
        words = list(re.finditer(r"[A-Za-z][A-Za-z.'-]*", ahead))
        end = cue.end() + words[town.words - 1].end()
        if _AFTER_TOWN.match(work, end):
            return town.name, cue.end(), end
    return None


def _leftover_clauses(work: str) -> list[str]:
    """What is left of the dictation once every field is taken, clause by clause, when it says
    something about the customer ("elderly mom lives w them", "only call after 5pm"); the rep's
    framing ("got a new one", "best # is") is not a note."""
    notes = []
    for clause in re.split(r"[,;\n|/.]|\s-\s|\s+\bbut\b\s+", work):
        clause = " ".join(clause.split()).strip(" -:")
        if len(clause.split()) < 3 or sum(not _framing(w) for w in clause.split()) < 2:
            continue
        notes.append(clause)
    return notes


def _sentence_around(text: str, start: int, end: int) -> str:
    """The clause holding a match, bounded by sentence marks and masked fields."""
    left = max(text.rfind(ch, 0, start) for ch in ".\n|;,")
    rights = [i for i in (text.find(ch, end) for ch in ".\n|;,") if i != -1]
    right = min(rights) if rights else len(text)
    return text[left + 1 : right].strip()


def _read_place(draft: CustomerDraft, work: str, after: int) -> tuple[Region | None, int]:
    """City, state and ZIP in the words after a street: ", Quincy, Mass 02169", "in Columbia MO 65201"."""
    rest = work[after : after + 120]
    stop = _PLACE_END.search(rest)
    window = rest[: stop.start()] if stop else rest
    zip_m = ZIP_RE.search(window)
    if zip_m:
        window = window[: zip_m.end()]
        draft.zip = zip_m.group(1)
        draft.heard["zip"] = zip_m.group()
    states = find_states(window[: zip_m.start()] if zip_m else window, loose=True)
    region = states[-1].region if states else None
    city_end = states[-1].start if states else (zip_m.start() if zip_m else None)
    if region is not None:
        draft.heard["state"] = window[states[-1].start : states[-1].end]
    if city_end is None:
        # No state or ZIP after the street: a town of the service area, in any case ("14 cedar ln
        # natick"); its state is filled in below unless another is said.
        town = town_at_start(window.lstrip(" ,").removeprefix("in ").lstrip())
        if town is not None:
            lead = len(window) - len(window.lstrip(" ,").removeprefix("in ").lstrip())
            words = list(re.finditer(r"[A-Za-z][A-Za-z.'-]*", window[lead:]))
            end = lead + words[town.words - 1].end()
            draft.city = town.name
            draft.heard["city"] = window[lead:end]
            return None, after + end  # its state is the town's, unless one is said (below)
        # Else a lone place name before the next comma, if any.
        first = re.match(r"\s*,?\s*(?:in\s+)?([A-Za-z][A-Za-z .'-]{1,30}?)\s*(?:,|$)", window)
        if first and mixed_case_word(first.group(1)) and not _NOT_CITY.search(first.group(1)):
            draft.city = tidy_city(first.group(1))
            draft.heard["city"] = first.group(1)
            draft.unsure.append("city")
            return None, after + first.end(1)
        return None, after
    raw_city = window[:city_end]
    raw_city = _PLACE_PREFIX.sub("", raw_city)
    # Labels said between the values: "city Nashua state New Hampshire zip 03060".
    raw_city = re.sub(r"[\s,]*(?:\b(?:zip(?:\s*code)?|postal\s+code|state|province)\b(?:\s+is)?)?[\s,:-]*$", "", raw_city, flags=re.IGNORECASE)
    # "North End, Boston, MA": a neighbourhood before the city; the city is the last part.
    if "," in raw_city:
        raw_city = _PLACE_PREFIX.sub("", raw_city.rsplit(",", 1)[1]).strip()
    if raw_city and not _NOT_CITY.search(raw_city) and len(raw_city.split()) <= 4 and re.fullmatch(r"[A-Za-z .'-]+", raw_city):
        draft.city = tidy_city(raw_city)
        draft.heard["city"] = raw_city
    return region, after + (zip_m.end() if zip_m else states[-1].end if states else 0)


def mixed_case_word(text: str) -> bool:
    words = text.split()
    return bool(words) and len(words) <= 3 and all(w[:1].isupper() for w in words)


def _place_without_street(draft: CustomerDraft, work: str, region: Region | None) -> Region | None:
    """A state (and the city before it) said apart from any street: "in Quincy, Mass", "Albany NY 12207"."""
    for state in reversed(find_states(work)):
        after = work[state.end : state.end + 12]
        before = work[max(0, state.start - 40) : state.start]
        near_zip = bool(re.match(r"[\s,.]*\d{5}\b", after))
        if not near_zip and not re.search(r"\b(?:in|of|state)\b[\s,:]*[A-Za-z .',-]*$", before, re.IGNORECASE):
            continue
        if region is None:
            region = state.region
            draft.heard.setdefault("state", work[state.start : state.end])
        if draft.city is None:
            m = re.search(r"(?:\b(?:in|of)\s+|[,\n|:]\s*|^)((?:[A-Z][A-Za-z'-]+\s+){0,2}[A-Z][A-Za-z'-]+)[\s,]*$", before)
            if m and not _NOT_CITY.search(m.group(1)):
                draft.city = tidy_city(m.group(1))
                draft.heard["city"] = m.group(1)
        zip_m = re.match(r"[\s,.]*(\d{5})\b", after)
        if zip_m and draft.zip is None:
            draft.zip = zip_m.group(1)
        break
    return region


__all__ = ["parse_customer", "read_customer", "smart_case"]
