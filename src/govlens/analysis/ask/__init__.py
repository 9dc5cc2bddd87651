"""Questions in Chinese answered from the library, with the sentences the answer came from.

No model: a question is read into a typed :class:`~.plan.Plan` (places, measure, years or a range,
kind, operation, constraints); the operation's handler in :data:`~.handlers.HANDLERS` answers it
from stored facts through the store API, citing the sentences it read. When no handler can answer,
the nearest sentences are returned and the answer is empty — a figure is never made up.

* :mod:`.words`    the question words (operation cues, kinds, levels, orders), as tables;
* :mod:`.plan`     question -> Plan (``govlens ask --explain`` prints it);
* :mod:`.choose`   which stated figure answers (whole place and year, the clause's subject, one year);
* :mod:`.handlers` one handler per operation;
* :mod:`.answer`   the Answer, how figures are written, the nearest sentences.
"""

from __future__ import annotations

from typing import Any

from ...errors import GovlensError
from ...lexicon.figures import unsupported_figures
from ...store.api import StoreAPI
from . import sentences as S
from . import words as W
from .answer import Answer, cite, passages
from .handlers import HANDLERS
from .plan import Plan, read, split

__all__ = ["HANDLERS", "Answer", "Plan", "ask", "passages", "read", "unsupported_figures"]


class _Reads:
    """The store, with what one question reads kept for that question: handlers ask for the same
    facts, documents and searches many times (each year of a change, each kind tried)."""

    CACHED = frozenset({"indicators", "document", "documents", "search", "glossary", "regions", "latest_report_year",
                        "document_text", "fact_span"})

    def __init__(self, store: StoreAPI) -> None:
        self._store = store
        self._memo: dict[tuple[Any, ...], Any] = {}

    def __getattr__(self, name: str) -> Any:
        got = getattr(self._store, name)
        if name not in self.CACHED:
            return got

        def read(*args: Any, **kwargs: Any) -> Any:
            key = (name, args, tuple(sorted(kwargs.items())))
            if key not in self._memo:
                self._memo[key] = got(*args, **kwargs)
            value = self._memo[key]
            return list(value) if isinstance(value, list) else value  # callers may filter their copy

        return read


_WIDE = {**{0xFF10 + i: 0x30 + i for i in range(10)}, **{0xFF21 + i: 0x41 + i for i in range(26)},
         **{0xFF41 + i: 0x61 + i for i in range(26)}, ord("％"): ord("%"), ord("．"): ord(".")}


def as_stored(question: str) -> str:
    """The question in the form the library's text is stored in: Simplified script (金山區政務服務 ->
    金山区政务服务, as the documents were converted) and ASCII letters and digits (２０２５年ＧＤＰ);
    Chinese punctuation is kept, the question words are read with it."""
    from ...stages.normalize import to_simplified

    return to_simplified(question.translate(_WIDE))[0]


def ask(store: StoreAPI, question: str) -> Answer:
    """The answer from the library; an LLM rephrases it only when one is configured (llm.py). A
    question a handler trips over is declined with the nearest sentences, never an error page; the
    trip is logged (``govlens.ask`` logger) so it can be fixed."""
    if not isinstance(store, _Reads):
        store = _Reads(store)  # type: ignore[assignment]
    question = as_stored(question)
    try:
        return _ask(store, question)
    except GovlensError:
        raise  # the store's own errors (a closed or broken store) are the caller's to report
    except Exception:  # an odd question must not take the page or a whole evaluation down
        import logging

        logging.getLogger("govlens.ask").exception("ask failed on %r", question)
        return Answer(citations=passages(store, question), note="这个问题的读法出错，未能作答。",
                      parsed={"op": "error"})  # an evaluation counts it wrong, never as a decline


def _ask(store: StoreAPI, question: str) -> Answer:
    from .. import llm
    parts = split(store, question)
    if len(parts) > 1:  # 多少个分中心、实践站和实践点: each answered; all or nothing
        answers = [ask(store, part) for part in parts]
        if all(b.answer for b in answers):
            a = Answer(answer="；".join(b.answer.rstrip("。") for b in answers) + "。",
                       parsed={"op": "several", "parts": [b.parsed for b in answers]})
            for b in answers:
                a.citations += [c for c in b.citations if c not in a.citations]
                a.computed += b.computed
            return a
    from . import detail as R

    if (record := R.document_record(store, question)) is not None:  # 发文字号, 成文日期 of a named document
        return Answer(answer=record["answer"] + "。", citations=[{k: record[k] for k in ("doc", "quote", "span")}],
                      computed=record["computed"], parsed={"op": "record"}, note="取自文件的登记信息。")
    plan = read(store, question)
    if len(plan.places) == 1 and plan.year and (which := _which_target(store, plan, question)) is not None:
        return which
    if "year unresolved" in plan.constraints:  # 今年 with no place named: no year to answer for
        return Answer(parsed=plan.to_dict(), citations=passages(store, question),
                      note="问题说“今年/去年”却没有说是哪里，无法确定年份。")
    if plan.measures and plan.op in ("lookup", "track", "trend", "change"):
        return _each_measure(store, plan, question)
    a = HANDLERS[plan.op](store, plan, question) or Answer()
    for extra in plan.also:  # a second question in the same sentence (项目多少个？总投资多少？)
        b = HANDLERS[extra](store, plan, question)
        if a.answer and b and b.answer and b.answer not in a.answer:
            a.answer = a.answer.rstrip("。") + "；" + b.answer
            a.citations += [c for c in b.citations if c not in a.citations]
    a.parsed = plan.to_dict()
    a = _read_instead(store, plan, question, a)
    if not a.answer and not a.citations:
        a.citations = passages(store, question)
    elif llm.configured():
        a.phrased = llm.phrase(question, a.answer, a.citations)
    return a


