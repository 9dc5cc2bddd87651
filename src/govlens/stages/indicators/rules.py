"""Attachment rules: how the mentions of one sentence become facts. Two ordered tables, each rule
named and given example sentences (invented figures) that ``tests/test_indicators_rules.py`` runs:

* :data:`RULES` — tried in order on the sentence's next mention; the first that applies consumes it
  (and maybe the ones after it);
* :data:`METRIC_RULES` — for the mentions :func:`emit` turns into facts, which words are their
  metrics: the first that returns metrics wins.

A new rule is a function of the :class:`Clause` context plus a row in a table, with its examples.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from ...lexicon.load import alternation
from ...lexicon.metrics import AREA_PREFIX, synonyms
from ...lexicon.words import CHANGE_ABS, CHANGE_SIGN, KIND_CUES, ONE_CHAR_METRICS, RATE_NOUNS, YEAR, YEAR_CN
from ...model import Document, Fact
from ..numbers import base_unit, clean_number
from ..sections import status_cue, year_end_report
from .metric import (
    _EACH,
    _GENERIC_HEADS,
    _MODIFIER,
    _NUMBER_FIRST,
    _SPREAD,
    _VERB_END,
    _VERB_LEAD,
    _VERB_ONLY,
    _clean_metric,
    _noun_after,
    _split_items,
    _window_start,
    noun_after,
)
from .metric import (
    _ITEM_SPLIT as _ITEM_MARK,
)
from .period import (
    _PERIOD_CUES,
    _TARGET_CUE,
    _kind,
    _period,
    cue_index,
    estimated_span,
    future_cue,
    last_clause,
    prospect_cue,
    range_end,
    restated,
    span_level,
    span_period,
)
from .record import _fact, _quote_to
from .scan import _MAX_CONTEXT, _MAX_GROUP, Mention

_TO_VERBS = ("增加到|增长到|提高到|提升到|提升至|提高至|增至|增加至|下降到|下降至|降至|降到|回落到|回落至|减少到|扩大到|跃升至|上升到|达到|"
              "减为|减少为|减少至|减至|降为|增为|增加为|提高为|压减至|压减到|缩减至|缩减为|压缩至|压缩到|压缩为|缩短至|缩短到|"
              "缩短为|降低至|降低到|延长至|延长到|扩大至|提速至|精简至|精简为")
_TO_PHRASE = re.compile(rf"^(?:预计|将|要|可望|有望|进一步)?(?:{_TO_VERBS})(?:(?:{YEAR}|{YEAR_CN}|去|上|今)年(?:底|末)?)?的?$")  # 降到去年的1.5%
# 由每生每年5元提高至10元: a rate per head and year may sit between 由 and the figure.
# 由/从 + where it started: a year, a plan's end (由“七五”末的8500万, 从“十三五”期末), a bound on the start
# (从不到70万亿元增加到超过100万亿元).
_DECADE = r"(?:(?:19)?[1-9]0|[一二三四五六七八九]十)年代(?:初期?|中期|末期?|后期|前期)?"  # 五十年代, 80年代初
_FROM = re.compile(rf"(?:由|从)(?:去年|上年|原先|原来|原|过去|以前|改革前|{_DECADE}|(?:{YEAR}|{YEAR_CN})年(?:底|末)?"
                   rf"|[“\"]?[一二三四五六七八九十]{{1,3}}五[”\"]?(?:时期|期)?(?:末|期末|初))?(?:每[\u4e00-\u9fff]{{1,2}}?){{0,2}}的?"
                   rf"(?:不到|不足|接近|近|约|超过|逾)?$")
# 由五十年代的50%左右，上升到80%以上: the start's bound and a comma may stand before the to-verb.
_TO_VERB = re.compile(rf"^(?:(?:左右|上下|以上|以下|多)?[，,])?(?:预计|将|要|可望|有望|进一步|分别)?(?:{_TO_VERBS})")
# 从2017年的12亿元、2018年的9亿元; 从2016年的A和B分别提高到C和D: starts one after the other
_FROM_LIST = re.compile(rf"(?:、|和|及|与)(?:(?:{YEAR}|{YEAR_CN})年(?:底|末)?的?)?")
_REACHED = ("达到", "达", "为", "至")
_REACHED_AFTER = re.compile(r"^[、，,]?(?:达到|达|增至|增加到|提高到|升至|(?:总量|规模|总额|总规模)(?:达到?|为)?)$")
_LIST_JOIN = ("、", "和", "及", "与", "，", ",")
_PREP_END = re.compile(r"[在于对向为给和及与]$")
_BASE_COMPARISON = re.compile(rf"(?:比|较)(?:上年|去年|上一年|(?:{YEAR}|{YEAR_CN})年|(?:前|上一?个?)[两三四五六七八九十]年)"
                              rf"(?:同期|末|底|预算|预计数|预计)?")  # a base, not a period (比前五年: the five years before)
# A clause that only says how a figure was computed stands between a level and its change without
# separating them: 国内生产总值67700亿元，按可比价格计算，比上年增长9.7%.
_ASIDE = re.compile(r"[，,](?:按|扣除|剔除|以)[^，,。；]{1,10}(?:计算|因素|口径|计)(?=[，,])")
_PLAN_TOTAL = re.compile(r"计划(?:总)?投资")
# A pronoun for the measure just named (它虽然比上年减少20%, 其中 is no pronoun: 其 alone or before an adverb).
_PRONOUN_SUBJECT = re.compile(r"^(?:它|其|这)(?:虽然|虽|也|仍然|仍|又|还|却|则)*$")
# Scopes a measure is stated for, one after the other with the measure named once (城镇…，农村…).
_SCOPES = ("城镇", "农村", "城市", "乡村", "城区", "农牧区", "牧区", "男性", "女性")
# A clause holding only a total word before its figure (…大学生，合计630名): the total of the clause before.
_REACH_END = re.compile(r"(?:达到|达|增至|增加到|增长到|提高到|提高至|升至|上升到|上升至|突破|超过)$")
_SUBJECT_CHANGE_TAIL = re.compile(r"(?:仍然|仍|继续|持续|稳步|连年|逐年|大幅度|大幅|明显|进一步|较快|快速|较大幅度|有所)*"
                                  r"(?:增长|增加|增产|提高|上升|提升|下降|减少|减产|扩大)$")
_TOTAL_ONLY = re.compile(r"^[，,\s]*(?:合计|共计|总计|累计|共|计)(?:为|达到?|有)?$")
# Words that measure something named before them (降幅较上半年收窄, 总量突破90万亿元): whose is the previous figure's.
# A plan figure and what came of it (计划为3.7%，实际达到4.6%), after a growth rate as their subject.
_PLAN_OR_OUTCOME = re.compile(r"计划|实际|预计")
# A figure its clause states as the plan (1981年计划为3.7%) stays a target of that past year.
_PLAN_FIGURE = re.compile(r"计划(?:为|是|增长)")
# A clause holding only the verb that sets a figure (…的年度调控目标，确定为6%至7%; 要使云溪市物价涨幅较上年
# 有所收窄，争取控制在4%左右): the measure is the subject of the clause before, up to a base it is compared with.
_SET_ONLY = re.compile(r"^[，,\s]*(?:全年|今年)?(?:要|力争|努力|争取|确保)?(?:定为|定在|拟定为|确定为|控制在|保持在|调控在)$")
_CHANGE_NOUNS = ("降幅", "增幅", "增速", "涨幅", "总量", "规模", "总额")
_LIST_TOTALS = ("数量", "总数", "个数", "总量")
_LIST_JOIN_END = ("和", "及", "与")
# The level of what a change before it measures (云溪市外贸进出口增长6.3%，总额突破950亿元): one fact with that change.
_LEVEL_NOUNS = ("总量", "规模", "总额")
_MEASURE_ENDS = ("数", "率", "量", "额", "值", "重", "入", "资", "支出", "积", "人口", "度", "模", "润", "税收", "产")
# A clause opening with a share or a rate of the figure before ("300亿元，占全市的12%", "增长8%，增速高于全市2个
# 百分点", "其中税收收入40亿元，占比76.9%"): its subject is that figure's metric.
_OF_PREVIOUS = ("占", "所占", "比重", "增速", "增幅", "降幅", "涨幅")
_LAND_TAKEN = re.compile(r"占地(?!区)")  # 占地面积, 占地300亩 (not 占地区生产总值的比重)
# A sentence that opens on a bare change noun with an adverb (涨幅依然高达12.6%, 降幅却达) measures what the
# sentence before on its paragraph named: 年初提出把明澜区零售物价涨幅控制在6%以内。…涨幅依然高达12.6%.
_STILL = re.compile(r"(?:仍然|依然|仍|还|却|也)高?$")
_COMPARED_SIGN = re.compile(r"(?:同比|(?:比|较)[^，,。；比较]{1,10}?)(?P<s>高出|低了|高了|高|低|快|慢|多|少)$")
_SUBJECT_BASIS = re.compile(r"在[^，,。；]{2,16}?的?基础(?:之)?上$")
_BARE_CHANGE = tuple(w for w in RATE_NOUNS if len(w) == 2)  # 降幅, 增幅, 增速, 涨幅
# A bare output noun after a clause naming the sector (工业运行稳中有升，总产值较上年增长9.3%): the sector's output.
_BARE_OUTPUT = ("总产值", "产值", "增加值", "总产量", "产量")
_SECTOR = re.compile(r"^(?:工农业|轻工业|重工业|工业|农业|建筑业|服务业|第[一二三]产业)")


def _output_head(subject: str, noun: str) -> str:
    """Whose output a bare 总产值/总产量 measures, from the clause before: a sector it opens with (工业运行…，
    总产值), or a product the lexicon knows a 产量 of (粮食按人口平均占有量创新高，总产量达到…: 粮食)."""
    if noun.endswith(("产值", "增加值")):
        return sector.group(0) if (sector := _SECTOR.match(subject)) else ""
    subject = AREA_PREFIX.sub("", subject)
    known = synonyms()
    for n in range(min(4, len(subject)), 0, -1):
        if (head := subject[:n]) + noun in known or head + noun.removeprefix("总") in known:
            return head
    # a product the lexicon does not list, named before how it is grown or made (蔬菜生产稳步发展，总产量…)
    m = _PRODUCT_BEFORE.match(subject)
    return m.group("head") if m and not _SECTOR.match(m.group("head")) and m.group("head") not in _NO_PRODUCT else ""


_NO_PRODUCT = ("安全", "清洁", "绿色", "全年", "今年", "去年", "生态", "标准化", "规模化", "机械化", "组织", "恢复", "发展")
_PRODUCT_BEFORE = re.compile(r"^(?P<head>[\u4e00-\u9fff]{1,4}?)(?:生产|种植|播种|按人口|的生产|的种植)")
_GROWTH_END = (*RATE_NOUNS, "增长", "上涨", "下降")


def _last_item(window: str) -> str:
    """The words after the window's last 、 that is not inside brackets (通高速公路县（市、区）: one name)."""
    k = next((m.start() for m in reversed(list(_ITEM_MARK.finditer(window)))), -1) if "、" in window else -1
    return window[k + 1 :]


@dataclass(slots=True)
class Line:
    """What a paragraph line shares between its sentences."""

    doc: Document
    text: str
    start: int
    cues: list[tuple[int, str, int]]  # periods named on the line, with where and how far they reach
    heading: str | None  # the plan period a heading above names
    intro_end: int | None  # end of a "主要预期目标是：" on the line
    bounds: list[int]  # clause starts on the line
    heading_ends: list[int]
    facts: list[Fact]  # the document's facts so far
    parent: Fact | None = None  # the last fact that is not a 其中 child


