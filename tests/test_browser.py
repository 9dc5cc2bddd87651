"""The portal in a real headless Chromium (Debian's, driven by Playwright) against a real server.

Screenshots go to ``$GOVLENS_SCREENSHOTS`` (default: a temporary folder); the README and docs/TUTORIAL.md
show the ones in docs/screenshots (``GOVLENS_SCREENSHOTS=docs/screenshots .venv/bin/pytest tests/test_browser.py``).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from conftest import SAMPLES, serving
from govlens import accounts
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store

CHROMIUM = os.environ.get("GOVLENS_CHROMIUM") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PASSWORD = "correct horse battery"

if not Path(CHROMIUM).exists():
    # conftest.py prints a banner at the end of the run for this skip: it must not pass unnoticed.
    why = f"BROWSER TESTS NOT RUN: {CHROMIUM} is missing (make browsers, or apt-get install chromium)"
    if os.environ.get("GOVLENS_REQUIRE_BROWSER"):
        pytest.fail(why + "; GOVLENS_REQUIRE_BROWSER is set", pytrace=False)
    pytest.skip(why, allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

XSS = ("2023年云溪市白鹭区政府工作报告\n各位代表：\n一、2022年工作回顾\n"
       "全区地区生产总值880亿元，增长4.1%。<script>window.__xss = 1</script>"
       "<img src=x onerror=\"window.__xss = 2\">“一网通办”接入事项1200项。\n")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from govlens.web import create_app

    tmp = tmp_path_factory.mktemp("browser")
    db = str(tmp / "portal.db")
    (tmp / "xss.txt").write_text(XSS, encoding="utf-8")
    with open_store(db) as s:
        assert ingest(s, [*walk([str(SAMPLES)]), str(tmp / "xss.txt")]).failed == 0
        accounts.add_user(s, "alice", PASSWORD)
    with serving(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = Path(os.environ.get("GOVLENS_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.problems = problems
    yield pg
    ctx.close()
    assert not problems, problems  # no script error, no CSP violation on any page a test opened


def test_search_open_document_fact_tooltip(page, server, shots):
    page.goto(server + "/")
    page.fill("header input[name=q]", "一网通办")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    assert page.locator(".facets strong").inner_text() != "0"
    page.locator("a.hit", has_text="2023年云溪市明澜区").first.click()
    page.wait_for_url(re.compile(r"/doc/\d+"))
    fact = page.locator("mark.fact", has_text="亿元").first
    fact.scroll_into_view_if_needed()
    fact.hover()
    tip = fact.evaluate("el => getComputedStyle(el, '::after').content")
    assert "地区生产总值" in tip or "·" in tip, tip  # the tooltip shows metric · kind · period
    assert fact.get_attribute("data-tip").strip('"') in tip
    page.screenshot(path=str(shots / "document.png"))
    term = page.locator("a.term").first
    target = term.get_attribute("href")
    term.click()
    assert page.locator(target).is_visible()  # glossary term jumps to its definition


def test_comparison_answer_shows_a_table_a_bar_chart_and_links_each_figure_to_its_sentence(page, server, shots):
    page.goto(server + "/ask?q=" + "明澜区和溪北县2021年地区生产总值分别是多少？")
    answer = page.locator("#answer").inner_text()
    assert "1065亿元" in answer and "326亿元" in answer
    rows = page.locator("#answer-table tbody tr")
    assert rows.count() == 2
    canvas = page.locator("canvas[data-chart=answer-chart]")
    canvas.wait_for()
    page.wait_for_function("document.querySelector('canvas[data-chart=answer-chart]').dataset.points")
    assert canvas.get_attribute("data-points") == "2"  # Chart.js drew one bar per place
    spec = json.loads(page.locator("#answer-chart").text_content())
    assert spec["type"] == "bar" and sorted(spec["series"][0]["data"]) == [326, 1065]
    page.screenshot(path=str(shots / "ask-compare.png"), full_page=True)
    link = rows.nth(1).locator("td.figure a")
    assert "326亿元" in link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/doc/\d+\?at=\d+-\d+#cited"))
    # the cited sentence is where the link lands: the anchor sits right before the figure's sentence
    after = page.evaluate("() => { const a = document.getElementById('cited'); const r = document.createRange();"
                          " r.setStartAfter(a); r.setEndAfter(a.parentNode.lastChild); return r.toString().slice(0, 80); }")
    assert "326亿元" in after, after


def test_trend_answer_shows_a_line_chart_and_each_figure_links_to_its_sentence(page, server, shots):
    page.goto(server + "/ask?q=" + "明澜区历年地区生产总值")
    spec = json.loads(page.locator("#answer-chart").text_content())
    assert spec["type"] == "line" and spec["labels"] == ["2021", "2022", "2023"]
    page.wait_for_function("document.querySelector('canvas[data-chart=answer-chart]').dataset.points")
    assert page.locator("canvas[data-chart=answer-chart]").get_attribute("data-points") == "3"  # a point a year
    assert page.evaluate("Chart.getChart(document.querySelector('canvas[data-chart=answer-chart]')).config.type") == "line"
    page.screenshot(path=str(shots / "ask-trend.png"), full_page=True)
    # every figure of the answer text links to a cited sentence that states it
    links = page.locator("#answer a.fig")
    assert links.count() == 3
    for i in range(3):
        href = links.nth(i).get_attribute("href")
        assert re.fullmatch(r"/doc/\d+\?at=\d+-\d+#cited", href), href
    figure = links.nth(2).inner_text()
    links.nth(2).click()
    page.wait_for_url(re.compile(r"/doc/\d+\?at=\d+-\d+#cited"))
    after = page.evaluate("() => { const a = document.getElementById('cited'); const r = document.createRange();"
                          " r.setStartAfter(a); r.setEndAfter(a.parentNode.lastChild); return r.toString().slice(0, 120); }")
    assert figure in after, (figure, after)


def test_lookup_answer_figure_links_to_its_sentence_and_a_computed_one_does_not(page, server):
    page.goto(server + "/ask?q=" + "明澜区2023年地区生产总值比2021年增加了多少？")
    answer = page.locator("#answer")
    linked = [answer.locator("a.fig").nth(i).inner_text() for i in range(answer.locator("a.fig").count())]
    assert "1065" in linked and "1206" in linked, linked
    assert "141" not in linked  # the difference is computed: no sentence states it
    assert "141" in answer.inner_text()


def test_compare_chart_has_one_bar_per_region(page, server, shots):
    page.goto(server + "/compare?metric=地区生产总值")
    spec = json.loads(page.locator("#compare-data").text_content())
    canvas = page.locator("canvas[data-chart=compare-data]")
    canvas.wait_for()
    page.wait_for_function("document.querySelector('canvas[data-chart]').dataset.points !== undefined")
    bars = page.evaluate("Chart.getChart(document.querySelector('canvas[data-chart]')).getDatasetMeta(0).data.length")
    assert bars == len(spec["labels"]) == int(canvas.get_attribute("data-points")) >= 2
    rows = page.locator("table.compare tbody tr").count()
    assert rows == len(spec["labels"]) + spec["left_out"]
    assert page.locator("a", has_text="下载 CSV").get_attribute("href").startswith("/compare.csv?metric=")
    page.screenshot(path=str(shots / "compare.png"), full_page=True)


def test_submit_approve_then_searchable(page, server, shots):
    body = ("2024年云溪市青石县政府工作报告\n各位代表：\n一、2023年工作回顾\n"
            + "全县地区生产总值512亿元，比上年增长5.2%。一般公共预算收入40亿元，增长3%。" * 8)
    page.goto(server + "/submit")
    page.fill("input[name=title]", "青石县政府工作报告")
    page.fill("input[name=region]", "云溪市青石县")
    page.fill("input[name=contact]", "editor@example.cn")
    page.fill("textarea[name=text]", body)
    page.click("#submit-form button")
    page.wait_for_url(re.compile(r"/submit/status/"))
    status_url = page.url.split("?")[0]
    assert page.locator("#status").inner_text() == "待审核"
    page.goto(server + "/review")
    page.wait_for_url(re.compile(r"/login"))
    page.fill("input[name=name]", "alice")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.stack button")
    page.wait_for_url(re.compile(r"/review$"))
    page.locator("a", has_text="青石县政府工作报告").click()
    page.click("#approve")
    page.wait_for_selector("text=已收录")
    page.goto(server + "/search?q=青石县")
    assert page.locator("a.hit", has_text="青石县").count() == 1
    page.goto(status_url)
    assert page.locator("#status").inner_text() == "已收录"


def test_xss_payload_in_a_document_stays_text(page, server):
    page.goto(server + "/search?q=白鹭区")
    page.locator("a.hit").first.click()
    page.wait_for_url(re.compile(r"/doc/\d+"))
    assert page.evaluate("window.__xss") is None
    text = page.locator("article.text").inner_text()
    assert "<script>window.__xss = 1</script>" in text and "onerror" in text
    assert page.locator("article.text img, article.text script").count() == 0


@pytest.mark.parametrize("path", ["/", "/search?q=地区生产总值", "/compare?metric=地区生产总值", "/track", "/submit",
                                  "/glossary", "/ask?q=明澜区2023年地区生产总值是多少"])
def test_pages_fit_a_375px_phone(browser, server, shots, path):
    ctx = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = ctx.new_page()
    page.goto(server + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    if path == "/":
        page.screenshot(path=str(shots / "home-375.png"))
    ctx.close()


def test_api_docs_load_from_vendored_files(page, server):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/search" in [p.strip() for p in paths]
    assert all(u.startswith(server) for u in requests), [u for u in requests if not u.startswith(server)]


def test_tutorial_targets_against_outcomes_chart(page, server, shots):
    """docs/TUTORIAL.md's last step: one region's targets against outcomes, as a chart per measure."""
    page.goto(server + "/")
    page.screenshot(path=str(shots / "home.png"))
    page.goto(server + "/track?region=" + "云溪市明澜区")
    canvases = page.locator("canvas[data-chart^=track-]")
    canvases.first.wait_for()
    assert canvases.count() >= 2
    page.wait_for_function("[...document.querySelectorAll('canvas[data-chart^=track-]')].every(c => c.dataset.points)")
    spec = json.loads(page.locator("#track-1").text_content())
    assert [s["label"] for s in spec["series"]] == ["目标", "完成"] and len(spec["labels"]) >= 2
    assert int(canvases.first.get_attribute("data-points")) == len(spec["labels"])
    badges = page.locator(".badge.met").first.inner_text()
    assert badges.startswith("完成")
    page.screenshot(path=str(shots / "track.png"), full_page=True)
    # a document's tooltips speak Chinese too
    page.goto(server + "/search?q=" + "地区生产总值")
    page.locator("a.hit", has_text="2024年云溪市明澜区").first.click()
    tips = page.locator("mark.fact").evaluate_all("els => els.map(e => e.dataset.tip)")
    assert tips and all(not re.search(r"\b(actual|target|forecast)\b", t) for t in tips)
    assert any("目标" in t for t in tips) and any("完成" in t for t in tips)
