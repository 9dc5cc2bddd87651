"""``govlens demo``: run the pipeline over the bundled samples and show what it found."""

from __future__ import annotations

from collections import Counter
from importlib import resources

from rich.panel import Panel
from rich.table import Table

from ..io.read import walk
from ..pipeline import process
from .common import cell, out, report_error


def samples_dir() -> str:
    return str(resources.files("govlens").joinpath("samples"))


def demo_command(db: str | None = None) -> int:
    """Ingest the samples into the store, then show documents and facts (the portal comes later)."""
    from ..ingest import ingest
    from ..store import open_store

    folder = samples_dir()
    with open_store(db) as store:
        rep = ingest(store, walk([folder]))
        for e in rep.errors:
            report_error(e)
        counts = store.counts()
        hits = store.search("一网通办", limit=3)
        db_path = store.path
    docs_table = Table("document", "title", "region", "year", "kind", "sections", "glossary", "facts", title="Documents")
    facts_table = Table("document", "metric", "value", "change", "kind", "period", "quote", title="Some indicators")
    totals: Counter[str] = Counter()
    failed = 0
    for path in walk([folder]):
        r = process(path, extract=True)
        if r.error:
            report_error(r.error)
            failed += 1
            continue
        for d in r.docs:
            kinds = Counter(f.type for f in d.facts)
            totals.update(kinds)
            totals["documents"] += 1
            docs_table.add_row(d.id, cell(d.title, 30), d.region or "", str(d.year or ""), d.kind,
                               str(len(d.sections)), str(len(d.glossary)), str(sum(kinds.values())))
            shown = 0
            for f in d.facts:
                if f.type != "indicator" or shown >= 3:
                    continue
                shown += 1
                v = f.data
                value = "" if v["value"] is None else f"{v['value']}{v['unit'] or ''}"
                change = "" if v["change"] is None else f"{v['change']:+}{v['change_unit'] or ''}"
                facts_table.add_row(d.id, v["metric"] or "", value, change, v["kind"], v["period"] or "", cell(f.quote, 28))
    out.print(Panel.fit(f"govlens demo — bundled samples in {folder}"))
    out.print(docs_table)
    out.print(facts_table)
    out.print(f"(the first 3 indicators of each document: {facts_table.row_count} of {totals['indicator']}; "
              f"all of them: govlens extract {folder} --type indicator, or the portal)")
    out.print(", ".join(f"{k}: {n}" for k, n in sorted(totals.items())))
    out.print(f"\nstore {db_path}: {counts['documents']} documents, {counts['facts']} facts "
              f"(inserted {rep.inserted}, skipped {rep.skipped} files)")
    out.print("search 一网通办: " + "; ".join(f"{h['doc']} {h['snippet'][:30]}" for h in hits))
    out.print("try: govlens search 一网统管 | govlens compare GDP --year 2021 | govlens track | "
              "govlens export --format parquet --out facts.parquet (docs/TUTORIAL.md walks through them)")
    out.print("review 投稿 in the portal: govlens user add NAME  (then log in at /login)")
    return 1 if failed or rep.failed else 0
