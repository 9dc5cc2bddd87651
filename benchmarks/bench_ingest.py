"""Ingest throughput and peak memory: the corpus copied N times (each copy's bytes differ by trailing
newlines, so every file is stored), ingested into a fresh SQLite store by each executor in its own
process, in the same run: in-process, Ray with 1 worker, Ray with 2 workers.

    python benchmarks/bench_ingest.py [--copies 20] [--modes inprocess,ray1,ray2] [--db-url postgresql://…]

Peak memory is the largest sum of resident set sizes of the ingest process and all its descendants
(Ray's raylet, GCS and workers), sampled every 0.2 s; shared pages (Ray's object store) are counted
once per process that maps them, so Ray's figure is an upper bound.

Target (issue 15): Ray with 2 workers >= 1.7x Ray with 1 worker on a 2-core machine.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def make_copies(corpus: Path, copies: int, dest: Path) -> int:
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".html", ".htm"))
    chars = 0
    for k in range(copies):
        d = dest / f"copy{k:03d}"
        d.mkdir(parents=True)
        for p in files:
            data = p.read_bytes()
            (d / p.name).write_bytes(data + b"\n" * (k + 1))
            if k == 0:
                chars += len(data.decode("utf-8", errors="replace"))
    return chars * copies


def tree_rss() -> int:
    """Resident bytes of this process and all its descendants (from /proc)."""
    parent: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parent[int(stat.parent.name)] = int(fields[1])
    mine, frontier = {os.getpid()}, [os.getpid()]
    while frontier:
        p = frontier.pop()
        for child_pid, ppid in parent.items():
            if ppid == p and child_pid not in mine:
                mine.add(child_pid)
                frontier.append(child_pid)
    total = 0
    for pid in mine:
        with contextlib.suppress(OSError, ValueError, IndexError):
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return total


def peak_rss(stop: threading.Event, out: list[int]) -> None:
    while not stop.is_set():
        out[0] = max(out[0], tree_rss())
        stop.wait(0.2)


def child(args: argparse.Namespace) -> None:
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    from govlens.ingest import ingest
    from govlens.io.read import walk
    from govlens.store import open_store

    files = sorted(walk([args.dir]))
    stop, peak = threading.Event(), [0]
    sampler = threading.Thread(target=peak_rss, args=(stop, peak), daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    startup = 0.0
    kwargs: dict = {}
    if args.mode.startswith("ray"):
        from govlens import ray_ingest

        ray_ingest.start(workers=int(args.mode[3:]))
        startup = time.perf_counter() - t0
        kwargs = {"executor": "ray", "workers": int(args.mode[3:]), "batch": 16}
    t1 = time.perf_counter()
    with open_store(args.db) as store:
        rep = ingest(store, files, **kwargs)
        stats = store.stats()
    took = time.perf_counter() - t1
    stop.set()
    sampler.join()
    print(json.dumps({"mode": args.mode, "files": len(files), "inserted": rep.inserted, "failed": rep.failed,
                      "documents": stats["documents"], "facts": stats["facts"], "chars": rep.chars,
                      "startup_s": startup, "ingest_s": took, "peak_mb": peak[0] / 1e6}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--modes", default="inprocess,ray1,ray2")
    ap.add_argument("--db-url", default=None, help="a PostgreSQL address to ingest into instead of SQLite "
                    "(emptied before each mode)")
    ap.add_argument("--mode", help=argparse.SUPPRESS)
    ap.add_argument("--dir", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        child(args)
        return
    tmp = Path(tempfile.mkdtemp(prefix="govlens-bench-ingest-"))
    try:
        chars = make_copies(Path(args.corpus), args.copies, tmp / "in")
        print(f"corpus x{args.copies}: {chars / 1e6:.1f} M chars of input; machine shared with other sessions, "
              "so compare the ratios of this run")
        rows = []
        for mode in args.modes.split(","):
            db = args.db_url or str(tmp / f"{mode}.db")
            if args.db_url:
                _empty(args.db_url)
            r = subprocess.run([sys.executable, __file__, "--mode", mode, "--dir", str(tmp / "in"), "--db", db],
                               capture_output=True, text=True)
            if r.returncode:
                print(f"{mode}: failed\n{r.stderr[-2000:]}")
                continue
            row = json.loads(r.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(f"{mode:10} {row['files']} files, {row['documents']} docs, {row['facts']} facts: "
                  f"ingest {row['ingest_s']:.1f} s ({row['chars'] / row['ingest_s'] / 1e6:.2f} M chars/s)"
                  f" + startup {row['startup_s']:.1f} s; peak {row['peak_mb']:.0f} MB", flush=True)
        by = {r["mode"]: r for r in rows}
        if "ray1" in by and "ray2" in by:
            s1, s2 = by["ray1"]["ingest_s"], by["ray2"]["ingest_s"]
            w1, w2 = s1 + by["ray1"]["startup_s"], s2 + by["ray2"]["startup_s"]
            print(f"ray 2 workers vs 1: {s1 / s2:.2f}x (ingest), {w1 / w2:.2f}x (with startup); target >= 1.7x: "
                  f"{'met' if s1 / s2 >= 1.7 else 'NOT met'}")
        if "inprocess" in by and "ray2" in by:
            print(f"ray 2 workers vs in-process: {by['inprocess']['ingest_s'] / by['ray2']['ingest_s']:.2f}x")
        same = {(r["documents"], r["facts"]) for r in rows}
        print("same documents and facts in every mode" if len(same) == 1 else f"DIFFERENT stores: {same}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _empty(url: str) -> None:
    from govlens.store import open_store

    with open_store(url) as s:
        s._run("TRUNCATE sources, documents, sections, glossary, facts RESTART IDENTITY CASCADE")


if __name__ == "__main__":
    main()
