"""Reading a stated figure when the measure has no name the synonym table knows: the stored facts
(or sentences) of the documents that hold the question's words, scored by how many of those words
their clause holds. Used by ``lookup`` (减跑动92%, 压缩至11天 in a press conference) and ``project``
(总投资30亿元的某某项目)."""

from __future__ import annotations

import contextlib
import re
from typing import Any

from ...errors import GovlensError
from ...lexicon.load import alternation
from ...lexicon.words import QUALIFIER_BEFORE_RX, QUALIFIERS_AFTER
from ...stages.numbers import cn_year
from ...store.api import StoreAPI
from . import words as W
from .answer import raw

# the unit a question asks for: 多少天 -> 天, 百分之几 / 多少% / …率 -> %
UNIT_ASKED = re.compile(r"(?:多少|几)(天|件|个|万人次|人次|人|项|家|所|条|公里|平方米|套|张|名|次|亩|处|座|户|轮|场|届|批|期|栋|台|辆|艘|架|部|大"
                        r"|万亿元|亿元|万元|元|万吨|吨|亿斤|万亿斤|万人)"
                        r"|(百分之几|百分之多少|多少%|百分比)")


# Units that count things (a count written in words, 三轮, is read for them)
COUNT_UNITS = frozenset("件个项家所条套张名次处座户轮场届批期栋台辆艘架部大")  # 大: 五大重点区域, 几大工程


_STOPS = "。；！？\n"


def sentence_span(text: str, start: int, end: int, keep_stop: bool = False) -> tuple[int, int]:
    """The sentence of ``text`` around ``text[start:end]``: from after the last stop before it to the next
    stop after it (included when ``keep_stop``), or the ends of the text."""
    lo = max(text.rfind(c, 0, start) for c in _STOPS) + 1
    ends = [e for c in _STOPS if (e := text.find(c, end)) != -1]
    return lo, (min(ends) + keep_stop if ends else len(text))


def asked_unit(q: str) -> str | None:
    """The unit a question asks its figure in (多少家 -> 家, 几天 -> 天, 百分之几 -> %), or None."""
    m = UNIT_ASKED.search(q)
    if m is None and W.INVEST_Q.search(q):
        return "元"  # 投资多少: a sum of money, in whatever magnitude
    return (m.group(1) or "%") if m else None
GENERIC = {"项目", "工程", "多少", "总投资", "投资", "计划", "服务", "情况", "目前", "累计", "全区", "全市", "全省", "平均",
           "实现", "完成", "建设", "推进", "时间", "数量"}
INVEST = re.compile(r"(计划总投资|总投资|完成投资|计划投资|投资总额|总投入|投资)额?"
                    r"(?:(?:相应|后来|随后|最终)?(?:调整|调增|调减|追加|增加|提高)(?=[^，。；\d]{0,3}\d))?(?:为|到|至|达|达到|约|近|超)?"
                    r"(?:为|到|至)?"
                    rf"({QUALIFIER_BEFORE_RX})?(\d+(?:\.\d+)?)(多)?(万亿元|亿元|万元|元)")


def words_of(text: str) -> list[str]:
    """The content words of a question part (jieba words of two or more characters, no question words)."""
    from ...store.fts import tokens

    out = []
    for t in tokens(text):
        w = text[t[0]:t[1]]  # as written (the index lowercases: PPP)
        if len(w) >= 2 and w not in W.STOP and w not in GENERIC and not re.fullmatch(r"[\d.]+|(?:19|20)\d\d年?", w):
            out.append(w)
    return list(dict.fromkeys(out))


def tails(measure: str) -> list[str]:
    """Shorter names that end ``measure``, longest first (一般公共预算赤字率 -> …, 预算赤字率, 赤字率), of
    at least three characters, never a generic word."""
    out = []
    for i in range(1, len(measure) - 2):
        tail = measure[i:]
        if tail not in GENERIC and not W.GENERIC_TAIL.fullmatch(tail) and re.match(r"[\u4e00-\u9fffA-Za-z]", tail):
            out.append(tail)
    return out


def _docs(store: StoreAPI, words: list[str], place: str | None, limit: int = 4,
          years: tuple[int, ...] = (), together: bool = False) -> list[int]:
    """The documents that best hold the question's longest words (the place's first; with ``years``,
    also the best of those years' documents: a year's outcome is told in the next year's report); with
    ``together``, first the documents holding all the words (a long name cut into common words:
    突发 公共卫生 事件 医疗 救治 体系)."""
    ids: dict[int, None] = {}
    for yr in (*years, None) if together and len(words) > 1 else ():
        with contextlib.suppress(GovlensError):  # a word the index cannot take is no match
            ids.update((h["id"], None) for h in store.search(" ".join(words), region=place, year=yr, limit=2 * limit))
    for w in sorted(words, key=len, reverse=True)[:3]:
        for yr in (*years, None):
            for region in ([place, None] if place else [None]):
                try:
                    hits = store.search(w, region=region, year=yr, limit=limit)
                except GovlensError:  # a word the index cannot take is no match
                    hits = []
                ids.update((h["id"], None) for h in hits)
                if hits:
                    break
    return list(ids)


def figure_clause(f: dict[str, Any], seps: str = "，,；;。") -> str:
    """The part of the fact's quote between the separators around its figure ('' when not found)."""
    quote = f.get("quote") or ""
    v = f.get("value") if f.get("value") is not None else f.get("change")
    if v is None:
        return ""
    m = re.search(rf"(?<![\d.]){re.escape(f'{abs(v):.12g}')}(?![\d])", quote)
    if m is None:
        return ""
    start = max(quote.rfind(c, 0, m.start()) for c in seps) + 1
    ends = [e for c in seps if (e := quote.find(c, m.end())) != -1]
    return quote[start:min(ends) if ends else len(quote)]


