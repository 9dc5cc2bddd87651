"""Every attachment rule and metric rule of stages/indicators/rules.py, run on its own example
sentences (invented figures) in a report skeleton: a review section of a 2021 report."""

from __future__ import annotations

import pytest

import govlens
from govlens.pipeline import read_text
from govlens.stages.indicators.rules import METRIC_RULES, RULES

SKELETON = (
    "2021年云溪市明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
    "一、2020年工作回顾\n{review}\n二、2021年主要目标任务\n今年坚持稳中求进。\n"
)

CASES = [pytest.param(sentence, expected, id=f"{row.name}: {sentence[:20]}")
         for table in (RULES, METRIC_RULES) for row in table for sentence, expected in row.examples]


def indicator_facts(sentence: str) -> list[dict]:
    (doc,) = govlens.read_text(SKELETON.format(review=sentence))
    return [f.data for f in doc.facts if f.type == "indicator"]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_rule_examples(sentence, expected):
    got = indicator_facts(sentence)
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert {k: g.get(k) for k in e} == e, g
        assert g["kind"] == "actual" and g["period"] == e.get("period", "2020")  # an example may name a span


def test_every_rule_has_examples():
    assert all(row.examples for table in (RULES, METRIC_RULES) for row in table)
    assert len({row.name for row in RULES}) == len(RULES)


def test_facts_carry_the_record_fields_in_order():
    from govlens.model import Indicator

    (f,) = indicator_facts("全区地区生产总值512亿元，增长6.3%。")
    assert tuple(f)[: len(Indicator.CORE)] == Indicator.CORE
    assert Indicator.columns("stored") == Indicator.CORE


@pytest.mark.parametrize(("sentence", "metric"), [
    ("全市居民储蓄存款稳步增加，年末存款余额达到88亿元。", "居民储蓄存款余额"),
    ("粮食生产稳步增长，全年粮食产量达到52万吨。", "粮食产量"),  # 生产 is not the head 产量 names
    ("工业生产持续增长，规上工业企业营业收入达到800亿元。", "规上工业企业营业收入"),
])
def test_a_subject_clause_names_the_level_only_when_it_ends_in_the_noun_the_level_holds(sentence, metric):
    head = "2031年云溪市政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2030年工作回顾\n"
    (d,) = read_text(head + sentence)
    assert [f.data["metric"] for f in d.facts if f.type == "indicator"] == [metric]
