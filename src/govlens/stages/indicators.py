"""Indicator facts: every quantity with its metric, value, unit, change, range, qualifier, kind,
period and region, grounded in the sentence it was read from.

Per sentence:

1. *mentions*: change expressions (增长6.5%, 提高2个百分点, 增长1.2倍, 翻一番, 6%的增长) and
   levels (1134亿元, 4~6万人, 一千二百家, 两成) — dates, ordinals, names with digits (“1+8”, 5G,
   G60, PM2.5), numbers inside quotes/《》 are not facts;
2. *metric*: the words between the previous clause boundary (or mention) and the number, with
   time words and verbs trimmed; when the number comes first (募集676万件疫情防控物品) the noun
   after the unit;
3. *structure*: a change with no metric of its own belongs to the level before it (one fact);
   分别/各/均 spread a list of metrics over a list of numbers; 其中 makes a child fact;
   由A增加到B keeps A as ``from_value`` of B;
4. *kind* from cue words first (预计, 力争/确保/目标/计划), else from the section context (stages/sections.py);
   *period* from the nearest explicit period (2020年, 十四五, 今年/去年, 过去五年) resolved against
   the document year, else from the kind.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..lexicon.load import alternation, first_chars
from ..lexicon.metrics import metric_key, metric_table
from ..lexicon.words import (
    ANNUAL,
    CHANGE_ABS,
    CHANGE_AFTER,
    CHANGE_BEFORE,
    CHANGE_SIGN,
    KIND_CUES,
    NEGATIVE_BEFORE_POINTS,
    NONFACT,
    PERIOD_WORDS,
    PLAN_NAMES,
    PLAN_NAMES_BARE,
    PLAN_START,
    QUALIFIER_AFTER_CHANGE_RX,
    QUALIFIER_AFTER_RX,
    QUALIFIER_BEFORE_RX,
    YEAR,
    YEAR_CN,
    change_sign,
    period_words,
)
from ..model import Document, Fact
from .numbers import BASE_UNIT, UNIT, base_unit, clean_number, cn_year, convert, parse_number

__all__ = ["indicators", "metric_key", "metric_table", "single_year"]
from .sections import SectionContext, SectionContexts, sentence_kind

_NUMA = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Chinese numerals need a digit character: "一千二百", "二十", not the bare 百/千 of 百亿项目, 千亿级.
_NUMC = r"(?:百分之)?(?=[零〇○一二两三四五六七八九十百千]*[一二两三四五六七八九])[零〇○一二两三四五六七八九十百千]*[十百千][零〇○一二两三四五六七八九十百千]*|百分之[一二两三四五六七八九十]+"
_NUMF = r"[一二三四五六七八九十]+分之[一二三四五六七八九十]+"
_CN = "[零〇○一二两三四五六七八九十百千]"
_NUMBIG = rf"{_CN}+亿零?{_CN}+万"  # 三亿零五百三十万 (吨): one number across 亿 and 万
_PCT_CN = r"百分之[零〇一二两三四五六七八九十]+(?:点[零〇一二三四五六七八九]+)?"
_NUMFRAC = r"\d{1,2}/\d{1,2}(?![\d/])"  # 1/3, 1/4 of something
# A lone digit counts only before a magnitude and a unit: 四亿吨, 一万亿元 (not 一万年, 万一).
_NUMC1 = rf"[一二两三四五六七八九](?=(?:万亿|千亿|亿|千万|百万|万){BASE_UNIT})"
_NUM = rf"(?:{_NUMFRAC}|{_NUMA}|{_NUMF}|{_NUMBIG}|{_PCT_CN}|{_NUMC}|{_NUMC1}|[两二三四五六七八九]成)"
_SEP = r"\s*[-~～—–―至到]\s*"
_PRE = rf"(?P<pre>{QUALIFIER_BEFORE_RX})?"
_POST = rf"(?P<post>{QUALIFIER_AFTER_RX})?"
_CHANGE_VERB = alternation(CHANGE_BEFORE)
# Each pattern opens with a lookahead on its possible first characters: the regex engine then
# skips ahead with a charset scan instead of trying every alternative at every position (5x faster).
_CHANGE = re.compile(
    rf"(?={first_chars([*CHANGE_BEFORE, '翻'])})(?P<verb>{_CHANGE_VERB})(?:了|为|达|达到)?{_PRE}(?P<n1>{_NUM})"
    rf"(?:(?P<u1>%|个百分点|百分点)?{_SEP}(?P<n2>{_NUM}))?"
    rf"(?P<u>%|个百分点|百分点|倍|成|(?<=[零〇一二两三四五六七八九十]))(?P<post>{QUALIFIER_AFTER_CHANGE_RX})?"
    r"|(?P<fan>翻(?P<times>[一两二三四])番)(?P<post2>以上|左右)?"
)
_CHANGE_AFTER = re.compile(
    rf"(?P<n1>{_NUMA})(?P<u>%|个百分点)的(?:正|大幅|较快)?(?P<verb>{alternation(CHANGE_AFTER)})"
)
_LEVEL = re.compile(
    rf"(?=[约近逾超接突不至高低大将百\d零〇○一二两三四五六七八九十])(?:{_PRE})(?P<n1>{_NUM})(?:(?P<u1>{UNIT})?{_SEP}"
    rf"(?P<n2>{_NUM}))?(?P<more>多|余)?(?P<u>{UNIT}|倍|(?<=[零〇一二两三四五六七八九十成])|(?<=/\d)|(?<=/\d\d)){_POST}"
)
_QUOTES = re.compile(NONFACT["quoted"])
_MEETING = re.compile(NONFACT["meeting"])
_CLASS_AFTER = re.compile(NONFACT["class_after"])
_AGE_UNITS = tuple(NONFACT["age"].split("|"))
_HAS_NUMBER = re.compile(r"[\d十百千成番]|分之")
_SENT = re.compile(r"[^。！？；;\n]+[。！？；;]?")
_CLAUSE_BOUND = "，,；;：:。！？\n"
_CLAUSE_BOUND_RX = re.compile("[" + re.escape(_CLAUSE_BOUND) + "]")
# A list of figures joined by 、/和 longer than this is no 分别 list (and rebuilding it for each of its
# figures made a line of 2 000 "增长1.5%，" quadratic).
_MAX_GROUP = 64
# How far around a figure its kind cues are read and its quote extends, so that a figure in a clause of
# 60 000 characters costs the same as one in a clause of 60 (real sentences are far shorter).
_MAX_CONTEXT = 1000
_LEADING = re.compile(
    r"^(?:平均每年|每年平均|(?:可以|可|并)?处以|我们|正在|已经|[，、；：。\s]|其中|同时|此外|另外|全年|当年|年内|今年|去年|上年|明年|(?:全区|全市|全省|全县|全国)(?!性)|我国|我区|我市|我省|我县|本区|本市|"
    r"共|合计|总计|累计|预计|力争|确保|争取|计划|预期|建议|拟安排|拟|要|将|努力|实现了?|完成了?|达到|达|为|是|约|近|比上年|同比|比去年|较上年|"
    r"较去年|可比|年均|平均|分别|均|各|全面|圆满|顺利|以及|使|扣除物价因素|扣除价格因素|一年来|五年来|过去一年|过去五年|这五年|当前|目前|截至目前|截至\S{0,8}?底|"
    rf"(?:{YEAR}|[一二三四五六七八九][〇零○一二三四五六七八九]{{3}})年?(?:底|末|全年|上半年|前三季度|一季度)?(?:比|较)?|"
    rf"[-—–~－至到](?={YEAR}年)|在(?={YEAR})|"
    rf"到{YEAR}年|“?十[一二三四五]?五”?(?:期间|时期|末|以来)?|"
    r"[一二三四]季度|上半年|下半年|前三季度|以来|期间|的|从|由)+"
)
_TRAILING = re.compile(
    r"(?:实现了?|完成了?|达到了?|达|为|是|增至|降至|提高到|提升到|提升至|提高至|增加到|增加至|降低到|下降到|下降至|保持在|控制在|"
    r"稳定在|突破|超过|累计|共计|总计|共|分别|均|各|有|的|了|已|首次跃上|跃上|跃升至|跃升到|上升至|上升到|迈上|站上|首次|"
    rf"平均为|平均|实际|名义|(?:较|比){YEAR}年|已经|达到|占|比上年|同比|较上年|可比|新增了|合计|"
    r"分别为|分别达|分别达到|都|也|还|仅|再|又|以|按|在|由|从|全面|全部|基本|顺利|正式|成功|、|，|：)+$"
)
# Verbs that take a count ("新增2所一级园", "完成8708户村庄改造"): a metric window made only of these,
# or ending in one, means the number comes first and the thing counted follows it.
_COUNT_VERBS = (
    "新增|新建|建成|建设|完成|实现|引进|培育|帮扶|发放|募集|筛查|整治|改造|开展|举办|组织|落实|推动|推进|开工|竣工|签约|"
    "认定|创建|获得|吸引|拨付|协调解决|解决|提供|减免|兑现|安置|供应|筹措|新开办|开办|新设|拆除|腾出|盘活|收储|惠及|"
    "接待|服务|培训|新引进|引育|招引|实施|投入|腾退|消化|再开发|集中|转化|上线|接入|覆盖|支持|帮助|走访|推出|出台|制定|"
    "有序推进|累计建成|累计培育|累计创建|累计引进|全面完成|顺利完成|建立|设立|成立|打造|形成|启动|带动"
)
_VERB_ONLY = re.compile(rf"^(?:{_COUNT_VERBS})*$")
_AFTER_NOUN = re.compile(r"[^，,。；;：:、\n（(\d]{1,16}")
_AFTER_STOP = re.compile(r"(?:实现|完成|达到|投入|获得|成为|入选|的|[和及与]$|，|。|以上|左右).*$")
_VERB_END = re.compile(rf"(?:{_COUNT_VERBS})$")
_NUMBER_FIRST = re.compile(r"[\u4e00-\u9fff](?<![的以左上下多余])")
_TARGET_CUE = KIND_CUES["target"]
_FUTURE_CUE = KIND_CUES["future"]
_FORECAST_CUE = KIND_CUES["forecast"]
_OUTCOME_CUE = KIND_CUES["outcome"]
_TARGETS_INTRO = KIND_CUES["targets_intro"]
_DONE_CUE = KIND_CUES["done"]
_PERIOD_FIRST = first_chars(["到", "至", "截", "1", "2", "一", "二", "“", *PLAN_START, "五", *PERIOD_WORDS])
_PERIOD_CUES = re.compile(
    rf"(?={_PERIOD_FIRST})(?P<until>到|至|截至)?(?P<y>{YEAR}|{YEAR_CN})年(?!\d*月\d+日在)"
    # A plan names a period only when a time word or a comma follows ("“十四五”时期", "“十三五”以来，"),
    # not as a topic ("谋划好“十四五”发展", "“十四五”开局之年").
    rf"|(?:“(?P<plan>{PLAN_NAMES})”(?=期间|时期|以来|末|[，,])|(?P<plan2>{PLAN_NAMES_BARE})(?=期间|时期|计划|规划))"
    r"(?P<plan_when>期间|时期|以来|末|规划)?"
    rf"|(?P<five>{period_words('five')}|(?<=的)五年(?=[。，；]))"  # "这是…全面提升的五年。"
    rf"|(?P<this>{period_words('this')})|(?P<last>{period_words('last')})|(?P<next>{period_words('next')})"
)
_PLAN_START = PLAN_START
_BASE_YEAR = re.compile(r"(?:比|较|与|同|是|为|相当于|相比)$")
_TO_VERBS = "增加到|增长到|提高到|提升到|提升至|提高至|增至|增加至|下降到|下降至|降至|减少到|扩大到|跃升至|上升到|达到"
_TO_PHRASE = re.compile(rf"^(?:{_TO_VERBS})(?:{YEAR}年(?:底|末)?)?的?$")
_FROM = re.compile(rf"(?:由|从)(?:去年|上年|{YEAR}年(?:底|末)?)?的?$")
_TO_VERB = re.compile(rf"^(?:{_TO_VERBS})")
_MODIFIER = re.compile(r"(?:区级|市级|县级|省级|镇级|村级|中央|地方|本级|国有|民营|外资|内资|城镇|农村|城市|农业|工业)?")
_MORE_UNIT = re.compile(rf"(余|多)({BASE_UNIT})")
_ABS_CHANGE = CHANGE_ABS
_SPREAD = re.compile(r"分别(?:为|达到?|是|实际|名义|可比)?$")
_EACH = re.compile(r"(?:各|均|都)$")
_ITEM_SPLIT = re.compile(r"、")
_ITEM_SPLIT_WEAK = re.compile(r"[和及与]")
_MEASURE_END = ("数", "率", "量", "额", "值", "重", "入", "资", "出", "积", "口", "度")
_HEAD_NOUNS = ("增加值", "产值", "收入", "投资", "总额", "营业收入", "销售额", "零售额", "进出口额", "人数", "比重", "增速", "数量", "面积",
               "产量", "支出", "利润", "税收", "率")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: str  # "level" | "change"
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    change: float | None = None
    change_max: float | None = None
    change_unit: str | None = None
    qualifier: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _num(s: str | None) -> float | None:
    if s and "/" in s:  # 1/3 of something, as a percentage
        a, b = s.split("/")
        return round(int(a) / int(b) * 100, 2) if int(b) else None
    return parse_number(s) if s else None


def _masked(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTES.finditer(text)]


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < a and b <= e for s, e in spans)


def _inside_sorted(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """:func:`_inside` for sorted, non-overlapping spans, in log time (many quotes on one line)."""
    k = bisect_left(spans, a, key=lambda sp: sp[0]) - 1
    return k >= 0 and b <= spans[k][1]


class _Overlaps:
    """Spans added in any order; does [s, e) overlap one of them? Log time per question once sorted
    (a quadratic any() over all spans made a line of 2 000 changes take seconds)."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.max_end = list(itertools.accumulate((b for _, b in spans), max))

    def hit(self, s: int, e: int) -> bool:
        k = bisect_left(self.starts, e)  # spans[:k] start before e
        return k > 0 and self.max_end[k - 1] > s


