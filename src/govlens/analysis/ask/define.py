"""What a term means, read from a report's 名词解释 or, when it has none, from running text: a
regulation's 本条例所称…是指, a term followed by 即/是指, a list in brackets after a quoted term, or a
list of as many parts as the term's numeral says written right before it (水库、粮库、钱库“三库”).

DEFINITION_FORMS is the table of running-text forms; each row has an invented example sentence that
``tests/test_ask_plan.py`` reads. ``{t}`` stands for the term (escaped)."""

from __future__ import annotations

import re
from typing import Any

from ...errors import GovlensError
from ...store.api import StoreAPI

_OPEN, _CLOSE = "[“\"「『]?", "[”\"」』]?"
_NOTE = r"(?:[\[［【(（]\d{1,2}[\]］】)）])?"  # a note marker glued to the term (“四库”［11］)

# (name, pattern with {t}, example sentence, the term in the example, what the definition must hold)
DEFINITION_FORMS: list[tuple[str, str, str, str, str]] = [
    ("so-called", rf"(?:本|该)(?:条例|办法|规定|细则|决定|法|规则|意见)(?:中)?所称(?:的)?{_OPEN}{{t}}{_CLOSE}[，,：:]?\s*(?:是)?指(?P<d>[^。；]+)",
     "本条例所称绿色出行，是指步行、骑行和乘坐公共交通出行。", "绿色出行", "步行、骑行"),
    ("so-called-holds", rf"(?:本|该)(?:条例|办法|规定|细则|决定|法|规则|意见)(?:中)?所称(?:的)?{_OPEN}{{t}}{_CLOSE}[，,：:]?\s*(?:包括|含)(?P<d>[^。；]+)",
     "本办法所称的街道含东湖、西岭两个管理区。", "街道", "东湖、西岭"),
    ("is-called", rf"{_OPEN}{{t}}{_CLOSE}{_NOTE}(?:[，,：:]\s*(?:即|是指|指的是|就是|指)|(?:即|是指|指的是|就是))(?P<d>[^。；]+)",
     "推进“三库”建设，“三库”即水库、粮库和种子库。", "三库", "水库、粮库和种子库"),
    ("bracket", rf"[“\"「『]{{t}}[”\"」』]{_NOTE}[（(](?:即|指|包括)?(?P<d>[^）)]{{2,80}})[）)]",
     "统筹“两园”（科技园、文创园）发展。", "两园", "科技园、文创园"),
    ("colon", rf"[“\"「『]{{t}}[”\"」』]{_NOTE}[\u4e00-\u9fff]{{0,6}}[：:]\s*(?P<d>[^。；：:]+?、[^。；]+)",
     "建好治安“两张表”：风险隐患表、可用资源表。", "两张表", "风险隐患表、可用资源表"),
    ("list-before", r"(?P<d>[^，。；：“”\s]{2,80}?)(?:等)?[“\"「『]{t}[”\"」』]",
     "推进湖泊、湿地、林地“三地”协同保护。", "三地", "湿地"),
]

_NUMERAL = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _parts_named(term: str) -> int | None:
    """三库 -> 3, 两新 -> 2, 五个必须 -> 5; None when the term does not start with a count."""
    m = re.match(r"([一两二三四五六七八九十])", term)
    return _NUMERAL[m.group(1)] if m else None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    s = max(text.rfind(c, 0, start) for c in "。！？\n") + 1
    ends = [e for c in "。！？\n" if (e := text.find(c, end)) != -1]
    return s, (min(ends) + 1 if ends else len(text))


def in_text(text: str, term: str) -> tuple[str, int, int] | None:
    """The first definition of ``term`` in ``text`` by the first form that finds one: (definition,
    sentence start, sentence end)."""
    t = re.escape(term)
    n = _parts_named(term)
    for name, pattern, *_ in DEFINITION_FORMS:
        for m in re.finditer(pattern.replace("{t}", t), text):
            d = m.group("d").strip()
            if name == "list-before":
                parts = re.split(r"、|和|及|与", d)
                if n is None or n < 2 or len(parts) != n:
                    continue  # only a list of as many parts as the term counts
                # the first part may start with the verb (推进湖泊): keep no more of it than the longest other part
                d = d[max(0, len(parts[0]) - max(len(x) for x in parts[1:])):]
            if len(d) < 2:
                continue
            s, e = _sentence(text, m.start(), m.end())
            return d, s, e
    return None


def running_text(store: StoreAPI, term: str, place: str | None, year: int | None) -> dict[str, Any] | None:
    """A definition of ``term`` in the documents that hold it (the place's and year's first)."""
    tries = [(place, year), (place, None)] if place else [(None, year), (None, None)]
    seen: set[int] = set()
    for region, yr in tries:
        try:
            hits = store.search(term, region=region, year=yr, limit=8)
        except GovlensError:
            return None
        for h in hits:
            if h["id"] in seen:
                continue
            seen.add(h["id"])
            d = store.document(h["id"])
            if d is None or term not in d["text"]:
                continue
            found = in_text(d["text"], term)
            if found:
                definition, s, e = found
                return {"term": term, "definition": definition, "doc": d["doc"], "quote": d["text"][s:e],
                        "span": [s, e], "region": d.get("region"), "year": d.get("year")}
    return None
