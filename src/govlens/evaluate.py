"""Score extraction against the gold sets (``tests/gold/dev`` and ``tests/gold/blind``).

Gold regions are named without copying document text, in one of two forms:

* dev: ``{"file": corpus file, "anchor": a string}`` — the region is the line of the normalised
  text that holds the anchor;
* blind: ``{"path": "corpus/FILE" or "seeds/FILE" (relative to ../shared), "anchor": …, "until": …}``
  — anchor and until are runs of Han characters; the region runs from the start of ``anchor`` to
  the end of ``until``, both found in the document's Han characters (so punctuation, digits and line
  breaks that normalisation changes do not matter).

Every indicator a region states is annotated; a prediction counts when its figure lies inside the
region (for a figure written in Chinese numerals, when its quote starts there).

* lenient: the numbers agree (value, value_max, change, change_max);
* numbers only: the figures (every value, value_max, change, change_max, sign ignored) found in the
  region, whatever field or row they sit in — "did we find the numbers";
* strict: lenient, and unit, change_unit, kind, period (unless the annotator marked it unsure) and
  metric agree. Metrics agree when equal, when one contains the other, or when their character
  bigrams overlap (Dice >= 0.5) — the metric is the document's own words, and annotators and the
  extractor may cut a phrase at slightly different places.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .lexicon import words
from .lexicon.words import RATE_NOUNS, YEAR_ANY
from .model import Indicator
from .pipeline import process

FIELDS = Indicator.columns("evaluated")
ATTRS = ("metric", "unit", "change_unit", "kind", "period", "qualifier")


@dataclass
class Score:
    gold: int = 0
    pred: int = 0
    lenient: int = 0
    strict: int = 0
    attr_ok: Counter[str] = field(default_factory=Counter)
    attr_n: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    gloss_gold: int = 0
    gloss_pred: int = 0
    gloss_tp: int = 0
    num_gold: int = 0
    num_pred: int = 0
    num_tp: int = 0
    regions: int = 0

    @staticmethod
    def _f1(tp: int, gold: int, pred: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def strict_prf(self) -> tuple[float, float, float]:
        return self._f1(self.strict, self.gold, self.pred)

    def lenient_prf(self) -> tuple[float, float, float]:
        return self._f1(self.lenient, self.gold, self.pred)

    def glossary_prf(self) -> tuple[float, float, float]:
        return self._f1(self.gloss_tp, self.gloss_gold, self.gloss_pred)

    def numbers_prf(self) -> tuple[float, float, float]:
        return self._f1(self.num_tp, self.num_gold, self.num_pred)

    def as_dict(self) -> dict[str, Any]:
        sp, sr, sf = self.strict_prf()
        lp, lr, lf = self.lenient_prf()
        gp, gr, gf = self.glossary_prf()
        np_, nr, nf = self.numbers_prf()
        return {
            "gold": self.gold, "pred": self.pred, "regions": self.regions,
            "strict": {"p": sp, "r": sr, "f1": sf}, "lenient": {"p": lp, "r": lr, "f1": lf},
            "numbers": {"p": np_, "r": nr, "f1": nf, "gold": self.num_gold},
            "attributes": {a: self.attr_ok[a] / self.attr_n[a] for a in ATTRS if self.attr_n[a]},
            "glossary": {"p": gp, "r": gr, "f1": gf, "gold": self.gloss_gold},
        }


def _num_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-6 * max(1.0, abs(float(a)))


def _numbers_match(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return all(_num_eq(g[k], p.get(k)) for k in ("value", "value_max", "change", "change_max")) or same_fact(g, p)


# Two written forms the annotation guide (tests/gold/README.md, "One fact, two forms") counts as one fact:
# a magnitude moved between number and unit (3.5亿平方米 = 35000万平方米), and a rate of change named by
# its noun (居民消费价格涨幅2%) held as the value or as the change.
# The rate nouns are lexicon/data/rate_nouns.txt, the list the extractor reads too.


def _canonical(d: dict[str, Any], rate: bool) -> tuple[Any, ...]:
    """The row's figures in base units (:func:`numbers.in_base`); a rate's lone figure as its change."""
    from .stages.numbers import in_base

    def base(v: Any, unit: str | None) -> tuple[float | None, str | None]:
        if v is None:
            return None, None
        got = in_base(float(v), unit)
        return (float(v), unit) if got is None else got

    value, vmax, unit = d.get("value"), d.get("value_max"), d.get("unit")
    change, cmax, cunit = d.get("change"), d.get("change_max"), d.get("change_unit")
    if rate and change is None and value is not None and unit in ("%", "百分点"):
        value, vmax, unit, change, cmax, cunit = None, None, None, value, vmax, unit
    (v, u), (vm, _) = base(value, unit), base(vmax, unit)
    (c, cu), (cm, _) = base(change, cunit), base(cmax, cunit)
    return v, vm, u, c, cm, cu


def same_fact(g: dict[str, Any], p: dict[str, Any]) -> bool:
    """Whether ``p`` states ``g``'s figures in the other of two forms the guide counts as one fact (units
    included: 3.5亿平方米 is 35000万平方米, never 35000万元)."""
    rate = any(n in (g.get("metric") or "") or n in (p.get("metric") or "") for n in RATE_NOUNS)
    a, b = _canonical(g, rate), _canonical(p, rate)
    nums = (0, 1, 3, 4)
    return all(_num_eq(a[k], b[k]) for k in nums) and a[2] == b[2] and a[5] == b[5] and any(
        a[k] is not None for k in nums)


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"[\s“”\"（）()]", "", s)
    return {s[i : i + 2] for i in range(len(s) - 1)} or {s}


def metric_match(gold: str | None, pred: str | None) -> bool:
    if not gold or not pred:
        return gold == pred
    if gold == pred or gold in pred or pred in gold:
        return True
    a, b = _bigrams(gold), _bigrams(pred)
    return 2 * len(a & b) / (len(a) + len(b)) >= 0.5


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def load_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def load_gold(folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    gpath = folder / "glossary.jsonl"
    return load_rows(folder / "indicators.jsonl"), load_rows(gpath) if gpath.exists() else []


def _han_index(text: str) -> tuple[str, list[int]]:
    """The document's Han characters as one string, and where each one is in the text."""
    pos = [m.start() for m in _HAN.finditer(text)]
    return "".join(text[i] for i in pos), pos


