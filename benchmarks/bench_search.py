"""Search at scale: synthesise N documents by recombining corpus paragraphs (nothing is committed),
index them in a fresh store, then time realistic queries with filters against the same queries as a
LIKE scan over the same table, measured in the same run.

    python benchmarks/bench_search.py [--docs 100000] [--queries 200] [--like-sample 20]

Targets (issue 5): p95 <= 20 ms at 100 000 documents, >= 100x faster than LIKE.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(ROOT / "benchmarks"))
from govlens.store.sqlite import Store  # noqa: E402
from synth import documents, paragraphs, queries  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--like-sample", type=int, default=20, help="LIKE queries to time (each is a full scan)")
    ap.add_argument("--db", default=None, help="keep the database here instead of a temporary file; "
                    "an existing one with --docs documents is reused (queries only)")
    args = ap.parse_args()
    rng = random.Random(7)
    paras = paragraphs()
    print(f"{len(paras)} corpus paragraphs to recombine into {args.docs} documents")
    tmp = tempfile.TemporaryDirectory()
    path = args.db or str(Path(tmp.name) / "bench.db")
    store = Store(path)
    con = store.con
    if con.execute("SELECT count(*) FROM documents").fetchone()[0] == args.docs:
        print(f"reusing {path}: {args.docs} documents already indexed")
        run_queries(store, rng, args)
        return
    t0 = time.perf_counter()
    chars = 0
    batch = 2000
    with con:
        con.execute("INSERT INTO sources(path, sha256, bytes, pipeline, ingested_at) VALUES ('bench', 'bench', 0, 'bench', '')")
    for start in range(0, args.docs, batch):
        with con:
            for i, (region, year, title, text) in enumerate(documents(min(batch, args.docs - start), rng, paras), start):
                chars += len(text)
                con.execute("INSERT INTO documents(source_id, doc, title, region, level, year, kind, text, chars) "
                            "VALUES (1, ?, ?, ?, 'district', ?, 'work_report', ?, ?)",
                            (f"bench-{i}", title, region, year, text, len(text)))
                rowid = con.last_insert_rowid()
                for table in ("words.doc_fts", "doc_tri"):
                    con.execute(f"INSERT INTO {table}(rowid, title, text) VALUES (?, ?, ?)",
                                (rowid, title, text))
    build = time.perf_counter() - t0
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = Path(path).stat().st_size
    mb = chars * 3 / 1e6  # UTF-8 bytes of Chinese text, roughly
    print(f"index build: {args.docs} docs, {chars / 1e6:.1f} M chars in {build:.1f} s = {mb / build:.2f} MB/s "
          f"({chars / build / 1e6:.2f} M chars/s); database {size / 1e6:.0f} MB")

    run_queries(store, rng, args)


def run_queries(store: Store, rng: random.Random, args: argparse.Namespace) -> None:
    con = store.con
    qs = queries(args.queries, random.Random(8))  # the same queries whether built now or reused
    store.search("预热")
    times = []
    for q, f in qs:
        t = time.perf_counter()
        store.search(q, limit=20, **f)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p50, p95 = statistics.median(times), times[int(0.95 * len(times)) - 1]
    like_times = []
    for q, f in qs[: args.like_sample]:
        conds = " AND ".join("text LIKE ?" for _ in q.split())
        params = [f"%{w}%" for w in q.split()]
        for k, v in f.items():
            conds += f" AND {k} = ?"
            params.append(v)
        t = time.perf_counter()
        # A ranked search must see every match, so the baseline scans the whole table too.
        con.execute(f"SELECT id, title FROM documents WHERE {conds}", params).fetchall()
        like_times.append((time.perf_counter() - t) * 1000)
    like_p50 = statistics.median(like_times)
    print(f"FTS search over {len(qs)} queries: p50 {p50:.2f} ms, p95 {p95:.2f} ms (target <= 20 ms: "
          f"{'met' if p95 <= 20 else 'NOT met'})")
    print(f"LIKE scan over {len(like_times)} of the same queries: p50 {like_p50:.1f} ms; "
          f"FTS is {like_p50 / p50:.0f}x faster at the median (target >= 100x)")
    store.close()


if __name__ == "__main__":
    main()
