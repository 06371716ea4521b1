"""PrimerVideoWorkflow: the durable primer-video run on DBOS, one checkpointed step per stage.

resolve job -> claim the job (one video per job in a window) -> fetch CRM context -> write
script -> speech -> enhance -> render -> deliver -> CRM note -> wait until playable -> email the
homeowner -> clean up (always, in `finally`). A crash resumes at the first unfinished step;
every step that can repeat safely retries with backoff; the homeowner email goes through the
send ledger. Steps log one line each, with the run id and timings only (never names, addresses
or text).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import logging
import shutil
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dbos import DBOS
from dbos._error import DBOSWorkflowCancelledError

from harde.brand import load_phone_book
from harde.crm.errors import CRMNotFound, CRMValidationError
from harde.errors import ConfigurationError, HardeError, InputError, IntegrationError
from harde.integrations.delivery.protocol import Delivered
from harde.integrations.mail.message import (
    OutgoingEmail,
    deterministic_message_id,
    domain_of,
    single_address,
)
from harde.integrations.video.storyboard import build_storyboard, even_split
from harde.scripting.jobs import project_phrase
from harde.scripting.stages import no_primer_reason, primer_phase
from harde.understanding.trigger import read_trigger
from harde.workflows.ledger import SendUncertainError, send_once
from harde.workflows.pipeline import PrimerPipeline, current_pipeline
from harde.workflows.primer_slides import primer_slides
from harde.workflows.resolve import resolve_job

log = logging.getLogger("harde.pipeline")

WORKFLOW_NAME = "harde.primer_video"
SWEEP_WORKFLOW_NAME = "harde.primer_sweep"
STEP_ORDER = (
    "resolve_job", "claim_job", "fetch_context", "write_script", "speech", "enhance", "render",
    "deliver", "crm_note", "wait_playable", "email_homeowner", "cleanup",
)  # fmt: skip
# A run still going: another trigger for its job waits for it rather than making a second video.
ACTIVE = ("PENDING", "ENQUEUED")
ORPHAN_AGE_S = 6 * 3600.0

T = TypeVar("T")

# Fault injection for the crash tests (`harde daemon --pause-after STEP`): after STEP is
# checkpointed the workflow writes `marker` and blocks, so a test can SIGKILL it right there.
pause_after: dict[str, Any] = {"step": None, "marker": None}


class PlayableTimeout(HardeError):
    """The delivered video did not become playable in time."""


def _transient(exc: BaseException) -> bool:
    """Retry outside-service failures; never bad input, missing records or configuration."""
    if isinstance(
        exc, CRMNotFound | CRMValidationError | InputError | ConfigurationError | SendUncertainError
    ):
        return False
    return isinstance(exc, IntegrationError | OSError | TimeoutError)


def short(run_id: str) -> str:
    return run_id[-12:]


async def _logged(step: str, body: Callable[[], Awaitable[T]]) -> T:
    run = short(DBOS.workflow_id or "-")
    started = time.perf_counter()
    try:
        result = await body()
    except BaseException as exc:
        log.info(
            "run=%s step=%s failed after %.2fs: %s",
            run,
            step,
            time.perf_counter() - started,
            type(exc).__name__,
        )
        raise
    log.info("run=%s step=%s ok %.2fs", run, step, time.perf_counter() - started)
    return result


async def _after(step: str) -> None:
    if pause_after["step"] == step:
        Path(pause_after["marker"]).write_text(step)  # noqa: ASYNC240  (test hook)
        log.info("paused after step=%s (fault injection)", step)
        await asyncio.Event().wait()


# --- steps -------------------------------------------------------------------------------------


@DBOS.step(
    name="resolve_job",
    retries_allowed=True,
    max_attempts=4,
    interval_seconds=0.5,
    backoff_rate=2,
    should_retry=_transient,
)
async def resolve_job_step(request: dict[str, Any]) -> dict[str, Any]:
    async def body() -> dict[str, Any]:
        crm = current_pipeline().crm
        if request.get("job_id") is not None:
            try:
                job = await crm.get_job(int(request["job_id"]))
            except CRMNotFound:
                return {
                    "status": "not_found",
                    "job_id": None,
                    "candidates": [],
                    "asked_for": f"job {request['job_id']}",
                }
            return {"status": "ok", "job_id": job.id, "candidates": [], "asked_for": str(job.id)}
        res = await resolve_job(crm, read_trigger(request.get("subject", ""), request.get("body", "")))
        return {
            "status": res.status,
            "job_id": res.job_id,
            "candidates": res.candidates,
            "asked_for": res.asked_for,
        }

    return await _logged("resolve_job", body)


class _Contended(IntegrationError):
    """Another run changed the job's record between our read and our write."""


