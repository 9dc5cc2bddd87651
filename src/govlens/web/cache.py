"""An in-process cache of rendered responses for anonymous reads.

A search or document page is the same for every reader who is not logged in, and it changes only
when the database does. So GET responses without a session cookie are kept (LRU, bounded in bytes)
together with the size and modification time of the database files; any write — an ingest, an
approved 投稿, a login — changes those, and the next request renders afresh. A response served from
the cache says ``X-Cache: hit``. Responses that set a
cookie, that are not 200, or that belong to the 投稿/moderation paths are never kept.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .security import SESSION_COOKIE

PG_VERSION_TTL = 1.0  # seconds a PostgreSQL store's version is trusted
SKIP = ("/submit", "/login", "/logout", "/review", "/api/submissions", "/static/")


class PageCache:
    def __init__(self, app: ASGIApp, db_path: str, max_bytes: int = 64 * 1024 * 1024):
        self.app = app
        self.files = [db_path + suffix for suffix in ("", "-wal")]
        self.db_path = db_path
        self._pg_version: tuple[float, tuple] | None = None
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict[tuple[str, bytes], tuple[tuple, Message, bytes]] = OrderedDict()
        self.hits = self.misses = 0

    def version(self) -> tuple:
        from ..store import is_postgres

        if is_postgres(self.db_path):
            # A shared database: ask it (another machine may have written), at most once a second, so
            # cached pages stay a dictionary lookup (a page may be up to 1 s stale).
            now = time.monotonic()
            if self._pg_version is None or now - self._pg_version[0] > PG_VERSION_TTL:
                from ..store import open_store

                with open_store(self.db_path, readonly=True) as s:
                    self._pg_version = (now, s.data_version())
            return self._pg_version[1]
        out = []
        for f in self.files:
            try:
                st = os.stat(f)
                out.append((st.st_mtime_ns, st.st_size))
            except OSError:
                out.append(None)
        return tuple(out)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(SKIP)
                or SESSION_COOKIE.encode() in dict(scope["headers"]).get(b"cookie", b"")):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        version = self.version()
        hit = self.entries.get(key)
        if hit and hit[0] == version:
            self.hits += 1
            self.entries.move_to_end(key)
            await send({**hit[1], "headers": [*hit[1]["headers"], (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": hit[2]})
            return
        self.misses += 1
        start: Message | None = None
        chunks: list[bytes] = []
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, keep
            if message["type"] == "http.response.start":
                start = {**message, "headers": list(message["headers"])}  # outer middleware edits in place
                keep = message["status"] == 200 and not any(k.lower() == b"set-cookie" for k, _ in message["headers"])
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        if keep and start is not None and not scope.get("state", {}).get("new_csrf"):
            self._put(key, (version, start, b"".join(chunks)))

    def _put(self, key: tuple[str, bytes], entry: tuple[tuple, Message, bytes]) -> None:
        old = self.entries.pop(key, None)
        if old:
            self.size -= len(old[2])
        if len(entry[2]) > self.max_bytes // 16:
            return
        self.entries[key] = entry
        self.size += len(entry[2])
        while self.size > self.max_bytes:
            _, (_, _, body) = self.entries.popitem(last=False)
            self.size -= len(body)
