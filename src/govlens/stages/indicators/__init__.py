"""Indicator facts: every quantity with its metric, value, unit, change, range, qualifier, kind,
period and region, grounded in the sentence it was read from.

A small package; to extend it, find the step:

* :mod:`.scan`    a line into mentions (levels 1134亿元, changes 增长6.5%), words from the lexicon;
* :mod:`.rules`   the ordered tables of named attachment rules (由A到B, level + change, 分别, 其中 …)
  and metric rules, each with example sentences that tests/test_indicators_rules.py runs, over one
  context object (:class:`.rules.Clause`);
* :mod:`.metric`  the words that name a metric (trimming time words and verbs, the noun after a number);
* :mod:`.period`  periods and kinds; :func:`.period.section_at` is the one call into the document's
  sections (role and plan period at a position);
* :mod:`.record`  the fact from a mention, as a :class:`govlens.model.Indicator` record;
* :mod:`.extract` the stage: lines -> sentences -> rules.
"""

from __future__ import annotations

from ...lexicon.metrics import metric_key, metric_table
from .extract import indicators
from .record import single_year

__all__ = ["indicators", "metric_key", "metric_table", "single_year"]
