"""Units per time or per mass, and Chinese numerals across 亿 (invented sentences in a 2021 report's
review; the lexicon's units.tsv rows and scan.py's PER_TIME_BEFORE)."""

from __future__ import annotations

import pytest

import govlens

SKELETON = (
    "2021年云溪市明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
    "一、2020年工作回顾\n{review}\n二、2021年主要目标任务\n今年坚持稳中求进。\n"
)


@pytest.mark.parametrize(("sentence", "value", "unit", "qualifier"), [
    ("城市低保标准从700元/月提高至760元/月。", 760, "元/月", None),
    ("耕地土壤有机质平均含量达到25克/千克。", 25, "克/千克", None),
    ("全区租房补贴标准为每月900元。", 900, "元/月", None),
    ("全区粮食产量达到二亿一千四百多万吨。", 21400, "万吨", "多"),
    ("新建住宅二亿零三百万平方米。", 20300, "万平方米", None),
    # counters of trains, pairs and worked area; a rate per a magnitude of money (units.tsv)
    ("全年开行南岭班列315列。", 315, "列", None),
    ("缔结友好城市达到27对。", 27, "对", None),
    ("完成农机深松作业45万亩次。", 45, "万亩次", None),
    ("亿元生产总值生产安全事故死亡率降至0.03人/亿元。", 0.03, "人/亿元", None),
    # the 1950s' 公尺 (metre) and its square and cube
    ("新建职工宿舍一千二百万平方公尺。", 1200, "万平方公尺", None),
    ("新修堤防三千二百公尺。", 3200, "公尺", None),
    # a half is 50 % (fractions are percentages)
    ("全区实训课时占总课时一半以上。", 50, "%", "以上"),
    ("全区兼职教师占教师总数超过一半，一半以上的企业建立了研发机构。", 50, "%", "超过"),
])
def test_units_and_numerals(sentence, value, unit, qualifier):
    (doc,) = govlens.read_text(SKELETON.format(review=sentence))
    facts = [f.data for f in doc.facts if f.type == "indicator"]
    assert facts, sentence
    f = facts[-1]
    assert (f["value"], f["unit"], f["qualifier"]) == (value, unit, qualifier), f


def test_a_plan_and_outcome_pair_after_a_growth_rate_subject():
    """计划为X%，实际达到Y%: both are changes of the growth rate named before them (rules.py
    _PLAN_OR_OUTCOME / _RATE_NOUNS); the plan figure of a past year stays a target of that year."""
    sentence = "全区生产总值的增长速度，2019年计划为6%，实际达到6.8%；2020年计划为6.5%，预计可以达到7.1%。"
    (doc,) = govlens.read_text(SKELETON.format(review=sentence))
    got = [(f.data["metric"], f.data["value"], f.data["change"], f.data["change_unit"], f.data["kind"], f.data["period"])
           for f in doc.facts if f.type == "indicator"]
    m = "生产总值的增长速度"  # 全区 is the place, not the metric
    assert got == [(m, None, 6, "%", "target", "2019"), (m, None, 6.8, "%", "actual", "2019"),
                   (m, None, 6.5, "%", "target", "2020"), (m, None, 7.1, "%", "forecast", "2020")]


@pytest.mark.parametrize(("sentence", "metric", "period"), [
    ("乡镇企业发展较快，五年间产值增长2倍。", "产值", "2016-2020"),
    ("五年共新建学校40所，五年中城镇安置就业120万人。", "城镇安置就业", "2016-2020"),
])
def test_a_span_word_dates_the_figure_and_leaves_its_metric(sentence, metric, period):
    """metric.py _LEADING drops 五年间/五年中/五年(共…) from a metric; period.py SPAN_RULES dates the span."""
    (doc,) = govlens.read_text(SKELETON.format(review=sentence))
    f = [f.data for f in doc.facts if f.type == "indicator"][-1]
    assert (f["metric"], f["period"]) == (metric, period), f


@pytest.mark.parametrize(("sentence", "expected"), [
    ("新建12个社区健身广场和7人制足球场。", [(12, "个")]),
    ("开办两所三年制职业学校，新增4个制造业园区。", [(4, "个")]),
])
def test_a_count_before_zhi_names_a_format(sentence, expected):
    """5人制足球场, 三年制学校: a count then 制 is a format (nonfact.tsv system_word), not a figure;
    制造业 is a word of its own."""
    (doc,) = govlens.read_text(SKELETON.format(review=sentence))
    got = [(f.data["value"], f.data["unit"]) for f in doc.facts if f.type == "indicator"]
    assert got == expected
