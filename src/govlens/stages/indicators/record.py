"""Building an indicator fact from a mention: the typed record (:class:`govlens.model.Indicator`, from
which the store's columns, the evaluation's fields and export columns are derived) as the fact's data."""

from __future__ import annotations

import re
from typing import Any

from ...lexicon.metrics import metric_key
from ...lexicon.words import YEAR
from ...model import Document, Fact, Indicator, single_year
from ..numbers import clean_number
from .scan import Mention

__all__ = ["single_year"]

_SINCE_YEAR = re.compile(rf"(?:比|较|与)({YEAR})年(?:末|底)?(?:相比)?")

def _quote_to(f: Fact, text: str, end: int) -> None:
    """A fact completed by a later figure (its change, its level) now quotes up to ``end``."""
    f.end = end
    f.quote = text[f.start : end]


def _fact(doc: Document, m: Mention, metric: str, start: int, end: int, kind: str, period: str | None) -> Fact:
    quote = doc.text[start:end]
    # The record's core fields, in its order (Indicator.CORE), without building the object per fact.
    data: dict[str, Any] = dict(zip(Indicator.CORE, (
        metric or None, metric_key(metric), clean_number(m.value), clean_number(m.value_max), m.unit,
        clean_number(m.change), clean_number(m.change_max), m.change_unit, kind, period, m.qualifier, doc.region),
        strict=True))
    data.update(m.extra)
    # The clause up to the number: "比2002年增长65.5%" is growth over five years, "累计新增…5870万人" a
    # total over several; both are marked so nobody takes them for one year's figure.
    seg = doc.text[start : m.start]
    clause = seg[max(map(seg.rfind, "，。；：")) + 1 :]
    if ("比" in clause or "较" in clause or "与" in clause) and (b := _SINCE_YEAR.search(clause)) is not None:
        data["base_year"] = int(b.group(1))
    if "累计" in clause:
        data["cumulative"] = True
    return Fact("indicator", start, end, quote, data)
