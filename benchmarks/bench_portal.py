"""Portal under load: N documents (corpus paragraphs recombined and run through the real pipeline, so
document pages carry facts), `govlens serve` in its own processes, C concurrent clients on loopback
requesting search and document pages until a request count or a time limit is reached.

    python benchmarks/bench_portal.py [--docs 10000] [--clients 50] [--seconds 20] [--client wrk|httpx]

Runs twice on the same URLs: page cache off (every request renders) and on. The load comes from wrk
(Debian's package, C) when installed, else from an httpx client in this process.

Target (issue 6): p95 <= 100 ms with 0 errors at 10 000 documents and 50 clients.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from govlens.errors import GovlensError  # noqa: E402
from govlens.pipeline import VERSION, read_text  # noqa: E402
from govlens.store import open_store, sha256  # noqa: E402
from synth import documents, paragraphs, queries  # noqa: E402


def build(path: str, n: int, rng: random.Random) -> float:
    t = time.perf_counter()
    paras = paragraphs()
    store = open_store(path)
    dropped = 0
    for i, (_region, _year, title, text) in enumerate(documents(n, rng, paras)):
        body = f"{title}\n各位代表：\n{text}\n"
        try:
            docs = read_text(body, source=f"synth-{i}.txt")
        except GovlensError:  # a recombination that reads as site chrome (about 1 %)
            dropped += 1
            continue
        store.replace_source(f"synth-{i}.txt", sha256(body.encode()), len(body.encode()), VERSION, docs)
    store.close()
    if dropped:
        print(f"{dropped} recombined texts read as site chrome and were left out")
    return time.perf_counter() - t


async def load(base: str, clients: int, total: int, seconds: float,
               urls: list[str]) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    sent = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:

        async def client(k: int) -> None:
            nonlocal errors, sent
            i = k
            while sent < total and time.monotonic() < deadline:
                sent += 1
                url = urls[i % len(urls)]
                i += clients
                t = time.perf_counter()
                try:
                    r = await http.get(url)
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append((time.perf_counter() - t) * 1000)

        t0 = time.perf_counter()
        await asyncio.gather(*(client(k) for k in range(clients)))
        elapsed = time.perf_counter() - t0
    return latencies, errors, elapsed


WRK_SCRIPT = """
local paths, i = {}, 0
init = function(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = tonumber(args[2]) or 0
end
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(s, latency, requests)
  local e = s.errors
  io.write(string.format("WRK %d %d %.3f %.3f %.3f %.3f\\n", s.requests,
    e.connect + e.read + e.write + e.status + e.timeout, s.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency.max / 1000))
end
"""


def run_wrk(base: str, urls: list[str], clients: int, seconds: float, tmp: str) -> tuple[int, int, float, float, float, float]:
    """requests, errors, seconds, p50, p95, max (ms) from wrk, a C load generator (Debian package)."""
    Path(tmp, "paths.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")
    Path(tmp, "mix.lua").write_text(WRK_SCRIPT, encoding="utf-8")
    out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", "--timeout", "10s", "-s",
                          str(Path(tmp, "mix.lua")), base, "--", str(Path(tmp, "paths.txt"))],
                         capture_output=True, text=True, check=True).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("WRK "))
    n, errors, secs, p50, p95, top = line.split()[1:]
    return int(n), int(errors), float(secs), float(p50), float(p95), float(top)


def urls_for(doc_ids: list[int], rng: random.Random) -> list[str]:
    urls = ["/search?" + str(httpx.QueryParams({"q": q, **f})) for q, f in queries(400, rng)]
    urls += [f"/doc/{i}" for i in rng.sample(doc_ids, min(400, len(doc_ids)))]
    rng.shuffle(urls)
    return urls


def serve(db: str, workers: int, cache: bool) -> tuple[subprocess.Popen, str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = subprocess.Popen([sys.executable, "-m", "govlens", "serve", "--db", db, "--port", str(port),
                               "--workers", str(workers), "--cache" if cache else "--no-cache"],
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    return server, base


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=3000, help="request bound (httpx client only)")
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--client", choices=["wrk", "httpx"], default="wrk" if shutil.which("wrk") else "httpx")
    ap.add_argument("--db", default=None, help="reuse or keep the database here")
    ap.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite",
                    help="postgres: a throwaway PostgreSQL server (Debian's package), as the tests start")
    args = ap.parse_args()
    rng = random.Random(11)
    tmp = tempfile.TemporaryDirectory()
    if args.backend == "postgres":
        sys.path.insert(0, str(ROOT / "tests"))
        from pgserver import fresh_database, throwaway_postgres

        pg = throwaway_postgres()
        db = fresh_database(pg.__enter__())
        try:
            run(args, db, rng, tmp, fresh=True)
        finally:
            from govlens.store.postgres import close_pools

            close_pools()
            pg.__exit__(None, None, None)
        return
    db = args.db or str(Path(tmp.name) / "portal.db")
    run(args, db, rng, tmp, fresh=not Path(db).exists())


def run(args: argparse.Namespace, db: str, rng: random.Random, tmp: tempfile.TemporaryDirectory, fresh: bool) -> None:
    if fresh:
        took = build(db, args.docs, rng)
        print(f"built {args.docs} documents through the pipeline in {took:.0f} s")
    with open_store(db, readonly=True) as s:
        doc_ids = [d["id"] for d in s.documents()]
    urls = urls_for(doc_ids, rng)
    print(f"{len(doc_ids)} documents; {len(urls)} distinct URLs (half search with filters, half document pages); "
          f"{args.clients} clients, {args.workers} server workers, load from {args.client}")
    for cache in (False, True):
        server, base = serve(db, args.workers, cache)
        try:
            if args.client == "wrk":
                n, errors, elapsed, p50, p95, top = run_wrk(base, urls, args.clients, args.seconds, tmp.name)
            else:
                lat, errors, elapsed = asyncio.run(load(base, args.clients, args.requests, args.seconds, urls))
                lat.sort()
                n, p50, p95, top = len(lat), statistics.median(lat), lat[int(0.95 * len(lat)) - 1], lat[-1]
        finally:
            server.terminate()
            try:
                server.wait(60)  # requests still queued from the load finish first
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        verdict = "met" if p95 <= 100 and not errors else "NOT met"
        print(f"page cache {'on ' if cache else 'off'}: {n} requests in {elapsed:.1f} s = {n / elapsed:.0f} req/s, "
              f"errors {errors}; p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {top:.0f} ms "
              f"(target p95 <= 100 ms, 0 errors: {verdict})")


if __name__ == "__main__":
    main()