@DBOS.step(
    name="claim_job",
    retries_allowed=True,
    max_attempts=6,
    interval_seconds=0.2,
    backoff_rate=2,
    should_retry=_transient,
)
async def claim_job_step(request: dict[str, Any], job_id: int) -> dict[str, Any]:
    """One video per job: this run takes the job unless another is making it right now, or (for
    a trigger email that does not say "again") one was emailed inside the window."""

    async def body() -> dict[str, Any]:
        p = current_pipeline()
        run_id = DBOS.workflow_id or ""
        owner = str(request.get("key") or run_id)
        record = await asyncio.to_thread(p.history.get, job_id)
        if record is not None and record.owner != owner:
            if record.state == "making":
                other = await DBOS.get_workflow_status_async(record.run_id)
                if other is not None and other.status in ACTIVE:
                    return {
                        "status": "in_progress",
                        "job_id": job_id,
                        "since": record.updated_at.isoformat(),
                    }
            window = dt.timedelta(days=p.settings.primer_repeat_window_days)
            sent_at = record.sent_at
            if (
                sent_at is not None
                and dt.datetime.now(dt.UTC) - sent_at < window
                and request.get("source") == "email"
                and not request.get("again")
            ):
                return {"status": "recently_sent", "job_id": job_id, "sent_at": sent_at.isoformat()}
        if record is not None and (record.owner, record.run_id) == (owner, run_id):
            return {"status": "ok", "job_id": job_id}
        if not await asyncio.to_thread(
            p.history.take, job_id, owner=owner, run_id=run_id, seen=record
        ):
            raise _Contended("job history", "the job's record changed meanwhile; reading it again")
        return {"status": "ok", "job_id": job_id}

    return await _logged("claim_job", body)


def _on_day(iso: str, timezone: str) -> str:
    when = dt.datetime.fromisoformat(iso)
    with contextlib.suppress(ZoneInfoNotFoundError, ValueError):  # unknown zone: say it in UTC
        when = when.astimezone(ZoneInfo(timezone))
    return f"{when:%B} {when.day}, {when.year}"


@DBOS.step(name="reply_to_sender", retries_allowed=False)
async def reply_to_sender_step(request: dict[str, Any], resolved: dict[str, Any]) -> dict[str, Any]:
    async def body() -> dict[str, Any]:
        p = current_pipeline()
        asked = resolved.get("asked_for") or "that request"
        if resolved["status"] == "recently_sent":
            text = (
                f"The primer video for job {resolved['job_id']} was already sent on "
                f"{_on_day(resolved['sent_at'], p.settings.timezone)}, so I have not made another. "
                "Reply 'again' to resend it."
            )
        elif resolved["status"] == "in_progress":
            text = (
                f"The primer video for job {resolved['job_id']} is being made right now, so I have "
                "not started a second one. The homeowner gets one email when it is ready."
            )
        elif resolved["status"] == "ambiguous":
            lines = "\n".join(f"  - {c}" for c in resolved["candidates"])
            text = (
                f'I found more than one job for "{asked}", so I have not made a video yet:\n\n{lines}\n\n'
                'Reply with the job number (for example "Please produce Primer Video for job 1043") '
                "and I will start right away."
            )
        else:
            text = (
                f'I could not find a job for "{asked}" in the CRM, so I have not made a video. '
                'Please send the job number (for example "Please produce Primer Video for job 1043").'
            )
        run_id = DBOS.workflow_id or ""
        email = OutgoingEmail(
            message_id=deterministic_message_id("reply", run_id, domain_of(p.settings.mail_from)),
            # Only ever the allow-listed From address: a Reply-To could point anywhere, and the
            # reply lists customers' names.
            to=request.get("sender", ""),
            subject=_reply_subject(request.get("subject", "")),
            body=f"Hello,\n\n{text}\n\n— Hard-E, {p.settings.company_name}",
            sender=p.settings.mail_from,
            in_reply_to=request.get("trigger_message_id", ""),
        )
        outcome = await send_once(
            p.ledger, p.outbox, email, purpose="reply", run_id=run_id, alert=_alert_director
        )
        return {"status": outcome, "message_id": email.message_id}

    return await _logged("reply_to_sender", body)


