"""The store owns every query: nothing outside store/ holds a connection or writes SQL, and each
backend offers the whole StoreAPI."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import govlens
from govlens.store.api import StoreAPI
from govlens.store.sqlite import Store

SRC = Path(govlens.__file__).parent
SQL = re.compile(r"\.con\b|\.execute\(|\bSELECT\s+\S+.*\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b")


def test_no_sql_outside_the_store():
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.parent.name == "store":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SQL.search(line):
                offenders.append(f"{path.relative_to(SRC)}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_the_pattern_catches_what_it_should():
    assert SQL.search('store.con.execute("SELECT 1")')
    assert SQL.search('"SELECT id, title FROM documents WHERE x = ?"')
    assert not SQL.search("select the best figure from the report")


def test_sqlite_store_offers_the_whole_api(tmp_path):
    members = {n for n, _ in inspect.getmembers(StoreAPI) if not n.startswith("_")}
    missing = {n for n in members if not hasattr(Store, n)}
    assert not missing
    with Store(str(tmp_path / "x.db")) as s:
        assert isinstance(s, StoreAPI)
        assert s.stats()["documents"] == 0
