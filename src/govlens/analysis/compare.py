"""Compare one metric across regions: the figure each region's latest matching report states."""

from __future__ import annotations

from typing import Any

from ..lexicon.metrics import metric_key
from ..stages.indicators import single_year
from ..store.sqlite import Store


def resolve_metric(metric: str) -> tuple[str, str]:
    """("key", metric_key) when the synonym table knows the words, else ("words", metric)."""
    key = metric_key(metric)
    return ("key", key) if key else ("words", metric)


def indicator_rows(store: Store, metric: str, extra: str = "", args: tuple = ()) -> list[dict[str, Any]]:
    how, value = resolve_metric(metric)
    cond = "f.metric_key = ?" if how == "key" else "f.metric LIKE ?"
    arg = value if how == "key" else f"%{value}%"
    sql = (
        "SELECT f.data, d.doc, d.id, d.year, d.level, d.title FROM facts f JOIN documents d ON d.id = f.doc_id "
        f"WHERE f.type = 'indicator' AND {cond} {extra} ORDER BY d.year DESC, f.doc_id, f.n"
    )
    import json

    out = []
    for data, doc, doc_id, year, level, title in store.con.execute(sql, (arg, *args)):
        out.append(json.loads(data) | {"doc": doc, "doc_id": doc_id, "doc_year": year, "level": level,
                                       "doc_title": title})
    return out


def compare(store: Store, metric: str, year: int | None = None, kind: str | None = None,
            level: str | None = None) -> list[dict[str, Any]]:
    """One row per region; with ``year`` only figures for that period, else each region's latest."""
    extra, args = "", []
    if kind:
        extra += " AND f.kind = ?"
        args.append(kind)
    if level:
        extra += " AND d.level = ?"
        args.append(level)
    if year:
        extra += " AND f.period = ?"
        args.append(str(year))
    rows: dict[str, dict[str, Any]] = {}
    for f in indicator_rows(store, metric, extra, tuple(args)):
        region = f.get("region")
        if not region or region in rows:
            continue  # rows come latest report first; keep the first figure per region
        if f.get("parent") is not None:
            continue  # 其中 children are parts, not the figure for the region
        if not single_year(f, "value"):
            continue  # a total over several years
        if not single_year(f, "change"):
            if f.get("value") is None:
                continue  # only a five-year average or growth since a base year: not one year's figure
            f = f | {"change": None, "change_max": None, "change_unit": None}  # keep the year's level
        rows[region] = {
            "region": region, "level": f["level"], "period": f.get("period"), "metric": f.get("metric"),
            "value": f.get("value"), "value_max": f.get("value_max"), "unit": f.get("unit"),
            "change": f.get("change"), "change_max": f.get("change_max"), "change_unit": f.get("change_unit"),
            "kind": f.get("kind"), "qualifier": f.get("qualifier"), "doc": f["doc"], "doc_id": f["doc_id"],
            "quote": f["quote"],
        }
    return sorted(rows.values(), key=lambda r: (r["region"]))
