"""Request-level protections: a body size limit, CSRF tokens, an Origin rule for the JSON API and
throttles keyed on the real peer, counted in the database so every worker shares them.

The peer is the TCP peer. ``X-Forwarded-For`` is believed only from the proxies named by
``govlens serve --forwarded-allow-ips`` (uvicorn's ``forwarded_allow_ips``); by default nothing is
trusted, so a client cannot pick a fresh address per login attempt.

CSRF uses the double-submit pattern: each browser gets a random ``govlens_csrf`` cookie (SameSite=Strict,
HttpOnly) and every form carries the same value in a hidden field; a POST whose field does not equal
its cookie is refused. Another site can make a browser send the cookie but cannot read it to fill
the field.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque

from fastapi import HTTPException, Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "govlens_csrf"
SESSION_COOKIE = "govlens_session"
CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"


class Headers:
    """ASGI middleware: security headers on every response, caching by kind of path, and the CSRF
    cookie when a page minted a token (a plain ASGI wrapper: cheaper than BaseHTTPMiddleware)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        cookies = dict(scope["headers"]).get(b"cookie", b"")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                h = MutableHeaders(scope=message)
                h["Content-Security-Policy"] = CSP
                h["X-Content-Type-Options"] = "nosniff"
                h["Referrer-Policy"] = "same-origin"
                if "cache-control" not in h:
                    if scope["method"] == "GET" and path.startswith("/api/") and not path.startswith("/api/submissions"):
                        h["Cache-Control"] = "public, max-age=60"
                    elif path.startswith("/static/"):
                        h["Cache-Control"] = "public, max-age=86400"
                    else:
                        h["Cache-Control"] = "no-store" if SESSION_COOKIE.encode() in cookies else "no-cache"
                new = scope.get("state", {}).get("new_csrf")
                if new:
                    secure = "; Secure" if scope.get("scheme") == "https" else ""
                    h.append("Set-Cookie", f"{CSRF_COOKIE}={new}; HttpOnly; Path=/; SameSite=strict{secure}")
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """ASGI middleware: a request body over ``max_bytes`` gets 413 before it is parsed or stored,
    whether or not it declares a Content-Length. A body without one (chunked) is read up to the limit
    first and handed on only when it fits: a parser that meets the cut mid-stream would answer 400."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            await _too_large(send, self.max_bytes)
            return
        if declared is None and scope["method"] in ("POST", "PUT", "PATCH"):
            chunks: list[bytes] = []
            size = 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                size += len(message.get("body", b""))
                if size > self.max_bytes:
                    await _too_large(send, self.max_bytes)
                    return
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    break
            replay = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

            async def replayed() -> Message:
                return replay.pop() if replay else await receive()

            await self.app(scope, replayed, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _too_large(send, self.max_bytes)


class _TooLarge(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    body = f"请求过大（上限 {limit // (1024 * 1024)} MB）".encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def csrf_token(request: Request) -> str:
    """The browser's CSRF token, minted on first use (the response middleware sets the cookie)."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not token:
        token = request.state.new_csrf = secrets.token_urlsafe(24)
    return token


def check_csrf(request: Request, submitted: str | None) -> None:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted or not secrets.compare_digest(cookie, submitted):
        raise HTTPException(403, "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试")


def client_key(request: Request) -> str:
    """The address throttles count: the TCP peer (uvicorn has replaced it by the forwarded address only
    when the peer is a trusted proxy)."""
    return request.client.host if request.client else "unknown"


def uvicorn_options(forwarded_allow_ips: str | None) -> dict[str, object]:
    """Proxy settings for uvicorn: trust ``X-Forwarded-For``/``-Proto`` only from the named proxies
    (comma-separated addresses or networks, ``*`` for all); none by default. (Uvicorn's own default
    trusts 127.0.0.1, so any local process, or a proxy that passes the header through, could spoof.)"""
    ips = (forwarded_allow_ips or "").strip()
    return {"proxy_headers": bool(ips), "forwarded_allow_ips": ips or ""}


class DbThrottle:
    """At most ``limit`` events per client in a sliding ``window`` of seconds, counted in the store
    (:meth:`throttle_allow`), so N worker processes allow the same number of tries as one."""

    def __init__(self, scope: str, limit: int, window: float):
        self.scope, self.limit, self.window = scope, limit, window

    def allow(self, store, key: str) -> bool:
        return store.throttle_allow(self.scope, key, self.limit, self.window, time.time())


def check_same_origin(request: Request) -> None:
    """The JSON submission API refuses cross-site browser requests: an ``Origin`` (or ``Sec-Fetch-Site``)
    that is not this site's gets 403. Clients that are not browsers send neither and are unaffected;
    a browser page on another site always sends ``Origin`` with a POST, and cannot forge it."""
    origin = request.headers.get("origin")
    site = request.headers.get("sec-fetch-site")
    if site and site not in ("same-origin", "none"):
        raise HTTPException(403, "cross-site request refused")
    if origin is None:
        return
    host = request.headers.get("host", "")
    if origin == "null" or origin.split("://", 1)[-1].rstrip("/") != host:
        raise HTTPException(403, "cross-site request refused (Origin does not match this site)")


class Throttle:
    """At most ``limit`` events per key in a sliding ``window`` of seconds (in this process only; the
    portal uses :class:`DbThrottle`)."""

    def __init__(self, limit: int, window: float):
        self.limit, self.window = limit, window
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            q = self._events.setdefault(key, deque())
            while q and q[0] < now - self.window:
                q.popleft()
            if len(q) >= self.limit:
                return False
            q.append(now)
            return True
