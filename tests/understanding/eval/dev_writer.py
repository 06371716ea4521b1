"""The writer of the later dev sets (build_dev7.py .. build_dev13.py): the write requests a set's
reps make, in the set's own words, each with the crm_after check it makes. Each set's module
binds it to its tables (a subclass of its own, where its writer turns a counter its own way)."""

from __future__ import annotations

import datetime as dt
import random
from types import ModuleType
from typing import Any

from tests.understanding.eval.build_dev5 import (
    STAGE_FROM,
    WORD,
    article,
    busy,
    cid_of,
    pron,
    trades_of,
)
from tests.understanding.eval.build_eval import Data


class Writer:
    """Write requests in a set's words, each with the crm_after check it makes: the set module
    `m` holds the words (YESES, CALL_OFFS, NOTE_LINES, NOTE_SAID, NOTE_HERE, STAGE_SAID,
    STAGE_HERE, VISITS, BOOK_SAID, BOOK_HERE, WHEN_TYPED), its `say`, its SPLIT, its ways of
    naming a job (REF_STYLES, refs_of, styled) and the jobs a stage move may be on (live_jobs);
    `pool` is the jobs the other writes are on, shuffled here. The counters keep the phrasings, the notes, the times and the ways of
    naming the job turning over."""

    def __init__(self, m: ModuleType, d: Data, rng: random.Random, offset: int, pool: list[int]) -> None:
        self.m, self.d, self.rng = m, d, rng
        self.n = {k: offset for k in ("note", "note_t", "stage", "book", "when", "yes", "style", "job", "off")}
        self.whens = m.WHEN_TYPED[offset % len(m.WHEN_TYPED):] + m.WHEN_TYPED[: offset % len(m.WHEN_TYPED)]
        self.said_to: dict[str, int] = {}
        self.pool = pool
        rng.shuffle(self.pool)

    def live_jobs(self) -> list[int]:
        """The jobs a stage move may be on."""
        jobs: list[int] = self.m.live_jobs(self.d)
        return jobs

    def tick(self, key: str) -> int:
        self.n[key] += 1
        return self.n[key] - 1

    def yes(self) -> str:
        return self.m.YESES[self.tick("yes") % len(self.m.YESES)]

    def off(self) -> str:
        return self.m.CALL_OFFS[self.tick("off") % len(self.m.CALL_OFFS)]

    def next_job(self, style: str | None = None) -> int:
        for _ in range(len(self.pool)):
            jid = self.pool[self.tick("job") % len(self.pool)]
            if style is None or style in self.m.refs_of(self.d, jid):
                return jid
        raise AssertionError(f"no job has a {style} name")

    def ref(self, jid: int) -> tuple[str, str]:
        return self.m.styled(self.d, jid, self.m.REF_STYLES[self.tick("style") % len(self.m.REF_STYLES)])

    def slots(self, jid: int) -> dict[str, str]:
        trades = trades_of(self.d, jid)
        return {**pron(self.d, cid_of(self.d, jid)), "trade": WORD[trades[0]] if trades else "job"}

    def note(self, jid: int, *, here: bool = False, line: str | None = None, ref: str | None = None) -> tuple[str, str, dict[str, Any]]:
        line = line or self.m.NOTE_LINES[self.tick("note") % len(self.m.NOTE_LINES)]
        pool = self.m.NOTE_HERE if here else self.m.NOTE_SAID
        n = self.tick("note_t") % len(pool)
        text = self.m.say(pool[n], {**self.slots(jid), "ref": ref or self.ref(jid)[1], "note": line}, self.rng)
        return f"{self.m.SPLIT}:write.note{'.here' if here else ''}/{n}", text, {"note_on_job": jid, "contains": line}

    def stage_pick(self, *, here: bool = False, jid: int | None = None) -> tuple[int, int, str, str]:
        """(job, phrasing index, template, stage): the next phrasing, on a job it fits (on `jid` if given)."""
        d = self.d
        pool = self.m.STAGE_HERE if here else self.m.STAGE_SAID
        for shift in range(len(pool)):
            k = (self.n["stage"] + shift) % len(pool)
            template, stage = pool[k]
            fits = [j for j in self.live_jobs() if d.stage(j) in STAGE_FROM[stage]] if jid is None else ([jid] if d.stage(jid) in STAGE_FROM[stage] else [])
            if not fits:
                continue
            self.n["stage"] += shift + 1
            return fits[self.n["stage"] % len(fits)], k, template, stage
        raise AssertionError(f"no stage request fits {jid}")

    def stage(self, *, here: bool = False, jid: int | None = None) -> tuple[int, str, str, dict[str, Any]]:
        chosen, k, template, stage = self.stage_pick(here=here, jid=jid)
        text = self.m.say(template, {**self.slots(chosen), "ref": self.ref(chosen)[1]}, self.rng)
        return chosen, f"{self.m.SPLIT}:write.stage{'.here' if here else ''}/{k}", text, {"stage_of_job": chosen, "stage": stage}

    def stage_to(self, jid: int, stage: str, ref: str) -> tuple[str, str, dict[str, Any]]:
        """The next phrasing that moves a job to `stage`, on this job named so."""
        ks = [k for k, (_t, st) in enumerate(self.m.STAGE_SAID) if st == stage]
        self.said_to[stage] = self.said_to.get(stage, -1) + 1
        k = ks[self.said_to[stage] % len(ks)]
        text = self.m.say(self.m.STAGE_SAID[k][0], {**self.slots(jid), "ref": ref}, self.rng)
        return f"{self.m.SPLIT}:write.stage/{k}", text, {"stage_of_job": jid, "stage": stage}

    def when(self, jid: int) -> tuple[str, str]:
        """The first time in line that the job and its rep have free; it goes to the back of the line."""
        for n, (said, start) in enumerate(self.whens):
            if not busy(self.d, jid, dt.datetime.fromisoformat(start)):
                self.whens.append(self.whens.pop(n))
                return said, start
        raise AssertionError(f"no free time for {jid}")

    def book(self, jid: int, *, here: bool = False, when: tuple[str, str] | None = None, ref: str | None = None) -> tuple[str, str, dict[str, Any]]:
        k = self.tick("book")
        said, start = when or self.when(jid)
        kind, title = self.m.VISITS[self.d.stage(jid)][k % 2]
        pool = self.m.BOOK_HERE if here else self.m.BOOK_SAID
        n = k % len(pool)
        slots = {**self.slots(jid), "ref": ref or self.ref(jid)[1], "when": said, "kind": kind, "akind": article(kind)}
        text = self.m.say(pool[n], slots, self.rng)
        return f"{self.m.SPLIT}:write.book{'.here' if here else ''}/{n}", text, {"appointment_on_job": jid, "start": start, "title_contains": title}

    def make(self, kind: str, *, here: bool = False, jid: int | None = None, ref: tuple[str, str] | None = None) -> tuple[int, str, str, dict[str, Any]]:
        if kind == "stage":
            return self.stage(here=here, jid=jid)
        jid = jid if jid is not None else self.next_job()
        said = ref[1] if ref else None
        if kind == "note":
            return (jid, *self.note(jid, here=here, ref=said))
        return (jid, *self.book(jid, here=here, ref=said))

