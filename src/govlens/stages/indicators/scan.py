"""Scanning a line into mentions: change expressions (增长6.5%, 提高2个百分点, 增长1.2倍, 翻一番,
6%的增长) and levels (1134亿元, 4~6万人, 一千二百家, 两成). Dates, ordinals, names with digits
(“1+8”, 5G, G60, PM2.5) and numbers inside quotes or 《》 are not facts. Words come from the lexicon."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ...lexicon.load import alternation, first_chars
from ...lexicon.words import (
    ANNUAL,
    CHANGE_AFTER,
    CHANGE_BEFORE,
    CHANGE_OBJECT,
    NEGATIVE_BEFORE_POINTS,
    NONFACT,
    QUALIFIER_AFTER_CHANGE_RX,
    QUALIFIER_AFTER_RX,
    QUALIFIER_BEFORE_RX,
    change_sign,
)
from ..numbers import BASE_UNIT, UNIT, base_unit, clean_number, convert, parse_number

_NUMA = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Chinese numerals need a digit character: "一千二百", "二十", not the bare 百/千 of 百亿项目, 千亿级.
_NUMC = r"(?:百分之)?(?=[零〇○一二两三四五六七八九十百千]*[一二两三四五六七八九])[零〇○一二两三四五六七八九十百千]*[十百千][零〇○一二两三四五六七八九十百千]*|百分之[一二两三四五六七八九十]+"
_NUMF = r"[一二三四五六七八九十]+分之[一二三四五六七八九十]+"
_CN = "[零〇○一二两三四五六七八九十百千]"
_NUMBIG = rf"{_CN}+亿零?{_CN}+多?万"  # 三亿零五百三十万, 三亿三千五百多万 (吨): one number across 亿 and 万
# 一百一十六万六千 (吨), 二万四千 (多个), 二亿七千八百零九万三千一百 (人): one number across 万 and the
# thousands after it (not 七十四万多)
_NUMWAN = rf"(?:{_CN}+亿零?)?{_CN}+万零?[一二两三四五六七八九][千百十]{_CN}*"
_PCT_CN = r"百分之[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"  # 百分之一百二十七 (127 %)
_NUMFRAC = r"\d{1,2}/\d{1,2}(?![\d/])"  # 1/3, 1/4 of something
# A lone digit counts only before a magnitude and a unit: 四亿吨, 一万亿元 (not 一万年, 万一).
_NUMC1 = rf"(?<![零〇○一二两三四五六七八九十百千几数])[一二两三四五六七八九十](?=(?:万亿|千亿|亿|千万|百万|万){BASE_UNIT})"  # 十万元 too
# A multiple in numerals (增加一倍, 增长二点二倍, 翻了两倍): a short numeral right before 倍 (fmetric).
_NUMX = r"(?<![\u4e00-\u9fff][一二两三四五六七八九十])[一二两三四五六七八九十]{1,2}(?:点[零〇一二三四五六七八九]+)?(?=倍)"
_NUM = rf"(?:{_NUMFRAC}|{_NUMA}|{_NUMF}|{_NUMWAN}|{_NUMBIG}|{_PCT_CN}|{_NUMC}|{_NUMC1}|[两二三四五六七八九]成|(?<![少小减降低长加高升增压])一半(?=以上|左右|[，。；、,;]|$)|(?<=[产少降减长加])一成(?!不变)|{_NUMX})"
_SEP = r"\s*[-~～—–―至到]\s*"
# The upper end of a range may drop what its lower end says (百分之八至九, 百分之七到八): a bare numeral
# after 至/到 that ends the clause.
_NUM2 = rf"(?:{_NUM}|(?<=[至到])[一二两三四五六七八九十]{{1,3}}(?:点[零〇一二三四五六七八九]+)?(?=[，。；、,;]|$))"
_PRE = rf"(?P<pre>{QUALIFIER_BEFORE_RX})?"
_POST = rf"(?P<post>{QUALIFIER_AFTER_RX})?"
_CHANGE_VERB = alternation(CHANGE_BEFORE)
# Each pattern opens with a lookahead on its possible first characters, around ALL its alternatives
# (``(?=[…])(?:A|B)``; before an unbracketed A|B it guards only A): the regex engine then rejects most
# positions with one charset test instead of trying every alternative at each (5x faster).
_CHANGE = re.compile(
    rf"(?={first_chars([*CHANGE_BEFORE, '翻'])})(?:(?P<verb>{_CHANGE_VERB})(?:了|为|达|达到)?{_PRE}(?P<n1>{_NUM})"
    rf"(?:(?P<u1>%|个百分点|百分点)?{_SEP}(?P<n2>{_NUM2}))?"
    rf"(?P<u>%|个百分点|百分点|倍|成|(?<=[零〇一二两三四五六七八九十成]))(?P<post>{QUALIFIER_AFTER_CHANGE_RX})?"
    rf"|(?P<fan>翻(?P<times>[一两二三四])?番)(?P<post2>{QUALIFIER_AFTER_CHANGE_RX})?)"
)
# "减环节66%", "提高效率20%": a change verb, a short object, then the figure. The object holds no change
# word (增加值增长5% is no 增加 of 值) and does not open with a particle (提高到80%, 降低了5%).
_CHANGE_OBJECT = re.compile(
    rf"(?={first_chars(CHANGE_OBJECT)})(?P<verb>{alternation(CHANGE_OBJECT)})"
    rf"(?P<noun>(?![了为达到至约近比较幅速率值按产])[\u4e00-\u9fff]{{2,4}}?)(?P<n1>{_NUMA})(?P<u>%|个百分点)"
)
_CHANGE_WORD = re.compile(alternation(CHANGE_BEFORE))
_CHANGE_AFTER = re.compile(
    rf"(?P<n1>{_NUMA})(?P<u>%|个百分点)的(?:正|大幅|较快)?(?P<verb>{alternation(CHANGE_AFTER)})"
)
_LEVEL = re.compile(
    rf"(?=[约近逾超接突不至高低大将百\d零〇○一二两三四五六七八九十])(?:{_PRE})(?P<n1>{_NUM})(?:(?P<u1>{UNIT})?{_SEP}"
    rf"(?P<n2>{_NUM2}))?(?P<more>多|余)?(?P<u>{UNIT}|倍|(?<=[零〇一二两三四五六七八九十成半])|(?<=/\d)|(?<=/\d\d)){_POST}"
)
_DECIMAL_YEARS = re.compile(rf"{_PRE}(?<![\d.])(?P<n1>\d{{1,2}}\.\d+)年(?![代度初底末]){_POST}")
# Every match of _DECIMAL_YEARS holds this: a line without it skips that scan (its optional qualifier
# first gives the engine no character to skip by, so it tried every position of the line).
_DECIMAL_YEARS_HINT = re.compile(r"\d\.\d+年")
# "平均受教育年限达到9年以上", "预期寿命超过七十年": a whole number of years right after a duration noun (and
# a verb of reaching) is a level in 年, not a date or a plan's length (fmetric; decimals: _DECIMAL_YEARS).
_DURATION_NOUNS = ("年限", "寿命", "期限", "工龄")
_DURATION_YEARS = re.compile(
    rf"(?:{'|'.join(_DURATION_NOUNS)})(?:达到|提高到|提高至|提升到|提升至|延长到|延长至|增加到|增至|为|达)?"
    rf"{_PRE}(?<![\d.])(?P<n1>\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})年(?![代度初底末前后来内间])(?P<post>{QUALIFIER_AFTER_RX})?")
_QUOTES = re.compile(NONFACT["quoted"])
_MEETING = re.compile(NONFACT["meeting"])
_CLASS_AFTER = re.compile(NONFACT["class_after"])
_CLASS_HEAD = re.compile(NONFACT["class_head"])
_KIND_BY_SIZE = re.compile(NONFACT["kind_by_size"])
_SYSTEM_WORD = re.compile(NONFACT["system_word"])
_BOUND_WORDS = ("以上", "以下", "超过", "不超过", "不足", "不到", "低于", "高于", "不低于", "不少于")
_COUNTERS = "家个所座项处批名位条"
_AGE_UNITS = tuple(NONFACT["age"].split("|"))
# (not 超百亿元: 191家企业营业收入超百亿元 is a class of firms)
_BARE_MAG = re.compile(r"(?P<q>突破|超过)(?P<mag>万亿|千亿)(?P<u>美元|元|斤|吨|千瓦时)(?!级)")
_BARE_MAG_HINT = re.compile(r"[破过](?:万亿|千亿)")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{0,4}")
# A digit or numeral, or 分之; written to open with one character class, so that the engine skips to
# candidate positions (a first alternative that is a class, then a literal, gave it no prefix to skip by).
_HAS_NUMBER = re.compile(r"[\d十百千成番分万半](?:(?<![分万])|(?<=分)(?=之)|(?<=万)(?=亿))")  # 突破万亿元: 万亿 too
_SENT = re.compile(r"[^。！？；;\n]+[。！？；;]?")
_CLAUSE_BOUND = "，,；;：:。！？\n"
_CLAUSE_BOUND_RX = re.compile("[" + re.escape(_CLAUSE_BOUND) + "]")
# A list of figures joined by 、/和 longer than this is no 分别 list (and rebuilding it for each of its
# figures made a line of 2 000 "增长1.5%，" quadratic).
_MAX_GROUP = 64
# How far around a figure its kind cues are read and its quote extends, so that a figure in a clause of
# 60 000 characters costs the same as one in a clause of 60 (real sentences are far shorter).
_MAX_CONTEXT = 1000
_CN_DIGITS = "零〇○一二两三四五六七八九"  # a figure made only of these is a word (一个, 三项)
_MORE_UNIT = re.compile(rf"(余|多)({BASE_UNIT})")
_BASE_UNIT_AT = re.compile(BASE_UNIT)
_PER_YEAR = re.compile(r"(?:平均每年|每年平均|年平均|年均)$")

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
    noun: str | None = None  # the object written inside a change (减环节66% -> 环节): its metric
    number_first: bool = False  # written figure first (8.5%的下降)


# A rate written before its figure (每月1500元) is a unit per time, as 1500元/月 writes it after.
PER_TIME_BEFORE = {"每月": "/月"}


@lru_cache(maxsize=8192)
def _num(s: str | None) -> float | None:
    """A figure as written, parsed (cached: the same figures recur across a corpus)."""
    if s and "/" in s:  # 1/3 of something, as a percentage
        a, b = s.split("/")
        return round(int(a) / int(b) * 100, 2) if int(b) else None
    return parse_number(s) if s else None


def _masked(text: str) -> list[tuple[int, int]]:
    if "“" not in text and "《" not in text and '"' not in text:
        return []
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
    """Ordinals (第3), names with digits (5G, G60, PM2.5, “1+8”), decimals cut in two, formulas (…×100%)."""
    before = text[num_start - 1] if num_start else ""
    after = text[num_end] if num_end < len(text) else ""
    if before == "第" or (before.isascii() and before.isalnum()) or before in "+＋.×_":  # ×100%: a formula; PM_2.5
        return True
    return after in "+＋" or (after.isascii() and after.isalpha())


# A run of digits and numerals longer than any figure (2 000 digits in a row): the number patterns
# backtrack over it at every position ('1'*2000 took 2.8 s, '十'*8000 4.8 s). Such runs are masked,
# same length, before scanning, so every offset stays valid.
_RUN_CHAR = "[0-9０-９.,．零〇○一二两三四五六七八九十百千万亿]"
_LONG_RUN = re.compile(rf"{_RUN_CHAR}{_RUN_CHAR}{{39,}}")  # one class first: the engine skips by it


def mask_long_runs(text: str) -> str:
    if not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(lambda m: "#" * len(m.group()), text)


def find_mentions(text: str, lo: int, hi: int, masked: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    span = text[lo:hi]
    # "3.2%的增长" needs "%的" or "百分点的": skip that scan on the many lines without either.
    scans = (_CHANGE, _CHANGE_AFTER) if ("%的" in span or "百分点的" in span) else (_CHANGE,)
    if "%" in span or "百分点" in span:
        scans += (_CHANGE_OBJECT,)
    for rx in scans:
        for m in rx.finditer(text, lo, hi):
            if masked and _inside_sorted(masked, m.start(), m.end()):
                continue
            if rx is _CHANGE_OBJECT and (any(a < m.end() and m.start() < b for a, b in taken)
                                         or _CHANGE_WORD.search(m.group("noun"))):
                continue
            if m.groupdict().get("fan"):
                # 翻一番 doubles: +100 % (the gold's convention, rounds 2 and 4; fmetric), 翻两番 +300 %
                times = {"一": 100, "两": 300, "二": 300, "三": 700, "四": 1500}[m.group("times") or "一"]
                mm = Mention(m.start(), m.end(), "change", change=times, change_unit="%",
                             qualifier=m.group("post2"))
                mm.extra["as_written"] = m.group("fan")
            else:
                n1s = m.start("n1")
                if _bad_context(text, n1s, m.end("n1")):
                    continue
                verb = m.group("verb")
                unit = m.group("u")
                if not unit:
                    if not m.group("n1").startswith("百分之") and not m.group("n1").endswith("成"):
                        continue
                    unit = "%"  # 百分之五, 增加五成
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
                if rx is _CHANGE_OBJECT:
                    mm.noun = m.group("noun")
                elif rx is _CHANGE_AFTER:
                    mm.number_first = True
                if verb in ANNUAL or verb.startswith("年均") or _PER_YEAR.search(text[max(lo, m.start() - 6) : m.start()]):
                    mm.extra["annual_average"] = True  # 年均增长, 平均每年递增
            out.append(mm)
            taken.append((mm.start, mm.end))
    overlaps = _Overlaps(taken) if taken else None  # most lines hold no change: nothing to overlap
    for m in _LEVEL.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if (overlaps is not None and overlaps.hit(s, e)) or (masked and _inside_sorted(masked, s, e)):
            continue
        n1 = m.group("n1")
        if _bad_context(text, m.start("n1"), m.end("n1")):
            continue
        unit = m.group("u")
        if not unit:
            if not (n1.startswith("百分之") or n1.endswith(("成", "半")) or "/" in n1 or "分之" in n1):
                continue
            unit = "%"
        more = None
        if "多万" in n1 and "亿" in n1:  # 三亿三千五百多万吨: 33500 万吨, qualifier 多
            n1, more = n1.replace("多万", "万"), "多"
        v1, v2 = _num(n1), _num(m.group("n2"))
        if v1 is None or (unit == "次" and _MEETING.match(text, e, e + 5)) or _SYSTEM_WORD.match(text, m.end("u")):
            continue
        if n1 and not n1.strip(_CN_DIGITS) and not (
                len(n1) == 1 and unit.startswith(("万", "亿", "千万", "百万"))):
            continue  # 一个, 三项 are words; 四亿吨 and 一万亿元 are figures
        if n1.endswith(("成", "半")) or "分之" in n1 or n1.startswith("百分之") or "/" in n1:
            unit = "%"
        elif "亿" in n1 and "万" in n1:  # 三亿零五百三十万吨 -> 30530 万吨
            v1 = v1 / 10_000
            v2 = v2 / 10_000 if v2 is not None else None
            unit = "万" + unit
        pre, post = m.group("pre"), m.group("post") or m.group("more") or more
        if unit and unit.endswith("百分点"):
            back = text[max(lo, s - 6) : s]
            sign = -1 if NEGATIVE_BEFORE_POINTS.search(back) else 1
            mm = Mention(s, e, "change", change=sign * v1, change_max=None if v2 is None else sign * v2,
                         change_unit="百分点", qualifier=pre or post)
            out.append(mm)
            continue
        if unit == "元" and text[max(lo, m.start("n1") - 2) : m.start("n1")] in PER_TIME_BEFORE:
            unit += PER_TIME_BEFORE[text[m.start("n1") - 2 : m.start("n1")]]  # 每月1500元: 1500 元/月
        mm = Mention(s, e, "level", value=v1, value_max=v2, unit=unit, qualifier=pre or post)
        if pre and post:
            mm.extra["qualifiers"] = [pre, post]
        out.append(mm)
    # "平均受教育年限达到10.5年": a decimal before 年 is a span of years, never a date (facts' small edit).
    if "年" in span and "." in span and _DECIMAL_YEARS_HINT.search(text, lo, hi):
        for m in _DECIMAL_YEARS.finditer(text, lo, hi):
            if not ((overlaps is not None and overlaps.hit(m.start(), m.end())) or _inside_sorted(masked, m.start(), m.end())
                    or _bad_context(text, m.start("n1"), m.end("n1"))):
                out.append(Mention(m.start(), m.end(), "level", value=float(m.group("n1")), unit="年",
                                   qualifier=m.group("pre") or m.group("post")))
    if "年" in span and any(w in span for w in _DURATION_NOUNS):
        for m in _DURATION_YEARS.finditer(text, lo, hi):
            a = m.start("pre") if m.group("pre") else m.start("n1")
            if not ((overlaps is not None and overlaps.hit(a, m.end())) or _inside_sorted(masked, a, m.end())
                    or any(x.start < m.end() and a < x.end for x in out)):
                out.append(Mention(a, m.end(), "level", value=_num(m.group("n1")), unit="年",
                                   qualifier=m.group("pre") or m.group("post")))
    # "突破万亿元": a magnitude with no number after a threshold word is one of it (1 万亿元; fmetric).
    if "亿" in span and _BARE_MAG_HINT.search(text, lo, hi):
        for m in _BARE_MAG.finditer(text, lo, hi):
            if not ((overlaps is not None and overlaps.hit(m.start(), m.end())) or _inside_sorted(masked, m.start(), m.end())):
                out.append(Mention(m.start(), m.end(), "level", value=1, unit=m.group("mag") + m.group("u"),
                                   qualifier=m.group("q")))
    out.sort(key=lambda x: x.start)
    # "5万余户": the approximate word sits between the magnitude and the unit.
    for mm in out:
        if mm.kind == "level" and mm.unit in ("万", "亿", "千", "百"):
            tail = _MORE_UNIT.match(text, mm.end)
            if tail:
                mm.unit += tail.group(2)
                mm.qualifier = mm.qualifier or tail.group(1)
                mm.end = tail.end()
            elif mm.qualifier in ("余", "多") and text[mm.end - 1] == mm.qualifier and (
                    unit := _BASE_UNIT_AT.match(text, mm.end)):
                mm.unit += unit.group()  # 5万余户: the 余 was read as the qualifier already
                mm.end = unit.end()
    # "分别增长3.7%、7.4%": a bare percentage listed after a change is a change too.
    for a, b in itertools.pairwise(out):
        if (a.kind == "change" and b.kind == "level" and b.unit in ("%", "倍")
                and text[a.end : b.start] in ("、", "和", "，", "及")):
            sign = -1 if (a.change or 0) < 0 else 1
            b.kind, b.change, b.change_max, b.change_unit = "change", sign * (b.value or 0), (
                None if b.value_max is None else sign * b.value_max), b.unit
            b.value = b.value_max = b.unit = None
    # "A和B出现8.5%和10.8%的大幅下降": a bare percentage listed before a figure-first change is one too.
    for a, b in itertools.pairwise(out):
        if (b.kind == "change" and b.number_first and a.kind == "level" and a.unit == b.change_unit == "%"
                and text[a.end : b.start] in ("、", "和", "及")):
            sign = -1 if (b.change or 0) < 0 else 1
            a.kind, a.change, a.change_max, a.change_unit = "change", sign * (a.value or 0), (
                None if a.value_max is None else sign * a.value_max), a.unit
            a.value = a.value_max = a.unit = None
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
    # "60岁以上老人": an age bound names a group of people. "100所海拔1500米以上学校": a bound between a count
    # and the noun it counts names the class counted (fmetric).
    ends = {m.end: m for m in out if m.kind == "level"}
    # "30户以上村民小组", "户籍人口超过100万的城市": a bound before a noun naming units of a kind (not when the bound
    # counts those units: 100家以上企业, 超过100家的企业).
    # "这样一个十亿人口的国家": a figure describing a kind of place after 一个 (fmetric).
    out = [m for m in out if not (m.kind == "level" and "一个" in text[max(0, m.start - 4) : m.start]
                                  and _KIND_BY_SIZE.match(text, m.end, m.end + 8))]
    return [m for m in out if not (m.kind == "level" and (
        m.qualifier in _BOUND_WORDS and (m.qualifier in ("以上", "以下") or text.startswith("的", m.end))
        and (m.unit or "")[-1:] not in _COUNTERS and _CLASS_HEAD.match(text, m.end, m.end + 14))) and not (
        m.kind == "level" and m.qualifier in ("以上", "以下") and (
        _CLASS_AFTER.match(text, m.end, m.end + 7) or m.unit in _AGE_UNITS or (
            m.end < len(text) and "\u4e00" <= text[m.end] <= "\u9fff"
            and any(e in ends and _HAN_RUN.fullmatch(text, e, m.start) for e in range(m.start - 4, m.start + 1)))))]


def convert_magnitude(value: float | None, unit: str | None, to: str | None) -> float | None:
    """``value`` in ``unit`` expressed in ``to`` (5千元 -> 0.5万元); unchanged when they do not convert."""
    v = convert(value, unit, to)
    return clean_number(v) if v is not None else value

