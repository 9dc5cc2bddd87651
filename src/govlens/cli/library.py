"""Commands over the store: ingest, search, compare, track, export."""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import NoDocuments
from ..io.read import walk
from ..store import open_store
from .common import Format, cell, emit_jsonl, err, jsonl_line, note, out, report_error, styled


def ingest_command(paths: list[str], db: str | None, executor: str = "inprocess", workers: int | None = None,
                   ray_address: str | None = None) -> int:
    files = list(walk(paths))
    if not files:
        report_error(NoDocuments("no readable files (txt, html, pdf, docx) found", ", ".join(paths)))
        return 1
    from ..ingest import ingest

    started = time.perf_counter()
    with open_store(db) as store, Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("ingest", total=len(files), rate="")
        done = 0

        def tick(path: str, outcome: str) -> None:
            nonlocal done
            done += 1
            rate = done / max(1e-9, time.perf_counter() - started)
            bar.update(task, advance=1, rate=f"{rate:.1f} files/s")

        rep = ingest(store, files, on_file=tick, executor=executor, workers=workers, ray_address=ray_address,
                     auto_workers=True)
        where = store.path
    # After the bar is gone: errors and the summary are the last lines on the screen.
    for e in rep.errors:
        report_error(e)
    secs = time.perf_counter() - started
    note(f"inserted {rep.inserted}, skipped {rep.skipped}, failed {rep.failed} of {len(files)} files; "
         f"{rep.documents} documents, {rep.facts} facts; {_rate(rep.chars / max(secs, 1e-9))} "
         f"into {where}")
    return 1 if rep.failed or rep.errors else 0


def stats_command(db: str | None, fmt: Format) -> int:
    with open_store(db, readonly=True) as store:
        st = store.stats()
    if fmt in (Format.json, Format.jsonl):
        sys.stdout.write(json.dumps(st, ensure_ascii=False, indent=1 if fmt == Format.json else None) + "\n")
        return 0
    t = Table("what", "value", title="store")
    for k, v in st.items():
        t.add_row(k, ", ".join(f"{a} {b}" for a, b in v.items()) if isinstance(v, dict) else str(v))
    out.print(t)
    return 0


def _rate(chars_per_s: float) -> str:
    return f"{chars_per_s / 1e6:.2f} M chars/s" if chars_per_s >= 1e5 else f"{chars_per_s / 1e3:.1f} k chars/s"


def _table_or_lines(rows: list[dict[str, Any]], fmt: Format, columns: list[str], title: str = "") -> None:
    if fmt == Format.jsonl:
        for r in rows:
            emit_jsonl(r)
    elif fmt == Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif fmt == Format.csv:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v) for k, v in r.items()})
        sys.stdout.write(buf.getvalue())
    else:
        t = Table(*columns, title=title)
        for r in rows:
            t.add_row(*(cell(r.get(c), 60) for c in columns))
        out.print(t)


def search_command(query: str, db: str | None, fmt: Format, region: str | None, year: int | None,
                   kind: str | None, level: str | None, limit: int) -> int:
    with open_store(db, readonly=True) as store:
        hits = store.search(query, region=region, year=year, kind=kind, level=level, limit=limit)
        total = store.search_stats(query, region=region, year=year, kind=kind, level=level)["total"] \
            if len(hits) == limit else len(hits)
    _table_or_lines(hits, fmt, ["doc", "title", "region", "year", "kind", "score", "snippet"], f"search: {query}")
    if total > len(hits):  # said on stderr, so piped JSON Lines stay clean
        note(f"{len(hits)} of {total} matching documents shown; more with --limit {min(total, 1000)}")
    return 0


def compare_command(metric: str, db: str | None, fmt: Format, year: int | None, kind: str | None,
                    level: str | None) -> int:
    from ..analysis.compare import compare

    with open_store(db, readonly=True) as store:
        rows = compare(store, metric, year=year, kind=kind, level=level)
    _table_or_lines(rows, fmt, ["region", "period", "metric", "value", "unit", "change", "change_unit", "qualifier",
                                "kind", "doc", "quote"], f"compare: {metric}")
    return 0


