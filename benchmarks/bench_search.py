"""Search at scale: synthesise N documents by recombining corpus paragraphs (nothing is committed),
store them through the store API in a fresh SQLite file and/or a fresh PostgreSQL database (a
throwaway server from Debian's package unless --db-url is given), then time the same realistic
queries with filters on each, and (SQLite) the same queries as a LIKE scan, in the same run.

    python benchmarks/bench_search.py [--docs 100000] [--queries 200] [--backends sqlite,postgres]

Targets (issues 5, 15): p95 <= 20 ms at 100 000 documents, >= 100x faster than LIKE; SQLite
against PostgreSQL on the same queries.
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
sys.path.insert(0, str(ROOT / "tests"))

from govlens.model import Document  # noqa: E402
from govlens.store import open_store  # noqa: E402
from synth import documents, paragraphs, queries  # noqa: E402


def build(target: str, n: int, paras: list[str]) -> tuple[float, int]:
    rng = random.Random(7)  # the same documents on every backend
    chars = 0
    with open_store(target) as store:
        if store.stats()["documents"] == n:
            print(f"  reusing {store.path}: {n} documents already stored")
            return 0.0, 0
        t0 = time.perf_counter()
        batch: list = []
        for i, (region, year, title, text) in enumerate(documents(n, rng, paras)):
            chars += len(text)
            d = Document(id=f"bench-{i}", source="bench", text=text, title=title, region=region, level="district",
                         year=year, kind="work_report")
            batch.append((f"bench-{i}", f"bench-{i}", len(text), "bench", [d]))
            if len(batch) == 500:
                store.replace_sources(batch)
                batch = []
        if batch:
            store.replace_sources(batch)
        return time.perf_counter() - t0, chars


def run_queries(target: str, n_queries: int, like_sample: int) -> dict:
    qs = queries(n_queries, random.Random(8))
    with open_store(target, readonly=True) as store:
        store.search("预热")
        times = []
        for q, f in qs:
            t = time.perf_counter()
            store.search(q, limit=20, **f)
            times.append((time.perf_counter() - t) * 1000)
        page_times = []
        for q, f in qs[:50]:  # what the portal's search page does: a page and the facets of all matches
            t = time.perf_counter()
            store.search_page(q, limit=20, **f)
            page_times.append((time.perf_counter() - t) * 1000)
        like = []
        for q, f in qs[:like_sample]:
            conds = " AND ".join("text LIKE ?" for _ in q.split())
            params: list = [f"%{w}%" for w in q.split()]
            for k, v in f.items():
                conds += f" AND {k} = ?"
                params.append(v)
            t = time.perf_counter()
            store._rows(f"SELECT id, title FROM documents WHERE {conds}", params)  # a full scan, as a baseline
            like.append((time.perf_counter() - t) * 1000)
    times.sort()
    page_times.sort()
    return {"p50": statistics.median(times), "p95": times[int(0.95 * len(times)) - 1],
            "page_p50": statistics.median(page_times), "page_p95": page_times[int(0.95 * len(page_times)) - 1],
            "like_p50": statistics.median(like) if like else None}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--like-sample", type=int, default=10, help="LIKE queries to time (each is a full scan)")
    ap.add_argument("--backends", default="sqlite,postgres")
    ap.add_argument("--db", default=None, help="keep the SQLite store here (reused when it holds --docs documents)")
    ap.add_argument("--db-url", default=None, help="a PostgreSQL database to use instead of a throwaway server")
    args = ap.parse_args()
    paras = paragraphs()
    print(f"{len(paras)} corpus paragraphs recombined into {args.docs} documents; machine shared with other "
          "sessions: compare the backends within this run")
    tmp = tempfile.TemporaryDirectory()
    results = {}
    for backend in args.backends.split(","):
        server = None
        if backend == "sqlite":
            target = args.db or str(Path(tmp.name) / "bench.db")
        elif args.db_url:
            target = args.db_url
        else:
            from pgserver import fresh_database, throwaway_postgres

            server = throwaway_postgres()
            target = fresh_database(server.__enter__())
        try:
            took, chars = build(target, args.docs, paras)
            if took:
                print(f"{backend}: stored {args.docs} docs, {chars / 1e6:.1f} M chars in {took:.1f} s "
                      f"({chars / took / 1e6:.2f} M chars/s)", flush=True)
            r = results[backend] = run_queries(target, args.queries, args.like_sample)
            like = f"; LIKE scan p50 {r['like_p50']:.0f} ms = {r['like_p50'] / r['p50']:.0f}x slower" if r["like_p50"] else ""
            print(f"{backend}: search p50 {r['p50']:.2f} ms, p95 {r['p95']:.2f} ms; search page with facets "
                  f"p50 {r['page_p50']:.2f} ms, p95 {r['page_p95']:.2f} ms{like}", flush=True)
        finally:
            if server is not None:
                from govlens.store.postgres import close_pools

                close_pools()
                server.__exit__(None, None, None)
    if len(results) == 2:
        s, p = results["sqlite"], results["postgres"]
        print(f"PostgreSQL / SQLite: p50 {p['p50'] / s['p50']:.2f}x, p95 {p['p95'] / s['p95']:.2f}x, "
              f"search page p95 {p['page_p95'] / s['page_p95']:.2f}x")


if __name__ == "__main__":
    main()
