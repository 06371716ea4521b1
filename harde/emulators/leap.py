"""A Leap v3 HTTP server on loopback, backed by a `LocalCRM`, for tests, benchmarks and demos.

It speaks Leap's paths and shapes (`data` + `meta.pagination`, `includes[]`, `{"data": [...]}`
collections), its errors (401, 404 in both shapes, 412 validation and "No records found!",
500) and its 60-a-minute rate limit with X-RateLimit headers. Latency and faults (429 with
Retry-After, 500 "Too Many Attempts", 5xx, dropped connections, slow answers) can be injected.
Webhook subscriptions (`subscribe`, or POST /webhooks) get Leap's deliveries: a JSON list of
`{action, operation, id, details, stage_moved_from, stage_moved_to}` on Customer Create, Job
Create and Job Stage Change, late by `webhook_delay_s`, 10 s to answer, and a failed delivery
retried after each of `webhook_retry_delays_s` (Leap: 3 h, then 24 h).

    with LeapEmulator(LocalCRM(path, seed), token="t", latency_ms=150) as leap:
        crm = LeapCRM(leap.base_url, "t")
        leap.inject_rate_limit(retry_after=2)      # the next request answers 429
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlencode, urlsplit

from pydantic import BaseModel, ValidationError

from harde.crm.errors import CRMNotFound, CRMValidationError
from harde.crm.models import (
    AppointmentCreate,
    AppointmentUpdate,
    Customer,
    CustomerCreate,
    CustomerUpdate,
    JobCreate,
    ProspectCreate,
    State,
)
from harde.crm.search import phone_digits
from harde.integrations.crm.leap_shapes import (
    appointment_to_leap,
    customer_to_leap,
    invoice_to_leap,
    job_to_leap,
    note_to_leap,
    payment_to_leap,
    proposal_to_leap,
    stage_to_leap,
    state_to_leap,
    trade_to_leap,
    user_to_leap,
)
from harde.integrations.crm.local import LocalCRM, run_sync

API_PREFIX = "/api/v3"
DEFAULT_TOKEN = "leap-emulator-token"
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 100

# Seed data the emulator answers as Leap does; the client reads these from the API.
COUNTRIES = [
    {"id": 1, "name": "United States", "code": "US"},
    {"id": 2, "name": "Bahamas", "code": "BS"},
    {"id": 3, "name": "Australia", "code": "AU"},
    {"id": 4, "name": "Canada", "code": "CA"},
    {"id": 5, "name": "United Kingdom", "code": "GB"},
]
DIVISIONS = [{"id": 1, "name": "Residential"}]
WEBHOOK_EVENTS = ("Customer Create", "Job Create", "Job Stage Change")
WEBHOOK_TIMEOUT_S = 10.0
WEBHOOK_RETRY_DELAYS_S = (3 * 3600.0, 24 * 3600.0)

JSON = dict[str, Any]
Query = dict[str, list[str]]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class RecordedRequest:
    """A request as the emulator saw it; the Authorization header is never kept."""

    method: str
    path: str
    query: Query
    json: Any


@dataclass
class Fault:
    """An injected outcome for the next matching request(s)."""

    status: int  # 0 drops the connection without an answer
    body: JSON | None = None
    retry_after: float | None = None
    delay_s: float = 0.0
    times: int = 1
    method: str | None = None
    path: str | None = None  # a regex searched in the path after /api/v3
    after_handling: bool = False  # handle the request (its write lands), then answer this

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method:
            return False
        return self.path is None or re.search(self.path, path) is not None


@dataclass(frozen=True)
class WebhookSubscription:
    id: int
    url: str
    events: tuple[str, ...]


@dataclass(frozen=True)
class WebhookDelivery:
    """One POST to a subscriber: which attempt, what it answered (0: no answer in time)."""

    subscription_id: int
    attempt: int
    status: int
    events: tuple[JSON, ...]


@dataclass
class _Answer:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


class _Reject(Exception):
    def __init__(self, answer: _Answer) -> None:
        super().__init__(answer.status)
        self.answer = answer


def _error(status: int, message: str, **extra: Any) -> _Answer:
    return _Answer(status, {"error": {"status_code": status, "message": message, **extra}})


Handler = Callable[[re.Match[str], Query, Any], _Answer]


class LeapEmulator:
    """A Leap v3 server on 127.0.0.1 in background threads; a context manager."""

    def __init__(
        self,
        crm: LocalCRM,
        *,
        token: str = DEFAULT_TOKEN,
        host: str = "127.0.0.1",
        port: int = 0,
        latency_ms: float = 0.0,
        requests_per_minute: int = 60,
        over_limit_status: int = 429,
        clock: Callable[[], float] = time.monotonic,
        webhook_delay_s: float = 0.0,
        webhook_timeout_s: float = WEBHOOK_TIMEOUT_S,
        webhook_retry_delays_s: tuple[float, ...] = WEBHOOK_RETRY_DELAYS_S,
    ) -> None:
        self.crm = crm
        self.token = token
        self.host = host
        self.port = port
        self.latency_s = latency_ms / 1000.0
        self.requests_per_minute = requests_per_minute
        self.over_limit_status = over_limit_status
        self.requests: list[RecordedRequest] = []
        self._clock = clock
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._window_start: float | None = None
        self._window_count = 0
        # Requests refused for going over the limit, since the start.
        self.refused_over_limit = 0
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._routes = self._build_routes()
        self.webhook_delay_s = webhook_delay_s
        self.webhook_timeout_s = webhook_timeout_s
        self.webhook_retry_delays_s = webhook_retry_delays_s
        self.subscriptions: dict[int, WebhookSubscription] = {}
        self.webhook_deliveries: list[WebhookDelivery] = []
        # Each delivery is sent this many extra times (Leap's at-least-once, in tests).
        self.webhook_duplicates = 0
        self._senders: list[threading.Thread] = []

    # --- lifecycle ----------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}{API_PREFIX}"

    def start(self) -> LeapEmulator:
        emulator = self

        class _Handler(_LeapRequestHandler):
            pass

        _Handler.emulator = emulator
        server = ThreadingHTTPServer((self.host, self.port), _Handler)
        server.daemon_threads = True
        server.block_on_close = False
        self._server = server
        self.port = server.server_address[1]
        self._stopping.clear()
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name="leap-emulator", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes requests sleeping on latency or an injected delay
        for sender in list(self._senders):
            sender.join(timeout=self.webhook_timeout_s + 1)
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def serve_forever(self) -> None:
        """Block the calling thread until interrupted (the CLI); starts the server if needed."""
        if self._server is None:
            self.start()
        try:
            while not self._stopping.wait(0.5):
                pass
        finally:
            self.stop()

    def __enter__(self) -> LeapEmulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- webhooks -----------------------------------------------------------------------------
    def subscribe(self, url: str, events: tuple[str, ...] = WEBHOOK_EVENTS) -> WebhookSubscription:
        unknown = [e for e in events if e not in WEBHOOK_EVENTS]
        if unknown or not url.startswith(("http://", "https://")):
            raise ValueError(f"cannot subscribe {url!r} to {events!r}")
        with self._lock:
            sub = WebhookSubscription(len(self.subscriptions) + 1, url, tuple(events))
            self.subscriptions[sub.id] = sub
        return sub

    def unsubscribe(self, subscription_id: int) -> bool:
        with self._lock:
            return self.subscriptions.pop(subscription_id, None) is not None

    def wait_for_webhooks(self, timeout_s: float = 30.0) -> bool:
        """Block until every delivery started so far has finished (answered or given up)."""
        deadline = time.monotonic() + timeout_s
        for sender in list(self._senders):
            sender.join(timeout=max(0.0, deadline - time.monotonic()))
        return not any(s.is_alive() for s in self._senders)

    def emit(self, action: str, operation: str, record_id: int, details: JSON,
             moved_from: JSON | None = None, moved_to: JSON | None = None) -> None:  # fmt: skip
        """Send one event to every subscriber of `action`, in the background, as Leap would."""
        event = {
            "action": action, "operation": operation, "id": record_id, "details": details,
            "stage_moved_from": moved_from, "stage_moved_to": moved_to,
        }  # fmt: skip
        with self._lock:
            targets = [s for s in self.subscriptions.values() if action in s.events]
        for sub in targets:
            for _ in range(1 + self.webhook_duplicates):
                sender = threading.Thread(
                    target=self._deliver, args=(sub, (event,)), name="leap-webhook", daemon=True
                )
                self._senders = [t for t in self._senders if t.is_alive()] + [sender]
                sender.start()

    def _deliver(self, sub: WebhookSubscription, events: tuple[JSON, ...]) -> None:
        import httpx

        if self.webhook_delay_s and self._stopping.wait(self.webhook_delay_s):
            return
        delays = (0.0, *self.webhook_retry_delays_s)
        for attempt, delay in enumerate(delays, start=1):
            if delay and self._stopping.wait(delay):
                return
            try:
                status = httpx.post(
                    sub.url, json=list(events), timeout=self.webhook_timeout_s
                ).status_code
            except httpx.HTTPError:
                status = 0  # no answer within the timeout counts as a failure
            with self._lock:
                self.webhook_deliveries.append(WebhookDelivery(sub.id, attempt, status, events))
            if 200 <= status < 300:
                return

    def _job_event(self, action: str, operation: str, job: Any, before: Any = None) -> None:
        details = job_to_leap(job, {"customer"})
        # When it happened: with the job's id and new stage, what tells a retry from a new move.
        details["stage_changed_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
        moved_to = {"name": job.current_stage.name, "code": job.current_stage.code}
        moved_from = (
            {"name": before.current_stage.name, "code": before.current_stage.code}
            if before is not None
            else None
        )
        self.emit(action, operation, job.id, details, moved_from,
                  moved_to if action == "Job Stage Change" else None)  # fmt: skip

    # --- fault injection ----------------------------------------------------------------------
    def inject(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def inject_rate_limit(
        self,
        retry_after: float | None = 1,
        *,
        times: int = 1,
        path: str | None = None,
        method: str | None = None,
    ) -> None:
        """The next request(s) answer 429 "Too Many Attempts." with Retry-After."""
        body = _error(429, "Too Many Attempts.").body
        self.inject(
            Fault(429, body, retry_after=retry_after, times=times, path=path, method=method)
        )

    def inject_too_many_attempts(
        self,
        retry_after: float | None = None,
        *,
        times: int = 1,
        path: str | None = None,
        method: str | None = None,
    ) -> None:
        """The next request(s) answer Leap's other rate-limit shape: a 500 "Too Many Attempts"."""
        body = _error(500, "An internal error occured.", error_details="Too Many Attempts.").body
        self.inject(
            Fault(500, body, retry_after=retry_after, times=times, path=path, method=method)
        )

    def inject_server_error(
        self,
        status: int = 500,
        *,
        times: int = 1,
        path: str | None = None,
        method: str | None = None,
        after_handling: bool = False,
    ) -> None:
        """The next request(s) answer a 5xx; with `after_handling` the write lands first."""
        body = _error(status, "An internal error occured.", error_details="Injected fault").body
        self.inject(
            Fault(
                status, body, times=times, path=path, method=method, after_handling=after_handling
            )
        )

    def inject_disconnect(
        self,
        *,
        times: int = 1,
        path: str | None = None,
        method: str | None = None,
        after_handling: bool = False,
    ) -> None:
        """The next request(s) get no answer: the connection is closed."""
        self.inject(Fault(0, times=times, path=path, method=method, after_handling=after_handling))

    def inject_delay(self, seconds: float, *, times: int = 1, path: str | None = None) -> None:
        """The next request(s) are answered normally, `seconds` late."""
        self.inject(Fault(200, delay_s=seconds, times=times, path=path))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def reset_rate_limit(self) -> None:
        with self._lock:
            self._window_start = None
            self._window_count = 0

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    # --- one request --------------------------------------------------------------------------
    def handle(
        self, method: str, raw_path: str, headers: dict[str, str], body: bytes
    ) -> _Answer | None:
        """The answer to one request, or None to drop the connection."""
        if self.latency_s > 0:
            self._stopping.wait(self.latency_s)
        parts = urlsplit(raw_path)
        query = parse_qs(parts.query, keep_blank_values=True)
        path = parts.path
        payload: Any = None
        if body:
            try:
                payload = json.loads(body)
            except ValueError:
                return _error(400, "The request body is not valid JSON.")
        with self._lock:
            self.requests.append(RecordedRequest(method, path, query, payload))
        if not path.startswith(API_PREFIX + "/") and path != API_PREFIX:
            return _Answer(404, {"message": "Not found"})
        path = path[len(API_PREFIX) :] or "/"

        fault = self._take_fault(method, path)
        if fault is not None and fault.delay_s > 0:
            self._stopping.wait(fault.delay_s)
        if fault is not None and fault.status != 200 and not fault.after_handling:
            return self._fault_answer(fault)

        auth = headers.get("authorization", "")
        if auth != f"Bearer {self.token}":
            return _error(401, "Unauthenticated.")
        limit_headers, over = self._count_request()
        if over is not None:
            over.headers.update(limit_headers)
            return over
        answer = self._route(method, path, query, payload)
        answer.headers.update(limit_headers)
        if fault is not None and fault.after_handling:
            return self._fault_answer(fault)
        return answer

    def _fault_answer(self, fault: Fault) -> _Answer | None:
        if fault.status == 0:
            return None
        answer = _Answer(fault.status, fault.body or _error(fault.status, "Injected fault").body)
        if fault.retry_after is not None:
            answer.headers["Retry-After"] = _seconds(fault.retry_after)
        return answer

    def _count_request(self) -> tuple[dict[str, str], _Answer | None]:
        """Leap's fixed one-minute window per token."""
        if self.requests_per_minute <= 0:
            return {}, None
        with self._lock:
            now = self._clock()
            if self._window_start is None or now - self._window_start >= 60.0:
                self._window_start, self._window_count = now, 0
            self._window_count += 1
            remaining = max(self.requests_per_minute - self._window_count, 0)
            headers = {
                "X-RateLimit-Limit": str(self.requests_per_minute),
                "X-RateLimit-Remaining": str(remaining),
            }
            if self._window_count <= self.requests_per_minute:
                return headers, None
            self.refused_over_limit += 1
            wait = max(self._window_start + 60.0 - now, 0.0)
        headers["Retry-After"] = str(max(1, math.ceil(wait)))
        if self.over_limit_status == 429:
            return headers, _error(429, "Too Many Attempts.")
        return headers, _error(
            self.over_limit_status, "An internal error occured.", error_details="Too Many Attempts."
        )

    def _route(self, method: str, path: str, query: Query, payload: Any) -> _Answer:
        path = path.rstrip("/") or "/"
        for route_method, pattern, handler in self._routes:
            if route_method != method:
                continue
            match = pattern.fullmatch(path)
            if match is None:
                continue
            try:
                return handler(match, query, payload)
            except _Reject as rejected:
                return rejected.answer
            except CRMNotFound as exc:
                status = 412 if exc.status_code == 412 else 404
                return _error(status, exc.message)
            except CRMValidationError as exc:
                if exc.validation:
                    return _error(412, exc.message, validation=exc.validation)
                return _error(412, exc.message)
        return _Answer(404, {"message": "Not found"})

    # --- routes -------------------------------------------------------------------------------
    def _build_routes(self) -> list[tuple[str, re.Pattern[str], Handler]]:
        table: list[tuple[str, str, Handler]] = [
            ("GET", r"/customers", self._customers),
            ("POST", r"/customers", self._create_customer),
            ("GET", r"/customers/(\d+)", self._customer),
            ("PUT", r"/customers/(\d+)", self._update_customer),
            ("POST", r"/prospects", self._create_prospect),
            ("GET", r"/jobs", self._jobs),
            ("POST", r"/jobs", self._create_job),
            ("POST", r"/jobs/stage", self._change_stage),
            ("PUT", r"/jobs/notes/(\d+)", self._update_note),
            ("GET", r"/jobs/(\d+)", self._job),
            ("GET", r"/jobs/(\d+)/notes", self._notes),
            ("POST", r"/jobs/(\d+)/notes", self._add_note),
            ("GET", r"/jobs/(\d+)/financial_summary", self._financial_summary),
            ("GET", r"/jobs/(\d+)/invoices", self._invoices),
            ("GET", r"/jobs/(\d+)/payment_history", self._payments),
            ("GET", r"/workflow/stages", self._stages),
            ("GET", r"/company/trades", self._trades),
            ("GET", r"/company/users", self._users),
            ("GET", r"/referrals", self._referrals),
            (
                "GET",
                r"/divisions",
                lambda m, q, b: _Answer(200, {"data": DIVISIONS, "status": 200}),
            ),
            (
                "GET",
                r"/countries",
                lambda m, q, b: _Answer(200, {"data": COUNTRIES, "status": 200}),
            ),
            ("GET", r"/countries/(\d+)/states", self._states),
            ("GET", r"/appointments", self._appointments),
            ("POST", r"/appointments", self._create_appointment),
            ("PUT", r"/appointments/(\d+)", self._update_appointment),
            ("GET", r"/proposals", self._proposals),
            # Emulator only: Leap's subscriptions are made in its settings screens.
            ("GET", r"/webhooks", self._webhooks),
            ("POST", r"/webhooks", self._subscribe),
            ("DELETE", r"/webhooks/(\d+)", self._unsubscribe),
        ]
        return [(method, re.compile(pattern), handler) for method, pattern, handler in table]

    def _state_map(self) -> dict[int, State]:
        states = run_sync(self.crm.list_states(1)) + run_sync(self.crm.list_states(4))
        return {s.id: s for s in states}

    def _customer_json(self, customer: Customer, query: Query) -> JSON:
        return customer_to_leap(customer, _includes(query), self._state_map())

    # customers
    def _customers(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        customers = self.crm.all_customers()
        customers = [c for c in customers if self._customer_matches(c, q)]
        states = self._state_map()
        includes = _includes(q)
        return _page([customer_to_leap(c, includes, states) for c in customers], q)

    def _customer_matches(self, c: Customer, q: Query) -> bool:
        """Leap's list filters: literal, case-insensitive substring matches."""
        full = f"{c.first_name} {c.last_name}".casefold()
        names = [c.first_name.casefold(), (c.last_name or "").casefold(), full]
        names.append((c.company_name or "").casefold())
        emails = [(c.email or "").casefold(), *(e.casefold() for e in c.additional_emails)]
        digits = [p.digits for p in c.phones]
        keyword = _one(q, "keyword").casefold().strip()
        if keyword:
            kw_digits = phone_digits(keyword)
            hit = any(keyword in n for n in names) or any(keyword in e for e in emails if e)
            if not hit and len(kw_digits) >= 4 and kw_digits == keyword.replace("-", ""):
                hit = any(kw_digits in d for d in digits)
            if not hit:
                return False
        text = _one(q, "query").casefold().strip()
        if text and text not in full and text not in emails:
            return False
        name = _one(q, "name").casefold().strip()
        if name and not any(name in n for n in names):
            return False
        for key, value in (("first_name", names[0]), ("last_name", names[1])):
            wanted = _one(q, key).casefold().strip()
            if wanted and wanted not in value:
                return False
        email = _one(q, "email").casefold().strip()
        if email and email not in emails:
            return False
        phone = phone_digits(_one(q, "phone"))
        if phone and not any(phone in d or (d and d in phone) for d in digits):
            return False
        address = c.address
        city = _one(q, "city").casefold().strip()
        if city and (address is None or city not in address.city.casefold()):
            return False
        state_id = _one(q, "state_id")
        if state_id and (address is None or str(address.state_id) != state_id):
            return False
        zip_code = _one(q, "zip_code")
        if zip_code and (address is None or not address.zip.startswith(zip_code)):
            return False
        rep_ids = _ints(q, "rep_ids")
        if rep_ids and (c.rep is None or c.rep.id not in rep_ids):
            return False
        job_number = _one(q, "job_number").strip()
        if job_number:
            jobs = run_sync(self.crm.list_jobs(job_number=job_number, limit=0))
            if c.id not in {j.customer_id for j in jobs}:
                return False
        return True

    def _customer(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        customer = run_sync(self.crm.get_customer(int(m.group(1))))
        return _Answer(200, {"data": self._customer_json(customer, q), "status": 200})

    def _create_customer(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        data = _parse(CustomerCreate, body)
        customer = run_sync(self.crm.create_customer(data))
        everything = {"includes[]": ["phones", "address", "rep"]}
        shown = self._customer_json(customer, everything)
        self.emit("Customer Create", "create", customer.id, shown)
        return _Answer(200, {"message": "Customer saved successfully.", "customer": shown})

    def _update_customer(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        # Leap's PUT carries the whole body; the fields a CustomerUpdate knows are applied.
        known = {k: v for k, v in (body or {}).items() if k in CustomerUpdate.model_fields}
        data = _parse(CustomerUpdate, known)
        customer = run_sync(self.crm.update_customer(int(m.group(1)), data))
        everything = {"includes[]": ["phones", "address", "rep"]}
        return _Answer(
            200,
            {
                "message": "Customer updated successfully.",
                "customer": self._customer_json(customer, everything),
            },
        )

    def _create_prospect(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        data = _parse(ProspectCreate, body)
        result = run_sync(self.crm.create_prospect(data))
        everything = {"includes[]": ["phones", "address", "rep"]}
        return _Answer(
            200,
            {
                "message": "Prospect saved successfully.",
                "customer": self._customer_json(result.customer, everything),
                "job_ids": result.job_ids,
                "first_stage_code": result.first_stage_code,
            },
        )

    # jobs
    def _jobs(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        customer_id = _one(q, "customer_id")
        jobs = run_sync(
            self.crm.list_jobs(
                customer_id=int(customer_id) if customer_id else None,
                stage_codes=_many(q, "stages") or None,
                trade_ids=_ints(q, "trades") or None,
                job_number=_one(q, "job_number") or None,
                limit=0,
            )
        )
        job_ids = set(_ints(q, "job_ids"))
        rep_ids = set(_ints(q, "rep_ids"))
        name = _one(q, "name").casefold()
        jobs = [
            j
            for j in jobs
            if (not job_ids or j.id in job_ids)
            and (not rep_ids or rep_ids & {u.id for u in j.reps})
            and (not name or name in j.name.casefold())
        ]
        includes, states = _includes(q), self._state_map()
        return _page([job_to_leap(j, includes, states) for j in jobs], q)

    def _job(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        job = run_sync(self.crm.get_job(int(m.group(1))))
        return _Answer(
            200, {"data": job_to_leap(job, _includes(q), self._state_map()), "status": 200}
        )

    def _create_job(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        known = {k: v for k, v in (body or {}).items() if k in JobCreate.model_fields}
        job = run_sync(self.crm.create_job(_parse(JobCreate, known)))
        self._job_event("Job Create", "create", job)
        return _Answer(200, {"message": "Job saved successfully.", "job": job_to_leap(job)})

    def _change_stage(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        """The unconfirmed stage change, answered as the old API's `POST jobs/stage`."""
        body = body or {}
        errors: dict[str, list[str]] = {}
        if not body.get("job_id"):
            errors["job_id"] = ["The job id field is required."]
        if not body.get("stage"):
            errors["stage"] = ["The stage field is required."]
        if errors:
            raise _Reject(_error(412, "Validation Failed", validation=errors))
        before = run_sync(self.crm.get_job(int(body["job_id"])))
        job = run_sync(self.crm.change_stage(int(body["job_id"]), str(body["stage"])))
        if job.current_stage.code != before.current_stage.code:
            self._job_event("Job Stage Change", "update", job, before)
        return _Answer(
            200, {"message": "Job stage updated successfully.", "data": job_to_leap(job)}
        )

    # webhooks (emulator only)
    def _webhooks(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        with self._lock:
            subs = [{"id": s.id, "url": s.url, "events": list(s.events)} for s in self.subscriptions.values()]
        return _Answer(200, {"data": subs, "status": 200})

    def _subscribe(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        body = body or {}
        events = tuple(body.get("events") or WEBHOOK_EVENTS)
        try:
            sub = self.subscribe(str(body.get("url") or ""), events)
        except ValueError:
            raise _Reject(_error(412, "Validation Failed", validation={"url": ["A valid url and known events are required."]})) from None
        return _Answer(200, {"message": "Webhook saved successfully.", "data": {"id": sub.id, "url": sub.url, "events": list(sub.events)}})

    def _unsubscribe(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        if not self.unsubscribe(int(m.group(1))):
            return _error(404, "Webhook Not Found")
        return _Answer(200, {"message": "Webhook deleted successfully."})

    # notes
    def _notes(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        notes = run_sync(self.crm.list_notes(int(m.group(1))))
        return _page([note_to_leap(n) for n in notes], q)

    def _add_note(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        body = body or {}
        if not str(body.get("note") or "").strip():
            raise _Reject(
                _error(
                    412, "Validation Failed", validation={"note": ["The note field is required."]}
                )
            )
        note = run_sync(
            self.crm.add_note(int(m.group(1)), str(body["note"]), body.get("stage_code") or None)
        )
        return _Answer(200, {"message": "Note saved successfully.", "data": note_to_leap(note)})

    def _update_note(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        note = run_sync(self.crm.update_note(int(m.group(1)), str((body or {}).get("note") or "")))
        return _Answer(200, {"message": "Note updated successfully.", "data": note_to_leap(note)})

    # money
    def _financial_summary(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        summary = run_sync(self.crm.financial_summary(int(m.group(1))))
        data = summary.model_dump(mode="json", exclude={"invoices", "payments"})
        return _Answer(200, {"data": data, "status": 200})

    def _invoices(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        invoices = run_sync(self.crm.list_invoices(int(m.group(1))))
        return _page([invoice_to_leap(i) for i in invoices], q)

    def _payments(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        payments = run_sync(self.crm.list_payments(int(m.group(1))))
        return _page([payment_to_leap(p) for p in payments], q)

    def _proposals(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        job_id = _one(q, "job_id")
        proposals = run_sync(self.crm.list_proposals(int(job_id) if job_id else None))
        return _page([proposal_to_leap(p) for p in proposals], q)

    # company lists
    def _stages(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        stages = run_sync(self.crm.list_stages())
        return _Answer(200, {"data": [stage_to_leap(s) for s in stages], "status": 200})

    def _trades(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        trades = run_sync(self.crm.list_trades())
        return _Answer(200, {"data": [trade_to_leap(t) for t in trades], "status": 200})

    def _users(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        users = run_sync(self.crm.list_users())
        return _page([user_to_leap(u) for u in users], q)

    def _referrals(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        referrals = run_sync(self.crm.list_referrals())
        return _Answer(200, {"data": [r.model_dump() for r in referrals], "status": 200})

    def _states(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        states = run_sync(self.crm.list_states(int(m.group(1))))
        return _Answer(200, {"data": [state_to_leap(s) for s in states], "status": 200})

    # appointments
    def _appointments(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        import datetime as dt

        def when(key: str) -> dt.datetime | None:
            value = _one(q, key)
            return dt.datetime.fromisoformat(value) if value else None

        customer_id, job_id = _one(q, "customer_id"), _one(q, "job_id")
        appointments = run_sync(
            self.crm.list_appointments(
                start=when("start_date"),
                end=when("end_date"),
                customer_id=int(customer_id) if customer_id else None,
                job_id=int(job_id) if job_id else None,
            )
        )
        return _page([appointment_to_leap(a) for a in appointments], q)

    def _create_appointment(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        if not str((body or {}).get("title") or "").strip():
            raise _Reject(
                _error(
                    412, "Validation Failed", validation={"title": ["The title field is required."]}
                )
            )
        known = {k: v for k, v in (body or {}).items() if k in AppointmentCreate.model_fields}
        appointment = run_sync(self.crm.create_appointment(_parse(AppointmentCreate, known)))
        return _Answer(
            200,
            {
                "message": "Appointment saved successfully.",
                "data": appointment_to_leap(appointment),
            },
        )

    def _update_appointment(self, m: re.Match[str], q: Query, body: Any) -> _Answer:
        known = {k: v for k, v in (body or {}).items() if k in AppointmentUpdate.model_fields}
        appointment = run_sync(
            self.crm.update_appointment(int(m.group(1)), _parse(AppointmentUpdate, known))
        )
        return _Answer(
            200,
            {
                "message": "Appointment updated successfully.",
                "data": appointment_to_leap(appointment),
            },
        )


class _LeapRequestHandler(BaseHTTPRequestHandler):
    emulator: LeapEmulator
    protocol_version = "HTTP/1.1"  # keep-alive, as a real API gateway answers
    disable_nagle_algorithm = True  # small answers on a kept-alive connection go out at once

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            answer = self.emulator.handle(self.command, self.path, headers, body)
        except Exception as exc:  # an emulator bug answers as Leap's 500 would
            answer = _error(500, "An internal error occured.", error_details=type(exc).__name__)
        if answer is None:
            self.close_connection = True
            return
        data = json.dumps(answer.body).encode()
        self.send_response(answer.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in answer.headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    do_GET = _serve
    do_POST = _serve
    do_PUT = _serve
    do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: request lines carry customer names and phones in their query strings."""


# --- small pieces ---------------------------------------------------------------------------


def _one(q: Query, key: str) -> str:
    values = q.get(key) or q.get(f"{key}[]") or []
    return values[0] if values else ""


def _many(q: Query, key: str) -> list[str]:
    return [v for v in (q.get(f"{key}[]") or q.get(key) or []) if v != ""]


def _ints(q: Query, key: str) -> list[int]:
    return [int(v) for v in _many(q, key) if v.strip().lstrip("-").isdigit()]


def _includes(q: Query) -> set[str]:
    return set(_many(q, "includes"))


def _page(items: list[JSON], q: Query) -> _Answer:
    """One page of a list, with Leap's meta.pagination; `limit=0` answers everything."""
    try:
        page = max(int(_one(q, "page") or 1), 1)
        limit = int(_one(q, "limit") or DEFAULT_PAGE_SIZE)
    except ValueError:
        raise _Reject(
            _error(412, "Validation Failed", validation={"page": ["The page must be an integer."]})
        ) from None
    per_page = (len(items) or 1) if limit <= 0 else min(limit, MAX_PAGE_SIZE)
    total = len(items)
    total_pages = max(math.ceil(total / per_page), 1)
    chunk = items[(page - 1) * per_page : page * per_page]
    links: JSON = {}
    if page < total_pages:
        links["next"] = _page_link(q, page + 1)
    if page > 1:
        links["previous"] = _page_link(q, page - 1)
    return _Answer(
        200,
        {
            "data": chunk,
            "meta": {
                "pagination": {
                    "total": total,
                    "count": len(chunk),
                    "per_page": per_page,
                    "current_page": page,
                    "total_pages": total_pages,
                    "links": links,
                }
            },
            "status": 200,
        },
    )


def _page_link(q: Query, page: int) -> str:
    pairs = [(k, v) for k, values in q.items() if k != "page" for v in values]
    return "?" + urlencode([*pairs, ("page", str(page))])


def _parse(model: type[M], body: Any) -> M:
    """A request body as a model; pydantic's complaints answered as Leap's 412 validation."""
    try:
        return model.model_validate(body if isinstance(body, dict) else {})
    except ValidationError as exc:
        fields: dict[str, list[str]] = {}
        for err in exc.errors():
            key = ".".join(str(part) for part in err["loc"]) or "body"
            label = key.replace("_", " ")
            if err["type"] == "missing":
                text = f"The {label} field is required."
            elif err["type"] == "extra_forbidden":
                continue
            else:
                text = f"The selected {label} is invalid."
            fields.setdefault(key, []).append(text)
        if not fields:
            known = {k: v for k, v in body.items() if k in model.model_fields}
            return model.model_validate(known)
        raise _Reject(_error(412, "Validation Failed", validation=fields)) from None


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
