"""Text and conversation memory in, one typed action out: the specialist, the tool, its typed
arguments and a confidence, or a short answer of its own (a specific question, "I don't have a
job 9999").

The offline model plays these actions as its tool calls; with a key, the confident reads are
the fast path's reflex and the model decides the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from harde.crm.search import TRADE_WORDS
from harde.crm.stages import _SPOKEN, normalise_stage_words
from harde.intake.geography import town_at_start
from harde.knowledge.tokens import is_everyday_word, is_near_english_word
from harde.understanding.directory import CustomerEntry, Directory, JobEntry
from harde.understanding.genders import gender_of
from harde.understanding.intent import AGENT_OF, IntentClassifier, IntentScores, default_classifier
from harde.understanding.memory import Candidate, Clarification, Focus
from harde.understanding.names import FIRST_NAMES
from harde.understanding.news import default_news
from harde.understanding.pricing import SO_MANY_OF as _SO_MANY_OF
from harde.understanding.pricing import parse_question
from harde.understanding.slots import (
    Moment,
    appointment_kind,
    day_range,
    duration_minutes,
    fields_asked,
    fix_ask_typos,
    is_affirmative,
    moment,
    normalise,
)
from harde.understanding.transcripts import interpret

# Below this the classifier's reading is not trusted on its own.
CONFIDENT = 0.5
UNSURE = 0.3
ENTITY_CHARS = 2000

# Names that are also everyday words: a name only when capitalised or next to another name.
_WORDLIKE_NAMES = {"mark", "will", "hunt", "brooks", "hayes", "grant", "rose", "price", "young", "king", "long", "bill"}
_NOT_NAMES = {
    "the", "and", "her", "his", "him", "she", "they", "them", "their", "job", "jobs", "roof", "siding", "gutters",
    "gutter", "windows", "window", "note", "notes", "stage", "phone", "email", "address", "rep", "balance", "what",
    "when", "where", "who", "whats", "install", "inspection", "appointment", "calendar", "today", "tomorrow",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "there", "these", "those",
    "lost", "signed", "scheduled", "completed", "proposal", "estimate", "follow", "lead", "contract", "deposit",
    "payment", "payments", "owes", "please", "thanks", "number", "numbers", "customer", "customers", "homeowner",
}
_SCHEDULE_NOUN = re.compile(r"(?:'s|s|\bthe|\bmy|\bhis|\bher|\bour|\btheir)\s+(?:schedule|calendar)\b")
_LIST_WORDS = re.compile(r"\b(list|jobs|deals|pipeline|board)\b")
_BARE_PRONOUN = re.compile(r"^(?:and |& |what about |how about )?(?:hers|his|theirs|her|him|them)\s*\??$")
_MOVE_VERB = re.compile(r"\b(move|moved|push|pushed|reschedule|rescheduled|bump|change|shift|cancel|cancelled|canceled|done|complete|completed|finished|instead|earlier|later)\b")
_STAGE_VERB = re.compile(r"\b(won|win|lost|lose|signed|sold|kill|killed|dead|close|closed|mark|move|bump|push|set|put)\b")
# What a rep has on their plate: "everything mike reed has", "whats not closed for dana".
_REP_HOLDS = re.compile(r"\b(?:has|have|got|carrying|working|on (?:his|her) plate|not closed|still open|open)\b")
_CREWS_ON_IT = re.compile(
    r"\bcrews? (?:r|are|is) (?:working(?: on)?|on site|out on)\b|\bbeing worked on\b|\bunder construction\b"
    r"|\b(?:have|has|got) (?:a )?crews? (?:on (?:them|it|site)|working)\b"  # "what jobs have crews on them"
)
_NOT_YET_SCHEDULED = re.compile(
    r"\b(?:waiting (?:on|for|to be)|need(?:s|ing)? to be|yet to be|to get) (?:scheduled|schedule)\b|\bnot (?:yet )?scheduled(?: yet)?\b"
    r"|\bnot (?:yet )?on the (?:schedule|calendar|board)(?: yet)?\b"  # "whos signed but not on the schedule yet"
)
# A job pointed at by its trade alone: "the gutters one", "now the windows job", "what about roofing".
_THE_OTHER_ONE = re.compile(r"\b(?:one|job|project)\W*$|^\W*(?:ok\W+|and\W+|&\W+)*(?:now|(?:what|how)\s+(?:a?bo+u?t|abt|bout)|and|&)\b")
# Booked visits counted or listed: "walkthroughs on the 3rd, count", "how many inspections fri".
_COUNTED = re.compile(r"\b(?:count|how many|number of|list|any|every|all)\b|\b(?:inspections|walk ?throughs|visits|appointments|appts|installs|estimates|measures)\b")
# An amount asked in words that name no field: "proposal came out to what", "what did it come to".
_AMOUNT_ASKED = re.compile(r"\b(?:came|come|comes|coming) (?:out )?(?:to|at)\b(?:\s+(?:what|how much))?\W*$|\bwhat did (?:it|that|the \w+) come (?:out )?to\b|\bcame in at\W*(?:what|how much)?\W*$")
# A request that opens with someone's field before any other words: "marks digits, ...", "sarahs email - ...".
_LEADS_WITH_FIELD = re.compile(r"^\W*(?:[a-z]+(?:'s|s)?\s+){0,2}(?:digits|number|#|cell|phone|email|e-mail|address|addy|info)\b(?:\W|$)")
# Words of how things are done in general, not of one job: "install process?", "deposit policy".
_IN_GENERAL = re.compile(r"\b(?:how|why|should|policy|process|normally|usually|typical(?:ly)?|always|rules?|standard)\b")
_BOOKED_KINDS = re.compile(r"\b(?:inspections|walk ?throughs|walk-throughs|visits|appointments|appts|installs|install starts|estimates|measures|meetings|consults)\b")
_APPOINTMENT_WORD = re.compile(r"\b(appointment|appt|visit|inspection|walk ?through|walk-through|measure|estimate|meeting|consult|consultation|install start)\b")
_OF_THOSE = re.compile(r"\b(which ones|which of (them|those|these)|of (them|those|these)|those|these|them|any of)\b")
_REP_PRONOUN = re.compile(r"\b(he|she|him|her|his|they|them)\b")
# A question asked after a lead-in: "going back to megan castillo, who sold it".
_LATE_QUESTION = re.compile(r"[,;:.-]\s*(?:so |and |ok )?(?:who|whos|who's|whose|what|whats|when|whens|where|wheres|which|how|hows)\b")
_QUESTION = re.compile(r"(?:ok |so |and |hey )?(when|whens|what|whats|which|who|whos|whose|who's|where|wheres|why|how|hows|is|are|do|does|did|has|have|any)\b")
_ON_THE_WEB = re.compile(r"\b(google|online|onlne|onine|oline|onlin|on line|internet|the web|web search|search the web|search web|look it up online|reviews?)\b")
# "on the epa site", "from their website": somewhere on the web to look.
_ON_A_SITE = re.compile(r"\b(?:on|from) (?:the |their |his |her )?[a-z]+ (?:web ?site|site)\b")
_PRICE_WORDS = re.compile(r"\b(price|prices|priced|pricing|cost|costs|pay|paying|charge|charging|sell|selling|how much|per (?:square|sq|foot|ft|bundle|roll|piece|window)|run us|run me|(?:does|do|would|will) (?:that|it|this|those|these|they) run|going rate|comes? to|adds? up to|all in|retail|re+tail|pays? what)\b")
# "how much does a square weigh" asks a measure, not money, unless a price is named too.
_NOT_MONEY = re.compile(r"\b(weigh|weighs|weight|heavy|lasts?|how long|warranty|thick|thickness|wide|r value)\b")
_MONEY_SAID = re.compile(r"\$|\b(price|prices|cost|costs|charge|pay|paying|labou?r|margin|markup)\b")
_VERB_FOLLOWERS = {
    "it", "as", "the", "this", "that", "job", "them", "him", "her", "down", "off", "up", "a", "an", "my", "our", "all",
    "these", "those", "to", "in", "into", "do", "be", "you", "need", "have", "call", "get", "go",
    # "mark lost", "mark signed": a stage after the verb
    "lost", "won", "signed", "sold", "dead", "done", "complete", "completed", "closed", "scheduled", "paid", "lead",
}
_PRONOUNS = re.compile(
    r"\b(her|hers|his|him|he|she|they|them|their|theirs|thier|em|that one|this one|the same|same job|same customer|"
    r"it|its|there|that job|this job|that customer|this customer|the customer|the homeowner|the homeowners|that guy|"
    r"this guy|that house|the other job|other one)\b"
)
_ORDINALS = {
    "first": 0, "1st": 0, "one": 0, "second": 1, "2nd": 1, "two": 1, "third": 2, "3rd": 2, "three": 2,
    "fourth": 3, "4th": 3, "four": 3, "last": -1, "top": 0, "bottom": -1, "latter": -1, "former": 0,
}
_BARE_CHOICE = re.compile(r"^(?:the |option |number |no\.? |#)?([1-6])(?:st|nd|rd|th)?(?: one)?[.!?]*$")
_JOB_NUMBER = re.compile(r"(?<![\d-])(\d{4})-(\d{3,5})(?![\d-])")
_JOB_ID = re.compile(
    r"(?:\bjob\s*(?:number|no\.?|#)?\s*#?|#|\bnumber\s)\s*(\d{3,9})\b"
    r"|(?<![\d$.,:/-])(?<!code )(?<!code is )(?<!code: )(?<!combo )(?<!combo is )(?<!pin )(?<!pin is )(?<!lockbox )(?<!lock box )(?<!password )(?<!unit )(?<!apt )(?<!suite )(?<!po box )"
    r"\b(\d{4})\b(?![\d/]|[.,:-]\d|\s?(?:k\b|am\b|pm\b|sq|ft|feet|%|percent|dollars|bucks))"
)
_PHONE = re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?(\d{3})\)?[\s.-]?(\d{3})[\s.-]?(\d{4})(?!\d)")
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")
_NOTE_ID = re.compile(r"\bnote\s*(?:number\s*|#\s*)?(\d{4,7})\b")
_TO_TEXT = re.compile(r"\bto\s+(?:say\s+|read\s+)?(.+)$", re.S)
_APPOINTMENT_ID = re.compile(r"\b(?:appointment|appt)\s*#?\s*(\d{3,6})\b")
_WORD = re.compile(r"[a-z][a-z'-]{0,30}|\d{1,12}")
# Words of a request to read notes, not write one: "job 1047 latest note pls", "did anyone leave a
# note on #1006 recently", "read back the last note".
_NOTE_READ_WORDS = frozenset(
    ["latest", "last", "recent", "recently", "newest", "most", "any", "anyone", "anybody", "someone", "read", "back", "show", "see", "pull", "up", "what", "whats", "did", "has", "have", "is", "there", "was", "been", "leave", "left", "say", "said", "does", "do", "the", "a", "an", "on", "for", "of", "job", "note", "notes", "pls", "please", "me", "us", "we", "it", "that", "this", "in", "lately", "today", "yesterday", "no", "number", "num", "-", "anything", "new", "&", "and", "also", "too", "again", "one", "ok", "oh", "so", "anyway", "anyways", "to", "now", "okay", "k", "btw",
     "customer", "homeowner", "ho", "client", "his", "her", "their", "them", "him", "its",
     # The ask's own words: "can you read me the newest note", "could u pull up the last note".
     "can", "could", "would", "will", "you", "u", "ya", "th", "teh", "da", "give", "gimme", "tell", "get", "grab", "check", "find", "hey", "quick", "real"]
)
_NOTE_READ_CUE = frozenset(["latest", "last", "recent", "recently", "newest", "any", "anyone", "anybody", "read", "show", "see", "pull", "did", "has", "whats", "what", "lately", "anything"])
_NOTE_MARK = re.compile(r"(?::|\s-+\s|\s—\s|\s/\s)\s*(.+)$", re.S)
# "karen reilly add note the son is handling everything", "#1059 add this as a note he will pay
# by check", "stck a note on it shingle color is undecided": the ask after whoever it is for.
_NOTE_AFTER_NAME = re.compile(
    r"\b(?:add|put|leave|log|make|drop|stick|stck|stik|write|jot)\s+(?:(?:this|that)\s+(?:as|in)\s+)?(?:a\s+)?(?:quick\s+)?(?:note|ntoe|noet)"
    r"(?:\s+(?:on|to|for|in)\s+(?:it|that|this|him|her|them|there|th+ere|the file)(?:\s+(?:one|job))?)?\s+(?!(?:to|on|for|in|about|re|that)\b)(\S.+)$",
    re.I | re.S,
)
# "so for 2610-1017 the note is neighbor already had us do their roof": a note dictated.
# "kathleen file noes: husband handles the money": whose notes, a colon, the words.
_NOTE_LABEL = re.compile(r"^[^:?]{1,60}?\b(?:file\s+)?(?:notes?|noes|ntoes|nots|memo|update)\s*:\s*\S")
_NOTE_DICTATED = re.compile(
    r"\b(?:the|a|my|new) note (?:is|should say|should read|reads|will say)\b"
    # "job no 1041 quick one for ntes - paying cash at signing": words given for the notes.
    r"|\b(?:one |this |something )?for (?:the |his |her |their )?(?:notes?|ntes|nots|ntoes|noes|nottes|file|record)\s*(?::|-+\s|—\s)\s*\S"
    # "job no. 1014 quick one for notes elderly mom lives there": the words right after
    r"|\bquick one for (?:the )?(?:notes?|ntes|nots|ntoes|noes|file)\s+(?!on\b|for\b|to\b|about\b)\S"
    # "for his roof job add outlet on the back of the garage is ok to use"
    r"|^\W*(?:for|on)\s+(?:that|this|the|his|her|their)\s+(?:(?:roof|roofing|siding|windows?|gutters?)\s+)?(?:one|job|file|house)\W+(?:pls\s+|please\s+)?(?:add|log|jot)\s+(?!a\s|an\s|the\s|new\s)\S"
    # "sweeneys roof crew should know wasp nest in the soffit": what the crew is to be told
    r"|\b(?:crews?|installers?|the guys|our guys)\s+(?:should|needs? to|has to|have to|gotta|must)\s+know\s+\S"
)
# The words the crew is to know: "... crew should know (that) wasp nest in the soffit".
_CREW_KNOW = re.compile(r"\b(?:crews?|installers?|the guys|our guys)\s+(?:should|needs? to|has to|have to|gotta|must)\s+know\b(?:\s+that)?\s+(\S.*)$", re.I | re.S)
_NOTE_SAYING = re.compile(
    r"(?:\bsaying\b|\bthat says\b|\bto say\b|\b(?:the|a|my|new) note (?:is|should say|should read|reads|will say)\b:?|\b(?:log|note|add|put)\b[^.]{0,40}?\bthat\b"
    # "the latest note on that job" points at the job; it says nothing.
    r"(?!\s+(?:job|one|house|account|file|customer|guy|lady|place|project)\b))\s*(.+)$",
    re.S,
)

TRADES_SAID = dict(TRADE_WORDS) | {"window": "windows", "windows": "windows", "gutter": "gutters", "gutters": "gutters"}
_CLOSED_WORDS = re.compile(r"\b(all|every|closed|lost|completed|including)\b")
# "that isnt closed", "not closed yet", "still active": the open ones after all.
_NOT_CLOSED = re.compile(r"\b(?:not|isn't|isnt|aren't|arent|never)\s+(?:yet\s+)?(?:closed|lost|completed|done)\b|\bstill (?:open|active|going)\b")
_COMPANY_LISTS = {
    "crm_list_stages": re.compile(r"\bstages?\b|\bpipeline steps\b|\bworkflow\b"),
    "crm_list_trades": re.compile(r"\btrades?\b"),
    "crm_list_referrals": re.compile(r"\breferr"),
    "crm_list_users": re.compile(r"\b(team|users?|reps|staff|people|who works|employees|estimators)\b"),
}


@dataclass
class Action:
    """What to do with one request."""

    intent: str
    agent: str
    confidence: float
    tool: str | None = None
    arguments: dict[str, Any] = field(default_factory=dict)
    # Answered at once, without a tool: a specific question or why nothing can be done.
    reply: str | None = None
    # A write waiting for a yes is approved (True) or dropped (False); None: none is waiting.
    approves: bool | None = None
    # The write waiting for a yes, corrected ("actually make it 3pm"): proposed again, not dropped.
    corrects: bool = False
    # A CRM reading that found nobody to ask about: another specialist may fit better.
    untargeted: bool = False
    focus: Focus = field(default_factory=Focus)

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT


_ASKS = re.compile(
    r"(?:(?:ok|so|and|hey|quick|q|side|real|btw|question|also|oh|um|sorry|random|unrelated|different|but|note|anyway)\b[\s,:;!-]*)*"
    r"(how|why|where|who|when|whens|what|whats|which|is|are|do|does|did|has|have|any|anything|should|can|could|would|will|"
    r"remind me|tell me|explain|refresh me)\b"
)
# A question about how the company works, not about the customer in focus: "the deposit rule on
# custom windows", "are we allowed to walk a frosty roof".
_POLICY = re.compile(
    r"\b(?:rules?|polic(?:y|ies)|allowed|supposed to|procedure|guidelines?|protocol|our process|how do (?:we|i)|do we ever|"
    r"are we allowed|can we|should (?:we|i)|in general|usually|normally|standard|good for|valid for|stays? good|stays? valid|expires?|am i ok to|ok to"
    r"|payment (?:schedule|terms)|schedule of payments)\b"
)
_AVERAGE_DEAL = re.compile(r"\b(?:avg|average|mean|typical)\b.{0,40}\b(?:deals?|sales?|ticket|contracts?|days?|values?|sizes?)\b")
_SUPPLIER = re.compile(r"\b(?:suppliers?|supplies|supply|supplied|vendors?|order\b.{1,40}\bthrough)\b")
_SCRIPT_WORDS = re.compile(r"\b(?:write|draft|script|wording|words|redo|rewrite)\b")
_WEATHER = re.compile(r"\b(?:weather|forecast)\b")
# Asked outright to look on the web: "search online for", "google the", "look onilne for", "check the web".
_ASK_THE_WEB = re.compile(
    r"^\W*(?:(?:can you|could you|pls|please|hey)\s+)?(?:google\b|(?:search|look|check|find|browse)\w*\s+(?:it\s+|that\s+|up\s+)?"
    r"(?:on\s+)?(?:online|onilne|onlne|onine|oline|onlin|on line|the web|web|the internet|internet|google)\b)"
)
_WEB_CUE = re.compile(r"\b(forecast|noaa|radar|websites?|web ?site|site|look ?up|search for|search it|search that|google it|find online|check online|news|latest|recalls?)\b")
# A question that one playbook passage covers this much of (IDF-weighted) is the playbook's.
PLAYBOOK_COVERAGE = 0.7
# When the specialist the words point to has nothing to work with, a lower share will do.
PLAYBOOK_FALLBACK = 0.45

_HOW_SOON = re.compile(r"\bhow (?:fast|long|soon|quick|quickly|often)\b")
# A price "ballpark" with nothing measured is the playbook's typical range.
_BALLPARK = re.compile(r"\b(?:ballpark|typical(?:ly)?|usually|going rate|range|rule of thumb)\b")
# A message that is only a greeting or thanks.
_GREETING_ONLY = re.compile(
    r"^\W*(?:(?:hi|hey|hello|yo|sup|morning|good (?:morning|afternoon|evening)|thanks|thank you|thx|ty|cheers|ok|okay|cool|nice|great|bye|later|there|hard-?e|again|so much|man|buddy)\W*)+$"
)

# A follow-up about the one in focus without a pronoun: "email too pls", "back to the job: who
# is the rep", "how much came in so far".
_POINTS_BACK = re.compile(
    r"\b(?:too|as well|also)\W*(?:(?:pls|please|thanks|thx)\W*)?$|^\W*(?:ok\s+|so\s+|anyway\s+)?back to\b"
    r"|\b(?:the|that|this) (?:job|customer|homeowner|house|one|place|deal|project)\b|\bso far\b"
)

# A question about the company itself ("our online rating", "do we ..."): the playbook knows us.
_OURS = re.compile(r"\b(?:our|ours|we|us)\b")

# The asker speaking of themselves as the rep: "my calendar", "my open jobs", "what do i have tmrw".
_ME = re.compile(r"\b(my|mine|i (have|got|had)|do i|am i|have i|i'?m)\b")


@dataclass
class Mentions:
    """Who and what a request names, linked against the directory."""

    job_ids: list[int] = field(default_factory=list)
    missing_job: str | None = None
    customer_ids: list[int] = field(default_factory=list)
    user_ids: list[int] = field(default_factory=list)
    trades: list[str] = field(default_factory=list)
    towns: list[str] = field(default_factory=list)
    named_person: bool = False  # a first/last name pair or a known name was said
    # A first name said before a known surname that no customer of that surname has ("sarah johnson").
    unknown_first: str | None = None
    by_contact: bool = False  # a customer was named by a phone number or email we have
    # A name said where a customer's name goes that nobody in the CRM has ("the ferreira roof",
    # "kevin obriens balance"), as said: answered "I don't have a customer named ...", never guessed.
    unknown_name: str | None = None


class Reader:
    def __init__(self, classifier: IntentClassifier | None = None, products: frozenset[str] = frozenset()) -> None:
        self._classifier = classifier
        # Words naming the catalog's products ("hdz", "underlayment", "carvedwood"): with a price
        # word and no customer named, the question is for the estimator.
        self.products = products

    @property
    def classifier(self) -> IntentClassifier:
        if self._classifier is None:
            self._classifier = default_classifier()
        return self._classifier

    # --- the one entry point --------------------------------------------------------------
    def read(
        self,
        text: str,
        focus: Focus,
        directory: Directory,
        now: dt.datetime,
        *,
        pending: str | None = None,
        pending_calls: Sequence[Mapping[str, Any]] = (),
        workflow: str | None = None,
        me: int | None = None,
        kb: float = 0.0,
        web: bool = True,
    ) -> Action:
        """`pending_calls` are the writes waiting for a yes ({"tool", "arguments"} each): a
        correction of one ("actually make it 3pm", "wrong job, its 1025") is read into a new
        proposal, which waits for its own yes. `me` is the CRM user id of whoever is asking: "my calendar", "my open jobs" are theirs.
        `kb` is how much of the question one playbook passage speaks to (0 to 1,
        KnowledgeBase.coverage): a question the playbook answers goes there when nothing in it
        is for another specialist. `web`: whether web search is set up; without it a question the
        playbook speaks to is answered from there rather than with "web search is off"."""
        text = fix_ask_typos(text)  # "the note sould say ...": the ask's words spelled right, the note's as typed
        aside = _SIDE_NOTE.match(text)
        if aside is not None and (_ASKS.match(normalise(aside.group(1))) or _PRICE_WORDS.search(normalise(aside.group(1))) or "?" in aside.group(1)):
            # "side note, price on a 3x4 elbow": "side note" says "by the way"; a question follows, not a note.
            text = aside.group(1)
        # "hey hard-e could u ...", "when you get a sec add a note ...": the courtesy is not the ask.
        text = _COURTESY_AFTER.sub("", _COURTESY.sub("", text, count=1), count=1) or text
        # Spaces collapse first, so padding does not push the words past ENTITY_CHARS.
        low = normalise(text)[:ENTITY_CHARS]
        action = self._read_turn(text, low, _by_pronoun(low, focus, directory), directory, now, pending, pending_calls, workflow, me, kb, web)
        return _remember(action, focus)

    def _read_turn(
        self,
        text: str,
        low: str,
        focus: Focus,
        directory: Directory,
        now: dt.datetime,
        pending: str | None,
        pending_calls: Sequence[Mapping[str, Any]],
        workflow: str | None,
        me: int | None,
        kb: float,
        web: bool = True,
    ) -> Action:
        scores = self.classifier.scores(low)
        if pending is not None:
            if is_affirmative(text):
                return Action("confirm", pending, 1.0, approves=True, focus=focus)
            corrected = self._correction(text, low, pending_calls, focus, directory, now)
            if corrected is not None:
                corrected.approves, corrected.corrects = False, True
                return corrected
            if scores.intent == "cancel" or (len(low.split()) <= 3 and scores.intent in ("confirm", "smalltalk")):
                return Action("cancel", pending, scores.confidence, approves=False, reply="Cancelled: nothing was changed.", focus=focus)
            action = self._read(text, low, scores, focus, directory, now, workflow=workflow, me=me, kb=kb, web=web)
            action.approves = False
            return action
        if is_affirmative(text) and workflow is None and not (focus.clarification is not None and re.search(r"\d", text)):
            # "go with #1063" answers a "which one?"; only a bare yes has nothing to approve.
            return Action("confirm", "triage", 1.0, reply="There is nothing waiting for a yes right now; nothing was changed.", focus=focus)
        if scores.intent == "cancel" and scores.confidence >= CONFIDENT and workflow is None and len(low.split()) <= 6:
            return Action("cancel", "triage", scores.confidence, reply="Nothing is waiting to be done, so nothing was changed.", focus=focus)
        return self._read(text, low, scores, focus, directory, now, workflow=workflow, me=me, kb=kb, web=web)

    def _read(
        self,
        text: str,
        low: str,
        scores: IntentScores,
        focus: Focus,
        directory: Directory,
        now: dt.datetime,
        *,
        workflow: str | None,
        me: int | None = None,
        kb: float = 0.0,
        web: bool = True,
    ) -> Action:
        quoted_note = bool(_QUOTED.search(text[:4000])) and bool(re.match(r"^\W*(?:(?:pls|please|can you)\s+)?(?:log|note|jot|put|add|write|stick|drop)\b", low))
        dictated = bool(_NOTE_DICTATED.search(low) or _NOTE_AFTER_NAME.search(text[:4000]) or _NOTE_LABEL.match(low)) and not (_ASKS.match(low) or low.rstrip().endswith("?"))
        if (scores.intent != "crm.add_note" or scores.confidence < CONFIDENT) and workflow is None and (
            ((_NOTE_START.match(low) or quoted_note or dictated) and _note_body(text))
            # "heads up on thomas costa window job ho wants pics ...", "for the file on job 1049 the driveway ...":
            # the words after the job they are for.
            or (_NOTE_START.match(low) and not (_ASKS.match(low) or low.rstrip().endswith("?")) and self._body_after_reference(text, directory))
            or (not (_ASKS.match(low) or low.rstrip().endswith("?")) and _for_the_notes(text, directory))
        ):
            # "jot on his file: ...", "fyi on job 1003, ...", "add to that one - ...": a note, whatever else it mentions.
            scores = IntentScores((("crm.add_note", max(scores.confidence, CONFIDENT)), *scores.ranked))
        if scores.intent == "crm.add_note" and _asks_only_fields(_note_body(text)):
            # "need to call gary wong - number pls": a field asked after a dash, not a note.
            scores = IntentScores((("crm.facts", max(scores.confidence, CONFIDENT)), *scores.ranked))
        mentions = self.mentions(text, low, directory)
        body = _note_body(text) if scores.intent == "crm.add_note" else ""
        at = text.find(body) if body else -1
        if at > 0:
            # The note's own words are data: "note for melissa: gutter guard samples dropped off"
            # names Melissa, not the one Melissa with a gutter job.
            head = text[:at]
            said = self.mentions(head, normalise(head)[:ENTITY_CHARS], directory)
            if said.customer_ids or said.job_ids or said.named_person or said.towns or said.trades or focus.customer_id or focus.job_id:
                mentions = said
        if (
            me is not None and me in directory.users and scores.intent in ("crm.calendar", "crm.rep_jobs", "crm.facts")
            and _ME.search(low) and not (mentions.user_ids or mentions.customer_ids or mentions.job_ids)
        ):
            # "my calendar", "what do i have tmrw": the asker is the rep meant.
            mentions.user_ids.append(me)
        hypothetical = scores.intent == "knowledge" and bool(_OPENS_WITH_IF.match(low))  # "if they finance do they still pay deposit"
        if (
            (_ASIDE.match(low) or hypothetical) and (focus.customer_id or focus.job_id or focus.clarification)
            and (hypothetical or not (_PRONOUNS.search(_GENERIC_IF.sub(" ", _EXPLETIVE_IT.sub(" ", low))) or _POINTS_BACK.search(low)))
            and workflow is None
        ):
            # "side question whats deposit %": not about the one in focus, nor the answer to a
            # "which one?" (that question is dropped); the one in focus stays for what comes next.
            aside = self._read(
                text, low, scores, replace(focus, customer_id=None, job_id=None, clarification=None), directory, now, workflow=workflow, me=me, kb=kb, web=web
            )
            if aside.focus.customer_id is None and aside.focus.job_id is None:
                aside.focus = replace(aside.focus, customer_id=focus.customer_id, job_id=focus.job_id)
            return aside
        if focus.clarification is not None:
            picked = self._pick(focus.clarification, low, mentions, directory)
            if picked is not None:
                return picked
            clar = focus.clarification
            asked_now = fields_asked(low)
            names_none = not (mentions.customer_ids or mentions.job_ids or mentions.named_person)
            if names_none and scores.intent in _WRITES and clar.fills == "customer":
                # A write before the "which one?" is answered ("put a note on it: ..."): ask about it instead.
                asked_write = self._write_for_candidates(text, low, scores, mentions, clar, directory, now)
                if asked_write is not None:
                    return replace(asked_write, focus=replace(focus, clarification=asked_write.focus.clarification))
            if asked_now and names_none and clar.tool == "crm_facts" and (_PRONOUNS.search(low) or len(low.split()) <= 5):
                # "and her email?" before the "which one?" is answered: keep asking, about the new field.
                kept = replace(clar, arguments={**clar.arguments, "fields": asked_now})
                return Action(clar.intent, "crm", 0.6, reply=clar.question, focus=replace(focus, clarification=kept))
            if scores.confidence < CONFIDENT or len(low.split()) <= 3:
                return Action(
                    focus.clarification.intent,
                    "crm",
                    0.4,
                    reply=f"Sorry, I still need to know: {focus.clarification.question}",
                    focus=focus,
                )
        focus = replace(focus, clarification=None)
        intent, confidence = scores.intent, scores.confidence
        if intent == "crm.create_job" and confidence < CONFIDENT and not _CREATE_CUE.search(low) and not (mentions.job_ids or mentions.missing_job):
            # "payment schedule on a siding job over 40k": a job spoken of, none asked for; the next reading.
            intent, confidence = next(((i, p) for i, p in scores.ranked if i not in _WRITES and i != "new_clients"), ("knowledge", UNSURE))
        if not re.search(r"[a-z]{2}", low):
            # No words at all: a bare phone or job number is a look-up; anything else is not understood.
            if mentions.customer_ids or mentions.job_ids:
                intent, confidence = "crm.facts", CONFIDENT
            else:
                return Action("smalltalk", "triage", 0.0, reply=self._unsure(scores), focus=focus)
        if intent in ("confirm", "cancel"):
            intent, confidence = "smalltalk", 0.3
        agent = AGENT_OF.get(intent, "triage")
        gives_details = (
            workflow == "new_clients"
            and bool(_CONTACT_GIVEN.search(low))
            and not any(_full_name_said(low, directory.customers[c]) for c in mentions.customer_ids if c in directory.customers)
        )
        asks_the_crm = (
            workflow == "new_clients" and not gives_details and bool(_ASKS.match(low))
            and bool(fields_asked(low)) and bool(mentions.customer_ids or mentions.job_ids)
        )
        if workflow is not None and agent != workflow and (confidence < 0.75 or intent == "smalltalk" or gives_details) and not asks_the_crm:
            # "forgot the address, its 9 old orchard ln maynard": a detail for the customer being taken down.
            # A reply inside a workflow (an intake's missing phone, a script change) stays there; a
            # question about a customer we have ("whats costas phone number again") does not.
            return Action(workflow, workflow, confidence, focus=replace(focus, agent=workflow))
        # A short follow-up that asks a field of the one in focus is a CRM question, whatever it resembles.
        asked = fields_asked(low)
        points_back = (
            bool(_PRONOUNS.search(low) or _POINTS_BACK.search(low))
            or low.startswith(("and ", "& ", "what about", "how about", "ok and", "also"))
        )
        named = bool(mentions.customer_ids or mentions.job_ids)
        # "ok so on that one she signed today!": news of a stage about the job in focus, however unsure the words.
        moves_focus_stage = (
            intent == "crm.change_stage" and points_back and bool(focus.customer_id or focus.job_id)
            and self._stage(low, directory, after_verb=True) is not None
        )
        reported = bool(_reported(text)) and not (_ASKS.match(low) or low.rstrip().endswith("?"))
        if (
            not intent.startswith("crm.")
            and asked
            and not reported  # "she told me the check is in the mail": news, not her email asked
            and (
                named or (points_back and (focus.customer_id or focus.job_id))
                # "contract price?", "what do notes say" right after a look-up: that job's.
                or (bool(focus.customer_id or focus.job_id) and len(low.split()) <= 4 and not _IN_GENERAL.search(low)
                    and not (_POLICY.search(low) or _WHAT_TO_SAY.search(low) or _SCRIPT_WORDS.search(low)))
                # "sold for how much" right after a look-up: the job's, not a price to work out.
                or (intent == "pricing" and bool(focus.customer_id or focus.job_id) and len(low.split()) <= 5
                    and not _has_measure(parse_question(text)) and not self.products.intersection(_WORD.findall(low)))
            )
            and len(low.split()) <= 12
            # A customer's phone, email or address asked by name is the CRM's however it is put ("how do i reach santos").
            and (
                confidence < 0.8 or points_back
                or (named and bool({"phone", "email", "address"} & set(asked)) and not _SCRIPT_WORDS.search(low))
                # "when do i see thomas mccarthy aagin": one customer named and a field of theirs
                # asked, nothing about how things are done or what to say.
                or (intent == "knowledge" and len(set(mentions.customer_ids)) == 1 and not mentions.job_ids
                    and not (_SCRIPT_WORDS.search(low) or _POLICY.search(low) or _WHAT_TO_SAY.search(low)))
            )
        ):
            # A field of a customer or job named, or of the one in focus, is a CRM question whatever it resembles.
            intent, agent, confidence = "crm.facts", "crm", max(confidence, CONFIDENT)
        if (
            intent == "crm.add_note" and "notes" in asked and workflow is None
            and (low.rstrip().endswith("?") or _ASKS.match(low) or len(low.split()) <= 5)
            and not _WRITE_VERB.search(low)
            and not (_note_body(text) or _note_after_ask(text) or _reported(text))
        ):
            # "1004 notes?", "julie castillos roof notes": the notes asked for, with nothing to write.
            intent, agent, confidence = "crm.facts", "crm", max(confidence, CONFIDENT)
        if intent in _WRITES and workflow is None and not self._has_content(intent, text, low, mentions, directory, now):
            # "daniel reilly roof - can you note that power line ...", read first as a stage move
            # with no stage: the next reading that is a write with what it needs, if one is close.
            fuller = next(
                (i for i, p in scores.ranked[1:3] if i in _WRITES and p >= 0.15 and self._has_content(i, text, low, mentions, directory, now)),
                None,
            )
            if fuller is not None:
                intent, agent, confidence = fuller, "crm", max(confidence, CONFIDENT)
        if (
            (
                # "pull up the andover siding pls": a look-up however unsure, once the job is named
                ((not intent.startswith("crm.") or intent == "crm.facts" or (intent == "crm.create_job" and re.search(r"\bthe\b", low))) and confidence < CONFIDENT)
                # "the gutter job in plymouth stats check", "bring up roof job out in quincy": a
                # write with nothing to write is a look-up, however sure the words are of a write
                or (intent in _WRITES and not self._has_content(intent, text, low, mentions, directory, now))
            )
            and workflow is None
            and self._names_one_job(mentions, directory)
            and not (_POLICY.search(low) or _WHAT_TO_SAY.search(low) or _SCRIPT_WORDS.search(low) or _ON_THE_WEB.search(low))
            # "how much is natick roof sold for" asks that job's price; "ballpark on a nashua roof" a price to work out.
            and not (_PRICE_WORDS.search(low) and not {"contract_amount", "balance", "deposit", "payments"} & set(asked))
        ):
            # "pull the nashua roof for me", "any news on russo siding": one of our jobs, named by its
            # trade and its town or its customer, and nothing else asked: that job, whatever the words resemble.
            intent, agent, confidence = "crm.facts", "crm", CONFIDENT
            if not (mentions.job_ids or mentions.customer_ids):
                mentions.job_ids = [self._town_jobs(mentions, directory)[0].id]
            named = True
        if (
            (intent != "crm.add_note" or confidence < CONFIDENT) and workflow is None
            and (
                ((_WRITE_DOWN.search(low) or _REMEMBER.search(low)) and (named or ((focus.customer_id or focus.job_id) and points_back)))
                # "also skylight over the kitchen leaks a little note that": the words, then the ask.
                or (_words_before_tail(text) >= 3 and bool(named or focus.customer_id or focus.job_id))
                # "put in there ho said money is tight, show the financing": the job in focus's notes.
                or (bool(focus.customer_id or focus.job_id) and not named and bool(_note_after_ask(text)))
                # "anyways for his job he also said basement floods when the gutters overflow": what
                # the homeowner said, reported about the one in focus, not asked.
                or (bool(focus.customer_id or focus.job_id) and not (mentions.customer_ids or mentions.job_ids)
                    and (intent == "crm.add_note" or intent not in _WRITES or confidence < CONFIDENT) and reported)
            )
        ):
            # "for job no 1015 write down old skylight leaks": words for the job's notes.
            intent, agent, confidence = "crm.add_note", "crm", max(confidence, CONFIDENT)
        if (
            intent != "crm.stage_jobs" and not named and not _PRONOUNS.search(low) and _LIST_WORDS.search(low) and self._stage(low, directory)
            and not _HOW_SOON.search(low)  # "how fast do we close out punch list items" asks the process
        ):
            intent, agent, confidence = "crm.stage_jobs", "crm", max(confidence, CONFIDENT)  # "pull the lost list"
        if intent == "new_clients" and not named and re.search(r"\b(?:leads|jobs|deals)\b", low) and self._stage(low, directory) and not _CONTACT_GIVEN.search(text):
            # "any brnad new leads in the system": the jobs in Lead, not a customer called Any.
            intent, agent, confidence = "crm.stage_jobs", "crm", max(confidence, CONFIDENT)
        if intent == "crm.calendar" and not named and day_range(low, now) is not None and re.search(r"\b(?:what do (?:we|i) have|whats on|what is on|going on|on the books|booked|scheduled|lined up)\b", low):
            # "what do we have going on wednesday whole team": the day's visits, not a script that names a day.
            confidence = max(confidence, CONFIDENT)
        if (
            (intent != "pricing" or confidence < CONFIDENT)
            and not named
            and self.products
            and not _ON_THE_WEB.search(low)
            and not (intent == "web_search" and _WEB_CUE.search(low))
            and (self.products.intersection(_WORD.findall(low)) or _PRODUCT_PHRASE.search(low))
            and (_PRICE_WORDS.search(low) or parse_question(text).intent == "lookup" or _SO_MANY_OF.match(low))
            and not (_NOT_MONEY.search(low) and not _MONEY_SAID.search(low))
            and (not intent.startswith("crm.") or not (focus.customer_id or focus.job_id) or not points_back)
            and not (intent == "new_clients" and confidence >= CONFIDENT)  # "clementine rourke / vinyl siding / ..." is a dictation
            and not (intent == "analysis" and re.search(r"\b(?:rachel|director|calls?)\b", low))  # "how did rachel sell fiberglass on the concord call"
        ):
            intent, agent, confidence = "pricing", "pricing", max(confidence, CONFIDENT)
        if (
            intent == "knowledge" and confidence < 0.75 and not _IN_GENERAL.search(low) and not _LATE_QUESTION.search(low)
            and (named or (mentions.trades and _PRONOUNS.search(low) and (focus.customer_id or focus.job_id)))
            and not mentions.user_ids and not _PRICE_WORDS.search(low)
        ):
            # "i need the info on 1004", "whats happening on windows for him": that job, not the playbook.
            intent, agent, confidence = "crm.facts", "crm", max(confidence, CONFIDENT)
        if (
            intent == "pricing" and confidence < CONFIDENT and not named and kb >= PLAYBOOK_FALLBACK
            and _NOT_MONEY.search(low) and not _MONEY_SAID.search(low)
        ):
            # "how much r value does insulated vinyl add": how much of a property, which the playbook tells.
            intent, agent, confidence = "knowledge", "knowledge", max(confidence, UNSURE)
        if (
            confidence < UNSURE and not (mentions.customer_ids or mentions.job_ids or mentions.user_ids or asked)
            # "ok so on that one she signed today!": news about the job in focus, not a question.
            and not moves_focus_stage
            # "write in there they asked about the military discount": a note's words, not a question.
            and not (intent == "crm.add_note" and (_note_body(text) or _note_after_ask(text) or _reported(text)))
            # "windows up in nashua, rundown pls": one of our jobs, by its trade and town, is looked at
            and not (intent == "crm.facts" and mentions.towns and mentions.trades and self._names_one_job(mentions, directory))
            and self._reads_as_a_question(low)
        ):
            # A real question nobody is sure of: the playbook answers it, or says plainly it has nothing.
            intent, agent, confidence = "knowledge", "knowledge", UNSURE
        if (
            kb >= PLAYBOOK_COVERAGE
            and (intent != "knowledge" or confidence < CONFIDENT)
            and workflow is None
            and not (mentions.customer_ids or mentions.job_ids or mentions.user_ids or mentions.missing_job)
            # "also how long do propsals stay good": a question of how things are done, even after "also".
            and not (
                ((points_back and not (_POLICY.search(low) and not _PRONOUNS.search(low))) or (asked and not _POLICY.search(low)))
                and (focus.customer_id or focus.job_id)
            )
            and not (intent == "pricing" and _SO_MANY_OF.match(low))
            and (intent == "knowledge" or self._playbook_answers(intent, text, low, directory, now))
        ):
            # One playbook passage speaks to nearly all of it, and nothing in it is another
            # specialist's to do ("how many words should a primer video script be").
            intent, agent, confidence = "knowledge", "knowledge", max(confidence, CONFIDENT)
        nobody_named = not (mentions.customer_ids or mentions.job_ids or mentions.user_ids or mentions.missing_job)
        if (
            intent != "knowledge"
            and kb >= PLAYBOOK_FALLBACK
            and workflow is None
            and nobody_named
            # "unpaid amout on roof in marlborough?": a field of the one job of that trade and town.
            and not (intent == "crm.facts" and (asked or (mentions.towns and mentions.trades)) and self._names_one_job(mentions, directory))
            # With someone in focus, only a question about how things are done ("how long is a
            # proposal good for") leaves them for the playbook.
            and (not (focus.customer_id or focus.job_id) or (_POLICY.search(low) and not points_back))
            and (
                (intent == "pricing" and not _SO_MANY_OF.match(low))
                or (intent == "web_search" and (confidence < CONFIDENT or not web or _OURS.search(low)) and not _ASK_THE_WEB.search(low))
                or (intent.startswith("crm.") and self._reads_as_a_question(low))
            )
            and self._playbook_answers(intent, text, low, directory, now)
        ):
            # Nothing the catalog can price, or a CRM reading with nobody to look up, and the
            # playbook speaks to much of it ("ballpark per foot if they push", "can we reroof in winter").
            intent, agent, confidence = "knowledge", "knowledge", max(confidence, UNSURE)
        if (
            intent != "knowledge"
            and kb >= 0.95
            and confidence < 0.6
            and workflow is None
            and nobody_named
            and not (focus.customer_id or focus.job_id)
            and not _ABOUT_CALLS.search(low)
            and (intent in ("analysis", "web_search") or intent.startswith("crm."))
            and not (intent == "web_search" and _WEB_CUE.search(low))
            and not (intent == "crm.calendar" and day_range(low, now) is not None)  # "wed whatts on schedule"
            # "whos in follow up right now": who is in that stage, the list.
            and not (intent.startswith("crm.") and (_LIST_WORDS.search(low) or re.search(r"\b(?:show|pull|list|all)\b|\bwho(?: is| are|s|'s)? (?:still )?(?:in|at|sitting in)\b", low)) and self._stage(low, directory))
        ):
            # One playbook passage answers all of it and the other reading is unsure
            # ("whats the 144 month financing rate"): the playbook's.
            intent, agent, confidence = "knowledge", "knowledge", max(confidence, CONFIDENT)
        if intent == "knowledge" and kb < UNSURE and nobody_named and workflow is None and day_range(low, now) is not None and not _POLICY.search(low):
            # "what do we got the 3rd": a day the playbook knows nothing of is the calendar's.
            intent, agent, confidence = "crm.calendar", "crm", max(confidence, UNSURE)
        if (
            intent in ("knowledge", "analysis") and nobody_named and workflow is None and _BOOKED_KINDS.search(low)
            and day_range(low, now) is not None and not (_POLICY.search(low) or _WHAT_TO_SAY.search(low) or _SCRIPT_WORDS.search(low))
        ):
            # "inspections on mon 12/14": the visits booked that day, not how inspections are done.
            intent, agent, confidence = "crm.calendar", "crm", max(confidence, CONFIDENT)
        if intent == "analysis" and _FINANCING_TERMS.search(low) and not _ABOUT_CALLS.search(low) and workflow is None:
            # "84 mo financing rate", "rate on 84 mo plan?": the programs we offer, not a figure from the calls.
            intent, agent, confidence = "knowledge", "knowledge", max(confidence, CONFIDENT)
        if intent.startswith("crm.") and _AVERAGE_DEAL.search(low) and not (mentions.customer_ids or mentions.job_ids):
            # "avg deal size on the roofing deals we closed": a figure from the director's calls,
            # where every deal's value is recorded; the CRM lists jobs, it does not average them.
            intent, agent, confidence = "analysis", "analysis", max(confidence, CONFIDENT)
        if intent in ("knowledge", "crm.facts", "crm.calendar") and len(set(mentions.customer_ids)) == 1 and _WHAT_TO_SAY.search(low) and not fields_asked(_WHAT_TO_SAY.sub(" ", low).replace("visit", " ").replace("appointment", " ")):
            intent, agent = "scripting", "scripting"  # "draft what i should say to colleen at appt": her script
        if intent in ("crm.facts", "crm.calendar") and re.search(r"\bscript\b", low) and mentions.customer_ids:
            intent, agent = "scripting", "scripting"  # "help me script my appt with julie"
        if (
            intent in ("crm.facts", "crm.calendar", "crm.book") and mentions.customer_ids and workflow is None
            and re.search(r"\b(?:write|draft|put together|whip up|come up with|work up)\b.{0,30}\b(?:pitch|script|spiel)\b", low)
        ):
            intent, agent, confidence = "scripting", "scripting", max(confidence, CONFIDENT)  # "can you write up a pitch for james lynch"
        if (
            intent == "scripting" and confidence < CONFIDENT and (mentions.customer_ids or mentions.job_ids)
            and not re.search(r"\b(?:scripts?|primers?|vid(?:eo)?s?|write|draft|pitch|say|wording|lines?|open(?:er|ing)?)\b", low)
        ):
            intent, agent, confidence = "crm.facts", "crm", CONFIDENT  # "cehck steven kaplan for me real quick": a look-up
        if intent == "crm.primer_video" and _SCRIPT_WORDS.search(low):
            intent, agent = "scripting", "scripting"  # "write me a primer video for colleen": the script first
        if (
            intent != "web_search" and (_ON_A_SITE.search(low) or _ASK_THE_WEB.search(low))
            and not (mentions.customer_ids or mentions.job_ids) and workflow is None
        ):
            # "the lead paint rules on the epa site", "search online for the best r value vinyl", "look onilne for ..."
            intent, agent, confidence = "web_search", "web_search", max(confidence, CONFIDENT)
        if intent in ("knowledge", "crm.company") and _SUPPLIER.search(low) and parse_question(low).intent == "lookup" and not named:
            intent, agent, confidence = "pricing", "pricing", max(confidence, CONFIDENT)  # "supplier for the picture window": the catalog's
        if (intent != "web_search" and _WEATHER.search(low) and not intent.startswith("crm.")) or (
            intent in ("crm.calendar", "crm.facts") and _WEATHER.search(low)
            and not (_JOB_NUMBER.search(low) or _JOB_ID.search(low) or mentions.named_person or mentions.by_contact)
        ):
            # A town is where the weather is, not a customer: "the noaa forecast for quincy tmrw, im on a roof all day".
            intent, agent, confidence = "web_search", "web_search", max(confidence, CONFIDENT)  # "the weather for worcester this weekend"
        single_job = intent == "crm.stage_jobs" and bool(mentions.towns and mentions.trades) and not re.search(r"\bjobs\b", low) and bool(_JOB_WORD.search(low))
        stage_clause = _STAGE_CLAUSE.search(low) if (intent == "crm.facts" or single_job) and not (_ASKS.match(low) or low.rstrip().endswith("?")) else None
        if stage_clause is not None and re.search(r"\b(?:when|what|whats|where|how|who|which|why)\b", stage_clause.group(1)):
            stage_clause = None  # "#2609-1067 - install scheduled for when": a question after all
        if (
            # A "note" with no word of one ("job 1024 asked for more time") is news of the stage too.
            intent != "crm.change_stage" and workflow is None and (_stage_news(low, directory) or _learned_news(low, directory))
            and not _NOTE_CUE.search(low) and not (intent == "crm.add_note" and (_note_body(text) or _note_after_ask(text)))
            and (mentions.job_ids or mentions.customer_ids or (mentions.towns and mentions.trades) or focus.job_id or focus.customer_id)
            and not (_ASKS.match(low) or low.rstrip().endswith("?"))
            # "they want to think about it, what do i say": the playbook is asked, nothing moved
            and not (intent in ("knowledge", "scripting") and _LATE_QUESTION.search(low))
            # "and the install date on that one": a field asked, with no word of anything happening
            and not (intent == "crm.facts" and asked and not _stage_news(low, directory) and not _NEWS_VERB.search(low) and not _NEWS_STATE.search(low))
        ):
            # "1002 went with the other guy", "were done at denises windows crew wrapped up": news that moves the job.
            intent, agent, confidence = "crm.change_stage", "crm", max(confidence, CONFIDENT)
        if (
            intent not in ("crm.book", "crm.reschedule") and workflow is None and not _NOTE_CUE.search(low)
            and appointment_kind(low) and (visit_at := moment(low, now)) is not None and visit_at.has_time
            and (mentions.job_ids or mentions.customer_ids or (mentions.towns and mentions.trades) or focus.job_id or focus.customer_id)
            and not (_ASKS.match(low) or low.rstrip().endswith("?"))
            # "... a color pick tmrw at noon, what do i bring": the playbook is asked, nothing booked
            and not (intent in ("knowledge", "scripting") and _LATE_QUESTION.search(low))
        ):
            # "2610-1014 wants us out next tues 9am for a proposal sitdown", "the ho wants a color
            # pick day after tmrw at noon": a visit, a day and a time for a job: a booking to propose.
            intent, agent, confidence = "crm.book", "crm", max(confidence, CONFIDENT)
        if stage_clause is not None and (mentions.job_ids or mentions.customer_ids or focus.job_id or single_job) and self._stage(stage_clause.group(1), directory):
            # "got the deposit on #1025, its signed", "... - paid and closed", "the roof job in
            # nashua install got put on the board, scheduled": news that moves the job.
            intent, agent, confidence = "crm.change_stage", "crm", max(confidence, CONFIDENT)
        if (
            (intent in ("web_search", "knowledge", "analysis", "smalltalk", "new_clients") or (intent in _WRITES and confidence < CONFIDENT))
            and (mentions.customer_ids or mentions.job_ids) and (_HOW_IS.match(low) or _LOOK_AT.match(low) or _STATUS_AFTER.search(low)) and workflow is None
            and not (_ON_THE_WEB.search(low) or _ASK_THE_WEB.search(low))
        ):
            # "hows diane russo coming along", "where are we on 1025": the job's status.
            intent, agent, confidence = "crm.facts", "crm", max(confidence, CONFIDENT)
        if (
            intent == "web_search" and workflow is None and mentions.customer_ids and mentions.towns
            and not (_WEB_CUE.search(low) or _ON_THE_WEB.search(low) or _ASK_THE_WEB.search(low) or _WEATHER.search(low))
            and any(j.city.casefold() in mentions.towns for c in mentions.customer_ids for j in directory.jobs_of(c))
        ):
            # "morrison in cranston whats going on w it", "pull wong in andover up": our customer
            # with a job in that town, not a search of the town.
            intent, agent, confidence = "crm.facts", "crm", max(confidence, CONFIDENT)
        if intent == "crm.primer_video" and _ABOUT_PRIMERS.search(low) and not _MAKE_PRIMER.search(low):
            # "how long should a primer video run": the playbook's rule, not a video to make.
            intent, agent, confidence = "knowledge", "knowledge", max(confidence, CONFIDENT)
        if (
            (intent.startswith("crm.") or intent == "knowledge" or (intent == "web_search" and not _WEB_CUE.search(low)))
            and _GENERAL_QUESTION.search(low) and kb >= UNSURE
            and not (mentions.customer_ids or mentions.job_ids or mentions.user_ids) and not _PRONOUNS.search(low) and workflow is None
        ):
            # "how far apart are gutter hangers supposed to be" with a job in focus: the playbook's.
            intent, agent, confidence = "knowledge", "knowledge", max(confidence, CONFIDENT)
        if intent == "crm.change_stage" and _PULL_UP.search(low) and not self._stage(low, directory):
            intent, agent = "crm.facts", "crm"  # "pull the braintree window job up": a look, not a move
        if intent == "crm.create_job" and _ASKS.match(low) and not re.search(r"\b(?:add|open|create|start|set up|new)\b", low):
            # "hows windows job for carter coming along": a question about the job, not a new one.
            intent, agent = "crm.facts", "crm"
        if intent == "smalltalk" and (mentions.customer_ids or mentions.job_ids) and workflow is None:
            # "can u check 1049", "can u check lisa fitzgerald": a greeting never names a customer.
            intent, agent, confidence = "crm.facts", "crm", max(confidence, CONFIDENT)
        if (
            not intent.startswith("crm.")
            and nobody_named
            and mentions.towns
            and mentions.trades
            and (_JOB_WORD.search(low) or _PULL_UP.search(low) or _LOOK_AT.match(low) or _HOW_IS.match(low) or _STATUS_AFTER.search(low))
            and not (_ON_THE_WEB.search(low) or (intent == "web_search" and _WEB_CUE.search(low)))
            and workflow is None
            and self._town_jobs(mentions, directory)
        ):
            # "can u check the salem roof job": our job of that trade in that town (asked which, if several).
            intent, agent, confidence = "crm.facts", "crm", max(confidence, CONFIDENT)
        if (
            mentions.unknown_name
            and nobody_named
            and workflow is None
            and intent not in ("new_clients", "scripting", "web_search")
            and (intent.startswith("crm.") or asked or mentions.trades or _CRM_WORDS.search(low))
        ):
            # "whats the status on the ferreira roof" with no Ferreira: the CRM says so.
            intent, agent, confidence = ("crm.facts" if not intent.startswith("crm.") else intent), "crm", max(confidence, CONFIDENT)
        if intent == "new_clients" and len(mentions.customer_ids) == 1 and _full_name_said(low, directory.customers[mentions.customer_ids[0]]) and not _CONTACT_GIVEN.search(low):
            # A customer we have, named in full with no new details: a look-up, not a new customer.
            intent, agent, confidence = "crm.facts", "crm", max(confidence, CONFIDENT)
        if (
            (intent == "crm.company" or not intent.startswith("crm."))
            and mentions.by_contact
            and len(set(mentions.customer_ids)) == 1
            and _LOOKS_UP.search(low)
        ):
            # "who is 508-555-0147", "find customer sjohnson@example.net": a customer we have, by their number.
            intent, agent, confidence = "crm.facts", "crm", max(confidence, CONFIDENT)
        if (
            workflow is None and mentions.user_ids and not (mentions.customer_ids or mentions.job_ids) and not intent.startswith("crm.")
            and _REP_HOLDS.search(low) and day_range(low, now) is None
        ):
            # "everything mike reed has thats not closed": the rep's open jobs.
            intent, agent, confidence = "crm.rep_jobs", "crm", max(confidence, CONFIDENT)
        if (
            workflow is None and nobody_named and mentions.trades and not mentions.towns and focus.customer_id in directory.customers
            and not intent.startswith("crm.") and len(low.split()) <= 6 and _THE_OTHER_ONE.search(low)
            and len([j for j in directory.jobs_of(focus.customer_id) if mentions.trades[0] in j.trades]) == 1
        ):
            # "ok now gutters one", "what about the windows one": the customer in focus's job of that trade.
            intent, agent, confidence = "crm.facts", "crm", max(confidence, CONFIDENT)
        if (
            workflow is None and nobody_named and kb >= PLAYBOOK_FALLBACK and not mentions.unknown_name
            and (
                (intent == "smalltalk" and not _GREETING_ONLY.match(low))
                or (confidence < UNSURE and not intent.startswith("crm.") and intent != "web_search")
                or (intent == "new_clients" and confidence < 0.5 and not _CONTACT_GIVEN.search(low) and not mentions.named_person
                    and len(re.findall(r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d)\b", low)) < 3
                    and not re.search(r"\b(?:new (?:customer|lead|client|prospect|homeowner|one)|(?:add|create|enter) (?:a |an |this |the )?(?:new )?(?:customer|lead|client|prospect)|take down|intake|prospect)\b", low))
                or (intent == "pricing" and _BALLPARK.search(low) and not _has_measure(parse_question(text)))
                or (intent == "pricing" and parse_question(text).intent == "downspouts" and not _has_measure(parse_question(text)))
            )
        ):
            # "reverse curve hoods - worth it or no", "essential package - new step flashing or
            # reused", "gutter guards ballpark per foot": nothing for another specialist to act
            # on, and the playbook speaks to it.
            intent, agent, confidence = "knowledge", "knowledge", max(confidence, UNSURE)
        if not intent.startswith("crm."):
            if confidence < UNSURE and not mentions.customer_ids and not mentions.job_ids:
                return Action(intent, "triage", confidence, reply=self._unsure(scores), focus=focus)
            if intent == "smalltalk":
                return Action(intent, "triage", confidence, reply=_HELLO, focus=focus)
            if intent == "scripting":
                return self._script(low, mentions, focus, directory, confidence)
            return Action(intent, agent, confidence, focus=replace(focus, agent=agent, intent=intent))
        if confidence < UNSURE and not (mentions.customer_ids or mentions.job_ids or mentions.user_ids or asked or moves_focus_stage):
            return Action(intent, "triage", confidence, reply=self._unsure(scores), focus=focus)
        if (
            intent in _WRITES
            and nobody_named
            and not (focus.customer_id or focus.job_id)
            and kb >= (PLAYBOOK_FALLBACK if confidence >= CONFIDENT else UNSURE)
            and (_ASKS.match(low) or low.rstrip().endswith("?"))
            and self._reads_as_a_question(low)
        ):
            # A write asked as a question, with nothing to write on, that the playbook speaks to:
            # "can we even put a roof on in the winter" is not a booking.
            return Action("knowledge", "knowledge", UNSURE, focus=replace(focus, agent="knowledge", intent="knowledge"))
        intent = self._settle(intent, low, mentions, directory, focus, now, confidence)
        build = getattr(self, "_" + intent.split(".", 1)[1])
        action: Action = build(text, low, mentions, focus, directory, now, confidence)
        if (
            action.tool is None
            and nobody_named
            and not (focus.customer_id or focus.job_id)
            and kb >= PLAYBOOK_FALLBACK
            and not self._has_content(intent, text, low, mentions, directory, now)
            and self._reads_as_a_question(low)
        ):
            # A "write" or look-up with nothing to act on and nothing to write, that the playbook
            # speaks to: "couple cant agree, he wants to wait", "payment schedule for a 45k siding job".
            action.untargeted = True
        if (
            action.tool is None and intent in _WRITES and nobody_named and workflow is None
            and not (focus.customer_id or focus.job_id or focus.clarification)
            and kb >= UNSURE and not _ORDERED.match(low)
            and not self._has_content(intent, text, low, mentions, directory, now)
            and self._reads_as_a_question(low)
        ):
            # Read as a write, with nothing to write on and nothing to write, and not said as an
            # order: a question the playbook speaks to ("max length for a visit with an older couple").
            return Action("knowledge", "knowledge", UNSURE, focus=replace(focus, agent="knowledge", intent="knowledge"))
        if action.untargeted and kb >= PLAYBOOK_FALLBACK and self._reads_as_a_question(low):
            # Nobody to look up, and the playbook speaks to the question ("how much will new windows cut the bill").
            return Action("knowledge", "knowledge", UNSURE, focus=replace(focus, agent="knowledge", intent="knowledge"))
        if action.untargeted:
            # Nobody to look up: a close second reading for another specialist wins ("how much deposit do we collect").
            other = next(
                (
                    (i, p) for i, p in scores.ranked[1:4]
                    if not i.startswith("crm.") and AGENT_OF.get(i) not in (None, "triage")
                    and i != "new_clients"  # a look-up that found nobody is not a new customer to take down
                ),
                None,
            )
            if other is not None and other[1] >= (0.05 if confidence < CONFIDENT else 0.1):
                agent_other = AGENT_OF[other[0]]
                return Action(other[0], agent_other, other[1], focus=replace(focus, agent=agent_other, intent=other[0]))
        action.focus.agent = "crm"
        action.focus.intent = intent
        return action

    def _settle(self, intent: str, low: str, m: Mentions, d: Directory, focus: Focus, now: dt.datetime, confidence: float = 1.0) -> str:
        """What the words alone can't tell, the directory and the slots can: "X's jobs" is a
        customer's or a rep's; a "write" with nothing to write but a field asked is a question."""
        if intent == "crm.add_note" and _reads_notes(low, d):
            return "crm.facts"  # "job 1047 latest note pls" reads the notes
        customer_named = bool(m.customer_ids or m.job_ids or m.missing_job)
        rep_named = bool(m.user_ids) and not (set(m.customer_ids) and _names_customer_more(m, d))
        asked = fields_asked(low)
        if (
            (intent == "crm.book" or (intent == "crm.reschedule" and not _MOVE_VERB.search(low)))
            and not customer_named and _COUNTED.search(low) and day_range(low, now) is not None
            and not ((said := moment(low, now)) is not None and said.has_time)
        ):
            # "evvery install from today to 12/4": the ones booked in those days, nothing moved
            return "crm.calendar"  # "walkthroughs on the 3rd, count": the ones booked, none to book
        if intent in _WRITES and "rep" in asked and re.search(r"\bwho(?:'s| is| was)? (?:sold|closed|signed|owns|has|got|is on|handled|handles)\b", low):
            return "crm.facts"  # "ok back to the customer who sold it": whose deal, nothing moved
        one_job_amount = bool(m.towns and m.trades) and not _LIST_WORDS.search(low) and bool(re.search(r"\b(?:amount|total|how much|price|number|value)\b", low))
        if intent == "crm.stage_jobs" and re.search(r"\bhow much\b", low) and set(asked) & {"contract_amount", "deposit", "balance", "payments"} and not _LIST_WORDS.search(low):
            return "crm.facts"  # "how much was the contract for": one job's amount, not the signed jobs
        if intent == "crm.stage_jobs" and one_job_amount:
            return "crm.facts"  # "proposal amount on the wellesley roof pls": that job's, not the stage's list
        if intent == "crm.change_stage" and _AMOUNT_ASKED.search(low) and not _STAGE_VERB.search(low):
            return "crm.facts"  # "job 1032 proposal came out to what": an amount asked, no job moved
        if intent == "crm.add_note" and customer_named and asked and not _NOTE_CUE.search(low) and _LEADS_WITH_FIELD.match(low):
            return "crm.facts"  # "marks digits, gonna text her back": the field, and why it is wanted
        if intent == "crm.rep_jobs" and not m.user_ids and customer_named:
            return "crm.facts"
        if intent == "crm.rep_jobs" and not m.user_ids and not customer_named and self._stage(low, d) is not None:
            return "crm.stage_jobs"  # "whats sitting in esstimating rn": a stage's jobs, no rep named
        if intent == "crm.change_stage" and "contract_amount" in asked and re.search(r"\b(?:price|amount|number|total|value)\b", low) and not re.search(r"\b(?:mark|move|set|put|bump|change)\b", low):
            return "crm.facts"  # "sold price on the 1019 job" asks the contract amount
        if (
            intent == "crm.stage_jobs" and not customer_named and m.towns and m.trades and not _LIST_WORDS.search(low)
            and not re.search(r"\b(?:all|every|list|show|any|which|how many)\b", low) and self._names_one_job(m, d)
        ):
            return "crm.facts"  # "is the roof job in quincy signed or not yet": that one job's stage
        if intent == "crm.stage_jobs" and customer_named and not _LIST_WORDS.search(low) and not re.search(r"\b(?:all|every|list|show)\b", low):
            return "crm.facts"  # "denises windows sold or still pending": her job's stage
        if intent == "crm.stage_jobs" and self._stage(low, d) is None:
            if rep_named and not customer_named:
                return "crm.rep_jobs"
            if customer_named or (asked and (focus.customer_id or focus.job_id)):
                return "crm.facts"  # "how much came in so far": of the job in focus
        if intent == "crm.facts" and rep_named and not customer_named and "jobs" in asked:
            return "crm.rep_jobs"
        if intent in ("crm.rep_jobs", "crm.facts") and rep_named and not customer_named and "jobs" not in asked and not re.search(r"\bjobs?\b", low) and day_range(low, now) is not None:
            return "crm.calendar"  # "where was priya nov 4": a rep and a day ask for their calendar
        question = bool(_QUESTION.match(low) or _LATE_QUESTION.search(low)) or low.rstrip().endswith("?")
        in_focus_job = bool(focus.job_id or focus.customer_id)
        if (
            intent == "crm.change_stage" and (customer_named or in_focus_job) and not _STAGE_VERB.search(low)
            and self._stage(low, d, after_verb=True) is None and _stage_news(low, d) is None and _learned_news(low, d) is None
        ):
            return "crm.facts"  # "thomas mccarthy roof job stage", "the mccarthy window job pls": a look-up
        if intent in _WRITES and question and [f for f in asked if f not in _NAMED_BY.get(intent, ())]:
            return "crm.facts"  # "going back to megan castillo, who sold it" asks; it does not write
        if intent == "crm.reschedule" and not _APPOINTMENT_WORD.search(low) and not _APPOINTMENT_ID.search(low) and self._stage(low, d, after_verb=True) is not None:
            return "crm.change_stage"  # "1059 is done, crew wrapped up, mark it complete": the job's stage
        if intent == "crm.stage_jobs" and not customer_named and in_focus_job and asked and _PRONOUNS.search(low) and not _LIST_WORDS.search(low):
            return "crm.facts"  # "and whats been paid" on the job in focus
        if intent == "crm.create_job" and (m.job_ids or (not m.trades and (_PRONOUNS.search(low) or customer_named))):
            return "crm.facts"  # "open up job #1049", "& her other job": the jobs there are
        if intent == "crm.company" and customer_named and asked:
            return "crm.facts"  # "mccarthy - stage": the customer's, not the company's list of stages
        if intent == "crm.book" and rep_named and not customer_named and re.search(r"\b(?:schedule|calendar)\b", low):
            said = moment(low, now)
            if said is None or not said.has_time:
                return "crm.calendar"  # "kevin shea schedule tomorrow": his day, not a booking
        if intent == "crm.create_job" and rep_named and not customer_named and not m.trades:
            return "crm.rep_jobs"  # "open stuff for reed": the rep's open jobs
        if (
            intent == "crm.change_stage"
            and _stage_news(low, d) is None
            and {"payments", "balance", "contract_amount", "deposit"} & set(asked)
            and (not _STAGE_VERB.search(low) or question or "how much" in low)
            and not _names_a_stage(low, d)
        ):
            return "crm.facts"  # "paid so far": money asked, no job moved
        if intent == "crm.create_job" and m.trades and (not _NEW_JOB.search(low) or _HOW_IS.match(low)) and self._has_jobs_in(m, d):
            return "crm.facts"  # "find mark mccarthys siding job": the siding job he has, not a new one
        if intent == "crm.calendar" and (customer_named or in_focus_job) and not question and _BOOK_VERB.search(low):
            said = moment(low, now)
            if said is not None and said.has_time:
                return "crm.book"  # "get a first look booked this fri 8am" for the job in focus
        if intent == "crm.reschedule" and not _MOVE_VERB.search(low) and moment(low, now) is not None:
            return "crm.book"  # "1036 - follow up visit wed 2:30pm" books one
        if intent == "crm.book" and _SCHEDULE_NOUN.search(low):
            said = moment(low, now)
            if said is None or not said.has_time:
                return "crm.calendar"  # "mike reeds schedule the 27th"
        points_back = low.startswith(("and ", "& ", "ok and", "ok & ", "also "))
        # A field asked in a few words, or pointing back, is about the job in focus: "contract amt?",
        # "is that paid", "and whats been paid".
        follows_up = bool(asked) and bool(focus.job_id or focus.customer_id) and not customer_named and (
            points_back or bool(_PRONOUNS.search(low)) or bool(re.search(r"\b(that|this)\b", low)) or len(low.split()) <= 4
            # "how much was the contract for": one amount, of the job in focus (no jobs, no contracts)
            or (bool(set(asked) & {"contract_amount", "deposit", "balance", "payments"}) and not re.search(r"\b(?:jobs|contracts|deals|all|total|totals)\b", low))
        )
        if follows_up and (
            (intent == "crm.stage_jobs" and not _LIST_WORDS.search(low)) or (intent == "crm.rep_jobs" and not rep_named and "jobs" not in asked)
        ):
            return "crm.facts"
        if (
            intent == "crm.facts" and not customer_named and not rep_named and not _PRONOUNS.search(low)
            and not follows_up and not one_job_amount
            and self._stage(low, d) is not None
            and not (m.trades and m.towns and not re.search(r"\bjobs\b", low) and self._names_one_job(m, d))
        ):
            return "crm.stage_jobs"  # "pull the lost list"
        if intent == "crm.facts" and customer_named and not asked and not question and _STAGE_VERB.search(low) and self._stage(low, d, after_verb=True):
            return "crm.change_stage"  # "we won the roof job for robert johnson", "kill the walsh job"
        in_focus = bool(_PRONOUNS.search(low) and (focus.job_id or focus.customer_id))
        if intent == "crm.calendar" and day_range(low, now) is None and not rep_named and (customer_named or in_focus):
            return "crm.facts"
        if intent in ("crm.book", "crm.reschedule") and moment(low, now) is None and asked and (question or confidence < CONFIDENT):
            return "crm.facts"  # "whens the next appt for 1035" asks, it does not book
        other_fields = [f for f in asked if f not in _NAMED_BY.get(intent, ())]
        if other_fields and intent in _WRITES:
            nothing_to_write = {
                "crm.change_stage": self._stage(low, d, after_verb=True) is None and _stage_news(low, d) is None and _learned_news(low, d) is None,
                "crm.book": moment(low, now) is None,
                "crm.reschedule": moment(low, now) is None and not re.search(r"\b(done|completed?|finished)\b", low),
                "crm.add_note": not (_note_body(low) or _note_after_ask(low) or _reported(low) or _words_before_tail(low) >= 3) and not self._body_after_reference(low, d) and not (_NOTE_ID.search(low) and _after_to(low)),
                "crm.create_job": not m.trades,
                "crm.primer_video": question,
            }[intent]
            if nothing_to_write:
                return "crm.facts"
        return intent

    def _has_content(self, intent: str, text: str, low: str, m: Mentions, d: Directory, now: dt.datetime) -> bool:
        """Whether the request carries what its CRM action needs besides a target: a note's words,
        a time, a stage, a new job's trade, the fields asked."""
        if intent == "crm.add_note":
            # "reilly siding fyi side gate code is 2208", "for the file on job 1049 ...": said as a note
            return bool(_NOTE_CUE.search(low) or _NOTE_START.match(low) or re.search(r"\b(?:fyi|heads up|file|for the record)\b", low)
                        or _note_body(text) or _reported(text))
        if intent in ("crm.book", "crm.reschedule"):
            said = moment(low, now)
            return said is not None
        if intent == "crm.change_stage":
            return self._stage(low, d, after_verb=True) is not None
        if intent == "crm.create_job":
            return bool(m.trades and _NEW_JOB.search(low))
        if intent == "crm.facts":
            return bool(fields_asked(low))
        return True

    @staticmethod
    def _has_jobs_in(m: Mentions, d: Directory) -> bool:
        """The one customer named already has a job in every trade named; or, no one named, the
        town named has a job in that trade ("open roof job out in wellesley": the one there)."""
        if not m.customer_ids and m.towns and m.trades:
            return any(j.city.casefold() in m.towns and any(t in j.trades for t in m.trades) for j in d.jobs.values())
        if len(m.customer_ids) != 1 or m.customer_ids[0] not in d.customers:
            return False
        jobs = [d.jobs[j] for j in d.customers[m.customer_ids[0]].job_ids if j in d.jobs]
        return all(any(t in job.trades for job in jobs) for t in m.trades)

    def _write_for_candidates(
        self, text: str, low: str, scores: IntentScores, m: Mentions, clar: Clarification, d: Directory, now: dt.datetime
    ) -> Action | None:
        """The write the rep just asked for, held on the open question's candidates."""
        first = clar.candidates[0]
        probe_job = first.job_id or next((j.id for j in d.jobs_of(first.customer_id or -1)), None)
        if probe_job is None:
            return None
        build = getattr(self, "_" + scores.intent.split(".", 1)[1])
        probe: Action = build(text, low, m, Focus(customer_id=first.customer_id, job_id=probe_job), d, now, scores.confidence)
        if probe.tool is None:
            return probe if probe.reply else None
        arguments = {k: v for k, v in probe.arguments.items() if k not in ("job_id", "customer_id")}
        held = Clarification(question=clar.question, candidates=clar.candidates, intent=scores.intent, tool=probe.tool, arguments=arguments)
        return Action(scores.intent, "crm", 0.6, reply=f"Before I do that: {clar.question}", focus=Focus(clarification=held))

    def _playbook_answers(self, intent: str, text: str, low: str, d: Directory, now: dt.datetime) -> bool:
        """Whether a question read as another specialist's has nothing for them in it."""
        if intent in ("confirm", "cancel"):
            return False
        if intent == "web_search":
            # "our online rating" asks about us; "google it", "search online" ask for the web.
            about_us = bool(_OURS.search(low)) and not re.search(r"\b(?:google|search|look)", low)
            return not ((_ON_THE_WEB.search(low) and not about_us) or _WEB_CUE.search(low))
        # A stage, a day or a time is the CRM's to answer ("which jobs are in lead", "booked next week").
        if (
            intent.startswith("crm.")
            and not _POLICY.search(low)  # "whats the rule on reaching back out to lost jobs" asks the playbook
            and (self._stage(low, d) is not None or day_range(low, now) is not None or moment(low, now) is not None)
        ):
            return False
        if intent == "pricing":
            return parse_question(text).intent == "unknown" and parse_question(low).intent == "unknown"
        if intent == "scripting" and not re.search(r"\b(?:scripts?|primer|video|pitch|email|text|letter|message)\b|" + _SCRIPT_WORDS.pattern, low):
            return True  # "ballpark for vinyl on a normal two story": nothing to write
        if intent == "analysis":
            asked = interpret(text)
            return asked.measure == "overview" and not (
                asked.trade or asked.outcomes or asked.situation or asked.objection or asked.technique or asked.rep or asked.call_id
                or asked.state or asked.year
            )
        if _CONTACT_GIVEN.search(low):
            return False
        if _ASKS.match(re.split(r"\s[-–—]+\s|[,;:]\s", low)[-1]):
            return True  # "sorry one sec - how long is a proposal good for": the question after the aside
        # A CRM look-up with no field, stage or day to look up is not one: "apr on the 84 month plan".
        terse = intent.startswith("crm.") and intent not in _WRITES and not fields_asked(low) and not _ABOUT_CALLS.search(low)
        return bool(_ASKS.match(low) or low.rstrip().endswith("?")) or terse

    def _reads_as_a_question(self, low: str) -> bool:
        """Most of its words are words the classifier knows, and there are a few: not gibberish."""
        words = re.findall(r"[a-z]{2,}", low)
        if len(words) < 4:
            return False
        known = self.classifier.vocabulary
        return sum(w in known for w in words) / len(words) >= 0.75

    def _unsure(self, scores: IntentScores) -> str:
        first, second = scores.ranked[0][0], scores.ranked[1][0]
        a, b = _CHOICE.get(AGENT_OF.get(first, ""), ""), _CHOICE.get(AGENT_OF.get(second, ""), "")
        if a and b and a != b:
            return f"I'm not sure what you need there. Should I {a}, or {b}?"
        return (
            "I didn't follow that. Ask me about a customer or job (“whats the balance on 1042”), "
            "the playbook, pricing, the director's calls, or a script."
        )

    # --- entities --------------------------------------------------------------------------
    def mentions(self, text: str, low: str, directory: Directory) -> Mentions:
        m = Mentions()
        for hit in _JOB_NUMBER.finditer(low):
            job_id = directory.job_numbers.get(hit.group(0))
            if job_id is None and hit.group(2).isdigit() and int(hit.group(2)) in directory.jobs:
                job_id = int(hit.group(2))
            if job_id is not None:
                m.job_ids.append(job_id)
            else:
                m.missing_job = hit.group(0)
        if not m.job_ids:
            scanned = _PHONE.sub(" ", low)
            for hit in _JOB_ID.finditer(scanned):
                said = hit.group(1) or hit.group(2)
                if said and int(said) in directory.jobs:
                    m.job_ids.append(int(said))
                elif m.missing_job is None and not _APPOINTMENT_ID.search(low) and not _NOTE_ID.search(low):
                    before = scanned[max(0, hit.start() - 10) : hit.start()]
                    opens = not scanned[: hit.start()].strip(" ,.-:") and bool(_STAGE_VERB.search(scanned[hit.end() : hit.end() + 40]))
                    if hit.group(1) or opens or re.search(r"\b(on|for|of|about|is|to|sold|with|re|move|moved|mark|marked|put|set|update|check|close|bump)\s$", before):
                        m.missing_job = said
        for hit in _PHONE.finditer(low):
            customer = directory.phones.get("".join(hit.groups()))
            if customer is not None:
                m.customer_ids.append(customer)
                m.by_contact = True
        for hit in _EMAIL.finditer(low):
            customer = directory.emails.get(hit.group(0))
            if customer is not None:
                m.customer_ids.append(customer)
                m.by_contact = True
        original = {w.casefold().replace("’", "'").removesuffix("'s"): w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text[:ENTITY_CHARS])}
        words: list[str] = []
        # An email's letters are not name words ("sjohnson@example.net" names one customer, not every Johnson).
        for raw in _WORD.findall(_EMAIL.sub(" ", low)):
            fused = directory.split_fused(raw) if raw not in TRADES_SAID else None
            words.extend(fused or (raw,))
        for n in range(len(words) - 1):
            # "eric asantos", "thoma smccarthy": one customer's name with the space typed a letter off.
            a, b = words[n], words[n + 1]
            if not (a.isalpha() and b.isalpha()) or (a in directory.customer_tokens and b in directory.customer_tokens):
                continue
            moved = directory.split_fused(a + b)
            if moved is not None and moved != (a, b):
                words[n], words[n + 1] = moved
        names: list[tuple[int, str]] = []
        for n, raw in enumerate(words):
            word = raw.removesuffix("'s").strip("'")
            if word in TRADES_SAID:
                m.trades.append(TRADES_SAID[word])
                continue
            if len(word) < 2 or word in _NOT_NAMES or word.isdigit():
                continue
            name = directory.name_token(word)
            if name is None:
                continue
            names.append((n, name))
        # A word-like name is a verb or a word when used as one ("mark it lost", "mark as signed"),
        # a name otherwise ("the rep for mark", "Mark McCarthy").
        positions = {n for n, _ in names}
        kept = []
        for n, name in names:
            said = original.get(name) or original.get(name + "s") or ""
            after_the = n > 0 and words[n - 1] in (
                "the", "on", "for", "with", "at", "about", "re", "to",  # "the brooks job", "for mark", "visit at brooks"
                "pull", "find", "check", "see", "show", "lookup",  # "pull mark up": a look-up names whom it looks up
            )
            if name in _WORDLIKE_NAMES and not ((said[:1].isupper() and n > 0) or n - 1 in positions or n + 1 in positions or after_the):
                following = words[n + 1] if n + 1 < len(words) else ""
                town = words[n + 2] if following == "in" and n + 2 < len(words) else ""
                # "brooks in salem": a Brooks with a job in Salem is named, whatever the word means
                there = bool(town) and any(
                    j.city.casefold() == town for c in directory.customer_tokens.get(name, set()) for j in directory.jobs_of(c)
                )
                if (following in _VERB_FOLLOWERS or following.isdigit()) and not there:
                    continue
            kept.append((n, name))
        kept_positions = {n for n, _ in kept}
        for n, name in kept:
            before = words[n - 1].removesuffix("'s") if n > 0 else ""
            if n - 1 in kept_positions or before.title() not in FIRST_NAMES:
                continue
            surnamed = [c for c in directory.customer_tokens.get(name, set()) if directory.customers[c].last.casefold() == name]
            if surnamed and not any(directory.customers[c].first.casefold() == before for c in surnamed):
                m.unknown_first = before
        customer_sets: list[set[int]] = []
        user_sets: list[set[int]] = []
        full_names: list[set[int]] = []  # the customers named by first and last name together
        i = 0
        while i < len(kept):
            n, name = kept[i]
            nxt = kept[i + 1] if i + 1 < len(kept) and kept[i + 1][0] == n + 1 else None
            if nxt is not None:
                both_c = _full(directory.customers, directory.customer_tokens, name, nxt[1])
                both_u = _full(directory.users, directory.user_tokens, name, nxt[1])
                if both_c or both_u:
                    full_names.append(both_c)
                    customer_sets.append(both_c)
                    user_sets.append(both_u)
                    i += 2
                    continue
            typed_first = _first_name_typo(directory, words[n - 1] if n > 0 and n - 1 not in kept_positions else "", name)
            if typed_first is not None:
                # "kren wong": one Wong's first name typed a letter off.
                full_names.append({typed_first})
                customer_sets.append({typed_first})
                user_sets.append(set())
                i += 1
                continue
            initial = words[n + 1] if n + 1 < len(words) and len(words[n + 1]) == 1 else ""
            people = set(directory.user_tokens.get(name, set()))
            if initial:
                # "Mike R": the Mike whose last name starts with R.
                people = {u for u in people if directory.users[u].last.casefold().startswith(initial)} or people
            customer_sets.append(set(directory.customer_tokens.get(name, set())) if not (initial and people) else set())
            user_sets.append(people)
            i += 1
        m.named_person = bool(kept)
        for ids in customer_sets:
            m.customer_ids.extend(sorted(ids - set(m.customer_ids)))
        for ids in user_sets:
            m.user_ids.extend(sorted(ids - set(m.user_ids)))
        # Several name groups: the full-name match is the one meant ("sarah johnson" not every Sarah).
        exact = [s for s in full_names if len(s) == 1]
        if exact and len(customer_sets) > 1:
            m.customer_ids = sorted(set().union(*exact))
        for town in directory.towns:
            if re.search(rf"\b{re.escape(town)}\b", low):
                m.towns.append(town)
        m.trades = list(dict.fromkeys(m.trades))
        if not (m.customer_ids and len(kept) > 1) and not m.job_ids and not m.by_contact:
            self._unknown_name(m, words, kept, directory)
        return m

    def _names_one_job(self, m: Mentions, directory: Directory) -> bool:
        """Whether the words name exactly one job: a job number, a trade and a town, or a customer and a trade."""
        if m.job_ids:
            return len(set(m.job_ids)) == 1
        if not m.trades or m.missing_job or m.unknown_name:
            return False
        if m.customer_ids:
            jobs = [j for j in directory.jobs.values() if j.customer_id in set(m.customer_ids) and any(t in j.trades for t in m.trades)]
            return len(jobs) == 1
        return bool(m.towns) and len(self._town_jobs(m, directory)) == 1

    @staticmethod
    def _town_jobs(m: Mentions, directory: Directory) -> list[JobEntry]:
        return [
            j for j in directory.jobs.values()
            if j.city.casefold() in m.towns and any(t in j.trades for t in m.trades)
        ]

    def _unknown_name(self, m: Mentions, words: list[str], kept: list[tuple[int, str]], directory: Directory) -> None:
        """A word in a customer name's place that is no word, no name, no town and no product."""
        names_at = dict(kept)
        for n, raw in enumerate(words):
            word = raw.removesuffix("'s").strip("'")
            bare = word[:-1] if word.endswith("s") and len(word) > 4 else word
            if n in names_at or len(word) < 3 or not word.isalpha() or word in _NOT_NAMES or word in TRADES_SAID:
                continue
            before = words[n - 1] if n > 0 else ""
            after = words[n + 1] if n + 1 < len(words) else ""
            possessive = raw.endswith("'s") or (word.endswith("s") and after in _NAME_SLOT_AFTER)
            first = n - 1 in names_at and before not in _HONORIFICS and before.title() in FIRST_NAMES and not (n + 1 < len(words) and n + 1 in names_at)
            slot = (
                first
                or before in _HONORIFICS
                or (before == "the" and after in _NAME_SLOT_AFTER)
                or (possessive and after in _NAME_SLOT_AFTER)
                or (before in ("for", "on", "about") and (not after or after in _NAME_SLOT_AFTER))
            )
            if not slot and before in ("for", "on", "about") and word not in _HONORIFICS and after.isalpha() and not _is_word(after) and not directory.name_token(after):
                slot, word, bare, said_two = True, word, word, after  # "for zebulon xanthopoulos"
            else:
                said_two = ""
            if not slot or (not said_two and any(_is_word(w, 2 if first else None) for w in {word, bare})) or word in self.products:
                continue
            if directory.name_token(word) or directory.name_token(bare) or word in directory.towns or town_at_start(word):
                continue
            said = bare if possessive else word
            if first and any(
                OSA.distance(said, directory.customers[c].last.casefold()) <= 2
                for c in directory.customer_tokens.get(before, set())
            ):
                continue  # "daniel relily": Daniel Reilly, a letter or two off
            if first:
                # "kevin obriens": a Kevin we do not have, not the rep Kevin.
                m.customer_ids, m.user_ids = [], []
                m.unknown_name = f"{before.title()} {said.title()}"
            else:
                m.unknown_name = f"{said} {said_two}".strip().title()
            m.named_person = True
            return

    # --- picking the customer or job ------------------------------------------------------
    def _target(
        self, mentions: Mentions, focus: Focus, directory: Directory, low: str, *, prefer_job: bool = True
    ) -> tuple[CustomerEntry | None, JobEntry | None, list[Candidate], str | None]:
        """(customer, job, candidates to ask between, or a reason nothing fits)."""
        if mentions.job_ids:
            job = directory.jobs[mentions.job_ids[0]]
            return directory.customers.get(job.customer_id), job, [], None
        if mentions.missing_job is not None:
            return None, None, [], f"I don't have a job {mentions.missing_job}. Check the number, or tell me the customer's name."
        customers = [directory.customers[c] for c in mentions.customer_ids if c in directory.customers]
        if not customers and mentions.named_person and mentions.user_ids and not mentions.customer_ids:
            customers = []
        if not customers and mentions.unknown_name and not mentions.user_ids:
            return None, None, [], f"I don't have a customer named {mentions.unknown_name}. Check the spelling, or give me the job number."
        if not customers:
            if focus.job_id and focus.job_id in directory.jobs and re.search(r"\b(?:other|oter|othr|otehr|othe) (job|one)\b", low):
                job = directory.jobs[focus.job_id]
                others = [j for j in directory.jobs_of(job.customer_id) if j.id != job.id]
                customer = directory.customers.get(job.customer_id)
                if len(others) == 1:
                    return customer, others[0], [], None
                if others:
                    return None, None, [_job_candidate(j, customer) for j in others], None
                return customer, None, [], f"{customer.full_name if customer else 'They'} have no other job."
            # A town the one in focus has no job in names somebody else ("the sudbury windows").
            in_focus = directory.jobs[focus.job_id].customer_id if focus.job_id in directory.jobs else focus.customer_id
            focus_here = not mentions.towns or any(j.city.casefold() in mentions.towns for j in directory.jobs_of(in_focus or 0))
            if focus.job_id and focus.job_id in directory.jobs and focus_here:
                job = directory.jobs[focus.job_id]
                customer = directory.customers.get(job.customer_id)
                other = _pick_job(directory.jobs_of(job.customer_id), mentions) if mentions.trades else None
                if other is not None:
                    return customer, other, [], None
                if mentions.trades and not any(t in job.trades for t in mentions.trades) and customer:
                    return customer, None, [], (
                        f"{customer.full_name} has no {mentions.trades[0]} job. Their jobs: "
                        + ", ".join(f"{j.label} ({j.id})" for j in directory.jobs_of(customer.id))
                        + "."
                    )
                return customer, job, [], None
            if focus.customer_id and focus.customer_id in directory.customers and focus_here:
                customer = directory.customers[focus.customer_id]
                return customer, _pick_job(directory.jobs_of(customer.id), mentions), [], None
            if mentions.towns or mentions.trades:
                jobs = [
                    j for j in directory.jobs.values()
                    if (not mentions.towns or j.city.casefold() in mentions.towns)
                    and (not mentions.trades or any(t in j.trades for t in mentions.trades))
                ]
                live = [j for j in jobs if j.stage not in _CLOSED_STAGES]
                if len(jobs) > 1 and len(live) == 1 and mentions.towns and mentions.trades:
                    jobs = live  # "the braintree window job": the live one, not the one we lost
                if len(jobs) == 1:
                    return directory.customers.get(jobs[0].customer_id), jobs[0], [], None
                if 1 < len(jobs) <= 6 and mentions.towns and mentions.trades:
                    # "the braintree window job" with two there: ask between those two.
                    return None, None, [_job_candidate(j, directory.customers.get(j.customer_id)) for j in jobs], None
            return None, None, [], None
        if mentions.unknown_first is not None:
            # Never swap the first name said for another: ask, naming who there is.
            return None, None, [_customer_candidate(c, directory) for c in customers[:6]], None
        if len(customers) > 1 and focus.customer_id in {c.id for c in customers} and not (mentions.trades or mentions.towns):
            # "back to steven" while Steven Kaplan is in focus: the one in focus, not every Steven.
            customers = [directory.customers[focus.customer_id]]
        if len(customers) > 1:
            narrowed = _narrow(customers, mentions, directory)
            if len(narrowed) == 1:
                customers = narrowed
            else:
                pool = narrowed or customers
                return None, None, [_customer_candidate(c, directory) for c in pool[:6]], None
        customer = customers[0]
        jobs = directory.jobs_of(customer.id)
        chosen = _pick_job(jobs, mentions)
        fitting = _fitting_jobs(jobs, mentions)
        if chosen is None and focus.job_id is not None and focus.job_id in {j.id for j in (fitting or jobs)} and len(fitting or jobs) > 1:
            # "on maria wong: make a note on her siding" while her open siding job is in focus: that one.
            chosen = directory.jobs[focus.job_id]
        if chosen is None and len(fitting) > 1:
            # "karen wong gutters" with two gutters jobs: ask which, among those only.
            return customer, None, [_job_candidate(j, customer) for j in fitting], None
        if chosen is None and len(jobs) == 1 and not (mentions.trades and not fitting):
            chosen = jobs[0]
        if chosen is None and mentions.trades and jobs:
            return customer, None, [], (
                f"{customer.full_name} has no {mentions.trades[0]} job. Their jobs: "
                + ", ".join(f"{j.label} ({j.id})" for j in jobs)
                + "."
            )
        return customer, chosen, [], None

    def _clarify(
        self, intent: str, tool: str, arguments: dict[str, Any], candidates: list[Candidate], focus: Focus, confidence: float,
        fills: str = "customer", mentions: Mentions | None = None,
    ) -> Action:
        question = _which(candidates)
        reply = question
        if mentions is not None and mentions.unknown_first and candidates:
            surname = candidates[0].label.split(" in ")[0].split()[-1]
            reply = f"I don't have a {mentions.unknown_first.title()} {surname}. " + (
                f"Did you mean {candidates[0].label}?" if len(candidates) == 1 else question
            )
        clar = Clarification(question=question, candidates=candidates, intent=intent, tool=tool, arguments=arguments, fills=fills)
        return Action(intent, "crm", confidence, reply=reply, focus=replace(focus, clarification=clar))

    def _pick(self, clar: Clarification, low: str, mentions: Mentions, directory: Directory) -> Action | None:
        chosen: Candidate | None = None
        words = set(_WORD.findall(low))
        bare = _BARE_CHOICE.match(low.strip())
        if bare and int(bare.group(1)) <= len(clar.candidates):
            chosen = clar.candidates[int(bare.group(1)) - 1]
        for word, index in _ORDINALS.items():
            if chosen is not None:
                break
            # "one" counts only in "the first one"-like replies, never inside "the windows one".
            if word in ("one", "two", "three", "four") and not re.search(rf"\b(?:number|option|#)\s*{word}\b|^{word}$", low.strip()):
                continue
            if re.search(rf"\b{word}\b", low) and -len(clar.candidates) <= index < len(clar.candidates):
                chosen = clar.candidates[index]
        if chosen is None:
            hits = [c for c in clar.candidates if words & set(c.words)]
            if mentions.job_ids:
                hits = [c for c in clar.candidates if c.job_id in mentions.job_ids] or hits
            if len(hits) > 1:
                scored = sorted(hits, key=lambda c: -len(words & set(c.words)))
                if len(words & set(scored[0].words)) > len(words & set(scored[1].words)):
                    hits = scored[:1]
            if len(hits) == 1:
                chosen = hits[0]
        if chosen is None:
            return None
        arguments = dict(clar.arguments)
        focus = Focus(agent="crm", intent=clar.intent)
        if clar.fills == "user":
            user = directory.users.get(chosen.user_id or -1)
            arguments["rep"] = user.full_name if user else chosen.label
            focus.user_id = chosen.user_id
        else:
            customer_id = chosen.customer_id
            job_id = chosen.job_id
            if job_id is None and customer_id is not None:
                jobs = directory.jobs_of(customer_id)
                picked = _pick_job(jobs, mentions) or (jobs[0] if len(jobs) == 1 else None)
                job_id = picked.id if picked else None
            if "job_id" in arguments or clar.tool in _JOB_TOOLS:
                if job_id is None:
                    customer = directory.customers.get(customer_id or -1)
                    jobs = directory.jobs_of(customer_id or -1)
                    options = [_job_candidate(j, customer) for j in jobs]
                    return self._clarify(clar.intent, clar.tool, arguments, options, Focus(customer_id=customer_id), 0.6)
                arguments["job_id"] = job_id
                arguments.pop("customer_id", None)
            elif job_id is not None:
                arguments["job_id"] = job_id
                arguments.pop("customer_id", None)
            else:
                jobs = directory.jobs_of(customer_id or -1)
                if clar.tool == "crm_facts" and len(jobs) > 1 and any(f in _ONE_JOB_FIELDS for f in arguments.get("fields", [])):
                    customer = directory.customers.get(customer_id or -1)
                    options = [_job_candidate(j, customer) for j in jobs]
                    return self._clarify(clar.intent, clar.tool, arguments, options, Focus(customer_id=customer_id), 0.6)
                arguments["customer_id"] = customer_id
            focus.customer_id, focus.job_id = customer_id, job_id
            if job_id is not None and customer_id is None:
                focus.customer_id = directory.jobs[job_id].customer_id
        focus.fields = list(arguments.get("fields", []))
        return Action(clar.intent, "crm", 0.9, tool=clar.tool, arguments=arguments, focus=focus)

    # --- one builder per CRM intent ----------------------------------------------------------
    def _facts(self, text: str, low: str, m: Mentions, focus: Focus, d: Directory, now: dt.datetime, confidence: float) -> Action:
        fields = fields_asked(low)
        names_other = bool(m.customer_ids or m.job_ids or m.trades)
        if not fields and not names_other and _BARE_PRONOUN.match(low) and focus.intent != "crm.facts":
            # "and hers?" after a question about someone else's jobs: whose is not clear.
            return Action("crm.facts", "crm", confidence, reply="Whose do you mean? Give me the name.", focus=focus)
        if not fields:
            # "and the gutters job?" asks what was asked last; "who is 508-555-0147" asks who.
            # "pull up mccarthy in natick", "tell me about 1019" ask for the whole card.
            carried = (
                focus.fields and names_other and len(low.split()) <= 8 and not (m.by_contact and _LOOKS_UP.search(low))
                and not (_HOW_IS.match(low) or _LOOK_AT.match(low) or _PULL_UP.search(low))
            )
            fields = list(focus.fields) if carried else ["overview"]
        if m.customer_ids == [] and m.named_person and m.user_ids and not m.job_ids:
            user = d.users[m.user_ids[0]]
            return Action("crm.rep_jobs", "crm", confidence, tool="crm_rep_jobs", arguments={"rep": user.full_name, "open_only": True}, focus=replace(focus, user_id=user.id))
        customer, job, candidates, problem = self._target(m, focus, d, low)
        arguments: dict[str, Any] = {"fields": fields}
        if problem:
            return Action("crm.facts", "crm", confidence, reply=problem, focus=focus)
        if candidates:
            return self._clarify("crm.facts", "crm_facts", arguments, candidates, focus, confidence, mentions=m)
        if customer is None and job is None:
            return Action("crm.facts", "crm", confidence, reply=self._who(m, focus), focus=focus, untargeted=not m.named_person)
        customer_level = all(f in ("phone", "email", "address", "jobs") for f in fields)
        if job is None and customer is not None and any(f in _ONE_JOB_FIELDS for f in fields):
            jobs = d.jobs_of(customer.id)
            if len(jobs) > 1:
                # A job's field, of a customer with several jobs: ask which, keeping the question.
                options = [_job_candidate(j, customer) for j in jobs]
                return self._clarify("crm.facts", "crm_facts", arguments, options, replace(focus, customer_id=customer.id, job_id=None), confidence)
        if job is not None and not customer_level:
            arguments["job_id"] = job.id
        else:
            arguments["customer_id"] = customer.id if customer else d.jobs[job.id].customer_id  # type: ignore[union-attr]
        new_focus = Focus(
            customer_id=customer.id if customer else (job.customer_id if job else None),
            job_id=job.id if job else (focus.job_id if customer and focus.customer_id == customer.id else None),
            user_id=focus.user_id,
            fields=fields,
        )
        return Action("crm.facts", "crm", max(confidence, CONFIDENT), tool="crm_facts", arguments=arguments, focus=new_focus)

    def _who(self, m: Mentions, focus: Focus) -> str:
        if m.named_person:
            return "I don't have a customer by that name. Check the spelling, or give me a phone number or job number."
        return "Who do you mean? Give me the customer's name or the job number."

    def _rep_jobs(self, text: str, low: str, m: Mentions, focus: Focus, d: Directory, now: dt.datetime, confidence: float) -> Action:
        open_only = not _CLOSED_WORDS.search(low) or "open" in low or bool(_NOT_CLOSED.search(low))
        users = [d.users[u] for u in m.user_ids]
        if not users and focus.user_id in d.users:
            users = [d.users[focus.user_id]]
        if not users and focus.job_id in d.jobs and _REP_PRONOUN.search(low):
            # "how many open jobs does he have" after "who's the rep on 1014": that job's rep.
            users = [d.users[u] for u in d.jobs[focus.job_id].rep_ids[:1] if u in d.users]
        arguments: dict[str, Any] = {"open_only": open_only}
        holding = [u for u in users if any(u.id in j.rep_ids for j in d.jobs.values())]
        if len(users) > 1 and len(holding) == 1:
            users = holding  # "mikes open jobs": of the two Mikes, the one who has jobs
        if len(users) > 1:
            options = [Candidate(label=u.full_name, user_id=u.id, words=[u.first.casefold(), u.last.casefold()]) for u in users[:6]]
            return self._clarify("crm.rep_jobs", "crm_rep_jobs", arguments, options, focus, confidence, fills="user")
        if not users:
            return Action("crm.rep_jobs", "crm", confidence, reply="Which rep? Give me their name, e.g. “Dana Whitaker's open jobs”.", focus=focus)
        arguments["rep"] = users[0].full_name
        return Action("crm.rep_jobs", "crm", max(confidence, CONFIDENT), tool="crm_rep_jobs", arguments=arguments, focus=replace(focus, user_id=users[0].id))

    def _calendar(self, text: str, low: str, m: Mentions, focus: Focus, d: Directory, now: dt.datetime, confidence: float) -> Action:
        days = day_range(low, now)
        start, end = days if days else (now.date(), now.date() + dt.timedelta(days=13))
        arguments: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat()}
        users = [d.users[u] for u in m.user_ids if not m.customer_ids or len(m.user_ids) == 1]
        if len(users) == 1:
            arguments["rep"] = users[0].full_name
        elif len(users) > 1 and m.named_person:
            options = [Candidate(label=u.full_name, user_id=u.id, words=[u.first.casefold(), u.last.casefold()]) for u in users[:6]]
            return self._clarify("crm.calendar", "crm_appointments", arguments, options, focus, confidence, fills="user")
        if m.job_ids:
            arguments["job_id"] = m.job_ids[0]
        elif len(m.customer_ids) == 1 and not users:
            arguments["customer_id"] = m.customer_ids[0]
        kind = appointment_kind(low)
        if kind and kind not in ("Appointment", "Visit", "Meeting"):
            arguments["kind"] = _KIND_WORD.get(kind, kind.lower())
        return Action("crm.calendar", "crm", max(confidence, CONFIDENT), tool="crm_appointments", arguments=arguments, focus=focus)

    def _stage_jobs(self, text: str, low: str, m: Mentions, focus: Focus, d: Directory, now: dt.datetime, confidence: float) -> Action:
        stage = self._stage(low, d)
        if stage is None:
            names = ", ".join(s.name for s in d.stages)
            return Action("crm.stage_jobs", "crm", confidence, reply=f"Which stage? The stages are: {names}.", focus=focus)
        arguments: dict[str, Any] = {"stage": stage}
        if m.trades:
            arguments["trade"] = m.trades[0]
        reps = [d.users[u] for u in m.user_ids if u in d.users]
        if not reps and focus.user_id in d.users and not m.customer_ids and _OF_THOSE.search(low):
            # "which ones are in follow up" after a rep's open jobs: that rep's.
            reps = [d.users[focus.user_id]]
        if len(reps) == 1 and not m.customer_ids:
            # "how many of reeds jobs r scheduled": one rep's jobs in the stage.
            arguments["rep"] = reps[0].full_name
        return Action("crm.stage_jobs", "crm", max(confidence, CONFIDENT), tool="crm_jobs_in_stage", arguments=arguments, focus=focus)

    def _company(self, text: str, low: str, m: Mentions, focus: Focus, d: Directory, now: dt.datetime, confidence: float) -> Action:
        for tool, pattern in _COMPANY_LISTS.items():
            if pattern.search(low):
                return Action("crm.company", "crm", max(confidence, CONFIDENT), tool=tool, focus=focus)
        return Action("crm.company", "crm", confidence, tool="crm_list_users", focus=focus)

    def _job_write(self, intent: str, tool: str, low: str, m: Mentions, focus: Focus, d: Directory, confidence: float, arguments: dict[str, Any]) -> Action:
        customer, job, candidates, problem = self._target(m, focus, d, low)
        if problem:
            return Action(intent, "crm", confidence, reply=problem, focus=focus)
        if candidates:
            return self._clarify(intent, tool, arguments, candidates, focus, confidence, mentions=m)
        if job is None and customer is not None:
            jobs = d.jobs_of(customer.id)
            if not jobs:
                return Action(intent, "crm", confidence, reply=f"{customer.full_name} has no job to put that on yet.", focus=focus)
            return self._clarify(intent, tool, arguments, [_job_candidate(j, customer) for j in jobs], replace(focus, customer_id=customer.id), confidence)
        if job is None:
            return Action(intent, "crm", confidence, reply="Which job? Give me the customer's name or the job number.", focus=focus)
        arguments = {"job_id": job.id, **arguments}
        new_focus = Focus(customer_id=job.customer_id, job_id=job.id, user_id=focus.user_id, fields=focus.fields)
        return Action(intent, "crm", max(confidence, CONFIDENT), tool=tool, arguments=arguments, focus=new_focus)

    def _add_note(self, text: str, low: str, m: Mentions, focus: Focus, d: Directory, now: dt.datetime, confidence: float) -> Action:
        existing = _NOTE_ID.search(low)
        if existing and re.search(r"\b(update|change|edit|fix|correct|replace|reword)\b", low):
            body = _note_body(text) or _after_to(text)
            if not body:
                return Action("crm.add_note", "crm", confidence, reply="What should the note say now?", focus=focus)
            return Action("crm.add_note", "crm", max(confidence, CONFIDENT), tool="crm_update_note",
                          arguments={"note_id": int(existing.group(1)), "note": body}, focus=focus)
        body = _note_body(text)
        body = _labelled(text, _fyi_whole(text, body, d), d) if body else _note_after_ask(text) or _reported(text)
        if not body and _words_before_tail(text) >= 3:
            # "also skylight over the kitchen leaks a little note that", of the job in focus;
            # "for her siding, ho asked that ..., add a note": after the job it is for.
            tail = _NOTE_TAIL.search(text[:4000])
            head = text[: tail.start()] if tail else ""
            led = _FOR_THE_JOB.match(head)
            if led is not None or not (m.job_ids or m.customer_ids or m.trades or m.towns):
                head = head[led.end() :] if led is not None else head
                body = re.sub(r"^\W*(?:(?:also|and|ok|okay|so|oh|plus)\W+)*", "", head).strip(" ,.;:-")
        if not body:
            body = _for_the_notes(text, d)
        if not body:
            after = self._body_after_reference(text, d)
            body = _note_after_ask(after) or after  # "1015 write down old skylight leaks": the words after the ask
        tail = _NOTE_TAIL.search(body)
        if tail is not None and len(body[: tail.start()].split()) >= 2:
            body = body[: tail.start()].strip(" ,.;:-—")  # "left a voicemail, put that in the notes"
        remember = _REMEMBER.search(body)
        if remember is not None and len(body[remember.end() :].split()) >= 2:
            body = body[remember.end() :]  # "on lynch in needham just so we remember back porch is separate"
        body = re.sub(r"^(?:fyi|heads up|btw)\b[\s,:-]*", "", body.strip(" ,.:;-"), flags=re.I) or body
        body = re.sub(r"[\s,.;-]*\b(?:end of note|end note|end quote)\W*$", "", body, flags=re.I) or body  # dictated
        if not body:
            return Action("crm.add_note", "crm", confidence, reply="What should the note say?", focus=focus)
        if len(body.split()) >= 2 and body in text:
            # The note's own words are data: only the rest of the request says which job it is for.
            rest = text.replace(body, " ")
            named = self.mentions(rest, normalise(rest)[:ENTITY_CHARS], d)
            if named.customer_ids or named.job_ids or named.named_person or named.towns or named.trades or focus.customer_id or focus.job_id:
                m = named
        meant = m.customer_ids or ([focus.customer_id] if focus.customer_id is not None and not m.job_ids else [])
        if m.trades and meant and not any(t in j.trades for c in meant for j in d.jobs_of(c) for t in m.trades):
            # "add a note to sarah johnson wife wants to see shingle samples first": a trade said
            # in the note's words, that none of the customer's jobs is, does not pick the job.
            said = low.replace(body.casefold(), " ")
            m = replace(m, trades=list(dict.fromkeys(TRADES_SAID[w] for w in _WORD.findall(said) if w in TRADES_SAID)))
        # The note's own words ("ho wants copper downspouts") never pick the job it goes on.
        said_body = normalise(body)
        target_low = low.replace(said_body, " ") if len(said_body.split()) >= 2 and said_body in low else low
        return self._job_write("crm.add_note", "crm_add_note", target_low, m, focus, d, confidence, {"note": body})

    def _primer_video(self, text: str, low: str, m: Mentions, focus: Focus, d: Directory, now: dt.datetime, confidence: float) -> Action:
        """"make the primer video for the Murphy job", "ok now make the video" (the job in focus)."""
        return self._job_write("crm.primer_video", "crm_make_primer_video", low, m, focus, d, confidence, {})

    def _body_after_reference(self, text: str, d: Directory) -> str:
        """A note typed without a colon ("add note to 1042 called left vm"): what follows the job
        or customer it is for, within the first words."""
        spans = list(re.finditer(r"[A-Za-z0-9#'’-]+", text[:4000]))
        last = -1
        anchored = False
        for n, hit in enumerate(spans[:12]):
            word = hit.group(0).casefold().replace("’", "'").removesuffix("'s").strip("#'")
            anchor = (
                (word.isdigit() and int(word) in d.jobs)
                or word in d.job_numbers
                or (len(word) > 2 and word not in _NOT_NAMES and d.name_token(word) is not None)
            )
            next_word = spans[n + 1].group(0).casefold() if n + 1 < len(spans) else ""
            after_next = spans[n + 2].group(0).casefold() if n + 2 < len(spans) else ""
            if (
                anchor or word in _REFERENCE_WORDS or word in TRADES_SAID or (last == n - 1 and word in d.towns)
                or (last == n - 1 and word in ("in", "at", "on") and next_word in d.towns)  # "the roof job in salem, ..."
                # "jot on gutters over in cranston ho asked ...": "over in" and "out in" lead to the town too
                or (last == n - 1 and word in ("over", "out", "up", "down") and next_word in ("in", "at") and after_next in d.towns)
            ):
                last = n
                # A trade and its town name the job as a name or a number would ("gutters over in cranston").
                anchored = anchored or anchor or (word in d.towns and any(w.group(0).casefold() in TRADES_SAID for w in spans[:n]))
            elif anchored:
                # The note starts at the first word after the job or customer it is for:
                # "stick a note on 1058 sent pics of a similar job".
                break
        if last < 0 or last + 1 >= len(spans):
            return ""
        body = text[spans[last].end() :].strip(" ,.:;-—")
        body = _NOTE_ASK.sub("", body, count=1).strip(" ,.:;-—") or body
        return body if len(body.split()) >= 2 else ""

    def _change_stage(self, text: str, low: str, m: Mentions, focus: Focus, d: Directory, now: dt.datetime, confidence: float) -> Action:
        stage = _stage_news(low, d) or self._stage(low, d, after_verb=True) or _learned_news(low, d)
        if stage is None:
            names = ", ".join(s.name for s in d.stages)
            return Action("crm.change_stage", "crm", confidence, reply=f"Which stage should it move to? The stages are: {names}.", focus=focus)
        return self._job_write("crm.change_stage", "crm_change_stage", low, m, focus, d, confidence, {"stage": stage})

    def _book(self, text: str, low: str, m: Mentions, focus: Focus, d: Directory, now: dt.datetime, confidence: float) -> Action:
        at = moment(low, now)
        kind = appointment_kind(low) or "Appointment"
        title = _TITLES.get(kind, kind)
        if at is None or not at.has_time:
            day = f" on {at.at:%a %b %-d}" if at else ""
            return Action("crm.book", "crm", confidence, reply=f"What time{day} should the {title.lower()} be? Give me a day and a time, e.g. “thursday at 10”.", focus=focus)
        arguments: dict[str, Any] = {"title": title, "start": at.at.isoformat(timespec="minutes")}
        minutes = duration_minutes(low)
        if minutes:
            arguments["duration_minutes"] = minutes
        return self._job_write("crm.book", "crm_create_appointment", low, m, focus, d, confidence, arguments)

    def _reschedule(self, text: str, low: str, m: Mentions, focus: Focus, d: Directory, now: dt.datetime, confidence: float) -> Action:
        arguments: dict[str, Any] = {}
        done = re.search(r"\b(done|complete|completed|finished|happened)\b", low)
        at = moment(low, now)
        if done:
            arguments["completed"] = True
        elif at is not None and at.has_time and day_range(low, now) is None:
            arguments["time_of_day"] = at.at.time().isoformat(timespec="minutes")  # "push it to 2pm": same day
        elif at is not None and at.has_time:
            arguments["start"] = at.at.isoformat(timespec="minutes")
        elif at is not None:
            arguments["day"] = at.at.date().isoformat()
        elif (shift := _shift_minutes(low)) is not None:
            arguments["shift_minutes"] = shift  # "bump sarahs install a day", "push it back an hour"
        else:
            return Action("crm.reschedule", "crm", confidence, reply="When should it move to? Give me a day and a time.", focus=focus)
        appointment = _APPOINTMENT_ID.search(low)
        if appointment:
            arguments["appointment_id"] = int(appointment.group(1))
            return Action("crm.reschedule", "crm", max(confidence, CONFIDENT), tool="crm_update_appointment", arguments=arguments, focus=focus)
        kind = appointment_kind(low)
        if kind and kind not in ("Appointment",):
            arguments["kind"] = _KIND_WORD.get(kind, kind.lower())
        return self._job_write("crm.reschedule", "crm_update_appointment", low, m, focus, d, confidence, arguments)

    def _create_job(self, text: str, low: str, m: Mentions, focus: Focus, d: Directory, now: dt.datetime, confidence: float) -> Action:
        customers = [d.customers[c] for c in m.customer_ids if c in d.customers]
        if not customers and focus.customer_id in d.customers:
            customers = [d.customers[focus.customer_id]]
        trades = m.trades or []
        if not trades:
            return Action("crm.create_job", "crm", confidence, reply="Which trade is the new job (roofing, siding, gutters, windows)?", focus=focus)
        description = _note_body(text) or f"{trades[0].capitalize()} job"
        arguments: dict[str, Any] = {"trades": trades, "description": description}
        if len(customers) > 1:
            return self._clarify("crm.create_job", "crm_create_job", arguments, [_customer_candidate(c, d) for c in customers[:6]], focus, confidence)
        if not customers:
            return Action("crm.create_job", "crm", confidence, reply="For which customer? If they are new, say “new customer …” and I'll take them down first.", focus=focus)
        arguments["customer_id"] = customers[0].id
        return Action("crm.create_job", "crm", max(confidence, CONFIDENT), tool="crm_create_job", arguments=arguments, focus=replace(focus, customer_id=customers[0].id))

    def _script(self, low: str, m: Mentions, focus: Focus, d: Directory, confidence: float) -> Action:
        """A script for the customer or job named (or the one in focus when pointed at)."""
        action = Action("scripting", "scripting", confidence, focus=replace(focus, agent="scripting", intent="scripting"))
        if not (m.customer_ids or m.job_ids or _PRONOUNS.search(low)):
            return action
        customer, job, candidates, problem = self._target(m, focus, d, low)
        if problem or candidates or (customer is None and job is None):
            return action
        if job is not None:
            action.arguments = {"job": str(job.id)}
        elif customer is not None:
            action.arguments = {"customer": customer.full_name}
        action.focus.customer_id = customer.id if customer else focus.customer_id
        action.focus.job_id = job.id if job else None
        return action

    # --- a correction of the write waiting for a yes -------------------------------------------
    def _correction(
        self, text: str, low: str, calls: Sequence[Mapping[str, Any]], focus: Focus, d: Directory, now: dt.datetime
    ) -> Action | None:
        """The pending write with what the rep corrects in it: another time or day for a booking,
        another stage, another job. None when the message corrects nothing of it."""
        if len(calls) != 1 or not _CORRECTING.search(low):
            return None
        tool = str(calls[0].get("tool", ""))
        arguments = dict(calls[0].get("arguments") or {})
        if tool not in _CORRECTED_INTENT:
            return None
        changed = False
        said_jobs = [j for j in self.mentions(text, low, d).job_ids if j in d.jobs] if _JOB_NUMBER_SAID.search(low) else []
        if "job_id" in arguments and len(said_jobs) == 1 and said_jobs[0] != arguments["job_id"]:
            arguments["job_id"] = said_jobs[0]
            changed = True
        if tool == "crm_change_stage":
            stage = self._stage(low, d)
            if stage is not None and stage != arguments.get("stage"):
                arguments["stage"] = stage
                changed = True
        if tool in ("crm_create_appointment", "crm_update_appointment") and arguments.get("start"):
            try:
                before = dt.datetime.fromisoformat(str(arguments["start"]))
            except ValueError:
                before = None
            at = moment(low, now)
            hour = _CORRECTED_HOUR.search(low) if at is None or not at.has_time else None
            if before is not None and hour is not None and 1 <= int(hour.group(1)) <= 12:
                h, minute = int(hour.group(1)), int(hour.group(2) or 0)
                pm = (hour.group(3) or "").startswith("p") or (not hour.group(3) and h < 7)
                clock = dt.time((h % 12) + (12 if pm else 0), minute)
                at = Moment(dt.datetime.combine((at.at.date() if at is not None else before.date()), clock), True)
            if before is not None and at is not None:
                day = at.at.date() if day_range(low, now) is not None else before.date()
                clock = at.at.time() if at.has_time and not _SAME_TIME.search(low) else before.time()
                start = dt.datetime.combine(day, clock)
                if start != before:
                    arguments["start"] = start.isoformat(timespec="minutes")
                    changed = True
        if tool == "crm_add_note":
            said = self.mentions(text, low, d)
            # "sorry i meant the roof job, not the gutters" points at another job; it says no new words.
            current_trades = d.jobs[arguments["job_id"]].trades if arguments.get("job_id") in d.jobs else ()
            # A trade the pending job already is ("i meant wants the charcoal shingles" on a roof job) points nowhere else.
            points = bool(said_jobs or [t for t in said.trades if t not in current_trades] or said.towns or said.customer_ids or _JOB_WORD.search(low))
            reworded = _NOTE_REWORDED.search(text) or (None if points else _NOTE_MEANT.search(text))
            if reworded is not None and len(reworded.group(1).split()) >= (1 if reworded.re is _NOTE_REWORDED else 3):
                arguments["note"] = reworded.group(1).strip().strip('"“”').strip()
                changed = True
        if "job_id" in arguments and not said_jobs and arguments.get("job_id") in d.jobs:
            # "no the roof not the windows": the same customer's job of the trade said first.
            said_trades = self.mentions(text, low, d).trades
            current = d.jobs[arguments["job_id"]]
            # "not windows, its gutters": the trade said that the pending job is not.
            other_trades = [t for t in said_trades if t not in current.trades]
            if other_trades:
                others = [j for j in d.jobs_of(current.customer_id) if other_trades[0] in j.trades]
                if len(others) == 1:
                    arguments["job_id"] = others[0].id
                    changed = True
        if tool == "crm_create_appointment":
            kind = appointment_kind(low)
            title = _TITLES.get(kind, kind) if kind and kind != "Appointment" else None
            if title and title != arguments.get("title"):
                arguments["title"] = title
                changed = True
        if not changed:
            return None
        job = d.jobs.get(arguments.get("job_id"))  # type: ignore[arg-type]
        kept = replace(focus, job_id=job.id, customer_id=job.customer_id) if job is not None else focus
        return Action(_CORRECTED_INTENT[tool], "crm", CONFIDENT, tool=tool, arguments=arguments, focus=kept)

    # --- stage names -------------------------------------------------------------------------
    def _stage(self, low: str, d: Directory, *, after_verb: bool = False) -> str | None:
        """The stage a request names, as the company calls it."""
        # "signed contracts waiting to be scheduled" are signed, not yet scheduled; "on schdule stage" is.
        said = re.sub(r"\bschedule stage\b", "scheduled stage", _NOT_YET_SCHEDULED.sub("contract signed", _stage_typos(low, d)))
        said = _CREWS_ON_IT.sub("in progress", said)  # "jobs the crews r working on right now"
        said = _LEAD_TIME.sub(" ", said)  # "whats the window lead time lately": how long to get them, no stage
        text = _without_negated(normalise_stage_words(said), d)
        if after_verb:
            hit = re.search(r"\b(?:to|into|as|in|at)\s+(.+)$", text)
            # The word itself stays: "move in progress" is the stage In Progress.
            tail = text[hit.start() :] if hit else text
        else:
            tail = text
        best: tuple[int, str] | None = None
        for stage in d.stages:
            name = normalise_stage_words(stage.name)
            if re.search(rf"\b{re.escape(name)}s?\b", tail) and (best is None or len(name) > best[0]):
                best = (len(name), stage.name)
        if best is None:
            # The spoken forms lose their fillers as the text did: "on the schedule" is "on schedule".
            for said, meant in sorted(((normalise_stage_words(k), v) for k, v in _SPOKEN.items()), key=lambda kv: -len(kv[0])):
                if said and re.search(rf"\b{re.escape(said)}\b", tail):
                    for stage in d.stages:
                        name = normalise_stage_words(stage.name)
                        if name in meant or any(w in name.split() for w in meant.split()[:1]):
                            return stage.name
        if best is None and after_verb and re.search(r"\b(?:to|into|as|in)\s+(?:the\s+)?schedule\W*$", low):
            # "bump it to schedulde" (corrected to "schedule" on the way in): the stage Scheduled.
            best = next(((0, s.name) for s in d.stages if normalise_stage_words(s.name) == "scheduled"), None)
        return best[1] if best else None


