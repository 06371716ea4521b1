"""What a trigger email asks for, read from its words: the job number or id it names ("job
1043", "#2609-1043"), the customer's name after "primer video for", and whether the sender wants
it made again. The CRM look-up is harde.workflows.resolve's."""

from __future__ import annotations

import re
from dataclasses import dataclass

_JOB_REF = re.compile(
    r"\bjob\s*(?:number|no\.?|#)?\s*#?\s*(\d{4}-\d{2,6}|\d{2,7})\b", re.IGNORECASE
)
_HASH_REF = re.compile(r"#\s*(\d{4}-\d{2,6}|\d{2,7})\b")
_NAME = re.compile(
    r"primer\s+video\s+(?:for|about)\s+(?:the\s+)?(?P<name>[A-Za-z][A-Za-z'\-. ]{1,60}?)"
    r"\s*(?:[,;:(\n]|\bjob\b|\bat\b|\bon\b|'s\b|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class JobAsk:
    """The job reference and customer name an email gives (either may be missing)."""

    job_ref: str | None = None
    customer_name: str | None = None


_AGAIN = re.compile(r"\bagain\b", re.IGNORECASE)


def job_reference(text: str) -> str | None:
    """The first "job 1043" or "#1043" in the text."""
    found = [m for m in (_JOB_REF.search(text), _HASH_REF.search(text)) if m]
    return min(found, key=lambda m: m.start()).group(1) if found else None


def asks_again(subject: str, new_text: str) -> bool:
    """The sender wants the video made even though one went out recently."""
    return bool(_AGAIN.search(subject) or _AGAIN.search(new_text))


def customer_name(text: str) -> str | None:
    m = _NAME.search(text)
    if not m:
        return None
    name = re.sub(r"\s+", " ", m.group("name")).strip(" .")
    return name or None


def read_trigger(subject: str, body: str = "") -> JobAsk:
    """`body` is the new text of the email only (never a quoted earlier message). A number
    written in the reply wins over the subject; only a name in the same words can contradict it."""
    ref = job_reference(body)
    if ref is not None:
        return JobAsk(ref, customer_name(body))
    return JobAsk(job_reference(subject), customer_name(subject) or customer_name(body))
