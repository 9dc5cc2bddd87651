"""Turning stored rows into what the pages show: highlighted document text and chart data.

Chart data goes to the page as JSON inside ``<script type="application/json">`` (Jinja's ``tojson``
escapes ``<``, so a region name cannot close the tag) and ``static/charts.js`` draws it with the
vendored Chart.js; no inline script, so the CSP stays ``script-src 'self'``.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Any

from ..stages.numbers import convert

MAX_CHARTS = 12


# The portal speaks Chinese: a fact's kind as the reports say it (tooltips, tables, filters).
FACT_KIND_ZH = {"actual": "完成", "target": "目标", "forecast": "预计"}
PAGE_CHARS = 20_000  # a long document is shown in pages of about this many characters, cut at a line end
PAGE_ROWS = 100  # rows per page in long tables (compare)


# The tracker's verdict rules (analysis/track.py) as the page says them.
RULE_ZH = {"at_least": "不低于目标", "ceiling": "不高于目标", "range": "达到区间下限",
           "range-mirrored": "不高于区间上限", "approx": "在容差内", "approx-mirrored": "不高于目标加容差",
           "at_least-mirrored": "不高于目标（越低越好）", "no_outcome": "次年报告无可比完成数",
           "no_report": "尚无次年报告"}


def tracked_figure(side: dict[str, Any] | None, row: dict[str, Any]) -> str:
    """A tracked row's target or outcome in the row's sense (296亿元 on the level row, +8% on the growth row)."""
    from ..analysis.track import shown

    return shown(side, row["sense"], row.get("metric_key"))


def rule_zh(rule: str | None) -> str:
    return RULE_ZH.get(rule or "", rule or "")


def fact_kind_zh(kind: str | None) -> str:
    return FACT_KIND_ZH.get(kind or "", kind or "")


def text_pages(text: str, size: int = PAGE_CHARS) -> list[tuple[int, int]]:
    """``text`` cut into (start, end) pages of about ``size`` characters, each ending at a line end."""
    bounds, start = [], 0
    while start < len(text):
        end = -1 if len(text) - start <= size else text.find("\n", start + size)
        end = len(text) if end == -1 else end + 1
        bounds.append((start, end))
        start = end
    return bounds or [(0, 0)]


def page_at(bounds: list[tuple[int, int]], pos: int) -> int:
    """The 1-based page holding offset ``pos``."""
    return next((i for i, (a, b) in enumerate(bounds, 1) if a <= pos < b), len(bounds))


def text_page(text: str, facts: list[dict[str, Any]], glossary: list[dict[str, Any]], sections: list[dict[str, Any]],
              cited: tuple[int, int] | None, bounds: tuple[int, int]) -> tuple[str, int]:
    """The highlighted HTML of one page of the text, and how many facts it shows."""
    a, b = bounds
    page_facts = [f | {"span": [f["span"][0] - a, f["span"][1] - a]} for f in facts
                  if a <= f["span"][0] and f["span"][1] <= b]
    shift = [g | {"start": g["start"] - a} if g.get("start") is not None else g for g in glossary]
    secs = [sec | {"start": sec["start"] - a} for sec in sections if sec.get("start") is not None and a <= sec["start"] < b]
    at = (cited[0] - a, cited[1] - a) if cited and a <= cited[0] < b else None
    return highlight(text[a:b], page_facts, shift, secs, at), sum(f["type"] == "indicator" for f in page_facts)


def _tip(f: dict[str, Any]) -> str:
    tip = " · ".join(str(x) for x in (f.get("metric"), fact_kind_zh(f.get("kind")), f.get("period")) if x)
    value = "" if f.get("value") is None else f"{f['value']:.12g}{f.get('unit') or ''}"
    change = "" if f.get("change") is None else f"{f['change']:+.12g}{f.get('change_unit') or ''}"
    return f"{tip} · {value} {change}".rstrip(" ·")


def highlight(text: str, facts: list[dict[str, Any]], glossary: list[dict[str, Any]] = (),
              sections: list[dict[str, Any]] = (), cited: tuple[int, int] | None = None) -> str:
    """The document text as HTML: every piece escaped, each indicator wrapped in a <mark> whose tooltip
    says what was read from it, the first use of each glossary term in the body linked to its
    definition (inside a mark or outside it, never across its edge), and an anchor where each
    section starts (and ``id="cited"`` where a cited sentence starts: /doc/N?at=START-END#cited)."""
    marks: list[tuple[int, int, str]] = []
    for f in sorted((f for f in facts if f["type"] == "indicator"), key=lambda f: f["span"][0]):
        s, e = f["span"]
        if not marks or s >= marks[-1][1]:  # overlapping quotes: the first one wins
            marks.append((s, e, _tip(f)))
    inserts: dict[int, list[str]] = {}  # offset -> HTML opened or closed there
    for sec in sections:
        if sec.get("start") is not None:
            inserts.setdefault(sec["start"], []).append(f'<a class="anchor" id="s-{sec["id"]}"></a>')
    if cited and 0 <= cited[0] <= len(text):
        inserts.setdefault(cited[0], []).append('<a class="anchor" id="cited"></a>')
    body_end = min((g["start"] for g in glossary if g.get("start") is not None), default=len(text))
    linked: list[tuple[int, int]] = []
    for i, g in enumerate(glossary, 1):
        term, pos = g["term"], 0
        while term and (pos := text.find(term, pos)) != -1 and pos < body_end:
            end = pos + len(term)
            crosses = any(s < end and pos < e and not (s <= pos and end <= e) for s, e, _ in marks)
            if not crosses and not any(s < end and pos < e for s, e in linked):
                linked.append((pos, end))
                inserts.setdefault(pos, []).append(f'<a class="term" href="#g-{i}">')
                inserts.setdefault(end, []).insert(0, "</a>")
                break
            pos = end
    for s, e, tip in marks:
        t = html.escape(tip, quote=True)
        inserts.setdefault(s, []).append(f'<mark class="fact" tabindex="0" title="{t}" data-tip="{t}">')
        inserts.setdefault(e, []).insert(0, "</mark>")
    out: list[str] = []
    pos = 0
    for at in sorted(inserts):
        out.append(html.escape(text[pos:at]))
        out.extend(_ordered(inserts[at]))
        pos = at
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>\n")


_OPEN_ORDER = ('<a class="anchor"', "<mark", '<a class="term"')


def _ordered(tags: list[str]) -> list[str]:
    """At one offset: close what ends there (a term link before its mark), then open what starts there
    (anchor, mark, term link), so terms nest inside marks."""
    closes = sorted((t for t in tags if t.startswith("</")), key=lambda t: t != "</a>")
    opens = sorted((t for t in tags if not t.startswith("</")),
                   key=lambda t: next(i for i, p in enumerate(_OPEN_ORDER) if t.startswith(p)))
    return closes + opens


def mark_words(text: str, words: list[str]) -> str:
    """``text`` escaped, each of ``words`` (longest first) wrapped in <mark>."""
    if not words:
        return html.escape(text)
    rx = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    out, pos = [], 0
    for m in rx.finditer(text):
        out += [html.escape(text[pos : m.start()]), f"<mark>{html.escape(m.group())}</mark>"]
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])(?!年)")


