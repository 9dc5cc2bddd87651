"""SPAN_LEVEL_RULES (stages/indicators/period.py): a level reached at the end of a five-year review or plan
is dated the end year, a flow over it keeps the span (tests/gold/README "A figure stated for a span").
Invented reports (regions and figures are ours), run through the whole pipeline."""

from __future__ import annotations

import re

import pytest

import govlens
from govlens.stages.indicators.period import SPAN_LEVEL_RULES

HEAD = "{year}年云溪市明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
SECTION = {"review": "一、过去五年工作回顾\n", "targets": "二、“十五五”时期主要目标任务\n"}

CASES = [pytest.param(year, section, body, figure, kind, period, id=f"{name[:24]}: {figure}")
         for name, _how, examples in SPAN_LEVEL_RULES for year, section, body, figure, kind, period in examples]


def fact_of(year: int, section: str, body: str, figure: str) -> dict:
    text = HEAD.format(year=year) + ("一、过去五年工作回顾\n全区经济平稳运行。\n" if section == "targets" else "") \
        + SECTION[section] + body + "\n"
    (doc,) = govlens.read_text(text)
    at = doc.text.index(figure)
    value = float(re.match(r"[\d.]+", figure).group())
    got = [f.data for f in doc.facts if f.type == "indicator" and f.start <= at < f.end
           and value in (f.data["value"], f.data["change"])]
    assert got, (figure, [(f.quote, f.data["value"]) for f in doc.facts])
    return got[0]


@pytest.mark.parametrize(("year", "section", "body", "figure", "kind", "period"), CASES)
def test_span_level_rules(year, section, body, figure, kind, period):
    got = fact_of(year, section, body, figure)
    assert (got["kind"], got["period"]) == (kind, period), got


def test_every_rule_has_examples():
    assert all(examples for _name, _how, examples in SPAN_LEVEL_RULES)
    assert len({name for name, _how, _examples in SPAN_LEVEL_RULES}) == len(SPAN_LEVEL_RULES)
