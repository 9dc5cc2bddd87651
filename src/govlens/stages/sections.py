"""Section tree from the headings: 一、 （一） 1. （1） 第X部分, with a role for each section, and
the time a section speaks of (:class:`SectionContext`, :func:`section_context`).

Headings are recognised only at the start of a paragraph; normalisation already removed the lone
spaces that crawlers put before "三、" in the middle of a sentence (举一反 三、建章立制), so those
never start a line. A short line naming a list of 民生实事 (or an annex, 附件) starts a section too.

Time from structure (the rule, also in README.md): a heading that names the report's year or a
later one (or 今年 / 明年) with a plan word (工作安排, 主要任务, 重点工作, 目标, 打算 …) makes its
section that year's plan: facts there are targets for that year. A heading naming a plan period
that has not ended (“十五五”时期, 今后五年) with a plan word makes it that period's plan (“十四五”开局
is the plan's first year). A list of a year's 民生实事 is that year's targets. Review words (回顾,
成就 …) make a review; a heading with both (“十四五”时期发展成就和“十五五”时期主要目标任务) is a
review whose explicit targets belong to the future period it names. Subsections inherit unless
their own heading names a period with such words; a top-level section without role words that
follows a plan continues it (the task chapters after "二、2015年工作总体部署"). Inside a plan section, a paragraph opening with a
period ("今年是“十五五”开局之年", "今后五年，") moves the rest of the section to that period. The
words live in ``lexicon/data/sections.tsv``; a sentence's own cues (已, 完成了, 达产后 …) override the
section (:func:`sentence_kind`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from ..lexicon.load import alternation, rows
from ..lexicon.words import KIND_CUES, PLAN_NAMES, PLAN_START, YEAR, YEAR_CN, period_words
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


def _words(cls: str) -> str:
    return alternation((w for w, c in rows("sections.tsv") if c == cls), escape=True)


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    year = rf"(?P<y>{YEAR}|{YEAR_CN})年"
    plan = (rf"“?(?P<plan>{PLAN_NAMES})”?(?P<when>时期|期间|规划|计划|{_words('first')}|{_words('last')})?")
    period = (rf"{year}|(?P<this>{period_words('this')})|(?P<next>{period_words('next')})"
              rf"|(?P<five>{_words('coming')})|{plan}")
    deeds = _words("deeds")
    return {
        "period": re.compile(period),
        "review": re.compile(_words("review")),
        "plan": re.compile(_words("plan")),
        "targets": re.compile(_words("targets")),
        "deeds": re.compile(deeds),
        "first": re.compile(_words("first")),
        "last": re.compile(_words("last")),
        "opens": re.compile(rf"(?:{period}){_words('opens')}"),
        # the opening of a paragraph turning to a plan period's years (五年来, 过去五年, “十四五”时期是) or to
        # the year just ended (刚刚过去的2025年，, 过去一年，)
        "turn": re.compile(rf"(?:^|[。！!：:，,])[^。！!，,\n]{{0,12}}?(?:(?P<span>{period_words('five')}"
                           rf"|“?(?:{PLAN_NAMES})”?(?:时期|以来|期间))|(?P<y>{YEAR}|{YEAR_CN})年"
                           rf"|(?P<last>{period_words('last')}))(?=[，,是])", re.M),
        # a plan's document named: “十五五”规划纲要, “十五五”规划的建议 (the period group of a plan name)
        "plan_doc": re.compile(rf"“?({PLAN_NAMES})”?规划(?=纲要|的?建议|（草案）)"),
        "deeds_end": re.compile(rf"{_words('deeds_end')}$"),
        # A line of its own naming such a list: "2024年区政府十件民生实事", "附件：2024年明澜区民生实事".
        "deeds_line": re.compile(rf"^(?:附件?\s*\d*\s*[：:．.、]?\s*)?[^。，；\n]{{0,30}}{deeds}[^。，；\n]{{0,12}}$"
                                 rf"|^附件?\s*\d*\s*[：:．.、]?\s*[^。，；\n]{{0,30}}{_words('deeds_end')}$"
                                 rf"|^[^。，；\n]{{0,12}}(?:{YEAR}|{YEAR_CN})年[^。，；\n]{{0,20}}{_words('deeds_end')}$"),
        "actual": KIND_CUES["clause_done"],
        "status": KIND_CUES["clause_status"],
        "forecast": KIND_CUES["clause_forecast"],
    }


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


_BARE_HEADING = re.compile(r"^[^。，；：！？,;:!?（(]{4,30}$")
_YEAR_WORD = re.compile(rf"{YEAR}年")
_NOT_A_HEADING_END = ("报告", "讲话", "公报", "决议", "决定", "草案", "说明")


def _bare_heading(line: str, year: int | None) -> bool:
    """A short line of its own with no label that names a period with plan or review words
    ("“十五五”时期的主要目标任务", "2026年重点工作", "“十四五”时期工作回顾") heads a section, as "一、"
    would; a document's title line (…政府工作报告) does not."""
    line = line.strip()
    if not _BARE_HEADING.match(line) or line.endswith(_NOT_A_HEADING_END) or any(
            ch.isdigit() for ch in _YEAR_WORD.sub("", line)):
        return False  # digits only in a year: "2026年重点工作", never a figure
    ctx, decisive = heading_context(line, year)
    return decisive and ctx.role in ("review", "targets", "tasks")


