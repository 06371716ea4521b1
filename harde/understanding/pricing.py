"""Reads a pricing question the way reps ask it: "2,400 sq ft footprint at 6/12 with 15%
waste", "six twelve pitch", "180 feet of 6-inch seamless", "what markup gives a 40% margin".

Spoken numbers become digits first; then each measure is found by its unit and removed, so
"6 in 12" is a pitch and never a 6-inch gutter.
"""

from __future__ import annotations

import re

from harde.pricing.query import Intent, PricingQuestion

_UNITS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000}


def _read_number(tokens: list[str], start: int) -> tuple[int, int]:
    """Read one spoken number from tokens[start]; returns its value and the index after it."""
    total = current = 0
    last = ""
    index = start
    end = start
    while index < len(tokens):
        word = tokens[index].lower()
        unit, tens, scale = _UNITS.get(word), _TENS.get(word), _SCALES.get(word)
        if (
            unit is not None
            and word != "oh"
            and (last in ("", "scale") or (last == "tens" and 0 < unit < 10))
        ):
            current += unit
            last = "unit" if last != "tens" else "done"
        elif tens is not None and last in ("", "scale"):
            current += tens
            last = "tens"
        elif scale is not None and last in ("unit", "tens", "done", "scale"):
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            last = "scale"
        elif (
            word == "and"
            and last == "scale"
            and index + 2 < len(tokens)
            and (tokens[index + 2].lower() in _UNITS or tokens[index + 2].lower() in _TENS)
        ):
            index += 2
            continue
        else:
            break
        end = index + 1
        # Words of one number are joined by a space or a hyphen ("thirty-five").
        if index + 2 < len(tokens) and tokens[index + 1].strip(" -") == "":
            index += 2
        else:
            break
    return total + current, end


def words_to_digits(text: str) -> str:
    """'two thousand four hundred' -> '2400'; 'six twelve' -> '6 12'; 'thirty-five' -> '35'."""
    tokens = re.findall(r"[A-Za-z]+|[^A-Za-z]+", text)
    out: list[str] = []
    index = 0
    while index < len(tokens):
        word = tokens[index].lower()
        if (word in _UNITS and word != "oh") or word in _TENS:
            value, index = _read_number(tokens, index)
            out.append(str(value))
            continue
        out.append(tokens[index])
        index += 1
    return "".join(out)


# A number is a whole run of digits: it never starts or ends inside one ("1.5" is not "5"), which
# also keeps a search from retrying at every digit of a long run (quadratic on 12,000 digits).
_NUM = r"(?<!\d)(?<!\d\.)(\d+(?:\.\d+)?)(?!\.?\d)"


