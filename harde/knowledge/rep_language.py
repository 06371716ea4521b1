"""How reps talk, mapped to how the playbook is written: shorthand, dropped apostrophes, slang.

Each entry is one-way: a rep's word or phrase adds the playbook's words to a query (at a lower
weight than the words the rep typed), never the other way round, so a document's wording is
not diluted by slang.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Written without the apostrophe in chat and texts; with it they are stopwords.
_BARE_CONTRACTIONS = (
    "whats thats theres heres hows whos wheres dont doesnt didnt cant wont isnt arent wasnt werent "
    "havent hasnt hadnt shouldnt wouldnt couldnt im ive youre theyre theyll theyve weve shes hes "
    "itll"
)
BARE_CONTRACTIONS = frozenset(_BARE_CONTRACTIONS.split())

# Shorthand expanded before anything else (whole words only).
SHORTHAND: dict[str, str] = {
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "kinda": "kind of",
    "abt": "about",
    "w/": "with",
    "w/o": "without",
    "appt": "appointment",
    "appts": "appointments",
    "vm": "voicemail",
    "msg": "message",
    "txt": "text",
    "yr": "year",
    "yrs": "years",
    "hr": "hour",
    "hrs": "hours",
    "mins": "minutes",
    "mo": "month",
    "mos": "months",
    "ho": "homeowner",
    "hos": "homeowners",
    "cust": "customer",
    "mgr": "manager",
    "info": "information",
    "approx": "approximately",
    "diy": "do it yourself",
    "hubby": "husband",
    "wifey": "wife",
    "ssn": "social security number",
}

# Rep phrase (regular expression over the lowercased query) -> playbook words it stands for.
REP_PHRASES: tuple[tuple[str, str], ...] = (
    # stalls and objections
    (r"sleep on it|mull(ing)? (it )?over|chew on it|on the fence|not ready|get back to (me|us)", "think about it decide"),
    (r"call (me|us) back|hold off|put (it )?off|push (it|the job|this)?\s*(back|out|off)?\s*(to|till|until)|postpone", "wait later timing"),
    (r"next (year|spring|summer|fall)|after the (holidays|summer|winter)", "wait timing spring"),
    (r"shop(ping)? around|other (guys|bids|quotes|companies|contractors|roofers)|couple more (guys|bids|quotes)", "quotes compare estimates"),
    (r"cheaper|cheap|lowball|pricey|too much|sticker shock|rip ?off|overpriced|\bgrand\b|\bbucks\b", "price expensive"),
    (r"\$\s?\d|\b\d+(\.\d+)?k\b", "price cost"),
    (r"do it (himself|herself|myself|themselves|ourselves|yourself)|brother.in.law|cousin|nephew|buddy|relative|side job|cash crew", "handyman relative diy"),
    (r"scam|trick|trap|catch|gimmick", "trap honest deferred"),
    (r"go(ing)? into debt|borrow|turned down|declined|bad credit", "debt credit declined financing"),
    (r"\bapr\b|interest rate", "rate apr financing"),
    (r"\bbank\b|lender|finance company", "lender financing"),
    (r"pushy|hard sell|high pressure|salesy|pressur", "pressure urgency"),
    # people
    (r"widow(er)?|old (lady|man|gentleman|couple)|older (lady|man|gentleman|couple|folks)|grand(ma|pa|mother|father)|fixed income|\b[6-9]\d.?(year|yr).?old", "elderly older retirees senior"),
    (r"\bkids?\b|\bson\b|\bdaughter\b", "adult child family"),
    (r"engineer|numbers (guy|person|type)|spreadsheet|detail.oriented|every spec|all the specs", "analytical data specifications"),
    (r"bottom line|just the (price|number)|in a hurry|busy", "driver direct bottom line"),
    (r"chatty|talkative|excited|neighbors think", "expressive"),
    (r"arguing|argue|fighting|bicker|not on the same page|disagree|(can'?t|cannot|don'?t|won'?t) agree|split on|one (of them )?wants|\bwants\b[^.?!]{0,40}\bwants\b", "disagree couples"),
    (r"(husband|wife|spouse|hubby)\b[^.?!]{0,60}\b(husband|wife|spouse|hubby)\b|\bboth of them\b|the two of them|\bcouples?\b", "couples both shared decision"),
    (r"\bsit\b|\bsits\b|in.home|sales call", "appointment presentation"),
    # the process
    (r"shake hands|handshake|shake (his|her|their|the|an?)?\s?(\w+ ){0,2}hands?\b", "handshake"),
    (r"what order|in order|sequence|start to finish|step.by.step|walk ?through of the", "steps order"),
    (r"snow|winter|cold weather|freezing|below freezing", "winter cold temperature"),
    (r"steepest|how steep|too steep|walk (a|the) roof|can i walk|walkable", "steeper walk roof safety"),
    (r"\bshow(s|ed)? up\b|\bstart date\b|install date|crew (come|comes|start)", "start crew schedule"),
    (r"(after|once) (they|the customer|the homeowner|he|she|we) (sign|signs|signed)|deal is done|after the sale|\bsold\b", "signed contract after"),
    (r"close rate|closing %|closing percent", "closing rate"),
    (r"ready to (buy|sign)|when (we|you) (could|can) start|how soon (can|could|would|will|do) (you|we|they|u|the crews?) (start|begin|get|be)", "buying signals"),
    (r"percent off|% off|knock off|take off|money off|\boff the price\b|coupon", "discount"),
    (r"price match|match (the|a|their) price", "price match"),
    (r"who owns|owner|founder|started the company|been around|in business|how old is the company", "founded started owner"),
    (r"showroom|office|where are we", "showrooms"),
    (r"lead came in|new lead|web lead|call (them|the lead) back", "lead speed call"),
    (r"personal (phone|cell)|\bcell\b|group chat", "personal phone data"),
    (r"come out|service call|warranty call|callback", "service warranty"),
    (r"water coming in|starts? leaking", "leak"),
    (r"\bfollow(ing)? up\b|chase|chasing|check in|reach (back )?out|haven'?t heard", "follow-up"),
    (r"after (the|my|our|an?) (appointment|visit|sit|presentation)|after i leave|(left|leaving) the house", "follow-up cadence same evening"),
    (r"\bmonthly\b|a month\b|per month|\bpayments? (on|for)\b", "estimated monthly payment factors"),
    (r"\bsms\b|text(ing)?", "text message"),
    (r"no answer|don'?t pick up|not picking up|voicemail", "voicemail"),
    (r"intro video|welcome video|pre.?appointment video|video", "primer video"),
    (r"confirm(ing|ation)?|reminder call", "confirmation call"),
    (r"move the (appointment|time)|reschedule|change the time", "reschedule"),
    (r"refer(ral|rals|red)?|word of mouth", "referral"),
    # products
    (r"hardie|hardi ?plank|hardy ?board|cement board", "fiber cement siding"),
    (r"rubber|peel.and.stick|ice shield|grace", "ice water shield membrane"),
    (r"tar paper|felt paper", "felt underlayment"),
    (r"how thick|thickness|\bgauge\b|\bmil\b", "thickness gauge"),
    (r"\bweigh(s|ed|ing)?\b|how heavy", "weight tons"),
    (r"wavy|ripple|oil.?can|buckl|warp", "oil canning waves"),
    (r"fire|flammable|burn", "non-combustible fire"),
    (r"fog(gy|ged)?|between the (panes|glass)|seal fail", "seal failure fog panes"),
    (r"\bpanes?\b", "glass pane"),
    (r"hail|impact|storm.?proof", "impact hail"),
    (r"hot attic|attic (is )?(super |really |very )?hot|rusty nails|nails .* rusty|\bmold", "ventilation attic"),
    (r"dimensional|laminated|architectural", "architectural shingles"),
    (r"top tier|top of the line|best package|most expensive|high.end|premium", "summit signature best"),
    (r"cheapest|bottom tier|base package|entry level|basic", "essential good"),
    (r"middle|mid.tier", "preferred better"),
    (r"credit card|\bvisa\b|\bamex\b|\bcard\b", "credit cards payment"),
    (r"rest of the money|remaining|balance|final payment|pay the rest", "balance payment schedule completion"),
    (r"\bhoa\b|\barc\b|committee|board approval|covenants?", "hoa architectural review"),
    (r"\bcondos?\b", "condominium association"),
    (r"work hours|what time can|weekend|saturday|sunday", "work hours"),
    (r"quotes? (is |are )?good for|(quote|proposal|price|estimate)s? expires?|how long (is|are) (a |the |our )?(quote|proposal|price|estimate)s?"
     r"|(quote|proposal|price|estimate|bid)s? (stay|stays|remain|remains|is|are) (good|valid|open)|(stay|stays) good", "proposals valid days"),
    (r"\bpay (me |us |you )?(in )?cash\b|cash (deposit|payment)|\bin cash\b", "cash collect deposit payment terms"),
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    # Anchored at a word start only, so "pressur" also finds "pressure" and "pressured".
    return tuple((re.compile(rf"(?<![a-z0-9])(?:{pattern})"), words) for pattern, words in REP_PHRASES)


_SHORTHAND = re.compile(r"(?<![a-z0-9'])(" + "|".join(re.escape(k) for k in sorted(SHORTHAND, key=len, reverse=True)) + r")(?![a-z0-9'])")
_BARE = re.compile(r"\b(" + "|".join(sorted(BARE_CONTRACTIONS)) + r")\b")


def normalize_query(text: str) -> str:
    """Lowercase, curly quotes straightened, shorthand spelled out, bare contractions dropped."""
    lowered = text.lower().replace("’", "'").replace("‘", "'")
    lowered = _SHORTHAND.sub(lambda m: SHORTHAND[m.group(1)], lowered)
    # "whats" is "what's", a stopword; left alone it would stem to a term that means nothing.
    return _BARE.sub(" ", lowered)


def rep_expansions(normalized: str) -> list[str]:
    """Playbook words for the rep phrases found in a normalized query, in order found."""
    found: list[str] = []
    for pattern, words in _compiled():
        if pattern.search(normalized):
            found.append(words)
    return found
