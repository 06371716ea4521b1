"""The CRM as the understanding layer sees it: who and what can be named, indexed for linking.

A snapshot of customers, jobs, users and stages, with name tokens, job numbers, trades and
towns, built from the CRM once and refreshed after a write or a TTL. Linking a word to a
customer is a dictionary hit (or a close typo of a known name), never a search of free text.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from harde.crm.models import Customer, Job, Stage, User
from harde.crm.protocol import CRM
from harde.knowledge.tokens import is_english_word, is_everyday_word

DEFAULT_TTL_S = 120.0


@dataclass(frozen=True)
class JobEntry:
    id: int
    number: str
    customer_id: int
    name: str
    trades: tuple[str, ...]  # lower case: "roofing", "gutters"
    city: str
    street: str
    stage: str
    rep_ids: tuple[int, ...]

    @property
    def label(self) -> str:
        return self.name or ", ".join(self.trades) or f"job {self.id}"


@dataclass(frozen=True)
class CustomerEntry:
    id: int
    first: str
    last: str
    city: str
    street: str
    phones: tuple[str, ...]
    email: str
    job_ids: tuple[int, ...]

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.last}".strip()


@dataclass(frozen=True)
class UserEntry:
    id: int
    first: str
    last: str
    title: str
    email: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.last}".strip()


@dataclass
class Directory:
    customers: dict[int, CustomerEntry] = field(default_factory=dict)
    jobs: dict[int, JobEntry] = field(default_factory=dict)
    users: dict[int, UserEntry] = field(default_factory=dict)
    stages: list[Stage] = field(default_factory=list)
    # lower-case name token -> customer ids / user ids having it as first or last name
    customer_tokens: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    user_tokens: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    job_numbers: dict[str, int] = field(default_factory=dict)
    towns: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # town -> job ids
    streets: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # street name word -> job ids
    phones: dict[str, int] = field(default_factory=dict)
    emails: dict[str, int] = field(default_factory=dict)
    _vocabulary: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, customers: list[Customer], jobs: list[Job], users: list[User], stages: list[Stage]) -> Directory:
        d = cls(stages=list(stages))
        by_customer: dict[int, list[int]] = defaultdict(list)
        for job in jobs:
            if job.customer is not None and job.customer_id not in {c.id for c in customers}:
                customers.append(job.customer)
            city = (job.address.city if job.address else "") or ""
            street = (job.address.address if job.address else "") or ""
            entry = JobEntry(
                id=job.id,
                number=job.number or "",
                customer_id=job.customer_id,
                name=job.name or "",
                trades=tuple(t.name.casefold() for t in job.trades),
                city=city,
                street=street,
                stage=job.current_stage.name,
                rep_ids=tuple(r.id for r in job.reps),
            )
            d.jobs[job.id] = entry
            by_customer[job.customer_id].append(job.id)
            if entry.number:
                d.job_numbers[entry.number.casefold()] = job.id
            if city:
                d.towns[city.casefold()].add(job.id)
            for word in _street_words(street):
                d.streets[word].add(job.id)
        seen: set[int] = set()
        for c in customers:
            if c.id in seen:
                continue
            seen.add(c.id)
            entry_c = CustomerEntry(
                id=c.id,
                first=c.first_name,
                last=c.last_name,
                city=(c.address.city if c.address else "") or "",
                street=(c.address.address if c.address else "") or "",
                phones=tuple(p.digits[-10:] for p in c.phones if p.digits),
                email=(c.email or "").casefold(),
                job_ids=tuple(sorted(by_customer.get(c.id, []))),
            )
            d.customers[c.id] = entry_c
            for token in _name_tokens(c.first_name) + _name_tokens(c.last_name):
                d.customer_tokens[token].add(c.id)
            for phone in entry_c.phones:
                d.phones[phone] = c.id
            if entry_c.email:
                d.emails[entry_c.email] = c.id
            if entry_c.city:
                d.towns.setdefault(entry_c.city.casefold(), set())
        for u in users:
            d.users[u.id] = UserEntry(u.id, u.first_name, u.last_name, u.title or "", (u.email or "").casefold())
            for token in _name_tokens(u.first_name) + _name_tokens(u.last_name):
                d.user_tokens[token].add(u.id)
        d._vocabulary = sorted(set(d.customer_tokens) | set(d.user_tokens))
        return d

    # --- linking ------------------------------------------------------------------------------
    def name_token(self, word: str) -> str | None:
        """The known name this word is, or is a close typo of (long words only), else None."""
        if word in self.customer_tokens or word in self.user_tokens:
            return word
        if word.endswith("s") and (word[:-1] in self.customer_tokens or word[:-1] in self.user_tokens):
            return word[:-1]  # "the johnsons"
        if word.endswith("es") and word[:-2] in self.customer_tokens:
            return word[:-2]
        nickname = self._rep_nickname(word)
        if nickname is not None:
            return nickname
        if len(word) == 4 and not is_english_word(word) and word not in self.towns:
            # "nanc quinn": a customer's first name with its last letter dropped, if only one fits.
            firsts = {c.first.casefold() for c in self.customers.values() if len(c.first) == 5 and c.first.casefold().startswith(word)}
            if len(firsts) == 1:
                return firsts.pop()
            # "kvin": a rep's short first name with a letter dropped or swapped, if only one fits.
            reps = {u.first.casefold() for u in self.users.values() if u.first[:1].casefold() == word[0] and OSA.distance(u.first.casefold(), word, score_cutoff=1) <= 1}
            if len(reps) == 1:
                return reps.pop()
        if len(word) < 5 or not self._vocabulary or is_everyday_word(word) or word in self.towns:
            # An everyday word ("orchard") is not a typo of a name ("richard"), nor is a town of
            # ours ("quincy" is not "quinn").
            return None
        best = process.extractOne(word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=84)
        if best is None and word.endswith("s") and len(word) >= 6:
            # "dannas day": the possessive of a name typed a letter off.
            best = process.extractOne(word[:-1], self._vocabulary, scorer=fuzz.ratio, score_cutoff=84)
        if best is None:
            # Two letters swapped ("cralos" for "carlos") cost two edits by plain ratio, one here.
            near = process.extractOne(word, self._vocabulary, scorer=OSA.distance, score_cutoff=1)
            return str(near[0]) if near is not None and len(str(near[0])) == len(word) else None
        candidate = str(best[0])
        return candidate if abs(len(candidate) - len(word)) <= 2 else None

    def _rep_nickname(self, word: str) -> str | None:
        """"kev", "kevs": the start of one rep's first name, as reps call each other."""
        short = word.removesuffix("s") if len(word) > 3 else word
        if len(short) < 3 or is_everyday_word(short):
            return None
        firsts = {u.first.casefold() for u in self.users.values() if u.first.casefold().startswith(short) and u.first.casefold() != short}
        return firsts.pop() if len(firsts) == 1 and not any(short in t for t in self.customer_tokens if t.startswith(short)) else None

    def split_fused(self, word: str) -> tuple[str, str] | None:
        """"melissaquinn": one customer's first and last name typed without the space."""
        if len(word) < 6 or len(word) > 40 or word in self.customer_tokens or word in self.user_tokens:
            return None
        for cut in range(2, len(word) - 1):
            first, last = word[:cut], word[cut:]
            both = self.customer_tokens.get(first, set()) & self.customer_tokens.get(last, set())
            if any(self.customers[c].first.casefold() == first and self.customers[c].last.casefold() == last for c in both):
                return first, last
        return None

    def jobs_of(self, customer_id: int) -> list[JobEntry]:
        entry = self.customers.get(customer_id)
        return [self.jobs[j] for j in entry.job_ids if j in self.jobs] if entry else []

    def user_for(self, *, email: str = "", name: str = "") -> UserEntry | None:
        """The CRM user a signed-in person is: by email, else by a full name only one user has."""
        if email:
            hit = next((u for u in self.users.values() if u.email and u.email == email.casefold()), None)
            if hit is not None:
                return hit
        same = [u for u in self.users.values() if name and u.full_name.casefold() == name.strip().casefold()]
        return same[0] if len(same) == 1 else None

    def user_by_name(self, first: str | None, last: str | None) -> list[UserEntry]:
        out = list(self.users.values())
        if first:
            out = [u for u in out if u.first.casefold() == first or u.last.casefold() == first]
        if last:
            out = [u for u in out if u.last.casefold() == last]
        return out


