"""``govlens docs``: the documents found in each input."""

from __future__ import annotations

import sys
from functools import partial
from typing import Any

from .common import Format, cell, jsonl_line, out, run_paths, summary


def _render(d, fmt: Format) -> Any:
    """One document as the command writes it: a table row or a JSON line."""
    if fmt == Format.table:
        return (d.id, cell(d.title, 40), d.region or "", str(d.year or ""), d.kind,
                str(len(d.text)), str(len(d.sections)), str(len(d.glossary)))
    return jsonl_line(d.to_dict()) + "\n"


def docs_command(paths: list[str], fmt: Format, workers: int | None = None) -> int:
    failed = files = docs = 0
    table = None
    if fmt == Format.table:  # rich.table only when a table is printed
        from rich.table import Table

        table = Table("doc", "title", "region", "year", "kind", "chars", "sections", "glossary", show_lines=False)
    for r, outs in run_paths(paths, False, partial(_render, fmt=fmt), workers):
        files += 1
        if r.error or r.doc_errors:  # a page with a document left out fails; its other documents still come out
            failed += 1
        if r.error:
            continue
        for row in outs:
            docs += 1
            if table is not None:
                table.add_row(*row)
            else:
                sys.stdout.write(row)
    if table is not None and table.row_count:
        out.print(table)
    summary(f"{files} files, {docs} documents, {failed} failed")
    return 1 if failed else 0