def fact_by_words(store: StoreAPI, q: str, words: list[str], place: str | None,
                  year: int | None = None, kind: str | None = None) -> dict[str, Any] | None:
    """The indicator fact whose quote holds the question's words (those in its measure name count
    twice), in the unit asked; None unless at least two words and two thirds of them are held."""
    if len(words) < 2 and not (words and len(words[0]) >= 4):
        return None  # one word only when it is a whole measure's name (外贸出口), not a piece (出口)
    from ...stages.numbers import convert

    unit = asked_unit(q)
    best, best_s = None, 0.0
    for doc_id in _docs(store, words, place, years=(year, year + 1) if year else ()):
        for f in store.facts("indicator", doc_id=doc_id):
            if place and not (f.get("region") == place or (f.get("region") or "").endswith(place)):
                continue
            if year and f.get("period") != str(year):
                continue  # the year asked (2024年…下降了多少 is not 2022's)
            if kind and f.get("kind") != kind:
                continue  # 比上年增长多少 asks an outcome, not the year's target
            if year and any(cn_year(y) not in (0, year) for y in W.YEAR_Q.findall(f.get("metric") or "")):
                continue  # a measure named with another year (工业总产值一九七七年) is that year's
            quote, metric = f.get("quote") or "", f.get("metric") or ""
            held = [w for w in words if w in quote]
            if len(held) < min(2, len(words)) or len(held) < 2 * len(words) / 3:
                continue
            got_unit = f.get("unit") if f.get("value") is not None else f.get("change_unit")
            got = f.get("value") if f.get("value") is not None else f.get("change")
            if unit and not (got_unit or "").startswith(unit) and not (unit == "%" and got_unit == "百分点") \
                    and convert(got, got_unit, unit) is None:
                continue  # 多少家 is not 152名; 投资多少 is a sum of money (亿元 converts to 元)
            own = figure_clause(f, "，,；;。、")
            if own and not any(w in own for w in words) and not _named_before(quote, own, words):
                continue  # the words are elsewhere in the sentence: another figure's (投资3500万元的…改造)
            # the measure is at the end of the question's phrase (…平均减跑动): later words weigh more
            s = len(held) + 2 * sum((i + 1) ** 2 for i, w in enumerate(words) if w in metric)
            if s > best_s:
                best, best_s = f, s
    return best


# a clause pointing back to the project the sentence before names (该项目, 这一工程)
THIS_PROJECT = re.compile(r"(?:该|这一|这个|此)(?:项目|工程)")


def investment(store: StoreAPI, words: list[str], place: str | None, label: str | None = None,
               years: tuple[int, ...] = (), revised: bool = False) -> dict[str, Any] | None:
    """A sentence stating an investment (总投资30亿元的…项目) whose clause holds the question's words; with
    ``revised``, a figure the sentence says was revised (调整为) before a first estimate (原估算)."""
    if not words:
        return None
    best, best_s = None, 0.0
    for doc_id in _docs(store, words, place, years=years, together=True):
        d = store.document(doc_id)
        if d is None:
            continue
        text = d["text"]
        for m in INVEST.finditer(text):
            start, end = sentence_span(text, m.start(), m.end())
            sentence = text[start:end]
            # the clause around the figure, with the clause before it (签约项目161个，计划总投资129.8亿元)
            c0 = max(text.rfind(c, start, m.start()) for c in "，,")
            c0 = max(max(text.rfind(c, start, c0) for c in "，,") + 1, start) if c0 > start else start
            c1 = min([e for c in "，," if (e := text.find(c, m.end(), end)) != -1] or [end])
            # and the clause after it, where a plan names what it invests in (计划投资2.6亿元，实施重点农牧业项目21个)
            c2 = min([e for c in "，," if (e := text.find(c, c1 + 1, end)) != -1] or [end]) if c1 < end else end
            clause, after = text[c0:c1], text[c1:c2]
            held = [w for w in words if w in clause]
            held_after = [w for w in words if w in after and w not in held]
            if THIS_PROJECT.search(text[start:c1]):  # 该项目…总投资调整为8.5亿元: named in the sentence before
                before = text[sentence_span(text, max(0, start - 2), max(0, start - 1))[0]:start]
                held_after += [w for w in words if w in before and w not in held and w not in held_after]
            if not held + held_after or len(held + held_after) < len(words) / 2:
                continue
            s = sum(len(w) for w in held) + 0.8 * sum(len(w) for w in held_after) + \
                0.1 * sum(len(w) for w in words if w in sentence) + (d.get("year") or 0) / 1e5
            if held_after and not held:
                clause = text[c0:c2]  # shown with what it invests in
            if label and (label in m.group(1) or m.group(1) in label):
                s += 1.5  # the question's word for the figure (总投资, not 完成投资)
            if revised:  # 后来调整到多少: the revised figure, not the first estimate (原估算总投资5亿元)
                s += 2 * bool(re.search(r"调整|调增|调减|追加", m.group())) - 2 * ("原" in text[max(start, m.start() - 4):m.start()])
            if s > best_s:
                best_s = s
                best = {"doc": d["doc"], "quote": sentence, "span": [start, end], "clause": clause,
                        "label": m.group(1), "qualifier": m.group(2), "value": float(m.group(3)),
                        "more": m.group(4), "unit": m.group(5), "region": d.get("region")}
    return best


_CN_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def counted_sentence(text: str, m: re.Match[str]) -> tuple[int, int, str, str | None]:
    """The sentence around a count ``m`` and the kind it says the count is (plan or result, by
    ``COUNT_KIND_CUES``; None when it says neither)."""
    start, end = sentence_span(text, m.start(), m.end())
    sentence = text[start:end]
    return start, end, sentence, next((k for rx_, k, _ in COUNT_KIND_CUES if rx_.search(sentence)), None)


