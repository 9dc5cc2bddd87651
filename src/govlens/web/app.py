"""FastAPI app factory: JSON API under /api, server-rendered Chinese pages, 投稿 with moderation.

Every page and response carries a Content-Security-Policy that allows only this origin's own files
(no inline script, no CDN); Jinja2 escapes every piece of document text, so markup inside a document
stays text. Reads use a read-only connection per request; writes (submissions, moderation, logins)
a read-write one.
"""


import csv
import io
import os
import queue
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import GovlensError, QueryError
from ..model import Indicator
from ..store import default_target, open_store
from ..store.api import StoreAPI as Store
from ..submissions import Rules
from . import moderation
from .cache import PageCache
from .render import (
    PAGE_ROWS,
    chart_answer,
    chart_compare,
    chart_track,
    fact_kind_zh,
    link_figures,
    mark_words,
    page_at,
    public,
    rule_zh,
    text_page,
    text_pages,
    tracked_figure,
)
from .security import BodyLimit, Headers, csrf_token

PAGE = 20  # search results per page
# Integer parameters are bounded so absurd values get 422, not an OverflowError (500) in the store.
MAX_OFFSET = 1_000_000
MAX_PAGE = 100_000
# the tracker's verdict filters: one verdict, or the decided ones
TRACK_VERDICTS = {"met": ("met",), "missed": ("missed",), "unclear": ("unclear",), "pending": ("pending",),
                  "decided": ("met", "missed"), "all": ("met", "missed", "unclear", "pending")}
Year = Annotated[int | None, Query(ge=1000, le=9999)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
RowId = Annotated[int, Path(ge=1, le=2**62)]
SearchQ = Annotated[str, Query(min_length=1, max_length=500, description="Words to find (not empty).")]
# Codes any API route can answer besides its own: in the schema, so clients (and schemathesis) know them.
COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"description": "Request body too large"},
    503: {"description": "The store cannot be opened"},
}
POOL_IDLE = 16  # read-only connections kept open between requests, per process
KINDS_ZH = {"work_report": "政府工作报告", "press": "新闻发布会", "regulation": "法规规章", "glossary": "名词解释",
            "news": "新闻", "other": "其他"}


