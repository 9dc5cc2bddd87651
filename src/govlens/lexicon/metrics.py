"""Metric synonyms (``data/metrics.tsv``) and :func:`metric_key`, the stable key of a metric written
in a document's own words (地区生产总值, 全区GDP -> gdp)."""

from __future__ import annotations

import re
from functools import lru_cache

from .load import rows


@lru_cache(maxsize=2)
def metric_table(exact: bool = True) -> list[tuple[str, str]]:
    """(synonym, key) pairs, longest synonym first. A synonym written ``=经济`` names the metric only
    when it is the whole metric (``经济增长5%``, not ``数字经济``); ``exact=False`` leaves those out."""
    pairs: list[tuple[str, str]] = []
    for r in rows("metrics.tsv"):
        key, syns = r[0], r[1] if len(r) > 1 else ""
        for syn in (s.strip() for s in syns.split(",")):
            if syn and (exact or not syn.startswith("=")):
                pairs.append((syn.lstrip("="), key))
    pairs.sort(key=lambda p: -len(p[0]))
    return pairs


_AREA_PREFIX = re.compile(r"^(?:全区|全市|全省|全县|全国|我国|我区|我市|我省|属地|在地|区级|市级|县级|省级|地方)")


@lru_cache(maxsize=1)
def _metric_dict() -> dict[str, str]:
    return dict(reversed(metric_table(exact=False)))


@lru_cache(maxsize=1)
def _exact_dict() -> dict[str, str]:
    return dict(reversed(metric_table()))


@lru_cache(maxsize=8192)
def metric_key(metric: str | None) -> str | None:
    """Exact synonym first, else the longest synonym that ends the metric (one dict probe per suffix)."""
    if not metric:
        return None
    m = _AREA_PREFIX.sub("", metric)
    if m in _exact_dict():
        return _exact_dict()[m]
    table = _metric_dict()
    for i in range(max(0, len(m) - 40), len(m) - 1):
        key = table.get(m[i:])
        if key:
            return key
    return None
