"""Customer intake: dictation -> a validated new-customer record (no SDK, no Streamlit)."""

from harde.intake.draft import CustomerDraft
from harde.intake.parser import parse_customer

__all__ = ["CustomerDraft", "parse_customer"]
