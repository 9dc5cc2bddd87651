"""``govlens eval``: the dev-set figures."""

from __future__ import annotations

import json
from pathlib import Path

from rich.table import Table

from ..errors import GovlensError
from ..evaluate import ATTRS, evaluate
from .common import Format, out, report_error


def eval_command(gold: str, corpus: str, fmt: Format, show_misses: bool) -> int:
    if not (Path(gold) / "indicators.jsonl").exists():
        report_error(GovlensError("no indicators.jsonl in the gold folder", gold))
        return 1
    if not Path(corpus).is_dir():
        report_error(GovlensError("corpus folder not found (use --corpus)", corpus))
        return 1
    try:
        s = evaluate(gold, corpus)
    except (GovlensError, ValueError) as e:
        report_error(str(e))
        return 1
    if fmt != Format.table:
        out.print_json(json.dumps(s.as_dict(), ensure_ascii=False))
        return 0
    t = Table("", "precision", "recall", "F1", title=f"indicators: {s.gold} gold, {s.pred} predicted")
    for name, prf in (("strict", s.strict_prf()), ("lenient", s.lenient_prf()), ("glossary", s.glossary_prf())):
        t.add_row(name, *(f"{x:.3f}" for x in prf))
    out.print(t)
    a = Table("attribute", "accuracy (on lenient matches)")
    for attr in ATTRS:
        if s.attr_n[attr]:
            a.add_row(attr, f"{s.attr_ok[attr] / s.attr_n[attr]:.3f}")
    out.print(a)
    if show_misses:
        for m in s.misses:
            out.print(m, markup=False)
    return 0