def cn_count(text: str) -> int | None:
    """十 -> 10, 十二 -> 12, 二十 -> 20, 四十五 -> 45, 45 -> 45 (counts of items, below a thousand)."""
    if text.isdigit():
        return int(text)
    total, cur = 0, 0
    for ch in text:
        if ch in _CN_DIGIT:
            cur = _CN_DIGIT[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur or None


def stated_count(store: StoreAPI, noun: str, words: list[str], place: str | None, kind: str | None = None,
                 year: int | None = None) -> dict[str, Any] | None:
    """A sentence stating how many of ``noun`` (办好十件民生实事, 实施30项民生实事): the count written
    right before the noun, in a document of the place; the sentence of the kind asked (a plan: the
    year's own report; a result: the next year's report, 全部完成) first, then the one holding most of
    the question's words."""
    rx = re.compile(rf"(\d+|[一二两三四五六七八九十百]+)\s*(件|项|个|大|类|批)(?:[^，。；、\d一二三四五六七八九十]{{0,6}}?)“?{re.escape(noun)}")
    best, best_s = None, -1.0
    for doc_id in _docs(store, [noun, *words], place):
        d = store.document(doc_id)
        if d is None or (place and d.get("region") and not (d["region"] == place or d["region"].endswith(place))):
            continue
        text = d["text"]
        doc_year = d.get("year")
        for m in rx.finditer(text):
            n = cn_count(m.group(1))
            if n is None:
                continue
            start, end, sentence, said = counted_sentence(text, m)
            s = float(sum(len(w) for w in words if w in sentence))
            if kind and said == kind:
                s += 10
            if year and doc_year:
                # a plan is the year's own report's; a result is told the year after (or in the year's own)
                s += 5 if doc_year == (year + 1 if said == "actual" or kind == "actual" else year) else 0
                s -= 20 if doc_year < year or doc_year > year + 1 else 0
            if s > best_s:
                best_s = s
                best = {"doc": d["doc"], "quote": sentence, "span": [start, end], "count": n, "written": m.group(1),
                        "unit": m.group(2), "region": d.get("region"), "noun": noun, "kind": said}
    return best


# Verbs a count question uses that say the kind (要办, 完成了), not what is counted.
COUNT_VERBS = re.compile(r"^(?:要办|办好|办理|实施|推进|计划|安排|完成|兑现|实现|举办|承诺|落实|开展|列了|列入|一共|共有|总共)$")


# A later year's sentence stating its difference from the year before, right after its figure (in the
# same or the next clause). ``{y}`` is the earlier year. (pattern, example, the difference in it)
DIFFERENCE_FORMS: list[tuple[str, str, str]] = [
    (r"(?:比|较|同)(?:上年|去年|上一年|前一年|{y}年)(?:年初预算|预算)?(?P<verb>提高|增加|加快|上升|扩大|多|回落|下降|减少|降低|放缓|收窄|少)了?"
     r"(?P<v>\d+(?:\.\d+)?)(?P<u>个百分点|百分点|万亿元|亿元|万元|万人|人|个|项|%)",
     "今年拟安排专项债券4.2万亿元、比上年增加3000亿元", "3000亿元"),
    (r"(?P<verb>快于|慢于|高于|低于)(?:上年|去年|上一年|{y}年)(?:同期)?(?P<v>\d+(?:\.\d+)?)(?P<u>个百分点|百分点)",
     "全年地区生产总值增长5.1%，快于2024年0.6个百分点", "0.6个百分点"),
    # a harvest's or an output's own verbs, in its own unit (比上年增产42万吨, 比上年减产3.5亿斤)
    (r"(?:比|较|同)(?:上年|去年|上一年|前一年|{y}年)(?P<verb>增产|减产)了?(?P<v>\d+(?:\.\d+)?)(?P<u>万吨|吨|亿斤|万斤|斤|万担|担)",
     "全县粮食产量达到86万吨，比上年增产4.2万吨", "4.2万吨"),
]
_UP = {"提高", "增加", "加快", "上升", "扩大", "多", "快于", "高于", "增产"}


def stated_difference(f: dict[str, Any], earlier: int) -> dict[str, Any] | None:
    """The difference from ``earlier`` that the fact's own sentence states right after its figure:
    {verb, value, unit, text}; None when it states none."""
    quote = f.get("quote") or ""
    figs = [num for k in ("value", "change") if (num := f.get(k)) is not None]
    at = -1
    for v in figs:
        m = re.search(rf"(?<![\d.]){re.escape(f'{abs(v):.12g}')}(?![\d.])", quote)
        if m:
            at = max(at, m.end())
    if at == -1:
        return None
    tail = re.split(r"[；;。]", quote[at:])[0][:40]
    for pattern, *_ in DIFFERENCE_FORMS:
        m = re.search(pattern.replace("{y}", str(earlier)), tail)
        # only the figure's unit or qualifier and one clause break between (4%左右安排、比上年提高1个百分点)
        if m and re.fullmatch(r"[^，、,；。]{0,6}[，、,]?", tail[: m.start()]):
            unit = m.group("u").replace("百分点", "个百分点").replace("个个", "个")
            return {"verb": m.group("verb"), "value": float(m.group("v")), "unit": unit, "text": m.group(),
                    "up": m.group("verb") in _UP}
    return None


# Is a stated count a plan or a result? (cue, kind, example)
COUNT_KIND_CUES: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"全部完成|全面完成|圆满完成|如期兑现|全部兑现|已完成|完成了|高质量完成"), "actual", "去年12件民生实事全部完成"),
    (re.compile(r"今年|将|要|继续|再办|办好|安排|实施|推进|计划"), "target", "今年将办好15件民生实事"),
]


def count_in_text(text: str, noun: str, kind: str | None) -> dict[str, Any] | None:
    """The count a document states of ``noun`` (办好30项民生实事), of the kind asked: a plan (今年, 将,
    办好) or a result (全部完成); the first such sentence. None when it states none of that kind."""
    rx = re.compile(rf"(\d+|[一二两三四五六七八九十百]+)\s*(件|项|个|大|类|批)(?:[^，。；、\d一二三四五六七八九十]{{0,6}}?)“?{re.escape(noun)}")
    fallback = None
    for m in rx.finditer(text):
        n = cn_count(m.group(1))
        if n is None:
            continue
        start, end, sentence, said = counted_sentence(text, m)
        hit = {"quote": sentence, "span": [start, end], "count": n, "written": m.group(1), "unit": m.group(2),
               "noun": noun, "kind": said}
        if kind is None or said == kind:
            return hit
        if said is None and fallback is None:
            fallback = hit
    return fallback


# A report saying it sets no target for a measure: the answer to "what was the target" is that sentence.
# (pattern, example)
NO_TARGET_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:没有|未|不再|不)(?:提出|设定|设置|确定|制定|规定)(?P<m>[^。；，]{0,16}?)(?:具体|量化|预期)?(?:目标|指标)"),
     "今年我们没有提出全年经济增速具体目标，主要考虑到不确定性很大"),
]


def no_target(store: StoreAPI, place: str | None, year: int | None, words: list[str]) -> dict[str, Any] | None:
    """The sentence of the place's report of ``year`` saying it sets no target for the measure (one of
    ``words`` is in what it sets none of)."""
    if not place or not year or not words:
        return None
    for d in store.documents(order="latest", region=place, year=year, kind="work_report"):
        doc = store.document(d["id"])
        text = doc["text"] if doc else ""
        for rx, _ in NO_TARGET_FORMS:
            for m in rx.finditer(text):
                if any(w in m.group("m") for w in words):
                    start, end = sentence_span(text, m.start(), m.end())
                    return {"doc": d["doc"], "quote": text[start:end], "span": [start, end], "said": m.group(),
                            "region": d.get("region")}
    return None


_ITEM = re.compile(r"\s*(?:(\d{1,2})\s*[.．、]|[（(]([一二三四五六七八九十]{1,3})[）)])")


def listed_count(store: StoreAPI, noun: str, place: str | None, year: int | None) -> dict[str, Any] | None:
    """A titled list in a document of the place (a line naming ``noun`` with no sentence in it, then
    items numbered 1. 2. … or （一）（二）…): how many items it has, with the title, first and last item."""
    docs = store.documents(order="latest", region=place, year=year) if place else []
    for d in docs:
        doc = store.document(d["id"])
        text = doc["text"] if doc else ""
        at = text.find(noun)
        while at != -1:
            ls = text.rfind("\n", 0, at) + 1
            le = text.find("\n", at)
            le = len(text) if le == -1 else le
            title = text[ls:le]
            if len(title.strip()) <= 30 and "。" not in title and "，" not in title:
                items: list[tuple[int, int]] = []
                pos = le + 1
                while pos < len(text):
                    end = text.find("\n", pos)
                    end = len(text) if end == -1 else end
                    m = _ITEM.match(text, pos)
                    if not m:
                        break
                    n = int(m.group(1)) if m.group(1) else cn_count(m.group(2))
                    if n != len(items) + 1:
                        break
                    items.append((pos, end))
                    pos = end + 1
                if len(items) >= 2:
                    return {"doc": d["doc"], "region": d.get("region"), "count": len(items), "title": title.strip(),
                            "cites": [{"doc": d["doc"], "quote": text[s:e], "span": [s, e]}
                                      for s, e in ((ls, le), items[0], items[-1])]}
            at = text.find(noun, le)
    return None


