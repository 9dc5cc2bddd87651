"""FastAPI app factory: JSON API under /api, server-rendered Chinese pages, both read-only here.

Every page and response carries a Content-Security-Policy that allows only this origin's own files
(no inline script, no CDN); Jinja2 escapes every piece of document text, so markup inside a document
stays text.
"""


import html
from collections.abc import Iterator
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..errors import GovlensError, QueryError
from ..store import open_store
from ..store.sqlite import Store

CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"


def create_app(db_path: str | None = None) -> FastAPI:
    app = FastAPI(title="govlens", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Chinese government documents: documents, facts, search, compare, track.")
    base = resources.files("govlens").joinpath("web")
    templates = Jinja2Templates(directory=str(base.joinpath("templates")))
    app.mount("/static", StaticFiles(directory=str(base.joinpath("static"))), name="static")

    def store() -> Iterator[Store]:
        try:
            s = open_store(db_path, readonly=True)
        except GovlensError as e:
            raise HTTPException(503, str(e)) from None
        try:
            yield s
        finally:
            s.close()

    S = Annotated[Store, Depends(store)]

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        if request.method == "GET" and request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "public, max-age=60")
        return response

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError):
        return JSONResponse({"detail": exc.message}, status_code=400)

    # --- API ---------------------------------------------------------------------------------------

    @app.get("/api/search", summary="Full-text search, best first")
    def api_search(s: S, q: str, region: str | None = None, year: int | None = None, kind: str | None = None,
                   level: str | None = None, limit: Annotated[int, Query(ge=1, le=100)] = 20,
                   offset: Annotated[int, Query(ge=0)] = 0) -> list[dict[str, Any]]:
        return s.search(q, region=region, year=year, kind=kind, level=level, limit=limit, offset=offset)

    @app.get("/api/documents", summary="Documents, filtered and paginated")
    def api_documents(s: S, region: str | None = None, year: int | None = None, kind: str | None = None,
                      level: str | None = None, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                      offset: Annotated[int, Query(ge=0)] = 0) -> list[dict[str, Any]]:
        rows = s.documents(region=region, year=year, kind=kind, level=level)
        return rows[offset : offset + limit]

    @app.get("/api/documents/{doc_id}", summary="One document with its text, sections and facts")
    def api_document(s: S, doc_id: int) -> dict[str, Any]:
        d = s.document(doc_id)
        if not d:
            raise HTTPException(404, "no such document")
        return d | {"facts": list(s.facts(doc_id=doc_id)), "sections": _sections(s, doc_id)}

    @app.get("/api/facts", summary="Facts, filtered and paginated")
    def api_facts(s: S, type: str | None = None, metric_key: str | None = None, region: str | None = None,
                  period: str | None = None, kind: str | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                  offset: Annotated[int, Query(ge=0)] = 0) -> list[dict[str, Any]]:
        rows = s.facts(type, metric_key=metric_key, region=region, period=period, kind=kind)
        return [r for i, r in enumerate(rows) if offset <= i < offset + limit]

    @app.get("/api/compare", summary="One metric across regions")
    def api_compare(s: S, metric: str, year: int | None = None, kind: str | None = None,
                    level: str | None = None) -> list[dict[str, Any]]:
        from ..analysis.compare import compare

        return compare(s, metric, year=year, kind=kind, level=level)

    @app.get("/api/track", summary="Targets against next year's outcomes")
    def api_track(s: S, region: str | None = None, metric: str | None = None) -> list[dict[str, Any]]:
        from ..analysis.track import track

        return track(s, region=region, metric=metric)

    @app.get("/api/glossary", summary="Glossary terms and definitions")
    def api_glossary(s: S, q: str | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[dict]:
        return _glossary(s, q, limit)

    @app.get("/api/ask", summary="Answer a question from the library, with citations")
    def api_ask(s: S, q: Annotated[str, Query(min_length=1, max_length=200)]) -> dict[str, Any]:
        from ..analysis.ask import ask

        return ask(s, q).to_dict()

    # --- pages -------------------------------------------------------------------------------------

    def page(request: Request, name: str, **ctx: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, ctx)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, s: S):
        docs = s.documents()
        regions: dict[str, int] = {}
        for d in docs:
            if d["region"]:
                regions[d["region"]] = regions.get(d["region"], 0) + 1
        latest = sorted(docs, key=lambda d: (d["year"] or 0), reverse=True)[:12]
        return page(request, "home.html", counts=s.counts(), regions=sorted(regions.items()), latest=latest)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, s: S, q: str = "", region: str | None = None, year: int | None = None):
        hits, error = [], None
        if q.strip():
            try:
                hits = s.search(q, region=region or None, year=year, limit=50)
            except QueryError as e:
                error = e.message
        return page(request, "search.html", q=q, hits=hits, error=error, region=region or "", year=year or "")

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def doc_page(request: Request, s: S, doc_id: int):
        d = s.document(doc_id)
        if not d:
            raise HTTPException(404, "no such document")
        facts = list(s.facts(doc_id=doc_id))
        return page(request, "doc.html", d=d, body=highlight(d["text"], facts), sections=_sections(s, doc_id),
                    glossary=_glossary(s, None, 500, doc_id), n_facts=len(facts))

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_page(request: Request, s: S, metric: str = "GDP", year: int | None = None):
        from ..analysis.compare import compare

        return page(request, "compare.html", metric=metric, year=year or "", rows=compare(s, metric, year=year))

    @app.get("/track", response_class=HTMLResponse, include_in_schema=False)
    def track_page(request: Request, s: S, region: str | None = None):
        from ..analysis.track import track

        return page(request, "track.html", rows=track(s, region=region or None), region=region or "")

    @app.get("/ask", response_class=HTMLResponse, include_in_schema=False)
    def ask_page(request: Request, s: S, q: str = ""):
        from ..analysis.ask import ask

        a = ask(s, q[:200]) if q.strip() else None
        return page(request, "ask.html", q=q, a=a)

    @app.get("/glossary", response_class=HTMLResponse, include_in_schema=False)
    def glossary_page(request: Request, s: S, q: str | None = None):
        return page(request, "glossary.html", q=q or "", rows=_glossary(s, q, 1000))

    return app