_SHE = re.compile(r"\b(?:she|her|hers|herself|shes|she's)\b")
_HE = re.compile(r"\b(?:he|him|his|himself|hes|he's)\b")
RECENT_CUSTOMERS = 6


def _by_pronoun(low: str, focus: Focus, d: Directory) -> Focus:
    """"her cell" while a man is in focus: the woman the conversation was about before him."""
    if focus.customer_id is None or focus.customer_id not in d.customers:
        return focus
    she, he = bool(_SHE.search(low)), bool(_HE.search(low))
    if she == he:
        return focus
    wanted = "f" if she else "m"
    current = gender_of(d.customers[focus.customer_id].first)
    if current is None or current == wanted:
        return focus
    for cid in focus.recent:
        entry = d.customers.get(cid)
        if entry is not None and cid != focus.customer_id and gender_of(entry.first) == wanted:
            jobs = [j for j in entry.job_ids if j in d.jobs]
            return replace(focus, customer_id=cid, job_id=jobs[0] if len(jobs) == 1 else None, clarification=None)
    return focus


def _remember(action: Action, before: Focus) -> Action:
    """The customer this turn was about goes first in the conversation's recent customers."""
    after = action.focus
    if after is None:
        return action
    recent = [c for c in (after.recent or before.recent) if c != after.customer_id]
    if after.customer_id is not None:
        recent.insert(0, after.customer_id)
    after.recent = recent[:RECENT_CUSTOMERS]
    return action