# When a document takes effect, as it says so (pattern, example)
EFFECTIVE_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:本(?:条例|办法|规定|决定|细则|法|规则|意见))?自(?P<d>(?:\d{4}|[〇零一二三四五六七八九]{4})年"
                r"[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日)起(?:施行|实施|生效|执行)"),
     "第三十条 本条例自2031年5月1日起施行。"),
]


def named_documents(store: StoreAPI, name: str) -> list[tuple[dict[str, Any], str]]:
    """The stored documents whose title the question names (or holds most of), best first, with their titles."""
    if len(name) < 2:
        return []
    try:
        hits = store.search(name, limit=10) or store.search(name[-6:], limit=10)
    except GovlensError:
        return []

    def overlap(title: str) -> int:
        return max((k for k in range(len(title), 1, -1) for i in range(len(title) - k + 1) if title[i:i + k] in name),
                   default=0)
    out = []
    for h in sorted(hits, key=lambda h: -overlap(h.get("title") or ""))[:3]:
        title = h.get("title") or ""
        own = re.sub(r"^中华人民共和国", "", title)
        if overlap(title) < min(len(title), 6) or own[:2] not in name:
            continue  # not the document the question names (its place, the title's first words, is not asked)
        d = store.document(h["id"])
        if d:
            out.append((d, title))
    return out


# An article heading at the start of a line: 第七十五条 (a regulation's articles are numbered in order)
ARTICLE = re.compile(r"(?:^|\n)[ \t　]*第([一二两三四五六七八九十百零〇\d]+)条")
# a chapter heading opening its line (第九章  附则, 第九章附则 once spaces are gone)
CHAPTER = re.compile(r"(?:^|\n)[ \t　]*第([一二两三四五六七八九十百零〇\d]+)章(?![的中])")


def article_count(store: StoreAPI, name: str, unit: str = "条") -> dict[str, Any] | None:
    """How many articles (or, ``unit`` 章, chapters) the named regulation has: the number of its last
    第…条 (第…章) heading (numbered from 第一 in order), citing that heading's line."""
    from ...stages.numbers import cn_int

    rx = CHAPTER if unit == "章" else ARTICLE
    for d, title in named_documents(store, name):
        text = d["text"]
        heads = [(int(m.group(1)) if m.group(1).isdigit() else cn_int(m.group(1)) or 0, m) for m in rx.finditer(text)]
        if len(heads) < 2 or heads[0][0] != 1:
            continue
        n, m = max(heads, key=lambda x: x[0])
        start = m.start() + (text[m.start()] == "\n")
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        return {"doc": d["doc"], "quote": text[start:end], "span": [start, end], "count": n, "title": title,
                "head": m.group().strip()}
    return None


_DAY = r"(?P<d>(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日)"
# When a document was passed or approved, as its head line says (event asked, pattern, invented example). A date
# followed by 的《…》 is another document's (…通过的《旧条例》同时废止), never the one asked about; no figure
# stands between a date and its event (the approval's date is not the passing's).
ADOPTED_FORMS: list[tuple[str, re.Pattern[str], str]] = [
    ("通过", re.compile(rf"{_DAY}[^，。；（）()\n\d]{{0,40}}?(?:会议|常务委员会|常委会)[^，。；（）()\n]{{0,6}}?通过"
                      r"(?![^。；）)\n]{0,60}?的《)"),
     "（2031年3月2日云溪市第九届人民代表大会常务委员会第五次会议通过　2031年4月1日岭南省人大常委会批准）"),
    ("批准", re.compile(rf"{_DAY}[^，。；（）()\n\d]{{0,40}}?(?:会议|常务委员会|常委会)[^，。；（）()\n]{{0,6}}?批准"
                      r"(?![^。；）)\n]{0,60}?的《)"),
     "（2031年3月2日云溪市第九届人民代表大会常务委员会第五次会议通过　2031年4月1日岭南省人大常委会批准）"),
]


def adopted_date(store: StoreAPI, name: str, event: str) -> dict[str, Any] | None:
    """The date the named document was passed (or approved), as its own head line says: the first such
    date in it that names no other document."""
    for d, title in named_documents(store, name):
        text = d["text"]
        for ev, rx, _ in ADOPTED_FORMS:
            m = rx.search(text) if ev == event else None
            if m is not None:
                start, end = sentence_span(text, m.start(), m.end(), keep_stop=True)
                return {"doc": d["doc"], "quote": text[start:end], "span": [start, end], "date": m.group("d"),
                        "title": title, "region": d.get("region")}
    return None


def effective_date(store: StoreAPI, name: str, place: str | None) -> dict[str, Any] | None:
    """The date the named document (a regulation's title, as asked) says it takes effect from: the
    stored document whose title the question names (or holds most of), then its 本条例自…起施行."""
    for d, title in named_documents(store, name):
        text = d["text"]
        for rx, _ in EFFECTIVE_FORMS:
            found = list(rx.finditer(text))
            mine = [m for m in found if m.group().startswith("本")] or found
            if mine:
                m = mine[-1]
                start, end = sentence_span(text, m.start(), m.end(), keep_stop=True)
                return {"doc": d["doc"], "quote": text[start:end], "span": [start, end], "date": m.group("d"),
                        "title": title, "region": d.get("region")}
    return None


def count_before_words(store: StoreAPI, unit: str, words: list[str], place: str | None) -> dict[str, Any] | None:
    """A count in the unit asked written right before the question's words (开展三轮…环境综合整治 for
    几轮环境综合整治): the sentence of the place's documents whose count is followed, within its
    clause, by most of the words."""
    if not words:
        return None
    rx = re.compile(rf"(?<![第\d一二两三四五六七八九十百])(\d+|[一二两三四五六七八九十百]+)\s*{re.escape(unit)}([^，。；！？\n]{{0,24}})")
    best, best_s = None, 0.0
    for doc_id in _docs(store, words, place):
        d = store.document(doc_id)
        if d is None or (place and not ((d.get("region") or "") == place or (d.get("region") or "").endswith(place))):
            continue
        text = d["text"]
        for m in rx.finditer(text):
            n = cn_count(m.group(1))
            held = sum(len(w) for w in words if w in m.group(2))
            if n is None or held < 2:
                continue
            start, end = sentence_span(text, m.start(), m.end())
            # the words before the count in its clause count too (打造转型发展五大重点区域 for 打造…的重点区域)
            before = re.split(r"[，,：:；。！？\n]", text[start:m.start()])[-1]
            score = held + sum(len(w) for w in words if w in before and w not in m.group(2))
            if score < max(2, sum(len(w) for w in words) / 2) or score <= best_s:
                continue
            best_s = score
            best = {"doc": d["doc"], "quote": text[start:end], "span": [start, end], "count": n,
                    "written": m.group(1), "unit": unit, "region": d.get("region"), "said": m.group(), "score": score}
    return best


