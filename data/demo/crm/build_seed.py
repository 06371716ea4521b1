"""Writes seed.json: the fictional Summit Ridge Exteriors CRM (Massachusetts / New England).

Deterministic: run it again and the file is byte-for-byte the same. Every person and company
here is made up; phone numbers use the fictional 555-01xx range and emails example domains.
    .venv/bin/python data/demo/crm/build_seed.py

For benchmarks, `--scale N --out FILE` writes the same company N times over (other names,
emails and 555 numbers, ids shifted per copy) instead: `--scale 1000` is 46,000 customers.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path

OUT = Path(__file__).with_name("seed.json")
rng = random.Random(20261123)

COMPANY = {"name": "Summit Ridge Exteriors", "state": "MA", "city": "Framingham"}

STAGES = [
    ("1001", "Lead", "#9e9e9e"),
    ("1002", "Estimating", "#2196f3"),
    ("1003", "Proposal Sent", "#3f51b5"),
    ("1004", "Follow Up", "#ff9800"),
    ("1005", "Contract Signed", "#4caf50"),
    ("1006", "Scheduled", "#009688"),
    ("1007", "In Progress", "#8bc34a"),
    ("1008", "Completed", "#607d8b"),
    ("1009", "Paid & Closed", "#000000"),
    ("1010", "Lost", "#f44336"),
]
LEAD, ESTIMATING, PROPOSAL, FOLLOW_UP, SIGNED, SCHEDULED, IN_PROGRESS, COMPLETED, PAID, LOST = (
    s[0] for s in STAGES
)
AWARDED = {SIGNED, SCHEDULED, IN_PROGRESS, COMPLETED, PAID}

# Leap's default company trade set, with Leap's ids.
TRADES = [
    (1, "Carpentry", "#795548"), (2, "Electrician", "#ffc107"), (3, "Hardscaping", "#9e9e9e"),
    (4, "Landscaping", "#4caf50"), (5, "Locksmith", "#607d8b"), (6, "Masonry & Concrete", "#8d6e63"),
    (7, "Plumbing", "#03a9f4"), (8, "Roofing", "#f44336"), (9, "Siding", "#3f51b5"),
    (10, "Gutters", "#009688"), (11, "Windows", "#00bcd4"), (12, "HVAC", "#ff5722"),
    (13, "Painting", "#e91e63"), (24, "Other", "#000000"),
]
ROOFING, SIDING, GUTTERS, WINDOWS = 8, 9, 10, 11

USERS = [
    (11, "Mike", "Reed", "Sales Rep"),
    (12, "Dana", "Whitaker", "Sales Rep"),
    (13, "Kevin", "Shea", "Sales Rep"),
    (14, "Carlos", "Mendes", "Estimator"),
    (15, "Priya", "Raman", "Estimator"),
    (16, "Mike", "Sullivan", "Project Manager"),
    (17, "Tom", "Brennan", "Production Manager"),
    (18, "Erin", "Kowalski", "Office Manager"),
    (19, "Rachel", "Ames", "Sales Director"),
]
REPS = [11, 12, 13]
ESTIMATORS = [14, 15]

REFERRALS = [
    (1, "Web search"), (2, "Social media"), (3, "Yard sign"), (4, "Home show"),
    (5, "Neighbor referral"), (6, "Door hanger"), (7, "Repeat customer"), (8, "Insurance adjuster"),
]

# (city, state code, state id, zip, phone area code)
TOWNS = [
    ("Framingham", "MA", 21, "01701", "508"), ("Natick", "MA", 21, "01760", "508"),
    ("Worcester", "MA", 21, "01608", "508"), ("Needham", "MA", 21, "02492", "781"),
    ("Newton", "MA", 21, "02458", "617"), ("Quincy", "MA", 21, "02169", "617"),
    ("Braintree", "MA", 21, "02184", "781"), ("Plymouth", "MA", 21, "02360", "508"),
    ("Lowell", "MA", 21, "01852", "978"), ("Andover", "MA", 21, "01810", "978"),
    ("Concord", "MA", 21, "01742", "978"), ("Lexington", "MA", 21, "02421", "781"),
    ("Marlborough", "MA", 21, "01752", "508"), ("Shrewsbury", "MA", 21, "01545", "508"),
    ("Waltham", "MA", 21, "02451", "781"), ("Wellesley", "MA", 21, "02481", "781"),
    ("Salem", "MA", 21, "01970", "978"), ("Sudbury", "MA", 21, "01776", "978"),
    ("Nashua", "NH", 29, "03060", "603"), ("Cranston", "RI", 39, "02920", "401"),
]
STREETS = [
    "Maple St", "Oak Ave", "Elm St", "Pleasant St", "Highland Ave", "Chestnut St", "Prospect St",
    "Winter St", "Summer St", "Pond Rd", "Hillside Ave", "Cedar Ln", "Birch Rd", "Orchard Way",
    "Stonewall Dr", "Meadow Ln", "Bay State Rd", "Old County Rd", "Brook St", "Lakeview Ave",
]

# Named customers the examples use. (first, last, town index, rep)
NAMED = [
    (101, "Robert", "Johnson", 0, 11),
    (102, "Linda", "Johnson", 2, 12),
    (103, "John", "Smith", 1, 11),
    (104, "Patrick", "Walsh", 5, 13),
    (105, "Tuan", "Nguyen", 8, 12),
    (106, "Greg", "Carter", 9, 11),
    (107, "Denise", "Carter", 7, 13),
    (108, "Brian", "Doyle", 3, 12),
    (109, "Kathleen", "Murphy", 6, 11),
]
FIRST = [
    "Michael", "Susan", "David", "Karen", "James", "Maria", "Paul", "Jennifer", "Steven", "Laura",
    "Mark", "Nancy", "Daniel", "Heather", "Christopher", "Melissa", "Joseph", "Amy", "Richard",
    "Megan", "Thomas", "Lisa", "Andrew", "Colleen", "Matthew", "Erica", "Sean", "Julie", "Peter",
    "Diane", "Anthony", "Theresa", "Gary", "Rosa", "Victor",
]
LAST = [
    "O'Brien", "Fitzgerald", "Costa", "Lombardi", "Patel", "Gallagher", "Silva", "Kaplan",
    "Tremblay", "Russo", "Sweeney", "Pereira", "Quinn", "Morrison", "Lynch", "Haddad", "Brooks",
    "Castillo", "Duffy", "Eriksen", "Farrell", "Goldberg", "Hayes", "Iverson", "Keane", "Larkin",
    "McCarthy", "Novak", "Ostrowski", "Pham", "Reilly", "Santos", "Thibodeau", "Valente", "Wong",
    "Yates", "Zielinski",
]

DESCRIPTIONS = {
    ROOFING: [
        "Tear-off and replace asphalt roof, about 28 squares, architectural shingles, ice and water shield at eaves.",
        "Full roof replacement after wind damage; two layers to strip, new drip edge and ridge vent.",
        "Roof replacement, 22 squares, 8/12 pitch, replace rotted decking as found.",
        "Leak at chimney flashing; inspect and quote repair or full replacement.",
    ],
    SIDING: [
        "Replace cedar clapboard with insulated vinyl siding, all four elevations.",
        "Fiber cement siding on front and left elevation, new trim boards and housewrap.",
        "Storm-damaged siding on rear elevation; match existing color.",
    ],
    GUTTERS: [
        "Seamless 6-inch aluminum gutters with oversized downspouts, about 160 linear feet.",
        "Replace sagging gutters, add gutter guards, re-pitch runs at garage.",
        "New gutters and downspouts after roof replacement; tie into existing drains.",
    ],
    WINDOWS: [
        "Replace 14 double-hung windows with double-pane low-E vinyl units.",
        "Bay window replacement in living room plus three bedroom windows.",
        "Replace 9 drafty original windows; full-frame install on the second floor.",
    ],
}
JOB_WORD = {ROOFING: "roof replacement", SIDING: "siding", GUTTERS: "gutters", WINDOWS: "windows"}
PRICE = {ROOFING: (14500, 32000), SIDING: (18000, 42000), GUTTERS: (2400, 6800), WINDOWS: (9000, 26000)}

NOTE_LINES = {
    LEAD: ["Homeowner called in from the website form; wants a quote before winter.",
           "Left voicemail to set up an inspection."],
    ESTIMATING: ["Measurements taken; photos uploaded to the job.",
                 "Estimator walked the property with the homeowner; drafting numbers."],
    PROPOSAL: ["Proposal emailed with good/better/best options.",
               "Homeowner reviewing the proposal with spouse this weekend."],
    FOLLOW_UP: ["Followed up by phone; homeowner comparing two other bids.",
                "Sent financing options; call back Thursday."],
    SIGNED: ["Contract signed, deposit received.", "Color selections confirmed with homeowner."],
    SCHEDULED: ["Install date confirmed with homeowner; dumpster ordered.",
                "Permit approved by the building department."],
    IN_PROGRESS: ["Crew on site; tear-off complete on the front slope.",
                  "Day 2: underlayment down, shingles going on tomorrow."],
    COMPLETED: ["Final walkthrough done; homeowner happy with the work.",
                "Final invoice sent; warranty paperwork to follow."],
    PAID: ["Paid in full. Asked for a review and two referrals.", "Warranty registration mailed."],
    LOST: ["Homeowner went with a lower bid.", "Project postponed indefinitely; closing out."],
}

TODAY = date(2026, 11, 23)
# How long ago a job in each stage was opened, in days (low, high).
AGE_DAYS = {
    LEAD: (2, 15), ESTIMATING: (8, 30), PROPOSAL: (15, 40), FOLLOW_UP: (25, 60), SIGNED: (35, 60),
    SCHEDULED: (45, 75), IN_PROGRESS: (55, 85), COMPLETED: (80, 120), PAID: (120, 330),
    LOST: (60, 200),
}  # the demo's "now": appointments sit around late 2026


def phone(area: str, n: int) -> str:
    return f"{area}555{100 + n % 100:04d}"


def build() -> dict:
    customers = []
    used_names = {(f, l) for _, f, l, _, _ in NAMED}
    people = [(cid, f, l, t, r) for cid, f, l, t, r in NAMED]
    cid = 110
    while len(people) < 46:
        f, l = rng.choice(FIRST), rng.choice(LAST)
        if (f, l) in used_names or l in {"Johnson", "Smith", "Walsh", "Nguyen", "Carter", "Doyle", "Murphy"}:
            continue
        used_names.add((f, l))
        people.append((cid, f, l, rng.randrange(len(TOWNS)), rng.choice(REPS)))
        cid += 1

    for i, (cid, first, last, town_ix, rep) in enumerate(people):
        city, st, st_id, zipc, area = TOWNS[town_ix]
        created = datetime(2025, 1, 6, 9) + timedelta(days=7 * i + rng.randrange(5), hours=rng.randrange(8))
        referral = rng.choice(REFERRALS)
        slug = f"{first[0]}{last}".lower().replace("'", "")
        customer = {
            "id": cid,
            "first_name": first,
            "last_name": last,
            "company_name": "",
            "email": f"{slug}@example.{rng.choice(['com', 'net', 'org'])}",
            "additional_emails": [],
            "is_commercial": False,
            "phones": [{"label": "cell", "number": phone(area, i), "ext": ""}],
            "address": {
                "address": f"{rng.randrange(12, 480)} {rng.choice(STREETS)}",
                "address_line_1": "",
                "city": city,
                "state_id": st_id,
                "state": st,
                "country_id": 1,
                "zip": zipc,
            },
            "referred_by_type": "referral",
            "referred_by_id": referral[0],
            "referred_by_note": "",
            "rep_id": rep,
            "note": "",
            "created_at": created.isoformat(sep=" "),
        }
        if i % 4 == 1:
            customer["phones"].append({"label": "home", "number": phone(area, i + 50), "ext": ""})
        customers.append(customer)
    by_id = {c["id"]: c for c in customers}
    by_id[105]["note"] = "Wife Linh handles scheduling; prefers texts."
    by_id[106]["note"] = "Amy Carter is the decision maker on colors."
    by_id[109]["note"] = "Works from home; call her cell, not the house line."

    # (job id, customer id, trades, stage). Named jobs first, at the ids the examples use.
    plan = [
        (1012, 101, [ROOFING], FOLLOW_UP),
        (1027, 102, [GUTTERS], PAID),
        (1052, 102, [WINDOWS], ESTIMATING),
        (1021, 103, [ROOFING], COMPLETED),
        (1036, 103, [GUTTERS], SCHEDULED),
        (1058, 103, [WINDOWS], LEAD),
        (1047, 104, [SIDING], ESTIMATING),
        (1050, 105, [ROOFING], LEAD),
        (1039, 106, [SIDING], PROPOSAL),
        (1055, 107, [WINDOWS], IN_PROGRESS),
        (1033, 108, [GUTTERS], IN_PROGRESS),
        (1043, 109, [WINDOWS], SCHEDULED),
    ]
    taken = {p[0] for p in plan}
    free_ids = [j for j in range(1001, 1065) if j not in taken]
    stage_cycle = [s[0] for s in STAGES]
    trade_cycle = [ROOFING, SIDING, GUTTERS, WINDOWS, ROOFING, WINDOWS, SIDING, GUTTERS]
    others = [c["id"] for c in customers if c["id"] >= 110]
    for n, job_id in enumerate(free_ids):
        customer_id = others[n % len(others)]
        trades = [trade_cycle[n % len(trade_cycle)]]
        if trades == [ROOFING] and n % 3 == 0:
            trades = [ROOFING, GUTTERS]
        plan.append((job_id, customer_id, trades, stage_cycle[n % len(stage_cycle)]))
    plan.sort()

    stage_rank = {code: i for i, (code, _, _) in enumerate(STAGES)}
    first_job: dict[int, datetime] = {}
    jobs, notes, invoices, payments, proposals, appointments = [], [], [], [], [], []
    note_id, inv_id, pay_id, prop_id, appt_id = 5001, 7001, 8001, 6001, 9001
    for job_id, customer_id, trades, stage in plan:
        c = by_id[customer_id]
        # Later stages started longer ago; every date sits before the demo's "today".
        low_days, high_days = AGE_DAYS[stage]
        created = datetime(TODAY.year, TODAY.month, TODAY.day, 9 + rng.randrange(8)) - timedelta(
            days=rng.randrange(low_days, high_days)
        )
        words = " + ".join(JOB_WORD[t] for t in trades)
        rep = c["rep_id"]
        estimator = rng.choice(ESTIMATORS)
        low, high = PRICE[trades[0]]
        amount = round(rng.randrange(low, high) / 50) * 50
        if job_id == 1021:
            amount = 18400
        job = {
            "id": job_id,
            "number": f"{created:%y%m}-{job_id}",
            "name": f"{c['last_name']} {words}",
            "customer_id": customer_id,
            "description": rng.choice(DESCRIPTIONS[trades[0]]),
            "stage_code": stage,
            "trades": trades,
            "rep_ids": [rep],
            "estimator_ids": [estimator] if stage != LEAD else [],
            "address": dict(c["address"]),
            "archived": stage == LOST,
            "created_at": created.isoformat(sep=" "),
            "contract_amount": amount if stage in AWARDED else 0,
            "awarded_date": None,
            "contract_signed_date": None,
            "completion_date": None,
        }
        if stage in AWARDED:
            signed = created.date() + timedelta(days=14)
            job["awarded_date"] = job["contract_signed_date"] = signed.isoformat()
        if stage in (COMPLETED, PAID):
            job["completion_date"] = (created.date() + timedelta(days=50)).isoformat()
        jobs.append(job)
        first_job[customer_id] = min(first_job.get(customer_id, created), created)

        # Notes: one or two per stage reached, the newest in the current stage.
        reached = [s for s in stage_cycle[: stage_rank[stage] + 1] if s != LOST]
        if stage == LOST:
            reached = [LEAD, ESTIMATING, PROPOSAL, LOST]
        span = datetime(TODAY.year, TODAY.month, TODAY.day) - created
        steps = reached[-3:]
        for k, s in enumerate(steps):
            when = created + span * (k + 1) / (len(steps) + 1) + timedelta(hours=rng.randrange(1, 6))
            when = when.replace(microsecond=0)
            notes.append({
                "id": note_id, "job_id": job_id, "note": rng.choice(NOTE_LINES[s]), "stage_code": s,
                "created_at": when.isoformat(sep=" "),
                "created_by": rng.choice([rep, estimator, 17, 18]),
            })
            note_id += 1

        if stage_rank[stage] >= stage_rank[PROPOSAL]:
            status = {PROPOSAL: "sent", FOLLOW_UP: "viewed", LOST: "declined"}.get(stage, "accepted")
            price = amount or round(rng.randrange(low, high) / 50) * 50
            proposals.append({
                "id": prop_id, "job_id": job_id,
                "title": f"{words.capitalize()} proposal for {c['first_name']} {c['last_name']}",
                "status": status, "total_amount": price,
                "created_at": (created + timedelta(days=10)).isoformat(sep=" "),
                "sent_at": (created + timedelta(days=10, hours=2)).isoformat(sep=" "),
            })
            prop_id += 1

        if stage in AWARDED:
            deposit = float(round(amount / 3))
            signed_day = date.fromisoformat(job["contract_signed_date"])
            invoices.append({
                "id": inv_id, "job_id": job_id, "invoice_number": f"INV-{inv_id}",
                "title": "Deposit (one third on signing)", "amount": deposit, "total_amount": deposit,
                "open_balance": 0.0, "status": "paid", "date": signed_day.isoformat(),
                "due_date": (signed_day + timedelta(days=7)).isoformat(),
            })
            inv_id += 1
            payments.append({
                "id": pay_id, "job_id": job_id, "method": rng.choice(["check", "credit card", "ACH"]),
                "payment": deposit, "status": "completed",
                "date": (signed_day + timedelta(days=3)).isoformat(), "canceled": False,
            })
            pay_id += 1
            if stage in (COMPLETED, PAID):
                done = date.fromisoformat(job["completion_date"])
                final = round(amount - deposit, 2)
                paid_now = final if stage == PAID else (6000.0 if job_id == 1021 else 0.0)
                invoices.append({
                    "id": inv_id, "job_id": job_id, "invoice_number": f"INV-{inv_id}",
                    "title": "Final invoice on completion", "amount": final, "total_amount": final,
                    "open_balance": round(final - paid_now, 2),
                    "status": "paid" if paid_now >= final else ("partial" if paid_now else "open"),
                    "date": done.isoformat(), "due_date": (done + timedelta(days=14)).isoformat(),
                })
                inv_id += 1
                if paid_now:
                    payments.append({
                        "id": pay_id, "job_id": job_id, "method": "check", "payment": paid_now,
                        "status": "completed", "date": (done + timedelta(days=10)).isoformat(),
                        "canceled": False,
                    })
                    pay_id += 1

    for c in customers:
        c["created_at"] = (first_job[c["id"]] - timedelta(hours=2)).isoformat(sep=" ")

    # Appointments: past ones, and upcoming ones in the next weeks after the demo's "today".
    def add_appt(title: str, job: dict, start: datetime, hours: float, user_id: int, done: bool) -> None:
        nonlocal appt_id
        c = by_id[job["customer_id"]]
        a = c["address"]
        appointments.append({
            "id": appt_id, "title": title,
            "description": f"{job['name']} ({c['first_name']} {c['last_name']})",
            "start_date_time": start.isoformat(sep=" "),
            "end_date_time": (start + timedelta(hours=hours)).isoformat(sep=" "),
            "full_day": False, "location": f"{a['address']}, {a['city']}, {a['state']} {a['zip']}",
            "customer_id": c["id"], "user_id": user_id, "attendees_ids": [user_id],
            "job_ids": [job["id"]], "is_completed": done,
        })
        appt_id += 1

    upcoming_day = 0
    for job in jobs:
        stage = job["stage_code"]
        created = datetime.fromisoformat(job["created_at"])
        first_visit = (created + timedelta(days=3)).replace(hour=10 + job["id"] % 6, minute=0, second=0)
        if stage != LEAD:
            add_appt("Inspection and measurements", job, first_visit, 1.5,
                     job["estimator_ids"][0] if job["estimator_ids"] else job["rep_ids"][0], True)
        # Upcoming work for open jobs, spread over the weeks after "today" on weekdays.
        kind = {LEAD: "Initial inspection", ESTIMATING: "Estimate review", FOLLOW_UP: "Follow-up visit",
                SCHEDULED: "Install start", IN_PROGRESS: "Progress walkthrough",
                COMPLETED: "Final walkthrough"}.get(stage)
        if kind and job["id"] != 1050:  # the Nguyens' inspection is the one the demo books
            day = TODAY + timedelta(days=1 + upcoming_day % 24)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            upcoming_day += 3
            start = datetime(day.year, day.month, day.day, 8 + (job["id"] * 7) % 9)
            user = job["rep_ids"][0] if stage in (LEAD, FOLLOW_UP, ESTIMATING) else 16
            add_appt(kind, job, start, 8 if kind == "Install start" else 1, user, False)

    add_sarah_johnson(customers, jobs, notes, appointments, invoices, payments, proposals)

    seed = {
        "company": COMPANY,
        "as_of": TODAY.isoformat(),
        "stages": [
            {"id": i + 1, "code": code, "name": name, "color": color, "position": i + 1,
             "workflow_id": 1, "locked": False}
            for i, (code, name, color) in enumerate(STAGES)
        ],
        "trades": [{"id": i, "name": n, "color": col} for i, n, col in TRADES],
        "users": [
            {"id": uid, "first_name": f, "last_name": l,
             "email": f"{f[0].lower()}{l.lower()}@summitridge.example", "active": True,
             "color": None, "title": title}
            for uid, f, l, title in USERS
        ],
        "referrals": [{"id": i, "name": n} for i, n in REFERRALS],
        "customers": customers,
        "jobs": jobs,
        "notes": notes,
        "appointments": appointments,
        "invoices": invoices,
        "payments": payments,
        "proposals": proposals,
    }
    return seed


# Ids of copy k are the original's plus k times this (larger than any id in the demo).
COPY_STRIDE = 100_000
_SURNAME_HEADS = ["Ash", "Black", "Brook", "Clay", "Cold", "Fair", "Green", "Hart", "Hazel", "Kings",
                  "Lang", "Marsh", "Mill", "North", "Oak", "Pen", "Red", "Rush", "Stan", "Thorn",
                  "Under", "Wake", "West", "White", "Wood"]
_SURNAME_TAILS = ["bury", "by", "croft", "dale", "field", "ford", "gate", "ham", "hill", "hurst",
                  "ley", "mere", "more", "ridge", "shaw", "stead", "ton", "well", "wick", "worth"]


def scaled(seed: dict, copies: int) -> dict:
    """The company `copies` times over: the original, then copies with other people in them."""
    out = copy.deepcopy(seed)
    names = random.Random(copies)
    for k in range(1, copies):
        shift = k * COPY_STRIDE
        renamed: dict[int, tuple[str, str, str, str]] = {}
        for c in seed["customers"]:
            first, last = names.choice(FIRST), names.choice(_SURNAME_HEADS) + names.choice(_SURNAME_TAILS)
            renamed[c["id"]] = (c["first_name"], c["last_name"], first, last)
            new = copy.deepcopy(c)
            new.update(id=c["id"] + shift, first_name=first, last_name=last,
                       email=f"{first[0]}{last}{k}@example.com".lower())
            for n, ph in enumerate(new["phones"]):
                # Outside 555-01xx: a benchmark company has more people than that range.
                ph["number"] = f"{ph['number'][:6]}{(k * 97 + c['id'] * 7 + n * 31) % 10000:04d}"
            if new.get("referred_by_type") == "customer" and new.get("referred_by_id"):
                new["referred_by_id"] += shift
            out["customers"].append(new)

        def rename(text: str, customer_id: int | None, renamed: dict = renamed) -> str:
            if customer_id not in renamed:
                return text
            old_first, old_last, first, last = renamed[customer_id]
            return text.replace(old_first, first).replace(old_last, last)

        owner_of_job = {}
        for j in seed["jobs"]:
            new = copy.deepcopy(j)
            owner_of_job[j["id"]] = j["customer_id"]
            new.update(id=j["id"] + shift, customer_id=j["customer_id"] + shift,
                       number=f"{j['number'].split('-')[0]}-{j['id'] + shift}",
                       name=rename(j.get("name", ""), j["customer_id"]))
            out["jobs"].append(new)
        for n in seed["notes"]:
            out["notes"].append(n | {"id": n["id"] + shift, "job_id": n["job_id"] + shift})
        for a in seed["appointments"]:
            owner = a.get("customer_id")
            out["appointments"].append(a | {
                "id": a["id"] + shift,
                "customer_id": owner + shift if owner else owner,
                "job_ids": [j + shift for j in a.get("job_ids", [])],
                "description": rename(a.get("description", ""), owner),
            })
        for table in ("invoices", "payments", "proposals"):
            for r in seed[table]:
                new = r | {"id": r["id"] + shift}
                if r.get("job_id"):
                    new["job_id"] = r["job_id"] + shift
                if "invoice_number" in r:
                    new["invoice_number"] = f"INV-{new['id']}"
                if "title" in r and table == "proposals":
                    new["title"] = rename(r["title"], owner_of_job.get(r.get("job_id")))
                out[table].append(new)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Write the demo company's CRM seed.")
    parser.add_argument("--scale", type=int, default=1, help="the company this many times over")
    parser.add_argument("--out", type=Path, default=None, help=f"where to write (default {OUT.name})")
    args = parser.parse_args()
    if args.scale > 1 and args.out is None:
        parser.error("--scale writes a benchmark company: give it --out FILE")
    seed = build()
    if args.scale > 1:
        seed = scaled(seed, args.scale)
    out = args.out or OUT
    # The demo seed is indented for reading; a scaled one is compact.
    indent = 1 if args.scale == 1 else None
    out.write_text(json.dumps(seed, indent=indent, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = {k: len(v) for k, v in seed.items() if isinstance(v, list)}
    print(f"wrote {out.name}: {counts}")


def add_sarah_johnson(customers: list, jobs: list, notes: list, appointments: list, invoices: list,
                      payments: list, proposals: list) -> None:
    """A third Johnson, written out by hand after the generated company (so nothing generated
    before her moves): a siding job scheduled to start in early December, with a materials
    invoice still open. The walk-through in the README asks about her."""
    customers.append({
        "id": 147, "first_name": "Sarah", "last_name": "Johnson", "company_name": "",
        "email": "sjohnson@example.net", "additional_emails": [], "is_commercial": False,
        "phones": [{"label": "cell", "number": "5085550147", "ext": ""}],
        "address": {"address": "58 Birch Rd", "address_line_1": "", "city": "Natick", "state_id": 21,
                    "state": "MA", "country_id": 1, "zip": "01760"},
        "referred_by_type": "referral", "referred_by_id": 5, "referred_by_note": "", "rep_id": 12,
        "note": "Prefers email for paperwork; works days, call after 5.",
        "created_at": "2026-09-30 08:00:00",
    })
    address = dict(customers[-1]["address"])
    jobs.append({
        "id": 1067, "number": "2609-1067", "name": "Johnson siding", "customer_id": 147,
        "description": "Replace cedar clapboard with insulated vinyl siding, all four elevations.",
        "stage_code": SCHEDULED, "trades": [SIDING], "rep_ids": [12], "estimator_ids": [15],
        "address": address, "archived": False, "created_at": "2026-09-30 10:00:00",
        "contract_amount": 27600, "awarded_date": "2026-10-14", "contract_signed_date": "2026-10-14",
        "completion_date": None,
    })
    for k, (when, text, stage, by) in enumerate([
        ("2026-10-03 15:10:00", "Measurements taken; photos uploaded to the job.", ESTIMATING, 15),
        ("2026-10-14 18:20:00", "Contract signed, deposit received.", SIGNED, 12),
        ("2026-11-16 11:05:00", "Materials invoice sent; install crew booked for Dec 7.", SCHEDULED, 18),
    ]):
        notes.append({"id": 5169 + k, "job_id": 1067, "note": text, "stage_code": stage,
                      "created_at": when, "created_by": by})
    proposals.append({
        "id": 6049, "job_id": 1067, "title": "Siding proposal for Sarah Johnson", "status": "accepted",
        "total_amount": 27600, "created_at": "2026-10-08 10:00:00", "sent_at": "2026-10-08 12:00:00",
    })
    invoices.append({
        "id": 7044, "job_id": 1067, "invoice_number": "INV-7044", "title": "Deposit (one third on signing)",
        "amount": 9200.0, "total_amount": 9200.0, "open_balance": 0.0, "status": "paid",
        "date": "2026-10-14", "due_date": "2026-10-21",
    })
    payments.append({
        "id": 8039, "job_id": 1067, "method": "check", "payment": 9200.0, "status": "completed",
        "date": "2026-10-17", "canceled": False,
    })
    invoices.append({
        "id": 7045, "job_id": 1067, "invoice_number": "INV-7045", "title": "Materials (one third before install)",
        "amount": 9200.0, "total_amount": 9200.0, "open_balance": 9200.0, "status": "open",
        "date": "2026-11-16", "due_date": "2026-11-30",
    })
    location = f"{address['address']}, {address['city']}, {address['state']} {address['zip']}"
    for k, (title, start, end, user, done) in enumerate([
        ("Inspection and measurements", "2026-10-03 10:00:00", "2026-10-03 11:30:00", 15, True),
        ("Install start", "2026-12-07 08:00:00", "2026-12-07 16:00:00", 16, False),
    ]):
        appointments.append({
            "id": 9098 + k, "title": title, "description": "Johnson siding (Sarah Johnson)",
            "start_date_time": start, "end_date_time": end, "full_day": False, "location": location,
            "customer_id": 147, "user_id": user, "attendees_ids": [user], "job_ids": [1067],
            "is_completed": done,
        })


if __name__ == "__main__":
    main()
