"""The embedded store: one SQLite file (APSW), WAL, one transaction per source file.

Schema (version 5; ``PRAGMA user_version`` records it, :data:`MIGRATIONS` upgrades older files):

* ``sources``   one row per file read: path, sha256 of its bytes, pipeline version, when, how many
  documents, error. Re-ingesting identical bytes with the same pipeline stores nothing; a newer
  pipeline replaces the file's documents.
* ``documents`` one row per document: the contract's fields plus level, date, issuer, 索引号, 文号
  and the normalised text.
* ``sections``, ``glossary`` per document.
* ``facts``     every fact; indicator fields as columns (metric, metric_key, value, unit, change,
  kind, period, qualifier, region, year of the document) and the full fact as JSON in ``data``.
* ``doc_words`` (version 4) the word index: FTS5 with the built-in ``unicode61`` tokenizer over text
  segmented by rjieba in Python (:mod:`govlens.store.fts`), contentless; BM25 ranks search.
* ``doc_tri``   FTS5 over title and text with SQLite's built-in trigram tokenizer (external content;
  ``detail=column`` since version 4, case-sensitive without column sizes since version 5): substring
  search (GLOB) for terms segmentation splits differently.
* ``users``, ``sessions`` (version 2) moderator accounts (argon2 hashes) and login sessions (sha256 of
  the cookie token, never the token itself); see :mod:`govlens.accounts`.
* ``documents_facets`` (version 3) a covering index of id, region, year, kind and level: search
  joins its matches to it instead of the wide documents rows (p95 at 100 000 documents -25 %).
* ``submissions`` (version 2) the 投稿 queue: what was sent, its status token, the moderator's decision
  and the source it became when approved; see :mod:`govlens.submissions`.

A store is one file, ``<db>`` (plus SQLite's ``<db>-wal`` and ``<db>-shm`` while it is open). Every
tokenizer it uses is built into SQLite, so any client (Datasette, the sqlite3 shell) reads all of it.
Versions 1-3 kept the word index in a side file ``<db>.words`` (its tokenizer was a Python function);
opening such a file writable folds the index into the main file and removes the side file.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import apsw

from ..errors import StoreError
from . import fts
from .base import DOC_COLUMNS, FACT_COLUMNS, SCHEMA_VERSION, Index, SQLStore, default_target, sha256, snippet

__all__ = ["DOC_COLUMNS", "FACT_COLUMNS", "MIGRATIONS", "SCHEMA_VERSION", "Store", "default_target", "sha256",
           "snippet"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    bytes INTEGER NOT NULL,
    pipeline TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    docs INTEGER NOT NULL DEFAULT 0,
    error TEXT
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    doc TEXT NOT NULL,
    title TEXT, region TEXT, level TEXT, year INTEGER, kind TEXT NOT NULL, date TEXT,
    issuer TEXT, index_no TEXT, doc_no TEXT,
    text TEXT NOT NULL,
    chars INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source_id);
CREATE INDEX IF NOT EXISTS documents_region_year ON documents(region, year);
CREATE INDEX IF NOT EXISTS documents_kind_year ON documents(kind, year);
CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    parent_id INTEGER,
    level INTEGER NOT NULL, label TEXT, title TEXT, start INTEGER, "end" INTEGER, role TEXT
);
CREATE INDEX IF NOT EXISTS sections_doc ON sections(doc_id);
CREATE TABLE IF NOT EXISTS glossary (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    term TEXT NOT NULL, definition TEXT, marker TEXT, start INTEGER, "end" INTEGER
);
CREATE INDEX IF NOT EXISTS glossary_doc ON glossary(doc_id);
CREATE INDEX IF NOT EXISTS glossary_term ON glossary(term);
CREATE TABLE IF NOT EXISTS facts (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    type TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, quote TEXT NOT NULL,
    metric TEXT, metric_key TEXT, value REAL, value_max REAL, unit TEXT,
    change REAL, change_max REAL, change_unit TEXT,
    kind TEXT, period TEXT, qualifier TEXT, region TEXT, year INTEGER,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc_id);
CREATE INDEX IF NOT EXISTS facts_metric ON facts(metric_key, region, period);
CREATE INDEX IF NOT EXISTS facts_type ON facts(type);
CREATE VIRTUAL TABLE IF NOT EXISTS doc_tri USING fts5(
    title, text, content='documents', content_rowid='id', tokenize='trigram');
"""

