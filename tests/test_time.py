"""Time from structure: a section's role and period come from its heading and its place, and a
sentence's own cues override them. Invented reports (regions and figures are ours)."""

from __future__ import annotations

import pytest

import govlens
from govlens.stages.sections import (
    SectionContext,
    heading_context,
    plan_period,
    section_context,
    sentence_kind,
)

HEAD = "{year}年云溪市明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"


def read(body: str, year: int = 2024):
    (doc,) = govlens.read_text(HEAD.format(year=year) + body)
    assert doc.year == year
    return doc


def indicator(doc, needle: str, metric: str = "") -> dict:
    got = [f.data for f in doc.facts if f.type == "indicator" and needle in f.quote and metric in (f.data["metric"] or "")]
    assert got, needle
    return got[0]


@pytest.mark.parametrize(
    ("title", "year", "expect"),
    [
        # A heading naming the report's year or a later one with a plan word: that year's plan.
        ("2024年主要工作安排", 2024, ("tasks", "2024", "target")),
        ("2024年重点工作", 2024, ("tasks", "2024", "target")),
        ("今年工作的主要打算", 2024, ("tasks", "2024", "target")),
        ("2024年经济社会发展的主要目标", 2024, ("targets", "2024", "target")),
        ("明年的主要任务", 2024, ("tasks", "2025", "target")),
        ("2024年主要工作", 2024, ("tasks", "2024", "target")),
        ("新的一年工作安排", 2024, ("tasks", "2024", "target")),  # 新的一年 = the report's year
        ("新一年的主要任务", 2024, ("tasks", "2024", "target")),
        # The same words for a past year are a review.
        ("2023年主要工作", 2024, ("review", None, "actual")),
        ("2023年工作回顾", 2024, ("review", None, "actual")),
        # Plan periods that have not ended.
        ("今后五年的奋斗目标和主要任务", 2024, ("targets", "2024-2028", "target")),
        ("“十五五”时期主要目标任务", 2026, ("targets", "2026-2030", "target")),
        ("“十五五”时期经济社会发展重点任务", 2026, ("tasks", "2026-2030", "target")),
        ("全力做好“十五五”开局工作", 2026, ("tasks", "2026", "target")),
        # Review and plan in one heading: a review whose cued targets are for the coming period.
        ("“十四五”时期发展成就和“十五五”时期主要目标任务", 2026, ("review", "2026-2030", "actual")),
        # Naming the year just ended too, the review opens with that year (争取…资金 there is that year's).
        ("“十四五”时期和2025年工作回顾", 2026, ("review", "2025", "actual")),
        ("“十四五”时期工作回顾", 2026, ("review", "2021-2025", "actual")),
        ("“十四五”规划实施情况", 2026, ("review", "2021-2025", "actual")),  # 实施情况 reports, as 执行情况
        # A list of the year's 民生实事.
        ("2024年区政府十件民生实事", 2024, ("tasks", "2024", "target")),
        ("附件：民生实事项目", 2024, ("tasks", "2024", "target")),
        # Headings without time keep the word rule.
        ("名词解释", 2024, ("glossary", None, None)),
        ("加快建设现代化产业体系", 2024, ("other", None, None)),
    ],
)
def test_heading_sets_role_period_and_kind(title, year, expect):
    ctx, _ = heading_context(title, year)
    assert (ctx.role, ctx.period, ctx.kind) == expect


@pytest.mark.parametrize(
    ("name", "when", "period"),
    [("六五", None, "1981-1985"), ("九五", None, "1996-2000"), ("十五", None, "2001-2005"),
     ("十一五", None, "2006-2010"), ("十四五", "开局", "2021"), ("十五五", None, "2026-2030"), ("十三五", "末", "2020")],
)
def test_plan_names_give_their_years(name, when, period):
    assert plan_period(name, when) == period


def test_a_plan_section_makes_its_figures_that_years_targets():
    doc = read("一、2023年工作回顾\n新建公共停车位900个。\n二、2024年主要工作安排\n新建公共停车位700个，改造污水管网18公里以上。\n")
    past, plan = indicator(doc, "900个"), indicator(doc, "700个")
    assert (past["kind"], past["period"]) == ("actual", "2023")
    assert (plan["kind"], plan["period"]) == ("target", "2024")
    assert (indicator(doc, "18公里")["kind"], indicator(doc, "18公里")["period"]) == ("target", "2024")


def test_subsections_inherit_and_may_name_their_own_time():
    doc = read("二、2024年重点工作\n（一）做强实体经济\n新增规上工业企业45家。\n（二）加强民生保障\n新增托育位300个。\n")
    assert (indicator(doc, "45家")["kind"], indicator(doc, "45家")["period"]) == ("target", "2024")
    assert (indicator(doc, "300个")["kind"], indicator(doc, "300个")["period"]) == ("target", "2024")
    secs = doc.sections[0]
    assert [c.role for c in secs.children] == ["tasks", "tasks"]
    assert secs.period == "2024"


