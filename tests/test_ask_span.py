"""A question about a five-year span (十四五期间, 过去五年 … 年均增长) takes the span's 年均 rate, never one year's
figure: in compare and rank across places too, whether the rate's fact is named oddly (地区生产总值跨越…大关，年均增长),
unnamed, or dated the span's last year. Invented reports, invented figures."""

from __future__ import annotations

import pytest

from govlens.analysis.ask import ask
from govlens.analysis.ask.plan import read
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store

REPORTS = {
    "qinghai-2026.txt": "2026年青海省政府工作报告\n——2026年1月20日在青海省第十四届人民代表大会第五次会议上\n各位代表：\n"
    "一、“十四五”时期和2025年工作回顾\n过去五年，全省地区生产总值跨越4200亿元大关，年均增长6.1%。\n"
    "五年来，全省铁路营业里程由2600公里增至3300公里。\n2025年，全省地区生产总值增长4.4%。\n",
    "hainan-2026.txt": "2026年海南省政府工作报告\n——2026年1月21日在海南省第七届人民代表大会第五次会议上\n各位代表：\n"
    "一、“十四五”时期和2025年工作回顾\n“十四五”时期，地区生产总值超过9100亿元、年均增长5.6%。\n"
    "2025年，全省地区生产总值增长4.2%。\n",
    "gansu-2026.txt": "2026年甘肃省政府工作报告\n——2026年1月22日在甘肃省第十四届人民代表大会第五次会议上\n各位代表：\n"
    "一、“十四五”时期和2025年工作回顾\n五年来，地区生产总值连跨两个千亿元台阶，年均增长5.3%、高于全国0.1个百分点。\n"
    "2025年，全省地区生产总值增长4.8%。\n",
    "xizang-2026.txt": "2026年西藏自治区政府工作报告\n——2026年1月23日在西藏自治区第十二届人民代表大会第五次会议上\n各位代表：\n"
    "一、“十四五”时期和2025年工作回顾\n五年来，全区地区生产总值突破2700亿元、地方一般公共预算收入年均增长7.7%。\n",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("span")
    (d / "in").mkdir()
    for name, text in REPORTS.items():
        (d / "in" / name).write_text(text, encoding="utf-8")
    with open_store(str(d / "t.db")) as s:
        ingest(s, walk([str(d / "in")]))
    with open_store(str(d / "t.db"), readonly=True) as s:
        yield s


@pytest.mark.parametrize(("question", "expect", "never"), [
    ("青海和海南“十四五”期间地区生产总值年均增速哪个高？", ["青海", "6.1%"], ["4.4%"]),
    ("青海和海南过去五年GDP年均增长分别是多少？", ["6.1%", "5.6%"], ["4.2%"]),
    ("相比甘肃，海南“十四五”期间GDP年均增速高多少？", ["0.3个百分点"], ["4.8%"]),
    ("青海、海南、甘肃三地“十四五”时期地区生产总值年均增速哪个最低？", ["甘肃", "5.3%"], ["4.2%"]),
    ("海南2025年地区生产总值增长多少？", ["4.2%"], ["5.6%"]),  # one year asked: the year's figure
    # a span's change: the level it started from (the year before the span) and the one it reached
    ("青海铁路营业里程“十四五”期间怎么变化？", ["2020年2600公里", "2025年3300公里"], []),
    # another measure's rate beside the asked level is not the asked rate
    ("西藏和青海“十四五”期间地区生产总值年均增速哪个高？", [], ["7.7%"]),
])
def test_span_rate_answers(store, question, expect, never):
    a = ask(store, question)
    assert all(e in a.answer for e in expect), a.answer
    assert not any(n in a.answer for n in never), a.answer


def test_recent_years_with_average_is_a_span_not_a_trend(store):
    p = read(store, "青海和海南过去五年GDP年均增长分别是多少？")
    assert p.op != "trend" and p.period == "2021-2025", p


@pytest.mark.parametrize(("metric", "same"), [
    ("中央财政赤字拟安排", True),  # 今年中央财政赤字拟安排1900亿元: the year's budget line, however it ends
    ("中央财政赤字预算拟安排", True),
    ("中央财政赤字预算安排", True),
    ("预算赤字减少", False),  # a change, not the line
])
def test_a_budget_line_ending_on_its_verb_is_the_measure(metric, same):
    from govlens.analysis.compare import same_measure

    assert same_measure(metric, "deficit") is same


@pytest.mark.parametrize(("question", "op", "measure"), [
    # 分别 over two places is one figure each, not each year of the span
    ("青海和海南“十四五”期间地区生产总值累计分别是多少？", {"compare"}, "地区生产总值"),
    # 过去五年 / 这五年 is the span, never part of the measure's name
    ("青海民用机场数量过去五年增加了多少个？", None, "民用机场数量"),
    ("海南这五年来农村公路里程增加了多少公里？", None, "农村公路里程"),
])
def test_span_words_read_as_time_not_measure(store, question, op, measure):
    p = read(store, question)
    assert op is None or p.op in op, p
    assert p.measure == measure, p


@pytest.mark.parametrize(("metric", "difference"), [
    ("粮食增加", True), ("原煤减少了", True), ("钢产量提高", True),  # 一九八五年比一九八〇年原煤减少了…: a difference
    ("粮食产量", False), ("工业增加值", False), ("增长极", False),
])
def test_a_measure_named_with_its_change_is_no_level(metric, difference):
    from govlens.analysis.ask.words import DIFFERENCE_NAME

    assert bool(DIFFERENCE_NAME.search(metric)) is difference