@dataclass(slots=True)
class Clause:
    """The context object: one sentence's mentions, where we are among them, and what the rules
    before left for the rules after (the previous fact, a pending 由A, a noun already read)."""

    line: Line
    s0: int
    s1: int
    mentions: list[Mention]
    role: str
    i: int = 0
    prev_end: int = 0
    prev_fact: Fact | None = None
    pending_from: float | None = None
    from_values: list[float | None] = field(default_factory=list)  # starts listed (从A和B分别提高到C和D)
    pending_abs: tuple[float | None, str | None] | None = None  # an absolute change before its level
    from_metric: str = ""
    noun_end: int = 0
    mention_end: int = 0  # end of the last figure consumed (prev_end may run on over a noun after it)
    # the current mention and the words before it (set by look())
    mt: Mention = field(default=None)  # type: ignore[assignment]
    ws: int = 0
    clause_start: int = 0
    raw_window: str = ""
    window: str = ""
    _group: list[Mention] | None = None
    level_noun: bool = False  # the window was a bare level noun (总额, 总量) naming the figure before's measure

    @property
    def text(self) -> str:
        return self.line.text

    def look(self) -> None:
        """Read the current mention's window: the words of its clause since the previous mention."""
        mt = self.mt = self.mentions[self.i]
        self._group = None
        self.level_noun = False
        clause_start = _window_start(self.line.bounds, self.s0, mt.start)
        k = bisect_right(self.line.heading_ends, mt.start) - 1
        if k >= 0 and self.line.heading_ends[k] > clause_start:
            clause_start = self.line.heading_ends[k]  # a heading run into its paragraph ends a clause
        ws = max(clause_start, self.prev_end)
        self.clause_start = clause_start
        self.ws = ws
        self.raw_window = self.text[ws : mt.start]
        if mt.unit and mt.unit.endswith("台") and self.text.startswith("阶", mt.end):
            mt.unit = mt.unit[:-1] or None  # 迈上5万亿台阶: 台 opens 台阶, no unit of machines
        self.window = _clean_metric(_last_item(self.raw_window))
        if mt.kind == "change" and mt.change_unit == "百分点" and (cmp := _COMPARED_SIGN.search(self.raw_window)):
            # "赤字率按2.8%安排，比去年预算高0.2个百分点", "失业率比上年低0.3个百分点": 高/低 after a base is the
            # sign of the points, no name; the base is no name either
            self.window = _clean_metric(_last_item(self.raw_window[: cmp.start()]))
            if cmp.group("s") in "低慢少" and (mt.change or 0) > 0:
                mt.change = -mt.change
                mt.change_max = -mt.change_max if mt.change_max else mt.change_max
        if "、" in self.raw_window and (self.window.endswith(_LIST_TOTALS) or "等" in self.window[1:-1] or (
                "和" in self.window and self.window.index("和") <= 6 and not self.window.endswith(_LIST_JOIN_END))):
            # "明澜区书店、美术馆、剧场数量达58家": the number of all the things listed; "开展空巢老人、独居老人和失能
            # 老人探访服务12万人次": one service for the whole list (A、B和C + a shared head)
            whole = _clean_metric(self.raw_window)
            items = (whole[:-2] if self.window.endswith(_LIST_TOTALS) else whole).split("、")
            if len(items) > 1 and all(1 < len(x) <= 8 for x in items[:-1]) and len(items[-1]) <= 16:
                self.window = whole
        if len(self.window) == 1 and self.prev_end > self.mention_end:
            # "4个重点工程年度投资完成率117.1%": the noun read after the previous figure took this
            # figure's subject, leaving "率"; read the subject from that figure on instead.
            wider = _clean_metric(text_between := self.text[max(clause_start, self.mention_end) : mt.start])
            if len(wider) > 1 and "，" not in text_between and "、" not in text_between:
                self.window = wider
        if (self.window and _PRONOUN_SUBJECT.match(self.window) and self.prev_fact is not None
                and self.prev_fact.start >= self.s0):
            # "基本建设投资缩减为111亿元，它虽然比上年减少20%": 它/其 is the measure of the figure before
            self.window = ""
        elif (self.window in _SCOPES and self.prev_fact is not None and self.prev_fact.start >= self.s0
                and (named := self.prev_fact.data["metric"] or "").startswith(_SCOPES)
                and not named.startswith(self.window)):
            # "城镇人均住房面积增加到38平方米，农村增加到52平方米": the same measure, the other scope
            other = next(w for w in _SCOPES if named.startswith(w))
            self.window = self.window + named[len(other):]
        total = False
        if (self.prev_fact is None and self.window.startswith(_BARE_CHANGE)
                and (bare := _STILL.sub("", self.window)) in _BARE_CHANGE
                and self.line.facts and self.line.facts[-1].start >= self.line.start
                and (named := self.line.facts[-1].data["metric"])):
            # "…把零售物价涨幅控制在6%以内。尽管…，涨幅依然高达12.6%": the measure of the sentence before.
            self.window = named if named.endswith(_GROWTH_END) else named + bare
        elif (not self.window and mt.kind == "change" and self.prev_fact is None and clause_start > self.s0
                and (said := self.subject_before(24)) and (basis := _SUBJECT_BASIS.search(said))
                and len(said[: basis.start()]) >= 2):
            # "油料在连续三年大增产的基础上，又增长17%": the subject before 在…的基础上 grows
            self.window = _clean_metric(said[: basis.start()])
        elif (self.window in _BARE_OUTPUT and self.prev_fact is None
                and (head := _output_head(self.subject_before(24), self.window)
                     or _output_head(self.sentence_opening(), self.window))):
            self.window = head + self.window
        elif (self.window[:2] in _LEVEL_NOUNS and self.window[2:] in CHANGE_SIGN and self.prev_fact is not None
                and self.prev_fact.data["metric"]):
            # "地区生产总值年均增长5%，总量比2020年增加7400亿元": the 总量 of the measure before
            self.window = self.prev_fact.data["metric"] + self.window
        elif self.window in _CHANGE_NOUNS and self.prev_fact is not None and self.prev_fact.data["metric"]:
            # "一般公共预算收入下降18.6%，降幅较上半年收窄4个百分点": whose 降幅.
            self.level_noun = self.window in _LEVEL_NOUNS and mt.kind == "level"
            self.window = self.prev_fact.data["metric"] + self.window
        elif (mt.kind == "level" and len(self.window) >= 2 and self.prev_fact is not None
                and self.prev_fact.start >= self.s0 and (named := self.prev_fact.data["metric"] or "") != self.window
                and (named.endswith(self.window) or (self.window.startswith("总") and len(self.window) >= 3
                                                     and named.endswith(self.window[1:])))
                and self.prev_fact.data["value"] is None):
            # "旅游总收入增长12%，总收入突破300亿元": the measure before, named short: its level
            self.level_noun, self.window = True, named
        elif (self.window.startswith(_OF_PREVIOUS) and not _LAND_TAKEN.match(self.window)
                and self.prev_fact is not None and self.prev_fact.start >= self.s0
                and (base := (self.prev_fact.data["metric"] or "").split("占")[0])
                and not base.startswith(_OF_PREVIOUS) and self.window not in base):
            self.window = base + self.window  # 300亿元，占全市的12%: the share of the figure before
        elif (self.window in CHANGE_SIGN or (total := not self.window and mt.kind == "level" and _TOTAL_ONLY.match(
                self.raw_window) is not None)) and clause_start > self.s0:
            # "调运的粮食，增加了70亿斤": a bare change word; "资助困难家庭大学生，合计630名": a bare total.
            # The subject is the clause before (one without a figure of its own).
            if subject := self.subject_before(24 if total else 16):
                # the change word stays with its subject when no level is stated (云溪市农村低收入人口减少3.4万人)
                self.window = subject if total or any(w in subject for w in CHANGE_SIGN) else subject + self.window
            elif (self.prev_fact is not None and self.prev_fact.start >= self.s0 and self.prev_fact.data["metric"]
                    and _PERIOD_CUES.search(_BASE_COMPARISON.sub("", self.raw_window))):
                # "财政收入1983年增加127亿元，1984年增加255亿元": the same subject, another period.
                self.window = self.prev_fact.data["metric"]
        elif (not self.window and mt.kind == "level" and _REACH_END.search(self.raw_window.rstrip())
                and clause_start > self.s0 and not (mt.unit == "%" and _PLAN_OR_OUTCOME.search(self.raw_window))):
            # "天然气产量稳步回升，达到86亿立方米": a level reached names its subject in the clause before (a
            # clause with no figure of its own), without the change that clause states.
            if subject := self.subject_before(16):
                self.window = _SUBJECT_CHANGE_TAIL.sub("", subject) or subject
        elif (len(self.window) >= 3 and mt.kind == "level" and self.prev_fact is None and clause_start > self.s0
                and (said := self.subject_before(16)) and (subject := _SUBJECT_CHANGE_TAIL.sub("", said)) != said
                and len(subject) >= 3 and (shared := subject[-2:]) in self.window):
            # "全市居民储蓄存款稳步增加，年末存款余额达到88亿元": the clause before names whose 存款 it is —
            # only when its subject ends in the noun the figure's words hold (粮食生产… / 粮食产量 share no head)
            self.window = subject + self.window.replace(shared, "", 1)
        elif (not self.window and mt.kind == "level" and mt.unit == "%" and mt.value_max is None
                and _PLAN_OR_OUTCOME.search(self.raw_window)):
            # "工农业总产值的增长速度，1981年计划为3.7%，实际达到4.6%；1982年计划为4%": a growth rate named
            # in the clause before (or by the figure before, on this line and sentence run) is its change.
            subject = self.subject_before(24)
            pf = self.prev_fact or (self.line.facts[-1] if self.line.facts else None)
            if (not subject and pf is not None and pf.start >= self.line.start
                    and "。" not in self.text[pf.start : mt.start]
                    and pf.data["change_unit"] == "%" and pf.data["value"] is None):
                subject = pf.data["metric"] or ""
            if subject.endswith(RATE_NOUNS):
                mt.kind, mt.change, mt.change_unit, mt.value, mt.unit = "change", mt.value, "%", None, None
                self.window = subject
        elif (not self.window and mt.kind == "change" and clause_start > self.s0 and self.prev_fact is None
                and _BASE_COMPARISON.search(self.raw_window) and (subject := self.subject_before(16))
                and not subject.startswith(("按", "扣除", "剔除", "以"))):
            # "工农业总产值，比上年预计增长5.5%": the clause before, holding no figure, names what grows
            self.window = subject
        elif (not self.window and clause_start > self.s0 and _SET_ONLY.match(self.raw_window)
                and (subject := self.subject_before(24))):
            self.window = _BASE_COMPARISON.split(subject, 1)[0] or subject
        if ((self.pending_from is not None or self.pending_abs is not None)
                and _clean_metric(_TO_PHRASE.sub("", self.raw_window.strip(" 、，,"))) in ("", *_LEVEL_NOUNS, "总规模")):
            self.window = self.from_metric  # 由A增加到B, 增加A、达到B: B is A's metric

    def subject_before(self, longest: int = 16) -> str:
        """The clause before this figure's, when it holds no figure and is short enough to be a
        subject ("财政收入的比重，由…下降到…", "调运的粮食，增加了70亿斤"); else ""."""
        if self.clause_start <= self.s0:
            return ""
        before = _window_start(self.line.bounds, self.s0, self.clause_start - 1)
        if self.mention_end > before:
            return ""
        subject = _clean_metric(self.text[before : self.clause_start - 1])
        return subject if 1 < len(subject) <= longest else ""

    def sentence_opening(self) -> str:
        """The sentence's first clause when it holds no figure and this figure's clause is a later one
        ("重工业生产，由于正在调整中，今年的产值…下降5%": 重工业生产)."""
        k = bisect_right(self.line.bounds, self.s0)
        if k >= len(self.line.bounds) or (end := self.line.bounds[k]) >= self.clause_start or self.mention_end > self.s0:
            return ""
        return _clean_metric(self.text[self.s0 : end - 1])

    def advance(self, end: int, n: int = 1) -> bool:
        self.prev_end = self.mention_end = end
        self.i += n
        return True

    def period_between(self) -> bool:
        """Whether a period is named between the previous figure and this one ("年均增长11.9%，2011年
        达1020亿元": two periods, so two facts)."""
        # a base after 比/较 (比上年增长) names what is compared with, not another period
        return any(self.mention_end <= p < self.mt.start and not {"比", "较"} & set(self.text[max(p - 1, 0) : p + 1])
                   for p, *_ in self.line.cues)

    def group(self) -> list[Mention]:
        """The current mention and those listed after it with 、/和 (same kind): 3.7%、7.4%和5%."""
        if self._group is None:
            ms, i, text = self.mentions, self.i, self.text
            g = [ms[i]]
            j = i + 1
            while j < len(ms) and j - i < _MAX_GROUP and text[g[-1].end : ms[j].start] in _LIST_JOIN \
                    and ms[j].kind == ms[i].kind:
                g.append(ms[j])
                j += 1
            self._group = g
        return self._group

    def label(self) -> str:
        """"棉花：达到3270万担": a short label before a colon names what the clause after it measures."""
        a = max(self.s0, self.mention_end)
        if a < self.clause_start - 1 <= a + 12 and self.text[self.clause_start - 1] in "：:":
            return _clean_metric(self.text[a : self.clause_start - 1])
        return ""

    def clauses_since_prev(self) -> int:
        between = self.text[self.prev_end : self.mt.start]
        return (_ASIDE.sub("", between) if "，" in between else between).count("，")


Rule = Callable[[Clause], bool]
# An example: a sentence of a review section (report of 2021, so outcomes of 2020), and the facts it
# gives, each compared on the fields written.
Example = tuple[str, tuple[dict, ...]]


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    fn: Callable
    examples: tuple[Example, ...]


# --- attachment rules ----------------------------------------------------------------------------------

_RANK = re.compile(r"排名|排位|位次|名次|排在")
# A list or ranking the subject joins or leaves, named by its scope or batch (入选全国首批, 退出全国, 跻身全省第二批):
# the figure after it is the size of that list.
_LIST_FRAME = re.compile(r"(?:入选|入围|跻身|退出|位列|获评|被评为|被列为|被确定为)(?:全国|全省|全市|全区|全州|国家|省级?|市级?|"
                         r"首批|第[一二三四五六七八九十\d]{1,3}批|新一批)+$")
_COUNT_UNITS = ("个", "家", "座", "项", "所", "种", "批", "强", "名", "位", "县", "市", "村", "城市")
_RANK_MOVE = re.compile(r"(?:提升|上升|前移|提高|前进|进位|下降|后移|下滑|后退)了?$")


def not_a_quantity(c: Clause) -> bool:
    """每50公斤 (a denominator) and 750千伏 (a voltage grade, 22万伏的变压器) name a class or a rate's base,
    not a quantity; a rank's move (排名…提升3名) neither: no fact."""
    mt, text = c.mt, c.text
    if mt.unit in ("名", "位") and _RANK_MOVE.search(c.raw_window.rstrip()) \
            and _RANK.search(text, max(c.s0, mt.start - 30), mt.start):
        return c.advance(mt.end)  # 在全省排名第11，比上年提升3名: a rank's move is no quantity
    if mt.kind == "level" and mt.unit in ("名", "位", "强") and mt.start > c.s0 and text[mt.start - 1] in "前第后":
        return c.advance(mt.end)  # 居全国前5名, 排第3位, 进入全国前10强: a rank is no quantity
    if mt.kind == "level" and mt.unit in _COUNT_UNITS and _LIST_FRAME.search(c.raw_window.rstrip()):
        return c.advance(mt.end)  # 入选全国首批20个典型案例: the size of the list joined, not a count of the place's
    if mt.kind == "level" and ((mt.start > c.s0 and text[mt.start - 1] == "每") or text.startswith("伏", mt.end)):
        c.i += 1  # the words before it still belong to the next figure's metric
        return True
    return False