def sections(doc: Document) -> Document:
    text = doc.text
    flat: list[Section] = []
    pos = 0
    for line in text.split("\n"):
        if _GLOSSARY_LINE.match(line):
            flat.append(Section(1, "", line.rstrip("：:"), pos, len(text), "glossary"))
        elif len(line) <= 48 and _rx()["deeds_line"].match(line):
            flat.append(Section(1, "", line.rstrip("：:"), pos, len(text)))
        elif pos and _bare_heading(line, doc.year):
            flat.append(Section(1, "", line.strip(), pos, len(text)))
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

    doc.sections = roots
    ctx = SectionContexts(doc)

    def settle(s: Section) -> None:
        c = ctx.at(s.start)
        s.role, s.period = c.role, c.period
        for ch in s.children:
            settle(ch)

    for r in roots:
        settle(r)
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


@dataclass(frozen=True, slots=True)
class SectionContext:
    """What a position's section says about time: its ``role`` (review | targets | tasks | glossary |
    other), the ``period`` its plan is for ("2021", "2026-2030"; None when the heading names none),
    and the ``kind`` a fact there has when its sentence has no cue of its own (target | actual | None)."""

    role: str = "other"
    period: str | None = None
    kind: str | None = None
    # A review heading that also names a coming period (…发展成就和“十五五”时期主要目标任务): its
    # period is the coming one, for the targets its sentences state with a cue of their own.
    mixed: bool = False
    # A review headed by the year just ended and a plan period ("2025年及“十四五”时期工作回顾"): the plan's
    # span, which a later paragraph opening on it (五年来, “十四五”时期) moves the rest of the section to.
    span: str | None = None
    # After that turn the section's period dates the outcomes of its paragraphs too (as if each opened on it).
    outcomes: bool = False


OTHER = SectionContext()
_PLAN_DOC_REACH = 150  # how far a paragraph's first sentence is read for the coming plan's document
_SPAN_TURN_REACH = 60  # how far into a paragraph its turn to a plan's years is looked for
_KIND_OF_ROLE = {"review": "actual", "targets": "target", "tasks": "target"}


def plan_period(name: str, when: str | None = None) -> str | None:
    """Years of a five-year plan named like 六五 … 十五五 ("2026-2030"; its first year for 开局, its
    last for 收官 / 末), from ``lexicon/data/plans.tsv``."""
    start = PLAN_START.get(name)
    if start is None:
        return None
    if when and _rx()["first"].fullmatch(when):
        return str(start)
    if when and _rx()["last"].fullmatch(when):
        return str(start + 4)
    return f"{start}-{start + 4}"


def _period_of(m: re.Match[str], year: int | None) -> str | None:
    from .numbers import cn_year

    if m.group("y"):
        return str(cn_year(m.group("y")))
    if m.group("plan"):
        return plan_period(m.group("plan"), m.group("when"))
    if not year:
        return None
    if m.group("this"):
        return str(year)
    if m.group("next"):
        return str(year + 1)
    return f"{year}-{year + 4}"  # 今后五年


def _not_past(period: str, year: int | None) -> bool:
    return year is not None and int(period.rsplit("-", 1)[-1]) >= year


_FIVE_BACK = re.compile(r"过去(?:的)?五年|五年来")  # a review heading naming the term's five years
_ONE_BACK = re.compile(r"一年|\d{4}年")


