"""Leap v3 JSON <-> CRM models, both ways: the client reads Leap's shapes, the emulator writes them.

Leap nests an included collection as `{"data": [...]}`, an included object as a plain object,
writes booleans as 0/1 and datetimes as `Y-m-d H:i:s`, and includes a state as
`{"id", "name", "code"}`; our models keep the state's code.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from collections.abc import Collection, Mapping
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

from harde.crm.models import (
    LEAP_DATETIME_FORMAT,
    Address,
    Appointment,
    Customer,
    Invoice,
    Job,
    Note,
    Payment,
    Proposal,
    Referral,
    Stage,
    State,
    Trade,
    User,
)

JSON = dict[str, Any]
M = TypeVar("M", bound=BaseModel)

# The includes the client asks for, so every record comes back complete.
CUSTOMER_INCLUDES = ("phones", "address", "rep")
JOB_INCLUDES = (
    "address",
    "reps",
    "estimators",
    "trades",
    "customer",
    "customer.phones",
    "customer.address",
    "customer.rep",
)


# --- reading Leap ----------------------------------------------------------------------------


def unwrap(value: Any) -> Any:
    """Flatten Leap's `{"data": [...]}` include wrappers (at any depth) into plain lists."""
    if isinstance(value, dict):
        if set(value) <= {"data", "meta"} and "data" in value:
            return unwrap(value["data"])
        out = {key: unwrap(item) for key, item in value.items()}
        address = out.get("address")
        if isinstance(address, dict):
            out["address"] = _address_from_leap(address)
        return out
    if isinstance(value, list):
        return [unwrap(item) for item in value]
    return value


def _address_from_leap(raw: JSON) -> JSON:
    state = raw.get("state")
    if isinstance(state, dict):
        raw = {
            **raw,
            "state": state.get("code"),
            "state_id": raw.get("state_id") or state.get("id"),
        }
    return raw


# --- tolerant reading: the doc names fields, not their types or presence --------------------

_NO_DATE = re.compile(r"^0{4}-0{2}-0{2}")
_FALSE_WORDS = {"", "0", "false", "no", "off", "null", "none"}


def _allows_none(annotation: Any) -> bool:
    return (
        annotation is None
        or annotation is type(None)
        or (
            get_origin(annotation) in (Union, types.UnionType)
            and type(None) in get_args(annotation)
        )
    )


