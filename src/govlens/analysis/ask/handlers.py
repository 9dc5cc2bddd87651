"""One handler per operation, in a table. Each reads stored facts through the store API and returns
an answer with its cited sentences, or None (the question is then declined with the nearest
sentences). A handler never states a figure its cited sentences do not hold; figures it counts or
computes (a difference, a number of entries) are listed in ``Answer.computed``."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from ...lexicon.words import RATE_NOUNS
from ...stages.numbers import convert
from ...store.api import StoreAPI
from ..compare import same_measure
from . import sentences as S
from . import words as W
from .answer import Answer, as_written, cite, figure, kind_word, num, when
from .choose import best, narrower, one_year, percent
from .plan import Plan

Handler = Callable[[StoreAPI, Plan, str], Answer | None]


# --- reading facts ---------------------------------------------------------------------------------

def _fetch(store: StoreAPI, p: Plan, key: str | None, measure: str | None, place: str | None,
           period: str | None, kind: str | None) -> list[dict[str, Any]]:
    if not key and not measure:
        return []
    metric = {"metric_key": key} if key else {"metric_like": measure}
    found = store.indicators(**metric, region_suffix=place or None, period=period or None, kind=kind or None,
                             order="reports")
    if key and measure and len(measure) >= 2 and (not found or not period):
        # 一般公共预算收入同口径, 中央财政赤字拟安排: a word that does not change it (over all years too: a series
        # takes each year's figure however its line ends)
        found += [f for f in store.indicators(metric_like=measure, region_suffix=place or None, period=period or None,
                                              kind=kind or None, order="reports")
                  if f.get("metric_key") is None and same_measure(f.get("metric"), key)]
    if period and "-" in period:
        # a level reached at a span's end is dated its last year, the span kept as period_span (ftime); a 年均
        # rate dated that year in the next year's review (年均增长5% in a 2026 report, dated 2025) is the span's
        end = period.rsplit("-", 1)[1]
        found += [f for f in store.indicators(**metric, region_suffix=place or None, period=end,
                                              kind=kind or None, order="reports")
                  if f.get("period_span") == period or _span_average(f, period)]
        if key and not found:
            found += _span_rates(store, key, place, period, kind)
    # a part (其中…) answers only when it is what was asked (其中…专精特新小巨人企业48家)
    out = [f for f in found if f.get("parent") is None or (measure and measure in (f.get("metric") or ""))]
    return [f for f in out if not narrower(f, p.measure) and not _share_of(f, measure)]


def _span_average(f: dict[str, Any], period: str) -> bool:
    """A 年均 rate dated a span's end year, in a report of that year or the next: the span's rate, re-dated."""
    end = int(period.rsplit("-", 1)[1])
    if f.get("annual_average") and f.get("change") is not None and f.get("value") is None \
            and (f.get("doc_year") or 0) in (end, end + 1):
        f["period"] = period
        return True
    return False


def _span_rates(store: StoreAPI, key: str, place: str | None, period: str, kind: str | None) -> list[dict[str, Any]]:
    """A span's 年均 rate whose fact bears an odd name (…跨越800亿元大关，年均增长6.1%) or none: kept when the
    nearest clause before the rate opening with a measure's name names the asked one (W.SPAN_RATE)."""
    from ...lexicon.metrics import metric_key

    out = []
    for f in store.indicators(region_suffix=place or None, period=period, kind=kind or None, order="reports"):
        if f.get("change") is None or f.get("change_unit") != "%" or f.get("metric_key"):
            continue
        rx = W.SPAN_RATE.replace("{v}", re.escape(num(f["change"])) + "[%％]")
        m = re.search(rx, f.get("quote") or "")
        if m is None:
            continue
        parts = re.split(r"[，、]", re.split(r"[。；]", (f.get("quote") or "")[:m.start()])[-1])
        name = None
        for clause in (W.SPAN_RATE_AREA.sub("", c) for c in parts[-2:][::-1]):
            named = next((clause[:n] for n in range(min(len(clause), 12), 1, -1) if metric_key(clause[:n])), None)
            if named:  # the nearest clause opening with a measure's name says whose rate it is
                name = named if metric_key(named) == key else None
                break
        if name:
            out.append(f | {"metric_key": key, "metric": name})
    return out


_SHARE = re.compile(r"比重|比例|占比")


def _share_of(f: dict[str, Any], measure: str | None) -> bool:
    """旅游增加值占地区生产总值比重 is no 地区生产总值: a share of the asked measure, not the measure."""
    metric = f.get("metric") or ""
    return bool(measure and measure in metric and not _SHARE.search(measure)
                and _SHARE.search(metric[metric.find(measure) + len(measure):]))


def facts_for(store: StoreAPI, p: Plan, place: str | None, period: str | None = None,
              kind: str | None = None) -> list[dict[str, Any]]:
    """The facts stating the plan's measure for a place and period, best answer first."""
    out = _fetch(store, p, p.key, p.measure, place, period, kind)
    if not out and not p.key and p.measure:
        short = re.sub(r"(?:规模|总量|总额|数量|情况|水平|金额|数)$", "", p.measure)
        if short != p.measure and len(short) >= 2:
            out = _fetch(store, p, None, short, place, period, kind)  # 专项债券规模 -> 专项债券
    if not out and p.alt_key:
        out = _fetch(store, p, p.alt_key, None, place, period, kind)  # 城乡居民收入 -> disposable_income
    if not out and not p.key and p.measure:
        # 一般公共预算赤字率 -> 赤字率: the shorter names ending the asked one, at word boundaries, of at
        # least three characters and not a generic word (人数, 规模 alone never answer)
        tails = S.tails(p.measure)
        if tails:  # one query for the shortest ending (every longer one holds it), then longest first
            pool = _fetch(store, p, None, tails[-1], place, period, kind)
            for tail in tails:
                out = [f for f in pool if tail in (f.get("metric") or "")]
                if out:
                    break
    for other in ([] if out or p.key else W.measure_variants(p.measure)):
        out = _fetch(store, p, None, other, place, period, kind)  # 接待游客人数 -> 旅游接待人数, 接待游客
        if out:
            break
    if period and period.isdigit():
        field = "change" if p.want_change else "value"
        out = [f for f in out if one_year(f, field) or (field == "change" and f.get("value") is not None
                                                          and one_year(f, "value"))]
    return best(out, _wording(p), p.want_change, kind)


def _wording(p: Plan) -> str | None:
    """The measure as the question words it: 属地地区生产总值 when the table knows 地区生产总值 (a fact
    named the same way is preferred to 在地地区生产总值); a place's leftover suffix (区地区…) aside."""
    if not p.measure or not p.residue:
        return p.measure
    for chunk in p.residue.split():
        at = chunk.find(p.measure)
        if 0 < at <= 4 and not re.match(r"[省市区县旗]", chunk):
            return chunk[: at + len(p.measure)]
    return p.measure


def _span(f: dict[str, Any]) -> str:
    """The span a level reached at its end was stated over (``period_span``: the fact is dated the end year,
    tests/gold/README "A figure stated for a span"), else the fact's period."""
    return f.get("period_span") or f.get("period") or ""


_END_LEVEL = r"(?:由|从)[^，。；]{0,24}(?:增加|提高|增长|扩大|上升|提升|跃升)(?:到|至)\s*"


def _end_level(store: StoreAPI, p: Plan, place: str | None, year: int) -> list[dict[str, Any]]:
    """由312.40亿元增加到486.75亿元 over 2031-2035: the level at the end of a range is that year's level
    (never a total or an average: only the figure written after 增加到/提高到)."""
    out = []
    for f in facts_for(store, p, place, None, p.kind):
        if not _span(f).endswith(f"-{year}") or f.get("value") is None or f.get("cumulative"):
            continue
        if re.search(_END_LEVEL + re.escape(num(f["value"])), f.get("quote") or ""):
            out.append(f | {"period": str(year), "change": None, "change_max": None, "change_unit": None,
                            "annual_average": None, "range_level": True})
    return out


# The level a range starts from (从874.6亿元增加到1112.4亿元 over 2021-2025 starts from 2020's level; 从2021年的
# 46503元提高到58794元 names its year; 由2110公里增至3055公里 too): ``{v}`` the end figure as written, ``{u}`` its unit.
_START_LEVEL = (r"(?:由|从)(?:(?P<y>\d{{4}})年(?:的|底的|末的)?)?(?P<v>\d+(?:\.\d+)?)\s*{u}[^，。；\d]{{0,6}}?"
                r"(?:增加|提高|增长|扩大|上升|提升|跃升|下降|减少|降低|回落|增|升|降)(?:到|至)\s*(?:\d{{4}}年(?:的|底的|末的)?)?{v}\s*{u}")


def _start_level(store: StoreAPI, p: Plan, place: str | None, year: int) -> list[dict[str, Any]]:
    """由312.40亿元增加到486.75亿元 over 2031-2035: the figure written before 增加到 is the level of the year
    before the range (2015), or of the year the sentence names for it (从2015年的420.51亿元)."""
    out = []
    for f in facts_for(store, p, place, None, p.kind):
        if f.get("value") is None or not f.get("unit") or f.get("cumulative"):
            continue
        rx = _START_LEVEL.format(v=re.escape(num(f["value"])), u=re.escape(f["unit"]))
        for m in re.finditer(rx, f.get("quote") or ""):
            named = int(m.group("y")) if m.group("y") else None
            if named == year or (named is None and _span(f).startswith(f"{year + 1}-")):
                out.append(f | {"value": float(m.group("v")), "value_max": None, "period": str(year), "change": None,
                                "change_max": None, "change_unit": None, "annual_average": None, "qualifier": None,
                                "range_level": True})
                break
    return out


