"""`harde chat`, `harde ask` and `harde doctor`: the assistant from a terminal."""

from __future__ import annotations

import asyncio
import json
import socket
import sys
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

import click

from harde.config import Settings, get_settings
from harde.events import AgentChanged, Done, ErrorEvent, StatusNote, TextDelta, ToolCalled


async def _print_turn(assistant: Any, text: str, conversation_id: str | None, *, quiet: bool = False) -> Any:
    turn = None
    async for event in assistant.stream(text, conversation_id):
        if isinstance(event, TextDelta):
            click.echo(event.text, nl=False)
        elif isinstance(event, AgentChanged) and not quiet and event.agent != "triage":
            click.secho(f"[{event.display_name}]", fg="cyan", err=True)
        elif isinstance(event, ToolCalled) and not quiet:
            click.secho(f"  {event.status}", fg="bright_black", err=True)
        elif isinstance(event, StatusNote) and not quiet:
            click.secho(f"  {event.text}", fg="yellow", err=True)
        elif isinstance(event, ErrorEvent):
            click.secho(event.message, fg="red", err=True)
        elif isinstance(event, Done):
            turn = event.turn
    click.echo()
    return turn


@click.command()
@click.option("--conversation", "conversation_id", default=None, help="Continue this conversation id.")
def chat(conversation_id: str | None) -> None:
    """Talk to Hard-E in the terminal (answers stream as they are written)."""
    from harde.assistant import Assistant

    async def run() -> None:
        assistant = Assistant()
        cid = conversation_id
        click.secho(f"Hard-E ({assistant.model_label()}). Empty line or Ctrl-D to leave.", fg="green")
        try:
            while True:
                try:
                    text = await asyncio.to_thread(input, "you> ")
                except EOFError:
                    break
                if not text.strip():
                    break
                turn = await _print_turn(assistant, text, cid)
                if turn is not None:
                    cid = turn.conversation_id
        finally:
            await assistant.aclose()
        if cid:
            click.secho(f"Conversation {cid} saved; continue with --conversation {cid}", fg="green", err=True)

    asyncio.run(run())


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the turn as one JSON object.")
@click.option("--conversation", "conversation_id", default=None, help="Continue this conversation id.")
@click.argument("text", nargs=-1, required=True)
def ask(as_json: bool, conversation_id: str | None, text: tuple[str, ...]) -> None:
    """Ask one question and print the answer."""
    from harde.assistant import Assistant

    message = " ".join(text)

    async def run() -> Any:
        assistant = Assistant()
        try:
            if as_json:
                return await assistant.ask(message, conversation_id)
            return await _print_turn(assistant, message, conversation_id)
        finally:
            await assistant.aclose()

    turn = asyncio.run(run())
    if as_json:
        click.echo(json.dumps(asdict(turn), ensure_ascii=False, indent=2))
    if turn is not None and turn.error:
        sys.exit(1)


def _check(name: str, backend: str, probe: Any) -> tuple[str, str, bool, str]:
    try:
        detail = probe()
        return name, backend, True, detail or "ok"
    except Exception as exc:
        detail = str(exc) if isinstance(exc, RuntimeError) else f"{type(exc).__name__}: {exc}"
        return name, backend, False, detail[:200]


def _reachable(host: str, port: int) -> str:
    with socket.create_connection((host, port), timeout=5):
        return f"{host}:{port} answers"


WARNING = "warning: "


def _public_url(settings: Settings) -> str:
    """Whether the links in notes and emails will reach the app (a warning, not a failure: the
    chat works without it, the pipeline with local delivery does not)."""
    import httpx

    url = settings.public_url.strip().rstrip("/")
    if not url:
        if settings.delivery == "local":
            return WARNING + "HARDE_PUBLIC_URL is unset: the daemon will not start (video links need it)"
        return WARNING + "HARDE_PUBLIC_URL is unset (the Primer videos page links need it)"
    try:
        answer = httpx.get(f"{url}/_stcore/health", timeout=5, follow_redirects=False)
    except httpx.HTTPError as exc:
        return WARNING + f"{url} does not answer ({type(exc).__name__}): links to it reach nobody"
    if answer.status_code in (401, 403) or answer.is_success:
        return f"{url} answers"
    return WARNING + f"{url} answers {answer.status_code} to its health check"


def _video(settings: Settings) -> str:
    if settings.renderer == "ffmpeg":
        import imageio_ffmpeg

        return f"ffmpeg at {imageio_ffmpeg.get_ffmpeg_exe()}"
    if settings.cloudinary_url is None:
        raise RuntimeError("HARDE_RENDERER=cloudinary needs CLOUDINARY_URL")
    return "Cloudinary credentials set"


