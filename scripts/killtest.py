"""Crash safety: kill `govlens ingest` with SIGKILL at random moments and check the store each time.

After every kill: SQLite's integrity_check is "ok", both full-text indexes pass their integrity-check,
no document is stored twice, and every document that was committed before the kill is still there.
After the last kill the ingest is run to the end: the store then holds exactly the documents of a
clean, uninterrupted run, once each. When a run completes before its kill, the store is emptied and
refilled, so kills land in every phase (first writes, middle, last files, skip-only reruns).

    python scripts/killtest.py                 # 50 kills over 40 corpus files (the full run)
    python scripts/killtest.py --kills 5 --files 12   # the CI size (tests/test_fuzz_crash.py)
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govlens.store import open_store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def ingest_cmd(files: list[str], db: str) -> list[str]:
    return [sys.executable, "-m", "govlens", "ingest", *files, "--db", db]


def check(db: str) -> tuple[set[tuple[str, str]], list[str]]:
    """The stored (path, doc) pairs and the problems found."""
    with open_store(db) as s:
        r = s.integrity()
    problems = []
    if r["integrity_check"] != ["ok"]:
        problems.append(f"integrity_check: {r['integrity_check'][:3]}")
    problems += [f"{t}: {r[t]}" for t in ("doc_tri", "doc_words") if r[t] != "ok"]
    if r["duplicates"]:
        problems.append(f"{r['duplicates']} duplicate documents")
    return {tuple(p) for p in r["documents"]}, problems


def run(kills: int, n_files: int, seed: int, corpus: Path) -> int:
    rng = random.Random(seed)
    files = sorted(str(p) for p in corpus.iterdir() if p.suffix in (".txt", ".html", ".htm"))[:n_files]
    if not files:
        print(f"no files in {corpus}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="govlens-kill-"))
    ref_db = str(tmp / "ref.db")
    t0 = time.perf_counter()
    subprocess.run(ingest_cmd(files, ref_db), check=False, capture_output=True)
    full = time.perf_counter() - t0
    reference, problems = check(ref_db)
    assert not problems and reference, problems
    print(f"reference: {len(files)} files, {len(reference)} documents, uninterrupted ingest {full:.1f} s")
    db = str(tmp / "victim.db")
    failures: list[str] = []
    killed = completed = resets = 0
    before: set[tuple[str, str]] = set()
    while killed < kills:
        started = time.perf_counter()
        p = subprocess.Popen(ingest_cmd(files, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Anywhere from interpreter start-up to past the end of a full run.
        time.sleep(rng.uniform(0.05, full * 1.1))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            killed += 1
        else:
            completed += 1
            if not before:  # a whole ingest from nothing finished first: the machine got faster
                full = min(full, time.perf_counter() - started)
        p.wait()
        if not Path(db).exists():
            continue  # killed before the store was created
        after, problems = check(db)
        lost = before - after
        if lost:
            problems.append(f"{len(lost)} committed documents lost, e.g. {sorted(lost)[:2]}")
        if after - reference:
            problems.append(f"{len(after - reference)} documents not in the reference run")
        if problems:
            failures.append(f"kill {killed}: " + "; ".join(problems))
        print(f"kill {killed:3d}: {len(after):4d}/{len(reference)} documents stored, "
              f"{'ok' if not problems else 'FAIL ' + '; '.join(problems)}", flush=True)
        before = after
        if after == reference:  # complete: start again from nothing so later kills hit early phases too
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(db + suffix).unlink(missing_ok=True)
            before = set()
            resets += 1
    subprocess.run(ingest_cmd(files, db), check=False, capture_output=True)
    final, problems = check(db)
    if final != reference:
        problems.append(f"after the rerun {len(final)} documents, reference {len(reference)}: "
                        f"missing {sorted(reference - final)[:2]}, extra {sorted(final - reference)[:2]}")
    failures += [f"final: {p}" for p in problems]
    print(f"{killed} kills ({completed} runs finished first, {resets} resets): "
          f"{len(failures)} failures; final store {len(final)}/{len(reference)} documents, integrity "
          f"{'ok' if not problems else 'FAIL'}")
    for f in failures:
        print("FAIL", f, file=sys.stderr)
    if not os.environ.get("GOVLENS_KEEP"):
        for f in tmp.iterdir():
            f.unlink()
        tmp.rmdir()
    return 1 if failures else 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()
    return run(args.kills, args.files, args.seed, Path(args.corpus))


if __name__ == "__main__":
    sys.exit(main())