def _names_a_stage(low: str, d: Directory) -> bool:
    """A stage's whole name is said ("paid & clsoed"), not just a word of it ("paid so far")."""
    text = normalise_stage_words(_stage_typos(low, d))
    return any(re.search(rf"\b{re.escape(normalise_stage_words(s.name))}\b", text) for s in d.stages if " " in s.name)


def _without_negated(text: str, d: Directory) -> str:
    """The stages a request rules out taken away: "completed but not paid and closed yet" is Completed."""
    for stage in d.stages:
        name = normalise_stage_words(stage.name)
        text = re.sub(rf"\b(?:not|isn't|isnt|aren't|arent|never|no longer)\s+(?:yet\s+)?(?:in\s+|to\s+)?{re.escape(name)}s?\b", " ", text)
    return text


def _stage_typos(low: str, d: Directory) -> str:
    """Stage words typed a letter off, corrected: "propossal went out", "schedulled", "complted"."""
    vocabulary = sorted({w for s in d.stages for w in normalise_stage_words(s.name).split() if len(w) >= 5}
                        | {w for said in _SPOKEN for w in said.split() if len(w) >= 5})
    known = set(vocabulary)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if len(word) < 6 or word in known:
            return word
        # "sgined": two letters swapped are one slip, though the ratio scores them as two.
        best = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=86) or process.extractOne(
            word, vocabulary, scorer=OSA.normalized_distance, score_cutoff=0.17
        )
        return best[0] if best else word

    return re.sub(r"[a-z]+", fix, low)


