"""When a figure is for and what kind it is: the period cues of a paragraph (2020年, “十四五”时期,
今年/去年, 过去五年) resolved against the document's year, a heading's plan period, and the kind from
the sentence's cue words, else from its section's role."""

from __future__ import annotations

import re
from bisect import bisect_right

from ...lexicon.load import alternation, first_chars, may_match
from ...lexicon.words import (
    KIND_CUES,
    PERIOD_WORDS,
    PLAN_NAMES,
    PLAN_NAMES_BARE,
    PLAN_START,
    YEAR,
    YEAR_CN,
    period_words,
)
from ...model import Document
from ..numbers import cn_int, cn_year
from ..sections import SectionContext, section_context, sentence_kind
from .scan import _inside


def section_at(doc: Document, pos: int) -> SectionContext:
    """THE seam between indicators and the document's structure: the role, period and default kind
    of the section holding ``pos``, answered by stages/sections.py (time from structure)."""
    return section_context(doc, pos)


_TARGET_CUE = KIND_CUES["target"]
_RESTATED_CUE = KIND_CUES["restated"]
_ACTUALLY = re.compile(r"实际(?!增长|下降|使用|利用|到位|投资|可支配)")  # …，实际回落到6.1%: what came of it
_FUTURE_CUE = KIND_CUES["future"]
_FORECAST_CUE = KIND_CUES["forecast"]
_BASE_ESTIMATE = KIND_CUES["base_estimate"]
_PERIOD_BASE = KIND_CUES["period_base"]
_PERIOD_EVENT = KIND_CUES["period_event"]
_PROSPECT_CUE = KIND_CUES["clause_forecast"]
_OUTCOME_CUE = KIND_CUES["outcome"]
# What ends a prospect cue's reach over the clauses after it: something done or current, or a span of time.
_PROSPECT_ENDS = re.compile("|".join(KIND_CUES[k].pattern for k in ("clause_done", "clause_status", "clause_span")))
# Cheap tests that are False only where the cue cannot match (each opens with an optional part, so the
# engine would try it at every position of every sentence up to each figure).
_MAY_PROSPECT = may_match(_PROSPECT_CUE)
_MAY_OUTCOME = may_match(_OUTCOME_CUE)
_TARGETS_INTRO = KIND_CUES["targets_intro"]
_COUNTED = KIND_CUES["counted"]
_MAY = re.compile(r"可以|能够|可能|将|要")
_DONE_CUE = KIND_CUES["done"]
# Where a period cue can start: a year (digits or 二〇二一 before 年), or the first character of another
# cue (words opening with 一, the first digit of 二〇二一, are written out: 一 alone is too common); a tight
# filter, so the engine skips the many figures that are no years. It guards EVERY branch of the
# alternation below (a lookahead before an unbracketed A|B|C guards only A: the other branches were
# tried at every position, a third of the indicator stage's regex time).
_CUE_WORDS = ["到", "至", "截", "“", *PLAN_START, "五", *PERIOD_WORDS, *"两三四六七八九十"]
_PERIOD_FIRST = ("(?:" + first_chars([c for c in _CUE_WORDS if not c.startswith("一")]) + rf"|{YEAR}年|{YEAR_CN}年|"
                 + alternation(c for c in _CUE_WORDS if c.startswith("一")) + ")")
# One character class in front of that: a year opens with 1 or 2 (19xx, 20xx) or 一/二 (一九七八, 二〇二一),
# so most positions are turned away by a single class test before the alternatives are tried.
_PERIOD_CHAR = first_chars([c for c in _CUE_WORDS if not c.startswith("一")])[:-1] + "12一二]"
_CENTURY = {"century_end": 100, "century_mid": 50, "next_century_mid": 150, "last_century_end": 0}
_CENTURY_WORDS = alternation(w for w, r in PERIOD_WORDS.items() if r in _CENTURY)
_SINCE_WORDS = alternation(w for w, r in PERIOD_WORDS.items() if r.startswith("since:"))
_PERIOD_CUES = re.compile(
    rf"(?={_PERIOD_CHAR})(?={_PERIOD_FIRST})(?:(?P<until>到|至|截至)?(?P<y>{YEAR}|{YEAR_CN})年(?!\d*月\d+日在)"
    # A plan names a period only when a time word or a comma follows ("“十四五”时期", "“十三五”以来，"),
    # not as a topic ("谋划好“十四五”发展", "“十四五”开局之年").
    rf"|(?:“(?P<plan>{PLAN_NAMES})”(?=期间|时期|以来|末|[，,])|(?P<plan2>{PLAN_NAMES_BARE})(?=期间|时期|计划|规划))"
    r"(?P<plan_when>期间|时期|以来|末|规划)?"
    rf"|(?P<five>{period_words('five')}|(?<=的)五年(?=[。，；]))"  # "这是…全面提升的五年。"
    # "三年来", "过去十年", "近两年来": the N years up to the last one the document reports (not 连续三年,
    # 前三年, 第十年, 二十年来, 几十年来).
    rf"|(?<![第前后续再几多数将一二三四五六七八九十])(?:(?:过去|近)(?P<years2>[两三四六七八九十])年(?!代|的?时间)|(?P<years>[两三四六七八九十])年(?:来|以来|间)|这(?P<years3>[两三四六七八九十])年(?=中|里|间|内|来|[，,]))"
    # "到本世纪末", "本世纪中叶", "下个世纪中叶": the end or middle of the document's century (periods.tsv)
    rf"|(?P<century>{_CENTURY_WORDS})"
    rf"|(?P<since>{_SINCE_WORDS})(?=[，,])"  # opening its sentence (not 新中国成立以来规模最大的…)
    rf"|(?P<ahead>{period_words('ahead')})(?![一二两三四五六七八九十几\d]+年)"
    rf"|(?P<this>{period_words('this')})|(?P<last>{period_words('last')})|(?P<next>{period_words('next')}))"
)
_PLAN_START = PLAN_START
# A period named as a precedent: 继去年…之后 (following), 象/像去年那样 (like): the time of that precedent.
_PRECEDENT = re.compile("[继象像]$")
_LIKE_END = re.compile(r"[^，,。；;！？]{0,20}?(?:那样|一样|那种|似的)")
_BASE_YEAR = re.compile(r"(?:比|较|与|同|是|为|相当于|相比)$")
_YEAR_OVER_YEAR = re.compile(rf"比({YEAR}|{YEAR_CN})年(?!的?(?:水平|同期))")  # 1977年比1976年: A's change over B
# A year whose prices a figure is valued at (按一九五二年不变价格计算, 按1990年价格计算) is no period of the figure.
_PRICE_BASE = ("不变价", "价格", "的价格", "的不变价")
_BOOK_TITLE = re.compile(r"《[^》\n]{0,80}》")
_RANGE_START = re.compile(rf"({YEAR}|{YEAR_CN})年?(?:末|底|初)?\s*([-—–~－])?\s*(?:到|至)?$")  # 2016—, 一九四九年至, 1984年末至
_SINCE = re.compile(r"起|以来|开始")
_BASIS = re.compile(r"[^，。；]{0,30}?的基础上[，,]")

# Documents delivered after the year they report on: a work report (its review), a statistics bulletin of
# year Y (published in Y+1, filed under Y+1 by stages/metadata.py) and a budget report (执行情况 of the year
# before). Their uncued outcomes, and spans running up to "now" (“十四五”以来, 三年来), end the year before.
REPORTING_KINDS = frozenset({"work_report", "statistics", "budget"})


_TITLE_YEAR = re.compile(rf"({YEAR}|{YEAR_CN})年(?!\d{{1,2}}月\d)")


def last_reported(doc: Document) -> int | None:
    """The last year a document can report outcomes for: the year before for :data:`REPORTING_KINDS`."""
    if not doc.year:
        return None
    if doc.kind in REPORTING_KINDS:
        return doc.year - 1
    if doc.kind in ("press", "news") and doc.title:
        # A press conference or news item on a past year's results (2023年经济运行情况新闻发布会, held in
        # January 2024): its uncued outcomes are of the year its title names.
        named = {cn_year(y) for y in _TITLE_YEAR.findall(doc.title)}
        if len(named) == 1 and (only := named.pop()) < doc.year and only >= doc.year - 1:
            return only
    return doc.year