def create_app(db_path: str | None = None, rules: Rules | None = None, cache: bool = True) -> FastAPI:
    rules = rules or Rules.load()
    app = FastAPI(title="govlens", version="0.1.0", docs_url=None, redoc_url=None, lifespan=_lifespan,
                  responses=COMMON_RESPONSES,
                  description="Chinese government documents: documents, facts, search, compare, track, ask, 投稿.")
    base = resources.files("govlens").joinpath("web")
    templates = Jinja2Templates(directory=str(base.joinpath("templates")))
    templates.env.filters["kind_zh"] = lambda k: KINDS_ZH.get(k, k)
    templates.env.filters["mark_words"] = lambda text, words: Markup(mark_words(text, words or []))
    templates.env.filters["link_figures"] = lambda text, cites, ids: Markup(link_figures(text, cites or [], ids or {}))
    templates.env.filters["fact_kind_zh"] = fact_kind_zh
    templates.env.filters["rule_zh"] = rule_zh
    templates.env.filters["tracked"] = tracked_figure
    app.mount("/static", StaticFiles(directory=str(base.joinpath("static"))), name="static")
    db_path = db_path or default_target()
    open_store(db_path).close()  # create the file or bring its schema up to date, once, before serving
    # Outermost last: headers on everything, then the body limit, then the cache of anonymous reads.
    if cache:
        app.add_middleware(PageCache, db_path=db_path)
    app.add_middleware(BodyLimit, max_bytes=rules.file_max_bytes + 512 * 1024)

    pool: queue.SimpleQueue[Store] = queue.SimpleQueue()  # idle read-only connections, one request each

    def store() -> Iterator[Store]:
        try:
            s = pool.get_nowait()
        except queue.Empty:
            try:
                s = open_store(db_path, readonly=True)
            except GovlensError as e:
                raise HTTPException(503, str(e)) from None
        try:
            yield s
        finally:
            # PostgreSQL pools its connections itself (psycopg_pool): an idle store kept here would hold
            # one of them and starve the others.
            if s.backend == "sqlite" and pool.qsize() < POOL_IDLE and s.idle():
                pool.put(s)  # every query here reads to the end, so no read snapshot is left open
            else:
                s.close()

    S = Annotated[Store, Depends(store)]

    app.add_middleware(Headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith(("/api/", "/static/", "/openapi")):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail,
                                                                  "user": None, "csrf": lambda: ""},
                                          status_code=exc.status_code)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError):
        return JSONResponse({"detail": exc.message}, status_code=400)

    # --- API ---------------------------------------------------------------------------------------

    @app.get("/api/search", summary="Full-text search, best first",
             responses={400: {"description": "The query cannot be searched"}})
    def api_search(s: S, q: SearchQ, region: str | None = None, year: Year = None, kind: str | None = None,
                   level: str | None = None, limit: Annotated[int, Query(ge=1, le=100)] = 20,
                   offset: Offset = 0) -> list[dict[str, Any]]:
        return s.search(q, region=region, year=year, kind=kind, level=level, limit=limit, offset=offset)

    @app.get("/api/search/facets", summary="Match count and its spread over region, year and kind",
             responses={400: {"description": "The query cannot be searched"}})
    def api_search_facets(s: S, q: SearchQ, region: str | None = None, year: Year = None,
                          kind: str | None = None, level: str | None = None) -> dict[str, Any]:
        return s.search_stats(q, region=region, year=year, kind=kind, level=level)

    @app.get("/api/documents", summary="Documents, filtered and paginated")
    def api_documents(s: S, region: str | None = None, year: Year = None, kind: str | None = None,
                      level: str | None = None, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                      offset: Offset = 0) -> list[dict[str, Any]]:
        return [public(d) for d in s.documents(region=region, year=year, kind=kind, level=level, limit=limit, offset=offset)]

    @app.get("/api/documents/{doc_id}", summary="One document with its text, sections and facts",
             responses={404: {"description": "No document with this id"}})
    def api_document(s: S, doc_id: RowId) -> dict[str, Any]:
        d = s.document(doc_id)
        if not d:
            raise HTTPException(404, "no such document")
        return public(d) | {"facts": list(s.facts(doc_id=doc_id)), "sections": _sections(s, doc_id)}

    @app.get("/api/facts", summary="Facts, filtered and paginated")
    def api_facts(s: S, type: str | None = None, metric_key: str | None = None, region: str | None = None,
                  period: str | None = None, kind: str | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                  offset: Offset = 0) -> list[dict[str, Any]]:
        rows = s.facts(type, metric_key=metric_key, region=region, period=period, kind=kind)
        return [r for i, r in enumerate(rows) if offset <= i < offset + limit]

    @app.get("/api/compare", summary="One metric across regions")
    def api_compare(s: S, metric: str, year: Year = None, kind: str | None = None,
                    level: str | None = None) -> list[dict[str, Any]]:
        from ..analysis.compare import compare

        return compare(s, metric, year=year, kind=kind, level=level)

    @app.get("/api/track", summary="Targets against next year's outcomes")
    def api_track(s: S, region: str | None = None, metric: str | None = None, year: Year = None,
                  verdict: Annotated[str | None, Query(pattern="^(met|missed|unclear|pending|decided|all)$")] = None,
                  limit: Annotated[int, Query(ge=1, le=5000)] = 500,
                  offset: Offset = 0) -> list[dict[str, Any]]:
        """``verdict``: met, missed, unclear, pending, decided (met or missed) or all (the default)."""
        from ..analysis.track import track

        rows = track(s, region=region, metric=metric, year=year)
        if verdict and verdict != "all":
            rows = [r for r in rows if r["verdict"] in TRACK_VERDICTS[verdict]]
        return rows[offset : offset + limit]

    @app.get("/api/glossary", summary="Glossary terms and definitions")
    def api_glossary(s: S, q: str | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 200,
                     offset: Offset = 0) -> list[dict]:
        return _glossary(s, q, limit, offset=offset)

    @app.get("/api/ask", summary="Answer a question from the library, with citations")
    def api_ask(s: S, q: Annotated[str, Query(min_length=1, max_length=200)]) -> dict[str, Any]:
        from ..analysis.ask import ask

        return ask(s, q).to_dict()

    # --- pages -------------------------------------------------------------------------------------

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        return templates.TemplateResponse(request, "api_docs.html", {})

    def page(request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        user = moderation.current_user(request, db_path)
        # The CSRF token is minted only by a page that renders a form, so other pages carry no cookie
        # and can be cached (see PageCache).
        return templates.TemplateResponse(request, name, {"user": user, "csrf": lambda: csrf_token(request), **ctx},
                                          status_code=status_code)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, s: S):
        regions = s.region_counts()
        latest = s.documents(order="latest", limit=12)
        return page(request, "home.html", counts=s.counts(), regions=regions, latest=latest)

    @app.get("/region/{name}", response_class=HTMLResponse, include_in_schema=False)
    def region_page(request: Request, s: S, name: str):
        docs = s.documents(region=name, order="latest")
        if not docs:
            raise HTTPException(404, "no documents for that region")
        years: dict[Any, list[dict[str, Any]]] = {}
        for d in docs:
            years.setdefault(d["year"] or "年份不明", []).append(d)
        return page(request, "region.html", region=name, years=years, n=len(docs))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, s: S, q: str = "", region: str = "", year: Year = None,
                    kind: str = "", p: Annotated[int, Query(ge=1, le=500)] = 1):
        hits, stats, error = [], None, None
        filters = {"region": region or None, "year": year, "kind": kind or None}
        if q.strip():
            try:
                hits, stats = s.search_page(q, limit=PAGE, offset=(p - 1) * PAGE, **filters)
            except QueryError as e:
                error = e.message
        pages = -(-stats["total"] // PAGE) if stats else 0
        return page(request, "search.html", q=q, hits=hits, stats=stats, error=error, region=region,
                    year=year or "", kind=kind, p=p, pages=pages)

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def doc_page(request: Request, s: S, doc_id: RowId, at: str = "", p: Annotated[int | None, Query(ge=1, le=MAX_PAGE)] = None):
        d = s.document(doc_id)
        if not d:
            raise HTTPException(404, "no such document")
        counts = s.fact_counts(doc_id)
        glossary = _glossary(s, None, 100_000, doc_id=doc_id)
        sections = _sections(s, doc_id)
        m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", at)  # a cited sentence: /doc/N?at=START-END#cited
        cited = (int(m.group(1)), int(m.group(2))) if m else None
        # A long document comes in pages (a 40 000-fact report is not one page); the outline links across them.
        bounds = text_pages(d["text"])
        p = min(p or (page_at(bounds, cited[0]) if cited else 1), len(bounds))
        for sec in sections:
            sec["page"] = page_at(bounds, sec["start"] or 0)
        facts = s.facts_within(doc_id, *bounds[p - 1])  # only this page's facts are read
        body, shown = text_page(d["text"], facts, glossary, sections, cited, bounds[p - 1])
        return page(request, "doc.html", d=public(d), body=body, sections=sections, glossary=glossary,
                    n_facts=sum(counts.values()), n_indicators=counts.get("indicator", 0), shown=shown,
                    p=p, pages=len(bounds), source_is_url=str(d["source"]).startswith(("http://", "https://")))

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_page(request: Request, s: S, metric: str = "GDP", year: Year = None, kind: str = "",
                     level: str = "", p: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1):
        from ..analysis.compare import compare

        rows = compare(s, metric, year=year, kind=kind or None, level=level or None)
        pages = max(1, -(-len(rows) // PAGE_ROWS))
        p = min(p, pages)
        return page(request, "compare.html", metric=metric, year=year or "", kind=kind, level=level, rows=rows,
                    shown=rows[(p - 1) * PAGE_ROWS : p * PAGE_ROWS], first=(p - 1) * PAGE_ROWS + 1, p=p, pages=pages,
                    chart=chart_compare(rows, metric))

    @app.get("/compare.csv", include_in_schema=False)
    def compare_csv(s: S, metric: str, year: Year = None, kind: str = "", level: str = ""):
        from ..analysis.compare import compare

        rows = compare(s, metric, year=year, kind=kind or None, level=level or None)
        buf = io.StringIO()
        cols = ["region", "level", "period", *(c for c in Indicator.columns("exported") if c not in ("region", "period")),
                "doc", "quote"]
        w = csv.DictWriter(buf, cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
        return Response("\ufeff" + buf.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="compare.csv"'})

    @app.get("/track", response_class=HTMLResponse, include_in_schema=False)
    def track_page(request: Request, s: S, region: str = "", metric: str = "", year: Year = None,
                   verdict: str = "", p: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1):
        from ..analysis.track import track

        every = track(s, region=region or None, metric=metric or None, year=year)
        # unfiltered, the library holds thousands of rows, most of them pending or unclear: the page
        # opens on the decided ones; every verdict is one link away and counted
        verdict = verdict if verdict in TRACK_VERDICTS else "" if (region or metric or year) else "decided"
        rows = [r for r in every if verdict in ("", "all") or r["verdict"] in TRACK_VERDICTS[verdict]]
        pages = max(1, -(-len(rows) // PAGE_ROWS))
        p = min(p, pages)
        shown = rows[(p - 1) * PAGE_ROWS : p * PAGE_ROWS]
        doc_ids = s.document_ids(sorted({side["doc"] for r in shown for side in (r["target"], r["actual"]) if side}))
        counts = Counter(r["verdict"] for r in every)
        named = sum(1 for r in every if not r["metric_key"])
        return page(request, "track.html", rows=rows, shown=shown, every=len(every), counts=counts, named=named,
                    region=region, metric=metric, year=year, verdict=verdict, p=p, pages=pages,
                    first=(p - 1) * PAGE_ROWS + 1, charts=chart_track(rows), doc_ids=doc_ids)

    @app.get("/ask", response_class=HTMLResponse, include_in_schema=False)
    def ask_page(request: Request, s: S, q: str = ""):
        from ..analysis.ask import ask

        a = ask(s, q[:200]) if q.strip() else None
        doc_ids = {}
        if a:
            doc_ids = s.document_ids(sorted({c["doc"] for c in a.citations} | {r["doc"] for r in a.table if r.get("doc")}))
        return page(request, "ask.html", q=q, a=a, doc_ids=doc_ids, chart=chart_answer(a))

    @app.get("/glossary", response_class=HTMLResponse, include_in_schema=False)
    def glossary_page(request: Request, s: S, q: str = "", p: Annotated[int, Query(ge=1, le=1000)] = 1):
        rows = _glossary(s, q or None, 200, offset=(p - 1) * 200)
        total = s.glossary_count(q or None)
        return page(request, "glossary.html", q=q, rows=rows, p=p, more=p * 200 < total, total=total,
                    pages=max(1, -(-total // 200)), first=(p - 1) * 200 + 1)

    moderation.add_routes(app, page, db_path, rules)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Pages render in worker threads; a few at a time, so the event loop (which answers cached pages)
    # still gets the GIL while the cache is filling. $GOVLENS_THREADS overrides.
    anyio.to_thread.current_default_thread_limiter().total_tokens = int(os.environ.get("GOVLENS_THREADS", "4"))
    yield


def _sections(s: Store, doc_id: RowId) -> list[dict[str, Any]]:
    return s.sections(doc_id)


def _glossary(s: Store, q: str | None, limit: int, doc_id: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    return s.glossary(q, limit, doc_id=doc_id, offset=offset)
