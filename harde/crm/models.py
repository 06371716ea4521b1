"""CRM records shaped after Leap v3: field names and ids as Leap writes them.

Both backends (the local SQLite CRM and the Leap HTTP client) return these, so tools never
see which one answered.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PhoneLabel = Literal["home", "cell", "phone", "office", "fax", "other"]
ReferredByType = Literal["referral", "customer", "other", "website"]


class LeapModel(BaseModel):
    """Base for records read from a CRM: unknown fields from Leap are kept, not rejected."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class Phone(LeapModel):
    label: str = "cell"
    number: str
    ext: str | None = ""

    @property
    def digits(self) -> str:
        return "".join(ch for ch in self.number if ch.isdigit())

    @property
    def display(self) -> str:
        d = self.digits
        if len(d) == 11 and d.startswith("1"):
            d = d[1:]
        if len(d) == 10:
            return f"({d[:3]}) {d[3:6]}-{d[6:]}"
        return self.number


class Address(LeapModel):
    address: str = ""
    address_line_1: str | None = ""
    city: str = ""
    state_id: int | None = None
    # Two-letter code; Leap includes `state {id, name, code}`, we keep the code only.
    state: str | None = None
    country_id: int | None = 1
    zip: str = ""

    @property
    def one_line(self) -> str:
        street = ", ".join(p for p in (self.address, self.address_line_1 or "") if p)
        region = " ".join(p for p in (self.state or "", self.zip) if p)
        return ", ".join(p for p in (street, self.city, region) if p)


class User(LeapModel):
    id: int
    first_name: str
    last_name: str = ""
    email: str | None = None
    active: bool = True
    color: str | None = None
    # Not a Leap field on /company/users; the demo CRM sets it ("Sales Rep", "Estimator").
    title: str | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Trade(LeapModel):
    id: int
    name: str
    color: str | None = None


class Stage(LeapModel):
    id: int | None = None
    code: str
    name: str
    color: str | None = None
    position: int = 0
    workflow_id: int | None = None
    locked: bool = False


class State(LeapModel):
    """A state or province as Leap numbers it (`GET /countries/{id}/states`); MA is 21 in Leap."""

    id: int
    name: str
    code: str
    country_id: int = 1


class CurrentStage(LeapModel):
    """A job's `current_stage`; Leap answers name "Unknown" and code null for a stage it lost."""

    name: str = "Unknown"
    color: str | None = "black"
    code: str | None = None


class Referral(LeapModel):
    id: int
    name: str


class Customer(LeapModel):
    id: int
    first_name: str
    last_name: str = ""
    company_name: str | None = ""
    email: str | None = None
    additional_emails: list[str] = Field(default_factory=list)
    referred_by_type: str | None = None
    referred_by_id: int | None = None
    referred_by_note: str | None = None
    note: str | None = ""
    is_commercial: bool = False
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    phones: list[Phone] = Field(default_factory=list)
    address: Address | None = None
    rep: User | None = None

    @property
    def full_name(self) -> str:
        if self.is_commercial and self.company_name:
            return self.company_name
        return f"{self.first_name} {self.last_name}".strip()


class Job(LeapModel):
    id: int
    number: str = ""
    name: str = ""
    customer_id: int
    description: str | None = ""
    current_stage: CurrentStage = Field(default_factory=CurrentStage)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    archived: bool = False
    awarded_date: dt.date | None = None
    completion_date: dt.date | None = None
    contract_signed_date: dt.date | None = None
    address: Address | None = None
    reps: list[User] = Field(default_factory=list)
    estimators: list[User] = Field(default_factory=list)
    customer: Customer | None = None
    trades: list[Trade] = Field(default_factory=list)
    other_trade_type_description: str | None = None

    @property
    def trade_names(self) -> str:
        return ", ".join(t.name for t in self.trades) or "—"

    @property
    def title(self) -> str:
        """How people name a job: "Job 1043 · Murphy windows" (the id; the number is shown apart)."""
        label = self.name or self.trade_names
        return f"Job {self.id} · {label}"


class Note(LeapModel):
    id: int
    job_id: int | None = None
    note: str
    stage_code: str | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    created_by: User | None = None


class Appointment(LeapModel):
    id: int
    title: str
    description: str | None = ""
    start_date_time: dt.datetime | None = None
    end_date_time: dt.datetime | None = None
    full_day: bool = False
    date: dt.date | None = None
    location: str | None = ""
    customer_id: int | None = None
    user_id: int | None = None
    attendees_ids: list[int] = Field(default_factory=list)
    job_ids: list[int] = Field(default_factory=list)
    is_completed: bool = False

    @property
    def starts(self) -> dt.datetime | None:
        if self.start_date_time is not None:
            return self.start_date_time
        if self.date is not None:
            return dt.datetime(self.date.year, self.date.month, self.date.day)
        return None


