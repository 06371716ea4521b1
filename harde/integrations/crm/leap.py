"""`LeapCRM`: the `CRM` Protocol over Leap's v3 Open API (or the Leap emulator).

Endpoints Leap has not confirmed (the stage change, @mention encoding, appointment filters)
each sit behind one function here, so a live account that says otherwise is a one-line fix.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

import httpx

from harde.config import Settings
from harde.crm.errors import CRMError, CRMNotFound, CRMUnsupported
from harde.crm.models import (
    LEAP_DATETIME_FORMAT,
    Address,
    Appointment,
    AppointmentCreate,
    AppointmentUpdate,
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
from harde.errors import ConfigurationError
from harde.integrations.crm.leap_http import JSON, Clock, LeapHTTP, Sleep
from harde.integrations.crm.leap_limits import RateLimiter, make_leap_limiter
from harde.integrations.crm.leap_shapes import (
    CUSTOMER_INCLUDES,
    JOB_INCLUDES,
    appointment_from_leap,
    customer_from_leap,
    invoice_from_leap,
    job_from_leap,
    note_from_leap,
    payment_from_leap,
    proposal_from_leap,
    referral_from_leap,
    stage_from_leap,
    state_from_leap,
    trade_from_leap,
    user_from_leap,
)

T = TypeVar("T")

# How far back a write is looked for when a retry asks "did my earlier attempt land?". A day,
# because Leap's clock and zone may differ from ours; the same text twice in a day is a repeat.
_RECENT = dt.timedelta(days=1)


class LeapCRM:
    """A Leap account. Build with `LeapCRM.from_settings(settings)`; close with `aclose()`."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout_s: float = 20.0,
        requests_per_minute: int = 60,
        max_attempts: int = 5,
        on_progress: Callable[[str], None] | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Clock | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        limiter: RateLimiter | None = None,
    ) -> None:
        extra: dict[str, Any] = {"clock": clock} if clock is not None else {}
        self.http = LeapHTTP(
            base_url,
            token,
            timeout_s=timeout_s,
            requests_per_minute=requests_per_minute,
            max_attempts=max_attempts,
            on_progress=on_progress,
            sleep=sleep,
            transport=transport,
            limiter=limiter,
            **extra,
        )
        self._states: dict[int, list[State]] = {}
        # None until the unconfirmed stage-change endpoint has been tried on this account.
        self.stage_changes_supported: bool | None = None

    @classmethod
    def from_settings(
        cls, settings: Settings, *, on_progress: Callable[[str], None] | None = None
    ) -> LeapCRM:
        if settings.leap_api_token is None or not settings.leap_api_token.get_secret_value():
            raise ConfigurationError(
                "The Leap CRM needs an API token: set LEAP_API_TOKEN (a company admin makes one "
                "in Leap under Settings → Developers), or HARDE_CRM=local for the demo CRM."
            )
        token = settings.leap_api_token.get_secret_value()
        return cls(
            settings.leap_base_url,
            token,
            timeout_s=settings.leap_timeout_s,
            requests_per_minute=settings.leap_requests_per_minute,
            on_progress=on_progress,
            # One budget for the account across the web app, the daemon and any command.
            limiter=make_leap_limiter(settings, settings.leap_base_url, token),
        )

    async def aclose(self) -> None:
        await self.http.aclose()

    # --- customers ---------------------------------------------------------------------------
    async def list_customers(self, limit: int = 10_000) -> list[Customer]:
        raws = await self.http.paginate("/customers", {"includes": list(CUSTOMER_INCLUDES)}, max_items=limit)
        return [customer_from_leap(r) for r in raws]

    async def search_customers(self, query: CustomerQuery, limit: int = 10) -> list[Customer]:
        includes = list(CUSTOMER_INCLUDES)
        email, digits, number = query.email.strip().lower(), phone_digits(query.phone), query.job_number.strip().lstrip("#")
        name = clean_name(query.name)
        if query.is_empty():  # GET /customers without filters: everyone
            raws = await self.http.paginate("/customers", {"includes": includes}, max_items=limit)
            return [customer_from_leap(r) for r in raws]
        exact: list[dict[str, Any]] = []
        if email:
            exact.append({"email": email})
        if digits:
            exact.append({"phone": digits})
        if number:
            exact.append({"job_number": number})
        batches = await asyncio.gather(
            *(
                self.http.paginate("/customers", {**f, "includes": includes}, max_items=limit)
                for f in exact
            )
        )
        found = [customer_from_leap(r) for batch in batches for r in batch]
        if name and not found:
            candidates = [
                customer_from_leap(r)
                for r in await self.http.paginate(
                    "/customers", {"keyword": name, "includes": includes}, max_items=50
                )
            ]
            ranked = rank_by_name(name, candidates, limit=max(limit, 10))
            if not ranked or ranked[0][0] < 88:
                ranked = await self._search_by_name_parts(name, max(limit, 10), candidates)
            # A sure match hides the look-alikes; otherwise the closest names are the answer.
            found = (
                best_matches(ranked) if ranked and ranked[0][0] >= 88 else [c for _, c in ranked]
            )
        unique = list({c.id: c for c in found}.values())[:limit]
        await self._fill_state_codes([c.address for c in unique if c.address is not None])
        return unique

    async def _search_by_name_parts(
        self, name: str, limit: int, already: Sequence[Customer]
    ) -> list[tuple[float, Customer]]:
        """Leap's keyword search is literal: "Jonson" finds "Johnson" through parts of the word
        ("jon", "nson", "jo"), and the candidates are ranked by how close their names are."""
        longest = max(name.split(), key=len, default="")
        if len(longest) < 3:
            return rank_by_name(name, already, limit=limit)
        keywords = list(dict.fromkeys([longest[:3], longest[-4:], longest[:2]]))
        batches = await asyncio.gather(
            *(
                self.http.paginate(
                    "/customers",
                    {"keyword": k, "includes": list(CUSTOMER_INCLUDES)},
                    max_items=100,
                )
                for k in keywords
            )
        )
        seen: dict[int, Customer] = {c.id: c for c in already}
        for batch in batches:
            for raw in batch:
                customer = customer_from_leap(raw)
                seen.setdefault(customer.id, customer)
        return rank_by_name(name, seen.values(), limit=limit)

    async def get_customer(self, customer_id: int) -> Customer:
        body = await self.http.get(
            f"/customers/{customer_id}", {"includes": list(CUSTOMER_INCLUDES)}
        )
        customer = customer_from_leap(_record(body, "data", "customer"))
        await self._fill_state_codes([customer.address] if customer.address else [])
        return customer

    async def find_duplicate_customers(
        self, *, email: str | None = None, phone: str | None = None
    ) -> list[Customer]:
        lookups: list[tuple[str, str]] = []
        if email and email.strip():
            lookups.append(("email", email.strip().lower()))
        digits = phone_digits(phone or "")
        if len(digits) >= 7:
            lookups.append(("phone", digits))
        if not lookups:
            return []
        batches = await asyncio.gather(
            *(
                self.http.paginate(
                    "/customers", {key: value, "includes": list(CUSTOMER_INCLUDES)}, max_items=50
                )
                for key, value in lookups
            )
        )
        # Leap's filters match loosely; a duplicate is an exact email or the same phone digits.
        found: dict[int, Customer] = {}
        for batch in batches:
            for raw in batch:
                customer = customer_from_leap(raw)
                if _same_contact(customer, email, digits):
                    found.setdefault(customer.id, customer)
        return sorted(found.values(), key=lambda c: c.id)

    async def _duplicates_of(self, data: CustomerCreate) -> list[Customer]:
        phones = [p.number for p in data.phones if len(phone_digits(p.number)) >= 7][:3]
        checks = [self.find_duplicate_customers(email=data.email)] if data.email else []
        checks += [self.find_duplicate_customers(phone=p) for p in phones]
        found: dict[int, Customer] = {}
        for batch in await asyncio.gather(*checks):
            for customer in batch:
                found.setdefault(customer.id, customer)
        return sorted(found.values(), key=lambda c: c.id)

    async def _guarded_create(
        self, data: CustomerCreate, send: Callable[[Callable[[], Awaitable[bool]]], Awaitable[T]]
    ) -> T | Customer:
        """Create once even when retried: customers sharing this email or phone are noted first;
        before a retry, a new one of the same name is the earlier attempt that landed."""
        before = {c.id for c in await self._duplicates_of(data)}
        landed: list[Customer] = []

        async def recover() -> bool:
            mine = [
                c
                for c in await self._duplicates_of(data)
                if c.id not in before and _same_person(c, data)
            ]
            landed.extend(mine[:1])
            return bool(mine)

        result = await send(recover)
        return landed[0] if landed else result

    async def create_customer(self, data: CustomerCreate) -> Customer:
        async def send(recover: Callable[[], Awaitable[bool]]) -> Customer | None:
            body = await self.http.request(
                "POST", "/customers", json=_customer_body(data), recover=recover
            )
            if body is None:
                return None
            raw = _maybe_record(body, "customer", "data")
            if raw is None and await recover():  # a bare "saved" answer: read back what landed
                return None
            return customer_from_leap(_record(body, "customer", "data"))

        created = await self._guarded_create(data, send)
        if created is None:
            raise CRMError("Leap answered the customer create without the customer", service="Leap")
        return created

    async def update_customer(self, customer_id: int, data: CustomerUpdate) -> Customer:
        # Leap's PUT takes the whole customer body: merge the change into what is there now.
        current = await self.get_customer(customer_id)
        body = _customer_body(_as_create(current))
        changes = data.model_dump(mode="json", exclude_unset=True)
        body.update(changes)
        answer = await self.http.request("PUT", f"/customers/{customer_id}", json=body) or {}
        raw = _maybe_record(answer, "customer", "data")
        return customer_from_leap(raw) if raw is not None else await self.get_customer(customer_id)

    # --- jobs --------------------------------------------------------------------------------
    async def list_jobs(
        self,
        *,
        customer_id: int | None = None,
        stage_codes: Sequence[str] | None = None,
        trade_ids: Sequence[int] | None = None,
        job_number: str | None = None,
        limit: int = 50,
    ) -> list[Job]:
        params: dict[str, Any] = {
            "customer_id": customer_id,
            "stages": list(stage_codes) if stage_codes else None,
            "trades": list(trade_ids) if trade_ids else None,
            "job_number": job_number,
            "includes": list(JOB_INCLUDES),
        }
        raws = await self.http.paginate("/jobs", params, max_items=limit)
        jobs = [job_from_leap(r) for r in raws]
        return await self._with_state_codes(jobs)

    async def get_job(self, job_id: int) -> Job:
        body = await self.http.get(f"/jobs/{job_id}", {"includes": list(JOB_INCLUDES)})
        raw = _record(body, "data", "job")
        job = job_from_leap(raw)
        # Nested includes (customer.phones...) are not documented: when the customer came
        # without its phones, or not at all, read the customer itself.
        included = raw.get("customer")
        if not (isinstance(included, dict) and "phones" in included):
            with contextlib.suppress(CRMNotFound):
                job.customer = await self.get_customer(job.customer_id)
        jobs = await self._with_state_codes([job])
        return jobs[0]

    async def create_job(self, data: JobCreate) -> Job:
        since = dt.datetime.now()
        landed: list[Job] = []

        async def recover() -> bool:
            mine = [
                j
                for j in await self.list_jobs(customer_id=data.customer_id, limit=10)
                if (j.description or "") == data.description and _recent(j.created_at, since)
            ]
            landed.extend(mine[:1])
            return bool(mine)

        body = await self.http.request(
            "POST", "/jobs", json=_without_nulls(data.model_dump(mode="json")), recover=recover
        )
        if body is None:
            return landed[0]
        raw = _maybe_record(body, "job", "data")
        if raw is None and await recover():
            return landed[0]
        job = job_from_leap(_record(body, "job", "data"))
        # The write answers without includes; read it back whole.
        return await self.get_job(job.id)

    async def create_prospect(self, data: ProspectCreate) -> ProspectResult:
        async def send(recover: Callable[[], Awaitable[bool]]) -> ProspectResult | None:
            body = await self.http.request(
                "POST", "/prospects", json=_customer_body(data), recover=recover
            )
            if not body:
                return None
            return ProspectResult(
                customer=customer_from_leap(_record(body, "customer", "data")),
                job_ids=[int(i) for i in body.get("job_ids") or []],
                first_stage_code=body.get("first_stage_code"),
            )

        created = await self._guarded_create(data, send)
        if isinstance(created, Customer):
            # The earlier attempt landed; its job, if any, came with it.
            jobs = await self.list_jobs(customer_id=created.id, limit=10)
            stages = await self.list_stages()
            return ProspectResult(
                customer=created,
                job_ids=[j.id for j in jobs],
                first_stage_code=stages[0].code if stages else None,
            )
        if created is None:
            raise CRMError("Leap answered the prospect create without the customer", service="Leap")
        return created

    # --- notes and stages --------------------------------------------------------------------
    async def list_notes(self, job_id: int) -> list[Note]:
        raws = await self.http.paginate(f"/jobs/{job_id}/notes")
        notes = [note_from_leap(r, job_id) for r in raws]
        return sorted(notes, key=_newest_first)

    async def add_note(self, job_id: int, text: str, stage_code: str | None = None) -> Note:
        since = dt.datetime.now()
        note_text = await self.encode_note(text)
        landed: list[Note] = []

        async def recover() -> bool:
            mine = [
                n
                for n in await self.list_notes(job_id)
                if n.note == note_text and _recent(n.created_at, since)
            ]
            landed.extend(mine[:1])
            return bool(mine)

        payload: JSON = {"note": note_text}
        if stage_code:
            payload["stage_code"] = stage_code
        body = await self.http.request(
            "POST", f"/jobs/{job_id}/notes", json=payload, recover=recover
        )
        if body is None:
            return landed[0]
        raw = _maybe_record(body, "data", "note")
        if raw is None and await recover():
            return landed[0]
        return note_from_leap(_record(body, "data", "note"), job_id)

    async def encode_note(self, text: str) -> str:
        """UNCONFIRMED: how Leap wants @mentions on the wire. The tools resolve "@First Last"
        against the company's users (harde.crm.mentions) before a note gets here; until a live
        account shows another encoding, the note goes to Leap as that plain text."""
        return text

    async def update_note(self, note_id: int, text: str) -> Note:
        note_text = await self.encode_note(text)
        body = await self.http.request("PUT", f"/jobs/notes/{note_id}", json={"note": note_text})
        raw = _maybe_record(body or {}, "data", "note")
        if raw is None:  # the doc gives no answer shape for this write
            return Note(id=note_id, note=note_text)
        return note_from_leap(raw)

    async def change_stage(self, job_id: int, stage_code: str) -> Job:
        if self.stage_changes_supported is False:
            raise stage_changes_unsupported(job_id)
        try:
            await self._request_stage_change(job_id, stage_code)
        except CRMUnsupported:
            self.stage_changes_supported = False
            raise stage_changes_unsupported(job_id) from None
        self.stage_changes_supported = True
        return await self.get_job(job_id)

    async def _request_stage_change(self, job_id: int, stage_code: str) -> None:
        """UNCONFIRMED endpoint: v3 has no documented stage change; the old API took
        `POST /jobs/stage {job_id, stage}`. Setting a stage twice is harmless, so it retries."""
        await self.http.request("POST", "/jobs/stage", json={"job_id": job_id, "stage": stage_code})

    async def list_stages(self) -> list[Stage]:
        body = await self.http.get("/workflow/stages")
        stages = [stage_from_leap(r) for r in _records(body)]
        return sorted(stages, key=lambda s: (s.position, s.id or 0))

    # --- company lists -----------------------------------------------------------------------
    async def list_trades(self) -> list[Trade]:
        return [trade_from_leap(r) for r in _records(await self.http.get("/company/trades"))]

    async def list_users(self) -> list[User]:
        # `limit=0` answers every user on one page; should an account page them anyway,
        # read the pages.
        body = await self.http.get("/company/users", {"limit": 0})
        pagination = (body.get("meta") or {}).get("pagination") or {}
        if int(pagination.get("total_pages") or 1) > 1:
            return [user_from_leap(r) for r in await self.http.paginate("/company/users")]
        return [user_from_leap(r) for r in _records(body)]

    async def list_referrals(self) -> list[Referral]:
        return [referral_from_leap(r) for r in _records(await self.http.get("/referrals"))]

    async def list_states(self, country_id: int = 1) -> list[State]:
        if country_id not in self._states:
            body = await self.http.get(f"/countries/{country_id}/states")
            self._states[country_id] = [state_from_leap(r) for r in _records(body)]
        return list(self._states[country_id])

    async def _with_state_codes(self, jobs: list[Job]) -> list[Job]:
        """Fill a state's code where Leap sent only its id (looked up, never assumed)."""
        addresses = [j.address for j in jobs if j.address is not None]
        addresses += [j.customer.address for j in jobs if j.customer and j.customer.address]
        await self._fill_state_codes(addresses)
        return jobs

    async def _fill_state_codes(self, addresses: Sequence[Address]) -> None:
        missing = [a for a in addresses if a.state is None and a.state_id is not None]
        if missing:
            codes = {s.id: s.code for s in await self.list_states(missing[0].country_id or 1)}
            for address in missing:
                address.state = codes.get(address.state_id or -1)

    # --- appointments ------------------------------------------------------------------------
    async def list_appointments(
        self,
        *,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
        customer_id: int | None = None,
        job_id: int | None = None,
    ) -> list[Appointment]:
        raws = await self.http.paginate(
            "/appointments", _appointment_filters(start, end, customer_id, job_id)
        )
        found = [appointment_from_leap(r) for r in raws]
        # The documented appointment has no job ids, only a customer: one without job ids
        # belongs to the job when it belongs to the job's customer.
        owner: int | None = None
        if job_id is not None and any(not a.job_ids for a in found):
            owner = (await self.get_job(job_id)).customer_id
        # The filters' names are unconfirmed: apply them here too so the answer is exact.
        kept = [
            a
            for a in found
            if (customer_id is None or a.customer_id == customer_id)
            and (
                job_id is None
                or job_id in a.job_ids
                or (not a.job_ids and owner is not None and a.customer_id == owner)
            )
            and _in_range(a.starts, start, end)
        ]
        return sorted(kept, key=lambda a: (a.starts or dt.datetime.max, a.id))

    async def create_appointment(self, data: AppointmentCreate) -> Appointment:
        landed: list[Appointment] = []

        async def recover() -> bool:
            around = data.start_date_time or (
                dt.datetime.combine(data.date, dt.time()) if data.date else None
            )
            window = (around, around + dt.timedelta(days=1)) if around else (None, None)
            mine = [
                a
                for a in await self.list_appointments(
                    start=window[0], end=window[1], customer_id=data.customer_id
                )
                if a.title == data.title and a.starts == around
            ]
            landed.extend(mine[:1])
            return bool(mine)

        body = await self.http.request(
            "POST", "/appointments", json=_appointment_body(data), recover=recover
        )
        if body is None:
            return landed[0]
        raw = _maybe_record(body, "data", "appointment")
        if raw is None and await recover():
            return landed[0]
        return appointment_from_leap(_record(body, "data", "appointment"))

    async def update_appointment(self, appointment_id: int, data: AppointmentUpdate) -> Appointment:
        body = await self.http.request(
            "PUT", f"/appointments/{appointment_id}", json=_appointment_body(data, partial=True)
        )
        raw = _maybe_record(body or {}, "data", "appointment")
        if raw is None:  # no object in the answer: read it back from the list
            found = [
                a
                for a in map(appointment_from_leap, await self.http.paginate("/appointments"))
                if a.id == appointment_id
            ]
            if found:
                return found[0]
        return appointment_from_leap(_record(body or {}, "data", "appointment"))

    # --- money -------------------------------------------------------------------------------
    async def list_invoices(self, job_id: int) -> list[Invoice]:
        raws = await self.http.paginate(f"/jobs/{job_id}/invoices")
        return [invoice_from_leap(r, job_id) for r in raws]

    async def list_payments(self, job_id: int) -> list[Payment]:
        raws = await self.http.paginate(f"/jobs/{job_id}/payment_history")
        return [payment_from_leap(r, job_id) for r in raws]

    async def financial_summary(self, job_id: int) -> FinancialSummary:
        # A TaskGroup, so a job that is missing or not awarded cancels the other two requests.
        try:
            async with asyncio.TaskGroup() as group:
                summary_task = group.create_task(self._financial_summary_raw(job_id))
                invoices_task = group.create_task(self.list_invoices(job_id))
                payments_task = group.create_task(self.list_payments(job_id))
        except ExceptionGroup as failed:
            raise failed.exceptions[0] from None
        summary, invoices, payments = (
            summary_task.result(),
            invoices_task.result(),
            payments_task.result(),
        )
        live = [p for p in payments if not p.canceled]
        return FinancialSummary(
            job_id=job_id,
            contract_amount=_money(summary, "contract_amount", "job_price", "total_job_amount"),
            total_invoiced=_money(summary, "total_invoiced", "invoice_amount")
            if _has(summary, "total_invoiced", "invoice_amount")
            else round(sum(i.total_amount for i in invoices), 2),
            total_paid=_money(summary, "total_paid", "total_received", "received_payment")
            if _has(summary, "total_paid", "total_received", "received_payment")
            else round(sum(p.payment for p in live), 2),
            open_balance=_money(summary, "open_balance", "pending_payment")
            if _has(summary, "open_balance", "pending_payment")
            else round(sum(i.open_balance for i in invoices), 2),
            invoices=invoices,
            payments=payments,
        )

    async def _financial_summary_raw(self, job_id: int) -> JSON:
        """Leap's own summary (field names partly guessed); 412 for a job not yet awarded."""
        body = await self.http.get(f"/jobs/{job_id}/financial_summary")
        data = body.get("data")
        return data if isinstance(data, dict) else body

    async def list_proposals(self, job_id: int | None = None) -> list[Proposal]:
        # GET /proposals is known from third-party clients only: an account without it says so.
        try:
            raws = await self.http.paginate("/proposals", {"job_id": job_id})
        except CRMUnsupported:
            raise CRMUnsupported(
                "Leap's API does not list proposals for this account; open the job in Leap "
                "to see its proposals.",
                service="Leap",
            ) from None
        found = [proposal_from_leap(r) for r in raws]
        return [p for p in found if job_id is None or p.job_id == job_id]