@DBOS.step(
    name="fetch_context",
    retries_allowed=True,
    max_attempts=4,
    interval_seconds=0.5,
    backoff_rate=2,
    should_retry=_transient,
)
async def fetch_context_step(job_id: int) -> dict[str, Any]:
    async def body() -> dict[str, Any]:
        p = current_pipeline()
        crm = p.crm
        job = await crm.get_job(job_id)
        customer = job.customer or await crm.get_customer(job.customer_id)
        user = job.reps[0] if job.reps else customer.rep
        rep = user.full_name if user else ""
        phones = load_phone_book(p.settings.brand_folder)
        # The number the last slide shows: the rep's own line, else the company's main line.
        phone = (phones.rep_line(rep, user.email or "") if user else "") or phones.main_line
        written = customer.email or (
            customer.additional_emails[0] if customer.additional_emails else ""
        )
        address = single_address(written) if written.strip() else ""
        if address is None:
            # "a@x, b@y" or worse: mailing it could reach someone nobody chose. Stop here.
            await _alert_director(
                f"Job {job.number or job.id}: the homeowner email in the CRM is not one valid "
                "address, so Hard-E stopped before making the primer video. Correct it in the "
                "CRM, then press Retry on the run in the Primer videos page."
            )
            raise InputError("the homeowner email in the CRM is not one valid address")
        return {
            "job_id": job.id,
            "job_number": job.number or str(job.id),
            "job_title": job.title,
            "customer_id": customer.id,
            "customer_name": customer.full_name,
            "first_name": customer.first_name,
            "email": address,
            "trade": job.trade_names,
            "rep_name": rep,
            "phone": phone,
            "stage_name": job.current_stage.name,
            "city": (job.address.city if job.address else "") or "",
            "project": project_phrase(job, customer),
            "stage_code": job.current_stage.code or "",
        }

    return await _logged("fetch_context", body)


@DBOS.step(
    name="write_script",
    retries_allowed=True,
    max_attempts=3,
    interval_seconds=1,
    backoff_rate=2,
    should_retry=_transient,
)
async def write_script_step(job_id: int, focus: str | None, target_words: int) -> dict[str, Any]:
    async def body() -> dict[str, Any]:
        script = await current_pipeline().script_writer.write(
            job_id=job_id, focus=focus, target_words=target_words
        )
        if not script.text.strip():
            raise InputError("the script writer returned an empty script")
        return {
            "text": script.text,
            "word_count": script.word_count,
            "sections": [list(pair) for pair in getattr(script, "sections", ())],
        }

    return await _logged("write_script", body)


@DBOS.step(
    name="speech",
    retries_allowed=True,
    max_attempts=3,
    interval_seconds=1,
    backoff_rate=2,
    should_retry=_transient,
)
async def speech_step(run_id: str, text: str) -> dict[str, Any]:
    async def body() -> dict[str, Any]:
        p = current_pipeline()
        out = p.workdir(run_id) / "voice.wav"
        out.parent.mkdir(parents=True, exist_ok=True)
        result = await p.speech.synthesize(text, out)
        duration = round(float(result.duration_s), 3)
        # espeak-ng says when each word is spoken; other voices get an even split per sentence.
        timings = getattr(getattr(p.speech, "inner", p.speech), "word_timings", None)
        words = await timings(text) if timings is not None else even_split(text, duration)
        return {"path": str(result.path), "duration_s": duration, "words": [list(w) for w in words],
                "timing": "espeak" if timings is not None else "even"}  # fmt: skip

    return await _logged("speech", body)


@DBOS.step(
    name="enhance",
    retries_allowed=True,
    max_attempts=2,
    interval_seconds=0.5,
    should_retry=_transient,
)
async def enhance_step(run_id: str, voice_path: str) -> dict[str, Any]:
    async def body() -> dict[str, Any]:
        p = current_pipeline()
        out = await p.enhancer.enhance(Path(voice_path), p.workdir(run_id) / "voice-enhanced.wav")
        return {"path": str(out)}

    return await _logged("enhance", body)


