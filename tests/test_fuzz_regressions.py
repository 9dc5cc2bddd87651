"""Inputs that once crashed govlens (found by fuzzing or by hand), each now read or refused cleanly."""

from __future__ import annotations

import pytest

import govlens
from govlens.stages.numbers import MAX_DIGITS, clean_number, cn_int, parse_number

HEAD = "某某市政府工作报告\n2023年\n"


@pytest.mark.parametrize("figure", [
    "9" * 400 + "亿元",          # float('9'*400) is inf: int(inf) raised OverflowError
    "1" * 400 + ".5%",
    "一" * 400 + "万亿元",
    "9" * 5000 + "%",            # past Python's 4300-digit int-from-string limit
    "一" * 5000 + "万亿元",
    "1" + "0" * 300 + "%",       # 1e300 is finite, 1e309 is not
])
def test_long_numbers_are_read_without_error(figure):
    docs = govlens.read_text(HEAD + ("地区生产总值增长" + figure + "。") * 3)
    assert docs
    for f in docs[0].facts:
        v = f.data.get("value")
        assert v is None or abs(v) < 10 ** (MAX_DIGITS + 8)


def test_number_parsers_bound_digits():
    assert parse_number("9" * 400) is None
    assert parse_number("一" * 400) is None
    assert cn_int("一" * 5000) is None
    assert parse_number("1" + "0" * 20) == 1e20
    assert parse_number("1,134.5") == 1134.5
    assert clean_number(float("inf")) is None
    assert clean_number(float("nan")) is None


# --- decoding ----------------------------------------------------------------------------------------

BODY = "某某市2023年政府工作报告。全市地区生产总值增长5.2%，城镇新增就业3.1万人。\n"


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"])
@pytest.mark.parametrize("tail", [b"\xff\xfe\xfd" * 3, b"\x80", b"\xc3", b"\xed\xa0\x80" * 50])
def test_a_bom_followed_by_invalid_bytes_is_text_or_a_coded_error(bom, tail):
    from govlens.errors import GovlensError
    from govlens.io.decode import decode

    try:  # was UnicodeDecodeError
        text, _ = decode(bom + tail, "x.txt")
        assert text.strip()
    except GovlensError as e:
        assert e.code in ("E002", "E004")


@pytest.mark.parametrize(("bom", "enc"), [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                                          (b"\xfe\xff", "utf-16-be")])
def test_a_bom_with_one_broken_unit_keeps_its_encoding(bom, enc):
    from govlens.io.decode import decode

    data = bom + (BODY * 50).encode(enc) + b"\xd8"  # an odd byte / a truncated sequence at the end
    text, got = decode(data)
    assert got.startswith(enc[:6]) and text.count("\ufffd") == 1 and text.startswith(BODY.lstrip("\ufeff"))


def test_utf8_after_a_utf16_bom_is_read_as_utf8():
    from govlens.io.decode import decode

    text, enc = decode(b"\xff\xfe" + (BODY * 20).encode("utf-8"))
    assert enc == "utf-8" and text == BODY * 20


def test_one_stray_byte_in_a_large_utf8_file_is_replaced_and_reported(tmp_path):
    from conftest import run_cli

    body = (BODY * 5000).encode("utf-8")
    assert len(body.decode()) > 200_000
    f = tmp_path / "big.txt"
    cut = body.index("全市".encode(), 300)
    f.write_bytes(body[:cut] + b"\xff" + body[cut:])
    r = run_cli("docs", str(f), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    assert "big.txt: 1 undecodable byte in utf-8 text replaced with U+FFFD" in r.stderr
    from conftest import jsonl

    docs = jsonl(r.stdout)
    assert docs and "全市地区生产总值" in docs[0]["text"]


def test_gbk_is_not_taken_for_utf8_with_stray_bytes():
    from govlens.io.decode import decode

    text, enc = decode((BODY * 50).encode("gbk"))
    assert enc in ("gb18030", "gbk", "gb2312") and text == BODY * 50


# --- HTML -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["div", "span", "ul", "table", "blockquote"])
def test_deeply_nested_html_is_read(tag):
    from govlens.io.html import read_html

    n = 100_000
    page = read_html("<html><body>" + f"<{tag}>" * n + BODY + f"</{tag}>" * n, "deep.html")
    assert "全市地区生产总值增长5.2%" in page.raw


def test_flattening_keeps_shallow_pages_unchanged():
    from govlens.io.html import flatten_deep

    html = "<div>" * 10 + "<p>a</p>" * 500 + "</div>" * 10
    assert flatten_deep(html) == html
    deep = flatten_deep("<div>" * 300 + "x" + "</div>" * 300, limit=256)
    assert deep.count("<div>") == 256 and deep.count("</div>") == 256


# --- size ---------------------------------------------------------------------------------------------


def test_a_huge_document_is_cut_into_parts_that_map_back_to_the_source():
    from govlens.model import Page
    from govlens.pipeline import page_to_docs
    from govlens.stages.cap import cap_documents

    raw = HEAD + "".join(f"第{i}段：全市地区生产总值增长{i % 9}.5%，城镇新增就业{i % 7}万人。\n" for i in range(3000))
    page = Page(source="dir/big.txt", raw=raw)
    (doc,) = page_to_docs(page)
    parts = cap_documents([doc], limit=20_000)
    assert len(parts) == -(-len(doc.text) // 20_000) or len(parts) == len(doc.text) // 20_000 + 1
    assert [p.id for p in parts] == [f"big.txt#{k}" for k in range(1, len(parts) + 1)]
    assert "".join(p.text for p in parts) == doc.text
    assert all(len(p.text) <= 20_000 and p.text.endswith("\n") for p in parts[:-1])
    pos = 0
    for p in parts:  # every part's characters map to the same source characters as the whole's
        for i in (0, len(p.text) // 2, len(p.text) - 1):
            assert p.source_span(i, i + 1) == doc.source_span(pos + i, pos + i + 1)
        pos += len(p.text)


def test_extract_streams_documents_and_counts_them(tmp_path):
    from conftest import jsonl, run_cli

    f = tmp_path / "several.txt"
    f.write_text(HEAD + "".join(f"第{i}段：地区生产总值增长{i % 9}.5%。\n" for i in range(4000)), encoding="utf-8")
    import os
    import subprocess
    import sys

    env = dict(os.environ, GOVLENS_MAX_DOC_CHARS="30000")
    r = subprocess.run([sys.executable, "-m", "govlens", "extract", str(f), "--format", "jsonl"],
                       capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    facts = jsonl(r.stdout)
    docs = {x["doc"] for x in facts}
    assert len(docs) > 2 and all(d.startswith("several.txt#") for d in docs)
    assert sum(1 for x in facts if x["type"] == "indicator") >= 3900
    plain = run_cli("extract", str(f), "--format", "jsonl")
    assert len(jsonl(plain.stdout)) == len(facts)  # cutting loses no figure
