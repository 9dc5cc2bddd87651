"""Encodings and mojibake: every input a Chinese portal serves must come out as the same text."""

from __future__ import annotations

import codecs

import pytest

from govlens.errors import BinaryInput, EmptyInput
from govlens.io.decode import decode, repair_mojibake
from govlens.model import Page
from govlens.stages.normalize import normalize

TEXT = "二〇二三年地区生产总值增长6.5%，一般公共预算收入完成86.4亿元。"
TRAD = "地區生產總值增長6.5%，一般公共預算收入完成86.4億元。"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("gb18030"),
        (TEXT * 3).encode("gbk"),
    ],
)
def test_encodings_decode_to_the_same_text(data):
    text, _ = decode(data)
    assert text.lstrip("\ufeff").startswith(TEXT)


def test_big5_traditional_becomes_simplified():
    text, enc = decode((TRAD * 3).encode("big5"))
    assert enc.replace("_", "").lower() in ("big5", "big5hkscs", "cp950")
    page = normalize(Page(source="t", raw=text))
    assert page.text.startswith("地区生产总值增长6.5%，一般公共预算收入完成86.4亿元。")


def test_empty_and_binary_are_errors():
    with pytest.raises(EmptyInput):
        decode(b"  \n ")
    with pytest.raises(BinaryInput):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_utf8_read_as_latin1_is_repaired():
    moj = "经济社会发展取得新成就".encode().decode("latin-1")
    edits, stats = repair_mojibake("前言" + moj)
    assert edits and edits[0][2] == "经济社会发展取得新成就"
    assert stats["mojibake_repaired"] == 11


def test_gbk_read_one_byte_off_is_repaired_and_the_loss_counted():
    # What seed 000 holds: "。可以說" in GBK, read after a lost byte, shows as "??梢哉f".
    edits, stats = repair_mojibake("集聚效應??梢哉f，抓好重點")
    assert edits[0][2].endswith("以說")
    assert stats["mojibake_unrepaired"] == 2


@pytest.mark.parametrize(("raw", "want"), [
    ("本年收入合计２７，２０３，３１９，０００元。", "本年收入合计27,203,319,000元。"),
    ("年终结余1，011，038，000元，比上年增加。", "年终结余1,011,038,000元，比上年增加。"),
    ("分别为120，150个和80个。", "分别为120，150个和80个。"),  # one group: could be two figures
    ("增长7.5，8，100", "增长7.5，8，100"),  # not digits grouped by threes from the start
])
def test_thousands_written_with_full_width_commas_are_one_number(raw, want):
    page = normalize(Page(source="t", raw=raw))
    assert page.text == want and len(page.text) == len(raw)
