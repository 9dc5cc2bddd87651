"""Diff two reports of one region: targets raised, lowered, dropped or new; programmes new or
dropped; sections added or removed (headings compared without their years)."""

from __future__ import annotations

import re
from typing import Any

from ..errors import QueryError
from ..lexicon.words import YEAR
from ..store.api import StoreAPI as Store

_YEARS = re.compile(rf"{YEAR}年?|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）")


def find_doc(store: Store, ident: str) -> dict[str, Any]:
    """A document by numeric id or by its ``doc`` name (``file.txt`` or ``file.txt#2``)."""
    doc_id = store.find_document(ident)
    doc = store.document(doc_id) if doc_id is not None else None
    if doc is None:
        raise QueryError(f"no document {ident!r} in the store (see govlens export --what documents)")
    return doc


def _targets(store: Store, doc_id: int) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for f in store.facts("indicator", doc_id=doc_id, kind="target"):
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
        return {f["name"] for f in store.facts("programme", doc_id=doc_id)}

    def sections(doc_id: int) -> dict[str, str]:
        return {_YEARS.sub("", s["title"]).strip(): s["title"] for s in store.sections(doc_id, top_only=True) if s["title"]}

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
