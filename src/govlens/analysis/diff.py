"""Diff two reports of one region: targets raised, lowered, dropped or new; programmes new or
dropped; sections added or removed (headings compared without their years)."""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import QueryError
from ..lexicon.words import YEAR
from ..store.sqlite import Store

_YEARS = re.compile(rf"{YEAR}年?|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）")


def find_doc(store: Store, ident: str) -> dict[str, Any]:
    """A document by numeric id or by its ``doc`` name (``file.txt`` or ``file.txt#2``)."""
    row = None
    if ident.isdigit():
        row = store.con.execute("SELECT id FROM documents WHERE id = ?", (int(ident),)).fetchone()
    if row is None:
        row = store.con.execute("SELECT id FROM documents WHERE doc = ? ORDER BY id DESC", (ident,)).fetchone()
    if row is None:
        raise QueryError(f"no document {ident!r} in the store (see govlens export --what documents)")
    return store.document(row[0]) | {"id": row[0]}


def _targets(store: Store, doc_id: int) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for (data,) in store.con.execute(
            "SELECT data FROM facts WHERE doc_id = ? AND type = 'indicator' AND kind = 'target' ORDER BY n", (doc_id,)):
        f = json.loads(data)
        key = f.get("metric_key") or f.get("metric")
        if key and key not in out and f.get("parent") is None:
            out[key] = f
    return out


def _number(f: dict[str, Any]) -> tuple[str, float] | None:
    if f.get("change") is not None:
        return f"change:{f.get('change_unit')}", f["change"]
    if f.get("value") is not None:
        return f"value:{f.get('unit')}", f["value"]
    return None


def diff(store: Store, a: str, b: str) -> dict[str, Any]:
    da, db = find_doc(store, a), find_doc(store, b)
    ta, tb = _targets(store, da["id"]), _targets(store, db["id"])
    targets = []
    for key in sorted(ta.keys() | tb.keys()):
        fa, fb = ta.get(key), tb.get(key)
        if fa and not fb:
            change = "dropped"
        elif fb and not fa:
            change = "new"
        else:
            na, nb = _number(fa), _number(fb)
            if na and nb and na[0] == nb[0]:
                change = "raised" if nb[1] > na[1] else "lowered" if nb[1] < na[1] else "same"
            else:
                change = "changed"
        targets.append({"metric": (fb or fa).get("metric"), "metric_key": key, "change": change,
                        "a": {k: fa.get(k) for k in ("value", "change", "unit", "change_unit", "qualifier", "quote")} if fa else None,
                        "b": {k: fb.get(k) for k in ("value", "change", "unit", "change_unit", "qualifier", "quote")} if fb else None})

    def programmes(doc_id: int) -> set[str]:
        return {json.loads(d)["name"] for (d,) in store.con.execute(
            "SELECT data FROM facts WHERE doc_id = ? AND type = 'programme'", (doc_id,))}

    def sections(doc_id: int) -> dict[str, str]:
        return {_YEARS.sub("", t).strip(): t for (t,) in store.con.execute(
            "SELECT title FROM sections WHERE doc_id = ? AND parent_id IS NULL", (doc_id,)) if t}

    pa, pb = programmes(da["id"]), programmes(db["id"])
    sa, sb = sections(da["id"]), sections(db["id"])
    return {
        "a": {k: da[k] for k in ("doc", "title", "region", "year")},
        "b": {k: db[k] for k in ("doc", "title", "region", "year")},
        "same_region": da["region"] == db["region"],
        "targets": targets,
        "programmes": {"new": sorted(pb - pa), "dropped": sorted(pa - pb)},
        "sections": {"added": [sb[k] for k in sorted(sb.keys() - sa.keys())],
                     "removed": [sa[k] for k in sorted(sa.keys() - sb.keys())]},
    }
