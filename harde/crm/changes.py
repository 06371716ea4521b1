"""CRM writes as concrete proposals, and carrying them out once the user has said yes.

Each `plan_*` resolves the user's words (job, stage, people, date and time) into exact ids
and returns a `ProposedChange` (a summary to show and the payload to run) or a `Problem`
saying what is unclear. `apply_change` runs a confirmed payload against the CRM.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from harde.crm.directory import directory_for
from harde.crm.errors import CRMNotFound
from harde.crm.mentions import encode_mentions, resolve_mentions
from harde.crm.models import (
    AppointmentCreate,
    AppointmentUpdate,
    Job,
    JobCreate,
    PhoneInput,
    ProspectCreate,
    ProspectJob,
    User,
)
from harde.crm.protocol import CRM
from harde.crm.render import appointment_line
from harde.crm.search import TRADE_WORDS
from harde.crm.when import describe, describe_time


@dataclass(frozen=True)
class ProposedChange:
    kind: str
    summary: str
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """Why a write cannot be proposed yet; the text asks for what is missing."""

    text: str


Plan = ProposedChange | Problem


async def _get_job(crm: CRM, job_id: int) -> Job | Problem:
    try:
        return await crm.get_job(job_id)
    except CRMNotFound:
        return Problem(f"I don't have a job {job_id}; nothing was changed.")


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _job_label(job: Any) -> str:
    owner = f", {job.customer.full_name}" if job.customer is not None else ""
    return f"job {job.id} ({job.name or job.trade_names}{owner})"


# --- notes -----------------------------------------------------------------------------------


async def plan_add_note(crm: CRM, job_id: int, note: str) -> Plan:
    note = note.strip()
    if not note:
        return Problem("What should the note say?")
    job = await _get_job(crm, job_id)
    if isinstance(job, Problem):
        return job
    users = await directory_for(crm).users()
    mentions = resolve_mentions(note, users)
    if not mentions.complete:
        return Problem(
            "I have not added the note yet:\n" + "\n".join(f"- {p}" for p in mentions.problems())
        )
    text = encode_mentions(note, mentions)
    mentioned = [m.user for m in mentions.resolved if m.user is not None]
    summary = f"Add this note to {_job_label(job)}:\n\n> {text}"
    if mentioned:
        summary += "\n\nMentions: " + ", ".join(u.full_name for u in mentioned)
    return ProposedChange(
        "crm_add_note",
        summary,
        {"job_id": job.id, "note": text, "mention_user_ids": [u.id for u in mentioned]},
    )


async def plan_update_note(crm: CRM, note_id: int, note: str) -> Plan:
    note = note.strip()
    if not note:
        return Problem("What should the note say now?")
    users = await directory_for(crm).users()
    mentions = resolve_mentions(note, users)
    if not mentions.complete:
        return Problem(
            "I have not changed the note yet:\n" + "\n".join(f"- {p}" for p in mentions.problems())
        )
    text = encode_mentions(note, mentions)
    return ProposedChange(
        "crm_update_note",
        f"Change note {note_id} to:\n\n> {text}",
        {"note_id": note_id, "note": text},
    )


# --- stages ----------------------------------------------------------------------------------


async def plan_change_stage(crm: CRM, job_id: int, stage: str) -> Plan:
    job = await _get_job(crm, job_id)
    if isinstance(job, Problem):
        return job
    directory = directory_for(crm)
    stages = await directory.stages()
    resolution = await directory.resolve_stage(stage)
    if resolution.stage is None:
        return Problem(resolution.problem(stages))
    target = resolution.stage
    current = job.current_stage
    if current.code == target.code:
        return Problem(
            f"{_sentence(_job_label(job))} is already in **{target.name}**; nothing to change."
        )
    return ProposedChange(
        "crm_change_stage",
        f"Move {_job_label(job)} from **{current.name}** to **{target.name}**.",
        {
            "job_id": job.id,
            "stage_code": target.code,
            "stage_name": target.name,
            "from": current.name,
        },
    )


# --- appointments ----------------------------------------------------------------------------


def _find_user(name: str, users: list[User]) -> User | list[User] | None:
    key = " ".join(name.casefold().split())
    exact = [u for u in users if u.full_name.casefold() == key]
    if exact:
        return exact[0]
    partial = [u for u in users if key in (u.first_name.casefold(), u.last_name.casefold())]
    if len(partial) == 1:
        return partial[0]
    return partial or None


async def plan_create_appointment(
    crm: CRM,
    *,
    job_id: int,
    title: str,
    start: dt.datetime,
    now: dt.datetime,
    duration_minutes: int = 60,
    assignee: str = "",
    description: str = "",
) -> Plan:
    if start <= now:
        return Problem(f"{describe(start)} is in the past. When should it be?")
    found = await _get_job(crm, job_id)
    if isinstance(found, Problem):
        return found
    job: Job | None = found
    customer = found.customer or await crm.get_customer(found.customer_id)
    moment_at = start
    users = await directory_for(crm).users()
    user: User | None = None
    if assignee.strip():
        person = _find_user(assignee.strip().lstrip("@"), users)
        if person is None:
            return Problem(f"{assignee} is not a user in the CRM.")
        if isinstance(person, list):
            return Problem(f"Which {assignee}: " + " or ".join(u.full_name for u in person) + "?")
        user = person
    elif job is not None and job.reps:
        user = job.reps[0]
    elif customer is not None and customer.rep is not None:
        user = customer.rep
    title = title.strip() or "Appointment"
    title = title[:1].upper() + title[1:]
    end = moment_at + dt.timedelta(minutes=duration_minutes)
    address = (
        job.address if job is not None and job.address else (customer.address if customer else None)
    )
    location = address.one_line if address else ""
    body = AppointmentCreate(
        title=title,
        start_date_time=moment_at,
        end_date_time=end,
        description=description
        or (f"{job.name} ({customer.full_name})" if job and customer else ""),
        location=location,
        customer_id=customer.id if customer else None,
        user_id=user.id if user else None,
        attendees=[user.id] if user else [],
        job_ids=[job.id] if job else [],
    )
    who_text = customer.full_name if customer else f"job {job_id}"
    if job is not None:
        who_text += f" (job {job.id}, {job.name or job.trade_names})"
    summary = (
        f"Book **{title}** with {who_text} on **{describe(moment_at)}–{describe_time(end.time())}**"
        + (f" at {location}" if location else "")
        + (f", assigned to {user.full_name}" if user else "")
        + "."
    )
    return ProposedChange("crm_create_appointment", summary, body.model_dump(mode="json"))


async def plan_update_appointment(
    crm: CRM,
    *,
    now: dt.datetime,
    appointment_id: int | None = None,
    job_id: int | None = None,
    kind: str = "",
    start: dt.datetime | None = None,
    day: dt.date | None = None,
    title: str = "",
    completed: bool | None = None,
    shift_minutes: int = 0,
    time_of_day: dt.time | None = None,
) -> Plan:
    """Change one appointment: by id, or the job's next one (of `kind`, e.g. "inspection").
    `time_of_day` moves it to that time on its own day (or on `day`); `shift_minutes` moves it
    by so much (negative: earlier) when no new start, day or time is given."""
    if appointment_id is not None:
        items = await crm.list_appointments()
        target = next((a for a in items if a.id == appointment_id), None)
        if target is None:
            return Problem(f"There is no appointment {appointment_id} in the CRM.")
    elif job_id is not None:
        job = await _get_job(crm, job_id)
        if isinstance(job, Problem):
            return job
        items = await crm.list_appointments(job_id=job_id)
        upcoming = [
            a for a in items
            if not a.is_completed and (not kind or kind.casefold() in a.title.casefold())
            and (completed or (a.starts is not None and a.starts >= now))
        ]
        if not upcoming:
            what = f"{kind} appointment" if kind else "upcoming appointment"
            return Problem(f"{_sentence(_job_label(job))} has no {what} to change.")
        if len(upcoming) > 1:
            lines = [f"{_sentence(_job_label(job))} has {len(upcoming)} such appointments. Which one?"]
            lines.extend(f"- {appointment_line(a)}" for a in upcoming)
            return Problem("\n".join(lines))
        target = upcoming[0]
    else:
        return Problem("Which appointment? Give me the job or the appointment number.")
    changes: dict[str, Any] = {}
    said: list[str] = []
    if start is None and time_of_day is not None:
        start = dt.datetime.combine(day or (target.starts or now).date(), time_of_day)
    if start is not None or day is not None or (shift_minutes and target.starts is not None):
        current = target.starts or now
        if start is None and day is None:
            start = current + dt.timedelta(minutes=shift_minutes)
        new_start = start if start is not None else dt.datetime.combine(day or now.date(), current.time())
        if new_start <= now:
            return Problem(f"{describe(new_start)} is in the past. When should it be?")
        changes["start_date_time"] = new_start
        if target.start_date_time and target.end_date_time:
            changes["end_date_time"] = new_start + (target.end_date_time - target.start_date_time)
        said.append(f"move it to **{describe(new_start)}**")
    if title.strip():
        changes["title"] = title.strip()
        said.append(f"rename it **{title.strip()}**")
    if completed is not None:
        changes["is_completed"] = completed
        said.append("mark it done" if completed else "mark it not done")
    if not changes:
        return Problem(
            "What should change on the appointment: the time, the title, or mark it done?"
        )
    body = AppointmentUpdate(**changes)
    summary = (
        f"Change appointment {target.id} (“{target.title}”, {describe(target.starts) if target.starts else 'no date'}): "
        + ", ".join(said)
        + "."
    )
    return ProposedChange(
        "crm_update_appointment",
        summary,
        {"appointment_id": target.id, "changes": body.model_dump(mode="json", exclude_unset=True)},
    )


# --- jobs and prospects ----------------------------------------------------------------------


async def _trade_ids(crm: CRM, words: str | list[str]) -> list[int] | str:
    trades = await directory_for(crm).trades()
    wanted: list[int] = []
    said = words if isinstance(words, list) else words.replace("&", ",").replace(" and ", ",").split(",")
    for raw in said:
        word = raw.strip().casefold()
        if not word:
            continue
        word = TRADE_WORDS.get(word, word)
        hits = [
            t for t in trades if t.name.casefold() == word or t.name.casefold().startswith(word)
        ]
        if not hits:
            names = ", ".join(t.name for t in trades)
            return f"“{raw.strip()}” is not one of the company's trades ({names})."
        wanted.append(hits[0].id)
    return wanted or "Which trade is the job for (roofing, siding, gutters, windows…)?"


async def plan_create_job(crm: CRM, *, customer_id: int, trades: list[str], description: str) -> Plan:
    try:
        customer = await crm.get_customer(customer_id)
    except CRMNotFound:
        return Problem(f"I don't have a customer {customer_id}; nothing was changed.")
    trade_ids = await _trade_ids(crm, trades)
    if isinstance(trade_ids, str):
        return Problem(trade_ids)
    if not description.strip():
        return Problem("What is the job's scope (a short description)?")
    names = {t.id: t.name for t in await directory_for(crm).trades()}
    body = JobCreate(customer_id=customer.id, trades=trade_ids, description=description.strip())
    summary = (
        f"Create a {' + '.join(names[t] for t in trade_ids)} job for **{customer.full_name}**: "
        f"{description.strip()}"
    )
    return ProposedChange("crm_create_job", summary, body.model_dump(mode="json"))


async def plan_create_prospect(
    crm: CRM,
    *,
    first_name: str,
    last_name: str,
    phone: str,
    email: str = "",
    street: str = "",
    city: str = "",
    state: str = "MA",
    zip_code: str = "",
    trades: str = "",
    description: str = "",
) -> Plan:
    missing = [
        label
        for label, value in (("first name", first_name), ("last name", last_name), ("phone", phone))
        if not value.strip()
    ]
    if missing:
        return Problem("To add the prospect I still need: " + ", ".join(missing) + ".")
    duplicates = await crm.find_duplicate_customers(email=email or None, phone=phone)
    if duplicates:
        names = ", ".join(f"{c.full_name} (customer {c.id})" for c in duplicates)
        return Problem(
            f"That phone or email already belongs to {names}. Use the existing customer instead."
        )
    address = None
    if street or city or zip_code:
        states = await crm.list_states(1)
        state_id = next(
            (
                s.id
                for s in states
                if s.code.casefold() == state.strip().casefold()
                or s.name.casefold() == state.strip().casefold()
            ),
            None,
        )
        if state_id is None:
            return Problem(f"“{state}” is not a US state I know.")
        address = {"address": street, "city": city, "state_id": state_id, "zip": zip_code}
    job = None
    if trades.strip():
        trade_ids = await _trade_ids(crm, trades)
        if isinstance(trade_ids, str):
            return Problem(trade_ids)
        job = ProspectJob(
            trades=trade_ids,
            description=description.strip() or f"{trades.strip().capitalize()} lead",
        )
    body = ProspectCreate(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip() or None,
        phones=[PhoneInput(label="cell", number=phone)],
        address=address,
        job=job,
    )
    summary = f"Add prospect **{first_name.strip()} {last_name.strip()}**, phone {phone}" + (
        f", {email}" if email else ""
    )
    if address:
        summary += f", {street}, {city}, {state} {zip_code}".rstrip(", ")
    if job is not None:
        summary += f", with a {trades.strip()} job: {job.description}"
    return ProposedChange("crm_create_prospect", summary + ".", body.model_dump(mode="json"))


# --- carrying out a confirmed change -------------------------------------------------------


async def apply_change(crm: CRM, kind: str, payload: dict[str, Any]) -> str:
    """Run a confirmed change; CRM errors propagate (the confirmation layer reports them)."""
    if kind == "crm_add_note":
        note = await crm.add_note(payload["job_id"], payload["note"])
        return f"Done: note {note.id} added to job {payload['job_id']}."
    if kind == "crm_update_note":
        await crm.update_note(payload["note_id"], payload["note"])
        return f"Done: note {payload['note_id']} updated."
    if kind == "crm_change_stage":
        job = await crm.change_stage(payload["job_id"], payload["stage_code"])
        return f"Done: job {job.id} ({job.name}) moved from {payload['from']} to **{job.current_stage.name}**."
    if kind == "crm_create_appointment":
        appointment = await crm.create_appointment(AppointmentCreate.model_validate(payload))
        when = describe(appointment.starts) if appointment.starts else ""
        return f"Done: **{appointment.title}** booked for {when} (appointment {appointment.id})."
    if kind == "crm_update_appointment":
        appointment = await crm.update_appointment(
            payload["appointment_id"], AppointmentUpdate.model_validate(payload["changes"])
        )
        when = describe(appointment.starts) if appointment.starts else ""
        if payload["changes"].get("is_completed") and "start_date_time" not in payload["changes"]:
            return f"Done: appointment {appointment.id} (“{appointment.title}”, {when}) is marked done."
        return f"Done: appointment {appointment.id} (“{appointment.title}”) is now {when}."
    if kind == "crm_create_job":
        job = await crm.create_job(JobCreate.model_validate(payload))
        return f"Done: job {job.id} ({job.name}) created in **{job.current_stage.name}**."
    if kind == "crm_create_prospect":
        result = await crm.create_prospect(ProspectCreate.model_validate(payload))
        jobs = f" with job {', '.join(str(j) for j in result.job_ids)}" if result.job_ids else ""
        return f"Done: {result.customer.full_name} added as customer {result.customer.id}{jobs}."
    raise KeyError(f"unknown CRM change {kind!r}")


CHANGE_KINDS = (
    "crm_add_note",
    "crm_update_note",
    "crm_change_stage",
    "crm_create_appointment",
    "crm_update_appointment",
    "crm_create_job",
    "crm_create_prospect",
)
