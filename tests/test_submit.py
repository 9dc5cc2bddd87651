"""投稿 and moderation through the real app and a real SQLite file: rules, CSRF, sessions, decisions."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from conftest import SAMPLES, run_cli
from govlens import accounts
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store
from govlens.submissions import Rules
from govlens.web import create_app

PASSWORD = "correct horse battery"


def report(county: str, gdp: int) -> str:
    """An invented report long enough to pass the length rule; figures differ per call."""
    return (f"2024年云溪市{county}政府工作报告\n各位代表：\n一、2023年工作回顾\n"
            + f"全县地区生产总值{gdp}亿元，比上年增长5.2%。一般公共预算收入{gdp // 10}亿元，增长3%。" * 8)


@pytest.fixture()
def db(store_target):
    path = store_target
    with open_store(path) as s:
        assert ingest(s, list(walk([str(SAMPLES)]))).failed == 0
        accounts.add_user(s, "alice", PASSWORD)
    return path


def client_for(db: str, **rules) -> TestClient:
    return TestClient(create_app(db, Rules(**rules)))


def csrf(c: TestClient, path: str = "/submit") -> str:
    return re.search(r'name="csrf" value="([^"]+)"', c.get(path).text).group(1)


def post_submission(c: TestClient, token: str, **fields):
    data = {"csrf": token, "title": "青石县政府工作报告", "region": "云溪市青石县", "contact": "ed@example.cn",
            "text": report("青石县", 512)} | fields
    return c.post("/submit", data=data, follow_redirects=False)


def errors(html: str) -> list[str]:
    return re.findall(r'class="error"[^>]*>([^<]+)<', html)


def login(c: TestClient, password: str = PASSWORD):
    return c.post("/login", data={"csrf": csrf(c, "/login"), "name": "alice", "password": password,
                                  "next": "/review"}, follow_redirects=False)


def test_submit_approve_makes_it_searchable(db):
    c = client_for(db)
    r = post_submission(c, csrf(c))
    assert r.status_code == 303
    status_url = r.headers["location"]
    assert "待审核" in c.get(status_url).text
    assert c.get("/api/search", params={"q": "青石县"}).json() == []  # not before approval
    assert c.get("/review", follow_redirects=False).headers["location"] == "/login?next=/review"
    assert login(c).status_code == 303
    sid = re.findall(r'href="/review/(\d+)"', c.get("/review").text)[0]
    assert "512亿元" in c.get(f"/review/{sid}").text
    r = c.post(f"/review/{sid}", data={"csrf": csrf(c), "action": "approve"}, follow_redirects=False)
    assert r.status_code == 303
    hits = c.get("/api/search", params={"q": "青石县"}).json()
    assert [h["region"] for h in hits] == ["云溪市青石县"]
    page = c.get(status_url).text
    assert "已收录" in page and f'href="/doc/{hits[0]["id"]}"' in page
    assert c.post(f"/review/{sid}", data={"csrf": csrf(c), "action": "approve"}).status_code == 409


def test_reject_needs_a_reason_and_the_submitter_sees_it(db):
    c = client_for(db)
    status_url = post_submission(c, csrf(c)).headers["location"]
    login(c)
    sid = re.findall(r'href="/review/(\d+)"', c.get("/review").text)[0]
    r = c.post(f"/review/{sid}", data={"csrf": csrf(c), "action": "reject", "reason": " "})
    assert r.status_code == 400 and "理由" in errors(r.text)[0]
    c.post(f"/review/{sid}", data={"csrf": csrf(c), "action": "reject", "reason": "非政府文件"})
    token = status_url.split("/")[-1].split("?")[0]
    st = c.get(f"/api/submissions/{token}").json()
    assert st["status"] == "rejected" and st["reason"] == "非政府文件" and "contact" not in st


def test_validation_messages(db):
    c = client_for(db, banned_words=["赌博"])
    t = csrf(c)
    r = post_submission(c, t, title="短", region="", contact="not-a-contact", text="<p>网页</p>")
    assert r.status_code == 400
    assert errors(r.text) == ["标题长度应为 4–120 字", "请填写地区", "联系方式应为邮箱或电话号码",
                              "请提交纯文本（不含 HTML 标签），网页请作为文件上传"]
    assert 'value="短"' in r.text  # what was typed is kept
    assert "没有找到正文" in errors(post_submission(c, t, text="各位代表：今年增长5%。").text)[0]
    short = "2024年青石县政府工作报告\n各位代表：\n全县地区生产总值512亿元，比上年增长5.2%。\n" * 2
    assert "太短" in errors(post_submission(c, t, text=short).text)[0]
    assert "以中文为主" in errors(post_submission(c, t, text="GDP grew 5 percent. " * 40).text)[0]
    assert "赌博" in errors(post_submission(c, t, text=report("青石县", 1) + "赌博").text)[0]
    assert errors(post_submission(c, t, text="").text) == ["请填写正文或上传文件"]


def test_files_duplicates_and_size_limit(db):
    c = client_for(db, file_max_bytes=100_000)
    t = csrf(c)
    body = report("白沙县", 300).encode("utf-8")
    bad = c.post("/submit", data={"csrf": t, "title": "白沙县报告", "region": "云溪市白沙县", "contact": "13800138000"},
                 files={"file": ("../../etc/report.exe", body)})
    assert "不支持的文件类型" in errors(bad.text)[0]
    ok = c.post("/submit", data={"csrf": t, "title": "白沙县报告", "region": "云溪市白沙县", "contact": "13800138000"},
                files={"file": ("../../白沙县.txt", body)}, follow_redirects=False)
    assert ok.status_code == 303
    with open_store(db) as s:
        assert s._rows("SELECT filename FROM submissions") == [("白沙县.txt",)]  # a name, not a path
    again = post_submission(c, t, text=body.decode())
    assert "重复投稿" in errors(again.text)[0]
    sample = (SAMPLES / "mingaln-2023-report.txt").read_text(encoding="utf-8")
    assert "重复投稿" in errors(post_submission(c, t, text=sample).text)[0]  # already in the library
    huge = c.post("/submit", data={"csrf": t, "title": "大文件"}, files={"file": ("big.txt", b"x" * 1_000_000)})
    assert huge.status_code == 413


def test_csrf_rate_limit_and_api(db):
    c = client_for(db, per_client_per_hour=2)
    assert post_submission(c, "forged").status_code == 403
    fresh = TestClient(c.app)  # no cookie at all
    assert fresh.post("/submit", data={"csrf": "x", "title": "t"}).status_code == 403
    r = c.post("/api/submissions", json={"title": "青石县政府工作报告", "region": "云溪市青石县",
                                         "contact": "ed@example.cn", "text": report("青石县", 700)})
    assert r.status_code == 201 and c.get(r.json()["status_url"]).json()["status"] == "pending"
    bad = c.post("/api/submissions", json={"title": "x", "region": "r", "contact": "c", "text": "t"})
    assert bad.status_code == 422 and {"title", "contact"} <= bad.json()["detail"].keys()
    assert post_submission(c, csrf(c), text=report("青石县", 800)).status_code == 303
    r = post_submission(c, csrf(c), text=report("青石县", 900))
    assert r.status_code == 400 and "过于频繁" in errors(r.text)[0]


def test_login_sessions_and_redirects(db):
    c = client_for(db)
    assert login(c, "wrong password!").status_code == 401
    r = c.post("/login", data={"csrf": csrf(c, "/login"), "name": "alice", "password": PASSWORD,
                               "next": "//evil.example/"}, follow_redirects=False)
    assert r.headers["location"] == "/review"  # no open redirect
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    with open_store(db) as s:
        stored = s._one("SELECT password FROM users")[0]
        assert stored.startswith("$argon2id$") and PASSWORD not in stored
        token = c.cookies.get("govlens_session")
        assert token and not s._one("SELECT 1 FROM sessions WHERE token_sha256 = ?", (token,))
    assert c.get("/review").status_code == 200
    c.post("/logout", data={"csrf": csrf(c)})
    assert c.get("/review", follow_redirects=False).status_code == 303
    throttled = client_for(db)
    codes = {login(throttled, "wrong password!").status_code for _ in range(11)}
    assert 429 in codes


def test_user_cli(db):
    r = run_cli("user", "add", "bob", "--db", db, "--password-stdin", input="tiny\n")
    assert r.returncode == 1 and "too short" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("user", "add", "bob", "--db", db, "--password-stdin", input="a much longer secret\n")
    assert r.returncode == 0, r.stderr
    assert "bob\tmoderator" in run_cli("user", "list", "--db", db).stdout
    assert run_cli("user", "add", "bob", "--db", db, "--password-stdin", input="a much longer secret\n").returncode == 1
    with open_store(db) as s:
        assert accounts.authenticate(s, "bob", "a much longer secret")
        assert accounts.authenticate(s, "bob", "wrong") is None


def test_rules_from_toml(tmp_path, monkeypatch):
    f = tmp_path / "rules.toml"
    f.write_text('text_min = 50\nbanned_words = ["广告"]\n', encoding="utf-8")
    monkeypatch.setenv("GOVLENS_SUBMIT_RULES", str(f))
    rules = Rules.load()
    assert rules.text_min == 50 and rules.banned_words == ["广告"] and rules.title_max == 120
    f.write_text("text_minimum = 5\n", encoding="utf-8")
    with pytest.raises(Exception, match="unknown submission rule"):
        Rules.load()