@DBOS.step(
    name="render",
    retries_allowed=True,
    max_attempts=2,
    interval_seconds=0.5,
    should_retry=_transient,
)
async def render_step(run_id: str, voice_path: str, plan: dict[str, Any]) -> dict[str, Any]:
    async def body() -> dict[str, Any]:
        p = current_pipeline()
        branding = getattr(p.renderer, "branding", None)
        slides = primer_slides(
            plan["text"], [(int(n), str(t)) for n, t in plan.get("sections", [])], plan["context"],
            getattr(branding, "company_name", "") or p.settings.company_name,
        )  # fmt: skip
        words = [(str(w), float(a), float(b)) for w, a, b in plan.get("words", [])]
        board = build_storyboard(slides, words, float(plan["duration_s"])) if slides else None
        result = await p.renderer.render(
            Path(voice_path), p.workdir(run_id) / "primer.mp4", run_key=_run_key(run_id),
            storyboard=board,
        )  # fmt: skip
        return {
            "path": str(result.path),
            "duration_s": result.duration_s,
            "assets": list(result.assets),
            "slides": [[s.kind, s.start_s, s.end_s] for s in board.slides] if board else [],
            "captions": len(board.captions) if board else 0,
        }

    return await _logged("render", body)


@DBOS.step(
    name="deliver",
    retries_allowed=True,
    max_attempts=4,
    interval_seconds=1,
    backoff_rate=2,
    should_retry=_transient,
)
async def deliver_step(key: str, video_path: str, job_number: str) -> dict[str, Any]:
    async def body() -> dict[str, Any]:
        p = current_pipeline()
        # Named by the run's key, not its id: a retry (a new id) replaces the same file, so the
        # CRM note and the link stay the ones already made.
        name = f"primer-{_slug(job_number)}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.mp4"
        delivered = await p.delivery.deliver(Path(video_path), name=name)
        return {"link": delivered.link, "ref": delivered.ref, "name": name}

    return await _logged("deliver", body)


@DBOS.step(
    name="crm_note",
    retries_allowed=True,
    max_attempts=4,
    interval_seconds=1,
    backoff_rate=2,
    should_retry=_transient,
)
async def crm_note_step(job_id: int, link: str, duration_s: float) -> dict[str, Any]:
    async def body() -> dict[str, Any]:
        crm = current_pipeline().crm
        # Idempotent: a retry after a crash mid-step finds the note it already added.
        for note in await crm.list_notes(job_id):
            if link in note.note:
                return {"note_id": note.id, "created": False}
        text = f"Primer video ready ({duration_s:.0f} s): {link} — made by Hard-E and emailed to the homeowner once playable."
        note = await crm.add_note(job_id, text)
        return {"note_id": note.id, "created": True}

    return await _logged("crm_note", body)


@DBOS.step(
    name="wait_playable",
    retries_allowed=True,
    max_attempts=2,
    interval_seconds=1,
    should_retry=_transient,
)
async def wait_playable_step(link: str, ref: str) -> dict[str, Any]:
    async def body() -> dict[str, Any]:
        p = current_pipeline()
        delivered = Delivered(link=link, ref=ref)
        loop = asyncio.get_running_loop()
        started = loop.time()
        delay = p.poll_first_s
        polls = 0
        while True:
            polls += 1
            state = await p.delivery.status(delivered)
            if state == "ready":
                return {"state": state, "polls": polls, "waited_s": round(loop.time() - started, 3)}
            if state == "failed":
                raise IntegrationError(p.delivery.name, "the delivered video failed processing")
            if loop.time() - started + delay > p.settings.playable_timeout_s:
                raise PlayableTimeout(
                    f"the video was not playable after {p.settings.playable_timeout_s:.0f} s"
                )
            await asyncio.sleep(delay)  # backoff between polls, never one long fixed wait
            delay = min(delay * 2, p.poll_max_s)

    return await _logged("wait_playable", body)


def homeowner_message_id(key: str, job_id: int, mail_from: str) -> str:
    """The Message-ID of the homeowner email of the run with this key: its send-ledger entry."""
    return deterministic_message_id("primer", f"{key}:{job_id}", domain_of(mail_from))


@DBOS.step(name="tell_director", retries_allowed=False)
async def tell_director_step(text: str) -> dict[str, Any]:
    """Why this run made nothing, to the director (once: a step's result is recorded)."""

    async def body() -> dict[str, Any]:
        await _alert_director(text)
        return {"told": True}

    return await _logged("tell_director", body)