# A rank a sentence states right after a figure (居全国第四, 位居全市第一, 在全市排名第8, 分别居全国第二、
# 第七、第九, 居全国前十): the scope, the rank or ranks as written. (pattern, example, the rank in it)
_RANK_NUM = r"(?:第|前)[一二三四五六七八九十\d]+(?:位|名)?"
RANK_FORMS: list[tuple[str, str, str]] = [
    (rf"(?P<each>分别)?(?:位居|位列|居于|居|列|在)?(?P<scope>全国|全省|全市|全区|全州|全盟|全县|同类城市|西部地区|中部地区)"
     rf"(?:排名|排在|排位|排)?(?P<ranks>{_RANK_NUM}(?:、{_RANK_NUM})*)",
     "固定资产投资增长6%，居全国第四", "第四"),
    (rf"(?P<each>分别)?(?:排名|位居|位列)(?P<scope>全国|全省|全市|全区)(?P<ranks>{_RANK_NUM}(?:、{_RANK_NUM})*)",
     "研发投入强度2.9%，排名全省第三", "第三"),
]
_RANK_RX = [re.compile(p) for p, _e, _r in RANK_FORMS]


def stated_rank(store: StoreAPI, words: list[str], place: str | None, year: int | None,
                question: str = "") -> dict[str, Any] | None:
    """The rank a document of the place states for the asked measure: the rank phrase whose stretch of
    sentence before it (back to the previous rank phrase or the sentence's start) holds most of the
    question's words; with 分别 and several ranks, the one in the place of the asked item in the
    stretch's list (一产、二产、三产增加值分别增长…，分别居全国第二、第七、第九)."""
    best, best_s = None, 0.0
    for doc_id in _docs(store, words, place, years=(year + 1, year) if year else ()):
        d = store.document(doc_id)
        if d is None or (place and d.get("region") and not (d["region"] == place or d["region"].endswith(place))):
            continue
        text = d["text"]
        for rx in _RANK_RX:
            for m in rx.finditer(text):
                start, end = sentence_span(text, m.start(), m.end())
                before = text[start:m.start()]
                prev = max((x.end() for r2 in _RANK_RX for x in r2.finditer(before)), default=0)
                stretch = before[prev:]
                s = float(sum(len(w) for w in words if w in stretch))
                if s == 0:
                    continue
                if year and d.get("year"):
                    s += 3 if d["year"] in (year, year + 1) or f"{year}年" in stretch else 0
                    s -= 20 if d["year"] < year or d["year"] > year + 2 else 0
                ranks = m.group("ranks").split("、")
                rank = ranks[0]
                if rank.startswith("前") and re.search(r"第几|第多少", question):
                    s -= 0.5  # 第几 asks a place in the order: a band (居全国前十) only when no place is stated
                if len(ranks) > 1:
                    lists = [x.split("、") for x in re.findall(r"[^，,。；、\d%]+(?:、[^，,。；、\d%]+)+", stretch)]
                    items = next((x for x in lists if len(x) == len(ranks)), None)
                    # each item by the longest start of it the question writes (服务业增加值分别增长 -> 服务业增加值)
                    held = [max((k for k in range(2, len(it.strip()) + 1) if it.strip()[:k] in question), default=0)
                            for it in items or []]
                    at = held.index(max(held)) if held and max(held) and held.count(max(held)) == 1 else None
                    if at is None:
                        continue  # several ranks and no telling which is asked
                    rank = ranks[at]
                if s > best_s:
                    best_s = s
                    best = {"doc": d["doc"], "quote": text[start:end], "span": [start, end], "rank": rank,
                            "scope": m.group("scope"), "region": d.get("region"), "written": m.group(0)}
    return best


# A later year's sentence naming the earlier year's figure on its way to its own (钢产量由一九五七年的
# 五百三十五万吨增长到一千一百零八万吨): ``{y}`` the earlier year (digits or Chinese), ``{u}`` the unit.
FROM_TO_FORMS: list[tuple[str, str, str]] = [
    (r"(?:由|从)(?:{y})年(?:的|底的|末的)?(?P<v>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?){u}"
     r"(?:增长|增加|提高|上升|扩大|下降|减少|降低|回落)?到(?:\d{{4}}年(?:的|底的|末的)?)?"
     r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(?:{u})",
     "粮食产量由二〇三〇年的五百二十万吨增长到六百一十万吨", "520"),
    # the later year named too (从2031年的3.1万亿元增加到2035年的4.6万亿元)
    (r"(?:由|从)(?:{y})年(?:的|底的|末的)?(?P<v>\d+(?:\.\d+)?){u}(?:增长|增加|提高|上升|扩大|下降|减少|降低|回落)?到"
     r"\d{{4}}年(?:的|底的|末的)?\d+(?:\.\d+)?{u}",
     "全区生产总值从2031年的3.1万亿元增加到2035年的4.6万亿元", "3.1"),
    # 上年 when the earlier year is the one before (常住人口由上年512万人增加到518万人)
    (r"(?:由|从)(?:上|去)年(?:的|底的|末的)?(?P<v>\d+(?:\.\d+)?){u}(?:增长|增加|提高|上升|扩大|下降|减少|降低|回落)?到"
     r"\d+(?:\.\d+)?{u}", "常住人口由上年512万人增加到518万人", "512"),
]
_CN_DIGITS = "〇一二三四五六七八九"
# A sentence going from one figure to the fact's own with no year named for the first (a review's 从…提高到…):
# what a bare 提高了多少 asks for. (pattern, example, the first figure); {u} is the fact's unit.
FROM_TO_BARE_FORMS: list[tuple[str, str, str]] = [
    (r"(?:由|从)(?P<v>\d+(?:\.\d+)?)(?:{u})?(?P<verb>增长|增加|提高|上升|扩大|提升|下降|减少|降低|回落|缩小|压减)(?:到|至)"
     r"(?P<w>\d+(?:\.\d+)?)(?:{u})", "清溪镇集体经济收入占比从12.5%提高到31.2%", "12.5"),
    # a qualifier before the second figure (从86亿元增长到近120亿元)
    (r"(?:由|从)(?P<v>\d+(?:\.\d+)?)(?:{u})?(?P<verb>增长|增加|提高|上升|扩大|提升|下降|减少|降低|回落|缩小|压减)(?:到|至)"
     + QUALIFIER_BEFORE_RX.replace("{", "{{").replace("}", "}}") + r"(?P<w>\d+(?:\.\d+)?)(?:{u})",
     "全镇森林覆盖率从38%提高到近45%", "38"),
    # a one-character verb (由2600公里增至3300公里, 从7.5%降至6.1%)
    (r"(?:由|从)(?P<v>\d+(?:\.\d+)?)(?:{u})?(?P<verb>增|升|降)(?:到|至)(?P<w>\d+(?:\.\d+)?)(?:{u})",
     "云岭县森林覆盖率由41.5%升至46.2%", "41.5"),
]


