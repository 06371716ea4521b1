"""Writes the 90 distilled sales-director call transcripts of Summit Ridge Exteriors.

Deterministic (fixed seed): running it again rewrites byte-for-byte the same JSON files in
data/demo/knowledge/SALES_DIRECTOR_CALLS/. Every homeowner and competitor is made up.
    .venv/bin/python data/demo/tools/make_transcripts.py
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

OUT_DIR = Path(__file__).resolve().parents[1] / "knowledge" / "SALES_DIRECTOR_CALLS"
SEED = 20_260_090
rng = random.Random(SEED)

DIRECTOR = "Rachel Ames"
REPS = ["Mike Reed", "Dana Whitaker", "Kevin Shea"]
TRADE_COUNTS = {"roofing": 32, "siding": 24, "windows": 18, "gutters": 16}
PHASES = ("rapport", "inspection", "presentation", "pricing", "close")

TOWNS = [
    ("Framingham", "MA"), ("Natick", "MA"), ("Worcester", "MA"), ("Needham", "MA"),
    ("Newton", "MA"), ("Quincy", "MA"), ("Braintree", "MA"), ("Plymouth", "MA"),
    ("Lowell", "MA"), ("Andover", "MA"), ("Concord", "MA"), ("Lexington", "MA"),
    ("Marlborough", "MA"), ("Shrewsbury", "MA"), ("Waltham", "MA"), ("Wellesley", "MA"),
    ("Salem", "MA"), ("Sudbury", "MA"), ("Hopkinton", "MA"), ("Milford", "MA"),
    ("Westborough", "MA"), ("Holden", "MA"), ("Chelmsford", "MA"), ("Beverly", "MA"),
    ("Nashua", "NH"), ("Salem", "NH"), ("Cranston", "RI"), ("Warwick", "RI"),
]
FIRST_NAMES = [
    "Maureen", "Dennis", "Joanne", "Frank", "Lorraine", "Walter", "Christine", "Brendan",
    "Alicia", "Raj", "Donna", "Ed", "Sheila", "Marco", "Tina", "Greg", "Noreen", "Phil",
    "Carmen", "Dave", "Ellen", "Hector", "Janet", "Kyle", "Monique", "Neil", "Olga", "Ray",
    "Suzanne", "Trevor", "Ursula", "Vince", "Wendy", "Yusuf", "Bernadette", "Luis", "Gail",
    "Scott", "Priscilla", "Owen", "Helen", "Anh", "Deb", "Jorge", "Fiona", "Stan", "Irene",
    "Bill", "Kristen", "Manny", "Rosemary", "Ted", "Dolores", "Jay", "Nadia", "Cheryl",
]
LAST_INITIALS = list("ABCDEFGHKLMNOPRSTVWZ")
HOME_STYLES = ["Colonial", "Cape", "split-level", "ranch", "raised ranch", "Victorian", "garrison Colonial", "two-family", "contemporary", "farmhouse"]
COMPETITORS = [
    "Ledgeview Exteriors", "Copper Kettle Roofing", "Three Rivers Home Pros", "Harborline Siding",
    "a storm crew from out of state", "a big-box store installer", "a one-truck crew a neighbor used",
    "Old Mill Window Co.", "Bright Acre Contracting", "the homeowner's brother-in-law's crew",
]

# ---- trades ---------------------------------------------------------------------------------
TRADES: dict[str, dict[str, Any]] = {
    "roofing": {
        "noun": "roof",
        "products": ["architectural asphalt shingles", "impact-rated architectural shingles", "designer laminated shingles", "standing-seam metal on the porch plus architectural shingles"],
        "warranty": "50-year",
        "phase_ranges": {"rapport": (5, 14), "inspection": (20, 42), "presentation": (12, 24), "pricing": (6, 14), "close": (4, 14)},
        "base_close": 0.34,
        "scopes": [
            "Tear-off of two layers and a new {squares}-square roof in {product}, ice and water shield at the eaves and valleys, new drip edge and ridge vent.",
            "Full replacement, {squares} squares at a steep pitch, rotted decking replaced as found, {product}, new pipe boots and step flashing at the chimney.",
            "Roof replacement, {squares} squares, {product}, rebuild of the chimney flashing and a new bathroom fan vent.",
            "Replace the {squares}-square main roof in {product}; low-slope rear porch in rubber membrane.",
        ],
        "findings": [
            "granule loss down to the mat on the south slope",
            "three lifted tabs and a creased shingle line along the ridge",
            "soft decking under the valley where the gutters back up",
            "cracked pipe boots and caulk-only flashing at the chimney",
            "nail pops through the second layer and curled shingle edges",
            "staining on the attic sheathing and a damp insulation patch",
            "no ice and water shield at the eaves and frost on the nail tips in the attic",
            "hail bruising on the ridge cap and dents in the box vents",
        ],
    },
    "siding": {
        "noun": "siding",
        "products": ["insulated vinyl clapboard", "fiber cement lap siding", "premium vinyl with a cedar-impression finish", "fiber cement with PVC trim"],
        "warranty": "lifetime limited",
        "phase_ranges": {"rapport": (6, 15), "inspection": (14, 28), "presentation": (15, 30), "pricing": (8, 18), "close": (5, 15)},
        "base_close": 0.26,
        "scopes": [
            "Strip the original cedar clapboard and side all four elevations in {product}, new housewrap, PVC corner boards and window trim.",
            "Remove aluminum siding, repair sheathing as found, {product} on the whole house with new soffit and fascia.",
            "{product} on the front and two side elevations, new trim package, shutters re-hung.",
            "Whole-house {product}, rot repair on the sills and a new skirt board above the foundation.",
        ],
        "findings": [
            "peeling paint and split clapboards on the weather side",
            "rotted sill boards behind the downspouts",
            "woodpecker holes and carpenter ant frass under the trim",
            "faded, brittle vinyl that cracks when it is pressed",
            "no housewrap behind the old siding and daylight at the rim joist",
            "moisture readings over 25 percent at the corner boards",
            "loose panels that rattled in the last wind storm",
            "mildew streaks on the north elevation and soft fascia",
        ],
    },
    "windows": {
        "noun": "windows",
        "products": ["double-hung vinyl replacement windows with Low-E glass", "fiberglass replacement windows", "triple-pane vinyl windows", "wood-interior, clad-exterior windows"],
        "warranty": "lifetime, glass included",
        "phase_ranges": {"rapport": (5, 12), "inspection": (15, 34), "presentation": (12, 26), "pricing": (8, 16), "close": (4, 14)},
        "base_close": 0.30,
        "scopes": [
            "Replace {count} original single-pane windows with {product}, full-frame where the sills are soft, capped exterior trim.",
            "{count} insert replacements in {product} plus a new bay window in the living room.",
            "{count} windows in {product}, two egress-sized bedroom windows to meet code.",
            "Replace {count} windows on the first and second floors in {product}; basement hoppers included.",
        ],
        "findings": [
            "fogged seals on six of the double-panes",
            "painted-shut sashes and broken sash cords",
            "soft, rotted sills under the kitchen window",
            "frost on the inside of the glass last January, as the homeowner described it",
            "drafts measured at the meeting rails with the thermal camera",
            "lead paint era trim that needs safe work practices",
            "storm windows rusted in place",
            "condensation staining on the plaster returns",
        ],
    },
    "gutters": {
        "noun": "gutters",
        "products": ["seamless 6-inch aluminum gutters", "seamless 5-inch aluminum gutters with guards", "half-round copper-look aluminum gutters", "6-inch seamless gutters with oversized downspouts"],
        "warranty": "20-year",
        "phase_ranges": {"rapport": (4, 10), "inspection": (9, 20), "presentation": (6, 14), "pricing": (4, 10), "close": (3, 10)},
        "base_close": 0.46,
        "scopes": [
            "Remove the old sectional gutters and install {feet} feet of {product} with 3x4 downspouts.",
            "{feet} feet of {product}, new fascia boards on the back of the house, leaf guards throughout.",
            "Replace {feet} feet of gutter in {product} and re-pitch the run over the garage; splash blocks and extensions.",
            "{feet} feet of {product} plus heat cable at the north eaves where the ice dams form.",
        ],
        "findings": [
            "seams leaking at every corner and gutters pitched the wrong way",
            "fascia rot behind the front run",
            "downspouts dumping against the foundation and a wet basement corner",
            "gutters pulled away from the house by ice last winter",
            "spikes backing out and a sag over the front steps",
            "overflowing valley runoff past a 5-inch gutter",
            "pine needles packed solid in the back run",
            "erosion trench in the mulch bed under the overflow",
        ],
    },
}

# ---- situations -----------------------------------------------------------------------------
# key: (label, trades it fits, ways to describe it, first-visit close modifier)
SITUATIONS: dict[str, dict[str, Any]] = {
    "storm_damage": {
        "trades": ["roofing", "siding", "gutters", "windows"], "mod": 0.08,
        "lines": [
            "A nor'easter two weeks earlier tore {noun_bits} loose.",
            "The March wind storm left damage the homeowner spotted from the driveway.",
            "A hail storm went through {town} in June; several neighbors already had adjusters out.",
            "A limb came down in the last storm and the homeowner wanted to know what it did to the {noun}.",
        ],
    },
    "insurance_claim": {
        "trades": ["roofing", "siding", "gutters"], "mod": 0.05,
        "lines": [
            "A claim was open and the adjuster's estimate looked thin to the homeowner.",
            "They had filed a claim but did not understand what the insurer would pay for.",
            "The insurer had approved part of the {noun}; the homeowner wanted to know about the rest.",
        ],
    },
    "aging_system": {
        "trades": ["roofing", "siding", "gutters", "windows"], "mod": 0.02,
        "lines": [
            "The {noun} is original to the house and showing its age.",
            "The homeowner knew the {noun} was near the end of its life and wanted a plan before it failed.",
            "Over twenty years old; the home inspector had flagged the {noun} when they bought.",
        ],
    },
    "active_leak": {
        "trades": ["roofing", "gutters", "windows"], "mod": 0.14,
        "lines": [
            "Water was coming through the ceiling in an upstairs bedroom.",
            "A bucket was already sitting in the attic under a drip.",
            "Water stains were spreading on the wall under a window every time it rained.",
        ],
    },
    "selling_home": {
        "trades": ["roofing", "siding", "windows", "gutters"], "mod": 0.0,
        "lines": [
            "They planned to list the house in the spring and the buyer's inspection would catch the {noun}.",
            "The realtor told them the {noun} would come up in every offer.",
            "Downsizing within two years; they wanted to know whether the {noun} was worth doing first.",
        ],
    },
    "elderly_homeowner": {
        "trades": ["roofing", "siding", "windows", "gutters"], "mod": -0.08,
        "lines": [
            "A widow in her eighties living alone; her son lives out of state.",
            "A retired couple on a fixed income who had been in the house since 1971.",
            "An older homeowner who had been pressured by a door-knocker the month before.",
        ],
    },
    "spouse_not_present": {
        "trades": ["roofing", "siding", "windows", "gutters"], "mod": -0.24,
        "lines": [
            "Only one spouse was home; the other was travelling for work.",
            "The husband met us; his wife makes the final call on anything over a few thousand dollars.",
            "The wife met us while her husband was on a shift at the hospital.",
            "One partner was home; the other joined only at the end by phone.",
        ],
    },
    "hoa_rules": {
        "trades": ["roofing", "siding", "windows"], "mod": -0.1,
        "lines": [
            "The house is in a condominium-style association with an approved color list.",
            "The HOA requires architectural review before any exterior change.",
            "The association rules limit siding profiles and trim colors.",
        ],
    },
    "historic_district": {
        "trades": ["siding", "windows"], "mod": -0.08,
        "lines": [
            "The house sits in a local historic district and any visible change needs commission approval.",
            "An 1890s house on a street the historical commission watches closely.",
        ],
    },
    "budget_tight": {
        "trades": ["roofing", "siding", "windows", "gutters"], "mod": -0.1,
        "lines": [
            "Money was tight after a new baby and a car repair.",
            "They had a number in mind well below a full replacement.",
            "One income at the moment; they asked about payments before we sat down.",
        ],
    },
    "has_other_quotes": {
        "trades": ["roofing", "siding", "windows", "gutters"], "mod": -0.12,
        "lines": [
            "They already had two quotes on the kitchen table.",
            "We were the third company through the door that week.",
            "A competitor had been there the day before and left a price.",
        ],
    },
    "bad_past_contractor": {
        "trades": ["roofing", "siding", "windows", "gutters"], "mod": -0.05,
        "lines": [
            "A previous contractor took a deposit and disappeared.",
            "The last crew left nails all over the driveway and never came back for the punch list.",
        ],
    },
    "new_homeowners": {
        "trades": ["roofing", "siding", "windows", "gutters"], "mod": 0.0,
        "lines": [
            "They closed on the house four months earlier; the inspection report called out the {noun}.",
            "First-time buyers, still learning what the house needs.",
        ],
    },
    "energy_bills": {
        "trades": ["windows", "siding"], "mod": 0.03,
        "lines": [
            "Heating oil bills over $600 a month last winter.",
            "Cold rooms on the north side; the kids' bedroom needed a space heater.",
        ],
    },
    "ice_dams": {
        "trades": ["roofing", "gutters"], "mod": 0.08,
        "lines": [
            "Ice dams every February and water in the kitchen soffit.",
            "Icicles down to the ground last winter and a stained living-room ceiling.",
        ],
    },
    "rental_property": {
        "trades": ["roofing", "siding", "windows", "gutters"], "mod": -0.03,
        "lines": [
            "A two-family the owner rents out; the tenants reported the problem.",
            "A rental property; the owner lives two towns over and wanted it done with little fuss.",
        ],
    },
}

# ---- objections -----------------------------------------------------------------------------
# category: (homeowner lines, director responses). {noun}, {product}, {warranty}, {monthly},
# {deductible}, {competitor} and {town} are filled per call.
OBJECTIONS: dict[str, dict[str, list[str]]] = {
    "price": {
        "said": [
            "That's a lot more than we expected.",
            "Honestly, I thought this would be half that.",
            "Wow. That number is hard to swallow.",
            "Is that really the best you can do?",
            "We can't spend that kind of money right now.",
            "My neighbor paid way less for his {noun}.",
        ],
        "response": [
            "I hear you, and I'd rather you hear the real number today than a low one that grows later. Let me show you exactly what's in it, line by line, and you tell me what you'd take out.",
            "[roofing] Fair. Can I ask what number you had in your head? ... Okay, so we're apart by about the cost of the ice and water shield and the decking allowance. Those are the two things I would never cut on a New England {noun}.",
            "If the price were the same as the other guys, would you want us to do it? ... Then let's figure out the gap, because that tells me it's about value, not about us.",
            "Most of the number is materials and labor you can see. The part you can't see is the warranty: {warranty}, registered in your name, and we're here in Massachusetts when you call.",
            "[roofing,siding] Your neighbor's job was a different scope. I pulled his permit when we talked: one layer, no decking. Yours has two layers and soft wood. Apples to apples, we're close.",
            "[roofing,siding,windows] Let's look at it over the life of the {noun}. Spread over twenty-five years it's a little over a dollar a day, and it protects the biggest thing you own.",
            "I'm not going to drop the price to win the job, because then I'd have to drop something on the job. What I can do is give you the option that fits the budget without cutting corners.",
            "[gutters] Most of the price is the fascia. I won't hang new seamless on rotten wood; it would pull off with the first ice load, and then you've paid twice.",
            "[windows] Let's price the eight windows that are failing now and leave the good ones for later. You'll get the same per-window price in writing for two years.",
            "[siding] The gap is the housewrap and the trim package. Without them, the siding looks fine for five years and then the sills rot behind it.",
        ],
    },
    "think_it_over": {
        "said": [
            "We need to think about it.",
            "Let us sleep on it and we'll call you.",
            "We never decide anything on the first visit.",
            "Can you just leave the paperwork and we'll look it over?",
            "I don't like to rush into things.",
        ],
        "response": [
            "Of course, it's a big decision. Usually when someone says that, there's one piece that doesn't sit right yet. Is it the price, the product, or us?",
            "Absolutely. So I know how to help, what's the part you'd be thinking over tonight?",
            "That's fine, and I won't push you. Can we pick a time tomorrow evening for ten minutes so your questions don't sit in a drawer?",
            "Totally fair. Let me leave you the photos from the inspection, because the pictures are what people think about. Then let's talk Thursday.",
            "[windows] Sure. Tonight, hold a candle by the kitchen window and watch the flame. Then call me and tell me what it did.",
            "I respect that. Just so you know, the price holds for thirty days and our fall schedule books up by mid-September.",
        ],
    },
    "spouse": {
        "said": [
            "My wife has to see this before we sign anything.",
            "My husband handles the money; I can't decide without him.",
            "I'd need to run it by my partner.",
            "We make these decisions together, and she's not here.",
        ],
        "response": [
            "That makes complete sense. Would it help to get them on FaceTime right now? I can walk them around the {noun} on the phone in five minutes.",
            "Good, you should decide together. What will be the first question they ask you? Let's answer it now so you're not stuck explaining my job for me.",
            "Let's do this: I'll come back when you're both home. Does Tuesday at six or Thursday at seven work better?",
            "I'll put the photos and the three options in one page so they see exactly what you saw today. What would make them say no?",
        ],
    },
    "other_quotes": {
        "said": [
            "We're getting two more quotes.",
            "{competitor} quoted us a lot less.",
            "The other company said they can start next week.",
            "I always get three bids. That's just how I do it.",
        ],
        "response": [
            "You should get other quotes. When you do, ask each one these four questions, and compare the answers side by side with ours.",
            "[roofing] Can I see their scope? ... See, they're not replacing the drip edge and they're reusing the flashing. That's where the difference lives.",
            "That's smart. Just make sure they're licensed and insured in Massachusetts and that they pull a permit. Ask to see the certificate with your address on it.",
            "Starting next week in a busy season tells you how busy they are. Our crew is booked because people wait for them.",
            "[gutters] Compare the gauge and the hangers. Theirs is .027 with spikes every three feet; ours is .032 with hidden hangers every two. That's why theirs sag.",
            "[windows] Ask them whether it's an insert or a full-frame replacement, and whether the price includes capping the exterior trim. That's usually the difference.",
            "[siding] Look at the trim line on their proposal. If it says 'wrap existing trim', the rot stays behind the coil stock.",
            "I'm not going to badmouth anybody. I'll tell you what we do and you can hold everyone to the same list.",
        ],
    },
    "trust": {
        "said": [
            "How do I know you'll even show up?",
            "The last contractor took our deposit and vanished.",
            "You guys all say the same thing.",
            "I've never heard of your company.",
        ],
        "response": [
            "You shouldn't take my word for it. Here are three jobs within two miles of you; drive by, knock on a door, ask them how we did.",
            "I'm sorry that happened. That's why our deposit goes toward materials delivered to your driveway, and you'll have the delivery date in writing.",
            "We've been in {town} and the towns around it for years, and our production manager's cell is on the contract. You'll know who to call.",
            "Fair enough. Look us up tonight, read the reviews, the bad ones too, and see how we answered them.",
        ],
    },
    "insurance": {
        "said": [
            "Won't the insurance just pay for all of it?",
            "I don't want to pay the deductible.",
            "The adjuster only approved part of the {noun}.",
            "I'm worried our premiums will go up if we file.",
        ],
        "response": [
            "Let me walk you through how a claim works, step by step, so there are no surprises. Your part is the {deductible} deductible; we never offer to cover it, because that's insurance fraud and it puts your policy at risk.",
            "[roofing,siding] The adjuster wrote it as a repair. I'll meet them on the roof with my photos and the manufacturer's rules on matching; most supplements get approved when the documentation is clean.",
            "Whether to file is your call, not mine. I'll give you the inspection report and photos either way, and you can talk to your agent before you decide.",
            "[roofing] Here's the adjuster's estimate next to ours. These four line items are missing: drip edge, ice and water, permit, and the starter course. We'll submit those as a supplement.",
        ],
    },
    "financing": {
        "said": [
            "We don't have that sitting in the bank.",
            "Do you guys do payments?",
            "I don't want another monthly bill.",
            "We were hoping to wait until we had the cash.",
        ],
        "response": [
            "A lot of our customers don't pay cash. On the 12-month same-as-cash plan it's about {monthly} a month, and there's no penalty for paying it off early.",
            "Let's look at it as a monthly number next to what the leaks and the heating bills cost you now.",
            "[roofing,siding] There's no pressure to finance. If cash is the plan, let's phase it: the worst side now, the rest next spring, same price locked in writing.",
            "The application takes five minutes and it's a soft check. If it doesn't make sense, you haven't lost anything.",
        ],
    },
    "timing": {
        "said": [
            "We'll probably wait until spring.",
            "It's not a good time, with the holidays coming.",
            "Can this wait a year?",
            "We just had the kitchen done; we're tapped out on projects.",
        ],
        "response": [
            "[roofing] It can wait, but the decking underneath won't get better over another winter. If we're doing it anyway, doing it before the ice season costs you less.",
            "Let's lock the price and put you on the schedule for April. Nothing changes except you won't be fighting everyone else for a spot.",
            "[windows] Windows go in fine in the fall; we swap one opening at a time and it's closed by lunch. You'd feel the difference on the first cold night.",
            "[gutters] Before the leaves come down is the time. Otherwise you're up a ladder in November clearing the old ones.",
            "I'd rather you wait than feel rushed. Let me show you the two spots I'd watch this winter and what to look for.",
            "[roofing,gutters,windows] We can work around the holidays. The crew is in and out in two days and we'll be gone before anyone arrives.",
        ],
    },
    "repair_vs_replace": {
        "said": [
            "Can't you just patch the bad spot?",
            "We only need the one section fixed.",
            "Another company said it just needs a repair.",
            "Why replace the whole thing if only part is bad?",
        ],
        "response": [
            "[roofing] I can repair it, and if that's what you want I'll write it up. But look at this photo: the shingles next to the patch crack when I lift them. I'd be selling you a patch on a {noun} that's done.",
            "Here's the honest version: a repair buys you a season, maybe two. A replacement buys you the next twenty-five years. Let me price both so you can choose.",
            "If this were my mother's house, I'd repair the leak now and replace it next year. I'll put that in writing too.",
            "A repair on this {noun} won't carry a warranty, because the material around it can't hold one. That's the difference.",
            "[gutters] I can reseal the corners for a couple hundred dollars, and it will hold a season. The pitch is still wrong, so the water will still sit and the seams will open again.",
            "[windows] We can re-glaze the two worst sashes. The frames are sound on those. The kitchen and the bedroom windows are past saving; the sills are soft right through.",
            "[siding] We can replace the rotted boards on the back and paint them to match. The front will need the same in two years, and matching old clapboard gets harder every year.",
        ],
    },
    "product": {
        "said": [
            "[siding] Vinyl looks cheap to me.",
            "[siding] Is fiber cement worth the extra money?",
            "[windows] Do we really need triple pane?",
            "[windows] Why would we pay more for fiberglass?",
            "[gutters] Do we really need the guards?",
            "[roofing] Why not just go with the cheaper three-tab?",
            "[gutters] Why would I want seamless over what I have?",
            "[roofing] I've heard the new shingles don't last like the old ones.",
        ],
        "response": [
            "[siding] Let me hand you the sample. Feel the thickness and look at the grain; this isn't the vinyl from the seventies. Then look at the Hendersons' place on Maple, same profile.",
            "[siding] Fiber cement is worth it if you plan to stay ten years or more and you want the painted-wood look. If you're selling in three, the insulated vinyl is the smarter money.",
            "[windows] Triple pane pays back on the north side and in the bedrooms. On the sunny south side, double pane with Low-E does the job. Let's spend where it earns.",
            "[windows] Fiberglass expands and contracts about as much as the glass does, so the seals last. Vinyl is fine on the shady side; on the south wall, fiberglass earns it.",
            "[gutters] With four oaks over the back of the house, the guards pay for themselves the second fall. Without the trees, I'd tell you to skip them.",
            "[roofing] Three-tab is rated for 60-mile winds and most manufacturers have stopped warrantying it. For twelve percent more you get double the wind rating and a better look.",
            "[gutters] Seamless means the only joints are at the corners and the downspouts, which is where gutters leak. Yours has a seam every ten feet.",
            "[roofing] The shingle is rated for 130-mile winds when it's installed to spec, and the spec is the whole point of the warranty. Here's the installation checklist our crew signs.",
        ],
    },
    "hoa_approval": {
        "said": [
            "The association has to approve any change.",
            "We'd need to go to the historical commission first.",
            "I'm not sure that color is on the approved list.",
        ],
        "response": [
            "We do HOA submissions every month. I'll prepare the package: product sheet, color chip, elevation photos, and you sign it. Most boards approve in one meeting.",
            "Let's pick from the colors already approved on your street, so the review is a formality.",
            "[windows,siding] I've been in front of that commission before. They care about the profile and the muntin pattern from the street, so we'll bring a sample sash to the hearing.",
            "We'll sign a contract contingent on approval. If the board says no, you're out and owe nothing.",
        ],
    },
    "disruption": {
        "said": [
            "I work from home; I can't have banging all day.",
            "We've got a dog and two little kids.",
            "What about my garden beds?",
            "How long will the house be torn up?",
        ],
        "response": [
            "[roofing,siding] The crew starts at seven and the noisy part is the tear-off, usually the first morning. I'll give you the schedule so you can book your calls around it.",
            "We tarp the beds, hang plywood over the shrubs and run a magnet sweep twice a day. The kids and the dog will be safer than at the park.",
            "[windows] Windows go in one room at a time; each opening is open for about forty minutes. You'll never have the house open to the weather.",
            "[roofing] Two days for the roof, clean-up included. If it rains, we don't open it up. That's a promise in the contract.",
        ],
    },
    "selling_soon": {
        "said": [
            "We're selling; I don't want to put money into it.",
            "Will I even get this back when I sell?",
            "The next owner can deal with it.",
        ],
        "response": [
            "The buyer's inspector will find it, and then it comes off your price with their number, not ours. Doing it now, you control the cost.",
            "A new {noun} is one of the few projects that shows up in the appraisal and in the listing photos. Your realtor can tell you what it did on the last three sales on your street.",
            "If you're selling, I'd do the basic package, not the premium one. Let me show you the difference.",
        ],
    },
}

# Objection categories a trade tends to hear, beyond what the situation brings.
TRADE_OBJECTION_WEIGHTS: dict[str, dict[str, float]] = {
    "roofing": {"price": 5, "think_it_over": 3, "other_quotes": 3, "repair_vs_replace": 3, "trust": 2, "timing": 2, "product": 1.5, "financing": 2, "disruption": 1},
    "siding": {"price": 5, "product": 4.5, "think_it_over": 3, "other_quotes": 2.5, "financing": 2.5, "timing": 2, "trust": 1.5, "disruption": 1, "repair_vs_replace": 1},
    "windows": {"price": 5, "product": 3.5, "think_it_over": 3.5, "financing": 2.5, "other_quotes": 2.5, "timing": 2, "disruption": 2, "trust": 1.5},
    "gutters": {"price": 4, "repair_vs_replace": 3.5, "product": 2.5, "think_it_over": 2, "other_quotes": 2, "trust": 1.5, "timing": 1.5},
}
SITUATION_OBJECTIONS = {
    "spouse_not_present": ("spouse", 0.92),
    "insurance_claim": ("insurance", 0.85),
    "storm_damage": ("insurance", 0.35),
    "hoa_rules": ("hoa_approval", 0.85),
    "historic_district": ("hoa_approval", 0.9),
    "budget_tight": ("financing", 0.8),
    "has_other_quotes": ("other_quotes", 0.9),
    "bad_past_contractor": ("trust", 0.9),
    "selling_home": ("selling_soon", 0.75),
    "elderly_homeowner": ("trust", 0.4),
    "rental_property": ("price", 0.5),
}

# ---- techniques -----------------------------------------------------------------------------
# name: (first-visit close modifier, line for the script structure)
TECHNIQUES: dict[str, tuple[float, str]] = {
    "Homeowner walks the inspection": (0.06, "brought the homeowner up the ladder or into the attic to see the damage firsthand"),
    "Photo-documented inspection": (0.04, "showed forty-odd photos on the tablet, worst first"),
    "Good-better-best options": (0.09, "laid out three options side by side and let them pick"),
    "Feel-felt-found": (0.02, "used feel-felt-found on the main worry"),
    "Isolate the objection": (0.06, "asked whether anything other than that one concern stood in the way"),
    "Price anchoring": (0.03, "showed the premium package first, then the one that fit"),
    "Monthly payment framing": (0.04, "put the investment as a monthly figure next to current costs"),
    "Assumptive close": (0.03, "moved to the calendar as if the decision were made"),
    "Trial close": (0.03, "checked the temperature after the presentation before showing price"),
    "Takeaway close": (-0.02, "offered to drop the job back to a repair"),
    "Third-party proof": (0.05, "pointed to finished jobs nearby and read two reviews aloud"),
    "Silence after the price": (0.04, "said the price and waited without filling the silence"),
    "Spouse on FaceTime": (0.14, "brought the absent spouse in on a video call for the walk-around"),
    "Insurance claim walk-through": (0.05, "walked the claim process step by step with the adjuster's paperwork"),
    "Summary close": (0.05, "recapped every problem found and how the proposal solves each one"),
    "Book the follow-up before leaving": (-0.04, "booked the next appointment before packing up"),
    "Written scope comparison": (0.03, "put competitor scopes next to ours line by line"),
    "Urgency from the damage, not the deal": (0.05, "let the photos of the damage create the urgency, with no deadline discount"),
    "Leave-behind photo report": (-0.01, "left the printed photo report on the counter"),
}
CORE_TECHNIQUES = [
    "Homeowner walks the inspection", "Photo-documented inspection", "Good-better-best options",
    "Feel-felt-found", "Isolate the objection", "Price anchoring", "Assumptive close", "Trial close",
    "Third-party proof", "Silence after the price", "Summary close", "Urgency from the damage, not the deal",
    "Takeaway close", "Leave-behind photo report",
]

# ---- the director's other lines ---------------------------------------------------------------
RAPPORT_QUOTES = [
    "Before I touch a ladder, tell me about the house. How long have you been here?",
    "Is that a Bruins flag? Then we're going to get along fine.",
    "I'm not here to sell you anything today. I'm here to find out what your {noun} is doing and tell you straight.",
    "What made you call us now, instead of last year?",
    "If you were me, what's the first thing you'd want to look at?",
    "Those gardens are beautiful. We'll protect every one of them, I promise you that.",
    "I grew up in a Cape just like this one. My dad did the roof himself, badly.",
    "Walk me through what you noticed first, and when.",
]
INSPECTION_QUOTES = [
    "Come look at this with me. I'd rather you see it than take my word for it.",
    "[roofing] See how this shingle snaps instead of bending? That's what age does.",
    "[windows,siding] Put your hand right here. Feel the draft? That's your oil money leaving.",
    "This is the spot. Everything else on the {noun} is secondary to this.",
    "I took pictures of the good parts too, so you know I'm not just hunting for problems.",
    "[roofing,windows] Water's patient. It finds the one place the flashing gave up.",
    "[gutters] Watch where this downspout lets go. That's your basement corner, every storm.",
    "[siding] Push on this board. It gives, and it shouldn't. The paint was hiding it.",
    "[windows] Try to open this one. If it takes two hands, it's not a fire exit.",
    "This isn't an emergency, but it isn't a five-year problem either.",
]
PRESENTATION_QUOTES = [
    "Here's what I found, here's what it means, and here's what I'd do about it.",
    "I'll show you three ways to solve it. None of them is wrong.",
    "This is the part of the job nobody sees and everybody pays for when it's skipped.",
    "You'll get the same crew lead from the first day to the last. His name is on the contract.",
    "Everything I'm recommending is in the photos. If it's not in a photo, it's not in the price.",
]
CLOSE_QUOTES = {
    "closed": [
        "Let's get you on the calendar. Does the week of the 14th work, or is the 21st better?",
        "Which of the three feels right to you? ... Good. That's the one I'd pick too.",
        "Then all that's left is your signature and picking a color.",
        "I'll order the material tomorrow morning and call you with the delivery date.",
        "Welcome to the Summit Ridge family. You'll hear from our production manager within two days.",
    ],
    "open": [
        "What would you need to see to feel good about saying yes?",
        "Let's set a time now, so this doesn't turn into a week of phone tag.",
        "No decision tonight is fine. I'll call you Thursday at six; if anything comes up before, my cell is on the card.",
        "If you go with someone else, I'd still like you to use my checklist when you compare.",
    ],
}

OUTCOMES = {
    "closed_first_visit": "Closed on the first visit",
    "closed_follow_up": "Closed on a follow-up",
    "lost_competitor": "Lost to a competitor",
    "lost_price": "Lost on price",
    "pending": "Pending",
    "no_decision": "No decision (went quiet)",
}
OUTCOME_DETAILS = {
    "closed_first_visit": [
        "Signed at the kitchen table with a one-third deposit; start date set for {start}.",
        "Signed the better option that evening and picked the color on the spot.",
        "Signed before the director left; production scheduled the crew for {start}.",
    ],
    "closed_follow_up": [
        "Signed on the second visit {days} days later, with both decision-makers at the table.",
        "Called back after {days} days with one question about the warranty, then signed by e-signature.",
        "Signed {days} days later after checking the neighbor's job the director pointed to.",
    ],
    "lost_competitor": [
        "Went with {competitor}, about {gap}% lower on a thinner scope.",
        "Chose {competitor}, who promised an earlier start date.",
        "Signed with {competitor}; the homeowner said our scope was better but the relationship was already there.",
    ],
    "lost_price": [
        "Decided the number was more than they could put into the house this year.",
        "Passed after comparing; said the better option was out of reach and the basic one did not feel worth it.",
        "Chose to patch it themselves for now because of the cost.",
    ],
    "pending": [
        "Waiting on {approval}; follow-up booked for {start}.",
        "Proposal out; the homeowner is waiting on a second opinion from family. Follow-up call set.",
        "Financing application submitted; decision expected within the week.",
    ],
    "no_decision": [
        "Stopped answering after the second follow-up call.",
        "Said they would call back in the spring; no contact since.",
        "Put the project on hold indefinitely without a reason given.",
    ],
}
TAKEAWAYS = {
    "spouse": "When one decision-maker is missing, bring them in during the visit (a video call works) or book the second visit before you leave; a leave-behind alone rarely closes.",
    "price": "Answer a price objection by finding the gap and walking the scope line by line, not by discounting.",
    "other_quotes": "Hand over a comparison checklist; homeowners who compare scopes line by line tend to come back.",
    "insurance": "Explain the claim process step by step and never offer to absorb the deductible.",
    "trust": "Proof beats promises: nearby jobs, reviews, and where the deposit goes.",
    "think_it_over": "Treat 'we need to think about it' as a question: find the one piece that doesn't sit right yet.",
    "financing": "Show the monthly figure next to what the problem costs them now, and say there is no pressure to finance.",
    "timing": "Let the damage set the timeline, and offer to lock the price for a later start.",
    "repair_vs_replace": "Price the repair honestly next to the replacement; the photos do the persuading.",
    "product": "Put the sample in their hands and match the product to how long they will stay.",
    "hoa_approval": "Offer to prepare the association package and sign contingent on approval.",
    "disruption": "Describe the crew's day hour by hour; a clear schedule removes the worry.",
    "selling_soon": "For a seller, recommend the basic package and frame it against the buyer's inspection.",
}


def _date(index: int) -> date:
    # Calls spread across 2024-2025 with New England's season: few in January and February.
    months = [1, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12]
    year = 2024 if index < 45 else 2025
    month = rng.choice(months)
    return date(year, month, rng.randint(1, 28))


def _money(low: float, high: float) -> int:
    return int(round(rng.uniform(low, high) / 50.0) * 50)


def _scope_and_value(trade: str, product: str) -> tuple[str, int]:
    spec = TRADES[trade]
    template = rng.choice(spec["scopes"])
    if trade == "roofing":
        squares = rng.randint(16, 42)
        value = squares * rng.uniform(560, 820) + rng.choice([0, 0, 1800, 3400])
        text = template.format(squares=squares, product=product)
    elif trade == "siding":
        value = rng.uniform(16_000, 58_000) * (1.25 if "fiber cement" in product else 1.0)
        text = template.format(product=product)
    elif trade == "windows":
        count = rng.randint(6, 24)
        per = 1450 if "fiberglass" in product or "clad" in product else 1050
        value = count * rng.uniform(per * 0.85, per * 1.2)
        text = template.format(count=count, product=product)
    else:
        feet = rng.randint(90, 260)
        value = feet * rng.uniform(14, 24) + (rng.choice([0, 900, 1600]) if "guards" in product or "heat" in template else 0)
        text = template.format(feet=feet, product=product)
    return text[0].upper() + text[1:], _money(value * 0.98, value * 1.02)


def _pick_situations(trade: str) -> list[str]:
    fitting = [k for k, v in SITUATIONS.items() if trade in v["trades"]]
    weights = {
        "storm_damage": 3.0 if trade in ("roofing", "gutters") else 1.5, "insurance_claim": 2.0 if trade == "roofing" else 1.0,
        "aging_system": 4.0, "active_leak": 2.0, "selling_home": 1.5, "elderly_homeowner": 1.5,
        "spouse_not_present": 3.0, "hoa_rules": 1.2, "historic_district": 1.0, "budget_tight": 1.5,
        "has_other_quotes": 2.0, "bad_past_contractor": 0.8, "new_homeowners": 1.2, "energy_bills": 2.5,
        "ice_dams": 1.8, "rental_property": 0.8,
    }
    count = rng.choices([1, 2, 3], weights=[3, 5, 2])[0]
    chosen: list[str] = []
    while len(chosen) < count:
        key = rng.choices(fitting, weights=[weights[k] for k in fitting])[0]
        if key in chosen:
            continue
        if key == "insurance_claim" and "storm_damage" not in chosen and rng.random() < 0.7:
            chosen.append("storm_damage")
        chosen.append(key)
    # Keep incompatible pairs apart.
    if "historic_district" in chosen and "hoa_rules" in chosen:
        chosen.remove("hoa_rules")
    if "new_homeowners" in chosen and "elderly_homeowner" in chosen:
        chosen.remove("new_homeowners")
    return chosen[:3]


def _pick_objections(trade: str, situations: list[str]) -> list[str]:
    chosen: list[str] = []
    for situation in situations:
        if situation in SITUATION_OBJECTIONS:
            category, chance = SITUATION_OBJECTIONS[situation]
            if rng.random() < chance and category not in chosen:
                chosen.append(category)
    weights = TRADE_OBJECTION_WEIGHTS[trade]
    extra = rng.choices([0, 1, 2, 3], weights=[1, 5, 4, 1.5])[0]
    tries = 0
    while extra > 0 and tries < 20:
        tries += 1
        category = rng.choices(list(weights), weights=list(weights.values()))[0]
        if category not in chosen:
            chosen.append(category)
            extra -= 1
    return chosen or ["price"]


def _pick_techniques(situations: list[str], objections: list[str]) -> list[str]:
    chosen = rng.sample(CORE_TECHNIQUES, rng.randint(3, 5))
    if "spouse_not_present" in situations and rng.random() < 0.45:
        chosen.append("Spouse on FaceTime")
    if "insurance_claim" in situations or "insurance" in objections:
        if rng.random() < 0.8:
            chosen.append("Insurance claim walk-through")
    if ("financing" in objections or "price" in objections) and rng.random() < 0.45:
        chosen.append("Monthly payment framing")
    if "other_quotes" in objections and rng.random() < 0.6:
        chosen.append("Written scope comparison")
    if ("spouse" in objections or "think_it_over" in objections or "hoa_approval" in objections) and rng.random() < 0.6:
        chosen.append("Book the follow-up before leaving")
    out: list[str] = []
    for name in chosen:
        if name not in out:
            out.append(name)
    return out


def _pick_outcome(trade: str, situations: list[str], objections: list[str], techniques: list[str]) -> str:
    p = TRADES[trade]["base_close"]
    p += sum(SITUATIONS[s]["mod"] for s in situations)
    p += sum(TECHNIQUES[t][0] for t in techniques)
    p -= 0.05 * max(0, len(objections) - 1)
    p = min(0.9, max(0.05, p))
    if rng.random() < p:
        return "closed_first_visit"
    weights = {"closed_follow_up": 4.0, "lost_competitor": 1.6, "lost_price": 1.4, "pending": 1.0, "no_decision": 1.6}
    if "spouse_not_present" in situations or "Book the follow-up before leaving" in techniques:
        weights["closed_follow_up"] += 2.5
    if "has_other_quotes" in situations or "other_quotes" in objections:
        weights["lost_competitor"] += 2.0
    if "budget_tight" in situations or "financing" in objections:
        weights["lost_price"] += 1.8
    if "hoa_rules" in situations or "historic_district" in situations:
        weights["pending"] += 2.0
    if "Good-better-best options" in techniques:
        weights["lost_price"] *= 0.6
    if "Written scope comparison" in techniques:
        weights["lost_competitor"] *= 0.6
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _reconcile_objections(outcome: str, situations: list[str], objections: list[str]) -> tuple[list[str], str | None]:
    """Make sure a loss has the objection that decided it; returns objections and the deciding one."""
    decisive: str | None = None
    if outcome == "lost_price":
        decisive = "price" if "price" in objections or rng.random() < 0.7 else "financing"
    elif outcome == "lost_competitor":
        decisive = "other_quotes"
    elif outcome == "pending":
        for candidate in ("hoa_approval", "spouse", "financing", "think_it_over"):
            if candidate in objections:
                decisive = candidate
                break
        else:
            decisive = "think_it_over"
    elif outcome == "no_decision":
        decisive = rng.choice([c for c in objections if c in ("think_it_over", "timing", "price", "spouse")] or ["think_it_over"])
    if decisive and decisive not in objections:
        objections = [*objections, decisive]
    return objections, decisive


def _phase_timings(trade: str, situations: list[str], objections: list[str], outcome: str) -> dict[str, int]:
    timings = {phase: rng.randint(*TRADES[trade]["phase_ranges"][phase]) for phase in PHASES}
    if "elderly_homeowner" in situations:
        timings["rapport"] += rng.randint(4, 9)
    if "insurance_claim" in situations:
        timings["presentation"] += rng.randint(4, 10)
    if "active_leak" in situations:
        timings["inspection"] += rng.randint(3, 8)
    timings["close"] += 2 * max(0, len(objections) - 1)
    if outcome == "closed_first_visit":
        timings["close"] += rng.randint(3, 8)
    return timings


def _fill(text: str, values: dict[str, str]) -> str:
    return text.format_map(values)


def _for_trade(lines: list[str], trade: str) -> list[str]:
    """Bank lines fitting a trade: "[roofing,siding] text" fits only those; untagged fits all."""
    out: list[str] = []
    for line in lines:
        if line.startswith("["):
            tags, _, text = line[1:].partition("] ")
            if trade in tags.split(","):
                out.append(text)
        else:
            out.append(line)
    return out


def _homeowners(situations: list[str]) -> tuple[str, str]:
    first = rng.choice(FIRST_NAMES)
    initial = rng.choice(LAST_INITIALS)
    partner = rng.choice([n for n in FIRST_NAMES if n != first])
    if "elderly_homeowner" in situations and rng.random() < 0.5:
        return f"{first} {initial}.", f"{first} {initial}. (lives alone)"
    if "spouse_not_present" in situations:
        return f"{first} {initial}.", f"{first} {initial}. ({partner} {initial}. not at the first visit)"
    if "rental_property" in situations:
        return f"{first} {initial}.", f"{first} {initial}. (owner, not living there)"
    if rng.random() < 0.55:
        return f"{first} and {partner} {initial}.", f"{first} and {partner} {initial}."
    return f"{first} {initial}.", f"{first} {initial}."


def make_call(index: int, trade: str, when: date) -> dict[str, Any]:
    spec = TRADES[trade]
    town, state = rng.choice(TOWNS)
    product = rng.choice(spec["products"])
    scope, value = _scope_and_value(trade, product)
    situations = _pick_situations(trade)
    objections = _pick_objections(trade, situations)
    techniques = _pick_techniques(situations, objections)
    outcome = _pick_outcome(trade, situations, objections, techniques)
    objections, decisive = _reconcile_objections(outcome, situations, objections)
    names, party = _homeowners(situations)
    competitor = rng.choice(COMPETITORS)
    monthly = f"${round(value / 60 / 5) * 5:,}"
    values = {
        "noun": spec["noun"], "noun_bits": {"roofing": "shingles", "siding": "siding panels", "gutters": "a gutter run", "windows": "a storm window"}[trade],
        "product": product, "warranty": spec["warranty"], "monthly": monthly,
        "deductible": rng.choice(["$1,000", "$2,500", "$1,500", "1 percent"]), "competitor": competitor, "town": town,
    }
    used_responses: set[str] = set()
    handled: list[dict[str, Any]] = []
    for category in objections:
        bank = OBJECTIONS[category]
        said = _fill(rng.choice(_for_trade(bank["said"], trade)), values)
        said = said[0].upper() + said[1:]
        options = [r for r in _for_trade(bank["response"], trade) if r not in used_responses]
        response = rng.choice(options)
        used_responses.add(response)
        closed = outcome.startswith("closed")
        resolved = category != decisive and (closed or rng.random() < 0.55)
        handled.append({
            "category": category,
            "objection": said,
            "response": _fill(response, values),
            "resolved": resolved,
        })

    timings = _phase_timings(trade, situations, objections, outcome)
    findings = rng.sample(spec["findings"], 2)
    situation_text = " ".join(_fill(rng.choice(SITUATIONS[s]["lines"]), values) for s in situations)
    style = rng.choice(HOME_STYLES)
    built = rng.choice([rng.randint(1890, 1940), rng.randint(1950, 1979), rng.randint(1980, 2005)])
    rep = rng.choice([*REPS, None])

    script = [
        {"phase": "rapport", "notes": rng.choice([
            f"Met {names} at the front steps, asked how long they had lived in the {style}, and let them tell the story of the problem before looking at anything.",
            f"Started in the kitchen with coffee; asked what prompted the call now and who else weighs in on the decision.",
            f"Walked the yard with {names} first, talked about the neighborhood and the kids' school, and set the agenda: look, explain, options, price.",
            f"Asked {names} to show the problem themselves, then explained how the visit would run and how long it would take.",
        ])},
        {"phase": "inspection", "notes": f"Found {findings[0]} and {findings[1]}; " + rng.choice([TECHNIQUES[t][1] for t in techniques if t in ("Homeowner walks the inspection", "Photo-documented inspection")] or ["took photos of each finding for the presentation"]) + "."},
        {"phase": "presentation", "notes": rng.choice([
            f"Recommended {product}; " + (TECHNIQUES["Good-better-best options"][1] if "Good-better-best options" in techniques else "explained the one system that fixes what was found") + ".",
            f"Went through the findings in order of risk, then showed how {product} and the installation details address each one.",
            f"Explained the {spec['warranty']} warranty and what voids it, with the installation checklist in hand.",
        ])},
        {"phase": "pricing", "notes": rng.choice([
            f"Presented ${value:,} for the recommended scope" + (", " + TECHNIQUES["Silence after the price"][1] if "Silence after the price" in techniques else "") + ".",
            f"Showed the investment of ${value:,}" + ("; " + TECHNIQUES["Monthly payment framing"][1] if "Monthly payment framing" in techniques else " with the payment schedule") + ".",
            f"Walked the ${value:,} proposal line by line" + ("; " + TECHNIQUES["Price anchoring"][1] if "Price anchoring" in techniques else "") + ".",
        ])},
        {"phase": "close", "notes": (
            TECHNIQUES[[t for t in techniques if t in ("Assumptive close", "Summary close", "Trial close", "Takeaway close", "Spouse on FaceTime", "Book the follow-up before leaving")][0]][1].capitalize()
            if any(t in techniques for t in ("Assumptive close", "Summary close", "Trial close", "Takeaway close", "Spouse on FaceTime", "Book the follow-up before leaving"))
            else "Asked directly for the decision"
        ) + f"; handled {len(handled)} objection{'s' if len(handled) != 1 else ''}."},
    ]

    quotes = [_fill(rng.choice(RAPPORT_QUOTES), values), _fill(rng.choice(_for_trade(INSPECTION_QUOTES, trade)), values)]
    if rng.random() < 0.5:
        quotes.append(_fill(rng.choice(PRESENTATION_QUOTES), values))
    best_response = [h["response"] for h in handled if h["resolved"]] or [handled[0]["response"]]
    quotes.append(rng.choice(best_response))
    quotes.append(_fill(rng.choice(CLOSE_QUOTES["closed" if outcome.startswith("closed") else "open"]), values))

    days = rng.randint(2, 16)
    start = (when + timedelta(days=rng.randint(10, 35))).strftime("%B %-d")
    approval = "the association's architectural review" if "hoa_rules" in situations else (
        "the historical commission hearing" if "historic_district" in situations else "the homeowner's second opinion")
    detail = _fill(rng.choice(OUTCOME_DETAILS[outcome]), {"start": start, "days": str(days), "competitor": competitor, "gap": str(rng.randint(8, 30)), "approval": approval})
    main = decisive or (handled[0]["category"] if handled else "price")

    return {
        "id": f"SDC-{index:03d}",
        "title": f"{trade.capitalize()}: {', '.join(s.replace('_', ' ') for s in situations)} in {town}, {state} ({OUTCOMES[outcome].lower()})",
        "date": when.isoformat(),
        "director": DIRECTOR,
        "rep_on_call": rep,
        "trade": trade,
        "town": town,
        "state": state,
        "homeowners": party,
        "home": f"{built} {style}",
        "situations": situations,
        "situation_summary": situation_text,
        "scope": scope,
        "product": product,
        "outcome": outcome,
        "outcome_label": OUTCOMES[outcome],
        "outcome_detail": detail,
        "deal_value": value,
        "follow_up_days": days if outcome == "closed_follow_up" else None,
        "objections": handled,
        "techniques": techniques,
        "script_structure": script,
        "phase_timings": timings,
        "total_minutes": sum(timings.values()),
        "key_quotes": quotes,
        "takeaway": TAKEAWAYS[main],
    }


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    trades = [t for t, n in TRADE_COUNTS.items() for _ in range(n)]
    rng.shuffle(trades)
    dates = sorted(_date(i) for i in range(len(trades)))
    for old in OUT_DIR.glob("SDC-*.json"):
        old.unlink()
    for index, (trade, when) in enumerate(zip(trades, dates, strict=True), start=1):
        call = make_call(index, trade, when)
        path = OUT_DIR / f"{call['id']}.json"
        path.write_text(json.dumps(call, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(trades)} calls to {OUT_DIR}")


if __name__ == "__main__":
    main()
