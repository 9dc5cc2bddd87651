"""Named programmes and platforms (一网通办, 一网统管, 全程代办, 任务分解表 …) with the figures
attached to them, and tasks with lead unit and deadline.

The list of known programmes is curated (data/programmes.txt); any quoted name that reads like a
programme (“…工程”, “…行动”, “…计划”, “…改革” …) is found as well. A programme's figures are the
indicator facts read from the sentences that name it: they get ``programme`` set, and the programme
fact lists their indexes in ``indicators``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..model import Document, Fact

_QUOTED = re.compile(
    r"“([^”\n]{2,16}(?:工程|行动|计划|改革|机制|体系|平台|模式|政策|清单|制度|服务|品牌|战略|中心|专项|一件事|示范区|联动|治理))”"
)
_TASK = re.compile(
    r"(?P<task>[^。\n]{4,80}?)[（(；;，,]\s*(?:牵头单位|责任单位|牵头部门|责任部门)[：:]\s*(?P<lead>[^；;，,）)\n]{2,40})"
    r"(?:[；;，,]\s*(?:完成时限|完成时间|时间节点|时限)[：:]\s*(?P<deadline>[^；;，,）)\n。]{2,30}))?"
)


@lru_cache(maxsize=1)
def known_programmes() -> tuple[str, ...]:
    text = resources.files("govlens").joinpath("data/programmes.txt").read_text(encoding="utf-8")
    names = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(sorted(set(names), key=len, reverse=True))


@lru_cache(maxsize=1)
def _known_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in known_programmes()))


def programmes(doc: Document) -> Document:
    text = doc.text
    mentions: dict[str, list[tuple[int, int]]] = {}
    for m in _known_re().finditer(text):
        mentions.setdefault(m.group(), []).append((m.start(), m.end()))
    for m in _QUOTED.finditer(text):
        name = m.group(1)
        if name not in mentions:
            mentions.setdefault(name, []).append((m.start(1), m.end(1)))
    glossary = {g.term.strip("“”"): g for g in doc.glossary}
    indicators = [(i, f) for i, f in enumerate(doc.facts) if f.type == "indicator"]
    for name, spans in mentions.items():
        sentences = []
        for s, _e in spans:
            a = max(text.rfind("。", 0, s), text.rfind("\n", 0, s)) + 1
            b_candidates = [x for x in (text.find("。", s), text.find("\n", s)) if x != -1]
            b = min(b_candidates) if b_candidates else len(text)
            sentences.append((a, b))
        linked = []
        for i, f in indicators:
            if any(a <= f.start and f.end <= b + 1 for a, b in sentences):
                f.data.setdefault("programme", name)
                linked.append(i)
        a, b = sentences[0]
        g = glossary.get(name)
        data = {
            "name": name,
            "mentions": len(spans),
            "indicators": linked,
            "definition": g.definition if g else None,
            "region": doc.region,
        }
        doc.facts.append(Fact("programme", a, b, text[a:b], data))
    for m in _TASK.finditer(text):
        data = {"task": m.group("task").strip(), "lead": m.group("lead").strip(),
                "deadline": (m.group("deadline") or "").strip() or None}
        doc.facts.append(Fact("task", m.start(), m.end(), m.group(), data))
    return doc
