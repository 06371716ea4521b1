"""A long paste read for what it is (an email, call notes) and what can be done with it.

The rep pasted a page of text without saying what to do with it. This reading says whether it
looks like an email or notes, and offers the requests that would act on it: a note on the job
it is about, or a new customer taken down from the contact details in it. Each offer is a
request in the rep's words, sent as their own message when they pick it, so it goes through
the reader, the typed tools and the approval like anything typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, Protocol

from harde.understanding.directory import Directory
from harde.understanding.memory import Focus
from harde.understanding.slots import normalise

# A message this long, with no request of its own, is a paste.
LONG_PASTE_CHARS = 800
# Intents that already say what to do with the text: nothing to offer.
PASTE_HANDLED = frozenset({"crm.add_note", "new_clients", "crm.create_job", "scripting"})
# How much of a paste a note carries (the reader takes a note's words from its first 4,000).
NOTE_CHARS = 3000
# The head of a paste that is read for its shape and what it names.
READ_CHARS = 4000

_HEADER = re.compile(r"^(from|to|cc|sent|date|subject)\s*:", re.I | re.M)
_GREETING = re.compile(r"^\s*(hi|hello|hey|dear|good (morning|afternoon|evening))\b[^\n]{0,60}$", re.I | re.M)
_SIGN_OFF = re.compile(r"^\s*(thanks|thank you|regards|best|cheers|sincerely|best regards|kind regards)\b[^\n]{0,30}$", re.I | re.M)
_QUOTED = re.compile(r"^(>|-{2,}\s*original message|on .{4,80} wrote:)", re.I | re.M)
_NOTE_LINE = re.compile(r"^\s*([-*•]|\d{1,2}[/.]\d{1,2}\b|\d{1,2}:\d{2}\b)", re.M)
_NOTE_WORDS = re.compile(r"\b(called|left (a )?vm|voicemail|spoke (with|to)|met with|follow(ed)? up|texted|emailed|homeowner|appt|appointment|estimate)\b", re.I)
_PHONE = re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")


class _Mentions(Protocol):
    job_ids: list[int]
    customer_ids: list[int]


class _MentionReader(Protocol):
    def mentions(self, text: str, low: str, directory: Directory) -> _Mentions: ...


@dataclass(frozen=True)
class PasteOffer:
    label: str
    request: str


@dataclass(frozen=True)
class PasteReading:
    kind: Literal["email", "notes"] | None
    offers: tuple[PasteOffer, ...] = field(default_factory=tuple)


def paste_kind(text: str) -> Literal["email", "notes"] | None:
    """"email" for headers, a greeting with a sign-off, or a quoted reply; "notes" for dated or
    bulleted lines about calls and visits; None for anything else (a document, a price list)."""
    head = text[:READ_CHARS]
    if len(_HEADER.findall(head)) >= 2 or (_GREETING.search(head) and _SIGN_OFF.search(head)) or _QUOTED.search(head):
        return "email"
    if len(_NOTE_LINE.findall(head)) >= 2 or len(_NOTE_WORDS.findall(head)) >= 2:
        return "notes"
    return None


def read_paste(text: str, reader: _MentionReader, directory: Directory, focus: Focus) -> PasteReading:
    """The paste's kind and the offers that fit it: a note on the one job it names (else the job
    in focus), and a new customer when it carries a phone or email of nobody in the CRM."""
    kind = paste_kind(text)
    if kind is None:
        return PasteReading(None)
    head = text[:READ_CHARS]
    mentions = reader.mentions(head, normalise(head), directory)
    offers: list[PasteOffer] = []
    job_ids = list(dict.fromkeys(mentions.job_ids))
    if not job_ids and len(set(mentions.customer_ids)) == 1:
        jobs = directory.jobs_of(mentions.customer_ids[0])
        job_ids = [jobs[0].id] if len(jobs) == 1 else []
    job_id = job_ids[0] if len(job_ids) == 1 else focus.job_id
    job = directory.jobs.get(job_id) if job_id is not None else None
    if job is not None:
        body = " ".join(text.split())
        cut = body[:NOTE_CHARS].rsplit(" ", 1)[0] if len(body) > NOTE_CHARS else body
        what = "this email" if kind == "email" else "these notes"
        label = f"Add {what} as a note to job {job.id} ({job.label})"
        if len(body) > NOTE_CHARS:
            label += f", the first {NOTE_CHARS:,} characters"
        offers.append(PasteOffer(label + "?", f"put a note on job {job.id}: {cut}"))
    known = bool(mentions.customer_ids)
    if not known and (_PHONE.search(head) or _EMAIL.search(head)):
        offers.append(PasteOffer("Take down a new customer from it?", f"Create a new customer: {head}"))
    return PasteReading(kind, tuple(offers))
