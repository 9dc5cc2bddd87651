"""Track's misses that were extraction's: a measure's name as a plan-era report writes it must get the
metric key its outcome has (else no target is stored for track), and a figure whose own clause holds
only the verb that sets it (定为, 控制在) takes its measure from the clause before. Sentences invented."""

from __future__ import annotations

import pytest

import govlens
from govlens.analysis.track import fact_senses
from govlens.lexicon.metrics import metric_key

HEAD = "2031年云溪市明澜区政府工作报告\n各位代表：\n一、2030年工作回顾\n过去一年，全区经济平稳运行。\n二、2031年主要目标任务\n{}\n"


@pytest.mark.parametrize(("name", "key"), [
    # a count of people written with 人口 (新增就业人口) is the jobs count
    ("城镇新增就业人口", "new_jobs"),
    ("全区新增就业人口", "new_jobs"),
    # 物价 alone, with its growth word, is the retail price index of the plan era (零售物价)
    ("物价涨幅", "retail_prices"),
    ("物价上涨幅度", "retail_prices"),
    # a target word after the measure (宏观调控目标, 预期增长目标) names no other measure
    ("经济增长速度的宏观调控目标", "gdp"),
    ("经济增长速度宏观调控目标", "gdp"),
    ("广义货币M2预期增长目标", "money_m2"),
    ("广义货币供应量预期增长目标", "money_m2"),
    # a plan's 指标 after the measure (粮食的指标为…) and the plan era's wider name of farm output
    ("粮食的指标", "grain_output"),
    ("钢产量指标", "steel_output"),
    ("农业和农副业总产值", "agri_output"),
    # a from-phrase glued to the measure (能耗由前三年分别上升…，转为下降…) names no other measure
    ("单位地区生产总值能耗由前三年", "energy_intensity"),
    ("二氧化硫排放量由上年", "so2_emissions"),
    # tourism: visitors and receipts, as a report names them (接待游客…, 旅游人数力争突破…)
    ("全年接待中外游客", "tourist_arrivals"),
    ("旅游接待人数", "tourist_arrivals"),
    ("游客接待量力争", "tourist_arrivals"),
    ("接待游客人次", "tourist_arrivals"),
    ("全区旅游总收入", "tourism_revenue"),
    ("旅游收入", "tourism_revenue"),
    # tax and fee relief and VAT credit refunds, as a plan and its outcome name them
    ("企业和个人减税降费", "tax_fee_cuts"),
    ("减轻企业税收和社保缴费负担", "tax_fee_cuts"),
    ("为市场主体减负", "tax_fee_cuts"),
    ("企业新增减负", "tax_fee_cuts"),
    ("增值税留抵退税", "vat_credit_refunds"),
    ("留抵退税", "vat_credit_refunds"),
    # the plan era's capital construction, however the total is named (总投资额, 投资总额)
    ("基本建设总投资额", "capital_construction"),
    ("经由国家预算的基本建设投资总额", "capital_construction"),
    ("基本建设投资增长", "capital_construction"),
    # and what must stay apart: a price named with its own goods is no price index
    ("学生课业减负", None),
    ("降低利息负担", None),
    ("旅客吞吐量", None),
    ("食品物价", None),
    ("城镇人口", None),
])
def test_plan_era_names_have_a_key(name, key):
    assert metric_key(name) == key


def test_a_money_supply_percent_is_its_growth():
    """M2 stated as a percent (预期增长目标拟定为12%左右) is its growth: the key's own synonyms name a change."""
    f = {"metric": "广义货币M2预期增长目标", "metric_key": "money_m2", "value": 12, "unit": "%", "quote": "x"}
    assert fact_senses(f) == {"growth": (12, None, "%")}


def _facts(targets: str) -> list[dict]:
    (doc,) = govlens.read_text(HEAD.format(targets))
    return [f.data | {"quote": f.quote} for f in doc.facts if f.type == "indicator"]


