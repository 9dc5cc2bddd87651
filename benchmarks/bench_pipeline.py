"""Throughput of `docs` and `docs + extract` over the shared corpus, in chars/s per core, next to two
baselines measured in the same run: an OpenCC t2s pass and a jieba tokenising pass over the same text.

    python benchmarks/bench_pipeline.py [CORPUS_DIR] [--repeat N]

The whole-process figure is the median over N rounds, each timing one jieba pass and the process back to
back (on a shared machine the load changes between minutes: ratios from the same round are comparable),
in wall time and in CPU time (user + system of the process and its workers, steadier under load). The
process runs twice per round: as a user runs it (its worker processes on the machine's cores, see
govlens.parallel) and with ``--workers 1``. The jieba pass uses ONE core: the default process's wall
ratio is a 1-core baseline against a run on all cores; its CPU ratio and the ``--workers 1`` row compare
like with like.

Targets (issue 3/4): docs >= 4 M chars/s, docs+extract >= 2 M chars/s, per core; issue 12: the whole
`govlens extract CORPUS --format jsonl` process (start-up included) >= 4.5x one jieba pass over the same files.
"""

from __future__ import annotations

import argparse
import resource
import statistics
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


def timed(fn) -> tuple[float, float]:
    """Wall and CPU seconds of one call."""
    t, c = time.perf_counter(), cpu_seconds()
    fn()
    return time.perf_counter() - t, cpu_seconds() - c


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

    def jieba_pass() -> None:
        for r in raws:
            list(jieba.cut(r))

    def run(extract: bool):
        for r, p in zip(raws, pages, strict=True):
            process_page(Page(source=p.source, raw=r), extract=extract)

    run(True)  # warm caches (regex compilation, OpenCC, rjieba)
    t_docs = best_of(args.repeat, lambda: run(False))
    t_all = best_of(args.repeat, lambda: run(True))
    # The whole process as a user runs it: start-up, reading, extraction, writing JSON Lines. Bytecode is
    # compiled first, as pip does when it installs a package (with PYTHONDONTWRITEBYTECODE set, each run
    # would otherwise compile every module of govlens again).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "govlens")],
                   stdout=subprocess.DEVNULL, check=False)
    exe = Path(sys.executable).with_name("govlens")
    cmd = [str(exe), "extract", args.corpus, "--format", "jsonl"]

    def whole(*extra: str):
        return lambda: subprocess.run([*cmd, *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      check=False)

    # One jieba pass and the whole process (default workers, then one) per round, interleaved, so that
    # all see the same load on a shared machine; ratios are taken per round and the medians reported.
    rounds = []
    for _ in range(args.repeat):
        tj, cj = timed(jieba_pass)
        tp, cp = timed(whole())
        t1, c1 = timed(whole("--workers", "1"))
        rounds.append((tj, cj, tp, cp, t1, c1))

    def med(k: int) -> float:
        return statistics.median(r[k] for r in rounds)

    def ratio(k: int) -> float:  # jieba (wall or CPU, same round) over the process's
        return statistics.median(r[k % 2] / r[k] for r in rounds)

    from govlens.parallel import MAX_WORKERS, cores

    n = min(cores(), MAX_WORKERS)
    t_jieba = med(0)
    rows = [("opencc t2s only", t_cc), ("jieba tokenise", t_jieba), ("govlens docs", t_docs),
            ("govlens docs+extract", t_all), (f"`extract` process, {n} workers", med(2)),
            ("`extract` --workers 1", med(4))]
    print(f"{'pass':30} {'seconds':>8} {'M chars/s':>10} {'vs jieba':>9}")
    for name, t in rows:
        print(f"{name:30} {t:8.3f} {chars / t / 1e6:10.2f} {t_jieba / t:8.1f}x")
    print(f"machine: {cores()} cores (shared; timings vary with other users' load); jieba runs on ONE core, "
          f"the default process on up to {n} worker processes")
    print("whole process per round (jieba s / process s = wall ratio, CPU ratio; then --workers 1): " + "; ".join(
        f"{tj:.2f}/{tp:.2f} = {tj / tp:.2f}x, {cj / cp:.2f}x CPU; {tj / t1:.2f}x, {cj / c1:.2f}x CPU"
        for tj, cj, tp, cp, t1, c1 in rounds))
    wall_ratio = ratio(2)
    print(f"targets: docs >= 4 M chars/s ({'met' if chars / t_docs >= 4e6 else 'NOT met'}), "
          f"docs+extract >= 2 M chars/s ({'met' if chars / t_all >= 2e6 else 'NOT met'}), "
          f"whole `govlens extract` process >= 4.5x jieba ({'met' if wall_ratio >= 4.5 else 'NOT met'}: "
          f"{wall_ratio:.2f}x wall on {n} cores against jieba on one, {ratio(3):.2f}x CPU time; "
          f"--workers 1: {ratio(4):.2f}x wall, {ratio(5):.2f}x CPU; medians of {len(rounds)} interleaved rounds)")


if __name__ == "__main__":
    main()
