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
from .store.sqlite import Store

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
    with store.con:
        if store.con.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
            raise AccountError("user already exists", name)
        store.con.execute("INSERT INTO users(name, password, role, created_at) VALUES (?, ?, ?, ?)",
                          (name, _hasher.hash(password), role, time.strftime("%Y-%m-%dT%H:%M:%S")))
        return store.con.last_insert_rowid()


def remove_user(store: Store, name: str) -> None:
    with store.con:
        if not store.con.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
            raise AccountError("no such user", name)
        store.con.execute("DELETE FROM users WHERE name = ?", (name,))


def users(store: Store) -> list[dict[str, Any]]:
    cols = ("id", "name", "role", "created_at")
    return [dict(zip(cols, r, strict=True))
            for r in store.con.execute("SELECT id, name, role, created_at FROM users ORDER BY name")]


def authenticate(store: Store, name: str, password: str) -> int | None:
    """The user's id when the password is right, else None (in about the same time either way)."""
    row = store.con.execute("SELECT id, password FROM users WHERE name = ?", (name,)).fetchone()
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
    with store.con:
        store.con.execute("DELETE FROM sessions WHERE expires < ?", (now,))
        store.con.execute("INSERT INTO sessions(token_sha256, user_id, expires) VALUES (?, ?, ?)",
                          (_digest(token), user_id, now + SESSION_TTL))
    return token


def session_user(store: Store, token: str | None) -> dict[str, Any] | None:
    if not token:
        return None
    row = store.con.execute(
        "SELECT u.id, u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.token_sha256 = ? AND s.expires > ?", (_digest(token), time.time())).fetchone()
    return dict(zip(("id", "name", "role"), row, strict=True)) if row else None


def close_session(store: Store, token: str | None) -> None:
    if token:
        with store.con:
            store.con.execute("DELETE FROM sessions WHERE token_sha256 = ?", (_digest(token),))