@pytest.mark.parametrize(("sentence", "metric", "key", "value", "value_max"), [
    ("统筹各方面情况，今年经济增长速度的宏观调控目标，拟定为百分之七至八。", "经济增长速度的宏观调控目标", "gdp", 7, 8),
    ("统筹各方面情况，今年经济增长速度的宏观调控目标，拟定为6.5%。", "经济增长速度的宏观调控目标", "gdp", 6.5, None),
    ("要使全区物价上涨幅度较上年有所回落，力争控制在百分之九左右。", "物价上涨幅度", "retail_prices", 9, None),
    ("全区城镇登记失业率，控制在4.5%以内。", "城镇登记失业率", "unemployment_registered", 4.5, None),
    ("全区城镇调查失业率，全年力争控制在5.2%以内。", "城镇调查失业率", "unemployment_surveyed", 5.2, None),
])
def test_a_set_verb_alone_takes_the_measure_of_the_clause_before(sentence, metric, key, value, value_max):
    got = [f for f in _facts(sentence) if f["value"] == value]
    assert len(got) == 1, got
    f = got[0]
    assert (f["metric"], f["metric_key"], f["value_max"], f["kind"]) == (metric, key, value_max, "target")



@pytest.mark.parametrize(("sentence", "metric_key", "value", "change", "period"), [
    # the year whose prices a figure is valued at is no period of it, and its change still joins it
    ("去年农业总产值达到三百一十亿元（按二〇一〇年不变价格计算），比上年增长百分之四点二。", "agri_output", 310, 4.2, "2030"),
    ("去年全区工业总产值完成820亿元，按2020年价格计算，比上年增长7.5%。", "industrial_output", 820, 7.5, "2030"),
    # a base that is an estimate of the year before (比上年预计数) is a base: the change joins the level
    ("今年的工业总产值，拟定为九百亿元，比二〇三〇年预计数增加八十亿元，增长百分之九点八。", "industrial_output", 900, 9.8,
     "2031"),
])
def test_price_base_years_and_estimated_bases(sentence, metric_key, value, change, period):
    part = "review" if sentence.startswith("去年") else "targets"
    (doc,) = govlens.read_text(HEAD.format(sentence) if part == "targets" else HEAD.replace("过去一年，全区经济平稳运行。", sentence)
                               .format("今年要坚持稳中求进。"))
    got = [f.data for f in doc.facts if f.type == "indicator" and f.data["metric_key"] == metric_key]
    assert [(f["value"], f["change"], f["period"]) for f in got] == [(value, change, period)], got


@pytest.mark.parametrize(("review", "metric_key", "value", "change"), [
    # a sentence opening on a bare change noun measures what the sentence before named
    ("年初我们提出，今年要把零售物价上涨幅度控制在百分之五以内。虽然采取了多项措施，涨幅依然高达百分之八点七。",
     "retail_prices", 8.7, None),
    ("去年提出把居民消费价格涨幅控制在3%左右。受多种因素影响，涨幅却达3.8%。", "cpi", 3.8, None),
    # a bare output noun after a clause naming its sector is that sector's output
    ("农业生产稳中有进，总产值比上年增长百分之四点六。", "agri_output", None, 4.6),
    ("工业运行稳中有升，总产值比上年增长8.8%。", "industrial_output", None, 8.8),
])
def test_a_bare_noun_takes_the_measure_named_before(review, metric_key, value, change):
    (doc,) = govlens.read_text(HEAD.replace("过去一年，全区经济平稳运行。", review).format("今年要坚持稳中求进。"))
    got = [f.data for f in doc.facts if f.type == "indicator" and f.data["kind"] == "actual"
           and (f.data["value"], f.data["change"]) == (value, change)]
    assert [f["metric_key"] for f in got] == [metric_key], [f.data for f in doc.facts]


def test_a_bare_change_noun_with_no_figure_before_on_its_paragraph_stays_unnamed():
    """Nothing named before on the paragraph: nothing is borrowed (the figure keeps no key)."""
    (doc,) = govlens.read_text(HEAD.replace("过去一年，全区经济平稳运行。", "虽然做了很多工作，涨幅仍然高达9.3%。")
                               .format("今年要坚持稳中求进。"))
    got = [f.data for f in doc.facts if f.type == "indicator" and f.data["value"] == 9.3]
    assert [f["metric_key"] for f in got] == [None]