def _bad_context(text: str, num_start: int, num_end: int) -> bool:
    """Ordinals (第3), names with digits (5G, G60, PM2.5, “1+8”), decimals cut in two."""
    before = text[num_start - 1] if num_start else ""
    after = text[num_end] if num_end < len(text) else ""
    if before == "第" or (before.isascii() and before.isalnum()) or before in "+＋.":
        return True
    return after in "+＋" or (after.isascii() and after.isalpha())


def find_mentions(text: str, lo: int, hi: int, masked: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    span = text[lo:hi]
    # "3.2%的增长" needs "%的" or "百分点的": skip that scan on the many lines without either.
    scans = (_CHANGE, _CHANGE_AFTER) if ("%的" in span or "百分点的" in span) else (_CHANGE,)
    for rx in scans:
        for m in rx.finditer(text, lo, hi):
            if _inside_sorted(masked, m.start(), m.end()):
                continue
            if m.groupdict().get("fan"):
                times = {"一": 1, "两": 3, "二": 3, "三": 7, "四": 15}[m.group("times")]
                mm = Mention(m.start(), m.end(), "change", change=times, change_unit="倍",
                             qualifier=m.group("post2"))
                mm.extra["as_written"] = m.group("fan")
            else:
                n1s = m.start("n1")
                if _bad_context(text, n1s, m.end("n1")):
                    continue
                verb = m.group("verb")
                unit = m.group("u")
                if not unit:
                    if not m.group("n1").startswith("百分之"):
                        continue
                    unit = "%"
                c1, c2 = _num(m.group("n1")), _num(m.groupdict().get("n2"))
                if unit == "成":
                    c1 = c1 * 10 if c1 is not None else None
                    unit = "%"
                sign = change_sign(verb)
                mm = Mention(m.start(), m.end(), "change",
                             change=None if c1 is None else sign * c1,
                             change_max=None if c2 is None else sign * c2,
                             change_unit="百分点" if unit and "百分点" in unit else unit,
                             qualifier=m.groupdict().get("pre") or m.groupdict().get("post"))
                if verb in ANNUAL or verb.startswith("年均") or _PER_YEAR.search(text[max(lo, m.start() - 6) : m.start()]):
                    mm.extra["annual_average"] = True  # 年均增长, 平均每年递增
            out.append(mm)
            taken.append((mm.start, mm.end))
    overlaps = _Overlaps(taken)
    for m in _LEVEL.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if overlaps.hit(s, e) or _inside_sorted(masked, s, e):
            continue
        n1 = m.group("n1")
        if _bad_context(text, m.start("n1"), m.end("n1")):
            continue
        unit = m.group("u")
        if not unit:
            if not (n1.startswith("百分之") or n1.endswith("成") or "/" in n1 or "分之" in n1):
                continue
            unit = "%"
        v1, v2 = _num(n1), _num(m.group("n2"))
        if v1 is None or (unit == "次" and _MEETING.match(text, e, e + 5)):
            continue
        if re.fullmatch(r"[零〇○一二两三四五六七八九]+", n1 or "") and not (
                len(n1) == 1 and unit.startswith(("万", "亿", "千万", "百万"))):
            continue  # 一个, 三项 are words; 四亿吨 and 一万亿元 are figures
        if n1.endswith("成") or "分之" in n1 or n1.startswith("百分之") or "/" in n1:
            unit = "%"
        elif "亿" in n1 and "万" in n1:  # 三亿零五百三十万吨 -> 30530 万吨
            v1 = v1 / 10_000
            v2 = v2 / 10_000 if v2 is not None else None
            unit = "万" + unit
        pre, post = m.group("pre"), m.group("post") or m.group("more")
        if unit and unit.endswith("百分点"):
            back = text[max(lo, s - 6) : s]
            sign = -1 if NEGATIVE_BEFORE_POINTS.search(back) else 1
            mm = Mention(s, e, "change", change=sign * v1, change_max=None if v2 is None else sign * v2,
                         change_unit="百分点", qualifier=pre or post)
            out.append(mm)
            continue
        mm = Mention(s, e, "level", value=v1, value_max=v2, unit=unit, qualifier=pre or post)
        if pre and post:
            mm.extra["qualifiers"] = [pre, post]
        out.append(mm)
    out.sort(key=lambda x: x.start)
    # "5万余户": the approximate word sits between the magnitude and the unit.
    for mm in out:
        if mm.kind == "level" and mm.unit in ("万", "亿", "千", "百"):
            tail = _MORE_UNIT.match(text, mm.end)
            if tail:
                mm.unit += tail.group(2)
                mm.qualifier = mm.qualifier or tail.group(1)
                mm.end = tail.end()
    # "分别增长3.7%、7.4%": a bare percentage listed after a change is a change too.
    for a, b in itertools.pairwise(out):
        if (a.kind == "change" and b.kind == "level" and b.unit in ("%", "倍")
                and text[a.end : b.start] in ("、", "和", "，", "及")):
            sign = -1 if (a.change or 0) < 0 else 1
            b.kind, b.change, b.change_max, b.change_unit = "change", sign * (b.value or 0), (
                None if b.value_max is None else sign * b.value_max), b.unit
            b.value = b.value_max = b.unit = None
    # "19.8亿、9亿美元": a bare magnitude takes the full unit of the next item in the list.
    for a, b in itertools.pairwise(out):
        if (a.kind == b.kind == "level" and a.unit in ("万", "亿", "千万", "万亿", "千") and b.unit
                and b.unit.startswith(a.unit) and len(b.unit) > len(a.unit) and text[a.end : b.start] in ("、", "和", "及")):
            a.unit = b.unit
    # "处以50元以上100元以下罚款": two bounds written as one range.
    merged: list[Mention] = []
    for m in out:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.kind == m.kind == "level" and prev.qualifier == "以上"
                and m.qualifier in ("以下", "以内") and prev.end == m.start and prev.value_max is None
                and base_unit(prev.unit) == base_unit(m.unit)
                and (convert_magnitude(prev.value, prev.unit, m.unit) or 0) <= (m.value or 0)):
            prev.end, prev.value_max, prev.qualifier = m.end, m.value, None
            if prev.unit != m.unit:  # 5千元以上1万元以下: one unit for both ends
                prev.value = convert_magnitude(prev.value, prev.unit, m.unit)
                prev.unit = m.unit
            continue
        merged.append(m)
    out = merged
    # "50亿元以上项目1个": a bound that names a class of things is not a quantity of its own.
    # "60岁以上老人": an age bound names a group of people.
    return [m for m in out if not (m.kind == "level" and m.qualifier in ("以上", "以下") and (
        _CLASS_AFTER.match(text, m.end, m.end + 7) or m.unit in _AGE_UNITS))]


