"""Stores: the embedded SQLite file (default) — PostgreSQL when many users share one store."""

from __future__ import annotations

from ..errors import StoreError
from .sqlite import Store, default_target


def open_store(target: str | None = None, readonly: bool = False) -> Store:
    target = target or default_target()
    if target.startswith(("postgresql://", "postgres://")):
        raise StoreError("the PostgreSQL backend is not built yet; use a SQLite file path", target)
    return Store(target, readonly=readonly)


__all__ = ["Store", "open_store"]