SCHEMA_V2 = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'moderator',
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token_sha256 TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL, region TEXT NOT NULL, contact TEXT NOT NULL,
    filename TEXT, content BLOB NOT NULL, sha256 TEXT NOT NULL, text_sha256 TEXT NOT NULL,
    preview TEXT NOT NULL,
    client TEXT, created_at REAL NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    reason TEXT, decided_by INTEGER REFERENCES users(id), decided_at REAL,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS submissions_status ON submissions(status, created_at);
CREATE INDEX IF NOT EXISTS submissions_client ON submissions(client, created_at);
CREATE INDEX IF NOT EXISTS submissions_text ON submissions(text_sha256);
CREATE INDEX IF NOT EXISTS documents_chars ON documents(chars);
"""

SCHEMA_V3 = """
CREATE INDEX IF NOT EXISTS documents_facets ON documents(id, region, year, kind, level);
"""

SCHEMA_V4 = """
DROP TABLE IF EXISTS doc_tri;
CREATE VIRTUAL TABLE doc_tri USING fts5(
    title, text, content='documents', content_rowid='id', detail=column, tokenize='trigram');
INSERT INTO doc_tri(doc_tri) VALUES ('rebuild');
CREATE VIRTUAL TABLE IF NOT EXISTS doc_words USING fts5(
    title, text, pieces, content='', tokenize='unicode61');
"""

# The trigram index without column sizes (it is never ranked) and case-sensitive (queried with GLOB,
# which then uses it): about half the cost of writing it.
SCHEMA_V5 = """
DROP TABLE IF EXISTS doc_tri;
CREATE VIRTUAL TABLE doc_tri USING fts5(
    title, text, content='documents', content_rowid='id', detail=column, columnsize=0,
    tokenize='trigram case_sensitive 1');