def _figures(d: dict[str, Any]) -> list[float]:
    return [abs(float(d[k])) for k in ("value", "value_max", "change", "change_max") if d.get(k) is not None]


def _figure_at(text: str, lo: int, hi: int, values: list[float]) -> bool | None:
    """Whether one of ``values`` is written in digits within ``text[lo:hi]``; None when none of them is
    written in digits anywhere in the wider text given (Chinese numerals, 八成, 1/3)."""
    for m in _NUMBER.finditer(text, lo, hi):
        x = float(m.group().replace(",", ""))
        if any(abs(x - v) < 1e-6 * max(1.0, v) for v in values):
            return True
    return None


class _Docs:
    """Documents of the gold files, each processed once."""

    def __init__(self, corpus_dir: Path, shared: Path) -> None:
        self.corpus_dir, self.shared = corpus_dir, shared
        self.cache: dict[Path, list] = {}
        self.han: dict[int, tuple[str, list[int]]] = {}

    def of(self, path: Path) -> list:
        if path not in self.cache:
            r = process(str(path), extract=True)
            if r.error:
                raise r.error
            if r.doc_errors:
                raise r.doc_errors[0]
            self.cache[path] = r.docs
        return self.cache[path]

    def han_of(self, doc) -> tuple[str, list[int]]:
        if id(doc) not in self.han:
            self.han[id(doc)] = _han_index(doc.text)
        return self.han[id(doc)]

    def region(self, row: dict[str, Any]) -> tuple[str, Any, int, int]:
        """(name, document, start, end) of a gold row's region, in either form (see the module doc)."""
        if "path" in row:
            name = row["path"]
            for doc in self.of(self.shared / name):
                han, pos = self.han_of(doc)
                i = han.find(row["anchor"])
                if i < 0:
                    continue
                j = han.find(row["until"], i)
                if j < 0:
                    raise ValueError(f"until not found after anchor: {name}: {row['anchor']} … {row['until']}")
                return name, doc, pos[i], pos[j + len(row["until"]) - 1] + 1
            raise ValueError(f"anchor not found: {name}: {row['anchor']}")
        name = row["file"]
        doc = next((d for d in self.of(self.corpus_dir / name) if row["anchor"] in d.text), None)
        if doc is None:
            raise ValueError(f"anchor not found: {name}: {row['anchor']}")
        at = doc.text.index(row["anchor"])
        ls = doc.text.rfind("\n", 0, at) + 1
        le = doc.text.find("\n", at)
        return name, doc, ls, len(doc.text) if le < 0 else le


