"""Slot fillers: the demo company's real names plus synthetic ones, split train / held out.

Every name-like filler (customers' first and last names, reps, towns, streets, job
numbers, appointment ids, competitors, manufacturer product lines, note bodies) is
partitioned: a name used in the held-out split never appears in the training split. Domain
vocabulary (stages, trades, products in the catalog, dates, times) is shared, because a
classifier has to know it.

The split of the real names is fixed by sorted order (every fourth name is held out), so it
does not depend on the random seed.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harde.config import DEMO_DIR

SEED_PATH = DEMO_DIR / "crm" / "seed.json"

# ---------------------------------------------------------------------------------------
# Synthetic names: common US names that are not in the demo company
# ---------------------------------------------------------------------------------------
SYN_FIRST_TRAIN = ["Sarah", "Jennifer", "Amanda", "Jessica", "Ashley", "Emily", "Rachel", "Laura", "Heather", "Nicole", "Stephanie", "Rebecca", "Michelle", "Kimberly", "Elizabeth", "Amy", "Angela", "Christine", "Kelly", "Dawn", "Tracy", "Wendy", "Paula", "Donna", "Carol", "Barbara", "Janet", "Ruth", "Joan", "Ann", "Debra", "Cheryl", "Gina", "Tina", "Beth", "Anne", "Katie", "Allison", "Molly", "David", "William", "Richard", "Charles", "Christopher", "Anthony", "Paul", "Jason", "Jeffrey", "Ryan", "Eric", "Jacob", "Gregory", "Frank", "Raymond", "Scott", "Peter", "Andrew", "Joshua", "Dennis", "Walter", "Henry", "Douglas", "Keith", "Roger", "Carl", "Gerald", "Wayne", "Ralph", "Bruce", "Louis", "Russell", "Philip", "Bobby", "Victor", "Martin", "Ernest", "Phil", "Ed", "Bill", "Bob", "Joe", "Jim", "Dan", "Chris", "Mike", "Steve", "Jen", "Liz", "Pat", "Al", "Ray", "Ken", "Ted", "Nick", "Vinny", "Sal", "Anh", "Minh", "Priyanka", "Arjun", "Wei", "Jorge", "Luz", "Ana", "Fatima", "Omar"]

SYN_FIRST_HELDOUT = ["Brenda", "Gloria", "Rita", "Marsha", "Lorraine", "Yvonne", "Irene", "Tammy", "Bonnie", "Veronica", "Audrey", "Maureen", "Harold", "Eugene", "Roy", "Stanley", "Leonard", "Dale", "Glenn", "Curtis", "Norman", "Floyd", "Vernon", "Lloyd", "Clifford", "Marco", "Ibrahim", "Mei", "Ravi", "Ines", "Dmitri"]

SYN_LAST_TRAIN = ["Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Rogers", "Cook", "Morgan", "Bell", "Bailey", "Cooper", "Richardson", "Cox", "Howard", "Ward", "Peterson", "Gray", "Ramos", "Watson", "Kim", "Sanders", "Price", "Bennett", "Wood", "Ross", "Henderson", "Coleman", "Jenkins", "Perry", "Powell", "Long", "Patterson", "Hughes", "Washington", "Butler", "Simmons", "Foster", "Gonzales", "Bryant", "Alexander", "Griffin", "Hayden", "Ortiz", "Ferreira", "Callahan", "Donovan", "Sullivan", "Costello", "Driscoll", "Mahoney", "Gallagher", "Kelleher", "Riordan", "Connolly", "Flaherty", "Mullen", "Tierney", "Rossi", "Ricci", "DeLuca", "Marino", "Silva", "Medeiros", "Souza", "Tran", "Pham", "Le", "Patel", "Shah", "Cohen", "Levine", "Kowalczyk", "Nowak", "Bergeron", "Gagnon", "Pelletier", "Ouellette", "Leblanc", "Cormier"]

SYN_LAST_HELDOUT = ["Holloway", "Whitfield", "Pruitt", "Stanton", "Brewer", "Lockhart", "Hargrove", "Vance", "Kessler", "Ashby", "Dunleavy", "Moynihan", "Keegan", "Halloran", "Fennelly", "Caruso", "Santangelo", "Barbosa", "Vo", "Desai", "Lindqvist", "Okafor", "Benoit", "Thibault", "Rourke", "Emerson", "Garrity", "Pasquale", "Maloney", "Whalen"]

# Reps that are not in the demo company's users.
SYN_REPS_TRAIN = [
    "Jess Morales", "Tony Marchetti", "Marcus Bell", "Kayla Price", "Derek Hunt", "Nicole Ward",
    "Brandon Lake", "Ashley Nunes", "Ryan Cole", "Courtney Sims", "Jake Porter", "Alyssa Reid",
    "Shawn Daly", "Dom Pagano", "Kristen Shaw", "Nate Fisher", "Brian Kelley", "Jamie Conti",
    "Chris Doherty", "Amanda Lopes", "Eddie Vargas", "Mia Hurley", "Steve Amato", "Jon Pratt",
    "Lauren Fitz", "Gabe Silvestri", "Tyler Boucher", "Danielle Roux", "Matt Keane", "Rob Sheehan",
    "Kate Morin", "Paulo Dias", "Jenna Wolfe", "Zach Hebert", "Carla Mendez", "Victor Lam",
    "Joe Fontaine", "Rick Ames", "Sam Wu", "Dave Cronin",
]
SYN_REPS_HELDOUT = [
    "Luis Ortega", "Hannah Voss", "Trevor Blaine", "Monique Hart", "Cody Barnes", "Tasha Grant",
]
# Real users held out (the rest are used for training).
HELDOUT_USERS = {"Kevin Shea", "Priya Raman", "Tom Brennan"}

SYN_TOWNS_TRAIN = ["Boston", "Cambridge", "Somerville", "Newton", "Brookline", "Medford", "Malden", "Arlington", "Lexington", "Belmont", "Watertown", "Dedham", "Milton", "Norwood", "Walpole", "Franklin", "Milford", "Hopkinton", "Holliston", "Ashland", "Southborough", "Westborough", "Northborough", "Hudson", "Maynard", "Acton", "Chelmsford", "Billerica", "Tewksbury", "Dracut", "Methuen", "Haverhill", "Beverly", "Peabody", "Danvers", "Woburn", "Burlington", "Reading", "Stoughton", "Canton", "Weymouth", "Hingham", "Duxbury", "Marshfield", "Kingston", "Taunton", "Attleboro", "Leominster", "Fitchburg", "Holden", "Auburn", "Grafton", "Warwick", "Dover", "Medway"]
SYN_TOWNS_HELDOUT = ["Sharon", "Foxborough", "Mansfield", "Easton", "Bridgewater", "Abington", "Rockland", "Scituate", "Cohasset", "Norwell", "Westford", "Littleton", "Harvard", "Bolton", "Stow", "Lancaster"]

SYN_STREETS_TRAIN = [
    "Main St", "Washington St", "Park Ave", "Union St", "School St", "Church St", "High St",
    "Center St", "Spring St", "Mill St", "Pine St", "Walnut St", "Cherry Ln", "Forest Ave",
    "Hill St", "Bay Rd", "River Rd", "Lincoln St", "Franklin St", "Central St", "Water St",
    "Grove St", "Hawthorne Rd", "Putnam Ave", "Beacon St", "Sycamore Dr", "Willow Way",
    "Fairview Ave", "Woodland Rd", "Linden St", "Hemlock Dr", "Ridge Rd", "Bridge St",
]
SYN_STREETS_HELDOUT = [
    "Bayberry Ln", "Juniper Ct", "Whittier Rd", "Magnolia Ave", "Cranberry Way", "Larch Rd",
    "Sagamore St", "Quarry Rd", "Tupelo Dr", "Heritage Ln",
]

COMPETITORS_TRAIN = [
    "Copper Kettle Roofing", "Window World", "Power Home Remodeling", "Renewal by Andersen",
    "Bay State Roofing", "Pro Exteriors", "Northshore Siding Co", "a local handyman",
    "Patriot Roofing", "Boston Gutter Guys", "Elite Home Exteriors", "Mr. Roof",
]
COMPETITORS_HELDOUT = [
    "Granite State Exteriors", "Cape Cod Roofing Pros", "Minuteman Home Improvement",
    "Northeast Window Co",
]

# Manufacturer product lines for outside look-ups (web_search).
MFR_TRAIN = [
    "GAF Timberline HDZ", "Owens Corning Duration", "CertainTeed Landmark", "James Hardie HardiePlank",
    "Andersen 400 Series", "Pella 250", "Mastic Carvedwood 44", "Englert LeafGuard", "GAF Camelot II",
    "Owens Corning Oakridge", "CertainTeed Northgate", "Marvin Essential", "Harvey Tribute",
    "Harvey Classic", "HardieTrim", "Owens Corning TruDefinition Duration", "GAF Grand Sequoia",
    "Alside Prodigy", "Royal Celect", "Simonton 5500",
]
MFR_HELDOUT = [
    "GAF Timberline UHDZ", "Atrium 8700", "Ply Gem Mira", "TAMKO Heritage", "IKO Cambridge",
    "Alside Charter Oak", "ProVia Aeris", "Malarkey Vista",
]

# Our own product lines, named in playbook questions (knowledge): shared vocabulary.
OUR_BRANDS = [
    "GAF", "GAF HDZ", "Timberline HDZ", "HDZ", "Owens Corning", "Duration", "CertainTeed",
    "Landmark", "Hardie", "James Hardie", "HardiePlank", "Mastic", "Carvedwood", "Englert",
    "the Englert guards", "the algae resistant shingles", "the designer shingles",
]

# Web-search look-ups, written whole.
WEB_QUERIES = [
    "gaf certified installer requirements", "mass save window rebates 2026", "ice dam prevention",
    "class 4 shingle insurance discount massachusetts", "asphalt shingle recycling near worcester",
    "hardie plank lap siding specs", "energy star window criteria northern zone",
    "massachusetts stretch energy code", "best gutter guards 2026", "owens corning platinum protection",
    "roof permit fees boston", "how to read a u factor", "osha fall protection roofing",
    "heat pump rebates ma", "lead safe certification renewal", "copper vs aluminum flashing",
]
WEB_QUERIES_HELDOUT = [
    "what does ice and water shield cost at abc supply", "andersen e-series lead time",
    "nor'easter forecast this weekend", "ma home improvement contractor registration lookup",
]

SCRIPT_BITS = [
    "financing", "the warranty", "the crew", "the dumpster", "the price", "the permit",
    "the weather", "the hoa", "the timeline", "the driveway", "the company story",
]

NOTES_TRAIN = [
    "called, left vm", "left a voicemail, will try again thursday", "materials delivered",
    "sent revised proposal", "spoke w/ husband, wants a hardie quote", "dumpster drop tuesday",
    "homeowner wants to wait til spring", "@{rep} please call her back", "permit pulled",
    "she wants a callback friday", "emailed the photos", "crew starts monday 7:30",
    "hoa approval came in", "customer asked about financing", "wants charcoal not weathered wood",
    "no answer, texted", "measured, 28 squares", "dog in the yard, call before showing up",
    "insurance adjuster coming wed", "deposit check received", "needs the color samples again",
    "gate code 4411", "side door only, front steps are out", "sent the warranty certificate",
    "talked to her daughter, decision next week", "asked for a second option w/ vinyl",
    "left door hanger", "he prefers text over calls", "follow up after the holidays",
    "ordered the windows, 5 week lead time",
]
NOTES_HELDOUT = [
    "rang twice, no pickup", "walked the job with the pm, punch list done",
    "wants to see a finished job nearby", "pre-con call done, all set", "mailbox full, sent email",
    "wife is on board now", "supplier pushed delivery a day", "asked us to park on the street",
]
FACTS_TRAIN = [
    "she wants a callback friday", "he's waiting on the insurance adjuster",
    "they want to see samples first", "the husband is the decision maker",
    "she asked for the financing paperwork", "materials got delivered today",
    "he wants to add gutter guards", "they're comparing us with one other company",
    "she paid the deposit by check", "the permit came through", "the crew found rot on the deck",
    "they asked to start after thanksgiving", "he prefers email", "the hoa approved the color",
    "i left a voicemail", "the dog bites, use the side gate", "she wants the proposal resent",
    "we're waiting on the window order",
]
FACTS_HELDOUT = [
    "the son is handling everything for her", "they're out of town until the 10th",
    "she liked the slate gray sample", "he wants a call before the crew arrives",
]

# ---------------------------------------------------------------------------------------
# Shared vocabulary
# ---------------------------------------------------------------------------------------
STAGE_PHRASES = [
    "lead", "leads", "estimating", "estimate", "proposal sent", "proposal", "follow up",
    "follow-up", "followup", "contract signed", "signed", "sold", "scheduled", "in progress",
    "completed", "complete", "paid & closed", "paid and closed", "closed", "lost", "Proposal Sent",
    "Contract Signed", "Follow Up", "In Progress", "Paid & Closed", "Estimating",
]
MARKS = ["lost", "signed", "sold", "completed", "complete", "done", "paid", "won", "closed",
         "scheduled", "in progress"]
COMPANY_TRADES = [
    "roofing", "roof", "siding", "gutter", "gutters", "window", "windows", "painting",
    "carpentry", "masonry", "hvac", "plumbing", "electrical", "landscaping", "hardscaping",
]
NEW_TRADES = [
    "gutters", "roof replacement", "new roof", "roof", "roofing", "siding", "vinyl siding",
    "fiber cement siding", "windows", "replacement windows", "gutter guards", "roof repair",
    "a reroof", "seamless gutters", "hardie siding", "window replacement", "painting", "a leak repair",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DAY_ABBR = {"monday": "mon", "tuesday": "tues", "wednesday": "wed", "thursday": "thurs",
            "friday": "fri", "saturday": "sat", "sunday": "sun"}
MONTHS = [("11", "nov", "november"), ("12", "dec", "december"), ("1", "jan", "january")]
RANGES = [
    "this week", "next week", "the rest of the week", "this month", "next month",
    "over the weekend", "this weekend", "between 11/24 and 11/28", "from monday to wednesday",
    "the week of 12/1", "the next 3 days", "for the next two weeks", "this week and next",
    "before thanksgiving", "after the holiday", "in december",
]
TIMES = ["9", "10", "10am", "10:30", "2pm", "2:30 pm", "noon", "3", "4:15", "8 am", "1pm",
         "11", "9:30", "5", "5:30pm", "1:00", "3 o'clock", "4pm"]
APPTS = [
    "inspection", "measure", "estimate review", "follow-up visit", "follow up", "walkthrough",
    "final walkthrough", "install", "install start", "consult", "appointment", "appt", "sit",
    "production measure", "site visit", "progress walkthrough", "initial inspection",
]
TOPICS = ["price", "financing", "the spouse", "other quotes", "insurance", "timing",
          "hoa approval", "trust", "warranty", "the product", "disruption", "repair vs replace",
          "selling soon", "thinking it over"]
SITUATIONS = [
    "storm damage", "ice dams", "an active leak", "an insurance claim", "a rental property",
    "a historic district", "elderly homeowners", "an elderly homeowner", "a tight budget",
    "new homeowners", "hoa rules", "a bad past contractor", "high energy bills",
    "the spouse not present", "an aging roof", "other quotes",
]
CALL_TRADES = ["roofing", "siding", "windows", "gutters", "roof", "window", "gutter"]
CALL_REPS = ["Kevin", "Dana", "Mike", "Kevin Shea", "Dana Whitaker", "Mike Reed"]
REF_SOURCES = [
    "a yard sign", "the home show", "facebook", "google", "a neighbor", "a door hanger",
    "an insurance adjuster", "nextdoor", "social media", "a web search", "a past customer",
    "a neighbor referral", "angi", "the website", "instagram", "a repeat customer",
]
PRODUCTS = [
    "hdz", "gaf hdz", "timberline hdz", "duration", "oc duration", "landmark", "3 tab",
    "designer shingles", "synthetic underlayment", "ice and water", "ridge vent", "drip edge",
    "carvedwood", "builder grade vinyl", "hardie", "hardieplank", "5 in k style", "6in seamless",
    "half round", "micro mesh guards", "3x4 downspouts", "vinyl double hung",
    "fiberglass double hung", "casements", "picture windows", "sliders", "felt", "starter strip",
    "hip and ridge", "house wrap", "the essential package", "the preferred package",
    "summit signature",
]
GUTTERS = ["6in seamless gutter", "5 in k style", "6 in k-style", "half round gutter",
           "5in seamless", "seamless aluminum gutter", "3x4 downspout", "2x3 downspout"]
WINDOWS = ["double hung", "vinyl double hung", "fiberglass double hung", "casement",
           "picture", "slider", "vinyl"]
SIDING = ["hardie", "vinyl", "carvedwood", "builder grade vinyl", "fiber cement", "hardieplank"]
PITCHES = ["4/12", "5/12", "6/12", "7/12", "8/12", "9/12", "10/12", "12/12", "6 12", "8 pitch"]
PCTS = ["35%", "30%", "40%", "25%", "35 percent", "40 percent", "15%", "10%", "45%", "33%", "20%"]
AREA_CODES = ["508", "617", "781", "978", "774", "339", "413", "857", "603", "401"]
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "comcast.net", "verizon.net", "hotmail.com",
                 "outlook.com", "aol.com", "icloud.com"]
# Playbook vocabulary (knowledge), from the knowledge base's titles and headings.
KB_TOPICS = [
    "discounts", "price matching", "deposits", "financing", "follow ups", "lost jobs",
    "texting customers", "the welcome call", "warranty registration", "hoa approvals",
    "lead response time", "lead paint", "referral credits", "senior discounts", "payment terms",
    "re-contacting lost jobs", "inspection photos", "the primer video", "promotions",
    "military discounts", "decking replacement", "the pre-construction call",
]
KB_SITUATIONS = [
    "a homeowner who wants three quotes", "a spouse who isn't home", "an elderly homeowner",
    "a couple that disagrees", "an analytical buyer", "a homeowner who wants to wait till spring",
    "a customer with a cheaper quote", "a guy whose brother in law does roofing",
    "a homeowner worried about the mess", "someone selling their house soon",
    "an insurance claim", "a maple hollow homeowner", "a brookside condo owner",
    "a customer who doesn't trust contractors", "a driver personality", "adult kids sitting in",
    "an expressive buyer", "a homeowner who had a bad contractor", "a widow living alone",
]
KB_SITUATIONS_2 = [
    "the spouse isn't there", "they want to think about it", "they have a lower quote",
    "they want to wait", "money is tight", "they want to diy", "the hoa hasn't approved it",
]
KB_ACTIONS = [
    "present the price", "ask for the sale", "set the agenda", "open the appointment",
    "follow up after a no decision", "bring up financing", "ask for a referral", "build rapport",
    "tell the company story", "show the packages", "handle silence after the price",
    "leave a voicemail", "confirm an appointment", "do the roof inspection",
    "review the findings", "explain the warranty", "close the paperwork",
]
KB_PRODUCTS = [
    "architectural shingles", "three tab", "designer shingles", "synthetic underlayment",
    "ice and water shield", "drip edge", "ridge vents", "fiber cement", "vinyl siding",
    "insulated vinyl", "seamless gutters", "gutter guards", "triple pane windows", "low-e glass",
    "full frame replacement", "insert windows", "the preferred package", "the essential package",
    "summit signature", "hdz", "hardie", "step flashing", "soffit vents", "pvc trim",
]
KB_OBJECTIONS = [
    "it's too expensive", "we need to think about it", "we're getting three quotes",
    "my brother in law can do it cheaper", "we'll wait until spring", "i need to talk to my wife",
    "the other guy was cheaper", "we don't want financing", "we're selling the house",
    "it's not leaking yet", "we want to get other bids", "send me the price by email",
]
def _kb_headings(root: Path = DEMO_DIR / "knowledge") -> list[str]:
    """The knowledge base's own section headings, as a rep would name the topic ("signals of
    resistance", "the pre-construction call", "in the attic"): the playbook's vocabulary."""
    out: dict[str, None] = {}
    for path in sorted(root.glob("*/*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                continue
            heading = re.sub(r"[\"“”()]", "", line.lstrip("#").strip()).casefold()
            for part in re.split(r"\s*[:—]\s*|\s+-\s+", heading):
                part = re.sub(r"^(step \d+|week [\d to]+|day \d+|within two business days)\s*", "", part).strip(" .,!?")
                if 2 <= len(part.split()) <= 8:
                    out.setdefault(part)
    return list(out)


KB_HEADINGS = _kb_headings()

KB_DOCS = [
    "the objection handling framework", "the sales methodology", "the ten step presentation",
    "the follow up cadence", "the good better best packages", "the discount policy",
    "the financing programs", "the deposit policy", "the roof inspection checklist",
    "the first five minutes", "the company story", "the warranty policy",
    "the maple hollow hoa guidelines", "the brookside condo rules", "the standard sales script",
    "the voicemail templates", "the primer video template", "the buyer personality types",
]
KB_POLICIES = [
    "offer a senior discount", "price match a competitor", "give 10% off", "combine discounts",
    "text a customer their financing info", "start work before hoa approval",
    "offer free gutter guards", "do a today only price", "take the deposit by card",
    "install three tab on a full replacement", "skip the inspection", "quote over the phone",
]
CALL_THINGS = ["objection", "situation", "technique", "outcome", "trade", "reason for losing"]
CALL_METRICS = ["call length", "deal value", "time on rapport", "time on pricing",
                "follow up days", "number of objections", "inspection time", "close time"]
NEWSY = ["shingle prices", "tariffs on aluminum", "the housing market in mass", "gaf",
         "owens corning", "mass save", "the roofing industry", "interest rates", "lumber prices",
         "home improvement loans", "the energy tax credit"]
COMMODITIES = ["asphalt shingles", "plywood", "osb", "aluminum coil", "vinyl siding", "lumber",
               "copper flashing", "fiber cement"]
CODE_TOPICS = ["roof layers", "ice barrier", "attic ventilation", "egress windows",
               "deck railings", "tempered glass near doors", "reroofing over shingles",
               "snow load", "drip edge", "smoke detectors during a remodel"]
SCRIPT_ADDS = ["warranty", "financing line", "crew lead's name", "start date", "company story",
               "hoa approval", "dumpster info", "permit", "product name", "homeowner's first name"]

TRADE_WORDS = {
    "roof": ["roof", "roofing", "roof replacement", "reroof", "roof"],
    "gutters": ["gutters", "gutter", "gutters"],
    "windows": ["windows", "window", "windows"],
    "siding": ["siding", "siding", "vinyl siding"],
}


@dataclass
class Customer:
    first: str
    last: str
    phone: str = ""
    address: str = ""
    town: str = ""
    zip: str = ""


@dataclass
class Job:
    number: str  # "2609-1042"
    last: str
    trade: str  # roof / gutters / windows / siding


@dataclass
class Pool:
    """Every filler one split may use."""

    name: str
    firsts: list[str]
    lasts: list[str]
    real_customers: list[Customer]
    jobs: list[Job]
    synthetic_job_range: tuple[int, int]
    reps: list[str]
    towns: list[str]
    streets: list[str]
    appt_ids: list[int]
    competitors: list[str]
    mfrs: list[str]
    queries: list[str]
    notes: list[str]
    facts: list[str]
    rep_names: set[str] = field(default_factory=set)
    customer_names: set[str] = field(default_factory=set)


def plural(name: str) -> str:
    """The Walshes, the Lopezes, the Wongs."""
    return name + ("es" if re.search(r"(s|x|z|ch|sh)$", name) else "s")


def _split(names: list[str]) -> tuple[list[str], list[str]]:
    """Every fourth name (sorted) is held out."""
    ordered = sorted(set(names))
    held = [n for i, n in enumerate(ordered) if i % 4 == 3]
    return [n for n in ordered if n not in held], held


def _trade_of(job_name: str) -> str:
    low = job_name.lower()
    for key in ("roof", "gutters", "windows", "siding"):
        if key in low:
            return key
    return "roof"


def load_seed(path: Path = SEED_PATH) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


# Customers added to the demo after the split was drawn (Sarah Johnson, job 1067). They stay out
# of the pools, so the frozen held-out split keeps the names it was drawn with.
ADDED_AFTER_SPLIT = frozenset({147})


def build_pools(seed: dict[str, Any]) -> dict[str, Pool]:
    customers = [c for c in seed["customers"] if c["id"] not in ADDED_AFTER_SPLIT]
    seed = {
        **seed,
        "jobs": [j for j in seed["jobs"] if j["customer_id"] not in ADDED_AFTER_SPLIT],
        "appointments": [a for a in seed["appointments"] if a["customer_id"] not in ADDED_AFTER_SPLIT],
    }
    first_train, first_held = _split([c["first_name"] for c in customers])
    last_train, last_held = _split([c["last_name"] for c in customers])
    town_train, town_held = _split([c["address"]["city"] for c in customers])
    street_train, street_held = _split(
        [re.sub(r"^\d+\s+", "", c["address"]["address"]) for c in customers]
    )

    by_id = {c["id"]: c for c in customers}
    real: dict[str, list[Customer]] = {"train": [], "heldout": []}
    for c in customers:
        cust = Customer(
            c["first_name"], c["last_name"],
            c["phones"][0]["number"] if c["phones"] else "",
            c["address"]["address"], c["address"]["city"], c["address"]["zip"],
        )
        if c["first_name"] in first_train and c["last_name"] in last_train:
            real["train"].append(cust)
        elif c["first_name"] in first_held and c["last_name"] in last_held:
            real["heldout"].append(cust)

    jobs: dict[str, list[Job]] = {"train": [], "heldout": []}
    for j in seed["jobs"]:
        owner = by_id[j["customer_id"]]
        split = "heldout" if owner["last_name"] in last_held else "train"
        jobs[split].append(Job(j["number"], owner["last_name"], _trade_of(j["name"])))

    users = [f"{u['first_name']} {u['last_name']}" for u in seed["users"]]
    reps_train = [u for u in users if u not in HELDOUT_USERS] + SYN_REPS_TRAIN
    reps_held = [u for u in users if u in HELDOUT_USERS] + SYN_REPS_HELDOUT

    appt_ids = sorted(a["id"] for a in seed["appointments"])

    held_first = set(first_held) | set(SYN_FIRST_HELDOUT)
    held_last = set(last_held) | set(SYN_LAST_HELDOUT)
    train_first = [n for n in set(first_train) | set(SYN_FIRST_TRAIN) if n not in held_first]
    train_last = [n for n in set(last_train) | set(SYN_LAST_TRAIN) if n not in held_last]

    pools = {
        "train": Pool(
            name="train",
            firsts=sorted(train_first),
            lasts=sorted(train_last),
            real_customers=real["train"],
            jobs=jobs["train"],
            synthetic_job_range=(1100, 1599),
            reps=reps_train,
            towns=sorted(set(town_train) | set(SYN_TOWNS_TRAIN)),
            streets=sorted(set(street_train) | set(SYN_STREETS_TRAIN)),
            appt_ids=appt_ids + list(range(9100, 9400)),
            competitors=COMPETITORS_TRAIN,
            mfrs=MFR_TRAIN,
            queries=WEB_QUERIES,
            notes=NOTES_TRAIN,
            facts=FACTS_TRAIN,
        ),
        "heldout": Pool(
            name="heldout",
            firsts=sorted(held_first),
            lasts=sorted(held_last),
            real_customers=real["heldout"],
            jobs=jobs["heldout"],
            synthetic_job_range=(1600, 1999),
            reps=reps_held,
            towns=sorted(set(town_held) | set(SYN_TOWNS_HELDOUT)),
            streets=sorted(set(street_held) | set(SYN_STREETS_HELDOUT)),
            appt_ids=list(range(9400, 9999)),
            competitors=COMPETITORS_HELDOUT,
            mfrs=MFR_HELDOUT,
            queries=WEB_QUERIES_HELDOUT,
            notes=NOTES_HELDOUT,
            facts=FACTS_HELDOUT,
        ),
    }
    every_customer = {f"{c['first_name']} {c['last_name']}" for c in customers}
    for pool in pools.values():
        pool.rep_names = set(pool.reps)
        pool.customer_names = every_customer
    return pools


# ---------------------------------------------------------------------------------------
# Per-line context: slots bound once per line so a customer, a job and a pronoun agree
# ---------------------------------------------------------------------------------------
class LineContext:
    """Fills the slots of one line; name-like values are marked protected from typos."""

    def __init__(self, pool: Pool, rng: random.Random) -> None:
        self.pool = pool
        self.rng = rng
        self.cache: dict[str, str] = {}
        self._customer: Customer | None = None
        self._job: Job | None = None
        self._rep: str | None = None
        self.female = rng.random() < 0.5

    # -- bound entities --------------------------------------------------------------
    def customer(self) -> Customer:
        if self._customer is None:
            rng, pool = self.rng, self.pool
            if pool.real_customers and rng.random() < 0.45:
                self._customer = rng.choice(pool.real_customers)
            else:
                self._customer = Customer(rng.choice(pool.firsts), rng.choice(pool.lasts))
        return self._customer

    def job(self) -> Job:
        if self._job is None:
            rng, pool = self.rng, self.pool
            cust = self.customer()
            own = [j for j in pool.jobs if j.last == cust.last]
            if own and rng.random() < 0.8:
                self._job = rng.choice(own)
            else:
                lo, hi = pool.synthetic_job_range
                prefix = f"{rng.choice(['25', '26'])}{rng.randint(1, 12):02d}"
                trade = rng.choice(["roof", "roof", "gutters", "windows", "siding"])
                self._job = Job(f"{prefix}-{rng.randint(lo, hi)}", cust.last, trade)
        return self._job

    def rep(self) -> str:
        if self._rep is None:
            rng, pool = self.rng, self.pool
            rep = rng.choice(pool.reps)
            if rng.random() < 0.25:
                # any name can be a rep's: the shape "<name>'s jobs" matters, not the list
                # (but never a real customer's full name)
                name = f"{rng.choice(pool.firsts)} {rng.choice(pool.lasts)}"
                if name not in pool.customer_names:
                    rep = name
            self._rep = rep
        return self._rep

    # -- slot values -----------------------------------------------------------------
    def fill(self, slot: str) -> tuple[str, bool]:
        """(value, protected): protected values keep their spelling under typo noise."""
        if slot in self.cache:
            return self.cache[slot], slot in PROTECTED
        value = self._value(slot)
        if slot.endswith("2"):
            # a second date / amount / product / trade differs from the first
            first = self.fill(slot[:-1])[0]
            for _ in range(10):
                if value.lower() != first.lower():
                    break
                value = self._value(slot)
        self.cache[slot] = value
        return value, slot in PROTECTED

    def _value(self, slot: str) -> str:
        rng, pool = self.rng, self.pool
        cust = self.customer() if slot in CUSTOMER_SLOTS else None
        if slot == "first":
            return self.customer().first
        if slot == "last":
            return self.customer().last
        if slot == "full":
            c = self.customer()
            return f"{c.first} {c.last}"
        if slot == "lasts":
            return plural(self.customer().last)
        if slot == "name":
            assert cust is not None
            return rng.choice([
                f"{cust.first} {cust.last}", f"{cust.first} {cust.last}", cust.last, cust.last,
                f"the {plural(cust.last)}", f"{'Mrs' if self.female else 'Mr'} {cust.last}",
                f"{'mrs.' if self.female else 'mr.'} {cust.last}", cust.first,
            ])
        if slot == "fam":
            assert cust is not None
            return rng.choice([
                f"the {plural(cust.last)}", f"the {plural(cust.last)}", f"the {cust.last} family",
                f"{cust.first} {cust.last}", cust.last,
            ])
        if slot == "job":
            return self._job_ref(any_form=True)
        if slot == "jobnum":
            return self._job_ref(any_form=False)
        if slot == "tjob":
            job = self.job()
            trade = rng.choice(TRADE_WORDS[job.trade])
            return rng.choice([
                f"the {job.last} {trade}", f"the {job.last} {trade}", f"the {job.last} {trade} job",
                f"{job.last}'s {trade}", f"the {trade} job for {self.fill('full')[0]}",
            ])
        if slot == "trade":
            return rng.choice(TRADE_WORDS[self.job().trade])
        if slot == "ntrade":
            return rng.choice(NEW_TRADES)
        if slot == "anytrade":
            return rng.choice(COMPANY_TRADES)
        if slot == "rep":
            rep = self.rep()
            return rng.choice([rep, rep, rep.split()[0], rep.split()[0], rep.lower()])
        if slot == "repf":
            return self.rep().split()[0]
        if slot in ("stage", "stage2"):
            return rng.choice(STAGE_PHRASES)
        if slot == "mark":
            return rng.choice(MARKS)
        if slot in ("date", "date2"):
            return self._date()
        if slot == "range":
            return rng.choice(RANGES)
        if slot == "time":
            return rng.choice(TIMES)
        if slot == "appt":
            return rng.choice(APPTS)
        if slot == "an_appt":
            appt = self.fill("appt")[0]
            return ("an " if appt[0] in "aeiou" else "a ") + appt
        if slot == "apptid":
            num = str(rng.choice(pool.appt_ids))
            return rng.choice([num, num, f"#{num}"])
        if slot == "phone":
            return self._phone()
        if slot == "sphone":
            digits = re.sub(r"\D", "", self._phone())
            if rng.random() < 0.5:
                return self._phone()
            words = [DIGIT_WORDS[int(d)] for d in digits]
            return f"{' '.join(words[:3])}, {' '.join(words[3:6])}, {' '.join(words[6:])}"
        if slot == "email":
            return self._email(spoken=False)
        if slot == "semail":
            return self._email(spoken=rng.random() < 0.5)
        if slot == "street":
            return rng.choice(pool.streets)
        if slot == "addr":
            if cust is not None and cust.address and rng.random() < 0.5:
                return cust.address
            return f"{rng.randint(2, 999)} {rng.choice(pool.streets)}"
        if slot in ("town", "ctown"):
            if cust is not None and cust.town and slot == "town" and rng.random() < 0.4:
                return cust.town
            return rng.choice(pool.towns)
        if slot == "zip":
            if cust is not None and cust.zip and rng.random() < 0.4:
                return cust.zip
            return f"0{rng.randint(1000, 2799)}"
        if slot in ("amount", "amount2"):
            return self._amount()
        if slot == "note":
            note = rng.choice(pool.notes)
            return note.replace("{rep}", self.rep())
        if slot == "fact":
            return rng.choice(pool.facts)
        if slot == "comp":
            return rng.choice(pool.competitors)
        if slot == "mfr":
            mfr = rng.choice(pool.mfrs)
            return mfr if rng.random() < 0.5 else mfr.lower()
        if slot == "ourbrand":
            return rng.choice(OUR_BRANDS)
        if slot == "query":
            return rng.choice(pool.queries)
        if slot == "scriptbit":
            return rng.choice(SCRIPT_BITS)
        if slot in ("product", "product2"):
            return rng.choice(PRODUCTS)
        if slot == "gutter":
            return rng.choice(GUTTERS)
        if slot == "window":
            return rng.choice(WINDOWS)
        if slot == "siding":
            return rng.choice(SIDING)
        if slot in ("pr", "pos", "obj"):
            return {"pr": ("she", "he"), "pos": ("her", "his"), "obj": ("her", "him")}[slot][
                0 if self.female else 1]
        if slot == "kbtopic":
            return rng.choice(KB_TOPICS)
        if slot == "kbsituation":
            return rng.choice(KB_SITUATIONS)
        if slot == "kbsituation2":
            return rng.choice(KB_SITUATIONS_2)
        if slot == "kbaction":
            return rng.choice(KB_ACTIONS)
        if slot in ("kbproduct", "kbproduct2"):
            return rng.choice(KB_PRODUCTS)
        if slot == "kbobjection":
            return rng.choice(KB_OBJECTIONS)
        if slot == "kbdoc":
            return rng.choice(KB_DOCS)
        if slot == "kbheading":
            return rng.choice(KB_HEADINGS)
        if slot == "kbpolicy":
            return rng.choice(KB_POLICIES)
        if slot == "callthing":
            return rng.choice(CALL_THINGS)
        if slot == "callmetric":
            return rng.choice(CALL_METRICS)
        if slot == "newsy":
            return rng.choice(NEWSY)
        if slot == "commodity":
            return rng.choice(COMMODITIES)
        if slot == "codetopic":
            return rng.choice(CODE_TOPICS)
        if slot == "scriptadd":
            return rng.choice(SCRIPT_ADDS)
        if slot == "topic":
            return rng.choice(TOPICS)
        if slot == "situation":
            return rng.choice(SITUATIONS)
        if slot in ("ctrade", "ctrade2"):
            return rng.choice(CALL_TRADES)
        if slot == "crep":
            return rng.choice(CALL_REPS)
        if slot == "src":
            return rng.choice(REF_SOURCES)
        if slot == "spell":
            last = self.customer().last.upper()
            return rng.choice(["-".join(last), " ".join(last)])
        if slot == "sq":
            return rng.choice([str(rng.randint(12, 45)), f"{rng.randint(12, 45)}.5"])
        if slot == "sqft":
            value = rng.randrange(900, 4200, 50)
            return rng.choice([str(value), f"{value:,}"])
        if slot == "pitch":
            return rng.choice(PITCHES)
        if slot == "pct":
            return rng.choice(PCTS)
        if slot == "n":
            return str(rng.randint(2, 24))
        if slot == "lf":
            return str(rng.randrange(60, 400, 10))
        raise KeyError(f"unknown slot {{{slot}}}")

    def _job_ref(self, any_form: bool) -> str:
        rng = self.rng
        job = self.job()
        num = job.number.split("-")[1]
        forms = [num, f"#{num}", f"job {num}", f"job #{num}", job.number, f"job {job.number}",
                 f"job number {num}", f"#{job.number}"]
        if any_form and rng.random() < 0.45:
            trade = rng.choice(TRADE_WORDS[job.trade])
            return rng.choice([
                f"the {job.last} {trade}", f"the {job.last} {trade} job", f"{job.last}'s {trade} job",
                f"the {trade} job for {self.fill('full')[0]}", f"the {job.last} job",
            ])
        return rng.choice(forms)

    def _date(self) -> str:
        rng = self.rng
        kind = rng.random()
        day = rng.choice(WEEKDAYS)
        if kind < 0.2:
            return rng.choice(["tomorrow", "today", "tonight", "tomorrow morning",
                               "this afternoon", "tomorrow afternoon"])
        if kind < 0.45:
            return rng.choice([day, day, f"next {day}", f"this {day}", DAY_ABBR[day],
                               f"{day} morning", f"{day} afternoon"])
        month = rng.choice(MONTHS)
        d = rng.randint(1, 30)
        suffix = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        return rng.choice([f"{month[0]}/{d}", f"{month[0]}/{d}", f"{month[1]} {d}",
                           f"{month[2]} {d}{suffix}", f"the {d}{suffix}"])

    def _phone(self) -> str:
        rng = self.rng
        cust = self._customer
        if cust is not None and cust.phone and rng.random() < 0.5:
            digits = cust.phone
        else:
            digits = f"{rng.choice(AREA_CODES)}555{rng.randint(0, 9999):04d}"
        a, b, c = digits[:3], digits[3:6], digits[6:]
        return rng.choice([f"{a}-{b}-{c}", f"{a}-{b}-{c}", digits, f"({a}) {b}-{c}",
                           f"{a} {b} {c}", f"{a}.{b}.{c}"])

    def _email(self, spoken: bool) -> str:
        rng = self.rng
        c = self.customer()
        first, last = c.first.lower(), c.last.lower()
        user = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}",
                           f"{first}{rng.randint(1, 99)}", f"{last}{first[0]}"])
        domain = rng.choice(EMAIL_DOMAINS)
        if spoken:
            return f"{user.replace('.', ' dot ')} at {domain.replace('.', ' dot ')}"
        return f"{user}@{domain}"

    def _amount(self) -> str:
        rng = self.rng
        value = rng.randrange(2500, 45000, 100)
        k = round(value / 1000, 1 if rng.random() < 0.3 else 0)
        return rng.choice([f"${value:,}", f"{value:,}", str(value), f"{k:g}k", f"${k:g}k",
                           f"{round(k)}k"])


CUSTOMER_SLOTS = frozenset({"name", "fam", "addr", "town", "zip"})
# Slots whose values are names, numbers or addresses: no typos inside them.
PROTECTED = frozenset({
    "first", "last", "lasts", "full", "name", "fam", "job", "jobnum", "tjob", "rep", "repf", "apptid",
    "phone", "sphone", "email", "semail", "street", "addr", "town", "ctown", "zip", "comp",
    "mfr", "ourbrand", "spell", "sq", "sqft", "pitch", "pct", "n", "lf", "amount", "amount2",
    "crep", "date", "date2", "time",
})
