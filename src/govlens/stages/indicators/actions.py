"""Programme figures named by their stage alone: a building programme's figures are often written as a
stage verb and a count (新开工650万套, 基本建成560万套, 开工560万套) after the programme was named once in
the sentence, or listed after an item that carries the verb (新建改建高速公路5800多公里、农村公路26万公里).
The figure's measure is the programme at that stage, so it gets the lexicon's key for it.

Two rules, run on one sentence's facts after the metric rules (each row has example sentences that
``tests/test_indicators_actions.py`` runs; the programme names come from ``lexicon/data/metrics.tsv``):

* ``bare_stage``: a metric that is only a stage word (optionally after 今年/再/年内 …) takes the nearest
  programme named before it in its sentence — a programme being a synonym the lexicon holds for a
  programme at some stage (保障性住房 of 保障性住房新开工) or any synonym that names a key with the
  stage word after it (棚改 + 开工);
* ``listed_after_stage``: an item with no key listed right after (、) an item whose metric opens with a
  stage word takes that word when the two together name a key (农村公路 after 新建改建高速公路).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon.load import rows
from ...lexicon.metrics import metric_key, metric_table
from ...model import Fact

# Stage words of building programmes (lexicon/data/stages.tsv, the list track reads too), a longer
# stage before the shorter one it holds.
STAGES: tuple[str, ...] = tuple(r[0] for r in rows("stages.tsv"))
_LEAD = re.compile(r"^(?:今年|年内|全年|明年|再|共|要|继续|又)*")

# (rule, sentence, the metric of the figure it renames)
EXAMPLES: list[tuple[str, str, str]] = [
    ("bare_stage", "今年城镇保障性住房基本建成480万套、新开工650万套。", "新开工保障性住房"),
    ("bare_stage", "新开工保障性安居工程720万套，基本建成560万套。", "保障性安居工程基本建成"),
    ("bare_stage", "加大保障性安居工程建设力度，今年新开工680万套以上。", "新开工保障性安居工程"),
    ("bare_stage", "实施新一轮棚改计划，今年开工560万套。", "棚改开工"),
    ("listed_after_stage", "新建改建高速公路5800多公里、农村公路26万公里。", "新建改建农村公路"),
]


def _plain(words: str) -> bool:
    """Programme words hold no stage of their own (保障性住房, not 新开工保障性住房 or 保障性住房基本)."""
    return not any(s in words for s in STAGES) and not words.endswith(("基本", "新"))


@lru_cache(maxsize=1)
def _programmes() -> dict[str, list[tuple[str, str]]]:
    """stage -> [(programme words, metric written with the stage)], longest programme first. A
    programme is a key the lexicon names with a stage word (保障性住房新开工, 棚户区改造); its other
    synonyms (棚改) count when the key reads past the stage after them (棚改开工)."""
    table = metric_table(exact=False)
    out: dict[str, list[tuple[str, str]]] = {s: [] for s in STAGES}
    keys = set()
    for syn, key in table:
        for s in STAGES:
            if syn.startswith(s) and _plain(syn[len(s):]) and len(syn) > len(s) + 1:
                out[s].append((syn[len(s):], syn))
                keys.add(key)
            elif syn.endswith(s) and _plain(syn[: -len(s)]) and len(syn) > len(s) + 1:
                out[s].append((syn[: -len(s)], syn))
                keys.add(key)
    for syn, key in table:
        if key in keys and _plain(syn):
            for s in STAGES:
                if metric_key(syn + s) == key and (syn, syn + s) not in out[s]:
                    out[s].append((syn, syn + s))
    for s in out:
        out[s].sort(key=lambda p: -len(p[0]))
    return out


def _stage_only(metric: str) -> str | None:
    rest = _LEAD.sub("", metric)
    return rest if rest in STAGES else None


def bare_stage(f: Fact, before: str, prev: Fact | None) -> str | None:
    stage = _stage_only(f.data.get("metric") or "")
    if stage is None:
        return None
    best: tuple[int, int, str] | None = None
    for words, metric in _programmes()[stage]:
        at = before.rfind(words)
        if at != -1 and metric_key(metric) is not None:
            cand = (at + len(words), len(words), metric)
            if best is None or cand[:2] > best[:2]:
                best = cand
    return best[2] if best else None


def listed_after_stage(f: Fact, before: str, prev: Fact | None) -> str | None:
    metric = f.data.get("metric") or ""
    if not metric or f.data.get("metric_key") or prev is None or not before.endswith("、" + metric):
        return None
    stage = next((s for s in STAGES if (prev.data.get("metric") or "").startswith(s)), None)
    if stage and metric_key(stage + metric) is not None:
        return stage + metric
    return None


RULES = {"bare_stage": bare_stage, "listed_after_stage": listed_after_stage}


def name_stages(text: str, s0: int, facts: list[Fact]) -> None:
    """Rename one sentence's programme figures (``facts``, in order; ``s0`` the sentence start)."""
    prev: Fact | None = None
    for f in facts:
        metric = f.data.get("metric") or ""
        at = f.quote.find(metric) if metric else -1
        if at != -1:
            before = text[s0 : f.start + at + len(metric)]
            for rule in RULES.values():
                new = rule(f, before[: -len(metric)] if rule is bare_stage else before, prev)
                if new:
                    f.data["metric"], f.data["metric_key"] = new, metric_key(new)
                    break
        prev = f
