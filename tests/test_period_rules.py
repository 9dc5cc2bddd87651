"""TIME_RULES (stages/indicators/period.py): the period and kind of a figure from its own words and its
document, each rule with invented example sentences run through the whole pipeline (regions and figures
are ours)."""

from __future__ import annotations

import re

import pytest

import govlens
from govlens.stages.indicators.period import TIME_RULES

HEADS = {
    "report": "{year}年云溪市明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n",
    "old": "{year}年政府工作报告\n——{year}年6月在云溪省人民代表大会上\n各位代表：\n我现在代表省人民政府向大会报告工作，请予审议。\n"
           "一、国民经济的发展\n",
    # a report dated by its delivery line (an autumn report on this year's plan and the next's)
    "delivered": "{year}年云溪省政府工作报告\n——{year}年9月1日在云溪省第五届人民代表大会第三次会议上\n各位代表：\n"
                 "我现在代表省人民政府向大会报告工作，请予审议。\n",
    "regulation": "云溪市明澜区养犬管理办法\n第一条 为了规范养犬行为，保障公民健康和人身安全，制定本办法。\n"
                  "第二条 本办法适用于本区行政区域内的养犬管理。\n第三条 区公安机关是养犬管理的主管部门。\n"
                  "第四条 本办法自{year}年3月1日起施行。\n",
    "press": "云溪市明澜区{prev}年经济运行情况新闻发布会\n发布时间：{year}年1月19日\n主持人：各位记者朋友，上午好。欢迎参加今天的"
             "新闻发布会。今天我们邀请到区统计局的负责同志，向大家介绍{prev}年全区经济运行情况，并回答大家关心的问题。\n"
             "记者：请介绍一下全年的经济运行情况。\n",
    "bulletin": "云溪市明澜区{prev}年国民经济和社会发展统计公报\n云溪市明澜区统计局\n{year}年3月20日\n一、综合\n",
}

CASES = [pytest.param(document, year, body, figure, kind, period, id=f"{name[:28]}: {figure}")
         for name, _how, examples in TIME_RULES for document, year, body, figure, kind, period in examples]


def read(document: str, year: int, body: str):
    return govlens.read_text(HEADS[document].format(year=year, prev=year - 1) + body)


@pytest.mark.parametrize(("document", "year", "body", "figure", "kind", "period"), CASES)
def test_time_rules(document, year, body, figure, kind, period):
    docs = read(document, year, body)
    facts = [f for d in docs for f in d.facts if f.type == "indicator"
             and f.quote and figure in f.quote and f.start <= d.text.index(figure) < f.end]
    assert facts, (figure, [f.quote for d in docs for f in d.facts])
    if number := re.match(r"[\d.]+", figure):  # a sentence's quote may hold other figures: take this one's
        facts = [f for f in facts if float(number.group()) in (f.data["value"], f.data["change"])] or facts
    got = facts[0].data
    assert (got["kind"], got["period"]) == (kind, period), got


def test_every_rule_has_examples():
    assert all(examples for _name, _how, examples in TIME_RULES)
    assert len({name for name, _how, _examples in TIME_RULES}) == len(TIME_RULES)
