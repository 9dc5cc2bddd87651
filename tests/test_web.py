"""The portal and the API, in process (a real SQLite file, the real app)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from conftest import SAMPLES, serving
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store
from govlens.web import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    evil = tmp_path_factory.mktemp("evil") / "evil.txt"
    evil.write_text("2023年云溪市明澜区政府工作报告\n各位代表：\n一、2022年工作回顾\n"
                    "全区地区生产总值1134亿元，增长6.5%。<script>alert('x')</script>“一网通办”接入事项1862项。\n",
                    encoding="utf-8")
    with open_store(db) as store:
        rep = ingest(store, [*walk([str(SAMPLES)]), str(evil)])
        assert rep.failed == 0
    return TestClient(create_app(db))


def test_openapi_and_search_contract(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/documents", "/api/compare", "/api/track", "/api/glossary"} <= spec["paths"].keys()
    r = client.get("/api/search", params={"q": "一网通办", "limit": 3})
    assert r.status_code == 200 and r.headers["cache-control"].startswith("public")
    hits = r.json()
    assert hits and set(hits[0]) >= {"doc", "title", "region", "year", "score", "snippet"}
    assert client.get("/api/search", params={"q": " "}).status_code == 400
    assert client.get("/api/search", params={"q": "x", "limit": 0}).status_code == 422


def test_document_api_and_page_highlight_facts(client):
    docs = client.get("/api/documents", params={"region": "云溪市明澜区", "year": 2023}).json()
    report = next(d for d in docs if d["doc"] == "mingaln-2023-report.txt")
    d = client.get(f"/api/documents/{report['id']}").json()
    assert d["sections"] and any(f["type"] == "indicator" for f in d["facts"])
    page = client.get(f"/doc/{report['id']}").text
    assert '<mark class="fact"' in page and "地区生产总值" in page and "名词解释" in page
    assert client.get("/api/documents/999999").status_code == 404


def test_document_text_is_escaped(client):
    evil = next(d for d in client.get("/api/documents").json() if d["doc"] == "evil.txt")
    r = client.get(f"/doc/{evil['id']}")
    assert "<script>alert" not in r.text and "&lt;script&gt;alert" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_pages_render(client):
    for path in ("/", "/search?q=一网统管", "/compare?metric=GDP&year=2021", "/track", "/glossary?q=一网通办"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "govlens" in r.text
    assert "溪北县" in client.get("/compare?metric=GDP&year=2021").text
    assert "完成" in client.get("/track").text


def test_ask_api_and_page(client):
    a = client.get("/api/ask", params={"q": "明澜区2023年经济增长目标是多少？"}).json()
    assert "6-7%" in a["answer"] and a["citations"]
    page = client.get("/ask", params={"q": "什么是全程代办？"}).text
    assert "从立项到投产" in page


def test_anonymous_reads_are_cached_until_the_database_changes(tmp_path):
    db = str(tmp_path / "cache.db")
    with open_store(db) as store:
        ingest(store, [str(SAMPLES / "mingaln-2023-report.txt")])
    c = TestClient(create_app(db))
    assert c.get("/api/search", params={"q": "溪北县"}).json() == []
    first = c.get("/")
    again = c.get("/")
    assert "x-cache" not in first.headers and again.headers["x-cache"] == "hit"
    assert first.text == again.text and "default-src 'self'" in again.headers["content-security-policy"]
    form = c.get("/submit")  # mints a CSRF cookie: never cached
    assert "set-cookie" in form.headers and "x-cache" not in c.get("/submit").headers
    with open_store(db) as store:  # another writer: the next read must see it
        ingest(store, [str(SAMPLES / "mingaln-listing.html")])
    assert c.get("/api/search", params={"q": "溪北县"}).json()
    assert c.get("/").text != first.text
    c.cookies.set("govlens_session", "anything")  # a logged-in reader always gets a fresh page
    assert "x-cache" not in c.get("/").headers and "x-cache" not in c.get("/").headers


def test_no_path_traversal_through_static_or_documents(client):
    import http.client
    from urllib.parse import urlparse

    # httpx normalises "..", so send raw request lines to a real server.
    with serving(client.app) as url:
        port = urlparse(url).port
        for path in ("/static/../../../../etc/passwd", "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
                     "/static/%2e%2e/%2e%2e/pyproject.toml", "/doc/..%2f..%2fetc%2fpasswd"):
            con = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            con.request("GET", path)
            r = con.getresponse()
            body = r.read()
            assert r.status in (400, 404, 422), (path, r.status)
            assert b"root:" not in body and b"[project]" not in body
