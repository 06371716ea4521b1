"""A minimal, strict Leap v3 stand-in written from LEAP_API.md alone: real HTTP on loopback,
only the documented endpoints and shapes, its own seed data (ids in the 5000s)."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from copy import deepcopy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

JSON = dict[str, Any]
STANDIN_TOKEN = "standin-admin-token"

_US_STATES = (  # noqa: SIM905 - the doc's table, read as written
    "AL Alabama,AK Alaska,AZ Arizona,AR Arkansas,CA California,CO Colorado,CT Connecticut,"
    "DE Delaware,FL Florida,GA Georgia,HI Hawaii,ID Idaho,IL Illinois,IN Indiana,IA Iowa,"
    "KS Kansas,KY Kentucky,LA Louisiana,ME Maine,MD Maryland,MA Massachusetts,MI Michigan,"
    "MN Minnesota,MS Mississippi,MO Missouri,MT Montana,NE Nebraska,NV Nevada,"
    "NH New Hampshire,NJ New Jersey,NM New Mexico,NY New York,NC North Carolina,"
    "ND North Dakota,OH Ohio,OK Oklahoma,OR Oregon,PA Pennsylvania,RI Rhode Island,"
    "SC South Carolina,SD South Dakota,TN Tennessee,TX Texas,UT Utah,VT Vermont,VA Virginia,"
    "WA Washington,WV West Virginia,WI Wisconsin,WY Wyoming"
).split(",")
CUSTOMER_FILTERS = {
    "keyword",
    "query",
    "name",
    "first_name",
    "last_name",
    "email",
    "phone",
    "city",
    "state_id",
    "zip_code",
    "job_number",
}
PHONE_LABELS = {"home", "cell", "phone", "office", "fax", "other"}
REFERRAL_TYPES = {"referral", "customer", "other", "website"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
UNKNOWN_STAGE = {"name": "Unknown", "color": "black", "code": None}


def _stamp(days_ago: int, hour: int = 9) -> str:
    when = dt.datetime.now().replace(microsecond=0, minute=0, second=0, hour=hour)
    return (when - dt.timedelta(days=days_ago)).strftime("%Y-%m-%d %H:%M:%S")


def _seed() -> JSON:
    users = [
        {
            "id": 5101,
            "first_name": "Dana",
            "last_name": "Kowalczyk",
            "email": "dana@example.net",
            "active": 1,
            "color": "#1e88e5",
        },
        {
            "id": 5102,
            "first_name": "Luis",
            "last_name": "Ortega",
            "email": "luis@example.net",
            "active": 1,
            "color": None,
        },
        {
            "id": 5103,
            "first_name": "Priya",
            "last_name": "Raman",
            "email": None,
            "active": 0,
            "color": "#8e24aa",
        },
    ]
    users += [
        {
            "id": 5110 + i,
            "first_name": f"Crew{i}",
            "last_name": "Member",
            "email": None,
            "active": 1,
            "color": None,
        }
        for i in range(10)
    ]
    stages = [
        {
            "id": 71,
            "code": "ld7731",
            "name": "Lead",
            "color": "#999999",
            "position": 1,
            "workflow_id": 9,
            "locked": 0,
        },
        {
            "id": 72,
            "code": "es7732",
            "name": "Estimate Booked",
            "color": "#ffb300",
            "position": 2,
            "workflow_id": 9,
            "locked": 0,
        },
        {
            "id": 73,
            "code": "pr7733",
            "name": "Proposal Out",
            "color": "#43a047",
            "position": 3,
            "workflow_id": 9,
            "locked": 0,
        },
        {
            "id": 74,
            "code": "sg7734",
            "name": "Signed",
            "color": "#3949ab",
            "position": 4,
            "workflow_id": 9,
            "locked": 1,
        },
        {
            "id": 75,
            "code": "dn7735",
            "name": "Done",
            "color": "#000000",
            "position": 5,
            "workflow_id": 9,
            "locked": 1,
        },
    ]
    stage = {s["code"]: {"name": s["name"], "color": s["color"], "code": s["code"]} for s in stages}
    trades = [
        {"id": 41, "name": "Roofing", "color": "#c62828"},
        {"id": 42, "name": "Siding", "color": None},
        {"id": 43, "name": "Gutters", "color": "#6d4c41"},
        {"id": 44, "name": "Windows", "color": "#00897b"},
        {"id": 24, "name": "Other", "color": None},
    ]
    worcester = {
        "address": "88 Grove Street",
        "address_line_1": None,
        "city": "Worcester",
        "state_id": 21,
        "country_id": 1,
        "zip": "01605",
    }
    customers = [
        {
            "id": 5011,
            "first_name": "Margaret",
            "last_name": "Johnson",
            "company_name": None,
            "email": "mjohnson@example.org",
            "additional_emails": [],
            "referred_by_type": "website",
            "note": None,
            "is_commercial": 0,
            "created_at": _stamp(60),
            "updated_at": _stamp(3),
            "phones": [{"label": "home", "number": "508-555-0142", "ext": None}],
            "address": worcester,
            "billing": {"same_as_customer_address": 1},
            "rep_id": 5101,
        },
        {
            "id": 5012,
            "first_name": "John",
            "last_name": "Smith",
            "company_name": "",
            "email": None,
            "additional_emails": [],
            "referred_by_type": None,
            "note": "",
            "is_commercial": 0,
            "created_at": _stamp(200),
            "updated_at": _stamp(10),
            "phones": [],
            "address": None,
            "billing": None,
            "rep_id": None,
        },
        {
            "id": 5013,
            "first_name": "Janet",
            "last_name": "Smith",
            "company_name": "",
            "email": "janet.smith@example.org",
            "additional_emails": ["js@example.org"],
            "referred_by_type": "other",
            "note": "",
            "is_commercial": 0,
            "created_at": _stamp(30),
            "updated_at": _stamp(30),
            "phones": [{"label": "cell", "number": "7815550199", "ext": ""}],
            "address": {
                "address": "4 Elm Ct",
                "address_line_1": "",
                "city": "Salem",
                "state_id": 29,
                "country_id": 1,
                "zip": "03079",
            },
            "billing": {"same_as_customer_address": 1},
            "rep_id": 5102,
        },
        {
            "id": 5014,
            "first_name": "Harbor",
            "last_name": None,
            "company_name": "Harbor View Condominiums",
            "email": "board@example.com",
            "additional_emails": [],
            "referred_by_type": "referral",
            "note": "",
            "is_commercial": 1,
            "created_at": _stamp(90),
            "updated_at": _stamp(90),
            "phones": [{"label": "office", "number": "+1 (617) 555-0110", "ext": "12"}],
            "address": None,
            "billing": None,
            "rep_id": 5101,
        },
    ]

    def job(**fields: Any) -> JSON:
        base: JSON = {
            "name": None,
            "description": "",
            "archived": None,
            "awarded_date": None,
            "completion_date": None,
            "contract_signed_date": None,
            "address": None,
            "rep_ids": [],
            "estimator_ids": [],
            "trade_ids": [],
        }
        return {**base, **fields}

    jobs = [
        job(
            id=5301,
            number="JB-24-0871",
            customer_id=5011,
            current_stage=stage["pr7733"],
            description="Tear-off and architectural shingles, 28 squares",
            created_at=_stamp(40),
            updated_at=_stamp(2),
            address=worcester,
            rep_ids=[5101],
            estimator_ids=[5102],
            trade_ids=[41],
        ),
        job(
            id=5302,
            number="JB-23-0412",
            customer_id=5012,
            name="Smith roof replacement",
            current_stage=stage["dn7735"],
            description="Full roof, ice and water shield",
            created_at=_stamp(180),
            updated_at=_stamp(20),
            awarded_date="2025-03-02",
            contract_signed_date="2025-03-01 14:22:05",
            completion_date="2025-04-18",
            trade_ids=[41],
            rep_ids=[5101],
        ),
        job(
            id=5303,
            number="JB-24-0533",
            customer_id=5012,
            current_stage=UNKNOWN_STAGE,
            description="Seamless gutters, front and back",
            created_at=_stamp(90),
            updated_at=_stamp(80),
            trade_ids=[43],
        ),
        job(
            id=5304,
            number="JB-24-0900",
            customer_id=5012,
            current_stage=stage["ld7731"],
            description="",
            created_at=_stamp(5),
            updated_at=_stamp(5),
            trade_ids=[44],
        ),
        job(
            id=5305,
            number="JB-24-0911",
            customer_id=5013,
            current_stage=stage["es7732"],
            description="Vinyl siding, two sides",
            created_at=_stamp(25),
            updated_at=_stamp(25),
            trade_ids=[42],
            rep_ids=[5102],
        ),
    ]
    notes = [
        {
            "id": 5800 + i,
            "job_id": 5301,
            "note": f"Call log {i}: left a voicemail",
            "stage_code": "pr7733",
            "created_at": _stamp(30 - i),
            "updated_at": _stamp(30 - i),
        }
        for i in range(11)
    ]
    notes.append(
        {
            "id": 5811,
            "job_id": 5301,
            "note": "Sent the proposal, she will decide Friday",
            "stage_code": None,
            "created_at": _stamp(1),
            "updated_at": _stamp(1),
        }
    )
    invoices = [
        {
            "id": 5901,
            "job_id": 5302,
            "invoice_number": "INV 0042",
            "title": "Deposit",
            "amount": 6000,
            "total_amount": 6000,
            "open_balance": 0,
            "status": "closed",
            "due_date": "2025-03-10",
            "date": "2025-03-02",
        },
        {
            "id": 5902,
            "job_id": 5302,
            "invoice_number": "INV 0057",
            "title": "Completion",
            "amount": "12400.00",
            "total_amount": "12400.00",
            "open_balance": "4250.50",
            "status": "open",
            "due_date": "2025-05-01",
            "date": "2025-04-18",
        },
    ]
    payments = [
        {
            "id": 5951,
            "job_id": 5302,
            "method": "check",
            "payment": 6000,
            "status": "completed",
            "date": "2025-03-05",
            "canceled": 0,
        },
        {
            "id": 5952,
            "job_id": 5302,
            "method": "card",
            "payment": "8149.50",
            "status": "completed",
            "date": "2025-04-25",
            "canceled": None,
        },
    ]
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    appointments = [
        {
            "id": 5601,
            "title": "Roof walk with Margaret",
            "description": None,
            "start_date_time": f"{tomorrow} 10:00:00",
            "end_date_time": f"{tomorrow} 11:00:00",
            "full_day": 0,
            "location": "88 Grove Street, Worcester",
            "customer_id": 5011,
            "user_id": 5101,
            "attendees_ids": [5102],
            "is_completed": 0,
        },
    ]
    return {
        "users": users,
        "stages": stages,
        "trades": trades,
        "customers": customers,
        "jobs": jobs,
        "notes": notes,
        "invoices": invoices,
        "payments": payments,
        "appointments": appointments,
        "referrals": [{"id": 1, "name": "Neighbour"}, {"id": 2, "name": "Lawn sign"}],
        "divisions": [{"id": 3, "name": "North Shore"}],
    }


class _Reply(Exception):
    def __init__(self, status: int, body: JSON) -> None:
        self.status = status
        self.body = body


def _error(status: int, message: str, **extra: Any) -> _Reply:
    return _Reply(status, {"error": {"status_code": status, "message": message, **extra}})


def _not_found_route() -> _Reply:
    return _Reply(404, {"message": "Not found"})


def _invalid(validation: dict[str, list[str]]) -> _Reply:
    return _error(412, "Validation Failed", validation=validation)


class LeapStandIn:
    """`with LeapStandIn() as leap: leap.base_url` ("http://127.0.0.1:PORT/api/v3")."""

    def __init__(self, token: str = STANDIN_TOKEN, *, bare_writes: bool = False) -> None:
        self.token = token
        # Writes whose answer shape the doc leaves open answer with their message only.
        self.bare_writes = bare_writes
        self.db = _seed()
        self.requests: list[tuple[str, str]] = []  # (method, path) of every request
        self.bodies: list[tuple[str, str, Any]] = []  # (method, path, JSON body) of writes
        self.lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._next_id = 7000

    # --- lifecycle ---------------------------------------------------------------------------
    def __enter__(self) -> LeapStandIn:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def _handle(self) -> None:
                standin._serve(self)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._server is not None and self._thread is not None
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/api/v3"

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    # --- dispatch ----------------------------------------------------------------------------
    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        url = urlsplit(handler.path)
        query = parse_qs(url.query, keep_blank_values=True)
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        with self.lock:
            self.requests.append((handler.command, url.path))
            try:
                if handler.headers.get("Authorization") != f"Bearer {self.token}":
                    raise _error(401, "Unauthenticated.")
                if not url.path.startswith("/api/v3/"):
                    raise _not_found_route()
                try:
                    body = json.loads(raw) if raw else {}
                except ValueError:
                    raise _error(400, "Malformed JSON") from None
                if body:
                    self.bodies.append((handler.command, url.path, deepcopy(body)))
                status, answer = (
                    200,
                    self._route(handler.command, url.path[len("/api/v3") :], query, body),
                )
            except _Reply as reply:
                status, answer = reply.status, reply.body
        bare = self.bare_writes and status == 200 and handler.command in ("POST", "PUT")
        if bare and (not url.path.endswith(("/prospects", "/notes")) or handler.command == "PUT"):
            answer = {"message": answer.get("message", "Saved.")}
        data = json.dumps(answer).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.send_header("X-RateLimit-Limit", "60")
        handler.send_header("X-RateLimit-Remaining", "59")
        handler.end_headers()
        handler.wfile.write(data)

    def _route(self, method: str, path: str, q: dict[str, list[str]], body: Any) -> JSON:
        parts = [p for p in path.split("/") if p]
        includes = set(q.get("includes[]", []))
        match (method, parts):
            case ("GET", ["customers"]):
                return self._page(
                    self._filter_customers(q), q, lambda c: self._customer(c, includes)
                )
            case ("GET", ["customers", cid]):
                return {"data": self._customer(self._find_customer(cid), includes)}
            case ("POST", ["customers"]):
                customer = self._save_customer(body, None)
                return {
                    "message": "Customer saved successfully.",
                    "customer": self._customer(customer, set()),
                }
            case ("PUT", ["customers", cid]):
                customer = self._save_customer(body, self._find_customer(cid))
                return {
                    "message": "Customer updated successfully.",
                    "customer": self._customer(customer, set()),
                }
            case ("POST", ["prospects"]):
                return self._prospect(body)
            case ("GET", ["jobs"]):
                return self._page(self._filter_jobs(q), q, lambda j: self._job(j, includes))
            case ("GET", ["jobs", jid]):
                return {"data": self._job(self._find_job(jid), includes)}
            case ("POST", ["jobs"]):
                return {
                    "message": "Job saved successfully.",
                    "job": self._job(self._create_job(body), set()),
                }
            case ("PUT", ["jobs", jid]):
                job = self._find_job(jid)
                if "same_as_customer_address" not in body:
                    raise _invalid(
                        {
                            "same_as_customer_address": [
                                "The same as customer address field is required."
                            ]
                        }
                    )
                for key in ("name", "description"):
                    if key in body:
                        job[key] = body[key]
                job["updated_at"] = _stamp(0)
                return {"message": "Job saved successfully.", "data": self._job(job, set())}
            case ("GET", ["jobs", jid, "notes"]):
                job = self._find_job(jid)
                notes = sorted(
                    (n for n in self.db["notes"] if n["job_id"] == job["id"]),
                    key=lambda n: n["created_at"],
                    reverse=True,
                )
                return self._page(notes, q, self._note)
            case ("POST", ["jobs", jid, "notes"]):
                job = self._find_job(jid)
                text = body.get("note") if isinstance(body, dict) else None
                if not isinstance(text, str) or not text.strip():
                    raise _invalid({"note": ["The note field is required."]})
                note = {
                    "id": self.new_id(),
                    "job_id": job["id"],
                    "note": text,
                    "stage_code": body.get("stage_code"),
                    "created_at": _stamp(0, dt.datetime.now().hour),
                    "updated_at": _stamp(0, dt.datetime.now().hour),
                }
                self.db["notes"].append(note)
                return {"message": "Note saved successfully.", "data": self._note(note)}
            case ("PUT", ["jobs", "notes", nid]):
                note = next((n for n in self.db["notes"] if str(n["id"]) == nid), None)
                if note is None:
                    raise _error(412, "No records found!")
                if not isinstance(body.get("note"), str) or not body["note"].strip():
                    raise _invalid({"note": ["The note field is required."]})
                note["note"] = body["note"]
                return {"message": "Note updated successfully.", "note": self._note(note)}
            case ("GET", ["jobs", jid, "financial_summary"]):
                job = self._find_job(jid)
                if not job["awarded_date"]:
                    raise _error(412, "Job is not awarded yet.")
                return {
                    "data": {"job_id": job["id"], "job_amount": 18400.0, "amount_received": 14149.5}
                }
            case ("GET", ["jobs", jid, "invoices"]):
                job = self._find_job(jid)
                return self._page(
                    [i for i in self.db["invoices"] if i["job_id"] == job["id"]], q, dict
                )
            case ("GET", ["jobs", jid, "payment_history"]):
                job = self._find_job(jid)
                return self._page(
                    [p for p in self.db["payments"] if p["job_id"] == job["id"]], q, dict
                )
            case ("GET", ["workflow", "stages"]):
                return {"data": deepcopy(self.db["stages"]), "status": 200}
            case ("GET", ["company", "trades"]):
                return {"data": deepcopy(self.db["trades"]), "status": 200}
            case ("GET", ["company", "users"]):
                return self._page(self.db["users"], q, dict, zero_means_all=True)
            case ("GET", ["referrals"]):
                return {"data": deepcopy(self.db["referrals"])}
            case ("GET", ["divisions"]):
                return {"data": deepcopy(self.db["divisions"])}
            case ("GET", ["countries"]):
                names = ["United States", "Bahamas", "Australia", "Canada", "United Kingdom"]
                codes = ["US", "BS", "AU", "CA", "UK"]
                return {
                    "data": [
                        {"id": i + 1, "name": n, "code": c}
                        for i, (n, c) in enumerate(zip(names, codes, strict=True))
                    ]
                }
            case ("GET", ["countries", country, "states"]):
                return {"data": self._states(country)}
            case ("GET", ["appointments"]):
                return self._page(self.db["appointments"], q, dict)
            case ("POST", ["appointments"]):
                appointment = self._save_appointment(body, None)
                return {"message": "Appointment saved successfully.", "appointment": appointment}
            case ("PUT", ["appointments", aid]):
                found = next((a for a in self.db["appointments"] if str(a["id"]) == aid), None)
                if found is None:
                    raise _error(412, "No records found!")
                return {
                    "message": "Appointment updated successfully.",
                    "appointment": self._save_appointment(body, found),
                }
        raise _not_found_route()

    # --- pagination --------------------------------------------------------------------------
    def _page(
        self,
        items: list[JSON],
        q: dict[str, list[str]],
        shape: Any,
        *,
        zero_means_all: bool = False,
    ) -> JSON:
        try:
            page = max(int((q.get("page") or ["1"])[0]), 1)
            limit = int((q.get("limit") or ["10"])[0])
        except ValueError:
            raise _invalid({"limit": ["The limit must be an integer."]}) from None
        if limit == 0 and zero_means_all:
            limit = max(len(items), 1)
        elif limit <= 0:
            limit = 10
        else:
            limit = min(limit, 100)
        total = len(items)
        total_pages = max((total + limit - 1) // limit, 1)
        chunk = items[(page - 1) * limit : page * limit]
        links: JSON = {}
        if page < total_pages:
            links["next"] = f"{self.base_url}/?page={page + 1}"
        if page > 1 and total_pages > 1:
            links["previous"] = f"{self.base_url}/?page={page - 1}"
        return {
            "data": [shape(deepcopy(i)) for i in chunk],
            "meta": {
                "pagination": {
                    "total": total,
                    "count": len(chunk),
                    "per_page": limit,
                    "current_page": page,
                    "total_pages": total_pages,
                    "links": links,
                }
            },
            "status": 200,
        }

    # --- records -----------------------------------------------------------------------------
    def _states(self, country: str) -> list[JSON]:
        if country == "1":
            states = [
                {
                    "id": i + 1,
                    "name": s.split(" ", 1)[1],
                    "code": s.split(" ", 1)[0],
                    "country_id": 1,
                }
                for i, s in enumerate(_US_STATES)
            ]
            states.append({"id": 51, "name": "Washington D.C.", "code": "WDC", "country_id": 1})
            return states
        return []

    def _user(self, user_id: int | None) -> JSON | None:
        return next((deepcopy(u) for u in self.db["users"] if u["id"] == user_id), None)

    def _find_customer(self, cid: str) -> JSON:
        found = next((c for c in self.db["customers"] if str(c["id"]) == cid), None)
        if found is None:
            raise _error(404, "Customer Not Found")
        return found

    def _find_job(self, jid: str) -> JSON:
        found = next((j for j in self.db["jobs"] if str(j["id"]) == jid), None)
        if found is None:
            raise _error(412, "No records found!")
        return found

    def _customer(self, c: JSON, includes: set[str]) -> JSON:
        out = {
            k: c[k]
            for k in (
                "id",
                "first_name",
                "last_name",
                "company_name",
                "email",
                "additional_emails",
                "referred_by_type",
                "note",
                "is_commercial",
                "created_at",
                "updated_at",
            )
        }
        if "phones" in includes:
            out["phones"] = {"data": deepcopy(c["phones"])}
        if "address" in includes:
            out["address"] = deepcopy(c["address"])
        if "billing" in includes:
            out["billing"] = deepcopy(c["billing"])
        if "rep" in includes:
            out["rep"] = self._user(c["rep_id"])
        if "jobs" in includes:
            out["jobs"] = {
                "data": [
                    self._job(j, set()) for j in self.db["jobs"] if j["customer_id"] == c["id"]
                ]
            }
        return out

    def _job(self, j: JSON, includes: set[str]) -> JSON:
        out = {
            k: deepcopy(j[k])
            for k in (
                "id",
                "number",
                "name",
                "customer_id",
                "description",
                "current_stage",
                "created_at",
                "updated_at",
                "archived",
                "awarded_date",
                "completion_date",
                "contract_signed_date",
            )
        }
        if "address" in includes:
            out["address"] = deepcopy(j["address"])
        if "reps" in includes:
            out["reps"] = {"data": [self._user(i) for i in j["rep_ids"]]}
        if "estimators" in includes:
            out["estimators"] = {"data": [self._user(i) for i in j["estimator_ids"]]}
        if "customer" in includes:
            owner = next(c for c in self.db["customers"] if c["id"] == j["customer_id"])
            out["customer"] = self._customer(owner, set())
        if "trades" in includes:
            out["trades"] = {
                "data": [deepcopy(t) for t in self.db["trades"] if t["id"] in j["trade_ids"]]
            }
        if "job_notes" in includes:
            out["job_notes"] = {
                "data": [self._note(n) for n in self.db["notes"] if n["job_id"] == j["id"]]
            }
        return out

    def _note(self, n: JSON) -> JSON:
        return {k: n[k] for k in ("id", "note", "stage_code", "created_at", "updated_at")}

    # --- filters -----------------------------------------------------------------------------
    def _filter_customers(self, q: dict[str, list[str]]) -> list[JSON]:
        wanted = {
            key: values[0].strip().casefold()
            for key, values in q.items()
            if key in CUSTOMER_FILTERS and values and values[0].strip()
        }
        return [
            c
            for c in self.db["customers"]
            if all(self._customer_matches(c, key, value) for key, value in wanted.items())
        ]

    def _customer_matches(self, c: JSON, key: str, value: str) -> bool:
        full = f"{c['first_name']} {c['last_name'] or ''}".strip().casefold()
        names = f"{full} {(c['company_name'] or '').casefold()}"
        emails = [e.casefold() for e in [c["email"] or "", *c["additional_emails"]] if e]
        address = c["address"] or {}
        if key == "keyword":
            return value in names or any(value in e for e in emails)
        if key == "query":
            return value == full or value in emails
        if key == "name":
            return value in names
        if key in ("first_name", "last_name"):
            return value in (c[key] or "").casefold()
        if key == "email":
            return value in emails
        if key == "phone":
            wanted = "".join(ch for ch in value if ch.isdigit())
            return any(
                "".join(ch for ch in p["number"] if ch.isdigit()).endswith(wanted)
                for p in c["phones"]
            )
        if key == "city":
            return str(address.get("city") or "").casefold() == value
        if key == "state_id":
            return str(address.get("state_id")) == value
        if key == "zip_code":
            return str(address.get("zip")) == value
        return any(  # job_number
            j["number"].casefold() == value for j in self.db["jobs"] if j["customer_id"] == c["id"]
        )

    def _filter_jobs(self, q: dict[str, list[str]]) -> list[JSON]:
        out = []
        for j in self.db["jobs"]:
            if "customer_id" in q and str(j["customer_id"]) != q["customer_id"][0]:
                continue
            if "job_ids[]" in q and str(j["id"]) not in q["job_ids[]"]:
                continue
            if "stages[]" in q and j["current_stage"]["code"] not in q["stages[]"]:
                continue
            if "trades[]" in q and not {str(t) for t in j["trade_ids"]} & set(q["trades[]"]):
                continue
            if "rep_ids[]" in q and not {str(r) for r in j["rep_ids"]} & set(q["rep_ids[]"]):
                continue
            if "job_number" in q and j["number"] != q["job_number"][0]:
                continue
            if "name" in q and q["name"][0].casefold() not in (j["name"] or "").casefold():
                continue
            out.append(j)
        return sorted(out, key=lambda j: j["created_at"], reverse=True)

    # --- writes ------------------------------------------------------------------------------
    def _validate_customer(self, body: Any) -> None:
        if not isinstance(body, dict):
            raise _invalid({"first_name": ["The first name field is required."]})
        errors: dict[str, list[str]] = {}
        if not str(body.get("first_name") or "").strip():
            errors["first_name"] = ["The first name field is required."]
        if int(body.get("is_commercial") or 0) == 1:
            if not str(body.get("company_name") or "").strip():
                errors["company_name"] = ["The company name field is required."]
        elif not str(body.get("last_name") or "").strip():
            errors["last_name"] = ["The last name field is required."]
        phones = body.get("phones")
        if not isinstance(phones, list):
            errors["phones"] = ["The phones field is required."]
        else:
            for i, phone in enumerate(phones):
                if not isinstance(phone, dict) or phone.get("label") not in PHONE_LABELS:
                    errors[f"phones.{i}.label"] = [f"The selected phones.{i}.label is invalid."]
                digits = "".join(
                    ch for ch in str((phone or {}).get("number") or "") if ch.isdigit()
                )
                if not 8 <= len(digits) <= 12:
                    errors[f"phones.{i}.number"] = [
                        f"The phones.{i}.number must be between 8 and 12 digits."
                    ]
        email = body.get("email")
        if email is not None and not (isinstance(email, str) and _EMAIL.match(email)):
            errors["email"] = ["The email must be a valid email address."]
        kind = body.get("referred_by_type")
        if kind is not None:
            if kind not in REFERRAL_TYPES:
                errors["referred_by_type"] = ["The selected referred by type is invalid."]
            elif kind in {"referral", "customer"} and body.get("referred_by_id") is None:
                errors["referred_by_id"] = ["The referred by id field is required."]
            elif kind == "other" and not str(body.get("referred_by_note") or "").strip():
                errors["referred_by_note"] = ["The referred by note field is required."]
        if errors:
            raise _invalid(errors)

    def _save_customer(self, body: Any, existing: JSON | None) -> JSON:
        self._validate_customer(body)
        email = body.get("email")
        if email and any(
            c["email"] == email and (existing is None or c["id"] != existing["id"])
            for c in self.db["customers"]
        ):
            raise _error(412, "A customer with this email already exists.")
        customer = (
            existing if existing is not None else {"id": self.new_id(), "created_at": _stamp(0)}
        )
        customer.update(
            {
                "first_name": body["first_name"],
                "last_name": body.get("last_name"),
                "company_name": body.get("company_name"),
                "email": email,
                "additional_emails": list(body.get("additional_emails") or []),
                "referred_by_type": body.get("referred_by_type"),
                "note": body.get("note"),
                "is_commercial": int(body.get("is_commercial") or 0),
                "updated_at": _stamp(0),
                "phones": [
                    {"label": p["label"], "number": p["number"], "ext": p.get("ext") or None}
                    for p in body["phones"]
                ],
                "address": deepcopy(body.get("address")),
                "billing": deepcopy(body.get("billing")),
                "rep_id": body.get("rep_id"),
            }
        )
        if existing is None:
            self.db["customers"].append(customer)
        return customer

    def _create_job(self, body: Any, customer_id: int | None = None) -> JSON:
        if not isinstance(body, dict):
            body = {}
        errors: dict[str, list[str]] = {}
        owner = customer_id if customer_id is not None else body.get("customer_id")
        if owner is None:
            errors["customer_id"] = ["The customer id field is required."]
        elif not any(c["id"] == owner for c in self.db["customers"]):
            errors["customer_id"] = ["The selected customer id is invalid."]
        trades = body.get("trades")
        known = {t["id"] for t in self.db["trades"]}
        if not isinstance(trades, list) or not trades:
            errors["trades"] = ["The trades field is required."]
        elif any(t not in known for t in trades):
            errors["trades"] = ["The selected trades is invalid."]
        if not str(body.get("description") or "").strip():
            errors["description"] = ["The description field is required."]
        if errors:
            raise _invalid(errors)
        job = {
            "id": self.new_id(),
            "number": f"JB-25-{self._next_id:04d}",
            "customer_id": owner,
            "name": body.get("name") or None,
            "description": body["description"],
            "current_stage": {k: self.db["stages"][0][k] for k in ("name", "color", "code")},
            "created_at": _stamp(0, dt.datetime.now().hour),
            "updated_at": _stamp(0),
            "archived": None,
            "awarded_date": None,
            "completion_date": None,
            "contract_signed_date": None,
            "address": None,
            "rep_ids": list(body.get("rep_ids") or []),
            "estimator_ids": list(body.get("estimator_ids") or []),
            "trade_ids": list(trades),
        }
        self.db["jobs"].append(job)
        return job

    def _prospect(self, body: Any) -> JSON:
        job_body = body.get("job") if isinstance(body, dict) else None
        customer_body = {k: v for k, v in (body or {}).items() if k != "job"}
        if job_body is not None:
            self._validate_customer(customer_body)
            if not isinstance(job_body, dict):
                raise _invalid({"job": ["The job must be an object."]})
        customer = self._save_customer(customer_body, None)
        job_ids = [self._create_job(job_body, customer["id"])["id"]] if job_body else []
        return {
            "message": "Prospect saved successfully.",
            "customer": self._customer(customer, set()),
            "job_ids": job_ids,
            "first_stage_code": self.db["stages"][0]["code"],
        }

    def _save_appointment(self, body: Any, existing: JSON | None) -> JSON:
        if not isinstance(body, dict):
            body = {}
        errors: dict[str, list[str]] = {}
        title = body.get("title", existing["title"] if existing else None)
        if not str(title or "").strip():
            errors["title"] = ["The title field is required."]
        for key in ("start_date_time", "end_date_time"):
            value = body.get(key)
            if value is not None:
                try:
                    dt.datetime.strptime(str(value), "%Y-%m-%d %H:%M:%S")
                except ValueError:
                    errors[key] = [
                        f"The {key.replace('_', ' ')} does not match the format Y-m-d H:i:s."
                    ]
        full_day = int(body.get("full_day") or 0)
        if existing is None and not full_day and body.get("start_date_time") is None:
            errors["start_date_time"] = ["The start date time field is required."]
        if full_day and existing is None and not body.get("date"):
            errors["date"] = ["The date field is required when full day is 1."]
        if errors:
            raise _invalid(errors)
        record = existing if existing is not None else {"id": self.new_id(), "is_completed": 0}
        record.update(
            {
                "title": title,
                "description": body.get("description", record.get("description")),
                "start_date_time": body.get("start_date_time", record.get("start_date_time")),
                "end_date_time": body.get("end_date_time", record.get("end_date_time")),
                "full_day": full_day
                if "full_day" in body or existing is None
                else record["full_day"],
                "location": body.get("location", record.get("location")),
                "customer_id": body.get("customer_id", record.get("customer_id")),
                "user_id": body.get("user_id", record.get("user_id")),
                "attendees_ids": list(body.get("attendees", record.get("attendees_ids") or [])),
            }
        )
        if "is_completed" in body:
            record["is_completed"] = int(bool(body["is_completed"]))
        if existing is None:
            self.db["appointments"].append(record)
        return deepcopy(record)
