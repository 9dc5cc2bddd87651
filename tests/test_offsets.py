"""The offset map: every character of the normalised text points back to where it came from."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from govlens.model import Page
from govlens.offsets import OffsetChain, apply_edits, build
from govlens.stages.normalize import _t2s, normalize


def test_apply_edits_maps_kept_text_exactly():
    text = "地区生产总值[3]1134亿元，增长6.5%"
    new, m = apply_edits(text, [(6, 9, "")])
    assert new == "地区生产总值1134亿元，增长6.5%"
    chain = OffsetChain([m])
    for i, ch in enumerate(new):
        assert text[chain.to_source(i)] == ch


def test_moved_pieces_map_back_out_of_order():
    text = "延伸\n效果图\n配套性好"
    new, m = build([(0, 2, "延伸"), (7, 11, "配套性好"), (2, 2, "\n"), (3, 6, "效果图")], len(text))
    assert new == "延伸配套性好\n效果图"
    assert text[m.to_source(new.index("效"))] == "效"
    assert text[m.to_source(new.index("配"))] == "配"


_ALPHABET = st.sampled_from(
    [*list("地区生产总值增长發展經濟臺灣國際１２３４５６７８９０％．，。、：；（）() \n\u200b\u3000abc12345.%"), "一、", "（一）", "上 海", "[3]", "①", "各位代表：", "\r\n"]
)


def _fold(ch: str) -> str:
    """What normalisation may do to one character: t2s, width, punctuation form."""
    s = unicodedata.normalize("NFKC", _t2s().convert(ch))
    return {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?", "！": "!"}.get(s, s)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, min_size=1, max_size=60))
def test_normalize_map_is_consistent(parts):
    raw = "".join(parts)
    page = normalize(Page(source="t", raw=raw))
    text = page.text
    prev = -1
    for i, ch in enumerate(text):
        src = page.offsets.to_source(i)
        assert 0 <= src <= len(raw)
        if ch == "\n":
            continue
        # Characters copied or replaced one-for-one come from a character that folds to the same.
        orig = raw[src] if src < len(raw) else ""
        assert _fold(orig) == _fold(ch) or orig in "\r\n" or ch in " ", (raw, text, i, orig, ch)
        prev = src
    assert prev <= len(raw)


def test_pipeline_stages_declare_what_they_need():
    from govlens.pipeline import DOC_STAGES, _extract_stages, check

    assert check(DOC_STAGES + _extract_stages()) == []
    assert check(list(reversed(DOC_STAGES)))  # sections before metadata etc. is caught
