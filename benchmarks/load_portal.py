"""Load on the portal: C clients (default 200) for S seconds (default 60) on search pages, document
pages and API pages, against `govlens serve` on loopback with 1, 2, 4 … worker processes; prints
errors and p50/p95 per worker count and the smallest count that reaches p95 <= 100 ms with 0 errors.

    python benchmarks/load_portal.py [--clients 200] [--seconds 60] [--workers 1,2,4] [--docs 2000]

Loopback only (the server binds 127.0.0.1), bounded (wrk -d, then the server is stopped), no outside
traffic. The load generator is wrk (Debian's package). On a shared machine the figures vary from run
to run: the client and the server compete for the same cores.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import httpx  # noqa: E402

from bench_portal import build, run_wrk, serve, urls_for  # noqa: E402
from govlens.store import open_store  # noqa: E402


def mixed_urls(doc_ids: list[int], rng: random.Random) -> list[str]:
    """Search and document pages (as bench_portal), and the same through the JSON API."""
    pages = urls_for(doc_ids, rng)
    api = [u.replace("/search?", "/api/search?", 1) for u in pages if u.startswith("/search?")][:300]
    api += [f"/api/documents/{i}" for i in rng.sample(doc_ids, min(300, len(doc_ids)))]
    api += [f"/api/documents?limit=20&offset={rng.randrange(0, max(1, len(doc_ids) - 20))}" for _ in range(100)]
    urls = pages + api
    rng.shuffle(urls)
    return urls


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--workers", default="1,2,4")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--db", default=None, help="reuse or keep the database here")
    ap.add_argument("--cache", action=argparse.BooleanOptionalAction, default=True)
    args = ap.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 2
    rng = random.Random(7)
    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "portal.db")
    if not Path(db).exists():
        print(f"built {args.docs} documents through the pipeline in {build(db, args.docs, rng):.0f} s", flush=True)
    with open_store(db, readonly=True) as s:
        doc_ids = [d["id"] for d in s.documents()]
    urls = mixed_urls(doc_ids, rng)
    print(f"{len(doc_ids)} documents, {len(urls)} URLs (search, document and API pages); {args.clients} clients "
          f"for {args.seconds} s per worker count; page cache {'on' if args.cache else 'off'}", flush=True)
    best = None
    for w in [int(x) for x in args.workers.split(",")]:
        server, base = serve(db, w, args.cache)
        try:
            httpx.get(base + "/api/documents?limit=1", timeout=30)  # warm each worker's connections a little
            n, errors, secs, p50, p95, top = run_wrk(base, urls, args.clients, args.seconds, tmp.name)
        finally:
            server.terminate()
            server.wait(15)
        ok = errors == 0 and p95 <= 100
        print(f"workers {w}: {n} requests in {secs:.0f} s = {n / secs:.0f} req/s, errors {errors}, p50 {p50:.0f} ms, "
              f"p95 {p95:.0f} ms, max {top:.0f} ms  ({'meets' if ok else 'misses'} p95 <= 100 ms, 0 errors)",
              flush=True)
        if ok and best is None:
            best = w
    print(f"smallest worker count meeting the target: {best if best else 'none of ' + args.workers}")
    return 0 if best else 1


if __name__ == "__main__":
    sys.exit(main())