def _in_region(doc, f, lo: int, hi: int) -> bool:
    """A fact is in a region when its figure is: written in digits there, else its quote starts there."""
    if f.end <= lo or f.start >= hi:
        return False
    values = _figures(f.data)
    if _figure_at(doc.text, f.start, f.end, values):
        return bool(_figure_at(doc.text, max(lo, f.start), min(hi, f.end), values))
    if (written := f.data.get("as_written")) and (at := doc.text.find(written, f.start, f.end)) >= 0:
        return lo <= at < hi  # 翻一番: the figure as written is where the fact is
    if f.start < lo or f.end > hi:
        # 处以五十元罚款 at the end of a quote that opens before the region: where the scanner reads the figure
        from .stages.indicators.scan import find_mentions

        for m in find_mentions(doc.text, f.start, f.end, []):
            if any(v is not None and abs(v - x) < 1e-6 * max(1.0, abs(x)) for v in (m.value, m.change) for x in values):
                return lo <= m.start < hi
    return lo <= f.start < hi


def _score_numbers(score: Score, golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> None:
    g = Counter(round(x, 4) for row in golds for x in _figures(row))
    p = Counter(round(x, 4) for row in preds for x in _figures(row))
    score.num_gold += sum(g.values())
    score.num_pred += sum(p.values())
    score.num_tp += sum((g & p).values())


def evaluate(gold_dir: str | Path, corpus_dir: str | Path, shared: str | Path | None = None) -> Score:
    """Score one gold folder (``indicators.jsonl``, optionally ``glossary.jsonl``). ``corpus_dir`` holds
    the dev rows' files; ``shared`` (default: the corpus folder's parent) the blind rows' paths."""
    gold_dir, corpus_dir = Path(gold_dir), Path(corpus_dir)
    paras, gloss = load_gold(gold_dir)
    docs = _Docs(corpus_dir, Path(shared) if shared else corpus_dir.parent)
    score = Score()
    for para in paras:
        name, doc, ls, le = docs.region(para)
        score.regions += 1
        preds = [f.data for f in doc.facts if f.type == "indicator" and _in_region(doc, f, ls, le)]
        golds = [dict(zip(FIELDS, row[:10], strict=True)) | {"unsure": row[10] if len(row) > 10 else []}
                 for row in para["facts"]]
        _score_numbers(score, golds, preds)
        score.gold += len(golds)
        score.pred += len(preds)
        used: set[int] = set()
        for g in golds:
            cands = [i for i, p in enumerate(preds) if i not in used and _numbers_match(g, p)]
            if not cands:
                score.misses.append(f"{name}: {g['metric']} {g['value']}{g['unit'] or ''} {g['change']}")
                continue
            i = max(cands, key=lambda i: metric_match(g["metric"], preds[i].get("metric")))
            used.add(i)
            p = preds[i]
            score.lenient += 1
            ok = {
                "metric": metric_match(g["metric"], p.get("metric")),
                "unit": g["unit"] == p.get("unit") or same_fact(g, p),
                "change_unit": g["change_unit"] == p.get("change_unit") or same_fact(g, p),
                "kind": g["kind"] == p.get("kind"),
                "period": "period" in g["unsure"] or g["period"] == p.get("period"),
                "qualifier": g["qualifier"] == p.get("qualifier"),
            }
            for a in ATTRS:
                score.attr_n[a] += 1
                score.attr_ok[a] += ok[a]
            if all(ok[a] for a in ("metric", "unit", "change_unit", "kind", "period")):
                score.strict += 1
            else:
                bad = [a for a in ATTRS if not ok[a]]
                score.misses.append(f"{name}: {g['metric']} {g['value']}{g['unit'] or ''} wrong {bad}: "
                                    f"got {p.get('metric')}|{p.get('unit')}|{p.get('kind')}|{p.get('period')}")
        for i, p in enumerate(preds):
            if i not in used:
                score.misses.append(f"{name}: extra {p.get('metric')} {p.get('value')}{p.get('unit') or ''} "
                                    f"{p.get('change')}")
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gloss:
        by_file[g["file"]].append(g)
    for name, entries in by_file.items():
        found = {e.term.strip("“”"): e for d in docs.of(corpus_dir / name) for e in d.glossary}
        score.gloss_gold += len(entries)
        score.gloss_pred += len(found)
        for g in entries:
            e = found.get(g["term"].strip("“”"))
            if e and e.definition.startswith(g["definition_starts"]):
                score.gloss_tp += 1
            else:
                score.misses.append(f"{name}: glossary {g['term']}")
    return score


SETS = ("dev", "blind")


def gold_sets(root: str | Path, sets: tuple[str, ...] | list[str] = SETS) -> dict[str, Path]:
    """The gold folders to score: ``root`` itself when it holds ``indicators.jsonl``, else its
    ``dev`` and ``blind`` subfolders that do."""
    root = Path(root)
    if (root / "indicators.jsonl").exists():
        return {root.name or "gold": root}
    return {s: root / s for s in sets if (root / s / "indicators.jsonl").exists()}


# --- invariants: what must hold of any extraction, checked over a corpus with no annotation ---------

# Words that are never a metric by themselves, and endings that show a metric was cut at a connective
# ("地区生产总值和", "…出现").
# Single characters that do name a measure (钢二百十七万吨).
ONE_CHAR_METRICS = words.ONE_CHAR_METRICS  # the lexicon's list (lexicon/data/one_char_metrics.txt)
NOT_A_METRIC = ("和", "与", "及", "或", "出现", "率", "为", "是", "的", "了", "达", "达到", "实现", "完成", "增长", "下降",
                "其中", "分别", "同比", "比上年", "确定", "共", "累计", "占", "约", "新增", "提高", "增加", "减少", "总量",
                "规模", "数", "额", "量", "年", "个", "人", "元")
_CUT_AT = ("和", "与", "及", "或", "出现", "并", "且")
_NOT_CUT = ("惠及", "涉及", "普及", "波及", "参与", "总和", "温和", "缓和")  # words, not a connective
# An outcome inside a plan section is expected only with a cue of its own.
_DONE_IN_PLAN = re.compile(r"已|完成|去年|上年|过去|以来|年来|年间|又(?:增长|增加|提高|上升|下降|减少|降低|增产|减产)")
_FIRST_CLAUSE = re.compile(r"[^，,。；\n]*")
_PAST_OPENING = re.compile(r"已|完成|去年|过去|以来|年来|年间|(?<!世界)上年")  # not 世界上年产石油…
_ANY_YEAR = re.compile(rf"(18\d{{2}}|{YEAR_ANY})年")  # 1880年, 一九〇七年, 2021年


def _named_years(text: str, year: int | None = None) -> set[int]:
    """Years a text names: written out (2021年, 一九五七年), as the last year of a plan (第一个五年计划, “十三五”)
    as the year of an event (建国以来) or, said in ``year``, as a century's end or middle (本世纪末)."""
    from .lexicon.words import PLAN_START
    from .stages.indicators.period import century_years, since_years
    from .stages.numbers import cn_year

    plans = {start + 4 for name in _plan_names().findall(text) if (start := PLAN_START.get(name))}
    return ({cn_year(y) for y in _ANY_YEAR.findall(text)} | plans | since_years(text)
            | (century_years(text, year) if year else set()))


@cache
def _plan_names() -> re.Pattern[str]:
    """Plan names, longest first and not inside a longer numeral: “十四五” is not 四五, 十五五 not 十五 or 五五,
    二十五 not 十五."""
    from .lexicon.load import alternation
    from .lexicon.words import PLAN_START

    return re.compile(rf"(?<![一二三四五六七八九十])(?:{alternation(PLAN_START)})")
INVARIANTS = {
    "outcome_not_before_report": "an outcome (actual) dated in or after the year of the work report stating it, "
                                 "not stated as a status (已, 截至, 目前) nor in a report presenting the next year's plan",
    "actual_in_plan_section": "an outcome inside a plan section whose sentence (or the paragraph's opening clause) has "
                              "no 已/完成/去年 cue or past year",
    "metric_not_a_word": "a metric of one character, a function word (和, 出现, 率) or cut at a connective",
    "percent_over_1000": "a percentage (value or change) over 1000",
    "period_outside_horizon": "a period more than 10 years before or 15 after the document's year that its "
                              "sentence does not name",
}


@dataclass
class InvariantReport:
    facts: int = 0
    documents: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def share(self, name: str) -> float:
        return self.counts[name] / self.facts if self.facts else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"facts": self.facts, "documents": self.documents,
                "classes": {k: {"count": self.counts[k], "share": self.share(k), "what": INVARIANTS[k],
                                "examples": self.examples.get(k, [])} for k in INVARIANTS}}


