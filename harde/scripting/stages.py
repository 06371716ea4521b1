"""Where a job is in the company's workflow, as a primer video needs it: before the appointment,
after the inspection, after signing, after completion, or no primer at all.

Stage names are the company's own (fetched from the CRM), so the phase is read from the words in
the name, never from a fixed list of codes.
"""

from __future__ import annotations

import re
from typing import Literal

PrimerPhase = Literal["before_appointment", "after_inspection", "after_signing", "after_completion", "none"]

# Checked in this order: "Appointment Scheduled" is before the visit, "Scheduled" alone (the
# install) is after signing, "Completed" is after the work whatever else the name says.
_PHASE_WORDS: tuple[tuple[PrimerPhase, str], ...] = (
    ("none", r"lost|dead|cancel+ed|declined|disqualified|archived"),
    ("after_completion", r"complete|completed|paid|closed|review|warranty|finished|done"),
    ("before_appointment", r"lead|new|appointment|appt|estimating|inspection scheduled|booked|contacted"),
    ("after_signing", r"signed|contract|sold|won|scheduled|production|in progress|install|permit|materials|ordered"),
    ("after_inspection", r"proposal|quote|quoted|estimate sent|follow|negotiat|inspected|presented|pending"),
)


def primer_phase(stage_name: str) -> PrimerPhase:
    """The phase a stage name says; a name with none of the words is before the appointment."""
    low = " ".join(stage_name.casefold().split())
    for phase, words in _PHASE_WORDS:
        if re.search(rf"\b({words})\b", low):
            return phase
    return "before_appointment"


def no_primer_reason(stage_name: str) -> str:
    return (
        f"The job is in {stage_name or 'a closed stage'}, so Hard-E made no primer video: there is "
        "no visit, install or thank-you to introduce. Move the job to its current stage in the CRM "
        "and start it again if that is wrong."
    )