# A bare comparison clause after a change (增长6.9%，高于全省1.3个百分点): the gap to another place's or the plan's
# rate, not a quantity of its own (with a rate noun, 增速高于全国2个百分点, it is one: :func:`metrics_window`).
_BARE_GAP = re.compile(r"^[，,]?(?:分别|均|都|也)?(?:(?:高于|低于|快于|慢于|超过|超出)[\u4e00-\u9fff“”]{1,10}|"
                       r"(?:比|较)[\u4e00-\u9fff]{1,8}?(?:高|低|快|慢|多|少))$")
# A count of a plan's indicators (提出6项指标, 以上共计28项指标, 设置主要指标20个): what the plan measures, not a quantity.
_INDICATOR_NOUN = re.compile(r"(?:主要|核心|关键|预期性|约束性|具体|量化|考核|发展)?指标")


def no_quantity_clause(c: Clause) -> bool:
    """A bare comparison after a change (，高于全省1.3个百分点) and a count of a plan's indicators (提出6项指标)
    are no facts."""
    mt, text, pf = c.mt, c.text, c.prev_fact
    if (pf is not None and pf.data["change"] is not None and pf.start >= c.s0
            and "百分点" in ((mt.change_unit or "") + (mt.unit or "")) and _BARE_GAP.match(c.raw_window.strip())):
        return c.advance(mt.end)
    if mt.kind == "level" and mt.unit in ("项", "个", "类") and (
            _INDICATOR_NOUN.match(text, mt.end) or (c.window.endswith("指标") and not _NUMBER_FIRST.match(text, mt.end))):
        return c.advance(mt.end)
    return False


def restated_figure(c: Clause) -> bool:
    """"今后五年云溪市地区生产总值年均增长6.5%，……“十一五”期间年均增长6.5%": a change naming nothing that repeats a change
    stated before on its line is that fact again, not another."""
    mt = c.mt
    if mt.kind != "change" or c.window or c.prev_fact is not None or c.label():
        return False
    if any(f.data["change"] == clean_number(mt.change) and f.data["change_unit"] == mt.change_unit
           and f.data["value"] is None and f.start >= c.line.start for f in c.line.facts[-8:]):
        return c.advance(mt.end)
    return False


# "按不低于8%的幅度压减会议费支出": a percentage that is the size of a change written after it, of its object.
_RATE_OF = re.compile(rf"的(?:幅度|比例)(?P<verb>{alternation(sorted(CHANGE_SIGN, key=len, reverse=True))})"
                      r"(?P<obj>[\u4e00-\u9fff]{2,12})")


def rate_of_change(c: Clause) -> bool:
    """按5%的幅度压减一般性支出: the percentage is a change of the object after the verb (its sign the verb's)."""
    mt = c.mt
    if mt.kind != "level" or mt.unit != "%" or not (m := _RATE_OF.match(c.text, mt.end, c.s1)):
        return False
    sign = CHANGE_SIGN[m.group("verb")]
    mt.kind, mt.change, mt.change_max, mt.change_unit = "change", sign * (mt.value or 0), (
        None if mt.value_max is None else sign * mt.value_max), "%"
    mt.value = mt.value_max = mt.unit = None
    mt.noun = m.group("verb") + m.group("obj")
    return False  # the figure, now a change with its object, is written by the rules after


def abs_change_then_level(c: Clause) -> bool:
    """装机同比增加612万千瓦、达到4075万千瓦: an absolute change written before the level it led to is
    that level's ``change_abs``, not a fact of its own."""
    mt, text = c.mt, c.text
    if mt.kind != "level" or c.i + 1 >= len(c.mentions) or c.pending_from is not None:
        return False
    nxt = c.mentions[c.i + 1]
    raw = _BASE_COMPARISON.sub("", c.raw_window.rstrip())
    word = next((w for w in CHANGE_ABS if raw.endswith(w)), None)
    if (word is None or nxt.kind != "level" or base_unit(nxt.unit) != base_unit(mt.unit)
            or not _REACHED_AFTER.match(text[mt.end : nxt.start])):
        return False
    c.pending_abs = (clean_number(CHANGE_SIGN[word] * (mt.value or 0)), mt.unit)
    c.from_metric = _clean_metric(re.sub(rf"(?:同比|比上年)?{word}$", "", raw)) or c.label()
    c.prev_end = c.mention_end = mt.end
    c.i += 1
    return True


def _head_of(subject: str) -> str:
    """A long subject clause's head, after its last 的 (实现…基本扫除青壮年文盲的人口地区覆盖率 -> 人口地区覆盖率)."""
    head = subject.rsplit("的", 1)[-1] if "的" in subject else ""
    return head if 2 <= len(head) <= 16 else ""


def from_to(c: Clause) -> bool:
    """由A增加到B: A is where B started from (``from_value``), not a fact of its own."""
    mt, text = c.mt, c.text
    if mt.kind != "level":
        return False
    # 从1979年的170亿元、1980年的127亿元，预计降低到今年的27亿元: starts listed one after the other, the last one counts
    listed = c.pending_from is not None and _FROM_LIST.fullmatch(text, c.mention_end, mt.start) is not None
    if not listed and not _FROM.search(text[max(c.s0, mt.start - 9) : mt.start]):
        return False
    nxt = c.mentions[c.i + 1] if c.i + 1 < len(c.mentions) else None
    if _TO_VERB.match(text[mt.end : c.s1]) or (
            nxt is not None and nxt.kind == "level" and _FROM_LIST.fullmatch(text, mt.end, nxt.start)
            and _TO_VERB.match(text[nxt.end : c.s1])):
        c.pending_from = mt.value
        c.from_values = [*c.from_values, mt.value] if listed else [mt.value]
        if not listed:
            c.from_metric = (_clean_metric(_FROM.sub("", c.raw_window.rstrip())) or c.label() or c.subject_before()
                             or _head_of(c.subject_before(48)))
        if c.from_metric.startswith(_OF_PREVIOUS) and c.window.endswith(c.from_metric):
            # "经费从5亿元增加到11亿元，占全国的比重从0.6%提高到1.1%": the share of the measure before (look())
            c.from_metric = c.window
        return c.advance(mt.end)
    return False


def absolute_change(c: Clause) -> bool:
    """比去年增加2700亿元 right after a level (or 增长26%，即增加127亿元 after a change): the absolute
    change of that figure."""
    mt, pf = c.mt, c.prev_fact
    # 比2010年增加13480元, 比上年末增加8800亿元: the base compared with is no part of the change word.
    window = c.window
    if window not in CHANGE_ABS and ("比" in c.raw_window or "较" in c.raw_window):
        window = _clean_metric(_BASE_COMPARISON.sub("", c.raw_window))
    if (mt.kind == "level" and pf is not None and window in CHANGE_ABS
            and not _PERIOD_CUES.search(_BASE_COMPARISON.sub("", c.raw_window))
            and ((pf.data["value"] is not None and base_unit(pf.data["unit"]) == base_unit(mt.unit))
                 # 优良天数比例达到81%、增加9天: a share, then the bare change of what it counts
                 or (pf.data["value"] is not None and pf.data["unit"] == "%" and mt.unit not in ("%", None)
                     and c.raw_window.lstrip("、，,") == window)
                 or (pf.data["value"] is None and pf.data["change_unit"] in ("%", "倍") and c.clauses_since_prev() <= 1))
            and "change_abs" not in pf.data):
        pf.data["change_abs"] = clean_number(CHANGE_SIGN[window] * (mt.value or 0))
        pf.data["change_abs_unit"] = mt.unit
        _quote_to(pf, c.text, mt.end)
        return c.advance(mt.end)
    return False


# 即/也就是 + a bare percentage: the same change said again as a rate.
_RESTATED = re.compile(r"^[，,、\s]*(?:即|亦即|也即|也就是说?|折合)[，,\s]*$")


def restated_rate(c: Clause) -> bool:
    """比上年增产2200万吨，即7.8%: a bare percentage after 即 restates the absolute change just read as a
    rate: the change of the same fact (signed as the absolute change), not a level of its own."""
    mt, pf = c.mt, c.prev_fact
    if (mt.kind == "level" and mt.unit == "%" and mt.value is not None and mt.value_max is None and pf is not None
            and pf.start >= c.s0 and _RESTATED.match(c.raw_window) and pf.data.get("change_abs") is not None
            and pf.data["change"] is None):
        sign = -1 if pf.data["change_abs"] < 0 else 1
        pf.data.update(change=clean_number(sign * mt.value), change_unit="%")
        _quote_to(pf, c.text, mt.end)
        return c.advance(mt.end)
    return False


def _span_end_named(c: Clause, pf) -> str:
    """The year named between a change over a span and the level after it when it is that span's last
    (五年间，进出口总额增长1倍，1992年达到1656亿美元), else ""."""
    period = pf.data["period"] or ""
    if pf.data.get("annual_average") or "-" not in period:
        return ""
    named = [p for q, p, _ in c.line.cues if c.mention_end <= q < c.mt.start]
    return named[0] if len(named) == 1 and named[0] == period.rsplit("-", 1)[1] else ""


def change_then_level(c: Clause) -> bool:
    """上升3个百分点，达到51.2%: the level reached completes the change before it; so does a level named by a
    bare level noun (增长6.3%，总额突破950亿元: the 总额 of what grew)."""
    mt, pf = c.mt, c.prev_fact
    if (mt.kind == "level" and pf is not None and (not c.window or c.window in _REACHED or c.level_noun)
            and not _NUMBER_FIRST.match(c.text, mt.end)
            and pf.data["value"] is None and pf.data["change"] is not None and c.clauses_since_prev() <= 1
            and (not c.period_between() or (end_year := _span_end_named(c, pf)))):
        pf.data.update(value=clean_number(mt.value), value_max=clean_number(mt.value_max), unit=mt.unit)
        if c.period_between():
            pf.data["period"] = end_year  # 五年间增长1倍，1992年达到1656亿美元: one row, the level's year
        elif pf.data.get("annual_average") and "-" in (span := pf.data["period"] or ""):
            # 年均增长6%，达到5万亿元: the level at the span's end, the rate over it (split_span_average, period.py)
            end = span_level(c.line.doc, c.text, c.s0, mt.start, span, pf.data["kind"], mt.unit, c.line.cues)
            if end != span:  # the qualifier read so far is the rate's (年均增长5%左右，达到…)
                pf.data.update(period=end, period_span=span, rate_qualifier=pf.data["qualifier"], qualifier=None)
        if mt.qualifier and not pf.data["qualifier"]:
            pf.data["qualifier"] = mt.qualifier
        if c.level_noun and c.window != pf.data["metric"] and not (pf.data["metric"] or "").endswith(_MEASURE_ENDS):
            pf.data["metric"] = c.window  # 外贸进出口 + 总额
        _quote_to(pf, c.text, max(pf.end, mt.end))
        return c.advance(mt.end)
    return False


# A change averaged over several years (五年平均每年增长7.9%) is not the change of the level before it; nor is a
# bare 年均 change after a level of one year (1997年…达到5160元，年均增长6%: two periods, two facts). After a
# span's total (五年累计79亿元，年均增长8%) it is that total's, and after 由A增加到B the rate of that move.
_YEARLY_AVERAGE = re.compile(r"年均|平均每年|每年平均")
_SPAN_TOTAL = re.compile(r"累计|合计|总计|共计|(?:[两三四五六七八九十]|\d{1,2})年(?:来|间|中|共)?[^，。；]{0,12}?(?:完成|达到|实现|投入|安排)?$|"
                         r"“[一二三四五六七八九十]{1,3}五”|[一二三四五六七八九十]{1,3}五(?:期间|时期)|以来")
_SPAN_AVERAGE = re.compile(r"(?:[两三四五六七八九十]|\d{1,2})年(?:来)?(?:平均|年均|累计)")


def level_then_change(c: Clause) -> bool:
    """地区生产总值1134亿元，增长6%: a change with no metric of its own completes the level before it."""
    mt, pf = c.mt, c.prev_fact
    if (mt.kind == "change" and pf is not None and not c.window and len(c.group()) == 1 and not mt.noun
            and c.prev_end == c.mention_end  # 2个园区工业总产值均实现翻番: a count, then its things' change
            and pf.data["change"] is None and pf.data["value"] is not None and c.clauses_since_prev() <= 1
            and not c.period_between() and not _SPAN_AVERAGE.search(c.raw_window)
            and not (_YEARLY_AVERAGE.search(c.text, c.mention_end, mt.end) and "-" not in (pf.data["period"] or "")
                     and "from_value" not in pf.data and not _SPAN_TOTAL.search(c.text, max(pf.start, c.s0), mt.start))):
        both = [pf]
        if _ALL_OF_THEM.search(c.raw_window):
            # "原煤达到3200万吨，焦炭达到800万吨，都比上年增长6%": every level of the sentence before it
            for f in reversed(c.line.facts[:-1] if c.line.facts and c.line.facts[-1] is pf else []):
                if f.start < c.s0 or f.data["change"] is not None or f.data["value"] is None:
                    break
                both.append(f)
        for f in both:
            f.data.update(change=clean_number(mt.change), change_max=clean_number(mt.change_max),
                          change_unit=mt.change_unit, **mt.extra)
            if mt.qualifier and not f.data["qualifier"]:
                f.data["qualifier"] = mt.qualifier
            _quote_to(f, c.text, mt.end)
        return c.advance(mt.end)
    return False


