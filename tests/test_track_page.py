"""The tracker page stays useful when the library holds thousands of tracked rows, most of them pending
or unclear: unfiltered it opens on the decided ones (met or missed), counts every verdict and links to
each, and long tables come in pages. All reports here are invented."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store
from govlens.web import app as web_app
from govlens.web import create_app

REPORT = ("{y}年青川县政府工作报告\n——{y}年1月9日在青川县第五届人民代表大会第{n}次会议上\n各位代表：\n"
          "一、{p}年工作回顾\n{review}\n二、{y}年工作安排\n{plan}\n")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    d = tmp_path_factory.mktemp("trackpage")
    (d / "in").mkdir()
    (d / "in" / "a.txt").write_text(REPORT.format(
        y=2061, n="二", p=2060, review="全年地区生产总值增长5.1%。",
        plan="全县地区生产总值增长6%左右，一般公共预算收入增长5%。年内新建口袋公园12处，建成社区食堂20个。"),
        encoding="utf-8")
    (d / "in" / "b.txt").write_text(REPORT.format(
        y=2062, n="三", p=2061, review="全年地区生产总值增长6.2%，一般公共预算收入增长3%。建成社区食堂25个。",
        plan="全县地区生产总值增长6.5%，新建冷链仓储库3万平方米。"), encoding="utf-8")
    db = str(d / "t.db")
    with open_store(db) as store:
        assert ingest(store, walk([str(d / "in")])).failed == 0
    return TestClient(create_app(db, cache=False))


def _counts(page: str) -> dict[str, int]:
    return {k: int(n) for k, n in re.findall(r'class="badge (\w+)(?: on)?">[^<\d]*(\d+)</a>', page)}


def _verdicts(page: str) -> list[str]:
    return re.findall(r'<td><span class="badge (\w+)">', page)


def test_unfiltered_the_page_opens_on_the_decided_rows_and_counts_all(client):
    page = client.get("/track").text
    counts = _counts(page)
    assert counts["all"] == sum(counts[v] for v in ("met", "missed", "unclear", "pending"))
    assert counts["decided"] == counts["met"] + counts["missed"] >= 2
    assert counts["pending"] >= 1                       # 2062's targets have no 2063 report
    shown = _verdicts(page)
    assert len(shown) == counts["decided"] and set(shown) <= {"met", "missed"}
    assert 'class="badge decided on"' in page and "默认只列出已判定" in page


@pytest.mark.parametrize("verdict", ["met", "missed", "unclear", "pending"])
def test_each_verdict_is_one_link_away(client, verdict):
    counts = _counts(client.get("/track").text)
    page = client.get("/track", params={"verdict": verdict}).text
    assert _verdicts(page) == [verdict] * counts[verdict]
    assert re.search(rf'href="/track\?[^"]*verdict={verdict}" class="badge {verdict} on"', page)


def test_a_filter_shows_every_verdict_of_what_was_asked(client):
    page = client.get("/track", params={"region": "青川县", "year": 2062}).text
    assert set(_verdicts(page)) == {"pending"} and "默认只列出已判定" not in page
    assert _counts(page)["all"] == len(_verdicts(page))


def test_long_tracker_tables_are_paged(client, monkeypatch):
    monkeypatch.setattr(web_app, "PAGE_ROWS", 2)
    page = client.get("/track", params={"verdict": "all"}).text
    n = _counts(page)["all"]
    assert n > 2 and len(_verdicts(page)) == 2 and f"第 1 / {-(-n // 2)} 页，共 {n} 项" in page
    second = client.get("/track", params={"verdict": "all", "p": 2}).text
    assert "本页显示第 3–" in second and 'rel="prev"' in second


def test_the_api_filters_by_verdict(client):
    every = client.get("/api/track").json()
    decided = client.get("/api/track", params={"verdict": "decided"}).json()
    assert decided == [r for r in every if r["verdict"] in ("met", "missed")] and 0 < len(decided) < len(every)
    assert client.get("/api/track", params={"verdict": "maybe"}).status_code == 422
