"""The portal under abuse: throttles keyed on the real peer and shared by workers, 413 for any oversized
body, an Origin rule on the JSON API, bounded integers, every status code in the schema, and
schemathesis against /openapi.json (a short run)."""

from __future__ import annotations

import re
import threading
import time

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from conftest import SAMPLES
from govlens import accounts
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store
from govlens.submissions import Rules
from govlens.web import create_app
from govlens.web.security import uvicorn_options

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("portal") / "g.db")
    with open_store(path) as s:
        assert ingest(s, list(walk([str(SAMPLES)]))).failed == 0
        accounts.add_user(s, "alice", PASSWORD)
    return path


class Server:
    """A real uvicorn server with govlens' proxy settings, on a free loopback port."""

    def __init__(self, app, forwarded_allow_ips: str = ""):
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                                    **uvicorn_options(forwarded_allow_ips)))

    def __enter__(self) -> str:
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.server.servers[0].sockets[0].getsockname()[1]}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def _login(c: httpx.Client | TestClient, headers: dict[str, str] | None = None) -> int:
    token = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text).group(1)
    return c.post("/login", data={"csrf": token, "name": "alice", "password": "wrong", "next": "/review"},
                  headers=headers or {}, follow_redirects=False).status_code


@pytest.mark.parametrize(("trusted", "spoofable"), [("", False), ("127.0.0.1", True)])
def test_login_throttle_counts_the_peer_unless_a_proxy_is_trusted(tmp_path, db, trusted, spoofable):
    import shutil

    mine = str(tmp_path / "g.db")
    shutil.copy(db, mine)
    with Server(create_app(mine, cache=False), trusted) as url, httpx.Client(base_url=url) as c:
        codes = [_login(c, {"X-Forwarded-For": f"203.0.113.{i}"}) for i in range(12)]
    assert codes[:10] == [401] * 10
    # A fresh X-Forwarded-For per try is believed only from a trusted proxy.
    assert codes[10:] == ([401, 401] if spoofable else [429, 429])


def test_throttle_is_shared_by_worker_processes(tmp_path, db):
    import shutil

    mine = str(tmp_path / "g.db")
    shutil.copy(db, mine)
    workers = [TestClient(create_app(mine, cache=False)) for _ in range(2)]  # two apps = two workers' state
    codes = [_login(workers[i % 2]) for i in range(11)]
    assert codes == [401] * 10 + [429]


def test_oversized_bodies_get_413_with_or_without_content_length(db):
    limit = Rules().file_max_bytes + 512 * 1024
    with Server(create_app(db, cache=False)) as url, httpx.Client(base_url=url, timeout=60) as c:
        def chunks(total: int):
            step = 256 * 1024
            for _ in range(0, total, step):
                yield b"x" * step

        for path in ("/api/submissions", "/submit", "/login"):
            chunked = c.post(path, content=chunks(limit + 1024 * 1024), headers={"content-type": "application/json"})
            assert chunked.status_code == 413, (path, chunked.status_code)
            sized = c.post(path, content=b"x" * (limit + 1), headers={"content-type": "application/json"})
            assert sized.status_code == 413
        small = c.post("/api/submissions", content=iter([b'{"title": "t", ', b'"region": "r"}']),
                       headers={"content-type": "application/json"})
        assert small.status_code == 422  # read whole, then validated: a chunked body that fits still works


def _submission(n: int) -> dict[str, str]:
    text = (f"2024年云溪市白沙{n}县政府工作报告\n各位代表：\n一、2023年工作回顾\n"
            + f"全县地区生产总值{100 + n}亿元，比上年增长5.2%。一般公共预算收入{10 + n}亿元，增长3%。" * 8)
    return {"title": f"白沙{n}县报告", "region": f"云溪市白沙{n}县", "contact": "ed@example.cn", "text": text}


def test_json_submissions_refuse_other_origins(tmp_path, db):
    import shutil

    mine = str(tmp_path / "g.db")
    shutil.copy(db, mine)
    c = TestClient(create_app(mine, cache=False), base_url="http://portal.example")
    assert c.post("/api/submissions", json=_submission(1), headers={"Origin": "https://evil.example"}).status_code == 403
    assert c.post("/api/submissions", json=_submission(2), headers={"Origin": "null"}).status_code == 403
    assert c.post("/api/submissions", json=_submission(3), headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert c.post("/api/submissions", json=_submission(4), headers={"Origin": "http://portal.example"}).status_code == 201
    assert c.post("/api/submissions", json=_submission(5)).status_code == 201  # not a browser: no Origin


@pytest.mark.parametrize("path", [
    "/api/documents?offset=" + "9" * 30, "/api/documents?year=" + "9" * 30, "/api/documents?year=-5",
    "/api/documents/" + "9" * 30, "/api/documents/0", "/api/search?q=GDP&offset=" + "9" * 30,
    "/api/facts?offset=" + "9" * 25, "/api/track?offset=" + "9" * 25, "/api/glossary?offset=" + "9" * 25,
    "/api/search?q=", "/api/search/facets?q=", "/api/compare?metric=GDP&year=" + "9" * 20,
])
def test_absurd_parameters_are_422_not_500(db, path):
    c = TestClient(create_app(db, cache=False))
    r = c.get(path)
    assert r.status_code == 422, (path, r.status_code, r.text[:200])


def test_every_status_code_is_in_the_schema(db):
    c = TestClient(create_app(db, cache=False))
    schema = c.get("/openapi.json").json()
    doc = schema["paths"]["/api/documents/{doc_id}"]["get"]["responses"]
    assert {"200", "404", "422"} <= set(doc)
    assert c.get("/api/documents/123456").status_code == 404
    search = schema["paths"]["/api/search"]["get"]
    q = next(p for p in search["parameters"] if p["name"] == "q")
    assert q["schema"]["minLength"] == 1  # empty q: the schema and the answer (422) agree
    sub = schema["paths"]["/api/submissions"]["post"]["responses"]
    assert {"201", "403", "413", "422", "429"} <= set(sub)


def test_schemathesis_finds_no_failure(db):
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    app = create_app(db, cache=False)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    ran: list[str] = []
    for op in schema.get_all_operations():
        operation = op.ok()
        if operation.method.upper() == "POST":
            continue  # submissions write to the store and are throttled: covered above

        @settings(max_examples=15, deadline=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case):
            ran.append(case.path)
            try:
                case.call_and_validate()
            except Exception as e:  # schemathesis reports failures as its own exception types
                failures.append(f"{case.method} {case.formatted_path}: {type(e).__name__}: {str(e)[:300]}")

        check()
    assert len(set(ran)) >= 10  # every GET operation of the API was exercised
    assert not failures, "\n".join(failures[:10])