_ALL_OF_THEM = re.compile(r"(?:都|均|全都|也都)(?:比|较|同比|$)")


_BASIS_AFTER = re.compile(r"的?(?:基础上|基础之上)")
_BASIS_OPEN = re.compile(r"在(?!.*在)")


def basis_change(c: Clause) -> bool:
    """地区生产总值560亿元，在上年增长8.1%的基础上，比上年增长7.4%: the change inside 在…的基础上 is an
    earlier change of the same measure, a fact of its own; the level before it stays the one the next
    change completes."""
    mt, pf = c.mt, c.prev_fact
    if mt.kind != "change" or len(c.group()) != 1 or not _BASIS_AFTER.match(c.text, mt.end, mt.end + 6):
        return False
    opened = _BASIS_OPEN.search(c.raw_window)
    if opened is None:
        return False
    if pf is not None and pf.start >= c.s0 and pf.data["metric"] and c.clauses_since_prev() <= 1:
        named = pf.data["metric"]
    else:
        named = _clean_metric(c.raw_window[: opened.start()])
        pf = None
        if (not named and opened.start() == 0 and c.ws == c.s0 and c.line.facts
                and c.line.facts[-1].start >= c.line.start and "。" in c.text[c.line.facts[-1].end : c.s0 + 1]):
            # "今年计划生产总值增长9%。在连续两年增长13%的基础上，…": the measure of the sentence just before
            named = c.line.facts[-1].data["metric"] or ""
    if not named:
        return False
    c.window = named
    emit(c)
    if pf is not None:
        c.prev_fact = pf  # the next change (比上年增长7.4%) completes the level, not the basis
    return True


_VARIANT = re.compile(r"^[（(](?P<scope>(?:不包括|包括|不含|含|扣除)[\u4e00-\u9fff]{1,12}?)(?:为|是|则为)?$")


def bracket_variant(c: Clause) -> bool:
    """工业总产值平均每年增长8%（包括乡镇企业为10%）: a figure in brackets after a change, for the measure
    with a scope (包括, 不含), is the change of that variant of the measure."""
    mt, pf = c.mt, c.prev_fact
    m = _VARIANT.match(c.raw_window)
    if (m is None or mt.kind != "level" or mt.unit != "%" or pf is None or pf.start < c.s0
            or pf.data["change"] is None or pf.data["value"] is not None or pf.data["change_unit"] != "%"):
        return False
    mt.kind, mt.change, mt.change_max, mt.change_unit = "change", mt.value, mt.value_max, mt.unit
    mt.value = mt.value_max = mt.unit = None
    c.window = f"{pf.data['metric']}（{m.group('scope')}）"
    emit(c)
    return True


def spread_back(c: Clause) -> bool:
    """城镇…9422元，农村…2936元，分别增长7.7%和6.8%: 分别 hands each change to a level before it."""
    mt, group = c.mt, c.group()
    if len(group) < 2 or mt.kind != "change" or any(g.noun for g in group):
        return False  # a change with its own object (减环节60%) is no level's change
    spread = _SPREAD.search(c.raw_window.rstrip())
    if not (spread or not c.window):
        return False
    items = _split_items(_clean_metric(c.raw_window))
    back = [f for f in c.line.facts[-len(group) - 4 :]
            if f.start >= c.s0 and f.data["change"] is None and f.data["value"] is not None]
    if len(items) < len(group) and len(back) >= len(group) \
            and not _clean_metric(c.raw_window.replace("分别", "")).strip("实际名义可比"):
        for f, g in zip(back[-len(group):], group, strict=True):
            f.data.update(change=clean_number(g.change), change_max=clean_number(g.change_max),
                          change_unit=g.change_unit, **g.extra)
            _quote_to(f, c.text, max(f.end, group[-1].end))
        return c.advance(group[-1].end, len(group))
    return False


# --- metric rules: (group, metrics) for the mentions emit() writes, or None ----------------------------

MetricRule = Callable[[Clause], "tuple[list[Mention], list[str]] | None"]


def _items(c: Clause) -> list[str]:
    w = _clean_metric(c.raw_window)
    if (c.pending_from is not None and c.from_metric and c.window == c.from_metric
            and not _clean_metric(_TO_PHRASE.sub("", c.raw_window.strip(" 、，,")))):
        w = c.from_metric  # 城乡居民人均可支配收入从A和B分别提高到C和D: the ends are items of the starts' measure
    return _split_items(w)


def metrics_object(c: Clause) -> tuple[list[Mention], list[str]] | None:
    """减环节66%、减时间70%: the object written inside each change is its metric."""
    group = c.group()
    if all(m.noun for m in group):
        return group, [m.noun or "" for m in group]
    return None


def metrics_spread(c: Clause) -> tuple[list[Mention], list[str]] | None:
    """A、B和C分别增长1%、2%和3%: one metric per figure, in order."""
    group = c.group()
    if len(group) > 1:
        items = _items(c)
        if len(items) == len(group):
            return group, items
        if len(items) <= 1 and "分别" in c.raw_window and c.ws == c.clause_start > max(c.s0, c.mention_end):
            # "木材和水泥的产量，也将分别增长9.4%和14.5%": the subjects are the previous clause's;
            # "A、B和C再次提高，月人均分别提高1元、2元和3元": each subject takes the clause's own measure.
            before = _LIST_VERB_END.sub("", c.text[max(c.s0, c.mention_end) : c.clause_start - 1])
            before = _clean_metric(before)
            if before.count("、") == len(group) - 2 and before.rfind("和") > before.rfind("、") > 0:
                k = before.rfind("和")  # A、B、C和D: the last two joined by 和
                before = before[:k] + "、" + before[k + 1 :]
            subjects = _split_items(before)
            if len(subjects) == len(group):
                own = items[0].replace("分别", "") if items else ""
                return group, [x + own for x in subjects]
    return None


# The verb a list of subjects ends with before 分别 repeats it (A、B和C再次提高，月人均分别提高…).
_LIST_VERB_END = re.compile(r"(?:再次|再度|又|进一步|均|都|全部|同步|相继)?(?:提高|提升|上调|增长|增加|调整)了?$")


def metrics_urban_rural(c: Clause) -> tuple[list[Mention], list[str]] | None:
    """城乡居民人均可支配收入分别增长5%和7%: 城镇… and 农村…."""
    group = c.group()
    if len(group) == 2:
        items = _items(c)
        if len(items) == 1 and (pair := next((p for p in _PAIR_WORDS if p in items[0]), None)):
            # 城乡 = 城镇 and 农村, 收支 = 收入 and 支出, 进出口 = 进口 and 出口 (the words a pair is written with)
            return group, [items[0].replace(pair, member, 1) for member in _PAIR_WORDS[pair]]
    return None


_PAIR_WORDS = {"城乡": ("城镇", "农村"), "收支": ("收入", "支出"), "进出口": ("进口", "出口")}


_FINE_AFTER = re.compile(r"(?:以上|以下|以内)?的?(?P<noun>罚款|罚金)")
_FINE_LEAD = re.compile(r"^(?:对|向)?(?P<who>[\u4e00-\u9fff]{0,6}?)(?:可以|可|并)?(?:处以|处|并处)"
                        r"(?:警告|通报批评|批评教育)?(?:或者|或|并|、)?$")


def metrics_fine(c: Clause) -> tuple[list[Mention], list[str]] | None:
    """对个人处三万元以上十万元以下罚款, 处警告或者二百元以下的罚款: a fine is named by the noun after its
    figure, with whom it is for (个人, 单位), never by the verb before it."""
    group = c.group()
    last = group[-1]
    fine = _FINE_AFTER.match(c.text, last.end)
    lead = _FINE_LEAD.match(_clean_metric(c.raw_window.rsplit("，", 1)[-1]) or "处")
    if fine is None or lead is None or len(group) != 1:
        return None
    return group, [lead.group("who") + fine.group("noun")]


_LEVY_AFTER = re.compile(r"(?:的税率|的比例|的税负)?(?:征收|计征|缴纳|计缴|征)(?P<tax>[\u4e00-\u9fff]{1,8}?税)")


def metrics_levy(c: Clause) -> tuple[list[Mention], list[str]] | None:
    """减按15%征收企业所得税, 按3%的税率计征增值税: the rate a tax is levied at (企业所得税税率), not the verb
    before it nor the clause after."""
    group = c.group()
    mt = group[-1]
    if len(group) != 1 or mt.unit != "%" or not re.search(r"(?:减按|按照|按|依)$", c.raw_window):
        return None
    levy = _LEVY_AFTER.match(c.text, mt.end)
    return (group, [levy.group("tax") + "税率"]) if levy else None


_EACH_REACHED = re.compile(r"(?:各|均|都)(?:达到了?|达|为|是|超过|突破|保持在|提高到|提升到|增加到)$")  # A、B均达到45%


def metrics_each(c: Clause) -> tuple[list[Mention], list[str]] | None:
    """A、B均增长5%; A、B年均增长5%: one figure for each metric of the list."""
    mt = c.mt
    if len(c.group()) == 1 and (_EACH.search(c.raw_window.rstrip()) or _EACH_REACHED.search(c.raw_window.rstrip())
                                or (mt.kind == "change" and mt.extra.get("annual_average"))):
        cleaned = _clean_metric(c.raw_window)
        if "、" in cleaned and "等" not in cleaned[1:-1]:  # A、B等主要指标均增长3倍: one group, one row
            items = _split_items(cleaned)
            if len(items) > 1:
                return [mt] * len(items), items
    return None


def metrics_noun_after_list(c: Clause) -> tuple[list[Mention], list[str]] | None:
    """96户、183人实现脱贫: a list of figures written before the noun they count."""
    group = c.group()
    if len(group) > 1 and not c.window and _NUMBER_FIRST.match(c.text, group[-1].end):
        noun = _noun_after(c.text, group[-1].end, c.s1)
        c.noun_end = group[-1].end + len(noun)
        return group, [noun] * len(group)
    return None


_WHOLE_END = re.compile(r"(?:全区|全市|全省|全国|全县|全镇|全州|全盟)$")  # 带动全区2070亩葡萄基地
_PURPOSE_FIRST = ("进行", "用于", "实施", "开展", "支持", "建设", "办好", "办理", "推进", "保障", "改善")  # 投入5000万元进行新产品研发: what it is for
_SHARE_NOUN_END = ("率", "比重", "比例", "占比", "份额")
_UNIT_WORDS = ("人口", "家庭", "人民", "个体")  # 13亿人口: the unit's last character and the noun after it are one word


def _share_of(c: Clause, w0: str) -> str | None:
    """"集聚了全区约50%的人口", "每年实现投资额6%以上的收益率": a percentage written before 的 and a noun is
    that noun's share (the noun alone when the words before are a verb or a whole, 全区), or a ratio of
    the words before it when the noun is one (投资额 + 收益率)."""
    mt, text = c.mt, c.text
    if not (mt.kind == "level" and mt.unit == "%" and text.startswith("的", mt.end)):
        return None
    noun, _ = noun_after(text, mt.end + 1, c.s1)
    if len(noun) < 2 or noun in _GENERIC_HEADS:
        return None
    core = _WHOLE_END.sub("", w0).rstrip("了占约")
    if noun.endswith(_SHARE_NOUN_END) and core and not _VERB_ONLY.match(core):
        return core + noun
    if core != w0 or not core or _VERB_ONLY.match(core) or len(core) <= 2:  # 集聚了全区, 以约占全区
        return noun
    return None


_EFFORT_LEAD = re.compile(r"^(?:全力|全面|大力|有序|加快|积极|持续|深入|扎实|稳步|着力|及时|抓紧)*"
                          r"(?:推进|推动|实施|抓好|加快|启动|开展)(?:好|了)?")
# A result verb the figure's clause ends in, with the noun after 的 naming what the figure is ("预计可实现超
# 60亿元的产值" -> 产值): the words before the verb are the means, not the measure.
_RESULT_VERB_END = re.compile(r"(?:实现|创造|带来|贡献|形成|产生|拉动|带动|完成|达到)了?(?:超过?|约|近|逾|不少于)?$")
# A counting verb and the noun after the figure that would read as another word across the seam
# (建成 + 区中心 reads 建成区): the verb is left out.
_ACROSS_SEAM = ("建成区", "完成率", "实现率")
_OBJECT_NOUN_END = ("数", "率", "量", "额", "值", "重", "入", "资", "出", "积", "口", "度", "税收", "收益", "效益", "规模")


def _object_after(c: Clause) -> str | None:
    """"实现超60亿元的产值": a non-percentage figure after a result verb and before 的 + a measure noun."""
    mt, text = c.mt, c.text
    if mt.unit == "%" or not text.startswith("的", mt.end) or not _RESULT_VERB_END.search(c.raw_window):
        return None
    noun, _ = noun_after(text, mt.end + 1, c.s1)
    return noun if len(noun) >= 2 and noun.endswith(_OBJECT_NOUN_END) and noun not in _GENERIC_HEADS else None


def _lead_kept(lead: str, noun: str) -> str:
    """The counting verb before a noun after the figure, unless it is a place (青山7处“点位”: the place is
    where, not what) or would merge with the noun into another word (建成 + 区中心)."""
    if not lead or not noun:
        return lead
    if noun.startswith(("级", "区域")):  # 平凉 + 10亿吨级…, 新建 + 区域养老服务中心: one word with the lead
        return lead
    joined, k = lead + noun, len(lead)
    for w in _ACROSS_SEAM:
        i = joined.find(w, max(0, k - len(w) + 1))
        if 0 <= i < k < i + len(w):
            return ""
    if len(lead) <= 4 and not _VERB_ONLY.match(lead):
        from ...lexicon.places import canonical_place  # the gazetteer, read once when first needed

        if canonical_place(lead) is not None:
            return ""
    return lead