# --- bodies and answers ----------------------------------------------------------------------


def stage_changes_unsupported(job_id: int) -> CRMUnsupported:
    return CRMUnsupported(
        "Leap's API does not expose stage changes for this account (v3 documents no such "
        f"endpoint), so nothing was changed: move job {job_id} to its new stage in Leap itself.",
        service="Leap",
    )


def _maybe_record(body: JSON, *keys: str) -> JSON | None:
    for key in keys:
        value = body.get(key)
        if isinstance(value, dict):
            return value
    return None


def _record(body: JSON, *keys: str) -> JSON:
    for key in keys:
        value = body.get(key)
        if isinstance(value, dict):
            return value
    raise CRMError("Leap answered in an unexpected shape", service="Leap")


def _records(body: JSON) -> list[JSON]:
    data = body.get("data")
    if isinstance(data, list):
        return [d for d in data if isinstance(d, dict)]
    return []


def _customer_body(data: CustomerCreate) -> JSON:
    body = _without_nulls(data.model_dump(mode="json"), keep=("email",))
    body["is_commercial"] = int(bool(data.is_commercial))
    return body


def _without_nulls(body: JSON, keep: Sequence[str] = ()) -> JSON:
    """Optional fields left out rather than sent as null: the doc lists the values Leap
    accepts (a referral type, a rep id, an address object), never null, except the email."""
    out: JSON = {}
    for key, value in body.items():
        if value is None and key not in keep:
            continue
        out[key] = _without_nulls(value) if isinstance(value, dict) else value
    return out