# Fields that belong to one job: asked of a customer with several, the answer starts with "which one?".
_ONE_JOB_FIELDS = {"stage", "contract_amount", "deposit", "payments", "balance", "install_date", "proposals", "notes"}
# The field words a write names by its nature ("add a note", "book an inspection").
_NAMED_BY = {
    "crm.add_note": ("notes",),
    "crm.book": ("next_appointment", "install_date"),
    "crm.reschedule": ("next_appointment", "install_date"),
    "crm.change_stage": ("stage",),
    "crm.create_job": ("jobs",),
}
# Words that end the "which job" part of a note typed without a colon.
_REFERENCE_WORDS = {"job", "it", "her", "him", "them", "this", "that", "file", "account", "house", "project", "roof", "siding", "notes",
                    "replacement", "work", "install"}
# Said as an order to write: "book an inspection", "pls move it to lost", "can you add a note".
_ORDERED = re.compile(
    r"^\W*(?:(?:ok|okay|so|hey|yo|pls|please|can you|could you|can u|go ahead and|lets|let's|i need to|need to|wanna|want to|i want to)\W+)*"
    r"(?:book|schedule|sched|put|pencil|add|set|move|mark|note|log|make|create|change|update|push|bump|cancel|reschedule|"
    r"resched|drop|throw|stick|slot|get|flip|switch|close|open|start|send|record|jot|write)\b"
)
_WRITES = ("crm.change_stage", "crm.book", "crm.reschedule", "crm.add_note", "crm.create_job", "crm.primer_video")
# A note asked for in words: "note", "log", "jot down", "put down", "write down".
# What opening a job is said with: "new", "another", "add a job", "open one", "set her up with", "wants gutters too".
_CREATE_CUE = re.compile(r"\b(?:new|another|add|adding|open|opening|create|start|set (?:\w+ )?up|make|too|also|as well|second|separate)\b")
_NOTE_CUE = re.compile(r"\b(?:notes?|log|logged|jot|put down|write down|write up|write (?:in|on) (?:there|it|that|the file)|document|memo|record)\b")
# Words that make a job rather than look one up: "add a gutter job for her", "another roof job".
_NEW_JOB = re.compile(r"\b(?:new|another|second|add|create|make|set\s*up|start|open\s+(?:a|an)|write\s+up)\b")
# A message that corrects the write waiting for a yes rather than answering it.
_CORRECTING = re.compile(
    r"^\W*(?:no+|nah|nope|wait|actually|acutally|actaully|actualy|acually|actully|atually|actualyl|s+o+r+y+|srory|oops|my bad|wr(?:o|0)?n+g|correction|scratch that|i m+e+a*n+t|i mean|make (?:it|that)|other (?:job|one)|correc(?:t?ion|iton|toin|tion)|corection|corretion|"
    r"(?:change|chagne|chnage|cahnge) (?:it|that)|not\b|oh|can we do|lets do|let's do|do)\b|\b(?:instead|isntead|insted|instaed|intsead)\b"
    r"|\bi meant\b|\bi mean\b|\bsame time\b|\bwr(?:o|0)?n+g (?:job|one|day|time|date)\b|\bmy bad\b|\bshould (?:say|read|be)\b"
    # "push it to 2pm", "9am would be better", "how about thursday", "rather do 10".
    r"|^\W*(?:push|move|bump|shift|switch|put) (?:it|that|her|him|them)\b(?! (?:back|up|out|forward|later|earlier) (?:an?|one|\d|half)\b)"
    r"|\b(?:would be|works?|wors|wroks|is|be) better\b|\bbetter at\b|\brather\b|^\W*(?:how|what) about\b|\bprefer(?:s|red)?\b"
    # "scratch the time make it 10 am", "move the day to 12/16 keep the time", "earlier pls like 8:30".
    r"|^\W*scratch\b|\b(?:keep|leave) the (?:time|day|date|hour)\b|\b(?:move|change|push|switch) the (?:day|time|date|hour)\b"
    r"|^\W*(?:a bit |a little |little |bit )?(?:earlier|later|sooner)\b"
    # "can we slide it to 4:45pm", "scoot that to thursday"
    r"|\b(?:slide|scoot|nudge|push|move|bump|shift|switch|change|swap|flip) (?:it|that|the (?:visit|appointment|appt|booking))\b"
    # "ho cant do that day the 10th works", "that time doesnt work for her, 3pm"
    r"|\bcan'?t do (?:that|this|the) (?:day|time|date|one)\b|\b(?:that|this|the) (?:day|time|date) (?:doesn'?t|wont|won'?t|dont|don'?t) work\b"
    # "can we slied that over to 11:45am", "they asked for 9:15am, same day", "try wed after next"
    r"|\b(?:sli(?:de|ed|d)|sldie)\b|\bover to\s+\d|\bsame (?:day|date)\b|\btry (?:for )?(?:mon|tue|wed|thu|fri|sat|sun|next|the \d|tomorrow|tmrw|\d)"
    # "custy asked for 2:15pm, can we do that", "she'd prefer thursday": the homeowner's time instead
    r"|\b(?:asked|asks|wants|prefers?|requested|would rather|rather have|'d rather|d prefer|would prefer)\s+(?:for\s+|it\s+(?:at|on)\s+)?(?:\d|mon|tue|wed|thu|fri|sat|sun|next|the \d|tomorrow|tmrw|noon)",
)
# A bare hour in a correction: "make it 3", "can we do 10:30", "at 2 instead".
_CORRECTED_HOUR = re.compile(r"\b(?:make (?:it|that)|do|at|to|@)\s+(\d{1,2})(?::(\d{2}))?\s*(a|p|am|pm)?\b(?![/\d])")
# A note's words said again: "srory i meant he will pay by card", "it should say ...".
_NOTE_MEANT = re.compile(
    r"\b(?:i m+e+a*n+t|i mean|me+a*n+t to say|(?:(?:it|that|the note|note)\s+)?should (?:say|read|be)|make it say"
    # "no wait make it paying through the bank financing", "sorry correction: dumpster goes at the bottom"
    r"|make (?:it|that)(?!\s+(?:say|read|to)\b)|make the note(?:\s+(?:say|read))?|(?:correction|correcion|corection|corretion|correciton|correctoin)\s*[:,-])\s*:?\s*(.+)$",
    re.I | re.S,
)
# A note's new words: "change it to: wants wedgewood blue shutters".
# "chnage that, paying with the credit union loan": the words after the ask to change it.
_NOTE_REWORDED = re.compile(r"\b(?:change|chagne|chnage|cahnge|make|have)\s+(?:it|that|the note)(?:\s+(?:to|say|read)\b|\s*[,:;-]+)\s*:?\s*(.+)$", re.S)
_CORRECTED_INTENT = {
    "crm_add_note": "crm.add_note", "crm_change_stage": "crm.change_stage",
    "crm_create_appointment": "crm.book", "crm_update_appointment": "crm.reschedule",
}
_JOB_NUMBER_SAID = re.compile(r"\d{3,}")
_SAME_TIME = re.compile(r"\bsame (?:time|hour)\b|\b(?:keep|leave) the (?:time|hour)\b")

