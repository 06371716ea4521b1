"""The local users file, for installs without an identity provider: who may sign in, their role,
and an argon2 hash of their password. A JSON file under the data folder, written atomically and
readable by its owner only.

    {"demo": false, "users": [{"username": "dwhitaker", "name": "Dana Whitaker",
      "email": "dwhitaker@example.com", "role": "rep", "password_hash": "$argon2id$..."}]}

`harde users add|passwd|remove|list` keeps it; `harde demo load` writes the fictional company's
users when there is no file yet.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from harde.auth import ROLES, Role, User
from harde.errors import HardeError

USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
MIN_PASSWORD = 8
# The fictional company's shared password, shown on the sign-in page only while the file is the demo's.
DEMO_PASSWORD = "summit-demo"

_HASHER = PasswordHasher()
# Verified against when the user name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("not a password anyone has")


class UsersFileError(HardeError):
    """The users file is missing, unreadable or would be made invalid."""


@dataclass(frozen=True)
class StoredUser:
    username: str
    name: str
    email: str
    role: Role
    password_hash: str

    def user(self) -> User:
        return User(username=self.username, name=self.name, email=self.email, role=self.role)


def check_username(username: str) -> str:
    username = username.strip().lower()
    if not USERNAME.fullmatch(username):
        raise UsersFileError("A user name is 1-64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.")
    return username


def check_role(role: str) -> Role:
    if role not in ROLES:
        raise UsersFileError(f"A role is one of: {', '.join(ROLES)}.")
    return role


# A file's identity as far as reading it goes: it is only ever replaced by a rename, so a new
# version is a new inode (and a new mtime and size, usually).
_Signature = tuple[int, int, int, int]


def _signature(stat: os.stat_result) -> _Signature:
    return (stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_size)


class _ParsedUsers:
    """Each users file's entries as last read, by its signature: the web app looks a person's
    role up on every page run, and a stat costs less than reading and parsing the file."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[Path, tuple[_Signature, tuple[StoredUser, ...]]] = {}

    def get(self, path: Path, signature: _Signature) -> tuple[StoredUser, ...] | None:
        with self._lock:
            held = self._seen.get(path)
        return held[1] if held is not None and held[0] == signature else None

    def put(self, path: Path, signature: _Signature, users: tuple[StoredUser, ...]) -> None:
        with self._lock:
            self._seen[path] = (signature, users)


_PARSED = _ParsedUsers()


class UsersFile:
    def __init__(self, path: Path) -> None:
        self.path = path

    # --- reading ---------------------------------------------------------------------------
    def _read(self) -> dict[str, Any]:
        return self._read_signed()[1]

    def _read_signed(self) -> tuple[_Signature | None, dict[str, Any]]:
        """The file's content with the signature of the very file read (None when there is none)."""
        try:
            with self.path.open("rb") as handle:
                signature = _signature(os.fstat(handle.fileno()))
                raw = json.loads(handle.read().decode("utf-8"))
        except FileNotFoundError:
            return None, {"demo": False, "users": []}
        except (OSError, ValueError) as error:
            raise UsersFileError(f"The users file {self.path} could not be read ({type(error).__name__}).") from error
        if not isinstance(raw, dict) or not isinstance(raw.get("users"), list):
            raise UsersFileError(f"The users file {self.path} is not a users file.")
        return signature, raw

    def exists(self) -> bool:
        return self.path.is_file()

    @property
    def is_demo(self) -> bool:
        return bool(self._read().get("demo"))

    def users(self) -> list[StoredUser]:
        try:
            known = _PARSED.get(self.path, _signature(self.path.stat()))
        except FileNotFoundError:
            return []
        except OSError as error:
            raise UsersFileError(f"The users file {self.path} could not be read ({type(error).__name__}).") from error
        if known is not None:
            return list(known)
        signature, data = self._read_signed()
        out = self._parse(data)
        if signature is not None:
            _PARSED.put(self.path, signature, tuple(out))
        return out

    def _parse(self, data: dict[str, Any]) -> list[StoredUser]:
        out: list[StoredUser] = []
        for row in data["users"]:
            try:
                out.append(StoredUser(
                    username=str(row["username"]), name=str(row.get("name") or row["username"]),
                    email=str(row.get("email") or ""), role=check_role(str(row.get("role") or "rep")),
                    password_hash=str(row.get("password_hash") or ""),
                ))
            except (KeyError, TypeError, UsersFileError) as error:
                raise UsersFileError(f"The users file {self.path} has a malformed entry.") from error
        return out

    def get(self, username: str) -> StoredUser | None:
        key = username.strip().lower()
        return next((u for u in self.users() if u.username == key), None)

    def find(self, *, email: str = "", username: str = "") -> User | None:
        """The person with this email or user name (for OIDC and proxy sign-ins: their role)."""
        email, username = email.strip().casefold(), username.strip().lower()
        for stored in self.users():
            if (email and stored.email.casefold() == email) or (username and stored.username == username):
                return stored.user()
        return None

    def verify(self, username: str, password: str) -> User | None:
        """The user when the password is theirs; None otherwise (unknown names take as long)."""
        stored = self.get(username) if USERNAME.fullmatch(username.strip().lower()) else None
        try:
            _HASHER.verify(stored.password_hash if stored else _DUMMY_HASH, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        return stored.user() if stored else None

    # --- writing ---------------------------------------------------------------------------
    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".users-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=2)
                handle.write("\n")
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def add(self, username: str, *, name: str, email: str = "", role: str = "rep", password: str) -> User:
        username = check_username(username)
        if len(password) < MIN_PASSWORD:
            raise UsersFileError(f"A password has at least {MIN_PASSWORD} characters.")
        data = self._read()
        if any(str(row.get("username")) == username for row in data["users"]):
            raise UsersFileError(f"There is already a user {username}.")
        stored = StoredUser(username, name.strip() or username, email.strip(), check_role(role), _HASHER.hash(password))
        data["users"].append(asdict(stored))
        # A file that gains a real user is no longer the demo's: its password hint goes away.
        data["demo"] = False
        self._write(data)
        return stored.user()

    def set_password(self, username: str, password: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise UsersFileError(f"A password has at least {MIN_PASSWORD} characters.")
        data = self._read()
        for row in data["users"]:
            if row.get("username") == username.strip().lower():
                row["password_hash"] = _HASHER.hash(password)
                data["demo"] = False
                self._write(data)
                return
        raise UsersFileError(f"There is no user {username}.")

    def remove(self, username: str) -> None:
        data = self._read()
        kept = [row for row in data["users"] if row.get("username") != username.strip().lower()]
        if len(kept) == len(data["users"]):
            raise UsersFileError(f"There is no user {username}.")
        data["users"] = kept
        self._write(data)

    def write_demo(self, people: list[dict[str, Any]]) -> int:
        """The fictional company's people as users, all with the demo password; the sales
        director (by title) is a director. Only when there is no users file yet."""
        if self.exists():
            return 0
        rows = []
        for person in people:
            email = str(person.get("email") or "")
            username = check_username(email.split("@", 1)[0] or f"user{person.get('id')}")
            role: Role = "director" if "director" in str(person.get("title", "")).casefold() else "rep"
            name = f"{person.get('first_name', '')} {person.get('last_name', '')}".strip()
            rows.append(asdict(StoredUser(username, name, email, role, _HASHER.hash(DEMO_PASSWORD))))
        self._write({"demo": True, "users": rows})
        return len(rows)
