"""What must come out right for indicators (issue: extract grounded facts). Invented sentences in a
report skeleton, so that sections, year and region are those of a real work report."""

from __future__ import annotations

import pytest

import govlens

SKELETON = (
    "2021年云溪市明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议，并请各位政协委员提出意见。\n"
    "一、2020年工作回顾\n{review}\n二、2021年主要目标任务\n{targets}\n"
)


def facts(review: str = "过去一年，全区经济平稳运行。", targets: str = "今年要坚持稳中求进工作总基调。") -> list[dict]:
    (doc,) = govlens.read_text(SKELETON.format(review=review, targets=targets))
    assert (doc.region, doc.year) == ("云溪市明澜区", 2021)
    out = []
    for f in doc.facts:
        if f.type == "indicator":
            assert doc.text[f.start : f.end] == f.quote
            out.append(f.data | {"quote": f.quote})
    return out


def one(review: str = "过去一年，全区经济平稳运行。", targets: str = "今年要坚持稳中求进工作总基调。") -> dict:
    got = facts(review, targets)
    assert len(got) == 1, got
    return got[0]


def test_level_and_change_are_one_fact():
    f = one("全区地区生产总值1134亿元，比上年增长1%。")
    assert (f["metric"], f["value"], f["unit"], f["change"], f["change_unit"]) == ("地区生产总值", 1134, "亿元", 1, "%")
    assert (f["kind"], f["period"], f["metric_key"], f["region"]) == ("actual", "2020", "gdp", "云溪市明澜区")


@pytest.mark.parametrize(
    ("sentence", "change", "unit"),
    [
        ("一般公共预算收入增长6.5%。", 6.5, "%"),
        ("工业用电量下降3.9%。", -3.9, "%"),
        ("服务业比重提高2个百分点。", 2, "百分点"),
        ("新增企业数增长1.2倍。", 1.2, "倍"),
        ("农村居民收入比2010年翻一番。", 100, "%"),  # doubling: +100 %
        ("园区工业总产值均实现翻番。", 100, "%"),
        ("城乡储蓄余额比2015年增长二点二倍。", 2.2, "倍"),  # a multiple in numerals
        ("农民人均纯收入比2015年增加一倍。", 1, "倍"),
        ("夏粮减产一成以上。", -10, "%"),  # 一成 = 10 % after a change verb (not 一成不变)
        ("工业投资同比增长百分之八点三。", 8.3, "%"),
    ],
)
def test_changes(sentence, change, unit):
    f = one(sentence)
    assert (f["change"], f["change_unit"], f["value"]) == (change, unit, None)


@pytest.mark.parametrize(
    ("targets", "expect"),
    [
        ("地区生产总值增长6%-7%。", {"change": 6, "change_max": 7, "change_unit": "%"}),
        ("地区生产总值增长6-7%。", {"change": 6, "change_max": 7, "change_unit": "%"}),
        ("完成4~6万人次职业技能培训。", {"value": 4, "value_max": 6, "unit": "万人次"}),
        ("一般公共预算收入增长5%左右。", {"change": 5, "qualifier": "左右"}),
        ("新增就业岗位2.5万个以上。", {"value": 2.5, "qualifier": "以上"}),
        ("城镇调查失业率控制在5.5%以内。", {"value": 5.5, "qualifier": "以内"}),
        ("新增就业岗位不低于1.6万个。", {"value": 1.6, "qualifier": "不低于"}),
        ("单位生产总值能耗不超过0.5吨标准煤。", {"value": 0.5, "qualifier": "不超过"}),
        ("完成工业投资约150亿元。", {"value": 150, "qualifier": "约"}),
        ("引进企业超过300家。", {"value": 300, "qualifier": "超过"}),
        ("新增市场主体近2万户。", {"value": 2, "qualifier": "近"}),
        ("实际利用外资逾10亿美元。", {"value": 10, "unit": "亿美元", "qualifier": "逾"}),
        # a magnitude with no number after a threshold word is one of it
        ("财政民生支出突破万亿元。", {"value": 1, "unit": "万亿元", "qualifier": "突破"}),
        ("外贸进出口总额超过千亿元。", {"value": 1, "unit": "千亿元", "qualifier": "超过"}),
    ],
)
def test_ranges_and_qualifiers(targets, expect):
    f = one(targets=targets)
    assert f["kind"] == "target" and f["period"] == "2021"
    for k, v in expect.items():
        assert f[k] == v, (k, f)


def test_same_shape_different_kind_by_section_and_cue():
    review = facts("新增就业岗位3.2万个。预计全年居民人均可支配收入增长4%。")
    assert [(f["kind"], f["period"]) for f in review] == [("actual", "2020"), ("forecast", "2020")]
    target = one(targets="新增就业岗位3.2万个。")
    assert (target["kind"], target["period"]) == ("target", "2021")
    assert one("力争新增高新技术企业100家以上。")["kind"] == "target"


@pytest.mark.parametrize(
    ("review", "period"),
    [
        ("“十三五”期间，全区累计完成固定资产投资3000亿元。", "2016-2020"),
        ("过去五年，地区生产总值年均增长6.8%。", "2016-2020"),
        ("去年全区粮食产量28万吨。", "2020"),
        ("2019年全区新增就业岗位3.1万个。", "2019"),
        ("地区生产总值由2015年的800亿元增加到2020年的1134亿元。", "2020"),
    ],
)
def test_periods(review, period):
    f = facts(review)[-1]
    assert f["period"] == period, f


