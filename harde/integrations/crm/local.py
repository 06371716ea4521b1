"""LocalCRM: the embedded CRM on SQLite, loaded with the fictional demo company.

Records are stored as Leap-shaped JSON with a few indexed columns. One connection guarded by
a lock serves every thread (the Leap emulator calls in from its request threads). Methods
never suspend, so `run_sync(crm.get_job(1043))` runs one from a plain thread.

Customers are kept in memory with lookups over them. Every write also appends the changed
record to a `changes` log in the same transaction, so this connection and any other one (the
CLI, the emulator in another process) re-read only what changed, never the whole table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
import threading
from collections.abc import Coroutine, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from rapidfuzz import fuzz, process

from harde.config import Settings
from harde.crm.errors import CRMNotFound, CRMValidationError
from harde.crm.models import (
    Address,
    Appointment,
    AppointmentCreate,
    AppointmentUpdate,
    CurrentStage,
    Customer,
    CustomerCreate,
    CustomerQuery,
    CustomerUpdate,
    FinancialSummary,
    Invoice,
    Job,
    JobCreate,
    Note,
    Payment,
    Proposal,
    ProspectCreate,
    ProspectResult,
    Referral,
    Stage,
    State,
    Trade,
    User,
)
from harde.crm.search import best_matches, clean_name, phone_digits, rank_by_name
from harde.state.sqlite_worker import enter_wal

T = TypeVar("T")

DB_NAME = "crm.sqlite3"
_TABLES = (
    "appointment_jobs",
    "stages",
    "trades",
    "users",
    "referrals",
    "customers",
    "jobs",
    "notes",
    "appointments",
    "invoices",
    "payments",
    "proposals",
)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stages (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS trades (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS referrals (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS customers (id INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, number TEXT NOT NULL,
    stage_code TEXT, created_at TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS jobs_customer ON jobs (customer_id);
CREATE INDEX IF NOT EXISTS jobs_newest ON jobs (created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS jobs_stage ON jobs (stage_code);
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY, job_id INTEGER NOT NULL, created_at TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS notes_job ON notes (job_id);
CREATE TABLE IF NOT EXISTS appointments (
    id INTEGER PRIMARY KEY, customer_id INTEGER, start TEXT, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS appointments_start ON appointments (start);
CREATE TABLE IF NOT EXISTS invoices (id INTEGER PRIMARY KEY, job_id INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS invoices_job ON invoices (job_id);
CREATE TABLE IF NOT EXISTS payments (id INTEGER PRIMARY KEY, job_id INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS payments_job ON payments (job_id);
CREATE TABLE IF NOT EXISTS proposals (id INTEGER PRIMARY KEY, job_id INTEGER, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS appointment_jobs (appointment_id INTEGER NOT NULL, job_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS appointment_jobs_job ON appointment_jobs (job_id);
CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, record_id INTEGER NOT NULL);
"""
# The change log keeps this many entries; a reader further behind than that reloads everything.
CHANGES_KEPT = 10_000
# A change of this kind (a seed load, a reset) invalidates every in-memory lookup.
_EVERYTHING = "*"
_PHONE_LABELS = {"home", "cell", "phone", "office", "fax", "other"}
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TS = "%Y-%m-%d %H:%M:%S"


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run a LocalCRM coroutine to completion from a thread without an event loop."""
    try:
        coro.send(None)
    except StopIteration as done:
        return done.value
    coro.close()
    raise RuntimeError("a LocalCRM method suspended; run it on an event loop instead")


def _now() -> str:
    return dt.datetime.now().strftime(_TS)


def _ts(value: dt.datetime | None) -> str | None:
    return value.strftime(_TS) if value is not None else None


class LocalCRM:
    """The CRM Protocol on one SQLite file."""

    def __init__(self, path: Path, seed_path: Path | None = None) -> None:
        self.path = path
        self.seed_path = seed_path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        with self._lock:
            enter_wal(self._db)
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        self._cache_key: tuple[int, int] | None = None
        self._writes = 0
        # The last change-log entry the in-memory lookups reflect; None before the first load.
        self._seen_seq: int | None = None
        self._customers: dict[int, Customer] = {}
        self._index = _CustomerIndex(())
        self._users: dict[int, User] = {}
        self._trades: dict[int, Trade] = {}
        self._stages: list[Stage] = []
        self._closed = False
        self._index_appointment_jobs()

    @classmethod
    def from_settings(cls, settings: Settings) -> LocalCRM:
        """The local CRM under settings.data_dir, loaded with the demo company when empty."""
        crm = cls(settings.data_dir / DB_NAME, settings.demo_dir / "crm" / "seed.json")
        if crm.is_empty():
            crm.load_seed()
        return crm

    # --- storage plumbing ------------------------------------------------------------------

    def _index_appointment_jobs(self) -> None:
        """Fill the appointment -> job lookup of a file from before it existed (once)."""
        if self._db.execute("SELECT 1 FROM appointment_jobs LIMIT 1").fetchone() is not None:
            return
        if self._db.execute("SELECT 1 FROM appointments LIMIT 1").fetchone() is None:
            return
        with self._write() as db:
            for row in db.execute("SELECT id, data FROM appointments").fetchall():
                self._link_appointment(db, int(row["id"]), json.loads(row["data"]))

    @staticmethod
    def _link_appointment(db: sqlite3.Connection, appointment_id: int, record: dict[str, Any]) -> None:
        db.execute("DELETE FROM appointment_jobs WHERE appointment_id = ?", (appointment_id,))
        db.executemany(
            "INSERT INTO appointment_jobs (appointment_id, job_id) VALUES (?, ?)",
            [(appointment_id, int(j)) for j in dict.fromkeys(record.get("job_ids") or [])],
        )

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            self._writes += 1

    def _rows(self, sql: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(sql, tuple(args)).fetchall()
        return [json.loads(r["data"]) for r in rows]

    def _row(self, table: str, record_id: int) -> dict[str, Any] | None:
        rows = self._rows(f"SELECT data FROM {table} WHERE id = ?", (record_id,))
        return rows[0] if rows else None

    def _next_id(self, db: sqlite3.Connection, table: str, floor: int) -> int:
        row = db.execute(f"SELECT MAX(id) AS m FROM {table}").fetchone()
        return max(int(row["m"] or 0), floor) + 1

    def _log_change(self, db: sqlite3.Connection, table: str, record_id: int = 0) -> None:
        """Note a write in the change log, inside the writer's transaction."""
        cursor = db.execute("INSERT INTO changes (tbl, record_id) VALUES (?, ?)", (table, record_id))
        seq = int(cursor.lastrowid or 0)
        if seq % max(CHANGES_KEPT // 10, 1) == 0:
            db.execute("DELETE FROM changes WHERE seq <= ?", (seq - CHANGES_KEPT,))

    def _refresh(self) -> None:
        """Bring the in-memory lookups up to date with this and every other connection's writes:
        the customers changed since the last look are re-read; nothing else is."""
        with self._lock:
            version = int(self._db.execute("PRAGMA data_version").fetchone()[0])
            key = (version, self._writes)
            if key == self._cache_key:
                return
            if self._seen_seq is None:
                self._reload()
            else:
                self._apply_changes(self._seen_seq)
            self._cache_key = key

    def _last_seq(self) -> int:
        return int(self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0])

    def _apply_changes(self, since: int) -> None:
        rows = self._db.execute(
            "SELECT seq, tbl, record_id FROM changes WHERE seq > ? ORDER BY seq", (since,)
        ).fetchall()
        if not rows:
            return
        oldest = int(self._db.execute("SELECT MIN(seq) FROM changes").fetchone()[0])
        if oldest > since + 1 or any(r["tbl"] != "customers" for r in rows):
            # Entries were pruned before this reader saw them, or more than customers changed.
            self._reload()
            return
        changed = list(dict.fromkeys(int(r["record_id"]) for r in rows))
        marks = ",".join("?" * len(changed))
        for d in self._rows(f"SELECT data FROM customers WHERE id IN ({marks})", changed):
            customer = self._customer_from(d)
            self._index.put(customer, self._customers.get(customer.id))
            self._customers[customer.id] = customer
        self._seen_seq = int(rows[-1]["seq"])

    def _reload(self) -> None:
        """Read every customer, user, trade and stage: the first look, or after a seed load."""
        seq = self._last_seq()
        self._stages = sorted(
            (Stage.model_validate(d) for d in self._rows("SELECT data FROM stages")),
            key=lambda s: (s.position, s.id or 0),
        )
        self._trades = {
            t.id: t for t in (Trade.model_validate(d) for d in self._rows("SELECT data FROM trades"))
        }
        self._users = {
            u.id: u for u in (User.model_validate(d) for d in self._rows("SELECT data FROM users"))
        }
        customers = {}
        for d in self._rows("SELECT data FROM customers"):
            customer = self._customer_from(d)
            customers[customer.id] = customer
        self._customers = customers
        self._index = _CustomerIndex(customers.values())
        self._seen_seq = seq

    def rebuild(self) -> None:
        """Drop the in-memory lookups and read everything again (benchmarks compare with it)."""
        with self._lock:
            self._seen_seq = None
            self._cache_key = None
        self._refresh()

    def _customer_from(self, d: dict[str, Any]) -> Customer:
        rep_id = d.get("rep_id")
        customer = Customer.model_validate(d)
        customer.rep = self._users.get(rep_id) if rep_id else None
        return customer

    def _job_from(self, d: dict[str, Any]) -> Job:
        stage = next((s for s in self._stages if s.code == d.get("stage_code")), None)
        job = Job.model_validate(d | {"trades": []})
        job.current_stage = (
            CurrentStage(name=stage.name, color=stage.color, code=stage.code)
            if stage
            else CurrentStage()
        )
        job.trades = [self._trades[t] for t in d.get("trades", []) if t in self._trades]
        job.reps = [self._users[u] for u in d.get("rep_ids", []) if u in self._users]
        job.estimators = [self._users[u] for u in d.get("estimator_ids", []) if u in self._users]
        job.customer = self._customers.get(job.customer_id)
        return job

    # --- loading ---------------------------------------------------------------------------

    def all_customers(self) -> list[Customer]:
        """Every customer by id (the Leap emulator filters and pages them as Leap would)."""
        self._refresh()
        return sorted(self._customers.values(), key=lambda c: c.id)

    def is_empty(self) -> bool:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM stages").fetchone()[0] == 0

    def counts(self) -> dict[str, int]:
        with self._lock:
            return {
                t: int(self._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in _TABLES
            }

    def load_seed(self, seed_path: Path | None = None, *, reset: bool = False) -> str:
        """Load the seed file (idempotent: an already loaded CRM is left as it is unless reset)."""
        path = seed_path or self.seed_path
        if path is None:
            raise CRMValidationError("No demo seed file is configured for the local CRM.")
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()[:12]
        with self._lock:
            loaded = self._db.execute("SELECT value FROM meta WHERE key = 'seed'").fetchone()
            if loaded is not None and not reset and not self.is_empty():
                c = self.counts()
                return (
                    f"already loaded ({c['customers']} customers, {c['jobs']} jobs) in {self.path}"
                )
        seed = json.loads(raw)
        with self._write() as db:
            for table in _TABLES:
                db.execute(f"DELETE FROM {table}")
            self._log_change(db, _EVERYTHING)
            for table in ("stages", "trades", "users", "referrals", "customers"):
                db.executemany(
                    f"INSERT INTO {table} (id, data) VALUES (?, ?)",
                    [(r["id"], json.dumps(r)) for r in seed.get(table, [])],
                )
            db.executemany(
                "INSERT INTO jobs (id, customer_id, number, stage_code, created_at, data) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        j["id"],
                        j["customer_id"],
                        j["number"],
                        j["stage_code"],
                        j["created_at"],
                        json.dumps(j),
                    )
                    for j in seed.get("jobs", [])
                ],
            )
            db.executemany(
                "INSERT INTO notes (id, job_id, created_at, data) VALUES (?, ?, ?, ?)",
                [
                    (n["id"], n["job_id"], n["created_at"], json.dumps(n))
                    for n in seed.get("notes", [])
                ],
            )
            db.executemany(
                "INSERT INTO appointments (id, customer_id, start, data) VALUES (?, ?, ?, ?)",
                [
                    (
                        a["id"],
                        a.get("customer_id"),
                        a.get("start_date_time") or a.get("date"),
                        json.dumps(a),
                    )
                    for a in seed.get("appointments", [])
                ],
            )
            db.executemany(
                "INSERT INTO appointment_jobs (appointment_id, job_id) VALUES (?, ?)",
                [(a["id"], int(j)) for a in seed.get("appointments", []) for j in dict.fromkeys(a.get("job_ids") or [])],
            )
            for table in ("invoices", "payments", "proposals"):
                db.executemany(
                    f"INSERT INTO {table} (id, job_id, data) VALUES (?, ?, ?)",
                    [(r["id"], r.get("job_id"), json.dumps(r)) for r in seed.get(table, [])],
                )
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('seed', ?)",
                (f"{path.name}:{digest}",),
            )
        c = self.counts()
        return (
            f"loaded {seed.get('company', {}).get('name', 'the demo company')}: {c['customers']} customers, "
            f"{c['jobs']} jobs, {c['notes']} notes, {c['appointments']} appointments into {self.path}"
        )

    # --- customers -------------------------------------------------------------------------

    async def list_customers(self, limit: int = 10_000) -> list[Customer]:
        return self.all_customers()[:limit]

    async def search_customers(self, query: CustomerQuery, limit: int = 10) -> list[Customer]:
        self._refresh()
        if query.is_empty():  # like Leap's GET /customers without filters: everyone
            return sorted(
                self._customers.values(), key=lambda c: (c.last_name.casefold(), c.first_name.casefold(), c.id)
            )[:limit]
        index = self._index
        email, digits, number = query.email.strip().lower(), phone_digits(query.phone), query.job_number.strip().lstrip("#")
        name = clean_name(query.name)
        found: list[Customer] = []
        if email:
            found += [self._customers[i] for i in index.emails.get(email, [])]
        if digits:
            found += [self._customers[i] for i in index.with_phone(digits)]
        if number:
            for job in self._jobs_where(
                "WHERE CAST(id AS TEXT) = ? OR number = ? OR number LIKE ?",
                (number, number, f"%-{number}"),
            ):
                if job["customer_id"] in self._customers:
                    found.append(self._customers[job["customer_id"]])
        if name and not found:
            pool = [self._customers[i] for i in index.name_candidates(name)]
            ranked = rank_by_name(name, pool, limit=max(limit, 10))
            # A sure match hides the look-alikes; otherwise the closest names are the answer.
            top = best_matches(ranked) if ranked and ranked[0][0] >= 88 else [c for _, c in ranked]
            found += top
        unique = list({c.id: c for c in found}.values())
        return unique[:limit]

    async def get_customer(self, customer_id: int) -> Customer:
        self._refresh()
        customer = self._customers.get(customer_id)
        if customer is None:
            raise CRMNotFound("Customer Not Found", status_code=404)
        return customer

    async def find_duplicate_customers(
        self, *, email: str | None = None, phone: str | None = None
    ) -> list[Customer]:
        self._refresh()
        digits = phone_digits(phone or "")
        wanted = (email or "").strip().lower()
        candidates = [*self._index.emails.get(wanted, [])] if wanted else []
        if digits:
            candidates += self._index.with_phone(digits)
        out = []
        for c in (self._customers[i] for i in dict.fromkeys(candidates)):
            same_email = bool(email) and (c.email or "").lower() == (email or "").strip().lower()
            same_phone = bool(digits) and any(phone_digits(p.number) == digits for p in c.phones)
            if same_email or same_phone:
                out.append(c)
        return out

    def _validate_customer(self, body: dict[str, Any], *, partial: bool) -> None:
        errors: dict[str, list[str]] = {}
        if (not partial or "first_name" in body) and not (body.get("first_name") or "").strip():
            errors["first_name"] = ["The first name field is required."]
        commercial = bool(body.get("is_commercial"))
        if not partial and not commercial and not (body.get("last_name") or "").strip():
            errors["last_name"] = ["The last name field is required."]
        if commercial and not partial and not (body.get("company_name") or "").strip():
            errors["company_name"] = ["The company name field is required when is commercial is 1."]
        email = body.get("email")
        if email and not _EMAIL_RE.match(email):
            errors["email"] = ["The email must be a valid email address."]
        phones = body.get("phones")
        if not partial and not phones:
            errors["phones"] = ["The phones field is required."]
        for i, p in enumerate(phones or []):
            if p.get("label") not in _PHONE_LABELS:
                errors[f"phones.{i}.label"] = ["The selected label is invalid."]
            if not 8 <= len(phone_digits(p.get("number", "")) or "") <= 12:
                errors[f"phones.{i}.number"] = ["The number must be between 8 and 12 digits."]
        kind = body.get("referred_by_type")
        if kind in ("referral", "customer") and not body.get("referred_by_id"):
            errors["referred_by_id"] = [
                f"The referred by id field is required when referred by type is {kind}."
            ]
        if kind == "other" and not (body.get("referred_by_note") or "").strip():
            errors["referred_by_note"] = [
                "The referred by note field is required when referred by type is other."
            ]
        rep_id = body.get("rep_id")
        if rep_id is not None and rep_id not in self._users:
            errors["rep_id"] = ["The selected rep id is invalid."]
        if errors:
            raise CRMValidationError("Validation Failed", errors)

    def _insert_customer(self, db: sqlite3.Connection, data: CustomerCreate) -> int:
        body = data.model_dump(mode="json")
        self._validate_customer(body, partial=False)
        customer_id = self._next_id(db, "customers", 100)
        now = _now()
        record = {k: v for k, v in body.items() if k not in ("billing", "job")}
        record.update(
            id=customer_id,
            is_commercial=bool(body.get("is_commercial")),
            created_at=now,
            updated_at=now,
            address=self._address(body.get("address")),
        )
        db.execute(
            "INSERT INTO customers (id, data) VALUES (?, ?)", (customer_id, json.dumps(record))
        )
        self._log_change(db, "customers", customer_id)
        return customer_id

    def _address(self, body: dict[str, Any] | None) -> dict[str, Any] | None:
        if not body:
            return None
        address = Address.model_validate(body)
        if address.state_id is not None and address.state is None:
            address.state = _US_STATE_CODES.get(address.state_id)
        return address.model_dump(mode="json")

    async def create_customer(self, data: CustomerCreate) -> Customer:
        self._refresh()
        with self._write() as db:
            customer_id = self._insert_customer(db, data)
        return await self.get_customer(customer_id)

    async def update_customer(self, customer_id: int, data: CustomerUpdate) -> Customer:
        self._refresh()
        changes = data.model_dump(mode="json", exclude_unset=True)
        self._validate_customer(changes, partial=True)
        with self._write() as db:
            row = db.execute("SELECT data FROM customers WHERE id = ?", (customer_id,)).fetchone()
            if row is None:
                raise CRMNotFound("Customer Not Found", status_code=404)
            record = json.loads(row["data"])
            if "address" in changes:
                changes["address"] = self._address(changes["address"])
            record.update(changes, updated_at=_now())
            db.execute(
                "UPDATE customers SET data = ? WHERE id = ?", (json.dumps(record), customer_id)
            )
            self._log_change(db, "customers", customer_id)
        return await self.get_customer(customer_id)

    # --- jobs ------------------------------------------------------------------------------

    def _jobs_where(self, where: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return self._rows(f"SELECT data FROM jobs {where}", args)

    async def list_jobs(
        self,
        *,
        customer_id: int | None = None,
        stage_codes: Sequence[str] | None = None,
        trade_ids: Sequence[int] | None = None,
        job_number: str | None = None,
        limit: int = 50,
    ) -> list[Job]:
        self._refresh()
        clauses: list[str] = []
        args: list[Any] = []
        if customer_id is not None:
            clauses.append("customer_id = ?")
            args.append(customer_id)
        if stage_codes:
            clauses.append(f"stage_code IN ({', '.join('?' for _ in stage_codes)})")
            args.extend(stage_codes)
        if job_number:
            clauses.append("(number = ? OR CAST(id AS TEXT) = ? OR number LIKE ?)")
            args.extend([job_number, job_number, f"%-{job_number}"])
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        order = f"{where} ORDER BY created_at DESC, id DESC"
        if not trade_ids and limit > 0:
            order += f" LIMIT {int(limit)}"
        rows = self._jobs_where(order, args)
        if trade_ids:
            wanted = set(trade_ids)
            rows = [r for r in rows if wanted & set(r.get("trades", []))]
        return [self._job_from(r) for r in rows[: max(limit, 0) or None]]

    async def get_job(self, job_id: int) -> Job:
        self._refresh()
        row = self._row("jobs", job_id)
        if row is None:
            raise CRMNotFound("No records found!", status_code=412)
        return self._job_from(row)

    def _insert_job(self, db: sqlite3.Connection, body: dict[str, Any], customer_id: int) -> int:
        errors: dict[str, list[str]] = {}
        customer_row = db.execute(
            "SELECT data FROM customers WHERE id = ?", (customer_id,)
        ).fetchone()
        if customer_row is None:
            errors["customer_id"] = ["The selected customer id is invalid."]
        trades = body.get("trades") or []
        if not trades:
            errors["trades"] = ["The trades field is required."]
        elif any(t not in self._trades for t in trades):
            errors["trades"] = ["The selected trades is invalid."]
        if not (body.get("description") or "").strip():
            errors["description"] = ["The description field is required."]
        for key in ("rep_ids", "estimator_ids"):
            if any(u not in self._users for u in body.get(key) or []):
                errors[key] = [f"The selected {key.replace('_', ' ')} is invalid."]
        if errors:
            raise CRMValidationError("Validation Failed", errors)
        assert customer_row is not None
        customer = json.loads(customer_row["data"])
        job_id = self._next_id(db, "jobs", 1000)
        now = dt.datetime.now()
        first_stage = self._stages[0].code if self._stages else None
        address = (
            customer.get("address")
            if body.get("same_as_customer_address", 1)
            else self._address(body.get("address"))
        )
        names = " + ".join(self._trades[t].name.lower() for t in trades)
        record = {
            "id": job_id,
            "number": f"{now:%y%m}-{job_id}",
            "name": body.get("name")
            or f"{customer.get('last_name') or customer.get('first_name')} {names}",
            "customer_id": customer_id,
            "description": body["description"],
            "stage_code": first_stage,
            "trades": trades,
            "rep_ids": body.get("rep_ids")
            or ([customer["rep_id"]] if customer.get("rep_id") else []),
            "estimator_ids": body.get("estimator_ids") or [],
            "address": address,
            "archived": False,
            "created_at": now.strftime(_TS),
            "updated_at": now.strftime(_TS),
            "contract_amount": 0,
            "awarded_date": None,
            "contract_signed_date": None,
            "completion_date": None,
            "other_trade_type_description": body.get("other_trade_type_description") or None,
        }
        db.execute(
            "INSERT INTO jobs (id, customer_id, number, stage_code, created_at, data) VALUES (?, ?, ?, ?, ?, ?)",
            (
                job_id,
                customer_id,
                record["number"],
                first_stage,
                record["created_at"],
                json.dumps(record),
            ),
        )
        return job_id

    async def create_job(self, data: JobCreate) -> Job:
        self._refresh()
        with self._write() as db:
            job_id = self._insert_job(db, data.model_dump(mode="json"), data.customer_id)
        return await self.get_job(job_id)

    async def create_prospect(self, data: ProspectCreate) -> ProspectResult:
        self._refresh()
        job_ids: list[int] = []
        with self._write() as db:
            customer_id = self._insert_customer(
                db, CustomerCreate.model_validate(data.model_dump(exclude={"job"}))
            )
            if data.job is not None:
                job_ids.append(self._insert_job(db, data.job.model_dump(mode="json"), customer_id))
        return ProspectResult(
            customer=await self.get_customer(customer_id),
            job_ids=job_ids,
            first_stage_code=self._stages[0].code if self._stages else None,
        )

    # --- notes and stages ------------------------------------------------------------------

    def _note_from(self, d: dict[str, Any]) -> Note:
        author = d.get("created_by")
        return Note.model_validate(d | {"created_by": self._users.get(author) if author else None})

    async def list_notes(self, job_id: int) -> list[Note]:
        self._refresh()
        if self._row("jobs", job_id) is None:
            raise CRMNotFound("No records found!", status_code=412)
        rows = self._rows(
            "SELECT data FROM notes WHERE job_id = ? ORDER BY created_at DESC, id DESC", (job_id,)
        )
        return [self._note_from(r) for r in rows]

    async def add_note(self, job_id: int, text: str, stage_code: str | None = None) -> Note:
        self._refresh()
        if not text.strip():
            raise CRMValidationError("Validation Failed", {"note": ["The note field is required."]})
        with self._write() as db:
            job_row = db.execute("SELECT data FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if job_row is None:
                raise CRMNotFound("No records found!", status_code=412)
            if stage_code is not None and stage_code not in {s.code for s in self._stages}:
                raise CRMValidationError(
                    "Validation Failed", {"stage_code": ["The selected stage code is invalid."]}
                )
            note_id = self._next_id(db, "notes", 5000)
            now = _now()
            record = {
                "id": note_id,
                "job_id": job_id,
                "note": text,
                "stage_code": stage_code or json.loads(job_row["data"]).get("stage_code"),
                "created_at": now,
                "updated_at": now,
                "created_by": None,
            }
            db.execute(
                "INSERT INTO notes (id, job_id, created_at, data) VALUES (?, ?, ?, ?)",
                (note_id, job_id, now, json.dumps(record)),
            )
        return self._note_from(record)

    async def update_note(self, note_id: int, text: str) -> Note:
        self._refresh()
        if not text.strip():
            raise CRMValidationError("Validation Failed", {"note": ["The note field is required."]})
        with self._write() as db:
            row = db.execute("SELECT data FROM notes WHERE id = ?", (note_id,)).fetchone()
            if row is None:
                raise CRMNotFound("Note Not Found", status_code=404)
            record = json.loads(row["data"]) | {"note": text, "updated_at": _now()}
            db.execute("UPDATE notes SET data = ? WHERE id = ?", (json.dumps(record), note_id))
        return self._note_from(record)

    async def change_stage(self, job_id: int, stage_code: str) -> Job:
        self._refresh()
        stage = next((s for s in self._stages if s.code == stage_code), None)
        if stage is None:
            raise CRMValidationError(
                "Validation Failed", {"stage": ["The selected stage is invalid."]}
            )
        with self._write() as db:
            row = db.execute("SELECT data FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                raise CRMNotFound("No records found!", status_code=412)
            record = json.loads(row["data"])
            if record.get("archived"):
                raise CRMValidationError("This job has been archived.")
            record.update(stage_code=stage_code, updated_at=_now())
            db.execute(
                "UPDATE jobs SET stage_code = ?, data = ? WHERE id = ?",
                (stage_code, json.dumps(record), job_id),
            )
        return await self.get_job(job_id)

    async def list_stages(self) -> list[Stage]:
        self._refresh()
        return list(self._stages)

    # --- company lists ---------------------------------------------------------------------

    async def list_trades(self) -> list[Trade]:
        self._refresh()
        return sorted(self._trades.values(), key=lambda t: t.id)

    async def list_users(self) -> list[User]:
        self._refresh()
        return sorted(self._users.values(), key=lambda u: u.id)

    async def list_states(self, country_id: int = 1) -> list[State]:
        return [s for s in STATES if s.country_id == country_id]

    async def list_referrals(self) -> list[Referral]:
        return [
            Referral.model_validate(r) for r in self._rows("SELECT data FROM referrals ORDER BY id")
        ]

    # --- appointments ----------------------------------------------------------------------

    async def list_appointments(
        self,
        *,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
        customer_id: int | None = None,
        job_id: int | None = None,
    ) -> list[Appointment]:
        clauses: list[str] = []
        args: list[Any] = []
        if start is not None:
            clauses.append("start >= ?")
            args.append(start.strftime(_TS))
        if end is not None:
            clauses.append("start < ?")
            args.append(end.strftime(_TS))
        if customer_id is not None:
            clauses.append("customer_id = ?")
            args.append(customer_id)
        if job_id is not None:
            clauses.append("id IN (SELECT appointment_id FROM appointment_jobs WHERE job_id = ?)")
            args.append(job_id)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._rows(f"SELECT data FROM appointments {where} ORDER BY start, id", args)
        return [Appointment.model_validate(r) for r in rows]

    def _appointment_record(
        self, body: dict[str, Any], base: dict[str, Any] | None
    ) -> dict[str, Any]:
        record = dict(base or {})
        attendees = body.pop("attendees", None)
        record.update({k: v for k, v in body.items()})
        if attendees is not None:
            record["attendees_ids"] = attendees
        errors: dict[str, list[str]] = {}
        if not (record.get("title") or "").strip():
            errors["title"] = ["The title field is required."]
        full_day = bool(record.get("full_day"))
        record["full_day"] = full_day
        if full_day:
            if not record.get("date"):
                errors["date"] = ["The date field is required when full day is 1."]
        else:
            start = record.get("start_date_time")
            if not start:
                errors["start_date_time"] = ["The start date time field is required."]
            else:
                begin = dt.datetime.fromisoformat(start)
                record["start_date_time"] = begin.strftime(_TS)
                end = record.get("end_date_time")
                end_dt = dt.datetime.fromisoformat(end) if end else begin + dt.timedelta(hours=1)
                if end_dt <= begin:
                    errors["end_date_time"] = [
                        "The end date time must be a date after start date time."
                    ]
                record["end_date_time"] = end_dt.strftime(_TS)
        customer_id = record.get("customer_id")
        if customer_id is not None and customer_id not in self._customers:
            errors["customer_id"] = ["The selected customer id is invalid."]
        user_id = record.get("user_id")
        if user_id is not None and user_id not in self._users:
            errors["user_id"] = ["The selected user id is invalid."]
        for jid in record.get("job_ids") or []:
            if self._row("jobs", jid) is None:
                errors["job_ids"] = ["The selected job ids is invalid."]
        if errors:
            raise CRMValidationError("Validation Failed", errors)
        record.setdefault("is_completed", False)
        record.setdefault("attendees_ids", [user_id] if user_id else [])
        return record

    async def create_appointment(self, data: AppointmentCreate) -> Appointment:
        self._refresh()
        record = self._appointment_record(data.model_dump(mode="json"), None)
        with self._write() as db:
            record["id"] = self._next_id(db, "appointments", 9000)
            db.execute(
                "INSERT INTO appointments (id, customer_id, start, data) VALUES (?, ?, ?, ?)",
                (
                    record["id"],
                    record.get("customer_id"),
                    record.get("start_date_time") or record.get("date"),
                    json.dumps(record),
                ),
            )
            self._link_appointment(db, record["id"], record)
        return Appointment.model_validate(record)

    async def update_appointment(self, appointment_id: int, data: AppointmentUpdate) -> Appointment:
        self._refresh()
        base = self._row("appointments", appointment_id)
        if base is None:
            raise CRMNotFound("Appointment Not Found", status_code=404)
        changes = data.model_dump(mode="json", exclude_unset=True)
        if (
            "start_date_time" in changes
            and "end_date_time" not in changes
            and base.get("start_date_time")
        ):
            # Moving an appointment keeps its length.
            length = dt.datetime.fromisoformat(base["end_date_time"]) - dt.datetime.fromisoformat(
                base["start_date_time"]
            )
            changes["end_date_time"] = (
                dt.datetime.fromisoformat(changes["start_date_time"]) + length
            ).strftime(_TS)
        record = self._appointment_record(changes, base)
        with self._write() as db:
            db.execute(
                "UPDATE appointments SET customer_id = ?, start = ?, data = ? WHERE id = ?",
                (
                    record.get("customer_id"),
                    record.get("start_date_time") or record.get("date"),
                    json.dumps(record),
                    appointment_id,
                ),
            )
            self._link_appointment(db, appointment_id, record)
        return Appointment.model_validate(record)

    # --- money -----------------------------------------------------------------------------

    def _require_job(self, job_id: int) -> dict[str, Any]:
        row = self._row("jobs", job_id)
        if row is None:
            raise CRMNotFound("No records found!", status_code=412)
        return row

    async def list_invoices(self, job_id: int) -> list[Invoice]:
        self._require_job(job_id)
        return [
            Invoice.model_validate(r)
            for r in self._rows("SELECT data FROM invoices WHERE job_id = ? ORDER BY id", (job_id,))
        ]

    async def list_payments(self, job_id: int) -> list[Payment]:
        self._require_job(job_id)
        return [
            Payment.model_validate(r)
            for r in self._rows("SELECT data FROM payments WHERE job_id = ? ORDER BY id", (job_id,))
        ]

    async def financial_summary(self, job_id: int) -> FinancialSummary:
        job = self._require_job(job_id)
        if not job.get("awarded_date"):
            raise CRMValidationError("Financial summary is available for awarded jobs only.")
        invoices = await self.list_invoices(job_id)
        payments = await self.list_payments(job_id)
        return FinancialSummary(
            job_id=job_id,
            contract_amount=float(job.get("contract_amount") or 0),
            total_invoiced=round(sum(i.total_amount for i in invoices), 2),
            total_paid=round(sum(p.payment for p in payments if not p.canceled), 2),
            open_balance=round(sum(i.open_balance for i in invoices), 2),
            invoices=invoices,
            payments=payments,
        )

    async def list_proposals(self, job_id: int | None = None) -> list[Proposal]:
        if job_id is None:
            rows = self._rows("SELECT data FROM proposals ORDER BY id")
        else:
            rows = self._rows("SELECT data FROM proposals WHERE job_id = ? ORDER BY id", (job_id,))
        return [Proposal.model_validate(r) for r in rows]

    async def aclose(self) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._db.close()
                self._closed = True


class _CustomerIndex:
    """Lookups over every customer, updated one customer at a time on a write: exact keys
    first, and a short fuzzy pre-selection so that name scoring runs on a few candidates."""

    def __init__(self, customers: Iterable[Customer]) -> None:
        # Parallel lists for rapidfuzz; a customer keeps its position when it changes.
        self.ids: list[int] = []
        self.full_names: list[str] = []
        self.last_names: list[str] = []
        self._position: dict[int, int] = {}
        self.emails: dict[str, list[int]] = {}
        # Phone digits by their last 7 (a query's suffix match needs at least that many),
        # and the few stored numbers shorter than that, which every phone query scans.
        self._phones: dict[str, list[tuple[str, int]]] = {}
        self._short_phones: list[tuple[str, int]] = []
        self.by_name: dict[str, list[int]] = {}
        self.by_surname: dict[str, list[int]] = {}
        for c in customers:
            self.put(c, None)

    @staticmethod
    def _keys(c: Customer) -> tuple[str, set[str], set[str], list[str], list[str]]:
        full = f"{c.first_name} {c.last_name}".casefold().strip()
        last = (c.last_name or "").casefold()
        names = {full, last, c.first_name.casefold(), (c.company_name or "").casefold()} - {""}
        surnames = {full, last} - {""}
        emails = [e.lower() for e in [c.email or "", *c.additional_emails] if e]
        phones = [p.digits for p in c.phones if p.digits]
        return full, names, surnames, emails, phones

    def put(self, c: Customer, old: Customer | None) -> None:
        """Add a customer, or replace what the lookups hold for `old` (the same id)."""
        if old is not None:
            self._drop(old)
        full, names, surnames, emails, phones = self._keys(c)
        pos = self._position.get(c.id)
        if pos is None:
            self._position[c.id] = len(self.ids)
            self.ids.append(c.id)
            self.full_names.append(full)
            self.last_names.append((c.last_name or "").casefold())
        else:
            self.full_names[pos] = full
            self.last_names[pos] = (c.last_name or "").casefold()
        for key in names:
            self.by_name.setdefault(key, []).append(c.id)
        for key in surnames:
            self.by_surname.setdefault(key, []).append(c.id)
        for email in emails:
            self.emails.setdefault(email, []).append(c.id)
        for digits in phones:
            if len(digits) >= 7:
                self._phones.setdefault(digits[-7:], []).append((digits, c.id))
            else:
                self._short_phones.append((digits, c.id))

    def _drop(self, c: Customer) -> None:
        _, names, surnames, emails, phones = self._keys(c)
        for table, keys in ((self.by_name, names), (self.by_surname, surnames), (self.emails, emails)):
            for key in keys:
                _remove(table, key, c.id)
        for digits in phones:
            if len(digits) >= 7:
                _remove(self._phones, digits[-7:], (digits, c.id))
            elif (digits, c.id) in self._short_phones:
                self._short_phones.remove((digits, c.id))

    def with_phone(self, digits: str) -> list[int]:
        if len(digits) >= 7:
            pool = [*self._phones.get(digits[-7:], []), *self._short_phones]
        else:
            pool = [entry for entries in self._phones.values() for entry in entries]
            pool += self._short_phones
        return list(dict.fromkeys(i for d, i in pool if d.endswith(digits) or digits.endswith(d)))

    def name_candidates(self, name: str, limit: int = 40) -> list[int]:
        key = " ".join(name.casefold().split())
        words = key.split()
        keys = {key, *words, *(w[:-1] for w in words if len(w) > 4 and w.endswith("s"))}
        # An exact full or last name scores above any look-alike, so the fuzzy pass is not needed.
        exact = [i for k in keys for i in self.by_surname.get(k, [])]
        if exact:
            return list(dict.fromkeys(exact))
        found: dict[int, None] = {}
        for k in keys:
            for i in self.by_name.get(k, []):
                found[i] = None
        for choices, scorer in ((self.full_names, fuzz.WRatio), (self.last_names, fuzz.ratio)):
            for _, _, pos in process.extract(
                key, choices, scorer=scorer, limit=limit, score_cutoff=55
            ):
                found[self.ids[pos]] = None
        return list(found)


def _remove(table: dict[str, list[Any]], key: str, value: Any) -> None:
    entries = table.get(key)
    if entries is not None and value in entries:
        entries.remove(value)
        if not entries:
            del table[key]


def load_demo(settings: Settings, reset: bool = False) -> str:
    """Load the demo company into the local CRM; safe to run again. Returns a one-line summary."""
    settings.ensure_dirs()
    crm = LocalCRM(settings.data_dir / DB_NAME, settings.demo_dir / "crm" / "seed.json")
    try:
        return crm.load_seed(reset=reset)
    finally:
        crm.close()


# Leap's state ids: US states alphabetical by name (1-50), D.C. 51, Canadian provinces 53-65.
_US_STATES = [
    ("Alabama", "AL"),
    ("Alaska", "AK"),
    ("Arizona", "AZ"),
    ("Arkansas", "AR"),
    ("California", "CA"),
    ("Colorado", "CO"),
    ("Connecticut", "CT"),
    ("Delaware", "DE"),
    ("Florida", "FL"),
    ("Georgia", "GA"),
    ("Hawaii", "HI"),
    ("Idaho", "ID"),
    ("Illinois", "IL"),
    ("Indiana", "IN"),
    ("Iowa", "IA"),
    ("Kansas", "KS"),
    ("Kentucky", "KY"),
    ("Louisiana", "LA"),
    ("Maine", "ME"),
    ("Maryland", "MD"),
    ("Massachusetts", "MA"),
    ("Michigan", "MI"),
    ("Minnesota", "MN"),
    ("Mississippi", "MS"),
    ("Missouri", "MO"),
    ("Montana", "MT"),
    ("Nebraska", "NE"),
    ("Nevada", "NV"),
    ("New Hampshire", "NH"),
    ("New Jersey", "NJ"),
    ("New Mexico", "NM"),
    ("New York", "NY"),
    ("North Carolina", "NC"),
    ("North Dakota", "ND"),
    ("Ohio", "OH"),
    ("Oklahoma", "OK"),
    ("Oregon", "OR"),
    ("Pennsylvania", "PA"),
    ("Rhode Island", "RI"),
    ("South Carolina", "SC"),
    ("South Dakota", "SD"),
    ("Tennessee", "TN"),
    ("Texas", "TX"),
    ("Utah", "UT"),
    ("Vermont", "VT"),
    ("Virginia", "VA"),
    ("Washington", "WA"),
    ("West Virginia", "WV"),
    ("Wisconsin", "WI"),
    ("Wyoming", "WY"),
    ("Washington D.C.", "WDC"),
]
_CA_PROVINCES = [
    ("Alberta", "AB"),
    ("British Columbia", "BC"),
    ("Manitoba", "MB"),
    ("New Brunswick", "NB"),
    ("Newfoundland and Labrador", "NL"),
    ("Northwest Territories", "NT"),
    ("Nova Scotia", "NS"),
    ("Nunavut", "NU"),
    ("Ontario", "ON"),
    ("Prince Edward Island", "PE"),
    ("Quebec", "QC"),
    ("Saskatchewan", "SK"),
    ("Yukon", "YT"),
]
STATES = [
    *(State(id=i, name=n, code=c, country_id=1) for i, (n, c) in enumerate(_US_STATES, start=1)),
    *(
        State(id=i, name=n, code=c, country_id=4)
        for i, (n, c) in enumerate(_CA_PROVINCES, start=53)
    ),
]
_US_STATE_CODES = {s.id: s.code for s in STATES}