def _sections(s: Store, doc_id: int) -> list[dict[str, Any]]:
    cols = ("id", "parent_id", "level", "label", "title", "start", "end", "role")
    return [dict(zip(cols, r, strict=True)) for r in s.con.execute(
        'SELECT id, parent_id, level, label, title, start, "end", role FROM sections WHERE doc_id = ? ORDER BY start',
        (doc_id,))]


def _glossary(s: Store, q: str | None, limit: int, doc_id: int | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT g.term, g.definition, g.marker, d.id, d.doc, d.region, d.year FROM glossary g "
           "JOIN documents d ON d.id = g.doc_id WHERE 1=1")
    args: list[Any] = []
    if q:
        sql += " AND (g.term LIKE ? OR g.definition LIKE ?)"
        args += [f"%{q}%", f"%{q}%"]
    if doc_id is not None:
        sql += " AND g.doc_id = ?"
        args.append(doc_id)
    sql += " ORDER BY g.term LIMIT ?"
    args.append(limit)
    cols = ("term", "definition", "marker", "doc_id", "doc", "region", "year")
    return [dict(zip(cols, r, strict=True)) for r in s.con.execute(sql, args)]


def highlight(text: str, facts: list[dict[str, Any]]) -> str:
    """The document text as HTML: every piece escaped, each indicator wrapped in a <mark> whose title
    says what was read from it."""
    spans = sorted((f for f in facts if f["type"] == "indicator"), key=lambda f: f["span"][0])
    out: list[str] = []
    pos = 0
    for f in spans:
        s, e = f["span"]
        if s < pos:
            continue  # overlapping quotes: the first one wins
        out.append(html.escape(text[pos:s]))
        tip = " · ".join(str(x) for x in (f.get("metric"), f.get("kind"), f.get("period")) if x)
        value = "" if f.get("value") is None else f"{f['value']}{f.get('unit') or ''}"
        change = "" if f.get("change") is None else f"{f['change']:+}{f.get('change_unit') or ''}"
        tip += f" · {value} {change}".rstrip()
        out.append(f'<mark class="fact" tabindex="0" title="{html.escape(tip, quote=True)}" '
                   f'data-tip="{html.escape(tip, quote=True)}">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>\n")