def convert_magnitude(value: float | None, unit: str | None, to: str | None) -> float | None:
    """``value`` in ``unit`` expressed in ``to`` (5千元 -> 0.5万元); unchanged when they do not convert."""
    v = convert(value, unit, to)
    return clean_number(v) if v is not None else value


def _clean_metric(w: str) -> str:
    prev = None
    w = w.strip()
    while w != prev:
        prev = w
        w = _LEADING.sub("", w)
        w = _TRAILING.sub("", w)
        w = w.strip("，、；：。 \"")
    return _balance(w)


def _window_start(bounds: list[int], sent_start: int, pos: int) -> int:
    """Start of the clause holding ``pos`` (not before ``sent_start``). ``bounds``: sorted positions just
    after a clause boundary (:func:`_clause_bounds`); a bisect, not a walk back over a long clause."""
    k = bisect_right(bounds, pos) - 1
    return max(sent_start, bounds[k]) if k >= 0 else sent_start


def _clause_bounds(text: str) -> list[int]:
    return [m.end() for m in _CLAUSE_BOUND_RX.finditer(text)]


def _noun_after(text: str, end: int, hi: int) -> str:
    m = _AFTER_NOUN.match(text, end, hi)
    if not m:
        return ""
    # "50余万平方米的高品质科研办公载体建设": the noun may follow a 的.
    return _balance(_clean_metric(_AFTER_STOP.sub("", m.group().removeprefix("的"))))