_JOB_TOOLS = {"crm_add_note", "crm_change_stage", "crm_create_appointment", "crm_update_appointment", "crm_make_primer_video"}
_TITLES = {"Inspection": "Inspection", "Measure": "Measurements", "Estimate": "Estimate", "Install": "Install start"}
_KIND_WORD = {"Install": "install", "Inspection": "inspection", "Measure": "measure", "Estimate": "estimate", "Walkthrough": "walkthrough",
              "Follow-up visit": "follow-up", "Estimate review": "review", "Consultation": "consult"}
_CHOICE = {
    "crm": "look something up in the CRM",
    "knowledge": "answer from our playbook",
    "analysis": "check the director's calls",
    "web_search": "search the web",
    "scripting": "write a script",
    "new_clients": "take down a new customer",
    "pricing": "price a job",
}
_HELLO = (
    "Hi! I can look up customers and jobs (“whats the balance on the walsh job”), update the CRM after your yes, "
    "answer from our playbook, check the director's calls, price a job, or write a primer script. What do you need?"
)


def _has_measure(q: Any) -> bool:
    """Whether a pricing question gives anything to price by: an area, squares, feet, sizes or counts."""
    return any(v is not None for v in (q.area_sqft, q.squares, q.feet, q.length_ft, q.units)) or bool(q.windows) or bool(q.doors or q.garage_doors or q.downspouts)


