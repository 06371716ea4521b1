"""The CRM interface: what tools, the pipeline and the emulator may ask of a CRM.

Implemented by `LocalCRM` (SQLite, harde.integrations.crm.local) and `LeapCRM` (Leap v3
over HTTP, harde.integrations.crm.leap). Missing records raise `CRMNotFound`; rejected
input raises `CRMValidationError` (see harde.crm.errors).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from harde.crm.models import (
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


@runtime_checkable
class CRM(Protocol):
    # --- customers ---------------------------------------------------------------------
    async def list_customers(self, limit: int = 10_000) -> list[Customer]:
        """Every customer (up to `limit`), by id: the directory names are linked against."""
        ...

    async def search_customers(self, query: CustomerQuery, limit: int = 10) -> list[Customer]:
        """Customers matching the query, best first; everyone (by name) for an empty query."""
        ...

    async def get_customer(self, customer_id: int) -> Customer: ...

    async def find_duplicate_customers(
        self, *, email: str | None = None, phone: str | None = None
    ) -> list[Customer]:
        """Existing customers with exactly this email (case-insensitive) or phone (digits)."""
        ...

    async def create_customer(self, data: CustomerCreate) -> Customer: ...

    async def update_customer(self, customer_id: int, data: CustomerUpdate) -> Customer: ...

    # --- jobs ----------------------------------------------------------------------------
    async def list_jobs(
        self,
        *,
        customer_id: int | None = None,
        stage_codes: Sequence[str] | None = None,
        trade_ids: Sequence[int] | None = None,
        job_number: str | None = None,
        limit: int = 50,
    ) -> list[Job]:
        """Jobs matching every filter given, newest first, with customer, trades and reps included."""
        ...

    async def get_job(self, job_id: int) -> Job: ...

    async def create_job(self, data: JobCreate) -> Job: ...

    async def create_prospect(self, data: ProspectCreate) -> ProspectResult: ...

    # --- notes and stages ------------------------------------------------------------------
    async def list_notes(self, job_id: int) -> list[Note]:
        """A job's notes, newest first."""
        ...

    async def add_note(self, job_id: int, text: str, stage_code: str | None = None) -> Note: ...

    async def update_note(self, note_id: int, text: str) -> Note: ...

    async def change_stage(self, job_id: int, stage_code: str) -> Job: ...

    async def list_stages(self) -> list[Stage]:
        """The company's workflow stages in workflow order."""
        ...

    # --- company lists -------------------------------------------------------------------
    async def list_trades(self) -> list[Trade]: ...

    async def list_users(self) -> list[User]: ...

    async def list_referrals(self) -> list[Referral]: ...

    async def list_states(self, country_id: int = 1) -> list[State]:
        """States of a country with the CRM's own ids (Leap: MA is 21), for `AddressInput.state_id`."""
        ...

    # --- appointments --------------------------------------------------------------------
    async def list_appointments(
        self,
        *,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
        customer_id: int | None = None,
        job_id: int | None = None,
    ) -> list[Appointment]:
        """Appointments starting in [start, end), soonest first."""
        ...

    async def create_appointment(self, data: AppointmentCreate) -> Appointment: ...

    async def update_appointment(
        self, appointment_id: int, data: AppointmentUpdate
    ) -> Appointment: ...

    # --- money ---------------------------------------------------------------------------
    async def list_invoices(self, job_id: int) -> list[Invoice]: ...

    async def list_payments(self, job_id: int) -> list[Payment]: ...

    async def financial_summary(self, job_id: int) -> FinancialSummary: ...

    async def list_proposals(self, job_id: int | None = None) -> list[Proposal]: ...

    async def aclose(self) -> None: ...
