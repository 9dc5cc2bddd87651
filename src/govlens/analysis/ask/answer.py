"""The answer object, how a figure is written, and the nearest sentences when nothing answers."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ...lexicon.figures import written_figures
from ...lexicon.load import alternation
from ...lexicon.words import CHANGE_SIGN, QUALIFIERS, QUALIFIERS_AFTER, QUALIFIERS_BEFORE, qualifier_after
from ...store.api import StoreAPI
from . import words as W

_VERBS = alternation(CHANGE_SIGN)  # the lexicon's change verbs


@dataclass
class Answer:
    answer: str = ""
    citations: list[dict[str, Any]] = field(default_factory=list)
    table: list[dict[str, Any]] = field(default_factory=list)
    parsed: dict[str, Any] = field(default_factory=dict)  # the plan
    phrased: str | None = None  # the optional LLM's wording (analysis/llm.py), never a new figure
    note: str | None = None  # what the answer covers, or a figure govlens computed (a difference)
    chart: str | None = None  # "bar" (a comparison) or "line" (a trend) over ``table``
    computed: list[str] = field(default_factory=list)  # figures not read from a cited sentence: counted,
    # computed (a difference) or the question's own (a target stated in it)

    def to_dict(self) -> dict[str, Any]:
        out = {"answer": self.answer, "citations": self.citations, "table": self.table, "parsed": self.parsed}
        for extra in ("phrased", "note", "chart", "computed"):
            if getattr(self, extra):
                out[extra] = getattr(self, extra)
        return out




def cite(f: dict[str, Any]) -> dict[str, Any]:
    return {"doc": f["doc"], "quote": f["quote"], "span": f["span"]}


def num(x: float) -> str:
    return f"{x:.12g}" if abs(x) < 1e15 else str(x)  # 60199.45 stays 60199.45 (:g keeps six digits)


def figure(f: dict[str, Any], field_: str | None = None) -> str:
    """``5%左右``, ``增长5.2%``, ``1134亿元，增长1%`` (``field_``: only the value or only the change)."""
    parts = []
    if f.get("value") is not None and field_ != "change":
        hi = f"-{num(f['value_max'])}" if f.get("value_max") is not None else ""
        parts.append(f"{num(f['value'])}{hi}{f.get('unit') or ''}")
    if f.get("change") is not None and field_ != "value":
        word = "增长" if f["change"] >= 0 else "下降"
        if f.get("change_unit") == "百分点":
            word = "提高" if f["change"] >= 0 else "降低"
        if f.get("annual_average"):
            word = "年均" + word
        hi = f"-{num(abs(f['change_max']))}" if f.get("change_max") is not None else ""
        unit = "个百分点" if f.get("change_unit") == "百分点" else f.get("change_unit") or ""
        # the sentence's own verb when it writes one right before the figure (上涨2%, 回落0.5个百分点)
        verb = _verb_before(f.get("quote") or "", num(abs(f["change"])))
        if verb and not f.get("annual_average"):
            word = verb
        parts.append(f"{word}{num(abs(f['change']))}{hi}{unit}")
    q = f.get("qualifier") or ""
    if field_ == "change" and f.get("value") is not None:
        q = ""  # a qualifier is written with the first figure, the level (超过126万亿元，增长5.2%)
    if q and qualifier_after(q) and f.get("value") is not None and field_ != "change" and parts:
        r = raw(f, "value") or ""
        if f.get("unit") and q in r and not r.endswith(q):  # 67700多亿元, 四亿零七百多万吨: inside the level
            parts[0] = parts[0].replace(f"{num(f['value'])}", f"{num(f['value'])}{q}", 1)
            return "，".join(parts)
    if q and len(parts) == 2:
        # both figures: the qualifier goes with the one the sentence writes it next to (4%左右、提高1个百分点)
        quote, level = f.get("quote") or "", f"{num(f['value'])}{f.get('unit') or ''}"
        if (level + q) in quote or (q + level) in quote:
            parts[0] = parts[0] + q if qualifier_after(q) else q + parts[0]
            return "，".join(parts)
    text = "，".join(parts)
    if qualifier_after(q):  # 左右, 以上, 上下 … follow the figure; 约, 不低于, 力争 … come before it
        return text + q
    return (q + text) if q else text


def _verb_before(quote: str, fig: str) -> str | None:
    """The change verb written nearest before the figure, at most three characters from it (规模工业增加值
    增长6%: 增长, not the 增加 of the measure's name)."""
    for m in re.finditer(rf"(?<![\d.]){re.escape(fig)}(?![\d])", quote):
        before = quote[max(0, m.start() - 8):m.start()]
        verbs = [v for v in re.finditer(rf"({_VERBS})(?=[^\d，。；]{{0,3}}$)", before)]
        if verbs:
            return verbs[-1].group(1)
    return None


# Qualifiers from the lexicon's one list: written before the figure (and the cue words 力争, 控制在), after it.
_BEFORE = alternation((*QUALIFIERS_BEFORE, *(w for w in QUALIFIERS if w not in QUALIFIERS_BEFORE + QUALIFIERS_AFTER)))
_AFTER = alternation(QUALIFIERS_AFTER)
_UNITS = (r"(?:元|美元|人次|人|斤|吨标准煤|吨|个|件|项|家|套|台|辆|平方公里|公里|微克/立方米|立方米|平方米|公顷|亩|户|所"
          r"|张|名|次|倍|千瓦时|千瓦|标准箱|天|小时)")
_RAW = re.compile(
    rf"{_BEFORE}?\d+(?:\.\d+)?(?:[多余](?=[万亿千百]*{_UNITS}))?"
    r"(?:\s*(?:%|％)?\s*[—\-–~～至到]\s*\d+(?:\.\d+)?)?"
    rf"\s*(?:个百分点|百分点|%|％|‰|[万亿千百]*{_UNITS})?"
    rf"{_AFTER}?")
# A figure written in Chinese numerals (百分之十八点二, 一千一百零八万吨, 四亿零七百多万吨): a percentage, or a
# run of numerals with a unit after it, so that 一些 or 一九九三年 is no figure.
_CN = "[零〇○一二两三四五六七八九十百千]"
_RAW_CN = re.compile(
    rf"{_BEFORE}?(?:百分之{_CN}+(?:点{_CN}+)?"
    rf"|{_CN}(?:{_CN}|[万亿点]|[多余](?=[万亿]))*[多余]?(?:个百分点|百分点|[万亿]*{_UNITS}))"
    rf"{_AFTER}?")


def raw(f: dict[str, Any], field_: str | None = None) -> str | None:
    """The figure as the sentence writes it (4.5%—5%, 2.5％, 1600亿斤以上), after the measure's name."""
    quote, metric = f.get("quote") or "", f.get("metric") or ""
    at = quote.find(metric) if metric else -1
    fields = ("value", "change") if field_ is None else (field_,)
    wanted = {abs(f[k]) for k in fields if f.get(k) is not None}
    found = [m for m in _RAW.finditer(quote, max(at, 0))
             if {float(x) for x in re.findall(r"\d+(?:\.\d+)?", m.group())} & wanted]  # 637.80 is 637.8
    found += [m for m in _RAW_CN.finditer(quote, max(at, 0))  # 百分之十八点二 is 18.2, 四亿零七百多万吨 40700 (万吨)
              if {float(x) for x in written_figures(m.group()).split(" ")[1:] if x} & wanted]
    if found:
        return min(found, key=lambda m: m.start()).group()
    return None


def as_written(f: dict[str, Any], text: str, field_: str | None = None) -> str:
    """``text`` (a figure as govlens writes it), followed by the sentence's own wording when it differs."""
    fields = [field_] if field_ else [k for k in ("value", "change") if f.get(k) is not None] or [None]
    written: list[str] = []
    for k in fields:  # each figure on its own: 1958亿美元 as govlens writes it, 百分之十八点二 not
        r = raw(f, k if len(fields) > 1 else field_)
        if r and r not in text and r not in written:
            written.append(r)
    return f"{text}（原文“{'”“'.join(written)}”）" if written else text


def kind_word(f: dict[str, Any]) -> str:
    return {"target": "目标", "forecast": "预计"}.get(f.get("kind") or "", "")


def when(f: dict[str, Any]) -> str:
    period = f.get("period") or ""
    if re.fullmatch(r"\d{4}-\d{4}", period):
        return "{}年至{}年".format(*period.split("-"))  # a plan period: years, not figures
    return f"{period}年" if period.isdigit() else period


def passages(store: StoreAPI, question: str, k: int = 3, k1: float = 1.2, b: float = 0.75) -> list[dict[str, Any]]:
    """The k best sentences for the question by BM25 over the sentences of the best-matching documents
    (IDF counted over those sentences); each carries the question words it contains (``words``) so a
    page can highlight them."""
    from ...store.fts import tokens

    words = {t[2] for t in tokens(question) if len(t[2]) >= 2 and t[2] not in W.STOP}
    if not words:
        return []
    docs: dict[int, None] = {}
    for w in sorted(words, key=len, reverse=True)[:4]:
        docs.update((h["id"], None) for h in store.search(w, limit=3))
    sentences: list[tuple[str, int, int, str, dict[str, int]]] = []
    for doc_id in docs:
        d = store.document(doc_id)
        if d is None:
            continue
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
