"""``govlens demo``: run the pipeline over the bundled samples and show what it found."""

from __future__ import annotations

from collections import Counter
from importlib import resources

from rich.panel import Panel
from rich.table import Table

from ..io.read import walk
from ..pipeline import process
from .common import out, report_error


def samples_dir() -> str:
    return str(resources.files("govlens").joinpath("samples"))


def demo_command() -> int:
    folder = samples_dir()
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
            docs_table.add_row(d.id, (d.title or "")[:30], d.region or "", str(d.year or ""), d.kind,
                               str(len(d.sections)), str(len(d.glossary)), str(sum(kinds.values())))
            shown = 0
            for f in d.facts:
                if f.type != "indicator" or shown >= 3:
                    continue
                shown += 1
                v = f.data
                value = "" if v["value"] is None else f"{v['value']}{v['unit'] or ''}"
                change = "" if v["change"] is None else f"{v['change']:+}{v['change_unit'] or ''}"
                facts_table.add_row(d.id, v["metric"] or "", value, change, v["kind"], v["period"] or "", f.quote[:28])
    out.print(Panel.fit(f"govlens demo — bundled samples in {folder}"))
    out.print(docs_table)
    out.print(facts_table)
    out.print(", ".join(f"{k}: {n}" for k, n in sorted(totals.items())))
    return 1 if failed else 0
