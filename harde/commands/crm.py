"""`harde crm`: look at the CRM from the shell (customers, jobs, one job), as text or JSON."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import click

from harde.config import get_settings
from harde.crm.answers import job_overview, render_overview
from harde.crm.errors import CRMError
from harde.crm.models import Job
from harde.crm.protocol import CRM
from harde.crm.render import customer_line, failure, job_line
from harde.crm.stages import resolve_stage
from harde.crm.when import company_now
from harde.understanding.customer_query import read_customer_query

T = TypeVar("T")


def _run(work: Callable[[CRM], Awaitable[T]]) -> T:
    from harde.integrations.crm import make_crm

    async def main() -> T:
        crm = make_crm(get_settings())
        try:
            return await work(crm)
        finally:
            await crm.aclose()

    try:
        return asyncio.run(main())
    except CRMError as exc:
        raise click.ClickException(failure(exc)) from exc


def job_row(job: Job) -> dict[str, Any]:
    """The JSON shape of one job in `harde crm jobs --json`."""
    return {
        "id": job.id,
        "number": job.number,
        "name": job.name,
        "customer": job.customer.full_name if job.customer else None,
        "customer_id": job.customer_id,
        "stage": job.current_stage.name,
        "stage_code": job.current_stage.code,
        "trade": job.trade_names,
        "trades": [t.name for t in job.trades],
        "reps": [r.full_name for r in job.reps],
        "created_at": job.created_at.isoformat(sep=" ") if job.created_at else None,
    }


@click.group("crm")
def command() -> None:
    """Customers and jobs in the CRM (local demo CRM, or Leap when configured)."""


@command.command("customers")
@click.argument("query", required=False, default="")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--limit", default=100, show_default=True, help="At most this many customers.")
def customers(query: str, as_json: bool, limit: int) -> None:
    """Customers matching QUERY (name, phone, email, job number); every customer without one."""
    found = _run(lambda crm: crm.search_customers(read_customer_query(query), limit=limit))
    if as_json:
        click.echo(json.dumps([c.model_dump(mode="json") for c in found], indent=2))
        return
    if not found:
        raise click.ClickException(f"No customer matches “{query}”.")
    for c in found:
        click.echo(customer_line(c).replace("**", ""))


@command.command("jobs")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--customer", default="", help="Only this customer's jobs (a name, phone or email).")
@click.option(
    "--stage", default="", help='Only jobs in this stage, as people say it ("proposal sent").'
)
@click.option("--limit", default=200, show_default=True, help="At most this many jobs.")
def jobs(as_json: bool, customer: str, stage: str, limit: int) -> None:
    """Jobs, newest first, optionally of one customer and in one stage."""

    async def work(crm: CRM) -> list[Job]:
        customer_id = None
        if customer:
            found = await crm.search_customers(read_customer_query(customer), limit=2)
            if len(found) != 1:
                names = ", ".join(c.full_name for c in found)
                raise click.ClickException(f"Which customer? {names}" if found else f"No customer matches {customer!r}.")
            customer_id = found[0].id
        stage_codes = None
        if stage:
            stages = await crm.list_stages()
            resolution = resolve_stage(stage, stages)
            if resolution.stage is None:
                raise click.ClickException(resolution.problem(stages).replace("**", ""))
            stage_codes = [resolution.stage.code]
        return await crm.list_jobs(customer_id=customer_id, stage_codes=stage_codes, limit=limit)

    found = _run(work)
    if as_json:
        click.echo(json.dumps([job_row(j) for j in found], indent=2))
        return
    if not found:
        click.echo("No jobs match.")
    for j in found:
        click.echo(job_line(j).replace("**", "").replace("*", ""))


@command.command("job")
@click.argument("job_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def job(job_id: int, as_json: bool) -> None:
    """One job with its notes, appointments and financials."""
    overview = _run(lambda crm: job_overview(crm, job_id))
    if as_json:
        data = {
            **job_row(overview.job),
            "job": overview.job.model_dump(mode="json"),
            "notes": [n.model_dump(mode="json") for n in overview.notes],
            "appointments": [a.model_dump(mode="json") for a in overview.appointments],
            "financials": overview.financials.model_dump(mode="json")
            if overview.financials
            else None,
        }
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(render_overview(overview, company_now(get_settings().timezone, get_settings().now)))
