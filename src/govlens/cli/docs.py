"""``govlens docs``: the documents found in each input."""

from __future__ import annotations

from .common import Format, cell, emit_jsonl, out, run_paths, summary


def docs_command(paths: list[str], fmt: Format) -> int:
    failed = files = docs = 0
    table = None
    if fmt == Format.table:  # rich.table only when a table is printed
        from rich.table import Table

        table = Table("doc", "title", "region", "year", "kind", "chars", "sections", "glossary", show_lines=False)
    for r in run_paths(paths, extract=False):
        files += 1
        docs += len(r.docs)
        if r.error or r.doc_errors:  # a page with a document left out fails; its other documents still come out
            failed += 1
        if r.error:
            continue
        for d in r.docs:
            if fmt == Format.table:
                table.add_row(d.id, cell(d.title, 40), d.region or "", str(d.year or ""), d.kind,
                              str(len(d.text)), str(len(d.sections)), str(len(d.glossary)))
            else:
                emit_jsonl(d.to_dict())
    if fmt == Format.table and table.row_count:
        out.print(table)
    summary(f"{files} files, {docs} documents, {failed} failed")
    return 1 if failed else 0
