"""投稿 pages and the moderators' review queue: submit, check status by token, log in, approve, reject."""


from collections.abc import Callable, Iterator
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Form, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from .. import accounts, submissions
from ..errors import GovlensError
from ..store import open_store
from ..store.api import StoreAPI as Store
from ..submissions import Invalid, Rules
from .security import SESSION_COOKIE, DbThrottle, check_csrf, check_same_origin, client_key

TOO_MANY = "尝试次数过多，请稍后再试"
REVIEW_PAGE = 100  # submissions per page of the review queue


def current_user(request: Request, db_path: str | None) -> dict[str, Any] | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    with open_store(db_path, readonly=True) as s:
        return accounts.session_user(s, token)


_client = client_key


class SubmissionIn(BaseModel):
    title: str = Field(max_length=500)
    region: str = Field(max_length=200)
    contact: str = Field(max_length=200)
    text: str = Field(max_length=2_000_000)


def add_routes(app: FastAPI, page: Callable[..., HTMLResponse], db_path: str | None, rules: Rules) -> None:
    login_tries = DbThrottle("login", limit=10, window=600)  # login attempts per client per 10 minutes
    # Submission attempts, valid or not, per client per 10 minutes: each one runs the pipeline. (The
    # hourly limit on accepted submissions is a content rule, kept in the database.)
    submit_tries = DbThrottle("submit", limit=30, window=600)

    def writable() -> Iterator[Store]:
        with open_store(db_path) as s:
            yield s

    W = Annotated[Store, Depends(writable)]

    def moderator(request: Request, s: W) -> dict[str, Any]:
        user = accounts.session_user(s, request.cookies.get(SESSION_COOKIE))
        if not user:
            raise HTTPException(401, "请先登录")
        return user

    Mod = Annotated[dict[str, Any], Depends(moderator)]

    @app.exception_handler(401)
    async def to_login(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=401)
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    # --- submitters --------------------------------------------------------------------------------

    @app.get("/submit", response_class=HTMLResponse, include_in_schema=False)
    def submit_form(request: Request):
        return page(request, "submit.html", rules=rules, errors={}, form={})

    @app.post("/submit", response_class=HTMLResponse, include_in_schema=False)
    async def submit_post(request: Request):
        form = await request.form(max_files=1, max_fields=8, max_part_size=rules.file_max_bytes)
        check_csrf(request, _str(form.get("csrf")))

        def allowed() -> bool:
            with open_store(db_path) as s:
                return submit_tries.allow(s, _client(request))

        if not await run_in_threadpool(allowed):
            return page(request, "submit.html", status_code=429, rules=rules, errors={"form": TOO_MANY}, form={})
        upload = form.get("file")
        data = filename = None
        if isinstance(upload, UploadFile) and upload.filename:
            data, filename = await upload.read(), upload.filename
        fields = {k: _str(form.get(k)) for k in ("title", "region", "contact", "text")}
        def store_it() -> str:  # reads the document through the pipeline: off the event loop
            with open_store(db_path) as s:
                return submissions.submit(s, **fields, filename=filename, data=data, client=_client(request),
                                          rules=rules)

        try:
            token = await run_in_threadpool(store_it)
        except Invalid as e:
            return page(request, "submit.html", status_code=400, rules=rules, errors=e.errors, form=fields)
        return RedirectResponse(f"/submit/status/{token}?new=1", status_code=303)

    @app.get("/submit/status/{token}", response_class=HTMLResponse, include_in_schema=False)
    def submit_status(request: Request, token: str, new: int = 0):
        with open_store(db_path, readonly=True) as s:
            st = submissions.status(s, token)
        if not st:
            raise HTTPException(404, "没有这个查询码")
        return page(request, "submit_status.html", st=st, token=token, new=new)

    @app.post("/api/submissions", status_code=201, summary="Submit a document (text) for review",
              responses={403: {"description": "Cross-site request refused (Origin is not this site)"},
                         422: {"description": "The submission breaks a rule (field errors)"},
                         429: {"description": "Too many submissions from this client"}})
    def api_submit(request: Request, body: SubmissionIn, s: W) -> dict[str, Any]:
        check_same_origin(request)
        if not submit_tries.allow(s, _client(request)):
            raise HTTPException(429, {"form": TOO_MANY})
        try:
            token = submissions.submit(s, **body.model_dump(), client=_client(request), rules=rules)
        except Invalid as e:
            raise HTTPException(429 if "form" in e.errors else 422, e.errors) from None
        return {"token": token, "status": "pending", "status_url": f"/api/submissions/{token}"}

    @app.get("/api/submissions/{token}", summary="A submission's review status, by its token",
             responses={404: {"description": "No submission with this token"}})
    def api_submission(token: str, s: W) -> dict[str, Any]:
        st = submissions.status(s, token)
        if not st:
            raise HTTPException(404, "no submission with that token")
        return st

    # --- moderators --------------------------------------------------------------------------------

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request, next: str = "/review"):
        return page(request, "login.html", next=_local(next), error=None)

    @app.post("/login", response_class=HTMLResponse, include_in_schema=False)
    def login(request: Request, s: W, name: Annotated[str, Form(max_length=64)],
              password: Annotated[str, Form(max_length=256)], csrf: Annotated[str, Form()] = "",
              next: Annotated[str, Form()] = "/review"):
        check_csrf(request, csrf)
        if not login_tries.allow(s, _client(request)):
            return page(request, "login.html", status_code=429, next=_local(next), error=TOO_MANY)
        user_id = accounts.authenticate(s, name, password)
        if user_id is None:
            return page(request, "login.html", status_code=401, next=_local(next), error="用户名或密码错误")
        response = RedirectResponse(_local(next), status_code=303)
        response.set_cookie(SESSION_COOKIE, accounts.open_session(s, user_id), httponly=True, samesite="lax",
                            max_age=accounts.SESSION_TTL, secure=request.url.scheme == "https")
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, s: W, csrf: Annotated[str, Form()] = ""):
        check_csrf(request, csrf)
        accounts.close_session(s, request.cookies.get(SESSION_COOKIE))
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @app.get("/review", response_class=HTMLResponse, include_in_schema=False)
    def review_queue(request: Request, user: Mod, s: W, status: str = "pending", p: Annotated[int, Query(ge=1, le=100_000)] = 1):
        if status not in ("pending", "approved", "rejected"):
            status = "pending"
        counts = s.submission_counts()
        pages = max(1, -(-counts.get(status, 0) // REVIEW_PAGE))
        items = submissions.queue(s, status, limit=REVIEW_PAGE, offset=(min(p, pages) - 1) * REVIEW_PAGE)
        return page(request, "review.html", items=items, status=status, counts=counts, p=min(p, pages), pages=pages,
                    first=(min(p, pages) - 1) * REVIEW_PAGE + 1)

    @app.get("/review/{sid}", response_class=HTMLResponse, include_in_schema=False)
    def review_item(request: Request, user: Mod, s: W, sid: Annotated[int, Path(ge=1, le=2**62)]):
        sub = submissions.get(s, sid)
        if not sub:
            raise HTTPException(404, "没有这篇投稿")
        from ..io.read import page_from_bytes
        from ..pipeline import process_page

        try:
            text = "\n\n".join(d.text for d in process_page(page_from_bytes(sub["content"],
                                                                              sub["filename"] or "投稿.txt")))
        except GovlensError as e:
            text = f"（无法读取：{e.message}）"
        return page(request, "review_item.html", sub=sub, text=text, error=None)

    @app.post("/review/{sid}", response_class=HTMLResponse, include_in_schema=False)
    def review_decide(request: Request, user: Mod, s: W, sid: Annotated[int, Path(ge=1, le=2**62)], action: Annotated[str, Form()],
                      csrf: Annotated[str, Form()] = "", reason: Annotated[str, Form(max_length=500)] = ""):
        check_csrf(request, csrf)
        try:
            if action == "approve":
                submissions.approve(s, sid, user["id"])
            elif action == "reject":
                submissions.reject(s, sid, user["id"], reason)
            else:
                raise HTTPException(400, "unknown action")
        except Invalid as e:
            sub = submissions.get(s, sid)
            return page(request, "review_item.html", status_code=400, sub=sub, text="", error=e.errors["reason"])
        except GovlensError as e:
            raise HTTPException(409, e.message) from None
        return RedirectResponse(f"/review/{sid}", status_code=303)


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _local(path: str) -> str:
    """Only same-site paths after login: no open redirect to another host."""
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else "/review"
