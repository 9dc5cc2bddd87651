"""Writing to the store, on one core: the corpus's documents (extracted once, before timing) stored
N times over into a fresh SQLite file and a fresh PostgreSQL database (a throwaway server from
Debian's package, as the tests start), next to the schema-3 indexes (the rjieba FTS5 tokenizer
written in Python, and a full-detail trigram index) fed the same texts in the same run.

    python benchmarks/bench_store.py [--copies 3] [--db-url postgresql://…]

Target (issue 15): >= 1 M chars/s into SQLite on one core.
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from govlens.io.read import read_page, walk  # noqa: E402
from govlens.pipeline import VERSION, process_page  # noqa: E402
from govlens.store import open_store  # noqa: E402


def write(target: str, files: list[tuple[str, list]], copies: int) -> float:
    with open_store(target) as s:
        t = time.perf_counter()
        for k in range(copies):
            for i in range(0, len(files), 16):
                s.replace_sources([(f"{path}#{k}", f"{k}-{path}", 0, VERSION, copy.deepcopy(docs))
                                   for path, docs in files[i : i + 16]])
        return time.perf_counter() - t


def _fill(con: Any, texts: list[str], copies: int, words_sql: str, words_row: Callable[[int, str], tuple]) -> float:
    """Time storing ``texts`` ``copies`` times: a document row, its word-index row, its trigram row."""
    t = time.perf_counter()
    n = 0
    for _ in range(copies):
        with con:
            for text in texts:
                n += 1
                con.execute("INSERT INTO documents VALUES (?, '', ?)", (n, text))
                con.execute(words_sql, words_row(n, text))
                con.execute("INSERT INTO tri(rowid, title, text) VALUES (?, '', ?)", (n, text))
    return time.perf_counter() - t


def schema3(texts: list[str], copies: int) -> float:
    import apsw

    from govlens.store import fts

    con = apsw.Connection(":memory:")
    fts.register(con)
    con.execute("CREATE TABLE documents(id INTEGER PRIMARY KEY, title TEXT, text TEXT);"
                "CREATE VIRTUAL TABLE w USING fts5(title, text, content='', contentless_delete=1, tokenize='govlens_jieba');"
                "CREATE VIRTUAL TABLE tri USING fts5(title, text, content='documents', content_rowid='id', tokenize='trigram');")
    return _fill(con, texts, copies, "INSERT INTO w(rowid, title, text) VALUES (?, '', ?)", lambda n, text: (n, text))


def schema5(texts: list[str], copies: int) -> float:
    """The same texts into the indexes of schema 5 (rjieba in Python, unicode61; trigram, GLOB)."""
    import apsw

    from govlens.store.sqlite import _words

    con = apsw.Connection(":memory:")
    con.execute("CREATE TABLE documents(id INTEGER PRIMARY KEY, title TEXT, text TEXT);"
                "CREATE VIRTUAL TABLE w USING fts5(title, text, pieces, content='', tokenize='unicode61');"
                "CREATE VIRTUAL TABLE tri USING fts5(title, text, content='documents', content_rowid='id', "
                "detail=column, columnsize=0, tokenize='trigram case_sensitive 1');")
    return _fill(con, texts, copies, "INSERT INTO w(rowid, title, text, pieces) VALUES (?, ?, ?, ?)",
                 lambda n, text: (n, *_words("", text)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--db-url", default=None, help="PostgreSQL address (default: start a throwaway server)")
    ap.add_argument("--no-postgres", action="store_true")
    args = ap.parse_args()
    files = []
    for p in sorted(walk([args.corpus])):
        files.append((p, process_page(read_page(p), extract=True)))
    texts = [d.text for _, docs in files for d in docs]
    chars = sum(map(len, texts)) * args.copies
    print(f"{len(texts) * args.copies} documents, {chars / 1e6:.1f} M chars (corpus x{args.copies}); "
          "machine shared with other sessions: compare ratios of this run")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        t_old = schema3(texts, args.copies)
        rows.append(("schema 3 indexes only (baseline)", t_old))
        rows.append(("schema 5 indexes only", schema5(texts, args.copies)))
        rows.append(("SQLite store (schema 5)", write(str(Path(tmp) / "s.db"), files, args.copies)))
        if not args.no_postgres:
            if args.db_url:
                rows.append(("PostgreSQL store", write(args.db_url, files, args.copies)))
            else:
                from pgserver import fresh_database, throwaway_postgres

                with throwaway_postgres() as server:
                    rows.append(("PostgreSQL store", write(fresh_database(server), files, args.copies)))
                    from govlens.store.postgres import close_pools

                    close_pools()
    for name, t in rows:
        print(f"{name:34} {t:7.2f} s {chars / t / 1e6:6.2f} M chars/s  {t_old / t:5.2f}x baseline")
    sq = dict(rows)["SQLite store (schema 5)"]
    print(f"target >= 1 M chars/s into SQLite: {'met' if chars / sq >= 1e6 else 'NOT met'}")


if __name__ == "__main__":
    main()
