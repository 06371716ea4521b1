"""A revision of a script (typed, harde.scripting.models.Revision) applied to its options, so
the offline writer makes exactly the change asked. Reading one from the rep's words is the
understanding layer's job (harde.understanding.scripting)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from harde.scripting.models import Revision, ScriptOptions

LENGTH_FACTORS = {"much_shorter": 0.6, "shorter": 0.75, "longer": 1.3, "much_longer": 1.5}


@dataclass(frozen=True)
class RevisionResult:
    options: ScriptOptions
    changes: list[str]  # what was changed, in words, for the reply

    @property
    def understood(self) -> bool:
        return bool(self.changes)


def revise_options(options: ScriptOptions, revision: Revision) -> RevisionResult:
    """Apply every change of the revision; `changes` is empty when it asks for none."""
    changes: list[str] = []
    target = revision.target_words
    if target is None and revision.length is not None:
        target = round(options.target_words * LENGTH_FACTORS[revision.length])
    if target is not None and target != options.target_words:
        new = options.with_target(target)
        if new.target_words != options.target_words:
            changes.append(f"length target {options.target_words} → {new.target_words} words")
        else:
            changes.append(f"already at the {options.script_type} limit of {options.target_words} words")
        options = new

    tone = revision.tone
    if tone is not None:
        changes.append(f"tone {options.tone} → {tone}" if tone != options.tone else f"tone already {tone}")
        options = replace(options, tone=tone)

    for phrase in revision.remove:
        kept = tuple(m for m in options.mentions if phrase.lower() not in m.lower())
        if kept != options.mentions:
            options = replace(options, mentions=kept)
            changes.append(f"no longer mentions {phrase}")
        elif options.focus and phrase.lower() in options.focus.lower():
            options = replace(options, focus=None)
            changes.append(f"dropped the focus on {phrase}")
        else:
            changes.append(f"{phrase} was not in the script")

    if revision.focus:
        options = replace(options, focus=revision.focus)
        changes.append(f"focus: {revision.focus}")

    for phrase in revision.mention:
        if phrase.lower() not in (m.lower() for m in options.mentions):
            options = replace(options, mentions=(*options.mentions, phrase))
            changes.append(f"mentions {phrase}")
    return RevisionResult(options, changes)