def _period_cues(doc: Document, text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """Explicit periods named in a paragraph, each with where it was named."""
    y = doc.year
    out: list[tuple[int, str]] = []
    # A year in a title (《…规划（2020-2035年）》) names that document, not the period of figures.
    titles = [(t.start(), t.end()) for t in _BOOK_TITLE.finditer(text, lo, hi)] if "《" in text[lo:hi] else []
    for m in _PERIOD_CUES.finditer(text, lo, hi):
        if titles and _inside(titles, m.start(), m.end()):
            continue
        found = None
        if (m.group("y") or m.group("this") or m.group("last")) and _PRECEDENT.search(text, max(lo, m.start() - 1), m.start()) \
                and (text[m.start() - 1] == "继" or _LIKE_END.match(text, m.end())):
            continue  # "继去年创历史纪录之后", "象去年那样出现赤字": a precedent compared with dates no figure
        if m.group("ahead"):
            out.append((m.start(), ""))  # the time of the section again (its plan), not a past year named before
            continue
        if m.group("y") and y and (since := _SINCE.match(text, m.end())) and (
                text[m.start() - 1 : m.start()] in "自从" or since.group() == "以来"):
            # "自2013年起持续开展…": an ongoing thing since then; dates its own sentence only.
            first, last = cn_year(m.group("y")), last_reported(doc) or y
            if first < last:
                prev = out[-1][1] if out else ""
                out.append((m.start(), f"{first}-{last}"))
                end = _SENT_END.search(text, since.end(), hi)
                if end:
                    out.append((end.end(), prev))
            continue
        if (m.group("y") or m.group("this") or m.group("last")) and (
                _PERIOD_BASE.match(text, m.end()) or _PERIOD_EVENT.match(text, m.end())):
            # "接近去年水平", "恢复到2019年水平": the level compared with; "1985年一度出现的过热": an event's time.
            # Neither dates a figure (nor a range ending there: 1984年末至1985年一度出现的…).
            if m.group("y") and out and _RANGE_START.search(text, max(lo, m.start() - 8), m.start()):
                prev_y = _RANGE_START.search(text, max(lo, m.start() - 8), m.start())
                if prev_y and out[-1][1] == str(cn_year(prev_y.group(1))):
                    out.pop()
            continue
        if m.group("y"):
            before = text[max(lo, m.start() - 4) : m.start()]
            pair = _YEAR_OVER_YEAR.match(text, m.end()) if text[m.end() : m.end() + 1] == "比" else None
            if (_BASE_YEAR.search(before) or before.endswith(("由", "从", "面向"))
                    or (text[m.end() : m.end() + 1] == "比" and not pair) or text.startswith(_PRICE_BASE, m.end())):
                continue  # a base compared with, a horizon ("面向2030年的重大项目") or a price base dates no figure
            found = str(cn_year(m.group("y")))
            if pair:
                # "一九七七年比一九七六年增长14.3%": the year before 比 is the figure's; over several years
                # (2023年比2018年增长38%), a change from the start: the years after the base up to it
                base = cn_year(pair.group(1))
                if base >= int(found):
                    continue
                if base < int(found) - 1:
                    found = f"{base + 1}-{found}"
                out.append((m.start(), found))
                continue
            # "1979到1983年", "2016年至2020年", "2016—2020年": one period from the first year to this.
            first = _RANGE_START.search(text, max(lo, m.start() - 8), m.start() + len(m.group("until") or ""))
            start = str(cn_year(first.group(1))) if first else ""
            if first and (m.group("until") in ("到", "至") or first.group(2)) and int(start) < int(found):
                if _BASE_YEAR.search(text, max(lo, first.start() - 4), first.start()):
                    continue  # "相当于1950年到1997年…的总和": a range compared with dates no figure
                if out and out[-1][1] == start:
                    out.pop()
                found = f"{start}-{found}"
        elif m.group("since"):
            # "建国以来，…增产1.4倍", "党的十八大以来，…": from the event's year to the last one reported; its own
            # sentence only (as 2012年以来)
            first, last = int(PERIOD_WORDS[m.group("since")].split(":")[1]), last_reported(doc) or y or 0
            if first < last:
                prev = out[-1][1] if out else ""
                out.append((m.start(), f"{first}-{last}"))
                if end := _SENT_END.search(text, m.end(), hi):
                    out.append((end.end(), prev))
            continue
        elif m.group("century"):
            if not y:
                continue
            found = str((y - 1) // 100 * 100 + _CENTURY[PERIOD_WORDS[m.group("century")]])
            # "从1981年到本世纪末的二十年": one period from the first year to it
            first = _RANGE_START.search(text, max(lo, m.start() - 8), m.start())
            if first and text[m.start() - 1 : m.start()] in ("到", "至") and int(cn_year(first.group(1))) < int(found):
                start = str(cn_year(first.group(1)))
                if out and out[-1][1] == start:
                    out.pop()
                found = f"{start}-{found}"
            # a goal that far ahead dates its own sentence only (…到本世纪末需要达到的技术水平。水泥…可以节约…)
            prev = out[-1][1] if out else ""
            out.append((m.start(), found))
            if end := _SENT_END.search(text, m.end(), hi):
                out.append((end.end(), prev))
            continue
        elif m.group("plan") or m.group("plan2"):
            before = text[max(lo, m.start() - 4) : m.start()]
            if _BASE_YEAR.search(before) or before.endswith(("由", "从", "象", "像", "如")):
                continue  # "比“六五”期间增长70%", "像“一五”时期那样": the plan compared with, not the period of the figure
            start = _PLAN_START.get(m.group("plan") or m.group("plan2"))
            if start:
                found = str(start + 4) if m.group("plan_when") == "末" else f"{start}-{start + 4}"
                if m.group("plan_when") == "以来" and y:
                    # “十四五”以来 said in 2023 (a press conference) = 2021-2023; in a work report, up to last year.
                    last = min(start + 4, last_reported(doc) or y)
                    found = f"{start}-{last}" if last > start else str(start)
        elif (m.group("five") or m.group("years") or m.group("years2") or m.group("years3")) and text[max(lo, m.start() - 2) : m.start()].endswith(("年的", "年")):
            continue  # "从1983年到1987年的五年间", "…到1985年八年间": the years named before it are the period
        elif (n := m.group("years") or m.group("years2") or m.group("years3")) and y:
            end = last_reported(doc) or y
            found = f"{end - _CN_COUNT[n] + 1}-{end}"
        elif m.group("five") and y:
            found = f"{y - 5}-{y - 1}"
        elif m.group("this") and y:
            found = str(y)
        elif m.group("last") and y:
            before = text[max(lo, m.start() - 1) : m.start()]
            # 去年的 is a base (比去年的水平), unless a to-verb arrives at it (降到去年的1.5%: last year's level)
            if before in ("比", "较", "从", "由", "与", "同") or (text[m.end() : m.end() + 1] == "的"
                                                              and before not in ("到", "至")):
                continue
            found = str(y - 1)
        elif m.group("next") and y:
            found = str(y + 1)
        if found:
            # A period inside "在…的基础上" dates only that aside, not the rest of the sentence.
            aside = _BASIS.match(text, m.end(), hi)
            out.append((m.start(), found))
            if aside:
                # Two periods in one aside ("在去年…和今年…的基础上，"): the time after it is the one before both.
                same = [e for e in out if e[0] == aside.end()]
                if same:
                    out.remove(same[0])
                    out.append(same[0])
                    continue
                k = len(out) - 2
                while k >= 0 and out[k][0] >= m.start():
                    k -= 1
                out.append((aside.end(), out[k][1] if k >= 0 else ""))
    out.sort(key=lambda e: e[0])  # an aside's or a 自…起 sentence's end may lie past later cues
    return out


_SENT_END = re.compile(r"[。！？；;]")
_THESE = re.compile("这五年")  # deictic: the five years the section is about


def local_cues(text: str, cues: list[tuple[int, str]], figures: list[int], lo: int,
               hi: int) -> list[tuple[int, str, int]]:
    """Each cue with how far it reaches. A period named after a figure of its own sentence ("…增加4374亿元，
    经济增速2022年以来…", "…五年间增长1倍，1992年达到1656亿美元", "1950年…是81亿元，1956年上升到191亿元")
    is an aside or an end point: that sentence's cues date the rest of it only. A sentence whose cues all
    open it (before its first figure) sets the time of the sentences after it too. ``figures``: the
    sorted starts of the line's figures."""
    out: list[tuple[int, str, int]] = [(p, period, hi) for p, period in cues]
    # Walk back sentence by sentence: a sentence whose last cue follows one of its figures carries
    # none of its cues past its end (the time after it is the one before it).
    i = len(out) - 1
    while i >= 0:
        p = out[i][0]
        a = max(lo, p - 400)
        ss = max((m.end() for m in _SENT_END.finditer(text, a, p)), default=a)
        j = i
        while j > 0 and out[j - 1][0] >= ss:
            j -= 1
        k = bisect_right(figures, p) - 1
        if k >= 0 and figures[k] >= ss:
            end = _SENT_END.search(text, p, hi)
            until = end.end() if end else hi
            # (an empty period is a reset — 今后, the end of a 自…起 / 建国以来 sentence — never an aside)
            out[j : i + 1] = [(q, per, until if per else r) for q, per, r in out[j : i + 1]]
        i = j - 1
    return out


def cue_index(cues: list[tuple[int, str, int]], pos: int) -> int:
    """Index of the cue dating ``pos``: the last before it whose reach holds it (-1: none)."""
    k = bisect_right(cues, (pos, "\uffff")) - 1
    while k >= 0 and cues[k][2] < pos:
        k -= 1
    return k


_YEAR_WRITTEN = re.compile(rf"(?:到|至|截至)?(?:{YEAR}|{YEAR_CN})年")


def range_end(text: str, cues: list[tuple[int, str, int]], pos: int, period: str | None) -> str | None:
    """A level reached (由A增加到B) in a span written as years ("从1980年至1985年") is the level at the
    span's end; a plan period ("六五"时期) keeps its span (a yearly average over it)."""
    k = cue_index(cues, pos)
    if period and "-" in period and k >= 0 and _YEAR_WRITTEN.match(text, cues[k][0]):
        return period.rsplit("-", 1)[1]
    return period


def _period(doc: Document, cues: list[tuple[int, str, int]], pos: int, kind: str,
            heading: str | None = None, review: bool = False, plan_section: bool = False) -> str | None:
    """The last period named before ``pos`` in the paragraph whose reach (:func:`local_cues`) holds
    ``pos``, else, for a target, a plan period its heading names ("二、“十五五”时期主要目标任务"), else
    the one the kind implies. (A review headed "“十四五”时期和2025年工作回顾" states levels of its last
    year, so headings do not date outcomes.)"""
    k = cue_index(cues, pos)
    y = doc.year
    if review and kind == "actual" and y and doc.kind == "work_report":
        # An outcome a work report's review states is not of a later year: a future year named before it
        # in its paragraph (…到2020年…) dates a plan aside, not this figure.
        while k >= 0 and cues[k][1] and int(cues[k][1].split("-")[0]) > y:
            k = cue_index(cues[:k], pos)
    if k >= 0 and cues[k][1]:
        if kind == "target" and plan_section and heading and "-" in heading and _THESE.match(doc.text, cues[k][0]):
            return heading  # "这五年内…将拨出25亿元" under a plan's heading: the plan's five years
        return cues[k][1]
    if heading and kind == "target":
        return heading
    if not y:
        return None
    if kind == "forecast" and plan_section and doc.kind in REPORTING_KINDS:
        return str(y)  # 预计全年… in the year's plan: an estimate of the year being planned
    if kind == "target":
        return str(y)
    return str(last_reported(doc))


# The text after the last clause (sentence) mark: matched on the reversed text, one C-level scan that
# stops at the last mark (six rfind calls each read the whole text when a mark is absent; called per figure).
_NOT_CLAUSE_MARK = re.compile(r"[^，,；;：:]*")
_NOT_SENTENCE_MARK = re.compile(r"[^。！？；;]*")


def last_clause(text: str) -> str:
    return text[len(text) - _NOT_CLAUSE_MARK.match(text[::-1]).end() :]  # type: ignore[union-attr]


def last_sentence(text: str) -> str:
    return text[len(text) - _NOT_SENTENCE_MARK.match(text[::-1]).end() :]  # type: ignore[union-attr]


def prospect_cue(text: str) -> bool:
    """达产后年产值40亿元，年税收4亿元: a prospect cue governs the later clauses of its sentence too,
    unless one of them states something done or current (已, 目前) or names a time of its own (今年…)."""
    if not _MAY_PROSPECT(text):
        return False
    sentence = last_sentence(text)
    cue = _PROSPECT_CUE.search(sentence)
    return cue is not None and not (_PROSPECT_ENDS.search(sentence, cue.end())
                                    or _PERIOD_CUES.search(sentence, cue.end()))


def future_cue(clause: str) -> bool:
    """将 / 要 in a figure's own clause, with nothing done (已, 了)."""
    return _FUTURE_CUE.search(clause) is not None and _DONE_CUE.search(clause) is None


def restated(sent_text: str) -> bool:
    """"去年政府工作报告提出，物价涨幅要…降到10%左右": a target a document set, restated (a target even
    when its year is past)."""
    own = last_clause(sent_text)
    return (_RESTATED_CUE.search(last_sentence(sent_text)) is not None and not _ACTUALLY.search(own)
            and sentence_kind(own) != "actual")


_CENTURY_RX = re.compile(_CENTURY_WORDS)


_SINCE_RX = re.compile(_SINCE_WORDS)


def since_years(text: str) -> set[int]:
    """The years of the events whose 以来 ``text`` names (建国以来: 1949)."""
    return {int(PERIOD_WORDS[m.group()].split(":")[1]) for m in _SINCE_RX.finditer(text)} if "以来" in text else set()


def century_years(text: str, year: int) -> set[int]:
    """The years the century words of ``text`` name, said in ``year`` (本世纪末 in 1984: 2000)."""
    if "世纪" not in text:
        return set()
    return {(year - 1) // 100 * 100 + _CENTURY[PERIOD_WORDS[m.group()]] for m in _CENTURY_RX.finditer(text)}


def century_ahead(doc: Document, clause: str) -> bool:
    """Whether ``clause`` names the end or middle of a century still ahead of the document (本世纪末 in 1984)."""
    return bool(doc.year and any(y > doc.year for y in century_years(clause, doc.year))
                and not _REACHED.search(clause))


_REACHED = re.compile(r"(?:实现|完成|达到)了|提前(?:实现|完成|达到)")  # 提前实现了本世纪末…的目标: reached


def _kind(doc: Document, sent_text: str, role: str, after_intro: bool = False) -> str:
    if "预计" in sent_text and _BASE_ESTIMATE.search(sent_text):
        sent_text = _BASE_ESTIMATE.sub("比", sent_text)  # "比1980年预计增长5.5%": the base's estimate, no forecast
    if _FORECAST_CUE.search(sent_text):
        return "forecast"
    if _MAY_OUTCOME(sent_text):
        sent_text = _OUTCOME_CUE.sub("", sent_text)  # "好于预期", "实现了主要目标" report an outcome
    if restated(sent_text):
        return "target"
    # "主要预期目标是：…；…；…" governs every clause of its paragraph; a status opening a later clause
    # (…共规划项目24个，目前…等3个项目正在施工中) ends a target cue's reach.
    if after_intro or ((tc := _TARGET_CUE.search(sent_text)) and not _NOW_AFTER.search(sent_text, tc.end())):
        return "target"
    if century_ahead(doc, last_clause(sent_text)):
        return "target"  # "对实现本世纪末…翻两番的目标" in a 1984 review, 已经确定的到本世纪末…: a goal for 2000, not an outcome
    # The figure's own clause (已, 达产后) overrides its section (time from structure, stages/sections.py).
    if (own := sentence_kind(last_clause(sent_text))) is not None:
        return own
    if prospect_cue(sent_text):
        return "forecast"
    if _COUNTED.search(sent_text) and not _MAY.search(last_clause(sent_text)):
        return "actual"  # 据今年三月初的统计，全国有…: a count made (not 据…调查，…可以减少…)
    if role == "review":
        return "actual"
    if role in ("targets", "tasks"):
        return "target"
    if _FUTURE_CUE.search(sent_text) and not _DONE_CUE.search(sent_text):
        return "target"
    # A regulation's figures are what it sets (标准为每月1500元, 罚款50元以上): targets, as annotated
    # (tests/gold README, round 3); its past figures (据统计，1996年…) turn outcomes in rules.py.
    return "target" if doc.kind == "regulation" else "actual"



# --- figures over a span of years ------------------------------------------------------------------
# A total or a yearly average over several years is dated by the whole span, not by its last year.
# Each row: name, the cue (searched in the figure's sentence up to the figure, or in its paragraph),
# and example sentences (invented) with the period expected; tests/test_time.py runs them.
_CN_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# "五年平均每年增长", "五年共利用外资", "五年中安排就业", "两年平均每年递增" (not 连续四年, 前九年, 再奋斗五年).
# The count of years: 两 (never inside a numeral: 一九八○两年合计 is two years), or 二…十 up to three characters not
# continuing a numeral (一九五二年, 二十六年 is 26 years, not 六年); totals and averages may follow 连续 (连续三年累计投入), a bare
# change may not (连续两年下降，2010年比上年减少6.4%: that year's).
_SPAN_N = r"(?:(?P<n>两)|(?<![\d一二三四五六七八九十〇○零])(?P<n2>[二三四五六七八九十]{1,3}))"
_SPAN_WORD = re.compile(rf"(?<![连前第再近后来过这]){_SPAN_N}年(?:间|中|来|内)?[，,]?"
                        r"(?:(?=平均|年均|共|累计|合计|总共|总体|全社会|[^，。；]{0,12}?(?:平均每年|年均))"
                        r"|(?<!连续..)(?<!连续...)(?<!连续....)(?=增长|增加|提高|下降|减少|翻))")


def _span_n(m: re.Match[str]) -> int:
    return 2 if m.group("n") else (cn_int(m.group("n2")) or 0)


_COMING_SPAN = re.compile(r"(?:今后|未来)(?P<n>[两二三四五六七八九十])年")
_SPAN_REACH = 200
_RUN_OF_YEARS = re.compile(r"连续(?P<n>[两二三四五六七八九十]{1,3}|\d{1,2})个?年(?!代)")
_RUN_CHANGE = re.compile(r"增长|增速|增幅|涨幅|递增|递减|增产|减产|上升|下降|提高|降低")
_BASIS_AFTER = re.compile(r"[^，,。；;]{0,16}?的基础上")
_NOW = re.compile(r"^(?:现已|现在|目前|至今|现有)")
_NOW_AFTER = re.compile(r"[，,；;：:](?:现已|现在|目前|至今|现有)")  # opening a later clause of the sentence
_YEARLY = re.compile(r"平均每年|年均|每年平均")
_YEARLY_RATE = re.compile(r"(?:平均每年|年均|每年平均)(?:实际|名义)?(?:增长|增速|递增|递减|增加|提高|下降|减少|降低)")

SPAN_RULES: list[tuple[str, str, tuple[tuple[int, str, str, str], ...]]] = [
    # (name, what it does, examples: (document year, section kind "review"/"targets", sentence, period))
    ("a span word before a total or an average dates the span ending at the figure's year",
     "N年(间|中)?(平均每年|年均|共|累计) in the figure's sentence: the N years up to its year", (
         (2024, "review", "2023年全区生产总值接近480亿元，五年平均每年增长6.1%。", "2019-2023"),
         (2024, "review", "五年共引进外资35亿美元。", "2019-2023"),
         (2024, "review", "两年平均每年递增4.2%。", "2022-2023"),
         # a change over the N years (粮食两年增长46%)
         (2024, "review", "全区粮食两年增长18%，棉花两年增长21%。", "2022-2023"),
         # a count of two or three characters (二十六年) is one number, not 六年; a plan named after the span word wins
         (1986, "review", "全省农业总产值从1953年至1980年的二十八年间平均每年增长3.5%，其中“五五”时期为5.1%。", "1976-1980"),
         (1979, "review", "大坝水库的蓄水量在十七年间平均每年增长9%。", "1962-1978"),
         # a bare change after 连续 is that year's (连续两年下降，2023年比上年减少6.4%)
         (2024, "review", "全区贸易顺差连续两年下降，2023年比上年减少6.4%。", "2023"),
     )),
    ("a yearly average after a span word of its paragraph takes that span",
     "平均每年/年均 with no span of its own: the last span word earlier in the paragraph, else a yearly rate of "
     "change under a review heading naming a plan's years (“九五”时期…回顾) that end at the figure's year", (
         (2024, "review", "五年平均每年增长6.1%。农业总产值平均每年增长3.2%。", "2019-2023"),
         (2001, "plan_review", "城乡居民收入2000年分别达到5260元和2140元。全市社会消费品零售总额平均每年增长9.4%。", "1996-2000"),
         (2001, "plan_review", "2000年全市细颗粒物年均浓度降至41微克/立方米。", "2000"),
         (2001, "plan_review", "城乡居民收入2000年分别达到5260元和2140元。居民储蓄存款余额五年增长1倍多。", "1996-2000"),
     )),
    ("a yearly-average target takes the plan span of its paragraph or heading, else the coming five years",
     "年均 in a target: the plan period named before it, 今后N年, or the report's year and the four after", (
         (2026, "targets", "“十五五”时期的主要目标。充分考虑了2035年基本实现现代化的需要，地区生产总值年均增长5%左右。",
          "2026-2030"),
         (2024, "targets", "城镇居民人均可支配收入年均实际增长5%左右。", "2024-2028"),
     )),
    ("a total or a yearly rate 到 the last year of a plan named before it is dated by the plan span",
     "“十五五”…到2030年…累计 / 年均…: the plan's span (a level reached then is the end year: SPAN_LEVEL_RULES)", (
         (2026, "targets", "“十五五”发展目标。到2030年，全区累计新增城镇就业12万人。", "2026-2030"),
         (2026, "targets", "“十五五”发展目标。到2030年，城镇化率达到71%，2030年前碳达峰，林草覆盖率45%。", "2030"),
     )),
    ("a status word (现已, 目前) in a span's figure dates the span's last year",
     "五年间…，现已吸纳劳动力1亿多人: a level now, not over the span; a span not yet ended (“十四五”期间 said in "
     "2023): the document's year", (
         (2024, "review", "五年间产值增长2倍，现已吸纳农村劳动力3000多万人。", "2023"),
         (2023, "review", "“十四五”期间，全区共新建养老机构12家，目前滨河、西苑等4家养老机构正在装修中。", "2023"),
         (2023, "review", "“十四五”期间，全区共规划养老机构12家，目前滨河、西苑等4家养老机构正在装修中。", "2023"),
     )),
    ("a plan named with 以来 runs up to the last year the document can report",
     "“十三五”以来 in a 2019 work report = 2016-2018; in a 2023 press conference “十四五”以来 = 2021-2023", (
         (2019, "review", "“十三五”以来，全区累计新增就业3.2万人。", "2016-2018"),
     )),
    ("自YYYY年起 dates only its own sentence",
     "自2015年起持续开展…: an ongoing thing since then; the next sentences keep the time before it", (
         (2024, "review", "自2015年起持续开展评选活动。建成12个实践站。", "2023"),
     )),
]


_ESTIMATE_REACH = 200


def estimated_span(doc: Document, text: str, line_lo: int, pos: int, period: str | None) -> bool:
    """An outcome over several years that end in the work report's own year, its paragraph having estimated
    that year (一九八二年…预计可以达到5.1%。两年平均每年递增4.5%): partly an estimate, so a forecast."""
    if not (period and "-" in period and doc.year and doc.kind == "work_report"
            and int(period.rsplit("-", 1)[1]) == doc.year):
        return False
    return _FORECAST_CUE.search(text, max(line_lo, pos - _ESTIMATE_REACH), pos) is not None


def _last(matches):
    last = None
    for last in matches:  # noqa: B007
        pass
    return last


def _span_of(n: int, end: int) -> str:
    return f"{end - n + 1}-{end}" if n > 1 else str(end)


def span_period(doc: Document, text: str, line_lo: int, s0: int, pos: int, period: str | None, kind: str,
                heading: str | None, cues: list[tuple[int, str, int]]) -> str | None:
    """:data:`SPAN_RULES`: the span a total or a yearly average over several years is for."""
    # Bounded windows (the stage stays linear on long lines): the sentence up to the figure, the paragraph before.
    s0 = max(s0, pos - _SPAN_REACH)
    line_lo = max(line_lo, pos - 2 * _SPAN_REACH)
    if period and kind != "target" and "-" in period:
        k = cue_index(cues, pos)
        after_cue = max(s0, cues[k][0]) if k >= 0 else s0
        if _NOW.search(last_clause(text[s0:pos])) or _NOW_AFTER.search(text, after_cue, pos):
            # a status (现已, 目前) after the span's cue: the time of speaking, within the span
            end = int(period.rsplit("-", 1)[1])
            return str(min(end, doc.year) if doc.year else end)
    if period and kind != "target" and "-" in period and (own := _last(_SPAN_WORD.finditer(text, s0, pos))) and (
            (k := cue_index(cues, pos)) < 0 or cues[k][0] < own.start()):
        # "五年累计退耕还林…" after "近两年，…": the sentence's own span word wins over one carried to it (not over a
        # period named after it: …二十八年间平均每年增长3.5%，“一五”时期为4.5%)
        return _span_of(_span_n(own), int(period.rsplit("-", 1)[1]))
    if (not period or period.isdigit()) and (run := _RUN_OF_YEARS.search(last_clause(text[s0:pos]))) and (
            kind != "target" or _BASIS_AFTER.match(text, pos)) and _RUN_CHANGE.search(text, run.end(), pos + 4):
        # "已经连续三年增长11%以上", "在连续两年增长13%的基础上": a rate of change in each of the N years up to
        # the last one reported (not a plan's: 力争连续三年…; a level held, 连续9年稳定在1300亿斤以上, is the
        # level now: its year)
        n = int(run.group("n")) if run.group("n").isdigit() else cn_int(run.group("n"))
        end = int(period) if period else last_reported(doc)
        if end and doc.year and doc.kind in REPORTING_KINDS:
            end = min(end, last_reported(doc) or end)
        if n and end and 1 < n <= 30:
            return _span_of(n, end)
    if not period or "-" in period or not period.isdigit():
        return period
    y = int(period)
    before = text[s0:pos]
    last_clause_text = last_clause(before) + text[pos : pos + 4]  # a mention may open with its 年均
    if doc.year and _YEARLY.search(last_clause_text) and (coming := _last(_COMING_SPAN.finditer(text, s0, pos))) and (
            (k := cue_index(cues, pos)) < 0 or cues[k][0] < coming.start()):
        # "…到2035年要走在前列。纲要设定了今后五年的主要指标，包括…年均增长5%": the sentence's own coming span
        n = _CN_COUNT[coming.group("n")]
        return _span_of(n, doc.year + n - 1)
    if kind == "target":
        if _YEARLY.search(last_clause_text):
            coming = _last(_COMING_SPAN.finditer(text, line_lo, pos))
            if coming:
                return _span_of(_CN_COUNT[coming.group("n")], doc.year + _CN_COUNT[coming.group("n")] - 1) \
                    if doc.year else period
            spans = [p for q, p, _ in cues if q < pos and "-" in p]
            if spans:
                return spans[-1]
            if heading and "-" in heading:
                return heading
            if doc.year and period == str(doc.year) and cue_index(cues, pos) < 0:
                return _span_of(5, doc.year + 4)
            return period
        # 到2030年 in a paragraph on the “十五五” plan: the plan's span (not 到本世纪末 after “九五”: the century's goal).
        k = cue_index(cues, pos)
        if k >= 0 and not _CENTURY_RX.match(text, cues[k][0]):
            for m in _PLAN_ANY.finditer(text, line_lo, cues[k][0]):
                start = PLAN_START.get(m.group(1))
                if start and start + 4 == y:
                    return f"{start}-{y}"
            if heading and heading.endswith(f"-{y}"):
                return heading
        return period
    # the span word may stand right before the figure's own change verb (余额五年增长1倍多: the mention opens at 增长)
    m = _last(w for w in _SPAN_WORD.finditer(text, s0, min(len(text), pos + 4)) if w.end() <= pos)
    if m is not None and ((k := cue_index(cues, pos)) < 0 or cues[k][0] < m.start()):
        # (not over a period named after it: …十七年间平均每年增长28%，大寨去年…)
        return _span_of(_span_n(m), y)
    if _YEARLY.search(last_clause_text):
        m = _last(_SPAN_WORD.finditer(text, line_lo, s0))
        if m is not None:
            return _span_of(_span_n(m), y)
        if heading and heading.endswith(f"-{y}") and _YEARLY_RATE.search(last_clause(before) + text[pos : pos + 8]):
            # a yearly rate of change in a review of a plan's years (“九五”时期…的回顾) ending at its year
            return heading
    return period


_PLAN_ANY = re.compile(rf"“?({PLAN_NAMES})”?")


# --- a level at the end of a span, a flow over it (tests/gold/README "A figure stated for a span") ----
# A level reached at the end of a five-year review or plan (汽车保有量增至3230万辆, 到2030年城镇化率达到71%, a
# plan's bare indicator 比重21%) is dated the END year; a flow over the span (累计/共 totals, 年均 rates, things
# built or added, a change from the start, a level kept throughout: 稳定在65%以上) keeps the span. The cue words
# are rows of lexicon/data/kind_cues.tsv (span_*). Each row: name, what it does, examples (invented): (document
# year, section kind, paragraph, figure, kind, period); tests/test_period_span.py runs them through the pipeline.
_SPAN_FLOW = KIND_CUES["span_flow"]
_LEVEL_VERB = KIND_CUES["span_reach"]
_SPAN_WEAK = KIND_CUES["span_weak"]
_SPAN_HELD = KIND_CUES["span_held"]
_SPAN_NOUN = KIND_CUES["span_noun"]
_SPAN_RATIO = KIND_CUES["span_ratio"]
_SPAN_AVERAGE = KIND_CUES["span_average"]
_SPAN_STOCK = KIND_CUES["span_stock"]
# A second bound of the same level (达到600亿元以上、力争800亿元): read the clause of the first.
_SECOND_BOUND = re.compile(r"[\d.]+[^\d，,、。；]{0,6}[、，,]?(?:力争|争取|努力)(?:达到|突破|超过)?$")
_RATIO_UNITS = ("%", "‰", "岁")
_COUNT_UNITS = ("个", "所", "条", "家", "项", "件", "座", "处", "场", "款", "种", "批")
_LEAD_BOUND = re.compile(r"(?:首次)?(?:超过|超|突破|逾|接近|将近)")
_LEVEL_REACH = 60
_TALLY_REACHED = re.compile(r"累计(?:达到?|突破|超过)$")  # a tally with no verb of doing before it: a stock
_START_YEAR = re.compile(rf"(?:从|由)({YEAR}|{YEAR_CN})年(?:底|末)?的?$")
_LIST_TAIL = re.compile(r"(?:[\d.]+[^\d，,、和及与。；]{0,6}?(?:和|及|与|、))+$")

SPAN_LEVEL_RULES: list[tuple[str, str, tuple[tuple[int, str, str, str, str, str], ...]]] = [
    ("a level reached at the end of a five-year review is the end year",
     "增至 / 提高到 / 达到 / 由A增加到B right before the figure, in a span (五年来, “十四五”时期): the span's last year", (
        (2026, "review", "五年来，全市私人汽车保有量由120万辆增至186万辆。", "186万辆", "actual", "2025"),
        (2026, "review", "“十四五”时期，全市人均预期寿命提高到81.2岁，建成区绿化覆盖率达到43.5%。", "81.2岁", "actual", "2025"),
        (2026, "review", "“十四五”时期，全市人均预期寿命提高到81.2岁，建成区绿化覆盖率达到43.5%。", "43.5%", "actual", "2025"),
        (2026, "review", "过去五年，全市生产总值从不到800亿元增加到超过1100亿元。", "1100亿元", "actual", "2025"),
        # every member of a list the verb reaches (分别提高到C和D)
        (2026, "review", "五年来，城乡居民人均可支配收入从2020年的41200元和15800元分别提高到52600元和21400元。", "21400元",
         "actual", "2025"),
        # a level with its 年均 change after it: two facts, the level at the end, the rate over the span
        (2026, "review", "五年来，全市生产总值达到1280亿元，年均增长6.2%。", "1280亿元", "actual", "2025"),
        (2026, "review", "五年来，全市生产总值达到1280亿元，年均增长6.2%。", "6.2%", "actual", "2021-2025"),
        # the same with the change written first (年均增长6%，达到5万亿元); its 左右 is the rate's
        (2026, "review", "五年来，全市生产总值年均增长6.4%，达到1350亿元。", "1350亿元", "actual", "2025"),
        (2026, "review", "五年来，全市生产总值年均增长6.4%，达到1350亿元。", "6.4%", "actual", "2021-2025"),
        (2026, "targets", "“十五五”时期主要目标：全市生产总值年均增长5%左右，达到1800亿元。", "1800亿元", "target", "2030"),
        (2026, "targets", "“十五五”时期主要目标：全市生产总值年均增长5%左右，达到1800亿元。", "5%", "target", "2026-2030"),
        (1956, "targets", "第二个五年计划期间，全国水泥产量将达到1250万吨。", "1250万吨", "target", "1962"),
     )),
    ("a flow over a five-year review keeps the span",
     "累计 / 共 / 年均 / 每年 / 新增 / 新建 / 建成 / 改造…: a total or a rate over the span, things done in it", (
        (2026, "review", "五年来，全市城镇新增就业达到38.6万人。", "38.6万人", "actual", "2021-2025"),
        (2026, "review", "五年来，全市累计完成固定资产投资达4200亿元。", "4200亿元", "actual", "2021-2025"),
        (2026, "review", "五年来，全市建成口袋公园86个、社区食堂120个。", "120个", "actual", "2021-2025"),
        (2026, "review", "五年来，全市开工重点项目超900个。", "900个", "actual", "2021-2025"),
        (2026, "review", "五年来，全市财政支出的72%用于民生。", "72%", "actual", "2021-2025"),
        (2026, "review", "五年全市财政用于科技的投入达到86亿元。", "86亿元", "actual", "2021-2025"),
        # 长达 is a length, not a verb arriving at a level: a thing done over the span
        (2026, "review", "五年来，全市完成了长达320多公里的干堤加固工程。", "320多公里", "actual", "2021-2025"),
        # a yearly average opening the sentence governs each reach after it
        (2026, "review", "“十四五”时期同“十三五”时期相比，全市蔬菜的年平均产量由82万吨增加到97万吨，水果由21万吨增加到26万吨。",
         "26万吨", "actual", "2021-2025"),
     )),
    ("a level kept throughout a span keeps the span",
     "稳定在 / 保持在 / 控制在, 城镇调查失业率…: held every year, not reached at the end", (
        (2026, "review", "五年来，全市财政民生支出占比稳定在72%以上。", "72%", "actual", "2021-2025"),
        (2026, "review", "五年来，全市一般性支出连续5年压减比例超5%。", "5%", "actual", "2021-2025"),
        (2026, "targets", "“十五五”时期主要目标：城镇调查失业率5.5%左右，物价涨幅控制在3%以内。", "5.5%", "target", "2026-2030"),
     )),
    ("a bound after a level noun is a level; after a count of things done it is no verb",
     "产值超8千亿元, 比重超50%, 总量接近80万户 (the end year); 开工项目超900个 (the span); an item after 、 with its "
     "own verb (新增装机418万千瓦、总装机达915万千瓦) is read alone", (
        (2026, "review", "五年来，全市经营主体总量接近80万户。", "80万户", "actual", "2025"),
        (2026, "review", "五年来，全市新增发电装机418万千瓦、总装机达915万千瓦。", "915万千瓦", "actual", "2025"),
        (2026, "review", "五年来，全市新增发电装机418万千瓦、总装机达915万千瓦。", "418万千瓦", "actual", "2021-2025"),
        (2026, "review", "五年来，全市规上工业产值超2600亿元、比2020年增加四成。", "2600亿元", "actual", "2025"),
        (2026, "review", "五年来，全市数字经济核心产业占生产总值比重超12%。", "12%", "actual", "2025"),
        # a stock named bare (no verb) is the level at the end; a bare income or spending may be a total: the span
        (2026, "review", "五年来，全市私人汽车保有量186万辆，住户存款余额2300亿元。", "186万辆", "actual", "2025"),
        (2026, "review", "五年来，全市私人汽车保有量186万辆，住户存款余额2300亿元。", "2300亿元", "actual", "2025"),
        (2026, "review", "五年来，全市民生支出3100亿元。", "3100亿元", "actual", "2021-2025"),
        (2026, "review", "五年来，全市净增经营主体24.6万户。", "24.6万户", "actual", "2021-2025"),
        # a tally of things that exist (航线累计达到60条) is a stock; one of things done (累计建成) or money is a flow
        (2026, "review", "五年来，全市开通国际航线6条，国内外航线累计达到48条。", "48条", "actual", "2025"),
        (2026, "review", "五年来，全市累计建成5G基站达到2100个。", "2100个", "actual", "2021-2025"),
        (2026, "review", "五年来，全市科技投入累计达到86亿元。", "86亿元", "actual", "2021-2025"),
        # a stock of firms, an income (营收) after the bound: the end year; a count brought in (引进企业超…) is a flow
        (2026, "review", "五年来，全市农副产品加工业营收超2000亿元，工业增加值提升到900亿元。", "2000亿元", "actual", "2025"),
        (2026, "review", "五年来，全市企业主体超42万户，外贸实绩企业突破1300家，高新技术企业达2100家。", "42万户", "actual",
         "2025"),
        (2026, "review", "五年来，全市企业主体超42万户，外贸实绩企业突破1300家，高新技术企业达2100家。", "1300家", "actual",
         "2025"),
        (2026, "review", "五年来，全市引进企业超300家，培育专精特新企业突破120家。", "300家", "actual", "2021-2025"),
        (2026, "review", "五年来，全市引进企业超300家，培育专精特新企业突破120家。", "120家", "actual", "2021-2025"),
        (2026, "targets", "“十五五”时期主要目标：养老床位超过2.3万张，普惠托育服务覆盖实现95%，新增就业岗位12万个。", "2.3万张",
         "target", "2030"),
        (2026, "targets", "“十五五”时期主要目标：养老床位超过2.3万张，普惠托育服务覆盖实现95%，新增就业岗位12万个。", "95%",
         "target", "2030"),
        (2026, "targets", "“十五五”时期主要目标：养老床位超过2.3万张，普惠托育服务覆盖实现95%，新增就业岗位12万个。", "12万个",
         "target", "2026-2030"),
    )),
    ("a throughput or a capacity bounded by 超过 / 突破 is a level",
     "吞吐量超过3亿吨, 装机容量突破900万千瓦 in a five-year review: one year's amount or a stock (the end year), as "
     "产值超8千亿元 (a bare 电量超过…, often a five-year total, keeps the span)", (
        (2026, "review", "五年来，全市港口货物吞吐量超过3亿吨、居全省首位。", "3亿吨", "actual", "2025"),
        (2026, "review", "“十四五”时期，全市电源建设加快，新能源装机容量突破900万千瓦。", "900万千瓦", "actual", "2025"),
        (2026, "review", "“十四五”时期，全市外送电量超过460亿千瓦时。", "460亿千瓦时", "actual", "2021-2025"),
    )),
    ("a plan's bare indicator naming a level is the plan's end year",
     "“十五五”…比重21%, 城镇化率71%, 粮食综合生产能力52亿斤左右 (a level noun, no verb of doing): the end year; "
     "年均增长 and counts of things to build keep the span", (
        (2026, "targets", "“十五五”时期主要目标：非化石能源占能源消费总量比重28%，粮食综合生产能力52亿斤左右，地区生产总值年均增长5%。",
         "28%", "target", "2030"),
        (2026, "targets", "“十五五”时期主要目标：非化石能源占能源消费总量比重28%，粮食综合生产能力52亿斤左右，地区生产总值年均增长5%。",
         "52亿斤", "target", "2030"),
        (2026, "targets", "“十五五”时期主要目标：非化石能源占能源消费总量比重28%，粮食综合生产能力52亿斤左右，地区生产总值年均增长5%。",
         "5%", "target", "2026-2030"),
        (2026, "targets", "“十五五”时期主要目标：新建改建农村公路1800公里。", "1800公里", "target", "2026-2030"),
        (2026, "targets", "“十五五”发展目标。到2030年，常住人口城镇化率达到71%。", "71%", "target", "2030"),
        # 分别超过 after the nouns; a second bound (力争) of the same level; 迈上…新台阶
        (2026, "targets", "“十五五”时期主要目标：体育产业、康养产业增加值占地区生产总值比重分别超过3%、6%。", "3%", "target", "2030"),
        (2026, "targets", "“十五五”时期主要目标：规上工业总产值达到900亿元以上、力争1000亿元。", "1000亿元", "target", "2030"),
        (2026, "targets", "“十五五”时期主要目标：粮食综合生产能力迈上60亿斤新台阶。", "60亿斤", "target", "2030"),
    )),
    ("a year carried from an earlier sentence of a span paragraph is the span's end",
     "五年来…。2025年旅游收入达到95亿元。新建酒店12家 (flows after it: the span; levels: the end year)", (
        (2026, "review", "五年来，全市旅游业长足发展。2025年旅游收入达到95亿元。新建、改扩建酒店12家。", "12家", "actual", "2021-2025"),
        (2026, "review", "五年来，全市旅游业长足发展。2025年旅游收入达到95亿元。新建、改扩建酒店12家。", "95亿元", "actual", "2025"),
        (2026, "review", "五年来，全市旅游业长足发展。2025年末储蓄存款余额310亿元。城乡新建住房1900万平方米。",
         "1900万平方米", "actual", "2021-2025"),
        (2026, "review", "五年来，全市旅游业长足发展。2025年旅游收入达到95亿元。对全市8个古村落的环境实施了整治。", "8个", "actual",
         "2021-2025"),
        (2026, "review", "五年来，全市旅游业长足发展。2025年旅游收入达到95亿元。农牧民人均可支配收入完成2.1万元。", "2.1万元",
         "actual", "2025"),
        (2026, "review", "五年来，全市旅游业长足发展。2025年旅游收入达到95亿元。开通国际航线6条，国内外航线累计达到48条。", "48条",
         "actual", "2025"),
    )),
]


def split_span_average(facts: list) -> list:
    """A level at a span's end with its 年均 change (年均增长6%，达到5万亿元 / 达到5万亿元、年均增长6%) is two
    facts (tests/gold/README): the level at the end year, the yearly rate over the span (``period_span``)."""
    out = []
    for f in facts:
        out.append(f)
        d = f.data
        if d.get("period_span") and d.get("annual_average") and d["change"] is not None and d["value"] is not None:
            rate = type(f)(f.type, f.start, f.end, f.quote, dict(d, value=None, value_max=None, unit=None,
                                                                  qualifier=d.pop("rate_qualifier", None),
                                                                  period=d["period_span"]))
            del rate.data["period_span"]
            d.update(change=None, change_max=None, change_unit=None)
            d.pop("annual_average", None)
            out.append(rate)
        d.pop("rate_qualifier", None)
    return out


def end_of(span: str) -> str:
    return span.rsplit("-", 1)[1]


def span_level(doc: Document, text: str, s0: int, pos: int, period: str | None, kind: str, unit: str | None,
               cues: list[tuple[int, str, int]]) -> str | None:
    """:data:`SPAN_LEVEL_RULES`: a level figure (``pos`` starts a stated value, not a change) dated by a span
    is of the span's last year when its own clause reaches it; a flow keeps the span."""
    if not period:
        return period
    if "-" in period:
        span = period
    elif period.isdigit() and kind != "target":
        # "五年来…。2030年旅游收入达到95亿元。新建酒店12家": a year carried from an earlier sentence that ends a
        # span named before it in the paragraph is that span's end; the flows after it are the span's.
        k = cue_index(cues, pos)
        if k < 0 or cues[k][0] >= s0 or cues[k][1] != period:
            return period
        spans = [p for _, p, _ in cues[:k] if p.endswith(f"-{period}")]
        if not spans:
            return period
        span = spans[-1]
    else:
        return period
    start, end = span.split("-", 1)
    if not (start.isdigit() and end.isdigit() and int(start) < int(end)):
        return period
    before = text[max(s0, pos - _LEVEL_REACH) : pos]
    if second := _SECOND_BOUND.search(before):
        before = before[: second.start()]
    # a later member of a list the same verb reaches (分别提高到58794元和23184元): read the clause of the first
    clause = _LIST_TAIL.sub("", last_clause(before))
    if start := _START_YEAR.search(clause):
        return str(cn_year(start.group(1)))  # 从2021年的46503元和16935元提高到…: the start is that year's level
    if "、" in clause and "-" in period:
        # "新增发电装机418万千瓦、总装机达915万千瓦": the item after 、 has its own verb; the flow before is no part of it
        item = clause.rsplit("、", 1)[1]
        if _LEVEL_VERB.search(item) and not _SPAN_FLOW.search(item):
            return end_of(period)
    if unit in _COUNT_UNITS and (tally := _TALLY_REACHED.search(clause)) and not _SPAN_FLOW.search(clause[: tally.start()]):
        return end_of(span)  # "国内外航线累计达到60条": a count of things that exist, reached by now
    if _SPAN_FLOW.search(clause) or _SPAN_AVERAGE.search(text, s0, pos):
        return span
    if "-" not in period:
        # a year carried into a span's paragraph: a flow (新建酒店12家) or a count of things done (对14个景区实施了
        # 改造) is the span's; a level (收入完成22250元, 达到62户) stays the year's
        return span if unit in _COUNT_UNITS and not _LEVEL_VERB.search(clause) else period
    if _LEVEL_VERB.search(clause):
        return end
    if _SPAN_HELD.search(clause):
        return span
    # the bound may open the figure itself (超2600亿元): the words before it then end the clause
    weak = _SPAN_WEAK.search(clause)
    before = clause[: weak.start()] if weak else clause if _LEAD_BOUND.match(text, pos) else None
    if before is not None and _SPAN_NOUN.search(before):
        return end
    if (_SPAN_NOUN if kind == "target" else _SPAN_RATIO).search(clause) and (kind == "target" or unit in _RATIO_UNITS):
        return end  # a plan's bare indicator (比重21%); in a review, a rate or an age named bare
    if _SPAN_STOCK.search(clause):
        return end  # a stock named bare in a review (汽车保有量186万辆): the level at the end
    return span


# --- time rules of a figure's own words and of its document (README "Time from structure") ----------
# Each row: name, what it does, and examples (invented): (document, year, body, figure, kind, period).
# ``document``: "report" (a work report of ``year``), "delivered" (one dated by its delivery line), "press" (a press conference held in ``year`` on the
# year before), "old" (a national report of ``year``, 1950s–1990s
# style), "bulletin" (a statistics bulletin of the year before ``year``, published in ``year``), "regulation"
# (a local regulation of ``year``).
# tests/test_period_rules.py runs them through the whole pipeline.
TIME_RULES: list[tuple[str, str, tuple[tuple[str, int, str, str, str, str], ...]]] = [
    ("N年来 names the N years up to the last one reported",
     "三年来 / 两年来 / 过去十年 / 近三年来: a span, not the last year (not 连续三年, 前三年, 二十年来)", (
         ("report", 2024, "一、2023年工作回顾\n三年来，全区累计新增城镇就业3.6万人。\n", "3.6万人", "actual", "2021-2023"),
         ("report", 2024, "一、2023年工作回顾\n两年来，全区新建口袋公园12个。\n", "12个", "actual", "2022-2023"),
         ("report", 2024, "一、2023年工作回顾\n过去十年，全区累计植树造林8.6万亩。\n", "8.6万亩", "actual", "2014-2023"),
     )),
    ("这N年中 names the N years up to the last one reported",
     "这两年中 / 这三年里 in a review: a span, as 两年来 (这五年 is a period word of its own); 五年总体赤字率 a span too", (
         ("report", 1985, "一、两年来的工作\n这两年中，全省社会商品零售总额增长19%，进出口总额增长31%。\n", "31%", "actual", "1983-1984"),
         ("report", 2024, "一、过去五年工作回顾\n全区五年总体赤字率控制在2.8%以内。\n", "2.8%", "actual", "2019-2023"),
     )),
    ("a span word after the years it spans adds nothing",
     "从2019年到2023年的五年间, …到1985年八年间: the years written are the period", (
         ("report", 2024, "一、2023年工作回顾\n从2019年到2023年的五年间，全区新建学校15所。\n", "15所", "actual", "2019-2023"),
     )),
    ("plans of the 1950s–1990s are spans",
     "第一个五年计划 (1953-1957) … 第十个五年计划, “一五”…“五五” in quotes: the plan's five years", (
         ("old", 1956, "第二个五年计划期间，全国将新建铁路八千八百公里。\n", "八千八百公里", "target", "1958-1962"),
         ("old", 1987, "“一五”时期，全国新建铁路四千八百公里。\n", "四千八百公里", "actual", "1953-1957"),
     )),
    ("a plan named in a comparison dates nothing",
     "像“十三五”时期那样…, 比“六五”期间…: the figure keeps the time of its section", (
         ("report", 2024, "一、2023年工作回顾\n全区经济平稳运行。\n二、2024年工作安排\n要像“十三五”时期那样抓项目，新开工项目80个。\n",
          "80个", "target", "2024"),
     )),
    ("这五年 under a plan's heading is the plan's five years",
     "这五年内… in a 今后五年 / “十五五” section: the plan span (past five years in a review)", (
         ("report", 2024, "一、2023年工作回顾\n全区经济平稳运行。\n二、今后五年的奋斗目标\n这五年内，全区将新建中小学12所。\n",
          "12所", "target", "2024-2028"),
     )),
    ("今后 / 下一步 ends the reach of a past year named before it",
     "…2023年…。今后，力争…: the section's time again (not 今后五年, 今后几年: spans of their own)", (
         ("report", 2024, "一、2023年工作回顾\n全区经济平稳运行。\n二、2024年工作安排\n2023年全区新增规上企业35家。今后，力争每年新增规上企业40家。\n",
          "40家", "target", "2024"),
     )),
    ("预计 in a plan section estimates the year planned",
     "预计全年… under 2024年工作安排: forecast 2024 (in a review: the year reviewed)", (
         ("report", 2024, "一、2023年工作回顾\n全区经济平稳运行。\n二、2024年工作安排\n预计全年新增减税降费3.2亿元。\n",
          "3.2亿元", "forecast", "2024"),
         ("report", 2024, "一、2023年工作回顾\n预计全年地区生产总值增长5.2%。\n", "5.2%", "forecast", "2023"),
     )),
    ("a bulletin's outcomes are of the year it covers",
     "a statistics bulletin (or budget report) published in Y+1: uncued figures, 全年, 年末 are of Y", (
         ("bulletin", 2024, "初步核算，全年全区地区生产总值486亿元。\n", "486亿元", "actual", "2023"),
         ("bulletin", 2024, "年末全区常住人口52.3万人。\n", "52.3万人", "actual", "2023"),
     )),
    ("YYYY年以来 is a span up to the last year reported",
     "2019年以来年均增长6.1% in a 2024 report: 2019-2023 (its own sentence only, as 自2019年起)", (
         ("report", 2024, "一、2023年工作回顾\n全区生产总值增长5.6%，2019年以来年均增长6.1%。\n", "6.1%", "actual", "2019-2023"),
         ("report", 2024, "一、2023年工作回顾\n2020年以来，全区累计新建学校9所。新增学位1500个。\n", "1500个", "actual", "2023"),
     )),
    ("an event's 以来 opening a sentence is a span from that event",
     "建国以来， / 改革开放以来， / 党的十八大以来，: from its year (1949, 1978, 2012) to the last one reported, its own "
     "sentence only (not 新中国成立以来规模最大的…: a superlative)", (
         ("report", 1975, "一、1974年工作回顾\n全国解放以来，全省粮食增产一点四倍。全年新修水库12座。\n", "一点四倍", "actual",
          "1949-1974"),
         ("report", 1975, "一、1974年工作回顾\n全国解放以来，全省粮食增产一点四倍。全年新修水库12座。\n", "12座", "actual", "1974"),
         ("report", 2024, "一、2023年工作回顾\n党的十八大以来，全区累计建成高标准农田42万亩。\n", "42万亩", "actual", "2012-2023"),
         ("report", 2024, "一、2023年工作回顾\n全区进行了改革开放以来规模最大的水利建设，全年新修堤防18公里。\n", "18公里", "actual",
          "2023"),
     )),
    ("a count made (据…统计) is an outcome even of the report's own year",
     "据今年三月初的统计，全省有…, 据初步统计，今年1至4月…: what was counted, not the year's plan", (
         ("report", 2024, "二、2024年工作安排\n据今年二月底的统计，全区共有在建项目320个。\n", "320个", "actual", "2024"),
     )),
    ("a change over the same months of last year is an outcome so far",
     "今年第一季度，…比去年同期增长12% (said in the report's year, outside its review): what happened, not a plan", (
         ("report", 1986, "一、经济建设稳步前进\n今年第一季度，全省工业生产又比去年同期增长9%。\n", "9%", "actual", "1986"),
     )),
    ("要 inside a word (重要, 主要, 需要) is no future",
     "全国新增的主要生产能力有：…, 重要单项工程138个 in a review of the year before: outcomes, not the year's plan", (
         ("report", 1990, "一、经济建设稳步前进\n全省建成投产重点项目26个，其中的重要单项工程41个。新增的主要生产能力有：水泥86万吨。\n",
          "41个", "actual", "1989"),
         ("report", 1990, "一、经济建设稳步前进\n全省建成投产重点项目26个，其中的重要单项工程41个。新增的主要生产能力有：水泥86万吨。\n",
          "86万吨", "actual", "1989"),
     )),
    ("a regulation's figures are what it sets",
     "标准为每月1500元, 处50元以上罚款 in a regulation (办法, 条例, 第X条): targets of its year, as annotated", (
         ("regulation", 2024, "第五条 养犬登记证有效期为1年，登记费标准为每只每年80元。\n", "80元", "target", "2024"),
     )),
    ("a press conference or news item on a past year's results dates its outcomes that year",
     "2023年经济运行情况新闻发布会 held in 2024: 全年…, 年末… are 2023; 今年… still 2024", (
         ("press", 2024, "发布人：初步核算，全年全区地区生产总值486亿元，增长5.6%。\n", "486亿元", "actual", "2023"),
         ("press", 2024, "发布人：今年，全区力争新增规上企业40家。\n", "40家", "target", "2024"),
     )),
    ("a period compared with dates nothing, and its estimate is no forecast",
     "比1980年预计增长5.5% (the base's estimated level), 比原来预计的快, 接近去年水平, 恢复到2019年水平, 与去年大体持平: the figure keeps "
     "its section's time; X计划比上年增长6% is the year's plan", (
         ("delivered", 1980, "一、国民经济在调整中前进\n全省经济稳定。\n二、1981年国民经济计划的主要指标\n钢产量，比1980年预计增长4.5%，其中，优质钢增长9%。\n",
          "4.5%", "target", "1981"),
         ("delivered", 1980, "一、国民经济在调整中前进\n今年国民经济计划执行得较好。油料产量预计可以接近去年水平。全年农业总产值计划比上年增长3.5%。\n",
          "3.5%", "target", "1980"),
         ("report", 2024, "一、2023年工作回顾\n全区旅游业恢复到2019年水平。接待游客520万人次，增长18%。\n",
          "520万人次", "actual", "2023"),
         ("report", 2024, "二、2024年工作安排\n今年计划要求，全区社会消费品零售总额增长6.5%，信贷规模与去年大体持平，物价涨幅控制在3%以内。\n",
          "3%", "target", "2024"),
         ("report", 2024, "二、2024年工作安排\n由于新项目投产比原来预计的快，全区工业产值将增长9%。\n",
          "9%", "target", "2024"),
     )),
    ("a to-verb arriving at 去年的 dates the figure last year (去年的 after 到/至 is no base)",
     "从2018年的3.6%降到去年的2.1% in a five-year review is last year's level", (
         ("report", 2024, "一、过去五年工作回顾\n全区森林覆盖率从2019年的38%提高到去年的42.5%。\n",
          "42.5%", "actual", "2023"),
     )),
    ("a year of an event named by a noun dates nothing",
     "1985年一度出现的过热, 2020年发生的疫情, 1984年末至1985年遗留的问题, 2034年全省冬运会, 规划和2035年远景目标 (a name, "
     "not a heading 2035年远景目标：): the time of that event, not of the figures after it", (
         ("delivered", 1994, "一、当前的经济形势\n去年，全省上下齐心，1991年末至1992年曾经出现的开发区过多问题得到纠正。全省工业产值达到1200亿元，比上年增长8.2%。\n",
          "1200亿元", "actual", "1993"),
         ("report", 2024, "一、2023年工作回顾\n我们妥善处置了2021年发生的洪涝灾害。全年新建堤防32公里。\n",
          "32公里", "actual", "2023"),
         # a range compared with (相当于1990年到2020年…的总和) dates no figure either
         ("report", 2024, "一、2023年工作回顾\n全区水利建设投资15亿元，相当于1990年到2010年全区水利投资的总和。新建堤防32公里。\n",
          "32公里", "actual", "2023"),
         ("report", 2031, "一、2030年工作回顾\n全区经济平稳。\n二、2031年工作安排\n借助承办2034年全省冬运会契机，发展冰雪旅游。预计全年接待游客达到520万人次。\n",
          "520万人次", "forecast", "2031"),
         # a plan's horizon named with it (“十四五”规划和2035年远景目标) is a name, not the time of what follows
         ("report", 2021, "一、2020年工作回顾\n全区发展定位进一步提升，纳入全市“十四五”规划和2035年远景目标。──人民生活持续改善。"
          "预计居民人均可支配收入61200元，同比增长4.1%。\n", "61200元", "forecast", "2020"),
         # a heading naming the horizon before its figures (2035年远景目标：…) still dates them
         ("report", 2021, "一、2020年工作回顾\n全区经济平稳。\n二、“十四五”时期目标任务\n2035年远景目标：全区人均地区生产总值达到22万元。\n",
          "22万元", "target", "2035"),
     )),
    ("A年比B年 dates the figure by A (over several years, the years after B up to A)",
     "一九七七年比一九七六年增长14.3%: 1977; 2023年比2018年增长38%: a change from the start, 2019-2023; "
     "2023年比上年 keeps the time before it", (
         ("old", 1979, "一、两年来的工作\n全省工业总产值一九七七年比一九七六年增长11.2%，一九七八年又比一九七七年增长9.6%。\n",
          "11.2%", "actual", "1977"),
         ("old", 1979, "一、两年来的工作\n全省工业总产值一九七七年比一九七六年增长11.2%，一九七八年又比一九七七年增长9.6%。\n",
          "9.6%", "actual", "1978"),
         ("report", 2024, "一、过去五年工作回顾\n全区进出口总额2023年比2018年增长41%。\n", "41%", "actual", "2019-2023"),
     )),
    ("a yearly rate after 今后N年 in its own sentence is over those coming years",
     "到2035年要走在前列。纲要设定了今后五年的主要指标，包括…年均增长5.5%: 2026-2030, not the far year carried", (
         ("report", 2026, "一、2025年工作回顾\n全区生产总值增长5%。\n二、关于规划纲要草案的说明\n区委提出，全区“十五五”时期要实现新跨越，"
          "到2035年要走在全省前列。纲要草案据此设定了今后五年四大类22个主要指标，包括地区生产总值年均增长5.5%左右。\n",
          "5.5%", "target", "2026-2030"),
     )),
    ("共规划 / 拟规划 N个 is a plan; a status opening a later clause ends its reach",
     "“十四五”期间，全区共规划项目24个 (target of the plan's span; not 规划区, 规划面积), 目前…等3个项目正在施工中: "
     "an outcome now", (
         ("press", 2024, "发布人：“十四五”期间，全区共规划新建学校18所，目前城南、城北等6所学校已建成。\n", "18所", "target",
          "2021-2025"),
         ("press", 2024, "发布人：“十四五”期间，全区共规划新建学校18所，目前城南、城北等6所学校已建成。\n", "6所", "actual",
          "2024"),
     )),
    ("an average over years up to the report's own, estimated in its paragraph, is a forecast",
     "…1982年预计可以达到5.1%。两年平均每年递增4.5% (a 1982 report): forecast 1981-1982", (
         ("report", 1982, "一、1981年以来的工作回顾\n全区工业总产值1981年增长3.9%；1982年预计可以增长5.1%。两年平均每年递增4.5%。\n",
          "4.5%", "forecast", "1981-1982"),
     )),
    ("the end or middle of a century is a year",
     "到本世纪末 in a 1980s report = 2000 (a goal even in a review: 对实现本世纪末…的目标); 从1981年到本世纪末 = 1981-2000; "
     "本世纪中叶 in a 2020s report = 2050; 下个世纪中叶 in the 1990s = 2050; 提前实现了本世纪末…的目标 is an outcome", (
         ("old", 1984, "到本世纪末，全省粮食产量争取达到300亿公斤。\n", "300亿公斤", "target", "2000"),
         ("report", 1986, "一、1985年工作回顾\n全省上下对实现本世纪末全省工农业年总产值达到900亿元的目标更有信心。\n",
          "900亿元", "target", "2000"),
         ("report", 1986, "一、1985年工作回顾\n我们已经确定的到本世纪末全省人均收入达到800元的目标是可以实现的。\n",
          "800元", "target", "2000"),
         ("old", 1983, "从1981年到本世纪末的二十年内，全省工农业年总产值年均增长7%。\n", "7%", "target", "1981-2000"),
         ("old", 1983, "从1981年到本世纪末的二十年内，全省工农业年总产值力争达到1200亿元。\n", "1200亿元", "target", "2000"),
         ("report", 2021, "二、2021年工作安排\n到本世纪中叶，全区森林覆盖率达到50%。\n", "50%", "target", "2050"),
         # a goal reached early is an outcome
         ("report", 1998, "一、过去五年的工作回顾\n全省提前实现了本世纪末粮食产量达到300亿公斤的目标。\n", "300亿公斤", "actual", "1997"),
     )),
    ("a precedent named with 继 / 像…那样 dates nothing",
     "继去年创历史纪录之后, 像去年那样出现内涝: the time of that precedent, not of the figure; 又增长 is something seen", (
         ("old", 1981, "今年全省农业形势很好。棉花继去年创历史纪录之后又有新突破，油料又增长12%左右。\n", "12%", "actual", "1981"),
         ("report", 2024, "一、2023年工作回顾\n全区经济平稳运行。\n二、2024年工作安排\n要避免像去年那样出现内涝，新建排水管网45公里。\n",
          "45公里", "target", "2024"),
         ("old", 1957, "今年全省农业总产值将增长4%。为了避免象去年那样出现赤字，财政支出比上年减少3%。\n", "3%", "target", "1957"),
     )),
    ("a rate of change held for N years in a row is dated by those years",
     "已经连续三年增长12%以上, 在连续两年增长8%的基础上: the N years up to the last one reported (a level held, "
     "连续6年稳定在40万吨以上, is the level now: its year)", (
         ("report", 1995, "一、1994年工作回顾\n全省经济已经连续三年增长12%以上。\n", "12%", "actual", "1992-1994"),
         ("report", 2024, "一、2023年工作回顾\n全区经济平稳运行。\n二、2024年工作安排\n在连续两年增长8%的基础上，今年全区生产总值增长6%左右。\n",
          "8%", "actual", "2022-2023"),
         ("report", 2024, "一、2023年工作回顾\n全区粮食产量连续6年稳定在40万吨以上。\n", "40万吨", "actual", "2023"),
     )),
    ("a report presenting the next year's plan reviews its own year",
     "一九六五年计划草案 / 明年的计划 in a 1964 report: its own year is closing — uncued figures of it are outcomes, "
     "将 ones its estimate (forecast); 今年计划… stays the plan", (
         ("old", 1964, "今年全省农业生产形势很好，拖拉机台数比上年增长30%。\n二、一九六五年计划草案\n一九六五年计划草案拟定，农业总产值增长6%左右。\n",
          "30%", "actual", "1964"),
         ("old", 1964, "今年全省糖料产量将比去年增长12%以上。\n二、一九六五年计划草案\n一九六五年计划草案拟定，农业总产值增长6%左右。\n",
          "12%", "forecast", "1964"),
         ("old", 1964, "今年计划基本建设投资总额控制在45亿元。\n二、一九六五年计划草案\n一九六五年计划草案拟定，农业总产值增长6%左右。\n",
          "45亿元", "target", "1964"),
         # without the next year's plan, the report's own year is its plan
         ("old", 1964, "今年全省糖料产量将比去年增长12%以上。\n", "12%", "target", "1964"),
     )),
    ("two periods in one 在…的基础上 aside date only the aside",
     "在去年…和今年…的基础上，…: the figure after it keeps the time before the aside", (
         ("report", 2024, "一、2023年工作回顾\n全区经济平稳运行。\n二、2024年工作安排\n在去年粮食丰收和今年水利改善的基础上，粮食产量将达到12万吨。\n",
          "12万吨", "target", "2024"),
     )),
]