def _mail_in(settings: Settings) -> str:
    from harde.integrations.mail import inbox_dir, make_inbox

    if settings.mail_in == "maildir":
        return f"drop folder {inbox_dir(settings)}/new"
    if settings.mail_in == "imap":
        return _reachable(settings.imap_host, settings.imap_port)
    return type(make_inbox(settings)).__name__


def _mail_out(settings: Settings) -> str:
    from harde.integrations.mail import make_outbox, outbox_dir

    if settings.mail_out == "maildir":
        return f"outbox folder {outbox_dir(settings)}"
    if settings.mail_out == "smtp":
        return _reachable(settings.smtp_host, settings.smtp_port)
    return type(make_outbox(settings)).__name__


def _workflow_db(settings: Settings) -> str:
    url = settings.workflow_db_url
    if not url.startswith("postgres"):
        return f"SQLite under {settings.data_dir}"
    parsed = urlsplit(url)
    return _reachable(parsed.hostname or "localhost", parsed.port or 5432)


def _session_store(settings: Settings) -> str:
    if not settings.session_url.startswith("redis"):
        return f"SQLite under {settings.data_dir}"
    import redis

    client = redis.Redis.from_url(settings.session_url, socket_timeout=5, socket_connect_timeout=5)
    try:
        client.ping()
    finally:
        client.close()
    return "Redis answers"


def doctor_report(settings: Settings) -> list[tuple[str, str, bool, str]]:
    """Which backend each integration uses, and whether it answers."""
    from harde.integrations.delivery import make_delivery
    from harde.services import Services

    services = Services(settings)
    rows: list[tuple[str, str, bool, str]] = []

    def llm() -> str:
        if settings.llm_backend == "offline":
            return "rule-based, no network"
        from harde.llm.openai_provider import make_openai_client

        async def probe() -> str:
            from harde.assistant import describe_error

            client = make_openai_client(settings)
            try:
                models = await client.with_options(max_retries=1, timeout=10).models.list()
            except Exception as exc:
                raise RuntimeError(describe_error(exc)) from exc
            finally:
                await client.close()
            return f"{len(models.data)} models listed at {settings.openai_base_url or 'api.openai.com'}"

        return asyncio.run(probe())

    rows.append(_check("model", settings.llm_backend, llm))

    def crm() -> str:
        async def probe() -> str:
            try:
                stages = await services.crm.list_stages()
                return f"{len(stages)} workflow stages"
            finally:
                await services.aclose()

        return asyncio.run(probe())

    rows.append(_check("crm", settings.crm_backend, crm))
    rows.append(_check("knowledge", settings.kb, lambda: services.knowledge.stats().summary()))
    rows.append(_check("web search", "perplexity" if settings.perplexity_api_key else "none (needs PERPLEXITY_API_KEY)", lambda: type(services.web_search).__name__))
    rows.append(_check("speech out", settings.tts_backend, lambda: type(services.speech).__name__))
    rows.append(
        _check(
            "speech in",
            settings.transcriber_backend,
            lambda: type(services.transcriber).__name__,
        )
    )
    rows.append(_check("video", settings.renderer, lambda: _video(settings)))
    def delivery() -> str:
        if settings.delivery == "local" and not settings.public_url.strip():
            return f"folder {settings.delivery_dir} (links need HARDE_PUBLIC_URL)"
        return type(make_delivery(settings)).__name__

    rows.append(_check("delivery", settings.delivery, delivery))
    rows.append(_check("public url", settings.public_url or "unset", lambda: _public_url(settings)))
    rows.append(_check("mail in", settings.mail_in, lambda: _mail_in(settings)))
    rows.append(_check("mail out", settings.mail_out, lambda: _mail_out(settings)))
    rows.append(_check("workflow store", "postgres" if settings.workflow_db_url.startswith("postgres") else "sqlite", lambda: _workflow_db(settings)))
    rows.append(_check("session store", "redis" if settings.session_url.startswith("redis") else "sqlite", lambda: _session_store(settings)))
    rows.append(_check("web app", f"streamlit on port {settings.port}", lambda: _web_ready(settings)))
    return rows


def _web_ready(settings: Settings) -> str:
    from harde.readiness import NotReady, check_ready

    try:
        return check_ready(f"http://127.0.0.1:{settings.port}")
    except NotReady as exc:
        raise RuntimeError(str(exc)) from exc


@click.command()
def doctor() -> None:
    """Show which backend each integration uses, and whether it answers."""
    settings = get_settings()
    rows = doctor_report(settings)
    width = max(len(r[0]) for r in rows)
    failed = False
    for name, backend, ok, detail in rows:
        mark = click.style("ok  ", fg="green") if ok else click.style("FAIL", fg="red")
        if ok and detail.startswith(WARNING):
            mark, detail = click.style("warn", fg="yellow"), detail[len(WARNING) :]
        click.echo(f"{mark} {name.ljust(width)}  {backend:<28} {detail}")
        failed = failed or not ok
    if failed:
        sys.exit(1)
