"""Score extraction against the dev gold set (``tests/gold``).

Gold paragraphs are named by corpus file and a short anchor string (no document text is copied).
Every indicator a paragraph states is annotated; a prediction counts when its span starts inside
the paragraph.

* lenient: the numbers agree (value, value_max, change, change_max);
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
from pathlib import Path
from typing import Any

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

    def as_dict(self) -> dict[str, Any]:
        sp, sr, sf = self.strict_prf()
        lp, lr, lf = self.lenient_prf()
        gp, gr, gf = self.glossary_prf()
        return {
            "gold": self.gold, "pred": self.pred,
            "strict": {"p": sp, "r": sr, "f1": sf}, "lenient": {"p": lp, "r": lr, "f1": lf},
            "attributes": {a: self.attr_ok[a] / self.attr_n[a] for a in ATTRS if self.attr_n[a]},
            "glossary": {"p": gp, "r": gr, "f1": gf, "gold": self.gloss_gold},
        }


def _num_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-6 * max(1.0, abs(float(a)))


def _numbers_match(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return all(_num_eq(g[k], p.get(k)) for k in ("value", "value_max", "change", "change_max"))


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


def load_gold(folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    paras = [json.loads(ln) for ln in (folder / "indicators.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    gpath = folder / "glossary.jsonl"
    gloss = [json.loads(ln) for ln in gpath.read_text(encoding="utf-8").splitlines() if ln.strip()] if gpath.exists() else []
    return paras, gloss


def evaluate(gold_dir: str | Path, corpus_dir: str | Path) -> Score:
    gold_dir, corpus_dir = Path(gold_dir), Path(corpus_dir)
    paras, gloss = load_gold(gold_dir)
    score = Score()
    cache: dict[str, list] = {}

    def docs_of(name: str) -> list:
        if name not in cache:
            r = process(str(corpus_dir / name), extract=True)
            if r.error:
                raise r.error
            cache[name] = r.docs
        return cache[name]

    for para in paras:
        doc = next((d for d in docs_of(para["file"]) if para["anchor"] in d.text), None)
        if doc is None:
            raise ValueError(f"anchor not found: {para['file']}: {para['anchor']}")
        pos = doc.text.index(para["anchor"])
        ls = doc.text.rfind("\n", 0, pos) + 1
        le = doc.text.find("\n", pos)
        le = len(doc.text) if le < 0 else le
        preds = [f.data for f in doc.facts if f.type == "indicator" and ls <= f.start < le]
        golds = [dict(zip(FIELDS, row[:10], strict=True)) | {"unsure": row[10] if len(row) > 10 else []}
                 for row in para["facts"]]
        score.gold += len(golds)
        score.pred += len(preds)
        used: set[int] = set()
        for g in golds:
            cands = [i for i, p in enumerate(preds) if i not in used and _numbers_match(g, p)]
            if not cands:
                score.misses.append(f"{para['file']}: {g['metric']} {g['value']}{g['unit'] or ''} {g['change']}")
                continue
            i = max(cands, key=lambda i: metric_match(g["metric"], preds[i].get("metric")))
            used.add(i)
            p = preds[i]
            score.lenient += 1
            ok = {
                "metric": metric_match(g["metric"], p.get("metric")),
                "unit": g["unit"] == p.get("unit"),
                "change_unit": g["change_unit"] == p.get("change_unit"),
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
                score.misses.append(f"{para['file']}: {g['metric']} {g['value']}{g['unit'] or ''} wrong {bad}: "
                                    f"got {p.get('metric')}|{p.get('unit')}|{p.get('kind')}|{p.get('period')}")
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gloss:
        by_file[g["file"]].append(g)
    for name, entries in by_file.items():
        found = {e.term.strip("“”"): e for d in docs_of(name) for e in d.glossary}
        score.gloss_gold += len(entries)
        score.gloss_pred += len(found)
        for g in entries:
            e = found.get(g["term"].strip("“”"))
            if e and e.definition.startswith(g["definition_starts"]):
                score.gloss_tp += 1
            else:
                score.misses.append(f"{name}: glossary {g['term']}")
    return score
