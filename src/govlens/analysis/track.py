"""Track targets: each target a report sets for its year Y, paired with the outcome for Y that the
same region's report of year Y+1 states.

Verdict rule (documented in the README):

* the target and the outcome are compared on the same footing: growth with growth (``change``),
  level with level (``value``, same unit);
* ``以上``/``不低于``/``超过``/``力争``/``突破``: met when the outcome is at least the target;
* ``以内``/``以下``/``不超过``/``控制在``: met when the outcome is at most the target;
* a range (6%-7%): met when the outcome reaches the lower bound;
* ``左右``/``约`` or no qualifier: met when the outcome is at least the target less a tolerance
  (0.5 for percentages and percentage points, 2% of the target otherwise), or, for measures where
  lower is better (unemployment, prices, energy intensity, PM2.5), at most the target plus it;
* no comparable figure in the next report: ``unclear``; no next report in the store: ``pending``.
"""

from __future__ import annotations

from typing import Any

from ..lexicon.words import AT_LEAST, AT_MOST
from ..stages.indicators import single_year
from ..store.api import StoreAPI as Store

LOWER_IS_BETTER = ("unemployment_registered", "unemployment_surveyed", "cpi", "energy_intensity", "pm25")


def _side(f: dict[str, Any]) -> dict[str, Any]:
    return {k: f.get(k) for k in ("doc", "value", "value_max", "change", "change_max", "unit", "change_unit",
                                  "qualifier", "quote", "metric", "period")}


def _tolerance(unit: str | None, target: float) -> float:
    return 0.5 if unit in ("%", "百分点") else abs(target) * 0.02


def verdict(target: dict[str, Any], actual: dict[str, Any] | None, key: str | None) -> str:
    if actual is None:
        return "unclear"
    if target.get("change") is not None and actual.get("change") is not None \
            and target.get("change_unit") == actual.get("change_unit"):
        t, tmax, a, unit = target["change"], target.get("change_max"), actual["change"], target["change_unit"]
    elif target.get("value") is not None and actual.get("value") is not None and target.get("unit") == actual.get("unit"):
        t, tmax, a, unit = target["value"], target.get("value_max"), actual["value"], target["unit"]
    else:
        return "unclear"
    q = target.get("qualifier") or ""
    if tmax is not None:
        return "met" if a >= t else "missed"
    if q in AT_LEAST:
        return "met" if a >= t else "missed"
    if q in AT_MOST:
        return "met" if a <= t else "missed"
    tol = _tolerance(unit, t)
    if key in LOWER_IS_BETTER:
        return "met" if a <= t + tol else "missed"
    return "met" if a >= t - tol else "missed"


def track(store: Store, region: str | None = None, metric: str | None = None) -> list[dict[str, Any]]:
    from .compare import metric_args

    targets = store.targets(region=region, **(metric_args(metric) if metric else {}))
    reports = store.report_years()
    out: list[dict[str, Any]] = []
    seen: set[tuple] = set()
    for t in targets:
        year = t["doc_year"]
        ident = (t["region"], t["metric_key"], year)
        if ident in seen or t.get("parent") is not None:
            continue
        seen.add(ident)
        actual = None
        fallback = None
        for cand in store.outcomes(t["region"], t["metric_key"], str(year), year + 1):
            # A total, a five-year average or growth since 2002 is not the year's figure.
            if cand.get("parent") is not None or not single_year(cand, "value"):
                continue
            if not single_year(cand, "change") and single_year(t, "change"):
                cand = cand | {"change": None, "change_max": None, "change_unit": None}
            if t.get("change") is not None and cand.get("change") is not None:
                actual = cand  # the same kind of figure as the target: the best pairing
                break
            if fallback is None and t.get("value") is not None and cand.get("value") is not None:
                fallback = cand
        actual = actual or fallback
        if actual is None and (t["region"], year + 1) not in reports:
            v = "pending"
        else:
            v = verdict(t, actual, t["metric_key"])
        out.append({"region": t["region"], "metric": t.get("metric"), "metric_key": t["metric_key"], "year": year,
                    "target": _side(t), "actual": _side(actual) if actual else None, "verdict": v})
    return out