def _as_create(customer: Customer) -> CustomerCreate:
    from harde.crm.models import AddressInput, PhoneInput

    labels = {"home", "cell", "phone", "office", "fax", "other"}
    return CustomerCreate(
        first_name=customer.first_name,
        last_name=customer.last_name,
        email=customer.email,
        additional_emails=list(customer.additional_emails),
        company_name=customer.company_name or "",
        is_commercial=int(customer.is_commercial),
        phones=[
            PhoneInput(
                label=p.label if p.label in labels else "other",
                number=p.number,
                ext=p.ext or "",
            )
            for p in customer.phones
        ],
        address=AddressInput(
            address=customer.address.address,
            address_line_1=customer.address.address_line_1 or "",
            city=customer.address.city,
            state_id=customer.address.state_id,
            country_id=customer.address.country_id or 1,
            zip=customer.address.zip,
        )
        if customer.address
        else None,
        referred_by_type=customer.referred_by_type
        if customer.referred_by_type in {"referral", "customer", "other", "website"}
        else None,
        referred_by_id=customer.referred_by_id,
        referred_by_note=customer.referred_by_note or "",
        rep_id=customer.rep.id if customer.rep else None,
        note=customer.note or "",
    )


def _appointment_body(data: AppointmentCreate | AppointmentUpdate, partial: bool = False) -> JSON:
    raw = data.model_dump(exclude_unset=partial)
    body: JSON = {}
    for key, value in raw.items():
        if value is None and not partial:
            continue
        if isinstance(value, dt.datetime):
            body[key] = value.strftime(LEAP_DATETIME_FORMAT)
        elif isinstance(value, dt.date):
            body[key] = value.isoformat()
        elif isinstance(value, bool):
            body[key] = int(value)
        else:
            body[key] = value
    return body


