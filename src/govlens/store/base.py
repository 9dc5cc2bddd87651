"""Queries both backends share, written once in portable SQL (``?`` placeholders; the PostgreSQL
backend turns them into ``%s``). A backend supplies the connection hooks (``_rows``, ``_one``,
``_run``, ``_many``, ``_insert``, ``transaction``), the word index (``_index_docs``,
``_unindex_source``) and the search indexes to try (``_indexes``)."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from ..errors import QueryError
from ..model import Document, Indicator, Section
from ..stages.regions import canonical

SCHEMA_VERSION = 5

DOC_COLUMNS = ("title", "region", "level", "year", "kind", "date", "issuer", "index_no", "doc_no")
FACT_COLUMNS = Indicator.columns("stored")  # the indicator record's stored fields
# Columns a caller may filter on (they become SQL identifiers, so only these).
_FILTERABLE = {"d": {"id", "region", "year", "kind", "level", "source_id", "doc"},
               "f": {"doc_id", "region", "kind", "period", "metric_key", "type", "year"}}
FACETS = ("region", "year", "kind")
FACET_LIMIT = 50  # values per facet a search returns (the portal shows 12)


def default_target() -> str:
    """Where the store is when no --db is given: $GOVLENS_DB, else govlens.db here."""
    return os.environ.get("GOVLENS_DB") or "govlens.db"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Index:
    """One way to find documents for a query: ``src`` selects matching documents joined to ``d``
    (documents) with the match condition last (filters are appended with AND); ``bare`` the same
    without the join (faster when nothing is filtered); ``rank`` orders best first (lower is better)."""

    def __init__(self, src: str, args: list[Any], rank: str, ident: str = "d.id", bare: str | None = None,
                 bare_ident: str | None = None):
        self.src, self.args, self.rank, self.ident = src, args, rank, ident
        self.bare, self.bare_ident = bare, bare_ident or ident


class SQLStore:
    target: str
    backend: str

    # --- hooks ---------------------------------------------------------------------------------
    def _rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple]:
        raise NotImplementedError

    def _one(self, sql: str, args: Sequence[Any] = ()) -> tuple | None:
        rows = self._rows(sql, args)
        return rows[0] if rows else None

    def _run(self, sql: str, args: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _insert(self, sql: str, args: Sequence[Any]) -> int:
        """Run an INSERT and return the new row's id."""
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _index_docs(self, rows: list[tuple[int, str, str]]) -> None:
        raise NotImplementedError

    def _unindex_source(self, source_id: int) -> None:
        raise NotImplementedError

    def _indexes(self, terms: list[str]) -> list[Index]:
        raise NotImplementedError

    def _search_error(self) -> tuple[type[BaseException], ...]:
        return ()

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------------

    def source_state(self, digest: str) -> tuple[int, str] | None:
        row = self._one("SELECT id, pipeline FROM sources WHERE sha256 = ?", (digest,))
        return (row[0], row[1]) if row else None

    def replace_source(self, path: str, digest: str, size: int, pipeline: str, docs: list[Document],
                       error: str | None = None) -> int:
        """Store one file's documents in a single transaction (all or nothing)."""
        with self.transaction():
            return self._replace_source(path, digest, size, pipeline, docs, error)

    def replace_sources(self, items: Sequence[tuple[str, str, int, str, list[Document]]]) -> list[int]:
        with self.transaction():
            return [self._replace_source(*item) for item in items]

    def _replace_source(self, path: str, digest: str, size: int, pipeline: str, docs: list[Document],
                        error: str | None = None) -> int:
        old = self.source_state(digest)
        if old:
            self._unindex_source(old[0])
            self._run("DELETE FROM sources WHERE id = ?", (old[0],))
        source_id = self._insert(
            "INSERT INTO sources(path, sha256, bytes, pipeline, ingested_at, docs, error) VALUES (?,?,?,?,?,?,?)",
            (path, digest, size, pipeline, time.strftime("%Y-%m-%dT%H:%M:%S"), len(docs), error))
        indexed = []
        for d in docs:
            doc_id = self._insert_document(source_id, d)
            indexed.append((doc_id, d.title or "", d.text))
        self._index_docs(indexed)
        return source_id

    # Region names are the gazetteer's display names (闵行区, 嘉兴市南湖区), looked up once per document
    # by the metadata stage; a region set elsewhere (a submission) is looked up the same way here, so
    # whatever the order of ingest one place has one name and nothing is renamed afterwards.

    def _insert_document(self, source_id: int, d: Document) -> int:
        region = canonical(d.region)
        values = {c: getattr(d, c) for c in DOC_COLUMNS} | {"region": region}
        doc_id = self._insert(
            f"INSERT INTO documents(source_id, doc, {', '.join(DOC_COLUMNS)}, text, chars) "
            f"VALUES (?, ?, {', '.join('?' * len(DOC_COLUMNS))}, ?, ?)",
            (source_id, d.id, *(values[c] for c in DOC_COLUMNS), d.text, len(d.text)),
        )

        def add_section(s: Section, parent: int | None) -> None:
            me = self._insert(
                'INSERT INTO sections(doc_id, parent_id, level, label, title, start, "end", role) VALUES (?,?,?,?,?,?,?,?)',
                (doc_id, parent, s.level, s.label, s.title, s.start, s.end, s.role),
            )
            for c in s.children:
                add_section(c, me)

        for s in d.sections:
            add_section(s, None)
        if d.glossary:
            self._many('INSERT INTO glossary(doc_id, term, definition, marker, start, "end") VALUES (?,?,?,?,?,?)',
                       [(doc_id, g.term, g.definition, g.marker, g.start, g.end) for g in d.glossary])
        rows = []
        for n, f in enumerate(d.facts):
            data = f.to_dict(d.id)
            if d.region and data.get("region") == d.region and region != d.region:
                data["region"] = region
            rows.append((doc_id, n, f.type, f.start, f.end, f.quote,
                         *(data.get(c) for c in FACT_COLUMNS), d.year, json.dumps(data, ensure_ascii=False)))
        if rows:
            self._many(
                f'INSERT INTO facts(doc_id, n, type, start, "end", quote, {", ".join(FACT_COLUMNS)}, year, data) '
                f"VALUES ({', '.join('?' * (8 + len(FACT_COLUMNS)))})",
                rows,
            )
        return doc_id

    # --- documents -------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("sources", "documents", "facts", "glossary"):
            out[table] = self._one(f"SELECT count(*) FROM {table}")[0]
        return out

    def stats(self) -> dict[str, Any]:
        from ..pipeline import VERSION

        out: dict[str, Any] = {"backend": self.backend, "schema_version": self.schema_version(),
                               "pipeline_version": VERSION}
        for table in ("sources", "documents", "sections", "glossary", "facts"):
            out[table] = self._one(f"SELECT count(*) FROM {table}")[0]
        out["facts_by_type"] = dict(self._rows("SELECT type, count(*) FROM facts GROUP BY type ORDER BY type"))
        out["regions"] = self._one("SELECT count(DISTINCT region) FROM documents WHERE region IS NOT NULL")[0]
        out["chars"] = self._one("SELECT coalesce(sum(chars), 0) FROM documents")[0]
        out["pipelines"] = dict(self._rows("SELECT pipeline, count(*) FROM sources GROUP BY pipeline ORDER BY pipeline"))
        return out

    def schema_version(self) -> int:
        raise NotImplementedError

    def data_version(self) -> tuple:
        """Changes whenever what an anonymous reader sees may have changed (documents stored or
        replaced, submissions decided): the portal's page cache keys on it."""
        return tuple(self._one("SELECT (SELECT count(*) FROM sources), (SELECT max(id) FROM sources), "
                               "(SELECT count(*) FROM submissions WHERE status != 'pending')"))

    def documents(self, order: str = "region", limit: int | None = None, offset: int = 0,
                  **filters: Any) -> list[dict[str, Any]]:
        """Documents matching the filters, by region and year (``order="latest"``: newest year first)."""
        where, args = _filters(filters, "d")
        by = ("d.year DESC NULLS LAST, d.id DESC" if order == "latest"
              else "d.region NULLS FIRST, d.year NULLS FIRST, d.id")
        page = ""
        if limit is not None:
            page = " LIMIT ? OFFSET ?"
            args += [limit, offset]
        sql = (f"SELECT d.id, d.doc, s.path, {', '.join('d.' + c for c in DOC_COLUMNS)}, d.chars "
               f"FROM documents d JOIN sources s ON s.id = d.source_id {where} ORDER BY {by}{page}")
        cols = ("id", "doc", "source", *DOC_COLUMNS, "chars")
        return [dict(zip(cols, r, strict=True)) for r in self._rows(sql, args)]

    def document(self, doc_id: int) -> dict[str, Any] | None:
        row = self._one(
            f"SELECT d.id, d.doc, s.path, {', '.join('d.' + c for c in DOC_COLUMNS)}, d.text "
            "FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.id = ?", (doc_id,))
        if not row:
            return None
        return dict(zip(("id", "doc", "source", *DOC_COLUMNS, "text"), row, strict=True))

    def find_document(self, ident: str) -> int | None:
        """A document's id from its numeric id or its ``doc`` name (the latest stored)."""
        row = None
        if ident.isdigit() and len(ident) < 18:
            row = self._one("SELECT id FROM documents WHERE id = ?", (int(ident),))
        if row is None:
            row = self._one("SELECT id FROM documents WHERE doc = ? ORDER BY id DESC", (ident,))
        return row[0] if row else None

    def document_ids(self, names: Sequence[str]) -> dict[str, int]:
        names = list(names)
        if not names:
            return {}
        return dict(self._rows(f"SELECT doc, id FROM documents WHERE doc IN ({','.join('?' * len(names))})", names))

    def document_text(self, name: str) -> str | None:
        row = self._one("SELECT text FROM documents WHERE doc = ? ORDER BY id DESC", (name,))
        return row[0] if row else None

    def source_documents(self, source_id: int) -> list[dict[str, Any]]:
        return [{"id": i, "title": t} for i, t in
                self._rows("SELECT id, title FROM documents WHERE source_id = ? ORDER BY id", (source_id,))]

    def count_documents(self, region: str | None = None, year: int | None = None, kind: str | None = None) -> int:
        where, args = _filters({"region": region, "year": year, "kind": kind}, "d")
        return self._one(f"SELECT count(*) FROM documents d {where}", args)[0]

    def regions(self) -> list[str]:
        return [r for (r,) in self._rows("SELECT DISTINCT region FROM documents WHERE region IS NOT NULL ORDER BY region")]

    def region_counts(self) -> list[tuple[str, str | None, int]]:
        """(region, level, documents) for every region, by level then name."""
        return [tuple(r) for r in self._rows(
            "SELECT region, min(level), count(*) FROM documents WHERE region IS NOT NULL "
            "GROUP BY region ORDER BY min(level), region")]

    def latest_report_year(self, region: str) -> int | None:
        """The newest work report's year of a region (or of a stored name ending with it)."""
        row = self._one("SELECT max(year) FROM documents WHERE (region = ? OR region LIKE ?) AND kind = 'work_report'",
                        (region, "%" + _like(region)))
        return row[0] if row else None

    def report_years(self) -> set[tuple[str, int]]:
        return {(r, y) for r, y in self._rows(
            "SELECT DISTINCT region, year FROM documents WHERE kind = 'work_report' AND region IS NOT NULL")}

    def sections(self, doc_id: int, top_only: bool = False) -> list[dict[str, Any]]:
        cols = ("id", "parent_id", "level", "label", "title", "start", "end", "role")
        top = " AND parent_id IS NULL" if top_only else ""
        return [dict(zip(cols, r, strict=True)) for r in self._rows(
            f'SELECT id, parent_id, level, label, title, start, "end", role FROM sections WHERE doc_id = ?{top} '
            "ORDER BY start, id", (doc_id,))]

    def all_documents(self) -> Iterator[dict[str, Any]]:
        for (doc_id,) in self._rows("SELECT id FROM documents ORDER BY id"):
            d = self.document(doc_id)
            assert d is not None
            d["sections"] = [{k: v for k, v in s.items() if k not in ("id", "parent_id")} for s in self.sections(doc_id)]
            d["glossary"] = self.glossary(doc_id=doc_id, limit=100_000)
            d["facts"] = [{k: v for k, v in f.items() if k not in ("doc_id",)} for f in self.facts(doc_id=doc_id)]
            yield d

    # --- facts -----------------------------------------------------------------------------------

    def facts(self, type_: str | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        where, args = _filters(filters, "f")
        if type_:
            where += (" AND " if where else "WHERE ") + "f.type = ?"
            args.append(type_)
        sql = (f"SELECT f.data, d.doc, d.id, d.year, d.title FROM facts f JOIN documents d ON d.id = f.doc_id "
               f"{where} ORDER BY f.doc_id, f.n")
        for data, doc, doc_id, year, title in self._rows(sql, args):
            yield json.loads(data) | {"doc_id": doc_id, "doc_year": year, "doc_title": title, "doc": doc}

    def facts_within(self, doc_id: int, start: int, end: int) -> list[dict[str, Any]]:
        """One document's facts whose span lies inside [start, end) (a page of a long document)."""
        sql = ('SELECT f.data, d.doc, d.id, d.year, d.title FROM facts f JOIN documents d ON d.id = f.doc_id '
               'WHERE f.doc_id = ? AND f.start >= ? AND f."end" <= ? ORDER BY f.n')
        return [json.loads(data) | {"doc_id": i, "doc_year": year, "doc_title": title, "doc": doc}
                for data, doc, i, year, title in self._rows(sql, (doc_id, start, end))]

    def fact_counts(self, doc_id: int) -> dict[str, int]:
        """How many facts of each type one document holds."""
        return dict(self._rows("SELECT type, count(*) FROM facts WHERE doc_id = ? GROUP BY type", (doc_id,)))

    def indicators(self, metric_key: str | None = None, metric_like: str | None = None, *,
                   kind: str | None = None, level: str | None = None, period: str | None = None,
                   region: str | None = None, region_suffix: str | None = None,
                   order: str = "latest") -> list[dict[str, Any]]:
        """Indicator facts of one metric (by key, or by words in its name), with their document's
        name, id, year, level, title and kind. ``order="latest"``: latest report first;
        ``"reports"``: work reports first, then latest. ``region_suffix`` also matches a stored
        name that ends with it (明澜区 -> 云溪市明澜区)."""
        # Only indicator facts carry a metric: with one asked, naming the type too would make SQLite walk
        # facts_type (every indicator, ~20 ms) instead of facts_metric (~0.1 ms).
        cond, args = (["f.type = 'indicator'"] if metric_key is None and metric_like is None else ["1 = 1"]), []
        if metric_key is not None:
            cond.append("f.metric_key = ?")
            args.append(metric_key)
        if metric_like is not None:
            cond.append("f.metric LIKE ?")
            args.append(f"%{_like(metric_like)}%")
        for col, val in (("f.kind", kind), ("d.level", level), ("f.period", period), ("f.region", region)):
            if val is not None:
                cond.append(f"{col} = ?")
                args.append(val)
        if region_suffix is not None:
            cond.append("(f.region = ? OR f.region LIKE ?)")
            args += [region_suffix, "%" + _like(region_suffix)]
        by = ("CASE WHEN d.kind = 'work_report' THEN 0 ELSE 1 END, d.year DESC NULLS LAST, f.doc_id, f.n"
              if order == "reports" else "d.year DESC NULLS LAST, f.doc_id, f.n")
        sql = ("SELECT f.data, d.doc, d.id, d.year, d.level, d.title, d.kind FROM facts f "
               f"JOIN documents d ON d.id = f.doc_id WHERE {' AND '.join(cond)} ORDER BY {by}")
        return [json.loads(data) | {"doc": doc, "doc_id": doc_id, "doc_year": year, "level": lvl, "doc_title": title,
                                    "doc_kind": dkind}
                for data, doc, doc_id, year, lvl, title, dkind in self._rows(sql, args)]

    def targets(self, region: str | None = None, metric_key: str | None = None,
                metric_like: str | None = None, year: int | None = None, keyless: bool = False) -> list[dict[str, Any]]:
        """A work report's targets for its own year, by region, metric and year (``year``: that year only).
        A forecast for the report's own year (预计全年为经营主体降低成本超过…) is an aim for it too.
        ``keyless``: the targets whose measure has no lexicon key (and has a name) instead."""
        has_key = "f.metric_key IS NULL AND f.metric IS NOT NULL" if keyless else "f.metric_key IS NOT NULL"
        cond = (f"f.type = 'indicator' AND f.kind IN ('target', 'forecast') AND {has_key} AND d.kind = 'work_report' "
                "AND f.period = CAST(d.year AS TEXT)")
        args: list[Any] = []
        if region:
            cond += " AND f.region = ?"
            args.append(region)
        if metric_key:
            cond += " AND f.metric_key = ?"
            args.append(metric_key)
        if metric_like:
            cond += " AND f.metric LIKE ?"
            args.append(f"%{_like(metric_like)}%")
        if year is not None:
            cond += " AND d.year = ?"
            args.append(year)
        return [json.loads(data) | {"doc_year": y} for data, y in self._rows(
            f"SELECT f.data, d.year FROM facts f JOIN documents d ON d.id = f.doc_id WHERE {cond} "
            "ORDER BY f.region, f.metric_key, d.year, f.doc_id, f.n", args)]

    def outcomes(self, region: str, metric_key: str | None, period: str, report_year: int) -> list[dict[str, Any]]:
        """What the work report of ``report_year`` says happened (or is forecast) for a period;
        ``metric_key`` None: the figures whose measure has no lexicon key (and has a name)."""
        key_cond, args = ("f.metric_key IS NULL AND f.metric IS NOT NULL", (region, period, report_year)) if metric_key is None \
            else ("f.metric_key = ?", (region, metric_key, period, report_year))
        where = (f"WHERE f.type = 'indicator' AND f.region = ? AND {key_cond} AND f.period = ? "
                 "AND f.kind IN ('actual', 'forecast') AND d.year = ? AND d.kind = 'work_report'")
        return [json.loads(data) for (data,) in self._rows(
            f"SELECT f.data FROM facts f JOIN documents d ON d.id = f.doc_id {where} ORDER BY f.n, f.doc_id", args)]

    def fact_span(self, doc: str, quote: str) -> list[int] | None:
        row = self._one('SELECT f.start, f."end" FROM facts f JOIN documents d ON d.id = f.doc_id '
                        "WHERE d.doc = ? AND f.quote = ? ORDER BY f.id LIMIT 1", (doc, quote))
        return [row[0], row[1]] if row else None

    # --- glossary --------------------------------------------------------------------------------

    def glossary(self, q: str | None = None, limit: int = 200, doc_id: int | None = None,
                 offset: int = 0) -> list[dict[str, Any]]:
        sql = ('SELECT g.term, g.definition, g.marker, g.start, g."end", d.id, d.doc, d.region, d.year FROM glossary g '
               "JOIN documents d ON d.id = g.doc_id WHERE 1=1")
        args: list[Any] = []
        if q:
            sql += " AND (g.term LIKE ? OR g.definition LIKE ?)"
            args += [f"%{_like(q)}%", f"%{_like(q)}%"]
        if doc_id is not None:
            sql += " AND g.doc_id = ? ORDER BY g.start, g.id"
            args.append(doc_id)
        else:
            sql += " ORDER BY g.term, d.year DESC, g.id"
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
        cols = ("term", "definition", "marker", "start", "end", "doc_id", "doc", "region", "year")
        return [dict(zip(cols, r, strict=True)) for r in self._rows(sql, args)]

    def glossary_count(self, q: str | None = None) -> int:
        """How many glossary entries :meth:`glossary` pages through for ``q``."""
        sql, args = "SELECT count(*) FROM glossary g", []
        if q:
            sql += " WHERE g.term LIKE ? OR g.definition LIKE ?"
            args = [f"%{_like(q)}%", f"%{_like(q)}%"]
        return self._one(sql, args)[0]

    def glossary_term(self, term: str) -> dict[str, Any] | None:
        """The entry whose term is ``term`` (quotes aside), else the shortest one containing it."""
        row = self._one(
            'SELECT g.term, g.definition, g.start, g."end", d.doc, d.text FROM glossary g JOIN documents d '
            "ON d.id = g.doc_id WHERE replace(replace(g.term, '“', ''), '”', '') = ? OR g.term LIKE ? "
            "ORDER BY length(g.term), g.id LIMIT 1", (term, f"%{_like(term)}%"))
        if not row:
            return None
        return {"term": row[0], "definition": row[1], "span": [row[2], row[3]], "doc": row[4],
                "quote": row[5][row[2] : row[3]]}

    # --- search ----------------------------------------------------------------------------------

    def search(self, query: str, region: str | None = None, year: int | None = None, kind: str | None = None,
               level: str | None = None, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Best first over the word index (the trigram index when segmentation finds nothing).

        Each whitespace-separated term is matched as a phrase, so user input is never query syntax
        and a stray quote or bracket cannot turn into an SQL error."""
        terms = _terms(query)
        if limit < 1 or limit > 1000 or offset < 0:
            raise QueryError("limit must be 1-1000 and offset >= 0")
        where, args = _filters({"region": region, "year": year, "kind": kind, "level": level}, "d")
        ranked: list[tuple] = []
        for index in self._indexes(terms):
            ranked = self._rank(index, where, args, limit, offset)
            if ranked:
                break
        return self._hits(ranked, terms)

    def _rank(self, ix: Index, where: str, args: list[Any], limit: int, offset: int) -> list[tuple]:
        if where or ix.bare is None:
            sql = (f"SELECT {ix.ident}, {ix.rank} FROM {ix.src} {where.replace('WHERE', 'AND', 1)} "
                   f"ORDER BY {ix.rank}, {ix.ident} LIMIT ? OFFSET ?")
        else:
            sql = f"SELECT {ix.bare_ident}, {ix.rank} FROM {ix.bare} ORDER BY {ix.rank} LIMIT ? OFFSET ?"
        try:
            return self._rows(sql, [*ix.args, *args, limit, offset])
        except self._search_error() as e:
            raise QueryError(f"cannot search for that: {e}") from None

    def _hits(self, ranked: list[tuple], terms: list[str]) -> list[dict[str, Any]]:
        if not ranked:
            return []
        ids = [r[0] for r in ranked]
        rows = {r[0]: r for r in self._rows(
            f"SELECT id, doc, title, region, year, kind, text FROM documents WHERE id IN ({','.join('?' * len(ids))})",
            ids)}
        return [
            {"id": i, "doc": rows[i][1], "title": rows[i][2], "region": rows[i][3], "year": rows[i][4],
             "kind": rows[i][5], "score": round(-float(score), 6), "snippet": snippet(rows[i][6], terms)}
            for i, score in ranked
        ]

    def search_page(self, query: str, limit: int = 20, offset: int = 0,
                    **filters: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """One page of hits and the facets of all matches (count, then the commonest regions, years
        and kinds), counted in SQL: what the search page shows."""
        terms = _terms(query)
        where, args = _filters(filters, "d")
        cond = where.replace("WHERE", "AND", 1)
        stats: dict[str, Any] = {"total": 0, **{k: [] for k in FACETS}}
        for index in self._indexes(terms):
            m = f"SELECT d.region, d.year, d.kind FROM {index.src} {cond}"
            parts = ["SELECT 'total', NULL, count(*) FROM m"]
            for key in FACETS:
                value = "CAST(year AS TEXT)" if key == "year" else key
                parts.append(f"SELECT * FROM (SELECT '{key}', {value}, count(*) AS n FROM m WHERE {key} IS NOT NULL "
                             f"GROUP BY {key} ORDER BY n DESC, {value} LIMIT {FACET_LIMIT}) AS {key}_facet")
            sql = f"WITH m AS MATERIALIZED ({m}) " + " UNION ALL ".join(parts)
            try:
                rows = self._rows(sql, [*index.args, *args])
            except self._search_error() as e:
                raise QueryError(f"cannot search for that: {e}") from None
            stats = {"total": 0, **{k: [] for k in FACETS}}
            for key, value, n in rows:
                if key == "total":
                    stats["total"] = n
                else:
                    stats[key].append((int(value) if key == "year" else value, n))
            if stats["total"]:
                hits = self._hits(self._rank(index, where, args, limit, offset), terms) if limit > 0 else []
                return hits, stats
        return [], stats

    def search_stats(self, query: str, **filters: Any) -> dict[str, Any]:
        """How many documents match, and how they spread over region, year and kind (search facets)."""
        return self.search_page(query, limit=0, **filters)[1]

    # --- users and sessions ----------------------------------------------------------------------

    def add_user(self, name: str, password_hash: str, role: str, created_at: str) -> int | None:
        """The new user's id, or None when the name is taken."""
        with self.transaction():
            if self._one("SELECT 1 FROM users WHERE name = ?", (name,)):
                return None
            return self._insert("INSERT INTO users(name, password, role, created_at) VALUES (?, ?, ?, ?)",
                                (name, password_hash, role, created_at))

    def remove_user(self, name: str) -> bool:
        with self.transaction():
            if not self._one("SELECT 1 FROM users WHERE name = ?", (name,)):
                return False
            self._run("DELETE FROM users WHERE name = ?", (name,))
            return True

    def users(self) -> list[dict[str, Any]]:
        cols = ("id", "name", "role", "created_at")
        return [dict(zip(cols, r, strict=True)) for r in self._rows("SELECT id, name, role, created_at FROM users ORDER BY name")]

    def user_password(self, name: str) -> tuple[int, str] | None:
        row = self._one("SELECT id, password FROM users WHERE name = ?", (name,))
        return (row[0], row[1]) if row else None

    def open_session(self, token_sha256: str, user_id: int, expires: float, now: float) -> None:
        with self.transaction():
            self._run("DELETE FROM sessions WHERE expires < ?", (now,))
            self._run("INSERT INTO sessions(token_sha256, user_id, expires) VALUES (?, ?, ?)",
                      (token_sha256, user_id, expires))

    def session_user(self, token_sha256: str, now: float) -> dict[str, Any] | None:
        row = self._one("SELECT u.id, u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id "
                        "WHERE s.token_sha256 = ? AND s.expires > ?", (token_sha256, now))
        return dict(zip(("id", "name", "role"), row, strict=True)) if row else None

    def close_session(self, token_sha256: str) -> None:
        with self.transaction():
            self._run("DELETE FROM sessions WHERE token_sha256 = ?", (token_sha256,))

    # --- throttles (harden) ------------------------------------------------------------------------

    def throttle_allow(self, scope: str, key: str, limit: int, window: float, now: float) -> bool:
        """Count one event for ``(scope, key)`` unless ``limit`` happened in the last ``window`` seconds;
        True when allowed. In the database so every worker process shares the count."""
        with self.transaction():
            if not getattr(self, "_throttle_table", False):
                self._run("CREATE TABLE IF NOT EXISTS throttle_events (scope TEXT NOT NULL, key TEXT NOT NULL, "
                          "at DOUBLE PRECISION NOT NULL)")
                self._run("CREATE INDEX IF NOT EXISTS throttle_events_key ON throttle_events(scope, key, at)")
                self._throttle_table = True
            self._run("DELETE FROM throttle_events WHERE scope = ? AND at <= ?", (scope, now - window))
            n = self._one("SELECT count(*) FROM throttle_events WHERE scope = ? AND key = ?", (scope, key))[0]
            if n >= limit:
                return False
            self._run("INSERT INTO throttle_events(scope, key, at) VALUES (?, ?, ?)", (scope, key, now))
            return True

    # --- submissions -----------------------------------------------------------------------------

    def recent_submissions(self, client: str, since: float) -> int:
        return self._one("SELECT count(*) FROM submissions WHERE client = ? AND created_at > ?", (client, since))[0]

    def is_duplicate(self, text_sha256: str, sha256: str, texts: Sequence[str]) -> bool:
        """A submission already queued with this text, a file stored with these bytes, or a stored
        document with one of these texts."""
        return bool(self._one("SELECT 1 FROM submissions WHERE text_sha256 = ? AND status != 'rejected'", (text_sha256,))
                    or self._one("SELECT 1 FROM sources WHERE sha256 = ?", (sha256,))
                    or any(self._one("SELECT 1 FROM documents WHERE chars = ? AND text = ?", (len(t), t)) for t in texts))

    _SUBMISSION = ("token", "title", "region", "contact", "filename", "content", "sha256", "text_sha256", "preview",
                   "client", "created_at")

    def add_submission(self, row: dict[str, Any]) -> int:
        with self.transaction():
            return self._insert(
                f"INSERT INTO submissions({', '.join(self._SUBMISSION)}) VALUES ({','.join('?' * len(self._SUBMISSION))})",
                [self._blob(row[c]) if c == "content" else row[c] for c in self._SUBMISSION])

    def _blob(self, data: bytes) -> Any:
        return data

    _SUBMISSION_COLS = frozenset({"id", "token", "title", "region", "contact", "filename", "content", "sha256", "text_sha256",
                        "preview", "client", "created_at", "status", "reason", "decided_by", "decided_at", "source_id"})

    def submission(self, *, sid: int | None = None, token: str | None = None,
                   columns: Sequence[str]) -> dict[str, Any] | None:
        assert set(columns) <= self._SUBMISSION_COLS
        key, value = ("id", sid) if sid is not None else ("token", token)
        row = self._one(f"SELECT {', '.join(columns)} FROM submissions WHERE {key} = ?", (value,))
        if not row:
            return None
        out = dict(zip(columns, row, strict=True))
        if "content" in out and out["content"] is not None:
            out["content"] = bytes(out["content"])
        return out

    def submissions(self, status: str, columns: Sequence[str], limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        assert set(columns) <= self._SUBMISSION_COLS
        return [dict(zip(columns, r, strict=True)) for r in self._rows(
            f"SELECT {', '.join(columns)} FROM submissions WHERE status = ? ORDER BY created_at, id LIMIT ? OFFSET ?",
            (status, limit, offset))]

    def submission_counts(self) -> dict[str, int]:
        """How many submissions are pending, approved and rejected."""
        return dict(self._rows("SELECT status, count(*) FROM submissions GROUP BY status"))

    def approve_submission(self, sid: int, user_id: int, now: float, path: str, digest: str, size: int,
                           pipeline: str, docs: list[Document]) -> int:
        """Store the submission's documents and mark it approved, in one transaction; the source id."""
        with self.transaction():
            source_id = self._replace_source(path, digest, size, pipeline, docs)
            self._run("UPDATE submissions SET status = 'approved', decided_by = ?, decided_at = ?, source_id = ? "
                      "WHERE id = ?", (user_id, now, source_id, sid))
            return source_id

    def reject_submission(self, sid: int, user_id: int, reason: str, now: float) -> bool:
        with self.transaction():
            if not self._one("SELECT 1 FROM submissions WHERE id = ? AND status = 'pending'", (sid,)):
                return False
            self._run("UPDATE submissions SET status = 'rejected', reason = ?, decided_by = ?, decided_at = ? "
                      "WHERE id = ?", (reason, user_id, now, sid))
            return True


def snippet(text: str, terms: list[str], width: int = 60) -> str:
    """A window around the first match, every query term wrapped in 【】."""
    hits = [(text.find(t), t) for t in terms if t in text]
    pos = min((p for p, _ in hits), default=0)
    start = max(0, pos - width // 3)
    piece = text[start : start + width].replace("\n", " ")
    for t in sorted({t for _, t in hits}, key=len, reverse=True):
        piece = piece.replace(t, f"【{t}】")
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def _terms(query: str) -> list[str]:
    terms = [t for t in query.split() if t.strip()]
    if not terms:
        raise QueryError("empty query")
    if len(terms) > 16 or len(query) > 200:
        raise QueryError("query too long (at most 16 terms, 200 characters)")
    return terms


def _like(s: str) -> str:
    """A value placed inside a LIKE pattern (as before: % and _ in it keep their meaning)."""
    return s


def _filters(filters: dict[str, Any], alias: str) -> tuple[str, list[Any]]:
    clauses, args = [], []
    for key, value in filters.items():
        if value is None:
            continue
        if key not in _FILTERABLE[alias]:
            raise QueryError(f"cannot filter on {key!r}")
        clauses.append(f"{alias}.{key} = ?")
        args.append(value)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", args
