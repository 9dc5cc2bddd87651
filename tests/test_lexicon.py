"""The lexicon layer: words as data, one list of each, alternations built longest first."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from govlens.lexicon import words
from govlens.lexicon.figures import unsupported_figures
from govlens.lexicon.load import alternation, longest_first
from govlens.lexicon.metrics import metric_key

SRC = Path(__file__).resolve().parent.parent / "src" / "govlens"


def test_alternation_is_escaped_and_longest_first():
    rx = re.compile(alternation(["增", "同比增长", "增长", "元/人", "a.b"]))
    assert rx.match("同比增长5%").group() == "同比增长"
    assert rx.match("增长5%").group() == "增长"
    assert rx.match("a.b").group() == "a.b" and not rx.match("axb")  # escaped
    assert longest_first(["b", "aa", "a", "aa"]) == ["aa", "a", "b"]


@pytest.mark.parametrize(("word", "sign"), [("下降", -1), ("同比减少", -1), ("压减", -1), ("增长", 1), ("提高", 1),
                                            ("回升", 1), ("降幅", -1)])
def test_change_sign(word, sign):
    assert words.change_sign(word) == sign


def test_qualifiers_one_list_with_position_and_bound():
    assert words.qualifier_after("上下") and words.qualifier_after("左右")
    assert not words.qualifier_after("约") and not words.qualifier_after("不低于")
    assert "以上" in words.AT_LEAST and "以内" in words.AT_MOST and "上下" in words.APPROX
    rx = re.compile(words.QUALIFIER_BEFORE_RX)
    assert rx.search("签约项目") is None  # 约 after 签 is no qualifier
    assert rx.search("约80万人").group() == "约"


def test_no_module_keeps_its_own_word_list():
    """Qualifier lists and the year pattern live only in the lexicon."""
    offenders = []
    for p in SRC.rglob("*.py"):
        if "lexicon" in p.parts:
            continue
        text = p.read_text(encoding="utf-8")
        if "(?:19|20)\\d{2}" in text or re.search(r'"左右", "以上"|"以上", "不低于"|左右\|以上\|以内|不低于\|不超过', text):
            offenders.append(str(p.relative_to(SRC)))
    assert offenders == []


def test_rate_nouns_one_list_for_extractor_and_scorer():
    """涨幅, 增长速度 …: one data file; the scorer and the extractor's rules import it, neither keeps a copy."""
    assert {"涨幅", "增速", "增长速度", "增长率", "上涨幅度"} <= set(words.RATE_NOUNS)
    from govlens import evaluate
    from govlens.stages.indicators import rules

    assert evaluate.RATE_NOUNS is words.RATE_NOUNS and rules.RATE_NOUNS is words.RATE_NOUNS
    assert set(rules._BARE_CHANGE) <= set(words.RATE_NOUNS) and set(words.RATE_NOUNS) <= set(rules._GROWTH_END)
    copies = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if "lexicon" not in p.parts
              and re.search(r'RATE_NOUNS\s*=\s*\(|"增速", "增长率"|"增长速度", "增速"', p.read_text(encoding="utf-8"))]
    assert copies == []


def test_units_and_plans_from_data():
    assert words.MAGNITUDE_VALUE["亿"] == 1e8
    assert words.BASE_DIMENSION["吨"] == ("kg", 1000.0)
    assert words.PLAN_START["十四五"] == 2021
    assert re.fullmatch(words.UNIT, "亿吨公里") and re.fullmatch(words.UNIT, "万元/人")


def test_metric_key_and_figures():
    assert metric_key("全区地区生产总值") == "gdp"
    assert metric_key("数字经济") is None  # =经济 counts only as the whole metric
    assert unsupported_figures("2024年增长5.2%，达到130亿元", "增长5.2%", skip_years=True) == ["130"]


def test_llm_does_not_import_ask():
    """No import cycle: the LLM wording check takes its figures from the lexicon, not from ask."""
    code = "import sys, govlens.analysis.llm; print('govlens.analysis.ask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_answer_writes_an_after_qualifier_after_the_figure():
    from govlens.analysis.ask.answer import figure as _figure

    assert _figure({"value": 80, "unit": "万人", "qualifier": "上下"}) == "80万人上下"
    assert _figure({"value": 80, "unit": "万人", "qualifier": "约"}) == "约80万人"


def test_a_figure_written_in_chinese_numerals_supports_an_answer():
    assert unsupported_figures("国内生产总值增长9%", "今年计划国内生产总值增长百分之九") == []
    assert unsupported_figures("钢产量3280万吨", "钢产量达到三千二百八十万吨") == []
    assert unsupported_figures("增长12.3%", "增长百分之十二点三") == []
    assert unsupported_figures("增长8%", "增长百分之九") == ["8"]
    # across magnitudes, in the unit the answer writes (万吨 or 亿吨), 多 after a run kept out of the figure
    assert unsupported_figures("棉花产量30650万担", "棉花产量三亿零六百五十多万担") == []
    assert unsupported_figures("人口12.6亿", "总人口达到十二亿六千万") == []
    assert unsupported_figures("人口13亿", "总人口达到十二亿六千万") == ["13"]
