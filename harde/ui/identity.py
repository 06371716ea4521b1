"""Who is using the web app: the one place the UI learns the signed-in person.

- `local`: a sign-in form against the users file (argon2 hashes); a few wrong passwords for one
  name lock it for a while.
- `oidc`: Streamlit's `st.login` (the `[auth]` section of .streamlit/secrets.toml); the role
  comes from the users file by email, or from HARDE_DIRECTORS.
- `proxy`: the user name in a header set by a proxy that authenticated the person (nginx basic
  auth). Chosen only by the setting: the header is never read otherwise.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

import streamlit as st

from harde.auth import Role, User
from harde.auth.users import DEMO_PASSWORD, USERNAME, UsersFile, UsersFileError
from harde.config import Settings

log = logging.getLogger(__name__)

_SESSION_KEY = "harde_user"
MAX_FAILURES = 5
LOCK_SECONDS = 300.0


@dataclass
class _Failures:
    """Wrong passwords per user name, across every browser session of this process."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    seen: dict[str, list[float]] = field(default_factory=dict)

    def locked(self, username: str) -> bool:
        with self.lock:
            recent = [t for t in self.seen.get(username, []) if time.monotonic() - t < LOCK_SECONDS]
            self.seen[username] = recent
            return len(recent) >= MAX_FAILURES

    def failed(self, username: str) -> None:
        with self.lock:
            self.seen.setdefault(username, []).append(time.monotonic())

    def cleared(self, username: str) -> None:
        with self.lock:
            self.seen.pop(username, None)


@st.cache_resource
def _failures() -> _Failures:
    return _Failures()


def _with_role(settings: Settings, *, username: str, name: str, email: str) -> User:
    """A person signed in elsewhere (OIDC, proxy), with the role the users file or HARDE_DIRECTORS gives."""
    try:
        known = UsersFile(settings.users_path).find(email=email, username=username)
    except UsersFileError as error:
        log.warning("users file unreadable: %s", type(error).__name__)
        known = None
    if known is not None:
        return known
    directors = settings.director_list
    role: Role = "director" if (email.casefold() in directors or username.casefold() in directors) else "rep"
    return User(username=username, name=name or username, email=email, role=role)


def current_user(settings: Settings) -> User | None:
    """The signed-in person, or None when nobody is (the page then shows the sign-in)."""
    if settings.auth == "proxy":
        raw = (st.context.headers.get(settings.proxy_user_header) or "").strip().lower()
        if not raw or not USERNAME.fullmatch(raw):
            return None
        return _with_role(settings, username=raw, name=raw, email="")
    if settings.auth == "oidc":
        if not st.user.is_logged_in:
            return None
        email = str(st.user.get("email") or "")
        subject = str(st.user.get("sub") or email)
        return _with_role(settings, username=email.casefold() or subject, name=str(st.user.get("name") or email), email=email)
    user = st.session_state.get(_SESSION_KEY)
    return user if isinstance(user, User) else None


def sign_out(settings: Settings) -> None:
    if settings.auth == "oidc":
        st.logout()
    st.session_state.pop(_SESSION_KEY, None)


def render_sign_in(settings: Settings) -> None:
    """The sign-in page for whichever way this install signs people in."""
    st.title("Hard-E")
    if settings.auth == "proxy":
        st.error(f"The proxy did not say who you are (no valid {settings.proxy_user_header} header). Sign in through the company's login.")
        return
    if settings.auth == "oidc":
        st.caption("Sign in with your company account.")
        if st.button("Sign in", type="primary"):
            st.login()
        return
    users = UsersFile(settings.users_path)
    try:
        demo, present = users.is_demo, users.exists()
    except UsersFileError as error:
        st.error(str(error))
        return
    if not present:
        st.error("Nobody can sign in yet: add a user with `harde users add NAME --name 'Full Name' --email ...`, or load the demo with `harde demo load`.")
        return
    with st.form("sign-in"):
        st.markdown("#### Sign in")
        username = st.text_input("User name", autocomplete="username")
        password = st.text_input("Password", type="password", autocomplete="current-password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if demo:
        st.info(
            "This is the fictional demo company, Summit Ridge Exteriors. Sign in as a rep, "
            f"`dwhitaker` or `mreed`, or as the sales director, `rames`; the password is `{DEMO_PASSWORD}`."
        )
    if not submitted:
        return
    key = username.strip().lower()
    failures = _failures()
    if failures.locked(key):
        st.error("Too many wrong passwords for that user name. Wait a few minutes and try again.")
        return
    user = users.verify(key, password)
    if user is None:
        failures.failed(key)
        log.info("sign-in refused")
        st.error("That user name and password do not match.")
        return
    failures.cleared(key)
    st.session_state[_SESSION_KEY] = user
    st.rerun()