def stated_from(f: dict[str, Any], earlier: int) -> dict[str, Any] | None:
    """The earlier year's figure a later year's sentence states on its way to its own, in its unit."""
    unit = f.get("unit")
    if not unit or f.get("value") is None:
        return None
    from ...stages.numbers import parse_number

    years = f"{earlier}|{''.join(_CN_DIGITS[int(c)] for c in str(earlier))}|{''.join('零一二三四五六七八九'[int(c)] for c in str(earlier))}"
    for pattern, *_ in FROM_TO_FORMS:
        if "(?:上|去)年" in pattern and f.get("period") != str(earlier + 1):
            continue  # 上年 is the year before the figure's own only
        m = re.search(pattern.format(y=years, u=re.escape(unit)), f.get("quote") or "")
        if m is not None and (v := parse_number(m.group("v"))) is not None:
            return {"value": v, "unit": unit, "text": m.group(0)}
    return None


# The later year's growth over a named earlier year, stated in its own sentence: the base year right before
# the verb (比1995年增长69%) or named once for the whole sentence (一九九二年同一九八七年相比，…钢产量增长百分之
# 四十二). ``{y}`` the earlier year (digits or Chinese); the figure after the verb must be the fact's own change.
# (pattern of the base-year frame, example, the figure read)
GROWTH_SINCE_FORMS: list[tuple[str, str, str]] = [
    (r"(?:比|较)(?:{y})年(?:同期)?(?=(?:增长|提高|下降|减少|增加|降低)了?(?:百分之|\d))", "全县出口额比2030年增长31%", "31"),
    (r"(?:同|与|和|跟)(?:{y})年(?:同期)?(?:相比|比较)", "二〇三五年同二〇三〇年相比，全县油菜籽增长百分之十七", "17"),
    (r"(?:比|较)(?:{y})年(?:同期)?[，,]", "到2035年比2030年，全县茶叶产量增长12.5%", "12.5"),
]
_GROWTH_VERB = re.compile(r"(?P<w>增长|提高|下降|减少|增加|降低)了?(?P<fig>百分之[零〇一二两三四五六七八九十百点]+|\d+(?:\.\d+)?\s*[%％])")


def _years_rx(year: int) -> str:
    return (f"{year}|{''.join(_CN_DIGITS[int(c)] for c in str(year))}|"
            f"{''.join('零一二三四五六七八九'[int(c)] for c in str(year))}|{''.join('〇一二三四五六七八九'[int(c)] for c in str(year)).replace('〇', '○')}")


def growth_since(f: dict[str, Any], earlier: int) -> dict[str, Any] | None:
    """The fact's own growth over ``earlier`` as its sentence states it ({word, value, text}): a base-year
    frame of :data:`GROWTH_SINCE_FORMS` naming ``earlier``, then, before any other base year, the verb and
    the fact's change figure. None when the sentence names no such base (a growth over 上年 is not one)."""
    from ...stages.numbers import parse_number

    if f.get("change") is None or f.get("change_unit") not in ("%", None):
        return None
    quote = f.get("quote") or ""
    for pattern, *_ in GROWTH_SINCE_FORMS:
        for frame in re.finditer(pattern.format(y=_years_rx(earlier)), quote):
            # the frame holds to the sentence's end (its clauses may be parted by ；) or another base year
            rest = re.split(r"[。！？\n]|(?:比|较|同|与|和|跟)(?:\d{4}|[〇○零一二三四五六七八九]{4})年", quote[frame.end():])[0]
            for m in _GROWTH_VERB.finditer(rest):
                fig = m.group("fig").rstrip("%％ ")
                v = parse_number(fig) if fig.startswith("百分之") else float(fig)
                if v is not None and abs(v - abs(f["change"])) < 1e-9:
                    end = frame.end() + m.end()
                    text = quote[frame.start():end] if end - frame.start() <= 40 else m.group()
                    return {"word": m.group("w"), "value": v, "text": text}
    return None


_PART_FIGURE = rf"\d+(?:\.\d+)?(?:%|％|个百分点)?{alternation(QUALIFIERS_AFTER)}?"  # the lexicon's qualifiers after a figure


def parts_in(quote: str, parts: tuple[tuple[str, ...], ...], compound: str) -> list[tuple[str, str, float]]:
    """Each part's figure as the sentence states it: all at once after 分别 (一二三产增加值分别增长3.5%左右、
    6%左右、5%左右), else each part by name (一产增加值增长6%左右，二产增加值增长6%左右): (part, figure, value)."""
    m = re.search(rf"(?:{compound})[^，。；]{{0,12}}?分别(?:增长|提高|为|是|达到)?((?:{_PART_FIGURE}[、和与及，]?)+)", quote)
    if m is not None:
        figs = [x for x in re.split(r"[、和与及，]", m.group(1)) if x]
        if len(figs) == len(parts):
            return [(names[0], fig, float(re.match(r"\d+(?:\.\d+)?", fig).group())) for names, fig in zip(parts, figs, strict=True)]
    out = []
    for names in parts:
        alias = "|".join(map(re.escape, names))
        hit = re.search(rf"(?:{alias})[^，。；、\d]{{0,16}}?({_PART_FIGURE})", quote)
        if hit is not None:
            out.append((names[0], hit.group(1), float(re.match(r"\d+(?:\.\d+)?", hit.group(1)).group())))
    return out if len(out) >= 2 else []


def _named_before(quote: str, own: str, words: list[str]) -> bool:
    """Whether the clauses before the figure's own clause, back to the previous figure, name the measure
    (外销订单从9月份开始回升，全年达到860亿美元: 外销订单 is the subject of 全年达到…)."""
    at = quote.find(own)
    if at <= 0:
        return False
    before = re.sub(r"\d+(?:月份?|日|号|年)", "", quote[:at])  # 7月份 is a date, not a figure
    before = re.split(r"\d", before)[-1]  # back to the previous figure, which the measure would be of
    return sum(w in before for w in words) >= 2 or any(len(w) >= 4 and w in before for w in words)