def _name_tokens(name: str) -> list[str]:
    return [w for w in name.casefold().replace("-", " ").split() if len(w) > 1]


def _street_words(street: str) -> list[str]:
    words = [w.strip(".,").casefold() for w in street.split()]
    return [w for w in words if w.isalpha() and len(w) > 2 and w not in _STREET_TYPES]


_STREET_TYPES = {
    "st", "street", "ave", "avenue", "rd", "road", "dr", "drive", "ln", "lane", "way", "ct",
    "court", "pl", "place", "blvd", "ter", "terrace", "cir", "circle", "pkwy", "hwy", "the",
}


class DirectoryCache:
    """One directory per CRM instance, rebuilt after `DEFAULT_TTL_S` or an invalidation."""

    def __init__(self, ttl_s: float = DEFAULT_TTL_S) -> None:
        self.ttl_s = ttl_s
        self._built: WeakKeyDictionary[Any, tuple[float, Directory]] = WeakKeyDictionary()

    async def get(self, crm: CRM) -> Directory:
        cached = self._built.get(crm)
        if cached is not None and time.monotonic() - cached[0] < self.ttl_s:
            return cached[1]
        directory = await load_directory(crm)
        self._built[crm] = (time.monotonic(), directory)
        return directory

    def invalidate(self, crm: CRM) -> None:
        self._built.pop(crm, None)


async def load_directory(crm: CRM) -> Directory:
    customers, jobs, users, stages = await asyncio.gather(
        crm.list_customers(limit=100_000), crm.list_jobs(limit=100_000), crm.list_users(), crm.list_stages()
    )
    return await asyncio.to_thread(Directory.build, list(customers), jobs, users, stages)


DIRECTORIES = DirectoryCache()
