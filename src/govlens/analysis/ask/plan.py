"""A question read into a typed plan: the places, the measure, the years or a range, the kind of
figure, the operation and its constraints. No figure is looked up here; the store is asked only for
the names of the places it holds and a place's latest report year (今年/去年)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from typing import Any

from ...lexicon.metrics import metric_key, metric_table
from ...stages.numbers import cn_year, parse_number
from ...stages.regions import PLACE, PROVINCES, canonical
from ...store.api import StoreAPI
from . import words as W

_SUFFIX = re.compile(r"(?:维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市|区|县)$")


@dataclass
class Plan:
    op: str = "lookup"
    places: list[str] = field(default_factory=list)  # stored region names, in the order asked
    unknown_place: str | None = None  # a place the library does not hold: nothing else answers for it
    measure: str | None = None  # the words of the measure
    key: str | None = None  # its metric key, when the synonym table knows it
    alt_key: str | None = None  # an everyday word's measure, tried when the longer phrase finds nothing
    years: list[int] = field(default_factory=list)  # the years named, in order
    year_range: tuple[int, int] | None = None  # 2019年到2024年
    period: str | None = None  # a plan period (2021-2025)
    kind: str | None = None  # target | actual | forecast
    level: str | None = None  # province | city | district | county (哪个省)
    order: str = "high"  # rank/compare: the highest (or lowest) wins
    want_change: bool = False  # the question asks for a growth rate, not a level
    stated_target: dict[str, Any] | None = None  # 目标是7.5%，实际增长了多少
    term: str | None = None  # glossary term
    noun: str | None = None  # items/project: what is counted (实事, 项目)
    constraints: list[str] = field(default_factory=list)
    measures: list[tuple[str, str]] = field(default_factory=list)  # several measures joined by 和
    residue: str | None = None  # every word of the question that is not place, time or question word
    also: list[str] = field(default_factory=list)  # a second operation asked in the same question
    question: str | None = field(default=None, repr=False)  # as asked (for handlers' own cues)

    @property
    def year(self) -> int | None:
        return self.years[0] if len(self.years) == 1 else None

    @property
    def region(self) -> str | None:
        return self.places[0] if self.places else self.unknown_place

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, [], False) and k != "question"}

    def explain(self) -> str:
        d = self.to_dict()
        return "\n".join(f"{k}: {v}" for k, v in d.items())


def _bare(name: str) -> str:
    """江苏省 -> 江苏, 呼伦贝尔市海拉尔区 -> 海拉尔, 内蒙古自治区 -> 内蒙古."""
    tail = name.split("市")[-1] if "市" in name[:-1] else name
    return _SUFFIX.sub("", tail) or name


def places_in(store: StoreAPI, q: str) -> tuple[list[str], list[tuple[int, int]], str | None]:
    """Stored places named in ``q`` (full or bare names), in the order asked, with their spans; and
    the first place named that the store does not hold."""
    found: list[tuple[int, int, str]] = []
    for r in store.regions():
        for name in {r, _bare(r)}:
            if len(name) < 2:
                continue
            at = q.find(name)
            while at != -1:
                end = at + len(name)
                if name != r and q[end:end + 1] in ("省", "市", "区", "县", "旗") and r.endswith(q[end]):
                    end += 1  # 明澜|区: the bare name's own suffix belongs to the place
                found.append((at, end, r))
                at = q.find(name, at + 1)
    # a place that begins an organisation's name (上海抚佳精细化工有限公司) is not the place asked about
    found = [x for x in found if not W.ORG_NAME.match(q, x[1])]
    # longest first, then drop matches inside a longer one (江苏 inside 江苏省)
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept: list[tuple[int, int, str]] = []
    for s, e, r in found:
        if any(s >= ks and e <= ke for ks, ke, _ in kept):
            continue
        kept.append((s, e, r))
    places: list[str] = []
    spans: list[tuple[int, int]] = []
    for s, e, r in kept:
        if r not in places:
            places.append(r)
        spans.append((s, e))
    if W.NATION_Q.search(q) and "全国" not in places:
        m = W.NATION_Q.search(q)
        assert m is not None
        if not any(s <= m.start() < e for s, e in spans) and not places:
            places.append("全国")
            spans.append(m.span())
    unknown = None
    rest = q
    for s, e in spans:
        rest = rest[:s] + " " * (e - s) + rest[e:]
    starts = {s for s, _ in spans}
    for m in PLACE.finditer(rest):
        # a match may start with the word joining it to the last place (和满洲里市)
        name = next((n for i in range(3) if len(m.group()) - i >= 2 and (n := canonical(m.group()[i:]))), None)
        if name and name not in places and m.end() not in starts and not W.ORG_NAME.match(rest, m.end()):
            # (呼伦贝尔市|海拉尔区: a parent; 上海|…有限公司: a company's name)
            unknown = name
            break
    if unknown is None and not places and (m := W.LEADING_NAME.match(q)) is not None \
            and not W.NOT_A_PLACE.match(m.group("n")) and not re.search(r"多少|几|哪|什么|库|是否|有没有|收录", m.group("n")) \
            and not any(s < m.end("n") for s, _ in spans) and not _nation_or_measure(m.group("n")):
        unknown = m.group("n")  # 火星2025年…: a name the library holds no place for
    if unknown is None:  # a province named bare (浙江) that the library does not hold
        unknown = next((full for bare, full in PROVINCES.items() if bare in rest and full not in places
                        and not W.ORG_NAME.match(rest, rest.find(bare) + len(bare))), None)
    return places, spans, unknown


def _joined(q: str, spans: list[tuple[int, int]]) -> bool:
    """Two places named side by side (江苏和山东, 甲、乙, 甲与乙相比), or a question that compares."""
    spans = sorted(spans)
    between = [q[a[1]:b[0]] for a, b in pairwise(spans)]
    return any(W.PLACE_JOIN.fullmatch(x.strip()) for x in between) or bool(W.COMPARE_WORDS.search(q))


def _nation_or_measure(name: str) -> bool:
    """The words before the year name a measure (GDP2025年) or the nation, not a place."""
    return bool(W.NATION_Q.search(name) or metric_key(name) or any(s in name for s, _ in W.ASK_ALIASES))


def _measure(p: Plan, q: str, rest: str, stripped: str | None = None) -> None:
    named: list[tuple[int, str, str]] = []  # every measure the table knows in the question, by position
    for syn, key in metric_table(exact=False):  # longest synonym first; =经济 only through ASK_ALIASES
        at = q.find(syn)
        if at != -1 and not any(a <= at < a + len(n) or at <= a < at + len(syn) for a, n, _ in named):
            named.append((at, syn, key))
    # a known measure that only qualifies the one asked (占国内生产总值比重, 对经济增长的贡献率) is not it
    named = [x for x in named if not W.MODIFIER_OF.search(q[max(0, x[0] - 1):x[0]] + "|" + q[x[0] + len(x[1]):])]
    if named:
        named.sort()
        p.measure, p.key = named[0][1], named[0][2]
        between = [q[a + len(n):b] for (a, n, _), (b, _, _) in pairwise(named)]
        if len({k for *_, k in named}) > 1 and all(re.fullmatch(r"(?:增长|增速|增幅|涨幅|的)?[和与及、]", x) for x in between):
            p.measures = [(n, k) for _, n, k in named]  # 固定资产投资和社会消费品零售总额: each answered
        return
    bare = (stripped or q).strip()
    if (m := W.COUNTED_AFTER.search(bare) or W.COUNTED_BEFORE.search(bare)) is not None:
        noun = re.sub(r"[“”\"]", "", m.group("n"))
        if re.search(W.RECENT_SPAN, noun):  # 高速公路里程过去五年增加了, 这五年来农村公路里程增加了: the name, no span
            noun = next(x for x in [*re.split(W.RECENT_SPAN, noun), noun] if x)
            noun = re.sub(r"(?:增加|增长|提高|减少|下降)了?$", "", noun) or noun
        noun = re.sub(r"^(?:其中|的|了|共|一共|累计|全区|全市|全省|全年|当年|上半年)+", "", noun)
        if len(noun) >= 2 and noun not in W.STOP and not W.NOT_MEASURE.fullmatch(noun) and \
                not re.fullmatch(r"(?:个)?百分点|百分比|[万亿千百]*元|[万亿]*人次?|倍|成", noun):
            p.measure = noun  # 多少个实践站, 专精特新“小巨人”企业有几家
            return
    for syn, key in ([] if re.search(r"占.{1,20}(?:比重|比例)|占比|贡献率", q) else W.ASK_ALIASES):  # a share asked
        # An everyday word inside a longer measure (收入 in 旅游总收入) is not that measure.
        if syn in q and not (syn in rest and len(rest) > len(syn) + 1):
            p.measure, p.key = syn, key
            return
        if syn in q and p.alt_key is None and W.WHOSE.fullmatch(rest.replace(syn, "", 1)):
            p.alt_key = key  # 城乡居民收入: only words for whose, around the everyday word
    p.key = metric_key(re.sub(r"[？?。，]", "", q))
    if p.key is None and 2 <= len(rest) <= 30:
        p.measure = rest


def _stated_target(q: str) -> dict[str, Any] | None:
    m = W.STATED_TARGET.search(q)
    if not m or not m.group("v"):
        return None
    unit = (m.group("u") or "").replace("％", "%").replace("个百分点", "百分点") or None
    v = float(m.group("v"))
    growth = bool(re.search(r"增长|增速|增幅|提高|下降|涨幅", q[: m.end()])) and unit in ("%", "百分点", None)
    side: dict[str, Any] = {"qualifier": m.group("q1") or m.group("q2")}
    hi = float(m.group("v2")) if m.group("v2") else None
    if growth:
        side |= {"change": v, "change_max": hi, "change_unit": unit or "%", "value": None, "unit": None}
    else:
        side |= {"value": v, "value_max": hi, "unit": unit, "change": None, "change_unit": None}
    side["quote"] = m.group()
    side["figure_text"] = (m.group("verb") or "") + m.group("fig")  # taken out of the question: the measure stays
    side["verb"] = m.group("verb") is not None or m.group().startswith(("突破", "超过"))
    return side


def _term(q: str, op: str) -> str | None:
    """The term a question asks the meaning or the parts of, or None: a quoted term right before a
    definition cue (“三库”具体指哪些), the words after 什么是, or the words before a cue that never asks
    for a figure (指什么, 包括哪些); a bare 是什么 only when no year is named and no figure asked."""
    if op not in ("lookup", "glossary_list", "rank") or "多少" in q or re.search(r"(?<!哪)几", q):
        return None  # a figure is asked (多少, 几项)
    for m in W.QUOTED_TERM.finditer(q):
        # a short name may follow the quoted term (“四融一共”和美乡村指哪些, “五步工作法”是哪五步)
        after = re.match(rf"(?P<tail>[\u4e00-\u9fff]{{0,4}}?)(?:一词|这个词|这一说法|的说法|具体|这)*(?:{W.DEFINE_AFTER_QUOTED.pattern})",
                         q[m.end():])
        if after and not re.search(r"目标|增长|增速|多少|最|排名|规划|计划|时期|期间", after.group("tail")):
            return m.group(1).strip()
        if W.PARTS_OF_TERM.match(q[m.end():]):
            return m.group(1).strip()  # “三清”工程里的3类对象是哪些: the term's parts, read from its definition
    m = re.search(rf"{W.DEFINE_BEFORE.pattern}(?P<t>[^？?，。]+)", q) or W.DEFINE_SET.search(q)
    if m is None:
        m = re.search(rf"(?P<t>[^？?，。]+?)(?:{W.DEFINE_STRICT.pattern})", q)
        if m is None and (not W.YEAR_Q.search(q) or W.TERM_READ_IN.search(q)):
            # bare 是什么: no year named, or the term is said to be read in a report (报告中的一降三减是什么)
            m = re.search(rf"(?P<t>[^？?，。]+?)(?:{W.DEFINE_Q.pattern})", q)
            if m is not None and re.search(r"目标|增长|增速|多少|最|排名|排第|前[一二三四五六七八九十]", m.group("t")):
                m = None  # 报告中的经济增长目标是什么 asks a figure
    if m is None or re.search(r"目标|增长|增速|多少|最|排名|排第|前[一二三四五六七八九十]", m.group("t")):
        return None  # a ranking or a figure asked (…最高的是哪三个), not a term
    t = m.group("t").strip("“”\"《》 ")
    # the words saying where a term was read go (条例所称的); a source word that is the term's own end stays
    t = kept if (kept := W.TERM_SOURCE.sub("", t).strip("“”\"《》 ")) else t
    t = re.sub(r"^(?:中|里|的)+|(?:的含义|的意思|具体|一词)$", "", t).strip("“”\"《》 ")
    return t if 1 <= len(t) <= 30 else None


def split(store: StoreAPI, q: str) -> list[str]:
    """Several questions asked in one (SPLITS), each standing alone: the place and years of the first
    carried into the others. One question: ``[q]``."""
    q = q.strip()
    for name, rx, _ in W.SPLITS:
        m = rx.match(q)
        if m is None:
            continue
        if name == "list":
            items = re.split(r"、|和|及|与", m.group("list"))
            if len(items) < 2:
                continue
            return [m.group("pre") + x + m.group("post") for x in items]
        if name == "pair":
            if places_in(store, m.group("x"))[0] or places_in(store, m.group("y"))[0]:
                continue  # 北京和天津…分别: places compared, not two figures
            return [m.group("pre") + m.group(k) + "是多少" + m.group("post") for k in ("x", "y")]
        if name == "two" and (len(W.ASK_ONLY.sub("", m.group("b"))) < 2 or (
                re.search(r"总投资|计划投资|投资总额", m.group("b")) and re.search(r"项目|工程", m.group("a")))):
            continue  # 增长了多少 asks more of the first figure; 项目…总投资 is read whole (items + project)
        _places, spans, _ = places_in(store, m.group("a"))
        ctx = "".join(m.group("a")[s:e] for s, e in spans) + "".join(y.group() for y in W.YEAR_Q.finditer(m.group("a")))
        return [m.group("a") + "？", ctx + m.group("b")]
    return [q]


def read(store: StoreAPI, question: str) -> Plan:
    """The plan for ``question`` (never raises on odd input: an empty plan declines)."""
    q = question.strip().replace("％", "%")
    q = q.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    # 百分之九 / 百分之七点五 -> 9% / 7.5%: a figure in words is read like one in digits
    q = re.sub(r"百分之([零〇一二两三四五六七八九十百点]+)",
               lambda m: f"{v:.12g}%" if (v := parse_number(m.group())) is not None else m.group(), q)
    p = Plan(question=q)
    for op, rx, _example in W.OPERATION_CUES:
        if rx.search(q):
            p.op = op
            break
    if p.op == "trend" and W.WHICH_YEAR.search(q) and re.search(r"最|第[一二三四五]", q):
        p.op = "rank"  # 2019年以来哪一年…最多: the years ranked, over the range
    term = _term(q, p.op)
    if not term and p.op == "glossary_list":  # a list cue with no term: the next operation that reads the question
        p.op = next((op for op, rx, _ in W.OPERATION_CUES if op not in ("glossary_list", "glossary_count")
                     and rx.search(q)), "lookup")
    if term:
        p.op, p.term = ("glossary_list" if p.op == "glossary_list" else "glossary"), term
        quoted = any(m.group(1).strip() == term for m in W.QUOTED_TERM.finditer(q))  # a place inside it is its own
        p.places, spans, p.unknown_place = places_in(store, q.replace(term, " " * len(term)) if quoted else q)
        p.years = [y for y in (cn_year(m.group(1)) for m in W.YEAR_Q.finditer(q)) if y]
        for s, e in spans:  # an unquoted term read after a place or a year (江苏2026年的民生实事)
            term = term.replace(q[s:e], " ")
        chunks = W.YEAR_Q.sub(" ", term).split()
        if len(chunks) > 1 or (chunks and chunks[0] != term):  # 明澜|区的民生实事: the place's suffix goes too
            term = re.sub(r"^(?:省|市|区|县)?(?:的|中|里)*", "", chunks[-1])
        p.term = term or p.term
        return p
    places, spans, unknown = places_in(store, q)
    p.places, p.unknown_place = places, unknown
    stripped = q
    for s, e in sorted(spans, reverse=True):
        stripped = stripped[:s] + " " + stripped[e:]
    # years
    years = [y for y in (cn_year(m.group(1)) for m in W.YEAR_Q.finditer(q)) if y]
    latest = store.latest_report_year(places[0]) if places else None
    if (r := W.RANGE_Q.search(q)) is not None:
        a, b = cn_year(r.group(1)), cn_year(r.group(2))
        if a and b:
            if W.RANGE_CHANGE_Q.search(q[r.end():]) and p.op not in ("track",):
                p.op = "change"  # 从2013年到2016年增长了多少: the difference between the two years
                years = [min(a, b), max(a, b)]
            else:
                p.year_range = (min(a, b), max(a, b))
                if p.op == "track" and W.DONE_OVER_YEARS.search(q) and not W.TARGET_NAMED.search(q):
                    p.op, p.kind = "trend", "actual"  # 2013年到2016年…完成情况, no target named: what each year did
                elif p.op not in ("track",) and not (p.op == "rank" and W.WHICH_YEAR.search(q)):
                    p.op = "trend"  # (哪一年…最多 over a range stays a ranking of the years)
    elif (r := W.SINCE_Q.search(q)) is not None and (y := cn_year(r.group(1))) and not W.CUMULATIVE_Q.search(q):
        p.year_range = (y, max(y, (latest or y + 1) - 1))
        p.op = p.op if p.op == "track" or (p.op == "rank" and W.WHICH_YEAR.search(q)) else "trend"
    p.years = list(dict.fromkeys(years))
    if not p.years and not places and W.RELATIVE_YEAR.search(q):
        p.constraints.append("year unresolved")  # 今年 of which place? (declined)
    if not p.years and latest:
        if "今年" in q:
            p.years = [latest]
        elif "去年" in q or ("上年" in q and "比上年" not in q):
            p.years = [latest - 1]
        elif "明年" in q:
            p.years = [latest + 1]
    if (m := W.PLAN_Q.search(q)) is not None:
        start = W.PLAN_START[m.group(1) or m.group(2)]
        p.period = f"{start}-{start + 4}"
        each = W.EACH_YEAR.search(q)
        if each and len(places) > 1 and each.group() in ("分别", "各是", "依次"):
            each = None  # 甲和乙十四五期间…分别是多少: one figure for each place, not each year
        if each and not W.CUMULATIVE_Q.search(q) and not W.AVERAGE_Q.search(q) and p.op in ("lookup", "trend") \
                and not p.year_range:
            p.op, p.year_range, p.period = "trend", (start, start + 4), None  # 十三五期间每年: the plan's years
    if (m := W.RECENT_Q.search(q)) is not None and not p.period and not p.year_range and latest \
            and (W.AVERAGE_Q.search(q[m.end():]) or W.CUMULATIVE_Q.search(q[m.end():]) or W.SPAN_CHANGE_Q.search(q[m.end():])):
        n = int(m.group(1)) if m.group(1).isdigit() else W.CN_SMALL.get(m.group(1), 0)
        if n >= 2:  # 过去五年…年均增长 / 累计 / 增加了多少: the span the latest report reviews, one figure for it
            p.period = f"{latest - n}-{latest - 1}"
    if (m := W.RECENT_Q.search(q)) is not None and p.op == "trend" and not p.year_range:
        n = int(m.group(1)) if m.group(1).isdigit() else {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                                                          "八": 8, "九": 9, "十": 10}.get(m.group(1), 5)
        if latest:  # the latest report states the year before it: the last n years up to that one
            p.year_range = (latest - n, latest - 1)
    for kind, rx in W.KIND_CUES:  # first cue wins: 目标 before 比上年
        if rx.search(q):
            p.kind = kind
            break
    if (lv := W.LEVEL_Q.search(q)) is not None:
        p.level = W.LEVELS[next(g for g in lv.groups() if g)]
    p.order = "low" if W.ORDER_LOW.search(q) else "high"
    p.want_change = bool(W.CHANGE_WORDS.search(q)) and not (W.LEVEL_WORDS.search(q) and not W.RATE_WORDS.search(q)) \
        and not W.LEVEL_AND_RATE.search(q)
    p.stated_target = _stated_target(q)
    after = q[q.find(p.stated_target["quote"]) + len(p.stated_target["quote"]):] if p.stated_target else ""
    if p.stated_target and p.stated_target["verb"] and not W.OUTCOME_ASKED.search(after):
        p.stated_target = None  # 达到1万亿元的城市有哪些: a figure to have, not a target to check
    if p.stated_target and re.search(r"实际|最终|最后|结果|完成|实现|后来|到年底|年终", q[q.find(p.stated_target["quote"]):]):
        p.op = "track"
        p.kind = "actual"
    # the measure: what is left once place, time and question words are gone
    rest_src = stripped if not p.stated_target else stripped.replace(p.stated_target["figure_text"], " ")
    chunks = W.NOT_MEASURE.sub(" ", rest_src).split()
    rest = max(chunks, key=len, default="")
    p.residue = " ".join(chunks)
    _measure(p, q.replace(p.stated_target["figure_text"], "") if p.stated_target else q, rest, W.YEAR_Q.sub(" ", stripped))
    # operations that depend on what was found: a known and an unknown place joined by 和 is a comparison
    if p.unknown_place and p.places and re.search(r"和|与|及|、|还是|对比|相比", q) and p.op in ("lookup", "rank"):
        p.op = "compare"
    if p.op in ("lookup", "rank", "change") and len(p.places) >= 2 and not _joined(q, spans):
        # a second place inside a name (入选上海红色文化地图): the question is about the first place
        p.places = p.places[:1]
    if p.op in ("lookup", "rank", "change") and len(p.places) >= 2:
        p.op = "compare"
    elif p.op == "change" and len(p.years) < 2 and not p.year_range:
        p.op = "lookup"  # 比上年增长多少: the change stated with the year's figure
        p.want_change = True
    elif p.op == "rank" and p.places and re.search(r"哪一?年|哪个年份|哪些年", q):
        p.constraints.append("over years")  # 海拉尔区哪一年增长最快: the place's years ranked
    elif p.op == "rank" and len(p.places) == 1 and not p.level and W.part_family(q):
        p.constraints.append("over parts")  # 一二三产增加值哪个最高: the parts of the place's one figure ranked
    elif p.op == "rank" and (p.places and not p.level):
        p.op = "lookup"  # one named place and no level: a lookup
    if p.op == "lookup" and len(p.places) == 1 and W.RANK_OF_ONE.search(q):
        p.constraints.append("stated rank")  # 在全国排第几: the rank its report states, else its figure
    if p.op == "lookup" and len(p.years) == 2 and re.search(r"比|相比|较|快于|慢于|高于|低于", q):
        p.op = "change"  # 2025年增速比2024年快了多少: two years of one place compared
    elif p.op == "lookup" and len(p.years) >= 2 and len(p.places) <= 1:
        p.op = "trend"  # 2025年和2026年…分别是多少: one place, the years named
        p.year_range = (min(p.years), max(p.years))
        p.constraints.append("years named")
    if p.op in ("change", "trend") and p.kind == "actual" and not W.ACTUAL_SAID.search(q):
        p.kind = None  # the kind is read from what the years state (赤字率 is a plan every year)
    if W.COUNT_CHANGE_Q.search(q) and re.search(r"民生实事|实事|事项|项目|工程|一件事", q) and p.op in ("lookup", "change"):
        p.op = "items"  # 今年要办的民生实事比去年完成的多几件: two years' counts compared
    if p.op == "items" and re.search(r"总投资|计划投资|投资总额", q):
        p.also.append("project")
    if p.op in ("items", "project"):
        m = re.search(r"(民生实事|实事|重点项目|重大项目|项目|工程|事项|一件事|行动|任务)", q)
        p.noun = m.group(1) if m else None
    if (m := re.search(r"(?:前|哪)([二两三四五六七八九十\d]+)(?:名|位|个)?", q)) is not None and p.op == "rank":
        cn = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
        n = int(m.group(1)) if m.group(1).isdigit() else cn.get(m.group(1), 3)
        p.constraints.append(f"top {max(2, min(n, 10))}")
    if (m := W.NTH_Q.search(q)) is not None and p.op == "rank":
        g = m.group(1) or m.group(2)
        n = int(g) if g.isdigit() else W.CN_SMALL.get(g, 0)
        if m.group(2) and m.group()[-1] in "低少慢小":
            p.order = "low"  # 第二低
        if n >= 2:
            p.constraints.append(f"nth {n}")  # 排第二: the second place, not the top
    if re.search(r"全年", q):
        p.constraints.append("whole year")
    return p