def link_figures(answer: str, citations: list[dict[str, Any]], doc_ids: dict[str, int]) -> str:
    """``answer`` escaped, each figure in it a link to the cited sentence that states it (years, and
    figures no cited sentence holds — a difference govlens computed — stay plain text)."""
    out, pos = [], 0
    for m in _FIGURE.finditer(answer):
        c = next((c for c in citations if c.get("span") and doc_ids.get(c["doc"])
                  and re.search(rf"(?<![\d.]){re.escape(m.group())}(?![\d])", c.get("quote") or "")), None)
        if c is None:
            continue
        href = f"/doc/{doc_ids[c['doc']]}?at={c['span'][0]}-{c['span'][1]}#cited"
        out += [html.escape(answer[pos : m.start()]), f'<a class="fig" href="{html.escape(href)}">{m.group()}</a>']
        pos = m.end()
    out.append(html.escape(answer[pos:]))
    return "".join(out)


def _figure(side: dict[str, Any] | None, field: str) -> float | None:
    """A side's value or change as one number (the middle of a range)."""
    if not side or side.get(field) is None:
        return None
    lo, hi = side[field], side.get(field + "_max")
    return (lo + hi) / 2 if hi is not None else lo


_UNIT_OF = {"value": "unit", "change": "change_unit"}


def _common_unit(sides: list[dict[str, Any]], field: str) -> list[str | None]:
    """The unit most of the sides state ``field`` in, as a one-item list (empty: none states it)."""
    units = Counter(s.get(_UNIT_OF[field]) for s in sides if s.get(field) is not None)
    return [u for u, _ in units.most_common(1)]


