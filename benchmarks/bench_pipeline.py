"""Throughput of `docs` and `docs + extract` over the shared corpus, in chars/s per core, next to two
baselines measured in the same run: an OpenCC t2s pass and a jieba tokenising pass over the same text.

    python benchmarks/bench_pipeline.py [CORPUS_DIR] [--repeat N]

Targets (issue 3/4): docs >= 4 M chars/s, docs+extract >= 2 M chars/s, per core; issue 12: the whole
`govlens extract CORPUS --format jsonl` process (start-up included) >= 4.5x one jieba pass over the same files.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govlens.io.read import read_page, walk  # noqa: E402
from govlens.model import Page  # noqa: E402
from govlens.pipeline import process_page  # noqa: E402


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: steadier than wall time on a shared machine."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def cpu_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t = cpu_seconds()
        fn()
        times.append(cpu_seconds() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pages = [read_page(p) for p in walk([args.corpus])]
    raws = [p.raw for p in pages]
    chars = sum(map(len, raws))
    print(f"corpus: {len(pages)} files, {chars / 1e6:.2f} M chars (decoded); best of {args.repeat}")

    import opencc

    cc = opencc.OpenCC("t2s")
    t_cc = best_of(args.repeat, lambda: [cc.convert(r) for r in raws])

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    c_jieba = cpu_of(1, lambda: [list(jieba.cut(r)) for r in raws])
    t_jieba = best_of(1, lambda: [list(jieba.cut(r)) for r in raws])

    def run(extract: bool):
        for r, p in zip(raws, pages, strict=True):
            process_page(Page(source=p.source, raw=r), extract=extract)

    run(True)  # warm caches (regex compilation, OpenCC, rjieba)
    t_docs = best_of(args.repeat, lambda: run(False))
    t_all = best_of(args.repeat, lambda: run(True))
    # The whole process as a user runs it: start-up, reading, extraction, writing JSON Lines.
    exe = Path(sys.executable).with_name("govlens")
    cmd = [str(exe), "extract", args.corpus, "--format", "jsonl"]

    def whole() -> None:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    t_proc = best_of(args.repeat, whole)
    c_proc = cpu_of(args.repeat, whole)
    rows = [("opencc t2s only", t_cc), ("jieba tokenise", t_jieba), ("govlens docs", t_docs),
            ("govlens docs+extract", t_all), ("`govlens extract` process", t_proc)]
    print(f"{'pass':24} {'seconds':>8} {'M chars/s':>10} {'vs jieba':>9}")
    for name, t in rows:
        print(f"{name:24} {t:8.3f} {chars / t / 1e6:10.2f} {t_jieba / t:8.1f}x")
    print(f"targets: docs >= 4 M chars/s ({'met' if chars / t_docs >= 4e6 else 'NOT met'}), "
          f"docs+extract >= 2 M chars/s ({'met' if chars / t_all >= 2e6 else 'NOT met'}), "
          f"whole `govlens extract` process >= 4.5x jieba ({'met' if t_jieba / t_proc >= 4.5 else 'NOT met'}: "
          f"{t_jieba / t_proc:.1f}x wall, {c_jieba / c_proc:.1f}x CPU time)")


if __name__ == "__main__":
    main()
