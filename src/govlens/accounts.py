"""Moderator accounts and login sessions.

Passwords are stored as argon2id hashes (argon2-cffi's defaults). A session is a random token in an
HttpOnly cookie; the database keeps only its sha256, so a copy of the database cannot be replayed as
a login. Sessions expire after :data:`SESSION_TTL` seconds.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .errors import GovlensError
from .store.api import StoreAPI as Store

SESSION_TTL = 12 * 3600
MIN_PASSWORD = 10
ROLES = ("moderator", "admin")

_hasher = PasswordHasher()
# Verified against when the user does not exist, so a login takes as long either way.
_DUMMY = _hasher.hash(secrets.token_hex(16))


class AccountError(GovlensError):
    code = "E012"


def add_user(store: Store, name: str, password: str, role: str = "moderator") -> int:
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise AccountError("a user name is 1-64 characters without spaces", name)
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password too short (at least {MIN_PASSWORD} characters)", name)
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r} (one of {', '.join(ROLES)})", name)
    user_id = store.add_user(name, _hasher.hash(password), role, time.strftime("%Y-%m-%dT%H:%M:%S"))
    if user_id is None:
        raise AccountError("user already exists", name)
    return user_id


def remove_user(store: Store, name: str) -> None:
    if not store.remove_user(name):
        raise AccountError("no such user", name)


def users(store: Store) -> list[dict[str, Any]]:
    return store.users()


def authenticate(store: Store, name: str, password: str) -> int | None:
    """The user's id when the password is right, else None (in about the same time either way)."""
    row = store.user_password(name)
    try:
        _hasher.verify(row[1] if row else _DUMMY, password)
    except (VerificationError, InvalidHashError):
        return None
    return row[0] if row else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(store: Store, user_id: int) -> str:
    token = secrets.token_urlsafe(32)
    now = time.time()
    store.open_session(_digest(token), user_id, now + SESSION_TTL, now)
    return token


def session_user(store: Store, token: str | None) -> dict[str, Any] | None:
    if not token:
        return None
    return store.session_user(_digest(token), time.time())


def close_session(store: Store, token: str | None) -> None:
    if token:
        store.close_session(_digest(token))