def product_words(names: list[str]) -> frozenset[str]:
    """The words of catalog item names that name a product, not a size or a connective."""
    words = {w for name in names for w in re.findall(r"[a-z][a-z-]{2,}", name.casefold())}
    return frozenset(words - _NOT_PRODUCT_WORDS)


# Catalog items named by words that alone name none: "window install kit", "5/4 trim boards".
_PRODUCT_PHRASE = re.compile(r"\b(?:install kits?|trim boards?|corner posts?|starter strips?|ridge caps?|hip and ridge)\b")

_NOT_PRODUCT_WORDS = {
    "and", "with", "for", "the", "per", "lap", "style", "grade", "look", "screw", "exterior", "replacement",
    "architectural", "strip", "builder", "house", "double-hung", "hung", "double", "two-lite", "lite", "kit",
    "install", "roofing", "siding", "gutter", "gutters", "window", "windows", "roof", "trim", "board",
    "one", "year", "square", "bundle", "roll", "labour", "box", "layer", "james", "corner", "outside", "post",
    "hidden", "cap", "tab", "water",
}


_LOOKS_UP = re.compile(
    r"^(?:who|whose|who'?s|find|look\s*up|lookup|pull\s+up|search|check|which\s+customer|do\s+we\s+have|is\s+there|have\s+we\s+got)\b"
    r"|\bin\s+(?:the\s+)?(?:crm|system|leap)\b|\bwho\s+(?:is|it\s+is|that\s+is)\b"
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})
# Words after a customer's name ("the ferreira roof", "obriens balance", "for ferreira please").
_NAME_SLOT_AFTER = frozenset(TRADES_SAID) | {
    "job", "jobs", "house", "place", "account", "install", "installation", "inspection", "project", "balance", "phone",
    "number", "cell", "email", "address", "addy", "status", "contract", "deposit", "appt", "appointment", "stage", "rep",
    "estimate", "proposal", "invoice", "notes", "note", "deal", "family", "pls", "please", "owe", "owes", "start",
}
_CONTACT_GIVEN = re.compile(
    r"\d{3}\D{0,3}\d{3}\D{0,2}\d{4}|@|\bat\s+\w+\s+dot\s+com\b"
    r"|\b\d{1,5}\s+(?:[a-z]+\s+){1,3}?(?:st|street|rd|road|ave|avenue|ln|lane|dr|drive|way|ct|court|cir|circle|ter|terrace|pl|place|blvd|pkwy|hwy)\b"
)