def _in_unit(side: dict[str, Any] | None, field: str, unit: str | None) -> float | None:
    """A side's figure converted to ``unit`` (万吨 vs 亿斤); None when it has none or does not convert."""
    v = convert(_figure(side, field), (side or {}).get(_UNIT_OF[field]), unit)
    return None if v is None else round(v, 4)


def chart_compare(rows: list[dict[str, Any]], metric: str) -> dict[str, Any] | None:
    """One bar per region, for the figure most rows state (level or change) in its most common unit."""
    n_value = sum(r.get("value") is not None for r in rows)
    n_change = sum(r.get("change") is not None for r in rows)
    field = "value" if n_value >= n_change else "change"
    common = _common_unit(rows, field)
    if not common:
        return None
    unit = common[0]
    # Figures in other units of the same measure are converted; unrelated ones left out.
    chosen = [(r, v) for r in rows if (v := _in_unit(r, field, unit)) is not None]
    return {"type": "bar", "title": f"{metric}（{'增减' if field == 'change' else '数值'}，{unit or ''}）",
            "labels": [r["region"] for r, _ in chosen], "series": [{"label": metric, "data": [v for _, v in chosen]}],
            "left_out": len(rows) - len(chosen)}


def chart_answer(a: Any) -> dict[str, Any] | None:
    """An answer's chart: bars for a comparison or ranking (one per place), a line for a trend (one
    point per year), from the figures the answer's table states in one unit."""
    if not a or not a.chart or not a.table or len(a.table) < 2:
        return None
    rows = [r for r in a.table if r.get("plot") is not None]
    units = Counter(r.get("plot_unit") for r in rows)
    if not units:
        return None
    unit = units.most_common(1)[0][0]
    rows = [r for r in rows if r.get("plot_unit") == unit]
    if a.chart == "line":
        labels = [str(r.get("period") or "") for r in rows]
    else:
        labels = [f"{r.get('region') or ''}{'' if a.chart == 'bar' and len({x.get('region') for x in rows}) > 1 else r.get('period') or ''}"
                  for r in rows]
    metric = next((r.get("metric") for r in rows if r.get("metric")), "")
    return {"type": a.chart, "title": f"{metric}（{unit or ''}）", "labels": labels,
            "series": [{"label": metric, "data": [r["plot"] for r in rows]}]}


def chart_track(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per region, measure and sense with two or more years: target and outcome over the years, each
    in the sense the row pairs them (a CPI 涨幅3% target and its 上涨2% outcome on one line)."""
    from ..analysis.track import fact_senses

    def in_sense(side: dict[str, Any] | None, sense: str, unit: str | None, key: str) -> float | None:
        got = fact_senses(side or {}, key).get(sense)
        v = convert(got[0], got[2], unit) if got else None
        return None if v is None else round(v, 4)

    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for r in rows:
        # a measure without a lexicon key is one by its name (track's ``name``)
        groups.setdefault((r["region"], r["metric_key"] or r.get("name") or "", r.get("sense") or ""), []).append(r)
    charts = []
    for (region, _key, sense), items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        if len(items) < 2 or len(charts) >= MAX_CHARTS:
            continue
        items.sort(key=lambda r: r["year"])
        units = Counter(got[2] for r in items if (got := fact_senses(r["target"], _key).get(sense)))
        if not units:
            continue
        unit = units.most_common(1)[0][0]
        charts.append({"type": "line", "title": f"{region} {items[-1]['metric']}（{unit or ''}）",
                       "labels": [str(r["year"]) for r in items], "series": [
                           {"label": "目标", "data": [in_sense(r["target"], sense, unit, _key) for r in items]},
                           {"label": "完成", "data": [in_sense(r["actual"], sense, unit, _key) for r in items]}]})
    return charts


_USERINFO = re.compile(r"^(https?://)[^/@\s]*@", re.I)


def source_label(source: str | None) -> str:
    """What the portal shows as a document's source: the URL that was read (without any
    user:password@), or the file's name, never the server's local path."""
    s = str(source or "")
    if re.match(r"^https?://", s, re.I):
        return _USERINFO.sub(r"\1", s)
    return re.split(r"[\\/]", s.rstrip("/\\"))[-1] or s


def public(d: dict[str, Any]) -> dict[str, Any]:
    """A document row as visitors see it (source labelled by :func:`source_label`)."""
    return d | {"source": source_label(d.get("source"))} if "source" in d else d
