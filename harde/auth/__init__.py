"""Who is asking: the signed-in person, whatever signed them in (OIDC, the local users file,
or a trusted proxy header)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Role = Literal["rep", "director"]
ROLES: tuple[Role, ...] = ("rep", "director")


@dataclass(frozen=True)
class User:
    """A signed-in person. `username` is the stable key conversations and approvals belong to;
    `name` and `email` map them to the CRM user ("my calendar")."""

    username: str
    name: str
    email: str = ""
    role: Role = "rep"

    @property
    def is_director(self) -> bool:
        return self.role == "director"


def slugify(name: str) -> str:
    """A user name made from a display name: "Dana Whitaker" -> "dana-whitaker"."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:64] or "user"
