"""`harde kb search|ingest|docs|approve|stats`: the knowledge base from the command line."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click

from harde.auth import User
from harde.config import Settings, get_settings
from harde.errors import HardeError


def _operator(settings: Settings) -> User:
    """Who the command line acts as: the server's operator (HARDE_USER_NAME), a director,
    since whoever runs it can change the knowledge files directly anyway."""
    username = re.sub(r"[^a-z0-9]+", "-", settings.user_name.lower()).strip("-") or "operator"
    return User(username=username, name=settings.user_name, role="director")


@click.group("kb")
def command() -> None:
    """Search the company knowledge base, add documents, show what is indexed."""


@command.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--k", "k", type=click.IntRange(1, 50), default=5, show_default=True, help="How many passages.")
@click.option("--category", default=None, help="Only this category, e.g. OBJECTION_HANDLING.")
@click.option("--project", default=None, help="Only this project folder, e.g. Maple_Hollow_Estates.")
@click.option("--json", "as_json", is_flag=True, help='Print {"hits": [...]} as JSON.')
def search(query: tuple[str, ...], k: int, category: str | None, project: str | None, as_json: bool) -> None:
    """Search the knowledge base for QUERY."""
    from harde.knowledge import make_knowledge_base
    from harde.knowledge.answers import resolve_category

    settings = get_settings()
    settings.ensure_dirs()
    kb = make_knowledge_base(settings)
    text = " ".join(query)
    try:
        wanted = resolve_category(category, kb.categories()) if category else None
        hits = kb.search(text, k=k, category=wanted, project=project)
    except (ValueError, HardeError) as exc:
        click.echo(f"Search failed: {exc}", err=True)
        sys.exit(2)
    if as_json:
        payload = {
            "hits": [
                {
                    "text": h.text,
                    "score": h.score,
                    "category": h.category,
                    "source": h.source,
                    "heading": h.heading,
                    "title": h.title,
                    "project": h.project,
                    "upload": h.upload.to_json() if h.upload else None,
                }
                for h in hits
            ]
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("No passages found.")
        return
    for n, hit in enumerate(hits, 1):
        click.echo(click.style(f"{n}. {hit.citation()}  [{hit.score:.2f}]", bold=True))
        click.echo(hit.text)
        click.echo("")


@command.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--category", default="UPLOADS", show_default=True, help="Category to file the documents under.")
@click.option("--replace", is_flag=True, help="Replace a document of the same name in that category.")
def ingest(paths: tuple[Path, ...], category: str, replace: bool) -> None:
    """Add .md, .txt or .pdf files (or every such file in a folder) to the knowledge base.

    They are recorded as uploads by HARDE_USER_NAME and marked as not yet reviewed until
    approved (`harde kb approve`, or the Knowledge page)."""
    from harde.knowledge import make_knowledge_base
    from harde.knowledge.ingest import UPLOAD_SUFFIXES

    settings = get_settings()
    settings.ensure_dirs()
    kb = make_knowledge_base(settings)
    operator = _operator(settings)
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in UPLOAD_SUFFIXES))
        else:
            files.append(path)
    failed = 0
    for path in files:
        try:
            click.echo(kb.add_document(path.name, path.read_bytes(), operator, category, replace=replace))
        except HardeError as exc:
            failed += 1
            click.echo(f"Refused {path}: {exc}", err=True)
    if failed:
        sys.exit(1)


@command.command("docs")
@click.option("--unreviewed", is_flag=True, help="Only uploads not yet approved.")
@click.option("--json", "as_json", is_flag=True, help='Print {"documents": [...]} as JSON.')
def docs(unreviewed: bool, as_json: bool) -> None:
    """The indexed documents: uploads with who added them, when, and their review."""
    from harde.knowledge import make_knowledge_base

    settings = get_settings()
    settings.ensure_dirs()
    documents = make_knowledge_base(settings).documents()
    if unreviewed:
        documents = [d for d in documents if d.upload is not None and not d.upload.reviewed]
    if as_json:
        payload = [
            {
                "source": d.source,
                "title": d.title,
                "category": d.category,
                "passages": d.passages,
                "status": d.status,
                "upload": d.upload.to_json() if d.upload else None,
            }
            for d in documents
        ]
        click.echo(json.dumps({"documents": payload}, ensure_ascii=False, indent=2))
        return
    uploads = [d for d in documents if d.upload is not None]
    if not uploads:
        click.echo("No uploaded documents." if unreviewed or not documents else f"{len(documents)} company documents, no uploads.")
        return
    for d in uploads:
        assert d.upload is not None
        who = d.upload.name or "uploader unknown"
        click.echo(f"{d.source}  “{d.title}”  uploaded by {who} at {d.upload.uploaded_at or '?'}  [{d.status}]")
    if not unreviewed:
        click.echo(f"and {len(documents) - len(uploads)} company documents")


@command.command("approve")
@click.argument("sources", nargs=-1, required=True)
def approve(sources: tuple[str, ...]) -> None:
    """Approve uploaded documents (SOURCE as `harde kb docs` lists it, e.g. UPLOADS/storm.md)."""
    from harde.knowledge import make_knowledge_base

    settings = get_settings()
    settings.ensure_dirs()
    kb = make_knowledge_base(settings)
    failed = 0
    for source in sources:
        try:
            click.echo(kb.approve(source, _operator(settings)))
        except HardeError as exc:
            failed += 1
            click.echo(f"Not approved: {exc}", err=True)
    if failed:
        sys.exit(1)


@command.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(as_json: bool) -> None:
    """Documents and passages indexed, per category; brings the index up to date first."""
    from harde.knowledge import make_knowledge_base

    settings = get_settings()
    settings.ensure_dirs()
    kb = make_knowledge_base(settings)
    figures = kb.refresh()
    if as_json:
        click.echo(
            json.dumps(
                {
                    "documents": figures.documents,
                    "passages": figures.chunks,
                    "categories": figures.categories,
                    "projects": figures.projects,
                    "source": kb.source.describe(),
                }
            )
        )
        return
    click.echo(f"Knowledge base ({kb.source.describe()}): {figures.documents} documents, {figures.chunks} passages")
    for category, count in figures.categories.items():
        click.echo(f"  {category:<22} {count:>4} documents")
    if figures.projects:
        click.echo("  projects: " + ", ".join(figures.projects))
