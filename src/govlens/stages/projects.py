"""Project facts: counts of major projects with their investment and stage
(``重大项目120个，总投资1500亿元``, ``14个产业项目集中启动，计划总投资260亿元``)."""

from __future__ import annotations

import re

from ..model import Document, Fact
from .numbers import clean_number, parse_number

_NUM = r"\d+(?:\.\d+)?"
_PROJECT = re.compile(
    rf"(?P<head>[^，。；：\n]{{0,24}}?)(?P<count>{_NUM})(?:个|项)(?P<what>[^，。；：\n\d]{{0,12}}?项目)"
    rf"|(?P<what2>[^，。；：\n\d]{{0,16}}?项目)(?P<count2>{_NUM})(?:个|项)"
)
# Both branches of _PROJECT hold a figure followed by 个 or 项: a sentence without one has no project
# count, and the pattern (a lazy head tried from every position) is not run on it.
_COUNT_HINT = re.compile(r"\d[个项]")
_INVEST = re.compile(rf"(?P<label>计划总投资|总投资|投资总额|完成投资|投资)(?:额)?(?:达|约|超过|近|逾|为)?(?P<v>{_NUM})(?P<u>万亿元|亿元|万元|亿美元|万美元)")
_STAGE = re.compile(r"集中开工|开工建设|开工|竣工|投产|签约|落地|启动|在建|入选|建成|推进|招引|引进")


_SENT = re.compile(r"[^。；\n]+")


def _project_sentences(text: str):
    """The sentences that name 项目, found from each 项目 outwards (most sentences have none)."""
    pos = text.find("项目")
    while pos != -1:
        start = max(text.rfind(c, 0, pos) for c in "。；\n") + 1
        m = _SENT.match(text, start)
        if m is None:  # pragma: no cover - 项目 itself is a sentence character
            break
        yield m
        pos = text.find("项目", m.end())


def projects(doc: Document) -> Document:
    text = doc.text
    for sent in _project_sentences(text):
        s = sent.group()
        if not _COUNT_HINT.search(s):
            continue
        for m in _PROJECT.finditer(s):
            count = m.group("count") or m.group("count2")
            what = (m.group("what") or m.group("what2") or "").strip("、，的")
            after = s[m.end() : m.end() + 60]
            inv = _INVEST.search(after) or _INVEST.search(s[max(0, m.start() - 20) : m.start()])
            stage = _STAGE.search(s[max(0, m.start() - 12) : m.end() + 12])
            start, end = sent.start(), sent.end()
            data = {
                "name": what,
                "count": clean_number(parse_number(count)),
                "count_unit": "个",
                "investment": clean_number(parse_number(inv.group("v"))) if inv else None,
                "investment_unit": inv.group("u") if inv else None,
                "investment_label": inv.group("label") if inv else None,
                "stage": stage.group() if stage else None,
                "region": doc.region,
            }
            doc.facts.append(Fact("project", start, end, text[start:end], data))
    return doc
