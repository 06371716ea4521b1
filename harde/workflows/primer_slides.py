"""The primer's slides from its script and the job: greeting, what we look at (or found), the
product and why, what happens next, and who to call. One slide per part of the script, so the
picture changes when the voice moves on."""

from __future__ import annotations

import re
from typing import Any

from harde.integrations.video.storyboard import SlideText
from harde.scripting.stages import primer_phase

# The offline writer's sections (harde.scripting.compose) -> the slide that shows them.
_KIND_OF_SECTION = {0: "greeting", 1: "greeting", 2: "look", 3: "look", 4: "product", 5: "product",
                    6: "product", 7: "next", 8: "next", 9: "sign_off"}  # fmt: skip
KINDS = ("greeting", "look", "product", "next", "sign_off")

_LOOK_TITLE = {
    "before_appointment": "What we'll look at",
    "after_inspection": "What we found",
    "after_signing": "Before we start",
    "after_completion": "Thank you",
}
_NEXT_TITLE = {"after_completion": "One small favour"}


def _sections(text: str, sections: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """(kind, spoken text) in script order; a model's draft (no sections) is split evenly."""
    if sections:
        grouped: list[tuple[str, str]] = []
        for number, paragraph in sections:
            kind = _KIND_OF_SECTION.get(number, "product")
            if grouped and grouped[-1][0] == kind:
                grouped[-1] = (kind, f"{grouped[-1][1]} {paragraph}")
            else:
                grouped.append((kind, paragraph))
        return grouped
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    if not paragraphs:
        return []
    share = max(1, round(len(paragraphs) / len(KINDS)))
    out: list[tuple[str, str]] = []
    for i, kind in enumerate(KINDS):
        part = paragraphs[i * share : (i + 1) * share] if kind != "sign_off" else paragraphs[i * share :]
        if part:
            out.append((kind, " ".join(part)))
    return out


def primer_slides(
    text: str, sections: list[tuple[int, str]], context: dict[str, Any], company: str
) -> list[SlideText]:
    """The slides of one primer; the last names the rep and the number in `context["phone"]`
    (the brand folder's; none is shown when the company gave none)."""
    phone = str(context.get("phone") or "")
    phase = primer_phase(str(context.get("stage_name") or ""))
    first = str(context.get("first_name") or "there")
    town = str(context.get("city") or "")
    project = str(context.get("project") or context.get("trade") or "project").lower()
    rep = str(context.get("rep_name") or f"The {company} team")
    titles = {
        "greeting": (f"Hi {first}", f"Your {project}" + (f" in {town}" if town else "")),
        "look": (_LOOK_TITLE.get(phase, "What we'll look at"), ""),
        "product": (f"Your {project}", f"Why it matters, {first}" if phase != "after_completion" else ""),
        "next": (_NEXT_TITLE.get(phase, "What happens next"), ""),
        "sign_off": (rep, " · ".join(p for p in (company, phone) if p)),
    }
    return [
        SlideText(kind, titles[kind][0], titles[kind][1], spoken)
        for kind, spoken in _sections(text, sections)
    ]