def track_command(db: str | None, fmt: Format, region: str | None, metric: str | None, year: int | None = None) -> int:
    from ..analysis.track import shown, track

    with open_store(db, readonly=True) as store:
        rows = track(store, region=region, metric=metric, year=year)
    if fmt == Format.table:
        t = Table("region", "metric", "sense", "year", "target", "actual", "verdict", "rule",
                  title="targets and outcomes")
        for r in rows:
            tg, ac = r["target"], r["actual"]
            t.add_row(r["region"], r["metric"] or "", r["sense"], str(r["year"]), shown(tg, r["sense"], r["metric_key"]),
                      shown(ac, r["sense"], r["metric_key"]),
                      {"met": styled("met", "green"), "missed": styled("missed", "red")}.get(r["verdict"], r["verdict"]),
                      r.get("rule") or "")
        out.print(t)
    else:
        _table_or_lines(rows, fmt, ["region", "metric", "sense", "year", "target", "actual", "verdict", "rule"])
    return 0


def _figure(f: dict[str, Any]) -> str:
    parts = []
    if f.get("value") is not None:
        parts.append(f"{f['value']}{f.get('unit') or ''}")
    if f.get("change") is not None:
        parts.append(f"{f['change']:+}{f.get('change_unit') or ''}")
    return " ".join(parts) + (f" {f['qualifier']}" if f.get("qualifier") else "")


def diff_command(doc_a: str, doc_b: str, db: str | None, fmt: Format) -> int:
    from pathlib import Path

    from ..analysis.diff import diff

    def is_file(ident: str) -> bool:
        return Path(ident).is_file() or ("#" in ident and Path(ident.partition("#")[0]).is_file())

    if is_file(doc_a) and is_file(doc_b):
        d = diff(None, doc_a, doc_b)
    else:
        with open_store(db, readonly=True) as store:
            d = diff(store, doc_a, doc_b)
    if fmt != Format.table:
        sys.stdout.write(jsonl_line(d) + "\n")
        return 0
    if not d["same_region"]:
        note(f"note: the reports are of different regions ({d['a']['region']} / {d['b']['region']})")
    t = Table("metric", cell(f"{d['a']['doc']} ({d['a']['year'] or '?'})", 40),
              cell(f"{d['b']['doc']} ({d['b']['year'] or '?'})", 40), "change", title="targets by metric")
    for r in d["targets"]:
        t.add_row(r["metric"] or r["metric_key"], _figure(r["a"]) if r["a"] else "—",
                  _figure(r["b"]) if r["b"] else "—",
                  {"raised": styled("raised", "green"), "lowered": styled("lowered", "red")}.get(r["change"], r["change"]))
    out.print(t)
    c = d["counts"]
    out.print(f"targets: {c['raised']} raised, {c['lowered']} lowered, {c['changed']} changed (not comparable), "
              f"{c['new']} new, {c['dropped']} dropped, {c['same']} same"
              + (f"; {c['ordinals_ignored']} session numbers or ordinals ignored" if c["ordinals_ignored"] else ""))
    out.print(f"programmes new: {'、'.join(d['programmes']['new']) or '—'}; "
              f"dropped: {'、'.join(d['programmes']['dropped']) or '—'}")
    out.print(f"sections added: {'、'.join(d['sections']['added']) or '—'}; "
              f"removed: {'、'.join(d['sections']['removed']) or '—'}")
    return 0


def ask_command(question: str, db: str | None, fmt: str, explain: bool = False) -> int:
    from ..analysis.ask import HANDLERS, ask

    with open_store(db, readonly=True) as store:
        a = ask(store, question)
    if fmt == "json":
        sys.stdout.write(jsonl_line(a.to_dict()) + "\n")
        return 0
    if explain:
        op = a.parsed.get("op")  # several (a question split in parts) and error name no one handler
        out.print(f"plan (handler {getattr(HANDLERS.get(op), '__name__', op)}):", markup=False)
        for k, v in a.parsed.items():
            out.print(f"  {k}: {v}", markup=False)
    out.print(a.answer or "库中没有找到答案。最接近的原文：", markup=False)
    for extra in (a.phrased, a.note):
        if extra:
            out.print(extra, markup=False)
    for c in a.citations:
        out.print(f"  · {c['doc']}：{c['quote']}", markup=False)
    if explain and a.table:
        out.print(f"table: {len(a.table)} rows" + (f", {a.chart} chart" if a.chart else ""), markup=False)
    return 0
