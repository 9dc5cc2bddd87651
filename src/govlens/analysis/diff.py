"""Diff two reports (files or stored documents), usually one region's reports of two years.

Commitments are compared by metric: each metric's first target in each report is ``new``, ``dropped``,
``raised``, ``lowered``, ``same`` or ``changed`` (figures not comparable: a level against a growth rate,
another unit). Programmes are new or dropped; top-level sections added or removed. Ordinals and session
numbers are not commitments: ``九届十三次全委会`` read as "13 次" would otherwise show as 13次→14次
"raised" a year later. :data:`ORDINALS` lists the shapes (a table with an example each, tested); a
figure equal to the number in one of them is set aside, and headings and metric names are compared
without them (and without years and list labels)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NoDocuments, QueryError
from ..lexicon.words import YEAR
from ..stages.numbers import cn_int
from ..store.api import StoreAPI as Store

_N = "[一二三四五六七八九十百零〇两\\d]+"

# (name, pattern with one group for the number, an example it must match)
ORDINALS: tuple[tuple[str, str, str], ...] = (
    ("session of a congress", rf"届({_N})次", "自治区党委九届十三次全委会"),
    ("nth meeting", rf"第({_N})[次届]", "全省上下深入落实省第十三次党代会部署要求"),
    ("meeting count", rf"({_N})次(?:全体)?(?:全委会|全会|会议|常委会|党代会|代表大会)", "市委三届七次全委会"),
    ("term", rf"({_N})届", "党的十八届三中全会"),
    ("plenum", rf"({_N})中全会", "十八届五中全会精神"),
)
_ORDINALS = [(name, re.compile(p)) for name, p, _ in ORDINALS]
_ORDINAL_TEXT = re.compile("|".join(p.replace(f"({_N})", _N) for _, p, _ in ORDINALS))
_NOISE = re.compile(rf"{YEAR}年?|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、]")
_FIELDS = ("value", "value_max", "change", "change_max", "unit", "change_unit", "qualifier", "period", "quote")


def ordinal_numbers(text: str) -> set[int]:
    """The numbers ``text`` uses as ordinals or session numbers (十三 in 九届十三次全委会)."""
    found: set[int] = set()
    for _, rx in _ORDINALS:
        for m in rx.finditer(text):
            n = int(m.group(1)) if m.group(1).isdigit() else cn_int(m.group(1))
            if n is not None:
                found.add(n)
    return found


def is_ordinal(fact: dict[str, Any]) -> bool:
    """A figure that numbers a session or a meeting rather than measuring anything."""
    if fact.get("unit") not in (None, "", "次", "届") or fact.get("change_unit") not in (None, "", "次", "届"):
        return False
    figures = {fact.get(k) for k in ("value", "change")} - {None}
    return bool(figures) and figures <= ordinal_numbers(fact.get("quote") or "")


def plain(text: str) -> str:
    """A heading or metric name without years, list labels, ordinals and session numbers."""
    return _NOISE.sub("", _ORDINAL_TEXT.sub("", text)).strip(" ，、：:")


@dataclass
class Report:
    """What a diff needs from one document, read from the store or from a file."""

    doc: str
    title: str | None
    region: str | None
    year: int | None
    facts: list[dict[str, Any]]
    sections: list[str] = field(default_factory=list)


def from_store(store: Store, ident: str) -> Report:
    """A stored document by numeric id or by its ``doc`` name (``file.txt`` or ``file.txt#2``)."""
    doc_id = store.find_document(ident)
    doc = store.document(doc_id) if doc_id is not None else None
    if doc is None:
        raise QueryError(f"no document {ident!r} in the store, and no such file "
                         "(stored names: govlens export --what documents)")
    return Report(doc["doc"], doc["title"], doc["region"], doc["year"], list(store.facts(doc_id=doc["id"])),
                  [s["title"] for s in store.sections(doc["id"], top_only=True) if s["title"]])


def from_file(path: str) -> Report:
    """The report in a file (``page.html#2``: its second document); else its document with most targets."""
    from ..pipeline import process

    name, _, nth = path.partition("#") if not Path(path).exists() else (path, "", "")
    r = process(name, extract=True)
    if r.error:
        raise r.error
    docs = r.docs
    if nth:
        docs = [d for d in docs if d.id.endswith(f"#{nth}")]
    if not docs:
        raise NoDocuments("no document found", path)
    d = max(docs, key=lambda d: (d.kind == "work_report",
                                 sum(f.type == "indicator" and f.data.get("kind") == "target" for f in d.facts)))
    return Report(d.id, d.title, d.region, d.year, [f.to_dict(d.id) for f in d.facts],
                  [s.title for s in d.sections if s.title])


def load(store: Store | None, ident: str) -> Report:
    if Path(ident).is_file() or (Path(ident.partition("#")[0]).is_file() and "#" in ident):
        return from_file(ident)
    if store is None:
        raise QueryError(f"no such file {ident!r} (and no store to look it up in)")
    return from_store(store, ident)


def _targets(report: Report) -> tuple[dict[str, dict[str, Any]], int]:
    """The first target per metric, and how many figures were set aside as ordinals."""
    out: dict[str, dict[str, Any]] = {}
    skipped = 0
    for f in report.facts:
        if f.get("type") != "indicator" or f.get("kind") != "target" or f.get("parent") is not None:
            continue
        if is_ordinal(f):
            skipped += 1
            continue
        key = f.get("metric_key") or plain(f.get("metric") or "")
        if key and key not in out:
            out[key] = f
    return out, skipped


def _number(f: dict[str, Any]) -> tuple[str, float] | None:
    if f.get("change") is not None:
        return f"change:{f.get('change_unit')}", f["change"]
    if f.get("value") is not None:
        return f"value:{f.get('unit')}", f["value"]
    return None


ORDER = {"raised": 0, "lowered": 1, "changed": 2, "new": 3, "dropped": 4, "same": 5}


def diff(store: Store | None, a: str, b: str) -> dict[str, Any]:
    """Compare report ``a`` (earlier) with ``b`` (later); each a file path or a stored document."""
    ra, rb = load(store, a), load(store, b)
    (ta, skip_a), (tb, skip_b) = _targets(ra), _targets(rb)
    targets = []
    for key in ta.keys() | tb.keys():
        fa, fb = ta.get(key), tb.get(key)
        if fa and not fb:
            change = "dropped"
        elif fb and not fa:
            change = "new"
        else:
            na, nb = _number(fa), _number(fb)
            if na and nb and na[0] == nb[0]:
                change = "raised" if nb[1] > na[1] else "lowered" if nb[1] < na[1] else "same"
            else:
                change = "changed"
        targets.append({"metric": (fb or fa).get("metric"), "metric_key": key, "change": change,
                        "a": {k: fa.get(k) for k in _FIELDS} if fa else None,
                        "b": {k: fb.get(k) for k in _FIELDS} if fb else None})
    targets.sort(key=lambda t: (ORDER[t["change"]], t["metric"] or t["metric_key"]))

    def programmes(r: Report) -> set[str]:
        return {f["name"] for f in r.facts if f.get("type") == "programme"}

    def sections(r: Report) -> dict[str, str]:
        return {plain(t): t for t in r.sections if plain(t)}

    pa, pb = programmes(ra), programmes(rb)
    sa, sb = sections(ra), sections(rb)
    counts = {c: sum(t["change"] == c for t in targets) for c in ORDER}
    return {
        "a": {"doc": ra.doc, "title": ra.title, "region": ra.region, "year": ra.year},
        "b": {"doc": rb.doc, "title": rb.title, "region": rb.region, "year": rb.year},
        "same_region": ra.region == rb.region,
        "targets": targets,
        "counts": counts | {"ordinals_ignored": skip_a + skip_b},
        "programmes": {"new": sorted(pb - pa), "dropped": sorted(pa - pb)},
        "sections": {"added": [sb[k] for k in sorted(sb.keys() - sa.keys())],
                     "removed": [sa[k] for k in sorted(sa.keys() - sb.keys())]},
    }
