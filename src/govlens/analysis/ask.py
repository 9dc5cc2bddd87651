"""Questions in Chinese answered from the library, with the sentences the answer came from.

No model: the question is read for a region (names the store holds, with or without 区/市/县), a
metric (the synonym table), a year or period (2021年, 今年/去年/明年 against the latest report of that
region, 十四五), a kind (目标/完成/预计) and an operation (lookup, rank, target-vs-outcome, glossary,
count, trend). Answers come from stored facts with their quotes; when no fact fits, the nearest
sentences are returned and the answer is empty — a figure is never made up.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..lexicon.metrics import metric_key, metric_table
from ..lexicon.words import YEAR, qualifier_after
from ..stages.indicators import single_year
from ..stages.numbers import cn_year, convert
from ..stages.regions import PLACE, canonical
from ..store.api import StoreAPI as Store

_GLOSSARY_Q = re.compile(r"什么是(?P<a>[^？?，。]+)|(?P<b>[^？?，。]+?)(?:是什么|指什么|是指什么|的含义|什么意思)")
_RANK_Q = re.compile(r"哪个|哪些|最高|最低|最多|最少|排名|排序|比较|对比")
_TRACK_Q = re.compile(r"完成了吗|实现了吗|达到了吗|完成情况|完成没有|是否完成|达标了吗")
_COUNT_Q = re.compile(r"多少篇|几篇|多少份|几份")
_TREND_Q = re.compile(r"历年|逐年|变化|趋势|这几年|近几年")
_YEAR_Q = re.compile(rf"({YEAR}|[一二][〇零○一二三四五六七八九]{{3}})年")
_PLAN_Q = re.compile(r"十([一二三四五])五")
_LOW_FIRST = re.compile(r"最低|最少")
_NOT_METRIC = re.compile(
    rf"{YEAR}年|十[一二三四五]五|今年|去年|上年|明年|全国|我国|国家|全省|全市|全区|"
    r"是多少|有多少|多少|是什么|是否|完成了吗|实现了吗|达到了吗|完成情况|目标|预期|计划|实际|完成|预计|"
    r"增长了|增长|增速|增幅|涨幅|提高|下降|哪个|哪些|最高|最低|最多|最少|[的了吗呢？?。，、“”\s]")
_LEVEL_Q = re.compile(r"哪(?:个|些|一个)(省|市|区|县)")
_LEVELS = {"省": "province", "市": "city", "区": "district", "县": "county"}
# Everyday words for a measure, only for reading questions (in documents they are too loose).
_ASK_ALIASES = [("就业", "new_jobs"), ("失业率", "unemployment_surveyed"), ("经济增速", "gdp"), ("经济", "gdp"),
                ("财政", "budget_revenue"), ("外资", "foreign_investment_actual"), ("收入", "disposable_income")]


@dataclass
class Parsed:
    op: str = "lookup"
    region: str | None = None
    metric: str | None = None
    key: str | None = None
    year: int | None = None
    period: str | None = None
    kind: str | None = None
    term: str | None = None
    alt_key: str | None = None  # an everyday word's measure, tried when the longer phrase finds nothing


@dataclass
class Answer:
    answer: str = ""
    citations: list[dict[str, Any]] = field(default_factory=list)
    table: list[dict[str, Any]] = field(default_factory=list)
    parsed: dict[str, Any] = field(default_factory=dict)
    phrased: str | None = None  # the optional LLM's wording (analysis/llm.py), never a new figure
    note: str | None = None  # what the answer covers (a ranking: over how many places)

    def to_dict(self) -> dict[str, Any]:
        out = {"answer": self.answer, "citations": self.citations, "table": self.table, "parsed": self.parsed}
        for extra in ("phrased", "note"):
            if getattr(self, extra):
                out[extra] = getattr(self, extra)
        return out


def _regions(store: Store) -> list[str]:
    return store.regions()


def parse(store: Store, question: str) -> Parsed:
    q = question.strip()
    p = Parsed()
    m = _GLOSSARY_Q.search(q)
    if m and not _YEAR_Q.search(q):
        p.op, p.term = "glossary", (m.group("a") or m.group("b")).strip("“”\"《》 ")
        return p
    # Region: the longest stored name the question contains, or contains without its 区/市/县 suffix.
    best = ""
    for r in _regions(store):
        for name in (r, re.sub(r"(?:区|市|县|省|自治区)$", "", r.split("市")[-1] if "市" in r[:-1] else r)):
            if len(name) >= 2 and name in q and len(name) > len(best):
                best, p.region = name, r
    if re.search(r"全国|我国|国家", q) and not p.region:
        p.region = "全国"
    if not p.region:
        # A place the library does not hold: remember it, so no other place's figure answers for it.
        for m in PLACE.finditer(q):
            name = canonical(m.group())
            if name:
                p.region = name
                break
    # What is left once place, time and question words are gone: the measure asked about (赤字率).
    rest = max(_NOT_METRIC.sub(" ", q.replace(best, " ") if best else q).split(), key=len, default="")
    for syn, key in metric_table():
        if syn in q:
            p.metric, p.key = syn, key
            break
    else:
        for syn, key in _ASK_ALIASES:
            # An everyday word inside a longer measure (收入 in 旅游总收入) is not that measure.
            if syn in q and not (syn in rest and len(rest) > len(syn) + 1):
                p.metric, p.key = syn, key
                break
            if syn in q and p.alt_key is None and _WHOSE.fullmatch(rest.replace(syn, "", 1)):
                p.alt_key = key  # 城乡居民收入: only words for whose, around the everyday word
    if p.metric is None:
        words = re.sub(r"[？?。，]", "", q)
        p.key = metric_key(words)
    if p.metric is None and p.key is None and 2 <= len(rest) <= 12:
        p.metric = rest
    latest = None
    if p.region:
        latest = store.latest_report_year(p.region)
    if (m := _YEAR_Q.search(q)) is not None:
        p.year = cn_year(m.group(1))
    elif latest and "今年" in q:
        p.year = latest
    elif latest and ("去年" in q or "上年" in q):
        p.year = latest - 1
    elif latest and "明年" in q:
        p.year = latest + 1
    if (m := _PLAN_Q.search(q)) is not None:
        start = {"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026}[m.group(1)]
        p.period = f"{start}-{start + 4}"
    elif p.year:
        p.period = str(p.year)
    if re.search(r"目标|预期|计划|力争", q):
        p.kind = "target"
    elif re.search(r"预计", q):
        p.kind = "forecast"
    elif re.search(r"实际|完成|实现了|达到了", q):
        p.kind = "actual"
    if _TRACK_Q.search(q):
        p.op = "track"
    elif _COUNT_Q.search(q):
        p.op = "count"
    elif _RANK_Q.search(q) and not p.region:
        p.op = "rank"
    elif _TREND_Q.search(q):
        p.op = "trend"
    return p


def _cite(f: dict[str, Any]) -> dict[str, Any]:
    return {"doc": f["doc"], "quote": f["quote"], "span": f["span"]}


def _figure(f: dict[str, Any]) -> str:
    parts = []
    if f.get("value") is not None:
        parts.append(f"{f['value']}{f.get('unit') or ''}")
    if f.get("change") is not None:
        word = "增长" if f["change"] >= 0 else "下降"
        if f.get("change_unit") == "百分点":
            word = "提高" if f["change"] >= 0 else "降低"
        if f.get("annual_average"):
            word = "年均" + word
        hi = f"-{abs(f['change_max'])}" if f.get("change_max") is not None else ""
        parts.append(f"{word}{abs(f['change'])}{hi}{f.get('change_unit') or ''}")
    q = f.get("qualifier") or ""
    text = "，".join(parts)
    if qualifier_after(q):  # 左右, 以上, 上下 … follow the figure; 约, 不低于, 力争 … come before it
        return text + q
    return (q + text) if q else text


def _facts(store: Store, p: Parsed) -> list[dict[str, Any]]:
    if not p.key and not p.metric:
        return []
    out = _facts_once(store, p)
    if not out and not p.key and p.metric and (short := _GENERIC_TAIL.sub("", p.metric)) != p.metric and len(short) >= 2:
        out = _facts_once(store, Parsed(**{**vars(p), "metric": short}))  # 专项债券规模 -> 专项债券
    if not out and p.alt_key:
        out = _facts_once(store, Parsed(**{**vars(p), "key": p.alt_key}))  # 城乡居民收入 -> disposable_income
    return out


_WHOSE = re.compile(r"(?:城乡|城镇|农村|全体|常住)?(?:居民)?(?:人均)?(?:可支配)?")
_GENERIC_TAIL = re.compile(r"(?:规模|总量|总额|数量|情况|水平|金额|数)$")


def _facts_once(store: Store, p: Parsed) -> list[dict[str, Any]]:
    # Work reports first, the latest report first, the first statement in it first. 明澜区 asks for
    # 云溪市明澜区 too: a stored name that ends with the asked one is the same place.
    if not p.key and not p.metric:
        return []
    metric = {"metric_key": p.key} if p.key else {"metric_like": p.metric}
    out = []
    for f in store.indicators(**metric, region_suffix=p.region or None, period=p.period or None,
                              kind=p.kind or None, order="reports"):
        for extra in ("doc_id", "level", "doc_title"):
            f.pop(extra, None)
        if f.get("parent") is None:
            out.append(f)
    # A year's own figure before a five-year average, a total or growth over a base year.
    out.sort(key=lambda f: not single_year(f))
    return out


def passages(store: Store, question: str, k: int = 3, k1: float = 1.2, b: float = 0.75) -> list[dict[str, Any]]:
    """The k best sentences for the question by BM25 over the sentences of the best-matching documents
    (IDF counted over those sentences); each carries the question words it contains (``words``) so a
    page can highlight them."""
    import math

    from ..store.fts import tokens

    words = {t[2] for t in tokens(question) if len(t[2]) >= 2 and t[2] not in _STOP}
    if not words:
        return []
    docs: dict[int, None] = {}
    for w in sorted(words, key=len, reverse=True)[:4]:
        docs.update((h["id"], None) for h in store.search(w, limit=3))
    # Only the sentences around an occurrence of a question word are read.
    sentences: list[tuple[str, int, int, str, dict[str, int]]] = []
    for doc_id in docs:
        d = store.document(doc_id)
        text = d["text"]
        spans: set[tuple[int, int]] = set()
        for w in words:
            at = text.find(w)
            while at != -1 and len(spans) < 200:
                start = max(text.rfind(c, 0, at) for c in "。！？\n") + 1
                ends = [e for c in "。！？\n" if (e := text.find(c, at)) != -1]
                end = min(ends) + (text[min(ends)] != "\n") if ends else len(text)
                spans.add((start, end))
                at = text.find(w, end)
        for start, end in spans:
            sent = text[start:end]
            sentences.append((d["doc"], start, end, sent, {w: sent.count(w) for w in words}))
    if not sentences:
        return []
    n = len(sentences)
    avg = sum(len(x[3]) for x in sentences) / n
    df = {w: sum(1 for *_, tf in sentences if tf[w]) for w in words}
    idf = {w: math.log(1 + (n - df[w] + 0.5) / (df[w] + 0.5)) for w in words}
    scored = []
    for doc, start, end, sent, tf in sentences:
        norm = k1 * (1 - b + b * len(sent) / avg)
        score = sum(idf[w] * tf[w] * (k1 + 1) / (tf[w] + norm) for w in words if tf[w])
        scored.append((score, {"doc": doc, "quote": sent, "span": [start, end],
                               "words": sorted((w for w in words if tf[w]), key=len, reverse=True)}))
    scored.sort(key=lambda x: -x[0])
    return [c for _, c in scored[:k]]


_STOP = {"多少", "什么", "哪个", "哪些", "是否", "情况", "目标", "完成", "今年", "去年", "吗"}


def ask(store: Store, question: str) -> Answer:
    """The answer from the library; an LLM rephrases it only when one is configured (llm.py)."""
    from . import llm

    a = _ask(store, question)
    if llm.configured():
        a.phrased = llm.phrase(question, a.answer, a.citations)
    return a


def _ask(store: Store, question: str) -> Answer:
    p = parse(store, question)
    ans = Answer(parsed={k: v for k, v in vars(p).items() if v is not None})
    if p.op == "glossary" and p.term:
        g = store.glossary_term(p.term)
        if g:
            ans.answer = f"{g['term']}：{g['definition']}"
            ans.citations = [{"doc": g["doc"], "quote": g["quote"], "span": g["span"]}]
            return ans
    elif p.op == "count":
        n = store.count_documents(region=p.region, year=p.year,
                                  kind="work_report" if "工作报告" in question else None)
        ans.answer = f"库中共有{n}篇符合条件的文件。"
        return ans
    elif p.op == "track" and (p.key or p.metric):
        from .track import track

        rows = [r for r in track(store, metric=p.metric if not p.key else None)
                if (p.year is None or r["year"] == p.year) and (not p.key or r["metric_key"] == p.key)
                and (not p.region or r["region"].endswith(p.region))]
        rows = [r for r in rows if r["verdict"] in ("met", "missed")] or rows
        if rows:
            r = rows[-1]
            verdict = {"met": "已完成", "missed": "未完成", "unclear": "无法判断", "pending": "尚无次年报告"}[r["verdict"]]
            got = f"，实际{_figure(r['actual'])}" if r["actual"] else ""
            ans.answer = f"{r['region']}{r['year']}年{r['metric']}目标为{_figure(r['target'])}{got}：{verdict}。"
            ans.citations = [c for c in (_side_cite(store, r["target"]), _side_cite(store, r["actual"])) if c]
            ans.table = rows
            return ans
    elif p.op == "rank" and (p.key or p.metric):
        from .compare import compare

        level = _LEVEL_Q.search(question)
        rows = compare(store, p.metric or p.key, year=p.year, kind=p.kind,
                       level=_LEVELS[level.group(1)] if level else None)
        rows = [r for r in rows if r["value"] is not None or r["change"] is not None]
        if rows:
            by = "change" if "增长" in question or "增速" in question or rows[0]["value"] is None else "value"
            unit_of = "unit" if by == "value" else "change_unit"
            unit = Counter(r[unit_of] for r in rows if r[by] is not None).most_common(1)[0][0]
            # 1300万吨 and 840亿斤 rank in one unit; a figure in an unrelated unit is left out.
            rows = [r | {"in_unit": v, "rank_unit": unit} for r in rows
                    if (v := convert(r[by], r[unit_of], unit)) is not None]
            rows.sort(key=lambda r: r["in_unit"], reverse=not _LOW_FIRST.search(question))
            top = rows[0]
            ans.answer = f"{top['region']}最{'低' if _LOW_FIRST.search(question) else '高'}：{_figure(top)}。"
            # Only places whose reports state the figure take part; say how many.
            ans.note = f"比较范围：库中载有此项的{len(rows)}个地区。"
            ans.table = rows
            ans.citations = [{"doc": r["doc"], "quote": r["quote"], "span": _span_of(store, r)} for r in rows[:5]]
            return ans
    elif p.op == "trend" and (p.key or p.metric) and p.region:
        facts = [f for f in _facts(store, Parsed(key=p.key, metric=p.metric, region=p.region, kind=p.kind or "actual"))
                 if f.get("period") and "-" not in f["period"]]
        by_period: dict[str, dict[str, Any]] = {}
        for f in facts:
            by_period.setdefault(f["period"], f)
        if by_period:
            rows = [by_period[k] for k in sorted(by_period)]
            ans.answer = "；".join(f"{f['period']}年{_figure(f)}" for f in rows) + "。"
            ans.citations = [_cite(f) for f in rows]
            ans.table = rows
            return ans
    else:
        facts = _facts(store, p)
        if not p.region and len({f.get("region") for f in facts}) > 1:
            facts = []  # several places state it and the question names none: not ours to pick
        if re.search(r"增长|增速|增幅|涨幅|提高|下降", question):
            facts.sort(key=lambda f: f.get("change") is None)  # asked for the change: a statement of it first
        if facts:
            f = facts[0]
            kind = {"target": "目标", "forecast": "预计", "actual": ""}.get(f.get("kind") or "", "")
            ans.answer = (f"{f.get('region') or ''}{f.get('period') or ''}{'年' if (f.get('period') or '').isdigit() else ''}"
                          f"{f.get('metric')}{kind}：{_figure(f)}。")
            ans.citations = [_cite(f)]
            return ans
    ans.citations = passages(store, question)
    return ans


def _side_cite(store: Store, side: dict[str, Any] | None) -> dict[str, Any] | None:
    if not side:
        return None
    span = store.fact_span(side["doc"], side["quote"])
    if span is None:
        return None
    return {"doc": side["doc"], "quote": side["quote"], "span": span}


def _span_of(store: Store, r: dict[str, Any]) -> list[int] | None:
    c = _side_cite(store, r)
    return c["span"] if c else None