_N = r"\d+(?:\.\d+)?"
# Two parts' levels over a range in one clause (城乡居民人均可支配收入从2030年的52100元和21400元分别提高到63800元和
# 27900元): ``{w}`` the word naming both parts (W.PAIRED), ``{u}`` the unit; the first figure of each pair is
# the first part's (城镇), the second the other's (农村).
_PAIRED_LEVELS = (rf"{{w}}[^，。；]{{{{0,16}}}}?(?:由|从)(?:(?P<y>\d{{{{4}}}})年(?:的|底的|末的)?)?(?P<a>{_N})(?:{{u}})?[和、与]"
                  rf"(?P<b>{_N}){{u}}分别[^，。；\d]{{{{0,4}}}}?(?:增加|提高|增长|上升|提升|下降|减少|降低)(?:到|至)\s*"
                  rf"(?:(?P<y2>\d{{{{4}}}})年(?:的|底的|末的)?)?(?P<c>{_N})(?:{{u}})?[和、与](?P<d>{_N}){{u}}")


def _paired_levels(store: StoreAPI, p: Plan, place: str | None, year: int) -> list[dict[str, Any]]:
    """The asked part's level (城镇…) read from a clause giving both parts' levels over a range."""
    for word, parts in W.PAIRED:
        idx = next((i for i, x in enumerate(parts) if x in (p.measure or "")), None)
        if idx is None:
            continue
        seen: set[tuple[Any, ...]] = set()
        for f in facts_for(store, p, place, None, p.kind):
            quote, period = f.get("quote") or "", _span(f)
            if not f.get("unit") or (f.get("doc"), quote) in seen:
                continue
            seen.add((f.get("doc"), quote))
            m = re.search(_PAIRED_LEVELS.format(w=re.escape(word), u=re.escape(f["unit"])), quote)
            if m is None:
                continue
            lo, _, hi = period.partition("-")
            start = int(m.group("y")) if m.group("y") else (int(lo) - 1 if lo.isdigit() and hi else None)
            end = int(m.group("y2")) if m.group("y2") else (int(hi) if hi.isdigit() else None)
            got = m.group("ab"[idx]) if year == start else m.group("cd"[idx]) if year == end else None
            if got is not None:
                return [f | {"value": float(got), "value_max": None, "period": str(year), "change": None,
                             "change_max": None, "change_unit": None, "annual_average": None, "qualifier": None,
                             "metric": p.measure, "range_level": True}]
    return []


def _range_levels(store: StoreAPI, p: Plan, place: str | None, year: int) -> list[dict[str, Any]]:
    """A year's level read from a range's sentence: a part's of two given together, else the level the
    range ends at, else the level it starts from."""
    return _paired_levels(store, p, place, year) or _end_level(store, p, place, year) or \
        _start_level(store, p, place, year)


def _pick(store: StoreAPI, p: Plan, place: str | None, year: int | None = None) -> dict[str, Any] | None:
    period = str(year) if year else (p.period or (str(p.year) if p.year else None))
    facts = facts_for(store, p, place, period, p.kind)
    if period and period.isdigit() and not p.want_change and place:
        if not any(f.get("value") is not None for f in facts):
            facts = _range_levels(store, p, place, int(period)) + facts
        elif any(f.get("period_span") for f in facts):
            # a level reached at a span's end, read from a clause giving two parts' ranges (从A和B分别提高到C和
            # D): the asked part's figure read from the clause comes first
            facts = _paired_levels(store, p, place, int(period)) + facts
    if not place and len({f.get("region") for f in facts}) > 1:
        # no place named: the nation's own figure when it states one (专项债券 2025年), else several places
        # state it and it is not ours to pick
        facts = [f for f in facts if f.get("region") == "全国"] if not W.REGIONAL_MEASURE.search(p.measure or "") else []
        if not facts:
            return None
    average = bool(W.AVERAGE_Q.search(q_of(p)))
    if average:  # 平均每年增长多少: 平均每年增长7.5%, not 五年内增长44%
        facts = sorted(facts, key=lambda f: not f.get("annual_average"))
    if p.want_change:
        with_change = [f for f in facts if f.get("change") is not None
                       and (one_year(f, "change") or (average and f.get("annual_average")))]
        facts = with_change or facts
    elif re.search(r"多少|是多少|规模|总量", q_of(p)):
        facts = [f for f in facts if f.get("value") is not None] or facts  # a level asked: one that states it
        # …比1952年粮食增加了612亿斤 read as 粮食增加 612亿斤 is a difference, no level: behind the levels
        facts = sorted(facts, key=lambda f: bool(W.DIFFERENCE_NAME.search(f.get("metric") or "")))
    if not facts:
        return None
    f = facts[0]
    if p.want_change and f.get("annual_average") and f.get("change") is not None and "-" in (period or ""):
        # a span's 年均 rate asked (十四五期间年均增速): the rate, not the level the clause also names
        return f | {"value": None, "value_max": None, "unit": None}
    if f.get("change") is not None and f.get("value") is not None and not one_year(f, "change"):
        f = f | {"change": None, "change_max": None, "change_unit": None}  # the year's level, not 年均增长
    return f


def q_of(p: Plan) -> str:
    return p.question or ""


def _line(f: dict[str, Any], field_: str | None = None) -> str:
    metric = re.sub(r"(?:预期目标|目标|拟)$", "", f.get("metric") or "") or f.get("metric")  # 赤字率拟 -> 赤字率
    return f"{f.get('region') or ''}{when(f)}{metric}{kind_word(f)}：{as_written(f, figure(f, field_), field_)}"


# --- handlers --------------------------------------------------------------------------------------

