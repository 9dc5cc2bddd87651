"""Section tree from the headings: 一、 （一） 1. （1） 第X部分, with a role for each section.

Headings are recognised only at the start of a paragraph; normalisation already removed the lone
spaces that crawlers put before "三、" in the middle of a sentence (举一反 三、建章立制), so those
never start a line.
"""

from __future__ import annotations

import re

from ..model import Document, Section

_PATTERNS = [
    (1, re.compile(r"^(第[一二三四五六七八九十]+(?:部分|章|篇))\s*")),
    (1, re.compile(r"^([一二三四五六七八九十]{1,3}、)")),
    (2, re.compile(r"^(（[一二三四五六七八九十]{1,3}）)")),
    (3, re.compile(r"^(\d{1,2}[.．、])(?!\d)\s*")),
    (4, re.compile(r"^(（\d{1,2}）)")),
]
_ROLES = [
    ("glossary", re.compile(r"名词解释|名词注释|注释|注解|术语")),
    ("review", re.compile(r"回顾|过去[一五]年|主要工作|工作总结|成就|成绩|五年来|一年来|发展成果|工作情况")),
    ("targets", re.compile(r"预期目标|主要目标|总体要求|奋斗目标|指导思想|目标任务|发展目标|总体思路|政策取向")),
    ("tasks", re.compile(r"主要任务|重点工作|工作安排|工作任务|重点任务|今后|下一步|主要工作安排|做好.{0,6}工作|\d{4}年.{0,8}工作")),
]
_TITLE_END = re.compile(r"[。；：！？]")
# A heading run into its paragraph ("一、2020年工作回顾过去一年……"): cut after the first of these
# words, tried in this order, that ends within the first 30 characters.
_HEAD_WORDS = ("工作回顾", "回顾", "主要任务", "重点工作", "工作安排", "预期目标", "主要目标", "总体要求", "任务", "目标",
               "安排", "成就", "说明", "要求", "情况", "成效", "成果", "新作为", "现代化", "建设", "发展", "工作")
_GLOSSARY_LINE = re.compile(r"^[^。，\n]{0,20}(?:名词解释|名词注释|名词说明|注释|注解|附注)[：:]?$")


def _title(rest: str) -> str:
    m = _TITLE_END.search(rest)
    title = rest[: m.start()] if m else rest
    if len(title) > 30:
        for w in _HEAD_WORDS:
            k = title.find(w, 2, 32)
            if k != -1:
                return title[: k + len(w)].strip()
        title = title[:40]
    return title.strip()


def _role(title: str) -> str:
    for role, rx in _ROLES:
        if rx.search(title):
            return role
    return "other"


def sections(doc: Document) -> Document:
    text = doc.text
    flat: list[Section] = []
    pos = 0
    for line in text.split("\n"):
        if _GLOSSARY_LINE.match(line):
            flat.append(Section(1, "", line.rstrip("：:"), pos, len(text), "glossary"))
        else:
            for level, rx in _PATTERNS:
                m = rx.match(line)
                if m and len(line) > len(m.group(0)) + 1:
                    flat.append(Section(level, m.group(1), _title(line[m.end() :]), pos, len(text)))
                    break
        pos += len(line) + 1
    # Numbered lists inside a glossary are entries, not sections.
    g = next((s for s in flat if s.role == "glossary"), None)
    if g is not None:
        flat = [s for s in flat if s.start <= g.start or (s.level < 3 and s.start < g.start)]
    roots: list[Section] = []
    stack: list[Section] = []
    for s in flat:
        while stack and stack[-1].level >= s.level:
            stack.pop().end = s.start
        if stack:
            stack[-1].children.append(s)
        else:
            roots.append(s)
        stack.append(s)
    for s in stack:
        s.end = len(text)
    for i, r in enumerate(roots[:-1]):
        r.end = roots[i + 1].start

    def assign(s: Section, inherited: str) -> None:
        # A subsection takes its parent's role; its own title decides only under an untyped parent.
        own = s.role if s.role != "other" else _role(s.title)
        s.role = own if inherited == "other" or own == "glossary" else inherited
        for c in s.children:
            assign(c, s.role)

    for r in roots:
        assign(r, "other")
    doc.sections = roots
    return doc


def titles_at(doc: Document, pos: int) -> list[str]:
    """Titles of the sections containing ``pos``, outermost first."""
    out: list[str] = []
    nodes = doc.sections
    while nodes:
        for s in nodes:
            if s.start <= pos < s.end:
                out.append(s.title or "")
                nodes = s.children
                break
        else:
            break
    return out


def role_at(doc: Document, pos: int) -> str:
    """Role of the innermost section containing ``pos`` ("other" outside any section)."""
    role = "other"
    nodes = doc.sections
    while nodes:
        for s in nodes:
            if s.start <= pos < s.end:
                role = s.role
                nodes = s.children
                break
        else:
            break
    return role