def test_distribution_with_fenbie_and_parent_with_qizhong():
    got = facts("城乡居民人均可支配收入分别增长5.1%、6.3%。全社会固定资产投资完成269亿元，增长10.8%，其中工业投资完成100亿元。")
    assert [(f["metric"], f["change"]) for f in got[:2]] == [("城镇居民人均可支配收入", 5.1), ("农村居民人均可支配收入", 6.3)]
    assert got[3]["metric"] == "工业投资" and got[3]["parent"] == got[2]["id"]
    got = facts("知识产权交易额、技术合同成交额分别增长41.6%和1.8倍。")
    assert [(f["metric"], f["change"], f["change_unit"]) for f in got] == [
        ("知识产权交易额", 41.6, "%"), ("技术合同成交额", 1.8, "倍")]


def test_unit_carried_back_over_a_list():
    got = facts("合同外资19.8亿、9亿美元分别来自两个园区。")
    assert [(f["value"], f["unit"]) for f in got] == [(19.8, "亿美元"), (9, "亿美元")]


@pytest.mark.parametrize(
    ("review", "value", "unit"),
    [
        ("全区高新技术企业总数达到一千二百家。", 1200, "家"),
        ("民营经济贡献了两成税收增量。", 20, "%"),
        ("研发投入的三分之一来自企业。", 33.33, "%"),
        ("全区地区生产总值１１３４亿元。", 1134, "亿元"),
        ("路网密度增至3.73;公里/平方公里。", 3.73, "公里/平方公里"),
    ],
)
def test_numerals_and_stray_punctuation(review, value, unit):
    f = one(review)
    assert (f["value"], f["unit"]) == (value, unit)


@pytest.mark.parametrize(
    "review",
    [
        "区第三届运动会顺利举办，全面落实“六稳”“六保”任务。",
        "2020年7月8日召开了区委全会。",
        "构建“1+8”产业体系，建设G60科创走廊。",
        "新建5G网络，开通12345热线，推进PM2.5与臭氧协同治理。",
        "打造千亿级产业集群。",
        "1.加快产业转型。2.优化营商环境。",
    ],
)
def test_not_facts(review):
    assert facts(review) == []


def test_footnote_markers_are_not_numbers():
    got = facts("兑现“两直”资金[3]1.43亿元。办理建议[13]35件。")
    assert [(f["value"], f["unit"]) for f in got] == [(1.43, "亿元"), (35, "件")]
    assert "[3]" not in got[0]["quote"]


def test_projects_and_programmes_from_the_sample_report():
    from conftest import SAMPLES

    (doc,) = govlens.read(str(SAMPLES / "mingaln-2023-report.txt"))
    projects = [f.data for f in doc.facts if f.type == "project"]
    assert {"count": 120, "investment": 1500, "investment_unit": "亿元"}.items() <= next(
        p for p in projects if p["count"] == 120).items()
    programmes = {f.data["name"]: f.data for f in doc.facts if f.type == "programme"}
    assert {"一网通办", "全程代办", "一网统管", "拿地即开工"} <= programmes.keys()
    linked = [doc.facts[i].data for i in programmes["一网通办"]["indicators"]]
    assert any(d["metric"] == "全程网办率" and d["value"] == 92.5 for d in linked)
    assert programmes["全程代办"]["definition"].startswith("指由政府代办员")
    glossary = {f.data["term"]: f.data["marker"] for f in doc.facts if f.type == "glossary"}
    assert glossary["两直资金"] == "【1】" and glossary["注解1"] == "1"


def test_multi_year_figures_are_marked_and_not_taken_for_one_year():
    from govlens.pipeline import read_text
    from govlens.stages.indicators import single_year

    text = ("2024年云溪市明澜区政府工作报告\n各位代表：\n一、2023年工作回顾\n"
            "全区地区生产总值1200亿元，比上年增长5.1%。地区生产总值比2018年增长35%。"
            "累计新增就业岗位12万个。城镇新增就业2.6万人。\n")
    facts = {f.quote: f.data for d in read_text(text) for f in d.facts if f.type == "indicator"}
    by_value = {(d["value"], d["change"]): d for d in facts.values()}
    assert single_year(by_value[(1200, 5.1)])
    since = next(d for d in facts.values() if d["change"] == 35)
    assert since["base_year"] == 2018 and not single_year(since)
    total = by_value[(12, None)]
    assert total["cumulative"] is True and not single_year(total)
    assert single_year(by_value[(2.6, None)])


def test_bounds_written_as_a_range_are_one_fact():
    from govlens.pipeline import read_text

    text = ("云溪市市容管理条例\n第一条 为了加强管理，制定本条例。\n第十条 随地吐痰的，由市容部门责令清除，"
            "处以50元以上100元以下罚款。逾期不清除的，处以5千元以上1万元以下罚款。\n第十一条 违反本条例的，依法处理。\n")
    facts = [f.data for d in read_text(text) for f in d.facts if f.type == "indicator"]
    assert [(f["metric"], f["value"], f["value_max"], f["unit"]) for f in facts] == [
        ("罚款", 50, 100, "元"), ("罚款", 0.5, 1, "万元")]


def test_plan_names_and_titles_that_do_not_date_figures():
    from govlens.pipeline import read_text

    text = ("2021年云溪市明澜区政府工作报告\n各位代表：\n一、2020年工作回顾\n"
            "过去一年，我们统筹疫情防控，谋划好“十四五”发展。一般公共预算收入实现58.1亿元、增长0.4%。"
            "启动编制《明澜老城整体规划（2020-2035年）》，新建公园3座。\n"
            "二、“十四五”时期主要目标\n“十四五”期间，新增公共文化设施5万平方米。\n")
    facts = {f.data["value"]: f.data for d in read_text(text) for f in d.facts if f.type == "indicator"}
    assert (facts[58.1]["period"], facts[58.1]["kind"]) == ("2020", "actual")
    assert facts[3]["period"] == "2020"
    assert (facts[5]["period"], facts[5]["kind"]) == ("2021-2025", "target")