def test_a_paragraph_opening_with_the_year_moves_the_rest_of_a_plan_section():
    doc = read(
        "二、“十五五”时期目标任务和2026年工作安排\n"
        "今后五年，全区地区生产总值年均增长5%左右。\n"
        "今年是“十五五”开局之年，做好政府工作意义重大。\n"
        "全区经济社会发展的主要预期目标是：地区生产总值增长4.6%左右，城镇新增就业1.2万人以上。\n"
        "新建口袋公园12个。\n",
        year=2026,
    )
    five = indicator(doc, "年均增长5%")
    assert (five["kind"], five["period"]) == ("target", "2026-2030")
    for needle in ("4.6%", "1.2万人", "12个"):
        f = indicator(doc, needle)
        assert (f["kind"], f["period"]) == ("target", "2026"), (needle, f)
    assert section_context(doc, doc.text.index("新建口袋公园")) == SectionContext("targets", "2026", "target")


def test_a_mixed_heading_switches_from_review_to_plan_at_its_paragraphs():
    doc = read(
        "一、2025年工作回顾\n全区经济平稳运行。\n二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
        "五年来，全区累计新增城镇就业6.3万人。\n"
        "“十五五”时期是基本实现现代化的关键时期，全区研发经费投入年均增长8%以上。\n",
        year=2026,
    )
    past, plan = indicator(doc, "6.3万人"), indicator(doc, "8%")
    assert past["kind"] == "actual" and past["period"] == "2021-2025"
    assert (plan["kind"], plan["period"]) == ("target", "2026-2030")


# A review headed by the year just ended and a plan period: a paragraph whose opening turns to the
# plan's years moves the rest (its bullets too) there; one turning to the year moves it back.
TURNS = [
    pytest.param("一、2025年及“十四五”时期工作回顾\n2025年是不平凡的一年。全区新建学校4所。\n"
                 "各位代表！2025年是“十四五”收官之年。五年来，我们砥砺前行。\n——民生事业实现新跃升。新增养老床位2600张。\n",
                 {"4所": "2025", "2600张": "2021-2025"}, id="year first, then 五年来"),
    pytest.param("一、“十四五”时期和2025年工作回顾\n“十四五”时期是全区发展极不平凡的五年。\n（一）产业实力增强。累计新增规上企业310家。\n"
                 "各位代表，刚刚过去的2025年，全区上下团结奋斗。\n——动能持续增强。新增高新技术企业85家。\n",
                 {"310家": "2021-2025", "85家": "2025"}, id="plan first, then 刚刚过去的2025年"),
    pytest.param("一、2025年和“十四五”时期工作回顾\n过去一年，全区新建公园6个。\n（一）五年来成就显著的领域\n新建公园6个以上的街道有3个。\n",
                 {"公园6个": "2025"}, id="no turn in an opening: the year"),
]


@pytest.mark.parametrize(("body", "periods"), TURNS)
def test_a_review_of_the_year_and_the_plan_turns_at_its_paragraphs(body, periods):
    doc = read(body, year=2026)
    for needle, period in periods.items():
        f = indicator(doc, needle)
        assert (f["kind"], f["period"]) == ("actual", period), (needle, f)


@pytest.mark.parametrize("opening", [
    "根据市委关于制定“十五五”规划的建议，我们编制了“十五五”规划纲要（草案），提请大会审查。",
    "区政府起草了“十五五”规划纲要，共提出20项主要指标。",
])
def test_a_paragraph_presenting_the_coming_plans_document_in_a_mixed_section_is_that_plans(opening):
    doc = read(
        "一、2025年工作回顾\n全区经济平稳运行。\n二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
        "五年来，全区累计新增城镇就业6.3万人。\n"
        f"{opening}综合考虑各方面因素，提出全区生产总值年均增长5.5%左右。\n",
        year=2026,
    )
    past, plan = indicator(doc, "6.3万人"), indicator(doc, "5.5%")
    assert (past["kind"], past["period"]) == ("actual", "2021-2025")
    assert (plan["kind"], plan["period"]) == ("target", "2026-2030")


def test_a_list_of_the_years_deeds_holds_targets():
    doc = read("一、2023年工作回顾\n新增学位1500个。\n2024年区政府十件民生实事\n1.新建幼儿园3所，新增学位900个。\n2.改造老旧小区26个。\n")
    for needle in ("3所", "900个", "26个"):
        f = indicator(doc, needle)
        assert (f["kind"], f["period"]) == ("target", "2024"), (needle, f)
    assert indicator(doc, "1500个")["kind"] == "actual"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("目前已建成5G基站1200个", "actual"),
        ("一季度完成了技改投资12亿元", "actual"),
        ("项目达产后年产值可达40亿元", "forecast"),
        ("二期建成后年处理能力60万吨", "forecast"),
        ("落实已出台的减税政策，新增减税降费8亿元", None),  # 已 in another clause
        ("新建公共停车位700个", None),
    ],
)
def test_sentence_cues(sentence, kind):
    assert sentence_kind(sentence) == kind


