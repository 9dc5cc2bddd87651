"""``govlens eval``: extraction scores on the gold sets (dev and blind side by side) and the invariants."""

from __future__ import annotations

import json
from pathlib import Path

from rich.table import Table

from ..errors import GovlensError, NotFound
from ..evaluate import ATTRS, evaluate
from .common import Format, out, report_error


def eval_command(gold: str, corpus: str, fmt: Format, show_misses: bool, sets: list[str] | None = None) -> int:
    """Indicator and glossary scores on each gold set under ``gold`` (dev and blind side by side)."""
    from ..evaluate import SETS, gold_sets

    folders = gold_sets(gold, sets or list(SETS))
    if not folders:
        report_error(NotFound("no indicators.jsonl in the gold folder (nor in its dev/ or blind/)", gold))
        return 1
    if not Path(corpus).is_dir():
        report_error(NotFound("corpus folder not found (use --corpus)", corpus))
        return 1
    scores = {}
    for name, folder in folders.items():
        try:
            scores[name] = evaluate(folder, corpus)
        except GovlensError as e:
            report_error(e)
            return 1
        except ValueError as e:  # a gold row whose anchor the text does not hold
            report_error(NotFound(str(e), str(folder / "indicators.jsonl")))
            return 1
    if fmt != Format.table:
        out.print_json(json.dumps({k: s.as_dict() for k, s in scores.items()}, ensure_ascii=False))
        return 0
    names = list(scores)
    title = "indicators: " + "; ".join(f"{k} {s.gold} gold in {s.regions} regions, {s.pred} predicted"
                                        for k, s in scores.items())
    t = Table("", *(f"{k} {m}" for k in names for m in ("P", "R", "F1")), title=title)
    for row, fn in (("strict", "strict_prf"), ("lenient", "lenient_prf"), ("numbers only", "numbers_prf"),
                    ("glossary", "glossary_prf")):
        t.add_row(row, *(f"{x:.3f}" if scores[k].gloss_gold or fn != "glossary_prf" else "—"
                         for k in names for x in getattr(scores[k], fn)()))
    out.print(t)
    a = Table("attribute (on lenient matches)", *names)
    for attr in ATTRS:
        a.add_row(attr, *(f"{s.attr_ok[attr] / s.attr_n[attr]:.3f}" if s.attr_n[attr] else "—" for s in scores.values()))
    out.print(a)
    if show_misses:
        for k, s in scores.items():
            for m in s.misses:
                out.print(f"[{k}] {m}", markup=False)
    return 0


def eval_invariants_command(paths: list[str], fmt: Format, examples: int) -> int:
    """Invariant classes over a corpus (no annotation): a count, a share of facts and examples each."""
    from ..evaluate import INVARIANTS, check_invariants

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        report_error(NotFound("no such file or folder", ", ".join(missing)))
        return 1
    rep = check_invariants(paths, examples)
    if fmt != Format.table:
        out.print_json(json.dumps(rep.as_dict(), ensure_ascii=False))
        return 0
    t = Table("invariant", "facts breaking it", "share of facts", "what",
              title=f"invariants: {rep.facts} indicator facts in {rep.documents} documents")
    for name, what in INVARIANTS.items():
        t.add_row(name, str(rep.counts[name]), f"{100 * rep.share(name):.2f} %", what)
    out.print(t)
    for name in INVARIANTS:
        for ex in rep.examples.get(name, []):
            out.print(f"{name}: {ex}", markup=False)
    return 0


