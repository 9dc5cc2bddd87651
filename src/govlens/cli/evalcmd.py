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


def eval_ask_command(gold: str, db: str | None, corpus: str, fmt: Format, show_misses: bool) -> int:
    """Score ask on the question set, against ``db`` or a temporary store built from ``corpus``."""
    import tempfile

    from ..evaluate_ask import evaluate_ask, load
    from ..ingest import ingest
    from ..io.read import walk
    from ..store import open_store

    if not Path(gold).is_file():
        report_error(GovlensError("no such question file", gold))
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        try:
            if db is None:
                if not Path(corpus).is_dir():
                    report_error(GovlensError("corpus folder not found (use --corpus or --db)", corpus))
                    return 1
                db = str(Path(tmp) / "ask.db")
                with open_store(db) as store:
                    rep = ingest(store, walk([corpus]))
                    for e in rep.errors:
                        report_error(e)
            with open_store(db, readonly=True) as store:
                s = evaluate_ask(store, load(gold))
        except GovlensError as e:
            report_error(e)
            return 1
    d = s.as_dict()
    if fmt != Format.table:
        out.print_json(json.dumps(d, ensure_ascii=False))
        return 0
    t = Table("measure", "value", "target", title=f"ask: {s.n} questions ({s.unanswerable} unanswerable)")
    t.add_row("answer accuracy", f"{d['answer_accuracy']:.3f}", "≥ 0.90")
    t.add_row("citation accuracy", f"{d['citation_accuracy']:.3f} of {s.cited}", "1.00")
    t.add_row("unanswerable declined", f"{d['declined']:.3f}", "≥ 0.95")
    t.add_row("latency p50 / p95", f"{d['latency_p50_ms']:.0f} / {d['latency_p95_ms']:.0f} ms", "p95 ≤ 200 ms")
    out.print(t)
    if show_misses:
        for m in s.misses:
            out.print(m, markup=False)
    return 0


def eval_docs_command(gold: str, corpus: str, fmt: Format, show_misses: bool) -> int:
    """Document metadata on the corpus index and on every page set under ``gold`` (``docs/`` and
    ``blind/docs/``, each a ``pages.jsonl`` beside ``pages/``)."""
    from ..evaluate_docs import ATTRS, score_index, score_pages

    if not (Path(corpus) / "index.jsonl").is_file():
        report_error(GovlensError("no index.jsonl in the corpus folder (use --corpus)", corpus))
        return 1
    scores = [score_index(corpus)]
    for sub, name in (("docs", "dev pages"), ("blind/docs", "blind pages")):
        if (Path(gold) / sub / "pages.jsonl").is_file():
            scores.append(score_pages(Path(gold) / sub, name))
    if fmt != Format.table:
        out.print_json(json.dumps([s.as_dict() for s in scores], ensure_ascii=False))
    else:
        t = Table("set", "documents", *ATTRS, "empty titles", "truncated", title="document metadata (accuracy)")
        for s in scores:
            t.add_row(s.name, f"{s.gold} ({s.predicted} found)", *(f"{s.accuracy(a):.3f}" for a in ATTRS),
                      str(s.empty_titles), str(s.truncated_titles))
        out.print(t)
    if show_misses:
        for s in scores:
            for m in s.misses:
                out.print(f"[{s.name}] {m}", markup=False)
    return 0
