"""Programme figures named by their stage alone take the programme named before them (actions.py)."""

from __future__ import annotations

import pytest

import govlens
from govlens.lexicon.metrics import metric_key
from govlens.stages.indicators.actions import EXAMPLES, RULES

SKELETON = (
    "2035年云溪市明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
    "一、2034年工作回顾\n{review}\n二、2035年主要目标任务\n今年坚持稳中求进。\n"
)


def _facts(sentence: str) -> list[dict]:
    (doc,) = govlens.read_text(SKELETON.format(review=sentence))
    return [f.data for f in doc.facts if f.type == "indicator"]


@pytest.mark.parametrize(("rule", "sentence", "metric"), EXAMPLES)
def test_rule_examples(rule, sentence, metric):
    facts = _facts(sentence)
    assert rule in RULES
    got = [f for f in facts if f["metric"] == metric]
    assert got, [f["metric"] for f in facts]
    assert got[0]["metric_key"] == metric_key(metric) is not None


@pytest.mark.parametrize("sentence", [
    "全区新开工项目42个，竣工18个。",  # no programme the lexicon knows: the stage alone stays
    "地区生产总值增长6%，新开工重点项目30个。",  # a measure that is no programme lends nothing
])
def test_no_programme_no_renaming(sentence):
    for f in _facts(sentence):
        assert f["metric_key"] in (None, "gdp"), f