# A target read back in the next year's report (没有实现年初确定的…降低4%左右, 完成了预期目标…增长7%): the figure
# follows words naming it a target in its own clause. Each row: the pattern before the figure, an invented sentence.
RESTATED_FORMS: list[tuple[str, str]] = [
    (r"(?:年初|年度|原|事先|此前)?(?:确定|提出|设定|制定|安排)的[^，。；\d]{0,24}$", "全区没有实现年初确定的单位产值能耗降低3%左右的目标"),
    (r"(?:预期|计划)目标[^，。；\d]{0,16}$", "未能完成预期目标中的能耗降低3%左右"),
]
# What the sentence says of the target, first match wins: (verdict, pattern, invented sentence)
VERDICT_FORMS: list[tuple[str, str, str]] = [
    ("missed", r"没有实现|未能实现|未实现|没有完成|未能完成|未完成|没有达到|未达到|未能达到", "全区没有实现年初确定的单位产值能耗降低3%左右的目标"),
    ("met", r"超额完成|全面完成|顺利完成|如期完成|完成了|实现了|达到了|顺利实现|如期实现", "全区超额完成了年初确定的粮食产量1200万吨的目标"),
]


def _before_figure(f: dict[str, Any]) -> str:
    quote = f.get("quote") or ""
    r = raw(f)
    at = quote.find(r) if r else -1
    return quote[:at] if at > 0 else ""


def restated_target(f: dict[str, Any]) -> bool:
    """Whether the figure is a target the sentence reads back (年初确定的…降低4%左右), not an outcome."""
    before = _before_figure(f)
    return any(re.search(rx, before) for rx, _ in RESTATED_FORMS)


def verdict_said(f: dict[str, Any]) -> str | None:
    """met / missed as the sentence restating the target words it, else None."""
    for v, rx, _ in VERDICT_FORMS:
        if re.search(rx, f.get("quote") or ""):
            return v
    return None


def verdict_words(f: dict[str, Any]) -> str:
    """The sentence's own words of the verdict (没有实现), for the answer."""
    for _v, rx, _ in VERDICT_FORMS:
        if (m := re.search(rx, f.get("quote") or "")) is not None:
            return m.group()
    return ""


def stated_from_bare(f: dict[str, Any]) -> dict[str, Any] | None:
    """The figure the fact's sentence goes from on its way to the fact's own (从796元提高至842元), with the
    verb, or None; the sentence's second figure must be the fact's."""
    unit = f.get("unit")
    if not unit or f.get("value") is None:
        return None
    for pattern, *_ in FROM_TO_BARE_FORMS:
        for m in re.finditer(pattern.format(u=re.escape(unit)), f.get("quote") or ""):
            if float(m.group("w")) == f["value"]:
                verb = {"增": "增加", "升": "上升", "降": "下降"}.get(m.group("verb"), m.group("verb"))  # 增至: 增加
                return {"value": float(m.group("v")), "unit": unit, "verb": verb, "text": m.group(0)}
    return None


# A fine a regulation sets, as its sentences state it (pattern, example): 处50元以上200元以下罚款, 处以
# 500元罚款, 可处200元以下的罚款, 罚款100元
_YUAN = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?:万)?元"  # 200元, 二十万元
FINE_FORMS: list[tuple[str, str]] = [
    (rf"(?:{_YUAN}以上)?{_YUAN}以下(?:的)?罚款", "由城管部门责令改正，处20元以上100元以下罚款"),
    (rf"(?<=处)(?:以)?{_YUAN}(?:的)?罚款", "拒不改正的，处以300元罚款"),
    (rf"罚款{_YUAN}", "对个人罚款50元"),
    # a share of a sum (处工程造价3%以上5%以下罚款)
    (r"(?<=处)(?:以)?[\u4e00-\u9fff]{0,10}?\d+(?:\.\d+)?%(?:以上\d+(?:\.\d+)?%以下)?(?:的)?罚款", "逾期不拆除的，处工程造价3%以上5%以下罚款"),
]
FINE = re.compile("|".join(f"(?:{rx})" for rx, _ in FINE_FORMS))


def place_regulations(store: StoreAPI, place: str) -> list[tuple[dict[str, Any], str]]:
    """The regulations stored for a place (郑州的条例 names none by its title: the place's own)."""
    out = []
    for row in store.documents(region=place):
        title = row.get("title") or ""
        if row.get("kind") == "regulation" or re.search(r"(?:条例|办法|规定|细则)$", title):
            d = store.document(row["id"])
            if d:
                out.append((d, title))
    return out


def fine_sentence(store: StoreAPI, name: str, words: list[str],
                  docs: list[tuple[dict[str, Any], str]] | None = None) -> dict[str, Any] | None:
    """The sentence (or list item) of the named regulation (or of ``docs``) that sets a fine and holds
    most of the question's words, with the fine as written; None when no sentence holds any of them."""
    best: tuple[tuple[int, int, int], int, dict[str, Any]] | None = None
    for d, title in named_documents(store, name) if docs is None else docs:
        text = d["text"]
        for m in FINE.finditer(text):
            start, end = sentence_span(text, m.start(), m.end(), keep_stop=False)
            said = text[start:end]
            hits = sum(len(w) for w in words if w in said)
            # the clause of this fine (对个人处…罚款，对单位处…罚款: 对单位 asked, the second)
            clause = text[max([start] + [text.rfind(c, start, m.start()) + 1 for c in "，；,;"]):m.end()]
            key = (hits, sum(len(w) for w in words if w in clause), -len(said))
            if hits and (best is None or key > best[0]):
                fine = re.sub(r"^以|的?罚款$|^罚款", "", m.group())
                best = (key, 0, {"doc": d["doc"], "quote": said, "span": [start, end], "fine": fine,
                                 "title": title, "region": d.get("region")})
    return best[2] if best else None


# The members a sentence names for "<verb>哪几个/哪N个<noun>" (重点发展哪几个产业): the list right after the
# question's verb. (name, pattern with {v} the verb and {n} the noun, invented example, a question it
# answers, a member it reads)
MEMBER_FORMS: list[tuple[str, str, str, str, str]] = [
    ("list-then-noun", r"{v}(?P<l>[^，。；：“”\n]{{2,80}}?)(?:等)?(?:[几一二两三四五六七八九十\d]+(?:个|项|类|大|种))?{n}",
     "下一步，青川镇将重点培育茶叶、竹编、山地民宿等特色产业", "青川镇要重点培育哪几个特色产业？", "竹编"),
    ("each-ends-with-noun", r"{v}(?P<l>[^，。；：、和与及\n]{{1,10}}?{n}(?:[、和与及][^，。；：、和与及\n]{{1,10}}?{n})+)",
     "要加快建设东岸科创片区和西岭物流片区", "提出要加快建设哪两个片区？", "西岭物流片区"),
]
_SMALL = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _member_query(q: str) -> tuple[list[str], str, int | None] | None:
    """(the verb's endings longest first, the noun, how many are asked or None) of a members question."""
    m = W.MEMBERS_Q.search(q)
    if m is None:
        return None
    verb = re.sub(r"^(?:提出|计划|准备|打算|将要|将|要|还要|会)+", "", m.group("v"))
    return [verb[i:] for i in range(0, max(1, len(verb) - 1)) if len(verb[i:]) >= 2], m.group("noun"), _SMALL.get(m.group("n"))