def eval_ask_command(gold: str, db: str | None, corpora: list[str], sets: list[str], fmt: Format,
                     show_misses: bool) -> int:
    """Score ask and track on the gold sets, against ``db`` or a temporary store built from ``corpora``."""
    import tempfile

    from ..evaluate_ask import evaluate_ask, evaluate_track, gold_files, load
    from ..ingest import ingest
    from ..io.read import walk
    from ..store import open_store

    if Path(gold).is_file():
        questions, pairs = {"dev": Path(gold)}, {}
    elif Path(gold).is_dir():
        questions, pairs = gold_files(gold, "ask.jsonl"), gold_files(gold, "track.jsonl")
    else:
        report_error(NotFound("no such gold folder or question file", gold))
        return 1
    questions = {k: v for k, v in questions.items() if k in sets}
    pairs = {k: v for k, v in pairs.items() if k in sets}
    if not questions and not pairs:
        report_error(NotFound(f"no ask.jsonl or track.jsonl for {','.join(sets)}", gold))
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        try:
            if db is None:
                missing = [c for c in corpora if not Path(c).exists()]
                if missing:
                    report_error(NotFound("corpus folder not found (use --corpus or --db)", missing[0]))
                    return 1
                db = str(Path(tmp) / "ask.db")
                with open_store(db) as store:
                    rep = ingest(store, walk(corpora))
                    for e in rep.errors:
                        report_error(e)
            with open_store(db, readonly=True) as store:
                asked = {k: evaluate_ask(store, load(v)).as_dict() for k, v in questions.items()}
                tracked = {k: evaluate_track(store, load(v)).as_dict() for k, v in pairs.items()}
        except GovlensError as e:
            report_error(e)
            return 1
    if fmt != Format.table:
        out.print_json(json.dumps({"ask": asked, "track": tracked}, ensure_ascii=False))
        return 0
    parts = [k for k in ("dev", "blind") if k in asked]
    if parts:
        t = Table("measure", *parts, "target", title="ask: " + ", ".join(
            f"{k} {asked[k]['questions']} questions ({asked[k]['unanswerable']} unanswerable)" for k in parts))
        t.add_row("answer accuracy", *(f"{asked[k]['answer_accuracy']:.3f}" for k in parts), "≥ 0.90 (dev ≥ 0.95)")
        t.add_row("citation accuracy", *(f"{asked[k]['citation_accuracy']:.3f} of {asked[k]['answers_citing']}"
                                         for k in parts), "1.00")
        t.add_row("unanswerable declined", *(f"{asked[k]['declined']:.3f}" for k in parts), "≥ 0.95")
        t.add_row("latency p50 / p95", *(f"{asked[k]['latency_p50_ms']:.0f} / {asked[k]['latency_p95_ms']:.0f} ms"
                                         for k in parts), "p95 ≤ 200 ms")
        for typ in sorted({t for k in parts for t in asked[k]["by_type"]}):
            t.add_row(f"  {typ}", *(f"{asked[k]['by_type'][typ]:.2f}" if typ in asked[k]["by_type"] else "—"
                                    for k in parts), "")
        out.print(t)
    tparts = [k for k in ("dev", "blind") if k in tracked]
    if tparts:
        t = Table("measure", *tparts, "target", title="track: hand-checked target/outcome pairs")
        t.add_row("pairs", *(str(tracked[k]["pairs"]) for k in tparts), "dev + blind ≥ 40")
        t.add_row("verdict agreement", *(f"{tracked[k]['verdict_agreement']:.3f}" for k in tparts), "≥ 0.95")
        out.print(t)
    if show_misses:
        for k in parts:
            for m in asked[k]["misses"]:
                out.print(f"[{k}] {m}", markup=False)
        for k in tparts:
            for m in tracked[k]["misses"]:
                out.print(f"[{k} track] {m}", markup=False)
    return 0


def eval_docs_command(gold: str, corpus: str, fmt: Format, show_misses: bool) -> int:
    """Document metadata on the corpus index and on every page set under ``gold`` (``docs/`` and
    ``blind/docs/``, each a ``pages.jsonl`` beside ``pages/``)."""
    from ..evaluate_docs import ATTRS, score_index, score_pages

    if not (Path(corpus) / "index.jsonl").is_file():
        report_error(NotFound("no index.jsonl in the corpus folder (use --corpus)", corpus))
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
