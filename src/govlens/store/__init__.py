"""Stores: the embedded SQLite file (default) — PostgreSQL when many users share one store.

Everything outside this package talks to a store through :class:`~govlens.store.api.StoreAPI`."""

from __future__ import annotations

from .api import StoreAPI
from .base import default_target, sha256
from .sqlite import Store


def is_postgres(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def open_store(target: str | None = None, readonly: bool = False) -> StoreAPI:
    target = target or default_target()
    if is_postgres(target):
        from .postgres import PgStore

        return PgStore(target, readonly=readonly)
    return Store(target, readonly=readonly)


__all__ = ["Store", "StoreAPI", "default_target", "is_postgres", "open_store", "sha256"]