def _appointment_filters(
    start: dt.datetime | None,
    end: dt.datetime | None,
    customer_id: int | None,
    job_id: int | None,
) -> JSON:
    """UNCONFIRMED filter names for GET /appointments; results are filtered again client-side."""
    return {
        "start_date": start.strftime(LEAP_DATETIME_FORMAT) if start else None,
        "end_date": end.strftime(LEAP_DATETIME_FORMAT) if end else None,
        "customer_id": customer_id,
        "job_id": job_id,
    }


def _same_contact(customer: Customer, email: str | None, digits: str) -> bool:
    if email and email.strip():
        emails = {
            (customer.email or "").casefold(),
            *(e.casefold() for e in customer.additional_emails),
        }
        if email.strip().casefold() in emails:
            return True
    if len(digits) >= 7:
        return any(phone_digits(p.number) == digits for p in customer.phones)
    return False


def _same_person(customer: Customer, data: CustomerCreate) -> bool:
    return (
        customer.first_name.casefold() == data.first_name.casefold()
        and (customer.last_name or "").casefold() == (data.last_name or "").casefold()
    )


def _newest_first(note: Note) -> tuple[float, int]:
    stamp = note.created_at.timestamp() if note.created_at else 0.0
    return (-stamp, -note.id)


def _recent(when: dt.datetime | None, since: dt.datetime) -> bool:
    if when is None:
        return True
    if when.tzinfo is not None:
        when = when.astimezone().replace(tzinfo=None)
    return when >= since - _RECENT


def _in_range(when: dt.datetime | None, start: dt.datetime | None, end: dt.datetime | None) -> bool:
    if when is None:
        return start is None and end is None
    if start is not None and when < start:
        return False
    return end is None or when < end


def _has(body: JSON, *keys: str) -> bool:
    return any(body.get(k) is not None for k in keys)


def _money(body: JSON, *keys: str) -> float:
    for key in keys:
        value = body.get(key)
        if value is not None:
            try:
                return round(float(value), 2)
            except (TypeError, ValueError):
                continue
    return 0.0
