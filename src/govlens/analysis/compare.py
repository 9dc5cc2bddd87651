"""Compare one metric across regions: the figure each region's latest matching report states."""

from __future__ import annotations

import re
from typing import Any

from ..lexicon.metrics import metric_key
from ..model import single_year
from ..store.api import StoreAPI as Store


def resolve_metric(metric: str) -> tuple[str, str]:
    """("key", metric_key) when the synonym table knows the words, else ("words", metric)."""
    key = metric_key(metric)
    return ("key", key) if key else ("words", metric)


def metric_args(metric: str) -> dict[str, str]:
    """The store's way to select a metric: ``metric_key=`` or ``metric_like=``."""
    how, value = resolve_metric(metric)
    return {"metric_key": value} if how == "key" else {"metric_like": value}


# Words a report writes after a measure's name that do not change the measure (一般公共预算收入同口径增长,
# 赤字率拟按4%安排): a fact named so is the measure the synonym table knows.
# words after a measure that do not change it (中央财政赤字拟安排, 中央财政赤字预算拟安排: the budget line named)
TRAILING = re.compile(r"(?:同口径|可比口径|按可比价格计算|按可比价|预算拟安排|预算安排|拟安排|拟|预计|计划)$")


def same_measure(metric: str | None, key: str) -> bool:
    """一般公共预算收入同口径 is budget_revenue once its trailing words are gone."""
    bare = TRAILING.sub("", metric or "")
    return bare != (metric or "") and metric_key(bare) == key


def indicator_rows(store: Store, metric: str, **filters: Any) -> list[dict[str, Any]]:
    """Indicator facts of a metric, latest report first (filters: kind, level, period, region); with a
    known measure, also the facts named by the asked words plus a word that does not change it."""
    args = metric_args(metric)
    rows = store.indicators(**args, **filters)
    if "metric_key" in args and len(metric) >= 2:
        seen = {(f["doc"], f["quote"], f.get("metric")) for f in rows}
        extra = [f for f in store.indicators(metric_like=metric, **filters)
                 if f.get("metric_key") is None and same_measure(f.get("metric"), args["metric_key"])
                 and (f["doc"], f["quote"], f.get("metric")) not in seen]
        if extra:
            rows = sorted(rows + extra, key=lambda f: -(f.get("doc_year") or 0))  # latest report first again
    return rows


def compare(store: Store, metric: str, year: int | None = None, kind: str | None = None,
            level: str | None = None) -> list[dict[str, Any]]:
    """One row per region; with ``year`` only figures for that period, else each region's latest."""
    rows: dict[str, dict[str, Any]] = {}
    for f in indicator_rows(store, metric, kind=kind or None, level=level or None,
                            period=str(year) if year else None):
        region = f.get("region")
        if not region or (region in rows and not (rows[region]["_span_end"] and not f.get("period_span"))):
            continue  # rows come latest report first; keep the first figure per region (a level stated at
            # the end of a five-year review gives way to one the year's own review states)
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
            "quote": f["quote"], "span": f.get("span"), "_span_end": bool(f.get("period_span")),
        }
    for r in rows.values():
        del r["_span_end"]
    return sorted(rows.values(), key=lambda r: (r["region"]))
