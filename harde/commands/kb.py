"""`harde kb search|ingest|stats`: the knowledge base from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from harde.config import get_settings
from harde.errors import HardeError, InputError


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
def ingest(paths: tuple[Path, ...], category: str) -> None:
    """Add .md, .txt or .pdf files (or every such file in a folder) to the knowledge base."""
    from harde.knowledge import make_knowledge_base
    from harde.knowledge.ingest import UPLOAD_SUFFIXES

    settings = get_settings()
    settings.ensure_dirs()
    kb = make_knowledge_base(settings)
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in UPLOAD_SUFFIXES))
        else:
            files.append(path)
    failed = 0
    for path in files:
        try:
            click.echo(kb.add_document(path.name, path.read_bytes(), category=category))
        except InputError as exc:
            failed += 1
            click.echo(f"Refused {path}: {exc}", err=True)
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
