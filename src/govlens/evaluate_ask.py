"""Score ``govlens ask`` and ``govlens track`` against the question and target/outcome sets, ``dev`` and
``blind`` side by side (``tests/gold/dev/`` — or the older ``tests/gold/ask.jsonl`` — and
``tests/gold/blind/``: ``ask.jsonl`` and ``track.jsonl`` in each).

Each question line: ``q`` (the question), ``type`` (lookup, compare, rank, track, trend, change,
glossary, count, project, unanswerable),
``expect`` (strings the answer must all contain; empty for unanswerable questions), optionally
``expect_any`` (one of them must be in the answer, for ties) and ``cite`` (a string one cited
sentence must contain). Answer and expected strings are compared after NFKC (full-width digits and
signs as ASCII) with thousands separators between digits removed: ``６７７００多亿元`` and ``2，737万吨``
in a 1990s report match ``67700多亿元`` and ``2737万吨``.

* answer accuracy: an answerable question is right when its answer contains what is expected; an
  unanswerable one when the answer is empty.
* citation accuracy, over every non-empty answer but a count of the library's documents: it cites, each cited quote is the document's
  text at the cited span, every number in the answer occurs in a cited quote, and the gold ``cite``
  string occurs in one.
* declined: the share of unanswerable questions answered with nothing.
* latency of each ``ask`` call, p50 and p95; accuracy per question type.

Each track line: ``region``, ``measure`` (words), ``year`` (of the target), ``verdict`` (met, missed,
unclear, pending) decided by the written rule before running track; the pair scores when the verdict that
``track`` gives the target of that region, measure and year agrees (no such target: ``unclear``).
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .analysis.ask import ask
from .lexicon.figures import unsupported_figures
from .store.api import StoreAPI as Store


@dataclass
class AskScore:
    n: int = 0
    correct: int = 0
    cited: int = 0  # answers with citations
    cited_ok: int = 0
    unanswerable: int = 0
    declined: int = 0
    latencies: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [questions, right]

    def p(self, q: float) -> float:
        xs = sorted(self.latencies)
        return xs[max(0, int(q * len(xs)) - 1)] if xs else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"questions": self.n, "answer_accuracy": self.correct / self.n if self.n else 0.0,
                "citation_accuracy": self.cited_ok / self.cited if self.cited else 1.0, "answers_citing": self.cited,
                "declined": self.declined / self.unanswerable if self.unanswerable else 1.0,
                "unanswerable": self.unanswerable, "latency_p50_ms": round(self.p(0.5), 1),
                "latency_p95_ms": round(self.p(0.95), 1),
                "by_type": {t: round(ok / n, 3) for t, (n, ok) in sorted(self.by_type.items())},
                "misses": self.misses}


@dataclass
class TrackScore:
    n: int = 0
    agree: int = 0
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"pairs": self.n, "verdict_agreement": self.agree / self.n if self.n else 0.0, "misses": self.misses}


def gold_files(root: str | Path, name: str) -> dict[str, Path]:
    """The ``dev`` and ``blind`` files called ``name`` under a gold folder (``dev`` may be the older
    top-level file)."""
    root = Path(root)
    out = {}
    for part in ("dev", "blind"):
        path = root / part / name
        if part == "dev" and not path.exists():
            path = root / name
        if path.exists():
            out[part] = path
    return out


def load(path: str | Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _citations_ok(store: Store, answer: str, citations: list[dict[str, Any]], cite: str | None,
                  computed: list[str] | tuple[str, ...] = ()) -> str | None:
    """None when the citations hold up, else what is wrong with them."""
    texts: dict[str, str] = {}
    for c in citations:
        if c["doc"] not in texts:
            texts[c["doc"]] = store.document_text(c["doc"]) or ""
        start, end = c["span"] or (0, 0)
        if texts[c["doc"]][start:end] != c["quote"]:
            return f"quote is not the text at its span in {c['doc']}"
    quotes = " ".join(c["quote"] for c in citations)
    missing = [n for n in unsupported_figures(answer, quotes, skip_years=True) if n not in computed]
    if missing:
        return f"{missing[0]} is in the answer but in no cited sentence"
    if cite and cite_form(cite) not in same_form(quotes):  # the store keeps text in one width, as answers are compared
        return f"no cited sentence contains {cite}"
    return None


_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3})")


def same_form(text: str) -> str:
    """The form answers and expected strings are compared in: NFKC, no thousands separators."""
    return _THOUSANDS.sub("", unicodedata.normalize("NFKC", text))


def cite_form(cite: str) -> str:
    """A gold ``cite`` (or an expected string) in the form the store's quotes are in: the same OpenCC t2s conversion the pipeline applies
    to documents (a cite written in Traditional script, 減時間70%, is the Simplified quote 减时间70%), then
    :func:`same_form`."""
    from .stages.normalize import to_simplified

    return same_form(to_simplified(cite)[0])


def _contains(answer: str, expected: list[str], every: bool) -> bool:
    found = (cite_form(e) in answer for e in expected)  # 三園一區 expected matches the Simplified answer
    return all(found) if every else any(found)


def evaluate_ask(store: Store, gold: list[dict[str, Any]]) -> AskScore:
    s = AskScore()
    from .store.fts import tokens

    ask(store, "warm up: 什么是两新")  # not timed: the word segmenter loaded once, as a running portal has it
    list(tokens("预热分词"))
    for g in gold:
        s.n += 1
        t = time.perf_counter()
        a = ask(store, g["q"])
        s.latencies.append((time.perf_counter() - t) * 1000)
        if g["type"] == "unanswerable":
            s.unanswerable += 1
            ok = a.answer == "" and a.parsed.get("op") != "error"  # a handler that tripped did not decline
            s.declined += ok
        else:
            answer = same_form(a.answer)
            ok = bool(answer) and _contains(answer, g.get("expect", []), every=True) and (
                not g.get("expect_any") or _contains(answer, g["expect_any"], every=False))
        s.correct += ok
        row = s.by_type.setdefault(g["type"], [0, 0])
        row[0] += 1
        row[1] += ok
        if not ok:
            s.misses.append(f"{g['q']} -> {a.answer or '(declined)'}")
        if a.answer and a.parsed.get("op") != "documents":  # a count of the library is read from no sentence
            s.cited += 1
            problem = (_citations_ok(store, a.answer, a.citations, g.get("cite"), a.computed) if a.citations
                       else "an answer without a cited sentence")
            s.cited_ok += problem is None
            if problem:
                s.misses.append(f"{g['q']} -> citation: {problem}")
    return s


def evaluate_track(store: Store, pairs: list[dict[str, Any]]) -> TrackScore:
    """Verdict agreement of ``track`` with hand-checked target/outcome pairs. Each pair is looked up
    as a user would ask for it (``govlens track --region --metric --year``): its place, its measure
    in words and its year through :func:`~govlens.analysis.track.lookup`."""
    from .analysis.track import lookup

    s = TrackScore()
    for g in pairs:
        s.n += 1
        r = lookup(store, g["region"], g["measure"], g["year"])
        got = r["verdict"] if r else "unclear"
        if got == g["verdict"]:
            s.agree += 1
        else:
            how = (f"{r['sense']} target {r['target'].get('quote', '')[:40]!r} outcome "
                   f"{(r['actual'] or {}).get('quote', '')[:40]!r}") if r else "no target found"
            s.misses.append(f"{g['region']} {g['year']} {g['measure']}: {got} (gold {g['verdict']}); {how}")
    return s
