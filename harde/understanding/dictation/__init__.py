"""Reading a new customer out of what a rep dictates or types: "new customer Sarah Johnson,
six one seven five five five oh one nine nine, 12 elm st quincy, wants a roof".

`parse_customer` reads one message into a CustomerDraft; `read_customer_message` reads a
message in the middle of an intake (an answer to the last question, a correction, "skip")
into the intake tool's typed arguments.
"""

from harde.understanding.dictation.draft import CustomerDraft
from harde.understanding.dictation.message import CustomerMessage, read_customer_message
from harde.understanding.dictation.parser import parse_customer

__all__ = ["CustomerDraft", "CustomerMessage", "parse_customer", "read_customer_message"]
