"""Track targets: each target a report sets for its year Y, paired with the outcome for Y that the
same region's report of year Y+1 states.

Pairing: the outcome is the year's own figure for the whole place (not a total, a five-year or
十年来 figure, a part of the year or of the place — see ``ask.choose``), of the same kind as the
target: growth with growth, level with level in one unit; a percent measure is one number whether
written as a level (涨幅3%左右) or as a change (上涨2%).

Verdict rule (README "Tracking"; each row says which rule decided, ``rule``):

=============  ===========================================  ==========================================
rule           target written as                            met when the outcome …
=============  ===========================================  ==========================================
``approx``     左右, 约, 大约, 近, 接近                     is within the tolerance of it (0.5 for % and
                                                            百分点, else 2 %): at least target − tol
``at_least``   no qualifier (增长7.5%), 以上, 不低于,       reaches it: at least the target
               力争, 超过, 突破, 至少
``range``      6%-7%, 4.5%—5%                               reaches the lower bound
``ceiling``    以内, 以下, 控制在, 不超过, 不高于, 低于     stays at or under it
=============  ===========================================  ==========================================

For measures where lower is better (unemployment, prices, energy intensity, PM2.5) ``approx``,
``at_least`` and ``range`` are mirrored (at most target + tol / at most the target / at most the
upper bound) and the rule's name ends in ``-mirrored``. No comparable figure in the next report:
``unclear``; no next report in the store: ``pending``.
"""

from __future__ import annotations

from typing import Any

from ..lexicon.words import APPROX, AT_MOST
from ..store.api import StoreAPI

LOWER_IS_BETTER = ("unemployment_registered", "unemployment_surveyed", "cpi", "energy_intensity", "pm25")


def _side(f: dict[str, Any]) -> dict[str, Any]:
    return {k: f.get(k) for k in ("doc", "value", "value_max", "change", "change_max", "unit", "change_unit",
                                  "qualifier", "quote", "metric", "period", "span")}


def _tolerance(unit: str | None, target: float) -> float:
    return 0.5 if unit in ("%", "百分点") else abs(target) * 0.02


def figures(target: dict[str, Any], actual: dict[str, Any]) -> tuple[float, float | None, float, str | None] | None:
    """(target, target upper bound, outcome, unit) on one footing, or None when they do not compare."""
    from .ask.choose import percent

    if target.get("change") is not None and actual.get("change") is not None \
            and target.get("change_unit") == actual.get("change_unit"):
        return target["change"], target.get("change_max"), actual["change"], target["change_unit"]
    if target.get("value") is not None and actual.get("value") is not None and target.get("unit") == actual.get("unit"):
        return target["value"], target.get("value_max"), actual["value"], target["unit"]
    t, a = percent(target), percent(actual)
    if t is not None and a is not None:  # 涨幅3%左右 against 上涨2%
        hi = target.get("change_max") if target.get("change") is not None else target.get("value_max")
        return t, hi, a, "%"
    return None


def rule_for(target: dict[str, Any], key: str | None) -> str:
    q = target.get("qualifier") or ""
    hi = target.get("change_max") if target.get("change") is not None else target.get("value_max")
    if q in AT_MOST:
        return "ceiling"
    # a bare target and every at-least word (以上, 不低于, 力争 … in the lexicon) must be reached
    rule = "range" if hi is not None else "approx" if q in APPROX else "at_least"
    return rule + ("-mirrored" if key in LOWER_IS_BETTER else "")


def verdict(target: dict[str, Any], actual: dict[str, Any] | None, key: str | None) -> str:
    if actual is None:
        return "unclear"
    got = figures(target, actual)
    if got is None:
        return "unclear"
    t, tmax, a, unit = got
    rule = rule_for(target, key)
    if rule == "ceiling":
        return "met" if a <= t else "missed"
    if rule == "range":
        return "met" if a >= t else "missed"
    if rule == "range-mirrored":
        return "met" if a <= (tmax if tmax is not None else t) else "missed"
    if rule == "approx":
        return "met" if a >= t - _tolerance(unit, t) else "missed"
    if rule == "approx-mirrored":
        return "met" if a <= t + _tolerance(unit, t) else "missed"
    if rule == "at_least-mirrored":
        return "met" if a <= t else "missed"
    return "met" if a >= t else "missed"


def pair(target: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The outcome that answers a target among the next report's figures for its year."""
    from .ask.choose import best, one_year, percent

    same, other = [], []
    for cand in candidates:
        if cand.get("parent") is not None or not one_year(cand, "value"):
            continue  # a part, a total, a five-year average or a 十年来 figure is not the year's
        if not one_year(cand, "change"):
            cand = cand | {"change": None, "change_max": None, "change_unit": None}
        same_footing = (target.get("change") is not None and cand.get("change") is not None) or (
            target.get("value") is not None and cand.get("value") is not None
            and target.get("unit") == cand.get("unit")) or (percent(target) is not None and percent(cand) is not None)
        if same_footing:
            same.append(cand)
        elif cand.get("value") is not None or cand.get("change") is not None:
            other.append(cand)
    ranked = best(same, target.get("metric"), target.get("change") is not None)
    comparable = [c for c in ranked if figures(target, c) is not None]
    return (comparable or ranked or best(other, target.get("metric")) or [None])[0]


def track(store: StoreAPI, region: str | None = None, metric: str | None = None,
          key: str | None = None) -> list[dict[str, Any]]:
    """Every stored target with its outcome and verdict (``metric``: words; ``key``: a metric key)."""
    from .compare import metric_args

    targets = store.targets(region=region, **({"metric_key": key} if key else metric_args(metric) if metric else {}))
    reports = store.report_years()
    out: list[dict[str, Any]] = []
    seen: set[tuple] = set()
    for t in targets:
        year = t["doc_year"]
        ident = (t["region"], t["metric_key"], year)
        if ident in seen or t.get("parent") is not None:
            continue
        seen.add(ident)
        actual = pair(t, store.outcomes(t["region"], t["metric_key"], str(year), year + 1))
        if actual is None and (t["region"], year + 1) not in reports:
            v = "pending"
        else:
            v = verdict(t, actual, t["metric_key"])
        out.append({"region": t["region"], "metric": t.get("metric"), "metric_key": t["metric_key"], "year": year,
                    "target": _side(t), "actual": _side(actual) if actual else None, "verdict": v,
                    "rule": rule_for(t, t["metric_key"]) if v in ("met", "missed") else None})
    return out
