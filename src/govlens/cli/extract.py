"""``govlens extract``: grounded facts from each input."""

from __future__ import annotations

import sys
from functools import partial
from typing import Any

from .common import Format, cell, jsonl_line, out, run_paths, summary


def _describe(f) -> str:
    d = f.data
    if f.type == "indicator":
        parts = []
        if d.get("value") is not None:
            v = f"{d['value']}" + (f"~{d['value_max']}" if d.get("value_max") is not None else "")
            parts.append(v + (d.get("unit") or ""))
        if d.get("change") is not None:
            c = f"{d['change']:+}" + (f"~{d['change_max']}" if d.get("change_max") is not None else "")
            parts.append(c + (d.get("change_unit") or ""))
        return " ".join(parts) + (f" {d['qualifier']}" if d.get("qualifier") else "")
    if f.type == "glossary":
        return cell(d.get("definition", ""), 40)
    if f.type == "project":
        inv = f" 投资{d['investment']}{d['investment_unit']}" if d.get("investment") is not None else ""
        return f"{d.get('count')}个{inv} {d.get('stage') or ''}"
    if f.type == "programme":
        return f"{d['mentions']}处提及, {len(d['indicators'])}项指标"
    return ""


def _render(d, fmt: Format, types: list[str] | None) -> tuple[int, list[Any]]:
    """One document's facts as the command writes them: table rows, or JSON lines."""
    rows: list[Any] = []
    for f in d.facts:
        if types and f.type not in types:
            continue
        if fmt == Format.table:
            name = f.data.get("metric") or f.data.get("term") or f.data.get("name") or f.data.get("task") or ""
            rows.append((d.id, f.type, cell(name, 24), _describe(f), f.data.get("kind") or "",
                         f.data.get("period") or "", cell(f.quote, 50)))
        else:
            rows.append(jsonl_line(f.to_dict(d.id)) + "\n")
    return len(rows), rows


def extract_command(paths: list[str], fmt: Format, types: list[str] | None = None, workers: int | None = None) -> int:
    failed = files = docs = facts = 0
    table = None
    if fmt == Format.table:  # rich.table only when a table is printed
        from rich.table import Table

        table = Table("doc", "type", "metric / term", "value", "kind", "period", "quote")
    write = sys.stdout.write
    for r, outs in run_paths(paths, True, partial(_render, fmt=fmt, types=types), workers):
        files += 1
        if r.error:
            failed += 1
            continue
        for n, rows in outs:
            docs += 1
            facts += n
            if table is not None:
                for row in rows:
                    table.add_row(*row)
            else:
                for line in rows:
                    write(line)
        if r.doc_errors:  # known once its documents were read: a page with one left out fails
            failed += 1
    if table is not None and table.row_count:
        out.print(table)
    summary(f"{files} files, {docs} documents, {facts} facts, {failed} failed")
    return 1 if failed else 0
