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
AREA_PREFIX = _AREA_PREFIX  # 全区, 我国 … before a measure's name


@lru_cache(maxsize=1)
def synonyms() -> frozenset[str]:
    """Every synonym as written (``=粮食`` as 粮食): the names the lexicon knows a measure by."""
    return frozenset(s for s, _ in metric_table())


@lru_cache(maxsize=1)
def _metric_dict() -> dict[str, str]:
    return dict(reversed(metric_table(exact=False)))


@lru_cache(maxsize=1)
def _exact_dict() -> dict[str, str]:
    return dict(reversed(metric_table()))


@lru_cache(maxsize=1)
def _tails() -> tuple[str, ...]:
    """Words after a measure's name that name no other measure (metric_tails.txt) and the growth
    words of senses.tsv, longest first."""
    words = {r[0] for r in rows("metric_tails.txt")} | {r[1] for r in rows("senses.tsv") if r[0] == "growth"}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _key_as_written(m: str) -> str | None:
    if m in _exact_dict():
        return _exact_dict()[m]
    table = _metric_dict()
    n = len(m)
    for k in _suffix_lengths():  # longest first, only lengths some synonym has (as i = n - k below)
        if 2 <= k <= n and k <= 40:
            key = table.get(m[n - k :])
            if key:
                return key
    return None


@lru_cache(maxsize=1)
def _suffix_lengths() -> tuple[int, ...]:
    """The lengths of the synonyms, longest first: the suffixes worth a dict probe."""
    return tuple(sorted({len(s) for s in _metric_dict()}, reverse=True))


def _drop_tail(m: str) -> str | None:
    if not m.endswith(_tails()):  # one C-level test first: most metrics end in no tail word
        return None
    tail = next((w for w in _tails() if m.endswith(w) and len(m) > len(w) + 1), None)
    return m[: -len(tail)] if tail else None


@lru_cache(maxsize=8192)
def metric_key(metric: str | None) -> str | None:
    """Exact synonym first, else the longest synonym that ends the metric (one dict probe per suffix);
    else the same after dropping a tail word (城镇新增就业人数, 国内生产总值增长率, 城镇登记失业率控制到)."""
    if not metric:
        return None
    m: str | None = _AREA_PREFIX.sub("", metric)
    for _ in range(3):
        if m is None:
            return None
        key = _key_as_written(m)
        if key:
            return key
        m = _drop_tail(m)
    return None


def metric_stem(metric: str | None) -> str:
    """The metric's name without the tail words that name no other measure (城镇登记失业率控制到 ->
    城镇登记失业率, 进出口贸易总额 -> 进出口贸易); growth words stay (they say how it is meant)."""
    m = metric or ""
    growth = {r[1] for r in rows("senses.tsv") if r[0] == "growth"}
    for _ in range(3):
        if _key_as_written(_AREA_PREFIX.sub("", m)):
            break  # a name the synonyms know as written keeps its last words (国内生产总值 ends in 总值)
        tail = next((w for w in _tails() if m.endswith(w) and len(m) > len(w) + 1 and w not in growth), None)
        if tail is None:
            break
        m = m[: -len(tail)]
    return m