# The clause a piece of news ends on: ", its signed", " - paid and closed".
# Its words are one to four words apart by single spaces, so a long run of letters is read once.
_STAGE_CLAUSE = re.compile(r"(?:,|\s-+\s|\s—\s|\.)\s*(?:(?:so\s+)?(?:its|it's|it is|now|thats|that's|they're|theyre|job is|were|we're)\s+)?([a-z&]+(?: [a-z&]+){0,3})\s*[.!]*$")
_WHAT_TO_SAY = re.compile(
    r"\b(?:draft|write up|script|pitch)\b|\bwhat (?:do|should|can) i (?:say|tell)\b|\bwhat i should say\b"
    r"|\b(?:something|anything|what|words|lines?) to (?:say|read|tell)\b|\bon camera\b"
)
_CLOSED_STAGES = frozenset({"Lost", "Paid & Closed"})
_ABOUT_CALLS = re.compile(r"\b(calls?|director|rachel|transcripts?|recordings?|sdc-?\d+|how many|how often|average|avg|percent|%)\b")
_HOW_IS = re.compile(
    r"^\W*(?:(?:ok|so|and|hey|yo|pls|please|can (?:you|u)|could (?:you|u))\s+)*"
    r"(?:hows|how's|how is|how are|where are we|wheres|where's|where is|status"
    # "whatts happening on carter", "lmeme see james", "take a look at the wellesley gutters"
    r"|(?:what\s+is|wha+t*'?s+|wa+t+'?s+)\s+(?:happening|going on|up|new|the deal|the story|the latest)\s+(?:on|with|w/?)"
    r"|(?:take|have) a (?:look|peek|peak) at|l(?:e|m){3,5}\s+(?:see|peek|peak|look at)|let me (?:see|peek|peak|look at)|peek at|pull up|bring up|give me the rundown on|gimme the rundown on"
    # "tell me aboout mccarthy in natick", "fill me in on 1044", "what do we have on the reillys"
    r"|tell me (?:a (?:bit|little) )?abo+u+t|fill me in on|what do we (?:have|know|got) on|(?:whats|what is) the scoop on"
    r"|any (?:news|updates?|word) (?:on|from|w/?)|anything new (?:on|with|w/?))\b"
)
# "the plymouth gutters?? whats the sttory": how the job stands, asked after naming it.
_STATUS_AFTER = re.compile(r"\b(?:wha+t*'?s+|what is|whats up with)\s+the\s+(?:st+o+r+y|sotry|stroy|storey|word|deal|scoop|latest|status|update)\s*[?!.]*\s*$")
_ABOUT_PRIMERS = re.compile(r"\bhow (?:long|many words|short)\b|\bshould\b|\bsupposed to\b|\bwhat goes in\b|\brule\b|\bcan i (?:mention|say|include)\b")
_MAKE_PRIMER = re.compile(r"\b(?:make|send|create|generate|start|kick off|record|shoot|render|produce)\b")
_GENERAL_QUESTION = re.compile(r"\b(?:supposed to|how far apart|rule of thumb|in general|typically|normally|generally|how many inches|how much overlap)\b")
# "pull up 1019", "pull the nashua roof for me", "grab the wellesley gutters": the whole card.
_PULL_UP = re.compile(r"^\W*(?:pull|grab|gimme|get me)\b")
_JOB_WORD = re.compile(r"\b(job|jobs|project|install|deal)\b")
# A look at something in the CRM: "check the salem roof", "open up the andover siding".
_LOOK_AT = re.compile(r"^\W*(?:(?:can|could) (?:you|u) |pls |please )?(?:che+c?k|cehck|chek|look at|look up|open(?: up)?|show me|bring up|find)\b")
_CRM_WORDS = re.compile(r"\b(status|balance|owe|owes|phone|number|email|address|install|inspection|appt|appointment|stage|job|contract|deposit|rep)\b")


_SHIFT = re.compile(r"\b(?:by\s+)?(a|an|one|two|three|half an?|\d{1,3})\s+(day|days|week|weeks|hour|hours|hr|hrs|minutes|mins)\b")
_SHIFT_EARLIER = re.compile(r"\b(earlier|sooner|up|forward|before)\b")
_SHIFT_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
_SHIFT_UNIT = {"day": 1440, "days": 1440, "week": 10080, "weeks": 10080, "hour": 60, "hours": 60, "hr": 60, "hrs": 60, "minutes": 1, "mins": 1}


def _shift_minutes(low: str) -> int | None:
    """How far a move shifts an appointment: "a day" 1440, "an hour earlier" -60; None if unsaid."""
    hit = _SHIFT.search(low)
    if hit is None:
        return None
    count, unit = hit.group(1), hit.group(2)
    minutes = _SHIFT_UNIT[unit] // 2 if count.startswith("half") else (_SHIFT_COUNTS.get(count) or int(count)) * _SHIFT_UNIT[unit]
    return -minutes if _SHIFT_EARLIER.search(low[hit.end():] + " " + low[: hit.start()]) and not re.search(r"\bback\b|\blater\b", low) else minutes


def _asks_only_fields(body: str) -> bool:
    """A note's words that only ask for a field ("number pls", "email?", "whats the addy")."""
    words = body.lower().strip(" ?.!").split()
    asking = len(words) <= 2 or body.strip().endswith(("?", "pls", "please", "plz"))
    return 0 < len(words) <= 4 and asking and bool(fields_asked(normalise(body)))


def _is_word(word: str, limit: int | None = None) -> bool:
    """In the English word list (which holds common surnames too: "gomez", "murphy" are asked
    about, "who do you mean?", rather than said to be unknown), or a typo of a word in it."""
    return is_near_english_word(word, limit)


def _full_name_said(low: str, customer: CustomerEntry) -> bool:
    return re.search(rf"\b{re.escape(customer.first.casefold())}\s+{re.escape(customer.last.casefold())}", low) is not None


def _names_customer_more(m: Mentions, d: Directory) -> bool:
    """Both a customer and a user share the name said: a customer with one match wins."""
    return len(m.customer_ids) == 1 and len(m.user_ids) != 1


def _first_name_typo(directory: Directory, before: str, last: str) -> int | None:
    """The one customer with this last name whose first name `before` is a typo of (a letter off,
    or two swapped), when `before` is no name or word of its own."""
    if len(before) < 3 or before.title() in FIRST_NAMES or is_everyday_word(before) or before in directory.towns:
        return None
    close = [
        c for c in directory.customer_tokens.get(last, set())
        if directory.customers[c].last.casefold() == last
        and OSA.distance(directory.customers[c].first.casefold(), before, score_cutoff=1) <= 1
    ]
    return close[0] if len(close) == 1 else None


def _full(records: dict[int, Any], tokens: dict[str, set[int]], a: str, b: str) -> set[int]:
    ids = tokens.get(a, set()) & tokens.get(b, set())
    return {i for i in ids if records[i].first.casefold() == a and records[i].last.casefold() == b} or ids


def _fitting_jobs(jobs: list[JobEntry], m: Mentions) -> list[JobEntry]:
    """The jobs the trade and town said fit (none said: none fit)."""
    if not (m.trades or m.towns):
        return []
    return [
        j for j in jobs
        if (not m.trades or any(t in j.trades or t.rstrip("s") in j.name.casefold() for t in m.trades))
        and (not m.towns or j.city.casefold() in m.towns)
    ]


def _pick_job(jobs: list[JobEntry], m: Mentions) -> JobEntry | None:
    fitting = _fitting_jobs(jobs, m)
    if len(fitting) == 1:
        return fitting[0]
    return None


def _narrow(customers: list[CustomerEntry], m: Mentions, d: Directory) -> list[CustomerEntry]:
    out = customers
    if m.trades:
        out = [c for c in out if any(any(t in j.trades for t in m.trades) for j in d.jobs_of(c.id))] or out
    if m.towns:
        out = [c for c in out if c.city.casefold() in m.towns or any(j.city.casefold() in m.towns for j in d.jobs_of(c.id))] or out
    return out


def _customer_candidate(c: CustomerEntry, d: Directory) -> Candidate:
    jobs = d.jobs_of(c.id)
    words = [c.first.casefold(), c.last.casefold(), c.city.casefold()]
    for j in jobs:
        words += [*j.trades, j.city.casefold(), str(j.id), j.number]
        words += [t.rstrip("s") for t in j.trades] + [w for t in j.trades for w, v in TRADES_SAID.items() if v == t]
    where = f" in {c.city}" if c.city else ""
    trades = ", ".join(dict.fromkeys(t for j in jobs for t in j.trades))
    label = f"{c.full_name}{where}" + (f" ({trades})" if trades else "")
    return Candidate(label=label, customer_id=c.id, words=[w for w in words if w])


def _job_candidate(j: JobEntry, customer: CustomerEntry | None) -> Candidate:
    words = [*j.trades, j.city.casefold(), str(j.id), j.number, *[w for t in j.trades for w, v in TRADES_SAID.items() if v == t]]
    words += normalise_stage_words(j.stage).split()
    label = f"job {j.id}, {j.label} ({j.stage})"
    return Candidate(label=label, customer_id=customer.id if customer else j.customer_id, job_id=j.id, words=words)


def _which(candidates: list[Candidate]) -> str:
    labels = [c.label for c in candidates]
    if len(labels) == 2:
        return f"Which one: {labels[0]} or {labels[1]}?"
    return "Which one: " + "; ".join(labels[:-1]) + f"; or {labels[-1]}?"


def _after_to(text: str) -> str:
    hit = _TO_TEXT.search(text[:4000])
    return hit.group(1).strip() if hit else ""


_NOTES_SAY = re.compile(
    r"^\W*(?:(?:and|ok|so)\W+)?(?:what (?:do|did) )?(?:the |any |her |his |their )?no+tes? (?:say|said|show|mention|have)\b(?! that\b)[^:;]{0,40}$"
)


def _reads_notes(low: str, d: Directory) -> bool:
    """A "note" request with nothing to write: every word is a reference or a word of reading."""
    if _NOTES_SAY.match(low[:400]):
        return True  # "notes say anything useful", "what do the notes say"
    marked = _NOTE_MARK.search(low[:4000])
    if (marked and not set(marked.group(1).strip(" ?.!").split()) <= _NOTE_READ_WORDS) or _NOTE_SAYING.search(low[:4000]):
        return False  # "greg carters siding job - newest note" marks no note's words: it reads
    words = [w.strip("#'?.!,-").removesuffix("'s") for w in low[:400].split()]
    words = [w for w in words if w and not w.isdigit() and not re.fullmatch(r"\d{4}-\d+", w)]
    cue = False
    for word in words:
        if word in _NOTE_READ_WORDS or word in TRADES_SAID or word in d.towns or d.name_token(word) is not None or word in ("job#", "#"):
            cue = cue or word in _NOTE_READ_CUE
            continue
        close = process.extractOne(word, _NOTE_READ_CUE, scorer=fuzz.ratio, score_cutoff=80) if len(word) >= 5 else None
        if close is None:
            return False
        cue = True
    return cue


# The ask itself said after the mark: "farrell windows - add note customer approved colors".
_NOTE_ASK = re.compile(
    r"^(?:(?:pls|please|can you|could you|go ahead and)\s+)*(?:(?:add|put|log|leave|make|drop|write|enter)\s+(?:a\s+|the\s+)?(?:quick\s+)?note"
    r"(?:\s+(?:that|saying|to say|reading))?\b"
    # "add to the nottes cat stays inside": the ask, typos and all, before the note's words.
    r"|(?:add|put|log|write)\s+(?:(?:this|that|it)\s+)?(?:to|in|into|on)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:notes?|nott?es|ntoes|nots|file)\b(?:\s+that\b)?)[\s:,-]*",
    re.IGNORECASE,
)


# "... put that in the notes", "... note it", "... log that": the instruction after the note's words.
_ASIDE = re.compile(
    r"^\W*(?:totally |completely |quick |a )?(?:side|random|unrelated|different|diff|other|another|off[- ]topic)\s+(?:q|qs|question|one|thing)\b"
    r"|^\W*(?:unrelated|off[- ]topic|btw|sidebar)\b"
)
_LEAD_TIME = re.compile(r"\blead[- ]?times?\b")
# "is it ok to ...", "is it worth ...": an "it" that points at nothing said before.
_EXPLETIVE_IT = re.compile(
    r"\b(?:is|was|would|will|does) it (?:be )?(?:ok|okay|alright|possible|worth|smart|safe|bad|better|normal|true|fine|legal|required|common|allowed|matter)\b"
    r"|\bit'?s (?:ok|okay|fine|possible|worth|smart|safe|normal|true|legal|required|allowed) to\b"
)
_COURTESY = re.compile(
    r"^\W*(?:(?:hey|hi|yo|ok|okay)\W+)?(?:hard-?e\W+)?"
    r"(?:(?:when|whenever|if) (?:you|u) (?:get|have|got) a (?:sec|second|min|minute|moment)\W+|real quick\W+)",
    re.I,
)
_COURTESY_AFTER = re.compile(r"(?<![\s,])[\s,]+(?:when|whenever|if) (?:you|u) (?:get|have|got) a (?:sec|second|min|minute|moment)\W*$", re.I)
# "does the deposit still apply if they finance": "they" is whoever does, not the one in focus.
_GENERIC_IF = re.compile(r"\b(?:if|when|once|whether|unless) (?:they|he|she|the ho|the homeowners?|a homeowner|customers?)\b")
# A question that opens on a condition of anyone's ("if they finance ...", "when a homeowner asks ..."): the policy, not the job in focus.
_OPENS_WITH_IF = re.compile(r"^\W*(?:(?:so|and|ok|okay|also)\W+)?(?:if|when|once|unless) (?:they|the ho|the homeowners?|a homeowner|customers?|a customer|someone|people)\b")
_SIDE_NOTE = re.compile(r"^\W*side\s*note\b[\s,:;.!-]*(\S.*)$", re.I | re.S)
_NOTE_START = re.compile(
    r"^\W*(?:(?:pls|please|can you|quick)\s+)?(?:jot(?:\s+down)?|fyi|heads up|notes?|ntoes|nots|noes|memo|add to (?:that|this|the|his|her|their) (?:one|job|file)"
    r"|for (?:whoever'?s?|who ever|whoevers|the next (?:guy|person|crew)) (?:is )?next out\b|for the (?:file|notes?|record)|remind (?:whoever|who ever|the crew|crew|the guys|the installers?|the next (?:guy|person|rep|crew)|every(?:one|body)|the team|our guys)"
    r"|(?:tack|tag|stick|add) (?:onto|on to|on) (?:that|this|the|his|her|their) (?:one|job|file)|slap (?:a )?note"
    r"|update (?:the |his |her |their )?(?:no+t\w{0,3}|nott?es|ntoes|nots|file) (?:on|for)"
    r"|(?:put|add|log|drop|leave|write|make)\s+(?:a\s+)?(?:quick\s+)?note)\b"
)
_NESTED_NOTE = re.compile(
    r"^(?:(?:note|notes|log|jot|add|put|make a note|fyi)\b[^:\-—]{0,40}?(?::|\s-+\s|\s—\s)|(?:log|put|add|jot)\s+(?:that|this|it)\b[^:]{0,30}:)\s*(.+)$", re.S | re.I
)
_FYI_NUMBER = re.compile(r"^\W*(?:fyi|heads up)\s+(?:on\s+|for\s+|re\s+)?(?:job\s*)?#?\d{3,7}(?:-\d{2,6})?\b[\s,:-]*(.+)$", re.I | re.S)
_NOTE_TAIL = re.compile(
    r"(?<![\s.,;!/-])[\s.,;!/-]*(?:(?:pls|please|can you|can u|could you|could u|and)\s+)?(?:(?:put|add|stick|throw|drop|jot|log|save|write|get)\s+(?:that|this|it)"
    r"(?:\s+(?:down|in|on|into|to)(?:\s+(?:the|his|her|their|my))?\s+(?:no+t\w{0,3}|nott?es|ntoes|nots|file|job|crm|record|account|there|here))?"
    # "... / add to notes", "..., put in the file"
    r"|(?:add|put|save|log|stick)\s+(?:to|in|into|on)\s+(?:the\s+)?(?:no+t\w{0,3}|nott?es|ntoes|nots|file)"
    # "... put that in": the notes go without saying ("put it in" after a time is a booking).
    r"|(?:put|jot|get)\s+(?:that|this)\s+(?:in|down)"
    r"|(?:note|log)\s+(?:that|this|it)|(?:add|put|save|log)\s+(?:it|that|this)\s+as\s+a\s+note"
    # "..., add a note", "... make a note of it"
    r"|(?:add|make|put|leave|drop)\s+(?:a\s+)?note(?:\s+(?:of|on|about)\s+(?:that|it|this))?)[\s.!]*(?:pls|please|thx|thanks)?[\s.!]*$",
    re.I,
)
# "fyi on job 1003, parking is tight": a heads-up whose words come after the job it names.
_FYI = re.compile(r"^\W*(?:fyi|heads up|note|notes|ntoes)\b[^,:]{0,60}?(?:,|:|\s-+\s|\s—\s)\s*(.+)$", re.I | re.S)