# Examples named before 等 and the class after it (新增康复大学等高校): the examples, after a counting verb or at the
# start. Not 高等, 平等, 同等, 中等, 初等, 对等, 均等, 相等, 次等, 上等, 优等, nor 等级, 等于, 等待, 等同.
_EXAMPLES = re.compile(r"[\u4e00-\u9fff“”、]{2,16}?(?<![高平同中初对均相次上优])等(?![级于待同])(?=[\u4e00-\u9fff]{2})")


def _drop_examples(metric: str) -> str:
    """新增康复大学等高校 -> 新增高校; 东湖学院等高校 -> 高校."""
    verb = _VERB_LEAD.match(metric)
    k = verb.end() if verb else 0
    ex = _EXAMPLES.match(metric, k)
    # measures listed before 等主要指标 are what is measured, not examples of it
    return metric[:k] + metric[ex.end() :] if ex and not metric.endswith("指标") else metric


# A relative clause ending in 的 just before a count (以前发布的75件, 已经建成的12座): it picks the things the noun after
# the figure names; a verb must end it (not a place or a measure: 全区的, 总产值的).
_RELATIVE_BEFORE = re.compile(r"(?:发布|出台|制定|印发|建成|完成|认定|命名|批准|审批|设立|确定|实施|开展|保留|清理|取消|下放)的$")


def metrics_window(c: Clause) -> tuple[list[Mention], list[str]] | None:
    """The words of the clause before the figure (地区生产总值1134亿元), or the noun after it when the
    number comes first (新增2所幼儿园, 募集676万件物品, 带动全区2070亩葡萄基地), else the previous fact's
    metric; a share written as 50%的人口 (:func:`_share_of`)."""
    mt, text, w0 = c.mt, c.text, c.window
    if (share := _share_of(c, w0)) is not None or (share := _object_after(c)) is not None:
        return [mt], [share]
    metrics = [w0]
    prep = bool(_PREP_END.search(c.raw_window) or _PREP_END.search(_WHOLE_END.sub("", c.raw_window.rstrip())))
    verb = _WHOLE_END.sub("", w0)  # the whole (全区) before a counted noun belongs to the noun
    # 甲、乙2个产业园: named, then counted (a count, not a change: …现代化、实现人均收入翻一番打好基础)
    listed = "、" in c.raw_window and c.ws == c.clause_start and mt.kind == "level"
    # 完成16个片区（71个小区）改造: a figure opening a bracket counts the noun after it, not the words before
    bracketed = c.raw_window.rstrip().endswith(("（", "("))
    number_first = bool(_NUMBER_FIRST.match(text, mt.end)) and (
        len(w0) <= 2 or bracketed or bool(_VERB_ONLY.match(verb) or _VERB_END.search(verb)) or w0.endswith("等") or prep
        or listed or bool(_VERB_END.search(c.raw_window.rstrip()))  # …市场完成不少于60万批次蔬菜快检
        or bool(_RELATIVE_BEFORE.search(c.raw_window)))  # 对去年底以前发布的75件规范性文件: the 75 件 counts 文件
    if not number_first and (effort := _EFFORT_LEAD.match(w0)) and len(w0) > effort.end() \
            and _NUMBER_FIRST.match(text, mt.end):
        # "推进东湖物流枢纽12个重点项目建设": an effort verb, whose object the figure sits inside; the
        # measure is the object without the verb (东湖物流枢纽 + 重点项目建设)
        noun, noun_end = noun_after(text, mt.end, c.s1)
        if len(noun) >= 2:
            c.noun_end = noun_end
            return [mt], [w0[effort.end() :] + noun]
    if (not number_first and mt.kind == "level" and (lead_verb := _VERB_LEAD.match(w0))
            and 2 <= len(w0) - lead_verb.end() <= 4 and _NUMBER_FIRST.match(text, mt.end)):
        # "出台稳就业20条政策措施": a counting verb, a short modifier, the figure, then what it counts;
        # the measure is the modifier with the noun (稳就业 + 政策措施)
        noun, noun_end = noun_after(text, mt.end, c.s1)
        if len(noun) >= 2:
            c.noun_end = noun_end
            return [mt], [w0[lead_verb.end() :] + noun]
    if number_first or not w0 or _VERB_ONLY.match(w0):
        lead = "" if w0.endswith("等") or prep or listed or bracketed or (
            len(w0) > 4 and not (_VERB_ONLY.match(verb) or _VERB_END.search(verb))) else verb
        noun, noun_end = noun_after(text, mt.end, c.s1)
        if bracketed and (k := min((noun.find(b) for b in "）)" if b in noun), default=-1)) >= 0:
            noun_end -= len(noun) - k  # 71个小区）联动改造: the bracket closes what is counted
            noun = noun[:k]
        nxt = c.mentions[c.i + 1] if c.i + 1 < len(c.mentions) else None
        if not noun and nxt is not None and nxt.start == mt.end:
            noun, noun_end = noun_after(text, nxt.end, c.s1)  # 12类45件民生实事: both count the noun after
        elif noun.endswith("级") and nxt is not None and text[noun_end : nxt.start] == "、":
            # 建成3个国家级、9个省级区域医疗中心: the level shares the next item's noun
            later = _noun_after(text, nxt.end, c.s1)
            k = later.find("级")
            if 0 < k <= 3 and len(later) > k + 1:
                noun += later[k + 1 :]
        if mt.unit and mt.unit.endswith("元") and (
                text.startswith(_PURPOSE_FIRST, mt.end) or _VERB_LEAD.match(text[mt.end : mt.end + 8])):
            noun = ""  # money is spent on it (投入2亿元改造老旧小区), not counted in it
        if noun and mt.unit and (mt.unit[-1] + noun[0]) in _UNIT_WORDS:
            # 13亿人口, 13亿人民, 10万个体工商户: the unit's last character opens the noun counted
            noun = mt.unit[-1] + noun
            if mt.unit[-1] == "个" and len(mt.unit) > 1:
                mt.unit = mt.unit[:-1]  # 10万个体工商户: 10万 of them, 个 is no unit here
        if noun:
            metrics = [_lead_kept(lead, noun) + noun]
            c.noun_end = noun_end
        elif c.prev_fact is not None and not metrics[0] and c.prev_fact.start >= c.s0:
            metrics = [c.prev_fact.data["metric"] or ""]
        elif (not metrics[0] and c.line.facts and c.line.facts[-1].start >= c.line.start
                and _SPAN_AVERAGE.search(c.raw_window)):
            # "…的增长速度，…实际达到3.9%。两年平均每年递增4.5%。": an average over the years just told is of
            # the measure of the sentence before, on the same paragraph line
            metrics = [c.line.facts[-1].data["metric"] or ""]
    if metrics[0].endswith("任务") and (before := c.subject_before(24)):
        # "推进地质灾害避险搬迁，完成2万人搬迁任务": the task is the clause before's (without its effort verb)
        m0 = metrics[0]
        k = next((k for k in range(len(m0) - 3) if before.endswith(m0[k:-2])), None)
        if k is not None:
            metrics = [m0[:k] + (_EFFORT_LEAD.sub("", before) or before) + "任务"]
    if metrics[0] and "等" in metrics[0][:-2]:
        metrics = [_drop_examples(metrics[0])]  # "新增康复大学等高校14所": the example is no part of what is counted
    if metrics[0] == w0 and w0.endswith("等") and len(w0) > 1:
        # "创建绿色工业园区、工厂等111个": nothing named after the figure; the items listed before 等 are counted
        listed = _clean_metric(c.raw_window.rstrip()).removesuffix("等")
        metrics = [listed if 1 < len(listed) <= 24 else w0]
    if not metrics[0]:
        metrics = [c.label()]
    return [mt], metrics


