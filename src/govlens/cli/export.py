"""``govlens export``: documents or facts as CSV, JSON or Parquet, every field of every fact type.

One column table (:data:`FACT_COLUMNS`) fixes the order (what a reader looks at first: where, when,
what, how much) and the Parquet type of each field, so CSV and Parquet agree and a new field a stage
adds is never lost: it is appended after the known ones (numbers as float64, text as string, anything
else as JSON text)."""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import MissingExtra, UsageError
from ..store import open_store
from .common import note, progress, report_error

FACT_TYPES = ("indicator", "glossary", "project", "programme", "task")

# (column, type): "str", "int" (int32), "int64", "float" (float64), "bool", "span" (list<int32> of two),
# "ints" (list<int32>). Reading order: the document, then the fact, then its type's own fields, then the quote.
FACT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc", "str"), ("region", "str"), ("year", "int"), ("kind", "str"), ("type", "str"),
    ("metric", "str"), ("value", "float"), ("value_max", "float"), ("unit", "str"),
    ("change", "float"), ("change_max", "float"), ("change_unit", "str"), ("qualifier", "str"),
    ("period", "str"), ("metric_key", "str"), ("annual_average", "bool"), ("cumulative", "bool"),
    ("programme", "str"), ("parent", "int"),
    ("term", "str"), ("definition", "str"), ("marker", "str"),
    ("name", "str"), ("count", "float"), ("count_unit", "str"), ("investment", "float"),
    ("investment_unit", "str"), ("investment_label", "str"), ("stage", "str"),
    ("mentions", "int"), ("indicators", "ints"),
    ("task", "str"), ("lead", "str"), ("deadline", "str"),
    ("quote", "str"), ("span", "span"), ("id", "int"),
    ("doc_kind", "str"), ("doc_title", "str"), ("doc_id", "int64"),
)

DOC_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc", "str"), ("region", "str"), ("year", "int"), ("kind", "str"), ("title", "str"), ("level", "str"),
    ("date", "str"), ("issuer", "str"), ("index_no", "str"), ("doc_no", "str"), ("chars", "int64"),
    ("source", "str"), ("id", "int64"), ("text", "str"),
)


def _arrow_type(kind: str):
    import pyarrow as pa

    return {"str": pa.string(), "int": pa.int32(), "int64": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
            "span": pa.list_(pa.int32(), 2), "ints": pa.list_(pa.int32())}[kind]


def _guess(values: Iterable[Any]) -> str:
    """The type of a field the table does not know yet."""
    seen = {type(v) for v in values if v is not None}
    if seen and seen <= {int, float}:
        return "float"
    if seen == {bool}:
        return "bool"
    if seen <= {str}:
        return "str"
    return "json"


def columns_for(rows: list[dict[str, Any]], known: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """The known columns, then any other field found in the rows (never dropped)."""
    names = {c for c, _ in known}
    extra: dict[str, None] = {}
    for r in rows:
        for k in r:
            if k not in names:
                extra.setdefault(k)
    return [*known, *((k, _guess(r.get(k) for r in rows)) for k in extra)]


def _coerce(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "float":
        return float(value)
    if kind in ("int", "int64"):
        return int(value)
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind == "str" and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return value


def fact_rows(store, types: list[str] | None) -> Iterator[dict[str, Any]]:
    """Every stored fact with its document's region, year and kind, through the store API."""
    docs = {d["id"]: d for d in store.documents()}
    for t in types or [None]:
        for f in store.facts(t):
            d = docs.get(f["doc_id"], {})
            yield f | {"region": f.get("region") or d.get("region"), "year": f.pop("doc_year", d.get("year")),
                       "doc_kind": d.get("kind")}


def export_command(db: str | None, what: str, fmt: str, out_path: str | None, types: list[str] | None = None) -> int:
    if types and what != "facts":
        report_error(UsageError("--type filters facts: use it with --what facts"))
        return 1
    unknown = sorted(set(types or ()) - set(FACT_TYPES))
    if unknown:
        report_error(UsageError(f"unknown fact type {', '.join(unknown)} (one of {', '.join(FACT_TYPES)})"))
        return 1
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            report_error(MissingExtra("parquet export needs pyarrow: pip install 'govlens[export]'"))
            return 1
        if not out_path:
            report_error(UsageError("parquet needs --out FILE (e.g. --out facts.parquet)"))
            return 1
    with open_store(db, readonly=True) as store:
        if what == "documents":
            listed = store.documents()
            total = len(listed)
            source: Iterable[dict[str, Any]] = (r | {"text": (store.document(r["id"]) or {}).get("text")}
                                                for r in listed)
        else:
            by_type = store.stats().get("facts_by_type", {})
            total = sum(n for t, n in by_type.items() if not types or t in types)
            source = fact_rows(store, types)
        rows: list[dict[str, Any]] = []
        with progress(f"export {what}") as bar:
            task = bar.add_task(what, total=total)
            for r in source:
                rows.append(r)
                bar.advance(task)
    cols = columns_for(rows, DOC_COLUMNS if what == "documents" else FACT_COLUMNS)
    if fmt == "parquet":
        write_parquet(rows, cols, out_path)
    else:
        with contextlib.ExitStack() as stack:
            target = stack.enter_context(open(out_path, "w", encoding="utf-8", newline="")) if out_path else sys.stdout
            if fmt == "json":
                json.dump([{c: r.get(c) for c, _ in cols if c in r} for r in rows], target, ensure_ascii=False)
                target.write("\n")
            else:
                w = csv.writer(target)
                w.writerow([c for c, _ in cols])
                for r in rows:
                    w.writerow(["" if r.get(c) is None else
                                json.dumps(r[c], ensure_ascii=False) if isinstance(r[c], (dict, list)) else
                                str(r[c]).lower() if isinstance(r[c], bool) else r[c] for c, _ in cols])
    if out_path:
        note(f"wrote {len(rows)} {what} to {out_path}")
    return 0


def write_parquet(rows: list[dict[str, Any]], cols: list[tuple[str, str]], path: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, _arrow_type("str" if k == "json" else k)) for c, k in cols])
    data = {c: [_coerce(r.get(c), k) for r in rows] for c, k in cols}
    pq.write_table(pa.table(data, schema=schema), path)