_FINANCING_TERMS = re.compile(
    r"\b(?:apr|interest rate|\d+\s*(?:mo|mos|month|months)\b(?:\s+(?:plan|financing|term|program|option|same as cash))?"
    r"|financing (?:rate|program|plan|option|term)s?|same[- ]as[- ]cash)\b"
)
# News about a job that says which stage it is in now, in reps' words.
_STAGE_NEWS = (
    (re.compile(
        r"\b(?:went|going|gone|goin) (?:with|w/?) (?:the other|another|a different|some other|someone|somebody|the cheaper|a cheaper|the competition|a competitor)\b"
        r"|\bpicked (?:somebody|someone|some1) else\b|\bwent elsewhere\b|\b(?:said|says) no thanks\b|\bpassed on (?:it|us)\b"
        r"|\bnot (?:moving|going) forward\b|\bchose (?:another|someone|somebody|a different)\b"
        r"|\b(?:went|going|gone) (?:another|a different|the other) (?:way|direction|route)\b|\bdecided against (?:us|it)\b"
        # "they went with the otheer bid", "signed with the other guy"
        r"|\b(?:went|going|gone|goin|signed) (?:with|w/?) (?:the )?oth\w* (?:bid|quote|guy|guys|company|contractor|outfit|offer)\b"
    ), "lost"),
    (re.compile(
        r"\b(?:we'?re|were|we are|crew is|crews) (?:all )?(?:done|finished) (?:at|with|on)\b|\bknocked (?:it|that|the job|that one) out\b|\bcrew (?:wrapped|finished)(?: up)?\b|\b(?:all )?wrapped up\b"
        # "Reilly siding job is finished, crew packed up", "the job is all done"
        r"|\b(?:job|work|install|project) (?:is |was )?(?:all )?(?:finished|done|complete|completed)\b(?!\s*\?)|\bcrews? (?:packed|cleaned) up\b"
    ), "completed"),
    (re.compile(
        r"\b(?:just )?(?:emailed|sent|dropped off|mailed) (?:out )?(?:the|them the|her the|him the|our) (?:proposal|quote|estimate|bid)\b"
        r"|\b(?:proposal|quote|bid|estimate) (?:is|went|got sent|was sent) out\b|\b(?:proposal|quote|bid) (?:is )?in (?:their|her|his) hands\b"
        # "the sudbury siding got the proposal": the homeowner has it now
        r"|\b(?:got|has|have|received) (?:the|our) (?:proposal|quote|bid)\b(?!\s+(?:yet|back|signed))"
    ), "proposal sent"),
    (re.compile(
        r"\b(?:got |been |was )?(?:bumped|put|moved|added|slotted) (?:on|onto|to|into) the (?:install |production |crew )?(?:schedule|calendar|board)\b|"
        r"\binstall (?:date )?is (?:locked|set|booked|confirmed)(?: in)?\b|\b(?:on|onto) the (?:install|production) (?:schedule|calendar|board)\b"
        r"|\b(?:has|got|have) an install date(?: now)?\b|\binstall date (?:is )?(?:set|booked|picked)\b"
        # "2610-1041 has a start date loocked in", "got a start date"
        r"|\b(?:has|got|have) (?:a |an )?(?:start|install|build) date\b(?! yet)|\b(?:start|install|build) date (?:is )?(?:lo+c?ked|set|booked|confirmed|picked)\b"
    ), "scheduled"),
    (re.compile(
        r"\bcrews? (?:is|are|r) (?:on site|onsite|on the job|out there now|started)\b|\bcrews? (?:start+ed|showed up|pulled in|began|kicked off)\b|\bwork (?:has )?start+ed\b"
        # "we broke ground on gary wong", "crews startted tearing off", "tear off began", "job is underway"
        r"|\bbr(?:oke|eaking) ground\b|\b(?:start+ed|began|begun) (?:the )?(?:tear(?:ing)?[ -]?off|tearing|stripping|demo|install(?:ing|ation)?|the job|work)\b"
        r"|\btear[ -]?off (?:is )?(?:start+ed|began|underway|going)\b|\b(?:is|its|it's|now) underway\b|\bin full swing\b"
        # "crew is tearing into job 1017 as we speak", "work startde over there today"
        r"|\bcrews? (?:is|are|r) (?:tearing|ripping|working|digging) (?:into|on|off)\b|\bwork (?:has )?start(?:t*ed|de|d)\b|\b(?:we|they) (?:started|began) (?:today|this morning)\b"
    ), "in progress"),
    (re.compile(
        r"\b(?:is|its|it's|we'?re|were|we are) a go\b|\bink is dry\b|\b(?:they|she|he) (?:just )?signed\b|\bgot the signature\b|\bput (?:the )?pen (?:to )?paper\b|\bsigned on the dotted line\b"
        r"|\b(?:finally |just )?signed (?:the |their |her |his )?(?:contract|agreement|paperwork|papers)\b"
        # "santos innked the deal", "contract came back signde", "got the signed contract back", "closed the deal"
        r"|\bin+ked (?:the |a )?(?:deal|contract|agreement|it)\b|\b(?:closed|sealed|landed) the deal\b"
        r"|\b(?:contract|agreement|paperwork|papers) (?:came|come|is|got) back (?:all )?sign(?:ed|de|d)\b|\bgot the sign(?:ed|de|d) (?:contract|agreement|paperwork|papers)\b"
    ), "contract signed"),
    (re.compile(
        r"\b(?:we'?re|were|we are) (?:all )?(?:paid up|square|squared up|settled up)\b|\bgot the final(?: payment| check| draw)?\b(?!\s+(?:walk|inspection|sign|ok|say))|"
        r"\ball paid up\b|\bpaid (?:up|in full|off) now\b|\b(?:final|last) (?:check|chcek|chekc|chek|payment) (?:cleared|came in|is in|received|landed)\b"
        # "reillys gutters paid in full, clsoe it out", "..., paid off": said as done, not asked
        r"|\bpaid (?:in full|off)\s*(?:[,.;!]|-+\s|$|and\b|so\b|today\b|yesterday\b)"
        # "johns roof paid the last invoice in full"
        r"|\bpaid (?:the |their |his |her )?(?:last|final) (?:invoice|bill|payment)\b"
    ), "paid and closed"),
    (re.compile(
        # "job no 1024 needs more time, circle back later", "they want to think it over"
        r"\b(?:needs?|wants?|asked for) (?:some )?more time\b|\bcircle back (?:later|in|next)\b|\bwants? to (?:think (?:it over|about it)|sleep on it)\b"
        # "she wants to think, follow up", "wnts to think it over, ill circle back": the wait, and what we do next
        r"|\b(?:wants?|wnts|needs?) (?:some time )?to think\b(?:\s+(?:it over|about it|on it))?(?=\s*[,;.-]+\s*(?:so\s+)?(?:follow[- ]?up|circle back|ill circle back|i'll circle back|check back))"
    ), "follow up"),
    (re.compile(
        # "scope changed, nees a new estimate", "ho wants it requoted"
        r"\bscope (?:changed|change|grew)\b.{0,40}\b(?:new|another|re-?) ?(?:estimate|quote|price|numbers|bid)\b|\bchanged the scope\b"
        # "gotta go back out and re-price it", "ho wants it requoted", "needs remeasuring": priced again
        r"|\bre-?(?:quot|pric|estimat|measur|bid)(?:e|ed|es|ing)?\b|\bredo (?:the |our )?(?:numbers|estimate|quote|pricing|bid|measurements?)\b"
    ), "estimating"),
)


def _stage_news(low: str, d: Directory) -> str | None:
    """The stage a job's news puts it in, said in words the patterns above know."""
    meant = next((m for pattern, m in _STAGE_NEWS if pattern.search(low)), None)
    return _stage_named(meant, d)


# News says what happened: a verb in the past ("crew got started", "emailed her the quote", "the
# ho put pen to paper"). "smith gutters install date" or "back to that one, balance" asks.
_NEWS_VERB = re.compile(
    r"\b(?:[a-z]{3,}ed|paid|pd|sold|put|went|got|signed|done|lost|won|left|sent|took|gave|said|told|"
    r"began|begun|came|underway|bailed|backed|walked|ghosted|wrapped|finished|started|hired|picked|chose|"
    r"dead|wants|wnts|wnats|decided|made|ill|i'll)\b"
)
# A state said of the job ("crew is over at gary wong", "we're all square"); first, it asks ("is the crew there").
_NEWS_STATE = re.compile(r"\b(?:is|are|r|was|were|its|it's|we're|were|they're|theyre)\b|\bas we speak\b")
# With neither, news only when the classifier is sure of it (chosen on the dev sets).
_SURE_WITHOUT_VERB = 0.75
_ANY_QUESTION_WORD = re.compile(r"\b(?:what|whats|when|whens|how|who|whos|which|where|wheres|why|did|does|has|have)\b")


def _learned_news(low: str, d: Directory) -> str | None:
    """The stage news puts a job in as the classifier of news reads it ("the ho put pen to
    paper", "they ghosted us"), for news in words no pattern knows. Only a statement with a verb
    of what happened is read; a question never is, nor what the homeowner said, reported ("he
    said the check is in the mail"): that is a note."""
    if _reported(low) or _ANY_QUESTION_WORD.search(low) or low.rstrip().endswith("?"):
        return None
    reading = default_news().read(low)
    said = _NEWS_VERB.search(low) or (_NEWS_STATE.search(low) and not _NEWS_STATE.match(low))
    if not said and reading.probability < _SURE_WITHOUT_VERB:
        return None  # "crew is on gary wong as we speak" is news; "smith gutters install date" asks
    return _stage_named(reading.stage, d)


def _stage_named(meant: str | None, d: Directory) -> str | None:
    if meant is None:
        return None
    for stage in d.stages:
        if normalise_stage_words(stage.name) == meant or stage.name.casefold() == meant:
            return stage.name
    return None


_BOOK_VERB = re.compile(r"\b(?:book|booked|pencil(?:ed)?|set up|put (?:him|her|them|it) (?:down|in)|get (?:a |an |the )?[\w -]{0,20}(?:booked|scheduled|on the calendar))\b")
_REMEMBER = re.compile(r"\b(?:just so we remember|so we (?:don'?t|dont) forget|for the record|for future reference)\b")
_WRITE_DOWN = re.compile(r"\b(?:write|wirte|wite|wrtie|wrte|jot|put)\s+(?:(?:this|that|it)\s+)?down\b(?!\s+(?:payment|deposit))")
# "also note wants the job photos emailed", "on that one note renting a dumpster is ok w them",
# "put in there has solar panels on the south side": the ask first, then the note's words.
_ASK_THEN_NOTE = re.compile(
    r"^\W*(?:(?:ok|okay|so|also|and|oh|anyway|anyways|anywa+y|k|kk|alright|then|pls|please|can you|could you|go ahead and)\W+)*"
    r"(?:(?:on|for|to)\s+(?:that|this|the|his|her|their)\s+(?:(?:roof|roofing|siding|windows?|gutters?)\s+)?(?:one|job|file|account|house)\W+)?"
    r"(?:(?:pls|please|can you|could you|go ahead and)\s+)?"
    r"(?:(?:add|put|log|leave|make|drop|write|enter|stick|throw|jot)\s+(?:down\s+)?(?:a\s+|the\s+)?(?:quick\s+)?(?:note|nots?|ntoe|noet)s?"
    r"(?:\s+(?:on|to|in|for)\s+(?:that|this|the|his|her|their|it|th+ere|here)(?:\s+(?:one|job|file))?)?"
    r"|(?:put|add|write|log|jot|stick|throw|toss|drop)\s+(?:(?:this|that|it)\s+)?(?:in|on|into|to)\s+(?:there|here|it|that|the\s+(?:notes?|file)|(?:his|her|their|the)\s+(?:notes?|nots|nott?es|ntoes|file|roof|siding|windows?|gutters?|job))"
    r"|(?:add|log|jot)(?=\s+(?!a\s|an\s|the\s|new\s|note|to\s|on\s|in\s)\w)"  # "for his roof job add outlet ... is ok to use"
    r"|(?:write|wirte|wrtie|jot|put)\s+down|(?:write|wirte|wrtie)(?=\s+that\b)|jot(?:\s+(?:that|this))?(?=\s+\w)"
    r"|note(?:\s+(?:it|that|this))?(?:\s+on\s+(?:that|this|it|there|here)(?:\s+one)?)?)"
    r"(?:\s+(?:that|saying|to say|reading))?(?:\s*[:,-]+\s*|\s+)(?P<body>\S.*)$",
    re.I | re.S,
)


# "for her roof notes, grandkids play in the yard", "roof customer in quincy for the nots big dogs
# inside": whose notes they are, then the note.
_WRITE_VERB = re.compile(
    r"\b(?:add|put|log|write|wirte|jot|make|leave|drop|stick|tack|save|record|enter|type|update|updte|note (?:that|it|this|down))\b"
    r"|(?:^|\b(?:can (?:you|u)|could (?:you|u)|pls|please|and|just|also|go ahead and)\s+)note\b"  # "can u note on 2611-1047 ..."
)
_FOR_NOTES = re.compile(
    r"(?:^|\s)(?:for|in|on|into|to)\s+(?:(?:his|her|their|the|that|this|my)\s+)?(?:(?:roof|roofing|siding|windows?|gutters?|job)(?:'?s)?\s+)?"
    r"(?:no+t\w{0,3}|nott?es|ntoes|nots|noes|nootes|file)\b\s*[,:;-]?\s+(?P<body>\S.*)$",
    re.I | re.S,
)
_CUSTOMER_WORDS = {"customer", "custy", "client", "homeowner", "ho", "place", "house", "one", "over", "out", "up", "down", "in", "at", "on"}


def _for_the_notes(text: str, d: Directory) -> str:
    """The note after "for her roof notes," when every word before it only says whose job it is."""
    hit = _FOR_NOTES.search(text[:4000])
    if hit is None or len(hit.group("body").split()) < 2 or re.match(r"(?:on|for|to|at|about|re|of)\b", hit.group("body"), re.I):
        return ""  # "for the file on job 1049 the gate sticks": the job comes after, then the note
    words = [w.casefold().strip("#'’.-").removesuffix("'s") for w in re.findall(r"[A-Za-z0-9#'’.-]+", text[: hit.start()])]
    if not all(w in _CUSTOMER_WORDS or _names_the_job(w, d) for w in words):
        return ""
    body = hit.group("body")
    tail = _NOTE_TAIL.search(body)
    return (body[: tail.start()] if tail is not None and tail.start() > 0 else body).strip(" ,.;:-")


# "for her siding, ...", "on the roof job - ...": which of the customer's jobs, said first.
_FOR_THE_JOB = re.compile(
    r"^\W*(?:(?:also|and|ok|okay|so|oh)\W+)*(?:for|on|re|about)\s+(?:that|this|the|his|her|their)\s+"
    r"(?:(?:roof|roofing|siding|windows?|gutters?)(?:\s+(?:job|one))?|one|job)\s*[,:;-]+\s*",
    re.I,
)


def _words_before_tail(text: str) -> int:
    """How many words come before a closing "note that" / "put that in the notes", 0 if none does."""
    tail = _NOTE_TAIL.search(text[:4000])
    return len(text[: tail.start()].split()) if tail is not None else 0


# What the homeowner said, reported: "anyways for his job he also said basement floods ...",
# "the wife mentioned they want to wait til spring". The words from who said it are the note.
_REPORTED = re.compile(
    r"^\W*(?:(?:anyways?|ok(?:ay)?|so|also|and|oh|btw|fyi|update|quick update)\W+)*"
    r"(?:(?:for|on|re|about|at)\s+(?:his|her|their|the|that|this)\s+(?:job|one|house|place|file)\W+)?"
    r"(?P<body>(?:he|she|they|ho|the ho|homeowner|the homeowner|the wife|the husband|his wife|her husband|their son|their daughter|the customer)"
    r"\s+(?:also\s+|just\s+|then\s+)?(?:said|says|mentioned|told (?:me|us)|asked (?:about|for|if|whether)|is worried|complained|called (?:back|in)?)\b"
    r"[^?]{8,600})$",
    re.I | re.S,
)


def _reported(text: str) -> str:
    hit = _REPORTED.match(text[:4000])
    return hit.group("body").strip(" .") if hit is not None else ""


def _note_after_ask(text: str) -> str:
    hit = _ASK_THEN_NOTE.match(text[:4000])
    if hit is None:
        return ""
    body = hit.group("body").strip().strip('"“”').strip()
    if re.match(r"(?:to|on|for|in|re|about)\b", body, re.I) or len(body.split()) < 2:
        return ""  # "add a note to 1042 called left vm": the job it is for comes first
    return body


# A note's words in quotes: 'log "chimney flashing looks rusted" on that one'.
_QUOTED = re.compile(r'["“]([^"“”]{3,2000})["”]')


_NOTE_WORD = re.compile(r"\b(?:notes?|ntoe|noet|memo|jot|log)\b", re.I)
_MARK_BEFORE = re.compile(r"(?::|\s-+|\s—)\s*$")
_NOT_A_LABEL = {"a", "an", "the", "on", "for", "to", "in", "at", "w", "with", "re", "about", "of", "no", "new", "quick", "one", "over", "there", "add", "pls", "please"}


def _names_the_job(word: str, d: Directory) -> bool:
    """A word that only says which job a note is for: a number, a name, a town, a trade, "the"."""
    return (
        not word or word.isdigit() or word in d.job_numbers or word in _REFERENCE_WORDS or word in _NOT_A_LABEL
        or word in TRADES_SAID or word in d.towns or (len(word) > 2 and word not in _NOT_NAMES and d.name_token(word) is not None)
    )


def _fyi_whole(text: str, body: str, d: Directory) -> str:
    """"fyi on the 1039 job - dog is friendly" names its job before the mark; in "fyi baby naps
    midday, keep it quiet around then" the words before the comma are the note's own."""
    fyi = re.match(r"^\W*(?:fyi|heads up)\b[\s,:-]*", text, re.I)
    at = text.find(body, fyi.end()) if fyi is not None and body else -1
    if fyi is None or at <= fyi.end():
        return body
    words = [w.casefold().strip("#'’.-").removesuffix("'s") for w in re.findall(r"[A-Za-z0-9#'’.-]+", text[fyi.end() : at])]
    if all(_names_the_job(w, d) for w in words):
        return body
    whole = text[fyi.end() :]
    tail = _NOTE_TAIL.search(whole)
    return (whole[: tail.start()] if tail is not None and tail.start() > 0 else whole).strip(" ,.;:-")


def _labelled(text: str, body: str, d: Directory) -> str:
    """A note's own label is part of it: in "new note dog: big lab, friendly" or "add a note job
    no. 1055, parking - street only" the words between the note (and the job it is for) and the
    colon or dash are the note's first words, not the ask."""
    at = text.find(body)
    mark = _MARK_BEFORE.search(text[:at]) if at > 0 else None
    cues = list(_NOTE_WORD.finditer(text[: mark.start()])) if mark is not None else []
    cue = cues[-1] if cues else None
    if mark is None or cue is None:
        return body
    words = list(re.finditer(r"[A-Za-z0-9#'’.-]+", text[cue.end() : mark.start()]))
    label: list[re.Match[str]] = []
    for hit in words:
        word = hit.group(0).casefold().strip("#'’.-").removesuffix("'s")
        label = [] if _names_the_job(word, d) else [*label, hit]
    if not 1 <= len(label) <= 3:
        return body
    return text[cue.end() + label[0].start() :].strip()


# "remind whoever goes out to 2611-1047 that the driveway is shared": the words after "that".
_REMIND = re.compile(
    r"^\W*(?:(?:pls|please|can you|can u)\s+)?remind (?:whoever|who ever|the crew|crew|the guys|the installers?|the next (?:guy|person|rep|crew)"
    r"|every(?:one|body)|the team|our guys)\b[^.?!]{0,80}?\s+that\s+(\S.*)$",
    re.I | re.S,
)


_QUICK_ONE = re.compile(r"\bquick one for (?:the )?(?:notes?|ntes|nots|ntoes|noes|file)\s+(?!on\b|for\b|to\b|about\b)(\S.*)$", re.I | re.S)


# "for whoevers next out at 1028, neighbor complained ...": the words after the comma.
_NEXT_OUT = re.compile(
    r"^\W*for (?:whoever'?s?|who ever|whoevers|the next (?:guy|person|crew)) (?:is )?next out\b[^,:;-]{0,60}?(?:,|:|;|\s-+\s)\s*(\S.*)$", re.I | re.S
)


def _note_body(text: str) -> str:
    head = text[:4000]
    out = _NEXT_OUT.match(head)
    if out is not None:
        tail = _NOTE_TAIL.search(out.group(1))
        return (out.group(1)[: tail.start()] if tail is not None and tail.start() > 0 else out.group(1)).strip(" ,.;:-")
    quick = _QUICK_ONE.search(head)
    if quick is not None and not _NOTE_MARK.match(head[quick.start(1) - 1 :]):
        return quick.group(1).strip(" ,.;:-")
    crew = _CREW_KNOW.search(head)
    if crew is not None and len(crew.group(1).split()) >= 2:
        tail = _NOTE_TAIL.search(crew.group(1))
        return (crew.group(1)[: tail.start()] if tail is not None and tail.start() > 0 else crew.group(1)).strip(" ,.;:-")
    remind = _REMIND.match(head)
    if remind is not None:
        body = remind.group(1)
        tail = _NOTE_TAIL.search(body)
        return (body[: tail.start()] if tail is not None and tail.start() > 0 else body).strip(" ,.;:-")
    quoted = _QUOTED.search(head)
    if quoted is not None and len(quoted.group(1).split()) >= 2 and _NOTE_CUE.search(head[: quoted.start()].lower()):
        return quoted.group(1).strip()
    tail = _NOTE_TAIL.search(head)
    if tail is not None and tail.start() > 0:
        head = head[: tail.start()]
        fyi = _FYI.search(head)
        if fyi is not None:
            return fyi.group(1).strip().strip('"“”').strip()
        numbered = _FYI_NUMBER.match(head)
        if numbered is not None and numbered.group(1).strip():
            return numbered.group(1).strip().strip('"“”').strip()  # "fyi #1063 skylight leaks, add it as a note"
    fyi = _FYI.search(head) if re.match(r"^\W*(?:fyi|heads up)\b", head, re.I) else None
    if fyi is not None:
        return fyi.group(1).strip().strip('"“”').strip()
    hit = _NOTE_MARK.search(head) or _NOTE_SAYING.search(head) or _NOTE_AFTER_NAME.search(head)
    if not hit:
        return ""
    body = hit.group(1).strip().strip('"“”').strip()
    # "anyway, on melissa quinn: note on this one: two dogs": the words after the note's own mark.
    nested = _NESTED_NOTE.match(body) or _FYI.match(body) or (_NOTE_SAYING.search(body) if _NOTE_START.match(body.lower()) else None)
    if nested is not None:
        body = nested.group(1).strip().strip('"“”').strip()
    inner = _NOTE_ASK.sub("", body, count=1)
    return inner.strip().strip('"“”').strip() if inner.strip() else body
