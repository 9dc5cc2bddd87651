"""A report opening a new term reviews five years under one heading (过去五年工作回顾): its uncued figures
are the five years', so none of them answers a target of the year just ended (sections.py, _FIVE_BACK)."""

from __future__ import annotations

import pytest

import govlens

REPORT = (
    "2036年云溪市明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
    "一、过去五年工作回顾\n五年来，全区经济实力明显增强。\n"
    "全区新建改建农村公路1260公里，新增城镇就业3.1万人。\n"
    "刚刚过去的2035年，全区主要目标任务全面完成。地区生产总值增长6.2%，新增城镇就业6500人。\n"
    "二、2036年主要目标任务\n地区生产总值增长6%左右。\n"
)


@pytest.mark.parametrize(("needle", "period"), [
    ("1260公里", "2031-2035"),  # the five years'
    ("3.1万人", "2031-2035"),
    ("6.2%", "2035"),  # a paragraph turning to the year just ended
    ("6500人", "2035"),
])
def test_a_five_year_review_dates_its_uncued_outcomes_by_the_term(needle, period):
    (doc,) = govlens.read_text(REPORT)
    facts = [f.data for f in doc.facts if f.type == "indicator" and needle in f.quote
             and needle.rstrip("%公里万人") in str(f.data.get("value") if f.data.get("value") is not None
                                                  else f.data.get("change"))]
    assert facts, [f.quote for f in doc.facts]
    assert (facts[0]["kind"], facts[0]["period"]) == ("actual", period)


@pytest.mark.parametrize(("title", "span"), [
    ("过去五年工作回顾", "2031-2035"),
    ("关于过去五年的政府工作", "2031-2035"),
    ("过去一年和五年工作回顾", None),  # names the year too: not only the term
])
def test_which_headings_review_the_term(title, span):
    from govlens.stages.sections import heading_context

    assert heading_context(title, 2036)[0].span == span
