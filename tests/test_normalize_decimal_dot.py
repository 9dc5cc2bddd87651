"""A middle dot as the decimal point before a percentage (older reports) reads as one; an event's date
name (“12·21”事故) keeps its dot (normalize._DOT_DECIMAL, a one-for-one edit: offsets unchanged)."""

from __future__ import annotations

import pytest

import govlens

HEAD = "2035年云溪市明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n一、2034年工作回顾\n"


@pytest.mark.parametrize(("line", "expected"), [
    ("全社会固定资产投资增长14·1％，进出口增长0・5%。", "全社会固定资产投资增长14.1%，进出口增长0.5%。"),
    ("“12·21”特大道路交通事故，“4·11”森林火灾。", "“12·21”特大道路交通事故，“4·11”森林火灾。"),
])
def test_a_middle_dot_before_a_percentage_is_a_decimal_point(line, expected):
    (doc,) = govlens.read_text(HEAD + line + "\n")
    assert expected in doc.text
    at = doc.text.index(expected)
    assert doc.source_span(at, at + len(expected)) is not None
