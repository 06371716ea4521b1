"""Uploads: who added what and when, marked as unreviewed in answers until a director approves
them, replaced only by a director, and the record outlasts the index."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from harde.errors import InputError, NotAllowedError
from harde.knowledge import KnowledgeBase, make_knowledge_base
from harde.knowledge.answers import format_hits
from harde.scripting.grounding import search_lines

from .conftest import director, kb_settings, uploader

STORM = (
    b"# Storm Response Policy\n\n"
    b"After a hailstorm we offer every homeowner a free roof inspection within 48 hours of the call.\n"
)
QUESTION = "free roof inspection after a hailstorm"
UNREVIEWED = "from an upload by Dana Reyes, not yet reviewed"


@pytest.fixture
def kb(tmp_path: Path, small_kb_dir: Path) -> KnowledgeBase:
    return make_knowledge_base(kb_settings(tmp_path / "var", small_kb_dir))


def _upload_entry(kb: KnowledgeBase, source: str) -> object:
    return next(d for d in kb.documents() if d.source == source)


def test_an_upload_records_who_and_when_and_starts_unreviewed(kb: KnowledgeBase) -> None:
    message = kb.add_document("storm.md", STORM, uploader())
    assert "not yet reviewed until a director approves it" in message
    document = next(d for d in kb.documents() if d.source == "UPLOADS/storm.md")
    assert document.upload is not None
    assert (document.upload.username, document.upload.name) == ("dana", "Dana Reyes")
    assert dt.datetime.fromisoformat(document.upload.uploaded_at).tzinfo is not None
    assert (document.status, document.title) == ("not yet reviewed", "Storm Response Policy")
    company = next(d for d in kb.documents() if d.source == "PRODUCT_KNOWLEDGE/warranties.md")
    assert (company.upload, company.status) == (None, "company document")


def test_answers_mark_an_upload_as_unreviewed_until_a_director_approves_it(kb: KnowledgeBase) -> None:
    kb.add_document("storm.md", STORM, uploader())
    hits = kb.search(QUESTION, k=3)
    answer = format_hits(QUESTION, hits)
    assert f"**Storm Response Policy** ({UNREVIEWED})" in answer
    assert f"Sources: Storm Response Policy (UPLOADS/storm.md; {UNREVIEWED})" in answer
    assert UNREVIEWED in hits[0].citation()
    assert "approved by Pat Quinn" not in answer

    said = kb.approve("UPLOADS/storm.md", director())
    assert "Approved “Storm Response Policy”" in said
    approved = format_hits(QUESTION, kb.search(QUESTION, k=3))
    assert "not yet reviewed" not in approved and "Storm Response Policy" in approved
    assert _upload_entry(kb, "UPLOADS/storm.md").status == "approved by Pat Quinn"  # type: ignore[attr-defined]


def test_a_rep_cannot_approve_an_upload(kb: KnowledgeBase) -> None:
    kb.add_document("storm.md", STORM, uploader())
    with pytest.raises(NotAllowedError, match="Only a director can approve"):
        kb.approve("UPLOADS/storm.md", uploader("Sam Ortiz"))
    assert UNREVIEWED in format_hits(QUESTION, kb.search(QUESTION, k=3))


def test_only_uploads_can_be_approved(kb: KnowledgeBase) -> None:
    with pytest.raises(InputError, match="not an uploaded document"):
        kb.approve("PRODUCT_KNOWLEDGE/warranties.md", director())


def test_the_review_outlasts_a_restart_and_a_rebuilt_index(tmp_path: Path, small_kb_dir: Path) -> None:
    settings = kb_settings(tmp_path / "var", small_kb_dir)
    kb = make_knowledge_base(settings)
    kb.add_document("storm.md", STORM, uploader())
    kb.add_document("gutters.md", b"# Gutter Guards\n\nWe install micro-mesh gutter guards on every gutter job we do.\n", uploader())
    kb.approve("UPLOADS/storm.md", director())
    restarted = make_knowledge_base(settings)
    assert restarted.search(QUESTION, k=1)[0].upload.reviewed  # type: ignore[union-attr]
    shutil.rmtree(tmp_path / "var" / "knowledge" / "index")
    rebuilt = make_knowledge_base(settings)
    statuses = {d.source: d.status for d in rebuilt.documents() if d.upload}
    assert statuses == {"UPLOADS/storm.md": "approved by Pat Quinn", "UPLOADS/gutters.md": "not yet reviewed"}
    assert rebuilt.search("micro-mesh gutter guards", k=1)[0].upload.name == "Dana Reyes"  # type: ignore[union-attr]


def test_replacing_a_document_needs_a_director(kb: KnowledgeBase, tmp_path: Path) -> None:
    kb.add_document("storm.md", STORM, uploader())
    kb.approve("UPLOADS/storm.md", director())
    changed = STORM.replace(b"a free roof inspection", b"50% off any roof")
    with pytest.raises(NotAllowedError, match="only a director can replace"):
        kb.add_document("storm.md", changed, uploader("Sam Ortiz"))
    with pytest.raises(InputError, match="choose to replace it"):
        kb.add_document("storm.md", changed, director())
    stored = tmp_path / "var" / "knowledge" / "uploads" / "UPLOADS" / "storm.md"
    assert stored.read_bytes() == STORM
    # A rep cannot shadow a company document with an upload of the same name either.
    with pytest.raises(NotAllowedError):
        kb.add_document("warranties.md", b"# Warranties\n\nEvery roof carries a lifetime warranty, no questions asked.\n", uploader(), "PRODUCT_KNOWLEDGE")

    message = kb.add_document("storm.md", changed, director(), replace=True)
    assert message.startswith("Replaced “Storm Response Policy”")
    replaced = _upload_entry(kb, "UPLOADS/storm.md")
    assert replaced.status == "not yet reviewed" and replaced.upload.name == "Pat Quinn"  # type: ignore[attr-defined]
    assert "not yet reviewed" in format_hits("50% off any roof", kb.search("50% off any roof", k=1))


def test_a_file_changed_behind_our_back_loses_its_approval(kb: KnowledgeBase, tmp_path: Path) -> None:
    kb.add_document("storm.md", STORM, uploader())
    kb.approve("UPLOADS/storm.md", director())
    stored = tmp_path / "var" / "knowledge" / "uploads" / "UPLOADS" / "storm.md"
    stored.write_bytes(STORM + b"\nAlso: tell every customer we give 50% off.\n")
    kb.refresh()
    document = _upload_entry(kb, "UPLOADS/storm.md")
    assert document.status == "not yet reviewed"  # type: ignore[attr-defined]
    assert "from an upload (uploader unknown), not yet reviewed" in kb.search("50% off", k=1)[0].citation()


def test_an_approval_from_another_process_reaches_a_running_index(tmp_path: Path, small_kb_dir: Path) -> None:
    settings = kb_settings(tmp_path / "var", small_kb_dir)
    running = make_knowledge_base(settings)
    running.add_document("storm.md", STORM, uploader())
    assert running.search(QUESTION, k=1)[0].unreviewed
    make_knowledge_base(settings).approve("UPLOADS/storm.md", director())
    running.refresh()
    assert not running.search(QUESTION, k=1)[0].unreviewed


def test_approval_is_refused_for_a_version_the_director_did_not_read(kb: KnowledgeBase) -> None:
    kb.add_document("storm.md", STORM, uploader())
    read = _upload_entry(kb, "UPLOADS/storm.md").upload.sha256  # type: ignore[attr-defined]
    kb.add_document("storm.md", STORM + b"\nAnd 50% off for everyone.\n", director(), replace=True)
    with pytest.raises(InputError, match="replaced after you opened it"):
        kb.approve("UPLOADS/storm.md", director(), sha256=read)
    assert _upload_entry(kb, "UPLOADS/storm.md").status == "not yet reviewed"  # type: ignore[attr-defined]


async def test_scripts_draw_only_on_reviewed_uploads(kb: KnowledgeBase) -> None:
    line = b"# Hail Visit Talk Track\n\nWe will walk the whole roof with you and photograph every bruise the hail left behind.\n"
    kb.add_document("hail-talk.md", line, uploader())
    found, sources = await search_lines(kb, "walk the roof photograph hail bruise", None, {})
    assert "UPLOADS/hail-talk.md" not in sources
    kb.approve("UPLOADS/hail-talk.md", director())
    found, sources = await search_lines(kb, "walk the roof photograph hail bruise", None, {})
    assert "UPLOADS/hail-talk.md" in sources and any("photograph every bruise" in s for s in found)


def test_the_command_line_lists_uploads_and_approves_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from harde.cli import main
    from harde.config import get_settings

    monkeypatch.setenv("HARDE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("HARDE_USER_NAME", "Pat Quinn")
    get_settings.cache_clear()
    doc = tmp_path / "storm.md"
    doc.write_bytes(STORM)
    runner = CliRunner()
    try:
        assert runner.invoke(main, ["kb", "ingest", str(doc)]).exit_code == 0
        again = runner.invoke(main, ["kb", "ingest", str(doc)])
        assert again.exit_code == 1 and "choose to replace it" in again.output
        assert runner.invoke(main, ["kb", "ingest", "--replace", str(doc)]).exit_code == 0
        listed = runner.invoke(main, ["kb", "docs", "--unreviewed"])
        assert "UPLOADS/storm.md  “Storm Response Policy”  uploaded by Pat Quinn at " in listed.output
        assert "[not yet reviewed]" in listed.output
        approved = runner.invoke(main, ["kb", "approve", "UPLOADS/storm.md"])
        assert approved.exit_code == 0 and "Approved" in approved.output
        documents = json.loads(runner.invoke(main, ["kb", "docs", "--json"]).output)["documents"]
        storm = next(d for d in documents if d["source"] == "UPLOADS/storm.md")
        assert storm["status"] == "approved by Pat Quinn" and storm["upload"]["reviewed_by"] == "pat-quinn"
        missing = runner.invoke(main, ["kb", "approve", "UPLOADS/nothing.md"])
        assert missing.exit_code == 1 and "not an uploaded document" in missing.output
    finally:
        get_settings.cache_clear()
