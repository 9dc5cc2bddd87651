"""The five real pages users bring: the documents a reader sees, and nothing else."""

from __future__ import annotations

import re

import pytest

from conftest import needs_shared, seed, seed_docs

pytestmark = needs_shared


def test_listing_holds_eight_reports_and_two_news_items():
    docs = seed_docs(seed("001"))
    kinds = [d.kind for d in docs]
    assert kinds == ["work_report"] * 8 + ["news"] * 2
    assert [d.region for d in docs[:8]] == ["青浦区", "普陀区", "虹口区", "嘉定区", "闵行区", "杨浦区", "松江区", "徐汇区"]
    # The 杨浦 entry is labelled 2021 but reviews 2011 and sets 2012 targets: the body wins.
    assert [d.year for d in docs[:8]] == [2021] * 5 + [2012] + [2021] * 2
    text = "\n".join(d.text for d in docs)
    for chrome in ("投稿", "尾页", "400-162-2002", "招商中心", "违约责任", "2025-07-08"):
        assert chrome not in text, chrome
    assert all(d.region == "上海市" for d in docs[8:])


def test_listing_traps_are_mended():
    minhang = seed_docs(seed("001"))[4]
    assert "多平台合一、多任务切换" in minhang.text
    assert "举一反三、建章立制" in minhang.text
    assert "3.73公里/平方公里" in minhang.text  # "3.73;公里" stray punctuation
    titles = [s.title for s in minhang.sections]
    assert not any(t.startswith(("多任务", "建章立制", "敢创唯一")) for t in titles), titles
    assert [s.label for s in minhang.sections] == ["一、", "二、", "三、", "四、"]
    assert minhang.sections[0].role == "review"


def test_forum_post_is_one_report_with_its_glossary():
    (doc,) = seed_docs(seed("002"))
    assert (doc.region, doc.year, doc.kind) == ("金山区", 2020, "work_report")
    assert doc.title == "2020年上海市金山区政府工作报告"
    for chrome in ("TA的每日心情", "Powered by", "回帖", "积分"):
        assert chrome not in doc.text
    entries = [g for g in doc.glossary if not g.term.startswith("注解")]
    assert len(entries) == 29
    assert {"三张清单", "一网通办", "双减半", "全程代办"} <= {g.term for g in entries}
    assert all(g.marker is None for g in entries)  # the body never points at them
    broken = next(g for g in doc.glossary if "11157" in g.term)
    assert "市民健身中心" in broken.definition  # entry 28 was broken across two lines
    # The note glued to 6.7% left the sentence and became a linked entry.
    assert "6.7%1" not in doc.text and "属地地区生产总值同比增长6.7%。" in doc.text
    note = next(g for g in doc.glossary if g.term == "注解1")
    assert note.marker == "1" and "预计数" in note.definition


def test_newspaper_page_has_five_articles_and_the_caption_left_the_sentence():
    docs = seed_docs(seed("003"))
    assert len(docs) == 5
    assert all(d.kind == "news" and d.region == "金山区" and d.year == 2021 for d in docs)
    first = docs[0]
    assert "延伸配套性好、支撑带动力强" in first.text
    assert "“华平银河一号智慧产业园C地块”项目" in first.text
    assert "效果图" not in first.text.split("\n")[3]
    assert docs[2].title.startswith("胡卫国主持召开第163次区委常委会会议")


def test_info_disclosure_page_metadata_and_markers():
    (doc,) = seed_docs(seed("004"))
    assert (doc.region, doc.year, doc.kind) == ("嘉兴市南湖区", 2021, "work_report")
    assert doc.index_no == "002550065/2021-155464"
    assert doc.issuer == "南湖区政府"
    assert "索引号" not in doc.text
    assert "“两直”资金1.43亿元" in doc.text and "[3]" not in doc.text
    labels = {m.label for m in doc.markers}
    assert {"1", "2", "3"} <= labels
    linked = {g.term: g.marker for g in doc.glossary}
    assert linked["一图一码一指数"] == "【1】"
    assert len(doc.glossary) == 19


def test_press_transcript_traditional_and_mojibake():
    (doc,) = seed_docs(seed("000"))
    assert (doc.region, doc.year, doc.kind) == ("金山区", 2023, "press")
    assert "新闻发布会" in doc.text and "發" not in doc.text
    assert "以说" in doc.text and "梢哉f" not in doc.text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_fact_is_grounded(prefix):
    for d in seed_docs(seed(prefix)):
        for f in d.facts:
            assert d.text[f.start : f.end] == f.quote
            if f.type == "indicator":
                for v in (f.data["value"], f.data["change"]):
                    if v is not None and isinstance(v, int) and v >= 10 and not f.data.get("as_written"):
                        assert (re.search(str(v), f.quote.replace(",", "")) or re.search(r"[一二三四五六七八九十百千两]", f.quote)
                                or re.search(r"\d/\d", f.quote))