def normalise(text: str) -> str:
    """Lower case, digits for spoken numbers, plain separators and units."""
    text = text.replace("’", "'").replace("”", '"').replace("“", '"').replace("×", " x ").replace("&", " and ")
    text = words_to_digits(text.lower())
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"\ba dozen\b", "12", text)
    text = re.sub(r"\b(?:dh|d/h)(s?)\b", r"double hung\1", text)  # "9 vinyl dh windows", "one standard vinyl dh"
    text = re.sub(rf"{_NUM}\s*k\b", lambda m: f"{float(m.group(1)) * 1000:g}", text)
    text = re.sub(r"(\d)\s*(?:percent|per cent|pct)\b", r"\1%", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip()


_AREA_UNIT = (
    r"(?:sq\.?\s*f(?:ee)?t\.?|sqft|square\s*f(?:ee|oo)t|sf\b|ft2|ft²|sq\.?\s*feet|feet\s*square)"
)
_PITCH = re.compile(
    rf"{_NUM}\s*(?:/|:|-|\s+in\s+|\s+on\s+|\s+over\s+|\s+)\s*12\b(?:\s*(?:pitch|slope|roof))?|"
    rf"\b(?:pitch|slope)\s*(?:of|is|at)?\s*{_NUM}\b(?!\s*(?:%|ft|feet|'|sq))|"
    rf"\b{_NUM}\s*(?:-\s*)?(?:pitch|pitched)\b"
)
_DIMS = re.compile(
    rf"{_NUM}\s*(?:'|ft\.?|feet|foot)?\s*(?:x|by|\*)\s*{_NUM}\s*(?:'|ft\.?|feet|foot)?"
    r"(?!\s*(?:in\b|inch|\"|downspouts?|elbows?))"  # "3x4 downspout" is a size, not a footprint
)
_AREA = re.compile(rf"{_NUM}\s*{_AREA_UNIT}")
_BARE_FOOTPRINT = re.compile(rf"\bfootprint\s*(?:of|is|=|:)?\s*{_NUM}\b(?!\s*(?:/|x|by))")
_FOOTPRINT_AFTER = re.compile(rf"(?<![\d/.]){_NUM}\s+(?:ft\s+|foot\s+)?footprint\b")  # "2400 footprint"
_SQUARES = re.compile(rf"{_NUM}\s*(?:squares?|sqs?\b)")
_LENGTH = re.compile(rf"{_NUM}\s*(?:linear\s+|lin\.?\s+)?(?:feet|foot|ft\b\.?|lf\b|'(?!s))")
_MONEY = re.compile(rf"\$\s*{_NUM}|{_NUM}\s*(?:dollars|bucks)\b")
_PERCENT = re.compile(rf"{_NUM}\s*%")
_SIZE_IN = re.compile(r"\b([3-8])\s*(?:-\s*)?(?:inch(?:es)?\b|in\b\.?|\")")
_STORIES = re.compile(r"\b(\d(?:\.5)?)\s*(?:-\s*)?(?:stor(?:y|ies|ey)|floors?|levels?)\b")
_WINDOW_COUNT = re.compile(
    r"\b(\d{1,6})\s+((?:[a-z][a-z-]*\s+){0,3}?)(windows?|double[- ]?hungs?|casements?|sliders?|pictures?|picture windows?)\b"
)
# "2 lite slider", "3 panel door": the number is part of the product's name, not a count.
_NAME_NUMBER = re.compile(r"\b\d\s*(?:-\s*)?(?:lite|light|pane|panel|tab|track|piece kit)\b")
# A count before a product's words: "6 downspouts", "6 3x4 downspouts", "4 elbows" (not a
# measure, a percentage, a size or money).
_COUNTED = re.compile(
    r"(?<![\d.$/x#-])(\d{1,4})\s+(?:of\s+(?:the\s+|those\s+|these\s+)?)?(?:\d+\s*x\s*\d+\s+|\d+\s*(?:in|inch|\")\s+)?"
    r"(?!(?:sq|square|squares|ft|feet|foot|lf|linear|percent|%|x|in|inch|months?|years?|yrs?|days?|weeks?|k|story|stories|storey|"
    r"floors?|layers?|bedrooms?|baths?|car|sides?|walls?|options?|packages?|tiers?)\b)[a-z]{3,}"
)
# "3 rolls of #30 felt", "a roll of ice and water": so many of a product and nothing else said is
# a question of what they come to.
SO_MANY_OF = re.compile(
    r"^\s*(?P<n>\d{1,5}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a couple(?: of)?)\s+"
    r"(?:rolls?|box(?:es)?|bundles?|pieces?|sheets?|squares?|pails?|tubes?|cases?|bags?|lengths?|sticks?|coils?|cartons?)\s+"
    r"(?:of\s+)?[#\w/\"' -]{2,40}[?.!]*\s*$"
)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple": 2, "a couple of": 2}
_UNITS_OF = re.compile(r"\b(\d{1,5})\s+(?:pieces?|pcs|rolls?|bundles?|boxes?|sheets?|lengths?|units?|tubes?|planks?|coils?|bags?|each)\b(?:\s+of)?")
# One piece of an item sold by the piece: "a 10ft piece", "10' length", "per stick".
_ONE_PIECE = re.compile(r"\b\d+\s*(?:ft|foot|feet|')\s*(?:piece|length|stick|section)\b|\b(?:a|one|per|each)\s+(?:piece|length|stick)\b")
_PRODUCT_ONLY = re.compile(
    r"\b(?:just|only)\s+(?:the\s+)?(?:product|products|material|materials|windows?|shingles?|gutters?|parts?|units?|items?)\b"
    r"|\bmaterials?\s+only\b|\b(?:x|times|at)\s+(?:our|the|list|sell|catalog)\s+(?:sell\s+|sale\s+|list\s+)?pri\w*(?:\s+each)?\b"
    r"|\b(?:our|list|sell|catalog)\s+pri\w*\s+each\b|\bno\s+(?:install|labou?r)\b"
)
# "sell price on 9 windows, total": the catalog's price of so many, not an installed job.
_CATALOG_PRICE = re.compile(r"\b(?:sell|selling|list|catalog|retail)\s+pri\w*\b|\bat\s+(?:full\s+)?(?:retail|list)\b")
_INSTALLED = re.compile(r"\b(?:install\w*|labou?r|job|estimate|margin|markup|profit)\b")
_COUNT_OF = re.compile(r"\b(\d{1,6})\s+(windows?|doors?|garage doors?|downspouts?|corners?)\b")





# "how much" asks money when what follows is a verb, an article or nothing ("how much is it",
# "how much for 30 squares", "how much would a tear off run"); "how much clearance", "how much
# pitch", "how much longer", "how much does a tear off weigh" ask a quantity of something else.
_HOW_MUCH_MONEY = (
    r"how much(?=\s*(?:$|[?$\d])|\s+(?:is|are|r|was|were|does|do|did|would|will|should|could|can|for|to|we|they|it|its|"
    r"i|you|per|a|an|the|on|our|money|cash|roughly|about|around|ish|total|altogether)\b"
    r"|\s+(?:extra|more|less)(?=\s+(?:for|to|is|are|does|would|will|per|if|on|than|money|cash)\b|\s*[?$]|\s*$))"
    # Within the same clause, and a bounded look ahead, so a long paste is read once.
    r"(?![^?.!]{0,80}?\b(?:weigh\w*|move|moves|expand\w*|shrink\w*|overlap\w*|last|lasts|take|takes|hang|hangs|fall|pitch|clearance|gap|space)\b)"
)
_MONEY_WORDS = re.compile(
    r"\b(price|pric(e|ing)|cost|costs|estimate|quote|charge|" + _HOW_MUCH_MONEY + r"|budget|bid|sell|margin|markup|mark[- ]?up|total|go(?:es)? for|comes? to|add(?:s)? up to|ring(?: it| them| that)? up|re+tail|all in|pays? what|\$"
    # "what do we get for a 2x3 downspout", "what do we ask for a storm door": what we charge
    r"|(?:do|would|will|should|can|did) (?:we|you|i) (?:get|ask|want) for)"
)
_ROOF_WORDS = re.compile(
    r"\b(roof|roofs|roofing|shingles?|squares?|bundles?|pitch|reroof|re-roof|ridge|hip|gable|footprint|tear[- ]?off)\b"
)
_SIDING_WORDS = re.compile(
    r"\b(siding|clapboards?|hardie\w*|fiber[- ]?cement|vinyl siding|wall|walls|house wrap|shakes? siding)\b"
)
_GUTTER_WORDS = re.compile(
    r"\b(gutters?|downspouts?|leaders?|seamless|k[- ]?style|half[- ]?round|eaves? troughs?)\b"
)
_WINDOW_WORDS = re.compile(r"\b(windows?|double[- ]?hungs?|casements?|sliders?|picture windows?)\b")
_LOOKUP_WORDS = re.compile(
    r"\b(catalog|catalogue|per roll|per bundle|per box|per piece|per foot|per window|per square|unit (cost|price)|"
    r"our cost (on|for)|what do we (pay|charge)|what does .* cost|sku|suppliers?|suppler|supplies|supply|supplied|carry|stock|labou?r( rate| cost)?|"
    r"who (do|does) (we|the company) (buy|get|order)|buy .{1,40} from|order .{1,40} (through|from)|where do we (get|buy|order)|"
    r"vendor|price|prices|paying|margin|markup)\b"
)


def _take(pattern: re.Pattern[str], text: str) -> tuple[re.Match[str] | None, str]:
    match = pattern.search(text)
    if match is None:
        return None, text
    return match, text[: match.start()] + " ¦ " + text[match.end() :]


def _percent_role(text: str, start: int, end: int) -> str | None:
    after = text[end : end + 30]
    before = text[max(0, start - 40) : start]
    for role, words in (
        ("waste", r"waste"),
        ("margin", r"(gross )?margin|gp\b|gross profit"),
        ("markup", r"mark[- ]?up"),
        ("tax", r"(sales )?tax"),
    ):
        if re.match(rf"\s*(?:for |of |in )?(?:{words})", after):
            return role
    for role, words in (
        ("waste", r"waste"),
        ("margin", r"margin"),
        ("markup", r"mark[- ]?up"),
        ("tax", r"tax"),
    ):
        if re.search(
            rf"(?:{words})\s*(?:factor|rate|target)?\s*(?:of|at|to|is|=|:|around|about)?\s*(?:a |an )?$",
            before,
        ):
            return role
    return None


# The words pricing questions are made of: a typo of one ("squaers", "priec", "waetr") is read as it.
_VOCABULARY = ["square", "squares", "footprint", "pitch", "bundle", "bundles", "price", "prices", "cost", "costs", "margin", "markup", "siding", "gutter", "gutters", "downspout", "downspouts", "window", "windows", "water", "shield", "shingle", "shingles", "roof", "roofing", "feet", "foot", "linear", "waste", "estimate", "quote", "seamless", "vinyl", "roll", "rolls", "labour", "labor", "timberline", "duration", "landmark", "designer", "underlayment", "synthetic", "ridge", "starter", "drip", "edge", "flashing", "guard", "guards", "mesh", "hardie", "hardieplank", "carvedwood", "casement", "picture", "slider", "double", "hung", "fiberglass", "builder", "grade", "elbow", "aluminum", "round", "tearoff", "disposal", "dumpster", "charge", "paying", "supplier", "list", "rate", "each", "total", "product", "corner", "post",
               "piece", "pieces", "box", "boxes", "sheet", "sheets", "plank", "planks", "tube", "tubes", "coil", "coils", "length", "lengths",
               "order", "supplies", "suppliers", "through"]


def _correct(text: str) -> str:
    from rapidfuzz import fuzz, process

    from harde.knowledge.tokens import is_english_word, is_everyday_word

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in _VOCABULARY or len(word) < 4 or (is_english_word(word) and is_everyday_word(word)):
            # A word in everyday use ("pieces") is what the rep meant, not a typo of another
            # ("prices"); a rare one ("pice", an old coin) more likely is.
            return word
        # Four letters need a closer match: "lbor" is labor, "door" is not roof.
        best = process.extractOne(word, _VOCABULARY, scorer=fuzz.ratio, score_cutoff=80 if len(word) >= 5 else 88)
        return str(best[0]) if best is not None and abs(len(str(best[0])) - len(word)) <= 1 else word

    return re.sub(r"[a-z]{4,14}", fix, text)


def product_words_of(text: str) -> list[str]:
    """The words of a question that may name a catalog product: not figures, not short words."""
    seen: dict[str, None] = {}
    for word in re.findall(r"[a-z0-9]+", text[:2000]):
        word = word.rstrip("s") if len(word) > 3 else word
        if len(word) >= 3 and not word.isdigit():
            seen.setdefault(word)
    return list(seen)[:200]


def parse_question(text: str) -> PricingQuestion:
    """What a pricing question asks and the measures it gives."""
    norm = _correct(normalise(text))
    q = PricingQuestion(text=text[:200])
    rest = norm
    q.asks_area = bool(re.search(r"\barea\b", norm)) and not re.search(r"\bsquares?\b", norm)
    q.tear_off = not re.search(r"\b(new construction|no tear[- ]?off|overlay|layover)\b", norm)
    q.fiber_cement = bool(re.search(r"fiber[- ]?cement|hardie", norm))
    q.colorplus = "colorplus" in norm
    q.product_words = product_words_of(norm)

    # Percentages first: their role comes from the words around them.
    for found in list(_PERCENT.finditer(norm)):
        role = _percent_role(norm, found.start(), found.end())
        value = float(found.group(1))
        if role == "waste":
            q.waste_pct = value
        elif role == "margin":
            q.margin_pct = value
        elif role == "markup":
            q.markup_pct = value
        elif role == "tax":
            q.tax_pct = value
        else:
            continue
    rest = _PERCENT.sub(" ¦ ", rest)

    for found in list(_MONEY.finditer(rest)):
        amount = float(found.group(1) or found.group(2))
        before = rest[max(0, found.start() - 40) : found.start()]
        after = rest[found.end() : found.end() + 25]
        if re.search(
            r"(sell|sold|selling|price|priced|charge|charging|bid|quoted?|contract)\w*\s*(it |this |the job )?(is |of |at |for |was )?(about |around )?$",
            before,
        ) or re.match(r"\s*(sale|selling|sell|price|contract|revenue|job price)", after):
            q.price = amount
        elif q.cost is None:
            q.cost = amount
        else:
            q.price = amount
    rest = _MONEY.sub(" ¦ ", rest)
    # Bare amounts next to "cost" or "price": "a 9500 cost", "price is 12000".
    if q.cost is None:
        bare = re.search(
            r"\b(\d{3,}(?:\.\d+)?)\s+(?:in |of |job |total )?costs?\b|\bcosts?\s+(?:of |is |are |at |about |around )?(\d{3,}(?:\.\d+)?)\b(?!\s*(?:sq|square|ft|feet|foot|lf|%|'))",
            rest,
        )
        if bare:
            q.cost = float(bare.group(1) or bare.group(2))
            rest = rest[: bare.start()] + " ¦ " + rest[bare.end() :]
    if q.price is None:
        bare = re.search(
            r"\b(?:sell(?:ing)?|sold|price[sd]?|charg(?:e|ing))\s+(?:it |this |the job )?(?:is |of |at |for )?(\d{3,}(?:\.\d+)?)\b(?!\s*(?:sq|square|ft|feet|foot|lf|%|'|windows?|downspouts?))",
            rest,
        )
        if bare:
            q.price = float(bare.group(1))
            rest = rest[: bare.start()] + " ¦ " + rest[bare.end() :]

    match, rest = _take(_PITCH, rest)
    if match is not None:
        q.rise = float(next(g for g in match.groups() if g is not None))
    match, rest = _take(_DIMS, rest)
    if match is not None:
        a, b = float(match.group(1)), float(match.group(2))
        q.length_ft, q.width_ft = max(a, b), min(a, b)
    overhang = re.search(
        rf"{_NUM}\s*(?:-\s*)?(?:ft|foot|feet|')?\s*(?:-\s*)?(?:overhangs?|eaves overhang)", rest
    )
    if overhang:
        q.overhang_ft = float(overhang.group(1))
        rest = rest[: overhang.start()] + " ¦ " + rest[overhang.end() :]
    match, rest = _take(_AREA, rest)
    if match is None:
        # "footprint 1,700": a footprint named without its unit is in square feet.
        match, rest = _take(_BARE_FOOTPRINT, rest)
    if match is None:
        match, rest = _take(_FOOTPRINT_AFTER, rest)
    if match is not None:
        q.area_sqft = float(match.group(1))
        before, after = (
            match.string[max(0, match.start() - 30) : match.start()],
            match.string[match.end() : match.end() + 20],
        )
        # "a roof of 2,400 sq ft", "2,400 sq ft of roof": already sloped area, not a footprint.
        q.area_is_footprint = not (
            re.search(
                r"\broof(?: area| surface)?\s*(?:is|of|=|:|measures|measuring)?\s*(?:about |around |roughly )?$",
                before,
            )
            or re.match(r"\s*(?:of )?(?:sloped |actual )?(?:roof|roofing)\b(?! footprint)", after)
        )
    match, rest = _take(_SQUARES, rest)
    if match is not None:
        q.squares = float(match.group(1))
    match, rest = _take(_STORIES, rest)
    if match is not None:
        q.stories = float(match.group(1))
    elif re.search(r"\b(two|2)[- ]stor", norm) or "colonial" in norm:
        q.stories = 2
    elif re.search(r"\branch\b|single[- ]stor", norm):
        q.stories = 1
    match, rest = _take(_SIZE_IN, rest)
    if match is not None:
        q.size_in = int(match.group(1))
    match, rest = _take(_LENGTH, rest)
    if match is not None:
        q.feet = float(match.group(1))

    for count in _COUNT_OF.finditer(rest):
        n, what = int(count.group(1)), count.group(2)
        if what.startswith("garage"):
            q.garage_doors = n
        elif what.startswith("door"):
            q.doors = n
        elif what.startswith("downspout"):
            q.downspouts = n
    rest = _NAME_NUMBER.sub(lambda m: " " * len(m.group()), rest)
    units = _UNITS_OF.search(rest)
    if units is not None:
        q.units = int(units.group(1))
    q.product_only = bool(_PRODUCT_ONLY.search(norm)) or bool(_CATALOG_PRICE.search(norm) and not _INSTALLED.search(norm))
    for window in _WINDOW_COUNT.finditer(rest):
        descriptor = f"{window.group(2)}{window.group(3)}".strip()
        q.windows.append((descriptor, int(window.group(1))))

    if re.search(r"half[- ]?round", norm):
        q.style = "half-round"
    q.guards = bool(
        re.search(r"\b(guards?|leaf ?guard|gutter covers?|micro[- ]?mesh|screens?)\b", norm)
    )
    if re.search(r"\b(complex|cut[- ]up|lots of valleys|dormers?|valleys)\b", norm):
        q.complexity = "complex"
    elif re.search(r"\bhip(ped)?\b", norm):
        q.complexity = "hip"
    elif re.search(r"\bgable(d)?\b", norm):
        q.complexity = "gable"
    q.wants_money = bool(_MONEY_WORDS.search(norm))
    so_many = SO_MANY_OF.match(norm)
    if so_many is not None and not q.squares:
        q.wants_money = True  # what they come to
        if q.units is None:
            q.units = _NUMBER_WORDS.get(so_many.group("n")) or int(so_many.group("n"))
    q.wants_bundles = bool(re.search(r"\bbun+dles?\b", norm))
    q.asks_margin = bool(re.search(r"\b(margin|mark[- ]?up)\b", norm))
    q.intent, q.trade = _intent(q, norm)
    q.item_query = _item_query(norm)
    return q


def _intent(q: PricingQuestion, norm: str) -> tuple[Intent, str | None]:
    each = re.search(r"\b\d+\s*(?:ft|foot|feet|')\s*(?:each|apiece|a piece|long)\b", norm)
    counted = _COUNTED.search(_NAME_NUMBER.sub(" ", norm))
    if each is not None and counted is not None and q.wants_money and counted.start() < each.start():
        # "6 3x4 downspouts, 10 ft each": so many pieces of one item, the length is the piece's.
        q.units = int(counted.group(1))
        return "units", None
    has_measure = any(v is not None for v in (q.area_sqft, q.squares, q.feet, q.length_ft)) or bool(
        q.windows
    )
    mentions_margin = bool(re.search(r"\bmargin", norm))
    mentions_markup = bool(re.search(r"\bmark[- ]?up", norm))
    if not has_measure:
        if q.cost is not None and q.price is not None:
            return "margin_from_prices", None
        if q.cost is not None and (q.margin_pct is not None or q.markup_pct is not None):
            return "price_from_cost", None
        if (mentions_margin or mentions_markup) and (
            q.margin_pct is not None or q.markup_pct is not None
        ):
            if q.margin_pct is not None and mentions_markup:
                q.wants_target_from_other = "markup"
            elif q.markup_pct is not None and mentions_margin:
                q.wants_target_from_other = "margin"
            return "convert", None
    if q.product_only and (q.units is not None or len(q.windows) == 1 or (q.feet is not None and q.squares is None)):
        return "units", None
    if _ONE_PIECE.search(norm) and q.units is None and not q.windows:
        return "lookup", None  # "5in half round 10ft piece price": the price of one piece, not a run of gutter
    gutter = bool(_GUTTER_WORDS.search(norm))
    if gutter and re.search(
        r"\bhow many downspouts?\b|\bdownspouts? (do|would|will|should) (i|we)\b", norm
    ):
        return "downspouts", "gutters"
    if gutter and (q.feet is not None or q.length_ft is not None):
        return "gutter", "gutters"
    if _SIDING_WORDS.search(norm) and (
        q.area_sqft is not None
        or q.feet is not None
        or q.length_ft is not None
        or q.squares is not None
    ):
        return "siding", "siding"
    if q.windows and _WINDOW_WORDS.search(norm) and not _SIDING_WORDS.search(norm):
        return "windows", "windows"
    roofish = bool(_ROOF_WORDS.search(norm)) or q.rise is not None
    if roofish and (q.area_sqft is not None or q.length_ft is not None or q.squares is not None):
        # "22 squares of architectural shingles" is a material quantity, not a whole roof.
        if (
            q.squares is not None
            and (re.search(r"\bsquares? of\b", norm) or re.search(r"\b(rolls?|box(es)?|pieces?)\b", norm))
            and not re.search(r"\b(roof|reroof|estimate)\b", norm)
        ):
            return "material", "roofing"
        return "roof", "roofing"
    if has_measure and (q.feet is not None or q.squares is not None or q.area_sqft is not None):
        return "material", None
    if (
        _LOOKUP_WORDS.search(norm)
        or q.wants_money
        or re.search(r"\b(search|find|look up|lookup|show|list)\b", norm)
    ):
        counted = _COUNTED.search(_NAME_NUMBER.sub(" ", norm))
        if q.wants_money and (q.units is not None or counted is not None):
            # "what do we charge for 6 downspouts", "cost for 6 3x4 downspouts", "2 rolls of ice
            # and water": so many of one item.
            if q.units is None and counted is not None:
                q.units = int(counted.group(1))
            return "units", None
        return "lookup", None
    return "unknown", None


_FILLER = re.compile(
    r"\b(what'?s|what is|what are|how much|how many|would|will|does|do|did|is|are|the|a|an|our|us|we|i|me|you|"
    r"cost|costs|price|prices|pricing|charge|on|for|of|per|in|to|it|that|this|get|give|need|tell|please|search|find|"
    r"look|up|show|list|catalog|catalogue|quote|estimate|an?|at|with|and|about|current|currently|pay|unit|each|"
    r"labou?r|rate|who|buy|from|r|paying|supplier|suppliers|suppler|supplies|supply|supplied|order|through|thru|carry|vendor|margin|markup|total|sell|install|installed|inch|"
    r"come|comes|run|runs|just|only|product|products|x|times|altogether|list|what|that|"
    # greetings and shorthand around the product: "hey wats a budnle of hdz go for these days"
    r"hey|hi|yo|ok|okay|so|quick|real|wats|whats|whta|waht|wht|go|goes|going|these|days|rn|now)\b"
)


def _item_query(norm: str) -> str:
    """The product words of a look-up ("ice and water shield", "englert gutter")."""
    words = re.sub(r"[¦?!.,;:$%]", " ", norm)
    words = re.sub(r"(?<!#)\b\d+(?:\.\d+)?\b", " ", words)  # "#30 felt" keeps its number: it is the name
    # "ice and water" keeps its "and": it is the product's name.
    words = words.replace("ice and water", "ice_and_water")
    words = _FILLER.sub(" ", words)
    words = re.sub(r"\b(rolls?|bundles?|budnles?|bundels?|bunldes?|box(?:es)?|pieces?|pcs|sheets?|planks?|foot|feet|ft|square|squares|sq)\b", " ", words)
    return re.sub(r"\s+", " ", words.replace("ice_and_water", "ice and water")).strip()
