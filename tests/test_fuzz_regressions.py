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
