"""Who is using the app: the one place the pages ask for the current person."""

from __future__ import annotations

import re

from harde.auth import User
from harde.config import get_settings


def current_user() -> User:
    """The person using the app right now.

    Until sign-in exists this is the one configured user (HARDE_USER_NAME) as a director; the
    sign-in work replaces this function with the signed-in person, and every page that asks
    (uploads, the Knowledge page's approvals) follows."""
    name = get_settings().user_name
    username = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "user"
    return User(username=username, name=name, role="director")