def members_in(text: str, q: str) -> tuple[list[str], re.Match[str]] | None:
    """The members the text names for the question "<verb>哪几个<noun>" (:data:`MEMBER_FORMS`), as many as the
    question counts (哪两个; at least two for 哪几个), and the match; the verb tried from its longest ending
    down to two characters (下一阶段重点聚焦 -> 重点聚焦 -> 聚焦)."""
    asked = _member_query(q)
    if asked is None:
        return None
    verbs, noun, want = asked
    for v in verbs:
        if v not in text:
            continue
        for _name, pattern, *_ in MEMBER_FORMS:
            for hit in re.finditer(pattern.format(v=re.escape(v), n=re.escape(noun)), text):
                parts = [x.strip() for x in re.split(r"、|和|及|与", hit.group("l")) if x.strip()]
                if len(parts) >= 2 and (not want or len(parts) == want) and all(2 <= len(x) <= 14 for x in parts):
                    return parts, hit
    return None


def members(store: StoreAPI, q: str, place: str | None) -> dict[str, Any] | None:
    """:func:`members_in` over the place's documents that hold the noun: {members, doc, quote, span, region, said}."""
    asked = _member_query(q)
    if asked is None:
        return None
    verbs, noun, _want = asked
    # the words naming whose list it is (综合保税区发展要坚持…): the document must hold the longer ones and most
    head = q[:W.MEMBERS_Q.search(q).start("v")] + (verbs[0][:-2] if verbs else "")
    for name in (place, re.sub(r"(?:省|市|区|县|自治区)$", "", place or "")):
        head = head.replace(name, " ") if name else head
    whose = [w for w in words_of(head) if w not in GENERIC]
    for doc_id in _docs(store, [noun, *verbs[:1]], place, limit=6):
        d = store.document(doc_id)
        if d is None or (place and d.get("region") and not (d["region"] == place or d["region"].endswith(place))):
            continue
        if whose and (any(len(w) >= 3 and w not in d["text"] for w in whose) or
                      sum(len(w) for w in whose if w in d["text"]) * 2 < sum(len(w) for w in whose)):
            continue  # every one of three characters or more
        found = members_in(d["text"], q)
        if found is not None:
            parts, hit = found
            s, e = sentence_span(d["text"], hit.start(), hit.end())
            return {"members": parts, "doc": d["doc"], "quote": d["text"][s:e], "span": [s, e],
                    "region": d.get("region"), "said": hit.group()}
    return None


_EVENT_DAY = (r"(?:\d{{4}}|[〇零一二三四五六七八九]{{4}})年(?:[\d一二三四五六七八九十]{{1,2}}月"
              r"(?:[\d一二三四五六七八九十]{{1,3}}[日号])?)?(?:底|末|初)?")
# The date a sentence gives for an event: {d} the date, {v} the question's verb. (name, pattern, invented example,
# the verb, the date read)
EVENT_DATE_FORMS: list[tuple[str, str, str, str, str]] = [
    ("on", rf"(?P<d>{_EVENT_DAY})(?:起)?(?:正式|开始|全面|顺利)?{{v}}", "溪北县政务服务网于2031年3月8日正式上线", "上线", "2031年3月8日"),
    ("before", rf"(?:于|在)(?P<d>{_EVENT_DAY})(?:之)?前(?:全面|全部)?{{v}}", "各部门要在2031年6月底前完成清理工作", "完成",
     "2031年6月底"),
    ("field", rf"{{v}}(?:日期|时间)[：:]\s*(?P<d>{_EVENT_DAY})", "文号：溪政发〔2031〕9号 发布日期： 2031年02月14日", "发布",
     "2031年02月14日"),
]


def event_date(store: StoreAPI, q: str, place: str | None) -> dict[str, Any] | None:
    """The date the place's documents give for the event the question names (:data:`W.EVENT_Q`): the sentence
    (or line) with a date form of :data:`EVENT_DATE_FORMS` for the question's verb that holds most of the
    subject's words, at least half of them. {date, said, doc, quote, span, region}."""
    m = W.EVENT_Q.search(q)
    if m is None:
        return None
    words = [w for w in words_of(m.group("s")) if w not in GENERIC]
    if not words:
        return None
    forms = [(n, rx) for n, rx, *_ in EVENT_DATE_FORMS if (n == "before") == bool(m.group("before")) or n == "field"]
    best, best_s = None, 0.0
    for doc_id in _docs(store, words, place, together=True):
        d = store.document(doc_id)
        if d is None or (place and d.get("region") and not (d["region"] == place or d["region"].endswith(place))):
            continue
        text = d["text"]
        for _n, rx in forms:
            for hit in re.finditer(rx.format(v=re.escape(m.group("v"))), text):
                start, end = sentence_span(text, hit.start(), hit.end())
                said = text[start:end]
                s = sum(len(w) for w in words if w in said)
                if s > best_s and s >= sum(len(w) for w in words) / 2:
                    best_s, best = s, {"date": hit.group("d"), "said": hit.group(), "doc": d["doc"], "quote": said,
                                       "span": [start, end], "region": d.get("region")}
    return best


def ordinal(store: StoreAPI, q: str, place: str | None) -> dict[str, Any] | None:
    """The number a sentence gives the thing a "第几次<noun>" question asks about (主持召开第163次区委常委会会议):
    the sentence of the place's documents writing 第N<unit><noun> that holds most of the question's other words
    (who, when), at least one of them. {written, said, doc, quote, span, region}."""
    m = W.ORDINAL_Q.search(q)
    if m is None:
        return None
    noun, unit = m.group("noun"), m.group("u")
    words = [w for w in words_of(q[:m.start()]) if w not in GENERIC and w not in noun]
    rx = re.compile(rf"第(\d+|[一二两三四五六七八九十百]+){unit}{re.escape(noun)}")
    best, best_s = None, 0
    for doc_id in _docs(store, [noun, *words], place, limit=6):
        d = store.document(doc_id)
        if d is None or (place and d.get("region") and not (d["region"] == place or d["region"].endswith(place))):
            continue
        for hit in rx.finditer(d["text"]):
            start, end = sentence_span(d["text"], hit.start(), hit.end())
            s = sum(len(w) for w in words if w in d["text"][max(0, start - 60):end])
            if s > best_s:
                best_s, best = s, {"written": f"第{hit.group(1)}{unit}", "said": hit.group(), "doc": d["doc"],
                                   "quote": d["text"][start:end], "span": [start, end], "region": d.get("region")}
    return best