def _which_target(store: StoreAPI, plan: Plan, question: str) -> Answer | None:
    """哪一项增长目标最高 within one report, or which of two named measures' targets is higher (detail.py)."""
    from . import detail as R

    got = R.which_target(store, question, plan.places[0], plan.year or 0)
    if got is None:
        return None
    _v, f, said = got["winner"]
    shown = f"{f.get('region') or ''}{plan.year}年：{f['metric']}的增长目标{'更' if got['named'] else '最'}" \
            f"{'低' if got['low'] else '高'}（原文“{said}”）"
    others = "；".join(s for _x, g, s in got["rows"][1:] if g is not f) if got["named"] else ""
    cited = [cite(f)] + ([cite(g) for _x, g, _s in got["rows"][1:] if cite(g) != cite(f)] if got["named"] else [])
    return Answer(answer=shown + (f"；另一项：{others}" if others else "") + "。", citations=list({c["quote"]: c for c in cited}.values()),
                  table=[g for _x, g, _s in got["rows"]], parsed={**plan.to_dict(), "op": "which target"})


def _read_instead(store: StoreAPI, plan: Plan, question: str, a: Answer) -> Answer:
    """The detail one sentence states (detail.py) when no handler answered, when the answer cites no
    sentence holding the question's quoted name (“全程代办”提速了多少 answered by another clause's 14个),
    or when the question asks several things one sentence states and the answer lacks one of them."""
    from . import detail as R

    quoted = [m.group(1) for m in W.QUOTED_TERM.finditer(question)]
    cited = " ".join(c.get("quote") or "" for c in a.citations)
    # the quoted names a cited sentence must hold: not a plan period (“十四五”) nor a place
    named = [t for t in quoted if not W.PLAN_Q.search(f"“{t}”") and t not in plan.places
             and not any(t in pl or pl.startswith(t) for pl in plan.places)]
    years = sorted(set(plan.years)) if len(set(plan.years)) == 2 else list(plan.year_range or ())
    span = None
    if len(years) == 2 and not plan.unknown_place and plan.op in ("change", "trend", "lookup"):
        for said in dict.fromkeys(x for x in (plan.residue, plan.measure) if x):  # all the words, then the measure's
            if span := R.from_to(store, question, S.words_of(said), plan.places, *years):
                break
    if span and not (a.answer and all(x in a.answer for x in span["levels"])):
        # 2025年比2020年提高了多少, 从2020年到2025年怎么变化: the one phrase stating both levels, unless
        # the handler's answer already gives both
        diff = span["diff"]
        more = f"，{diff[2]}{diff[1]}" if diff else ""
        return Answer(answer=f"{span['region'] or ''}：{span['said']}{more}。",
                      citations=[{k: span[k] for k in ("doc", "quote", "span")}], computed=diff[0] if diff else [],
                      parsed={**plan.to_dict(), "from_to": True}, note="差值由句中所载两个数字计算得出。" if diff else None)
    asked = R.slots(question)
    counted = [m.group("n") for name, m, _p in asked if name == "howmany"]
    unnamed = bool(a.answer and named and not all(t in cited for t in named))
    uncounted = bool(a.answer and counted and not all(n in cited for n in counted))
    if a.answer and not unnamed and not uncounted and len(asked) < 2:
        return a
    got = None
    if not plan.unknown_place and not (plan.key and not named):  # a place the library lacks, or a measure
        got = R.answer(store, question, plan.places, plan.years)  # the handlers know and did not find
    if got is None and (unnamed or uncounted):
        # “某某平台”投资了多少 or 多少乡村医生 answered from a sentence never naming it: another thing's figure
        return Answer(citations=passages(store, question), parsed={**a.parsed, "unnamed": named + counted},
                      note="引用的原文没有提到问题所问的名称或对象，不作答。")
    if got is None:
        return a
    found = [x for x, _clause in got["answers"]]
    if a.answer and not unnamed and all(x in a.answer for x in found):
        return a  # the handler's answer already holds every detail
    shown = "；".join(f"{x}（原文“{clause.strip()}”）" for x, clause in got["answers"])
    return Answer(answer=f"{got['region'] or ''}：{shown}。", citations=[{k: got[k] for k in ("doc", "quote", "span")}],
                  parsed={**plan.to_dict(), "read": [x for x in found]})


def _each_measure(store: StoreAPI, plan: Plan, question: str) -> Answer:
    """Several measures asked together (固定资产投资和社会消费品零售总额增长目标): one answer each, joined;
    declined unless every one is answered."""
    from dataclasses import replace

    parts = [HANDLERS[plan.op](store, replace(plan, measure=m, key=k, measures=[]), question) for m, k in plan.measures]
    a = Answer(parsed=plan.to_dict())
    if all(b and b.answer for b in parts):
        a.answer = "；".join(b.answer.rstrip("。") for b in parts if b) + "。"
        for b in parts:
            if b:
                a.citations += [c for c in b.citations if c not in a.citations]
                a.computed += b.computed
    else:
        a.citations = passages(store, question)
    return a