def _span(period: str | None) -> tuple[int, int] | None:
    if not period:
        return None
    parts = period.split("-")
    try:
        return int(parts[0]), int(parts[-1])
    except ValueError:
        return None


_CN_DIGIT = "零一二三四五六七八九"


def _names_count(text: str, n: int) -> bool:
    """Whether ``text`` names a span by its count of years (十七年间, 26年来)."""
    if n < 2 or n > 99:
        return False
    tens, ones = divmod(n, 10)
    cn = (("" if tens == 1 else _CN_DIGIT[tens]) + "十" if tens else "") + (_CN_DIGIT[ones] if ones else "")
    return f"{cn}年" in text or f"{n}年" in text


def broken_invariants(doc, f) -> list[str]:
    """The invariant classes one indicator fact breaks (see :data:`INVARIANTS`)."""
    from .stages.sections import section_context, status_cue, year_end_report

    d, out = f.data, []
    kind, span, year = d.get("kind"), _span(d.get("period")), doc.year
    if kind == "actual" and span and year and doc.kind == "work_report" and span[0] >= year \
            and not status_cue(f.quote) and not (span[1] == year and year_end_report(doc)):
        # (a report presenting the next year's plan was given as its own year closed: sections.py)
        out.append("outcome_not_before_report")
    if kind == "actual" and section_context(doc, f.start).kind == "target":
        # or the paragraph's opening clause ("过去的一年，…。粮食总产量达到…") names a past time
        opening = _FIRST_CLAUSE.match(doc.text, doc.text.rfind("\n", 0, f.start) + 1).group()  # type: ignore[union-attr]
        past = [y for y in _named_years(opening + "，" + f.quote) if year and y < year]
        if not past and not _DONE_IN_PLAN.search(f.quote) and not _PAST_OPENING.search(opening):
            out.append("actual_in_plan_section")
    metric = (d.get("metric") or "").strip()
    if metric and ((len(metric) <= 1 and metric not in ONE_CHAR_METRICS) or metric in NOT_A_METRIC
                   or (metric.endswith(_CUT_AT) and not metric.endswith(_NOT_CUT))):
        out.append("metric_not_a_word")
    pct = [d.get(k) for k in ("value", "value_max") if d.get("unit") == "%"] + [
        d.get(k) for k in ("change", "change_max") if d.get("change_unit") == "%"]
    if any(v is not None and abs(float(v)) > 1000 for v in pct):
        out.append("percent_over_1000")
    if span and year and (span[0] < year - 10 or span[1] > year + 15) and not {span[0], span[1]} & _named_years(f.quote, year) \
            and not _names_count(f.quote, span[1] - span[0] + 1):
        out.append("period_outside_horizon")  # unless the sentence names it (钢产量只有…一九〇七年)
    return out


def check_invariants(paths: list[str], examples: int = 3) -> InvariantReport:
    """Extract every file of ``paths`` (files or folders) and count the facts breaking each invariant."""
    from .io.read import walk

    rep = InvariantReport()
    for path in walk(paths):
        r = process(path, extract=True)
        for doc in r.docs:
            rep.documents += 1
            for f in doc.facts:
                if f.type != "indicator":
                    continue
                rep.facts += 1
                for name in broken_invariants(doc, f):
                    rep.counts[name] += 1
                    shown = rep.examples[name]
                    if len(shown) < examples and not any(x.startswith(Path(path).name + " ") for x in shown):
                        d = f.data
                        rep.examples[name].append(
                            f"{Path(path).name} ({doc.year}): {d.get('metric')} {d.get('value')}{d.get('unit') or ''} "
                            f"{d.get('change')}{d.get('change_unit') or ''} {d.get('kind')} {d.get('period')} | "
                            f"{f.quote[:60]}")
    return rep