def _balance(metric: str) -> str:
    """Keep quotes paired: 两直”资金 -> “两直”资金; a dangling opening quote is dropped."""
    if metric.count("”") > metric.count("“"):
        metric = "“" + metric
    if metric.count("“") > metric.count("”"):
        metric = metric.replace("“", "", 1) if metric.rfind("“") > metric.rfind("”") else metric + "”"
    return metric


def _period_cues(doc: Document, text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """Explicit periods named in a paragraph, each with where it was named."""
    y = doc.year
    out: list[tuple[int, str]] = []
    # A year in a title (《…规划（2020-2035年）》) names that document, not the period of figures.
    titles = [(t.start(), t.end()) for t in _BOOK_TITLE.finditer(text, lo, hi)] if "《" in text[lo:hi] else []
    for m in _PERIOD_CUES.finditer(text, lo, hi):
        if titles and _inside(titles, m.start(), m.end()):
            continue
        found = None
        if m.group("y"):
            before = text[max(lo, m.start() - 4) : m.start()]
            if _BASE_YEAR.search(before) or re.search(r"[由从]$", before) or text[m.end() : m.end() + 1] == "比":
                continue
            found = str(cn_year(m.group("y")))
            # "1979到1983年", "2016年至2020年", "2016—2020年": one period from the first year to this.
            first = _RANGE_START.search(text, max(lo, m.start() - 8), m.start() + len(m.group("until") or ""))
            if first and (m.group("until") in ("到", "至") or first.group(2)) and int(first.group(1)) < int(found):
                if out and out[-1][1] == first.group(1):
                    out.pop()
                found = f"{first.group(1)}-{found}"
        elif m.group("plan") or m.group("plan2"):
            start = _PLAN_START.get(m.group("plan") or m.group("plan2"))
            if start:
                found = str(start + 4) if m.group("plan_when") == "末" else f"{start}-{start + 4}"
        elif m.group("five") and y:
            found = f"{y - 5}-{y - 1}"
        elif m.group("this") and y:
            found = str(y)
        elif m.group("last") and y:
            if text[max(lo, m.start() - 1) : m.start()] in ("比", "较", "从", "由") or text[m.end() : m.end() + 1] == "的":
                continue
            found = str(y - 1)
        elif m.group("next") and y:
            found = str(y + 1)
        if found:
            # A period inside "在…的基础上" dates only that aside, not the rest of the sentence.
            aside = _BASIS.match(text, m.end(), hi)
            out.append((m.start(), found))
            if aside:
                k = len(out) - 2
                while k >= 0 and out[k][0] >= m.start():
                    k -= 1
                out.append((aside.end(), out[k][1] if k >= 0 else ""))
    return out


def _period(doc: Document, cues: list[tuple[int, str]], pos: int, kind: str, heading: str | None = None) -> str | None:
    """The last period named before ``pos`` in the paragraph, else, for a target, a plan period its
    heading names ("二、“十五五”时期主要目标任务"), else the one the kind implies. (A review headed
    "“十四五”时期和2025年工作回顾" states levels of its last year, so headings do not date outcomes.)"""
    k = bisect_right(cues, (pos, "\uffff")) - 1
    if k >= 0 and cues[k][1]:
        return cues[k][1]
    if heading and kind == "target":
        return heading
    y = doc.year
    if not y:
        return None
    if kind == "target":
        return str(y)
    return str(y - 1) if doc.kind == "work_report" else str(y)


def _kind(doc: Document, sent_text: str, ctx: SectionContext, after_intro: bool = False) -> str:
    if _FORECAST_CUE.search(sent_text):
        return "forecast"
    sent_text = _OUTCOME_CUE.sub("", sent_text)  # "好于预期", "实现了主要目标" report an outcome
    # "主要预期目标是：…；…；…" governs every clause of its paragraph.
    if _TARGET_CUE.search(sent_text) or after_intro:
        return "target"
    # The figure's own clause (已, 达产后) overrides its section; else the section's kind (time from structure).
    if (own := sentence_kind(sent_text)) is not None:
        return own
    if ctx.kind is not None:
        return ctx.kind
    if _FUTURE_CUE.search(sent_text) and not _DONE_CUE.search(sent_text):
        return "target"
    return "actual"


def _quote_to(f: Fact, text: str, end: int) -> None:
    """A fact completed by a later figure (its change, its level) now quotes up to ``end``."""
    f.end = end
    f.quote = text[f.start : end]


def _fact(doc: Document, m: Mention, metric: str, start: int, end: int, kind: str, period: str | None) -> Fact:
    quote = doc.text[start:end]
    data: dict[str, Any] = {
        "metric": metric or None,
        "metric_key": metric_key(metric),
        "value": clean_number(m.value),
        "value_max": clean_number(m.value_max),
        "unit": m.unit,
        "change": clean_number(m.change),
        "change_max": clean_number(m.change_max),
        "change_unit": m.change_unit,
        "kind": kind,
        "period": period,
        "qualifier": m.qualifier,
        "region": doc.region,
    }
    data.update(m.extra)
    # The clause up to the number: "比2002年增长65.5%" is growth over five years, "累计新增…5870万人" a
    # total over several; both are marked so nobody takes them for one year's figure.
    seg = doc.text[start : m.start]
    clause = seg[max(seg.rfind(c) for c in "，。；：") + 1 :]
    if ("比" in clause or "较" in clause or "与" in clause) and (b := _SINCE_YEAR.search(clause)) is not None:
        data["base_year"] = int(b.group(1))
    if "累计" in clause:
        data["cumulative"] = True
    return Fact("indicator", start, end, quote, data)


_BOOK_TITLE = re.compile(r"《[^》\n]{0,80}》")
_RANGE_START = re.compile(rf"({YEAR})年?\s*([-—–~－])?\s*(?:到|至)?$")
_BASIS = re.compile(r"[^，。；]{0,30}?的基础上[，,]")
_PER_YEAR = re.compile(r"(?:平均每年|每年平均|年平均|年均)$")
_SINCE_YEAR = re.compile(rf"(?:比|较|与)({YEAR})年(?:末|底)?(?:相比)?")


def single_year(f: dict[str, Any], field: str = "change") -> bool:
    """Whether a fact's ``field`` (``value`` or ``change``) is for its one period: not a total, and
    for a change not a five-year average nor growth over a base year other than the year before.
    ("达14.2万亿元、年均增长5.7%": the level is the year's, the growth is not.)"""
    if f.get("cumulative"):
        return False
    if field == "value":
        return True
    if f.get("annual_average"):
        return False
    base = f.get("base_year")
    period = f.get("period") or ""
    return base is None or not period.isdigit() or base == int(period) - 1


def _heading_ends(sections) -> list[int]:
    out = []
    for sec in sections:
        if sec.title:
            out.append(sec.start + len(sec.label) + len(sec.title))
        out.extend(_heading_ends(sec.children))
    return out


def _split_items(window: str) -> list[str]:
    """Items of a list of metrics: split on 、 (names often contain 和); on 和/及/与 only without it."""
    rx = _ITEM_SPLIT if "、" in window else _ITEM_SPLIT_WEAK
    items = [x for x in rx.split(window) if x]
    if len(items) < 2:
        return items
    last = items[-1]
    # 新增、净增就业岗位 -> 新增就业岗位, 净增就业岗位: short leading items share the last one's tail.
    k = len(items[0])
    if all(len(it) == k for it in items[:-1]) and k <= 3 and len(last) > k + 1 and not items[0].endswith(_HEAD_NOUNS):
        tail = last[k:]
        return [it + tail for it in items[:-1]] + [last]
    head = next((h for h in _HEAD_NOUNS if last.endswith(h)), None)
    if head:
        # Only items that are not measures themselves take the shared head (起数、死亡人数 stay as they are).
        items = [it if it.endswith(head) or it.endswith(_MEASURE_END) else it + head for it in items]
    return items


def indicators(doc: Document) -> Document:
    text = doc.text
    gl_start = min((g.start for g in doc.glossary), default=len(text))
    for sec in doc.sections:
        if sec.role == "glossary":
            gl_start = min(gl_start, sec.start)
    facts: list[Fact] = []
    # A heading run into its paragraph ends a clause: "二、2022年主要任务建议2022年地区生产总值增长…".
    heading_ends = sorted(_heading_ends(doc.sections))
    contexts = SectionContexts(doc)  # role, period and default kind of each part (stages/sections.py)
    bounds = _clause_bounds(text)
    pos = 0
    for line in text[:gl_start].split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line or not _HAS_NUMBER.search(line):
            continue
        line_mentions = find_mentions(text, line_start, line_start + len(line),
                                      [(a + line_start, b + line_start) for a, b in _masked(line)])
        if not line_mentions:
            continue
        starts = [m.start for m in line_mentions]
        cues = _period_cues(doc, text, line_start, line_start + len(line))
        # "主要预期目标是：" governs the clauses after it on its line: found once per line, not searched
        # again in the line's prefix for every figure.
        intro = _TARGETS_INTRO.search(line)
        intro_end = line_start + intro.end() if intro else None
        heading = contexts.at(line_start).period
        parent: Fact | None = None
        for sm in _SENT.finditer(line):
            s0, s1 = sm.start() + line_start, sm.end() + line_start
            mentions = line_mentions[bisect_left(starts, s0) : bisect_left(starts, s1)]
            if not mentions:
                continue
            ctx = contexts.at(s0)
            sent = text[s0:s1]
            prev_end = s0
            prev_fact: Fact | None = None
            pending_from: float | None = None
            from_metric = ""
            noun_end = 0
            i = 0
            while i < len(mentions):
                mt = mentions[i]
                ws = max(_window_start(bounds, s0, mt.start), prev_end)
                k = bisect_right(heading_ends, mt.start) - 1
                if k >= 0 and heading_ends[k] > ws:
                    ws = heading_ends[k]
                raw_window = text[ws : mt.start]
                window = _clean_metric(raw_window.rsplit("、", 1)[-1])
                # 由A增加到B: A is where B started from.
                if mt.kind == "level" and _FROM.search(text[max(s0, mt.start - 9) : mt.start]) and _TO_VERB.match(text[mt.end : s1]):
                    pending_from = mt.value
                    from_metric = _clean_metric(_FROM.sub("", raw_window.rstrip()))
                    prev_end = mt.end
                    i += 1
                    continue
                if pending_from is not None:
                    rest = _clean_metric(_TO_PHRASE.sub("", raw_window.strip()))
                    if not rest:
                        window = from_metric
                # "比去年增加2700亿元" after a level: an absolute change of that level.
                if (mt.kind == "level" and prev_fact is not None and window in _ABS_CHANGE
                        and not _PERIOD_CUES.search(raw_window)
                        and prev_fact.data["value"] is not None and base_unit(prev_fact.data["unit"]) == base_unit(mt.unit)
                        and "change_abs" not in prev_fact.data):
                    sign = CHANGE_SIGN[window]
                    prev_fact.data["change_abs"] = clean_number(sign * (mt.value or 0))
                    prev_fact.data["change_abs_unit"] = mt.unit
                    _quote_to(prev_fact, text, mt.end)
                    prev_end = mt.end
                    i += 1
                    continue
                # "上升3个百分点，达到51.2%": the level reached completes the change before it.
                if (mt.kind == "level" and prev_fact is not None and (not window or window in ("达到", "达", "为", "至"))
                        and not _NUMBER_FIRST.match(text, mt.end)
                        and prev_fact.data["value"] is None and prev_fact.data["change"] is not None
                        and text[prev_end:mt.start].count("，") <= 1):
                    prev_fact.data.update(value=clean_number(mt.value), value_max=clean_number(mt.value_max), unit=mt.unit)
                    _quote_to(prev_fact, text, max(prev_fact.end, mt.end))
                    prev_end = mt.end
                    i += 1
                    continue
                # A list of numbers joined by 、/和: maybe 分别 over a list of metrics.
                group = [mt]
                j = i + 1
                while j < len(mentions) and j - i < _MAX_GROUP \
                        and text[group[-1].end : mentions[j].start] in ("、", "和", "及", "与", "，", ",") \
                        and mentions[j].kind == mt.kind:
                    group.append(mentions[j])
                    j += 1
                # A change with no metric of its own completes the level before it.
                if (len(group) == 1 and mt.kind == "change" and prev_fact is not None and not window and prev_fact.data["change"] is None
                        and prev_fact.data["value"] is not None and text[prev_end:mt.start].count("，") <= 1):
                    prev_fact.data.update(change=clean_number(mt.change), change_max=clean_number(mt.change_max),
                                          change_unit=mt.change_unit, **mt.extra)
                    if mt.qualifier and not prev_fact.data["qualifier"]:
                        prev_fact.data["qualifier"] = mt.qualifier
                    _quote_to(prev_fact, text, mt.end)
                    prev_end = mt.end
                    i += 1
                    continue
                metrics: list[str]
                spread = _SPREAD.search(raw_window.rstrip())
                items = _split_items(_clean_metric(raw_window)) if spread or len(group) > 1 else []
                back = [] if len(group) < 2 or mt.kind != "change" else [
                    f for f in facts[-len(group) - 4 :] if f.start >= s0 and f.data["change"] is None and f.data["value"] is not None]
                if (len(group) > 1 and (spread or not window) and mt.kind == "change" and len(items) < len(group)
                        and len(back) >= len(group) and not _clean_metric(raw_window.replace("分别", ""))
                        .strip("实际名义可比")):
                    # "城镇…9422元，农村…2936元，扣除价格因素，分别实际增长7.7%和6.8%": 分别 points back.
                    for f, g in zip(back[-len(group):], group, strict=True):
                        f.data.update(change=clean_number(g.change), change_max=clean_number(g.change_max),
                                      change_unit=g.change_unit, **g.extra)
                        _quote_to(f, text, max(f.end, group[-1].end))
                    prev_end = group[-1].end
                    i = j
                    continue
                if len(group) > 1 and len(items) == len(group):
                    metrics = items
                elif len(group) == 2 and len(items) == 1 and items[0].startswith("城乡"):
                    metrics = ["城镇" + items[0][2:], "农村" + items[0][2:]]
                elif len(group) == 1 and (_EACH.search(raw_window.rstrip()) or (mt.kind == "change" and mt.extra.get("annual_average"))) \
                        and "、" in _clean_metric(raw_window) and len(_split_items(_clean_metric(raw_window))) > 1:
                    metrics = _split_items(_clean_metric(raw_window))
                    group = [mt] * len(metrics)
                elif len(group) > 1 and not window and _NUMBER_FIRST.match(text, group[-1].end):
                    noun = _noun_after(text, group[-1].end, s1)  # "96户、183人实现全部脱贫"
                    metrics = [noun] * len(group)
                    noun_end = group[-1].end + len(noun)
                else:
                    group = [mt]
                    metrics = [window]
                w0 = metrics[0] if len(group) == 1 else None
                prep = bool(re.search(r"[在于对向为给和及与]$", raw_window))
                number_first = w0 is not None and bool(_NUMBER_FIRST.match(text, mt.end)) and (
                    len(w0) <= 2 or bool(_VERB_ONLY.match(w0) or _VERB_END.search(w0)) or w0.endswith("等") or prep)
                if w0 is not None and (number_first or not w0 or _VERB_ONLY.match(w0)):
                    lead = "" if w0.endswith("等") or prep or (len(w0) > 4 and not (_VERB_ONLY.match(w0) or _VERB_END.search(w0))) else w0
                    noun = _noun_after(text, mt.end, s1)
                    if noun:
                        metrics = [lead + noun]
                        noun_end = mt.end + len(noun)
                    elif prev_fact is not None and not metrics[0] and prev_fact.start >= s0:
                        metrics = [prev_fact.data["metric"] or ""]
                q_start = _window_start(bounds, s0, ws) if len(sent) > 150 else s0
                q_start = max(q_start, mt.start - _MAX_CONTEXT)
                q_end = group[-1].end
                # Extend the quote to the clause end so it reads as a sentence.
                if q_end < s1:
                    k = bisect_left(bounds, q_end + 1)
                    q_end = min(s1, bounds[k] - 1 if k < len(bounds) else s1, q_end + _MAX_CONTEXT)
                if len(sent) <= 150:
                    q_end = s1
                    while q_end > s0 and text[q_end - 1] in "。；;！？":
                        q_end -= 1
                kind = _kind(doc, text[max(s0, group[-1].end - _MAX_CONTEXT) : group[-1].end], ctx,
                             intro_end is not None and intro_end <= s0)
                period = _period(doc, cues, mt.start, kind, heading)
                if kind == "target" and period and doc.year and int(period.rsplit("-", 1)[-1]) < doc.year:
                    kind = "actual"  # a report does not set targets for a year (or period) already past
                elif (kind == "actual" and period and "-" in period and doc.year and doc.kind == "work_report"
                        and int(period.split("-")[0]) >= doc.year):
                    kind = "target"  # nor report outcomes of a plan period that starts this year or later
                is_child = "其中" in text[max(_window_start(bounds, s0, ws), mt.start - _MAX_CONTEXT) : mt.start] \
                    or "其中" in raw_window
                if is_child and parent is not None and len(group) == 1 and _MODIFIER.fullmatch(metrics[0] or ""):
                    metrics = [metrics[0] + (parent.data["metric"] or "")]
                for g, metric in zip(group, metrics, strict=False):
                    if g.qualifier is None and "力争" in raw_window:
                        g.qualifier = "力争"  # the contract counts 力争 among qualifiers
                    f = _fact(doc, g, metric, q_start, q_end, kind, period)
                    if pending_from is not None:
                        f.data["from_value"] = clean_number(pending_from)
                        pending_from = None
                    if is_child and parent is not None:
                        f.data["_parent"] = parent  # resolved to an id by validate
                    facts.append(f)
                    if not is_child:
                        parent = f
                    prev_fact = f
                prev_end = max(group[-1].end, noun_end)
                noun_end = 0
                i = j if len(group) > 1 and group[0] is not group[-1] else i + 1
    doc.facts.extend(facts)
    return doc
