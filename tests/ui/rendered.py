"""Markdown rendered to HTML as the browser renders it for st.markdown (CommonMark with GFM
tables and strikethrough, raw HTML not rendered), and the image addresses that HTML would load."""

from __future__ import annotations

from html.parser import HTMLParser

from markdown_it import MarkdownIt

_RENDERER = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def render(markdown: str) -> str:
    return _RENDERER.render(markdown)


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img":
            self.sources.append(values.get("src") or "")
        elif tag == "a":
            self.links.append(values.get("href") or "")


def loaded_images(markdown: str) -> list[str]:
    """The address of every image the browser would fetch to show `markdown`."""
    parser = _Images()
    parser.feed(render(markdown))
    return parser.sources


def links(markdown: str) -> list[str]:
    parser = _Images()
    parser.feed(render(markdown))
    return parser.links


def is_own_static(address: str) -> bool:
    return address.startswith(("/app/static/", "app/static/")) and ".." not in address and "//" not in address


# Elements whose text Streamlit renders as Markdown, and where that text sits.
_MARKDOWN_VALUES = {"markdown", "caption", "error", "warning", "info", "success", "title", "header", "subheader", "toast"}
_MARKDOWN_LABELS = {"button", "download_button", "expander", "status", "checkbox", "chat_message"}


def shown_markdown(app: object) -> list[str]:
    """Every piece of Markdown an AppTest run put on screen, main area and sidebar."""
    texts: list[str] = []
    for block in (app.main, app.sidebar):  # type: ignore[attr-defined]
        for node in block:
            kind = getattr(node, "type", "")
            if kind in _MARKDOWN_VALUES:
                texts.append(str(node.value))
            elif kind in _MARKDOWN_LABELS and getattr(node, "label", ""):
                texts.append(str(node.label))
    return texts
