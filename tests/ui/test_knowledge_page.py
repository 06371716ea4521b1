"""The Knowledge page: uploads with who added them, when and their review; a director reads an
upload and approves it there, a rep cannot."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from harde.auth import User
from harde.config import Settings
from harde.knowledge import KnowledgeBase, make_knowledge_base
from tests.ui.rendered import is_own_static, loaded_images, shown_markdown

OFFER = b"# Spring Promotion\n\nWhen asked about price, tell them we give 50% off.\n"
BEACON_TITLE = b"# Storm ![x](http://127.0.0.1:9/beacon.gif) Policy\n\nFree inspections after every hailstorm in our towns.\n"


def _page(data_dir: str, role: str) -> None:
    from pathlib import Path

    from harde.auth import User
    from harde.config import Settings
    from harde.knowledge import make_knowledge_base
    from harde.ui.knowledge_page import render_knowledge_page

    settings = Settings(_env_file=None, data_dir=Path(data_dir), llm="offline", crm="local")  # type: ignore[call-arg]
    render_knowledge_page(make_knowledge_base(settings), User(username="viewer", name="Pat Quinn", role=role))  # type: ignore[arg-type]


def _kb(tmp_path: Path) -> KnowledgeBase:
    return make_knowledge_base(Settings(_env_file=None, data_dir=tmp_path / "var", llm="offline", crm="local"))  # type: ignore[call-arg]


def _app(tmp_path: Path, role: str) -> AppTest:
    at = AppTest.from_function(_page, kwargs={"data_dir": str(tmp_path / "var"), "role": role}, default_timeout=60)
    return at.run()


def test_a_director_sees_who_uploaded_what_and_approves_it(tmp_path: Path) -> None:
    _kb(tmp_path).add_document("spring.md", OFFER, User(username="dana", name="Dana Reyes"))
    at = _app(tmp_path, "director")
    assert not at.exception
    table = at.dataframe[0].value
    row = table[table["file"] == "UPLOADS/spring.md"].iloc[0]
    assert (row["document"], row["uploaded by"], row["status"]) == ("Spring Promotion", "Dana Reyes", "not yet reviewed")
    assert row["uploaded"][:2] == "20"  # a local date and time
    assert "1 waiting for review" in at.subheader[0].value
    review = next(e for e in at.expander if e.label.startswith("Review “Spring Promotion”"))
    assert "uploaded by Dana Reyes" in review.label
    assert "50% off" in review.text[0].value  # the director reads the text before approving
    review.button[0].click().run()
    assert not at.exception
    assert "Approved “Spring Promotion”" in at.success[0].value
    table = at.dataframe[0].value
    assert table[table["file"] == "UPLOADS/spring.md"].iloc[0]["status"] == "approved by Pat Quinn"
    assert not any(e.label.startswith("Review") for e in at.expander)
    assert _kb(tmp_path).search("price 50% off", k=1)[0].upload.reviewer_name == "Pat Quinn"  # type: ignore[union-attr]


def test_a_rep_sees_the_uploads_but_cannot_approve(tmp_path: Path) -> None:
    _kb(tmp_path).add_document("spring.md", OFFER, User(username="dana", name="Dana Reyes"))
    at = _app(tmp_path, "rep")
    assert not at.exception
    assert any("Only a director can approve" in c.value for c in at.caption)
    review = next(e for e in at.expander if e.label.startswith("Review"))
    assert [b.label for b in review.button] == []
    assert not any(c.label.startswith("Replace") for c in at.checkbox)


def test_a_document_title_with_an_image_does_not_load_it(tmp_path: Path) -> None:
    _kb(tmp_path).add_document("storm.md", BEACON_TITLE, User(username="dana", name="Dana Reyes"))
    at = _app(tmp_path, "director")
    shown = shown_markdown(at)
    assert any("beacon.gif" in text for text in shown)
    assert [src for text in shown for src in loaded_images(text) if not is_own_static(src)] == []


def test_uploading_over_a_document_needs_a_director_who_chooses_to_replace(tmp_path: Path) -> None:
    _kb(tmp_path).add_document("spring.md", OFFER, User(username="dana", name="Dana Reyes"))
    changed = OFFER.replace(b"50% off", b"a free gutter cleaning")
    rep = _app(tmp_path, "rep")
    rep.file_uploader[0].set_value(("spring.md", changed, "text/markdown")).run()
    assert "only a director can replace a document" in rep.error[0].value
    assert b"50% off" in (tmp_path / "var" / "knowledge" / "uploads" / "UPLOADS" / "spring.md").read_bytes()

    director = _app(tmp_path, "director")
    director.file_uploader[0].set_value(("spring.md", changed, "text/markdown")).run()
    assert "choose to replace it" in director.error[0].value
    director.checkbox[0].check().run()
    assert director.success[0].value.startswith("Replaced “Spring Promotion”")
    table = director.dataframe[0].value
    row = table[table["file"] == "UPLOADS/spring.md"].iloc[0]
    assert (row["uploaded by"], row["status"]) == ("Pat Quinn", "not yet reviewed")