METRIC_RULES: list[Row] = [
    Row("the rate a tax is levied at", metrics_levy, (
        ("对在云溪新区登记的高新技术企业，减按12%征收企业所得税。",
         ({"metric": "企业所得税税率", "value": 12, "unit": "%"},)),
        ("小规模纳税人按2%的税率计征增值税。", ({"metric": "增值税税率", "value": 2},)),)),
    Row("a fine, named by 罚款 after its figure", metrics_fine, (
        ("违反本条例规定的，责令改正，处警告或者二百元以下的罚款。",
         ({"metric": "罚款", "value": 200, "unit": "元", "qualifier": "以下"},)),
        ("在溪边搭建棚屋的，对个人处三万元以上十万元以下罚款，对单位处十五万元以上五十万元以下罚款。",
         ({"metric": "个人罚款", "value": 3, "value_max": 10, "unit": "万元"},
          {"metric": "单位罚款", "value": 15, "value_max": 50, "unit": "万元"})),)),
    Row("the object inside a change", metrics_object, (
        ("推行审批改革，平均减环节60%、减时间75%。",
         ({"metric": "环节", "change": -60, "change_unit": "%"}, {"metric": "时间", "change": -75, "change_unit": "%"})),
        ("通过技术改造提高效率20%。", ({"metric": "效率", "change": 20},)),
        ("全程网办率达91.5%，上线集成服务48件，实现平均减环节55%、减时间65%。",
         ({"value": 91.5, "change": None}, {"value": 48, "change": None},
          {"metric": "环节", "change": -55}, {"metric": "时间", "change": -65})),)),
    Row("分别 over a list of metrics (the previous clause's when its own has none)", metrics_spread, (
        ("规模以上工业增加值、固定资产投资分别增长7.2%和9.8%。",
         ({"metric": "规模以上工业增加值", "change": 7.2}, {"metric": "固定资产投资", "change": 9.8})),
        # a thing and a measure shared across stages; the second measure of the same thing (收入、支出)
        ("全区水稻机播、机收面积分别达到20万亩和26万亩。",
         ({"metric": "水稻机播面积", "value": 20}, {"metric": "水稻机收面积", "value": 26})),
        ("全区粮食进口、出口总额分别增长3%和5%。",
         ({"metric": "粮食进口总额", "change": 3}, {"metric": "粮食出口总额", "change": 5})),
        # a plan period as the base after 分别 (分别比“十三五”时期) is no part of the last item
        ("全区铁路、机场、港口投资分别比“十三五”时期增长12%、35%、18%。",
         ({"metric": "铁路投资", "change": 12}, {"metric": "机场投资", "change": 35}, {"metric": "港口投资", "change": 18})),
        # the last item's own name longer than the others' (天然气, 生物医药): only the head noun is shared
        ("全区原煤、原油、天然气产量分别增长6%、2%、11%。",
         ({"metric": "原煤产量", "change": 6}, {"metric": "原油产量", "change": 2}, {"metric": "天然气产量", "change": 11})),
        ("全区新能源、生物医药产业产值分别增长15%、9%。",
         ({"metric": "新能源产业产值", "change": 15}, {"metric": "生物医药产业产值", "change": 9})),
        # a 、 inside brackets parts no items (县（市、区）)
        ("全区山地乡（镇、街道）小麦机收率提高到48%。",
         ({"metric": "山地乡（镇、街道）小麦机收率", "value": 48},)),
        ("全区一般公共预算收入、支出分别增长4%和7%。",
         ({"metric": "一般公共预算收入", "change": 4}, {"metric": "一般公共预算支出", "change": 7})),
        ("全区规模以上工业、建筑业增加值分别增长6%和9%。",
         ({"metric": "规模以上工业增加值", "change": 6}, {"metric": "建筑业增加值", "change": 9})),
        ("粮食和油料的产量，也都分别增长2.4%和3.1%。",
         ({"metric": "粮食的产量", "change": 2.4}, {"metric": "油料的产量", "change": 3.1})),
        ("水泥和化肥（折纯）分别达到1.2亿吨和980万吨。",
         ({"metric": "水泥", "value": 1.2}, {"metric": "化肥（折纯）", "value": 980})),
        ("城乡低保标准和特困人员供养标准再次提高，月人均分别提高60元和85元。",
         ({"metric": "城乡低保标准月人均提高", "value": 60}, {"metric": "特困人员供养标准月人均提高", "value": 85})),
        ("养老金、医保补助和护理补贴同步上调，月人均分别增加40元、30元和50元。",
         ({"metric": "养老金月人均增加", "value": 40}, {"metric": "医保补助月人均增加", "value": 30},
          {"metric": "护理补贴月人均增加", "value": 50})),)),
    Row("城乡 is 城镇 and 农村", metrics_urban_rural, (
        ("全区一般公共预算收支累计分别突破800亿元、2000亿元。",
         ({"metric": "一般公共预算收入", "value": 800}, {"metric": "一般公共预算支出", "value": 2000})),
        ("全区外贸进出口额分别增长6%和9%。", ({"metric": "外贸进口额", "change": 6}, {"metric": "外贸出口额", "change": 9})),
        ("城乡居民人均可支配收入分别增长5.1%和7.3%。",
         ({"metric": "城镇居民人均可支配收入", "change": 5.1}, {"metric": "农村居民人均可支配收入", "change": 7.3})),)),
    Row("各/均/年均 over a list of metrics", metrics_each, (
        ("进口、出口均增长3.5%。", ({"metric": "进口", "change": 3.5}, {"metric": "出口", "change": 3.5})),
        # 均 before the verb (均达到, 都为), and a thing and a measure shared across stages (lexicon process_stages.txt)
        ("全区小学、初中巩固率均达到99%。", ({"metric": "小学巩固率", "value": 99}, {"metric": "初中巩固率", "value": 99})),
        ("全区小麦耕种、收获机械化率均达到90%。",
         ({"metric": "小麦耕种机械化率", "value": 90}, {"metric": "小麦收获机械化率", "value": 90})),
        ("软件业收入、算力规模等主要指标均增长2倍以上。",
         ({"metric": "软件业收入、算力规模等主要指标", "change": 2, "change_unit": "倍"},)),
        # 分别 before one figure gives it to each item (track, 2016 emissions targets)
        ("烟尘、粉尘排放量分别下降6%。", ({"metric": "烟尘排放量", "change": -6}, {"metric": "粉尘排放量", "change": -6})),)),
    Row("noun after a list of figures", metrics_noun_after_list, (
        ("全年共有420户、1380人搬入新居。", ({"metric": "搬入新居", "value": 420, "unit": "户"},
                                        {"metric": "搬入新居", "value": 1380, "unit": "人"})),
        ("精准扶贫工作按期完成，52户、118人实现全部脱贫。", ({"metric": "实现全部脱贫", "value": 52},
                                                {"metric": "实现全部脱贫", "value": 118})),)),
    Row("words before the figure, or the noun after it", metrics_window, (
        ("全区地区生产总值512亿元。", ({"metric": "地区生产总值", "value": 512, "unit": "亿元"},)),
        # a figure opening a bracket after a count: what it counts is the noun after it
        ("完成9个街坊（42个小区）联动改造。", ({"metric": "街坊", "value": 9}, {"metric": "小区", "value": 42})),
        # a bare 总产量/产量 after a clause naming the product (lexicon synonyms, or X生产/种植/按人口…)
        ("全区粮食按人口平均占有量创历史新高，总产量达到52万吨。", ({"metric": "粮食总产量", "value": 52},)),
        ("全市原煤生产保持稳定，产量达到3200万吨。", ({"metric": "原煤产量", "value": 3200},)),
        ("全区茶叶种植面积继续扩大，总产量达到1.2万吨。", ({"metric": "茶叶总产量", "value": 1.2},)),
        ("全区安全生产形势稳定，产量达到5万吨。", ({"metric": "产量", "value": 5},)),
        # the sector opening the sentence, a clause of cause between (重工业生产，由于…，产值…)
        ("重工业生产，由于结构调整，产值比上年下降4%。", ({"metric": "重工业产值", "change": -4},)),
        ("农业生产，受灾情影响，总产值比上年下降2%。", ({"metric": "农业总产值", "change": -2},)),
        # a whole number of years after a duration noun (受教育年限, 预期寿命) is a level in 年
        ("全区15岁以上人口平均受教育年限达到11年以上。",
         ({"metric": "15岁以上人口平均受教育年限", "value": 11, "unit": "年", "qualifier": "以上"},)),
        ("全区人均预期寿命提高到七十八年。", ({"metric": "人均预期寿命", "value": 78, "unit": "年"},)),
        ("实施九年义务教育，用5年时间完成改造。", ()),
        # 十 alone before a magnitude and a unit is ten (十万元, 十亿元), not after 几 (几十亿元: no figure)
        ("全区新增城镇就业十万人，取得了几十亿元的收入。", ({"metric": "新增城镇就业", "value": 10, "unit": "万人"},)),
        # 各 + a classifier (各类, 各地, 各项) is a word of the name, not a determiner to drop
        ("全区各类市场主体达到12.5万户。", ({"metric": "各类市场主体", "value": 12.5},)),
        ("全区各项存款余额达到900亿元。", ({"metric": "各项存款余额", "value": 900},)),
        # the other scope of the measure just named (城镇…，农村…)
        ("全区城镇人均住房面积增加到38平方米，农村增加到52平方米。",
         ({"metric": "城镇人均住房面积", "value": 38}, {"metric": "农村人均住房面积", "value": 52})),
        ("全区城镇居民人均可支配收入52100元，农村31200元。",
         ({"metric": "城镇居民人均可支配收入"}, {"metric": "农村居民人均可支配收入", "value": 31200})),
        ("全区社会消费品零售总额年均实际增长10.3%。", ({"metric": "社会消费品零售总额", "change": 10.3},)),
        ("全区平均期望寿命达到80.2岁。", ({"metric": "平均期望寿命", "value": 80.2},)),
        # the people counted before a verb of going (来到, 沿着, 涌入): not where they went
        ("春节假期，30万名各地游客来到东湖景区游览。", ({"metric": "各地游客", "value": 30, "unit": "万名"},)),
        ("新增3所公办幼儿园。", ({"metric": "新增公办幼儿园", "value": 3, "unit": "所"},)),
        ("新开通4条城际公交线路。", ({"metric": "新开通城际公交线路", "value": 4, "unit": "条"},)),
        # 近 opening a word (近岸, 近郊) is no qualifier
        ("全区近岸海域水质优良比例达到93%。", ({"metric": "近岸海域水质优良比例", "value": 93},)),
        # the subject before 在…的基础上 (its clause holds no figure) grows; 将比去年 is no part of a name
        ("全区蔬菜在连续两年大丰收的基础上，又增长8%左右。", ({"metric": "蔬菜", "change": 8},)),
        ("全区水果产量比去年增长6%以上。", ({"metric": "水果产量", "change": 6},)),
        # a relative clause ending in a verb + 的 before a count picks the things the noun after it names
        ("全区对此前印发的75件规范性文件进行清理。", ({"metric": "规范性文件进行清理", "value": 75},)),
        # the unit's last character opening the noun counted (亿人口, 万人民, 万个体工商户)
        ("全市有800万人民。", ({"metric": "人民", "value": 800, "unit": "万人"},)),
        ("帮扶3万个体工商户。", ({"metric": "帮扶个体工商户", "value": 3, "unit": "万"},)),
        # a to-verb (缩减为, 压缩至, 精简为) before the figure is no part of the name
        ("全区行政审批办理时间压缩至3个工作日以内。", ({"metric": "行政审批办理时间", "value": 3},)),
        ("全区一般性支出缩减为8亿元。", ({"metric": "一般性支出", "value": 8, "unit": "亿元"},)),
        ("全区议事协调机构精简为40个。", ({"metric": "议事协调机构", "value": 40},)),
        # a condition's opener and a streak of years name nothing (只要我们能够再连续三年…, 连续五年)
        ("只要我们能够再连续三年保持粮食总产量52万吨以上，发展基础就更加牢固。", ({"metric": "粮食总产量", "value": 52},)),
        ("如果全区连续五年保持粮食总产量52万吨以上，基础就更牢了。", ({"metric": "粮食总产量", "value": 52},)),
        ("全区已连续六年实现粮食总产量52万吨以上。", ({"metric": "粮食总产量", "value": 52},)),
        ("油菜籽：达到12.6万吨，增长3.5%。", ({"metric": "油菜籽", "value": 12.6, "change": 3.5},)),
        ("向灾区调运的粮食，增加了7亿斤。", ({"metric": "向灾区调运的粮食增加", "value": 7, "unit": "亿斤"},)),
        ("据调查，东西两个工厂，可以减少1200多人。", ({"metric": "东西两个工厂减少", "value": 1200, "unit": "人"},)),
        # the noun after the figure: a predicate, a head after a relative clause, a noun shared by two
        # figures, a level sharing the next item's noun, a whole before it, a named list before it
        ("帮扶120余名符合条件的残疾人就业创业。", ({"metric": "帮扶残疾人就业创业", "value": 120},)),
        ("全区8类26件民生实事全面完成。", ({"metric": "民生实事", "value": 8, "unit": "类"},
                                    {"metric": "民生实事", "value": 26, "unit": "件"})),
        ("建成3个国家级、8个省级现代农业产业园。", ({"metric": "建成国家级现代农业产业园", "value": 3},
                                          {"metric": "省级现代农业产业园", "value": 8})),
        ("带动全区1200亩蔬菜基地。", ({"metric": "带动蔬菜基地", "value": 1200},)),
        ("完善提升12个社区养老服务站。", ({"metric": "完善提升社区养老服务站", "value": 12},)),
        ("投入800万元进行设备改造。", ({"metric": "投入", "value": 800, "unit": "万元"},)),
        ("东城智造、西城数谷2个产业园正式授牌。", ({"metric": "产业园正式授牌", "value": 2},)),
        ("大型农贸批发市场完成不少于20万批次农产品快检。", ({"metric": "农产品快检", "value": 20, "unit": "万批次"},)),
        ("12个省（区、市）全部免征了农业税。", ({"metric": "省（区、市）全部免征了农业税", "value": 12},)),
        ("投资800万元，完成6个村的饮水安全工程。", ({"value": 800}, {"metric": "村的饮水安全工程", "value": 6})),
        # the subject of the clause, not the words next to the figure: what 有 introduces, a noun cut before
        # its role (为重点) or means (通过), a result verb's object after 的, no place or seam word kept
        ("在新版文化地图中，明确我区有革命旧址3处，纪念设施5处。",
         ({"metric": "革命旧址", "value": 3}, {"metric": "纪念设施", "value": 5})),
        ("全市现有中小学120所。", ({"metric": "中小学", "value": 120, "unit": "所"},)),
        ("全区有效发明专利1200件。", ({"metric": "有效发明专利", "value": 1200},)),
        ("全区生产总值迈上5千亿台阶。", ({"metric": "生产总值", "value": 5, "unit": "千亿"},)),
        ("以东湖学院、西湖学院等4所职业院校为重点，打造职业教育高地。", ({"metric": "职业院校", "value": 4},)),
        ("全区腾退土地800亩，盘活后实现超60亿元的产值。",
         ({"metric": "腾退土地", "value": 800, "unit": "亩"}, {"metric": "产值", "value": 60, "unit": "亿元"})),
        ("持续推进文明实践工作，建成1个区中心、9个分中心。",
         ({"metric": "区中心", "value": 1}, {"metric": "分中心", "value": 9})),
        ("东湖7处“点位”入选省级文化地图。", ({"metric": "“点位”", "value": 7, "unit": "处"},)),
        # a share or rate opening the next clause is the figure before's (占全市的12%, 增速高于全市, 占比)
        ("全区社会消费品零售总额300亿元，增长5%，占全市的12%。",
         ({"metric": "社会消费品零售总额", "value": 300, "change": 5},
          {"metric": "社会消费品零售总额占全市", "value": 12, "unit": "%"})),
        ("规上工业增加值增长8%，增速高于全市2个百分点。",
         ({"metric": "规上工业增加值", "change": 8},
          {"metric": "规上工业增加值增速高于全市", "change": 2, "change_unit": "百分点"})),
        ("拥有高新技术企业2100多家，占全国近1/10。",
         ({"metric": "高新技术企业", "value": 2100}, {"metric": "高新技术企业占全国", "value": 10, "qualifier": "近"})),
        # trailing words of a level's clause: 保持, 是2015年的, 比重 + 要
        ("服务业增加值占地区生产总值比重保持55%。", ({"metric": "服务业增加值占地区生产总值比重", "value": 55},)),
        ("全区城乡居民人均可支配收入分别是2018年的1.36倍、1.42倍。",
         ({"metric": "城镇居民人均可支配收入", "value": 1.36, "unit": "倍"},
          {"metric": "农村居民人均可支配收入", "value": 1.42, "unit": "倍"})),
        # a list before 等 is what is counted when no noun follows; a unit's alternative is skipped
        ("累计创建绿色工业园区、工厂等111个。", ({"metric": "创建绿色工业园区、工厂", "value": 111},)),
        ("东湖路等10条（段）景观道路竣工。", ({"metric": "景观道路竣工", "value": 10, "unit": "条"},)),
        # a counting verb, a short modifier, the figure, then what it counts: the modifier with the noun
        ("全年出台稳外贸15条支持措施，新增就业1.2万人。",
         ({"metric": "稳外贸支持措施", "value": 15}, {"metric": "新增就业", "value": 1.2})),
        ("对全区956个住宅小区开展排查。", ({"metric": "住宅小区开展排查", "value": 956},)),
        # an effort verb whose object holds the figure: the object without the verb
        ("推进东湖物流枢纽12个重点项目建设。", ({"metric": "东湖物流枢纽重点项目建设", "value": 12},)),
        ("加快西城开放式科创街区30万平方米科创载体建设。",
         ({"metric": "西城开放式科创街区科创载体建设", "value": 30, "unit": "万平方米"},)),
        # 在…上 and 如 open no metric; a rate's 可 does not end it
        ("在全省招商大会上签约项目12个。", ({"metric": "签约项目", "value": 12},)),
        ("如东湖合作社平均亩产值可达4万元左右。", ({"metric": "东湖合作社平均亩产值", "value": 4},)),
        ("据不完全统计全区民营企业达到1.2万家。", ({"metric": "民营企业", "value": 1.2, "unit": "万家"},)),
        ("困难群众临时救助标准为每月600元。", ({"metric": "困难群众临时救助标准", "value": 600},)),
        # a percentage before 的 and a noun: that noun's share, or a ratio of the words before it
        ("五个片区集聚了全区约40%的人口。", ({"metric": "人口", "value": 40, "qualifier": "约"},)),
        ("村集体每年实现投资额5%以上的收益率。", ({"metric": "村集体每年实现投资额收益率", "value": 5},)),
        # 余 read as the qualifier still leaves the unit whole
        ("实施避险搬迁2万余户。", ({"metric": "实施避险搬迁", "value": 2, "unit": "万户", "qualifier": "余"},)),
        # examples before 等 are no part of what is counted; a class bound between a count and its noun is
        # skipped (and no fact); money spent on a purpose (办好) counts no noun; an authority approving opens
        # no metric; a list before 数量 is counted whole; a task counted is the clause before's
        ("新增东湖大学等高校3所。", ({"metric": "新增高校", "value": 3, "unit": "所"},)),
        ("为120所海拔2000米以上农村学校建设供暖设施。", ({"metric": "农村学校建设供暖设施", "value": 120},)),
        ("培育8家年产值5000万元以上企业。", ({"metric": "培育企业", "value": 8, "unit": "家"},)),
        ("投入6.5亿元办好“12+3”项民生实事。", ({"metric": "投入", "value": 6.5, "unit": "亿元"},)),
        ("投入2.3亿元改造老旧小区46个。", ({"metric": "投入", "value": 2.3}, {"metric": "改造老旧小区", "value": 46})),
        ("经研究，省政府同意地方发行300亿元债券。", ({"metric": "地方发行债券", "value": 300, "unit": "亿元"},)),
        ("全区图书馆、博物馆、文化馆数量达56家。", ({"metric": "图书馆、博物馆、文化馆数量", "value": 56},)),
        ("开展独居老人、失能老人和高龄老人探访服务12万人次。",
         ({"metric": "开展独居老人、失能老人和高龄老人探访服务", "value": 12},)),
        ("围绕重点领域和重点群体开展职业技能培训3万人次。", ({"metric": "职业技能培训", "value": 3},)),
        ("推进地质灾害避险搬迁，完成1.5万人搬迁任务。", ({"metric": "地质灾害避险搬迁任务", "value": 1.5},)),)),
]