def _core(annotation: Any) -> Any:
    """`X | None` -> X."""
    if get_origin(annotation) in (Union, types.UnionType):
        rest = [a for a in get_args(annotation) if a is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def _lenient_value(annotation: Any, value: Any) -> Any:
    """One value coerced toward its field's type where Leap's writing differs from ours."""
    kind = _core(annotation)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return lenient(kind, value) if isinstance(value, dict) else value
    if get_origin(kind) is list:
        (item,) = get_args(kind) or (Any,)
        if isinstance(value, dict):  # an include left wrapped, or a single record
            value = value.get("data", [value])
        if not isinstance(value, list):
            return value
        return [_lenient_value(item, v) for v in value if v is not None]
    if kind is bool:
        # `archived` may be a timestamp; flags may be 0/1, "0"/"1" or words.
        if isinstance(value, str):
            return value.strip().casefold() not in _FALSE_WORDS
        return bool(value)
    if kind is str or get_origin(kind) is Literal:
        return (
            str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value
        )
    if kind is float and isinstance(value, str):
        cleaned = value.replace(",", "").replace("$", "").strip()
        return cleaned or 0.0
    if kind is dt.date and isinstance(value, str):
        if _NO_DATE.match(value):
            return None
        return value.strip()[:10]  # "Y-m-d H:i:s" where a date was expected
    if (
        kind is dt.datetime
        and isinstance(value, str)
        and (_NO_DATE.match(value) or not value.strip())
    ):
        return None
    return value


def lenient(model: type[BaseModel], data: Mapping[str, Any]) -> JSON:
    """`data` made acceptable to `model`: null where our field takes none falls back to the
    default, numbers where we keep text become text, flags and dates read loosely."""
    out: JSON = dict(data)
    for name, field in model.model_fields.items():
        if name not in out:
            continue
        value = _lenient_value(field.annotation, out[name])
        if value is None and not _allows_none(field.annotation) and not field.is_required():
            out.pop(name)
        else:
            out[name] = value
    return out


def read(model: type[M], raw: Mapping[str, Any]) -> M:
    """One Leap record as `model`, after `unwrap` and `lenient`."""
    data = unwrap(dict(raw))
    return model.model_validate(lenient(model, data) if isinstance(data, dict) else data)


def customer_from_leap(raw: Mapping[str, Any]) -> Customer:
    return read(Customer, raw)


def job_from_leap(raw: Mapping[str, Any]) -> Job:
    return read(Job, raw)


def note_from_leap(raw: Mapping[str, Any], job_id: int | None = None) -> Note:
    data = unwrap(dict(raw))
    if job_id is not None and not data.get("job_id"):
        data["job_id"] = job_id
    return read(Note, data)


def appointment_from_leap(raw: Mapping[str, Any]) -> Appointment:
    data = unwrap(dict(raw))
    for key in ("attendees_ids", "job_ids"):
        if isinstance(data.get(key), str):  # "3,7" in some answers
            data[key] = [int(x) for x in data[key].split(",") if x.strip()]
    if not data.get("attendees_ids") and isinstance(data.get("attendees"), list):
        data["attendees_ids"] = [
            a["id"] if isinstance(a, dict) else int(a) for a in data["attendees"]
        ]
    if not data.get("job_ids") and isinstance(data.get("jobs"), list):
        data["job_ids"] = [j["id"] for j in data["jobs"] if isinstance(j, dict) and "id" in j]
    return read(Appointment, data)


def stage_from_leap(raw: Mapping[str, Any]) -> Stage:
    return read(Stage, raw)


def user_from_leap(raw: Mapping[str, Any]) -> User:
    return read(User, raw)


def trade_from_leap(raw: Mapping[str, Any]) -> Trade:
    return read(Trade, raw)


def referral_from_leap(raw: Mapping[str, Any]) -> Referral:
    return read(Referral, raw)


def state_from_leap(raw: Mapping[str, Any]) -> State:
    return read(State, raw)


def invoice_from_leap(raw: Mapping[str, Any], job_id: int) -> Invoice:
    data = unwrap(dict(raw))
    if data.get("job_id") is None:
        data["job_id"] = job_id
    return read(Invoice, data)


def payment_from_leap(raw: Mapping[str, Any], job_id: int) -> Payment:
    data = unwrap(dict(raw))
    if data.get("job_id") is None:
        data["job_id"] = job_id
    return read(Payment, data)


def proposal_from_leap(raw: Mapping[str, Any]) -> Proposal:
    data = unwrap(dict(raw))
    if not data.get("title") and data.get("name"):
        data["title"] = data["name"]
    return read(Proposal, data)


# --- writing Leap (the emulator's answers) --------------------------------------------------


def leap_datetime(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.strftime(LEAP_DATETIME_FORMAT)


def leap_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _collection(items: list[JSON]) -> JSON:
    return {"data": items}


def user_to_leap(user: User) -> JSON:
    return {
        "id": user.id,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "full_name": user.full_name,
        "email": user.email,
        "active": int(user.active),
        "color": user.color,
        "title": user.title,
    }


def address_to_leap(address: Address, states: Mapping[int, State] | None = None) -> JSON:
    state = (states or {}).get(address.state_id or -1)
    state_obj: JSON | None = None
    if state is not None:
        state_obj = {"id": state.id, "name": state.name, "code": state.code}
    elif address.state:
        state_obj = {"id": address.state_id, "name": address.state, "code": address.state}
    return {
        "address": address.address,
        "address_line_1": address.address_line_1 or "",
        "city": address.city,
        "state_id": address.state_id
        if address.state_id is not None
        else (state_obj or {}).get("id"),
        "state": state_obj,
        "country_id": address.country_id,
        "zip": address.zip,
    }


def customer_to_leap(
    customer: Customer,
    includes: Collection[str] = (),
    states: Mapping[int, State] | None = None,
) -> JSON:
    out: JSON = {
        "id": customer.id,
        "first_name": customer.first_name,
        "last_name": customer.last_name,
        "full_name": customer.full_name,
        "company_name": customer.company_name or "",
        "email": customer.email,
        "additional_emails": list(customer.additional_emails),
        "referred_by_type": customer.referred_by_type,
        "referred_by_id": customer.referred_by_id,
        "referred_by_note": customer.referred_by_note,
        "note": customer.note or "",
        "is_commercial": int(customer.is_commercial),
        "created_at": leap_datetime(customer.created_at),
        "updated_at": leap_datetime(customer.updated_at),
    }
    if "phones" in includes:
        out["phones"] = _collection([p.model_dump() for p in customer.phones])
    if "address" in includes:
        out["address"] = address_to_leap(customer.address, states) if customer.address else None
    if "rep" in includes:
        out["rep"] = user_to_leap(customer.rep) if customer.rep else None
    return out


def trade_to_leap(trade: Trade) -> JSON:
    return {"id": trade.id, "name": trade.name, "color": trade.color}


def job_to_leap(
    job: Job,
    includes: Collection[str] = (),
    states: Mapping[int, State] | None = None,
) -> JSON:
    out: JSON = {
        "id": job.id,
        "number": job.number,
        "name": job.name,
        "customer_id": job.customer_id,
        "description": job.description or "",
        "current_stage": job.current_stage.model_dump(),
        "created_at": leap_datetime(job.created_at),
        "updated_at": leap_datetime(job.updated_at),
        "archived": int(job.archived),
        "awarded_date": leap_date(job.awarded_date),
        "completion_date": leap_date(job.completion_date),
        "contract_signed_date": leap_date(job.contract_signed_date),
        "other_trade_type_description": job.other_trade_type_description,
    }
    if "address" in includes:
        out["address"] = address_to_leap(job.address, states) if job.address else None
    if "reps" in includes:
        out["reps"] = _collection([user_to_leap(u) for u in job.reps])
    if "estimators" in includes:
        out["estimators"] = _collection([user_to_leap(u) for u in job.estimators])
    if "trades" in includes:
        out["trades"] = _collection([trade_to_leap(t) for t in job.trades])
    if "customer" in includes:
        nested = {i.split(".", 1)[1] for i in includes if i.startswith("customer.")}
        out["customer"] = (
            customer_to_leap(job.customer, nested, states) if job.customer is not None else None
        )
    return out


def note_to_leap(note: Note) -> JSON:
    return {
        "id": note.id,
        "job_id": note.job_id,
        "note": note.note,
        "stage_code": note.stage_code,
        "created_at": leap_datetime(note.created_at),
        "updated_at": leap_datetime(note.updated_at),
        "created_by": user_to_leap(note.created_by) if note.created_by else None,
    }


def stage_to_leap(stage: Stage) -> JSON:
    return {
        "id": stage.id,
        "code": stage.code,
        "name": stage.name,
        "color": stage.color,
        "position": stage.position,
        "workflow_id": stage.workflow_id,
        "locked": int(stage.locked),
    }


def appointment_to_leap(appointment: Appointment) -> JSON:
    return {
        "id": appointment.id,
        "title": appointment.title,
        "description": appointment.description or "",
        "start_date_time": leap_datetime(appointment.start_date_time),
        "end_date_time": leap_datetime(appointment.end_date_time),
        "full_day": int(appointment.full_day),
        "date": leap_date(appointment.date),
        "location": appointment.location or "",
        "customer_id": appointment.customer_id,
        "user_id": appointment.user_id,
        "attendees_ids": list(appointment.attendees_ids),
        "job_ids": list(appointment.job_ids),
        "is_completed": int(appointment.is_completed),
    }


def invoice_to_leap(invoice: Invoice) -> JSON:
    out = invoice.model_dump(mode="json")
    return out


def payment_to_leap(payment: Payment) -> JSON:
    out = payment.model_dump(mode="json")
    out["canceled"] = int(payment.canceled)
    return out


def proposal_to_leap(proposal: Proposal) -> JSON:
    out = proposal.model_dump(mode="json")
    out["name"] = proposal.title
    out["created_at"] = leap_datetime(proposal.created_at)
    out["sent_at"] = leap_datetime(proposal.sent_at)
    return out


def state_to_leap(state: State) -> JSON:
    return state.model_dump()