def lookup(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    if "stated rank" in p.constraints and (stated := stated_rank(store, p, q)) is not None:
        return stated  # 在全国排第几: the rank the place's report states
    if p.unknown_place and not p.places:
        return None
    place = p.places[0] if p.places else None
    if W.ORDINAL_Q.search(q):  # 第几次常委会会议: the number in the series, never a figure
        if (nth := S.ordinal(store, q, place)) is None:
            return None
        return Answer(answer=f"{nth['written']}（原文“{nth['said']}”）。",
                      citations=[{k: nth[k] for k in ("doc", "quote", "span")}])
    if W.MEMBERS_Q.search(q):  # 重点聚焦哪几个领域: the list a sentence names, never a figure
        if (named := S.members(store, q, place)) is None:
            return None
        return Answer(answer=f"{named['region'] or ''}：{'、'.join(named['members'])}（原文“{named['said']}”）。",
                      citations=[{k: named[k] for k in ("doc", "quote", "span")}])
    if W.EVENT_Q.search(q) and (event := S.event_date(store, q, place)) is not None:  # 是哪天正式开通的
        return Answer(answer=f"{event['date']}（原文“{event['said']}”）。",
                      citations=[{k: event[k] for k in ("doc", "quote", "span")}])
    if p.kind == "target" and p.year and p.measure:
        # the year's report says it sets no such target (没有提出全年经济增速具体目标): that is the answer
        words = [p.measure, *S.words_of(p.measure)]
        none = S.no_target(store, place or ("全国" if not p.places else None), p.year, words)
        if none is not None:
            return Answer(answer=f"{none['region'] or ''}{p.year}年没有设定这一目标（原文“{none['said']}”）。",
                          citations=[{k: none[k] for k in ("doc", "quote", "span")}])
    f = _pick(store, p, place)
    unit = S.asked_unit(q)
    if f is not None and unit and unit != "%" and not _in_unit(f, unit):
        f = None  # 多少家 asked and the figure is in 名: not the thing counted
    words_place: str | bool | None = False  # where a fact may be read by the question's words
    if f is None and (p.measure or p.residue) and (p.places or p.key is None):
        # a measure the synonym table does not know (减跑动, 压缩至…天), or one it knows that no fact of
        # the place names so: the fact whose sentence holds the question's words, in the unit asked,
        # for the year asked
        words_place = place
    elif f is None and not p.places and p.key and not W.REGIONAL_MEASURE.search(p.measure or ""):
        # no place named and the nation's sentence words the measure its own way (细颗粒物（PM2.5）平均浓度)
        words_place = "全国"
    if words_place is not False:
        f = S.fact_by_words(store, q, S.words_of(p.residue or p.measure or ""), words_place or None, p.year, p.kind)
        if f is not None and W.rival(q, f.get("metric") or ""):
            f = None  # 城镇调查失业率 asked is not answered by a 登记失业率 sentence (W.RIVAL_WORDS)
        if f is not None and p.measure and not _SHARE.search(p.measure) and _SHARE.search(f.get("metric") or "") \
                and f"占{p.measure}" in (f.get("quote") or ""):
            f = None  # …增加值占地区生产总值比重 read for 地区生产总值: a share of the measure, not the measure
        if f is not None and (pair := _pair(store, p, q, f, place)) is not None:
            return Answer(answer="；".join(_line(x) for x in pair) + "。", citations=[cite(x) for x in pair], table=pair)
        if f is not None and unit and unit in S.COUNT_UNITS and \
                (counted := _count_before(store, p, unit, place)) is not None and \
                counted["score"] > sum(len(w) for w in _count_words(p) if w in _own_clause(f)):
            f = None  # 有31个开通了英文版: a count whose clause holds more of the asked words than the fact's
        if f is not None:
            metric = f.get("metric") or ""
            own = _own_clause(f)  # read by the question's words, not by a known measure: its clause is shown
            said = f"（原文“{own}”）" if own and own != figure(f) else ""
            shown = figure(f) if said else as_written(f, figure(f))  # 29% (原文“百分之二十九”)
            return Answer(answer=f"{f.get('region') or ''}{metric}：{shown}{said}。", citations=[cite(f)], table=[f])
    if f is not None and unit == "大" and not _in_unit(f, unit):
        f = None  # 几大民生工程 asks how many kinds a name counts (十大民生工程), never a sum read by its words
    if f is None and unit and unit in S.COUNT_UNITS:
        # 几轮环境综合整治: a count in the unit asked written right before the question's words; 有几个 may
        # be answered by a count of kinds written with 大 (打造五大重点区域)
        hit = _count_before(store, p, unit, place)
        if hit is not None:
            unit = hit["unit"]
            each = "个" if unit == "大" else unit  # 五大 is five of a kind
            written = hit["written"] + unit + ("" if hit["written"].isdigit() else f"（{hit['count']}{each}）")
            return Answer(answer=f"{hit['region'] or ''}：{written}（原文“{hit['said']}”）。",
                          citations=[{k: hit[k] for k in ("doc", "quote", "span")}],
                          computed=[] if hit["written"].isdigit() else [str(hit["count"])])
    if f is None:
        # 公路客运总站投资多少: no figure of that name; a sentence stating an investment in it
        return project(store, p, q, fallback=False) if W.INVEST_Q.search(q) and p.op == "lookup" else None
    if p.want_change and p.year and f.get("change") is None and W.SINCE_LAST_YEAR.search(q) and \
            (stated := _stated_change(p, p.year - 1, [f])) is not None:
        return stated  # 比上年增加了多少, the sentence going 由上年729万人增加到732万人
    if W.RANGE_CHANGE_Q.search(q) and f.get("value") is None and "-" in (f.get("period") or "") and not W.AVERAGE_Q.search(q):
        # 从214亿元增长到近300亿元，年均增长6.8%: the span's yearly rate and its level reached are two facts
        # of one sentence (ftime); the range is read from the level's
        f = next((g for g in facts_for(store, p, place, None, p.kind) if g.get("doc") == f.get("doc")
                  and g.get("quote") == f.get("quote") and g.get("value") is not None
                  and g.get("period_span") == f.get("period")), f)
    if W.RANGE_CHANGE_Q.search(q) and len(p.years) < 2 and not W.SINCE_LAST_YEAR.search(q) and not W.AVERAGE_Q.search(q) and \
            not re.search(r"比(?!重|例|率)|较", q) and (was := S.stated_from_bare(f)) is not None:
        diff = round(abs(f["value"] - was["value"]), 4)
        gap = "个百分点" if was["unit"] in ("%", "％") else was["unit"]
        return Answer(answer=f"{_line(f)}；从{num(was['value'])}{was['unit']}{was['verb']}到{num(f['value'])}{was['unit']}，"
                             f"{was['verb']}{num(diff)}{gap}（原文“{was['text']}”）。",
                      citations=[cite(f)], table=[f], computed=[num(diff)], note="差值由句中所载两个数字计算得出。")
    pair = _pair(store, p, q, f, place)
    if pair is not None:  # 城乡居民收入: the urban and the rural figure
        return Answer(answer="；".join(_line(x) for x in pair) + "。", citations=[cite(x) for x in pair], table=pair)
    return Answer(answer=_line(f) + "。", citations=[cite(f)], table=[f])


def _count_words(p: Plan) -> list[str]:
    return [w for w in S.words_of(re.sub(r"(?:多少|几)[个大]?", " ", p.residue or "")) if not S.COUNT_VERBS.match(w)]


def _count_before(store: StoreAPI, p: Plan, unit: str, place: str | None) -> dict[str, Any] | None:
    """A count in the unit asked written right before the question's words (:func:`.sentences.count_before_words`);
    有几个 may be answered by a count of kinds written with 大 (打造五大重点区域)."""
    words = _count_words(p)
    hit = S.count_before_words(store, unit, words, place)
    if hit is None and unit == "个":
        hit = S.count_before_words(store, "大", words, place)
    return hit


def _pair(store: StoreAPI, p: Plan, q: str, f: dict[str, Any], place: str | None) -> list[dict[str, Any]] | None:
    """A question word naming two parts (城乡 = 城镇 and 农村: W.PAIRED): the fact found for one part and
    the same year's fact for the other, when the question did not name a part itself."""
    metric = f.get("metric") or ""
    for word, parts in W.PAIRED:
        if word not in q or any(x in q for x in parts):
            continue
        mine = next((x for x in parts if x in metric), None)
        if mine is None:
            continue
        other = next(x for x in parts if x != mine)
        tail = metric[-4:]  # the measure both parts share (…人均可支配收入)
        sib = next((g for g in store.indicators(metric_like=other, region_suffix=place or None, period=f.get("period"),
                                                kind=f.get("kind"), order="reports")
                    if tail in (g.get("metric") or "") and g.get("doc") == f.get("doc")), None)
        if sib is not None:
            return sorted([f, sib], key=lambda x: parts.index(next(y for y in parts if y in x["metric"])))
    return None


def _in_unit(f: dict[str, Any], unit: str) -> bool:
    """The fact states a figure in ``unit`` (or one convertible to it: 万人 for 人)."""
    for k, u in (("value", "unit"), ("change", "change_unit")):
        if f.get(k) is not None and ((f.get(u) or "").startswith(unit) or convert(f[k], f.get(u), unit) is not None):
            return True
    return False


def as_rate(f: dict[str, Any]) -> dict[str, Any]:
    """A rate named by its noun and held as a value (居民消费价格涨幅2%左右) as the change it states, so that it
    ranks beside the same rate written as a change (居民消费价格上涨2%左右): one fact, two forms (gold README)."""
    if f.get("change") is None and f.get("value") is not None and f.get("unit") in ("%", "百分点") \
            and any(n in (f.get("metric") or "") for n in RATE_NOUNS):
        return f | {"change": f["value"], "change_max": f.get("value_max"), "change_unit": f["unit"],
                    "value": None, "value_max": None, "unit": None}
    return f


def _comparable(rows: list[dict[str, Any]], by: str) -> tuple[list[dict[str, Any]], str | None]:
    """Rows with their figure in one unit (``in_unit``), the unit; rows in an unrelated unit left out."""
    unit_of = "unit" if by == "value" else "change_unit"
    units = Counter(r[unit_of] for r in rows if r.get(by) is not None)
    if not units:
        return [], None
    unit = units.most_common(1)[0][0]
    out = [r | {"in_unit": v, "rank_unit": unit} for r in rows
           if r.get(by) is not None and (v := convert(r[by], r[unit_of], unit)) is not None]
    return out, unit


def compare_places(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    if p.unknown_place:
        return None  # one of the places compared is not in the library: no comparison to make
    picked = [(place, _pick(store, p, place)) for place in p.places]
    if all(f is None for _, f in picked) and (m := W.COUNTED_NOUN.search(p.measure or "")) is not None:
        # 江苏和宁夏的民生实事各多少件: the count each place's report states
        counted = {r["region"]: r for r in _counts(store, Plan(**{**vars(p), "level": None}), m.group())}
        picked = [(place, counted.get(place)) for place in p.places]
    rows = [(as_rate(f) if p.want_change else f) | {"place": place} for place, f in picked if f is not None]
    if len(rows) < 2:
        return None
    missing = [place for place, f in picked if f is None]
    by = "change" if p.want_change and all(r.get("change") is not None for r in rows) else "value"
    if by == "value" and not all(r.get("value") is not None for r in rows):
        by = "change" if all(r.get("change") is not None for r in rows) else by
    a = Answer(citations=[cite(r) for r in rows], chart="bar")
    a.answer = "；".join(_line(r, by if by == "change" else None) for r in rows)
    ranked, _ = _comparable(rows, by)
    if len(ranked) >= 2:
        ranked.sort(key=lambda r: r["in_unit"], reverse=p.order != "low")
        top = ranked[0]
        if top["in_unit"] != ranked[1]["in_unit"]:
            a.answer += f"。{top['region']}{'较低' if p.order == 'low' else '较高'}"
        else:
            tied = [r["region"] for r in ranked if r["in_unit"] == top["in_unit"]]
            a.answer += "。数字相同" if len(tied) == len(ranked) else f"。{'、'.join(tied)}并列{'较低' if p.order == 'low' else '较高'}"
    if len(ranked) == 2 and re.search(r"(?:高|低|多|少|快|慢|差)(?:了|出)?多少|相差|差距", q):
        (r1, r2), unit = ranked, ranked[0]["rank_unit"]
        d = num(round(abs(r1["in_unit"] - r2["in_unit"]), 4))
        a.answer += f"，{'高' if p.order != 'low' else '低'}{d}{'个百分点' if by == 'change' and unit == '%' else unit or ''}"
        a.computed = [d]
    a.answer += "。"
    if missing:
        a.note = f"库中没有{'、'.join(missing)}的这一数字。"
    a.table = [_row(r, by) for r in rows]
    return a


def _row(f: dict[str, Any], by: str) -> dict[str, Any]:
    return {"region": f.get("region"), "period": f.get("period"), "metric": f.get("metric"), "kind": f.get("kind"),
            "value": f.get("value"), "unit": f.get("unit"), "change": f.get("change"),
            "change_unit": f.get("change_unit"), "qualifier": f.get("qualifier"), "figure": figure(f),
            "plot": f.get(by), "plot_unit": f.get("unit" if by == "value" else "change_unit"),
            "doc": f["doc"], "quote": f["quote"], "span": f["span"]}


def rank(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    if p.places and "over years" in p.constraints:
        return rank_years(store, p, q)
    if p.places and "over parts" in p.constraints:
        return rank_parts(store, p, q)
    if p.places and not p.level:
        return lookup(store, p, q)
    if not (p.key or p.measure) or (p.unknown_place and not p.places):
        return None  # places the library does not hold (甲和乙哪个高): a ranking of the others answers nothing
    from ..compare import compare

    rows = compare(store, p.measure or p.key or "", year=p.year, kind=p.kind, level=p.level)
    rows = [as_rate(r) if p.want_change else r for r in rows if r["value"] is not None or r["change"] is not None]
    if not rows and (m := W.COUNTED.search(p.measure or "")) is not None:
        rows = _counts(store, p, m.group(1))  # 民生实事件数最多: the count each place's report states
    if not rows:
        return None
    by = "change" if p.want_change or all(r["value"] is None for r in rows) else "value"
    ranked, _ = _comparable(rows, by)
    if not ranked:
        return None
    ranked.sort(key=lambda r: r["in_unit"], reverse=p.order != "low")
    if (m := W.FIGURE_STATED.search(q)) is not None:
        # 哪些省份的…目标是5%左右: the places whose figure is the one stated
        v, qual = float(m.group("v")), m.group("q") or None
        same = [r for r in ranked if r["in_unit"] == v and (qual is None or (r.get("qualifier") or None) == qual)]
        if not same:
            return None
        a = Answer(answer=f"{'、'.join(r['region'] for r in same)}：{as_written(same[0], figure(same[0]))}。", chart="bar",
                   note=f"比较范围：库中载有此项的{len(ranked)}个地区。")
        a.table = [r | {"figure": figure(r), "plot": r["in_unit"], "plot_unit": r["rank_unit"],
                        "span": r.get("span") or store.fact_span(r["doc"], r["quote"])} for r in same]
        a.citations = [{"doc": r["doc"], "quote": r["quote"], "span": r["span"]} for r in a.table if r["span"]]
        return a
    top = ranked[0]
    tops = "、".join(r["region"] for r in ranked if r["in_unit"] == top["in_unit"])  # ties named together
    a = Answer(answer=f"{tops}最{'低' if p.order == 'low' else '高'}：{as_written(top, figure(top))}。", chart="bar")
    nth = next((int(c[4:]) for c in p.constraints if c.startswith("nth ")), 0)
    if nth:  # 排第二: the place at that position (places tied with it named too)
        if nth > len(ranked):
            return None
        at = ranked[nth - 1]
        tied = [r["region"] for r in ranked if r["in_unit"] == at["in_unit"]]
        a.answer = (f"{'、'.join(tied)}排第{nth}（{'从低到高' if p.order == 'low' else '从高到低'}）："
                    f"{as_written(at, figure(at))}；第1为{top['region']}{figure(top)}。")
    n = next((int(c[4:]) for c in p.constraints if c.startswith("top ")), 0)
    if n:
        a.answer = f"{'最低' if p.order == 'low' else '最高'}的{n}个：" + "；".join(
            f"{i}. {r['region']} {figure(r)}" for i, r in enumerate(ranked[:n], 1)) + "。"
    a.note = f"比较范围：库中载有此项的{len(ranked)}个地区。"
    a.table = [r | {"figure": figure(r), "plot": r["in_unit"], "plot_unit": r["rank_unit"],
                    "span": r.get("span") or store.fact_span(r["doc"], r["quote"])} for r in ranked]
    a.citations = [{"doc": r["doc"], "quote": r["quote"], "span": r["span"]} for r in a.table[:5] if r["span"]]
    return a


def _counts(store: StoreAPI, p: Plan, noun: str) -> list[dict[str, Any]]:
    """One row per place of the level asked (or per place named): the count of ``noun`` its report of
    the year states."""
    rows = []
    seen: set[str] = set()
    docs = ([d for place in p.places for d in store.documents(order="latest", kind="work_report", region=place,
                                                               year=p.year)]
            if p.places else store.documents(order="latest", kind="work_report", level=p.level, year=p.year))
    for d in docs:
        if not d.get("region") or d["region"] in seen:
            continue
        doc = store.document(d["id"])
        hit = S.count_in_text(doc["text"], noun, p.kind) if doc else None
        if hit is None:
            continue
        seen.add(d["region"])
        rows.append({"region": d["region"], "level": d.get("level"), "period": str(p.year or d.get("year") or ""),
                     "metric": noun, "value": hit["count"], "unit": hit["unit"], "change": None,
                     "change_unit": None, "kind": hit["kind"], "qualifier": None, "doc": d["doc"],
                     "doc_id": d["id"], "quote": hit["quote"], "span": hit["span"]})
    return rows


def stated_rank(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """A place's rank as its report states it (固定资产投资增长6%，居全国第四), with the sentence cited."""
    rest = re.sub(r"(?:19|20)\d\d年?", " ", W.RANK_OF_ONE.sub(" ", q))
    words = [w for w in S.words_of(rest) if not any(w in x for x in p.places)
             and not re.fullmatch(r"全国|全省|全市|全区|排名|排第|第几|位居|[在居排的]\w?", w)]
    hit = S.stated_rank(store, words, p.places[0], p.year, q)
    if hit is None:
        return None
    when_ = f"{p.year}年" if p.year else ""
    name = p.measure if p.measure and "第" not in p.measure else "".join(words)
    return Answer(answer=f"{hit['region'] or p.places[0]}{when_}{name}居"
                         f"{hit['scope']}{hit['rank']}（原文“{hit['written']}”）。",
                  citations=[cite(hit)], note="名次为报告原文所述。")


def rank_parts(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """一二三产增加值哪个最高: the parts one sentence of the place gives a figure each, ranked."""
    found = lookup(store, p, q)
    if found is None or not found.citations:
        return None
    quote = found.citations[0]["quote"]
    for parts, compound, _example in W.PART_FAMILIES:
        if parts != W.part_family(q):
            continue
        each = S.parts_in(quote, parts, compound)
        if len(each) < 2:
            return None
        best = (min if p.order == "low" else max)(v for _n, _f, v in each)
        tops = [(n, f) for n, f, v in each if v == best]
        place = p.places[0] if p.places else ""
        year = f"{p.year}年" if p.year else ""
        a = Answer(answer=f"{place}{year}{'、'.join(n for n, _f in tops)}最{'低' if p.order == 'low' else '高'}：{tops[0][1]}"
                          f"（{'、'.join(n + f for n, f, _v in each)}）。", citations=found.citations[:1], chart="bar",
                   table=[{"region": f"{place}{n}", "part": n, "period": str(p.year or ""), "figure": f, "plot": v,
                           "plot_unit": "%" if "%" in f else None, "metric": p.measure or "", "quote": quote,
                           "doc": found.citations[0]["doc"], "span": found.citations[0]["span"]} for n, f, v in each])
        return a
    return None


def rank_years(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """哪一年…最快: the place's series over the years, ranked."""
    series = trend(store, Plan(**{**vars(p), "op": "trend", "kind": p.kind or "actual"}), q)
    if series is None:
        return None
    rows = [r for r in series.table if r.get("plot") is not None]
    if not rows:
        return None
    rows.sort(key=lambda r: r["plot"], reverse=p.order != "low")
    top = rows[0]
    f = next(c for c in series.citations if c["quote"] == top["quote"])
    series.answer = (f"{top['period']}年最{'低' if p.order == 'low' else '高'}：{top['figure']}。" + "（各年：" +
                     series.answer.rstrip("。") + "）")
    series.citations = [f] + [c for c in series.citations if c is not f]
    series.chart = "line"
    return series


_VERDICT = {"met": "已完成", "missed": "未完成", "unclear": "无法判断", "pending": "尚无次年报告"}


# A growth rate stated right after a level, past words that only say how it was counted (完成17亿元，按可比口径
# 增长13%; 达到52亿元，同口径增长6.5%): the level's own growth. ``{v}`` the level as written, ``{u}`` its unit.
_GROWTH_AFTER = (r"{v}\s*{u}[，,]?\s*(?:按|以)?(?:可比口径|同口径|可比价格|可比价)?(?:计算)?[，,]?(?:同比|比上年)?"
                 r"(?P<w>增长|下降)(?P<c>\d+(?:\.\d+)?)\s*(?:%|％)")


def _growth_after(f: dict[str, Any]) -> dict[str, Any]:
    m = re.search(_GROWTH_AFTER.format(v=re.escape(num(f["value"])), u=re.escape(f.get("unit") or "")), f.get("quote") or "")
    if m is None:
        return f
    c = float(m.group("c"))
    return f | {"change": -c if m.group("w") == "下降" else c, "change_unit": "%"}


def target_vs_outcome(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    from ..track import rule_for, track, verdict

    if not (p.key or p.measure):
        return None
    place = p.places[0] if p.places else None
    if p.stated_target and p.year:
        # the target is the question's; the outcome is the year's actual figure
        outcome = _pick(store, Plan(**{**vars(p), "kind": "actual", "want_change": p.stated_target["change"] is not None}),
                        place, p.year)
        if outcome is None:
            return None
        if p.stated_target["change"] is not None and outcome.get("change") is None and outcome.get("value") is not None:
            outcome = _growth_after(outcome)  # 完成17亿元，按可比口径增长13%: the growth the level's sentence goes on to
        v = verdict(p.stated_target, outcome, p.key)
        rule = rule_for(p.stated_target, p.key)
        field_ = "change" if p.stated_target["change"] is not None else "value"
        if outcome.get(field_) is None:  # a percent the outcome states as a level (涨幅控制在2.6%): as it is
            field_ = "value" if field_ == "change" else "change"
        a = Answer(answer=f"{outcome.get('region') or ''}{when(outcome)}{outcome.get('metric')}实际{as_written(outcome, figure(outcome, field_), field_)}"
                          f"（问题所给目标{figure(p.stated_target)}：{_VERDICT[v]}）。",
                   citations=[cite(outcome)], table=[outcome], note=f"判定规则：{rule}")
        a.computed = re.findall(r"\d+(?:\.\d+)?", p.stated_target["quote"])  # the question's own figures
        return a
    if p.unknown_place and not p.places:
        return None
    rows = [r for r in track(store, region=place, metric=None if p.key else p.measure, key=p.key, year=p.year)
            if (p.year is None or r["year"] == p.year) and (not p.key or r["metric_key"] == p.key)
            and (not place or (r["region"] or "").endswith(place))]
    if not place and len({r["region"] for r in rows}) > 1:
        # no place named: the nation's target, as a lookup reads it; several places' and none is the nation's:
        # not ours to pick one
        rows = [r for r in rows if r["region"] == "全国"] if not W.REGIONAL_MEASURE.search(p.measure or "") else []
    rows = [r for r in rows if r["verdict"] in ("met", "missed")] or rows
    if not rows:
        return None
    r = rows[-1]
    if r["verdict"] == "unclear" and r.get("target"):
        # track paired no outcome: the year's outcome as ask reads it (the measure's own figure for the
        # whole place and year), judged by the same rule
        t = r["target"]
        base = Plan(**{**vars(p), "kind": "actual", "want_change": t.get("change") is not None or percent(t) is not None})
        outcome = _pick(store, base, r["region"], r["year"])
        said = S.verdict_said(outcome) if outcome is not None and S.restated_target(outcome) else None
        if said is not None:
            # the next report restates the target and says whether it was met (没有实现年初确定的…降低4%左右)
            return Answer(answer=f"{r['region']}{r['year']}年{r['metric']}目标为{as_written(t, figure(t))}："
                                 f"{_VERDICT[said]}（原文“{S.verdict_words(outcome)}”）。",
                          citations=[cite(outcome)], table=[t, outcome], note="判定：次年报告的原话")
        if outcome is not None and S.restated_target(outcome):
            outcome = None  # a target read back in the next report is not its outcome
        if outcome is not None and (v := verdict(t, outcome, r.get("metric_key"))) in ("met", "missed"):
            r = r | {"actual": outcome, "verdict": v, "rule": rule_for(t, r.get("metric_key"))}
    if r["verdict"] not in ("met", "missed"):
        # no comparable outcome stated (or no next report): declined, with the target's sentence shown
        a = Answer(note=f"{r['region']}{r['year']}年{r['metric']}目标为{figure(r['target'])}；"
                        f"{'次年报告没有可比的完成数' if r['verdict'] == 'unclear' else '库中没有次年的报告'}，无法判断。")
        span = store.fact_span(r["target"]["doc"], r["target"]["quote"])
        if span is not None:
            a.citations = [{"doc": r["target"]["doc"], "quote": r["target"]["quote"], "span": span}]
        return a
    got = f"，实际{as_written(r['actual'], figure(r['actual']))}" if r["actual"] else ""
    a = Answer(answer=f"{r['region']}{r['year']}年{r['metric']}目标为{as_written(r['target'], figure(r['target']))}{got}：{_VERDICT[r['verdict']]}。",
               table=rows, note=f"判定规则：{r.get('rule', '')}")
    t_pct, a_pct = percent(r["target"]), percent(r["actual"]) if r["actual"] else None
    if re.search(r"比目标(?:高|低|多|少|快|慢)了?多少", q) and t_pct is not None and a_pct is not None:
        d = round(a_pct - t_pct, 4)  # 实际增速比目标高多少: the gap in percentage points
        a.answer = a.answer.rstrip("。") + f"，实际比目标{'高' if d >= 0 else '低'}{num(abs(d))}个百分点。"
        a.computed = [num(abs(d))]
    for side in (r["target"], r["actual"]):
        if side and (span := store.fact_span(side["doc"], side["quote"])) is not None:
            a.citations.append({"doc": side["doc"], "quote": side["quote"], "span": span})
    return a


def _plotted(f: dict[str, Any], field_: str) -> str | None:
    """The field a fact gives the series: the asked one, or for growth a rate the sentence states as its
    figure (预期目标为7%左右 is the growth target 增长7%左右 is; 涨幅控制在4%左右)."""
    if f.get(field_) is not None:
        return field_
    if field_ == "change" and f.get("change") is None and f.get("value") is not None and f.get("unit") == "%":
        return "value"
    return None


def _unit_of(f: dict[str, Any], field_: str) -> str | None:
    return f.get("unit" if _plotted(f, field_) == "value" else "change_unit")


def _series(store: StoreAPI, p: Plan, place: str, kind: str | None) -> tuple[list[dict[str, Any]], str]:
    """One figure a year (best first), of one kind of figure (growth if asked, or if no year states the
    level) and in one unit: the rows in year order and the field they plot."""
    facts = [f for f in facts_for(store, p, place, None, kind) if (f.get("period") or "").isdigit()]
    for other in ([] if p.key else W.measure_variants(p.measure)):  # a year's report wording it another way
        held = {f["period"] for f in facts}
        facts += [f for f in facts_for(store, Plan(**{**vars(p), "measure": other}), place, None, kind)
                  if (f.get("period") or "").isdigit() and f["period"] not in held]
    lo, hi = p.year_range or (None, None)
    if lo is None and p.period and re.fullmatch(r"\d{4}-\d{4}", p.period):
        # 十四五期间怎么变化: the span's years and the level it started from (由2110公里增至3055公里 over
        # 2021-2025 starts from 2020's level)
        lo, hi = int(p.period[:4]) - 1, int(p.period[5:])
    if lo is not None and not p.want_change and hi - lo <= 30:
        held = {f["period"] for f in facts if f.get("value") is not None}
        spanned = {f["period"] for f in facts if f.get("period_span")}
        for y in (lo, hi):  # a range's ends read from a sentence over it (从874.6亿元增加到1112.4亿元)
            if str(y) not in held:
                facts += _range_levels(store, p, place, y)
            elif str(y) in spanned:  # a level reached at a span's end: a part's figure read from its clause first
                facts = _paired_levels(store, p, place, y) + facts
    if "years named" in p.constraints:
        facts = [f for f in facts if int(f["period"]) in p.years]
    if lo is not None:
        facts = [f for f in facts if lo <= int(f["period"]) <= hi]
    field_ = "change" if p.want_change else "value"
    chosen = [f for f in facts if _plotted(f, field_) and (f.get("range_level") or one_year(f, _plotted(f, field_) or field_))]
    if not chosen and field_ == "value":
        field_ = "change"
        chosen = [f for f in facts if f.get("change") is not None and one_year(f, "change")]
    # one series, one unit: 增长1倍 does not sit among 增长7.5%, 4% (of GDP) not among 33.5万亿元. The unit
    # that covers the most years is the series' unit, and each year's best figure in that unit is read.
    # A year whose sentences state the asked field reads only those (a share 占GDP的4% is no growth rate).
    stated = {f["period"] for f in chosen if f.get(field_) is not None}
    chosen = [f for f in chosen if f.get(field_) is not None or f["period"] not in stated]
    years_in = Counter(unit for _period, unit in {(f["period"], _unit_of(f, field_)) for f in chosen})
    if len(years_in) > 1:
        first = {u: next(i for i, f in enumerate(chosen) if _unit_of(f, field_) == u) for u in years_in}
        unit = max(years_in, key=lambda u: (years_in[u], -first[u]))
        chosen = [f for f in chosen if _unit_of(f, field_) == unit
                  or convert(f[_plotted(f, field_)], _unit_of(f, field_), unit) is not None]
    by_period: dict[str, dict[str, Any]] = {}
    for f in chosen:  # best first already
        by_period.setdefault(f["period"], f)
    rows = [by_period[k] for k in sorted(by_period)]
    return rows, field_


def trend(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """A measure over a year range (or the years named): one kind of figure for the whole series.
    When the question says neither target nor outcome, the kind that covers more of the years is
    read (赤字率 is stated as a plan every year, 地区生产总值 as an outcome); a tie reads outcomes."""
    if not (p.key or p.measure):
        return None
    if p.unknown_place and not p.places:
        return None
    place = p.places[0] if p.places else None
    if place is None:
        if p.unknown_place or W.REGIONAL_MEASURE.search(p.measure or ""):
            return None
        place = "全国"  # no place named: the nation's own series (as one year's figure reads it), else declined
    if p.kind or "years named" in p.constraints:
        rows, field_ = _series(store, p, place, p.kind)
    else:
        (rows, field_), (target_rows, target_field) = _series(store, p, place, "actual"), \
            _series(store, p, place, "target")
        if len(target_rows) > len(rows) and len(rows) < max(2, len(target_rows) / 2):
            rows, field_ = target_rows, target_field  # outcomes for too few of the years: the plans
    if not rows:
        return _trend_of_parts(store, p, q)
    years = {r["period"] for r in rows}
    show_kind = "years named" in p.constraints or len({r.get("kind") for r in rows}) > 1
    shown = None if field_ == "value" and W.LEVEL_AND_RATE.search(q) else field_  # 总量和增速: both figures
    def own(f: dict[str, Any]) -> str | None:  # a growth rate stated as the sentence's figure (目标为7%左右)
        return shown if shown is None or f.get(shown) is not None else _plotted(f, shown)

    a = Answer(answer="；".join(f"{f['period']}年{kind_word(f) if show_kind else ''}{as_written(f, figure(f, own(f)), own(f))}"
                              for f in rows) + "。",
               chart="line")
    a.citations = [cite(f) for f in rows]
    a.table = [_row(f, _plotted(f, field_) or field_) for f in rows]
    unit_of = "unit" if field_ == "value" else "change_unit"
    if "years named" in p.constraints and len(rows) == 2 and (W.COMPARE_WORDS.search(q) or re.search(r"哪年|哪一年", q)):
        v1, v2 = (r.get(_plotted(r, field_) or field_) for r in rows)  # 2024年和2025年…哪个高: the two years compared
        if v1 is not None and v2 is not None and rows[0].get(unit_of) == rows[1].get(unit_of):
            a.answer = a.answer.rstrip("。") + ("。两年数字相同。" if v1 == v2 else
                                               f"。{rows[0 if v1 > v2 else 1]['period']}年较高。")
    if (rk := W.RANK_IN_SERIES.search(q)) is not None and len(rows) >= 2 and len({r.get(unit_of) for r in rows}) == 1:
        year, low = rk.group(1) or rk.group(3), (rk.group("o") or rk.group("o2") or "") in ("低", "少", "小")
        vals = {r["period"]: r.get(_plotted(r, field_) or field_) for r in rows}
        if vals.get(year) is not None and None not in vals.values():
            k = 1 + sum(1 for v in vals.values() if (v < vals[year] if low else v > vals[year]))
            a.answer = a.answer.rstrip("。") + f"。{year}年在这{len(vals)}年中排第{k}{'低' if low else '高'}（第{W.CN_ORD[k] if k < len(W.CN_ORD) else k}）。"
            a.computed = [str(k)]
    lo, hi = p.year_range or (None, None)
    notes = ["各年均为当年报告提出的目标。"] if not p.kind and not show_kind and rows[0].get("kind") == "target" else []
    if lo is not None:
        gaps = [y for y in range(lo, hi + 1) if str(y) not in years]
        if gaps:
            notes.append(f"库中没有{'、'.join(map(str, gaps))}年的这一数字。")
    a.note = "".join(notes) or None
    return a


def _trend_of_parts(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """A measure named by a word for two parts (城乡居民人均可支配收入) that no series states whole: each
    part's series (城镇…, 农村…), both or none."""
    from dataclasses import replace

    from ...lexicon.metrics import metric_key

    for word, parts in W.PAIRED:
        if word not in (p.measure or "") or any(x in q for x in parts):
            continue
        subs = [replace(p, measure=(m := (p.measure or "").replace(word, x)), key=metric_key(m), alt_key=None)
                for x in parts]
        got = [trend(store, sp, q) for sp in subs]
        if all(a and a.answer for a in got):
            out = Answer(answer="；".join(f"{sp.measure}：{a.answer.rstrip('。')}" for sp, a in zip(subs, got, strict=True)
                                         if a) + "。", chart="line")
            for a in got:
                if a:
                    out.citations += [c for c in a.citations if c not in out.citations]
                    out.table += a.table
            return out
    return None


def change(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """The difference between two years' figures of one kind (outcomes, or targets when the question
    says so or when only targets are stated for both years, as 赤字率 is). When the earlier year has no
    figure, the later year's sentence may state the difference itself (比上年提高1个百分点, 快于2024年
    1.8个百分点)."""
    if not (p.key or p.measure) or len(p.years) < 2:
        return lookup(store, p, q)
    place = p.places[0] if p.places else None
    y1, y2 = sorted(p.years[:2])
    rate = bool(W.RATE_WORDS.search(q))
    if y2 - y1 > 1 and (stated := _stated_since(store, p, place, y1, y2)) is not None:
        return stated
    kinds = [p.kind] if p.kind else ["actual", "target"]
    picked = []
    for kind in kinds:
        base = Plan(**{**vars(p), "want_change": rate, "kind": kind})
        picked.append((_pick(store, base, place, y1), _pick(store, base, place, y2)))
    both = next(((f1, f2) for f1, f2 in picked if f1 is not None and f2 is not None), None)
    if (both is not None and kinds[0] == "actual" and both != picked[0] and not rate and picked[0][1] is not None
            and S.stated_from(picked[0][1], y1) is not None):
        # the later year's outcome sentence states both years (由1957年的535万吨增长到1108万吨): it beats two
        # plan targets (a plan's level for its last year is dated that year)
        return _stated_change(p, y1, [picked[0][1]])
    if both is None:
        return _stated_change(p, y1, [f2 for _f1, f2 in picked if f2 is not None])
    f1, f2 = both
    if not rate and S.stated_from(f2, y1) is not None:
        return _stated_change(p, y1, [f2])  # one sentence states both years (从2031年的5.2万亿元增加到…)
    if not rate and None not in (f1.get("value"), f2.get("value")) and \
            convert(f1["value"], f1.get("unit"), f2.get("unit")) is None:
        # two figures in two units (a 4% share against 56.9万亿元): the earlier year's figure in the later's unit
        same_unit = [f for f in facts_for(store, Plan(**{**vars(p), "kind": f1.get("kind")}), place, str(y1), f1.get("kind"))
                     if f.get("value") is not None and convert(f["value"], f.get("unit"), f2.get("unit")) is not None
                     and one_year(f, "value")]
        f1 = same_unit[0] if same_unit else f1
    if not rate and (f1.get("value") is None or f2.get("value") is None):
        rate = percent(f1) is not None and percent(f2) is not None  # a percent measure (CPI 上涨2%)
    if rate and (percent(f1) is None or percent(f2) is None):
        return _stated_change(p, y1, [f2])
    field_ = "change" if rate else "value"

    def shown(f: dict[str, Any]) -> str | None:  # a percent stated as a level (涨幅3%左右) is shown as it is
        return field_ if f.get(field_) is not None else None

    # consecutive years: the later sentence's own growth over the year before is shown too
    f2_field = None if y2 == y1 + 1 and not rate and one_year(f2, "change") else shown(f2)
    a = Answer(answer=f"{_line(f1, shown(f1))}；{_line(f2, f2_field)}。", citations=[cite(f1), cite(f2)],
               table=[_row(f1, field_ if f1.get(field_) is not None else "value"),
                      _row(f2, field_ if f2.get(field_) is not None else "value")], chart="bar")
    if rate:
        v1, v2, unit = percent(f1), percent(f2), "个百分点"
    else:
        v1, v2, unit = convert(f1["value"], f1.get("unit"), f2.get("unit")), f2["value"], f2.get("unit") or ""
        if unit == "%":  # a rate written as a level (失业率5.2%): the difference is in percentage points
            rate, unit = True, "个百分点"
    if v1 is None or v2 is None:
        return a
    d = round(v2 - v1, 4)
    diff = num(abs(d))
    word = ("提高" if d >= 0 else "降低") if rate else ("增加" if d >= 0 else "减少")
    if d == 0:  # the same figure both years (a qualifier may differ: 1200万人左右 -> 1200万人以上)
        a.answer = a.answer.rstrip("。") + f"；{y2}年与{y1}年数字相同。"
        return a
    a.answer = a.answer.rstrip("。") + f"；{y2}年比{y1}年{word}{diff}{unit}"
    a.computed = [diff]
    stated = S.stated_difference(f2, y1) if y2 == y1 + 1 else None
    if stated and not rate and stated["unit"] not in (unit, "%"):
        a.answer += f"（原文“{stated['text']}”）"  # 0.5万亿元 computed, 比上年增加5000亿元 stated
    if v1 and not rate:
        pct = num(round(abs(d) / v1 * 100, 1))
        a.answer += f"（{'增长' if d >= 0 else '下降'}{pct}%）"
        a.computed.append(pct)
    a.answer += "。"
    a.note = "差值由句中所载两年数字计算得出。" if cite(f1) == cite(f2) else "差值由两句所载数字计算得出。"
    return a


def _growth_since(f: dict[str, Any], y1: int, sentence: str | None = None) -> Answer | None:
    """The later year's growth its sentence states over ``y1`` itself (比一九八五年增长百分之二十七点三,
    同一九八七年相比…增长百分之四十二; :func:`.sentences.growth_since`), with the level it reached;
    ``sentence``: the whole sentence the fact's clause is in, whose opening may name the base year for
    every clause (1986年同1978年相比，…，国家财政收入由…增加到…，增长98%)."""
    g = S.growth_since(f, y1) or (S.growth_since(f | {"quote": sentence}, y1) if sentence else None)
    if g is None:
        return None
    level = f"，达到{num(f['value'])}{f.get('unit') or ''}" if f.get("value") is not None else ""
    return Answer(answer=f"{f.get('region') or ''}{f['period']}年{f.get('metric')}比{y1}年{g['word']}{num(g['value'])}%"
                         f"{level}（原文“{g['text']}”）。", citations=[cite(f)], table=[f])


def _stated_since(store: StoreAPI, p: Plan, place: str | None, y1: int, y2: int) -> Answer | None:
    """A later-year sentence that states its own growth over ``y1`` answers before any computed difference
    (比1995年增长69% is the document's figure; 4743 against 2800多 would give 69.4%)."""
    plan = Plan(**{**vars(p), "want_change": True, "kind": None})
    for f in facts_for(store, plan, place, str(y2), None)[:12]:
        text = store.document_text(f["doc"]) or "" if f.get("span") else ""
        whole = text[max(text.rfind(c, 0, f["span"][0]) for c in "。！？\n") + 1:f["span"][1]] if text else None
        if (grown := _growth_since(f, y1, whole if whole and (f.get("quote") or "") in whole else None)) is not None:
            return grown
    return None


_ABS_SINCE = r"(?:比|较|同)(?:{y}年|{last})(?:同期)?(?:相比|比较)?[，,]?(?P<w>增加|增长|增收|增产|多|减少|下降|减产|少)了?"


def _stated_absolute(f: dict[str, Any], y1: int) -> Answer | None:
    """The amount the fact's sentence says it grew by over ``y1`` (比1955年增加了二十七亿四千万元, read by the
    extractor as ``change_abs``), shown in the fact's own unit when one converts (27.4亿元)."""
    if f.get("change_abs") is None or not (f.get("period") or "").isdigit():
        return None
    last = "上年|去年|上一年" if int(f["period"]) == y1 + 1 else "(?!)"
    years = S._years_rx(y1)
    m = re.search(_ABS_SINCE.format(y=f"(?:{years})", last=last), f.get("quote") or "")
    if m is None:
        return None
    v, unit = abs(f["change_abs"]), f.get("change_abs_unit") or ""
    if f.get("unit") and (c := convert(v, unit, f["unit"])) is not None:
        v, unit = round(c, 6), f["unit"]
    said = re.split(r"[，,。；;]", (f.get("quote") or "")[m.start():])[0][:30]
    return Answer(answer=f"{_line(f, 'value')}；比{y1}年{m.group('w')}{num(v)}{unit}（原文“{said}”）。",
                  citations=[cite(f)], table=[f], computed=[num(v)])


def _stated_change(p: Plan, y1: int, later: list[dict[str, Any]]) -> Answer | None:
    """The later year's figure whose sentence states its difference from ``y1`` (or from 上年 when
    the years are consecutive)."""
    for f2 in later:
        if (grown := _growth_since(f2, y1)) is not None:
            return grown
        if (absolute := _stated_absolute(f2, y1)) is not None:
            return absolute
        d = S.stated_difference(f2, y1)
        if d is None and (was := S.stated_from(f2, y1)) is not None:
            diff = round(f2["value"] - was["value"], 4)
            word = "增加" if diff >= 0 else "减少"
            return Answer(answer=f"{y1}年{num(was['value'])}{was['unit']}；{_line(f2, 'value')}；{f2['period']}年比{y1}年"
                                 f"{word}{num(abs(diff))}{was['unit']}（原文“{was['text']}”）。",
                          citations=[cite(f2)], table=[f2], computed=[num(abs(diff))],
                          note="差值由句中所载两年数字计算得出。")
        if d is None:
            continue
        y2 = int(f2["period"]) if (f2.get("period") or "").isdigit() else None
        if y2 != y1 + 1 and str(y1) not in d["text"]:
            continue  # 比上年 is the year before the later one only
        verb = {"快于": "加快", "慢于": "放缓", "高于": "高", "低于": "低"}.get(d["verb"], d["verb"])
        return Answer(answer=f"{_line(f2)}；比{y1}年{verb}{num(d['value'])}{d['unit']}（{y2}年的句子所述）。",
                      citations=[cite(f2)], table=[f2])
    return None


def _entries(store: StoreAPI, term: str) -> list[dict[str, Any]]:
    """Stored 名词解释 entries for ``term``: the term itself (quotes and markers aside) first, then the
    shortest terms holding it."""
    def bare(t: str) -> str:
        return re.sub(r"[“”\"「」『』\s]|^[\[［【(（]?\d{1,2}[\]］】)）.、．]", "", t)  # a marker needs its closing mark

    asked = bare(term)  # a term asked with its quotes (“四级三类”国土空间规划) is matched without them
    probe = max(re.split(r"[“”\"「」『』\s]+", term), key=len) or term  # the store reads the quote-free part
    rows = [r for r in store.glossary(q=probe, limit=200) if asked in bare(r["term"])]
    term = asked
    return sorted(rows, key=lambda r: (bare(r["term"]) != term, len(r["term"])))


def glossary(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """A term's definition: the 名词解释 entry of the place's (and year's) report, else a definition
    in the running text of its documents (本条例所称…是指, “三库”即…), else any report's entry."""
    from . import define

    if not p.term:
        return None
    place = p.places[0] if p.places else None
    rows = _entries(store, p.term)
    if place:
        mine = [r for r in rows if r.get("region") == place and (not p.year or r.get("year") == p.year)] or \
               [r for r in rows if r.get("region") == place]
    else:
        mine = [r for r in rows if not p.year or r.get("year") == p.year]
    hit: dict[str, Any] | None = None
    if mine:
        r = mine[0]
        text = store.document_text(r["doc"]) or ""
        hit = {"term": r["term"], "definition": r["definition"], "doc": r["doc"],
               "quote": text[r["start"]:r["end"]], "span": [r["start"], r["end"]]}
    if hit is None:
        hit = define.running_text(store, p.term, place, p.year)
    if hit is None and rows and not place:  # a place named: another place's entry does not answer for it
        r = rows[0]
        text = store.document_text(r["doc"]) or ""
        hit = {"term": r["term"], "definition": r["definition"], "doc": r["doc"],
               "quote": text[r["start"]:r["end"]], "span": [r["start"], r["end"]]}
    if hit is None:
        # 海南省报告中的一降三减 -> 一降三减: the longest ending of the asked words that is a stored term
        for i in range(1, len(p.term) - 1):
            cand = store.glossary_term(p.term[i:])
            if cand and cand["term"].strip("“”\"") == p.term[i:]:
                hit = cand
                break
    if hit is None:
        return None
    return Answer(answer=f"{hit['term']}：{hit['definition']}",
                  citations=[{"doc": hit["doc"], "quote": hit["quote"], "span": hit["span"]}])


# A note among the glossary entries (注解1：文中数字均为预计数) explains the text, it defines no term.
NOTE_LABEL = re.compile(r"(?:注解|注释|注|说明|备注)\s*[\d一二三四五六七八九十]*")


def glossary_count(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    if len(p.places) > 1:  # 海南和江西的名词解释各有多少条: each place's report
        parts = [glossary_count(store, Plan(**{**vars(p), "places": [place]}), q) for place in p.places]
        if not all(parts):
            return None
        a = Answer(answer="；".join(x.answer.rstrip("。") for x in parts if x) + "。")
        for x in parts:
            if x:
                a.citations += x.citations
                a.computed += x.computed
        return a
    docs = store.documents(order="latest", region=p.places[0] if p.places else None,
                           year=p.year, kind="work_report")
    for d in docs:
        entries = [e for e in store.glossary(doc_id=d["id"], limit=1000) if not NOTE_LABEL.fullmatch(e["term"].strip())]
        if entries:
            text = store.document_text(d["doc"]) or ""
            first, last = entries[0], entries[-1]
            n = len(entries)
            title = d.get("title") or f"{d.get('region') or ''}{d.get('year') or ''}年报告"
            if (m := re.search(r"第([一二三四五六七八九十\d]+)(?:条|个|项)", q)) is not None:
                k = int(m.group(1)) if m.group(1).isdigit() else S.cn_count(m.group(1)) or 0
                if not 1 <= k <= n:
                    return None
                e = entries[k - 1]  # 名词解释的第一条: that entry, in the report's order
                return Answer(answer=f"{title}名词解释第{k}条：{e['term']}——{e['definition']}",
                              citations=[{"doc": d["doc"], "quote": text[e["start"]:e["end"]],
                                          "span": [e["start"], e["end"]]}], computed=[str(k)])
            return Answer(answer=f"{title}的名词解释共{n}条（{first['term']}……{last['term']}）。",
                          citations=[{"doc": d["doc"], "quote": text[e["start"]:e["end"]], "span": [e["start"], e["end"]]}
                                     for e in (first, last)], computed=[str(n)])
    return None


def documents(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    if p.unknown_place and not p.places:
        return None  # a place the library does not hold: declined, like every other question about it
    kind = next((k for rx, k in W.DOC_KINDS if rx.search(q)), None)
    n = store.count_documents(region=p.places[0] if p.places else None, year=p.year, kind=kind)
    return Answer(answer=f"库中共有{n}篇符合条件的文件。", computed=[str(n)])


_COUNT_UNITS = ("件", "项", "个", "类", "批", "大")


def count_change(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """Two years' counts of one thing (今年要办45件民生实事, 去年40件民生实事全面完成): the asked year's plan
    and the earlier year's result, each as its report states it, and the difference."""
    m = W.COUNT_CHANGE_Q.search(q)
    named = m.group("y")[:4] if m else ""
    later = max((y for y in p.years if str(y) != named), default=None)
    if m is None or later is None or not p.noun:
        return None
    place = p.places[0] if p.places else None
    earlier = int(named) if named.isdigit() else later - 1
    now = S.stated_count(store, p.noun, [], place, "target", later)
    was = S.stated_count(store, p.noun, [], place, "actual", earlier)
    if now is None or was is None or now["kind"] != "target" or was["kind"] != "actual" or now["quote"] == was["quote"]:
        return None
    d = now["count"] - was["count"]
    word = "多" if d >= 0 else "少"
    return Answer(answer=f"{now['region'] or ''}{later}年{p.noun}：{now['written']}{now['unit']}；{earlier}年完成："
                         f"{was['written']}{was['unit']}；{word}{abs(d)}{now['unit']}。",
                  citations=[{k: f[k] for k in ("doc", "quote", "span")} for f in (now, was)],
                  computed=[str(abs(d))], note="差值由两句所载数字计算得出。")


def items(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """A stated number of items (12类45件民生实事, 30个重点项目, 淘汰关停1013个项目): among the
    indicators whose measure names the counted noun, the project counts and the sentences writing a
    count before the noun, the one whose sentence holds most of the question's other words."""
    if not p.noun:
        return lookup(store, p, q)
    if W.COUNT_CHANGE_Q.search(q):
        return count_change(store, p, q)
    place = p.places[0] if p.places else None
    period = p.period or (str(p.year) if p.year else None)
    noun = p.noun
    rest = p.residue or ""  # the question without its places, years and question words
    words = [w for w in S.words_of(re.sub(r"多少|几", " ", rest)) if w not in noun and noun not in w
             and not S.COUNT_VERBS.match(w)]
    cands = [f for f in store.indicators(metric_like=noun, region_suffix=place, period=period, order="reports")
             if f.get("value") is not None and (f.get("unit") or "") in _COUNT_UNITS and f.get("parent") is None]
    cands += [f | {"value": f.get("count"), "unit": f.get("count_unit"), "metric": f.get("name")}
              for f in store.facts("project", region=place) if noun in (f.get("name") or "")
              and f.get("count") is not None and (not p.year or f.get("doc_year") in (p.year, p.year + 1, None))]
    hit = S.stated_count(store, noun, words, place, p.kind, p.year)
    if hit is not None:
        cands.append(hit | {"value": hit["count"], "metric": noun, "stated": True})
    if not cands or W.LIST_Q.search(q):
        # a titled list (附件：2026年民生实事 1. … 10. …): its items counted
        listed = S.listed_count(store, noun, place, p.year)
        if listed is not None:
            n = listed["count"]
            return Answer(answer=f"{listed['region'] or ''}“{listed['title']}”共列{n}项。", citations=listed["cites"],
                          computed=[str(n)], note="条数由清单的编号数出。")
    if not cands:
        return None

    def held(f: dict[str, Any]) -> int:
        text = re.sub(r"[、，,\s]", "", f.get("quote") or "")
        metric = re.sub(r"[、，,\s]", "", f.get("metric") or "")
        own = _own_clause(f)  # 304项审批事项实现“进一门”，368项审批事项实现“最多跑一次”: the figure's own clause
        return sum(len(w) for w in words if w in text) + sum(len(w) for w in words if w in metric) + \
            sum(len(w) for w in words if w in own)

    top = max(held(f) for f in cands)
    cands = [f for f in cands if held(f) == top]
    if words and top == 0:
        return None  # nothing that counts what the question names
    if not place and len({f.get("region") for f in cands}) > 1:
        return None
    f = best([c for c in cands if not c.get("stated")], noun)[0] if any(not c.get("stated") for c in cands) \
        else cands[0]
    if f.get("stated"):
        u = f["unit"]
        written = f"{f['written']}{u}" if f["written"].isdigit() else f"{f['written']}{u}（{f['count']}{u}）"
        a = Answer(answer=f"{f['region'] or ''}{noun}：{written}。",
                   citations=[{k: f[k] for k in ("doc", "quote", "span")}], table=[f])
        if not f["written"].isdigit():
            a.computed = [str(f["count"])]  # 十件 read as 10
        return a
    return Answer(answer=f"{f.get('region') or ''}{when(f)}{f.get('metric')}：{figure(f, 'value')}。",
                  citations=[cite(f)], table=[f])


def _own_clause(f: dict[str, Any]) -> str:
    """The clause of the fact's quote that holds its figure (between the commas around it)."""
    return S.figure_clause(f)


def project(store: StoreAPI, p: Plan, q: str, fallback: bool = True) -> Answer | None:
    """A project's or programme's investment (总投资30亿元的…项目, 计划总投资129.8亿元), read from the
    sentence that names it."""
    if p.unknown_place and not p.places:
        return None
    place = p.places[0] if p.places else None
    rest = q
    for name in p.places:
        rest = rest.replace(name, " ")
    words = S.words_of(re.sub(r"总投资|计划投资|投资总额|完成投资|是多少|多少|项目|工程|后来|最终|现在|调整(?:到|为|至)?", " ", rest))
    asked = re.search(r"计划总投资|总投资|完成投资|计划投资|投资总额", q)
    years = tuple(y for x in p.years for y in (x, x + 1))  # a year's projects are told in the next year's report too
    hit = S.investment(store, words, place, asked.group() if asked else None, years,
                       revised=bool(re.search(r"调整|后来|最终|变更", q)))
    if hit is None:
        return lookup(store, p, q) if fallback else None
    figure_ = f"{hit['label']}{hit['qualifier'] or ''}{num(hit['value'])}{hit['more'] or ''}{hit['unit']}"
    return Answer(answer=f"{figure_}（{hit['clause']}）。", citations=[{k: hit[k] for k in ("doc", "quote", "span")}],
                  table=[hit])


def date(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """When a named document takes effect (西安市文明行为促进条例从哪天起施行): its own 本条例自…起施行."""
    name = re.split(r"(?:从|自|于|是|在)?(?:哪天|哪一天|哪日|何时|什么时候|什么时间|哪年哪月|几月几[日号]|哪个日期)|的?(?:施行|实施|生效|通过|批准)(?:日期|时间)",
                    q)[0]
    name = re.sub(r"^(?:请问)?|[《》“”\"\s]", "", name)
    event = next((ev for ev, *_ in S.ADOPTED_FORMS if re.search(rf"{ev}(?:的|日期|时间)?[？?]?$", q)), None)
    if event is not None:  # 哪天由…通过的: the day its head line says it was passed (or approved)
        got = S.adopted_date(store, name, event)
        if got is None:
            return None
        return Answer(answer=f"《{got['title']}》于{got['date']}{event}。",
                      citations=[{k: got[k] for k in ("doc", "quote", "span")}])
    hit = S.effective_date(store, name, p.places[0] if p.places else None)
    if hit is None:
        return None
    return Answer(answer=f"《{hit['title']}》自{hit['date']}起施行。",
                  citations=[{k: hit[k] for k in ("doc", "quote", "span")}])


def fine(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """The fine a named regulation sets for what the question names (…条例里，随地吐痰罚多少钱): the
    sentence of the regulation that sets a fine and holds most of the question's words."""
    m = re.search(r"^(.*?(?:条例|办法|规定|细则))", re.sub(r"[《》“”\"]", "", q))
    if m is None:
        return None
    name = re.sub(r"^(?:请问|按照?|根据|依照|依据)", "", m.group(1))
    words = [w for w in S.words_of(q[m.end():]) if not re.fullmatch(r"罚款?|多少|元|以下|以上|规定|处罚|分别", w)]
    own = name
    for place in p.places:  # 郑州的条例: a place's regulation named by its place only
        for short in sorted({place, re.sub(r"[省市区县]$", "", place)}, key=len, reverse=True):
            own = own.replace(short, "")
    unnamed = len(re.sub(r"[的之该本其]|(?:条例|办法|规定|细则)$", "", own)) < 2
    if unnamed and len(p.places) > 1:  # 郑州和贵阳的条例…分别: each place's own regulation
        hits = [S.fine_sentence(store, name, words, S.place_regulations(store, place)) for place in p.places]
        if not all(hits):
            return None
        return Answer(answer="；".join(f"{h['region'] or ''}《{h['title']}》：{h['fine']}罚款（原文“{h['quote']}”）"
                                      for h in hits if h) + "。",
                      citations=[{k: h[k] for k in ("doc", "quote", "span")} for h in hits if h])
    docs = S.place_regulations(store, p.places[0]) if unnamed and p.places else None
    hit = S.fine_sentence(store, name, words, docs)
    if hit is None:
        return None
    return Answer(answer=f"《{hit['title']}》：{hit['fine']}罚款（原文“{hit['quote']}”）。",
                  citations=[{k: hit[k] for k in ("doc", "quote", "span")}])


def articles(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """How many articles a named regulation has (福建省…条例一共有多少条): the number of its last article."""
    unit = "章" if re.search(r"(?:多少|几)章", q) else "条"
    name = re.split(r"(?:一共|总共|共计|共)?(?:有|包括|包含|分为)?(?:多少|几)[条章]", q)[0]
    name = re.sub(r"^(?:请问)?|[《》“”\"\s]", "", name)
    hit = S.article_count(store, name, unit)
    if hit is None:
        return None
    return Answer(answer=f"《{hit['title']}》共{hit['count']}{unit}（最后一{unit}为{hit['head']}）。",
                  citations=[{k: hit[k] for k in ("doc", "quote", "span")}], computed=[str(hit["count"])])


def two_documents(store: StoreAPI, p: Plan, q: str) -> Answer | None:
    """Two named regulations compared: which takes effect first (施行) or which has more articles."""
    m = re.search(r"^(.*?(?:条例|办法|规定|细则))[》”]?(?:和|与|跟|及)(.*?(?:条例|办法|规定|细则))", re.sub(r"[《“]", "", q))
    if m is None:
        return None
    names = [re.sub(r"^(?:请问)?", "", n).strip() for n in m.groups()]
    by_date = bool(re.search(r"施行|实施|生效|先|早|晚", q[m.end():]))
    hits = [S.effective_date(store, n, None) if by_date else S.article_count(store, n) for n in names]
    if any(h is None for h in hits):
        return None
    if by_date:
        def key(h: dict[str, Any]) -> tuple[int, ...]:
            return tuple(int(x) for x in re.findall(r"\d+", h["date"]))
        late = bool(re.search(r"后|晚", q[m.end():]))
        pick = (max if late else min)(hits, key=key)
        lines = "；".join(f"《{h['title']}》自{h['date']}起施行" for h in hits)
        answer = f"{lines}。《{pick['title']}》{'后' if late else '先'}施行。"
        computed: list[str] = []
    else:
        few = bool(re.search(r"少", q[m.end():]))
        pick = (min if few else max)(hits, key=lambda h: h["count"])
        lines = "；".join(f"《{h['title']}》共{h['count']}条（最后一条为{h['head']}）" for h in hits)
        answer = f"{lines}。《{pick['title']}》条数{'较少' if few else '较多'}。"
        computed = [str(h["count"]) for h in hits]
    return Answer(answer=answer, citations=[{k: h[k] for k in ("doc", "quote", "span")} for h in hits],
                  computed=computed)


HANDLERS: dict[str, Handler] = {
    "two_documents": two_documents,
    "articles": articles,
    "fine": fine,
    "date": date,
    "lookup": lookup,
    "compare": compare_places,
    "rank": rank,
    "track": target_vs_outcome,
    "trend": trend,
    "change": change,
    "glossary": glossary,
    "glossary_list": glossary,
    "glossary_count": glossary_count,
    "documents": documents,
    "items": items,
    "project": project,
}
