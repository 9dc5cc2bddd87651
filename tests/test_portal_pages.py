"""Portal: Chinese labels everywhere, long pages in pages with counts (a report with thousands of facts,
long compare tables)."""

from __future__ import annotations

import random
import re

import pytest
from fastapi.testclient import TestClient

from conftest import SAMPLES
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store
from govlens.web import app as web_app
from govlens.web import create_app
from govlens.web.render import PAGE_CHARS, text_pages


def big_report(n: int = 1300) -> str:
    """An invented report with two figures per line: 2n indicators over about 3 pages."""
    rnd = random.Random(7)
    lines = ["2023年云溪市白鹭区政府工作报告", "各位代表：", "一、2022年工作回顾"]
    for i in range(1, n + 1):
        if i == n // 2:
            lines.append("二、2023年主要预期目标")
        lines.append(f"第{i}片区地区生产总值{100 + i}亿元，增长{rnd.randint(1, 9)}.{i % 10}%；"
                     f"一般公共预算收入{10 + i}亿元，增长{i % 7 + 1}%。")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pages")
    (tmp / "big.txt").write_text(big_report(), encoding="utf-8")
    db = str(tmp / "web.db")
    with open_store(db) as store:
        assert ingest(store, [*walk([str(SAMPLES)]), str(tmp / "big.txt")]).failed == 0
    return TestClient(create_app(db, cache=False))


def _doc(client, name):
    return next(d for d in client.get("/api/documents", params={"limit": 500}).json() if d["doc"] == name)


def test_text_pages_cover_the_text_at_line_ends():
    text = big_report()
    bounds = text_pages(text)
    assert len(bounds) >= 3 and bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a == prev_b for (a, _), (_, prev_b) in zip(bounds[1:], bounds, strict=False))
    assert all(text[b - 1] == "\n" and b - a <= PAGE_CHARS + 200 for a, b in bounds)


def test_a_long_document_comes_in_pages_with_counts(client):
    d = _doc(client, "big.txt")
    full = client.get(f"/api/documents/{d['id']}").json()
    total = sum(f["type"] == "indicator" for f in full["facts"])
    assert total >= 2500
    first = client.get(f"/doc/{d['id']}").text
    m = re.search(r"第 1 / (\d+) 页 · 本页标出 (\d+) 条指标，全文共 (\d+) 条", first)
    assert m, "no page counts"
    pages, shown = int(m.group(1)), int(m.group(2))
    assert pages >= 3 and int(m.group(3)) == total
    assert first.count('<mark class="fact"') == shown < total
    assert 'href="?p=2" rel="next"' in first
    last = client.get(f"/doc/{d['id']}", params={"p": pages}).text
    assert f"第 {pages} / {pages} 页" in last and "第1300片区" in last and "第1片区" not in last
    assert 'rel="prev"' in last and 'rel="next"' not in last
    # the outline links to the page a section is on
    assert re.search(r'href="\?p=[2-9]#s-\d+">二、2023年主要预期目标', first)


def test_a_cited_sentence_opens_its_page(client):
    d = _doc(client, "big.txt")
    facts = client.get(f"/api/documents/{d['id']}").json()["facts"]
    s, e = facts[-1]["span"]
    page = client.get(f"/doc/{d['id']}", params={"at": f"{s}-{e}"}).text
    assert 'id="cited"' in page and "第1300片区" in page


def test_tooltips_and_tables_speak_chinese(client):
    d = _doc(client, "mingaln-2023-report.txt")
    page = client.get(f"/doc/{d['id']}").text
    tips = re.findall(r'data-tip="([^"]*)"', page)
    assert tips and any("完成" in t for t in tips) and any("目标" in t for t in tips)
    assert not any(re.search(r"\b(actual|target|forecast)\b", t) for t in tips)
    compare = client.get("/compare", params={"metric": "GDP"}).text
    table = compare[compare.index("<table"):]
    assert not re.search(r">(actual|target|forecast)<", table) and re.search(r">(完成|目标|预计)<", table)
    assert "pager" not in compare  # short enough for one page


def test_long_compare_tables_are_paged(client, monkeypatch):
    monkeypatch.setattr(web_app, "PAGE_ROWS", 2)
    page = client.get("/compare", params={"metric": "GDP"}).text
    n = int(re.search(r"<p>(\d+) 个地区 · 本页显示第 1–2 个", page).group(1))
    assert n > 2 and page.count("<tr><td>") == 2
    assert f"第 1 / {-(-n // 2)} 页，共 {n} 个地区；全部数据见 CSV" in page
    second = client.get("/compare", params={"metric": "GDP", "p": 2}).text
    assert "本页显示第 3–" in second and 'rel="prev"' in second


def test_track_rules_in_chinese(client):
    import inspect

    from govlens.analysis import track
    from govlens.web.render import RULE_ZH

    assert set(re.findall(r'rule == "([a-z_-]+)"', inspect.getsource(track))) <= RULE_ZH.keys()

    page = client.get("/track", params={"region": "云溪市明澜区"}).text
    rules = re.findall(r'<td class="rule"(?: title="([^"]*)")?>([^<]*)</td>', page)
    assert any(code for code, _ in rules)
    for code, label in rules:
        assert label == RULE_ZH.get(code, "") and not re.search(r"[a-z]", label)


def test_glossary_page_counts(client):
    page = client.get("/glossary").text
    total = int(re.search(r"共 (\d+) 条", page).group(1))
    assert total == page.count("<dt>") and total >= 4
    assert "共 1 条" in client.get("/glossary", params={"q": "两直资金"}).text


def test_review_queue_is_paged_with_counts(tmp_path, monkeypatch):
    from govlens import accounts, submissions
    from govlens.submissions import Rules
    from govlens.web import moderation
    from test_submit import PASSWORD, login, report

    db = str(tmp_path / "r.db")
    with open_store(db) as s:
        accounts.add_user(s, "alice", PASSWORD)
        for i, county in enumerate(("青石县", "白沙县", "松岭县")):
            submissions.submit(s, title=f"{county}政府工作报告", region=f"云溪市{county}", contact="ed@example.cn",
                               text=report(county, 500 + i), rules=Rules())
    monkeypatch.setattr(moderation, "REVIEW_PAGE", 2)
    c = TestClient(create_app(db, cache=False))
    assert login(c).status_code == 303
    first = c.get("/review").text
    assert "待审核 3" in first and "第 1–2 篇，共 3 篇（第 1 / 2 页）" in first
    assert len(set(re.findall(r'href="/review/(\d+)"', first))) == 2
    second = c.get("/review", params={"p": 2}).text
    assert "第 3–3 篇，共 3 篇（第 2 / 2 页）" in second and 'rel="prev"' in second