def heading_context(title: str, year: int | None) -> tuple[SectionContext, bool]:
    """The context a heading sets, and whether it is decisive (names a period with plan or review
    words, or a list of 实事), so that a subsection keeps it instead of inheriting its parent's."""
    rx = _rx()
    if _ROLES[0][1].search(title):
        return SectionContext("glossary"), True
    periods = [p for m in rx["period"].finditer(title) if (p := _period_of(m, year))]
    coming = [p for p in periods if _not_past(p, year)]
    review = rx["review"].search(title) is not None
    counted = rx["deeds"].search(title) is not None
    if (counted or rx["deeds_end"].search(title)) and not review:
        ctx = SectionContext("tasks", coming[0] if coming else (str(year) if year else None), "target")
        return ctx, counted or bool(periods) or title.startswith("附")
    plan = rx["plan"].search(title) is not None
    if coming and plan:
        if review:
            return SectionContext("review", coming[0], "actual", mixed=True), True
        role = "targets" if rx["targets"].search(title) else "tasks"
        return SectionContext(role, coming[0], "target"), True
    if review:
        # The five-year period reviewed: a sentence there with a target cue (争取资金) states a past one.
        # A heading that also names the year just ended ("2025年和“十四五”时期工作回顾") opens with that
        # year: its figures without a cue of their own are that year's, 争取 ones too.
        past = [p for p in periods if "-" in p]
        last = str(year - 1) if year else None
        if past and last in periods:
            return SectionContext("review", last, "actual", span=past[-1]), True
        if not periods and year and _FIVE_BACK.search(title) and not _ONE_BACK.search(title):
            # "过去五年工作回顾" (a report opening a new term): the five years up to the year just ended,
            # until a paragraph turns to that year (刚刚过去的2017年，) — and back at 五年来，
            span = f"{year - 5}-{year - 1}"
            return SectionContext("review", span, "actual", span=span, outcomes=True), True
        return SectionContext("review", past[-1] if past else None, "actual"), bool(periods)
    role = _role(title)
    return SectionContext(role, None, _KIND_OF_ROLE.get(role)), False


class SectionContexts:
    """Section context at any position of one document, computed once (see :func:`section_context`)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.sections = doc.sections
        self._pos: list[int] = [0]
        self._ctx: list[SectionContext] = [OTHER]
        # Place: a top-level section with no role words of its own, after the year's (or period's)
        # plan, continues that plan ("三、把改革开放扎实推向纵深" after "二、2015年工作总体部署").
        self.year_end = _plans_next_year(doc)
        plan: SectionContext | None = None
        for s in doc.sections:
            end = self._visit(s, OTHER, plan)
            self._emit(s.end, OTHER)
            if end.kind == "target" and not end.mixed and end.role != "glossary":
                plan = SectionContext("tasks", end.period, "target")

    def _emit(self, pos: int, ctx: SectionContext) -> None:
        self._pos.append(pos)
        self._ctx.append(ctx)

    def _scan(self, a: int, b: int, cur: SectionContext) -> SectionContext:
        """Paragraphs of a plan (or mixed) section that open with a period move the rest of it there."""
        if cur.span is not None:
            return self._scan_span(a, b, cur)
        if cur.kind != "target" and not cur.mixed:
            return cur
        text, year, rx, doc_rx = self.doc.text, self.doc.year, _rx()["opens"], _rx()["plan_doc"]
        pos = a
        while pos < b:
            m = rx.match(text, pos)
            p = _period_of(m, year) if m else None
            if not p and cur.mixed and cur.role == "review":
                # "…区政府起草了“十五五”规划纲要（草案），提请本次大会审议。…提出地区生产总值年均增长5%左右": a
                # paragraph whose first sentence presents the coming plan's document is that plan's
                first = text.find("。", pos, min(b, pos + _PLAN_DOC_REACH))
                p = next((q for d in doc_rx.finditer(text, pos, first)
                          if (q := plan_period(d.group(1))) and _not_past(q, year)), None) if first > 0 else None
            if p:
                if _not_past(p, year):
                    role = cur.role if cur.kind == "target" else "targets"
                    cur = SectionContext(role, p, "target")
                    self._emit(pos, cur)
                elif cur.mixed:
                    cur = SectionContext("review", p, "actual")
                    self._emit(pos, cur)
            nl = text.find("\n", pos, b)
            if nl < 0:
                break
            pos = nl + 1
        return cur

    def _scan_span(self, a: int, b: int, cur: SectionContext) -> SectionContext:
        """A review of the year just ended and of a plan period: a paragraph whose opening turns to the
        plan's years (各位代表！2025年是“十四五”收官之年。五年来，…; “十四五”时期是…的五年) moves the rest
        of the section to the plan's span, the bullets after it too; one turning to the year
        (刚刚过去的2025年，…) moves it back. The last turn in a paragraph's opening wins."""
        from .numbers import cn_year

        text, year, rx = self.doc.text, self.doc.year, _rx()["turn"]
        last = str(year - 1) if year else None
        pos = a
        while pos < b:
            nl = text.find("\n", pos, b)
            end = b if nl < 0 else nl
            turn = None
            for m in rx.finditer(text, pos, min(end, pos + _SPAN_TURN_REACH)):
                if m.group("span"):
                    turn = cur.span
                elif (m.group("y") and str(cn_year(m.group("y"))) == last) or m.group("last"):
                    turn = last
            if turn is not None and turn != cur.period:
                cur = SectionContext("review", turn, "actual", span=cur.span, outcomes=turn == cur.span)
                self._emit(pos, cur)
            if nl < 0:
                break
            pos = nl + 1
        return cur

    def _visit(self, s: Section, parent: SectionContext, plan: SectionContext | None = None) -> SectionContext:
        """Emit the contexts of ``s`` and its subsections; the context its end is in."""
        own, decisive = heading_context(s.title, self.doc.year)
        if s.role == "glossary" or own.role == "glossary":
            ctx = SectionContext("glossary")
        elif plan is not None and not decisive and own.role == "other":
            ctx = plan
        elif decisive or parent.role == "other":
            ctx = own
        else:
            ctx = parent
        self._emit(s.start, ctx)
        nl = self.doc.text.find("\n", s.start, s.end)
        body = s.end if nl < 0 else nl + 1
        cur = ctx
        for c in s.children:
            cur = self._scan(body, c.start, cur)
            self._visit(c, cur)
            self._emit(c.end, cur)
            body = c.end
        return self._scan(body, s.end, cur)

    def at(self, pos: int) -> SectionContext:
        return self._ctx[bisect_right(self._pos, pos) - 1]


