"""The objects that flow through the pipeline: a page read from a file, the documents inside it,
their sections, glossary entries and facts."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .offsets import OffsetChain

KINDS = ("work_report", "press", "news", "glossary", "regulation", "other")


@dataclass(slots=True)
class Page:
    """One input (file or URL) after reading and decoding, before it is split into documents."""

    source: str
    raw: str  # decoded text of the original file (for HTML/PDF/DOCX: the extracted text layer)
    fmt: str = "text"  # text | html | pdf | docx
    encoding: str = "utf-8"
    text: str = ""  # normalised page text, one paragraph per line
    offsets: OffsetChain = field(default_factory=OffsetChain)
    line_kinds: list[str] = field(default_factory=list)  # parallel to text lines: "text" | "caption"
    meta: dict[str, str] = field(default_factory=dict)  # e.g. html <title>, pdf metadata
    stats: dict[str, int] = field(default_factory=dict)  # mojibake repaired/unrepaired, t2s chars …


@dataclass(slots=True)
class Section:
    level: int  # 1 = 一、  2 = （一）  3 = 1.  4 = （1）
    label: str  # "一、", "（二）", "3."
    title: str
    start: int  # span of the whole section in Document.text
    end: int
    role: str = "other"  # review | targets | tasks | glossary | other
    children: list[Section] = field(default_factory=list)
    period: str | None = None  # the period a plan section is for ("2021", "2026-2030"), see stages/sections.py

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "label": self.label,
            "title": self.title,
            "span": [self.start, self.end],
            "role": self.role,
            "period": self.period,
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(slots=True)
class GlossaryEntry:
    term: str
    definition: str
    marker: str | None  # label as written in the glossary (e.g. "【3】", "1") when the body links to it
    label: str | None  # the entry's own numbering
    start: int  # span of the entry in Document.text
    end: int


@dataclass(slots=True)
class Marker:
    """A footnote reference removed from the body; ``pos`` is where it stood in Document.text."""

    pos: int
    label: str  # normalised label, e.g. "3"
    written: str  # as it appeared, e.g. "[3]"


@dataclass(slots=True)
class Fact:
    type: str
    start: int
    end: int
    quote: str
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, doc_id: str) -> dict[str, Any]:
        return {"doc": doc_id, "type": self.type, "span": [self.start, self.end], "quote": self.quote, **self.data}


@dataclass(slots=True)
class Document:
    id: str
    source: str
    text: str
    offsets: OffsetChain = field(default_factory=OffsetChain)
    title: str | None = None
    region: str | None = None
    level: str | None = None  # national | province | city | district | county
    region_code: str | None = None  # the gazetteer code of the region (None for 全国)
    region_path: str | None = None  # its full chain: 浙江省嘉兴市南湖区
    region_source: str | None = None  # head (issuer, heading, title lines) | body (the places it names most)
    year: int | None = None
    year_source: str | None = None  # body | date | title | guess
    kind: str = "other"
    date: str | None = None
    issuer: str | None = None
    index_no: str | None = None  # 索引号
    doc_no: str | None = None  # 文号
    sections: list[Section] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    header: str = ""  # page text before the body (index tables, bylines) used for metadata
    origin: str = "page"  # page | listing (an entry of a listing page) | newspaper (one article of several)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Where ``text[start:end]`` came from in the decoded source file."""
        return self.offsets.span_to_source(start, end)

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``docs`` object plus extras."""
        return {
            "doc": self.id,
            "source": self.source,
            "title": self.title,
            "region": self.region,
            "year": self.year,
            "kind": self.kind,
            "text": self.text,
            "level": self.level,
            "region_path": self.region_path,
            "region_code": self.region_code,
            "date": self.date,
            "issuer": self.issuer,
            "index_no": self.index_no,
            "doc_no": self.doc_no,
            "sections": [s.to_dict() for s in self.sections],
            "glossary": [asdict(g) for g in self.glossary],
            "markers": [asdict(m) for m in self.markers],
        }


def _col(stored: bool = True, evaluated: bool = True, exported: bool = True) -> Any:
    return field(default=None, metadata={"stored": stored, "evaluated": evaluated, "exported": exported})


@dataclass(slots=True)
class Indicator:
    """The typed record of an indicator fact (``Fact.data`` of a ``type == "indicator"`` fact holds its
    fields as a dict). The store's columns, the evaluation's fields and the export columns are all
    derived from the field metadata below, so a new field is added here once."""

    metric: str | None = _col()
    metric_key: str | None = _col(evaluated=False)
    value: float | None = _col()
    value_max: float | None = _col()
    unit: str | None = _col()
    change: float | None = _col()
    change_max: float | None = _col()
    change_unit: str | None = _col()
    kind: str | None = _col()  # actual | target | forecast
    period: str | None = _col()  # 2020 or 2016-2020
    qualifier: str | None = _col()
    region: str | None = _col(evaluated=False)
    # Written only when they apply (kept in the fact's JSON, not as columns):
    annual_average: bool | None = _col(stored=False, evaluated=False, exported=False)  # 年均增长
    base_year: int | None = _col(stored=False, evaluated=False, exported=False)  # 比2002年增长
    cumulative: bool | None = _col(stored=False, evaluated=False, exported=False)  # 累计
    change_abs: float | None = _col(stored=False, evaluated=False, exported=False)  # 比上年增加2700亿元
    change_abs_unit: str | None = _col(stored=False, evaluated=False, exported=False)
    from_value: float | None = _col(stored=False, evaluated=False, exported=False)  # 由A增加到B: A

    CORE = ("metric", "metric_key", "value", "value_max", "unit", "change", "change_max", "change_unit", "kind",
            "period", "qualifier", "region")

    def as_data(self) -> dict[str, Any]:
        """The fact's data: every core field, the optional ones only when set."""
        d = {k: getattr(self, k) for k in self.CORE}
        for k in ("annual_average", "base_year", "cumulative", "change_abs", "change_abs_unit", "from_value"):
            v = getattr(self, k)
            if v is not None:
                d[k] = v
        return d

    @staticmethod
    def columns(flag: str) -> tuple[str, ...]:
        """Field names with ``flag`` set: ``stored`` (store columns), ``evaluated`` (compared against
        gold), ``exported`` (CSV/table columns)."""
        from dataclasses import fields

        return tuple(f.name for f in fields(Indicator) if f.metadata.get(flag))


def single_year(f: dict[str, Any], field: str = "change") -> bool:
    """Whether an indicator's ``field`` (``value`` or ``change``) is for its one period: not a total,
    and for a change not a five-year average nor growth over a base year other than the year before.
    ("达14.2万亿元、年均增长5.7%": the level is the year's, the growth is not.)"""
    if f.get("cumulative"):
        return False
    if field == "value":
        return True
    if f.get("annual_average") or f.get("period_span"):
        return False  # a change stated with a level reached at a span's end runs from the span's start
    base = f.get("base_year")
    period = f.get("period") or ""
    return base is None or not period.isdigit() or base == int(period) - 1
