"""Fetch a URL with httpx, honouring robots.txt. Only what the user asks for is fetched."""

from __future__ import annotations

import urllib.robotparser
from urllib.parse import urlsplit

import httpx

from ..errors import FetchError

USER_AGENT = "govlens/0.1 (+https://example.invalid/govlens)"
TIMEOUT = 20.0


def allowed(url: str, client: httpx.Client) -> bool:
    parts = urlsplit(url)
    robots = f"{parts.scheme}://{parts.netloc}/robots.txt"
    try:
        r = client.get(robots)
    except httpx.HTTPError:
        return True  # no robots.txt reachable: nothing forbids it
    if r.status_code >= 400:
        return True
    rp = urllib.robotparser.RobotFileParser()
    rp.parse(r.text.splitlines())
    return rp.can_fetch(USER_AGENT, url)


def fetch(url: str) -> tuple[bytes, str | None]:
    with httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT, follow_redirects=True) as client:
        if not allowed(url, client):
            raise FetchError("disallowed by robots.txt", url)
        try:
            r = client.get(url)
        except httpx.HTTPError as e:
            raise FetchError(f"fetch failed: {type(e).__name__}", url) from None
        if r.status_code >= 400:
            raise FetchError(f"HTTP {r.status_code}", url)
        return r.content, r.headers.get("content-type")
