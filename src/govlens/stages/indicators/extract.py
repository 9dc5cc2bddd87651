"""Indicator facts: every quantity with its metric, value, unit, change, range, qualifier, kind,
period and region, grounded in the sentence it was read from.

Per sentence:

1. *mentions*: change expressions (增长6.5%, 提高2个百分点, 增长1.2倍, 翻一番, 6%的增长) and
   levels (1134亿元, 4~6万人, 一千二百家, 两成) — dates, ordinals, names with digits (“1+8”, 5G,
   G60, PM2.5), numbers inside quotes/《》 are not facts;
2. *metric*: the words between the previous clause boundary (or mention) and the number, with
   time words and verbs trimmed; when the number comes first (募集676万件疫情防控物品) the noun
   after the unit;
3. *structure*: a change with no metric of its own belongs to the level before it (one fact);
   分别/各/均 spread a list of metrics over a list of numbers; 其中 makes a child fact;
   由A增加到B keeps A as ``from_value`` of B;
4. *kind* from cue words first (预计, 力争/确保/目标/计划), else from the section context (stages/sections.py);
   *period* from the nearest explicit period (2020年, 十四五, 今年/去年, 过去五年) resolved against
   the document year, else from the kind.
"""



from __future__ import annotations

from bisect import bisect_left

from ...model import Document, Fact
from ..sections import _HEAD_WORDS
from .actions import name_stages
from .metric import _clause_bounds
from .period import _TARGETS_INTRO, _period_cues, local_cues, section_at, split_span_average
from .rules import Clause, Line, run
from .scan import _HAS_NUMBER, _SENT, _masked, find_mentions, mask_long_runs


def _heading_ends(text: str, sections) -> list[int]:
    """Where headings run into their paragraph end: only a title that ends the line or a sentence, or
    ends in a heading word (…主要任务); a long list item ("3.将…保费由每生每年5元…") has a title cut
    at a length, which ends no clause."""
    out = []
    for sec in sections:
        if sec.title:
            end = sec.start + len(sec.label) + len(sec.title)
            if end >= len(text) or text[end] in "。；！？：:\n" or sec.title.endswith(_HEAD_WORDS):
                out.append(end)
        out.extend(_heading_ends(text, sec.children))
    return out


def indicators(doc: Document) -> Document:
    text = doc.text
    scan = mask_long_runs(text)
    gl_start = min((g.start for g in doc.glossary), default=len(text))
    for sec in doc.sections:
        if sec.role == "glossary":
            gl_start = min(gl_start, sec.start)
    facts: list[Fact] = []
    # A heading run into its paragraph ends a clause: "二、2022年主要任务建议2022年地区生产总值增长…".
    heading_ends = sorted(_heading_ends(text, doc.sections))
    pos = 0
    for line_text in text[:gl_start].split("\n"):
        line_start = pos
        pos += len(line_text) + 1
        if not line_text or not _HAS_NUMBER.search(line_text):
            continue
        line_mentions = find_mentions(scan, line_start, line_start + len(line_text),
                                      [(a + line_start, b + line_start) for a, b in _masked(line_text)])
        if not line_mentions:
            continue
        starts = [m.start for m in line_mentions]
        # "主要预期目标是：" governs the clauses after it on its line: found once per line.
        intro = _TARGETS_INTRO.search(line_text)
        line_end = line_start + len(line_text)
        cues = local_cues(text, _period_cues(doc, text, line_start, line_end), starts, line_start, line_end)
        ctx = section_at(doc, line_start)
        if ctx.outcomes and ctx.period:
            cues.insert(0, (line_start, ctx.period, line_end))  # a review turned to a plan's years (sections.py)
        line = Line(doc, text, line_start, cues,
                    ctx.period, line_start + intro.end() if intro else None,
                    _clause_bounds(text, line_start, line_start + len(line_text)), heading_ends, facts)
        for sm in _SENT.finditer(line_text):
            s0, s1 = sm.start() + line_start, sm.end() + line_start
            mentions = line_mentions[bisect_left(starts, s0) : bisect_left(starts, s1)]
            if mentions:
                n = len(facts)
                run(Clause(line, s0, s1, mentions, section_at(doc, s0).role))
                name_stages(text, s0, facts[n:])  # 新开工630万套 after 保障性住房: actions.py
    doc.facts.extend(split_span_average(facts))
    return doc