_YEAR_PLAN = re.compile(r"(?<!完成)(?<!超额完成)计划(?!执行|的执行|完成|实现)")


def emit(c: Clause) -> bool:
    """Write the current mention (or its list) as facts: metrics by :data:`METRIC_RULES`, quote,
    kind, period, 其中 children."""
    line, text, s0, s1, doc = c.line, c.text, c.s0, c.s1, c.line.doc
    mt = c.mt
    for row in METRIC_RULES:
        got = row.fn(c)
        if got is not None:
            group, metrics = got
            break
    sent_len = s1 - s0
    q_start = _window_start(line.bounds, s0, c.ws) if sent_len > 150 else s0
    q_start = max(q_start, mt.start - _MAX_CONTEXT)
    q_end = group[-1].end
    # Extend the quote to the clause end so it reads as a sentence.
    if q_end < s1:
        k = bisect_left(line.bounds, q_end + 1)
        q_end = min(s1, line.bounds[k] - 1 if k < len(line.bounds) else s1, q_end + _MAX_CONTEXT)
    if sent_len <= 150:
        q_end = s1
        while q_end > s0 and text[q_end - 1] in "。；;！？":
            q_end -= 1
    kind = _kind(doc, text[max(s0, group[-1].end - _MAX_CONTEXT) : group[-1].end], c.role,
                 line.intro_end is not None and line.intro_end <= s0)
    # A prospect (达产后年产值40亿元) is a forecast with no past period: dated like a target.
    own_clause = last_clause(text[max(s0, mt.start - _MAX_CONTEXT) : mt.start])  # the figure's own clause
    prospect = kind == "forecast" and prospect_cue(text[max(s0, mt.start - _MAX_CONTEXT) : mt.start])
    # A plan total stated in a review (签约项目161个，计划总投资129.8亿元) is a target of the year reviewed.
    plan_total = kind == "target" and c.role == "review" and _PLAN_TOTAL.search(own_clause) is not None
    period = _period(doc, line.cues, mt.start, "target" if prospect else "actual" if plan_total else kind,
                     line.heading, c.role == "review", c.role in ("targets", "tasks"))
    if c.pending_from is not None:
        period = range_end(text, line.cues, mt.start, period)
    period = span_period(doc, text, line.start, s0, mt.start, period, "target" if prospect else kind, line.heading,
                         line.cues)
    stated_over = None
    if mt.kind == "level" and not prospect:
        # a level at the end of a five-year review or plan is the end year; a flow keeps the span (period.py)
        level_period = span_level(doc, text, s0, mt.start, period, kind, mt.unit, line.cues)
        if period and "-" in period and level_period != period:
            stated_over = period  # kept as period_span: the range 由A增加到B runs over it
        period = level_period
    sentence = text[max(s0, group[-1].end - _MAX_CONTEXT) : group[-1].end]
    if kind == "target" and period and doc.year and int(period.rsplit("-", 1)[-1]) < doc.year \
            and not restated(sentence) and not plan_total and not _PLAN_FIGURE.search(own_clause):
        kind = "actual"  # a report does not set targets for a year (or period) already past, unless it tells one again
    elif (kind == "actual" and period and "-" in period and doc.year and doc.kind == "work_report"
            and (int(period.split("-")[0]) >= doc.year
                 or (int(period.rsplit("-", 1)[1]) > doc.year and not status_cue(own_clause)
                     and (k := cue_index(line.cues, mt.start)) >= 0 and line.cues[k][0] >= s0))):
        # nor report outcomes of a plan period that starts this year or later, or runs on past it when its own
        # sentence names it (从1981年到本世纪末的二十年内…年均增长7% in 1983: a goal)
        kind = "target"
    elif (kind == "actual" and period and period.isdigit() and doc.year and doc.kind == "work_report"
            and int(period) >= doc.year and (c.role != "review" or future_cue(own_clause))
            and not status_cue(own_clause) and not KIND_CUES["counted"].search(sentence)):
        # outside a review (or in one, with 将/要: 今年…资金将达305亿元), a work report's own year is its
        # plan, unless a status (已, 截至), or the report was given as that year closed (sections.py)
        if int(period) > doc.year or not year_end_report(doc) or _YEAR_PLAN.search(sentence):
            kind = "target"  # (根据1980年计划…, 今年2月修订计划时…: the year's plan still)
        elif future_cue(own_clause):
            kind = "forecast"
    elif (kind == "target" and period == str(doc.year) and doc.kind == "work_report" and c.role != "targets"
          and future_cue(own_clause) and not _TARGET_CUE.search(sentence) and year_end_report(doc)):
        kind = "forecast"  # 糖料产量将比去年增长10% in a report given as its year closes: the year's estimate
    elif kind == "actual" and estimated_span(doc, text, line.start, mt.start, period):
        kind = "forecast"  # an average over years up to the report's own, estimated in the paragraph (period.py)
    # 其中: a child of the fact before (其中区级收入…; 其中农村…: the modifier takes the parent's metric).
    parent = line.parent
    is_child = "其中" in text[max(_window_start(line.bounds, s0, c.ws), mt.start - _MAX_CONTEXT) : mt.start] \
        or "其中" in c.raw_window
    if is_child and parent is not None and len(group) == 1 and _MODIFIER.fullmatch(metrics[0] or ""):
        metrics = [metrics[0] + (parent.data["metric"] or "")]
    elif is_child and parent is not None and len(group) == 1 and metrics[0] and _VERB_ONLY.match(metrics[0]):
        # "新建改建农村公路120公里，其中新建80公里": the verb counts the parent's noun
        metrics = [metrics[0] + _VERB_LEAD.sub("", parent.data["metric"] or "")]
    # A metric is a word: one character stands only as the thing counted right after its figure (65个县),
    # a one-character product the lexicon knows (钢, 煤), else it is a scrap of the clause (和, 即, 高).
    metrics = [m if len(m) != 1 or m in ONE_CHAR_METRICS or any(text.startswith(m, g.end) for g in group) else ""
               for m in metrics]
    starts = c.from_values if c.pending_from is not None and len(c.from_values) == len(group) > 1 else None
    for k, (g, metric) in enumerate(zip(group, metrics, strict=False)):
        if starts is not None:
            c.pending_from = starts[k]  # 从A和B分别提高到C和D: C started at A, D at B
        if g.qualifier is None and "力争" in c.raw_window:
            g.qualifier = "力争"  # the contract counts 力争 among qualifiers
        f = _fact(doc, g, metric, q_start, q_end, kind, period)
        if stated_over:
            f.data["period_span"] = stated_over
        if c.pending_from is not None:
            f.data["from_value"] = clean_number(c.pending_from)
            c.pending_from = None
        if c.pending_abs is not None:
            f.data["change_abs"], f.data["change_abs_unit"] = c.pending_abs
            c.pending_abs = None
        if is_child and parent is not None:
            f.data["_parent"] = parent  # resolved to an id by validate
        line.facts.append(f)
        if not is_child:
            line.parent = f
        c.prev_fact = f
    c.mention_end = group[-1].end
    c.prev_end = max(group[-1].end, c.noun_end)
    c.noun_end = 0
    c.i += len(group) if len(group) > 1 and group[0] is not group[-1] else 1
    return True