def test_a_sentences_own_cue_overrides_its_plan_section():
    doc = read("二、2024年重点工作\n全区已建成充电桩2600个，新建充电桩1000个。\n项目投产后年产值可达35亿元。\n去年全区地区生产总值增长5.2%。\n")
    assert indicator(doc, "2600个", "已建成")["kind"] == "actual"
    new = indicator(doc, "1000个", "新建")
    assert (new["kind"], new["period"]) == ("target", "2024")
    assert indicator(doc, "35亿元")["kind"] == "forecast"
    last = indicator(doc, "5.2%")
    assert (last["kind"], last["period"]) == ("actual", "2023")


def test_a_work_reports_own_year_is_its_plan_outside_a_review_unless_a_status():
    doc = read("一、2023年工作回顾\n新建公共停车位900个。\n三、深化改革扩大开放\n今年安排区级预算内投资45亿元。\n"
               "截至今年2月底，全区已建成5G基站3100个。\n")
    plan = indicator(doc, "45亿元")
    assert (plan["kind"], plan["period"]) == ("target", "2024")
    status = indicator(doc, "3100个")
    assert status["kind"] == "actual"


def test_untitled_chapters_after_the_plan_continue_it():
    doc = read("一、2023年工作回顾\n新建公共停车位900个。\n二、2024年工作总体部署\n全区地区生产总值增长5.5%左右。\n"
               "三、持续改善民生\n新增托育位300个。\n四、加强政府自身建设\n压减一般性支出5%。\n")
    for needle in ("300个", "5%"):
        f = indicator(doc, needle)
        assert (f["kind"], f["period"]) == ("target", "2024"), (needle, f)
    assert [s.role for s in doc.sections] == ["review", "tasks", "tasks", "tasks"]


@pytest.mark.parametrize(
    "title",
    ["附件：2024年明澜区民生实事", "附件2：民生实事项目", "2024年区政府为民办实事", "明澜区2024年惠民实事"],
)
def test_an_annex_or_a_dated_list_of_deeds_holds_the_years_targets(title):
    doc = read(f"一、2023年工作回顾\n新增学位1500个。\n二、加强政府自身建设\n全面从严治党。\n{title}\n一、新建幼儿园3所。\n二、改造老旧小区26个。\n")
    for needle in ("3所", "26个"):
        f = indicator(doc, needle)
        assert (f["kind"], f["period"]) == ("target", "2024"), (title, needle, f)


def test_a_bare_deeds_heading_takes_its_parents_time():
    ctx, decisive = heading_context("办好民生实事", 2024)
    assert (ctx.kind, decisive) == ("target", False)
    doc = read("一、2023年工作回顾\n（一）办好民生实事\n新增学位1500个。\n")
    assert indicator(doc, "1500个")["kind"] == "actual"


def test_a_plan_compared_with_does_not_date_the_figure():
    doc = read("一、2025年工作回顾\n新建公共停车位900个。\n二、“十五五”时期主要目标任务\n"
               "五年内全区固定资产投资总额4800亿元，比“十四五”期间增长35%。\n", year=2026)
    f = indicator(doc, "35%")
    assert (f["kind"], f["period"]) == ("target", "2026-2030"), f


SPAN_CASES = [pytest.param(year, section, sentence, period, id=f"{name[:30]}: {sentence[:16]}")
              for name, _how, examples in __import__("govlens.stages.indicators.period", fromlist=["SPAN_RULES"]).SPAN_RULES
              for year, section, sentence, period in examples]


@pytest.mark.parametrize(("year", "section", "sentence", "period"), SPAN_CASES)
def test_span_rules_date_totals_and_averages_over_several_years(year, section, sentence, period):
    from govlens.lexicon.words import PLAN_START

    plan = {start + 4: name for name, start in PLAN_START.items()}.get(year - 1)
    body = f"一、{year - 1}年工作回顾\n{sentence}\n" if section == "review" else \
        f"一、“{plan}”时期全区经济社会发展的回顾\n{sentence}\n" if section == "plan_review" else \
        f"一、{year - 1}年工作回顾\n全区生产总值增长5%。\n二、{year}年主要目标\n{sentence}\n"
    doc = read(body, year)
    facts = [f.data for f in doc.facts if f.type == "indicator"]
    assert facts, sentence
    assert facts[-1]["period"] == period, facts[-1]
    assert facts[-1]["kind"] == ("target" if section == "targets" else "actual")