class Invoice(LeapModel):
    id: int
    job_id: int
    invoice_number: str = ""
    title: str = ""
    amount: float = 0.0
    total_amount: float = 0.0
    open_balance: float = 0.0
    status: str = "open"
    due_date: dt.date | None = None
    date: dt.date | None = None


class Payment(LeapModel):
    id: int
    job_id: int
    method: str = ""
    payment: float = 0.0
    status: str = "completed"
    date: dt.date | None = None
    canceled: bool = False


class Proposal(LeapModel):
    id: int
    job_id: int | None = None
    title: str = ""
    status: str = "draft"
    total_amount: float | None = None
    created_at: dt.datetime | None = None
    sent_at: dt.datetime | None = None


class FinancialSummary(LeapModel):
    """Money on one job. `open_balance` is what the homeowner still owes on invoices."""

    job_id: int
    contract_amount: float = 0.0
    total_invoiced: float = 0.0
    total_paid: float = 0.0
    open_balance: float = 0.0
    invoices: list[Invoice] = Field(default_factory=list)
    payments: list[Payment] = Field(default_factory=list)


# --- input models (the bodies Leap accepts) --------------------------------------------------


class InputModel(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class CustomerQuery(InputModel):
    """What to look customers up by. The identifiers (email, phone, job number) are matched
    exactly and win; the name (full, first or last, typos tolerated) is searched only when no
    identifier is given or none matches. An empty query matches everyone."""

    name: str = ""
    email: str = ""
    phone: str = Field("", description="Any format; compared on its digits.")
    job_number: str = Field("", description='The job\'s id or number: "1043", "2609-1043".')

    def is_empty(self) -> bool:
        return not any(v.strip() for v in (self.name, self.email, self.phone, self.job_number))

    def describe(self) -> str:
        """The query as the user gave it, for "No customer matches …"."""
        return next((v.strip() for v in (self.job_number, self.phone, self.email, self.name) if v.strip()), "")


class PhoneInput(InputModel):
    label: PhoneLabel = "cell"
    number: str
    ext: str = ""


class AddressInput(InputModel):
    address: str = ""
    address_line_1: str = ""
    city: str = ""
    state_id: int | None = None
    country_id: int = 1
    zip: str = ""


class CustomerCreate(InputModel):
    first_name: str
    last_name: str = ""
    email: str | None = None
    additional_emails: list[str] = Field(default_factory=list)
    company_name: str = ""
    is_commercial: int = 0
    phones: list[PhoneInput] = Field(default_factory=list)
    address: AddressInput | None = None
    billing: dict[str, int] = Field(default_factory=lambda: {"same_as_customer_address": 1})
    referred_by_type: ReferredByType | None = None
    referred_by_id: int | None = None
    referred_by_note: str = ""
    rep_id: int | None = None
    note: str = ""


class CustomerUpdate(InputModel):
    """A partial customer update: only the fields set are changed."""

    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    additional_emails: list[str] | None = None
    company_name: str | None = None
    phones: list[PhoneInput] | None = None
    address: AddressInput | None = None
    referred_by_type: ReferredByType | None = None
    referred_by_id: int | None = None
    referred_by_note: str | None = None
    rep_id: int | None = None
    note: str | None = None


class JobCreate(InputModel):
    customer_id: int
    trades: list[int]
    description: str
    name: str = ""
    rep_ids: list[int] = Field(default_factory=list)
    estimator_ids: list[int] = Field(default_factory=list)
    same_as_customer_address: int = 1
    address: AddressInput | None = None
    other_trade_type_description: str = ""


class ProspectJob(InputModel):
    """The optional job inside POST /prospects (no customer_id: the customer is new)."""

    trades: list[int]
    description: str
    name: str = ""
    rep_ids: list[int] = Field(default_factory=list)
    estimator_ids: list[int] = Field(default_factory=list)
    same_as_customer_address: int = 1


class ProspectCreate(CustomerCreate):
    job: ProspectJob | None = None


class ProspectResult(LeapModel):
    customer: Customer
    job_ids: list[int] = Field(default_factory=list)
    first_stage_code: str | None = None


class AppointmentCreate(InputModel):
    title: str
    start_date_time: dt.datetime | None = None
    end_date_time: dt.datetime | None = None
    full_day: int = 0
    date: dt.date | None = None
    description: str = ""
    location: str = ""
    customer_id: int | None = None
    user_id: int | None = None
    attendees: list[int] = Field(default_factory=list)
    job_ids: list[int] = Field(default_factory=list)


class AppointmentUpdate(InputModel):
    """A partial appointment update: only the fields set are changed."""

    title: str | None = None
    start_date_time: dt.datetime | None = None
    end_date_time: dt.datetime | None = None
    full_day: int | None = None
    date: dt.date | None = None
    description: str | None = None
    location: str | None = None
    user_id: int | None = None
    attendees: list[int] | None = None
    job_ids: list[int] | None = None
    is_completed: bool | None = None


LEAP_DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