@DBOS.step(name="email_homeowner", retries_allowed=False)
async def email_homeowner_step(key: str, context: dict[str, Any], link: str) -> dict[str, Any]:
    async def body() -> dict[str, Any]:
        p = current_pipeline()
        run_id = DBOS.workflow_id or ""
        job_id = int(context["job_id"])
        if not context.get("email"):
            await _alert_director(
                f"Job {context['job_number']} has no homeowner email in the CRM; the primer video is at {link}"
            )
            return {"status": "no_address", "message_id": "", "to": ""}
        to = single_address(context["email"])
        if to is None:  # checked when the context was read; never send to anything else
            raise InputError("the homeowner email is not one valid address")
        email = OutgoingEmail(
            message_id=homeowner_message_id(key, job_id, p.settings.mail_from),
            to=to,
            subject=f"{context['first_name']}, a short video about your project from {p.settings.company_name}",
            body=homeowner_body(context, link, p.settings.company_name),
            sender=p.settings.mail_from,
        )
        outcome = await send_once(
            p.ledger, p.outbox, email, purpose="homeowner", run_id=run_id, alert=_alert_director
        )
        await asyncio.to_thread(p.history.mark_sent, job_id, owner=key)
        return {"status": outcome, "message_id": email.message_id, "to": to}

    return await _logged("email_homeowner", body)


@DBOS.step(name="cleanup", retries_allowed=True, max_attempts=3, interval_seconds=0.5)
async def cleanup_step(run_id: str) -> dict[str, Any]:
    return await _logged("cleanup", lambda: cleanup_run(current_pipeline(), run_id))


async def cleanup_run(p: PrimerPipeline, run_id: str) -> dict[str, Any]:
    """Remove the run's temporary files and remote assets (idempotent)."""
    workdir = p.workdir(run_id)
    existed = workdir.exists()
    await asyncio.to_thread(shutil.rmtree, workdir, True)
    assets = await p.renderer.cleanup(_run_key(run_id))
    return {"temp_removed": existed, "assets_removed": assets}


# --- the workflow ------------------------------------------------------------------------------


@DBOS.workflow(name=WORKFLOW_NAME, max_recovery_attempts=20)
async def primer_video_workflow(request: dict[str, Any]) -> dict[str, Any]:
    """One primer video, from a trigger (email, CLI or app) to the homeowner's inbox."""
    run_id = DBOS.workflow_id or ""
    try:
        resolved = await resolve_job_step(request)
        await _after("resolve_job")
        if resolved["status"] != "ok":
            reply = await reply_to_sender_step(request, resolved) if request.get("sender") else None
            return {"outcome": f"job_{resolved['status']}", "resolution": resolved, "reply": reply}
        job_id = int(resolved["job_id"])
        claim = await claim_job_step(request, job_id)
        await _after("claim_job")
        if claim["status"] != "ok":
            reply = await reply_to_sender_step(request, claim) if request.get("sender") else None
            return {"outcome": f"job_{claim['status']}", "job_id": job_id, "reply": reply}
        context = await fetch_context_step(job_id)
        await _after("fetch_context")
        phase = primer_phase(context["stage_name"])
        if phase == "none":
            await tell_director_step(f"Job {context['job_number']}: {no_primer_reason(context['stage_name'])}")
            return {"outcome": "no_primer", "job_id": job_id, "stage": context["stage_name"]}
        if not context["email"] and request.get("source") == "webhook":
            # Nobody asked for this run by hand: a video nobody can be sent is not made.
            await tell_director_step(
                f"Job {context['job_number']} moved to {context['stage_name']}, but it has no "
                "homeowner email in the CRM, so Hard-E made no primer video. Add the address in the "
                "CRM, then start it from the Primer videos page."
            )
            return {"outcome": "no_homeowner_email", "job_id": job_id}
        target = int(request.get("target_words") or current_pipeline().settings.primer_target_words)
        script = await write_script_step(job_id, request.get("focus"), target)
        await _after("write_script")
        voice = await speech_step(run_id, script["text"])
        await _after("speech")
        enhanced = await enhance_step(run_id, voice["path"])
        await _after("enhance")
        plan = {"text": script["text"], "sections": script.get("sections", []), "context": context,
                "words": voice.get("words", []), "duration_s": voice["duration_s"]}  # fmt: skip
        video = await render_step(run_id, enhanced["path"], plan)
        await _after("render")
        key = str(request.get("key") or run_id)
        delivered = await deliver_step(key, video["path"], context["job_number"])
        await _after("deliver")
        note = await crm_note_step(job_id, delivered["link"], video["duration_s"])
        await _after("crm_note")
        playable = await wait_playable_step(delivered["link"], delivered["ref"])
        await _after("wait_playable")
        email = await email_homeowner_step(
            key, {**context, "duration_s": video["duration_s"]}, delivered["link"]
        )
        await _after("email_homeowner")
        return {
            "outcome": "done",
            "job_id": job_id,
            "video": delivered["ref"],
            "duration_s": video["duration_s"],
            "slides": len(video.get("slides", [])),
            "captions": video.get("captions", 0),
            "link": delivered["link"],
            "note_id": note["note_id"],
            "email": email,
            "word_count": script["word_count"],
            "playable": playable,
        }
    finally:
        try:
            await cleanup_step(run_id)
        except DBOSWorkflowCancelledError:
            # A cancelled run cannot record steps; clean up directly (the sweep is the backstop).
            with contextlib.suppress(Exception):
                await cleanup_run(current_pipeline(), run_id)
            raise