RULES: list[Row] = [
    Row("denominators, voltage grades and rank moves are no quantities", not_a_quantity, (
        ("全区早籼稻最低收购价每50公斤提高6元。", ({"value": 6, "unit": "元", "metric": "早籼稻最低收购价每50公斤提高"},)),
        ("建成3座220千伏变电站。", ({"value": 3, "unit": "座"},)),
        ("研发投入强度2.9%，在全省排名第6，比上年提升3名。", ({"value": 2.9, "metric": "研发投入强度"},)),
        ("外贸进出口总额居全国前5名，综合排名进入全省前10强。", ()),
        # the size of a list or ranking the subject joins or leaves (入选全国首批N个, 退出全国N个…后十位)
        ("东湖村入选全国首批30个乡村治理示范村。", ()),
        ("全区入围全省第二批12个现代农业产业园创建名单。", ()),
        ("全区首次退出全国150个重点城市空气质量排名后二十位。", ()),
        ("全区入选3个国家级示范项目。", ({"value": 3, "unit": "个"},)),
        # a bound before a noun naming units of a kind is a class (lexicon nonfact.tsv class_head)
        ("实现50户以上自然村全部通客车。", ()),
        # a figure describing a kind of place after 一个 (lexicon nonfact.tsv kind_by_size)
        ("在这样一个十亿人口的国家，市场供应改善很快。", ()),
        ("对年销售额达500万元以上的经营主体给予奖励。", ()),
        ("常住人口超过50万的城市，补贴标准为每月600元。", ({"metric": "补贴标准", "value": 600},)),)),
    Row("bare comparisons and counts of a plan's indicators are no quantities", no_quantity_clause, (
        ("规上工业增加值增长7.5%，高于全国1.6个百分点。", ({"metric": "规上工业增加值", "change": 7.5},)),
        ("全区居民人均可支配收入增长6.1%，快于全省0.4个百分点。", ({"metric": "居民人均可支配收入", "change": 6.1},)),
        ("全区生产总值年均增长5.5%，高于“十三五”时期0.8个百分点。", ({"metric": "生产总值", "change": 5.5},)),
        ("规划纲要围绕创新驱动，提出5项指标，其中研发经费投入年均增长9%以上。以上共计30项指标。",
         ({"metric": "研发经费投入", "change": 9},)),
        ("规划设置主要指标22个，全部完成。", ()),)),
    Row("a change restated with no name of its own", restated_figure, (
        ("全区生产总值年均增长6.5%。这一速度来之不易，全年年均增长6.5%，好于预期。",
         ({"metric": "生产总值", "change": 6.5},)),)),
    Row("a percentage as the size of a change after it", rate_of_change, (
        ("按不低于8%的幅度压减会议费支出。", ({"metric": "压减会议费支出", "change": -8, "qualifier": "不低于"},)),)),
    Row("absolute change before the level", abs_change_then_level, (
        ("全区新能源装机同比增加182万千瓦、达到905万千瓦。",
         ({"metric": "新能源装机", "value": 905, "change_abs": 182, "change_abs_unit": "万千瓦"},)),
        ("对下转移支付增加约15亿元、规模近98亿元，增长18%。",
         ({"metric": "对下转移支付", "value": 98, "change_abs": 15, "change": 18},)),)),
    Row("由A到B", from_to, (
        ("全区人均公园绿地面积由10.5平方米增加到12.3平方米。",
         ({"metric": "人均公园绿地面积", "value": 12.3, "unit": "平方米", "from_value": 10.5},)),
        ("企业开办时间从原先5个工作日压缩至1天。",
         ({"metric": "企业开办时间", "value": 1, "unit": "天", "from_value": 5},)),
        # a plan's end, or a bound, before the start (由“十二五”末的3.5万, 从不到50亿元)
        ("全区贫困人口由“十二五”末的3.5万减少到1.2万。",
         ({"metric": "贫困人口", "value": 1.2, "unit": "万", "from_value": 3.5},)),
        ("全区森林覆盖率由十三五期末的38%提高到42%。", ({"metric": "森林覆盖率", "value": 42, "from_value": 38},)),
        # a share after the measure: the share of that measure (占地区… is no 占地)
        ("全区研发经费从2015年的5亿元增加到2020年的11亿元，占地区生产总值的比重从0.6%提高到1.1%。",
         ({"metric": "研发经费", "value": 11}, {"metric": "研发经费占地区生产总值的比重", "value": 1.1, "from_value": 0.6})),
        ("全区生产总值从不到50亿元增加到超过80亿元。",
         ({"metric": "生产总值", "value": 80, "qualifier": "超过", "from_value": 50},)),
        # the arrival dated 去年/上年/今年 (降到去年的1.5%): the subject before 从 is still the metric
        ("全区森林覆盖率从2030年的41%提高到去年的45.2%。",
         ({"metric": "森林覆盖率", "value": 45.2, "from_value": 41},)),
        # a decade the start was in (由六十年代的, 从90年代初的), the start's bound and a comma before the to-verb
        ("目前全区专业农机手的比例，已由六十年代的20%左右，上升到65%以上。",
         ({"metric": "专业农机手的比例", "value": 65, "from_value": 20},)),
        ("全区自来水普及率从90年代初的40%提高到95%。",
         ({"metric": "自来水普及率", "value": 95, "from_value": 40},)),
        ("全区人均住房面积由八十年代末的8平方米多，增加到30平方米。",
         ({"metric": "人均住房面积", "value": 30, "from_value": 8},)),
        # a subject clause too long to be a name: its head after the last 的
        ("全区实现城乡供水一体化和农村污水集中处理的行政村覆盖率，由2015年的40%提高到90%。",
         ({"metric": "行政村覆盖率", "value": 90, "from_value": 40},)),
        # two starts and two ends (从A和B分别提高到C和D): the ends are the items of the measure (城乡 = 城镇, 农村)
        ("全区城乡居民人均可支配收入从2016年的30000元和12000元分别提高到42000元和19000元。",
         ({"metric": "城镇居民人均可支配收入", "value": 42000, "from_value": 30000},
          {"metric": "农村居民人均可支配收入", "value": 19000, "from_value": 12000})),
        # starts listed one after the other (从2018年的A、2019年的B，预计降低到C): the last one is the start
        ("全区财政赤字从2017年的12亿元、2018年的9亿元，进一步降低到去年的3亿元。",
         ({"metric": "财政赤字", "value": 3, "from_value": 9},)),)),
    Row("absolute change after a level", absolute_change, (
        ("全区财政总收入88.6亿元，同比增加6.2亿元。",
         ({"metric": "财政总收入", "value": 88.6, "change_abs": 6.2, "change_abs_unit": "亿元"},)),
        ("农业总产值增长8.5%，即增加12.4亿元。",
         ({"metric": "农业总产值", "value": None, "change": 8.5, "change_abs": 12.4},)),
        ("工业总产值增长一点二倍，即增加三百三十亿元。",
         ({"metric": "工业总产值", "value": None, "change": 1.2, "change_unit": "倍", "change_abs": 330},)),
        ("拟安排区级财政赤字3.2亿元，比上年预算减少0.4亿元。",
         ({"metric": "区级财政赤字", "value": 3.2, "change_abs": -0.4},)),
        ("城乡居民储蓄存款年末达到9850亿元，比上年末增加1120亿元。",
         ({"metric": "城乡居民储蓄存款年末", "value": 9850, "change_abs": 1120},)),
        # its 年均 rate is a fact of its own (the guide: the level at the end year, the rate over the span)
        ("城镇居民人均可支配收入完成41250元，比2015年增加12380元，年均递增7.6%。",
         ({"metric": "城镇居民人均可支配收入", "value": 41250, "change_abs": 12380, "change": None},
          {"metric": "城镇居民人均可支配收入", "value": None, "change": 7.6})),
        ("全区粮食产量达到52万吨，比上年增产3万吨。",
         ({"metric": "粮食产量", "value": 52, "change_abs": 3, "change_abs_unit": "万吨"},)),
        ("棉花产量18万吨，比上年减产2万吨。", ({"metric": "棉花产量", "value": 18, "change_abs": -2},)),
        ("全区空气优良天数比例达到81%、增加9天。",
         ({"metric": "空气优良天数比例", "value": 81, "change_abs": 9, "change_abs_unit": "天"},)),)),
    Row("a percentage after 即 restates the absolute change before", restated_rate, (
        ("全区粮食总产量达到52万吨，比上年增产3万吨，即6.1%。",
         ({"metric": "粮食总产量", "value": 52, "change_abs": 3, "change": 6.1, "change_unit": "%"},)),
        ("全区棉花产量18万吨，比上年减产2万吨，也就是百分之十。",
         ({"metric": "棉花产量", "value": 18, "change_abs": -2, "change": -10},)),
        ("全区财政总收入88.6亿元，同比增加6.2亿元，亦即7.5%。",
         ({"metric": "财政总收入", "value": 88.6, "change_abs": 6.2, "change": 7.5},)),)),
    Row("level reached after a change", change_then_level, (
        ("城镇化率提高1.2个百分点，达到68.4%。",
         ({"metric": "城镇化率", "change": 1.2, "change_unit": "百分点", "value": 68.4, "unit": "%"},)),
        # a bare level noun after a change: the level of what changed, one fact
        ("全区外贸进出口增长8.4%，总额突破800亿元、排全省第二。",
         ({"metric": "外贸进出口总额", "change": 8.4, "value": 800, "unit": "亿元", "qualifier": "突破"},)),
        ("全区生产总值年均增长4.8%，总量比2015年增加超700亿元。",
         ({"metric": "生产总值", "change": 4.8}, {"metric": "生产总值总量增加", "value": 700, "qualifier": "超"})),
        ("全区旅游总收入增长12%，总收入突破300亿元。", ({"metric": "旅游总收入", "change": 12, "value": 300},)),
        ("旅游收入增长15%，总收入达到98亿元。", ({"metric": "旅游收入", "change": 15, "value": 98},)),
        ("居民人均可支配收入增长5.4%，高于经济增速0.3个百分点。", ({"metric": "居民人均可支配收入", "change": 5.4},)),
        # 年末/年底 before a name says when it was read, no part of the name
        ("城乡居民储蓄存款稳步增加，年末存款余额达到392亿元。",
         ({"metric": "城乡居民储蓄存款余额", "value": 392},)),
        # a percentage in numerals over 100 (百分之一百二十七)
        ("全区高中在校学生人数增长百分之一百二十七，达到十二万人。",
         ({"metric": "高中在校学生人数", "change": 127, "value": 12, "unit": "万人"},)),
        # a change over a span, then the level in its last year: one row, that year
        ("五年间，全区进出口总额增长1倍，2020年达到165亿美元。",
         ({"metric": "进出口总额", "change": 1, "change_unit": "倍", "value": 165},)),
        ("区级税收收入增长3.2%，总量首次突破65亿元。",
         ({"metric": "区级税收收入", "change": 3.2, "value": 65, "qualifier": "突破"},)),)),
    Row("a change inside 在…的基础上 is an earlier change of the same measure", basis_change, (
        ("全区生产总值达到560亿元，在上年增长8.1%的基础上，比上年增长7.4%。",
         ({"metric": "生产总值", "value": 560, "change": 7.4}, {"metric": "生产总值", "value": None, "change": 8.1})),
        ("全区财政收入在前年增长12%的基础上又增长9.5%。",
         ({"metric": "财政收入", "change": 12}, {"metric": "财政收入", "change": 9.5})),
        # the sentence opening with it: the measure of the sentence just before; a streak of years is no name
        ("全区工业增加值增长7%。在连续三年增长10%以上的基础上，这样的速度是合适的。",
         ({"metric": "工业增加值", "change": 7}, {"metric": "工业增加值", "change": 10, "period": "2018-2020"})),
        ("全区财政收入增长6%。在连续两年增长12%的基础上，今年有所放缓。",
         ({"metric": "财政收入", "change": 6}, {"metric": "财政收入", "change": 12, "period": "2019-2020"})),)),
    Row("a figure in brackets for a scope of the measure before", bracket_variant, (
        ("全区工业总产值平均每年增长8%（包括乡镇企业为10%），农业总产值增长3%。",
         ({"metric": "工业总产值", "change": 8}, {"metric": "工业总产值（包括乡镇企业）", "change": 10, "value": None},
          {"metric": "农业总产值", "change": 3})),)),
    Row("level + change", level_then_change, (
        # a plan period as the base (较“十三五”) names nothing: the change is the level's before it
        ("全区一般公共预算收入累计超160亿元、较“十三五”增长16.3%。",
         ({"metric": "一般公共预算收入", "value": 160, "change": 16.3},)),
        # 高/低/快/慢 after a base (比去年预算, 比上年, 较全省) is the sign of the points, no name of its own
        ("全区赤字率按2.6%安排，比去年预算高0.4个百分点。",
         ({"metric": "赤字率", "value": 2.6, "change": 0.4, "change_unit": "百分点"},)),
        ("全区城镇调查失业率4.8%，比上年低0.3个百分点。",
         ({"metric": "城镇调查失业率", "value": 4.8, "change": -0.3},)),
        ("全区农村居民人均可支配收入增速较全省快1.2个百分点。",
         ({"metric": "农村居民人均可支配收入增速", "change": 1.2},)),
        # a span before the change (五年增长1.1倍, not an average): the change of the level before it
        ("全区外贸总额由二百亿元增加到四百一十亿元，五年增长1.1倍。",
         ({"metric": "外贸总额", "value": 410, "change": 1.1, "change_unit": "倍"},)),
        # alone, a change over the five years (tests/gold/README: a change from the span's start keeps the span)
        ("全区外贸总额五年增长1.1倍。", ({"metric": "外贸总额", "value": None, "change": 1.1, "period": "2016-2020"},)),
        # a base of the years before (比前五年, 比“十二五”时期) names no measure: the change of the total before
        ("五年来，全区财政用于科技的投入累计25亿元，比前五年增长一倍多。",
         ({"metric": "财政用于科技的投入", "value": 25, "change": 1, "change_unit": "倍", "period": "2016-2020"},)),
        # 都/均 before the change: every level of the sentence before it has it
        ("全区原煤产量达到三千二百多万吨，焦炭达到八百多万吨，都比上年增长6%。",
         ({"metric": "原煤产量", "value": 3200, "change": 6}, {"metric": "焦炭", "value": 800, "change": 6})),
        ("全区粮食产量52万吨，油料产量8万吨，比上年增长3%。",
         ({"metric": "粮食产量", "value": 52, "change": None}, {"metric": "油料产量", "value": 8, "change": 3})),
        ("全区地区生产总值512亿元，增长6.3%。", ({"metric": "地区生产总值", "value": 512, "change": 6.3},)),
        # 它/其 for the measure just named
        ("全区基本建设投资完成11亿元，它虽然比上年减少20%，但仍高于全省平均水平。",
         ({"metric": "基本建设投资", "value": 11, "change": -20},)),
        # a 年均 change after a level of one year: two facts (the level at the end year, the rate over the span);
        # after a span's total (五年累计), one
        ("全区地区生产总值512亿元，年均增长7%。",
         ({"metric": "地区生产总值", "value": 512, "change": None}, {"metric": "地区生产总值", "value": None, "change": 7})),
        ("全区财政性教育经费支出五年累计79亿元，年均增长8%。",
         ({"metric": "财政性教育经费支出", "value": 79, "change": 8, "period": "2016-2020"},)),
        ("全区地区生产总值由2015年的300亿元增加到2020年的512亿元，年均增长7%。",
         ({"metric": "地区生产总值", "value": 512, "from_value": 300, "change": 7},)),
        ("全区地区生产总值达到512亿元，按可比价格计算，比上年增长6.3%。",
         ({"metric": "地区生产总值", "value": 512, "change": 6.3},)),
        # the basis of the comparison (按可比口径, 同口径, 按不变价格计算) names no measure of its own
        ("全区税收收入完成23亿元,按可比口径增长8%;社会消费品零售总额完成61亿元,同比增长5%。",
         ({"metric": "税收收入", "value": 23, "change": 8}, {"metric": "社会消费品零售总额", "value": 61, "change": 5})),
        ("全区农业增加值34亿元，按不变价格计算增长3.9%。", ({"metric": "农业增加值", "value": 34, "change": 3.9},)),
        # a clause holding only what grows, then its change against a base (比上年): one fact, that subject
        ("工农业总产值，比上年增长5.5%，其中，农业总产值增长4%。",
         ({"metric": "工农业总产值", "change": 5.5}, {"metric": "农业总产值", "change": 4})),
        ("轻工业，总产值比上年增长8%。", ({"metric": "轻工业总产值", "change": 8},)),
        # a count read before its noun, then a change of what it counts: two facts
        ("东湖、西湖2个产业园工业总产值均实现翻番。",
         ({"value": 2, "unit": "个", "change": None}, {"metric": "产业园工业总产值", "change": 100, "value": None})),
        # not a change averaged over several years: two facts
        ("全区生产总值接近800亿元，五年平均每年增长7.2%。",
         ({"metric": "生产总值", "value": 800, "change": None}, {"metric": "生产总值", "value": None, "change": 7.2,
                                                    "period": "2016-2020"})),)),
    Row("分别 back to levels", spread_back, (
        ("城镇常住居民人均可支配收入52100元，农村常住居民人均可支配收入31200元，分别增长4.6%和6.1%。",
         ({"metric": "城镇常住居民人均可支配收入", "value": 52100, "change": 4.6},
          {"metric": "农村常住居民人均可支配收入", "value": 31200, "change": 6.1})),)),
    Row("figures as facts (metrics by METRIC_RULES, 其中 children)", emit, (
        ("一般公共预算收入41.2亿元，其中税收收入33.5亿元。",
         ({"metric": "一般公共预算收入", "value": 41.2}, {"metric": "税收收入", "value": 33.5, "parent": 0})),
        ("一般公共预算收入52亿元，其中税收收入40亿元，占比76.9%。",
         ({"metric": "一般公共预算收入"}, {"metric": "税收收入"}, {"metric": "税收收入占比", "value": 76.9})),
        ("新建改建农村公路120公里，其中新建80公里。",
         ({"metric": "新建改建农村公路", "value": 120}, {"metric": "新建农村公路", "value": 80})),)),
]


def run(c: Clause) -> None:
    """Apply the rules to the sentence's mentions until all are consumed."""
    c.prev_end = c.mention_end = c.s0
    while c.i < len(c.mentions):
        c.look()
        for row in RULES:
            if row.fn(c):
                break