_CN_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
# The plan or budget of a year named as a document's subject: "一九六五年计划草案", "1981年国民经济计划安排",
# "明年的计划，" (not "2025年计划建成…": a plan word opening a verb phrase).
_NEXT_PLAN = r"年(?:的)?(?:国民经济(?:和社会发展)?)?(?:计划|预算)(?:草案|安排|的|和|，|。|）)"


def _plans_next_year(doc: Document) -> bool:
    """A work report that presents the plan or budget of the year after its own (一九六五年计划草案 in a 1964
    report, 明年的计划 in one of December 1981) was given as its year closed: that year is reviewed, not planned."""
    if not doc.year or doc.kind != "work_report":
        return False
    n = str(doc.year + 1)
    alt = "|".join(dict.fromkeys((n, n.translate(_CN_DIGITS), n.translate(_CN_DIGITS).replace("〇", "○"), "明")))
    return re.search(rf"(?:{alt}){_NEXT_PLAN}", doc.text) is not None


def year_end_report(doc: Document) -> bool:
    """Whether ``doc`` was given as its own year closed (:func:`_plans_next_year`): a figure dated that year
    with no cue of its own is an outcome, one stated with 将 a forecast (time from structure)."""
    section_context(doc, 0)
    return _LAST[0][2].year_end


_LAST: list[tuple[Document, int | None, SectionContexts]] = []  # the last document asked about


def section_context(doc: Document, pos: int) -> SectionContext:
    """Role, period and default kind of the section holding ``pos``. The contexts of the last
    document asked about are kept, so asking for every sentence of a document builds them once."""
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is doc and last[1] == doc.year and last[2].sections is doc.sections:
        return last[2].at(pos)
    ctx = SectionContexts(doc)
    _LAST[:] = [(doc, doc.year, ctx)]
    return ctx.at(pos)


_CLAUSE = re.compile(r"[^，,；;：:]*$")


def sentence_kind(sentence: str) -> str | None:
    """A kind that the words of the clause ending ``sentence`` (the text up to a figure) give,
    overriding its section's: 达产后 / 建成后 (forecast), 已 / 完成了 (actual). Only the figure's own
    clause counts: "落实已出台的政策，加上取消收费100项" is no outcome."""
    rx = _rx()
    clause = _CLAUSE.search(sentence).group()  # type: ignore[union-attr]
    if rx["forecast"].search(clause):
        return "forecast"
    if rx["actual"].search(clause):
        return "actual"
    return None


def status_cue(clause: str) -> bool:
    """Whether a figure's clause states a state at the time of speaking (截至…, 目前, 已), so that a
    figure dated the work report's own year is an outcome, not part of its plan."""
    return _rx()["status"].search(clause) is not None or _rx()["actual"].search(clause) is not None
