"""Which stated figure answers: rules as a table of cues with weights, each with an example.

* a figure for the whole place and the whole year (全年, 全区) beats one for a part of the place
  (a district's shopping centre, 其中…) or a part of the year (一季度, 上半年, 1-9月);
* the measure is the subject of the clause that holds the number: the clause before the figure
  names the measure, not some other noun with the measure word nearby;
* multi-year averages, totals and 十年来 figures are never one year's;
* percent measures are one thing whether written as a level or as a change (``percent``).
"""

from __future__ import annotations

import re
from typing import Any

from ...model import single_year

# (cue in the clause before the figure, weight, example)
CLAUSE_CUES: list[tuple[re.Pattern[str], float, str]] = [
    (re.compile(r"全年|全区|全市|全省|全县|全国|全旗|年内|本年"), 2.0, "全年实现新增就业5650人"),
    (re.compile(r"(?:一|二|三|四|1|2|3|4)季度|上半年|下半年|前三季度|\d{1,2}[-—至到]\d{1,2}月|\d{1,2}月份?"), -3.0,
     "一季度地区生产总值增长5.3%"),
    (re.compile(r"其中|商场|企业|公司|园区|开发区|街道|乡镇|社区|项目|景区|学校|医院|中心|基地"), -2.0,
     "购物中心开业带动新增就业3000人"),
]
# A word right before the measure that narrows it to a part (农业生产总值 is not 地区生产总值).
NARROWER = re.compile(r"(?:人均|农业|工业|工农业|海洋|数字经济|旅游|文化|民营经济|县域|园区|新区|经济区|第[一二三]产业)$")
MULTI_YEAR = re.compile(r"十年来|五年来|多年来|年均|平均每年|每年平均|累计|历年|以来|近[一二三四五六七八九十\d]+年|过去[一二三四五六七八九十\d]+年")
# A count of years before the figure, even inside the name read for it (五年全社会固定资产投资完成26000亿元),
# never a year's name (一九九二年)
YEARS_COUNT = re.compile(r"(?<![〇零一二三四五六七八九十百\d])(?:[两二三四五六七八九十]|十[一二三四五六七八九])年(?![度底末初中])")


def _written_at(quote: str, metric: str) -> tuple[int, int]:
    """Where a fact's metric is written in its quote (start, length), -1 when it is not. A metric
    made of two places of the sentence (棚改开工 from 启动…棚改…，今年开工560万套) is where its longest
    written head or tail stands last (开工)."""
    at = quote.find(metric) if metric else -1
    if at != -1 or len(metric) < 4:
        return at, len(metric)
    parts = [metric[:n] for n in range(len(metric) - 1, 1, -1)] + [metric[-n:] for n in range(len(metric) - 1, 1, -1)]
    found = [(quote.rfind(p), len(p)) for p in parts if p in quote]
    return max(found) if found else (-1, len(metric))


def clause_before(f: dict[str, Any]) -> str:
    """The clause of the fact's quote that holds its figure, up to the figure (from the last ，；)."""
    quote = f.get("quote") or ""
    metric = f.get("metric") or ""
    at, size = _written_at(quote, metric)
    end = at + size if at != -1 else len(quote)
    start = max(quote.rfind(c, 0, max(at, 0)) for c in "，；。：,;") + 1 if at != -1 else 0
    after = quote[end:end + 12]  # the figure, not the next clause (…4.02%，为多年来最低 is one year's)
    cut = min((i for i in (after.find(c) for c in "，；。;") if i != -1), default=len(after))
    return quote[start:end + cut]


def one_year(f: dict[str, Any], field: str) -> bool:
    """The figure is one year's: not a total, an average over years or a 十年来 statement."""
    if not single_year(f, field):
        return False
    metric = f.get("metric") or ""
    clause = clause_before(f).replace(metric, " ") if metric else clause_before(f)
    if YEARS_COUNT.search(clause_before(f)):
        return False
    return not MULTI_YEAR.search(clause)  # 年均 in the measure's own name (细颗粒物年均浓度) is no average over years


def narrower(f: dict[str, Any], asked: str | None) -> bool:
    """The fact's measure is a part of the asked one: its name has a narrowing word before the
    asked words (or before its own synonym when the question named the measure another way)."""
    metric = f.get("metric") or ""
    if asked and asked in metric:
        return bool(NARROWER.search(metric[: metric.find(asked)])) and not NARROWER.search(asked)
    for syn in ("生产总值", "经济总量", "总产值", "收入", "产量", "投资", "就业"):
        if syn in metric:
            before = metric[: metric.find(syn)]
            # 新增经济总量 is the year's increment, not the total (新增就业 is the measure itself)
            return bool(NARROWER.search(before) or (syn != "就业" and before.endswith("新增")))
    return False


def percent(f: dict[str, Any]) -> float | None:
    """A percent measure as one number, whether stated as a level (涨幅3%) or a change (上涨2%)."""
    if f.get("change") is not None and f.get("change_unit") == "%":
        return f["change"]
    if f.get("value") is not None and f.get("unit") == "%" and f.get("change") is None:
        return f["value"]
    return None


# A figure's sentence saying what kind of figure it is: a target in the 主要预期目标 sentence beats one
# read from a review sentence without a target word. (kind, cue, weight, example)
KIND_SENTENCE_CUES: list[tuple[str, re.Pattern[str], float, str]] = [
    ("target", re.compile(r"预期目标|主要目标|目标是|目标为|力争|计划|预计|今年"), 1.5,
     "今年经济社会发展的主要预期目标是：城镇新增就业40万人以上"),
    ("actual", re.compile(r"去年|过去一年|上年|全年实现|完成|实现|达到"), 0.5, "过去一年，实现新增就业40万人"),
]


def score(f: dict[str, Any], asked: str | None = None, want_change: bool = False, kind: str | None = None) -> float:
    """Higher is a better answer for a question about one place and one year (``kind``: the kind the
    question asks; its sentence cues then choose among figures of that kind)."""
    s = 0.0
    for k, rx, w, _ in KIND_SENTENCE_CUES:
        if kind == k and f.get("kind") == k and rx.search(f.get("quote") or ""):
            s += w
    clause = clause_before(f)
    for rx, w, _ in CLAUSE_CUES:
        if rx.search(clause):
            s += w
    metric = f.get("metric") or ""
    if asked and metric:
        if metric == asked or metric.endswith(asked):
            s += 1.0
        # a longer name than the one asked is a part of it (农业总产值 for 总产值)
        s -= 0.1 * max(0, len(metric) - len(asked or metric))
    if want_change:
        s += 1.5 if f.get("change") is not None else 0.0
    if f.get("doc_kind") == "work_report":
        s += 1.0
    if f.get("parent") is not None and not (asked and asked in metric):
        s -= 3.0
    # the report of the year after states the outcome; the target is the year's own report
    period = f.get("period") or ""
    if period.isdigit() and f.get("doc_year"):
        if f.get("kind") == "actual" and f["doc_year"] == int(period) + 1:
            s += 1.0 if kind else 1.5  # no kind asked: a year's figure is its outcome before its target
        if f.get("kind") == "target" and f["doc_year"] == int(period):
            s += 1.0
    return s


def best(facts: list[dict[str, Any]], asked: str | None = None, want_change: bool = False,
         kind: str | None = None) -> list[dict[str, Any]]:
    """Facts sorted best first (stable: among equals, the store's order — latest report first)."""
    return sorted(facts, key=lambda f: -score(f, asked, want_change, kind))