@DBOS.step(name="sweep", retries_allowed=False)
async def sweep_step() -> dict[str, Any]:
    return await sweep_orphans(current_pipeline(), ORPHAN_AGE_S)


@DBOS.workflow(name=SWEEP_WORKFLOW_NAME)
async def primer_sweep_workflow(scheduled_at: Any, context: Any) -> None:
    """Scheduled: remove temp folders and remote assets that runs left behind."""
    await sweep_step()


async def sweep_orphans(p: PrimerPipeline, older_than_s: float) -> dict[str, Any]:
    """Temp folders of runs that are no longer running and are older than `older_than_s`."""
    removed = 0
    cutoff = time.time() - older_than_s
    if p.work_root.is_dir():
        for folder in p.work_root.iterdir():
            if folder.stat().st_mtime >= cutoff:
                continue
            status = await DBOS.get_workflow_status_async(folder.name)
            if status is not None and status.status in ("PENDING", "ENQUEUED"):
                continue
            await asyncio.to_thread(shutil.rmtree, folder, True)
            removed += 1
    partials = 0
    delivery_dir = p.settings.delivery_dir
    if delivery_dir.is_dir():
        for part in delivery_dir.glob(".*.part"):
            if part.stat().st_mtime < cutoff:
                part.unlink(missing_ok=True)
                partials += 1
    assets = await p.renderer.sweep(older_than_s)
    log.info(
        "sweep: removed %d temp folders, %d partial files, %d remote assets",
        removed,
        partials,
        assets,
    )
    return {"temp_folders": removed, "partials": partials, "assets": assets}


# --- text ---------------------------------------------------------------------------------------


def homeowner_body(context: dict[str, Any], link: str, company: str) -> str:
    rep = context.get("rep_name") or f"the team at {company}"
    trade = (context.get("trade") or "project").lower()
    if trade in ("—", ""):
        trade = "project"
    why = {
        "after_inspection": "to go over what we found and what comes next",
        "after_signing": "so you know exactly what happens from here to the day we finish",
        "after_completion": "to say thank you now that the work is done",
    }.get(primer_phase(str(context.get("stage_name") or "")), "so you know exactly what to expect from us before we meet")
    return (
        f"Hi {context['first_name']},\n\n"
        f"{rep} put together a short personal video about your {trade} project, {why}.\n\n"
        f"Watch it here: {link}\n\n"
        f"It is {spoken_duration(float(context.get('duration_s') or 0))} long. If anything in it "
        "raises a question, just reply to this email and we will get back to you the same day.\n\n"
        f"Thank you,\n{company}"
    )


def spoken_duration(seconds: float) -> str:
    """A video's real length as a person says it: "48 seconds", "1 minute 32 seconds"."""
    total = max(1, round(seconds))
    minutes, rest = divmod(total, 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if rest or not minutes:
        parts.append(f"{rest} second{'s' if rest != 1 else ''}")
    return " ".join(parts)


def _reply_subject(subject: str) -> str:
    return subject if subject.lower().startswith("re:") else f"Re: {subject}"


def _run_key(run_id: str) -> str:
    return "".join(ch for ch in run_id if ch.isalnum())[-16:] or "run"


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text).strip("-") or "job"


async def _alert_director(text: str) -> None:
    p = current_pipeline()
    run_id = DBOS.workflow_id or "-"
    email = OutgoingEmail(
        message_id=deterministic_message_id(
            "alert", f"{run_id}:{text[:60]}", domain_of(p.settings.mail_from)
        ),
        to=p.settings.director_email,
        subject="Hard-E needs you: primer pipeline",
        body=f"{text}\n\nRun: {run_id}",
        sender=p.settings.mail_from,
    )
    try:
        await p.outbox.send(email)
    except Exception as exc:  # the alert must never hide the original problem
        log.warning("could not alert the director: %s", type(exc).__name__)
