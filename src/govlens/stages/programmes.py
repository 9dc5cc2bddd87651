"""Named programmes and platforms (一网通办, 一网统管, 全程代办, 任务分解表 …) with the figures
attached to them, and tasks with lead unit and deadline.

The list of known programmes is curated (lexicon/data/programmes.txt); any quoted name that reads like a
programme (“…工程”, “…行动”, “…计划”, “…改革” …) is found as well. A programme's figures are the
indicator facts read from the sentences that name it: they get ``programme`` set, and the programme
fact lists their indexes in ``indicators``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..lexicon.load import words
from ..model import Document, Fact

_QUOTED = re.compile(
    r"“([^”\n]{2,16}(?:工程|行动|计划|改革|机制|体系|平台|模式|政策|清单|制度|服务|品牌|战略|中心|专项|一件事|示范区|联动|治理))”"
)
_SENTENCE_END = re.compile(r"[。！？\n]")
# Anchored on the label, so the scan is linear: "…任务（牵头单位：区发改委；完成时限：2023年底）".
_LEAD = re.compile(r"(?:牵头单位|责任单位|牵头部门|责任部门)[：:]\s*(?P<lead>[^；;，,）)\n]{2,40})")
_DEADLINE = re.compile(r"\s*[；;，,]?\s*(?:完成时限|完成时间|时间节点|时限)[：:]\s*(?P<deadline>[^；;，,）)\n。]{2,30})")


@lru_cache(maxsize=1)
def known_programmes() -> tuple[str, ...]:
    names = words("programmes.txt")
    return tuple(sorted(set(names), key=lambda n: (-len(n), n)))  # deterministic: no set order leaks out


@lru_cache(maxsize=1)
def _name_starts() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """One pattern over all known names, longest first, and for each name the names it begins with."""
    names = known_programmes()
    rx = re.compile("|".join(map(re.escape, names)))
    return rx, {n: frozenset(s for s in names if n.startswith(s)) for n in names}


def names_in(text: str) -> frozenset[str]:
    """The known names that occur in ``text``, from one scan (speed: 40 str.find over every document
    cost ~3 % of a corpus run). The scan stops at every place a name starts and reads the longest
    name there; a name occurs iff it is read so or begins a name read (both start at that place)."""
    rx, starts = _name_starts()
    found: set[str] = set()
    m = rx.search(text)
    while m is not None:
        found |= starts[m.group()]
        m = rx.search(text, m.start() + 1)
    return frozenset(found)


def programmes(doc: Document) -> Document:
    text = doc.text
    mentions: dict[str, list[tuple[int, int]]] = {}
    taken: list[tuple[int, int]] = []
    present = names_in(text)
    for name in known_programmes():  # longest first; str.find is far faster than a big alternation
        if name not in present:
            continue
        pos = text.find(name)
        while pos != -1:
            end = pos + len(name)
            if not any(a <= pos < b for a, b in taken):
                mentions.setdefault(name, []).append((pos, end))
                taken.append((pos, end))
            pos = text.find(name, end)
    for m in _QUOTED.finditer(text):
        name = m.group(1)
        if name not in mentions:
            mentions.setdefault(name, []).append((m.start(1), m.end(1)))
    glossary = {g.term.strip("“”"): g for g in doc.glossary}
    # Sentence boundaries once; an indicator belongs to the sentence its span starts in.
    bounds = [m.end() for m in _SENTENCE_END.finditer(text)]
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(doc.facts):
        if f.type == "indicator":
            by_sentence.setdefault(bisect_right(bounds, f.start), []).append(i)
    for name, spans in mentions.items():
        sids = sorted({bisect_right(bounds, s) for s, _e in spans})
        linked = [i for sid in sids for i in by_sentence.get(sid, [])]
        for i in linked:
            doc.facts[i].data.setdefault("programme", name)
        first = sids[0]
        a = bounds[first - 1] if first > 0 else 0
        b = bounds[first] if first < len(bounds) else len(text)
        quote = text[a:b].strip()
        a = text.index(quote, a) if quote else a
        g = glossary.get(name)
        data = {
            "name": name,
            "mentions": len(spans),
            "indicators": linked,
            "definition": g.definition if g else None,
            "region": doc.region,
        }
        doc.facts.append(Fact("programme", a, a + len(quote), quote, data))
    for m in _LEAD.finditer(text):
        start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        task = text[start : m.start()].rstrip("（(；;，, ")
        if len(task) < 4:
            continue
        d = _DEADLINE.match(text, m.end())
        end = d.end() if d else m.end()
        data = {"task": task, "lead": m.group("lead").strip(),
                "deadline": d.group("deadline").strip() if d else None}
        doc.facts.append(Fact("task", start, end, text[start:end], data))
    return doc