INSERT INTO doc_tri(doc_tri) VALUES ('rebuild');
"""

# version -> statements that bring a file from version-1 to version.
MIGRATIONS: dict[int, str] = {1: SCHEMA, 2: SCHEMA_V2, 3: SCHEMA_V3, 4: SCHEMA_V4, 5: SCHEMA_V5}



class Store(SQLStore):
    """A govlens database file. Not shared across threads; open one per thread or process."""

    backend = "sqlite"

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = self.target = str(path)
        flags = apsw.SQLITE_OPEN_READONLY if readonly else apsw.SQLITE_OPEN_READWRITE | apsw.SQLITE_OPEN_CREATE
        if readonly and not Path(self.path).exists():
            raise StoreError("no such database (run govlens ingest first)", self.path)
        try:
            self.con = apsw.Connection(self.path, flags=flags)
        except apsw.Error as e:
            raise StoreError(f"cannot open database: {e}", self.path) from None
        fts.register(self.con)
        self.con.setbusytimeout(10_000)
        self.con.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            self.con.execute("PRAGMA journal_mode = WAL")
            self.con.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
            self._sync_words()
        elif self.schema_version() < SCHEMA_VERSION:
            raise StoreError("database written by an older govlens: run govlens ingest on it once (any file) to "
                             "upgrade it", self.path)
        has_index = self._one("SELECT 1 FROM sqlite_master WHERE name = 'documents_facets'")
        # Search joins its matches here (an older file opened read-only may not have it yet).
        self._facets = "INDEXED BY documents_facets" if has_index else ""

    # --- hooks -----------------------------------------------------------------------------------

    def _rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple]:
        return self.con.execute(sql, args).fetchall()

    def _one(self, sql: str, args: Sequence[Any] = ()) -> tuple | None:
        return self.con.execute(sql, args).fetchone()

    def _run(self, sql: str, args: Sequence[Any] = ()) -> None:
        self.con.execute(sql, args)

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.con.executemany(sql, rows)

    def _insert(self, sql: str, args: Sequence[Any]) -> int:
        self.con.execute(sql, args)
        return self.con.last_insert_rowid()

    def transaction(self) -> AbstractContextManager[Any]:
        return self.con

    def idle(self) -> bool:
        return not self.con.in_transaction

    def _search_error(self) -> tuple[type[BaseException], ...]:
        return (apsw.SQLError,)

    def schema_version(self) -> int:
        return self._one("PRAGMA user_version")[0]

    def integrity(self) -> dict[str, Any]:
        """For crash tests (scripts/killtest.py): SQLite's integrity_check, each full-text index's own
        integrity-check, duplicate documents, and every stored (path, doc) pair."""
        out: dict[str, Any] = {"integrity_check": [r[0] for r in self._rows("PRAGMA integrity_check")]}
        for t in ("doc_tri", "doc_words"):
            try:
                self._run(f"INSERT INTO {t}({t}) VALUES ('integrity-check')")
                out[t] = "ok"
            except apsw.Error as e:
                out[t] = f"{type(e).__name__}: {e}"
        pairs = self._rows("SELECT s.path, d.doc FROM documents d JOIN sources s ON s.id = d.source_id")
        out["documents"] = sorted(pairs)
        out["duplicates"] = len(pairs) - len(set(pairs))
        return out

    def stats(self) -> dict[str, Any]:
        """Counts (as on PostgreSQL) and the files that make up this store, with their sizes."""
        files = {}
        for suffix in ("", "-wal", "-shm"):
            p = Path(self.path + suffix)
            if p.exists():
                files[p.name] = p.stat().st_size
        return super().stats() | {"files": files}

    def _index_docs(self, rows: list[tuple[int, str, str]]) -> None:
        self.con.executemany("INSERT INTO doc_tri(rowid, title, text) VALUES (?, ?, ?)", rows)
        self.con.executemany("INSERT INTO doc_words(rowid, title, text, pieces) VALUES (?, ?, ?, ?)",
                             [(doc_id, *_words(title, text)) for doc_id, title, text in rows])

    def _unindex_source(self, source_id: int) -> None:
        for doc_id, title, text in self._rows("SELECT id, title, text FROM documents WHERE source_id = ?", (source_id,)):
            self._run("INSERT INTO doc_tri(doc_tri, rowid, title, text) VALUES('delete', ?, ?, ?)", (doc_id, title or "", text))
            # Contentless (readable by SQLite before 3.43, which lacks contentless_delete): a row is
            # deleted by restating what was indexed, which segmentation gives again.
            self._run("INSERT INTO doc_words(doc_words, rowid, title, text, pieces) VALUES('delete', ?, ?, ?, ?)",
                      (doc_id, *_words(title, text)))

    def _indexes(self, terms: list[str]) -> list[Index]:
        """The word index first (BM25); then, when every term has 3+ characters, the trigram index
        for what segmentation split differently (substring match, no ranking: oldest first)."""
        phrases = [fts.query_words(t) for t in terms]
        out = []
        if all(phrases):
            match = " AND ".join('"' + p.replace('"', '""') + '"' for p in phrases)
            # Join, not "rowid IN (…)": FTS5 would run the MATCH once per candidate rowid.
            out.append(Index(f"doc_words f JOIN documents d {self._facets} ON d.id = f.rowid WHERE f.doc_words MATCH ?",
                             [match], "f.rank", "f.rowid", bare="doc_words f WHERE f.doc_words MATCH ?"))
        if all(len(t) >= 3 for t in terms):
            glob = " AND ".join("f.text GLOB ?" for _ in terms)
            out.append(Index(f"doc_tri f JOIN documents d {self._facets} ON d.id = f.rowid WHERE {glob}",
                             [f"*{_glob(t)}*" for t in terms], "CAST(0 AS REAL)", "f.rowid"))
        return out

    # --- schema ----------------------------------------------------------------------------------

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"database schema {version} is newer than this govlens ({SCHEMA_VERSION})", self.path)
        with self.con:
            for v in range(version + 1, SCHEMA_VERSION + 1):
                self.con.execute(MIGRATIONS[v])
                self.con.execute(f"PRAGMA user_version = {v}")

    def _sync_words(self) -> None:
        """Rebuild the word index when it does not hold every document (a version-3 file being
        upgraded, or an index emptied by hand); a version-3 side file ``<db>.words`` is then removed."""
        n_docs = self._one("SELECT count(*) FROM documents")[0]
        n_words = self._one("SELECT count(*) FROM doc_words")[0]
        if n_docs != n_words:
            with self.con:
                self.con.execute("INSERT INTO doc_words(doc_words) VALUES ('delete-all')")
                for rowid, title, text in self._rows("SELECT id, title, text FROM documents"):
                    self.con.execute("INSERT INTO doc_words(rowid, title, text, pieces) VALUES (?, ?, ?, ?)",
                                     (rowid, *_words(title, text)))
        if self.path != ":memory:":
            for side in (".words", ".words-wal", ".words-shm"):
                Path(self.path + side).unlink(missing_ok=True)

    def close(self) -> None:
        self.con.close()


def _glob(term: str) -> str:
    """A term taken literally inside a GLOB pattern."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in term)


def _words(title: str | None, text: str) -> tuple[str, str, str]:
    """The word index's columns for a document: title words, text words, pieces of both."""
    title_words, title_pieces = fts.index_text(title or "")
    text_words, text_pieces = fts.index_text(text)
    return title_words, text_words, f"{title_pieces} {text_pieces}"
